//! Section 1: the four outcome-clarity questions, each with its answer and a note; a "no" says
//! what would let the organisation answer "yes".

use leptos::prelude::*;
use race_equity_domain::journey::{Answer, ClarityQuestion, CLARITY_QUESTIONS};
use race_equity_domain::messages::journey as m;
use race_equity_domain::plan::edits::Edit;

use super::Section;
use crate::form::{SelectField, TextArea};
use crate::state::Planner;

#[component]
pub fn Clarity() -> impl IntoView {
    let questions = CLARITY_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, question)| view! { <Question n=i + 1 question=question/> })
        .collect_view();
    view! {
        <Section id="rep-j-clarity" title=m::CLARITY_TITLE>
            <p class="rep-hint">{m::CLARITY_HINT}</p>
            <ol class="rep-anchors">{questions}</ol>
        </Section>
    }
}

/// One question: its answer, what a "no" needs, and a note.
#[component]
fn Question(n: usize, question: &'static ClarityQuestion) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let q = question.id;
    let record = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.journey.clarity_record(q).cloned().unwrap_or_default())
    });
    let which = format!("{} {n}", m::QUESTION);
    let answers = std::iter::once((String::new(), m::NOT_ANSWERED.to_string()))
        .chain(
            Answer::ALL
                .into_iter()
                .map(|a| (a.id().to_string(), a.title().to_string())),
        )
        .collect();
    let title_id = format!("rep-j-q-{q}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="rep-anchor" id=format!("rep-j-q-{q}") aria-labelledby=labelled_by>
            <h3 class="rep-heading-m" id=title_id>{format!("{n}. {}", question.question)}</h3>
            <SelectField
                id=format!("rep-j-q-{q}-answer")
                label=m::ANSWER
                which=which.clone()
                options=answers
                value=Signal::derive(move || {
                    record.with(|r| r.answer.map_or_else(String::new, |a| a.id().to_string()))
                })
                on_change=Callback::new(move |v: String| {
                    planner.apply(Edit::SetClarityAnswer {
                        question: q.into(),
                        answer: Answer::from_id(&v),
                    });
                })
            />
            <Show when=move || record.with(|r| r.answer == Some(Answer::No))>
                <p class="rep-inset">
                    <strong>{m::TO_ANSWER_YES}</strong>
                    " "
                    {question.to_answer_yes}
                </p>
            </Show>
            <TextArea
                id=format!("rep-j-q-{q}-note")
                label=m::NOTE
                which=which
                value=Signal::derive(move || record.with(|r| r.note.clone()))
                on_input=Callback::new(move |note| {
                    planner.apply(Edit::SetClarityNote { question: q.into(), note });
                })
            />
        </li>
    }
}
