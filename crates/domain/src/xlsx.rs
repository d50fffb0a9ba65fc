//! Excel workbooks (.xlsx): writing sheets of text and numbers, and reading one sheet of a
//! workbook as a grid of text for the importer.
//!
//! Lean on purpose (TOOLCHAIN.md, "What dependencies cost in the wasm"): the zip is walked and
//! written by hand, the writer stores its parts uncompressed, and the reader never inflates.
//! The browser already ships deflate (`DecompressionStream('deflate-raw')`), so reading is in
//! steps an async caller can inflate between:
//! 1. [`open`]: the zip's directory, every entry bounds-checked, zip bombs and old `.xls` or
//!    password-protected workbooks refused;
//! 2. [`Archive::part`]: a part's raw bytes; if [`Part::deflated`], the caller inflates them and
//!    [`check_inflated`] checks the size, checksum and UTF-8 (else [`Part::stored_text`]);
//! 3. pure steps on text: [`workbook`] (the sheets and where the other parts are),
//!    [`shared_strings`], [`date_styles`], then [`rows`]: the sheet as rows of text, ready for
//!    [`crate::import::read_grid`].
//!
//! [`read_sheet_with`] does all of it in one call, given a function that inflates.
//!
//! A cell is never evaluated: formulas give their cached value, text is written as text, and text
//! that starts like a formula is written with Excel's own "quote prefix".

use crate::import::{thousands, MAX_COLUMNS, MAX_ROWS};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::ops::Range;

/// The most entries a workbook's zip may have: far more than a workbook of a few sheets holds.
pub const MAX_PARTS: usize = 10_000;
/// The most bytes one part may unpack to (it guards against zip bombs): 200 MiB.
pub const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;
/// Where every workbook we read keeps its list of sheets.
pub const WORKBOOK_PART: &str = "xl/workbook.xml";
/// Where the list of sheets says which part holds each sheet.
pub const WORKBOOK_RELS_PART: &str = "xl/_rels/workbook.xml.rels";
/// Rows a sheet may have above the [`MAX_ROWS`] rows of data: titles and the column names.
const TITLE_ROWS: usize = 100;
/// The most cells [`rows`] returns, counting the empty ones between filled ones: a sheet's XML
/// packs small, and each cell of the grid takes memory even when empty.
pub const MAX_CELLS: usize = 20_000_000;
/// Excel's own limits on a cell reference.
const EXCEL_ROWS: usize = 1_048_576;
const EXCEL_COLUMNS: usize = 16_384;

/// Why a workbook could not be read. [`XlsxError::message`] says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxError {
    /// No bytes at all.
    Empty,
    /// Not a zip, so not an `.xlsx` workbook.
    NotZip,
    /// An OLE file: an old `.xls` workbook, or a password-protected (encrypted) `.xlsx`.
    OldOrProtected,
    /// A zip without a workbook in it (an `.ods`, a Word file…).
    NotWorkbook,
    /// The end of the file is missing.
    Truncated,
    /// A zip64 archive (for files over 4 GB or 65,535 entries), which this reader does not read.
    Zip64,
    /// More than [`MAX_PARTS`] entries.
    TooManyParts { parts: usize },
    /// A part that says it unpacks to more than [`MAX_PART_BYTES`].
    PartTooLarge { part: String, bytes: u64 },
    /// A compression other than none (0) or deflate (8).
    Compression { part: String, method: u16 },
    /// A part that is not what it says it is: what is wrong, in words.
    Damaged { part: String, why: String },
    /// A workbook with no worksheet (only charts, or none).
    NoSheets,
    /// The chosen sheet is not in the workbook.
    NoSuchSheet { name: String },
    /// A filled cell beyond column [`MAX_COLUMNS`].
    TooManyColumns { cell: String, column: usize },
    /// A filled cell beyond [`MAX_ROWS`] rows of data (and room for titles).
    TooManyRows,
    /// More than [`MAX_CELLS`] cells, counting the empty ones between filled ones.
    TooManyCells,
}

impl XlsxError {
    /// The message shown to the user: what is wrong, and what to do.
    pub fn message(&self) -> String {
        let save_again =
            "Open it in Excel, save it again (File, Save As, Excel Workbook), or save \
             the sheet as CSV UTF-8, and choose that file.";
        match self {
            XlsxError::Empty => "The file is empty: there is nothing in it to read. Check you \
                 chose the right file, or save the workbook again and choose that file."
                .to_string(),
            XlsxError::NotZip => "This file is not an Excel workbook (.xlsx). If it is a CSV \
                 file, choose it as one; otherwise open it in a spreadsheet, save it as an Excel \
                 Workbook (.xlsx) or as CSV UTF-8, and choose that file."
                .to_string(),
            XlsxError::OldOrProtected => "This is an old Excel workbook (.xls) or one protected \
                 with a password, which the planner cannot read. Open it in Excel and save it as \
                 .xlsx without a password, or as CSV UTF-8, and choose that file."
                .to_string(),
            XlsxError::NotWorkbook => "This file is not an Excel workbook: it may be an \
                 OpenDocument spreadsheet (.ods), or a Word or PowerPoint file. Open it in a \
                 spreadsheet, save it as an Excel Workbook (.xlsx) or as CSV UTF-8, and choose \
                 that file."
                .to_string(),
            XlsxError::Truncated => "The workbook is incomplete: its end is missing, perhaps \
                 because it had not finished downloading or copying. Download or copy it again, \
                 and choose the new file."
                .to_string(),
            XlsxError::Zip64 => "The workbook is saved in the form for very large files (zip64), \
                 which the planner does not read. Copy the sheet you need into a new workbook, or \
                 save it as CSV UTF-8, and choose that file."
                .to_string(),
            XlsxError::TooManyParts { parts } => format!(
                "The workbook has {} parts inside it; the planner reads workbooks of up to {}. \
                 Copy the sheet you need into a new workbook, or save it as CSV UTF-8, and choose \
                 that file.",
                thousands(*parts),
                thousands(MAX_PARTS)
            ),
            XlsxError::PartTooLarge { part, bytes } => format!(
                "Part of the workbook ({part}) unpacks to {} MB; the planner reads parts up to {} \
                 MB. Split the sheet into smaller files (by year or by team, for example), or \
                 remove the columns you do not need, and choose them again.",
                thousands(usize::try_from(bytes.div_ceil(MEBIBYTE)).unwrap_or(usize::MAX)),
                MAX_PART_BYTES / MEBIBYTE
            ),
            XlsxError::Compression { part, method } => format!(
                "The workbook is packed with a kind of compression the planner cannot read \
                 (method {method}, in {part}). {save_again}"
            ),
            XlsxError::Damaged { part, why } => {
                format!("The workbook is damaged ({part}: {why}). {save_again}")
            }
            XlsxError::NoSheets => "The workbook has no sheet of cells (only charts, or \
                 nothing). Choose a workbook with the table on a sheet."
                .to_string(),
            XlsxError::NoSuchSheet { name } => format!(
                "The workbook has no sheet called \u{2018}{name}\u{2019}. Choose one of the \
                 sheets it lists."
            ),
            XlsxError::TooManyColumns { cell, column } => format!(
                "Cell {cell} is in column {}; the planner reads up to {MAX_COLUMNS} columns. \
                 Delete the columns you do not need (or copy the ones you want to a new sheet), \
                 save the workbook, and choose it again.",
                thousands(*column)
            ),
            XlsxError::TooManyRows => format!(
                "The sheet has more than {max} rows; the planner reads up to {max}. Split it \
                 into smaller files (by year or by team, for example) and import each one.",
                max = thousands(MAX_ROWS)
            ),
            XlsxError::TooManyCells => format!(
                "The sheet has more than {} cells; the planner reads up to that many. Delete the \
                 columns you do not need, or split the rows into smaller files (by year or by \
                 team, for example), and import each one.",
                thousands(MAX_CELLS)
            ),
        }
    }
}

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

const MEBIBYTE: u64 = 1024 * 1024;

fn damaged(part: &str, why: impl Into<String>) -> XlsxError {
    XlsxError::Damaged {
        part: part.to_string(),
        why: why.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// One cell of a sheet to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Written as text, never as a formula, whatever it starts with.
    Text(String),
    /// Written as a number when finite; NaN and infinities are left empty.
    Number(f64),
    Empty,
}

/// A sheet to write: its name (made valid for Excel when written) and its rows, the first of
/// which is written bold, as the column names.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// The cell styles [`write_workbook`] writes, indexed by bold (1) + quote prefix (2).
const STYLES_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
    r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>"#,
    r#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#
);

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook (.xlsx) of these sheets, in order, as bytes to save.
///
/// Text is written as inline strings (never formulas); text that starts with `=` `+` `-` `@`,
/// a tab or a carriage return also gets Excel's quote prefix, so Excel shows the text as typed
/// and never evaluates it, even after the user saves the sheet as CSV. The first row of each
/// sheet is bold. Characters XML 1.0 forbids are left out; sheet names are made valid for Excel
/// (see [`sheet_names`]). No sheets gives one empty sheet: a workbook must have one.
///
/// The zip's entries are stored, not compressed, with fixed timestamps, so the same sheets always
/// give the same bytes. The planner's exports are far below the 4 GB a zip without zip64 can hold.
pub fn write_workbook(sheets: &[Sheet]) -> Vec<u8> {
    let empty = [Sheet {
        name: String::new(),
        rows: Vec::new(),
    }];
    let sheets = if sheets.is_empty() {
        &empty[..]
    } else {
        sheets
    };
    let names = sheet_names(sheets.iter().map(|sheet| sheet.name.as_str()));

    let mut types = String::from(XML_DECLARATION);
    types.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    ));
    let mut book =
        format!(r#"{XML_DECLARATION}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>"#);
    let mut book_rels = String::from(XML_DECLARATION);
    book_rels.push_str(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        book.push_str(r#"<sheet name=""#);
        push_escaped(&mut book, name);
        book.push_str(&format!(r#"" sheetId="{n}" r:id="rId{n}"/>"#));
        book_rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    book_rels.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>"#,
        names.len() + 1
    ));
    let root_rels = format!(
        r#"{XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );

    let mut zip = ZipWriter::default();
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", root_rels.as_bytes());
    zip.add(WORKBOOK_PART, book.as_bytes());
    zip.add(WORKBOOK_RELS_PART, book_rels.as_bytes());
    zip.add("xl/styles.xml", STYLES_XML.as_bytes());
    for (i, sheet) in sheets.iter().enumerate() {
        let name = format!("xl/worksheets/sheet{}.xml", i + 1);
        zip.add(&name, worksheet(&sheet.rows).as_bytes());
    }
    zip.finish()
}

/// A sheet's XML: only filled cells are written, each with its reference.
fn worksheet(rows: &[Vec<Cell>]) -> String {
    let mut xml = format!(r#"{XML_DECLARATION}<worksheet xmlns="{MAIN_NS}"><sheetData>"#);
    let mut text = String::new();
    for (r, row) in rows.iter().enumerate() {
        let mut cells = String::new();
        let bold = usize::from(r == 0);
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_letters(c + 1), r + 1);
            match cell {
                Cell::Text(value) => {
                    text.clear();
                    push_escaped(&mut text, value);
                    if text.is_empty() {
                        continue;
                    }
                    let first = value.chars().find(|&c| xml_allowed(c));
                    let formula_like =
                        first.is_some_and(|c| crate::csv_out::FORMULA_STARTS.contains(&c));
                    let style = bold + 2 * usize::from(formula_like);
                    cells.push_str(&format!(r#"<c r="{reference}" t="inlineStr""#));
                    if style > 0 {
                        cells.push_str(&format!(r#" s="{style}""#));
                    }
                    cells.push_str(r#"><is><t xml:space="preserve">"#);
                    cells.push_str(&text);
                    cells.push_str("</t></is></c>");
                }
                Cell::Number(value) if value.is_finite() => {
                    let style = if bold == 1 { r#" s="1""# } else { "" };
                    cells.push_str(&format!(
                        r#"<c r="{reference}"{style}><v>{}</v></c>"#,
                        xml_number(*value)
                    ));
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        if !cells.is_empty() {
            xml.push_str(&format!(r#"<row r="{}">{cells}</row>"#, r + 1));
        }
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// A finite number as XML Schema's `double`, the shortest decimal that reads back exactly ("0.1",
/// "42"; never an exponent: Rust's `Display` is already in the product's wasm, its exponent
/// formatting is not).
fn xml_number(value: f64) -> String {
    format!("{value}")
}

/// Column number (from 1) to letters: 1 is A, 27 is AA.
fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rest = (column - 1) % 26;
        letters.push(b'A' + rest as u8);
        column = (column - 1) / 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// Text escaped for XML: `& < > " '` as entities, a carriage return as `&#13;` (an XML reader
/// would turn a bare one into a line feed), characters XML 1.0 forbids left out, and an
/// underscore that would start one of Excel's `_x0041_` escapes escaped itself, so the text reads
/// back as written.
fn push_escaped(out: &mut String, text: &str) {
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '_' if excel_escape_at(text, i).is_some() => out.push_str("_x005F_"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Whether XML 1.0 allows the character (Rust's `char` already excludes surrogates).
fn xml_allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// If `text` has one of Excel's escapes (`_x` four hex digits `_`) at byte `at`: its number.
fn excel_escape_at(text: &str, at: usize) -> Option<u32> {
    let escape = text.get(at..at.checked_add(7)?)?;
    let hex = escape.strip_prefix("_x")?.strip_suffix('_')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

/// Excel's escapes (`_x000D_` for a carriage return, `_x005F_` for an underscore) decoded.
fn decode_excel_escapes(text: String) -> String {
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        match excel_escape_at(&text, i).and_then(char::from_u32) {
            Some(decoded) => {
                out.push(decoded);
                i += 7;
            }
            None => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Sheet names Excel accepts, one for each name given, in order: the characters `[ ] : * ? / \`
/// replaced (`/ \ :` by `-`, brackets by parentheses, `*` and `?` left out), no apostrophe at
/// either end, "Sheet1" (and so on) for a blank name, "History" (which Excel keeps for itself)
/// made "History (1)", at most 31 characters, and each different from those before it
/// (ignoring case) by a " (2)" after it.
pub fn sheet_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let mut clean = String::new();
        for c in name.chars() {
            match c {
                '/' | '\\' | ':' => clean.push('-'),
                '[' => clean.push('('),
                ']' => clean.push(')'),
                '*' | '?' => {}
                c if c.is_control() || !xml_allowed(c) => {}
                c => clean.push(c),
            }
        }
        let mut clean = clean.trim().trim_matches('\'').trim().to_string();
        if clean.is_empty() {
            clean = format!("Sheet{}", i + 1);
        }
        if clean.eq_ignore_ascii_case("history") {
            clean.push_str(" (1)");
        }
        let mut candidate = truncate_utf16(&clean, 31);
        let mut n = 2;
        while out.iter().any(|taken| same_name(taken, &candidate)) {
            let suffix = format!(" ({n})");
            candidate = truncate_utf16(&clean, 31 - suffix.len());
            candidate.push_str(&suffix);
            n += 1;
        }
        out.push(candidate);
    }
    out
}

/// Excel compares sheet names without regard to case.
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// At most `units` UTF-16 code units (how Excel counts a name's length), never splitting a
/// character, and no space left at the end.
fn truncate_utf16(text: &str, units: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        used += c.len_utf16();
        if used > units {
            break;
        }
        out.push(c);
    }
    out.trim_end().trim_end_matches('\'').trim_end().to_string()
}

/// A zip of stored (uncompressed) entries, written as they are added.
#[derive(Default)]
struct ZipWriter {
    out: Vec<u8>,
    directory: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00, the earliest time a zip can hold: fixed, so the bytes are the same each time.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl ZipWriter {
    fn add(&mut self, name: &str, data: &[u8]) {
        let offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        let common = |buf: &mut Vec<u8>| {
            for field in [20u16, 0, 0, DOS_TIME, DOS_DATE] {
                buf.extend_from_slice(&field.to_le_bytes());
            }
            for field in [crc, size, size] {
                buf.extend_from_slice(&field.to_le_bytes());
            }
            buf.extend_from_slice(&name_len.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&LOCAL_SIGNATURE.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);

        self.directory
            .extend_from_slice(&CENTRAL_SIGNATURE.to_le_bytes());
        self.directory.extend_from_slice(&20u16.to_le_bytes());
        common(&mut self.directory);
        // Comment length, disk, internal and external attributes, then where the entry starts.
        self.directory.extend_from_slice(&[0; 10]);
        self.directory.extend_from_slice(&offset.to_le_bytes());
        self.directory.extend_from_slice(name.as_bytes());
        self.entries = self.entries.saturating_add(1);
    }

    fn finish(mut self) -> Vec<u8> {
        let offset = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        let size = u32::try_from(self.directory.len()).unwrap_or(u32::MAX);
        self.out.extend_from_slice(&self.directory);
        self.out.extend_from_slice(&END_SIGNATURE.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

// ---------------------------------------------------------------------------------------------
// Reading: the zip

const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
const END_SIGNATURE: u32 = 0x0605_4b50;
const ZIP64_LOCATOR_SIGNATURE: u32 = 0x0706_4b50;
/// The start of every OLE file: old `.xls` workbooks, and `.xlsx` ones encrypted by a password.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const DIRECTORY: &str = "the zip directory";

/// A workbook's zip, its directory read and every entry's bytes found (not yet unpacked).
#[derive(Debug, Clone)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    deflated: bool,
    size: u64,
    crc32: u32,
    data: Range<usize>,
}

/// One part (file) inside a workbook's zip, as it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// Its name in the zip: "xl/worksheets/sheet1.xml".
    pub name: &'a str,
    /// Its bytes as stored: raw deflate (no zlib header) when `deflated`.
    pub raw: &'a [u8],
    /// Whether `raw` must be inflated (`DecompressionStream('deflate-raw')`) before reading.
    pub deflated: bool,
    /// The bytes it unpacks to, as the zip declares: at most [`MAX_PART_BYTES`]. An inflater
    /// should stop after `size + 1` bytes: a part that unpacks to more is damaged, or a zip bomb.
    pub size: u64,
    /// The CRC-32 of the unpacked bytes, as the zip declares.
    pub crc32: u32,
}

impl<'a> Archive<'a> {
    /// The part with this name ("xl/workbook.xml"; a leading "/" and the case are ignored).
    pub fn part(&self, name: &str) -> Option<Part<'_>> {
        let name = name.trim_start_matches('/');
        let entry = self
            .entries
            .iter()
            .find(|entry| entry.name.eq_ignore_ascii_case(name))?;
        Some(Part {
            name: &entry.name,
            raw: self.bytes.get(entry.data.clone())?,
            deflated: entry.deflated,
            size: entry.size,
            crc32: entry.crc32,
        })
    }

    /// The names of the parts, in the zip's order.
    pub fn part_names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|entry| entry.name.as_str())
    }
}

impl Part<'_> {
    /// The text of a part stored without compression, checked as [`check_inflated`] does; `None`
    /// for a deflated part, which the caller must inflate first.
    pub fn stored_text(&self) -> Option<Result<String, XlsxError>> {
        (!self.deflated).then(|| check_inflated(self, self.raw))
    }

    /// The part's text, inflated by `inflate` if it is deflated (given the raw bytes and the
    /// size they should unpack to), and checked.
    pub fn text_with(&self, inflate: &mut Inflate<'_>) -> Result<String, XlsxError> {
        if let Some(text) = self.stored_text() {
            return text;
        }
        let inflated = inflate(self.raw, self.size).map_err(|why| {
            damaged(
                self.name,
                format!("it could not be unpacked ({})", why.trim_end_matches('.')),
            )
        })?;
        check_inflated(self, &inflated)
    }
}

/// A function that inflates raw deflate bytes, given the size they should unpack to; it may stop
/// after `size + 1` bytes.
pub type Inflate<'f> = dyn FnMut(&[u8], u64) -> Result<Vec<u8>, String> + 'f;

/// A part's unpacked bytes as text, after checking they are as long as the zip says and have its
/// checksum (so a damaged or doctored file is refused rather than half read), and are UTF-8 (as
/// Excel writes them; a UTF-16 part, which the format allows, is refused as damaged). A
/// byte-order mark is removed.
pub fn check_inflated(part: &Part<'_>, inflated: &[u8]) -> Result<String, XlsxError> {
    if u64::try_from(inflated.len()).ok() != Some(part.size) {
        return Err(damaged(
            part.name,
            format!(
                "it unpacks to {} bytes, not the {} the zip says",
                thousands(inflated.len()),
                thousands(usize::try_from(part.size).unwrap_or(usize::MAX))
            ),
        ));
    }
    if crc32(inflated) != part.crc32 {
        return Err(damaged(part.name, "its checksum does not match"));
    }
    let text =
        std::str::from_utf8(inflated).map_err(|_| damaged(part.name, "it is not UTF-8 text"))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string())
}

/// CRC-32 (IEEE), as zip uses it: byte at a time, with its table worked out on each call.
///
/// Written here rather than taken from crc32fast, which the tests check it against: on wasm32
/// crc32fast has no SIMD path and falls back to slicing by 16, whose 16 KB table added 17 KB gzip
/// to the wasm (measured with the product's build flags), about the whole of the single file's
/// room for XLSX. This adds a few hundred bytes.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, slot) in (0u32..).zip(table.iter_mut()) {
        *slot = (0..8).fold(n, |c, _| {
            if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            }
        });
    }
    !bytes.iter().fold(!0u32, |c, &byte| {
        table[((c ^ u32::from(byte)) & 0xFF) as usize] ^ (c >> 8)
    })
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let field = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(field.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let field = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(field.try_into().ok()?))
}

/// Where the end-of-central-directory record starts: searched for from the end, past a comment
/// of up to 65,535 bytes.
fn find_end(bytes: &[u8]) -> Option<usize> {
    let lowest = bytes.len().saturating_sub(22 + 65_535);
    let mut at = bytes.len().checked_sub(22)?;
    loop {
        if u32_at(bytes, at) == Some(END_SIGNATURE) {
            let comment = usize::from(u16_at(bytes, at + 20)?);
            if at + 22 + comment <= bytes.len() {
                return Some(at);
            }
        }
        if at == lowest {
            return None;
        }
        at -= 1;
    }
}

/// Reads a workbook's zip directory: each entry's name, size, checksum and where its bytes are.
/// Nothing is unpacked.
///
/// Refused, each with its own error: no bytes; an OLE file (an old `.xls`, or an `.xlsx` with a
/// password); anything else that is not a zip; a zip with its end missing; zip64; more than
/// [`MAX_PARTS`] entries; an entry that would unpack to more than [`MAX_PART_BYTES`], is
/// encrypted, or is compressed other than by deflate; an entry that points outside the file.
pub fn open(bytes: &[u8]) -> Result<Archive<'_>, XlsxError> {
    if bytes.is_empty() {
        return Err(XlsxError::Empty);
    }
    if bytes.starts_with(OLE) {
        return Err(XlsxError::OldOrProtected);
    }
    let Some(end) = find_end(bytes) else {
        // A zip cut short anywhere (even within its first four bytes) has lost its end.
        return Err(
            if bytes.starts_with(b"PK") || LOCAL_SIGNATURE.to_le_bytes().starts_with(bytes) {
                XlsxError::Truncated
            } else {
                XlsxError::NotZip
            },
        );
    };
    let field = |at: usize| u32_at(bytes, end + at).ok_or(XlsxError::Truncated);
    let count = u16_at(bytes, end + 10).ok_or(XlsxError::Truncated)?;
    let (directory_size, directory_at) = (field(12)?, field(16)?);
    let zip64_locator = end
        .checked_sub(20)
        .and_then(|at| u32_at(bytes, at))
        .is_some_and(|signature| signature == ZIP64_LOCATOR_SIGNATURE);
    if zip64_locator || directory_at == u32::MAX || directory_size == u32::MAX {
        return Err(XlsxError::Zip64);
    }
    let count = usize::from(count);
    if count > MAX_PARTS {
        return Err(XlsxError::TooManyParts { parts: count });
    }
    let directory_at = directory_at as usize;
    if directory_at.saturating_add(directory_size as usize) > end {
        return Err(damaged(DIRECTORY, "it points beyond the end of the file"));
    }
    let mut entries = Vec::with_capacity(count);
    let mut at = directory_at;
    for _ in 0..count {
        let (entry, next) = read_entry(bytes, at, end)?;
        if !entries.iter().any(|e: &Entry| e.name == entry.name) {
            entries.push(entry);
        }
        at = next;
    }
    Ok(Archive { bytes, entries })
}

/// The central directory's entry at `at` (which must end before `end`), with the entry's bytes
/// found through its local header; and where the next entry starts.
fn read_entry(bytes: &[u8], at: usize, end: usize) -> Result<(Entry, usize), XlsxError> {
    let bad = |why: &str| damaged(DIRECTORY, why);
    if u32_at(bytes, at) != Some(CENTRAL_SIGNATURE) {
        return Err(bad("an entry is missing from it"));
    }
    let short = |field: usize| u16_at(bytes, at + field).ok_or_else(|| bad("an entry is cut off"));
    let long = |field: usize| u32_at(bytes, at + field).ok_or_else(|| bad("an entry is cut off"));
    let (flags, method) = (short(8)?, short(10)?);
    let (crc32, packed, size) = (long(16)?, long(20)?, long(24)?);
    let (name_len, extra_len, comment_len) = (short(28)?, short(30)?, short(32)?);
    let local_at = long(42)?;
    let name_start = at + 46;
    let next =
        name_start + usize::from(name_len) + usize::from(extra_len) + usize::from(comment_len);
    if next > end {
        return Err(bad("an entry is cut off"));
    }
    let name_bytes = bytes
        .get(name_start..name_start + usize::from(name_len))
        .ok_or_else(|| bad("an entry is cut off"))?;
    let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
    if packed == u32::MAX || size == u32::MAX || local_at == u32::MAX {
        return Err(XlsxError::Zip64);
    }
    if flags & 1 != 0 {
        return Err(XlsxError::OldOrProtected);
    }
    if u64::from(size) > MAX_PART_BYTES {
        return Err(XlsxError::PartTooLarge {
            part: name,
            bytes: u64::from(size),
        });
    }
    let deflated = match method {
        0 if packed == size => false,
        0 => return Err(damaged(&name, "its stored size does not match its size")),
        8 => true,
        _ => return Err(XlsxError::Compression { part: name, method }),
    };
    let local_at = local_at as usize;
    if u32_at(bytes, local_at) != Some(LOCAL_SIGNATURE) {
        return Err(damaged(&name, "its header is missing"));
    }
    let local_field = |field| u16_at(bytes, local_at + field).ok_or(XlsxError::Truncated);
    let data_start = local_at
        .saturating_add(30)
        .saturating_add(usize::from(local_field(26)?))
        .saturating_add(usize::from(local_field(28)?));
    let data = data_start..data_start.saturating_add(packed as usize);
    if data.end > bytes.len() {
        return Err(XlsxError::Truncated);
    }
    let entry = Entry {
        name,
        deflated,
        size: u64::from(size),
        crc32,
        data,
    };
    Ok((entry, next))
}

// ---------------------------------------------------------------------------------------------
// Reading: the XML

/// One sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRef {
    /// Its name on the tab.
    pub name: String,
    /// Its part in the zip: "xl/worksheets/sheet1.xml".
    pub path: String,
    /// Hidden from the tabs (Excel's "Hide" or "very hidden").
    pub hidden: bool,
}

/// What the workbook part and its relationships say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    /// The worksheets in tab order (chart sheets are not listed).
    pub sheets: Vec<SheetRef>,
    /// The shared strings part, if there is one.
    pub shared_strings: Option<String>,
    /// The styles part, if there is one.
    pub styles: Option<String>,
    /// Dates count from 1904-01-01 (old Mac workbooks) instead of 1900-01-01.
    pub date1904: bool,
}

impl Workbook {
    /// The sheet with this name (or, failing that, this name in any case); with no name, the
    /// first sheet not hidden (or the first sheet).
    pub fn sheet(&self, name: Option<&str>) -> Result<&SheetRef, XlsxError> {
        let found = match name {
            Some(name) => self
                .sheets
                .iter()
                .find(|sheet| sheet.name == name)
                .or_else(|| {
                    self.sheets
                        .iter()
                        .find(|sheet| same_name(&sheet.name, name))
                }),
            None => self
                .sheets
                .iter()
                .find(|sheet| !sheet.hidden)
                .or(self.sheets.first()),
        };
        found.ok_or_else(|| match name {
            Some(name) => XlsxError::NoSuchSheet {
                name: name.to_string(),
            },
            None => XlsxError::NoSheets,
        })
    }
}

const WORKBOOK_DESCRIPTION: &str = "the list of sheets";

/// Reads the workbook part ([`WORKBOOK_PART`]) and its relationships ([`WORKBOOK_RELS_PART`]):
/// the worksheets in tab order with the part each is in (targets resolved against `xl/`, or
/// from the root when they start with "/"), where the shared strings and styles are, and the date
/// system. A workbook with no worksheet is an error.
pub fn workbook(workbook_xml: &str, rels_xml: &str) -> Result<Workbook, XlsxError> {
    // (Id, the type's last word, the part)
    let mut relations: Vec<(String, String, String)> = Vec::new();
    each_element(rels_xml, "the workbook's relationships", |element, _| {
        if element.local_name().as_ref() == b"Relationship"
            && attribute(element, b"TargetMode").as_deref() != Some("External")
        {
            let kind = attribute(element, b"Type").unwrap_or_default();
            let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
            relations.push((
                attribute(element, b"Id").unwrap_or_default(),
                kind,
                resolve_target(&attribute(element, b"Target").unwrap_or_default()),
            ));
        }
        Ok(())
    })?;
    let find = |kind: &str| {
        relations
            .iter()
            .find(|(_, k, _)| k == kind)
            .map(|(_, _, path)| path.clone())
    };
    let mut book = Workbook {
        sheets: Vec::new(),
        shared_strings: find("sharedStrings"),
        styles: find("styles"),
        date1904: false,
    };
    each_element(workbook_xml, WORKBOOK_DESCRIPTION, |element, _| {
        match element.local_name().as_ref() {
            b"workbookPr" => {
                book.date1904 = matches!(
                    attribute(element, b"date1904").as_deref(),
                    Some("1" | "true")
                );
            }
            b"sheet" => {
                let name = attribute(element, b"name").unwrap_or_default();
                let id = attribute(element, b"id").unwrap_or_default();
                let Some((_, kind, path)) = relations.iter().find(|(i, _, _)| *i == id) else {
                    return Err(damaged(
                        WORKBOOK_DESCRIPTION,
                        format!("the sheet \u{2018}{name}\u{2019} has no part"),
                    ));
                };
                if kind == "worksheet" {
                    book.sheets.push(SheetRef {
                        name,
                        path: path.clone(),
                        hidden: matches!(
                            attribute(element, b"state").as_deref(),
                            Some("hidden" | "veryHidden")
                        ),
                    });
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    if book.sheets.is_empty() {
        return Err(XlsxError::NoSheets);
    }
    Ok(book)
}

/// Only the sheets of [`workbook`].
pub fn sheets(workbook_xml: &str, rels_xml: &str) -> Result<Vec<SheetRef>, XlsxError> {
    workbook(workbook_xml, rels_xml).map(|book| book.sheets)
}

/// A relationship's target as a part name: relative to `xl/`, or from the root after a "/";
/// "." and ".." steps resolved.
fn resolve_target(target: &str) -> String {
    let mut steps: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => vec!["xl"],
    };
    for step in target.split(['/', '\\']) {
        match step {
            "" | "." => {}
            ".." => {
                steps.pop();
            }
            step => steps.push(step),
        }
    }
    steps.join("/")
}

/// The shared strings part: every string in order, rich-text runs joined, phonetic guides left
/// out, Excel's `_x000D_` escapes decoded.
pub fn shared_strings(xml: &str) -> Result<Vec<String>, XlsxError> {
    const PART: &str = "the shared strings";
    let mut strings = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut text = TextCollector::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|_| xml_damaged(PART, &reader))?;
        match &event {
            Event::Start(e) if e.local_name().as_ref() == b"si" => text.start(),
            Event::End(e) if e.local_name().as_ref() == b"si" => {
                strings.push(decode_excel_escapes(text.take()));
            }
            Event::Empty(e) if e.local_name().as_ref() == b"si" => strings.push(String::new()),
            Event::Eof => break,
            _ => text.event(&event).map_err(|why| damaged(PART, why))?,
        }
    }
    Ok(strings)
}

/// Collects the text of `<t>` elements (not those in a phonetic guide, `<rPh>`) between
/// [`TextCollector::start`] and [`TextCollector::take`].
#[derive(Default)]
struct TextCollector {
    text: String,
    collecting: bool,
    in_t: bool,
    in_phonetic: usize,
}

impl TextCollector {
    fn start(&mut self) {
        self.text.clear();
        self.collecting = true;
        self.in_t = false;
        self.in_phonetic = 0;
    }

    fn take(&mut self) -> String {
        self.collecting = false;
        std::mem::take(&mut self.text)
    }

    fn event(&mut self, event: &Event<'_>) -> Result<(), String> {
        if !self.collecting {
            return Ok(());
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => self.in_t = self.in_phonetic == 0,
                b"rPh" => self.in_phonetic += 1,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => self.in_t = false,
                b"rPh" => self.in_phonetic = self.in_phonetic.saturating_sub(1),
                _ => {}
            },
            _ if self.in_t => push_text(&mut self.text, event)?,
            _ => {}
        }
        Ok(())
    }
}

const UNREADABLE_TEXT: &str = "its text could not be read";

/// Adds a text event's characters (an entity or character reference resolved) to `out`.
fn push_text(out: &mut String, event: &Event<'_>) -> Result<(), String> {
    match event {
        Event::Text(text) => {
            out.push_str(&text.xml10_content().map_err(|_| UNREADABLE_TEXT)?);
        }
        Event::CData(text) => out.push_str(&text.decode().map_err(|_| UNREADABLE_TEXT)?),
        Event::GeneralRef(reference) => {
            let unknown = || "it has a character reference that is not a character".to_string();
            if let Some(c) = reference.resolve_char_ref().map_err(|_| unknown())? {
                out.push(c);
            } else {
                let name = reference.decode().map_err(|_| UNREADABLE_TEXT)?;
                let resolved = quick_xml::escape::resolve_xml_entity(&name)
                    .ok_or_else(|| format!("it uses an unknown entity &{name};"))?;
                out.push_str(resolved);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The XML could not be read: where, not why (quick-xml's own wording means nothing to a user,
/// and formatting it costs wasm).
fn xml_damaged(part: &str, reader: &Reader<&[u8]>) -> XlsxError {
    damaged(
        part,
        format!(
            "its XML could not be read at byte {}",
            thousands(usize::try_from(reader.error_position()).unwrap_or(usize::MAX))
        ),
    )
}

/// Calls `on` with every start or empty element of `xml` (and whether it is empty).
fn each_element(
    xml: &str,
    part: &str,
    mut on: impl FnMut(&BytesStart<'_>, bool) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader
            .read_event()
            .map_err(|_| xml_damaged(part, &reader))?
        {
            Event::Start(element) => on(&element, false)?,
            Event::Empty(element) => on(&element, true)?,
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of an element's attribute (by its name without a prefix), unescaped.
fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// For each cell style (`cellXfs` in the styles part, by index): whether it shows a number as a
/// date or time. Built-in formats 14 to 22 and 45 to 47 are; a workbook's own format is when
/// its code has d, m, y, h or s outside quotes, brackets and escapes. A styles part that cannot
/// be read gives what was read before the fault (numbers then show as numbers, not dates).
pub fn date_styles(styles_xml: &str) -> Vec<bool> {
    let mut formats: Vec<(u32, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    let mut reader = Reader::from_str(styles_xml);
    loop {
        let (element, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == b"cellXfs" {
                    in_cell_xfs = false;
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        let number = |name: &[u8]| attribute(&element, name).and_then(|v| v.trim().parse().ok());
        match element.local_name().as_ref() {
            b"numFmt" => {
                if let Some(id) = number(b"numFmtId") {
                    let code = attribute(&element, b"formatCode").unwrap_or_default();
                    formats.push((id, is_date_code(&code)));
                }
            }
            b"cellXfs" => in_cell_xfs = !empty,
            b"xf" if in_cell_xfs => {
                let id: u32 = number(b"numFmtId").unwrap_or(0);
                let date = match formats.iter().find(|(f, _)| *f == id) {
                    Some(&(_, date)) => date,
                    None => matches!(id, 14..=22 | 45..=47),
                };
                styles.push(date);
            }
            _ => {}
        }
    }
    styles
}

/// Whether a number format code shows a date or time: d, m, y, h or s (any case) outside
/// quoted text, `[...]` (colours, locales, elapsed time) and escaped or padding characters.
fn is_date_code(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// A cell's type (its `t` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    FormulaText,
    Inline,
    Boolean,
    Error,
    Date,
}

/// The cell being read.
struct Reading {
    reference: String,
    row: usize,
    column: usize,
    kind: Kind,
    date: bool,
    value: String,
    in_v: bool,
    inline: TextCollector,
}

const SHEET: &str = "the sheet";

/// A worksheet part as rows of text, each cell where its reference puts it ("C5" is the third
/// cell of the fifth row). Cells with nothing in them are "", and rows with nothing in them are
/// kept, so row numbers match what Excel shows; rows are as long as their last filled cell.
///
/// Each cell's text is what Excel shows in the General format, never a formula: shared and
/// inline strings (Excel's `_x000D_` escapes decoded); TRUE and FALSE; errors such as "#N/A";
/// numbers to Excel's 15 significant figures ("0.3", not "0.30000000000000004"), with an
/// exponent from 1E+15 and below 1E-04, read as decimal text (never through floating point); numbers in a date style (see [`date_styles`]) as
/// YYYY-MM-DD (with " HH:MM" if they have a time, and only the time if they have no date), in
/// the 1900 date system with its 29 February 1900, or the 1904 one if `date1904`; and for a
/// formula, the value Excel last worked out (empty if it has none).
///
/// A filled cell beyond column [`MAX_COLUMNS`] or below [`MAX_ROWS`] rows of data (plus room for
/// titles) is an error, as are more than [`MAX_CELLS`] cells and a reference Excel could not make.
pub fn rows(
    sheet_xml: &str,
    shared: &[String],
    date_styles: &[bool],
    date1904: bool,
) -> Result<Vec<Vec<String>>, XlsxError> {
    rows_within(sheet_xml, shared, date_styles, date1904, MAX_CELLS)
}

/// [`rows`] with a limit on the cells other than [`MAX_CELLS`] (for the tests).
fn rows_within(
    sheet_xml: &str,
    shared: &[String],
    date_styles: &[bool],
    date1904: bool,
    max_cells: usize,
) -> Result<Vec<Vec<String>>, XlsxError> {
    let mut grid: Vec<Vec<String>> = Vec::new();
    let mut reader = Reader::from_str(sheet_xml);
    let (mut row, mut next_column) = (0usize, 1usize);
    let mut cell: Option<Reading> = None;
    let mut cells = (0usize, max_cells);
    loop {
        let event = reader
            .read_event()
            .map_err(|_| xml_damaged(SHEET, &reader))?;
        match &event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                row = match attribute(e, b"r") {
                    Some(r) => r
                        .trim()
                        .parse()
                        .ok()
                        .filter(|r| (1..=EXCEL_ROWS).contains(r))
                        .ok_or_else(|| {
                            damaged(SHEET, format!("a row is numbered \u{2018}{r}\u{2019}"))
                        })?,
                    None => row + 1,
                };
                next_column = 1;
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                let (cell_row, column) = match attribute(e, b"r") {
                    Some(r) => parse_reference(&r).ok_or_else(|| {
                        damaged(
                            SHEET,
                            format!("a cell has the reference \u{2018}{r}\u{2019}"),
                        )
                    })?,
                    None => (row.max(1), next_column),
                };
                next_column = column + 1;
                if matches!(event, Event::Empty(_)) {
                    continue;
                }
                let kind = match attribute(e, b"t").as_deref() {
                    Some("s") => Kind::Shared,
                    Some("str") => Kind::FormulaText,
                    Some("inlineStr") => Kind::Inline,
                    Some("b") => Kind::Boolean,
                    Some("e") => Kind::Error,
                    Some("d") => Kind::Date,
                    _ => Kind::Number,
                };
                let style: Option<usize> = attribute(e, b"s").and_then(|s| s.trim().parse().ok());
                let mut inline = TextCollector::default();
                inline.start();
                cell = Some(Reading {
                    reference: format!("{}{}", column_letters(column), cell_row),
                    row: cell_row,
                    column,
                    kind,
                    date: style.and_then(|s| date_styles.get(s)).copied() == Some(true),
                    value: String::new(),
                    in_v: false,
                    inline,
                });
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                if let Some(reading) = cell.take() {
                    place(&mut grid, &mut cells, reading, shared, date1904)?;
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"sheetData" => break,
            Event::Eof => break,
            _ => {
                let Some(reading) = cell.as_mut() else {
                    continue;
                };
                match &event {
                    Event::Start(e) if e.local_name().as_ref() == b"v" => reading.in_v = true,
                    Event::End(e) if e.local_name().as_ref() == b"v" => reading.in_v = false,
                    _ if reading.in_v => {
                        push_text(&mut reading.value, &event).map_err(|why| damaged(SHEET, why))?
                    }
                    _ => reading
                        .inline
                        .event(&event)
                        .map_err(|why| damaged(SHEET, why))?,
                }
            }
        }
    }
    Ok(grid)
}

/// "C5" as (row 5, column 3), within Excel's limits.
fn parse_reference(reference: &str) -> Option<(usize, usize)> {
    let reference = reference.trim();
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let column = letters.bytes().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row: usize = number.parse().ok()?;
    ((1..=EXCEL_ROWS).contains(&row) && (1..=EXCEL_COLUMNS).contains(&column))
        .then_some((row, column))
}

/// Puts a cell's text in the grid (nothing for an empty cell), after checking the limits.
fn place(
    grid: &mut Vec<Vec<String>>,
    (cells_in_grid, max_cells): &mut (usize, usize),
    reading: Reading,
    shared: &[String],
    date1904: bool,
) -> Result<(), XlsxError> {
    let Reading {
        reference,
        row,
        column,
        kind,
        date,
        value,
        inline,
        ..
    } = reading;
    let mut inline = inline;
    let text = match kind {
        Kind::Inline if value.is_empty() => decode_excel_escapes(inline.take()),
        Kind::Shared if !value.trim().is_empty() => {
            let index: Option<usize> = value.trim().parse().ok();
            let text = index.and_then(|i| shared.get(i)).ok_or_else(|| {
                damaged(
                    SHEET,
                    format!(
                        "cell {reference} uses shared text {}, but there are {}",
                        value.trim(),
                        thousands(shared.len())
                    ),
                )
            })?;
            text.clone()
        }
        Kind::Boolean => match value.trim() {
            "1" => "TRUE".to_string(),
            "0" => "FALSE".to_string(),
            other => other.to_string(),
        },
        Kind::Date => iso_date_time(&value),
        Kind::Number => match Decimal::parse(&value) {
            Some(number) => date
                .then(|| excel_date(&number, date1904))
                .flatten()
                .unwrap_or_else(|| number.general()),
            None => value.trim().to_string(),
        },
        Kind::Shared | Kind::Inline | Kind::FormulaText | Kind::Error => value,
    };
    if text.is_empty() {
        return Ok(());
    }
    if column > MAX_COLUMNS {
        return Err(XlsxError::TooManyColumns {
            cell: reference,
            column,
        });
    }
    if row > MAX_ROWS + TITLE_ROWS {
        return Err(XlsxError::TooManyRows);
    }
    if grid.len() < row {
        grid.resize_with(row, Vec::new);
    }
    let Some(cells) = grid.get_mut(row - 1) else {
        return Ok(());
    };
    if cells.len() < column {
        *cells_in_grid += column - cells.len();
        if *cells_in_grid > *max_cells {
            return Err(XlsxError::TooManyCells);
        }
        cells.resize_with(column, String::new);
    }
    if let Some(slot) = cells.get_mut(column - 1) {
        *slot = text;
    }
    Ok(())
}

/// A number from a cell's `<v>`, kept as decimal digits: reading one needs no floating point,
/// so no float noise and none of the standard library's float parsing in the wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decimal {
    negative: bool,
    /// Significant digits (0 to 9), without leading or trailing zeros; none for zero.
    digits: Vec<u8>,
    /// The number is 0.`digits` × 10^`point`.
    point: i32,
}

impl Decimal {
    /// "-1.5", "0.30000000000000004", "1E-09", "1e+20"; `None` for anything else.
    fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
            None => (rest, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return None;
        }
        let mut digits: Vec<u8> = whole
            .bytes()
            .chain(fraction.bytes())
            .map(|b| b - b'0')
            .collect();
        let mut point = i32::try_from(whole.len()).ok()?.checked_add(exponent)?;
        let leading = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..leading);
        point = point.checked_sub(i32::try_from(leading).ok()?)?;
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(Decimal {
            negative: negative && !digits.is_empty(),
            digits,
            point,
        })
    }

    /// Rounded (half away from zero) to at most this many significant digits.
    fn rounded(&self, significant: usize) -> Decimal {
        let mut digits: Vec<u8> = self.digits.iter().copied().take(significant).collect();
        let mut point = self.point;
        if self.digits.get(significant).is_some_and(|&d| d >= 5) {
            let mut carry = true;
            for digit in digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                digits.insert(0, 1);
                digits.pop();
                point = point.saturating_add(1);
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Decimal {
            negative: self.negative && !digits.is_empty(),
            digits,
            point,
        }
    }

    /// As Excel's General format shows it (in a wide enough column): 15 significant figures, so
    /// "0.30000000000000004" is "0.3"; an exponent from 1E+15 and below 1E-04 ("1E-05"). (The
    /// digits are rounded as written, which in rare cases differs in the last figure from
    /// rounding the binary number, as Excel does.)
    fn general(&self) -> String {
        let number = self.rounded(15);
        let digit = |d: &u8| char::from(b'0' + d);
        let mut out = String::from(if number.negative { "-" } else { "" });
        let Some(first) = number.digits.first() else {
            return "0".to_string();
        };
        let exponent = number.point.saturating_sub(1);
        if (-4..15).contains(&exponent) {
            if number.point <= 0 {
                out.push_str("0.");
                out.extend(std::iter::repeat_n(
                    '0',
                    number.point.unsigned_abs() as usize,
                ));
                out.extend(number.digits.iter().map(digit));
            } else {
                let point = number.point as usize;
                out.extend(number.digits.iter().take(point).map(digit));
                out.extend(std::iter::repeat_n(
                    '0',
                    point.saturating_sub(number.digits.len()),
                ));
                if number.digits.len() > point {
                    out.push('.');
                    out.extend(number.digits.iter().skip(point).map(digit));
                }
            }
            return out;
        }
        out.push(digit(first));
        if number.digits.len() > 1 {
            out.push('.');
            out.extend(number.digits.iter().skip(1).map(digit));
        }
        out.push_str(if exponent < 0 { "E-" } else { "E+" });
        let size = exponent.unsigned_abs();
        if size < 10 {
            out.push('0');
        }
        out.push_str(&size.to_string());
        out
    }

    /// The whole part and the rest of a number from 0 to under 10,000,000, the rest in seconds
    /// of a day (rounded, and possibly 86,400); `None` outside that range.
    fn day_and_seconds(&self) -> Option<(i64, i64)> {
        if self.negative || self.point > 7 {
            return None;
        }
        let point = usize::try_from(self.point).unwrap_or(0);
        let skipped = usize::try_from(-self.point).unwrap_or(0);
        let day = (0..point).fold(0i64, |day, i| {
            day * 10 + i64::from(self.digits.get(i).copied().unwrap_or(0))
        });
        // The fraction to 18 digits, as a whole number over 10^18.
        let fraction = (0..18usize).fold(0u128, |n, i| {
            let digit = i
                .checked_sub(skipped)
                .and_then(|i| self.digits.get(point + i));
            n * 10 + u128::from(digit.copied().unwrap_or(0))
        });
        let scale = 10u128.pow(18);
        let seconds = (fraction * 86_400 + scale / 2) / scale;
        Some((day, i64::try_from(seconds).unwrap_or(0)))
    }
}

/// Excel's last date, 9999-12-31, as a serial day number.
const LAST_SERIAL: i64 = 2_958_465;

/// A date-styled number as YYYY-MM-DD (" HH:MM" or " HH:MM:SS" after it if it has a time; only
/// the time when under 1), or `None` outside Excel's dates (negative, or after 9999-12-31).
fn excel_date(serial: &Decimal, date1904: bool) -> Option<String> {
    let (mut day, mut seconds) = serial.day_and_seconds()?;
    if seconds >= 86_400 {
        day += 1;
        seconds -= 86_400;
    }
    if day > LAST_SERIAL {
        return None;
    }
    let two = |n: i64| format!("{n:02}");
    let mut time = format!("{}:{}", two(seconds / 3600), two(seconds / 60 % 60));
    if seconds % 60 != 0 {
        time.push(':');
        time.push_str(&two(seconds % 60));
    }
    // Under 1 is a time of day, but for midnight on 1904-01-01 (serial 0 in the 1904 system).
    if day == 0 && (seconds > 0 || !date1904) {
        return Some(time);
    }
    let date = match (date1904, day) {
        (false, 60) => "1900-02-29".to_string(),
        // Days since 1970-01-01 of 1899-12-31 (before Excel's 29 February 1900), 1899-12-30
        // (after it) and 1904-01-01.
        (false, 1..=59) => civil_date(day - 25_568),
        (false, _) => civil_date(day - 25_569),
        (true, _) => civil_date(day - 24_107),
    };
    Some(if seconds == 0 {
        date
    } else {
        format!("{date} {time}")
    })
}

/// Days since 1970-01-01 as YYYY-MM-DD (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A `t="d"` cell's ISO 8601 text: the date alone at midnight, else the date and time.
fn iso_date_time(value: &str) -> String {
    let value = value.trim().trim_end_matches('Z');
    match value.split_once('T') {
        Some((date, time)) if time.trim_start_matches(['0', ':', '.']).is_empty() => {
            date.to_string()
        }
        Some((date, time)) => format!("{date} {}", time.get(..8).unwrap_or(time)),
        None => value.to_string(),
    }
}

/// Reads one sheet of a workbook in one call: [`open`], the workbook's parts as text (deflated
/// ones through `inflate`, given the raw bytes and the size they should unpack to), then the
/// chosen sheet (by name, or the first one not hidden) as [`rows`]. Returns every sheet's name,
/// in tab order, and the rows.
pub fn read_sheet_with(
    bytes: &[u8],
    sheet: Option<&str>,
    inflate: &mut Inflate<'_>,
) -> Result<(Vec<String>, Vec<Vec<String>>), XlsxError> {
    let archive = open(bytes)?;
    let mut text = |name: &str| -> Result<Option<String>, XlsxError> {
        archive
            .part(name)
            .map(|part| part.text_with(inflate))
            .transpose()
    };
    let book_xml = text(WORKBOOK_PART)?.ok_or(XlsxError::NotWorkbook)?;
    let rels_xml = text(WORKBOOK_RELS_PART)?.ok_or_else(|| {
        damaged(
            WORKBOOK_RELS_PART,
            "the part is missing, so the sheets cannot be found",
        )
    })?;
    let book = workbook(&book_xml, &rels_xml)?;
    let chosen = book.sheet(sheet)?;
    let shared = match &book.shared_strings {
        Some(path) => match text(path)? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let dates = match &book.styles {
        Some(path) => text(path)?.map(|xml| date_styles(&xml)).unwrap_or_default(),
        None => Vec::new(),
    };
    let sheet_xml =
        text(&chosen.path)?.ok_or_else(|| damaged(&chosen.path, "the sheet's part is missing"))?;
    let grid = rows(&sheet_xml, &shared, &dates, book.date1904)?;
    let names = book.sheets.iter().map(|s| s.name.clone()).collect();
    Ok((names, grid))
}

#[cfg(test)]
mod tests;
