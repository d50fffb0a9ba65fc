//! The second part of the Data screen: the Social Care WRES workforce metrics by reporting period.
//! Counts are typed as text and checked field by field (each problem beside its field and in the
//! period's error summary, GOV.UK style); valid counts give both rates, the relative likelihood
//! with its interval and status, a sentence, and a chart; periods sit side by side; the themes
//! and key areas show which metrics inform them.
//!
//! Each period asks the domain once (`wres::period_figures`) through a memo; each metric and pay
//! band reads its own part of it, so a keystroke redraws that metric's figures only.

use leptos::prelude::*;
use race_equity_domain::charts::{ratio_chart_svg, RatioRow};
use race_equity_domain::ethnicity::ReferenceGroup;
use race_equity_domain::messages::data as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::{BandEntry, Period, Settings};
use race_equity_domain::stats::{self, format_percent, Convention, Metric};
use race_equity_domain::wres::{
    self, Checked, Count, MetricFigure, MetricRow, PeriodFigures, ENTERED,
};

use super::{problem_list, status_tag, WORKFORCE_ID};
use crate::form::{
    app_root, focus_soon, Button, CountInput, ErrorSummary, FieldLabel, Problem, RemoveButton,
    SelectField, TextArea, TextField, TextInput,
};
use crate::state::Planner;

/// A period's heading: "Reporting period: 2023-24", or "Reporting period" before it has a name.
pub fn period_name(label: &str) -> String {
    match label.trim() {
        "" => m::PERIOD.to_string(),
        label => format!("{}: {label}", m::PERIOD),
    }
}

/// The period as its fields' names say it ("2023-24", or "reporting period 2" before it has a
/// name), so that two periods' fields are told apart by screen readers.
fn period_words(id: &str, label: &str) -> String {
    match label.trim() {
        "" => format!(
            "{} {}",
            m::PERIOD.to_ascii_lowercase(),
            id.trim_start_matches('d')
        ),
        label => label.to_string(),
    }
}

/// A metric's title with its SC-WRES number: "2. Appointment from shortlisting".
fn title(metric: Metric) -> String {
    format!(
        "{}. {}",
        metric.number().unwrap_or_default(),
        wres::metric_title(metric)
    )
}

/// Words with a capital first letter ("Appointed"); our count words start with a-z.
fn first_upper(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn field_id(p: &str, metric: Metric, count: Count) -> String {
    format!("rep-d-{p}-{}-{}", wres::metric_id(metric), count.id())
}

/// The workforce part: the words and comparisons, each period, the periods side by side, and
/// the themes.
#[component]
pub fn WorkforcePart() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let ids = Memo::new(move |_| {
        planner.plan.with(|p| {
            p.data
                .periods
                .iter()
                .map(|x| x.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = Callback::new(move |()| {
        if let Some(id) = planner.apply(Edit::AddPeriod).and_then(|a| a.created) {
            focus_soon(app, format!("rep-d-{id}-label"));
        }
    });
    view! {
        <section class="rep-section rep-data__part" aria-labelledby=WORKFORCE_ID>
            <h2 class="rep-heading-l" id=WORKFORCE_ID tabindex="-1">{m::WORKFORCE_TITLE}</h2>
            <p>{m::INTRO}</p>
            <Words/>
            <Show when=move || ids.with(Vec::is_empty)>
                <p>{m::NO_PERIODS}</p>
            </Show>
            <For
                each=move || ids.get()
                key=|id| id.clone()
                children=move |id| view! { <PeriodSection id=id/> }
            />
            <Button id="rep-d-add-period" label=m::ADD_PERIOD.to_string() on_press=add/>
            <Show when=move || ids.with(|i| i.len() > 1)>
                <OverTime/>
            </Show>
            <MetricActions/>
            <Themes/>
        </section>
    }
}

/// The words for the comparison group, and what it is compared with.
#[component]
fn Words() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let settings = move |get: fn(&race_equity_domain::plan::Settings) -> String| {
        Signal::derive(move || planner.plan.with(|p| get(&p.settings)))
    };
    let range = Memo::new(move |_| {
        planner.plan.with(|p| {
            let text = stats::format_range(p.settings.non_adverse_range);
            let (lower, upper) = text.split_once(" to ").unwrap_or((&text, ""));
            m::range(lower, upper)
        })
    });
    let pairs = |list: [(&str, &str); 2]| {
        list.into_iter()
            .map(|(v, w)| (v.to_string(), w.to_string()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="rep-anchor">
            <h3 class="rep-heading-m" id="rep-d-words">{m::WORDS_TITLE}</h3>
            <TextField
                id="rep-d-term"
                label=m::TERM
                hint=m::TERM_HINT
                width="rep-input--wide"
                value=settings(|s| s.comparison_group_term.clone())
                on_input=Callback::new(move |term| {
                    planner.apply(Edit::SetComparisonGroupTerm { term });
                })
            />
            <SelectField
                id="rep-d-reference"
                label=m::COMPARED_WITH
                options=pairs([
                    ("white", m::REFERENCE_ALL_WHITE),
                    ("white_british", m::REFERENCE_WHITE_BRITISH),
                ])
                value=settings(|s| s.reference_group.clone())
                on_change=Callback::new(move |v: String| {
                    let group = if v == "white_british" {
                        ReferenceGroup::WhiteBritish
                    } else {
                        ReferenceGroup::AllWhite
                    };
                    planner.apply(Edit::SetReferenceGroup { group });
                })
            />
            <SelectField
                id="rep-d-convention"
                label=m::CONVENTION
                options=pairs([
                    ("sc_wres", m::CONVENTION_SC_WRES),
                    ("nhs_wres", m::CONVENTION_NHS_WRES),
                ])
                value=settings(|s| match s.ratio_convention {
                    Convention::ScWres => "sc_wres".to_string(),
                    Convention::NhsWres => "nhs_wres".to_string(),
                })
                on_change=Callback::new(move |v: String| {
                    let convention = if v == "nhs_wres" {
                        Convention::NhsWres
                    } else {
                        Convention::ScWres
                    };
                    planner.apply(Edit::SetConvention { convention });
                })
            />
            <p class="rep-hint">{move || range.get()}</p>
        </div>
    }
}

/// One reporting period: its name, the error summary, the pay bands, each metric, the chart and
/// the table.
#[component]
fn PeriodSection(id: String) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let label = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                p.data
                    .periods
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| x.label.clone())
                    .unwrap_or_default()
            })
        })
    };
    // What the period's figures read, so that they are worked out again only when this period or
    // the settings change, not at each keystroke in another period (issue 18: a keystroke under 4 ms).
    let inputs = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.plan.with(|p| {
                let period = p.data.periods.iter().find(|x| x.id == id).cloned();
                (period, p.settings.clone())
            })
        })
    };
    let figures = Memo::new(move |_| {
        inputs.with(|(period, settings)| period.as_ref().map(|x| wres::period_figures(x, settings)))
    });
    let name = Memo::new(move |_| period_name(&label.get()));
    let during = {
        let id = id.clone();
        Memo::new(move |_| period_words(&id, &label.get()))
    };
    let problems = {
        let p = id.clone();
        // A memo: the summary (an alert) is redrawn only when the problems change.
        Memo::new(move |_| {
            figures.with(|f| {
                f.as_ref().map_or(Vec::new(), |f| {
                    f.problems()
                        .into_iter()
                        .map(|(metric, problem)| Problem {
                            field: field_id(&p, metric, problem.count),
                            message: format!("{}: {}", wres::metric_title(metric), problem.message),
                        })
                        .collect()
                })
            })
        })
    };
    let title_id = format!("rep-d-{id}-title");
    let metrics = ENTERED
        .iter()
        .enumerate()
        .map(|(i, &metric)| {
            let row = Memo::new(move |_| {
                figures.with(|f| f.as_ref().and_then(|f| f.metrics.get(i).cloned()))
            });
            view! { <MetricItem p=id.clone() metric=metric row=row during=during/> }
        })
        .collect_view();
    let p = id.clone();
    let remove_id = id.clone();
    let labelled_by = title_id.clone();
    view! {
        <section class="rep-section rep-period" aria-labelledby=labelled_by>
            <h3 class="rep-heading-l" id=title_id tabindex="-1">{move || name.get()}</h3>
            <TextField
                id=format!("rep-d-{id}-label")
                label=m::PERIOD_LABEL
                which=Signal::derive(move || name.get())
                hint=m::PERIOD_LABEL_HINT
                width="rep-input--short"
                value=label
                on_input={
                    let period = id.clone();
                    Callback::new(move |label| {
                        planner.apply(Edit::SetPeriodLabel { period: period.clone(), label });
                    })
                }
            />
            <RemoveButton
                key=format!("remove-period/{id}")
                label=Signal::derive(move || format!("{} ({})", m::REMOVE_PERIOD, label.get().trim()))
                on_remove=Callback::new(move |()| {
                    planner.apply(Edit::RemovePeriod { id: remove_id.clone() });
                })
                then_focus="rep-d-add-period"
            />
            <ErrorSummary id=format!("rep-d-{id}-errors") title=m::ERRORS_TITLE problems=problems level=4/>
            <Bands p=id.clone() figures=figures during=during/>
            <ol class="rep-anchors">{metrics}</ol>
            {move || figures.with(|f| f.as_ref().map(|f| period_chart(&p, &label.get(), f)))}
        </section>
    }
}

/// The period's chart (each band and metric with a figure) and its table of the metrics.
fn period_chart(p: &str, label: &str, figures: &PeriodFigures) -> Option<impl IntoView> {
    let planner = expect_context::<Planner>();
    let (range, comparison, reference, bands) = planner.plan.with_untracked(|x| {
        (
            x.settings.non_adverse_range,
            x.settings.comparison_group_term.trim().to_string(),
            wres::reference_words(&x.settings),
            x.data
                .periods
                .iter()
                .find(|x| x.id == p)
                .map(|x| x.bands.clone())
                .unwrap_or_default(),
        )
    });
    let with_figures: Vec<(Metric, &MetricFigure)> = figures
        .metrics
        .iter()
        .filter_map(|r| r.figure.as_ref().map(|f| (r.metric, f)))
        .collect();
    let mut rows: Vec<RatioRow> = figures
        .band_figures
        .iter()
        .map(|f| RatioRow {
            label: bands.get(f.band).map_or("", |b| b.name.as_str()),
            ratio: f.representation.as_ref().ok().map(|r| r.ratio),
            status: f.status,
        })
        .collect();
    rows.extend(with_figures.iter().map(|(metric, f)| RatioRow {
        label: wres::metric_title(*metric),
        ratio: f.ratio.as_ref().ok().copied(),
        status: f.status,
    }));
    if rows.is_empty() {
        return None;
    }
    let label = label.trim().to_string();
    // SVG the domain builds with its escaping `html::E` (charts.rs), band names included.
    let chart = ratio_chart_svg(
        &format!("rep-d-{p}-chart"),
        &format!("{}{label}", m::CHART_TITLE),
        m::CHART_DESC,
        &rows,
        range,
    );
    let caption_id = format!("rep-d-{p}-table");
    let rate = |r: Option<stats::Proportion>| r.map_or(String::new(), |r| format_percent(r.value));
    let body = with_figures
        .iter()
        .map(|(metric, f)| {
            view! {
                <tr>
                    <th scope="row">{title(*metric)}</th>
                    <td data-label=comparison.clone()>{rate(f.comparison_rate)}</td>
                    <td data-label=reference>{rate(f.reference_rate)}</td>
                    <td data-label=m::RATIO>{f.ratio_text.clone()}</td>
                    <td data-label=m::STATUS>{status_tag(f.status)}</td>
                </tr>
            }
        })
        .collect_view();
    let labelled_by = caption_id.clone();
    Some(view! {
        <div class="rep-figures__body">
            <div class="rep-chart-box" inner_html=chart></div>
            <div class="rep-table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
                <table class="rep-table rep-table--labelled">
                    <caption class="rep-table__caption" id=caption_id>{format!("{}{label}", m::TABLE_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{m::METRIC}</th>
                            <th scope="col">{comparison.clone()}</th>
                            <th scope="col">{reference}</th>
                            <th scope="col">{m::RATIO}</th>
                            <th scope="col">{m::STATUS}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    })
}

/// Metric 1: a row per pay band with its two counts, problems beside them, and each band's share
/// against all the staff in the bands.
#[component]
fn Bands(p: String, figures: Memo<Option<PeriodFigures>>, during: Memo<String>) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let bands = {
        let p = p.clone();
        Memo::new(move |_| {
            planner.plan.with(|x| {
                x.data
                    .periods
                    .iter()
                    .find(|x| x.id == p)
                    .map(|x| x.bands.clone())
                    .unwrap_or_default()
            })
        })
    };
    let ids =
        Memo::new(move |_| bands.with(|b| b.iter().map(|b| b.id.clone()).collect::<Vec<_>>()));
    let words = Memo::new(move |_| {
        planner.plan.with(|x| {
            (
                first_upper(x.settings.comparison_group_term.trim()),
                first_upper(wres::reference_words(&x.settings)),
            )
        })
    });
    let add = {
        let period = p.clone();
        Callback::new(move |()| {
            let edit = Edit::AddBand {
                period: period.clone(),
            };
            if let Some(id) = planner.apply(edit).and_then(|a| a.created) {
                focus_soon(app, format!("rep-d-{id}-name"));
            }
        })
    };
    let problems = {
        let p = p.clone();
        let list = Memo::new(move |_| {
            figures.with(|f| {
                f.as_ref().map_or(Vec::new(), |f| {
                    f.band_problems()
                        .iter()
                        .map(|(b, field, message)| {
                            (format!("rep-d-{p}-{b}-{field}-error"), message.clone())
                        })
                        .collect::<Vec<_>>()
                })
            })
        });
        move || problem_list(list.get())
    };
    let results = move || {
        figures.with(|f| {
            let f = f.as_ref()?;
            if f.band_figures.is_empty() {
                return None;
            }
            let items = f
                .band_figures
                .iter()
                .map(|figure| {
                    // The sentence gives the ratio; the table text adds whether it is corrected
                    // or approximate (small cells).
                    let extra = figure.ratio_text.contains(", ").then(|| {
                        view! { " " <span class="rep-hint">{format!("({})", figure.ratio_text)}</span> }
                    });
                    let small = figure
                        .small_numbers
                        .then(|| view! { <p class="rep-inset">{m::SMALL_NUMBERS}</p> });
                    view! { <li>{status_tag(figure.status)} " " {figure.sentence.clone()} {extra} {small}</li> }
                })
                .collect_view();
            Some(view! { <ul class="rep-list">{items}</ul> })
        })
    };
    let p_rows = p.clone();
    view! {
        <div class="rep-anchor" id=format!("rep-d-{p}-bands")>
            <h4 class="rep-heading-m">{m::BANDS_TITLE}</h4>
            <p class="rep-hint">{m::BANDS_HINT}</p>
            <Show
                when=move || ids.with(|i| !i.is_empty())
                fallback=|| view! { <p class="rep-hint">{m::NO_BANDS}</p> }
            >
                <table class="rep-table rep-table--counts">
                    <thead>
                        <tr>
                            <th scope="col">{m::BAND}</th>
                            <th scope="col">{move || words.get().0}</th>
                            <th scope="col">{move || words.get().1}</th>
                            <td></td>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || ids.get()
                            key=|id| id.clone()
                            children={
                                let p = p_rows.clone();
                                move |b| view! { <BandRow p=p.clone() b=b bands=bands ids=ids figures=figures during=during/> }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            {problems}
            <Button
                id=format!("rep-d-{p}-add-band")
                label=Signal::derive(move || format!("{} ({})", m::ADD_BAND, during.get()))
                on_press=add
            />
            {results}
        </div>
    }
}

/// One pay band: its name and two counts, and removing it.
#[component]
fn BandRow(
    p: String,
    b: String,
    bands: Memo<Vec<BandEntry>>,
    ids: Memo<Vec<String>>,
    figures: Memo<Option<PeriodFigures>>,
    during: Memo<String>,
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let band = {
        let b = b.clone();
        Memo::new(move |_| {
            bands.with(|all| all.iter().find(|x| x.id == b).cloned().unwrap_or_default())
        })
    };
    let position = {
        let b = b.clone();
        Memo::new(move |_| ids.with(|all| all.iter().position(|x| *x == b).unwrap_or(0)))
    };
    let which = Memo::new(move |_| match band.with(|x| x.name.trim().to_string()) {
        name if name.is_empty() => format!("{} {}", m::BAND, position.get() + 1),
        name => name,
    });
    let words = Memo::new(move |_| {
        planner.plan.with(|x| {
            (
                x.settings.comparison_group_term.trim().to_string(),
                wres::reference_words(&x.settings).to_string(),
            )
        })
    });
    let cell = |field: &'static str| {
        let id = format!("rep-d-{p}-{b}-{field}");
        let error_id = format!("{id}-error");
        let problem = {
            let b = b.clone();
            Memo::new(move |_| {
                figures.with(|f| {
                    f.as_ref().is_some_and(|f| {
                        f.band_problems()
                            .iter()
                            .any(|(pb, x, _)| *pb == b && *x == field)
                    })
                })
            })
        };
        let (period, band_id) = (p.clone(), b.clone());
        let on_input = Callback::new(move |value: String| {
            let (period, band) = (period.clone(), band_id.clone());
            planner.apply(match field {
                "name" => Edit::SetBandName {
                    period,
                    band,
                    name: value,
                },
                "c" => Edit::SetBandComparisonCount {
                    period,
                    band,
                    value,
                },
                _ => Edit::SetBandReferenceCount {
                    period,
                    band,
                    value,
                },
            });
        });
        let label = Signal::derive(move || {
            let name = match field {
                "name" => m::BAND.to_string(),
                "c" => words.with(|w| w.0.clone()),
                _ => words.with(|w| w.1.clone()),
            };
            format!("{name}, {}, {}", which.get(), during.get())
        });
        let value = Signal::derive(move || {
            band.with(|x| match field {
                "name" => x.name.clone(),
                "c" => x.comparison.clone(),
                _ => x.reference.clone(),
            })
        });
        let width = if field == "name" {
            "rep-input--short"
        } else {
            "rep-input--count"
        };
        view! {
            <td>
                <TextInput
                    id=id
                    width=width
                    aria_label=label
                    value=value
                    on_input=on_input
                    invalid=problem
                    described_by=Signal::derive(move || problem.get().then(|| error_id.clone()))
                />
            </td>
        }
    };
    let cells = (cell("name"), cell("c"), cell("r"));
    let (period, band_id) = (p.clone(), b.clone());
    view! {
        <tr>
            {cells}
            <td>
                <RemoveButton
                    key=format!("remove-band/{p}/{b}")
                    label=Signal::derive(move || format!("{} {} ({})", m::REMOVE_BAND, which.get(), during.get()))
                    on_remove=Callback::new(move |()| {
                        planner.apply(Edit::RemoveBand { period: period.clone(), band: band_id.clone() });
                    })
                    then_focus=format!("rep-d-{p}-add-band")
                />
            </td>
        </tr>
    }
}

/// One metric: its counts, any problems beside them, the figure and its sentence, and what the
/// team knows.
#[component]
fn MetricItem(
    p: String,
    metric: Metric,
    row: Memo<Option<MetricRow>>,
    during: Memo<String>,
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let id = wres::metric_id(metric);
    let (events, total) = wres::count_words(metric);
    let words = Memo::new(move |_| {
        planner.plan.with(|x| {
            (
                x.settings.comparison_group_term.trim().to_string(),
                wres::reference_words_for(&x.settings, metric).to_string(),
            )
        })
    });
    let problems = Memo::new(move |_| {
        row.with(|r| match r.as_ref().map(|r| &r.checked) {
            Some(Checked::Problems(list)) => list.clone(),
            _ => Vec::new(),
        })
    });
    let input = |count: Count, name: Signal<String>| {
        let field = field_id(&p, metric, count);
        let error_id = format!("{field}-error");
        let problem =
            Memo::new(move |_| problems.with(|list| list.iter().any(|x| x.count == count)));
        let period = p.clone();
        view! {
            <CountInput
                id=field
                label=Signal::derive(move || {
                    format!("{}, {}, {}", name.get(), wres::metric_title(metric), during.get())
                })
                value=Signal::derive(move || {
                    row.with(|r| r.as_ref().map(|r| count.of(&r.entry).to_string()).unwrap_or_default())
                })
                on_input=Callback::new(move |value| {
                    planner.apply(Edit::SetMetricCount { period: period.clone(), metric, count, value });
                })
                invalid=problem
                described_by=Signal::derive(move || problem.get().then(|| error_id.clone()))
            />
        }
    };
    let group_row = |comparison: bool, events_count: Count, total_count: Count| {
        let who = move || words.with(|w| if comparison { w.0.clone() } else { w.1.clone() });
        view! {
            <tr>
                <th scope="row">{move || first_upper(&who())}</th>
                <td>{input(events_count, Signal::derive(move || format!("{}: {events}", who())))}</td>
                <td>{input(total_count, Signal::derive(move || format!("{}: {total}", who())))}</td>
            </tr>
        }
    };
    let rows = (
        group_row(true, Count::ComparisonEvents, Count::ComparisonTotal),
        group_row(false, Count::ReferenceEvents, Count::ReferenceTotal),
    );
    let not_stated_id = field_id(&p, metric, Count::NotStated);
    let not_stated = input(
        Count::NotStated,
        Signal::derive(|| m::NOT_STATED.to_string()),
    );
    let problem_items = {
        let p = p.clone();
        move || {
            problems.with(|list| {
                problem_list(
                    list.iter()
                        .map(|x| {
                            (
                                format!("{}-error", field_id(&p, metric, x.count)),
                                x.message.clone(),
                            )
                        })
                        .collect(),
                )
            })
        }
    };
    // The figure in words, redrawn only when it changes.
    let shown = Memo::new(move |_| {
        row.with(|r| match r {
            Some(r) if r.checked == Checked::Blank => Err(m::NOT_ENTERED),
            Some(MetricRow {
                figure: Some(f), ..
            }) => Ok(f.clone()),
            _ => Err(m::FIX_TO_SEE),
        })
    });
    let sentence = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.figure.as_ref())
                .map(|f| f.sentence.clone())
                .unwrap_or_default()
        })
    });
    let stale = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(|r| r.stale)));
    let know_id = format!("rep-d-{p}-{id}-know");
    let set_know = {
        let period = p.clone();
        move |text: String| {
            planner.apply(Edit::SetWhatWeKnow {
                period: period.clone(),
                metric,
                text,
            });
        }
    };
    let stale_block = {
        let set_know = set_know.clone();
        let (p, know_id) = (p.clone(), know_id.clone());
        move || {
            stale.get().then(|| {
                let sentence = sentence.get();
                let offer = (!sentence.is_empty()).then(|| {
                    let set_know = set_know.clone();
                    let know_id = know_id.clone();
                    view! {
                        <Button
                            id=format!("rep-d-{p}-{id}-know-new")
                            label=m::KNOW_USE_NEW.to_string()
                            on_press=Callback::new(move |()| {
                                // A blank text shows the sentence the figures give now.
                                set_know(String::new());
                                focus_soon(app, know_id.clone());
                            })
                        />
                    }
                });
                let keep = {
                    let set_know = set_know.clone();
                    let know_id = know_id.clone();
                    Callback::new(move |()| {
                        // Written again as it is, it remembers the figures it now stands for.
                        let text = row.with_untracked(|r| {
                            r.as_ref().map(|r| r.entry.what_we_know.clone()).unwrap_or_default()
                        });
                        set_know(text);
                        focus_soon(app, know_id.clone());
                    })
                };
                let now = if sentence.is_empty() { m::FIX_TO_SEE.to_string() } else { sentence };
                view! {
                    <div class="rep-inset" role="status">
                        <p><strong>{format!("{}.", m::KNOW_STALE_TITLE)}</strong> " " {m::KNOW_STALE}</p>
                        <p>{now}</p>
                        <div class="rep-button-group">
                            {offer}
                            <Button id=format!("rep-d-{p}-{id}-know-keep") label=m::KNOW_KEEP.to_string() on_press=keep/>
                        </div>
                    </div>
                }
            })
        }
    };
    let item_id = format!("rep-d-{p}-{id}");
    let title_id = format!("{item_id}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="rep-anchor" id=item_id aria-labelledby=labelled_by>
            <h4 class="rep-heading-m" id=title_id>{title(metric)}</h4>
            // The four counts as a grid: a row per group, a column for the event and for the total.
            <table class="rep-table rep-table--counts">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{first_upper(events)}</th>
                        <th scope="col">{first_upper(total)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="rep-form-group">
                <FieldLabel for_id=not_stated_id text=m::NOT_STATED/>
                <p class="rep-hint">{m::NOT_STATED_HINT}</p>
                {not_stated}
            </div>
            {problem_items}
            {move || match shown.get() {
                Err(words) => view! { <p class="rep-hint">{words}</p> }.into_any(),
                Ok(figure) => figure_text(metric, &figure).into_any(),
            }}
            {stale_block}
            <TextArea
                id=know_id
                label=m::WHAT_WE_KNOW
                which=Signal::derive(move || format!("{}, {}", wres::metric_title(metric), during.get()))
                hint=m::WHAT_WE_KNOW_HINT
                value=Signal::derive(move || {
                    row.with(|r| match r.as_ref().map(|r| r.entry.what_we_know.as_str()) {
                        Some("") | None => sentence.get(),
                        Some(text) => text.to_string(),
                    })
                })
                on_input=Callback::new(set_know)
            />
        </li>
    }
}

/// A metric's figure in words: the ratio and its status, the sentence, and any warnings.
fn figure_text(metric: Metric, figure: &MetricFigure) -> impl IntoView {
    let warnings = [
        (figure.small_numbers, m::SMALL_NUMBERS),
        (figure.not_stated_flag, m::NOT_STATED_FLAG),
        (true, metric.caution().unwrap_or_default()),
    ]
    .into_iter()
    .filter(|(show, words)| *show && !words.is_empty())
    .map(|(_, words)| view! { <p class="rep-inset">{words}</p> })
    .collect_view();
    view! {
        <p class="rep-figure">
            <strong>{format!("{}: {}", m::RATIO, figure.ratio_text)}</strong>
            " "
            {status_tag(figure.status)}
        </p>
        <p>{figure.sentence.clone()}</p>
        {figure.representation.as_ref().map(|(_, sentence)| view! { <p>{sentence.clone()}</p> })}
        {warnings}
    }
}

/// Each metric's relative likelihood across periods, with the change since the period before.
#[component]
fn OverTime() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let inputs = Memo::new(move |_| {
        planner
            .plan
            .with(|p| (p.data.periods.clone(), p.settings.clone()))
    });
    // Each period's figures as last worked out, with the period and settings they came from: a
    // keystroke in one period works out that period's figures again, not every period's.
    let worked_out = StoredValue::new(Vec::<(Period, Settings, PeriodFigures)>::new());
    let table = Memo::new(move |_| {
        inputs.with(|(periods, settings)| {
            let before = worked_out.get_value();
            let now: Vec<(Period, Settings, PeriodFigures)> = periods
                .iter()
                .map(|x| {
                    let figures = before
                        .iter()
                        .find(|(period, s, _)| period == x && s == settings)
                        .map(|(_, _, f)| f.clone())
                        .unwrap_or_else(|| wres::period_figures(x, settings));
                    (x.clone(), settings.clone(), figures)
                })
                .collect();
            let figures: Vec<PeriodFigures> = now.iter().map(|(_, _, f)| f.clone()).collect();
            worked_out.set_value(now);
            let labels: Vec<String> = periods.iter().map(|x| x.label.trim().to_string()).collect();
            (labels, wres::over_time(&figures, settings))
        })
    });
    view! {
        <section class="rep-section" aria-labelledby="rep-d-over-time">
            <h3 class="rep-heading-l" id="rep-d-over-time" tabindex="-1">{m::OVER_TIME}</h3>
            <div class="rep-table-scroll" role="region" aria-labelledby="rep-d-over-time-caption" tabindex="0">
                {move || {
                    table.with(|(labels, rows)| {
                        let heads = labels.iter().map(|l| view! { <th scope="col">{l.clone()}</th> }).collect_view();
                        let body = rows
                            .iter()
                            .map(|row| {
                                let cells = row
                                    .values
                                    .iter()
                                    .zip(labels)
                                    .map(|(v, l)| view! { <td data-label=l.clone()>{v.clone()}</td> })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{title(row.metric)}</th>
                                        {cells}
                                        <td data-label=m::CHANGE>{row.change.clone()}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <table class="rep-table rep-table--labelled">
                                <caption class="rep-table__caption" id="rep-d-over-time-caption">{m::OVER_TIME_CAPTION}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{m::METRIC}</th>
                                        {heads}
                                        <th scope="col">{m::CHANGE}</th>
                                    </tr>
                                </thead>
                                <tbody>{body}</tbody>
                            </table>
                        }
                    })
                }}
            </div>
        </section>
    }
}

/// Where the metrics' actions are listed, for the screen's contents.
pub const METRIC_ACTIONS_ID: &str = "rep-d-metric-actions";

/// Each SC-WRES metric with the actions that answer it (as numbered in the action plan), and a
/// button to add one: the metric's side of the links the action plan shows from the action's.
#[component]
fn MetricActions() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let items = stats::WORKFORCE_METRICS
        .into_iter()
        .map(|metric| {
            let metric_id = wres::metric_id(metric);
            let actions = Memo::new(move |_| {
                planner.plan.with(|p| {
                    let numbers = race_equity_domain::action_plan::numbers(&p.action_plan);
                    p.action_plan
                        .actions_for_metric(metric_id)
                        .into_iter()
                        .map(|a| {
                            let n = numbers.iter().find(|(id, _)| *id == a.id).map_or(0, |(_, n)| *n);
                            format!("{} {n}: {}", m::ACTION_NUMBERED, a.description())
                        })
                        .collect::<Vec<_>>()
                })
            });
            let add = Callback::new(move |()| {
                // The new action shows in the list above the button, which keeps focus.
                planner.apply(Edit::AddActionForMetric { metric });
            });
            view! {
                <li class="rep-metric-actions__item">
                    <h4 class="rep-heading-s">{title(metric)}</h4>
                    {move || {
                        let list = actions.get();
                        if list.is_empty() {
                            view! { <p class="rep-hint">{m::NO_METRIC_ACTIONS}</p> }.into_any()
                        } else {
                            let items = list.into_iter().map(|a| view! { <li>{a}</li> }).collect_view();
                            view! { <ul class="rep-list">{items}</ul> }.into_any()
                        }
                    }}
                    <Button
                        id=format!("rep-d-add-action-{metric_id}")
                        label=format!("{} {}", m::ADD_METRIC_ACTION, wres::metric_title(metric))
                        on_press=add
                    />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rep-section" aria-labelledby=METRIC_ACTIONS_ID>
            <h3 class="rep-heading-m" id=METRIC_ACTIONS_ID tabindex="-1">{m::METRIC_ACTIONS_TITLE}</h3>
            <p class="rep-hint">{m::METRIC_ACTIONS_HINT}</p>
            <ul class="rep-metric-actions">{items}</ul>
        </section>
    }
}

/// The six action-plan themes and seven key areas, each with the metrics that inform it.
#[component]
fn Themes() -> impl IntoView {
    [
        (m::THEMES_TITLE, m::THEME, &wres::THEMES[..]),
        (m::KEY_AREAS_TITLE, m::KEY_AREA, &wres::KEY_AREAS[..]),
    ]
    .into_iter()
    .map(|(heading, first, list)| {
        let rows = list
            .iter()
            .map(|(name, metrics)| {
                let names: Vec<String> = metrics.iter().map(|x| title(*x)).collect();
                let text = if names.is_empty() {
                    m::NONE_DIRECT.to_string()
                } else {
                    names.join("; ")
                };
                view! {
                    <tr>
                        <th scope="row">{*name}</th>
                        <td data-label=m::METRICS>{text}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <details class="rep-details">
                <summary class="rep-details__summary">{heading}</summary>
                <div class="rep-details__text">
                    <table class="rep-table rep-table--labelled">
                        <thead>
                            <tr>
                                <th scope="col">{first}</th>
                                <th scope="col">{m::METRICS}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        }
    })
    .collect_view()
}
