//! The app shell: the header with the plan's name and save state, the storage banners,
//! navigation between the parts, and the screen.

use std::fmt::Write;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::html::E;
use race_equity_domain::messages::{self, Part};

use crate::config::MountConfig;
use crate::live_html::{live_html, LiveEvent};
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
    let planner = Planner::start(
        &config.storage_key,
        config.embedded_plan.as_deref(),
        config.embedded_copy.as_deref(),
    );
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
            <nav class="rep-nav" aria-label="Planner parts">{navigation(screen)}</nav>
            <div class="rep-main">
                {storage_notices()}
                <h1 class="rep-heading-xl" tabindex="-1" node_ref=heading>{move || screen.get().title()}</h1>
                {move || match screen.get() {
                    Screen::Home => crate::home::home().into_any(),
                    Screen::Part(Part::Reap) => crate::reap::reap_checklist().into_any(),
                    Screen::Part(Part::Journey) => crate::journey::journey_screen().into_any(),
                    Screen::Part(Part::Data) => crate::data::data_screen().into_any(),
                    Screen::Part(part) => crate::not_built::not_built(part).into_any(),
                    Screen::Plans => crate::plans::plans_screen().into_any(),
                }}
            </div>
        </div>
    }
}

/// The navigation: one button per screen, the current one marked as the page. Drawn as HTML text
/// (see `live_html.rs`): as Leptos views, the six buttons cost more in the wasm.
fn navigation(screen: RwSignal<Screen>) -> impl IntoView {
    let screens: Vec<Screen> = [Screen::Home]
        .into_iter()
        .chain(Part::ALL.into_iter().map(Screen::Part))
        .chain([Screen::Plans])
        .collect();
    let all = screens.clone();
    let render = Rc::new(move || {
        let now = screen.get();
        let mut h = String::from(r#"<ul class="rep-nav__list">"#);
        for (i, target) in all.iter().enumerate() {
            let current = if *target == now {
                r#" aria-current="page""#
            } else {
                ""
            };
            w!(
                h,
                r#"<li class="rep-nav__item"><button type="button" class="rep-nav__link" data-act="{i}"{current}>{}</button></li>"#,
                E(target.title())
            );
        }
        h.push_str("</ul>");
        h
    });
    let on_event = Rc::new(move |event: LiveEvent, _: &web_sys::Element| {
        if let LiveEvent::Act { key } = event {
            if let Some(target) = key.parse::<usize>().ok().and_then(|i| screens.get(i)) {
                screen.set(*target);
            }
        }
        None
    });
    live_html("rep-nav__inner", render, on_event)
}
