//! REAP anchors 1.1 and 1.2: the service's figures by ethnic group against the local population.
//!
//! The team types, for each of the five Census groups and "not stated": the treatment teams'
//! caseload, referrals to IPS, the IPS caseload, job starts, starts in education, the IPS team's own staff, and the
//! days from referral to each job start. With the local population (5 groups or 19 categories,
//! or the national figures as a labelled starting point) the planner gives:
//! - representation: each group's share of the treatment caseload, the IPS caseload and the IPS
//!   team against the local population, and of referrals and the IPS caseload against the
//!   treatment caseload
//!   (METRICS.md "Representation ratio": the census share is a fixed baseline, a caseload is a
//!   sample);
//! - outcomes: each group's rate of job starts and of starts in education, and its relative
//!   likelihood against the White group (a good event: adverse below 1);
//! - time to employment: each group's median days and interquartile range.
//!
//! Counts are kept as typed and checked field by field, like the SC-WRES metrics ([`crate::wres`]).

use crate::caseload::{CaseloadGroup, Tally};
use crate::ethnicity::{EthnicCategory, EthnicGroup, NATIONAL_BASELINE_LABEL};
use crate::numbers::parse_count;
use crate::plan::{ServiceData, ServiceRow};
use crate::stats::{
    self, AdverseDirection, NonAdverseRange, NotComputable, Proportion, RatioResult, RatioStatus,
    Representation, RepresentationWording, Spread,
};

/// One column of the service table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Treatment,
    Referrals,
    Caseload,
    Jobs,
    Education,
    Team,
    Days,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Treatment,
        Field::Referrals,
        Field::Caseload,
        Field::Jobs,
        Field::Education,
        Field::Team,
        Field::Days,
    ];

    /// The short key in edit keys and element ids.
    pub fn id(self) -> &'static str {
        ["t", "r", "c", "j", "e", "s", "d"][self as usize]
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        [
            "Treatment teams' caseload",
            "Referrals to IPS",
            "IPS caseload",
            "Job starts",
            "Starts in education",
            "IPS team staff",
            "Days to each job start",
        ][self as usize]
    }

    /// What one count is, in an error message ("people on the IPS caseload").
    fn counted(self) -> &'static str {
        [
            "people on the treatment teams' caseload",
            "referrals to IPS",
            "people on the IPS caseload",
            "job starts",
            "starts in education",
            "IPS team staff",
            "",
        ][self as usize]
    }

    pub fn of(self, row: &ServiceRow) -> &String {
        match self {
            Field::Treatment => &row.treatment,
            Field::Referrals => &row.referrals,
            Field::Caseload => &row.caseload,
            Field::Jobs => &row.jobs,
            Field::Education => &row.education,
            Field::Team => &row.team,
            Field::Days => &row.days,
        }
    }

    pub fn of_mut(self, row: &mut ServiceRow) -> &mut String {
        match self {
            Field::Treatment => &mut row.treatment,
            Field::Referrals => &mut row.referrals,
            Field::Caseload => &mut row.caseload,
            Field::Jobs => &mut row.jobs,
            Field::Education => &mut row.education,
            Field::Team => &mut row.team,
            Field::Days => &mut row.days,
        }
    }
}

/// The population entries a plan shows: the 5 groups, or the 19 categories.
pub fn population_len(detailed: bool) -> usize {
    if detailed {
        19
    } else {
        5
    }
}

/// The label of population entry `i` (ONS order).
pub fn population_label(detailed: bool, i: usize) -> String {
    if detailed {
        EthnicCategory::ALL
            .get(i)
            .map_or(String::new(), |c| c.full_label())
    } else {
        EthnicGroup::ALL
            .get(i)
            .map_or("", |g| g.label())
            .to_string()
    }
}

/// The population figures in use, as typed: the 19 categories' or the 5 groups'.
pub fn population_typed(data: &ServiceData) -> &[String] {
    if data.population_detailed {
        &data.population_categories
    } else {
        &data.population
    }
}

/// The national figures (England and Wales, Census 2021) as typed percentages for the 5 groups,
/// with their label: a clearly marked starting point.
pub fn national_baseline() -> (Vec<String>, &'static str) {
    let values = EthnicGroup::ALL
        .map(|g| crate::numbers::fixed(g.national_share_2021() * 100.0, 1))
        .to_vec();
    (values, NATIONAL_BASELINE_LABEL)
}

/// Reads an amount as typed: people ("12,345", or "22 174" with a space, a no-break space or a
/// narrow no-break space between the thousands, as spreadsheets in other locales copy it) or a
/// percentage ("81.7" or "81.7%"). A blank is `Ok(None)`.
pub fn parse_amount(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let plain = text.trim_end_matches('%').trim_end();
    let fix = "enter the number of people or the percentage, such as 12,345 or 9.3";
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let whole = crate::numbers::whole_digits(whole).unwrap_or_else(|| whole.to_string());
    // Only digits and one point reach the standard parser, which would also take "inf", "NaN",
    // "1e5" and "+3".
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(&whole) || !digits(fraction) || whole.len() > 15
    {
        return Err(if plain.starts_with(['-', '\u{2212}']) {
            format!("‘{text}’ is below zero: {fix}.")
        } else {
            format!("‘{text}’ is not a number: {fix}.")
        });
    }
    format!("{whole}.{fraction}")
        .parse::<f64>()
        .map(Some)
        .map_err(|_| format!("‘{text}’ is not a number: {fix}."))
}

/// Reads the days to each job start: whole numbers separated by commas, spaces or new lines (so a
/// number of days is typed without thousands separators).
pub fn parse_days(text: &str) -> Result<Vec<f64>, String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| match parse_count(t) {
            Ok(Some(n)) => Ok(n as f64),
            _ => Err(format!(
                "‘{t}’ is not a number of days: enter whole numbers of days, such as 34, 120, 61."
            )),
        })
        .collect()
}

/// A field that needs fixing: its id (`pop-<i>`, `<group>-<field>`) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// The service figures, checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checked {
    pub problems: Vec<Problem>,
    /// The 5 groups' shares of the local population (fractions), when entered and valid.
    pub population: Option<[f64; 5]>,
    /// Each count column ([`Field::ALL`] without Days), when every group's count is valid and
    /// the column is not blank throughout.
    pub tallies: [Option<Tally>; 6],
    /// Each group's days to job start, when valid ([`CaseloadGroup::ALL`] order).
    pub days: [Vec<f64>; 6],
}

impl Checked {
    pub fn tally(&self, field: Field) -> Option<&Tally> {
        self.tallies.get(field as usize).and_then(Option::as_ref)
    }

    /// The problem for one field, if any.
    pub fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.as_str())
    }
}

/// The row for a group, or an empty one.
pub fn row(data: &ServiceData, group: CaseloadGroup) -> ServiceRow {
    data.rows
        .iter()
        .find(|r| r.group == group.id())
        .cloned()
        .unwrap_or_default()
}

/// Checks everything typed: each field beside its own id, in the order the screen shows them.
pub fn check(data: &ServiceData) -> Checked {
    let mut out = Checked::default();
    let n = population_len(data.population_detailed);
    let mut amounts = vec![None; n];
    let typed = population_typed(data);
    let any_population = typed.iter().take(n).any(|t| !t.trim().is_empty());
    for (i, slot) in amounts.iter_mut().enumerate() {
        let text = typed.get(i).map_or("", String::as_str);
        match parse_amount(text) {
            Ok(Some(v)) => *slot = Some(v),
            Ok(None) if any_population => out.problems.push(Problem {
                field: format!("pop-{i}"),
                message: format!(
                    "Enter the figure for {} (0 if none).",
                    population_label(data.population_detailed, i)
                ),
            }),
            Ok(None) => {}
            Err(message) => out.problems.push(Problem {
                field: format!("pop-{i}"),
                message,
            }),
        }
    }
    if amounts.iter().all(Option::is_some) && any_population {
        let mut groups = [0.0; 5];
        for (i, v) in amounts.iter().flatten().enumerate() {
            let group = if data.population_detailed {
                EthnicCategory::ALL[i].group()
            } else {
                EthnicGroup::ALL.get(i).copied()
            };
            if let Some(g) = group.and_then(|g| EthnicGroup::ALL.iter().position(|&x| x == g)) {
                groups[g] += v;
            }
        }
        let total: f64 = groups.iter().sum();
        if total > 0.0 {
            out.population = Some(groups.map(|v| v / total));
        } else {
            out.problems.push(Problem {
                field: "pop-0".into(),
                message: "The local population adds up to 0: enter each group's figure.".into(),
            });
        }
    }

    let rows = CaseloadGroup::ALL.map(|g| row(data, g));
    let mut counts = [[None::<u64>; 6]; 6];
    for (f, field) in Field::ALL.into_iter().take(6).enumerate() {
        let entered = rows.iter().any(|r| !field.of(r).trim().is_empty());
        let mut ok = entered;
        for (g, group) in CaseloadGroup::ALL.into_iter().enumerate() {
            let id = format!("{}-{}", group.id(), field.id());
            match parse_count(field.of(&rows[g])) {
                Ok(Some(n)) => counts[f][g] = Some(n),
                Ok(None) if entered => {
                    ok = false;
                    out.problems.push(Problem {
                        field: id,
                        message: format!(
                            "Enter the {} for the {} group (0 if none).",
                            field.counted(),
                            group.short_label()
                        ),
                    });
                }
                Ok(None) => {}
                Err(message) => {
                    ok = false;
                    out.problems.push(Problem { field: id, message });
                }
            }
        }
        if ok {
            out.tallies[f] = Some(Tally {
                counts: counts[f].map(|c| c.unwrap_or(0)),
            });
        }
    }
    // Job starts and starts in education are people on the IPS caseload.
    for field in [Field::Jobs, Field::Education] {
        for (g, group) in CaseloadGroup::ALL.into_iter().enumerate() {
            let caseload = counts[Field::Caseload as usize][g];
            if let (Some(part), Some(whole)) = (counts[field as usize][g], caseload) {
                if part > whole {
                    out.problems.push(Problem {
                        field: format!("{}-{}", group.id(), field.id()),
                        message: format!(
                            "{part} {} is more than the {whole} people on the IPS caseload in the {} group: check both counts.",
                            field.counted(),
                            group.short_label()
                        ),
                    });
                    out.tallies[field as usize] = None;
                }
            }
        }
    }
    for (g, group) in CaseloadGroup::ALL.into_iter().enumerate() {
        let id = format!("{}-d", group.id());
        match parse_days(&rows[g].days) {
            Ok(days) => {
                let given = days.len() as u64;
                match counts[Field::Jobs as usize][g] {
                    Some(jobs) if given > jobs => out.problems.push(Problem {
                        field: id,
                        message: format!(
                            "{given} times are more than the {jobs} job starts in the {} group: give one time for each job start.",
                            group.short_label()
                        ),
                    }),
                    // Said, not refused: the median is of the times given, and says how many.
                    Some(jobs) if given > 0 && given < jobs => {
                        out.problems.push(Problem {
                            field: id,
                            message: format!(
                                "{given} {} for {jobs} job starts in the {} group: the median is of these {given} only. Give one time for each job start.",
                                if given == 1 { "time" } else { "times" },
                                group.short_label()
                            ),
                        });
                        out.days[g] = days;
                    }
                    _ => out.days[g] = days,
                }
            }
            Err(message) => out.problems.push(Problem { field: id, message }),
        }
    }
    out
}

/// A representation comparison as the screen lists it: which anchor it answers, its id and title,
/// the count compared, the caseload it is part of (none: it is compared with the local
/// population), the words for the two, and which side is adverse (`Neither`: two-sided).
struct Spec {
    anchor: &'static str,
    id: &'static str,
    title: &'static str,
    field: Field,
    part_of: Option<Field>,
    population: &'static str,
    baseline: &'static str,
    adverse: AdverseDirection,
}

/// One group's share of a population of interest against its share of a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub group: CaseloadGroup,
    pub count: u64,
    pub base: u64,
    pub share: f64,
    /// The group's share of the baseline: the local population, or the rest of the caseload the
    /// population of interest is part of.
    pub baseline_share: f64,
    pub result: Result<Representation, NotComputable>,
    pub status: RatioStatus,
    /// The ratio and its interval as a table shows them ([`stats::ratio_text`]), or why there is none.
    pub ratio_text: String,
    /// Small numbers ([`stats::small_numbers`]) in the share or in the rest it is compared with:
    /// shown, with a warning.
    pub small: bool,
    pub sentence: String,
}

/// A representation comparison: which REAP anchor it answers, its words, and each group.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// "1.1" or "1.2".
    pub anchor: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub population: &'static str,
    pub baseline: &'static str,
    pub shares: Vec<Share>,
}

/// The comparisons whose figures are entered (METRICS.md "Representation ratio", "Which
/// comparisons have a good direction"):
/// - each group's share of the treatment caseload, the IPS caseload and the IPS team against the
///   local population, a fixed baseline: two-sided, as more is not plainly good or bad for the
///   group (over-representation on a secondary mental-health caseload is not favourable);
/// - referrals and the IPS caseload, which are part of the treatment caseload, against the rest
///   of it: access to IPS, where a group under-represented is the adverse side. (The titles name
///   the two caseloads; the baseline words and the sentences say "the rest of".)
pub fn comparisons(checked: &Checked, range: NonAdverseRange) -> Vec<Comparison> {
    let mut out = Vec::new();
    let specs = [
        Spec {
            anchor: "1.1",
            id: "treatment-population",
            title: "Treatment teams' caseload against the local population",
            field: Field::Treatment,
            part_of: None,
            population: "the treatment teams' caseload",
            baseline: "the local population",
            adverse: AdverseDirection::Neither,
        },
        Spec {
            anchor: "1.1",
            id: "referrals-treatment",
            title: "Referrals to IPS against the treatment teams' caseload",
            field: Field::Referrals,
            part_of: Some(Field::Treatment),
            population: "referrals to IPS",
            baseline: "the rest of the treatment teams' caseload (not referred)",
            adverse: AdverseDirection::Below,
        },
        Spec {
            anchor: "1.1",
            id: "ips-treatment",
            title: "IPS caseload against the treatment teams' caseload",
            field: Field::Caseload,
            part_of: Some(Field::Treatment),
            population: "the IPS caseload",
            baseline: "the rest of the treatment teams' caseload (not on the IPS caseload)",
            adverse: AdverseDirection::Below,
        },
        Spec {
            anchor: "1.1",
            id: "ips-population",
            title: "IPS caseload against the local population",
            field: Field::Caseload,
            part_of: None,
            population: "the IPS caseload",
            baseline: "the local population",
            adverse: AdverseDirection::Neither,
        },
        Spec {
            anchor: "1.2",
            id: "team-population",
            title: "IPS team against the local population",
            field: Field::Team,
            part_of: None,
            population: "the IPS team",
            baseline: "the local population",
            adverse: AdverseDirection::Neither,
        },
    ];
    for spec in specs {
        let Some(tally) = checked.tally(spec.field) else {
            continue;
        };
        let whole = match spec.part_of {
            Some(b) => match checked.tally(b) {
                Some(t) => Some(t),
                None => continue,
            },
            None => None,
        };
        if whole.is_none() && checked.population.is_none() {
            continue;
        }
        let shares = CaseloadGroup::ALL[..5]
            .iter()
            .enumerate()
            .map(|(i, &group)| {
                let (count, base) = (tally.count(group), tally.known_total());
                let result = match (whole, checked.population) {
                    (Some(w), _) => {
                        stats::part_against_rest(count, base, w.count(group), w.known_total())
                    }
                    (None, Some(pop)) => stats::representation_ratio(count, base, pop[i]),
                    (None, None) => Err(NotComputable::InvalidBaseline),
                };
                let baseline_share = match (&result, whole, checked.population) {
                    (Ok(rep), _, _) => rep.baseline_share,
                    (Err(_), Some(w), _) => w.share(group),
                    (Err(_), None, Some(pop)) => pop[i],
                    _ => 0.0,
                };
                let ratio = result.map(|r| r.ratio);
                let status = stats::ratio_status(&ratio, range, spec.adverse);
                let people = group.people();
                let sentence = stats::representation_sentence(
                    &RepresentationWording {
                        group: &people,
                        population: spec.population,
                        baseline: spec.baseline,
                    },
                    &result,
                    range,
                    spec.adverse,
                );
                let rest_small = match (&result, whole) {
                    (Ok(rep), Some(_)) => rep
                        .baseline_counts
                        .is_some_and(|[x, n]| stats::small_numbers(x, n)),
                    _ => false,
                };
                Share {
                    group,
                    count,
                    base,
                    share: tally.share(group),
                    baseline_share,
                    small: stats::small_numbers(count, base) || rest_small,
                    ratio_text: match &ratio {
                        Ok(r) => stats::ratio_text(r, range),
                        Err(reason) => reason.message().to_string(),
                    },
                    result,
                    status,
                    sentence,
                }
            })
            .collect();
        out.push(Comparison {
            anchor: spec.anchor,
            id: spec.id,
            title: spec.title,
            population: spec.population,
            baseline: spec.baseline,
            shares,
        });
    }
    out
}

/// One group's rate of an outcome, and its likelihood against the White group.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeRate {
    /// `None` for the comparison group as a whole (every stated group but White).
    pub group: Option<CaseloadGroup>,
    pub events: u64,
    pub total: u64,
    pub rate: Option<Proportion>,
    /// Against the White group; `None` for the White group itself.
    pub ratio: Option<RatioResult>,
    /// The ratio and its interval as a table shows them ([`stats::ratio_text`]), or why there is
    /// none; empty for the White group itself.
    pub ratio_text: String,
    /// The White group's outcomes and IPS caseload, which the ratio is against.
    pub white: [u64; 2],
    pub status: RatioStatus,
    /// Small numbers ([`stats::small_numbers`]) in this group's rate or the White group's.
    pub small: bool,
}

/// Each group's rate of `field` (job starts or starts in education) among its IPS caseload, and
/// its relative likelihood against the White group, then the comparison group as a whole.
pub fn outcome_rates(checked: &Checked, field: Field, range: NonAdverseRange) -> Vec<OutcomeRate> {
    let (Some(events), Some(caseload)) = (checked.tally(field), checked.tally(Field::Caseload))
    else {
        return Vec::new();
    };
    let white = CaseloadGroup::White;
    let (we, wt) = (events.count(white), caseload.count(white));
    let others = |t: &Tally| {
        CaseloadGroup::ALL[..5]
            .iter()
            .filter(|&&g| g != white)
            .fold(0u64, |s, &g| s.saturating_add(t.count(g)))
    };
    let mut rows: Vec<(Option<CaseloadGroup>, u64, u64)> = CaseloadGroup::ALL[..5]
        .iter()
        .map(|&g| (Some(g), events.count(g), caseload.count(g)))
        .collect();
    rows.push((None, others(events), others(caseload)));
    rows.into_iter()
        .map(|(group, e, t)| {
            let ratio = (group != Some(white)).then(|| stats::relative_likelihood(e, t, we, wt));
            let status = match &ratio {
                Some(r) => stats::ratio_status(r, range, AdverseDirection::Below),
                None => RatioStatus::Within,
            };
            let ratio_text = match &ratio {
                Some(Ok(r)) => stats::ratio_text(r, range),
                Some(Err(reason)) => reason.message().to_string(),
                None => String::new(),
            };
            OutcomeRate {
                group,
                events: e,
                total: t,
                rate: stats::proportion(e, t),
                status,
                small: stats::small_numbers(e, t) || stats::small_numbers(we, wt),
                ratio,
                ratio_text,
                white: [we, wt],
            }
        })
        .collect()
}

/// The sentence for a group's outcome against the White group (the comparison group as a whole
/// when `rate.group` is `None`, in the plan's words `term`).
pub fn outcome_sentence(
    rate: &OutcomeRate,
    term: &str,
    field: Field,
    range: NonAdverseRange,
) -> Option<String> {
    rate.ratio.as_ref()?;
    let (event, happened) = match field {
        Field::Education => ("to start in education", "started in education"),
        _ => ("to start a job", "started a job"),
    };
    let comparison = match rate.group {
        Some(g) => g.people(),
        None => format!("{term} on the IPS caseload"),
    };
    Some(stats::sentence(
        &stats::Wording {
            comparison: &comparison,
            reference: "people in the White group",
            event,
            happened,
        },
        stats::Orientation::ComparisonOverReference,
        stats::Counts {
            events: rate.events,
            total: rate.total,
        },
        stats::Counts {
            events: rate.white[0],
            total: rate.white[1],
        },
        range,
        AdverseDirection::Below,
    ))
}

/// Each group's time to employment, in [`CaseloadGroup::ALL`] order, where any days are entered.
/// With fewer than [`stats::MIN_MEDIAN_VALUES`] times, `Spread::too_few` is set: show the count
/// and [`median_text`], not the figures.
pub fn time_to_work(checked: &Checked) -> Vec<(CaseloadGroup, Spread)> {
    CaseloadGroup::ALL
        .into_iter()
        .zip(&checked.days)
        .filter_map(|(g, days)| stats::median_iqr(days).map(|s| (g, s)))
        .collect()
}

/// A group's median days to a job start as the table shows it ("74.5"), or, with fewer than 5
/// times, that there are too few to give one.
pub fn median_text(spread: &Spread) -> String {
    if spread.too_few() {
        format!(
            "too few to give (a median needs at least {} times)",
            stats::MIN_MEDIAN_VALUES
        )
    } else {
        crate::numbers::fixed(spread.median, 1)
    }
}

/// The interquartile range as the table shows it ("67.8 to 81.2"), empty with too few times.
pub fn quartiles_text(spread: &Spread) -> String {
    if spread.too_few() {
        String::new()
    } else {
        format!(
            "{} to {}",
            crate::numbers::fixed(spread.q1, 1),
            crate::numbers::fixed(spread.q3, 1)
        )
    }
}

/// One outcome's table: each group's rate of job starts (or starts in education) against the
/// White group's, and the sentence for the comparison group as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeTable {
    pub field: Field,
    pub rates: Vec<OutcomeRate>,
    /// For the comparison group as a whole (the last rate), in the plan's words.
    pub sentence: Option<String>,
}

/// Everything the Data screen shows of the service's figures, worked out once from the plan:
/// the counts checked, each representation comparison, the outcomes, the time to employment,
/// and whether any of them rests on small numbers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceFigures {
    pub checked: Checked,
    pub comparisons: Vec<Comparison>,
    /// Job starts, then starts in education, each where it has rates; empty while job starts
    /// have none (the outcomes are shown from job starts on).
    pub outcomes: Vec<OutcomeTable>,
    pub times: Vec<(CaseloadGroup, Spread)>,
    /// A group shown in any table is marked * for small numbers: say what * means.
    pub any_small: bool,
}

impl ServiceFigures {
    /// Nothing to compare yet (no comparison and no job starts).
    pub fn nothing_yet(&self) -> bool {
        self.comparisons.is_empty() && self.outcomes.is_empty()
    }

    /// The problems of the population figures (`pop-<i>`), or of the counts (every other).
    pub fn problems(&self, population: bool) -> Vec<&Problem> {
        self.checked
            .problems
            .iter()
            .filter(|p| p.field.starts_with("pop-") == population)
            .collect()
    }
}

/// The service's figures for REAP anchor `anchor` ("1.1" or "1.2") as text for its evidence, dated
/// `today` (YYYY-MM-DD): each comparison the anchor asks for, with the sentence for every group
/// outside the range (or "every group within the range"), and for 1.1 the job and education
/// outcomes. `None` when there is nothing to compare yet. Counts stay in the plan: the evidence
/// is the team's own, as on the Data screen.
pub fn evidence_summary(
    data: &ServiceData,
    settings: &crate::plan::Settings,
    anchor: &str,
    today: &str,
) -> Option<String> {
    let figures = figures(data, settings);
    let comparisons: Vec<&Comparison> = figures
        .comparisons
        .iter()
        .filter(|c| c.anchor == anchor)
        .collect();
    let outcomes: Vec<&OutcomeTable> = if anchor == "1.1" {
        figures.outcomes.iter().collect()
    } else {
        Vec::new()
    };
    if comparisons.is_empty() && outcomes.iter().all(|t| t.sentence.is_none()) {
        return None;
    }
    let mut text = format!(
        "From the service figures on the Data screen, {}:",
        crate::dates::long_or_as_is(today)
    );
    for comparison in comparisons {
        text.push_str("\n- ");
        text.push_str(comparison.title);
        let notable: Vec<&str> = comparison
            .shares
            .iter()
            .filter(|s| !matches!(s.status, RatioStatus::Within | RatioStatus::NotComputable))
            .map(|s| s.sentence.as_str())
            .collect();
        if notable.is_empty() {
            text.push_str(": every group within the range.");
        } else {
            text.push(':');
            for sentence in notable {
                text.push_str("\n  ");
                text.push_str(sentence);
            }
        }
    }
    for table in outcomes {
        if let Some(sentence) = &table.sentence {
            text.push_str("\n- ");
            text.push_str(sentence);
        }
    }
    Some(text)
}

/// The service's figures as the Data screen shows them, from the plan's service data and settings
/// (the non-adverse range, and the words for the comparison group in the outcome sentences).
pub fn figures(data: &ServiceData, settings: &crate::plan::Settings) -> ServiceFigures {
    let range = settings.non_adverse_range;
    let checked = check(data);
    let comparisons = comparisons(&checked, range);
    let outcomes = if outcome_rates(&checked, Field::Jobs, range).is_empty() {
        Vec::new()
    } else {
        [Field::Jobs, Field::Education]
            .into_iter()
            .filter_map(|field| {
                let rates = outcome_rates(&checked, field, range);
                if rates.is_empty() {
                    return None;
                }
                let sentence = rates.last().and_then(|r| {
                    outcome_sentence(r, settings.comparison_group_term.trim(), field, range)
                });
                Some(OutcomeTable {
                    field,
                    rates,
                    sentence,
                })
            })
            .collect()
    };
    let times = time_to_work(&checked);
    let any_small = comparisons.iter().flat_map(|c| &c.shares).any(|s| s.small)
        || outcomes.iter().flat_map(|o| &o.rates).any(|r| r.small)
        || times.iter().any(|(_, spread)| spread.too_few());
    ServiceFigures {
        checked,
        comparisons,
        outcomes,
        times,
        any_small,
    }
}

#[cfg(test)]
mod tests;
