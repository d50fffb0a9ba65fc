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
