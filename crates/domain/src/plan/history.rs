//! The change log: what changed in a plan and when, in plain words, bounded in size.

use serde::{Deserialize, Serialize};

use super::{
    department_key, Action, AnchorRecord, ClarityRecord, JourneySection, MetricEntry, Objective,
    OutcomeRecord, Period, Plan, Specialist, Stage,
};
use crate::messages::Part;
use crate::stats::{Convention, NonAdverseRange, SuppressionPreset};

/// Entries kept per plan. When a change would go past it, the oldest entries are dropped.
pub const MAX_HISTORY: usize = 500;

/// Edits of the same thing within this many seconds of its last entry are folded into that entry
/// (typing a title saves many times but is one change).
pub const COALESCE_SECONDS: i64 = 10 * 60;

/// Values longer than this are shortened in the log.
const SHOWN_CHARS: usize = 60;

/// One entry in a plan's change log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Change {
    /// RFC 3339 timestamp.
    pub at: String,
    /// What changed, in a sentence for the user.
    pub what: String,
    /// What the change is about, such as "title" or "reap.1.2.status": lets edits of one thing
    /// fold together, and a review pick out the changes to one anchor.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// For a change from one value to another, the value before ("" when it was blank), so that
    /// folded edits still say where they started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

impl Change {
    /// An entry for something that happened to the whole plan (created, copied).
    pub(super) fn event(at: &str, what: String, about: &str) -> Change {
        Change {
            at: at.to_string(),
            what,
            about: about.to_string(),
            from: None,
        }
    }
}

/// What changed between two versions of a plan, one plain sentence per thing, such as
/// "REAP anchor 1.2 status changed from Not started to Met". The change log itself, `modified`
/// and `created` are not compared.
pub fn describe_changes(before: &Plan, after: &Plan) -> Vec<String> {
    edits(before, after).iter().map(Edit::sentence).collect()
}

/// Records in `plan.history` what changed since `before`, and sets `plan.modified` to `now`.
/// Call it on every edit, before saving. Returns false, changing nothing, if nothing changed.
///
/// Edits of the same thing within [`COALESCE_SECONDS`] fold into one entry that says where the
/// thing started and where it ended (an edit undone within that time leaves no entry). The log
/// keeps the last [`MAX_HISTORY`] entries.
pub fn record_changes(plan: &mut Plan, before: &Plan, now: &str) -> bool {
    let mut edits = edits(before, plan);
    if edits.is_empty() {
        if *plan == *before {
            return false;
        }
        // A change the log does not describe yet (a field added without its line here) is still
        // kept: the widget drops an edit this function says changed nothing.
        edits.push(Edit {
            about: "plan".into(),
            label: "The plan".into(),
            kind: Kind::Edited,
        });
    }
    for edit in edits {
        fold(&mut plan.history, edit, now);
    }
    plan.modified = now.to_string();
    true
}

/// Adds an entry, dropping the oldest beyond [`MAX_HISTORY`].
pub(super) fn push(history: &mut Vec<Change>, change: Change) {
    history.push(change);
    if history.len() > MAX_HISTORY {
        history.drain(..history.len() - MAX_HISTORY);
    }
}

fn fold(history: &mut Vec<Change>, edit: Edit, now: &str) {
    let folds = matches!(
        edit.kind,
        Kind::Value { .. } | Kind::Text { .. } | Kind::Edited | Kind::Changed
    );
    let Some(index) = folds.then(|| recent(history, &edit.about, now)).flatten() else {
        push(history, edit.into_change(now));
        return;
    };
    let earlier = history.remove(index).from;
    let kind = match edit.kind {
        Kind::Value { from, to, quoted } => {
            let from = earlier.unwrap_or(from);
            if from == to {
                return;
            }
            Kind::Value { from, to, quoted }
        }
        Kind::Text { now_blank, .. } => {
            let was_blank = earlier.as_deref() == Some("");
            if was_blank && now_blank {
                return;
            }
            Kind::Text {
                was_blank,
                now_blank,
            }
        }
        other => other,
    };
    push(history, Edit { kind, ..edit }.into_change(now));
}

/// The latest entry about `about` made within [`COALESCE_SECONDS`] before `now`.
fn recent(history: &[Change], about: &str, now: &str) -> Option<usize> {
    let now = seconds(now)?;
    for (index, change) in history.iter().enumerate().rev() {
        let age = now - seconds(&change.at)?;
        if !(0..=COALESCE_SECONDS).contains(&age) {
            return None;
        }
        if change.about == about {
            return Some(index);
        }
    }
    None
}

/// Seconds since 1970 of an RFC 3339 timestamp ("2025-01-15T09:00:00Z", "…T09:00:00.123+01:00").
fn seconds(at: &str) -> Option<i64> {
    let number = |from: usize, to: usize| -> Option<i64> {
        let digits = at.get(from..to)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let bytes = at.as_bytes();
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if bytes.len() < 19
        || separators.iter().any(|&(i, c)| bytes[i] != c)
        || !b"Tt ".contains(&bytes[10])
    {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let time = number(11, 13)? * 3600 + number(14, 16)? * 60 + number(17, 19)?;
    let mut rest = &at[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest.as_bytes() {
        b"" | b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let end = at.len();
            let size = number(end - 5, end - 3)? * 3600 + number(end - 2, end)? * 60;
            if *sign == b'+' {
                size
            } else {
                -size
            }
        }
        _ => return None,
    };
    // Days from civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + time - offset)
}

// ---- Working out what changed -----------------------------------------------------------------

struct Edit {
    about: String,
    label: String,
    kind: Kind,
}

enum Kind {
    /// Text the team kept, unchanged, after the figures it was written for changed.
    KeptForNewFigures,
    /// A short value shown in full; `quoted` for what the user typed.
    Value {
        from: String,
        to: String,
        quoted: bool,
    },
    /// Long text, not shown.
    Text {
        was_blank: bool,
        now_blank: bool,
    },
    Switched {
        on: bool,
    },
    Added,
    Removed,
    Edited,
    /// Like `Edited`, for what is better said to have changed (counts).
    Changed,
}

impl Edit {
    fn sentence(&self) -> String {
        let label = &self.label;
        match &self.kind {
            Kind::Value { from, to, quoted } => {
                let show = |v: &str| {
                    if *quoted {
                        format!("‘{v}’")
                    } else {
                        v.to_string()
                    }
                };
                if from.is_empty() {
                    format!("{label} set to {}", show(to))
                } else if to.is_empty() {
                    format!("{label} cleared (was {})", show(from))
                } else {
                    format!("{label} changed from {} to {}", show(from), show(to))
                }
            }
            Kind::Text {
                was_blank: true,
                now_blank: false,
            }
            | Kind::Added => format!("{label} added"),
            Kind::Text {
                was_blank: false,
                now_blank: true,
            }
            | Kind::Removed => format!("{label} removed"),
            Kind::Text { .. } | Kind::Edited => format!("{label} edited"),
            Kind::Changed => format!("{label} changed"),
            Kind::KeptForNewFigures => format!("{label} kept as written, for the new figures"),
            Kind::Switched { on: true } => format!("{label} is now in use"),
            Kind::Switched { on: false } => format!("{label} is no longer in use"),
        }
    }

    fn into_change(self, now: &str) -> Change {
        let what = self.sentence();
        let from = match self.kind {
            Kind::Value { from, .. } => Some(from),
            Kind::Text {
                was_blank: true, ..
            } => Some(String::new()),
            _ => None,
        };
        Change {
            at: now.to_string(),
            what,
            about: self.about,
            from,
        }
    }
}

#[derive(Default)]
struct Edits(Vec<Edit>);

impl Edits {
    fn push(&mut self, about: String, label: String, kind: Kind) {
        self.0.push(Edit { about, label, kind });
    }

    /// A short value the user typed, shown in quotes.
    fn typed(&mut self, about: String, label: String, from: &str, to: &str) {
        if from != to {
            self.push(
                about,
                label,
                Kind::Value {
                    from: shorten(from),
                    to: shorten(to),
                    quoted: true,
                },
            );
        }
    }

    /// A value chosen from a list, or a date, shown as it is.
    fn chosen(&mut self, about: String, label: String, from: &str, to: &str) {
        if from != to {
            self.push(
                about,
                label,
                Kind::Value {
                    from: from.into(),
                    to: to.into(),
                    quoted: false,
                },
            );
        }
    }

    fn text(&mut self, about: String, label: String, from: &str, to: &str) {
        if from != to {
            let kind = Kind::Text {
                was_blank: from.trim().is_empty(),
                now_blank: to.trim().is_empty(),
            };
            self.push(about, label, kind);
        }
    }

    /// Items matched by id: added, removed, or (when both exist and differ) compared by `fields`,
    /// which is given the item's key ("{section}.{id}") to build its own keys from.
    fn items<T: PartialEq>(
        &mut self,
        section: &str,
        before: &[T],
        after: &[T],
        id: impl Fn(&T) -> &str,
        name: impl Fn(&T) -> String,
        fields: impl Fn(&mut Self, &str, &T, &T),
    ) {
        for new in after {
            let key = format!("{section}.{}", id(new));
            match before.iter().find(|old| id(old) == id(new)) {
                None => self.push(key, name(new), Kind::Added),
                Some(old) if old != new => fields(self, &key, old, new),
                Some(_) => {}
            }
        }
        for old in before
            .iter()
            .filter(|old| !after.iter().any(|new| id(new) == id(old)))
        {
            self.push(format!("{section}.{}", id(old)), name(old), Kind::Removed);
        }
    }
}

/// The value trimmed, and cut to [`SHOWN_CHARS`] characters with an ellipsis.
pub(super) fn shorten(value: &str) -> String {
    let value = value.trim();
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", value[..end].trim_end()),
        None => value.to_string(),
    }
}

fn stage(stage: Option<Stage>) -> &'static str {
    stage.map(Stage::title).unwrap_or("")
}

fn range(range: NonAdverseRange) -> String {
    format!(
        "{} to {}",
        crate::numbers::fixed(range.lower(), 2),
        crate::numbers::fixed(range.upper(), 2)
    )
}

fn convention(convention: Convention) -> &'static str {
    match convention {
        Convention::ScWres => "Social Care WRES",
        Convention::NhsWres => "NHS WRES",
    }
}

fn suppression(preset: SuppressionPreset) -> &'static str {
    match preset {
        SuppressionPreset::LessThan5 => "hide counts under 5",
        SuppressionPreset::LessThan10 => "hide counts under 10",
        SuppressionPreset::NhsDigital => "NHS Digital rules",
    }
}

/// "Employment Specialist ‘A.K.’", or "An Employment Specialist with no name yet".
fn specialist(s: &Specialist) -> String {
    match shorten(&s.name).as_str() {
        "" => "An Employment Specialist with no name yet".to_string(),
        name => format!("Employment Specialist ‘{name}’"),
    }
}

/// "Action ‘Visit…’", or for an action not yet described, the anchors or stages it is for.
fn action(a: &Action) -> String {
    match (shorten(&a.text).as_str(), a.anchors.as_slice()) {
        ("", []) if !a.stages.is_empty() => format!(
            "An action for the journey stage {} (not yet described)",
            stages(&a.stages)
        ),
        ("", []) => "An action not yet described".to_string(),
        ("", [one]) => format!("An action for REAP anchor {one} (not yet described)"),
        ("", anchors) => format!(
            "An action for REAP anchors {} (not yet described)",
            crate::text::list_with_and(anchors)
        ),
        (text, _) => format!("Action ‘{text}’"),
    }
}

/// "An Employment…" to "an Employment…", for the middle of a sentence.
fn lower_first(text: &str) -> String {
    match text.strip_prefix("An ") {
        Some(rest) => format!("an {rest}"),
        None => text.to_string(),
    }
}

/// "Starting and Developing".
fn stages(stages: &[Stage]) -> String {
    let titles: Vec<&str> = stages.iter().map(|s| s.title()).collect();
    crate::text::list_with_and(&titles)
}

/// "Capacity (Developing)", or the id as saved when it is not a breakthrough point.
fn breakthroughs(ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| match crate::journey::breakthrough(id) {
            Some(b) => format!("{} ({})", b.area.title(), b.stage.title()),
            None => id.clone(),
        })
        .collect();
    names.join(", ")
}

/// "outcome question 2", by the question's place in the list.
fn question(id: &str) -> String {
    match crate::journey::CLARITY_QUESTIONS
        .iter()
        .position(|q| q.id == id)
    {
        Some(i) => format!("outcome question {}", i + 1),
        None => format!("outcome question ‘{id}’"),
    }
}

/// "outcome area Employment", by the area's id.
fn outcome_area(id: &str) -> String {
    match crate::journey::OutcomeArea::ALL
        .into_iter()
        .find(|a| a.id() == id)
    {
        Some(area) => format!("outcome area {}", area.title()),
        None => format!("outcome area ‘{id}’"),
    }
}

/// The keys given, once each: those in `order` first, in that order, then any others as sorted.
fn in_order<'a>(order: &[&'static str], keys: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut found: Vec<&str> = Vec::new();
    for key in keys {
        if !found.contains(&key.as_str()) {
            found.push(key);
        }
    }
    let known = order.iter().filter(|id| found.contains(id)).copied();
    let others = found.iter().copied().filter(|k| !order.contains(k));
    known.chain(others).collect()
}

/// "Figures for period ‘2023-24’", or "A reporting period with no name yet" (as added).
fn period(p: &Period) -> String {
    match shorten(&p.label).as_str() {
        "" => "A reporting period with no name yet".to_string(),
        label => format!("Figures for period ‘{label}’"),
    }
}

/// What changed in a period's SC-WRES entries, metric by metric in SC-WRES order: its counts, and
/// what the team knows from them.
fn metric_edits<'a>(e: &mut Edits, key: &str, a: &'a Period, b: &'a Period) {
    let during = match shorten(&b.label).as_str() {
        "" => "a period with no name yet".to_string(),
        label => format!("‘{label}’"),
    };
    let order: Vec<&str> = crate::wres::ENTERED
        .iter()
        .map(|&m| crate::wres::metric_id(m))
        .collect();
    let ids = a.metrics.iter().chain(&b.metrics).map(|m| &m.metric);
    let blank = MetricEntry::default();
    for id in in_order(&order, ids) {
        let find = |p: &'a Period| p.metrics.iter().find(|m| m.metric == id);
        let (old, new) = (find(a).unwrap_or(&blank), find(b).unwrap_or(&blank));
        let name = match crate::wres::metric_from_id(id) {
            Some(metric) => crate::wres::metric_title(metric),
            None => id,
        };
        let counts = crate::wres::Count::ALL;
        if counts.iter().any(|c| c.of(old) != c.of(new)) {
            let label = format!("Counts for ‘{name}’ in {during}");
            e.push(format!("{key}.metric.{id}.counts"), label, Kind::Changed);
        }
        if old.what_we_know != new.what_we_know {
            let label = format!("What we know about ‘{name}’ in {during}");
            e.push(format!("{key}.metric.{id}.know"), label, Kind::Changed);
        } else if old.what_we_know_for != new.what_we_know_for
            && !new.what_we_know_for.is_empty()
            && !old.what_we_know_for.is_empty()
        {
            // The team kept its words for figures that changed.
            let label = format!("What we know about ‘{name}’ in {during}");
            e.push(
                format!("{key}.metric.{id}.know"),
                label,
                Kind::KeptForNewFigures,
            );
        }
    }
}

/// Linked metrics by their titles ("Leaving the organisation, Pay bands"), or "none".
fn metrics(ids: &[String]) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    ids.iter()
        .map(|id| {
            crate::wres::metric_from_id(id)
                .map(crate::wres::metric_title)
                .unwrap_or(id)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn all_actions(objectives: &[Objective]) -> Vec<&Action> {
    objectives.iter().flat_map(|o| &o.actions).collect()
}

fn edits(before: &Plan, after: &Plan) -> Vec<Edit> {
    let mut e = Edits::default();
    e.typed("title".into(), "Title".into(), &before.title, &after.title);
    e.typed(
        "organisation".into(),
        "Organisation".into(),
        &before.organisation,
        &after.organisation,
    );
    e.typed("team".into(), "Team".into(), &before.team, &after.team);
    e.typed(
        "reporting_period".into(),
        "Reporting period".into(),
        &before.reporting_period,
        &after.reporting_period,
    );
    for part in Part::ALL {
        let on = after.parts_in_use.uses(part);
        if before.parts_in_use.uses(part) != on {
            e.push(
                format!("parts.{}", part.slug()),
                format!("The {} part", part.title()),
                Kind::Switched { on },
            );
        }
    }

    let (old, new) = (&before.settings, &after.settings);
    e.typed(
        "settings.comparison_group_term".into(),
        "The words for the comparison group".into(),
        &old.comparison_group_term,
        &new.comparison_group_term,
    );
    e.typed(
        "settings.reference_group".into(),
        "Reference group".into(),
        &old.reference_group,
        &new.reference_group,
    );
    e.chosen(
        "settings.ratio_convention".into(),
        "Ratio convention".into(),
        convention(old.ratio_convention),
        convention(new.ratio_convention),
    );
    e.chosen(
        "settings.suppression".into(),
        "Small-number rule".into(),
        suppression(old.suppression),
        suppression(new.suppression),
    );
    e.chosen(
        "settings.non_adverse_range".into(),
        "Non-adverse range".into(),
        &range(old.non_adverse_range),
        &range(new.non_adverse_range),
    );

    let blank = AnchorRecord::default();
    let (old, new) = (&before.reap.anchors, &after.reap.anchors);
    // Every anchor id in either plan, once each, in the maps' order.
    let ids: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for id in ids {
        let (a, b) = (old.get(id).unwrap_or(&blank), new.get(id).unwrap_or(&blank));
        if a == b {
            continue;
        }
        e.chosen(
            format!("reap.{id}.status"),
            format!("REAP anchor {id} status"),
            a.status.title(),
            b.status.title(),
        );
        e.text(
            format!("reap.{id}.evidence"),
            format!("Evidence for REAP anchor {id}"),
            &a.evidence,
            &b.evidence,
        );
        e.typed(
            format!("reap.{id}.who"),
            format!("Who is responsible for REAP anchor {id}"),
            &a.who,
            &b.who,
        );
        e.chosen(
            format!("reap.{id}.review_date"),
            format!("Review date for REAP anchor {id}"),
            &a.review_date,
            &b.review_date,
        );
    }

    e.items(
        "reap.review",
        &before.reap.reviews,
        &after.reap.reviews,
        |r| &r.id,
        |r| format!("REAP review of {}", r.date),
        |e, key, a, b| {
            e.text(
                format!("{key}.note"),
                format!("Note on the REAP review of {}", b.date),
                &a.note,
                &b.note,
            )
        },
    );

    e.items(
        "reap.specialist",
        &before.reap.specialists,
        &after.reap.specialists,
        |s| &s.id,
        specialist,
        |e, key, a, b| {
            e.typed(
                format!("{key}.name"),
                "Employment Specialist's name".into(),
                &a.name,
                &b.name,
            );
            if a.caseload != b.caseload {
                e.push(
                    format!("{key}.caseload"),
                    format!("Caseload of {}", lower_first(&specialist(b))),
                    Kind::Edited,
                );
            }
        },
    );

    let (old, new) = (&before.journey, &after.journey);
    e.items(
        "participant",
        &old.participants,
        &new.participants,
        |p| &p.id,
        |p| format!("Workshop participant ‘{}’", shorten(&p.name)),
        |e, key, a, b| {
            let who = shorten(&b.name);
            e.typed(
                format!("{key}.name"),
                "Workshop participant's name".into(),
                &a.name,
                &b.name,
            );
            e.typed(
                format!("{key}.department"),
                format!("Department of ‘{who}’"),
                &a.department,
                &b.department,
            );
            e.chosen(
                format!("{key}.stage"),
                format!("Stage chosen by ‘{who}’"),
                stage(a.stage),
                stage(b.stage),
            );
            e.text(
                format!("{key}.evidence"),
                format!("Evidence from ‘{who}’"),
                &a.evidence,
                &b.evidence,
            );
        },
    );
    e.chosen(
        "journey.agreed_stage".into(),
        "Agreed journey stage".into(),
        stage(old.agreed_stage),
        stage(new.agreed_stage),
    );
    e.chosen(
        "journey.reassessment_date".into(),
        "Re-assessment date".into(),
        &old.reassessment_date,
        &new.reassessment_date,
    );
    // Departments by key, in the order first met; named as typed, the new name first.
    let mut keys: Vec<String> = Vec::new();
    for d in old.department_stages.iter().chain(&new.department_stages) {
        let key = department_key(&d.department);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    for key in keys {
        fn find<'a>(j: &'a JourneySection, key: &str) -> Option<&'a super::DepartmentStage> {
            j.department_stages
                .iter()
                .find(|d| department_key(&d.department) == key)
        }
        let (a, b) = (find(old, &key), find(new, &key));
        let name = b.or(a).map_or("", |d| d.department.as_str());
        e.chosen(
            format!("journey.department.{key}"),
            format!("Agreed stage for ‘{}’", shorten(name)),
            stage(a.and_then(|d| d.stage)),
            stage(b.and_then(|d| d.stage)),
        );
    }
    let blank = ClarityRecord::default();
    let questions = crate::journey::CLARITY_QUESTIONS.map(|q| q.id);
    let ids = old.clarity.iter().chain(&new.clarity).map(|r| &r.question);
    for id in in_order(&questions, ids) {
        let (a, b) = (
            old.clarity_record(id).unwrap_or(&blank),
            new.clarity_record(id).unwrap_or(&blank),
        );
        let answer = |r: &ClarityRecord| r.answer.map(|a| a.title()).unwrap_or("");
        e.chosen(
            format!("journey.clarity.{id}.answer"),
            format!("Answer to {}", question(id)),
            answer(a),
            answer(b),
        );
        e.text(
            format!("journey.clarity.{id}.note"),
            format!("Note on {}", question(id)),
            &a.note,
            &b.note,
        );
    }
    let blank = OutcomeRecord::default();
    let areas = crate::journey::OutcomeArea::ALL.map(|a| a.id());
    let ids = old.outcomes.iter().chain(&new.outcomes).map(|r| &r.area);
    for id in in_order(&areas, ids) {
        let (a, b) = (
            old.outcome_record(id).unwrap_or(&blank),
            new.outcome_record(id).unwrap_or(&blank),
        );
        let area = outcome_area(id);
        e.text(
            format!("journey.outcome.{id}.objectives"),
            format!("Objectives for {area}"),
            &a.objectives,
            &b.objectives,
        );
        e.text(
            format!("journey.outcome.{id}.issue"),
            format!("Evidence of the issue for {area}"),
            &a.issue_evidence,
            &b.issue_evidence,
        );
        e.text(
            format!("journey.outcome.{id}.improved"),
            format!("Measures of improvement for {area}"),
            &a.improvement_measures,
            &b.improvement_measures,
        );
    }
    e.text(
        "journey.strengths".into(),
        "Strengths to build on".into(),
        &old.strengths,
        &new.strengths,
    );
    e.text(
        "journey.to_develop".into(),
        "Areas to develop".into(),
        &old.to_develop,
        &new.to_develop,
    );
    // Assessments have no id: one is added at the end, and the oldest may go.
    let assessment = |p: &super::PastAssessment| match p.stage {
        Some(stage) => format!("Journey assessment of {} ({})", p.date, stage.title()),
        None => format!("Journey assessment of {}", p.date),
    };
    for past in new.past.iter().filter(|p| !old.past.contains(p)) {
        e.push(
            format!("journey.past.{}", past.date),
            assessment(past),
            Kind::Added,
        );
    }
    for past in old.past.iter().filter(|p| !new.past.contains(p)) {
        e.push(
            format!("journey.past.{}", past.date),
            assessment(past),
            Kind::Removed,
        );
    }

    e.items(
        "period",
        &before.data.periods,
        &after.data.periods,
        |p| &p.id,
        period,
        |e, key, a, b| {
            e.typed(
                format!("{key}.label"),
                "Period name".into(),
                &a.label,
                &b.label,
            );
            if a.figures != b.figures {
                e.push(
                    format!("{key}.figures"),
                    format!("Figures for period ‘{}’", shorten(&b.label)),
                    Kind::Edited,
                );
            }
            metric_edits(e, key, a, b);
            if a.bands != b.bands {
                let during = match shorten(&b.label).as_str() {
                    "" => "a period with no name yet".to_string(),
                    label => format!("‘{label}’"),
                };
                e.push(
                    format!("{key}.bands"),
                    format!("Pay bands in {during}"),
                    Kind::Changed,
                );
            }
        },
    );
    let (old, new) = (&before.data.service, &after.data.service);
    e.typed(
        "service.as_at".into(),
        "When the service figures were taken".into(),
        &old.as_at,
        &new.as_at,
    );
    e.typed(
        "service.source".into(),
        "Where the population figures come from".into(),
        &old.population_source,
        &new.population_source,
    );
    if (
        &old.population,
        &old.population_categories,
        old.population_detailed,
    ) != (
        &new.population,
        &new.population_categories,
        new.population_detailed,
    ) {
        e.push(
            "service.population".into(),
            "Local population figures".into(),
            Kind::Changed,
        );
    }
    for group in crate::caseload::CaseloadGroup::ALL {
        let row = |s: &crate::plan::ServiceData| crate::service::row(s, group);
        if row(old) != row(new) {
            e.push(
                format!("service.{}", group.id()),
                format!("Service figures for the {} group", group.short_label()),
                Kind::Changed,
            );
        }
    }

    for field in super::HeaderField::ALL {
        e.typed(
            format!("action_plan.header.{}", field.id()),
            field.label().to_string(),
            field.of(&before.action_plan.header),
            field.of(&after.action_plan.header),
        );
    }
    for step in crate::wres::PLANNING_STEPS {
        let record = |plan: &Plan| {
            plan.action_plan
                .steps
                .iter()
                .find(|r| r.step == step.id)
                .cloned()
                .unwrap_or_default()
        };
        let (a, b) = (record(before), record(after));
        let key = format!("action_plan.steps.{}", step.id);
        if a.done != b.done {
            let done = if b.done { "done" } else { "not done" };
            e.chosen(
                format!("{key}.done"),
                format!("Planning step ‘{}’", step.title),
                if a.done { "done" } else { "not done" },
                done,
            );
        }
        e.chosen(
            format!("{key}.date"),
            format!("Date of planning step ‘{}’", step.title),
            &a.date,
            &b.date,
        );
        e.text(
            format!("{key}.notes"),
            format!("Notes on planning step ‘{}’", step.title),
            &a.notes,
            &b.notes,
        );
    }
    e.items(
        "action_plan.voice",
        &before.action_plan.voice,
        &after.action_plan.voice,
        |v| &v.id,
        |v| format!("Staff-voice entry ‘{}’", shorten(&v.who)),
        |e, key, a, b| {
            for field in super::VoiceField::ALL {
                e.text(
                    format!("{key}.{}", field.id()),
                    format!("Staff-voice entry ‘{}’ ({})", shorten(&b.who), field.id()),
                    field.of(a),
                    field.of(b),
                );
            }
        },
    );
    let (old, new) = (
        &before.action_plan.objectives,
        &after.action_plan.objectives,
    );
    e.items(
        "objective",
        old,
        new,
        |o| &o.id,
        |o| format!("Objective ‘{}’", shorten(&o.title)),
        |e, key, a, b| {
            e.typed(
                format!("{key}.title"),
                "Objective".into(),
                &a.title,
                &b.title,
            );
            e.typed(
                format!("{key}.lead"),
                format!("Lead for objective ‘{}’", shorten(&b.title)),
                &a.lead,
                &b.lead,
            );
            e.chosen(
                format!("{key}.theme"),
                format!("Theme of objective ‘{}’", shorten(&b.title)),
                &a.theme,
                &b.theme,
            );
            e.text(
                format!("{key}.indicators"),
                format!(
                    "Indicators of improvement for objective ‘{}’",
                    shorten(&b.title)
                ),
                &a.indicators,
                &b.indicators,
            );
        },
    );
    // Actions are matched across objectives, so moving one is not a removal and an addition.
    e.items(
        "action",
        &all_actions(old),
        &all_actions(new),
        |a| &a.id,
        |a| action(a),
        |e, key, a, b| {
            let action = match shorten(&b.text).as_str() {
                "" => "an action not yet described".to_string(),
                text => format!("action ‘{text}’"),
            };
            e.typed(
                format!("{key}.text"),
                "Action wording".into(),
                &a.text,
                &b.text,
            );
            e.typed(
                format!("{key}.who"),
                format!("Who leads {action}"),
                &a.who,
                &b.who,
            );
            e.chosen(
                format!("{key}.by_when"),
                format!("Due date of {action}"),
                &a.by_when,
                &b.by_when,
            );
            e.chosen(
                format!("{key}.status"),
                format!("Status of {action}"),
                a.status.label(),
                b.status.label(),
            );
            e.text(
                format!("{key}.progress"),
                format!("Progress on {action}"),
                &a.progress,
                &b.progress,
            );
            e.chosen(
                format!("{key}.anchors"),
                format!("REAP anchors for {action}"),
                &a.anchors.join(", "),
                &b.anchors.join(", "),
            );
            e.chosen(
                format!("{key}.stages"),
                format!("Journey stages for {action}"),
                &stages(&a.stages),
                &stages(&b.stages),
            );
            e.chosen(
                format!("{key}.breakthroughs"),
                format!("Breakthrough point for {action}"),
                &breakthroughs(&a.breakthroughs),
                &breakthroughs(&b.breakthroughs),
            );
            e.chosen(
                format!("{key}.metrics"),
                format!("SC-WRES metrics for {action}"),
                &metrics(&a.metrics),
                &metrics(&b.metrics),
            );
        },
    );
    e.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ActionStatus, AnchorStatus, Participant, Period, Specialist};

    const T0: &str = "2025-03-01T10:00:00Z";

    fn at(minutes: i64) -> String {
        let total = 10 * 60 + minutes;
        format!("2025-03-01T{:02}:{:02}:00Z", total / 60, total % 60)
    }

    fn plan() -> Plan {
        Plan::new("p1", "Race equity plan", T0)
    }

    /// Applies `edit` to `plan` at `now`, recording it as the widget does.
    fn edit(plan: &mut Plan, now: &str, edit: impl FnOnce(&mut Plan)) -> bool {
        let before = plan.clone();
        edit(plan);
        record_changes(plan, &before, now)
    }

    fn log(plan: &Plan) -> Vec<&str> {
        plan.history
            .iter()
            .skip(1)
            .map(|c| c.what.as_str())
            .collect()
    }

    #[test]
    fn no_change_is_described_as_nothing() {
        assert!(describe_changes(&plan(), &plan()).is_empty());
        let mut later = plan();
        later.modified = "2026-01-01T00:00:00Z".into();
        assert!(
            describe_changes(&plan(), &later).is_empty(),
            "the modified time is not a change"
        );
    }

    #[test]
    fn top_level_fields_and_settings_are_described_in_plain_words() {
        let before = plan();
        let mut after = plan();
        after.title = "Northfield plan".into();
        after.team = "IPS".into();
        after.parts_in_use.journey = false;
        after.settings.comparison_group_term = "Black and minoritised colleagues".into();
        after.settings.suppression = SuppressionPreset::LessThan10;
        after.settings.non_adverse_range = NonAdverseRange::new(0.8, 1.3).unwrap();
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Title changed from ‘Race equity plan’ to ‘Northfield plan’",
                "Team set to ‘IPS’",
                "The Journey self-assessment part is no longer in use",
                "The words for the comparison group changed from ‘people from minoritised ethnic groups’ to ‘Black and minoritised colleagues’",
                "Small-number rule changed from hide counts under 5 to hide counts under 10",
                "Non-adverse range changed from 0.80 to 1.25 to 0.80 to 1.30",
            ]
        );
    }

    #[test]
    fn reap_anchor_changes_name_the_anchor() {
        let mut before = plan();
        before
            .reap
            .anchors
            .entry("2.1".into())
            .or_default()
            .evidence = "Training log".into();
        let mut after = before.clone();
        after.reap.anchors.entry("1.2".into()).or_default().status = AnchorStatus::Met;
        after.reap.anchors.entry("1.3".into()).or_default().evidence = "Board minutes".into();
        after.reap.anchors.entry("2.1".into()).or_default().evidence =
            "Training log, updated".into();
        after
            .reap
            .anchors
            .entry("3.1".into())
            .or_default()
            .review_date = "2025-06-01".into();
        assert_eq!(
            describe_changes(&before, &after),
            [
                "REAP anchor 1.2 status changed from Not started to Met",
                "Evidence for REAP anchor 1.3 added",
                "Evidence for REAP anchor 2.1 edited",
                "Review date for REAP anchor 3.1 set to 2025-06-01",
            ]
        );
        after.reap.anchors.remove("2.1");
        assert!(describe_changes(&before, &after)
            .contains(&"Evidence for REAP anchor 2.1 removed".to_string()));
    }

    #[test]
    fn pay_band_changes_are_recorded() {
        let mut before = plan();
        before.data.periods.push(Period {
            id: "d1".into(),
            label: "2025-26".into(),
            ..Period::default()
        });
        let mut after = before.clone();
        after.data.periods[0].bands.push(crate::plan::BandEntry {
            id: "b1".into(),
            ..Default::default()
        });
        assert_eq!(
            describe_changes(&before, &after),
            ["Pay bands in ‘2025-26’ changed"]
        );
    }

    #[test]
    fn items_in_lists_are_added_removed_and_edited_by_id() {
        let mut before = plan();
        before.journey.participants.push(Participant {
            id: "p1".into(),
            name: "Chair".into(),
            ..Participant::default()
        });
        before.data.periods.push(Period {
            id: "d1".into(),
            label: "2023-24".into(),
            ..Period::default()
        });
        let mut after = Plan::example();
        after.title = before.title.clone();
        after.organisation.clear();
        after.team.clear();
        after.reporting_period.clear();
        after.reap = before.reap.clone();
        after.journey = Default::default();
        after.journey.participants.push(Participant {
            id: "p2".into(),
            name: "Staff network lead".into(),
            ..Participant::default()
        });
        after.journey.agreed_stage = Some(Stage::Developing);
        // The example's own reporting periods are not what this test is about.
        after.data = Default::default();
        after.data.periods.push(Period {
            id: "d1".into(),
            label: "2023-24".into(),
            ..Period::default()
        });
        after.data.periods[0].figures = serde_json::json!({"leaving": {"black": {}}});
        // The example's header and workforce objective are not what this test is about either.
        after.action_plan.header = Default::default();
        after.action_plan.steps.clear();
        after.action_plan.voice.clear();
        after.action_plan.objectives.truncate(3);
        let changes = describe_changes(&before, &after);
        assert_eq!(
            changes,
            [
                "Workshop participant ‘Staff network lead’ added",
                "Workshop participant ‘Chair’ removed",
                "Agreed journey stage set to Developing",
                "Figures for period ‘2023-24’ edited",
                "Objective ‘Referrals to IPS reflect the people the trust treats’ added",
                "Objective ‘REAP: Data’ added",
                "Objective ‘Journey: Starting’ added",
                "Action ‘Visit each community mental health team to explain IPS, star…’ added",
                "Action ‘Ask a local community organisation to co-host an information…’ added",
                "Action ‘Write up the team's make-up against the local population, sa…’ added",
                "Action ‘Agree with the steering group how race equity data is shared…’ added",
                "Action ‘Give one person on each ward protected time to lead its race…’ added",
                "Action ‘Hold listening sessions with local community groups and the…’ added",
            ]
        );
    }

    #[test]
    fn action_changes_name_the_action() {
        let before = Plan::example();
        let mut after = before.clone();
        let action = &mut after.action_plan.objectives[0].actions[1];
        action.status = ActionStatus::AtRisk;
        action.progress = "Waiting for a date".into();
        // Moving an action to another objective is not an addition or a removal.
        let moved = after.action_plan.objectives[0].actions.remove(0);
        after.action_plan.objectives.push(crate::plan::Objective {
            id: "o9".into(),
            title: "Second".into(),
            actions: vec![moved],
            ..Default::default()
        });
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Objective ‘Second’ added",
                "Status of action ‘Ask a local community organisation to co-host an information…’ changed from not started to at risk",
                "Progress on action ‘Ask a local community organisation to co-host an information…’ added",
            ]
        );
    }

    #[test]
    fn specialist_changes_name_the_specialist() {
        let mut before = plan();
        before.reap.specialists = vec![
            Specialist {
                id: "es1".into(),
                name: "A.K.".into(),
                ..Specialist::default()
            },
            Specialist {
                id: "es2".into(),
                name: "J.M.".into(),
                ..Specialist::default()
            },
        ];
        let mut after = before.clone();
        after.reap.specialists[0].name = "A.Kh.".into();
        after.reap.specialists[0]
            .caseload
            .insert("black".into(), "4".into());
        after.reap.specialists.remove(1);
        after.reap.specialists.push(Specialist {
            id: "es3".into(),
            name: "S.T.".into(),
            ..Specialist::default()
        });
        after.reap.specialists.push(Specialist {
            id: "es4".into(),
            ..Specialist::default()
        });
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Employment Specialist's name changed from ‘A.K.’ to ‘A.Kh.’",
                "Caseload of Employment Specialist ‘A.Kh.’ edited",
                "Employment Specialist ‘S.T.’ added",
                "An Employment Specialist with no name yet added",
                "Employment Specialist ‘J.M.’ removed",
            ]
        );
        let mut later = after.clone();
        later.reap.specialists[2]
            .caseload
            .insert("white".into(), "12".into());
        assert_eq!(
            describe_changes(&after, &later),
            ["Caseload of an Employment Specialist with no name yet edited"]
        );
    }

    #[test]
    fn data_changes_name_the_period_and_the_metric() {
        use crate::plan::edit::{act, set_field};
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| {
            act(p, "add-period", "").unwrap();
        });
        edit(&mut plan, &at(2), |p| {
            set_field(p, "dp/d1/label", "2023-24").unwrap()
        });
        // Counts typed one after another, then one corrected, are one change.
        for (minute, key, value) in [
            (3, "ce", "41"),
            (3, "ct", "100"),
            (4, "re", "53"),
            (5, "ce", "42"),
        ] {
            edit(&mut plan, &at(minute), |p| {
                set_field(p, &format!("dm/d1/appointment/{key}"), value).unwrap()
            });
        }
        edit(&mut plan, &at(6), |p| {
            set_field(p, "dm/d1/leaving/know", "Exit interviews").unwrap()
        });
        edit(&mut plan, &at(7), |p| {
            act(p, "add-period", "").unwrap();
        });
        assert_eq!(
            log(&plan),
            [
                "A reporting period with no name yet added",
                "Period name set to ‘2023-24’",
                "Counts for ‘Appointment from shortlisting’ in ‘2023-24’ changed",
                "What we know about ‘Leaving the organisation’ in ‘2023-24’ changed",
                "A reporting period with no name yet added",
            ]
        );
        let before = plan.clone();
        let mut after = plan.clone();
        set_field(&mut after, "dm/d1/appointment/ce", "").unwrap();
        set_field(&mut after, "dm/d1/appointment/ct", "").unwrap();
        set_field(&mut after, "dm/d1/appointment/re", "").unwrap();
        set_field(&mut after, "dm/d2/senior_roles/ns", "3").unwrap();
        after.data.periods[1].metrics.push(MetricEntry {
            metric: "bands_by_grade".into(),
            what_we_know: "From a later version".into(),
            ..MetricEntry::default()
        });
        act(&mut after, "remove-period/d1", "").unwrap();
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Counts for ‘Senior and leadership roles’ in a period with no name yet changed",
                "What we know about ‘bands_by_grade’ in a period with no name yet changed",
                "Figures for period ‘2023-24’ removed",
            ]
        );
        let mut cleared = before.clone();
        set_field(&mut cleared, "dm/d1/appointment/ce", "").unwrap();
        set_field(&mut cleared, "dm/d1/leaving/know", "").unwrap();
        assert_eq!(
            describe_changes(&before, &cleared),
            [
                "Counts for ‘Appointment from shortlisting’ in ‘2023-24’ changed",
                "What we know about ‘Leaving the organisation’ in ‘2023-24’ changed",
            ],
            "metrics in SC-WRES order, an entry cleared away included"
        );
    }

    #[test]
    fn typing_a_caseload_is_one_change() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| {
            p.reap.add_specialist();
        });
        for (minute, count) in [(2, "1"), (2, "12"), (3, "12"), (4, "120")] {
            edit(&mut plan, &at(minute), |p| {
                p.reap.specialists[0]
                    .caseload
                    .insert("white".into(), count.into());
            });
        }
        assert_eq!(
            log(&plan),
            [
                "An Employment Specialist with no name yet added",
                "Caseload of an Employment Specialist with no name yet edited"
            ]
        );
    }

    #[test]
    fn an_actions_anchors_are_described_and_a_blank_action_is_named_by_them() {
        let before = plan();
        let mut after = plan();
        let id = after.action_plan.add_action_for_anchor("1.2");
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Objective ‘REAP: Data’ added",
                "An action for REAP anchor 1.2 (not yet described) added"
            ]
        );
        let mut later = after.clone();
        let action = &mut later.action_plan.objectives[0].actions[0];
        assert_eq!(action.id, id);
        action.anchors.push("1.3".into());
        assert_eq!(
            describe_changes(&after, &later),
            ["REAP anchors for an action not yet described changed from 1.2 to 1.2, 1.3"]
        );
        let mut described = later.clone();
        described.action_plan.objectives[0].actions[0].text = "Record job start dates".into();
        described.action_plan.objectives[0].actions[0]
            .anchors
            .clear();
        assert_eq!(
            describe_changes(&later, &described),
            [
                "Action wording set to ‘Record job start dates’",
                "REAP anchors for action ‘Record job start dates’ cleared (was 1.2, 1.3)"
            ]
        );
        assert_eq!(
            describe_changes(&described, &before),
            [
                "Objective ‘REAP: Data’ removed",
                "Action ‘Record job start dates’ removed"
            ]
        );
        let mut two = before.clone();
        two.action_plan.add_action_for_anchor("1.2");
        two.action_plan.objectives[0].actions[0]
            .anchors
            .push("1.3".into());
        assert!(describe_changes(&before, &two)
            .contains(&"An action for REAP anchors 1.2 and 1.3 (not yet described) added".into()));
    }

    #[test]
    fn recording_a_change_dates_it_and_sets_modified() {
        let mut plan = plan();
        assert!(edit(&mut plan, &at(5), |p| p.title = "New title".into()));
        assert_eq!(plan.modified, at(5));
        assert_eq!(
            plan.history.last().unwrap(),
            &Change {
                at: at(5),
                what: "Title changed from ‘Race equity plan’ to ‘New title’".into(),
                about: "title".into(),
                from: Some("Race equity plan".into()),
            }
        );
    }

    #[test]
    fn recording_nothing_changes_nothing() {
        let mut plan = plan();
        let before = plan.clone();
        assert!(!record_changes(&mut plan, &before, &at(5)));
        assert_eq!(plan, before);
    }

    #[test]
    fn typing_a_title_is_one_change_from_where_it_started() {
        let mut plan = plan();
        for (minute, title) in [(1, "N"), (1, "No"), (2, "Nor"), (3, "North")] {
            edit(&mut plan, &at(minute), |p| p.title = title.into());
        }
        assert_eq!(
            log(&plan),
            ["Title changed from ‘Race equity plan’ to ‘North’"]
        );
        assert_eq!(plan.history.last().unwrap().at, at(3));
    }

    #[test]
    fn a_change_undone_soon_after_leaves_no_entry() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| {
            p.reap.anchors.entry("1.1".into()).or_default().status = AnchorStatus::Met
        });
        edit(&mut plan, &at(2), |p| {
            p.reap.anchors.entry("1.1".into()).or_default().status = AnchorStatus::NotStarted
        });
        assert!(log(&plan).is_empty());
        edit(&mut plan, &at(3), |p| {
            p.reap.anchors.entry("1.1".into()).or_default().evidence = "x".into()
        });
        edit(&mut plan, &at(4), |p| {
            p.reap.anchors.entry("1.1".into()).or_default().evidence = String::new()
        });
        assert!(log(&plan).is_empty());
    }

    #[test]
    fn evidence_added_then_edited_soon_after_is_still_added() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| {
            p.reap.anchors.entry("2.1".into()).or_default().evidence = "Tr".into()
        });
        edit(&mut plan, &at(2), |p| {
            p.reap.anchors.entry("2.1".into()).or_default().evidence = "Training".into()
        });
        assert_eq!(log(&plan), ["Evidence for REAP anchor 2.1 added"]);
    }

    #[test]
    fn a_change_the_log_has_no_line_for_is_still_kept_and_logged_as_an_edit() {
        let mut plan = plan();
        assert!(edit(&mut plan, &at(1), |p| p.created =
            "2025-01-01T00:00:00Z".into()));
        assert_eq!(plan.history.last().unwrap().what, "The plan edited");
        assert!(!edit(&mut plan, &at(2), |_| {}), "no change, no entry");
    }

    #[test]
    fn edits_further_apart_than_the_window_are_separate_entries() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| p.title = "A".into());
        edit(&mut plan, &at(1 + COALESCE_SECONDS / 60 + 1), |p| {
            p.title = "B".into()
        });
        assert_eq!(
            log(&plan),
            [
                "Title changed from ‘Race equity plan’ to ‘A’",
                "Title changed from ‘A’ to ‘B’"
            ]
        );
    }

    #[test]
    fn edits_of_different_things_are_not_folded_together() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| p.title = "A".into());
        edit(&mut plan, &at(2), |p| p.team = "T".into());
        edit(&mut plan, &at(3), |p| p.title = "AB".into());
        assert_eq!(
            log(&plan),
            [
                "Team set to ‘T’",
                "Title changed from ‘Race equity plan’ to ‘AB’"
            ]
        );
    }

    #[test]
    fn added_and_removed_items_and_switched_parts_are_never_folded() {
        let mut plan = plan();
        edit(&mut plan, &at(1), |p| p.parts_in_use.data = false);
        edit(&mut plan, &at(2), |p| p.parts_in_use.data = true);
        assert_eq!(
            log(&plan),
            [
                "The Data part is no longer in use",
                "The Data part is now in use"
            ]
        );
    }

    #[test]
    fn timestamps_that_cannot_be_read_are_never_folded() {
        let mut plan = plan();
        edit(&mut plan, "yesterday", |p| p.title = "A".into());
        edit(&mut plan, "yesterday", |p| p.title = "B".into());
        assert_eq!(log(&plan).len(), 2);
    }

    #[test]
    fn the_log_keeps_only_the_latest_entries() {
        let mut plan = plan();
        for n in 0..MAX_HISTORY + 20 {
            // A year apart, so nothing folds.
            edit(&mut plan, &format!("{}-01-01T00:00:00Z", 2026 + n), |p| {
                p.title = format!("Title {n}")
            });
        }
        assert_eq!(plan.history.len(), MAX_HISTORY);
        assert_eq!(
            plan.history.last().unwrap().what,
            format!(
                "Title changed from ‘Title {}’ to ‘Title {}’",
                MAX_HISTORY + 18,
                MAX_HISTORY + 19
            )
        );
        assert_ne!(
            plan.history[0].what, "Plan created",
            "the oldest entries went first"
        );
    }

    #[test]
    fn long_values_are_shortened_in_the_log() {
        let mut after = plan();
        after.title = "a".repeat(100);
        let change = &describe_changes(&plan(), &after)[0];
        assert!(
            change.ends_with(&format!("‘{}…’", "a".repeat(SHOWN_CHARS))),
            "{change}"
        );
    }

    #[test]
    fn timestamps_are_read_with_their_offset() {
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(seconds("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(
            seconds("2025-01-15T09:00:00.123Z"),
            seconds("2025-01-15T09:00:00Z")
        );
        assert_eq!(
            seconds("2025-01-15T10:00:00+01:00"),
            seconds("2025-01-15T09:00:00Z")
        );
        assert_eq!(
            seconds("2025-01-15T08:30:00-00:30"),
            seconds("2025-01-15T09:00:00Z")
        );
        for bad in [
            "",
            "2025-01-15",
            "2025/01/15T09:00:00Z",
            "2025-01-15T09:00:00+0100",
            "2025-01-15T09:0x:00Z",
            "2025-01-15T09:00:00€:00",
            "2025-01-15T09:00:00+é:00",
            "2025-01-15T09:00:0é",
        ] {
            assert_eq!(seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn journey_changes_are_described_in_plain_words() {
        use crate::journey::Answer;
        use crate::plan::{ClarityRecord, DepartmentStage, OutcomeRecord};
        let mut before = plan();
        before.journey.participants.push(Participant {
            id: "p1".into(),
            name: "Ward manager".into(),
            department: " Inpatient services".into(),
            ..Participant::default()
        });
        before.journey.outcomes.push(OutcomeRecord {
            area: "employment".into(),
            objectives: "Fairer shortlisting".into(),
            ..OutcomeRecord::default()
        });
        let mut after = before.clone();
        let journey = &mut after.journey;
        journey.department_stages.push(DepartmentStage {
            department: "Inpatient services".into(),
            stage: Some(Stage::Starting),
        });
        journey.clarity.push(ClarityRecord {
            question: "shared_view".into(),
            answer: Some(Answer::No),
            note: "Staff survey".into(),
        });
        journey.outcomes[0] = OutcomeRecord {
            area: "employment".into(),
            objectives: "Fairer shortlisting and promotion".into(),
            issue_evidence: "WRES figures".into(),
            ..OutcomeRecord::default()
        };
        journey.strengths = "Good data".into();
        journey.to_develop = "Talk to communities".into();
        journey.agreed_stage = Some(Stage::Developing);
        journey.record_assessment("2026-09-15");
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Agreed journey stage set to Developing",
                // The department as typed, not its key.
                "Agreed stage for ‘Inpatient services’ set to Starting",
                "Answer to outcome question 2 set to No",
                "Note on outcome question 2 added",
                "Objectives for outcome area Employment edited",
                "Evidence of the issue for outcome area Employment added",
                "Strengths to build on added",
                "Areas to develop added",
                // Developing, capped at Starting by the "no".
                "Journey assessment of 2026-09-15 (Starting) added",
            ]
        );

        // Typed another way, it is the same department: with the same stage, nothing changed.
        let mut respelt = after.clone();
        respelt.journey.department_stages[0].department = "INPATIENT SERVICES".into();
        assert!(describe_changes(&after, &respelt).is_empty());

        let mut later = after.clone();
        later.journey.clarity.clear();
        later.journey.department_stages.clear();
        later.journey.outcomes.clear();
        later.journey.strengths.clear();
        later.journey.past.clear();
        assert_eq!(
            describe_changes(&after, &later),
            [
                "Agreed stage for ‘Inpatient services’ cleared (was Starting)",
                "Answer to outcome question 2 cleared (was No)",
                "Note on outcome question 2 removed",
                "Objectives for outcome area Employment removed",
                "Evidence of the issue for outcome area Employment removed",
                "Strengths to build on removed",
                "Journey assessment of 2026-09-15 (Starting) removed",
            ]
        );
    }

    #[test]
    fn an_actions_journey_links_are_described() {
        let before = plan();
        let mut after = plan();
        after.action_plan.add_action_for_stage(Stage::Developing);
        assert_eq!(
            describe_changes(&before, &after),
            [
                "Objective ‘Journey: Developing’ added",
                "An action for the journey stage Developing (not yet described) added"
            ]
        );
        let mut later = after.clone();
        let action = &mut later.action_plan.objectives[0].actions[0];
        action.breakthroughs = vec!["developing.capacity".into()];
        action.stages.insert(0, Stage::Starting);
        assert_eq!(
            describe_changes(&after, &later),
            [
                "Journey stages for an action not yet described changed from Developing to Starting and Developing",
                "Breakthrough point for an action not yet described set to Capacity (Developing)",
            ]
        );
    }
}

#[cfg(test)]
mod what_we_know_kept_tests {
    use super::*;
    use crate::plan::{MetricEntry, Period};

    #[test]
    fn keeping_what_we_know_for_new_figures_is_a_change_in_the_log() {
        let mut before = Plan::new("p1", "Plan", "2026-12-01T10:00:00Z");
        before.data.periods.push(Period {
            id: "d1".into(),
            label: "2025-26".into(),
            metrics: vec![MetricEntry {
                metric: "appointment".into(),
                comparison_events: "20".into(),
                what_we_know: "Panels are not yet mixed.".into(),
                what_we_know_for: "41,,,|sc_wres|white|0.8-1.25".into(),
                ..MetricEntry::default()
            }],
            ..Period::default()
        });
        let mut after = before.clone();
        let settings = after.settings.clone();
        let entry = &mut after.data.periods[0].metrics[0];
        let text = entry.what_we_know.clone();
        crate::wres::set_what_we_know(entry, &text, &settings);
        assert_eq!(
            describe_changes(&before, &after),
            ["What we know about ‘Appointment from shortlisting’ in ‘2025-26’ kept as written, for the new figures"]
        );
    }
}
