//! What each column of a people-level file holds: a first guess from the column names, and
//! reading the yes/no answers and dates in its cells.

use super::Table;
use crate::dates::{days_in_month, Date};

/// What a column of a people-level file (one row per person) can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonField {
    Ethnicity,
    /// Pay band or grade (SC-WRES metric 1).
    Band,
    Shortlisted,
    Appointed,
    Disciplinary,
    FitnessToPractise,
    /// Non-mandatory training and development.
    Cpd,
    HarassmentPublic,
    HarassmentColleagues,
    HarassmentManagers,
    /// Left the organisation in the period.
    Left,
    /// In a senior or leadership role.
    Senior,
    /// The Employment Specialist's name (REAP anchor 3.3).
    Specialist,
    /// Referral to IPS.
    ReferralDate,
    JobStartDate,
}

impl PersonField {
    pub const ALL: [PersonField; 15] = [
        PersonField::Ethnicity,
        PersonField::Band,
        PersonField::Shortlisted,
        PersonField::Appointed,
        PersonField::Disciplinary,
        PersonField::FitnessToPractise,
        PersonField::Cpd,
        PersonField::HarassmentPublic,
        PersonField::HarassmentColleagues,
        PersonField::HarassmentManagers,
        PersonField::Left,
        PersonField::Senior,
        PersonField::Specialist,
        PersonField::ReferralDate,
        PersonField::JobStartDate,
    ];

    /// A stable key, for form values.
    pub fn id(self) -> &'static str {
        match self {
            PersonField::Ethnicity => "ethnicity",
            PersonField::Band => "band",
            PersonField::Shortlisted => "shortlisted",
            PersonField::Appointed => "appointed",
            PersonField::Disciplinary => "disciplinary",
            PersonField::FitnessToPractise => "fitness_to_practise",
            PersonField::Cpd => "cpd",
            PersonField::HarassmentPublic => "harassment_public",
            PersonField::HarassmentColleagues => "harassment_colleagues",
            PersonField::HarassmentManagers => "harassment_managers",
            PersonField::Left => "left",
            PersonField::Senior => "senior",
            PersonField::Specialist => "specialist",
            PersonField::ReferralDate => "referral_date",
            PersonField::JobStartDate => "job_start_date",
        }
    }

    pub fn from_id(id: &str) -> Option<PersonField> {
        PersonField::ALL.into_iter().find(|f| f.id() == id)
    }

    /// What the column holds, as the column chooser lists it.
    pub fn label(self) -> &'static str {
        match self {
            PersonField::Ethnicity => "Ethnicity",
            PersonField::Band => "Pay band or grade",
            PersonField::Shortlisted => "Shortlisted (yes or no)",
            PersonField::Appointed => "Appointed (yes or no)",
            PersonField::Disciplinary => "Entered formal disciplinary (yes or no)",
            PersonField::FitnessToPractise => "Referred for fitness to practise (yes or no)",
            PersonField::Cpd => "Took up non-mandatory training or CPD (yes or no)",
            PersonField::HarassmentPublic => "Harassment or bullying from the public (survey)",
            PersonField::HarassmentColleagues => "Harassment or bullying from colleagues (survey)",
            PersonField::HarassmentManagers => "Harassment or bullying from managers (survey)",
            PersonField::Left => "Left the organisation (yes or no)",
            PersonField::Senior => "In a senior or leadership role (yes or no)",
            PersonField::Specialist => "Employment Specialist",
            PersonField::ReferralDate => "Referral date",
            PersonField::JobStartDate => "Job start date",
        }
    }
}

/// A first guess at each column's field from the words of its name, for the user to confirm.
/// Each field is given to the first column that fits it; later ones get `None`. A name with the
/// word "date" is only ever a date field, so "Appointment date" is not a yes/no column.
pub fn guess_columns(headers: &[String]) -> Vec<Option<PersonField>> {
    let mut used: Vec<PersonField> = Vec::new();
    headers
        .iter()
        .map(|header| {
            let field = guess(header).filter(|f| !used.contains(f))?;
            used.push(field);
            Some(field)
        })
        .collect()
}

fn guess(header: &str) -> Option<PersonField> {
    use PersonField as F;
    let words = header_words(header);
    let has = |word: &str| words.split(' ').any(|w| w == word);
    let contains = |part: &str| words.contains(part);
    if has("date") || has("dob") {
        return if contains("referr") {
            Some(F::ReferralDate)
        } else if contains("start") {
            Some(F::JobStartDate)
        } else {
            None
        };
    }
    Some(if contains("ethnic") {
        F::Ethnicity
    } else if contains("harass") || contains("bull") || contains("abuse") {
        if contains("colleague") || contains("staff") {
            F::HarassmentColleagues
        } else if contains("manager") {
            F::HarassmentManagers
        } else if ["public", "patient", "service user", "relative", "client"]
            .iter()
            .any(|w| contains(w))
        {
            F::HarassmentPublic
        } else {
            return None;
        }
    } else if contains("shortlist") {
        F::Shortlisted
    } else if contains("appoint") || has("offered") || has("offer") || has("hired") {
        F::Appointed
    } else if contains("disciplinary") {
        F::Disciplinary
    } else if contains("fitness to practi") || has("ftp") {
        F::FitnessToPractise
    } else if has("cpd")
        || contains("non mandatory")
        || contains("nonmandatory")
        || contains("continuing professional")
    {
        F::Cpd
    } else if has("left") || contains("leaver") || has("leaving") {
        F::Left
    } else if has("senior") || contains("leadership") {
        F::Senior
    } else if contains("specialist") || has("es") {
        F::Specialist
    } else if (has("band") || has("grade")) && !has("age") && !contains("service") {
        F::Band
    } else {
        return None;
    })
}

/// A column name as lower-case ASCII words separated by single spaces: punctuation and
/// underscores are spaces, and a capital that starts a word inside a name splits it
/// ("JobStartDate" is "job start date"; "FtP" stays "ftp").
pub(super) fn header_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let starts_word = c.is_ascii_uppercase()
            && i > 0
            && chars[i - 1].is_ascii_lowercase()
            && chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
        if !c.is_alphanumeric() || starts_word {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if !c.is_alphanumeric() {
                continue;
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Reads a yes/no answer: Y, Yes, 1, True, X, ✓ are yes; N, No, 0, False, ✗ are no (any case,
/// spaces ignored). A blank, or anything else, is `None`: the caller tells "no answer" (blank)
/// from "does not read" (anything else).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" | "1" | "true" | "x" | "\u{2713}" | "\u{2714}" => Some(true),
        "n" | "no" | "0" | "false" | "\u{2717}" | "\u{2718}" => Some(false),
        _ => None,
    }
}

/// Reads a survey answer about harassment: a yes/no answer, "Never", or how many times as the
/// NHS Staff Survey asks it ("1-2", "3-5", "6-10", "More than 10": yes, at least once).
pub(super) fn parse_survey_answer(text: &str) -> Option<bool> {
    if let Some(answer) = parse_yes_no(text) {
        return Some(answer);
    }
    let words = header_words(text);
    if words == "never" {
        return Some(false);
    }
    let count = words.strip_prefix("more than ").unwrap_or(&words);
    let mut numbers = count.split(' ').filter(|w| *w != "to" && *w != "times");
    let first = numbers.next()?;
    let is_number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    (is_number(first) && !first.trim_start_matches('0').is_empty() && numbers.all(is_number))
        .then_some(true)
}

/// Reads a date as `YYYY-MM-DD`, or in UK order as `DD/MM/YYYY` or `D/M/YYYY` (also with `.` or
/// `-` between). Never in US order: 02/13/2024 is not a date. A time after the date
/// ("01/02/2024 00:00", as Excel often exports it) is ignored. `None` for anything else, or a
/// day that does not exist.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let date = match text.split_once([' ', 'T']) {
        Some((date, time)) if time.bytes().all(|b| b.is_ascii_digit() || b == b':') => date,
        _ => text,
    };
    if let Some(date) = Date::parse_iso(date) {
        return Some(date);
    }
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let (day, month, year) = (
        number(day, 1..=2)?,
        number(month, 1..=2)?,
        number(year, 4..=4)?,
    );
    let year = year as i32;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
        year,
        month,
        day,
    })
}

/// Each different value in a column, in the order first seen, with how many rows have it.
/// Blank cells are one value, "". An empty list for a column the table does not have.
pub fn distinct_values(table: &Table, column: usize) -> Vec<(String, usize)> {
    if column >= table.headers.len() {
        return Vec::new();
    }
    let mut seen = FirstSeen::default();
    for row in &table.rows {
        seen.add(row.cell(column));
    }
    seen.values
}

/// Values in the order first seen with how many times each was added, found through a small
/// hash index (FNV-1a, open addressing) so that a column of a million different values stays
/// quick. A `HashMap` would do the same for a few KB more of wasm.
#[derive(Debug, Default)]
pub(super) struct FirstSeen {
    pub(super) values: Vec<(String, usize)>,
    /// Position in `values` plus one; 0 is an empty slot. Never more than half full.
    slots: Vec<u32>,
}

impl FirstSeen {
    /// The value's position in the order first seen; its count goes up by one.
    pub(super) fn add(&mut self, value: &str) -> usize {
        if self.values.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(value) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => {
                    self.values.push((value.to_string(), 1));
                    self.slots[slot] = self.values.len() as u32;
                    return self.values.len() - 1;
                }
                n => {
                    let at = n as usize - 1;
                    if self.values[at].0 == value {
                        self.values[at].1 += 1;
                        return at;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (at, (value, _)) in self.values.iter().enumerate() {
            let mut slot = fnv1a(value) as usize & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = at as u32 + 1;
        }
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
