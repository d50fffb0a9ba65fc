//! The Social Care WRES metrics as a team enters them: what each count means, the counts of a
//! period checked field by field (with messages that say what to type), the figure each metric
//! gives (both rates, the relative likelihood, its status and sentence, and for senior roles the
//! representation against the whole workforce), and the action-plan themes and key areas each
//! metric informs.
//!
//! The statistics themselves are in [`crate::stats`] (METRICS.md); this module only reads the
//! counts and chooses the words.

use crate::numbers::parse_count;
use crate::plan::{BandEntry, MetricEntry, Period, Settings};
use crate::stats::{
    self, AdverseDirection, Metric, NotComputable, Proportion, RatioResult, RatioStatus,
    Representation, RepresentationWording, Wording,
};

/// The SC-WRES metrics entered as four counts, in SC-WRES order: [`Metric::ALL`] without pay
/// bands (metric 1, entered band by band, not here yet) and the REAP outcome.
pub const ENTERED: &[Metric] = Metric::ALL.split_at(1).1.split_at(9).0;

/// One of the counts of a metric entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    ComparisonEvents,
    ComparisonTotal,
    ReferenceEvents,
    ReferenceTotal,
    NotStated,
}

impl Count {
    pub const ALL: [Count; 5] = [
        Count::ComparisonEvents,
        Count::ComparisonTotal,
        Count::ReferenceEvents,
        Count::ReferenceTotal,
        Count::NotStated,
    ];

    /// The field's key in edits and element ids.
    pub fn id(self) -> &'static str {
        match self {
            Count::ComparisonEvents => "ce",
            Count::ComparisonTotal => "ct",
            Count::ReferenceEvents => "re",
            Count::ReferenceTotal => "rt",
            Count::NotStated => "ns",
        }
    }

    pub fn from_id(id: &str) -> Option<Count> {
        Count::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The text of this count in an entry.
    pub fn of(self, entry: &MetricEntry) -> &str {
        match self {
            Count::ComparisonEvents => &entry.comparison_events,
            Count::ComparisonTotal => &entry.comparison_total,
            Count::ReferenceEvents => &entry.reference_events,
            Count::ReferenceTotal => &entry.reference_total,
            Count::NotStated => &entry.not_stated,
        }
    }

    /// The same field, to change.
    pub fn of_mut(self, entry: &mut MetricEntry) -> &mut String {
        match self {
            Count::ComparisonEvents => &mut entry.comparison_events,
            Count::ComparisonTotal => &mut entry.comparison_total,
            Count::ReferenceEvents => &mut entry.reference_events,
            Count::ReferenceTotal => &mut entry.reference_total,
            Count::NotStated => &mut entry.not_stated,
        }
    }

    fn is_events(self) -> bool {
        matches!(self, Count::ComparisonEvents | Count::ReferenceEvents)
    }
}

/// A metric's stable id, the same as its saved form ("senior_roles").
pub fn metric_id(metric: Metric) -> &'static str {
    match metric {
        Metric::PayBands => "pay_bands",
        Metric::Appointment => "appointment",
        Metric::Disciplinary => "disciplinary",
        Metric::FitnessToPractise => "fitness_to_practise",
        Metric::Cpd => "cpd",
        Metric::HarassmentFromPublic => "harassment_from_public",
        Metric::HarassmentFromColleagues => "harassment_from_colleagues",
        Metric::HarassmentFromManagers => "harassment_from_managers",
        Metric::Leaving => "leaving",
        Metric::SeniorRoles => "senior_roles",
        Metric::GoodServiceOutcome => "good_service_outcome",
    }
}

/// The metric with this id.
pub fn metric_from_id(id: &str) -> Option<Metric> {
    Metric::ALL.into_iter().find(|m| metric_id(*m) == id)
}

/// The metric's name as the SC-WRES lists it, in our words.
pub fn metric_title(metric: Metric) -> &'static str {
    match metric {
        Metric::PayBands => "Pay bands",
        Metric::Appointment => "Appointment from shortlisting",
        Metric::Disciplinary => "Formal disciplinary process",
        Metric::FitnessToPractise => "Fitness to practise referrals",
        Metric::Cpd => "Non-mandatory training and development (CPD)",
        Metric::HarassmentFromPublic => {
            "Harassment or bullying from people who use services or the public"
        }
        Metric::HarassmentFromColleagues => "Harassment or bullying from colleagues",
        Metric::HarassmentFromManagers => "Harassment or bullying from managers",
        Metric::Leaving => "Leaving the organisation",
        Metric::SeniorRoles => "Senior and leadership roles",
        Metric::GoodServiceOutcome => "Job or education starts",
    }
}

/// What the two counts of a group mean for a metric: (events, total), as in "12 appointed out of
/// 40 shortlisted".
pub fn count_words(metric: Metric) -> (&'static str, &'static str) {
    match metric {
        Metric::Appointment => ("appointed", "shortlisted"),
        Metric::Disciplinary => ("entered the formal disciplinary process", "staff"),
        Metric::FitnessToPractise => (
            "referred for fitness to practise",
            "staff in regulated roles",
        ),
        Metric::Cpd => ("took up non-mandatory CPD", "staff"),
        Metric::HarassmentFromPublic
        | Metric::HarassmentFromColleagues
        | Metric::HarassmentFromManagers => ("reported it", "answered the survey question"),
        Metric::Leaving => ("left", "staff at the start of the period"),
        Metric::SeniorRoles => ("in senior or leadership roles", "staff"),
        Metric::PayBands => ("in the band", "staff"),
        Metric::GoodServiceOutcome => ("started a job or education", "on the caseload"),
    }
}

/// The words for the reference group in sentences and labels, from the plan's settings.
pub fn reference_words(settings: &Settings) -> &'static str {
    match settings.reference_group.as_str() {
        "white_british" => "White British staff",
        _ => "White staff",
    }
}

/// The words for the reference group for one metric: applicants for appointment from
/// shortlisting (they are not staff yet), staff for the rest.
pub fn reference_words_for(settings: &Settings, metric: Metric) -> &'static str {
    match (metric, settings.reference_group.as_str()) {
        (Metric::Appointment, "white_british") => "White British applicants",
        (Metric::Appointment, _) => "White applicants",
        _ => reference_words(settings),
    }
}

/// A problem with one count, shown beside the field and in the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub count: Count,
    pub message: String,
}

/// The counts of an entry once read: all four group counts (and the "not stated" count, 0 when
/// blank), or the problems that stop a figure being worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// Nothing typed yet: no figure, and nothing to correct.
    Blank,
    /// Comparison events and total, reference events and total, not stated.
    Counts([u64; 5]),
    Problems(Vec<FieldProblem>),
}

/// What a metric's figure is worked out from: the four counts (as read, so "22 174" and "22174"
/// are the same), the convention, the reference group and the non-adverse range. A "what we know"
/// text remembers this when it is written; when it differs, the figure it was written for has
/// changed. The not-stated count and the organisation's words do not change the figure.
pub fn figure_key(entry: &MetricEntry, settings: &Settings) -> String {
    let counts: Vec<String> = Count::ALL[..4]
        .iter()
        .map(|c| match parse_count(c.of(entry)) {
            Ok(Some(n)) => n.to_string(),
            _ => c.of(entry).trim().to_string(),
        })
        .collect();
    let convention = serde_json::to_string(&settings.ratio_convention).unwrap_or_default();
    format!(
        "{}|{}|{}|{}-{}",
        counts.join(","),
        convention.trim_matches('"'),
        settings.reference_group,
        settings.non_adverse_range.lower(),
        settings.non_adverse_range.upper()
    )
}

/// Whether the team's "what we know" text was written for a figure other than the one shown now
/// (the counts or the settings have changed since): the screen flags it and offers the new
/// sentence. A text with no remembered figure (none is kept for a blank text) is not flagged.
pub fn what_we_know_is_stale(entry: &MetricEntry, settings: &Settings) -> bool {
    !entry.what_we_know.trim().is_empty()
        && !entry.what_we_know_for.is_empty()
        && entry.what_we_know_for != figure_key(entry, settings)
}

/// Sets "what we know" to `text`, remembering the figure it is written against (nothing is
/// remembered for a blank text, which means "use the sentence worked out from the figures").
pub fn set_what_we_know(entry: &mut MetricEntry, text: &str, settings: &Settings) {
    entry.what_we_know = text.to_string();
    entry.what_we_know_for = if text.trim().is_empty() {
        String::new()
    } else {
        figure_key(entry, settings)
    };
}

/// Reads an entry's counts. Every field gets its own message: a count that does not read, a
/// missing count once any is typed, and a number of events above its total.
pub fn check(entry: &MetricEntry, metric: Metric, comparison: &str, reference: &str) -> Checked {
    let (events, total) = count_words(metric);
    let group = |count: Count| match count {
        Count::ComparisonEvents | Count::ComparisonTotal => comparison,
        _ => reference,
    };
    let texts = Count::ALL.map(|c| c.of(entry));
    if texts.iter().all(|t| t.trim().is_empty()) {
        return Checked::Blank;
    }
    let mut problems = Vec::new();
    let mut values = [0u64; 5];
    for (i, count) in Count::ALL.into_iter().enumerate() {
        match parse_count(texts[i]) {
            Ok(Some(n)) => values[i] = n,
            Ok(None) if count == Count::NotStated => {}
            Ok(None) => problems.push(FieldProblem {
                count,
                message: format!(
                    "Enter how many {} {}: {}.",
                    group(count),
                    if count.is_events() { events } else { total },
                    "a count such as 12 (0 if none)"
                ),
            }),
            Err(message) => problems.push(FieldProblem {
                count,
                message: stats::capitalise(&message),
            }),
        }
    }
    for (e, t) in [
        (Count::ComparisonEvents, Count::ComparisonTotal),
        (Count::ReferenceEvents, Count::ReferenceTotal),
    ] {
        let (ei, ti) = (e as usize, t as usize);
        let both_read = !problems.iter().any(|p| p.count == e || p.count == t);
        if both_read && values[ei] > values[ti] {
            problems.push(FieldProblem {
                count: e,
                message: format!(
                    "{} {events} is more than the {} {total}: it cannot be. Check both counts for {}.",
                    values[ei],
                    values[ti],
                    group(e)
                ),
            });
        }
    }
    if problems.is_empty() {
        Checked::Counts(values)
    } else {
        problems.sort_by_key(|p| p.count as usize);
        Checked::Problems(problems)
    }
}

/// What a metric's counts show.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricFigure {
    pub comparison_rate: Option<Proportion>,
    pub reference_rate: Option<Proportion>,
    pub ratio: RatioResult,
    pub status: RatioStatus,
    /// The ratio and its interval as a table shows them, agreeing with the status
    /// ([`stats::ratio_text`]), or why there is none.
    pub ratio_text: String,
    /// The relative likelihood in plain words, never claiming more than its interval supports.
    pub sentence: String,
    /// Senior and leadership roles only: the comparison group's share of those roles against its
    /// share of the rest of the workforce ([`stats::part_against_rest`]), and its sentence.
    pub representation: Option<(Result<Representation, NotComputable>, String)>,
    /// Either group's rate has a numerator of 1 to 4 or a denominator under 10
    /// ([`stats::small_numbers`]): the figure is the team's own, shown with a warning, and
    /// withheld from published output.
    pub small_numbers: bool,
    /// "Not stated" is above 10% of all records: it could hide a difference.
    pub not_stated_flag: bool,
}

/// The figure for a metric from its checked counts, in the plan's convention and words.
pub fn figure(metric: Metric, counts: [u64; 5], settings: &Settings) -> MetricFigure {
    let [ce, ct, re, rt, not_stated] = counts;
    let comparison_words = settings.comparison_group_term.trim();
    let reference = reference_words_for(settings, metric);
    let convention = settings.ratio_convention;
    let range = settings.non_adverse_range;
    let adverse = stats::adverse_direction(convention, metric);
    let comparison = stats::Counts {
        events: ce,
        total: ct,
    };
    let reference_counts = stats::Counts {
        events: re,
        total: rt,
    };
    let ratio = stats::metric_relative_likelihood(convention, metric, comparison, reference_counts);
    let wording = Wording {
        comparison: comparison_words,
        reference,
        event: metric.event(),
        happened: metric.happened(),
    };
    let sentence = stats::sentence(
        &wording,
        stats::orientation(convention, metric),
        comparison,
        reference_counts,
        range,
        adverse,
    );
    let representation = (metric == Metric::SeniorRoles).then(|| {
        // Senior roles are part of the workforce: the comparison group's share of them against
        // its share of everyone else (METRICS.md "Representation ratio").
        let result = stats::part_against_rest(ce, ce + re, ct, ct + rt);
        let words = RepresentationWording {
            group: comparison_words,
            population: "senior and leadership roles",
            baseline: "the rest of the workforce",
        };
        let text = stats::representation_sentence(&words, &result, range, AdverseDirection::Below);
        (result, text)
    });
    let small_numbers = stats::small_numbers(ce, ct) || stats::small_numbers(re, rt);
    MetricFigure {
        comparison_rate: stats::proportion(ce, ct),
        reference_rate: stats::proportion(re, rt),
        status: stats::ratio_status(&ratio, range, adverse),
        ratio_text: match &ratio {
            Ok(r) => stats::ratio_text(r, range),
            Err(reason) => reason.message().to_string(),
        },
        ratio,
        sentence,
        representation,
        small_numbers,
        not_stated_flag: stats::not_stated_flag(not_stated, ct + rt + not_stated),
    }
}

/// Each band with counts: its position in the list, and its comparison and reference counts.
pub type BandCounts = Vec<(usize, [u64; 2])>;
/// A problem with a band's count: the band's id, "c" or "r", and what to type.
pub type BandProblem = (String, &'static str, String);

/// Each of a period's metrics 2 to 9, in order, with its entry (blank when none has been made)
/// and its counts checked in the plan's words.
pub fn check_period(period: &Period, settings: &Settings) -> Vec<(Metric, MetricEntry, Checked)> {
    let comparison = settings.comparison_group_term.trim();
    ENTERED
        .iter()
        .map(|&metric| {
            let reference = reference_words_for(settings, metric);
            let entry = period
                .metrics
                .iter()
                .find(|e| e.metric == metric_id(metric))
                .cloned()
                .unwrap_or_default();
            let checked = check(&entry, metric, comparison, reference);
            (metric, entry, checked)
        })
        .collect()
}

/// Metric 1, pay bands: each band's counts read, or every problem with them. A band with nothing
/// typed is left out.
pub fn check_bands(
    bands: &[BandEntry],
    comparison: &str,
    reference: &str,
) -> Result<BandCounts, Vec<BandProblem>> {
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for (i, band) in bands.iter().enumerate() {
        let texts = [
            (band.comparison.as_str(), "c", comparison),
            (band.reference.as_str(), "r", reference),
        ];
        if texts.iter().all(|(t, _, _)| t.trim().is_empty()) {
            continue;
        }
        let mut counts = [0u64; 2];
        for (j, (text, field, group)) in texts.into_iter().enumerate() {
            match parse_count(text) {
                Ok(Some(n)) => counts[j] = n,
                Ok(None) => problems.push((
                    band.id.clone(),
                    field,
                    format!("Enter how many {group} are in this band (0 if none)."),
                )),
                Err(message) => {
                    problems.push((band.id.clone(), field, stats::capitalise(&message)))
                }
            }
        }
        read.push((i, counts));
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// A pay band's figure: the comparison group's share of the band against its share of the other
/// bands, and the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct BandFigure {
    /// Position of the band in the period's list.
    pub band: usize,
    pub representation: Result<Representation, NotComputable>,
    /// Two-sided (higher or lower than expected): a band has no good direction.
    pub status: RatioStatus,
    /// The ratio and its interval as a table shows them ([`stats::ratio_text`]), or why there is none.
    pub ratio_text: String,
    pub sentence: String,
    /// The band's or the other bands' share rests on small numbers ([`stats::small_numbers`]).
    pub small_numbers: bool,
}

/// The figure for each band with counts. A band is part of all the bands, so each is compared
/// with the rest of them (METRICS.md "Representation ratio"), and the status is two-sided: a high
/// share is not plainly good or bad (it is a concern in the lowest bands, and in the highest the
/// opposite), so the figures say higher or lower than expected and leave the reading to the team.
pub fn band_figures(
    bands: &[BandEntry],
    counts: &[(usize, [u64; 2])],
    settings: &Settings,
) -> Vec<BandFigure> {
    let (all_c, all_r) = counts.iter().fold((0u64, 0u64), |(c, r), (_, [bc, br])| {
        (c.saturating_add(*bc), r.saturating_add(*br))
    });
    let all = all_c.saturating_add(all_r);
    let range = settings.non_adverse_range;
    let two_sided = AdverseDirection::Neither;
    counts
        .iter()
        .map(|&(i, [c, r])| {
            let result = stats::part_against_rest(c, c.saturating_add(r), all_c, all);
            let population = format!("pay band \u{2018}{}\u{2019}", bands[i].name.trim());
            let words = RepresentationWording {
                group: settings.comparison_group_term.trim(),
                population: &population,
                baseline: "the other bands",
            };
            let ratio = result.map(|r| r.ratio);
            let small_numbers = stats::small_numbers(c, c.saturating_add(r))
                || stats::small_numbers(all_c - c, all - c.saturating_add(r));
            BandFigure {
                band: i,
                sentence: stats::representation_sentence(&words, &result, range, two_sided),
                status: stats::ratio_status(&ratio, range, two_sided),
                ratio_text: match &ratio {
                    Ok(r) => stats::ratio_text(r, range),
                    Err(reason) => reason.message().to_string(),
                },
                representation: result,
                small_numbers,
            }
        })
        .collect()
}

/// One metric of a period as the Data screen shows it: its entry, its counts checked, the figure
/// they give, and whether the team's "what we know" text was written for other figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub metric: Metric,
    pub entry: MetricEntry,
    pub checked: Checked,
    pub figure: Option<MetricFigure>,
    pub stale: bool,
}

/// Everything a reporting period shows, worked out once from the plan: each metric's row, the
/// pay bands checked, and each band's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodFigures {
    pub metrics: Vec<MetricRow>,
    /// The bands' counts, or every problem with them.
    pub bands: Result<BandCounts, Vec<BandProblem>>,
    pub band_figures: Vec<BandFigure>,
}

impl PeriodFigures {
    /// Every problem with a metric's counts: the metric, and the problem.
    pub fn problems(&self) -> Vec<(Metric, &FieldProblem)> {
        self.metrics
            .iter()
            .flat_map(|row| match &row.checked {
                Checked::Problems(list) => list.iter().map(|p| (row.metric, p)).collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// The problems with the pay bands' counts.
    pub fn band_problems(&self) -> &[BandProblem] {
        self.bands.as_ref().err().map_or(&[], Vec::as_slice)
    }
}

/// A period's figures ([`PeriodFigures`]) in the plan's convention and words.
pub fn period_figures(period: &Period, settings: &Settings) -> PeriodFigures {
    let metrics = check_period(period, settings)
        .into_iter()
        .map(|(metric, entry, checked)| {
            let figure = match &checked {
                Checked::Counts(counts) => Some(figure(metric, *counts, settings)),
                _ => None,
            };
            let stale = what_we_know_is_stale(&entry, settings);
            MetricRow {
                metric,
                entry,
                checked,
                figure,
                stale,
            }
        })
        .collect();
    let bands = check_bands(
        &period.bands,
        settings.comparison_group_term.trim(),
        reference_words(settings),
    );
    let band_figures = match &bands {
        Ok(counts) => band_figures(&period.bands, counts, settings),
        Err(_) => Vec::new(),
    };
    PeriodFigures {
        metrics,
        bands,
        band_figures,
    }
}

/// One metric across periods: its relative likelihood in each (as the figure beside its status
/// shows it, or empty), and the change from the period before the last to the last ("+0.126",
/// "−0.050", or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverTimeRow {
    pub metric: Metric,
    pub values: Vec<String>,
    pub change: String,
}

/// Each entered metric's relative likelihood across `periods` (in the order given).
pub fn over_time(periods: &[PeriodFigures], settings: &Settings) -> Vec<OverTimeRow> {
    let range = settings.non_adverse_range;
    ENTERED
        .iter()
        .enumerate()
        .map(|(i, &metric)| {
            let values: Vec<Option<f64>> = periods
                .iter()
                .map(|p| {
                    p.metrics
                        .get(i)
                        .and_then(|row| row.figure.as_ref())
                        .and_then(|f| f.ratio.as_ref().ok())
                        .map(|r| r.value)
                })
                .collect();
            let change = match values.as_slice() {
                [.., Some(before), Some(now)] => {
                    let sign = if now >= before { "+" } else { "\u{2212}" };
                    format!("{sign}{}", stats::format_ratio((now - before).abs()))
                }
                _ => String::new(),
            };
            OverTimeRow {
                metric,
                // As the figure beside its status shows it: never rounded onto or across an end
                // of the range.
                values: values
                    .iter()
                    .map(|v| {
                        v.map(|v| stats::format_ratio_in(v, range))
                            .unwrap_or_default()
                    })
                    .collect(),
                change,
            }
        })
        .collect()
}

/// One of the five steps of SC-WRES action planning (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanningStep {
    /// Stable: saved records refer to it.
    pub id: &'static str,
    /// The step's name as the SC-WRES guidance gives it.
    pub title: &'static str,
    /// What the step involves, in our words.
    pub about: &'static str,
}

/// The five steps of SC-WRES action planning, in order (seed 002).
pub const PLANNING_STEPS: [PlanningStep; 5] = [
    PlanningStep {
        id: "prepare",
        title: "Preparing the ground",
        about: "Set up a project group with a lead member, drawn from across the organisation (staff representatives, principal social workers, HR, equality and communications leads), with the authority to call meetings, consult and sign off the plan. Plan how staff at every level will hear about the work.",
    },
    PlanningStep {
        id: "analyse",
        title: "Metric analysis and sense making",
        about: "The project group goes through the nine metrics, weighs the first findings against what it knows locally, and picks out the messages and questions to take to staff.",
    },
    PlanningStep {
        id: "consult",
        title: "Checking findings and developing actions",
        about: "Share the findings widely, at every level, and gather feedback and ideas for solutions; look at wider evidence and what has helped elsewhere.",
    },
    PlanningStep {
        id: "final",
        title: "Final action plan",
        about: "The project group, with staff advisers and decision makers, tests the proposed actions: what has worked before, the evidence, cost against impact, and what success looks like. A final list of priorities is signed off.",
    },
    PlanningStep {
        id: "evaluate",
        title: "Evaluation/continuous improvement",
        about: "Agree how the plan\u{2019}s impact will be watched and feedback gathered, with staff consulted along the way.",
    },
];

/// The planning step with this id.
pub fn planning_step(id: &str) -> Option<&'static PlanningStep> {
    PLANNING_STEPS.iter().find(|s| s.id == id)
}

/// The six themes of an SC-WRES action plan (seed 004), each with the metrics that inform it.
pub const THEMES: [(&str, &[Metric]); 6] = [
    ("Leadership", &[Metric::PayBands, Metric::SeniorRoles]),
    (
        "Recruitment and retention",
        &[Metric::Appointment, Metric::Leaving],
    ),
    ("Learning and career development", &[Metric::Cpd]),
    (
        "Culture and staff experience",
        &[
            Metric::Disciplinary,
            Metric::FitnessToPractise,
            Metric::HarassmentFromPublic,
            Metric::HarassmentFromColleagues,
            Metric::HarassmentFromManagers,
        ],
    ),
    ("Health and wellbeing", &[]),
    ("Employee voice", &[]),
];

/// The seven key areas of the SC-WRES improvement guidance (seed 002), each with the metrics that
/// inform it. Staff voice and culture draw on all of them.
pub const KEY_AREAS: [(&str, &[Metric]); 7] = [
    ("Leadership", &[Metric::PayBands, Metric::SeniorRoles]),
    ("Staff voice", ENTERED),
    ("Culture", ENTERED),
    (
        "Progression and staff development",
        &[Metric::Appointment, Metric::Cpd],
    ),
    (
        "Recruitment and retention",
        &[Metric::Appointment, Metric::Leaving],
    ),
    (
        "Performance and fairness",
        &[Metric::Disciplinary, Metric::FitnessToPractise],
    ),
    ("Community impact", &[Metric::SeniorRoles]),
];

/// Metric ids the versions before 5 used in `Period::figures`, by metric.
const LEGACY_IDS: [(&str, Metric); 9] = [
    ("appointed_from_shortlisting", Metric::Appointment),
    ("formal_disciplinary", Metric::Disciplinary),
    ("fitness_to_practise", Metric::FitnessToPractise),
    ("cpd_uptake", Metric::Cpd),
    ("harassment_from_public", Metric::HarassmentFromPublic),
    (
        "harassment_from_colleagues",
        Metric::HarassmentFromColleagues,
    ),
    ("harassment_from_managers", Metric::HarassmentFromManagers),
    ("leaving", Metric::Leaving),
    ("senior_roles", Metric::SeniorRoles),
];

/// Reads the per-group figures of versions 1 to 4 into entries: the reference group's figure
/// (the group whose id is the plan's reference group, such as "white") against the sum of every
/// other stated group, and "not stated" as its total. Those versions kept broad groups only, so
/// with "White British" as the reference no group matches and the reference counts stay blank for
/// the team to fill in, rather than counting other White staff as White British. A side where any
/// group lacks a count (or a total) is left blank too, never summed without it: a rate with a
/// group's total but not its events would look valid and be too low.
/// A figure's count or total that is not a whole number reads as blank.
pub fn entries_from_figures(
    figures: &serde_json::Value,
    reference_group: &str,
) -> Vec<MetricEntry> {
    let text = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut entries = Vec::new();
    for (legacy, metric) in LEGACY_IDS {
        let Some(groups) = figures
            .get(legacy)
            .or_else(|| figures.get(metric_id(metric)))
            .and_then(serde_json::Value::as_object)
        else {
            continue;
        };
        let sum = |pick: &dyn Fn(&str) -> bool, get: &str| {
            groups
                .iter()
                .filter(|(group, _)| pick(group))
                .map(|(_, f)| f.get(get).and_then(serde_json::Value::as_u64))
                .try_fold(None, |acc: Option<u64>, n| {
                    // Any group without this figure leaves the whole side blank.
                    let n = n?;
                    Some(Some(acc.unwrap_or(0).saturating_add(n)))
                })
                .flatten()
        };
        let is_reference = |g: &str| g == reference_group;
        let is_comparison = |g: &str| g != reference_group && g != "not_stated";
        let is_not_stated = |g: &str| g == "not_stated";
        entries.push(MetricEntry {
            metric: metric_id(metric).to_string(),
            comparison_events: text(sum(&is_comparison, "count")),
            comparison_total: text(sum(&is_comparison, "out_of")),
            reference_events: text(sum(&is_reference, "count")),
            reference_total: text(sum(&is_reference, "out_of")),
            not_stated: text(sum(&is_not_stated, "out_of")),
            what_we_know: String::new(),
            what_we_know_for: String::new(),
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(metric: Metric, counts: [&str; 5]) -> MetricEntry {
        let mut e = MetricEntry {
            metric: metric_id(metric).into(),
            ..MetricEntry::default()
        };
        for (count, text) in Count::ALL.into_iter().zip(counts) {
            *count.of_mut(&mut e) = text.into();
        }
        e
    }

    fn checked(metric: Metric, counts: [&str; 5]) -> Checked {
        check(
            &entry(metric, counts),
            metric,
            "minoritised staff",
            "White staff",
        )
    }

    #[test]
    fn ids_and_counts_round_trip() {
        for metric in Metric::ALL {
            assert_eq!(metric_from_id(metric_id(metric)), Some(metric));
        }
        for count in Count::ALL {
            assert_eq!(Count::from_id(count.id()), Some(count));
        }
        assert_eq!(metric_from_id("bands"), None);
    }

    #[test]
    fn blank_entries_ask_for_nothing_and_partial_ones_say_what_is_missing() {
        assert_eq!(
            checked(Metric::Appointment, ["", " ", "", "", ""]),
            Checked::Blank
        );
        let Checked::Problems(problems) = checked(Metric::Appointment, ["12", "", "", "40", ""])
        else {
            panic!("expected problems")
        };
        assert_eq!(
            problems,
            [
                FieldProblem {
                    count: Count::ComparisonTotal,
                    message: "Enter how many minoritised staff shortlisted: a count such as 12 (0 if none).".into()
                },
                FieldProblem {
                    count: Count::ReferenceEvents,
                    message: "Enter how many White staff appointed: a count such as 12 (0 if none).".into()
                },
            ]
        );
    }

    #[test]
    fn bad_counts_and_events_above_totals_are_explained_field_by_field() {
        let Checked::Problems(problems) =
            checked(Metric::Appointment, ["-3", "12a", "50", "40", "x"])
        else {
            panic!("expected problems")
        };
        let messages: Vec<(Count, &str)> = problems
            .iter()
            .map(|p| (p.count, p.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (Count::ComparisonEvents, "‘-3’ is below zero: a count cannot be negative, so enter a count such as 12, or leave it blank."),
                (Count::ComparisonTotal, "‘12a’ is not a whole number: enter a count such as 12, or leave it blank."),
                (Count::ReferenceEvents, "50 appointed is more than the 40 shortlisted: it cannot be. Check both counts for White staff."),
                (Count::NotStated, "‘x’ is not a whole number: enter a count such as 12, or leave it blank."),
            ]
        );
        // Not stated may be left blank.
        assert_eq!(
            checked(Metric::Appointment, ["41", "100", "53", "100", ""]),
            Checked::Counts([41, 100, 53, 100, 0])
        );
    }

    #[test]
    fn the_seed_004_appointment_figure_in_both_conventions() {
        // METRICS.md worked example: 41 of 100 vs 53 of 100; statsmodels
        // Table2x2([[41,59],[53,47]]).riskratio_confint() gives 0.57371 to 1.04309.
        let mut settings = Settings {
            comparison_group_term: "applicants from communities who experience racism".into(),
            ..Settings::default()
        };
        let f = figure(Metric::Appointment, [41, 100, 53, 100, 0], &settings);
        let ratio = f.ratio.unwrap();
        assert!((ratio.value - 0.77358).abs() < 5e-6);
        assert!((ratio.interval.lower - 0.57371).abs() < 5e-6);
        assert!((ratio.interval.upper - 1.04309).abs() < 5e-6);
        assert_eq!(f.status, RatioStatus::OutsideNotConclusive);
        // Shortlisted people are applicants, not staff (issue 17).
        assert!(f.sentence.starts_with(
            "Applicants from communities who experience racism were 23% less likely than White applicants to be appointed from shortlisting"
        ), "{}", f.sentence);
        assert_eq!(f.ratio_text, "0.774 (0.574 to 1.04)");
        assert!((f.comparison_rate.unwrap().value - 0.41).abs() < 1e-12);
        assert!(f.representation.is_none());
        assert!(!f.small_numbers && !f.not_stated_flag);

        // NHS WRES orientation: White ÷ comparison = 0.53 / 0.41 = 1.29268 (METRICS.md).
        settings.ratio_convention = stats::Convention::NhsWres;
        let nhs = figure(Metric::Appointment, [41, 100, 53, 100, 0], &settings);
        assert!((nhs.ratio.unwrap().value - 1.29268).abs() < 5e-6);
    }

    #[test]
    fn a_bad_event_that_is_clearly_higher_is_adverse() {
        // METRICS.md: 250 of 1000 vs 120 of 800 gives 1.66667 (1.36891 to 2.02919), adverse.
        let f = figure(
            Metric::Disciplinary,
            [250, 1000, 120, 800, 0],
            &Settings::default(),
        );
        assert!((f.ratio.unwrap().value - 1.66667).abs() < 5e-6);
        assert_eq!(f.status, RatioStatus::Adverse);
        assert!(
            f.sentence.contains(
                "1.67 times as likely as White staff to enter the formal disciplinary process"
            ),
            "{}",
            f.sentence
        );
    }

    #[test]
    fn senior_roles_also_give_the_share_against_the_workforce() {
        // 6 of 40 senior roles held by the comparison group (15%). Senior roles are part of the
        // workforce (300 of 1200, 25%), so they are compared with the rest of it, 294 of 1160
        // (25.34%): by hand 0.15 / 0.253448 = 0.591837, a gap of -10.34 points.
        let f = figure(
            Metric::SeniorRoles,
            [6, 300, 34, 900, 0],
            &Settings::default(),
        );
        let (result, sentence) = f.representation.unwrap();
        let rep = result.unwrap();
        assert!((rep.ratio.value - 0.591837).abs() < 1e-6);
        assert!((rep.gap_points + 10.344828).abs() < 1e-6);
        assert!((rep.whole_share.unwrap() - 0.25).abs() < 1e-12);
        assert!(
            sentence.starts_with("People from minoritised ethnic groups were 15.0% of senior and leadership roles, against 25.3% of the rest of the workforce"),
            "{sentence}"
        );
    }

    #[test]
    fn shortlisted_people_are_applicants() {
        let settings = Settings::default();
        assert_eq!(
            reference_words_for(&settings, Metric::Appointment),
            "White applicants"
        );
        assert_eq!(
            reference_words_for(&settings, Metric::Leaving),
            "White staff"
        );
        let british = Settings {
            reference_group: "white_british".into(),
            ..Settings::default()
        };
        assert_eq!(
            reference_words_for(&british, Metric::Appointment),
            "White British applicants"
        );
        let period = Period {
            metrics: vec![entry(Metric::Appointment, ["12", "40", "", "50", ""])],
            ..Period::default()
        };
        let rows = check_period(&period, &settings);
        let Checked::Problems(problems) = &rows[0].2 else {
            panic!("expected problems")
        };
        assert_eq!(
            problems[0].message,
            "Enter how many White applicants appointed: a count such as 12 (0 if none)."
        );
    }

    #[test]
    fn zero_and_complete_counts_are_said_in_words() {
        // Issue 17: fitness to practise, 0 of 40 against 1 of 480, read "3.91 times as likely".
        let settings = Settings {
            comparison_group_term: "people from minoritised ethnic groups".into(),
            ..Settings::default()
        };
        let f = figure(Metric::FitnessToPractise, [0, 40, 1, 480, 0], &settings);
        assert!(f.sentence.starts_with("None of the 40 people from minoritised ethnic groups were referred for fitness to practise, against 1 of the 480 White staff (0.2%)."), "{}", f.sentence);
        assert!(!f.sentence.contains("times as likely"));
        assert_eq!(f.status, RatioStatus::TooFewToTell);
        assert_eq!(f.ratio_text, "3.91 (0.162 to 94.5), corrected, approximate");
        assert!(f.small_numbers);
    }

    #[test]
    fn small_numbers_and_a_large_not_stated_share_are_flagged() {
        let f = figure(Metric::Leaving, [3, 20, 10, 80, 2], &Settings::default());
        assert!(f.small_numbers, "a numerator of 3 (METRICS.md: 1 to 4)");
        let f = figure(Metric::Leaving, [5, 20, 0, 9, 0], &Settings::default());
        assert!(f.small_numbers, "a denominator of 9");
        assert!(!f.not_stated_flag, "2 of 102 is under 10%");
        let f = figure(
            Metric::Leaving,
            [30, 200, 100, 800, 120],
            &Settings::default(),
        );
        assert!(!f.small_numbers);
        assert!(f.not_stated_flag, "120 of 1120 is over 10%");
    }

    #[test]
    fn a_period_is_checked_metric_by_metric_in_sc_wres_order() {
        let period = Period {
            metrics: vec![entry(Metric::Leaving, ["3", "20", "x", "80", ""])],
            ..Period::default()
        };
        let rows = check_period(&period, &Settings::default());
        let metrics: Vec<Metric> = rows.iter().map(|r| r.0).collect();
        assert_eq!(metrics, ENTERED);
        assert_eq!(rows[0].2, Checked::Blank);
        let leaving = rows.iter().find(|r| r.0 == Metric::Leaving).unwrap();
        assert_eq!(leaving.1.comparison_events, "3");
        assert!(matches!(&leaving.2, Checked::Problems(p) if p[0].count == Count::ReferenceEvents));
    }

    #[test]
    fn pay_bands_compare_each_band_with_all_the_staff_in_the_bands() {
        let band = |id: &str, name: &str, c: &str, r: &str| BandEntry {
            id: id.into(),
            name: name.into(),
            comparison: c.into(),
            reference: r.into(),
        };
        let bands = [
            band("b1", "Grade 3", "60", "140"),
            band("b2", "Grade 6", "", ""),
            band("b3", "Grade 9", "10", "90"),
        ];
        let counts = check_bands(&bands, "minoritised staff", "White staff").unwrap();
        assert_eq!(counts, [(0, [60, 140]), (2, [10, 90])]);
        let settings = Settings {
            comparison_group_term: "minoritised staff".into(),
            ..Settings::default()
        };
        let figures = band_figures(&bands, &counts, &settings);
        // Each band against the other bands (a band is part of all of them). By hand: Grade 3,
        // 60 of 200 (30%) against 10 of 100 (10%): 3.0; Grade 9, 10 of 100 against 60 of 200:
        // 0.3333. Against all the bands (the old way) they were 1.29 and 0.43.
        let value = |f: &BandFigure| f.representation.as_ref().unwrap().ratio.value;
        assert!((value(&figures[0]) - 3.0).abs() < 1e-9);
        assert!((value(&figures[1]) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(figures[1].band, 2);
        // Two-sided: a band has no good direction.
        assert_eq!(
            figures[0].status,
            RatioStatus::Higher,
            "{}",
            figures[0].sentence
        );
        assert_eq!(
            figures[1].status,
            RatioStatus::Lower,
            "{}",
            figures[1].sentence
        );
        assert!(
            figures[1].sentence.starts_with("Minoritised staff were 10.0% of pay band ‘Grade 9’, against 30.0% of the other bands"),
            "{}",
            figures[1].sentence
        );
        assert!(!figures
            .iter()
            .any(|f| f.sentence.contains("favour") || f.sentence.contains("adverse")));
        assert!(!figures[0].small_numbers);
        // One band alone has no other bands to compare with.
        let one = band_figures(&bands[..1], &[(0, [60, 140])], &settings);
        assert_eq!(one[0].status, RatioStatus::NotComputable);
        assert!(
            one[0]
                .sentence
                .ends_with("there is no one outside it to compare with."),
            "{}",
            one[0].sentence
        );

        let bad = [band("b1", "A", "12a", "")];
        assert_eq!(
            check_bands(&bad, "minoritised staff", "White staff"),
            Err(vec![
                (
                    "b1".to_string(),
                    "c",
                    "‘12a’ is not a whole number: enter a count such as 12, or leave it blank."
                        .to_string()
                ),
                (
                    "b1".to_string(),
                    "r",
                    "Enter how many White staff are in this band (0 if none).".to_string()
                ),
            ])
        );
    }

    #[test]
    fn figures_from_older_versions_become_entries() {
        let figures = serde_json::json!({
            "appointed_from_shortlisting": {
                "white": {"count": 53, "out_of": 100},
                "black": {"count": 20, "out_of": 50},
                "asian": {"count": 21, "out_of": 50},
                "not_stated": {"count": 1, "out_of": 7},
            },
            "pay_bands": {},
        });
        let entries = entries_from_figures(&figures, "white");
        assert_eq!(
            entries,
            [MetricEntry {
                metric: "appointment".into(),
                comparison_events: "41".into(),
                comparison_total: "100".into(),
                reference_events: "53".into(),
                reference_total: "100".into(),
                not_stated: "7".into(),
                what_we_know: String::new(),
                what_we_know_for: String::new(),
            }]
        );
    }

    #[test]
    fn every_metric_with_counts_belongs_to_a_theme_and_a_key_area() {
        for &metric in ENTERED {
            assert!(
                THEMES.iter().any(|(_, m)| m.contains(&metric)),
                "{metric:?}"
            );
            assert!(
                KEY_AREAS
                    .iter()
                    .filter(|(name, _)| *name != "Staff voice" && *name != "Culture")
                    .any(|(_, m)| m.contains(&metric))
                    || matches!(
                        metric,
                        Metric::HarassmentFromPublic
                            | Metric::HarassmentFromColleagues
                            | Metric::HarassmentFromManagers
                    ),
                "{metric:?}"
            );
        }
    }
}

#[cfg(test)]
mod period_figures_tests {
    use super::*;
    use crate::plan::{BandEntry, MetricEntry, Period, Settings};

    fn entry(metric: &str, counts: [&str; 4]) -> MetricEntry {
        MetricEntry {
            metric: metric.into(),
            comparison_events: counts[0].into(),
            comparison_total: counts[1].into(),
            reference_events: counts[2].into(),
            reference_total: counts[3].into(),
            ..MetricEntry::default()
        }
    }

    fn band(id: &str, name: &str, c: &str, r: &str) -> BandEntry {
        BandEntry {
            id: id.into(),
            name: name.into(),
            comparison: c.into(),
            reference: r.into(),
        }
    }

    fn period(id: &str, metrics: Vec<MetricEntry>, bands: Vec<BandEntry>) -> Period {
        Period {
            id: id.into(),
            label: id.into(),
            metrics,
            bands,
            ..Period::default()
        }
    }

    #[test]
    fn a_periods_figures_are_each_metrics_check_figure_and_flag_and_the_bands() {
        let settings = Settings::default();
        let period = period(
            "d1",
            vec![
                entry("appointment", ["41", "100", "53", "100"]),
                entry("disciplinary", ["12a", "40", "3", "400"]),
            ],
            vec![
                band("b1", "Grade 3", "60", "140"),
                band("b2", "Grade 9", "10", "90"),
            ],
        );
        let figures = period_figures(&period, &settings);
        assert_eq!(figures.metrics.len(), ENTERED.len());
        let checked = check_period(&period, &settings);
        for (row, (metric, entry, checked)) in figures.metrics.iter().zip(&checked) {
            assert_eq!(
                (&row.metric, &row.entry, &row.checked),
                (metric, entry, checked)
            );
            assert!(!row.stale);
        }
        let appointment = &figures.metrics[0];
        let expected = match appointment.checked {
            Checked::Counts(c) => figure(Metric::Appointment, c, &settings),
            _ => panic!("the appointment counts read"),
        };
        assert_eq!(appointment.figure.as_ref(), Some(&expected));
        // The bad count is the one problem, and gives no figure.
        let problems = figures.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(metric_id(problems[0].0), "disciplinary");
        assert_eq!(
            figures
                .metrics
                .iter()
                .filter(|r| r.figure.is_some())
                .count(),
            1
        );
        assert_eq!(figures.band_figures.len(), 2);
        assert!(figures.band_problems().is_empty());

        // A bad band count: its problem, and no band figures.
        let mut bad = period.clone();
        bad.bands[0].comparison = "12a".into();
        let figures = period_figures(&bad, &settings);
        assert_eq!(figures.band_problems().len(), 1);
        assert!(figures.band_figures.is_empty());
    }

    #[test]
    fn periods_side_by_side_give_each_ratio_and_the_change() {
        let settings = Settings::default();
        let one = |id: &str, counts| period(id, vec![entry("appointment", counts)], Vec::new());
        let periods = [
            period_figures(&one("d1", ["41", "100", "53", "100"]), &settings),
            period_figures(&one("d2", ["45", "100", "50", "100"]), &settings),
        ];
        let rows = over_time(&periods, &settings);
        assert_eq!(rows.len(), ENTERED.len());
        assert_eq!(rows[0].metric, Metric::Appointment);
        assert_eq!(rows[0].values, ["0.774", "0.900"]);
        assert_eq!(rows[0].change, "+0.126");
        // A metric with no figures has empty cells and no change.
        assert_eq!(rows[1].values, ["", ""]);
        assert_eq!(rows[1].change, "");
        let down = over_time(&[periods[1].clone(), periods[0].clone()], &settings);
        assert_eq!(down[0].change, "\u{2212}0.126");
    }
}

#[cfg(test)]
mod what_we_know_tests {
    use super::*;
    use crate::stats::Convention;

    fn entry(counts: [&str; 4]) -> MetricEntry {
        MetricEntry {
            metric: "appointment".into(),
            comparison_events: counts[0].into(),
            comparison_total: counts[1].into(),
            reference_events: counts[2].into(),
            reference_total: counts[3].into(),
            ..MetricEntry::default()
        }
    }

    #[test]
    fn a_text_is_flagged_once_the_figure_it_was_written_for_changes() {
        let settings = Settings::default();
        let mut e = entry(["41", "100", "53", "100"]);
        set_what_we_know(&mut e, "Panels are not yet mixed.", &settings);
        assert!(!what_we_know_is_stale(&e, &settings));
        // Issue 17, item 10: the counts change so that the figure becomes adverse.
        e.comparison_events = "20".into();
        assert!(what_we_know_is_stale(&e, &settings));
        // Back to the counts it was written for: no longer flagged.
        e.comparison_events = "41".into();
        assert!(!what_we_know_is_stale(&e, &settings));
        // The same counts typed another way are the same figure.
        e.comparison_total = "1 00".into();
        assert!(
            what_we_know_is_stale(&e, &settings),
            "\"1 00\" is not a count"
        );
        e.comparison_total = " 100 ".into();
        assert!(!what_we_know_is_stale(&e, &settings));
        // A change of convention changes the figure.
        let nhs = Settings {
            ratio_convention: Convention::NhsWres,
            ..Settings::default()
        };
        assert!(what_we_know_is_stale(&e, &nhs));
        // Rewriting the text (or keeping it) against the figure now clears the flag.
        set_what_we_know(&mut e, "Panels are not yet mixed.", &nhs);
        assert!(!what_we_know_is_stale(&e, &nhs));
    }

    #[test]
    fn a_blank_text_remembers_nothing_and_is_never_flagged() {
        let settings = Settings::default();
        let mut e = entry(["41", "100", "53", "100"]);
        set_what_we_know(&mut e, "  ", &settings);
        assert_eq!(e.what_we_know_for, "");
        e.comparison_events = "1".into();
        assert!(!what_we_know_is_stale(&e, &settings));
        assert_eq!(
            figure_key(&entry(["22 174", "30000", "1", "2"]), &settings),
            figure_key(&entry(["22174", "30,000", "1", "2"]), &settings),
            "spreadsheet thousands read as the same count"
        );
    }
}
