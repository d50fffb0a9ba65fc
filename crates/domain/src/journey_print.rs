//! The journey to race equality on paper: a workshop pack to fill in by hand, and the results of
//! a self-assessment as one printable page.
//!
//! Standalone documents with their own print styles and nothing else: no scripts, no links to
//! other files. Everything a user typed is escaped with [`crate::html::E`]; the words are in
//! [`crate::messages::journey_print`].

use std::fmt::Write;

use crate::dates::long_or_as_is;
use crate::html::{E, PRINT_STYLE};
use crate::journey::{breakthrough, Answer, GroupSummary, OutcomeArea, Stage, CLARITY_QUESTIONS};
use crate::messages::journey_print as words;
use crate::plan::{JourneySection, Plan};

/// A4 portrait, with the shared print styles ([`PRINT_STYLE`]). Rows to write in are tall; boxes
/// to tick are squares.
const PAGE: &str = "@page{size:A4;margin:15mm 12mm}";
/// This page's own rules, after [`PRINT_STYLE`].
pub(crate) const STYLE: &str = "thead th{background:#eee}\
.rep-write td{height:30pt}\
.rep-box{display:inline-block;width:11pt;height:11pt;border:1px solid #000;vertical-align:middle;margin-right:3pt}\
.rep-num{text-align:right;white-space:nowrap}\
.rep-small{font-size:9pt}\
.rep-stage{break-inside:avoid;page-break-inside:avoid}\
.rep-new-page{break-before:page;page-break-before:always}\
@media screen{body{max-width:210mm;margin:0 auto;padding:12pt}}";

/// How many blank rows the pack gives for each person's view and for actions.
const PARTICIPANT_ROWS: usize = 12;
const ACTION_ROWS: usize = 8;

/// The workshop pack for `plan`: the outcome questions with boxes to tick, the five stages with
/// their barriers and breakthrough points, the outcomes framework, a sheet for each person's
/// view, and a six-month action table, all blank to fill in by hand.
pub fn workshop_pack_html(plan: &Plan) -> String {
    let mut out = String::with_capacity(24 * 1024);
    start(&mut out, words::PACK_TITLE, plan);
    let _ = writeln!(out, "<p>{}</p>", E(words::PACK_INTRO));

    // 1. The outcome questions.
    let _ = writeln!(
        out,
        "<h2>1. {}</h2>\n<p>{}</p>\n<table>",
        E(words::CLARITY_TITLE),
        E(words::CLARITY_HINT)
    );
    head_row(&mut out, &[words::QUESTION, words::ANSWER, words::NOTES]);
    for (n, question) in CLARITY_QUESTIONS.iter().enumerate() {
        let boxes: String = Answer::ALL
            .iter()
            .map(|a| format!("<span class=\"rep-box\"></span>{}<br>", E(a.title())))
            .collect();
        let _ = writeln!(
            out,
            "<tr class=\"rep-write\"><td>{}. {}</td><td>{boxes}</td><td></td></tr>",
            n + 1,
            E(question.question)
        );
    }
    out.push_str("</tbody>\n</table>\n");

    // 2. The stages.
    let _ = writeln!(
        out,
        "<h2 class=\"rep-new-page\">2. {}</h2>\n<p>{}</p>",
        E(words::STAGES_TITLE),
        E(words::STAGES_HINT)
    );
    for stage in Stage::ALL {
        let _ = writeln!(
            out,
            "<div class=\"rep-stage\"><h3>{}. {}</h3>\n<p>{}</p>",
            stage.index() + 1,
            E(stage.title()),
            E(stage.explanation())
        );
        let _ = writeln!(out, "<p><strong>{}</strong></p>\n<ul>", E(words::BARRIERS));
        for barrier in stage.barriers() {
            let _ = writeln!(out, "<li>{}</li>", E(barrier));
        }
        let _ = writeln!(
            out,
            "</ul>\n<p><strong>{}</strong></p>\n<ul>",
            E(words::BREAKTHROUGHS)
        );
        for point in stage.breakthroughs() {
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> {}</li>",
                E(point.area.title()),
                E(point.guidance)
            );
        }
        out.push_str("</ul></div>\n");
    }

    // 3. The outcomes framework.
    let _ = writeln!(
        out,
        "<h2 class=\"rep-new-page\">3. {}</h2>\n<p>{}</p>\n<table>",
        E(words::OUTCOMES_TITLE),
        E(words::OUTCOMES_HINT)
    );
    head_row(&mut out, &outcome_columns());
    for area in OutcomeArea::ALL {
        let _ = writeln!(
            out,
            "<tr class=\"rep-write\"><th scope=\"row\">{}<br><span class=\"rep-small\">{}</span></th><td></td><td></td><td></td></tr>",
            E(area.title()),
            E(area.explanation())
        );
    }
    out.push_str("</tbody>\n</table>\n");

    // 4. Each person's view.
    let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.title()).collect();
    let _ = writeln!(
        out,
        "<h2 class=\"rep-new-page\">4. {}</h2>\n<p>{}</p>\n<p>{}</p>\n<table>",
        E(words::PARTICIPANTS_TITLE),
        E(words::PARTICIPANTS_HINT),
        E(&words::stages_to_choose(&stages.join(", ")))
    );
    head_row(
        &mut out,
        &[
            words::NAME_OR_ROLE,
            words::DEPARTMENT,
            words::STAGE,
            words::SUPPORT,
        ],
    );
    blank_rows(&mut out, PARTICIPANT_ROWS, 4);
    out.push_str("</tbody>\n</table>\n");

    // 5. The six-month actions.
    let _ = writeln!(
        out,
        "<h2>5. {}</h2>\n<p>{}</p>\n<table>",
        E(words::ACTIONS_TITLE),
        E(words::ACTIONS_HINT)
    );
    head_row(&mut out, &[words::ACTION, words::WHO, words::BY_WHEN]);
    blank_rows(&mut out, ACTION_ROWS, 3);
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// The results of `plan`'s self-assessment, dated `today` (YYYY-MM-DD): the overall stage and the
/// outcome-clarity cap, the answers, how people placed the organisation, the departments' stages,
/// the outcomes framework with its gaps, strengths, areas to develop, the six-month actions, the
/// next assessment and the timeline.
/// `audience` decides whether small counts in the spread table are shown (for the team) or
/// suppressed under the plan's preset (to share outside the team, the default); a shared copy also
/// names no one beside a stage. A middle view needs at least 5 views in either.
pub fn results_html(plan: &Plan, today: &str, audience: crate::reap_print::Audience) -> String {
    let journey = &plan.journey;
    let mut out = String::with_capacity(24 * 1024);
    start(&mut out, words::RESULTS_TITLE, plan);
    let _ = writeln!(
        out,
        "<p>{}</p>",
        E(&words::printed_on(&long_or_as_is(today)))
    );
    let _ = writeln!(
        out,
        "<p><strong>{}</strong></p>",
        E(&audience.note(plan.settings.suppression))
    );

    overall(&mut out, journey);
    clarity(&mut out, journey);
    let preset =
        (audience == crate::reap_print::Audience::Shared).then_some(plan.settings.suppression);
    spread(&mut out, journey, preset);
    views(&mut out, journey, preset.is_some());
    departments(&mut out, journey);
    outcomes(&mut out, journey);

    for (title, text) in [
        (words::STRENGTHS, &journey.strengths),
        (words::TO_DEVELOP, &journey.to_develop),
    ] {
        let _ = writeln!(out, "<h2>{}</h2>\n<p>{}</p>", E(title), written(text));
    }

    actions(&mut out, plan);

    let next = match journey.reassessment_date.trim() {
        "" => words::NO_REASSESS.to_string(),
        date => words::reassess_on(&long_or_as_is(date)),
    };
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        E(words::REASSESS_TITLE),
        E(&next)
    );

    timeline(&mut out, journey);
    out.push_str("</body>\n</html>\n");
    out
}

/// The document's head, the heading and the plan's details.
fn start(out: &mut String, title: &str, plan: &Plan) {
    let organisation = plan.organisation.trim();
    let heading = if organisation.is_empty() {
        title.to_string()
    } else {
        format!("{title}: {organisation}")
    };
    out.push_str(crate::html::PRINT_HEAD);
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{PAGE}{PRINT_STYLE}{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>",
        E(&heading),
        E(&heading)
    );
    let details: Vec<String> = [
        (words::PLAN, plan.title.trim()),
        (words::TEAM, plan.team.trim()),
        (words::PERIOD, plan.reporting_period.trim()),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(label, value)| format!("{}: {}", E(label), E(value)))
    .collect();
    if !details.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", details.join("<br>"));
    }
}

fn head_row(out: &mut String, headings: &[&str]) {
    out.push_str("<thead><tr>");
    for heading in headings {
        let _ = write!(out, "<th scope=\"col\">{}</th>", E(heading));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn blank_rows(out: &mut String, rows: usize, columns: usize) {
    for _ in 0..rows {
        out.push_str("<tr class=\"rep-write\">");
        out.push_str(&"<td></td>".repeat(columns));
        out.push_str("</tr>\n");
    }
}

fn outcome_columns() -> [&'static str; 4] {
    [
        words::OUTCOME_AREA,
        words::OBJECTIVES,
        words::ISSUE,
        words::IMPROVED,
    ]
}

/// Escaped text with its line breaks kept, or "Nothing written yet." when blank.
fn written(text: &str) -> String {
    match text.trim() {
        "" => E(words::NOTHING_WRITTEN).to_string(),
        text => E(text)
            .to_string()
            .replace("\r\n", "\n")
            .replace('\n', "<br>"),
    }
}

/// A participant's name or role as typed, or "Participant 3" when blank.
fn participant_name(journey: &JourneySection, index: usize) -> String {
    match journey.participants.get(index).map(|p| p.name.trim()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => words::participant(index + 1),
    }
}

/// "2" for a question id, as the pack numbers the questions.
fn question_number(id: &str) -> String {
    match CLARITY_QUESTIONS.iter().position(|q| q.id == id) {
        Some(i) => (i + 1).to_string(),
        None => id.to_string(),
    }
}

fn overall(out: &mut String, journey: &JourneySection) {
    let _ = writeln!(out, "<h2>{}</h2>", E(words::OVERALL_TITLE));
    let (Some(agreed), Some(result)) = (journey.agreed_stage, journey.overall()) else {
        let _ = writeln!(out, "<p>{}</p>", E(words::NO_AGREED_STAGE));
        return;
    };
    let _ = writeln!(
        out,
        "<p>{}<br><strong>{}</strong></p>",
        E(&words::agreed(agreed.title())),
        E(&words::shown(result.stage.title()))
    );
    if let Some(reason) = &result.reason {
        let _ = writeln!(out, "<p>{}</p>", E(reason));
    }
    if !result.what_would_lift_it.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong></p>\n<ul>",
            E(words::WHAT_WOULD_LIFT_IT)
        );
        for step in &result.what_would_lift_it {
            let _ = writeln!(out, "<li>{}</li>", E(step));
        }
        out.push_str("</ul>\n");
    }
    if !result.needs_answer.is_empty() {
        let numbers: Vec<String> = result
            .needs_answer
            .iter()
            .map(|id| question_number(id))
            .collect();
        let _ = writeln!(out, "<p>{}</p>", E(&words::still_to_settle(&numbers)));
    }
}

fn clarity(out: &mut String, journey: &JourneySection) {
    let _ = writeln!(out, "<h2>{}</h2>\n<table>", E(words::CLARITY_TITLE));
    head_row(out, &[words::QUESTION, words::ANSWER, words::NOTES]);
    for (n, question) in CLARITY_QUESTIONS.iter().enumerate() {
        let record = journey
            .clarity_record(question.id)
            .cloned()
            .unwrap_or_default();
        let answer = record.answer.map_or(words::NOT_ANSWERED, Answer::title);
        let note = match record.note.trim() {
            "" => String::new(),
            note => written(note),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}. {}</td><td>{}</td><td>{note}</td></tr>",
            n + 1,
            E(question.question),
            E(answer)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn spread(
    out: &mut String,
    journey: &JourneySection,
    preset: Option<crate::stats::SuppressionPreset>,
) {
    let (summary, owners) = journey.summary();
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        E(words::SPREAD_TITLE),
        E(words::SPREAD_HINT)
    );
    if summary.overall.spread.total() == 0 {
        let _ = writeln!(out, "<p>{}</p>", E(words::NO_VIEWS));
        return;
    }
    // Department columns only when someone named a department; otherwise they would repeat
    // the overall column.
    let named = summary.departments.iter().any(|d| d.department.is_some());
    let mut groups: Vec<(String, &GroupSummary)> = vec![(words::OVERALL.into(), &summary.overall)];
    if named {
        groups.extend(summary.departments.iter().map(|d| {
            let name = d.department.as_deref().unwrap_or(words::NO_DEPARTMENT);
            (name.to_string(), d)
        }));
    }
    out.push_str("<table>\n");
    let mut headings = vec![words::STAGE];
    headings.extend(groups.iter().map(|(name, _)| name.as_str()));
    head_row(out, &headings);
    // Shared outside the team: small counts hidden, with the cells that would give them away
    // from the totals (stats::suppress_table).
    let counts: Vec<Vec<u64>> = Stage::ALL
        .iter()
        .map(|&stage| {
            groups
                .iter()
                .map(|(_, g)| g.spread.count(stage) as u64)
                .collect()
        })
        .collect();
    let shown: Option<Vec<Vec<crate::stats::Shown>>> =
        preset.map(|p| crate::stats::suppress_table(&counts, p, true));
    for (i, stage) in Stage::ALL.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", E(stage.title()));
        for (j, n) in counts[i].iter().enumerate() {
            let text = shown
                .as_ref()
                .map_or(n.to_string(), |shown| shown[i][j].text());
            let _ = write!(out, "<td class=\"rep-num\">{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", E(words::VIEWS));
    for (_, group) in &groups {
        let total = group.spread.total() as u64;
        let text = preset.map_or(total.to_string(), |p| {
            crate::stats::suppress_count(total, p).text()
        });
        let _ = write!(out, "<td class=\"rep-num\">{text}</td>");
    }
    out.push_str("</tr>\n</tbody>\n</table>\n");
    if let Some(p) = preset {
        let _ = writeln!(out, "<p>{}</p>", E(p.footnote()));
    }
    out.push_str("<ul>\n");

    let names = |views: &[usize]| -> String {
        let names: Vec<String> = views
            .iter()
            .filter_map(|&v| owners.get(v))
            .map(|&i| participant_name(journey, i))
            .collect();
        names.join(", ")
    };
    for (name, group) in &groups {
        let total = group.spread.total();
        if total == 0 {
            continue;
        }
        let mut line = match group.median_if_enough() {
            Some(middle) => words::middle_view(name, middle.title()),
            None => words::too_few_for_middle(name, total),
        };
        line.push(' ');
        match &group.disagreement {
            // Shared outside the team, no one is named (METRICS.md, "Small numbers").
            Some(d) if preset.is_some() => line.push_str(&words::apart_unnamed(
                d.gap(),
                d.lowest.title(),
                d.highest.title(),
            )),
            Some(d) => line.push_str(&words::apart(
                d.gap(),
                d.lowest.title(),
                &names(&d.at_lowest),
                d.highest.title(),
                &names(&d.at_highest),
            )),
            None => line.push_str(words::NO_DISAGREEMENT),
        }
        let _ = writeln!(out, "<li>{}</li>", E(&line));
    }
    out.push_str("</ul>\n");
}

/// Each participant's own view, kept beside the agreed stages; in a copy to share outside the
/// team (`shared`), a sentence in its place, as names beside stages would undo the suppression.
fn views(out: &mut String, journey: &JourneySection, shared: bool) {
    if journey.participants.is_empty() {
        return;
    }
    if shared {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>{}</p>",
            E(words::PARTICIPANTS_TITLE),
            E(words::VIEWS_LEFT_OUT)
        );
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>\n<table>", E(words::PARTICIPANTS_TITLE));
    head_row(
        out,
        &[
            words::NAME_OR_ROLE,
            words::DEPARTMENT,
            words::STAGE,
            words::SUPPORT,
        ],
    );
    for (i, participant) in journey.participants.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            E(&participant_name(journey, i)),
            E(participant.department.trim()),
            E(participant.stage.map_or(words::NOT_CHOSEN, Stage::title)),
            written(&participant.evidence)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn departments(out: &mut String, journey: &JourneySection) {
    let _ = writeln!(out, "<h2>{}</h2>", E(words::DEPARTMENTS_TITLE));
    let names = journey.departments();
    if names.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", E(words::NO_DEPARTMENTS));
        return;
    }
    out.push_str("<table>\n");
    head_row(out, &[words::DEPARTMENT, words::AGREED_STAGE]);
    for name in names {
        let stage = journey
            .department_stage(name)
            .map_or(words::NOT_AGREED, Stage::title);
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            E(name),
            E(stage)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn outcomes(out: &mut String, journey: &JourneySection) {
    let gaps = journey.outcome_gaps();
    let with_gaps = gaps.iter().filter(|g| g.any()).count();
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>\n<table>",
        E(words::OUTCOMES_TITLE),
        E(&words::areas_with_gaps(with_gaps, gaps.len()))
    );
    head_row(out, &outcome_columns());
    let gap = format!("<strong>{}</strong>", E(words::GAP));
    for area in gaps {
        let record = journey
            .outcome_record(area.area.id())
            .cloned()
            .unwrap_or_default();
        let cell = |blank: bool, text: &str| if blank { gap.clone() } else { written(text) };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            E(area.area.title()),
            cell(area.objectives, &record.objectives),
            cell(area.issue_evidence, &record.issue_evidence),
            cell(area.improvement_measures, &record.improvement_measures)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn actions(out: &mut String, plan: &Plan) {
    let _ = writeln!(out, "<h2>{}</h2>", E(words::ACTIONS_TITLE));
    // The stage shown after the outcome-clarity cap, as on the screen.
    let Some(agreed) = plan.journey.overall().map(|o| o.stage) else {
        let _ = writeln!(out, "<p>{}</p>", E(words::NO_ACTIONS));
        return;
    };
    let actions = plan.action_plan.actions_for_stage(agreed);
    if actions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", E(words::NO_ACTIONS));
        return;
    }
    let _ = writeln!(
        out,
        "<p>{}</p>\n<table>",
        E(&words::actions_for(agreed.title()))
    );
    head_row(
        out,
        &[
            words::ACTION,
            words::WHO,
            words::BY_WHEN,
            words::BREAKTHROUGH,
            words::STATUS,
        ],
    );
    for action in actions {
        let points: Vec<String> = action
            .breakthroughs
            .iter()
            .map(|id| match breakthrough(id) {
                Some(b) => format!("{} ({})", b.area.title(), b.stage.title()),
                None => id.clone(),
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            E(action.description()),
            E(action.who.trim()),
            E(&long_or_as_is(&action.by_when)),
            E(&points.join(", ")),
            E(action.status.label())
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn timeline(out: &mut String, journey: &JourneySection) {
    let (names, rows) = journey.timeline();
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>\n<table>",
        E(words::TIMELINE_TITLE),
        E(words::TIMELINE_HINT)
    );
    let mut headings = vec![words::DATE, words::OVERALL];
    headings.extend(names.iter().map(String::as_str));
    head_row(out, &headings);
    let capped_now = journey.overall().is_some_and(|o| o.capped);
    for (i, row) in rows.iter().enumerate() {
        let (date, capped) = match &row.date {
            Some(date) => (
                long_or_as_is(date),
                journey.past.get(i).is_some_and(|p| p.capped),
            ),
            None => (words::NOW.to_string(), capped_now),
        };
        let mut stage = row
            .stage
            .map_or(words::NOT_AGREED, Stage::title)
            .to_string();
        if capped {
            stage = words::capped(&stage);
        }
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            E(&date),
            E(&stage)
        );
        for department in &row.departments {
            let _ = write!(out, "<td>{}</td>", E(department.map_or("", Stage::title)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{BreakthroughArea, BREAKTHROUGHS};
    use crate::plan::{ClarityRecord, DepartmentStage, OutcomeRecord, Participant};

    const TODAY: &str = "2026-09-15";
    const HOSTILE: &str = "<script>alert('x')</script>";

    fn no_scripts_or_links(html: &str) {
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en-GB\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("@page{size:A4"));
        assert_eq!(html.matches("<style>").count(), 1, "one style element");
        assert!(html.trim_end().ends_with("</html>"));
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "no script tag at all");
        for external in ["src=", "href=", "@import", "url("] {
            assert!(!lower.contains(external), "{external}");
        }
    }

    /// A plan whose every typed field holds markup.
    fn hostile_plan() -> Plan {
        let mut plan = Plan::new("p1", HOSTILE, "2026-01-01T09:00:00Z");
        plan.organisation = format!("Trust & {HOSTILE}");
        plan.team = HOSTILE.into();
        let journey = &mut plan.journey;
        journey.participants = vec![
            Participant {
                id: "p1".into(),
                name: format!("Chair {HOSTILE}"),
                department: format!("Wards {HOSTILE}"),
                stage: Some(Stage::Starting),
                evidence: HOSTILE.into(),
            },
            Participant {
                id: "p2".into(),
                name: String::new(),
                department: format!("wards {HOSTILE} "),
                stage: Some(Stage::Achieving),
                evidence: String::new(),
            },
        ];
        journey.agreed_stage = Some(Stage::Achieving);
        // Saved under the second spelling; printed under the first (matched by department_key).
        journey.department_stages.push(DepartmentStage {
            department: format!("wards {HOSTILE}"),
            stage: Some(Stage::Developing),
        });
        journey.clarity.push(ClarityRecord {
            question: "tangible_outcomes".into(),
            answer: Some(Answer::No),
            note: format!("Line one\n{HOSTILE}"),
        });
        journey.outcomes.push(OutcomeRecord {
            area: "employment".into(),
            objectives: HOSTILE.into(),
            ..OutcomeRecord::default()
        });
        journey.strengths = HOSTILE.into();
        journey.to_develop = HOSTILE.into();
        journey.reassessment_date = HOSTILE.into();
        journey.record_assessment(HOSTILE);
        let id = plan.action_plan.add_action_for_stage(Stage::Starting);
        let action = &mut plan.action_plan.objectives[0].actions[0];
        assert_eq!(action.id, id);
        action.text = HOSTILE.into();
        action.who = HOSTILE.into();
        action.by_when = HOSTILE.into();
        action.breakthroughs = vec![HOSTILE.into()];
        plan
    }

    #[test]
    fn the_pack_is_a_standalone_document_with_every_section() {
        let html = workshop_pack_html(&Plan::example());
        no_scripts_or_links(&html);
        assert!(html.contains(
            "<h1>Journey to race equality: workshop pack: Example Borough Council and Northfield NHS Trust (fictional)</h1>"
        ));
        for title in [
            words::CLARITY_TITLE,
            words::STAGES_TITLE,
            words::OUTCOMES_TITLE,
            words::PARTICIPANTS_TITLE,
            words::ACTIONS_TITLE,
        ] {
            assert!(html.contains(&format!("{}</h2>", E(title))), "{title}");
        }
        // The 4 questions, each with a box for yes, no and not sure.
        for (n, q) in CLARITY_QUESTIONS.iter().enumerate() {
            assert!(html.contains(&format!("<td>{}. {}</td>", n + 1, E(q.question))));
        }
        assert_eq!(html.matches("<span class=\"rep-box\"></span>").count(), 12);
        assert_eq!(
            html.matches("<span class=\"rep-box\"></span>Not sure<br>")
                .count(),
            4
        );
        // The 5 stages with their explanations, barriers and all 13 breakthrough points.
        for stage in Stage::ALL {
            assert!(html.contains(&format!(
                "<h3>{}. {}</h3>\n<p>{}</p>",
                stage.index() + 1,
                stage.title(),
                E(stage.explanation())
            )));
            for barrier in stage.barriers() {
                assert!(html.contains(&format!("<li>{}</li>", E(barrier))));
            }
        }
        for point in &BREAKTHROUGHS {
            assert!(html.contains(&format!(
                "<li><strong>{}:</strong> {}</li>",
                E(point.area.title()),
                E(point.guidance)
            )));
        }
        assert!(html.contains("<strong>Culture &amp; rationale:</strong>"));
        assert_eq!(
            html.matches(&format!(
                "<strong>{}:",
                BreakthroughArea::Leadership.title()
            ))
            .count(),
            5
        );
        // The framework's 6 areas and its three questions as columns.
        assert!(html.contains("<th scope=\"col\">How do we know this is an issue?</th><th scope=\"col\">How will we know we&#39;ve improved?</th>"));
        for area in OutcomeArea::ALL {
            assert!(html.contains(&format!("<th scope=\"row\">{}<br>", E(area.title()))));
        }
        // The participant sheet and the action table, blank.
        assert!(html.contains("<th scope=\"col\">Name or role</th><th scope=\"col\">Department</th><th scope=\"col\">Stage</th><th scope=\"col\">Behaviours and outcomes that support it</th>"));
        assert!(html.contains(
            "<th scope=\"col\">Action</th><th scope=\"col\">Who</th><th scope=\"col\">By when</th>"
        ));
        assert_eq!(
            html.matches("<tr class=\"rep-write\"><td></td><td></td><td></td><td></td></tr>")
                .count(),
            PARTICIPANT_ROWS
        );
        assert_eq!(
            html.matches("<tr class=\"rep-write\"><td></td><td></td><td></td></tr>")
                .count(),
            ACTION_ROWS
        );
        // Blank: nothing the example's workshop recorded is printed.
        assert!(!html.contains("Ward manager"));
    }

    #[test]
    fn the_pack_escapes_what_users_typed() {
        let html = workshop_pack_html(&hostile_plan());
        no_scripts_or_links(&html);
        assert!(html.contains("<title>Journey to race equality: workshop pack: Trust &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"));
        assert!(html.contains("Plan: &lt;script&gt;"));
    }

    #[test]
    fn an_empty_plan_still_prints() {
        let plan = Plan::default();
        let pack = workshop_pack_html(&plan);
        no_scripts_or_links(&pack);
        assert!(pack.contains("<h1>Journey to race equality: workshop pack</h1>"));
        let html = results_html(&plan, TODAY, crate::reap_print::Audience::Team);
        no_scripts_or_links(&html);
        assert!(html.contains("<h1>Journey to race equality: results</h1>"));
        assert!(html.contains("<p>Printed on 15 September 2026</p>"));
        for text in [
            words::NO_AGREED_STAGE,
            words::NO_VIEWS,
            words::NO_DEPARTMENTS,
            words::NO_ACTIONS,
            words::NO_REASSESS,
        ] {
            assert!(html.contains(&format!("<p>{}</p>", E(text))), "{text}");
        }
        assert_eq!(html.matches(words::NOT_ANSWERED).count(), 4);
        assert!(html.contains("All 6 outcome areas still have a part not written."));
        assert_eq!(
            html.matches(&format!("<strong>{}</strong>", words::GAP))
                .count(),
            18
        );
        assert!(html.contains(&format!("<p>{}</p>", words::NOTHING_WRITTEN)));
        // The timeline still has its current row.
        assert!(html.contains("<tr><th scope=\"row\">Now</th><td>Not agreed yet</td></tr>"));
    }

    #[test]
    fn the_results_escape_what_users_typed() {
        let html = results_html(&hostile_plan(), HOSTILE, crate::reap_print::Audience::Team);
        no_scripts_or_links(&html);
        let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
        assert!(html.contains(&format!("Printed on {escaped}")));
        assert!(html.contains(&format!(
            "<h1>Journey to race equality: results: Trust &amp; {escaped}</h1>"
        )));
        // A participant's name and department, in the spread and the departments' table.
        assert!(html.contains(&format!("<th scope=\"col\">Wards {escaped}</th>")));
        assert!(html.contains(&format!(
            "from Starting (Chair {escaped}) to Achieving (Participant 2)"
        )));
        assert!(html.contains(&format!(
            "<tr><th scope=\"row\">Wards {escaped}</th><td>Developing</td></tr>"
        )));
        assert!(html.contains(&format!("<td>Line one<br>{escaped}</td>")));
        assert!(html.contains(&format!(
            "<th scope=\"row\">Employment</th><td>{escaped}</td>"
        )));
        assert!(html.contains(&format!(
            "<h2>{}</h2>\n<p>{escaped}</p>",
            E(words::STRENGTHS)
        )));
        assert!(html.contains(&format!("<td>{escaped}</td><td>{escaped}</td><td>{escaped}</td><td>{escaped}</td><td>not started</td>")));
        assert!(html.contains(&format!("Assess again on {escaped}.")));
        assert!(html.contains(&format!(
            "<tr><th scope=\"row\">{escaped}</th><td>Starting (capped by a &quot;no&quot;)</td>"
        )));
    }

    #[test]
    fn the_results_keep_each_persons_view() {
        let plan = Plan::example();
        let html = results_html(&plan, "2026-11-29", crate::reap_print::Audience::Team);
        let first = &plan.journey.participants[0];
        assert!(html.contains(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>",
            E(&first.name),
            E(&first.department),
            first.stage.unwrap().title()
        )));
        let mut blank = Plan::default();
        blank.journey.participants.push(Default::default());
        let html = results_html(&blank, "2026-11-29", crate::reap_print::Audience::Team);
        assert!(html.contains(&format!(
            "<tr><th scope=\"row\">{}</th><td></td><td>{}</td><td>{}</td></tr>",
            words::participant(1),
            words::NOT_CHOSEN,
            words::NOTHING_WRITTEN
        )));
    }

    #[test]
    fn the_results_show_the_cap_and_what_would_lift_it() {
        let plan = Plan::example();
        let html = results_html(&plan, TODAY, crate::reap_print::Audience::Team);
        no_scripts_or_links(&html);
        let result = plan.journey.overall().unwrap();
        assert!(html.contains("<p>Stage the group agreed: Developing<br><strong>Overall stage shown: Starting</strong></p>"));
        // From cap_stage: the example answers "no" to question 2 only.
        assert!(html.contains(&format!("<p>{}</p>", E(result.reason.as_deref().unwrap()))));
        assert!(html.contains("because the answer to outcome question 2 is &quot;no&quot;"));
        assert!(html.contains(&format!(
            "<li>{}</li>",
            E(CLARITY_QUESTIONS[1].to_answer_yes)
        )));
        assert!(html.contains("Still to settle: question 4."));
        // Without a "no" there is no reason and nothing to lift.
        let mut yes = plan.clone();
        yes.journey
            .clarity
            .iter_mut()
            .for_each(|c| c.answer = Some(Answer::Yes));
        let html = results_html(&yes, TODAY, crate::reap_print::Audience::Team);
        assert!(html.contains("<strong>Overall stage shown: Developing</strong>"));
        assert!(!html.contains("Without clear outcomes"));
        assert!(!html.contains(words::WHAT_WOULD_LIFT_IT));
    }

    #[test]
    fn the_results_have_every_section_for_the_example() {
        let html = results_html(&Plan::example(), TODAY, crate::reap_print::Audience::Team);
        // Answers with their notes.
        assert!(html.contains("<td>No</td><td>We have not yet asked local communities"));
        assert!(html.contains("<td>Not sure</td><td>Restraint is falling"));
        // The spread: six views, three in each department (counts from the example's builder).
        assert!(html.contains("<th scope=\"col\">Stage</th><th scope=\"col\">Overall</th><th scope=\"col\">Community mental health</th><th scope=\"col\">Inpatient services</th>"));
        assert!(html.contains("<tr><th scope=\"row\">Starting</th><td class=\"rep-num\">3</td><td class=\"rep-num\">2</td><td class=\"rep-num\">1</td></tr>"));
        assert!(html.contains("<tr><th scope=\"row\">Achieving</th><td class=\"rep-num\">1</td><td class=\"rep-num\">0</td><td class=\"rep-num\">1</td></tr>"));
        assert!(html.contains("<tr><th scope=\"row\">Views</th><td class=\"rep-num\">6</td><td class=\"rep-num\">3</td><td class=\"rep-num\">3</td></tr>"));
        // Three views a department: too few for a middle view (a median needs 5); six overall.
        assert!(html.contains("<li>Overall: the middle view is Starting."));
        assert!(html.contains("<li>Community mental health: too few views to give a middle view (3; at least 5 are needed). No two views are more than one stage apart.</li>"));
        assert!(html.contains("<li>Inpatient services: too few views to give a middle view (3; at least 5 are needed). Views are 2 stages apart, from Starting (Staff network chair (fictional)) to Achieving (Ward manager (fictional)): start the discussion there.</li>"));
        // Departments, outcomes with gaps, strengths, actions, next date, timeline.
        assert!(
            html.contains("<tr><th scope=\"row\">Inpatient services</th><td>Developing</td></tr>")
        );
        assert!(html.contains("5 of the 6 outcome areas still have a part not written."));
        assert!(html.contains("<th scope=\"row\">Employment</th><td>More staff from minoritised ethnic groups in band 7 posts and above.</td><td><strong>Not written yet</strong></td>"));
        assert!(html.contains("<h2>Strengths to build on</h2>\n<p>Good figures"));
        assert!(html.contains(
            "<p>Actions linked to Starting, the stage shown after the outcome questions.</p>"
        ));
        assert!(html.contains("<td>Head of inpatient services</td><td>31 January 2027</td><td>Leadership (Starting)</td><td>not started</td></tr>"));
        assert!(html.contains(
            "<td>Service Manager</td><td>31 December 2026</td><td></td><td>on track</td></tr>"
        ));
        assert!(html.contains("<p>Assess again on 15 March 2027.</p>"));
        assert!(html.contains("<th scope=\"col\">Date</th><th scope=\"col\">Overall</th><th scope=\"col\">Community mental health</th><th scope=\"col\">Inpatient services</th>"));
        assert!(html.contains("<tr><th scope=\"row\">16 March 2026</th><td>Intending</td><td>Starting</td><td>Intending</td></tr>\n<tr><th scope=\"row\">Now</th><td>Starting (capped by a &quot;no&quot;)</td><td>Starting</td><td>Developing</td></tr>"));
    }

    #[test]
    fn views_without_departments_show_only_the_overall_column() {
        let mut plan = Plan::default();
        plan.journey.participants = vec![Participant {
            id: "p1".into(),
            stage: Some(Stage::Intending),
            ..Participant::default()
        }];
        let html = results_html(&plan, TODAY, crate::reap_print::Audience::Team);
        assert!(html.contains("<th scope=\"col\">Stage</th><th scope=\"col\">Overall</th></tr>"));
        assert!(html.contains("<li>Overall: too few views to give a middle view (1; at least 5 are needed). No two views are more than one stage apart.</li>"));
        assert!(!html.contains(words::NO_DEPARTMENT));
    }

    /// Issue 17, item 8: the spread of views printed to share outside the team (the default)
    /// hides counts of 1 to 4 under the "<5" preset; the team's copy shows them.
    #[test]
    fn the_shared_results_hide_small_counts() {
        let plan = Plan::example();
        let team = results_html(&plan, TODAY, crate::reap_print::Audience::Team);
        let shared = results_html(&plan, TODAY, crate::reap_print::Audience::Shared);
        let cells = |html: &str| -> Vec<String> {
            html.split("<td class=\"rep-num\">")
                .skip(1)
                .map(|c| c.split('<').next().unwrap_or_default().to_string())
                .collect()
        };
        let (t, s) = (cells(&team), cells(&shared));
        assert_eq!(t.len(), s.len());
        assert!(
            t.iter()
                .any(|c| matches!(c.as_str(), "1" | "2" | "3" | "4")),
            "{t:?}"
        );
        assert!(
            !s.iter()
                .any(|c| matches!(c.as_str(), "1" | "2" | "3" | "4")),
            "{s:?}"
        );
        assert!(s.iter().any(|c| c == "*"));
        assert!(shared.contains("* a count from 1 to 4"));
        assert!(!team.contains("* a count from 1 to 4"));
    }

    /// The shared copy names no one beside a stage (each person's view, who holds each end of a
    /// disagreement), which would let the hidden counts be worked out; the team's copy does. A
    /// middle view from fewer than 5 views is given in neither.
    #[test]
    fn the_shared_results_name_no_one_and_a_median_needs_five_views() {
        let plan = Plan::example();
        let team = results_html(&plan, TODAY, crate::reap_print::Audience::Team);
        let shared = results_html(&plan, TODAY, crate::reap_print::Audience::Shared);
        let named: Vec<String> = plan
            .journey
            .participants
            .iter()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        assert!(!named.is_empty());
        for name in &named {
            let escaped = E(name).to_string();
            assert!(team.contains(&escaped), "the team's copy names {name}");
            assert!(!shared.contains(&escaped), "the shared copy names {name}");
        }
        assert!(shared.contains(&E(words::VIEWS_LEFT_OUT).to_string()));
        // The example's departments have fewer than 5 views each.
        let summary = plan.journey.summary().0;
        let small = summary
            .departments
            .iter()
            .find(|g| g.spread.total() < 5 && g.spread.total() > 0)
            .expect("a department with fewer than 5 views");
        let name = small.department.clone().unwrap_or_default();
        let too_few = E(&words::too_few_for_middle(&name, small.spread.total())).to_string();
        assert!(team.contains(&too_few), "{too_few}");
        assert!(shared.contains(&too_few));
    }
}
