//! The action plan as a tracked plan (issue 8): actions numbered across the plan as SC-WRES plans
//! number them, how many are done, at risk or overdue, the filters a progress meeting uses, what
//! the other parts found that no action answers yet, and links that point nowhere.
//!
//! Everything here reads or edits a [`Plan`] and nothing else: today's date and each action's
//! timeframe come from the caller. Until actions have a free-text timeframe, callers pass
//! `|a| timeframe::read(&a.by_when)` as `timeframe_of`.

use crate::dates::Date;
use crate::plan::{Action, ActionPlanSection, ActionStatus, Objective, Plan};
use crate::reap::{self, Theme};
use crate::stats::{Metric, RatioStatus};
use crate::timeframe::{is_overdue, Kind, Timeframe};
use crate::wres;

/// Each action's number, 1 to N across the whole plan in objective order (objectives with no
/// actions take no number), as SC-WRES plans number their "specific actions". Numbers are worked
/// out, never stored, so removing or moving an action renumbers the rest.
pub fn numbers(section: &ActionPlanSection) -> Vec<(String, u32)> {
    all_actions(section)
        .zip(1..)
        .map(|((_, action), number)| (action.id.clone(), number))
        .collect()
}

/// The statuses in the order of [`Summary::by_status`].
pub const STATUSES: [ActionStatus; 4] = [
    ActionStatus::NotStarted,
    ActionStatus::OnTrack,
    ActionStatus::AtRisk,
    ActionStatus::Done,
];

fn status_index(status: ActionStatus) -> usize {
    match status {
        ActionStatus::NotStarted => 0,
        ActionStatus::OnTrack => 1,
        ActionStatus::AtRisk => 2,
        ActionStatus::Done => 3,
    }
}

/// How many actions, how many of them done, and how many overdue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub actions: usize,
    pub done: usize,
    pub overdue: usize,
}

impl Tally {
    fn add(&mut self, done: bool, overdue: bool) {
        self.actions += 1;
        self.done += usize::from(done);
        self.overdue += usize::from(overdue);
    }
}

/// Where the plan stands, for the top of the tracking page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Every action in the plan.
    pub actions: usize,
    /// Not started, on track, at risk, done: as the team set them ([`STATUSES`]).
    pub by_status: [usize; 4],
    /// Not done and past the due date. Counted on top of the status: an action "on track" can be
    /// overdue, and that is worth saying.
    pub overdue: usize,
    /// Timeframes that say the work repeats or continues: no due date.
    pub ongoing: usize,
    /// No timeframe written.
    pub no_timeframe: usize,
    /// A timeframe written in a way the planner cannot read without guessing ("Spring 2025",
    /// "TBC"): never overdue, so worth checking by eye.
    pub unread_timeframe: usize,
    /// Per REAP theme, in theme order: the actions linked to at least one of its anchors (an
    /// action linked to two themes counts in both). SC-WRES themes need actions to link to
    /// metrics, which the plan cannot record yet.
    pub by_theme: [(Theme, Tally); 4],
    /// Per objective, by its id, in plan order (an objective with no actions has a zero tally).
    pub by_objective: Vec<(String, Tally)>,
}

/// Counts the plan's actions as of `today` (the user's local date: see [`is_overdue`]).
pub fn summary(plan: &Plan, today: Date, timeframe_of: impl Fn(&Action) -> Timeframe) -> Summary {
    let mut summary = Summary {
        actions: 0,
        by_status: [0; 4],
        overdue: 0,
        ongoing: 0,
        no_timeframe: 0,
        unread_timeframe: 0,
        by_theme: Theme::ALL.map(|theme| (theme, Tally::default())),
        by_objective: Vec::with_capacity(plan.action_plan.objectives.len()),
    };
    for objective in &plan.action_plan.objectives {
        let mut tally = Tally::default();
        for action in &objective.actions {
            let timeframe = timeframe_of(action);
            let done = action.status == ActionStatus::Done;
            let overdue = is_overdue(&timeframe, today, done);
            summary.actions += 1;
            summary.by_status[status_index(action.status)] += 1;
            summary.overdue += usize::from(overdue);
            match timeframe.kind {
                Kind::Ongoing => summary.ongoing += 1,
                Kind::Blank => summary.no_timeframe += 1,
                Kind::Unread(_) => summary.unread_timeframe += 1,
                _ => {}
            }
            tally.add(done, overdue);
            for (theme, theme_tally) in &mut summary.by_theme {
                let linked = action
                    .anchors
                    .iter()
                    .any(|id| reap::anchor(id).is_some_and(|a| a.theme == *theme));
                if linked {
                    theme_tally.add(done, overdue);
                }
            }
        }
        summary.by_objective.push((objective.id.clone(), tally));
    }
    summary
}

/// What an action answers, one line each: its REAP anchors, SC-WRES metrics, journey stages and
/// breakthrough points, in that order. A link to something this version does not know (a plan from a newer
/// version, or a file edited by hand) is shown as such, never dropped and never an error.
pub fn answers(action: &Action) -> Vec<String> {
    use crate::messages::action_plan as m;
    let mut lines = Vec::new();
    for id in &action.anchors {
        lines.push(match reap::anchor(id) {
            Some(anchor) => format!("{} {}: {}", m::LINK_ANCHOR, anchor.id, anchor.title),
            None => format!("{} \u{2018}{id}\u{2019}{}", m::LINK_ANCHOR, m::LINK_UNKNOWN),
        });
    }
    for id in &action.metrics {
        lines.push(match wres::metric_from_id(id) {
            Some(metric) => format!("{}: {}", m::LINK_METRIC, wres::metric_title(metric)),
            None => format!("{} \u{2018}{id}\u{2019}{}", m::LINK_METRIC, m::LINK_UNKNOWN),
        });
    }
    for stage in &action.stages {
        lines.push(format!("{}: {}", m::LINK_STAGE, stage.title()));
    }
    for id in &action.breakthroughs {
        lines.push(match crate::journey::breakthrough(id) {
            Some(b) => format!(
                "{}: {} ({})",
                m::LINK_BREAKTHROUGH,
                b.area.title(),
                b.stage.title()
            ),
            None => format!(
                "{} \u{2018}{id}\u{2019}{}",
                m::LINK_BREAKTHROUGH,
                m::LINK_UNKNOWN
            ),
        });
    }
    lines
}

/// Whether the action is overdue on `today` (the user's local date), reading its timeframe as
/// typed.
pub fn action_is_overdue(action: &Action, today: Date) -> bool {
    is_overdue(
        &crate::timeframe::read(&action.by_when),
        today,
        action.status == ActionStatus::Done,
    )
}

/// "Data from the metrics" for an action, as SC-WRES plans give it: each linked metric's figure in
/// the latest period with counts for it, in words ("Leaving the organisation, 2024-25: 2.00 (...).
/// <sentence>"). With `published` (a copy to share outside the team), a figure resting on small
/// numbers is withheld (METRICS.md "Small numbers"). A metric with no figures yet says so; a link
/// this version does not know gives nothing here (see [`answers`]).
pub fn data_from_metrics(plan: &Plan, action: &Action, published: bool) -> Vec<String> {
    use crate::messages::action_plan as m;
    let settings = &plan.settings;
    let mut lines = Vec::new();
    for metric in action
        .metrics
        .iter()
        .filter_map(|id| wres::metric_from_id(id))
    {
        let title = wres::metric_title(metric);
        let found = plan.data.periods.iter().rev().find_map(|period| {
            let label = period.label.trim();
            if metric == Metric::PayBands {
                let comparison = settings.comparison_group_term.trim();
                let reference = wres::reference_words(settings);
                let counts = wres::check_bands(&period.bands, comparison, reference).ok()?;
                if counts.is_empty() {
                    return None;
                }
                let figures = wres::band_figures(&period.bands, &counts, settings);
                let clear = figures.iter().any(|f| f.status.is_clear());
                let words = if clear {
                    m::BANDS_CLEAR
                } else {
                    m::BANDS_NOT_CLEAR
                };
                return Some(format!("{title}, {label}: {words}"));
            }
            wres::check_period(period, settings)
                .into_iter()
                .find_map(|(m_, _, checked)| match checked {
                    wres::Checked::Counts(counts) if m_ == metric => Some(counts),
                    _ => None,
                })
                .map(|counts| {
                    let figure = wres::figure(metric, counts, settings);
                    if published && figure.small_numbers {
                        format!("{title}, {label}: {}", m::TOO_FEW_TO_REPORT)
                    } else {
                        format!(
                            "{title}, {label}: {}. {}",
                            figure.ratio_text, figure.sentence
                        )
                    }
                })
        });
        lines.push(found.unwrap_or_else(|| format!("{title}: {}", m::NO_FIGURES_YET)));
    }
    lines
}

/// The action plan as a table in the SC-WRES column order ([`crate::messages::action_plan::EXPORT_COLUMNS`]):
/// the column names, then one row per action in plan order (an objective with no actions gets a
/// row of its own, with no number). Each row repeats its objective, so a spreadsheet can sort and
/// filter. Texts are as typed; `published` withholds figures on small numbers.
pub fn export_rows(plan: &Plan, today: Date, published: bool) -> Vec<Vec<String>> {
    use crate::messages::action_plan as m;
    let mut rows = vec![m::EXPORT_COLUMNS.iter().map(|c| c.to_string()).collect()];
    let numbers = numbers(&plan.action_plan);
    let number_of = |id: &str| {
        numbers
            .iter()
            .find(|(a, _)| a == id)
            .map_or(String::new(), |(_, n)| n.to_string())
    };
    for (i, objective) in plan.action_plan.objectives.iter().enumerate() {
        let name = match objective.title.trim() {
            "" => m::UNTITLED_OBJECTIVE,
            title => title,
        };
        let objective_words = format!("{}. {name}", i + 1);
        if objective.actions.is_empty() {
            rows.push(vec![
                String::new(),
                objective_words.clone(),
                objective.lead.trim().to_string(),
                String::new(),
                String::new(),
                objective.indicators.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for action in &objective.actions {
            let mut status = action.status.title().to_string();
            if action_is_overdue(action, today) {
                status = format!("{status}; {}", m::OVERDUE);
            }
            rows.push(vec![
                number_of(&action.id),
                objective_words.clone(),
                lead_of(objective, action).to_string(),
                data_from_metrics(plan, action, published).join("\n"),
                action.text.clone(),
                objective.indicators.clone(),
                action.by_when.clone(),
                action.progress.clone(),
                status,
                answers(action).join("\n"),
            ]);
        }
    }
    rows
}

/// Which actions to show. The default shows every action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only actions with this lead (see [`lead_of`]), matched ignoring case (A to Z only) and
    /// surrounding spaces. A blank lead picks the actions with no lead named.
    pub lead: Option<String>,
    pub status: Option<ActionStatus>,
    /// Only actions whose objective serves this SC-WRES theme (by name).
    pub theme: Option<String>,
    /// Only actions that are not done and past their due date.
    pub overdue_only: bool,
}

impl Filter {
    /// Whether the filter lets every action through.
    pub fn is_off(&self) -> bool {
        *self == Filter::default()
    }

    /// How many of the plan's actions pass the filter on `today`, and how many there are.
    pub fn count(&self, plan: &Plan, today: Date) -> (usize, usize) {
        all_actions(&plan.action_plan).fold((0, 0), |(shown, total), (objective, action)| {
            let passes = self.passes(objective, action, today);
            (shown + usize::from(passes), total + 1)
        })
    }

    /// Whether the filter hides the whole objective: it is on and none of the objective's actions
    /// pass (an objective with no actions is hidden too while a filter is on).
    pub fn hides_objective(&self, objective: &Objective, today: Date) -> bool {
        !self.is_off()
            && !objective
                .actions
                .iter()
                .any(|a| self.passes(objective, a, today))
    }

    /// Whether `action`, in `objective`, passes the filter on `today`, its timeframe read as typed.
    pub fn passes(&self, objective: &Objective, action: &Action, today: Date) -> bool {
        self.lead
            .as_deref()
            .is_none_or(|lead| lead_key(lead) == lead_key(lead_of(objective, action)))
            && self.status.is_none_or(|status| action.status == status)
            && self
                .theme
                .as_deref()
                .is_none_or(|theme| objective.theme.trim() == theme)
            && (!self.overdue_only || action_is_overdue(action, today))
    }
}

/// The actions that pass the filter, in plan order, as of `today` (the user's local date).
pub fn filter<'a>(
    plan: &'a Plan,
    filter: &Filter,
    today: Date,
    timeframe_of: impl Fn(&Action) -> Timeframe,
) -> Vec<&'a Action> {
    all_actions(&plan.action_plan)
        .filter(|(objective, action)| {
            let overdue = || {
                is_overdue(
                    &timeframe_of(action),
                    today,
                    action.status == ActionStatus::Done,
                )
            };
            Filter {
                overdue_only: false,
                ..filter.clone()
            }
            .passes(objective, action, today)
                && (!filter.overdue_only || overdue())
        })
        .map(|(_, action)| action)
        .collect()
}

/// Who leads an action: the person named on it, or when it names nobody, its objective's lead
/// (SC-WRES plans name a lead per objective). Trimmed; blank when neither names anyone.
pub fn lead_of<'a>(objective: &'a Objective, action: &'a Action) -> &'a str {
    match action.who.trim() {
        "" => objective.lead.trim(),
        who => who,
    }
}

/// The leads named in the plan, each once (as first written, trimmed), in plan order: the
/// choices for [`Filter::lead`].
pub fn leads(plan: &Plan) -> Vec<&str> {
    let mut leads: Vec<&str> = Vec::new();
    for (objective, action) in all_actions(&plan.action_plan) {
        let lead = lead_of(objective, action);
        if !lead.is_empty() && !leads.iter().any(|l| lead_key(l) == lead_key(lead)) {
            leads.push(lead);
        }
    }
    leads
}

/// A lead as compared: trimmed, in lower case ("Élodie" is "élodie").
fn lead_key(lead: &str) -> String {
    lead.trim().to_lowercase()
}

/// What the other parts of the plan found that no action answers yet. A part not in use
/// ([`crate::plan::PartsInUse`]) asks for nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unanswered {
    /// REAP anchors not met (any status but met) with no action linked, in framework order.
    pub anchors: Vec<&'static str>,
    /// The breakthrough points of the overall journey stage (after the outcome-clarity cap) with
    /// no action linked, by id, in the framework's order. Empty until a stage is agreed.
    pub breakthroughs: Vec<String>,
    /// The SC-WRES metrics whose figure is adverse in [`Self::period`] and that no action links
    /// to, in SC-WRES order.
    pub metrics: Vec<Metric>,
    /// The label of the period the metrics were read from: the latest with any count typed (a
    /// new, empty period does not hide what the last one found). `None` when there is none.
    pub period: Option<String>,
}

impl Unanswered {
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty() && self.breakthroughs.is_empty() && self.metrics.is_empty()
    }
}

/// What no action answers yet: see [`Unanswered`].
pub fn unanswered(plan: &Plan) -> Unanswered {
    let actions = &plan.action_plan;
    let mut result = Unanswered::default();
    if plan.parts_in_use.reap {
        result.anchors = reap::ANCHORS
            .iter()
            .map(|a| a.id)
            .filter(|&id| {
                !plan.reap.status(id).is_met() && actions.actions_for_anchor(id).is_empty()
            })
            .collect();
    }
    if plan.parts_in_use.journey {
        if let Some(overall) = plan.journey.overall() {
            result.breakthroughs = overall
                .stage
                .breakthroughs()
                .filter(|b| {
                    !all_actions(actions).any(|(_, a)| a.breakthroughs.iter().any(|id| id == b.id))
                })
                .map(|b| b.id.to_string())
                .collect();
        }
    }
    if let Some((period, adverse)) = latest_adverse(plan) {
        result.metrics = adverse
            .into_iter()
            .filter(|m| actions.actions_for_metric(wres::metric_id(*m)).is_empty())
            .collect();
        result.period = Some(period);
    }
    result
}

/// The latest period with any count typed (trimmed label), and the metrics adverse in it, in
/// SC-WRES order, whether or not an action answers them; `None` when no period has counts or the
/// Data part is not in use.
pub fn latest_adverse(plan: &Plan) -> Option<(String, Vec<Metric>)> {
    if !plan.parts_in_use.data {
        return None;
    }
    let period = plan.data.periods.iter().rev().find(|p| has_counts(p))?;
    Some((
        period.label.trim().to_string(),
        adverse_metrics(period, &plan.settings),
    ))
}

/// True when any count of the period has been typed.
fn has_counts(period: &crate::plan::Period) -> bool {
    let typed = |text: &str| !text.trim().is_empty();
    period
        .metrics
        .iter()
        .any(|e| wres::Count::ALL.iter().any(|c| typed(c.of(e))))
        || period
            .bands
            .iter()
            .any(|b| typed(&b.comparison) || typed(&b.reference))
}

/// The metrics whose figure for the period is adverse, in SC-WRES order: pay bands when any band
/// differs clearly from the others (bands are read two-sided), then metrics 2 to 9. Counts with
/// problems give no figure, so no status.
fn adverse_metrics(period: &crate::plan::Period, settings: &crate::plan::Settings) -> Vec<Metric> {
    let mut adverse = Vec::new();
    let comparison = settings.comparison_group_term.trim();
    let reference = wres::reference_words(settings);
    if let Ok(counts) = wres::check_bands(&period.bands, comparison, reference) {
        let figures = wres::band_figures(&period.bands, &counts, settings);
        if figures.iter().any(|f| f.status.is_clear()) {
            adverse.push(Metric::PayBands);
        }
    }
    for (metric, _, checked) in wres::check_period(period, settings) {
        if let wres::Checked::Counts(counts) = checked {
            if wres::figure(metric, counts, settings).status == RatioStatus::Adverse {
                adverse.push(metric);
            }
        }
    }
    adverse
}

/// Why a link or an id is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// An anchor id the REAP does not have.
    NotAnAnchor,
    /// A breakthrough id the journey does not have.
    NotABreakthrough,
    /// An earlier action has the same id.
    DuplicateId,
    /// The action has no id.
    BlankId,
}

/// A link or id that points nowhere, or at more than one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dangling {
    pub action_id: String,
    /// The action's number in the plan (see [`numbers`]): ids are not shown to users, and two
    /// actions with one id have different numbers.
    pub number: u32,
    /// The anchor or breakthrough id as saved; for an id problem, the id itself.
    pub link: String,
    pub why: Why,
}

impl Dangling {
    /// The problem in a sentence for the user.
    pub fn sentence(&self) -> String {
        let (number, link) = (self.number, &self.link);
        match self.why {
            Why::NotAnAnchor => format!(
                "Action {number} is linked to \u{2018}{link}\u{2019}, which is not a REAP anchor."
            ),
            Why::NotABreakthrough => format!(
                "Action {number} is linked to \u{2018}{link}\u{2019}, which is not a breakthrough point of the journey."
            ),
            Why::DuplicateId => format!(
                "Action {number} has the same id as an earlier action (\u{2018}{link}\u{2019}), so a change meant for one could reach the other."
            ),
            Why::BlankId => {
                format!("Action {number} has no id, so it cannot be changed or linked to.")
            }
        }
    }
}

/// Every link or action id that points nowhere, in plan order: anchor ids that are not REAP
/// anchors, breakthrough ids that do not exist, blank action ids, and each repeat of an action
/// id already used. Journey stages are a closed list in the saved form, so cannot dangle.
pub fn dangling_links(plan: &Plan) -> Vec<Dangling> {
    let mut found = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for ((_, action), number) in all_actions(&plan.action_plan).zip(1..) {
        let mut push = |link: &str, why: Why| {
            found.push(Dangling {
                action_id: action.id.clone(),
                number,
                link: link.to_string(),
                why,
            })
        };
        if action.id.trim().is_empty() {
            push(&action.id, Why::BlankId);
        } else if seen.contains(&action.id.as_str()) {
            push(&action.id, Why::DuplicateId);
        } else {
            seen.push(&action.id);
        }
        for anchor in &action.anchors {
            if reap::anchor(anchor).is_none() {
                push(anchor, Why::NotAnAnchor);
            }
        }
        for breakthrough in &action.breakthroughs {
            if crate::journey::breakthrough(breakthrough).is_none() {
                push(breakthrough, Why::NotABreakthrough);
            }
        }
    }
    found
}

/// Removes the first action with this id, wherever it is; false when there is none. Nothing else
/// in a plan refers to an action by id (anchors, stages and breakthroughs are linked from the
/// action's side), so no reference is left behind and the numbers after it close up.
///
/// Only the first action with the id goes: when a damaged plan has two with one id (see
/// [`dangling_links`]), the other is kept rather than lost.
pub fn remove_action(plan: &mut Plan, action_id: &str) -> bool {
    for objective in &mut plan.action_plan.objectives {
        if let Some(i) = objective.actions.iter().position(|a| a.id == action_id) {
            objective.actions.remove(i);
            return true;
        }
    }
    false
}

/// Removes the link from the first action with this id to `anchor` (every copy of it, exactly
/// as saved, so a dangling id can be removed too); false when there was no such link.
pub fn unlink_anchor(plan: &mut Plan, action_id: &str, anchor: &str) -> bool {
    match action_mut(plan, action_id) {
        Some(action) => remove_all(&mut action.anchors, anchor),
        None => false,
    }
}

/// Removes the link from the first action with this id to a breakthrough point, as
/// [`unlink_anchor`] does for an anchor.
pub fn unlink_breakthrough(plan: &mut Plan, action_id: &str, breakthrough: &str) -> bool {
    match action_mut(plan, action_id) {
        Some(action) => remove_all(&mut action.breakthroughs, breakthrough),
        None => false,
    }
}

fn action_mut<'a>(plan: &'a mut Plan, action_id: &str) -> Option<&'a mut Action> {
    plan.action_plan
        .objectives
        .iter_mut()
        .flat_map(|o| o.actions.iter_mut())
        .find(|a| a.id == action_id)
}

fn remove_all(links: &mut Vec<String>, link: &str) -> bool {
    let before = links.len();
    links.retain(|l| l != link);
    links.len() != before
}

/// Every action with its objective, in plan order.
fn all_actions(section: &ActionPlanSection) -> impl Iterator<Item = (&Objective, &Action)> {
    section
        .objectives
        .iter()
        .flat_map(|o| o.actions.iter().map(move |a| (o, a)))
}

#[cfg(test)]
mod tests;
