//! Anchor 3.3: each Employment Specialist's caseload by ethnic group, against the team's.

use leptos::prelude::*;
use race_equity_domain::caseload::{self, CaseloadComparison, CaseloadGroup};
use race_equity_domain::messages::reap as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::Specialist;

use crate::form::{app_root, focus_soon, Button, CountInput, RemoveButton, TextInput, Tone};
use crate::state::Planner;

/// The caseload table, its problems, and how each caseload compares.
#[component]
pub fn Specialists() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.reap
                .specialists
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // What the comparison reads, so that it is asked again only when that changes: it takes a
    // few milliseconds with thirty specialists, too long to redo on each keystroke elsewhere.
    let inputs = Memo::new(move |_| {
        planner
            .plan
            .with(|p| (p.reap.specialists.clone(), p.settings.non_adverse_range))
    });
    // Asked of the domain once per change; the rows, totals and results all read it.
    let comparison = Memo::new(move |_| {
        inputs.with(|(specialists, range)| caseload::compare_specialists(specialists, *range))
    });
    let add = Callback::new(move |()| {
        if let Some(id) = planner.apply(Edit::AddSpecialist).and_then(|a| a.created) {
            focus_soon(app, format!("rep-s-{id}-name"));
        }
    });
    let to_evidence = Callback::new(move |()| {
        planner.apply(Edit::AddCaseloadToEvidence);
    });
    let headings = || {
        CaseloadGroup::ALL
            .into_iter()
            .map(|g| view! { <th scope="col">{g.short_label()}</th> })
            .collect_view()
    };
    view! {
        <div class="rep-caseload" id="rep-caseload">
            <h4 class="rep-heading-s" id="rep-caseload-title">{m::CASELOAD_TITLE}</h4>
            <p class="rep-hint">{m::CASELOAD_HINT}</p>
            <Show when=move || ids.with(|i| !i.is_empty())>
                <div class="rep-table-scroll" role="region" aria-labelledby="rep-caseload-title" tabindex="0">
                    <table class="rep-table rep-table--caseload">
                        <thead>
                            <tr>
                                <th scope="col">{m::NAME_OR_INITIALS}</th>
                                {headings()}
                                <th scope="col">{m::TOTAL}</th>
                                <th scope="col"><span class="rep-visually-hidden">{m::REMOVE}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || ids.get()
                                key=|id| id.clone()
                                children=move |id| view! { <SpecialistRow id=id ids=ids comparison=comparison/> }
                            />
                            <tr>
                                <th scope="row">{m::TEAM}</th>
                                {CaseloadGroup::ALL
                                    .into_iter()
                                    .map(|g| view! { <td>{move || comparison.with(|c| c.team.count(g))}</td> })
                                    .collect_view()}
                                <td>{move || comparison.with(|c| c.team.total())}</td>
                                <td></td>
                            </tr>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Button id="rep-add-specialist" label=m::ADD_SPECIALIST.to_string() on_press=add/>
            {move || {
                comparison.with(|c| {
                    (!c.problems.is_empty()).then(|| {
                        view! {
                            <div class="rep-caseload-problems rep-error-summary" role="alert">
                                <p class="rep-error-summary__title">{m::CASELOAD_PROBLEMS}</p>
                                <ul class="rep-list">
                                    {c.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                                </ul>
                            </div>
                        }
                    })
                })
            }}
            {move || comparison.with(|c| results(c, to_evidence))}
        </div>
    }
}

/// How each caseload with counts compares with the team's, and adding that to 3.3's evidence.
fn results(comparison: &CaseloadComparison, to_evidence: Callback<()>) -> Option<impl IntoView> {
    let compared: Vec<_> = comparison
        .specialists
        .iter()
        .filter(|s| !s.groups.is_empty())
        .collect();
    if compared.is_empty() {
        return None;
    }
    let items = compared
        .into_iter()
        .map(|specialist| {
            let notable: Vec<_> = specialist
                .groups
                .iter()
                .filter(|g| g.flag || g.small)
                .map(|g| {
                    let (tone, tag) = if g.flag {
                        (Tone::Yellow, m::WORTH_A_LOOK)
                    } else {
                        (Tone::Grey, m::TOO_FEW)
                    };
                    view! { <li><strong class=tone.class()>{tag}</strong> " " {g.sentence.clone()}</li> }
                })
                .collect();
            let notable = (!notable.is_empty()).then(|| view! { <ul class="rep-list">{notable}</ul> });
            view! { <li><strong>{caseload::headline(specialist)}</strong>{notable}</li> }
        })
        .collect_view();
    Some(view! {
        <div class="rep-caseload-results">
            <h5 class="rep-heading-s">{m::CASELOAD_RESULTS}</h5>
            <ul class="rep-list">{items}</ul>
            <Button id="rep-caseload-to-evidence" label=m::CASELOAD_TO_EVIDENCE.to_string() on_press=to_evidence/>
        </div>
    })
}

/// One Employment Specialist's row: name, a count per group, their total, and removing them.
#[component]
fn SpecialistRow(
    id: String,
    ids: Memo<Vec<String>>,
    comparison: Memo<CaseloadComparison>,
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let specialist = {
        let id = id.clone();
        Memo::new(move |_| {
            planner
                .plan
                .with(|p| p.reap.specialists.iter().find(|s| s.id == id).cloned())
                .unwrap_or_default()
        })
    };
    let position = {
        let id = id.clone();
        Memo::new(move |_| ids.with(|all| all.iter().position(|x| *x == id).unwrap_or(0)))
    };
    // The name, or "Employment Specialist 2" until one is given.
    let who = Memo::new(
        move |_| match specialist.with(|s| s.name.trim().to_string()) {
            name if name.is_empty() => format!("{} {}", m::SPECIALIST, position.get() + 1),
            name => name,
        },
    );
    let name_edit = {
        let id = id.clone();
        Callback::new(move |name| {
            planner.apply(Edit::SetSpecialistName {
                id: id.clone(),
                name,
            });
        })
    };
    let counts = CaseloadGroup::ALL
        .into_iter()
        .map(|group| {
            let value = Signal::derive(move || count_of(&specialist.read(), group));
            let edit = {
                let id = id.clone();
                Callback::new(move |value| {
                    planner.apply(Edit::SetSpecialistCaseload {
                        id: id.clone(),
                        group,
                        value,
                    });
                })
            };
            view! {
                <td>
                    <CountInput
                        id=format!("rep-s-{id}-{}", group.id())
                        label=Signal::derive(move || format!("{}, {}", group.label(), who.get()))
                        value=value
                        on_input=edit
                        invalid=Signal::derive(move || race_equity_domain::numbers::parse_count(&value.get()).is_err())
                    />
                </td>
            }
        })
        .collect_view();
    let total = {
        let id = id.clone();
        move || {
            comparison.with(|c| {
                c.specialists
                    .iter()
                    .find(|s| s.id == id)
                    .map_or(0, |s| s.tally.total())
            })
        }
    };
    let remove_id = id.clone();
    view! {
        <tr id=format!("rep-s-{id}")>
            <td>
                <TextInput
                    id=format!("rep-s-{id}-name")
                    width="rep-input--short"
                    aria_label=Signal::derive(move || {
                        format!("{}, {} {}", m::NAME_OR_INITIALS, m::SPECIALIST, position.get() + 1)
                    })
                    value=Signal::derive(move || specialist.with(|s| s.name.clone()))
                    on_input=name_edit
                />
            </td>
            {counts}
            <td>{total}</td>
            <td>
                <RemoveButton
                    key=format!("remove-specialist/{id}")
                    label=Signal::derive(move || format!("{} {}", m::REMOVE, who.get()))
                    on_remove=Callback::new(move |()| {
                        planner.apply(Edit::RemoveSpecialist { id: remove_id.clone() });
                    })
                    then_focus="rep-add-specialist"
                />
            </td>
        </tr>
    }
}

/// The count typed for `group`, as text.
fn count_of(specialist: &Specialist, group: CaseloadGroup) -> String {
    specialist
        .caseload
        .get(group.id())
        .cloned()
        .unwrap_or_default()
}
