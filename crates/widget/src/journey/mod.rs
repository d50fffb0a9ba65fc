//! The journey to race equality self-assessment: the outcome-clarity questions and the cap they
//! put on the stage, the outcomes framework with its gaps, the workshop (everyone's view, the
//! spread, the median, where views differ, the agreed stages), the agreed stage's barriers,
//! breakthrough points and six-month actions, and the timeline.
//!
//! Each section is its own component asking the domain once through a memo; the participants and
//! the actions are `For` lists keyed by id, each row over a memo of its own record, so a keystroke
//! in one row redraws that row only. Every change is a typed
//! [`Edit`](race_equity_domain::plan::edits::Edit).

mod at_stage;
mod clarity;
mod departments;
mod outcomes;
mod participants;
mod prints;
mod results;
mod summary;
mod timeline;

use leptos::prelude::*;
use race_equity_domain::journey::Stage;
use race_equity_domain::messages::journey as m;

use crate::form::{Confirming, PageContents};
use crate::state::Planner;

/// The whole journey screen.
#[component]
pub fn JourneyScreen() -> impl IntoView {
    let planner = expect_context::<Planner>();
    Confirming::provide();
    // The actions' heading is there only once a stage is agreed.
    let agreed = Memo::new(move |_| planner.plan.with(|p| p.journey.agreed_stage.is_some()));
    let contents = Signal::derive(move || {
        let mut entries = vec![
            ("rep-j-summary", m::SUMMARY_TITLE),
            ("rep-j-clarity", m::CLARITY_TITLE),
            ("rep-j-outcomes", m::OUTCOMES_TITLE),
            ("rep-j-workshop", m::WORKSHOP_TITLE),
            ("rep-j-results", m::RESULTS_TITLE),
            ("rep-j-agree", m::AGREE_TITLE),
            ("rep-j-at-stage", m::AT_STAGE_TITLE),
        ];
        if agreed.get() {
            entries.push(("rep-j-actions", m::ACTIONS_TITLE));
        }
        entries.push(("rep-j-timeline", m::TIMELINE_TITLE));
        entries
            .into_iter()
            .map(|(id, words)| (id.to_string(), words.to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="rep-journey">
            <p class="rep-body-l">{m::INTRO}</p>
            <div class="rep-with-contents">
                <PageContents entries=contents/>
                <div class="rep-with-contents__main">
                    <summary::Summary/>
                    <prints::Prints/>
                    <clarity::Clarity/>
                    <outcomes::Outcomes/>
                    <participants::Workshop/>
                    <at_stage::AtStage/>
                    <timeline::Timeline/>
                </div>
            </div>
        </div>
    }
}

/// A section with a level-2 heading that focus can be moved to (by the contents' links, and
/// after some buttons).
#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="rep-section" aria-labelledby=id>
            <h2 class="rep-heading-l" id=id tabindex="-1">{title}</h2>
            {children()}
        </section>
    }
}

/// The choices of a stage select: none (`empty`), then the five stages.
fn stage_options(empty: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), empty.to_string()))
        .chain(
            Stage::ALL
                .into_iter()
                .map(|s| (s.id().to_string(), s.title().to_string())),
        )
        .collect()
}

/// A stage's id as a select's value, or empty for none.
fn stage_value(stage: Option<Stage>) -> String {
    stage.map_or_else(String::new, |s| s.id().to_string())
}

/// A select's value as a stage: `None` for the empty choice, or for a value that is no stage
/// (which the select cannot send).
fn stage_from(value: &str) -> Option<Stage> {
    Stage::from_id(value)
}
