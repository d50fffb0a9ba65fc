//! The workbook writer's and reader's tests. What we write is read back by calamine (an
//! independent reader); what we read comes from workbooks written by openpyxl and XlsxWriter
//! (`tests/fixtures/xlsx/`, made by `make_fixtures.py` there), inflated natively by miniz_oxide as
//! the browser's `DecompressionStream` would. Expected grids are worked out by hand from the
//! script, each test says how.

use super::*;
use crate::import::{read_grid, ImportError};
use proptest::prelude::*;
use std::io::Cursor;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../../tests/fixtures/xlsx/", $name)).as_slice()
    };
}

/// Raw deflate, as `DecompressionStream('deflate-raw')` gives it, stopping one byte past the
/// declared size.
fn inflate(raw: &[u8], size: u64) -> Result<Vec<u8>, String> {
    let limit = usize::try_from(size)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    miniz_oxide::inflate::decompress_to_vec_with_limit(raw, limit).map_err(|e| format!("{e:?}"))
}

fn read(bytes: &[u8], sheet: Option<&str>) -> Result<(Vec<String>, Vec<Vec<String>>), XlsxError> {
    read_sheet_with(bytes, sheet, &mut inflate)
}

fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

/// A sheet's XML with these cells (inside `<sheetData>`), for the pure steps.
fn sheet_xml(cells: &str) -> String {
    format!(r#"<worksheet xmlns="{MAIN_NS}"><sheetData>{cells}</sheetData></worksheet>"#)
}

fn rows_of(cells: &str) -> Result<Vec<Vec<String>>, XlsxError> {
    rows(&sheet_xml(cells), &[], &[], false)
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Text that must come back exactly as written, formula-like text among it.
const TEXTS: [&str; 13] = [
    "=1+1",
    "+44 20 7946 0000",
    "-3",
    "@x",
    "\tTab",
    "\rCR",
    "=HYPERLINK(\"http://example.com\",\"Click\")",
    "Zoë Ōkami 日本 🙂",
    "& < > \" '",
    "line one\nline two",
    "  spaces kept  ",
    "a = b",
    "0042",
];

/// Numbers that must come back exactly as written.
const NUMBERS: [f64; 9] = [
    0.1,
    1e-9,
    1e300,
    -2.5,
    123_456_789_012_345.0,
    0.30000000000000004,
    f64::MAX,
    f64::MIN_POSITIVE,
    42.0,
];

fn sample_sheets() -> Vec<Sheet> {
    let mut texts = vec![vec![text("Text"), text("Number")]];
    for (i, t) in TEXTS.iter().enumerate() {
        let number = NUMBERS.get(i).map_or(Cell::Empty, |&n| Cell::Number(n));
        texts.push(vec![text(t), number]);
    }
    texts.push(vec![
        Cell::Number(f64::NAN),
        Cell::Number(f64::INFINITY),
        Cell::Empty,
        text("after the gap"),
    ]);
    texts.push(vec![
        text("a\u{1}b\u{b}c\u{fffe}d"),
        Cell::Number(f64::NEG_INFINITY),
    ]);
    vec![
        Sheet {
            name: "Summary".into(),
            rows: texts,
        },
        Sheet {
            name: "2023/24 [draft]: *final?*".into(),
            rows: vec![vec![text("=SUM(A1:A2)"), Cell::Number(1.0)]],
        },
        Sheet {
            name: "history".into(),
            rows: Vec::new(),
        },
        Sheet {
            name: "  ".into(),
            rows: vec![vec![], vec![text("row two")]],
        },
        Sheet {
            name: "A very long sheet name that Excel would refuse".into(),
            rows: vec![vec![text("x")]],
        },
        Sheet {
            name: "SUMMARY".into(),
            rows: vec![vec![text("y")]],
        },
    ]
}

/// The names `sample_sheets` should get, by the rules in `sheet_names`' documentation.
const SAMPLE_NAMES: [&str; 6] = [
    "Summary",
    "2023-24 (draft)- final",
    "history (1)",
    "Sheet4",
    "A very long sheet name that Exc",
    "SUMMARY (2)",
];

#[test]
fn calamine_reads_every_value_as_written_and_no_formula() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = write_workbook(&sample_sheets());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("calamine opens it");
    assert_eq!(book.sheet_names(), SAMPLE_NAMES.map(String::from).to_vec());

    let range = book.worksheet_range("Summary").expect("the first sheet");
    let at = |row: u32, column: u32| range.get_value((row, column)).cloned();
    assert_eq!(at(0, 0), Some(Data::String("Text".into())));
    for (i, t) in TEXTS.iter().enumerate() {
        let row = i as u32 + 1;
        assert_eq!(at(row, 0), Some(Data::String(t.to_string())), "row {row}");
        if let Some(&n) = NUMBERS.get(i) {
            let read = match at(row, 1) {
                Some(Data::Float(f)) => f,
                Some(Data::Int(i)) => i as f64,
                other => panic!("row {row}: {other:?}"),
            };
            assert_eq!(read.to_bits(), n.to_bits(), "row {row}: {n:e}");
        }
    }
    // NaN and infinities are left empty; the gap stays a gap; forbidden characters are left out.
    let last = TEXTS.len() as u32 + 1;
    for column in 0..3 {
        assert!(
            matches!(at(last, column), None | Some(Data::Empty)),
            "column {column}"
        );
    }
    assert_eq!(at(last, 3), Some(Data::String("after the gap".into())));
    assert_eq!(at(last + 1, 0), Some(Data::String("abcd".into())));
    assert!(matches!(at(last + 1, 1), None | Some(Data::Empty)));

    for name in SAMPLE_NAMES {
        let formulas = book.worksheet_formula(name).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula"
        );
    }
    let second = book.worksheet_range(SAMPLE_NAMES[1]).unwrap();
    assert_eq!(
        second.get_value((0, 0)),
        Some(&Data::String("=SUM(A1:A2)".into()))
    );
}

/// The sheet's XML and the style of the cell with this reference, read from our own output.
fn style_of(bytes: &[u8], sheet: usize, reference: &str) -> usize {
    let archive = open(bytes).unwrap();
    let part = archive
        .part(&format!("xl/worksheets/sheet{sheet}.xml"))
        .unwrap();
    let xml = part.stored_text().unwrap().unwrap();
    let start = xml
        .find(&format!(r#"<c r="{reference}""#))
        .unwrap_or_else(|| panic!("no {reference}"));
    let cell = &xml[start..start + xml[start..].find('>').unwrap()];
    cell.split(" s=\"")
        .nth(1)
        .map_or(0, |rest| rest[..rest.find('"').unwrap()].parse().unwrap())
}

#[test]
fn formula_like_text_has_the_quote_prefix_and_the_first_row_is_bold() {
    let bytes = write_workbook(&sample_sheets());
    // Styles: 0 plain, 1 bold, 2 quote prefix, 3 bold with quote prefix.
    let xfs: Vec<&str> = STYLES_XML.split("<xf ").skip(2).collect();
    assert_eq!(xfs.len(), 4);
    assert!(!xfs[0].contains("quotePrefix") && !xfs[0].contains("fontId=\"1\""));
    assert!(xfs[1].contains("fontId=\"1\"") && !xfs[1].contains("quotePrefix"));
    assert!(xfs[2].contains("quotePrefix=\"1\"") && xfs[2].contains("fontId=\"0\""));
    assert!(xfs[3].contains("quotePrefix=\"1\"") && xfs[3].contains("fontId=\"1\""));
    assert!(STYLES_XML.contains("<font><b/>"));

    assert_eq!(style_of(&bytes, 1, "A1"), 1);
    assert_eq!(style_of(&bytes, 1, "B1"), 1);
    for (i, t) in TEXTS.iter().enumerate() {
        // Written out here rather than taken from `csv_out::FORMULA_STARTS`, so the test checks it.
        let expected = if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            2
        } else {
            0
        };
        assert_eq!(
            style_of(&bytes, 1, &format!("A{}", i + 2)),
            expected,
            "{t:?}"
        );
    }
    assert_eq!(style_of(&bytes, 1, "B2"), 0, "numbers are plain");
    assert_eq!(style_of(&bytes, 2, "A1"), 3, "a formula in the bold row");
    let xml = String::from_utf8_lossy(&bytes);
    assert!(!xml.contains("<f>"), "no formula is ever written");
    assert!(xml.contains("&#13;CR"), "a carriage return survives XML");
}

#[test]
fn the_same_sheets_give_the_same_bytes_with_fixed_timestamps() {
    let first = write_workbook(&sample_sheets());
    assert_eq!(first, write_workbook(&sample_sheets()));
    let archive = open(&first).unwrap();
    let names: Vec<&str> = archive.part_names().collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
            "xl/worksheets/sheet3.xml",
            "xl/worksheets/sheet4.xml",
            "xl/worksheets/sheet5.xml",
            "xl/worksheets/sheet6.xml",
        ]
    );
    // The first local header: stored (method 0), 00:00 on 1980-01-01.
    assert_eq!(&first[..4], b"PK\x03\x04");
    assert_eq!(u16_at(&first, 8), Some(0));
    assert_eq!(u16_at(&first, 10), Some(0));
    assert_eq!(u16_at(&first, 12), Some(0x21));
    for name in names {
        let part = archive.part(name).unwrap();
        assert!(!part.deflated);
        assert!(part.stored_text().unwrap().is_ok(), "{name}");
    }
}

#[test]
fn no_sheets_gives_one_empty_sheet() {
    let bytes = write_workbook(&[]);
    let (names, rows) = read(&bytes, None).unwrap();
    assert_eq!(names, ["Sheet1"]);
    assert!(rows.is_empty());
}

#[test]
fn sheet_names_are_made_valid() {
    assert_eq!(
        sheet_names(sample_sheets().iter().map(|s| s.name.as_str())),
        SAMPLE_NAMES
    );
    assert_eq!(
        sheet_names(["'Quoted'", "a\\b", "Data", "data", "DATA", "Data (2)"]),
        [
            "Quoted",
            "a-b",
            "Data",
            "data (2)",
            "DATA (3)",
            "Data (2) (2)"
        ]
    );
    // 31 UTF-16 units: an emoji counts as two, and is never split.
    let emoji = "🙂".repeat(20);
    assert_eq!(sheet_names([emoji.as_str()]), ["🙂".repeat(15)]);
    let long = "x".repeat(40);
    assert_eq!(
        sheet_names([long.as_str(), long.as_str()]),
        ["x".repeat(31), format!("{} (2)", "x".repeat(27))]
    );
    assert_eq!(sheet_names(["History"]), ["History (1)"]);
}

#[test]
fn our_own_reader_reads_back_what_we_write() {
    let bytes = write_workbook(&sample_sheets());
    // Our parts are stored: the inflater is never called.
    let mut never = |_: &[u8], _: u64| -> Result<Vec<u8>, String> { panic!("nothing is deflated") };
    let (names, rows) = read_sheet_with(&bytes, None, &mut never).unwrap();
    assert_eq!(names, SAMPLE_NAMES);
    // Numbers as Excel's General shows them (15 significant figures).
    let shown = [
        "0.1",
        "1E-09",
        "1E+300",
        "-2.5",
        "123456789012345",
        "0.3",
        "1.79769313486232E+308",
        "2.2250738585072E-308",
        "42",
    ];
    let mut expected = grid(&[&["Text", "Number"]]);
    for (i, t) in TEXTS.iter().enumerate() {
        let mut row = vec![t.to_string()];
        if let Some(n) = shown.get(i) {
            row.push(n.to_string());
        }
        expected.push(row);
    }
    expected.push(grid(&[&["", "", "", "after the gap"]]).remove(0));
    expected.push(vec!["abcd".into()]);
    assert_eq!(rows, expected);

    for (name, expected) in [
        (SAMPLE_NAMES[1], grid(&[&["=SUM(A1:A2)", "1"]])),
        ("HISTORY (1)", Vec::new()),
        ("Sheet4", grid(&[&[], &["row two"]])),
    ] {
        assert_eq!(read(&bytes, Some(name)).unwrap().1, expected, "{name}");
    }
}

#[test]
fn excel_escapes_in_text_are_kept_as_typed() {
    let typed = "_x0041_ and _x005F_ and _xZZZZ_";
    let bytes = write_workbook(&[Sheet {
        name: "S".into(),
        rows: vec![vec![text(typed)]],
    }]);
    assert_eq!(read(&bytes, None).unwrap().1, grid(&[&[typed]]));
    // As Excel writes a carriage return and an underscore in its shared strings.
    let xml = r#"<sst><si><t>one_x000D_
two _x005F_x0041_</t></si></sst>"#;
    assert_eq!(shared_strings(xml).unwrap(), ["one\r\ntwo _x0041_"]);
}

// ---------------------------------------------------------------------------------------------
// Reading workbooks other programs wrote

/// tests/fixtures/xlsx/make_fixtures.py, `staff()`: openpyxl writes every string inline, the
/// first date in its default custom format (yyyy-mm-dd), D6 as dd/mm/yyyy, D7 in Excel's built-in
/// format 14; D9 is a date and time (9:30); F10's cached value (123456789016.80000305…) was added
/// by the script. Row 2 and row 8 are blank, so they are empty rows here.
fn staff_grid() -> Vec<Vec<String>> {
    grid(&[
        &["Workforce race equity: staff in post"],
        &[],
        &[
            "Staff ID",
            "Ethnicity",
            "Band",
            "Start date",
            "Appraised",
            "Score",
            "Note",
        ],
        &[
            "S001",
            "White British",
            "Band 5",
            "2021-04-01",
            "TRUE",
            "0.3",
            "Zoë & <Ōkami>",
        ],
        &[
            "S002",
            "Black African",
            "Band 6",
            "2019-11-30",
            "FALSE",
            "7",
            "=1+1",
        ],
        &[
            "S003",
            "Not stated",
            "Band 5",
            "2000-02-29",
            "TRUE",
            "123456789012",
        ],
        &[
            "S004",
            "Prefer not to say",
            "Band 7",
            "1900-03-01",
            "FALSE",
            "1E-09",
            "line one\nline two",
        ],
        &[],
        &[
            "S005",
            "Indian",
            "Band 8a",
            "2022-07-15 09:30",
            "",
            "-2.5",
            "#N/A",
        ],
        &["Total", "", "", "", "", "123456789016.8"],
    ])
}

#[test]
fn an_openpyxl_workbook_reads_as_excel_shows_it() {
    let bytes = fixture!("staff-openpyxl.xlsx");
    let archive = open(bytes).unwrap();
    assert!(archive.part("xl/worksheets/sheet1.xml").unwrap().deflated);
    let (names, rows) = read(bytes, None).unwrap();
    assert_eq!(names, ["Staff list", "Census"]);
    assert_eq!(rows, staff_grid());
    let (_, census) = read(bytes, Some("census")).unwrap();
    assert_eq!(
        census,
        grid(&[
            &["Area", "Ethnic group", "Observation"],
            &["Leeds", "Asian, Asian British or Asian Welsh", "62745"],
            &[
                "Leeds",
                "White: English, Welsh, Scottish, Northern Irish or British",
                "624543"
            ],
        ])
    );
}

/// `recruitment()` in the script: XlsxWriter writes shared strings (A7 as two rich-text runs,
/// "A-" and an italic "105"), dates in dd/mm/yyyy (rows 3, 5, 7) and built-in format 14 (rows 4,
/// 6); A-104 applied on 1900-02-28, serial 59, the day before Excel's 29 February 1900. C7, D7,
/// G7 and E8 are formulas with the cached values the script gave.
#[test]
fn an_xlsxwriter_workbook_reads_as_excel_shows_it() {
    let bytes = fixture!("recruitment-xlsxwriter.xlsx");
    let (names, rows) = read(bytes, None).unwrap();
    assert_eq!(names, ["Shortlisting", "Codes"]);
    assert_eq!(
        rows,
        grid(&[
            &["Recruitment 2024: shortlisting by ethnic group"],
            &["Applicant", "Ethnicity", "Applied", "Shortlisted", "Score"],
            &["A-101", "White British", "2024-01-15", "Yes", "0.3"],
            &["A-102", "Not stated", "2024-02-29", "No", "12"],
            &["A-103", "Prefer not to say", "2024-03-01", "Yes", "1E+20"],
            &["A-104", "White British", "1900-02-28", "No", "-1.2345E-05"],
            &[
                "A-105",
                "Mixed: White and Asian",
                "2024-04-02",
                "Yes",
                "11",
                "TRUE",
                "#N/A"
            ],
            &["Total", "", "", "", "1E+20"],
        ])
    );
    let (_, codes) = read(bytes, Some("Codes")).unwrap();
    assert_eq!(
        codes,
        grid(&[
            &["Code", "Ethnic group"],
            &["A", "White British"],
            &["Z", "Not stated"]
        ])
    );
}

/// `mac_1904()`: serial 43890 in the 1904 system is 2024-03-01 (45352 in the 1900 system, less
/// the 1,462 days between the two), and serial 1 is 1904-01-02.
#[test]
fn a_1904_workbook_counts_its_dates_from_1904() {
    let (names, rows) = read(fixture!("dates-1904-openpyxl.xlsx"), None).unwrap();
    assert_eq!(names, ["Dates"]);
    assert_eq!(
        rows,
        grid(&[
            &["Event", "Date"],
            &["Start", "2024-03-01"],
            &["First day", "1904-01-02"]
        ])
    );
}

/// The steps an async caller in the browser takes, one by one, give what `read_sheet_with` gives.
#[test]
fn the_two_phase_steps_give_the_same_grid() {
    let bytes = fixture!("recruitment-xlsxwriter.xlsx");
    let archive = open(bytes).unwrap();
    let text_of = |name: &str| {
        let part = archive.part(name).unwrap();
        match part.stored_text() {
            Some(text) => text.unwrap(),
            None => {
                let inflated = inflate(part.raw, part.size).unwrap();
                check_inflated(&part, &inflated).unwrap()
            }
        }
    };
    let book = workbook(&text_of(WORKBOOK_PART), &text_of(WORKBOOK_RELS_PART)).unwrap();
    assert_eq!(
        book.sheets,
        [
            SheetRef {
                name: "Shortlisting".into(),
                path: "xl/worksheets/sheet1.xml".into(),
                hidden: false
            },
            SheetRef {
                name: "Codes".into(),
                path: "xl/worksheets/sheet2.xml".into(),
                hidden: false
            },
        ]
    );
    assert_eq!(book.shared_strings.as_deref(), Some("xl/sharedStrings.xml"));
    assert_eq!(book.styles.as_deref(), Some("xl/styles.xml"));
    assert!(!book.date1904);
    let shared = shared_strings(&text_of("xl/sharedStrings.xml")).unwrap();
    assert_eq!(shared.len(), 22);
    assert_eq!(shared[15], "A-105");
    let dates = date_styles(&text_of("xl/styles.xml"));
    assert_eq!(dates, [false, false, false, true, true]);
    let rows = rows(
        &text_of(&book.sheets[0].path),
        &shared,
        &dates,
        book.date1904,
    )
    .unwrap();
    assert_eq!(rows, read(bytes, None).unwrap().1);
    // openpyxl's relationships point from the root ("/xl/worksheets/sheet1.xml").
    let staff = open(fixture!("staff-openpyxl.xlsx")).unwrap();
    let part = |name: &str| {
        let part = staff.part(name).unwrap();
        check_inflated(&part, &inflate(part.raw, part.size).unwrap()).unwrap()
    };
    let sheets = sheets(&part(WORKBOOK_PART), &part(WORKBOOK_RELS_PART)).unwrap();
    assert_eq!(sheets[1].path, "xl/worksheets/sheet2.xml");
}

/// The grid goes to the importer as a table, title and totals rows set aside as for CSV.
#[test]
fn a_sheet_becomes_a_table_as_a_csv_file_would() {
    let table = read_grid(&staff_grid()).unwrap();
    assert_eq!(table.delimiter, 0);
    assert_eq!(table.delimiter_label(), "the workbook\u{2019}s cells");
    assert_eq!(
        table.headers,
        [
            "Staff ID",
            "Ethnicity",
            "Band",
            "Start date",
            "Appraised",
            "Score",
            "Note"
        ]
    );
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5, 6, 7, 9]);
    let skipped: Vec<(usize, &str)> = table
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, "A title above the column names: not read as data."),
            (
                10,
                "A totals row: left out, as the planner adds up the rows itself."
            ),
        ]
    );
    let third = &table.rows[2];
    assert_eq!(third.len(), 7, "a short row is padded");
    assert_eq!(
        third.cells().collect::<Vec<_>>()[..2],
        ["S003", "Not stated"]
    );
    assert_eq!(third.cell(6), "");
    assert_eq!(table.rows[1].cell(6), "=1+1", "kept as text");

    // The same rows as CSV text give the same table (but for the delimiter).
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in staff_grid() {
        writer.write_record(&row).unwrap();
    }
    let csv = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let from_csv = crate::import::read_table(&csv).unwrap();
    assert_eq!(from_csv.headers, table.headers);
    assert_eq!(from_csv.rows, table.rows);
    assert_eq!(from_csv.skipped, table.skipped);
}

#[test]
fn a_grid_with_cells_beyond_the_names_repeats_or_nothing_says_so() {
    let table = read_grid(&grid(&[
        &["Name", " Ethnicity ", ""],
        &["Al", "White British"],
        &["Name", "Ethnicity"],
        &["Bo", "Indian", "", "stray"],
        &["  ", ""],
        &["Grand total:", "2"],
    ]))
    .unwrap();
    assert_eq!(table.headers, ["Name", "Ethnicity"]);
    assert_eq!(table.rows.len(), 1);
    let skipped: Vec<(usize, &str)> = table
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (3, "The column names again: left out."),
            (
                4,
                "This row has 4 cells but there are 2 named columns: left out. Give the column a \
                 name in the row of column names, or clear the cells beyond it."
            ),
            (
                6,
                "A totals row: left out, as the planner adds up the rows itself."
            ),
        ]
    );
    assert_eq!(read_grid(&[]), Err(ImportError::NoHeader));
    assert_eq!(read_grid(&grid(&[&["a", "b"]])), Err(ImportError::NoRows));
    let wide = vec![vec!["x".to_string(); MAX_COLUMNS + 1]];
    assert_eq!(
        read_grid(&wide),
        Err(ImportError::TooManyColumns {
            columns: MAX_COLUMNS + 1
        })
    );
}

// ---------------------------------------------------------------------------------------------
// The pure steps, by hand-written XML

#[test]
fn cells_go_where_their_references_put_them() {
    let rows = rows_of(concat!(
        r#"<row r="2"><c r="C2" t="inlineStr"><is><t>c2</t></is></c><c r="A2"><v>1</v></c></row>"#,
        r#"<row r="5" spans="1:3"><c r="B5" s="0"/><c r="C5" t="str"><f>"x"</f><v>x</v></c></row>"#,
        r#"<row><c t="b"><v>0</v></c><c t="e"><v>#DIV/0!</v></c><c><f>A1</f></c><c><v>3</v></c></row>"#,
    ))
    .unwrap();
    assert_eq!(
        rows,
        grid(&[
            &[],
            &["1", "", "c2"],
            &[],
            &[],
            &["", "", "x"],
            &["FALSE", "#DIV/0!", "", "3"],
        ])
    );
}

#[test]
fn numbers_show_as_excel_general_shows_them() {
    for (v, shown) in [
        ("0.30000000000000004", "0.3"),
        ("0.1", "0.1"),
        ("1", "1"),
        ("-0", "0"),
        ("1.0E+2", "100"),
        ("2.5e-3", "0.0025"),
        ("0.0001", "0.0001"),
        ("0.00001", "1E-05"),
        ("123456789012345", "123456789012345"),
        ("1234567890123456", "1.23456789012346E+15"),
        ("9.99999999999999E+307", "9.99999999999999E+307"),
        ("1e-300", "1E-300"),
        ("  7  ", "7"),
        ("not a number", "not a number"),
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("9.9999999999999999", "10"),
        ("999999999999999.5", "1E+15"),
        ("-0.000049999999999999996", "-5E-05"),
        ("+3", "3"),
        (".5", "0.5"),
        ("5.", "5"),
        ("0.000", "0"),
        ("1e99999999999", "1e99999999999"),
        ("1.2.3", "1.2.3"),
        ("12345678901234567890", "1.23456789012346E+19"),
        // Exponents at the ends of i32: no overflow (the first is out by one, saturated).
        ("0.1e-2147483648", "1E-2147483648"),
        ("0.1e-2147483647", "1E-2147483648"),
        ("1e2147483646", "1E+2147483646"),
        ("1e2147483647", "1e2147483647"),
        ("1e2147483648", "1e2147483648"),
    ] {
        let rows = rows_of(&format!("<row><c><v>{v}</v></c></row>")).unwrap();
        assert_eq!(rows, grid(&[&[shown]]), "{v}");
    }
}

#[test]
fn dates_follow_the_cell_style_and_the_date_system() {
    let styles = r##"<styleSheet><numFmts count="3">
        <numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>
        <numFmt numFmtId="165" formatCode="#,##0.00 &quot;days&quot;"/>
        <numFmt numFmtId="14" formatCode="0.00"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>
        <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>
        <xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="46"/></cellXfs></styleSheet>"##;
    let dates = date_styles(styles);
    // A format redefining built-in 14 as a number is not a date; cellStyleXfs do not count.
    assert_eq!(dates, [false, true, false, false, true, true]);
    let cell = |serial: &str, style: usize, date1904: bool| {
        let xml = sheet_xml(&format!(r#"<row><c s="{style}"><v>{serial}</v></c></row>"#));
        rows(&xml, &[], &dates, date1904).unwrap()[0][0].clone()
    };
    for (serial, shown) in [
        ("1", "1900-01-01"),
        ("59", "1900-02-28"),
        ("60", "1900-02-29"),
        ("61", "1900-03-01"),
        ("45292", "2024-01-01"),
        ("45292.75", "2024-01-01 18:00"),
        ("45292.99999999", "2024-01-02"),
        ("0.5", "12:00"),
        ("0.500011574074074", "12:00:01"),
        ("2958465", "9999-12-31"),
        ("2958466", "2958466"),
        ("-1", "-1"),
    ] {
        assert_eq!(cell(serial, 1, false), shown, "{serial}");
    }
    assert_eq!(cell("0", 4, true), "1904-01-01");
    assert_eq!(cell("43890", 4, true), "2024-03-01");
    assert_eq!(
        cell("45292", 2, false),
        "45292",
        "quoted \"days\" is not a date"
    );
    assert_eq!(cell("45292", 0, false), "45292");
    assert_eq!(
        cell("45292", 99, false),
        "45292",
        "a style that is not there"
    );
    // Cells that say they are dates.
    assert_eq!(
        rows_of(r#"<row><c t="d"><v>2024-05-06T00:00:00Z</v></c><c t="d"><v>2024-05-06T13:45:10.5</v></c></row>"#)
            .unwrap(),
        grid(&[&["2024-05-06", "2024-05-06 13:45:10"]])
    );
    assert!(date_styles("<not xml").is_empty());
}

#[test]
fn date_codes_are_told_from_number_codes() {
    for code in [
        "yyyy-mm-dd",
        "d mmm",
        "h:mm AM/PM",
        "[$-F800]dddd, mmmm dd, yyyy",
        "mm:ss",
        "[Red]dd/mm/yy",
    ] {
        assert!(is_date_code(code), "{code}");
    }
    for code in [
        "General",
        "0.00",
        "#,##0_);[Red](#,##0)",
        "0 \"days\"",
        "0\\d",
        "[h]",
        "0.00E+00",
        "@",
        "_-* #,##0_-",
    ] {
        assert!(!is_date_code(code), "{code}");
    }
}

#[test]
fn shared_strings_join_runs_and_leave_out_phonetic_guides() {
    let xml = r#"<?xml version="1.0"?><sst xmlns="x" count="4">
        <si><t xml:space="preserve"> plain &amp; simple </t></si>
        <si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> then not</t></r></si>
        <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
        <si/><si><t/></si><si><t><![CDATA[<raw>]]>&#x263A;&#65;</t></si></sst>"#;
    assert_eq!(
        shared_strings(xml).unwrap(),
        [
            " plain & simple ",
            "Bold then not",
            "東京",
            "",
            "",
            "<raw>☺A"
        ]
    );
    assert!(matches!(
        shared_strings("<sst><si><t>a</si></sst>"),
        Err(XlsxError::Damaged { .. })
    ));
    assert!(matches!(
        shared_strings("<sst><si><t>&nbsp;</t></si></sst>"),
        Err(XlsxError::Damaged { why, .. }) if why.contains("&nbsp;")
    ));
}

#[test]
fn shared_text_is_looked_up_and_a_missing_one_is_damage() {
    let shared = vec!["Alpha".to_string(), "Beta".to_string()];
    let xml =
        sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>"#);
    assert_eq!(
        rows(&xml, &shared, &[], false).unwrap(),
        grid(&[&["Beta", "Alpha"]])
    );
    let bad = sheet_xml(r#"<row r="1"><c r="D3" t="s"><v>2</v></c></row>"#);
    assert_eq!(
        rows(&bad, &shared, &[], false),
        Err(XlsxError::Damaged {
            part: "the sheet".into(),
            why: "cell D3 uses shared text 2, but there are 2".into()
        })
    );
}

#[test]
fn the_workbook_lists_worksheets_in_tab_order_with_their_parts() {
    let book = r#"<workbook xmlns:r="r"><workbookPr date1904="true"/><sheets>
        <sheet name="Chart" sheetId="3" r:id="rId3"/>
        <sheet name="A &amp; B" sheetId="1" r:id="rId1" state="hidden"/>
        <sheet name="Second" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
    let rels = r#"<Relationships>
        <Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/../worksheets/./s1.xml"/>
        <Relationship Id="rId2" Type="http://x/worksheet" Target="/xl/worksheets/s2.xml"/>
        <Relationship Id="rId3" Type="http://x/chartsheet" Target="chartsheets/c.xml"/>
        <Relationship Id="rId4" Type="http://x/sharedStrings" Target="strings.xml"/>
        <Relationship Id="rId5" Type="http://x/hyperlink" Target="http://example.com" TargetMode="External"/>
        </Relationships>"#;
    let parsed = workbook(book, rels).unwrap();
    assert!(parsed.date1904);
    assert_eq!(parsed.shared_strings.as_deref(), Some("xl/strings.xml"));
    assert_eq!(parsed.styles, None);
    assert_eq!(
        parsed.sheets,
        [
            SheetRef {
                name: "A & B".into(),
                path: "xl/worksheets/s1.xml".into(),
                hidden: true
            },
            SheetRef {
                name: "Second".into(),
                path: "xl/worksheets/s2.xml".into(),
                hidden: false
            },
        ]
    );
    assert_eq!(
        parsed.sheet(None).unwrap().name,
        "Second",
        "the first not hidden"
    );
    assert_eq!(parsed.sheet(Some("a & b")).unwrap().name, "A & B");
    assert_eq!(
        parsed.sheet(Some("Third")),
        Err(XlsxError::NoSuchSheet {
            name: "Third".into()
        })
    );
    assert_eq!(
        workbook("<workbook/>", "<Relationships/>"),
        Err(XlsxError::NoSheets)
    );
    assert!(matches!(
        workbook(r#"<workbook><sheets><sheet name="X" r:id="rId9"/></sheets></workbook>"#, rels),
        Err(XlsxError::Damaged { why, .. }) if why.contains("‘X’")
    ));
    assert_eq!(resolve_target("../../../x.xml"), "x.xml");
    assert_eq!(
        resolve_target("worksheets\\sheet1.xml"),
        "xl/worksheets/sheet1.xml"
    );
}

#[test]
fn references_and_column_letters() {
    for (reference, expected) in [
        ("A1", Some((1, 1))),
        ("c5", Some((5, 3))),
        ("Z9", Some((9, 26))),
        ("AA10", Some((10, 27))),
        ("XFD1048576", Some((1_048_576, 16_384))),
        ("XFE1", None),
        ("A1048577", None),
        ("A0", None),
        ("1A", None),
        ("AAAA1", None),
        ("A", None),
        ("", None),
        ("A1B", None),
        ("Ä1", None),
    ] {
        assert_eq!(parse_reference(reference), expected, "{reference}");
    }
    for (column, letters) in [
        (1, "A"),
        (26, "Z"),
        (27, "AA"),
        (52, "AZ"),
        (201, "GS"),
        (16_384, "XFD"),
    ] {
        assert_eq!(column_letters(column), letters);
        assert_eq!(parse_reference(&format!("{letters}1")), Some((1, column)));
    }
}

// ---------------------------------------------------------------------------------------------
// Limits and hostile files

#[test]
fn a_thousand_columns_give_the_specific_message() {
    let row: Vec<Cell> = (0..1000).map(|i| Cell::Number(i as f64)).collect();
    let bytes = write_workbook(&[Sheet {
        name: "Wide".into(),
        rows: vec![row],
    }]);
    let error = read(&bytes, None).unwrap_err();
    assert_eq!(
        error,
        XlsxError::TooManyColumns {
            cell: "GS1".into(),
            column: 201
        }
    );
    assert_eq!(
        error.message(),
        "Cell GS1 is in column 201; the planner reads up to 200 columns. Delete the columns you \
         do not need (or copy the ones you want to a new sheet), save the workbook, and choose it \
         again."
    );
    // Empty cells far out (Excel writes styled ones) are no trouble.
    assert_eq!(
        rows_of(
            r#"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/><c r="XFC1" t="s"></c></row>"#
        )
        .unwrap(),
        grid(&[&["1"]])
    );
}

#[test]
fn rows_and_cells_beyond_the_limits_are_refused() {
    let far = MAX_ROWS + TITLE_ROWS + 1;
    assert_eq!(
        rows_of(&format!(
            r#"<row r="{far}"><c r="A{far}"><v>1</v></c></row>"#
        )),
        Err(XlsxError::TooManyRows)
    );
    // Empty rows far down (Excel writes formatted ones) add nothing.
    assert_eq!(
        rows_of(r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" ht="20"/>"#).unwrap(),
        grid(&[&["1"]])
    );
    assert!(matches!(
        rows_of(r#"<row r="1"><c r="A2000000"><v>1</v></c></row>"#),
        Err(XlsxError::Damaged { why, .. }) if why.contains("A2000000")
    ));
    assert!(matches!(
        rows_of(r#"<row r="0"><c><v>1</v></c></row>"#),
        Err(XlsxError::Damaged { .. })
    ));
    let xml = sheet_xml(
        r#"<row r="1"><c r="E1"><v>1</v></c></row><row r="2"><c r="E2"><v>1</v></c></row>"#,
    );
    assert_eq!(rows_within(&xml, &[], &[], false, 10).unwrap().len(), 2);
    assert_eq!(
        rows_within(&xml, &[], &[], false, 9),
        Err(XlsxError::TooManyCells)
    );
}

/// Our own small workbook, to cut and doctor.
fn small_workbook() -> Vec<u8> {
    write_workbook(&[Sheet {
        name: "People".into(),
        rows: vec![
            vec![text("Name"), text("Ethnicity")],
            vec![text("Al"), text("White British")],
        ],
    }])
}

/// Where the central directory entry of this part starts.
fn directory_entry(bytes: &[u8], name: &str) -> usize {
    let end = find_end(bytes).unwrap();
    let mut at = u32_at(bytes, end + 16).unwrap() as usize;
    loop {
        let len = usize::from(u16_at(bytes, at + 28).unwrap());
        if &bytes[at + 46..at + 46 + len] == name.as_bytes() {
            return at;
        }
        at += 46 + len;
    }
}

const SHEET_PART: &str = "xl/worksheets/sheet1.xml";

#[test]
fn empty_random_and_ole_files_are_refused_with_what_to_do() {
    assert_eq!(open(&[]).unwrap_err(), XlsxError::Empty);
    let random: Vec<u8> = (0u32..5000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert_eq!(open(&random).unwrap_err(), XlsxError::NotZip);
    assert_eq!(
        open(b"Name,Ethnicity\nAl,White British\n").unwrap_err(),
        XlsxError::NotZip
    );
    let mut ole = OLE.to_vec();
    ole.resize(4096, 0);
    assert_eq!(open(&ole).unwrap_err(), XlsxError::OldOrProtected);
    assert!(XlsxError::OldOrProtected
        .message()
        .contains("save it as .xlsx without a password, or as CSV UTF-8"));
    // A zip with no workbook in it: an OpenDocument spreadsheet, say.
    let mut zip = ZipWriter::default();
    zip.add(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    zip.add("content.xml", b"<office:document-content/>");
    let ods = zip.finish();
    assert_eq!(read(&ods, None).unwrap_err(), XlsxError::NotWorkbook);
    // An empty zip.
    assert_eq!(
        read(&ZipWriter::default().finish(), None).unwrap_err(),
        XlsxError::NotWorkbook
    );
}

#[test]
fn a_file_cut_short_anywhere_is_truncated() {
    for bytes in [
        small_workbook(),
        fixture!("recruitment-xlsxwriter.xlsx").to_vec(),
    ] {
        assert!(read(&bytes, None).is_ok());
        for len in 1..bytes.len() {
            assert_eq!(
                open(&bytes[..len]).map(|_| ()),
                Err(XlsxError::Truncated),
                "cut at {len}"
            );
        }
    }
}

#[test]
fn a_part_that_says_it_is_huge_is_refused_before_inflating() {
    let mut bytes = small_workbook();
    let entry = directory_entry(&bytes, SHEET_PART);
    bytes[entry + 24..entry + 28].copy_from_slice(&(300u32 << 20).to_le_bytes());
    assert_eq!(
        open(&bytes).unwrap_err(),
        XlsxError::PartTooLarge {
            part: SHEET_PART.into(),
            bytes: 300 << 20
        }
    );
    assert!(XlsxError::PartTooLarge {
        part: SHEET_PART.into(),
        bytes: 300 << 20
    }
    .message()
    .contains("unpacks to 300 MB; the planner reads parts up to 200 MB"));
}

#[test]
fn a_checksum_or_size_that_does_not_match_is_damage() {
    let mut bytes = small_workbook();
    let at = bytes
        .windows(5)
        .position(|w| w == b"Al</t")
        .expect("the cell in the sheet");
    bytes[at] = b'B';
    let error = read(&bytes, None).unwrap_err();
    assert_eq!(
        error,
        XlsxError::Damaged {
            part: SHEET_PART.into(),
            why: "its checksum does not match".into()
        }
    );
    assert!(error.message().starts_with(
        "The workbook is damaged (xl/worksheets/sheet1.xml: its checksum does not match). Open it \
         in Excel, save it again"
    ));

    let archive = open(fixture!("staff-openpyxl.xlsx")).unwrap();
    let part = archive.part(SHEET_PART).unwrap();
    let inflated = inflate(part.raw, part.size).unwrap();
    assert!(matches!(
        check_inflated(&part, &inflated[1..]),
        Err(XlsxError::Damaged { why, .. }) if why.contains("not the 2,720 the zip says")
    ));
    let not_utf8 = [0xFFu8, 0xFE, 0x00];
    let fake = Part {
        size: 3,
        crc32: crc32fast::hash(&not_utf8),
        ..part
    };
    assert!(matches!(
        check_inflated(&fake, &not_utf8),
        Err(XlsxError::Damaged { why, .. }) if why == "it is not UTF-8 text"
    ));
    let mut failing = |_: &[u8], _: u64| -> Result<Vec<u8>, String> { Err("invalid data.".into()) };
    assert!(matches!(
        read_sheet_with(fixture!("staff-openpyxl.xlsx"), None, &mut failing),
        Err(XlsxError::Damaged { why, .. }) if why == "it could not be unpacked (invalid data)"
    ));
}

#[test]
fn other_compressions_encryption_zip64_and_too_many_parts_are_refused() {
    let doctored = |field: usize, value: &[u8]| {
        let mut bytes = small_workbook();
        let entry = directory_entry(&bytes, SHEET_PART);
        bytes[entry + field..entry + field + value.len()].copy_from_slice(value);
        open(&bytes).map(|_| ())
    };
    assert_eq!(
        doctored(10, &12u16.to_le_bytes()),
        Err(XlsxError::Compression {
            part: SHEET_PART.into(),
            method: 12
        })
    );
    assert_eq!(
        doctored(8, &1u16.to_le_bytes()),
        Err(XlsxError::OldOrProtected)
    );
    assert_eq!(doctored(42, &u32::MAX.to_le_bytes()), Err(XlsxError::Zip64));
    assert!(matches!(
        doctored(42, &7u32.to_le_bytes()),
        Err(XlsxError::Damaged { why, .. }) if why == "its header is missing"
    ));
    assert!(matches!(
        doctored(0, b"XX"),
        Err(XlsxError::Damaged { why, .. }) if why == "an entry is missing from it"
    ));

    let end_field = |field: usize, value: &[u8]| {
        let mut bytes = small_workbook();
        let end = find_end(&bytes).unwrap();
        bytes[end + field..end + field + value.len()].copy_from_slice(value);
        open(&bytes).map(|_| ())
    };
    assert_eq!(
        end_field(10, &10_001u16.to_le_bytes()),
        Err(XlsxError::TooManyParts { parts: 10_001 })
    );
    assert_eq!(
        end_field(16, &u32::MAX.to_le_bytes()),
        Err(XlsxError::Zip64)
    );
    assert!(matches!(
        end_field(12, &1_000_000u32.to_le_bytes()),
        Err(XlsxError::Damaged { why, .. }) if why == "it points beyond the end of the file"
    ));
    // A zip64 locator just before the end record.
    let mut bytes = small_workbook();
    let end = find_end(&bytes).unwrap();
    let mut zip64 = bytes[..end].to_vec();
    zip64.extend_from_slice(&ZIP64_LOCATOR_SIGNATURE.to_le_bytes());
    zip64.extend_from_slice(&[0; 16]);
    zip64.extend_from_slice(&bytes[end..]);
    assert_eq!(open(&zip64).map(|_| ()), Err(XlsxError::Zip64));
    // A comment after the end record is allowed.
    bytes.truncate(bytes.len() - 2);
    bytes.extend_from_slice(&5u16.to_le_bytes());
    bytes.extend_from_slice(b"hello");
    assert!(read(&bytes, None).is_ok());
}

#[test]
fn every_error_says_what_to_do() {
    let errors = [
        XlsxError::Empty,
        XlsxError::NotZip,
        XlsxError::OldOrProtected,
        XlsxError::NotWorkbook,
        XlsxError::Truncated,
        XlsxError::Zip64,
        XlsxError::TooManyParts { parts: 20_000 },
        XlsxError::PartTooLarge {
            part: SHEET_PART.into(),
            bytes: 1 << 30,
        },
        XlsxError::Compression {
            part: SHEET_PART.into(),
            method: 14,
        },
        XlsxError::Damaged {
            part: SHEET_PART.into(),
            why: "its checksum does not match".into(),
        },
        XlsxError::NoSheets,
        XlsxError::NoSuchSheet { name: "Q1".into() },
        XlsxError::TooManyColumns {
            cell: "GS1".into(),
            column: 201,
        },
        XlsxError::TooManyRows,
        XlsxError::TooManyCells,
    ];
    let actions = [
        "Check", "Choose", "Save", "save", "Split", "Copy", "Delete", "Download", "Open",
    ];
    for error in errors {
        let message = error.message();
        assert!(
            actions.iter().any(|a| message.contains(a)),
            "{error:?}: {message}"
        );
        assert_eq!(error.to_string(), message);
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains("  "), "{message}");
    }
    assert_eq!(
        XlsxError::TooManyRows.message(),
        "The sheet has more than 1,000,000 rows; the planner reads up to 1,000,000. Split it into \
         smaller files (by year or by team, for example) and import each one."
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Every pure step on any text: none may panic.
fn run_all_text(text: &str) {
    let _ = shared_strings(text);
    let _ = date_styles(text);
    let _ = workbook(text, text);
    let _ = rows(text, &["a".to_string()], &[true, false], false);
    let _ = rows(text, &[], &[], true);
    let _ = decode_excel_escapes(text.to_string());
    let _ = is_date_code(text);
    let _ = parse_reference(text);
    let _ = resolve_target(text);
}

/// XML-ish fragments for the property tests to shuffle.
const FRAGMENTS: &[&str] = &[
    "<row>",
    "</row>",
    r#"<row r="3">"#,
    "<c>",
    r#"<c r="B2" t="s">"#,
    r#"<c t="inlineStr">"#,
    r#"<c s="1" t="b">"#,
    r#"<c r="ZZZ9">"#,
    "</c>",
    "<v>",
    "</v>",
    "<is><t>",
    "</t></is>",
    "0",
    "1",
    "45292.5",
    "&amp;",
    "&#0;",
    "_x0041_",
    "<f>SUM(A1)</f>",
    "<sheetData>",
    "</sheetData>",
    "<rPh>",
    "</rPh>",
];

#[test]
fn the_checksum_is_crc32_as_zip_uses_it() {
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_checksum_agrees_with_crc32fast(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert_eq!(crc32(&bytes), crc32fast::hash(&bytes));
    }

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..800)) {
        let _ = open(&bytes);
        let _ = read(&bytes, None);
        run_all_text(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn any_bytes_after_a_zip_signature_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..800),
        end_at in 0usize..800,
    ) {
        // Random bytes with a zip's start and an end record somewhere in them.
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let at = end_at.min(zip.len());
        zip.splice(at..at, END_SIGNATURE.to_le_bytes());
        let _ = read(&zip, None);
    }

    #[test]
    fn a_doctored_workbook_never_panics(
        changes in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
    ) {
        for original in [small_workbook(), fixture!("staff-openpyxl.xlsx").to_vec()] {
            let mut bytes = original;
            for &(at, byte) in &changes {
                let len = bytes.len();
                bytes[at % len] = byte;
            }
            let _ = read(&bytes, None);
        }
    }

    #[test]
    fn any_number_text_never_panics(text in "[-+]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][-+]?[0-9]{1,11})?") {
        if let Some(number) = Decimal::parse(&text) {
            let shown = number.general();
            prop_assert!(!shown.is_empty());
            let _ = excel_date(&number, false);
            let _ = excel_date(&number, true);
        }
    }

    #[test]
    fn sheet_like_xml_never_panics(
        fragments in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60),
    ) {
        let xml: String = fragments.concat();
        run_all_text(&xml);
        run_all_text(&sheet_xml(&xml));
    }

    #[test]
    fn any_text_and_number_is_written_and_read_back(
        texts in proptest::collection::vec("\\PC{0,12}", 1..6),
        number in any::<f64>(),
        name in "\\PC{0,40}",
    ) {
        let mut row: Vec<Cell> = texts.iter().map(|t| text(t)).collect();
        row.push(Cell::Number(number));
        let bytes = write_workbook(&[Sheet { name, rows: vec![vec![text("h")], row] }]);
        let (names, rows) = read(&bytes, None).unwrap();
        prop_assert_eq!(names.len(), 1);
        prop_assert!(!names[0].is_empty() && names[0].encode_utf16().count() <= 31);
        let read_row = rows.get(1).cloned().unwrap_or_default();
        for (i, t) in texts.iter().enumerate() {
            let kept: String = t.chars().filter(|&c| xml_allowed(c)).collect();
            prop_assert_eq!(read_row.get(i).map_or("", String::as_str), kept.as_str());
        }
        let shown = read_row.get(texts.len()).map_or("", String::as_str);
        if number.is_finite() {
            let written = Decimal::parse(&xml_number(number)).expect("a decimal");
            prop_assert_eq!(shown, written.general());
        } else {
            prop_assert_eq!(shown, "");
        }
    }
}
