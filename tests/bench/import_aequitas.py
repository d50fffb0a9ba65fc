"""Group disparities in Aequitas, for `cargo xtask bench` (issue 9): each SC-WRES metric's relative
likelihood for the comparison group against the reference group, which Aequitas calls the
predicted prevalence disparity (`pprev_disparity`: the share with score 1 in a group over the
reference group's), computed from the file each run.

Usage: python import_aequitas.py <people.csv> <mapping.json> [runs]
"""
import warnings
from importlib.metadata import version

import pandas as pd
from aequitas.bias import Bias
from aequitas.group import Group

from people_metrics import METRICS, is_yes, read, run

warnings.filterwarnings("ignore")


def compute():
    df, side = read()
    ratios = {}
    for metric, events_col, base_col in METRICS:
        events = is_yes(df[events_col]).astype(int)
        frame = pd.DataFrame({"score": events, "label_value": events, "side": side})
        keep = frame["side"].isin(["comparison", "reference"])
        if base_col:
            keep &= is_yes(df[base_col])
        frame = frame[keep]
        crosstab, _ = Group().get_crosstabs(frame, attr_cols=["side"])
        disparity = Bias().get_disparity_predefined_groups(
            crosstab, original_df=frame, ref_groups_dict={"side": "reference"}, check_significance=False
        )
        ratios[metric] = float(disparity[disparity["attribute_value"] == "comparison"].iloc[0]["pprev_disparity"])
    return ratios


run(compute, version("aequitas"), "ratios")
