//! Who a print is for, and printing the workshop pack and the results.

use leptos::prelude::*;
use race_equity_domain::journey_print;
use race_equity_domain::messages::journey as m;

use crate::form::{app_root, chosen_audience, print, AudienceChoice, Button};
use crate::state::{today, Planner};

/// The radio group asking who the printed results are for (the workshop pack holds no counts).
const AUDIENCE: &str = "rep-j-audience";

#[component]
pub fn Prints() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let app = app_root();
    let audience = RwSignal::new(chosen_audience(AUDIENCE));
    let pack = Callback::new(move |()| {
        let page = planner
            .plan
            .with_untracked(journey_print::workshop_pack_html);
        print(app, &page, m::PRINT_FRAME_TITLE);
    });
    let results = Callback::new(move |()| {
        // Shared outside the team, the results hide small counts (METRICS.md "Small numbers").
        let page = planner
            .plan
            .with_untracked(|p| journey_print::results_html(p, &today(), audience.get_untracked()));
        print(app, &page, m::PRINT_FRAME_TITLE);
    });
    view! {
        <AudienceChoice name=AUDIENCE chosen=audience/>
        <div class="rep-button-group">
            <Button id="rep-j-print-pack" label=m::PRINT_PACK.to_string() on_press=pack always=true/>
            <Button id="rep-j-print-results" label=m::PRINT_RESULTS.to_string() on_press=results always=true/>
        </div>
    }
}
