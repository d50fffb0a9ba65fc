//! Writing CSV for spreadsheets: quoting, formula-injection protection, and the byte-order mark
//! Excel needs to read UTF-8.
//!
//! Hand-written on purpose: writing CSV is a few lines, while the `csv` crate (which the importers
//! will use for the hard part, reading) would add its size to every build. Reading is not done here.

/// Marks the text as UTF-8 for Excel, which otherwise reads it as Windows-1252 and garbles names.
pub const UTF8_BOM: &str = "\u{feff}";

/// Characters that make a spreadsheet treat a cell as a formula (or, for tab and carriage
/// return, let one through). `xlsx` guards its cells against the same.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell: a cell that starts like a formula gets a leading apostrophe (shown as text, never
/// run), and a cell with a comma, quote or line break is quoted.
pub fn cell(text: &str) -> String {
    let mut value = String::with_capacity(text.len() + 2);
    if text.starts_with(FORMULA_STARTS) {
        value.push('\'');
    }
    value.push_str(text);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A whole file: the byte-order mark, then each row's cells, with Windows line endings.
pub fn file(rows: &[Vec<String>]) -> String {
    let mut out = String::from(UTF8_BOM);
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for attack in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
        ] {
            let written = cell(attack);
            let unquoted = written.trim_start_matches('"');
            assert!(unquoted.starts_with('\''), "{attack:?} became {written:?}");
        }
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("Plain text"), "Plain text");
        assert_eq!(
            cell("a = b"),
            "a = b",
            "only a formula at the start is a formula"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("Smith, J"), "\"Smith, J\"");
        assert_eq!(cell("He said \"yes\""), "\"He said \"\"yes\"\"\"");
        assert_eq!(cell("line one\nline two"), "\"line one\nline two\"");
        assert_eq!(cell("=A1,B1"), "\"'=A1,B1\"");
    }

    #[test]
    fn a_file_has_a_bom_and_crlf_rows() {
        let text = file(&[
            vec!["Anchor".into(), "Status".into()],
            vec!["1.1".into(), "Met".into()],
        ]);
        assert_eq!(text, "\u{feff}Anchor,Status\r\n1.1,Met\r\n");
    }
}
