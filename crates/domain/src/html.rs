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

/// The start of every printable page, up to its `<title>`. Its policy lets the page use its own
/// inline styles and nothing else: no script, no request, even if escaping ever failed.
pub const PRINT_HEAD: &str = "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

/// The styles every printable page shares (the page size and each page's own rules come first,
/// in the page): 11pt black on white, borders on every cell, table headings repeated on each
/// printed page, rows and headings kept from splitting across pages.
pub const PRINT_STYLE: &str = "*{box-sizing:border-box}\
body{margin:0;font:11pt/1.35 Arial,Helvetica,sans-serif;color:#000;background:#fff}\
h1{font-size:18pt;margin:0 0 6pt}\
h2{font-size:14pt;margin:18pt 0 6pt;break-after:avoid;page-break-after:avoid}\
h3{font-size:12pt;margin:12pt 0 4pt;break-after:avoid;page-break-after:avoid}\
p,ul{margin:0 0 6pt}\
table{width:100%;border-collapse:collapse;margin:0 0 10pt}\
thead{display:table-header-group}\
tr,th,td{break-inside:avoid;page-break-inside:avoid}\
th,td{border:1px solid #000;padding:3pt 4pt;text-align:left;vertical-align:top;overflow-wrap:break-word}";

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
