use super::*;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// The due date read from `text`, as YYYY-MM-DD.
fn due(text: &str) -> Option<String> {
    read(text).due.map(|d| d.to_string())
}

fn kind(text: &str) -> Kind {
    read(text).kind
}

fn unread(text: &str) -> Kind {
    Kind::Unread(text.trim().to_string())
}

#[test]
fn the_timeframes_real_plans_use_are_read() {
    let cases = [
        // Seed 004 and seed 002.
        ("October 2022", "2022-10-31", Kind::Month),
        ("January 2023", "2023-01-31", Kind::Month),
        ("March 2023", "2023-03-31", Kind::Month),
        ("by July 2025", "2025-07-31", Kind::Month),
        ("February 2025", "2025-02-28", Kind::Month),
        ("end of March 2026", "2026-03-31", Kind::Month),
        (
            "Q3 2025",
            "2025-09-30",
            Kind::Quarter {
                quarter: 3,
                financial: false,
            },
        ),
        ("2025-26", "2026-03-31", Kind::Year { financial: true }),
        ("31/07/2025", "2025-07-31", Kind::Date),
        ("2025-07-31", "2025-07-31", Kind::Date),
    ];
    for (text, expected, expected_kind) in cases {
        let timeframe = read(text);
        assert_eq!(due(text).as_deref(), Some(expected), "{text}");
        assert_eq!(timeframe.kind, expected_kind, "{text}");
        assert!(!timeframe.before, "{text}");
    }
    for text in ["ongoing", "Ongoing", "on-going", "On going", "continuous"] {
        assert_eq!(read(text), Timeframe::without_date(Kind::Ongoing), "{text}");
    }
    for text in ["Spring 2025", "Immediate", "TBC"] {
        assert_eq!(read(text), Timeframe::without_date(unread(text)), "{text}");
    }
    assert_eq!(read(""), Timeframe::without_date(Kind::Blank));
    assert_eq!(read("  \t "), Timeframe::without_date(Kind::Blank));
}

#[test]
fn case_spaces_commas_and_prefixes_are_ignored() {
    for text in [
        "july 2025",
        "JULY 2025",
        "  July   2025 ",
        "Jul 2025",
        "Jul. 2025",
        "Jul-25",
        "July 25",
        "07/2025",
        "7/2025",
        "by July 2025",
        "By end of July 2025",
        "by the end of July 2025",
        "End July 2025",
        "the end of July 2025",
        "due July 2025",
        "in July 2025",
        "until July 2025",
        "no later than July 2025",
        "before the end of July 2025",
        "July 2025.",
        "July\u{a0}2025",
    ] {
        assert_eq!(due(text).as_deref(), Some("2025-07-31"), "{text}");
        assert_eq!(kind(text), Kind::Month, "{text}");
    }
    for text in [
        "31 July 2025",
        "31st July 2025",
        "31st of July 2025",
        "31 Jul 2025",
        "31 July 25",
        "July 31, 2025",
        "July 31st 2025",
        "31/07/25",
        "31-07-2025",
        "31.07.2025",
        "2025/07/31",
        "2025-7-31",
        "by 31/07/2025",
        "Deadline: 31/07/2025",
        "(31/07/2025)",
    ] {
        assert_eq!(due(text).as_deref(), Some("2025-07-31"), "{text}");
        assert_eq!(kind(text), Kind::Date, "{text}");
    }
    assert_eq!(due("Sept 2025").as_deref(), Some("2025-09-30"));
    assert_eq!(due("sep 2025").as_deref(), Some("2025-09-30"));
}

#[test]
fn quarters_are_calendar_unless_a_financial_year_is_written() {
    let calendar = |q: u8| Kind::Quarter {
        quarter: q,
        financial: false,
    };
    let financial = |q: u8| Kind::Quarter {
        quarter: q,
        financial: true,
    };
    let cases = [
        ("Q1 2025", "2025-03-31", calendar(1)),
        ("Q2 2025", "2025-06-30", calendar(2)),
        ("q3 2025", "2025-09-30", calendar(3)),
        ("Quarter 3 2025", "2025-09-30", calendar(3)),
        ("2025 Q3", "2025-09-30", calendar(3)),
        ("Q4 2025", "2025-12-31", calendar(4)),
        ("Q3 25", "2025-09-30", calendar(3)),
        ("by end of Q4 2025", "2025-12-31", calendar(4)),
        // The financial year starts in April: Q1 is April to June.
        ("Q1 2025-26", "2025-06-30", financial(1)),
        ("Q2 2025/26", "2025-09-30", financial(2)),
        ("Q3 2025-26", "2025-12-31", financial(3)),
        ("Q3 2025/26", "2025-12-31", financial(3)),
        ("Q3 2025\u{2013}26", "2025-12-31", financial(3)),
        ("Q3 2025 - 26", "2025-12-31", financial(3)),
        ("Q3 2025/2026", "2025-12-31", financial(3)),
        ("Q3 FY25/26", "2025-12-31", financial(3)),
        ("Q3 of 2025-26", "2025-12-31", financial(3)),
        ("2025-26 Q3", "2025-12-31", financial(3)),
        ("Q4 2025-26", "2026-03-31", financial(4)),
        ("Q4 2025/26", "2026-03-31", financial(4)),
    ];
    for (text, expected, expected_kind) in cases {
        assert_eq!(due(text).as_deref(), Some(expected), "{text}");
        assert_eq!(kind(text), expected_kind, "{text}");
    }
    for text in [
        "Q5 2025",
        "Q0 2025",
        "Q3",
        "Q3 2025-27",
        "Q3 FY2025",
        "Q12 2025",
    ] {
        assert_eq!(kind(text), unread(text), "{text}");
    }
}

#[test]
fn years_are_calendar_and_two_part_years_are_financial() {
    let calendar = Kind::Year { financial: false };
    let financial = Kind::Year { financial: true };
    let cases = [
        ("2025", "2025-12-31", &calendar),
        ("by 2025", "2025-12-31", &calendar),
        ("end of 2025", "2025-12-31", &calendar),
        ("2025-26", "2026-03-31", &financial),
        ("2025/26", "2026-03-31", &financial),
        ("2025/2026", "2026-03-31", &financial),
        ("2025-2026", "2026-03-31", &financial),
        ("FY 2025-26", "2026-03-31", &financial),
        ("FY25/26", "2026-03-31", &financial),
        (
            "end of the financial year 2025/26",
            "2026-03-31",
            &financial,
        ),
        ("1999-00", "2000-03-31", &financial),
        ("2099-00", "2100-03-31", &financial),
    ];
    for (text, expected, expected_kind) in cases {
        assert_eq!(due(text).as_deref(), Some(expected), "{text}");
        assert_eq!(&kind(text), expected_kind, "{text}");
    }
    // Not the next year, two digits with nothing to say they are a year, or "FY" with one year
    // (FY2025 could be 2024-25 or 2025-26).
    for text in [
        "2025-27",
        "2025/2027",
        "25/26",
        "FY2025",
        "FY 2025",
        "25",
        "1850",
    ] {
        assert_eq!(kind(text), unread(text), "{text}");
    }
}

#[test]
fn leap_years_and_month_ends_are_right() {
    assert_eq!(due("February 2024").as_deref(), Some("2024-02-29"));
    assert_eq!(due("February 2025").as_deref(), Some("2025-02-28"));
    assert_eq!(
        due("February 2100").as_deref(),
        Some("2100-02-28"),
        "a century"
    );
    assert_eq!(
        due("February 2000").as_deref(),
        Some("2000-02-29"),
        "every 400 years"
    );
    assert_eq!(due("29/02/2024").as_deref(), Some("2024-02-29"));
    assert_eq!(kind("29/02/2025"), unread("29/02/2025"));
    assert_eq!(due("Q1 2024").as_deref(), Some("2024-03-31"));
    assert_eq!(due("Q1 2024-25").as_deref(), Some("2024-06-30"));
    assert_eq!(due("Q4 2023-24").as_deref(), Some("2024-03-31"));
    assert_eq!(due("April 2025").as_deref(), Some("2025-04-30"));
    assert_eq!(due("December 2025").as_deref(), Some("2025-12-31"));
}

#[test]
fn days_that_do_not_exist_are_not_read() {
    for text in [
        "31/02/2025",
        "30/02/2024",
        "31/04/2025",
        "00/01/2025",
        "1/13/2025",
        "32/01/2025",
        "2025-02-29",
        "2025-13-01",
        "31 February 2025",
        "13/2025",
        "0/2025",
    ] {
        assert_eq!(read(text), Timeframe::without_date(unread(text)), "{text}");
    }
}

#[test]
fn numeric_dates_are_always_day_first_and_never_read_as_us_dates() {
    // Could be 3 April or 4 March: the UK reading, always.
    assert_eq!(due("03/04/2025").as_deref(), Some("2025-04-03"));
    assert_eq!(due("1/2/2025").as_deref(), Some("2025-02-01"));
    assert_eq!(due("12/11/2025").as_deref(), Some("2025-11-12"));
    // Only a US reading would make sense of these: they are not read.
    for text in ["07/31/2025", "12/25/2025", "2/29/2024", "7/31/25"] {
        assert_eq!(kind(text), unread(text), "{text}");
    }
    // A month in words cannot be misread, whichever side the day is.
    assert_eq!(due("December 25, 2025").as_deref(), Some("2025-12-25"));
}

#[test]
fn two_digit_years_are_this_century() {
    assert_eq!(due("July 25").as_deref(), Some("2025-07-31"));
    assert_eq!(due("Jan-00").as_deref(), Some("2000-01-31"));
    assert_eq!(due("Dec 99").as_deref(), Some("2099-12-31"));
    assert_eq!(due("1/1/26").as_deref(), Some("2026-01-01"));
    // Three digits is not a year.
    assert_eq!(kind("July 202"), unread("July 202"));
}

#[test]
fn before_means_the_day_before_the_period_starts() {
    let cases = [
        ("before July 2025", "2025-06-30", Kind::Month),
        ("Before 31 July 2025", "2025-07-30", Kind::Date),
        ("prior to 1 August 2025", "2025-07-31", Kind::Date),
        ("before 1 March 2024", "2024-02-29", Kind::Date),
        ("before 1 January 2026", "2025-12-31", Kind::Date),
        ("before March 2100", "2100-02-28", Kind::Month),
        ("before 2026", "2025-12-31", Kind::Year { financial: false }),
        (
            "before 2026-27",
            "2026-03-31",
            Kind::Year { financial: true },
        ),
        (
            "before Q3 2025",
            "2025-06-30",
            Kind::Quarter {
                quarter: 3,
                financial: false,
            },
        ),
        (
            "before Q1 2025",
            "2024-12-31",
            Kind::Quarter {
                quarter: 1,
                financial: false,
            },
        ),
    ];
    for (text, expected, expected_kind) in cases {
        let timeframe = read(text);
        assert_eq!(due(text).as_deref(), Some(expected), "{text}");
        assert_eq!(timeframe.kind, expected_kind, "{text}");
        assert!(timeframe.before, "{text}");
    }
    let by_the_end = read("before the end of July 2025");
    assert!(!by_the_end.before);
    assert_eq!(by_the_end.due, Some(day("2025-07-31")));
}

#[test]
fn repeating_work_is_ongoing() {
    for text in [
        "Monthly",
        "quarterly",
        "Annually",
        "every year",
        "Each quarter",
        "Ongoing - reviewed monthly",
        "Ongoing (monthly)",
        "ongoing and quarterly",
        "Business as usual",
        "BAU",
        "twice a year",
        "Continuous",
        "Rolling",
    ] {
        assert_eq!(kind(text), Kind::Ongoing, "{text}");
        assert_eq!(read(text).due, None, "{text}");
    }
    // A date with it, or words that say nothing repeats, are not ongoing.
    for text in [
        "ongoing until March 2026",
        "monthly from April 2025",
        "year",
        "and",
        "Quarterly (from Q2)",
    ] {
        assert_eq!(kind(text), unread(text), "{text}");
    }
}

#[test]
fn anything_else_is_kept_as_typed_with_no_due_date() {
    for text in [
        "Spring 2025",
        "Summer 25",
        "TBC",
        "tbc",
        "Immediate",
        "ASAP",
        "n/a",
        "-",
        "July",
        "31 July",
        "Q3",
        "mid-July 2025",
        "early 2025",
        "July - September 2025",
        "April 2025 to March 2026",
        "H1 2025",
        "2025-07",
        "October 2022 (revised)",
        "Ao\u{fb}t 2025",
        "12 weeks",
        "20250731",
    ] {
        let timeframe = read(&format!("  {text} "));
        assert_eq!(timeframe, Timeframe::without_date(unread(text)), "{text}");
    }
}

#[test]
fn descriptions_are_plain_words() {
    let cases = [
        (
            "Q3 2025",
            "due 30 September 2025 (the end of Q3 2025, July to September)",
        ),
        (
            "Q1 2025",
            "due 31 March 2025 (the end of Q1 2025, January to March)",
        ),
        (
            "Q3 2025-26",
            "due 31 December 2025 (the end of Q3 of the financial year 2025-26, October to December)",
        ),
        (
            "Q4 2025/26",
            "due 31 March 2026 (the end of Q4 of the financial year 2025-26, January to March)",
        ),
        (
            "Q1 2024-25",
            "due 30 June 2024 (the end of Q1 of the financial year 2024-25, April to June)",
        ),
        ("by July 2025", "due 31 July 2025 (the end of July 2025)"),
        ("2025", "due 31 December 2025 (the end of 2025)"),
        (
            "2025/26",
            "due 31 March 2026 (the end of the financial year 2025-26, April 2025 to March 2026)",
        ),
        ("31st July 2025", "due 31 July 2025"),
        ("before July 2025", "due 30 June 2025 (before July 2025)"),
        ("before 1 August 2025", "due 31 July 2025 (before 1 August 2025)"),
        ("before 2026", "due 31 December 2025 (before 2026)"),
        (
            "before Q1 2025-26",
            "due 31 March 2025 (before Q1 of the financial year 2025-26, April to June)",
        ),
        (
            "before Q4 2025-26",
            "due 31 December 2025 (before Q4 of the financial year 2025-26, January to March)",
        ),
        (
            "before 2025-26",
            "due 31 March 2025 (before the financial year 2025-26, April 2025 to March 2026)",
        ),
        ("ongoing", "ongoing: no due date"),
        ("", "no date"),
        (
            " Spring 2025 ",
            "\u{2018}Spring 2025\u{2019}: no due date (not a date the planner can read)",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(describe(&read(text)), expected, "{text}");
    }
}

#[test]
fn overdue_is_strictly_after_the_due_date_and_never_when_done() {
    let july = read("July 2025");
    assert!(!is_overdue(&july, day("2025-07-30"), false));
    assert!(!is_overdue(&july, day("2025-07-31"), false), "due today");
    assert!(is_overdue(&july, day("2025-08-01"), false), "the day after");
    assert!(!is_overdue(&july, day("2025-08-01"), true), "done");
    // Across a year end.
    let year = read("2025");
    assert!(!is_overdue(&year, day("2025-12-31"), false));
    assert!(is_overdue(&year, day("2026-01-01"), false));
    // The end of a financial year.
    let financial = read("2025-26");
    assert!(!is_overdue(&financial, day("2026-03-31"), false));
    assert!(is_overdue(&financial, day("2026-04-01"), false));
    // A leap day.
    let february = read("February 2024");
    assert!(!is_overdue(&february, day("2024-02-29"), false));
    assert!(is_overdue(&february, day("2024-03-01"), false));
    // No due date, never overdue, however late.
    for text in ["ongoing", "", "TBC", "Spring 2025"] {
        assert!(!is_overdue(&read(text), day("2099-12-31"), false), "{text}");
    }
}

#[test]
fn the_day_before_and_after_cross_month_and_year_ends() {
    assert_eq!(day_before(day("2026-01-01")), day("2025-12-31"));
    assert_eq!(day_before(day("2024-03-01")), day("2024-02-29"));
    assert_eq!(day_before(day("2025-03-01")), day("2025-02-28"));
    assert_eq!(day_before(day("2025-05-01")), day("2025-04-30"));
    assert_eq!(day_before(day("2025-05-02")), day("2025-05-01"));
    assert_eq!(day_after(day("2025-12-31")), day("2026-01-01"));
    assert_eq!(day_after(day("2024-02-28")), day("2024-02-29"));
    assert_eq!(day_after(day("2024-02-29")), day("2024-03-01"));
    assert_eq!(day_after(day("2025-04-30")), day("2025-05-01"));
}

#[test]
fn every_day_of_a_leap_year_reads_back_in_every_written_form() {
    let mut d = day("2024-01-01");
    while d.year == 2024 {
        let forms = [
            d.to_string(),
            format!("{}/{}/{}", d.day, d.month, d.year),
            format!("{:02}/{:02}/{}", d.day, d.month, d.year % 100),
            d.long(),
            format!("by {}", d.long()),
        ];
        for form in forms {
            assert_eq!(read(&form).due, Some(d), "{form}");
            assert_eq!(read(&form).kind, Kind::Date, "{form}");
        }
        d = day_after(d);
    }
}
