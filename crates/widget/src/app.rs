//! The app shell: the header with the plan's name and save state, the storage banners,
//! navigation between the parts, and the screen.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::config::MountConfig;
use crate::form::AppRoot;
use crate::home::HomeScreen;
use crate::nav::{Screen, SCREEN_HEADING};
use crate::notices::{SaveIndicator, StorageNotices};
use crate::plans::PlansScreen;
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

    if config.owns_page {
        follow_history(screen);
    }

    // The screen drawn: a press on the current screen's button moves focus to its heading (the
    // effect above) but does not build the screen again (what was typed mid-field would go).
    let shown = Memo::new(move |_| screen.get());

    view! {
        <div class="rep-app" data-storage-key=config.storage_key.clone() node_ref=root>
            <div class="rep-header">
                <p class="rep-header__product">{messages::PRODUCT_NAME}</p>
                <p class="rep-header__plan">
                    <span class="rep-visually-hidden">"Plan: "</span>
                    {move || planner.plan.with(|p| p.title.clone())}
                </p>
                <SaveIndicator/>
            </div>
            <Navigation screen=screen/>
            <div class=move || format!("rep-main rep-main--{}", shown.get().slug())>
                <StorageNotices/>
                <h1 class="rep-heading-xl" id=SCREEN_HEADING tabindex="-1" node_ref=heading>{move || shown.get().title()}</h1>
                {move || match shown.get() {
                    Screen::Home => view! { <HomeScreen/> }.into_any(),
                    Screen::Part(Part::Reap) => view! { <crate::reap::ReapScreen/> }.into_any(),
                    Screen::Part(Part::Journey) => view! { <crate::journey::JourneyScreen/> }.into_any(),
                    Screen::Part(Part::Data) => view! { <crate::data::DataScreen/> }.into_any(),
                    Screen::Part(Part::ActionPlan) => view! { <crate::action_plan::ActionPlanScreen/> }.into_any(),
                    Screen::Plans => view! { <PlansScreen/> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Where the planner is the whole page: each move to another screen is an entry in the browser's
/// history (its state is the screen's place in [`Screen::all`]; the address does not change), so
/// Back and Forward move between screens as on any site. Only where the page is the planner's.
fn follow_history(screen: RwSignal<Screen>) {
    let Some(history) = window().history().ok() else {
        return;
    };
    let index_of = |s: Screen| Screen::all().iter().position(|x| *x == s).unwrap_or(0) as f64;
    // Back to the first entry returns to the screen the planner opened on.
    let _ = history.replace_state(&index_of(screen.get_untracked()).into(), "");
    // Set while the screen changes because of Back or Forward, which must not add an entry.
    let from_history = StoredValue::new(false);
    Effect::new(move |before: Option<Screen>| {
        let now = screen.get();
        if before.is_some_and(|b| b != now) && !from_history.get_value() {
            if let Ok(history) = window().history() {
                let _ = history.push_state(&index_of(now).into(), "");
            }
        }
        from_history.set_value(false);
        now
    });
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let target = event
            .state()
            .as_f64()
            .and_then(|i| Screen::all().get(i as usize).copied())
            .unwrap_or(Screen::Home);
        if target != screen.get_untracked() {
            from_history.set_value(true);
            screen.set(target);
        }
    });
    on_cleanup(move || handle.remove());
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
