//! Loading a saved plan: size and shape checks, the chain of migrations from older schema
//! versions, and a best-effort, read-only read of saves from newer versions.

use std::fmt;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{Plan, BACKUP_FORMAT, CURRENT_SCHEMA_VERSION};

/// Larger text is refused before it is parsed: no real plan comes near it.
pub const MAX_PLAN_BYTES: usize = 20 * 1024 * 1024;

/// How many unreadable parts of a newer save are left out before giving up on it.
const MAX_LEFT_OUT: usize = 32;

/// A plan that has been read, and what had to happen to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub plan: Plan,
    /// The older schema version the save was migrated from. Saving the plan again keeps the migration.
    pub migrated_from: Option<u32>,
    /// The newer schema version that wrote this save. Show the plan read-only and never save it
    /// over the original: this build would drop what it does not understand.
    pub read_only_newer: Option<u32>,
    /// In a newer save, the parts this build could not read and left out (as [`LoadError::Invalid`] paths).
    pub left_out: Vec<String>,
}

/// Why a plan could not be read. `Display` gives a message the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON, but not a plan. `reason` completes "it …".
    NotAPlan {
        reason: String,
    },
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// A plan, but the value at `path` (such as "reap › anchors › 1.2 › status") is not what this version expects.
    Invalid {
        path: String,
        detail: String,
    },
    /// One plan in a backup file could not be read.
    InBackup {
        plan_number: usize,
        title: String,
        error: Box<LoadError>,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOT_OURS: &str = "This file is not a plan saved by the Race Equity Planner";
        match self {
            LoadError::TooLarge { bytes, limit } => write!(
                f,
                "{NOT_OURS}: it is {} MB, and a plan is never more than {} MB. Check you chose the right file.",
                bytes.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            ),
            LoadError::NotJson { line, column, .. } => write!(
                f,
                "{NOT_OURS}: it is not valid JSON (line {line}, column {column}). Check you chose the right file, and that it was not cut short or edited."
            ),
            LoadError::NotAPlan { reason } => {
                write!(f, "{NOT_OURS}: {reason}. Check you chose the right file.")
            }
            LoadError::NewerVersion { found, supported } => write!(
                f,
                "This plan was saved by a newer version of the Race Equity Planner (plan format {found}; this version reads up to format {supported}), and this version cannot read it. Open it in the newer version. Nothing has been changed."
            ),
            LoadError::Invalid { path, detail } => write!(
                f,
                "This plan could not be opened: the value at ‘{path}’ is not what the planner expects ({detail}). The file may have been edited by hand or damaged. Nothing has been changed; if you have a backup, import that instead."
            ),
            LoadError::InBackup { plan_number, title, error } => {
                if title.is_empty() {
                    write!(f, "Plan {plan_number} in this backup could not be read, so nothing has been imported. {error}")
                } else {
                    write!(f, "Plan {plan_number} in this backup (‘{title}’) could not be read, so nothing has been imported. {error}")
                }
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The problem in words for a save found in browser storage, which the user did not choose
    /// as a file (the `Display` wording is for imported files).
    pub fn as_saved_problem(&self) -> String {
        match self {
            LoadError::TooLarge { bytes, .. } => format!(
                "The saved data is {} MB, larger than any plan can be, so it was not opened.",
                bytes.div_ceil(1024 * 1024)
            ),
            LoadError::NotJson { line, column, .. } => format!(
                "The saved data is incomplete or damaged (it stops making sense at line {line}, column {column}), so it cannot be opened. This can happen when a browser closes in the middle of saving, or when another program changes the browser's storage."
            ),
            LoadError::NotAPlan { reason } => format!("The saved data is not a plan: {reason}."),
            LoadError::Invalid { path, detail } => format!(
                "Part of the saved plan is not what the planner expects: the value at ‘{path}’ ({detail})."
            ),
            LoadError::NewerVersion { .. } | LoadError::InBackup { .. } => self.to_string(),
        }
    }
}

/// Reads a saved plan of any schema version. Older saves are migrated to the current version; a
/// newer save is read as far as possible and flagged [`Loaded::read_only_newer`].
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    load_value(parse(json)?)
}

/// Parses text into JSON, refusing it early if it is too large or empty. Accepts a byte order mark.
pub(super) fn parse(text: &str) -> Result<Value, LoadError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_PLAN_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::NotAPlan {
            reason: "it is empty".into(),
        });
    }
    // serde_json refuses nesting deeper than 128, so hostile input cannot overflow the stack.
    serde_json::from_str(text).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

/// The plan a JSON value holds: text is parsed to a `Value` first, because the migrations and
/// the checks work on the `Value`.
fn plan_from(value: &Value) -> Result<Plan, serde_json::Error> {
    Plan::deserialize(value)
}

/// Reads one plan's JSON (a whole save, or one plan from a backup).
pub(super) fn load_value(mut value: Value) -> Result<Loaded, LoadError> {
    check_plan_like(&value)?;
    let found = schema_version(&value)?;
    if found > CURRENT_SCHEMA_VERSION {
        return read_newer(value, found);
    }
    for from in found..CURRENT_SCHEMA_VERSION {
        value = MIGRATIONS[from as usize - 1](value)?;
    }
    let mut plan = plan_from(&value).map_err(|_| invalid_at(&value))?;
    if found < 5 {
        read_figures_into_entries(&mut plan);
    }
    if found < 7 {
        remember_what_we_know_figures(&mut plan);
    }
    plan.schema_version = CURRENT_SCHEMA_VERSION;
    // Ids from a file or from storage reach the page as element ids and keys.
    super::ids::make_ids_plain(&mut plan);
    Ok(Loaded {
        plan,
        migrated_from: (found < CURRENT_SCHEMA_VERSION).then_some(found),
        read_only_newer: None,
        left_out: Vec::new(),
    })
}

/// Keys that only a plan (of any version) has at its top level.
const PLAN_KEYS: [&str; 9] = [
    "schema_version",
    "id",
    "title",
    "name",
    "organisation",
    "reap",
    "journey",
    "action_plan",
    "actions",
];

fn check_plan_like(value: &Value) -> Result<(), LoadError> {
    let not_a_plan = |reason: &str| {
        Err(LoadError::NotAPlan {
            reason: reason.to_string(),
        })
    };
    let map = match value {
        Value::Object(map) => map,
        Value::Array(_) => return not_a_plan("it holds a list, not a plan"),
        _ => return not_a_plan("it holds a single value, not a plan"),
    };
    if map.get("format").and_then(Value::as_str) == Some(BACKUP_FORMAT) {
        return not_a_plan(
            "it is a backup file, which may hold several plans; use Import to open it",
        );
    }
    if !PLAN_KEYS.iter().any(|key| map.contains_key(*key)) {
        return not_a_plan("it has none of the parts of a plan");
    }
    Ok(())
}

/// A save with no `schema_version` is version 1: only the first version did not write one.
pub(super) fn schema_version(value: &Value) -> Result<u32, LoadError> {
    match value.get("schema_version") {
        None | Some(Value::Null) => Ok(1),
        Some(found) => found
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n >= 1)
            .ok_or_else(|| LoadError::Invalid {
                path: "schema_version".into(),
                detail: "expected a whole number from 1 up".into(),
            }),
    }
}

/// Reads as much of a newer save as this build understands, leaving out each part that does not
/// read (it takes its default instead).
fn read_newer(mut value: Value, found: u32) -> Result<Loaded, LoadError> {
    let mut left_out = Vec::new();
    while left_out.len() <= MAX_LEFT_OUT {
        if let Ok(mut plan) = plan_from(&value) {
            plan.schema_version = found;
            // Never saved, but drawn.
            super::ids::make_ids_plain(&mut plan);
            return Ok(Loaded {
                plan,
                migrated_from: None,
                read_only_newer: Some(found),
                left_out,
            });
        }
        let (path, _) = locate(&value);
        if path.is_empty() || !remove(&mut value, &path) {
            break;
        }
        left_out.push(render(&path));
    }
    Err(LoadError::NewerVersion {
        found,
        supported: CURRENT_SCHEMA_VERSION,
    })
}

// ---- Migrations -------------------------------------------------------------------------------

type Migration = fn(Value) -> Result<Value, LoadError>;

/// `MIGRATIONS[n - 1]` takes a save from version n to n + 1. Its length follows the current
/// version, so bumping the version without adding a migration does not compile.
const MIGRATIONS: [Migration; CURRENT_SCHEMA_VERSION as usize - 1] = [
    migrate_v1_to_v2,
    migrate_v2_to_v3,
    migrate_v3_to_v4,
    migrate_v4_to_v5,
    migrate_v5_to_v6,
    migrate_v6_to_v7,
    migrate_v7_to_v8,
];

/// The objective that version 1's flat list of actions is moved into.
pub const V1_ACTIONS_OBJECTIVE: &str = "Actions";

/// Version 1 (the first prototype) to version 2. Version 1 had `name` for the title, `period`,
/// a list of `parts` by slug, a top-level `comparison_term` and no other settings, the REAP
/// records directly under `reap`, and one flat list of `actions` without ids or objectives.
pub fn migrate_v1_to_v2(value: Value) -> Result<Value, LoadError> {
    let Value::Object(mut old) = value else {
        return Err(LoadError::NotAPlan {
            reason: "it does not hold a plan".into(),
        });
    };
    let mut new = Map::new();
    let mut rename = |from: &str, to: &str, old: &mut Map<String, Value>| {
        if let Some(v) = old.remove(from) {
            new.insert(to.to_string(), v);
        }
    };
    rename("name", "title", &mut old);
    rename("period", "reporting_period", &mut old);
    if let Some(parts) = old.remove("parts") {
        let Value::Array(parts) = parts else {
            return Err(LoadError::Invalid {
                path: "parts".into(),
                detail: "expected a list of parts".into(),
            });
        };
        let has = |slug: &str| parts.iter().any(|p| p.as_str() == Some(slug));
        new.insert(
            "parts_in_use".into(),
            json!({"reap": has("reap"), "journey": has("journey"), "data": has("data"), "action_plan": has("action-plan")}),
        );
    }
    if let Some(term) = old.remove("comparison_term") {
        new.insert("settings".into(), json!({ "comparison_group_term": term }));
    }
    if let Some(reap) = old.remove("reap") {
        // A hand-made save in the version 2 shape without a version number: wrapping its
        // records again would lose them. No anchor is called "anchors".
        let already_wrapped = reap
            .as_object()
            .is_some_and(|r| r.len() == 1 && r.contains_key("anchors"));
        new.insert(
            "reap".into(),
            if already_wrapped {
                reap
            } else {
                json!({ "anchors": reap })
            },
        );
    }
    if let Some(actions) = old.remove("actions") {
        let Value::Array(mut actions) = actions else {
            return Err(LoadError::Invalid {
                path: "actions".into(),
                detail: "expected a list of actions".into(),
            });
        };
        for (n, action) in actions.iter_mut().enumerate() {
            if let Value::Object(action) = action {
                action
                    .entry("id")
                    .or_insert_with(|| json!(format!("a{}", n + 1)));
            }
        }
        if !actions.is_empty() {
            new.insert(
                "action_plan".into(),
                json!({"objectives": [{"id": "o1", "title": V1_ACTIONS_OBJECTIVE, "actions": actions}]}),
            );
        }
    }
    // Keep whatever else is there (id, organisation, team, dates, and anything unexpected).
    for (key, v) in old {
        new.entry(key).or_insert(v);
    }
    new.insert("schema_version".into(), json!(2));
    Ok(Value::Object(new))
}

/// Version 2 to version 3, which added Employment Specialists' caseloads to the REAP
/// (`reap.specialists`) and the anchors an action answers (`anchors` on each action). Both are
/// new fields with defaults, so a version 2 save reads as it is; the loader sets the version.
pub fn migrate_v2_to_v3(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// Version 3 to version 4: version 4 adds the journey's outcome-clarity answers, outcomes
/// framework, department stages, strengths, areas to develop and timeline, and the journey stages
/// and breakthrough points an action answers. All are new fields with defaults, so a version 3
/// save reads as it is; the loader sets the version.
pub fn migrate_v3_to_v4(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// Version 4 to version 5: version 5 keeps each SC-WRES metric's counts as typed, as two groups
/// (`Period::metrics`). Versions 1 to 4 had only per-group figures (`Period::figures`, with no
/// screen to enter them); those are kept as they are, and read into entries once the plan is typed
/// (`read_figures_into_entries`), so that they show on the Data screen.
pub fn migrate_v4_to_v5(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// Version 5 to version 6: version 6 adds the service's figures for REAP anchors 1.1 and 1.2
/// (`DataSection::service`), empty in older saves. The number goes up so that an older planner
/// opens a version 6 plan read-only instead of saving it without those figures.
pub fn migrate_v5_to_v6(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// Version 6 to version 7: version 7 remembers the figure each "what we know" text was written
/// against (`MetricEntry::what_we_know_for`), so that a text written for other counts is flagged.
/// Older texts are taken as written for the figures they sit beside now (nothing says otherwise);
/// that step needs the typed plan, so it is `remember_what_we_know_figures`.
pub fn migrate_v6_to_v7(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// Version 7 to version 8: version 8 adds the action plan's SC-WRES header
/// (`ActionPlanSection::header`) and each objective's theme and indicators of improvement. A
/// version 7 save has none of them; nothing else changes.
pub fn migrate_v7_to_v8(value: Value) -> Result<Value, LoadError> {
    Ok(value)
}

/// The step of the version 6 to 7 migration that needs the plan's settings.
fn remember_what_we_know_figures(plan: &mut Plan) {
    let settings = plan.settings.clone();
    for entry in plan.data.periods.iter_mut().flat_map(|p| &mut p.metrics) {
        if entry.what_we_know_for.is_empty() {
            let text = entry.what_we_know.clone();
            crate::wres::set_what_we_know(entry, &text, &settings);
        }
    }
}

/// Fills each period's entries from its older per-group figures, where it has figures and no
/// entries: the step of the version 4 to 5 migration that needs the plan's reference group.
fn read_figures_into_entries(plan: &mut Plan) {
    let reference = plan.settings.reference_group.clone();
    for period in &mut plan.data.periods {
        if period.metrics.is_empty() && !period.figures.is_null() {
            period.metrics = crate::wres::entries_from_figures(&period.figures, &reference);
        }
    }
}

// ---- Finding what does not read ---------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn fails(value: &Value) -> Option<String> {
    plan_from(value).err().map(|e| e.to_string())
}

fn invalid_at(value: &Value) -> LoadError {
    let (path, detail) = locate(value);
    LoadError::Invalid {
        path: render(&path),
        detail,
    }
}

/// Where in `root` a plan fails to read, and serde's reason. It narrows one level at a time,
/// trying a tree that holds only one branch: every field has a default, so what is left out
/// cannot be the fault. Stops at a node that fails even when emptied (it is the wrong kind).
fn locate(root: &Value) -> (Vec<Step>, String) {
    let mut path = Vec::new();
    let mut detail = fails(root).unwrap_or_default();
    while let Some(node) = get(root, &path) {
        let (emptied, children): (Value, Vec<(Step, &Value)>) = match node {
            Value::Object(map) => (
                Value::Object(Map::new()),
                map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
            ),
            Value::Array(items) => (
                Value::Array(Vec::new()),
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Step::Index(i), v))
                    .collect(),
            ),
            _ => break,
        };
        if !path.is_empty() {
            if let Some(reason) = fails(&only_branch(&path, emptied)) {
                detail = reason;
                break;
            }
        }
        let failing = children.into_iter().find_map(|(step, child)| {
            let mut branch = path.clone();
            branch.push(step.clone());
            fails(&only_branch(&branch, child.clone())).map(|reason| (step, reason))
        });
        match failing {
            Some((step, reason)) => {
                path.push(step);
                detail = reason;
            }
            None => break,
        }
    }
    (path, detail)
}

/// A tree that holds `leaf` at `path` and nothing else.
fn only_branch(path: &[Step], leaf: Value) -> Value {
    path.iter().rev().fold(leaf, |inner, step| match step {
        Step::Key(key) => Value::Object(Map::from_iter([(key.clone(), inner)])),
        Step::Index(_) => Value::Array(vec![inner]),
    })
}

fn get<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(root, |node, step| match step {
        Step::Key(key) => node.get(key.as_str()),
        Step::Index(i) => node.get(*i),
    })
}

fn remove(root: &mut Value, path: &[Step]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut node = root;
    for step in parents {
        let next = match step {
            Step::Key(key) => node.get_mut(key.as_str()),
            Step::Index(i) => node.get_mut(*i),
        };
        match next {
            Some(next) => node = next,
            None => return false,
        }
    }
    match (node, last) {
        (Value::Object(map), Step::Key(key)) => map.remove(key).is_some(),
        (Value::Array(items), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// "action_plan › objectives › 1 › actions › 2 › status": list positions count from 1.
fn render(path: &[Step]) -> String {
    let steps: Vec<String> = path
        .iter()
        .map(|step| match step {
            Step::Key(key) => key.clone(),
            Step::Index(i) => (i + 1).to_string(),
        })
        .collect();
    steps.join(" › ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_damaged_save_is_described_without_talking_of_files() {
        let error = super::load(r#"{"title": "Half a plan"#).expect_err("not JSON");
        let text = error.as_saved_problem();
        assert!(text.contains("incomplete or damaged"), "{text}");
        assert!(!text.contains("file"), "{text}");
        let not_a_plan = super::load("[1, 2]")
            .expect_err("a list")
            .as_saved_problem();
        assert!(
            not_a_plan.starts_with("The saved data is not a plan: it holds a list"),
            "{not_a_plan}"
        );
    }

    use super::*;
    use crate::plan::{ActionStatus, AnchorStatus, Stage};
    use crate::stats::{Convention, SuppressionPreset};

    const V1: &str = include_str!("../../tests/fixtures/plan/v1.json");
    const V2: &str = include_str!("../../tests/fixtures/plan/v2.json");
    const V3: &str = include_str!("../../tests/fixtures/plan/v3.json");
    const V4: &str = include_str!("../../tests/fixtures/plan/v4.json");
    const V5: &str = include_str!("../../tests/fixtures/plan/v5.json");
    const V6: &str = include_str!("../../tests/fixtures/plan/v6.json");
    const V7: &str = include_str!("../../tests/fixtures/plan/v7.json");
    const V8: &str = include_str!("../../tests/fixtures/plan/v8.json");

    #[test]
    fn a_version_1_save_opens_in_the_current_version_with_its_content() {
        let loaded = load(V1).unwrap();
        assert_eq!(loaded.migrated_from, Some(1));
        assert_eq!(loaded.read_only_newer, None);
        let plan = loaded.plan;
        assert_eq!(plan.schema_version, CURRENT_SCHEMA_VERSION);
        assert_eq!(plan.id, "plan-20231102100000");
        assert_eq!(plan.title, "Riverside IPS race equity plan (fictional)");
        assert_eq!(plan.organisation, "Example Riverside NHS Trust (fictional)");
        assert_eq!(plan.team, "Riverside IPS team");
        assert_eq!(plan.reporting_period, "2023-24");
        assert_eq!(plan.created, "2023-11-02T10:00:00Z");
        assert_eq!(plan.modified, "2023-12-01T16:30:00Z");
        assert!(plan.parts_in_use.reap && plan.parts_in_use.action_plan);
        assert!(!plan.parts_in_use.journey && !plan.parts_in_use.data);
        assert_eq!(
            plan.settings.comparison_group_term,
            "Black and minoritised colleagues"
        );
        assert_eq!(plan.settings.reference_group, "white");
        let anchor = &plan.reap.anchors["1.1"];
        assert_eq!(anchor.status, AnchorStatus::Met);
        assert_eq!(
            anchor.evidence,
            "Quarterly caseload by ethnicity compared with the local population."
        );
        assert_eq!(anchor.who, "Team leader");
        assert_eq!(anchor.review_date, "2024-03-01");
        assert_eq!(plan.reap.anchors["2.1"].status, AnchorStatus::InProgress);
        let objective = &plan.action_plan.objectives[0];
        assert_eq!(objective.title, V1_ACTIONS_OBJECTIVE);
        assert_eq!(objective.actions.len(), 2);
        assert_eq!(objective.actions[0].id, "a1");
        assert_eq!(
            objective.actions[0].text,
            "Add ethnicity to the referral form"
        );
        assert_eq!(objective.actions[1].status, ActionStatus::OnTrack);
        assert_eq!(objective.actions[1].by_when, "2024-06-30");
    }

    #[test]
    fn a_version_2_save_opens_in_the_current_version_with_its_content() {
        let loaded = load(V2).unwrap();
        assert_eq!(loaded.migrated_from, Some(2));
        assert_eq!(loaded.read_only_newer, None);
        let plan = loaded.plan;
        assert_eq!(plan.id, "plan-20250110093000");
        assert_eq!(
            plan.title,
            "Hillside social care race equity plan (fictional)"
        );
        assert!(!plan.parts_in_use.reap);
        assert_eq!(
            plan.settings.comparison_group_term,
            "colleagues who experience racism"
        );
        assert_eq!(plan.settings.ratio_convention, Convention::NhsWres);
        assert_eq!(plan.settings.suppression, SuppressionPreset::LessThan10);
        assert_eq!(plan.settings.non_adverse_range.lower(), 0.75);
        assert_eq!(plan.journey.participants.len(), 2);
        assert_eq!(plan.journey.agreed_stage, Some(Stage::Starting));
        assert_eq!(plan.journey.participants[1].stage, Some(Stage::Intending));
        assert_eq!(
            plan.data.periods[0].figures["appointed_from_shortlisting"]["white"]["count"],
            30
        );
        assert_eq!(
            plan.data.periods[0].figures["appointed_from_shortlisting"]["black"]["out_of"],
            40
        );
        assert_eq!(
            plan.action_plan.objectives[0].actions[0].status,
            ActionStatus::AtRisk
        );
        assert_eq!(plan.history.len(), 2);
        assert_eq!(plan.history[1].what, "Agreed journey stage set to Starting");
        assert_eq!(plan.schema_version, CURRENT_SCHEMA_VERSION);
        assert!(plan.reap.specialists.is_empty());
        assert!(plan.action_plan.objectives[0].actions[0].anchors.is_empty());
    }

    #[test]
    fn a_version_2_save_is_written_back_unchanged_but_for_its_version_and_its_entries() {
        let plan = load(V2).unwrap().plan;
        let mut rewritten: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        assert_eq!(rewritten["schema_version"], CURRENT_SCHEMA_VERSION);
        rewritten["schema_version"] = json!(2);
        // Version 5 reads the period's per-group figures into entries (white against every other
        // stated group) and keeps the figures as they are. Asian's count is blank, so the
        // comparison group's count is left blank for the team, not summed without it.
        let mut expected: Value = serde_json::from_str(V2).unwrap();
        expected["data"]["periods"][0]["metrics"] = json!([{
            "metric": "appointment",
            "comparison_events": "", "comparison_total": "65",
            "reference_events": "30", "reference_total": "90",
            "not_stated": "", "what_we_know": ""
        }]);
        assert_eq!(rewritten, expected);
    }

    #[test]
    fn a_version_3_save_opens_with_its_specialists_and_linked_actions() {
        let loaded = load(V3).unwrap();
        assert_eq!(loaded.migrated_from, Some(3));
        assert_eq!(loaded.read_only_newer, None);
        let plan = loaded.plan;
        assert_eq!(plan.title, "Eastbrook IPS race equity plan (fictional)");
        let specialists = &plan.reap.specialists;
        assert_eq!(specialists.len(), 2);
        assert_eq!(specialists[0].name, "R.B.");
        assert_eq!(specialists[0].caseload["black"], "7");
        assert_eq!(specialists[0].caseload["other"], "", "a blank is kept");
        assert_eq!(
            specialists[1].caseload["other"], "2a",
            "what was typed is kept, even when it is not a number"
        );
        assert_eq!(specialists[1].caseload["white"], "1,020");
        assert_eq!(plan.reap.reviews[0].date, "2026-04-01");
        let actions = &plan.action_plan.objectives[0].actions;
        assert_eq!(actions[0].anchors, ["3.3"]);
        assert_eq!(actions[1].anchors, ["3.3", "1.1"]);
        assert!(actions[2].anchors.is_empty());
        let linked: Vec<&str> = plan
            .action_plan
            .actions_for_anchor("3.3")
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(linked, ["a1", "a2"]);
    }

    #[test]
    fn the_newest_fixture_is_exactly_what_this_version_writes() {
        let plan = load(V8).unwrap().plan;
        let rewritten: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        let fixture: Value = serde_json::from_str(V8).unwrap();
        assert_eq!(fixture["schema_version"], CURRENT_SCHEMA_VERSION);
        assert_eq!(
            rewritten, fixture,
            "update the fixture only together with a new schema version"
        );
    }

    #[test]
    fn a_version_7_save_opens_unchanged_with_a_blank_header_and_is_the_version_8_fixture_without_it(
    ) {
        let loaded = load(V7).unwrap();
        assert_eq!(loaded.migrated_from, Some(7));
        let plan = loaded.plan;
        assert!(plan.action_plan.header.is_blank());
        assert!(plan
            .action_plan
            .objectives
            .iter()
            .all(|o| o.theme.is_empty() && o.indicators.is_empty()));
        let mut rewritten: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        rewritten["schema_version"] = json!(7);
        assert_eq!(rewritten, serde_json::from_str::<Value>(V7).unwrap());
        // The version 8 fixture is this save with the header and the first objective's new fields.
        let v8 = load(V8).unwrap().plan;
        assert_eq!(v8.action_plan.header.employees, "about 1,150");
        assert_eq!(v8.action_plan.objectives[0].theme, "Leadership");
        let mut without = v8.clone();
        without.action_plan.header = crate::plan::PlanHeader::default();
        without.action_plan.objectives[0].theme.clear();
        without.action_plan.objectives[0].indicators.clear();
        assert_eq!(
            without.action_plan.objectives[0].actions[0].metrics,
            ["leaving"]
        );
        without.action_plan.objectives[0].actions[0].metrics.clear();
        assert_eq!(without.action_plan.voice[0].how, "focus_group");
        without.action_plan.steps.clear();
        without.action_plan.voice.clear();
        assert_eq!(without, plan);
    }

    #[test]
    fn a_version_6_save_remembers_the_figures_its_texts_sit_beside_and_nothing_else_changes() {
        let plan = load(V6).unwrap().plan;
        let entries: Vec<&crate::plan::MetricEntry> =
            plan.data.periods.iter().flat_map(|p| &p.metrics).collect();
        for entry in &entries {
            assert_eq!(
                entry.what_we_know_for.is_empty(),
                entry.what_we_know.trim().is_empty()
            );
            assert!(!crate::wres::what_we_know_is_stale(entry, &plan.settings));
        }
        assert!(entries.iter().any(|e| !e.what_we_know_for.is_empty()));
        let mut rewritten: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        rewritten["schema_version"] = json!(6);
        let strip = |mut v: Value| {
            for period in v["data"]["periods"].as_array_mut().unwrap() {
                for entry in period["metrics"].as_array_mut().unwrap() {
                    entry.as_object_mut().unwrap().remove("what_we_know_for");
                }
            }
            v
        };
        assert_eq!(strip(rewritten), serde_json::from_str::<Value>(V6).unwrap());
        // The version 7 fixture is this save in the new shape.
        let v7: Value = serde_json::from_str(V7).unwrap();
        let mut as_v7: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        as_v7["schema_version"] = json!(7);
        assert_eq!(as_v7, v7);
    }

    #[test]
    fn a_version_3_save_is_written_back_unchanged_but_for_its_version() {
        let plan = load(V3).unwrap().plan;
        let mut rewritten: Value = serde_json::from_str(&crate::plan::to_json(&plan)).unwrap();
        rewritten["schema_version"] = json!(3);
        assert_eq!(rewritten, serde_json::from_str::<Value>(V3).unwrap());
    }

    #[test]
    fn a_version_4_save_opens_with_its_journey_and_linked_actions() {
        use crate::journey::{Answer, OutcomeArea};
        let loaded = load(V4).unwrap();
        assert_eq!(loaded.migrated_from, Some(4));
        assert_eq!(loaded.read_only_newer, None);
        let plan = loaded.plan;
        assert_eq!(plan.schema_version, CURRENT_SCHEMA_VERSION);
        assert!(plan.data.periods.is_empty());
        assert_eq!(plan.title, "Westmoor journey to race equality (fictional)");
        let journey = &plan.journey;
        assert_eq!(journey.participants.len(), 4);
        assert_eq!(
            journey.participants[1].department,
            " housing / homelessness"
        );
        assert_eq!(journey.participants[3].stage, None);
        assert_eq!(
            journey.participants[0].evidence,
            "Lettings monitored by ethnicity each quarter.\nTargets agreed with tenants' groups."
        );
        assert_eq!(journey.agreed_stage, Some(Stage::Developing));
        assert_eq!(journey.reassessment_date, "2027-03-10");
        assert_eq!(
            journey.department_stage("Housing / Homelessness"),
            Some(Stage::Starting)
        );
        assert_eq!(
            journey.department_stage("ADULT SOCIAL CARE"),
            Some(Stage::Intending)
        );
        assert_eq!(
            journey.clarity_answers(),
            [
                Some(Answer::Yes),
                Some(Answer::No),
                Some(Answer::NotSure),
                None
            ]
        );
        // Saved first, but read by question: the answers above are in the questions' order.
        assert_eq!(journey.clarity[0].question, "evidence_of_improvement");
        assert_eq!(
            journey
                .clarity_record("evidence_of_improvement")
                .unwrap()
                .note,
            "Ask the data team."
        );
        // The "no" to question 2 caps the agreed Developing at Starting.
        let overall = journey.overall().unwrap();
        assert_eq!((overall.stage, overall.capped), (Stage::Starting, true));
        assert_eq!(
            journey
                .outcome_record("employment")
                .unwrap()
                .improvement_measures,
            "Share of managers by ethnic group, each year"
        );
        let gaps: Vec<OutcomeArea> = journey
            .outcome_gaps()
            .into_iter()
            .filter(|g| !g.any())
            .map(|g| g.area)
            .collect();
        assert!(gaps.is_empty(), "no area is complete in the fixture");
        assert_eq!(
            journey.strengths,
            "Housing data is good and shared every quarter."
        );
        assert_eq!(
            journey.to_develop,
            "Agree outcomes with communities, not only with staff."
        );
        let past = &journey.past[0];
        assert_eq!(
            (past.date.as_str(), past.stage, past.capped),
            ("2026-03-12", Some(Stage::Starting), true)
        );
        assert_eq!(
            past.departments
                .iter()
                .find(|d| d.department == "Finance")
                .and_then(|d| d.stage),
            Some(Stage::Resisting)
        );
        assert_eq!(past.participants[0].id, "p1");
        let (names, rows) = journey.timeline();
        // The past assessment's departments in the order saved (a list, no longer sorted by
        // name), then the one only named now. Finance, which no one names now, is kept.
        assert_eq!(
            names,
            ["Housing / Homelessness", "Finance", "Adult social care"]
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].departments,
            [Some(Stage::Starting), Some(Stage::Resisting), None]
        );
        assert_eq!(
            rows[1].departments,
            [Some(Stage::Starting), None, Some(Stage::Intending)]
        );

        let actions = &plan.action_plan.objectives[0].actions;
        assert_eq!(actions[0].stages, [Stage::Developing]);
        assert_eq!(actions[0].breakthroughs, ["developing.capacity"]);
        assert!(actions[1].breakthroughs.is_empty() && actions[1].anchors.is_empty());
        assert_eq!(actions[2].anchors, ["4.1"]);
        assert_eq!(actions[2].stages, [Stage::Starting, Stage::Developing]);
        let linked: Vec<&str> = plan
            .action_plan
            .actions_for_stage(Stage::Developing)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(linked, ["a1", "a2", "a3"]);
        assert_eq!(plan.action_plan.actions_for_stage(Stage::Starting).len(), 1);
    }

    #[test]
    fn a_version_5_save_opens_with_its_counts_as_typed() {
        use crate::plan::MetricEntry;
        let loaded = load(V5).unwrap();
        assert_eq!(loaded.migrated_from, Some(5));
        assert_eq!(loaded.read_only_newer, None);
        assert!(loaded.left_out.is_empty());
        let plan = loaded.plan;
        assert_eq!(plan.schema_version, CURRENT_SCHEMA_VERSION);
        assert_eq!(
            plan.title,
            "Westmoor race equality plan with workforce data (fictional)"
        );
        assert!(plan.parts_in_use.data);
        let periods = &plan.data.periods;
        assert_eq!(periods.len(), 2);
        assert_eq!(
            (periods[0].id.as_str(), periods[0].label.as_str()),
            ("d1", "2023-24")
        );
        assert_eq!(
            (periods[1].id.as_str(), periods[1].label.as_str()),
            ("d2", "2024-25")
        );
        assert_eq!(
            periods[0].metrics[0],
            MetricEntry {
                metric: "appointment".into(),
                comparison_events: "41".into(),
                comparison_total: "100".into(),
                reference_events: "53".into(),
                reference_total: "100".into(),
                not_stated: "3".into(),
                what_we_know: "Fewer applicants from minoritised groups are appointed once shortlisted.\nPanels are not yet mixed.".into(),
                // Taken as written for the figures it sits beside (the version 7 step).
                what_we_know_for: "41,100,53,100|sc_wres|white|0.8-1.25".into(),
            }
        );
        // Older figures kept beside entries a team has since edited are not read again.
        assert_eq!(
            periods[0].figures["appointed_from_shortlisting"]["white"]["count"],
            50
        );
        assert_eq!(periods[0].metrics.len(), 2);
        let leaving = &periods[0].metrics[1];
        assert_eq!(leaving.metric, "leaving");
        assert_eq!(
            leaving.comparison_events, "12a",
            "what was typed is kept, even when it is not a number"
        );
        assert_eq!(leaving.reference_total, "", "a blank is kept");
        let metrics: Vec<&str> = periods[1]
            .metrics
            .iter()
            .map(|m| m.metric.as_str())
            .collect();
        assert_eq!(metrics, ["senior_roles", "cpd", "harassment_from_managers"]);
        assert!(periods[1].figures.is_null());
        assert_eq!(periods[1].metrics[0].not_stated, "0");
        assert_eq!(periods[1].metrics[1].comparison_events, " 1,020 ");
        let know = &periods[1].metrics[2];
        assert_eq!(
            know.what_we_know,
            "The staff survey question changed this year, so there are no counts."
        );
        assert!(crate::wres::Count::ALL
            .iter()
            .all(|c| c.of(know).is_empty()));
        // Every metric id in the fixture is one the Data screen enters.
        for period in periods {
            for entry in &period.metrics {
                let metric = crate::wres::metric_from_id(&entry.metric).unwrap();
                assert!(crate::wres::ENTERED.contains(&metric), "{}", entry.metric);
            }
        }
        // The journey and actions of version 4 are read as before.
        assert_eq!(plan.journey.participants.len(), 4);
        assert_eq!(plan.journey.agreed_stage, Some(Stage::Developing));
        assert_eq!(plan.journey.clarity.len(), 4);
        assert_eq!(plan.journey.past[0].date, "2026-03-12");
        let actions = &plan.action_plan.objectives[0].actions;
        assert_eq!(actions[2].anchors, ["4.1"]);
        assert_eq!(actions[2].stages, [Stage::Starting, Stage::Developing]);
        assert_eq!(plan.history.len(), 3);
        assert_eq!(
            plan.history[2].what,
            "Counts for ‘Appointment from shortlisting’ in ‘2023-24’ changed"
        );
    }

    #[test]
    fn version_5_saves_open_with_no_service_figures_and_version_6_keeps_them() {
        let v5: Value = serde_json::from_str(V5).unwrap();
        assert_eq!(migrate_v5_to_v6(v5.clone()).unwrap(), v5);
        assert!(load(V5).unwrap().plan.data.service.is_empty());
        let service = load(V6).unwrap().plan.data.service;
        assert_eq!(service.population_source, "Census 2021, a made-up borough");
        assert_eq!(service.population[3], "71.2");
        assert_eq!(service.rows[1].group, "black");
        assert_eq!(service.rows[1].days, "40, 95, 210");
    }

    #[test]
    fn migrating_version_4_changes_nothing() {
        let v4: Value = serde_json::from_str(V4).unwrap();
        assert_eq!(migrate_v4_to_v5(v4.clone()).unwrap(), v4);
        let odd = json!({"title": "T", "data": {"periods": [{"figures": "kept as found"}]}});
        assert_eq!(migrate_v4_to_v5(odd.clone()).unwrap(), odd);
    }

    #[test]
    fn a_version_4_save_with_figures_opens_with_them_as_entries() {
        use crate::plan::MetricEntry;
        let mut v4: Value = serde_json::from_str(V4).unwrap();
        v4["settings"]["reference_group"] = json!("white_british");
        v4["data"]["periods"] = json!([
            {"id": "d1", "label": "2022-23", "figures": {
                "leaving": {
                    "white_british": {"count": 12, "out_of": 200},
                    "black": {"count": 5, "out_of": 40},
                    "mixed": {"count": 3, "out_of": 20},
                    "not_stated": {"count": 1, "out_of": 9}
                },
                "pay_bands": {"white_british": {"count": 4, "out_of": 10}},
                "not_a_metric": {"black": {"count": 1, "out_of": 2}}
            }},
            {"id": "d2", "label": "2023-24"}
        ]);
        let loaded = load_value(v4).unwrap();
        assert_eq!(loaded.migrated_from, Some(4));
        let periods = &loaded.plan.data.periods;
        assert_eq!(
            periods[0].metrics,
            [MetricEntry {
                metric: "leaving".into(),
                comparison_events: "8".into(),
                comparison_total: "60".into(),
                reference_events: "12".into(),
                reference_total: "200".into(),
                not_stated: "9".into(),
                what_we_know: String::new(),
                what_we_know_for: String::new(),
            }],
            "metrics entered as counts only, against the plan's reference group"
        );
        assert_eq!(
            periods[0].figures.as_object().map(|m| m.len()),
            Some(3),
            "the figures are kept as found"
        );
        assert!(periods[1].metrics.is_empty() && periods[1].figures.is_null());
        // Saved again, the entries are saved and are not read from the figures a second time.
        let mut plan = loaded.plan;
        plan.data.periods[0].metrics.clear();
        let again = load(&crate::plan::to_json(&plan)).unwrap();
        assert_eq!(again.migrated_from, None);
        assert!(again.plan.data.periods[0].metrics.is_empty());
    }

    #[test]
    fn migrating_version_3_changes_nothing() {
        let v3: Value = serde_json::from_str(V3).unwrap();
        assert_eq!(migrate_v3_to_v4(v3.clone()).unwrap(), v3);
        let odd = json!({"title": "T", "journey": {"clarity": "kept as found"}});
        assert_eq!(migrate_v3_to_v4(odd.clone()).unwrap(), odd);
    }

    #[test]
    fn migrating_version_2_changes_nothing() {
        let v2: Value = serde_json::from_str(V2).unwrap();
        assert_eq!(migrate_v2_to_v3(v2.clone()).unwrap(), v2);
        let odd = json!({"title": "T", "reap": {"specialists": "kept as found"}});
        assert_eq!(migrate_v2_to_v3(odd.clone()).unwrap(), odd);
    }

    #[test]
    fn new_fields_of_the_wrong_kind_are_reported_with_their_path() {
        let cases = [
            (
                json!({"schema_version": 3, "reap": {"specialists": [{"id": "es1", "caseload": {"black": 12}}]}}),
                "reap › specialists › 1 › caseload › black",
            ),
            (
                json!({"schema_version": 3, "reap": {"specialists": {"es1": {}}}}),
                "reap › specialists",
            ),
            (
                json!({"schema_version": 3, "action_plan": {"objectives": [{"actions": [{"anchors": "1.2"}]}]}}),
                "action_plan › objectives › 1 › actions › 1 › anchors",
            ),
        ];
        for (value, path) in cases {
            match load(&value.to_string()) {
                Err(LoadError::Invalid { path: found, .. }) => assert_eq!(found, path),
                other => panic!("{value}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_save_with_more_specialists_than_can_be_added_keeps_them_all() {
        let specialists: Vec<Value> = (1..=crate::plan::MAX_SPECIALISTS + 5)
            .map(|n| json!({"id": format!("es{n}"), "name": format!("ES {n}")}))
            .collect();
        let text = json!({"schema_version": 3, "title": "T", "reap": {"specialists": specialists}});
        let mut plan = load(&text.to_string()).unwrap().plan;
        assert_eq!(
            plan.reap.specialists.len(),
            crate::plan::MAX_SPECIALISTS + 5
        );
        assert_eq!(plan.reap.add_specialist(), None);
    }

    #[test]
    fn migrating_version_1_renames_fields_and_wraps_actions_in_an_objective() {
        let v1 = json!({
            "name": "T", "period": "2023", "parts": ["data"], "comparison_term": "our words",
            "reap": {"1.1": {"status": "met"}}, "actions": [{"text": "Do it"}, {"id": "x", "text": "And this"}],
            "owner_note": "kept"
        });
        let v2 = migrate_v1_to_v2(v1).unwrap();
        assert_eq!(v2["schema_version"], 2);
        assert_eq!(v2["title"], "T");
        assert_eq!(v2["reporting_period"], "2023");
        assert_eq!(
            v2["parts_in_use"],
            json!({"reap": false, "journey": false, "data": true, "action_plan": false})
        );
        assert_eq!(v2["settings"]["comparison_group_term"], "our words");
        assert_eq!(v2["reap"]["anchors"]["1.1"]["status"], "met");
        let actions = &v2["action_plan"]["objectives"][0]["actions"];
        assert_eq!(actions[0]["id"], "a1");
        assert_eq!(actions[1]["id"], "x");
        assert_eq!(v2["owner_note"], "kept");
        assert!(v2.get("name").is_none() && v2.get("actions").is_none());
    }

    #[test]
    fn migrating_version_1_without_optional_parts_adds_nothing() {
        let v2 = migrate_v1_to_v2(json!({"name": "T", "actions": []})).unwrap();
        assert!(v2.get("parts_in_use").is_none());
        assert!(v2.get("settings").is_none());
        assert!(v2.get("action_plan").is_none());
        let plan = load_value(v2).unwrap().plan;
        assert!(plan.parts_in_use.journey);
    }

    #[test]
    fn migrating_version_1_does_not_wrap_reap_records_twice() {
        let v2 = migrate_v1_to_v2(
            json!({"title": "T", "reap": {"anchors": {"1.1": {"status": "met"}}}}),
        )
        .unwrap();
        assert_eq!(v2["reap"], json!({"anchors": {"1.1": {"status": "met"}}}));
    }

    #[test]
    fn migrating_version_1_refuses_parts_that_are_not_a_list() {
        let err = migrate_v1_to_v2(json!({"name": "T", "parts": "reap"})).unwrap_err();
        assert_eq!(
            err,
            LoadError::Invalid {
                path: "parts".into(),
                detail: "expected a list of parts".into()
            }
        );
        assert!(matches!(
            migrate_v1_to_v2(json!([1])),
            Err(LoadError::NotAPlan { .. })
        ));
    }

    #[test]
    fn a_save_without_a_schema_version_is_version_1() {
        let loaded = load(r#"{"name": "Old plan"}"#).unwrap();
        assert_eq!(loaded.migrated_from, Some(1));
        assert_eq!(loaded.plan.title, "Old plan");
    }

    #[test]
    fn a_newer_save_opens_read_only_with_what_can_be_read() {
        let version = CURRENT_SCHEMA_VERSION + 1;
        let newer = json!({
            "schema_version": version, "id": "p1", "title": "From the future", "colour_scheme": "dark",
            "reap": {"anchors": {"1.1": {"status": "met"}, "1.2": {"status": "partly_met", "evidence": "Some"}}}
        });
        let loaded = load(&newer.to_string()).unwrap();
        assert_eq!(loaded.read_only_newer, Some(version));
        assert_eq!(loaded.migrated_from, None);
        assert_eq!(
            loaded.plan.schema_version, version,
            "the plan remembers it came from a newer version"
        );
        assert_eq!(loaded.plan.title, "From the future");
        assert_eq!(loaded.plan.reap.anchors["1.1"].status, AnchorStatus::Met);
        assert_eq!(loaded.plan.reap.anchors["1.2"].evidence, "Some");
        assert_eq!(loaded.left_out, vec!["reap › anchors › 1.2 › status"]);
    }

    #[test]
    fn a_newer_save_that_cannot_be_read_is_refused_not_guessed() {
        let anchors: Map<String, Value> = (0..40)
            .map(|n| (format!("9.{n}"), json!({"status": {"new": "shape"}})))
            .collect();
        let found = CURRENT_SCHEMA_VERSION + 2;
        let newer = json!({"schema_version": found, "title": "T", "reap": {"anchors": anchors}});
        let err = load(&newer.to_string()).unwrap_err();
        assert_eq!(
            err,
            LoadError::NewerVersion {
                found,
                supported: CURRENT_SCHEMA_VERSION
            }
        );
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn text_that_is_not_json_says_where() {
        let err = load("{\n  \"title\": \"A\",\n  \"team\" \"B\"\n}").unwrap_err();
        let LoadError::NotJson { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 10));
        assert_eq!(
            err.to_string(),
            "This file is not a plan saved by the Race Equity Planner: it is not valid JSON (line 3, column 10). Check you chose the right file, and that it was not cut short or edited."
        );
    }

    #[test]
    fn json_that_is_not_a_plan_is_named_as_such() {
        for (text, reason) in [
            ("[1, 2]", "it holds a list, not a plan"),
            ("42", "it holds a single value, not a plan"),
            ("{}", "it has none of the parts of a plan"),
            (r#"{"rows": []}"#, "it has none of the parts of a plan"),
            ("   ", "it is empty"),
        ] {
            assert_eq!(
                load(text).unwrap_err(),
                LoadError::NotAPlan {
                    reason: reason.into()
                },
                "{text}"
            );
        }
        let backup = json!({"format": BACKUP_FORMAT, "plans": []}).to_string();
        assert!(load(&backup)
            .unwrap_err()
            .to_string()
            .contains("use Import"));
    }

    #[test]
    fn text_over_the_limit_is_refused_before_parsing() {
        let huge = " ".repeat(MAX_PLAN_BYTES + 1);
        let err = load(&huge).unwrap_err();
        assert_eq!(
            err,
            LoadError::TooLarge {
                bytes: MAX_PLAN_BYTES + 1,
                limit: MAX_PLAN_BYTES
            }
        );
        assert!(err
            .to_string()
            .contains("21 MB, and a plan is never more than 20 MB"));
    }

    #[test]
    fn deep_nesting_is_refused_without_crashing() {
        let deep = format!(
            "{{\"title\": {}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(matches!(load(&deep), Err(LoadError::NotJson { .. })));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert_eq!(
            load("\u{feff}{\"schema_version\": 2, \"title\": \"T\"}")
                .unwrap()
                .plan
                .title,
            "T"
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_reported_with_its_path() {
        let cases = [
            (
                json!({"schema_version": 2, "reap": {"anchors": {"1.2": {"status": "done"}}}}),
                "reap › anchors › 1.2 › status",
            ),
            (
                json!({"schema_version": 2, "action_plan": {"objectives": [{"actions": [{}, {"status": 3}]}]}}),
                "action_plan › objectives › 1 › actions › 2 › status",
            ),
            (json!({"schema_version": 2, "reap": "lots"}), "reap"),
            (
                json!({"schema_version": 2, "title": {"text": "T"}}),
                "title",
            ),
        ];
        for (value, path) in cases {
            match load(&value.to_string()) {
                Err(LoadError::Invalid { path: found, .. }) => assert_eq!(found, path),
                other => panic!("{value}: {other:?}"),
            }
        }
    }

    /// Issue 18: plans are read with `serde_json`'s own rules, which also read a record from a
    /// list of its fields in order. The planner never writes one; a file that does is checked
    /// value by value just the same, and a wrong value is still reported with its path.
    #[test]
    fn a_record_written_as_a_list_of_its_fields_reads_field_by_field() {
        let loaded = load(r#"{"schema_version": 7, "reap": [{"1.1": {"status": "met"}}]}"#)
            .expect("the first field of the REAP section is its anchors");
        assert_eq!(loaded.plan.reap.anchors["1.1"].status, AnchorStatus::Met);
        match load(r#"{"schema_version": 7, "reap": ["lots"]}"#) {
            Err(LoadError::Invalid { path, detail }) => {
                assert_eq!(path, "reap › 1");
                assert!(detail.contains("expected a map"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_invalid_value_message_names_the_path_and_what_to_do() {
        let err =
            load(r#"{"schema_version": 2, "reap": {"anchors": {"1.2": {"status": "done"}}}}"#)
                .unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(
            "This plan could not be opened: the value at ‘reap › anchors › 1.2 › status’"
        ));
        assert!(message.contains("unknown variant `done`"));
        assert!(message.ends_with("if you have a backup, import that instead."));
    }

    #[test]
    fn a_schema_version_that_is_not_a_whole_number_from_1_is_invalid() {
        for version in [
            json!("two"),
            json!(0),
            json!(-1),
            json!(2.5),
            json!(5_000_000_000u64),
        ] {
            let err =
                load(&json!({"schema_version": version, "title": "T"}).to_string()).unwrap_err();
            assert!(
                matches!(&err, LoadError::Invalid { path, .. } if path == "schema_version"),
                "{version}: {err:?}"
            );
        }
    }

    #[test]
    fn errors_in_a_backup_say_which_plan() {
        let inner = LoadError::NotAPlan {
            reason: "it holds a list, not a plan".into(),
        };
        let err = LoadError::InBackup {
            plan_number: 3,
            title: "Team A".into(),
            error: Box::new(inner),
        };
        assert!(err.to_string().starts_with(
            "Plan 3 in this backup (‘Team A’) could not be read, so nothing has been imported. This file is not a plan"
        ));
    }
}
