//! The home page: what the planner is for, the plan's details, and what changed lately.
//!
//! Drawn as HTML text and patched in place (see `live_html.rs`).

use std::fmt::Write;
use std::rc::Rc;

use leptos::prelude::*;
use race_equity_domain::html::E;
use race_equity_domain::messages::{self, home as m, Part};
use race_equity_domain::plan::Plan;
use web_sys::Element;

use crate::live_html::{live_html, LiveEvent};
use crate::nav::Screen;
use crate::plan_details;
use crate::state::Planner;

/// How many of the latest changes the home page lists.
const RECENT_CHANGES: usize = 8;

/// The home page.
pub fn home() -> impl IntoView {
    let screen = expect_context::<RwSignal<Screen>>();
    let planner = expect_context::<Planner>();
    let render = Rc::new(move || {
        let read_only = planner.read_only.with(Option::is_some);
        planner.plan.with(|plan| render(plan, read_only))
    });
    let on_event = Rc::new(move |event: LiveEvent, _: &Element| {
        match event {
            LiveEvent::Field { key, value } => planner.set_field(&key, &value),
            LiveEvent::Act { key } => {
                let slug = key.strip_prefix("open/").unwrap_or_default();
                if let Some(part) = Part::ALL.into_iter().find(|p| p.slug() == slug) {
                    screen.set(Screen::Part(part));
                }
            }
        }
        None
    });
    live_html("rep-home", render, on_event)
}

/// The home page as HTML.
fn render(plan: &Plan, read_only: bool) -> String {
    let h = &mut String::new();
    w!(
        h,
        r#"<p class="rep-body-l">{}</p><ul class="rep-cards">"#,
        E(messages::HOME_INTRO)
    );
    for part in Part::ALL {
        w!(
            h,
            r#"<li class="rep-card" aria-labelledby="rep-card-{slug}"><h2 class="rep-heading-m" id="rep-card-{slug}">{title}</h2><p>{}</p><p class="rep-hint">{}{}</p><button type="button" class="rep-button rep-button--secondary" data-act="open/{slug}">{}{title}</button></li>"#,
            E(part.purpose()),
            E(m::FOR),
            E(part.audience()),
            E(m::OPEN),
            slug = part.slug(),
            title = E(part.title()),
        );
    }
    h.push_str("</ul>");
    plan_details::render(h, plan, read_only);
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-changes-heading"><h2 class="rep-heading-l" id="rep-changes-heading">{}</h2><p class="rep-hint">{}</p><ol class="rep-list rep-changes" reversed>"#,
        E(m::RECENT_CHANGES),
        E(m::RECENT_CHANGES_HINT)
    );
    for change in plan.history.iter().rev().take(RECENT_CHANGES) {
        w!(
            h,
            r#"<li><span class="rep-changes__when">{}</span> {}</li>"#,
            E(change.at.get(..10).unwrap_or_default()),
            E(&change.what)
        );
    }
    h.push_str("</ol></section>");
    std::mem::take(h)
}
