//! Tests for the statistics. Each expected value says where it came from:
//! - "METRICS.md worked example": the figure in METRICS.md, re-checked to 6 significant figures with
//!   statsmodels 0.15 `Table2x2(..., shift_zeros=False).riskratio_confint()` (log interval) and
//!   `proportion_confint(method="wilson")`, and SciPy 1.17 `relative_risk`.
//! - "statsmodels": computed independently for this file with those same functions. `shift_zeros=False`
//!   matters: by default `Table2x2` adds 0.5 to every cell when any cell (events or non-events) is 0,
//!   which is not METRICS.md's correction. Corrected tables were passed to it already corrected.
//! - "scipy fisher_exact" / "scipy binomtest": SciPy 1.17 `fisher_exact(table).pvalue` and
//!   `binomtest(x, n, p).pvalue`, two-sided.
//! - "numpy": `numpy.percentile` (default "linear" method).
//! - "by hand": worked out in the comment.

use super::*;

/// `actual` agrees with `expected` (given to 6 significant figures) to about 5 significant figures.
fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 2e-5 * expected.abs().max(1e-12)
}

#[track_caller]
fn assert_ratio(result: RatioResult, value: f64, lower: f64, upper: f64) -> Ratio {
    let ratio = result.expect("a ratio");
    assert!(
        close(ratio.value, value),
        "value {} vs {value}",
        ratio.value
    );
    assert!(
        close(ratio.interval.lower, lower),
        "lower {} vs {lower}",
        ratio.interval.lower
    );
    assert!(
        close(ratio.interval.upper, upper),
        "upper {} vs {upper}",
        ratio.interval.upper
    );
    ratio
}

#[track_caller]
fn assert_interval(interval: Option<Interval>, lower: f64, upper: f64) {
    let interval = interval.expect("an interval");
    assert!(
        close(interval.lower, lower) || (lower == 0.0 && interval.lower == 0.0),
        "{interval:?}"
    );
    assert!(
        close(interval.upper, upper),
        "{interval:?} vs upper {upper}"
    );
}

// Wilson interval

#[test]
fn wilson_worked_examples() {
    // METRICS.md worked example; statsmodels proportion_confint(41, 100, method="wilson").
    assert_interval(wilson_interval(41, 100), 0.31867, 0.50799);
    // METRICS.md worked example; statsmodels proportion_confint(0, 12, method="wilson").
    assert_interval(wilson_interval(0, 12), 0.0, 0.24249);
}

#[test]
fn wilson_tiny_and_huge_groups() {
    // statsmodels proportion_confint(..., method="wilson").
    assert_interval(wilson_interval(1, 1), 0.206549, 1.0);
    assert_interval(wilson_interval(5, 5), 0.565518, 1.0);
    assert_interval(wilson_interval(0, 1), 0.0, 0.793451);
    assert_interval(wilson_interval(3, 4), 0.300642, 0.954413);
    assert_interval(wilson_interval(2_500_000, 10_000_000), 0.249732, 0.250268);
    assert_interval(wilson_interval(1, 1_000_000), 1.76525e-7, 5.66491e-6);
    // By hand: the interval never leaves 0..1, even at the ends.
    let all = wilson_interval(u64::MAX, u64::MAX).expect("an interval");
    assert!(all.lower > 0.99 && all.upper == 1.0, "{all:?}");
}

#[test]
fn wilson_refuses_invalid_counts() {
    assert_eq!(wilson_interval(0, 0), None);
    assert_eq!(wilson_interval(5, 4), None);
    assert_eq!(proportion(1, 4).map(|p| p.value), Some(0.25));
}

// Relative likelihood

#[test]
fn relative_likelihood_worked_examples() {
    // METRICS.md worked example; statsmodels Table2x2([[41,59],[53,47]]).riskratio_confint.
    assert_ratio(
        relative_likelihood(41, 100, 53, 100),
        0.773585,
        0.573713,
        1.04309,
    );
    // METRICS.md worked example (NHS WRES orientation); statsmodels Table2x2 riskratio_confint.
    assert_ratio(
        relative_likelihood(53, 100, 41, 100),
        1.29268,
        0.95869,
        1.74303,
    );
    // METRICS.md worked example; statsmodels Table2x2 riskratio_confint.
    assert_ratio(
        relative_likelihood(250, 1000, 120, 800),
        1.66667,
        1.36891,
        2.02919,
    );
    // METRICS.md worked example; statsmodels Table2x2 riskratio_confint.
    assert_ratio(
        relative_likelihood(9, 700, 17, 2500),
        1.89076,
        0.846519,
        4.22313,
    );
    // METRICS.md worked example; SciPy's documented example for relative_risk(10, 75, 12, 225).
    assert_ratio(relative_likelihood(10, 75, 12, 225), 2.5, 1.12616, 5.54985);
}

#[test]
fn seed_004_and_published_figures() {
    // Seed 004 (Brighton & Hove 2022): 53% of white vs 41% of shortlisted applicants from
    // communities who experience racism appointed. By hand: 0.41 / 0.53 = 0.7736; 0.53 / 0.41 = 1.2927.
    let sc = metric_relative_likelihood(
        Convention::ScWres,
        Metric::Appointment,
        Counts {
            events: 41,
            total: 100,
        },
        Counts {
            events: 53,
            total: 100,
        },
    );
    assert!(close(sc.expect("ratio").value, 0.773585));
    let nhs = metric_relative_likelihood(
        Convention::NhsWres,
        Metric::Appointment,
        Counts {
            events: 41,
            total: 100,
        },
        Counts {
            events: 53,
            total: 100,
        },
    );
    assert_eq!(nhs.map(|r| format_ratio(r.value)), Ok("1.29".to_string()));
    // The Christie: 46.99% (White) vs 14.65% (BME) appointed, NHS orientation 3.2075 (by hand:
    // 46.99 / 14.65). Counts of 10,000 reproduce the rates; interval from statsmodels Table2x2.
    assert_ratio(
        relative_likelihood(4699, 10_000, 1465, 10_000),
        3.20751,
        3.04594,
        3.37765,
    );
}

#[test]
fn zero_cells_are_corrected_and_said() {
    // METRICS.md worked example (0.22702, 0.01307 to 3.94253): 0 of 40 vs 6 of 120 becomes 0.5/41
    // vs 6.5/121; statsmodels Table2x2([[0.5,40.5],[6.5,114.5]]).riskratio_confint.
    let ratio = assert_ratio(
        relative_likelihood(0, 40, 6, 120),
        0.227017,
        0.013072,
        3.94253,
    );
    assert!(ratio.corrected && ratio.small_cells);
    assert_eq!(ratio.observed, Some(0.0), "none observed");
    // statsmodels on the corrected table 5.5/6 vs 0.5/4.
    assert!(assert_ratio(relative_likelihood(5, 5, 0, 3), 7.33333, 0.542505, 99.1287).corrected);
    // By hand: 0.5/2 vs 1.5/2 = 1/3; statsmodels interval.
    assert!(assert_ratio(relative_likelihood(0, 1, 1, 1), 0.333333, 0.026545, 4.18577).corrected);
    // statsmodels on the corrected table 0.5/4 vs 3.5/4 (0 of 3 vs 3 of 3).
    assert!(assert_ratio(relative_likelihood(0, 3, 3, 3), 0.142857, 0.0104096, 1.9605).corrected);
    assert!(!relative_likelihood(1, 2, 1, 2).expect("ratio").corrected);
}

#[test]
fn a_group_where_everyone_had_the_event_is_corrected_too() {
    // METRICS.md "Zero cells": x = n is a zero cell (no non-events). Without the correction
    // 1 of 1 against 53 of 100 gave an interval of zero width on one side. statsmodels
    // Table2x2 on the corrected table 1.5/2 vs 53.5/101: 1.41589 (0.62299 to 3.21793).
    let ratio = assert_ratio(
        relative_likelihood(1, 1, 53, 100),
        1.41589,
        0.62299,
        3.21793,
    );
    assert!(ratio.corrected && ratio.small_cells);
    assert!(close(ratio.observed.unwrap(), 1.0 / 0.53));
    // 10 of 10 against 10 of 10 was "1.00 (1.00 to 1.00)"; statsmodels on 10.5/11 vs 10.5/11:
    // 1 (0.833292 to 1.20006).
    let same = assert_ratio(relative_likelihood(10, 10, 10, 10), 1.0, 0.833292, 1.20006);
    assert!(same.corrected && same.interval.lower < same.interval.upper);
    assert_eq!(
        ratio_status(
            &Ok(same),
            NonAdverseRange::default(),
            AdverseDirection::Below
        ),
        RatioStatus::Within,
        "the same observed rates"
    );
    // No events in the divisor: the observed ratio has no finite value.
    assert_eq!(relative_likelihood(1, 44, 0, 470).unwrap().observed, None);
    assert_eq!(
        relative_likelihood(u64::MAX, u64::MAX, u64::MAX, u64::MAX).map(|r| r.corrected),
        Ok(true)
    );
}

// The exact tests

#[test]
fn fisher_exact_against_scipy() {
    // scipy fisher_exact, two-sided, on [[a, b], [c, d]].
    let cases: [([u64; 4], f64); 10] = [
        ([1, 43, 0, 470], 0.08560311284046693),
        ([2, 49, 0, 388], 0.013261771772708833),
        ([3, 97, 300, 700], 3.879827762071658e-11),
        ([0, 40, 1, 479], 1.0),
        ([1, 0, 53, 47], 1.0),
        ([3, 92, 4, 256], 0.39030551596008334),
        ([2, 96, 5, 250], 1.0),
        ([5, 35, 1, 39], 0.20072332730560571),
        ([1, 39, 14, 62], 0.0179404408821682),
        ([10, 0, 10, 0], 1.0),
    ];
    for ([a, b, c, d], p) in cases {
        let got = fisher_exact(a, b, c, d);
        assert!(
            (got - p).abs() <= 1e-9 * p.max(1e-300) + 1e-15,
            "{a} {b} {c} {d}: {got} vs {p}"
        );
        // The same table read the other way round (rows swapped, columns swapped) gives the same p.
        assert!((fisher_exact(c, d, a, b) - got).abs() <= 1e-12 * got.max(1e-300));
        assert!((fisher_exact(b, a, d, c) - got).abs() <= 1e-12 * got.max(1e-300));
    }
    // By hand: an empty row or column tells nothing.
    assert_eq!(fisher_exact(0, 0, 3, 4), 1.0);
    assert_eq!(fisher_exact(0, 5, 0, 4), 1.0);
}

#[test]
fn fisher_exact_on_huge_tables_is_quick_and_finite() {
    // scipy fisher_exact([[1, 999_999_999], [900, 999_999_100]]): 1.07e-268;
    // [[1, 1_000_000_000], [2, 1_000_000_000]]: 1.0. With two thousand million people the
    // logarithms carry rounding errors of about 1e-7, far inside the reference checks' 1e-4.
    let p = fisher_exact(1, 999_999_999, 900, 999_999_100);
    assert!((p / 1.0668975301584544e-268 - 1.0).abs() < 1e-4, "{p}");
    assert!((fisher_exact(1, 1_000_000_000, 2, 1_000_000_000) - 1.0).abs() < 1e-6);
    for (a, b, c, d) in [
        (0, u64::MAX, 4, u64::MAX),
        (u64::MAX, 0, u64::MAX, 3),
        (2, u64::MAX / 2, u64::MAX / 2, 2),
    ] {
        let p = fisher_exact(a, b, c, d);
        assert!((0.0..=1.0).contains(&p), "{p}");
    }
}

#[test]
fn binomial_exact_against_scipy() {
    // scipy binomtest(x, n, p).pvalue, two-sided.
    for (x, n, share, p) in [
        (1, 1, 0.05, 0.05),
        (0, 20, 0.3, 0.0010589696700355874),
        (2, 8, 0.0589, 0.07662657120954469),
        (8, 8, 0.776, 0.21246510606346833),
        (0, 8, 0.0589, 1.0),
        (175, 1000, 0.115, 2.37930262987318e-08),
        (3, 10, 0.5, 0.34375),
        (3, 8, 0.183, 0.1669191443640739),
    ] {
        let got = binomial_exact(x, n, share);
        assert!(
            (got - p).abs() <= 1e-9 * p,
            "{x} of {n} against {share}: {got} vs {p}"
        );
    }
    // By hand: against a share of 1, anything short of everyone is impossible.
    assert_eq!(binomial_exact(4, 5, 1.0), 0.0);
    assert_eq!(binomial_exact(5, 5, 1.0), 1.0);
}

#[test]
fn too_few_to_tell_needs_the_exact_test_as_well_as_the_interval() {
    let range = NonAdverseRange::default();
    let status = |x1, n1, x2, n2, adverse| {
        ratio_status(&relative_likelihood(x1, n1, x2, n2), range, adverse)
    };
    use AdverseDirection::*;
    // METRICS.md "Too few to tell": 1 of 44 against 0 of 470, corrected ratio 31.4 (statsmodels
    // on the corrected table: 1.29802 to 759.585, which excludes 1), but scipy
    // fisher_exact([[1,43],[0,470]]) gives p = 0.0856: too few to tell, whichever the direction.
    let one = assert_ratio(relative_likelihood(1, 44, 0, 470), 31.4, 1.29802, 759.585);
    assert!(!one.interval.includes(1.0));
    assert!((one.exact_p.unwrap() - 0.0856031).abs() < 1e-6);
    for direction in [Above, Below, Neither] {
        assert_eq!(status(1, 44, 0, 470, direction), RatioStatus::TooFewToTell);
    }
    // 2 of 51 against 0 of 388 stands (scipy: p = 0.0133; statsmodels: 37.4038, 1.82072 to 768.403).
    assert_eq!(status(2, 51, 0, 388, Above), RatioStatus::Adverse);
    assert_eq!(status(2, 51, 0, 388, Neither), RatioStatus::Higher);
    // 3 of 100 appointed against 300 of 1,000 stands (scipy: p = 3.9e-11; ratio 0.1, 0.0327 to 0.306).
    let three = relative_likelihood(3, 100, 300, 1000).unwrap();
    assert!(three.small_cells && three.exact_p.unwrap() < 1e-10);
    assert_eq!(status(3, 100, 300, 1000, Below), RatioStatus::Adverse);
    assert_eq!(status(3, 100, 300, 1000, Neither), RatioStatus::Lower);
    // Small cells with an interval that includes 1 are too few to tell, not "not conclusive".
    assert_eq!(
        status(9, 700, 17, 2500, Above),
        RatioStatus::OutsideNotConclusive
    );
    assert_eq!(status(3, 95, 4, 260, Above), RatioStatus::TooFewToTell);
    // No small cell: the interval alone decides, as before.
    assert!(relative_likelihood(250, 1000, 120, 800)
        .unwrap()
        .exact_p
        .is_none());
    // A ratio corrected into the range while what was seen is not: 0 of 6 against 7 of 128
    // (statsmodels on 0.5/7 vs 7.5/129: 1.22857, inside 0.80 to 1.25) is too few to tell, never
    // "within the range".
    let corrected = relative_likelihood(0, 6, 7, 128).unwrap();
    assert!(range.contains(corrected.value) && corrected.corrected);
    assert_eq!(status(0, 6, 7, 128, Below), RatioStatus::TooFewToTell);
}

#[test]
fn two_sided_statuses_have_no_adverse_side() {
    let range = NonAdverseRange::default();
    let status = |x1, n1, x2, n2| {
        ratio_status(
            &relative_likelihood(x1, n1, x2, n2),
            range,
            AdverseDirection::Neither,
        )
    };
    // METRICS.md worked examples read two-sided.
    assert_eq!(status(250, 1000, 120, 800), RatioStatus::Higher);
    assert_eq!(status(120, 800, 250, 1000), RatioStatus::Lower);
    assert_eq!(status(9, 700, 17, 2500), RatioStatus::HigherNotConclusive);
    assert_eq!(status(41, 100, 53, 100), RatioStatus::LowerNotConclusive);
    assert_eq!(status(40, 100, 50, 100), RatioStatus::Within);
    for s in [RatioStatus::Higher, RatioStatus::Lower] {
        assert!(s.is_clear() && !s.label().contains("avour") && !s.label().contains("dverse"));
    }
    assert!(!RatioStatus::TooFewToTell.is_clear());
    assert_eq!(
        RatioStatus::TooFewToTell.label(),
        "Not conclusive: too few to tell"
    );
}

// A part against the rest of the whole it is part of

#[test]
fn a_part_is_compared_with_the_rest() {
    // METRICS.md: J.M.'s 1 Black client of 37 against the rest of the team's 14 of 76 (the team:
    // 15 of 113). statsmodels Table2x2([[1,36],[14,62]]).riskratio_confint: 0.146718
    // (0.0200487 to 1.07369); against the whole team it was 0.204, shrunk towards 1.
    let rep = part_against_rest(1, 37, 15, 113).unwrap();
    assert_ratio(Ok(rep.ratio), 0.146718, 0.0200487, 1.07369);
    assert_eq!(rep.baseline_counts, Some([14, 76]));
    assert!(close(rep.baseline_share, 14.0 / 76.0));
    assert!(close(rep.whole_share.unwrap(), 15.0 / 113.0));
    assert!(close(rep.gap_points, (1.0 / 37.0 - 14.0 / 76.0) * 100.0));
    // scipy fisher_exact([[1,36],[14,62]]): 0.0199, but the interval includes 1.
    assert!((rep.ratio.exact_p.unwrap() - 0.0198581).abs() < 1e-6);
    assert_eq!(
        ratio_status(
            &Ok(rep.ratio),
            NonAdverseRange::default(),
            AdverseDirection::Neither
        ),
        RatioStatus::TooFewToTell
    );
    // By hand: nothing outside the part, a part larger than its whole, an empty part.
    assert_eq!(
        part_against_rest(3, 10, 3, 10),
        Err(NotComputable::EmptyRest)
    );
    assert_eq!(
        part_against_rest(4, 10, 3, 20),
        Err(NotComputable::CountAboveTotal)
    );
    assert_eq!(
        part_against_rest(1, 10, 5, 8),
        Err(NotComputable::CountAboveTotal)
    );
    assert_eq!(
        part_against_rest(0, 0, 5, 20),
        Err(NotComputable::EmptyGroup)
    );
    // The rest has more of the group than people: 2 of 10 in the part, 12 of 13 in the whole.
    assert_eq!(
        part_against_rest(2, 10, 12, 13),
        Err(NotComputable::CountAboveTotal)
    );
    assert_eq!(
        part_against_rest(0, 10, 0, 30),
        Err(NotComputable::NoEvents)
    );
}

#[test]
fn tiny_groups() {
    // statsmodels Table2x2 riskratio_confint (on the corrected table where a count is all of its
    // total: 1.5/2 vs 1.5/3, and 3.5/5 vs 2.5/3).
    assert_ratio(relative_likelihood(1, 1, 1, 2), 1.5, 0.375146, 5.99766);
    assert_ratio(relative_likelihood(2, 3, 1, 5), 3.33333, 0.485271, 22.8967);
    assert_ratio(relative_likelihood(3, 4, 1, 5), 3.75, 0.594323, 23.6614);
    assert_ratio(relative_likelihood(1, 5, 4, 5), 0.25, 0.0410366, 1.52303);
    assert_ratio(relative_likelihood(3, 4, 2, 2), 0.84, 0.390845, 1.80532);
    // scipy fisher_exact([[3,1],[1,4]]) = 0.206349: every tiny table carries its exact test.
    let tiny = relative_likelihood(3, 4, 1, 5).unwrap();
    assert!(tiny.small_cells && (tiny.exact_p.unwrap() - 0.206349).abs() < 1e-6);
}

#[test]
fn huge_groups() {
    // statsmodels Table2x2 riskratio_confint.
    assert_ratio(
        relative_likelihood(2_500_000, 10_000_000, 1_200_000, 8_000_000),
        1.66667,
        1.66339,
        1.66995,
    );
    let near_one = assert_ratio(
        relative_likelihood(1_000_001, 3_000_000, 999_999, 3_000_000),
        1.0,
        0.997741,
        1.00227,
    );
    assert_eq!(
        ratio_status(
            &Ok(near_one),
            NonAdverseRange::default(),
            AdverseDirection::Above
        ),
        RatioStatus::Within
    );
    // By hand: the largest counts give finite values, never NaN or infinity.
    for (x1, n1, x2, n2) in [
        (u64::MAX, u64::MAX, 1, u64::MAX),
        (1, u64::MAX, u64::MAX, u64::MAX),
        (0, u64::MAX, 1, 1),
    ] {
        let ratio = relative_likelihood(x1, n1, x2, n2).expect("ratio");
        assert!(
            ratio.value.is_finite()
                && ratio.interval.lower.is_finite()
                && ratio.interval.upper.is_finite()
        );
        assert!(ratio.interval.lower <= ratio.value && ratio.value <= ratio.interval.upper);
    }
}

#[test]
fn not_computable() {
    assert_eq!(
        relative_likelihood(0, 10, 0, 20),
        Err(NotComputable::NoEvents)
    );
    assert_eq!(
        relative_likelihood(0, 0, 3, 20),
        Err(NotComputable::EmptyGroup)
    );
    assert_eq!(
        relative_likelihood(3, 20, 0, 0),
        Err(NotComputable::EmptyGroup)
    );
    assert_eq!(
        relative_likelihood(11, 10, 3, 20),
        Err(NotComputable::CountAboveTotal)
    );
    assert_eq!(
        relative_likelihood(1, 10, 21, 20),
        Err(NotComputable::CountAboveTotal)
    );
    assert_eq!(
        ratio_status(
            &relative_likelihood(0, 10, 0, 20),
            NonAdverseRange::default(),
            AdverseDirection::Above
        ),
        RatioStatus::NotComputable
    );
}

// Orientation

#[test]
fn orientation_follows_the_convention() {
    use Convention::*;
    use Orientation::*;
    for metric in Metric::ALL {
        assert_eq!(
            orientation(ScWres, metric),
            ComparisonOverReference,
            "{metric:?}"
        );
        let nhs = if matches!(metric, Metric::Appointment | Metric::Cpd) {
            ReferenceOverComparison
        } else {
            ComparisonOverReference
        };
        assert_eq!(orientation(NhsWres, metric), nhs, "{metric:?}");
    }
}

#[test]
fn adverse_direction_per_metrics_table() {
    use AdverseDirection::*;
    use Convention::*;
    // METRICS.md table (SC-WRES orientation): good events are adverse below 1, bad events above 1.
    let expected = [
        (Metric::Appointment, Below),
        (Metric::Cpd, Below),
        (Metric::GoodServiceOutcome, Below),
        (Metric::SeniorRoles, Below),
        (Metric::Disciplinary, Above),
        (Metric::FitnessToPractise, Above),
        (Metric::HarassmentFromPublic, Above),
        (Metric::HarassmentFromColleagues, Above),
        (Metric::HarassmentFromManagers, Above),
        (Metric::Leaving, Above),
    ];
    for (metric, direction) in expected {
        assert_eq!(adverse_direction(ScWres, metric), direction, "{metric:?}");
    }
    // NHS WRES: above 1 is adverse for appointment and CPD (White ÷ BME), and for disciplinary.
    assert_eq!(adverse_direction(NhsWres, Metric::Appointment), Above);
    assert_eq!(adverse_direction(NhsWres, Metric::Cpd), Above);
    assert_eq!(adverse_direction(NhsWres, Metric::Disciplinary), Above);
    assert_eq!(
        adverse_direction(NhsWres, Metric::GoodServiceOutcome),
        Below
    );
    assert_eq!(Metric::HarassmentFromManagers.number(), Some("7b"));
    assert_eq!(Metric::GoodServiceOutcome.number(), None);
    assert!(Metric::Leaving.caution().is_some());
}

#[test]
fn the_same_data_reads_the_same_in_both_conventions() {
    // Appointment 41 of 100 vs 53 of 100: the status must not depend on the arithmetic's direction.
    let (comparison, reference) = (
        Counts {
            events: 41,
            total: 100,
        },
        Counts {
            events: 53,
            total: 100,
        },
    );
    let statuses = [Convention::ScWres, Convention::NhsWres].map(|convention| {
        let result =
            metric_relative_likelihood(convention, Metric::Appointment, comparison, reference);
        ratio_status(
            &result,
            NonAdverseRange::default(),
            adverse_direction(convention, Metric::Appointment),
        )
    });
    assert_eq!(statuses, [RatioStatus::OutsideNotConclusive; 2]);
    // 20 of 100 vs 60 of 100 appointed: adverse whichever way round.
    let (comparison, reference) = (
        Counts {
            events: 20,
            total: 100,
        },
        Counts {
            events: 60,
            total: 100,
        },
    );
    for convention in [Convention::ScWres, Convention::NhsWres] {
        let result =
            metric_relative_likelihood(convention, Metric::Appointment, comparison, reference);
        let status = ratio_status(
            &result,
            NonAdverseRange::default(),
            adverse_direction(convention, Metric::Appointment),
        );
        assert_eq!(status, RatioStatus::Adverse, "{convention:?}");
    }
}

// Status

#[test]
fn status_per_reading_a_ratio() {
    let range = NonAdverseRange::default();
    let status = |x1, n1, x2, n2, adverse| {
        ratio_status(&relative_likelihood(x1, n1, x2, n2), range, adverse)
    };
    use AdverseDirection::*;
    // METRICS.md worked examples.
    assert_eq!(
        status(41, 100, 53, 100, Below),
        RatioStatus::OutsideNotConclusive
    );
    assert_eq!(status(250, 1000, 120, 800, Above), RatioStatus::Adverse);
    assert_eq!(
        status(250, 1000, 120, 800, Below),
        RatioStatus::FavourableToComparison
    );
    assert_eq!(
        status(9, 700, 17, 2500, Above),
        RatioStatus::OutsideNotConclusive
    );
    // By hand: 40/100 vs 50/100 = 0.8 and 50/100 vs 40/100 = 1.25 exactly: the ends are within.
    assert_eq!(status(40, 100, 50, 100, Below), RatioStatus::Within);
    assert_eq!(status(50, 100, 40, 100, Above), RatioStatus::Within);
    // By hand: 39/100 vs 50/100 = 0.78, just outside; the interval includes 1.
    assert_eq!(
        status(39, 100, 50, 100, Below),
        RatioStatus::OutsideNotConclusive
    );
    // A configured range changes the reading.
    let wide = NonAdverseRange::new(0.5, 2.0).expect("valid range");
    assert_eq!(
        ratio_status(&relative_likelihood(250, 1000, 120, 800), wide, Above),
        RatioStatus::Within
    );
}

#[test]
fn non_adverse_range_is_validated() {
    assert!(NonAdverseRange::new(0.8, 1.25).is_ok());
    for (lower, upper) in [
        (0.0, 1.25),
        (1.1, 1.25),
        (0.8, 0.9),
        (f64::NAN, 1.25),
        (0.8, f64::INFINITY),
        (0.8, 1000.1),
        (0.00004, 1.25),
    ] {
        assert!(
            NonAdverseRange::new(lower, upper).is_err(),
            "{lower} {upper}"
        );
    }
    let saved = serde_json::to_string(&NonAdverseRange::default()).expect("serialises");
    assert_eq!(saved, r#"{"lower":0.8,"upper":1.25}"#);
    assert!(serde_json::from_str::<NonAdverseRange>(r#"{"lower":1.5,"upper":1.25}"#).is_err());
    assert!(NON_ADVERSE_RANGE_SOURCE.contains("four-fifths"));
}

#[test]
fn a_range_is_kept_to_four_decimal_places_so_it_reads_back_exactly_after_any_number_of_saves() {
    // Found by the long fuzz run: 123.43456790123457 read back by serde_json (without its
    // 7.5 KB exact parser) is 123.43456790123456, so a range like it drifted on every save.
    let range = NonAdverseRange::new(0.123456789, 123.43456790123457).expect("valid range");
    assert_eq!((range.lower(), range.upper()), (0.1235, 123.4346));
    assert_eq!(
        NonAdverseRange::new(0.00006, 1.0).map(|r| r.lower()),
        Ok(0.0001)
    );
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let lower = (seed % 10_000 + 1) as f64 / 10_000.0 + (seed >> 40) as f64 * 1e-20;
        let upper = 1.0 + (seed >> 20) as f64 % 999.0 + (seed >> 50) as f64 * 1e-13;
        let first = NonAdverseRange::new(lower, upper).expect("valid range");
        let mut saved = first;
        for _ in 0..3 {
            let text = serde_json::to_string(&saved).expect("serialises");
            saved = serde_json::from_str(&text).expect("reads back");
        }
        assert_eq!(saved, first, "{lower} {upper}");
    }
}

// Representation

#[test]
fn representation_against_a_census_baseline() {
    // METRICS.md published figure: Perkins et al. 2021, Black clients 17.5% of IPS clients vs 11.5%
    // of the caseload: by hand 17.5 / 11.5 = 1.5217; interval = statsmodels Wilson(175, 1000) / 0.115.
    let rep = representation_ratio(175, 1000, 0.115).expect("representation");
    assert_ratio(Ok(rep.ratio), 1.52174, 1.32788, 1.73723);
    assert!(close(rep.gap_points, 6.0));
    // Tiny team: 3 of 8 against 18.3% (1 - 0.817): statsmodels Wilson(3, 8) / 0.183.
    let team = representation_ratio(3, 8, 0.183).expect("representation");
    assert_ratio(Ok(team.ratio), 2.04918, 0.747783, 3.79376);
    // A count of 3 is a small cell: scipy binomtest(3, 8, 0.183) gives p = 0.1669.
    assert!(team.ratio.small_cells);
    assert!((team.ratio.exact_p.unwrap() - 0.166919).abs() < 1e-6);
    assert_eq!(
        ratio_status(
            &Ok(team.ratio),
            NonAdverseRange::default(),
            AdverseDirection::Below
        ),
        RatioStatus::TooFewToTell
    );
    // None of 20: statsmodels Wilson(0, 20) / 0.3; scipy binomtest(0, 20, 0.3): p = 0.00106.
    let none = representation_ratio(0, 20, 0.3).expect("representation");
    assert_ratio(Ok(none.ratio), 0.0, 0.0, 0.537084);
    assert!(close(none.gap_points, -30.0));
    assert_eq!((none.count, none.total), (0, 20));
    assert_eq!(
        ratio_status(
            &Ok(none.ratio),
            NonAdverseRange::default(),
            AdverseDirection::Neither
        ),
        RatioStatus::Lower
    );
    // One person in a team of 1 from a group that is 5% of the population: the Wilson interval
    // (statsmodels Wilson(1, 1) / 0.05: 4.13 to 20) excludes 1, but scipy binomtest(1, 1, 0.05)
    // gives p = 0.05, so it does not prove over-representation.
    let one = representation_ratio(1, 1, 0.05).unwrap();
    assert!(one.ratio.interval.lower > 4.0);
    assert_eq!(
        ratio_status(
            &Ok(one.ratio),
            NonAdverseRange::default(),
            AdverseDirection::Neither
        ),
        RatioStatus::TooFewToTell
    );
    assert_eq!(
        representation_ratio(1, 0, 0.1),
        Err(NotComputable::EmptyGroup)
    );
    assert_eq!(
        representation_ratio(2, 1, 0.1),
        Err(NotComputable::CountAboveTotal)
    );
    for bad in [0.0, -0.1, 1.5, f64::NAN] {
        assert_eq!(
            representation_ratio(1, 10, bad),
            Err(NotComputable::InvalidBaseline)
        );
    }
}

#[test]
fn representation_between_two_samples() {
    // 12 of 40 senior staff vs 300 of 1000 in the workforce: statsmodels Table2x2 riskratio_confint.
    let rep = representation_ratio_of_samples(12, 40, 300, 1000).expect("representation");
    assert_ratio(Ok(rep.ratio), 1.0, 0.617083, 1.62053);
    assert!(rep.gap_points.abs() < 1e-9);
    assert_eq!(
        representation_ratio_of_samples(0, 40, 0, 1000),
        Err(NotComputable::NoEvents)
    );
}

// Median

#[test]
fn median_and_interquartile_range() {
    // numpy.percentile(values, [50, 25, 75]) with the default "linear" method.
    let spread = |values: &[f64]| median_iqr(values).map(|s| (s.median, s.q1, s.q3, s.count));
    assert_eq!(spread(&[5.0]), Some((5.0, 5.0, 5.0, 1)));
    assert_eq!(spread(&[1.0, 2.0]), Some((1.5, 1.25, 1.75, 2)));
    assert_eq!(spread(&[3.0, 1.0, 2.0, 10.0]), Some((2.5, 1.75, 4.75, 4)));
    let one_to_ten: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(spread(&one_to_ten), Some((5.5, 3.25, 7.75, 10)));
    assert_eq!(
        spread(&[10.0, 20.0, 30.0, 40.0, 50.0, 1000.0]),
        Some((35.0, 22.5, 47.5, 6))
    );
    assert_eq!(
        spread(&[12.5, 3.0, 40.0, 8.0, 21.0]),
        Some((12.5, 8.0, 21.0, 5))
    );
    // Not-a-number values are left out and the count says so.
    assert_eq!(
        spread(&[7.0, f64::NAN, 7.0, f64::INFINITY, 7.0]),
        Some((7.0, 7.0, 7.0, 3))
    );
    assert_eq!(spread(&[]), None);
    assert_eq!(spread(&[f64::NAN]), None);
}

// Sentences

fn applicants() -> Wording<'static> {
    Wording {
        comparison: "applicants from communities who experience racism",
        reference: "white applicants",
        event: Metric::Appointment.event(),
        happened: Metric::Appointment.happened(),
    }
}

fn metric_sentence(
    convention: Convention,
    metric: Metric,
    wording: &Wording,
    comparison: Counts,
    reference: Counts,
) -> String {
    sentence(
        wording,
        orientation(convention, metric),
        comparison,
        reference,
        NonAdverseRange::default(),
        adverse_direction(convention, metric),
    )
}

fn counts(events: u64, total: u64) -> Counts {
    Counts { events, total }
}

#[test]
fn sentence_worked_example_sc_wres() {
    // METRICS.md worked example; statsmodels Table2x2 riskratio_confint: 0.77358 (0.57371 to 1.04309).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::Appointment,
        &applicants(),
        Counts {
            events: 41,
            total: 100,
        },
        Counts {
            events: 53,
            total: 100,
        },
    );
    assert_eq!(
        text,
        "Applicants from communities who experience racism were 23% less likely than white applicants to be \
         appointed from shortlisting (relative likelihood 0.774, 95% confidence interval 0.574 to 1.04). This is \
         outside the non-adverse range of 0.80 to 1.25 (a guide), but the interval includes 1, so the difference \
         could be chance with numbers this small."
    );
}

#[test]
fn sentence_worked_example_nhs_wres() {
    // METRICS.md worked example (NHS orientation); statsmodels: 1.29268 (0.95869 to 1.74303).
    let text = metric_sentence(
        Convention::NhsWres,
        Metric::Appointment,
        &applicants(),
        Counts {
            events: 41,
            total: 100,
        },
        Counts {
            events: 53,
            total: 100,
        },
    );
    assert_eq!(
        text,
        "White applicants were 1.29 times as likely as applicants from communities who experience racism to be \
         appointed from shortlisting (95% confidence interval 0.959 to 1.74). This is outside the non-adverse \
         range of 0.80 to 1.25 (a guide), but the interval includes 1, so the difference could be chance with \
         numbers this small."
    );
}

#[test]
fn sentence_adverse_and_corrected() {
    let staff = Wording {
        comparison: "Black and minority ethnic staff",
        reference: "White staff",
        event: Metric::Disciplinary.event(),
        happened: Metric::Disciplinary.happened(),
    };
    // METRICS.md worked example; statsmodels: 1.66667 (1.36891 to 2.02919).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::Disciplinary,
        &staff,
        Counts {
            events: 250,
            total: 1000,
        },
        Counts {
            events: 120,
            total: 800,
        },
    );
    assert_eq!(
        text,
        "Black and minority ethnic staff were 1.67 times as likely as White staff to enter the formal disciplinary \
         process (95% confidence interval 1.37 to 2.03). This is outside the non-adverse range of 0.80 to 1.25 \
         (a guide), adverse to Black and minority ethnic staff, and the interval does not include 1, so chance \
         alone is an unlikely explanation."
    );
    // METRICS.md worked example; statsmodels on the corrected table: 0.22702 (0.01307 to 3.94253);
    // scipy fisher_exact([[0,40],[6,114]]): p = 0.338. What was seen is said in words; the
    // corrected ratio is labelled and never describes it ("77% less likely" is gone).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::Disciplinary,
        &staff,
        counts(0, 40),
        counts(6, 120),
    );
    assert_eq!(
        text,
        "None of the 40 Black and minority ethnic staff entered the formal disciplinary process, against 6 of \
         the 120 White staff (5.0%). With a count of none, the relative likelihood can only be estimated with a \
         correction (0.5 added to each count and 1 to each total): corrected relative likelihood 0.227 (95% \
         confidence interval 0.0131 to 3.94, approximate with numbers this small). There are too few to tell \
         whether this is a real difference: with counts this small the interval is approximate, and an exact \
         test (p = 0.34) finds it could be chance."
    );
    let none = metric_sentence(
        Convention::ScWres,
        Metric::Disciplinary,
        &staff,
        counts(0, 10),
        counts(0, 20),
    );
    assert_eq!(
        none,
        "No relative likelihood can be given for Black and minority ethnic staff and White staff: neither group \
         has any to compare."
    );
}

#[test]
fn zero_events_are_never_described_with_the_corrected_ratio() {
    // Issue 17: fitness to practise, 0 of 40 against 1 of 480 read "3.91 times as likely".
    // statsmodels on the corrected table (0.5/41 vs 1.5/481): 3.91057 (0.161864 to 94.478);
    // scipy fisher_exact([[0,40],[1,479]]): p = 1.
    let staff = Wording {
        comparison: "people from minoritised ethnic groups",
        reference: "White staff",
        event: Metric::FitnessToPractise.event(),
        happened: Metric::FitnessToPractise.happened(),
    };
    let text = metric_sentence(
        Convention::ScWres,
        Metric::FitnessToPractise,
        &staff,
        counts(0, 40),
        counts(1, 480),
    );
    assert_eq!(
        text,
        "None of the 40 people from minoritised ethnic groups were referred for fitness to practise, against 1 \
         of the 480 White staff (0.2%). With a count of none, the relative likelihood can only be estimated with \
         a correction (0.5 added to each count and 1 to each total): corrected relative likelihood 3.91 (95% \
         confidence interval 0.162 to 94.5, approximate with numbers this small). There are too few to tell \
         whether this is a real difference: with counts this small the interval is approximate, and an exact \
         test (p = 1.00) finds it could be chance."
    );
    assert!(!text.contains("times as likely"));
    // Everyone appointed: 1 of 1 against 53 of 100 (statsmodels on 1.5/2 vs 53.5/101: 1.41589,
    // 0.62299 to 3.21793; scipy fisher_exact([[1,0],[53,47]]): p = 1).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::Appointment,
        &applicants(),
        counts(1, 1),
        counts(53, 100),
    );
    assert_eq!(
        text,
        "1 of 1 applicants from communities who experience racism were appointed from shortlisting, against 53 \
         of the 100 white applicants (53.0%). With a group where everyone is counted, the relative likelihood \
         can only be estimated with a correction (0.5 added to each count and 1 to each total): corrected \
         relative likelihood 1.42 (95% confidence interval 0.623 to 3.22, approximate with numbers this small). \
         There are too few to tell whether this is a real difference: with counts this small the interval is \
         approximate, and an exact test (p = 1.00) finds it could be chance."
    );
    // One event against none "proved" a difference: 1 of 44 against 0 of 470 (METRICS.md "Too
    // few to tell"; scipy p = 0.0856).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::FitnessToPractise,
        &staff,
        counts(1, 44),
        counts(0, 470),
    );
    assert!(text.starts_with(
        "1 of the 44 people from minoritised ethnic groups (2.3%) were referred for fitness to practise, \
         against none of the 470 White staff."
    ), "{text}");
    assert!(
        text.contains("corrected relative likelihood 31.4 (95% confidence interval 1.30 to 760,"),
        "{text}"
    );
    assert!(
        text.ends_with("an exact test (p = 0.086) finds it could be chance."),
        "{text}"
    );
    assert!(
        !text.contains("Adverse") && !text.contains("adverse to") && !text.contains("unlikely")
    );
    // 2 of 51 against 0 of 388 stands (scipy p = 0.0133), and says why.
    let text = metric_sentence(
        Convention::ScWres,
        Metric::FitnessToPractise,
        &staff,
        counts(2, 51),
        counts(0, 388),
    );
    assert!(text.ends_with(
        "adverse to people from minoritised ethnic groups, and the interval does not include 1, so chance \
         alone is an unlikely explanation. An exact test agrees (p = 0.013)."
    ), "{text}");
}

#[test]
fn sentence_within_the_range() {
    // statsmodels: 1.0 (0.997741 to 1.00227) for 1,000,001 vs 999,999 of 3,000,000 each.
    let wording = Wording {
        comparison: "staff of colour",
        reference: "White staff",
        event: Metric::Leaving.event(),
        happened: Metric::Leaving.happened(),
    };
    let text = sentence(
        &wording,
        Orientation::ComparisonOverReference,
        counts(1_000_001, 3_000_000),
        counts(999_999, 3_000_000),
        NonAdverseRange::default(),
        AdverseDirection::Above,
    );
    // The upper end, 1.00227, is shown as 1.002: "1.00" would read as touching 1.
    assert_eq!(
        text,
        "Staff of colour were about as likely as White staff to leave the organisation (relative likelihood 1.00, \
         95% confidence interval 0.998 to 1.002). This is within the non-adverse range of 0.80 to 1.25 (a guide), \
         and the difference could be chance."
    );
}

#[test]
fn sentence_never_claims_what_the_interval_does_not_support() {
    // Every table of up to 6 people per group, every direction.
    let range = NonAdverseRange::default();
    let wording = applicants();
    for n1 in 1..=6 {
        for x1 in 0..=n1 {
            for n2 in 1..=6 {
                for x2 in 0..=n2 {
                    let result = relative_likelihood(x1, n1, x2, n2);
                    for adverse in [
                        AdverseDirection::Above,
                        AdverseDirection::Below,
                        AdverseDirection::Neither,
                    ] {
                        let text = sentence(
                            &wording,
                            Orientation::ComparisonOverReference,
                            counts(x1, n1),
                            counts(x2, n2),
                            range,
                            adverse,
                        );
                        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
                        let Ok(ratio) = result else { continue };
                        let status = ratio_status(&result, range, adverse);
                        if status.is_clear() {
                            assert!(!ratio.interval.includes(1.0), "{text}");
                            assert!(!ratio.small_cells || ratio.exact_p.unwrap() < 0.05);
                        } else {
                            assert!(!text.contains("unlikely explanation"), "{text}");
                            assert!(!text.contains("adverse to") && !text.contains("in favour"));
                        }
                        if ratio.interval.includes(1.0) {
                            assert!(
                                text.contains("could be chance") || text.contains("cannot tell"),
                                "{text}"
                            );
                        }
                        if ratio.corrected {
                            assert!(
                                !text.contains("times as likely") && !text.contains("less likely")
                            );
                            assert!(text.contains("corrected relative likelihood"), "{text}");
                        }
                        // Every table this small has a small cell: no claim without the exact test.
                        assert!(ratio.small_cells);
                    }
                }
            }
        }
    }
}

#[test]
fn representation_sentence_published_figure() {
    // METRICS.md published figure (Perkins et al. 2021): 1.52; interval statsmodels Wilson(175,1000)/0.115.
    let wording = RepresentationWording {
        group: "Black clients",
        population: "IPS clients",
        baseline: "the secondary mental-health caseload",
    };
    let result = representation_ratio(175, 1000, 0.115);
    let text = representation_sentence(
        &wording,
        &result,
        NonAdverseRange::default(),
        AdverseDirection::Below,
    );
    assert_eq!(
        text,
        "Black clients were 17.5% of IPS clients, against 11.5% of the secondary mental-health caseload: 1.52 times \
         their share (6.0 percentage points higher; 95% confidence interval 1.33 to 1.74). This is outside the \
         non-adverse range of 0.80 to 1.25 (a guide), in favour of Black clients, and the interval does not \
         include 1."
    );
    // Tiny team, none from the group: statsmodels Wilson(0, 20) / 0.3 = 0 to 0.537.
    let text = representation_sentence(
        &RepresentationWording {
            group: "people of colour",
            population: "the IPS team",
            baseline: "the local population",
        },
        &representation_ratio(0, 20, 0.3),
        NonAdverseRange::default(),
        AdverseDirection::Below,
    );
    // scipy binomtest(0, 20, 0.3): p = 0.00106.
    assert_eq!(
        text,
        "People of colour were none (0 of 20) of the IPS team, against 30.0% of the local population (30.0 \
         percentage points lower; representation ratio 0, 95% confidence interval 0 to 0.537, approximate with \
         numbers this small). This is outside the non-adverse range of 0.80 to 1.25 (a guide), adverse to \
         people of colour, and the interval does not include 1, so chance alone is an unlikely explanation. An \
         exact test agrees (p = 0.0011)."
    );
    // Two-sided: the treatment caseload against the population has no favourable side. Black
    // people at 2.33 times their share (issue 17; by hand 0.14 / 0.06; statsmodels Wilson(610,
    // 4355) / 0.06 for the interval).
    let text = representation_sentence(
        &RepresentationWording {
            group: "people in the Black group",
            population: "the treatment teams' caseload",
            baseline: "the local population",
        },
        &representation_ratio(610, 4355, 0.06),
        NonAdverseRange::default(),
        AdverseDirection::Neither,
    );
    assert!(text.contains("2.33 times their share"), "{text}");
    assert!(text.ends_with(
        "This is higher than expected: above the range of 0.80 to 1.25 used as a guide, and the interval does \
         not include 1, so chance alone is an unlikely explanation."
    ), "{text}");
    assert!(!text.contains("favour") && !text.contains("adverse"));
}

#[test]
fn number_formatting_is_deterministic() {
    // METRICS.md "Display": 3 significant figures at every magnitude, "under 0.001" below 0.001.
    let cases = [
        (1.66667, "1.67"),
        (1.29268, "1.29"),
        (3.20751, "3.21"),
        (12.3456, "12.3"),
        (97.1, "97.1"),
        (97.0999, "97.1"),
        (256.48, "256"),
        (999.6, "1,000"),
        (4_204_330.7, "4,200,000"),
        (1.0, "1.00"),
        (0.77358, "0.774"),
        (0.01307, "0.0131"),
        (0.0013, "0.00130"),
        (0.09996, "0.100"),
        (0.999999, "1.00"),
        (0.000_999, "under 0.001"),
        (1e-12, "under 0.001"),
        (0.0, "0"),
        (3.7e19, "37,000,000,000,000,000,000"),
        (f64::NAN, "not available"),
    ];
    for (value, text) in cases {
        assert_eq!(format_ratio(value), text, "{value}");
    }
    assert_eq!(format_percent(0.175), "17.5%");
    assert_eq!(format_percent(0.0), "0.0%");
    assert_eq!(format_percent(0.0001), "under 0.1%");
    assert_eq!(format_percent(0.9999), "over 99.9%");
    assert_eq!(format_percent(1.0), "100.0%");
    assert_eq!(format_percent_less(0.77358).as_deref(), Some("23%"));
    assert_eq!(format_percent_less(0.998), None);
    assert_eq!(format_percent_less(0.003).as_deref(), Some("more than 99%"));
    assert_eq!(format_p(0.0856031), "p = 0.086");
    assert_eq!(format_p(0.0132618), "p = 0.013");
    assert_eq!(format_p(0.5), "p = 0.50");
    assert_eq!(format_p(1.0), "p = 1.00");
    assert_eq!(format_p(0.0010589), "p = 0.0011");
    assert_eq!(format_p(3.9e-11), "p < 0.001");
    assert_eq!(format_p(f64::NAN), "p < 0.001");
}

#[test]
fn a_figure_never_rounds_across_an_end_of_its_range() {
    // Issue 17: 3,998 of 10,000 against 5,000 of 10,000 is 0.7996 (by hand), outside 0.80 to 1.25,
    // and was shown as "0.800".
    let range = NonAdverseRange::default();
    let ratio = relative_likelihood(3998, 10_000, 5000, 10_000).unwrap();
    assert_eq!(format_ratio(ratio.value), "0.800");
    assert_eq!(format_ratio_in(ratio.value, range), "0.7996");
    assert_eq!(
        ratio_status(&Ok(ratio), range, AdverseDirection::Below),
        RatioStatus::Adverse
    );
    // statsmodels Table2x2([[3998,6002],[5000,5000]]): 0.775195 to 0.824774.
    assert_eq!(ratio_text(&ratio, range), "0.7996 (0.775 to 0.825)");
    // By hand, each side of each end.
    for (value, text) in [
        (1.2504, "1.2504"),
        (1.25, "1.25"),
        (1.2496, "1.25"),
        (1.24999999999999, "1.25"),
        (0.79999, "0.79999"),
        (0.8, "0.800"),
        (0.80004, "0.800"),
        (0.7999999999999999, "0.800"),
        (2.5, "2.50"),
    ] {
        assert_eq!(format_ratio_in(value, range), text, "{value}");
    }
    // A configured range with more decimals: 0.8123 to 1.2345.
    let narrow = NonAdverseRange::new(0.8123, 1.2345).unwrap();
    assert_eq!(format_range(narrow), "0.8123 to 1.2345");
    assert_eq!(format_range(range), "0.80 to 1.25");
    assert_eq!(
        format_range(NonAdverseRange::new(0.9, 1.1).unwrap()),
        "0.90 to 1.10"
    );
    assert_eq!(
        format_ratio_in(0.8124, narrow),
        "0.8124",
        "within, though 0.812 is not"
    );
    assert_eq!(
        format_ratio_in(1.2346, narrow),
        "1.235",
        "above 1.2345, as 1.23 would not be"
    );
    assert_eq!(format_ratio_in(1.234, narrow), "1.23");
    // Interval ends never round onto 1 from either side.
    assert_eq!(format_interval_end(0.99996), "0.99996");
    assert_eq!(format_interval_end(1.00227), "1.002");
    assert_eq!(format_interval_end(0.996), "0.996");
    // Corrected and small-cell ratios say so beside the figures.
    let corrected = relative_likelihood(0, 40, 1, 480).unwrap();
    assert_eq!(
        ratio_text(&corrected, range),
        "3.91 (0.162 to 94.5), corrected, approximate"
    );
    // The percentage beside an extended figure gets the digits too.
    let value = shown(0.7996, Some((0.8, 1.25)));
    assert_eq!(percent_less(0.7996, &value).as_deref(), Some("20.04%"));
}

#[test]
fn small_numbers_follow_one_rule() {
    // METRICS.md "Small numbers": a numerator of 1 to 4, or a denominator under 10.
    assert!(!small_numbers(0, 10));
    assert!(small_numbers(1, 1000));
    assert!(small_numbers(4, 1000));
    assert!(!small_numbers(5, 1000));
    assert!(small_numbers(5, 9));
    assert!(small_numbers(0, 9));
    assert!(small_numbers(0, 0));
    // A median needs 5 values.
    let four = median_iqr(&[1.0, 2.0, 3.0, 4.0]).unwrap();
    assert!(four.too_few());
    assert!(!median_iqr(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap().too_few());
}

// Not stated

#[test]
fn not_stated_above_ten_percent_is_flagged() {
    // By hand: 10 of 100 is exactly 10%, not above.
    assert!(!not_stated_flag(10, 100));
    assert!(not_stated_flag(11, 100));
    assert!(!not_stated_flag(0, 0));
    assert!(not_stated_flag(1, 0));
    assert!(not_stated_flag(u64::MAX, u64::MAX));
}

// Suppression

#[test]
fn single_counts_under_each_preset() {
    use Shown::*;
    use SuppressionPreset::*;
    assert_eq!(SuppressionPreset::default(), LessThan5);
    let shown = |preset| [0, 1, 4, 5, 7, 8, 9, 10, 12, 13, 102].map(|n| suppress_count(n, preset));
    assert_eq!(
        shown(LessThan5),
        [
            Count(0),
            Suppressed,
            Suppressed,
            Count(5),
            Count(7),
            Count(8),
            Count(9),
            Count(10),
            Count(12),
            Count(13),
            Count(102)
        ]
    );
    assert_eq!(
        shown(LessThan10),
        [
            Count(0),
            Suppressed,
            Suppressed,
            Suppressed,
            Suppressed,
            Suppressed,
            Suppressed,
            Count(10),
            Count(12),
            Count(13),
            Count(102)
        ]
    );
    // NHS Digital: 1-7 as "*", the rest to the nearest 5 (by hand: 8 -> 10, 12 -> 10, 13 -> 15, 102 -> 100).
    assert_eq!(
        shown(NhsDigital),
        [
            Count(0),
            Suppressed,
            Suppressed,
            Suppressed,
            Suppressed,
            Rounded(10),
            Rounded(10),
            Rounded(10),
            Rounded(10),
            Rounded(15),
            Rounded(100)
        ]
    );
    // By hand: u64::MAX is a multiple of 5, so the largest counts round without overflow.
    assert_eq!(suppress_count(u64::MAX, NhsDigital), Rounded(u64::MAX));
    assert_eq!(suppress_count(u64::MAX - 1, NhsDigital), Rounded(u64::MAX));
    for preset in [LessThan5, LessThan10, NhsDigital] {
        assert!(preset.threshold() >= MIN_SUPPRESSION_THRESHOLD);
        assert_eq!(suppress_count(2, preset), Suppressed);
    }
    assert_eq!(Suppressed.text(), "*");
    assert_eq!(Rounded(15).text(), "15");
}

#[test]
fn rates_on_small_numbers_are_withheld() {
    use SuppressionPreset::*;
    assert!(rate_is_reportable(5, 10, LessThan5));
    assert!(!rate_is_reportable(4, 100, LessThan5));
    assert!(!rate_is_reportable(5, 9, LessThan5));
    assert!(rate_is_reportable(0, 50, LessThan5));
    assert!(!rate_is_reportable(9, 100, LessThan10));
    assert!(!rate_is_reportable(7, 100, NhsDigital));
    assert!(rate_is_reportable(8, 100, NhsDigital));
    assert!(!rate_is_reportable(20, 10, LessThan5));
}

#[test]
fn secondary_suppression_protects_against_totals() {
    use Shown::*;
    use SuppressionPreset::*;
    // Row 0 has one small cell (3): the next smallest in the row (20) is hidden too. That leaves columns 0
    // and 1 each with one hidden cell, so their next smallest (40 and 30) are hidden as well.
    let rows = vec![vec![3, 20, 50], vec![40, 30, 60], vec![45, 35, 70]];
    let table = suppress_table(&rows, LessThan5, true);
    assert_eq!(
        table,
        vec![
            vec![Suppressed, Suppressed, Count(50)],
            vec![Suppressed, Suppressed, Count(60)],
            vec![Count(45), Count(35), Count(70)],
        ]
    );
    // Without totals, only the small count is hidden.
    assert_eq!(
        suppress_table(&rows, LessThan5, false)[0],
        vec![Suppressed, Count(20), Count(50)]
    );
    // By hand: no row or column is left with exactly one hidden cell.
    let lone = |t: &Vec<Vec<Shown>>| {
        (0..3).any(|i| {
            (0..3).filter(|&j| t[i][j] == Suppressed).count() == 1
                || (0..3).filter(|&j| t[j][i] == Suppressed).count() == 1
        })
    };
    assert!(!lone(&table));
    // Zeros are chosen last: hiding the 0 beside the 2 would still give the 2 away.
    assert_eq!(
        suppress_table(&[vec![2, 0, 9, 40]], LessThan5, true),
        vec![vec![Suppressed, Count(0), Suppressed, Count(40)]]
    );
    // Two small cells in a row already protect each other.
    assert_eq!(
        suppress_table(&[vec![2, 3, 40]], LessThan5, true),
        vec![vec![Suppressed, Suppressed, Count(40)]]
    );
    // NHS Digital rounds the totals, so nothing extra is hidden.
    assert_eq!(
        suppress_table(&[vec![3, 20, 50]], NhsDigital, true),
        vec![vec![Suppressed, Rounded(20), Rounded(50)]]
    );
    // Ragged and empty tables are values, not panics.
    assert_eq!(
        suppress_table(&[vec![3], vec![], vec![4, 9]], LessThan5, true).len(),
        3
    );
    assert!(suppress_table(&[], LessThan10, true).is_empty());
}

#[test]
fn the_median_of_a_long_shuffled_list_is_found() {
    // 1..=1001 in a scrambled order (multiplying by 389 modulo 1001 visits every residue once):
    // median 501, quartiles 251 and 751 exactly.
    let values: Vec<f64> = (0..1001u32)
        .map(|i| f64::from((i * 389) % 1001 + 1))
        .collect();
    let spread = median_iqr(&values).unwrap();
    assert_eq!((spread.q1, spread.median, spread.q3), (251.0, 501.0, 751.0));
    let mut descending: Vec<f64> = (0..40).rev().map(f64::from).collect();
    descending.push(f64::NAN);
    let spread = median_iqr(&descending).unwrap();
    assert_eq!((spread.median, spread.count), (19.5, 40));
}

#[test]
fn a_ratio_exactly_at_an_end_of_the_range_is_within_it() {
    // Found by the reference checks: 3 of 5 (60%) against 75% is exactly 0.80 and 47 of 80
    // (58.75%) against 47% exactly 1.25, but (x/n)/b in floating point lands just outside.
    let range = NonAdverseRange::default();
    let low = representation_ratio(3, 5, 0.75).unwrap();
    assert!(
        low.ratio.value < 0.8,
        "the floating-point value misses the end"
    );
    assert!(range.contains(low.ratio.value));
    let high = representation_ratio(47, 80, 0.47).unwrap();
    assert!(range.contains(high.ratio.value));
    assert!(
        !range.contains(0.7999),
        "a real difference is still outside"
    );
    // None of x gives a lower end of exactly 0, all of n an upper end of exactly 1.
    assert_eq!(proportion(0, 3).unwrap().interval.lower, 0.0);
    assert_eq!(proportion(286, 286).unwrap().interval.upper, 1.0);
}
