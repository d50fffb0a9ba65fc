//! What the group agrees: the organisation's stage, and a stage for each department named by a
//! participant.

use leptos::prelude::*;
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;

use super::{stage_from, stage_options, stage_value};
use crate::form::SelectField;
use crate::state::Planner;

#[component]
pub fn Agree() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let agreed = Memo::new(move |_| planner.plan.with(|p| stage_value(p.journey.agreed_stage)));
    // The departments as first typed, in order; a select each, keyed by place and name (its id
    // is by place, its edit by name).
    let departments = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.journey
                .departments()
                .into_iter()
                .map(String::from)
                .enumerate()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 class="rep-heading-m" id="rep-j-agree" tabindex="-1">{m::AGREE_TITLE}</h3>
        <p class="rep-hint">{m::AGREE_HINT}</p>
        <SelectField
            id="rep-j-agreed"
            label=m::AGREED_FOR_ORGANISATION
            options=stage_options(m::NOT_AGREED)
            value=agreed
            on_change=Callback::new(move |v: String| {
                planner.apply(Edit::SetAgreedStage { stage: stage_from(&v) });
            })
        />
        <For
            each=move || departments.get()
            key=|entry| entry.clone()
            children=move |(n, name)| view! { <Department n=n name=name/> }
        />
    }
}

/// One department's agreed stage.
#[component]
fn Department(n: usize, name: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let stage = {
        let name = name.clone();
        Memo::new(move |_| {
            planner
                .plan
                .with(|p| stage_value(p.journey.department_stage(&name)))
        })
    };
    let department = name.clone();
    view! {
        <SelectField
            id=format!("rep-j-dept-{n}")
            label=format!("{} {name}", m::AGREED_FOR)
            options=stage_options(m::NOT_AGREED)
            value=stage
            on_change=Callback::new(move |v: String| {
                planner.apply(Edit::SetDepartmentStage {
                    department: department.clone(),
                    stage: stage_from(&v),
                });
            })
        />
    }
}
