//! The four sections of a plan, one per part. Each is small now; the part's own issue extends it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dates::Date;

pub use crate::journey::Stage;
pub use crate::reap::AnchorStatus;

/// REAP checklist: what the team has recorded against each anchor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReapSection {
    /// Keyed by anchor id as the framework numbers it ("1.1" to "4.6"). Untouched anchors are absent.
    pub anchors: BTreeMap<String, AnchorRecord>,
}

impl ReapSection {
    /// The recorded status of an anchor (not started when nothing is recorded).
    pub fn status(&self, anchor_id: &str) -> AnchorStatus {
        self.anchors
            .get(anchor_id)
            .map(|r| r.status)
            .unwrap_or_default()
    }

    /// The meeting rule applied to what is recorded.
    pub fn rule(&self) -> crate::reap::RuleResult {
        crate::reap::meeting_rule(|id| self.status(id))
    }

    /// What needs attention on one anchor, as of `today` (YYYY-MM-DD).
    pub fn flags(&self, anchor_id: &str, today: &str) -> Vec<AnchorFlag> {
        let Some(record) = self.anchors.get(anchor_id) else {
            return Vec::new();
        };
        let mut flags = Vec::new();
        if record.status == AnchorStatus::Met && record.evidence.trim().is_empty() {
            flags.push(AnchorFlag::MetWithoutEvidence);
        }
        let review = record.review_date.trim();
        if !review.is_empty() {
            match (Date::parse_iso(review), Date::parse_iso(today)) {
                (None, _) => flags.push(AnchorFlag::ReviewDateNotADate(review.to_string())),
                (Some(due), Some(today)) if due < today => {
                    flags.push(AnchorFlag::ReviewOverdue(due))
                }
                _ => {}
            }
        }
        flags
    }
}

/// Something on a REAP anchor that needs attention. Shown as text, never by colour alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorFlag {
    /// Allowed, but a reviewer will ask for the evidence.
    MetWithoutEvidence,
    ReviewOverdue(Date),
    /// What was recorded is kept as it was; it just cannot be checked.
    ReviewDateNotADate(String),
}

impl AnchorFlag {
    /// The short label for the flag's tag.
    pub fn label(&self) -> String {
        match self {
            AnchorFlag::MetWithoutEvidence => "Met, no evidence recorded".to_string(),
            AnchorFlag::ReviewOverdue(date) => format!("Review overdue (due {})", date.long()),
            AnchorFlag::ReviewDateNotADate(text) => {
                format!("Review date \u{2018}{text}\u{2019} is not a date")
            }
        }
    }
}

/// What the team has recorded for one REAP anchor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnchorRecord {
    pub status: AnchorStatus,
    /// Free text and links.
    pub evidence: String,
    pub who: String,
    /// YYYY-MM-DD, or empty.
    pub review_date: String,
}

/// Journey to race equality: the workshop's participants and the stage they agree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JourneySection {
    pub participants: Vec<Participant>,
    /// Once the group agrees one.
    pub agreed_stage: Option<Stage>,
    /// YYYY-MM-DD, or empty.
    pub reassessment_date: String,
}

/// One person's own view in a workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    /// Unique within the plan; see [`super::next_id`].
    pub id: String,
    pub name: String,
    pub department: String,
    /// The stage this person chose, if they have chosen.
    pub stage: Option<Stage>,
    pub evidence: String,
}

/// Data comparisons: the figures for each reporting period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSection {
    /// Oldest first.
    pub periods: Vec<Period>,
}

/// The figures for one reporting period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    pub id: String,
    /// As the organisation names it, such as "2023-24".
    pub label: String,
    /// Metric id, then ethnic group id, to that group's figure.
    pub figures: BTreeMap<String, BTreeMap<String, Figure>>,
}

/// "count out of out_of", such as 12 appointed out of 40 shortlisted. `None` is a blank, not a zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figure {
    pub count: Option<u64>,
    pub out_of: Option<u64>,
}

/// Action plan: objectives, each with its numbered actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlanSection {
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    pub id: String,
    pub title: String,
    pub lead: String,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// Unique within the plan, across objectives.
    pub id: String,
    pub text: String,
    pub who: String,
    /// YYYY-MM-DD, or empty.
    pub by_when: String,
    pub status: ActionStatus,
    pub progress: String,
}

/// What the team says about an action. "Overdue" is not stored: it is worked out from `by_when`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not started",
            ActionStatus::OnTrack => "on track",
            ActionStatus::AtRisk => "at risk",
            ActionStatus::Done => "done",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reap_flags_say_what_needs_attention() {
        let mut reap = ReapSection::default();
        let today = "2026-11-28";
        assert!(
            reap.flags("1.1", today).is_empty(),
            "nothing recorded, nothing flagged"
        );
        reap.anchors.insert(
            "1.1".into(),
            AnchorRecord {
                status: AnchorStatus::Met,
                review_date: "2026-11-27".into(),
                ..AnchorRecord::default()
            },
        );
        let flags = reap.flags("1.1", today);
        assert_eq!(flags[0], AnchorFlag::MetWithoutEvidence);
        assert_eq!(flags[0].label(), "Met, no evidence recorded");
        assert_eq!(flags[1].label(), "Review overdue (due 27 November 2026)");
        // Due today is not overdue; a date that is not a date is kept and said so.
        reap.anchors.get_mut("1.1").unwrap().review_date = today.into();
        reap.anchors.get_mut("1.1").unwrap().evidence = "Caseload table, March".into();
        assert!(reap.flags("1.1", today).is_empty());
        reap.anchors.get_mut("1.1").unwrap().review_date = "next spring".into();
        assert_eq!(
            reap.flags("1.1", today),
            [AnchorFlag::ReviewDateNotADate("next spring".into())]
        );
        assert_eq!(reap.anchors["1.1"].review_date, "next spring");
    }

    #[test]
    fn the_rule_reads_the_recorded_statuses() {
        let mut reap = ReapSection::default();
        let met = |reap: &mut ReapSection, id: &str| {
            reap.anchors.entry(id.into()).or_default().status = AnchorStatus::Met;
        };
        for id in ["1.1", "1.2", "1.3", "2.2", "3.4"] {
            met(&mut reap, id);
        }
        assert!(!reap.rule().met);
        assert_eq!(
            reap.rule().still_needed(),
            ["Partnership: meet at least one of 4.1-4.6"]
        );
        met(&mut reap, "4.6");
        assert!(reap.rule().met);
        assert_eq!(reap.status("2.1"), AnchorStatus::NotStarted);
    }

    use super::*;

    #[test]
    fn statuses_are_saved_in_snake_case_and_read_back() {
        assert_eq!(
            serde_json::to_value(AnchorStatus::NotMet).unwrap(),
            "not_met"
        );
        assert_eq!(
            serde_json::to_value(ActionStatus::AtRisk).unwrap(),
            "at_risk"
        );
        let status: AnchorStatus = serde_json::from_str("\"in_progress\"").unwrap();
        assert_eq!(status, AnchorStatus::InProgress);
    }

    #[test]
    fn a_record_missing_fields_reads_with_defaults() {
        let record: AnchorRecord =
            serde_json::from_str(r#"{"evidence":"Caseload table"}"#).unwrap();
        assert_eq!(record.status, AnchorStatus::NotStarted);
        assert_eq!(record.evidence, "Caseload table");
        let action: Action = serde_json::from_str(r#"{"id":"a1","colour":"red"}"#).unwrap();
        assert_eq!(action.status, ActionStatus::NotStarted);
    }

    #[test]
    fn a_blank_figure_is_not_a_zero() {
        let figure: Figure = serde_json::from_str(r#"{"count":0}"#).unwrap();
        assert_eq!(
            figure,
            Figure {
                count: Some(0),
                out_of: None
            }
        );
    }

    #[test]
    fn labels_are_plain_words() {
        assert_eq!(ActionStatus::OnTrack.label(), "on track");
    }
}
