//! The service figures for REAP anchors 1.1 and 1.2, a section of the Data screen: the local
//! population, the service's counts by group, and what they show (representation, outcomes and
//! time to employment), each comparison linked to its anchor on the REAP screen.
//!
//! Checking and every figure come from `race_equity_domain::service`; this only draws.

use std::fmt::Write;

use race_equity_domain::caseload::CaseloadGroup;
use race_equity_domain::charts::{share_chart_svg, ShareRow};
use race_equity_domain::html::E;
use race_equity_domain::messages::service as m;
use race_equity_domain::plan::Plan;
use race_equity_domain::service::{self, Checked, Field};
use race_equity_domain::stats::{format_percent, RatioStatus};

use crate::data::status_tag;
use crate::fields::{button, disabled, readonly};
use crate::live_html::Drawn;

/// An input for field `f` (its id is `rep-s-<f>`), marked invalid when it has a problem.
fn input(h: &mut String, checked: &Checked, f: &str, key: &str, name: &str, value: &str, ro: bool) {
    let invalid = if checked.problem(f).is_some() {
        format!(r#" aria-invalid="true" aria-describedby="rep-s-{f}-error""#)
    } else {
        String::new()
    };
    w!(
        h,
        r#"<input class="rep-input {}" type="text" id="rep-s-{f}" autocomplete="off" aria-label="{}" value="{}" data-f="{key}"{invalid}{}>"#,
        // The days to each job start are a list.
        if f.ends_with("-d") {
            "rep-input--medium"
        } else {
            "rep-input--count"
        },
        E(name),
        E(value),
        readonly(ro)
    );
}

/// The problems of fields whose id starts with `prefix`, each with the id its field points to.
fn problems(h: &mut String, checked: &Checked, which: impl Fn(&str) -> bool) {
    let mut list = checked
        .problems
        .iter()
        .filter(|p| which(&p.field))
        .peekable();
    if list.peek().is_none() {
        return;
    }
    h.push_str(r#"<ul class="rep-list rep-form-group--error">"#);
    for p in list {
        w!(
            h,
            r#"<li class="rep-error-message" id="rep-s-{}-error">{}</li>"#,
            p.field,
            E(&p.message)
        );
    }
    h.push_str("</ul>");
}

/// The whole section, as one block: a keystroke elsewhere on the Data screen leaves it alone in
/// the page (see `Drawn`).
pub fn section(out: &mut String, plan: &Plan, ro: bool, drawn: &Drawn) {
    let h = &mut String::new();
    let data = &plan.data.service;
    let checked = service::check(data);
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-s-title"><h2 class="rep-heading-l" id="rep-s-title">{}</h2><p class="rep-hint">{}</p>"#,
        E(m::TITLE),
        E(m::INTRO)
    );
    if !checked.problems.is_empty() {
        w!(
            h,
            r#"<div class="rep-error-summary" role="alert" id="rep-s-errors"><h3 class="rep-error-summary__title">{}</h3><ul class="rep-list">"#,
            E(race_equity_domain::messages::data::ERRORS_TITLE)
        );
        for p in &checked.problems {
            w!(
                h,
                r##"<li><a href="#rep-s-{0}" data-focus="rep-s-{0}">{1}</a></li>"##,
                p.field,
                E(&p.message)
            );
        }
        h.push_str("</ul></div>");
    }
    population(h, data, &checked, ro);
    counts(h, data, &checked, ro);
    shows(h, plan, &checked);
    h.push_str("</section>");
    drawn.block(out, "div", r#"id="rep-s-block""#, h);
}

fn population(
    h: &mut String,
    data: &race_equity_domain::plan::ServiceData,
    checked: &Checked,
    ro: bool,
) {
    let detailed = data.population_detailed;
    w!(
        h,
        r#"<div class="rep-anchor" id="rep-s-population"><h3 class="rep-heading-m">{}</h3><p class="rep-hint">{}</p><div class="rep-form-group"><label class="rep-label" for="rep-s-detailed">{}</label><select class="rep-select" id="rep-s-detailed" data-f="service/detailed"{}>"#,
        E(m::POPULATION),
        E(m::POPULATION_HINT),
        E(m::DETAILED),
        disabled(ro)
    );
    for (value, words, chosen) in [("5", m::FIVE, !detailed), ("19", m::NINETEEN, detailed)] {
        let selected = if chosen { " selected" } else { "" };
        w!(
            h,
            r#"<option value="{value}"{selected}>{}</option>"#,
            E(words)
        );
    }
    w!(
        h,
        r#"</select></div><div class="rep-form-group"><label class="rep-label" for="rep-s-source">{}</label><input class="rep-input rep-input--wide" type="text" id="rep-s-source" autocomplete="off" value="{}" data-f="service/source"{}></div>"#,
        E(m::SOURCE),
        E(&data.population_source),
        readonly(ro)
    );
    let typed = service::population_typed(data);
    if !detailed && typed.iter().all(|t| t.trim().is_empty()) {
        button(h, "national-baseline", "rep-s-national", m::NATIONAL, ro);
    }
    w!(
        h,
        r#"<table class="rep-table rep-table--counts"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        E(m::GROUP),
        E(m::POPULATION),
        E(m::SHARE)
    );
    let set = if detailed { "c" } else { "g" };
    for i in 0..service::population_len(detailed) {
        let name = service::population_label(detailed, i);
        w!(h, r#"<tr><th scope="row">{}</th><td>"#, E(&name));
        input(
            h,
            checked,
            &format!("pop-{i}"),
            &format!("sp/{set}/{i}"),
            &format!("{}, {name}", m::POPULATION),
            typed.get(i).map_or("", String::as_str),
            ro,
        );
        h.push_str("</td><td>");
        // The share of each group (on its first row when the 19 categories are typed).
        if let (Some(pop), false) = (checked.population, detailed) {
            h.push_str(&format_percent(pop[i]));
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>");
    problems(h, checked, |f| f.starts_with("pop-"));
    h.push_str("</div>");
}

fn counts(
    h: &mut String,
    data: &race_equity_domain::plan::ServiceData,
    checked: &Checked,
    ro: bool,
) {
    w!(
        h,
        r#"<div class="rep-anchor" id="rep-s-counts"><h3 class="rep-heading-m">{}</h3><div class="rep-form-group"><label class="rep-label" for="rep-s-as_at">{}</label><p class="rep-hint">{}</p><input class="rep-input rep-input--wide" type="text" id="rep-s-as_at" autocomplete="off" value="{}" data-f="service/as_at"{}></div><p class="rep-hint">{}</p><div class="rep-table-scroll" role="region" aria-labelledby="rep-s-counts-caption" tabindex="0"><table class="rep-table rep-table--counts"><caption class="rep-visually-hidden" id="rep-s-counts-caption">{}</caption><thead><tr><th scope="col">{}</th>"#,
        E(m::FIGURES),
        E(m::AS_AT),
        E(m::AS_AT_HINT),
        E(&data.as_at),
        readonly(ro),
        E(m::DAYS_HINT),
        E(m::FIGURES),
        E(m::GROUP)
    );
    for field in Field::ALL {
        w!(h, r#"<th scope="col">{}</th>"#, E(field.label()));
    }
    h.push_str("</tr></thead><tbody>");
    for group in CaseloadGroup::ALL {
        let row = service::row(data, group);
        w!(h, r#"<tr><th scope="row">{}</th>"#, E(group.short_label()));
        for field in Field::ALL {
            h.push_str("<td>");
            let f = format!("{}-{}", group.id(), field.id());
            input(
                h,
                checked,
                &f,
                &format!("sv/{}/{}", group.id(), field.id()),
                &format!("{}, {}", field.label(), group.short_label()),
                field.of(&row),
                ro,
            );
            h.push_str("</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    problems(h, checked, |f| !f.starts_with("pop-"));
    h.push_str("</div>");
}

/// A group's label, with * when its numbers are small.
fn group_label(label: &str, small: bool) -> String {
    if small {
        format!("{label} *")
    } else {
        label.to_string()
    }
}

fn shows(h: &mut String, plan: &Plan, checked: &Checked) {
    let range = plan.settings.non_adverse_range;
    w!(
        h,
        r#"<div class="rep-anchor" id="rep-s-shows"><h3 class="rep-heading-m">{}</h3>"#,
        E(m::SHOWS)
    );
    let comparisons = service::comparisons(checked, range);
    let jobs = service::outcome_rates(checked, Field::Jobs, range);
    if comparisons.is_empty() && jobs.is_empty() {
        w!(h, r#"<p class="rep-hint">{}</p>"#, E(m::NOTHING_YET));
    }
    let mut any_small = false;
    for c in &comparisons {
        w!(
            h,
            r#"<h4 class="rep-heading-s" id="rep-s-{0}-title">{1}</h4><p><button type="button" class="rep-button rep-button--secondary" id="rep-s-{0}-anchor" data-act="go:reap/{2}">{3}{2}</button></p>"#,
            c.id,
            E(c.title),
            c.anchor,
            E(m::ANCHOR_LINK)
        );
        let rows: Vec<ShareRow> = c
            .shares
            .iter()
            .map(|s| ShareRow {
                label: s.group.short_label(),
                share: Some(s.share),
                baseline: Some(s.baseline_share),
            })
            .collect();
        h.push_str(r#"<div class="rep-chart-box">"#);
        h.push_str(&share_chart_svg(
            &format!("rep-s-{}-chart", c.id),
            c.title,
            m::CHART_DESC,
            c.population,
            c.baseline,
            &rows,
        ));
        w!(
            h,
            r#"</div><div class="rep-table-scroll" role="region" aria-labelledby="rep-s-{0}-title" tabindex="0"><table class="rep-table"><thead><tr><th scope="col">{1}</th><th scope="col">{2}</th><th scope="col">{3}</th><th scope="col">{4}</th><th scope="col">{5}</th><th scope="col">{6}</th></tr></thead><tbody>"#,
            c.id,
            E(m::GROUP),
            E(m::PEOPLE),
            E(m::SHARE),
            E(m::BASELINE_SHARE),
            E(m::RATIO),
            E(race_equity_domain::messages::data::STATUS)
        );
        for s in &c.shares {
            any_small |= s.small;
            w!(
                h,
                r#"<tr><th scope="row">{}</th><td>{} / {}</td><td>{}</td><td>{}</td><td>{}</td><td>"#,
                E(&group_label(s.group.short_label(), s.small)),
                s.count,
                s.base,
                format_percent(s.share),
                format_percent(s.baseline_share),
                E(&s.ratio_text)
            );
            status_tag(h, s.status);
            h.push_str("</td></tr>");
        }
        h.push_str("</tbody></table></div>");
        // The sentence for each group outside the range (adverse, or not conclusive) says why.
        let notable: Vec<&str> = c
            .shares
            .iter()
            .filter(|s| !matches!(s.status, RatioStatus::Within | RatioStatus::NotComputable))
            .map(|s| s.sentence.as_str())
            .collect();
        if !notable.is_empty() {
            h.push_str(r#"<ul class="rep-list">"#);
            for sentence in notable {
                w!(h, "<li>{}</li>", E(sentence));
            }
            h.push_str("</ul>");
        }
    }
    if !jobs.is_empty() {
        w!(
            h,
            r#"<h4 class="rep-heading-s" id="rep-s-outcomes-title">{}</h4><p class="rep-hint">{} {}</p><p><button type="button" class="rep-button rep-button--secondary" id="rep-s-outcomes-anchor" data-act="go:reap/1.1">{}1.1</button></p>"#,
            E(m::OUTCOMES),
            E(m::OUTCOME_HINT),
            E(m::BROAD_GROUPS),
            E(m::ANCHOR_LINK)
        );
        for field in [Field::Jobs, Field::Education] {
            let rates = service::outcome_rates(checked, field, range);
            if rates.is_empty() {
                continue;
            }
            w!(
                h,
                r#"<div class="rep-table-scroll" role="region" aria-labelledby="rep-s-{0}-caption" tabindex="0"><table class="rep-table"><caption class="rep-table__caption" id="rep-s-{0}-caption">{1}</caption><thead><tr><th scope="col">{2}</th><th scope="col">{1}</th><th scope="col">{3}</th><th scope="col">{4}</th><th scope="col">{5}</th></tr></thead><tbody>"#,
                field.id(),
                E(field.label()),
                E(m::GROUP),
                E(m::RATE),
                E(m::AGAINST_WHITE),
                E(race_equity_domain::messages::data::STATUS)
            );
            for rate in &rates {
                any_small |= rate.small;
                let label = rate.group.map_or(m::EVERYONE_ELSE, |g| g.short_label());
                w!(
                    h,
                    r#"<tr><th scope="row">{}</th><td>{} / {}</td><td>{}</td><td>"#,
                    E(&group_label(label, rate.small)),
                    rate.events,
                    rate.total,
                    rate.rate.map_or(String::new(), |p| format!(
                        "{} ({} to {})",
                        format_percent(p.value),
                        format_percent(p.interval.lower),
                        format_percent(p.interval.upper)
                    ))
                );
                match &rate.ratio {
                    None => w!(h, "{}</td><td>", E(m::REFERENCE)),
                    Some(_) => {
                        w!(h, "{}</td><td>", E(&rate.ratio_text));
                        status_tag(h, rate.status);
                    }
                }
                h.push_str("</td></tr>");
            }
            h.push_str("</tbody></table></div>");
            if let Some(sentence) = rates.last().and_then(|r| {
                service::outcome_sentence(
                    r,
                    plan.settings.comparison_group_term.trim(),
                    field,
                    range,
                )
            }) {
                w!(h, r#"<p>{}</p>"#, E(&sentence));
            }
        }
    }
    let times = service::time_to_work(checked);
    if !times.is_empty() {
        w!(
            h,
            r#"<div class="rep-table-scroll" role="region" aria-labelledby="rep-s-time-caption" tabindex="0"><table class="rep-table"><caption class="rep-table__caption" id="rep-s-time-caption">{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            E(m::TIME),
            E(m::GROUP),
            E(m::PEOPLE),
            E(m::MEDIAN),
            E(m::IQR)
        );
        for (group, spread) in &times {
            any_small |= spread.too_few();
            w!(
                h,
                r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                E(&group_label(group.short_label(), spread.too_few())),
                spread.count,
                E(&service::median_text(spread)),
                E(&service::quartiles_text(spread))
            );
        }
        h.push_str("</tbody></table></div>");
    }
    if any_small {
        w!(h, r#"<p><strong>{}</strong></p>"#, E(m::SMALL));
    }
    h.push_str("</div>");
}
