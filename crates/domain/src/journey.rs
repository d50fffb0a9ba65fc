//! The Audit Commission's "journey to race equality" self-assessment: the 5 stages with their
//! barriers and breakthrough points, the 4 outcome-clarity questions and the cap they put on the
//! stage, the 6 outcome areas, and the sums a workshop needs (spread, median, disagreement).
//!
//! Stage names, breakthrough areas, outcome areas and the cap rule come from the Audit Commission's
//! tool (seed 003). Every explanation here is in our own words.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::list_with_and;

/// A stage of the journey to race equality, from earliest to latest. `Ord` follows the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Resisting,
    Intending,
    Starting,
    Developing,
    Achieving,
}

impl Stage {
    /// The stages in order along the journey.
    pub const ALL: [Stage; 5] = [
        Stage::Resisting,
        Stage::Intending,
        Stage::Starting,
        Stage::Developing,
        Stage::Achieving,
    ];

    /// The stage's name as the Audit Commission writes it.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Resisting => "Resisting",
            Stage::Intending => "Intending",
            Stage::Starting => "Starting",
            Stage::Developing => "Developing",
            Stage::Achieving => "Achieving",
        }
    }

    /// A stable identifier, the same as the saved form: "resisting".
    pub fn id(self) -> &'static str {
        match self {
            Stage::Resisting => "resisting",
            Stage::Intending => "intending",
            Stage::Starting => "starting",
            Stage::Developing => "developing",
            Stage::Achieving => "achieving",
        }
    }

    /// The stage with this [`Stage::id`].
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The stage's place on the journey, from 0 (Resisting) to 4 (Achieving).
    pub fn index(self) -> usize {
        self as usize
    }

    /// What an organisation at this stage tends to look like.
    pub fn explanation(self) -> &'static str {
        match self {
            Stage::Resisting => "Race equality is not yet seen as relevant to the organisation, its staff or the people it serves.",
            Stage::Intending => "The organisation says race equality matters, but it is not yet a priority and little has changed.",
            Stage::Starting => "Work has begun, with an early vision and some activity, but it is not yet built on clear outcomes or reaching all communities.",
            Stage::Developing => "Race equality is part of planning, with outcomes and targets. The test now is having the capacity and the partnerships to deliver.",
            Stage::Achieving => "Race equality is part of how the organisation works, outcomes are improving, and progress is still checked regularly.",
        }
    }

    /// Barriers and assumptions that can hold an organisation at this stage.
    pub fn barriers(self) -> &'static [&'static str] {
        match self {
            Stage::Resisting => &[
                "Assuming that race equality matters little to staff or to the local community.",
                "Worrying that talking about race will be awkward: that ethnic minority staff will feel singled out, or that other staff will react against it.",
            ],
            Stage::Intending => &[
                "Seeing race equality as a minor issue, not worth real resources, or using national targets as a reason not to act on it.",
                "Holding back from ethnic minority communities for fear of upsetting groups who feel left out, facing racist comments, or a backlash from white staff or residents.",
            ],
            Stage::Starting => &[
                "Misreading 'mainstreaming' as a reason not to fund race equality work, which limits what can be done.",
                "Talking only to community 'leaders' and not reaching every ethnic minority community.",
            ],
            Stage::Developing => &[
                "Local partnerships not yet working well enough together to reduce the inequalities they can all influence.",
                "Too little capacity for race equality objectives, because other priorities seem more pressing, or because the organisation does not see what investing in it brings, including for its other targets.",
            ],
            Stage::Achieving => &[
                "Believing race equality is so well built in that it no longer needs its own attention or reviews of progress.",
            ],
        }
    }

    /// The breakthrough points most likely to move an organisation on from this stage.
    pub fn breakthroughs(self) -> impl Iterator<Item = &'static Breakthrough> {
        BREAKTHROUGHS.iter().filter(move |b| b.stage == self)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// The area of change a breakthrough point belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakthroughArea {
    CultureAndRationale,
    Leadership,
    VisionPrioritiesOutcomes,
    CommunityEngagement,
    Capacity,
    WorkingWithPartners,
    ManagingPerformance,
}

impl BreakthroughArea {
    pub const ALL: [BreakthroughArea; 7] = [
        BreakthroughArea::CultureAndRationale,
        BreakthroughArea::Leadership,
        BreakthroughArea::VisionPrioritiesOutcomes,
        BreakthroughArea::CommunityEngagement,
        BreakthroughArea::Capacity,
        BreakthroughArea::WorkingWithPartners,
        BreakthroughArea::ManagingPerformance,
    ];

    /// The area's name exactly as the Audit Commission's tool writes it, ampersands included.
    pub fn title(self) -> &'static str {
        match self {
            BreakthroughArea::CultureAndRationale => "Culture & rationale",
            BreakthroughArea::Leadership => "Leadership",
            BreakthroughArea::VisionPrioritiesOutcomes => "Vision, priorities & outcomes",
            BreakthroughArea::CommunityEngagement => "Community engagement",
            BreakthroughArea::Capacity => "Capacity",
            BreakthroughArea::WorkingWithPartners => "Working with partners",
            BreakthroughArea::ManagingPerformance => "Managing performance",
        }
    }

    /// A stable identifier, the same as the saved form: "culture_and_rationale".
    pub fn id(self) -> &'static str {
        match self {
            BreakthroughArea::CultureAndRationale => "culture_and_rationale",
            BreakthroughArea::Leadership => "leadership",
            BreakthroughArea::VisionPrioritiesOutcomes => "vision_priorities_outcomes",
            BreakthroughArea::CommunityEngagement => "community_engagement",
            BreakthroughArea::Capacity => "capacity",
            BreakthroughArea::WorkingWithPartners => "working_with_partners",
            BreakthroughArea::ManagingPerformance => "managing_performance",
        }
    }
}

/// A breakthrough point: a change most likely to move an organisation on from its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Breakthrough {
    /// "stage.area", such as "starting.leadership". Stable: actions link to it.
    pub id: &'static str,
    pub stage: Stage,
    pub area: BreakthroughArea,
    /// What to do, in our words.
    pub guidance: &'static str,
}

/// All 13 breakthrough points, by stage and in the tool's order within each stage.
pub static BREAKTHROUGHS: [Breakthrough; 13] = [
    Breakthrough {
        id: "resisting.culture_and_rationale",
        stage: Stage::Resisting,
        area: BreakthroughArea::CultureAndRationale,
        guidance: "Work out why race equality matters to your organisation and how tackling it would make services better for everyone. Use that case to challenge the view that it is not important.",
    },
    Breakthrough {
        id: "resisting.leadership",
        stage: Stage::Resisting,
        area: BreakthroughArea::Leadership,
        guidance: "Ask staff, elected members and non-executive directors which issues they know of and how they would deal with them. Give ethnic minority staff and groups a safe place to raise issues.",
    },
    Breakthrough {
        id: "intending.vision_priorities_outcomes",
        stage: Stage::Intending,
        area: BreakthroughArea::VisionPrioritiesOutcomes,
        guidance: "Write a first vision from the information you already have, even if it is incomplete. Start conversations with staff, elected members, non-executive directors and local communities about what needs to change.",
    },
    Breakthrough {
        id: "intending.leadership",
        stage: Stage::Intending,
        area: BreakthroughArea::Leadership,
        guidance: "Senior managers, elected members and non-executive directors show staff, communities and less committed leaders that they are committed, and explain that race equality is good for everyone.",
    },
    Breakthrough {
        id: "starting.vision_priorities_outcomes",
        stage: Stage::Starting,
        area: BreakthroughArea::VisionPrioritiesOutcomes,
        guidance: "Turn the vision into specific outcomes you want to change, and set local targets for each.",
    },
    Breakthrough {
        id: "starting.leadership",
        stage: Stage::Starting,
        area: BreakthroughArea::Leadership,
        guidance: "Find and back 'champions' among staff, elected members and non-executive directors who will drive the work and share what they know.",
    },
    Breakthrough {
        id: "starting.community_engagement",
        stage: Stage::Starting,
        area: BreakthroughArea::CommunityEngagement,
        guidance: "Earn the trust and confidence of community groups, and help them grow their own capacity.",
    },
    Breakthrough {
        id: "developing.capacity",
        stage: Stage::Developing,
        area: BreakthroughArea::Capacity,
        guidance: "Make sure there is enough capacity to meet race equality objectives: work out the skills and knowledge that staff, elected members and non-executive directors need, and cost race equality work properly, showing what investing in it brings.",
    },
    Breakthrough {
        id: "developing.leadership",
        stage: Stage::Developing,
        area: BreakthroughArea::Leadership,
        guidance: "Give race equality enough priority, and the resources it needs.",
    },
    Breakthrough {
        id: "developing.working_with_partners",
        stage: Stage::Developing,
        area: BreakthroughArea::WorkingWithPartners,
        guidance: "Agree with partners a shared strategic vision for the whole community, and be clear about what each partner will do to achieve it.",
    },
    Breakthrough {
        id: "achieving.vision_priorities_outcomes",
        stage: Stage::Achieving,
        area: BreakthroughArea::VisionPrioritiesOutcomes,
        guidance: "Use regular review and reporting to keep priorities and objectives in step with local issues.",
    },
    Breakthrough {
        id: "achieving.managing_performance",
        stage: Stage::Achieving,
        area: BreakthroughArea::ManagingPerformance,
        guidance: "Check progress on outcomes regularly, so that race equality work does not slip out of sight.",
    },
    Breakthrough {
        id: "achieving.leadership",
        stage: Stage::Achieving,
        area: BreakthroughArea::Leadership,
        guidance: "Lead beyond your own walls: share what the organisation has learned with other public bodies, the media and the wider community.",
    },
];

/// The breakthrough point with this id, such as "starting.leadership", if there is one.
pub fn breakthrough(id: &str) -> Option<&'static Breakthrough> {
    BREAKTHROUGHS.iter().find(|b| b.id == id)
}

/// One of the 4 questions that check how clear the organisation is about the outcomes it wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClarityQuestion {
    /// Stable: saved answers refer to it.
    pub id: &'static str,
    /// The question, in our words.
    pub question: &'static str,
    /// What would let the organisation answer "yes".
    pub to_answer_yes: &'static str,
}

/// The 4 outcome-clarity questions, in the tool's order. Answers are given in this order.
pub static CLARITY_QUESTIONS: [ClarityQuestion; 4] = [
    ClarityQuestion {
        id: "know_inequalities",
        question: "Do we know what the main inequalities are, for our organisation and for our local community?",
        to_answer_yes: "Map the main inequalities in your area, using your data and conversations with staff and communities.",
    },
    ClarityQuestion {
        id: "shared_view",
        question: "Are we sure that local ethnic minority communities and our own staff would point to the same inequalities as we do?",
        to_answer_yes: "Ask staff at every level, and local ethnic minority communities, what the biggest issues are for them, and compare their answers with yours.",
    },
    ClarityQuestion {
        id: "tangible_outcomes",
        question: "Have we defined race equality for our organisation as concrete outcomes?",
        to_answer_yes: "Agree a few concrete outcomes that would show race equality improving, using the 6 outcome areas.",
    },
    ClarityQuestion {
        id: "evidence_of_improvement",
        question: "Can we show, with sound evidence, that outcomes are getting better?",
        to_answer_yes: "Decide how you will measure each outcome, and record where you are now so that change can be shown.",
    },
];

/// An answer to an outcome-clarity question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

    /// A stable identifier, the same as the saved form: "not_sure".
    pub fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "not_sure",
        }
    }

    pub fn from_id(id: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.id() == id)
    }

    pub fn title(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotSure => "Not sure",
        }
    }
}

/// A chosen stage after the outcome-clarity cap has been applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CappedStage {
    /// The stage to show as the overall result.
    pub stage: Stage,
    /// True when the cap lowered the chosen stage.
    pub capped: bool,
    /// Why the stage cannot be above Starting; present whenever any answer is "no".
    pub reason: Option<String>,
    /// For each question answered "no", what would let the organisation answer "yes".
    pub what_would_lift_it: Vec<&'static str>,
    /// Ids of the questions answered "not sure" or not answered yet.
    pub needs_answer: Vec<&'static str>,
}

/// Applies the outcome-clarity cap: if any of the 4 questions is answered "no", the overall stage
/// cannot honestly be above Starting. A chosen stage above Starting becomes Starting; at or below
/// Starting it stays as chosen, but the reason still notes the "no".
///
/// `answers` follow the order of [`CLARITY_QUESTIONS`]; missing entries count as unanswered and
/// extra entries are ignored.
///
/// Our choice, not the tool's: "not sure" and unanswered questions do not cap the stage, since the
/// tool's rule is about a "no". They are listed in `needs_answer` so the group settles them before
/// relying on the result.
pub fn cap_stage(chosen: Stage, answers: &[Option<Answer>]) -> CappedStage {
    let answer_to = |i: usize| answers.get(i).copied().flatten();
    let mut noes = Vec::new();
    let mut needs_answer = Vec::new();
    for (i, question) in CLARITY_QUESTIONS.iter().enumerate() {
        match answer_to(i) {
            Some(Answer::No) => noes.push(i),
            Some(Answer::Yes) => {}
            Some(Answer::NotSure) | None => needs_answer.push(question.id),
        }
    }
    if noes.is_empty() {
        return CappedStage {
            stage: chosen,
            capped: false,
            reason: None,
            what_would_lift_it: Vec::new(),
            needs_answer,
        };
    }
    let numbers: Vec<String> = noes.iter().map(|i| (i + 1).to_string()).collect();
    let which = format!(
        "{} {}",
        if noes.len() == 1 {
            "question"
        } else {
            "questions"
        },
        list_with_and(&numbers)
    );
    let capped = chosen > Stage::Starting;
    let reason = if capped {
        format!("Shown as Starting, not {chosen}, because the answer to outcome {which} is \"no\". Without clear outcomes, the overall stage cannot honestly be above Starting.")
    } else {
        format!("The answer to outcome {which} is \"no\", so the overall stage cannot go above Starting until that changes.")
    };
    CappedStage {
        stage: chosen.min(Stage::Starting),
        capped,
        reason: Some(reason),
        what_would_lift_it: noes
            .iter()
            .map(|&i| CLARITY_QUESTIONS[i].to_answer_yes)
            .collect(),
        needs_answer,
    }
}

/// One of the 6 areas of the outcomes framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeArea {
    ServiceOutcomes,
    CommunityWideTrustAndConfidence,
    PositiveCommunityRelations,
    AccessToServicesAndInformation,
    InfluenceOverDecisionMaking,
    Employment,
}

impl OutcomeArea {
    /// The areas in the tool's order.
    pub const ALL: [OutcomeArea; 6] = [
        OutcomeArea::ServiceOutcomes,
        OutcomeArea::CommunityWideTrustAndConfidence,
        OutcomeArea::PositiveCommunityRelations,
        OutcomeArea::AccessToServicesAndInformation,
        OutcomeArea::InfluenceOverDecisionMaking,
        OutcomeArea::Employment,
    ];

    /// The area's name as the tool writes it.
    pub fn title(self) -> &'static str {
        match self {
            OutcomeArea::ServiceOutcomes => "Service outcomes",
            OutcomeArea::CommunityWideTrustAndConfidence => "Community-wide trust and confidence",
            OutcomeArea::PositiveCommunityRelations => "Positive community relations",
            OutcomeArea::AccessToServicesAndInformation => "Access to services and information",
            OutcomeArea::InfluenceOverDecisionMaking => "Influence over decision making",
            OutcomeArea::Employment => "Employment",
        }
    }

    /// A stable identifier, the same as the saved form: "service_outcomes".
    pub fn id(self) -> &'static str {
        match self {
            OutcomeArea::ServiceOutcomes => "service_outcomes",
            OutcomeArea::CommunityWideTrustAndConfidence => "community_wide_trust_and_confidence",
            OutcomeArea::PositiveCommunityRelations => "positive_community_relations",
            OutcomeArea::AccessToServicesAndInformation => "access_to_services_and_information",
            OutcomeArea::InfluenceOverDecisionMaking => "influence_over_decision_making",
            OutcomeArea::Employment => "employment",
        }
    }

    /// What the area covers, in one line.
    pub fn explanation(self) -> &'static str {
        match self {
            OutcomeArea::ServiceOutcomes => "Whether people from every ethnic group get equally good results from your services.",
            OutcomeArea::CommunityWideTrustAndConfidence => "How far people in all communities trust the organisation and feel confident in it.",
            OutcomeArea::PositiveCommunityRelations => "How well people from different backgrounds get on with each other in your area.",
            OutcomeArea::AccessToServicesAndInformation => "Whether everyone can find out about, reach and use your services and information.",
            OutcomeArea::InfluenceOverDecisionMaking => "Whether people from all communities can shape the decisions that affect them.",
            OutcomeArea::Employment => "Whether people from every ethnic group are recruited, treated and promoted fairly, in your workforce and in local jobs.",
        }
    }
}

/// One workshop participant's view: the stage they believe the organisation, or their department,
/// has reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParticipantView<'a> {
    pub stage: Stage,
    /// As typed. Blank counts as no department; case and surrounding spaces are ignored when grouping.
    pub department: Option<&'a str>,
}

/// How many participants chose each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spread {
    counts: [usize; 5],
}

impl Spread {
    /// Counts the stages given.
    pub fn of(stages: impl IntoIterator<Item = Stage>) -> Spread {
        let mut counts = [0; 5];
        for stage in stages {
            counts[stage.index()] += 1;
        }
        Spread { counts }
    }

    /// How many chose this stage.
    pub fn count(&self, stage: Stage) -> usize {
        self.counts[stage.index()]
    }

    /// Each stage with its count, in journey order (zeros included, for a chart).
    pub fn counts(&self) -> [(Stage, usize); 5] {
        Stage::ALL.map(|s| (s, self.count(s)))
    }

    /// How many views were counted.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The earliest stage anyone chose.
    pub fn lowest(&self) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| self.count(*s) > 0)
    }

    /// The latest stage anyone chose.
    pub fn highest(&self) -> Option<Stage> {
        Stage::ALL.into_iter().rev().find(|s| self.count(*s) > 0)
    }

    /// The middle view; with an even number of views, the lower of the two middle stages.
    ///
    /// We take the lower one because it is the cautious choice: the group's summary should not claim
    /// more progress than half the room sees. `None` when there are no views.
    pub fn median(&self) -> Option<Stage> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        // The lower middle position, counting from 1: (n + 1) / 2 covers odd and even n.
        let position = total.div_ceil(2);
        let mut seen = 0;
        Stage::ALL.into_iter().find(|s| {
            seen += self.count(*s);
            seen >= position
        })
    }
}

impl GroupSummary {
    /// The median view when at least [`MIN_MEDIAN_VALUES`](crate::stats::MIN_MEDIAN_VALUES) people
    /// chose a stage (METRICS.md: a median needs at least 5 values; below that, say how many and that
    /// it is too few). `None` when fewer did, or nobody did.
    pub fn median_if_enough(&self) -> Option<Stage> {
        self.median
            .filter(|_| self.spread.total() >= crate::stats::MIN_MEDIAN_VALUES)
    }
}

/// How many participants chose each stage, across all departments.
pub fn spread(views: &[ParticipantView]) -> Spread {
    Spread::of(views.iter().map(|v| v.stage))
}

/// The median stage across all views; see [`Spread::median`] for an even number of views.
pub fn median_stage(views: &[ParticipantView]) -> Option<Stage> {
    spread(views).median()
}

/// Views two or more stages apart: where the discussion should start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub lowest: Stage,
    pub highest: Stage,
    /// Positions, in the views given, of the participants at the lowest stage.
    pub at_lowest: Vec<usize>,
    /// Positions, in the views given, of the participants at the highest stage.
    pub at_highest: Vec<usize>,
}

impl Disagreement {
    /// How many stages apart the lowest and highest views are (2 or more).
    pub fn gap(&self) -> usize {
        self.highest.index() - self.lowest.index()
    }
}

/// Whether the views differ by two or more stages, and who holds the extremes. Positions refer to
/// `views`.
pub fn disagreement(views: &[ParticipantView]) -> Option<Disagreement> {
    disagreement_among(views, &(0..views.len()).collect::<Vec<_>>())
}

/// The workshop's results for one group of participants: one department, or everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSummary {
    /// The department as first typed (trimmed), or `None` for everyone, or for views with no department.
    pub department: Option<String>,
    /// Positions, in the views given, of the participants in this group.
    pub participants: Vec<usize>,
    pub spread: Spread,
    pub median: Option<Stage>,
    pub disagreement: Option<Disagreement>,
}

/// The workshop's results overall and per department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopSummary {
    /// Everyone's views together. Departments may rightly be at different stages, so a
    /// disagreement here can reflect real differences between departments.
    pub overall: GroupSummary,
    /// One group per department, in the order each was first named, then one group for views
    /// with no department if there are any. When nobody names a department, this is a single
    /// group with no department.
    pub departments: Vec<GroupSummary>,
}

/// Works out the spread, median and disagreement overall and for each department.
pub fn summarise_workshop(views: &[ParticipantView]) -> WorkshopSummary {
    let everyone: Vec<usize> = (0..views.len()).collect();
    let overall = summarise_group(views, None, everyone);

    // (grouping key, name as first typed, participants)
    let mut named: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut unnamed = Vec::new();
    for (i, view) in views.iter().enumerate() {
        match view.department.map(str::trim).filter(|d| !d.is_empty()) {
            None => unnamed.push(i),
            Some(name) => {
                let key = crate::text::department_key(name);
                match named.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, _, members)) => members.push(i),
                    None => named.push((key, name.to_owned(), vec![i])),
                }
            }
        }
    }
    let mut departments: Vec<GroupSummary> = named
        .into_iter()
        .map(|(_, name, members)| summarise_group(views, Some(name), members))
        .collect();
    if !unnamed.is_empty() {
        departments.push(summarise_group(views, None, unnamed));
    }
    WorkshopSummary {
        overall,
        departments,
    }
}

fn summarise_group(
    views: &[ParticipantView],
    department: Option<String>,
    participants: Vec<usize>,
) -> GroupSummary {
    let spread = Spread::of(
        participants
            .iter()
            .filter_map(|&i| views.get(i))
            .map(|v| v.stage),
    );
    GroupSummary {
        department,
        median: spread.median(),
        disagreement: disagreement_among(views, &participants),
        participants,
        spread,
    }
}

fn disagreement_among(views: &[ParticipantView], participants: &[usize]) -> Option<Disagreement> {
    let stage_of = |i: usize| views.get(i).map(|v| v.stage);
    let spread = Spread::of(participants.iter().filter_map(|&i| stage_of(i)));
    let (lowest, highest) = (spread.lowest()?, spread.highest()?);
    if highest.index() - lowest.index() < 2 {
        return None;
    }
    let at = |stage: Stage| {
        participants
            .iter()
            .copied()
            .filter(|&i| stage_of(i) == Some(stage))
            .collect()
    };
    Some(Disagreement {
        lowest,
        highest,
        at_lowest: at(lowest),
        at_highest: at(highest),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    fn view(stage: Stage, department: Option<&str>) -> ParticipantView<'_> {
        ParticipantView { stage, department }
    }

    fn views(stages: &[Stage]) -> Vec<ParticipantView<'static>> {
        stages.iter().map(|&s| view(s, None)).collect()
    }

    #[test]
    fn stages_are_in_journey_order_with_exact_names() {
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(
            names,
            [
                "Resisting",
                "Intending",
                "Starting",
                "Developing",
                "Achieving"
            ]
        );
        assert!(Stage::ALL.windows(2).all(|w| w[0] < w[1]));
        for (i, s) in Stage::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(
                serde_json::to_string(s).unwrap_or_default(),
                format!("\"{}\"", s.id())
            );
            assert!(!s.explanation().is_empty());
            assert!(!s.barriers().is_empty());
        }
        assert_eq!(Developing.to_string(), "Developing");
    }

    #[test]
    fn breakthrough_areas_are_named_as_in_the_tool() {
        let names: Vec<&str> = BreakthroughArea::ALL.iter().map(|a| a.title()).collect();
        assert_eq!(
            names,
            [
                "Culture & rationale",
                "Leadership",
                "Vision, priorities & outcomes",
                "Community engagement",
                "Capacity",
                "Working with partners",
                "Managing performance",
            ]
        );
        for a in BreakthroughArea::ALL {
            assert_eq!(
                serde_json::to_string(&a).unwrap_or_default(),
                format!("\"{}\"", a.id())
            );
        }
    }

    #[test]
    fn breakthroughs_match_the_tool_stage_by_stage() {
        let areas = |stage: Stage| stage.breakthroughs().map(|b| b.area).collect::<Vec<_>>();
        use BreakthroughArea::*;
        assert_eq!(areas(Resisting), [CultureAndRationale, Leadership]);
        assert_eq!(areas(Intending), [VisionPrioritiesOutcomes, Leadership]);
        assert_eq!(
            areas(Starting),
            [VisionPrioritiesOutcomes, Leadership, CommunityEngagement]
        );
        assert_eq!(
            areas(Developing),
            [Capacity, Leadership, WorkingWithPartners]
        );
        assert_eq!(
            areas(Achieving),
            [VisionPrioritiesOutcomes, ManagingPerformance, Leadership]
        );
        // Every area is used somewhere.
        for area in BreakthroughArea::ALL {
            assert!(
                BREAKTHROUGHS.iter().any(|b| b.area == area),
                "{area:?} unused"
            );
        }
    }

    #[test]
    fn breakthrough_ids_are_stage_dot_area_and_findable() {
        for b in &BREAKTHROUGHS {
            assert_eq!(b.id, format!("{}.{}", b.stage.id(), b.area.id()));
            assert_eq!(breakthrough(b.id), Some(b));
            assert!(!b.guidance.is_empty());
        }
        assert_eq!(
            breakthrough("starting.leadership").map(|b| b.stage),
            Some(Starting)
        );
        assert!(breakthrough("starting.capacity").is_none());
        assert!(breakthrough("").is_none());
    }

    #[test]
    fn outcome_areas_are_the_six_in_the_tool() {
        let names: Vec<&str> = OutcomeArea::ALL.iter().map(|a| a.title()).collect();
        assert_eq!(
            names,
            [
                "Service outcomes",
                "Community-wide trust and confidence",
                "Positive community relations",
                "Access to services and information",
                "Influence over decision making",
                "Employment",
            ]
        );
        for a in OutcomeArea::ALL {
            assert_eq!(
                serde_json::to_string(&a).unwrap_or_default(),
                format!("\"{}\"", a.id())
            );
            assert!(!a.explanation().is_empty());
        }
    }

    #[test]
    fn clarity_questions_have_distinct_ids_and_are_questions() {
        let ids: std::collections::HashSet<_> = CLARITY_QUESTIONS.iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), 4);
        for q in &CLARITY_QUESTIONS {
            assert!(q.question.ends_with('?'));
            assert!(!q.to_answer_yes.is_empty());
        }
        assert_eq!(
            serde_json::to_string(&Answer::NotSure).unwrap_or_default(),
            r#""not_sure""#
        );
    }

    /// Every chosen stage against every mix of yes, no, not sure and unanswered (5 x 4^4 cases).
    #[test]
    fn the_cap_holds_for_every_combination_of_answers() {
        let options = [
            None,
            Some(Answer::Yes),
            Some(Answer::No),
            Some(Answer::NotSure),
        ];
        for chosen in Stage::ALL {
            for code in 0..4usize.pow(4) {
                let answers: Vec<Option<Answer>> =
                    (0..4).map(|q| options[(code >> (2 * q)) & 3]).collect();
                let noes = answers.iter().filter(|a| **a == Some(Answer::No)).count();
                let open = answers
                    .iter()
                    .filter(|a| matches!(a, None | Some(Answer::NotSure)))
                    .count();
                let result = cap_stage(chosen, &answers);
                let expected = if noes > 0 {
                    chosen.min(Starting)
                } else {
                    chosen
                };
                assert_eq!(result.stage, expected, "{chosen:?} {answers:?}");
                assert_eq!(
                    result.capped,
                    noes > 0 && chosen > Starting,
                    "{chosen:?} {answers:?}"
                );
                assert_eq!(result.reason.is_some(), noes > 0, "{chosen:?} {answers:?}");
                assert_eq!(result.what_would_lift_it.len(), noes);
                assert_eq!(result.needs_answer.len(), open);
            }
        }
    }

    #[test]
    fn the_cap_explains_itself() {
        let no = Some(Answer::No);
        let yes = Some(Answer::Yes);
        let result = cap_stage(Developing, &[yes, no, yes, no]);
        assert_eq!(result.stage, Starting);
        assert!(result.capped);
        assert_eq!(
            result.reason.as_deref(),
            Some("Shown as Starting, not Developing, because the answer to outcome questions 2 and 4 is \"no\". Without clear outcomes, the overall stage cannot honestly be above Starting.")
        );
        assert_eq!(
            result.what_would_lift_it,
            [
                CLARITY_QUESTIONS[1].to_answer_yes,
                CLARITY_QUESTIONS[3].to_answer_yes
            ]
        );

        let below = cap_stage(Intending, &[no, yes, yes, yes]);
        assert_eq!(below.stage, Intending);
        assert!(!below.capped);
        assert_eq!(
            below.reason.as_deref(),
            Some("The answer to outcome question 1 is \"no\", so the overall stage cannot go above Starting until that changes.")
        );
    }

    #[test]
    fn not_sure_and_missing_answers_do_not_cap_but_are_flagged() {
        let result = cap_stage(Achieving, &[Some(Answer::Yes), Some(Answer::NotSure)]);
        assert_eq!(result.stage, Achieving);
        assert!(!result.capped);
        assert_eq!(result.reason, None);
        assert_eq!(
            result.needs_answer,
            [
                "shared_view",
                "tangible_outcomes",
                "evidence_of_improvement"
            ]
        );
        // Extra answers beyond the 4 questions are ignored.
        let extra = cap_stage(
            Achieving,
            &[Some(Answer::Yes); 4]
                .iter()
                .copied()
                .chain([Some(Answer::No)])
                .collect::<Vec<_>>(),
        );
        assert_eq!(extra.stage, Achieving);
        assert!(extra.needs_answer.is_empty());
    }

    #[test]
    fn spread_counts_each_stage() {
        let s = spread(&views(&[Starting, Starting, Achieving, Resisting]));
        assert_eq!(
            s.counts(),
            [
                (Resisting, 1),
                (Intending, 0),
                (Starting, 2),
                (Developing, 0),
                (Achieving, 1)
            ]
        );
        assert_eq!(s.total(), 4);
        assert_eq!(
            (s.lowest(), s.highest()),
            (Some(Resisting), Some(Achieving))
        );
        assert_eq!(spread(&[]), Spread::default());
    }

    #[test]
    fn a_group_median_needs_five_views() {
        let four = summarise_workshop(&views(&[Starting, Developing, Developing, Achieving]));
        assert_eq!(four.overall.median, Some(Developing));
        assert_eq!(four.overall.median_if_enough(), None);
        let five = summarise_workshop(&views(&[
            Starting, Developing, Developing, Achieving, Intending,
        ]));
        assert_eq!(five.overall.median_if_enough(), Some(Developing));
        assert_eq!(summarise_workshop(&[]).overall.median_if_enough(), None);
    }

    #[test]
    fn median_takes_the_middle_and_the_lower_of_two_middles() {
        assert_eq!(median_stage(&[]), None);
        assert_eq!(median_stage(&views(&[Developing])), Some(Developing));
        assert_eq!(
            median_stage(&views(&[Achieving, Resisting, Starting])),
            Some(Starting)
        );
        assert_eq!(
            median_stage(&views(&[Intending, Developing])),
            Some(Intending)
        );
        assert_eq!(
            median_stage(&views(&[Achieving, Starting, Developing, Resisting])),
            Some(Starting)
        );
        assert_eq!(
            median_stage(&views(&[
                Starting, Starting, Developing, Developing, Developing
            ])),
            Some(Developing)
        );
    }

    #[test]
    fn disagreement_needs_two_stages_or_more_and_names_the_extremes() {
        assert_eq!(disagreement(&[]), None);
        assert_eq!(
            disagreement(&views(&[Starting, Developing, Starting])),
            None
        );
        let d = disagreement(&views(&[Starting, Intending, Developing, Intending]));
        assert_eq!(
            d,
            Some(Disagreement {
                lowest: Intending,
                highest: Developing,
                at_lowest: vec![1, 3],
                at_highest: vec![2]
            })
        );
        assert_eq!(d.map(|d| d.gap()), Some(2));
    }

    #[test]
    fn departments_are_grouped_by_name_ignoring_case_and_spaces() {
        let all = [
            view(Starting, Some("Housing")),
            view(Developing, Some("Adult social care")),
            view(Intending, Some(" housing ")),
            view(Achieving, None),
            view(Developing, Some("   ")),
            view(Achieving, Some("HOUSING")),
        ];
        let summary = summarise_workshop(&all);
        assert_eq!(summary.overall.participants, [0, 1, 2, 3, 4, 5]);
        assert_eq!(summary.overall.median, Some(Developing));
        let names: Vec<Option<&str>> = summary
            .departments
            .iter()
            .map(|d| d.department.as_deref())
            .collect();
        assert_eq!(names, [Some("Housing"), Some("Adult social care"), None]);

        let housing = &summary.departments[0];
        assert_eq!(housing.participants, [0, 2, 5]);
        assert_eq!(housing.median, Some(Starting));
        assert_eq!(
            housing.disagreement,
            Some(Disagreement {
                lowest: Intending,
                highest: Achieving,
                at_lowest: vec![2],
                at_highest: vec![5]
            })
        );
        assert_eq!(summary.departments[1].spread.count(Developing), 1);
        assert_eq!(summary.departments[1].disagreement, None);
        assert_eq!(summary.departments[2].participants, [3, 4]);
    }

    #[test]
    fn a_workshop_without_departments_has_one_unnamed_group() {
        let summary = summarise_workshop(&views(&[Starting, Intending]));
        assert_eq!(summary.departments.len(), 1);
        assert_eq!(summary.departments[0].department, None);
        assert_eq!(summary.departments[0].spread, summary.overall.spread);
        assert_eq!(summarise_workshop(&[]).departments, []);
        assert_eq!(summarise_workshop(&[]).overall.median, None);
    }
}
