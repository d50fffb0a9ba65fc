#!/usr/bin/env python3
"""Reference checks of the statistics: recomputes every figure the domain crate worked out.

Usage: check_stats.py <figures.json>   (the file `cargo xtask reference-figures` writes)

Each figure is recomputed here without the domain crate, from METRICS.md:
- Wilson interval: statsmodels `proportion_confint(method="wilson")`.
- Relative likelihood and its log (Katz) interval: statsmodels `Table2x2(..., shift_zeros=False)
  .riskratio_confint()`. statsmodels' own zero handling (`shift_zeros=True`) shifts only the zero
  cells, which is not METRICS.md's rule; so the METRICS.md correction (any zero cell, a numerator of
  0 or a numerator equal to its denominator: add 0.5 to both numerators and 1 to both denominators)
  is applied here first and the corrected table given to statsmodels as it is.
- Fisher's exact test: scipy `fisher_exact(table).pvalue` (two-sided), where any cell of the table
  is under 5; the exact binomial test against a fixed share: scipy `binomtest(x, n, p).pvalue`.
- Representation ratio: the Wilson interval above divided by the baseline; of two samples, the
  relative likelihood above; a part against the rest of the whole that contains it, the relative
  likelihood of the part against the rest.
- Median and quartiles: numpy `percentile` (its default, "linear", method) of the finite values.
- The status against the non-adverse range (directional or two-sided, and "too few to tell"), the
  adverse direction of each metric, the display of a figure beside its status (3 significant
  figures, never rounded across an end of the range), small numbers, suppression and the "not
  stated" flag: the rules of METRICS.md, written out below in plain Python.

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
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

try:
    import numpy as np
    import scipy
    import statsmodels
    from scipy.stats import binomtest, fisher_exact, norm
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
# METRICS.md "Too few to tell": a cell under 5 is small; the exact test must give p below 0.05
# (by more than a rounding error: 1 of 1 against a share of 5% gives exactly 0.05).
SMALL_CELL = 5
EXACT_LEVEL = 0.05 * (1 - 1e-9)


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


def fisher(a, b, c, d):
    return float(fisher_exact([[a, b], [c, d]]).pvalue)


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
    # METRICS.md "Zero cells": any cell of the 2x2 table, events or non-events.
    corrected = x1 == 0 or x2 == 0 or x1 == n1 or x2 == n2
    small_cells = min(x1, n1 - x1, x2, n2 - x2) < SMALL_CELL
    add_x, add_n = (Fraction(1, 2), 1) if corrected else (0, 0)
    a, m = x1 + add_x, n1 + add_n
    c, k = x2 + add_x, n2 + add_n
    table = Table2x2(
        np.array([[float(a), float(m - a)], [float(c), float(k - c)]]), shift_zeros=False
    )
    lower, upper = table.riskratio_confint(alpha=0.05)
    observed = Fraction(x1 * n2, x2 * n1) if x2 > 0 else None
    return Ratio(
        value=float(table.riskratio),
        lower=float(lower),
        upper=float(upper),
        corrected=corrected,
        observed=None if observed is None else float(observed),
        small_cells=small_cells,
        exact_p=fisher(x1, n1 - x1, x2, n2 - x2) if small_cells else None,
        # The exact ratio, to read against the range's ends: 4 of 10 against 5 of 10 is 0.80.
        exact=Fraction(a) * k / (Fraction(c) * m),
        observed_exact=observed,
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
    small_cells = min(x, n - x) < SMALL_CELL
    exact = Fraction(x, n) / typed(b)
    return Ratio(
        value=share / b,
        lower=w["lower"] / b,
        upper=w["upper"] / b,
        corrected=False,
        observed=share / b,
        small_cells=small_cells,
        exact_p=float(binomtest(x, n, b).pvalue) if small_cells else None,
        count=x,
        total=n,
        share=share,
        baseline_share=b,
        baseline_counts=None,
        whole_share=None,
        gap_points=(share - b) * 100,
        exact=exact,
        observed_exact=exact,
    )


def representation_of_samples(x, n, bx, bn):
    ratio = relative_likelihood(x, n, bx, bn)
    if ratio.reasons:
        return ratio
    ratio.figures.update(
        count=x,
        total=n,
        share=x / n,
        baseline_share=bx / bn,
        baseline_counts=[bx, bn],
        whole_share=None,
        gap_points=(x / n - bx / bn) * 100,
    )
    return ratio


def part_against_rest(x, n, wx, wn):
    """METRICS.md "Representation ratio": a part of a whole against the rest of the whole."""
    reasons = set()
    if x > n or wx > wn or x > wx or n > wn or wx - x > wn - n:
        reasons.add("count_above_total")
    elif n == 0:
        reasons.add("empty_group")
    elif wn - n == 0:
        reasons.add("empty_rest")
    if reasons:
        return Ratio(reasons)
    ratio = representation_of_samples(x, n, wx - x, wn - n)
    if not ratio.reasons:
        ratio.figures["whole_share"] = wx / wn
    return ratio


RATIOS = {
    "relative_likelihood": lambda i: relative_likelihood(*i),
    "representation": lambda i: representation(i[0], i[1], as_float(i[2])),
    "representation_of_samples": lambda i: representation_of_samples(*i),
    "part_against_rest": lambda i: part_against_rest(*i),
}


def status(ratio, ends, adverse):
    """METRICS.md "Reading a ratio", "Which comparisons have a good direction" (`adverse` is
    "neither": two-sided) and "Too few to tell". The range's ends count as within."""
    if ratio.reasons:
        return "not_computable"
    lower, upper = typed(ends[0]), typed(ends[1])
    if lower <= ratio.exact <= upper:
        # A ratio corrected into the range says nothing when what was observed is outside it.
        seen = ratio.observed_exact
        if ratio.corrected and (seen is None or not lower <= seen <= upper):
            return "too_few_to_tell"
        return "within"
    excludes_one = not ratio.lower <= 1 <= ratio.upper
    if ratio.small_cells and not (excludes_one and ratio.exact_p < EXACT_LEVEL):
        return "too_few_to_tell"
    above = ratio.exact > 1
    if adverse == "neither":
        if excludes_one:
            return "higher" if above else "lower"
        return "higher_not_conclusive" if above else "lower_not_conclusive"
    if not excludes_one:
        return "outside_not_conclusive"
    if above == (adverse == "above"):
        return "adverse"
    return "favourable_to_comparison"


def small_numbers(numerator, denominator):
    """METRICS.md "Small numbers", one rule everywhere."""
    return 1 <= numerator <= 4 or denominator < 10


# METRICS.md "Display": 3 significant figures at every magnitude, "under 0.001" below 0.001, and a
# figure that agrees with its status.


def side(value, ends, slack):
    lower, upper = ends
    if value < lower * (1 - slack):
        return -1
    if value > upper * (1 + slack):
        return 1
    return 0


def significant_digits(text):
    return len(text.lstrip("-").replace(".", "").lstrip("0"))


def display_problems(value, text, ends):
    """What is wrong with `text` as the display of `value` beside `ends` (None: no ends), or []."""
    if value == 0:
        return [] if text == "0" else ["0 should be shown as '0'"]
    if value < 0.001 and (ends is None or ends[0] >= 0.001):
        return [] if text == "under 0.001" else ["below 0.001 should be 'under 0.001'"]
    try:
        shown = Decimal(text.replace(",", ""))
    except ArithmeticError:
        return [f"'{text}' is not a number"]
    problems = []
    exact = Decimal(value)
    places = max(-shown.as_tuple().exponent, 0)
    three = Decimal(value).normalize(Context(prec=3, rounding=ROUND_HALF_EVEN))
    three_places = max(2 - three.adjusted(), 0)
    if "," in text:
        # Whole numbers from 1,000: 3 significant figures, then zeros, in groups of three.
        unit = Decimal(1).scaleb(three.adjusted() - 2)
        if significant_digits(text.replace(",", "").rstrip("0")) > 3:
            problems.append("more than 3 significant figures")
    else:
        unit = Decimal(1).scaleb(-places)
        if significant_digits(text) < 3 and shown < 1000:
            problems.append("fewer than 3 significant figures")
    if abs(shown - exact) > unit / 2 * Decimal("1.000001"):
        problems.append(f"not {value!r} rounded (to {unit})")
    if ends is None:
        if "," not in text and places != three_places:
            problems.append(f"not 3 significant figures ({three_places} places)")
        return problems
    # Beside a status: on the same side of the range as the value (the ends count as within;
    # the ends are compared as typed, as the domain compares the closest floats of both).
    typed_ends = (Decimal(repr(ends[0])), Decimal(repr(ends[1])))
    if side(value, ends, 1e-12) != side(shown, typed_ends, 0):
        problems.append(f"on the wrong side of {ends}")
    # With no more digits than that takes: 3 significant figures, or one place fewer would be on
    # the wrong side.
    if "," not in text and places > three_places:
        fewer = exact.quantize(Decimal(1).scaleb(-(places - 1)), rounding=ROUND_HALF_EVEN)
        if side(value, ends, 1e-12) == side(fewer, typed_ends, 0):
            problems.append(f"more digits than needed ({fewer} would agree)")
    elif "," not in text and places < three_places:
        problems.append(f"fewer than 3 significant figures ({three_places} places)")
    return problems


def range_text_problems(ends, text):
    """"0.80 to 1.25": each end with 2 decimals, more if it has them (up to 4)."""
    def end(v):
        for places in (2, 3, 4):
            q = Decimal(repr(v)).quantize(Decimal(1).scaleb(-places))
            if q == Decimal(repr(v)):
                return str(q)
        return str(Decimal(repr(v)).quantize(Decimal("0.0001")))
    expected = f"{end(ends[0])} to {end(ends[1])}"
    return [] if text == expected else [f"expected '{expected}'"]


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
        want, got = reference[name], domain.get(name)
        if name == "baseline_counts":
            check.category(name, None if got is None else tuple(got),
                           None if want is None else tuple(want))
        elif name in ("corrected", "count", "small_cells", "total"):
            check.category(name, got, want)
        elif want is None or got is None:
            check.category(name, got, want)
        elif name in ("value", "lower", "upper"):
            check.number(name, got, want, scale)
        else:
            check.number(name, got, want)


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

    figures = ["value", "lower", "upper", "corrected", "observed", "small_cells", "exact_p"]
    representation_figures = figures + [
        "count", "total", "share", "baseline_share", "baseline_counts", "whole_share", "gap_points"
    ]
    for name, kind, names in [
        ("relative_likelihood", "relative_likelihood", figures),
        ("representation_ratio", "representation", representation_figures),
        ("representation_ratio_of_samples", "representation_of_samples", representation_figures),
        ("part_against_rest", "part_against_rest", representation_figures),
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

    s, records = statistic("fisher_exact")
    for r in records:
        c = Check(s, r, f"table {r['table']}")
        c.number("p", r["p"], fisher(*r["table"]))
        c.done()

    s, records = statistic("binomial_exact")
    for r in records:
        c = Check(s, r, f"x={r['x']} n={r['n']} share {r['share']}")
        c.number("p", r["p"], float(binomtest(r["x"], r["n"], as_float(r["share"])).pvalue))
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

    s, records = statistic("display")
    for r in records:
        value, ends = as_float(r["value"]), [as_float(e) for e in r["range"]]
        c = Check(s, r, f"value {value!r}, range {ends}")
        for name, ends_for in [("plain", None), ("in_range", ends), ("interval_end", (1.0, 1.0))]:
            c.statistic.categories += 1
            for problem in display_problems(value, r[name], ends_for):
                c.fail(f"{name} '{r[name]}': {problem}")
        c.statistic.categories += 1
        for problem in range_text_problems(ends, r["range_text"]):
            c.fail(f"range text '{r['range_text']}': {problem}")
        c.done()

    s, records = statistic("small_numbers")
    for r in records:
        c = Check(s, r, f"numerator {r['numerator']} denominator {r['denominator']}")
        c.category("small", r["small"], small_numbers(r["numerator"], r["denominator"]))
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
    # METRICS.md "Too few to tell": 1 of 44 against 0 of 470 gives p = 0.086, 2 of 51 against
    # 0 of 388 p = 0.013, 3 of 100 against 300 of 1,000 p = 3.9e-11.
    for counts, want, rel in [
        ((1, 44, 0, 470), 0.086, 0.01),
        ((2, 51, 0, 388), 0.013, 0.05),
        ((3, 100, 300, 1000), 3.9e-11, 0.01),
    ]:
        r = relative_likelihood(*counts)
        if abs(r.exact_p - want) > rel * want:
            problems.append(f"Fisher's p for {counts}: reference gives {r.exact_p}, METRICS.md says {want}")
    for counts, want in [
        ((1, 44, 0, 470), "too_few_to_tell"),
        ((2, 51, 0, 388), "adverse"),
        ((3, 100, 300, 1000), "favourable_to_comparison"),
    ]:
        got = status(relative_likelihood(*counts), (0.8, 1.25), "above")
        if got != want:
            problems.append(f"status of {counts}: reference gives {got}, METRICS.md says {want}")
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
