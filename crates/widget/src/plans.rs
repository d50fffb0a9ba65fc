//! "Your plans": every plan in this browser (open, rename, duplicate, delete with undo), backups
//! in and out, and a copy of the single file with the plan inside.

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::plan::{
    self, ImportChoice as Choice, ImportOutcome, ImportPreview, PlanSummary,
};
use wasm_bindgen_futures::JsFuture;

use crate::config::MountConfig;
use crate::download::{download, read_chosen_file};
use crate::notices::download_open_plan;
use crate::state::{now, Planner};

/// "28 Nov 2026, 14:02" in the user's time zone, from an RFC 3339 time.
fn when(at: &str) -> String {
    let date = js_sys::Date::new(&at.into());
    if date.get_time().is_nan() {
        return "unknown".into();
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS[(date.get_month() as usize).min(11)],
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The whole "Your plans" screen.
#[component]
pub fn Plans() -> impl IntoView {
    view! {
        <p class="rep-body-l">"Plans are kept in this browser on this computer. To move a plan to another computer or share it, download it and import it there."</p>
        <PlanList/>
        <NewPlan/>
        <Backups/>
    }
}

#[component]
fn PlanList() -> impl IntoView {
    let planner = expect_context::<Planner>();
    view! {
        <section class="rep-section" aria-labelledby="rep-plans-heading">
            <h2 class="rep-heading-l" id="rep-plans-heading">"Plans in this browser"</h2>
            {move || planner.undo_delete.get().map(|deleted| view! {
                <div class="rep-banner rep-banner--info" role="status">
                    <p>"Deleted \u{201c}" {deleted.title.clone()} "\u{201d}. A copy is kept until you delete another plan."</p>
                    <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.undo_delete()>
                        "Undo: bring back \u{201c}" {deleted.title} "\u{201d}"
                    </button>
                </div>
            })}
            <table class="rep-table">
                <caption class="rep-visually-hidden">"Plans in this browser"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Plan"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    // Not keyed: the list is short, and the keyed diff would cost wasm size for nothing.
                    {move || planner.plans.get().into_iter().map(|summary| view! { <PlanRow summary=summary/> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowMode {
    Normal,
    Renaming,
    ConfirmingDelete,
}

#[component]
fn PlanRow(summary: PlanSummary) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let mode = RwSignal::new(RowMode::Normal);
    let summary = StoredValue::new(summary);
    let id = move || summary.with_value(|s| s.id.clone());
    let title = move || {
        summary.with_value(|s| {
            if s.title.is_empty() {
                "Untitled plan".to_string()
            } else {
                s.title.clone()
            }
        })
    };
    let is_open = move || planner.plan.with(|p| p.id == id());
    let new_title = RwSignal::new(title());
    let input_id = format!("rep-rename-{}", id());
    view! {
        <tr>
            <td>
                {title}
                {move || is_open().then(|| view! { " " <strong class="rep-tag rep-tag--blue">"Open now"</strong> })}
            </td>
            <td>{move || when(&summary.with_value(|s| s.modified.clone()))}</td>
            <td>
                {move || match mode.get() {
                    RowMode::Normal => view! {
                        <div class="rep-button-group">
                            {(!is_open()).then(|| view! {
                                <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.open(&id())>
                                    "Open" <span class="rep-visually-hidden">" " {title()}</span>
                                </button>
                            })}
                            <button type="button" class="rep-button rep-button--secondary" on:click=move |_| { new_title.set(title()); mode.set(RowMode::Renaming) }>
                                "Rename" <span class="rep-visually-hidden">" " {title()}</span>
                            </button>
                            <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.duplicate(&id())>
                                "Duplicate" <span class="rep-visually-hidden">" " {title()}</span>
                            </button>
                            <button type="button" class="rep-button rep-button--warning" on:click=move |_| mode.set(RowMode::ConfirmingDelete)>
                                "Delete" <span class="rep-visually-hidden">" " {title()}</span>
                            </button>
                        </div>
                    }.into_any(),
                    RowMode::Renaming => {
                        let input_id = input_id.clone();
                        view! {
                            <form class="rep-inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                let chosen = new_title.get_untracked();
                                if !chosen.trim().is_empty() {
                                    planner.rename(&id(), chosen.trim());
                                }
                                mode.set(RowMode::Normal);
                            }>
                                <label class="rep-label" for=input_id.clone()>"New name for \u{201c}" {title()} "\u{201d}"</label>
                                <input class="rep-input" type="text" id=input_id autocomplete="off"
                                    prop:value=move || new_title.get()
                                    on:input=move |ev| new_title.set(event_target_value(&ev))/>
                                <div class="rep-button-group">
                                    <button type="submit" class="rep-button">"Save name"</button>
                                    <button type="button" class="rep-button rep-button--secondary" on:click=move |_| mode.set(RowMode::Normal)>"Cancel"</button>
                                </div>
                            </form>
                        }.into_any()
                    }
                    RowMode::ConfirmingDelete => view! {
                        <div class="rep-confirm" role="group" aria-label="Confirm delete">
                            <p>"Delete \u{201c}" {title()} "\u{201d} from this browser? You can undo this straight afterwards."</p>
                            <div class="rep-button-group">
                                <button type="button" class="rep-button rep-button--warning" on:click=move |_| { mode.set(RowMode::Normal); planner.delete(&id()) }>
                                    "Yes, delete it"
                                </button>
                                <button type="button" class="rep-button rep-button--secondary" on:click=move |_| mode.set(RowMode::Normal)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any(),
                }}
            </td>
        </tr>
    }
}

#[component]
fn NewPlan() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let title = RwSignal::new(String::new());
    view! {
        <section class="rep-section" aria-labelledby="rep-new-heading">
            <h2 class="rep-heading-l" id="rep-new-heading">"Start a new plan"</h2>
            <form class="rep-inline-form" on:submit=move |ev| {
                ev.prevent_default();
                let chosen = title.get_untracked();
                let chosen = if chosen.trim().is_empty() { "Untitled plan".to_string() } else { chosen.trim().to_string() };
                planner.create(&chosen);
                title.set(String::new());
            }>
                <label class="rep-label" for="rep-new-title">"Name of the new plan"</label>
                <p class="rep-hint" id="rep-new-title-hint">"For example, the team's name and the year. You can change it later."</p>
                <input class="rep-input" type="text" id="rep-new-title" aria-describedby="rep-new-title-hint" autocomplete="off"
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <button type="submit" class="rep-button">"Create plan"</button>
            </form>
            <p>
                <button type="button" class="rep-button rep-button--secondary" on:click=move |_| {
                    let example = plan::Plan::example();
                    if planner.plans.with_untracked(|l| l.iter().any(|p| p.id == example.id)) {
                        planner.open(&example.id);
                    } else {
                        planner.open_new(example);
                    }
                }>"Open the example plan"</button>
            </p>
        </section>
    }
}

#[component]
fn Backups() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let config = expect_context::<StoredValue<MountConfig, LocalStorage>>();
    let preview = RwSignal::new(None::<ImportPreview>);
    let choices = RwSignal::new(Vec::<Choice>::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(input) = input_ref.get() else { return };
        error.set(None);
        done.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            match read_chosen_file(&input).await {
                Err(message) => error.set(Some(message)),
                Ok((name, text)) => {
                    let existing = planner.plans.get_untracked();
                    match plan::parse_import(&text, &existing) {
                        Ok(found) => {
                            choices.set(found.items.iter().map(|i| i.outcome.default_choice()).collect());
                            preview.set(Some(found));
                        }
                        Err(problem) => error.set(Some(format!("\u{201c}{name}\u{201d} was not imported, and nothing has changed. {problem}"))),
                    }
                }
            }
            input.set_value("");
        });
    };

    let confirm = move |_| {
        let Some(found) = preview.get_untracked() else {
            return;
        };
        let to_store = found.plans_to_store(&choices.get_untracked(), &planner.taken_ids(), &now());
        match planner.store_imported(to_store) {
            Ok(count) => done.set(Some(format!(
                "Imported {count} plan{}.",
                if count == 1 { "" } else { "s" }
            ))),
            Err(message) => error.set(Some(message)),
        }
        preview.set(None);
    };

    let download_all = move |_| {
        let name = download_name("all plans", "backup", &now(), "json");
        if let Err(message) = download(&name, "application/json", &planner.backup_json()) {
            planner.notice(message);
        }
    };

    let save_html_copy = move |_| {
        let Some(source) = config.with_value(|c| c.single_file_html.clone()) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let html = match source.call0(&wasm_bindgen::JsValue::NULL) {
                Ok(promise) => JsFuture::from(js_sys::Promise::resolve(&promise))
                    .await
                    .ok()
                    .and_then(|v| v.as_string()),
                Err(_) => None,
            };
            let Some(html) = html else {
                planner.notice("The single-file version of the planner could not be found beside this page, so no copy was made. Ask whoever set up the planner for race-equity-planner.html.".into());
                return;
            };
            let current = planner.plan.get_untracked();
            match plan::embed_plan_in_html(&html, &current) {
                Ok(copy) => {
                    let name = download_name(&current.title, "", &now(), "html");
                    if let Err(message) = download(&name, "text/html", &copy) {
                        planner.notice(message);
                    }
                }
                Err(problem) => planner.notice(format!("No copy was made: {problem}")),
            }
        });
    };
    let can_copy_html = config.with_value(|c| c.single_file_html.is_some());

    view! {
        <section class="rep-section" aria-labelledby="rep-backup-heading">
            <h2 class="rep-heading-l" id="rep-backup-heading">"Back up and share"</h2>
            <p>"A backup is a file you keep somewhere safe, such as your team's shared drive. It holds everything in a plan, including names and figures, so store it as you would any sensitive record."</p>
            <div class="rep-button-group">
                <button type="button" class="rep-button" on:click=move |_| download_open_plan(planner)>"Download this plan"</button>
                <button type="button" class="rep-button rep-button--secondary" on:click=download_all>"Download all plans (backup)"</button>
                {can_copy_html.then(|| view! {
                    <button type="button" class="rep-button rep-button--secondary" on:click=save_html_copy>
                        "Save a copy as one HTML file"
                    </button>
                })}
            </div>
            {can_copy_html.then(|| view! {
                <p class="rep-hint">"The HTML copy is the whole planner with this plan inside. The person you send it to opens it in their browser; it keeps its own storage, so it never changes their other plans."</p>
            })}

            <h3 class="rep-heading-m">"Import plans"</h3>
            {move || error.get().map(|message| view! {
                <div class="rep-error-summary" role="alert">
                    <h4 class="rep-error-summary__title">"There is a problem"</h4>
                    <p>{message}</p>
                </div>
            })}
            {move || done.get().map(|message| view! {
                <div class="rep-banner rep-banner--success" role="status"><p>{message}</p></div>
            })}
            <div class="rep-form-group">
                <label class="rep-label" for="rep-import-file">"Choose a plan or backup file (.json)"</label>
                <p class="rep-hint" id="rep-import-hint">"You will see what it holds before anything changes."</p>
                <input class="rep-file" type="file" id="rep-import-file" accept=".json,application/json"
                    aria-describedby="rep-import-hint" node_ref=input_ref on:change=on_file/>
            </div>
            {move || preview.get().map(|found| {
                let rows = found.items.iter().enumerate().map(|(index, item)| {
                    let title = if item.plan.title.is_empty() { "Untitled plan".to_string() } else { item.plan.title.clone() };
                    match &item.outcome {
                        ImportOutcome::Add => view! {
                            <li><strong class="rep-tag rep-tag--green">"New"</strong> " " {title} " will be added."</li>
                        }.into_any(),
                        ImportOutcome::Replace { existing } => {
                            let name = format!("rep-import-choice-{index}");
                            let option = move |choice: Choice, label: &'static str| {
                                let name = name.clone();
                                let id = format!("{name}-{choice:?}");
                                view! {
                                    <div class="rep-radio">
                                        <input type="radio" id=id.clone() name=name
                                            prop:checked=move || choices.with(|c| c.get(index) == Some(&choice))
                                            on:change=move |_| choices.update(|c| if let Some(slot) = c.get_mut(index) { *slot = choice })/>
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            };
                            view! {
                                <li>
                                    <fieldset class="rep-fieldset">
                                        <legend>
                                            <strong class="rep-tag rep-tag--yellow">"Already here"</strong> " " {title}
                                            " (the copy in this browser was last changed " {when(&existing.modified)} ")"
                                        </legend>
                                        {option(Choice::KeepBoth, "Keep both: import it as a separate copy")}
                                        {option(Choice::Replace, "Replace the plan in this browser with the imported one")}
                                        {option(Choice::Skip, "Skip it")}
                                    </fieldset>
                                </li>
                            }.into_any()
                        }
                    }
                }).collect_view();
                view! {
                    <div class="rep-import-preview" role="region" aria-label="What the import will do">
                        <p>{found.summary()}</p>
                        <ul class="rep-list">{rows}</ul>
                        <div class="rep-button-group">
                            <button type="button" class="rep-button" on:click=confirm>"Import"</button>
                            <button type="button" class="rep-button rep-button--secondary" on:click=move |_| preview.set(None)>
                                "Cancel: change nothing"
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
