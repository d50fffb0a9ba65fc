//! "Your plans": every plan in this browser (open, rename, duplicate, delete with undo), a new
//! plan, the example plan, backups in and out (import with a preview), and a copy of the single
//! file with the plan inside.
//!
//! Drawn as HTML text and patched in place (see `live_html.rs`). What the screen alone knows (the
//! row being renamed or deleted, the names being typed, the import preview and its messages) is
//! kept in signals here, so a redraw (another tab saving, say) loses none of it.

use std::fmt::Write;
use std::rc::Rc;

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::html::E;
use race_equity_domain::messages::plans as m;
use race_equity_domain::plan::{self, ImportChoice as Choice, ImportOutcome, ImportPreview};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Element;

use crate::config::MountConfig;
use crate::download::{download, read_chosen_file};
use crate::live_html::{live_html, LiveEvent};
use crate::notices::download_open_plan;
use crate::state::{now, Deletion, Planner};

/// "28 Nov 2026, 14:02" in the user's time zone, from an RFC 3339 time.
fn when(at: &str) -> String {
    let date = js_sys::Date::new(&at.into());
    if date.get_time().is_nan() {
        return m::UNKNOWN_TIME.into();
    }
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        m::MONTHS_SHORT[(date.get_month() as usize).min(11)],
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// A row of the list that shows a form in place of its buttons.
#[derive(Clone)]
enum Row {
    /// The plan with this id is being renamed.
    Renaming(String),
    /// The plan with this id is waiting for the user to confirm its deletion.
    Deleting(String),
    /// No copy for undo could be kept: the user is asked whether to delete it without undo.
    /// `why` is what the browser said, or None when storage is full.
    DeletingWithoutUndo { id: String, why: Option<String> },
    /// The copies of deleted plans left from before wait for the user to confirm their removal.
    RemovingCopies,
}

/// The screen's own state.
#[derive(Clone, Copy)]
struct Ui {
    row: RwSignal<Option<Row>>,
    /// The new name typed in the rename form.
    new_name: RwSignal<String>,
    /// The name typed for a new plan.
    new_title: RwSignal<String>,
    preview: RwSignal<Option<ImportPreview>>,
    choices: RwSignal<Vec<Choice>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
    /// What a deletion without undo, or the removal of copies, did.
    deleted_note: RwSignal<Option<String>>,
    /// A chosen file is being read (a file input sends both `input` and `change`).
    reading: StoredValue<bool>,
    /// The single file can copy itself, with the plan inside.
    can_copy_html: bool,
}

/// The whole "Your plans" screen.
pub fn plans_screen() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let config = expect_context::<StoredValue<MountConfig, LocalStorage>>();
    let ui = Ui {
        row: RwSignal::new(None),
        new_name: RwSignal::new(String::new()),
        new_title: RwSignal::new(String::new()),
        preview: RwSignal::new(None),
        choices: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
        deleted_note: RwSignal::new(None),
        reading: StoredValue::new(false),
        can_copy_html: config.with_value(|c| c.single_file_html.is_some()),
    };
    let render = Rc::new(move || render(planner, ui));
    let on_event = Rc::new(move |event: LiveEvent, root: &Element| -> Option<String> {
        match event {
            LiveEvent::Field { key, value } => field(planner, ui, &key, value, root),
            LiveEvent::Act { key } => act(planner, config, ui, &key, root),
        }
    });
    live_html("rep-plans", render, on_event)
}

/// A field changed.
fn field(planner: Planner, ui: Ui, key: &str, value: String, root: &Element) -> Option<String> {
    match key {
        "rename" => ui.new_name.set(value),
        "new-title" => ui.new_title.set(value),
        "import-file" => read_import(planner, ui, root),
        _ => {
            // "choice/<n>": what to do with the n-th plan of the import.
            let index: usize = key.strip_prefix("choice/")?.parse().ok()?;
            let choice = match value.as_str() {
                "KeepBoth" => Choice::KeepBoth,
                "Replace" => Choice::Replace,
                "Skip" => Choice::Skip,
                _ => return None,
            };
            ui.choices.update(|c| {
                if let Some(slot) = c.get_mut(index) {
                    *slot = choice;
                }
            });
        }
    }
    None
}

/// Reads the chosen file and shows what importing it would do, or why it cannot be imported.
fn read_import(planner: Planner, ui: Ui, root: &Element) {
    if ui.reading.get_value() {
        return;
    }
    let Some(input) = root
        .query_selector("#rep-import-file")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    ui.reading.set_value(true);
    // Nothing is redrawn before the read has begun: a redraw empties the file input.
    spawn_local(async move {
        let read = read_chosen_file(&input).await;
        ui.reading.set_value(false);
        // So the same file can be chosen again.
        input.set_value("");
        ui.done.set(None);
        let found = read.and_then(|(name, text)| {
            plan::parse_import(&text, &planner.plans.get_untracked())
                .map_err(|problem| m::not_imported(&name, &problem.to_string()))
        });
        match found {
            Ok(found) => {
                ui.error.set(None);
                ui.choices.set(
                    found
                        .items
                        .iter()
                        .map(|i| i.outcome.default_choice())
                        .collect(),
                );
                ui.preview.set(Some(found));
            }
            Err(message) => {
                ui.preview.set(None);
                ui.error.set(Some(message));
            }
        }
    });
}

/// Carries out a button's action (`<name>` or `<name>/<plan id>`); returns the id of the element
/// to focus afterwards.
fn act(
    planner: Planner,
    config: StoredValue<MountConfig, LocalStorage>,
    ui: Ui,
    key: &str,
    root: &Element,
) -> Option<String> {
    let (name, id) = key.split_once('/').unwrap_or((key, ""));
    let open_id = || planner.plan.with_untracked(|p| p.id.clone());
    match name {
        "open" => {
            planner.open(id);
            // The row's "Open" button has gone once it is open.
            (open_id() == id).then(|| button_id(id, "rename"))
        }
        "ask-rename" => {
            let title = planner.plans.with_untracked(|l| {
                l.iter()
                    .find(|p| p.id == id)
                    .map(|p| display_title(&p.title).to_string())
            })?;
            ui.new_name.set(title);
            ui.row.set(Some(Row::Renaming(id.to_string())));
            Some(format!("rep-rename-{id}"))
        }
        "rename" => {
            let chosen = ui.new_name.get_untracked();
            ui.row.set(None);
            if !chosen.trim().is_empty() {
                planner.rename(id, chosen.trim());
            }
            Some(button_id(id, "rename"))
        }
        "duplicate" => {
            let before = open_id();
            planner.duplicate(id);
            // The copy opens.
            let after = open_id();
            (after != before).then(|| button_id(&after, "rename"))
        }
        "ask-delete" => {
            ui.deleted_note.set(None);
            ui.row.set(Some(Row::Deleting(id.to_string())));
            Some("rep-confirm-delete".into())
        }
        "delete" => match planner.delete(id) {
            Deletion::WithUndo => {
                ui.row.set(None);
                Some("rep-undo".into())
            }
            Deletion::NoRoomForUndo(why) => {
                // Asked in the same row; focus moves to the question, so it is read first.
                ui.row.set(Some(Row::DeletingWithoutUndo {
                    id: id.to_string(),
                    why,
                }));
                Some("rep-no-undo-question".into())
            }
            Deletion::NotThere => {
                ui.row.set(None);
                Some(button_id(id, "delete"))
            }
        },
        "delete-no-undo" => {
            let title = title_of(planner, id);
            ui.row.set(None);
            if planner.delete_without_undo(id) {
                ui.deleted_note.set(Some(m::deleted_without_undo(&title)));
                Some("rep-deleted-note".into())
            } else {
                Some(button_id(id, "delete"))
            }
        }
        "download-deleting" => {
            let name = download_name(&title_of(planner, id), "", &now(), "json");
            if let Some(text) = planner.text_for_download(id) {
                if let Err(message) = download(&name, "application/json", &text) {
                    planner.notice(message);
                }
            }
            None
        }
        "dismiss-undo" => {
            planner.forget_undo();
            Some("rep-plans-heading".into())
        }
        "bring-back" => {
            // The id here is a storage key: `<name>/` was split off the front only.
            let restored = planner.bring_back(id)?;
            Some(button_id(&restored, "open"))
        }
        "download-left" => {
            if let Some(text) = planner.left_deleted_text(id) {
                let name = download_name(m::UNREADABLE_COPY_FILE, "", &now(), "txt");
                if let Err(message) = download(&name, "text/plain", &text) {
                    planner.notice(message);
                }
            }
            None
        }
        "ask-remove-copies" => {
            ui.deleted_note.set(None);
            ui.row.set(Some(Row::RemovingCopies));
            Some("rep-confirm-remove-copies".into())
        }
        "remove-copies" => {
            ui.row.set(None);
            let removed = planner.remove_left_deleted();
            ui.deleted_note.set(Some(m::removed_copies(removed)));
            Some("rep-deleted-note".into())
        }
        "cancel" => match ui.row.get_untracked()? {
            Row::Renaming(id) => {
                ui.row.set(None);
                Some(button_id(&id, "rename"))
            }
            Row::Deleting(id) | Row::DeletingWithoutUndo { id, .. } => {
                ui.row.set(None);
                Some(button_id(&id, "delete"))
            }
            Row::RemovingCopies => {
                ui.row.set(None);
                Some("rep-remove-copies".into())
            }
        },
        "undo" => {
            let restored = planner.undo_delete.get_untracked()?.id;
            planner.undo_delete();
            // It opens, so its row has no "Open" button.
            planner
                .undo_delete
                .with_untracked(Option::is_none)
                .then(|| button_id(&restored, "rename"))
        }
        "create" => {
            let chosen = ui.new_title.get_untracked();
            let chosen = match chosen.trim() {
                "" => m::UNTITLED,
                chosen => chosen,
            };
            planner.create(chosen);
            ui.new_title.set(String::new());
            // A redraw leaves the value of the field with focus as it is, so it is emptied here.
            if let Some(input) = root
                .query_selector("#rep-new-title")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value("");
            }
            None
        }
        "example" => {
            let example = plan::Plan::example();
            if planner
                .plans
                .with_untracked(|l| l.iter().any(|p| p.id == example.id))
            {
                planner.open(&example.id);
            } else {
                planner.open_new(example);
            }
            None
        }
        "download" => {
            download_open_plan(planner);
            None
        }
        "backup" => {
            let name = download_name(m::ALL_PLANS, "backup", &now(), "json");
            if let Err(message) = download(&name, "application/json", &planner.backup_json()) {
                planner.notice(message);
            }
            None
        }
        "html-copy" => {
            save_html_copy(planner, config);
            None
        }
        "import" => {
            let found = ui.preview.get_untracked()?;
            let to_store =
                found.plans_to_store(&ui.choices.get_untracked(), &planner.taken_ids(), &now());
            match planner.store_imported(to_store) {
                Ok(count) => ui.done.set(Some(m::imported(count))),
                Err(message) => ui.error.set(Some(message)),
            }
            ui.preview.set(None);
            Some("rep-import-file".into())
        }
        "cancel-import" => {
            ui.preview.set(None);
            Some("rep-import-file".into())
        }
        _ => None,
    }
}

/// Downloads the single file with the open plan inside.
fn save_html_copy(planner: Planner, config: StoredValue<MountConfig, LocalStorage>) {
    let Some(source) = config.with_value(|c| c.single_file_html.clone()) else {
        return;
    };
    spawn_local(async move {
        let html = match source.call0(&wasm_bindgen::JsValue::NULL) {
            Ok(promise) => JsFuture::from(js_sys::Promise::resolve(&promise))
                .await
                .ok()
                .and_then(|v| v.as_string()),
            Err(_) => None,
        };
        let Some(html) = html else {
            planner.notice(m::NO_SINGLE_FILE.into());
            return;
        };
        let current = planner.plan.get_untracked();
        // The plan as saved (a newer version's plan keeps what this version cannot read), and an
        // id for this copy, so that two copies of one plan keep apart when opened.
        let saved = if planner.read_only.get_untracked().is_some() {
            planner.open_plan_text()
        } else {
            plan::to_json(&current)
        };
        let copy_id = plan::new_copy_id(
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e15) as u64,
        );
        match plan::embed_plan_in_html(&html, &saved, &copy_id) {
            Ok(copy) => {
                let name = download_name(&current.title, "", &now(), "html");
                if let Err(message) = download(&name, "text/html", &copy) {
                    planner.notice(message);
                }
            }
            Err(problem) => planner.notice(m::no_copy(&problem.to_string())),
        }
    });
}

/// The title of a listed plan, as listed.
fn title_of(planner: Planner, id: &str) -> String {
    planner.plans.with_untracked(|l| {
        l.iter()
            .find(|p| p.id == id)
            .map_or(m::UNTITLED, |p| display_title(&p.title))
            .to_string()
    })
}

/// A plan's title as listed: "Untitled plan" when it has none.
fn display_title(title: &str) -> &str {
    if title.is_empty() {
        m::UNTITLED
    } else {
        title
    }
}

/// The id of one of a row's buttons ("rename", "delete"...).
fn button_id(plan_id: &str, which: &str) -> String {
    format!("rep-row-{plan_id}-{which}")
}

/// The screen as HTML.
fn render(planner: Planner, ui: Ui) -> String {
    let h = &mut String::new();
    w!(h, r#"<p class="rep-body-l">{}</p>"#, E(m::INTRO));
    list(h, planner, ui);
    new_plan(h, ui);
    backups(h, ui);
    std::mem::take(h)
}

fn list(h: &mut String, planner: Planner, ui: Ui) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-plans-heading"><h2 class="rep-heading-l" id="rep-plans-heading" tabindex="-1">{}</h2>"#,
        E(m::LIST_TITLE)
    );
    if let Some(deleted) = planner.undo_delete.get() {
        w!(
            h,
            r#"<div class="rep-banner rep-banner--info" id="rep-undo-banner" role="status"><p>{}</p><div class="rep-button-group"><button type="button" class="rep-button rep-button--secondary" id="rep-undo" data-act="undo">{}</button><button type="button" class="rep-button rep-button--secondary" id="rep-dismiss-undo" data-act="dismiss-undo">{}</button></div></div>"#,
            E(&m::deleted(&deleted.title)),
            E(&m::undo(&deleted.title)),
            E(m::DISMISS_UNDO)
        );
    }
    if let Some(note) = ui.deleted_note.get() {
        w!(
            h,
            r#"<div class="rep-banner rep-banner--success" id="rep-deleted-note" role="status" tabindex="-1"><p>{}</p></div>"#,
            E(&note)
        );
    }
    left_deleted(h, planner, ui);
    w!(
        h,
        r#"<table class="rep-table" id="rep-plans-table"><caption class="rep-visually-hidden">{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        E(m::LIST_TITLE),
        E(m::PLAN),
        E(m::LAST_CHANGED),
        E(m::ACTIONS)
    );
    let open_id = planner.plan.with(|p| p.id.clone());
    let row = ui.row.get();
    let new_name = ui.new_name.get();
    for summary in planner.plans.get() {
        let id = summary.id.as_str();
        let title = display_title(&summary.title);
        let is_open = id == open_id;
        w!(h, r#"<tr id="rep-row-{}"><td>{}"#, E(id), E(title));
        if is_open {
            w!(
                h,
                r#" <strong class="rep-tag rep-tag--blue">{}</strong>"#,
                E(m::OPEN_NOW)
            );
        }
        w!(h, "</td><td>{}</td><td>", E(&when(&summary.modified)));
        match &row {
            Some(Row::Renaming(r)) if r == id => {
                w!(
                    h,
                    r#"<form class="rep-inline-form" data-act="rename/{i}"><label class="rep-label" for="rep-rename-{i}">{}</label><input class="rep-input" type="text" id="rep-rename-{i}" autocomplete="off" value="{}" data-f="rename"><div class="rep-button-group"><button type="submit" class="rep-button">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="cancel">{}</button></div></form>"#,
                    E(&m::new_name_for(title)),
                    E(&new_name),
                    E(m::SAVE_NAME),
                    E(m::CANCEL),
                    i = E(id)
                );
            }
            Some(Row::DeletingWithoutUndo { id: r, why }) if r == id => {
                w!(
                    h,
                    r#"<div class="rep-confirm" role="group" aria-label="{}"><p id="rep-no-undo-question" tabindex="-1">{}</p><div class="rep-button-group"><button type="button" class="rep-button rep-button--warning" id="rep-confirm-delete-no-undo" data-act="delete-no-undo/{i}">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="download-deleting/{i}">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="cancel">{}</button></div></div>"#,
                    E(m::CONFIRM_DELETE_WITHOUT_UNDO),
                    E(&m::delete_without_undo_question(title, why.as_deref())),
                    E(m::DELETE_WITHOUT_UNDO),
                    E(&m::download_plan_named(title)),
                    E(m::CANCEL),
                    i = E(id)
                );
            }
            Some(Row::Deleting(r)) if r == id => {
                w!(
                    h,
                    r#"<div class="rep-confirm" role="group" aria-label="{}"><p>{}</p><div class="rep-button-group"><button type="button" class="rep-button rep-button--warning" id="rep-confirm-delete" data-act="delete/{i}">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="cancel">{}</button></div></div>"#,
                    E(m::CONFIRM_DELETE),
                    E(&m::delete_question(title)),
                    E(m::YES_DELETE),
                    E(m::CANCEL),
                    i = E(id)
                );
            }
            _ => {
                h.push_str(r#"<div class="rep-button-group">"#);
                let buttons = [
                    ("open", m::OPEN, "secondary"),
                    ("rename", m::RENAME, "secondary"),
                    ("duplicate", m::DUPLICATE, "secondary"),
                    ("delete", m::DELETE, "warning"),
                ];
                for (which, label, kind) in buttons {
                    if which == "open" && is_open {
                        continue;
                    }
                    let act = match which {
                        "rename" | "delete" => "ask-",
                        _ => "",
                    };
                    w!(
                        h,
                        r#"<button type="button" class="rep-button rep-button--{kind}" id="{}" data-act="{act}{which}/{}">{}<span class="rep-visually-hidden"> {}</span></button>"#,
                        E(&button_id(id, which)),
                        E(id),
                        E(label),
                        E(title)
                    );
                }
                h.push_str("</div>");
            }
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table></section>");
}

/// Copies of deleted plans an earlier visit left behind: each by its title, to bring back, and
/// all of them to remove (asked once).
fn left_deleted(h: &mut String, planner: Planner, ui: Ui) {
    let left = planner.left_deleted.get();
    if left.is_empty() {
        return;
    }
    w!(
        h,
        r#"<div class="rep-banner rep-banner--warning" id="rep-left-deleted" role="region" aria-labelledby="rep-left-deleted-title"><h3 class="rep-banner__title" id="rep-left-deleted-title">{}</h3><p>{}</p>"#,
        E(m::LEFT_TITLE),
        E(m::LEFT_TEXT)
    );
    // Each button names its plan, so the buttons are the list; the unreadable ones say so.
    if left.iter().any(|c| c.title.is_some()) {
        h.push_str(r#"<div class="rep-button-group">"#);
        for copy in &left {
            if let Some(title) = &copy.title {
                w!(
                    h,
                    r#"<button type="button" class="rep-button rep-button--secondary" data-act="bring-back/{}">{}</button>"#,
                    E(&copy.key),
                    E(&m::bring_back(display_title(title)))
                );
            }
        }
        h.push_str("</div>");
    }
    let unreadable = left.iter().filter(|c| c.title.is_none());
    for (n, copy) in unreadable.enumerate() {
        w!(
            h,
            r#"<div class="rep-button-group"><span>{}</span><button type="button" class="rep-button rep-button--secondary" data-act="download-left/{}">{}<span class="rep-visually-hidden"> {}</span></button></div>"#,
            E(m::LEFT_UNREADABLE),
            E(&copy.key),
            E(m::DOWNLOAD_IT),
            E(&m::unreadable_copy(n + 1))
        );
    }
    if matches!(ui.row.get(), Some(Row::RemovingCopies)) {
        w!(
            h,
            r#"<div class="rep-confirm" role="group" aria-label="{}"><p>{}</p><div class="rep-button-group"><button type="button" class="rep-button rep-button--warning" id="rep-confirm-remove-copies" data-act="remove-copies">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="cancel">{}</button></div></div>"#,
            E(m::CONFIRM_REMOVE_COPIES),
            E(&m::remove_copies_question(left.len())),
            E(m::yes_remove_copies(left.len())),
            E(m::CANCEL)
        );
    } else {
        w!(
            h,
            r#"<button type="button" class="rep-button rep-button--warning" id="rep-remove-copies" data-act="ask-remove-copies">{}</button>"#,
            E(m::REMOVE_COPIES)
        );
    }
    h.push_str("</div>");
}

fn new_plan(h: &mut String, ui: Ui) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-new-heading"><h2 class="rep-heading-l" id="rep-new-heading">{}</h2><form class="rep-inline-form" data-act="create"><label class="rep-label" for="rep-new-title">{}</label><p class="rep-hint" id="rep-new-title-hint">{}</p><input class="rep-input" type="text" id="rep-new-title" aria-describedby="rep-new-title-hint" autocomplete="off" value="{}" data-f="new-title"><button type="submit" class="rep-button">{}</button></form><p><button type="button" class="rep-button rep-button--secondary" id="rep-open-example" data-act="example">{}</button></p></section>"#,
        E(m::NEW_TITLE),
        E(m::NEW_NAME),
        E(m::NEW_NAME_HINT),
        E(&ui.new_title.get()),
        E(m::CREATE),
        E(m::OPEN_EXAMPLE)
    );
}

fn backups(h: &mut String, ui: Ui) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-backup-heading"><h2 class="rep-heading-l" id="rep-backup-heading">{}</h2><p>{}</p><div class="rep-button-group"><button type="button" class="rep-button" data-act="download">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="backup">{}</button>"#,
        E(m::BACKUP_TITLE),
        E(m::BACKUP_INTRO),
        E(m::DOWNLOAD_PLAN),
        E(m::DOWNLOAD_ALL)
    );
    if ui.can_copy_html {
        w!(
            h,
            r#"<button type="button" class="rep-button rep-button--secondary" data-act="html-copy">{}</button></div><p class="rep-hint">{}</p>"#,
            E(m::SAVE_HTML_COPY),
            E(m::HTML_COPY_HINT)
        );
    } else {
        h.push_str("</div>");
    }
    w!(
        h,
        r#"<h3 class="rep-heading-m">{}</h3>"#,
        E(m::IMPORT_TITLE)
    );
    if let Some(message) = ui.error.get() {
        w!(
            h,
            r#"<div class="rep-error-summary" id="rep-import-error" role="alert"><h4 class="rep-error-summary__title">{}</h4><p>{}</p></div>"#,
            E(m::PROBLEM),
            E(&message)
        );
    }
    if let Some(message) = ui.done.get() {
        w!(
            h,
            r#"<div class="rep-banner rep-banner--success" id="rep-import-done" role="status"><p>{}</p></div>"#,
            E(&message)
        );
    }
    w!(
        h,
        r#"<div class="rep-form-group" id="rep-import-group"><label class="rep-label" for="rep-import-file">{}</label><p class="rep-hint" id="rep-import-hint">{}</p><input class="rep-file" type="file" id="rep-import-file" accept=".json,application/json" aria-describedby="rep-import-hint" data-f="import-file"></div>"#,
        E(m::CHOOSE_FILE),
        E(m::CHOOSE_FILE_HINT)
    );
    ui.preview.with(|found| {
        if let Some(found) = found {
            preview(h, found, &ui.choices.get());
        }
    });
    h.push_str("</section>");
}

/// What an import will do, with a choice for each plan that is already here.
fn preview(h: &mut String, found: &ImportPreview, choices: &[Choice]) {
    w!(
        h,
        r#"<div class="rep-import-preview" id="rep-import-preview" role="region" aria-label="{}"><p>{}</p><ul class="rep-list">"#,
        E(m::PREVIEW),
        E(&found.summary())
    );
    for (index, item) in found.items.iter().enumerate() {
        let title = display_title(&item.plan.title);
        match &item.outcome {
            ImportOutcome::Add => {
                w!(
                    h,
                    r#"<li><strong class="rep-tag rep-tag--green">{}</strong> {} {}</li>"#,
                    E(m::NEW),
                    E(title),
                    E(m::WILL_BE_ADDED)
                );
            }
            ImportOutcome::Replace { existing } => {
                w!(
                    h,
                    r#"<li><fieldset class="rep-fieldset"><legend><strong class="rep-tag rep-tag--yellow">{}</strong> {} {}</legend>"#,
                    E(m::ALREADY_HERE),
                    E(title),
                    E(&m::here_last_changed(&when(&existing.modified)))
                );
                let options = [
                    (Choice::KeepBoth, "KeepBoth", m::KEEP_BOTH),
                    (Choice::Replace, "Replace", m::REPLACE),
                    (Choice::Skip, "Skip", m::SKIP),
                ];
                for (choice, value, label) in options {
                    let checked = if choices.get(index) == Some(&choice) {
                        " checked"
                    } else {
                        ""
                    };
                    w!(
                        h,
                        r#"<div class="rep-radio"><input type="radio" id="rep-import-choice-{index}-{value}" name="rep-import-choice-{index}" value="{value}" data-f="choice/{index}"{checked}><label for="rep-import-choice-{index}-{value}">{}</label></div>"#,
                        E(label)
                    );
                }
                h.push_str("</fieldset></li>");
            }
        }
    }
    w!(
        h,
        r#"</ul><div class="rep-button-group"><button type="button" class="rep-button" data-act="import">{}</button><button type="button" class="rep-button rep-button--secondary" data-act="cancel-import">{}</button></div></div>"#,
        E(m::IMPORT),
        E(m::CANCEL_IMPORT)
    );
}
