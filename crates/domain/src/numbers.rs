//! Numbers as text: a figure to a fixed number of places (the standard library's `format!`, which
//! rounds the exact binary value half to even), the value a reader sees, thousands grouped and read
//! back, and the power of ten of a rounded figure.

/// `value` with exactly `decimals` digits after the point (up to 14), as `format!` writes it.
/// Non-finite values give "not available".
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "not available".to_string();
    }
    let text = format!("{value:.*}", decimals.min(14) as usize);
    // "-0.00" is a zero that rounded from below: a reader sees 0.
    if text.starts_with('-') && text[1..].bytes().all(|b| b == b'0' || b == b'.') {
        return text[1..].to_string();
    }
    text
}

/// The number [`fixed`] shows for `value` at `decimals` places, as a float: what a reader sees,
/// to compare with the ends of a range (the closest float to the decimal shown).
pub fn shown_value(value: f64, decimals: u32) -> f64 {
    fixed(value, decimals).parse().unwrap_or(value)
}

/// Digits with a comma between each group of three ("4200000" → "4,200,000").
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What people type between groups of thousands: a comma, a space, a no-break space (U+00A0) or
/// a narrow no-break space (U+202F), as spreadsheets in other locales copy them ("22 174").
pub const THOUSANDS_SEPARATORS: [char; 4] = [',', ' ', '\u{A0}', '\u{202F}'];

/// The digits of a whole number typed with or without thousands separators ("1,200", "22 174"):
/// one kind of separator throughout, a first group of 1 to 3 digits and then groups of exactly 3.
/// `None` for anything else, so that "1 2" or "1,2000" are never read as a number.
pub fn whole_digits(text: &str) -> Option<String> {
    let separator = text.chars().find(|c| THOUSANDS_SEPARATORS.contains(c));
    let digits_only = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match separator {
        None => digits_only(text).then(|| text.to_string()),
        Some(separator) => {
            let mut groups = text.split(separator);
            let first = groups.next().unwrap_or_default();
            let well_grouped = digits_only(first)
                && first.len() <= 3
                && groups.all(|g| g.len() == 3 && digits_only(g));
            well_grouped.then(|| text.chars().filter(char::is_ascii_digit).collect())
        }
    }
}

/// Reads a count as typed: surrounding spaces are ignored and thousands may be separated by
/// commas ("1,200"), spaces, no-break spaces or narrow no-break spaces ("22 174", as spreadsheets
/// in other locales copy it; [`whole_digits`]). A blank is `Ok(None)`, not a
/// zero. Anything else is an error that says what to type instead.
pub fn parse_count(text: &str) -> Result<Option<u64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let fix = "enter a count such as 12, or leave it blank.";
    let quoted = crate::text::quote(text);
    let Some(digits) = whole_digits(text) else {
        let unsigned = text.trim_start_matches(['-', '\u{2212}']);
        let is_number = !unsigned.is_empty()
            && unsigned
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || THOUSANDS_SEPARATORS.contains(&c))
            && unsigned.bytes().any(|b| b.is_ascii_digit());
        return Err(if is_number && unsigned.len() < text.len() {
            format!("{quoted} is below zero: a count cannot be negative, so {fix}")
        } else if is_number && unsigned.contains('.') {
            format!("{quoted} is not a whole number: a count has no decimals, so {fix}")
        } else {
            format!("{quoted} is not a whole number: {fix}")
        });
    };
    digits
        .parse()
        .map(Some)
        .map_err(|_| format!("{quoted} is too large to be a count: {fix}"))
}

/// The power of ten of the leading digit once `value` is rounded to `significant` figures
/// (so 0.09996 at 3 figures is 0.100, exponent -1). None for zero or non-finite values.
pub fn exponent_after_rounding(value: f64, significant: u32) -> Option<i32> {
    if value == 0.0 || !value.is_finite() {
        return None;
    }
    let magnitude = value.abs();
    let mut exponent = magnitude.log10().floor() as i32;
    let scale = 10f64.powi(significant as i32 - 1 - exponent);
    if (magnitude * scale).round() >= 10f64.powi(significant as i32) {
        exponent += 1;
    }
    Some(exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_to_their_places_as_a_reader_expects() {
        // The exact binary value decides: 2.675 is 2.67499999..., 1.005 is 1.00499999...
        for (value, decimals, text) in [
            (0.5, 0, "0"),
            (1.5, 0, "2"),
            (2.5, 0, "2"),
            (0.125, 2, "0.12"),
            (0.375, 2, "0.38"),
            (2.675, 2, "2.67"),
            (1.005, 2, "1.00"),
            (1.5014999999999998, 3, "1.501"),
            (0.3, 1, "0.3"),
            (0.1 + 0.2, 2, "0.30"),
            (1234.5678, 1, "1234.6"),
            (-2.25, 1, "-2.2"),
            (-0.001, 2, "0.00"),
            (-0.0, 1, "0.0"),
            (12.0, 3, "12.000"),
        ] {
            assert_eq!(fixed(value, decimals), text, "{value} to {decimals} places");
        }
        assert_eq!(fixed(f64::NAN, 2), "not available");
        assert_eq!(fixed(f64::INFINITY, 2), "not available");
        // At most 14 places.
        assert_eq!(fixed(1.0 / 3.0, 40), "0.33333333333333");
    }

    #[test]
    fn shown_values_are_what_fixed_writes() {
        // What a reader sees, to compare with a range's ends: 0.7999 shown as 0.80 is 0.8.
        assert_eq!(shown_value(0.7999, 2), 0.8);
        assert_eq!(shown_value(1.249, 1), 1.2);
        assert_eq!(shown_value(-0.001, 2), 0.0);
        assert_eq!(shown_value(2.675, 2), 2.67);
        for (value, decimals) in [(0.123456, 3), (99.95, 1), (1.0 / 3.0, 5)] {
            assert_eq!(
                fixed(shown_value(value, decimals), decimals),
                fixed(value, decimals)
            );
        }
    }

    #[test]
    fn thousands_are_grouped_and_read_back() {
        assert_eq!(group_thousands("4200000"), "4,200,000");
        assert_eq!(group_thousands("100"), "100");
        assert_eq!(group_thousands("1000"), "1,000");
        assert_eq!(group_thousands(""), "");
        for (typed, digits) in [
            ("22 174", "22174"),
            ("22\u{A0}174", "22174"),
            ("22\u{202F}174", "22174"),
            ("1,200", "1200"),
            ("12,345,678", "12345678"),
            ("1 234 567", "1234567"),
            ("007", "007"),
        ] {
            assert_eq!(whole_digits(typed).as_deref(), Some(digits), "{typed:?}");
        }
        for bad in [
            "1 2",
            "1,2000",
            "1,200 300",
            "1  200",
            " 200",
            "1234,567",
            "1,",
            "",
            "12a",
            "1.200",
        ] {
            assert_eq!(whole_digits(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn counts_are_read_as_typed_and_blanks_are_not_zeros() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("   "), Ok(None));
        assert_eq!(parse_count("0"), Ok(Some(0)));
        assert_eq!(parse_count(" 12 "), Ok(Some(12)));
        assert_eq!(parse_count("1,200"), Ok(Some(1200)));
        assert_eq!(parse_count("12,345,678"), Ok(Some(12_345_678)));
        assert_eq!(parse_count("007"), Ok(Some(7)));
        // Issue 17: pasted from spreadsheets in other locales, with a space, a no-break space
        // (U+00A0) or a narrow no-break space (U+202F) between the thousands.
        assert_eq!(parse_count("22 174"), Ok(Some(22_174)));
        assert_eq!(parse_count("22\u{A0}174"), Ok(Some(22_174)));
        assert_eq!(parse_count("22\u{202F}174"), Ok(Some(22_174)));
        assert_eq!(parse_count("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("\u{A0}1 200\u{A0}"), Ok(Some(1_200)));
    }

    #[test]
    fn a_count_that_does_not_read_says_what_to_do() {
        assert_eq!(
            parse_count("12a"),
            Err("‘12a’ is not a whole number: enter a count such as 12, or leave it blank.".into())
        );
        assert_eq!(
            parse_count("-3"),
            Err("‘-3’ is below zero: a count cannot be negative, so enter a count such as 12, or leave it blank.".into())
        );
        assert_eq!(
            parse_count("2.5"),
            Err("‘2.5’ is not a whole number: a count has no decimals, so enter a count such as 12, or leave it blank.".into())
        );
        for bad in [
            "twelve",
            "1,20",
            "12,",
            ",12",
            "1 20",
            "1,2000",
            "+4",
            "1e3",
            "½",
            "1,200 300",
            "1  200",
            "12 3456",
        ] {
            let message = parse_count(bad).unwrap_err();
            assert!(
                message.starts_with(&format!("‘{bad}’ is not a whole number")),
                "{bad}: {message}"
            );
        }
        assert!(parse_count("-1 200").unwrap_err().contains("below zero"));
        assert!(parse_count("99999999999999999999999")
            .unwrap_err()
            .contains("is too large to be a count"));
        let long = "x".repeat(200);
        assert!(parse_count(&long)
            .unwrap_err()
            .starts_with(&format!("‘{}…’ is not", "x".repeat(20))));
    }

    #[test]
    fn exponent_accounts_for_rounding_up() {
        assert_eq!(exponent_after_rounding(0.09996, 3), Some(-1));
        assert_eq!(exponent_after_rounding(0.0999, 3), Some(-2));
        assert_eq!(exponent_after_rounding(0.7736, 3), Some(-1));
        assert_eq!(exponent_after_rounding(1.0, 3), Some(0));
        assert_eq!(exponent_after_rounding(0.0, 3), None);
    }
}
