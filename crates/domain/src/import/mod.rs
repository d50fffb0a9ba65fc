//! Importing people-level data and Census population tables from CSV files (issue 7).
//!
//! The steps, each its own module and each usable on its own:
//! 1. [`decode`]: bytes to text (UTF-8 with or without a byte-order mark, UTF-16 with one, or
//!    Windows-1252), refusing empty, oversized, workbook and binary files with a message that
//!    says what to do;
//! 2. [`read_table`]: text to a [`Table`]: the delimiter sniffed, title rows above the column
//!    names and totals rows set aside (and listed), short rows padded;
//! 3. [`guess_columns`]: a first guess at what each column holds, for the user to confirm;
//! 4. [`people`]: one row per person counted into the SC-WRES metrics, pay bands, the IPS
//!    service table and each Employment Specialist's caseload; or [`population`]: a local
//!    population from the ONS Census 2021 ethnic group table.
//!
//! Nothing here guesses silently: a value that is not clearly an ethnic group is listed for the
//! user to choose, and every cell that could not be read is reported with its row.

mod census;
mod columns;
mod decode;
mod people;
mod table;

#[cfg(test)]
mod tests;

pub use census::{areas, population, Population};
pub use columns::{distinct_values, guess_columns, parse_date, parse_yes_no, PersonField};
pub use decode::{decode, Decoded, Encoding, MAX_IMPORT_BYTES};
pub use people::{people, EthnicityChoice, People, RowProblem, Unmapped, MAX_PROBLEMS};
pub use table::{read_grid, read_table, Row, Skipped, Table, MAX_COLUMNS, MAX_ROWS};

/// Why a file could not be imported. [`ImportError::message`] says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes, or only spaces and line breaks.
    Empty,
    /// Over [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// An Excel (or other zip-based) workbook, or an old `.xls` one.
    Workbook,
    /// Not text: NUL characters, or many control characters.
    Binary,
    /// No row has two or more filled cells.
    NoHeader,
    /// Column names, but no rows under them.
    NoRows,
    /// More than [`MAX_COLUMNS`] named columns.
    TooManyColumns { columns: usize },
    /// More than [`MAX_ROWS`] rows under the column names.
    TooManyRows,
    /// The CSV reader stopped at this spreadsheet row.
    Unreadable { line: usize },
    /// People can only be counted by ethnic group once a column holds their ethnicity.
    NoEthnicityColumn,
    /// The same field was chosen for two columns.
    SameFieldTwice { field: PersonField },
    /// Not an ONS Census table: the column that is missing ("an ‘Observation’ column").
    NotCensus { missing: &'static str },
    /// A Census table with several areas, and none chosen.
    ChooseArea { areas: usize },
    /// The chosen area is not in the file.
    NoSuchArea { area: String },
    /// A row of a Census table that could not be read.
    CensusRow { line: usize, why: String },
    /// Categories (or groups) with no row for the area.
    CensusIncomplete { area: String, missing: Vec<String> },
}

impl ImportError {
    /// The message shown to the user: what is wrong, and what to do.
    pub fn message(&self) -> String {
        let save_as = "(File, Save As, CSV UTF-8)";
        match self {
            ImportError::Empty => "The file is empty: there is nothing in it to read. Check you \
                 chose the right file, or save the sheet again and choose that file."
                .to_string(),
            ImportError::TooLarge { bytes } => format!(
                "The file is {} MB; the planner reads files up to {} MB. Split it into smaller \
                 files, or remove the columns you do not need, and choose it again.",
                megabytes(*bytes),
                MAX_IMPORT_BYTES / MEBIBYTE
            ),
            ImportError::Workbook => format!(
                "This is an Excel workbook. Save the sheet as CSV {save_as} and choose that file."
            ),
            ImportError::Binary => format!(
                "This file is not text: it may be a picture, a PDF or a program. Choose a CSV \
                 file saved from a spreadsheet {save_as}."
            ),
            ImportError::NoHeader => "The planner could not find the column names: no row has \
                 two or more filled cells. Check the file is a table with a row of column names \
                 at the top, saved as CSV, and choose it again."
                .to_string(),
            ImportError::NoRows => "The file has column names but no rows under them. Check you \
                 chose the right file."
                .to_string(),
            ImportError::TooManyColumns { columns } => format!(
                "The file has {} columns; the planner reads up to {MAX_COLUMNS}. Remove the \
                 columns you do not need, or export only the ethnicity column and the ones you \
                 want to count, and choose the file again.",
                thousands(*columns)
            ),
            ImportError::TooManyRows => format!(
                "The file has more than {max} rows; the planner reads up to {max}. Split it into \
                 smaller files (by year or by team, for example) and import each one.",
                max = thousands(MAX_ROWS)
            ),
            ImportError::Unreadable { line } => format!(
                "Row {line} could not be read as part of a table. Open the file in a spreadsheet, \
                 save it again as CSV {save_as}, and choose that file."
            ),
            ImportError::NoEthnicityColumn => "Choose the column that holds each person\u{2019}s \
                 ethnicity: the planner counts people by ethnic group."
                .to_string(),
            ImportError::SameFieldTwice { field } => format!(
                "Two columns are set to \u{2018}{}\u{2019}. Choose one of them, and set the other \
                 to \u{2018}Not used\u{2019}.",
                field.label()
            ),
            ImportError::NotCensus { missing } => format!(
                "This does not look like an ONS Census 2021 ethnic group table: it has no \
                 {missing}. Download the table \u{2018}Ethnic group\u{2019} (TS021, 20 or 6 \
                 categories) from ONS as CSV and choose that file."
            ),
            ImportError::ChooseArea { areas } => format!(
                "The file has figures for {} areas. Choose the one area your service covers.",
                thousands(*areas)
            ),
            ImportError::NoSuchArea { area } => format!(
                "The file has no figures for \u{2018}{area}\u{2019}. Choose one of the areas it \
                 lists."
            ),
            ImportError::CensusRow { line, why } => format!(
                "Row {line}: {why} Check the file is the Census table as ONS gives it, and \
                 download it again if it was changed."
            ),
            ImportError::CensusIncomplete { area, missing } => format!(
                "The figures for \u{2018}{area}\u{2019} have no row for {}. Download the whole \
                 table again and choose that file.",
                missing.join("; ")
            ),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

const MEBIBYTE: usize = 1024 * 1024;

/// A size in MB (of 1,024 × 1,024 bytes) to one decimal place, rounded up so that a file just
/// over the limit never reads as the limit itself.
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(MEBIBYTE);
    format!("{}.{}", thousands(tenths / 10), tenths % 10)
}

/// A whole number with commas between thousands: "1,000,000".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
