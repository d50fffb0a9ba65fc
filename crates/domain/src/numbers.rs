//! Numbers as text, without the standard library's float formatting.
//!
//! `format!("{:.2}", x)` pulls about 15 KB of float-printing machinery into the wasm; these few
//! lines give the same text for the figures the planner shows (checked against `format!` in the
//! tests below).

/// `value` with exactly `decimals` digits after the point, rounded half to even like `format!`.
/// Non-finite values give "not available".
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "not available".to_string();
    }
    let decimals = decimals.min(9);
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value * scale).abs();
    let mut whole = scaled.round();
    // An exact tie (representable halves only) rounds to even, as `format!` does.
    if (scaled - scaled.trunc() - 0.5).abs() < f64::EPSILON * scaled.max(1.0) && whole % 2.0 != 0.0
    {
        whole -= 1.0;
    }
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
    fn exponent_accounts_for_rounding_up() {
        assert_eq!(exponent_after_rounding(0.09996, 3), Some(-1));
        assert_eq!(exponent_after_rounding(0.0999, 3), Some(-2));
        assert_eq!(exponent_after_rounding(0.7736, 3), Some(-1));
        assert_eq!(exponent_after_rounding(1.0, 3), Some(0));
        assert_eq!(exponent_after_rounding(0.0, 3), None);
    }
}
