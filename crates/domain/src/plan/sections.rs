//! The four sections of a plan, one per part. Each is small now; the part's own issue extends it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::journey::Stage;
pub use crate::reap::AnchorStatus;

/// REAP checklist: what the team has recorded against each anchor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReapSection {
    /// Keyed by anchor id as the framework numbers it ("1.1" to "4.6"). Untouched anchors are absent.
    pub anchors: BTreeMap<String, AnchorRecord>,
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
