//! Text to a table: the delimiter sniffed, the row of column names found below any title rows,
//! totals rows set aside, and each row numbered as a spreadsheet numbers it. A workbook's sheet,
//! already in cells, becomes a table the same way ([`read_grid`]).

use super::{thousands, ImportError};

/// The most columns a table may have: far more than any export the planner needs.
pub const MAX_COLUMNS: usize = 200;
/// The most rows under the column names.
pub const MAX_ROWS: usize = 1_000_000;

/// The delimiters tried, in order of preference when two fit equally well.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many non-blank rows the delimiter is judged on.
const SNIFF_ROWS: usize = 50;

/// A CSV file read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The byte between cells: `,` `;` tab or `|`; 0 for a workbook's sheet ([`read_grid`]).
    pub delimiter: u8,
    /// The column names, trimmed, without empty names at the end of the row.
    pub headers: Vec<String>,
    /// The rows under the column names, each exactly as long as `headers`.
    pub rows: Vec<Row>,
    /// Rows that were not read as data, and why, in file order.
    pub skipped: Vec<Skipped>,
}

/// One row of data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's number as a spreadsheet shows it (1 is the first line of the file; blank lines
    /// count, a cell with line breaks in it does not add rows).
    pub line: usize,
    /// The row's cells one after another, each trimmed of surrounding spaces, and where each
    /// ends: two allocations a row instead of one a cell (measured: reading 100,000 rows of 10
    /// columns went from 98 ms to 62 ms, and the benchmark's peak memory from 71 MB to 29 MB). Kept as text: a cell starting with `=`
    /// is never evaluated.
    text: String,
    ends: Vec<u32>,
}

impl Row {
    /// A row of these cells (each trimmed), padded with empty cells to `width`.
    pub fn new<'a>(line: usize, cells: impl IntoIterator<Item = &'a str>, width: usize) -> Row {
        let mut row = Row {
            line,
            text: String::new(),
            ends: Vec::with_capacity(width),
        };
        for cell in cells {
            row.push(cell);
        }
        while row.ends.len() < width {
            row.push("");
        }
        row
    }

    fn push(&mut self, cell: &str) {
        self.text.push_str(cell.trim());
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// The cell in this column, or "" for a column the row does not have.
    pub fn cell(&self, column: usize) -> &str {
        let Some(&end) = self.ends.get(column) else {
            return "";
        };
        let start = match column {
            0 => 0,
            _ => self.ends[column - 1],
        };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// How many cells the row has (as many as the table has columns).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cells in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.cell(i))
    }
}

/// A row that was not read as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

impl Table {
    /// The column's name, or "column 3" (counting from 1) when it has none.
    pub fn column_name(&self, column: usize) -> String {
        match self.headers.get(column).map(String::as_str) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => format!("column {}", column + 1),
        }
    }

    /// The delimiter in words: "commas", "semicolons", "tabs" or "vertical bars".
    pub fn delimiter_label(&self) -> &'static str {
        match self.delimiter {
            b';' => "semicolons",
            b'\t' => "tabs",
            b'|' => "vertical bars",
            0 => "the workbook\u{2019}s cells",
            _ => "commas",
        }
    }
}

/// Reads CSV text (from [`super::decode`]) as a table.
///
/// - The delimiter is the one of `,` `;` tab `|` that splits the first 50 non-blank rows into the
///   most consistent number of cells, more than one (commas when none does).
/// - Blank rows (no filled cell) are passed over.
/// - The column names are the first row with at least two filled cells. Rows above it (titles,
///   merged cells) are listed in `skipped`.
/// - A row whose first filled cell is "Total", "Totals" or "Grand total" (any case, anywhere
///   below the names) is listed in `skipped`, as is a repeat of the column names: the planner
///   adds up the rows itself, and counting them would count people twice.
/// - A row shorter than the names is padded with empty cells. A row with filled cells beyond the
///   last column is listed in `skipped` and not read: a delimiter inside a cell that should have
///   been quoted has probably moved every cell after it.
///
/// More than [`MAX_COLUMNS`] column names or [`MAX_ROWS`] rows is an error, as is a file with no
/// row of column names or no rows under them.
pub fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff(text);
    let mut reader = reader(text, delimiter);
    let mut record = csv::ByteRecord::new();
    let mut reading = Reading::default();
    // Rows are counted from the line breaks before each record's first byte, less those inside
    // cells: a spreadsheet shows a cell with breaks in it as one row. (The reader's own line
    // count is taken before it passes over blank lines and the LF of a CRLF, and misses lines
    // ended by a CR alone, as old Mac files have them.)
    let bytes = text.as_bytes();
    let (mut counted_to, mut breaks, mut breaks_in_cells) = (0usize, 0usize, 0usize);
    let mut line = 1;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return Err(ImportError::Unreadable { line }),
        }
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .clamp(counted_to, bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        breaks += line_breaks(&bytes[counted_to..start]);
        counted_to = start;
        line = 1 + breaks.saturating_sub(breaks_in_cells);
        breaks_in_cells += record.iter().map(line_breaks).sum::<usize>();
        // The text is UTF-8 and the delimiters are ASCII, so every cell is UTF-8.
        let cell = |i: usize| std::str::from_utf8(&record[i]).unwrap_or("").trim();
        reading.row(line, record.len(), cell, |last, width| {
            format!(
                "This row has {} cells but there are {} columns, so its cells may have moved: \
                 left out. Check the row for a {} inside a cell, and put that cell in quotes.",
                thousands(last),
                thousands(width),
                delimiter_name(delimiter)
            )
        })?;
    }
    reading.finish(delimiter)
}

/// A workbook's sheet as a table: `grid` is its rows of cells from row 1 (as
/// [`crate::xlsx::rows`] gives them), read as [`read_table`] reads a CSV file's rows: blank rows
/// passed over, title rows above the column names, totals rows and repeats of the column names set
/// aside, short rows padded, and the same limits. A row with filled cells beyond the last named
/// column is set aside too, as those cells have no column to go in. `delimiter` is 0.
pub fn read_grid(grid: &[Vec<String>]) -> Result<Table, ImportError> {
    let mut reading = Reading::default();
    for (i, cells) in grid.iter().enumerate() {
        let cell = |c: usize| cells.get(c).map_or("", |text| text.trim());
        reading.row(i + 1, cells.len(), cell, |last, width| {
            format!(
                "This row has {} cells but there are {} named columns: left out. Give the \
                 column a name in the row of column names, or clear the cells beyond it.",
                thousands(last),
                thousands(width)
            )
        })?;
    }
    reading.finish(0)
}

/// The column names and rows read so far: one row at a time, from CSV records or a sheet's cells.
#[derive(Default)]
struct Reading {
    headers: Option<Vec<String>>,
    rows: Vec<Row>,
    skipped: Vec<Skipped>,
}

impl Reading {
    /// Takes the row numbered `line`, of `len` cells, each given (trimmed) by `cell`; `too_long`
    /// says why a row with filled cells beyond the last column name is left out, given the
    /// number of cells up to its last filled one and the number of columns.
    fn row<'a>(
        &mut self,
        line: usize,
        len: usize,
        cell: impl Fn(usize) -> &'a str,
        too_long: impl FnOnce(usize, usize) -> String,
    ) -> Result<(), ImportError> {
        let filled = (0..len).filter(|&i| !cell(i).is_empty()).count();
        if filled == 0 {
            return Ok(());
        }
        let Some(names) = &self.headers else {
            let cells: Vec<String> = (0..len).map(|i| cell(i).to_string()).collect();
            if filled == 1 {
                self.skipped.push(Skipped {
                    line,
                    reason: "A title above the column names: not read as data.".to_string(),
                });
                return Ok(());
            }
            let mut names = cells;
            while names.last().is_some_and(String::is_empty) {
                names.pop();
            }
            if names.len() > MAX_COLUMNS {
                return Err(ImportError::TooManyColumns {
                    columns: names.len(),
                });
            }
            self.headers = Some(names);
            return Ok(());
        };
        if is_total((0..len).map(&cell)) {
            self.skipped.push(Skipped {
                line,
                reason: "A totals row: left out, as the planner adds up the rows itself."
                    .to_string(),
            });
            return Ok(());
        }
        if len >= names.len() && names.iter().enumerate().all(|(i, n)| cell(i) == n) {
            self.skipped.push(Skipped {
                line,
                reason: "The column names again: left out.".to_string(),
            });
            return Ok(());
        }
        if (names.len()..len).any(|i| !cell(i).is_empty()) {
            let last = (0..len).rposition(|i| !cell(i).is_empty()).unwrap_or(0) + 1;
            self.skipped.push(Skipped {
                line,
                reason: too_long(last, names.len()),
            });
            return Ok(());
        }
        if self.rows.len() == MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        let width = names.len();
        self.rows
            .push(Row::new(line, (0..len.min(width)).map(cell), width));
        Ok(())
    }

    fn finish(self, delimiter: u8) -> Result<Table, ImportError> {
        let headers = self.headers.ok_or(ImportError::NoHeader)?;
        if self.rows.is_empty() {
            return Err(ImportError::NoRows);
        }
        Ok(Table {
            delimiter,
            headers,
            rows: self.rows,
            skipped: self.skipped,
        })
    }
}

/// Line breaks as the CSV reader ends rows: LF, CRLF, or CR alone.
fn line_breaks(bytes: &[u8]) -> usize {
    let mut breaks = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            breaks += 1;
        }
    }
    breaks
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The delimiter that gives the most rows with the same number of cells (more than one), then the
/// most cells; the earlier in [`DELIMITERS`] on a tie.
fn sniff(text: &str) -> u8 {
    let mut best = (b',', 0, 0);
    for delimiter in DELIMITERS {
        // (cells in a row, rows with that many): a handful of different lengths at most.
        let mut lengths: Vec<(usize, usize)> = Vec::new();
        let mut record = csv::ByteRecord::new();
        let mut reader = reader(text, delimiter);
        let mut seen = 0;
        while seen < SNIFF_ROWS && matches!(reader.read_byte_record(&mut record), Ok(true)) {
            if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
                continue;
            }
            seen += 1;
            match lengths.iter_mut().find(|(cells, _)| *cells == record.len()) {
                Some((_, rows)) => *rows += 1,
                None => lengths.push((record.len(), 1)),
            }
        }
        for (cells, rows) in lengths {
            if cells > 1 && (rows, cells) > (best.1, best.2) {
                best = (delimiter, rows, cells);
            }
        }
    }
    best.0
}

/// A row whose first filled cell is "Total", "Totals" or "Grand total" (any case, a colon after).
fn is_total<'a>(mut cells: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = cells.find(|c| !c.is_empty()) else {
        return false;
    };
    let first = first.trim_end_matches(':').trim_end().to_ascii_lowercase();
    matches!(first.as_str(), "total" | "totals" | "grand total")
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "vertical bar",
        _ => "comma",
    }
}
