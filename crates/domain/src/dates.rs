//! Calendar dates as the planner stores them (`YYYY-MM-DD`), read strictly: a date that does not
//! parse is reported as such, never guessed.

use std::fmt;

/// A day in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD` (surrounding spaces allowed). None for anything else, or a day that
    /// does not exist (2025-02-30).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let date = Date {
            year: number(0..4)? as i32,
            month: number(5..7)?,
            day: number(8..10)?,
        };
        (date.month >= 1
            && date.month <= 12
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month))
        .then_some(date)
    }

    /// "28 November 2026".
    pub fn long(self) -> String {
        format!("{} {} {}", self.day, month_name(self.month), self.year)
    }
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month 1 to 12 (out-of-range numbers give the nearest month).
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).clamp(1, 12) - 1]
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// "28 November 2026" for a YYYY-MM-DD date, or the text as it was (trimmed) when it is not one:
/// what was recorded is shown, never hidden.
pub fn long_or_as_is(text: &str) -> String {
    let text = text.trim();
    Date::parse_iso(text).map_or_else(|| text.to_string(), Date::long)
}

/// Days in a month, leap years included.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_real_iso_dates() {
        assert_eq!(
            Date::parse_iso("2026-11-28"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 28
            })
        );
        assert_eq!(
            Date::parse_iso(" 2024-02-29 "),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse_iso("2025-02-29"), None, "not a leap year");
        assert_eq!(
            Date::parse_iso("1900-02-29"),
            None,
            "century, not a leap year"
        );
        assert_eq!(Date::parse_iso("2000-02-29").map(|d| d.day), Some(29));
        for bad in [
            "",
            "next spring",
            "28/11/2026",
            "2026-13-01",
            "2026-00-10",
            "2026-1-1",
            "2026-11-28T10:00",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_and_prints_dates() {
        let a = Date::parse_iso("2026-01-31").unwrap();
        let b = Date::parse_iso("2026-02-01").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2026-01-31");
        assert_eq!(b.long(), "1 February 2026");
    }

    #[test]
    fn a_date_reads_in_words_and_other_text_stays_as_it_was() {
        assert_eq!(long_or_as_is(" 2026-03-03 "), "3 March 2026");
        assert_eq!(long_or_as_is("after the summer "), "after the summer");
        assert_eq!(long_or_as_is("2026-02-30"), "2026-02-30");
    }
}
