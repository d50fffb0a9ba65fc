//! Every piece of user-facing text that is not framework content, in one place, ready for a Welsh
//! translation: components and exports read their words from here.

/// The product's name as shown in the header and the document title.
pub const PRODUCT_NAME: &str = "Race Equity Planner";

/// One of the four parts of the planner, as the home page and navigation describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Reap,
    Journey,
    Data,
    ActionPlan,
}

impl Part {
    /// All parts in the order they appear in the navigation.
    pub const ALL: [Part; 4] = [Part::Reap, Part::Journey, Part::Data, Part::ActionPlan];

    /// The short name used in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            Part::Reap => "REAP checklist",
            Part::Journey => "Journey self-assessment",
            Part::Data => "Data",
            Part::ActionPlan => "Action plan",
        }
    }

    /// What the part is for, in one or two plain sentences for the home page.
    pub fn purpose(self) -> &'static str {
        match self {
            Part::Reap => "Work through the 17 anchors of the IPS Grow Race Equity Action Plan, record your evidence, and see straight away whether your team meets the rule for the Fidelity Review.",
            Part::Journey => "Decide, alone or as a workshop, which of the five stages of the journey to race equality your organisation has reached, and what would move it on.",
            Part::Data => "Compare access, outcomes and workforce figures by ethnic group, with the uncertainty shown and small numbers protected.",
            Part::ActionPlan => "Turn what you found into actions, each linked to the anchors, metrics and stages it answers, and print or export the plan for your board.",
        }
    }

    /// Who usually uses the part.
    pub fn audience(self) -> &'static str {
        match self {
            Part::Reap => "IPS Team Leaders and Employment Specialists",
            Part::Journey => "Race equality steering groups in any public body",
            Part::Data => "Anyone who holds service or workforce data by ethnicity",
            Part::ActionPlan => "Programme leads, senior sponsors and staff-voice leads",
        }
    }

    /// A stable identifier for the part, used in element ids and saved settings.
    pub fn slug(self) -> &'static str {
        match self {
            Part::Reap => "reap",
            Part::Journey => "journey",
            Part::Data => "data",
            Part::ActionPlan => "action-plan",
        }
    }
}

/// The title of the home screen.
pub const HOME_TITLE: &str = "Home";

/// The title of the screen that lists, backs up and imports plans.
pub const PLANS_TITLE: &str = "Your plans";

/// Shown on a part whose screen is not built yet: honest, and says where to go meanwhile.
pub const NOT_BUILT_YET: &str = "This part is not built yet. It is planned, and nothing you do elsewhere in the planner will be lost when it arrives.";

/// The home page's opening paragraph.
pub const HOME_INTRO: &str = "Plan your race equity work in one place. Everything you enter stays in this browser on this computer: nothing is sent anywhere.";

/// The words of the REAP checklist screen.
pub mod reap {
    pub const INTRO: &str = "Record where your team stands on each of the 17 anchors of IPS Grow's Race Equity Action Plan. To meet the REAP, all three Data anchors must be met, and at least one anchor in each of the other three themes.";
    pub const SUMMARY_TITLE: &str = "Does the team meet the REAP?";
    pub const THEME_MET: &str = "Met";
    pub const THEME_NOT_YET: &str = "Not yet";
    pub const DOWNLOAD_CSV: &str = "Download the checklist (CSV)";
    pub const PRINT: &str = "Print the checklist";
    pub const PRINT_FRAME_TITLE: &str = "The checklist, laid out for printing";
    pub const REVIEWS_TITLE: &str = "Reviews";
    pub const NO_REVIEW_YET: &str = "No review has been started yet.";
    pub const REVIEW_HINT: &str = "Start a review when you prepare for a Fidelity Review or look at the plan as a team. It keeps a dated copy of the checklist, so that next time you can see what changed.";
    pub const START_REVIEW: &str = "Start a review today";
    pub const GUIDANCE_FOR: &str = "Guidance for";
    pub const ANCHOR: &str = "anchor";
    pub const STATUS: &str = "Status";
    pub const EVIDENCE: &str = "Evidence";
    pub const EVIDENCE_HINT: &str = "What you have done and where it is recorded. Links are fine.";
    pub const WHO: &str = "Who is responsible";
    pub const REVIEW_DATE: &str = "Review date";
    pub const ACTIONS_FOR: &str = "Actions for";
    pub const NO_ACTIONS: &str = "No actions are linked to this anchor yet.";
    pub const ADD_ACTION_FOR: &str = "Add an action for";
    pub const ACTION: &str = "action";
    pub const FOR: &str = "for";
    pub const ACTION_TEXT: &str = "Action";
    pub const WHO_SHORT: &str = "Who";
    pub const BY_WHEN: &str = "By when";
    pub const REMOVE_ACTION: &str = "Remove action";
    pub const YES_REMOVE: &str = "Yes, remove";
    pub const CANCEL: &str = "Cancel";
    pub const REMOVE: &str = "Remove";
    pub const CASELOAD_TITLE: &str = "Employment Specialists\u{2019} caseloads";
    pub const CASELOAD_HINT: &str = "For each Employment Specialist, enter how many people on their caseload are in each ethnic group. Each caseload is compared with the whole team\u{2019}s, so you can see whether some groups are being seen mostly by some staff.";
    pub const NAME_OR_INITIALS: &str = "Name or initials";
    pub const SPECIALIST: &str = "Employment Specialist";
    pub const TOTAL: &str = "Total";
    pub const TEAM: &str = "Whole team";
    pub const ADD_SPECIALIST: &str = "Add an Employment Specialist";
    pub const CASELOAD_PROBLEMS: &str =
        "Some counts could not be read, so they are left out of the totals";
    pub const CASELOAD_RESULTS: &str = "How each caseload compares with the team\u{2019}s";
    pub const WORTH_A_LOOK: &str = "Worth a look";
    pub const TOO_FEW: &str = "Too few to tell";
    pub const CASELOAD_TO_EVIDENCE: &str = "Add this comparison to the evidence for 3.3";

    /// "The last review started on 3 March 2026 (2 reviews so far)."
    pub fn last_review(when: &str, count: usize) -> String {
        if count == 1 {
            format!("The last review started on {when}.")
        } else {
            format!("The last review started on {when} ({count} reviews so far).")
        }
    }

    pub fn no_changes_since(when: &str) -> String {
        format!("Nothing has changed since the review of {when}.")
    }

    /// The summary of the "what changed" disclosure.
    pub fn changes_since(when: &str, count: usize) -> String {
        let changes = if count == 1 {
            "1 change".to_string()
        } else {
            format!("{count} changes")
        };
        format!("What changed since the review of {when} ({changes})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_a_distinct_slug_and_title() {
        let slugs: std::collections::HashSet<_> = Part::ALL.iter().map(|p| p.slug()).collect();
        let titles: std::collections::HashSet<_> = Part::ALL.iter().map(|p| p.title()).collect();
        assert_eq!(slugs.len(), 4);
        assert_eq!(titles.len(), 4);
    }
}
