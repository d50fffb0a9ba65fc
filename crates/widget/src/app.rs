//! The app shell: the header with the plan's name and save state, the storage banners,
//! navigation between the parts, and the screen.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::config::MountConfig;
use crate::form::AppRoot;
use crate::nav::Screen;
use crate::notices::{save_indicator, storage_notices};
use crate::state::Planner;

/// The whole planner for one host element.
#[component]
pub fn App(config: MountConfig) -> impl IntoView {
    let planner = Planner::start(
        &config.storage_key,
        config.embedded_plan.as_deref(),
        config.embedded_copy.as_deref(),
    );
    let screen = RwSignal::new(Screen::Home);
    let root = NodeRef::<html::Div>::new();
    provide_context(planner);
    provide_context(screen);
    provide_context(AppRoot(root));
    provide_context(StoredValue::new_local(config.clone()));

    let heading = NodeRef::<html::H1>::new();
    // After the user changes screen, move focus to its heading so screen-reader and keyboard
    // users land at the start of what changed (the first render leaves focus alone).
    let first_render = StoredValue::new(true);
    Effect::new(move |_| {
        screen.track();
        if first_render.get_value() {
            first_render.set_value(false);
            return;
        }
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    view! {
        <div class="rep-app" data-storage-key=config.storage_key.clone() node_ref=root>
            <div class="rep-header">
                <p class="rep-header__product">{messages::PRODUCT_NAME}</p>
                <p class="rep-header__plan">
                    <span class="rep-visually-hidden">"Plan: "</span>
                    {move || planner.plan.with(|p| p.title.clone())}
                </p>
                {save_indicator()}
            </div>
            <Navigation screen=screen/>
            <div class="rep-main">
                {storage_notices()}
                <h1 class="rep-heading-xl" tabindex="-1" node_ref=heading>{move || screen.get().title()}</h1>
                {move || match screen.get() {
                    Screen::Home => crate::home::home().into_any(),
                    Screen::Part(Part::Reap) => view! { <crate::reap::ReapScreen/> }.into_any(),
                    Screen::Part(Part::Journey) => crate::journey::journey_screen().into_any(),
                    Screen::Part(Part::Data) => view! { <crate::data::DataScreen/> }.into_any(),
                    Screen::Part(part) => crate::not_built::not_built(part).into_any(),
                    Screen::Plans => crate::plans::plans_screen().into_any(),
                }}
            </div>
        </div>
    }
}

/// The navigation: one button per screen, the current one marked as the page.
#[component]
fn Navigation(screen: RwSignal<Screen>) -> impl IntoView {
    let items = Screen::all()
        .into_iter()
        .map(|target| {
            view! {
                <li class="rep-nav__item">
                    <button
                        type="button"
                        class="rep-nav__link"
                        aria-current=move || (screen.get() == target).then_some("page")
                        on:click=move |_| screen.set(target)
                    >
                        {target.title()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="rep-nav" aria-label="Planner parts">
            <div class="rep-nav__inner">
                <ul class="rep-nav__list">{items}</ul>
            </div>
        </nav>
    }
}
