//! Counting a people-level file (one row per person) into the SC-WRES metrics, the pay bands,
//! the IPS service table and each Employment Specialist's caseload.
//!
//! Who is counted:
//! - Each row's ethnicity is the user's choice for that value if they made one (a category, or
//!   "leave out"), else what [`crate::ethnicity::parse_label`] reads, else, for a blank cell,
//!   "not stated". Any other value is *unmapped*: listed with its number of rows, and those rows
//!   are not counted anywhere until the user chooses a category for the value or leaves it out.
//! - The reference group is every White category, or White British alone when the plan's
//!   reference group is "white_british"; the comparison group is every other known category;
//!   "not stated" is in neither, and each metric says how many not-stated people it had.
//!
//! How each metric is counted, for each group (events / total):
//! - 2, appointment from shortlisting: of the people marked shortlisted, those marked appointed.
//!   Needs both columns. Someone appointed but not marked shortlisted is reported and not
//!   counted.
//! - 3 disciplinary, 4 fitness to practise, 5 CPD, 8 leaving, 9 senior roles: of everyone
//!   counted, those marked yes. A blank cell is "no": exports usually mark only the people it
//!   happened to.
//! - 6 and 7, harassment (a survey question): of the people who answered, those who said yes
//!   (or "1-2", "More than 10" and the like). A blank is no answer, left out of the total.
//! - 1, pay bands: each different band, in the order first seen (lowest paid first is the order
//!   the figures expect), with its comparison and reference counts. A blank band is in no band.
//! - The service table: each group's caseload (everyone counted), job starts (a job start date
//!   that reads) and the whole days from referral to each job start (both dates read, and the
//!   start on or after the referral).
//! - Each Employment Specialist's caseload by group, names in the order first seen.
//!
//! A cell that does not read (a yes/no column with "Maybe", a date that is not one) is reported
//! with its row, and that person is left out of that one figure only. Counts are written as text,
//! as the plan keeps counts typed by hand.

use super::columns::{parse_date, parse_survey_answer, parse_yes_no, FirstSeen};
use super::{thousands, ImportError, PersonField, Table};
use crate::caseload::CaseloadGroup;
use crate::dates::Date;
use crate::ethnicity::{parse_label, EthnicCategory, ReferenceGroup};
use crate::plan::{BandEntry, MetricEntry, ServiceRow};
use crate::stats::Metric;
use crate::wres::{metric_id, metric_title};

/// The most problems listed one by one; the rest are counted in [`People::more_problems`].
pub const MAX_PROBLEMS: usize = 1_000;

/// What the user chose for one ethnicity value in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EthnicityChoice {
    Category(EthnicCategory),
    /// Leave these rows out (test records, agency staff, and the like).
    Exclude,
}

/// An ethnicity value the planner could not read, and the rows that have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    pub value: String,
    pub rows: usize,
}

/// A cell that could not be read, and what happened to the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row's number as a spreadsheet shows it.
    pub line: usize,
    /// The column's name.
    pub column: String,
    pub value: String,
    /// Why it does not read, and what was left out ("is not a yes or no answer …").
    pub why: String,
}

impl RowProblem {
    /// "Row 14, Disciplinary: ‘Maybe’ is not a yes or no answer …".
    pub fn message(&self) -> String {
        format!(
            "Row {}, {}: \u{2018}{}\u{2019} {}",
            self.line, self.column, self.value, self.why
        )
    }
}

/// A people-level file counted. See the module's documentation for the rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// Rows counted: a known category or not stated.
    pub counted: usize,
    /// Rows left out because the user chose to.
    pub excluded: usize,
    /// Values not yet matched to a category, in the order first seen. Their rows are not counted.
    pub unmapped: Vec<Unmapped>,
    /// The first [`MAX_PROBLEMS`] cells that could not be read, in row order.
    pub problems: Vec<RowProblem>,
    /// Cells that could not be read beyond those listed.
    pub more_problems: usize,
    /// SC-WRES metrics 2 to 9 whose columns are chosen, in SC-WRES order.
    pub metrics: Vec<MetricEntry>,
    /// SC-WRES metric 1: one entry per band (ids b1, b2 …), in the order first seen.
    pub bands: Vec<BandEntry>,
    /// One row per [`CaseloadGroup`], "not_stated" included, in that order.
    pub service: Vec<ServiceRow>,
    /// Each Employment Specialist's name and caseload, in [`CaseloadGroup::ALL`] order.
    pub specialists: Vec<(String, [u64; 6])>,
    /// What the user should know about the counting, in plain sentences.
    pub notes: Vec<String>,
}

impl People {
    /// The rows not counted because their ethnicity value is unmapped.
    pub fn unmapped_rows(&self) -> usize {
        self.unmapped.iter().map(|u| u.rows).sum()
    }
}

/// How a metric is read from a row.
#[derive(Clone, Copy)]
enum Rule {
    /// Shortlisted, then appointed.
    Appointment,
    /// Everyone counted is in the total; blank is no.
    Everyone(PersonField),
    /// Only those who answered are in the total.
    Survey(PersonField),
}

const RULES: [(Metric, Rule); 9] = [
    (Metric::Appointment, Rule::Appointment),
    (
        Metric::Disciplinary,
        Rule::Everyone(PersonField::Disciplinary),
    ),
    (
        Metric::FitnessToPractise,
        Rule::Everyone(PersonField::FitnessToPractise),
    ),
    (Metric::Cpd, Rule::Everyone(PersonField::Cpd)),
    (
        Metric::HarassmentFromPublic,
        Rule::Survey(PersonField::HarassmentPublic),
    ),
    (
        Metric::HarassmentFromColleagues,
        Rule::Survey(PersonField::HarassmentColleagues),
    ),
    (
        Metric::HarassmentFromManagers,
        Rule::Survey(PersonField::HarassmentManagers),
    ),
    (Metric::Leaving, Rule::Everyone(PersonField::Left)),
    (Metric::SeniorRoles, Rule::Everyone(PersonField::Senior)),
];

/// Where a counted person sits in a two-group comparison.
#[derive(Clone, Copy)]
enum Side {
    Comparison = 0,
    Reference = 1,
    NotStated = 2,
}

/// What an ethnicity value in the file comes to.
#[derive(Clone, Copy, PartialEq)]
enum Resolved {
    Counted(EthnicCategory),
    Excluded,
    Unmapped,
}

/// A yes/no cell.
#[derive(Clone, Copy, PartialEq)]
enum Answer {
    Yes,
    No,
    Blank,
    Unreadable,
}

/// A metric's counts: (events, total) for the comparison group, the reference group and not stated.
type Tally = [[u64; 2]; 3];

/// Counts a people-level file by the rules in this module's documentation. `columns` says what
/// each column holds (from [`super::guess_columns`], as the user confirmed it); `choices` are the
/// user's categories for ethnicity values, matched exactly as the value is in the file;
/// `reference_group` is the plan's setting ("white" or "white_british"). An error when no column
/// holds ethnicity, or one field is chosen for two columns.
pub fn people(
    table: &Table,
    columns: &[Option<PersonField>],
    choices: &[(String, EthnicityChoice)],
    reference_group: &str,
) -> Result<People, ImportError> {
    let columns = &columns[..columns.len().min(table.headers.len())];
    for (i, field) in columns.iter().enumerate() {
        if let Some(field) = field {
            if columns[i + 1..].contains(&Some(*field)) {
                return Err(ImportError::SameFieldTwice { field: *field });
            }
        }
    }
    let column = |field: PersonField| columns.iter().position(|c| *c == Some(field));
    let ethnicity = column(PersonField::Ethnicity).ok_or(ImportError::NoEthnicityColumn)?;
    let reference = match reference_group {
        "white_british" => ReferenceGroup::WhiteBritish,
        _ => ReferenceGroup::AllWhite,
    };
    // The metrics whose columns are chosen, each with its column (the appointed column for
    // appointment, which also needs the shortlisted one).
    let rules: Vec<(Metric, Rule, usize)> = RULES
        .into_iter()
        .filter_map(|(metric, rule)| {
            let at = match rule {
                Rule::Appointment => {
                    column(PersonField::Shortlisted)?;
                    column(PersonField::Appointed)?
                }
                Rule::Everyone(field) | Rule::Survey(field) => column(field)?,
            };
            Some((metric, rule, at))
        })
        .collect();
    let band = column(PersonField::Band);
    let specialist = column(PersonField::Specialist);
    let referral = column(PersonField::ReferralDate);
    let job_start = column(PersonField::JobStartDate);
    let shortlisted = column(PersonField::Shortlisted).unwrap_or(0);
    let appointed = column(PersonField::Appointed).unwrap_or(0);

    let mut out = People::default();
    let mut values = FirstSeen::default();
    let mut resolved: Vec<Resolved> = Vec::new();
    let mut tallies: Vec<Tally> = vec![[[0; 2]; 3]; rules.len()];
    let mut bands = FirstSeen::default();
    let mut band_counts: Vec<[u64; 2]> = Vec::new();
    let (mut no_band, mut band_not_stated, mut blank_ethnicity) = (0usize, 0usize, 0usize);
    let mut specialists = FirstSeen::default();
    let mut caseloads: Vec<[u64; 6]> = Vec::new();
    let mut caseload = [0u64; 6];
    let mut jobs = [0u64; 6];
    let mut days: [Vec<String>; 6] = Default::default();

    for row in &table.rows {
        let value = row.cell(ethnicity);
        let at = values.add(value);
        if at == resolved.len() {
            resolved.push(resolve(value, choices));
        }
        let category = match resolved[at] {
            Resolved::Counted(category) => category,
            Resolved::Excluded => {
                out.excluded += 1;
                continue;
            }
            Resolved::Unmapped => continue,
        };
        out.counted += 1;
        if value.is_empty() {
            blank_ethnicity += 1;
        }
        let side = match reference.is_reference(category) {
            Some(true) => Side::Reference,
            Some(false) => Side::Comparison,
            None => Side::NotStated,
        } as usize;
        let group = CaseloadGroup::ALL
            .iter()
            .position(|g| g.ethnic_group() == category.group())
            .unwrap_or(5);
        let mut report = |column: usize, why: String| {
            if out.problems.len() < MAX_PROBLEMS {
                out.problems.push(RowProblem {
                    line: row.line,
                    column: table.column_name(column),
                    value: row.cell(column).to_string(),
                    why,
                });
            } else {
                out.more_problems += 1;
            }
        };

        for (&(metric, rule, at), tally) in rules.iter().zip(tallies.iter_mut()) {
            let left_out = || {
                format!(
                    "this person is left out of \u{2018}{}\u{2019}.",
                    metric_title(metric)
                )
            };
            let (counted, event) = match rule {
                Rule::Appointment => {
                    let answers = [
                        (shortlisted, yes_no(row.cell(shortlisted), false)),
                        (appointed, yes_no(row.cell(appointed), false)),
                    ];
                    for (column, answer) in answers {
                        if answer == Answer::Unreadable {
                            report(column, format!("{NOT_YES_NO} {}", left_out()));
                        }
                    }
                    match answers.map(|(_, answer)| answer) {
                        [Answer::Yes, Answer::Yes] => (true, true),
                        [Answer::Yes, Answer::No | Answer::Blank] => (true, false),
                        [Answer::No | Answer::Blank, Answer::Yes] => {
                            report(
                                appointed,
                                format!("is marked appointed, but not shortlisted: {}", left_out()),
                            );
                            continue;
                        }
                        _ => continue,
                    }
                }
                Rule::Everyone(_) | Rule::Survey(_) => {
                    let survey = matches!(rule, Rule::Survey(_));
                    match yes_no(row.cell(at), survey) {
                        Answer::Yes => (true, true),
                        Answer::No => (true, false),
                        Answer::Blank => (!survey, false),
                        Answer::Unreadable => {
                            let what = if survey { NOT_AN_ANSWER } else { NOT_YES_NO };
                            report(at, format!("{what} {}", left_out()));
                            continue;
                        }
                    }
                }
            };
            if counted {
                tally[side][1] += 1;
                tally[side][0] += u64::from(event);
            }
        }

        caseload[group] += 1;
        let mut read_date = |column: Option<usize>, left_out: &str| -> Option<Date> {
            let column = column?;
            let text = row.cell(column);
            if text.is_empty() {
                return None;
            }
            let date = parse_date(text);
            if date.is_none() {
                report(column, format!("{NOT_A_DATE} {left_out}"));
            }
            date
        };
        let started = read_date(
            job_start,
            "this person is left out of the job starts and the days to a job.",
        );
        let referred = read_date(referral, "this person is left out of the days to a job.");
        if let (Some(start), Some(column)) = (started, job_start) {
            jobs[group] += 1;
            if let (Some(referred), Some(referral)) = (referred, referral) {
                let whole_days = day_number(start) - day_number(referred);
                if whole_days >= 0 {
                    days[group].push(whole_days.to_string());
                } else {
                    report(
                        column,
                        format!(
                            "is before the referral date ({}): the job start is counted, but \
                             not in the days to a job.",
                            row.cell(referral)
                        ),
                    );
                }
            }
        }

        if let Some(column) = band {
            match row.cell(column) {
                "" => no_band += 1,
                name => {
                    let at = bands.add(name);
                    if at == band_counts.len() {
                        band_counts.push([0; 2]);
                    }
                    match side {
                        2 => band_not_stated += 1,
                        side => band_counts[at][side] += 1,
                    }
                }
            }
        }

        if let Some(column) = specialist {
            let at = specialists.add(row.cell(column));
            if at == caseloads.len() {
                caseloads.push([0; 6]);
            }
            caseloads[at][group] += 1;
        }
    }

    let text = |n: u64| n.to_string();
    out.metrics = rules
        .iter()
        .zip(&tallies)
        .map(|((metric, _, _), tally)| MetricEntry {
            metric: metric_id(*metric).to_string(),
            comparison_events: text(tally[0][0]),
            comparison_total: text(tally[0][1]),
            reference_events: text(tally[1][0]),
            reference_total: text(tally[1][1]),
            not_stated: text(tally[2][1]),
            what_we_know: String::new(),
            what_we_know_for: String::new(),
        })
        .collect();
    out.bands = bands
        .values
        .into_iter()
        .zip(band_counts)
        .enumerate()
        .map(|(i, ((name, _), [comparison, reference]))| BandEntry {
            id: format!("b{}", i + 1),
            name,
            comparison: text(comparison),
            reference: text(reference),
        })
        .collect();
    out.service = CaseloadGroup::ALL
        .iter()
        .zip(days)
        .enumerate()
        .map(|(i, (group, days))| ServiceRow {
            group: group.id().to_string(),
            caseload: text(caseload[i]),
            jobs: job_start.map_or(String::new(), |_| text(jobs[i])),
            days: days.join(", "),
            ..ServiceRow::default()
        })
        .collect();
    out.specialists = specialists
        .values
        .into_iter()
        .map(|(name, _)| name)
        .zip(caseloads)
        .collect();
    out.unmapped = values
        .values
        .into_iter()
        .zip(&resolved)
        .filter(|(_, r)| **r == Resolved::Unmapped)
        .map(|((value, rows), _)| Unmapped { value, rows })
        .collect();

    let missing_pair =
        column(PersonField::Shortlisted).is_some() != column(PersonField::Appointed).is_some();
    out.notes = notes(
        &out,
        missing_pair,
        blank_ethnicity,
        no_band,
        band_not_stated,
    );
    Ok(out)
}

const NOT_YES_NO: &str = "is not a yes or no answer (such as Yes, No, Y, N, 1 or 0):";
const NOT_AN_ANSWER: &str =
    "is not an answer the planner can read (such as Yes, No, Never or 1-2):";
const NOT_A_DATE: &str = "is not a date the planner can read (such as 31/01/2025 or 2025-01-31):";

fn resolve(value: &str, choices: &[(String, EthnicityChoice)]) -> Resolved {
    match choices.iter().find(|(v, _)| v == value) {
        Some((_, EthnicityChoice::Category(category))) => Resolved::Counted(*category),
        Some((_, EthnicityChoice::Exclude)) => Resolved::Excluded,
        None if value.is_empty() => Resolved::Counted(EthnicCategory::NotStated),
        None => parse_label(value).map_or(Resolved::Unmapped, Resolved::Counted),
    }
}

fn yes_no(text: &str, survey: bool) -> Answer {
    if text.is_empty() {
        return Answer::Blank;
    }
    let answer = if survey {
        parse_survey_answer(text)
    } else {
        parse_yes_no(text)
    };
    match answer {
        Some(true) => Answer::Yes,
        Some(false) => Answer::No,
        None => Answer::Unreadable,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), for whole days between dates.
fn day_number(date: Date) -> i64 {
    let year = i64::from(date.year) - i64::from(date.month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (i64::from(date.month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// "1 row" or "12 rows".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn notes(
    out: &People,
    missing_pair: bool,
    blank_ethnicity: usize,
    no_band: usize,
    band_not_stated: usize,
) -> Vec<String> {
    let mut notes = Vec::new();
    if !out.unmapped.is_empty() {
        notes.push(format!(
            "{} not counted yet: {} in the ethnicity column {} not one the planner recognises. \
             Choose an ethnic group for each, or leave it out.",
            count(out.unmapped_rows(), "row is", "rows are"),
            count(out.unmapped.len(), "value", "values"),
            if out.unmapped.len() == 1 { "is" } else { "are" }
        ));
    }
    if blank_ethnicity > 0 {
        notes.push(format!(
            "{} no ethnicity: counted as not stated.",
            count(blank_ethnicity, "row has", "rows have")
        ));
    }
    if out.excluded > 0 {
        notes.push(format!(
            "{} left out, as you chose.",
            count(out.excluded, "row is", "rows are")
        ));
    }
    if missing_pair {
        notes.push(
            "Appointment from shortlisting needs both a shortlisted column and an appointed \
             column, so it is not counted."
                .to_string(),
        );
    }
    let problems = out.problems.len() + out.more_problems;
    if problems > 0 {
        notes.push(format!(
            "{} could not be read: each person is left out of that figure only.{}",
            count(problems, "cell", "cells"),
            if out.more_problems > 0 {
                format!(" The first {} are listed.", thousands(MAX_PROBLEMS))
            } else {
                String::new()
            }
        ));
    }
    if no_band > 0 {
        notes.push(format!(
            "{} no pay band: not in the pay band counts.",
            count(no_band, "person has", "people have")
        ));
    }
    if band_not_stated > 0 {
        notes.push(format!(
            "{} in the pay bands {} no ethnicity stated: not in the bands\u{2019} counts.",
            count(band_not_stated, "person", "people"),
            if band_not_stated == 1 { "has" } else { "have" }
        ));
    }
    notes
}
