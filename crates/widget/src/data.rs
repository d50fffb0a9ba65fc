//! The Data screen: the Social Care WRES metrics by reporting period. Counts are typed as text and
//! checked field by field (each problem beside its field and in an error summary, GOV.UK style);
//! valid counts give both rates, the relative likelihood with its interval and status, a sentence,
//! and a chart; periods sit side by side; the themes and key areas show which metrics inform them.
//!
//! Drawn as HTML text and patched in place (see `live_html.rs`); every change goes through
//! `race_equity_domain::plan::edit` and `Planner::edit`.

use std::fmt::Write;

use leptos::prelude::*;
use race_equity_domain::charts::{ratio_chart_svg, RatioRow};
use race_equity_domain::html::E;
use race_equity_domain::messages::data as m;
use race_equity_domain::plan::{MetricEntry, Period, Plan};
use race_equity_domain::stats::{self, format_percent, format_ratio, Metric, RatioStatus};
use race_equity_domain::wres::{self, Checked, Count, MetricFigure, ENTERED};
use web_sys::Element;

use crate::fields::{button, disabled, label, plan_screen, readonly, remove_button};
use crate::live_html::Drawn;
use crate::state::Planner;

/// The whole Data screen.
pub fn data_screen() -> impl IntoView {
    plan_screen("rep-data", render, act)
}

/// Carries out a button's action; returns the id of the element to focus afterwards.
fn act(planner: Planner, key: &str, _root: &Element) -> Option<String> {
    // A "what we know" text written for other figures: replace it with the sentence the figures
    // give now (a blank text shows that sentence), or keep it, which remembers the new figures.
    if let Some((keep, rest)) = key
        .strip_prefix("know-keep/")
        .map(|r| (true, r))
        .or_else(|| key.strip_prefix("know-new/").map(|r| (false, r)))
    {
        let (period, metric) = rest.split_once('/')?;
        let text = if keep {
            planner.plan.with_untracked(|plan| {
                plan.data
                    .periods
                    .iter()
                    .find(|p| p.id == period)
                    .and_then(|p| p.metrics.iter().find(|e| e.metric == metric))
                    .map(|e| e.what_we_know.clone())
            })?
        } else {
            String::new()
        };
        planner.set_field(&format!("dm/{rest}/know"), &text);
        return Some(format!("rep-d-{period}-{metric}-know"));
    }
    if key == "national-baseline" {
        planner.act(key)?;
        return Some("rep-s-pop-0".into());
    }
    match planner.act(key)? {
        // A new band ("d1-b2") focuses its name; a new period its name.
        Some(id) if id.contains('-') => Some(format!("rep-d-{id}-name")),
        Some(id) => Some(format!("rep-d-{id}-label")),
        None => match key.strip_prefix("remove-band/") {
            Some(rest) => Some(format!(
                "rep-d-{}-add-band",
                rest.split('/').next().unwrap_or_default()
            )),
            None => Some("rep-d-add-period".into()),
        },
    }
}

/// The status tag: words first, colour only repeats them.
pub(crate) fn status_tag(h: &mut String, status: RatioStatus) {
    let colour = match status {
        RatioStatus::Within => "green",
        RatioStatus::Adverse => "red",
        RatioStatus::FavourableToComparison | RatioStatus::Higher | RatioStatus::Lower => "blue",
        RatioStatus::OutsideNotConclusive
        | RatioStatus::HigherNotConclusive
        | RatioStatus::LowerNotConclusive => "yellow",
        RatioStatus::TooFewToTell | RatioStatus::NotComputable => "grey",
    };
    w!(
        h,
        r#"<strong class="rep-tag rep-tag--{colour}">{}</strong>"#,
        status.label()
    );
}

/// "0.774 (0.574 to 1.04)", with ", corrected" or ", approximate" where they apply, or why there
/// is no ratio: the domain's text, which agrees with the status.
fn ratio_text(figure: &MetricFigure) -> String {
    figure.ratio_text.clone()
}

/// A metric's title with its SC-WRES number: "2. Appointment from shortlisting".
fn title(metric: Metric) -> String {
    format!(
        "{}. {}",
        metric.number().unwrap_or_default(),
        wres::metric_title(metric)
    )
}

/// Each entered metric of a period, with its entry and its checked counts.
type Rows = Vec<(Metric, MetricEntry, Checked)>;

/// The Data screen as HTML.
pub fn render(
    plan: &Plan,
    read_only: bool,
    _today: &str,
    confirm: Option<&str>,
    drawn: &Drawn,
) -> String {
    let h = &mut String::new();
    w!(h, r#"<p class="rep-body-l">{}</p>"#, E(m::INTRO));
    words(h, plan, read_only);
    crate::service_data::section(h, plan, read_only, drawn);
    if plan.data.periods.is_empty() {
        w!(h, "<p>{}</p>", E(m::NO_PERIODS));
    }
    let mut figures_by_period = Vec::new();
    for period in &plan.data.periods {
        let rows = wres::check_period(period, &plan.settings);
        period_section(h, plan, period, &rows, read_only, confirm, drawn);
        figures_by_period.push((period, rows));
    }
    button(
        h,
        "add-period",
        "rep-d-add-period",
        m::ADD_PERIOD,
        read_only,
    );
    if figures_by_period.len() > 1 {
        over_time(h, plan, &figures_by_period);
    }
    themes(h);
    std::mem::take(h)
}

/// The words for the comparison group, and what it is compared with.
fn words(h: &mut String, plan: &Plan, read_only: bool) {
    let range = plan.settings.non_adverse_range;
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-d-words"><h2 class="rep-heading-l" id="rep-d-words">{}</h2><div class="rep-form-group"><label class="rep-label" for="rep-d-term">{}</label><p class="rep-hint" id="rep-d-term-hint">{}</p><input class="rep-input rep-input--wide" type="text" id="rep-d-term" autocomplete="off" aria-describedby="rep-d-term-hint" value="{}" data-f="plan/term"{}></div>"#,
        E(m::WORDS_TITLE),
        E(m::TERM),
        E(m::TERM_HINT),
        E(&plan.settings.comparison_group_term),
        readonly(read_only)
    );
    let settings = &plan.settings;
    let convention = match settings.ratio_convention {
        stats::Convention::ScWres => "sc_wres",
        stats::Convention::NhsWres => "nhs_wres",
    };
    for (id, title, chosen, choices) in [
        (
            "reference",
            m::COMPARED_WITH,
            settings.reference_group.as_str(),
            [
                ("white", m::REFERENCE_ALL_WHITE),
                ("white_british", m::REFERENCE_WHITE_BRITISH),
            ],
        ),
        (
            "convention",
            m::CONVENTION,
            convention,
            [
                ("sc_wres", m::CONVENTION_SC_WRES),
                ("nhs_wres", m::CONVENTION_NHS_WRES),
            ],
        ),
    ] {
        w!(
            h,
            r#"<div class="rep-form-group"><label class="rep-label" for="rep-d-{id}">{}</label><select class="rep-select" id="rep-d-{id}" data-f="settings/{id}"{}>"#,
            E(title),
            disabled(read_only)
        );
        for (value, words) in choices {
            let selected = if value == chosen { " selected" } else { "" };
            w!(
                h,
                r#"<option value="{value}"{selected}>{}</option>"#,
                E(words)
            );
        }
        h.push_str("</select></div>");
    }
    w!(
        h,
        r#"<p class="rep-hint">{}</p></section>"#,
        E(&{
            let text = stats::format_range(range);
            let (lower, upper) = text.split_once(" to ").unwrap_or((&text, ""));
            m::range(lower, upper)
        })
    );
}

/// One reporting period: its name, the error summary, each metric, the chart and the table.
fn period_section(
    h: &mut String,
    plan: &Plan,
    period: &Period,
    rows: &[(Metric, MetricEntry, Checked)],
    read_only: bool,
    confirm: Option<&str>,
    drawn: &Drawn,
) {
    let p = &period.id;
    let name = match period.label.trim() {
        "" => m::PERIOD.to_string(),
        label => format!("{}: {label}", m::PERIOD),
    };
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-d-{}-title"><h2 class="rep-heading-l" id="rep-d-{}-title">{}</h2><div class="rep-form-group">"#,
        E(p),
        E(p),
        E(&name)
    );
    label(h, &format!("rep-d-{p}-label"), m::PERIOD_LABEL, &name);
    w!(
        h,
        r#"<p class="rep-hint">{}</p><input class="rep-input rep-input--short" type="text" id="rep-d-{}-label" autocomplete="off" value="{}" data-f="dp/{}/label"{}></div>"#,
        E(m::PERIOD_LABEL_HINT),
        E(p),
        E(&period.label),
        E(p),
        readonly(read_only)
    );
    remove_button(
        h,
        &format!("remove-period/{p}"),
        &format!("{} ({})", m::REMOVE_PERIOD, period.label.trim()),
        read_only,
        confirm,
    );
    error_summary(h, p, rows);
    let band_figures = pay_bands(h, plan, period, read_only, confirm);
    h.push_str(r#"<ol class="rep-anchors">"#);
    let mut chart_rows: Vec<RatioRow> = band_figures
        .iter()
        .map(|f| RatioRow {
            label: &period.bands[f.band].name,
            ratio: f.representation.as_ref().ok().map(|r| r.ratio),
            status: f.status,
        })
        .collect();
    let mut figures = Vec::new();
    for (metric, entry, checked) in rows {
        let figure = match checked {
            Checked::Counts(counts) => Some(wres::figure(*metric, *counts, &plan.settings)),
            _ => None,
        };
        metric_item(
            h,
            plan,
            p,
            *metric,
            entry,
            checked,
            figure.as_ref(),
            read_only,
            drawn,
        );
        if let Some(figure) = figure {
            figures.push((*metric, figure));
        }
    }
    h.push_str("</ol>");
    for (metric, figure) in &figures {
        chart_rows.push(RatioRow {
            label: wres::metric_title(*metric),
            ratio: figure.ratio.ok(),
            status: figure.status,
        });
    }
    if !chart_rows.is_empty() {
        let chart_title = format!("{}{}", m::CHART_TITLE, period.label.trim());
        h.push_str(r#"<div class="rep-chart-box">"#);
        h.push_str(&ratio_chart_svg(
            &format!("rep-d-{p}-chart"),
            &chart_title,
            m::CHART_DESC,
            &chart_rows,
            plan.settings.non_adverse_range,
        ));
        w!(
            h,
            r#"</div><div class="rep-table-scroll" role="region" aria-labelledby="rep-d-{}-table" tabindex="0"><table class="rep-table"><caption class="rep-table__caption" id="rep-d-{}-table">{}{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            E(p),
            E(p),
            E(m::TABLE_CAPTION),
            E(period.label.trim()),
            E(m::METRIC),
            E(plan.settings.comparison_group_term.trim()),
            E(wres::reference_words(&plan.settings)),
            E(m::RATIO),
            E(m::STATUS)
        );
        for (metric, figure) in &figures {
            let rate =
                |r: Option<stats::Proportion>| r.map_or(String::new(), |r| format_percent(r.value));
            w!(
                h,
                r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>"#,
                E(&title(*metric)),
                rate(figure.comparison_rate),
                rate(figure.reference_rate),
                E(&ratio_text(figure))
            );
            status_tag(h, figure.status);
            h.push_str("</td></tr>");
        }
        h.push_str("</tbody></table></div>");
    }
    h.push_str("</section>");
}

/// Metric 1: a row per pay band with its two counts, problems beside them, and each band's share
/// against all the staff in the bands. Returns the bands' figures, for the chart.
fn pay_bands(
    h: &mut String,
    plan: &Plan,
    period: &Period,
    read_only: bool,
    confirm: Option<&str>,
) -> Vec<wres::BandFigure> {
    let p = &period.id;
    let during = period_words(period);
    let comparison = plan.settings.comparison_group_term.trim();
    let reference = wres::reference_words(&plan.settings);
    w!(
        h,
        r#"<div class="rep-anchor" id="rep-d-{}-bands"><h3 class="rep-heading-m">{}</h3><p class="rep-hint">{}</p>"#,
        E(p),
        E(m::BANDS_TITLE),
        E(m::BANDS_HINT)
    );
    let checked = wres::check_bands(&period.bands, comparison, reference);
    let problems = checked.as_ref().err().cloned().unwrap_or_default();
    if period.bands.is_empty() {
        w!(h, r#"<p class="rep-hint">{}</p>"#, E(m::NO_BANDS));
    } else {
        w!(
            h,
            r#"<table class="rep-table rep-table--counts"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><td></td></tr></thead><tbody>"#,
            E(m::BAND),
            E(&first_upper(comparison)),
            E(&first_upper(reference))
        );
        for (n, band) in period.bands.iter().enumerate() {
            let b = &band.id;
            let which = match band.name.trim() {
                "" => format!("{} {}", m::BAND, n + 1),
                name => name.to_string(),
            };
            h.push_str("<tr>");
            for (field, value, name) in [
                ("name", &band.name, m::BAND),
                ("c", &band.comparison, comparison),
                ("r", &band.reference, reference),
            ] {
                let id = format!("rep-d-{}-{}-{field}", E(p), E(b));
                let invalid = if problems.iter().any(|(pb, f, _)| pb == b && *f == field) {
                    format!(r#" aria-invalid="true" aria-describedby="{id}-error""#)
                } else {
                    String::new()
                };
                let class = if field == "name" {
                    "rep-input--short"
                } else {
                    "rep-input--count"
                };
                w!(
                    h,
                    r#"<td><input class="rep-input {class}" type="text" id="{id}" autocomplete="off" aria-label="{}, {}, {}" value="{}" data-f="db/{}/{}/{field}"{invalid}{}></td>"#,
                    E(name),
                    E(&which),
                    E(&during),
                    E(value),
                    E(p),
                    E(b),
                    readonly(read_only)
                );
            }
            h.push_str("<td>");
            remove_button(
                h,
                &format!("remove-band/{p}/{b}"),
                &format!("{} {which} ({during})", m::REMOVE_BAND),
                read_only,
                confirm,
            );
            h.push_str("</td></tr>");
        }
        h.push_str("</tbody></table>");
    }
    if !problems.is_empty() {
        h.push_str(r#"<ul class="rep-list rep-form-group--error">"#);
        for (b, field, message) in &problems {
            w!(
                h,
                r#"<li class="rep-error-message" id="rep-d-{}-{}-{field}-error">{}</li>"#,
                E(p),
                E(b),
                E(message)
            );
        }
        h.push_str("</ul>");
    }
    button(
        h,
        &format!("add-band/{p}"),
        &format!("rep-d-{p}-add-band"),
        &format!("{} ({during})", m::ADD_BAND),
        read_only,
    );
    let figures = match &checked {
        Ok(counts) => wres::band_figures(&period.bands, counts, &plan.settings),
        Err(_) => Vec::new(),
    };
    if !figures.is_empty() {
        h.push_str(r#"<ul class="rep-list">"#);
        for figure in &figures {
            w!(h, "<li>");
            status_tag(h, figure.status);
            w!(h, " {}", E(&figure.sentence));
            // The sentence gives the ratio; the table text adds whether it is corrected or
            // approximate (small cells).
            if figure.ratio_text.contains(", ") {
                w!(
                    h,
                    r#" <span class="rep-hint">({})</span>"#,
                    E(&figure.ratio_text)
                );
            }
            if figure.small_numbers {
                w!(h, r#"<p class="rep-inset">{}</p>"#, E(m::SMALL_NUMBERS));
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>");
    figures
}

/// The GOV.UK error summary: every problem in the period, each a link to its field.
fn error_summary(h: &mut String, p: &str, rows: &[(Metric, MetricEntry, Checked)]) {
    let problems: Vec<_> = rows
        .iter()
        .filter_map(|(metric, _, checked)| match checked {
            Checked::Problems(list) => Some((*metric, list)),
            _ => None,
        })
        .collect();
    if problems.is_empty() {
        return;
    }
    w!(
        h,
        r#"<div class="rep-error-summary" role="alert" id="rep-d-{}-errors"><h3 class="rep-error-summary__title">{}</h3><ul class="rep-list">"#,
        E(p),
        E(m::ERRORS_TITLE)
    );
    for (metric, list) in problems {
        for problem in list.iter() {
            let id = field_id(p, metric, problem.count);
            w!(
                h,
                r##"<li><a href="#{id}" data-focus="{id}">{}: {}</a></li>"##,
                E(wres::metric_title(metric)),
                E(&problem.message)
            );
        }
    }
    h.push_str("</ul></div>");
}

fn field_id(p: &str, metric: Metric, count: Count) -> String {
    format!("rep-d-{}-{}-{}", E(p), wres::metric_id(metric), count.id())
}

/// The period as its fields' names say it ("2023-24", or "reporting period 2" before it has a
/// name), so that two periods' fields are told apart by screen readers.
fn period_words(period: &Period) -> String {
    match period.label.trim() {
        "" => format!(
            "{} {}",
            m::PERIOD.to_ascii_lowercase(),
            period.id.trim_start_matches('d')
        ),
        label => label.to_string(),
    }
}

/// Words with a capital first letter ("Appointed"); our count words start with a-z.
fn first_upper(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// One metric: its counts, any problems beside them, the figure and its sentence, and what the
/// team knows.
#[allow(clippy::too_many_arguments)]
fn metric_item(
    h: &mut String,
    plan: &Plan,
    p: &str,
    metric: Metric,
    entry: &MetricEntry,
    checked: &Checked,
    figure: Option<&MetricFigure>,
    read_only: bool,
    drawn: &Drawn,
) {
    let id = wres::metric_id(metric);
    let during = plan
        .data
        .periods
        .iter()
        .find(|x| x.id == p)
        .map(period_words)
        .unwrap_or_default();
    let (events, total) = wres::count_words(metric);
    let comparison = plan.settings.comparison_group_term.trim();
    let reference = wres::reference_words_for(&plan.settings, metric);
    let problems: &[wres::FieldProblem] = match checked {
        Checked::Problems(list) => list,
        _ => &[],
    };
    let inner = &mut String::new();
    w!(
        inner,
        r#"<h3 class="rep-heading-m" id="rep-d-{}-{id}-title">{}</h3>"#,
        E(p),
        E(&title(metric))
    );
    // The four counts as a grid: a row per group, a column for the event and for the total.
    w!(
        inner,
        r#"<table class="rep-table rep-table--counts"><thead><tr><td></td><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        E(&first_upper(events)),
        E(&first_upper(total))
    );
    let input = |h: &mut String, count: Count, name: &str| {
        let field = field_id(p, metric, count);
        let invalid = if problems.iter().any(|x| x.count == count) {
            format!(r#" aria-invalid="true" aria-describedby="{field}-error""#)
        } else {
            String::new()
        };
        w!(
            h,
            r#"<input class="rep-input rep-input--count" type="text" inputmode="numeric" id="{field}" autocomplete="off" aria-label="{}, {}, {}" value="{}" data-f="dm/{}/{id}/{}"{invalid}{}>"#,
            E(name),
            E(wres::metric_title(metric)),
            E(&during),
            E(count.of(entry)),
            E(p),
            count.id(),
            readonly(read_only)
        );
    };
    for (who, events_count, total_count) in [
        (comparison, Count::ComparisonEvents, Count::ComparisonTotal),
        (reference, Count::ReferenceEvents, Count::ReferenceTotal),
    ] {
        w!(
            inner,
            r#"<tr><th scope="row">{}</th><td>"#,
            E(&first_upper(who))
        );
        input(inner, events_count, &format!("{who}: {events}"));
        inner.push_str("</td><td>");
        input(inner, total_count, &format!("{who}: {total}"));
        inner.push_str("</td></tr>");
    }
    w!(
        inner,
        r#"</tbody></table><div class="rep-form-group"><label class="rep-label" for="{}">{}</label><p class="rep-hint">{}</p>"#,
        field_id(p, metric, Count::NotStated),
        E(m::NOT_STATED),
        E(m::NOT_STATED_HINT)
    );
    input(inner, Count::NotStated, m::NOT_STATED);
    inner.push_str("</div>");
    if !problems.is_empty() {
        inner.push_str(r#"<ul class="rep-list rep-form-group--error">"#);
        for problem in problems {
            w!(
                inner,
                r#"<li class="rep-error-message" id="{}-error">{}</li>"#,
                field_id(p, metric, problem.count),
                E(&problem.message)
            );
        }
        inner.push_str("</ul>");
    }
    match (checked, figure) {
        (Checked::Blank, _) => w!(inner, r#"<p class="rep-hint">{}</p>"#, E(m::NOT_ENTERED)),
        (_, None) => w!(inner, r#"<p class="rep-hint">{}</p>"#, E(m::FIX_TO_SEE)),
        (_, Some(figure)) => figure_text(inner, metric, figure),
    }
    let sentence = figure.map(|f| f.sentence.as_str()).unwrap_or_default();
    let know = match entry.what_we_know.as_str() {
        "" => sentence,
        text => text,
    };
    let field = format!("rep-d-{}-{id}-know", E(p));
    if wres::what_we_know_is_stale(entry, &plan.settings) {
        w!(
            inner,
            r#"<div class="rep-inset" role="status"><p><strong>{}.</strong> {}</p><p>{}</p><div class="rep-button-group">"#,
            E(m::KNOW_STALE_TITLE),
            E(m::KNOW_STALE),
            E(if sentence.is_empty() {
                m::FIX_TO_SEE
            } else {
                sentence
            })
        );
        if !sentence.is_empty() {
            button(
                inner,
                &format!("know-new/{p}/{id}"),
                &format!("rep-d-{p}-{id}-know-new"),
                m::KNOW_USE_NEW,
                read_only,
            );
        }
        button(
            inner,
            &format!("know-keep/{p}/{id}"),
            &format!("rep-d-{p}-{id}-know-keep"),
            m::KNOW_KEEP,
            read_only,
        );
        inner.push_str("</div></div>");
    }
    w!(
        inner,
        // `&#10;`: the HTML parser drops one line break after <textarea>, so a text
        // that starts with one keeps it.
        r#"<div class="rep-form-group"><label class="rep-label" for="{field}">{}<span class="rep-visually-hidden"> ({}, {})</span></label><p class="rep-hint" id="{field}-hint">{}</p><textarea class="rep-textarea" id="{field}" rows="3" aria-describedby="{field}-hint" data-f="dm/{}/{id}/know"{}>&#10;{}</textarea></div>"#,
        E(m::WHAT_WE_KNOW),
        E(wres::metric_title(metric)),
        E(&during),
        E(m::WHAT_WE_KNOW_HINT),
        E(p),
        readonly(read_only),
        E(know)
    );
    drawn.block(
        h,
        "li",
        &format!(
            r#"class="rep-anchor" id="rep-d-{}-{id}" aria-labelledby="rep-d-{}-{id}-title""#,
            E(p),
            E(p)
        ),
        inner,
    );
}

/// A metric's figure in words: the ratio and its status, the sentence, and any warnings.
fn figure_text(h: &mut String, metric: Metric, figure: &MetricFigure) {
    w!(
        h,
        r#"<p class="rep-figure"><strong>{}: {}</strong> "#,
        E(m::RATIO),
        E(&ratio_text(figure))
    );
    status_tag(h, figure.status);
    w!(h, "</p><p>{}</p>", E(&figure.sentence));
    if let Some((_, sentence)) = &figure.representation {
        w!(h, "<p>{}</p>", E(sentence));
    }
    for (show, words) in [
        (figure.small_numbers, m::SMALL_NUMBERS),
        (figure.not_stated_flag, m::NOT_STATED_FLAG),
        (true, metric.caution().unwrap_or_default()),
    ] {
        if show && !words.is_empty() {
            w!(h, r#"<p class="rep-inset">{}</p>"#, E(words));
        }
    }
}

/// Each metric's relative likelihood across periods, with the change since the period before.
fn over_time(h: &mut String, plan: &Plan, periods: &[(&Period, Rows)]) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-d-over-time"><h2 class="rep-heading-l" id="rep-d-over-time">{}</h2><div class="rep-table-scroll" role="region" aria-labelledby="rep-d-over-time-caption" tabindex="0"><table class="rep-table"><caption class="rep-table__caption" id="rep-d-over-time-caption">{}</caption><thead><tr><th scope="col">{}</th>"#,
        E(m::OVER_TIME),
        E(m::OVER_TIME_CAPTION),
        E(m::METRIC)
    );
    for (period, _) in periods {
        w!(h, r#"<th scope="col">{}</th>"#, E(period.label.trim()));
    }
    w!(
        h,
        r#"<th scope="col">{}</th></tr></thead><tbody>"#,
        E(m::CHANGE)
    );
    for (i, &metric) in ENTERED.iter().enumerate() {
        w!(h, r#"<tr><th scope="row">{}</th>"#, E(&title(metric)));
        let values: Vec<Option<f64>> = periods
            .iter()
            .map(|(_, rows)| match &rows[i].2 {
                Checked::Counts(counts) => wres::figure(metric, *counts, &plan.settings)
                    .ratio
                    .ok()
                    .map(|r| r.value),
                _ => None,
            })
            .collect();
        for value in &values {
            w!(
                h,
                "<td>{}</td>",
                // As the figure beside its status shows it: never rounded onto or across an end
                // of the range.
                value
                    .map(|v| stats::format_ratio_in(v, plan.settings.non_adverse_range))
                    .unwrap_or_default()
            );
        }
        let change = match values.as_slice() {
            [.., Some(before), Some(now)] => {
                let sign = if now >= before { "+" } else { "\u{2212}" };
                format!("{sign}{}", format_ratio((now - before).abs()))
            }
            _ => String::new(),
        };
        w!(h, "<td>{change}</td></tr>");
    }
    h.push_str("</tbody></table></div></section>");
}

/// The six action-plan themes and seven key areas, each with the metrics that inform it.
fn themes(h: &mut String) {
    for (heading, first, list) in [
        (m::THEMES_TITLE, m::THEME, &wres::THEMES[..]),
        (m::KEY_AREAS_TITLE, m::KEY_AREA, &wres::KEY_AREAS[..]),
    ] {
        w!(
            h,
            r#"<details class="rep-details"><summary class="rep-details__summary">{}</summary><div class="rep-details__text"><table class="rep-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            E(heading),
            E(first),
            E(m::METRICS)
        );
        for (name, metrics) in list {
            let names: Vec<String> = metrics.iter().map(|m| title(*m)).collect();
            let text = if names.is_empty() {
                m::NONE_DIRECT.to_string()
            } else {
                names.join("; ")
            };
            w!(
                h,
                r#"<tr><th scope="row">{}</th><td>{}</td></tr>"#,
                E(name),
                E(&text)
            );
        }
        h.push_str("</tbody></table></div></details>");
    }
}
