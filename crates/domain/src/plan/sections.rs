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
    /// Kept as text so nothing typed is lost; [`crate::numbers::parse_count`] reads it when used.
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
        // The framework's own list, not a sort of the ids: it keeps "1.2" before "1.10".
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

impl ReapSection {
    /// The anchors counted as met with no evidence recorded, in framework order: the meeting
    /// rule counts them, and a reviewer will ask.
    pub fn met_without_evidence(&self) -> Vec<&'static str> {
        crate::reap::ANCHORS
            .iter()
            .filter(|a| {
                self.anchors
                    .get(a.id)
                    .is_some_and(|r| r.status.is_met() && r.evidence.trim().is_empty())
            })
            .map(|a| a.id)
            .collect()
    }
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

/// Journey to race equality: the outcome-clarity answers, the outcomes framework, the workshop's
/// participants and the stages the group agrees, and earlier assessments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JourneySection {
    pub participants: Vec<Participant>,
    /// The organisation's stage, once the group agrees one (before the outcome-clarity cap).
    pub agreed_stage: Option<Stage>,
    /// YYYY-MM-DD, or the text as typed.
    pub reassessment_date: String,
    // These three are lists rather than maps keyed by name or id: in the wasm, each map type
    // costs several KB of tree code (measured: about 12 KB gzip for the three, docs/PERFORMANCE.md).
    /// Each department's agreed stage, one entry per department (matched by [`department_key`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub department_stages: Vec<DepartmentStage>,
    /// The answers to the outcome-clarity questions, at most one per question.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clarity: Vec<ClarityRecord>,
    /// The outcomes framework, at most one record per outcome area.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeRecord>,
    /// At the agreed stage: strengths to build on. Not written when empty, like the other
    /// version 4 fields, so older plans keep their shape.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    /// At the agreed stage: areas to develop.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub to_develop: String,
    /// Assessments recorded in the timeline, oldest first (at most [`MAX_ASSESSMENTS`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub past: Vec<PastAssessment>,
}

/// Most participants a workshop can hold: far more than a steering group.
pub const MAX_PARTICIPANTS: usize = 60;
/// Most assessments the timeline keeps; the oldest goes first.
pub const MAX_ASSESSMENTS: usize = 20;

pub use crate::text::department_key;

/// One person's own view in a workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    /// Unique within the plan; see [`super::next_id`].
    pub id: String,
    /// Name or role.
    pub name: String,
    pub department: String,
    /// The stage this person chose, if they have chosen.
    pub stage: Option<Stage>,
    /// The behaviours and outcomes that support their view.
    pub evidence: String,
}

/// A department's agreed stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DepartmentStage {
    /// As typed when the stage was agreed (trimmed).
    pub department: String,
    pub stage: Option<Stage>,
}

/// An answer to one outcome-clarity question, with a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClarityRecord {
    /// A [`crate::journey::ClarityQuestion`] id.
    pub question: String,
    pub answer: Option<crate::journey::Answer>,
    pub note: String,
}

/// What the organisation has written for one area of the outcomes framework.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutcomeRecord {
    /// A [`crate::journey::OutcomeArea`] id.
    pub area: String,
    pub objectives: String,
    /// "How do we know this is an issue?"
    pub issue_evidence: String,
    /// "How will we know we've improved?"
    pub improvement_measures: String,
}

/// An assessment as recorded in the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PastAssessment {
    /// YYYY-MM-DD.
    pub date: String,
    /// The overall stage after the outcome-clarity cap.
    pub stage: Option<Stage>,
    /// True when the cap lowered the agreed stage.
    pub capped: bool,
    /// Each department's agreed stage, by its name as shown then.
    pub departments: Vec<DepartmentStage>,
    /// The individual views, as they were.
    pub participants: Vec<Participant>,
}

/// One row of the journey timeline: an earlier assessment, or the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    /// YYYY-MM-DD, or `None` for the assessment in progress.
    pub date: Option<String>,
    pub stage: Option<Stage>,
    /// One entry per timeline department (see [`JourneySection::timeline`]), in that order.
    pub departments: Vec<Option<Stage>>,
}

/// Which parts of an outcome area are still blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeGaps {
    pub area: crate::journey::OutcomeArea,
    pub objectives: bool,
    pub issue_evidence: bool,
    pub improvement_measures: bool,
}

impl OutcomeGaps {
    pub fn any(&self) -> bool {
        self.objectives || self.issue_evidence || self.improvement_measures
    }
}

impl JourneySection {
    /// The answers to the 4 questions, in the questions' order.
    pub fn clarity_answers(&self) -> [Option<crate::journey::Answer>; 4] {
        crate::journey::CLARITY_QUESTIONS.map(|q| self.clarity_record(q.id).and_then(|r| r.answer))
    }

    /// The answer and note recorded for a question, by its id.
    pub fn clarity_record(&self, question: &str) -> Option<&ClarityRecord> {
        self.clarity.iter().find(|r| r.question == question)
    }

    /// What has been written for an outcome area, by its id.
    pub fn outcome_record(&self, area: &str) -> Option<&OutcomeRecord> {
        self.outcomes.iter().find(|r| r.area == area)
    }

    /// The overall stage with the outcome-clarity cap applied, once a stage is agreed.
    pub fn overall(&self) -> Option<crate::journey::CappedStage> {
        self.agreed_stage
            .map(|stage| crate::journey::cap_stage(stage, &self.clarity_answers()))
    }

    /// What the outcome-clarity answers say about the stage: the capped stage once one is agreed,
    /// and before that, the limit on any stage the group may agree (as if it chose Starting).
    pub fn cap_explained(&self) -> crate::journey::CappedStage {
        self.overall()
            .unwrap_or_else(|| crate::journey::cap_stage(Stage::Starting, &self.clarity_answers()))
    }

    /// The workshop's spread, median and disagreement, overall and by department, with the
    /// participant (by position in [`Self::participants`]) behind each view. Participants who
    /// have not chosen a stage are left out of the sums.
    pub fn summary(&self) -> (crate::journey::WorkshopSummary, Vec<usize>) {
        let (owners, views): (Vec<usize>, Vec<crate::journey::ParticipantView>) = self
            .participants
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let view = crate::journey::ParticipantView {
                    stage: p.stage?,
                    department: Some(p.department.as_str()),
                };
                Some((i, view))
            })
            .unzip();
        (crate::journey::summarise_workshop(&views), owners)
    }

    /// The departments participants have named, each once, as first typed (trimmed), in order.
    pub fn departments(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for p in &self.participants {
            let name = p.department.trim();
            if !name.is_empty()
                && !seen
                    .iter()
                    .any(|s| department_key(s) == department_key(name))
            {
                seen.push(name);
            }
        }
        seen
    }

    /// The stage the group agreed for a department.
    pub fn department_stage(&self, name: &str) -> Option<Stage> {
        stage_of(&self.department_stages, name)
    }

    /// For each outcome area, in order, which parts are blank.
    pub fn outcome_gaps(&self) -> Vec<OutcomeGaps> {
        crate::journey::OutcomeArea::ALL
            .into_iter()
            .map(|area| {
                let record = self.outcome_record(area.id()).cloned().unwrap_or_default();
                OutcomeGaps {
                    area,
                    objectives: record.objectives.trim().is_empty(),
                    issue_evidence: record.issue_evidence.trim().is_empty(),
                    improvement_measures: record.improvement_measures.trim().is_empty(),
                }
            })
            .collect()
    }

    /// Records the assessment as it stands in the timeline, dated `today`. The oldest goes when
    /// there are more than [`MAX_ASSESSMENTS`].
    pub fn record_assessment(&mut self, today: &str) {
        let overall = self.overall();
        let departments = self
            .departments()
            .into_iter()
            .filter_map(|name| {
                Some(DepartmentStage {
                    department: name.to_string(),
                    stage: Some(self.department_stage(name)?),
                })
            })
            .collect();
        self.past.push(PastAssessment {
            date: today.to_string(),
            stage: overall.as_ref().map(|o| o.stage),
            capped: overall.is_some_and(|o| o.capped),
            departments,
            participants: self.participants.clone(),
        });
        if self.past.len() > MAX_ASSESSMENTS {
            self.past.remove(0);
        }
    }

    /// The stage over time: the departments that appear anywhere (by name, first spelling kept,
    /// in order of first appearance), then one row per recorded assessment and a last row for
    /// the assessment in progress.
    pub fn timeline(&self) -> (Vec<String>, Vec<TimelineRow>) {
        let mut names: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            if !names
                .iter()
                .any(|n| department_key(n) == department_key(name))
            {
                names.push(name.trim().to_string());
            }
        };
        for past in &self.past {
            past.departments.iter().for_each(|d| add(&d.department));
        }
        self.departments().into_iter().for_each(add);
        let mut rows: Vec<TimelineRow> = self
            .past
            .iter()
            .map(|p| TimelineRow {
                date: Some(p.date.clone()),
                stage: p.stage,
                departments: names.iter().map(|n| stage_of(&p.departments, n)).collect(),
            })
            .collect();
        rows.push(TimelineRow {
            date: None,
            stage: self.overall().map(|o| o.stage),
            departments: names.iter().map(|n| self.department_stage(n)).collect(),
        });
        (names, rows)
    }
}

/// The stage agreed for the department `name` (matched by [`department_key`]) in `list`.
fn stage_of(list: &[DepartmentStage], name: &str) -> Option<Stage> {
    let key = department_key(name);
    list.iter()
        .find(|d| department_key(&d.department) == key)
        .and_then(|d| d.stage)
}

/// Data comparisons: the figures for each reporting period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSection {
    /// Oldest first.
    pub periods: Vec<Period>,
    /// The service's figures for REAP anchors 1.1 and 1.2 (schema 6).
    #[serde(skip_serializing_if = "ServiceData::is_empty")]
    pub service: ServiceData,
}

/// REAP anchors 1.1 and 1.2: the local population and the service's counts by ethnic group,
/// kept exactly as typed ([`crate::service`] checks and compares them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceData {
    /// Where the population figures come from ("Census 2021, Brighton and Hove").
    pub population_source: String,
    /// The population by the 19 Census categories, not the 5 groups.
    pub population_detailed: bool,
    /// The local population by the 5 groups, people or percentages, in ONS order.
    pub population: Vec<String>,
    /// The local population by the 19 categories, kept apart so that switching loses nothing.
    pub population_categories: Vec<String>,
    /// When the service's figures were taken ("April to June 2026").
    pub as_at: String,
    /// One row per group (the 5 Census groups and "not stated").
    pub rows: Vec<ServiceRow>,
}

impl ServiceData {
    pub fn is_empty(&self) -> bool {
        *self == ServiceData::default()
    }
}

/// One group's service counts, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceRow {
    /// A [`crate::caseload::CaseloadGroup`] id: "asian" ... "not_stated".
    pub group: String,
    /// People on the treatment teams' caseload.
    pub treatment: String,
    /// Referrals to IPS.
    pub referrals: String,
    /// People on the IPS caseload.
    pub caseload: String,
    /// Job starts among them.
    pub jobs: String,
    /// Starts in education among them.
    pub education: String,
    /// The IPS team's own staff.
    pub team: String,
    /// Days from referral to each job start, separated by commas.
    pub days: String,
}

/// Most reporting periods a plan holds: twenty years of annual returns.
pub const MAX_PERIODS: usize = 20;

/// The figures for one reporting period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    pub id: String,
    /// As the organisation names it, such as "2023-24".
    pub label: String,
    /// Figures by metric id, then ethnic group id, as versions 1 to 4 held them (there was no
    /// screen for them then). Kept as found; [`crate::wres::entries_from_figures`] reads them into
    /// [`Self::metrics`] when a plan from those versions is opened.
    /// As JSON (`{"metric": {"group": {"count": n, "out_of": n}}}`), not typed: only read once,
    /// and a typed map cost the wasm about 10 KB raw.
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    pub figures: serde_json::Value,
    /// The SC-WRES counts as typed, at most one entry per metric ([`crate::wres::ENTERED`]:
    /// metrics 2 to 9, with 7a and 7b apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricEntry>,
    /// Metric 1: how many staff of each group are in each pay band, lowest paid first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<BandEntry>,
}

/// Most pay bands a period holds.
pub const MAX_BANDS: usize = 20;

/// One pay band's counts, kept exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BandEntry {
    /// Unique within the period: "b1", "b2"...
    pub id: String,
    /// As the organisation names it, such as "Grade 6" or "Band 7".
    pub name: String,
    /// Staff from the comparison group in the band.
    pub comparison: String,
    /// Staff from the reference group in the band.
    pub reference: String,
}

/// One SC-WRES metric's counts for a period, kept exactly as typed (read by
/// [`crate::numbers::parse_count`] when used), so nothing typed is lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricEntry {
    /// A [`crate::stats::Metric`] id, such as "appointment".
    pub metric: String,
    /// The comparison group: how many the event happened to ("appointed") and out of how many
    /// ("shortlisted").
    pub comparison_events: String,
    pub comparison_total: String,
    /// The reference group, the same way.
    pub reference_events: String,
    pub reference_total: String,
    /// How many records had no ethnicity stated (left out of the rates, but shown).
    pub not_stated: String,
    /// "What we know from our data": the team's words. Blank means the screen offers the sentence
    /// worked out from the figures.
    pub what_we_know: String,
    /// The figure "what we know" was written against ([`crate::wres::figure_key`]), so that a
    /// text written for other counts or settings is flagged (schema 7). Empty when there is no
    /// text of the team's own.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub what_we_know_for: String,
}

/// Action plan: the SC-WRES plan header, and objectives, each with its numbered actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlanSection {
    /// Who leads the plan and how it was agreed (schema 8).
    #[serde(skip_serializing_if = "PlanHeader::is_blank")]
    pub header: PlanHeader,
    pub objectives: Vec<Objective>,
    /// The five steps of SC-WRES action planning, as the team records them, by step id; a step
    /// with nothing recorded has no record (schema 8).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepRecord>,
    /// The staff-voice log: focus groups, surveys and the like, and what changed (schema 8).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub voice: Vec<VoiceEntry>,
}

/// The most staff-voice entries a plan holds.
pub const MAX_VOICE_ENTRIES: usize = 200;

/// What the team recorded about one of the five planning steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepRecord {
    /// The step's id in [`crate::wres::PLANNING_STEPS`].
    pub step: String,
    pub done: bool,
    /// When it was done: YYYY-MM-DD, or as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One entry in the staff-voice log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceEntry {
    pub id: String,
    /// YYYY-MM-DD, or as typed.
    pub date: String,
    /// How staff were heard: one of [`VoiceEntry::HOW`] by id, or empty.
    pub how: String,
    /// Who took part ("Black and minoritised staff network, 14 people").
    pub who: String,
    pub feedback: String,
    /// What changed as a result.
    pub changed: String,
}

impl VoiceEntry {
    /// The ways of hearing staff the log offers, by id.
    pub const HOW: [&'static str; 3] = ["focus_group", "survey", "other"];
}

/// A field of a [`VoiceEntry`] that the user types or chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoiceField {
    Date,
    How,
    Who,
    Feedback,
    Changed,
}

impl VoiceField {
    pub const ALL: [VoiceField; 5] = [
        VoiceField::Date,
        VoiceField::How,
        VoiceField::Who,
        VoiceField::Feedback,
        VoiceField::Changed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            VoiceField::Date => "date",
            VoiceField::How => "how",
            VoiceField::Who => "who",
            VoiceField::Feedback => "feedback",
            VoiceField::Changed => "changed",
        }
    }

    pub fn of(self, entry: &VoiceEntry) -> &String {
        match self {
            VoiceField::Date => &entry.date,
            VoiceField::How => &entry.how,
            VoiceField::Who => &entry.who,
            VoiceField::Feedback => &entry.feedback,
            VoiceField::Changed => &entry.changed,
        }
    }

    pub fn of_mut(self, entry: &mut VoiceEntry) -> &mut String {
        match self {
            VoiceField::Date => &mut entry.date,
            VoiceField::How => &mut entry.how,
            VoiceField::Who => &mut entry.who,
            VoiceField::Feedback => &mut entry.feedback,
            VoiceField::Changed => &mut entry.changed,
        }
    }
}

#[cfg(test)]
impl MetricEntry {
    /// An entry for `metric` with its four counts (comparison events and total, reference events
    /// and total), for tests.
    pub(crate) fn with_counts(metric: &str, counts: [u32; 4]) -> MetricEntry {
        MetricEntry {
            metric: metric.into(),
            comparison_events: counts[0].to_string(),
            comparison_total: counts[1].to_string(),
            reference_events: counts[2].to_string(),
            reference_total: counts[3].to_string(),
            ..MetricEntry::default()
        }
    }
}

/// The header of an SC-WRES action plan (seed 004), beside the plan's organisation. Every field
/// is kept as typed: names, roles, or a number of employees such as "about 1,200".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanHeader {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub senior_sponsors: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub programme_leads: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub staff_voice_leads: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub principal_social_workers: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub employees: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub how_agreed: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub how_evaluated: String,
}

/// One field of the [`PlanHeader`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderField {
    SeniorSponsors,
    ProgrammeLeads,
    StaffVoiceLeads,
    PrincipalSocialWorkers,
    Employees,
    HowAgreed,
    HowEvaluated,
}

impl HeaderField {
    /// In the order the header shows them.
    pub const ALL: [HeaderField; 7] = [
        HeaderField::SeniorSponsors,
        HeaderField::ProgrammeLeads,
        HeaderField::StaffVoiceLeads,
        HeaderField::PrincipalSocialWorkers,
        HeaderField::Employees,
        HeaderField::HowAgreed,
        HeaderField::HowEvaluated,
    ];

    /// The id used in element ids and the change log ("senior_sponsors").
    pub fn id(self) -> &'static str {
        match self {
            HeaderField::SeniorSponsors => "senior_sponsors",
            HeaderField::ProgrammeLeads => "programme_leads",
            HeaderField::StaffVoiceLeads => "staff_voice_leads",
            HeaderField::PrincipalSocialWorkers => "principal_social_workers",
            HeaderField::Employees => "employees",
            HeaderField::HowAgreed => "how_agreed",
            HeaderField::HowEvaluated => "how_evaluated",
        }
    }

    pub fn of(self, header: &PlanHeader) -> &String {
        match self {
            HeaderField::SeniorSponsors => &header.senior_sponsors,
            HeaderField::ProgrammeLeads => &header.programme_leads,
            HeaderField::StaffVoiceLeads => &header.staff_voice_leads,
            HeaderField::PrincipalSocialWorkers => &header.principal_social_workers,
            HeaderField::Employees => &header.employees,
            HeaderField::HowAgreed => &header.how_agreed,
            HeaderField::HowEvaluated => &header.how_evaluated,
        }
    }

    pub fn of_mut(self, header: &mut PlanHeader) -> &mut String {
        match self {
            HeaderField::SeniorSponsors => &mut header.senior_sponsors,
            HeaderField::ProgrammeLeads => &mut header.programme_leads,
            HeaderField::StaffVoiceLeads => &mut header.staff_voice_leads,
            HeaderField::PrincipalSocialWorkers => &mut header.principal_social_workers,
            HeaderField::Employees => &mut header.employees,
            HeaderField::HowAgreed => &mut header.how_agreed,
            HeaderField::HowEvaluated => &mut header.how_evaluated,
        }
    }
}

impl HeaderField {
    /// The field's label on screen and in reports.
    pub fn label(self) -> &'static str {
        let i = HeaderField::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or(0);
        crate::messages::action_plan::HEADER_LABELS[i]
    }

    /// Whether the field takes a paragraph, rather than a line.
    pub fn is_long(self) -> bool {
        matches!(self, HeaderField::HowAgreed | HeaderField::HowEvaluated)
    }
}

impl PlanHeader {
    pub fn is_blank(&self) -> bool {
        *self == PlanHeader::default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    pub id: String,
    pub title: String,
    pub lead: String,
    /// The SC-WRES action-plan theme it serves, by name (one of [`crate::wres::THEMES`]), or
    /// empty (schema 8).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub theme: String,
    /// Indicators of improvement: what good looks like (schema 8).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub indicators: String,
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
    /// The journey stages this action answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
    /// The journey breakthrough points this action answers, by id ("starting.leadership").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakthroughs: Vec<String>,
    /// The SC-WRES metrics this action answers, by id ("appointment"), in SC-WRES order
    /// (schema 8).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<String>,
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
        self.add_linked_action(title, |a| a.anchors.push(anchor_id.to_string()))
    }

    /// The actions linked to an SC-WRES metric, in plan order.
    pub fn actions_for_metric(&self, metric_id: &str) -> Vec<&Action> {
        self.objectives
            .iter()
            .flat_map(|o| &o.actions)
            .filter(|a| a.metrics.iter().any(|id| id == metric_id))
            .collect()
    }

    /// Adds an empty action linked to the SC-WRES metric `metric_id`, in the objective titled
    /// `objective` (made at the end if there is none), and returns its id. The edit names the
    /// objective after the metric's theme ("SC-WRES: Leadership").
    pub fn add_action_for_metric(&mut self, objective: String, metric_id: &str) -> String {
        self.add_linked_action(objective, |a| a.metrics.push(metric_id.to_string()))
    }

    /// The actions linked to a journey stage, in plan order.
    pub fn actions_for_stage(&self, stage: Stage) -> Vec<&Action> {
        self.objectives
            .iter()
            .flat_map(|o| &o.actions)
            .filter(|a| a.stages.contains(&stage))
            .collect()
    }

    /// Adds an empty action linked to a journey stage, in the objective titled
    /// "Journey: <stage>" (made at the end if there is none), and returns its id.
    pub fn add_action_for_stage(&mut self, stage: Stage) -> String {
        self.add_linked_action(format!("Journey: {}", stage.title()), |a| {
            a.stages.push(stage)
        })
    }

    /// Adds an empty objective at the end, and returns its id.
    pub fn add_objective(&mut self) -> String {
        let id = super::next_id("o", self.objectives.iter().map(|o| o.id.as_str()));
        self.objectives.push(Objective {
            id: id.clone(),
            ..Objective::default()
        });
        id
    }

    /// Adds an empty action at the end of the objective `objective`, and returns its id; `None`
    /// if the plan has no such objective.
    pub fn add_action(&mut self, objective: &str) -> Option<String> {
        let id = self.next_action_id();
        let objective = self.objectives.iter_mut().find(|o| o.id == objective)?;
        objective.actions.push(Action {
            id: id.clone(),
            ..Action::default()
        });
        Some(id)
    }

    fn next_action_id(&self) -> String {
        super::next_id(
            "a",
            self.objectives
                .iter()
                .flat_map(|o| &o.actions)
                .map(|a| a.id.as_str()),
        )
    }

    fn add_linked_action(&mut self, title: String, link: impl FnOnce(&mut Action)) -> String {
        let id = self.next_action_id();
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
        let mut action = Action {
            id: id.clone(),
            ..Action::default()
        };
        link(&mut action);
        self.objectives[index].actions.push(action);
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
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::OnTrack,
        ActionStatus::AtRisk,
        ActionStatus::Done,
    ];

    /// The id saved in plans ("on_track").
    pub fn id(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::OnTrack => "on_track",
            ActionStatus::AtRisk => "at_risk",
            ActionStatus::Done => "done",
        }
    }

    pub fn from_id(id: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    /// As the screen shows it ("On track").
    pub fn title(self) -> &'static str {
        let i = ActionStatus::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0);
        crate::messages::action_plan::STATUS_TITLES[i]
    }

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
    fn the_cap_is_explained_before_and_after_a_stage_is_agreed() {
        use crate::journey::Answer;
        let mut journey = JourneySection::default();
        assert_eq!(journey.cap_explained().reason, None);
        journey.clarity.push(ClarityRecord {
            question: "shared_view".into(),
            answer: Some(Answer::No),
            note: String::new(),
        });
        // Before a stage is agreed: the limit on any stage the group may agree.
        let before = journey.cap_explained();
        assert!(!before.capped);
        assert_eq!(
            before.reason.as_deref(),
            Some("The answer to outcome question 2 is \"no\", so the overall stage cannot go above Starting until that changes.")
        );
        // Once agreed above Starting: the stage is capped, and that is what is explained.
        journey.agreed_stage = Some(Stage::Achieving);
        let after = journey.cap_explained();
        assert!(after.capped);
        assert_eq!(after.stage, Stage::Starting);
        assert_eq!(Some(after), journey.overall());
    }

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
    fn the_anchors_met_without_evidence_are_listed_in_order_and_said_in_words() {
        let mut reap = ReapSection::default();
        let record = |status, evidence: &str| AnchorRecord {
            status,
            evidence: evidence.into(),
            ..AnchorRecord::default()
        };
        reap.anchors
            .insert("4.2".into(), record(AnchorStatus::Met, "  "));
        reap.anchors
            .insert("2.1".into(), record(AnchorStatus::Met, ""));
        reap.anchors
            .insert("1.1".into(), record(AnchorStatus::Met, "Quarterly report"));
        reap.anchors
            .insert("1.2".into(), record(AnchorStatus::InProgress, ""));
        assert_eq!(reap.met_without_evidence(), ["2.1", "4.2"]);
        assert_eq!(
            crate::messages::reap::met_without_evidence(&reap.met_without_evidence()),
            "Anchors 2.1 and 4.2 are counted as met with no evidence recorded. A reviewer will ask for it: add the evidence under each."
        );
        assert_eq!(
            crate::messages::reap::met_without_evidence(&["3.3"]),
            "Anchor 3.3 is counted as met with no evidence recorded. A reviewer will ask for it: add the evidence under it."
        );
        assert!(ReapSection::default().met_without_evidence().is_empty());
    }

    #[test]
    fn action_status_ids_are_the_ones_plans_are_saved_with() {
        for status in ActionStatus::ALL {
            let saved = serde_json::to_value(status).unwrap();
            assert_eq!(saved.as_str(), Some(status.id()));
            assert_eq!(ActionStatus::from_id(status.id()), Some(status));
        }
        assert_eq!(ActionStatus::OnTrack.title(), "On track");
        assert_eq!(HeaderField::Employees.label(), "Number of employees");
    }

    #[test]
    fn an_action_for_an_anchor_goes_in_its_themes_reap_objective_with_fresh_ids() {
        let mut plan = ActionPlanSection {
            header: PlanHeader::default(),
            steps: Vec::new(),
            voice: Vec::new(),
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
    fn labels_are_plain_words() {
        assert_eq!(ActionStatus::OnTrack.label(), "on track");
    }

    // ---- Journey ---------------------------------------------------------------------------

    use crate::journey::{Answer, Disagreement, OutcomeArea};

    fn participant(id: &str, department: &str, stage: Option<Stage>) -> Participant {
        Participant {
            id: id.into(),
            name: format!("Participant {id}"),
            department: department.into(),
            stage,
            evidence: String::new(),
        }
    }

    fn said_no_to(journey: &mut JourneySection, question: &str) {
        // At most one record per question, as the edits keep it.
        journey.clarity.retain(|r| r.question != question);
        journey.clarity.push(ClarityRecord {
            question: question.into(),
            answer: Some(Answer::No),
            note: String::new(),
        });
    }

    fn department(name: &str, stage: Stage) -> DepartmentStage {
        DepartmentStage {
            department: name.into(),
            stage: Some(stage),
        }
    }

    #[test]
    fn the_summary_names_participants_by_their_place_in_the_list() {
        use Stage::*;
        let journey = JourneySection {
            participants: vec![
                participant("p1", "Housing", Some(Starting)),
                participant("p2", "Housing", None),
                participant("p3", " housing ", Some(Achieving)),
                participant("p4", "Adults", Some(Intending)),
                participant("p5", "", Some(Starting)),
            ],
            ..JourneySection::default()
        };
        let (summary, owners) = journey.summary();
        // p2 has not chosen a stage, so the views are p1, p3, p4, p5.
        assert_eq!(owners, [0, 2, 3, 4]);
        let people = |views: &[usize]| -> Vec<&str> {
            views
                .iter()
                .map(|&v| journey.participants[owners[v]].id.as_str())
                .collect()
        };
        assert_eq!(
            people(&summary.overall.participants),
            ["p1", "p3", "p4", "p5"]
        );
        assert_eq!(summary.overall.spread.total(), 4);
        // Intending, Starting, Starting, Achieving: the lower middle is Starting.
        assert_eq!(summary.overall.median, Some(Starting));
        let housing = &summary.departments[0];
        assert_eq!(housing.department.as_deref(), Some("Housing"));
        assert_eq!(people(&housing.participants), ["p1", "p3"]);
        let Some(Disagreement {
            lowest,
            highest,
            at_lowest,
            at_highest,
        }) = &housing.disagreement
        else {
            panic!("Starting and Achieving are two stages apart")
        };
        assert_eq!((*lowest, *highest), (Starting, Achieving));
        assert_eq!(
            (people(at_lowest), people(at_highest)),
            (vec!["p1"], vec!["p3"])
        );
        assert_eq!(summary.departments[1].department.as_deref(), Some("Adults"));
        // A blank department is no department.
        assert_eq!(summary.departments[2].department, None);
        assert_eq!(people(&summary.departments[2].participants), ["p5"]);
        assert_eq!(summary.departments.len(), 3);
    }

    #[test]
    fn departments_are_named_once_as_first_typed() {
        let journey = JourneySection {
            participants: vec![
                participant("p1", "  Inpatient services ", None),
                participant("p2", "", None),
                participant("p3", "INPATIENT  services", None),
                participant("p4", "inpatient services", None),
                participant("p5", "Community mental health", None),
                participant("p6", "   ", None),
            ],
            ..JourneySection::default()
        };
        // "INPATIENT  services" has two spaces inside, so it is a different name.
        assert_eq!(
            journey.departments(),
            [
                "Inpatient services",
                "INPATIENT  services",
                "Community mental health"
            ]
        );
        let mut journey = journey;
        journey
            .department_stages
            .push(department("Inpatient services", Stage::Starting));
        assert_eq!(
            journey.department_stage(" INPATIENT SERVICES"),
            Some(Stage::Starting)
        );
        assert_eq!(journey.department_stage("Community mental health"), None);
    }

    /// Issue 18: the whole of Unicode is folded, not only A to Z.
    #[test]
    fn departments_differing_in_the_case_of_an_accented_letter_are_one() {
        assert_eq!(department_key(" Éducation "), department_key("éducation"));
        let journey = JourneySection {
            participants: vec![
                participant("p1", "Éducation", None),
                participant("p2", "éducation", None),
                participant("p3", "ÉDUCATION", None),
            ],
            department_stages: vec![department("Éducation", Stage::Starting)],
            ..JourneySection::default()
        };
        assert_eq!(journey.departments(), ["Éducation"]);
        assert_eq!(journey.department_stage("éducation"), Some(Stage::Starting));
    }

    #[test]
    fn outcome_gaps_list_every_area_with_its_blank_parts() {
        let mut journey = JourneySection::default();
        assert!(journey
            .outcome_gaps()
            .iter()
            .all(|g| g.any() && g.objectives && g.issue_evidence && g.improvement_measures));
        journey.outcomes.push(OutcomeRecord {
            area: "employment".into(),
            objectives: "Fairer shortlisting".into(),
            issue_evidence: "WRES figures".into(),
            improvement_measures: "Ratio within range".into(),
        });
        journey.outcomes.push(OutcomeRecord {
            area: "service_outcomes".into(),
            objectives: "Equal recovery rates".into(),
            issue_evidence: "  \n ".into(),
            ..OutcomeRecord::default()
        });
        let gaps = journey.outcome_gaps();
        let areas: Vec<OutcomeArea> = gaps.iter().map(|g| g.area).collect();
        assert_eq!(areas, OutcomeArea::ALL, "all six, in the framework's order");
        assert_eq!(
            gaps[0],
            OutcomeGaps {
                area: OutcomeArea::ServiceOutcomes,
                objectives: false,
                issue_evidence: true,
                improvement_measures: true,
            },
            "spaces alone are a gap"
        );
        assert!(!gaps[5].any(), "employment is complete");
        assert_eq!(gaps.iter().filter(|g| g.any()).count(), 5);
    }

    #[test]
    fn an_assessment_is_recorded_with_the_capped_stage_and_department_names() {
        let mut journey = JourneySection {
            participants: vec![
                participant("p1", "Inpatient services", Some(Stage::Developing)),
                participant("p2", " inpatient services", Some(Stage::Starting)),
                participant("p3", "Community mental health", Some(Stage::Intending)),
            ],
            agreed_stage: Some(Stage::Developing),
            ..JourneySection::default()
        };
        said_no_to(&mut journey, "evidence_of_improvement");
        journey
            .department_stages
            .push(department("inpatient services", Stage::Starting));
        // A stage kept for a department nobody names now is not recorded.
        journey
            .department_stages
            .push(department("finance", Stage::Achieving));
        journey.record_assessment("2026-09-15");
        let past = &journey.past[0];
        assert_eq!(past.date, "2026-09-15");
        assert_eq!(
            past.stage,
            Some(Stage::Starting),
            "Developing, capped by the no"
        );
        assert!(past.capped);
        // Named as the first participant typed it, not as the stage was saved.
        assert_eq!(
            past.departments,
            [department("Inpatient services", Stage::Starting)]
        );
        assert_eq!(past.participants, journey.participants);

        journey.agreed_stage = None;
        journey.record_assessment("2026-09-16");
        assert_eq!(
            (journey.past[1].stage, journey.past[1].capped),
            (None, false)
        );
    }

    #[test]
    fn the_timeline_keeps_the_newest_assessments() {
        let mut journey = JourneySection::default();
        for day in 1..=MAX_ASSESSMENTS + 3 {
            journey.record_assessment(&format!("2026-01-{day:02}"));
        }
        assert_eq!(journey.past.len(), MAX_ASSESSMENTS);
        assert_eq!(journey.past[0].date, "2026-01-04", "the three oldest went");
        assert_eq!(
            journey.past.last().map(|p| p.date.as_str()),
            Some("2026-01-23")
        );
    }

    #[test]
    fn the_timeline_has_a_column_per_department_ever_named_and_the_current_row_last() {
        use Stage::*;
        let mut journey = JourneySection {
            participants: vec![
                participant("p1", "housing ", Some(Starting)),
                participant("p2", "Adults", Some(Developing)),
            ],
            agreed_stage: Some(Developing),
            ..JourneySection::default()
        };
        journey.past.push(PastAssessment {
            date: "2026-03-01".into(),
            stage: Some(Intending),
            capped: false,
            departments: vec![
                department("Housing", Intending),
                department("Finance", Resisting),
            ],
            participants: Vec::new(),
        });
        journey
            .department_stages
            .push(department("housing", Starting));
        journey
            .department_stages
            .push(department("Adults", Developing));
        let (names, rows) = journey.timeline();
        // The past assessment's departments first, in the order they were saved (a list now, so
        // no longer sorted by name), then today's new ones; "housing " is the same department as
        // "Housing", spelt as first seen.
        assert_eq!(names, ["Housing", "Finance", "Adults"]);
        assert_eq!(
            rows,
            [
                TimelineRow {
                    date: Some("2026-03-01".into()),
                    stage: Some(Intending),
                    departments: vec![Some(Intending), Some(Resisting), None],
                },
                TimelineRow {
                    date: None,
                    stage: Some(Developing),
                    departments: vec![Some(Starting), None, Some(Developing)],
                },
            ]
        );
        // With a "no", the current row shows the capped stage.
        said_no_to(&mut journey, "know_inequalities");
        let (_, rows) = journey.timeline();
        assert_eq!(rows.last().map(|r| r.stage), Some(Some(Starting)));
        // With nothing recorded, one current row and no departments.
        let (names, rows) = JourneySection::default().timeline();
        assert!(names.is_empty());
        assert_eq!(
            rows,
            [TimelineRow {
                date: None,
                stage: None,
                departments: vec![]
            }]
        );
    }

    #[test]
    fn a_journey_without_version_4_fields_is_written_as_version_3_wrote_it() {
        let json = serde_json::to_value(JourneySection::default()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"participants": [], "agreed_stage": null, "reassessment_date": ""})
        );
        let action = serde_json::to_value(Action::default()).unwrap();
        assert!(action.get("stages").is_none() && action.get("breakthroughs").is_none());
    }

    #[test]
    fn a_period_is_written_with_only_the_figures_and_entries_it_has() {
        let period = Period {
            id: "d1".into(),
            label: "2023-24".into(),
            ..Period::default()
        };
        assert_eq!(
            serde_json::to_value(&period).unwrap(),
            serde_json::json!({"id": "d1", "label": "2023-24"})
        );
        let entry = MetricEntry {
            metric: "leaving".into(),
            comparison_events: "12a".into(),
            ..MetricEntry::default()
        };
        let with_entry = Period {
            metrics: vec![entry],
            ..period
        };
        let json = serde_json::to_value(&with_entry).unwrap();
        assert!(json.get("figures").is_none());
        assert_eq!(
            json["metrics"][0],
            serde_json::json!({
                "metric": "leaving", "comparison_events": "12a", "comparison_total": "",
                "reference_events": "", "reference_total": "", "not_stated": "", "what_we_know": ""
            }),
            "every count is written as typed, blanks included"
        );
        let read: Period = serde_json::from_value(json).unwrap();
        assert_eq!(read, with_entry);
        let partial: MetricEntry =
            serde_json::from_value(serde_json::json!({"metric": "cpd", "not_stated": "4"}))
                .unwrap();
        assert_eq!(partial.not_stated, "4");
        assert_eq!(
            partial.comparison_total, "",
            "a missing count reads as blank"
        );
    }
}
