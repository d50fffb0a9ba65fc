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
    /// The Employment Specialists and their caseloads by ethnic group, for anchor 3.3 (see
    /// [`crate::caseload`]). At most [`MAX_SPECIALISTS`] are added; a save with more keeps them all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub specialists: Vec<Specialist>,
    /// Dated snapshots taken when the team starts a review, oldest first (at most [`MAX_REAP_REVIEWS`]).
    /// Not written when empty, so plans without reviews keep the shape of the version 2 fixture.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReapReview>,
}

/// The columns of the checklist as IPS Grow's REAP tab lays them out, in the CSV (after "Theme")
/// and in each theme's table of the printed page.
pub const CHECKLIST_COLUMNS: [&str; 8] = [
    "Anchor",
    "Title",
    "Status",
    "Evidence",
    "Who is responsible",
    "Review date",
    "Actions",
    "Needs attention",
];

/// How many REAP reviews a plan keeps; the oldest go first. Four a year for five years.
pub const MAX_REAP_REVIEWS: usize = 20;

/// How many Employment Specialists can be added to a plan: more than any IPS team has.
pub const MAX_SPECIALISTS: usize = 30;

/// One Employment Specialist and their caseload by ethnic group (REAP anchor 3.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Specialist {
    /// Unique within the plan; see [`super::next_id`].
    pub id: String,
    /// A name or initials.
    pub name: String,
    /// Caseload group id ([`crate::caseload::CaseloadGroup::id`]) to the count exactly as typed.
    /// Kept as text so nothing typed is lost; [`crate::caseload::parse_count`] reads it when used.
    pub caseload: BTreeMap<String, String>,
}

/// The checklist as it stood when a review started, so the next review can see what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReapReview {
    /// Unique within the plan; see [`super::next_id`].
    pub id: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub note: String,
    pub anchors: BTreeMap<String, AnchorRecord>,
}

/// One thing that changed on an anchor since a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorChange {
    Status {
        anchor: String,
        from: AnchorStatus,
        to: AnchorStatus,
    },
    EvidenceAdded {
        anchor: String,
    },
    EvidenceChanged {
        anchor: String,
    },
    EvidenceRemoved {
        anchor: String,
    },
    WhoChanged {
        anchor: String,
        from: String,
        to: String,
    },
    ReviewDateChanged {
        anchor: String,
        from: String,
        to: String,
    },
}

impl AnchorChange {
    /// One line for the "changed since the last review" list.
    pub fn sentence(&self) -> String {
        let quoted = |v: &str| {
            if v.is_empty() {
                "nobody".to_string()
            } else {
                format!("\u{2018}{v}\u{2019}")
            }
        };
        let date = |v: &str| {
            if v.is_empty() {
                "no date".to_string()
            } else {
                v.to_string()
            }
        };
        match self {
            AnchorChange::Status { anchor, from, to } => {
                format!(
                    "{anchor}: status changed from {} to {}",
                    from.title(),
                    to.title()
                )
            }
            AnchorChange::EvidenceAdded { anchor } => format!("{anchor}: evidence added"),
            AnchorChange::EvidenceChanged { anchor } => format!("{anchor}: evidence changed"),
            AnchorChange::EvidenceRemoved { anchor } => format!("{anchor}: evidence removed"),
            AnchorChange::WhoChanged { anchor, from, to } => {
                format!(
                    "{anchor}: responsibility moved from {} to {}",
                    quoted(from),
                    quoted(to)
                )
            }
            AnchorChange::ReviewDateChanged { anchor, from, to } => {
                format!(
                    "{anchor}: review date changed from {} to {}",
                    date(from),
                    date(to)
                )
            }
        }
    }
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

    /// Takes a dated snapshot of the checklist as a review starts. The oldest snapshots go once
    /// there are more than [`MAX_REAP_REVIEWS`].
    pub fn start_review(&mut self, today: &str, note: &str) -> &ReapReview {
        let id = super::next_id("review", self.reviews.iter().map(|r| r.id.as_str()));
        self.reviews.push(ReapReview {
            id,
            date: today.to_string(),
            note: note.to_string(),
            anchors: self.anchors.clone(),
        });
        if self.reviews.len() > MAX_REAP_REVIEWS {
            let extra = self.reviews.len() - MAX_REAP_REVIEWS;
            self.reviews.drain(..extra);
        }
        &self.reviews[self.reviews.len() - 1]
    }

    /// What changed on each anchor since `review`, in the framework's order (then any id the
    /// framework does not have, as saved).
    pub fn changes_since(&self, review: &ReapReview) -> Vec<AnchorChange> {
        let blank = AnchorRecord::default();
        // No sorting: ordering by the framework's own list keeps "1.2" before "1.10" and keeps a
        // sort's code out of the wasm.
        let mut ids: Vec<&str> = crate::reap::ANCHORS.iter().map(|a| a.id).collect();
        for id in review.anchors.keys().chain(self.anchors.keys()) {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        let mut changes = Vec::new();
        for id in ids {
            let (was, now) = (
                review.anchors.get(id).unwrap_or(&blank),
                self.anchors.get(id).unwrap_or(&blank),
            );
            let anchor = id.to_string();
            if was.status != now.status {
                changes.push(AnchorChange::Status {
                    anchor: anchor.clone(),
                    from: was.status,
                    to: now.status,
                });
            }
            match (
                was.evidence.trim().is_empty(),
                now.evidence.trim().is_empty(),
            ) {
                (true, false) => changes.push(AnchorChange::EvidenceAdded {
                    anchor: anchor.clone(),
                }),
                (false, true) => changes.push(AnchorChange::EvidenceRemoved {
                    anchor: anchor.clone(),
                }),
                (false, false) if was.evidence != now.evidence => {
                    changes.push(AnchorChange::EvidenceChanged {
                        anchor: anchor.clone(),
                    })
                }
                _ => {}
            }
            if was.who != now.who {
                changes.push(AnchorChange::WhoChanged {
                    anchor: anchor.clone(),
                    from: was.who.clone(),
                    to: now.who.clone(),
                });
            }
            if was.review_date != now.review_date {
                changes.push(AnchorChange::ReviewDateChanged {
                    anchor,
                    from: was.review_date.clone(),
                    to: now.review_date.clone(),
                });
            }
        }
        changes
    }

    /// Adds a blank Employment Specialist and returns their id, or `None` when the plan already
    /// has [`MAX_SPECIALISTS`].
    pub fn add_specialist(&mut self) -> Option<String> {
        if self.specialists.len() >= MAX_SPECIALISTS {
            return None;
        }
        let id = super::next_id("es", self.specialists.iter().map(|s| s.id.as_str()));
        self.specialists.push(Specialist {
            id: id.clone(),
            ..Specialist::default()
        });
        Some(id)
    }

    /// The checklist as a CSV file laid out like IPS Grow's REAP tab, one row per anchor, with
    /// the actions linked to each anchor, for a Fidelity Review pack. Safe to open in Excel (see
    /// [`crate::csv_out`]).
    pub fn checklist_csv(&self, actions: &ActionPlanSection, today: &str) -> String {
        let mut rows = vec![std::iter::once("Theme")
            .chain(CHECKLIST_COLUMNS)
            .map(String::from)
            .collect::<Vec<_>>()];
        for anchor in &crate::reap::ANCHORS {
            let record = self.anchors.get(anchor.id).cloned().unwrap_or_default();
            let flags: Vec<String> = self
                .flags(anchor.id, today)
                .iter()
                .map(AnchorFlag::label)
                .collect();
            let linked: Vec<&str> = actions
                .actions_for_anchor(anchor.id)
                .into_iter()
                .map(Action::description)
                .collect();
            rows.push(vec![
                anchor.theme.title().to_string(),
                anchor.id.to_string(),
                anchor.title.to_string(),
                record.status.title().to_string(),
                record.evidence,
                record.who,
                record.review_date,
                linked.join("; "),
                flags.join("; "),
            ]);
        }
        crate::csv_out::file(&rows)
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
    /// The REAP anchors this action answers, by id ("1.2").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
}

/// What an action with no words yet is called in lists and exports.
pub const ACTION_NOT_YET_DESCRIBED: &str = "(action not yet described)";

impl Action {
    /// The action's words, or [`ACTION_NOT_YET_DESCRIBED`] when it has none.
    pub fn description(&self) -> &str {
        match self.text.trim() {
            "" => ACTION_NOT_YET_DESCRIBED,
            text => text,
        }
    }
}

impl ActionPlanSection {
    /// The actions linked to a REAP anchor, in plan order.
    pub fn actions_for_anchor(&self, anchor_id: &str) -> Vec<&Action> {
        self.objectives
            .iter()
            .flat_map(|o| &o.actions)
            .filter(|a| a.anchors.iter().any(|id| id == anchor_id))
            .collect()
    }

    /// Adds an empty action linked to a REAP anchor, and returns its id. It goes in the objective
    /// titled "REAP: <theme>" for the anchor's theme ("REAP: Data"), made at the end if there is
    /// none. An id that is not a REAP anchor goes in an objective titled "REAP".
    pub fn add_action_for_anchor(&mut self, anchor_id: &str) -> String {
        let title = match crate::reap::anchor(anchor_id) {
            Some(anchor) => format!("REAP: {}", anchor.theme.title()),
            None => "REAP".to_string(),
        };
        let id = super::next_id(
            "a",
            self.objectives
                .iter()
                .flat_map(|o| &o.actions)
                .map(|a| a.id.as_str()),
        );
        let index = match self.objectives.iter().position(|o| o.title.trim() == title) {
            Some(index) => index,
            None => {
                let objective_id =
                    super::next_id("o", self.objectives.iter().map(|o| o.id.as_str()));
                self.objectives.push(Objective {
                    id: objective_id,
                    title,
                    ..Objective::default()
                });
                self.objectives.len() - 1
            }
        };
        self.objectives[index].actions.push(Action {
            id: id.clone(),
            anchors: vec![anchor_id.to_string()],
            ..Action::default()
        });
        id
    }
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
    fn a_review_snapshot_shows_what_changed_since() {
        let mut reap = ReapSection::default();
        reap.anchors.insert(
            "1.2".into(),
            AnchorRecord {
                status: AnchorStatus::InProgress,
                who: "Sam".into(),
                ..AnchorRecord::default()
            },
        );
        reap.anchors.insert(
            "2.1".into(),
            AnchorRecord {
                evidence: "Training log".into(),
                ..AnchorRecord::default()
            },
        );
        let review = reap.start_review("2026-03-01", "Spring review").clone();
        assert_eq!(review.id, "review1");
        assert!(
            reap.changes_since(&review).is_empty(),
            "nothing changed yet"
        );

        reap.anchors.get_mut("1.2").unwrap().status = AnchorStatus::Met;
        reap.anchors.get_mut("1.2").unwrap().who = String::new();
        reap.anchors.get_mut("2.1").unwrap().evidence = String::new();
        reap.anchors.insert(
            "1.10".into(),
            AnchorRecord {
                evidence: "x".into(),
                ..AnchorRecord::default()
            },
        );
        reap.anchors.insert(
            "1.3".into(),
            AnchorRecord {
                evidence: "Sharing plan".into(),
                review_date: "2026-09-01".into(),
                ..AnchorRecord::default()
            },
        );
        let lines: Vec<String> = reap
            .changes_since(&review)
            .iter()
            .map(AnchorChange::sentence)
            .collect();
        assert_eq!(
            lines,
            [
                "1.2: status changed from In progress to Met",
                "1.2: responsibility moved from \u{2018}Sam\u{2019} to nobody",
                "1.3: evidence added",
                "1.3: review date changed from no date to 2026-09-01",
                "2.1: evidence removed",
                // Not an anchor of the framework: listed after those that are.
                "1.10: evidence added",
            ]
        );
    }

    #[test]
    fn starting_a_review_is_written_in_the_change_log() {
        let before = crate::plan::Plan::new("p1", "Team plan", "2026-03-01T09:00:00Z");
        let mut after = before.clone();
        after.reap.start_review("2026-03-01", "");
        assert!(crate::plan::record_changes(
            &mut after,
            &before,
            "2026-03-01T09:05:00Z"
        ));
        assert_eq!(
            after.history.last().map(|c| c.what.as_str()),
            Some("REAP review of 2026-03-01 added")
        );
    }

    #[test]
    fn the_checklist_csv_has_every_anchor_in_order_and_is_safe_in_excel() {
        let mut reap = ReapSection::default();
        reap.anchors.insert(
            "3.3".into(),
            AnchorRecord {
                status: AnchorStatus::Met,
                evidence: "=HYPERLINK(\"x\"), caseloads".into(),
                ..AnchorRecord::default()
            },
        );
        let mut actions = ActionPlanSection::default();
        let first = actions.add_action_for_anchor("3.3");
        actions.add_action_for_anchor("3.3");
        actions.objectives[0].actions[0].text = "Show caseloads in supervision".into();
        actions.objectives[0].actions[0].anchors.push("1.1".into());
        let csv = reap.checklist_csv(&actions, "2026-11-28");
        let lines: Vec<&str> = csv
            .trim_start_matches(crate::csv_out::UTF8_BOM)
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(first, "a1");
        assert_eq!(lines.len(), 18, "a header and 17 anchors");
        assert_eq!(
            lines[0],
            "Theme,Anchor,Title,Status,Evidence,Who is responsible,Review date,Actions,Needs attention"
        );
        assert!(lines[1].starts_with("Data,1.1,"));
        assert!(lines[17].starts_with("Partnership,4.6,"));
        let row = lines.iter().find(|l| l.contains(",3.3,")).unwrap();
        assert!(
            row.ends_with(",Met,\"'=HYPERLINK(\"\"x\"\"), caseloads\",,,Show caseloads in supervision; (action not yet described),"),
            "{row}"
        );
        assert!(
            lines[1].ends_with(",Not started,,,,Show caseloads in supervision,"),
            "{}",
            lines[1]
        );
        assert!(lines[2].ends_with(",Not started,,,,,"), "{}", lines[2]);
    }

    #[test]
    fn actions_are_found_by_anchor_in_plan_order() {
        let mut plan = ActionPlanSection::default();
        let link = |id: &str, anchors: &[&str]| Action {
            id: id.into(),
            text: format!("Action {id}"),
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
            ..Action::default()
        };
        plan.objectives = vec![
            Objective {
                id: "o1".into(),
                actions: vec![
                    link("a1", &["1.2"]),
                    link("a2", &[]),
                    link("a3", &["1.3", "1.2"]),
                ],
                ..Objective::default()
            },
            Objective {
                id: "o2".into(),
                actions: vec![link("a4", &["1.2"])],
                ..Objective::default()
            },
        ];
        let ids = |anchor: &str| -> Vec<String> {
            plan.actions_for_anchor(anchor)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        assert_eq!(ids("1.2"), ["a1", "a3", "a4"]);
        assert_eq!(ids("1.3"), ["a3"]);
        assert!(ids("4.1").is_empty());
        assert!(ids("1").is_empty(), "an anchor id is matched whole");
    }

    #[test]
    fn an_action_for_an_anchor_goes_in_its_themes_reap_objective_with_fresh_ids() {
        let mut plan = ActionPlanSection {
            objectives: vec![
                Objective {
                    id: "o1".into(),
                    title: "Referrals".into(),
                    actions: vec![Action {
                        id: "a1".into(),
                        ..Action::default()
                    }],
                    ..Objective::default()
                },
                Objective {
                    id: "o7".into(),
                    title: "Other".into(),
                    actions: vec![Action {
                        id: "a9".into(),
                        ..Action::default()
                    }],
                    ..Objective::default()
                },
            ],
        };
        assert_eq!(plan.add_action_for_anchor("1.2"), "a10");
        assert_eq!(plan.add_action_for_anchor("1.3"), "a11");
        assert_eq!(plan.add_action_for_anchor("3.3"), "a12");
        let titles: Vec<(&str, &str)> = plan
            .objectives
            .iter()
            .map(|o| (o.id.as_str(), o.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("o1", "Referrals"),
                ("o7", "Other"),
                ("o8", "REAP: Data"),
                ("o9", "REAP: Processes")
            ]
        );
        let data = &plan.objectives[2].actions;
        assert_eq!(data.len(), 2, "both Data actions share one objective");
        assert_eq!(
            data[0],
            Action {
                id: "a10".into(),
                anchors: vec!["1.2".into()],
                ..Action::default()
            }
        );
        assert_eq!(data[0].status, ActionStatus::NotStarted);
        assert_eq!(data[0].description(), ACTION_NOT_YET_DESCRIBED);
        // An objective the team already titled that way is used, wherever it is.
        plan.objectives.swap(0, 3);
        assert_eq!(plan.add_action_for_anchor("3.1"), "a13");
        assert_eq!(plan.objectives[0].actions.last().unwrap().anchors, ["3.1"]);
        assert_eq!(plan.add_action_for_anchor("9.9"), "a14");
        assert_eq!(plan.objectives.last().unwrap().title, "REAP");
    }

    #[test]
    fn specialists_are_added_up_to_the_cap_with_unique_ids() {
        let mut reap = ReapSection::default();
        assert_eq!(reap.add_specialist().as_deref(), Some("es1"));
        reap.specialists[0].id = "es5".into();
        assert_eq!(reap.add_specialist().as_deref(), Some("es6"));
        while reap.add_specialist().is_some() {}
        assert_eq!(reap.specialists.len(), MAX_SPECIALISTS);
        let ids: std::collections::HashSet<&str> =
            reap.specialists.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), MAX_SPECIALISTS);
        assert_eq!(reap.add_specialist(), None);
    }

    #[test]
    fn reviews_are_bounded_and_keep_the_newest() {
        let mut reap = ReapSection::default();
        for day in 1..=25 {
            reap.start_review(&format!("2026-01-{day:02}"), "");
        }
        assert_eq!(reap.reviews.len(), MAX_REAP_REVIEWS);
        assert_eq!(reap.reviews[0].date, "2026-01-06");
        assert_eq!(
            reap.reviews.last().map(|r| r.date.as_str()),
            Some("2026-01-25")
        );
        let ids: std::collections::HashSet<&str> =
            reap.reviews.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), MAX_REAP_REVIEWS, "ids stay unique");
    }

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
