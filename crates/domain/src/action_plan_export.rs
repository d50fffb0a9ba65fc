//! The action plan as files a team submits or pastes into board papers: CSV and Excel, in the
//! SC-WRES column order ([`crate::action_plan::export_rows`]), each for the team or to share
//! outside it (small numbers withheld). Both are safe against formula injection: `csv_out` and
//! `xlsx` never let a cell run as a formula.

use crate::action_plan::export_rows;
use crate::dates::Date;
use crate::plan::Plan;
use crate::reap_print::Audience;
use crate::xlsx::{self, Cell, Sheet};

/// The sheet's name in the Excel copy.
pub const SHEET_NAME: &str = "Action plan";

fn rows(plan: &Plan, today: Date, audience: Audience) -> Vec<Vec<String>> {
    export_rows(plan, today, audience == Audience::Shared)
}

/// The action plan as CSV text (with the byte-order mark Excel needs).
pub fn csv(plan: &Plan, today: Date, audience: Audience) -> String {
    crate::csv_out::file(&rows(plan, today, audience))
}

/// The action plan as an Excel workbook of one sheet; the action numbers are numbers.
pub fn xlsx(plan: &Plan, today: Date, audience: Audience) -> Vec<u8> {
    let rows = rows(plan, today, audience)
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            row.into_iter()
                .enumerate()
                .map(|(column, text)| match text.parse::<u32>() {
                    Ok(n) if i > 0 && column == 0 => Cell::Number(f64::from(n)),
                    _ if text.is_empty() => Cell::Empty,
                    _ => Cell::Text(text),
                })
                .collect()
        })
        .collect();
    xlsx::write_workbook(&[Sheet {
        name: SHEET_NAME.to_string(),
        rows,
    }])
}

#[cfg(test)]
mod tests;
