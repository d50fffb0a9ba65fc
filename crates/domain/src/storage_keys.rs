//! The names of everything the planner keeps in browser storage, namespaced by the host's
//! storage key so that two planners (or two single files on one disk) never share a key.
//!
//! Layout, for namespace `ns` (any text; characters outside `A-Z a-z 0-9 - _ .` are escaped):
//! - `race-equity-planner/ns/plan/<id>`: one plan's JSON;
//! - `race-equity-planner/ns/last-opened`: the id of the plan to open on the next visit;
//! - `race-equity-planner/ns/unreadable/<n>`: a save that could not be read, kept exactly as found;
//! - `race-equity-planner/ns/deleted/<id>`: the kept copy of a deleted plan, for undo while the
//!   planner stays open (removed when another plan is deleted, undo is dismissed or the page
//!   closes; any found at start are left from an earlier visit, and listed for the user).

/// The first part of every key the planner writes.
pub const PREFIX: &str = "race-equity-planner";

/// Browsers allow about 5 million characters of localStorage per origin (Chromium and Firefox
/// count UTF-16 code units of keys and values). We warn at 80% of that.
pub const STORAGE_LIMIT_CHARS: usize = 5_000_000;
pub const STORAGE_WARNING_SHARE: f64 = 0.8;

/// The keys of one namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageKeys {
    base: String,
}

impl StorageKeys {
    pub fn new(namespace: &str) -> StorageKeys {
        StorageKeys {
            base: format!("{PREFIX}/{}/", escape(namespace)),
        }
    }

    pub fn plan(&self, id: &str) -> String {
        format!("{}plan/{}", self.base, escape(id))
    }

    pub fn last_opened(&self) -> String {
        format!("{}last-opened", self.base)
    }

    pub fn unreadable(&self, n: usize) -> String {
        format!("{}unreadable/{n}", self.base)
    }

    pub fn deleted(&self, id: &str) -> String {
        format!("{}deleted/{}", self.base, escape(id))
    }

    /// Whether a key holds one of this namespace's plans.
    pub fn is_plan(&self, key: &str) -> bool {
        key.strip_prefix(&self.base)
            .is_some_and(|rest| rest.starts_with("plan/"))
    }

    /// Whether a key holds one of this namespace's kept unreadable saves.
    pub fn is_unreadable(&self, key: &str) -> bool {
        key.strip_prefix(&self.base)
            .is_some_and(|rest| rest.starts_with("unreadable/"))
    }

    /// Whether a key holds the kept copy of one of this namespace's deleted plans.
    pub fn is_deleted(&self, key: &str) -> bool {
        key.strip_prefix(&self.base)
            .is_some_and(|rest| rest.starts_with("deleted/"))
    }
}

/// Escapes everything but a safe set, so a namespace or id can never contain the separator.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// How much of the browser's storage is in use, and whether to warn (over 80%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    pub used_chars: usize,
    pub share: f64,
    pub warn: bool,
}

impl StorageUse {
    pub fn of(used_chars: usize) -> StorageUse {
        let share = used_chars as f64 / STORAGE_LIMIT_CHARS as f64;
        StorageUse {
            used_chars,
            share,
            warn: share > STORAGE_WARNING_SHARE,
        }
    }

    /// The warning to show, in plain words, or None below the threshold.
    pub fn warning(&self) -> Option<String> {
        self.warn.then(|| {
            format!(
                "This browser's storage for the planner is {}% full. Download a backup of your plans now, then delete plans you no longer need, so that your next change can be saved.",
                crate::numbers::fixed((self.share * 100.0).min(100.0), 0)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_never_share_a_key() {
        let a = StorageKeys::new("team-a");
        let b = StorageKeys::new("team-b");
        assert_ne!(a.plan("p1"), b.plan("p1"));
        assert!(a.is_plan(&a.plan("p1")));
        assert!(!b.is_plan(&a.plan("p1")));
        // A namespace that looks like another's path cannot reach into it.
        let tricky = StorageKeys::new("team-a/plan");
        assert!(!a.is_plan(&tricky.plan("x")));
        assert!(!tricky.is_plan(&a.plan("x")));
        assert_eq!(tricky.plan("x"), "race-equity-planner/team-a%2Fplan/plan/x");
    }

    #[test]
    fn plan_and_unreadable_keys_are_told_apart() {
        let keys = StorageKeys::new("single-file");
        assert!(keys.is_unreadable(&keys.unreadable(3)));
        assert!(!keys.is_plan(&keys.unreadable(3)));
        assert!(!keys.is_unreadable(&keys.plan("3")));
        assert!(!keys.is_plan(&keys.last_opened()));
        assert!(!keys.is_plan(&keys.deleted("p1")));
    }

    #[test]
    fn deleted_copies_are_told_apart_from_plans_and_other_namespaces() {
        let keys = StorageKeys::new("demo");
        assert!(keys.is_deleted(&keys.deleted("p1")));
        assert!(keys.is_deleted(&keys.deleted("a/b")));
        assert!(!keys.is_deleted(&keys.plan("p1")));
        assert!(!keys.is_deleted(&keys.unreadable(1)));
        assert!(!keys.is_deleted(&keys.last_opened()));
        assert!(!StorageKeys::new("other").is_deleted(&keys.deleted("p1")));
        assert!(!keys.is_deleted(&StorageKeys::new("demo/x").deleted("p1")));
    }

    #[test]
    fn warns_only_past_eighty_percent() {
        assert!(!StorageUse::of(4_000_000).warn);
        assert_eq!(StorageUse::of(4_000_000).warning(), None);
        let nearly_full = StorageUse::of(4_500_000);
        assert!(nearly_full.warn);
        assert!(nearly_full
            .warning()
            .unwrap_or_default()
            .contains("90% full"));
    }
}
