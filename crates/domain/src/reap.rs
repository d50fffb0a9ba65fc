//! The IPS Grow Race Equity Action Plan (REAP): its 4 themes and 17 anchors, our guidance for each
//! anchor, and the meeting rule that says whether a team's plan is met.
//!
//! Anchor numbers and titles, theme names and the meeting rule come from IPS Grow's REAP guidance
//! (seed 000) and are the standard teams are measured against. The questions, evidence examples and
//! action ideas are ours; several action ideas paraphrase what real services did (seed 001).

use crate::text::list_with_and;
use serde::{Deserialize, Serialize};

/// One of the 4 thematic areas the anchors are grouped under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Data,
    Learning,
    Processes,
    Partnership,
}

/// How many anchors in a theme must be met for the theme to count as met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Every anchor in the theme (Data).
    AllAnchors,
    /// At least one anchor in the theme (Learning, Processes, Partnership).
    AtLeastOne,
}

impl Theme {
    /// The themes in the order of their anchor numbers (1 to 4).
    pub const ALL: [Theme; 4] = [
        Theme::Data,
        Theme::Learning,
        Theme::Processes,
        Theme::Partnership,
    ];

    /// The theme's name as IPS Grow writes it.
    pub fn title(self) -> &'static str {
        match self {
            Theme::Data => "Data",
            Theme::Learning => "Learning",
            Theme::Processes => "Processes",
            Theme::Partnership => "Partnership",
        }
    }

    /// The theme's number: the first part of its anchors' numbers.
    pub fn number(self) -> u8 {
        match self {
            Theme::Data => 1,
            Theme::Learning => 2,
            Theme::Processes => 3,
            Theme::Partnership => 4,
        }
    }

    /// What the meeting rule asks of this theme.
    pub fn requirement(self) -> Requirement {
        match self {
            Theme::Data => Requirement::AllAnchors,
            _ => Requirement::AtLeastOne,
        }
    }

    /// The theme's part of the meeting rule, as a sentence.
    pub fn requirement_text(self) -> &'static str {
        match self {
            Theme::Data => "All 3 Data anchors must be met.",
            Theme::Learning => "At least 1 Learning anchor must be met.",
            Theme::Processes => "At least 1 Processes anchor must be met.",
            Theme::Partnership => "At least 1 Partnership anchor must be met.",
        }
    }

    /// What the theme is about, in one plain sentence.
    pub fn about(self) -> &'static str {
        match self {
            Theme::Data => "Compare who uses the service, and what they get from it, with the treatment caseload and the local population, and act on what you find.",
            Theme::Learning => "Keep learning about race equity as a team, and use what you learn in everyday work.",
            Theme::Processes => "Policies, routines and ways of working that make the service fairer and help the team challenge racism.",
            Theme::Partnership => "Work with the wider organisation, clients, employers and local communities.",
        }
    }
}

/// One REAP anchor: a standard the team is measured against, with our prompts for meeting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The anchor's number, such as "1.1". Stable: plans store it.
    pub id: &'static str,
    pub theme: Theme,
    /// The anchor's title as IPS Grow words it.
    pub title: &'static str,
    /// Questions a team can ask itself.
    pub questions: &'static [&'static str],
    /// What good evidence could look like.
    pub evidence_examples: &'static [&'static str],
    /// Ideas for actions, some drawn from what real services did.
    pub action_ideas: &'static [&'static str],
}

/// All 17 anchors in number order.
///
/// A `static` rather than a `const` so the table exists once in the wasm binary and
/// [`anchor`] can hand out `&'static` references.
///
/// Titles are IPS Grow's, with three changes: we drop the trailing full stop and footnote
/// asterisk that some titles carry, so they all look alike; in 4.1 we remove the duplicated
/// words "to organisation" ("...treatment team organisation, to organisation to ensure..."
/// becomes "...treatment team organisation, to ensure..."); in 4.4 we remove the stray comma
/// after "Employment Specialists". Nothing else is changed.
pub static ANCHORS: [Anchor; 17] = [
    Anchor {
        id: "1.1",
        theme: Theme::Data,
        title: "Comparing access and outcomes data to local treatment caseload and population data",
        questions: &[
            "Which ethnic groups are referred to IPS, and how does that compare with the treatment team's caseload and the local population?",
            "Do job starts and the time it takes to find work differ between ethnic groups?",
            "How complete is ethnicity recording, and how often is it 'not stated'?",
            "How often do you look at these figures, and who sees them?",
        ],
        evidence_examples: &[
            "A table or chart of referrals and IPS caseload by ethnic group, set beside the treatment caseload and census figures for your area.",
            "Job starts and time to employment for each ethnic group.",
            "Notes from a team meeting where the gaps you found were discussed.",
        ],
        action_ideas: &[
            "Do a thorough review of your diversity data to find the groups you are not reaching. One service did this to check that no one was being left out.",
            "Ask one person, such as a senior Employment Specialist, to track referrals by ethnic group against local population figures every quarter and report on changes.",
            "Agree with the treatment team how to reduce the number of people whose ethnicity is not recorded.",
        ],
    },
    Anchor {
        id: "1.2",
        theme: Theme::Data,
        title: "Comparing the diversity of IPS teams with that of the local population",
        questions: &[
            "How does the ethnic make-up of your team compare with your clients and the local population?",
            "Which groups are under-represented in the team?",
            "What does your recruitment do to reach people from those groups?",
        ],
        evidence_examples: &[
            "A comparison of the team's make-up by ethnic group with the local population, shown so that no colleague can be identified.",
            "Job adverts or recruitment plans showing how you reached a wider range of applicants.",
        ],
        action_ideas: &[
            "Ask local community organisations to share your job adverts and encourage people to apply. One service found this helped it build a more diverse team.",
            "Review where you advertise posts and who sits on interview panels.",
        ],
    },
    Anchor {
        id: "1.3",
        theme: Theme::Data,
        title: "The team has a plan of how race equity data is shared and acted upon following analysis",
        questions: &[
            "Who sees the findings from your data, and when?",
            "How do findings become actions, and who owns each action?",
            "How do you check whether an action made a difference?",
        ],
        evidence_examples: &[
            "A written plan saying how often the data is analysed, who it goes to and how actions are agreed.",
            "Minutes or action logs showing a finding that led to a change.",
            "Reports to the steering group, commissioners or senior leaders.",
        ],
        action_ideas: &[
            "Set a regular cycle, such as every quarter, for going through the data with the team and the steering group.",
            "Record each finding next to the action it led to, so the next review can see what changed.",
        ],
    },
    Anchor {
        id: "2.1",
        theme: Theme::Learning,
        title: "All staff are actively participating in, and making the most of, learning opportunities provided by the provider and treatment team organisation",
        questions: &[
            "What learning on race equity, equality and inclusion do your organisation and the treatment team's organisation offer?",
            "Has everyone in the team taken part, including in sessions that are optional?",
            "What stops staff from attending, and how could you remove it?",
        ],
        evidence_examples: &[
            "A training log showing who attended which sessions.",
            "Staff's own notes on what they learned and what they will do differently.",
        ],
        action_ideas: &[
            "Keep a team training log and look at it in supervision.",
            "Share upcoming learning sessions, beyond mandatory training, at each team meeting.",
        ],
    },
    Anchor {
        id: "2.2",
        theme: Theme::Learning,
        title: "Teams are applying training and learning opportunities, to make an impact in day-to-day practice",
        questions: &[
            "What has the team done differently since its most recent training?",
            "Can staff give an example of learning changing how they supported a client or approached an employer?",
        ],
        evidence_examples: &[
            "Case studies showing learning put into practice.",
            "Changes to materials, processes or ways of working that followed training.",
            "Supervision notes that discuss using what was learned.",
        ],
        action_ideas: &[
            "After each session, agree one change the team will try, and check how it went a month later.",
            "Collect short case studies and share them at team meetings.",
        ],
    },
    Anchor {
        id: "2.3",
        theme: Theme::Learning,
        title: "Team leaders actively seek opportunities to upskill and consolidate their team's learning",
        questions: &[
            "How does the team leader find learning beyond what is mandatory?",
            "Do the team leader and service manager take part in race equity learning themselves?",
            "How is learning kept going after a session, for example in supervision or team meetings?",
        ],
        evidence_examples: &[
            "Learning the team leader or service manager found or attended.",
            "A team development plan that includes race equity.",
        ],
        action_ideas: &[
            "Invite a speaker from a local community organisation or a race equality network to a team meeting.",
            "Make a short race equity discussion part of group supervision.",
        ],
    },
    Anchor {
        id: "3.1",
        theme: Theme::Processes,
        title: "Mechanisms are in place to consolidate whole team learning and share best practice around race equity",
        questions: &[
            "Where does the team share what works in race equity?",
            "How does that learning reach other teams and services?",
        ],
        evidence_examples: &[
            "A working group, a regular meeting slot or a shared folder for race equity practice.",
            "Notes of practice shared between team members.",
        ],
        action_ideas: &[
            "Set up a small diversity working group of Employment Specialists to gather and share good practice. One service did this alongside an organisation-wide steering group.",
            "Give one named person the lead for race equity in the team. One service appointed a manager to lead this work.",
            "Keep a shared record of what worked and what did not.",
        ],
    },
    Anchor {
        id: "3.2",
        theme: Theme::Processes,
        title: "Mechanisms are in place to support Black, Asian and minority ethnic staff in raising concerns around facing racial abuse or discrimination",
        questions: &[
            "How would a member of staff raise a concern about racism from a client, an employer or a colleague?",
            "Do staff know these routes, and do they trust them?",
            "What happens after a concern is raised, and how is the person supported?",
        ],
        evidence_examples: &[
            "A clear written process that the team has seen.",
            "Links to staff networks, Freedom to Speak Up guardians or similar routes.",
            "Feedback from staff on whether they feel able to raise concerns.",
        ],
        action_ideas: &[
            "Go through the ways to raise concerns at a team meeting, and add them to induction.",
            "Agree with employers what will happen if a client or a member of staff faces racism at work.",
        ],
    },
    Anchor {
        id: "3.3",
        theme: Theme::Processes,
        title: "Team leaders review the demographic makeup of caseloads with their Employment Specialists and work to rectify discrepancies",
        questions: &[
            "Does each Employment Specialist's caseload by ethnic group look like the team's caseload?",
            "Where it differs, what might explain the difference?",
            "What has been done about differences you found?",
        ],
        evidence_examples: &[
            "Each Employment Specialist's caseload by ethnic group, compared with the team's.",
            "Supervision notes recording the review and what was agreed.",
        ],
        action_ideas: &[
            "Look at caseloads by ethnic group in supervision every quarter.",
            "Check how referrals are shared out, and whether some groups wait longer to be seen.",
        ],
    },
    Anchor {
        id: "3.4",
        theme: Theme::Processes,
        title: "Race equity is a high priority, standing item on team meeting and steering group agendas",
        questions: &[
            "Is race equity on every team meeting and steering group agenda, not just now and then?",
            "What is discussed under that item, and does it lead to actions?",
        ],
        evidence_examples: &[
            "Agendas and minutes showing race equity as a standing item.",
            "Actions that came from the item, and their progress.",
        ],
        action_ideas: &[
            "Make race equity a permanent item on every meeting agenda. One service found this quick to set up, and it started open conversations with managers, staff and commissioners.",
            "Take turns leading the item, so the whole team owns it.",
        ],
    },
    Anchor {
        id: "3.5",
        theme: Theme::Processes,
        title: "The service is accessible for all",
        questions: &[
            "Can people who do not speak or read English well find out about the service and use it?",
            "Do your materials, venues and times suit the communities you serve?",
            "Who is not coming forward, and why?",
        ],
        evidence_examples: &[
            "Materials in the languages most spoken locally.",
            "How interpreters are arranged, and how often they are used.",
            "Changes made after feedback from clients or community groups.",
        ],
        action_ideas: &[
            "Translate leaflets and key letters into the languages most spoken in your area. One service started with Polish and Russian.",
            "Run drop-in sessions for people who do not speak English, with an interpreter.",
        ],
    },
    Anchor {
        id: "4.1",
        theme: Theme::Partnership,
        title: "The team makes the most of wider resources available within the provider and treatment team organisation, to ensure a cohesive and collaborative approach",
        questions: &[
            "What race equity groups, staff networks, equality leads or data teams exist in your organisation and the treatment team's?",
            "How does the team use them?",
        ],
        evidence_examples: &[
            "Contact with the equality, diversity and inclusion lead or staff networks, and what came of it.",
            "Joint race equity work with the treatment team.",
        ],
        action_ideas: &[
            "Invite your organisation's equality, diversity and inclusion lead to a team meeting.",
            "Ask your organisation's information team to help with the figures for the Data anchors.",
        ],
    },
    Anchor {
        id: "4.2",
        theme: Theme::Partnership,
        title: "There is a whole organisational focus on race equity including at senior and executive levels",
        questions: &[
            "Do senior leaders know about your race equity plan, and do they support it?",
            "Does your organisation have a race equity strategy or group, and is the team part of it?",
        ],
        evidence_examples: &[
            "The team's place in an organisation-wide equality or race equity steering group.",
            "Reports to senior leaders or the board that include the team's race equity work.",
        ],
        action_ideas: &[
            "Join, or help start, an organisation-wide diversity steering group, as one service did, and report the team's work there.",
            "Ask a senior leader to sponsor the plan.",
        ],
    },
    Anchor {
        id: "4.3",
        theme: Theme::Partnership,
        title: "Co-production with clients and wider stakeholders is a core part of the team's strategy",
        questions: &[
            "How do clients from different ethnic groups shape the service?",
            "Are people with lived experience involved in planning, reviewing and recruiting?",
        ],
        evidence_examples: &[
            "Client feedback by ethnic group, and what changed because of it.",
            "Materials or services designed with clients or community partners.",
        ],
        action_ideas: &[
            "Set up a client reference group that reflects your local communities, and recognise people's time.",
            "Ask community partners to review your leaflets and processes.",
        ],
    },
    Anchor {
        id: "4.4",
        theme: Theme::Partnership,
        title: "Employment Specialists actively seek opportunities to promote IPS across diverse community groups",
        questions: &[
            "Which community, faith and cultural groups in your area has the team met?",
            "Which communities have you not reached yet?",
        ],
        evidence_examples: &[
            "A log of visits and talks to community groups.",
            "Referrals that came through community links.",
        ],
        action_ideas: &[
            "Contact local groups run by and for ethnic minority communities, and offer to talk about IPS. One service did this to widen its network.",
            "Take part in regular local diversity meetings. One service joins one every quarter.",
        ],
    },
    Anchor {
        id: "4.5",
        theme: Theme::Partnership,
        title: "The team's Employer Engagement strategy considers the needs of ethnically diverse clients",
        questions: &[
            "Does your employer engagement plan take account of clients who face racism or language barriers?",
            "Which employers can support people who are still learning English?",
        ],
        evidence_examples: &[
            "An employer engagement strategy that names these needs.",
            "A record of employers willing to take on clients who do not yet speak English well.",
        ],
        action_ideas: &[
            "Keep a log of employers who will support clients who do not speak English. One service used this to open up new jobs.",
            "Talk with employers about ways to apply and be interviewed that do not depend on fluent English.",
        ],
    },
    Anchor {
        id: "4.6",
        theme: Theme::Partnership,
        title: "The team's Employer Engagement strategy considers how to work with racially diverse employers",
        questions: &[
            "Does the team work with businesses owned or run by people from ethnic minority communities?",
            "How do you find those employers and build relationships with them?",
        ],
        evidence_examples: &[
            "Employer contacts that include businesses owned by people from ethnic minority communities.",
            "Contact with local business networks that reflect your communities.",
        ],
        action_ideas: &[
            "Map local businesses and business networks that reflect your communities, and add them to your employer engagement plan.",
            "Ask clients which local employers they would like to work for.",
        ],
    },
];

/// The anchor with this number, such as "3.3", if there is one.
pub fn anchor(id: &str) -> Option<&'static Anchor> {
    ANCHORS.iter().find(|a| a.id == id)
}

/// The anchors in one theme, in number order.
/// The anchor's guidance as escaped HTML (questions to ask, examples of good evidence, ideas for
/// action), for the checklist's "Guidance" disclosure and the printed pack.
pub fn guidance_html(anchor: &Anchor) -> String {
    [
        crate::html::titled_list("Questions to ask", anchor.questions),
        crate::html::titled_list("What good evidence looks like", anchor.evidence_examples),
        crate::html::titled_list("Ideas for action", anchor.action_ideas),
    ]
    .concat()
}

pub fn anchors_in(theme: Theme) -> impl Iterator<Item = &'static Anchor> {
    ANCHORS.iter().filter(move |a| a.theme == theme)
}

/// Where a team has got to with one anchor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    #[default]
    NotStarted,
    InProgress,
    Met,
    NotMet,
}

impl AnchorStatus {
    /// The statuses in the order a user picks from.
    pub const ALL: [AnchorStatus; 4] = [
        AnchorStatus::NotStarted,
        AnchorStatus::InProgress,
        AnchorStatus::Met,
        AnchorStatus::NotMet,
    ];

    /// The status as shown on its tag.
    pub fn title(self) -> &'static str {
        match self {
            AnchorStatus::NotStarted => "Not started",
            AnchorStatus::InProgress => "In progress",
            AnchorStatus::Met => "Met",
            AnchorStatus::NotMet => "Not met",
        }
    }

    /// The status as plans store it and forms send it ("not_started", "in_progress", "met",
    /// "not_met").
    pub fn id(self) -> &'static str {
        match self {
            AnchorStatus::NotStarted => "not_started",
            AnchorStatus::InProgress => "in_progress",
            AnchorStatus::Met => "met",
            AnchorStatus::NotMet => "not_met",
        }
    }

    /// The status with this [`AnchorStatus::id`], if there is one.
    pub fn from_id(id: &str) -> Option<AnchorStatus> {
        AnchorStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Only "met" counts towards the meeting rule.
    pub fn is_met(self) -> bool {
        self == AnchorStatus::Met
    }
}

/// What a theme still needs before it is met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StillNeeded {
    /// The theme is met.
    Nothing,
    /// Every one of these anchors must still be met (Data).
    AllOf(Vec<&'static str>),
    /// Any one of these anchors would do (the other themes).
    OneOf(Vec<&'static str>),
}

/// The meeting rule's result for one theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeResult {
    pub theme: Theme,
    pub met: bool,
    /// The theme's anchors that are met, in number order.
    pub met_anchors: Vec<&'static str>,
    pub still_needed: StillNeeded,
}

impl ThemeResult {
    /// The theme's result as one line, such as "Data: 1.2 and 1.3 not yet met" or
    /// "Partnership: meet at least one of 4.1-4.6".
    pub fn sentence(&self) -> String {
        let theme = self.theme.title();
        match &self.still_needed {
            StillNeeded::Nothing => format!("{theme}: met ({})", list_with_and(&self.met_anchors)),
            StillNeeded::AllOf(ids) => format!("{theme}: {} not yet met", list_with_and(ids)),
            StillNeeded::OneOf(ids) => {
                format!("{theme}: meet at least one of {}", range_or_list(ids))
            }
        }
    }
}

/// The meeting rule's result: per theme, and overall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    /// One result per theme, in theme order.
    pub themes: [ThemeResult; 4],
    /// True only when all four themes are met.
    pub met: bool,
}

impl RuleResult {
    /// The summary's headline.
    pub fn headline(&self) -> &'static str {
        if self.met {
            "REAP met"
        } else {
            "REAP not yet met"
        }
    }

    /// One line for each theme that is not met yet, in theme order; empty when the REAP is met.
    pub fn still_needed(&self) -> Vec<String> {
        self.themes
            .iter()
            .filter(|t| !t.met)
            .map(ThemeResult::sentence)
            .collect()
    }

    /// The result for one theme.
    pub fn theme(&self, theme: Theme) -> &ThemeResult {
        // `themes` is built from `Theme::ALL`, so the theme's position is its index.
        &self.themes[usize::from(theme.number() - 1)]
    }
}

/// Applies IPS Grow's meeting rule: all 3 Data anchors met, and at least 1 anchor met in each of
/// Learning, Processes and Partnership. Only [`AnchorStatus::Met`] counts.
///
/// `status_of` gives the status of an anchor from its number; pass
/// `|id| statuses.get(id).copied().unwrap_or_default()` to read from a map.
pub fn meeting_rule(status_of: impl Fn(&str) -> AnchorStatus) -> RuleResult {
    let themes = Theme::ALL.map(|theme| {
        let (met_anchors, unmet): (Vec<&'static str>, Vec<&'static str>) = anchors_in(theme)
            .map(|a| a.id)
            .partition(|id| status_of(id).is_met());
        let still_needed = match theme.requirement() {
            Requirement::AllAnchors if unmet.is_empty() => StillNeeded::Nothing,
            Requirement::AllAnchors => StillNeeded::AllOf(unmet),
            Requirement::AtLeastOne if !met_anchors.is_empty() => StillNeeded::Nothing,
            Requirement::AtLeastOne => StillNeeded::OneOf(unmet),
        };
        ThemeResult {
            theme,
            met: still_needed == StillNeeded::Nothing,
            met_anchors,
            still_needed,
        }
    });
    let met = themes.iter().all(|t| t.met);
    RuleResult { themes, met }
}

/// "4.1-4.6" for three or more anchors (a theme's anchors are numbered without gaps), otherwise
/// "2.1 or 2.2".
fn range_or_list(ids: &[&str]) -> String {
    match ids {
        [first, _, .., last] => format!("{first}-{last}"),
        [first, second] => format!("{first} or {second}"),
        _ => list_with_and(ids),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn guidance_html_holds_every_prompt_of_the_anchor() {
        for anchor in &super::ANCHORS {
            let html = super::guidance_html(anchor);
            assert!(html.contains("Questions to ask"), "{}", anchor.id);
            let items =
                anchor.questions.len() + anchor.evidence_examples.len() + anchor.action_ideas.len();
            assert_eq!(html.matches("<li>").count(), items, "{}", anchor.id);
        }
    }

    use super::*;

    fn with_met(ids: &[&str]) -> RuleResult {
        meeting_rule(|id| {
            if ids.contains(&id) {
                AnchorStatus::Met
            } else {
                AnchorStatus::NotStarted
            }
        })
    }

    #[test]
    fn there_are_17_anchors_in_number_order_with_the_right_themes() {
        let ids: Vec<&str> = ANCHORS.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            [
                "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1",
                "4.2", "4.3", "4.4", "4.5", "4.6"
            ]
        );
        for a in &ANCHORS {
            assert!(
                a.id.starts_with(&format!("{}.", a.theme.number())),
                "{} in {:?}",
                a.id,
                a.theme
            );
        }
        let counts: Vec<usize> = Theme::ALL.iter().map(|t| anchors_in(*t).count()).collect();
        assert_eq!(counts, [3, 3, 5, 6]);
    }

    #[test]
    fn every_anchor_has_guidance_of_a_useful_size() {
        for a in &ANCHORS {
            assert!((2..=4).contains(&a.questions.len()), "{} questions", a.id);
            assert!(
                (2..=4).contains(&a.evidence_examples.len()),
                "{} evidence",
                a.id
            );
            assert!(!a.action_ideas.is_empty(), "{} actions", a.id);
            let texts = a
                .questions
                .iter()
                .chain(a.evidence_examples)
                .chain(a.action_ideas);
            for text in texts.chain(std::iter::once(&a.title)) {
                assert!(!text.trim().is_empty(), "{} has an empty text", a.id);
                assert!(!text.contains('*'), "{} keeps a footnote marker", a.id);
            }
            assert!(
                !a.title.ends_with('.'),
                "{} title ends with a full stop",
                a.id
            );
            for q in a.questions {
                assert!(q.ends_with('?'), "{}: '{q}' is not a question", a.id);
            }
        }
    }

    #[test]
    fn titles_are_the_frameworks_own() {
        let title = |id| anchor(id).map(|a| a.title);
        assert_eq!(title("1.1"), Some("Comparing access and outcomes data to local treatment caseload and population data"));
        assert_eq!(title("3.5"), Some("The service is accessible for all"));
        assert_eq!(
            title("4.1"),
            Some("The team makes the most of wider resources available within the provider and treatment team organisation, to ensure a cohesive and collaborative approach")
        );
        assert_eq!(
            title("4.4"),
            Some("Employment Specialists actively seek opportunities to promote IPS across diverse community groups")
        );
    }

    #[test]
    fn anchor_finds_by_number_and_rejects_unknown_numbers() {
        assert_eq!(anchor("3.3").map(|a| a.theme), Some(Theme::Processes));
        for unknown in ["", "1", "1.4", "3.3 ", "5.1", "x"] {
            assert!(anchor(unknown).is_none(), "{unknown:?}");
        }
    }

    #[test]
    fn status_ids_match_what_plans_store() {
        for status in AnchorStatus::ALL {
            let saved = serde_json::to_value(status).unwrap();
            assert_eq!(saved, status.id());
            assert_eq!(AnchorStatus::from_id(status.id()), Some(status));
        }
        assert_eq!(AnchorStatus::from_id("done"), None);
    }

    #[test]
    fn status_defaults_to_not_started_and_saves_in_snake_case() {
        assert_eq!(AnchorStatus::default(), AnchorStatus::NotStarted);
        let saved = serde_json::to_string(&AnchorStatus::ALL).unwrap_or_default();
        assert_eq!(saved, r#"["not_started","in_progress","met","not_met"]"#);
        assert_eq!(
            serde_json::to_string(&Theme::Partnership).unwrap_or_default(),
            r#""partnership""#
        );
    }

    /// Every one of the 2^17 met / not-met combinations: the overall result and each theme's.
    #[test]
    fn the_rule_holds_for_every_combination_of_met_anchors() {
        let position = |id: &str| {
            ANCHORS
                .iter()
                .position(|a| a.id == id)
                .unwrap_or(usize::MAX)
        };
        let bits = |mask: u32, theme: Theme| -> Vec<bool> {
            ANCHORS
                .iter()
                .enumerate()
                .filter(|(_, a)| a.theme == theme)
                .map(|(i, _)| mask & (1 << i) != 0)
                .collect()
        };
        for mask in 0u32..(1 << ANCHORS.len()) {
            let result = meeting_rule(|id| {
                let i = position(id);
                if i < 32 && mask & (1 << i) != 0 {
                    AnchorStatus::Met
                } else {
                    AnchorStatus::NotMet
                }
            });
            let data = bits(mask, Theme::Data).iter().all(|b| *b);
            let learning = bits(mask, Theme::Learning).iter().any(|b| *b);
            let processes = bits(mask, Theme::Processes).iter().any(|b| *b);
            let partnership = bits(mask, Theme::Partnership).iter().any(|b| *b);
            let per_theme: Vec<bool> = result.themes.iter().map(|t| t.met).collect();
            assert_eq!(
                per_theme,
                [data, learning, processes, partnership],
                "mask {mask:#b}"
            );
            assert_eq!(
                result.met,
                data && learning && processes && partnership,
                "mask {mask:#b}"
            );
            assert_eq!(
                result.still_needed().is_empty(),
                result.met,
                "mask {mask:#b}"
            );
        }
    }

    #[test]
    fn only_met_counts() {
        let all_but_one_data = ["1.1", "1.2", "2.1", "3.1", "4.1"];
        assert!(!with_met(&all_but_one_data).met);
        for status in [
            AnchorStatus::NotStarted,
            AnchorStatus::InProgress,
            AnchorStatus::NotMet,
        ] {
            let result = meeting_rule(|id| {
                if id == "1.3" {
                    status
                } else if all_but_one_data.contains(&id) {
                    AnchorStatus::Met
                } else {
                    AnchorStatus::NotStarted
                }
            });
            assert!(!result.met, "{status:?} counted as met");
            assert_eq!(
                result.theme(Theme::Data).still_needed,
                StillNeeded::AllOf(vec!["1.3"])
            );
        }
    }

    #[test]
    fn the_smallest_set_that_meets_the_rule_flips_the_headline() {
        let minimum = ["1.1", "1.2", "1.3", "2.3", "3.4", "4.6"];
        let result = with_met(&minimum);
        assert!(result.met);
        assert_eq!(result.headline(), "REAP met");
        for dropped in minimum {
            let fewer: Vec<&str> = minimum
                .iter()
                .copied()
                .filter(|id| *id != dropped)
                .collect();
            let result = with_met(&fewer);
            assert!(!result.met, "met without {dropped}");
            assert_eq!(result.headline(), "REAP not yet met");
            assert_eq!(result.still_needed().len(), 1);
        }
    }

    #[test]
    fn sentences_say_exactly_what_is_still_needed() {
        let result = with_met(&["1.1"]);
        assert_eq!(
            result.still_needed(),
            [
                "Data: 1.2 and 1.3 not yet met",
                "Learning: meet at least one of 2.1-2.3",
                "Processes: meet at least one of 3.1-3.5",
                "Partnership: meet at least one of 4.1-4.6",
            ]
        );
        assert_eq!(
            with_met(&[]).theme(Theme::Data).sentence(),
            "Data: 1.1, 1.2 and 1.3 not yet met"
        );
        assert_eq!(
            with_met(&["1.1", "1.3"]).theme(Theme::Data).sentence(),
            "Data: 1.2 not yet met"
        );
    }

    #[test]
    fn sentences_for_met_themes_name_the_anchors_met() {
        let result = with_met(&[
            "1.1", "1.2", "1.3", "2.1", "2.3", "3.3", "4.2", "4.4", "4.5",
        ]);
        let lines: Vec<String> = result.themes.iter().map(ThemeResult::sentence).collect();
        assert_eq!(
            lines,
            [
                "Data: met (1.1, 1.2 and 1.3)",
                "Learning: met (2.1 and 2.3)",
                "Processes: met (3.3)",
                "Partnership: met (4.2, 4.4 and 4.5)",
            ]
        );
    }

    #[test]
    fn statuses_can_come_from_a_saved_map() {
        let saved: std::collections::HashMap<String, AnchorStatus> = [
            ("1.1", AnchorStatus::Met),
            ("1.2", AnchorStatus::InProgress),
        ]
        .into_iter()
        .map(|(id, s)| (id.to_owned(), s))
        .collect();
        let result = meeting_rule(|id| saved.get(id).copied().unwrap_or_default());
        assert_eq!(result.theme(Theme::Data).met_anchors, ["1.1"]);
        assert_eq!(
            result.theme(Theme::Data).still_needed,
            StillNeeded::AllOf(vec!["1.2", "1.3"])
        );
    }

    #[test]
    fn lists_and_ranges_read_naturally() {
        assert_eq!(list_with_and::<&str>(&[]), "");
        assert_eq!(list_with_and(&["1.2"]), "1.2");
        assert_eq!(list_with_and(&["1.2", "1.3"]), "1.2 and 1.3");
        assert_eq!(list_with_and(&["1.1", "1.2", "1.3"]), "1.1, 1.2 and 1.3");
        assert_eq!(range_or_list(&["2.1", "2.2"]), "2.1 or 2.2");
        assert_eq!(range_or_list(&["2.1", "2.2", "2.3"]), "2.1-2.3");
    }
}
