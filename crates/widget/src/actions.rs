//! An action's fields (what, who, by when) as one row, wherever an action is listed: under a REAP
//! anchor, under the journey's agreed stage, and in the action plan.

use leptos::prelude::*;
use race_equity_domain::messages::forms as m;
use race_equity_domain::plan::edits::Edit;
use race_equity_domain::plan::Action;

use crate::form::{text_of, DateInput, FieldLabel, TextInput};
use crate::state::Planner;

/// The open plan's action with this id, as a memo: the row redraws only when its action changes.
pub fn action_memo(planner: Planner, id: String) -> Memo<Option<Action>> {
    Memo::new(move |_| {
        planner.plan.with(|p| {
            p.action_plan
                .objectives
                .iter()
                .flat_map(|o| &o.actions)
                .find(|a| a.id == id)
                .cloned()
        })
    })
}

/// The three fields of the action `id`. `prefix` starts the fields' ids ("rep-x" gives
/// `rep-x-<id>-text`); `which` names the action for screen readers ("action 2 for 1.3").
#[component]
pub fn ActionFields(
    prefix: &'static str,
    #[prop(into)] id: String,
    #[prop(into)] which: Signal<String>,
) -> impl IntoView {
    let planner = expect_context::<Planner>();
    let action = action_memo(planner, id.clone());
    let field = move |get: fn(&Action) -> &String| text_of(action, get);
    let edit = |make: fn(String, String) -> Edit| planner.on_input(id.clone(), make);
    let text_id = format!("{prefix}-{id}-text");
    let who_id = format!("{prefix}-{id}-who");
    let when_id = format!("{prefix}-{id}-by_when");
    view! {
        <div class="rep-form-row">
            <div class="rep-form-group">
                <FieldLabel for_id=text_id.clone() text=m::ACTION which=which/>
                <TextInput
                    id=text_id
                    width="rep-input--wide"
                    value=field(|a| &a.text)
                    on_input=edit(|id, text| Edit::SetActionText { id, text })
                />
            </div>
            <div class="rep-form-group">
                <FieldLabel for_id=who_id.clone() text=m::WHO which=which/>
                <TextInput
                    id=who_id
                    width="rep-input--medium"
                    value=field(|a| &a.who)
                    on_input=edit(|id, who| Edit::SetActionWho { id, who })
                />
            </div>
            <div class="rep-form-group">
                <FieldLabel for_id=when_id.clone() text=m::BY_WHEN which=which/>
                <DateInput
                    id=when_id
                    value=field(|a| &a.by_when)
                    on_input=edit(|id, by_when| Edit::SetActionByWhen { id, by_when })
                />
            </div>
        </div>
    }
}
