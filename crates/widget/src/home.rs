//! The home page: what the planner is for, the plan's details, and what changed lately.

use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::app::Screen;
use crate::plan_details::PlanDetails;
use crate::state::Planner;

/// How many of the latest changes the home page lists.
const RECENT_CHANGES: usize = 8;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let screen = expect_context::<RwSignal<Screen>>();
    let planner = expect_context::<Planner>();
    view! {
        <p class="rep-body-l">{messages::HOME_INTRO}</p>
        <ul class="rep-cards">
            {Part::ALL
                .into_iter()
                .map(|part| {
                    let heading_id = format!("rep-card-{}", part.slug());
                    let labelled_by = heading_id.clone();
                    view! {
                        <li class="rep-card" aria-labelledby=labelled_by>
                            <h2 class="rep-heading-m" id=heading_id>{part.title()}</h2>
                            <p>{part.purpose()}</p>
                            <p class="rep-hint">"For: " {part.audience()}</p>
                            <button
                                type="button"
                                class="rep-button rep-button--secondary"
                                on:click=move |_| screen.set(Screen::Part(part))
                            >
                                "Open " {part.title()}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <PlanDetails/>
        <section class="rep-section" aria-labelledby="rep-changes-heading">
            <h2 class="rep-heading-l" id="rep-changes-heading">"Recent changes"</h2>
            <p class="rep-hint">"Every change is dated, so a review can see what changed since the last one."</p>
            <ol class="rep-list rep-changes" reversed>
                {move || planner.plan.with(|p| {
                    p.history
                        .iter()
                        .rev()
                        .take(RECENT_CHANGES)
                        .map(|change| view! {
                            <li><span class="rep-changes__when">{change.at.get(..10).unwrap_or_default().to_string()}</span> " " {change.what.clone()}</li>
                        })
                        .collect_view()
                })}
            </ol>
        </section>
    }
}
