//! "Start a new plan": a name (asked for, never made up), and the example plan to explore.

use leptos::html;
use leptos::prelude::*;
use race_equity_domain::messages::{forms, plans as m};
use race_equity_domain::plan::{self, Plan};

use crate::form::{app_root, focus_soon, ErrorSummary, Problem};
use crate::state::Planner;

/// The new plan's name field.
const FIELD: &str = "rep-new-title";

/// The new plan form. Enter in the name, or "Create plan", makes the plan and opens it, and
/// says so; an empty or blank name is refused with a message beside the field and in an error
/// summary, so a second press never makes an "Untitled plan".
#[component]
pub fn NewPlan() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let input = NodeRef::<html::Input>::new();
    let missing = RwSignal::new(false);
    // What the last creation made, said in a live region.
    let created = RwSignal::new(None::<String>);
    let problems = Signal::derive(move || {
        if missing.get() {
            vec![Problem {
                field: FIELD.into(),
                message: m::NAME_NEEDED.into(),
            }]
        } else {
            Vec::new()
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get_untracked() else {
            return;
        };
        let typed = field.value();
        let Some(name) = plan::new_plan_name(&typed) else {
            created.set(None);
            missing.set(true);
            focus_soon(app, FIELD);
            return;
        };
        missing.set(false);
        let before = planner.plan.with_untracked(|p| p.id.clone());
        planner.create(name);
        if planner.plan.with_untracked(|p| p.id != before) {
            created.set(Some(m::created(name)));
            field.set_value("");
        }
    };
    let open_example = move |_| {
        let example = Plan::example();
        if planner
            .plans
            .with_untracked(|l| l.iter().any(|p| p.id == example.id))
        {
            planner.open(&example.id);
        } else {
            planner.open_new(example);
        }
    };
    let described = move || {
        if missing.get() {
            format!("{FIELD}-hint {FIELD}-error")
        } else {
            format!("{FIELD}-hint")
        }
    };
    view! {
        <section class="rep-section" aria-labelledby="rep-new-heading">
            <h2 class="rep-heading-l" id="rep-new-heading">{m::NEW_TITLE}</h2>
            <ErrorSummary id="rep-new-title-problem" title=m::PROBLEM problems=problems/>
            <div role="status" id="rep-new-plan-status">
                {move || {
                    created
                        .get()
                        .map(|said| {
                            view! {
                                <div class="rep-banner rep-banner--success">
                                    <p>{said}</p>
                                </div>
                            }
                        })
                }}
            </div>
            <form class="rep-inline-form" novalidate on:submit=submit>
                <div class=move || {
                    if missing.get() { "rep-form-group rep-form-group--error" } else { "rep-form-group" }
                }>
                    <label class="rep-label" for=FIELD>{m::NEW_NAME}</label>
                    <p class="rep-hint" id=format!("{FIELD}-hint")>{m::NEW_NAME_HINT}</p>
                    {move || {
                        missing
                            .get()
                            .then(|| {
                                view! {
                                    <p class="rep-error-message" id=format!("{FIELD}-error")>
                                        <span class="rep-visually-hidden">{forms::ERROR_PREFIX}</span>
                                        {m::NAME_NEEDED}
                                    </p>
                                }
                            })
                    }}
                    <input
                        class="rep-input"
                        type="text"
                        id=FIELD
                        autocomplete="off"
                        aria-describedby=described
                        aria-invalid=move || missing.get().then_some("true")
                        node_ref=input
                    />
                </div>
                <button type="submit" class="rep-button">{m::CREATE}</button>
            </form>
            <p>
                <button type="button" class="rep-button rep-button--secondary" id="rep-open-example" on:click=open_example>
                    {m::OPEN_EXAMPLE}
                </button>
            </p>
        </section>
    }
}
