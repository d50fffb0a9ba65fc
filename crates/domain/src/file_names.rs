//! The names of the files the planner offers for download: they say what and when.

/// `race-equity-plan-<title>-<what>-<date>.<extension>`, e.g.
/// `race-equity-plan-northfield-ips-team-backup-2026-11-28.json`. `now` is an RFC 3339 time; its
/// date is used. The title is reduced to lower-case letters, digits and dashes (at most 60).
pub fn download_name(title: &str, what: &str, now: &str, extension: &str) -> String {
    let mut name = String::from("race-equity-plan");
    for part in [slug(title), slug(what)] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(&part);
        }
    }
    let date = now
        .get(..10)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
    if let Some(date) = date {
        name.push('-');
        name.push_str(date);
    }
    format!("{name}.{extension}")
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
    trimmed.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::download_name;

    #[test]
    fn says_what_and_when() {
        assert_eq!(
            download_name(
                "Example: Northfield IPS team (fictional)",
                "",
                "2026-11-28T10:00:00Z",
                "json"
            ),
            "race-equity-plan-example-northfield-ips-team-fictional-2026-11-28.json"
        );
        assert_eq!(
            download_name("", "all plans backup", "2026-01-02T00:00:00.000Z", "json"),
            "race-equity-plan-all-plans-backup-2026-01-02.json"
        );
    }

    #[test]
    fn hostile_titles_become_safe_names() {
        let name = download_name("../../etc/passwd <script>", "", "not a date", "html");
        assert_eq!(name, "race-equity-plan-etc-passwd-script.html");
        let long = "a".repeat(500);
        assert!(download_name(&long, "", "2026-11-28", "json").len() < 100);
        assert_eq!(
            download_name("Équipe 東京", "", "2026-11-28", "json"),
            "race-equity-plan-quipe-2026-11-28.json"
        );
    }
}
