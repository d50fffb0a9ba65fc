//! The app shell: the header with the plan's name, navigation between the parts, and the screen.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};
use race_equity_domain::plan::Plan;

use crate::config::MountConfig;
use crate::home::Home;
use crate::not_built::NotBuilt;

/// Which screen the shell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Part(Part),
}

/// The whole planner for one host element.
#[component]
pub fn App(config: MountConfig) -> impl IntoView {
    let plan = RwSignal::new(Plan::example());
    let screen = RwSignal::new(Screen::Home);
    provide_context(plan);
    provide_context(screen);

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

    let screen_title = move || match screen.get() {
        Screen::Home => "Home".to_string(),
        Screen::Part(part) => part.title().to_string(),
    };

    view! {
        <div class="rep-app" data-storage-key=config.storage_key.clone()>
            <div class="rep-header">
                <p class="rep-header__product">{messages::PRODUCT_NAME}</p>
                <p class="rep-header__plan">
                    <span class="rep-visually-hidden">"Plan: "</span>
                    {move || plan.with(|p| p.title.clone())}
                </p>
            </div>
            <nav class="rep-nav" aria-label="Planner parts">
                <ul class="rep-nav__list">
                    <NavItem target=Screen::Home label="Home"/>
                    {Part::ALL
                        .into_iter()
                        .map(|part| view! { <NavItem target=Screen::Part(part) label=part.title()/> })
                        .collect_view()}
                </ul>
            </nav>
            <div class="rep-main">
                <h1 class="rep-heading-xl" tabindex="-1" node_ref=heading>{screen_title}</h1>
                {move || match screen.get() {
                    Screen::Home => view! { <Home/> }.into_any(),
                    Screen::Part(part) => view! { <NotBuilt part=part/> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// One navigation button; marks itself as the current page.
#[component]
fn NavItem(target: Screen, label: &'static str) -> impl IntoView {
    let screen = expect_context::<RwSignal<Screen>>();
    let current = move || screen.get() == target;
    view! {
        <li class="rep-nav__item">
            <button
                type="button"
                class="rep-nav__link"
                aria-current=move || current().then_some("page")
                on:click=move |_| screen.set(target)
            >
                {label}
            </button>
        </li>
    }
}
