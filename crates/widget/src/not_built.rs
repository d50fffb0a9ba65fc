//! The honest placeholder for a part whose screen is not built yet.

use std::fmt::Write;
use std::rc::Rc;

use leptos::prelude::*;
use race_equity_domain::html::E;
use race_equity_domain::messages::{self, Part};

use crate::live_html::live_html;

/// Says plainly that this part is coming, and what it will do. HTML text, like the other
/// screens (see `live_html.rs`).
pub fn not_built(part: Part) -> impl IntoView {
    let render = Rc::new(move || {
        let mut h = String::new();
        w!(
            h,
            r#"<p><strong class="rep-tag rep-tag--grey">{}</strong></p><p class="rep-body-l">{}</p><p>{}</p>"#,
            E(messages::NOT_BUILT_TAG),
            E(part.purpose()),
            E(messages::NOT_BUILT_YET)
        );
        h
    });
    live_html("rep-not-built", render, Rc::new(|_, _| None))
}
