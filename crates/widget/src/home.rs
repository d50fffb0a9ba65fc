//! The home page: what the planner is and what each part is for.

use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::app::Screen;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let screen = expect_context::<RwSignal<Screen>>();
    view! {
        <p class="rep-body-l">{messages::HOME_INTRO}</p>
        <ul class="rep-cards">
            {Part::ALL
                .into_iter()
                .map(|part| {
                    let heading_id = format!("rep-card-{}", part.slug());
                    view! {
                        <li class="rep-card" aria-labelledby=heading_id>
                            <h2 class="rep-heading-m" id=heading_id.clone()>{part.title()}</h2>
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
    }
}
