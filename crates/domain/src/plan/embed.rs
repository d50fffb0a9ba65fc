//! The plan inside the single HTML file: writing a plan into the file's
//! `<script type="application/json" id="rep-embedded-plan">` block, and reading it back.

use std::fmt;
use std::ops::Range;

use super::{load, to_json, LoadError, Loaded, Plan};

/// The id of the script element that carries the plan.
pub const EMBEDDED_PLAN_ELEMENT_ID: &str = "rep-embedded-plan";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    /// The HTML has no `<script id="rep-embedded-plan">` block to hold a plan.
    NoPlanBlock,
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbedError::NoPlanBlock => f.write_str(
                "This copy of the planner has no place to hold a plan, so the plan could not be put inside it. Download the plan as a file instead.",
            ),
        }
    }
}

impl std::error::Error for EmbedError {}

/// `html` with the plan's JSON as the content of its plan block (replacing what was there).
/// `<`, `>` and `&` are written as JSON escapes, so no text in the plan can end the script element.
pub fn embed_plan_in_html(html: &str, plan: &Plan) -> Result<String, EmbedError> {
    let block = plan_block(html).ok_or(EmbedError::NoPlanBlock)?;
    let json = to_json(plan)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    Ok([&html[..block.start], json.as_str(), &html[block.end..]].concat())
}

/// The plan carried in `html`, if it carries one: `None` when there is no plan block or it is
/// empty (as in the single file as built), otherwise the result of reading it.
pub fn extract_embedded_plan(html: &str) -> Option<Result<Loaded, LoadError>> {
    let text = html[plan_block(html)?].trim();
    (!text.is_empty() && text != "null").then(|| load(text))
}

/// The byte range of the plan block's content. Reads script elements as a browser does: a
/// script's content runs to the first `</script`, so text inside another script is skipped.
fn plan_block(html: &str) -> Option<Range<usize>> {
    // ASCII lowercasing keeps every byte where it was, so positions carry over to `html`.
    let lower = html.to_ascii_lowercase();
    let id = EMBEDDED_PLAN_ELEMENT_ID;
    let ids = [
        format!("id=\"{id}\""),
        format!("id='{id}'"),
        format!("id={id}"),
    ];
    let mut from = 0;
    loop {
        let open = from + lower[from..].find("<script")?;
        let content = open + lower[open..].find('>')? + 1;
        let end = content + lower[content..].find("</script")?;
        let tag = &lower[open..content];
        if ids.iter().any(|id| tag.contains(id.as_str())) {
            return Some(content..end);
        }
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head><script>var x = '<script id=\"rep-embedded-plan\">';</script>\
        <script type=\"application/json\" id=\"rep-embedded-plan\"></script></head><body></body></html>";

    #[test]
    fn a_plan_put_in_the_page_comes_back_out() {
        let plan = Plan::example();
        let page = embed_plan_in_html(PAGE, &plan).unwrap();
        let loaded = extract_embedded_plan(&page).unwrap().unwrap();
        assert_eq!(loaded.plan, plan);
        assert!(page.ends_with("</script></head><body></body></html>"));
        assert!(page.starts_with("<!doctype html><html><head><script>var x = '<script id=\"rep-embedded-plan\">';</script>"));
    }

    #[test]
    fn a_hostile_title_cannot_end_the_script_element() {
        let mut plan = Plan::example();
        plan.title = "</script><script>alert(1)</script><!-- & -->".into();
        plan.reap.anchors.entry("1.1".into()).or_default().evidence = "</SCRIPT >".into();
        let page = embed_plan_in_html(PAGE, &plan).unwrap();
        let block = plan_block(&page).unwrap();
        let content = &page[block.clone()];
        assert!(!content.contains(['<', '>', '&']), "{content}");
        assert!(page[block.end..].starts_with("</script></head>"));
        assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 2);
        let loaded = extract_embedded_plan(&page).unwrap().unwrap();
        assert_eq!(loaded.plan.title, plan.title);
        assert_eq!(loaded.plan.reap.anchors["1.1"].evidence, "</SCRIPT >");
    }

    #[test]
    fn embedding_again_replaces_the_plan_already_there() {
        let first = embed_plan_in_html(PAGE, &Plan::example()).unwrap();
        let second_plan = Plan::new("p2", "Second", "2025-01-01T00:00:00Z");
        let second = embed_plan_in_html(&first, &second_plan).unwrap();
        assert_eq!(
            extract_embedded_plan(&second).unwrap().unwrap().plan,
            second_plan
        );
        assert_eq!(second.matches(EMBEDDED_PLAN_ELEMENT_ID).count(), 2);
    }

    #[test]
    fn a_page_without_a_plan_block_is_refused_and_carries_no_plan() {
        let page = "<html><script>1</script></html>";
        assert_eq!(
            embed_plan_in_html(page, &Plan::example()),
            Err(EmbedError::NoPlanBlock)
        );
        assert!(EmbedError::NoPlanBlock
            .to_string()
            .contains("Download the plan as a file instead"));
        assert!(extract_embedded_plan(page).is_none());
        assert!(
            extract_embedded_plan("<script id=\"rep-embedded-plan\">{").is_none(),
            "unclosed block"
        );
    }

    #[test]
    fn an_empty_block_carries_no_plan() {
        assert!(extract_embedded_plan(PAGE).is_none());
        let page = "<script type='application/json' id='rep-embedded-plan'> null </script>";
        assert!(extract_embedded_plan(page).is_none());
    }

    #[test]
    fn attributes_in_any_order_and_any_case_are_found() {
        let page =
            "<SCRIPT ID='rep-embedded-plan' TYPE=\"application/json\">{\"title\": \"T\"}</SCRIPT>";
        assert_eq!(
            extract_embedded_plan(page).unwrap().unwrap().plan.title,
            "T"
        );
    }

    #[test]
    fn a_damaged_block_is_reported_not_ignored() {
        let page =
            "<script type=\"application/json\" id=\"rep-embedded-plan\">{\"title\": </script>";
        assert!(matches!(
            extract_embedded_plan(page),
            Some(Err(LoadError::NotJson { .. }))
        ));
    }
}
