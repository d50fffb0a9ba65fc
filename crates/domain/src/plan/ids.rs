//! Ids in a plan are plain: every id read from a save, a backup or a single file is checked as the
//! plan is loaded, and one that is not plain, or is blank or repeated, is replaced.

use super::{Change, Plan};

/// One id replaced as a plan was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdReplaced {
    /// What had the id, in words for the change log ("action").
    pub kind: &'static str,
    pub old: String,
    pub new: String,
}

/// Plain: 1 to 64 characters, each an ASCII letter, digit, `-` or `_`. Such an id is safe in an
/// element id, an attribute and an edit key without escaping.
pub fn is_plain_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && plain_characters(id)
}

fn plain_characters(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Gives every id in `plan` that is not plain, or is blank, or repeats an earlier one in its list,
/// a fresh id: the prefix the planner uses when it adds that kind of item, numbered past the
/// highest already taken ([`super::next_id`]), so the same plan always gets the same ids. The
/// plan's own id becomes "plan-" and a hash of the old one; a blank plan id is left for the
/// caller (an import names it "imported"). What refers to an id follows it: a workshop
/// participant's copies in the timeline, and the change log's `about` keys. When anything was
/// replaced, one entry in the change log says what; otherwise the plan is not touched.
pub fn make_ids_plain(plan: &mut Plan) -> Vec<IdReplaced> {
    let mut ids = Ids::default();
    if !plan.id.is_empty() && !is_plain_id(&plan.id) {
        let new = format!("{}{:016x}", PLAN.prefix, fnv1a(&plan.id));
        let old = std::mem::replace(&mut plan.id, new.clone());
        ids.record(&PLAN, 0, Reason::of(&old), &old, new);
    }
    // Each kind's ids with the list they are in. Plain loops rather than iterator chains: each
    // chain is its own code in the wasm.
    let (mut objectives, mut actions) = (Vec::new(), Vec::new());
    for objective in &mut plan.action_plan.objectives {
        objectives.push((0, &mut objective.id));
        for action in &mut objective.actions {
            actions.push((0, &mut action.id));
        }
    }
    ids.fix(&OBJECTIVE, objectives);
    ids.fix(&ACTION, actions);

    // Participants are copied into each assessment of the timeline (lists 1, 2…): the same
    // person keeps the same id there, and someone only in the timeline keeps one id across it.
    let journey = &mut plan.journey;
    let mut people = Vec::new();
    for person in &mut journey.participants {
        people.push((0, &mut person.id));
    }
    for (n, past) in journey.past.iter_mut().enumerate() {
        for person in &mut past.participants {
            people.push((n + 1, &mut person.id));
        }
    }
    ids.fix(&PARTICIPANT, people);

    let mut specialists = Vec::new();
    for specialist in &mut plan.reap.specialists {
        specialists.push((0, &mut specialist.id));
    }
    ids.fix(&SPECIALIST, specialists);
    let mut reviews = Vec::new();
    for review in &mut plan.reap.reviews {
        reviews.push((0, &mut review.id));
    }
    ids.fix(&REVIEW, reviews);

    // Pay bands are unique within their period: one list per period.
    let (mut periods, mut bands) = (Vec::new(), Vec::new());
    for (n, period) in plan.data.periods.iter_mut().enumerate() {
        periods.push((0, &mut period.id));
        for band in &mut period.bands {
            bands.push((n, &mut band.id));
        }
    }
    ids.fix(&PERIOD, periods);
    ids.fix(&BAND, bands);

    if ids.replaced.is_empty() {
        return ids.replaced;
    }
    let keys: Vec<String> = ids.moved.iter().map(|(key, _)| key.clone()).collect();
    let order = sorted(&keys);
    for change in &mut plan.history {
        if let Some(about) = ids.follow(&change.about, &keys, &order) {
            change.about = about;
        }
    }
    // The domain has no clock: the note is dated when the plan was last changed.
    let note = Change::event(&plan.modified, ids.note(), "ids");
    super::history::push(&mut plan.history, note);
    ids.replaced
}

/// One kind of item with an id.
struct Kind {
    /// What the change log calls it.
    name: &'static str,
    /// What it calls it in lists after the first (a participant's copy in the timeline).
    later: &'static str,
    /// What [`super::next_id`] numbers new ones after, as the planner adds them.
    prefix: &'static str,
    /// What its change log keys start with ("action" in "action.a1.text"), or "" for none.
    section: &'static str,
}

const PLAN: Kind = Kind {
    name: "plan",
    later: "plan",
    prefix: "plan-",
    section: "",
};
const OBJECTIVE: Kind = Kind {
    name: "objective",
    later: "objective",
    prefix: "o",
    section: "objective",
};
const ACTION: Kind = Kind {
    name: "action",
    later: "action",
    prefix: "a",
    section: "action",
};
const PARTICIPANT: Kind = Kind {
    name: "workshop participant",
    later: "workshop participant in an earlier assessment",
    prefix: "p",
    section: "participant",
};
const SPECIALIST: Kind = Kind {
    name: "Employment Specialist",
    later: "Employment Specialist",
    prefix: "es",
    section: "reap.specialist",
};
const REVIEW: Kind = Kind {
    name: "REAP review",
    later: "REAP review",
    prefix: "review",
    section: "reap.review",
};
const PERIOD: Kind = Kind {
    name: "reporting period",
    later: "reporting period",
    prefix: "d",
    section: "period",
};
const BAND: Kind = Kind {
    name: "pay band",
    later: "pay band",
    prefix: "b",
    section: "",
};

/// Most replacements the change log's note lists by name; it counts the rest.
const LISTED: usize = 5;

/// Old ids are cut to this many characters in the change log.
const SHOWN_CHARS: usize = 30;

#[derive(Default)]
struct Ids {
    replaced: Vec<IdReplaced>,
    /// Why each replacement was made, in the same order.
    reasons: Vec<Reason>,
    /// For each id that was not plain, its change log key and the key that replaces it
    /// ("action.<old>", "action.a7"): what refers to it follows.
    moved: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reason {
    Blank,
    Repeated,
    TooLong,
    Characters,
}

impl Reason {
    /// Why `id` was replaced. An id of allowed characters and length is replaced only when an
    /// earlier item in its list has it.
    fn of(id: &str) -> Reason {
        match id.len() {
            0 => Reason::Blank,
            _ if !plain_characters(id) => Reason::Characters,
            65.. => Reason::TooLong,
            _ => Reason::Repeated,
        }
    }
}

impl Ids {
    /// Makes one kind's ids plain, and unique within each list, in plan order. Sorting them (not
    /// comparing each id with every other) keeps a file of many thousands of items quick.
    fn fix(&mut self, kind: &Kind, mut ids: Vec<(usize, &mut String)>) {
        let mut old = Vec::with_capacity(ids.len());
        for (_, id) in &ids {
            old.push(id.as_str().to_owned());
        }
        let order = sorted(&old);
        // For each item: the first place in `order` of its id (which names the id's group), and
        // whether an earlier item of the same list has the same id.
        let mut group = vec![(0, false); old.len()];
        for (at, &item) in order.iter().enumerate() {
            let before = order[at.saturating_sub(1)];
            let same = at > 0 && old[before] == old[item];
            let first = if same { group[before].0 } else { at };
            group[item] = (first, same && ids[before].0 == ids[item].0);
        }
        // The new id of an id that was not plain, by group: the same in every list.
        let mut given: Vec<Option<String>> = vec![None; old.len()];
        let mut last = 0;
        for (item, (list, id)) in ids.iter_mut().enumerate() {
            let (was, (first, again)) = (&old[item], group[item]);
            let plain = is_plain_id(was);
            if plain && !again {
                continue;
            }
            let follows = !plain && !again && !was.is_empty();
            if let (true, Some(new)) = (follows, &given[first]) {
                **id = new.clone();
                continue;
            }
            let new = fresh(kind.prefix, &old, &order, &mut last);
            if follows {
                given[first] = Some(new.clone());
                if !kind.section.is_empty() {
                    let section = kind.section;
                    self.moved
                        .push((format!("{section}.{was}"), format!("{section}.{new}")));
                }
            }
            **id = new.clone();
            self.record(kind, *list, Reason::of(was), was, new);
        }
    }

    fn record(&mut self, kind: &Kind, list: usize, reason: Reason, old: &str, new: String) {
        let kind = if list == 0 { kind.name } else { kind.later };
        self.replaced.push(IdReplaced {
            kind,
            old: old.to_string(),
            new,
        });
        self.reasons.push(reason);
    }

    /// A change log key ("action.<id>.text") with a replaced id in it, with the new id instead.
    /// Ids that were not plain may hold dots, so the longest key that fits is taken.
    fn follow(&self, about: &str, keys: &[String], order: &[usize]) -> Option<String> {
        let mut end = about.len();
        loop {
            let key = &about[..end];
            if let Ok(at) = order.binary_search_by(|&k| keys[k].as_str().cmp(key)) {
                return Some(format!("{}{}", self.moved[order[at]].1, &about[end..]));
            }
            end = key.bytes().rposition(|b| b == b'.')?;
        }
    }

    /// The change log's sentence: why ids were replaced, and the first few by name.
    fn note(&self) -> String {
        let count = self.replaced.len();
        let one = count == 1;
        const CHARACTERS: &str = "held characters that are not allowed in an id (such as < or \")";
        let mut why: Vec<&str> = Vec::new();
        for (reason, single, plural) in [
            (Reason::Blank, "was blank", "were blank"),
            (
                Reason::Repeated,
                "was already in use",
                "were already in use",
            ),
            (Reason::TooLong, "was too long", "were too long"),
            (Reason::Characters, CHARACTERS, CHARACTERS),
        ] {
            if self.reasons.contains(&reason) {
                why.push(if one { single } else { plural });
            }
        }
        let mut text = if one {
            "An id in this plan ".to_string()
        } else {
            format!("{count} ids in this plan ")
        };
        for (i, words) in why.iter().enumerate() {
            if i > 0 {
                text.push_str(if i + 1 == why.len() { " or " } else { ", " });
            }
            text.push_str(words);
        }
        text.push_str(if one {
            ", so it was replaced: "
        } else {
            ", so they were replaced: "
        });
        for (i, replaced) in self.replaced.iter().take(LISTED).enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            text.push_str(replaced.kind);
            if replaced.old.is_empty() {
                text.push_str(" with no id");
            } else {
                text.push_str(" ‘");
                push_shown(&mut text, &replaced.old);
                text.push('’');
            }
            text.push_str(" is now ");
            text.push_str(&replaced.new);
        }
        if count > LISTED {
            text.push_str(&format!("; and {} more", count - LISTED));
        }
        text.push('.');
        text
    }
}

/// The places of `keys` in order, sorted by key and then by place (so the first of equal keys
/// comes first: the sort is stable).
fn sorted(keys: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
}

/// A fresh id for one kind: [`super::next_id`] past every id of the kind in `old` (leaving out
/// numbers so large that one more would overflow), then counting on from the last one given.
/// Should one be taken even so (by one of those large numbers), the next.
fn fresh(prefix: &str, old: &[String], order: &[usize], last: &mut u64) -> String {
    loop {
        if *last == 0 {
            let small = old.iter().filter(|id| id.len() <= prefix.len() + 18);
            let first = super::next_id(prefix, small.map(String::as_str));
            *last = first[prefix.len()..].parse().unwrap_or(1);
        } else {
            *last += 1;
        }
        let id = format!("{prefix}{last}");
        if order
            .binary_search_by(|&k| old[k].as_str().cmp(&id))
            .is_err()
        {
            return id;
        }
    }
}

/// An old id as the change log shows it, added to `text`: as text (the widget escapes it),
/// without control or direction characters, cut to [`SHOWN_CHARS`].
fn push_shown(text: &mut String, id: &str) {
    for (n, c) in id.chars().enumerate() {
        if n == SHOWN_CHARS {
            text.truncate(text.trim_end().len());
            text.push('…');
            return;
        }
        let hidden = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        text.push(if hidden || c.is_control() { ' ' } else { c });
    }
}

/// FNV-1a, 64 bits: a stable hash for the plan's new id (std's hasher is seeded per run).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
pub(super) mod tests;
