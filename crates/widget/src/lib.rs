//! The Race Equity Planner widget: mounts the Leptos app into a host element's shadow root.
//!
//! This crate renders the domain and keeps it in browser storage; it computes nothing a test
//! should check (that lives in `race-equity-domain`). JavaScript calls [`mount`] once per host
//! element; see `www/start.js` for the loader and `docs/EMBEDDING.md` for the host's side.

/// Writes HTML into a `String` for the screens drawn as HTML text (writing to a `String` cannot
/// fail). Markup goes in the format string; every value goes in through
/// `race_equity_domain::html::E`, which escapes it. The caller imports `std::fmt::Write`.
macro_rules! w {
    ($h:expr, $($arg:tt)*) => {{
        let _ = write!($h, $($arg)*);
    }};
}

mod app;
mod config;
mod data;
mod download;
mod fields;
mod home;
mod journey;
mod live_html;
mod not_built;
mod notices;
mod plan_details;
mod plans;
mod reap;
mod service_data;
mod state;
mod storage;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

pub use config::MountConfig;

/// The widget's stylesheet, scoped to its shadow root so it never leaks into the host page.
const STYLES: &str = include_str!("../../../www/widget.css");

/// Mounts a planner into `host`, configured by the host's `data-*` attributes and `options`
/// (a plain object; see [`MountConfig`]). Fails with a message, rather than mounting twice, if
/// the host already holds a planner.
#[wasm_bindgen]
pub fn mount(host: Element, options: JsValue) -> Result<(), JsValue> {
    let config = MountConfig::read(&host, &options);
    if host.shadow_root().is_some() {
        return Err(JsValue::from_str(
            "This element already holds a Race Equity Planner. Give each planner its own element.",
        ));
    }
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("The Race Equity Planner needs a web page to run in."))?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(STYLES));
    shadow.append_child(&style)?;
    let root: HtmlElement = document.create_element("div")?.unchecked_into();
    root.set_class_name("rep-root");
    shadow.append_child(&root)?;
    leptos::mount::mount_to(
        root,
        move || leptos::prelude::view! { <app::App config=config/> },
    )
    .forget();
    Ok(())
}

/// The widget's version, for the host page and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
