//! Numbers as text, without the standard library's float formatting.
//!
//! `format!("{:.2}", x)` pulls about 15 KB of float-printing machinery into the wasm; these few
//! lines give the same text for the figures the planner shows (checked against `format!` in the
//! tests below).

/// `value` with exactly `decimals` digits after the point (up to 14), rounded half to even like
/// `format!`. Non-finite values give "not available".
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "not available".to_string();
    }
    let decimals = decimals.min(14);
    let whole = whole_units(value, decimals);
    if whole >= 1e18 {
        return "a very large number".to_string();
    }
    let digits = (whole as u64).to_string();
    let negative = value < 0.0 && whole != 0.0;
    let sign = if negative { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{digits}");
    }
    let width = decimals as usize + 1;
    let padded = format!("{digits:0>width$}");
    let (int_part, frac_part) = padded.split_at(padded.len() - decimals as usize);
    format!("{sign}{int_part}.{frac_part}")
}

/// |value| in units of 10^-decimals (up to 14), rounded as `format!` rounds: the exact binary
/// value, half to even. The product |value| × 10^decimals is rounded once in floating point, so its
/// rounding error is worked out exactly (Dekker's product) to decide the cases where the product
/// lands on a half: 1.5014999999999998 to 3 places is 1.501, not 1.502 or 1.500.
fn whole_units(value: f64, decimals: u32) -> f64 {
    // 10^14 is exact, and so is every power of ten up to it.
    let scale = 10f64.powi(decimals.min(14) as i32);
    let magnitude = value.abs();
    let product = magnitude * scale;
    let error = product_error(magnitude, scale, product);
    let floor = product.floor();
    let fraction = product - floor;
    let up = fraction > 0.5
        || (fraction == 0.5 && (error > 0.0 || (error == 0.0 && floor % 2.0 != 0.0)));
    if up {
        floor + 1.0
    } else {
        floor
    }
}

/// a × b − p exactly, where p is a × b rounded (Dekker's product, by Veltkamp's splitting): the
/// few lines that stand in for a fused multiply-add, which wasm32 lacks.
fn product_error(a: f64, b: f64, p: f64) -> f64 {
    const SPLIT: f64 = 134_217_729.0; // 2^27 + 1
    let split = |x: f64| {
        let c = SPLIT * x;
        let high = c - (c - x);
        (high, x - high)
    };
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

/// The number [`fixed`] shows for `value` at `decimals` places, as a float: what a reader sees,
/// to compare with the ends of a range. Exact for what it shows (a whole number of units divided
/// by a power of ten is the closest float to that decimal).
pub fn shown_value(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals.min(14) as i32);
    let shown = whole_units(value, decimals) / scale;
    if value < 0.0 {
        -shown
    } else {
        shown
    }
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
    fn matches_the_standard_formatting_on_a_sweep_of_figures() {
        // Independent reference: the standard library's own `format!`.
        let mut value = 0.000_123_f64;
        let mut checked = 0;
        while value < 50_000.0 {
            for decimals in 0..4u32 {
                let d = decimals as usize;
                assert_eq!(
                    fixed(value, decimals),
                    format!("{value:.d$}"),
                    "{value} to {decimals} places"
                );
                // `format!` writes "-0.00" for tiny negatives; we write "0.00" (no one needs a minus zero).
                let expected = format!("{:.d$}", -value);
                let expected = if expected
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b == b'0' || b == b'.')
                {
                    expected.trim_start_matches('-').to_string()
                } else {
                    expected
                };
                assert_eq!(
                    fixed(-value, decimals),
                    expected,
                    "-{value} to {decimals} places"
                );
            }
            value = value * 1.013 + 0.000_7;
            checked += 1;
        }
        assert!(checked > 500);
    }

    #[test]
    fn values_next_to_a_half_round_as_format_does() {
        // Found by the reference checks: 1.5014999999999998 × 1000 lands a hair below 1501.5 and
        // was taken for a tie, then rounded "to even" down to 1.500.
        for (value, decimals) in [
            (1.5014999999999998, 3),
            (1.5000014999999998, 6),
            (2.675, 2),
            (1.005, 2),
            (0.125, 2),
            (0.375, 2),
            (1.0000000000000002, 14),
            (0.7999999999999999, 14),
        ] {
            let d = decimals as usize;
            assert_eq!(
                fixed(value, decimals),
                format!("{value:.d$}"),
                "{value} to {decimals}"
            );
        }
        // Many values with 1 to 6 decimals, and just either side of each (independent reference:
        // the standard `format!`).
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let decimals = (seed % 6) as u32;
            let value = (seed >> 20) as f64 / 10f64.powi(1 + (seed % 7) as i32);
            let value = match (seed >> 8) % 3 {
                0 => value,
                1 => f64::from_bits(value.to_bits() + 1),
                _ => f64::from_bits(value.to_bits().saturating_sub(1)),
            };
            if value >= 1e6 {
                continue;
            }
            let d = decimals as usize;
            assert_eq!(
                fixed(value, decimals),
                format!("{value:.d$}"),
                "{value:?} to {decimals}"
            );
        }
    }

    #[test]
    fn ties_round_to_even_like_format() {
        assert_eq!(fixed(0.125, 2), format!("{:.2}", 0.125));
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 2), "not available");
        assert_eq!(fixed(1.0e300, 2), "a very large number");
    }

    #[test]
    fn shown_values_are_what_fixed_writes() {
        // By hand: 0.7996 at 3 places is written "0.800", which is 0.8 exactly.
        assert_eq!(shown_value(0.7996, 3), 0.8);
        assert_eq!(shown_value(0.7996, 4), 0.7996);
        assert_eq!(shown_value(1.2504, 2), 1.25);
        assert_eq!(shown_value(-2.5, 0), -2.0);
        // The same text as `fixed` on a sweep (independent reference: the standard `format!`).
        let mut value = 0.000_37_f64;
        while value < 5_000.0 {
            for decimals in 0..6u32 {
                let d = decimals as usize;
                assert_eq!(
                    format!("{:.d$}", shown_value(value, decimals)),
                    fixed(value, decimals)
                );
            }
            value = value * 1.07 + 0.000_3;
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
    fn exponent_accounts_for_rounding_up() {
        assert_eq!(exponent_after_rounding(0.09996, 3), Some(-1));
        assert_eq!(exponent_after_rounding(0.0999, 3), Some(-2));
        assert_eq!(exponent_after_rounding(0.7736, 3), Some(-1));
        assert_eq!(exponent_after_rounding(1.0, 3), Some(0));
        assert_eq!(exponent_after_rounding(0.0, 3), None);
    }
}
