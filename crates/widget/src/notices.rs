//! Banners about the safety of the user's work: unreadable saves, a full or blocked store, a plan
//! from a newer version, and a plan changed in two tabs. Each says what happened and what to do.
//!
//! The banners are drawn as HTML text and patched in place (see `live_html.rs`). Each banner has
//! an id of its own, so one appearing or going leaves the others (live regions) as they are.

use std::fmt::Write;
use std::rc::Rc;

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::html::E;
use race_equity_domain::messages::notices as m;
use web_sys::Element;

use crate::download::download;
use crate::live_html::{live_html, LiveEvent};
use crate::state::{now, Planner, SaveStatus, UnreadableSave};

/// Downloads the open plan as JSON; the way out of every storage problem.
pub fn download_open_plan(planner: Planner) {
    let title = planner.plan.with_untracked(|p| p.title.clone());
    let name = download_name(&title, "", &now(), "json");
    match download(&name, "application/json", &planner.open_plan_text()) {
        Ok(()) => planner.mark_downloaded(),
        Err(message) => planner.notice(message),
    }
}

/// The save indicator beside the plan's name. A live region, so changes are announced: the
/// region stays in the page, and only the words inside it change.
pub fn save_indicator() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let render = Rc::new(move || {
        let (text, safe) = planner.status.get().text();
        format!(
            r#"<span role="status" aria-live="polite"><span class="rep-save-status__text{}">{}{}</span></span>"#,
            if safe {
                ""
            } else {
                " rep-save-status__text--warn"
            },
            E(if safe { "" } else { m::WARNING }),
            E(&text)
        )
    });
    live_html("rep-save-status", render, Rc::new(|_, _| None))
}

/// Every banner the user must see, above the screen.
pub fn storage_notices() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // The key of the unreadable save whose removal waits for the user to confirm it.
    let confirm = RwSignal::new(None::<String>);
    let render = Rc::new(move || render(planner, confirm.get().as_deref()));
    let on_event = Rc::new(move |event: LiveEvent, _: &Element| match event {
        LiveEvent::Act { key } => act(planner, confirm, &key),
        LiveEvent::Field { .. } => None,
    });
    live_html("rep-notices", render, on_event)
}

/// Carries out a banner's button; returns the id of the element to focus afterwards.
fn act(planner: Planner, confirm: RwSignal<Option<String>>, key: &str) -> Option<String> {
    let (name, arg) = key.split_once('/').unwrap_or((key, ""));
    match name {
        "download" => download_open_plan(planner),
        "save-separate" => planner.save_as_separate_plan(),
        "use-other" => planner.use_other_version(),
        "keep-this" => planner.keep_this_version(),
        "save-again" => planner.save_now(),
        "add-carried" => planner.add_carried_plan(),
        "dismiss" => planner.notices.set(Vec::new()),
        "unreadable-download" => {
            let raw = planner
                .unreadable
                .with_untracked(|list| list.iter().find(|s| s.key == arg).map(|s| s.raw.clone()));
            if let Some(raw) = raw {
                let name = download_name(m::UNREADABLE_FILE, "", &now(), "txt");
                if let Err(message) = download(&name, "text/plain", &raw) {
                    planner.notice(message);
                }
            }
        }
        "unreadable-ask" => {
            confirm.set(Some(arg.to_string()));
            return Some("rep-unreadable-confirm".into());
        }
        "unreadable-cancel" => {
            confirm.set(None);
            return Some(format!("rep-unreadable-ask-{arg}"));
        }
        "unreadable-remove" => {
            confirm.set(None);
            planner.remove_unreadable(arg);
        }
        _ => {}
    }
    None
}

/// A button with an action key; `secondary` for the grey kind.
fn button(h: &mut String, act: &str, label: &str, secondary: bool) {
    w!(
        h,
        r#"<button type="button" class="rep-button{}" data-act="{}">{}</button>"#,
        if secondary {
            " rep-button--secondary"
        } else {
            ""
        },
        E(act),
        E(label)
    );
}

/// The start of a banner: its box (a live region) and, where it has one, its title.
fn banner(h: &mut String, id: &str, kind: &str, role: &str, title: &str) {
    w!(
        h,
        r#"<div class="rep-banner rep-banner--{kind}" role="{role}" id="rep-banner-{id}">"#
    );
    if !title.is_empty() {
        w!(h, r#"<h2 class="rep-banner__title">{}</h2>"#, E(title));
    }
}

/// The banners as HTML.
fn render(planner: Planner, confirm: Option<&str>) -> String {
    let h = &mut String::new();
    if let Some(why) = planner.read_only.get() {
        banner(h, "read-only", "warning", "alert", m::READ_ONLY_TITLE);
        w!(h, "<p>{}</p>", E(&why));
        button(h, "download", m::DOWNLOAD_PLAN, false);
        h.push_str("</div>");
    }
    if planner.conflict.with(Option::is_some) {
        banner(h, "conflict", "error", "alert", m::CONFLICT_TITLE);
        w!(
            h,
            r#"<p>{}</p><div class="rep-button-group">"#,
            E(m::CONFLICT_TEXT)
        );
        button(h, "save-separate", m::KEEP_BOTH, false);
        button(h, "use-other", m::USE_OTHER, true);
        button(h, "keep-this", m::KEEP_THIS, true);
        h.push_str("</div></div>");
    }
    match planner.status.get() {
        SaveStatus::Full => {
            banner(h, "full", "error", "alert", m::FULL_TITLE);
            w!(
                h,
                r#"<p>{}</p><div class="rep-button-group">"#,
                E(m::FULL_TEXT)
            );
            button(h, "download", m::DOWNLOAD_PLAN, false);
            button(h, "save-again", m::TRY_AGAIN, true);
            h.push_str("</div></div>");
        }
        SaveStatus::Refused(why) => {
            banner(h, "refused", "error", "alert", m::REFUSED_TITLE);
            w!(h, "<p>{}</p>", E(&m::refused(&why)));
            button(h, "download", m::DOWNLOAD_PLAN, false);
            h.push_str("</div>");
        }
        SaveStatus::MemoryOnly => {
            banner(h, "memory", "warning", "alert", m::MEMORY_TITLE);
            w!(h, "<p>{}</p>", E(m::MEMORY_TEXT));
            button(h, "download", m::DOWNLOAD_PLAN, false);
            h.push_str("</div>");
        }
        _ => {}
    }
    planner.carried.with(|carried| {
        if let Some(carried) = carried {
            banner(h, "carried", "info", "status", "");
            w!(h, "<p>{}</p>", E(&m::carried(&carried.title)));
            button(h, "add-carried", m::ADD_CARRIED, true);
            h.push_str("</div>");
        }
    });
    if let Some(text) = planner.storage_warning.get() {
        banner(h, "usage", "warning", "status", "");
        w!(h, "<p>{}</p></div>", E(&text));
    }
    planner.unreadable.with(|list| {
        for (n, save) in list.iter().enumerate() {
            unreadable(h, n, save, confirm == Some(save.key.as_str()));
        }
    });
    planner.notices.with(|notices| {
        if !notices.is_empty() {
            banner(h, "messages", "info", "status", "");
            h.push_str(r#"<ul class="rep-list">"#);
            for notice in notices {
                w!(h, "<li>{}</li>", E(notice));
            }
            h.push_str("</ul>");
            button(h, "dismiss", m::DISMISS, true);
            h.push_str("</div>");
        }
    });
    std::mem::take(h)
}

/// One save that could not be read: kept as found, downloadable, removable only on purpose.
fn unreadable(h: &mut String, n: usize, save: &UnreadableSave, confirming: bool) {
    let key = &save.key;
    w!(
        h,
        r#"<div class="rep-banner rep-banner--error" role="alert" id="rep-banner-unreadable-{}"><h2 class="rep-banner__title">{}</h2><p>{}</p><p>{}</p><div class="rep-button-group">"#,
        E(key),
        E(m::UNREADABLE_TITLE),
        E(&save.problem),
        E(if save.left_in_place {
            m::UNREADABLE_LEFT_IN_PLACE
        } else {
            m::UNREADABLE_KEPT
        })
    );
    button(
        h,
        &format!("unreadable-download/{key}"),
        m::DOWNLOAD_UNREADABLE,
        false,
    );
    if confirming {
        w!(
            h,
            r#"<p class="rep-confirm">{}<button type="button" class="rep-button rep-button--warning" id="rep-unreadable-confirm" data-act="unreadable-remove/{}">{}</button>"#,
            E(m::REMOVE_FOR_GOOD),
            E(key),
            E(m::YES_REMOVE)
        );
        button(h, &format!("unreadable-cancel/{n}"), m::CANCEL, true);
        h.push_str("</p>");
    } else {
        w!(
            h,
            r#"<button type="button" class="rep-button rep-button--secondary" id="rep-unreadable-ask-{n}" data-act="unreadable-ask/{}">{}</button>"#,
            E(key),
            E(m::REMOVE_UNREADABLE)
        );
    }
    h.push_str("</div></div>");
}
