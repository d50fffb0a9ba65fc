//! The save indicator, and the banners about the safety of the user's work: unreadable saves, a
//! full or blocked store, a plan from a newer version, a plan changed in two tabs, and the
//! example plan changed as if it were the user's own. Each says what happened and what to do.
//!
//! Each banner has an id of its own and is drawn only while it applies, so one appearing or going
//! leaves the others (live regions) as they are.

use leptos::prelude::*;
use race_equity_domain::file_names::download_name;
use race_equity_domain::messages::{notices as m, plans as pm};
use race_equity_domain::plan;

use crate::download::download;
use crate::form::{app_root, focus_soon, Banner, BannerKind};
use crate::nav::SCREEN_HEADING;
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
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let status = Memo::new(move |_| planner.status.with(SaveStatus::text));
    let safe = move || status.with(|s| s.1);
    view! {
        <div class="rep-save-status">
            <span role="status" aria-live="polite">
                <span class=move || {
                    if safe() {
                        "rep-save-status__text"
                    } else {
                        "rep-save-status__text rep-save-status__text--warn"
                    }
                }>{move || if safe() { "" } else { m::WARNING }}{move || status.with(|s| s.0.clone())}</span>
            </span>
        </div>
    }
}

/// A button in a banner: the main kind, or the grey (`secondary`) one. Banner buttons work while
/// the plan is read-only: they are the ways out.
fn banner_button(
    label: &'static str,
    secondary: bool,
    on_press: impl Fn() + 'static,
) -> impl IntoView {
    let class = if secondary {
        "rep-button rep-button--secondary"
    } else {
        "rep-button"
    };
    view! {
        <button type="button" class=class on:click=move |_| on_press()>{label}</button>
    }
}

/// Every banner the user must see, above the screen.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let read_only = Memo::new(move |_| planner.read_only.get());
    let conflict = Memo::new(move |_| planner.conflict.with(Option::is_some));
    let status = Memo::new(move |_| match planner.status.get() {
        s @ (SaveStatus::Full | SaveStatus::Refused(_) | SaveStatus::MemoryOnly) => Some(s),
        _ => None,
    });
    let carried = Memo::new(move |_| {
        planner
            .carried
            .with(|c| c.as_ref().map(|p| p.title.clone()))
    });
    let download = move || download_open_plan(planner);
    view! {
        <div class="rep-notices">
            {move || {
                read_only
                    .get()
                    .map(|why| {
                        view! {
                            <Banner kind=BannerKind::Warning id="rep-banner-read-only" title=m::READ_ONLY_TITLE>
                                <p>{why}</p>
                                {banner_button(m::DOWNLOAD_PLAN, false, download)}
                            </Banner>
                        }
                    })
            }}
            {move || {
                conflict
                    .get()
                    .then(|| {
                        view! {
                            <Banner kind=BannerKind::Error id="rep-banner-conflict" title=m::CONFLICT_TITLE>
                                <p>{m::CONFLICT_TEXT}</p>
                                <div class="rep-button-group">
                                    {banner_button(m::KEEP_BOTH, false, move || planner.save_as_separate_plan())}
                                    {banner_button(m::USE_OTHER, true, move || planner.use_other_version())}
                                    {banner_button(m::KEEP_THIS, true, move || planner.keep_this_version())}
                                </div>
                            </Banner>
                        }
                    })
            }}
            {move || match status.get() {
                Some(SaveStatus::Full) => view! {
                    <Banner kind=BannerKind::Error id="rep-banner-full" title=m::FULL_TITLE>
                        <p>{m::FULL_TEXT}</p>
                        <div class="rep-button-group">
                            {banner_button(m::DOWNLOAD_PLAN, false, download)}
                            {banner_button(m::TRY_AGAIN, true, move || planner.save_now())}
                        </div>
                    </Banner>
                }
                .into_any(),
                Some(SaveStatus::Refused(why)) => view! {
                    <Banner kind=BannerKind::Error id="rep-banner-refused" title=m::REFUSED_TITLE>
                        <p>{m::refused(&why)}</p>
                        {banner_button(m::DOWNLOAD_PLAN, false, download)}
                    </Banner>
                }
                .into_any(),
                Some(_) => view! {
                    <Banner kind=BannerKind::Warning id="rep-banner-memory" title=m::MEMORY_TITLE>
                        <p>{m::MEMORY_TEXT}</p>
                        {banner_button(m::DOWNLOAD_PLAN, false, download)}
                    </Banner>
                }
                .into_any(),
                None => ().into_any(),
            }}
            {move || {
                carried
                    .get()
                    .map(|title| {
                        view! {
                            <div class="rep-banner rep-banner--info" role="status" id="rep-banner-carried">
                                <p>{m::carried(&title)}</p>
                                {banner_button(m::ADD_CARRIED, true, move || planner.add_carried_plan())}
                            </div>
                        }
                    })
            }}
            {move || {
                planner
                    .storage_warning
                    .get()
                    .map(|text| {
                        view! {
                            <div class="rep-banner rep-banner--warning" role="status" id="rep-banner-usage">
                                <p>{text}</p>
                            </div>
                        }
                    })
            }}
            <Unreadable/>
            <Messages/>
            <ExampleChanged/>
        </div>
    }
}

/// The saves that could not be read: each kept as found, downloadable, removable only on purpose.
#[component]
fn Unreadable() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    // The key of the unreadable save whose removal waits for the user to confirm it.
    let confirm = RwSignal::new(None::<String>);
    move || {
        planner
            .unreadable
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, save)| {
                let UnreadableSave {
                    key,
                    raw,
                    problem,
                    left_in_place,
                } = save;
                let confirming = confirm.with(|c| c.as_deref() == Some(key.as_str()));
                let ask_id = format!("rep-unreadable-ask-{n}");
                let download_raw = move || {
                    let name = download_name(m::UNREADABLE_FILE, "", &now(), "txt");
                    if let Err(message) = download(&name, "text/plain", &raw) {
                        planner.notice(message);
                    }
                };
                let choice = if confirming {
                    let key = key.clone();
                    let back = ask_id.clone();
                    view! {
                        <p class="rep-confirm">
                            {m::REMOVE_FOR_GOOD}
                            <button
                                type="button"
                                class="rep-button rep-button--warning"
                                id="rep-unreadable-confirm"
                                on:click=move |_| {
                                    confirm.set(None);
                                    planner.remove_unreadable(&key);
                                }
                            >
                                {m::YES_REMOVE}
                            </button>
                            {banner_button(m::CANCEL, true, move || {
                                confirm.set(None);
                                focus_soon(app, back.clone());
                            })}
                        </p>
                    }
                    .into_any()
                } else {
                    let key = key.clone();
                    view! {
                        <button
                            type="button"
                            class="rep-button rep-button--secondary"
                            id=ask_id
                            on:click=move |_| {
                                confirm.set(Some(key.clone()));
                                focus_soon(app, "rep-unreadable-confirm");
                            }
                        >
                            {m::REMOVE_UNREADABLE}
                        </button>
                    }
                    .into_any()
                };
                view! {
                    <div class="rep-banner rep-banner--error" role="alert" id=format!("rep-banner-unreadable-{key}")>
                        <h2 class="rep-banner__title">{m::UNREADABLE_TITLE}</h2>
                        <p>{problem}</p>
                        <p>{if left_in_place { m::UNREADABLE_LEFT_IN_PLACE } else { m::UNREADABLE_KEPT }}</p>
                        <div class="rep-button-group">
                            {banner_button(m::DOWNLOAD_UNREADABLE, false, download_raw)}
                            {choice}
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// What the planner told the user (a file not opened, a plan not found...), until dismissed.
#[component]
fn Messages() -> impl IntoView {
    let planner = expect_context::<Planner>();
    move || {
        let notices = planner.notices.get();
        (!notices.is_empty()).then(|| {
            let items = notices
                .into_iter()
                .map(|notice| view! { <li>{notice}</li> })
                .collect_view();
            view! {
                <div class="rep-banner rep-banner--info" role="status" id="rep-banner-messages">
                    <ul class="rep-list">{items}</ul>
                    {banner_button(m::DISMISS, true, move || planner.notices.set(Vec::new()))}
                </div>
            }
        })
    }
}

/// Once the user changes the example plan: says it is the example, and offers to make a copy of
/// it as their own plan. Their change stays in the example whatever they choose, and goes into
/// the copy too, so it is never lost.
#[component]
fn ExampleChanged() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let changed = Memo::new(move |_| planner.plan.with(plan::is_changed_example));
    // Set when the user chooses to keep exploring: not asked again while the planner is open.
    let dismissed = RwSignal::new(false);
    // The id and title of the copy just made, said while it is open.
    let made = RwSignal::new(None::<(String, String)>);
    Effect::new(move |_| {
        let open = planner.plan.with(|p| p.id.clone());
        if made.with_untracked(|m| m.as_ref().is_some_and(|(id, _)| *id != open)) {
            made.set(None);
        }
    });
    let make_copy = move || {
        if let Some(id) = planner.copy_open_plan() {
            made.set(Some((id, planner.plan.with_untracked(|p| p.title.clone()))));
            focus_soon(app, "rep-banner-own-copy");
        }
    };
    let keep_exploring = move || {
        dismissed.set(true);
        focus_soon(app, SCREEN_HEADING);
    };
    view! {
        {move || {
            (changed.get() && !dismissed.get())
                .then(|| {
                    view! {
                        <div
                            class="rep-banner rep-banner--warning"
                            role="status"
                            id="rep-banner-example"
                            aria-labelledby="rep-banner-example-title"
                        >
                            <h2 class="rep-banner__title" id="rep-banner-example-title">
                                {pm::EXAMPLE_CHANGED_TITLE}
                            </h2>
                            <p>{pm::EXAMPLE_CHANGED_TEXT}</p>
                            <div class="rep-button-group">
                                <button
                                    type="button"
                                    class="rep-button"
                                    id="rep-make-own-copy"
                                    on:click=move |_| make_copy()
                                >
                                    {pm::MAKE_OWN_COPY}
                                </button>
                                <button
                                    type="button"
                                    class="rep-button rep-button--secondary"
                                    id="rep-keep-exploring"
                                    on:click=move |_| keep_exploring()
                                >
                                    {pm::KEEP_EXPLORING}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
        {move || {
            made.get()
                .map(|(_, title)| {
                    view! {
                        <div class="rep-banner rep-banner--success" role="status" id="rep-banner-own-copy" tabindex="-1">
                            <p>{pm::own_copy_made(&title)}</p>
                            {banner_button(pm::DISMISS_NOTE, true, move || {
                                made.set(None);
                                focus_soon(app, SCREEN_HEADING);
                            })}
                        </div>
                    }
                })
        }}
    }
}
