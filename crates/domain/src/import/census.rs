//! A local population from the ONS Census 2021 ethnic group table (TS021) as ONS's "Create a
//! custom dataset" downloads it: one row per area and ethnic group, with columns such as
//! "Lower tier local authorities Code", "Lower tier local authorities", "Ethnic group (20
//! categories) Code", "Ethnic group (20 categories)" and "Observation" (or the 6-category
//! version). The 20 categories are the 19 of [`EthnicCategory::ALL`] and "Does not apply"
//! (people not asked, always 0 for usual residents), which is passed over.

use super::columns::{header_words, FirstSeen};
use super::{ImportError, Table};
use crate::ethnicity::{parse_label, EthnicCategory, EthnicGroup};
use crate::numbers::parse_count;

/// One area's population, ready for the service figures
/// ([`crate::plan::ServiceData::population`] or `population_categories`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Population {
    /// The area's name as the file gives it ("" when the file has no area column).
    pub area: String,
    /// The 19 categories (`true`) or the 5 groups.
    pub detailed: bool,
    /// People in each group or category, in ONS order (as [`EthnicGroup::ALL`], or
    /// [`EthnicCategory::ALL`] without "not stated"), as text.
    pub values: Vec<String>,
}

impl Population {
    /// Where the figures come from, for the population's source line.
    pub fn source(&self) -> String {
        match self.area.as_str() {
            "" => "Census 2021 (ONS)".to_string(),
            area => format!("Census 2021 (ONS), {area}"),
        }
    }
}

/// Where the table's columns are.
struct Columns {
    /// The area's name, or else its code.
    area: Option<usize>,
    area_code: Option<usize>,
    ethnic: usize,
    observation: usize,
    /// From the ethnic group column's name, when it says: "(20 categories)" or "(6 categories)".
    detailed: Option<bool>,
}

fn columns(table: &Table) -> Result<Columns, ImportError> {
    let words: Vec<String> = table.headers.iter().map(|h| header_words(h)).collect();
    let is_code = |w: &String| w == "code" || w.ends_with(" code");
    let observation = words
        .iter()
        .position(|w| matches!(w.as_str(), "observation" | "observations" | "count"))
        .ok_or(ImportError::NotCensus {
            missing: "\u{2018}Observation\u{2019} column",
        })?;
    let ethnic = words
        .iter()
        .position(|w| w.contains("ethnic") && !is_code(w))
        .ok_or(ImportError::NotCensus {
            missing: "ethnic group column",
        })?;
    let other = |i: usize| {
        i != observation && i != ethnic && !words[i].is_empty() && !words[i].contains("ethnic")
    };
    let area_code = (0..words.len()).find(|&i| other(i) && is_code(&words[i]));
    let area = (0..words.len())
        .find(|&i| other(i) && !is_code(&words[i]))
        .or(area_code);
    let detailed = if words[ethnic].contains("20 categories") {
        Some(true)
    } else if words[ethnic].contains("6 categories") {
        Some(false)
    } else {
        None
    };
    Ok(Columns {
        area,
        area_code,
        ethnic,
        observation,
        detailed,
    })
}

/// The areas in a Census table, in the order first seen; empty when the table has no area
/// column or is not a Census table.
pub fn areas(table: &Table) -> Vec<String> {
    let Ok(Columns {
        area: Some(area), ..
    }) = columns(table)
    else {
        return Vec::new();
    };
    let mut seen = FirstSeen::default();
    for row in &table.rows {
        seen.add(row.cell(area));
    }
    seen.values.into_iter().map(|(name, _)| name).collect()
}

/// One area's population from a Census table: the 19 categories from the 20-category table, or
/// the 5 groups from the 6-category one. `area` is the area's name or code (any case); it may be
/// `None` when the file has one area only. Every group or category must have exactly one row
/// with a count; "Does not apply" rows, and a total row, are passed over.
pub fn population(table: &Table, area: Option<&str>) -> Result<Population, ImportError> {
    let columns = columns(table)?;
    let names = areas(table);
    let chosen = match area.map(str::trim) {
        None | Some("") if names.len() > 1 => {
            return Err(ImportError::ChooseArea { areas: names.len() })
        }
        None | Some("") => names.first().cloned().unwrap_or_default(),
        Some(wanted) => {
            let matches = |column: Option<usize>, row: &super::Row| {
                column.is_some_and(|c| row.cell(c).to_lowercase() == wanted.to_lowercase())
            };
            let row = table
                .rows
                .iter()
                .find(|row| matches(columns.area, row) || matches(columns.area_code, row))
                .ok_or_else(|| ImportError::NoSuchArea {
                    area: wanted.to_string(),
                })?;
            columns
                .area
                .map_or(String::new(), |c| row.cell(c).to_string())
        }
    };
    let mut detailed = columns.detailed;
    let mut counts: Vec<Option<u64>> = Vec::new();
    for row in &table.rows {
        if columns.area.is_some_and(|c| row.cell(c) != chosen) {
            continue;
        }
        let label = row.cell(columns.ethnic);
        let words = header_words(label);
        // People not asked, and the area's total (some downloads have one): not a group.
        if words == "does not apply" || words.starts_with("total") {
            continue;
        }
        let detailed = *detailed.get_or_insert_with(|| group(&words).is_none());
        if counts.is_empty() {
            counts = vec![None; if detailed { 19 } else { 5 }];
        }
        let at = if detailed {
            category(&words, label)
        } else {
            group(&words)
        };
        let row_problem = |why: String| ImportError::CensusRow {
            line: row.line,
            why,
        };
        let Some(at) = at else {
            return Err(row_problem(format!(
                "\u{2018}{label}\u{2019} is not one of the {} of the Census 2021.",
                if detailed {
                    "19 ethnic categories"
                } else {
                    "5 ethnic groups"
                }
            )));
        };
        let observation = row.cell(columns.observation);
        let count = match parse_count(observation) {
            Ok(Some(n)) => n,
            Ok(None) => {
                return Err(row_problem(format!(
                    "\u{2018}{label}\u{2019} has no count."
                )))
            }
            Err(_) => {
                return Err(row_problem(format!(
                    "the count \u{2018}{observation}\u{2019} for \u{2018}{label}\u{2019} is not a \
                     whole number."
                )))
            }
        };
        if counts[at].replace(count).is_some() {
            return Err(row_problem(format!(
                "\u{2018}{label}\u{2019} appears twice for this area."
            )));
        }
    }
    let detailed = detailed.unwrap_or(true);
    let label = |i: usize| {
        if detailed {
            EthnicCategory::ALL[i].full_label()
        } else {
            EthnicGroup::ALL[i].label().to_string()
        }
    };
    if counts.is_empty() {
        counts = vec![None; if detailed { 19 } else { 5 }];
    }
    let missing: Vec<String> = (0..counts.len())
        .filter(|&i| counts[i].is_none())
        .map(label)
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::CensusIncomplete {
            area: chosen,
            missing,
        });
    }
    Ok(Population {
        area: chosen,
        detailed,
        values: counts
            .into_iter()
            .map(|n| n.unwrap_or_default().to_string())
            .collect(),
    })
}

/// The position of one of the 5 groups, named as the 6-category table names it.
fn group(words: &str) -> Option<usize> {
    EthnicGroup::ALL
        .iter()
        .position(|g| header_words(g.label()) == words)
}

/// The position of one of the 19 categories: the 2021 label ("White: Irish"), or anything
/// [`parse_label`] reads as a category other than "not stated".
fn category(words: &str, label: &str) -> Option<usize> {
    let known = &EthnicCategory::ALL[..19];
    known
        .iter()
        .position(|c| header_words(&c.full_label()) == words)
        .or_else(|| {
            let category = parse_label(label)?;
            known.iter().position(|&c| c == category)
        })
}
