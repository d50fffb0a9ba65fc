//! What the group thinks: how many chose each stage (everyone, and each department), the median
//! view, and where views differ, naming who holds each end.

use leptos::prelude::*;
use race_equity_domain::journey::{GroupSummary, Stage};
use race_equity_domain::messages::journey as m;

use super::participants::who;
use crate::state::Planner;

/// One column of the spread, and one line of the medians.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    /// "Everyone", a department's name, or "No department given".
    name: String,
    /// How many chose each stage, in [`Stage::ALL`]'s order.
    counts: Vec<usize>,
    total: usize,
    /// The median view's sentence, if anyone chose a stage.
    median: Option<String>,
    /// Where views differ, in words, naming who holds each end.
    differ: Option<String>,
}

#[component]
pub fn Results() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // Asked of the domain once per change; the table and the medians both read it.
    let groups = Memo::new(move |_| {
        planner.plan.with(|p| {
            let journey = &p.journey;
            let (summary, owners) = journey.summary();
            if summary.overall.spread.total() == 0 {
                return Vec::new();
            }
            // With one unnamed group only, the departments' columns would repeat "Everyone".
            let departments: &[GroupSummary] = match summary.departments.as_slice() {
                [only] if only.department.is_none() => &[],
                all => all,
            };
            std::iter::once(&summary.overall)
                .chain(departments)
                .enumerate()
                .map(|(i, g)| {
                    let name = match (&g.department, i == 0) {
                        (_, true) => m::EVERYONE.to_string(),
                        (Some(name), false) => name.clone(),
                        (None, false) => m::NO_DEPARTMENT.to_string(),
                    };
                    let names = |at: &[usize]| -> Vec<String> {
                        at.iter()
                            .filter_map(|&v| owners.get(v))
                            .map(|&p| who(journey, p))
                            .collect()
                    };
                    Group {
                        name,
                        counts: Stage::ALL.iter().map(|&s| g.spread.count(s)).collect(),
                        total: g.spread.total(),
                        // A median needs at least 5 views (METRICS.md); below that, how many.
                        median: match (g.median_if_enough(), g.spread.total()) {
                            (_, 0) => None,
                            (Some(median), total) => Some(m::median(median.title(), total)),
                            (None, total) => Some(m::median_too_few(total)),
                        },
                        differ: g.disagreement.as_ref().map(|d| {
                            m::differ(
                                d.gap(),
                                &m::see(&names(&d.at_lowest), d.lowest.title()),
                                &m::see(&names(&d.at_highest), d.highest.title()),
                            )
                        }),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 class="rep-heading-m" id="rep-j-results" tabindex="-1">{m::RESULTS_TITLE}</h3>
        {move || {
            let groups = groups.get();
            if groups.is_empty() {
                return view! { <p>{m::NO_VIEWS}</p> }.into_any();
            }
            view! {
                <Spread groups=groups.clone()/>
                <Medians groups=groups/>
            }
            .into_any()
        }}
    }
}

/// How many chose each stage, a column per group, each count with a bar of its share.
#[component]
fn Spread(groups: Vec<Group>) -> impl IntoView {
    let headings = groups
        .iter()
        .map(|g| view! { <th scope="col">{g.name.clone()}</th> })
        .collect_view();
    let rows = Stage::ALL
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let cells = groups
                .iter()
                .map(|g| {
                    let count = g.counts[i];
                    let share = 100 * count / g.total.max(1);
                    view! {
                        <td>
                            // The width is data: set through the CSSOM, which a strict CSP allows.
                            <span class="rep-bar" aria-hidden="true">
                                <span style:width=format!("{share}%")></span>
                            </span>
                            {format!(" {count}")}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{stage.title()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="rep-table-scroll" role="region" aria-labelledby="rep-j-spread-caption" tabindex="0">
            <table class="rep-table rep-table--spread">
                <caption class="rep-table__caption" id="rep-j-spread-caption">{m::SPREAD_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{m::STAGE}</th>
                        {headings}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The median view of each group, and where views differ.
#[component]
fn Medians(groups: Vec<Group>) -> impl IntoView {
    let items = groups
        .into_iter()
        .filter_map(|g| {
            let median = g.median?;
            let differ = g.differ.map(|words| {
                view! {
                    " "
                    <strong class="rep-tag rep-tag--yellow">{m::VIEWS_DIFFER}</strong>
                    {format!(" {words}")}
                }
            });
            Some(view! {
                <li>
                    <strong>{format!("{}:", g.name)}</strong>
                    {format!(" {median}")}
                    {differ}
                </li>
            })
        })
        .collect_view();
    view! { <ul class="rep-list" id="rep-j-medians">{items}</ul> }
}
