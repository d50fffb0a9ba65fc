//! The REAP checklist as one printable HTML page for a Fidelity Review pack: the meeting rule,
//! each theme's anchors laid out like IPS Grow's REAP tab with their linked actions, and the
//! Employment Specialists' caseloads for anchor 3.3.
//!
//! A standalone document with its own print styles and nothing else: no scripts, no links to
//! other files. Everything a user typed is escaped with [`crate::html::escape`].

use crate::caseload::{compare_specialists, CaseloadGroup, SpecialistCaseload, Tally};
use crate::dates::long_or_as_is;
use crate::html::{escape, PRINT_STYLE};
use crate::plan::{AnchorFlag, Plan, CHECKLIST_COLUMNS};
use crate::reap::{anchors_in, Theme};
use crate::stats::{format_percent, suppress_count, SuppressionPreset};

/// Who a printed or exported copy is for (METRICS.md "Small numbers"): the team sees every count;
/// a copy shared outside the team has small counts suppressed under the plan's preset, and any
/// rate or share resting on them withheld. Sharing outside is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// "For my team": every count as entered.
    Team,
    /// "To share outside the team": small counts suppressed.
    #[default]
    Shared,
}

impl Audience {
    /// From the widget's radio value: "team", or anything else for sharing outside.
    pub fn from_value(value: &str) -> Audience {
        if value == "team" {
            Audience::Team
        } else {
            Audience::Shared
        }
    }

    /// Both choices, the default last, as the screens offer them.
    pub const ALL: [Audience; 2] = [Audience::Team, Audience::Shared];
    /// The question above the choice on each screen that prints or downloads.
    pub const QUESTION: &'static str = "Who is the printed or downloaded copy for?";
    /// The hint under the question.
    pub const HINT: &'static str = "A copy to share outside the team hides small counts, as the plan's settings say. A copy for your team shows every count: keep it in the team.";

    /// The radio value: "team" or "shared".
    pub fn value(self) -> &'static str {
        match self {
            Audience::Team => "team",
            Audience::Shared => "shared",
        }
    }

    /// The radio label.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Team => "For my team",
            Audience::Shared => "To share outside the team",
        }
    }

    /// The line printed under the title saying which copy this is.
    pub fn note(self, preset: SuppressionPreset) -> String {
        match self {
            Audience::Team => "For the team only: every count is shown, including small ones. Do not share it outside the team.".to_string(),
            Audience::Shared => format!(
                "To share outside the team: small counts are suppressed. {} A share or rate resting on a suppressed count, or on fewer than 10 people, is withheld as too few to report.",
                preset.footnote()
            ),
        }
    }
}

/// What a published cell says instead of a rate that rests on small numbers.
pub const TOO_FEW_TO_REPORT: &str = "too few to report";

/// A4 landscape (the REAP tab has eight columns), with the shared print styles ([`PRINT_STYLE`]).
pub(crate) const PAGE: &str = "@page{size:A4 landscape;margin:15mm 12mm}";
/// This page's own rules, after [`PRINT_STYLE`].
pub(crate) const STYLE: &str = ".rep-anchors{table-layout:fixed}\
.rep-anchors thead th:nth-child(1){width:6%}.rep-anchors thead th:nth-child(2){width:17%}\
.rep-anchors thead th:nth-child(3){width:8%}.rep-anchors thead th:nth-child(4){width:22%}\
.rep-anchors thead th:nth-child(5){width:10%}.rep-anchors thead th:nth-child(6){width:9%}\
.rep-anchors thead th:nth-child(7){width:18%}.rep-anchors thead th:nth-child(8){width:10%}\
thead th{background:#eee}\
td ul{margin:0;padding-left:12pt}\
.rep-num{white-space:nowrap}\
@media screen{body{max-width:297mm;margin:0 auto;padding:12pt}}";

/// The REAP checklist of `plan` as a complete HTML document to print, dated `today` (YYYY-MM-DD).
pub fn printable_html(plan: &Plan, today: &str, audience: Audience) -> String {
    let title = match plan.title.trim() {
        "" => "Untitled plan",
        title => title,
    };
    let mut out = String::with_capacity(24 * 1024);
    out.push_str(crate::html::PRINT_HEAD);
    out.push_str(&format!(
        "<title>REAP checklist: {}</title>\n<style>{PAGE}{PRINT_STYLE}{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n<p>REAP checklist for the Fidelity Review",
        escape(title)
    ));
    for (label, value) in [
        ("Organisation", &plan.organisation),
        ("Team", &plan.team),
        ("Reporting period", &plan.reporting_period),
    ] {
        if !value.trim().is_empty() {
            out.push_str(&format!("<br>{label}: {}", escape(value.trim())));
        }
    }
    out.push_str(&format!("<br>Printed {}</p>\n", long_date(today)));
    out.push_str(&format!(
        "<p class=\"rep-audience\"><strong>{}</strong></p>\n",
        escape(&audience.note(plan.settings.suppression))
    ));

    let rule = plan.reap.rule();
    out.push_str(&format!(
        "<h2>Meeting rule</h2>\n<p><strong>{}</strong></p>\n<p>All 3 Data anchors must be met, and at least 1 anchor in each of the other three themes.</p>\n<ul>\n",
        rule.headline()
    ));
    for theme in &rule.themes {
        out.push_str(&format!("<li>{}</li>\n", escape(&theme.sentence())));
    }
    out.push_str("</ul>\n");
    let no_evidence = plan.reap.met_without_evidence();
    if !no_evidence.is_empty() {
        out.push_str(&format!(
            "<p><strong>{}</strong></p>\n",
            escape(&crate::messages::reap::met_without_evidence(&no_evidence))
        ));
    }

    for theme in Theme::ALL {
        theme_table(&mut out, plan, theme, today);
    }
    if !plan.reap.specialists.is_empty() {
        caseload_section(&mut out, plan, audience);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// "28 November 2026", or the text as given when it is not a date, escaped.
fn long_date(text: &str) -> String {
    escape(&long_or_as_is(text))
}

/// Escaped text with its line breaks kept.
fn with_breaks(text: &str) -> String {
    escape(text.trim())
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

fn head_row(out: &mut String, headings: &[&str]) {
    out.push_str("<thead><tr>");
    for heading in headings {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(heading)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn theme_table(out: &mut String, plan: &Plan, theme: Theme, today: &str) {
    out.push_str(&format!(
        "<h2>{}. {}</h2>\n<p>{}</p>\n<table class=\"rep-anchors\">\n",
        theme.number(),
        escape(theme.title()),
        escape(theme.requirement_text())
    ));
    head_row(out, &CHECKLIST_COLUMNS);
    for anchor in anchors_in(theme) {
        let record = plan
            .reap
            .anchors
            .get(anchor.id)
            .cloned()
            .unwrap_or_default();
        let review = match record.review_date.trim() {
            "" => String::new(),
            date => long_date(date),
        };
        let actions: Vec<String> = plan
            .action_plan
            .actions_for_anchor(anchor.id)
            .into_iter()
            .map(|action| {
                let by_when = match action.by_when.trim() {
                    "" => String::new(),
                    date => format!("by {}", long_date(date)),
                };
                let details: Vec<String> = [escape(action.who.trim()), by_when]
                    .into_iter()
                    .filter(|d| !d.is_empty())
                    .chain([action.status.label().to_string()])
                    .collect();
                format!(
                    "<li>{} ({})</li>",
                    escape(action.description()),
                    details.join(", ")
                )
            })
            .collect();
        let actions = if actions.is_empty() {
            String::new()
        } else {
            format!("<ul>{}</ul>", actions.concat())
        };
        let flags: Vec<String> = plan
            .reap
            .flags(anchor.id, today)
            .iter()
            .map(|flag| escape(&AnchorFlag::label(flag)))
            .collect();
        out.push_str(&format!(
            "<tr><th scope=\"row\" class=\"rep-num\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            anchor.id,
            escape(anchor.title),
            record.status.title(),
            with_breaks(&record.evidence),
            escape(record.who.trim()),
            review,
            actions,
            flags.join("<br>")
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn caseload_section(out: &mut String, plan: &Plan, audience: Audience) {
    let preset = plan.settings.suppression;
    let shared = audience == Audience::Shared;
    // A count as this copy shows it, and whether it is hidden.
    let count = |n: u64| -> (String, bool) {
        if shared {
            let shown = suppress_count(n, preset);
            (shown.text(), shown == crate::stats::Shown::Suppressed)
        } else {
            (n.to_string(), false)
        }
    };
    let comparison = compare_specialists(&plan.reap.specialists, plan.settings.non_adverse_range);
    let range = plan.settings.non_adverse_range;
    out.push_str(&format!(
        "<h2>Anchor 3.3: Employment Specialists' caseloads</h2>\n<p>Each Employment Specialist's caseload by ethnic group, against the rest of the team's caseload (everyone else's caseloads added together). Each cell gives the count, then the group's share of that caseload and, in brackets, of the whole team's. The five groups' shares are of people whose ethnicity is known; the share not stated is of everyone. A share is marked for a look when it is outside the non-adverse range of {} to {} (a guide) and chance alone is an unlikely explanation.</p>\n<table>\n",
        crate::numbers::fixed(range.lower(), 2),
        crate::numbers::fixed(range.upper(), 2)
    ));
    let mut headings = vec!["Employment Specialist"];
    headings.extend(CaseloadGroup::ALL.iter().map(|g| g.label()));
    headings.push("Total");
    head_row(out, &headings);
    for specialist in &comparison.specialists {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape(&name_of(specialist))
        ));
        for group in CaseloadGroup::ALL {
            let cell = match specialist.group(group) {
                None => "not entered".to_string(),
                Some(g) if shared && (count(g.count).1 || g.small) => {
                    format!("{}<br>{TOO_FEW_TO_REPORT}", count(g.count).0)
                }
                Some(g) => {
                    let mut cell = format!(
                        "{}<br>{} ({})",
                        g.count,
                        format_percent(g.share),
                        format_percent(g.team_share)
                    );
                    if g.flag {
                        cell.push_str("<br><strong>Worth a look</strong>");
                    }
                    if g.small {
                        cell.push_str("<br>Small numbers");
                    }
                    cell
                }
            };
            out.push_str(&format!("<td>{cell}</td>"));
        }
        out.push_str(&format!(
            "<td>{}</td></tr>\n",
            count(specialist.tally.total()).0
        ));
    }
    out.push_str("<tr><th scope=\"row\">Team</th>");
    let team: &Tally = &comparison.team;
    for group in CaseloadGroup::ALL {
        let (n, hidden) = count(team.count(group));
        let share = if hidden || (shared && team.total() < 10) {
            TOO_FEW_TO_REPORT.to_string()
        } else {
            format_percent(team.share(group))
        };
        out.push_str(&format!("<td>{n}<br>{share}</td>"));
    }
    out.push_str(&format!(
        "<td>{}</td></tr>\n</tbody>\n</table>\n",
        count(team.total()).0
    ));
    if shared {
        out.push_str(&format!("<p>{}</p>\n", escape(preset.footnote())));
    }

    out.push_str("<h3>What the figures say</h3>\n");
    for specialist in &comparison.specialists {
        out.push_str(&format!(
            "<p><strong>{}</strong></p>\n<ul>\n",
            escape(&name_of(specialist))
        ));
        if specialist.groups.is_empty() {
            out.push_str("<li>No counts entered yet.</li>\n");
        }
        if specialist.tally.not_stated_is_high() {
            out.push_str("<li>More than 1 in 10 of this caseload has no ethnicity recorded, which can hide a difference.</li>\n");
        }
        for group in &specialist.groups {
            let mark = if group.flag {
                "<strong>Worth a look:</strong> "
            } else {
                ""
            };
            if shared && (group.small || count(group.count).1) {
                out.push_str(&format!(
                    "<li>{}: {TOO_FEW_TO_REPORT}.</li>\n",
                    escape(group.group.label())
                ));
            } else {
                out.push_str(&format!("<li>{mark}{}</li>\n", escape(&group.sentence)));
            }
        }
        out.push_str("</ul>\n");
    }
    if !comparison.problems.is_empty() {
        out.push_str("<h3>Counts that could not be read (left out of every figure)</h3>\n<ul>\n");
        for problem in &comparison.problems {
            out.push_str(&format!("<li>{}</li>\n", escape(problem)));
        }
        out.push_str("</ul>\n");
    }
}

fn name_of(specialist: &SpecialistCaseload) -> String {
    match specialist.name.trim() {
        "" => "Employment Specialist (no name)".to_string(),
        name => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{AnchorRecord, AnchorStatus, Specialist};
    use crate::reap::ANCHORS;

    const TODAY: &str = "2026-11-28";

    fn plan() -> Plan {
        let mut plan = Plan::new("p1", "Riverside <IPS> plan", "2026-01-01T09:00:00Z");
        plan.organisation = "Example Trust & Council".into();
        plan.reap.anchors.insert(
            "1.1".into(),
            AnchorRecord {
                status: AnchorStatus::Met,
                evidence: "Caseload table\n<script>alert('x')</script>".into(),
                who: "Sam \"the lead\"".into(),
                review_date: "2026-10-01".into(),
            },
        );
        plan
    }

    #[test]
    fn a_complete_standalone_document_without_scripts() {
        let html = printable_html(&plan(), TODAY, Audience::Team);
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en-GB\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        assert!(html.contains("<title>REAP checklist: Riverside &lt;IPS&gt; plan</title>"));
        assert!(html.contains("@page{size:A4"));
        assert!(html.contains("thead{display:table-header-group}"));
        assert!(html.trim_end().ends_with("</html>"));
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "no script tag at all");
        for external in ["src=", "href=", "@import", "url("] {
            assert!(!lower.contains(external), "{external}");
        }
    }

    #[test]
    fn it_has_the_plan_the_date_the_rule_and_every_anchor() {
        let html = printable_html(&plan(), TODAY, Audience::Team);
        assert!(html.contains("<h1>Riverside &lt;IPS&gt; plan</h1>"));
        assert!(html.contains("Organisation: Example Trust &amp; Council"));
        assert!(html.contains("Printed 28 November 2026"));
        assert!(html.contains("<strong>REAP not yet met</strong>"));
        assert!(html.contains("<li>Data: 1.2 and 1.3 not yet met</li>"));
        assert!(html.contains("<li>Partnership: meet at least one of 4.1-4.6</li>"));
        for anchor in &ANCHORS {
            assert!(
                html.contains(&format!(
                    "<th scope=\"row\" class=\"rep-num\">{}</th>",
                    anchor.id
                )),
                "{}",
                anchor.id
            );
            assert!(html.contains(&escape(anchor.title)), "{}", anchor.id);
        }
        assert_eq!(
            html.matches("<table class=\"rep-anchors\">").count(),
            4,
            "one table per theme"
        );
        assert!(
            !html.contains("<table>"),
            "no caseload table without specialists"
        );
        assert!(html.contains("<th scope=\"col\">Needs attention</th>"));
    }

    #[test]
    fn what_users_typed_is_escaped_and_keeps_its_line_breaks() {
        let html = printable_html(&plan(), TODAY, Audience::Team);
        assert!(html.contains(
            "<td>Caseload table<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"
        ));
        assert!(html.contains("<td>Sam &quot;the lead&quot;</td>"));
        assert!(
            html.contains(
                "<td>1 October 2026</td><td></td><td>Review overdue (due 1 October 2026)</td>"
            ),
            "the review date, no actions, and the overdue flag"
        );
    }

    #[test]
    fn linked_actions_are_listed_against_their_anchor() {
        let mut plan = plan();
        plan.action_plan.add_action_for_anchor("1.2");
        let id = plan.action_plan.add_action_for_anchor("1.2");
        let action = plan.action_plan.objectives[0]
            .actions
            .iter_mut()
            .find(|a| a.id == id)
            .unwrap();
        action.text = "Record <job> start dates".into();
        action.who = "J.M.".into();
        action.by_when = "2026-12-31".into();
        let html = printable_html(&plan, TODAY, Audience::Team);
        assert!(html.contains(
            "<ul><li>(action not yet described) (not started)</li><li>Record &lt;job&gt; start dates (J.M., by 31 December 2026, not started)</li></ul>"
        ));
    }

    #[test]
    fn the_caseload_table_appears_only_with_specialists() {
        let mut plan = plan();
        assert!(!printable_html(&plan, TODAY, Audience::Team).contains("Anchor 3.3"));
        plan.reap.specialists = vec![
            Specialist {
                id: "es1".into(),
                name: "A.K. <b>".into(),
                caseload: [("black", "10"), ("white", "30")]
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .into(),
            },
            Specialist {
                id: "es2".into(),
                name: "J.M.".into(),
                caseload: [("black", "1"), ("white", "39"), ("other", "2x")]
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .into(),
            },
            Specialist {
                id: "es3".into(),
                ..Specialist::default()
            },
        ];
        let html = printable_html(&plan, TODAY, Audience::Team);
        assert!(html.contains("<h2>Anchor 3.3: Employment Specialists' caseloads</h2>"));
        assert_eq!(html.matches("<table>").count(), 1);
        // A.K.'s 10 of 40 is compared with the rest of the team's (J.M.'s) 1 of 40: clearly higher,
        // on small numbers.
        assert!(html.contains("<tr><th scope=\"row\">A.K. &lt;b&gt;</th><td>not entered</td><td>10<br>25.0% (13.8%)<br><strong>Worth a look</strong><br>Small numbers</td>"));
        assert!(
            html.contains("<tr><th scope=\"row\">Team</th><td>0<br>0.0%</td><td>11<br>13.8%</td>")
        );
        assert!(html.contains("<p><strong>Employment Specialist (no name)</strong></p>\n<ul>\n<li>No counts entered yet.</li>"));
        assert!(html.contains("People in the Black, Black British, Black Welsh, Caribbean or African group were 2.5% of J.M.&#39;s caseload"));
        assert!(html.contains("J.M., Other ethnic group: ‘2x’ is not a whole number"));
        assert!(!html.to_lowercase().contains("<script"));
    }

    /// Issue 17, item 8: a caseload count of 3 is printed in the team's copy and suppressed in the
    /// copy shared outside the team (the default), with the preset's footnote.
    #[test]
    fn a_count_of_3_is_suppressed_only_in_the_shared_copy() {
        let mut plan = plan();
        plan.reap.specialists = vec![
            Specialist {
                id: "es1".into(),
                name: "A.K.".into(),
                caseload: [("asian", "3"), ("white", "30")]
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .into(),
            },
            Specialist {
                id: "es2".into(),
                name: "J.M.".into(),
                caseload: [("asian", "12"), ("white", "28")]
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .into(),
            },
        ];
        assert_eq!(Audience::default(), Audience::Shared);
        let team = printable_html(&plan, TODAY, Audience::Team);
        assert!(
            team.contains("<th scope=\"row\">A.K.</th><td>3<br>"),
            "{team}"
        );
        assert!(team.contains("For the team only"));
        let shared = printable_html(&plan, TODAY, Audience::Shared);
        assert!(
            shared.contains("<th scope=\"row\">A.K.</th><td>*<br>too few to report</td>"),
            "{shared}"
        );
        assert!(!shared.contains("<td>3<br>"));
        assert!(shared.contains("* a count from 1 to 4"));
        assert!(shared.contains("against the rest of the team"));
        assert!(!shared.contains("against the team's caseload"));
        // Under the "<10" preset the same 3 is suppressed too.
        plan.settings.suppression = crate::stats::SuppressionPreset::LessThan10;
        let shared = printable_html(&plan, TODAY, Audience::Shared);
        assert!(shared.contains("<td>*<br>too few to report</td>"));
        assert!(shared.contains("* a count from 1 to 9"));
    }
}
