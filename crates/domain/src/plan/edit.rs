//! Edits as the screens send them: a field key and the text the user typed, or an action key.
//!
//! The widget's screens are HTML text (see ARCHITECTURE.md, "How screens are drawn"). Each field
//! carries a key in `data-f`, each button a key in `data-act`, and the widget passes them here
//! unchanged. Keeping the mapping in the domain means a test can check that every key a screen
//! writes changes the right part of the plan.
//!
//! Field keys (the value is the field's text, kept exactly as typed):
//! - `plan/title`, `plan/organisation`, `plan/team`, `plan/period`, `plan/term` (the words for
//!   the comparison group): "About this plan".
//! - `a/<anchor>/status` (an [`AnchorStatus::id`]), `a/<anchor>/evidence`, `a/<anchor>/who`,
//!   `a/<anchor>/review`: a REAP anchor's record.
//! - `s/<specialist id>/name`, `s/<specialist id>/<caseload group id>`: the anchor 3.3 table.
//! - `x/<action id>/text`, `x/<action id>/who`, `x/<action id>/by_when`: an action.
//!
//! Action keys:
//! - `review`: start a REAP review (a dated snapshot).
//! - `add-action/<anchor>`: a new action linked to the anchor.
//! - `remove-action/<action id>`, `add-specialist`, `remove-specialist/<specialist id>`.
//! - `caseload-to-evidence`: add the 3.3 caseload comparison, dated, to anchor 3.3's evidence.

use super::Plan;
#[cfg(test)]
use super::MAX_SPECIALISTS;
use crate::caseload::{self, CaseloadGroup};
use crate::reap::{self, AnchorStatus};

/// Why an edit was refused. The screens only send keys they were drawn with, so most of these
/// mean the plan changed underneath the screen (another tab removed the item, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The key names no field or action this version knows.
    UnknownKey(String),
    /// The key names an item the plan does not have (any more).
    Missing(String),
    /// The value is not one the field accepts.
    BadValue(String),
    /// A list is at its limit.
    Full(&'static str),
}

impl EditError {
    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            EditError::UnknownKey(key) => {
                format!("That change could not be made (\u{2018}{key}\u{2019} is not a field this version knows). Reload the page and try again.")
            }
            EditError::Missing(what) => {
                format!("That change could not be made: {what} is no longer in this plan. It may have been removed in another tab.")
            }
            EditError::BadValue(value) => {
                format!("That change could not be made: \u{2018}{value}\u{2019} is not one of the choices.")
            }
            EditError::Full(what) => format!("This plan already has the most {what} it can hold."),
        }
    }
}

/// Sets the field named by `key` to `value`.
pub fn set_field(plan: &mut Plan, key: &str, value: &str) -> Result<(), EditError> {
    let unknown = || EditError::UnknownKey(key.to_string());
    if let Some(field) = key.strip_prefix("plan/") {
        *plan_field(plan, field).ok_or_else(unknown)? = value.to_string();
        return Ok(());
    }
    let mut parts = key.splitn(3, '/');
    let (kind, id, field) = (
        parts.next().ok_or_else(unknown)?,
        parts.next().ok_or_else(unknown)?,
        parts.next().ok_or_else(unknown)?,
    );
    match kind {
        "a" => {
            let anchor = reap::anchor(id).ok_or_else(unknown)?;
            let status = match field {
                "status" => Some(
                    AnchorStatus::from_id(value)
                        .ok_or_else(|| EditError::BadValue(value.to_string()))?,
                ),
                "evidence" | "who" | "review" => None,
                _ => return Err(unknown()),
            };
            let record = plan.reap.anchors.entry(anchor.id.to_string()).or_default();
            match field {
                "status" => record.status = status.unwrap_or_default(),
                "evidence" => record.evidence = value.to_string(),
                "who" => record.who = value.to_string(),
                _ => record.review_date = value.to_string(),
            }
            if *record == Default::default() {
                plan.reap.anchors.remove(anchor.id);
            }
        }
        "s" => {
            let specialist = plan
                .reap
                .specialists
                .iter_mut()
                .find(|s| s.id == id)
                .ok_or_else(|| EditError::Missing("that Employment Specialist".into()))?;
            if field == "name" {
                specialist.name = value.to_string();
            } else {
                let group = CaseloadGroup::ALL
                    .into_iter()
                    .find(|g| g.id() == field)
                    .ok_or_else(unknown)?;
                if value.is_empty() {
                    specialist.caseload.remove(group.id());
                } else {
                    specialist
                        .caseload
                        .insert(group.id().to_string(), value.to_string());
                }
            }
        }
        "x" => {
            let action = plan
                .action_plan
                .objectives
                .iter_mut()
                .flat_map(|o| o.actions.iter_mut())
                .find(|a| a.id == id)
                .ok_or_else(|| EditError::Missing("that action".into()))?;
            match field {
                "text" => action.text = value.to_string(),
                "who" => action.who = value.to_string(),
                "by_when" => action.by_when = value.to_string(),
                _ => return Err(unknown()),
            }
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

/// The text of one of the plan's own details, by its key after `plan/`.
fn plan_field<'a>(plan: &'a mut Plan, field: &str) -> Option<&'a mut String> {
    Some(match field {
        "title" => &mut plan.title,
        "organisation" => &mut plan.organisation,
        "team" => &mut plan.team,
        "period" => &mut plan.reporting_period,
        "term" => &mut plan.settings.comparison_group_term,
        _ => return None,
    })
}

/// Carries out the action named by `key`, on `today` (YYYY-MM-DD). Returns the id of anything it
/// created, so the screen can move focus to it.
pub fn act(plan: &mut Plan, key: &str, today: &str) -> Result<Option<String>, EditError> {
    let unknown = || EditError::UnknownKey(key.to_string());
    let (name, arg) = key.split_once('/').unwrap_or((key, ""));
    match name {
        "review" => {
            plan.reap.start_review(today, "");
            Ok(None)
        }
        "add-action" => {
            let anchor = reap::anchor(arg).ok_or_else(unknown)?;
            Ok(Some(plan.action_plan.add_action_for_anchor(anchor.id)))
        }
        "remove-action" => {
            let before: usize = plan
                .action_plan
                .objectives
                .iter()
                .map(|o| o.actions.len())
                .sum();
            for objective in &mut plan.action_plan.objectives {
                objective.actions.retain(|a| a.id != arg);
            }
            let after: usize = plan
                .action_plan
                .objectives
                .iter()
                .map(|o| o.actions.len())
                .sum();
            if before == after {
                return Err(EditError::Missing("that action".into()));
            }
            Ok(None)
        }
        "add-specialist" => match plan.reap.add_specialist() {
            Some(id) => Ok(Some(id)),
            None => Err(EditError::Full("Employment Specialists")),
        },
        "remove-specialist" => {
            let before = plan.reap.specialists.len();
            plan.reap.specialists.retain(|s| s.id != arg);
            if plan.reap.specialists.len() == before {
                return Err(EditError::Missing("that Employment Specialist".into()));
            }
            Ok(None)
        }
        "caseload-to-evidence" => {
            let summary = caseload::evidence_summary(
                &plan.reap.specialists,
                plan.settings.non_adverse_range,
                today,
            );
            let record = plan.reap.anchors.entry("3.3".to_string()).or_default();
            let evidence = record.evidence.trim_end();
            record.evidence = if evidence.is_empty() {
                summary
            } else {
                format!("{evidence}\n\n{summary}")
            };
            Ok(None)
        }
        _ => Err(unknown()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_fields_change_only_their_anchor_and_keep_text_as_typed() {
        let mut plan = Plan::default();
        set_field(&mut plan, "a/1.2/status", "met").unwrap();
        set_field(&mut plan, "a/1.2/evidence", "  Minutes, 3 May\n<b>").unwrap();
        set_field(&mut plan, "a/1.2/who", "Sam").unwrap();
        set_field(&mut plan, "a/1.2/review", "next March").unwrap();
        let record = &plan.reap.anchors["1.2"];
        assert_eq!(record.status, AnchorStatus::Met);
        assert_eq!(record.evidence, "  Minutes, 3 May\n<b>");
        assert_eq!(record.who, "Sam");
        assert_eq!(record.review_date, "next March");
        assert_eq!(plan.reap.anchors.len(), 1);
    }

    #[test]
    fn the_plans_own_details_are_set_by_key() {
        let mut plan = Plan::default();
        for (field, text) in [
            ("title", "Northfield REAP"),
            ("organisation", "Northfield Trust"),
            ("team", "IPS"),
            ("period", "2026-27"),
            ("term", "communities who experience racism"),
        ] {
            set_field(&mut plan, &format!("plan/{field}"), text).unwrap();
        }
        assert_eq!(plan.title, "Northfield REAP");
        assert_eq!(plan.organisation, "Northfield Trust");
        assert_eq!(plan.team, "IPS");
        assert_eq!(plan.reporting_period, "2026-27");
        assert_eq!(
            plan.settings.comparison_group_term,
            "communities who experience racism"
        );
        assert_eq!(
            set_field(&mut plan, "plan/id", "x"),
            Err(EditError::UnknownKey("plan/id".into()))
        );
        assert_eq!(plan.id, "");
    }

    #[test]
    fn clearing_every_field_of_an_anchor_leaves_it_untouched() {
        let mut plan = Plan::default();
        set_field(&mut plan, "a/2.1/who", "Sam").unwrap();
        set_field(&mut plan, "a/2.1/who", "").unwrap();
        assert!(plan.reap.anchors.is_empty());
    }

    #[test]
    fn bad_keys_and_values_are_refused_without_changing_the_plan() {
        let mut plan = Plan::default();
        let before = plan.clone();
        assert_eq!(
            set_field(&mut plan, "a/1.2/status", "done"),
            Err(EditError::BadValue("done".into()))
        );
        for key in ["a/9.9/who", "a/1.2/colour", "q/1/x", "a/1.2", ""] {
            assert_eq!(
                set_field(&mut plan, key, "x"),
                Err(EditError::UnknownKey(key.into())),
                "{key}"
            );
        }
        assert_eq!(
            set_field(&mut plan, "s/es9/name", "A"),
            Err(EditError::Missing("that Employment Specialist".into()))
        );
        assert_eq!(
            act(&mut plan, "explode", "2026-01-01"),
            Err(EditError::UnknownKey("explode".into()))
        );
        assert_eq!(plan, before);
        assert!(EditError::Missing("that action".into())
            .message()
            .contains("another tab"));
    }

    #[test]
    fn specialists_are_added_named_counted_and_removed() {
        let mut plan = Plan::default();
        let id = act(&mut plan, "add-specialist", "2026-01-01")
            .unwrap()
            .unwrap();
        let second = act(&mut plan, "add-specialist", "2026-01-01")
            .unwrap()
            .unwrap();
        assert_ne!(id, second);
        set_field(&mut plan, &format!("s/{id}/name"), "A.K.").unwrap();
        set_field(&mut plan, &format!("s/{id}/black"), "12a").unwrap();
        set_field(&mut plan, &format!("s/{id}/white"), "30").unwrap();
        set_field(&mut plan, &format!("s/{id}/white"), "").unwrap();
        let es = &plan.reap.specialists[0];
        assert_eq!(es.name, "A.K.");
        assert_eq!(es.caseload.get("black").map(String::as_str), Some("12a"));
        assert!(!es.caseload.contains_key("white"));
        assert_eq!(
            set_field(&mut plan, &format!("s/{id}/purple"), "1"),
            Err(EditError::UnknownKey(format!("s/{id}/purple")))
        );
        act(&mut plan, &format!("remove-specialist/{id}"), "2026-01-01").unwrap();
        assert_eq!(plan.reap.specialists.len(), 1);
        assert!(act(&mut plan, &format!("remove-specialist/{id}"), "2026-01-01").is_err());
    }

    #[test]
    fn there_is_a_limit_on_specialists() {
        let mut plan = Plan::default();
        for _ in 0..MAX_SPECIALISTS {
            act(&mut plan, "add-specialist", "2026-01-01").unwrap();
        }
        assert_eq!(
            act(&mut plan, "add-specialist", "2026-01-01"),
            Err(EditError::Full("Employment Specialists"))
        );
    }

    #[test]
    fn an_action_added_from_an_anchor_is_linked_to_it_and_editable() {
        let mut plan = Plan::default();
        let id = act(&mut plan, "add-action/1.3", "2026-01-01")
            .unwrap()
            .unwrap();
        set_field(
            &mut plan,
            &format!("x/{id}/text"),
            "Audit ethnicity recording",
        )
        .unwrap();
        set_field(&mut plan, &format!("x/{id}/who"), "Jo").unwrap();
        set_field(&mut plan, &format!("x/{id}/by_when"), "2027-01-31").unwrap();
        let actions = plan.action_plan.actions_for_anchor("1.3");
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].text, "Audit ethnicity recording");
        assert_eq!(actions[0].who, "Jo");
        assert_eq!(actions[0].by_when, "2027-01-31");
        assert!(act(&mut plan, "add-action/7.7", "2026-01-01").is_err());
        act(&mut plan, &format!("remove-action/{id}"), "2026-01-01").unwrap();
        assert!(plan.action_plan.actions_for_anchor("1.3").is_empty());
        assert_eq!(
            act(&mut plan, &format!("remove-action/{id}"), "2026-01-01"),
            Err(EditError::Missing("that action".into()))
        );
    }

    #[test]
    fn a_review_snapshots_the_checklist() {
        let mut plan = Plan::default();
        set_field(&mut plan, "a/1.1/status", "met").unwrap();
        act(&mut plan, "review", "2026-03-01").unwrap();
        assert_eq!(plan.reap.reviews.len(), 1);
        assert_eq!(plan.reap.reviews[0].date, "2026-03-01");
        set_field(&mut plan, "a/1.1/status", "not_met").unwrap();
        assert_eq!(plan.reap.changes_since(&plan.reap.reviews[0]).len(), 1);
    }

    #[test]
    fn the_caseload_comparison_is_added_to_the_evidence_of_3_3_after_what_is_there() {
        let mut plan = Plan::default();
        set_field(
            &mut plan,
            "a/3.3/evidence",
            "Caseload reviews in supervision",
        )
        .unwrap();
        let id = act(&mut plan, "add-specialist", "2026-01-01")
            .unwrap()
            .unwrap();
        set_field(&mut plan, &format!("s/{id}/name"), "A.K.").unwrap();
        set_field(&mut plan, &format!("s/{id}/white"), "20").unwrap();
        act(&mut plan, "caseload-to-evidence", "2026-11-29").unwrap();
        let evidence = &plan.reap.anchors["3.3"].evidence;
        assert!(
            evidence.starts_with("Caseload reviews in supervision\n\n"),
            "{evidence}"
        );
        assert!(evidence.contains("29 November 2026"), "{evidence}");
    }
}
