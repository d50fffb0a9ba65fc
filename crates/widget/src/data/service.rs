//! The first part of the Data screen: the service figures for REAP anchors 1.1 and 1.2. The local
//! population, the service's counts by group, and what they show (representation, outcomes and
//! time to employment), each comparison linked to its anchor on the REAP screen.
//!
//! Checking and every figure come from `race_equity_domain::service::figures`, asked once per
//! change through a memo; this only draws.

use leptos::prelude::*;
use race_equity_domain::caseload::CaseloadGroup;
use race_equity_domain::charts::{share_chart_svg, ShareRow};
use race_equity_domain::ethnicity::{EthnicCategory, EthnicGroup};
use race_equity_domain::messages::data::{ERRORS_TITLE, STATUS};
use race_equity_domain::messages::service as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::service::{self, Comparison, Field, OutcomeTable, ServiceFigures};
use race_equity_domain::stats::{format_percent, RatioStatus};

use super::{problem_list, status_tag, SERVICE_ID};
use crate::form::{
    app_root, focus_soon, Button, ErrorSummary, Problem, SelectField, TextField, TextInput,
};
use crate::nav::{current_screen, go_to_anchor};
use crate::state::Planner;

/// The service part: its heading, the error summary, the population, the counts and the figures.
#[component]
pub fn ServicePart() -> impl IntoView {
    let planner = expect_context::<Planner>();
    // What the figures read, so that a keystroke in the workforce part does not work them out again.
    let inputs = Memo::new(move |_| {
        planner
            .plan
            .with(|p| (p.data.service.clone(), p.settings.clone()))
    });
    let figures = Memo::new(move |_| {
        inputs.with(|(service_data, settings)| service::figures(service_data, settings))
    });
    // A memo: the summary (an alert) is redrawn only when the problems change, not at every
    // keystroke, so it is not announced again while the user types elsewhere.
    let problems = Memo::new(move |_| {
        figures.with(|f| {
            f.checked
                .problems
                .iter()
                .map(|p| Problem {
                    field: format!("rep-s-{}", p.field),
                    message: p.message.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="rep-section rep-data__part" aria-labelledby=SERVICE_ID>
            <h2 class="rep-heading-l" id=SERVICE_ID tabindex="-1">{m::TITLE}</h2>
            <p class="rep-hint">{m::INTRO}</p>
            <ErrorSummary id="rep-s-errors" title=ERRORS_TITLE problems=problems/>
            <Population figures=figures/>
            <Counts figures=figures/>
            <Shows figures=figures/>
        </section>
    }
}

/// Problems of the population (`pop-`) or of the counts, as (error id, message).
fn problems_of(figures: &ServiceFigures, population: bool) -> Vec<(String, String)> {
    figures
        .problems(population)
        .into_iter()
        .map(|p| (format!("rep-s-{}-error", p.field), p.message.clone()))
        .collect()
}

/// The local population: by the 5 groups or the 19 categories, its source, and each figure.
#[component]
fn Population(figures: Memo<ServiceFigures>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let detailed = Memo::new(move |_| planner.plan.with(|p| p.data.service.population_detailed));
    let typed = Memo::new(move |_| {
        planner
            .plan
            .with(|p| service::population_typed(&p.data.service).to_vec())
    });
    let offer_national = Memo::new(move |_| {
        !detailed.get() && typed.with(|t| t.iter().all(|t| t.trim().is_empty()))
    });
    let national = Callback::new(move |()| {
        if planner.apply(Edit::UseNationalBaseline).is_some() {
            focus_soon(app, "rep-s-pop-0");
        }
    });
    let options = vec![
        ("5".to_string(), m::FIVE.to_string()),
        ("19".to_string(), m::NINETEEN.to_string()),
    ];
    // Redrawn only when the 5 groups and the 19 categories are switched.
    let rows = move || {
        let detailed = detailed.get();
        (0..service::population_len(detailed))
            .map(|i| view! { <PopulationRow i=i detailed=detailed typed=typed figures=figures/> })
            .collect_view()
    };
    view! {
        <div class="rep-anchor" id="rep-s-population">
            <h3 class="rep-heading-m">{m::POPULATION}</h3>
            <p class="rep-hint">{m::POPULATION_HINT}</p>
            <SelectField
                id="rep-s-detailed"
                label=m::DETAILED
                options=options
                value=Signal::derive(move || if detailed.get() { "19" } else { "5" }.to_string())
                on_change=Callback::new(move |v: String| {
                    planner.apply(Edit::SetPopulationDetailed { detailed: v == "19" });
                })
            />
            <TextField
                id="rep-s-source"
                label=m::SOURCE
                width="rep-input--wide"
                value=Signal::derive(move || planner.plan.with(|p| p.data.service.population_source.clone()))
                on_input=Callback::new(move |source| {
                    planner.apply(Edit::SetPopulationSource { source });
                })
            />
            <Show when=move || offer_national.get()>
                <Button id="rep-s-national" label=m::NATIONAL.to_string() on_press=national/>
            </Show>
            <table class="rep-table rep-table--counts rep-table--population">
                <thead>
                    <tr>
                        <th scope="col">{m::GROUP}</th>
                        <th scope="col">{m::POPULATION}</th>
                        <th scope="col">{m::SHARE}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {
                let list = Memo::new(move |_| figures.with(|f| problems_of(f, true)));
                move || problem_list(list.get())
            }
        </div>
    }
}

/// One population figure: the group or category, what was typed, and the group's share.
#[component]
fn PopulationRow(
    i: usize,
    detailed: bool,
    typed: Memo<Vec<String>>,
    figures: Memo<ServiceFigures>,
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let name = service::population_label(detailed, i);
    let f = format!("pop-{i}");
    let id = format!("rep-s-{f}");
    let problem = {
        let f = f.clone();
        Memo::new(move |_| figures.with(|x| x.checked.problem(&f).is_some()))
    };
    let error_id = format!("{id}-error");
    let edit = Callback::new(move |value: String| {
        let edit = if detailed {
            EthnicCategory::ALL
                .get(i)
                .map(|&category| Edit::SetPopulationOfCategory { category, value })
        } else {
            EthnicGroup::ALL
                .get(i)
                .map(|&group| Edit::SetPopulation { group, value })
        };
        if let Some(edit) = edit {
            planner.apply(edit);
        }
    });
    // The share of each group (none beside the 19 categories, which add up into the groups).
    let share = move || {
        if detailed {
            return String::new();
        }
        figures.with(|x| {
            x.checked
                .population
                .map(|pop| format_percent(pop[i]))
                .unwrap_or_default()
        })
    };
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td>
                <TextInput
                    id=id
                    width="rep-input--count"
                    aria_label=format!("{}, {name}", m::POPULATION)
                    value=Signal::derive(move || typed.with(|t| t.get(i).cloned().unwrap_or_default()))
                    on_input=edit
                    invalid=problem
                    described_by=Signal::derive(move || problem.get().then(|| error_id.clone()))
                />
            </td>
            <td>{share}</td>
        </tr>
    }
}

/// The service's counts: when they were taken, and a row of counts for each group.
#[component]
fn Counts(figures: Memo<ServiceFigures>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let headings = Field::ALL
        .into_iter()
        .map(|field| view! { <th scope="col">{field.label()}</th> })
        .collect_view();
    let rows = CaseloadGroup::ALL
        .into_iter()
        .map(|group| view! { <CountsRow group=group figures=figures/> })
        .collect_view();
    view! {
        <div class="rep-anchor" id="rep-s-counts">
            <h3 class="rep-heading-m">{m::FIGURES}</h3>
            <TextField
                id="rep-s-as_at"
                label=m::AS_AT
                hint=m::AS_AT_HINT
                width="rep-input--wide"
                value=Signal::derive(move || planner.plan.with(|p| p.data.service.as_at.clone()))
                on_input=Callback::new(move |as_at| {
                    planner.apply(Edit::SetServiceAsAt { as_at });
                })
            />
            <p class="rep-hint">{m::DAYS_HINT}</p>
            <div class="rep-table-scroll" role="region" aria-labelledby="rep-s-counts-caption" tabindex="0">
                <table class="rep-table rep-table--counts">
                    <caption class="rep-visually-hidden" id="rep-s-counts-caption">{m::FIGURES}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{m::GROUP}</th>
                            {headings}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {
                let list = Memo::new(move |_| figures.with(|f| problems_of(f, false)));
                move || problem_list(list.get())
            }
        </div>
    }
}

/// One group's counts, each a field of its own.
#[component]
fn CountsRow(group: CaseloadGroup, figures: Memo<ServiceFigures>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let row = Memo::new(move |_| planner.plan.with(|p| service::row(&p.data.service, group)));
    let cells = Field::ALL
        .into_iter()
        .map(|field| {
            let f = format!("{}-{}", group.id(), field.id());
            let id = format!("rep-s-{f}");
            let error_id = format!("{id}-error");
            let problem = Memo::new(move |_| figures.with(|x| x.checked.problem(&f).is_some()));
            let value = Signal::derive(move || row.with(|r| field.of(r).clone()));
            let on_input = Callback::new(move |value| {
                planner.apply(Edit::SetServiceCount {
                    group,
                    field,
                    value,
                });
            });
            let label = format!("{}, {}", field.label(), group.short_label());
            let described = Signal::derive(move || problem.get().then(|| error_id.clone()));
            // The days to each job start are a list, typed with commas.
            let width = if field == Field::Days {
                "rep-input--medium"
            } else {
                "rep-input--count"
            };
            view! {
                <td>
                    <TextInput id=id width=width aria_label=label value=value on_input=on_input
                        invalid=problem described_by=described/>
                </td>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{group.short_label()}</th>
            {cells}
        </tr>
    }
}

/// A group's label, with * when its numbers are small.
fn group_label(label: &str, small: bool) -> String {
    if small {
        format!("{label} *")
    } else {
        label.to_string()
    }
}

/// What the figures show: each comparison, the outcomes and the time to employment. Redrawn when
/// the figures change (its only controls are the links to the REAP anchors).
#[component]
fn Shows(figures: Memo<ServiceFigures>) -> impl IntoView {
    view! {
        <div class="rep-anchor" id="rep-s-shows">
            <h3 class="rep-heading-m">{m::SHOWS}</h3>
            {move || {
                figures.with(|f| {
                    view! {
                        {f.nothing_yet().then(|| view! { <p class="rep-hint">{m::NOTHING_YET}</p> })}
                        {f.comparisons.iter().map(comparison).collect_view()}
                        {outcomes(&f.outcomes)}
                        {time_to_work(f)}
                        {f.any_small.then(|| view! { <p><strong>{m::SMALL}</strong></p> })}
                    }
                })
            }}
        </div>
    }
}

/// A button that shows the REAP screen at `anchor`'s heading. Several go to anchor 1.1, so each
/// is named for the figures it is under as well ("Go to REAP anchor 1.1 (IPS caseload against
/// the local population)"); the visible words start the name. Shown on a read-only plan too: it
/// changes nothing.
fn anchor_link(id: String, anchor: &'static str, under: &'static str) -> impl IntoView {
    let screen = current_screen();
    let app = app_root();
    let words = format!("{}{anchor}", m::ANCHOR_LINK);
    let name = format!("{words} ({under})");
    view! {
        <p>
            <Button
                id=id
                label=words
                name=name
                always=true
                on_press=Callback::new(move |()| go_to_anchor(screen, app, anchor))
            />
        </p>
    }
}

/// One representation comparison: its heading, link, chart, table and the sentences that matter.
fn comparison(c: &Comparison) -> impl IntoView {
    let title_id = format!("rep-s-{}-title", c.id);
    let rows: Vec<ShareRow> = c
        .shares
        .iter()
        .map(|s| ShareRow {
            label: s.group.short_label(),
            share: Some(s.share),
            baseline: Some(s.baseline_share),
        })
        .collect();
    // SVG the domain builds with its escaping `html::E` (charts.rs): the labels are the
    // framework's group names, never text from a plan.
    let chart = share_chart_svg(
        &format!("rep-s-{}-chart", c.id),
        c.title,
        m::CHART_DESC,
        c.population,
        c.baseline,
        &rows,
    );
    let body = c
        .shares
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row">{group_label(s.group.short_label(), s.small)}</th>
                    <td data-label=m::PEOPLE>{format!("{} / {}", s.count, s.base)}</td>
                    <td data-label=m::SHARE>{format_percent(s.share)}</td>
                    <td data-label=m::BASELINE_SHARE>{format_percent(s.baseline_share)}</td>
                    <td data-label=m::RATIO>{s.ratio_text.clone()}</td>
                    <td data-label=STATUS>{status_tag(s.status)}</td>
                </tr>
            }
        })
        .collect_view();
    // The sentence for each group outside the range (adverse, or not conclusive) says why.
    let notable: Vec<String> = c
        .shares
        .iter()
        .filter(|s| !matches!(s.status, RatioStatus::Within | RatioStatus::NotComputable))
        .map(|s| s.sentence.clone())
        .collect();
    let notable = (!notable.is_empty()).then(|| {
        view! {
            <ul class="rep-list">
                {notable.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        }
    });
    let labelled_by = title_id.clone();
    let region_labelled_by = title_id.clone();
    view! {
        <div class="rep-figures" aria-labelledby=labelled_by>
            <h4 class="rep-heading-s" id=title_id.clone()>{c.title}</h4>
            {anchor_link(format!("rep-s-{}-anchor", c.id), c.anchor, c.title)}
            <div class="rep-figures__body">
                <div class="rep-chart-box" inner_html=chart></div>
                <div class="rep-table-scroll" role="region" aria-labelledby=region_labelled_by tabindex="0">
                    <table class="rep-table rep-table--labelled">
                        <thead>
                            <tr>
                                <th scope="col">{m::GROUP}</th>
                                <th scope="col">{m::PEOPLE}</th>
                                <th scope="col">{m::SHARE}</th>
                                <th scope="col">{m::BASELINE_SHARE}</th>
                                <th scope="col">{m::RATIO}</th>
                                <th scope="col">{STATUS}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </div>
            {notable}
        </div>
    }
}

/// Job starts and starts in education, each group against the White group.
fn outcomes(tables: &[OutcomeTable]) -> Option<impl IntoView> {
    if tables.is_empty() {
        return None;
    }
    let tables = tables.iter().map(outcome_table).collect_view();
    Some(view! {
        <h4 class="rep-heading-s" id="rep-s-outcomes-title">{m::OUTCOMES}</h4>
        <p class="rep-hint">{format!("{} {}", m::OUTCOME_HINT, m::BROAD_GROUPS)}</p>
        {anchor_link("rep-s-outcomes-anchor".to_string(), "1.1", m::OUTCOMES)}
        {tables}
    })
}

fn outcome_table(table: &OutcomeTable) -> impl IntoView {
    let field = table.field;
    let caption_id = format!("rep-s-{}-caption", field.id());
    let rows = table
        .rates
        .iter()
        .map(|rate| {
            let label = rate.group.map_or(m::EVERYONE_ELSE, |g| g.short_label());
            let rate_text = rate.rate.map_or(String::new(), |p| {
                format!(
                    "{} ({} to {})",
                    format_percent(p.value),
                    format_percent(p.interval.lower),
                    format_percent(p.interval.upper)
                )
            });
            let (against, status) = match &rate.ratio {
                None => (m::REFERENCE.to_string(), None),
                Some(_) => (rate.ratio_text.clone(), Some(status_tag(rate.status))),
            };
            view! {
                <tr>
                    <th scope="row">{group_label(label, rate.small)}</th>
                    <td data-label=field.label()>{format!("{} / {}", rate.events, rate.total)}</td>
                    <td data-label=m::RATE>{rate_text}</td>
                    <td data-label=m::AGAINST_WHITE>{against}</td>
                    <td data-label=STATUS>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let labelled_by = caption_id.clone();
    view! {
        <div class="rep-table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
            <table class="rep-table rep-table--labelled">
                <caption class="rep-table__caption" id=caption_id>{field.label()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{m::GROUP}</th>
                        <th scope="col">{field.label()}</th>
                        <th scope="col">{m::RATE}</th>
                        <th scope="col">{m::AGAINST_WHITE}</th>
                        <th scope="col">{STATUS}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {table.sentence.clone().map(|s| view! { <p>{s}</p> })}
    }
}

/// Each group's median days to a job start and the middle half.
fn time_to_work(figures: &ServiceFigures) -> Option<impl IntoView> {
    if figures.times.is_empty() {
        return None;
    }
    let rows = figures
        .times
        .iter()
        .map(|(group, spread)| {
            view! {
                <tr>
                    <th scope="row">{group_label(group.short_label(), spread.too_few())}</th>
                    <td data-label=m::PEOPLE>{spread.count}</td>
                    <td data-label=m::MEDIAN>{service::median_text(spread)}</td>
                    <td data-label=m::IQR>{service::quartiles_text(spread)}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <div class="rep-table-scroll" role="region" aria-labelledby="rep-s-time-caption" tabindex="0">
            <table class="rep-table rep-table--labelled">
                <caption class="rep-table__caption" id="rep-s-time-caption">{m::TIME}</caption>
                <thead>
                    <tr>
                        <th scope="col">{m::GROUP}</th>
                        <th scope="col">{m::PEOPLE}</th>
                        <th scope="col">{m::MEDIAN}</th>
                        <th scope="col">{m::IQR}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}
