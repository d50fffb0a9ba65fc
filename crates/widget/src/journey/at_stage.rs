//! Section 4: the agreed stage (after the cap): its barriers and breakthrough points, strengths,
//! areas to develop, and the six-month actions, each linked to a breakthrough point.

use leptos::prelude::*;
use race_equity_domain::journey::{breakthrough, Stage};
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;

use super::Section;
use crate::actions::{action_memo, ActionFields};
use crate::form::{app_root, focus_soon, Button, RemoveButton, SelectField, TextArea};
use crate::state::Planner;

#[component]
pub fn AtStage() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // (the stage shown, the stage chosen if the cap lowered it), once a stage is agreed.
    let shown = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.journey.overall().map(|result| {
                let chosen = p.journey.agreed_stage.filter(|_| result.capped);
                (result.stage, chosen)
            })
        })
    });
    view! {
        <Section id="rep-j-at-stage" title=m::AT_STAGE_TITLE>
            {move || match shown.get() {
                None => view! { <p>{m::AT_STAGE_NONE}</p> }.into_any(),
                Some((stage, chosen)) => view! { <AtThisStage stage=stage chosen=chosen/> }.into_any(),
            }}
        </Section>
    }
}

/// What the section shows once a stage is agreed; drawn again only when the stage shown changes.
#[component]
fn AtThisStage(stage: Stage, chosen: Option<Stage>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let text = move |get: fn(&race_equity_domain::plan::JourneySection) -> &String| {
        Signal::derive(move || planner.plan.with(|p| get(&p.journey).clone()))
    };
    let barriers = stage
        .barriers()
        .iter()
        .map(|b| view! { <li>{*b}</li> })
        .collect_view();
    let points = stage
        .breakthroughs()
        .map(|point| {
            view! {
                <li>
                    <strong>{format!("{}:", point.area.title())}</strong>
                    {format!(" {}", point.guidance)}
                </li>
            }
        })
        .collect_view();
    view! {
        {chosen.map(|chosen| view! { <p class="rep-hint">{m::shown_capped(stage.title(), chosen.title())}</p> })}
        <p><strong>{stage.title()}</strong>{format!(" {}", stage.explanation())}</p>
        <h3 class="rep-heading-m">{m::BARRIERS}</h3>
        <ul class="rep-list">{barriers}</ul>
        <h3 class="rep-heading-m">{m::BREAKTHROUGHS}</h3>
        <ul class="rep-list">{points}</ul>
        <TextArea
            id="rep-j-strengths"
            label=m::STRENGTHS
            which=stage.title()
            value=text(|j| &j.strengths)
            on_input=Callback::new(move |strengths| {
                planner.apply(Edit::SetStrengths { strengths });
            })
        />
        <TextArea
            id="rep-j-develop"
            label=m::TO_DEVELOP
            which=stage.title()
            value=text(|j| &j.to_develop)
            on_input=Callback::new(move |to_develop| {
                planner.apply(Edit::SetToDevelop { to_develop });
            })
        />
        <Actions stage=stage/>
    }
}

/// The actions linked to the stage shown, and adding one.
#[component]
fn Actions(stage: Stage) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .actions_for_stage(stage)
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = Callback::new(move |()| {
        if let Some(id) = planner
            .apply(Edit::AddActionForAgreedStage)
            .and_then(|a| a.created)
        {
            focus_soon(app, format!("rep-j-x-{id}-text"));
        }
    });
    view! {
        <h3 class="rep-heading-m" id="rep-j-actions" tabindex="-1">{m::ACTIONS_TITLE}</h3>
        <p class="rep-hint">{m::ACTIONS_HINT}</p>
        <Show
            when=move || ids.with(|i| !i.is_empty())
            fallback=|| view! { <p>{m::NO_ACTIONS}</p> }
        >
            <ol class="rep-actions">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <ActionRow id=id ids=ids stage=stage/> }
                />
            </ol>
        </Show>
        <Button id="rep-j-add-action" label=m::ADD_ACTION.to_string() on_press=add/>
    }
}

/// One action: what, who, by when, the breakthrough point it answers, and removing it.
#[component]
fn ActionRow(id: String, ids: Memo<Vec<String>>, stage: Stage) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let n = {
        let id = id.clone();
        Memo::new(move |_| ids.with(|all| all.iter().position(|i| *i == id).unwrap_or(0) + 1))
    };
    let which = Signal::derive(move || format!("{} {}", m::ACTION, n.get()));
    let action = action_memo(planner, id.clone());
    let linked = Memo::new(move |_| {
        action.with(|a| {
            a.as_ref()
                .and_then(|a| a.breakthroughs.first().cloned())
                .unwrap_or_default()
        })
    });
    // This stage's points, then one linked from another stage, so that it is shown as it is.
    let options = Memo::new(move |_| {
        let other = linked.with(|l| breakthrough(l).filter(|b| b.stage != stage));
        std::iter::once((String::new(), m::NONE_CHOSEN.to_string()))
            .chain(stage.breakthroughs().chain(other).map(|point| {
                (
                    point.id.to_string(),
                    format!("{} ({})", point.area.title(), point.stage.title()),
                )
            }))
            .collect::<Vec<_>>()
    });
    let x = id.clone();
    let breakthrough_id = format!("rep-j-x-{x}-breakthrough");
    let edit_id = id.clone();
    let remove_id = id.clone();
    view! {
        <li class="rep-action" id=format!("rep-j-x-{x}")>
            <ActionFields prefix="rep-j-x" id=id.clone() which=which/>
            // Drawn again only if the choices change (a point from another stage linked elsewhere).
            {move || {
                let edit_id = edit_id.clone();
                view! {
                    <SelectField
                        id=breakthrough_id.clone()
                        label=m::BREAKTHROUGH
                        which=which
                        options=options.get()
                        value=linked
                        on_change=Callback::new(move |v: String| {
                            planner.apply(Edit::SetActionBreakthrough {
                                id: edit_id.clone(),
                                breakthrough: Some(v).filter(|v| !v.is_empty()),
                            });
                        })
                    />
                }
            }}
            <RemoveButton
                key=format!("remove-action/{x}")
                label=Signal::derive(move || format!("{} {}", m::REMOVE_ACTION, n.get()))
                on_remove=Callback::new(move |()| {
                    planner.apply(Edit::RemoveAction { id: remove_id.clone() });
                })
                then_focus="rep-j-add-action"
            />
        </li>
    }
}
