//! The REAP anchor checklist: the meeting rule's result at a glance, reviews, then each theme's
//! anchors with their status, evidence, who, review date, linked actions and guidance, and the
//! Employment Specialists' caseloads under anchor 3.3 ([`caseload`]).
//!
//! Each anchor is its own component over a memo of its record, so a keystroke in one anchor
//! redraws that anchor only (and the summary, if its status changed).

mod caseload;

use leptos::prelude::*;
use race_equity_domain::dates::long_or_as_is;
use race_equity_domain::file_names::download_name;
use race_equity_domain::messages::reap as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::AnchorRecord;
use race_equity_domain::reap::{self, Anchor, AnchorStatus, Theme};
use race_equity_domain::reap_print;

use crate::actions::ActionFields;
use crate::download::download;
use crate::form::{
    app_root, chosen_audience, focus_soon, print, AudienceChoice, Button, Confirming, DateField,
    PageContents, RemoveButton, SelectField, StatusTag, TextArea, TextField, Tone,
};
use crate::state::{now, today, Planner};

/// The radio group asking who the print or CSV is for.
const AUDIENCE: &str = "rep-reap-audience";

/// "1.1" as it appears in element ids.
fn slug(id: &str) -> String {
    id.replace('.', "-")
}

/// The colour of a status's tag.
fn status_tone(status: AnchorStatus) -> Tone {
    match status {
        AnchorStatus::NotStarted => Tone::Grey,
        AnchorStatus::InProgress => Tone::Blue,
        AnchorStatus::Met => Tone::Green,
        AnchorStatus::NotMet => Tone::Red,
    }
}

/// The whole checklist screen.
#[component]
pub fn ReapScreen() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    Confirming::provide();
    let audience = RwSignal::new(chosen_audience(AUDIENCE));
    let csv = Callback::new(move |()| {
        // The CSV holds the checklist's words only, no counts: nothing in it to suppress.
        let (name, text) = planner.plan.with_untracked(|p| {
            (
                download_name(&p.title, "reap-checklist", &now(), "csv"),
                p.reap.checklist_csv(&p.action_plan, &today()),
            )
        });
        if let Err(message) = download(&name, "text/csv", &text) {
            planner.notice(message);
        }
    });
    let print_checklist = Callback::new(move |()| {
        let page = planner
            .plan
            .with_untracked(|p| reap_print::printable_html(p, &today(), audience.get_untracked()));
        print(app, &page, m::PRINT_FRAME_TITLE);
    });
    // The first theme is drawn with the screen and each later one in a task of its own, so the top
    // of the checklist paints and answers a click before the whole of it is built (issue 18: time
    // to interactive; 17 anchors with the example plan took about 190 ms in one task).
    // `aria-busy` says the screen is still being drawn until the last theme is in.
    let drawn = RwSignal::new(1usize);
    draw_one_more_soon(drawn);
    let themes = Theme::ALL
        .into_iter()
        .enumerate()
        .map(|(i, theme)| {
            let shown = Memo::new(move |_| drawn.get() > i);
            view! { <Show when=move || shown.get()><ThemeSection theme=theme/></Show> }
        })
        .collect_view();
    let busy = move || (drawn.get() < Theme::ALL.len()).then_some("true");
    // Every anchor is two presses from the top (issue 18: 139 Tab presses from 1.2 to 4.6 before).
    let mut anchors = Vec::new();
    let mut contents = vec![
        ("rep-reap-summary".to_string(), m::SUMMARY_TITLE.to_string()),
        ("rep-reviews".to_string(), m::REVIEWS_TITLE.to_string()),
    ];
    for theme in Theme::ALL {
        let n = theme.number();
        contents.push((format!("rep-theme-{n}"), format!("{n}. {}", theme.title())));
        for anchor in reap::anchors_in(theme) {
            anchors.push(format!("rep-a-{}-title", slug(anchor.id)));
            contents.push((
                format!("rep-a-{}-title", slug(anchor.id)),
                format!("{} {}", anchor.id, anchor.title),
            ));
        }
    }
    view! {
        <div class="rep-reap" aria-busy=busy>
            <p class="rep-body-l">{m::INTRO}</p>
            <div class="rep-with-contents">
            <PageContents entries=contents indent=anchors/>
            <div class="rep-with-contents__main">
            <Summary/>
            <AudienceChoice name=AUDIENCE chosen=audience/>
            <div class="rep-button-group">
                <Button id="rep-csv" label=m::DOWNLOAD_CSV.to_string() on_press=csv always=true/>
                <Button id="rep-print" label=m::PRINT.to_string() on_press=print_checklist always=true/>
            </div>
            <Reviews/>
            {themes}
            </div>
            </div>
        </div>
    }
}

/// Draws the next theme in a task of its own, and so on until all are drawn; stops if the screen
/// has closed meanwhile (the signal is gone).
fn draw_one_more_soon(drawn: RwSignal<usize>) {
    set_timeout(
        move || {
            let more = drawn.try_update(|n| {
                *n += 1;
                *n < Theme::ALL.len()
            });
            if more == Some(true) {
                draw_one_more_soon(drawn);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Whether the team meets the REAP, theme by theme.
#[component]
fn Summary() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let rule = Memo::new(move |_| planner.plan.with(|p| p.reap.rule()));
    let tone = |met: bool| if met { Tone::Green } else { Tone::Grey };
    let no_evidence = Memo::new(move |_| planner.plan.with(|p| p.reap.met_without_evidence()));
    view! {
        <section class="rep-summary" aria-labelledby="rep-reap-summary">
            <h2 class="rep-heading-l" id="rep-reap-summary" tabindex="-1">{m::SUMMARY_TITLE}</h2>
            <p class="rep-summary__headline" role="status">
                <StatusTag
                    tone=Signal::derive(move || rule.with(|r| tone(r.met)))
                    text=Signal::derive(move || rule.with(|r| r.headline().to_string()))
                />
            </p>
            <ul class="rep-summary__themes">
                {move || {
                    rule.with(|r| {
                        r.themes
                            .iter()
                            .map(|t| {
                                let word = if t.met { m::THEME_MET } else { m::THEME_NOT_YET };
                                view! {
                                    <li>
                                        <strong class=tone(t.met).class()>{word}</strong>
                                        " "
                                        {t.sentence()}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            {move || {
                let anchors = no_evidence.get();
                (!anchors.is_empty()).then(|| {
                    view! {
                        <p class="rep-summary__warning" id="rep-reap-no-evidence">
                            <strong class=Tone::Yellow.class()>{m::NO_EVIDENCE_TAG}</strong>
                            " "
                            {m::met_without_evidence(&anchors)}
                        </p>
                    }
                })
            }}
        </section>
    }
}

/// The last review and what changed since, and starting a new one. The list of changes is keyed
/// by its sentences, inside a `<details>` that stays in the page while it has changes: a status
/// changed below updates one line, and the list stays open if the user opened it.
#[component]
fn Reviews() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    // (when, how many reviews) of the last review, or None before the first.
    let last = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.reap
                .reviews
                .last()
                .map(|review| (long_or_as_is(&review.date), p.reap.reviews.len()))
        })
    });
    let changes = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.reap.reviews.last().map_or_else(Vec::new, |review| {
                p.reap
                    .changes_since(review)
                    .iter()
                    .map(|c| c.sentence())
                    .collect::<Vec<String>>()
            })
        })
    });
    let when = move || last.with(|l| l.as_ref().map(|(when, _)| when.clone()).unwrap_or_default());
    let start = Callback::new(move |()| {
        if planner.apply(Edit::StartReview).is_some() {
            focus_soon(app, "rep-reviews");
        }
    });
    view! {
        <section class="rep-section" aria-labelledby="rep-reviews">
            <h2 class="rep-heading-l" id="rep-reviews" tabindex="-1">{m::REVIEWS_TITLE}</h2>
            <Show
                when=move || last.with(Option::is_some)
                fallback=|| view! { <p>{m::NO_REVIEW_YET}</p> }
            >
                <p>
                    {move || last.with(|l| l.as_ref().map(|(when, count)| m::last_review(when, *count)))}
                </p>
                <Show
                    when=move || changes.with(|c| !c.is_empty())
                    fallback=move || view! { <p>{move || m::no_changes_since(&when())}</p> }
                >
                    <details class="rep-details" id="rep-changes-since">
                        <summary class="rep-details__summary">
                            {move || m::changes_since(&when(), changes.with(Vec::len))}
                        </summary>
                        <ul class="rep-list rep-details__text">
                            <For
                                each=move || changes.get()
                                key=|sentence| sentence.clone()
                                children=|sentence| view! { <li>{sentence}</li> }
                            />
                        </ul>
                    </details>
                </Show>
            </Show>
            <p class="rep-hint">{m::REVIEW_HINT}</p>
            <Button id="rep-start-review" label=m::START_REVIEW.to_string() on_press=start/>
        </section>
    }
}

/// One theme's heading, requirement and anchors.
#[component]
fn ThemeSection(theme: Theme) -> impl IntoView {
    let n = theme.number();
    let heading = format!("rep-theme-{n}");
    let labelled_by = heading.clone();
    let anchors = reap::anchors_in(theme)
        .map(|anchor| view! { <AnchorItem anchor=anchor/> })
        .collect_view();
    view! {
        <section class="rep-section" aria-labelledby=labelled_by>
            <h2 class="rep-heading-l" id=heading tabindex="-1">{format!("{n}. {}", theme.title())}</h2>
            <p class="rep-hint">{format!("{} {}", theme.requirement_text(), theme.about())}</p>
            <ol class="rep-anchors">{anchors}</ol>
        </section>
    }
}

/// One anchor: its status and flags, guidance, fields, linked actions, and (for 3.3) the caseloads.
#[component]
fn AnchorItem(anchor: &'static Anchor) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let id = anchor.id;
    let s = slug(id);
    let which = format!("{} {id}", m::ANCHOR);
    let record = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.reap.anchors.get(id).cloned().unwrap_or_default())
    });
    // Today's date, read once when the screen is drawn (a JavaScript Date per anchor per keystroke
    // otherwise); opening the screen again reads it again.
    let today = today();
    let flags = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.reap
                .flags(id, &today)
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
        })
    });
    let text = move |get: fn(&AnchorRecord) -> &String| {
        Signal::derive(move || record.with(|r| get(r).clone()))
    };
    let statuses = AnchorStatus::ALL
        .into_iter()
        .map(|s| (s.id().to_string(), s.title().to_string()))
        .collect();
    let title_id = format!("rep-a-{s}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="rep-anchor" id=format!("rep-anchor-{s}") aria-labelledby=labelled_by>
            <h3 class="rep-heading-m" id=title_id tabindex="-1">{format!("{id} {}", anchor.title)}</h3>
            <p class="rep-anchor__tags">
                <StatusTag
                    tone=Signal::derive(move || status_tone(record.with(|r| r.status)))
                    text=Signal::derive(move || record.with(|r| r.status.title().to_string()))
                />
                {move || {
                    flags
                        .get()
                        .into_iter()
                        .map(|f| view! { " " <strong class=Tone::Yellow.class()>{f}</strong> })
                        .collect_view()
                }}
            </p>
            <details class="rep-details">
                <summary class="rep-details__summary">{format!("{} {id}", m::GUIDANCE_FOR)}</summary>
                // The framework's own guidance, written by us and compiled in: never text from a plan.
                <div class="rep-details__text" inner_html=reap::guidance_html(anchor)></div>
            </details>
            <SelectField
                id=format!("rep-a-{s}-status")
                label=m::STATUS
                which=which.clone()
                options=statuses
                value=Signal::derive(move || record.with(|r| r.status.id().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(status) = AnchorStatus::from_id(&v) {
                        planner.apply(Edit::SetAnchorStatus { anchor: id.into(), status });
                    }
                })
            />
            <TextArea
                id=format!("rep-a-{s}-evidence")
                label=m::EVIDENCE
                which=which.clone()
                hint=m::EVIDENCE_HINT
                value=text(|r| &r.evidence)
                on_input=Callback::new(move |evidence| {
                    planner.apply(Edit::SetAnchorEvidence { anchor: id.into(), evidence });
                })
            />
            <div class="rep-form-row">
                <TextField
                    id=format!("rep-a-{s}-who")
                    label=m::WHO
                    which=which.clone()
                    width="rep-input--medium"
                    value=text(|r| &r.who)
                    on_input=Callback::new(move |who| {
                        planner.apply(Edit::SetAnchorWho { anchor: id.into(), who });
                    })
                />
                <DateField
                    id=format!("rep-a-{s}-review")
                    label=m::REVIEW_DATE
                    which=which
                    value=text(|r| &r.review_date)
                    on_input=Callback::new(move |review_date| {
                        planner.apply(Edit::SetAnchorReviewDate { anchor: id.into(), review_date });
                    })
                />
            </div>
            {matches!(id, "1.1" | "1.2").then(|| view! { <ServiceToEvidence anchor=id/> })}
            <LinkedActions anchor=id/>
            {(id == "3.3").then(|| view! { <caseload::Specialists/> })}
        </li>
    }
}

/// For anchors 1.1 and 1.2: the Data screen's service figures, added to the evidence in words
/// (refused, with what to do, while there are none).
#[component]
fn ServiceToEvidence(anchor: &'static str) -> impl IntoView {
    let planner = expect_context::<Planner>();
    // Said beside the button, where the user is looking, rather than only in the banner at the top.
    let problem = RwSignal::new(None::<&'static str>);
    let add = Callback::new(move |()| {
        let applied = planner.apply(Edit::AddServiceFiguresToEvidence {
            anchor: anchor.into(),
        });
        problem.set(applied.is_none().then_some(m::NO_SERVICE_FIGURES));
    });
    let problem_id = format!("rep-a-{}-service-problem", slug(anchor));
    view! {
        <Button
            id=format!("rep-a-{}-service-to-evidence", slug(anchor))
            label=format!("{} {anchor}", m::SERVICE_TO_EVIDENCE)
            on_press=add
        />
        {move || problem.get().map(|text| view! { <p class="rep-error-message" id=problem_id.clone() role="alert">{text}</p> })}
    }
}

/// The actions linked to an anchor, each a row of fields with a removal, and adding one.
#[component]
fn LinkedActions(anchor: &'static str) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let s = slug(anchor);
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .actions_for_anchor(anchor)
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add_id = format!("rep-add-action-{s}");
    let add = Callback::new(move |()| {
        if let Some(applied) = planner.apply(Edit::AddActionForAnchor {
            anchor: anchor.into(),
        }) {
            if let Some(id) = applied.created {
                focus_soon(app, format!("rep-x-{id}-text"));
            }
        }
    });
    let add_id_for_rows = add_id.clone();
    view! {
        <h4 class="rep-heading-s">{format!("{} {anchor}", m::ACTIONS_FOR)}</h4>
        <Show
            when=move || ids.with(|i| !i.is_empty())
            fallback=|| view! { <p class="rep-hint">{m::NO_ACTIONS}</p> }
        >
            <ol class="rep-actions">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children={
                        let add_id = add_id_for_rows.clone();
                        move |x: String| {
                            let remove_id = x.clone();
                            // Where the action stands in the anchor's list, for screen readers.
                            let n = {
                                let x = x.clone();
                                Memo::new(move |_| ids.with(|all| all.iter().position(|i| *i == x).unwrap_or(0) + 1))
                            };
                            view! {
                                <li class="rep-action" id=format!("rep-x-{x}")>
                                    <ActionFields
                                        prefix="rep-x"
                                        id=x.clone()
                                        which=Signal::derive(move || format!("{} {} {} {anchor}", m::ACTION, n.get(), m::FOR))
                                    />
                                    <RemoveButton
                                        key=format!("remove-action/{x}")
                                        label=Signal::derive(move || format!("{} {} {} {anchor}", m::REMOVE_ACTION, n.get(), m::FOR))
                                        on_remove=Callback::new(move |()| {
                                            planner.apply(Edit::RemoveAction { id: remove_id.clone() });
                                        })
                                        then_focus=add_id.clone()
                                    />
                                </li>
                            }
                        }
                    }
                />
            </ol>
        </Show>
        <Button id=add_id label=format!("{} {anchor}", m::ADD_ACTION_FOR) on_press=add/>
    }
}
