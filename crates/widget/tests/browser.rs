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

/// The panic hook (`lib.rs`): after a panic, the console has the panic with its location, and every
/// planner on the page shows a plain message in a `role="alert"` banner instead of a page that no
/// longer answers. The panic is a real one, through the hook that `mount` installed; it comes from a
/// closure that JavaScript calls inside a `try`, as a browser calls an event handler, so the test
/// goes on after the wasm aborts. Named to run last (the runner takes the tests in reverse order of
/// name): after an abort the wasm's state is not to be trusted.
#[wasm_bindgen_test]
async fn a_panic_is_logged_and_each_planner_shows_a_plain_message() {
    use race_equity_domain::messages::failure;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    let hosts = [host("wasm-test-panic-a"), host("wasm-test-panic-b")];
    for host in &hosts {
        race_equity_widget::mount(host.clone(), JsValue::UNDEFINED).expect("mounts");
    }
    tick().await;
    assert!(
        shadow_query(&hosts[0], ".rep-app").is_some(),
        "the planner is drawn first"
    );

    // Records what reaches console.error, passing it on to the runner's own capture.
    let recorder = js_sys::Function::new_no_args(
        "const original = console.error; const seen = []; \
         console.error = function (...args) { seen.push(args.map(String).join(' ')); return original.apply(this, args); }; \
         return { seen, restore() { console.error = original; } };",
    )
    .call0(&JsValue::NULL)
    .expect("a console recorder");
    let panic_now = Closure::<dyn FnMut()>::new(|| {
        let items: Vec<u8> = Vec::new();
        // A bug of the ordinary kind: an index out of bounds.
        let _ = items[std::hint::black_box(3)];
    });
    let thrown = js_sys::Function::new_with_args(
        "f",
        "try { f(); return 'returned'; } catch (error) { return String(error); }",
    )
    .call1(&JsValue::NULL, panic_now.as_ref())
    .expect("the call itself returns")
    .as_string()
    .unwrap_or_default();
    let restore: js_sys::Function = js_sys::Reflect::get(&recorder, &"restore".into())
        .expect("restore")
        .unchecked_into();
    restore.call0(&recorder).expect("console.error restored");

    // The wasm aborted (no unwinding), after the hook ran.
    assert!(thrown.contains("RuntimeError"), "{thrown}");
    let seen: Vec<String> = js_sys::Array::from(
        &js_sys::Reflect::get(&recorder, &"seen".into()).expect("what was logged"),
    )
    .iter()
    .filter_map(|line| line.as_string())
    .collect();
    // Once from the planner's hook, and once from the test runner's own hook, which the planner's
    // passes the panic on to.
    let logged = seen
        .iter()
        .filter(|line| {
            line.contains("index out of bounds")
                && line.contains("tests/browser.rs")
                && line.contains("Stack")
        })
        .count();
    assert_eq!(
        logged, 2,
        "the console has the panic, its location and the stack: {seen:?}"
    );

    for host in &hosts {
        let alert = shadow_query(host, "#rep-failure").expect("the failure message");
        assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
        assert_eq!(alert.class_name(), "rep-banner rep-banner--error");
        let text = alert.text_content().unwrap_or_default();
        for part in [failure::TITLE, failure::SAVED, failure::NEXT] {
            assert!(text.contains(part), "{text}");
        }
        assert!(
            text.contains("Technical detail: panicked at")
                && text.contains("tests/browser.rs")
                && text.contains("index out of bounds")
                && text.contains("Race Equity Planner version"),
            "{text}"
        );
        // Plain text only, in place of the planner; the stylesheet stays.
        assert_eq!(alert.query_selector_all("*").expect("children").length(), 4);
        assert!(
            shadow_query(host, ".rep-app").is_none(),
            "the broken planner is gone"
        );
        assert!(shadow_query(host, ".rep-root > #rep-failure").is_some());
        assert!(shadow_query(host, "style").is_some());
    }
}
