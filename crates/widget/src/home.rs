//! The home page: what the planner is for, the plan's details, and what changed lately.

use leptos::prelude::*;
use race_equity_domain::messages::{self, home as m, Part};

use crate::local_time::local_day;
use crate::nav::{current_screen, Screen};
use crate::plan_details::PlanDetails;
use crate::state::Planner;

/// How many of the latest changes the home page lists.
const RECENT_CHANGES: usize = 8;

/// The home page.
#[component]
pub fn HomeScreen() -> impl IntoView {
    let screen = current_screen();
    let cards = Part::ALL
        .into_iter()
        .map(|part| {
            let heading = format!("rep-card-{}", part.slug());
            let labelled_by = heading.clone();
            view! {
                <li class="rep-card" aria-labelledby=labelled_by>
                    <h2 class="rep-heading-m" id=heading>{part.title()}</h2>
                    <p>{part.purpose()}</p>
                    <p class="rep-hint">{m::FOR}{part.audience()}</p>
                    <button
                        type="button"
                        class="rep-button rep-button--secondary"
                        on:click=move |_| screen.set(Screen::Part(part))
                    >
                        {m::OPEN}{part.title()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="rep-home">
            <p class="rep-body-l">{messages::HOME_INTRO}</p>
            <ul class="rep-cards">{cards}</ul>
            <PlanDetails/>
            <RecentChanges/>
        </div>
    }
}

/// The latest changes, newest first, each dated in the user's time zone.
#[component]
fn RecentChanges() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let changes = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.history
                .iter()
                .rev()
                .take(RECENT_CHANGES)
                .map(|c| (c.at.clone(), c.what.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="rep-section" aria-labelledby="rep-changes-heading">
            <h2 class="rep-heading-l" id="rep-changes-heading">{m::RECENT_CHANGES}</h2>
            <p class="rep-hint">{m::RECENT_CHANGES_HINT}</p>
            <ol class="rep-list rep-changes" reversed>
                {move || {
                    changes
                        .get()
                        .into_iter()
                        .map(|(at, what)| {
                            view! {
                                <li>
                                    <span class="rep-changes__when">{local_day(&at)}</span>
                                    " "
                                    {what}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
