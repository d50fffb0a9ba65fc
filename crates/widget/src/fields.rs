//! The pieces every HTML-text screen draws its forms with: buttons with action keys, labelled
//! fields with field keys, dates that keep what was typed, removals that ask first, and printing
//! from a hidden frame. See `live_html.rs` for how keys come back.

use std::fmt::Write;
use std::rc::Rc;

use leptos::prelude::*;
use race_equity_domain::dates::Date;
use race_equity_domain::html::E;
use race_equity_domain::messages::forms as m;
use race_equity_domain::plan::{Action, Plan};
use race_equity_domain::reap_print::Audience;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::live_html::{live_blocks, Drawn, LiveEvent};
use crate::state::{today, Planner};

/// Draws a screen as HTML text from the open plan: whether it is read-only, today's date, the
/// key of a removal waiting to be confirmed, and the blocks the page already shows.
pub type DrawScreen = fn(&Plan, bool, &str, Option<&str>, &Drawn) -> String;
/// Carries out a button's key on a screen; returns the id of the element to focus afterwards.
/// ("Remove" buttons' `ask:` and `cancel` keys are handled before it is called.)
pub type ActOnScreen = fn(Planner, &str, &Element) -> Option<String>;

/// A screen drawn from the open plan and patched in place (see `live_html.rs`): every field's
/// text goes to `Planner::set_field`, every button's key to `act`.
pub fn plan_screen(class: &'static str, draw: DrawScreen, act: ActOnScreen) -> impl IntoView {
    let planner = expect_context::<Planner>();
    // Read here, inside the component: an event handler runs with no reactive owner to ask.
    let screen = use_context::<RwSignal<crate::nav::Screen>>();
    // The key of a removal waiting for the user to confirm it.
    let confirm = RwSignal::new(None::<String>);
    let render = Rc::new(move |drawn: &Drawn| {
        let read_only = planner.read_only.with(Option::is_some);
        let confirm = confirm.get();
        planner
            .plan
            .with(|plan| draw(plan, read_only, &today(), confirm.as_deref(), drawn))
    });
    let on_event = Rc::new(move |event: LiveEvent, root: &Element| -> Option<String> {
        match event {
            LiveEvent::Field { key, value } => {
                match key.strip_prefix("audience:") {
                    // Who a print is for: the screen's own state, not the plan's.
                    Some(name) => choose_audience(name, &value),
                    None => planner.set_field(&key, &value),
                }
                None
            }
            LiveEvent::Act { key } if key.starts_with("go:") => {
                go_to(&key[3..], root, screen);
                None
            }
            LiveEvent::Act { key } => match ask_or_cancel(confirm, &key) {
                Some(focus) => focus,
                None => act(planner, &key, root),
            },
        }
    });
    live_blocks(class, render, on_event)
}

/// `reap/<anchor id>`: shows the REAP screen and moves focus to that anchor's heading (after the
/// shell has moved it to the screen's heading).
fn go_to(target: &str, root: &Element, screen: Option<RwSignal<crate::nav::Screen>>) {
    let (Some(anchor), Some(screen)) = (target.strip_prefix("reap/"), screen) else {
        return;
    };
    let Some(app) = root.closest(".rep-app").ok().flatten() else {
        return;
    };
    screen.set(crate::nav::Screen::Part(
        race_equity_domain::messages::Part::Reap,
    ));
    let id = format!("rep-a-{}-title", anchor.replace('.', "-"));
    set_timeout(
        move || crate::live_html::focus_by_id(&app, &id),
        std::time::Duration::ZERO,
    );
}

/// "For my team" or "To share outside the team" (METRICS.md "Small numbers"), asked right before a
/// screen's print and download buttons; `name` is the radio group's name and id prefix. The choice
/// lives in the page only: it is read when a button is pressed ([`audience_of`]) and remembered
/// for the next drawing in `current`.
pub fn audience_choice(h: &mut String, name: &str, current: Audience) {
    w!(
        h,
        r#"<fieldset class="rep-fieldset" aria-describedby="{name}-hint"><legend class="rep-fieldset__legend">{}</legend><p class="rep-hint" id="{name}-hint">{}</p><div class="rep-radios">"#,
        E(Audience::QUESTION),
        E(Audience::HINT)
    );
    for a in Audience::ALL {
        let value = a.value();
        let checked = if a == current { " checked" } else { "" };
        w!(
            h,
            r#"<div class="rep-radio"><input type="radio" id="{name}-{value}" name="{name}" value="{value}" data-f="audience:{name}"{checked}><label for="{name}-{value}">{}</label></div>"#,
            E(a.label())
        );
    }
    h.push_str("</div></fieldset>");
}

thread_local! {
    /// Each audience question's answer, by its name, kept as soon as it is chosen so that a redraw
    /// of the screen (another field's edit) never puts the question back to its default.
    static AUDIENCES: std::cell::RefCell<Vec<(String, Audience)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The answer chosen to the audience question named `name`; sharing outside the team until one is.
pub fn chosen_audience(name: &str) -> Audience {
    AUDIENCES.with_borrow(|all| {
        all.iter()
            .find(|(n, _)| n == name)
            .map_or(Audience::Shared, |(_, a)| *a)
    })
}

fn choose_audience(name: &str, value: &str) {
    let audience = Audience::from_value(value);
    AUDIENCES.with_borrow_mut(|all| match all.iter_mut().find(|(n, _)| n == name) {
        Some(found) => found.1 = audience,
        None => all.push((name.to_string(), audience)),
    });
}

/// The choice of [`audience_choice`] named `name` as the page shows it now; sharing outside the
/// team when none is found.
pub fn audience_of(root: &Element, name: &str) -> Audience {
    root.query_selector(&format!(r#"input[name="{name}"]:checked"#))
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("value"))
        .map_or(Audience::Shared, |v| Audience::from_value(&v))
}

/// An action's text, who and by when, as one row of fields. `prefix` starts the fields' ids
/// ("rep-x" gives `rep-x-<id>-text`); `which` names the action for screen readers.
pub fn action_fields(h: &mut String, prefix: &str, action: &Action, which: &str, read_only: bool) {
    let x = &action.id;
    h.push_str(r#"<div class="rep-form-row">"#);
    for (field, title, value) in [
        ("text", m::ACTION, &action.text),
        ("who", m::WHO, &action.who),
        ("by_when", m::BY_WHEN, &action.by_when),
    ] {
        let id = format!("{prefix}-{x}-{field}");
        let key = format!("x/{x}/{field}");
        h.push_str(r#"<div class="rep-form-group">"#);
        label(h, &id, title, which);
        match field {
            "by_when" => date_input(h, &id, &key, value, read_only),
            "text" => text_input(h, "rep-input--wide", &id, &key, value, read_only),
            _ => text_input(h, "rep-input--medium", &id, &key, value, read_only),
        }
        h.push_str("</div>");
    }
    h.push_str("</div>");
}

/// Handles the two steps every confirmed removal shares: `ask:<key>` shows "Yes, remove" and
/// "Cancel" in place of the button; `cancel` puts it back. Returns `Some(focus)` when the key was
/// one of those; any other key clears a pending question and returns `None`.
fn ask_or_cancel(confirm: RwSignal<Option<String>>, key: &str) -> Option<Option<String>> {
    if let Some(asked) = key.strip_prefix("ask:") {
        confirm.set(Some(asked.to_string()));
        return Some(Some("rep-confirm".into()));
    }
    let asked = confirm.get_untracked();
    confirm.set(None);
    (key == "cancel").then(|| asked.map(|k| remove_button_id(&k)))
}

/// Prints `page` from a hidden frame beside the screen, so only that page is printed.
pub fn print(root: &Element, page: &str, title: &str) {
    let Some(app) = root.closest(".rep-app").ok().flatten() else {
        return;
    };
    crate::form::print_in(&app, page, title);
}

/// The id of the button that asked for a removal, to return focus to it on "Cancel".
pub fn remove_button_id(key: &str) -> String {
    format!("rep-ask-{}", key.replace('/', "-"))
}

/// ` disabled` on a control when the plan is read-only.
pub fn disabled(read_only: bool) -> &'static str {
    if read_only {
        " disabled"
    } else {
        ""
    }
}

/// ` readonly` on a text field when the plan is read-only (it can still be read and copied).
pub fn readonly(read_only: bool) -> &'static str {
    if read_only {
        " readonly"
    } else {
        ""
    }
}

/// A secondary button with an action key.
pub fn button(h: &mut String, act: &str, id: &str, label: &str, read_only: bool) {
    w!(
        h,
        r#"<button type="button" class="rep-button rep-button--secondary" id="{}" data-act="{}"{}>{}</button>"#,
        E(id),
        E(act),
        disabled(read_only),
        E(label)
    );
}

/// A label with the item named for screen readers only: "Status (anchor 1.1)".
pub fn label(h: &mut String, for_id: &str, text: &str, which: &str) {
    w!(
        h,
        r#"<label class="rep-label" for="{}">{}<span class="rep-visually-hidden"> ({})</span></label>"#,
        E(for_id),
        E(text),
        E(which)
    );
}

/// A one-line text field.
pub fn text_input(h: &mut String, class: &str, id: &str, key: &str, value: &str, read_only: bool) {
    w!(
        h,
        r#"<input class="rep-input {}" type="text" id="{}" autocomplete="off" value="{}" data-f="{}"{}>"#,
        class,
        E(id),
        E(value),
        E(key),
        readonly(read_only)
    );
}

/// A date field that keeps whatever was recorded: a date picker for a date (or nothing), and a
/// plain text field, flagged beside the anchor, for text that is not a date, so it is shown as
/// it was.
pub fn date_input(h: &mut String, id: &str, key: &str, value: &str, read_only: bool) {
    let is_date = value.trim().is_empty() || Date::parse_iso(value.trim()).is_some();
    w!(
        h,
        r#"<input class="rep-input rep-input--date" type="{}" id="{}" value="{}" data-f="{}"{}>"#,
        if is_date { "date" } else { "text" },
        E(id),
        E(value),
        E(key),
        readonly(read_only)
    );
}

/// A "Remove" button that asks first: pressed once, it turns into "Yes, remove" and "Cancel".
pub fn remove_button(
    h: &mut String,
    key: &str,
    label: &str,
    read_only: bool,
    confirm: Option<&str>,
) {
    if confirm == Some(key) {
        w!(
            h,
            r#"<span class="rep-confirm" role="group" aria-label="{}"><button type="button" class="rep-button rep-button--warning" id="rep-confirm" data-act="{}">{}: {}</button> "#,
            E(label),
            E(key),
            E(m::YES_REMOVE),
            E(label)
        );
        button(h, "cancel", "rep-cancel", m::CANCEL, false);
        h.push_str("</span>");
    } else {
        button(
            h,
            &format!("ask:{key}"),
            &remove_button_id(key),
            label,
            read_only,
        );
    }
}
