//! The importer's tests. Expected counts are worked out by hand from the fixtures in
//! `tests/fixtures/import/` (each test says how), never by running the code under test.

use super::columns::{header_words, parse_survey_answer, FirstSeen};
use super::*;
use crate::dates::Date;
use crate::ethnicity::EthnicCategory;
use crate::plan::{BandEntry, MetricEntry};
use proptest::prelude::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../../tests/fixtures/import/", $name)).as_slice()
    };
}

/// A fixture decoded and read as a table; panics (failing the test) if either step fails.
fn table_of(bytes: &[u8]) -> Table {
    let decoded = decode(bytes).unwrap_or_else(|e| panic!("decode: {}", e.message()));
    read_table(&decoded.text).unwrap_or_else(|e| panic!("read_table: {}", e.message()))
}

/// A people file counted with the columns as guessed.
fn count(table: &Table, choices: &[(String, EthnicityChoice)], reference: &str) -> People {
    people(table, &guess_columns(&table.headers), choices, reference)
        .unwrap_or_else(|e| panic!("people: {}", e.message()))
}

fn metric<'a>(people: &'a People, id: &str) -> &'a MetricEntry {
    people
        .metrics
        .iter()
        .find(|m| m.metric == id)
        .unwrap_or_else(|| panic!("no metric {id} in {:?}", people.metrics))
}

/// Comparison events, comparison total, reference events, reference total, not stated.
fn counts(entry: &MetricEntry) -> [&str; 5] {
    [
        entry.comparison_events.as_str(),
        entry.comparison_total.as_str(),
        entry.reference_events.as_str(),
        entry.reference_total.as_str(),
        entry.not_stated.as_str(),
    ]
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn date(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

// ---------------------------------------------------------------------------------------------
// decode

#[test]
fn utf8_is_read_as_it_is_and_a_byte_order_mark_is_removed() {
    let plain = decode("Ethnicity,Band\nIndian,Band 5\n".as_bytes()).unwrap();
    assert_eq!(plain.encoding, Encoding::Utf8);
    assert_eq!(plain.text, "Ethnicity,Band\nIndian,Band 5\n");

    let bom = decode(fixture!("staff-utf8-bom.csv")).unwrap();
    assert_eq!(bom.encoding, Encoding::Utf8Bom);
    assert!(bom.text.starts_with("Ethnicity,"), "{:?}", bom.text);
    assert!(bom.text.contains("Zoë") && bom.text.contains("Łukasz"));
    let table = read_table(&bom.text).unwrap();
    assert_eq!(table.headers, ["Ethnicity", "Pay band", "Name"]);
    assert_eq!(
        guess_columns(&table.headers)[0],
        Some(PersonField::Ethnicity),
        "the mark must not stick to the first column's name"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_both_ways_round() {
    let le = decode(fixture!("staff-utf16le.txt")).unwrap();
    assert_eq!(le.encoding, Encoding::Utf16Le);
    assert!(le
        .text
        .starts_with("Employee number\tEthnic group\tSenior role\r\n"));

    // The same text, big-endian: "Aé\t€" is 0041 00E9 0009 20AC.
    let be = decode(b"\xFE\xFF\x00A\x00\xE9\x00\t\x20\xAC").unwrap();
    assert_eq!(be.encoding, Encoding::Utf16Be);
    assert_eq!(be.text, "Aé\t€");
    // A lone surrogate and a last odd byte become U+FFFD rather than failing.
    let broken = decode(b"\xFF\xFEA\x00\x00\xD8B\x00C").unwrap();
    assert_eq!(broken.text, "A\u{FFFD}B\u{FFFD}");
}

#[test]
fn excel_unicode_text_reads_as_a_tab_separated_table() {
    let table = table_of(fixture!("staff-utf16le.txt"));
    assert_eq!(table.delimiter, b'\t');
    assert_eq!(table.delimiter_label(), "tabs");
    assert_eq!(table.rows.len(), 3);
    // Worked by hand: Roma is White (reference), not senior; White and Asian (Mixed) is senior;
    // Any other ethnic group (Other) is not.
    let people = count(&table, &[], "white");
    assert_eq!(
        counts(metric(&people, "senior_roles")),
        ["1", "2", "0", "1", "0"]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
    let decoded = decode(fixture!("staff-windows-1252.csv")).unwrap();
    assert_eq!(decoded.encoding, Encoding::Windows1252);
    // Expected text from Python's cp1252 codec: bytes.decode("cp1252").
    assert!(decoded
        .text
        .contains("Sinéad O\u{2019}Brien,White - Irish,Café team,N"));
    assert!(decoded
        .text
        .contains("Zoë Smith,White - British,Finance \u{2013} payroll,Y"));
    assert!(decoded.text.contains("\u{201C}Outreach\u{201D}"));
    // Leaver, worked by hand: White (reference) Sinéad N, Zoë Y; Black African (comparison) N.
    let people = count(&read_table(&decoded.text).unwrap(), &[], "white");
    assert_eq!(
        counts(metric(&people, "leaving")),
        ["0", "1", "1", "2", "0"]
    );
}

#[test]
fn the_windows_1252_table_matches_the_standard() {
    // From Python's cp1252 codec, byte by byte for 0x80 to 0x9F; the five bytes it leaves
    // undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are their own control characters, as the WHATWG
    // Encoding Standard has them.
    let expected = "\u{20ac}\u{81}\u{201a}\u{0192}\u{201e}\u{2026}\u{2020}\u{2021}\u{02c6}\u{2030}\
        \u{0160}\u{2039}\u{0152}\u{8d}\u{017d}\u{8f}\u{90}\u{2018}\u{2019}\u{201c}\u{201d}\u{2022}\
        \u{2013}\u{2014}\u{02dc}\u{2122}\u{0161}\u{203a}\u{0153}\u{9d}\u{017e}\u{0178}";
    // Enough letters around the bytes that the five controls are not taken for a binary file.
    let mut bytes = b"Header,Value\n".repeat(20);
    bytes.extend(0x80..=0x9F);
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.encoding, Encoding::Windows1252);
    assert!(decoded.text.ends_with(expected), "{:?}", decoded.text);
    // Latin-1 above 0x9F: 0xA3 is £, 0xFF is ÿ.
    assert_eq!(decode(b"\xA3 \xFF").unwrap().text, "£ ÿ");
}

#[test]
fn empty_files_say_so() {
    assert_eq!(decode(b""), Err(ImportError::Empty));
    assert_eq!(decode(b" \r\n\t\n"), Err(ImportError::Empty));
    assert_eq!(decode(b"\xEF\xBB\xBF"), Err(ImportError::Empty));
    assert_eq!(decode(b"\xFF\xFE"), Err(ImportError::Empty));
    assert!(ImportError::Empty
        .message()
        .starts_with("The file is empty"));
}

#[test]
fn a_file_over_the_limit_says_its_size_and_what_to_do() {
    let bytes = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let error = decode(&bytes).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    // 30 MiB and one byte is 30.000001 MB, shown rounded up so it never reads as the limit.
    assert_eq!(
        error.message(),
        "The file is 30.1 MB; the planner reads files up to 30 MB. Split it into smaller files, \
         or remove the columns you do not need, and choose it again."
    );
    // 45 MiB exactly: 47,185,920 bytes.
    assert!(ImportError::TooLarge { bytes: 47_185_920 }
        .message()
        .starts_with("The file is 45.0 MB;"));
    assert!(
        decode(&bytes[..MAX_IMPORT_BYTES]).is_ok(),
        "the limit itself is allowed"
    );
}

#[test]
fn workbooks_are_refused_with_how_to_save_as_csv() {
    // The first bytes of an .xlsx (a zip) and of an old .xls (an OLE compound file).
    for bytes in [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00".as_slice(),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".as_slice(),
    ] {
        assert_eq!(decode(bytes), Err(ImportError::Workbook));
    }
    assert_eq!(
        ImportError::Workbook.message(),
        "This is an Excel workbook. Save the sheet as CSV (File, Save As, CSV UTF-8) and choose \
         that file."
    );
}

#[test]
fn binary_files_are_refused() {
    // A NUL byte anywhere outside UTF-16.
    assert_eq!(
        decode(b"Ethnicity,Band\n\x00White,2\n"),
        Err(ImportError::Binary)
    );
    // A PNG's signature and a few bytes after it, without NULs: 5 of its 12 characters are
    // control characters (1A, 01 to 04), far more than 1 in 20.
    assert_eq!(
        decode(b"\x89PNG\r\n\x1a\n\x01\x02\x03\x04"),
        Err(ImportError::Binary)
    );
    // UTF-16 text with a NUL character in it.
    assert_eq!(decode(b"\xFF\xFEA\x00\x00\x00"), Err(ImportError::Binary));
    // One stray control character in a long line is still text.
    let mut text = b"Ethnicity,Band\nWhite,Band 2\n".repeat(2);
    text.push(0x0C);
    assert!(decode(&text).is_ok());
    assert!(ImportError::Binary.message().contains("Choose a CSV file"));
}

// ---------------------------------------------------------------------------------------------
// read_table

#[test]
fn the_delimiter_is_sniffed() {
    for (text, delimiter) in [
        ("a,b,c\n1,2,3\n", b','),
        ("a;b;c\n1;2;3\n", b';'),
        ("a\tb\tc\n1\t2\t3\n", b'\t'),
        ("a|b|c\n1|2|3\n", b'|'),
        // Semicolons between cells and commas inside them: semicolons give 3 cells on every row;
        // commas give 1, 3 and 2.
        ("a;b;c\nx, y;2;3\n4;5;p, q, r\n", b';'),
        // Commas between cells, a semicolon in one note: commas give 3 cells on all three rows.
        ("a,b,c\n1,2,3\n4,5,see; later\n", b','),
    ] {
        assert_eq!(read_table(text).unwrap().delimiter, delimiter, "{text:?}");
    }
    let table = table_of(fixture!("staff-semicolon.csv"));
    assert_eq!(table.delimiter, b';');
    assert_eq!(table.delimiter_label(), "semicolons");
    assert_eq!(
        table.rows[0].cell(1),
        "White: English, Welsh, Scottish, Northern Irish or British"
    );
}

#[test]
fn title_rows_blank_lines_totals_and_long_rows_are_set_aside_with_their_rows() {
    let table = table_of(fixture!("recruitment-ugly.csv"));
    assert_eq!(table.delimiter, b',');
    assert_eq!(
        table.headers,
        [
            "Candidate ref",
            "Ethnicity code",
            "Shortlisted",
            "Appointed",
            "Post"
        ]
    );
    // Line numbers counted by hand in the fixture: 1 title, 2 empty cells, 3 column names,
    // 4 to 6 C001 to C003, 7 blank, 8 to 16 C004 to C012, 17 C013 (a cell too many), 18 Total.
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    let skipped: Vec<usize> = table.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [1, 17, 18]);
    assert!(table.skipped[0]
        .reason
        .starts_with("A title above the column names"));
    assert_eq!(
        table.skipped[1].reason,
        "This row has 6 cells but there are 5 columns, so its cells may have moved: left out. \
         Check the row for a comma inside a cell, and put that cell in quotes."
    );
    assert!(table.skipped[2].reason.starts_with("A totals row"));
    // The short row is padded.
    let short = &table.rows[11];
    assert_eq!(
        short.cells().collect::<Vec<_>>(),
        ["C012", "M", "Y", "", ""]
    );
    assert!(table.rows.iter().all(|r| r.len() == 5));
}

#[test]
fn totals_rows_are_recognised_in_any_case() {
    let text = "Group,Count\nA,1\nTOTAL,1\nGrand Total:,1\ntotals,1\n,Total,1\nTotally,1\n";
    let table = read_table(text).unwrap();
    let kept: Vec<&str> = table.rows.iter().map(|r| r.cell(0)).collect();
    assert_eq!(kept, ["A", "Totally"]);
    assert_eq!(table.skipped.len(), 4);
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    // A cell with two line breaks inside quotes is one spreadsheet row; the reader counts three
    // lines. Row 3 below is "Bo", whatever the breaks in row 2.
    let text = "Name,Note\nAl,\"one\ntwo\r\nthree\"\nBo,x\n\nCy,y\n";
    let table = read_table(text).unwrap();
    let lines: Vec<(usize, &str)> = table.rows.iter().map(|r| (r.line, r.cell(0))).collect();
    assert_eq!(lines, [(2, "Al"), (3, "Bo"), (5, "Cy")]);
    assert_eq!(table.rows[0].cell(1), "one\ntwo\r\nthree");
    // Old Mac line endings (CR alone) are lines too.
    let mac = read_table("Name,Note\rAl,1\rBo,2\r").unwrap();
    assert_eq!(mac.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn cells_are_trimmed_and_formulas_are_kept_as_text() {
    let table = read_table("  Name , Ethnicity ,,\n =1+1 ,  @SUM(A1) \n-2,+3\n").unwrap();
    assert_eq!(
        table.headers,
        ["Name", "Ethnicity"],
        "empty names at the end go"
    );
    assert_eq!(
        table.rows[0].cells().collect::<Vec<_>>(),
        ["=1+1", "@SUM(A1)"]
    );
    assert_eq!(table.rows[1].cells().collect::<Vec<_>>(), ["-2", "+3"]);
    assert_eq!(table.column_name(1), "Ethnicity");
    assert_eq!(table.column_name(7), "column 8");
}

#[test]
fn a_repeat_of_the_column_names_is_left_out() {
    let table = read_table("Name,Band\nA,1\nName,Band\nB,2\n").unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.skipped[0].line, 3);
    assert_eq!(table.skipped[0].reason, "The column names again: left out.");
}

#[test]
fn a_thousand_columns_give_the_specific_message() {
    let header: Vec<String> = (1..=1000).map(|i| format!("c{i}")).collect();
    let text = format!("{}\n{}\n", header.join(","), "1,".repeat(999) + "1");
    let error = read_table(&text).unwrap_err();
    assert_eq!(error, ImportError::TooManyColumns { columns: 1000 });
    assert!(
        error
            .message()
            .starts_with("The file has 1,000 columns; the planner reads up to 200. Remove the columns you do not need, or export only"),
        "{}",
        error.message()
    );
    // 200 is allowed.
    let header: Vec<String> = (1..=MAX_COLUMNS).map(|i| format!("c{i}")).collect();
    assert!(read_table(&format!("{}\n1,2\n", header.join(","))).is_ok());
}

#[test]
fn more_than_a_million_rows_is_refused() {
    let mut text = String::from("Ethnicity,Band\n");
    text.push_str(&"A,1\n".repeat(MAX_ROWS));
    assert_eq!(read_table(&text).map(|t| t.rows.len()), Ok(MAX_ROWS));
    text.push_str("A,1\n");
    let error = read_table(&text).unwrap_err();
    assert_eq!(error, ImportError::TooManyRows);
    assert!(error
        .message()
        .starts_with("The file has more than 1,000,000 rows; the planner reads up to 1,000,000."));
}

#[test]
fn no_column_names_or_no_rows_say_so() {
    assert_eq!(
        read_table("just one column\nof words\n"),
        Err(ImportError::NoHeader)
    );
    assert_eq!(
        read_table("Ethnicity,Band\n\n,,\n"),
        Err(ImportError::NoRows)
    );
    assert!(ImportError::NoHeader
        .message()
        .contains("no row has two or more filled cells"));
}

// ---------------------------------------------------------------------------------------------
// columns

#[test]
fn columns_are_guessed_from_their_names() {
    use PersonField as F;
    let cases: &[(&str, Option<PersonField>)] = &[
        ("Ethnic origin", Some(F::Ethnicity)),
        ("Ethnicity code", Some(F::Ethnicity)),
        ("ETHNIC_CATEGORY", Some(F::Ethnicity)),
        ("EthnicGroup", Some(F::Ethnicity)),
        ("Pay band", Some(F::Band)),
        ("Grade", Some(F::Band)),
        ("AfC Band", Some(F::Band)),
        ("Age band", None),
        ("Length of service band", None),
        ("Shortlisted", Some(F::Shortlisted)),
        ("Appointed", Some(F::Appointed)),
        ("Offered", Some(F::Appointed)),
        ("Appointment date", None),
        ("Formal disciplinary", Some(F::Disciplinary)),
        ("FtP referral", Some(F::FitnessToPractise)),
        ("Fitness to practise", Some(F::FitnessToPractise)),
        ("Fitness to Practice referral", Some(F::FitnessToPractise)),
        ("CPD", Some(F::Cpd)),
        ("Non-mandatory training", Some(F::Cpd)),
        ("Mandatory training", None),
        (
            "Harassment from patients / public",
            Some(F::HarassmentPublic),
        ),
        ("Bullying from colleagues", Some(F::HarassmentColleagues)),
        (
            "Harassment, bullying or abuse from managers",
            Some(F::HarassmentManagers),
        ),
        ("Harassment", None),
        ("Leaver", Some(F::Left)),
        ("Left", Some(F::Left)),
        ("Senior", Some(F::Senior)),
        ("Leadership role", Some(F::Senior)),
        ("Employment Specialist", Some(F::Specialist)),
        ("ES", Some(F::Specialist)),
        ("Referral date", Some(F::ReferralDate)),
        ("Date referred", Some(F::ReferralDate)),
        ("Job start date", Some(F::JobStartDate)),
        ("Start date", Some(F::JobStartDate)),
        ("JobStartDate", Some(F::JobStartDate)),
        ("Date of birth", None),
        ("Staff ID", None),
        ("Notes", None),
        ("", None),
    ];
    for (header, field) in cases {
        assert_eq!(
            guess_columns(&strings(&[header])),
            vec![*field],
            "{header:?}"
        );
    }
}

#[test]
fn each_field_goes_to_the_first_column_that_fits() {
    let headers = strings(&["Ethnicity code", "Ethnicity description", "Band", "Grade"]);
    assert_eq!(
        guess_columns(&headers),
        [
            Some(PersonField::Ethnicity),
            None,
            Some(PersonField::Band),
            None
        ]
    );
}

#[test]
fn fields_have_stable_ids_and_labels() {
    for field in PersonField::ALL {
        assert_eq!(PersonField::from_id(field.id()), Some(field));
        assert!(!field.label().is_empty());
    }
    assert_eq!(PersonField::Cpd.id(), "cpd");
    assert_eq!(PersonField::from_id("nope"), None);
}

#[test]
fn column_names_become_plain_words() {
    assert_eq!(header_words("  ETHNIC_CATEGORY "), "ethnic category");
    assert_eq!(header_words("JobStartDate"), "job start date");
    assert_eq!(header_words("FtP referral"), "ftp referral");
    assert_eq!(
        header_words("Non-mandatory  training (Y/N)"),
        "non mandatory training y n"
    );
    assert_eq!(header_words("--"), "");
}

#[test]
fn yes_no_answers_are_read_and_blanks_are_no_answer() {
    for yes in ["Y", "yes", " YES ", "1", "True", "x", "X", "✓", "✔"] {
        assert_eq!(parse_yes_no(yes), Some(true), "{yes:?}");
    }
    for no in ["N", "no", "0", "FALSE", "✗"] {
        assert_eq!(parse_yes_no(no), Some(false), "{no:?}");
    }
    for neither in ["", "  ", "Maybe", "Yes please", "2", "-", "n/a"] {
        assert_eq!(parse_yes_no(neither), None, "{neither:?}");
    }
}

#[test]
fn survey_answers_read_frequencies_as_at_least_once() {
    for yes in [
        "Yes",
        "1-2",
        "3-5",
        "6-10",
        "More than 10",
        "11+",
        "3 to 5 times",
    ] {
        assert_eq!(parse_survey_answer(yes), Some(true), "{yes:?}");
    }
    for no in ["No", "Never", "0"] {
        assert_eq!(parse_survey_answer(no), Some(false), "{no:?}");
    }
    for neither in ["", "Don't know", "Prefer not to say", "00", "some"] {
        assert_eq!(parse_survey_answer(neither), None, "{neither:?}");
    }
}

#[test]
fn dates_are_read_in_iso_and_uk_order_never_us() {
    assert_eq!(parse_date("2024-02-29"), Some(date(2024, 2, 29)));
    assert_eq!(
        parse_date("03/04/2024"),
        Some(date(2024, 4, 3)),
        "3 April, not 4 March"
    );
    assert_eq!(parse_date("1/5/2024"), Some(date(2024, 5, 1)));
    assert_eq!(parse_date(" 31.12.2023 "), Some(date(2023, 12, 31)));
    assert_eq!(parse_date("01-02-2024"), Some(date(2024, 2, 1)));
    assert_eq!(parse_date("01/02/2024 00:00"), Some(date(2024, 2, 1)));
    assert_eq!(parse_date("2024-02-01T09:30:00"), Some(date(2024, 2, 1)));
    for bad in [
        "",
        "05/13/2024",
        "02/30/2024",
        "29/02/2023",
        "1/5/24",
        "2024/05/01",
        "1/5/2024/1",
        "001/5/2024",
        "45292",
        "sometime",
        "01/02/2024 after lunch",
        "1/-5/2024",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
}

#[test]
fn distinct_values_come_in_the_order_first_seen_with_counts() {
    let table = table_of(fixture!("staff-simple.csv"));
    let bands = distinct_values(&table, 2);
    // Counted by hand down the Pay band column: Band 3 ×5, Band 5 ×5, Band 7 ×2.
    assert_eq!(
        bands,
        [
            ("Band 3".to_string(), 5),
            ("Band 5".to_string(), 5),
            ("Band 7".to_string(), 2)
        ]
    );
    let harassment = distinct_values(&table, 6);
    assert_eq!(harassment[0], ("Never".to_string(), 5));
    assert!(
        harassment.contains(&(String::new(), 2)),
        "blanks are a value"
    );
    assert_eq!(distinct_values(&table, 99), []);
}

#[test]
fn the_first_seen_index_copes_with_many_different_values() {
    let mut seen = FirstSeen::default();
    for round in 0..2 {
        for i in 0..50_000 {
            assert_eq!(seen.add(&format!("P{i}")), i, "round {round}");
        }
    }
    assert_eq!(seen.values.len(), 50_000);
    assert!(seen.values.iter().all(|(_, n)| *n == 2));
    assert_eq!(seen.add(""), 50_000);
}

// ---------------------------------------------------------------------------------------------
// people

#[test]
fn a_staff_file_is_counted_into_each_metric() {
    let table = table_of(fixture!("staff-simple.csv"));
    let people = count(&table, &[], "white");
    // Worked by hand from staff-simple.csv. Reference (White): S01, S02 (Irish), S06 (Other
    // White), S08, S10: 5. Comparison: S03, S04, S05, S09 (Chinese), S11: 5. Not stated: S07
    // ("Not stated"), S12 ("Prefer not to say"): 2.
    assert_eq!((people.counted, people.excluded), (12, 0));
    assert!(people.unmapped.is_empty() && people.problems.is_empty());
    let ids: Vec<&str> = people.metrics.iter().map(|m| m.metric.as_str()).collect();
    assert_eq!(
        ids,
        [
            "disciplinary",
            "fitness_to_practise",
            "cpd",
            "harassment_from_public",
            "harassment_from_colleagues",
            "harassment_from_managers",
            "leaving",
            "senior_roles"
        ],
        "no appointment: neither column is in the file"
    );
    // Disciplinary Y: S03, S05 (comparison), S12 (not stated).
    assert_eq!(
        counts(metric(&people, "disciplinary")),
        ["2", "5", "0", "5", "2"]
    );
    // FtP Y: S08 (reference). S04's blank is "no", still in the total.
    assert_eq!(
        counts(metric(&people, "fitness_to_practise")),
        ["0", "5", "1", "5", "2"]
    );
    // CPD Y: S04, S11 (comparison); S01, S02, S08 (reference); S07 (not stated).
    assert_eq!(counts(metric(&people, "cpd")), ["2", "5", "3", "5", "2"]);
    // From the public, only those who answered: comparison S03 (3-5), S05 (Never), S09 (More
    // than 10), S11 (6-10): 3 of 4, S04 blank. Reference: S02 (1-2) of all 5. Not stated: S07.
    assert_eq!(
        counts(metric(&people, "harassment_from_public")),
        ["3", "4", "1", "5", "1"]
    );
    // From colleagues: comparison S03, S05, S09 yes of 5; reference none of 5; S07 answered.
    assert_eq!(
        counts(metric(&people, "harassment_from_colleagues")),
        ["3", "5", "0", "5", "1"]
    );
    // From managers: comparison S03, S11 yes of 5; reference 0 of 3 (S02, S10 blank); S07.
    assert_eq!(
        counts(metric(&people, "harassment_from_managers")),
        ["2", "5", "0", "3", "1"]
    );
    // Leavers: S04 (comparison), S10 (reference), S07 (not stated).
    assert_eq!(
        counts(metric(&people, "leaving")),
        ["1", "5", "1", "5", "2"]
    );
    // Leadership: S02, S06, S08, all reference.
    assert_eq!(
        counts(metric(&people, "senior_roles")),
        ["0", "5", "3", "5", "2"]
    );
    assert!(people.metrics.iter().all(|m| m.what_we_know.is_empty()));

    // Bands in the order first seen. Band 3: S03, S05 / S01, S10 (+ S07 not stated). Band 5:
    // S04, S09, S11 / S02 (+ S12). Band 7: S06, S08.
    let band = |id: &str, name: &str, c: &str, r: &str| BandEntry {
        id: id.into(),
        name: name.into(),
        comparison: c.into(),
        reference: r.into(),
    };
    assert_eq!(
        people.bands,
        [
            band("b1", "Band 3", "2", "2"),
            band("b2", "Band 5", "3", "1"),
            band("b3", "Band 7", "0", "2")
        ]
    );
    assert!(
        people.notes.contains(
            &"2 people in the pay bands have no ethnicity stated: not in the bands\u{2019} counts."
                .to_string()
        ),
        "{:?}",
        people.notes
    );

    // Everyone by Census group: Asian S04, S09; Black S03, S11; Mixed S05; White 5; Not stated 2.
    let caseloads: Vec<(&str, &str)> = people
        .service
        .iter()
        .map(|r| (r.group.as_str(), r.caseload.as_str()))
        .collect();
    assert_eq!(
        caseloads,
        [
            ("asian", "2"),
            ("black", "2"),
            ("mixed", "1"),
            ("white", "5"),
            ("other", "0"),
            ("not_stated", "2")
        ]
    );
    assert!(people
        .service
        .iter()
        .all(|r| r.jobs.is_empty() && r.days.is_empty()));
    assert!(people.specialists.is_empty());
}

#[test]
fn with_white_british_as_the_reference_other_white_staff_are_compared() {
    let table = table_of(fixture!("staff-simple.csv"));
    let people = count(&table, &[], "white_british");
    // Reference now S01, S08, S10 only; S02 (Irish) and S06 (Other White) join the comparison.
    assert_eq!(
        counts(metric(&people, "disciplinary")),
        ["2", "7", "0", "3", "2"]
    );
    // Leadership: S02, S06 (comparison), S08 (reference).
    assert_eq!(
        counts(metric(&people, "senior_roles")),
        ["2", "7", "1", "3", "2"]
    );
    // Band 7 held S06 (Other White) and S08 (White British).
    assert_eq!(
        (
            people.bands[2].comparison.as_str(),
            people.bands[2].reference.as_str()
        ),
        ("1", "1")
    );
}

#[test]
fn an_ugly_recruitment_file_is_counted_and_every_doubt_reported() {
    let table = table_of(fixture!("recruitment-ugly.csv"));
    let people = count(&table, &[], "white");
    // Worked by hand. C008 "Whte British" is unmapped, so 11 of 12 rows are counted.
    assert_eq!(people.counted, 11);
    assert_eq!(
        people.unmapped,
        [Unmapped {
            value: "Whte British".into(),
            rows: 1
        }]
    );
    assert_eq!(people.unmapped_rows(), 1);
    assert!(
        people.notes[0].starts_with("1 row is not counted yet: 1 value in the ethnicity column is not one the planner recognises."),
        "{:?}",
        people.notes
    );
    // Shortlisted Y and appointed: comparison C003 (N), C004 (African), C005 (H), C012 (M, its
    // Appointed cell padded blank): 1 of 4. Reference C001 (A), C002 (A White - British): 1 of 2.
    // Not stated: C006 (Z), C007 (Prefer not to say). C009 (B) says "Maybe": left out. C010 (K)
    // is appointed but not shortlisted: left out. C011 is neither.
    assert_eq!(
        counts(metric(&people, "appointment")),
        ["1", "4", "1", "2", "2"]
    );
    assert_eq!(people.metrics.len(), 1);
    let problems: Vec<String> = people.problems.iter().map(RowProblem::message).collect();
    assert_eq!(
        problems,
        [
            "Row 13, Appointed: \u{2018}Maybe\u{2019} is not a yes or no answer (such as Yes, No, Y, N, 1 or 0): this person is left out of \u{2018}Appointment from shortlisting\u{2019}.",
            "Row 14, Appointed: \u{2018}Y\u{2019} is marked appointed, but not shortlisted: this person is left out of \u{2018}Appointment from shortlisting\u{2019}.",
        ]
    );
    assert!(people.notes.contains(
        &"2 cells could not be read: each person is left out of that figure only.".to_string()
    ));
}

#[test]
fn the_users_choices_come_before_what_the_planner_reads() {
    let table = table_of(fixture!("recruitment-ugly.csv"));
    // C008 (shortlisted, appointed) chosen as White British: reference 2 of 3.
    let chosen = count(
        &table,
        &[(
            "Whte British".into(),
            EthnicityChoice::Category(EthnicCategory::WhiteBritish),
        )],
        "white",
    );
    assert_eq!((chosen.counted, chosen.unmapped.len()), (12, 0));
    assert_eq!(
        counts(metric(&chosen, "appointment")),
        ["1", "4", "2", "3", "2"]
    );

    // Left out instead: counted 11, excluded 1, nothing unmapped.
    let excluded = count(
        &table,
        &[("Whte British".into(), EthnicityChoice::Exclude)],
        "white",
    );
    assert_eq!((excluded.counted, excluded.excluded), (11, 1));
    assert!(excluded.unmapped.is_empty());
    assert!(excluded
        .notes
        .contains(&"1 row is left out, as you chose.".to_string()));

    // A choice overrides a label the planner can read: "A" (C001) counted as Irish is still
    // White, but "H" (C005, Indian) left out takes a comparison person away: 1 of 3.
    let overridden = count(&table, &[("H".into(), EthnicityChoice::Exclude)], "white");
    assert_eq!(counts(metric(&overridden, "appointment"))[..2], ["1", "3"]);
}

#[test]
fn a_blank_ethnicity_is_not_stated_unless_the_user_says_otherwise() {
    let table = read_table("Ethnicity,Leaver\n,Y\nIndian,N\n").unwrap();
    let people = count(&table, &[], "white");
    assert_eq!(
        counts(metric(&people, "leaving")),
        ["0", "1", "0", "0", "1"]
    );
    assert!(people
        .notes
        .contains(&"1 row has no ethnicity: counted as not stated.".to_string()));
    let excluded = count(
        &table,
        &[(String::new(), EthnicityChoice::Exclude)],
        "white",
    );
    assert_eq!((excluded.counted, excluded.excluded), (1, 1));
}

#[test]
fn an_ips_caseload_gives_the_service_table_and_each_specialists_caseload() {
    let table = table_of(fixture!("ips-caseload.csv"));
    assert_eq!(
        guess_columns(&table.headers),
        [
            None,
            Some(PersonField::Ethnicity),
            Some(PersonField::Specialist),
            Some(PersonField::ReferralDate),
            Some(PersonField::JobStartDate)
        ]
    );
    let people = count(&table, &[], "white");
    assert_eq!(people.counted, 9);
    assert!(people.metrics.is_empty() && people.bands.is_empty());
    // Days from referral to job start, checked with Python's datetime (date(2024,5,15) -
    // date(2024,4,3) and so on): P01 3 Apr → 15 May 42; P03 1 May → 1 Jul 61; P05 20 May → 1 Jun
    // 12; P08 1 Feb → 29 Feb 28. P06 started (31 May) before its referral (1 Jun): a job start,
    // not in the days. P07's referral 05/13/2024 is US order: not a date. P09's start "sometime"
    // is not a date: no job start.
    let rows: Vec<[&str; 4]> = people
        .service
        .iter()
        .map(|r| {
            [
                r.group.as_str(),
                r.caseload.as_str(),
                r.jobs.as_str(),
                r.days.as_str(),
            ]
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["asian", "1", "1", "61"],
            ["black", "3", "2", "28"],
            ["mixed", "1", "0", ""],
            ["white", "3", "1", "42"],
            ["other", "0", "0", ""],
            ["not_stated", "1", "1", "12"],
        ]
    );
    assert!(people
        .service
        .iter()
        .all(|r| r.treatment.is_empty() && r.team.is_empty()));
    // A.K.: P01 White, P02 Black, P05 not stated, P07 Mixed. J.M.: P03 Asian, P04 White, P06 and
    // P08 Black. No name: P09 White.
    assert_eq!(
        people.specialists,
        [
            ("A.K.".to_string(), [0, 1, 1, 1, 0, 1]),
            ("J.M.".to_string(), [1, 2, 0, 1, 0, 0]),
            (String::new(), [0, 0, 0, 1, 0, 0]),
        ]
    );
    let problems: Vec<(usize, &str, &str)> = people
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (7, "Job start date", "31/05/2024"),
            (8, "Referral date", "05/13/2024"),
            (10, "Job start date", "sometime"),
        ]
    );
    assert_eq!(
        people.problems[0].why,
        "is before the referral date (01/06/2024): the job start is counted, but not in the days to a job."
    );
    assert!(people.problems[2]
        .why
        .ends_with("this person is left out of the job starts and the days to a job."));
}

#[test]
fn days_between_dates_cross_months_years_and_leap_days() {
    let table = read_table(
        "Ethnicity,Referral date,Job start date\n\
         A,31/12/2023,01/01/2024\n\
         A,28/02/2023,01/03/2024\n\
         A,01/03/2024,01/03/2024\n",
    )
    .unwrap();
    let people = count(&table, &[], "white");
    // Python: (date(2024,1,1) - date(2023,12,31)).days = 1; (date(2024,3,1) -
    // date(2023,2,28)).days = 367; the same day is 0.
    assert_eq!(people.service[3].days, "1, 367, 0");
    assert_eq!(people.service[3].jobs, "3");
}

#[test]
fn the_same_field_twice_or_no_ethnicity_column_is_an_error() {
    let table = table_of(fixture!("staff-semicolon.csv"));
    let none = [None, None, Some(PersonField::Band), Some(PersonField::Left)];
    assert_eq!(
        people(&table, &none, &[], "white"),
        Err(ImportError::NoEthnicityColumn)
    );
    let twice = [
        Some(PersonField::Left),
        Some(PersonField::Ethnicity),
        None,
        Some(PersonField::Left),
    ];
    let error = people(&table, &twice, &[], "white").unwrap_err();
    assert_eq!(
        error,
        ImportError::SameFieldTwice {
            field: PersonField::Left
        }
    );
    assert!(error
        .message()
        .starts_with("Two columns are set to \u{2018}Left the organisation (yes or no)\u{2019}."));
}

#[test]
fn a_semicolon_file_with_census_labels_is_counted() {
    let table = table_of(fixture!("staff-semicolon.csv"));
    let people = count(&table, &[], "white");
    // Leaver: comparison 1002 (Pakistani) Yes, 1003 (Caribbean) No, 1005 (Arab) Yes; reference
    // 1001 (White British), 1004 (Irish), both No.
    assert_eq!(
        counts(metric(&people, "leaving")),
        ["2", "3", "0", "2", "0"]
    );
    assert_eq!(people.bands.len(), 2);
    assert_eq!(
        (
            people.bands[0].name.as_str(),
            people.bands[0].comparison.as_str(),
            people.bands[0].reference.as_str()
        ),
        ("Grade 3", "2", "1")
    );
}

#[test]
fn appointment_needs_both_columns() {
    let table = read_table("Ethnicity,Appointed\nIndian,Y\n").unwrap();
    let people = count(&table, &[], "white");
    assert!(people.metrics.is_empty());
    assert!(people
        .notes
        .iter()
        .any(|n| n.starts_with("Appointment from shortlisting needs both")));
}

#[test]
fn unreadable_cells_leave_the_person_out_of_that_figure_only() {
    let table = read_table(
        "Ethnicity,Disciplinary,Leaver,Harassment from colleagues\n\
         Indian,perhaps,Y,Don't know\n\
         Indian,N,N,No\n",
    )
    .unwrap();
    let people = count(&table, &[], "white");
    // Row 2's "perhaps" leaves it out of disciplinary (1 of the 2 comparison people counted),
    // its "Don't know" out of harassment, but it is still a leaver.
    assert_eq!(
        counts(metric(&people, "disciplinary")),
        ["0", "1", "0", "0", "0"]
    );
    assert_eq!(
        counts(metric(&people, "leaving")),
        ["1", "2", "0", "0", "0"]
    );
    assert_eq!(
        counts(metric(&people, "harassment_from_colleagues")),
        ["0", "1", "0", "0", "0"]
    );
    assert_eq!(people.problems.len(), 2);
    assert!(people.problems[1]
        .why
        .starts_with("is not an answer the planner can read"));
}

#[test]
fn problems_beyond_the_first_thousand_are_counted_not_listed() {
    let mut text = String::from("Ethnicity,Leaver\n");
    text.push_str(&"Indian,maybe\n".repeat(MAX_PROBLEMS + 5));
    let people = count(&read_table(&text).unwrap(), &[], "white");
    assert_eq!(people.problems.len(), MAX_PROBLEMS);
    assert_eq!(people.more_problems, 5);
    assert!(people.notes.iter().any(|n| n.starts_with(
        "1,005 cells could not be read: each person is left out of that figure only. The first 1,000 are listed."
    )));
}

// ---------------------------------------------------------------------------------------------
// census

#[test]
fn a_census_table_lists_its_areas_and_needs_one_chosen() {
    let table = table_of(fixture!("census-ts021-20-categories.csv"));
    assert_eq!(
        areas(&table),
        ["Eastmere (fictional)", "Westmere (fictional)"]
    );
    let error = population(&table, None).unwrap_err();
    assert_eq!(error, ImportError::ChooseArea { areas: 2 });
    assert_eq!(
        error.message(),
        "The file has figures for 2 areas. Choose the one area your service covers."
    );
    assert_eq!(
        population(&table, Some("Northmere")),
        Err(ImportError::NoSuchArea {
            area: "Northmere".into()
        })
    );
}

/// Issue 18: an area typed in another case is found whatever its letters ("YNYS MÔN").
#[test]
fn an_area_is_found_in_any_case_accented_letters_too() {
    let mut text = String::from("Lower tier local authorities Code,Lower tier local authorities,Ethnic group (6 categories) Code,Ethnic group (6 categories),Observation\n");
    for (area, code) in [
        ("Ynys Môn", "W06000001"),
        ("Northmere (fictional)", "E09999903"),
    ] {
        for (i, group) in [
            "Asian, Asian British or Asian Welsh",
            "Black, Black British, Black Welsh, Caribbean or African",
            "Mixed or Multiple ethnic groups",
            "White",
            "Other ethnic group",
        ]
        .iter()
        .enumerate()
        {
            text.push_str(&format!(
                "{code},{area},{},\"{group}\",{}\n",
                i + 1,
                10 * (i + 1)
            ));
        }
    }
    let table = read_table(&text).unwrap();
    let found = population(&table, Some("YNYS MÔN")).unwrap();
    assert_eq!(found.area, "Ynys Môn");
    assert_eq!(found.values, ["10", "20", "30", "40", "50"]);
}

#[test]
fn the_twenty_category_table_gives_the_nineteen_categories_in_ons_order() {
    let table = table_of(fixture!("census-ts021-20-categories.csv"));
    let east = population(&table, Some("Eastmere (fictional)")).unwrap();
    // The fixture's own figures for Eastmere, in the order ONS lists them ("Does not apply", 0,
    // passed over).
    assert_eq!(
        east,
        Population {
            area: "Eastmere (fictional)".into(),
            detailed: true,
            values: strings(&[
                "1520", "2310", "8640", "3275", "2980", "5120", "2745", "1130", "1890", "980",
                "2210", "1765", "98450", "1540", "120", "310", "9870", "1205", "2430"
            ]),
        }
    );
    assert_eq!(east.source(), "Census 2021 (ONS), Eastmere (fictional)");
    // By code, in any case.
    let west = population(&table, Some("e09999902")).unwrap();
    assert_eq!(west.area, "Westmere (fictional)");
    assert_eq!(west.values[12], "141200");
    assert_eq!(west.values.len(), 19);
}

#[test]
fn the_six_category_table_gives_the_five_groups() {
    let table = table_of(fixture!("census-ts021-6-categories.csv"));
    assert_eq!(areas(&table), ["Northmere (fictional)"]);
    let north = population(&table, None).unwrap();
    assert!(!north.detailed);
    assert_eq!(north.values, ["18725", "8995", "6845", "110290", "3635"]);
}

#[test]
fn census_tables_that_do_not_read_say_why() {
    let staff = table_of(fixture!("staff-simple.csv"));
    let error = population(&staff, None).unwrap_err();
    assert_eq!(
        error,
        ImportError::NotCensus {
            missing: "\u{2018}Observation\u{2019} column"
        }
    );
    assert!(areas(&staff).is_empty());

    // Westmere's rows taken out of the fixture, and its Roma row with it: incomplete.
    let text = String::from_utf8_lossy(fixture!("census-ts021-20-categories.csv")).replace(
        "E09999901,Eastmere (fictional),16,\"White: Roma\",310\n",
        "",
    );
    let table = read_table(&text).unwrap();
    assert_eq!(
        population(&table, Some("Eastmere (fictional)")),
        Err(ImportError::CensusIncomplete {
            area: "Eastmere (fictional)".into(),
            missing: vec!["White: Roma".into()]
        })
    );

    let bad_count =
        read_table("Area,Ethnic group (6 categories),Observation\nX,White,12a\n").unwrap();
    let error = population(&bad_count, None).unwrap_err();
    assert!(
        error.message().starts_with(
            "Row 2: the count \u{2018}12a\u{2019} for \u{2018}White\u{2019} is not a whole number. Check"
        ),
        "{}",
        error.message()
    );

    let unknown = read_table("Area,Ethnic group,Observation\nX,Martian,12\n").unwrap();
    assert_eq!(
        population(&unknown, None),
        Err(ImportError::CensusRow {
            line: 2,
            why:
                "\u{2018}Martian\u{2019} is not one of the 19 ethnic categories of the Census 2021."
                    .into()
        })
    );

    let twice =
        read_table("Area,Ethnic group (6 categories),Observation\nX,White,1\nX,White,2\n").unwrap();
    assert!(matches!(
        population(&twice, None),
        Err(ImportError::CensusRow { line: 3, .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Every step on anything: never a panic.

/// Everything after decoding, with the columns as guessed and then every column as every field.
fn run_all(text: &str) {
    let Ok(table) = read_table(text) else {
        return;
    };
    for row in &table.rows {
        assert_eq!(row.len(), table.headers.len());
    }
    assert!(
        table.rows.windows(2).all(|w| w[0].line < w[1].line),
        "rows in order"
    );
    assert!(table.headers.len() <= MAX_COLUMNS);
    let guessed = guess_columns(&table.headers);
    let _ = people(&table, &guessed, &[], "white");
    let _ = people(&table, &guessed, &[], "white_british");
    // Every field on some column: four turns of the fifteen fields along the columns.
    for shift in [0, 4, 8, 12] {
        let columns: Vec<Option<PersonField>> = (0..table.headers.len())
            .map(|i| {
                PersonField::ALL
                    .get((i + shift) % PersonField::ALL.len())
                    .copied()
            })
            .collect();
        if let Ok(counted) = people(&table, &columns, &[], "white") {
            assert!(
                counted.counted + counted.excluded + counted.unmapped_rows() == table.rows.len()
            );
        }
    }
    for column in 0..table.headers.len() {
        let _ = distinct_values(&table, column);
    }
    let _ = areas(&table);
    let _ = population(&table, None);
    if let Some(area) = areas(&table).first() {
        let _ = population(&table, Some(area));
    }
}

/// Cells and separators that real files have, for text that gets past the first checks.
const CELLS: &[&str] = &[
    "Ethnicity",
    "Ethnic group",
    "Band",
    "Leaver",
    "Shortlisted",
    "Appointed",
    "Referral date",
    "Start date",
    "ES",
    "Observation",
    "Harassment from public",
    "Y",
    "N",
    "Never",
    "1-2",
    "A",
    "Z",
    "99",
    "Indian",
    "White",
    "Whte",
    "Does not apply",
    "1/2/2024",
    "31/01/2024",
    "2024-02-30",
    "1,200",
    "x",
    "\"a,b\"",
    "\"a\nb\"",
    "\"",
    "=1+1",
    "Total",
    " ",
    "",
];
const SEPARATORS: &[&str] = &[",", ";", "\t", "|", "\n", "\r\n", "\n\n", "\r"];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(decoded) = decode(&bytes) {
            run_all(&decoded.text);
        }
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,300}") {
        run_all(&text);
    }

    #[test]
    fn csv_like_text_never_panics(
        cells in proptest::collection::vec(proptest::sample::select(CELLS), 0..150),
        separators in proptest::collection::vec(proptest::sample::select(SEPARATORS), 150),
    ) {
        let text: String = cells
            .iter()
            .zip(&separators)
            .map(|(cell, separator)| format!("{cell}{separator}"))
            .collect();
        run_all(&text);
        let decoded = decode(text.as_bytes());
        if let Ok(decoded) = decoded {
            prop_assert_eq!(decoded.text, text);
        }
    }
}

/// Crashes the property tests found, kept by name.
#[test]
fn regressions_found_by_the_property_tests() {
    // Found by `csv_like_text_never_panics`: a CR alone ends a row for the CSV reader, but was
    // not counted as a line, so two rows had the same number (not a panic, a broken promise).
    for (text, lines) in [
        ("E\tE;E,E\tE,E\tE,E\tE|E\nE\rE\t", [2, 3]),
        ("Name,Note\r\nAl,1\rBo,2\r\n", [2, 3]),
    ] {
        let table = read_table(text).unwrap();
        let found: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(found, lines, "{text:?}");
    }
    // Edges the properties reach only rarely.
    for text in [
        "\u{feff}",
        "a,b\r\n\"",
        "a,b\n\"\n\n\n",
        "a,b\n,\"\n,\r\r\n",
        "\"a\nb\",c\nd,e",
        "Ethnicity,Referral date,Job start date\nA,31/12/9999,01/01/0000\n",
        "Ethnicity|Band\n\r\r\rZ|\n",
    ] {
        run_all(text);
    }
}

// ---------------------------------------------------------------------------------------------
// Messages

#[test]
fn every_error_says_what_to_do() {
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge { bytes: 40 << 20 },
        ImportError::Workbook,
        ImportError::Binary,
        ImportError::NoHeader,
        ImportError::NoRows,
        ImportError::TooManyColumns { columns: 1000 },
        ImportError::TooManyRows,
        ImportError::Unreadable { line: 7 },
        ImportError::NoEthnicityColumn,
        ImportError::SameFieldTwice {
            field: PersonField::Band,
        },
        ImportError::NotCensus {
            missing: "ethnic group column",
        },
        ImportError::ChooseArea { areas: 331 },
        ImportError::NoSuchArea { area: "X".into() },
        ImportError::CensusRow {
            line: 3,
            why: "\u{2018}x\u{2019} has no count.".into(),
        },
        ImportError::CensusIncomplete {
            area: "X".into(),
            missing: vec!["White: Roma".into()],
        },
    ];
    let actions = [
        "Check", "Choose", "Save", "Split", "Remove", "Open", "Download",
    ];
    for error in errors {
        let message = error.message();
        assert!(
            actions.iter().any(|a| message.contains(a)),
            "{error:?}: {message}"
        );
        assert_eq!(error.to_string(), message);
        assert!(message.ends_with('.'), "{message}");
    }
    assert_eq!(
        ImportError::Unreadable { line: 7 }.message(),
        "Row 7 could not be read as part of a table. Open the file in a spreadsheet, save it \
         again as CSV (File, Save As, CSV UTF-8), and choose that file."
    );
}

#[test]
fn encodings_have_names() {
    assert_eq!(Encoding::Utf8.label(), "UTF-8");
    assert_eq!(
        Encoding::Windows1252.label(),
        "Windows-1252 (Western European)"
    );
    assert!(Encoding::Utf16Le.label().contains("Excel Unicode text"));
}

#[test]
fn a_census_table_without_an_area_column_is_one_area() {
    let table = read_table(
        "Ethnic group (6 categories),Observation\n\
         Total: All usual residents,\"10,800\"\n\
         Does not apply,0\n\
         \"Asian, Asian British or Asian Welsh\",\"1,200\"\n\
         \"Black, Black British, Black Welsh, Caribbean or African\",300\n\
         Mixed or Multiple ethnic groups,250\n\
         White,9000\n\
         Other ethnic group,150\n",
    )
    .unwrap();
    assert!(areas(&table).is_empty());
    let population = population(&table, None).unwrap();
    assert_eq!(population.values, ["1200", "300", "250", "9000", "150"]);
    assert_eq!(population.source(), "Census 2021 (ONS)");
}
