//! Typed edits: every change a user can make to a plan, or thing they can do to it, as an [`Edit`]
//! value, and [`apply`], the one place edits are applied and refused.
//!
//! The screens send typed edits (`Planner::apply` in the widget); the tests' key shorthand
//! (`plan/edit.rs`, compiled for tests only) reads into the same edits. The change log is not written
//! here: `Planner::edit` in the widget compares the plan before and after with
//! [`super::record_changes`], which sees every change whichever way it was made.

use serde::{Deserialize, Serialize};

use super::{
    department_key, AnchorRecord, BandEntry, ClarityRecord, DepartmentStage, MetricEntry,
    OutcomeRecord, Participant, Period, Plan, ServiceRow, MAX_BANDS, MAX_PARTICIPANTS, MAX_PERIODS,
};
use crate::caseload::{self, CaseloadGroup};
use crate::ethnicity::{EthnicCategory, EthnicGroup, ReferenceGroup};
use crate::journey::{breakthrough, Answer, OutcomeArea, Stage, CLARITY_QUESTIONS};
use crate::reap::{self, AnchorStatus};
use crate::stats::{Convention, Metric};
use crate::wres::{self, Count};

/// One change to a plan, in the users' words. Text is kept exactly as typed; counts are text too
/// (the statistics read them when used), so nothing typed is lost.
///
/// Ids of the plan's own rows (actions, participants, specialists, periods, pay bands) are
/// `String`s and [`apply`] refuses one the plan does not have. Framework ids that have no type of
/// their own (a REAP anchor such as "1.2", an outcome-clarity question, a breakthrough point) are
/// `String`s too, checked against the framework by [`apply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    // ---- About this plan, and its settings -----------------------------------------------
    SetTitle {
        title: String,
    },
    SetOrganisation {
        organisation: String,
    },
    SetTeam {
        team: String,
    },
    /// Free text, such as "April 2024 to March 2025".
    SetReportingPeriod {
        reporting_period: String,
    },
    /// The organisation's own words for the group compared with the reference group.
    SetComparisonGroupTerm {
        term: String,
    },
    SetReferenceGroup {
        group: ReferenceGroup,
    },
    /// Which way round the ratios are.
    SetConvention {
        convention: Convention,
    },

    // ---- REAP ------------------------------------------------------------------------------
    SetAnchorStatus {
        anchor: String,
        status: AnchorStatus,
    },
    SetAnchorEvidence {
        anchor: String,
        evidence: String,
    },
    /// Who is responsible for the anchor.
    SetAnchorWho {
        anchor: String,
        who: String,
    },
    /// YYYY-MM-DD, or the text as typed.
    SetAnchorReviewDate {
        anchor: String,
        review_date: String,
    },
    /// Start a REAP review: a dated snapshot of the checklist.
    StartReview,
    /// A new action linked to the anchor.
    AddActionForAnchor {
        anchor: String,
    },
    /// A new Employment Specialist (anchor 3.3).
    AddSpecialist,
    RemoveSpecialist {
        id: String,
    },
    /// A name or initials.
    SetSpecialistName {
        id: String,
        name: String,
    },
    /// One group's count on a specialist's caseload, as typed; empty clears it.
    SetSpecialistCaseload {
        id: String,
        #[serde(with = "by_id")]
        group: CaseloadGroup,
        value: String,
    },
    /// Add the 3.3 caseload comparison, dated, to anchor 3.3's evidence.
    AddCaseloadToEvidence,

    // ---- Journey ---------------------------------------------------------------------------
    /// The stage the group agrees overall, or none.
    SetAgreedStage {
        stage: Option<Stage>,
    },
    SetStrengths {
        strengths: String,
    },
    SetToDevelop {
        to_develop: String,
    },
    /// YYYY-MM-DD, or the text as typed.
    SetReassessmentDate {
        date: String,
    },
    /// A department's agreed stage, or none. Departments are matched by [`department_key`].
    SetDepartmentStage {
        department: String,
        stage: Option<Stage>,
    },
    /// The answer to an outcome-clarity question, by its id, or none.
    SetClarityAnswer {
        question: String,
        answer: Option<Answer>,
    },
    SetClarityNote {
        question: String,
        note: String,
    },
    SetOutcomeObjectives {
        area: OutcomeArea,
        objectives: String,
    },
    /// "How do we know this is an issue?"
    SetOutcomeIssueEvidence {
        area: OutcomeArea,
        issue_evidence: String,
    },
    /// "How will we know we've improved?"
    SetOutcomeImprovementMeasures {
        area: OutcomeArea,
        improvement_measures: String,
    },
    AddParticipant,
    RemoveParticipant {
        id: String,
    },
    /// Name or role.
    SetParticipantName {
        id: String,
        name: String,
    },
    SetParticipantDepartment {
        id: String,
        department: String,
    },
    /// The stage this person chose, or none.
    SetParticipantStage {
        id: String,
        stage: Option<Stage>,
    },
    SetParticipantEvidence {
        id: String,
        evidence: String,
    },
    /// A new action linked to the agreed stage as shown (after the outcome-clarity cap).
    AddActionForAgreedStage,
    /// Add the assessment as it stands to the timeline, dated today.
    RecordAssessment,

    // ---- Data: SC-WRES periods -------------------------------------------------------------
    AddPeriod,
    RemovePeriod {
        id: String,
    },
    /// The period's name, such as "2023-24".
    SetPeriodLabel {
        period: String,
        label: String,
    },
    /// A new pay band (metric 1) in a period.
    AddBand {
        period: String,
    },
    RemoveBand {
        period: String,
        band: String,
    },
    SetBandName {
        period: String,
        band: String,
        name: String,
    },
    /// Staff from the comparison group in the band, as typed.
    SetBandComparisonCount {
        period: String,
        band: String,
        value: String,
    },
    /// Staff from the reference group in the band, as typed.
    SetBandReferenceCount {
        period: String,
        band: String,
        value: String,
    },
    /// One of a metric's counts for a period, as typed (metrics in [`wres::ENTERED`] only).
    SetMetricCount {
        period: String,
        metric: Metric,
        #[serde(with = "by_id")]
        count: Count,
        value: String,
    },
    /// "What we know from our data" for a metric in a period.
    SetWhatWeKnow {
        period: String,
        metric: Metric,
        text: String,
    },

    // ---- Data: the service's figures (REAP 1.1 and 1.2) ------------------------------------
    /// Where the population figures come from.
    SetPopulationSource {
        source: String,
    },
    /// When the service's figures were taken.
    SetServiceAsAt {
        as_at: String,
    },
    /// The population by the 19 Census categories (`true`) or the 5 groups.
    SetPopulationDetailed {
        detailed: bool,
    },
    /// The local population of one of the 5 groups, people or a percentage, as typed.
    SetPopulation {
        group: EthnicGroup,
        value: String,
    },
    /// The local population of one of the 19 categories, as typed ("not stated" is refused).
    SetPopulationOfCategory {
        category: EthnicCategory,
        value: String,
    },
    /// One of the service's counts for a group, as typed.
    SetServiceCount {
        #[serde(with = "by_id")]
        group: CaseloadGroup,
        #[serde(with = "by_id")]
        field: crate::service::Field,
        value: String,
    },
    /// The England and Wales figures as the 5 groups' population, only while those are blank.
    UseNationalBaseline,

    // ---- Action plan -----------------------------------------------------------------------
    /// A field of the SC-WRES plan header, as typed.
    SetPlanHeader {
        field: super::HeaderField,
        value: String,
    },
    /// A new, empty objective at the end of the plan.
    AddObjective,
    SetObjectiveTitle {
        id: String,
        title: String,
    },
    SetObjectiveLead {
        id: String,
        lead: String,
    },
    /// The SC-WRES theme the objective serves, by name, or none.
    SetObjectiveTheme {
        id: String,
        theme: Option<String>,
    },
    /// What good looks like.
    SetObjectiveIndicators {
        id: String,
        indicators: String,
    },
    /// Removes the objective and its actions (the screen asks first).
    RemoveObjective {
        id: String,
    },
    /// A new, empty action at the end of an objective.
    AddAction {
        objective: String,
    },
    SetActionStatus {
        id: String,
        status: super::ActionStatus,
    },
    SetActionProgress {
        id: String,
        progress: String,
    },
    /// Marks a planning step done, or not.
    SetStepDone {
        step: String,
        done: bool,
    },
    /// When a planning step was done, as typed.
    SetStepDate {
        step: String,
        date: String,
    },
    SetStepNotes {
        step: String,
        notes: String,
    },
    /// A new, empty entry at the end of the staff-voice log.
    AddVoiceEntry,
    /// A field of a staff-voice entry; "how" must be one of [`super::VoiceEntry::HOW`] or empty.
    SetVoiceEntry {
        id: String,
        field: super::VoiceField,
        value: String,
    },
    RemoveVoiceEntry {
        id: String,
    },
    /// The service figures' comparisons for REAP anchor 1.1 or 1.2, added to its evidence.
    AddServiceFiguresToEvidence {
        anchor: String,
    },
    /// A new action linked to an SC-WRES workforce metric.
    AddActionForMetric {
        metric: Metric,
    },
    /// Links the action to an SC-WRES workforce metric, or unlinks it.
    SetActionMetric {
        id: String,
        metric: Metric,
        linked: bool,
    },
    SetActionText {
        id: String,
        text: String,
    },
    SetActionWho {
        id: String,
        who: String,
    },
    /// YYYY-MM-DD, or the text as typed.
    SetActionByWhen {
        id: String,
        by_when: String,
    },
    /// The breakthrough point the action answers, by id ("starting.leadership"), or none.
    SetActionBreakthrough {
        id: String,
        breakthrough: Option<String>,
    },
    RemoveAction {
        id: String,
    },
}

/// What an applied edit made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// What the screen moves focus to: the id of a new row (`<period>-<band>` for a pay band), or
    /// `national` for the national figures. `None` for every other edit.
    pub created: Option<String>,
}

/// Why an edit was refused. The screens only send edits for what they show, so most of these mean
/// the plan changed underneath the screen (another tab removed the item, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The key names no field or action this version knows.
    UnknownKey(String),
    /// A typed edit names something the framework does not have: the id, and what it should be
    /// ("a REAP anchor this version knows").
    NotKnown { id: String, what: &'static str },
    /// The edit names a row the plan does not have (any more), or needs one it has not yet.
    Missing(String),
    /// The value is not one the field accepts.
    BadValue(String),
    /// A list is at its limit.
    Full(&'static str),
    /// The change would overwrite what the user typed; the message says what to do instead.
    WouldOverwrite(&'static str),
}

impl EditError {
    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            EditError::UnknownKey(key) => {
                format!("That change could not be made (\u{2018}{key}\u{2019} is not a field this version knows). Reload the page and try again.")
            }
            EditError::NotKnown { id, what } => {
                format!("That change could not be made: \u{2018}{id}\u{2019} is not {what}. Reload the page and try again.")
            }
            EditError::Missing(what) => {
                format!("That change could not be made: {what} is no longer in this plan. It may have been removed in another tab.")
            }
            EditError::BadValue(value) => {
                format!("That change could not be made: \u{2018}{value}\u{2019} is not one of the choices.")
            }
            EditError::Full(what) => format!("This plan already has the most {what} it can hold."),
            EditError::WouldOverwrite(what) => what.to_string(),
        }
    }
}

/// Applies `edit` to `plan` on `today` (YYYY-MM-DD; only starting a review, the caseload evidence
/// and recording an assessment read it). Refuses, changing nothing, an edit that names a row the
/// plan does not have, an id the framework does not have, or a list at its limit. Does not write
/// the change log: the caller compares before and after with [`super::record_changes`].
pub fn apply(plan: &mut Plan, edit: &Edit, today: &str) -> Result<Applied, EditError> {
    change(plan, edit, today).map(|created| Applied { created })
}

fn change(plan: &mut Plan, edit: &Edit, today: &str) -> Result<Option<String>, EditError> {
    use Edit::*;
    match edit {
        SetTitle { title } => plan.title = title.clone(),
        SetOrganisation { organisation } => plan.organisation = organisation.clone(),
        SetTeam { team } => plan.team = team.clone(),
        SetReportingPeriod { reporting_period } => plan.reporting_period = reporting_period.clone(),
        SetComparisonGroupTerm { term } => plan.settings.comparison_group_term = term.clone(),
        SetReferenceGroup { group } => {
            // Saved as the ids plans have always used.
            plan.settings.reference_group = match group {
                ReferenceGroup::AllWhite => "white",
                ReferenceGroup::WhiteBritish => "white_british",
            }
            .to_string()
        }
        SetConvention { convention } => plan.settings.ratio_convention = *convention,

        SetAnchorStatus { anchor, status } => edit_anchor(plan, anchor, |r| r.status = *status)?,
        SetAnchorEvidence { anchor, evidence } => {
            edit_anchor(plan, anchor, |r| r.evidence = evidence.clone())?
        }
        SetAnchorWho { anchor, who } => edit_anchor(plan, anchor, |r| r.who = who.clone())?,
        SetAnchorReviewDate {
            anchor,
            review_date,
        } => edit_anchor(plan, anchor, |r| r.review_date = review_date.clone())?,
        StartReview => {
            plan.reap.start_review(today, "");
        }
        AddActionForAnchor { anchor } => {
            let anchor = known_anchor(anchor)?;
            return Ok(Some(plan.action_plan.add_action_for_anchor(anchor)));
        }
        AddSpecialist => {
            return match plan.reap.add_specialist() {
                Some(id) => Ok(Some(id)),
                None => Err(EditError::Full("Employment Specialists")),
            }
        }
        RemoveSpecialist { id } => {
            remove(&mut plan.reap.specialists, |s| s.id == *id)
                .ok_or_else(|| EditError::Missing("that Employment Specialist".into()))?;
        }
        SetSpecialistName { id, name } => specialist(plan, id)?.name = name.clone(),
        SetSpecialistCaseload { id, group, value } => {
            let caseload = &mut specialist(plan, id)?.caseload;
            if value.is_empty() {
                caseload.remove(group.id());
            } else {
                caseload.insert(group.id().to_string(), value.clone());
            }
        }
        AddServiceFiguresToEvidence { anchor } => {
            let anchor = match anchor.as_str() {
                "1.1" => "1.1",
                "1.2" => "1.2",
                other => {
                    return Err(EditError::NotKnown {
                        id: other.to_string(),
                        what: "an anchor the service figures answer (1.1 or 1.2)",
                    })
                }
            };
            let summary =
                crate::service::evidence_summary(&plan.data.service, &plan.settings, anchor, today)
                    .ok_or(EditError::WouldOverwrite(
                        crate::messages::reap::NO_SERVICE_FIGURES,
                    ))?;
            let record = plan.reap.anchors.entry(anchor.to_string()).or_default();
            let evidence = record.evidence.trim_end();
            record.evidence = if evidence.is_empty() {
                summary
            } else {
                format!("{evidence}\n\n{summary}")
            };
        }
        AddCaseloadToEvidence => {
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
        }

        SetAgreedStage { stage } => plan.journey.agreed_stage = *stage,
        SetStrengths { strengths } => plan.journey.strengths = strengths.clone(),
        SetToDevelop { to_develop } => plan.journey.to_develop = to_develop.clone(),
        SetReassessmentDate { date } => plan.journey.reassessment_date = date.clone(),
        SetDepartmentStage { department, stage } => {
            let key = department_key(department);
            if key.is_empty() {
                // Only a screen with a bug sends a department with no name.
                return Err(EditError::BadValue(department.clone()));
            }
            let list = &mut plan.journey.department_stages;
            list.retain(|d| department_key(&d.department) != key);
            if stage.is_some() {
                list.push(DepartmentStage {
                    department: department.trim().to_string(),
                    stage: *stage,
                });
            }
        }
        SetClarityAnswer { question, answer } => {
            edit_clarity(plan, question, |r| r.answer = *answer)?
        }
        SetClarityNote { question, note } => {
            edit_clarity(plan, question, |r| r.note = note.clone())?
        }
        SetOutcomeObjectives { area, objectives } => {
            edit_outcome(plan, *area, |r| r.objectives = objectives.clone())
        }
        SetOutcomeIssueEvidence {
            area,
            issue_evidence,
        } => edit_outcome(plan, *area, |r| r.issue_evidence = issue_evidence.clone()),
        SetOutcomeImprovementMeasures {
            area,
            improvement_measures,
        } => edit_outcome(plan, *area, |r| {
            r.improvement_measures = improvement_measures.clone()
        }),
        AddParticipant => {
            let participants = &mut plan.journey.participants;
            if participants.len() >= MAX_PARTICIPANTS {
                return Err(EditError::Full("workshop participants"));
            }
            let id = super::next_id("p", participants.iter().map(|p| p.id.as_str()));
            participants.push(Participant {
                id: id.clone(),
                ..Participant::default()
            });
            return Ok(Some(id));
        }
        RemoveParticipant { id } => {
            remove(&mut plan.journey.participants, |p| p.id == *id)
                .ok_or_else(|| EditError::Missing("that participant".into()))?;
        }
        SetParticipantName { id, name } => participant(plan, id)?.name = name.clone(),
        SetParticipantDepartment { id, department } => {
            participant(plan, id)?.department = department.clone()
        }
        SetParticipantStage { id, stage } => participant(plan, id)?.stage = *stage,
        SetParticipantEvidence { id, evidence } => {
            participant(plan, id)?.evidence = evidence.clone()
        }
        AddActionForAgreedStage => {
            // The stage shown, after the outcome-clarity cap: its breakthrough points are the
            // ones that would move the organisation on.
            let stage = plan
                .journey
                .overall()
                .map(|o| o.stage)
                .ok_or(EditError::Missing(
                    "an agreed stage (choose the stage the group agrees first)".into(),
                ))?;
            return Ok(Some(plan.action_plan.add_action_for_stage(stage)));
        }
        RecordAssessment => plan.journey.record_assessment(today),

        AddPeriod => {
            let periods = &mut plan.data.periods;
            if periods.len() >= MAX_PERIODS {
                return Err(EditError::Full("reporting periods"));
            }
            let id = super::next_id("d", periods.iter().map(|p| p.id.as_str()));
            periods.push(Period {
                id: id.clone(),
                ..Period::default()
            });
            return Ok(Some(id));
        }
        RemovePeriod { id } => {
            remove(&mut plan.data.periods, |p| p.id == *id)
                .ok_or_else(|| EditError::Missing("that reporting period".into()))?;
        }
        SetPeriodLabel { period, label } => find_period(plan, period)?.label = label.clone(),
        AddBand { period } => {
            let bands = &mut find_period(plan, period)?.bands;
            if bands.len() >= MAX_BANDS {
                return Err(EditError::Full("pay bands"));
            }
            let id = super::next_id("b", bands.iter().map(|b| b.id.as_str()));
            bands.push(BandEntry {
                id: id.clone(),
                ..BandEntry::default()
            });
            return Ok(Some(format!("{period}-{id}")));
        }
        RemoveBand { period, band } => {
            remove(&mut find_period(plan, period)?.bands, |b| b.id == *band)
                .ok_or_else(|| EditError::Missing("that pay band".into()))?;
        }
        SetBandName { period, band, name } => find_band(plan, period, band)?.name = name.clone(),
        SetBandComparisonCount {
            period,
            band,
            value,
        } => find_band(plan, period, band)?.comparison = value.clone(),
        SetBandReferenceCount {
            period,
            band,
            value,
        } => find_band(plan, period, band)?.reference = value.clone(),
        SetMetricCount {
            period,
            metric,
            count,
            value,
        } => edit_metric(plan, period, *metric, |e| *count.of_mut(e) = value.clone())?,
        SetWhatWeKnow {
            period,
            metric,
            text,
        } => {
            // The text remembers the figure it is written against (schema 7), so a later change
            // of the counts flags it.
            let settings = plan.settings.clone();
            edit_metric(plan, period, *metric, |e| {
                wres::set_what_we_know(e, text, &settings)
            })?
        }

        SetPopulationSource { source } => plan.data.service.population_source = source.clone(),
        SetServiceAsAt { as_at } => plan.data.service.as_at = as_at.clone(),
        SetPopulationDetailed { detailed } => plan.data.service.population_detailed = *detailed,
        SetPopulation { group, value } => {
            // Every group is in ALL.
            let i = EthnicGroup::ALL
                .iter()
                .position(|g| g == group)
                .unwrap_or(0);
            set_population(&mut plan.data.service.population, i, value);
        }
        SetPopulationOfCategory { category, value } => {
            // The 19 categories are the first 19 of ALL; "not stated" is the 20th.
            let i = EthnicCategory::ALL[..19]
                .iter()
                .position(|c| c == category)
                .ok_or_else(|| EditError::NotKnown {
                    id: category.label().to_string(),
                    what: "one of the 19 Census categories",
                })?;
            set_population(&mut plan.data.service.population_categories, i, value);
        }
        SetServiceCount {
            group,
            field,
            value,
        } => {
            let blank = || ServiceRow {
                group: group.id().to_string(),
                ..ServiceRow::default()
            };
            let rows = &mut plan.data.service.rows;
            edit_record(rows, blank, |row| *field.of_mut(row) = value.clone());
            // Kept in the screen's order, whichever group was typed first.
            rows.sort_by_key(|r| CaseloadGroup::ALL.iter().position(|g| g.id() == r.group));
        }
        UseNationalBaseline => {
            let service = &mut plan.data.service;
            if service.population.iter().any(|t| !t.trim().is_empty()) {
                return Err(EditError::WouldOverwrite(
                    "The local population already has figures, so the national ones were not put over them. Clear the five groups' figures first if you want the national ones.",
                ));
            }
            let (values, label) = crate::service::national_baseline();
            service.population = values;
            service.population_detailed = false;
            if service.population_source.trim().is_empty() {
                service.population_source = label.to_string();
            }
            return Ok(Some("national".into()));
        }

        SetPlanHeader { field, value } => {
            *field.of_mut(&mut plan.action_plan.header) = value.clone()
        }
        AddObjective => return Ok(Some(plan.action_plan.add_objective())),
        SetObjectiveTitle { id, title } => objective(plan, id)?.title = title.clone(),
        SetObjectiveLead { id, lead } => objective(plan, id)?.lead = lead.clone(),
        SetObjectiveTheme { id, theme } => {
            let theme = match theme {
                None => String::new(),
                Some(name) => wres::THEMES
                    .iter()
                    .find(|(t, _)| t == name)
                    .ok_or_else(|| EditError::BadValue(name.clone()))?
                    .0
                    .to_string(),
            };
            objective(plan, id)?.theme = theme;
        }
        SetObjectiveIndicators { id, indicators } => {
            objective(plan, id)?.indicators = indicators.clone()
        }
        RemoveObjective { id } => {
            remove(&mut plan.action_plan.objectives, |o| o.id == *id)
                .ok_or_else(|| EditError::Missing("that objective".into()))?;
        }
        AddAction { objective } => {
            return plan
                .action_plan
                .add_action(objective)
                .map(Some)
                .ok_or_else(|| EditError::Missing("that objective".into()));
        }
        SetActionStatus { id, status } => action(plan, id)?.status = *status,
        SetActionProgress { id, progress } => action(plan, id)?.progress = progress.clone(),
        SetStepDone { step, done } => edit_step(plan, step, |r| r.done = *done)?,
        SetStepDate { step, date } => edit_step(plan, step, |r| r.date = date.clone())?,
        SetStepNotes { step, notes } => edit_step(plan, step, |r| r.notes = notes.clone())?,
        AddVoiceEntry => {
            let voice = &mut plan.action_plan.voice;
            if voice.len() >= super::MAX_VOICE_ENTRIES {
                return Err(EditError::Full("staff-voice entries"));
            }
            let id = super::next_id("v", voice.iter().map(|v| v.id.as_str()));
            voice.push(super::VoiceEntry {
                id: id.clone(),
                ..super::VoiceEntry::default()
            });
            return Ok(Some(id));
        }
        SetVoiceEntry { id, field, value } => {
            if *field == super::VoiceField::How
                && !value.is_empty()
                && !super::VoiceEntry::HOW.contains(&value.as_str())
            {
                return Err(EditError::BadValue(value.clone()));
            }
            let entry = plan
                .action_plan
                .voice
                .iter_mut()
                .find(|v| v.id == *id)
                .ok_or_else(|| EditError::Missing("that staff-voice entry".into()))?;
            *field.of_mut(entry) = value.clone();
        }
        RemoveVoiceEntry { id } => {
            remove(&mut plan.action_plan.voice, |v| v.id == *id)
                .ok_or_else(|| EditError::Missing("that staff-voice entry".into()))?;
        }
        AddActionForMetric { metric } => {
            if !crate::stats::WORKFORCE_METRICS.contains(metric) {
                return Err(EditError::NotKnown {
                    id: wres::metric_id(*metric).to_string(),
                    what: "a Social Care WRES metric",
                });
            }
            let theme = wres::THEMES
                .iter()
                .find(|(_, metrics)| metrics.contains(metric))
                .map_or("Culture and staff experience", |(name, _)| name);
            return Ok(Some(plan.action_plan.add_action_for_metric(
                format!("SC-WRES: {theme}"),
                wres::metric_id(*metric),
            )));
        }
        SetActionMetric { id, metric, linked } => {
            if !crate::stats::WORKFORCE_METRICS.contains(metric) {
                return Err(EditError::NotKnown {
                    id: wres::metric_id(*metric).to_string(),
                    what: "a Social Care WRES metric",
                });
            }
            let action = action(plan, id)?;
            let id = wres::metric_id(*metric).to_string();
            action.metrics.retain(|m| *m != id);
            if *linked {
                action.metrics.push(id);
                // Kept in SC-WRES order, whichever was ticked first.
                action.metrics.sort_by_key(|m| {
                    crate::stats::WORKFORCE_METRICS
                        .iter()
                        .position(|w| wres::metric_id(*w) == m)
                });
            }
        }
        SetActionText { id, text } => action(plan, id)?.text = text.clone(),
        SetActionWho { id, who } => action(plan, id)?.who = who.clone(),
        SetActionByWhen { id, by_when } => action(plan, id)?.by_when = by_when.clone(),
        SetActionBreakthrough {
            id,
            breakthrough: chosen,
        } => {
            let action = action(plan, id)?;
            action.breakthroughs = match chosen {
                None => Vec::new(),
                Some(id) => vec![breakthrough(id)
                    .ok_or_else(|| EditError::BadValue(id.clone()))?
                    .id
                    .to_string()],
            }
        }
        RemoveAction { id } => {
            let mut found = false;
            for objective in &mut plan.action_plan.objectives {
                found |= remove(&mut objective.actions, |a| a.id == *id).is_some();
            }
            if !found {
                return Err(EditError::Missing("that action".into()));
            }
        }
    }
    Ok(None)
}

/// Removes every item that `matches`; `None` if there was none.
fn remove<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Option<()> {
    let before = list.len();
    list.retain(|item| !matches(item));
    (list.len() < before).then_some(())
}

/// The framework's id for a REAP anchor.
fn known_anchor(id: &str) -> Result<&'static str, EditError> {
    reap::anchor(id)
        .map(|a| a.id)
        .ok_or_else(|| EditError::NotKnown {
            id: id.to_string(),
            what: "a REAP anchor this version knows",
        })
}

/// Changes an anchor's record (made if there is none). A record left blank is removed, so the
/// anchor reads as untouched.
fn edit_anchor(
    plan: &mut Plan,
    anchor: &str,
    change: impl FnOnce(&mut AnchorRecord),
) -> Result<(), EditError> {
    let anchor = known_anchor(anchor)?;
    let record = plan.reap.anchors.entry(anchor.to_string()).or_default();
    change(record);
    if *record == AnchorRecord::default() {
        plan.reap.anchors.remove(anchor);
    }
    Ok(())
}

fn edit_clarity(
    plan: &mut Plan,
    question: &str,
    change: impl FnOnce(&mut ClarityRecord),
) -> Result<(), EditError> {
    let question = CLARITY_QUESTIONS
        .iter()
        .find(|q| q.id == question)
        .ok_or_else(|| EditError::NotKnown {
            id: question.to_string(),
            what: "an outcome-clarity question this version knows",
        })?;
    let blank = || ClarityRecord {
        question: question.id.to_string(),
        ..ClarityRecord::default()
    };
    edit_record(&mut plan.journey.clarity, blank, change);
    Ok(())
}

/// Changes a planning step's record (made if there is none, removed when left blank).
fn edit_step(
    plan: &mut Plan,
    step: &str,
    change: impl FnOnce(&mut super::StepRecord),
) -> Result<(), EditError> {
    let step = wres::planning_step(step).ok_or_else(|| EditError::NotKnown {
        id: step.to_string(),
        what: "one of the five planning steps",
    })?;
    let blank = || super::StepRecord {
        step: step.id.to_string(),
        ..super::StepRecord::default()
    };
    edit_record(&mut plan.action_plan.steps, blank, change);
    // Kept in the steps' order, whichever was recorded first.
    plan.action_plan
        .steps
        .sort_by_key(|r| wres::PLANNING_STEPS.iter().position(|s| s.id == r.step));
    Ok(())
}

fn edit_outcome(plan: &mut Plan, area: OutcomeArea, change: impl FnOnce(&mut OutcomeRecord)) {
    let blank = || OutcomeRecord {
        area: area.id().to_string(),
        ..OutcomeRecord::default()
    };
    edit_record(&mut plan.journey.outcomes, blank, change);
}

/// Changes a metric's entry in a period (made if there is none, removed when left blank).
fn edit_metric(
    plan: &mut Plan,
    period: &str,
    metric: Metric,
    change: impl FnOnce(&mut MetricEntry),
) -> Result<(), EditError> {
    if !wres::ENTERED.contains(&metric) {
        return Err(EditError::NotKnown {
            id: wres::metric_id(metric).to_string(),
            what: "a metric typed as four counts",
        });
    }
    let blank = || MetricEntry {
        metric: wres::metric_id(metric).to_string(),
        ..MetricEntry::default()
    };
    edit_record(&mut find_period(plan, period)?.metrics, blank, change);
    Ok(())
}

/// Sets population entry `i` as typed, padding with blanks, and drops trailing blanks.
fn set_population(list: &mut Vec<String>, i: usize, value: &str) {
    if list.len() <= i {
        list.resize(i + 1, String::new());
    }
    list[i] = value.to_string();
    while list.last().is_some_and(String::is_empty) {
        list.pop();
    }
}

/// Changes the record in `list` that matches `blank()` on its id (made from `blank` if there is
/// none). A record left with nothing in it, equal to `blank()`, is removed, so clearing every
/// field leaves the list as it was.
fn edit_record<T: PartialEq + Keyed>(
    list: &mut Vec<T>,
    blank: impl Fn() -> T,
    change: impl FnOnce(&mut T),
) {
    let empty = blank();
    let index = match list.iter().position(|r| r.key() == empty.key()) {
        Some(index) => index,
        None => {
            list.push(blank());
            list.len() - 1
        }
    };
    change(&mut list[index]);
    if list[index] == empty {
        list.remove(index);
    }
}

/// A record kept in a list, one per key.
trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for ClarityRecord {
    fn key(&self) -> &str {
        &self.question
    }
}

impl Keyed for ServiceRow {
    fn key(&self) -> &str {
        &self.group
    }
}

impl Keyed for MetricEntry {
    fn key(&self) -> &str {
        &self.metric
    }
}

impl Keyed for super::StepRecord {
    fn key(&self) -> &str {
        &self.step
    }
}

impl Keyed for OutcomeRecord {
    fn key(&self) -> &str {
        &self.area
    }
}

fn specialist<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut super::Specialist, EditError> {
    plan.reap
        .specialists
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| EditError::Missing("that Employment Specialist".into()))
}

fn participant<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Participant, EditError> {
    plan.journey
        .participants
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::Missing("that participant".into()))
}

fn objective<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut super::Objective, EditError> {
    plan.action_plan
        .objectives
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or_else(|| EditError::Missing("that objective".into()))
}

fn action<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut super::Action, EditError> {
    plan.action_plan
        .objectives
        .iter_mut()
        .flat_map(|o| o.actions.iter_mut())
        .find(|a| a.id == id)
        .ok_or_else(|| EditError::Missing("that action".into()))
}

/// The reporting period with this id.
fn find_period<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Period, EditError> {
    plan.data
        .periods
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::Missing("that reporting period".into()))
}

fn find_band<'a>(
    plan: &'a mut Plan,
    period: &str,
    band: &str,
) -> Result<&'a mut BandEntry, EditError> {
    find_period(plan, period)?
        .bands
        .iter_mut()
        .find(|b| b.id == band)
        .ok_or_else(|| EditError::Missing("that pay band".into()))
}

/// Framework types written by their id in an edit's JSON (`"group": "black"`). Their own
/// modules do not derive serde, so the edit says how.
trait ById: Copy {
    fn id(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self>;
}

impl ById for CaseloadGroup {
    fn id(self) -> &'static str {
        CaseloadGroup::id(self)
    }
    fn from_id(id: &str) -> Option<Self> {
        CaseloadGroup::from_id(id)
    }
}

impl ById for Count {
    fn id(self) -> &'static str {
        Count::id(self)
    }
    fn from_id(id: &str) -> Option<Self> {
        Count::from_id(id)
    }
}

impl ById for crate::service::Field {
    fn id(self) -> &'static str {
        crate::service::Field::id(self)
    }
    fn from_id(id: &str) -> Option<Self> {
        crate::service::Field::from_id(id)
    }
}

mod by_id {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    use super::ById;

    pub(super) fn serialize<T: ById, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value.id())
    }

    pub(super) fn deserialize<'de, T: ById, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        let id = String::deserialize(d)?;
        T::from_id(&id).ok_or_else(|| D::Error::custom(format!("unknown id `{id}`")))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::plan::{Action, Objective, PastAssessment, ReapReview, Specialist, MAX_SPECIALISTS};
    use crate::service::Field;

    const TODAY: &str = "2026-11-29";

    /// A plan with one of each row an edit can name: specialist "es1", participant "p1", action
    /// "a1", period "d1" with band "b1" and a "leaving" entry, the white group's service counts,
    /// and a record for anchor 1.1. The agreed stage is Developing.
    pub(in crate::plan) fn fixture() -> Plan {
        let mut plan = Plan::default();
        plan.reap.anchors.insert(
            "1.1".into(),
            AnchorRecord {
                who: "Sam".into(),
                ..AnchorRecord::default()
            },
        );
        plan.reap.specialists.push(Specialist {
            id: "es1".into(),
            name: "A.K.".into(),
            caseload: [("white".to_string(), "20".to_string())].into(),
        });
        plan.journey.agreed_stage = Some(Stage::Developing);
        plan.journey.participants.push(Participant {
            id: "p1".into(),
            name: "Service manager".into(),
            ..Participant::default()
        });
        plan.action_plan.objectives.push(Objective {
            id: "o1".into(),
            title: "REAP: Data".into(),
            actions: vec![Action {
                id: "a1".into(),
                anchors: vec!["1.1".into()],
                ..Action::default()
            }],
            ..Objective::default()
        });
        plan.data.periods.push(Period {
            id: "d1".into(),
            label: "2025-26".into(),
            metrics: vec![MetricEntry {
                metric: "leaving".into(),
                comparison_events: "3".into(),
                ..MetricEntry::default()
            }],
            bands: vec![BandEntry {
                id: "b1".into(),
                name: "Grade 3".into(),
                ..BandEntry::default()
            }],
            ..Period::default()
        });
        // Every group's IPS caseload and job starts, so that anchor 1.1 has outcomes to add to its
        // evidence (a count is read only when every group has one).
        for (group, caseload, jobs) in [
            ("asian", "20", "3"),
            ("black", "40", "4"),
            ("mixed", "10", "2"),
            ("white", "96", "30"),
            ("other", "8", "1"),
            ("not_stated", "5", "1"),
        ] {
            plan.data.service.rows.push(ServiceRow {
                group: group.into(),
                caseload: caseload.into(),
                jobs: jobs.into(),
                ..ServiceRow::default()
            });
        }
        plan.action_plan.voice.push(crate::plan::VoiceEntry {
            id: "v1".into(),
            who: "Staff network".into(),
            ..crate::plan::VoiceEntry::default()
        });
        plan
    }

    /// The tag an edit is written with in JSON: "set_anchor_status".
    pub(in crate::plan) fn tag(edit: &Edit) -> String {
        serde_json::to_value(edit).unwrap()["edit"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Every variant's tag, as serde lists them when it meets one it does not know, so a variant
    /// added later is in this list without anyone adding it.
    pub(in crate::plan) fn every_tag() -> Vec<String> {
        let error = serde_json::from_str::<Edit>(r#"{"edit":"?"}"#)
            .unwrap_err()
            .to_string();
        let list = error.split("expected one of").nth(1).unwrap_or_default();
        let tags: Vec<String> = list
            .split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect();
        assert!(tags.len() > 50, "{error}");
        tags
    }

    type Expect = Box<dyn Fn(&mut Plan)>;

    /// Each edit applied to [`fixture`], what it creates, and the same change made by hand.
    fn direct_cases() -> Vec<(Edit, Option<&'static str>, Expect)> {
        use Edit::*;
        fn s(text: &str) -> String {
            text.to_string()
        }
        vec![
            // About this plan, and its settings.
            (
                SetTitle {
                    title: s("Northfield REAP"),
                },
                None,
                Box::new(|p| p.title = s("Northfield REAP")),
            ),
            (
                SetOrganisation {
                    organisation: s("Northfield Trust"),
                },
                None,
                Box::new(|p| p.organisation = s("Northfield Trust")),
            ),
            (
                SetTeam { team: s("IPS") },
                None,
                Box::new(|p| p.team = s("IPS")),
            ),
            (
                SetReportingPeriod {
                    reporting_period: s("2026-27"),
                },
                None,
                Box::new(|p| p.reporting_period = s("2026-27")),
            ),
            (
                SetComparisonGroupTerm {
                    term: s("colleagues who experience racism"),
                },
                None,
                Box::new(|p| {
                    p.settings.comparison_group_term = s("colleagues who experience racism")
                }),
            ),
            (
                SetReferenceGroup {
                    group: ReferenceGroup::WhiteBritish,
                },
                None,
                Box::new(|p| p.settings.reference_group = s("white_british")),
            ),
            (
                SetReferenceGroup {
                    group: ReferenceGroup::AllWhite,
                },
                None,
                Box::new(|p| p.settings.reference_group = s("white")),
            ),
            (
                SetConvention {
                    convention: Convention::NhsWres,
                },
                None,
                Box::new(|p| p.settings.ratio_convention = Convention::NhsWres),
            ),
            // REAP.
            (
                SetAnchorStatus {
                    anchor: s("1.2"),
                    status: AnchorStatus::Met,
                },
                None,
                Box::new(|p| {
                    p.reap.anchors.insert(
                        s("1.2"),
                        AnchorRecord {
                            status: AnchorStatus::Met,
                            ..AnchorRecord::default()
                        },
                    );
                }),
            ),
            (
                SetAnchorEvidence {
                    anchor: s("1.1"),
                    evidence: s("  Minutes <b>\n"),
                },
                None,
                Box::new(|p| {
                    p.reap.anchors.get_mut("1.1").unwrap().evidence = s("  Minutes <b>\n")
                }),
            ),
            // Clearing the only thing recorded leaves the anchor untouched.
            (
                SetAnchorWho {
                    anchor: s("1.1"),
                    who: s(""),
                },
                None,
                Box::new(|p| {
                    p.reap.anchors.remove("1.1");
                }),
            ),
            (
                SetAnchorReviewDate {
                    anchor: s("1.1"),
                    review_date: s("next March"),
                },
                None,
                Box::new(|p| p.reap.anchors.get_mut("1.1").unwrap().review_date = s("next March")),
            ),
            (
                StartReview,
                None,
                Box::new(|p| {
                    let anchors = p.reap.anchors.clone();
                    p.reap.reviews.push(ReapReview {
                        id: s("review1"),
                        date: s(TODAY),
                        note: s(""),
                        anchors,
                    });
                }),
            ),
            (
                AddActionForAnchor { anchor: s("3.3") },
                Some("a2"),
                Box::new(|p| {
                    p.action_plan.objectives.push(Objective {
                        id: s("o2"),
                        title: s("REAP: Processes"),
                        actions: vec![Action {
                            id: s("a2"),
                            anchors: vec![s("3.3")],
                            ..Action::default()
                        }],
                        ..Objective::default()
                    })
                }),
            ),
            (
                AddActionForAnchor { anchor: s("1.2") },
                Some("a2"),
                Box::new(|p| {
                    p.action_plan.objectives[0].actions.push(Action {
                        id: s("a2"),
                        anchors: vec![s("1.2")],
                        ..Action::default()
                    })
                }),
            ),
            (
                AddSpecialist,
                Some("es2"),
                Box::new(|p| {
                    p.reap.specialists.push(Specialist {
                        id: s("es2"),
                        ..Specialist::default()
                    })
                }),
            ),
            (
                RemoveSpecialist { id: s("es1") },
                None,
                Box::new(|p| p.reap.specialists.clear()),
            ),
            (
                SetSpecialistName {
                    id: s("es1"),
                    name: s("B.J."),
                },
                None,
                Box::new(|p| p.reap.specialists[0].name = s("B.J.")),
            ),
            (
                SetSpecialistCaseload {
                    id: s("es1"),
                    group: CaseloadGroup::Black,
                    value: s("12a"),
                },
                None,
                Box::new(|p| {
                    p.reap.specialists[0].caseload.insert(s("black"), s("12a"));
                }),
            ),
            (
                SetSpecialistCaseload {
                    id: s("es1"),
                    group: CaseloadGroup::White,
                    value: s(""),
                },
                None,
                Box::new(|p| {
                    p.reap.specialists[0].caseload.remove("white");
                }),
            ),
            (
                AddCaseloadToEvidence,
                None,
                Box::new(|p| {
                    // The summary's words are `caseload`'s to test; here, that it goes on 3.3, dated.
                    let summary = caseload::evidence_summary(
                        &p.reap.specialists,
                        p.settings.non_adverse_range,
                        TODAY,
                    );
                    assert!(summary.contains("29 November 2026"), "{summary}");
                    p.reap.anchors.insert(
                        s("3.3"),
                        AnchorRecord {
                            evidence: summary,
                            ..AnchorRecord::default()
                        },
                    );
                }),
            ),
            // Journey.
            (
                SetAgreedStage {
                    stage: Some(Stage::Achieving),
                },
                None,
                Box::new(|p| p.journey.agreed_stage = Some(Stage::Achieving)),
            ),
            (
                SetAgreedStage { stage: None },
                None,
                Box::new(|p| p.journey.agreed_stage = None),
            ),
            (
                SetStrengths {
                    strengths: s("A steering group"),
                },
                None,
                Box::new(|p| p.journey.strengths = s("A steering group")),
            ),
            (
                SetToDevelop {
                    to_develop: s("Ask staff"),
                },
                None,
                Box::new(|p| p.journey.to_develop = s("Ask staff")),
            ),
            (
                SetReassessmentDate {
                    date: s("after the board"),
                },
                None,
                Box::new(|p| p.journey.reassessment_date = s("after the board")),
            ),
            (
                SetDepartmentStage {
                    department: s(" Adults / Older people "),
                    stage: Some(Stage::Starting),
                },
                None,
                Box::new(|p| {
                    p.journey.department_stages.push(DepartmentStage {
                        department: s("Adults / Older people"),
                        stage: Some(Stage::Starting),
                    })
                }),
            ),
            (
                SetClarityAnswer {
                    question: s("shared_view"),
                    answer: Some(Answer::No),
                },
                None,
                Box::new(|p| {
                    p.journey.clarity.push(ClarityRecord {
                        question: s("shared_view"),
                        answer: Some(Answer::No),
                        note: s(""),
                    })
                }),
            ),
            (
                SetClarityNote {
                    question: s("shared_view"),
                    note: s("See p. 4"),
                },
                None,
                Box::new(|p| {
                    p.journey.clarity.push(ClarityRecord {
                        question: s("shared_view"),
                        answer: None,
                        note: s("See p. 4"),
                    })
                }),
            ),
            (
                SetOutcomeObjectives {
                    area: OutcomeArea::Employment,
                    objectives: s("Fairer shortlisting"),
                },
                None,
                Box::new(|p| {
                    p.journey.outcomes.push(OutcomeRecord {
                        area: s("employment"),
                        objectives: s("Fairer shortlisting"),
                        ..OutcomeRecord::default()
                    })
                }),
            ),
            (
                SetOutcomeIssueEvidence {
                    area: OutcomeArea::Employment,
                    issue_evidence: s("WRES 2"),
                },
                None,
                Box::new(|p| {
                    p.journey.outcomes.push(OutcomeRecord {
                        area: s("employment"),
                        issue_evidence: s("WRES 2"),
                        ..OutcomeRecord::default()
                    })
                }),
            ),
            (
                SetOutcomeImprovementMeasures {
                    area: OutcomeArea::ServiceOutcomes,
                    improvement_measures: s("Within range"),
                },
                None,
                Box::new(|p| {
                    p.journey.outcomes.push(OutcomeRecord {
                        area: s("service_outcomes"),
                        improvement_measures: s("Within range"),
                        ..OutcomeRecord::default()
                    })
                }),
            ),
            (
                AddParticipant,
                Some("p2"),
                Box::new(|p| {
                    p.journey.participants.push(Participant {
                        id: s("p2"),
                        ..Participant::default()
                    })
                }),
            ),
            (
                RemoveParticipant { id: s("p1") },
                None,
                Box::new(|p| p.journey.participants.clear()),
            ),
            (
                SetParticipantName {
                    id: s("p1"),
                    name: s("Jo"),
                },
                None,
                Box::new(|p| p.journey.participants[0].name = s("Jo")),
            ),
            (
                SetParticipantDepartment {
                    id: s("p1"),
                    department: s(" Housing "),
                },
                None,
                Box::new(|p| p.journey.participants[0].department = s(" Housing ")),
            ),
            (
                SetParticipantStage {
                    id: s("p1"),
                    stage: Some(Stage::Intending),
                },
                None,
                Box::new(|p| p.journey.participants[0].stage = Some(Stage::Intending)),
            ),
            (
                SetParticipantEvidence {
                    id: s("p1"),
                    evidence: s("Training done"),
                },
                None,
                Box::new(|p| p.journey.participants[0].evidence = s("Training done")),
            ),
            (
                AddActionForAgreedStage,
                Some("a2"),
                Box::new(|p| {
                    p.action_plan.objectives.push(Objective {
                        id: s("o2"),
                        title: s("Journey: Developing"),
                        actions: vec![Action {
                            id: s("a2"),
                            stages: vec![Stage::Developing],
                            ..Action::default()
                        }],
                        ..Objective::default()
                    })
                }),
            ),
            (
                RecordAssessment,
                None,
                Box::new(|p| {
                    let participants = p.journey.participants.clone();
                    p.journey.past.push(PastAssessment {
                        date: s(TODAY),
                        stage: Some(Stage::Developing),
                        capped: false,
                        departments: vec![],
                        participants,
                    })
                }),
            ),
            // Data: SC-WRES periods.
            (
                AddPeriod,
                Some("d2"),
                Box::new(|p| {
                    p.data.periods.push(Period {
                        id: s("d2"),
                        ..Period::default()
                    })
                }),
            ),
            (
                RemovePeriod { id: s("d1") },
                None,
                Box::new(|p| p.data.periods.clear()),
            ),
            (
                SetPeriodLabel {
                    period: s("d1"),
                    label: s(" 2026-27 "),
                },
                None,
                Box::new(|p| p.data.periods[0].label = s(" 2026-27 ")),
            ),
            (
                AddBand { period: s("d1") },
                Some("d1-b2"),
                Box::new(|p| {
                    p.data.periods[0].bands.push(BandEntry {
                        id: s("b2"),
                        ..BandEntry::default()
                    })
                }),
            ),
            (
                RemoveBand {
                    period: s("d1"),
                    band: s("b1"),
                },
                None,
                Box::new(|p| p.data.periods[0].bands.clear()),
            ),
            (
                SetBandName {
                    period: s("d1"),
                    band: s("b1"),
                    name: s("Band 7"),
                },
                None,
                Box::new(|p| p.data.periods[0].bands[0].name = s("Band 7")),
            ),
            (
                SetBandComparisonCount {
                    period: s("d1"),
                    band: s("b1"),
                    value: s("12a"),
                },
                None,
                Box::new(|p| p.data.periods[0].bands[0].comparison = s("12a")),
            ),
            (
                SetBandReferenceCount {
                    period: s("d1"),
                    band: s("b1"),
                    value: s(" 40 "),
                },
                None,
                Box::new(|p| p.data.periods[0].bands[0].reference = s(" 40 ")),
            ),
            (
                SetMetricCount {
                    period: s("d1"),
                    metric: Metric::Appointment,
                    count: Count::ComparisonEvents,
                    value: s("41"),
                },
                None,
                Box::new(|p| {
                    p.data.periods[0].metrics.push(MetricEntry {
                        metric: s("appointment"),
                        comparison_events: s("41"),
                        ..MetricEntry::default()
                    })
                }),
            ),
            // Clearing the only count typed removes the entry.
            (
                SetMetricCount {
                    period: s("d1"),
                    metric: Metric::Leaving,
                    count: Count::ComparisonEvents,
                    value: s(""),
                },
                None,
                Box::new(|p| p.data.periods[0].metrics.clear()),
            ),
            (
                SetWhatWeKnow {
                    period: s("d1"),
                    metric: Metric::Leaving,
                    text: s("Exit interviews"),
                },
                None,
                Box::new(|p| {
                    let entry = &mut p.data.periods[0].metrics[0];
                    entry.what_we_know = s("Exit interviews");
                    // The figure it was written against: the counts as they stand, the settings.
                    entry.what_we_know_for = s("3,,,|sc_wres|white|0.8-1.25");
                }),
            ),
            // Data: the service's figures.
            (
                SetPopulationSource {
                    source: s("Census 2021, Brighton"),
                },
                None,
                Box::new(|p| p.data.service.population_source = s("Census 2021, Brighton")),
            ),
            (
                SetServiceAsAt {
                    as_at: s("April to June 2026"),
                },
                None,
                Box::new(|p| p.data.service.as_at = s("April to June 2026")),
            ),
            (
                SetPopulationDetailed { detailed: true },
                None,
                Box::new(|p| p.data.service.population_detailed = true),
            ),
            (
                SetPopulation {
                    group: EthnicGroup::Black,
                    value: s("4.0"),
                },
                None,
                Box::new(|p| p.data.service.population = vec![s(""), s("4.0")]),
            ),
            (
                SetPopulationOfCategory {
                    category: EthnicCategory::Roma,
                    value: s("12"),
                },
                None,
                Box::new(|p| {
                    let mut categories = vec![String::new(); 15];
                    categories.push(s("12"));
                    p.data.service.population_categories = categories;
                }),
            ),
            // Asian comes before White on the screen, so its row goes first.
            (
                SetServiceCount {
                    group: CaseloadGroup::Asian,
                    field: Field::Jobs,
                    value: s("2"),
                },
                None,
                Box::new(|p| p.data.service.rows[0].jobs = s("2")),
            ),
            (
                UseNationalBaseline,
                Some("national"),
                Box::new(|p| {
                    let service = &mut p.data.service;
                    service.population = ["9.3", "4.0", "2.9", "81.7", "2.1"].map(s).to_vec();
                    service.population_source = s(crate::ethnicity::NATIONAL_BASELINE_LABEL);
                }),
            ),
            // Action plan.
            (
                SetActionText {
                    id: s("a1"),
                    text: s("Audit recording"),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].actions[0].text = s("Audit recording")),
            ),
            (
                SetActionWho {
                    id: s("a1"),
                    who: s("Jo"),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].actions[0].who = s("Jo")),
            ),
            (
                SetActionByWhen {
                    id: s("a1"),
                    by_when: s("2027-01-31"),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].actions[0].by_when = s("2027-01-31")),
            ),
            (
                SetActionBreakthrough {
                    id: s("a1"),
                    breakthrough: Some(s("starting.leadership")),
                },
                None,
                Box::new(|p| {
                    p.action_plan.objectives[0].actions[0].breakthroughs =
                        vec![s("starting.leadership")]
                }),
            ),
            (
                SetActionBreakthrough {
                    id: s("a1"),
                    breakthrough: None,
                },
                None,
                Box::new(|_| {}),
            ),
            (
                RemoveAction { id: s("a1") },
                None,
                Box::new(|p| p.action_plan.objectives[0].actions.clear()),
            ),
            (
                SetPlanHeader {
                    field: crate::plan::HeaderField::PrincipalSocialWorkers,
                    value: s("A. Khan (adults)"),
                },
                None,
                Box::new(|p| p.action_plan.header.principal_social_workers = s("A. Khan (adults)")),
            ),
            (
                AddObjective,
                Some("o2"),
                Box::new(|p| {
                    p.action_plan.objectives.push(Objective {
                        id: s("o2"),
                        ..Objective::default()
                    })
                }),
            ),
            (
                SetObjectiveTitle {
                    id: s("o1"),
                    title: s("Fair shortlisting"),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].title = s("Fair shortlisting")),
            ),
            (
                SetObjectiveLead {
                    id: s("o1"),
                    lead: s("Head of HR"),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].lead = s("Head of HR")),
            ),
            (
                SetObjectiveTheme {
                    id: s("o1"),
                    theme: Some(s("Recruitment and retention")),
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].theme = s("Recruitment and retention")),
            ),
            (
                SetObjectiveTheme {
                    id: s("o1"),
                    theme: None,
                },
                None,
                Box::new(|_| {}),
            ),
            (
                SetObjectiveIndicators {
                    id: s("o1"),
                    indicators: s("Shortlisting ratio within the range"),
                },
                None,
                Box::new(|p| {
                    p.action_plan.objectives[0].indicators =
                        s("Shortlisting ratio within the range")
                }),
            ),
            (
                RemoveObjective { id: s("o1") },
                None,
                Box::new(|p| p.action_plan.objectives.clear()),
            ),
            (
                AddAction { objective: s("o1") },
                Some("a2"),
                Box::new(|p| {
                    p.action_plan.objectives[0].actions.push(Action {
                        id: s("a2"),
                        ..Action::default()
                    })
                }),
            ),
            (
                SetActionStatus {
                    id: s("a1"),
                    status: crate::plan::ActionStatus::AtRisk,
                },
                None,
                Box::new(|p| {
                    p.action_plan.objectives[0].actions[0].status =
                        crate::plan::ActionStatus::AtRisk
                }),
            ),
            (
                SetActionProgress {
                    id: s("a1"),
                    progress: s("Met the network"),
                },
                None,
                Box::new(|p| {
                    p.action_plan.objectives[0].actions[0].progress = s("Met the network")
                }),
            ),
            (
                SetStepDone {
                    step: s("analyse"),
                    done: true,
                },
                None,
                Box::new(|p| {
                    p.action_plan.steps.push(crate::plan::StepRecord {
                        step: s("analyse"),
                        done: true,
                        ..crate::plan::StepRecord::default()
                    })
                }),
            ),
            (
                SetStepDate {
                    step: s("prepare"),
                    date: s("2026-03-01"),
                },
                None,
                Box::new(|p| {
                    p.action_plan.steps.push(crate::plan::StepRecord {
                        step: s("prepare"),
                        date: s("2026-03-01"),
                        ..crate::plan::StepRecord::default()
                    })
                }),
            ),
            (
                SetStepNotes {
                    step: s("evaluate"),
                    notes: s("Six-month workshop booked"),
                },
                None,
                Box::new(|p| {
                    p.action_plan.steps.push(crate::plan::StepRecord {
                        step: s("evaluate"),
                        notes: s("Six-month workshop booked"),
                        ..crate::plan::StepRecord::default()
                    })
                }),
            ),
            (
                SetStepDone {
                    step: s("final"),
                    done: false,
                },
                None,
                Box::new(|_| {}),
            ),
            (
                AddVoiceEntry,
                Some("v2"),
                Box::new(|p| {
                    p.action_plan.voice.push(crate::plan::VoiceEntry {
                        id: s("v2"),
                        ..crate::plan::VoiceEntry::default()
                    })
                }),
            ),
            (
                SetVoiceEntry {
                    id: s("v1"),
                    field: crate::plan::VoiceField::How,
                    value: s("focus_group"),
                },
                None,
                Box::new(|p| p.action_plan.voice[0].how = s("focus_group")),
            ),
            (
                SetVoiceEntry {
                    id: s("v1"),
                    field: crate::plan::VoiceField::Changed,
                    value: s("Exit interviews now offered by someone outside the team"),
                },
                None,
                Box::new(|p| {
                    p.action_plan.voice[0].changed =
                        s("Exit interviews now offered by someone outside the team")
                }),
            ),
            (
                RemoveVoiceEntry { id: s("v1") },
                None,
                Box::new(|p| p.action_plan.voice.clear()),
            ),
            (
                AddServiceFiguresToEvidence { anchor: s("1.1") },
                None,
                Box::new(|p| {
                    let summary = crate::service::evidence_summary(
                        &p.data.service,
                        &p.settings,
                        "1.1",
                        TODAY,
                    )
                    .expect("the fixture has job starts");
                    p.reap.anchors.get_mut("1.1").unwrap().evidence = summary;
                }),
            ),
            (
                AddActionForMetric {
                    metric: Metric::Leaving,
                },
                Some("a2"),
                Box::new(|p| {
                    p.action_plan.objectives.push(Objective {
                        id: s("o2"),
                        title: s("SC-WRES: Recruitment and retention"),
                        actions: vec![Action {
                            id: s("a2"),
                            metrics: vec![s("leaving")],
                            ..Action::default()
                        }],
                        ..Objective::default()
                    })
                }),
            ),
            (
                SetActionMetric {
                    id: s("a1"),
                    metric: Metric::Leaving,
                    linked: true,
                },
                None,
                Box::new(|p| p.action_plan.objectives[0].actions[0].metrics = vec![s("leaving")]),
            ),
            (
                SetActionMetric {
                    id: s("a1"),
                    metric: Metric::Leaving,
                    linked: false,
                },
                None,
                Box::new(|_| {}),
            ),
        ]
    }

    #[test]
    fn every_edit_applied_directly_changes_what_it_says_and_nothing_else() {
        for (edit, created, expect) in direct_cases() {
            let mut plan = fixture();
            let applied = apply(&mut plan, &edit, TODAY);
            let mut expected = fixture();
            expect(&mut expected);
            assert_eq!(
                applied,
                Ok(Applied {
                    created: created.map(String::from)
                }),
                "{edit:?}"
            );
            assert_eq!(plan, expected, "{edit:?}");
        }
    }

    #[test]
    fn every_kind_of_edit_has_a_direct_case() {
        let tested: Vec<String> = direct_cases().iter().map(|(edit, ..)| tag(edit)).collect();
        let untested: Vec<String> = every_tag()
            .into_iter()
            .filter(|t| !tested.contains(t))
            .collect();
        assert!(untested.is_empty(), "no direct case for {untested:?}");
    }

    #[test]
    fn edits_that_cannot_apply_are_refused_with_a_message_and_change_nothing() {
        use Edit::*;
        let s = |text: &str| text.to_string();
        let missing = |what: &str| EditError::Missing(what.into());
        let not_known = |id: &str, what| EditError::NotKnown {
            id: id.into(),
            what,
        };
        let anchor = "a REAP anchor this version knows";
        let question = "an outcome-clarity question this version knows";
        let metric = "a metric typed as four counts";
        let cases = [
            (
                SetAnchorStatus {
                    anchor: s("9.9"),
                    status: AnchorStatus::Met,
                },
                not_known("9.9", anchor),
            ),
            (
                SetAnchorEvidence {
                    anchor: s(" 1.1"),
                    evidence: s("x"),
                },
                not_known(" 1.1", anchor),
            ),
            (
                SetAnchorWho {
                    anchor: s(""),
                    who: s("x"),
                },
                not_known("", anchor),
            ),
            (
                SetAnchorReviewDate {
                    anchor: s("1"),
                    review_date: s("x"),
                },
                not_known("1", anchor),
            ),
            (
                AddActionForAnchor { anchor: s("7.7") },
                not_known("7.7", anchor),
            ),
            (
                RemoveSpecialist { id: s("es9") },
                missing("that Employment Specialist"),
            ),
            (
                SetSpecialistName {
                    id: s("es9"),
                    name: s("x"),
                },
                missing("that Employment Specialist"),
            ),
            (
                SetSpecialistCaseload {
                    id: s("es9"),
                    group: CaseloadGroup::Black,
                    value: s("1"),
                },
                missing("that Employment Specialist"),
            ),
            (
                SetDepartmentStage {
                    department: s("  "),
                    stage: Some(Stage::Starting),
                },
                EditError::BadValue(s("  ")),
            ),
            (
                SetClarityAnswer {
                    question: s("know_all"),
                    answer: None,
                },
                not_known("know_all", question),
            ),
            (
                SetClarityNote {
                    question: s("Shared_view"),
                    note: s("x"),
                },
                not_known("Shared_view", question),
            ),
            (
                RemoveParticipant { id: s("p9") },
                missing("that participant"),
            ),
            (
                SetParticipantName {
                    id: s("p9"),
                    name: s("x"),
                },
                missing("that participant"),
            ),
            (
                SetParticipantDepartment {
                    id: s("p9"),
                    department: s("x"),
                },
                missing("that participant"),
            ),
            (
                SetParticipantStage {
                    id: s("p9"),
                    stage: None,
                },
                missing("that participant"),
            ),
            (
                SetParticipantEvidence {
                    id: s("p9"),
                    evidence: s("x"),
                },
                missing("that participant"),
            ),
            (
                RemovePeriod { id: s("d9") },
                missing("that reporting period"),
            ),
            (
                SetPeriodLabel {
                    period: s("d9"),
                    label: s("x"),
                },
                missing("that reporting period"),
            ),
            (
                AddBand { period: s("d9") },
                missing("that reporting period"),
            ),
            (
                RemoveBand {
                    period: s("d9"),
                    band: s("b1"),
                },
                missing("that reporting period"),
            ),
            (
                RemoveBand {
                    period: s("d1"),
                    band: s("b9"),
                },
                missing("that pay band"),
            ),
            (
                SetBandName {
                    period: s("d1"),
                    band: s("b9"),
                    name: s("x"),
                },
                missing("that pay band"),
            ),
            (
                SetBandComparisonCount {
                    period: s("d9"),
                    band: s("b1"),
                    value: s("1"),
                },
                missing("that reporting period"),
            ),
            (
                SetBandReferenceCount {
                    period: s("d1"),
                    band: s("b9"),
                    value: s("1"),
                },
                missing("that pay band"),
            ),
            (
                SetMetricCount {
                    period: s("d9"),
                    metric: Metric::Appointment,
                    count: Count::NotStated,
                    value: s("1"),
                },
                missing("that reporting period"),
            ),
            (
                SetMetricCount {
                    period: s("d1"),
                    metric: Metric::PayBands,
                    count: Count::NotStated,
                    value: s("1"),
                },
                not_known("pay_bands", metric),
            ),
            (
                SetWhatWeKnow {
                    period: s("d1"),
                    metric: Metric::GoodServiceOutcome,
                    text: s("x"),
                },
                not_known("good_service_outcome", metric),
            ),
            (
                SetPopulationOfCategory {
                    category: EthnicCategory::NotStated,
                    value: s("1"),
                },
                not_known("Not stated / not known", "one of the 19 Census categories"),
            ),
            (
                SetActionText {
                    id: s("a9"),
                    text: s("x"),
                },
                missing("that action"),
            ),
            (
                SetActionWho {
                    id: s("a9"),
                    who: s("x"),
                },
                missing("that action"),
            ),
            (
                SetActionByWhen {
                    id: s("a9"),
                    by_when: s("x"),
                },
                missing("that action"),
            ),
            // The action is looked for first, then the breakthrough point.
            (
                SetActionBreakthrough {
                    id: s("a9"),
                    breakthrough: Some(s("bogus")),
                },
                missing("that action"),
            ),
            (
                SetActionBreakthrough {
                    id: s("a1"),
                    breakthrough: Some(s("starting.capacity")),
                },
                EditError::BadValue(s("starting.capacity")),
            ),
            (RemoveAction { id: s("a9") }, missing("that action")),
            (
                SetObjectiveTheme {
                    id: s("o1"),
                    theme: Some(s("Leadership and governance")),
                },
                EditError::BadValue(s("Leadership and governance")),
            ),
            (
                SetObjectiveTitle {
                    id: s("o9"),
                    title: s("x"),
                },
                missing("that objective"),
            ),
            (RemoveObjective { id: s("o9") }, missing("that objective")),
            (
                AddServiceFiguresToEvidence { anchor: s("3.3") },
                EditError::NotKnown {
                    id: s("3.3"),
                    what: "an anchor the service figures answer (1.1 or 1.2)",
                },
            ),
            (
                AddServiceFiguresToEvidence { anchor: s("1.2") },
                EditError::WouldOverwrite(
                    "There are no service figures to add yet. Type the counts on the Data screen first.",
                ),
            ),
            (
                SetStepDone {
                    step: s("step6"),
                    done: true,
                },
                EditError::NotKnown {
                    id: s("step6"),
                    what: "one of the five planning steps",
                },
            ),
            (
                SetVoiceEntry {
                    id: s("v1"),
                    field: crate::plan::VoiceField::How,
                    value: s("séance"),
                },
                EditError::BadValue(s("séance")),
            ),
            (
                SetVoiceEntry {
                    id: s("v9"),
                    field: crate::plan::VoiceField::Who,
                    value: s("x"),
                },
                missing("that staff-voice entry"),
            ),
            (
                RemoveVoiceEntry { id: s("v9") },
                missing("that staff-voice entry"),
            ),
            (
                AddActionForMetric {
                    metric: Metric::GoodServiceOutcome,
                },
                EditError::NotKnown {
                    id: s("good_service_outcome"),
                    what: "a Social Care WRES metric",
                },
            ),
            (
                SetActionMetric {
                    id: s("a1"),
                    metric: Metric::GoodServiceOutcome,
                    linked: true,
                },
                EditError::NotKnown {
                    id: s("good_service_outcome"),
                    what: "a Social Care WRES metric",
                },
            ),
            (AddAction { objective: s("o9") }, missing("that objective")),
            (
                SetActionStatus {
                    id: s("a9"),
                    status: crate::plan::ActionStatus::Done,
                },
                missing("that action"),
            ),
        ];
        for (edit, error) in cases {
            let mut plan = fixture();
            assert_eq!(apply(&mut plan, &edit, TODAY), Err(error), "{edit:?}");
            assert_eq!(plan, fixture(), "{edit:?} changed the plan");
        }
        assert_eq!(
            not_known("9.9", anchor).message(),
            "That change could not be made: \u{2018}9.9\u{2019} is not a REAP anchor this version knows. Reload the page and try again."
        );
    }

    #[test]
    fn lists_at_their_limit_and_rules_refuse_with_what_to_do() {
        let refuse = |plan: &mut Plan, edit: Edit| {
            let before = plan.clone();
            let refused = apply(plan, &edit, TODAY).unwrap_err();
            assert_eq!(*plan, before, "{edit:?} changed the plan");
            refused.message()
        };
        let mut plan = fixture();
        while plan.reap.specialists.len() < MAX_SPECIALISTS {
            apply(&mut plan, &Edit::AddSpecialist, TODAY).unwrap();
        }
        while plan.journey.participants.len() < MAX_PARTICIPANTS {
            apply(&mut plan, &Edit::AddParticipant, TODAY).unwrap();
        }
        while plan.data.periods.len() < MAX_PERIODS {
            apply(&mut plan, &Edit::AddPeriod, TODAY).unwrap();
        }
        let add_band = Edit::AddBand {
            period: "d1".into(),
        };
        while plan.data.periods[0].bands.len() < MAX_BANDS {
            apply(&mut plan, &add_band, TODAY).unwrap();
        }
        assert_eq!(
            refuse(&mut plan, Edit::AddSpecialist),
            "This plan already has the most Employment Specialists it can hold."
        );
        assert_eq!(
            refuse(&mut plan, Edit::AddParticipant),
            "This plan already has the most workshop participants it can hold."
        );
        assert_eq!(
            refuse(&mut plan, Edit::AddPeriod),
            "This plan already has the most reporting periods it can hold."
        );
        assert_eq!(
            refuse(&mut plan, add_band),
            "This plan already has the most pay bands it can hold."
        );

        plan.journey.agreed_stage = None;
        assert!(refuse(&mut plan, Edit::AddActionForAgreedStage)
            .contains("an agreed stage (choose the stage the group agrees first)"));
        plan.data.service.population = vec!["".into(), " 4 ".into()];
        assert!(refuse(&mut plan, Edit::UseNationalBaseline)
            .starts_with("The local population already has figures"));
    }

    #[test]
    fn an_edit_is_written_in_json_by_its_tag_and_the_framework_ids() {
        let edit = Edit::SetMetricCount {
            period: "d1".into(),
            metric: Metric::HarassmentFromPublic,
            count: Count::ReferenceTotal,
            value: " 12a".into(),
        };
        let json = serde_json::to_value(&edit).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"edit": "set_metric_count", "period": "d1",
                "metric": "harassment_from_public", "count": "rt", "value": " 12a"})
        );
        assert_eq!(serde_json::from_value::<Edit>(json).unwrap(), edit);
        let service = Edit::SetServiceCount {
            group: CaseloadGroup::NotStated,
            field: Field::Days,
            value: "30, 41".into(),
        };
        assert_eq!(
            serde_json::to_string(&service).unwrap(),
            r#"{"edit":"set_service_count","group":"not_stated","field":"d","value":"30, 41"}"#
        );
        assert_eq!(
            serde_json::to_string(&Edit::AddParticipant).unwrap(),
            r#"{"edit":"add_participant"}"#
        );
        for bad in [
            r#"{"edit":"set_service_count","group":"purple","field":"d","value":""}"#,
            r#"{"edit":"set_anchor_status","anchor":"1.1","status":"done"}"#,
            r#"{"edit":"explode"}"#,
        ] {
            assert!(serde_json::from_str::<Edit>(bad).is_err(), "{bad}");
        }
    }
}
