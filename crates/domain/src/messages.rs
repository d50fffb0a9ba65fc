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

/// The words of the "Your plans" screen.
pub mod plans {
    pub const INTRO: &str = "Plans are kept in this browser on this computer. To move a plan to another computer or share it, download it and import it there.";
    pub const LIST_TITLE: &str = "Plans in this browser";
    pub const PLAN: &str = "Plan";
    pub const LAST_CHANGED: &str = "Last changed";
    pub const ACTIONS: &str = "Actions";
    pub const UNTITLED: &str = "Untitled plan";
    pub const OPEN_NOW: &str = "Open now";
    pub const OPEN: &str = "Open";
    pub const RENAME: &str = "Rename";
    pub const DUPLICATE: &str = "Duplicate";
    pub const DELETE: &str = "Delete";
    pub const SAVE_NAME: &str = "Save name";
    pub const CANCEL: &str = "Cancel";
    pub const CONFIRM_DELETE: &str = "Confirm delete";
    pub const YES_DELETE: &str = "Yes, delete it";
    pub const NEW_TITLE: &str = "Start a new plan";
    pub const NEW_NAME: &str = "Name of the new plan";
    pub const NEW_NAME_HINT: &str =
        "For example, the team's name and the year. You can change it later.";
    pub const CREATE: &str = "Create plan";
    pub const OPEN_EXAMPLE: &str = "Open the example plan";
    pub const BACKUP_TITLE: &str = "Back up and share";
    pub const BACKUP_INTRO: &str = "A backup is a file you keep somewhere safe, such as your team's shared drive. It holds everything in a plan, including names and figures, so store it as you would any sensitive record.";
    pub const DOWNLOAD_PLAN: &str = "Download this plan";
    pub const DOWNLOAD_ALL: &str = "Download all plans (backup)";
    /// What the backup's file name says it holds.
    pub const ALL_PLANS: &str = "all plans";
    pub const SAVE_HTML_COPY: &str = "Save a copy as one HTML file";
    pub const HTML_COPY_HINT: &str = "The HTML copy is the whole planner with this plan inside. The person you send it to opens it in their browser; it keeps its own storage, so it never changes their other plans.";
    pub const NO_SINGLE_FILE: &str = "The single-file version of the planner could not be found beside this page, so no copy was made. Ask whoever set up the planner for race-equity-planner.html.";
    pub const IMPORT_TITLE: &str = "Import plans";
    pub const PROBLEM: &str = "There is a problem";
    pub const CHOOSE_FILE: &str = "Choose a plan or backup file (.json)";
    pub const CHOOSE_FILE_HINT: &str = "You will see what it holds before anything changes.";
    pub const PREVIEW: &str = "What the import will do";
    pub const NEW: &str = "New";
    pub const WILL_BE_ADDED: &str = "will be added.";
    pub const ALREADY_HERE: &str = "Already here";
    pub const KEEP_BOTH: &str = "Keep both: import it as a separate copy";
    pub const REPLACE: &str = "Replace the plan in this browser with the imported one";
    pub const SKIP: &str = "Skip it";
    pub const IMPORT: &str = "Import";
    pub const CANCEL_IMPORT: &str = "Cancel: change nothing";
    /// A time that could not be read.
    pub const UNKNOWN_TIME: &str = "unknown";
    pub const MONTHS_SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    pub fn deleted(title: &str) -> String {
        format!("Deleted \u{201c}{title}\u{201d}. A copy is kept until you delete another plan.")
    }

    pub fn undo(title: &str) -> String {
        format!("Undo: bring back \u{201c}{title}\u{201d}")
    }

    pub fn new_name_for(title: &str) -> String {
        format!("New name for \u{201c}{title}\u{201d}")
    }

    pub fn delete_question(title: &str) -> String {
        format!("Delete \u{201c}{title}\u{201d} from this browser? You can undo this straight afterwards.")
    }

    /// "(the copy in this browser was last changed 28 Nov 2026, 14:02)"
    pub fn here_last_changed(when: &str) -> String {
        format!("(the copy in this browser was last changed {when})")
    }

    pub fn not_imported(file: &str, problem: &str) -> String {
        format!("\u{201c}{file}\u{201d} was not imported, and nothing has changed. {problem}")
    }

    pub fn imported(count: usize) -> String {
        format!(
            "Imported {count} plan{}.",
            if count == 1 { "" } else { "s" }
        )
    }

    pub fn no_copy(problem: &str) -> String {
        format!("No copy was made: {problem}")
    }
}

/// The words of the banners about the safety of the user's work (`notices.rs` in the widget).
pub mod notices {
    pub const WARNING: &str = "Warning: ";
    pub const DOWNLOAD_PLAN: &str = "Download this plan";
    pub const READ_ONLY_TITLE: &str = "Read-only: saved by a newer version";
    pub const CONFLICT_TITLE: &str = "This plan was also changed in another tab";
    pub const CONFLICT_TEXT: &str = "Another tab or window saved this plan after you opened it here. So that neither change is lost, this tab has stopped saving until you choose what to keep.";
    pub const KEEP_BOTH: &str = "Keep both: save this tab's version as a separate plan";
    pub const USE_OTHER: &str = "Use the other tab's version (drop this tab's changes)";
    pub const KEEP_THIS: &str = "Replace it with this tab's version";
    pub const FULL_TITLE: &str = "Your latest change is not saved: storage is full";
    pub const FULL_TEXT: &str = "This browser has no room left for the planner. Your change is still here on screen, and your last saved version is safe. Download the plan now to keep this change, then delete plans you no longer need and try again.";
    pub const TRY_AGAIN: &str = "Try saving again";
    pub const REFUSED_TITLE: &str = "Your latest change is not saved";
    pub const MEMORY_TITLE: &str = "Nothing will be kept after you close this page";
    pub const MEMORY_TEXT: &str = "This browser is not letting the planner save anything (for example in a private window, with cookies and site data blocked, or inside a restricted frame). You can keep working, but download your plan before you close the page, and import it next time.";
    pub const ADD_CARRIED: &str = "Add the file's version as a separate plan";
    pub const DISMISS: &str = "Dismiss these messages";
    pub const UNREADABLE_TITLE: &str = "A saved plan could not be read";
    pub const UNREADABLE_KEPT: &str = "Nothing has been lost: the save has been kept, exactly as it was, in this browser. Download it to keep a copy or to send to whoever supports the planner in your organisation.";
    pub const DOWNLOAD_UNREADABLE: &str = "Download the unreadable save";
    /// What the downloaded file of an unreadable save is named after.
    pub const UNREADABLE_FILE: &str = "unreadable save";
    pub const REMOVE_UNREADABLE: &str = "Remove it from this browser";
    pub const REMOVE_FOR_GOOD: &str = "Remove it for good? Download it first if you may need it.";
    pub const YES_REMOVE: &str = "Yes, remove it";
    pub const CANCEL: &str = "Cancel";

    /// Why the latest change was not saved, when the browser refused it for a reason of its own.
    pub fn refused(why: &str) -> String {
        format!("The browser refused to save it ({why}). Your change is still here on screen. Download the plan to keep it.")
    }

    /// A single file's own version of its plan, when the browser holds a changed one.
    pub fn carried(title: &str) -> String {
        format!("This file carries its own copy of \u{201c}{title}\u{201d}, but this browser holds a version you have already changed. Your version is open.")
    }
}

/// The words of the home page and its "About this plan" form.
pub mod home {
    pub const FOR: &str = "For: ";
    pub const OPEN: &str = "Open ";
    pub const RECENT_CHANGES: &str = "Recent changes";
    pub const RECENT_CHANGES_HINT: &str =
        "Every change is dated, so a review can see what changed since the last one.";
    pub const DETAILS_TITLE: &str = "About this plan";
    pub const PLAN_NAME: &str = "Plan name";
    pub const ORGANISATION: &str = "Organisation";
    pub const TEAM: &str = "Team or service";
    pub const PERIOD: &str = "Reporting period";
    pub const PERIOD_HINT: &str = "For example, April 2025 to March 2026.";
    pub const TERM: &str = "Your words for the group that experiences racism";
    pub const TERM_HINT: &str = "Used everywhere the planner compares groups. Use the words your organisation has agreed with its staff and communities; many have asked not to be called \"BAME\".";
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
