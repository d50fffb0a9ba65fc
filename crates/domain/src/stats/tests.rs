//! Tests for the statistics. Each expected value says where it came from:
//! - "METRICS.md worked example": the figure in METRICS.md, re-checked to 6 significant figures with
//!   statsmodels 0.15 `Table2x2(..., shift_zeros=False).riskratio_confint()` (log interval) and
//!   `proportion_confint(method="wilson")`, and SciPy 1.17 `relative_risk`.
//! - "statsmodels": computed independently for this file with those same functions. `shift_zeros=False`
//!   matters: by default `Table2x2` adds 0.5 to every cell when any cell (events or non-events) is 0,
//!   which is not METRICS.md's correction. Corrected tables were passed to it already corrected.
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
    assert!(ratio.corrected);
    // statsmodels on the corrected table 5.5/6 vs 0.5/4.
    assert!(assert_ratio(relative_likelihood(5, 5, 0, 3), 7.33333, 0.542505, 99.1287).corrected);
    // By hand: 0.5/2 vs 1.5/2 = 1/3; statsmodels interval.
    assert!(assert_ratio(relative_likelihood(0, 1, 1, 1), 0.333333, 0.026545, 4.18577).corrected);
    // statsmodels on the corrected table 0.5/4 vs 3.5/4 (0 of 3 vs 3 of 3).
    assert!(assert_ratio(relative_likelihood(0, 3, 3, 3), 0.142857, 0.0104096, 1.9605).corrected);
    assert!(!relative_likelihood(1, 2, 1, 2).expect("ratio").corrected);
}

#[test]
fn tiny_groups() {
    // statsmodels Table2x2 riskratio_confint.
    assert_ratio(relative_likelihood(1, 1, 1, 2), 2.0, 0.500195, 7.99688);
    assert_ratio(relative_likelihood(2, 3, 1, 5), 3.33333, 0.485271, 22.8967);
    assert_ratio(relative_likelihood(3, 4, 1, 5), 3.75, 0.594323, 23.6614);
    assert_ratio(relative_likelihood(1, 5, 4, 5), 0.25, 0.0410366, 1.52303);
    assert_ratio(relative_likelihood(3, 4, 2, 2), 0.75, 0.425932, 1.32063);
    // By hand: everyone in both groups, so SE = 0 and the interval is the point 1.
    assert_ratio(relative_likelihood(10, 10, 10, 10), 1.0, 1.0, 1.0);
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
    assert_eq!(
        ratio_status(
            &Ok(team.ratio),
            NonAdverseRange::default(),
            AdverseDirection::Below
        ),
        RatioStatus::OutsideNotConclusive
    );
    // None of 20: statsmodels Wilson(0, 20) / 0.3.
    let none = representation_ratio(0, 20, 0.3).expect("representation");
    assert_ratio(Ok(none.ratio), 0.0, 0.0, 0.537084);
    assert!(close(none.gap_points, -30.0));
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
    }
}

fn metric_sentence(
    convention: Convention,
    metric: Metric,
    wording: &Wording,
    comparison: Counts,
    reference: Counts,
) -> String {
    let result = metric_relative_likelihood(convention, metric, comparison, reference);
    sentence(
        wording,
        orientation(convention, metric),
        &result,
        NonAdverseRange::default(),
        adverse_direction(convention, metric),
    )
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
    // METRICS.md worked example; statsmodels on the corrected table: 0.22702 (0.01307 to 3.94253).
    let text = metric_sentence(
        Convention::ScWres,
        Metric::Disciplinary,
        &staff,
        Counts {
            events: 0,
            total: 40,
        },
        Counts {
            events: 6,
            total: 120,
        },
    );
    assert_eq!(
        text,
        "Black and minority ethnic staff were 77% less likely than White staff to enter the formal disciplinary \
         process (relative likelihood 0.227, 95% confidence interval 0.0131 to 3.94). This is outside the \
         non-adverse range of 0.80 to 1.25 (a guide), but the interval includes 1, so the difference could be \
         chance with numbers this small. One count was zero, so 0.5 was added to each count and 1 to each total \
         to estimate the ratio."
    );
    let none = sentence(
        &staff,
        Orientation::ComparisonOverReference,
        &Err(NotComputable::NoEvents),
        NonAdverseRange::default(),
        AdverseDirection::Above,
    );
    assert_eq!(
        none,
        "No relative likelihood can be given for Black and minority ethnic staff and White staff: neither group \
         has any to compare."
    );
}

#[test]
fn sentence_within_the_range() {
    // statsmodels: 1.0 (0.997741 to 1.00227) for 1,000,001 vs 999,999 of 3,000,000 each.
    let wording = Wording {
        comparison: "staff of colour",
        reference: "White staff",
        event: Metric::Leaving.event(),
    };
    let result = relative_likelihood(1_000_001, 3_000_000, 999_999, 3_000_000);
    let text = sentence(
        &wording,
        Orientation::ComparisonOverReference,
        &result,
        NonAdverseRange::default(),
        AdverseDirection::Above,
    );
    assert_eq!(
        text,
        "Staff of colour were about as likely as White staff to leave the organisation (relative likelihood 1.00, \
         95% confidence interval 0.998 to 1.00). This is within the non-adverse range of 0.80 to 1.25 (a guide), \
         and the difference could be chance."
    );
}

#[test]
fn sentence_never_claims_what_the_interval_does_not_support() {
    // Every table of up to 6 people per group, both directions.
    let range = NonAdverseRange::default();
    let wording = applicants();
    for n1 in 1..=6 {
        for x1 in 0..=n1 {
            for n2 in 1..=6 {
                for x2 in 0..=n2 {
                    let result = relative_likelihood(x1, n1, x2, n2);
                    for adverse in [AdverseDirection::Above, AdverseDirection::Below] {
                        let text = sentence(
                            &wording,
                            Orientation::ComparisonOverReference,
                            &result,
                            range,
                            adverse,
                        );
                        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
                        let Ok(ratio) = result else { continue };
                        if ratio.interval.includes(1.0) {
                            assert!(text.contains("could be chance"), "{text}");
                            assert!(!text.contains("unlikely explanation"), "{text}");
                            assert!(!matches!(
                                ratio_status(&result, range, adverse),
                                RatioStatus::Adverse | RatioStatus::FavourableToComparison
                            ));
                        }
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
    assert_eq!(
        text,
        "People of colour were 0.0% of the IPS team, against 30.0% of the local population: 100% below their \
         share (30.0 percentage points lower; representation ratio 0.00, 95% confidence interval 0.00 to 0.537). \
         This is outside the non-adverse range of 0.80 to 1.25 (a guide), adverse to people of colour, and the \
         interval does not include 1, so chance alone is an unlikely explanation."
    );
}

#[test]
fn number_formatting_is_deterministic() {
    // By hand: 2 decimals from 1 up, 3 significant figures below 1.
    let cases = [
        (1.66667, "1.67"),
        (1.29268, "1.29"),
        (3.20751, "3.21"),
        (12.3456, "12.35"),
        (1.0, "1.00"),
        (0.77358, "0.774"),
        (0.01307, "0.0131"),
        (0.09996, "0.100"),
        (0.999999, "1.00"),
        (0.0, "0.00"),
        (f64::NAN, "not available"),
    ];
    for (value, text) in cases {
        assert_eq!(format_ratio(value), text, "{value}");
    }
    assert_eq!(format_percent(0.175), "17.5%");
    assert_eq!(format_percent_less(0.77358).as_deref(), Some("23%"));
    assert_eq!(format_percent_less(0.998), None);
    assert_eq!(format_percent_less(0.003).as_deref(), Some("more than 99%"));
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
