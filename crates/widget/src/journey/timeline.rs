//! Section 5: the re-assessment date, recording the assessment, and the stage over time.

use leptos::prelude::*;
use race_equity_domain::dates::{long_or_as_is, Date};
use race_equity_domain::journey::Stage;
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;

use super::Section;
use crate::form::{app_root, focus_soon, Button, DateInput, FieldLabel, Tone};
use crate::state::{today, Planner};

#[component]
pub fn Timeline() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let date = Memo::new(move |_| planner.plan.with(|p| p.journey.reassessment_date.clone()));
    let overdue = Memo::new(move |_| {
        date.with(|d| {
            Date::parse_iso(d.trim())
                .filter(|&due| Some(due) < Date::parse_iso(&today()))
                .map(|_| m::reassessment_overdue(&long_or_as_is(d)))
        })
    });
    let recorded = Memo::new(move |_| {
        planner.plan.with(|p| {
            let past = &p.journey.past;
            past.last()
                .map(|last| m::recorded(past.len(), &long_or_as_is(&last.date)))
        })
    });
    let timeline = Memo::new(move |_| planner.plan.with(|p| p.journey.timeline()));
    let record = Callback::new(move |()| {
        if planner.apply(Edit::RecordAssessment).is_some() {
            focus_soon(app, "rep-j-timeline");
        }
    });
    let stage = |s: Option<Stage>| s.map_or(m::NOT_RECORDED, Stage::title);
    view! {
        <Section id="rep-j-timeline" title=m::TIMELINE_TITLE>
            <div class="rep-form-group">
                <FieldLabel for_id="rep-j-reassess" text=m::REASSESS/>
                <p class="rep-hint">{m::REASSESS_HINT}</p>
                <DateInput
                    id="rep-j-reassess"
                    value=date
                    on_input=Callback::new(move |date| {
                        planner.apply(Edit::SetReassessmentDate { date });
                    })
                />
            </div>
            {move || {
                overdue
                    .get()
                    .map(|words| view! { <p><strong class=Tone::Yellow.class()>{words}</strong></p> })
            }}
            {move || recorded.get().map(|words| view! { <p>{words}</p> })}
            <p class="rep-hint">{m::RECORD_HINT}</p>
            <Button id="rep-j-record" label=m::RECORD.to_string() on_press=record/>
            <div class="rep-table-scroll" role="region" aria-labelledby="rep-j-timeline-caption" tabindex="0">
                <table class="rep-table rep-table--timeline">
                    <caption class="rep-table__caption" id="rep-j-timeline-caption">{m::TIMELINE_CAPTION}</caption>
                    {move || {
                        timeline
                            .with(|(names, rows)| {
                                let headings = names
                                    .iter()
                                    .map(|name| view! { <th scope="col">{name.clone()}</th> })
                                    .collect_view();
                                let rows = rows
                                    .iter()
                                    .map(|row| {
                                        let date = row
                                            .date
                                            .as_deref()
                                            .map_or(m::NOW.to_string(), long_or_as_is);
                                        let departments = row
                                            .departments
                                            .iter()
                                            .map(|&s| view! { <td>{stage(s)}</td> })
                                            .collect_view();
                                        view! {
                                            <tr>
                                                <th scope="row">{date}</th>
                                                <td>{stage(row.stage)}</td>
                                                {departments}
                                            </tr>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <thead>
                                        <tr>
                                            <th scope="col">{m::DATE}</th>
                                            <th scope="col">{m::ORGANISATION}</th>
                                            {headings}
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                }
                            })
                    }}
                </table>
            </div>
        </Section>
    }
}
