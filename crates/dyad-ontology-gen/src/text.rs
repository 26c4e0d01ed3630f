//! Text helpers: title case for CountryInfo's upper-case names, and `|` lists.

/// Words written in lower case inside a name ("Bosnia and Herzegovina", "Dar es Salaam").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "au", "da", "de", "del", "des", "do", "du", "es", "et", "for", "in",
    "la", "le", "of", "on", "the", "y",
];

/// Title case for an upper-case name: each word capitalised, small joining words in lower case
/// (except first), letters after `-`, `/`, `(` and `.` capitalised ("Guinea-Bissau", "D.C."), and
/// a one-letter elided article before an apostrophe handled ("Cote d'Ivoire", "N'Djamena").
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            cap_word(&lower, i == 0, &mut out);
        }
    }
    out
}

/// Writes one lower-cased word with its capitals.
fn cap_word(word: &str, first_word: bool, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    // "d'ivoire" -> "d'Ivoire" (inside a name), "n'djamena" -> "N'Djamena".
    let elided = chars.len() > 2 && chars.get(1) == Some(&'\'');
    let mut capital_next = true;
    for (i, &c) in chars.iter().enumerate() {
        let keep_lower = elided && i == 0 && !first_word && matches!(c, 'd' | 'l');
        if capital_next && c.is_alphabetic() && !keep_lower {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        if c.is_alphabetic() {
            capital_next = false;
        }
        if matches!(c, '-' | '/' | '(' | '.') || (elided && i == 1) {
            capital_next = true;
        }
    }
}

/// Splits a `|` list, trims the items and drops empty ones and repeats (first one kept).
pub(crate) fn split_list(s: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in s.split('|').map(str::trim).filter(|i| !i.is_empty()) {
        if !items.iter().any(|x| x == item) {
            items.push(item.to_string());
        }
    }
    items
}

/// Whether a name form is damaged: a replacement character or a control character in it.
pub(crate) fn is_damaged(s: &str) -> bool {
    s.chars().any(|c| c == '\u{FFFD}' || c.is_control())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn title_cases_country_names() {
        let cases = [
            ("BOSNIA AND HERZEGOVINA", "Bosnia and Herzegovina"),
            ("COTE D'IVOIRE", "Cote d'Ivoire"),
            ("N'DJAMENA", "N'Djamena"),
            ("SAINT JOHN'S", "Saint John's"),
            ("NUKU'ALOFA", "Nuku'alofa"),
            ("GUINEA-BISSAU", "Guinea-Bissau"),
            ("WASHINGTON D.C.", "Washington D.C."),
            ("ST. GEORGE'S", "St. George's"),
            ("BOSNIAK/CROAT FEDERATION", "Bosniak/Croat Federation"),
            ("DAR ES SALAAM", "Dar es Salaam"),
            ("LA PAZ", "La Paz"),
            ("ANDORRA LA VELLA", "Andorra la Vella"),
            ("THE GAMBIA", "The Gambia"),
            ("I-KIRIBATI", "I-Kiribati"),
            (
                "DEMOCRATIC REPUBLIC OF THE CONGO",
                "Democratic Republic of the Congo",
            ),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(title_case(raw), want, "{raw}");
        }
    }

    #[test]
    fn lists_are_trimmed_and_deduplicated() {
        assert_eq!(split_list(" A |B||A| "), vec!["A", "B"]);
        assert!(split_list("").is_empty());
        assert!(is_damaged("NIG\u{FFFD}ERIA"));
        assert!(is_damaged("A\0B"));
        assert!(!is_damaged("COTE D'IVOIRE"));
    }

    proptest::proptest! {
        /// Title case changes only letter case (for ASCII names) and is idempotent.
        #[test]
        fn title_case_only_changes_case(s in "[A-Z' ./()-]{0,30}") {
            let t = title_case(&s);
            proptest::prop_assert_eq!(t.to_uppercase(), s.clone());
            proptest::prop_assert_eq!(title_case(&t.to_uppercase()), t);
        }

        /// Any text is safe.
        #[test]
        fn any_text_is_safe(s in "\\PC{0,20}") {
            let _ = title_case(&s);
            let _ = split_list(&s);
        }
    }
}
