//! Ethnicity: the ONS 2021 Census classification (19 categories in 5 groups, plus "not stated"),
//! the NHS Data Dictionary ethnic category codes mapped onto it, reading the labels that HR and
//! clinical systems export, the organisation's choice of reference group, and the national baseline.

use serde::{Deserialize, Serialize};

/// One of the five high-level ethnic groups of the 2021 Census for England and Wales, in ONS order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EthnicGroup {
    Asian,
    Black,
    Mixed,
    White,
    Other,
}

impl EthnicGroup {
    /// All five groups in the order ONS publishes them.
    pub const ALL: [EthnicGroup; 5] = [
        EthnicGroup::Asian,
        EthnicGroup::Black,
        EthnicGroup::Mixed,
        EthnicGroup::White,
        EthnicGroup::Other,
    ];

    /// The group's name as the 2021 Census for England and Wales words it.
    pub fn label(self) -> &'static str {
        match self {
            EthnicGroup::Asian => "Asian, Asian British or Asian Welsh",
            EthnicGroup::Black => "Black, Black British, Black Welsh, Caribbean or African",
            EthnicGroup::Mixed => "Mixed or Multiple ethnic groups",
            EthnicGroup::White => "White",
            EthnicGroup::Other => "Other ethnic group",
        }
    }

    /// England and Wales's share of usual residents in this group at the 2021 Census, as a
    /// fraction (0.817 for 81.7%). A national starting point only: see [`NATIONAL_BASELINE_LABEL`].
    pub fn national_share_2021(self) -> f64 {
        match self {
            EthnicGroup::Asian => 0.093,
            EthnicGroup::Black => 0.040,
            EthnicGroup::Mixed => 0.029,
            EthnicGroup::White => 0.817,
            EthnicGroup::Other => 0.021,
        }
    }
}

/// How the national baseline is labelled wherever it is offered: it is a starting point, and a
/// local authority's own figures should replace it.
pub const NATIONAL_BASELINE_LABEL: &str =
    "England and Wales, Census 2021 (a national starting point: \
     enter your local authority's figures for a local comparison)";

/// One of the 19 ethnic categories of the 2021 Census for England and Wales, or "not stated".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EthnicCategory {
    Bangladeshi,
    Chinese,
    Indian,
    Pakistani,
    OtherAsian,
    African,
    Caribbean,
    OtherBlack,
    WhiteAndAsian,
    WhiteAndBlackAfrican,
    WhiteAndBlackCaribbean,
    OtherMixed,
    /// "English, Welsh, Scottish, Northern Irish or British".
    WhiteBritish,
    Irish,
    GypsyOrIrishTraveller,
    Roma,
    OtherWhite,
    Arab,
    AnyOther,
    /// Not stated, not known or declined: counted and shown, but left out of rates.
    NotStated,
}

use EthnicCategory as C;

impl EthnicCategory {
    /// The 19 Census categories in ONS order, then "not stated".
    pub const ALL: [EthnicCategory; 20] = [
        C::Bangladeshi,
        C::Chinese,
        C::Indian,
        C::Pakistani,
        C::OtherAsian,
        C::African,
        C::Caribbean,
        C::OtherBlack,
        C::WhiteAndAsian,
        C::WhiteAndBlackAfrican,
        C::WhiteAndBlackCaribbean,
        C::OtherMixed,
        C::WhiteBritish,
        C::Irish,
        C::GypsyOrIrishTraveller,
        C::Roma,
        C::OtherWhite,
        C::Arab,
        C::AnyOther,
        C::NotStated,
    ];

    /// The category's name within its group, as the 2021 Census words it.
    pub fn label(self) -> &'static str {
        match self {
            C::Bangladeshi => "Bangladeshi",
            C::Chinese => "Chinese",
            C::Indian => "Indian",
            C::Pakistani => "Pakistani",
            C::OtherAsian => "Other Asian",
            C::African => "African",
            C::Caribbean => "Caribbean",
            C::OtherBlack => "Other Black",
            C::WhiteAndAsian => "White and Asian",
            C::WhiteAndBlackAfrican => "White and Black African",
            C::WhiteAndBlackCaribbean => "White and Black Caribbean",
            C::OtherMixed => "Other Mixed or Multiple ethnic groups",
            C::WhiteBritish => "English, Welsh, Scottish, Northern Irish or British",
            C::Irish => "Irish",
            C::GypsyOrIrishTraveller => "Gypsy or Irish Traveller",
            C::Roma => "Roma",
            C::OtherWhite => "Other White",
            C::Arab => "Arab",
            C::AnyOther => "Any other ethnic group",
            C::NotStated => "Not stated / not known",
        }
    }

    /// "Group: category", as ONS labels its 19-category tables.
    pub fn full_label(self) -> String {
        match self.group() {
            Some(group) => format!("{}: {}", group.label(), self.label()),
            None => self.label().to_string(),
        }
    }

    /// The group the category belongs to; `None` for "not stated".
    pub fn group(self) -> Option<EthnicGroup> {
        Some(match self {
            C::Bangladeshi | C::Chinese | C::Indian | C::Pakistani | C::OtherAsian => {
                EthnicGroup::Asian
            }
            C::African | C::Caribbean | C::OtherBlack => EthnicGroup::Black,
            C::WhiteAndAsian
            | C::WhiteAndBlackAfrican
            | C::WhiteAndBlackCaribbean
            | C::OtherMixed => EthnicGroup::Mixed,
            C::WhiteBritish | C::Irish | C::GypsyOrIrishTraveller | C::Roma | C::OtherWhite => {
                EthnicGroup::White
            }
            C::Arab | C::AnyOther => EthnicGroup::Other,
            C::NotStated => return None,
        })
    }

    /// The NHS Data Dictionary ethnic category code (2001-based, one letter) that holds this
    /// category. Approximate where the NHS codes are coarser: Gypsy or Irish Traveller and Roma
    /// fall in C ("any other White background"), Arab in S ("any other ethnic group").
    pub fn nhs_code(self) -> &'static str {
        match self {
            C::WhiteBritish => "A",
            C::Irish => "B",
            C::GypsyOrIrishTraveller | C::Roma | C::OtherWhite => "C",
            C::WhiteAndBlackCaribbean => "D",
            C::WhiteAndBlackAfrican => "E",
            C::WhiteAndAsian => "F",
            C::OtherMixed => "G",
            C::Indian => "H",
            C::Pakistani => "J",
            C::Bangladeshi => "K",
            C::OtherAsian => "L",
            C::Caribbean => "M",
            C::African => "N",
            C::OtherBlack => "P",
            C::Chinese => "R",
            C::Arab | C::AnyOther => "S",
            C::NotStated => "Z",
        }
    }

    /// The category for an NHS Data Dictionary ethnic category code (case and spaces ignored).
    ///
    /// Approximate for C, which also holds Gypsy or Irish Traveller and Roma people (mapped to
    /// Other White), and for S, which also holds Arab people (mapped to Any other ethnic group):
    /// the 2001-based codes cannot tell them apart. Z (not stated) and 99 (not known) are both
    /// "not stated". Chinese (R) sat under "Other ethnic groups" in 2001 and is Asian in 2021.
    pub fn from_nhs_code(code: &str) -> Option<EthnicCategory> {
        Some(match code.trim().to_ascii_uppercase().as_str() {
            "A" => C::WhiteBritish,
            "B" => C::Irish,
            "C" => C::OtherWhite,
            "D" => C::WhiteAndBlackCaribbean,
            "E" => C::WhiteAndBlackAfrican,
            "F" => C::WhiteAndAsian,
            "G" => C::OtherMixed,
            "H" => C::Indian,
            "J" => C::Pakistani,
            "K" => C::Bangladeshi,
            "L" => C::OtherAsian,
            "M" => C::Caribbean,
            "N" => C::African,
            "P" => C::OtherBlack,
            "R" => C::Chinese,
            "S" => C::AnyOther,
            "Z" | "99" => C::NotStated,
            _ => return None,
        })
    }
}

/// Which staff or people the comparison is made against (the WRES "reference group").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceGroup {
    /// Every White category (the WRES default).
    #[default]
    AllWhite,
    /// White British only, so that Irish, Gypsy or Irish Traveller, Roma and Other White people are
    /// in the comparison group.
    WhiteBritish,
}

impl ReferenceGroup {
    /// How the choice is described in the plan's settings.
    pub fn label(self) -> &'static str {
        match self {
            ReferenceGroup::AllWhite => "White (all White categories)",
            ReferenceGroup::WhiteBritish => {
                "White British (English, Welsh, Scottish, Northern Irish or British)"
            }
        }
    }

    /// Whether a category is in the reference group (`Some(true)`), the comparison group
    /// (`Some(false)`), or neither because it is "not stated" (`None`: left out of rates).
    pub fn is_reference(self, category: EthnicCategory) -> Option<bool> {
        let group = category.group()?;
        Some(match self {
            ReferenceGroup::AllWhite => group == EthnicGroup::White,
            ReferenceGroup::WhiteBritish => category == C::WhiteBritish,
        })
    }
}

/// Reads an ethnicity as exported by HR and clinical systems: NHS codes ("A", "Z", "99"), the
/// 2021 and 2011 Census labels, the NHS Data Dictionary labels ("White - British", "Black or Black
/// British - African"), a code followed by its label ("A White - British"), our own ids
/// ("white_british"), and common variants ("Prefer not to say"). Case, punctuation and spacing are
/// ignored. `None` when the text is not clearly one category (for example "White unspecified"):
/// the importer should then ask the user rather than guess.
pub fn parse_label(s: &str) -> Option<EthnicCategory> {
    let text = normalise(s);
    if text.is_empty() {
        return None;
    }
    if let Some(category) = EthnicCategory::from_nhs_code(&text).or_else(|| parse_words(&text)) {
        return Some(category);
    }
    // A code then its label, as ESR and some clinical systems export ("A White - British",
    // "CA White English"). The label must agree with the code: the same category for a one-letter
    // code, the same group for an extended two-character code (whose first letter is the group's).
    let (code, rest) = text.split_once(' ')?;
    let category = parse_words(rest)?;
    if let Some(coded) = EthnicCategory::from_nhs_code(code) {
        return (coded == category).then_some(category);
    }
    let letter = code.get(..1).filter(|_| code.len() == 2)?;
    let coded = EthnicCategory::from_nhs_code(letter)?;
    (coded.group() == category.group()).then_some(category)
}

/// Lower case, with every run of punctuation or spaces made one space and "&" read as "and".
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Names that systems put before a category, and the group they announce.
const GROUP_PREFIXES: &[(&str, EthnicGroup)] = &[
    ("white", EthnicGroup::White),
    ("mixed", EthnicGroup::Mixed),
    ("mixed or multiple ethnic groups", EthnicGroup::Mixed),
    ("mixed multiple ethnic groups", EthnicGroup::Mixed),
    ("mixed multiple ethnic group", EthnicGroup::Mixed),
    ("asian", EthnicGroup::Asian),
    ("asian or asian british", EthnicGroup::Asian),
    ("asian asian british", EthnicGroup::Asian),
    ("asian asian british or asian welsh", EthnicGroup::Asian),
    ("asian asian british asian welsh", EthnicGroup::Asian),
    ("black", EthnicGroup::Black),
    ("black or black british", EthnicGroup::Black),
    (
        "black african caribbean or black british",
        EthnicGroup::Black,
    ),
    ("black african caribbean black british", EthnicGroup::Black),
    (
        "black black british caribbean or african",
        EthnicGroup::Black,
    ),
    (
        "black black british black welsh caribbean or african",
        EthnicGroup::Black,
    ),
    ("other ethnic group", EthnicGroup::Other),
    ("other ethnic groups", EthnicGroup::Other),
];

/// Words (normalised) that name a category on their own, beyond its 2021 label.
const ALIASES: &[(&str, EthnicCategory)] = &[
    ("other asian background", C::OtherAsian),
    ("any other asian background", C::OtherAsian),
    ("asian other", C::OtherAsian),
    // NHS extended code LH: approximate, as the NHS rolls it up into L.
    ("asian british", C::OtherAsian),
    ("black african", C::African),
    ("black caribbean", C::Caribbean),
    ("any other black background", C::OtherBlack),
    (
        "any other black african or caribbean background",
        C::OtherBlack,
    ),
    (
        "any other black african caribbean background",
        C::OtherBlack,
    ),
    ("black other", C::OtherBlack),
    // NHS extended code PD: approximate, as the NHS rolls it up into P.
    ("black british", C::OtherBlack),
    ("other mixed", C::OtherMixed),
    ("other mixed background", C::OtherMixed),
    ("any other mixed background", C::OtherMixed),
    (
        "any other mixed or multiple ethnic background",
        C::OtherMixed,
    ),
    ("any other mixed multiple ethnic background", C::OtherMixed),
    ("mixed other", C::OtherMixed),
    (
        "english welsh scottish northern irish british",
        C::WhiteBritish,
    ),
    ("white british", C::WhiteBritish),
    ("british", C::WhiteBritish),
    ("english", C::WhiteBritish),
    ("welsh", C::WhiteBritish),
    ("scottish", C::WhiteBritish),
    ("northern irish", C::WhiteBritish),
    ("white irish", C::Irish),
    ("gypsy irish traveller", C::GypsyOrIrishTraveller),
    ("irish traveller", C::GypsyOrIrishTraveller),
    ("gypsy", C::GypsyOrIrishTraveller),
    ("gypsy romany", C::GypsyOrIrishTraveller),
    ("white other", C::OtherWhite),
    ("other white background", C::OtherWhite),
    ("any other white background", C::OtherWhite),
    ("other ethnic group", C::AnyOther),
    ("any other", C::AnyOther),
    ("other", C::AnyOther),
    ("not known", C::NotStated),
    ("unknown", C::NotStated),
    ("prefer not to say", C::NotStated),
    ("prefer not to answer", C::NotStated),
    ("not disclosed", C::NotStated),
    ("undisclosed", C::NotStated),
    ("declined", C::NotStated),
    ("refused", C::NotStated),
    ("information refused", C::NotStated),
    ("not recorded", C::NotStated),
    ("not specified", C::NotStated),
    ("i do not wish to disclose my ethnic origin", C::NotStated),
    ("do not wish to disclose", C::NotStated),
];

/// A category named by normalised words, with or without its group in front.
fn parse_words(text: &str) -> Option<EthnicCategory> {
    if let Some(category) = named(text) {
        return Some(category);
    }
    GROUP_PREFIXES.iter().find_map(|&(prefix, group)| {
        let rest = text.strip_prefix(prefix)?.strip_prefix(' ')?;
        let category = named(rest)?;
        // The NHS's 2001 codes put Chinese under "Other ethnic groups"; ONS 2021 under Asian.
        let fits = category.group() == Some(group)
            || (group == EthnicGroup::Other && category == C::Chinese);
        fits.then_some(category)
    })
}

/// A category whose label, full label, id or alias is exactly these normalised words.
fn named(text: &str) -> Option<EthnicCategory> {
    EthnicCategory::ALL
        .into_iter()
        .find(|c| {
            normalise(c.label()) == text
                || normalise(&c.full_label()) == text
                || serde_json::to_string(c).is_ok_and(|id| normalise(&id) == text)
        })
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == text)
                .map(|&(_, c)| c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nineteen_categories_in_five_groups_plus_not_stated() {
        let known: Vec<_> = EthnicCategory::ALL
            .iter()
            .filter(|c| c.group().is_some())
            .collect();
        assert_eq!(known.len(), 19);
        let count = |g| {
            EthnicCategory::ALL
                .iter()
                .filter(|c| c.group() == Some(g))
                .count()
        };
        assert_eq!(
            EthnicGroup::ALL.map(count),
            [5, 3, 4, 5, 2],
            "ONS 2021: 5 Asian, 3 Black, 4 Mixed, 5 White, 2 Other"
        );
        assert_eq!(EthnicCategory::NotStated.group(), None);
    }

    #[test]
    fn ids_are_stable_snake_case() {
        // These ids are stored in saved plans: changing one breaks old saves.
        let id = |c: EthnicCategory| serde_json::to_string(&c).unwrap_or_default();
        assert_eq!(id(C::WhiteBritish), "\"white_british\"");
        assert_eq!(id(C::GypsyOrIrishTraveller), "\"gypsy_or_irish_traveller\"");
        assert_eq!(
            id(C::WhiteAndBlackCaribbean),
            "\"white_and_black_caribbean\""
        );
        assert_eq!(id(C::NotStated), "\"not_stated\"");
        assert_eq!(
            serde_json::to_string(&EthnicGroup::Black).unwrap_or_default(),
            "\"black\""
        );
        assert_eq!(
            serde_json::to_string(&ReferenceGroup::WhiteBritish).unwrap_or_default(),
            "\"white_british\""
        );
        for c in EthnicCategory::ALL {
            let back: EthnicCategory = serde_json::from_str(&id(c)).expect("round trip");
            assert_eq!(back, c);
        }
    }

    #[test]
    fn full_labels_follow_ons_2021_wording() {
        assert_eq!(
            C::Bangladeshi.full_label(),
            "Asian, Asian British or Asian Welsh: Bangladeshi"
        );
        assert_eq!(
            C::OtherBlack.full_label(),
            "Black, Black British, Black Welsh, Caribbean or African: Other Black"
        );
        assert_eq!(
            C::OtherMixed.full_label(),
            "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups"
        );
        assert_eq!(
            C::WhiteBritish.full_label(),
            "White: English, Welsh, Scottish, Northern Irish or British"
        );
        assert_eq!(C::Arab.full_label(), "Other ethnic group: Arab");
    }

    #[test]
    fn nhs_codes_map_onto_census_categories() {
        let expected = [
            ("A", C::WhiteBritish),
            ("B", C::Irish),
            ("C", C::OtherWhite),
            ("D", C::WhiteAndBlackCaribbean),
            ("E", C::WhiteAndBlackAfrican),
            ("F", C::WhiteAndAsian),
            ("G", C::OtherMixed),
            ("H", C::Indian),
            ("J", C::Pakistani),
            ("K", C::Bangladeshi),
            ("L", C::OtherAsian),
            ("M", C::Caribbean),
            ("N", C::African),
            ("P", C::OtherBlack),
            ("R", C::Chinese),
            ("S", C::AnyOther),
            ("Z", C::NotStated),
            ("99", C::NotStated),
        ];
        for (code, category) in expected {
            assert_eq!(
                EthnicCategory::from_nhs_code(code),
                Some(category),
                "{code}"
            );
            assert_eq!(
                EthnicCategory::from_nhs_code(&code.to_lowercase()),
                Some(category)
            );
        }
        for bad in ["I", "O", "Q", "T", "1", "", "AA"] {
            assert_eq!(EthnicCategory::from_nhs_code(bad), None, "{bad}");
        }
        // Every category has a code that maps back into its own group.
        for c in EthnicCategory::ALL {
            let back = EthnicCategory::from_nhs_code(c.nhs_code()).map(EthnicCategory::group);
            assert_eq!(back, Some(c.group()), "{c:?}");
        }
        assert_eq!(C::Roma.nhs_code(), "C");
        assert_eq!(C::Arab.nhs_code(), "S");
    }

    #[test]
    fn parses_labels_that_systems_export() {
        let cases = [
            ("White - British", C::WhiteBritish),
            ("White British", C::WhiteBritish),
            ("  WHITE   british ", C::WhiteBritish),
            (
                "White: English, Welsh, Scottish, Northern Irish or British",
                C::WhiteBritish,
            ),
            (
                "White: English/Welsh/Scottish/Northern Irish/British",
                C::WhiteBritish,
            ),
            ("A White - British", C::WhiteBritish),
            ("CA White English", C::WhiteBritish),
            ("white_british", C::WhiteBritish),
            ("White - Irish", C::Irish),
            ("White - Any other White background", C::OtherWhite),
            ("White: Gypsy or Irish Traveller", C::GypsyOrIrishTraveller),
            ("Roma", C::Roma),
            ("Black or Black British - African", C::African),
            ("Black African", C::African),
            (
                "Black/African/Caribbean/Black British: Caribbean",
                C::Caribbean,
            ),
            (
                "Black, Black British, Black Welsh, Caribbean or African: Other Black",
                C::OtherBlack,
            ),
            (
                "Black or Black British - Any other Black background",
                C::OtherBlack,
            ),
            (
                "Mixed - White and Black Caribbean",
                C::WhiteAndBlackCaribbean,
            ),
            (
                "Mixed/multiple ethnic groups: White & Asian",
                C::WhiteAndAsian,
            ),
            ("Mixed - Any other mixed background", C::OtherMixed),
            ("Asian or Asian British - Indian", C::Indian),
            ("Asian/Asian British: Pakistani", C::Pakistani),
            ("K", C::Bangladeshi),
            (
                "Asian or Asian British - Any other Asian background",
                C::OtherAsian,
            ),
            ("Other Ethnic Groups - Chinese", C::Chinese),
            ("Other ethnic group: Arab", C::Arab),
            ("S Any other ethnic group", C::AnyOther),
            ("Prefer not to say", C::NotStated),
            ("Not known", C::NotStated),
            ("Not stated", C::NotStated),
            ("Z", C::NotStated),
            ("99", C::NotStated),
            ("I do not wish to disclose my ethnic origin", C::NotStated),
        ];
        for (text, category) in cases {
            assert_eq!(parse_label(text), Some(category), "{text:?}");
        }
    }

    #[test]
    fn refuses_to_guess() {
        for text in [
            "",
            "  ",
            "Whte British",
            "White unspecified",
            "Black British Irish",
            "A Irish",
            "X",
        ] {
            assert_eq!(parse_label(text), None, "{text:?}");
        }
        // "Black British" is a Black category, never White British.
        assert_eq!(parse_label("Black British"), Some(C::OtherBlack));
        for c in EthnicCategory::ALL {
            assert_eq!(parse_label(c.label()), Some(c), "{c:?}");
            assert_eq!(parse_label(&c.full_label()), Some(c), "{c:?}");
        }
    }

    #[test]
    fn reference_group_choice() {
        let all_white = ReferenceGroup::default();
        assert_eq!(all_white, ReferenceGroup::AllWhite);
        assert_eq!(all_white.is_reference(C::Roma), Some(true));
        assert_eq!(all_white.is_reference(C::WhiteBritish), Some(true));
        assert_eq!(all_white.is_reference(C::WhiteAndAsian), Some(false));
        assert_eq!(all_white.is_reference(C::NotStated), None);
        let british = ReferenceGroup::WhiteBritish;
        assert_eq!(british.is_reference(C::WhiteBritish), Some(true));
        for c in [
            C::Irish,
            C::GypsyOrIrishTraveller,
            C::Roma,
            C::OtherWhite,
            C::Indian,
        ] {
            assert_eq!(british.is_reference(c), Some(false), "{c:?}");
        }
        assert_eq!(british.is_reference(C::NotStated), None);
    }

    #[test]
    fn national_baseline_adds_up() {
        // Census 2021, England and Wales (ONS): White 81.7%, Asian 9.3%, Black 4.0%, Mixed 2.9%, Other 2.1%.
        let total: f64 = EthnicGroup::ALL
            .iter()
            .map(|g| g.national_share_2021())
            .sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        assert_eq!(EthnicGroup::White.national_share_2021(), 0.817);
        assert!(NATIONAL_BASELINE_LABEL.contains("starting point"));
    }
}
