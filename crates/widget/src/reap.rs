//! The REAP anchor checklist: the meeting rule's result at a glance, reviews, then each theme's
//! anchors with their status, evidence, who, review date, linked actions and guidance, and the
//! Employment Specialists' caseloads under anchor 3.3.
//!
//! Drawn as HTML text and patched in place (see `live_html.rs`); every change goes through
//! `race_equity_domain::plan::edit` and `Planner::edit`.

use std::fmt::Write;

use leptos::prelude::*;
use race_equity_domain::caseload::{self, CaseloadGroup};
use race_equity_domain::dates::long_or_as_is;
use race_equity_domain::file_names::download_name;
use race_equity_domain::html::E;
use race_equity_domain::messages::reap as m;
use race_equity_domain::plan::{Action, Plan};
use race_equity_domain::reap::{self, Anchor, AnchorStatus, Theme};
use race_equity_domain::reap_print;
use web_sys::Element;

/// The radio group asking who the print or CSV is for.
const AUDIENCE: &str = "rep-reap-audience";

use crate::download::download;
use crate::fields::{
    action_fields, audience_choice, audience_of, button, chosen_audience, date_input, disabled,
    label, plan_screen, print, readonly, remove_button, text_input,
};
use crate::live_html::Drawn;
use crate::state::{now, today, Planner};

/// The whole checklist screen.
pub fn reap_checklist() -> impl IntoView {
    plan_screen("rep-reap", render, act)
}

/// Carries out a button's action; returns the id of the element to focus afterwards.
fn act(planner: Planner, key: &str, root: &Element) -> Option<String> {
    match key {
        "csv" => {
            // The CSV holds the checklist's words only, no counts: nothing in it to suppress.
            let text = planner
                .plan
                .with_untracked(|p| p.reap.checklist_csv(&p.action_plan, &today()));
            let name = planner
                .plan
                .with_untracked(|p| download_name(&p.title, "reap-checklist", &now(), "csv"));
            if let Err(message) = download(&name, "text/csv", &text) {
                planner.notice(message);
            }
            return None;
        }
        "print" => {
            let audience = audience_of(root, AUDIENCE);
            let page = planner
                .plan
                .with_untracked(|p| reap_print::printable_html(p, &today(), audience));
            print(root, &page, m::PRINT_FRAME_TITLE);
            return None;
        }
        _ => {}
    }
    let (name, arg) = key.split_once('/').unwrap_or((key, ""));
    // Where focus goes once a removed action's row has gone: its anchor's "Add an action".
    let action_anchor = planner.plan.with_untracked(|p| {
        p.action_plan
            .objectives
            .iter()
            .flat_map(|o| &o.actions)
            .find(|a| a.id == arg)
            .and_then(|a| a.anchors.first().cloned())
    });
    let created = planner.act(key)?;
    match name {
        "add-specialist" => created.map(|id| format!("rep-s-{id}-name")),
        "add-action" => created.map(|id| format!("rep-x-{id}-text")),
        "remove-action" => action_anchor.map(|a| format!("rep-add-action-{}", slug(&a))),
        "remove-specialist" => Some("rep-add-specialist".into()),
        "review" => Some("rep-reviews".into()),
        _ => None,
    }
}

/// "1.1" as it appears in element ids.
fn slug(id: &str) -> String {
    id.replace('.', "-")
}

/// The class of a status tag: the words say the status; colour only repeats it.
fn status_class(status: AnchorStatus) -> &'static str {
    match status {
        AnchorStatus::NotStarted => "rep-tag rep-tag--grey",
        AnchorStatus::InProgress => "rep-tag rep-tag--blue",
        AnchorStatus::Met => "rep-tag rep-tag--green",
        AnchorStatus::NotMet => "rep-tag rep-tag--red",
    }
}

/// The checklist screen as HTML.
pub fn render(
    plan: &Plan,
    read_only: bool,
    today: &str,
    confirm: Option<&str>,
    drawn: &Drawn,
) -> String {
    let h = &mut String::new();
    w!(h, r#"<p class="rep-body-l">{}</p>"#, E(m::INTRO));
    summary(h, plan);
    audience_choice(h, AUDIENCE, chosen_audience(AUDIENCE));
    h.push_str(r#"<div class="rep-button-group">"#);
    button(h, "csv", "rep-csv", m::DOWNLOAD_CSV, false);
    button(h, "print", "rep-print", m::PRINT, false);
    h.push_str("</div>");
    reviews(h, plan, read_only);
    for theme in Theme::ALL {
        let n = theme.number();
        w!(
            h,
            r#"<section class="rep-section" aria-labelledby="rep-theme-{n}"><h2 class="rep-heading-l" id="rep-theme-{n}">{n}. {}</h2><p class="rep-hint">{} {}</p><ol class="rep-anchors">"#,
            E(theme.title()),
            E(theme.requirement_text()),
            E(theme.about())
        );
        for anchor in reap::anchors_in(theme) {
            anchor_item(h, plan, anchor, read_only, today, confirm, drawn);
        }
        h.push_str("</ol></section>");
    }
    std::mem::take(h)
}

fn summary(h: &mut String, plan: &Plan) {
    let rule = plan.reap.rule();
    let tag = |met: bool| {
        if met {
            "rep-tag rep-tag--green"
        } else {
            "rep-tag rep-tag--grey"
        }
    };
    w!(
        h,
        r#"<section class="rep-summary" aria-labelledby="rep-reap-summary"><h2 class="rep-heading-l" id="rep-reap-summary">{}</h2><p class="rep-summary__headline" role="status"><strong class="{}">{}</strong></p><ul class="rep-summary__themes">"#,
        E(m::SUMMARY_TITLE),
        tag(rule.met),
        E(rule.headline())
    );
    for result in &rule.themes {
        w!(
            h,
            r#"<li><strong class="{}">{}</strong> {}</li>"#,
            tag(result.met),
            E(if result.met {
                m::THEME_MET
            } else {
                m::THEME_NOT_YET
            }),
            E(&result.sentence())
        );
    }
    h.push_str("</ul></section>");
}

fn reviews(h: &mut String, plan: &Plan, read_only: bool) {
    w!(
        h,
        r#"<section class="rep-section" aria-labelledby="rep-reviews"><h2 class="rep-heading-l" id="rep-reviews" tabindex="-1">{}</h2>"#,
        E(m::REVIEWS_TITLE)
    );
    match plan.reap.reviews.last() {
        None => {
            w!(h, "<p>{}</p>", E(m::NO_REVIEW_YET));
        }
        Some(review) => {
            let when = long_or_as_is(&review.date);
            let changes = plan.reap.changes_since(review);
            w!(
                h,
                "<p>{}</p>",
                E(&m::last_review(&when, plan.reap.reviews.len()))
            );
            if changes.is_empty() {
                w!(h, "<p>{}</p>", E(&m::no_changes_since(&when)));
            } else {
                w!(
                    h,
                    r#"<details class="rep-details" id="rep-changes-since"><summary class="rep-details__summary">{}</summary><ul class="rep-list rep-details__text">"#,
                    E(&m::changes_since(&when, changes.len()))
                );
                for change in &changes {
                    w!(h, "<li>{}</li>", E(&change.sentence()));
                }
                h.push_str("</ul></details>");
            }
        }
    }
    w!(h, r#"<p class="rep-hint">{}</p>"#, E(m::REVIEW_HINT));
    button(h, "review", "rep-start-review", m::START_REVIEW, read_only);
    h.push_str("</section>");
}

fn anchor_item(
    h: &mut String,
    plan: &Plan,
    anchor: &Anchor,
    read_only: bool,
    today: &str,
    confirm: Option<&str>,
    drawn: &Drawn,
) {
    let id = anchor.id;
    let s = slug(id);
    let record = plan.reap.anchors.get(id).cloned().unwrap_or_default();
    let which = format!("{} {id}", m::ANCHOR);
    let outer = h;
    let h = &mut String::new();
    w!(
        h,
        r#"<h3 class="rep-heading-m" id="rep-a-{s}-title" tabindex="-1">{id} {}</h3><p class="rep-anchor__tags"><strong class="{}">{}</strong>"#,
        E(anchor.title),
        status_class(record.status),
        E(record.status.title())
    );
    for flag in plan.reap.flags(id, today) {
        w!(
            h,
            r#" <strong class="rep-tag rep-tag--yellow">{}</strong>"#,
            E(&flag.label())
        );
    }
    w!(
        h,
        r#"</p><details class="rep-details"><summary class="rep-details__summary">{} {id}</summary><div class="rep-details__text">{}</div></details><div class="rep-form-group">"#,
        E(m::GUIDANCE_FOR),
        reap::guidance_html(anchor)
    );
    label(h, &format!("rep-a-{s}-status"), m::STATUS, &which);
    w!(
        h,
        r#"<select class="rep-select" id="rep-a-{s}-status" data-f="a/{id}/status"{}>"#,
        disabled(read_only)
    );
    for status in AnchorStatus::ALL {
        let selected = if status == record.status {
            " selected"
        } else {
            ""
        };
        w!(
            h,
            r#"<option value="{}"{selected}>{}</option>"#,
            status.id(),
            E(status.title())
        );
    }
    h.push_str(r#"</select></div><div class="rep-form-group">"#);
    label(h, &format!("rep-a-{s}-evidence"), m::EVIDENCE, &which);
    w!(
        h,
        // `&#10;`: the HTML parser drops one line break after <textarea>, so a text
        // that starts with one keeps it.
        r#"<p class="rep-hint" id="rep-a-{s}-evidence-hint">{}</p><textarea class="rep-textarea" id="rep-a-{s}-evidence" rows="3" aria-describedby="rep-a-{s}-evidence-hint" data-f="a/{id}/evidence"{}>&#10;{}</textarea></div><div class="rep-form-row"><div class="rep-form-group">"#,
        E(m::EVIDENCE_HINT),
        readonly(read_only),
        E(&record.evidence)
    );
    label(h, &format!("rep-a-{s}-who"), m::WHO, &which);
    text_input(
        h,
        "rep-input--medium",
        &format!("rep-a-{s}-who"),
        &format!("a/{id}/who"),
        &record.who,
        read_only,
    );
    h.push_str(r#"</div><div class="rep-form-group">"#);
    label(h, &format!("rep-a-{s}-review"), m::REVIEW_DATE, &which);
    date_input(
        h,
        &format!("rep-a-{s}-review"),
        &format!("a/{id}/review"),
        &record.review_date,
        read_only,
    );
    h.push_str("</div></div>");
    linked_actions(h, plan, anchor, read_only, confirm);
    if id == "3.3" {
        specialists(h, plan, read_only, confirm);
    }
    drawn.block(
        outer,
        "li",
        &format!(r#"class="rep-anchor" id="rep-anchor-{s}" aria-labelledby="rep-a-{s}-title""#),
        h,
    );
}

fn linked_actions(
    h: &mut String,
    plan: &Plan,
    anchor: &Anchor,
    read_only: bool,
    confirm: Option<&str>,
) {
    let id = anchor.id;
    let actions: Vec<&Action> = plan.action_plan.actions_for_anchor(id);
    w!(
        h,
        r#"<h4 class="rep-heading-s">{} {id}</h4>"#,
        E(m::ACTIONS_FOR)
    );
    if actions.is_empty() {
        w!(h, r#"<p class="rep-hint">{}</p>"#, E(m::NO_ACTIONS));
    } else {
        h.push_str(r#"<ol class="rep-actions">"#);
        for (n, action) in actions.iter().enumerate() {
            let x = &action.id;
            let which = format!("{} {} {} {id}", m::ACTION, n + 1, m::FOR);
            w!(h, r#"<li class="rep-action" id="rep-x-{}">"#, E(x));
            action_fields(h, "rep-x", action, &which, read_only);
            remove_button(
                h,
                &format!("remove-action/{x}"),
                &format!("{} {} {} {id}", m::REMOVE_ACTION, n + 1, m::FOR),
                read_only,
                confirm,
            );
            h.push_str("</li>");
        }
        h.push_str("</ol>");
    }
    button(
        h,
        &format!("add-action/{id}"),
        &format!("rep-add-action-{}", slug(id)),
        &format!("{} {id}", m::ADD_ACTION_FOR),
        read_only,
    );
}

/// Anchor 3.3: each Employment Specialist's caseload by group, against the team's.
fn specialists(h: &mut String, plan: &Plan, read_only: bool, confirm: Option<&str>) {
    let list = &plan.reap.specialists;
    let comparison = caseload::compare_specialists(list, plan.settings.non_adverse_range);
    w!(
        h,
        r#"<div class="rep-caseload" id="rep-caseload"><h4 class="rep-heading-s" id="rep-caseload-title">{}</h4><p class="rep-hint">{}</p>"#,
        E(m::CASELOAD_TITLE),
        E(m::CASELOAD_HINT)
    );
    if !list.is_empty() {
        w!(
            h,
            r#"<div class="rep-table-scroll" role="region" aria-labelledby="rep-caseload-title" tabindex="0"><table class="rep-table rep-table--caseload"><thead><tr><th scope="col">{}</th>"#,
            E(m::NAME_OR_INITIALS)
        );
        for group in CaseloadGroup::ALL {
            w!(h, r#"<th scope="col">{}</th>"#, E(group.short_label()));
        }
        w!(
            h,
            r#"<th scope="col">{}</th><th scope="col"><span class="rep-visually-hidden">{}</span></th></tr></thead><tbody>"#,
            E(m::TOTAL),
            E(m::REMOVE)
        );
        for (n, specialist) in list.iter().enumerate() {
            let who = match specialist.name.trim() {
                "" => format!("{} {}", m::SPECIALIST, n + 1),
                name => name.to_string(),
            };
            let es = E(&specialist.id);
            w!(
                h,
                r#"<tr id="rep-s-{es}"><td><input class="rep-input rep-input--short" type="text" id="rep-s-{es}-name" autocomplete="off" aria-label="{}, {} {}" value="{}" data-f="s/{es}/name"{}></td>"#,
                E(m::NAME_OR_INITIALS),
                E(m::SPECIALIST),
                n + 1,
                E(&specialist.name),
                readonly(read_only)
            );
            for group in CaseloadGroup::ALL {
                let value = specialist
                    .caseload
                    .get(group.id())
                    .map(String::as_str)
                    .unwrap_or("");
                let invalid = if caseload::parse_count(value).is_err() {
                    r#" aria-invalid="true""#
                } else {
                    ""
                };
                w!(
                    h,
                    r#"<td><input class="rep-input rep-input--count" type="text" inputmode="numeric" id="rep-s-{es}-{g}" autocomplete="off" aria-label="{}, {}" value="{}" data-f="s/{es}/{g}"{invalid}{}></td>"#,
                    E(group.label()),
                    E(&who),
                    E(value),
                    readonly(read_only),
                    g = group.id()
                );
            }
            let total = comparison
                .specialists
                .get(n)
                .map(|s| s.tally.total())
                .unwrap_or(0);
            w!(h, "<td>{total}</td><td>");
            remove_button(
                h,
                &format!("remove-specialist/{}", specialist.id),
                &format!("{} {who}", m::REMOVE),
                read_only,
                confirm,
            );
            h.push_str("</td></tr>");
        }
        w!(h, r#"<tr><th scope="row">{}</th>"#, E(m::TEAM));
        for group in CaseloadGroup::ALL {
            w!(h, "<td>{}</td>", comparison.team.count(group));
        }
        w!(
            h,
            "<td>{}</td><td></td></tr></tbody></table></div>",
            comparison.team.total()
        );
    }
    button(
        h,
        "add-specialist",
        "rep-add-specialist",
        m::ADD_SPECIALIST,
        read_only,
    );
    if !comparison.problems.is_empty() {
        w!(
            h,
            r#"<div class="rep-caseload-problems rep-error-summary" role="alert"><p class="rep-error-summary__title">{}</p><ul class="rep-list">"#,
            E(m::CASELOAD_PROBLEMS)
        );
        for problem in &comparison.problems {
            w!(h, "<li>{}</li>", E(problem));
        }
        h.push_str("</ul></div>");
    }
    let compared: Vec<_> = comparison
        .specialists
        .iter()
        .filter(|s| !s.groups.is_empty())
        .collect();
    if !compared.is_empty() {
        w!(
            h,
            r#"<div class="rep-caseload-results"><h5 class="rep-heading-s">{}</h5><ul class="rep-list">"#,
            E(m::CASELOAD_RESULTS)
        );
        for specialist in compared {
            w!(
                h,
                "<li><strong>{}</strong>",
                E(&caseload::headline(specialist))
            );
            let notable: Vec<_> = specialist
                .groups
                .iter()
                .filter(|g| g.flag || g.small)
                .collect();
            if !notable.is_empty() {
                h.push_str(r#"<ul class="rep-list">"#);
                for group in notable {
                    let (class, tag) = if group.flag {
                        ("rep-tag--yellow", m::WORTH_A_LOOK)
                    } else {
                        ("rep-tag--grey", m::TOO_FEW)
                    };
                    w!(
                        h,
                        r#"<li><strong class="rep-tag {class}">{}</strong> {}</li>"#,
                        E(tag),
                        E(&group.sentence)
                    );
                }
                h.push_str("</ul>");
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
        button(
            h,
            "caseload-to-evidence",
            "rep-caseload-to-evidence",
            m::CASELOAD_TO_EVIDENCE,
            read_only,
        );
        h.push_str("</div>");
    }
    h.push_str("</div>");
}
