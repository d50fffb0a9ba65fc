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

/// The home page's opening paragraph.
pub const HOME_INTRO: &str = "Plan your race equity work in one place. Everything you enter stays in this browser on this computer: nothing is sent anywhere.";

/// The words of the REAP checklist screen.
pub mod reap {
    pub const INTRO: &str = "Record where your team stands on each of the 17 anchors of IPS Grow's Race Equity Action Plan. To meet the REAP, all three Data anchors must be met, and at least one anchor in each of the other three themes.";
    pub const SUMMARY_TITLE: &str = "Does the team meet the REAP?";
    pub const THEME_MET: &str = "Met";
    pub const THEME_NOT_YET: &str = "Not yet";
    pub const NO_EVIDENCE_TAG: &str = "No evidence";
    /// A button under anchors 1.1 and 1.2, followed by the anchor's number.
    pub const SERVICE_TO_EVIDENCE: &str =
        "Add the service figures from the Data screen to the evidence for";
    pub const NO_SERVICE_FIGURES: &str =
        "There are no service figures to add yet. Type the counts on the Data screen first.";

    /// Under the meeting rule: the anchors it counts as met that have no evidence recorded.
    pub fn met_without_evidence(anchors: &[&str]) -> String {
        let (noun, each) = if anchors.len() == 1 {
            ("Anchor", "it")
        } else {
            ("Anchors", "each")
        };
        format!(
            "{noun} {} {} counted as met with no evidence recorded. A reviewer will ask for it: add the evidence under {each}.",
            crate::text::list_with_and(anchors),
            if anchors.len() == 1 { "is" } else { "are" }
        )
    }
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
    pub const BY_WHEN: &str = "By when";
    pub const REMOVE_ACTION: &str = "Remove action";
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

    /// The undo banner. The copy goes when the planner closes, another plan is deleted, or the
    /// user dismisses the banner.
    pub fn deleted(title: &str) -> String {
        format!("Deleted \u{201c}{title}\u{201d}. Undo is available until you close the planner or delete another plan; then the copy kept for undo is removed from this browser.")
    }

    pub const DISMISS_UNDO: &str = "Dismiss and remove the copy now";

    /// Asked in the delete row when no copy for undo could be kept: `why` is what the browser
    /// said, or None when its storage is full.
    pub fn delete_without_undo_question(title: &str, why: Option<&str>) -> String {
        let reason = match why {
            None => "There is no room in this browser to keep a copy for undo.".to_string(),
            Some(why) => format!("This browser refused to keep a copy for undo ({why})."),
        };
        format!("{reason} Delete \u{201c}{title}\u{201d} without undo? Download it first if you may want it back.")
    }

    pub const CONFIRM_DELETE_WITHOUT_UNDO: &str = "Confirm delete without undo";
    pub const DELETE_WITHOUT_UNDO: &str = "Delete without undo";

    pub fn download_plan_named(title: &str) -> String {
        format!("Download \u{201c}{title}\u{201d}")
    }

    pub fn deleted_without_undo(title: &str) -> String {
        format!("Deleted \u{201c}{title}\u{201d}. No copy was kept, so it cannot be brought back.")
    }

    pub fn not_removed(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} could not be removed: this browser's storage did not let it go, so it is still here. Reload the page and try again.")
    }

    /// The undo copy is not in storage any more (removed in another tab, say).
    pub fn copy_gone(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} could not be brought back: its copy is no longer in this browser (it may have been removed in another tab or window).")
    }

    pub fn not_brought_back(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} could not be brought back: this browser's storage has no room for it. Its copy is still kept. Delete a plan you no longer need, or download a backup and free some space, then try again.")
    }

    /// A copy from a newer version cannot be brought back as a copy beside a plan with its id.
    pub fn not_beside_newer(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} could not be brought back: a plan with the same identity is in this browser again, and this copy was saved by a newer version of the planner, so it cannot be copied here. Open this page in the newer version to bring it back.")
    }

    pub const LEFT_TITLE: &str = "Copies of deleted plans are still in this browser";
    pub const LEFT_TEXT: &str = "When these plans were deleted, a copy was kept for undo, and the planner closed before it could remove it. Bring back any you want, then remove the rest, so this browser no longer keeps what you meant to delete.";
    /// Names a kept copy that does not read as a plan.
    pub const LEFT_UNREADABLE: &str = "A deleted plan whose copy could not be read";
    pub const DOWNLOAD_IT: &str = "Download it";

    /// Told to screen readers after "Download it", so each button has a name of its own.
    pub fn unreadable_copy(n: usize) -> String {
        format!("(unreadable copy {n})")
    }

    /// What the downloaded file of an unreadable copy is named after.
    pub const UNREADABLE_COPY_FILE: &str = "deleted plan unreadable copy";

    pub fn bring_back(title: &str) -> String {
        format!("Bring back \u{201c}{title}\u{201d}")
    }

    pub const REMOVE_COPIES: &str = "Remove these copies";

    pub fn remove_copies_question(count: usize) -> String {
        if count == 1 {
            "Remove this copy for good? It cannot be brought back afterwards.".into()
        } else {
            format!("Remove these {count} copies for good? They cannot be brought back afterwards.")
        }
    }

    pub const CONFIRM_REMOVE_COPIES: &str = "Confirm removing the copies";
    pub fn yes_remove_copies(count: usize) -> &'static str {
        if count == 1 {
            "Yes, remove it"
        } else {
            "Yes, remove them"
        }
    }

    pub fn removed_copies(count: usize) -> String {
        if count == 1 {
            "Removed the copy of a deleted plan from this browser.".into()
        } else {
            format!("Removed {count} copies of deleted plans from this browser.")
        }
    }

    pub fn undo(title: &str) -> String {
        format!("Undo: bring back \u{201c}{title}\u{201d}")
    }

    pub fn new_name_for(title: &str) -> String {
        format!("New name for \u{201c}{title}\u{201d}")
    }

    pub fn delete_question(title: &str) -> String {
        format!("Delete \u{201c}{title}\u{201d} from this browser? You can undo this until you close the planner.")
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

    /// Beside the new plan's name, and in the error summary, when none was typed.
    pub const NAME_NEEDED: &str = "Enter a name for the new plan";

    /// Said (as a status) once a new plan is made and open.
    pub fn created(title: &str) -> String {
        format!("Created \u{201c}{title}\u{201d}. It is open now: its parts are in the menu above.")
    }

    /// The warning shown once the user has changed the example plan.
    pub const EXAMPLE_CHANGED_TITLE: &str = "You are changing the example plan";
    pub const EXAMPLE_CHANGED_TEXT: &str = "The example is made up, to show how the planner works. Your change is kept. If this is the start of your own plan, make a copy to work on: it keeps everything here, including your change.";
    pub const MAKE_OWN_COPY: &str = "Make a copy as my own plan";
    pub const KEEP_EXPLORING: &str = "Keep exploring the example";
    pub const DISMISS_NOTE: &str = "Dismiss";

    /// Said once the changed example has been copied as the user's own plan.
    pub fn own_copy_made(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} is your own plan now, with your change in it, and it is open. You can rename it under \u{201c}About this plan\u{201d} on the home page.")
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
    /// Said of an unreadable save that could not be copied aside because storage is full.
    pub const UNREADABLE_LEFT_IN_PLACE: &str = "There was no room in this browser's storage to copy it aside, so it has been left where it was, untouched, and nothing will be saved over it. Download it, then free some space (for example, delete plans you no longer need).";
    pub const REMOVE_UNREADABLE: &str = "Remove it from this browser";
    pub const REMOVE_FOR_GOOD: &str = "Remove it for good? Download it first if you may need it.";
    pub const YES_REMOVE: &str = "Yes, remove it";
    pub const CANCEL: &str = "Cancel";

    /// Why the latest change was not saved, when the browser refused it for a reason of its own.
    pub fn refused(why: &str) -> String {
        format!("The browser refused to save it ({why}). Your change is still here on screen. Download the plan to keep it.")
    }

    /// The browser's store was emptied while the plan was open (in another tab, or by clearing
    /// site data). `full`: saving it again failed too.
    pub fn store_emptied(title: &str, full: bool) -> String {
        let saved = if full {
            "It is still open here, but could not be saved again: download it now."
        } else {
            "It is still open here and has been saved again."
        };
        format!("The planner's storage in this browser was emptied (in another tab or window, or by clearing browsing data). \u{201c}{title}\u{201d} was open, so nothing of it is lost: {saved} Any other plans that were only in this browser are gone from it; import them from your backup if you have one.")
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

/// Words the forms on every screen share.
pub mod forms {
    /// Before an error message beside a field, for screen readers (the GOV.UK pattern).
    pub const ERROR_PREFIX: &str = "Error: ";
    /// The heading of a long screen's jump links.
    pub const CONTENTS: &str = "On this screen";
    pub const ACTION: &str = "Action";
    pub const WHO: &str = "Who";
    pub const BY_WHEN: &str = "By when";
    pub const YES_REMOVE: &str = "Yes, remove";
    pub const CANCEL: &str = "Cancel";
}

/// The action plan screen: the SC-WRES header, objectives and their numbered actions.
pub mod action_plan {
    pub const INTRO: &str = "The plan in the layout a Social Care WRES action plan is submitted in: who leads it, then each objective with its numbered actions. Actions you add from the REAP checklist or the journey self-assessment are here too.";
    pub const SUMMARY_TITLE: &str = "Where the actions stand";
    pub const NO_ACTIONS_YET: &str =
        "No actions yet. Add an objective, then the actions that will meet it.";
    pub const OVERDUE: &str = "overdue";

    /// "8 actions: 3 not started, 4 on track, 1 at risk, 0 done. 3 overdue."
    pub fn actions_line(actions: usize, by_status: [usize; 4], overdue: usize) -> String {
        let [not_started, on_track, at_risk, done] = by_status;
        let noun = if actions == 1 { "action" } else { "actions" };
        format!("{actions} {noun}: {not_started} not started, {on_track} on track, {at_risk} at risk, {done} done. {overdue} overdue.")
    }

    pub const HEADER_TITLE: &str = "Who leads the plan";
    pub const HEADER_HINT: &str =
        "As your plan will be published. Names or roles; leave out what does not apply.";
    pub const ORGANISATION: &str = "Organisation";
    pub const OBJECTIVES_TITLE: &str = "Objectives and actions";
    pub const OBJECTIVE: &str = "Objective";
    pub const OBJECTIVE_TITLE_LABEL: &str = "What the objective is";
    pub const LEAD: &str = "Lead";
    pub const THEME: &str = "Theme";
    pub const NO_THEME: &str = "Not chosen";
    pub const THEME_HINT: &str = "The Social Care WRES action-plan theme it serves.";
    pub const INDICATORS: &str = "Indicators of improvement";
    pub const INDICATORS_HINT: &str = "What good looks like, and how you will know.";
    pub const ACTIONS_IN: &str = "Actions for objective";
    pub const NO_ACTIONS_IN: &str = "No actions for this objective yet.";
    pub const TIMEFRAME: &str = "Timeframe";
    pub const TIMEFRAME_HINT: &str = "As you would write it: a date, \u{2018}October 2026\u{2019}, \u{2018}Q3 2026\u{2019}, \u{2018}2026-27\u{2019} or \u{2018}ongoing\u{2019}.";
    pub const STATUS: &str = "Status";
    pub const PROGRESS: &str = "Progress";
    pub const ANSWERS: &str = "What it answers";
    pub const ANSWERS_NOTHING: &str = "Not linked to an anchor, stage or breakthrough point.";
    pub const ADD_OBJECTIVE: &str = "Add an objective";
    pub const ADD_ACTION: &str = "Add an action to objective";
    pub const REMOVE_OBJECTIVE: &str = "Remove objective";
    pub const REMOVE_ACTION: &str = "Remove action";
    pub const UNTITLED_OBJECTIVE: &str = "(objective not yet described)";
    pub const UNANSWERED_TITLE: &str = "Not yet answered by an action";
    pub const UNANSWERED_HINT: &str =
        "What the rest of the plan says needs work and no action links to yet.";
    pub const ALL_ANSWERED: &str = "Every unmet REAP anchor, adverse metric and breakthrough point of the agreed stage has at least one action.";
    pub const UNMET_ANCHORS: &str = "REAP anchors not met";
    pub const ADVERSE_METRICS: &str = "Adverse metrics in";
    pub const BREAKTHROUGHS: &str = "Breakthrough points of the agreed stage";
    pub const ACTION_WORD: &str = "Action";
    /// Names the objective or action a field belongs to, for screen readers: "Lead (action 3)".
    pub const WHICH_OBJECTIVE: &str = "objective";
    pub const WHICH_ACTION: &str = "action";
    pub const SPECIFIC_ACTION: &str = "Specific action";
    pub const OVERDUE_TAG: &str = "Overdue";
    /// Before how the planner reads a timeframe ("due 31 October 2026").
    pub const READ_AS: &str = "Read as:";
    pub const STEPS_TITLE: &str = "The five steps of action planning";
    pub const STEPS_HINT: &str =
        "The Social Care WRES guidance plans in five steps. Record each as you take it.";
    pub const STEP: &str = "Step";
    pub const WHICH_STEP: &str = "step";
    pub const STEP_DONE: &str = "Done";
    pub const STEP_DATE: &str = "When";
    pub const STEP_NOTES: &str = "Notes";
    pub const OF_FIVE: &str = "of 5";
    pub const STEPS_DONE: &str = "steps done.";
    pub const VOICE_TITLE: &str = "Staff voice";
    pub const VOICE_HINT: &str = "Each time you hear from staff about the plan (a focus group, a survey, a listening event): when, who, what they said and what changed because of it.";
    pub const NO_VOICE: &str = "Nothing recorded yet.";
    pub const ADD_VOICE: &str = "Add a staff-voice entry";
    pub const REMOVE_VOICE: &str = "Remove staff-voice entry";
    pub const VOICE_ENTRY: &str = "Entry";
    pub const WHICH_VOICE: &str = "staff-voice entry";
    pub const VOICE_DATE: &str = "Date";
    pub const VOICE_HOW: &str = "How";
    pub const HOW_NOT_SAID: &str = "Not said";
    /// In the order of `plan::VoiceEntry::HOW`.
    pub const HOW_WORDS: [&str; 3] = ["Focus group", "Survey", "Other"];
    pub const VOICE_WHO: &str = "Who took part";
    pub const VOICE_FEEDBACK: &str = "Key feedback";
    pub const VOICE_CHANGED: &str = "What changed as a result";
    pub const FILTERS_TITLE: &str = "Show only";
    pub const ANY_LEAD: &str = "Any lead";
    pub const ANY_STATUS: &str = "Any status";
    pub const ANY_THEME: &str = "Any theme";
    pub const OVERDUE_ONLY: &str = "Overdue actions only";
    pub const SHOWING: &str = "Showing";
    pub const OF: &str = "of";
    pub const ACTIONS_WORD: &str = "actions";
    pub const CLEAR_FILTERS: &str = "Show every action";
    pub const DATA_FROM_METRICS: &str = "Data from the metrics";
    pub const METRICS_LINKED: &str = "Social Care WRES metrics it answers";
    pub const CHOSEN: &str = "chosen";
    pub const DOWNLOADS_TITLE: &str = "Reports and downloads";
    pub const DOWNLOADS_HINT: &str = "The report prints the board summary and the parts you choose, each part on a new page; print it or save it as PDF. The board summary is one page. The downloads have one row per action, in the columns of a Social Care WRES action plan.";
    pub const REPORT_PARTS: &str = "In the report, after the board summary";
    pub const PART_REAP: &str = "The REAP checklist";
    pub const PART_JOURNEY: &str = "The journey self-assessment results";
    pub const PART_ACTIONS: &str = "The action plan";
    pub const PRINT_REPORT: &str = "Print the report";
    pub const PRINT_BOARD: &str = "Print the board summary";
    pub const REPORT_FRAME_TITLE: &str = "The race equity plan report, for printing";
    pub const BOARD_FRAME_TITLE: &str = "The board summary, for printing";
    pub const DOWNLOAD_CSV: &str = "Download as CSV";
    pub const DOWNLOAD_XLSX: &str = "Download as Excel";
    pub const NO_FIGURES_YET: &str = "no figures yet";
    pub const TOO_FEW_TO_REPORT: &str = "too few to report outside the team";
    pub const BANDS_CLEAR: &str =
        "at least one pay band differs clearly from the workforce as a whole";
    pub const BANDS_NOT_CLEAR: &str = "no pay band differs clearly from the workforce as a whole";
    /// The action plan's columns in a CSV or Excel copy: the SC-WRES layout's eight, then two.
    pub const EXPORT_COLUMNS: [&str; 10] = [
        "No",
        "Objective",
        "Lead",
        "Data from the metrics",
        "Specific actions",
        "Indicators of improvement",
        "Timeframe",
        "Progress",
        "Status",
        "What it answers",
    ];
    pub const LINK_ANCHOR: &str = "REAP anchor";
    pub const LINK_STAGE: &str = "Journey stage";
    pub const LINK_METRIC: &str = "SC-WRES metric";
    pub const LINK_BREAKTHROUGH: &str = "Breakthrough point";
    /// After a link's id that this version does not know.
    pub const LINK_UNKNOWN: &str = ", which this version of the planner does not know";

    /// The header's fields' labels, in the order of `plan::HeaderField::ALL` (read them with
    /// `HeaderField::label`).
    pub const HEADER_LABELS: [&str; 7] = [
        "Senior sponsor or sponsors",
        "Programme lead or leads",
        "Staff-voice lead or leads",
        "Principal social workers",
        "Number of employees",
        "How the plan was agreed",
        "How the plan will be evaluated and reviewed",
    ];

    /// The action statuses as the screen shows them, in the order of `plan::ActionStatus::ALL`.
    pub const STATUS_TITLES: [&str; 4] = ["Not started", "On track", "At risk", "Done"];
}

/// The board summary and the report of the whole plan (`plan_report`).
pub mod report {
    pub const REPORT_TITLE: &str = "Race equity plan report";
    pub const BOARD_TITLE: &str = "Board summary";
    pub const UNTITLED: &str = "Untitled plan";
    pub const ORGANISATION: &str = "Organisation";
    pub const TEAM: &str = "Team";
    pub const PERIOD: &str = "Reporting period";
    pub const PRINTED: &str = "Printed";
    pub const REAP: &str = "REAP checklist";
    pub const JOURNEY: &str = "Journey to race equality";
    pub const AGREED_STAGE: &str = "The stage agreed for the organisation as a whole:";
    pub const NO_STAGE: &str = "No stage agreed yet.";
    pub const ADVERSE_IN: &str = "Adverse workforce metrics in";
    pub const NONE_ADVERSE: &str = "No metric is adverse in this period.";
    pub const NO_ACTION_YET: &str = "no action yet";
    pub const ACTION: &str = "Action";
    pub const ACTIONS: &str = "The actions";
    pub const LEAD: &str = "lead";
    pub const NOBODY: &str = "nobody named";
    pub const TIMEFRAME: &str = "timeframe";
    pub const NONE_OVERDUE: &str = "No action is overdue.";
    pub const OVERDUE_TITLE: &str = "Overdue";
    pub const ACTION_PLAN: &str = "Action plan";
    pub const STEPS: &str = "The five steps of action planning";
    pub const STEP: &str = "Step";
    pub const DONE: &str = "done";
    pub const DONE_ON: &str = "done on";
    pub const NOT_DONE: &str = "not done yet";
}

/// The journey self-assessment screen.
pub mod journey {
    pub const INTRO: &str = "Work out, alone or with your steering group, where your organisation is on the journey to race equality, and what would move it on. Start with the four questions about outcomes, then record each person\u{2019}s view, agree a stage together, and plan the next six months.";
    pub const SUMMARY_TITLE: &str = "Where the organisation is now";
    pub const NOT_AGREED: &str = "No stage agreed yet";
    pub const AGREED: &str = "Agreed stage:";
    pub const WHAT_WOULD_LIFT: &str = "What would lift the cap:";
    pub const PRINT_PACK: &str = "Print the workshop pack";
    pub const PRINT_RESULTS: &str = "Print the results";
    pub const PRINT_FRAME_TITLE: &str = "The journey self-assessment, laid out for printing";

    pub const CLARITY_TITLE: &str = "1. How clear are your outcomes?";
    pub const CLARITY_HINT: &str = "Answer these first. If the answer to any of them is \u{201c}no\u{201d}, the organisation cannot honestly be past Starting, whatever else it does.";
    pub const QUESTION: &str = "Question";
    pub const ANSWER: &str = "Answer";
    pub const NOT_ANSWERED: &str = "Not answered yet";
    pub const NOTE: &str = "Note";
    pub const TO_ANSWER_YES: &str = "To answer yes:";

    pub const OUTCOMES_TITLE: &str = "2. Outcomes framework";
    pub const OUTCOMES_HINT: &str = "For each area, write what you want to change locally, how you know it is an issue, and how you will know it has improved. The gaps show where to focus.";
    pub const NO_GAPS: &str =
        "Every area has objectives, evidence of the issue and a measure of improvement.";
    pub const OBJECTIVES: &str = "Local objectives";
    pub const ISSUE: &str = "How do we know this is an issue?";
    pub const IMPROVED: &str = "How will we know we\u{2019}ve improved?";
    pub const GAP_OBJECTIVES: &str = "No objectives yet";
    pub const GAP_ISSUE: &str = "No evidence of the issue yet";
    pub const GAP_IMPROVED: &str = "No measure of improvement yet";
    pub const COMPLETE: &str = "Complete";

    pub const WORKSHOP_TITLE: &str = "3. Everyone\u{2019}s view";
    pub const WORKSHOP_HINT: &str = "Add each participant, with their department if departments may be at different stages. Each person chooses the stage they believe the organisation, or their department, has reached, and notes what they have seen that supports it.";
    pub const PARTICIPANT: &str = "Participant";
    pub const NAME_OR_ROLE: &str = "Name or role";
    pub const DEPARTMENT: &str = "Department (optional)";
    pub const THEIR_STAGE: &str = "The stage they see";
    pub const NO_STAGE: &str = "Not chosen yet";
    pub const SUPPORT: &str = "Behaviours and outcomes that support it";
    pub const ADD_PARTICIPANT: &str = "Add a participant";
    pub const REMOVE: &str = "Remove";
    pub const NO_PARTICIPANTS: &str =
        "No participants yet. Add one for each person taking part, or just yourself.";

    pub const RESULTS_TITLE: &str = "What the group thinks";
    pub const SPREAD_CAPTION: &str = "How many people chose each stage";
    pub const STAGE: &str = "Stage";
    pub const EVERYONE: &str = "Everyone";
    pub const NO_DEPARTMENT: &str = "No department given";
    pub const NO_VIEWS: &str = "Nobody has chosen a stage yet.";
    pub const VIEWS_DIFFER: &str = "Views differ";
    pub const AGREE_TITLE: &str = "What the group agrees";
    pub const AGREE_HINT: &str = "After discussing the views, record the stage the group agrees. The individual views are kept.";
    pub const AGREED_FOR_ORGANISATION: &str = "Agreed stage for the organisation";
    pub const AGREED_FOR: &str = "Agreed stage for";

    pub const AT_STAGE_TITLE: &str = "4. At the agreed stage";
    pub const AT_STAGE_NONE: &str = "Agree a stage above to see its barriers and breakthrough points, and to plan the next six months.";
    pub const BARRIERS: &str = "Barriers to watch out for";
    pub const BREAKTHROUGHS: &str = "Breakthrough points";
    pub const STRENGTHS: &str = "Strengths to build on";
    pub const TO_DEVELOP: &str = "Areas to develop";
    pub const ACTIONS_TITLE: &str = "Actions for the next six months";
    pub const ACTIONS_HINT: &str =
        "These actions are also in the action plan, linked to this stage.";
    pub const NO_ACTIONS: &str = "No actions yet.";
    pub const ACTION: &str = "Action";
    pub const BREAKTHROUGH: &str = "Breakthrough point it answers";
    pub const NONE_CHOSEN: &str = "None chosen";
    pub const ADD_ACTION: &str = "Add an action";
    pub const REMOVE_ACTION: &str = "Remove action";

    pub const TIMELINE_TITLE: &str = "5. Re-assessment and timeline";
    pub const REASSESS: &str = "Re-assess by";
    pub const REASSESS_HINT: &str = "Most groups look again after six months.";
    pub const RECORD: &str = "Add this assessment to the timeline";
    pub const RECORD_HINT: &str = "Keeps a dated copy of the agreed stages and everyone\u{2019}s views, so that you can see the stage over time.";
    pub const TIMELINE_CAPTION: &str = "The stage over time";
    pub const DATE: &str = "Date";
    pub const ORGANISATION: &str = "Organisation";
    pub const NOW: &str = "Now";
    pub const NOT_RECORDED: &str = "\u{2014}";

    /// "Agreed stage: Starting (the group chose Developing)".
    pub fn chosen_was(stage: &str) -> String {
        format!("(the group chose {stage})")
    }

    /// Why the screen works at a lower stage than the group chose.
    pub fn shown_capped(shown: &str, chosen: &str) -> String {
        format!("The group chose {chosen}, but until every outcome question can be answered \u{201c}yes\u{201d} or \u{201c}not sure\u{201d}, the stage shown is {shown}. These are {shown}\u{2019}s barriers and breakthrough points, and the actions below are linked to it.")
    }

    /// "3 of 6 areas have gaps".
    pub fn gaps(count: usize) -> String {
        match count {
            1 => "1 of 6 areas has gaps".to_string(),
            n => format!("{n} of 6 areas have gaps"),
        }
    }

    /// "Median view: Starting (5 views)".
    pub fn median(stage: &str, views: usize) -> String {
        match views {
            1 => format!("Median view: {stage} (1 view)"),
            n => format!("Median view: {stage} ({n} views)"),
        }
    }

    /// Fewer than 5 views: no middle view is given (METRICS.md, one rule for every median).
    pub fn median_too_few(views: usize) -> String {
        match views {
            1 => "Median view: too few to tell (1 view; a median needs at least 5)".to_string(),
            n => format!("Median view: too few to tell ({n} views; a median needs at least 5)"),
        }
    }

    /// "Views are 2 stages apart: Ann sees Intending; Bo and Cy see Developing. Start the discussion here."
    pub fn differ(gap: usize, low: &str, high: &str) -> String {
        format!("Views are {gap} stages apart: {low}; {high}. Start the discussion here.")
    }

    /// "Ann sees Intending", "Bo and Cy see Developing".
    pub fn see(people: &[String], stage: &str) -> String {
        let verb = if people.len() == 1 { "sees" } else { "see" };
        format!("{} {verb} {stage}", crate::text::list_with_and(people))
    }

    /// "Questions still to answer: 2 and 4."
    pub fn still_to_answer(numbers: &[String]) -> String {
        format!(
            "Questions still to answer (\u{201c}not sure\u{201d} counts as not answered): {}.",
            crate::text::list_with_and(numbers)
        )
    }

    /// "Re-assessment was due on 3 March 2026."
    pub fn reassessment_overdue(when: &str) -> String {
        format!("Re-assessment was due on {when}.")
    }

    /// "2 assessments recorded; the last on 3 March 2026."
    pub fn recorded(count: usize, last: &str) -> String {
        match count {
            1 => format!("1 assessment recorded, on {last}."),
            n => format!("{n} assessments recorded; the last on {last}."),
        }
    }
}

/// The words of the journey's printed pages: the workshop pack and the results.
pub mod journey_print {
    pub const PACK_TITLE: &str = "Journey to race equality: workshop pack";
    pub const RESULTS_TITLE: &str = "Journey to race equality: results";
    pub const PLAN: &str = "Plan";
    pub const TEAM: &str = "Team";
    pub const PERIOD: &str = "Reporting period";
    pub const PACK_INTRO: &str = "Use this pack to run the self-assessment on paper, or to follow along when the planner is on a shared screen. Go through it in order: how clear you are about outcomes, then each person's own view of the stage, then the group's discussion, and last the actions for the next six months.";
    pub const CLARITY_TITLE: &str = "How clear are we about the outcomes we want?";
    pub const CLARITY_HINT: &str = "Answer each question together, and be honest. If any answer is no, the overall stage cannot be above Starting, whatever else is in place.";
    pub const QUESTION: &str = "Question";
    pub const ANSWER: &str = "Answer";
    pub const NOTES: &str = "Notes";
    pub const STAGES_TITLE: &str = "The five stages";
    pub const STAGES_HINT: &str = "Read every stage before choosing one. Each lists the barriers that can keep an organisation there and the breakthrough points that help it move on.";
    pub const BARRIERS: &str = "Barriers to watch for";
    pub const BREAKTHROUGHS: &str = "Breakthrough points";
    pub const OUTCOMES_TITLE: &str = "Outcomes framework";
    pub const OUTCOMES_HINT: &str = "For each area, write the local objectives you want, the evidence that there is a problem, and how you will measure the change.";
    pub const OUTCOME_AREA: &str = "Outcome area";
    pub const OBJECTIVES: &str = "Our objectives";
    pub const ISSUE: &str = "How do we know this is an issue?";
    pub const IMPROVED: &str = "How will we know we've improved?";
    pub const PARTICIPANTS_TITLE: &str = "Each person's view";
    pub const PARTICIPANTS_HINT: &str = "On your own first: choose the stage you believe the organisation, or your department, has reached, and write down what people actually do and what has actually got better that backs it up. Then compare views as a group, starting where they differ most.";
    pub const NAME_OR_ROLE: &str = "Name or role";
    pub const DEPARTMENT: &str = "Department";
    pub const STAGE: &str = "Stage";
    pub const NOT_CHOSEN: &str = "Not chosen";
    pub const SUPPORT: &str = "Behaviours and outcomes that support it";
    pub const ACTIONS_TITLE: &str = "Actions for the next six months";
    pub const ACTIONS_HINT: &str = "Pick a few actions that would move you towards the next stage; the breakthrough points for the stage you agree are a good place to start.";
    pub const ACTION: &str = "Action";
    pub const WHO: &str = "Who";
    pub const BY_WHEN: &str = "By when";
    pub const BREAKTHROUGH: &str = "Breakthrough point";
    pub const STATUS: &str = "Status";
    pub const OVERALL_TITLE: &str = "Overall stage";
    pub const NO_AGREED_STAGE: &str = "The group has not agreed a stage yet.";
    pub const WHAT_WOULD_LIFT_IT: &str = "What would let you answer \u{201c}yes\u{201d}";
    pub const NOT_ANSWERED: &str = "Not answered";
    pub const SPREAD_TITLE: &str = "Where people placed the organisation";
    pub const SPREAD_HINT: &str =
        "How many people chose each stage, overall and in each department.";
    pub const NO_VIEWS: &str = "Nobody has chosen a stage yet.";
    pub const OVERALL: &str = "Overall";
    pub const NO_DEPARTMENT: &str = "No department given";
    pub const VIEWS: &str = "Views";
    pub const NO_DISAGREEMENT: &str = "No two views are more than one stage apart.";
    pub const DEPARTMENTS_TITLE: &str = "Agreed stage by department";
    pub const NO_DEPARTMENTS: &str = "No departments have been named.";
    pub const AGREED_STAGE: &str = "Agreed stage";
    pub const NOT_AGREED: &str = "Not agreed yet";
    pub const GAP: &str = "Not written yet";
    pub const STRENGTHS: &str = "Strengths to build on";
    pub const TO_DEVELOP: &str = "Areas to develop";
    pub const NOTHING_WRITTEN: &str = "Nothing written yet.";
    pub const NO_ACTIONS: &str = "No actions are linked to the stage shown yet.";
    pub const REASSESS_TITLE: &str = "Next assessment";
    pub const NO_REASSESS: &str = "No date has been set yet.";
    pub const TIMELINE_TITLE: &str = "Over time";
    pub const TIMELINE_HINT: &str =
        "The overall stage and each department's stage at every recorded assessment, and now.";
    pub const DATE: &str = "Date";
    pub const NOW: &str = "Now";

    /// "Choose one stage: Resisting, Intending, …."
    pub fn stages_to_choose(stages: &str) -> String {
        format!("Choose one stage: {stages}.")
    }

    /// "Printed on 15 September 2026".
    pub fn printed_on(date: &str) -> String {
        format!("Printed on {date}")
    }

    /// "Participant 3", for someone whose name or role is blank.
    pub fn participant(number: usize) -> String {
        format!("Participant {number}")
    }

    pub fn agreed(stage: &str) -> String {
        format!("Stage the group agreed: {stage}")
    }

    pub fn shown(stage: &str) -> String {
        format!("Overall stage shown: {stage}")
    }

    /// "Still to settle: question 4." for questions answered "not sure" or not answered.
    pub fn still_to_settle(numbers: &[String]) -> String {
        let which = if numbers.len() == 1 {
            "question"
        } else {
            "questions"
        };
        format!(
            "Still to settle: {which} {}.",
            crate::text::list_with_and(numbers)
        )
    }

    /// "Housing: the middle view is Starting."
    pub fn middle_view(group: &str, stage: &str) -> String {
        format!("{group}: the middle view is {stage}.")
    }

    /// A group with fewer than 5 views: no middle view is given.
    pub fn too_few_for_middle(group: &str, views: usize) -> String {
        format!("{group}: too few views to give a middle view ({views}; at least 5 are needed).")
    }

    /// Where views differ, in a copy to share outside the team: no one is named.
    pub fn apart_unnamed(gap: usize, low: &str, high: &str) -> String {
        format!("Views are {gap} stages apart, from {low} to {high}: start the discussion there.")
    }

    /// In place of each person's view, in a copy to share outside the team.
    pub const VIEWS_LEFT_OUT: &str = "Each person\u{2019}s own view is left out of a copy to share outside the team, so that no one can be picked out. Print the results for your team to see them.";

    /// Where views differ by two stages or more, and who holds each end.
    pub fn apart(gap: usize, low: &str, at_low: &str, high: &str, at_high: &str) -> String {
        format!("Views are {gap} stages apart, from {low} ({at_low}) to {high} ({at_high}): start the discussion there.")
    }

    /// "5 of the 6 outcome areas still have a part not written."
    pub fn areas_with_gaps(with_gaps: usize, areas: usize) -> String {
        match with_gaps {
            0 => "Every outcome area has its objectives, its evidence and its measures written."
                .to_string(),
            n if n == areas => format!("All {areas} outcome areas still have a part not written."),
            n => format!("{n} of the {areas} outcome areas still have a part not written."),
        }
    }

    /// "Actions linked to Starting, the stage shown after the outcome questions."
    pub fn actions_for(stage: &str) -> String {
        format!("Actions linked to {stage}, the stage shown after the outcome questions.")
    }

    /// "Assess again on 15 March 2027."
    pub fn reassess_on(date: &str) -> String {
        format!("Assess again on {date}.")
    }

    /// "Starting (capped by a "no")", for a stage the outcome questions lowered.
    pub fn capped(stage: &str) -> String {
        format!("{stage} (capped by a \"no\")")
    }
}

/// The Data screen: SC-WRES metrics by reporting period.
pub mod data {
    /// At the top of the Data screen, above its contents.
    pub const SCREEN_INTRO: &str = "Two parts: first the IPS service\u{2019}s figures against the local population (REAP anchors 1.1 and 1.2), then the Social Care WRES workforce figures for each reporting period.";
    /// The heading of the second part: the SC-WRES metrics by reporting period.
    pub const WORKFORCE_TITLE: &str = "Social Care WRES workforce figures";
    pub const METRIC_ACTIONS_TITLE: &str = "Actions for each metric";
    pub const METRIC_ACTIONS_HINT: &str = "The actions in the action plan that answer each metric. An action added here goes into the action plan, under the metric\u{2019}s theme, for you to describe there.";
    pub const NO_METRIC_ACTIONS: &str = "No action answers this metric yet.";
    pub const ACTION_NUMBERED: &str = "Action";
    pub const ADD_METRIC_ACTION: &str = "Add an action for";
    pub const INTRO: &str = "Enter your Social Care WRES figures for each reporting period. For each metric, type how many people in each group it happened to, and out of how many. The planner works out both rates, how much more or less likely it was for your comparison group, how sure that is, and says it in a sentence you can use.";
    pub const WORDS_TITLE: &str = "Words and comparisons";
    pub const TERM: &str = "Words for the comparison group";
    pub const TERM_HINT: &str = "Used in every sentence, table and export. Staff in some services asked not to use \u{201c}BAME\u{201d}: choose the words your staff and communities prefer.";
    pub const COMPARED_WITH: &str = "Compared with";
    pub const REFERENCE_ALL_WHITE: &str = "White staff (all White groups)";
    pub const REFERENCE_WHITE_BRITISH: &str =
        "White British staff (other White staff are in the comparison group)";
    pub const CONVENTION: &str = "Which way round ratios are";
    pub const CONVENTION_SC_WRES: &str = "Social Care WRES: every ratio is the comparison group\u{2019}s rate divided by the reference group\u{2019}s";
    pub const CONVENTION_NHS_WRES: &str = "NHS WRES: appointment and CPD are the reference group\u{2019}s rate divided by the comparison group\u{2019}s";
    pub const NO_PERIODS: &str = "No reporting periods yet. Add one for each year you report on.";
    pub const ADD_PERIOD: &str = "Add a reporting period";
    pub const BANDS_TITLE: &str = "1. Pay bands";
    pub const BANDS_HINT: &str = "List the bands from the lowest paid to the highest, and type how many staff of each group are in each. Each band is compared with all the staff in the bands: in the lowest band a high share is the concern, in the others a low share.";
    pub const BAND: &str = "Band";
    pub const NO_BANDS: &str = "No bands yet.";
    pub const ADD_BAND: &str = "Add a pay band";
    pub const REMOVE_BAND: &str = "Remove band";
    pub const PERIOD: &str = "Reporting period";
    pub const PERIOD_LABEL: &str = "Name of the period";
    pub const PERIOD_LABEL_HINT: &str = "Such as 2024-25.";
    pub const REMOVE_PERIOD: &str = "Remove this period";
    pub const ERRORS_TITLE: &str = "There is a problem";
    pub const EVENTS: &str = "How many";
    pub const OUT_OF: &str = "Out of";
    pub const NOT_STATED: &str = "Ethnicity not stated (optional)";
    pub const NOT_STATED_HINT: &str = "Left out of the rates, but shown.";
    pub const NOT_ENTERED: &str = "Not entered yet.";
    pub const FIX_TO_SEE: &str = "Correct the counts above to see the figure.";
    pub const RATIO: &str = "Relative likelihood";
    pub const SMALL_NUMBERS: &str =
        "Small numbers: these are your own figures, but do not publish them as they are.";
    pub const NOT_STATED_FLAG: &str =
        "Ethnicity is not stated for more than 1 in 10 records, which could hide a difference.";
    pub const WHAT_WE_KNOW: &str = "What we know from our data";
    pub const WHAT_WE_KNOW_HINT: &str =
        "Starts as the planner\u{2019}s sentence; change it into your own words.";
    /// Shown above a "what we know" text written for other figures (issue 17, item 10).
    pub const KNOW_STALE_TITLE: &str = "Written for other figures";
    pub const KNOW_STALE: &str = "These words were written when the counts or settings were different, so they may no longer be true. The figures now say:";
    pub const KNOW_USE_NEW: &str = "Use the new sentence";
    pub const KNOW_KEEP: &str = "Keep our words: they still hold";
    pub const CHART_TITLE: &str = "Relative likelihoods, ";
    pub const CHART_DESC: &str = "Each metric\u{2019}s relative likelihood with its 95% confidence interval, on a log scale, against the non-adverse range. The same figures are in the table below.";
    pub const TABLE_CAPTION: &str = "Figures for ";
    pub const METRIC: &str = "Metric";
    pub const STATUS: &str = "Status";
    pub const OVER_TIME: &str = "Periods side by side";
    pub const OVER_TIME_CAPTION: &str = "Relative likelihood by period";
    pub const CHANGE: &str = "Change since the period before";
    pub const THEMES_TITLE: &str = "Action-plan themes and the metrics that inform them";
    pub const THEME: &str = "Theme";
    pub const METRICS: &str = "Metrics";
    pub const NONE_DIRECT: &str = "No metric directly: use staff survey and staff voice evidence";
    pub const KEY_AREAS_TITLE: &str = "Key areas of the improvement guidance";
    pub const KEY_AREA: &str = "Key area";

    /// The non-adverse range, and where it comes from.
    pub fn range(lower: &str, upper: &str) -> String {
        format!("Ratios from {lower} to {upper} are read as no adverse difference: a guide taken from the four-fifths rule, not an SC-WRES rule.")
    }

    /// "41% of minoritised staff (35% to 48%)".
    pub fn rate(percent: &str, who: &str, lower: &str, upper: &str) -> String {
        format!("{percent} of {who} (95% confidence interval {lower} to {upper})")
    }
}

/// The service figures for REAP anchors 1.1 and 1.2, on the Data screen.
pub mod service {
    pub const TITLE: &str = "Service figures for REAP anchors 1.1 and 1.2";
    pub const INTRO: &str = "Compare who your IPS service reaches, who gets work, and who is on the team with the people your trust treats and the people who live locally. Type the counts for one period, by group; the planner gives each group\u{2019}s share, how it compares and how sure that is.";
    pub const POPULATION: &str = "Local population";
    pub const POPULATION_HINT: &str = "From the 2021 Census for your local authority: numbers of people or percentages, by the 5 groups or the 19 categories.";
    pub const DETAILED: &str = "Population figures by";
    pub const FIVE: &str = "The 5 groups";
    pub const NINETEEN: &str = "The 19 categories";
    pub const SOURCE: &str = "Where these figures come from";
    pub const NATIONAL: &str = "Start from the England and Wales figures";
    pub const GROUP: &str = "Group";
    pub const SHARE: &str = "Share";
    pub const FIGURES: &str = "The service\u{2019}s figures";
    pub const AS_AT: &str = "When these figures were taken";
    pub const AS_AT_HINT: &str = "Such as April to June 2026.";
    pub const DAYS_HINT: &str = "Days to each job start: whole numbers separated by commas, one for each person who started work.";
    pub const SHOWS: &str = "What the figures show";
    pub const NOTHING_YET: &str = "Type a caseload and the local population (or the treatment teams\u{2019} caseload) to see the comparisons.";
    pub const ANCHOR_LINK: &str = "Go to REAP anchor ";
    pub const BASELINE_SHARE: &str = "Baseline share";
    pub const RATIO: &str = "Representation ratio (95% interval)";
    pub const CHART_DESC: &str = "Each group\u{2019}s share as a bar, with a tick at its share of the baseline. The same figures are in the table.";
    pub const OUTCOMES: &str = "Job starts and starts in education";
    pub const OUTCOME_HINT: &str = "Each group\u{2019}s rate among its people on the IPS caseload, against the White group\u{2019}s. Starting work or education is good, so a ratio below the range is the concern.";
    pub const RATE: &str = "Rate (95% interval)";
    pub const AGAINST_WHITE: &str = "Against the White group";
    pub const REFERENCE: &str = "Reference group";
    pub const EVERYONE_ELSE: &str = "All other stated groups";
    pub const TIME: &str = "Time to employment";
    pub const MEDIAN: &str = "Median days";
    pub const IQR: &str = "Middle half (quartiles)";
    pub const PEOPLE: &str = "People";
    pub const SMALL: &str = "Small numbers: groups marked * have fewer than 10 people or a count under 5. These are your own figures; do not publish them as they are.";
    pub const BROAD_GROUPS: &str = "These figures are by the 5 broad groups, so the White group as a whole is the reference here, whatever the SC-WRES comparison uses.";
}

/// What a user sees if the planner's own code fails (a Rust panic): the widget's panic hook puts it
/// in place of every planner on the page, as plain text in a `role="alert"` banner. The autosave
/// runs 400 ms after the last edit, and nothing can safely finish it once the code has failed, so
/// the words promise only what was saved before.
pub mod failure {
    pub const TITLE: &str = "Something went wrong in the planner";
    pub const SAVED: &str = "Your plan is as it was when it was last saved: the save indicator showed when that was. A change made in the last second before this message may not have been saved.";
    pub const NEXT: &str = "Reload the page to carry on. If this happens again, tell whoever supports the planner in your organisation, and give them the technical detail below.";
    pub const DETAIL: &str = "Technical detail: ";
    pub const VERSION: &str = "Race Equity Planner version ";
}
