"""The same computation as the planner's import, in pandas, for `cargo xtask bench` (issue 7): each
SC-WRES metric's events and totals by side, as `import::people` counts them.

Usage: python import_pandas.py <people.csv> <mapping.json> [runs]
"""
import pandas as pd

from people_metrics import METRICS, is_yes, read, run


def compute():
    df, side = read()
    out = {}
    for metric, events_col, base_col in METRICS:
        events = is_yes(df[events_col])
        base = is_yes(df[base_col]) if base_col else pd.Series(True, index=df.index)
        counts = {}
        for s in ("comparison", "reference", "not_stated"):
            in_side = (side == s) & base
            counts[s] = [int((events & in_side).sum()), int(in_side.sum())]
        out[metric] = counts
    return out


run(compute, pd.__version__, "counts")
