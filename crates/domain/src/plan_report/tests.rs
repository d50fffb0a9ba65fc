use super::*;
use crate::plan::{Action, ActionStatus, MetricEntry, Objective, Period};

const TODAY: &str = "2026-12-07";

/// Adverse disciplinary (with an action) and adverse appointment (without), an overdue action, and
/// a leaving figure on small numbers linked to an action.
fn plan() -> Plan {
    let mut plan = Plan::default();
    plan.title = "Westmoor <plan>".into();
    plan.data.periods.push(Period {
        id: "d1".into(),
        label: "2025-26".into(),
        metrics: vec![
            MetricEntry::with_counts("disciplinary", [40, 100, 10, 100]),
            MetricEntry::with_counts("appointment", [20, 100, 40, 100]),
            MetricEntry::with_counts("leaving", [2, 8, 10, 100]),
        ],
        ..Period::default()
    });
    plan.action_plan.objectives = vec![Objective {
        id: "o1".into(),
        title: "Fair processes".into(),
        lead: "Head of HR".into(),
        actions: vec![
            Action {
                id: "a1".into(),
                text: "Review every disciplinary case <b>".into(),
                by_when: "October 2026".into(),
                status: ActionStatus::OnTrack,
                metrics: vec!["disciplinary".into(), "leaving".into()],
                ..Action::default()
            },
            Action {
                id: "a2".into(),
                text: "Exit conversations".into(),
                by_when: "ongoing".into(),
                ..Action::default()
            },
        ],
        ..Objective::default()
    }];
    plan
}

#[test]
fn the_board_summary_gives_the_reap_result_the_stage_adverse_metrics_with_their_actions_and_overdue_actions(
) {
    let html = board_summary_html(&plan(), TODAY, Audience::Shared);
    assert!(
        html.contains("<h1>Board summary: Westmoor &lt;plan&gt;</h1>"),
        "escaped"
    );
    assert!(
        !html.contains("<h2>Board summary</h2>"),
        "one heading for the page"
    );
    assert!(html.contains("REAP not yet met"));
    assert!(html.contains("No stage agreed yet."));
    assert!(html.contains("Adverse workforce metrics in 2025-26"));
    assert!(html.contains(
        "<strong>Formal disciplinary process</strong>: Action 1 (On track): Review every disciplinary case &lt;b&gt;"
    ));
    assert!(html.contains("<strong>Appointment from shortlisting</strong>: no action yet"));
    assert!(html.contains("2 actions: 1 not started, 1 on track, 0 at risk, 0 done. 1 overdue."));
    assert!(html.contains("Action 1: Review every disciplinary case &lt;b&gt; (lead: Head of HR; timeframe: October 2026)"));
    assert!(!html.contains("Action 2:"), "ongoing is never overdue");
    assert!(!html.contains("<script"));
}

#[test]
fn the_report_has_every_part_chosen_each_on_a_new_page_and_withholds_small_numbers_when_shared() {
    let shared = report_html(&plan(), TODAY, Audience::Shared, Parts::ALL);
    assert!(shared.contains("<h1>Race equity plan report: Westmoor &lt;plan&gt;</h1>"));
    assert!(shared.contains("<h2>Board summary</h2>"));
    assert_eq!(shared.matches("<html").count(), 1, "one document");
    assert_eq!(
        shared.matches("class=\"rep-part").count(),
        3,
        "REAP, journey, action plan"
    );
    assert!(shared.contains("Meeting rule"), "the REAP checklist");
    assert!(
        shared.contains("Specific actions"),
        "the action plan's table"
    );
    assert!(
        shared.contains("Leaving the organisation, 2025-26: too few to report outside the team")
    );
    let team = report_html(&plan(), TODAY, Audience::Team, Parts::ALL);
    assert!(!team.contains("too few to report outside the team"));
    assert!(team.contains("For the team only"));
    let only_actions = report_html(
        &plan(),
        TODAY,
        Audience::Shared,
        Parts {
            reap: false,
            journey: false,
            action_plan: true,
        },
    );
    assert_eq!(only_actions.matches("class=\"rep-part").count(), 1);
    assert!(!only_actions.contains("Meeting rule"));
}

#[test]
fn a_part_not_in_use_is_left_out_of_the_report_and_the_summary() {
    let mut plan = plan();
    plan.parts_in_use.journey = false;
    plan.parts_in_use.data = false;
    let html = report_html(&plan, TODAY, Audience::Shared, Parts::ALL);
    assert!(!html.contains("Journey to race equality"));
    assert!(!html.contains("Adverse workforce metrics"));
    assert_eq!(html.matches("class=\"rep-part").count(), 2);
}
