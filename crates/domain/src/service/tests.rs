use super::*;
use crate::stats::NonAdverseRange;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6 * b.abs().max(1.0), "{a} is not {b}");
}

/// The figures of fixture v6.json: a made-up borough and service.
fn example() -> ServiceData {
    let row = |group: &str, t: &str, c: &str, j: &str, e: &str, s: &str, d: &str| ServiceRow {
        group: group.into(),
        treatment: t.into(),
        referrals: String::new(),
        caseload: c.into(),
        jobs: j.into(),
        education: e.into(),
        team: s.into(),
        days: d.into(),
    };
    ServiceData {
        population_source: "Census 2021, a made-up borough".into(),
        population_detailed: false,
        population: ["12.5", "9.8", "4.1", "71.2", "2.4"]
            .map(String::from)
            .to_vec(),
        population_categories: Vec::new(),
        as_at: "April to June 2026".into(),
        rows: vec![
            row("asian", "310", "21", "6", "1", "1", "61, 88"),
            row("black", "420", "18", "3", "0", "0", "40, 95, 210"),
            row("mixed", "95", "7", "2", "0", "0", ""),
            row("white", "1,650", "96", "30", "4", "7", ""),
            row("other", "60", "4", "1", "0", "0", ""),
            row("not_stated", "140", "9", "2", "0", "0", ""),
        ],
    }
}

fn range() -> NonAdverseRange {
    NonAdverseRange::default()
}

/// The problems other than the one v6.json's figures always have: 2 times to a job start for
/// the Asian group's 6 job starts (see `fewer_times_than_job_starts_are_said`).
fn other_problems(checked: &Checked) -> Vec<&Problem> {
    checked
        .problems
        .iter()
        .filter(|p| p.field != "asian-d")
        .collect()
}

#[test]
fn amounts_read_as_people_or_percentages() {
    assert_eq!(parse_amount(" 12,345 "), Ok(Some(12345.0)));
    assert_eq!(parse_amount("9.3%"), Ok(Some(9.3)));
    // Issue 17: thousands separated by a space, a no-break space or a narrow no-break space, as
    // spreadsheets in other locales copy them.
    assert_eq!(parse_amount("22 174"), Ok(Some(22174.0)));
    assert_eq!(parse_amount("22\u{A0}174"), Ok(Some(22174.0)));
    assert_eq!(parse_amount("22\u{202F}174"), Ok(Some(22174.0)));
    assert_eq!(parse_amount("1 234 567.5"), Ok(Some(1234567.5)));
    assert!(
        parse_amount("22 17").is_err(),
        "not a grouping of thousands"
    );
    assert!(parse_amount("1,2 345").is_err());
    assert_eq!(parse_amount(""), Ok(None));
    assert!(parse_amount("-4").unwrap_err().contains("below zero"));
    assert!(parse_amount("lots").unwrap_err().contains("not a number"));
    assert!(parse_amount("NaN").is_err());
    assert!(parse_amount("inf").is_err());
    assert!(parse_amount("1e5").is_err());
    assert!(parse_amount("+3").is_err());
}

/// Issue 18: the standard parser reads a typed decimal as the nearest float. The hand parser it
/// replaced added tenths one at a time and read "0.3" as 0.30000000000000004.
#[test]
fn amounts_are_the_nearest_float_to_what_was_typed() {
    assert_eq!(parse_amount("0.3"), Ok(Some(0.3_f64)));
    assert_eq!(parse_amount("12.5%"), Ok(Some(12.5)));
    assert_eq!(parse_amount("81.7"), Ok(Some(81.7)));
    assert_eq!(parse_amount("1,234.56"), Ok(Some(1234.56)));
    assert_eq!(parse_amount("5."), Ok(Some(5.0)));
    assert_eq!(parse_amount(".5"), Ok(Some(0.5)));
    assert!(parse_amount(".").is_err());
    assert!(parse_amount("1.2.3").is_err());
}

#[test]
fn days_read_as_a_list_of_whole_numbers() {
    assert_eq!(
        parse_days("40, 95\n210;7"),
        Ok(vec![40.0, 95.0, 210.0, 7.0])
    );
    assert_eq!(parse_days("  "), Ok(vec![]));
    assert!(parse_days("40, 9.5").unwrap_err().contains("‘9.5’"));
}

#[test]
fn the_national_baseline_is_the_census_2021_figures_labelled_as_national() {
    let (values, label) = national_baseline();
    // England and Wales, Census 2021, as the issue gives them (Asian, Black, Mixed, White, Other).
    assert_eq!(values, ["9.3", "4.0", "2.9", "81.7", "2.1"]);
    assert!(label.contains("national starting point"));
}

#[test]
fn valid_figures_give_population_shares_and_tallies() {
    let checked = check(&example());
    assert!(
        other_problems(&checked).is_empty(),
        "{:?}",
        checked.problems
    );
    let pop = checked.population.unwrap();
    // Percentages that add up to 100: each is its own share.
    close(pop[1], 0.098);
    let treatment = checked.tally(Field::Treatment).unwrap();
    assert_eq!(treatment.known_total(), 2535);
    assert_eq!(treatment.count(CaseloadGroup::NotStated), 140);
    assert_eq!(checked.days[1], [40.0, 95.0, 210.0]);
}

#[test]
fn nineteen_categories_add_up_into_their_groups() {
    let mut data = example();
    data.population_detailed = true;
    // 19 categories of 10 people each, except White British (index 12) with 100.
    data.population_categories = (0..19)
        .map(|i| if i == 12 { "100" } else { "10" }.to_string())
        .collect();
    let pop = check(&data).population.unwrap();
    // 5 Asian categories of 10 out of 280 people; White is 4 × 10 + 100 = 140 of 280.
    close(pop[0], 50.0 / 280.0);
    close(pop[3], 140.0 / 280.0);
    close(pop.iter().sum::<f64>(), 1.0);
}

#[test]
fn each_bad_field_says_what_to_do_and_its_column_gives_no_figures() {
    let mut data = example();
    data.population[2] = String::new();
    data.rows[1].caseload = "-3".into();
    data.rows[0].jobs = "25".into();
    data.rows[2].days = "12, 30, 44".into();
    let checked = check(&data);
    let fields: Vec<&str> = checked.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["pop-2", "black-c", "asian-j", "asian-d", "mixed-d"]
    );
    assert_eq!(
        checked.problem("pop-2"),
        Some("Enter the figure for Mixed or Multiple ethnic groups (0 if none).")
    );
    assert!(checked
        .problem("black-c")
        .unwrap()
        .contains("cannot be negative"));
    assert!(checked
        .problem("mixed-d")
        .unwrap()
        .starts_with("3 times are more than the 2 job starts"));
    assert_eq!(checked.population, None);
    assert_eq!(checked.tally(Field::Caseload), None);
    assert_eq!(
        checked.tally(Field::Jobs),
        None,
        "25 job starts out of 21 on the caseload"
    );
    assert!(checked.tally(Field::Treatment).is_some());
    assert!(
        comparisons(&checked, range()).is_empty(),
        "no baseline, no IPS caseload"
    );
}

#[test]
fn a_column_left_blank_throughout_is_not_a_problem() {
    let mut data = example();
    for row in &mut data.rows {
        row.education.clear();
    }
    data.population.clear();
    let checked = check(&data);
    assert!(
        other_problems(&checked).is_empty(),
        "{:?}",
        checked.problems
    );
    assert_eq!(checked.tally(Field::Education), None);
    assert_eq!(checked.population, None);
    // Only the comparison between two caseloads needs no population.
    let ids: Vec<&str> = comparisons(&checked, range())
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ["ips-treatment"]);
}

#[test]
fn representation_against_the_population_and_the_treatment_caseload() {
    let all = comparisons(&check(&example()), range());
    let ids: Vec<(&str, &str)> = all.iter().map(|c| (c.anchor, c.id)).collect();
    assert_eq!(
        ids,
        [
            ("1.1", "treatment-population"),
            ("1.1", "ips-treatment"),
            ("1.1", "ips-population"),
            ("1.2", "team-population")
        ]
    );
    // Expected values from a separate Python script (METRICS.md formulas, z = 1.959964):
    // 18 Black clients of 146 with a stated ethnicity, against 9.8% of the population:
    // RR = (18/146)/0.098 = 1.258037, Wilson interval / 0.098 = 0.810472 to 1.902699.
    let black = &all[2].shares[1];
    assert_eq!((black.count, black.base), (18, 146));
    let rep = black.result.as_ref().unwrap();
    close(rep.ratio.value, 1.2580374615599663);
    close(rep.ratio.interval.lower, 0.8104717007080255);
    close(rep.ratio.interval.upper, 1.9026992856396112);
    close(rep.gap_points, 2.52876712328767);
    // Against the population the comparison is two-sided (no favourable side).
    assert_eq!(black.status, RatioStatus::HigherNotConclusive);
    // The IPS caseload is part of the treatment caseload: against the rest of it, 18 of 146
    // against (420 − 18) of (2535 − 146); statsmodels Table2x2([[18,128],[402,1987]]):
    // 0.732672 (0.471092 to 1.139499). Against the whole (the old way) it was 0.744.
    let black = &all[1].shares[1];
    let rep = black.result.as_ref().unwrap();
    close(rep.ratio.value, 0.7326722551625434);
    close(rep.ratio.interval.lower, 0.4710917123208309);
    close(rep.ratio.interval.upper, 1.1394992088491265);
    assert_eq!(rep.baseline_counts, Some([402, 2389]));
    close(black.baseline_share, 402.0 / 2389.0);
    assert_eq!(
        black.status,
        RatioStatus::OutsideNotConclusive,
        "access has a direction"
    );
    assert!(
        black.sentence.contains(
            "against 16.8% of the rest of the treatment teams' caseload (not on the IPS caseload)"
        ) && black.sentence.contains("could be chance"),
        "{}",
        black.sentence
    );
    // The team of 8: one Asian member against 12.5% is 1.00 (0.179 to 3.77), too few to say.
    let asian = &all[3].shares[0];
    close(
        asian.result.as_ref().unwrap().ratio.interval.upper,
        3.76710548044867,
    );
    assert!(asian.small);
    assert_eq!(asian.status, RatioStatus::Within);
}

#[test]
fn job_starts_by_group_against_the_white_group() {
    let rates = outcome_rates(&check(&example()), Field::Jobs, range());
    assert_eq!(rates.len(), 6, "five groups, then the comparison group");
    // Python: 3/18 over 30/96 = 0.533333 (0.182069 to 1.562285).
    let black = &rates[1];
    let ratio = black.ratio.as_ref().unwrap().as_ref().unwrap();
    close(ratio.value, 0.5333333333333333);
    close(ratio.interval.lower, 0.1820694753858753);
    close(ratio.interval.upper, 1.562285187242931);
    // 3 job starts is a small cell, and the interval includes 1: too few to tell.
    assert_eq!(black.status, RatioStatus::TooFewToTell);
    assert!(black.small);
    assert_eq!(black.ratio_text, "0.533 (0.182 to 1.56), approximate");
    assert!(rates[3].ratio.is_none(), "the White group is the reference");
    // Everyone else stated: 12 of 50 against 30 of 96: 0.768 (0.431894 to 1.365668).
    let others = &rates[5];
    assert_eq!((others.group, others.events, others.total), (None, 12, 50));
    close(
        others
            .ratio
            .as_ref()
            .unwrap()
            .as_ref()
            .unwrap()
            .interval
            .lower,
        0.43189419516828387,
    );
    let sentence = outcome_sentence(
        others,
        "people from minoritised groups",
        Field::Jobs,
        range(),
    )
    .unwrap();
    assert!(
        sentence.starts_with("People from minoritised groups on the IPS caseload were 23% less likely than people in the White group to start a job"),
        "{sentence}"
    );
    assert!(sentence.contains("could be chance"), "{sentence}");
}

#[test]
fn a_zero_cell_is_adjusted_and_no_white_starts_is_not_computable() {
    let mut data = example();
    data.rows[1].education = "0".into();
    let rates = outcome_rates(&check(&data), Field::Education, range());
    // 0 of 18 Black against 4 of 96 White: 0.5 added to each count and 1 to each total.
    let ratio = rates[1].ratio.as_ref().unwrap().as_ref().unwrap();
    assert!(ratio.corrected);
    close(ratio.value, (0.5 / 19.0) / (4.5 / 97.0));
    data.rows[3].education = "0".into();
    data.rows[0].education = "0".into();
    let rates = outcome_rates(&check(&data), Field::Education, range());
    assert!(
        rates[1].ratio.as_ref().unwrap().is_err(),
        "no starts in either group"
    );
    assert_eq!(rates[1].status, RatioStatus::NotComputable);
}

#[test]
fn time_to_employment_is_the_median_and_quartiles_of_each_group() {
    let spread = time_to_work(&check(&example()));
    // numpy.percentile (linear) of [61, 88] and [40, 95, 210], worked by hand.
    assert_eq!(spread.len(), 2);
    assert_eq!(spread[0].0, CaseloadGroup::Asian);
    close(spread[0].1.median, 74.5);
    close(spread[0].1.q1, 67.75);
    assert_eq!(spread[1].0, CaseloadGroup::Black);
    close(spread[1].1.median, 95.0);
    close(spread[1].1.q3, 152.5);
    // Fewer than 5 times: too few for a median (METRICS.md "Small numbers").
    assert!(spread[0].1.too_few() && spread[1].1.too_few());
    assert_eq!(
        median_text(&spread[1].1),
        "too few to give (a median needs at least 5 times)"
    );
    assert_eq!(quartiles_text(&spread[1].1), "");
    let five = stats::median_iqr(&[40.0, 95.0, 210.0, 61.0, 88.0]).unwrap();
    assert_eq!(
        (median_text(&five), quartiles_text(&five)),
        ("88.0".to_string(), "61.0 to 95.0".to_string())
    );
}

#[test]
fn fewer_times_than_job_starts_are_said() {
    // Issue 17: 2 times for 8 job starts gave a median of 2 people, silently.
    let mut data = example();
    data.rows[0].jobs = "8".into();
    let checked = check(&data);
    assert_eq!(
        checked.problem("asian-d"),
        Some("2 times for 8 job starts in the Asian group: the median is of these 2 only. Give one time for each job start.")
    );
    // Said, not refused: the times given are still used, and their count is shown.
    assert_eq!(checked.days[0], [61.0, 88.0]);
    // A blank is not a problem: nothing was entered.
    data.rows[0].days.clear();
    assert_eq!(check(&data).problem("asian-d"), None);
    // One for each job start is right.
    data.rows[0].days = "1, 2, 3, 4, 5, 6, 7, 8".into();
    assert_eq!(check(&data).problem("asian-d"), None);
}

#[test]
fn two_sided_where_more_is_not_plainly_good_or_bad() {
    // METRICS.md "Which comparisons have a good direction": the caseload and the team against the
    // population are two-sided; access to IPS from the treatment caseload has a direction.
    let all = comparisons(&check(&example()), range());
    for c in &all {
        let two_sided = matches!(
            c.id,
            "treatment-population" | "ips-population" | "team-population"
        );
        for s in &c.shares {
            if two_sided {
                assert!(
                    !matches!(
                        s.status,
                        RatioStatus::Adverse
                            | RatioStatus::FavourableToComparison
                            | RatioStatus::OutsideNotConclusive
                    ),
                    "{} {:?}",
                    c.id,
                    s.status
                );
                assert!(
                    !s.sentence.contains("favour") && !s.sentence.contains("adverse"),
                    "{}",
                    s.sentence
                );
            } else {
                assert!(
                    !matches!(
                        s.status,
                        RatioStatus::Higher
                            | RatioStatus::Lower
                            | RatioStatus::HigherNotConclusive
                            | RatioStatus::LowerNotConclusive
                    ),
                    "{} {:?}",
                    c.id,
                    s.status
                );
            }
        }
    }
    // "Other ethnic group" is not doubled into "Other ethnic group group".
    let other = &all[0].shares[4];
    assert!(
        other
            .sentence
            .starts_with("People in the Other ethnic group were"),
        "{}",
        other.sentence
    );
    assert!(!other.sentence.contains("group group"));
    let mixed = &all[0].shares[2];
    assert!(
        mixed
            .sentence
            .starts_with("People in the Mixed or Multiple ethnic groups were"),
        "{}",
        mixed.sentence
    );
}

#[test]
fn huge_counts_stay_finite() {
    let mut data = example();
    data.rows[3].treatment = "18446744073709551615".into();
    let checked = check(&data);
    assert!(other_problems(&checked).is_empty());
    for c in comparisons(&checked, range()) {
        for s in c.shares {
            if let Ok(r) = s.result {
                assert!(r.ratio.value.is_finite() && r.ratio.interval.upper.is_finite());
            }
        }
    }
}

#[test]
fn the_example_plan_has_a_local_baseline_and_ips_caseload_data_that_check() {
    let plan = crate::plan::Plan::example();
    let checked = check(&plan.data.service);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    // Census counts, not percentages: 14,900 Black residents of 253,000.
    close(checked.population.unwrap()[1], 14900.0 / 253000.0);
    assert_eq!(comparisons(&checked, range()).len(), 5);
    // Fewer referrals from Black people than the treatment caseload would suggest: 22 of 229
    // stated referrals against the rest of the treatment caseload, (610 − 22) of (4,355 − 229);
    // statsmodels Table2x2([[22,207],[588,3538]]): 0.674123 (0.449950 to 1.009982): outside the
    // range, but the interval includes 1.
    let referrals = &comparisons(&checked, range())[1];
    assert_eq!(referrals.id, "referrals-treatment");
    let black = referrals.shares[1].result.as_ref().unwrap();
    close(black.ratio.value, 0.6741229242788819);
    close(black.ratio.interval.lower, 0.4499501113319151);
    close(black.ratio.interval.upper, 1.0099824527059238);
    assert_eq!(
        referrals.shares[1].status,
        RatioStatus::OutsideNotConclusive
    );
    assert_eq!(outcome_rates(&checked, Field::Education, range()).len(), 6);
    assert_eq!(time_to_work(&checked).len(), 5);
    assert!(
        plan.data.periods.iter().all(|p| p.bands.len() == 4),
        "pay bands in both years"
    );
}

/// Every sentence the example plan produces, in the order the screens show them. Run with
/// `cargo test -p race-equity-domain example_plans_sentences -- --nocapture` to read them.
fn example_sentences() -> Vec<String> {
    use crate::wres;
    let plan = crate::plan::Plan::example();
    let settings = &plan.settings;
    let range = settings.non_adverse_range;
    let mut out = Vec::new();
    for period in &plan.data.periods {
        let comparison = settings.comparison_group_term.trim();
        let reference = wres::reference_words(settings);
        if let Ok(counts) = wres::check_bands(&period.bands, comparison, reference) {
            for f in wres::band_figures(&period.bands, &counts, settings) {
                out.push(format!(
                    "{} band [{}] {}",
                    period.label,
                    f.status.label(),
                    f.sentence
                ));
            }
        }
        for (metric, _, checked) in wres::check_period(period, settings) {
            if let wres::Checked::Counts(counts) = checked {
                let f = wres::figure(metric, counts, settings);
                out.push(format!(
                    "{} {} [{}; {}{}] {}",
                    period.label,
                    wres::metric_title(metric),
                    f.status.label(),
                    f.ratio_text,
                    if f.small_numbers {
                        "; small numbers"
                    } else {
                        ""
                    },
                    f.sentence
                ));
                if let Some((_, sentence)) = f.representation {
                    out.push(format!(
                        "{} {} (share) {}",
                        period.label,
                        wres::metric_title(metric),
                        sentence
                    ));
                }
            }
        }
    }
    let checked = check(&plan.data.service);
    for c in comparisons(&checked, range) {
        for s in &c.shares {
            out.push(format!(
                "{} [{}; {}{}] {}",
                c.id,
                s.status.label(),
                s.ratio_text,
                if s.small { "; small numbers" } else { "" },
                s.sentence
            ));
        }
    }
    for field in [Field::Jobs, Field::Education] {
        for rate in outcome_rates(&checked, field, range) {
            if let Some(sentence) =
                outcome_sentence(&rate, settings.comparison_group_term.trim(), field, range)
            {
                out.push(format!(
                    "{} [{}; {}{}] {}",
                    field.label(),
                    rate.status.label(),
                    rate.ratio_text,
                    if rate.small { "; small numbers" } else { "" },
                    sentence
                ));
            }
        }
    }
    for (group, spread) in time_to_work(&checked) {
        out.push(format!(
            "Time to work, {}: {} times, median {}, {}",
            group.short_label(),
            spread.count,
            median_text(&spread),
            quartiles_text(&spread)
        ));
    }
    let caseloads = crate::caseload::compare_specialists(&plan.reap.specialists, range);
    for s in &caseloads.specialists {
        out.push(crate::caseload::headline(s));
        for g in &s.groups {
            out.push(format!(
                "  [{}; {}{}] {}",
                g.status.label(),
                g.ratio_text,
                if g.small { "; small numbers" } else { "" },
                g.sentence
            ));
        }
    }
    out
}

#[test]
fn example_plans_sentences() {
    let sentences = example_sentences();
    for s in &sentences {
        println!("{s}\n");
    }
    for s in &sentences {
        for wrong in [
            "group group",
            "groups group",
            "NaN",
            "inf",
            " 0.0% of",
            "100% below",
            "White staff to be appointed",
        ] {
            assert!(!s.contains(wrong), "{wrong}: {s}");
        }
    }
    assert!(sentences.len() > 80, "{}", sentences.len());
}

#[test]
fn the_screens_figures_are_asked_for_once_and_agree_with_each_part() {
    let data = example();
    let settings = crate::plan::Settings::default();
    let range = settings.non_adverse_range;
    let figures = figures(&data, &settings);
    let checked = check(&data);
    assert_eq!(figures.checked, checked);
    assert_eq!(figures.comparisons, comparisons(&checked, range));
    assert!(!figures.nothing_yet());
    // Job starts, then starts in education, each with the comparison group's sentence.
    let fields: Vec<Field> = figures.outcomes.iter().map(|o| o.field).collect();
    assert_eq!(fields, [Field::Jobs, Field::Education]);
    assert_eq!(
        figures.outcomes[0].rates,
        outcome_rates(&checked, Field::Jobs, range)
    );
    let term = settings.comparison_group_term.trim();
    assert_eq!(
        figures.outcomes[0].sentence,
        outcome_sentence(
            figures.outcomes[0].rates.last().unwrap(),
            term,
            Field::Jobs,
            range
        )
    );
    assert!(figures.outcomes[0].sentence.is_some());
    assert_eq!(figures.times, time_to_work(&checked));
    // The Black group's three times are too few for a median, so * is explained.
    assert!(figures.any_small);
    // The population and the counts each get their own problems, and none is lost.
    assert!(figures.problems(true).is_empty());
    assert_eq!(figures.problems(false).len(), checked.problems.len());

    // A bad count: its problem is among the counts', and the outcomes it spoils are gone.
    let mut bad = example();
    bad.rows[0].jobs = "25".into();
    let figures = super::figures(&bad, &settings);
    assert!(figures.problems(false).iter().any(|p| p.field == "asian-j"));
    assert!(figures.problems(true).is_empty());
    assert!(figures.outcomes.is_empty());

    // Nothing typed: nothing to show, and nothing small.
    let blank = super::figures(&ServiceData::default(), &settings);
    assert!(blank.nothing_yet());
    assert!(!blank.any_small);
    assert!(blank.times.is_empty());
}

#[test]
fn the_figures_for_anchors_1_1_and_1_2_are_said_as_evidence_with_the_sentences_that_matter() {
    let plan = crate::plan::Plan::example();
    let one = evidence_summary(&plan.data.service, &plan.settings, "1.1", "2026-12-07").unwrap();
    let two = evidence_summary(&plan.data.service, &plan.settings, "1.2", "2026-12-07").unwrap();
    assert!(one.starts_with("From the service figures on the Data screen, 7 December 2026:\n- "));
    let checked = figures(&plan.data.service, &plan.settings);
    for comparison in &checked.comparisons {
        let text = if comparison.anchor == "1.1" {
            &one
        } else {
            &two
        };
        assert!(
            text.contains(&format!("- {}", comparison.title)),
            "{}",
            comparison.title
        );
    }
    // Job starts are anchor 1.1's outcome, not 1.2's.
    let jobs = checked.outcomes[0].sentence.as_ref().unwrap();
    assert!(one.contains(jobs.as_str()) && !two.contains(jobs.as_str()));
    assert_eq!(
        evidence_summary(
            &crate::plan::ServiceData::default(),
            &plan.settings,
            "1.1",
            "2026-12-07"
        ),
        None,
        "nothing to compare yet"
    );
}
