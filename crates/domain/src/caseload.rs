//! REAP anchor 3.3: each Employment Specialist's caseload by ethnic group against the rest of the
//! team's caseload, read from the counts as the user typed them.
//!
//! The team's caseload is the sum of every Employment Specialist's counts. A specialist's caseload
//! is part of it, so each specialist's share of a group is compared with the group's share of
//! everyone else's caseloads (METRICS.md "Representation ratio": a part against the rest), and
//! read against the range two-sided, as higher or lower than expected ("Which comparisons have a
//! good direction"). As METRICS.md asks, "not stated" is left out of the five groups' shares but
//! counted and compared in its own right.

use crate::ethnicity::EthnicGroup;
use crate::plan::Specialist;
use crate::stats::{
    self, AdverseDirection, NonAdverseRange, NotComputable, RatioStatus, Representation,
    RepresentationWording,
};

/// A group an Employment Specialist's caseload is counted in: the five ethnic groups of the 2021
/// Census, and "not stated".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseloadGroup {
    Asian,
    Black,
    Mixed,
    White,
    Other,
    NotStated,
}

impl CaseloadGroup {
    /// The groups in the order ONS publishes them, then "not stated".
    pub const ALL: [CaseloadGroup; 6] = [
        CaseloadGroup::Asian,
        CaseloadGroup::Black,
        CaseloadGroup::Mixed,
        CaseloadGroup::White,
        CaseloadGroup::Other,
        CaseloadGroup::NotStated,
    ];

    /// The key a plan stores the group's count under.
    pub fn id(self) -> &'static str {
        match self {
            CaseloadGroup::Asian => "asian",
            CaseloadGroup::Black => "black",
            CaseloadGroup::Mixed => "mixed",
            CaseloadGroup::White => "white",
            CaseloadGroup::Other => "other",
            CaseloadGroup::NotStated => "not_stated",
        }
    }

    /// The group with this key, if there is one.
    pub fn from_id(id: &str) -> Option<CaseloadGroup> {
        CaseloadGroup::ALL.into_iter().find(|g| g.id() == id)
    }

    /// The ethnic group, or `None` for "not stated".
    pub fn ethnic_group(self) -> Option<EthnicGroup> {
        match self {
            CaseloadGroup::Asian => Some(EthnicGroup::Asian),
            CaseloadGroup::Black => Some(EthnicGroup::Black),
            CaseloadGroup::Mixed => Some(EthnicGroup::Mixed),
            CaseloadGroup::White => Some(EthnicGroup::White),
            CaseloadGroup::Other => Some(EthnicGroup::Other),
            CaseloadGroup::NotStated => None,
        }
    }

    /// The group's name as the 2021 Census words it, or "Not stated".
    pub fn label(self) -> &'static str {
        match self.ethnic_group() {
            Some(group) => group.label(),
            None => "Not stated",
        }
    }

    /// A short column heading.
    pub fn short_label(self) -> &'static str {
        match self {
            CaseloadGroup::Asian => "Asian",
            CaseloadGroup::Black => "Black",
            CaseloadGroup::Mixed => "Mixed",
            CaseloadGroup::White => "White",
            CaseloadGroup::Other => "Other",
            CaseloadGroup::NotStated => "Not stated",
        }
    }

    /// Who the group is, as the subject of a sentence ("White were…" and "Not stated were…" do
    /// not read; "the Other ethnic group group" neither).
    pub(crate) fn people(self) -> String {
        match self.ethnic_group() {
            Some(group) => {
                let label = group.label();
                if label.ends_with(" group") || label.ends_with(" groups") {
                    format!("people in the {label}")
                } else {
                    format!("people in the {label} group")
                }
            }
            None => "people whose ethnicity was not stated".to_string(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Counts by group, in [`CaseloadGroup::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub counts: [u64; 6],
}

impl Tally {
    pub fn count(&self, group: CaseloadGroup) -> u64 {
        self.counts[group.index()]
    }

    /// Everyone counted, "not stated" included.
    pub fn total(&self) -> u64 {
        self.counts.iter().fold(0, |sum, &n| sum.saturating_add(n))
    }

    /// Everyone whose ethnicity is known: the total the five groups' shares are taken of.
    pub fn known_total(&self) -> u64 {
        self.total() - self.count(CaseloadGroup::NotStated)
    }

    /// What a group's share is a share of: those whose ethnicity is known, or for "not stated",
    /// everyone.
    pub fn share_base(&self, group: CaseloadGroup) -> u64 {
        match group {
            CaseloadGroup::NotStated => self.total(),
            _ => self.known_total(),
        }
    }

    /// The group's share of [`Tally::share_base`] (0 to 1), or 0 when there is no one to share.
    pub fn share(&self, group: CaseloadGroup) -> f64 {
        match self.share_base(group) {
            0 => 0.0,
            base => self.count(group) as f64 / base as f64,
        }
    }

    /// More than 10% not stated: a data-quality problem that can hide a difference.
    pub fn not_stated_is_high(&self) -> bool {
        stats::not_stated_flag(self.count(CaseloadGroup::NotStated), self.total())
    }

    fn add(&mut self, group: CaseloadGroup, n: u64) {
        let count = &mut self.counts[group.index()];
        *count = count.saturating_add(n);
    }
}

/// A caseload smaller than this is too small to conclude anything from (METRICS.md "Small
/// numbers": a rate whose denominator is under 10 is withheld).
pub const MIN_CASELOAD: u64 = 10;

/// Every Employment Specialist's caseload against the team's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseloadComparison {
    /// The team's caseload: the sum of every count that could be read.
    pub team: Tally,
    /// One per Employment Specialist, in the plan's order.
    pub specialists: Vec<SpecialistCaseload>,
    /// Each count that could not be read, as "A.K., White: ‘12a’ is not a whole number: …". Such
    /// counts are left out of every sum.
    pub problems: Vec<String>,
}

/// One Employment Specialist's caseload against the team's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecialistCaseload {
    pub id: String,
    /// As entered (may be blank).
    pub name: String,
    /// The counts that could be read.
    pub tally: Tally,
    /// One per group with a count that could be read, in [`CaseloadGroup::ALL`] order. Empty
    /// when none could: then there is nothing to compare.
    pub groups: Vec<GroupComparison>,
}

impl SpecialistCaseload {
    /// The comparison for one group, if this specialist has a count for it.
    pub fn group(&self, group: CaseloadGroup) -> Option<&GroupComparison> {
        self.groups.iter().find(|g| g.group == group)
    }

    /// Whether any group is flagged.
    pub fn any_flag(&self) -> bool {
        self.groups.iter().any(|g| g.flag)
    }
}

/// One group in one Employment Specialist's caseload against the team's caseload.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupComparison {
    pub group: CaseloadGroup,
    pub count: u64,
    /// The group's share of this caseload (of those whose ethnicity is known; for "not stated",
    /// of everyone), 0 to 1.
    pub share: f64,
    /// The group's share of the team's caseload, taken the same way.
    pub team_share: f64,
    /// The group's share of the rest of the team's caseload (everyone else's), taken the same
    /// way: what the share is compared with. 0 when there is no one else.
    pub rest_share: f64,
    /// The share against the rest's share, with its interval ([`stats::part_against_rest`]).
    pub representation: Result<Representation, NotComputable>,
    /// Two-sided: higher or lower than expected, clearly or not, or too few to tell.
    pub status: RatioStatus,
    /// The ratio and its interval as a table shows them ([`stats::ratio_text`]), or why there is
    /// none.
    pub ratio_text: String,
    /// Worth a look: the share is clearly higher or lower than the rest's (outside the range, the
    /// interval excludes 1 and, with small counts, the exact test agrees). Never set when the
    /// caseload is under [`MIN_CASELOAD`].
    pub flag: bool,
    /// Small numbers in the share or in the rest's ([`stats::small_numbers`]: a count of 1 to 4,
    /// or fewer than 10 people): shown with a warning, withheld from published output.
    pub small: bool,
    /// The figures in a plain sentence, never claiming more than the interval supports.
    pub sentence: String,
}

/// Compares each Employment Specialist's caseload by group with the team's caseload (REAP anchor
/// 3.3). Counts that do not read are reported in `problems` and left out; blanks are left out
/// without comment, as nothing was entered.
pub fn compare_specialists(
    specialists: &[Specialist],
    range: NonAdverseRange,
) -> CaseloadComparison {
    let mut problems = Vec::new();
    let tallies: Vec<(Tally, [bool; 6])> = specialists
        .iter()
        .enumerate()
        .map(|(n, specialist)| {
            let who = match specialist.name.trim() {
                "" => format!("Employment Specialist {} (no name)", n + 1),
                name => name.to_string(),
            };
            let mut tally = Tally::default();
            let mut entered = [false; 6];
            for (key, text) in &specialist.caseload {
                let Some(group) = CaseloadGroup::from_id(key) else {
                    if !text.trim().is_empty() {
                        problems.push(format!(
                            "{who}: {} is not a group the planner knows, so its count {} is left out.",
                            crate::text::quote(key),
                            crate::text::quote(text.trim())
                        ));
                    }
                    continue;
                };
                match crate::numbers::parse_count(text) {
                    Ok(Some(n)) => {
                        tally.add(group, n);
                        entered[group.index()] = true;
                    }
                    Ok(None) => {}
                    Err(message) => problems.push(format!("{who}, {}: {message}", group.label())),
                }
            }
            (tally, entered)
        })
        .collect();
    let mut team = Tally::default();
    for (tally, _) in &tallies {
        for group in CaseloadGroup::ALL {
            team.add(group, tally.count(group));
        }
    }
    let specialists = specialists
        .iter()
        .zip(&tallies)
        .map(|(specialist, (tally, entered))| {
            let population = match specialist.name.trim() {
                "" => "this Employment Specialist's caseload".to_string(),
                name => format!("{name}'s caseload"),
            };
            let groups = CaseloadGroup::ALL
                .into_iter()
                .filter(|g| entered[g.index()])
                .map(|group| compare_group(group, tally, &team, &population, range))
                .collect();
            SpecialistCaseload {
                id: specialist.id.clone(),
                name: specialist.name.clone(),
                tally: *tally,
                groups,
            }
        })
        .collect();
    CaseloadComparison {
        team,
        specialists,
        problems,
    }
}

fn compare_group(
    group: CaseloadGroup,
    tally: &Tally,
    team: &Tally,
    population: &str,
    range: NonAdverseRange,
) -> GroupComparison {
    let (count, base) = (tally.count(group), tally.share_base(group));
    let representation =
        stats::part_against_rest(count, base, team.count(group), team.share_base(group));
    // A caseload has no good direction: more or fewer of a group is worth a look either way.
    let two_sided = AdverseDirection::Neither;
    let ratio = representation.map(|r| r.ratio);
    let status = stats::ratio_status(&ratio, range, two_sided);
    let rest = representation.ok().and_then(|r| r.baseline_counts);
    let small =
        stats::small_numbers(count, base) || rest.is_some_and(|[x, n]| stats::small_numbers(x, n));
    let flag = base >= MIN_CASELOAD && status.is_clear();
    let people = group.people();
    let wording = RepresentationWording {
        group: &people,
        population,
        baseline: "the rest of the team's caseload",
    };
    GroupComparison {
        group,
        count,
        share: tally.share(group),
        team_share: team.share(group),
        rest_share: representation.map_or(0.0, |r| r.baseline_share),
        sentence: stats::representation_sentence(&wording, &representation, range, two_sided),
        ratio_text: match &ratio {
            Ok(r) => stats::ratio_text(r, range),
            Err(reason) => reason.message().to_string(),
        },
        representation,
        status,
        flag,
        small,
    }
}

/// One line about one Employment Specialist: who, how many, and whether anything stands out.
pub fn headline(specialist: &SpecialistCaseload) -> String {
    let who = match specialist.name.trim() {
        "" => "An Employment Specialist with no name",
        name => name,
    };
    let total = specialist.tally.total();
    let flagged: Vec<&str> = specialist
        .groups
        .iter()
        .filter(|g| g.flag)
        .map(|g| g.group.short_label())
        .collect();
    if specialist.tally.known_total() < MIN_CASELOAD {
        format!(
            "{who}: caseload of {total}, too few to compare with the rest of the team\u{2019}s."
        )
    } else if flagged.is_empty() {
        format!("{who}: caseload of {total}; no group\u{2019}s share differs clearly from the rest of the team\u{2019}s.")
    } else {
        format!(
            "{who}: caseload of {total}; worth a look: {}.",
            flagged.join(", ")
        )
    }
}

/// The comparison as text for anchor 3.3's evidence, dated `today` (YYYY-MM-DD): a line for
/// the team, one per Employment Specialist, and the sentence for each group worth a look (each
/// caseload against the rest of the team's).
pub fn evidence_summary(specialists: &[Specialist], range: NonAdverseRange, today: &str) -> String {
    let comparison = compare_specialists(specialists, range);
    let when = crate::dates::long_or_as_is(today);
    let mut text = format!(
        "Each caseload compared with the rest of the team\u{2019}s on {when} (team caseload {}):",
        comparison.team.total()
    );
    for specialist in &comparison.specialists {
        text.push_str("\n- ");
        text.push_str(&headline(specialist));
        for group in specialist.groups.iter().filter(|g| g.flag) {
            text.push_str("\n  ");
            text.push_str(&group.sentence);
        }
    }
    if !comparison.problems.is_empty() {
        text.push_str("\n(Some counts could not be read and were left out.)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn specialist(id: &str, name: &str, counts: &[(&str, &str)]) -> Specialist {
        Specialist {
            id: id.into(),
            name: name.into(),
            caseload: counts
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn groups_have_ids_labels_and_the_census_words() {
        let ids: Vec<&str> = CaseloadGroup::ALL.iter().map(|g| g.id()).collect();
        assert_eq!(
            ids,
            ["asian", "black", "mixed", "white", "other", "not_stated"]
        );
        for group in CaseloadGroup::ALL {
            assert_eq!(CaseloadGroup::from_id(group.id()), Some(group));
        }
        assert_eq!(CaseloadGroup::from_id("Black"), None);
        assert_eq!(CaseloadGroup::Black.label(), EthnicGroup::Black.label());
        assert_eq!(CaseloadGroup::NotStated.label(), "Not stated");
    }

    #[test]
    fn the_team_is_the_sum_and_each_share_is_of_known_ethnicity() {
        // Worked by hand:
        //   A: Asian 2, Black 6, White 12, Not stated 2 → known 20, total 22.
        //   B: Asian 3, Black 1, White 16              → known 20, total 20.
        //   Team: Asian 5, Black 7, White 28, Not stated 2 → known 40, total 42.
        //   A's Black share 6/20 = 0.30 against the rest's (B's) 1/20 = 0.05: ratio 6.
        //   A's not stated share 2/22 = 0.090909 against B's 0 of 20: a zero cell, corrected to
        //   (2.5/23) / (0.5/21) = 4.565217.
        //   B's Black share 1/20 = 0.05 against A's 6/20: ratio 0.166667.
        let specialists = [
            specialist(
                "es1",
                "A",
                &[
                    ("asian", "2"),
                    ("black", "6"),
                    ("white", "12"),
                    ("not_stated", "2"),
                ],
            ),
            specialist(
                "es2",
                "B",
                &[
                    ("asian", "3"),
                    ("black", "1"),
                    ("white", "16"),
                    ("mixed", ""),
                ],
            ),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        assert!(result.problems.is_empty());
        assert_eq!(result.team.counts, [5, 7, 0, 28, 0, 2]);
        assert_eq!((result.team.total(), result.team.known_total()), (42, 40));
        let a = &result.specialists[0];
        assert_eq!((a.tally.total(), a.tally.known_total()), (22, 20));
        let black = a.group(CaseloadGroup::Black).unwrap();
        assert_eq!(black.count, 6);
        assert!(close(black.share, 0.30) && close(black.team_share, 0.175));
        assert!(close(black.rest_share, 0.05));
        assert!(close(
            black.representation.as_ref().unwrap().ratio.value,
            6.0
        ));
        let not_stated = a.group(CaseloadGroup::NotStated).unwrap();
        assert!(close(not_stated.share, 0.090909) && close(not_stated.team_share, 0.047619));
        let corrected = not_stated.representation.as_ref().unwrap().ratio;
        assert!(close(corrected.value, 4.565217) && corrected.corrected);
        let b = &result.specialists[1];
        assert!(close(
            b.group(CaseloadGroup::Black)
                .unwrap()
                .representation
                .as_ref()
                .unwrap()
                .ratio
                .value,
            0.166667
        ));
        assert_eq!(
            b.groups.iter().map(|g| g.group).collect::<Vec<_>>(),
            [
                CaseloadGroup::Asian,
                CaseloadGroup::Black,
                CaseloadGroup::White
            ],
            "a blank group has no comparison"
        );
        assert!(b.group(CaseloadGroup::Mixed).is_none());
        assert!(
            black.sentence.starts_with(
                "People in the Black, Black British, Black Welsh, Caribbean or African group were 30.0% of A's caseload, against 5.0% of the rest of the team's caseload: 6.00 times their share"
            ),
            "{}",
            black.sentence
        );
        assert!(
            not_stated
                .sentence
                .starts_with("People whose ethnicity was not stated were 9.1% of A's caseload, against none (0 of 20) of the rest of the team's caseload (9.1 percentage points higher). With a count of none, the representation ratio can only be estimated with a correction"),
            "{}",
            not_stated.sentence
        );
        // Two-sided: never "adverse" or "in favour" of a group on a caseload.
        for s in result.specialists.iter().flat_map(|s| &s.groups) {
            assert!(
                !s.sentence.contains("adverse") && !s.sentence.contains("favour"),
                "{}",
                s.sentence
            );
        }
    }

    #[test]
    fn a_share_far_below_the_teams_is_flagged() {
        // Five specialists of 40 each. Four have 10 Black clients, one has 1, so the rest of the
        // team has 40 of 160: 25%. The one: 1 of 40 = 2.5%, a ratio of 0.1 (by hand);
        // statsmodels Table2x2([[1,39],[40,120]]): 0.0142 to 0.705; scipy fisher_exact: p = 0.0001.
        let usual =
            |id: &str, name: &str| specialist(id, name, &[("black", "10"), ("white", "30")]);
        let specialists = [
            usual("es1", "A.K."),
            usual("es2", "B.L."),
            usual("es3", "C.M."),
            usual("es4", "D.N."),
            specialist("es5", "J.M.", &[("black", "1"), ("white", "39")]),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        let jm = &result.specialists[4];
        let black = jm.group(CaseloadGroup::Black).unwrap();
        let rep = black.representation.as_ref().unwrap();
        assert!(close(rep.ratio.value, 0.1), "{}", rep.ratio.value);
        assert!(rep.ratio.interval.upper < 1.0, "{:?}", rep.ratio.interval);
        assert!(rep.ratio.exact_p.unwrap() < 0.05);
        assert_eq!(black.status, RatioStatus::Lower);
        assert!(black.flag && jm.any_flag());
        assert!(black.small, "a count of 1 is a small number");
        assert!(black
            .sentence
            .contains("J.M.'s caseload, against 25.0% of the rest of the team's caseload"));
        assert!(
            black.sentence.contains("This is lower than expected"),
            "{}",
            black.sentence
        );
        // The same team's other specialists are not far from the team.
        assert!(result.specialists[..4].iter().all(|s| !s.any_flag()));
        // A.K.'s 10 of 40 against the rest's 31 of 160 is 1.29 (by hand), above the range but
        // not conclusive.
        assert_eq!(
            result.specialists[0]
                .group(CaseloadGroup::Black)
                .unwrap()
                .status,
            RatioStatus::HigherNotConclusive
        );
    }

    #[test]
    fn a_share_far_above_the_teams_is_flagged_too() {
        let specialists = [
            specialist("es1", "A", &[("black", "30"), ("white", "10")]),
            specialist("es2", "B", &[("black", "2"), ("white", "38")]),
            specialist("es3", "C", &[("black", "2"), ("white", "38")]),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        let black = result.specialists[0].group(CaseloadGroup::Black).unwrap();
        // Over-represented is not "favourable" on a caseload: clearly higher than expected.
        assert_eq!(black.status, RatioStatus::Higher);
        assert!(black.flag);
    }

    #[test]
    fn small_caseloads_are_marked_small_and_never_flagged() {
        let specialists = [
            specialist("es1", "A", &[("black", "0"), ("white", "6")]),
            specialist("es2", "B", &[("black", "30"), ("white", "30")]),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        let a = &result.specialists[0];
        assert_eq!(a.tally.total(), 6);
        for group in &a.groups {
            assert!(group.small, "{:?}", group.group);
            assert!(!group.flag, "{:?}", group.group);
        }
        let black = a.group(CaseloadGroup::Black).unwrap();
        assert_ne!(black.status, RatioStatus::Adverse);
        assert!(
            black.sentence.contains("could be chance"),
            "{}",
            black.sentence
        );
        // B's 60 clients and a count of 30 are not small, but the rest of the team (A) is 6.
        let b = result.specialists[1].group(CaseloadGroup::White).unwrap();
        assert!(b.small, "compared with a rest of 6 people");
        let three = [
            specialist("es1", "A", &[("black", "20"), ("white", "20")]),
            specialist("es2", "B", &[("black", "30"), ("white", "30")]),
            specialist("es3", "C", &[("black", "30"), ("white", "30")]),
        ];
        let result = compare_specialists(&three, NonAdverseRange::default());
        assert!(
            !result.specialists[1]
                .group(CaseloadGroup::White)
                .unwrap()
                .small
        );
    }

    #[test]
    fn counts_that_do_not_read_are_reported_and_left_out() {
        let specialists = [
            specialist(
                "es1",
                "A.K.",
                &[("black", "12a"), ("white", "20"), ("asian", "-2")],
            ),
            specialist(
                "es2",
                "",
                &[("white", "1,0"), ("somali", "4"), ("mixed", "")],
            ),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        assert_eq!(
            result.problems,
            [
                "A.K., Asian, Asian British or Asian Welsh: ‘-2’ is below zero: a count cannot be negative, so enter a count such as 12, or leave it blank.",
                "A.K., Black, Black British, Black Welsh, Caribbean or African: ‘12a’ is not a whole number: enter a count such as 12, or leave it blank.",
                "Employment Specialist 2 (no name): ‘somali’ is not a group the planner knows, so its count ‘4’ is left out.",
                "Employment Specialist 2 (no name), White: ‘1,0’ is not a whole number: enter a count such as 12, or leave it blank.",
            ]
        );
        assert_eq!(
            result.team.counts,
            [0, 0, 0, 20, 0, 0],
            "nothing bad is summed"
        );
        let a = &result.specialists[0];
        assert_eq!(a.tally.total(), 20);
        assert!(
            a.group(CaseloadGroup::Black).is_none(),
            "not counted as zero"
        );
        let unnamed = &result.specialists[1];
        assert!(unnamed.groups.is_empty(), "listed, but nothing to compare");
        assert_eq!(unnamed.tally.total(), 0);
    }

    #[test]
    fn a_blank_name_is_worded_as_this_employment_specialist() {
        let specialists = [
            specialist("es1", " ", &[("white", "20"), ("black", "5")]),
            specialist("es2", "B", &[("white", "20"), ("black", "5")]),
        ];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        let sentence = &result.specialists[0].groups[0].sentence;
        assert!(
            sentence.contains(
                "of this Employment Specialist's caseload, against 20.0% of the rest of the team's caseload"
            ),
            "{sentence}"
        );
    }

    #[test]
    fn a_caseload_of_only_zeros_gives_no_ratio_but_says_why() {
        let specialists = [specialist("es1", "A", &[("white", "0"), ("black", "0")])];
        let result = compare_specialists(&specialists, NonAdverseRange::default());
        let white = result.specialists[0].group(CaseloadGroup::White).unwrap();
        assert_eq!(white.status, RatioStatus::NotComputable);
        assert!(!white.flag && white.small);
        assert_eq!((white.share, white.team_share), (0.0, 0.0));
        assert!(white
            .sentence
            .starts_with("No representation ratio can be given"));
    }

    #[test]
    fn not_stated_above_a_tenth_is_a_data_quality_problem() {
        let tally = Tally {
            counts: [0, 0, 0, 9, 0, 2],
        };
        assert!(tally.not_stated_is_high());
        assert!(!Tally {
            counts: [0, 0, 0, 9, 0, 1]
        }
        .not_stated_is_high());
    }

    #[test]
    fn no_specialists_give_an_empty_comparison() {
        let result = compare_specialists(&[], NonAdverseRange::default());
        assert_eq!(result, CaseloadComparison::default());
        assert_eq!(result.team.total(), 0);
    }

    #[test]
    fn the_evidence_summary_is_dated_and_names_what_stands_out() {
        let team = [
            specialist("es1", "A.K.", &[("black", "1"), ("white", "39")]),
            specialist("es2", "J.M.", &[("black", "15"), ("white", "25")]),
            specialist("es3", "", &[("white", "4")]),
        ];
        let summary = evidence_summary(&team, NonAdverseRange::default(), "2026-11-29");
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(
            lines[0],
            "Each caseload compared with the rest of the team\u{2019}s on 29 November 2026 (team caseload 84):"
        );
        assert!(
            lines[1].starts_with("- A.K.: caseload of 40; worth a look: Black"),
            "{summary}"
        );
        assert!(summary.contains("People in the Black, Black British, Black Welsh, Caribbean or African group were 2.5% of A.K.'s caseload"), "{summary}");
        assert!(
            summary.contains(
                "- An Employment Specialist with no name: caseload of 4, too few to compare"
            ),
            "{summary}"
        );
        let calm =
            headline(&compare_specialists(&team[1..2], NonAdverseRange::default()).specialists[0]);
        assert_eq!(
            calm,
            "J.M.: caseload of 40; no group\u{2019}s share differs clearly from the rest of the team\u{2019}s."
        );
    }

    #[test]
    fn short_labels_head_the_columns() {
        let labels: Vec<&str> = CaseloadGroup::ALL.iter().map(|g| g.short_label()).collect();
        assert_eq!(
            labels,
            ["Asian", "Black", "Mixed", "White", "Other", "Not stated"]
        );
    }
}
