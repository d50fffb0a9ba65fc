//! The action plan in the Social Care WRES layout: where the actions stand, who leads the plan
//! (the SC-WRES header), each objective with its numbered actions (what, lead, timeframe as
//! written, status, progress, and what each answers), and what no action answers yet.
//!
//! Each objective and each action is its own component over a memo of its record, so typing in
//! one redraws that one (and the summary, when a status or timeframe changes). The numbers, the
//! overdue flags and what an action answers come from the domain (`action_plan`, `timeframe`).

use leptos::prelude::*;
use race_equity_domain::action_plan::{self as ap, Unanswered};
use race_equity_domain::dates::Date;
use race_equity_domain::file_names::download_name;
use race_equity_domain::messages::action_plan as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::{
    Action, ActionStatus, HeaderField, Objective, VoiceEntry, VoiceField,
};
use race_equity_domain::stats::WORKFORCE_METRICS;
use race_equity_domain::{action_plan_export, plan_report};
use race_equity_domain::{reap, timeframe, wres};

use crate::actions::action_memo;
use crate::download::{download, download_bytes};
use crate::form::{
    app_root, chosen_audience, focus_soon, print, text_of, AudienceChoice, Button, Checkbox,
    Confirming, DateField, PageContents, RemoveButton, SelectField, StatusTag, TextArea, TextField,
    Tone,
};
use crate::state::{now, today, Planner};

const SUMMARY: &str = "rep-ap-summary";
const HEADER: &str = "rep-ap-header";
const OBJECTIVES: &str = "rep-ap-objectives";
const UNANSWERED: &str = "rep-ap-unanswered";
const DOWNLOADS: &str = "rep-ap-downloads";
const STEPS: &str = "rep-ap-steps";
const VOICE: &str = "rep-ap-voice";
const ADD_VOICE: &str = "rep-ap-add-voice";
/// The radio group asking who a download is for.
const AUDIENCE: &str = "rep-ap-audience";
const ADD_OBJECTIVE: &str = "rep-ap-add-objective";

fn status_tone(status: ActionStatus) -> Tone {
    match status {
        ActionStatus::NotStarted => Tone::Grey,
        ActionStatus::OnTrack => Tone::Blue,
        ActionStatus::AtRisk => Tone::Yellow,
        ActionStatus::Done => Tone::Green,
    }
}

/// Today's local date, read once when the screen is drawn (opening the screen again reads it
/// again).
fn local_today() -> Date {
    Date::parse_iso(&today()).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// The whole action plan screen.
#[component]
pub fn ActionPlanScreen() -> impl IntoView {
    let planner = expect_context::<Planner>();
    Confirming::provide();
    let today = local_today();
    provide_context(Today(today));
    provide_context(Filters(RwSignal::new(ap::Filter::default())));
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .objectives
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Each action's number across the plan, as SC-WRES plans number their actions.
    let numbers = Memo::new(move |_| planner.plan.with(|p| ap::numbers(&p.action_plan)));
    provide_context(Numbers(numbers));
    let contents = vec![
        (SUMMARY.to_string(), m::SUMMARY_TITLE.to_string()),
        (HEADER.to_string(), m::HEADER_TITLE.to_string()),
        (OBJECTIVES.to_string(), m::OBJECTIVES_TITLE.to_string()),
        (VOICE.to_string(), m::VOICE_TITLE.to_string()),
        (STEPS.to_string(), m::STEPS_TITLE.to_string()),
        (UNANSWERED.to_string(), m::UNANSWERED_TITLE.to_string()),
        (DOWNLOADS.to_string(), m::DOWNLOADS_TITLE.to_string()),
    ];
    let app = app_root();
    let add_objective = Callback::new(move |()| {
        if let Some(applied) = planner.apply(Edit::AddObjective) {
            if let Some(id) = applied.created {
                focus_soon(app, format!("rep-ob-{id}-title"));
            }
        }
    });
    view! {
        <div class="rep-action-plan">
            <p class="rep-body-l">{m::INTRO}</p>
            <div class="rep-with-contents">
                <PageContents entries=contents/>
                <div class="rep-with-contents__main">
                    <Summary/>
                    <Header/>
                    <section class="rep-section" aria-labelledby=OBJECTIVES>
                        <h2 class="rep-heading-l" id=OBJECTIVES tabindex="-1">{m::OBJECTIVES_TITLE}</h2>
                        <Show when=move || ids.with(Vec::is_empty)>
                            <p class="rep-hint">{m::NO_ACTIONS_YET}</p>
                        </Show>
                        <Show when=move || !ids.with(Vec::is_empty)>
                            <FilterBar/>
                        </Show>
                        <For
                            each=move || ids.get()
                            key=|id| id.clone()
                            children=move |id| view! { <ObjectiveItem id=id/> }
                        />
                        <Button id=ADD_OBJECTIVE label=m::ADD_OBJECTIVE.to_string() on_press=add_objective/>
                    </section>
                    <StaffVoice/>
                    <PlanningSteps/>
                    <NotYetAnswered/>
                    <Downloads/>
                </div>
            </div>
        </div>
    }
}

/// The filter over the actions, shared by the filter bar and each objective and action.
#[derive(Clone, Copy)]
struct Filters(RwSignal<ap::Filter>);

/// Filters for a progress meeting: by lead, status, theme, and overdue only; says how many
/// actions show. Objectives with no action that passes are hidden while a filter is on.
#[component]
fn FilterBar() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let Filters(filter) = expect_context::<Filters>();
    let Today(today) = expect_context::<Today>();
    let leads = Memo::new(move |_| {
        planner.plan.with(|p| {
            ap::leads(p)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    });
    let counts = Memo::new(move |_| filter.with(|f| planner.plan.with(|p| f.count(p, today))));
    let lead_options = move || {
        let chosen = filter.with(|f| f.lead.clone());
        std::iter::once((String::new(), m::ANY_LEAD.to_string()))
            .chain(leads.get().into_iter().map(|l| (l.clone(), l)))
            .map(|(value, words)| {
                let selected = chosen.as_deref() == Some(value.as_str()) && !value.is_empty();
                view! { <option value=value selected=selected>{words}</option> }
            })
            .collect_view()
    };
    let status_options = std::iter::once((String::new(), m::ANY_STATUS.to_string()))
        .chain(
            ActionStatus::ALL
                .into_iter()
                .map(|s| (s.id().to_string(), s.title().to_string())),
        )
        .map(|(value, words)| view! { <option value=value>{words}</option> })
        .collect_view();
    let theme_options = std::iter::once((String::new(), m::ANY_THEME.to_string()))
        .chain(
            wres::THEMES
                .iter()
                .map(|(t, _)| (t.to_string(), t.to_string())),
        )
        .map(|(value, words)| view! { <option value=value>{words}</option> })
        .collect_view();
    let some = |v: String| Some(v).filter(|v| !v.is_empty());
    view! {
        <div class="rep-filters" role="group" aria-labelledby="rep-ap-filters-title">
            <h3 class="rep-heading-s" id="rep-ap-filters-title">{m::FILTERS_TITLE}</h3>
            <div class="rep-form-row">
                <div class="rep-form-group">
                    <label class="rep-label" for="rep-ap-filter-lead">{m::LEAD}</label>
                    <select
                        class="rep-select"
                        id="rep-ap-filter-lead"
                        prop:value=move || filter.with(|f| f.lead.clone().unwrap_or_default())
                        on:change=move |ev| filter.update(|f| f.lead = some(event_target_value(&ev)))
                    >
                        {lead_options}
                    </select>
                </div>
                <div class="rep-form-group">
                    <label class="rep-label" for="rep-ap-filter-status">{m::STATUS}</label>
                    <select
                        class="rep-select"
                        id="rep-ap-filter-status"
                        prop:value=move || filter.with(|f| f.status.map(|s| s.id().to_string()).unwrap_or_default())
                        on:change=move |ev| filter.update(|f| f.status = ActionStatus::from_id(&event_target_value(&ev)))
                    >
                        {status_options}
                    </select>
                </div>
                <div class="rep-form-group">
                    <label class="rep-label" for="rep-ap-filter-theme">{m::THEME}</label>
                    <select
                        class="rep-select"
                        id="rep-ap-filter-theme"
                        prop:value=move || filter.with(|f| f.theme.clone().unwrap_or_default())
                        on:change=move |ev| filter.update(|f| f.theme = some(event_target_value(&ev)))
                    >
                        {theme_options}
                    </select>
                </div>
            </div>
            <Checkbox
                id="rep-ap-filter-overdue"
                label=m::OVERDUE_ONLY
                always=true
                checked=Signal::derive(move || filter.with(|f| f.overdue_only))
                on_change=Callback::new(move |on| filter.update(|f| f.overdue_only = on))
            />
            <p class="rep-filters__count" role="status" id="rep-ap-filter-count">
                {move || {
                    let (shown, total) = counts.get();
                    if filter.with(ap::Filter::is_off) {
                        String::new()
                    } else {
                        format!("{} {shown} {} {total} {}", m::SHOWING, m::OF, m::ACTIONS_WORD)
                    }
                }}
            </p>
            <Show when=move || !filter.with(ap::Filter::is_off)>
                <button
                    type="button"
                    class="rep-button rep-button--secondary"
                    id="rep-ap-filter-clear"
                    on:click=move |_| filter.set(ap::Filter::default())
                >
                    {m::CLEAR_FILTERS}
                </button>
            </Show>
        </div>
    }
}

/// Today's local date, for the overdue flags.
#[derive(Clone, Copy)]
struct Today(Date);

/// Every action's number, by id.
#[derive(Clone, Copy)]
struct Numbers(Memo<Vec<(String, u32)>>);

/// How many actions, by status, and how many overdue.
#[component]
fn Summary() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let Today(today) = expect_context::<Today>();
    let summary = Memo::new(move |_| {
        planner
            .plan
            .with(|p| ap::summary(p, today, |a| timeframe::read(&a.by_when)))
    });
    let headline = move || {
        summary.with(|s| {
            if s.actions == 0 {
                return m::NO_ACTIONS_YET.to_string();
            }
            m::actions_line(s.actions, s.by_status, s.overdue)
        })
    };
    view! {
        <section class="rep-summary" aria-labelledby=SUMMARY>
            <h2 class="rep-heading-l" id=SUMMARY tabindex="-1">{m::SUMMARY_TITLE}</h2>
            <p class="rep-summary__headline" role="status" id="rep-ap-headline">{headline}</p>
        </section>
    }
}

/// The SC-WRES plan header, with the plan's organisation.
#[component]
fn Header() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let fields = HeaderField::ALL
        .into_iter()
        .map(|field| {
            let id = format!("rep-ap-header-{}", field.id());
            let value = Signal::derive(move || {
                planner
                    .plan
                    .with(|p| field.of(&p.action_plan.header).clone())
            });
            let on_input = Callback::new(move |value: String| {
                planner.apply(Edit::SetPlanHeader { field, value });
            });
            if field.is_long() {
                view! { <TextArea id=id label=field.label() value=value on_input=on_input/> }
                    .into_any()
            } else {
                view! { <TextField id=id label=field.label() value=value on_input=on_input width="rep-input--wide"/> }
                    .into_any()
            }
        })
        .collect_view();
    view! {
        <section class="rep-section" aria-labelledby=HEADER>
            <h2 class="rep-heading-l" id=HEADER tabindex="-1">{m::HEADER_TITLE}</h2>
            <p class="rep-hint">{m::HEADER_HINT}</p>
            <TextField
                id="rep-ap-organisation"
                label=m::ORGANISATION
                width="rep-input--wide"
                value=Signal::derive(move || planner.plan.with(|p| p.organisation.clone()))
                on_input=Callback::new(move |organisation| {
                    planner.apply(Edit::SetOrganisation { organisation });
                })
            />
            {fields}
        </section>
    }
}

/// The open plan's objective with this id, without its actions (each action row reads its own).
fn objective_memo(planner: Planner, id: String) -> Memo<Option<Objective>> {
    Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .objectives
                .iter()
                .find(|o| o.id == id)
                .map(|o| Objective {
                    actions: Vec::new(),
                    ..o.clone()
                })
        })
    })
}

/// One objective: its number and words, lead, theme and indicators, then its actions.
#[component]
fn ObjectiveItem(id: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let objective = objective_memo(planner, id.clone());
    let n = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.action_plan
                    .objectives
                    .iter()
                    .position(|o| o.id == id)
                    .map_or(0, |i| i + 1)
            })
        })
    };
    let actions = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.action_plan
                    .objectives
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| o.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let text = move |get: fn(&Objective) -> &String| text_of(objective, get);
    let edit = |make: fn(String, String) -> Edit| planner.on_input(id.clone(), make);
    let which = Signal::derive(move || format!("{} {}", m::WHICH_OBJECTIVE, n.get()));
    let heading_id = format!("rep-ob-{id}-heading");
    let labelled_by = heading_id.clone();
    let heading = move || {
        let title = text(|o| &o.title).get();
        let title = match title.trim() {
            "" => m::UNTITLED_OBJECTIVE.to_string(),
            t => t.to_string(),
        };
        format!("{} {}: {title}", m::OBJECTIVE, n.get())
    };
    let themes = std::iter::once((String::new(), m::NO_THEME.to_string()))
        .chain(
            wres::THEMES
                .iter()
                .map(|(name, _)| (name.to_string(), name.to_string())),
        )
        .collect();
    let theme_edit = {
        let id = id.clone();
        Callback::new(move |theme: String| {
            planner.apply(Edit::SetObjectiveTheme {
                id: id.clone(),
                theme: Some(theme).filter(|t| !t.is_empty()),
            });
        })
    };
    let add_id = format!("rep-ob-{id}-add");
    let add = {
        let id = id.clone();
        Callback::new(move |()| {
            if let Some(applied) = planner.apply(Edit::AddAction {
                objective: id.clone(),
            }) {
                if let Some(created) = applied.created {
                    focus_soon(app, format!("rep-ap-{created}-text"));
                }
            }
        })
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            planner.apply(Edit::RemoveObjective { id: id.clone() });
        })
    };
    let add_for_rows = add_id.clone();
    let Filters(filter) = expect_context::<Filters>();
    let Today(today) = expect_context::<Today>();
    let hidden = {
        let id = id.clone();
        Memo::new(move |_| {
            filter.with(|f| {
                !f.is_off()
                    && planner.plan.with(|p| {
                        p.action_plan
                            .objectives
                            .iter()
                            .find(|o| o.id == id)
                            .is_some_and(|o| f.hides_objective(o, today))
                    })
            })
        })
    };
    view! {
        <section class="rep-objective" aria-labelledby=labelled_by hidden=move || hidden.get()>
            <h3 class="rep-heading-m" id=heading_id tabindex="-1">{heading}</h3>
            <TextField
                id=format!("rep-ob-{id}-title")
                label=m::OBJECTIVE_TITLE_LABEL
                which=which
                width="rep-input--wide"
                value=text(|o| &o.title)
                on_input=edit(|id, title| Edit::SetObjectiveTitle { id, title })
            />
            <div class="rep-form-row">
                <TextField
                    id=format!("rep-ob-{id}-lead")
                    label=m::LEAD
                    which=which
                    width="rep-input--medium"
                    value=text(|o| &o.lead)
                    on_input=edit(|id, lead| Edit::SetObjectiveLead { id, lead })
                />
                <SelectField
                    id=format!("rep-ob-{id}-theme")
                    label=m::THEME
                    which=which
                    options=themes
                    value=text(|o| &o.theme)
                    on_change=theme_edit
                />
            </div>
            <TextArea
                id=format!("rep-ob-{id}-indicators")
                label=m::INDICATORS
                which=which
                hint=m::INDICATORS_HINT
                value=text(|o| &o.indicators)
                on_input=edit(|id, indicators| Edit::SetObjectiveIndicators { id, indicators })
            />
            <h4 class="rep-heading-s">{move || format!("{} {}", m::ACTIONS_IN, n.get())}</h4>
            <Show
                when=move || actions.with(|a| !a.is_empty())
                fallback=|| view! { <p class="rep-hint">{m::NO_ACTIONS_IN}</p> }
            >
                <ol class="rep-actions rep-actions--numbered">
                    <For
                        each=move || actions.get()
                        key=|id| id.clone()
                        children={
                            let add_id = add_for_rows.clone();
                            move |x: String| view! { <ActionItem id=x then_focus=add_id.clone()/> }
                        }
                    />
                </ol>
            </Show>
            <div class="rep-button-group">
                <Button
                    id=add_id
                    label=Signal::derive(move || format!("{} {}", m::ADD_ACTION, n.get()))
                    on_press=add
                />
                <RemoveButton
                    key=format!("remove-objective/{id}")
                    label=Signal::derive(move || format!("{} {}", m::REMOVE_OBJECTIVE, n.get()))
                    on_remove=remove
                    then_focus=ADD_OBJECTIVE
                />
            </div>
        </section>
    }
}

/// One action in the SC-WRES layout: its number, status and whether it is overdue; the specific
/// action, its lead, timeframe (as written, with how the planner reads it), status and progress;
/// and what it answers.
#[component]
fn ActionItem(id: String, then_focus: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let Today(today) = expect_context::<Today>();
    let Numbers(numbers) = expect_context::<Numbers>();
    let action = action_memo(planner, id.clone());
    let n = {
        let id = id.clone();
        Memo::new(move |_| {
            numbers.with(|all| all.iter().find(|(a, _)| *a == id).map_or(0, |(_, n)| *n))
        })
    };
    let field = move |get: fn(&Action) -> &String| text_of(action, get);
    let edit = |make: fn(String, String) -> Edit| planner.on_input(id.clone(), make);
    let status =
        Memo::new(move |_| action.with(|a| a.as_ref().map(|a| a.status).unwrap_or_default()));
    let overdue = Memo::new(move |_| {
        action.with(|a| a.as_ref().is_some_and(|a| ap::action_is_overdue(a, today)))
    });
    let reading = Memo::new(move |_| {
        action.with(|a| {
            a.as_ref()
                .map(|a| timeframe::describe(&timeframe::read(&a.by_when)))
                .unwrap_or_default()
        })
    });
    let answers =
        Memo::new(move |_| action.with(|a| a.as_ref().map(ap::answers).unwrap_or_default()));
    // The linked metrics' figures as the team sees them (every count: it is their own data).
    let data = Memo::new(move |_| {
        action.with(|a| {
            a.as_ref()
                .map(|a| planner.plan.with(|p| ap::data_from_metrics(p, a, false)))
                .unwrap_or_default()
        })
    });
    let which = Signal::derive(move || format!("{} {}", m::WHICH_ACTION, n.get()));
    let statuses = ActionStatus::ALL
        .into_iter()
        .map(|s| (s.id().to_string(), s.title().to_string()))
        .collect();
    let status_edit = {
        let id = id.clone();
        Callback::new(move |value: String| {
            if let Some(status) = ActionStatus::from_id(&value) {
                planner.apply(Edit::SetActionStatus {
                    id: id.clone(),
                    status,
                });
            }
        })
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            planner.apply(Edit::RemoveAction { id: id.clone() });
        })
    };
    let Filters(filter) = expect_context::<Filters>();
    let hidden = {
        let id = id.clone();
        Memo::new(move |_| {
            filter.with(|f| {
                !f.is_off()
                    && planner.plan.with(|p| {
                        !p.action_plan.objectives.iter().any(|o| {
                            o.actions
                                .iter()
                                .any(|a| a.id == id && f.passes(o, a, today))
                        })
                    })
            })
        })
    };
    let timeframe_id = format!("rep-ap-{id}-by_when");
    let reading_id = format!("{timeframe_id}-reading");
    view! {
        <li class="rep-action rep-action--planned" id=format!("rep-ap-{id}") hidden=move || hidden.get()>
            <p class="rep-action__tags">
                <strong class="rep-action__number">{move || format!("{} {}", m::ACTION_WORD, n.get())}</strong>
                " "
                <StatusTag
                    tone=Signal::derive(move || status_tone(status.get()))
                    text=Signal::derive(move || status.get().title().to_string())
                />
                {move || overdue.get().then(|| view! { " " <strong class=Tone::Red.class()>{m::OVERDUE_TAG}</strong> })}
            </p>
            <TextArea
                id=format!("rep-ap-{id}-text")
                label=m::SPECIFIC_ACTION
                which=which
                rows=2
                value=field(|a| &a.text)
                on_input=edit(|id, text| Edit::SetActionText { id, text })
            />
            <div class="rep-form-row">
                <TextField
                    id=format!("rep-ap-{id}-who")
                    label=m::LEAD
                    which=which
                    width="rep-input--medium"
                    value=field(|a| &a.who)
                    on_input=edit(|id, who| Edit::SetActionWho { id, who })
                />
                <div class="rep-form-group">
                    <crate::form::FieldLabel for_id=timeframe_id.clone() text=m::TIMEFRAME which=which/>
                    <p class="rep-hint" id=format!("{timeframe_id}-hint")>{m::TIMEFRAME_HINT}</p>
                    <crate::form::TextInput
                        id=timeframe_id.clone()
                        width="rep-input--medium"
                        value=field(|a| &a.by_when)
                        described_by=format!("{timeframe_id}-hint {reading_id}")
                        on_input=edit(|id, by_when| Edit::SetActionByWhen { id, by_when })
                    />
                    <p class="rep-hint rep-timeframe-reading" id=reading_id>
                        {m::READ_AS}" "{move || reading.get()}
                    </p>
                </div>
                <SelectField
                    id=format!("rep-ap-{id}-status")
                    label=m::STATUS
                    which=which
                    options=statuses
                    value=Signal::derive(move || status.get().id().to_string())
                    on_change=status_edit
                />
            </div>
            <TextArea
                id=format!("rep-ap-{id}-progress")
                label=m::PROGRESS
                which=which
                rows=2
                value=field(|a| &a.progress)
                on_input=edit(|id, progress| Edit::SetActionProgress { id, progress })
            />
            {move || {
                let lines = data.get();
                (!lines.is_empty()).then(|| {
                    let items = lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
                    view! {
                        <p class="rep-label-s">{m::DATA_FROM_METRICS}</p>
                        <ul class="rep-list">{items}</ul>
                    }
                })
            }}
            <MetricLinks id=id.clone() which=which/>
            <p class="rep-label-s">{m::ANSWERS}</p>
            {move || {
                let lines = answers.get();
                if lines.is_empty() {
                    view! { <p class="rep-hint">{m::ANSWERS_NOTHING}</p> }.into_any()
                } else {
                    let items = lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
                    view! { <ul class="rep-list">{items}</ul> }.into_any()
                }
            }}
            <RemoveButton
                key=format!("remove-action/{id}")
                label=Signal::derive(move || format!("{} {}", m::REMOVE_ACTION, n.get()))
                on_remove=remove
                then_focus=then_focus
            />
        </li>
    }
}

/// The five steps of SC-WRES action planning: each with what it involves, whether it is done,
/// when, and notes.
#[component]
fn PlanningSteps() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let items = wres::PLANNING_STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let step_id = step.id;
            let record = Memo::new(move |_| {
                planner.plan.with(|p| {
                    p.action_plan
                        .steps
                        .iter()
                        .find(|r| r.step == step_id)
                        .cloned()
                        .unwrap_or_default()
                })
            });
            let which = format!("{} {}", m::WHICH_STEP, i + 1);
            view! {
                <li class="rep-step">
                    <h3 class="rep-heading-m" id=format!("rep-ap-step-{step_id}")>
                        {format!("{} {}: {}", m::STEP, i + 1, step.title)}
                    </h3>
                    <p class="rep-hint">{step.about}</p>
                    <Checkbox
                        id=format!("rep-ap-step-{step_id}-done")
                        label=m::STEP_DONE
                        which=which.clone()
                        checked=Signal::derive(move || record.with(|r| r.done))
                        on_change=Callback::new(move |done| {
                            planner.apply(Edit::SetStepDone { step: step_id.to_string(), done });
                        })
                    />
                    <DateField
                        id=format!("rep-ap-step-{step_id}-date")
                        label=m::STEP_DATE
                        which=which.clone()
                        value=Signal::derive(move || record.with(|r| r.date.clone()))
                        on_input=Callback::new(move |date| {
                            planner.apply(Edit::SetStepDate { step: step_id.to_string(), date });
                        })
                    />
                    <TextArea
                        id=format!("rep-ap-step-{step_id}-notes")
                        label=m::STEP_NOTES
                        which=which
                        rows=2
                        value=Signal::derive(move || record.with(|r| r.notes.clone()))
                        on_input=Callback::new(move |notes| {
                            planner.apply(Edit::SetStepNotes { step: step_id.to_string(), notes });
                        })
                    />
                </li>
            }
        })
        .collect_view();
    let done = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.action_plan.steps.iter().filter(|r| r.done).count())
    });
    view! {
        <section class="rep-section" aria-labelledby=STEPS>
            <h2 class="rep-heading-l" id=STEPS tabindex="-1">{m::STEPS_TITLE}</h2>
            <p class="rep-hint">{m::STEPS_HINT}</p>
            <p role="status" id="rep-ap-steps-done">{move || format!("{} {} {}", done.get(), m::OF_FIVE, m::STEPS_DONE)}</p>
            <ol class="rep-steps">{items}</ol>
        </section>
    }
}

/// The staff-voice log: each time staff were heard, how, who, what they said and what changed.
#[component]
fn StaffVoice() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .voice
                .iter()
                .map(|v| v.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = Callback::new(move |()| {
        if let Some(id) = planner.apply(Edit::AddVoiceEntry).and_then(|a| a.created) {
            focus_soon(app, format!("rep-ap-voice-{id}-date"));
        }
    });
    view! {
        <section class="rep-section" aria-labelledby=VOICE>
            <h2 class="rep-heading-l" id=VOICE tabindex="-1">{m::VOICE_TITLE}</h2>
            <p class="rep-hint">{m::VOICE_HINT}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p>{m::NO_VOICE}</p>
            </Show>
            <ol class="rep-actions rep-actions--numbered">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <VoiceItem id=id/> }
                />
            </ol>
            <Button id=ADD_VOICE label=m::ADD_VOICE.to_string() on_press=add/>
        </section>
    }
}

/// One entry of the staff-voice log.
#[component]
fn VoiceItem(id: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let entry = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.action_plan
                    .voice
                    .iter()
                    .find(|v| v.id == id)
                    .cloned()
                    .unwrap_or_default()
            })
        })
    };
    let n = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.action_plan
                    .voice
                    .iter()
                    .position(|v| v.id == id)
                    .map_or(0, |i| i + 1)
            })
        })
    };
    let which = Signal::derive(move || format!("{} {}", m::WHICH_VOICE, n.get()));
    let value =
        move |field: VoiceField| Signal::derive(move || entry.with(|e| field.of(e).clone()));
    let set = |field: VoiceField| {
        let id = id.clone();
        Callback::new(move |value: String| {
            planner.apply(Edit::SetVoiceEntry {
                id: id.clone(),
                field,
                value,
            });
        })
    };
    let hows = std::iter::once((String::new(), m::HOW_NOT_SAID.to_string()))
        .chain(
            VoiceEntry::HOW
                .iter()
                .zip(m::HOW_WORDS)
                .map(|(id, words)| (id.to_string(), words.to_string())),
        )
        .collect();
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            planner.apply(Edit::RemoveVoiceEntry { id: id.clone() });
        })
    };
    view! {
        <li class="rep-action rep-action--planned" id=format!("rep-ap-voice-{id}")>
            <p class="rep-action__tags"><strong>{move || format!("{} {}", m::VOICE_ENTRY, n.get())}</strong></p>
            <div class="rep-form-row">
                <DateField
                    id=format!("rep-ap-voice-{id}-date")
                    label=m::VOICE_DATE
                    which=which
                    value=value(VoiceField::Date)
                    on_input=set(VoiceField::Date)
                />
                <SelectField
                    id=format!("rep-ap-voice-{id}-how")
                    label=m::VOICE_HOW
                    which=which
                    options=hows
                    value=value(VoiceField::How)
                    on_change=set(VoiceField::How)
                />
            </div>
            <TextField
                id=format!("rep-ap-voice-{id}-who")
                label=m::VOICE_WHO
                which=which
                width="rep-input--wide"
                value=value(VoiceField::Who)
                on_input=set(VoiceField::Who)
            />
            <TextArea
                id=format!("rep-ap-voice-{id}-feedback")
                label=m::VOICE_FEEDBACK
                which=which
                rows=2
                value=value(VoiceField::Feedback)
                on_input=set(VoiceField::Feedback)
            />
            <TextArea
                id=format!("rep-ap-voice-{id}-changed")
                label=m::VOICE_CHANGED
                which=which
                rows=2
                value=value(VoiceField::Changed)
                on_input=set(VoiceField::Changed)
            />
            <RemoveButton
                key=format!("remove-voice/{id}")
                label=Signal::derive(move || format!("{} {}", m::REMOVE_VOICE, n.get()))
                on_remove=remove
                then_focus=ADD_VOICE
            />
        </li>
    }
}

/// The SC-WRES metrics an action answers, as checkboxes in a section that opens on request (ten
/// per action would make the plan hard to read).
#[component]
fn MetricLinks(id: String, which: Signal<String>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let linked = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.action_plan
                    .objectives
                    .iter()
                    .flat_map(|o| &o.actions)
                    .find(|a| a.id == id)
                    .map(|a| a.metrics.clone())
                    .unwrap_or_default()
            })
        })
    };
    let boxes = WORKFORCE_METRICS
        .into_iter()
        .map(|metric| {
            let metric_id = wres::metric_id(metric);
            let box_id = format!("rep-ap-{id}-metric-{metric_id}");
            let action = id.clone();
            view! {
                <Checkbox
                    id=box_id
                    label=wres::metric_title(metric)
                    checked=Signal::derive(move || linked.with(|l| l.iter().any(|m| m == metric_id)))
                    on_change=Callback::new(move |linked| {
                        planner.apply(Edit::SetActionMetric { id: action.clone(), metric, linked });
                    })
                />
            }
        })
        .collect_view();
    let summary = move || {
        let n = linked.with(Vec::len);
        format!("{} ({n} {})", m::METRICS_LINKED, m::CHOSEN)
    };
    view! {
        <details class="rep-details">
            <summary class="rep-details__summary">
                {summary}
                <span class="rep-visually-hidden">{move || format!(" ({})", which.get())}</span>
            </summary>
            <fieldset class="rep-fieldset">
                <legend class="rep-visually-hidden">{move || format!("{} ({})", m::METRICS_LINKED, which.get())}</legend>
                {boxes}
            </fieldset>
        </details>
    }
}

/// Downloads of the action plan, for the team or to share outside it.
#[component]
fn Downloads() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let Today(today) = expect_context::<Today>();
    let audience = RwSignal::new(chosen_audience(AUDIENCE));
    let name = move |ext: &str| {
        planner
            .plan
            .with_untracked(|p| download_name(&p.title, "action-plan", &now(), ext))
    };
    let csv = Callback::new(move |()| {
        let text = planner
            .plan
            .with_untracked(|p| action_plan_export::csv(p, today, audience.get_untracked()));
        if let Err(message) = download(&name("csv"), "text/csv", &text) {
            planner.notice(message);
        }
    });
    let xlsx = Callback::new(move |()| {
        let bytes = planner
            .plan
            .with_untracked(|p| action_plan_export::xlsx(p, today, audience.get_untracked()));
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if let Err(message) = download_bytes(&name("xlsx"), mime, &bytes) {
            planner.notice(message);
        }
    });
    let app = app_root();
    let parts = RwSignal::new(plan_report::Parts::ALL);
    let print_report = Callback::new(move |()| {
        let page = planner.plan.with_untracked(|p| {
            plan_report::report_html(
                p,
                &crate::state::today(),
                audience.get_untracked(),
                parts.get_untracked(),
            )
        });
        print(app, &page, m::REPORT_FRAME_TITLE);
    });
    let print_board = Callback::new(move |()| {
        let page = planner.plan.with_untracked(|p| {
            plan_report::board_summary_html(p, &crate::state::today(), audience.get_untracked())
        });
        print(app, &page, m::BOARD_FRAME_TITLE);
    });
    type Get = fn(&plan_report::Parts) -> bool;
    type Set = fn(&mut plan_report::Parts, bool);
    let part_box = move |id: &'static str, words: &'static str, get: Get, set: Set| {
        view! {
            <Checkbox
                id=id
                label=words
                always=true
                checked=Signal::derive(move || parts.with(get))
                on_change=Callback::new(move |on| parts.update(|p| set(p, on)))
            />
        }
    };
    view! {
        <section class="rep-section" aria-labelledby=DOWNLOADS>
            <h2 class="rep-heading-l" id=DOWNLOADS tabindex="-1">{m::DOWNLOADS_TITLE}</h2>
            <p class="rep-hint">{m::DOWNLOADS_HINT}</p>
            <AudienceChoice name=AUDIENCE chosen=audience/>
            <fieldset class="rep-fieldset">
                <legend class="rep-label">{m::REPORT_PARTS}</legend>
                {part_box("rep-ap-part-reap", m::PART_REAP, |p| p.reap, |p, on| p.reap = on)}
                {part_box("rep-ap-part-journey", m::PART_JOURNEY, |p| p.journey, |p, on| p.journey = on)}
                {part_box("rep-ap-part-actions", m::PART_ACTIONS, |p| p.action_plan, |p, on| p.action_plan = on)}
            </fieldset>
            <div class="rep-button-group">
                <Button id="rep-ap-print-report" label=m::PRINT_REPORT.to_string() on_press=print_report always=true/>
                <Button id="rep-ap-print-board" label=m::PRINT_BOARD.to_string() on_press=print_board always=true/>
            </div>
            <div class="rep-button-group">
                <Button id="rep-ap-csv" label=m::DOWNLOAD_CSV.to_string() on_press=csv always=true/>
                <Button id="rep-ap-xlsx" label=m::DOWNLOAD_XLSX.to_string() on_press=xlsx always=true/>
            </div>
        </section>
    }
}

/// What the other parts found that no action answers yet.
#[component]
fn NotYetAnswered() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let unanswered = Memo::new(move |_| planner.plan.with(ap::unanswered));
    let body = move || {
        unanswered.with(|u: &Unanswered| {
            if u.is_empty() {
                return view! { <p>{m::ALL_ANSWERED}</p> }.into_any();
            }
            let anchors = (!u.anchors.is_empty()).then(|| {
                let items = u
                    .anchors
                    .iter()
                    .filter_map(|id| reap::anchor(id))
                    .map(|a| view! { <li>{format!("{} {}", a.id, a.title)}</li> })
                    .collect_view();
                view! { <h3 class="rep-heading-s">{m::UNMET_ANCHORS}</h3><ul class="rep-list">{items}</ul> }
            });
            let metrics = (!u.metrics.is_empty()).then(|| {
                let items = u
                    .metrics
                    .iter()
                    .map(|metric| view! { <li>{wres::metric_title(*metric)}</li> })
                    .collect_view();
                let period = u.period.clone().unwrap_or_default();
                view! { <h3 class="rep-heading-s">{format!("{} {period}", m::ADVERSE_METRICS)}</h3><ul class="rep-list">{items}</ul> }
            });
            let breakthroughs = (!u.breakthroughs.is_empty()).then(|| {
                let items = u
                    .breakthroughs
                    .iter()
                    .filter_map(|id| race_equity_domain::journey::breakthrough(id))
                    .map(|b| view! { <li>{b.area.title()}</li> })
                    .collect_view();
                view! { <h3 class="rep-heading-s">{m::BREAKTHROUGHS}</h3><ul class="rep-list">{items}</ul> }
            });
            view! { {anchors}{metrics}{breakthroughs} }.into_any()
        })
    };
    view! {
        <section class="rep-section" aria-labelledby=UNANSWERED>
            <h2 class="rep-heading-l" id=UNANSWERED tabindex="-1">{m::UNANSWERED_TITLE}</h2>
            <p class="rep-hint">{m::UNANSWERED_HINT}</p>
            {body}
        </section>
    }
}
