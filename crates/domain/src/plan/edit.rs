//! A shorthand for edits in tests: a field key and the text typed, or an action key, each read
//! into a typed [`Edit`] and applied by [`super::edits::apply`]. Compiled for tests only.
//!
//! The screens once sent these keys (`data-f`, `data-act`); since issue 18 they send typed edits
//! (`Planner::apply`), and the keys stay as a compact way to write the many behaviour tests here
//! and in `history.rs` (`set_field(&mut plan, "a/1.2/evidence", "…")`). [`Edit::from_field_key`]
//! and [`Edit::from_action_key`] refuse a key this version does not know, and a value that is not
//! one of a field's choices, before the plan is looked at; `apply` refuses the rest.
//!
//! Field keys (the value is the field's text, kept exactly as typed):
//! - `plan/title`, `plan/organisation`, `plan/team`, `plan/period`, `plan/term` (the words for
//!   the comparison group): "About this plan".
//! - `a/<anchor>/status` (an [`AnchorStatus::id`]), `a/<anchor>/evidence`, `a/<anchor>/who`,
//!   `a/<anchor>/review`: a REAP anchor's record.
//! - `s/<specialist id>/name`, `s/<specialist id>/<caseload group id>`: the anchor 3.3 table.
//! - `x/<action id>/text`, `x/<action id>/who`, `x/<action id>/by_when`: an action;
//!   `x/<action id>/breakthrough` (a breakthrough id, or empty): the one it answers.
//! - `journey/agreed` (a [`Stage::id`] or empty), `journey/strengths`, `journey/develop`,
//!   `journey/reassess`: the journey's own fields.
//! - `jd/<department name>` (a stage id or empty): a department's agreed stage. The name is
//!   everything after `jd/`, slashes included.
//! - `q/<question id>/answer` (an [`Answer::id`] or empty), `q/<question id>/note`.
//! - `o/<outcome area id>/objectives`, `/issue`, `/improved`: the outcomes framework.
//! - `p/<participant id>/name`, `/department`, `/stage`, `/evidence`: a workshop participant.
//! - `settings/reference` (`white` or `white_british`), `settings/convention` (`sc_wres` or
//!   `nhs_wres`): what the comparison group is compared with, and which way round ratios are.
//! - `dp/<period id>/label`: a reporting period's name.
//! - `db/<period id>/<band id>/name`, `/c`, `/r`: a pay band's name, and its comparison and
//!   reference group counts, kept as typed.
//! - `service/source`, `service/as_at`, `service/detailed` (`5` or `19`): the service figures'
//!   population source, when they were taken, and which population table is in use.
//! - `sp/g/<0..4>`, `sp/c/<0..18>`: the local population by the 5 groups or the 19 categories
//!   (ONS order), as typed.
//! - `sv/<caseload group id>/<field>` (a [`crate::service::Field::id`]: `t`, `r`, `c`, `j`, `e`,
//!   `s`, `d`): the service's counts for one group, as typed.
//! - `dm/<period id>/<metric id>/<count>` (a [`crate::wres::Count::id`]: `ce`, `ct`, `re`, `rt`,
//!   `ns`), kept as typed, and `dm/<period id>/<metric id>/know`: "what we know from our data".
//!
//! Action keys:
//! - `review`: start a REAP review (a dated snapshot).
//! - `add-action/<anchor>`: a new action linked to the anchor.
//! - `remove-action/<action id>`, `add-specialist`, `remove-specialist/<specialist id>`.
//! - `caseload-to-evidence`: add the 3.3 caseload comparison, dated, to anchor 3.3's evidence.
//! - `add-participant`, `remove-participant/<participant id>`.
//! - `add-journey-action`: a new action linked to the agreed stage as shown (after the cap).
//! - `record-assessment`: add the assessment as it stands to the timeline, dated today.
//! - `add-period`, `remove-period/<period id>`: SC-WRES reporting periods.
//! - `national-baseline`: the England and Wales figures as the 5 groups' population, only
//!   while those are blank (never over what was typed).
//! - `add-band/<period id>`, `remove-band/<period id>/<band id>`: pay bands (metric 1).

pub use super::edits::EditError;
use super::edits::{apply, Edit};
use super::{department_key, Plan};
#[cfg(test)]
use super::{
    DepartmentStage, MetricEntry, Participant, Period, MAX_BANDS, MAX_PARTICIPANTS, MAX_PERIODS,
    MAX_SPECIALISTS,
};
use crate::caseload::CaseloadGroup;
use crate::ethnicity::{EthnicCategory, EthnicGroup, ReferenceGroup};
use crate::journey::{Answer, OutcomeArea, Stage, CLARITY_QUESTIONS};
use crate::reap::{self, AnchorStatus};
use crate::stats::Convention;
use crate::wres::{self, Count};

/// Sets the field named by `key` to `value`.
pub fn set_field(plan: &mut Plan, key: &str, value: &str) -> Result<(), EditError> {
    // No field edit reads the date.
    apply(plan, &Edit::from_field_key(key, value)?, "").map(|_| ())
}

/// Carries out the action named by `key`, on `today` (YYYY-MM-DD). Returns the id of anything it
/// created, so the screen can move focus to it.
pub fn act(plan: &mut Plan, key: &str, today: &str) -> Result<Option<String>, EditError> {
    apply(plan, &Edit::from_action_key(key)?, today).map(|applied| applied.created)
}

impl Edit {
    /// The edit a field key (`data-f`) and the field's text stand for. Refuses a key this version
    /// does not know (`UnknownKey`), and a value that is not one of the field's choices
    /// (`BadValue`); whether the row it names is still in the plan is for `apply` to say.
    pub fn from_field_key(key: &str, value: &str) -> Result<Edit, EditError> {
        let unknown = || EditError::UnknownKey(key.to_string());
        let bad = || EditError::BadValue(value.to_string());
        let text = || value.to_string();
        // A stage, or none for an empty value.
        let stage = || match value {
            "" => Ok(None),
            id => Stage::from_id(id).map(Some).ok_or_else(bad),
        };
        if let Some(field) = key.strip_prefix("plan/") {
            return Ok(match field {
                "title" => Edit::SetTitle { title: text() },
                "organisation" => Edit::SetOrganisation {
                    organisation: text(),
                },
                "team" => Edit::SetTeam { team: text() },
                "period" => Edit::SetReportingPeriod {
                    reporting_period: text(),
                },
                "term" => Edit::SetComparisonGroupTerm { term: text() },
                _ => return Err(unknown()),
            });
        }
        if let Some(field) = key.strip_prefix("settings/") {
            return Ok(match (field, value) {
                ("reference", "white") => Edit::SetReferenceGroup {
                    group: ReferenceGroup::AllWhite,
                },
                ("reference", "white_british") => Edit::SetReferenceGroup {
                    group: ReferenceGroup::WhiteBritish,
                },
                ("convention", "sc_wres") => Edit::SetConvention {
                    convention: Convention::ScWres,
                },
                ("convention", "nhs_wres") => Edit::SetConvention {
                    convention: Convention::NhsWres,
                },
                ("reference" | "convention", _) => return Err(bad()),
                _ => return Err(unknown()),
            });
        }
        if let Some(field) = key.strip_prefix("service/") {
            return Ok(match (field, value) {
                ("source", _) => Edit::SetPopulationSource { source: text() },
                ("as_at", _) => Edit::SetServiceAsAt { as_at: text() },
                ("detailed", "19") => Edit::SetPopulationDetailed { detailed: true },
                ("detailed", "5") => Edit::SetPopulationDetailed { detailed: false },
                ("detailed", _) => return Err(bad()),
                _ => return Err(unknown()),
            });
        }
        if let Some(rest) = key.strip_prefix("step/") {
            let (step, field) = rest.split_once('/').ok_or_else(unknown)?;
            let step = step.to_string();
            return Ok(match field {
                "done" => Edit::SetStepDone {
                    step,
                    done: !value.is_empty(),
                },
                "date" => Edit::SetStepDate { step, date: text() },
                "notes" => Edit::SetStepNotes {
                    step,
                    notes: text(),
                },
                _ => return Err(unknown()),
            });
        }
        if let Some(rest) = key.strip_prefix("voice/") {
            let (id, field) = rest.split_once('/').ok_or_else(unknown)?;
            let field = super::VoiceField::ALL
                .into_iter()
                .find(|f| f.id() == field)
                .ok_or_else(unknown)?;
            return Ok(Edit::SetVoiceEntry {
                id: id.to_string(),
                field,
                value: text(),
            });
        }
        if let Some(field) = key.strip_prefix("header/") {
            let field = super::HeaderField::ALL
                .into_iter()
                .find(|f| f.id() == field)
                .ok_or_else(unknown)?;
            return Ok(Edit::SetPlanHeader {
                field,
                value: text(),
            });
        }
        if let Some(field) = key.strip_prefix("journey/") {
            return Ok(match field {
                "agreed" => Edit::SetAgreedStage { stage: stage()? },
                "strengths" => Edit::SetStrengths { strengths: text() },
                "develop" => Edit::SetToDevelop { to_develop: text() },
                "reassess" => Edit::SetReassessmentDate { date: text() },
                _ => return Err(unknown()),
            });
        }
        if let Some(name) = key.strip_prefix("jd/") {
            if department_key(name).is_empty() {
                return Err(unknown());
            }
            return Ok(Edit::SetDepartmentStage {
                department: name.to_string(),
                stage: stage()?,
            });
        }
        let mut parts = key.splitn(3, '/');
        let (kind, id, field) = (
            parts.next().ok_or_else(unknown)?,
            parts.next().ok_or_else(unknown)?,
            parts.next().ok_or_else(unknown)?,
        );
        let id_ = || id.to_string();
        Ok(match kind {
            "a" => {
                let anchor = reap::anchor(id).ok_or_else(unknown)?.id.to_string();
                match field {
                    "status" => Edit::SetAnchorStatus {
                        anchor,
                        status: AnchorStatus::from_id(value).ok_or_else(bad)?,
                    },
                    "evidence" => Edit::SetAnchorEvidence {
                        anchor,
                        evidence: text(),
                    },
                    "who" => Edit::SetAnchorWho {
                        anchor,
                        who: text(),
                    },
                    "review" => Edit::SetAnchorReviewDate {
                        anchor,
                        review_date: text(),
                    },
                    _ => return Err(unknown()),
                }
            }
            "s" => match field {
                "name" => Edit::SetSpecialistName {
                    id: id_(),
                    name: text(),
                },
                group => Edit::SetSpecialistCaseload {
                    id: id_(),
                    group: CaseloadGroup::from_id(group).ok_or_else(unknown)?,
                    value: text(),
                },
            },
            "q" => {
                let question = CLARITY_QUESTIONS
                    .iter()
                    .find(|q| q.id == id)
                    .ok_or_else(unknown)?
                    .id
                    .to_string();
                match (field, value) {
                    ("answer", "") => Edit::SetClarityAnswer {
                        question,
                        answer: None,
                    },
                    ("answer", id) => Edit::SetClarityAnswer {
                        question,
                        answer: Some(Answer::from_id(id).ok_or_else(bad)?),
                    },
                    ("note", _) => Edit::SetClarityNote {
                        question,
                        note: text(),
                    },
                    _ => return Err(unknown()),
                }
            }
            "o" => {
                let area = OutcomeArea::ALL
                    .into_iter()
                    .find(|a| a.id() == id)
                    .ok_or_else(unknown)?;
                match field {
                    "objectives" => Edit::SetOutcomeObjectives {
                        area,
                        objectives: text(),
                    },
                    "issue" => Edit::SetOutcomeIssueEvidence {
                        area,
                        issue_evidence: text(),
                    },
                    "improved" => Edit::SetOutcomeImprovementMeasures {
                        area,
                        improvement_measures: text(),
                    },
                    _ => return Err(unknown()),
                }
            }
            "p" => match field {
                "name" => Edit::SetParticipantName {
                    id: id_(),
                    name: text(),
                },
                "department" => Edit::SetParticipantDepartment {
                    id: id_(),
                    department: text(),
                },
                "stage" => Edit::SetParticipantStage {
                    id: id_(),
                    stage: stage()?,
                },
                "evidence" => Edit::SetParticipantEvidence {
                    id: id_(),
                    evidence: text(),
                },
                _ => return Err(unknown()),
            },
            "sp" => {
                // Read as a number the way the screens have always been read ("+3" is 3).
                let i: usize = field.parse().map_err(|_| unknown())?;
                match id {
                    "g" => Edit::SetPopulation {
                        group: *EthnicGroup::ALL.get(i).ok_or_else(unknown)?,
                        value: text(),
                    },
                    "c" => Edit::SetPopulationOfCategory {
                        // The first 19 are the Census categories; the 20th is "not stated".
                        category: *EthnicCategory::ALL[..19].get(i).ok_or_else(unknown)?,
                        value: text(),
                    },
                    _ => return Err(unknown()),
                }
            }
            "sv" => Edit::SetServiceCount {
                group: CaseloadGroup::from_id(id).ok_or_else(unknown)?,
                field: crate::service::Field::from_id(field).ok_or_else(unknown)?,
                value: text(),
            },
            "dp" => match field {
                "label" => Edit::SetPeriodLabel {
                    period: id_(),
                    label: text(),
                },
                _ => return Err(unknown()),
            },
            "db" => {
                let (band, field) = field.split_once('/').ok_or_else(unknown)?;
                let (period, band) = (id_(), band.to_string());
                match field {
                    "name" => Edit::SetBandName {
                        period,
                        band,
                        name: text(),
                    },
                    "c" => Edit::SetBandComparisonCount {
                        period,
                        band,
                        value: text(),
                    },
                    "r" => Edit::SetBandReferenceCount {
                        period,
                        band,
                        value: text(),
                    },
                    _ => return Err(unknown()),
                }
            }
            "dm" => {
                let (metric, field) = field.split_once('/').ok_or_else(unknown)?;
                let metric = wres::metric_from_id(metric)
                    .filter(|m| wres::ENTERED.contains(m))
                    .ok_or_else(unknown)?;
                match field {
                    "know" => Edit::SetWhatWeKnow {
                        period: id_(),
                        metric,
                        text: text(),
                    },
                    count => Edit::SetMetricCount {
                        period: id_(),
                        metric,
                        count: Count::from_id(count).ok_or_else(unknown)?,
                        value: text(),
                    },
                }
            }
            "ob" => match field {
                "title" => Edit::SetObjectiveTitle {
                    id: id_(),
                    title: text(),
                },
                "lead" => Edit::SetObjectiveLead {
                    id: id_(),
                    lead: text(),
                },
                // Checked by `apply`.
                "theme" => Edit::SetObjectiveTheme {
                    id: id_(),
                    theme: Some(text()).filter(|t| !t.is_empty()),
                },
                "indicators" => Edit::SetObjectiveIndicators {
                    id: id_(),
                    indicators: text(),
                },
                _ => return Err(unknown()),
            },
            "x" => match field {
                "status" => Edit::SetActionStatus {
                    id: id_(),
                    status: super::ActionStatus::from_id(value).ok_or_else(bad)?,
                },
                "progress" => Edit::SetActionProgress {
                    id: id_(),
                    progress: text(),
                },
                // "x/a1/metric/leaving", "1" links it; "" unlinks.
                metric if metric.starts_with("metric/") => Edit::SetActionMetric {
                    id: id_(),
                    metric: wres::metric_from_id(&metric["metric/".len()..]).ok_or_else(unknown)?,
                    linked: !value.is_empty(),
                },
                "text" => Edit::SetActionText {
                    id: id_(),
                    text: text(),
                },
                "who" => Edit::SetActionWho {
                    id: id_(),
                    who: text(),
                },
                "by_when" => Edit::SetActionByWhen {
                    id: id_(),
                    by_when: text(),
                },
                // Checked by `apply`, after the action is found.
                "breakthrough" => Edit::SetActionBreakthrough {
                    id: id_(),
                    breakthrough: Some(text()).filter(|id| !id.is_empty()),
                },
                _ => return Err(unknown()),
            },
            _ => return Err(unknown()),
        })
    }

    /// The edit an action key (`data-act`) stands for. Refuses a key this version does not know.
    /// As before typed edits, what follows the name of an action that takes no id is ignored
    /// (`review/x` starts a review).
    pub fn from_action_key(key: &str) -> Result<Edit, EditError> {
        let unknown = || EditError::UnknownKey(key.to_string());
        let (name, arg) = key.split_once('/').unwrap_or((key, ""));
        let id = || arg.to_string();
        Ok(match name {
            "review" => Edit::StartReview,
            "add-action" => Edit::AddActionForAnchor {
                anchor: reap::anchor(arg).ok_or_else(unknown)?.id.to_string(),
            },
            "remove-action" => Edit::RemoveAction { id: id() },
            "add-objective" => Edit::AddObjective,
            "add-voice" => Edit::AddVoiceEntry,
            "service-to-evidence" => Edit::AddServiceFiguresToEvidence { anchor: id() },
            "remove-voice" => Edit::RemoveVoiceEntry { id: id() },
            "add-metric-action" => Edit::AddActionForMetric {
                metric: crate::wres::metric_from_id(arg).ok_or_else(unknown)?,
            },
            "remove-objective" => Edit::RemoveObjective { id: id() },
            "add-action-to" => Edit::AddAction { objective: id() },
            "add-specialist" => Edit::AddSpecialist,
            "remove-specialist" => Edit::RemoveSpecialist { id: id() },
            "caseload-to-evidence" => Edit::AddCaseloadToEvidence,
            "add-participant" => Edit::AddParticipant,
            "remove-participant" => Edit::RemoveParticipant { id: id() },
            "add-journey-action" => Edit::AddActionForAgreedStage,
            "national-baseline" => Edit::UseNationalBaseline,
            "add-period" => Edit::AddPeriod,
            "add-band" => Edit::AddBand { period: id() },
            "remove-band" => {
                let (period, band) = arg.split_once('/').ok_or_else(unknown)?;
                Edit::RemoveBand {
                    period: period.to_string(),
                    band: band.to_string(),
                }
            }
            "remove-period" => Edit::RemovePeriod { id: id() },
            "record-assessment" => Edit::RecordAssessment,
            _ => return Err(unknown()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Planner::edit` keeps a change only if the change log can describe it, so every key a
    /// screen can send must change the plan in a way `history` sees. A key missing from the log
    /// would be dropped silently (a new pay band was, until its log line was added).
    #[test]
    fn service_figures_are_kept_as_typed_and_the_national_ones_never_overwrite_them() {
        let mut plan = Plan::default();
        set_field(&mut plan, "sv/white/c", "96").unwrap();
        set_field(&mut plan, "sv/black/c", " 18a").unwrap();
        let service = &plan.data.service;
        let groups: Vec<&str> = service.rows.iter().map(|r| r.group.as_str()).collect();
        assert_eq!(groups, ["black", "white"], "in the screen's order");
        assert_eq!(service.rows[0].caseload, " 18a");
        set_field(&mut plan, "sv/black/c", "").unwrap();
        assert_eq!(plan.data.service.rows.len(), 1, "an empty row is not kept");
        assert!(matches!(
            set_field(&mut plan, "sv/purple/c", "1"),
            Err(EditError::UnknownKey(_))
        ));
        assert!(matches!(
            set_field(&mut plan, "sp/g/5", "1"),
            Err(EditError::UnknownKey(_))
        ));

        set_field(&mut plan, "sp/c/18", "300").unwrap();
        assert_eq!(plan.data.service.population_categories.len(), 19);
        set_field(&mut plan, "service/detailed", "19").unwrap();
        assert_eq!(
            act(&mut plan, "national-baseline", "2026-11-29"),
            Ok(Some("national".into()))
        );
        let service = &plan.data.service;
        assert_eq!(service.population, ["9.3", "4.0", "2.9", "81.7", "2.1"]);
        assert!(!service.population_detailed);
        assert_eq!(
            service.population_categories[18], "300",
            "the 19 categories are kept"
        );
        assert!(service
            .population_source
            .starts_with("England and Wales, Census 2021"));

        set_field(&mut plan, "sp/g/0", "12.5").unwrap();
        let before = plan.clone();
        let refused = act(&mut plan, "national-baseline", "2026-11-29").unwrap_err();
        assert!(refused.message().contains("already has figures"));
        assert_eq!(plan, before);
        set_field(&mut plan, "sp/g/4", "").unwrap();
        assert_eq!(
            plan.data.service.population.len(),
            4,
            "trailing blanks are dropped"
        );
    }

    #[test]
    fn every_edit_key_is_recorded_in_the_change_log() {
        let mut plan = Plan::example();
        act(&mut plan, "add-band/d1", "2026-11-29").unwrap();
        act(&mut plan, "add-voice", "2026-11-29").unwrap();
        // The national figures go only where the five groups are blank.
        plan.data.service.population.clear();
        let fields = [
            ("service/source", "New source"),
            ("service/as_at", "July to September 2026"),
            ("service/detailed", "19"),
            ("sp/g/1", "5"),
            ("sp/c/18", "7"),
            ("sv/black/t", "12"),
            ("sv/black/r", "44"),
            ("sv/black/c", "3"),
            ("sv/black/j", "1"),
            ("sv/black/e", "5"),
            ("sv/black/s", "1"),
            ("sv/black/d", "30"),
            ("plan/title", "New title"),
            ("plan/organisation", "New organisation"),
            ("plan/team", "New team"),
            ("plan/period", "2027-28"),
            ("plan/term", "colleagues who experience racism"),
            ("settings/reference", "white_british"),
            ("settings/convention", "nhs_wres"),
            ("journey/agreed", "achieving"),
            ("journey/strengths", "More strengths"),
            ("journey/develop", "More to develop"),
            ("journey/reassess", "2028-01-31"),
            ("jd/Inpatient services", "achieving"),
            ("q/tangible_outcomes/answer", "no"),
            ("q/tangible_outcomes/note", "A new note"),
            ("o/employment/objectives", "New objectives"),
            ("o/employment/issue", "New evidence"),
            ("o/employment/improved", "New measures"),
            ("p/p1/name", "New name"),
            ("p/p1/department", "New department"),
            ("p/p1/stage", "resisting"),
            ("p/p1/evidence", "New evidence"),
            ("a/1.1/status", "not_met"),
            ("a/1.1/evidence", "New evidence"),
            ("a/1.1/who", "New person"),
            ("a/1.1/review", "2028-01-31"),
            ("s/es1/name", "New initials"),
            ("s/es1/black", "99"),
            ("x/a1/text", "New action"),
            ("x/a1/who", "New person"),
            ("x/a1/by_when", "2028-01-31"),
            ("x/a1/breakthrough", "starting.leadership"),
            ("x/a1/status", "done"),
            ("x/a1/progress", "New progress"),
            ("x/a1/metric/cpd", "1"),
            ("ob/o1/title", "New objective"),
            ("ob/o1/lead", "New lead"),
            ("ob/o1/theme", "Employee voice"),
            ("ob/o1/indicators", "New indicators"),
            ("header/senior_sponsors", "New sponsor"),
            ("step/consult/done", "1"),
            ("step/consult/date", "2026-10-31"),
            ("step/final/notes", "New notes"),
            ("voice/v1/date", "2026-02-01"),
            ("voice/v1/how", "survey"),
            ("voice/v1/who", "New people"),
            ("voice/v1/feedback", "New feedback"),
            ("voice/v1/changed", "New change"),
            ("header/programme_leads", "New lead"),
            ("header/staff_voice_leads", "New lead"),
            ("header/principal_social_workers", "New PSW"),
            ("header/employees", "1,200"),
            ("header/how_agreed", "New words"),
            ("header/how_evaluated", "New words"),
            ("dp/d1/label", "New period"),
            ("dm/d1/appointment/ce", "7"),
            ("dm/d1/appointment/know", "New words"),
            ("db/d1/b1/name", "Grade 3"),
            ("db/d1/b1/c", "4"),
            ("db/d1/b1/r", "5"),
        ];
        for (key, value) in fields {
            let mut after = plan.clone();
            set_field(&mut after, key, value).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            assert!(
                super::super::record_changes(&mut after, &plan, "2026-11-29T12:00:00Z"),
                "{key} changed nothing"
            );
            assert_ne!(
                after.history.last().map(|c| c.about.as_str()),
                Some("plan"),
                "{key} changed the plan without a line of its own in the change log"
            );
        }
        let acts = [
            "review",
            "add-action/1.2",
            "remove-action/a1",
            "add-objective",
            "add-metric-action/cpd",
            "service-to-evidence/1.1",
            "add-voice",
            "remove-voice/v1",
            "remove-objective/o1",
            "add-action-to/o1",
            "add-specialist",
            "remove-specialist/es1",
            "caseload-to-evidence",
            "add-participant",
            "remove-participant/p1",
            "add-journey-action",
            "record-assessment",
            "add-period",
            "remove-period/d1",
            "add-band/d2",
            "remove-band/d1/b1",
            "national-baseline",
        ];
        for key in acts {
            let mut after = plan.clone();
            act(&mut after, key, "2026-11-29").unwrap_or_else(|e| panic!("{key}: {e:?}"));
            assert!(
                super::super::record_changes(&mut after, &plan, "2026-11-29T12:00:00Z"),
                "{key} changed nothing"
            );
            assert_ne!(
                after.history.last().map(|c| c.about.as_str()),
                Some("plan"),
                "{key} changed the plan without a line of its own in the change log"
            );
        }
    }

    #[test]
    fn pay_bands_are_added_typed_into_and_removed() {
        let mut plan = Plan::default();
        act(&mut plan, "add-period", "2026-11-29").unwrap();
        assert_eq!(
            act(&mut plan, "add-band/d1", "").unwrap(),
            Some("d1-b1".into())
        );
        assert_eq!(
            act(&mut plan, "add-band/d1", "").unwrap(),
            Some("d1-b2".into())
        );
        set_field(&mut plan, "db/d1/b1/name", " Grade 3 ").unwrap();
        set_field(&mut plan, "db/d1/b1/c", "12a").unwrap();
        set_field(&mut plan, "db/d1/b2/r", "40").unwrap();
        let bands = &plan.data.periods[0].bands;
        assert_eq!(
            (bands[0].name.as_str(), bands[0].comparison.as_str()),
            (" Grade 3 ", "12a")
        );
        assert_eq!(bands[1].reference, "40");
        let before = plan.clone();
        assert_eq!(
            set_field(&mut plan, "db/d1/b9/c", "1"),
            Err(EditError::Missing("that pay band".into()))
        );
        assert_eq!(
            set_field(&mut plan, "db/d1/b1/x", "1"),
            Err(EditError::UnknownKey("db/d1/b1/x".into()))
        );
        assert_eq!(
            act(&mut plan, "remove-band/d1/b9", ""),
            Err(EditError::Missing("that pay band".into()))
        );
        assert_eq!(plan, before);
        act(&mut plan, "remove-band/d1/b1", "").unwrap();
        assert_eq!(plan.data.periods[0].bands.len(), 1);
        assert_eq!(plan.data.periods[0].bands[0].id, "b2");
        for _ in 1..MAX_BANDS {
            act(&mut plan, "add-band/d1", "").unwrap();
        }
        assert_eq!(
            act(&mut plan, "add-band/d1", ""),
            Err(EditError::Full("pay bands"))
        );
    }

    #[test]
    fn the_reference_group_and_the_convention_are_chosen_from_their_lists() {
        let mut plan = Plan::default();
        set_field(&mut plan, "settings/reference", "white_british").unwrap();
        set_field(&mut plan, "settings/convention", "nhs_wres").unwrap();
        assert_eq!(plan.settings.reference_group, "white_british");
        assert_eq!(plan.settings.ratio_convention, Convention::NhsWres);
        let before = plan.clone();
        assert_eq!(
            set_field(&mut plan, "settings/reference", "black"),
            Err(EditError::BadValue("black".into()))
        );
        assert_eq!(
            set_field(&mut plan, "settings/convention", ""),
            Err(EditError::BadValue(String::new()))
        );
        assert_eq!(
            set_field(&mut plan, "settings/range", "0.8"),
            Err(EditError::UnknownKey("settings/range".into()))
        );
        assert_eq!(plan, before);
        set_field(&mut plan, "settings/reference", "white").unwrap();
        set_field(&mut plan, "settings/convention", "sc_wres").unwrap();
        assert_eq!(plan.settings, Plan::default().settings);
    }

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

    // ---- The journey's keys ----------------------------------------------------------------

    /// A plan with one participant ("p1") and one action ("a1") for the journey keys to edit.
    fn journey_plan() -> Plan {
        let mut plan = Plan::default();
        act(&mut plan, "add-participant", "2026-01-01").unwrap();
        plan.action_plan.add_action_for_anchor("1.1");
        plan
    }

    #[test]
    fn the_journeys_own_fields_are_set_by_key_and_keep_text_as_typed() {
        let mut plan = Plan::default();
        set_field(&mut plan, "journey/agreed", "developing").unwrap();
        set_field(
            &mut plan,
            "journey/strengths",
            "  A steering group <that meets>\nmonthly ",
        )
        .unwrap();
        set_field(&mut plan, "journey/develop", "Ask communities & staff").unwrap();
        set_field(&mut plan, "journey/reassess", "after the spring board").unwrap();
        let journey = &plan.journey;
        assert_eq!(journey.agreed_stage, Some(Stage::Developing));
        assert_eq!(
            journey.strengths,
            "  A steering group <that meets>\nmonthly "
        );
        assert_eq!(journey.to_develop, "Ask communities & staff");
        assert_eq!(journey.reassessment_date, "after the spring board");
        set_field(&mut plan, "journey/agreed", "").unwrap();
        assert_eq!(
            plan.journey.agreed_stage, None,
            "an empty choice clears the stage"
        );
        assert_eq!(
            plan.journey.strengths,
            "  A steering group <that meets>\nmonthly "
        );
    }

    #[test]
    fn clarity_answers_and_notes_are_set_by_question() {
        let mut plan = Plan::default();
        set_field(&mut plan, "q/shared_view/answer", "no").unwrap();
        set_field(
            &mut plan,
            "q/shared_view/note",
            " Staff survey says otherwise\n(see p. 4) ",
        )
        .unwrap();
        set_field(&mut plan, "q/know_inequalities/answer", "not_sure").unwrap();
        let record = plan.journey.clarity_record("shared_view").unwrap();
        assert_eq!(record.answer, Some(Answer::No));
        assert_eq!(record.note, " Staff survey says otherwise\n(see p. 4) ");
        assert_eq!(
            plan.journey.clarity_answers(),
            [Some(Answer::NotSure), Some(Answer::No), None, None],
            "in the questions' order"
        );
        // The "no" caps a Developing stage at Starting.
        set_field(&mut plan, "journey/agreed", "developing").unwrap();
        assert_eq!(
            plan.journey.overall().map(|o| o.stage),
            Some(Stage::Starting)
        );
        // Clearing the answer keeps the note; clearing both leaves the question untouched.
        set_field(&mut plan, "q/shared_view/answer", "").unwrap();
        let record = plan.journey.clarity_record("shared_view").unwrap();
        assert_eq!(record.answer, None);
        assert!(!record.note.is_empty());
        set_field(&mut plan, "q/shared_view/note", "").unwrap();
        set_field(&mut plan, "q/know_inequalities/answer", "").unwrap();
        assert!(plan.journey.clarity.is_empty());
    }

    #[test]
    fn outcome_records_are_set_by_area_and_field() {
        let mut plan = Plan::default();
        set_field(
            &mut plan,
            "o/employment/objectives",
            "Fairer shortlisting\n",
        )
        .unwrap();
        set_field(&mut plan, "o/employment/issue", "WRES 2: 0.6 <likely>").unwrap();
        set_field(
            &mut plan,
            "o/employment/improved",
            "Ratio within 0.8 to 1.25",
        )
        .unwrap();
        set_field(&mut plan, "o/service_outcomes/issue", "Complaints data").unwrap();
        let employment = plan.journey.outcome_record("employment").unwrap();
        assert_eq!(employment.objectives, "Fairer shortlisting\n");
        assert_eq!(employment.issue_evidence, "WRES 2: 0.6 <likely>");
        assert_eq!(employment.improvement_measures, "Ratio within 0.8 to 1.25");
        assert_eq!(
            plan.journey
                .outcome_record("service_outcomes")
                .unwrap()
                .issue_evidence,
            "Complaints data"
        );
        assert_eq!(plan.journey.outcomes.len(), 2);
        set_field(&mut plan, "o/service_outcomes/issue", "").unwrap();
        assert!(
            plan.journey.outcome_record("service_outcomes").is_none(),
            "a blank record goes"
        );
        assert_eq!(plan.journey.outcomes.len(), 1);
    }

    #[test]
    fn participant_fields_are_set_by_id_and_keep_text_as_typed() {
        let mut plan = journey_plan();
        set_field(&mut plan, "p/p1/name", "Service manager <fictional>").unwrap();
        set_field(&mut plan, "p/p1/department", " Inpatient services ").unwrap();
        set_field(&mut plan, "p/p1/stage", "intending").unwrap();
        set_field(
            &mut plan,
            "p/p1/evidence",
            "Training done;\nno outcomes yet",
        )
        .unwrap();
        let p = &plan.journey.participants[0];
        assert_eq!(p.name, "Service manager <fictional>");
        assert_eq!(p.department, " Inpatient services ");
        assert_eq!(p.stage, Some(Stage::Intending));
        assert_eq!(p.evidence, "Training done;\nno outcomes yet");
        set_field(&mut plan, "p/p1/stage", "").unwrap();
        assert_eq!(plan.journey.participants[0].stage, None);
    }

    #[test]
    fn bad_journey_values_and_unknown_ids_are_refused_without_changing_the_plan() {
        let mut plan = journey_plan();
        let before = plan.clone();
        let bad = |value: &str| Err(EditError::BadValue(value.into()));
        for (key, value) in [
            ("journey/agreed", "Developing"),
            ("journey/agreed", "nearly there"),
            ("jd/Housing", "achieved"),
            ("q/shared_view/answer", "maybe"),
            ("q/shared_view/answer", "No"),
            ("p/p1/stage", "starting "),
            ("x/a1/breakthrough", "starting.capacity"),
        ] {
            assert_eq!(set_field(&mut plan, key, value), bad(value), "{key}");
            assert_eq!(plan, before, "{key} = {value} changed the plan");
        }
        for key in [
            "journey/colour",
            "journey",
            "q/know_all/answer",
            "q/shared_view/colour",
            "q/shared_view",
            "o/health/objectives",
            "o/employment/colour",
            "o/Employment/objectives",
            "p/p1/colour",
            "x/a1/stage",
        ] {
            assert_eq!(
                set_field(&mut plan, key, "x"),
                Err(EditError::UnknownKey(key.into())),
                "{key}"
            );
            assert_eq!(plan, before, "{key} changed the plan");
        }
        assert_eq!(
            set_field(&mut plan, "p/p9/name", "A"),
            Err(EditError::Missing("that participant".into()))
        );
        assert_eq!(
            set_field(&mut plan, "x/a9/breakthrough", "starting.leadership"),
            Err(EditError::Missing("that action".into()))
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn participants_are_added_with_fresh_ids_up_to_the_limit_and_removed() {
        let mut plan = Plan::default();
        let first = act(&mut plan, "add-participant", "2026-01-01").unwrap();
        let second = act(&mut plan, "add-participant", "2026-01-01").unwrap();
        assert_eq!(
            (first.as_deref(), second.as_deref()),
            (Some("p1"), Some("p2"))
        );
        assert_eq!(
            plan.journey.participants[1],
            Participant {
                id: "p2".into(),
                ..Participant::default()
            }
        );
        act(&mut plan, "remove-participant/p1", "2026-01-01").unwrap();
        let ids: Vec<&str> = plan
            .journey
            .participants
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, ["p2"]);
        let before = plan.clone();
        assert_eq!(
            act(&mut plan, "remove-participant/p1", "2026-01-01"),
            Err(EditError::Missing("that participant".into()))
        );
        assert_eq!(plan, before);
        while plan.journey.participants.len() < MAX_PARTICIPANTS {
            act(&mut plan, "add-participant", "2026-01-01").unwrap();
        }
        let full = plan.clone();
        let refused = act(&mut plan, "add-participant", "2026-01-01");
        assert_eq!(refused, Err(EditError::Full("workshop participants")));
        assert_eq!(
            refused.unwrap_err().message(),
            "This plan already has the most workshop participants it can hold."
        );
        assert_eq!(plan, full);
    }

    #[test]
    fn a_journey_action_needs_an_agreed_stage_and_is_linked_to_it() {
        let mut plan = Plan::default();
        let refused = act(&mut plan, "add-journey-action", "2026-01-01");
        assert_eq!(
            refused,
            Err(EditError::Missing(
                "an agreed stage (choose the stage the group agrees first)".into()
            ))
        );
        assert_eq!(
            refused.unwrap_err().message(),
            "That change could not be made: an agreed stage (choose the stage the group agrees first) is no longer in this plan. It may have been removed in another tab."
        );
        assert_eq!(plan, Plan::default());

        set_field(&mut plan, "journey/agreed", "developing").unwrap();
        let id = act(&mut plan, "add-journey-action", "2026-01-01")
            .unwrap()
            .unwrap();
        let second = act(&mut plan, "add-journey-action", "2026-01-01")
            .unwrap()
            .unwrap();
        assert_eq!((id.as_str(), second.as_str()), ("a1", "a2"));
        let objectives = &plan.action_plan.objectives;
        assert_eq!(objectives.len(), 1, "both actions share one objective");
        assert_eq!(objectives[0].title, "Journey: Developing");
        assert_eq!(objectives[0].actions[0].stages, [Stage::Developing]);
        assert!(objectives[0].actions[0].anchors.is_empty());
        let linked: Vec<&str> = plan
            .action_plan
            .actions_for_stage(Stage::Developing)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(linked, ["a1", "a2"]);
        assert!(plan
            .action_plan
            .actions_for_stage(Stage::Starting)
            .is_empty());
    }

    #[test]
    fn an_actions_breakthrough_is_a_known_id_or_none() {
        let mut plan = journey_plan();
        set_field(&mut plan, "x/a1/breakthrough", "developing.capacity").unwrap();
        let action = || plan.action_plan.objectives[0].actions[0].clone();
        assert_eq!(action().breakthroughs, ["developing.capacity"]);
        let mut plan2 = plan.clone();
        set_field(&mut plan2, "x/a1/breakthrough", "achieving.leadership").unwrap();
        assert_eq!(
            plan2.action_plan.objectives[0].actions[0].breakthroughs,
            ["achieving.leadership"],
            "one breakthrough at a time: a new one replaces the old"
        );
        set_field(&mut plan2, "x/a1/breakthrough", "").unwrap();
        assert!(plan2.action_plan.objectives[0].actions[0]
            .breakthroughs
            .is_empty());
        assert_eq!(action().anchors, ["1.1"], "the anchor link is kept");
    }

    #[test]
    fn department_keys_with_slashes_case_and_spaces_name_one_department() {
        let mut plan = Plan::default();
        let department = |name: &str, stage: Stage| DepartmentStage {
            department: name.into(),
            stage: Some(stage),
        };
        set_field(&mut plan, "jd/Adults / Older people", "starting").unwrap();
        assert_eq!(
            plan.journey.department_stages,
            [department("Adults / Older people", Stage::Starting)],
            "everything after jd/ is the name, slashes included"
        );
        assert_eq!(
            plan.journey.department_stage("adults / older people"),
            Some(Stage::Starting)
        );
        set_field(&mut plan, "jd/  ADULTS / older PEOPLE ", "developing").unwrap();
        assert_eq!(
            plan.journey.department_stages,
            [department("ADULTS / older PEOPLE", Stage::Developing)],
            "one entry per department, kept as last typed (trimmed)"
        );
        assert_eq!(
            plan.journey.department_stage("Adults / Older people"),
            Some(Stage::Developing)
        );
        assert_eq!(
            department_key(" Adults / Older People "),
            "adults / older people"
        );
        set_field(&mut plan, "jd/Housing", "intending").unwrap();
        set_field(&mut plan, "jd/adults / older people", "").unwrap();
        assert_eq!(
            plan.journey.department_stages,
            [department("Housing", Stage::Intending)],
            "an empty choice clears that department only"
        );
        assert_eq!(
            plan.journey.department_stage("housing"),
            Some(Stage::Intending)
        );
    }

    #[test]
    fn recording_an_assessment_dates_it_today() {
        let mut plan = Plan::default();
        set_field(&mut plan, "journey/agreed", "intending").unwrap();
        assert_eq!(act(&mut plan, "record-assessment", "2026-09-15"), Ok(None));
        assert_eq!(plan.journey.past.len(), 1);
        assert_eq!(plan.journey.past[0].date, "2026-09-15");
        assert_eq!(plan.journey.past[0].stage, Some(Stage::Intending));
    }

    fn data_plan() -> Plan {
        let mut plan = Plan::default();
        assert_eq!(act(&mut plan, "add-period", ""), Ok(Some("d1".into())));
        plan
    }

    #[test]
    fn period_names_and_metric_counts_are_set_by_key_and_kept_as_typed() {
        let mut plan = data_plan();
        set_field(&mut plan, "dp/d1/label", " 2023-24 ").unwrap();
        for (count, value) in [
            ("ce", "41"),
            ("ct", "1,000"),
            ("re", "12a"),
            ("rt", " 90 "),
            ("ns", "0"),
        ] {
            set_field(&mut plan, &format!("dm/d1/appointment/{count}"), value).unwrap();
        }
        set_field(
            &mut plan,
            "dm/d1/appointment/know",
            "  Panels <b>vary</b>\n",
        )
        .unwrap();
        set_field(&mut plan, "dm/d1/senior_roles/know", "Asked HR").unwrap();
        let period = &plan.data.periods[0];
        assert_eq!(period.label, " 2023-24 ");
        assert_eq!(
            period.metrics,
            [
                MetricEntry {
                    metric: "appointment".into(),
                    comparison_events: "41".into(),
                    comparison_total: "1,000".into(),
                    reference_events: "12a".into(),
                    reference_total: " 90 ".into(),
                    not_stated: "0".into(),
                    what_we_know: "  Panels <b>vary</b>\n".into(),
                    // Remembered when the text was typed (after the counts, in this test).
                    what_we_know_for: "41,1000,12a,90|sc_wres|white|0.8-1.25".into(),
                },
                MetricEntry {
                    metric: "senior_roles".into(),
                    what_we_know: "Asked HR".into(),
                    what_we_know_for: ",,,|sc_wres|white|0.8-1.25".into(),
                    ..MetricEntry::default()
                },
            ],
            "one entry per metric, in the order first typed, each field as typed"
        );
        set_field(&mut plan, "dm/d1/appointment/ce", "42").unwrap();
        assert_eq!(plan.data.periods[0].metrics.len(), 2);
        assert_eq!(plan.data.periods[0].metrics[0].comparison_events, "42");
    }

    #[test]
    fn bad_data_keys_are_refused_without_changing_the_plan() {
        let mut plan = data_plan();
        set_field(&mut plan, "dm/d1/leaving/ce", "3").unwrap();
        let before = plan.clone();
        for key in [
            "dm/d1/bands/ce",
            "dm/d1/pay_bands/ce",
            "dm/d1/good_service_outcome/ct",
            "dm/d1/leaving/xx",
            "dm/d1/leaving/metric",
            "dm/d1/leaving",
            "dm/d1/leaving/ce/extra",
            "dp/d1/figures",
            "dp/d1",
        ] {
            assert_eq!(
                set_field(&mut plan, key, "5"),
                Err(EditError::UnknownKey(key.into())),
                "{key}"
            );
        }
        for key in ["dp/d9/label", "dm/d9/leaving/ce", "dm/d9/appointment/know"] {
            assert_eq!(
                set_field(&mut plan, key, "5"),
                Err(EditError::Missing("that reporting period".into())),
                "{key}"
            );
        }
        assert_eq!(plan, before);
    }

    #[test]
    fn clearing_every_field_of_a_metric_entry_removes_it() {
        let mut plan = data_plan();
        set_field(&mut plan, "dm/d1/cpd/ce", "4").unwrap();
        set_field(&mut plan, "dm/d1/cpd/know", "Few courses").unwrap();
        set_field(&mut plan, "dm/d1/leaving/rt", "80").unwrap();
        set_field(&mut plan, "dm/d1/cpd/ce", "").unwrap();
        assert_eq!(
            plan.data.periods[0].metrics.len(),
            2,
            "the note is still there"
        );
        set_field(&mut plan, "dm/d1/cpd/know", "").unwrap();
        let metrics: Vec<&str> = plan.data.periods[0]
            .metrics
            .iter()
            .map(|m| m.metric.as_str())
            .collect();
        assert_eq!(metrics, ["leaving"]);
        set_field(&mut plan, "dm/d1/leaving/rt", "").unwrap();
        assert!(plan.data.periods[0].metrics.is_empty());
        assert_eq!(plan, data_plan(), "nothing is left of what was typed");
        set_field(&mut plan, "dm/d1/senior_roles/ns", "").unwrap();
        assert!(
            plan.data.periods[0].metrics.is_empty(),
            "clearing a field never typed adds no entry"
        );
    }

    #[test]
    fn periods_are_added_with_fresh_ids_up_to_the_limit_and_removed() {
        let mut plan = Plan::default();
        assert_eq!(act(&mut plan, "add-period", ""), Ok(Some("d1".into())));
        assert_eq!(act(&mut plan, "add-period", ""), Ok(Some("d2".into())));
        assert_eq!(
            plan.data.periods[1],
            Period {
                id: "d2".into(),
                ..Period::default()
            }
        );
        set_field(&mut plan, "dm/d2/leaving/ce", "7").unwrap();
        assert_eq!(act(&mut plan, "remove-period/d1", ""), Ok(None));
        let ids: Vec<&str> = plan.data.periods.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["d2"]);
        assert_eq!(plan.data.periods[0].metrics[0].comparison_events, "7");
        assert_eq!(
            act(&mut plan, "add-period", ""),
            Ok(Some("d3".into())),
            "an id is not used again while a higher one is in the plan"
        );
        let before = plan.clone();
        for key in ["remove-period/d1", "remove-period/", "remove-period"] {
            assert_eq!(
                act(&mut plan, key, ""),
                Err(EditError::Missing("that reporting period".into())),
                "{key}"
            );
        }
        assert_eq!(plan, before);
        while plan.data.periods.len() < MAX_PERIODS {
            act(&mut plan, "add-period", "").unwrap();
        }
        let before = plan.clone();
        let refused = act(&mut plan, "add-period", "");
        assert_eq!(refused, Err(EditError::Full("reporting periods")));
        assert_eq!(
            refused.unwrap_err().message(),
            "This plan already has the most reporting periods it can hold."
        );
        assert_eq!(plan, before);
    }
}

/// The keys read into typed edits: a table of every key, and properties over any key.
#[cfg(test)]
mod typed_tests {
    use super::super::edits::tests::{every_tag, fixture, tag};
    use super::*;
    use crate::stats::Metric;
    use proptest::prelude::*;

    #[test]
    fn every_key_is_read_into_its_edit() {
        use Edit::*;
        fn s(text: &str) -> String {
            text.to_string()
        }
        let fields = [
            ("plan/title", "T", SetTitle { title: s("T") }),
            (
                "plan/organisation",
                "O",
                SetOrganisation {
                    organisation: s("O"),
                },
            ),
            ("plan/team", "IPS", SetTeam { team: s("IPS") }),
            (
                "plan/period",
                "2026-27",
                SetReportingPeriod {
                    reporting_period: s("2026-27"),
                },
            ),
            ("plan/term", "W", SetComparisonGroupTerm { term: s("W") }),
            (
                "settings/reference",
                "white",
                SetReferenceGroup {
                    group: ReferenceGroup::AllWhite,
                },
            ),
            (
                "settings/reference",
                "white_british",
                SetReferenceGroup {
                    group: ReferenceGroup::WhiteBritish,
                },
            ),
            (
                "settings/convention",
                "sc_wres",
                SetConvention {
                    convention: Convention::ScWres,
                },
            ),
            (
                "settings/convention",
                "nhs_wres",
                SetConvention {
                    convention: Convention::NhsWres,
                },
            ),
            (
                "a/1.2/status",
                "in_progress",
                SetAnchorStatus {
                    anchor: s("1.2"),
                    status: AnchorStatus::InProgress,
                },
            ),
            (
                "a/4.6/evidence",
                " E ",
                SetAnchorEvidence {
                    anchor: s("4.6"),
                    evidence: s(" E "),
                },
            ),
            (
                "a/3.3/who",
                "Sam",
                SetAnchorWho {
                    anchor: s("3.3"),
                    who: s("Sam"),
                },
            ),
            (
                "a/1.1/review",
                "2027-01-31",
                SetAnchorReviewDate {
                    anchor: s("1.1"),
                    review_date: s("2027-01-31"),
                },
            ),
            (
                "s/es1/name",
                "A.K.",
                SetSpecialistName {
                    id: s("es1"),
                    name: s("A.K."),
                },
            ),
            (
                "s/es1/not_stated",
                "4",
                SetSpecialistCaseload {
                    id: s("es1"),
                    group: CaseloadGroup::NotStated,
                    value: s("4"),
                },
            ),
            (
                "step/analyse/done",
                "1",
                SetStepDone {
                    step: s("analyse"),
                    done: true,
                },
            ),
            (
                "step/analyse/date",
                "2026-05-01",
                SetStepDate {
                    step: s("analyse"),
                    date: s("2026-05-01"),
                },
            ),
            (
                "step/analyse/notes",
                "N",
                SetStepNotes {
                    step: s("analyse"),
                    notes: s("N"),
                },
            ),
            (
                "voice/v1/feedback",
                "F",
                SetVoiceEntry {
                    id: s("v1"),
                    field: crate::plan::VoiceField::Feedback,
                    value: s("F"),
                },
            ),
            (
                "header/employees",
                "about 1,150",
                SetPlanHeader {
                    field: crate::plan::HeaderField::Employees,
                    value: s("about 1,150"),
                },
            ),
            (
                "ob/o1/title",
                "Fair pay",
                SetObjectiveTitle {
                    id: s("o1"),
                    title: s("Fair pay"),
                },
            ),
            (
                "ob/o1/lead",
                "Jo",
                SetObjectiveLead {
                    id: s("o1"),
                    lead: s("Jo"),
                },
            ),
            (
                "ob/o1/theme",
                "Leadership",
                SetObjectiveTheme {
                    id: s("o1"),
                    theme: Some(s("Leadership")),
                },
            ),
            (
                "ob/o1/indicators",
                "Good",
                SetObjectiveIndicators {
                    id: s("o1"),
                    indicators: s("Good"),
                },
            ),
            (
                "x/a1/status",
                "at_risk",
                SetActionStatus {
                    id: s("a1"),
                    status: crate::plan::ActionStatus::AtRisk,
                },
            ),
            (
                "x/a1/metric/leaving",
                "1",
                SetActionMetric {
                    id: s("a1"),
                    metric: crate::stats::Metric::Leaving,
                    linked: true,
                },
            ),
            (
                "x/a1/progress",
                "Half way",
                SetActionProgress {
                    id: s("a1"),
                    progress: s("Half way"),
                },
            ),
            (
                "x/a1/text",
                "Do",
                SetActionText {
                    id: s("a1"),
                    text: s("Do"),
                },
            ),
            (
                "x/a1/who",
                "Jo",
                SetActionWho {
                    id: s("a1"),
                    who: s("Jo"),
                },
            ),
            (
                "x/a1/by_when",
                "2027",
                SetActionByWhen {
                    id: s("a1"),
                    by_when: s("2027"),
                },
            ),
            (
                "x/a1/breakthrough",
                "starting.leadership",
                SetActionBreakthrough {
                    id: s("a1"),
                    breakthrough: Some(s("starting.leadership")),
                },
            ),
            (
                "x/a1/breakthrough",
                "",
                SetActionBreakthrough {
                    id: s("a1"),
                    breakthrough: None,
                },
            ),
            (
                "journey/agreed",
                "achieving",
                SetAgreedStage {
                    stage: Some(Stage::Achieving),
                },
            ),
            ("journey/agreed", "", SetAgreedStage { stage: None }),
            ("journey/strengths", "S", SetStrengths { strengths: s("S") }),
            ("journey/develop", "D", SetToDevelop { to_develop: s("D") }),
            (
                "journey/reassess",
                "R",
                SetReassessmentDate { date: s("R") },
            ),
            (
                "jd/ Adults / Older ",
                "starting",
                SetDepartmentStage {
                    department: s(" Adults / Older "),
                    stage: Some(Stage::Starting),
                },
            ),
            (
                "jd/Housing",
                "",
                SetDepartmentStage {
                    department: s("Housing"),
                    stage: None,
                },
            ),
            (
                "q/shared_view/answer",
                "not_sure",
                SetClarityAnswer {
                    question: s("shared_view"),
                    answer: Some(Answer::NotSure),
                },
            ),
            (
                "q/shared_view/answer",
                "",
                SetClarityAnswer {
                    question: s("shared_view"),
                    answer: None,
                },
            ),
            (
                "q/know_inequalities/note",
                "N",
                SetClarityNote {
                    question: s("know_inequalities"),
                    note: s("N"),
                },
            ),
            (
                "o/employment/objectives",
                "O",
                SetOutcomeObjectives {
                    area: OutcomeArea::Employment,
                    objectives: s("O"),
                },
            ),
            (
                "o/service_outcomes/issue",
                "I",
                SetOutcomeIssueEvidence {
                    area: OutcomeArea::ServiceOutcomes,
                    issue_evidence: s("I"),
                },
            ),
            (
                "o/employment/improved",
                "M",
                SetOutcomeImprovementMeasures {
                    area: OutcomeArea::Employment,
                    improvement_measures: s("M"),
                },
            ),
            (
                "p/p1/name",
                "N",
                SetParticipantName {
                    id: s("p1"),
                    name: s("N"),
                },
            ),
            (
                "p/p1/department",
                "D",
                SetParticipantDepartment {
                    id: s("p1"),
                    department: s("D"),
                },
            ),
            (
                "p/p1/stage",
                "resisting",
                SetParticipantStage {
                    id: s("p1"),
                    stage: Some(Stage::Resisting),
                },
            ),
            (
                "p/p1/evidence",
                "E",
                SetParticipantEvidence {
                    id: s("p1"),
                    evidence: s("E"),
                },
            ),
            (
                "dp/d1/label",
                "2023-24",
                SetPeriodLabel {
                    period: s("d1"),
                    label: s("2023-24"),
                },
            ),
            (
                "db/d1/b1/name",
                "Band 7",
                SetBandName {
                    period: s("d1"),
                    band: s("b1"),
                    name: s("Band 7"),
                },
            ),
            (
                "db/d1/b1/c",
                "4",
                SetBandComparisonCount {
                    period: s("d1"),
                    band: s("b1"),
                    value: s("4"),
                },
            ),
            (
                "db/d1/b1/r",
                "5",
                SetBandReferenceCount {
                    period: s("d1"),
                    band: s("b1"),
                    value: s("5"),
                },
            ),
            (
                "service/source",
                "Census",
                SetPopulationSource {
                    source: s("Census"),
                },
            ),
            ("service/as_at", "June", SetServiceAsAt { as_at: s("June") }),
            (
                "service/detailed",
                "19",
                SetPopulationDetailed { detailed: true },
            ),
            (
                "service/detailed",
                "5",
                SetPopulationDetailed { detailed: false },
            ),
            (
                "sp/g/0",
                "9.3",
                SetPopulation {
                    group: EthnicGroup::Asian,
                    value: s("9.3"),
                },
            ),
            (
                "sp/g/4",
                "2.1",
                SetPopulation {
                    group: EthnicGroup::Other,
                    value: s("2.1"),
                },
            ),
            (
                "sp/c/0",
                "1",
                SetPopulationOfCategory {
                    category: EthnicCategory::Bangladeshi,
                    value: s("1"),
                },
            ),
            (
                "sp/c/18",
                "1",
                SetPopulationOfCategory {
                    category: EthnicCategory::AnyOther,
                    value: s("1"),
                },
            ),
            (
                "sv/black/t",
                "12",
                SetServiceCount {
                    group: CaseloadGroup::Black,
                    field: crate::service::Field::Treatment,
                    value: s("12"),
                },
            ),
            (
                "sv/not_stated/d",
                "30, 41",
                SetServiceCount {
                    group: CaseloadGroup::NotStated,
                    field: crate::service::Field::Days,
                    value: s("30, 41"),
                },
            ),
            (
                "dm/d1/appointment/ce",
                "41",
                SetMetricCount {
                    period: s("d1"),
                    metric: Metric::Appointment,
                    count: Count::ComparisonEvents,
                    value: s("41"),
                },
            ),
            (
                "dm/d1/senior_roles/ns",
                "0",
                SetMetricCount {
                    period: s("d1"),
                    metric: Metric::SeniorRoles,
                    count: Count::NotStated,
                    value: s("0"),
                },
            ),
            (
                "dm/d1/leaving/know",
                "K",
                SetWhatWeKnow {
                    period: s("d1"),
                    metric: Metric::Leaving,
                    text: s("K"),
                },
            ),
        ];
        let actions = [
            ("review", StartReview),
            ("add-action/1.2", AddActionForAnchor { anchor: s("1.2") }),
            ("remove-action/a1", RemoveAction { id: s("a1") }),
            ("add-objective", AddObjective),
            ("add-voice", AddVoiceEntry),
            (
                "service-to-evidence/1.2",
                AddServiceFiguresToEvidence { anchor: s("1.2") },
            ),
            ("remove-voice/v1", RemoveVoiceEntry { id: s("v1") }),
            (
                "add-metric-action/leaving",
                AddActionForMetric {
                    metric: crate::stats::Metric::Leaving,
                },
            ),
            ("remove-objective/o1", RemoveObjective { id: s("o1") }),
            ("add-action-to/o1", AddAction { objective: s("o1") }),
            ("add-specialist", AddSpecialist),
            ("remove-specialist/es1", RemoveSpecialist { id: s("es1") }),
            ("caseload-to-evidence", AddCaseloadToEvidence),
            ("add-participant", AddParticipant),
            ("remove-participant/p1", RemoveParticipant { id: s("p1") }),
            ("add-journey-action", AddActionForAgreedStage),
            ("record-assessment", RecordAssessment),
            ("add-period", AddPeriod),
            ("remove-period/d1", RemovePeriod { id: s("d1") }),
            ("national-baseline", UseNationalBaseline),
            ("add-band/d1", AddBand { period: s("d1") }),
            (
                "remove-band/d1/b1",
                RemoveBand {
                    period: s("d1"),
                    band: s("b1"),
                },
            ),
        ];
        let mut read = Vec::new();
        for (key, value, edit) in fields {
            assert_eq!(Edit::from_field_key(key, value), Ok(edit.clone()), "{key}");
            assert!(
                Edit::from_action_key(key).is_err(),
                "{key} is a field, not an action"
            );
            read.push(tag(&edit));
        }
        for (key, edit) in actions {
            assert_eq!(Edit::from_action_key(key), Ok(edit.clone()), "{key}");
            read.push(tag(&edit));
        }
        let unread: Vec<String> = every_tag()
            .into_iter()
            .filter(|t| !read.contains(t))
            .collect();
        assert!(unread.is_empty(), "no key is read into {unread:?}");
    }

    /// Keys a screen sends with the fixture's ids, each of which a case may change in one part.
    const KEYS: &[&str] = &[
        "plan/title",
        "plan/term",
        "settings/reference",
        "settings/convention",
        "service/source",
        "service/as_at",
        "service/detailed",
        "sp/g/1",
        "sp/c/18",
        "sv/black/t",
        "sv/not_stated/d",
        "journey/agreed",
        "journey/strengths",
        "journey/develop",
        "journey/reassess",
        "jd/Inpatient services",
        "jd/A/B",
        "q/shared_view/answer",
        "q/shared_view/note",
        "o/employment/objectives",
        "o/employment/issue",
        "o/service_outcomes/improved",
        "p/p1/name",
        "p/p1/department",
        "p/p1/stage",
        "p/p1/evidence",
        "a/1.1/status",
        "a/1.1/evidence",
        "a/1.1/who",
        "a/1.1/review",
        "s/es1/name",
        "s/es1/black",
        "x/a1/text",
        "x/a1/who",
        "x/a1/by_when",
        "x/a1/breakthrough",
        "x/a1/status",
        "x/a1/progress",
        "x/a1/metric/leaving",
        "ob/o1/title",
        "ob/o1/lead",
        "ob/o1/theme",
        "ob/o1/indicators",
        "header/employees",
        "header/how_agreed",
        "step/final/done",
        "voice/v1/who",
        "dp/d1/label",
        "dm/d1/appointment/ce",
        "dm/d1/leaving/know",
        "db/d1/b1/name",
        "db/d1/b1/c",
        "db/d1/b1/r",
        "review",
        "add-action/1.2",
        "remove-action/a1",
        "add-objective",
        "add-metric-action/pay_bands",
        "service-to-evidence/1.1",
        "add-voice",
        "remove-voice/v1",
        "remove-objective/o1",
        "add-action-to/o1",
        "add-specialist",
        "remove-specialist/es1",
        "caseload-to-evidence",
        "add-participant",
        "remove-participant/p1",
        "add-journey-action",
        "record-assessment",
        "add-period",
        "remove-period/d1",
        "add-band/d1",
        "remove-band/d1/b1",
        "national-baseline",
    ];

    /// A key a screen sends, one part of it maybe replaced; or any text at all.
    fn any_key() -> impl Strategy<Value = String> {
        let part = prop_oneof![
            prop::sample::select(vec![
                "",
                "9.9",
                "es9",
                "p9",
                "a9",
                "d9",
                "b9",
                "19",
                "+3",
                "purple",
                "status",
                "name",
                "pay_bands",
                "know",
                "x"
            ])
            .prop_map(String::from),
            "[a-z0-9._ -]{0,5}",
        ];
        let near = (
            prop::sample::select(KEYS),
            any::<prop::sample::Index>(),
            prop::option::of(part),
        )
            .prop_map(|(key, at, with)| {
                let mut parts: Vec<String> = key.split('/').map(String::from).collect();
                if let Some(with) = with {
                    let i = at.index(parts.len());
                    parts[i] = with;
                }
                parts.join("/")
            });
        prop_oneof![4 => near, 1 => ".*"]
    }

    fn any_value() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "",
                "met",
                "developing",
                "no",
                "white_british",
                "nhs_wres",
                "19",
                "starting.leadership",
                "starting.capacity",
                "12a",
                " 4 "
            ])
            .prop_map(String::from),
            ".{0,8}",
        ]
    }

    proptest! {
        /// The adapter never panics, reads a key into the edit `apply` is given, and a key or
        /// edit refused leaves the plan as it was. Each edit read also survives JSON.
        #[test]
        fn a_field_key_is_its_edit_applied(key in any_key(), value in any_value()) {
            let before = fixture();
            let mut by_key = before.clone();
            let result = set_field(&mut by_key, &key, &value);
            match Edit::from_field_key(&key, &value) {
                Err(refused) => prop_assert_eq!(&result, &Err(refused)),
                Ok(edit) => {
                    let mut direct = before.clone();
                    prop_assert_eq!(&result, &apply(&mut direct, &edit, "").map(|_| ()));
                    prop_assert_eq!(&by_key, &direct);
                    let json = serde_json::to_string(&edit).unwrap();
                    prop_assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
                }
            }
            if result.is_err() {
                prop_assert_eq!(by_key, before);
            }
        }

        #[test]
        fn an_action_key_is_its_edit_applied(key in any_key()) {
            let before = fixture();
            let mut by_key = before.clone();
            let result = act(&mut by_key, &key, "2026-11-29");
            match Edit::from_action_key(&key) {
                Err(refused) => prop_assert_eq!(&result, &Err(refused)),
                Ok(edit) => {
                    let mut direct = before.clone();
                    let applied = apply(&mut direct, &edit, "2026-11-29");
                    prop_assert_eq!(&result, &applied.map(|a| a.created));
                    prop_assert_eq!(&by_key, &direct);
                    let json = serde_json::to_string(&edit).unwrap();
                    prop_assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
                }
            }
            if result.is_err() {
                prop_assert_eq!(by_key, before);
            }
        }
    }
}
