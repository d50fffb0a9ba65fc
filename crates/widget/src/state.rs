//! The planner's live state for one host element: the open plan, the list of plans, autosave, and
//! what to tell the user about storage. Components read these signals and call these methods; the
//! rules themselves (migrations, change log, import) are the domain's.

use std::time::Duration;

use leptos::prelude::*;
use race_equity_domain::messages;
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
    /// There was no room to copy it aside, so it is still under its plan key, untouched (and no
    /// plan is ever saved over it).
    pub left_in_place: bool,
}

/// The copy of a deleted plan kept under `deleted/<id>`, as found at start.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedCopy {
    pub key: String,
    /// The plan's title; None when the copy does not read as a plan.
    pub title: Option<String>,
}

/// What became of a request to delete a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Deletion {
    /// Deleted; a copy is kept for undo while the planner stays open.
    WithUndo,
    /// Not deleted, because no copy for undo could be written: the user is asked whether to
    /// delete it without undo. None when storage is full, else what the browser said.
    NoRoomForUndo(Option<String>),
    /// The plan is not in this browser (any more).
    NotThere,
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
    /// Copies of deleted plans found at start, left by an earlier visit that closed before it
    /// could remove them.
    pub left_deleted: RwSignal<Vec<DeletedCopy>>,
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
    pub fn start(namespace: &str, embedded: Option<&str>, copy_id: Option<&str>) -> Planner {
        let embedded = embedded
            .map(str::trim)
            .filter(|t| !t.is_empty() && *t != "null")
            .map(plan::load);
        // A copy of the single file with a plan inside keeps its own namespace, so opening it
        // never touches the recipient's own plans, nor another copy of the same plan.
        let namespace = match &embedded {
            Some(Ok(loaded)) => plan::copy_namespace(namespace, &loaded.plan.id, copy_id),
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
            left_deleted: RwSignal::new(Vec::new()),
            carried: RwSignal::new(None),
            last_seen: StoredValue::new(None),
            pending: StoredValue::new(None),
            downloaded: StoredValue::new(false),
        };
        let loaded = planner.scan();
        planner.look_after_deleted_copies();
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
                Ok(plan) => {
                    // A plan whose id was not plain gets a new one when read: move its save to
                    // the key of the new id, so that it is listed and saved once.
                    let own_key = keys.plan(&plan.plan.id);
                    if own_key != *key && plan.read_only_newer.is_none() {
                        self.move_save(key, &own_key, &plan::to_json(&plan.plan));
                    }
                    loaded.push(plan)
                }
                Err(error) => {
                    let problem = error.as_saved_problem();
                    // If it cannot be copied aside (storage full), it stays where it is, untouched.
                    let kept = self.keep_aside(&keys, &all, key, &raw);
                    unreadable.push(UnreadableSave {
                        left_in_place: kept.is_none(),
                        key: kept.unwrap_or_else(|| key.clone()),
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
                    left_in_place: false,
                });
            }
        }
        loaded.sort_by(|a, b| b.plan.modified.cmp(&a.plan.modified));
        self.plans
            .set(loaded.iter().map(|l| l.plan.summary()).collect());
        self.unreadable.set(unreadable);
        loaded
    }

    /// Writes `text` under `to` and, once it reads back whole, removes `from`. A key that is
    /// taken is never written over; if anything fails, `from` stays as it was.
    fn move_save(&self, from: &str, to: &str, text: &str) {
        if self.store.with_value(|s| s.get(to)).is_some() {
            return;
        }
        if self.store.with_value(|s| s.set(to, text)).is_ok()
            && self.store.with_value(|s| s.get(to)).as_deref() == Some(text)
        {
            self.store.with_value(|s| s.remove(from));
        }
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
                // First visit: start on the example plan, saved like any other. If its key holds
                // a save that could not be read (left in place for want of room), the example
                // gets an id of its own: nothing is ever written over a save not read whole.
                let mut example = Plan::example();
                let key = self.keys.with_value(|k| k.plan(&example.id));
                if self.store.with_value(|s| s.get(&key)).is_some() {
                    example.id = self.fresh_id(&now());
                }
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
        // What is stored under the plan's key counts as seen only if it is this plan. Anything
        // else there (a save that could not be read, say) stays unseen, so the next save stops
        // and asks rather than write over it.
        let stored = self.store.with_value(|s| s.get(&key)).filter(|text| {
            loaded.read_only_newer.is_some()
                || plan::load(text).is_ok_and(|l| l.plan.id == loaded.plan.id)
        });
        self.last_seen.set_value(stored);
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
        // One copy: the change is made to it and compared with the plan still in the signal.
        let mut after = self.plan.with_untracked(Plan::clone);
        change(&mut after);
        let now = now();
        if !self
            .plan
            .with_untracked(|before| plan::record_changes(&mut after, before, &now))
        {
            return;
        }
        self.plan.set(after);
        self.downloaded.set_value(false);
        self.schedule_save();
    }

    /// What a field of the row `id` does with what is typed: `make(id, value)` applied as an edit.
    pub fn on_input(
        self,
        id: String,
        make: fn(String, String) -> plan::edits::Edit,
    ) -> Callback<String> {
        Callback::new(move |value: String| {
            self.apply(make(id.clone(), value));
        })
    }

    /// Applies a typed edit to the open plan (see `plan::edits`), records it in the change log and
    /// schedules a save. Returns what it made (the id of a new row, for focus), or `None` when the
    /// edit was refused, after telling the user why.
    pub fn apply(&self, change: plan::edits::Edit) -> Option<plan::edits::Applied> {
        let mut result = Ok(plan::edits::Applied::default());
        self.edit(|plan| result = plan::edits::apply(plan, &change, &today()));
        match result {
            Ok(applied) => Some(applied),
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
                // The whole store was emptied (`localStorage.clear()` in another tab).
                planner.scan();
                planner.save_again_if_gone();
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
                            // The field being typed in shows the other tab's text too (each
                            // field writes a value that differs into its element, focused or
                            // not: form.rs), so the next keystroke builds on it instead of
                            // writing the old text back.
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
        let away = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                // Site data may have been cleared while the user was away, with no event here.
                planner.save_again_if_gone();
            } else {
                save_before_leaving();
            }
        });
        std::mem::forget(away);
        // A change that cannot be saved (both tabs changed the plan, or storage refused it) is
        // still only on this page: let the browser ask before the page closes.
        let leaving = window_event_listener(leptos::ev::beforeunload, move |event| {
            if planner.has_unsaved_work() {
                event.prevent_default();
                // Older Chromium and Edge builds ask only when returnValue is set.
                event.set_return_value("unsaved");
            }
        });
        std::mem::forget(leaving);
    }

    /// Whether closing the page now would lose a change: one held back by a conflict between
    /// tabs, or refused by storage, and not downloaded since.
    pub fn has_unsaved_work(&self) -> bool {
        let held_back = self.conflict.with_untracked(Option::is_some)
            || matches!(
                self.status.get_untracked(),
                SaveStatus::Full | SaveStatus::Refused(_)
            );
        held_back && !self.downloaded.get_value()
    }

    /// When the open plan's save has gone from storage behind this page's back (the store
    /// emptied in another tab, or the site's data cleared), says so and saves it again.
    pub fn save_again_if_gone(&self) {
        if self.read_only.get_untracked().is_some()
            || self.conflict.get_untracked().is_some()
            || !self.persistent()
            || self.last_seen.with_value(Option::is_none)
        {
            return;
        }
        let key = self
            .keys
            .with_value(|k| k.plan(&self.plan.with_untracked(|p| p.id.clone())));
        if self.store.with_value(|s| s.get(&key)).is_some() {
            return;
        }
        self.last_seen.set_value(None);
        self.save_now();
        let title = self.plan.with_untracked(|p| p.title.clone());
        self.notice(race_equity_domain::messages::notices::store_emptied(
            &title,
            self.status.get_untracked() == SaveStatus::Full,
        ));
        let open = self.plan.get_untracked();
        self.scan();
        self.plans.update(|list| {
            if !list.iter().any(|p| p.id == open.id) {
                list.insert(0, open.summary());
            }
        });
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

    /// Opens a copy of the open plan as it is on screen (with any change not yet saved), saved as
    /// a plan of its own; returns its id, or None when the open plan could not be left (the user
    /// is told why).
    pub fn copy_open_plan(&self) -> Option<String> {
        let now = now();
        let copy = plan::duplicate(&self.plan.get_untracked(), &self.fresh_id(&now), &now);
        let id = copy.id.clone();
        self.open_new(copy);
        self.plan.with_untracked(|p| p.id == id).then_some(id)
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

    /// Deletes a plan, keeping a copy so it can be brought back while the planner stays open.
    /// When no copy can be written (storage full, say), nothing changes: the caller asks the user
    /// whether to delete it without undo (`delete_without_undo`).
    pub fn delete(&self, id: &str) -> Deletion {
        let keys = self.keys.get_value();
        let Some(raw) = self.text_to_keep(id) else {
            return Deletion::NotThere;
        };
        let summary = plan::load(&raw)
            .map(|l| l.plan.summary())
            .unwrap_or_else(|_| PlanSummary {
                id: id.to_string(),
                ..PlanSummary::default()
            });
        let copy = keys.deleted(id);
        if let Err(error) = self.store.with_value(|s| s.set(&copy, &raw)) {
            return Deletion::NoRoomForUndo(match error {
                WriteError::Full => None,
                WriteError::Refused(why) => Some(why),
            });
        }
        if !self.remove_plan(id) {
            self.store.with_value(|s| s.remove(&copy));
            return Deletion::NotThere;
        }
        // Undo is offered for the newest delete only: the older copy goes now.
        if let Some(older) = self.undo_delete.get_untracked() {
            if older.id != id {
                self.store
                    .with_value(|s| s.remove(&keys.deleted(&older.id)));
            }
        }
        // A copy left from before under the same key has just been replaced by this one.
        self.left_deleted
            .update(|left| left.retain(|c| c.key != copy));
        self.undo_delete.set(Some(summary));
        self.open_another_if_deleted(id);
        self.retry_save_if_full();
        Deletion::WithUndo
    }

    /// A delete may have made room: a change that storage refused for want of it is tried again.
    fn retry_save_if_full(&self) {
        if self.status.get_untracked() == SaveStatus::Full {
            self.save_now();
        }
    }

    /// Deletes a plan with no copy kept, when the user has agreed to (no copy could be written).
    /// Returns whether it is gone; if the browser kept it, the user is told.
    pub fn delete_without_undo(&self, id: &str) -> bool {
        if !self.remove_plan(id) {
            return false;
        }
        self.open_another_if_deleted(id);
        self.retry_save_if_full();
        true
    }

    /// Brings back the last deleted plan, and opens it.
    pub fn undo_delete(&self) {
        let Some(summary) = self.undo_delete.get_untracked() else {
            return;
        };
        let keys = self.keys.get_value();
        let copy = keys.deleted(&summary.id);
        let title = match summary.title.as_str() {
            "" => messages::plans::UNTITLED,
            title => title,
        };
        let Some(raw) = self.store.with_value(|s| s.get(&copy)) else {
            self.undo_delete.set(None);
            self.notice(messages::plans::copy_gone(title));
            return;
        };
        if self
            .store
            .with_value(|s| s.set(&keys.plan(&summary.id), &raw))
            .is_err()
        {
            self.notice(messages::plans::not_brought_back(title));
            return;
        }
        self.store.with_value(|s| s.remove(&copy));
        self.undo_delete.set(None);
        self.scan();
        self.open(&summary.id);
    }

    /// Ends undo for the last deleted plan and removes its copy: when the user dismisses undo,
    /// and when the page closes.
    pub fn forget_undo(&self) {
        if let Some(deleted) = self.undo_delete.get_untracked() {
            let copy = self.keys.with_value(|k| k.deleted(&deleted.id));
            self.store.with_value(|s| s.remove(&copy));
            self.undo_delete.set(None);
        }
    }

    /// The text to keep of a plan being deleted: the open plan as on screen, edits not yet saved
    /// included, unless it is read-only (then the stored text exactly, with what this version
    /// cannot read); any other plan as stored.
    fn text_to_keep(&self, id: &str) -> Option<String> {
        let deleting_open = self.plan.with_untracked(|p| p.id == id);
        if deleting_open && self.read_only.get_untracked().is_none() {
            return Some(plan::to_json(&self.plan.get_untracked()));
        }
        let key = self.keys.with_value(|k| k.plan(id));
        self.store.with_value(|s| s.get(&key))
    }

    /// A plan's text for a download before it is deleted: the open plan as "Download this plan"
    /// gives it; any other exactly as stored.
    pub fn text_for_download(&self, id: &str) -> Option<String> {
        if self.plan.with_untracked(|p| p.id == id) {
            self.mark_downloaded();
            return Some(self.open_plan_text());
        }
        let key = self.keys.with_value(|k| k.plan(id));
        self.store.with_value(|s| s.get(&key))
    }

    /// Removes a plan's key, after stopping the open plan's waiting autosave (which would write
    /// it back). Returns whether it is gone; if the browser kept it, says so.
    fn remove_plan(&self, id: &str) -> bool {
        let deleting_open = self.plan.with_untracked(|p| p.id == id);
        let waiting = self.pending.get_value();
        if deleting_open {
            if let Some(handle) = waiting {
                handle.clear();
                self.pending.set_value(None);
            }
        }
        let key = self.keys.with_value(|k| k.plan(id));
        self.store.with_value(|s| s.remove(&key));
        if self.store.with_value(|s| s.get(&key)).is_none() {
            return true;
        }
        let title = self
            .plans
            .with_untracked(|l| l.iter().find(|p| p.id == id).map(|p| p.title.clone()))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| messages::plans::UNTITLED.into());
        self.notice(messages::plans::not_removed(&title));
        if deleting_open && waiting.is_some() {
            // It stays, so its waiting edit must still be saved.
            self.save_now();
        }
        false
    }

    /// After the open plan was deleted: opens the last used of the rest, or a new empty plan.
    fn open_another_if_deleted(&self, id: &str) {
        let remaining = self.scan();
        if self.plan.with_untracked(|p| p.id == id) {
            // Its changes that storage refused went with it, as the user chose: leaving it now
            // loses nothing they want.
            self.downloaded.set_value(true);
            if remaining.is_empty() {
                self.create(messages::plans::UNTITLED);
            } else {
                self.open_initial(&remaining);
            }
        }
    }

    /// Lists the copies of deleted plans that an earlier visit left behind (it closed without
    /// `pagehide`, or was an older version that kept them), and removes this visit's copy for
    /// undo when the page closes for good. A page kept in the back-forward cache (`persisted`)
    /// may come back, with its undo; switching tabs (`visibilitychange`) is not closing.
    fn look_after_deleted_copies(&self) {
        let keys = self.keys.get_value();
        let mut left: Vec<DeletedCopy> = self
            .store
            .with_value(Store::keys)
            .into_iter()
            .filter(|k| keys.is_deleted(k))
            .filter_map(|key| {
                let raw = self.store.with_value(|s| s.get(&key))?;
                let title = plan::load(&raw).ok().map(|l| l.plan.title);
                Some(DeletedCopy { key, title })
            })
            .collect();
        left.sort_by(|a, b| a.key.cmp(&b.key));
        self.left_deleted.set(left);
        let planner = *self;
        let closing = window_event_listener(leptos::ev::pagehide, move |event| {
            if !event.persisted() {
                planner.forget_undo();
            }
        });
        std::mem::forget(closing);
    }

    /// Brings back a copy left from before as a plan (beside a plan with the same id, if one is
    /// here again: never over it). Returns the id it is stored under.
    pub fn bring_back(&self, key: &str) -> Option<String> {
        let keys = self.keys.get_value();
        let found = self
            .left_deleted
            .with_untracked(|l| l.iter().find(|c| c.key == key).cloned())?;
        let title = found
            .title
            .clone()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| messages::plans::UNTITLED.into());
        let forget = || self.left_deleted.update(|l| l.retain(|c| c.key != key));
        let Some(loaded) = self
            .store
            .with_value(|s| s.get(key))
            .filter(|_| keys.is_deleted(key))
            .and_then(|raw| plan::load(&raw).ok().map(|l| (raw, l)))
        else {
            forget();
            self.notice(messages::plans::copy_gone(&title));
            return None;
        };
        let (raw, loaded) = loaded;
        let taken = self
            .store
            .with_value(|s| s.get(&keys.plan(&loaded.plan.id)))
            .is_some();
        let (id, text) = if !taken {
            (loaded.plan.id.clone(), raw)
        } else if loaded.read_only_newer.is_none() {
            let now = now();
            let copy = plan::duplicate(&loaded.plan, &self.fresh_id(&now), &now);
            (copy.id.clone(), plan::to_json(&copy))
        } else {
            self.notice(messages::plans::not_beside_newer(&title));
            return None;
        };
        if self
            .store
            .with_value(|s| s.set(&keys.plan(&id), &text))
            .is_err()
        {
            self.notice(messages::plans::not_brought_back(&title));
            return None;
        }
        self.store.with_value(|s| s.remove(key));
        forget();
        let open = self.plan.get_untracked();
        self.scan();
        // scan() lists what is stored; keep the open plan listed even before its first save.
        self.plans.update(|list| {
            if !list.iter().any(|p| p.id == open.id) {
                list.insert(0, open.summary());
            }
        });
        Some(id)
    }

    /// The text of a copy left from before, for a download.
    pub fn left_deleted_text(&self, key: &str) -> Option<String> {
        if !self.keys.with_value(|k| k.is_deleted(key)) {
            return None;
        }
        self.store.with_value(|s| s.get(key))
    }

    /// Removes every copy left from before. Returns how many went; any the browser kept stay
    /// listed.
    pub fn remove_left_deleted(&self) -> usize {
        let keys = self.keys.get_value();
        let mut removed = 0;
        let mut kept = Vec::new();
        for copy in self.left_deleted.get_untracked() {
            if keys.is_deleted(&copy.key) {
                self.store.with_value(|s| s.remove(&copy.key));
            }
            if self.store.with_value(|s| s.get(&copy.key)).is_none() {
                removed += 1;
            } else {
                kept.push(copy);
            }
        }
        self.left_deleted.set(kept);
        removed
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
