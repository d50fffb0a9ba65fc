use super::*;
use crate::plan::{Action, ActionStatus, MetricEntry, Objective, Period};

fn today() -> Date {
    Date::parse_iso("2026-12-07").unwrap()
}

/// Two objectives: the first with two actions (one linked to an adverse metric with plenty of
/// people, one to a metric resting on small numbers), the second with none.
fn plan() -> Plan {
    let mut plan = Plan::default();
    plan.data.periods.push(Period {
        id: "d1".into(),
        label: "2025-26".into(),
        metrics: vec![
            MetricEntry::with_counts("disciplinary", [40, 100, 10, 100]),
            MetricEntry::with_counts("leaving", [2, 8, 10, 100]),
        ],
        ..Period::default()
    });
    plan.action_plan.objectives = vec![
        Objective {
            id: "o1".into(),
            title: "Fair processes".into(),
            lead: "Head of HR".into(),
            indicators: "The disciplinary ratio inside the range by 2027".into(),
            actions: vec![
                Action {
                    id: "a1".into(),
                    text: "=HYPERLINK(\"http://x\") review every case".into(),
                    by_when: "October 2026".into(),
                    status: ActionStatus::OnTrack,
                    progress: "Panel set up".into(),
                    metrics: vec!["disciplinary".into()],
                    anchors: vec!["1.2".into()],
                    ..Action::default()
                },
                Action {
                    id: "a2".into(),
                    text: "Exit interviews for everyone".into(),
                    who: "Workforce lead".into(),
                    by_when: "ongoing".into(),
                    metrics: vec!["leaving".into()],
                    ..Action::default()
                },
            ],
            ..Objective::default()
        },
        Objective {
            id: "o2".into(),
            title: "Staff voice".into(),
            ..Objective::default()
        },
    ];
    plan
}

fn read_back(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut never =
        |_: &[u8], _: u64| -> Result<Vec<u8>, String> { Err("stored, not deflated".into()) };
    crate::xlsx::read_sheet_with(bytes, None, &mut never).unwrap()
}

#[test]
fn the_excel_copy_has_the_sc_wres_columns_one_row_per_action_and_reads_back_as_written() {
    let (names, rows) = read_back(&xlsx(&plan(), today(), Audience::Team));
    assert_eq!(names, [SHEET_NAME]);
    assert_eq!(
        rows[0],
        [
            "No",
            "Objective",
            "Lead",
            "Data from the metrics",
            "Specific actions",
            "Indicators of improvement",
            "Timeframe",
            "Progress",
            "Status",
            "What it answers"
        ]
    );
    assert_eq!(rows.len(), 4, "two actions and the objective without one");
    let first = &rows[1];
    assert_eq!(first[0], "1");
    assert_eq!(first[1], "1. Fair processes");
    assert_eq!(
        first[2], "Head of HR",
        "the objective's lead when the action names none"
    );
    assert!(
        first[3].starts_with("Formal disciplinary process, 2025-26: 4.00"),
        "{}",
        first[3]
    );
    assert_eq!(
        first[4], "=HYPERLINK(\"http://x\") review every case",
        "text, as typed"
    );
    assert_eq!(first[5], "The disciplinary ratio inside the range by 2027");
    assert_eq!(first[6], "October 2026");
    assert_eq!(
        first[8], "On track; overdue",
        "October 2026 ended before 7 December 2026"
    );
    assert!(
        first[9].contains("REAP anchor 1.2")
            && first[9].contains("SC-WRES metric: Formal disciplinary process")
    );
    assert_eq!(rows[2][0], "2");
    assert_eq!(rows[2][2], "Workforce lead");
    assert_eq!(rows[2][8], "Not started", "ongoing is never overdue");
    // Empty cells are not written: the row ends after the objective.
    assert_eq!(rows[3][..2], ["", "2. Staff voice"]);
}

#[test]
fn a_copy_to_share_outside_the_team_withholds_a_figure_on_small_numbers_and_the_team_copy_shows_it()
{
    let shared = crate::action_plan::export_rows(&plan(), today(), true);
    let team = crate::action_plan::export_rows(&plan(), today(), false);
    assert_eq!(
        shared[2][3],
        "Leaving the organisation, 2025-26: too few to report outside the team"
    );
    assert!(team[2][3].starts_with("Leaving the organisation, 2025-26: "));
    assert!(!team[2][3].contains("too few to report"), "{}", team[2][3]);
    assert!(
        team[2][3].contains("2.50 times as likely"),
        "{}",
        team[2][3]
    );
    // The figure with plenty of people is in both.
    assert_eq!(shared[1][3], team[1][3]);
    let csv = csv(&plan(), today(), Audience::Shared);
    assert!(csv.contains("too few to report outside the team"));
    assert!(!csv.contains("2 of 8"));
}

#[test]
fn a_cell_that_starts_like_a_formula_is_text_in_both_files() {
    let csv = csv(&plan(), today(), Audience::Team);
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://x\"\") review every case\","),
        "{csv}"
    );
    let bytes = xlsx(&plan(), today(), Audience::Team);
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("<f>"), "no formula in the sheet");
    assert!(text.contains("quotePrefix=\"1\""));
}

#[test]
fn a_metric_with_no_figures_says_so_and_an_unknown_one_is_left_to_what_it_answers() {
    let mut plan = plan();
    plan.action_plan.objectives[0].actions[0].metrics = vec!["cpd".into(), "metric_99".into()];
    let rows = crate::action_plan::export_rows(&plan, today(), true);
    assert_eq!(
        rows[1][3],
        "Non-mandatory training and development (CPD): no figures yet"
    );
    assert!(rows[1][9].contains("‘metric_99’, which this version of the planner does not know"));
}
