#!/usr/bin/env python3
"""Reference checks of the statistics: recomputes every figure the domain crate worked out.

Usage: check_stats.py <figures.json>   (the file `cargo xtask reference-figures` writes)

Each figure is recomputed here without the domain crate, from METRICS.md:
- Wilson interval: statsmodels `proportion_confint(method="wilson")`.
- Relative likelihood and its log (Katz) interval: statsmodels `Table2x2(..., shift_zeros=False)
  .riskratio_confint()`. statsmodels' own zero handling (`shift_zeros=True`) adds 0.5 to every cell
  when any cell, events or non-events, is 0, which is not METRICS.md's rule; so the METRICS.md
  correction (a numerator of 0: add 0.5 to both numerators and 1 to both denominators) is applied
  here first and the corrected table given to statsmodels as it is.
- Representation ratio: the Wilson interval above divided by the baseline; of two samples, the
  relative likelihood above.
- Median and quartiles: numpy `percentile` (its default, "linear", method) of the finite values.
- The status against the non-adverse range, the adverse direction of each metric, small-number
  suppression and the "not stated" flag: the rules of METRICS.md, written out below in plain Python.

A number agrees when it matches to 4 significant figures: a relative difference of at most 1e-4
(or both within 1e-12 of each other, for figures that are 0). About z: METRICS.md (and the domain)
fix z = 1.959964, while scipy and statsmodels use norm.ppf(0.975) = 1.959963985; the relative
difference, 8e-9, moves an interval end by far less than that tolerance, so the reference keeps
scipy's z. A category (not computable and why, corrected or not, a status, a suppressed cell, a
flag) must match exactly.

Exit status 1, listing every mismatch with its inputs, when anything differs. The last lines are a
one-line summary and a `test result:` line that `cargo xtask test` counts (one test a statistic).
"""

import json
import math
import sys
import traceback
from fractions import Fraction

try:
    import numpy as np
    import scipy
    import statsmodels
    from scipy.stats import norm
    from scipy.stats.contingency import relative_risk
    from statsmodels.stats.contingency_tables import Table2x2
    from statsmodels.stats.proportion import proportion_confint
except ImportError as error:
    print(
        f"check_stats.py: {error}. Run it with the venv `cargo xtask reference-check` makes "
        "(target/reference-venv), or: pip install -r tests/reference/requirements.txt"
    )
    sys.exit(1)

REL_TOL = 1e-4
ABS_TOL = 1e-12
METRICS_Z = 1.959964
MIN_RANDOM = 200


# The reference: each function takes the same inputs as the domain's and returns its figures.


class Ratio:
    """A ratio with its interval, or the reasons it is not computable (any one may be given)."""

    def __init__(self, reasons=None, **figures):
        self.reasons = reasons or set()
        self.figures = figures

    def __getattr__(self, name):
        try:
            return self.__dict__["figures"][name]
        except KeyError:
            raise AttributeError(name)


def wilson(x, n):
    if n == 0 or x > n:
        return None
    lower, upper = proportion_confint(x, n, alpha=0.05, method="wilson")
    return {"value": x / n, "lower": float(lower), "upper": float(upper)}


def relative_likelihood(x1, n1, x2, n2):
    reasons = set()
    if x1 > n1 or x2 > n2:
        reasons.add("count_above_total")
    if n1 == 0 or n2 == 0:
        reasons.add("empty_group")
    if x1 == 0 and x2 == 0:
        reasons.add("no_events")
    if reasons:
        return Ratio(reasons)
    corrected = x1 == 0 or x2 == 0
    add_x, add_n = (Fraction(1, 2), 1) if corrected else (0, 0)
    a, m = x1 + add_x, n1 + add_n
    c, k = x2 + add_x, n2 + add_n
    table = Table2x2(
        np.array([[float(a), float(m - a)], [float(c), float(k - c)]]), shift_zeros=False
    )
    lower, upper = table.riskratio_confint(alpha=0.05)
    return Ratio(
        value=float(table.riskratio),
        lower=float(lower),
        upper=float(upper),
        corrected=corrected,
        # The exact ratio, to read against the range's ends: 4 of 10 against 5 of 10 is 0.80.
        exact=Fraction(a) * k / (Fraction(c) * m),
    )


def typed(number):
    """A number as the person typed it (the shortest decimal of the float), exactly."""
    return Fraction(repr(number))


def representation(x, n, b):
    reasons = set()
    if not (0 < b <= 1):  # also catches NaN
        reasons.add("invalid_baseline")
    if n == 0:
        reasons.add("empty_group")
    if x > n:
        reasons.add("count_above_total")
    if reasons:
        return Ratio(reasons)
    w = wilson(x, n)
    share = x / n
    return Ratio(
        value=share / b,
        lower=w["lower"] / b,
        upper=w["upper"] / b,
        corrected=False,
        share=share,
        baseline_share=b,
        gap_points=(share - b) * 100,
        exact=Fraction(x, n) / typed(b),
    )


def representation_of_samples(x, n, bx, bn):
    ratio = relative_likelihood(x, n, bx, bn)
    if ratio.reasons:
        return ratio
    ratio.figures.update(
        share=x / n, baseline_share=bx / bn, gap_points=(x / n - bx / bn) * 100
    )
    return ratio


RATIOS = {
    "relative_likelihood": lambda i: relative_likelihood(*i),
    "representation": lambda i: representation(i[0], i[1], as_float(i[2])),
    "representation_of_samples": lambda i: representation_of_samples(*i),
}


def status(ratio, ends, adverse):
    """METRICS.md "Reading a ratio". The range's ends count as within."""
    if ratio.reasons:
        return "not_computable"
    lower, upper = typed(ends[0]), typed(ends[1])
    if lower <= ratio.exact <= upper:
        return "within"
    if ratio.lower <= 1 <= ratio.upper:
        return "outside_not_conclusive"
    if (ratio.exact > 1) == (adverse == "above"):
        return "adverse"
    return "favourable_to_comparison"


# METRICS.md "Orientation": whether each event is good for the person. Pay bands (metric 1) and
# senior roles (metric 9) are not in its table; being in a band or a senior role counts as good,
# since under-representation there is the concern.
GOOD_EVENTS = {"appointment", "cpd", "good_service_outcome", "pay_bands", "senior_roles"}
BAD_EVENTS = {
    "disciplinary",
    "fitness_to_practise",
    "harassment_from_public",
    "harassment_from_colleagues",
    "harassment_from_managers",
    "leaving",
}
# NHS WRES indicators 2 (appointment) and 4 (non-mandatory CPD) are reference ÷ comparison.
NHS_REVERSED = {"appointment", "cpd"}


def adverse_direction(convention, metric):
    reversed_ = convention == "nhs_wres" and metric in NHS_REVERSED
    orientation = "reference_over_comparison" if reversed_ else "comparison_over_reference"
    if metric in GOOD_EVENTS:
        adverse = "below"
    elif metric in BAD_EVENTS:
        adverse = "above"
    else:
        return orientation, f"a metric METRICS.md does not list: {metric}"
    if reversed_:
        adverse = {"below": "above", "above": "below"}[adverse]
    return orientation, adverse


# METRICS.md "Small numbers": counts 1 to 4 ("<5"), 1 to 9 ("<10"), or 1 to 7 shown as "*" with all
# others rounded to the nearest 5 (NHS Digital); never a threshold below 3.
THRESHOLDS = {"less_than_5": 5, "less_than_10": 10, "nhs_digital": 8}


def published(n, preset):
    if n == 0:
        return "0"
    if n < max(THRESHOLDS[preset], 3):
        return "*"
    if preset == "nhs_digital":
        return str((n + 2) // 5 * 5)  # integers are never halfway between multiples of 5
    return str(n)


def reportable(numerator, denominator, preset):
    """Withheld when the numerator is suppressed or the denominator is under 10. A count above
    its total is invalid data, never reported."""
    return (
        numerator <= denominator
        and denominator >= 10
        and published(numerator, preset) != "*"
    )


def not_stated_flag(not_stated, total):
    """METRICS.md: "above 10% of records" is a data-quality problem. More "not stated" than
    records is invalid data METRICS.md says nothing about: either answer is accepted."""
    if not_stated > total:
        return {True, False}
    return total > 0 and Fraction(not_stated, total) > Fraction(1, 10)


def median_iqr(values):
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return None
    q1, median, q3 = np.percentile(finite, [25, 50, 75])  # method="linear", the default
    return {"median": float(median), "q1": float(q1), "q3": float(q3), "count": len(finite)}


# Comparing.


def as_float(value):
    """Inputs that are not finite come as the strings "NaN", "inf", "-inf"."""
    return float(value)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def close(a, b, scale=1.0):
    return abs(a - b) <= max(REL_TOL * max(abs(a), abs(b)), ABS_TOL * scale)


class Statistic:
    def __init__(self, name):
        self.name = name
        self.records = 0
        self.random = 0
        self.numbers = 0
        self.categories = 0
        self.mismatches = []
        self.known = []
        self.now_agree = []

    @property
    def figures(self):
        return self.numbers + self.categories

    @property
    def failed(self):
        return bool(self.mismatches or self.now_agree)


class Check:
    """The checks of one record; mismatches name the record's case and inputs."""

    def __init__(self, statistic, record, inputs):
        self.statistic = statistic
        self.record = record
        self.where = f"{statistic.name} | {record.get('case', '?')} | {inputs}"
        self.mismatches = []
        statistic.records += 1
        if str(record.get("case", "")).startswith("random"):
            statistic.random += 1

    def number(self, name, domain, reference, scale=1.0):
        """`scale` widens the allowance for 0: see `check_figures`."""
        self.statistic.numbers += 1
        if not is_number(domain) or not math.isfinite(domain):
            self.fail(f"{name}: domain gave {domain!r}, not a finite number; reference {reference!r}")
        elif not close(domain, reference, scale):
            relative = abs(domain - reference) / max(abs(domain), abs(reference))
            self.fail(
                f"{name}: domain {domain!r}, reference {reference!r} "
                f"(relative difference {relative:.2e})"
            )

    def category(self, name, domain, acceptable):
        """`acceptable` is the reference's answer, or a set of answers that are all right."""
        self.statistic.categories += 1
        allowed = acceptable if isinstance(acceptable, set) else {acceptable}
        try:
            agrees = domain in allowed
        except TypeError:  # a dict or list where a category was expected
            agrees = False
        if not agrees:
            reference = " or ".join(sorted(map(repr, allowed)))
            self.fail(f"{name}: domain {domain!r}, reference {reference}")

    def fail(self, message):
        self.mismatches.append(f"{self.where} | {message}")

    def done(self):
        if self.record.get("known"):
            if self.mismatches:
                self.statistic.known.extend(self.mismatches)
            else:
                self.statistic.now_agree.append(
                    f"{self.where} | marked 'known' in edge_cases.txt but now agrees: "
                    "remove the mark"
                )
        else:
            self.statistic.mismatches.extend(self.mismatches)


def check_figures(check, domain, reference, names, scale=1.0):
    """A result that is a dict of figures, or not computable (a dict with `not_computable`).
    `scale` multiplies the allowance for 0 of the ratio and its interval (see the caller)."""
    if isinstance(reference, Ratio):
        if reference.reasons:
            got = domain.get("not_computable", domain) if isinstance(domain, dict) else domain
            check.category("not computable, because", got, reference.reasons)
            return
        reference = reference.figures
    if not isinstance(domain, dict) or "not_computable" in domain:
        check.category("result", domain, "figures")
        return
    for name in names:
        if name in ("corrected", "count"):
            check.category(name, domain.get(name), reference[name])
        elif name in ("value", "lower", "upper"):
            check.number(name, domain.get(name), reference[name], scale)
        else:
            check.number(name, domain.get(name), reference[name])


def run(data):
    statistics = data["statistics"]
    results = []

    def statistic(name):
        s = Statistic(name)
        results.append(s)
        return s, statistics.get(name)

    s, _ = statistic("constants")
    c = Check(s, {"case": "METRICS.md constants"}, "z and the suppression thresholds")
    c.category("z", data.get("z"), METRICS_Z)
    for preset, threshold in THRESHOLDS.items():
        c.category(f"threshold of {preset}", data["suppression_thresholds"].get(preset), threshold)
    c.done()

    s, records = statistic("wilson_interval")
    for r in records:
        c = Check(s, r, f"x={r['x']} n={r['n']}")
        ref = wilson(r["x"], r["n"])
        if ref is None:
            c.category("result", r["result"], None)
        else:
            check_figures(c, r["result"], ref, ["value", "lower", "upper"])
        c.done()

    figures = ["value", "lower", "upper", "corrected"]
    representation_figures = figures + ["share", "baseline_share", "gap_points"]
    for name, kind, names in [
        ("relative_likelihood", "relative_likelihood", figures),
        ("representation_ratio", "representation", representation_figures),
        ("representation_ratio_of_samples", "representation_of_samples", representation_figures),
    ]:
        s, records = statistic(name)
        for r in records:
            c = Check(s, r, f"inputs {r['inputs']}")
            # A Wilson lower end for 0 events is 0, worked out as centre - half-width, which leaves
            # a rounding residue of about 1e-17 (here and in the domain). Divided by a fixed
            # baseline share near 0 it grows by 1 / baseline, and so does the allowance for 0.
            reference = RATIOS[kind](r["inputs"])
            scale = 1.0
            if kind == "representation" and not reference.reasons:
                scale = 1.0 / reference.baseline_share
            check_figures(c, r["result"], reference, names, scale)
            c.done()

    s, records = statistic("median_iqr")
    for r in records:
        values = [as_float(v) for v in r["values"]]
        c = Check(s, r, f"values {r['values']}")
        ref = median_iqr(values)
        if ref is None:
            c.category("result", r["result"], None)
        else:
            check_figures(c, r["result"], ref, ["median", "q1", "q3", "count"])
        c.done()

    s, records = statistic("ratio_status")
    for r in records:
        inputs = f"{r['kind']} {r['inputs']}, range {r['range']}, adverse {r['adverse']}"
        c = Check(s, r, inputs)
        expected = status(RATIOS[r["kind"]](r["inputs"]), r["range"], r["adverse"])
        c.category("status", r["status"], expected)
        c.done()

    s, records = statistic("adverse_direction")
    for r in records:
        c = Check(s, r, f"{r['convention']} {r['metric']}")
        orientation, adverse = adverse_direction(r["convention"], r["metric"])
        c.category("orientation", r["orientation"], orientation)
        c.category("adverse direction", r["adverse"], adverse)
        c.done()

    s, records = statistic("suppress_count")
    for r in records:
        c = Check(s, r, f"n={r['n']} preset {r['preset']}")
        text = published(r["n"], r["preset"])
        c.category("published", r["text"], text)
        c.category("suppressed", r["suppressed"], text == "*")
        c.done()

    s, records = statistic("rate_is_reportable")
    for r in records:
        c = Check(
            s, r, f"numerator {r['numerator']} denominator {r['denominator']} preset {r['preset']}"
        )
        expected = reportable(r["numerator"], r["denominator"], r["preset"])
        c.category("reportable", r["reportable"], expected)
        c.done()

    s, records = statistic("not_stated_flag")
    for r in records:
        c = Check(s, r, f"not stated {r['not_stated']} of {r['total']}")
        c.category("flag", r["flag"], not_stated_flag(r["not_stated"], r["total"]))
        c.done()

    return results


def reference_reproduces_metrics_md():
    """The reference itself must give METRICS.md's worked examples, or nothing it says counts."""
    problems = []

    def expect(what, got, want):
        if not all(abs(g - w) <= 1e-5 * max(abs(w), 1e-9) + 5e-6 for g, w in zip(got, want)):
            problems.append(f"{what}: reference gives {got}, METRICS.md says {want}")

    w = wilson(41, 100)
    expect("Wilson 41 of 100", (w["lower"], w["upper"]), (0.31867, 0.50799))
    for counts, want in [
        ((41, 100, 53, 100), (0.77358, 0.57371, 1.04309)),
        ((250, 1000, 120, 800), (1.66667, 1.36891, 2.02919)),
        ((0, 40, 6, 120), (0.22702, 0.01307, 3.94253)),
    ]:
        r = relative_likelihood(*counts)
        expect(f"relative likelihood {counts}", (r.value, r.lower, r.upper), want)
    # A second implementation of the log interval (scipy's), on SciPy's documented example.
    interval = relative_risk(10, 75, 12, 225).confidence_interval(0.95)
    r = relative_likelihood(10, 75, 12, 225)
    expect("statsmodels against scipy.stats.relative_risk", (r.lower, r.upper),
           (interval.low, interval.high))
    if abs(norm.ppf(0.975) - METRICS_Z) > 1e-6:
        problems.append(f"scipy's z {norm.ppf(0.975)} is not METRICS.md's {METRICS_Z}")
    return problems


def main():
    if len(sys.argv) != 2:
        print("usage: check_stats.py <figures.json> (from `cargo xtask reference-figures`)")
        return 1
    try:
        with open(sys.argv[1], encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, ValueError) as error:
        print(f"check_stats.py: cannot read the figures in {sys.argv[1]}: {error}")
        return 1

    problems = reference_reproduces_metrics_md()
    if problems:
        print("The reference itself does not reproduce METRICS.md's worked examples:")
        for problem in problems:
            print(f"  {problem}")
        print("test result: FAILED. 0 passed; 1 failed")
        return 1

    try:
        results = run(data)
    except Exception:  # a figures file of another shape, or a bug here: fail, never pass
        traceback.print_exc(file=sys.stdout)
        print("check_stats.py: could not check the figures (see the error above)")
        print("test result: FAILED. 0 passed; 1 failed")
        return 1

    thin = [s for s in results if s.name not in ("constants", "adverse_direction")
            and s.random < MIN_RANDOM]
    for s in results:
        verdict = "FAILED" if s.failed or s in thin else "ok"
        print(
            f"{verdict:6} {s.name}: {s.figures} figures in {s.records} records "
            f"({s.random} random)"
            + (f", {len(s.known)} known disagreements" if s.known else "")
        )
    for s in thin:
        print(f"  {s.name}: only {s.random} random records; at least {MIN_RANDOM} are needed")

    known = [m for s in results for m in s.known]
    if known:
        print(f"\nKnown disagreements (marked 'known' in tests/reference/edge_cases.txt): {len(known)}")
        for message in known:
            print(f"  {message}")
    mismatches = [m for s in results for m in s.mismatches + s.now_agree]
    if mismatches:
        print(f"\nMismatches: {len(mismatches)}")
        for message in mismatches:
            print(f"  MISMATCH {message}")

    numbers = sum(s.numbers for s in results)
    categories = sum(s.categories for s in results)
    records = sum(s.records for s in results)
    failed = sum(1 for s in results if s.failed or s in thin)
    verdict = f"{len(mismatches)} MISMATCHES" if mismatches else "all agree"
    print(
        f"\nreference checks: {numbers + categories} figures checked ({numbers} numbers to 4 "
        f"significant figures, {categories} categories) in {records} records, against scipy "
        f"{scipy.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}: "
        f"{verdict}"
    )
    outcome = "FAILED" if failed else "ok"
    print(f"test result: {outcome}. {len(results) - failed} passed; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
