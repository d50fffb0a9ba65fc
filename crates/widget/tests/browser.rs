//! The widget in a real headless Chromium (wasm-bindgen-test): mount, read the shadow DOM, click.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn host(storage_key: &str) -> Element {
    let host = document().create_element("div").expect("a div");
    host.set_attribute("data-storage-key", storage_key)
        .expect("attribute");
    document()
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("append");
    host
}

fn shadow_query(host: &Element, selector: &str) -> Option<Element> {
    host.shadow_root()?.query_selector(selector).ok()?
}

/// Lets Leptos apply updates after an event handler returns.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
fn mounts_the_shell_inside_a_shadow_root_with_its_own_styles() {
    let host = host("wasm-test-shell");
    race_equity_widget::mount(host.clone(), wasm_bindgen::JsValue::UNDEFINED).expect("mounts");
    let app = shadow_query(&host, ".rep-app").expect("the app shell rendered");
    assert_eq!(
        app.get_attribute("data-storage-key").as_deref(),
        Some("wasm-test-shell")
    );
    let style = shadow_query(&host, "style").expect("a stylesheet in the shadow root");
    assert!(style
        .text_content()
        .unwrap_or_default()
        .contains(".rep-nav"));
    let heading = shadow_query(&host, "h1").expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Home"));
    // Nothing leaks into the light DOM.
    assert_eq!(host.children().length(), 0);
}

#[wasm_bindgen_test]
fn refuses_to_mount_twice_into_one_element() {
    let host = host("wasm-test-twice");
    race_equity_widget::mount(host.clone(), wasm_bindgen::JsValue::UNDEFINED).expect("first mount");
    let second = race_equity_widget::mount(host, wasm_bindgen::JsValue::UNDEFINED);
    let message = second
        .expect_err("second mount refused")
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("already holds"), "{message}");
}

#[wasm_bindgen_test]
fn options_storage_key_overrides_the_data_attribute() {
    let host = host("from-attribute");
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"storageKey".into(), &"from-options".into()).expect("set");
    race_equity_widget::mount(host.clone(), options.into()).expect("mounts");
    let app = shadow_query(&host, ".rep-app").expect("rendered");
    assert_eq!(
        app.get_attribute("data-storage-key").as_deref(),
        Some("from-options")
    );
}

#[wasm_bindgen_test]
async fn clicking_a_part_shows_it_and_marks_the_navigation() {
    let host = host("wasm-test-nav");
    race_equity_widget::mount(host.clone(), wasm_bindgen::JsValue::UNDEFINED).expect("mounts");
    // The navigation is drawn by an effect, after the mount returns.
    tick().await;
    let root = host.shadow_root().expect("shadow root");
    let buttons = root
        .query_selector_all(".rep-nav__link")
        .expect("nav buttons");
    assert_eq!(buttons.length(), 6);
    let journey: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Journey self-assessment"))
        .expect("a Journey button");
    journey.click();
    tick().await;
    let heading = shadow_query(&host, "h1").expect("a heading");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("Journey self-assessment")
    );
    assert_eq!(
        journey.get_attribute("aria-current").as_deref(),
        Some("page")
    );
}
