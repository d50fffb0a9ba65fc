"""What the two Python peers of `cargo xtask bench` share (import_pandas.py, import_aequitas.py):
the person-level file's metrics, how a yes reads, reading the file with the planner's ethnicity
mapping, and timing a computation. Each script prints one JSON line: the median time of N runs
(5 unless given; after one warm-up), the peak memory of the process, the peer's version, and its
results, which the bench compares with the planner's.
"""
import json
import resource
import sys
import time

import pandas as pd

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


def is_yes(column):
    """Each cell of a column read as yes (True) or not."""
    return column.str.strip().str.upper().isin(YES)


def read():
    """The file named on the command line, and each person's side ("reference", "comparison" or
    "not_stated") by the mapping file the planner wrote."""
    mapping = json.load(open(sys.argv[2], encoding="utf-8"))
    df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return df, df["Ethnic origin"].str.strip().map(mapping)


def run(compute, version, results_key):
    """Times `compute()` and prints the JSON line."""
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    compute()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        results = compute()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({"median_ms": times[len(times) // 2],
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "version": version, results_key: results}))
