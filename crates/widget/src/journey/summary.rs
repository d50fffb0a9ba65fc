//! The result at a glance: the agreed stage after the cap, why the cap applies and what would
//! lift it, and each department's agreed stage.

use leptos::prelude::*;
use race_equity_domain::journey::CLARITY_QUESTIONS;
use race_equity_domain::messages::journey as m;

use crate::form::Tone;
use crate::state::Planner;

#[component]
pub fn Summary() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // The headline, in words: "Agreed stage: Starting (the group chose Developing)".
    let headline = Memo::new(move |_| {
        planner.plan.with(|p| {
            let journey = &p.journey;
            match journey.overall() {
                None => m::NOT_AGREED.to_string(),
                Some(result) => {
                    let mut words = format!("{} {}", m::AGREED, result.stage.title());
                    if let (true, Some(chosen)) = (result.capped, journey.agreed_stage) {
                        words.push(' ');
                        words.push_str(&m::chosen_was(chosen.title()));
                    }
                    words
                }
            }
        })
    });
    // Each department with an agreed stage: (name, stage).
    let departments = Memo::new(move |_| {
        planner.plan.with(|p| {
            let journey = &p.journey;
            journey
                .departments()
                .into_iter()
                .filter_map(|name| {
                    journey
                        .department_stage(name)
                        .map(|stage| (name.to_string(), stage.title()))
                })
                .collect::<Vec<_>>()
        })
    });
    let capped = Memo::new(move |_| planner.plan.with(|p| p.journey.cap_explained()));
    view! {
        <section class="rep-summary" aria-labelledby="rep-j-summary">
            <h2 class="rep-heading-l" id="rep-j-summary" tabindex="-1">{m::SUMMARY_TITLE}</h2>
            // One live region for the whole screen's life: its words change, the element stays.
            <p class="rep-summary__headline" role="status">
                <strong class=Tone::Blue.class()>{move || headline.get()}</strong>
            </p>
            {move || {
                let list = departments.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <ul class="rep-summary__themes">
                                {list
                                    .into_iter()
                                    .map(|(name, stage)| view! { <li>{format!("{name}: {stage}")}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || {
                capped
                    .with(|c| {
                        c.reason
                            .clone()
                            .map(|reason| {
                                let steps = c
                                    .what_would_lift_it
                                    .iter()
                                    .map(|step| view! { <li>{*step}</li> })
                                    .collect_view();
                                view! {
                                    <div class="rep-inset" id="rep-j-cap">
                                        <p>{reason}</p>
                                        <p>{m::WHAT_WOULD_LIFT}</p>
                                        <ul class="rep-list">{steps}</ul>
                                    </div>
                                }
                            })
                    })
            }}
            {move || {
                capped
                    .with(|c| {
                        let numbers: Vec<String> = CLARITY_QUESTIONS
                            .iter()
                            .enumerate()
                            .filter(|(_, q)| c.needs_answer.contains(&q.id))
                            .map(|(i, _)| (i + 1).to_string())
                            .collect();
                        (!numbers.is_empty())
                            .then(|| view! { <p class="rep-hint">{m::still_to_answer(&numbers)}</p> })
                    })
            }}
        </section>
    }
}
