//! The planner's live state for one host element: the open plan, the list of plans, autosave, and
//! what to tell the user about storage. Components read these signals and call these methods; the
//! rules themselves (migrations, change log, import) are the domain's.

use std::time::Duration;

use leptos::prelude::*;
use race_equity_domain::plan::{self, Loaded, Plan, PlanSummary};
use race_equity_domain::storage_keys::StorageKeys;

use crate::storage::{Store, WriteError};

/// Autosave waits this long after the last edit, so typing is not slowed by writes.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// What the save indicator says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved { at: String },
    Pending,
    Full,
    Refused(String),
    MemoryOnly,
    ReadOnly,
    Conflict,
}

impl SaveStatus {
    /// The words shown next to the plan's name, and whether they mean the work is safe.
    pub fn text(&self) -> (String, bool) {
        match self {
            SaveStatus::Saved { at } => {
                (format!("Saved in this browser at {}", clock_time(at)), true)
            }
            SaveStatus::Pending => ("Saving…".into(), true),
            SaveStatus::Full => ("Not saved: this browser's storage is full".into(), false),
            SaveStatus::Refused(why) => (format!("Not saved: the browser refused ({why})"), false),
            SaveStatus::MemoryOnly => (
                "Not saved: this browser is not keeping anything".into(),
                false,
            ),
            SaveStatus::ReadOnly => ("Read-only: changes are not saved".into(), false),
            SaveStatus::Conflict => (
                "Not saved: this plan was changed in another tab".into(),
                false,
            ),
        }
    }
}

/// A save that could not be read, kept exactly as found under its own key.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableSave {
    pub key: String,
    pub raw: String,
    pub problem: String,
}

/// Handles to everything one planner shares with its components. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Planner {
    store: StoredValue<Store, LocalStorage>,
    keys: StoredValue<StorageKeys>,
    pub plan: RwSignal<Plan>,
    pub status: RwSignal<SaveStatus>,
    /// Why the open plan cannot be saved, when it came from a newer version.
    pub read_only: RwSignal<Option<String>>,
    pub plans: RwSignal<Vec<PlanSummary>>,
    pub unreadable: RwSignal<Vec<UnreadableSave>>,
    /// Short, dismissable messages ("Updated with a change made in another tab").
    pub notices: RwSignal<Vec<String>>,
    /// The other tab's text of the open plan, when both changed it.
    pub conflict: RwSignal<Option<String>>,
    pub storage_warning: RwSignal<Option<String>>,
    /// A deleted plan that can still be brought back.
    pub undo_delete: RwSignal<Option<PlanSummary>>,
    /// The plan a single file carries, when this browser already holds a changed version of it.
    pub carried: RwSignal<Option<Plan>>,
    /// The text of the open plan as we last read or wrote it, to notice another tab's writes.
    last_seen: StoredValue<Option<String>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The user downloaded the open plan since its last change, so leaving it loses nothing even
    /// when storage refused that change.
    downloaded: StoredValue<bool>,
}

/// The current time as RFC 3339, from the browser's clock.
pub fn now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today in the user's time zone, as YYYY-MM-DD (review dates and due dates are local dates).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// "14:02" from an RFC 3339 time, in the user's time zone.
fn clock_time(at: &str) -> String {
    let date = js_sys::Date::new(&at.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

impl Planner {
    /// Opens storage for `namespace`, reads every plan in it (keeping unreadable ones aside), and
    /// opens the last plan used, or the example plan on a first visit. `embedded` is the plan a
    /// single file carries inside it, if any.
    pub fn start(namespace: &str, embedded: Option<&str>) -> Planner {
        let embedded = embedded
            .map(str::trim)
            .filter(|t| !t.is_empty() && *t != "null")
            .map(plan::load);
        // A copy of the single file with a plan inside keeps its own namespace, so opening it
        // never touches the recipient's own plans.
        let namespace = match &embedded {
            Some(Ok(loaded)) => format!("{namespace}/copy/{}", loaded.plan.id),
            _ => namespace.to_string(),
        };
        let store = Store::open();
        let planner = Planner {
            store: StoredValue::new_local(store),
            keys: StoredValue::new(StorageKeys::new(&namespace)),
            plan: RwSignal::new(Plan::default()),
            status: RwSignal::new(SaveStatus::Pending),
            read_only: RwSignal::new(None),
            plans: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            storage_warning: RwSignal::new(None),
            undo_delete: RwSignal::new(None),
            carried: RwSignal::new(None),
            last_seen: StoredValue::new(None),
            pending: StoredValue::new(None),
            downloaded: StoredValue::new(false),
        };
        let loaded = planner.scan();
        match embedded {
            Some(Ok(carried)) => planner.open_carried(carried, &loaded),
            Some(Err(error)) => {
                planner.notice(format!(
                    "The plan inside this file could not be read, so it was not opened. {error}"
                ));
                planner.open_initial(&loaded);
            }
            None => planner.open_initial(&loaded),
        }
        if !planner.persistent() {
            planner.status.set(SaveStatus::MemoryOnly);
        }
        planner.check_usage();
        planner.listen();
        planner
    }

    pub fn persistent(&self) -> bool {
        self.store.with_value(Store::is_persistent)
    }

    pub fn notice(&self, text: String) {
        self.notices.update(|n| n.push(text));
    }

    /// Reads every plan in the namespace. Unreadable saves are moved aside, never overwritten.
    fn scan(&self) -> Vec<Loaded> {
        let keys = self.keys.get_value();
        let mut loaded = Vec::new();
        let mut unreadable = Vec::new();
        let all = self.store.with_value(Store::keys);
        for key in all.iter().filter(|k| keys.is_plan(k)) {
            let Some(raw) = self.store.with_value(|s| s.get(key)) else {
                continue;
            };
            match plan::load(&raw) {
                Ok(plan) => loaded.push(plan),
                Err(error) => {
                    let problem = error.as_saved_problem();
                    // If it cannot be copied aside (storage full), it stays where it is, untouched.
                    let kept = self
                        .keep_aside(&keys, &all, key, &raw)
                        .unwrap_or_else(|| key.clone());
                    unreadable.push(UnreadableSave {
                        key: kept,
                        raw,
                        problem,
                    });
                }
            }
        }
        for key in all.iter().filter(|k| keys.is_unreadable(k)) {
            if let Some(raw) = self.store.with_value(|s| s.get(key)) {
                let problem = plan::load(&raw)
                    .err()
                    .map(|e| e.as_saved_problem())
                    .unwrap_or_default();
                unreadable.push(UnreadableSave {
                    key: key.clone(),
                    raw,
                    problem,
                });
            }
        }
        loaded.sort_by(|a, b| b.plan.modified.cmp(&a.plan.modified));
        self.plans
            .set(loaded.iter().map(|l| l.plan.summary()).collect());
        self.unreadable.set(unreadable);
        loaded
    }

    /// Copies an unreadable save to a key of its own, then frees the plan key. Returns the new key.
    fn keep_aside(
        &self,
        keys: &StorageKeys,
        all: &[String],
        key: &str,
        raw: &str,
    ) -> Option<String> {
        let free = (1..)
            .map(|n| keys.unreadable(n))
            .find(|k| !all.contains(k))?;
        self.store.with_value(|s| s.set(&free, raw)).ok()?;
        // Only once the copy is safely written is the original removed.
        if self.store.with_value(|s| s.get(&free)).as_deref() == Some(raw) {
            self.store.with_value(|s| s.remove(key));
            Some(free)
        } else {
            None
        }
    }

    fn open_initial(&self, loaded: &[Loaded]) {
        let last = self
            .store
            .with_value(|s| s.get(&self.keys.with_value(StorageKeys::last_opened)));
        let chosen = last
            .and_then(|id| loaded.iter().find(|l| l.plan.id == id))
            .or_else(|| loaded.first());
        match chosen {
            Some(found) => self.open_loaded(found.clone()),
            None => {
                // First visit: start on the example plan, saved like any other.
                let example = Plan::example();
                self.open_loaded(Loaded {
                    plan: example,
                    migrated_from: None,
                    read_only_newer: None,
                    left_out: vec![],
                });
                self.save_now();
            }
        }
    }

    /// The single file's carried plan: saved into its own namespace the first time; after that
    /// the browser's copy (with the user's edits) wins, and the file's version stays on offer.
    fn open_carried(&self, carried: Loaded, loaded: &[Loaded]) {
        match loaded.iter().find(|l| l.plan.id == carried.plan.id) {
            Some(stored) => {
                if stored.plan != carried.plan {
                    self.carried.set(Some(carried.plan));
                }
                self.open_loaded(stored.clone());
            }
            None => {
                self.open_loaded(carried);
                self.save_now();
            }
        }
    }

    fn open_loaded(&self, loaded: Loaded) {
        let key = self.keys.with_value(|k| k.plan(&loaded.plan.id));
        self.last_seen
            .set_value(self.store.with_value(|s| s.get(&key)));
        self.conflict.set(None);
        match loaded.read_only_newer {
            Some(version) => {
                let mut why = format!(
                    "This plan was saved by a newer version of the Race Equity Planner (plan format {version}; this version reads up to {}). It is open read-only, and nothing here will be saved over it. Open it in the newer version to change it, or download a copy.",
                    plan::CURRENT_SCHEMA_VERSION
                );
                if !loaded.left_out.is_empty() {
                    why.push_str(&format!(
                        " Some parts are not shown here: {}.",
                        loaded.left_out.join(", ")
                    ));
                }
                self.read_only.set(Some(why));
                self.status.set(SaveStatus::ReadOnly);
            }
            None => {
                self.read_only.set(None);
                let status = if self.persistent() {
                    SaveStatus::Saved { at: now() }
                } else {
                    SaveStatus::MemoryOnly
                };
                self.status.set(status);
            }
        }
        if let Some(from) = loaded.migrated_from {
            self.notice(format!(
                "This plan was saved by an earlier version of the planner (plan format {from}) and has been brought up to date. Your saved copy changes only when you next edit the plan."
            ));
        }
        let _ = self.store.with_value(|s| {
            s.set(
                &self.keys.with_value(StorageKeys::last_opened),
                &loaded.plan.id,
            )
        });
        self.plan.set(loaded.plan);
    }

    /// Changes the open plan, records what changed, and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        if self.read_only.get_untracked().is_some() {
            return;
        }
        let before = self.plan.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if !plan::record_changes(&mut after, &before, &now()) {
            return;
        }
        self.plan.set(after);
        self.downloaded.set_value(false);
        self.schedule_save();
    }

    /// Sets a field from an HTML screen by its key (see `plan::edit`); if the key is refused,
    /// tells the user why.
    pub fn set_field(&self, key: &str, value: &str) {
        let mut problem = None;
        self.edit(|plan| problem = plan::edit::set_field(plan, key, value).err());
        if let Some(problem) = problem {
            self.notice(problem.message());
        }
    }

    /// Carries out an action key from an HTML screen (see `plan::edit::act`). Returns `None` if
    /// the key is refused (the user is told why), else the id of anything it created.
    pub fn act(&self, key: &str) -> Option<Option<String>> {
        let mut result = Ok(None);
        self.edit(|plan| result = plan::edit::act(plan, key, &today()));
        match result {
            Ok(created) => Some(created),
            Err(problem) => {
                self.notice(problem.message());
                None
            }
        }
    }

    fn schedule_save(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        if self.persistent() && self.conflict.get_untracked().is_none() {
            self.status.set(SaveStatus::Pending);
        }
        let planner = *self;
        let handle = set_timeout_with_handle(move || planner.save_now(), AUTOSAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Writes the open plan now, unless another tab changed it since we last looked.
    pub fn save_now(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        if self.read_only.get_untracked().is_some() || self.conflict.get_untracked().is_some() {
            return;
        }
        let current = self.plan.get_untracked();
        let key = self.keys.with_value(|k| k.plan(&current.id));
        let stored = self.store.with_value(|s| s.get(&key));
        let seen = self.last_seen.get_value();
        if stored.is_some() && stored != seen {
            // Another tab wrote this plan after we read it: never overwrite that silently.
            self.conflict.set(stored);
            self.status.set(SaveStatus::Conflict);
            return;
        }
        let json = plan::to_json(&current);
        match self.store.with_value(|s| s.set(&key, &json)) {
            Ok(()) => {
                self.last_seen.set_value(Some(json));
                self.status.set(if self.persistent() {
                    SaveStatus::Saved { at: now() }
                } else {
                    SaveStatus::MemoryOnly
                });
                let summary = current.summary();
                self.plans.update(|list| {
                    list.retain(|p| p.id != summary.id);
                    list.insert(0, summary);
                });
                self.check_usage();
            }
            Err(WriteError::Full) => self.status.set(SaveStatus::Full),
            Err(WriteError::Refused(why)) => self.status.set(SaveStatus::Refused(why)),
        }
    }

    fn check_usage(&self) {
        self.storage_warning
            .set(self.store.with_value(Store::usage).warning());
    }

    /// Follows other tabs: their saves of the open plan appear here when this tab has nothing
    /// unsaved; otherwise both versions are kept and the user chooses.
    fn listen(&self) {
        let planner = *self;
        let save_before_leaving = move || {
            if planner.pending.get_value().is_some() {
                planner.save_now();
            }
        };
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let Some(key) = event.key() else {
                planner.scan();
                return;
            };
            let keys = planner.keys.get_value();
            if !keys.is_plan(&key) {
                return;
            }
            let open_key = keys.plan(&planner.plan.with_untracked(|p| p.id.clone()));
            if key == open_key {
                let new_value = event.new_value();
                if new_value == planner.last_seen.get_value() {
                    return;
                }
                let unsaved = planner.pending.get_value().is_some()
                    || matches!(
                        planner.status.get_untracked(),
                        SaveStatus::Full | SaveStatus::Refused(_)
                    );
                match (unsaved, new_value) {
                    (false, Some(text)) => match plan::load(&text) {
                        Ok(loaded) if loaded.read_only_newer.is_none() => {
                            planner.last_seen.set_value(Some(text));
                            planner.plan.set(loaded.plan);
                            planner.notice("This plan was changed in another tab or window. You are now seeing the latest version.".into());
                        }
                        _ => {
                            planner.conflict.set(Some(text));
                            planner.status.set(SaveStatus::Conflict);
                        }
                    },
                    (true, Some(text)) => {
                        planner.conflict.set(Some(text));
                        planner.status.set(SaveStatus::Conflict);
                    }
                    (_, None) => {
                        planner.last_seen.set_value(None);
                        planner.notice("This plan was deleted in another tab or window. It is still open here; your next change will save it again.".into());
                    }
                }
            }
            let open = planner.plan.get_untracked();
            planner.scan();
            // scan() lists what is stored; keep the open plan listed even before its first save.
            planner.plans.update(|list| {
                if !list.iter().any(|p| p.id == open.id) {
                    list.insert(0, open.summary());
                }
            });
        });
        std::mem::forget(handle);
        let hide = window_event_listener(leptos::ev::pagehide, move |_| save_before_leaving());
        std::mem::forget(hide);
        let away =
            window_event_listener(leptos::ev::visibilitychange, move |_| save_before_leaving());
        std::mem::forget(away);
    }

    /// Resolves a conflict by writing this tab's version over the other one, as the user chose.
    pub fn keep_this_version(&self) {
        let other = self.conflict.get_untracked();
        self.last_seen.set_value(other);
        self.conflict.set(None);
        self.save_now();
    }

    /// Resolves a conflict by opening the other tab's version; this tab's edits are dropped.
    pub fn use_other_version(&self) {
        let Some(text) = self.conflict.get_untracked() else {
            return;
        };
        match plan::load(&text) {
            Ok(loaded) => {
                self.conflict.set(None);
                self.open_loaded(loaded);
            }
            Err(error) => self.notice(format!("The other version could not be read: {error}")),
        }
    }

    /// Resolves a conflict by saving this tab's version as a new plan beside the other.
    pub fn save_as_separate_plan(&self) {
        let now = now();
        let copy = plan::duplicate(&self.plan.get_untracked(), &self.fresh_id(&now), &now);
        self.conflict.set(None);
        self.open_new(copy);
    }

    /// Adds the single file's own version of its plan beside the browser's changed one.
    pub fn add_carried_plan(&self) {
        let Some(carried) = self.carried.get_untracked() else {
            return;
        };
        let now = now();
        self.carried.set(None);
        self.open_new(plan::duplicate(&carried, &self.fresh_id(&now), &now));
    }

    /// Notes that the user has the open plan in a file, so leaving it loses nothing.
    pub fn mark_downloaded(&self) {
        self.downloaded.set_value(true);
    }

    /// The open plan's text for a download: exactly as stored when it is read-only (a newer
    /// version's save keeps what this version cannot read); otherwise the plan on screen.
    pub fn open_plan_text(&self) -> String {
        if self.read_only.get_untracked().is_some() {
            if let Some(stored) = self.last_seen.get_value() {
                return stored;
            }
        }
        plan::to_json_pretty(&self.plan.get_untracked())
    }

    /// Opens a plan that is not stored yet, and saves it.
    pub fn open_new(&self, new_plan: Plan) {
        if !self.can_leave_open_plan() {
            return;
        }
        self.open_loaded(Loaded {
            plan: new_plan,
            migrated_from: None,
            read_only_newer: None,
            left_out: vec![],
        });
        self.save_now();
    }

    fn save_pending_first(&self) {
        if self.pending.get_value().is_some() {
            self.save_now();
        }
    }

    /// Whether the open plan can be left without losing a change that could not be saved. If not,
    /// says so: the user downloads it (or frees space) first.
    fn can_leave_open_plan(&self) -> bool {
        self.save_pending_first();
        let refused = matches!(
            self.status.get_untracked(),
            SaveStatus::Full | SaveStatus::Refused(_)
        );
        let stuck = refused && !self.downloaded.get_value();
        if stuck {
            self.notice("The open plan has a change that is not saved, so another plan was not opened. Download this plan first (then you can open another), or free some space and choose \u{201c}Try saving again\u{201d}.".into());
        }
        !stuck
    }

    /// Opens a stored plan by id.
    pub fn open(&self, id: &str) {
        if !self.can_leave_open_plan() {
            return;
        }
        let key = self.keys.with_value(|k| k.plan(id));
        let Some(raw) = self.store.with_value(|s| s.get(&key)) else {
            self.notice(
                "That plan is no longer in this browser. It may have been deleted in another tab."
                    .into(),
            );
            self.scan();
            return;
        };
        match plan::load(&raw) {
            Ok(loaded) => self.open_loaded(loaded),
            Err(error) => self.notice(format!("That plan could not be opened: {error}")),
        }
    }

    /// A stored plan, read; None when it is not there or does not read.
    fn stored(&self, id: &str) -> Option<Loaded> {
        let key = self.keys.with_value(|k| k.plan(id));
        self.store
            .with_value(|s| s.get(&key))
            .and_then(|raw| plan::load(&raw).ok())
    }

    /// An id no plan in this browser has.
    fn fresh_id(&self, now: &str) -> String {
        let taken = self.taken_ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        plan::fresh_plan_id(now, &taken)
    }

    pub fn taken_ids(&self) -> Vec<String> {
        self.plans
            .with_untracked(|l| l.iter().map(|p| p.id.clone()).collect())
    }

    /// A new empty plan.
    pub fn create(&self, title: &str) {
        let now = now();
        self.open_new(Plan::new(&self.fresh_id(&now), title, &now));
    }

    pub fn duplicate(&self, id: &str) {
        let Some(loaded) = self.stored(id) else {
            return;
        };
        let now = now();
        self.open_new(plan::duplicate(&loaded.plan, &self.fresh_id(&now), &now));
    }

    /// Renames a stored plan (the open one through `edit`, so the change log records it).
    pub fn rename(&self, id: &str, title: &str) {
        if self.plan.with_untracked(|p| p.id == id) {
            self.edit(|p| p.title = title.to_string());
            self.save_now();
            return;
        }
        let key = self.keys.with_value(|k| k.plan(id));
        let Some(loaded) = self.stored(id) else {
            return;
        };
        if loaded.read_only_newer.is_some() {
            self.notice("That plan was saved by a newer version of the planner, so it cannot be renamed here.".into());
            return;
        }
        let before = loaded.plan;
        let mut after = before.clone();
        after.title = title.to_string();
        if plan::record_changes(&mut after, &before, &now()) {
            match self
                .store
                .with_value(|s| s.set(&key, &plan::to_json(&after)))
            {
                Ok(()) => {
                    self.scan();
                }
                Err(_) => self.notice(
                    "The new name could not be saved: this browser's storage refused it.".into(),
                ),
            }
        }
    }

    /// Deletes a plan, keeping a copy so it can be brought back.
    pub fn delete(&self, id: &str) {
        let keys = self.keys.get_value();
        let key = keys.plan(id);
        let deleting_open = self.plan.with_untracked(|p| p.id == id);
        // The open plan's copy includes edits not yet saved, unless it is read-only: then the
        // stored text is kept exactly, with what this version cannot read.
        let raw = if deleting_open && self.read_only.get_untracked().is_none() {
            Some(plan::to_json(&self.plan.get_untracked()))
        } else {
            self.store.with_value(|s| s.get(&key))
        };
        let Some(raw) = raw else { return };
        let summary = plan::load(&raw)
            .map(|l| l.plan.summary())
            .unwrap_or_else(|_| PlanSummary {
                id: id.to_string(),
                ..PlanSummary::default()
            });
        if self
            .store
            .with_value(|s| s.set(&keys.deleted(id), &raw))
            .is_err()
        {
            self.notice("The plan was not deleted: there is no room to keep a copy for undo. Download a backup first, then try again.".into());
            return;
        }
        if deleting_open {
            if let Some(handle) = self.pending.get_value() {
                handle.clear();
                self.pending.set_value(None);
            }
        }
        self.store.with_value(|s| s.remove(&key));
        self.undo_delete.set(Some(summary));
        let remaining = self.scan();
        if self.plan.with_untracked(|p| p.id == id) {
            if remaining.is_empty() {
                self.create("Untitled plan");
            } else {
                self.open_initial(&remaining);
            }
        }
    }

    /// Brings back the last deleted plan.
    pub fn undo_delete(&self) {
        let Some(summary) = self.undo_delete.get_untracked() else {
            return;
        };
        let keys = self.keys.get_value();
        let Some(raw) = self.store.with_value(|s| s.get(&keys.deleted(&summary.id))) else {
            return;
        };
        if self
            .store
            .with_value(|s| s.set(&keys.plan(&summary.id), &raw))
            .is_ok()
        {
            self.store
                .with_value(|s| s.remove(&keys.deleted(&summary.id)));
            self.undo_delete.set(None);
            self.scan();
            self.open(&summary.id);
        }
    }

    /// A backup of every plan, each exactly as saved (a newer version's plan stays whole); the
    /// open plan as on screen when it has changes that could not be saved.
    pub fn backup_json(&self) -> String {
        self.save_pending_first();
        let keys = self.keys.get_value();
        let open = self.plan.get_untracked();
        let open_key = keys.plan(&open.id);
        let unsaved = matches!(
            self.status.get_untracked(),
            SaveStatus::Full | SaveStatus::Refused(_) | SaveStatus::Conflict
        );
        let mut texts: Vec<String> = self
            .store
            .with_value(Store::keys)
            .iter()
            .filter(|k| keys.is_plan(k) && !(unsaved && **k == open_key))
            .filter_map(|k| self.store.with_value(|s| s.get(k)))
            .collect();
        if unsaved
            || !texts
                .iter()
                .any(|t| plan::load(t).is_ok_and(|l| l.plan.id == open.id))
        {
            texts.push(plan::to_json(&open));
        }
        plan::backup_of_saved_texts(&texts, &now())
    }

    /// Stores imported plans the user confirmed. Returns how many were stored.
    pub fn store_imported(&self, plans: Vec<Plan>) -> Result<usize, String> {
        self.save_pending_first();
        let keys = self.keys.get_value();
        let open_id = self.plan.with_untracked(|p| p.id.clone());
        let mut count = 0;
        for imported in &plans {
            if let Err(error) = self
                .store
                .with_value(|s| s.set(&keys.plan(&imported.id), &plan::to_json(imported)))
            {
                self.scan();
                return Err(match error {
                    WriteError::Full => format!("Only {count} of {} plans could be imported: this browser's storage is full. Delete plans you no longer need, then import again.", plans.len()),
                    WriteError::Refused(why) => format!("The import stopped after {count} plans: the browser refused ({why})."),
                });
            }
            count += 1;
        }
        self.scan();
        if let Some(replaced) = plans.iter().find(|p| p.id == open_id) {
            self.open(&replaced.id.clone());
        }
        Ok(count)
    }

    /// Forgets a kept unreadable save, after the user has downloaded it or chosen to.
    pub fn remove_unreadable(&self, key: &str) {
        if self.keys.with_value(|k| k.is_unreadable(key)) {
            self.store.with_value(|s| s.remove(key));
        }
        self.scan();
    }
}
