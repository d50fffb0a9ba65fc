//! Section 2: the outcomes framework: for each area, the objectives, the evidence of the issue and
//! the measure of improvement, with tags for what is still blank.

use leptos::prelude::*;
use race_equity_domain::journey::OutcomeArea;
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::OutcomeRecord;

use super::Section;
use crate::form::{TextArea, Tone};
use crate::state::Planner;

#[component]
pub fn Outcomes() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // How many areas have a blank part.
    let with_gaps = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.journey.outcome_gaps().iter().filter(|g| g.any()).count())
    });
    let areas = OutcomeArea::ALL
        .into_iter()
        .map(|area| view! { <Area area=area/> })
        .collect_view();
    view! {
        <Section id="rep-j-outcomes" title=m::OUTCOMES_TITLE>
            <p class="rep-hint">{m::OUTCOMES_HINT}</p>
            {move || match with_gaps.get() {
                0 => view! { <p>{m::NO_GAPS}</p> }.into_any(),
                n => view! { <p><strong>{m::gaps(n)}</strong></p> }.into_any(),
            }}
            <ol class="rep-anchors">{areas}</ol>
        </Section>
    }
}

/// One outcome area: its gaps, what it covers, and its three fields.
#[component]
fn Area(area: OutcomeArea) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let a = area.id();
    let record = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.journey.outcome_record(a).cloned().unwrap_or_default())
    });
    let gaps = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.journey
                .outcome_gaps()
                .into_iter()
                .find(|g| g.area == area)
        })
    });
    let tags = move || {
        let Some(gap) = gaps.get() else {
            return ().into_any();
        };
        if gap.any() {
            [
                (gap.objectives, m::GAP_OBJECTIVES),
                (gap.issue_evidence, m::GAP_ISSUE),
                (gap.improvement_measures, m::GAP_IMPROVED),
            ]
            .into_iter()
            .filter(|(blank, _)| *blank)
            .map(|(_, words)| view! { <strong class=Tone::Yellow.class()>{words}</strong> " " })
            .collect_view()
            .into_any()
        } else {
            view! { <strong class=Tone::Green.class()>{m::COMPLETE}</strong> }.into_any()
        }
    };
    let field = move |get: fn(&OutcomeRecord) -> &String| {
        Signal::derive(move || record.with(|r| get(r).clone()))
    };
    let title_id = format!("rep-j-o-{a}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="rep-anchor" id=format!("rep-j-o-{a}") aria-labelledby=labelled_by>
            <h3 class="rep-heading-m" id=title_id>{area.title()}</h3>
            <p class="rep-anchor__tags">{tags}</p>
            <p class="rep-hint">{area.explanation()}</p>
            <TextArea
                id=format!("rep-j-o-{a}-objectives")
                label=m::OBJECTIVES
                which=area.title()
                value=field(|r| &r.objectives)
                on_input=Callback::new(move |objectives| {
                    planner.apply(Edit::SetOutcomeObjectives { area, objectives });
                })
            />
            <TextArea
                id=format!("rep-j-o-{a}-issue")
                label=m::ISSUE
                which=area.title()
                value=field(|r| &r.issue_evidence)
                on_input=Callback::new(move |issue_evidence| {
                    planner.apply(Edit::SetOutcomeIssueEvidence { area, issue_evidence });
                })
            />
            <TextArea
                id=format!("rep-j-o-{a}-improved")
                label=m::IMPROVED
                which=area.title()
                value=field(|r| &r.improvement_measures)
                on_input=Callback::new(move |improvement_measures| {
                    planner.apply(Edit::SetOutcomeImprovementMeasures { area, improvement_measures });
                })
            />
        </li>
    }
}
