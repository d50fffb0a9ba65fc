//! The Race Equity Planner widget: mounts the Leptos app into a host element's shadow root.
//!
//! This crate renders the domain and keeps it in browser storage; it computes nothing a test
//! should check (that lives in `race-equity-domain`). JavaScript calls [`mount`] once per host
//! element; see `www/start.js` for the loader and `docs/EMBEDDING.md` for the host's side.

mod action_plan;
mod actions;
mod app;
mod config;
mod data;
mod download;
mod form;
mod home;
mod journey;
mod local_time;
mod nav;
mod notices;
mod plan_details;
mod plans;
mod reap;
mod state;
mod storage;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use race_equity_domain::messages::failure;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

pub use config::MountConfig;

/// The widget's stylesheet, scoped to its shadow root so it never leaks into the host page.
const STYLES: &str = include_str!("../../../www/widget.css");

/// Mounts a planner into `host`, configured by the host's `data-*` attributes and `options`
/// (a plain object; see [`MountConfig`]). Fails with a message, rather than mounting twice, if
/// the host already holds a planner.
#[wasm_bindgen]
pub fn mount(host: Element, options: JsValue) -> Result<(), JsValue> {
    install_panic_hook();
    let config = MountConfig::read(&host, &options).map_err(|e| JsValue::from_str(&e))?;
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
    // Before the first render, so that a panic there is shown too.
    MOUNTED.with(|mounted| mounted.borrow_mut().push(shadow));
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

thread_local! {
    /// Every planner's shadow root, where the panic hook shows its message.
    static MOUNTED: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

/// Set by the first panic: the message is shown once, with that panic's detail.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Installs, once, what happens when the planner's Rust code panics. The release build aborts on a
/// panic (wasm has no unwinding): the code that panicked stops after the hook, with its state
/// perhaps half changed. The hook logs the panic with its location and the JavaScript stack to the
/// console (`console_error_panic_hook`), then replaces every planner on the page with a plain
/// message ([`failure`]) instead of a page that no longer answers. It only builds DOM elements and
/// saves nothing, so the message promises only what was saved before. (Listeners outside the
/// planner's elements, such as a pending autosave or `pagehide`, can still call into the wasm.)
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Kept, for a hook set before ours (the wasm-bindgen test runner's records the panic).
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            console_error_panic_hook::hook(info);
            if !PANICKED.swap(true, Ordering::Relaxed) {
                let detail = format!(
                    "{}{info} ({}{})",
                    failure::DETAIL,
                    failure::VERSION,
                    env!("CARGO_PKG_VERSION")
                );
                let _ = MOUNTED.try_with(|mounted| {
                    if let Ok(mounted) = mounted.try_borrow() {
                        for shadow in mounted.iter() {
                            let _ = show_failure(shadow, &detail);
                        }
                    }
                });
            }
            previous(info);
        }));
    });
}

/// Puts the failure message in place of the planner in `shadow` (its stylesheet stays), as plain
/// text in a `role="alert"` banner, so screen readers announce it. Focus is not moved: the user may
/// be working elsewhere on the host page.
fn show_failure(shadow: &ShadowRoot, detail: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let alert = document.create_element("div")?;
    alert.set_class_name("rep-banner rep-banner--error");
    alert.set_id("rep-failure");
    alert.set_attribute("role", "alert")?;
    for (tag, class, text) in [
        ("h2", "rep-banner__title", failure::TITLE),
        ("p", "", failure::SAVED),
        ("p", "", failure::NEXT),
        ("p", "", detail),
    ] {
        let element = document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element.set_text_content(Some(text));
        alert.append_child(&element)?;
    }
    match shadow.query_selector(".rep-root")? {
        Some(root) => {
            root.set_text_content(None);
            root.append_child(&alert)?;
        }
        None => {
            shadow.append_child(&alert)?;
        }
    }
    Ok(())
}
