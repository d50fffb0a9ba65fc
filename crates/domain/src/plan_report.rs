//! What a board receives: the board summary (one page: the REAP result, the journey stage, the
//! adverse metrics with what is being done about each, the overdue actions) and the report of the
//! whole plan (the summary, then the parts chosen: the REAP checklist, the journey results and
//! the action plan in the SC-WRES layout), each as one standalone HTML document to print or save
//! as PDF, for the team or to share outside it (small numbers withheld, as every output does).
//!
//! The REAP and journey parts are the pages `reap_print` and `journey_print` write, each starting
//! on a new page (the REAP checklist on landscape pages, as it prints on its own). Everything is
//! escaped; the documents carry no script and request nothing.

use std::fmt::Write as _;

use crate::action_plan::{self as ap, action_is_overdue, export_rows};
use crate::dates::{long_or_as_is, Date};
use crate::html::{escape as E, PRINT_HEAD, PRINT_STYLE};
use crate::messages::report as m;
use crate::plan::Plan;
use crate::reap_print::Audience;
use crate::wres;

/// Which parts the whole-plan report includes; the board summary always comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub reap: bool,
    pub journey: bool,
    pub action_plan: bool,
}

impl Parts {
    /// Every part.
    pub const ALL: Parts = Parts {
        reap: true,
        journey: true,
        action_plan: true,
    };
}

/// A4 portrait, with landscape pages named for the REAP checklist and the action plan's table.
const PAGES: &str = "@page{size:A4;margin:15mm 12mm}@page wide{size:A4 landscape;margin:15mm 12mm}\
.rep-part{break-before:page;page-break-before:always}\
.rep-wide{page:wide}\
.rep-board ul{padding-left:14pt}\
.rep-actions-table thead th{background:#eee}\
@media screen{body{max-width:297mm;margin:0 auto;padding:12pt}}";

/// The board summary alone, as a document.
pub fn board_summary_html(plan: &Plan, today: &str, audience: Audience) -> String {
    let mut out = start(plan, m::BOARD_TITLE, today, audience);
    board_summary(&mut out, plan, today, false);
    out.push_str("</body>\n</html>\n");
    out
}

/// The report of the whole plan: the board summary, then the parts chosen.
pub fn report_html(plan: &Plan, today: &str, audience: Audience, parts: Parts) -> String {
    let mut out = start(plan, m::REPORT_TITLE, today, audience);
    board_summary(&mut out, plan, today, true);
    if parts.reap && plan.parts_in_use.reap {
        let page = crate::reap_print::printable_html(plan, today, audience);
        part(&mut out, "rep-part rep-wide", &page);
    }
    if parts.journey && plan.parts_in_use.journey {
        let page = crate::journey_print::results_html(plan, today, audience);
        part(&mut out, "rep-part", &page);
    }
    if parts.action_plan && plan.parts_in_use.action_plan {
        let _ = write!(out, "<section class=\"rep-part rep-wide\">");
        action_plan(&mut out, plan, today, audience);
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The head (with every part's styles), the title, the plan's details and which copy this is.
fn start(plan: &Plan, what: &str, today: &str, audience: Audience) -> String {
    let title = match plan.title.trim() {
        "" => m::UNTITLED,
        title => title,
    };
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(PRINT_HEAD);
    let _ = writeln!(
        out,
        "<title>{}: {}</title>\n<style>{PAGES}{PRINT_STYLE}{}{}</style>\n</head>\n<body>",
        E(what),
        E(title),
        crate::reap_print::STYLE.replace(
            "@media screen{body{max-width:297mm;margin:0 auto;padding:12pt}}",
            ""
        ),
        crate::journey_print::STYLE,
    );
    let _ = writeln!(out, "<h1>{}: {}</h1>", E(what), E(title));
    let mut details = Vec::new();
    for (label, value) in [
        (m::ORGANISATION, &plan.organisation),
        (m::TEAM, &plan.team),
        (m::PERIOD, &plan.reporting_period),
    ] {
        if !value.trim().is_empty() {
            details.push(format!("{}: {}", E(label), E(value.trim())));
        }
    }
    details.push(format!("{} {}", E(m::PRINTED), E(&long_or_as_is(today))));
    let _ = writeln!(out, "<p>{}</p>", details.join("<br>"));
    let _ = writeln!(
        out,
        "<p><strong>{}</strong></p>",
        E(&audience.note(plan.settings.suppression))
    );
    out
}

/// A printable page's body as a part of the report: its `<body>` content in a section.
fn part(out: &mut String, class: &str, page: &str) {
    let body = page
        .split_once("<body>")
        .and_then(|(_, rest)| rest.rsplit_once("</body>"))
        .map_or("", |(body, _)| body);
    let _ = writeln!(out, "<section class=\"{class}\">{body}</section>");
}

/// The summary's sections; `titled` gives it its own heading (in the report, under the report's).
fn board_summary(out: &mut String, plan: &Plan, today: &str, titled: bool) {
    let date = Date::parse_iso(today);
    out.push_str("<section class=\"rep-board\">\n");
    if titled {
        let _ = writeln!(out, "<h2>{}</h2>", E(m::BOARD_TITLE));
    }

    if plan.parts_in_use.reap {
        let rule = plan.reap.rule();
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p><strong>{}</strong></p>\n<ul>",
            E(m::REAP),
            E(rule.headline())
        );
        for theme in &rule.themes {
            let _ = writeln!(out, "<li>{}</li>", E(&theme.sentence()));
        }
        out.push_str("</ul>\n");
    }

    if plan.parts_in_use.journey {
        let _ = writeln!(out, "<h3>{}</h3>", E(m::JOURNEY));
        match plan.journey.overall() {
            Some(overall) => {
                let _ = writeln!(
                    out,
                    "<p>{} <strong>{}</strong>.</p>",
                    E(m::AGREED_STAGE),
                    E(overall.stage.title())
                );
                if let Some(reason) = &overall.reason {
                    let _ = writeln!(out, "<p>{}</p>", E(reason));
                }
            }
            None => {
                let _ = writeln!(out, "<p>{}</p>", E(m::NO_STAGE));
            }
        }
    }

    let numbers = ap::numbers(&plan.action_plan);
    let number = |id: &str| numbers.iter().find(|(a, _)| a == id).map_or(0, |(_, n)| *n);
    {
        // Every adverse metric, each with what its actions are doing (`unanswered` drops those).
        if let Some((period, metrics)) = ap::latest_adverse(plan) {
            let _ = writeln!(out, "<h3>{} {}</h3>", E(m::ADVERSE_IN), E(&period));
            if metrics.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", E(m::NONE_ADVERSE));
            } else {
                out.push_str("<ul>\n");
                for metric in metrics {
                    let actions = plan.action_plan.actions_for_metric(wres::metric_id(metric));
                    let doing = if actions.is_empty() {
                        m::NO_ACTION_YET.to_string()
                    } else {
                        actions
                            .iter()
                            .map(|a| {
                                format!(
                                    "{} {} ({}): {}",
                                    m::ACTION,
                                    number(&a.id),
                                    a.status.title(),
                                    a.description()
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    let _ = writeln!(
                        out,
                        "<li><strong>{}</strong>: {}</li>",
                        E(wres::metric_title(metric)),
                        E(&doing)
                    );
                }
                out.push_str("</ul>\n");
            }
            // No count is shown here, in either copy: only the metrics and what is being done.
        }
    }

    if plan.parts_in_use.action_plan {
        let _ = writeln!(out, "<h3>{}</h3>", E(m::ACTIONS));
        if let Some(today) = date {
            let summary = ap::summary(plan, today, |a| crate::timeframe::read(&a.by_when));
            let _ = writeln!(
                out,
                "<p>{}</p>",
                E(&crate::messages::action_plan::actions_line(
                    summary.actions,
                    summary.by_status,
                    summary.overdue
                ))
            );
            let overdue: Vec<String> = plan
                .action_plan
                .objectives
                .iter()
                .flat_map(|o| o.actions.iter().map(move |a| (o, a)))
                .filter(|(_, a)| action_is_overdue(a, today))
                .map(|(o, a)| {
                    format!(
                        "{} {}: {} ({}: {}; {}: {})",
                        m::ACTION,
                        number(&a.id),
                        a.description(),
                        m::LEAD,
                        match ap::lead_of(o, a) {
                            "" => m::NOBODY,
                            lead => lead,
                        },
                        m::TIMEFRAME,
                        a.by_when.trim()
                    )
                })
                .collect();
            if overdue.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", E(m::NONE_OVERDUE));
            } else {
                let _ = writeln!(out, "<p><strong>{}</strong></p>\n<ul>", E(m::OVERDUE_TITLE));
                for line in overdue {
                    let _ = writeln!(out, "<li>{}</li>", E(&line));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</section>\n");
}

/// The action plan as the SC-WRES layout prints it: the header, the steps, then the table.
fn action_plan(out: &mut String, plan: &Plan, today: &str, audience: Audience) {
    let _ = writeln!(out, "<h2>{}</h2>", E(m::ACTION_PLAN));
    let header = &plan.action_plan.header;
    let mut rows = String::new();
    for field in crate::plan::HeaderField::ALL {
        let value = field.of(header).trim();
        if !value.is_empty() {
            let _ = write!(
                rows,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                E(field.label()),
                E(value)
            );
        }
    }
    if !rows.is_empty() {
        let _ = writeln!(out, "<table><tbody>{rows}</tbody></table>");
    }
    if !plan.action_plan.steps.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", E(m::STEPS));
        for (i, step) in wres::PLANNING_STEPS.iter().enumerate() {
            let record = plan.action_plan.steps.iter().find(|r| r.step == step.id);
            let state = match record {
                Some(r) if r.done => match r.date.trim() {
                    "" => m::DONE.to_string(),
                    date => format!("{} {}", m::DONE_ON, long_or_as_is(date)),
                },
                _ => m::NOT_DONE.to_string(),
            };
            let _ = writeln!(
                out,
                "<li>{} {}: {} ({})</li>",
                m::STEP,
                i + 1,
                E(step.title),
                E(&state)
            );
        }
        out.push_str("</ul>\n");
    }
    let Some(date) = Date::parse_iso(today) else {
        return;
    };
    let rows = export_rows(plan, date, audience == Audience::Shared);
    out.push_str("<table class=\"rep-actions-table\"><thead><tr>");
    for heading in &rows[0] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", E(heading));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &rows[1..] {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", E(cell).replace('\n', "<br>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

#[cfg(test)]
mod tests;
