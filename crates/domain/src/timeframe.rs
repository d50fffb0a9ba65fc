//! Action-plan timeframes as real plans write them (issue 8): "October 2022", "Q3 2025",
//! "by July 2025", "2025-26", "31/07/2025", "ongoing". Each is read into a due date, or into none
//! when the text gives none (or gives one we could only guess), so that "overdue" is never a guess.
//!
//! The rules, all UK, none guessed:
//! - a day: ISO ("2025-07-31", also with "/" or "."), UK numeric day first ("31/07/2025",
//!   "31/07/25"), or in words ("31 July 2025", "31st of July 2025", "July 31, 2025"). A numeric
//!   date is never read month first: "07/31/2025" has no month 31, so it is not read at all;
//! - a month ("Oct 2022", "October 2022", "Jul-25", "07/2025"): due its last day;
//! - a quarter: "Q3 2025" is the calendar quarter (July to September 2025); "Q3 2025-26" or
//!   "Q3 2025/26" is the financial-year quarter (Q1 is April to June), so due 31 December 2025;
//! - a year: "2025" is due 31 December 2025; "2025-26", "2025/26", "2025/2026" or "FY 25/26" is
//!   the financial year, due 31 March 2026;
//! - two-digit years are 2000 to 2099 ("July 25" is July 2025); four-digit years 1900 to 2199;
//! - "by", "end of", "by the end of", "due", "in", "until", "no later than", "deadline" and
//!   "target date" change nothing; "before" (or "prior to") means the day before the period
//!   starts ("before July 2025" is due 30 June 2025), except in "before the end of", which is
//!   read as "by the end of";
//! - "ongoing", "continuous", "monthly", "quarterly", "annually", "every year" and the like: no
//!   due date, never overdue;
//! - anything else (seasons, "TBC", "Immediate", "mid-July", a date without a year, a range) is
//!   kept as typed with no due date.
//!
//! Case, commas, brackets and extra spaces are ignored. Kept small for the wasm: no regex, no
//! float parsing.

use crate::dates::{days_in_month, month_name, Date, MONTHS};

/// What a timeframe's text says about when an action is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeframe {
    /// The last day the action can be done on time, when the text gives one.
    pub due: Option<Date>,
    pub kind: Kind,
    /// The text said "before" (or "prior to"): `due` is the day before the named period starts,
    /// not its last day.
    pub before: bool,
}

/// How the timeframe was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An exact day.
    Date,
    /// A calendar month.
    Month,
    /// A quarter (1 to 4) of a calendar year, or of a financial year (April to March).
    Quarter { quarter: u8, financial: bool },
    /// A calendar year, or a financial year (April to March).
    Year { financial: bool },
    /// Repeated or continuing work: no due date, never overdue.
    Ongoing,
    /// Nothing typed.
    Blank,
    /// Text that gives no date we can read without guessing, kept as typed (trimmed).
    Unread(String),
}

impl Timeframe {
    fn without_date(kind: Kind) -> Timeframe {
        Timeframe {
            due: None,
            kind,
            before: false,
        }
    }
}

/// Reads a timeframe as typed. Never fails: what cannot be read is [`Kind::Unread`], keeping the
/// text, with no due date.
pub fn read(text: &str) -> Timeframe {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Timeframe::without_date(Kind::Blank);
    }
    let unread = || Timeframe::without_date(Kind::Unread(trimmed.to_string()));
    let normal = normalise(trimmed);
    let Some(tokens) = tokens(&normal) else {
        return unread();
    };
    if is_ongoing(&tokens) {
        return Timeframe::without_date(Kind::Ongoing);
    }
    match period(&tokens) {
        Some((kind, first, last, before)) => Timeframe {
            due: Some(if before { day_before(first) } else { last }),
            kind,
            before,
        },
        None => unread(),
    }
}

/// The timeframe in plain words: "due 30 September 2025 (the end of Q3 2025, July to
/// September)", "ongoing: no due date", "no date".
pub fn describe(timeframe: &Timeframe) -> String {
    let Some(due) = timeframe.due else {
        return match &timeframe.kind {
            Kind::Ongoing => "ongoing: no due date".to_string(),
            Kind::Unread(text) => {
                format!("\u{2018}{text}\u{2019}: no due date (not a date the planner can read)")
            }
            _ => "no date".to_string(),
        };
    };
    // A day inside the named period: its last day, or for "before" the day after the due date.
    let named = if timeframe.before {
        day_after(due)
    } else {
        due
    };
    let period = match timeframe.kind {
        Kind::Date if timeframe.before => named.long(),
        Kind::Date => return format!("due {}", due.long()),
        Kind::Month => format!("{} {}", month_name(named.month), named.year),
        Kind::Quarter { quarter, financial } => {
            let first = quarter_first_month(quarter, financial);
            let months = format!("{} to {}", month_name(first), month_name(first + 2));
            if financial {
                let start = financial_year_start(named);
                format!(
                    "Q{quarter} of the financial year {}, {months}",
                    financial_year_label(start)
                )
            } else {
                format!("Q{quarter} {}, {months}", named.year)
            }
        }
        Kind::Year { financial: true } => {
            let start = financial_year_start(named);
            format!(
                "the financial year {}, April {start} to March {}",
                financial_year_label(start),
                start + 1
            )
        }
        Kind::Year { financial: false } => named.year.to_string(),
        Kind::Ongoing | Kind::Blank | Kind::Unread(_) => String::new(),
    };
    if timeframe.before {
        format!("due {} (before {period})", due.long())
    } else {
        format!("due {} (the end of {period})", due.long())
    }
}

/// True when the action is not done and its due date is strictly before `today`: an action due
/// today is not overdue, and one with no due date (ongoing, blank or unread) never is.
///
/// `today` must be the user's local calendar date: the widget passes
/// `Date::parse_iso(&state::today())`, made from `js_sys::Date`'s local `get_full_year`,
/// `get_month() + 1` and `get_date`, never from the UTC time of `now()` (`toISOString`). With the
/// UTC date, an action due today would show as overdue from midnight UTC instead of local
/// midnight: an evening early for anyone west of Greenwich, and not yet overdue in the first hour
/// of a British summer day.
pub fn is_overdue(timeframe: &Timeframe, today: Date, done: bool) -> bool {
    !done && timeframe.due.is_some_and(|due| due < today)
}

// ---- Reading -------------------------------------------------------------------------------

/// Lower case (ASCII only: full Unicode case tables cost the wasm), dashes of every kind as "-",
/// commas, colons and brackets as spaces, "on-going" as "ongoing", and no full stop at the end.
fn normalise(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            ',' | ':' | '(' | ')' => ' ',
            c if c.is_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    mapped
        .trim_end_matches(['.', ' '])
        .replace("on-going", "ongoing")
        .replace("on going", "ongoing")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// Lower-case ASCII letters; a full stop straight after is dropped ("Sept.").
    Word(&'a str),
    /// A number of at most 4 digits, with how many digits it was written with.
    Number(u32, usize),
    /// "31st", "2nd", "3rd", "4th".
    Ordinal(u32),
    /// "/", "-" or ".".
    Sep(u8),
}

/// The text as tokens, or `None` when it holds anything else (brackets, non-ASCII letters, a
/// number of more than 4 digits).
fn tokens(text: &str) -> Option<Vec<Token<'_>>> {
    let bytes = text.as_bytes();
    let run = |from: usize, test: fn(&u8) -> bool| {
        from + bytes[from..].iter().take_while(|b| test(b)).count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            i += 1;
        } else if b.is_ascii_digit() {
            let end = run(i, u8::is_ascii_digit);
            if end - i > 4 {
                return None;
            }
            let value = bytes[i..end]
                .iter()
                .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            let letters = run(end, u8::is_ascii_alphabetic);
            if matches!(&text[end..letters], "st" | "nd" | "rd" | "th") {
                out.push(Token::Ordinal(value));
                i = letters;
            } else {
                out.push(Token::Number(value, end - i));
                i = end;
            }
        } else if b.is_ascii_alphabetic() {
            let end = run(i, u8::is_ascii_alphabetic);
            out.push(Token::Word(&text[i..end]));
            i = if bytes.get(end) == Some(&b'.') {
                end + 1
            } else {
                end
            };
        } else if matches!(b, b'/' | b'-' | b'.') {
            out.push(Token::Sep(b));
            i += 1;
        } else {
            return None;
        }
    }
    Some(out)
}

/// Words that say the work repeats or continues; at least one must be there.
const ONGOING: &[&str] = &[
    "ongoing",
    "continuous",
    "continuously",
    "continual",
    "continuing",
    "daily",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "annually",
    "annual",
    "yearly",
    "biannually",
    "regularly",
    "rolling",
    "every",
    "each",
    "twice",
    "bau",
    "usual",
];

/// Words that may stand beside them ("every year", "business as usual", "ongoing and reviewed
/// monthly").
const ONGOING_TOO: &[&str] = &[
    "year", "years", "month", "months", "quarter", "week", "day", "and", "a", "per", "business",
    "as", "review", "reviewed",
];

fn is_ongoing(tokens: &[Token]) -> bool {
    let mut strong = false;
    for token in tokens {
        match token {
            Token::Word(word) if ONGOING.contains(word) => strong = true,
            Token::Word(word) if ONGOING_TOO.contains(word) => {}
            Token::Sep(_) => {}
            _ => return false,
        }
    }
    strong
}

/// Words before a period that change nothing ("by", "due", "deadline: ...").
const PREFIXES: &[&str] = &[
    "by",
    "due",
    "in",
    "until",
    "till",
    "on",
    "at",
    "the",
    "of",
    "deadline",
    "target",
    "date",
    "expected",
    "completion",
];

/// The period the tokens name: its kind, first and last day, and whether it was "before" it.
fn period(tokens: &[Token]) -> Option<(Kind, Date, Date, bool)> {
    let mut rest = tokens;
    let mut before = false;
    let mut end_of = false;
    loop {
        rest = match rest {
            [Token::Word("end"), tail @ ..] => {
                end_of = true;
                tail
            }
            [Token::Word(word), tail @ ..] if PREFIXES.contains(word) => tail,
            [Token::Word("before"), tail @ ..] => {
                before = true;
                tail
            }
            [Token::Word("prior"), Token::Word("to"), tail @ ..] => {
                before = true;
                tail
            }
            [Token::Word("no"), Token::Word("later"), Token::Word("than"), tail @ ..] => tail,
            _ => break,
        };
    }
    // "Before the end of July" is read as "by the end of July".
    let before = before && !end_of;
    // "of" and "the" inside ("31st of July", "Q3 of 2025-26"); "FY" or "financial year" marks a
    // financial year, and then only a financial year is read.
    let mut financial_marked = false;
    let mut kept: Vec<Token> = Vec::with_capacity(rest.len());
    let mut i = 0;
    while i < rest.len() {
        match (rest[i], rest.get(i + 1)) {
            (Token::Word("of" | "the"), _) => {}
            (Token::Word("fy"), _) => financial_marked = true,
            (Token::Word("financial"), Some(Token::Word("year"))) => {
                financial_marked = true;
                i += 1;
            }
            (token, _) => kept.push(token),
        }
        i += 1;
    }
    let (kind, first, last) = named_period(&kept, financial_marked)?;
    let financial = matches!(
        kind,
        Kind::Quarter {
            financial: true,
            ..
        } | Kind::Year { financial: true }
    );
    (financial || !financial_marked).then_some((kind, first, last, before))
}

fn named_period(tokens: &[Token], financial_marked: bool) -> Option<(Kind, Date, Date)> {
    use Token::{Number, Sep, Word};
    let single_day = |date: Date| Some((Kind::Date, date, date));
    match *tokens {
        // 2025-07-31 (also with / or .), or day first: 31/07/2025, 31.07.25.
        [Number(a, a_digits), Sep(s1), Number(b, b_digits), Sep(s2), Number(c, c_digits)]
            if s1 == s2 && b_digits <= 2 =>
        {
            if a_digits == 4 && c_digits <= 2 {
                single_day(date(year_of(a, 4)?, b, c)?)
            } else if a_digits <= 2 && matches!(c_digits, 2 | 4) {
                single_day(date(year_of(c, c_digits)?, b, a)?)
            } else {
                None
            }
        }
        // 31 July 2025, 31st July 25.
        [d, Word(m), Number(y, y_digits)] if day(d).is_some() && month(m).is_some() => {
            single_day(date(year_of(y, y_digits)?, month(m)?, day(d)?)?)
        }
        // July 31 2025: the month in words, so it cannot be misread; a four-digit year only.
        [Word(m), d, Number(y, 4)] if day(d).is_some() && month(m).is_some() => {
            single_day(date(year_of(y, 4)?, month(m)?, day(d)?)?)
        }
        // July 2025, Jul 25, Jul-25.
        [Word(m), Number(y, y_digits)] | [Word(m), Sep(b'-' | b'/'), Number(y, y_digits)] => {
            month_period(year_of(y, y_digits)?, month(m)?)
        }
        // 07/2025.
        [Number(m, 1 | 2), Sep(b'/' | b'-' | b'.'), Number(y, 4)] => {
            month_period(year_of(y, 4)?, m)
        }
        // Q3 2025, Q3 2025-26, Quarter 3 2025/26, and the same with the year first.
        [Word("q" | "quarter"), Number(q, 1), ref year @ ..]
        | [ref year @ .., Word("q" | "quarter"), Number(q, 1)] => quarter(q, year),
        // 2025.
        [Number(y, 4)] => {
            let y = year_of(y, 4)?;
            Some((
                Kind::Year { financial: false },
                Date {
                    year: y,
                    month: 1,
                    day: 1,
                },
                Date {
                    year: y,
                    month: 12,
                    day: 31,
                },
            ))
        }
        // 2025-26, 2025/2026, FY 25/26.
        _ => {
            let start = financial_year(tokens, financial_marked)?;
            Some((
                Kind::Year { financial: true },
                Date {
                    year: start,
                    month: 4,
                    day: 1,
                },
                Date {
                    year: start + 1,
                    month: 3,
                    day: 31,
                },
            ))
        }
    }
}

/// A year written with 4 digits (1900 to 2199) or 2 (2000 to 2099).
fn year_of(value: u32, digits: usize) -> Option<i32> {
    match digits {
        4 if (1900..=2199).contains(&value) => Some(value as i32),
        2 => Some(2000 + value as i32),
        _ => None,
    }
}

fn month(word: &str) -> Option<u32> {
    let found = MONTHS.iter().position(|name| {
        word.eq_ignore_ascii_case(name) || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
    });
    match found {
        Some(i) => Some(i as u32 + 1),
        None => (word == "sept").then_some(9),
    }
}

fn day(token: Token) -> Option<u32> {
    match token {
        Token::Number(d, 1 | 2) | Token::Ordinal(d) => Some(d),
        _ => None,
    }
}

/// A day that exists, or `None` (31 February, month 13, day 0).
fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
        year,
        month,
        day,
    })
}

fn month_period(year: i32, month: u32) -> Option<(Kind, Date, Date)> {
    let first = date(year, month, 1)?;
    let last = date(year, month, days_in_month(year, month))?;
    Some((Kind::Month, first, last))
}

/// The first month of a quarter (1 = January).
fn quarter_first_month(quarter: u8, financial: bool) -> u32 {
    let calendar = 3 * u32::from(quarter) - 2;
    if financial {
        (calendar + 2) % 12 + 1
    } else {
        calendar
    }
}

fn quarter(q: u32, year: &[Token]) -> Option<(Kind, Date, Date)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let quarter = q as u8;
    let (financial, first_year) = match *year {
        [Token::Number(y, digits @ (2 | 4))] => (false, year_of(y, digits)?),
        _ => {
            // Q4 of a financial year is January to March of its second calendar year.
            let start = financial_year(year, true)?;
            (true, if q == 4 { start + 1 } else { start })
        }
    };
    let first_month = quarter_first_month(quarter, financial);
    let first = date(first_year, first_month, 1)?;
    let (_, _, last) = month_period(first_year, first_month + 2)?;
    Some((Kind::Quarter { quarter, financial }, first, last))
}

/// The first calendar year of a financial year written "2025-26", "2025/26", "2025/2026", or with
/// two digits ("25/26") when `short_allowed` (after "FY" or a quarter).
fn financial_year(tokens: &[Token], short_allowed: bool) -> Option<i32> {
    let [Token::Number(a, a_digits), Token::Sep(b'-' | b'/'), Token::Number(b, b_digits)] = *tokens
    else {
        return None;
    };
    let start = match a_digits {
        4 => year_of(a, 4)?,
        2 if short_allowed => year_of(a, 2)?,
        _ => return None,
    };
    let follows = match b_digits {
        2 => b == (start as u32 + 1) % 100,
        4 => b == start as u32 + 1,
        _ => false,
    };
    follows.then_some(start)
}

/// "2025-26".
fn financial_year_label(start: i32) -> String {
    format!("{start}-{:02}", (start + 1) % 100)
}

/// The first calendar year of the financial year (April to March) a day falls in.
fn financial_year_start(day: Date) -> i32 {
    if day.month >= 4 {
        day.year
    } else {
        day.year - 1
    }
}

fn day_before(d: Date) -> Date {
    if d.day > 1 {
        Date {
            day: d.day - 1,
            ..d
        }
    } else if d.month > 1 {
        Date {
            month: d.month - 1,
            day: days_in_month(d.year, d.month - 1),
            ..d
        }
    } else {
        Date {
            year: d.year - 1,
            month: 12,
            day: 31,
        }
    }
}

fn day_after(d: Date) -> Date {
    if d.day < days_in_month(d.year, d.month) {
        Date {
            day: d.day + 1,
            ..d
        }
    } else if d.month < 12 {
        Date {
            month: d.month + 1,
            day: 1,
            ..d
        }
    } else {
        Date {
            year: d.year + 1,
            month: 1,
            day: 1,
        }
    }
}

#[cfg(test)]
mod tests;
