//! Which screen the planner shows, and moving between screens. Below every screen, so that a
//! screen can send the user to another (a journey stage's anchor, say) without importing the shell.

use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

use crate::form::{focus_soon, AppRoot};

/// The id of the shell's heading, which names the screen shown.
pub const SCREEN_HEADING: &str = "rep-screen-heading";

/// Which screen the shell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Part(Part),
    Plans,
}

impl Screen {
    /// Every screen, in the order the navigation lists them.
    pub fn all() -> Vec<Screen> {
        [Screen::Home]
            .into_iter()
            .chain(Part::ALL.into_iter().map(Screen::Part))
            .chain([Screen::Plans])
            .collect()
    }

    /// The screen's name in a class (`rep-main--data`): the main column's width follows the screen.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Part(part) => part.slug(),
            Screen::Plans => "plans",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Screen::Home => messages::HOME_TITLE,
            Screen::Part(part) => part.title(),
            Screen::Plans => messages::PLANS_TITLE,
        }
    }
}

/// The shell's current screen, given as context.
pub fn current_screen() -> RwSignal<Screen> {
    expect_context::<RwSignal<Screen>>()
}

/// Shows the REAP checklist and moves focus to the heading of `anchor` ("1.2"), after the shell
/// has moved it to the screen's heading.
pub fn go_to_anchor(screen: RwSignal<Screen>, app: AppRoot, anchor: &str) {
    screen.set(Screen::Part(Part::Reap));
    focus_soon(app, format!("rep-a-{}-title", anchor.replace('.', "-")));
}
