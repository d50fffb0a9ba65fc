//! The example plan a new user can open to explore, and the full plan the benchmark times.
//! Everything in them is fictional.

use std::collections::BTreeMap;

use super::{
    history, Action, ActionStatus, AnchorRecord, AnchorStatus, Change, Figure, Objective,
    Participant, Period, Plan, Stage, MAX_HISTORY,
};

/// The example's title; the UI and its tests look for it.
pub const EXAMPLE_TITLE: &str = "Example: Northfield IPS team (fictional)";

/// The example is dated, not timed, so it is the same on every machine.
const EXAMPLE_DATE: &str = "2025-01-15T09:00:00Z";

/// The 17 REAP anchors, as the framework numbers them.
const ANCHOR_IDS: [&str; 17] = [
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2",
    "4.3", "4.4", "4.5", "4.6",
];

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
    }
}

impl Plan {
    /// A fictional IPS team and council, partly filled in, for a new user to explore. Each part's
    /// issue extends it.
    pub fn example() -> Plan {
        let mut plan = Plan::new("example", EXAMPLE_TITLE, EXAMPLE_DATE);
        plan.organisation = "Example Borough Council and Northfield NHS Trust (fictional)".into();
        plan.team = "Northfield IPS team (fictional)".into();
        plan.reporting_period = "April 2024 to March 2025".into();
        let anchors = [
            ("1.1", anchor(AnchorStatus::Met, "Each quarter we compare the ethnicity of people on our caseload with the local population and the trust's treatment caseload (made-up figures for this example).", "IPS Team Leader", "2025-04-01")),
            ("1.2", anchor(AnchorStatus::InProgress, "Job starts by ethnic group are recorded; time to first job is not yet.", "IPS Team Leader", "2025-03-01")),
            ("1.3", anchor(AnchorStatus::NotStarted, "", "", "")),
            ("2.1", anchor(AnchorStatus::Met, "All five Employment Specialists have completed the trust's anti-racism training.", "Service Manager", "2025-06-01")),
            ("3.3", anchor(AnchorStatus::InProgress, "Each Employment Specialist's caseload by ethnicity is shown in supervision.", "IPS Team Leader", "2025-03-01")),
            ("4.2", anchor(AnchorStatus::NotStarted, "", "Employment Specialist", "")),
        ];
        plan.reap.anchors = anchors
            .into_iter()
            .map(|(id, record)| (id.to_string(), record))
            .collect();
        plan.action_plan.objectives = vec![Objective {
            id: "o1".into(),
            title: "Referrals to IPS reflect the people the trust treats".into(),
            lead: "IPS Team Leader".into(),
            actions: vec![
                action("a1", "Visit each community mental health team to explain IPS, starting with those with the fewest referrals of Black service users", "Employment Specialists", "2025-03-31", ActionStatus::OnTrack, "Three of five teams visited."),
                action("a2", "Ask a local community organisation to co-host an information session", "Service Manager", "2025-05-31", ActionStatus::NotStarted, ""),
            ],
        }];
        plan
    }
}

/// A plan as full as the numbers describe (17 anchors with evidence, 60 actions, 5
/// reporting periods of the 9 metrics, 10 workshop participants) plus a full change log, for
/// timing saves and measuring JSON size.
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
        "pay_bands",
        "appointed_from_shortlisting",
        "formal_disciplinary",
        "fitness_to_practise",
        "cpd_uptake",
        "harassment_from_public",
        "harassment_from_colleagues",
        "leaving",
        "senior_roles",
    ];
    let groups = ["white", "mixed", "asian", "black", "other", "not_stated"];
    plan.data.periods = (0..5u64)
        .map(|year| Period {
            id: format!("d{}", year + 1),
            label: format!("20{}-{}", 20 + year, 21 + year),
            figures: metrics
                .iter()
                .enumerate()
                .map(|(m, metric)| {
                    let by_group: BTreeMap<String, Figure> = groups
                        .iter()
                        .enumerate()
                        .map(|(g, group)| {
                            let out_of = 40 + 13 * g as u64 + 7 * m as u64 + year;
                            (
                                group.to_string(),
                                Figure {
                                    count: Some(out_of / (2 + g as u64)),
                                    out_of: Some(out_of),
                                },
                            )
                        })
                        .collect();
                    (metric.to_string(), by_group)
                })
                .collect(),
        })
        .collect();

    plan.action_plan.objectives = (1..=6)
        .map(|o| Objective {
            id: format!("o{o}"),
            title: format!("Objective {o}: a fairer workforce and fairer services (fictional)"),
            lead: "Director of People".into(),
            actions: (1..=10)
                .map(|a| {
                    let id = format!("a{}", (o - 1) * 10 + a);
                    let text = "Review the shortlisting and interview process with the staff network and publish what changes as a result";
                    let progress = "Agreed at the steering group; first review meeting held; the staff network has sent written comments and a second meeting is booked for next month.";
                    action(&id, text, "HR business partner", "2025-09-30", ActionStatus::OnTrack, progress)
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

    use super::*;
    use crate::plan::{load, to_json};

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
        assert!(anchors.values().any(|a| a.status == AnchorStatus::Met));
        assert!(anchors.values().any(|a| a.status != AnchorStatus::Met));
        assert!(anchors.keys().all(|id| ANCHOR_IDS.contains(&id.as_str())));
        assert!(plan.action_plan.objectives[0].actions.len() >= 2);
        assert_eq!(Plan::example(), plan, "the same every time");
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
        assert!(plan.data.periods.iter().all(|p| p.figures.len() == 9));
        assert_eq!(plan.journey.participants.len(), 10);
        assert_eq!(plan.history.len(), MAX_HISTORY);
    }

    #[test]
    fn the_full_plan_saves_to_under_200_kb_and_loads_back() {
        let plan = full_plan_for_bench();
        let json = to_json(&plan);
        assert!(json.len() < 200 * 1024, "{} bytes", json.len());
        assert_eq!(load(&json).unwrap().plan, plan);
    }
}
