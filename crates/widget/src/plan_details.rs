//! The "About this plan" form: the plan's name, who it belongs to, and the organisation's words.

use leptos::prelude::*;
use race_equity_domain::plan::Plan;

use crate::state::Planner;

/// One labelled text field bound to a part of the open plan.
#[component]
fn PlanField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    read: fn(&Plan) -> String,
    write: fn(&mut Plan, String),
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="rep-form-group">
            <label class="rep-label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="rep-hint" id=hint_id.clone()>{h}</p> })}
            <input
                class="rep-input"
                type="text"
                id=id
                autocomplete="off"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || planner.plan.with(read)
                readonly=move || planner.read_only.get().is_some()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    planner.edit(|plan| write(plan, value));
                }
            />
        </div>
    }
}

/// The plan's details, editable; every change is autosaved and logged.
#[component]
pub fn PlanDetails() -> impl IntoView {
    view! {
        <section class="rep-section" aria-labelledby="rep-details-heading">
            <h2 class="rep-heading-l" id="rep-details-heading">"About this plan"</h2>
            <PlanField id="rep-plan-title" label="Plan name" read=|p| p.title.clone() write=|p, v| p.title = v/>
            <PlanField id="rep-plan-organisation" label="Organisation" read=|p| p.organisation.clone() write=|p, v| p.organisation = v/>
            <PlanField id="rep-plan-team" label="Team or service" read=|p| p.team.clone() write=|p, v| p.team = v/>
            <PlanField
                id="rep-plan-period"
                label="Reporting period"
                hint="For example, April 2025 to March 2026."
                read=|p| p.reporting_period.clone()
                write=|p, v| p.reporting_period = v
            />
            <PlanField
                id="rep-plan-term"
                label="Your words for the group that experiences racism"
                hint="Used everywhere the planner compares groups. Use the words your organisation has agreed with its staff and communities; many have asked not to be called \"BAME\"."
                read=|p| p.settings.comparison_group_term.clone()
                write=|p, v| p.settings.comparison_group_term = v
            />
        </section>
    }
}
