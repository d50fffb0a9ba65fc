//! The "About this plan" form: the plan's name, who it belongs to, and the organisation's words.
//!
//! Drawn as HTML text on the home page (see `home.rs` and `live_html.rs`); each field's key
//! (`plan/<field>`) goes to `plan::edit::set_field` through `Planner::edit`, so every change is
//! autosaved and logged.

use std::fmt::Write;

use race_equity_domain::html::E;
use race_equity_domain::messages::home as m;
use race_equity_domain::plan::Plan;

/// Each field's key (after `plan/` in its `data-f`, and its id after `rep-plan-`), label and hint
/// ("" for none).
const FIELDS: [(&str, &str, &str); 5] = [
    ("title", m::PLAN_NAME, ""),
    ("organisation", m::ORGANISATION, ""),
    ("team", m::TEAM, ""),
    ("period", m::PERIOD, m::PERIOD_HINT),
    ("term", m::TERM, m::TERM_HINT),
];

/// The text of the field with this key.
fn value<'a>(plan: &'a Plan, key: &str) -> &'a str {
    match key {
        "title" => &plan.title,
        "organisation" => &plan.organisation,
        "team" => &plan.team,
        "period" => &plan.reporting_period,
        _ => &plan.settings.comparison_group_term,
    }
}

/// The plan's details as HTML, editable unless the plan is read-only.
pub fn render(h: &mut String, plan: &Plan, read_only: bool) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-details-heading"><h2 class="rep-heading-l" id="rep-details-heading">{}</h2>"#,
        E(m::DETAILS_TITLE)
    );
    for (key, label, hint) in FIELDS {
        w!(
            h,
            r#"<div class="rep-form-group"><label class="rep-label" for="rep-plan-{key}">{}</label>"#,
            E(label)
        );
        if !hint.is_empty() {
            w!(
                h,
                r#"<p class="rep-hint" id="rep-plan-{key}-hint">{}</p>"#,
                E(hint)
            );
        }
        w!(
            h,
            r#"<input class="rep-input" type="text" id="rep-plan-{key}" autocomplete="off"{} value="{}" data-f="plan/{key}"{}></div>"#,
            if hint.is_empty() {
                String::new()
            } else {
                format!(r#" aria-describedby="rep-plan-{key}-hint""#)
            },
            E(value(plan, key)),
            if read_only { " readonly" } else { "" }
        );
    }
    h.push_str("</section>");
}
