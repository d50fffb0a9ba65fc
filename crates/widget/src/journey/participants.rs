//! Section 3: everyone's view. Each participant is a row keyed by id (name, department, the
//! stage they see, what supports it, and removing them); below them, what the group thinks
//! ([`super::results`]) and what it agrees ([`super::departments`]).

use leptos::prelude::*;
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::{JourneySection, Participant};

use super::{stage_from, stage_options, stage_value, Section};
use crate::form::{
    app_root, focus_soon, Button, FieldLabel, RemoveButton, SelectField, TextArea, TextInput,
};
use crate::state::Planner;

/// What a participant is called in the results and labels: their name or role, or
/// "Participant 3".
pub fn who(journey: &JourneySection, index: usize) -> String {
    match journey.participants.get(index).map(|p| p.name.trim()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => format!("{} {}", m::PARTICIPANT, index + 1),
    }
}

#[component]
pub fn Workshop() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.journey
                .participants
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = Callback::new(move |()| {
        if let Some(id) = planner.apply(Edit::AddParticipant).and_then(|a| a.created) {
            focus_soon(app, format!("rep-j-p-{id}-name"));
        }
    });
    view! {
        <Section id="rep-j-workshop" title=m::WORKSHOP_TITLE>
            <p class="rep-hint">{m::WORKSHOP_HINT}</p>
            <Show
                when=move || ids.with(|i| !i.is_empty())
                fallback=|| view! { <p>{m::NO_PARTICIPANTS}</p> }
            >
                <ol class="rep-anchors">
                    <For
                        each=move || ids.get()
                        key=|id| id.clone()
                        children=move |id| view! { <ParticipantRow id=id ids=ids/> }
                    />
                </ol>
            </Show>
            <Button id="rep-j-add-participant" label=m::ADD_PARTICIPANT.to_string() on_press=add/>
            <super::results::Results/>
            <super::departments::Agree/>
        </Section>
    }
}

/// One participant's view.
#[component]
fn ParticipantRow(id: String, ids: Memo<Vec<String>>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let participant = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.journey
                    .participants
                    .iter()
                    .find(|p| p.id == id)
                    .cloned()
                    .unwrap_or_default()
            })
        })
    };
    // Where they stand in the list: "Participant 2".
    let n = {
        let id = id.clone();
        Memo::new(move |_| ids.with(|all| all.iter().position(|i| *i == id).unwrap_or(0)))
    };
    // Their name, or "Participant 2", naming each field for screen readers.
    let which = Memo::new(move |_| planner.plan.with(|p| who(&p.journey, n.get())));
    let which: Signal<String> = which.into();
    let field = move |get: fn(&Participant) -> &String| {
        Signal::derive(move || participant.with(|p| get(p).clone()))
    };
    let edit = |make: fn(String, String) -> Edit| {
        let id = id.clone();
        Callback::new(move |value: String| {
            planner.apply(make(id.clone(), value));
        })
    };
    let p = &id;
    let title_id = format!("rep-j-p-{p}-title");
    let labelled_by = title_id.clone();
    let name_id = format!("rep-j-p-{p}-name");
    let department_id = format!("rep-j-p-{p}-department");
    let stage_id = id.clone();
    let remove_id = id.clone();
    view! {
        <li class="rep-anchor" id=format!("rep-j-p-{p}") aria-labelledby=labelled_by>
            <h3 class="rep-heading-m" id=title_id>
                {move || format!("{} {}", m::PARTICIPANT, n.get() + 1)}
            </h3>
            <div class="rep-form-row">
                <div class="rep-form-group">
                    <FieldLabel for_id=name_id.clone() text=m::NAME_OR_ROLE which=which/>
                    <TextInput
                        id=name_id
                        width="rep-input--medium"
                        value=field(|p| &p.name)
                        on_input=edit(|id, name| Edit::SetParticipantName { id, name })
                    />
                </div>
                <div class="rep-form-group">
                    <FieldLabel for_id=department_id.clone() text=m::DEPARTMENT which=which/>
                    <TextInput
                        id=department_id
                        width="rep-input--medium"
                        value=field(|p| &p.department)
                        on_input=edit(|id, department| Edit::SetParticipantDepartment { id, department })
                    />
                </div>
                <SelectField
                    id=format!("rep-j-p-{p}-stage")
                    label=m::THEIR_STAGE
                    which=which
                    options=stage_options(m::NO_STAGE)
                    value=Signal::derive(move || participant.with(|p| stage_value(p.stage)))
                    on_change=Callback::new(move |v: String| {
                        planner.apply(Edit::SetParticipantStage { id: stage_id.clone(), stage: stage_from(&v) });
                    })
                />
            </div>
            <TextArea
                id=format!("rep-j-p-{p}-evidence")
                label=m::SUPPORT
                which=which
                value=field(|p| &p.evidence)
                on_input=edit(|id, evidence| Edit::SetParticipantEvidence { id, evidence })
            />
            <RemoveButton
                key=format!("remove-participant/{p}")
                label=Signal::derive(move || format!("{} {}", m::REMOVE, which.get()))
                on_remove=Callback::new(move |()| {
                    planner.apply(Edit::RemoveParticipant { id: remove_id.clone() });
                })
                then_focus="rep-j-add-participant"
            />
        </li>
    }
}
