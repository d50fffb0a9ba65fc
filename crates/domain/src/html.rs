//! Small HTML fragments for long, read-only text such as framework guidance.
//!
//! The widget shows these with `innerHTML`: one string costs almost nothing in the wasm, where a
//! view per list item would compile its own rendering code. Every piece of text is escaped here,
//! so nothing a user or a file provides can become markup.

/// Escapes text for use inside HTML elements and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
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
    fn an_empty_list_is_left_out() {
        assert_eq!(titled_list("Ideas", &[]), "");
    }
}
