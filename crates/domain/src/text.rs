//! Small text helpers every layer may use: a list in words, a value quoted in a message, and the
//! key a department's name is kept under.

/// "a", "a and b", "a, b and c": a list the GOV.UK way, with no comma before "and".
pub fn list_with_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// The key a department's agreed stage is kept under: its name trimmed, in lower case, so that
/// "Housing" and " housing " are one department (as the workshop summary groups them), and
/// "Éducation" and "éducation" too.
pub fn department_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Text in ‘ ’ quotes, cut short if long.
pub fn quote(text: &str) -> String {
    match text.char_indices().nth(20) {
        Some((end, _)) => format!("\u{2018}{}\u{2026}\u{2019}", &text[..end]),
        None => format!("\u{2018}{text}\u{2019}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(list_with_and::<&str>(&[]), "");
        assert_eq!(list_with_and(&["1.1"]), "1.1");
        assert_eq!(list_with_and(&["1.1", "1.2"]), "1.1 and 1.2");
        assert_eq!(list_with_and(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn department_keys_ignore_case_and_spaces_in_any_alphabet() {
        assert_eq!(department_key(" Housing "), department_key("housing"));
        assert_eq!(department_key("Éducation"), department_key("éducation"));
        assert_ne!(department_key("Housing"), department_key("Health"));
    }
}
