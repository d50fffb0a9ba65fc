//! Times from a plan (RFC 3339, in UTC) as the user reads them: in the browser's own time zone,
//! so a change made just before midnight shows the day it was made where the user is.

use race_equity_domain::dates::Date;
use race_equity_domain::messages::plans as m;

/// The time `at` as a JavaScript date; None when it does not read as a time.
fn js_date(at: &str) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&at.into());
    (!date.get_time().is_nan()).then_some(date)
}

/// The day of `at` in the user's time zone.
pub fn local_date(at: &str) -> Option<Date> {
    let date = js_date(at)?;
    Some(Date {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
    })
}

/// "28 November 2026" in the user's time zone; the text as it is when it is not a time.
pub fn local_day(at: &str) -> String {
    local_date(at).map_or_else(|| at.to_string(), Date::long)
}

/// "28 Nov 2026, 14:02" in the user's time zone, from an RFC 3339 time.
pub fn when(at: &str) -> String {
    let Some(date) = js_date(at) else {
        return m::UNKNOWN_TIME.into();
    };
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        m::MONTHS_SHORT[(date.get_month() as usize).min(11)],
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}
