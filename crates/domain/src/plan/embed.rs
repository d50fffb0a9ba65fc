//! The plan inside the single HTML file: writing a plan into the file's
//! `<script type="application/json" id="rep-embedded-plan">` block, and reading it back.

use std::fmt;
use std::ops::Range;

use super::{load, LoadError, Loaded};

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

/// `html` with a plan's saved text as the content of its plan block (replacing what was there),
/// and `copy_id` as the block's `data-copy`. The text is the plan exactly as saved, so a plan
/// from a newer version keeps what this version cannot read. `<`, `>` and `&` (which can only
/// stand inside JSON strings) are written as JSON escapes, so no text in the plan can end the
/// script element; the JSON reads back the same. `copy_id` tells this copy apart from every other
/// copy of the same plan (see [`copy_namespace`]).
pub fn embed_plan_in_html(
    html: &str,
    saved_text: &str,
    copy_id: &str,
) -> Result<String, EmbedError> {
    let (tag, block) = plan_block(html).ok_or(EmbedError::NoPlanBlock)?;
    // Made by `new_copy_id`, so always plain; anything else is left out rather than written.
    let copy = if is_plain(copy_id) {
        format!(" data-copy=\"{copy_id}\"")
    } else {
        String::new()
    };
    let json = saved_text
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let open =
        format!("<script type=\"application/json\" id=\"{EMBEDDED_PLAN_ELEMENT_ID}\"{copy}>");
    Ok([
        &html[..tag.start],
        open.as_str(),
        json.as_str(),
        &html[block.end..],
    ]
    .concat())
}

/// The plan carried in `html`, if it carries one: `None` when there is no plan block or it is
/// empty (as in the single file as built), otherwise the result of reading it.
pub fn extract_embedded_plan(html: &str) -> Option<Result<Loaded, LoadError>> {
    let (_, block) = plan_block(html)?;
    let text = html[block].trim();
    (!text.is_empty() && text != "null").then(|| load(text))
}

/// The copy id written into `html`'s plan block, if it has a plain one.
pub fn embedded_copy_id(html: &str) -> Option<String> {
    let (tag, _) = plan_block(html)?;
    let tag = &html[tag];
    let at = tag.find("data-copy=\"")? + "data-copy=\"".len();
    let id = &tag[at..at + tag[at..].find('"')?];
    is_plain(id).then(|| id.to_string())
}

/// Where a single file that carries a plan keeps it: a namespace of its own, so opening it never
/// touches the recipient's other plans, told apart by the copy's id so that two people's copies
/// of the same plan never open each other's version. A copy made before copies had ids (or one
/// whose id is not plain, which comes from a file and is not trusted) uses the plan's id alone,
/// as those copies always did.
pub fn copy_namespace(namespace: &str, plan_id: &str, copy_id: Option<&str>) -> String {
    match copy_id.filter(|id| is_plain(id)) {
        Some(copy) => format!("{namespace}/copy/{plan_id}/{copy}"),
        None => format!("{namespace}/copy/{plan_id}"),
    }
}

/// A copy id made from the time and a random number the caller supplies (the domain has no
/// clock or randomness): `c` and base-36 digits, plain.
pub fn new_copy_id(millis_since_epoch: u64, random: u64) -> String {
    fn base36(mut n: u64, out: &mut String) {
        let mut digits = Vec::new();
        loop {
            digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.extend(digits.iter().rev().map(|&b| b as char));
    }
    let mut id = String::from("c");
    base36(millis_since_epoch, &mut id);
    id.push('-');
    base36(random, &mut id);
    id
}

/// Letters, digits, `-` and `_`, 1 to 64 of them.
fn is_plain(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The byte ranges of the plan block's opening tag and of its content. Reads script elements as
/// a browser does: a script's content runs to the first `</script`, so text inside another
/// script is skipped.
fn plan_block(html: &str) -> Option<(Range<usize>, Range<usize>)> {
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
            return Some((open..content, content..end));
        }
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{to_json, Plan};

    const PAGE: &str = "<!doctype html><html><head><script>var x = '<script id=\"rep-embedded-plan\">';</script>\
        <script type=\"application/json\" id=\"rep-embedded-plan\"></script></head><body></body></html>";

    #[test]
    fn a_plan_put_in_the_page_comes_back_out() {
        let plan = Plan::example();
        let page = embed_plan_in_html(PAGE, &to_json(&plan), "c1").unwrap();
        let loaded = extract_embedded_plan(&page).unwrap().unwrap();
        assert_eq!(loaded.plan, plan);
        assert!(page.ends_with("</script></head><body></body></html>"));
        assert!(page.starts_with("<!doctype html><html><head><script>var x = '<script id=\"rep-embedded-plan\">';</script><script type=\"application/json\" id=\"rep-embedded-plan\" data-copy=\"c1\">"));
    }

    #[test]
    fn a_hostile_title_cannot_end_the_script_element() {
        let mut plan = Plan::example();
        plan.title = "</script><script>alert(1)</script><!-- & -->".into();
        plan.reap.anchors.entry("1.1".into()).or_default().evidence = "</SCRIPT >".into();
        let page = embed_plan_in_html(PAGE, &to_json(&plan), "c1").unwrap();
        let (_, block) = plan_block(&page).unwrap();
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
        let first = embed_plan_in_html(PAGE, &to_json(&Plan::example()), "c1").unwrap();
        let second_plan = Plan::new("p2", "Second", "2025-01-01T00:00:00Z");
        let second = embed_plan_in_html(&first, &to_json(&second_plan), "c2").unwrap();
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
            embed_plan_in_html(page, &to_json(&Plan::example()), "c1"),
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

    #[test]
    fn two_copies_of_one_plan_keep_apart_and_the_same_copy_finds_itself() {
        let plan = to_json(&Plan::example());
        let alice = embed_plan_in_html(PAGE, &plan, &new_copy_id(1_765_000_000_000, 7)).unwrap();
        let bob = embed_plan_in_html(PAGE, &plan, &new_copy_id(1_765_000_000_001, 7)).unwrap();
        let ns = |page: &str| {
            let id = extract_embedded_plan(page).unwrap().unwrap().plan.id;
            copy_namespace("single-file", &id, embedded_copy_id(page).as_deref())
        };
        assert_ne!(ns(&alice), ns(&bob));
        assert_eq!(ns(&alice), ns(&alice.clone()));
        assert!(ns(&alice).starts_with("single-file/copy/example/c"));
        // A copy made again from a copy is a new copy.
        let again = embed_plan_in_html(&alice, &plan, "c-other").unwrap();
        assert_eq!(embedded_copy_id(&again).as_deref(), Some("c-other"));
        assert_eq!(again.matches("data-copy").count(), 1);
    }

    #[test]
    fn a_copy_made_before_copy_ids_keeps_its_old_namespace_and_hostile_ids_are_ignored() {
        assert_eq!(embedded_copy_id(PAGE), None);
        assert_eq!(copy_namespace("k", "example", None), "k/copy/example");
        let hostile = "<script type=\"application/json\" id=\"rep-embedded-plan\" data-copy=\"x/../y\">{}</script>";
        assert_eq!(embedded_copy_id(hostile), None);
        assert_eq!(copy_namespace("k", "p1", Some("../p2")), "k/copy/p1");
        let no_id = embed_plan_in_html(PAGE, "{}", "a\"b").unwrap();
        assert_eq!(embedded_copy_id(&no_id), None);
        assert!(!no_id.contains("a\"b"));
    }

    #[test]
    fn a_newer_versions_plan_is_carried_exactly_as_saved() {
        let saved = r#"{"schema_version":99,"id":"future","title":"A & B <c>","a_part_added_later":{"x":[1,2]}}"#;
        let page = embed_plan_in_html(PAGE, saved, "c1").unwrap();
        let (_, block) = plan_block(&page).unwrap();
        let carried: serde_json::Value = serde_json::from_str(&page[block]).unwrap();
        let original: serde_json::Value = serde_json::from_str(saved).unwrap();
        assert_eq!(carried, original, "every part, known or not, is carried");
        assert_eq!(
            page[plan_block(&page).unwrap().1]
                .replace("\\u003c", "<")
                .replace("\\u003e", ">")
                .replace("\\u0026", "&"),
            saved,
            "byte for byte but for the three escapes"
        );
    }
}
