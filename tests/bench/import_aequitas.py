"""Group disparities in Aequitas, for `cargo xtask bench` (issue 9): on the same person-level CSV
and with the planner's ethnicity mapping, each SC-WRES metric's relative likelihood for the
comparison group against the reference group, which Aequitas calls the predicted prevalence
disparity (`pprev_disparity`: the share with score 1 in a group over the reference group's).

Prints one JSON line: the median time of N runs (after one warm-up) of reading the file and
computing every metric's disparity, the peak memory, Aequitas's version and the ratios, which the
bench compares with the planner's.

Usage: python import_aequitas.py <people.csv> <mapping.json> [runs]
"""
import json
import resource
import sys
import time
import warnings
from importlib.metadata import version

import pandas as pd
from aequitas.bias import Bias
from aequitas.group import Group

warnings.filterwarnings("ignore")
path, mapping_path = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
mapping = json.load(open(mapping_path, encoding="utf-8"))
YES = {"Y", "YES", "1", "TRUE", "X"}
METRICS = [
    ("appointment", "Appointed", "Shortlisted"),
    ("disciplinary", "Formal disciplinary", None),
    ("fitness_to_practise", "Fitness to practise referral", None),
    ("cpd", "Non-mandatory CPD", None),
    ("leaving", "Leaver", None),
    ("senior_roles", "Senior role", None),
]


def compute():
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    side = df["Ethnic origin"].str.strip().map(mapping)
    ratios = {}
    for metric, events_col, base_col in METRICS:
        events = df[events_col].str.strip().str.upper().isin(YES).astype(int)
        frame = pd.DataFrame({"score": events, "label_value": events, "side": side})
        frame = frame[frame["side"].isin(["comparison", "reference"])]
        if base_col:
            frame = frame[df.loc[frame.index, base_col].str.strip().str.upper().isin(YES)]
        crosstab, _ = Group().get_crosstabs(frame, attr_cols=["side"])
        disparity = Bias().get_disparity_predefined_groups(
            crosstab, original_df=frame, ref_groups_dict={"side": "reference"}, check_significance=False
        )
        row = disparity[disparity["attribute_value"] == "comparison"].iloc[0]
        ratios[metric] = float(row["pprev_disparity"])
    return ratios


compute()
times = []
for _ in range(runs):
    start = time.perf_counter()
    ratios = compute()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"median_ms": times[len(times) // 2],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "ratios": ratios, "aequitas": version("aequitas")}))
