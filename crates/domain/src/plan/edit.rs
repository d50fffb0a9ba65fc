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

#[cfg(test)]
use super::MAX_SPECIALISTS;
use super::{
    department_key, BandEntry, ClarityRecord, DepartmentStage, MetricEntry, OutcomeRecord,
    Participant, Period, Plan, ServiceRow, MAX_BANDS, MAX_PARTICIPANTS, MAX_PERIODS,
};
use crate::caseload::{self, CaseloadGroup};
use crate::journey::{breakthrough, Answer, OutcomeArea, Stage, CLARITY_QUESTIONS};
use crate::reap::{self, AnchorStatus};
use crate::stats::Convention;

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

/// Sets the field named by `key` to `value`.
pub fn set_field(plan: &mut Plan, key: &str, value: &str) -> Result<(), EditError> {
    let unknown = || EditError::UnknownKey(key.to_string());
    let bad = || EditError::BadValue(value.to_string());
    // A stage, or none for an empty value.
    let stage = || match value {
        "" => Ok(None),
        id => Stage::from_id(id).map(Some).ok_or_else(bad),
    };
    if let Some(field) = key.strip_prefix("plan/") {
        *plan_field(plan, field).ok_or_else(unknown)? = value.to_string();
        return Ok(());
    }
    if let Some(field) = key.strip_prefix("settings/") {
        let settings = &mut plan.settings;
        match (field, value) {
            ("reference", "white" | "white_british") => {
                settings.reference_group = value.to_string()
            }
            ("convention", "sc_wres") => settings.ratio_convention = Convention::ScWres,
            ("convention", "nhs_wres") => settings.ratio_convention = Convention::NhsWres,
            ("reference" | "convention", _) => return Err(bad()),
            _ => return Err(unknown()),
        }
        return Ok(());
    }
    if let Some(field) = key.strip_prefix("service/") {
        let service = &mut plan.data.service;
        match (field, value) {
            ("source", _) => service.population_source = value.to_string(),
            ("as_at", _) => service.as_at = value.to_string(),
            ("detailed", "19") => service.population_detailed = true,
            ("detailed", "5") => service.population_detailed = false,
            ("detailed", _) => return Err(bad()),
            _ => return Err(unknown()),
        }
        return Ok(());
    }
    let journey = &mut plan.journey;
    if let Some(field) = key.strip_prefix("journey/") {
        match field {
            "agreed" => journey.agreed_stage = stage()?,
            "strengths" => journey.strengths = value.to_string(),
            "develop" => journey.to_develop = value.to_string(),
            "reassess" => journey.reassessment_date = value.to_string(),
            _ => return Err(unknown()),
        }
        return Ok(());
    }
    if let Some(name) = key.strip_prefix("jd/") {
        if department_key(name).is_empty() {
            return Err(unknown());
        }
        let stage = stage()?;
        let key = department_key(name);
        let list = &mut journey.department_stages;
        list.retain(|d| department_key(&d.department) != key);
        if stage.is_some() {
            list.push(DepartmentStage {
                department: name.trim().to_string(),
                stage,
            });
        }
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
        "q" => {
            let question = CLARITY_QUESTIONS
                .iter()
                .find(|q| q.id == id)
                .ok_or_else(unknown)?;
            // Checked before the record is made, so a refused edit leaves no empty record.
            let answer = match (field, value) {
                ("answer", "") => Some(None),
                ("answer", id) => Some(Some(Answer::from_id(id).ok_or_else(bad)?)),
                ("note", _) => None,
                _ => return Err(unknown()),
            };
            let blank = || ClarityRecord {
                question: question.id.to_string(),
                ..ClarityRecord::default()
            };
            edit_record(&mut journey.clarity, blank, |record| match answer {
                Some(answer) => record.answer = answer,
                None => record.note = value.to_string(),
            });
        }
        "o" => {
            let area = OutcomeArea::ALL
                .into_iter()
                .find(|a| a.id() == id)
                .ok_or_else(unknown)?;
            // Checked before the record is made, so a refused edit leaves no empty record.
            if !matches!(field, "objectives" | "issue" | "improved") {
                return Err(unknown());
            }
            let blank = || OutcomeRecord {
                area: area.id().to_string(),
                ..OutcomeRecord::default()
            };
            edit_record(&mut journey.outcomes, blank, |record| {
                *match field {
                    "objectives" => &mut record.objectives,
                    "issue" => &mut record.issue_evidence,
                    _ => &mut record.improvement_measures,
                } = value.to_string();
            });
        }
        "p" => {
            let participant = journey
                .participants
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or_else(|| EditError::Missing("that participant".into()))?;
            match field {
                "name" => participant.name = value.to_string(),
                "department" => participant.department = value.to_string(),
                "stage" => participant.stage = stage()?,
                "evidence" => participant.evidence = value.to_string(),
                _ => return Err(unknown()),
            }
        }
        "sp" => {
            let service = &mut plan.data.service;
            let (list, len) = match id {
                "g" => (&mut service.population, 5),
                "c" => (&mut service.population_categories, 19),
                _ => return Err(unknown()),
            };
            let i: usize = field
                .parse()
                .ok()
                .filter(|&i| i < len)
                .ok_or_else(unknown)?;
            if list.len() <= i {
                list.resize(i + 1, String::new());
            }
            list[i] = value.to_string();
            while list.last().is_some_and(String::is_empty) {
                list.pop();
            }
        }
        "sv" => {
            let group = CaseloadGroup::from_id(id).ok_or_else(unknown)?;
            let field = crate::service::Field::from_id(field).ok_or_else(unknown)?;
            let blank = || ServiceRow {
                group: group.id().to_string(),
                ..ServiceRow::default()
            };
            let rows = &mut plan.data.service.rows;
            edit_record(rows, blank, |row| *field.of_mut(row) = value.to_string());
            // Kept in the screen's order, whichever group was typed first: a new row moves up
            // past the groups that come after it (no sort, for size).
            let order = |r: &ServiceRow| CaseloadGroup::ALL.iter().position(|g| g.id() == r.group);
            let mut i = rows.len().saturating_sub(1);
            while i > 0 && order(&rows[i - 1]) > order(&rows[i]) {
                rows.swap(i - 1, i);
                i -= 1;
            }
        }
        "dp" => {
            let period = find_period(plan, id)?;
            match field {
                "label" => period.label = value.to_string(),
                _ => return Err(unknown()),
            }
        }
        "db" => {
            let (band, field) = field.split_once('/').ok_or_else(unknown)?;
            let period = find_period(plan, id)?;
            let band = period
                .bands
                .iter_mut()
                .find(|b| b.id == band)
                .ok_or_else(|| EditError::Missing("that pay band".into()))?;
            *match field {
                "name" => &mut band.name,
                "c" => &mut band.comparison,
                "r" => &mut band.reference,
                _ => return Err(unknown()),
            } = value.to_string();
        }
        "dm" => {
            let (metric, field) = field.split_once('/').ok_or_else(unknown)?;
            let metric = crate::wres::metric_from_id(metric)
                .filter(|m| crate::wres::ENTERED.contains(m))
                .ok_or_else(unknown)?;
            let count = match field {
                "know" => None,
                id => Some(crate::wres::Count::from_id(id).ok_or_else(unknown)?),
            };
            let period = find_period(plan, id)?;
            let blank = || MetricEntry {
                metric: crate::wres::metric_id(metric).to_string(),
                ..MetricEntry::default()
            };
            edit_record(&mut period.metrics, blank, |entry| match count {
                Some(count) => *count.of_mut(entry) = value.to_string(),
                None => entry.what_we_know = value.to_string(),
            });
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
                "breakthrough" => {
                    action.breakthroughs = match value {
                        "" => Vec::new(),
                        id => vec![breakthrough(id).ok_or_else(bad)?.id.to_string()],
                    }
                }
                _ => return Err(unknown()),
            }
        }
        _ => return Err(unknown()),
    }
    Ok(())
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

/// The reporting period with this id.
fn find_period<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Period, EditError> {
    plan.data
        .periods
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::Missing("that reporting period".into()))
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

impl Keyed for OutcomeRecord {
    fn key(&self) -> &str {
        &self.area
    }
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
        "add-participant" => {
            let journey = &mut plan.journey;
            if journey.participants.len() >= MAX_PARTICIPANTS {
                return Err(EditError::Full("workshop participants"));
            }
            let id = super::next_id("p", journey.participants.iter().map(|p| p.id.as_str()));
            journey.participants.push(Participant {
                id: id.clone(),
                ..Participant::default()
            });
            Ok(Some(id))
        }
        "remove-participant" => {
            let before = plan.journey.participants.len();
            plan.journey.participants.retain(|p| p.id != arg);
            if plan.journey.participants.len() == before {
                return Err(EditError::Missing("that participant".into()));
            }
            Ok(None)
        }
        "add-journey-action" => {
            // The stage shown, after the outcome-clarity cap: its breakthrough points are the
            // ones that would move the organisation on.
            let stage = plan
                .journey
                .overall()
                .map(|o| o.stage)
                .ok_or(EditError::Missing(
                    "an agreed stage (choose the stage the group agrees first)".into(),
                ))?;
            Ok(Some(plan.action_plan.add_action_for_stage(stage)))
        }
        "national-baseline" => {
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
            Ok(Some("national".into()))
        }
        "add-period" => {
            let periods = &mut plan.data.periods;
            if periods.len() >= MAX_PERIODS {
                return Err(EditError::Full("reporting periods"));
            }
            let id = super::next_id("d", periods.iter().map(|p| p.id.as_str()));
            periods.push(Period {
                id: id.clone(),
                ..Period::default()
            });
            Ok(Some(id))
        }
        "add-band" => {
            let period = find_period(plan, arg)?;
            if period.bands.len() >= MAX_BANDS {
                return Err(EditError::Full("pay bands"));
            }
            let id = super::next_id("b", period.bands.iter().map(|b| b.id.as_str()));
            period.bands.push(BandEntry {
                id: id.clone(),
                ..BandEntry::default()
            });
            Ok(Some(format!("{arg}-{id}")))
        }
        "remove-band" => {
            let (period, band) = arg.split_once('/').ok_or_else(unknown)?;
            let bands = &mut find_period(plan, period)?.bands;
            let before = bands.len();
            bands.retain(|b| b.id != band);
            if bands.len() == before {
                return Err(EditError::Missing("that pay band".into()));
            }
            Ok(None)
        }
        "remove-period" => {
            let before = plan.data.periods.len();
            plan.data.periods.retain(|p| p.id != arg);
            if plan.data.periods.len() == before {
                return Err(EditError::Missing("that reporting period".into()));
            }
            Ok(None)
        }
        "record-assessment" => {
            plan.journey.record_assessment(today);
            Ok(None)
        }
        _ => Err(unknown()),
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
                "{key} changed the plan without a line in the change log"
            );
        }
        let acts = [
            "review",
            "add-action/1.2",
            "remove-action/a1",
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
                "{key} changed the plan without a line in the change log"
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
                },
                MetricEntry {
                    metric: "senior_roles".into(),
                    what_we_know: "Asked HR".into(),
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
