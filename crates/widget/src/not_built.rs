//! The honest placeholder for a part whose screen is not built yet.

use leptos::prelude::*;
use race_equity_domain::messages::{self, Part};

/// Says plainly that this part is coming, and what it will do.
#[component]
pub fn NotBuilt(part: Part) -> impl IntoView {
    view! {
        <p><strong class="rep-tag rep-tag--grey">"Not built yet"</strong></p>
        <p class="rep-body-l">{part.purpose()}</p>
        <p>{messages::NOT_BUILT_YET}</p>
    }
}
