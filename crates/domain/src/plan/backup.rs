//! Backup files (many plans in one JSON file) and the preview of what importing a file will do.

use serde_json::Value;

use super::history::shorten;
use super::load::{load_value, parse, schema_version};
use super::{unique, LoadError, Plan, PlanSummary, CURRENT_SCHEMA_VERSION};

/// The `format` field that marks a backup file.
pub const BACKUP_FORMAT: &str = "race-equity-planner-backup";

/// A backup of `plans` as indented JSON, to download.
pub fn backup_to_json(plans: &[Plan], now: &str) -> String {
    let texts: Vec<String> = plans.iter().map(super::to_json).collect();
    backup_of_saved_texts(&texts, now)
}

/// A backup made from plans exactly as they were saved, so that a plan from a newer version
/// keeps the parts this version cannot read. Texts that are not JSON are left out (the planner
/// keeps those aside as unreadable saves).
pub fn backup_of_saved_texts(texts: &[String], now: &str) -> String {
    let plans: Vec<Value> = texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect();
    let backup = serde_json::json!({
        "format": BACKUP_FORMAT,
        "schema_version": CURRENT_SCHEMA_VERSION,
        "exported": now,
        "plans": plans,
    });
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// What importing a file would do. Nothing is stored until the user confirms.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub items: Vec<ImportItem>,
    /// When the backup was made, if the file is a backup and says.
    pub exported: Option<String>,
}

/// One plan in the file, read and migrated, and what importing it would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    pub plan: Plan,
    pub outcome: ImportOutcome,
    pub migrated_from: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new plan (an id the user does not have).
    Add,
    /// Same id as a plan the user has: ask before replacing it.
    Replace { existing: PlanSummary },
}

/// What the user chose to do with one plan in an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    /// A new plan: add it as it is.
    Add,
    /// A plan the user already has: add the imported one beside it, as a copy with a new id.
    KeepBoth,
    /// A plan the user already has: replace it with the imported one.
    Replace,
    Skip,
}

impl ImportOutcome {
    /// The choice offered first: nothing is replaced unless the user says so.
    pub fn default_choice(&self) -> ImportChoice {
        match self {
            ImportOutcome::Add => ImportChoice::Add,
            ImportOutcome::Replace { .. } => ImportChoice::KeepBoth,
        }
    }
}

impl ImportPreview {
    /// The plans to store for the user's choices, one per item in order (a missing choice takes
    /// the default). A kept-both plan gets a fresh id not in `taken` nor given to another item.
    pub fn plans_to_store(
        self,
        choices: &[ImportChoice],
        taken: &[String],
        now: &str,
    ) -> Vec<Plan> {
        let mut taken: Vec<String> = taken.to_vec();
        let mut plans = Vec::new();
        for (index, item) in self.items.into_iter().enumerate() {
            let choice = choices
                .get(index)
                .copied()
                .unwrap_or_else(|| item.outcome.default_choice());
            match (choice, &item.outcome) {
                (ImportChoice::Skip, _) => {}
                // "Add" for a plan the user already has would replace it without asking.
                (ImportChoice::Add, ImportOutcome::Replace { .. })
                | (ImportChoice::KeepBoth, _) => {
                    let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                    let id = super::fresh_plan_id(now, &refs);
                    taken.push(id.clone());
                    plans.push(super::duplicate(&item.plan, &id, now));
                }
                (ImportChoice::Add | ImportChoice::Replace, _) => {
                    taken.push(item.plan.id.clone());
                    plans.push(item.plan);
                }
            }
        }
        plans
    }

    pub fn replaces_any(&self) -> bool {
        self.items
            .iter()
            .any(|item| item.outcome != ImportOutcome::Add)
    }

    /// One sentence for the confirmation step, such as "This file holds 3 plans: 2 will be added
    /// as new, and 1 would replace a plan you already have."
    pub fn summary(&self) -> String {
        let replacing: Vec<&PlanSummary> = self
            .items
            .iter()
            .filter_map(|item| match &item.outcome {
                ImportOutcome::Replace { existing } => Some(existing),
                ImportOutcome::Add => None,
            })
            .collect();
        let added = self.items.len() - replacing.len();
        if let [only] = self.items.as_slice() {
            return match &only.outcome {
                ImportOutcome::Add => {
                    "This file holds 1 plan. It will be added as a new plan.".into()
                }
                ImportOutcome::Replace { existing } => format!(
                    "This file holds 1 plan. It would replace your plan ‘{}’.",
                    shorten(&existing.title)
                ),
            };
        }
        let mut parts = Vec::new();
        if added > 0 {
            parts.push(format!("{added} will be added as new"));
        }
        if !replacing.is_empty() {
            let noun = if replacing.len() == 1 {
                "a plan"
            } else {
                "plans"
            };
            parts.push(format!(
                "{} would replace {noun} you already have",
                replacing.len()
            ));
        }
        format!(
            "This file holds {} plans: {}.",
            self.items.len(),
            parts.join(", and ")
        )
    }
}

/// Reads a file to import (one plan, or a backup of many), migrating each plan, and says for each
/// whether it would be added or would replace one of `existing` (matched by id). Any problem
/// refuses the whole file, so a bad or hostile file changes nothing. Plans from a newer version
/// are refused: storing them here would drop what this version does not understand. A plan with
/// no id is given one.
pub fn parse_import(text: &str, existing: &[PlanSummary]) -> Result<ImportPreview, LoadError> {
    let value = parse(text)?;
    let is_backup = value.get("format").and_then(Value::as_str) == Some(BACKUP_FORMAT);
    let (plans, exported) = if is_backup {
        let exported = value
            .get("exported")
            .and_then(Value::as_str)
            .map(str::to_string);
        let Some(Value::Array(plans)) = value.get("plans") else {
            let found = schema_version(&value)?;
            return Err(if found > CURRENT_SCHEMA_VERSION {
                LoadError::NewerVersion {
                    found,
                    supported: CURRENT_SCHEMA_VERSION,
                }
            } else {
                LoadError::Invalid {
                    path: "plans".into(),
                    detail: "expected a list of plans".into(),
                }
            });
        };
        if plans.is_empty() {
            return Err(LoadError::NotAPlan {
                reason: "it is a backup that holds no plans".into(),
            });
        }
        (plans.clone(), exported)
    } else {
        (vec![value], None)
    };

    let taken: Vec<String> = existing.iter().map(|summary| summary.id.clone()).collect();
    let mut seen: Vec<String> = Vec::new();
    let mut items = Vec::with_capacity(plans.len());
    for (index, value) in plans.into_iter().enumerate() {
        let title = value
            .get("title")
            .or_else(|| value.get("name"))
            .and_then(Value::as_str);
        let title = title.map(shorten).unwrap_or_default();
        let in_file = |error: LoadError| {
            if is_backup {
                LoadError::InBackup {
                    plan_number: index + 1,
                    title: title.clone(),
                    error: Box::new(error),
                }
            } else {
                error
            }
        };
        let loaded = load_value(value).map_err(in_file)?;
        if let Some(found) = loaded.read_only_newer {
            return Err(in_file(LoadError::NewerVersion {
                found,
                supported: CURRENT_SCHEMA_VERSION,
            }));
        }
        let mut plan = loaded.plan;
        if plan.id.is_empty() {
            let ids: Vec<&str> = taken.iter().chain(&seen).map(String::as_str).collect();
            plan.id = unique("imported".into(), &ids);
        } else if seen.contains(&plan.id) {
            return Err(in_file(LoadError::Invalid {
                path: "id".into(),
                detail: format!(
                    "another plan in this file has the same id, ‘{}’",
                    shorten(&plan.id)
                ),
            }));
        }
        seen.push(plan.id.clone());
        let outcome = match existing.iter().find(|summary| summary.id == plan.id) {
            Some(summary) => ImportOutcome::Replace {
                existing: summary.clone(),
            },
            None => ImportOutcome::Add,
        };
        items.push(ImportItem {
            plan,
            outcome,
            migrated_from: loaded.migrated_from,
        });
    }
    Ok(ImportPreview { items, exported })
}

#[cfg(test)]
mod tests {
    #[test]
    fn choices_decide_what_is_stored_and_nothing_is_replaced_by_default() {
        let mine = Plan::new("p1", "Mine", "2025-01-01T00:00:00Z");
        let other = Plan::new("p2", "Theirs", "2025-01-01T00:00:00Z");
        let text = backup_to_json(&[mine.clone(), other.clone()], "2025-02-01T00:00:00Z");
        let existing = [mine.summary()];
        let taken = vec!["p1".to_string()];
        let now = "2025-03-01T10:00:00Z";
        let preview = || parse_import(&text, &existing).unwrap();

        // Defaults: the new plan is added; the one already here is kept beside, as a copy.
        let defaults: Vec<ImportChoice> = preview()
            .items
            .iter()
            .map(|i| i.outcome.default_choice())
            .collect();
        assert_eq!(defaults, [ImportChoice::KeepBoth, ImportChoice::Add]);
        let stored = preview().plans_to_store(&defaults, &taken, now);
        assert_eq!(stored.len(), 2);
        assert_ne!(stored[0].id, "p1", "kept both: a new id");
        assert!(stored[0].title.contains("Mine"));
        assert_eq!(stored[1].id, "p2");

        // Replace keeps the id; Skip stores nothing; "Add" on an existing plan never replaces.
        let stored =
            preview().plans_to_store(&[ImportChoice::Replace, ImportChoice::Skip], &taken, now);
        assert_eq!(
            stored.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["p1"]
        );
        let stored = preview().plans_to_store(&[ImportChoice::Add], &taken, now);
        assert_ne!(stored[0].id, "p1");
        assert_eq!(stored[1].id, "p2", "a missing choice takes the default");
    }

    #[test]
    fn a_backup_of_saved_texts_keeps_what_this_version_cannot_read() {
        let newer = r#"{"schema_version": 99, "id": "future", "title": "From the future", "a_part_added_later": {"x": 1}}"#;
        let text = super::backup_of_saved_texts(
            &[newer.to_string(), "not json".to_string()],
            "2026-11-28T10:00:00Z",
        );
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], BACKUP_FORMAT);
        assert_eq!(value["plans"].as_array().map(Vec::len), Some(1));
        assert_eq!(value["plans"][0]["a_part_added_later"]["x"], 1);
        assert_eq!(value["plans"][0]["schema_version"], 99);
    }

    use super::*;
    use serde_json::json;

    fn plan(id: &str, title: &str) -> Plan {
        Plan::new(id, title, "2025-01-01T00:00:00Z")
    }

    fn summary(id: &str, title: &str) -> PlanSummary {
        plan(id, title).summary()
    }

    #[test]
    fn a_backup_round_trips_and_new_plans_are_added() {
        let plans = vec![Plan::example(), plan("p2", "Second")];
        let text = backup_to_json(&plans, "2025-02-01T12:00:00Z");
        let preview = parse_import(&text, &[summary("other", "Other")]).unwrap();
        assert_eq!(preview.exported.as_deref(), Some("2025-02-01T12:00:00Z"));
        let read: Vec<Plan> = preview.items.iter().map(|item| item.plan.clone()).collect();
        assert_eq!(read, plans);
        assert!(preview
            .items
            .iter()
            .all(|item| item.outcome == ImportOutcome::Add && item.migrated_from.is_none()));
        assert!(!preview.replaces_any());
        assert_eq!(
            preview.summary(),
            "This file holds 2 plans: 2 will be added as new."
        );
    }

    #[test]
    fn the_backup_file_says_what_it_is() {
        let value: Value =
            serde_json::from_str(&backup_to_json(&[], "2025-02-01T12:00:00Z")).unwrap();
        assert_eq!(value["format"], BACKUP_FORMAT);
        assert_eq!(value["schema_version"], CURRENT_SCHEMA_VERSION);
        assert_eq!(value["plans"], json!([]));
    }

    #[test]
    fn a_plan_with_an_id_the_user_has_would_replace_it_and_the_preview_says_so() {
        let text = backup_to_json(
            &[plan("p1", "Newer copy"), plan("p2", "New")],
            "2025-02-01T12:00:00Z",
        );
        let existing = [summary("p1", "My plan")];
        let preview = parse_import(&text, &existing).unwrap();
        assert_eq!(
            preview.items[0].outcome,
            ImportOutcome::Replace {
                existing: existing[0].clone()
            }
        );
        assert_eq!(preview.items[1].outcome, ImportOutcome::Add);
        assert!(preview.replaces_any());
        assert_eq!(
            preview.summary(),
            "This file holds 2 plans: 1 will be added as new, and 1 would replace a plan you already have."
        );
    }

    #[test]
    fn a_single_plan_file_imports_as_one_plan() {
        let text = crate::plan::to_json_pretty(&plan("p1", "Mine"));
        let preview = parse_import(&text, &[]).unwrap();
        assert_eq!(preview.items.len(), 1);
        assert_eq!(preview.exported, None);
        assert_eq!(
            preview.summary(),
            "This file holds 1 plan. It will be added as a new plan."
        );
        let preview = parse_import(&text, &[summary("p1", "Mine (old)")]).unwrap();
        assert_eq!(
            preview.summary(),
            "This file holds 1 plan. It would replace your plan ‘Mine (old)’."
        );
    }

    #[test]
    fn each_plan_in_a_backup_is_migrated() {
        let v1 = include_str!("../../tests/fixtures/plan/v1.json");
        let v1: Value = serde_json::from_str(v1).unwrap();
        let v2 = include_str!("../../tests/fixtures/plan/v2.json");
        let v2: Value = serde_json::from_str(v2).unwrap();
        let v3 = include_str!("../../tests/fixtures/plan/v3.json");
        let v3: Value = serde_json::from_str(v3).unwrap();
        let v4 = include_str!("../../tests/fixtures/plan/v4.json");
        let v4: Value = serde_json::from_str(v4).unwrap();
        let v5 = include_str!("../../tests/fixtures/plan/v5.json");
        let v5: Value = serde_json::from_str(v5).unwrap();
        let plans = [v1, v2, v3, v4, v5];
        let text = json!({"format": BACKUP_FORMAT, "schema_version": 2, "plans": plans});
        let preview = parse_import(&text.to_string(), &[]).unwrap();
        assert_eq!(preview.items[0].migrated_from, Some(1));
        assert_eq!(
            preview.items[0].plan.title,
            "Riverside IPS race equity plan (fictional)"
        );
        assert_eq!(
            preview.items[0].plan.action_plan.objectives[0]
                .actions
                .len(),
            2
        );
        assert_eq!(preview.items[1].migrated_from, Some(2));
        assert_eq!(
            preview.items[1].plan.title,
            "Hillside social care race equity plan (fictional)"
        );
        assert_eq!(
            preview.items[1].plan.data.periods[0].metrics[0].metric, "appointment",
            "version 2's figures are read into entries"
        );
        assert_eq!(preview.items[2].migrated_from, Some(3));
        assert_eq!(preview.items[2].plan.reap.specialists.len(), 2);
        assert_eq!(preview.items[3].migrated_from, Some(4));
        assert_eq!(preview.items[4].migrated_from, Some(5));
        assert_eq!(
            preview.items[4].plan.data.periods[0].metrics[1].comparison_events,
            "12a"
        );
    }

    #[test]
    fn a_plan_without_an_id_is_given_one_that_clashes_with_nothing() {
        let text =
            json!({"format": BACKUP_FORMAT, "plans": [{"title": "A"}, {"title": "B"}]}).to_string();
        let preview = parse_import(&text, &[summary("imported", "Earlier import")]).unwrap();
        assert_eq!(preview.items[0].plan.id, "imported-2");
        assert_eq!(preview.items[1].plan.id, "imported-3");
        assert!(!preview.replaces_any());
    }

    #[test]
    fn one_bad_plan_refuses_the_whole_backup_and_says_which() {
        let text = json!({"format": BACKUP_FORMAT, "plans": [
            {"id": "p1", "title": "Fine"},
            {"schema_version": 2, "id": "p2", "title": "Broken", "reap": {"anchors": {"1.1": {"status": "sort of"}}}}
        ]});
        let err = parse_import(&text.to_string(), &[]).unwrap_err();
        let LoadError::InBackup {
            plan_number,
            title,
            error,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!((*plan_number, title.as_str()), (2, "Broken"));
        assert!(
            matches!(**error, LoadError::Invalid { ref path, .. } if path == "reap › anchors › 1.1 › status")
        );
    }

    #[test]
    fn a_plan_from_a_newer_version_is_refused_on_import() {
        let text = json!({"schema_version": 9, "id": "p1", "title": "Future"}).to_string();
        assert_eq!(
            parse_import(&text, &[]).unwrap_err(),
            LoadError::NewerVersion {
                found: 9,
                supported: CURRENT_SCHEMA_VERSION
            }
        );
        let text = json!({"format": BACKUP_FORMAT, "plans": [{"title": "Now"}, {"schema_version": 9, "title": "Future"}]});
        let err = parse_import(&text.to_string(), &[]).unwrap_err();
        assert!(matches!(err, LoadError::InBackup { plan_number: 2, .. }));
        let text = json!({"format": BACKUP_FORMAT, "schema_version": 9, "items": []});
        let err = parse_import(&text.to_string(), &[]).unwrap_err();
        assert_eq!(
            err,
            LoadError::NewerVersion {
                found: 9,
                supported: CURRENT_SCHEMA_VERSION
            }
        );
    }

    #[test]
    fn two_plans_with_one_id_in_a_file_are_refused() {
        let text = json!({"format": BACKUP_FORMAT, "plans": [{"id": "p1", "title": "A"}, {"id": "p1", "title": "B"}]});
        let err = parse_import(&text.to_string(), &[]).unwrap_err();
        assert!(
            err.to_string()
                .contains("another plan in this file has the same id, ‘p1’"),
            "{err}"
        );
    }

    #[test]
    fn a_backup_that_is_malformed_or_empty_is_refused() {
        let no_list = json!({"format": BACKUP_FORMAT, "plans": {"p1": {}}}).to_string();
        assert!(
            matches!(parse_import(&no_list, &[]), Err(LoadError::Invalid { path, .. }) if path == "plans")
        );
        let empty = json!({"format": BACKUP_FORMAT, "plans": []}).to_string();
        assert_eq!(
            parse_import(&empty, &[]).unwrap_err().to_string(),
            "This file is not a plan saved by the Race Equity Planner: it is a backup that holds no plans. Check you chose the right file."
        );
        let list = json!([{"title": "A"}]).to_string();
        assert!(matches!(
            parse_import(&list, &[]),
            Err(LoadError::NotAPlan { .. })
        ));
        assert!(matches!(
            parse_import("<html>", &[]),
            Err(LoadError::NotJson { .. })
        ));
    }
}
