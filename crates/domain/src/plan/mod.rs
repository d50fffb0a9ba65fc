//! The plan document: one serde type that holds a whole plan, and the pure operations on it
//! (loading with migrations, backup and import, the change log, the example plan, embedding in
//! the single HTML file).
//!
//! # Changing the shape of a plan
//! Every struct here is `#[serde(default)]`, and serde ignores fields it does not know, so a field
//! added with a default reads old saves without a migration. But an older build that reads a save
//! with a field it does not know drops that field when it saves again. So once a version is
//! released, any change to the shape must:
//! 1. bump [`CURRENT_SCHEMA_VERSION`], so older builds open newer saves read-only;
//! 2. add a migration to `load.rs` (often just `Ok(value)`), and a test for it;
//! 3. add `tests/fixtures/plan/vN.json`, a save in the new shape, and never edit the old ones.

mod backup;
/// A shorthand for edits in tests (`a/1.2/status`), read into typed edits; not used by the planner.
#[cfg(test)]
pub(crate) mod edit;
pub mod edits;
mod embed;
mod example;
mod history;
mod ids;
mod load;
mod sections;

use serde::{Deserialize, Serialize};

pub use backup::{
    backup_of_saved_texts, backup_to_json, parse_import, ImportChoice, ImportItem, ImportOutcome,
    ImportPreview, BACKUP_FORMAT,
};
pub use embed::{
    copy_namespace, embed_plan_in_html, embedded_copy_id, extract_embedded_plan, new_copy_id,
    EmbedError, EMBEDDED_PLAN_ELEMENT_ID,
};
pub use example::{full_plan_for_bench, is_changed_example, EXAMPLE_ID, EXAMPLE_TITLE};
pub use history::{describe_changes, record_changes, Change, COALESCE_SECONDS, MAX_HISTORY};
pub use ids::{is_plain_id, make_ids_plain, IdReplaced};
pub use load::{load, LoadError, Loaded, MAX_PLAN_BYTES};
pub use sections::*;

use crate::messages::Part;
use crate::stats::{Convention, NonAdverseRange, SuppressionPreset};

/// The shape of plan this build writes. Saves with a lower number are migrated on load; saves with
/// a higher one open read-only.
pub const CURRENT_SCHEMA_VERSION: u32 = 8;

/// A whole plan: what the user has recorded in each part, and the settings that shape it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub schema_version: u32,
    /// Stable id, used in storage keys and to match plans on import. Never shown.
    pub id: String,
    pub title: String,
    pub organisation: String,
    pub team: String,
    /// Free text, such as "April 2024 to March 2025".
    pub reporting_period: String,
    pub parts_in_use: PartsInUse,
    /// RFC 3339 timestamps supplied by the caller: the domain has no clock.
    pub created: String,
    pub modified: String,
    pub settings: Settings,
    pub reap: ReapSection,
    pub journey: JourneySection,
    pub data: DataSection,
    pub action_plan: ActionPlanSection,
    /// What changed and when, oldest first; see [`record_changes`].
    pub history: Vec<Change>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            schema_version: CURRENT_SCHEMA_VERSION,
            id: String::new(),
            title: String::new(),
            organisation: String::new(),
            team: String::new(),
            reporting_period: String::new(),
            parts_in_use: PartsInUse::default(),
            created: String::new(),
            modified: String::new(),
            settings: Settings::default(),
            reap: ReapSection::default(),
            journey: JourneySection::default(),
            data: DataSection::default(),
            action_plan: ActionPlanSection::default(),
            history: Vec::new(),
        }
    }
}

impl Plan {
    /// A new, empty plan with every part in use and the default settings.
    pub fn new(id: &str, title: &str, now: &str) -> Plan {
        Plan {
            id: id.to_string(),
            title: title.to_string(),
            created: now.to_string(),
            modified: now.to_string(),
            history: vec![Change::event(now, "Plan created".into(), "created")],
            ..Plan::default()
        }
    }

    /// What the list of plans shows for this plan.
    pub fn summary(&self) -> PlanSummary {
        PlanSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            modified: self.modified.clone(),
        }
    }
}

/// One line in the list of plans.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSummary {
    pub id: String,
    pub title: String,
    pub modified: String,
}

/// Which of the four parts the team uses. Parts not in use are hidden, not deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartsInUse {
    pub reap: bool,
    pub journey: bool,
    pub data: bool,
    pub action_plan: bool,
}

impl Default for PartsInUse {
    fn default() -> Self {
        PartsInUse {
            reap: true,
            journey: true,
            data: true,
            action_plan: true,
        }
    }
}

impl PartsInUse {
    pub fn uses(&self, part: Part) -> bool {
        match part {
            Part::Reap => self.reap,
            Part::Journey => self.journey,
            Part::Data => self.data,
            Part::ActionPlan => self.action_plan,
        }
    }

    pub fn set(&mut self, part: Part, in_use: bool) {
        match part {
            Part::Reap => self.reap = in_use,
            Part::Journey => self.journey = in_use,
            Part::Data => self.data = in_use,
            Part::ActionPlan => self.action_plan = in_use,
        }
    }
}

/// Choices that shape every part: the organisation's words and its statistical conventions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The organisation's own words for the group compared with the reference group. Editable:
    /// staff asked not to use "BAME", and organisations differ in what they prefer.
    pub comparison_group_term: String,
    /// Id of the ethnic group that others are compared with.
    pub reference_group: String,
    pub ratio_convention: Convention,
    pub suppression: SuppressionPreset,
    pub non_adverse_range: NonAdverseRange,
}

/// The default words for the comparison group.
pub const DEFAULT_COMPARISON_GROUP_TERM: &str = "people from minoritised ethnic groups";

impl Default for Settings {
    fn default() -> Self {
        Settings {
            comparison_group_term: DEFAULT_COMPARISON_GROUP_TERM.to_string(),
            reference_group: "white".to_string(),
            ratio_convention: Convention::default(),
            suppression: SuppressionPreset::default(),
            non_adverse_range: NonAdverseRange::default(),
        }
    }
}

/// The plan as compact JSON, for browser storage.
pub fn to_json(plan: &Plan) -> String {
    // Cannot fail: every map key is a string and no type has a hand-written Serialize.
    serde_json::to_string(plan).expect("a Plan always serialises to JSON")
}

/// The plan as indented JSON, for a download a person might open.
pub fn to_json_pretty(plan: &Plan) -> String {
    indent(&to_json(plan))
}

/// Re-indents compact JSON through `Value`. Serialising `Plan` with a second (pretty) formatter
/// would compile its whole `Serialize` impl into the wasm a second time; this reuses the one.
pub(super) fn indent(compact: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(compact) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_else(|_| compact.to_string()),
        Err(_) => compact.to_string(),
    }
}

/// A copy of `plan` under a new id, titled "Copy of …", keeping its content and history.
pub fn duplicate(plan: &Plan, new_id: &str, now: &str) -> Plan {
    let mut copy = plan.clone();
    copy.id = new_id.to_string();
    copy.title = format!("Copy of {}", plan.title);
    copy.created = now.to_string();
    copy.modified = now.to_string();
    copy.schema_version = CURRENT_SCHEMA_VERSION;
    history::push(
        &mut copy.history,
        Change::event(now, format!("Copied from ‘{}’", plan.title), "copy"),
    );
    copy
}

/// The name typed for a new plan, trimmed; None when it is empty or only spaces (the user is
/// asked for one rather than given an "Untitled plan").
pub fn new_plan_name(typed: &str) -> Option<&str> {
    Some(typed.trim()).filter(|name| !name.is_empty())
}

/// A plan id that no plan in `taken` has, made from `now` ("plan-20250115090000", then "-2", "-3"…).
pub fn fresh_plan_id(now: &str, taken: &[&str]) -> String {
    let digits: String = now.chars().filter(char::is_ascii_digit).take(14).collect();
    let base = if digits.is_empty() {
        "plan".to_string()
    } else {
        format!("plan-{digits}")
    };
    unique(base, taken)
}

pub(super) fn unique(base: String, taken: &[&str]) -> String {
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or(base)
}

/// An id for a new item (action, participant, period…): `prefix` followed by one more than the
/// highest number already used with that prefix, so it is unique among `taken`.
pub fn next_id<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let highest = taken
        .into_iter()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        // The largest number has no next one; leaving it out still gives an id no other has.
        .filter(|&n| n < u64::MAX)
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest + 1)
}

#[cfg(test)]
mod fuzz_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_needs_a_name_that_is_not_blank() {
        assert_eq!(new_plan_name("  Northfield 2026 "), Some("Northfield 2026"));
        assert_eq!(new_plan_name(""), None);
        assert_eq!(new_plan_name(" \t\n\u{a0}"), None);
    }

    #[test]
    fn next_id_counts_past_the_highest_and_never_overflows() {
        assert_eq!(next_id("a", ["a1", "a7", "b9", "a"]), "a8");
        assert_eq!(next_id("a", Vec::<&str>::new()), "a1");
        // Found by the ids review: u64::MAX + 1 panicked in debug and wrapped to "a0" in release.
        assert_eq!(next_id("a", ["a3", "a18446744073709551615"]), "a4");
    }

    #[test]
    fn a_new_plan_uses_every_part_and_the_chosen_words() {
        let plan = Plan::new("p1", "Our plan", "2025-02-01T10:00:00Z");
        assert_eq!(plan.id, "p1");
        assert_eq!(plan.title, "Our plan");
        assert_eq!(plan.created, "2025-02-01T10:00:00Z");
        assert_eq!(plan.modified, plan.created);
        assert_eq!(plan.schema_version, CURRENT_SCHEMA_VERSION);
        assert!(Part::ALL.iter().all(|&part| plan.parts_in_use.uses(part)));
        assert_eq!(
            plan.settings.comparison_group_term,
            "people from minoritised ethnic groups"
        );
        assert!(!plan.settings.comparison_group_term.contains("BAME"));
        assert_eq!(plan.settings.reference_group, "white");
        assert_eq!(plan.settings.non_adverse_range, NonAdverseRange::default());
        assert_eq!(plan.settings.suppression, SuppressionPreset::LessThan5);
        assert_eq!(
            plan.history,
            vec![Change::event(
                "2025-02-01T10:00:00Z",
                "Plan created".into(),
                "created"
            )]
        );
    }

    #[test]
    fn parts_can_be_switched_off_one_at_a_time() {
        let mut parts = PartsInUse::default();
        parts.set(Part::Journey, false);
        assert!(!parts.uses(Part::Journey));
        assert!(parts.uses(Part::Reap) && parts.uses(Part::Data) && parts.uses(Part::ActionPlan));
    }

    #[test]
    fn settings_are_saved_under_the_names_the_fixtures_use() {
        let json = serde_json::to_value(Settings {
            ratio_convention: Convention::NhsWres,
            suppression: SuppressionPreset::NhsDigital,
            non_adverse_range: NonAdverseRange::new(0.75, 1.33).unwrap(),
            ..Settings::default()
        })
        .unwrap();
        assert_eq!(json["ratio_convention"], "nhs_wres");
        assert_eq!(json["suppression"], "nhs_digital");
        assert_eq!(
            json["non_adverse_range"],
            serde_json::json!({"lower": 0.75, "upper": 1.33})
        );
        assert_eq!(
            serde_json::to_value(SuppressionPreset::LessThan10).unwrap(),
            "less_than10"
        );
    }

    #[test]
    fn a_plan_round_trips_through_compact_and_pretty_json() {
        let plan = Plan::example();
        let compact = to_json(&plan);
        let pretty = to_json_pretty(&plan);
        assert!(!compact.contains('\n'));
        assert!(pretty.contains("\n  \"title\""));
        assert_eq!(load(&compact).unwrap().plan, plan);
        assert_eq!(load(&pretty).unwrap().plan, plan);
    }

    #[test]
    fn a_duplicate_has_a_new_id_a_copy_title_and_the_same_content() {
        let original = Plan::example();
        let copy = duplicate(&original, "p9", "2025-03-01T12:00:00Z");
        assert_eq!(copy.id, "p9");
        assert_eq!(copy.title, format!("Copy of {}", original.title));
        assert_eq!(copy.created, "2025-03-01T12:00:00Z");
        assert_eq!(copy.modified, "2025-03-01T12:00:00Z");
        assert_eq!(copy.reap, original.reap);
        assert_eq!(copy.action_plan, original.action_plan);
        let last = copy.history.last().unwrap();
        assert_eq!(last.what, format!("Copied from ‘{}’", original.title));
        assert_eq!(copy.history.len(), original.history.len() + 1);
    }

    #[test]
    fn a_summary_has_what_the_list_of_plans_shows() {
        let plan = Plan::new("p1", "Our plan", "2025-02-01T10:00:00Z");
        assert_eq!(
            plan.summary(),
            PlanSummary {
                id: "p1".into(),
                title: "Our plan".into(),
                modified: "2025-02-01T10:00:00Z".into()
            }
        );
    }

    #[test]
    fn fresh_plan_ids_come_from_the_time_and_never_clash() {
        let now = "2025-01-15T09:00:00Z";
        assert_eq!(fresh_plan_id(now, &[]), "plan-20250115090000");
        assert_eq!(
            fresh_plan_id(now, &["plan-20250115090000"]),
            "plan-20250115090000-2"
        );
        assert_eq!(
            fresh_plan_id(now, &["plan-20250115090000", "plan-20250115090000-2"]),
            "plan-20250115090000-3"
        );
        assert_eq!(fresh_plan_id("", &[]), "plan");
    }

    #[test]
    fn next_id_is_one_more_than_the_highest_with_that_prefix() {
        assert_eq!(next_id("a", []), "a1");
        assert_eq!(next_id("a", ["a1", "a7", "a3", "p20", "abc"]), "a8");
        assert_eq!(next_id("p", ["a1", "a7"]), "p1");
    }
}
