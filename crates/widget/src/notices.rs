//! Banners about the safety of the user's work: unreadable saves, a full or blocked store, a plan
//! from a newer version, and a plan changed in two tabs. Each says what happened and what to do.

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;

use crate::download::download;
use crate::state::{now, Planner, SaveStatus};

/// Downloads the open plan as JSON; the way out of every storage problem.
pub fn download_open_plan(planner: Planner) {
    let title = planner.plan.with_untracked(|p| p.title.clone());
    let name = download_name(&title, "", &now(), "json");
    match download(&name, "application/json", &planner.open_plan_text()) {
        Ok(()) => planner.mark_downloaded(),
        Err(message) => planner.notice(message),
    }
}

/// The save indicator beside the plan's name. A live region, so changes are announced.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let planner = expect_context::<Planner>();
    view! {
        <p class="rep-save-status" role="status" aria-live="polite">
            {move || {
                let (text, safe) = planner.status.get().text();
                view! {
                    <span class=if safe { "rep-save-status__text" } else { "rep-save-status__text rep-save-status__text--warn" }>
                        {if safe { "" } else { "Warning: " }}
                        {text}
                    </span>
                }
            }}
        </p>
    }
}

/// Every banner the user must see, above the screen.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let download_button = move || {
        view! {
            <button type="button" class="rep-button" on:click=move |_| download_open_plan(planner)>
                "Download this plan"
            </button>
        }
    };
    view! {
        <div class="rep-notices">
            {move || planner.read_only.get().map(|why| view! {
                <div class="rep-banner rep-banner--warning" role="alert">
                    <h2 class="rep-banner__title">"Read-only: saved by a newer version"</h2>
                    <p>{why}</p>
                    {download_button()}
                </div>
            })}
            {move || planner.conflict.get().is_some().then(|| view! {
                <div class="rep-banner rep-banner--error" role="alert">
                    <h2 class="rep-banner__title">"This plan was also changed in another tab"</h2>
                    <p>"Another tab or window saved this plan after you opened it here. So that neither change is lost, this tab has stopped saving until you choose what to keep."</p>
                    <div class="rep-button-group">
                        <button type="button" class="rep-button" on:click=move |_| planner.save_as_separate_plan()>
                            "Keep both: save this tab's version as a separate plan"
                        </button>
                        <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.use_other_version()>
                            "Use the other tab's version (drop this tab's changes)"
                        </button>
                        <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.keep_this_version()>
                            "Replace it with this tab's version"
                        </button>
                    </div>
                </div>
            })}
            {move || match planner.status.get() {
                SaveStatus::Full => Some(view! {
                    <div class="rep-banner rep-banner--error" role="alert">
                        <h2 class="rep-banner__title">"Your latest change is not saved: storage is full"</h2>
                        <p>"This browser has no room left for the planner. Your change is still here on screen, and your last saved version is safe. Download the plan now to keep this change, then delete plans you no longer need and try again."</p>
                        <div class="rep-button-group">
                            {download_button()}
                            <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.save_now()>
                                "Try saving again"
                            </button>
                        </div>
                    </div>
                }.into_any()),
                SaveStatus::Refused(why) => Some(view! {
                    <div class="rep-banner rep-banner--error" role="alert">
                        <h2 class="rep-banner__title">"Your latest change is not saved"</h2>
                        <p>"The browser refused to save it (" {why} "). Your change is still here on screen. Download the plan to keep it."</p>
                        {download_button()}
                    </div>
                }.into_any()),
                SaveStatus::MemoryOnly => Some(view! {
                    <div class="rep-banner rep-banner--warning" role="alert">
                        <h2 class="rep-banner__title">"Nothing will be kept after you close this page"</h2>
                        <p>"This browser is not letting the planner save anything (for example in a private window, with cookies and site data blocked, or inside a restricted frame). You can keep working, but download your plan before you close the page, and import it next time."</p>
                        {download_button()}
                    </div>
                }.into_any()),
                _ => None,
            }}
            {move || planner.carried.get().map(|carried| view! {
                <div class="rep-banner rep-banner--info" role="status">
                    <p>"This file carries its own copy of \u{201c}" {carried.title} "\u{201d}, but this browser holds a version you have already changed. Your version is open."</p>
                    <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.add_carried_plan()>
                        "Add the file's version as a separate plan"
                    </button>
                </div>
            })}
            {move || planner.storage_warning.get().map(|text| view! {
                <div class="rep-banner rep-banner--warning" role="status">
                    <p>{text}</p>
                </div>
            })}
            {move || planner.unreadable.get().into_iter().map(|save| view! { <UnreadableBanner save=save/> }).collect_view()}
            {move || {
                let notices = planner.notices.get();
                (!notices.is_empty()).then(|| view! {
                    <div class="rep-banner rep-banner--info" role="status">
                        <ul class="rep-list">
                            {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="rep-button rep-button--secondary" on:click=move |_| planner.notices.set(Vec::new())>
                            "Dismiss these messages"
                        </button>
                    </div>
                })
            }}
        </div>
    }
}

/// One save that could not be read: kept as found, downloadable, removable only on purpose.
#[component]
fn UnreadableBanner(save: crate::state::UnreadableSave) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let confirming = RwSignal::new(false);
    let raw = StoredValue::new(save.raw.clone());
    let key = StoredValue::new(save.key.clone());
    let on_download = move |_| {
        let name = download_name("unreadable save", "", &now(), "txt");
        if let Err(message) = download(&name, "text/plain", &raw.get_value()) {
            planner.notice(message);
        }
    };
    view! {
        <div class="rep-banner rep-banner--error" role="alert">
            <h2 class="rep-banner__title">"A saved plan could not be read"</h2>
            <p>{save.problem.clone()}</p>
            <p>"Nothing has been lost: the save has been kept, exactly as it was, in this browser. Download it to keep a copy or to send to whoever supports the planner in your organisation."</p>
            <div class="rep-button-group">
                <button type="button" class="rep-button" on:click=on_download>"Download the unreadable save"</button>
                {move || if confirming.get() {
                    view! {
                        <p class="rep-confirm">
                            "Remove it for good? Download it first if you may need it."
                            <button type="button" class="rep-button rep-button--warning" on:click=move |_| planner.remove_unreadable(&key.get_value())>
                                "Yes, remove it"
                            </button>
                            <button type="button" class="rep-button rep-button--secondary" on:click=move |_| confirming.set(false)>
                                "Cancel"
                            </button>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="rep-button rep-button--secondary" on:click=move |_| confirming.set(true)>
                            "Remove it from this browser"
                        </button>
                    }.into_any()
                }}
            </div>
        </div>
    }
}
