"""The same computation as the planner's import, in pandas, for `cargo xtask bench` (issue 7).

Reads the 100,000-row person-level CSV the bench wrote, maps each ethnicity value to its side with
the mapping the planner found (value -> "reference" / "comparison" / "not_stated"), and counts each
SC-WRES metric's events and totals by side, as `import::people` does. Prints one JSON line: the
median time of N runs (5 unless given; after one warm-up), the peak memory of this process, and the counts, which
the bench compares with the planner's.

Usage: python import_pandas.py <people.csv> <mapping.json> [runs]
"""
import json
import resource
import sys
import time

import pandas as pd

path, mapping_path = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
mapping = json.load(open(mapping_path, encoding="utf-8"))
YES = {"Y", "YES", "1", "TRUE", "X"}

# (metric id, events column, column whose "yes" selects the total, or None for everyone)
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
    out = {}
    for metric, events_col, base_col in METRICS:
        events = df[events_col].str.strip().str.upper().isin(YES)
        base = df[base_col].str.strip().str.upper().isin(YES) if base_col else pd.Series(True, index=df.index)
        counts = {}
        for s in ("comparison", "reference", "not_stated"):
            in_side = (side == s) & base
            counts[s] = [int((events & in_side).sum()), int(in_side.sum())]
        out[metric] = counts
    return out


compute()
times = []
for _ in range(runs):
    start = time.perf_counter()
    counts = compute()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"median_ms": times[len(times) // 2], "peak_mb": peak_kb / 1024, "counts": counts,
                  "pandas": pd.__version__}))
