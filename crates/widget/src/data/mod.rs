//! The Data screen, in two parts: the IPS service's figures against the local population (REAP
//! anchors 1.1 and 1.2, [`service`]), then the Social Care WRES workforce figures by reporting
//! period ([`workforce`]), with jump links to both parts and to each period at the top.
//!
//! Each section asks the domain once for what it shows (`service::figures`,
//! `wres::period_figures`) through a memo and draws it; each row and field reads its own memo, so
//! a keystroke redraws only what it changes.

mod service;
mod workforce;

use leptos::prelude::*;
use race_equity_domain::messages::{data as m, service as ms};
use race_equity_domain::stats::RatioStatus;

use crate::form::{Confirming, PageContents, Tone};
use crate::state::Planner;

/// The heading of the service part (its section's own heading, kept from before the split).
const SERVICE_ID: &str = "rep-s-title";
/// The heading of the workforce part.
const WORKFORCE_ID: &str = "rep-d-workforce";

/// The whole Data screen.
#[component]
pub fn DataScreen() -> impl IntoView {
    let planner = expect_context::<Planner>();
    Confirming::provide();
    // The parts, then each period by its name, then the periods side by side when there are two.
    let contents = Memo::new(move |_| {
        planner.plan.with(|p| {
            let mut entries = vec![
                (SERVICE_ID.to_string(), ms::TITLE.to_string()),
                (WORKFORCE_ID.to_string(), m::WORKFORCE_TITLE.to_string()),
            ];
            for period in &p.data.periods {
                entries.push((
                    format!("rep-d-{}-title", period.id),
                    workforce::period_name(&period.label),
                ));
            }
            if p.data.periods.len() > 1 {
                entries.push(("rep-d-over-time".to_string(), m::OVER_TIME.to_string()));
            }
            entries.push((
                workforce::METRIC_ACTIONS_ID.to_string(),
                m::METRIC_ACTIONS_TITLE.to_string(),
            ));
            entries
        })
    });
    view! {
        <div class="rep-data">
            <p class="rep-body-l">{m::SCREEN_INTRO}</p>
            <PageContents entries=contents/>
            <service::ServicePart/>
            <workforce::WorkforcePart/>
        </div>
    }
}

/// The colour of a status's tag: words first, colour only repeats them.
fn status_tone(status: RatioStatus) -> Tone {
    match status {
        RatioStatus::Within => Tone::Green,
        RatioStatus::Adverse => Tone::Red,
        RatioStatus::FavourableToComparison | RatioStatus::Higher | RatioStatus::Lower => {
            Tone::Blue
        }
        RatioStatus::OutsideNotConclusive
        | RatioStatus::HigherNotConclusive
        | RatioStatus::LowerNotConclusive => Tone::Yellow,
        RatioStatus::TooFewToTell | RatioStatus::NotComputable => Tone::Grey,
    }
}

/// A status as a tag, for a table cell or a line of text (drawn once; its row redraws it).
fn status_tag(status: RatioStatus) -> impl IntoView {
    view! { <strong class=status_tone(status).class()>{status.label()}</strong> }
}

/// A list of problems beside their fields, each with the id its field is described by.
fn problem_list(problems: Vec<(String, String)>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <ul class="rep-list rep-form-group--error">
                {problems
                    .into_iter()
                    .map(|(id, message)| view! { <li class="rep-error-message" id=id>{message}</li> })
                    .collect_view()}
            </ul>
        }
    })
}
