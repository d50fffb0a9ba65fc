//! The example plan a new user can open to explore, and the full plan the benchmark times.
//! Everything in them is fictional.

use std::collections::BTreeMap;

use super::{
    history, record_changes, Action, ActionStatus, AnchorRecord, AnchorStatus, BandEntry, Change,
    ClarityRecord, DepartmentStage, MetricEntry, Objective, OutcomeRecord, Participant, Period,
    Plan, ServiceRow, Specialist, Stage, MAX_HISTORY, MAX_SPECIALISTS,
};
use crate::caseload::CaseloadGroup;
use crate::journey::Answer;

/// The example's title; the UI and its tests look for it.
pub const EXAMPLE_TITLE: &str = "Example: Northfield IPS team (fictional)";

/// The example is dated, not timed, so it is the same on every machine.
const EXAMPLE_DATE: &str = "2025-01-15T09:00:00Z";

/// When the example's team held its last REAP review, and when it last changed the plan (the
/// day of its journey workshop, too).
const REVIEWED: &str = "2026-04-14T10:00:00Z";
const LAST_EDITED: &str = "2026-09-15T14:30:00Z";

/// The journey's first assessment, six months before the workshop of [`LAST_EDITED`]; the next is
/// due six months after it.
const FIRST_ASSESSED: &str = "2026-03-16T16:00:00Z";
const FIRST_ASSESSED_DAY: &str = "2026-03-16";
const REASSESS: &str = "2027-03-15";

/// The example's two departments, as the workshop names them.
const COMMUNITY: &str = "Community mental health";
const INPATIENT: &str = "Inpatient services";

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

fn anchors(records: Vec<(&str, AnchorRecord)>) -> BTreeMap<String, AnchorRecord> {
    records
        .into_iter()
        .map(|(id, record)| (id.to_string(), record))
        .collect()
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

fn participant(
    id: &str,
    name: &str,
    department: &str,
    stage: Stage,
    evidence: &str,
) -> Participant {
    Participant {
        id: id.into(),
        name: name.into(),
        department: department.into(),
        stage: Some(stage),
        evidence: evidence.into(),
    }
}

fn clarity(question: &str, answer: Answer, note: &str) -> ClarityRecord {
    ClarityRecord {
        question: question.into(),
        answer: Some(answer),
        note: note.into(),
    }
}

fn outcome(
    area: &str,
    objectives: &str,
    issue_evidence: &str,
    improvement_measures: &str,
) -> OutcomeRecord {
    OutcomeRecord {
        area: area.into(),
        objectives: objectives.into(),
        issue_evidence: issue_evidence.into(),
        improvement_measures: improvement_measures.into(),
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

/// The example plan as stored JSON: what [`build_example`] makes, written out by the test
/// `the_stored_example_is_what_the_builder_makes` (run it with `REGENERATE_EXAMPLE=1` after
/// changing the builder). Data costs the wasm much less than the code that builds it (measured:
/// about 13 KB of code against about 8 KB of JSON that compresses well).
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

/// Builds the example plan, for the stored JSON and the benchmark (not compiled into the wasm,
/// which loads the JSON).
pub fn build_example() -> Plan {
    use AnchorStatus::{InProgress, Met, NotStarted};
    let mut plan = Plan::new("example", EXAMPLE_TITLE, EXAMPLE_DATE);
    plan.organisation = "Example Borough Council and Northfield NHS Trust (fictional)".into();
    plan.team = "Northfield IPS team (fictional)".into();
    plan.reporting_period = "April 2025 to March 2026".into();
    plan.action_plan.objectives = vec![Objective {
            id: "o1".into(),
            title: "Referrals to IPS reflect the people the trust treats".into(),
            lead: "IPS Team Leader".into(),
            actions: vec![
                action("a1", "Visit each community mental health team to explain IPS, starting with those with the fewest referrals of Black service users", "Employment Specialists", "2025-03-31", ActionStatus::OnTrack, "Three of five teams visited."),
                action("a2", "Ask a local community organisation to co-host an information session", "Service Manager", "2025-05-31", ActionStatus::NotStarted, ""),
            ],
        }];

    // The checklist as it stood at the spring review.
    plan.reap.anchors = anchors(vec![
            ("1.1", anchor(InProgress, "Each quarter we compare the ethnicity of people on our caseload with the local population (made-up figures for this example).", "IPS Team Leader", "2026-06-30")),
            ("2.1", anchor(Met, "All five Employment Specialists have completed the trust's anti-racism training.", "Service Manager", "2027-03-31")),
            ("4.2", anchor(InProgress, "", "Service Manager", "")),
        ]);
    // The journey's first assessment, in the spring.
    let before = plan.clone();
    journey_in_spring(&mut plan);
    record_changes(&mut plan, &before, FIRST_ASSESSED);

    let before = plan.clone();
    plan.reap
        .start_review("2026-04-14", "Spring review with the Service Manager");
    record_changes(&mut plan, &before, REVIEWED);

    // What the team has done since.
    let before = plan.clone();
    plan.reap.anchors = anchors(vec![
            ("1.1", anchor(Met, "Each quarter we compare the ethnicity of people referred, on our caseload and starting work with the local population and the trust's treatment caseload (made-up figures for this example).", "IPS Team Leader", "2027-01-31")),
            ("1.2", anchor(InProgress, "Staff have shared their ethnicity with the team, by choice and anonymously.\nThe comparison with the local population is not written up yet.", "IPS Team Leader", "2026-09-30")),
            ("1.3", anchor(NotStarted, "", "Service Manager", "")),
            ("2.1", anchor(Met, "All five Employment Specialists have completed the trust's anti-racism training.", "Service Manager", "2027-03-31")),
            ("3.3", anchor(InProgress, "Each Employment Specialist's caseload by ethnicity is looked at in monthly supervision, using the caseload table in this plan.", "IPS Team Leader", "2027-02-28")),
            ("4.2", anchor(Met, "Race equity is a standing item at the trust's executive meetings, and a director sponsors this plan (fictional minutes, March 2026).", "Service Manager", "2027-04-30")),
        ]);
    plan.reap.specialists = vec![
        specialist("es1", "A.K.", [5, 6, 2, 24, 1, 2]),
        specialist("es2", "J.M.", [4, 1, 1, 30, 1, 1]),
        specialist("es3", "S.T.", [6, 8, 2, 21, 1, 2]),
    ];
    plan.action_plan.objectives.push(Objective {
            id: "o2".into(),
            title: "REAP: Data".into(),
            lead: "IPS Team Leader".into(),
            actions: vec![
                Action {
                    anchors: vec!["1.2".into()],
                    ..action("a3", "Write up the team's make-up against the local population, saying plainly where the numbers are too small to draw a conclusion", "IPS Team Leader", "2026-12-31", ActionStatus::OnTrack, "Figures gathered in August.")
                },
                Action {
                    anchors: vec!["1.3".into()],
                    ..action("a4", "Agree with the steering group how race equity data is shared, who acts on it, and when it is looked at again", "Service Manager", "2027-01-31", ActionStatus::NotStarted, "")
                },
            ],
        });
    journey_workshop(&mut plan);
    workforce_figures(&mut plan);
    service_figures(&mut plan);
    record_changes(&mut plan, &before, LAST_EDITED);
    plan
}

/// The first, smaller assessment: four people, agreed at Intending, recorded in the timeline.
fn journey_in_spring(plan: &mut Plan) {
    use Stage::{Intending, Starting};
    let journey = &mut plan.journey;
    journey.participants = vec![
        participant(
            "p1",
            "Service manager (fictional)",
            COMMUNITY,
            Starting,
            "Teams now see their referral figures by ethnic group.",
        ),
        participant(
            "p3",
            "Community mental health nurse (fictional)",
            COMMUNITY,
            Intending,
            "Race equality is talked about, but nothing has changed yet.",
        ),
        participant(
            "p4",
            "Ward manager (fictional)",
            INPATIENT,
            Starting,
            "Restraint is now recorded by ethnic group.",
        ),
        participant(
            "p5",
            "Staff network chair (fictional)",
            INPATIENT,
            Intending,
            "Staff from minoritised groups have not seen a difference.",
        ),
    ];
    journey.agreed_stage = Some(Intending);
    journey.department_stages = [(COMMUNITY, Starting), (INPATIENT, Intending)]
        .map(|(name, stage)| DepartmentStage {
            department: name.into(),
            stage: Some(stage),
        })
        .into();
    journey.clarity = vec![clarity(
        "know_inequalities",
        Answer::No,
        "Only referral figures have been looked at so far.",
    )];
    journey.record_assessment(FIRST_ASSESSED_DAY);
}

/// The September workshop: six views across two departments, the outcome questions, three
/// outcome areas, and two actions for the agreed stage.
fn journey_workshop(plan: &mut Plan) {
    use Stage::{Achieving, Developing, Starting};
    let journey = &mut plan.journey;
    // Community mental health: Developing, Starting, Starting (one stage apart).
    // Inpatient services: Achieving, Starting, Developing (two stages apart: a disagreement).
    journey.participants = vec![
        participant("p1", "Service manager (fictional)", COMMUNITY, Developing, "Every team looks at its referrals and caseloads by ethnic group each month, and each team has a target for closing its gap."),
        participant("p2", "Peer support worker (fictional)", COMMUNITY, Starting, "The figures are shared among staff, but nobody has asked the people we support which differences matter most to them."),
        participant("p3", "Community mental health nurse (fictional)", COMMUNITY, Starting, "There is a plan and we have had the training, but I have not yet seen a change for the people on my caseload."),
        participant("p4", "Ward manager (fictional)", INPATIENT, Achieving, "Restraint by ethnic group is on every ward's monthly report, and the gap has narrowed two quarters running."),
        participant("p5", "Staff network chair (fictional)", INPATIENT, Starting, "Minoritised staff on the wards still say they do not feel safe raising concerns, and patients and families have not seen the restraint figures."),
        participant("p6", "Occupational therapist (fictional)", INPATIENT, Developing, "Each ward's plan has race equality objectives, but nobody has time set aside to take them forward."),
    ];
    journey.agreed_stage = Some(Developing);
    journey.department_stages = [(COMMUNITY, Starting), (INPATIENT, Developing)]
        .map(|(name, stage)| DepartmentStage {
            department: name.into(),
            stage: Some(stage),
        })
        .into();
    journey.clarity = [
        clarity("know_inequalities", Answer::Yes, "Referrals, caseloads, detentions and restraint are compared by ethnic group each quarter (made-up figures for this example)."),
        clarity("shared_view", Answer::No, "We have not yet asked local communities or the staff network which inequalities matter most to them."),
        clarity("tangible_outcomes", Answer::Yes, "Three outcomes are written in the outcomes framework."),
        clarity("evidence_of_improvement", Answer::NotSure, "Restraint is falling on two wards, but the numbers are small and cover only two quarters."),
    ]
    .into();
    // Three of the six areas, two of them with a part still blank.
    journey.outcomes = [
        outcome("service_outcomes", 
            "Black patients on our wards are restrained no more often than other patients.",
            "Restraint is used more often with Black patients than with others (made-up figures for this example).",
            "Restraint by ethnic group each quarter, inside the non-adverse range for two quarters in a row.",
        ),
        outcome("access_to_services_and_information", 
            "Referrals to the community teams match the make-up of the local population.",
            "Fewer people from Asian communities are referred than the local population would lead us to expect.",
            "",
        ),
        outcome("employment", 
            "More staff from minoritised ethnic groups in band 7 posts and above.",
            "",
            "The share of band 7 and above posts by ethnic group, reported each year.",
        ),
    ]
    .into();
    journey.strengths = "Good figures, looked at every quarter; every team knows its own numbers; a director sponsors the work.".into();
    journey.to_develop = "Ask communities and the staff network what matters to them; agree how we will show that outcomes are improving; give someone on the wards time to lead the work.".into();
    journey.reassessment_date = REASSESS.into();
    plan.action_plan.objectives.push(Objective {
        id: "o3".into(),
        // The stage shown after the outcome-clarity cap, whose breakthrough points would move
        // the organisation on.
        title: "Journey: Starting".into(),
        lead: "Service Manager".into(),
        actions: vec![
            Action {
                stages: vec![Starting],
                breakthroughs: vec!["starting.leadership".into()],
                ..action("a5", "Give one person on each ward protected time to lead its race equality objectives, and cost that time in next year's budget", "Head of inpatient services", "2027-01-31", ActionStatus::NotStarted, "")
            },
            Action {
                stages: vec![Starting],
                ..action("a6", "Hold listening sessions with local community groups and the staff network about which inequalities matter most to them", "Service Manager", "2026-12-31", ActionStatus::OnTrack, "Two community groups have agreed to host a session.")
            },
        ],
    });
}

/// The council's social care workforce figures for two years (Social Care WRES metrics 2 to 9,
/// all made up): counts for staff from minoritised ethnic groups, then White staff, then
/// "not stated".
fn workforce_figures(plan: &mut Plan) {
    type Counts = [(&'static str, [u32; 5]); 9];
    let years: [(&str, &str, Counts); 2] = [
        (
            "d1",
            "2024-25",
            [
                ("appointment", [41, 100, 53, 100, 4]),
                ("disciplinary", [12, 310, 18, 890, 20]),
                ("fitness_to_practise", [3, 95, 4, 260, 2]),
                ("cpd", [60, 310, 250, 890, 20]),
                ("harassment_from_public", [52, 180, 95, 520, 14]),
                ("harassment_from_colleagues", [30, 180, 60, 520, 14]),
                ("harassment_from_managers", [18, 180, 35, 520, 14]),
                ("leaving", [40, 310, 95, 890, 20]),
                ("senior_roles", [6, 310, 44, 890, 20]),
            ],
        ),
        (
            "d2",
            "2025-26",
            [
                ("appointment", [46, 105, 50, 98, 3]),
                ("disciplinary", [9, 325, 17, 880, 16]),
                ("fitness_to_practise", [2, 98, 5, 255, 1]),
                ("cpd", [78, 325, 240, 880, 16]),
                ("harassment_from_public", [49, 190, 90, 510, 12]),
                ("harassment_from_colleagues", [25, 190, 58, 510, 12]),
                ("harassment_from_managers", [14, 190, 33, 510, 12]),
                ("leaving", [38, 325, 92, 880, 16]),
                ("senior_roles", [9, 325, 43, 880, 16]),
            ],
        ),
    ];
    plan.data.periods = years
        .iter()
        .map(|(id, label, counts)| Period {
            id: id.to_string(),
            label: label.to_string(),
            metrics: counts
                .iter()
                .map(|(metric, [ce, ct, re, rt, ns])| MetricEntry {
                    metric: metric.to_string(),
                    comparison_events: ce.to_string(),
                    comparison_total: ct.to_string(),
                    reference_events: re.to_string(),
                    reference_total: rt.to_string(),
                    not_stated: ns.to_string(),
                    what_we_know: String::new(),
                    what_we_know_for: String::new(),
                })
                .collect(),
            ..Period::default()
        })
        .collect();
    let bands: [[(&str, u32, u32); 4]; 2] = [
        [
            ("Grades 1 to 4", 120, 210),
            ("Grades 5 and 6", 110, 330),
            ("Grades 7 and 8", 62, 250),
            ("Grade 9 and above", 18, 100),
        ],
        [
            ("Grades 1 to 4", 122, 200),
            ("Grades 5 and 6", 115, 325),
            ("Grades 7 and 8", 67, 250),
            ("Grade 9 and above", 21, 105),
        ],
    ];
    for (period, bands) in plan.data.periods.iter_mut().zip(bands) {
        period.bands = bands
            .iter()
            .enumerate()
            .map(|(i, (name, c, r))| BandEntry {
                id: format!("b{}", i + 1),
                name: name.to_string(),
                comparison: c.to_string(),
                reference: r.to_string(),
            })
            .collect();
    }
    plan.data.periods[1].metrics[0].what_we_know = "Applicants from minoritised ethnic groups were still less likely to be appointed from shortlisting than White applicants, but the gap has narrowed since diverse interview panels began in the autumn. The numbers are small enough that it could be chance.".into();
}

/// The IPS service's figures for REAP anchors 1.1 and 1.2 (made up), with the borough's population
/// as census counts.
fn service_figures(plan: &mut Plan) {
    let service = &mut plan.data.service;
    service.population_source = "Census 2021, Northfield (a fictional borough)".into();
    service.population = ["28,400", "14,900", "8,100", "196,300", "5,300"]
        .map(String::from)
        .to_vec();
    service.as_at = "April 2025 to March 2026".into();
    let rows: [(&str, [&str; 7]); 6] = [
        (
            "asian",
            [
                "520",
                "30",
                "24",
                "8",
                "2",
                "1",
                "45, 60, 72, 90, 110, 130, 150, 200",
            ],
        ),
        ("black", ["610", "22", "19", "3", "1", "0", "95, 160, 240"]),
        ("mixed", ["180", "11", "9", "3", "0", "1", "70, 88, 140"]),
        (
            "white",
            [
                "2,950",
                "160",
                "128",
                "44",
                "6",
                "8",
                // One time for each of the 44 job starts (issue 17 says so when fewer are given).
                "14, 18, 21, 24, 26, 28, 30, 32, 35, 37, 39, 42, 44, 46, 48, 50, 52, 55, 57, 59, \
                 61, 63, 66, 68, 70, 73, 76, 79, 82, 84, 88, 92, 96, 100, 105, 110, 115, 120, 128, \
                 136, 145, 150, 165, 180",
            ],
        ),
        ("other", ["95", "6", "5", "1", "0", "0", "130"]),
        ("not_stated", ["210", "18", "14", "3", "0", "0", ""]),
    ];
    service.rows = rows
        .iter()
        .map(|(group, [t, r, c, j, e, s, d])| ServiceRow {
            group: group.to_string(),
            treatment: t.to_string(),
            referrals: r.to_string(),
            caseload: c.to_string(),
            jobs: j.to_string(),
            education: e.to_string(),
            team: s.to_string(),
            days: d.to_string(),
        })
        .collect();
}

/// A plan as full as the issue's numbers describe (17 anchors with evidence, 60 actions each
/// linked to an anchor, 5 reporting periods of the 9 metrics, 10 workshop participants, the most
/// Employment Specialists a plan can hold) plus a full change log, for timing saves and measuring
/// JSON size.
pub fn full_plan_for_bench() -> Plan {
    let mut plan = build_example();
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
    fn the_stored_example_is_what_the_builder_makes() {
        let built = build_example();
        let json = super::super::to_json_pretty(&built);
        if std::env::var_os("REGENERATE_EXAMPLE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/plan/example.json");
            std::fs::write(path, &json).unwrap();
        }
        assert!(
            Plan::example() == built,
            "src/plan/example.json is out of date: run \
             REGENERATE_EXAMPLE=1 cargo test -p race-equity-domain the_stored_example"
        );
    }

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
        // a5 and a6 are the journey's actions.
        assert_eq!(copy.add_action_for_anchor("1.1"), "a7");
        assert_eq!(copy.objectives.len(), 3, "the Data objective is reused");
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
        let objective = plan.action_plan.objectives.last().unwrap();
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
