use super::*;
use crate::journey::{Answer, Stage};
use crate::plan::{AnchorRecord, AnchorStatus, BandEntry, ClarityRecord, MetricEntry, Period};
use crate::timeframe;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn by_when(action: &Action) -> Timeframe {
    timeframe::read(&action.by_when)
}

fn action(id: &str, status: ActionStatus, by_when: &str) -> Action {
    Action {
        id: id.into(),
        text: format!("Action {id}"),
        by_when: by_when.into(),
        status,
        ..Action::default()
    }
}

fn linked(id: &str, anchors: &[&str], breakthroughs: &[&str]) -> Action {
    Action {
        anchors: anchors.iter().map(|a| a.to_string()).collect(),
        breakthroughs: breakthroughs.iter().map(|b| b.to_string()).collect(),
        ..action(id, ActionStatus::NotStarted, "")
    }
}

fn objective(id: &str, lead: &str, actions: Vec<Action>) -> Objective {
    Objective {
        id: id.into(),
        title: format!("Objective {id}"),
        lead: lead.into(),
        actions,
        ..Objective::default()
    }
}

fn plan_with(objectives: Vec<Objective>) -> Plan {
    let mut plan = Plan::default();
    plan.action_plan.objectives = objectives;
    plan
}

fn ids(actions: &[&Action]) -> Vec<String> {
    actions.iter().map(|a| a.id.clone()).collect()
}

fn pairs(expected: &[(&str, u32)]) -> Vec<(String, u32)> {
    expected
        .iter()
        .map(|(id, n)| (id.to_string(), *n))
        .collect()
}

// ---- Numbering -----------------------------------------------------------------------------

#[test]
fn actions_are_numbered_across_the_plan_and_empty_objectives_take_no_number() {
    use ActionStatus::NotStarted;
    let mut plan = plan_with(vec![
        objective("o0", "", vec![]),
        objective(
            "o1",
            "",
            vec![action("a1", NotStarted, ""), action("a2", NotStarted, "")],
        ),
        objective("o2", "", vec![]),
        objective("o3", "", vec![action("a7", NotStarted, "")]),
        objective("o4", "", vec![]),
    ]);
    assert_eq!(
        numbers(&plan.action_plan),
        pairs(&[("a1", 1), ("a2", 2), ("a7", 3)])
    );
    assert!(remove_action(&mut plan, "a2"));
    assert_eq!(
        numbers(&plan.action_plan),
        pairs(&[("a1", 1), ("a7", 2)]),
        "numbers close up"
    );
    assert!(numbers(&ActionPlanSection::default()).is_empty());
    assert!(numbers(&plan_with(vec![objective("o1", "", vec![])]).action_plan).is_empty());
}

#[test]
fn the_example_plan_numbers_its_eight_actions_in_order() {
    let plan = Plan::example();
    let numbers = numbers(&plan.action_plan);
    let expected: Vec<(String, u32)> = (1..=8).map(|n| (format!("a{n}"), n)).collect();
    assert_eq!(numbers, expected);
}

// ---- Tracking ------------------------------------------------------------------------------

/// Today is 31 July 2025 in the tracking tests.
fn tracked_plan() -> Plan {
    use ActionStatus::*;
    plan_with(vec![
        objective(
            "o1",
            "Principal Social Worker",
            vec![
                // Due yesterday: overdue.
                Action {
                    anchors: vec!["1.1".into()],
                    ..action("a1", OnTrack, "2025-07-30")
                },
                // Due today: not overdue.
                Action {
                    who: " HR business partner ".into(),
                    anchors: vec!["1.2".into(), "2.1".into(), "9.9".into()],
                    ..action("a2", AtRisk, "31/07/2025")
                },
                // Past, but done.
                action("a3", Done, "June 2025"),
            ],
        ),
        objective("o2", "", vec![]),
        objective(
            "o3",
            "hr BUSINESS partner",
            vec![
                action("a4", NotStarted, "ongoing"),
                action("a5", NotStarted, ""),
                // Past, but not a date the planner reads: never overdue.
                action("a6", AtRisk, "Spring 2025"),
                // An earlier quarter: overdue.
                Action {
                    who: "Staff voice lead".into(),
                    ..action("a7", NotStarted, "Q2 2025")
                },
                // This quarter of the financial year ends 30 September.
                action("a8", OnTrack, "Q2 2025-26"),
            ],
        ),
    ])
}

#[test]
fn the_summary_counts_statuses_overdue_timeframes_themes_and_objectives() {
    let plan = tracked_plan();
    let summary = summary(&plan, day("2025-07-31"), by_when);
    assert_eq!(summary.actions, 8);
    assert_eq!(
        summary.by_status,
        [3, 2, 2, 1],
        "not started, on track, at risk, done"
    );
    assert_eq!(summary.overdue, 2, "a1 and a7");
    assert_eq!(summary.ongoing, 1);
    assert_eq!(summary.no_timeframe, 1);
    assert_eq!(summary.unread_timeframe, 1);
    let tally = |actions, done, overdue| Tally {
        actions,
        done,
        overdue,
    };
    assert_eq!(
        summary.by_theme,
        [
            (Theme::Data, tally(2, 0, 1)),
            (Theme::Learning, tally(1, 0, 0)),
            (Theme::Processes, tally(0, 0, 0)),
            (Theme::Partnership, tally(0, 0, 0)),
        ],
        "a2 counts in Data and Learning once each; 9.9 is no theme"
    );
    assert_eq!(
        summary.by_objective,
        [
            ("o1".to_string(), tally(3, 1, 1)),
            ("o2".to_string(), tally(0, 0, 0)),
            ("o3".to_string(), tally(5, 0, 1)),
        ]
    );
    // A day later, a2 (due 31 July) is overdue too; a3 stays done.
    let next_day = summary_of(&plan, "2025-08-01");
    assert_eq!(next_day.overdue, 3);
    // On 1 October the financial Q2 has ended.
    assert_eq!(summary_of(&plan, "2025-09-30").overdue, 3);
    assert_eq!(summary_of(&plan, "2025-10-01").overdue, 4);
}

fn summary_of(plan: &Plan, today: &str) -> Summary {
    summary(plan, day(today), by_when)
}

#[test]
fn an_empty_plan_summarises_to_zero() {
    let summary = summary_of(&Plan::default(), "2025-01-01");
    assert_eq!(summary.actions, 0);
    assert_eq!(summary.by_status, [0; 4]);
    assert_eq!(summary.overdue, 0);
    assert!(summary.by_objective.is_empty());
    assert!(summary.by_theme.iter().all(|(_, t)| *t == Tally::default()));
}

#[test]
fn the_example_plan_has_three_overdue_actions_late_in_2026() {
    let plan = Plan::example();
    let summary = summary_of(&plan, "2026-11-28");
    assert_eq!(summary.actions, 8);
    assert_eq!(summary.by_status, [3, 4, 1, 0]);
    assert_eq!(
        summary.overdue, 3,
        "a1 (March 2025), a2 (May 2025) and a7 (Q2 2026-27, July to September 2026)"
    );
    assert_eq!(
        summary.by_theme[0].1.actions, 2,
        "a3 and a4 answer Data anchors"
    );
    let overdue: Vec<usize> = summary
        .by_objective
        .iter()
        .map(|(_, t)| t.overdue)
        .collect();
    assert_eq!(overdue, [2, 0, 0, 1]);
    // The last day of 2026 is the due date of a3 and a6: not overdue on it, overdue after.
    assert_eq!(summary_of(&plan, "2026-12-31").overdue, 3);
    assert_eq!(summary_of(&plan, "2027-01-01").overdue, 5);
}

#[test]
fn filters_match_the_lead_ignoring_case_and_spaces() {
    let plan = tracked_plan();
    let today = day("2025-07-31");
    let pick = |filter: &Filter| ids(&super::filter(&plan, filter, today, by_when));
    let lead = |text: &str| Filter {
        lead: Some(text.into()),
        ..Filter::default()
    };
    assert_eq!(
        pick(&Filter::default()).len(),
        8,
        "no filter shows every action"
    );
    // a2 names its own lead; a4, a5, a6 and a8 take their objective's.
    assert_eq!(
        pick(&lead("  HR Business Partner ")),
        ["a2", "a4", "a5", "a6", "a8"]
    );
    assert_eq!(pick(&lead("principal social worker")), ["a1", "a3"]);
    assert_eq!(pick(&lead("STAFF VOICE LEAD")), ["a7"]);
    assert!(
        pick(&lead("Staff voice")).is_empty(),
        "the whole lead, not part"
    );
    assert!(pick(&lead("Nobody")).is_empty());
    assert_eq!(
        leads(&plan),
        [
            "Principal Social Worker",
            "HR business partner",
            "Staff voice lead"
        ]
    );
}

/// Issue 18: the whole of Unicode is folded, not only A to Z.
#[test]
fn leads_differing_in_the_case_of_an_accented_letter_are_one() {
    let plan = plan_with(vec![
        objective(
            "o1",
            "Élodie Martin",
            vec![action("a1", ActionStatus::NotStarted, "")],
        ),
        objective(
            "o2",
            "élodie martin",
            vec![action("a2", ActionStatus::NotStarted, "")],
        ),
    ]);
    let filter = Filter {
        lead: Some("ÉLODIE MARTIN".into()),
        ..Filter::default()
    };
    let found = super::filter(&plan, &filter, day("2025-01-01"), by_when);
    assert_eq!(ids(&found), ["a1", "a2"]);
    assert_eq!(leads(&plan), ["Élodie Martin"]);
}

#[test]
fn a_blank_lead_picks_the_actions_with_no_lead() {
    let plan = plan_with(vec![
        objective(
            "o1",
            "  ",
            vec![
                action("a1", ActionStatus::NotStarted, ""),
                Action {
                    who: "Sam".into(),
                    ..action("a2", ActionStatus::NotStarted, "")
                },
            ],
        ),
        objective("o2", "Jo", vec![action("a3", ActionStatus::NotStarted, "")]),
    ]);
    let filter = Filter {
        lead: Some(" ".into()),
        ..Filter::default()
    };
    let found = super::filter(&plan, &filter, day("2025-01-01"), by_when);
    assert_eq!(ids(&found), ["a1"]);
    assert_eq!(leads(&plan), ["Sam", "Jo"]);
}

#[test]
fn filters_by_status_and_overdue_combine() {
    let plan = tracked_plan();
    let pick =
        |filter: Filter, today: &str| ids(&super::filter(&plan, &filter, day(today), by_when));
    let status = |status| Filter {
        status: Some(status),
        ..Filter::default()
    };
    assert_eq!(
        pick(status(ActionStatus::AtRisk), "2025-07-31"),
        ["a2", "a6"]
    );
    assert_eq!(pick(status(ActionStatus::Done), "2025-07-31"), ["a3"]);
    let overdue = Filter {
        overdue_only: true,
        ..Filter::default()
    };
    assert_eq!(pick(overdue.clone(), "2025-07-31"), ["a1", "a7"]);
    assert_eq!(pick(overdue.clone(), "2025-08-01"), ["a1", "a2", "a7"]);
    assert_eq!(pick(overdue.clone(), "2025-01-01"), Vec::<String>::new());
    let at_risk_and_overdue = Filter {
        status: Some(ActionStatus::AtRisk),
        ..overdue.clone()
    };
    assert_eq!(pick(at_risk_and_overdue, "2025-08-01"), ["a2"]);
    let everything = Filter {
        lead: Some("hr business partner".into()),
        status: Some(ActionStatus::NotStarted),
        theme: None,
        overdue_only: true,
    };
    assert!(
        pick(everything.clone(), "2025-07-31").is_empty(),
        "a7 has its own lead"
    );
    let everything = Filter {
        lead: Some("staff voice lead".into()),
        ..everything
    };
    assert_eq!(pick(everything, "2025-07-31"), ["a7"]);
}

// ---- Not yet answered ----------------------------------------------------------------------

#[test]
fn the_example_plan_has_anchors_breakthroughs_and_metrics_with_no_action() {
    let plan = Plan::example();
    let open = unanswered(&plan);
    // Met: 1.1, 2.1, 4.2. Linked: 1.2 (a3) and 1.3 (a4).
    assert_eq!(
        open.anchors,
        ["2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.3", "4.4", "4.5", "4.6"]
    );
    // Developing, capped at Starting by a "no"; a5 answers Starting's leadership point.
    assert_eq!(
        open.breakthroughs,
        [
            "starting.vision_priorities_outcomes",
            "starting.community_engagement"
        ]
    );
    assert_eq!(open.period.as_deref(), Some("2025-26"));
    assert_eq!(
        open.metrics,
        [Metric::PayBands, Metric::HarassmentFromPublic],
        "the adverse figures of 2025-26"
    );
    assert!(!open.is_empty());
}

#[test]
fn adverse_metrics_match_what_the_data_page_shows() {
    // The same figures, worked out the way the data page works them out.
    let plan = Plan::example();
    let period = plan.data.periods.last().unwrap();
    let shown: Vec<Metric> = wres::check_period(period, &plan.settings)
        .into_iter()
        .filter_map(|(metric, _, checked)| match checked {
            wres::Checked::Counts(counts) => Some((metric, counts)),
            _ => None,
        })
        .filter(|(metric, counts)| {
            wres::figure(*metric, *counts, &plan.settings).status == RatioStatus::Adverse
        })
        .map(|(metric, _)| metric)
        .collect();
    let open = unanswered(&plan);
    assert_eq!(&open.metrics[1..], shown.as_slice());
}

#[test]
fn an_anchor_is_answered_when_met_or_linked() {
    let mut plan = plan_with(vec![objective(
        "o1",
        "",
        vec![
            linked("a1", &["1.1", "9.9"], &[]),
            linked("a2", &["3.3"], &[]),
        ],
    )]);
    let mut record = |id: &str, status| {
        plan.reap.anchors.insert(
            id.into(),
            AnchorRecord {
                status,
                ..AnchorRecord::default()
            },
        );
    };
    record("1.2", AnchorStatus::Met);
    record("1.3", AnchorStatus::NotMet);
    record("2.1", AnchorStatus::InProgress);
    let open = unanswered(&plan);
    assert_eq!(
        open.anchors,
        [
            "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.4", "3.5", "4.1", "4.2", "4.3", "4.4",
            "4.5", "4.6"
        ]
    );
    // Met with an action too: still answered. Not met with an action: answered.
    plan.reap.anchors.entry("1.1".into()).or_default().status = AnchorStatus::Met;
    assert!(!unanswered(&plan).anchors.contains(&"1.1"));
    // Unlinking the action's anchor brings it back.
    assert!(unlink_anchor(&mut plan, "a2", "3.3"));
    assert!(unanswered(&plan).anchors.contains(&"3.3"));
}

#[test]
fn every_anchor_is_open_in_a_new_plan_and_none_when_the_reap_is_not_in_use() {
    let mut plan = Plan::new("p1", "New", "2025-01-01T00:00:00Z");
    let open = unanswered(&plan);
    assert_eq!(open.anchors.len(), 17);
    assert!(open.breakthroughs.is_empty(), "no stage agreed yet");
    assert!(
        open.metrics.is_empty() && open.period.is_none(),
        "no figures yet"
    );
    plan.parts_in_use.reap = false;
    assert!(unanswered(&plan).is_empty());
}

#[test]
fn breakthroughs_follow_the_capped_stage() {
    let mut plan = plan_with(vec![objective(
        "o1",
        "",
        vec![linked(
            "a1",
            &[],
            &["developing.capacity", "starting.leadership"],
        )],
    )]);
    plan.journey.agreed_stage = Some(Stage::Developing);
    assert_eq!(
        unanswered(&plan).breakthroughs,
        ["developing.leadership", "developing.working_with_partners"]
    );
    // A "no" caps Developing at Starting: Starting's points are the ones to answer.
    plan.journey.clarity.push(ClarityRecord {
        question: "tangible_outcomes".into(),
        answer: Some(Answer::No),
        note: String::new(),
    });
    assert_eq!(
        unanswered(&plan).breakthroughs,
        [
            "starting.vision_priorities_outcomes",
            "starting.community_engagement"
        ]
    );
    // An action linked to a stage, but to none of its points, answers none of them.
    plan.action_plan.objectives[0].actions.push(Action {
        stages: vec![Stage::Starting],
        ..linked("a2", &[], &[])
    });
    assert_eq!(unanswered(&plan).breakthroughs.len(), 2);
    plan.parts_in_use.journey = false;
    assert!(unanswered(&plan).breakthroughs.is_empty());
}

fn period(label: &str, metrics: Vec<MetricEntry>) -> Period {
    Period {
        id: label.into(),
        label: label.into(),
        metrics,
        ..Period::default()
    }
}

#[test]
fn adverse_metrics_come_from_the_latest_period_with_figures() {
    let mut plan = Plan::default();
    plan.data.periods = vec![
        // Four times as likely to enter the disciplinary process: adverse.
        period(
            "2023-24",
            vec![
                MetricEntry::with_counts("disciplinary", [40, 100, 10, 100]),
                MetricEntry::with_counts("leaving", [40, 100, 10, 100]),
            ],
        ),
        period(
            " 2024-25 ",
            vec![
                MetricEntry::with_counts("disciplinary", [40, 100, 10, 100]),
                // Within the range.
                MetricEntry::with_counts("leaving", [10, 100, 10, 100]),
                // Half as likely to be appointed: adverse (a good event, adverse below).
                MetricEntry::with_counts("appointment", [20, 100, 40, 100]),
                // Counts with a problem give no figure.
                MetricEntry {
                    comparison_events: "lots".into(),
                    ..MetricEntry::with_counts("cpd", [0, 100, 50, 100])
                },
            ],
        ),
        // Added but not filled in: does not hide what 2024-25 found.
        period(
            "2025-26",
            vec![MetricEntry {
                metric: "leaving".into(),
                what_we_know: "To come".into(),
                ..MetricEntry::default()
            }],
        ),
    ];
    let open = unanswered(&plan);
    assert_eq!(open.period.as_deref(), Some("2024-25"));
    assert_eq!(open.metrics, [Metric::Appointment, Metric::Disciplinary]);
    // An action linked to a metric answers it.
    plan.action_plan.objectives.push(Objective {
        id: "o1".into(),
        actions: vec![Action {
            id: "a1".into(),
            metrics: vec!["disciplinary".into()],
            ..Action::default()
        }],
        ..Objective::default()
    });
    assert_eq!(unanswered(&plan).metrics, [Metric::Appointment]);
    plan.parts_in_use.data = false;
    let open = unanswered(&plan);
    assert!(open.metrics.is_empty() && open.period.is_none());
}

#[test]
fn pay_bands_are_adverse_when_any_band_is() {
    let band = |id: &str, comparison: u32, reference: u32| BandEntry {
        id: id.into(),
        name: format!("Band {id}"),
        comparison: comparison.to_string(),
        reference: reference.to_string(),
    };
    let mut plan = Plan::default();
    plan.data.periods = vec![Period {
        label: "2024-25".into(),
        // A third of all staff, but four in five of the lowest paid.
        bands: vec![band("b1", 80, 20), band("b2", 20, 180)],
        ..Period::default()
    }];
    assert_eq!(unanswered(&plan).metrics, [Metric::PayBands]);
    plan.data.periods[0].bands = vec![band("b1", 30, 60), band("b2", 30, 60)];
    assert!(
        unanswered(&plan).metrics.is_empty(),
        "the same share in each band"
    );
}

// ---- Link integrity ------------------------------------------------------------------------

#[test]
fn the_example_plan_has_no_dangling_links() {
    assert!(dangling_links(&Plan::example()).is_empty());
}

#[test]
fn links_and_ids_that_point_nowhere_are_found_in_plan_order() {
    let plan = plan_with(vec![
        objective(
            "o1",
            "",
            vec![
                linked("a1", &["1.1", "5.1", " 1.2"], &["starting.leadership"]),
                linked("a2", &[], &["starting.money", "Starting.leadership"]),
            ],
        ),
        objective("o2", "", vec![]),
        objective(
            "o3",
            "",
            vec![linked("a1", &["4.6"], &[]), linked("", &["1.3"], &[])],
        ),
    ]);
    let found = dangling_links(&plan);
    let dangling = |action_id: &str, number, link: &str, why| Dangling {
        action_id: action_id.into(),
        number,
        link: link.into(),
        why,
    };
    assert_eq!(
        found,
        [
            dangling("a1", 1, "5.1", Why::NotAnAnchor),
            dangling("a1", 1, " 1.2", Why::NotAnAnchor),
            dangling("a2", 2, "starting.money", Why::NotABreakthrough),
            dangling("a2", 2, "Starting.leadership", Why::NotABreakthrough),
            dangling("a1", 3, "a1", Why::DuplicateId),
            dangling("", 4, "", Why::BlankId),
        ]
    );
    let sentences: Vec<String> = found.iter().map(Dangling::sentence).collect();
    assert_eq!(
        sentences[0],
        "Action 1 is linked to \u{2018}5.1\u{2019}, which is not a REAP anchor."
    );
    assert_eq!(
        sentences[2],
        "Action 2 is linked to \u{2018}starting.money\u{2019}, which is not a breakthrough point of the journey."
    );
    assert_eq!(
        sentences[4],
        "Action 3 has the same id as an earlier action (\u{2018}a1\u{2019}), so a change meant for one could reach the other."
    );
    assert_eq!(
        sentences[5],
        "Action 4 has no id, so it cannot be changed or linked to."
    );
}

#[test]
fn dangling_links_can_be_removed_one_by_one() {
    let mut plan = plan_with(vec![objective(
        "o1",
        "",
        vec![linked(
            "a1",
            &["1.1", "5.1", "5.1"],
            &["starting.money", "starting.leadership"],
        )],
    )]);
    assert_eq!(dangling_links(&plan).len(), 3);
    assert!(unlink_anchor(&mut plan, "a1", "5.1"), "both copies go");
    assert!(!unlink_anchor(&mut plan, "a1", "5.1"), "already gone");
    assert!(unlink_breakthrough(&mut plan, "a1", "starting.money"));
    assert!(dangling_links(&plan).is_empty());
    let kept = &plan.action_plan.objectives[0].actions[0];
    assert_eq!(kept.anchors, ["1.1"]);
    assert_eq!(kept.breakthroughs, ["starting.leadership"]);
    assert!(!unlink_anchor(&mut plan, "a9", "1.1"), "no such action");
    assert!(!unlink_breakthrough(&mut plan, "a9", "starting.leadership"));
    assert!(!unlink_anchor(&mut plan, "a1", "1.2"), "no such link");
}

#[test]
fn removing_an_action_leaves_the_plan_consistent() {
    // Nothing in a plan refers to an action by id: links live on the action. So removing one
    // leaves nothing dangling, and what it answered is open again.
    let mut plan = Plan::example();
    assert!(remove_action(&mut plan, "a3"));
    assert!(!remove_action(&mut plan, "a3"), "already gone");
    assert!(!remove_action(&mut plan, ""), "no action has a blank id");
    assert!(dangling_links(&plan).is_empty());
    assert!(plan.action_plan.actions_for_anchor("1.2").is_empty());
    assert!(unanswered(&plan).anchors.contains(&"1.2"));
    assert_eq!(plan.action_plan.objectives.len(), 4, "the objective stays");
    let numbers = numbers(&plan.action_plan);
    assert_eq!(numbers.len(), 7);
    assert_eq!(numbers[2], ("a4".to_string(), 3));
    // The plan still saves and loads as it is.
    let loaded = crate::plan::load(&crate::plan::to_json(&plan)).unwrap();
    assert_eq!(loaded.plan, plan);
    // Removing a5 opens the breakthrough point it answered.
    assert!(remove_action(&mut plan, "a5"));
    assert_eq!(unanswered(&plan).breakthroughs.len(), 3);
}

#[test]
fn removing_one_of_two_actions_with_one_id_keeps_the_other() {
    let mut plan = plan_with(vec![
        objective("o1", "", vec![linked("a1", &["1.1"], &[])]),
        objective("o2", "", vec![linked("a1", &["1.2"], &[])]),
    ]);
    assert_eq!(dangling_links(&plan).len(), 1);
    assert!(remove_action(&mut plan, "a1"));
    assert!(dangling_links(&plan).is_empty(), "the id is unique again");
    assert_eq!(plan.action_plan.objectives[1].actions[0].anchors, ["1.2"]);
}

#[test]
fn an_action_says_what_it_answers_and_names_links_this_version_does_not_know() {
    let mut linked_up = linked(
        "a1",
        &["1.2", "9.9"],
        &["developing.leadership", "later.unknown"],
    );
    linked_up.stages.push(crate::journey::Stage::Developing);
    linked_up.metrics = vec!["leaving".into(), "metric_11".into()];
    assert_eq!(
        answers(&linked_up),
        [
            format!(
                "REAP anchor 1.2: {}",
                crate::reap::anchor("1.2").unwrap().title
            ),
            "REAP anchor ‘9.9’, which this version of the planner does not know".to_string(),
            "SC-WRES metric: Leaving the organisation".to_string(),
            "SC-WRES metric ‘metric_11’, which this version of the planner does not know"
                .to_string(),
            "Journey stage: Developing".to_string(),
            "Breakthrough point: Leadership (Developing)".to_string(),
            "Breakthrough point ‘later.unknown’, which this version of the planner does not know"
                .to_string(),
        ]
    );
    assert!(answers(&action("a2", ActionStatus::NotStarted, "")).is_empty());
}

#[test]
fn an_action_is_overdue_from_the_day_after_its_timeframe_ends_unless_done() {
    let october = action("a1", ActionStatus::OnTrack, "October 2026");
    assert!(
        !action_is_overdue(&october, day("2026-10-31")),
        "due on the last day"
    );
    assert!(action_is_overdue(&october, day("2026-11-01")));
    let done = action("a2", ActionStatus::Done, "October 2026");
    assert!(!action_is_overdue(&done, day("2027-01-01")));
    for never in ["ongoing", "", "Spring 2026", "TBC"] {
        let a = action("a3", ActionStatus::NotStarted, never);
        assert!(!action_is_overdue(&a, day("2030-01-01")), "{never}");
    }
    let quarter = action("a4", ActionStatus::AtRisk, "Q3 2026");
    assert!(!action_is_overdue(&quarter, day("2026-09-30")));
    assert!(action_is_overdue(&quarter, day("2026-10-01")));
}

#[test]
fn a_filter_by_theme_keeps_the_actions_of_objectives_that_serve_it() {
    let mut plan = plan_with(vec![
        objective("o1", "Jo", vec![action("a1", ActionStatus::OnTrack, "")]),
        objective(
            "o2",
            "Sam",
            vec![action("a2", ActionStatus::Done, "2020-01-01")],
        ),
    ]);
    plan.action_plan.objectives[0].theme = "Leadership".into();
    let filter = Filter {
        theme: Some("Leadership".into()),
        ..Filter::default()
    };
    assert!(!filter.is_off() && Filter::default().is_off());
    assert_eq!(
        ids(&super::filter(&plan, &filter, day("2026-01-01"), by_when)),
        ["a1"]
    );
    let o2 = &plan.action_plan.objectives[1];
    let lead = Filter {
        lead: Some(" sam ".into()),
        ..Filter::default()
    };
    assert!(
        lead.passes(o2, &o2.actions[0], day("2026-01-01")),
        "the objective's lead, any case"
    );
    let overdue = Filter {
        overdue_only: true,
        ..Filter::default()
    };
    assert!(
        !overdue.passes(o2, &o2.actions[0], day("2026-01-01")),
        "done is never overdue"
    );
    assert_eq!(filter.count(&plan, day("2026-01-01")), (1, 2));
    assert_eq!(Filter::default().count(&plan, day("2026-01-01")), (2, 2));
    assert!(filter.hides_objective(o2, day("2026-01-01")));
    assert!(!filter.hides_objective(&plan.action_plan.objectives[0], day("2026-01-01")));
    assert!(
        !Filter::default().hides_objective(o2, day("2026-01-01")),
        "no filter hides nothing"
    );
}
