//! "Back up and share": the open plan or every plan as a file, the single file with the plan
//! inside, and importing plans from a file after a preview of what it will do.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::messages::plans as m;
use race_equity_domain::plan::{self, ImportChoice as Choice, ImportOutcome, ImportPreview};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::display_title;
use crate::config::MountConfig;
use crate::download::{download, read_chosen_file};
use crate::form::{app_root, focus_soon};
use crate::local_time::when;
use crate::notices::download_open_plan;
use crate::state::{now, Planner};

/// The file input for an import.
const FILE: &str = "rep-import-file";

/// What the import section alone knows.
#[derive(Clone, Copy)]
struct Import {
    preview: RwSignal<Option<ImportPreview>>,
    choices: RwSignal<Vec<Choice>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
}

/// The backup section.
#[component]
pub fn Backups() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let config = expect_context::<StoredValue<MountConfig, LocalStorage>>();
    let can_copy_html = config.with_value(|c| c.single_file_html.is_some());
    let backup = move |_| {
        let name = download_name(m::ALL_PLANS, "backup", &now(), "json");
        if let Err(message) = download(&name, "application/json", &planner.backup_json()) {
            planner.notice(message);
        }
    };
    let html_copy = can_copy_html.then(|| {
        view! {
            <button
                type="button"
                class="rep-button rep-button--secondary"
                on:click=move |_| save_html_copy(planner, config)
            >
                {m::SAVE_HTML_COPY}
            </button>
        }
    });
    view! {
        <section class="rep-section" aria-labelledby="rep-backup-heading">
            <h2 class="rep-heading-l" id="rep-backup-heading">{m::BACKUP_TITLE}</h2>
            <p>{m::BACKUP_INTRO}</p>
            <div class="rep-button-group">
                <button type="button" class="rep-button" on:click=move |_| download_open_plan(planner)>
                    {m::DOWNLOAD_PLAN}
                </button>
                <button type="button" class="rep-button rep-button--secondary" on:click=backup>
                    {m::DOWNLOAD_ALL}
                </button>
                {html_copy}
            </div>
            {can_copy_html.then(|| view! { <p class="rep-hint">{m::HTML_COPY_HINT}</p> })}
            <ImportPlans/>
        </section>
    }
}

/// Choosing a file to import, what was wrong with it or what was imported, and the preview.
#[component]
fn ImportPlans() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let import = Import {
        preview: RwSignal::new(None),
        choices: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
    };
    let input = NodeRef::<html::Input>::new();
    let on_change = move |_| {
        let Some(field) = input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let read = read_chosen_file(&field).await;
            // So the same file can be chosen again.
            field.set_value("");
            import.done.set(None);
            let found = read.and_then(|(name, text)| {
                plan::parse_import(&text, &planner.plans.get_untracked())
                    .map_err(|problem| m::not_imported(&name, &problem.to_string()))
            });
            match found {
                Ok(found) => {
                    import.error.set(None);
                    import.choices.set(
                        found
                            .items
                            .iter()
                            .map(|i| i.outcome.default_choice())
                            .collect(),
                    );
                    import.preview.set(Some(found));
                }
                Err(message) => {
                    import.preview.set(None);
                    import.error.set(Some(message));
                }
            }
        });
    };
    view! {
        <h3 class="rep-heading-m">{m::IMPORT_TITLE}</h3>
        {move || {
            import
                .error
                .get()
                .map(|message| {
                    view! {
                        <div class="rep-error-summary" id="rep-import-error" role="alert">
                            <h4 class="rep-error-summary__title">{m::PROBLEM}</h4>
                            <p>{message}</p>
                        </div>
                    }
                })
        }}
        {move || {
            import
                .done
                .get()
                .map(|message| {
                    view! {
                        <div class="rep-banner rep-banner--success" id="rep-import-done" role="status">
                            <p>{message}</p>
                        </div>
                    }
                })
        }}
        <div class="rep-form-group" id="rep-import-group">
            <label class="rep-label" for=FILE>{m::CHOOSE_FILE}</label>
            <p class="rep-hint" id="rep-import-hint">{m::CHOOSE_FILE_HINT}</p>
            <input
                class="rep-file"
                type="file"
                id=FILE
                accept=".json,application/json"
                aria-describedby="rep-import-hint"
                node_ref=input
                on:change=on_change
            />
        </div>
        {move || import.preview.with(Option::is_some).then(|| view! { <Preview import=import/> })}
    }
}

/// What an import will do, with a choice for each plan that is already here.
#[component]
fn Preview(import: Import) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let Some(found) = import.preview.get_untracked() else {
        return ().into_any();
    };
    let items = found
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let title = display_title(&item.plan.title).to_string();
            match &item.outcome {
                ImportOutcome::Add => view! {
                    <li>
                        <strong class="rep-tag rep-tag--green">{m::NEW}</strong>
                        " " {title} " " {m::WILL_BE_ADDED}
                    </li>
                }
                .into_any(),
                ImportOutcome::Replace { existing } => {
                    let options = [
                        (Choice::KeepBoth, "KeepBoth", m::KEEP_BOTH),
                        (Choice::Replace, "Replace", m::REPLACE),
                        (Choice::Skip, "Skip", m::SKIP),
                    ]
                    .into_iter()
                    .map(|(choice, value, label)| {
                        let id = format!("rep-import-choice-{index}-{value}");
                        view! {
                            <div class="rep-radio">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=format!("rep-import-choice-{index}")
                                    value=value
                                    prop:checked=move || import.choices.with(|c| c.get(index) == Some(&choice))
                                    on:change=move |_| {
                                        import.choices.update(|c| {
                                            if let Some(slot) = c.get_mut(index) {
                                                *slot = choice;
                                            }
                                        })
                                    }
                                />
                                <label for=id>{label}</label>
                            </div>
                        }
                    })
                    .collect_view();
                    view! {
                        <li>
                            <fieldset class="rep-fieldset">
                                <legend>
                                    <strong class="rep-tag rep-tag--yellow">{m::ALREADY_HERE}</strong>
                                    " " {title} " " {m::here_last_changed(&when(&existing.modified))}
                                </legend>
                                {options}
                            </fieldset>
                        </li>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let do_import = move |_| {
        let Some(found) = import.preview.get_untracked() else {
            return;
        };
        let to_store = found.plans_to_store(
            &import.choices.get_untracked(),
            &planner.taken_ids(),
            &now(),
        );
        match planner.store_imported(to_store) {
            Ok(count) => import.done.set(Some(m::imported(count))),
            Err(message) => import.error.set(Some(message)),
        }
        import.preview.set(None);
        focus_soon(app, FILE);
    };
    let cancel = move |_| {
        import.preview.set(None);
        focus_soon(app, FILE);
    };
    view! {
        <div class="rep-import-preview" id="rep-import-preview" role="region" aria-label=m::PREVIEW>
            <p>{found.summary()}</p>
            <ul class="rep-list">{items}</ul>
            <div class="rep-button-group">
                <button type="button" class="rep-button" on:click=do_import>{m::IMPORT}</button>
                <button type="button" class="rep-button rep-button--secondary" on:click=cancel>
                    {m::CANCEL_IMPORT}
                </button>
            </div>
        </div>
    }
    .into_any()
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
