//! Issue 16 on the printed pages, the only HTML the planner still writes as text: drawn from a plan
//! with a hostile value in every id and text field, they hold no markup from it. The plan is the
//! end-to-end test's (`tests/fixtures/security/hostile-plan.json`), read here without `plan::load`,
//! which would make its ids plain: the escaping must be right on its own. The screens are Leptos
//! components, which put text into the page as text nodes and attribute values;
//! `tests/e2e/hostile-plan.test.mjs` checks them in the browser.

use race_equity_domain::plan::Plan;
use race_equity_domain::reap_print::Audience;
use race_equity_domain::{journey_print, reap_print};

const HOSTILE_PLAN: &str = include_str!("../../../tests/fixtures/security/hostile-plan.json");

/// What only the file's markup could put in the HTML: its tags (each of its ids breaks out of an
/// attribute with both quotes and then opens one of them).
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
}

#[test]
fn every_printed_page_shows_a_hostile_plan_only_as_text() {
    let plan: Plan = serde_json::from_str(HOSTILE_PLAN).expect("the fixture is a plan");
    assert!(plan.id.contains('<'));
    assert!(plan.journey.participants.iter().all(|p| p.id.contains('<')));
    assert!(plan.title.contains('<'));
    let today = "2026-11-01";
    for audience in [Audience::Team, Audience::Shared] {
        for (what, html) in [
            (
                "printed checklist",
                reap_print::printable_html(&plan, today, audience),
            ),
            ("workshop pack", journey_print::workshop_pack_html(&plan)),
            (
                "journey results",
                journey_print::results_html(&plan, today, audience),
            ),
        ] {
            assert_only_text(&format!("{what} ({audience:?})"), &html);
            // The file's text is there, escaped: nothing was dropped to make the page safe.
            assert!(html.contains("&lt;"), "{what}: the plan's text is missing");
        }
    }
}
