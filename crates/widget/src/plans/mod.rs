//! "Your plans": every plan in this browser (open, rename, duplicate, delete with undo), a new
//! plan and the example plan ([`new_plan`]), and backups in and out with an import preview and a
//! copy of the single file with the plan inside ([`backups`]).
//!
//! What the screen alone knows (the row being renamed or deleted, the names being typed, the
//! import preview and its messages) is kept in signals here; the plans themselves, and every
//! change to storage, are the [`Planner`]'s.

mod backups;
mod new_plan;

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::messages::plans as m;

use crate::download::download;
use crate::form::{app_root, focus_soon};
use crate::local_time::when;
use crate::state::{now, Deletion, Planner};

/// A row of the list that shows a form in place of its buttons.
#[derive(Clone, PartialEq)]
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

impl Row {
    /// The plan this row form is about, if any.
    fn plan(&self) -> Option<&str> {
        match self {
            Row::Renaming(id) | Row::Deleting(id) | Row::DeletingWithoutUndo { id, .. } => Some(id),
            Row::RemovingCopies => None,
        }
    }
}

/// The list's own state, given as context to its rows.
#[derive(Clone, Copy)]
struct Ui {
    row: RwSignal<Option<Row>>,
    /// The new name typed in the rename form.
    new_name: RwSignal<String>,
    /// What a deletion without undo, or the removal of copies, did.
    deleted_note: RwSignal<Option<String>>,
}

/// A plan's title as listed: "Untitled plan" when it has none.
fn display_title(title: &str) -> &str {
    if title.is_empty() {
        m::UNTITLED
    } else {
        title
    }
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

/// The id of one of a row's buttons ("rename", "delete"...).
fn button_id(plan_id: &str, which: &str) -> String {
    format!("rep-row-{plan_id}-{which}")
}

/// The whole "Your plans" screen.
#[component]
pub fn PlansScreen() -> impl IntoView {
    view! {
        <div class="rep-plans">
            <p class="rep-body-l">{m::INTRO}</p>
            <PlanList/>
            <new_plan::NewPlan/>
            <backups::Backups/>
        </div>
    }
}

/// The plans in this browser, with the undo banner and the copies left from earlier deletions.
#[component]
fn PlanList() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = Ui {
        row: RwSignal::new(None),
        new_name: RwSignal::new(String::new()),
        deleted_note: RwSignal::new(None),
    };
    provide_context(ui);
    let ids = Memo::new(move |_| {
        planner
            .plans
            .with(|l| l.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <section class="rep-section" aria-labelledby="rep-plans-heading">
            <h2 class="rep-heading-l" id="rep-plans-heading" tabindex="-1">{m::LIST_TITLE}</h2>
            <UndoBanner/>
            {move || {
                ui.deleted_note
                    .get()
                    .map(|note| {
                        view! {
                            <div class="rep-banner rep-banner--success" id="rep-deleted-note" role="status" tabindex="-1">
                                <p>{note}</p>
                            </div>
                        }
                    })
            }}
            <LeftDeleted/>
            <table class="rep-table" id="rep-plans-table">
                <caption class="rep-visually-hidden">{m::LIST_TITLE}</caption>
                <thead>
                    <tr>
                        <th scope="col">{m::PLAN}</th>
                        <th scope="col">{m::LAST_CHANGED}</th>
                        <th scope="col">{m::ACTIONS}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PlanRow id=id/>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// "Deleted ...": undo, or remove the copy kept for undo now.
#[component]
fn UndoBanner() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let deleted = Memo::new(move |_| {
        planner
            .undo_delete
            .with(|d| d.as_ref().map(|d| d.title.clone()))
    });
    let undo = move |_| {
        let Some(restored) = planner
            .undo_delete
            .with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
        else {
            return;
        };
        planner.undo_delete();
        // It opens, so its row has no "Open" button.
        if planner.undo_delete.with_untracked(Option::is_none) {
            focus_soon(app, button_id(&restored, "rename"));
        }
    };
    let dismiss = move |_| {
        planner.forget_undo();
        focus_soon(app, "rep-plans-heading");
    };
    move || {
        deleted.get().map(|title| {
            view! {
                <div class="rep-banner rep-banner--info" id="rep-undo-banner" role="status">
                    <p>{m::deleted(&title)}</p>
                    <div class="rep-button-group">
                        <button type="button" class="rep-button rep-button--secondary" id="rep-undo" on:click=undo>
                            {m::undo(&title)}
                        </button>
                        <button type="button" class="rep-button rep-button--secondary" id="rep-dismiss-undo" on:click=dismiss>
                            {m::DISMISS_UNDO}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// Copies of deleted plans an earlier visit left behind: each by its title, to bring back, and
/// all of them to remove (asked once).
#[component]
fn LeftDeleted() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let app = app_root();
    let asking = Memo::new(move |_| ui.row.with(|r| matches!(r, Some(Row::RemovingCopies))));
    move || {
        let left = planner.left_deleted.get();
        if left.is_empty() {
            return None;
        }
        let count = left.len();
        // Each button names its plan, so the buttons are the list; the unreadable ones say so.
        let bring_back = left
            .iter()
            .filter_map(|copy| {
                let title = copy.title.as_deref()?;
                let key = copy.key.clone();
                Some(view! {
                    <button
                        type="button"
                        class="rep-button rep-button--secondary"
                        on:click=move |_| {
                            if let Some(restored) = planner.bring_back(&key) {
                                focus_soon(app, button_id(&restored, "open"));
                            }
                        }
                    >
                        {m::bring_back(display_title(title))}
                    </button>
                })
            })
            .collect::<Vec<_>>();
        let bring_back = (!bring_back.is_empty())
            .then(|| view! { <div class="rep-button-group">{bring_back}</div> });
        let unreadable = left
            .iter()
            .filter(|c| c.title.is_none())
            .enumerate()
            .map(|(n, copy)| {
                let key = copy.key.clone();
                view! {
                    <div class="rep-button-group">
                        <span>{m::LEFT_UNREADABLE}</span>
                        <button
                            type="button"
                            class="rep-button rep-button--secondary"
                            on:click=move |_| {
                                if let Some(text) = planner.left_deleted_text(&key) {
                                    let name = download_name(m::UNREADABLE_COPY_FILE, "", &now(), "txt");
                                    if let Err(message) = download(&name, "text/plain", &text) {
                                        planner.notice(message);
                                    }
                                }
                            }
                        >
                            {m::DOWNLOAD_IT}
                            <span class="rep-visually-hidden">" " {m::unreadable_copy(n + 1)}</span>
                        </button>
                    </div>
                }
            })
            .collect_view();
        let remove = move || {
            if asking.get() {
                view! {
                    <div class="rep-confirm" role="group" aria-label=m::CONFIRM_REMOVE_COPIES>
                        <p>{m::remove_copies_question(count)}</p>
                        <div class="rep-button-group">
                            <button
                                type="button"
                                class="rep-button rep-button--warning"
                                id="rep-confirm-remove-copies"
                                on:click=move |_| {
                                    ui.row.set(None);
                                    let removed = planner.remove_left_deleted();
                                    ui.deleted_note.set(Some(m::removed_copies(removed)));
                                    focus_soon(app, "rep-deleted-note");
                                }
                            >
                                {m::yes_remove_copies(count)}
                            </button>
                            <CancelButton/>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="rep-button rep-button--warning"
                        id="rep-remove-copies"
                        on:click=move |_| {
                            ui.deleted_note.set(None);
                            ui.row.set(Some(Row::RemovingCopies));
                            focus_soon(app, "rep-confirm-remove-copies");
                        }
                    >
                        {m::REMOVE_COPIES}
                    </button>
                }
                .into_any()
            }
        };
        Some(view! {
            <div class="rep-banner rep-banner--warning" id="rep-left-deleted" role="region" aria-labelledby="rep-left-deleted-title">
                <h3 class="rep-banner__title" id="rep-left-deleted-title">{m::LEFT_TITLE}</h3>
                <p>{m::LEFT_TEXT}</p>
                {bring_back}
                {unreadable}
                {remove}
            </div>
        })
    }
}

/// "Cancel" in a row's form: puts the row's buttons back and focuses the one that opened it.
#[component]
fn CancelButton() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let app = app_root();
    let cancel = move |_| {
        let Some(row) = ui.row.get_untracked() else {
            return;
        };
        ui.row.set(None);
        let back = match row {
            Row::Renaming(id) => button_id(&id, "rename"),
            Row::Deleting(id) | Row::DeletingWithoutUndo { id, .. } => button_id(&id, "delete"),
            Row::RemovingCopies => "rep-remove-copies".into(),
        };
        focus_soon(app, back);
    };
    view! {
        <button type="button" class="rep-button rep-button--secondary" on:click=cancel>{m::CANCEL}</button>
    }
}

/// One plan in the list: its title (and whether it is open), when it last changed, and its
/// buttons, or the form that one of them opened.
#[component]
fn PlanRow(id: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let summary = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plans.with(|l| {
                l.iter()
                    .find(|p| p.id == id)
                    .map(|p| (display_title(&p.title).to_string(), p.modified.clone()))
                    .unwrap_or_default()
            })
        })
    };
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| planner.plan.with(|p| p.id == id))
    };
    // This row's form, if one is open.
    let form = {
        let id = id.clone();
        Memo::new(move |_| ui.row.get().filter(|r| r.plan() == Some(id.as_str())))
    };
    let title = move || summary.with(|s| s.0.clone());
    let summary_title = Signal::derive(title);
    let id_for_actions = id.clone();
    view! {
        <tr id=format!("rep-row-{id}")>
            <td>
                {title}
                {move || {
                    is_open
                        .get()
                        .then(|| view! { " " <strong class="rep-tag rep-tag--blue">{m::OPEN_NOW}</strong> })
                }}
            </td>
            <td>{move || summary.with(|s| when(&s.1))}</td>
            <td>
                {move || {
                    let id = id_for_actions.clone();
                    // Read once: a form stays as it is while another tab changes the title.
                    let title = move || untrack(title);
                    match form.get() {
                        Some(Row::Renaming(_)) => view! { <RenameForm id=id title=title()/> }.into_any(),
                        Some(Row::Deleting(_)) => view! { <ConfirmDelete id=id title=title()/> }.into_any(),
                        Some(Row::DeletingWithoutUndo { why, .. }) => {
                            view! { <ConfirmDeleteWithoutUndo id=id title=title() why=why/> }.into_any()
                        }
                        _ => view! { <RowButtons id=id is_open=is_open title=summary_title/> }.into_any(),
                    }
                }}
            </td>
        </tr>
    }
}

/// A row's buttons: open (unless it is open), rename, duplicate and delete, each naming the plan
/// for screen readers.
#[component]
fn RowButtons(id: String, is_open: Memo<bool>, title: Signal<String>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let app = app_root();
    let row = id.clone();
    let button = move |which: &'static str,
                       label: &'static str,
                       warning: bool,
                       press: Box<dyn Fn()>| {
        let class = if warning {
            "rep-button rep-button--warning"
        } else {
            "rep-button rep-button--secondary"
        };
        view! {
            <button type="button" class=class id=button_id(&row, which) on:click=move |_| press()>
                {label}
                <span class="rep-visually-hidden">" " {move || title.get()}</span>
            </button>
        }
    };
    let open = {
        let id = id.clone();
        move || {
            planner.open(&id);
            // The row's "Open" button has gone once it is open.
            if planner.plan.with_untracked(|p| p.id == id) {
                focus_soon(app, button_id(&id, "rename"));
            }
        }
    };
    let rename = {
        let id = id.clone();
        move || {
            ui.new_name.set(title_of(planner, &id));
            ui.row.set(Some(Row::Renaming(id.clone())));
            focus_soon(app, format!("rep-rename-{id}"));
        }
    };
    let duplicate = {
        let id = id.clone();
        move || {
            let before = planner.plan.with_untracked(|p| p.id.clone());
            planner.duplicate(&id);
            // The copy opens.
            let after = planner.plan.with_untracked(|p| p.id.clone());
            if after != before {
                focus_soon(app, button_id(&after, "rename"));
            }
        }
    };
    let delete = {
        let id = id.clone();
        move || {
            ui.deleted_note.set(None);
            ui.row.set(Some(Row::Deleting(id.clone())));
            focus_soon(app, "rep-confirm-delete");
        }
    };
    let open_button = {
        let button = button.clone();
        move || (!is_open.get()).then(|| button("open", m::OPEN, false, Box::new(open.clone())))
    };
    view! {
        <div class="rep-button-group">
            {open_button}
            {button("rename", m::RENAME, false, Box::new(rename))}
            {button("duplicate", m::DUPLICATE, false, Box::new(duplicate))}
            {button("delete", m::DELETE, true, Box::new(delete))}
        </div>
    }
}

/// The rename form in a row: Enter or "Save name" renames; a blank name changes nothing.
#[component]
fn RenameForm(id: String, title: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let app = app_root();
    let field = format!("rep-rename-{id}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = ui.new_name.get_untracked();
        ui.row.set(None);
        if !chosen.trim().is_empty() {
            planner.rename(&id, chosen.trim());
        }
        focus_soon(app, button_id(&id, "rename"));
    };
    view! {
        <form class="rep-inline-form" on:submit=submit>
            <label class="rep-label" for=field.clone()>{m::new_name_for(&title)}</label>
            <input
                class="rep-input"
                type="text"
                id=field
                autocomplete="off"
                prop:value=move || ui.new_name.get()
                on:input=move |ev| ui.new_name.set(event_target_value(&ev))
            />
            <div class="rep-button-group">
                <button type="submit" class="rep-button">{m::SAVE_NAME}</button>
                <CancelButton/>
            </div>
        </form>
    }
}

/// "Delete ... from this browser?" in a row.
#[component]
fn ConfirmDelete(id: String, title: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let app = app_root();
    let delete = move |_| match planner.delete(&id) {
        Deletion::WithUndo => {
            ui.row.set(None);
            focus_soon(app, "rep-undo");
        }
        Deletion::NoRoomForUndo(why) => {
            // Asked in the same row; focus moves to the question, so it is read first.
            ui.row.set(Some(Row::DeletingWithoutUndo {
                id: id.clone(),
                why,
            }));
            focus_soon(app, "rep-no-undo-question");
        }
        Deletion::NotThere => {
            ui.row.set(None);
            focus_soon(app, button_id(&id, "delete"));
        }
    };
    view! {
        <div class="rep-confirm" role="group" aria-label=m::CONFIRM_DELETE>
            <p>{m::delete_question(&title)}</p>
            <div class="rep-button-group">
                <button type="button" class="rep-button rep-button--warning" id="rep-confirm-delete" on:click=delete>
                    {m::YES_DELETE}
                </button>
                <CancelButton/>
            </div>
        </div>
    }
}

/// No copy for undo could be kept: delete without undo, download the plan first, or cancel.
#[component]
fn ConfirmDeleteWithoutUndo(id: String, title: String, why: Option<String>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let ui = expect_context::<Ui>();
    let app = app_root();
    let delete = {
        let id = id.clone();
        move |_| {
            let title = title_of(planner, &id);
            ui.row.set(None);
            if planner.delete_without_undo(&id) {
                ui.deleted_note.set(Some(m::deleted_without_undo(&title)));
                focus_soon(app, "rep-deleted-note");
            } else {
                focus_soon(app, button_id(&id, "delete"));
            }
        }
    };
    let download_it = move |_| {
        let name = download_name(&title_of(planner, &id), "", &now(), "json");
        if let Some(text) = planner.text_for_download(&id) {
            if let Err(message) = download(&name, "application/json", &text) {
                planner.notice(message);
            }
        }
    };
    view! {
        <div class="rep-confirm" role="group" aria-label=m::CONFIRM_DELETE_WITHOUT_UNDO>
            <p id="rep-no-undo-question" tabindex="-1">{m::delete_without_undo_question(&title, why.as_deref())}</p>
            <div class="rep-button-group">
                <button type="button" class="rep-button rep-button--warning" id="rep-confirm-delete-no-undo" on:click=delete>
                    {m::DELETE_WITHOUT_UNDO}
                </button>
                <button type="button" class="rep-button rep-button--secondary" on:click=download_it>
                    {m::download_plan_named(&title)}
                </button>
                <CancelButton/>
            </div>
        </div>
    }
}
