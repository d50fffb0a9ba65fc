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
    /// A count is larger than its total (or a part larger than the whole it is part of).
    CountAboveTotal,
    /// A baseline share is not above 0% and at most 100%.
    InvalidBaseline,
    /// A part is compared with the rest of a whole, and there is no one else in the whole.
    EmptyRest,
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
            NotComputable::EmptyRest => "there is no one outside it to compare with",
        }
    }
}

/// A ratio of two proportions (a relative likelihood or a representation ratio) with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    pub value: f64,
    pub interval: Interval,
    /// A cell of the table was 0 (a count of none, or of everyone), so 0.5 was added to each count
    /// and 1 to each total before `value` and `interval` were worked out (METRICS.md "Zero
    /// cells"). The value is then an estimate: describe what was observed in words, and label
    /// the ratio as corrected.
    pub corrected: bool,
    /// The ratio of the rates as observed, before any correction (the same as `value` when none
    /// was made); `None` when it has no finite value (no events in the group divided by).
    pub observed: Option<f64>,
    /// A cell of the table (events or non-events, in either group) is under 5: the interval is
    /// approximate, and the status also needs the exact test (METRICS.md "Too few to tell").
    pub small_cells: bool,
    /// The exact test's two-sided p-value, worked out when `small_cells`: Fisher's exact test for
    /// two groups ([`fisher_exact`]), the exact binomial test against a fixed share
    /// ([`binomial_exact`]).
    pub exact_p: Option<f64>,
}

/// A ratio, or why there is none.
pub type RatioResult = Result<Ratio, NotComputable>;

/// Below this, a cell of a table is small (METRICS.md "Too few to tell").
pub const SMALL_CELL: u64 = 5;

/// The relative likelihood (x1/n1) / (x2/n2) with its log (Katz) 95% interval.
///
/// If any cell of the 2×2 table is 0 (a numerator of 0, or a numerator equal to its denominator),
/// 0.5 is added to both numerators and 1 to both denominators first, and the result is marked
/// `corrected`. When any cell is under 5 it is marked `small_cells` and carries Fisher's exact
/// test. Not computable when both numerators are 0, a denominator is 0, or a numerator is above
/// its denominator.
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
    let corrected = x1 == 0 || x2 == 0 || x1 == n1 || x2 == n2;
    let observed = (x2 > 0).then(|| (x1 as f64 * n2 as f64) / (x2 as f64 * n1 as f64));
    let small_cells = [x1, n1 - x1, x2, n2 - x2].iter().any(|&c| c < SMALL_CELL);
    let (add_x, add_n) = if corrected { (0.5, 1.0) } else { (0.0, 0.0) };
    let (a, m) = (x1 as f64 + add_x, n1 as f64 + add_n);
    let (c, k) = (x2 as f64 + add_x, n2 as f64 + add_n);
    // Cross-multiplied so that exact ratios such as 0.8 and 1.25 come out exactly.
    let value = (a * k) / (c * m);
    let se = (1.0 / a - 1.0 / m + 1.0 / c - 1.0 / k).max(0.0).sqrt();
    let spread = (Z_95 * se).exp();
    Ok(Ratio {
        value,
        interval: Interval {
            lower: value / spread,
            upper: value * spread,
        },
        corrected,
        observed: if corrected { observed } else { Some(value) },
        small_cells,
        exact_p: small_cells.then(|| fisher_exact(x1, n1 - x1, x2, n2 - x2)),
    })
}

/// A group's share of a population of interest against its share of a baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Representation {
    /// The representation ratio (share ÷ baseline share) and its interval.
    pub ratio: Ratio,
    /// How many of the population of interest are in the group, and how many there are in all.
    pub count: u64,
    pub total: u64,
    /// The group's share of the population of interest (0 to 1).
    pub share: f64,
    /// The group's share of the baseline (0 to 1): for [`part_against_rest`], of the rest.
    pub baseline_share: f64,
    /// The baseline's counts when it is a sample (the group's count, and everyone): for
    /// [`part_against_rest`], the rest's. `None` for a fixed share.
    pub baseline_counts: Option<[u64; 2]>,
    /// For [`part_against_rest`], the group's share of the whole (part and rest together).
    pub whole_share: Option<f64>,
    /// The share minus the baseline share, in percentage points.
    pub gap_points: f64,
}

/// The representation ratio (x/n) / b against a fixed baseline share b (0 < b ≤ 1, a fraction such as
/// a census figure). The interval is the Wilson interval of x/n divided by b. When x or n − x is
/// under 5, it is marked `small_cells` and carries the exact binomial test against b.
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
    let small_cells = x < SMALL_CELL || n - x < SMALL_CELL;
    let value = share.value / b;
    Ok(Representation {
        ratio: Ratio {
            value,
            interval: Interval {
                lower: share.interval.lower / b,
                upper: share.interval.upper / b,
            },
            corrected: false,
            observed: Some(value),
            small_cells,
            exact_p: small_cells.then(|| binomial_exact(x, n, b)),
        },
        count: x,
        total: n,
        share: share.value,
        baseline_share: b,
        baseline_counts: None,
        whole_share: None,
        gap_points: (share.value - b) * 100.0,
    })
}

/// The representation ratio when the baseline is itself an independent sample (x of n against
/// baseline_x of baseline_n): the ratio-of-proportions interval of [`relative_likelihood`], with its
/// zero-cell correction and exact test. When the population of interest is part of the baseline,
/// use [`part_against_rest`] instead.
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
        count: x,
        total: n,
        share,
        baseline_share,
        baseline_counts: Some([baseline_x, baseline_n]),
        whole_share: None,
        gap_points: (share - baseline_share) * 100.0,
    })
}

/// A part of a whole against the rest of it (METRICS.md "Representation ratio": one Employment
/// Specialist's caseload within the team's, a pay band within all the bands, senior roles within
/// the workforce, the IPS caseload within the treatment caseload). x of the part's n are in the
/// group, and whole_x of the whole's whole_n: the group's share of the part is compared with its
/// share of the rest, (whole_x − x) of (whole_n − n), as a [`relative_likelihood`]. Comparing a part
/// with a total that contains it would shrink every real difference towards 1.
pub fn part_against_rest(
    x: u64,
    n: u64,
    whole_x: u64,
    whole_n: u64,
) -> Result<Representation, NotComputable> {
    if x > n || whole_x > whole_n || x > whole_x || n > whole_n {
        return Err(NotComputable::CountAboveTotal);
    }
    let (rest_x, rest_n) = (whole_x - x, whole_n - n);
    if rest_x > rest_n {
        return Err(NotComputable::CountAboveTotal);
    }
    if n == 0 {
        return Err(NotComputable::EmptyGroup);
    }
    if rest_n == 0 {
        return Err(NotComputable::EmptyRest);
    }
    let mut rep = representation_ratio_of_samples(x, n, rest_x, rest_n)?;
    rep.whole_share = Some(whole_x as f64 / whole_n as f64);
    Ok(rep)
}

/// ln C(n, k), accurate to about 1e-15 of its size: a sum of logarithms for small k, else
/// Stirling's series written so that its large terms do not cancel.
fn ln_choose(n: u128, k: u128) -> f64 {
    let k = k.min(n - k);
    if k == 0 {
        return 0.0;
    }
    if k <= 30 {
        let mut factorial = 1.0;
        let mut sum = 0.0;
        for i in 0..k {
            sum += ((n - i) as f64).ln();
            factorial *= (i + 1) as f64;
        }
        return sum - factorial.ln();
    }
    // Stirling's series for ln m! beyond m ln m − m + ln(2πm)/2, for m > 30.
    let tail = |m: f64| {
        let m2 = m * m;
        (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * m2)) / m2) / m2) / m
    };
    let (n, k) = (n as f64, k as f64);
    let rest = n - k;
    k * (n / k).ln() - rest * (-k / n).ln_1p()
        + 0.5 * (n / (2.0 * std::f64::consts::PI * k * rest)).ln()
        + tail(n)
        - tail(k)
        - tail(rest)
}

/// The two-sided p-value of an exact test on a unimodal distribution over `lo..=hi` whose mode is
/// `mode` and whose log probabilities are `ln_p`: the sum of the probabilities no larger than the
/// observed one (with a relative tolerance of 1e-7, as R's `fisher.test` and SciPy's `binomtest`
/// allow, so that ties computed with rounding errors count as ties). Each tail is summed outwards
/// until its terms no longer add to the sum, so huge tables take a few thousand steps at most.
fn exact_two_sided(
    lo: u128,
    hi: u128,
    mode: u128,
    observed: u128,
    ln_p: impl Fn(u128) -> f64,
) -> f64 {
    let mode = mode.clamp(lo, hi);
    let at = ln_p(observed);
    let limit = at + 1e-7;
    // Terms relative to the observed probability: each at most about 1, so nothing overflows.
    let sum_outwards = |from: u128, towards_lo: bool| {
        let (mut total, mut k, mut steps) = (0.0, from, 0u32);
        loop {
            let term = (ln_p(k) - at).exp();
            total += term;
            steps += 1;
            let done = if towards_lo { k == lo } else { k == hi };
            if done || term < total * 1e-17 || steps > 1_000_000 {
                return total;
            }
            k = if towards_lo { k - 1 } else { k + 1 };
        }
    };
    let total = if observed <= mode {
        // The observed tail, then the first point past the mode as unlikely as the observed.
        let own = sum_outwards(observed, true);
        let (mut a, mut b) = (mode.max(observed + 1), hi);
        if a > hi || ln_p(hi) > limit {
            own
        } else {
            while a < b {
                let mid = a + (b - a) / 2;
                if ln_p(mid) <= limit {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            own + sum_outwards(a, false)
        }
    } else {
        let own = sum_outwards(observed, false);
        let (mut a, mut b) = (lo, mode.min(observed - 1));
        if ln_p(lo) > limit {
            own
        } else {
            while a < b {
                let mid = a + (b - a).div_ceil(2);
                if ln_p(mid) <= limit {
                    a = mid;
                } else {
                    b = mid - 1;
                }
            }
            own + sum_outwards(a, true)
        }
    };
    (at + total.ln()).exp().min(1.0)
}

/// Fisher's exact test, two-sided, on the 2×2 table [[a, b], [c, d]] (events and non-events of
/// each group): the hypergeometric probability of every table with the same margins that is no
/// more likely than this one. 1 when a row or a column is empty. Reference:
/// `scipy.stats.fisher_exact(table).pvalue`.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as u128, b as u128, c as u128, d as u128);
    let (row, column, all) = (a + b, a + c, a + b + c + d);
    if row == 0 || column == 0 || row == all || column == all {
        return 1.0;
    }
    let lo = column.saturating_sub(c + d);
    let hi = column.min(row);
    let ln_total = ln_choose(all, row);
    let ln_p = |k: u128| ln_choose(column, k) + ln_choose(all - column, row - k) - ln_total;
    let mode = (column + 1).saturating_mul(row + 1) / (all + 2);
    exact_two_sided(lo, hi, mode, a, ln_p)
}

/// The exact binomial test, two-sided: x of n against a share p (0 < p ≤ 1). Reference:
/// `scipy.stats.binomtest(x, n, p).pvalue`.
pub fn binomial_exact(x: u64, n: u64, p: f64) -> f64 {
    if n == 0 || x > n || !(p > 0.0 && p <= 1.0) {
        return 1.0;
    }
    if p == 1.0 {
        return if x == n { 1.0 } else { 0.0 };
    }
    let (ln_yes, ln_no) = (p.ln(), (-p).ln_1p());
    let n128 = n as u128;
    let ln_p = |k: u128| ln_choose(n128, k) + k as f64 * ln_yes + (n128 - k) as f64 * ln_no;
    let mode = (((n as f64 + 1.0) * p).floor() as u128).min(n128);
    exact_two_sided(0, n128, mode, x as u128, ln_p)
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

/// A median and its quartiles need at least this many values (METRICS.md "Small numbers"); with
/// fewer, show the count and say it is too few.
pub const MIN_MEDIAN_VALUES: usize = 5;

impl Spread {
    /// Too few values for a median and quartiles to be shown ([`MIN_MEDIAN_VALUES`]).
    pub fn too_few(&self) -> bool {
        self.count < MIN_MEDIAN_VALUES
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
    sorted.sort_unstable_by(f64::total_cmp);
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

/// The Social Care WRES workforce metrics, in SC-WRES order: every [`Metric`] but the REAP's
/// service outcome. What an action can link to.
pub const WORKFORCE_METRICS: [Metric; 10] = [
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
];

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

    /// What happened to those counted, for a sentence about observed counts ("none of the 40 …
    /// were referred for fitness to practise").
    pub fn happened(self) -> &'static str {
        match self {
            Metric::PayBands => "were in this pay band",
            Metric::Appointment => "were appointed from shortlisting",
            Metric::Disciplinary => "entered the formal disciplinary process",
            Metric::FitnessToPractise => "were referred for fitness to practise",
            Metric::Cpd => "took up non-mandatory training and development (CPD)",
            Metric::HarassmentFromPublic => {
                "reported harassment or bullying from service users or the public"
            }
            Metric::HarassmentFromColleagues => "reported harassment or bullying from colleagues",
            Metric::HarassmentFromManagers => "reported harassment or bullying from managers",
            Metric::Leaving => "left the organisation",
            Metric::SeniorRoles => "were in a senior or leadership role",
            Metric::GoodServiceOutcome => "started a job or education",
        }
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
    /// Neither side is adverse: more is not plainly good or bad for the group (a caseload against
    /// the population, a pay band against the others, one Employment Specialist's caseload
    /// against the rest of the team's). The status is two-sided: higher or lower than expected.
    Neither,
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

/// How a ratio reads against the non-adverse range, its interval and, with small counts, the exact
/// test (METRICS.md "Reading a ratio", "Which comparisons have a good direction", "Too few to
/// tell").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioStatus {
    /// Within the range.
    Within,
    /// Outside the range in the adverse direction, the interval excludes 1 and, with small cells,
    /// the exact test agrees.
    Adverse,
    /// Outside the range in the other direction, with the same evidence as `Adverse`.
    FavourableToComparison,
    /// Outside the range (where the comparison has a direction), but the interval includes 1: it
    /// could be chance.
    OutsideNotConclusive,
    /// Two-sided ([`AdverseDirection::Neither`]): above the range, with the same evidence as
    /// `Adverse`.
    Higher,
    /// Two-sided: below the range, with the same evidence as `Adverse`.
    Lower,
    /// Two-sided: above the range, but the interval includes 1.
    HigherNotConclusive,
    /// Two-sided: below the range, but the interval includes 1.
    LowerNotConclusive,
    /// A cell of the table is under 5 and the interval and the exact test do not both show a
    /// difference; or a ratio corrected for a zero cell is within the range while the rates
    /// observed are not (none against some). No claim either way.
    TooFewToTell,
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
            RatioStatus::Higher => "Clearly higher than expected",
            RatioStatus::Lower => "Clearly lower than expected",
            RatioStatus::HigherNotConclusive => "Higher than expected, not conclusive",
            RatioStatus::LowerNotConclusive => "Lower than expected, not conclusive",
            RatioStatus::TooFewToTell => "Not conclusive: too few to tell",
            RatioStatus::NotComputable => "Not computable",
        }
    }

    /// Whether the figures show a difference that chance alone is unlikely to explain: adverse,
    /// favourable, clearly higher or clearly lower.
    pub fn is_clear(self) -> bool {
        matches!(
            self,
            RatioStatus::Adverse
                | RatioStatus::FavourableToComparison
                | RatioStatus::Higher
                | RatioStatus::Lower
        )
    }
}

/// Below this p-value the exact test agrees that there is a difference.
pub const EXACT_TEST_LEVEL: f64 = 0.05;

/// Whether an exact test's p-value is below [`EXACT_TEST_LEVEL`] by more than a rounding error
/// (1 of 1 against a share of 5% gives exactly 0.05, which must not pass by luck).
fn exact_test_agrees(p: f64) -> bool {
    p < EXACT_TEST_LEVEL * (1.0 - 1e-9)
}

/// The status of a ratio, as METRICS.md "Reading a ratio" defines it. With `adverse` set to
/// [`AdverseDirection::Neither`] the status is two-sided (higher or lower than expected).
pub fn ratio_status(
    result: &RatioResult,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> RatioStatus {
    let Ok(ratio) = result else {
        return RatioStatus::NotComputable;
    };
    if range.contains(ratio.value) {
        // A corrected estimate inside the range says nothing when what was seen is outside it.
        let seen_within = ratio.observed.is_some_and(|o| range.contains(o));
        return if ratio.corrected && !seen_within {
            RatioStatus::TooFewToTell
        } else {
            RatioStatus::Within
        };
    }
    let excludes_one = !ratio.interval.includes(1.0);
    let exact_agrees = ratio.exact_p.is_some_and(exact_test_agrees);
    if ratio.small_cells && !(excludes_one && exact_agrees) {
        return RatioStatus::TooFewToTell;
    }
    // Outside a range that contains 1: above it or below it.
    let above = ratio.value > 1.0;
    match (adverse, excludes_one) {
        (AdverseDirection::Neither, true) if above => RatioStatus::Higher,
        (AdverseDirection::Neither, true) => RatioStatus::Lower,
        (AdverseDirection::Neither, false) if above => RatioStatus::HigherNotConclusive,
        (AdverseDirection::Neither, false) => RatioStatus::LowerNotConclusive,
        (_, false) => RatioStatus::OutsideNotConclusive,
        (direction, true) if above == (direction == AdverseDirection::Above) => {
            RatioStatus::Adverse
        }
        _ => RatioStatus::FavourableToComparison,
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
    /// What happened to those counted, for counts of none or of everyone ("none of the 40 …
    /// were referred for fitness to practise"): usually [`Metric::happened`].
    pub happened: &'a str,
}

/// The plain-English sentence for a relative likelihood from the two groups' counts: who, what,
/// how many times as likely, the interval and the status. It never claims a difference that the
/// figures do not support. With a count of none or of everyone, it says what was observed in
/// words and gives the corrected ratio labelled as corrected (METRICS.md "Zero cells").
pub fn sentence(
    wording: &Wording,
    orientation: Orientation,
    comparison: Counts,
    reference: Counts,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> String {
    let ((subject, top), (object, bottom)) = match orientation {
        Orientation::ComparisonOverReference => (
            (wording.comparison, comparison),
            (wording.reference, reference),
        ),
        Orientation::ReferenceOverComparison => (
            (wording.reference, reference),
            (wording.comparison, comparison),
        ),
    };
    let result = relative_likelihood(top.events, top.total, bottom.events, bottom.total);
    let ratio = match &result {
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
    let value = shown(ratio.value, Some((range.lower(), range.upper())));
    let interval = interval_words(ratio);
    let mut text = if ratio.corrected {
        format!(
            "{} {}, against {}. {}, the relative likelihood can only be estimated with a correction \
             (0.5 added to each count and 1 to each total): corrected relative likelihood {} ({interval}).",
            capitalise(&counted(top, subject)),
            wording.happened,
            counted(bottom, object),
            why_corrected([top, bottom]),
            value.text,
        )
    } else {
        let (how, says_value) = match ratio.value {
            v if v >= 1.0 && value.text != "1.00" => {
                (format!("{} times as likely as", value.text), true)
            }
            v if v >= 1.0 => ("about as likely as".to_string(), false),
            v => match percent_less(v, &value) {
                Some(percent) => (format!("{percent} less likely than"), false),
                None => ("about as likely as".to_string(), false),
            },
        };
        let value = if says_value {
            String::new()
        } else {
            format!("relative likelihood {}, ", value.text)
        };
        format!(
            "{} were {how} {object} {} ({value}{interval}).",
            capitalise(subject),
            wording.event,
        )
    };
    push_status(
        &mut text,
        ratio,
        ratio_status(&result, range, adverse),
        range,
        wording.comparison,
        adverse,
    );
    text
}

/// "none of the 40 staff", "all 7 applicants", "1 of 1 White applicant", "12 of the 310 staff
/// (3.9%)": a count in words, for a sentence about what was observed.
fn counted(counts: Counts, who: &str) -> String {
    let Counts { events, total } = counts;
    if events == 0 {
        format!("none of the {total} {who}")
    } else if events == total && total > 1 {
        format!("all {total} {who}")
    } else if events == total {
        format!("{events} of {total} {who}")
    } else {
        let rate = format_percent(events as f64 / total as f64);
        format!("{events} of the {total} {who} ({rate})")
    }
}

/// Why a ratio needed the zero-cell correction, as the start of a sentence.
fn why_corrected(groups: [Counts; 2]) -> &'static str {
    let none = groups.iter().any(|g| g.events == 0);
    let all = groups.iter().any(|g| g.events == g.total);
    match (none, all) {
        (true, true) => "With counts of none and of everyone",
        (false, true) => "With a group where everyone is counted",
        _ => "With a count of none",
    }
}

/// "95% confidence interval 0.574 to 1.04", marked approximate when a cell is small. The ends are
/// never rounded onto or across 1.
fn interval_words(ratio: &Ratio) -> String {
    let approximate = if ratio.small_cells {
        ", approximate with numbers this small"
    } else {
        ""
    };
    format!(
        "95% confidence interval {} to {}{approximate}",
        format_interval_end(ratio.interval.lower),
        format_interval_end(ratio.interval.upper),
    )
}

/// The organisation's words for a representation comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepresentationWording<'a> {
    /// The group ("Black clients", or the chosen words for the comparison group).
    pub group: &'a str,
    /// The population of interest ("IPS clients", "senior and leadership roles").
    pub population: &'a str,
    /// The baseline ("the secondary mental-health caseload", "the local population", "the rest
    /// of the team's caseload").
    pub baseline: &'a str,
}

/// The plain-English sentence for a representation ratio: the two shares, the ratio, the gap in
/// percentage points, the interval and the status, never claiming more than the figures support.
/// A share of none or of everyone is said in words; a ratio corrected for a zero cell is labelled
/// as corrected and never used to describe the shares.
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
    let value = shown(ratio.value, Some((range.lower(), range.upper())));
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
    let baseline_share = match rep.baseline_counts {
        Some([x, n]) => share_words(x, n, rep.baseline_share),
        None => format_percent(rep.baseline_share),
    };
    let head = format!(
        "{} were {} of {}, against {baseline_share} of {}",
        capitalise(wording.group),
        share_words(rep.count, rep.total, rep.share),
        wording.population,
        wording.baseline,
    );
    let interval = interval_words(ratio);
    let mut text = if ratio.corrected {
        let [x, n] = rep.baseline_counts.unwrap_or([1, 2]);
        let groups = [
            Counts {
                events: rep.count,
                total: rep.total,
            },
            Counts {
                events: x,
                total: n,
            },
        ];
        format!(
            "{head} ({gap}). {}, the representation ratio can only be estimated with a correction \
             (0.5 added to each count and 1 to each total): corrected representation ratio {} ({interval}).",
            why_corrected(groups),
            value.text
        )
    } else if rep.count == 0 {
        format!(
            "{head} ({gap}; representation ratio {}, {interval}).",
            value.text
        )
    } else {
        let (how, says_value) = match ratio.value {
            v if v >= 1.0 && value.text != "1.00" => {
                (format!("{} times their share", value.text), true)
            }
            v if v >= 1.0 => ("about their share".to_string(), false),
            v => match percent_less(v, &value) {
                Some(percent) => (format!("{percent} below their share"), false),
                None => ("about their share".to_string(), false),
            },
        };
        let value = if says_value {
            String::new()
        } else {
            format!("representation ratio {}, ", value.text)
        };
        format!("{head}: {how} ({gap}; {value}{interval}).")
    };
    let status = ratio_status(&Ok(*ratio), range, adverse);
    push_status(&mut text, ratio, status, range, wording.group, adverse);
    text
}

/// A share as a percentage, or in words when it is none or everyone ("none (0 of 23)").
fn share_words(count: u64, total: u64, share: f64) -> String {
    if count == 0 {
        format!("none (0 of {total})")
    } else if count == total {
        format!("all ({count} of {total})")
    } else {
        format_percent(share)
    }
}

/// Appends the status. Whenever the interval includes 1 it says the difference could be chance;
/// where the exact test decided, it gives its p-value.
fn push_status(
    text: &mut String,
    ratio: &Ratio,
    status: RatioStatus,
    range: NonAdverseRange,
    who: &str,
    adverse: AdverseDirection,
) {
    let bounds = format_range(range);
    let range_words = if adverse == AdverseDirection::Neither {
        format!("the range of {bounds} used as a guide")
    } else {
        format!("the non-adverse range of {bounds} (a guide)")
    };
    let could_be_chance = ratio.interval.includes(1.0);
    let agrees = match ratio.exact_p {
        Some(p) => format!(" An exact test agrees ({}).", format_p(p)),
        None => String::new(),
    };
    let unlikely =
        "and the interval does not include 1, so chance alone is an unlikely explanation.";
    let maybe_chance =
        "but the interval includes 1, so the difference could be chance with numbers this small.";
    let status = match status {
        RatioStatus::Within if could_be_chance => {
            format!(" This is within {range_words}, and the difference could be chance.")
        }
        RatioStatus::Within => format!(" This is within {range_words}."),
        RatioStatus::Adverse => {
            format!(" This is outside {range_words}, adverse to {who}, {unlikely}{agrees}")
        }
        RatioStatus::FavourableToComparison => format!(
            " This is outside {range_words}, in favour of {who}, and the interval does not include 1.{agrees}"
        ),
        RatioStatus::OutsideNotConclusive => format!(" This is outside {range_words}, {maybe_chance}"),
        RatioStatus::Higher => {
            format!(" This is higher than expected: above {range_words}, {unlikely}{agrees}")
        }
        RatioStatus::Lower => {
            format!(" This is lower than expected: below {range_words}, {unlikely}{agrees}")
        }
        RatioStatus::HigherNotConclusive => format!(" This is above {range_words}, {maybe_chance}"),
        RatioStatus::LowerNotConclusive => format!(" This is below {range_words}, {maybe_chance}"),
        RatioStatus::TooFewToTell => match ratio.exact_p {
            Some(p) if !exact_test_agrees(p) || could_be_chance => format!(
                " There are too few to tell whether this is a real difference: with counts this small \
                 the interval is approximate, and an exact test ({}) finds it could be chance.",
                format_p(p)
            ),
            _ => format!(
                " The corrected estimate is within {range_words}, but what was observed is not, so these \
                 figures cannot tell whether there is a difference."
            ),
        },
        RatioStatus::NotComputable => String::new(),
    };
    text.push_str(&status);
}

/// "User's words" with a capital first letter, for the start of a sentence.
pub(crate) fn capitalise(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A figure as shown: its text, how many decimal places it has, and whether digits were added
/// beyond 3 significant figures to keep it on the right side of a mark.
struct ShownFigure {
    text: String,
    decimals: u32,
    extended: bool,
}

/// `value` to 3 significant figures ("0.774", "1.29", "97.1", "256", "4,200,000"), "under 0.001"
/// below 0.001 and "0" for 0; with more digits where 3 figures would move it to another side of
/// `ends` (below, within or above them, the ends counting as within; for a ratio, within one
/// part in 10^12 as [`NonAdverseRange::contains`] allows).
fn shown(value: f64, ends: Option<(f64, f64)>) -> ShownFigure {
    let plain = |text: &str| ShownFigure {
        text: text.to_string(),
        decimals: 0,
        extended: false,
    };
    if !value.is_finite() {
        return plain("not available");
    }
    if value == 0.0 {
        return plain("0");
    }
    let side = |v: f64, (lower, upper): (f64, f64), slack: f64| {
        if v < lower * (1.0 - slack) {
            -1
        } else if v > upper * (1.0 + slack) {
            1
        } else {
            0
        }
    };
    let agrees = |seen: f64| ends.is_none_or(|e| side(value, e, 1e-12) == side(seen, e, 0.0));
    if value.abs() < 0.001 && ends.is_none_or(|(lower, _)| lower >= 0.001) {
        return plain("under 0.001");
    }
    let exponent = numbers::exponent_after_rounding(value, 3).unwrap_or(0);
    let first = if exponent >= 3 {
        // Whole numbers: 3 figures, then zeros, in groups of three.
        let scale = 10f64.powi(exponent - 2);
        let mantissa = (value.abs() / scale).round();
        if agrees(mantissa * scale.copysign(value)) {
            let sign = if value < 0.0 { "-" } else { "" };
            let digits = format!("{}{}", mantissa as u64, "0".repeat((exponent - 2) as usize));
            return plain(&format!("{sign}{}", numbers::group_thousands(&digits)));
        }
        0
    } else {
        (2 - exponent) as u32
    };
    // Up to 14 places: a ratio within one part in 10^12 of an end counts as the end itself.
    let mut decimals = first;
    while decimals < 14 && !agrees(numbers::shown_value(value, decimals)) {
        decimals += 1;
    }
    ShownFigure {
        text: numbers::fixed(value, decimals),
        decimals,
        extended: decimals > first || exponent >= 3,
    }
}

/// A ratio for display: 3 significant figures at every magnitude ("0.774", "1.29", "97.1", "256",
/// "4,200,000"), "under 0.001" below 0.001, "0" for 0. Deterministic: the digits come from
/// [`numbers::fixed`]. Beside a status, use [`format_ratio_in`].
pub fn format_ratio(value: f64) -> String {
    shown(value, None).text
}

/// A ratio for display beside its status against `range`: as [`format_ratio`], with as many more
/// digits as it takes for the figure shown to agree with the status (METRICS.md "Display"): a
/// ratio outside the range never rounds onto or into it ("0.7996", not "0.800"), and one within
/// it never rounds out of it.
pub fn format_ratio_in(value: f64, range: NonAdverseRange) -> String {
    shown(value, Some((range.lower(), range.upper()))).text
}

/// An end of a ratio's interval for display: as [`format_ratio`], never rounded onto or across 1
/// ("0.99996", not "1.00", for an interval that excludes 1).
pub fn format_interval_end(value: f64) -> String {
    shown(value, Some((1.0, 1.0))).text
}

/// A ratio and its interval as a table shows them, "0.774 (0.574 to 1.04)", then ", corrected"
/// when a zero cell was corrected and ", approximate" when a cell is small. The figure agrees with
/// its status against `range` ([`format_ratio_in`]) and the ends with the interval's side of 1.
pub fn ratio_text(ratio: &Ratio, range: NonAdverseRange) -> String {
    let mut text = format!(
        "{} ({} to {})",
        format_ratio_in(ratio.value, range),
        format_interval_end(ratio.interval.lower),
        format_interval_end(ratio.interval.upper)
    );
    if ratio.corrected {
        text.push_str(", corrected");
    }
    if ratio.small_cells {
        text.push_str(", approximate");
    }
    text
}

/// The range as the sentences write it: "0.80 to 1.25", with a third or fourth decimal place
/// when the plan's range has one.
pub fn format_range(range: NonAdverseRange) -> String {
    let end = |v: f64| {
        let decimals = (2..4)
            .find(|&d| numbers::shown_value(v, d) == v)
            .unwrap_or(4);
        numbers::fixed(v, decimals)
    };
    format!("{} to {}", end(range.lower()), end(range.upper()))
}

/// A p-value in a sentence: "p = 0.086", "p = 0.50", "p < 0.001".
pub fn format_p(p: f64) -> String {
    if !(p >= 0.001) {
        return "p < 0.001".to_string();
    }
    let exponent = numbers::exponent_after_rounding(p, 2).unwrap_or(0);
    format!("p = {}", numbers::fixed(p, (1 - exponent).max(2) as u32))
}

/// A proportion (0 to 1) as a percentage with one decimal place ("17.5%"); a share that is not 0
/// but would show as "0.0%" is "under 0.1%", and one that is not all but would show as "100.0%" is
/// "over 99.9%".
pub fn format_percent(share: f64) -> String {
    if !share.is_finite() {
        return "not available".to_string();
    }
    if share > 0.0 && share < 0.0005 {
        return "under 0.1%".to_string();
    }
    if share < 1.0 && share >= 0.9995 {
        return "over 99.9%".to_string();
    }
    format!("{}%", numbers::fixed(share * 100.0, 1))
}

/// How much less likely a ratio below 1 means, as "23%"; `None` when it rounds to 0%.
#[cfg(test)]
fn format_percent_less(ratio: f64) -> Option<String> {
    percent_less(ratio, &shown(ratio, None))
}

/// As [`format_percent_less`], with as many decimals as the ratio shown needed beyond 3
/// significant figures ("20.04%" beside "0.7996").
fn percent_less(ratio: f64, shown: &ShownFigure) -> Option<String> {
    let percent = (1.0 - ratio) * 100.0;
    let decimals = if shown.extended {
        shown.decimals.saturating_sub(2)
    } else {
        0
    };
    match numbers::fixed(percent, decimals).as_str() {
        "0" => None,
        "100" if ratio > 0.0 => Some("more than 99%".to_string()),
        rounded => Some(format!("{rounded}%")),
    }
}

/// METRICS.md "Small numbers", one rule everywhere: a rate whose numerator is 1 to 4 or whose
/// denominator is under 10 carries a "small numbers" warning on screen and is withheld from
/// published output ([`rate_is_reportable`] applies the plan's preset there).
pub fn small_numbers(numerator: u64, denominator: u64) -> bool {
    (1..=4).contains(&numerator) || denominator < 10
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
