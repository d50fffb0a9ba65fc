//! Screens drawn as HTML text, kept in step with the plan by patching the page in place.
//!
//! A Leptos view compiles each element and binding into its own code, and one screen of them cost
//! 10 to 30 KB gzip of the single file's 240 KB budget. The larger screens are instead a function
//! from the plan to HTML text (written with `race_equity_domain::html::Html`, which escapes
//! everything). [`live_html`] runs that function in a Leptos effect whenever what it reads changes,
//! and patches the live elements to match the new text ([`morph`]), so the element with focus, the
//! text being typed, the caret, and open `<details>` all stay as they are. One listener on the
//! screen's root element catches every `input`, `change`, `click` and `submit` and passes the
//! `data-f` or `data-act` key of its target to the screen, which hands it to `race_equity_domain::plan::edit`.
//! A link with `data-focus` (an error summary's) moves focus to the element with that id.

use std::rc::Rc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// What the user did on a live screen.
pub enum LiveEvent {
    /// A field with `data-f` changed: its key and its value as text ("true"/"false" for a
    /// checkbox).
    Field { key: String, value: String },
    /// A button with `data-act` was pressed, or a `<form data-act>` submitted: its key. A submit
    /// button inside such a form should have no `data-act` of its own.
    Act { key: String },
}

/// The screen's handler: what to do with an event (given the screen's root element), and
/// optionally the id of an element to focus once the screen has been redrawn (a new row, say).
pub type OnEvent = Rc<dyn Fn(LiveEvent, &Element) -> Option<String>>;

/// A `<div>` whose content is `render()`, redrawn in place whenever a signal `render` reads changes.
pub fn live_html(
    class: &'static str,
    render: Rc<dyn Fn() -> String>,
    on_event: OnEvent,
) -> impl IntoView {
    live_blocks(class, Rc::new(move |_: &Drawn| render()), on_event)
}

/// The drawing function of a screen drawn in blocks: its HTML, given the blocks already in the
/// page (see [`Drawn`]).
pub type Render = Rc<dyn Fn(&Drawn) -> String>;

/// [`live_html`] for a large screen drawn in blocks.
pub fn live_blocks(class: &'static str, render: Render, on_event: OnEvent) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let text = drawn.with_value(|d| render(d));
        let Some(el) = root.get() else { return };
        morph(&el, &text);
        // A stand-in that did not land on its block (the screen's structure changed around it):
        // draw everything in full.
        if let Ok(shells) = el.query_selector_all("[data-shell]") {
            if shells.length() > 0 {
                // Forget the stand-ins' fingerprints, or the full draw would see them as
                // unchanged and leave them empty.
                for i in 0..shells.length() {
                    if let Some(shell) = shells.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let _ = shell.remove_attribute("data-v");
                    }
                }
                morph(&el, &render(&Drawn::default()));
            }
        }
        drawn.set_value(Drawn::in_page(&el));
    });
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let (Some(target), Some(root)) = (
            ev.target().and_then(|t| t.dyn_into::<Element>().ok()),
            root.get_untracked(),
        ) else {
            return;
        };
        let kind = ev.type_();
        let event = if kind == "submit" {
            // A form with `data-act` (Enter in a field submits it): handled here, never sent.
            ev.prevent_default();
            match target.get_attribute("data-act") {
                Some(key) => LiveEvent::Act { key },
                None => return,
            }
        } else if kind == "click" {
            // A link in an error summary: the field is in this shadow root, where the page's own
            // "#id" navigation cannot find it, so focus it here.
            if let Some(link) = target.closest("a[data-focus]").ok().flatten() {
                ev.prevent_default();
                focus_by_id(&root, &link.get_attribute("data-focus").unwrap_or_default());
                return;
            }
            match target.closest("button[data-act]").ok().flatten() {
                Some(button) => LiveEvent::Act {
                    key: button.get_attribute("data-act").unwrap_or_default(),
                },
                None => return,
            }
        } else {
            let Some(key) = target.get_attribute("data-f") else {
                return;
            };
            let value = if target.get_attribute("type").as_deref() == Some("checkbox") {
                prop(&target, "checked")
                    .as_bool()
                    .unwrap_or(false)
                    .to_string()
            } else {
                prop(&target, "value").as_string().unwrap_or_default()
            };
            LiveEvent::Field { key, value }
        };
        if let Some(id) = on_event(event, &root) {
            // Effects run before timers, so the new element is in the page by then.
            set_timeout(move || focus_by_id(&root, &id), Duration::ZERO);
        }
    });
    let listener: js_sys::Function = handler.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let handler = StoredValue::new_local(Some(handler));
    let attached = StoredValue::new_local(None::<(Element, js_sys::Function)>);
    root.on_load(move |el| {
        for kind in EVENTS {
            let _ = el.add_event_listener_with_callback(kind, &listener);
        }
        attached.set_value(Some((el.into(), listener)));
    });
    // When the screen goes, its listeners go first. The closure itself is dropped a moment later:
    // the screen often goes because of an event the closure is still handling (a click that opens
    // another plan), and a closure must not be dropped while it runs.
    on_cleanup(move || {
        if let Some((el, listener)) = attached.try_update_value(Option::take).flatten() {
            for kind in EVENTS {
                let _ = el.remove_event_listener_with_callback(kind, &listener);
            }
        }
        if let Some(handler) = handler.try_update_value(Option::take).flatten() {
            set_timeout(move || drop(handler), Duration::ZERO);
        }
    });
    view! { <div class=class node_ref=root></div> }
}

/// The events a screen's root listens to.
const EVENTS: [&str; 4] = ["input", "change", "click", "submit"];

fn prop(el: &Element, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set_prop(el: &Element, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str(name), value);
}

thread_local! {
    /// Set while the plan on screen is replaced by a version saved elsewhere (another tab): then
    /// the focused field must show the saved text too, or the next keystroke would write the old
    /// text back over it.
    static FOLLOWING_OUTSIDE_CHANGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `change` (which replaces the plan on screen with one saved elsewhere) so that every
/// redraw it causes also updates the field that has focus, keeping its caret where it can.
pub fn follow_outside_change(change: impl FnOnce()) {
    FOLLOWING_OUTSIDE_CHANGE.with(|f| f.set(true));
    change();
    // Effects run before timers, so the redraws have happened when this clears the flag.
    set_timeout(
        || FOLLOWING_OUTSIDE_CHANGE.with(|f| f.set(false)),
        Duration::ZERO,
    );
}

fn following_outside_change() -> bool {
    FOLLOWING_OUTSIDE_CHANGE.with(std::cell::Cell::get)
}

/// Makes `root`'s children match `html`, changing only what differs. Elements are matched in
/// order, and by `id` where they have one, so a row added or removed in the middle of a list
/// does not redraw the rows after it. The focused field keeps the value the user is typing,
/// unless the plan was replaced by another tab's save ([`follow_outside_change`]).
pub fn morph(root: &Element, html: &str) {
    let Ok(template) = document().create_element("template") else {
        return;
    };
    template.set_inner_html(html);
    let Ok(template) = template.dyn_into::<web_sys::HtmlTemplateElement>() else {
        return;
    };
    let focused = focused_in(root);
    let focused_id = focused
        .as_ref()
        .map(Element::id)
        .filter(|id| !id.is_empty());
    morph_children(root, &template.content(), focused.as_ref());
    // If the focused element was replaced, focus its replacement.
    if let Some(id) = focused_id {
        if focused_in(root).is_none() {
            focus_by_id(root, &id);
        }
    }
}

/// Focuses the element with this id inside `root`, if there is one.
pub fn focus_by_id(root: &Element, id: &str) {
    if let Some(el) = by_id(root, id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The element with this id inside `root`. Ids come from files too, so the id goes into the
/// selector as a CSS string with its quotes, backslashes and line breaks escaped (line breaks as
/// the HTML parser leaves them in an attribute): whatever it holds, it cannot break the selector
/// or select another element.
fn by_id(root: &Element, id: &str) -> Option<Element> {
    let mut selector = String::from("[id=\"");
    for c in id.replace("\r\n", "\n").chars() {
        match c {
            '"' | '\\' => {
                selector.push('\\');
                selector.push(c);
            }
            '\n' | '\r' => selector.push_str("\\a "),
            '\u{c}' => selector.push_str("\\c "),
            c => selector.push(c),
        }
    }
    selector.push_str("\"]");
    root.query_selector(&selector).ok().flatten()
}

/// The focused element, if it is inside `root` (which may be inside a shadow root).
fn focused_in(root: &Element) -> Option<Element> {
    let node = root.get_root_node();
    let active = match node.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => document().active_element(),
    }?;
    root.contains(Some(&active)).then_some(active)
}

fn element_id(node: &Node) -> Option<String> {
    element_id_attr(node, "id")
}

/// Whether `old` can be patched into `new` rather than replaced.
fn same(old: &Node, new: &Node) -> bool {
    old.node_type() == new.node_type()
        && old.node_name() == new.node_name()
        && element_id(old) == element_id(new)
}

fn morph_children(old_parent: &Node, new_parent: &Node, focused: Option<&Element>) {
    let mut old = old_parent.first_child();
    let mut new = new_parent.first_child();
    while let Some(n) = new.clone() {
        let next_new = n.next_sibling();
        // An element with an id that the new list no longer has (an error summary once the errors
        // are fixed, say) goes now, so that what follows it is matched with what follows it here,
        // not pushed aside by an insertion.
        if let Some(o) = old.clone() {
            if !same(&o, &n) {
                if let Some(id) = element_id(&o) {
                    if !has_sibling_with_id(&n, &id) {
                        old = o.next_sibling();
                        let _ = old_parent.remove_child(&o);
                        continue;
                    }
                }
            }
        }
        match old.clone() {
            Some(o) if same(&o, &n) => {
                morph_node(&o, &n, focused);
                old = o.next_sibling();
            }
            Some(o) => match element_id(&n).and_then(|id| later_sibling_with_id(&o, &id)) {
                // Elements before the match were removed from the list.
                Some(found) => {
                    let mut cur = o;
                    while !cur.is_same_node(Some(&found)) {
                        let next = cur.next_sibling();
                        let _ = old_parent.remove_child(&cur);
                        let Some(next) = next else { break };
                        cur = next;
                    }
                    morph_node(&found, &n, focused);
                    old = found.next_sibling();
                }
                None => {
                    let _ = old_parent.insert_before(&n, Some(&o));
                }
            },
            None => {
                let _ = old_parent.append_child(&n);
            }
        }
        new = next_new;
    }
    while let Some(o) = old {
        old = o.next_sibling();
        let _ = old_parent.remove_child(&o);
    }
}

/// Whether `from` or a later sibling has this id.
fn has_sibling_with_id(from: &Node, id: &str) -> bool {
    element_id(from).as_deref() == Some(id) || later_sibling_with_id(from, id).is_some()
}

fn later_sibling_with_id(from: &Node, id: &str) -> Option<Node> {
    let mut cur = from.next_sibling();
    while let Some(node) = cur {
        if element_id(&node).as_deref() == Some(id) {
            return Some(node);
        }
        cur = node.next_sibling();
    }
    None
}

fn morph_node(old: &Node, new: &Node, focused: Option<&Element>) {
    let (Some(old_el), Some(new_el)) = (old.dyn_ref::<Element>(), new.dyn_ref::<Element>()) else {
        if old.node_value() != new.node_value() {
            old.set_node_value(new.node_value().as_deref());
        }
        return;
    };
    // A block drawn from the same HTML as before (see [`versioned`]) is left alone: on a large
    // screen, a keystroke then patches only the block it changed.
    if let (Some(was), Some(now)) = (
        old_el.get_attribute("data-v"),
        new_el.get_attribute("data-v"),
    ) {
        if was == now && old_el.node_name() == new_el.node_name() {
            return;
        }
    }
    let attrs = new_el.attributes();
    for i in 0..attrs.length() {
        if let Some(attr) = attrs.item(i) {
            let (name, value) = (attr.name(), attr.value());
            if old_el.get_attribute(&name).as_deref() != Some(value.as_str()) {
                let _ = old_el.set_attribute(&name, &value);
            }
        }
    }
    let old_attrs = old_el.get_attribute_names();
    for name in old_attrs.iter().filter_map(|n| n.as_string()) {
        // A `<details>` stays as open or closed as the user left it.
        if !new_el.has_attribute(&name) && name != "open" {
            let _ = old_el.remove_attribute(&name);
        }
    }
    let is_focused = focused.is_some_and(|f| f.is_same_node(Some(old)));
    match old_el.tag_name().as_str() {
        "INPUT" => {
            if matches!(
                new_el.get_attribute("type").as_deref(),
                Some("checkbox" | "radio")
            ) {
                set_prop(old_el, "checked", &new_el.has_attribute("checked").into());
            } else if !is_focused {
                sync_value(old_el, &new_el.get_attribute("value").unwrap_or_default());
            } else if following_outside_change() {
                sync_focused_value(old_el, &new_el.get_attribute("value").unwrap_or_default());
            }
        }
        "TEXTAREA" => {
            let text = new_el.text_content().unwrap_or_default();
            if !is_focused {
                sync_value(old_el, &text);
            } else if following_outside_change() {
                sync_focused_value(old_el, &text);
            }
        }
        _ => {
            morph_children(old, new, focused);
            if old_el.tag_name() == "SELECT" {
                let chosen = new_el
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .and_then(|o| o.get_attribute("value"))
                    .unwrap_or_default();
                sync_value(old_el, &chosen);
            }
        }
    }
}

fn sync_value(el: &Element, value: &str) {
    if prop(el, "value").as_string().as_deref() != Some(value) {
        set_prop(el, "value", &JsValue::from_str(value));
    }
}

/// Like [`sync_value`] for the field being typed in: a caret at the end of the old text goes to
/// the end of the new one (the user was adding to it); elsewhere it stays where it was, or at the
/// end of the new text if that is shorter.
fn sync_focused_value(el: &Element, value: &str) {
    let old = prop(el, "value").as_string().unwrap_or_default();
    if old == value {
        return;
    }
    let caret = prop(el, "selectionStart").as_f64();
    set_prop(el, "value", &JsValue::from_str(value));
    let new_end = value.encode_utf16().count() as f64;
    if let Some(caret) = caret {
        let at_end = caret >= old.encode_utf16().count() as f64;
        let at = JsValue::from_f64(if at_end { new_end } else { caret.min(new_end) });
        set_prop(el, "selectionStart", &at);
        set_prop(el, "selectionEnd", &at);
    }
}

/// The blocks the page shows now, by fingerprint, so a redraw can leave them out.
///
/// A large screen is drawn as blocks ([`Drawn::block`]): each block's root element carries a
/// fingerprint of its HTML in `data-v`. When the page already shows a block with the same
/// fingerprint, the new HTML has only an empty stand-in for it, and [`morph`] leaves the block in
/// the page alone. So a keystroke in one REAP anchor parses and patches that anchor, not the
/// whole checklist (measured with the full benchmark plan: from 125 ms to a few ms a keystroke).
#[derive(Default)]
pub struct Drawn {
    versions: Vec<String>,
}

impl Drawn {
    fn in_page(root: &Element) -> Drawn {
        let mut versions = Vec::new();
        if let Ok(found) = root.query_selector_all("[data-v]") {
            for i in 0..found.length() {
                if let Some(v) = found.item(i).and_then(|n| element_id_attr(&n, "data-v")) {
                    versions.push(v);
                }
            }
        }
        Drawn { versions }
    }

    /// Writes `<tag attrs data-v="…">inner</tag>`, or an empty stand-in when the page already
    /// shows exactly this block. `attrs` is attribute text the caller has escaped.
    pub fn block(&self, h: &mut String, tag: &str, attrs: &str, inner: &str) {
        // FNV-1a, 64 bits, over the whole block: tiny, and a collision would only leave one block
        // as it was until its next change.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in tag.bytes().chain(attrs.bytes()).chain(inner.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let v = format!("{hash:x}");
        if self.versions.contains(&v) {
            h.push_str(&format!(
                "<{tag} {attrs} data-v=\"{v}\" data-shell></{tag}>"
            ));
        } else {
            h.push_str(&format!("<{tag} {attrs} data-v=\"{v}\">{inner}</{tag}>"));
        }
    }
}

fn element_id_attr(node: &Node, name: &str) -> Option<String> {
    node.dyn_ref::<Element>()
        .and_then(|el| el.get_attribute(name))
}
