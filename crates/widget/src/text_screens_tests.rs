//! Issue 16 on the HTML itself: the screens still drawn as HTML text, and the printed pages, drawn
//! from a plan with a hostile value in every id and text field hold no markup from it. The plan is
//! the end-to-end test's (`tests/fixtures/security/hostile-plan.json`), read here without
//! `plan::load`, which may make its ids plain: the escaping here must be right on its own. Run
//! with `cargo test -p race-equity-widget --lib`. Screens built from Leptos components (the REAP
//! checklist, the journey) put text into the page as text nodes and attribute values, never as
//! markup; `tests/e2e/hostile-plan.test.mjs` checks them in the browser.

use race_equity_domain::plan::Plan;
use race_equity_domain::{journey_print, reap_print};

use crate::live_html::Drawn;

const HOSTILE_PLAN: &str = include_str!("../../../tests/fixtures/security/hostile-plan.json");

/// What only the file's markup could put in the HTML: its tags (each of its ids breaks out of
/// an attribute with both quotes and then opens one of them).
const FROM_THE_FILE: [&str; 6] = [
    "<img",
    "<script",
    "<iframe",
    "<b>",
    "<svg onload",
    "</script",
];

fn assert_only_text(what: &str, html: &str) {
    for bad in FROM_THE_FILE {
        if let Some(at) = html.find(bad) {
            let around: String = html[at..].chars().take(160).collect();
            panic!("{what}: {bad:?} from the file in the HTML: {around}…");
        }
    }
    // No text closes a textarea early.
    assert_eq!(
        html.matches("<textarea").count(),
        html.matches("</textarea>").count(),
        "{what}: a textarea closed early"
    );
}

#[test]
fn every_screen_and_printed_page_shows_a_hostile_plan_only_as_text() {
    let plan: Plan = serde_json::from_str(HOSTILE_PLAN).expect("the fixture is a plan");
    let actions: Vec<_> = plan
        .action_plan
        .objectives
        .iter()
        .flat_map(|o| &o.actions)
        .collect();
    assert!(plan.id.contains('<') && actions.iter().all(|a| a.id.contains('<')));
    assert!(plan.journey.participants.iter().all(|p| p.id.contains('<')));
    let today = "2026-11-01";
    let p1 = &plan.journey.participants[0].id;
    let band = &plan.data.periods[0].bands[0];
    let confirming = [
        None,
        Some(format!("remove-participant/{p1}")),
        Some(format!("remove-action/{}", actions[0].id)),
        Some(format!("remove-specialist/{}", plan.reap.specialists[0].id)),
        Some(format!(
            "remove-band/{}/{}",
            plan.data.periods[0].id, band.id
        )),
    ];
    for read_only in [false, true] {
        for confirm in &confirming {
            let drawn = Drawn::default();
            let confirm = confirm.as_deref();
            for (what, html) in [
                (
                    "Data",
                    crate::data::render(&plan, read_only, today, confirm, &drawn),
                ),
            ] {
                assert_only_text(&format!("{what} ({read_only}, {confirm:?})"), &html);
            }
        }
    }
    for (what, html) in [
        (
            "printed checklist",
            reap_print::printable_html(&plan, today, reap_print::Audience::Team),
        ),
        ("workshop pack", journey_print::workshop_pack_html(&plan)),
        (
            "journey results",
            journey_print::results_html(&plan, today, reap_print::Audience::Shared),
        ),
    ] {
        assert_only_text(what, &html);
    }
}
