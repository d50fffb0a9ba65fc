//! HTML as text: escaping, and [`E`], which escapes a value as `write!` writes it into the
//! widget's screens and the printed pages.
//!
//! The widget draws its larger screens as HTML text and patches the page to match (see
//! `crates/widget/src/live_html.rs` and ARCHITECTURE.md, "How screens are drawn"): a string writer
//! with the markup in `write!` format strings compiles to a fraction of the wasm that a Leptos view
//! of the same screen does (the format strings are data, which compresses well). Every piece of
//! text goes through [`E`] or [`escape`], so nothing a user or a file provides can become markup.

/// Escapes text for use inside HTML elements and quoted attributes.
pub fn escape(text: &str) -> String {
    E(text).to_string()
}

/// Text escaped as it is written, for `write!` into HTML:
/// `write!(out, "<p title='{}'>{}</p>", E(title), E(text))`. Markup is written by the format
/// string; every value goes through `E`, so nothing a user typed can become markup.
pub struct E<'a>(pub &'a str);

impl std::fmt::Display for E<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// A heading (`<h4>`) and a bulleted list, or nothing when there are no items.
pub fn titled_list(title: &str, items: &[&str]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h4 class=\"rep-heading-s\">{}</h4><ul class=\"rep-list\">",
        escape(title)
    );
    for item in items {
        out.push_str("<li>");
        out.push_str(&escape(item));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_becomes_markup() {
        let hostile = r#"</li><script>alert("x")</script><img src=x onerror='y'>&amp;"#;
        let escaped = escape(hostile);
        assert!(
            !escaped.contains('<')
                && !escaped.contains('>')
                && !escaped.contains('"')
                && !escaped.contains('\'')
        );
        assert_eq!(
            escape("Tom & Jerry's <b>"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;"
        );
        let list = titled_list("Questions <to> ask", &[hostile, "plain"]);
        assert_eq!(list.matches("<li>").count(), 2);
        assert!(list.starts_with("<h4 class=\"rep-heading-s\">Questions &lt;to&gt; ask</h4>"));
        assert!(!list.contains("<script>"));
    }

    #[test]
    fn e_escapes_as_it_writes() {
        let hostile = r#"</li><script>alert("x")</script>&'"#;
        assert_eq!(E(hostile).to_string(), escape(hostile));
        assert_eq!(
            format!("<p title='{}'>{}</p>", E("a'b"), E("x<y")),
            "<p title='a&#39;b'>x&lt;y</p>"
        );
        assert_eq!(E("").to_string(), "");
    }

    #[test]
    fn an_empty_list_is_left_out() {
        assert_eq!(titled_list("Ideas", &[]), "");
    }
}
