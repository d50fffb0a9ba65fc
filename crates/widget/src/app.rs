//! The app shell: the header with the plan's name and save state, the storage banners,
//! navigation between the parts, and the screen.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::config::MountConfig;
use crate::not_built::NotBuilt;
use crate::notices::{save_indicator, storage_notices};
use crate::state::Planner;

/// Which screen the shell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Part(Part),
    Plans,
}

impl Screen {
    fn title(self) -> &'static str {
        match self {
            Screen::Home => messages::HOME_TITLE,
            Screen::Part(part) => part.title(),
            Screen::Plans => messages::PLANS_TITLE,
        }
    }
}

/// The whole planner for one host element.
#[component]
pub fn App(config: MountConfig) -> impl IntoView {
    let planner = Planner::start(&config.storage_key, config.embedded_plan.as_deref());
    let screen = RwSignal::new(Screen::Home);
    provide_context(planner);
    provide_context(screen);
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

    let screens = [Screen::Home]
        .into_iter()
        .chain(Part::ALL.into_iter().map(Screen::Part))
        .chain([Screen::Plans]);

    view! {
        <div class="rep-app" data-storage-key=config.storage_key.clone()>
            <div class="rep-header">
                <p class="rep-header__product">{messages::PRODUCT_NAME}</p>
                <p class="rep-header__plan">
                    <span class="rep-visually-hidden">"Plan: "</span>
                    {move || planner.plan.with(|p| p.title.clone())}
                </p>
                {save_indicator()}
            </div>
            <nav class="rep-nav" aria-label="Planner parts">
                <ul class="rep-nav__list">
                    {screens.map(|target| view! { <NavItem target=target/> }).collect_view()}
                </ul>
            </nav>
            <div class="rep-main">
                {storage_notices()}
                <h1 class="rep-heading-xl" tabindex="-1" node_ref=heading>{move || screen.get().title()}</h1>
                {move || match screen.get() {
                    Screen::Home => crate::home::home().into_any(),
                    Screen::Part(Part::Reap) => crate::reap::reap_checklist().into_any(),
                    Screen::Part(Part::Journey) => crate::journey::journey_screen().into_any(),
                    Screen::Part(Part::Data) => crate::data::data_screen().into_any(),
                    Screen::Part(part) => view! { <NotBuilt part=part/> }.into_any(),
                    Screen::Plans => crate::plans::plans_screen().into_any(),
                }}
            </div>
        </div>
    }
}

/// One navigation button; marks itself as the current page.
#[component]
fn NavItem(target: Screen) -> impl IntoView {
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
                {target.title()}
            </button>
        </li>
    }
}
