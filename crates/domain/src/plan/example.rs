//! The example plan a new user can open to explore, and the full plan the benchmark times.
//! Everything in them is fictional.

use super::{
    history, Action, ActionStatus, AnchorRecord, AnchorStatus, Change, Objective, Participant,
    Period, Plan, Specialist, Stage, MAX_HISTORY, MAX_SPECIALISTS,
};
use crate::caseload::CaseloadGroup;

/// The example's title; the UI and its tests look for it.
pub const EXAMPLE_TITLE: &str = "Example: Northfield IPS team (fictional)";

/// The example plan's id: opening it again opens the same plan.
pub const EXAMPLE_ID: &str = "example";

/// When the stored example was last changed (`example.json`'s `modified`); a plan with the
/// example's id and a later time has been changed by the user.
const EXAMPLE_MODIFIED: &str = "2026-09-15T14:30:00Z";

/// Whether `plan` is the example plan with a change of the user's in it: the planner then offers
/// to make it the user's own plan (a copy), so real work does not stay in the made-up example.
pub fn is_changed_example(plan: &Plan) -> bool {
    plan.id == EXAMPLE_ID && plan.modified != EXAMPLE_MODIFIED
}

/// The example is dated, not timed, so it is the same on every machine.
const EXAMPLE_DATE: &str = "2025-01-15T09:00:00Z";

/// The 17 REAP anchors, as the framework numbers them.
const ANCHOR_IDS: [&str; 17] = [
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2",
    "4.3", "4.4", "4.5", "4.6",
];

/// The example plan: data, edited as JSON. It is a save of the current schema version exactly as
/// the planner downloads it (`the_stored_example_is_a_current_save` checks; after a change of
/// schema, `REGENERATE_EXAMPLE=1 cargo test -p race-equity-domain the_stored_example` rewrites
/// it through the migrations).
const EXAMPLE_JSON: &str = include_str!("example.json");

impl Plan {
    /// A fictional IPS team and council, partly filled in, for a new user to explore: the REAP
    /// is not yet met (two Data anchors to go), one review date has passed by late 2026, the
    /// checklist has changed since the spring review, one Employment Specialist's caseload differs
    /// from the team's, and two actions answer Data anchors. Its journey has a workshop of six
    /// across two departments (one of them two stages apart), a "no" that caps the agreed
    /// Developing at Starting, three of the six outcome areas filled in, an assessment from the
    /// spring, and two actions for the agreed stage.
    pub fn example() -> Plan {
        match super::load(EXAMPLE_JSON) {
            Ok(loaded) => loaded.plan,
            // Cannot happen (a test loads it); a plan with only the title is the safe fallback.
            Err(_) => Plan::new("example", EXAMPLE_TITLE, EXAMPLE_DATE),
        }
    }
}

fn anchor(status: AnchorStatus, evidence: &str, who: &str, review_date: &str) -> AnchorRecord {
    AnchorRecord {
        status,
        evidence: evidence.into(),
        who: who.into(),
        review_date: review_date.into(),
    }
}

fn action(
    id: &str,
    text: &str,
    who: &str,
    by_when: &str,
    status: ActionStatus,
    progress: &str,
) -> Action {
    Action {
        id: id.into(),
        text: text.into(),
        who: who.into(),
        by_when: by_when.into(),
        status,
        progress: progress.into(),
        ..Action::default()
    }
}

/// A specialist with counts in [`crate::caseload::CaseloadGroup::ALL`] order.
fn specialist(id: &str, name: &str, counts: [u64; 6]) -> Specialist {
    Specialist {
        id: id.into(),
        name: name.into(),
        caseload: CaseloadGroup::ALL
            .iter()
            .zip(counts)
            .map(|(group, n)| (group.id().to_string(), n.to_string()))
            .collect(),
    }
}

/// A plan as full as the issue's numbers describe (17 anchors with evidence, 60 actions each
/// linked to an anchor, 5 reporting periods of the 9 metrics, 10 workshop participants, the most
/// Employment Specialists a plan can hold) plus a full change log, for timing saves and measuring
/// JSON size.
pub fn full_plan_for_bench() -> Plan {
    let mut plan = Plan::example();
    plan.id = "bench".into();
    plan.title = "Example: full plan for timing (fictional)".into();
    let statuses = [
        AnchorStatus::Met,
        AnchorStatus::InProgress,
        AnchorStatus::NotMet,
        AnchorStatus::NotStarted,
    ];
    let evidence = "Quarterly report to the steering group comparing referrals, caseload and job starts by ethnic group with the local population; notes of the discussion and the actions agreed; links to the team's shared folder and the trust's equality pages. ";
    for (n, id) in ANCHOR_IDS.iter().enumerate() {
        let record = anchor(
            statuses[n % 4],
            &evidence.repeat(2),
            "IPS Team Leader and Service Manager",
            "2025-06-30",
        );
        plan.reap.anchors.insert(id.to_string(), record);
    }

    plan.journey.participants = (1..=10)
        .map(|n| Participant {
            id: format!("p{n}"),
            name: format!("Participant {n} (fictional)"),
            department: ["Adult social care", "Housing", "Human resources", "Public health"][n % 4].into(),
            stage: Some(Stage::ALL[n % 5]),
            evidence: "We have a steering group and an equality lead, but our data on who uses our services is patchy and we have not yet asked communities what they think.".into(),
        })
        .collect();
    plan.journey.agreed_stage = Some(Stage::Starting);

    let metrics = [
        "appointed_from_shortlisting",
        "formal_disciplinary",
        "fitness_to_practise",
        "cpd_uptake",
        "harassment_from_public",
        "harassment_from_colleagues",
        "harassment_from_managers",
        "leaving",
        "senior_roles",
    ];
    let groups = ["white", "mixed", "asian", "black", "other", "not_stated"];
    plan.data.periods = (0..5u64)
        .map(|year| {
            let figures: serde_json::Map<String, serde_json::Value> = metrics
                .iter()
                .enumerate()
                .map(|(m, metric)| {
                    let by_group = groups
                        .iter()
                        .enumerate()
                        .map(|(g, group)| {
                            let out_of = 40 + 13 * g as u64 + 7 * m as u64 + year;
                            let count = out_of / (2 + g as u64);
                            let figure = serde_json::json!({"count": count, "out_of": out_of});
                            (group.to_string(), figure)
                        })
                        .collect();
                    (metric.to_string(), serde_json::Value::Object(by_group))
                })
                .collect();
            let figures = serde_json::Value::Object(figures);
            Period {
                id: format!("d{}", year + 1),
                label: format!("20{}-{}", 20 + year, 21 + year),
                // Entered as each metric's counts, as the Data screen keeps them.
                metrics: crate::wres::entries_from_figures(&figures, "white"),
                ..Period::default()
            }
        })
        .collect();

    plan.reap.specialists = (1..=MAX_SPECIALISTS as u64)
        .map(|n| {
            let name = format!("Employment Specialist {n} (fictional)");
            specialist(
                &format!("es{n}"),
                &name,
                [n % 7, 3 + n % 5, n % 3, 15 + n % 11, n % 2, n % 4],
            )
        })
        .collect();

    plan.action_plan.objectives = (1..=6)
        .map(|o| Objective {
            id: format!("o{o}"),
            title: format!("Objective {o}: a fairer workforce and fairer services (fictional)"),
            lead: "Director of People".into(),
            theme: crate::wres::THEMES[(o - 1) % 6].0.to_string(),
            indicators: "More staff from minoritised groups say they would recommend us as a place to work (fictional)".into(),
            actions: (1..=10)
                .map(|a| {
                    let id = format!("a{}", (o - 1) * 10 + a);
                    let text = "Review the shortlisting and interview process with the staff network and publish what changes as a result";
                    let progress = "Agreed at the steering group; first review meeting held; the staff network has sent written comments and a second meeting is booked for next month.";
                    Action {
                        anchors: vec![ANCHOR_IDS[(o * 10 + a) % 17].to_string()],
                        ..action(&id, text, "HR business partner", "2025-09-30", ActionStatus::OnTrack, progress)
                    }
                })
                .collect(),
        })
        .collect();

    for n in plan.history.len()..MAX_HISTORY {
        let id = ANCHOR_IDS[n % 17];
        let change = Change {
            at: format!(
                "2025-{:02}-{:02}T10:{:02}:00Z",
                1 + n % 12,
                1 + n % 28,
                n % 60
            ),
            what: format!("REAP anchor {id} status changed from Not started to In progress"),
            about: format!("reap.{id}.status"),
            from: Some("Not started".into()),
        };
        history::push(&mut plan.history, change);
    }
    plan
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn the_example_counts_as_changed_only_after_an_edit_of_the_users() {
        let example = Plan::example();
        assert_eq!(example.id, EXAMPLE_ID);
        assert_eq!(example.modified, EXAMPLE_MODIFIED);
        assert!(!is_changed_example(&example));
        let mut edited = example.clone();
        edited.team = "Our own team".into();
        assert!(super::super::record_changes(
            &mut edited,
            &example,
            "2026-12-01T10:00:00Z"
        ));
        assert!(is_changed_example(&edited));
        // Another plan is never the example, however it was changed.
        let mut other = edited.clone();
        other.id = "plan-1".into();
        assert!(!is_changed_example(&other));
    }

    /// The example is read as any save is; stored in the current version, it loads as it is.
    #[test]
    fn the_stored_example_is_a_current_save() {
        let loaded = load(EXAMPLE_JSON).expect("the example loads");
        let json = super::super::to_json_pretty(&loaded.plan);
        if std::env::var_os("REGENERATE_EXAMPLE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/plan/example.json");
            std::fs::write(path, &json).unwrap();
        }
        assert_eq!(loaded.migrated_from, None);
        assert!(loaded.read_only_newer.is_none() && loaded.left_out.is_empty());
        assert!(
            json == EXAMPLE_JSON,
            "src/plan/example.json is not a current save as the planner writes it: run \
             REGENERATE_EXAMPLE=1 cargo test -p race-equity-domain the_stored_example"
        );
    }

    use super::*;
    use crate::plan::{load, to_json};

    /// When the example's team last changed the plan (the day of its journey workshop, too).
    const LAST_EDITED: &str = "2026-09-15T14:30:00Z";
    /// The example's two departments, as the workshop names them.
    const COMMUNITY: &str = "Community mental health";
    const INPATIENT: &str = "Inpatient services";

    #[test]
    fn the_example_is_clearly_fictional_and_partly_filled_in() {
        let plan = Plan::example();
        assert_eq!(plan.title, "Example: Northfield IPS team (fictional)");
        assert_eq!(
            plan.organisation,
            "Example Borough Council and Northfield NHS Trust (fictional)"
        );
        assert!(plan.team.contains("fictional"));
        assert_eq!(plan.created, EXAMPLE_DATE);
        let anchors = &plan.reap.anchors;
        assert!(anchors.len() > 2 && anchors.len() < 17);
        assert!(anchors.keys().all(|id| ANCHOR_IDS.contains(&id.as_str())));
        let status = |id: &str| plan.reap.status(id);
        assert_eq!(status("1.1"), AnchorStatus::Met);
        assert!(!anchors["1.1"].evidence.is_empty());
        assert_eq!(status("1.2"), AnchorStatus::InProgress);
        assert_eq!(status("1.3"), AnchorStatus::NotStarted);
        assert_eq!(status("2.1"), AnchorStatus::Met);
        assert_eq!(status("3.3"), AnchorStatus::InProgress);
        assert_eq!(status("4.2"), AnchorStatus::Met);
        assert!(plan.action_plan.objectives[0].actions.len() >= 2);
        assert_eq!(Plan::example(), plan, "the same every time");
    }

    #[test]
    fn the_examples_reap_is_not_yet_met_and_says_what_is_missing() {
        let plan = Plan::example();
        let rule = plan.reap.rule();
        assert!(!rule.met);
        assert_eq!(
            rule.still_needed(),
            [
                "Data: 1.2 and 1.3 not yet met",
                "Processes: meet at least one of 3.1-3.5"
            ]
        );
        // One review date has passed by late 2026, and only one.
        let overdue: Vec<&str> = ANCHOR_IDS
            .into_iter()
            .filter(|id| {
                plan.reap
                    .flags(id, "2026-11-28")
                    .iter()
                    .any(|f| matches!(f, crate::plan::AnchorFlag::ReviewOverdue(_)))
            })
            .collect();
        assert_eq!(overdue, ["1.2"]);
    }

    #[test]
    fn the_example_has_changed_since_its_last_review() {
        let plan = Plan::example();
        assert_eq!(plan.reap.reviews.len(), 1);
        let review = &plan.reap.reviews[0];
        assert_eq!(review.date, "2026-04-14");
        let changes: Vec<String> = plan
            .reap
            .changes_since(review)
            .iter()
            .map(|c| c.sentence())
            .collect();
        assert!(changes.contains(&"1.1: status changed from In progress to Met".to_string()));
        assert!(changes.contains(&"4.2: status changed from In progress to Met".to_string()));
        let log: Vec<&str> = plan.history.iter().map(|c| c.what.as_str()).collect();
        assert_eq!(log[0], "Plan created");
        let review = log
            .iter()
            .position(|c| *c == "REAP review of 2026-04-14 added");
        let spring = log
            .iter()
            .position(|c| *c == "Journey assessment of 2026-03-16 (Intending) added");
        assert!(spring < review, "the log is in date order: {log:?}");
        assert!(log.contains(&"Employment Specialist ‘J.M.’ added"));
        assert_eq!(plan.modified, LAST_EDITED);
    }

    #[test]
    fn one_specialists_caseload_differs_from_the_teams() {
        use crate::caseload::{compare_specialists, CaseloadGroup};
        let plan = Plan::example();
        let names: Vec<&str> = plan
            .reap
            .specialists
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["A.K.", "J.M.", "S.T."]);
        let result = compare_specialists(&plan.reap.specialists, plan.settings.non_adverse_range);
        assert!(result.problems.is_empty());
        // J.M.: 1 Black client of 37 whose ethnicity is known (2.7%), against the rest of the
        // team's 14 of 76 (18.4%): a ratio of 0.147 (statsmodels: 0.0200 to 1.07), outside the
        // range, but the interval includes 1: too few to tell with these numbers.
        let jm = result.specialists[1].group(CaseloadGroup::Black).unwrap();
        let ratio = jm.representation.as_ref().unwrap().ratio;
        assert!((ratio.value - (1.0 / 37.0) / (14.0 / 76.0)).abs() < 1e-9);
        assert!(!plan.settings.non_adverse_range.contains(ratio.value));
        assert_eq!(jm.status, crate::stats::RatioStatus::TooFewToTell);
        assert!(!jm.flag, "too few to be conclusive");
        let others_far = [0, 2].iter().any(|&i| {
            let black = result.specialists[i].group(CaseloadGroup::Black).unwrap();
            black.representation.as_ref().unwrap().ratio.value < 0.8
        });
        assert!(!others_far, "only J.M. has far fewer Black clients");
    }

    #[test]
    fn the_examples_reap_data_actions_answer_1_2_and_1_3() {
        let plan = Plan::example();
        let objective = &plan.action_plan.objectives[1];
        assert_eq!(objective.title, "REAP: Data");
        for (anchor, id) in [("1.2", "a3"), ("1.3", "a4")] {
            let linked = plan.action_plan.actions_for_anchor(anchor);
            assert_eq!(linked.len(), 1, "{anchor}");
            assert_eq!(linked[0].id, id);
            assert!(!linked[0].text.is_empty() && !linked[0].who.is_empty());
            assert!(crate::dates::Date::parse_iso(&linked[0].by_when).is_some());
        }
        let mut copy = plan.action_plan.clone();
        // a5 and a6 are the journey's actions, a7 and a8 the workforce's.
        assert_eq!(copy.add_action_for_anchor("1.1"), "a9");
        assert_eq!(copy.objectives.len(), 4, "the Data objective is reused");
    }

    #[test]
    fn the_example_survives_a_save_and_load() {
        let plan = Plan::example();
        assert_eq!(load(&to_json(&plan)).unwrap().plan, plan);
    }

    #[test]
    fn the_full_plan_has_what_the_benchmark_promises() {
        let plan = full_plan_for_bench();
        assert_eq!(plan.reap.anchors.len(), 17);
        assert!(plan.reap.anchors.values().all(|a| !a.evidence.is_empty()));
        let actions: Vec<&Action> = plan
            .action_plan
            .objectives
            .iter()
            .flat_map(|o| &o.actions)
            .collect();
        assert_eq!(actions.len(), 60);
        let ids: BTreeSet<&str> = actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 60, "action ids are unique");
        assert_eq!(plan.data.periods.len(), 5);
        assert!(plan.data.periods.iter().all(|p| p.metrics.len() == 9));
        for entry in plan.data.periods.iter().flat_map(|p| &p.metrics) {
            let metric = crate::wres::metric_from_id(&entry.metric).unwrap();
            assert!(crate::wres::ENTERED.contains(&metric), "{}", entry.metric);
            assert!(
                matches!(
                    crate::wres::check(entry, metric, "them", "us"),
                    crate::wres::Checked::Counts(_)
                ),
                "every count reads: {entry:?}"
            );
        }
        assert_eq!(plan.journey.participants.len(), 10);
        assert_eq!(plan.history.len(), MAX_HISTORY);
        assert_eq!(plan.reap.specialists.len(), MAX_SPECIALISTS);
        assert!(plan.reap.specialists.iter().all(|s| s.caseload.len() == 6));
        assert!(actions.iter().all(|a| a.anchors.len() == 1));
        let comparison = crate::caseload::compare_specialists(
            &plan.reap.specialists,
            plan.settings.non_adverse_range,
        );
        assert!(comparison.problems.is_empty());
    }

    #[test]
    fn the_full_plan_saves_to_under_200_kb_and_loads_back() {
        let plan = full_plan_for_bench();
        let json = to_json(&plan);
        assert!(json.len() < 200 * 1024, "{} bytes", json.len());
        assert_eq!(load(&json).unwrap().plan, plan);
    }

    #[test]
    fn the_examples_workshop_has_six_views_in_two_departments_and_one_disagreement() {
        use crate::journey::Disagreement;
        use Stage::*;
        let plan = Plan::example();
        let journey = &plan.journey;
        assert_eq!(journey.participants.len(), 6);
        assert!(journey
            .participants
            .iter()
            .all(|p| p.name.ends_with("(fictional)") && !p.evidence.is_empty()));
        assert_eq!(journey.departments(), [COMMUNITY, INPATIENT]);
        let (summary, owners) = journey.summary();
        assert_eq!(owners, [0, 1, 2, 3, 4, 5], "everyone chose a stage");
        // Starting x3, Developing x2, Achieving x1: the lower middle of six is Starting.
        assert_eq!(summary.overall.median, Some(Starting));
        let community = &summary.departments[0];
        assert_eq!(community.department.as_deref(), Some(COMMUNITY));
        assert_eq!(community.median, Some(Starting));
        assert_eq!(community.disagreement, None, "one stage apart only");
        let inpatient = &summary.departments[1];
        assert_eq!(inpatient.median, Some(Developing));
        assert_eq!(
            inpatient.disagreement,
            Some(Disagreement {
                lowest: Starting,
                highest: Achieving,
                at_lowest: vec![4],
                at_highest: vec![3],
            })
        );
        assert_eq!(journey.department_stage(COMMUNITY), Some(Starting));
        assert_eq!(journey.department_stage(INPATIENT), Some(Developing));
    }

    #[test]
    fn the_examples_no_caps_the_agreed_stage_at_starting() {
        let plan = Plan::example();
        let journey = &plan.journey;
        assert_eq!(journey.agreed_stage, Some(Stage::Developing));
        let overall = journey.overall().unwrap();
        assert_eq!(overall.stage, Stage::Starting);
        assert!(overall.capped);
        assert_eq!(
            overall.reason.as_deref(),
            Some("Shown as Starting, not Developing, because the answer to outcome question 2 is \"no\". Without clear outcomes, the overall stage cannot honestly be above Starting.")
        );
        assert_eq!(overall.needs_answer, ["evidence_of_improvement"]);
        assert!(journey.clarity.iter().all(|c| !c.note.is_empty()));
        assert!(!journey.strengths.is_empty() && !journey.to_develop.is_empty());
    }

    #[test]
    fn the_examples_outcomes_show_gaps() {
        use crate::journey::OutcomeArea::*;
        let plan = Plan::example();
        let gaps = plan.journey.outcome_gaps();
        assert_eq!(plan.journey.outcomes.len(), 3);
        let complete: Vec<_> = gaps.iter().filter(|g| !g.any()).map(|g| g.area).collect();
        assert_eq!(complete, [ServiceOutcomes]);
        assert!(
            gaps[3].improvement_measures && !gaps[3].objectives,
            "access"
        );
        assert!(gaps[5].issue_evidence && !gaps[5].objectives, "employment");
    }

    #[test]
    fn the_examples_timeline_runs_from_spring_to_the_workshop() {
        use Stage::*;
        let plan = Plan::example();
        let journey = &plan.journey;
        // Six months either side of the workshop on 15 September 2026.
        assert_eq!(journey.reassessment_date, "2027-03-15");
        assert_eq!(journey.past.len(), 1);
        assert_eq!(journey.past[0].participants.len(), 4);
        let (names, rows) = journey.timeline();
        assert_eq!(names, [COMMUNITY, INPATIENT]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].date.as_deref(), Some("2026-03-16"));
        assert_eq!(rows[0].stage, Some(Intending));
        assert_eq!(rows[0].departments, [Some(Starting), Some(Intending)]);
        assert_eq!(rows[1].date, None);
        assert_eq!(rows[1].stage, Some(Starting), "capped");
        assert_eq!(rows[1].departments, [Some(Starting), Some(Developing)]);
    }

    #[test]
    fn the_examples_journey_actions_answer_the_stage_shown_after_the_cap() {
        let plan = Plan::example();
        let objective = &plan.action_plan.objectives[2];
        assert_eq!(objective.title, "Journey: Starting");
        let shown = plan.journey.overall().map(|o| o.stage);
        assert_eq!(shown, Some(Stage::Starting), "Developing, capped");
        let actions = plan.action_plan.actions_for_stage(Stage::Starting);
        let ids: Vec<&str> = actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a5", "a6"]);
        assert_eq!(actions[0].breakthroughs, ["starting.leadership"]);
        assert!(actions[1].breakthroughs.is_empty());
        for action in actions {
            let due = crate::dates::Date::parse_iso(&action.by_when).unwrap();
            assert!(
                due.to_string().as_str() <= "2027-03-15",
                "within six months"
            );
        }
    }
}
