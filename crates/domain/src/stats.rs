//! The statistics behind every figure (see METRICS.md): proportions with Wilson intervals, relative
//! likelihoods with log intervals, representation ratios, medians, the status of a ratio against
//! the non-adverse range, the plain-English sentence for each figure, and small-number suppression.
//!
//! Every function returns a value for any input: invalid or empty data gives `None` or a
//! [`NotComputable`] reason, never a panic, NaN or infinity.

use crate::numbers;
use serde::{Deserialize, Serialize};

/// z for a two-sided 95% interval.
pub const Z_95: f64 = 1.959964;

/// A 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

impl Interval {
    /// Whether the interval includes `value` (its ends count as inside).
    pub fn includes(self, value: f64) -> bool {
        self.lower <= value && value <= self.upper
    }
}

/// A proportion x / n and its Wilson score interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proportion {
    pub value: f64,
    pub interval: Interval,
}

/// The Wilson score interval for x of n; `None` when n is 0 or x is above n.
pub fn wilson_interval(x: u64, n: u64) -> Option<Interval> {
    proportion(x, n).map(|p| p.interval)
}

/// x of n as a proportion with its Wilson interval; `None` when n is 0 or x is above n.
pub fn proportion(x: u64, n: u64) -> Option<Proportion> {
    if n == 0 || x > n {
        return None;
    }
    let (x, n) = (x as f64, n as f64);
    let p = x / n;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z_95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // None of x gives exactly 0 at the bottom, all of n exactly 1 at the top (in floating point
    // they miss by a rounding error, and a ratio of 1 would then "exclude 1").
    Some(Proportion {
        value: p,
        interval: Interval {
            lower: if x == 0.0 {
                0.0
            } else {
                (centre - half).clamp(0.0, 1.0)
            },
            upper: if x == n {
                1.0
            } else {
                (centre + half).clamp(0.0, 1.0)
            },
        },
    })
}

/// Why a ratio cannot be worked out. Shown to the user instead of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotComputable {
    /// Neither group had any events, so there is nothing to compare.
    NoEvents,
    /// A group (or the baseline) has no one in it.
    EmptyGroup,
    /// A count is larger than its total.
    CountAboveTotal,
    /// A baseline share is not above 0% and at most 100%.
    InvalidBaseline,
}

impl NotComputable {
    /// Why, in words a user can act on.
    pub fn message(self) -> &'static str {
        match self {
            NotComputable::NoEvents => "neither group has any to compare",
            NotComputable::EmptyGroup => "one of the groups has no one in it",
            NotComputable::CountAboveTotal => "a count is larger than its total: check the figures",
            NotComputable::InvalidBaseline => {
                "the baseline share must be above 0% and at most 100%"
            }
        }
    }
}

/// A ratio of two proportions (a relative likelihood or a representation ratio) with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    pub value: f64,
    pub interval: Interval,
    /// A zero count was adjusted (0.5 added to each count, 1 to each total) so that a ratio could
    /// be estimated. The sentence says so.
    pub corrected: bool,
}

/// A ratio, or why there is none.
pub type RatioResult = Result<Ratio, NotComputable>;

/// The relative likelihood (x1/n1) / (x2/n2) with its log (Katz) 95% interval.
///
/// If one numerator is 0, 0.5 is added to both numerators and 1 to both denominators first, and the
/// result is marked `corrected`. Not computable when both numerators are 0, a denominator is 0, or a
/// numerator is above its denominator.
pub fn relative_likelihood(x1: u64, n1: u64, x2: u64, n2: u64) -> RatioResult {
    if x1 > n1 || x2 > n2 {
        return Err(NotComputable::CountAboveTotal);
    }
    if n1 == 0 || n2 == 0 {
        return Err(NotComputable::EmptyGroup);
    }
    if x1 == 0 && x2 == 0 {
        return Err(NotComputable::NoEvents);
    }
    let corrected = x1 == 0 || x2 == 0;
    let (add_x, add_n) = if corrected { (0.5, 1.0) } else { (0.0, 0.0) };
    let (x1, n1) = (x1 as f64 + add_x, n1 as f64 + add_n);
    let (x2, n2) = (x2 as f64 + add_x, n2 as f64 + add_n);
    // Cross-multiplied so that exact ratios such as 0.8 and 1.25 come out exactly.
    let value = (x1 * n2) / (x2 * n1);
    let se = (1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2).max(0.0).sqrt();
    let spread = (Z_95 * se).exp();
    Ok(Ratio {
        value,
        interval: Interval {
            lower: value / spread,
            upper: value * spread,
        },
        corrected,
    })
}

/// A group's share of a population of interest against its share of a baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Representation {
    /// The representation ratio (share ÷ baseline share) and its interval.
    pub ratio: Ratio,
    /// The group's share of the population of interest (0 to 1).
    pub share: f64,
    /// The group's share of the baseline (0 to 1).
    pub baseline_share: f64,
    /// The share minus the baseline share, in percentage points.
    pub gap_points: f64,
}

/// The representation ratio (x/n) / b against a fixed baseline share b (0 < b ≤ 1, a fraction such as
/// a census figure). The interval is the Wilson interval of x/n divided by b.
pub fn representation_ratio(
    x: u64,
    n: u64,
    baseline_share: f64,
) -> Result<Representation, NotComputable> {
    if !(baseline_share > 0.0 && baseline_share <= 1.0) {
        return Err(NotComputable::InvalidBaseline);
    }
    let share = proportion(x, n).ok_or(if n == 0 {
        NotComputable::EmptyGroup
    } else {
        NotComputable::CountAboveTotal
    })?;
    let b = baseline_share;
    Ok(Representation {
        ratio: Ratio {
            value: share.value / b,
            interval: Interval {
                lower: share.interval.lower / b,
                upper: share.interval.upper / b,
            },
            corrected: false,
        },
        share: share.value,
        baseline_share: b,
        gap_points: (share.value - b) * 100.0,
    })
}

/// The representation ratio when the baseline is itself a sample (x of n against baseline_x of
/// baseline_n): the ratio-of-proportions interval of [`relative_likelihood`], with its zero-cell
/// correction. That interval assumes independent samples; when the population of interest is part
/// of the baseline (senior roles within the whole workforce) it is wider than it need be, so it errs
/// towards "not conclusive".
pub fn representation_ratio_of_samples(
    x: u64,
    n: u64,
    baseline_x: u64,
    baseline_n: u64,
) -> Result<Representation, NotComputable> {
    let ratio = relative_likelihood(x, n, baseline_x, baseline_n)?;
    let (share, baseline_share) = (x as f64 / n as f64, baseline_x as f64 / baseline_n as f64);
    Ok(Representation {
        ratio,
        share,
        baseline_share,
        gap_points: (share - baseline_share) * 100.0,
    })
}

/// The median, quartiles and count of a set of values (time to employment in days, say).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub median: f64,
    /// The lower quartile (25th percentile).
    pub q1: f64,
    /// The upper quartile (75th percentile).
    pub q3: f64,
    /// How many values were used.
    pub count: usize,
}

/// Sorts finite numbers, smallest first: a Shell sort (Gonnet's gaps), a few lines where the
/// standard library's stable sort costs about 4 KB of wasm for each type it sorts (measured).
fn sort_numbers(v: &mut [f64]) {
    let mut gap = v.len();
    while gap > 1 {
        gap = if gap == 2 { 1 } else { (gap * 5 / 11).max(1) };
        for i in gap..v.len() {
            let x = v[i];
            let mut j = i;
            while j >= gap && v[j - gap] > x {
                v[j] = v[j - gap];
                j -= gap;
            }
            v[j] = x;
        }
    }
}

/// The median and interquartile range, by linear interpolation between the closest ranks (the
/// default of numpy's `percentile`, R's type 7 and Excel's `QUARTILE.INC`). Values that are not
/// finite numbers are left out, and `count` says how many were used; `None` when none are left.
pub fn median_iqr(values: &[f64]) -> Option<Spread> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sort_numbers(&mut sorted);
    let quantile = |q: f64| {
        let rank = q * (sorted.len() - 1) as f64;
        let below = rank.floor() as usize;
        let above = (below + 1).min(sorted.len() - 1);
        sorted[below] + (rank - below as f64) * (sorted[above] - sorted[below])
    };
    Some(Spread {
        median: quantile(0.5),
        q1: quantile(0.25),
        q3: quantile(0.75),
        count: sorted.len(),
    })
}

/// The framework a plan reports to, which fixes which way round each ratio is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Social Care WRES (Skills for Care): every ratio is comparison ÷ reference.
    #[default]
    ScWres,
    /// NHS WRES: appointment from shortlisting and non-mandatory CPD are reference ÷ comparison,
    /// so that above 1 is adverse there; everything else is comparison ÷ reference.
    NhsWres,
}

/// What a figure measures: the Social Care WRES metrics (numbered as SC-WRES numbers them) and the
/// REAP service outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// 1: each pay band's share from the comparison group against the whole workforce.
    PayBands,
    /// 2: appointment from shortlisting.
    Appointment,
    /// 3: entering the formal disciplinary process.
    Disciplinary,
    /// 4: fitness-to-practise referral (regulated professions).
    FitnessToPractise,
    /// 5: non-mandatory CPD uptake (NHS WRES indicator 4).
    Cpd,
    /// 6: harassment and bullying from service users or the public.
    HarassmentFromPublic,
    /// 7a: harassment and bullying from colleagues.
    HarassmentFromColleagues,
    /// 7b: harassment and bullying from managers.
    HarassmentFromManagers,
    /// 8: leaving the organisation.
    Leaving,
    /// 9: senior and leadership roles.
    SeniorRoles,
    /// REAP: a good service outcome (a job start, or starting education).
    GoodServiceOutcome,
}

impl Metric {
    /// All metrics in SC-WRES order, then the REAP outcome.
    pub const ALL: [Metric; 11] = [
        Metric::PayBands,
        Metric::Appointment,
        Metric::Disciplinary,
        Metric::FitnessToPractise,
        Metric::Cpd,
        Metric::HarassmentFromPublic,
        Metric::HarassmentFromColleagues,
        Metric::HarassmentFromManagers,
        Metric::Leaving,
        Metric::SeniorRoles,
        Metric::GoodServiceOutcome,
    ];

    /// The SC-WRES metric number ("7a"); `None` for the REAP outcome.
    pub fn number(self) -> Option<&'static str> {
        Some(match self {
            Metric::PayBands => "1",
            Metric::Appointment => "2",
            Metric::Disciplinary => "3",
            Metric::FitnessToPractise => "4",
            Metric::Cpd => "5",
            Metric::HarassmentFromPublic => "6",
            Metric::HarassmentFromColleagues => "7a",
            Metric::HarassmentFromManagers => "7b",
            Metric::Leaving => "8",
            Metric::SeniorRoles => "9",
            Metric::GoodServiceOutcome => return None,
        })
    }

    /// What happens to the person, as the end of a sentence ("… were 1.67 times as likely as …
    /// to enter the formal disciplinary process").
    pub fn event(self) -> &'static str {
        match self {
            Metric::PayBands => "to be in this pay band",
            Metric::Appointment => "to be appointed from shortlisting",
            Metric::Disciplinary => "to enter the formal disciplinary process",
            Metric::FitnessToPractise => "to be referred for fitness to practise",
            Metric::Cpd => "to take up non-mandatory training and development (CPD)",
            Metric::HarassmentFromPublic => {
                "to report harassment or bullying from service users or the public"
            }
            Metric::HarassmentFromColleagues => "to report harassment or bullying from colleagues",
            Metric::HarassmentFromManagers => "to report harassment or bullying from managers",
            Metric::Leaving => "to leave the organisation",
            Metric::SeniorRoles => "to be in a senior or leadership role",
            Metric::GoodServiceOutcome => "to start a job or education",
        }
    }

    /// Whether the event is good for the person, which decides the adverse direction.
    ///
    /// Pay bands count as good (being in the band), which is right for the upper bands; for the
    /// lowest bands over-representation is the concern, so pass [`AdverseDirection::Above`] there.
    pub fn event_is_good(self) -> bool {
        matches!(
            self,
            Metric::PayBands
                | Metric::Appointment
                | Metric::Cpd
                | Metric::SeniorRoles
                | Metric::GoodServiceOutcome
        )
    }

    /// A caution to show beside the figure, where the metric needs one.
    pub fn caution(self) -> Option<&'static str> {
        match self {
            Metric::Leaving => Some(
                "Leaving is not always bad (a promotion elsewhere, retirement): read it with the reasons people gave.",
            ),
            _ => None,
        }
    }
}

/// Which group's rate is divided by which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    ComparisonOverReference,
    ReferenceOverComparison,
}

/// Which way round a metric's ratio is in a convention (METRICS.md "Orientation"): NHS WRES
/// indicators 2 (appointment) and 4 (non-mandatory CPD; SC-WRES metric 5) are reference ÷
/// comparison; everything else, and everything in SC-WRES, is comparison ÷ reference.
pub fn orientation(convention: Convention, metric: Metric) -> Orientation {
    match (convention, metric) {
        (Convention::NhsWres, Metric::Appointment | Metric::Cpd) => {
            Orientation::ReferenceOverComparison
        }
        _ => Orientation::ComparisonOverReference,
    }
}

/// Which side of 1 is adverse to the comparison group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdverseDirection {
    /// Adverse when the ratio is above 1.
    Above,
    /// Adverse when the ratio is below 1.
    Below,
}

/// The adverse direction of a metric's ratio in a convention: it depends on whether the event is
/// good and on which way round the ratio is.
pub fn adverse_direction(convention: Convention, metric: Metric) -> AdverseDirection {
    let reversed = orientation(convention, metric) == Orientation::ReferenceOverComparison;
    if metric.event_is_good() != reversed {
        AdverseDirection::Below
    } else {
        AdverseDirection::Above
    }
}

/// Events and totals for one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub events: u64,
    pub total: u64,
}

/// The relative likelihood of a metric between the comparison and reference groups, the right
/// way round for the convention.
pub fn metric_relative_likelihood(
    convention: Convention,
    metric: Metric,
    comparison: Counts,
    reference: Counts,
) -> RatioResult {
    let (top, bottom) = match orientation(convention, metric) {
        Orientation::ComparisonOverReference => (comparison, reference),
        Orientation::ReferenceOverComparison => (reference, comparison),
    };
    relative_likelihood(top.events, top.total, bottom.events, bottom.total)
}

/// The range of ratios read as "no adverse difference": 0.80 to 1.25 unless the plan says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RangeFields", into = "RangeFields")]
pub struct NonAdverseRange {
    lower: f64,
    upper: f64,
}

/// Where the default range comes from, to show beside it.
pub const NON_ADVERSE_RANGE_SOURCE: &str = "A guide, not a Social Care WRES rule: the four-fifths rule from \
     US employment practice, which NHS England adopted for the WRES disciplinary indicator in 2019 and \
     which Aequitas uses as its default fairness band.";

impl NonAdverseRange {
    /// A range from `lower` to `upper`, each kept to 4 decimal places; it must contain 1, lie
    /// above 0 and end by 1,000.
    ///
    /// Why 4 places: the plan is read with serde_json's fast number parser, which can come back
    /// one unit in the last place away from what was saved for a number of 16 or more figures,
    /// so such a range would drift a little on every save (the long fuzz run found it). Its
    /// exact parser costs 7.5 KB gzip of the single file. A number of 4 decimal places up to
    /// 1,000 is read back exactly, so the range is the same after any number of saves.
    pub fn new(lower: f64, upper: f64) -> Result<NonAdverseRange, &'static str> {
        let (lower, upper) = (
            (lower * 1e4).round_ties_even() / 1e4,
            (upper * 1e4).round_ties_even() / 1e4,
        );
        if lower > 0.0 && lower <= 1.0 && (1.0..=1000.0).contains(&upper) {
            Ok(NonAdverseRange { lower, upper })
        } else {
            Err("The non-adverse range must run from a number above 0 and up to 1, to a number from 1 to 1,000.")
        }
    }

    pub fn lower(self) -> f64 {
        self.lower
    }

    pub fn upper(self) -> f64 {
        self.upper
    }

    /// Whether a ratio is within the range (its ends count as within). A ratio worked out in
    /// floating point can miss an end it equals exactly (60% against 75% gives 0.7999999999999999),
    /// so one part in 10^12 either side counts as the end itself; the reference checks
    /// (tests/reference) found this.
    pub fn contains(self, ratio: f64) -> bool {
        const SLACK: f64 = 1e-12;
        self.lower * (1.0 - SLACK) <= ratio && ratio <= self.upper * (1.0 + SLACK)
    }
}

impl Default for NonAdverseRange {
    fn default() -> Self {
        NonAdverseRange {
            lower: 0.8,
            upper: 1.25,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct RangeFields {
    lower: f64,
    upper: f64,
}

impl TryFrom<RangeFields> for NonAdverseRange {
    type Error = &'static str;
    fn try_from(fields: RangeFields) -> Result<Self, Self::Error> {
        NonAdverseRange::new(fields.lower, fields.upper)
    }
}

impl From<NonAdverseRange> for RangeFields {
    fn from(range: NonAdverseRange) -> Self {
        RangeFields {
            lower: range.lower,
            upper: range.upper,
        }
    }
}

/// How a ratio reads against the non-adverse range and its interval (METRICS.md "Reading a ratio").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioStatus {
    /// Within the non-adverse range.
    Within,
    /// Outside the range in the adverse direction, and the interval excludes 1.
    Adverse,
    /// Outside the range in the other direction, and the interval excludes 1.
    FavourableToComparison,
    /// Outside the range, but the interval includes 1: it could be chance.
    OutsideNotConclusive,
    /// No ratio could be worked out.
    NotComputable,
}

impl RatioStatus {
    /// The status tag's words (colour is never the only signal).
    pub fn label(self) -> &'static str {
        match self {
            RatioStatus::Within => "Within the range",
            RatioStatus::Adverse => "Adverse",
            RatioStatus::FavourableToComparison => "Favourable to the comparison group",
            RatioStatus::OutsideNotConclusive => "Outside the range, not conclusive",
            RatioStatus::NotComputable => "Not computable",
        }
    }
}

/// The status of a ratio, exactly as METRICS.md "Reading a ratio" defines it.
pub fn ratio_status(
    result: &RatioResult,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> RatioStatus {
    let Ok(ratio) = result else {
        return RatioStatus::NotComputable;
    };
    if range.contains(ratio.value) {
        RatioStatus::Within
    } else if ratio.interval.includes(1.0) {
        RatioStatus::OutsideNotConclusive
    } else if (ratio.value > 1.0) == (adverse == AdverseDirection::Above) {
        RatioStatus::Adverse
    } else {
        RatioStatus::FavourableToComparison
    }
}

/// The organisation's words for the two groups, and the event, for a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording<'a> {
    /// The chosen words for the comparison group ("applicants from communities who experience racism").
    pub comparison: &'a str,
    /// The words for the reference group ("White applicants").
    pub reference: &'a str,
    /// What happens, as the end of a sentence: usually [`Metric::event`].
    pub event: &'a str,
}

/// The plain-English sentence for a relative likelihood: who, what, how many times as likely, the
/// interval and the status. It never claims a difference that the interval does not support.
pub fn sentence(
    wording: &Wording,
    orientation: Orientation,
    result: &RatioResult,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> String {
    let ratio = match result {
        Ok(ratio) => ratio,
        Err(reason) => {
            return format!(
                "No relative likelihood can be given for {} and {}: {}.",
                wording.comparison,
                wording.reference,
                reason.message()
            )
        }
    };
    let (subject, object) = match orientation {
        Orientation::ComparisonOverReference => (wording.comparison, wording.reference),
        Orientation::ReferenceOverComparison => (wording.reference, wording.comparison),
    };
    let value = format_ratio(ratio.value);
    let (how, says_value) = match ratio.value {
        v if v >= 1.0 && value != "1.00" => (format!("{value} times as likely as"), true),
        v if v >= 1.0 => ("about as likely as".to_string(), false),
        v => match format_percent_less(v) {
            Some(percent) => (format!("{percent} less likely than"), false),
            None => ("about as likely as".to_string(), false),
        },
    };
    let value = if says_value {
        String::new()
    } else {
        format!("relative likelihood {value}, ")
    };
    let mut text = format!(
        "{} were {how} {object} {} ({value}95% confidence interval {} to {}).",
        capitalise(subject),
        wording.event,
        format_ratio(ratio.interval.lower),
        format_ratio(ratio.interval.upper),
    );
    push_status(
        &mut text,
        ratio,
        ratio_status(result, range, adverse),
        range,
        wording.comparison,
    );
    text
}

/// The organisation's words for a representation comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepresentationWording<'a> {
    /// The group ("Black clients", or the chosen words for the comparison group).
    pub group: &'a str,
    /// The population of interest ("IPS clients", "senior and leadership roles").
    pub population: &'a str,
    /// The baseline ("the secondary mental-health caseload", "the local population").
    pub baseline: &'a str,
}

/// The plain-English sentence for a representation ratio: the two shares, the ratio, the gap in
/// percentage points, the interval and the status, never claiming more than the interval supports.
pub fn representation_sentence(
    wording: &RepresentationWording,
    result: &Result<Representation, NotComputable>,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> String {
    let rep = match result {
        Ok(rep) => rep,
        Err(reason) => {
            return format!(
                "No representation ratio can be given for {} in {}: {}.",
                wording.group,
                wording.population,
                reason.message()
            )
        }
    };
    let ratio = &rep.ratio;
    let value = format_ratio(ratio.value);
    let (how, says_value) = match ratio.value {
        v if v >= 1.0 && value != "1.00" => (format!("{value} times their share"), true),
        v if v >= 1.0 => ("about their share".to_string(), false),
        v => match format_percent_less(v) {
            Some(percent) => (format!("{percent} below their share"), false),
            None => ("about their share".to_string(), false),
        },
    };
    let value = if says_value {
        String::new()
    } else {
        format!("representation ratio {value}, ")
    };
    let gap = numbers::fixed(rep.gap_points.abs(), 1);
    let gap = if gap == "0.0" {
        "no gap in percentage points".to_string()
    } else {
        let side = if rep.gap_points > 0.0 {
            "higher"
        } else {
            "lower"
        };
        format!("{gap} percentage points {side}")
    };
    let mut text = format!(
        "{} were {} of {}, against {} of {}: {how} ({gap}; {value}95% confidence interval {} to {}).",
        capitalise(wording.group),
        format_percent(rep.share),
        wording.population,
        format_percent(rep.baseline_share),
        wording.baseline,
        format_ratio(ratio.interval.lower),
        format_ratio(ratio.interval.upper),
    );
    let status = ratio_status(&Ok(*ratio), range, adverse);
    push_status(&mut text, ratio, status, range, wording.group);
    text
}

/// Appends the status and, where used, the zero-count adjustment. Whenever the interval includes 1
/// it says the difference could be chance.
fn push_status(
    text: &mut String,
    ratio: &Ratio,
    status: RatioStatus,
    range: NonAdverseRange,
    who: &str,
) {
    let bounds = format!(
        "{} to {}",
        numbers::fixed(range.lower(), 2),
        numbers::fixed(range.upper(), 2)
    );
    let could_be_chance = ratio.interval.includes(1.0);
    let status = match status {
        RatioStatus::Within if could_be_chance => format!(
            " This is within the non-adverse range of {bounds} (a guide), and the difference could be chance."
        ),
        RatioStatus::Within => format!(" This is within the non-adverse range of {bounds} (a guide)."),
        RatioStatus::Adverse => format!(
            " This is outside the non-adverse range of {bounds} (a guide), adverse to {who}, and the interval \
             does not include 1, so chance alone is an unlikely explanation."
        ),
        RatioStatus::FavourableToComparison => format!(
            " This is outside the non-adverse range of {bounds} (a guide), in favour of {who}, and the interval \
             does not include 1."
        ),
        RatioStatus::OutsideNotConclusive | RatioStatus::NotComputable => format!(
            " This is outside the non-adverse range of {bounds} (a guide), but the interval includes 1, so the \
             difference could be chance with numbers this small."
        ),
    };
    text.push_str(&status);
    if ratio.corrected {
        text.push_str(
            " One count was zero, so 0.5 was added to each count and 1 to each total to estimate the ratio.",
        );
    }
}

/// "User's words" with a capital first letter, for the start of a sentence.
pub(crate) fn capitalise(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A ratio for display: 2 decimal places from 1 up ("1.67", "12.35"), 3 significant figures below
/// 1 ("0.774", "0.0131"). Deterministic: Rust's formatting rounds the exact binary value.
pub fn format_ratio(value: f64) -> String {
    if !value.is_finite() {
        return "not available".to_string();
    }
    if value >= 1.0 || value == 0.0 {
        return numbers::fixed(value, 2);
    }
    // The exponent after rounding to 3 significant figures, so 0.09996 becomes "0.100".
    let exponent = numbers::exponent_after_rounding(value, 3).unwrap_or(0);
    numbers::fixed(value, (2 - exponent).max(0) as u32)
}

/// A proportion (0 to 1) as a percentage with one decimal place ("17.5%").
pub fn format_percent(share: f64) -> String {
    if !share.is_finite() {
        return "not available".to_string();
    }
    format!("{}%", numbers::fixed(share * 100.0, 1))
}

/// How much less likely a ratio below 1 means, as "23%"; `None` when it rounds to 0%.
fn format_percent_less(ratio: f64) -> Option<String> {
    let percent = (1.0 - ratio) * 100.0;
    match numbers::fixed(percent, 0).as_str() {
        "0" => None,
        "100" if ratio > 0.0 => Some("more than 99%".to_string()),
        rounded => Some(format!("{rounded}%")),
    }
}

/// Whether "not stated" is a data-quality problem: more than 10% of records.
pub fn not_stated_flag(not_stated: u64, total: u64) -> bool {
    u128::from(not_stated) * 10 > u128::from(total)
}

/// How small counts are protected in published output (print and export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionPreset {
    /// Counts of 1 to 4 are suppressed.
    #[default]
    LessThan5,
    /// Counts of 1 to 9 are suppressed (Social Work England and ONS practice).
    LessThan10,
    /// NHS Digital: counts of 1 to 7 are shown as "*", all others rounded to the nearest 5.
    NhsDigital,
}

/// No preset may suppress less than this: counts of 1 and 2 are always protected.
pub const MIN_SUPPRESSION_THRESHOLD: u64 = 3;

impl SuppressionPreset {
    /// Counts from 1 up to below this number are suppressed.
    pub fn threshold(self) -> u64 {
        let threshold = match self {
            SuppressionPreset::LessThan5 => 5,
            SuppressionPreset::LessThan10 => 10,
            SuppressionPreset::NhsDigital => 8,
        };
        threshold.max(MIN_SUPPRESSION_THRESHOLD)
    }

    /// What a published table's footnote says about the preset.
    pub fn footnote(self) -> &'static str {
        match self {
            SuppressionPreset::LessThan5 => {
                "* a count from 1 to 4, or one hidden so that such a count cannot be worked out."
            }
            SuppressionPreset::LessThan10 => {
                "* a count from 1 to 9, or one hidden so that such a count cannot be worked out."
            }
            SuppressionPreset::NhsDigital => {
                "* a count from 1 to 7. Other counts are rounded to the nearest 5."
            }
        }
    }
}

/// A count as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Shown as it is.
    Count(u64),
    /// Shown rounded to the nearest 5.
    Rounded(u64),
    /// Hidden: shown as "*".
    Suppressed,
}

impl Shown {
    /// The text in the published cell.
    pub fn text(self) -> String {
        match self {
            Shown::Count(n) | Shown::Rounded(n) => n.to_string(),
            Shown::Suppressed => "*".to_string(),
        }
    }
}

/// A single count as published under a preset. 0 is always shown as 0.
pub fn suppress_count(n: u64, preset: SuppressionPreset) -> Shown {
    if n == 0 {
        Shown::Count(0)
    } else if n < preset.threshold() {
        Shown::Suppressed
    } else if preset == SuppressionPreset::NhsDigital {
        // Nearest 5; an integer is never exactly halfway, so there is no tie to break.
        Shown::Rounded((n / 5 + u64::from(n % 5 >= 3)).saturating_mul(5))
    } else {
        Shown::Count(n)
    }
}

/// Whether a rate or ratio built on these counts may be published: not when its numerator is
/// suppressed, nor when its denominator is under 10 ("too few to report"), nor when the counts are
/// invalid.
pub fn rate_is_reportable(numerator: u64, denominator: u64, preset: SuppressionPreset) -> bool {
    numerator <= denominator
        && denominator >= 10
        && suppress_count(numerator, preset) != Shown::Suppressed
}

/// A table of counts as published. With `with_totals` (the table shows row or column totals), a
/// row or column left with a single suppressed cell has its next smallest cell suppressed too, so
/// that the hidden count cannot be worked out by subtraction; this repeats until no row or column has
/// a lone suppressed cell. The next smallest is the smallest non-zero cell (a 0 only when there is no
/// other), since a hidden 0 beside the small count would let the count be worked out all the same.
/// Show the totals themselves through [`suppress_count`].
///
/// Under NHS Digital's preset the totals are rounded too, so no count can be worked out exactly and
/// no secondary suppression is needed. Rows may differ in length.
pub fn suppress_table(
    rows: &[Vec<u64>],
    preset: SuppressionPreset,
    with_totals: bool,
) -> Vec<Vec<Shown>> {
    let mut shown: Vec<Vec<Shown>> = rows
        .iter()
        .map(|row| row.iter().map(|&n| suppress_count(n, preset)).collect())
        .collect();
    if !with_totals || preset == SuppressionPreset::NhsDigital {
        return shown;
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let lines = (0..rows.len())
        .map(|r| (0..rows[r].len()).map(|c| (r, c)).collect::<Vec<_>>())
        .chain((0..width).map(|c| {
            (0..rows.len())
                .filter(|&r| c < rows[r].len())
                .map(|r| (r, c))
                .collect()
        }))
        .collect::<Vec<_>>();
    loop {
        let mut changed = false;
        for line in &lines {
            let hidden = line
                .iter()
                .filter(|&&(r, c)| shown[r][c] == Shown::Suppressed)
                .count();
            if hidden != 1 {
                continue;
            }
            // Zeros come last: hiding a 0 beside the small count would still give the count away.
            let next_smallest = line
                .iter()
                .filter(|&&(r, c)| shown[r][c] != Shown::Suppressed)
                .min_by_key(|&&(r, c)| (rows[r][c] == 0, rows[r][c]));
            if let Some(&(r, c)) = next_smallest {
                shown[r][c] = Shown::Suppressed;
                changed = true;
            }
        }
        if !changed {
            return shown;
        }
    }
}

#[cfg(test)]
mod tests;
