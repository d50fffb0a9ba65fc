//! The "About this plan" form on the home page: the plan's name, who it belongs to, and the
//! organisation's words. Each field hands what is typed to a typed edit through
//! `Planner::apply`, so every change is autosaved and logged.

use leptos::prelude::*;
use race_equity_domain::messages::home as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::Plan;

use crate::form::TextField;
use crate::state::Planner;

/// One of the plan's details: its id (after `rep-plan-`), label, hint, how to read it from the
/// plan and the edit that sets it.
struct Detail {
    key: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    read: fn(&Plan) -> &str,
    edit: fn(String) -> Edit,
}

const DETAILS: [Detail; 5] = [
    Detail {
        key: "title",
        label: m::PLAN_NAME,
        hint: None,
        read: |p| &p.title,
        edit: |title| Edit::SetTitle { title },
    },
    Detail {
        key: "organisation",
        label: m::ORGANISATION,
        hint: None,
        read: |p| &p.organisation,
        edit: |organisation| Edit::SetOrganisation { organisation },
    },
    Detail {
        key: "team",
        label: m::TEAM,
        hint: None,
        read: |p| &p.team,
        edit: |team| Edit::SetTeam { team },
    },
    Detail {
        key: "period",
        label: m::PERIOD,
        hint: Some(m::PERIOD_HINT),
        read: |p| &p.reporting_period,
        edit: |reporting_period| Edit::SetReportingPeriod { reporting_period },
    },
    Detail {
        key: "term",
        label: m::TERM,
        hint: Some(m::TERM_HINT),
        read: |p| &p.settings.comparison_group_term,
        edit: |term| Edit::SetComparisonGroupTerm { term },
    },
];

/// The plan's details, editable unless the plan is read-only.
#[component]
pub fn PlanDetails() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let fields = DETAILS
        .into_iter()
        .map(|detail| {
            let read = detail.read;
            let edit = detail.edit;
            let value = Memo::new(move |_| planner.plan.with(|p| read(p).to_string()));
            let on_input = Callback::new(move |typed: String| {
                planner.apply(edit(typed));
            });
            let id = format!("rep-plan-{}", detail.key);
            match detail.hint {
                Some(hint) => view! {
                    <TextField id=id label=detail.label hint=hint value=value on_input=on_input/>
                }
                .into_any(),
                None => view! {
                    <TextField id=id label=detail.label value=value on_input=on_input/>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <section class="rep-section" aria-labelledby="rep-details-heading">
            <h2 class="rep-heading-l" id="rep-details-heading">{m::DETAILS_TITLE}</h2>
            {fields}
        </section>
    }
}
