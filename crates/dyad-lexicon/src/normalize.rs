//! How dictionary phrases and text tokens become words, so that both sides meet.
//!
//! PETRARCH dictionaries are upper case, join words with `_` and write names as they appear
//! in text ("AL-QAEDA", "U.S.", "PRESIDENT'S"). dyad's parser tokenises text the way spaCy's
//! English tokenizer does: "al-Qaeda" → `al`, `-`, `qaeda`; "president's" → `president`, `'s`;
//! "(AAIA)" → `(`, `AAIA`, `)`; "U.S." stays whole. [`words`] splits a dictionary phrase the same
//! way (a close approximation of spaCy's prefix, suffix and infix rules, without its exception
//! table, which needs the model), and lower-cases it: that is what the representation stores.
//!
//! Where the approximation and spaCy may still disagree (a period after an initial: `M.` or `M`
//! `.`; a hyphen spaCy leaves inside a token), the indexes compare *keys* ([`key`]): hyphen and
//! period tokens are transparent and a final period is dropped, on both sides. So "Richard M.
//! Nixon", "al-Qaeda", "al - Qaeda" and "Al Qaeda" all meet the dictionary's `RICHARD_M._NIXON`
//! and `AL-QAEDA`, while "US" (the pronoun) stays apart from "U.S.".

/// Splits a dictionary phrase (words separated by blanks or `_`) into normalised words.
pub fn words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        split_word(raw, &mut out);
    }
    out
}

/// Lower-cases one word and maps typographic apostrophes and dashes to ASCII.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => s.push('\''),
            '\u{2010}' | '\u{2011}' => s.push('-'),
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

const PREFIX: &[char] = &['(', '[', '{', '"', '<'];
const SUFFIX: &[char] = &[')', ']', '}', '"', ',', ';', ':', '!', '?', '>'];

/// Splits one blank-free word the way spaCy would, appending the folded pieces to `out`.
pub fn split_word(raw: &str, out: &mut Vec<String>) {
    if raw.is_empty() {
        return;
    }
    let w = fold(raw);
    let mut rest: &str = &w;
    // Prefixes.
    while let Some(c) = rest.chars().next() {
        if PREFIX.contains(&c) && rest.len() > c.len_utf8() {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        } else {
            break;
        }
    }
    // Suffixes, collected right to left.
    let mut suffixes = Vec::new();
    loop {
        if let Some(c) = rest.chars().next_back()
            && SUFFIX.contains(&c)
            && rest.len() > c.len_utf8()
        {
            suffixes.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
            continue;
        }
        if rest.len() > 2 && rest.ends_with("'s") {
            suffixes.push("'s".to_owned());
            rest = &rest[..rest.len() - 2];
            continue;
        }
        if rest.len() > 1 && rest.ends_with('\'') && !rest.starts_with('\'') {
            suffixes.push("'".to_owned());
            rest = &rest[..rest.len() - 1];
            continue;
        }
        break;
    }
    // Infixes: a hyphen or slash between a letter/digit and a letter.
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if (c == '-' || c == '/') && k > 0 && k + 1 < chars.len() {
            let before = chars[k - 1].1;
            let after = chars[k + 1].1;
            if before.is_alphanumeric() && after.is_alphabetic() {
                out.push(rest[start..i].to_owned());
                out.push(c.to_string());
                start = i + c.len_utf8();
            }
        }
    }
    if start < rest.len() {
        out.push(rest[start..].to_owned());
    }
    out.extend(suffixes.into_iter().rev());
}

/// The key a word is indexed and matched by, or `None` if the word is transparent (hyphens,
/// dashes and lone periods, which spaCy and the dictionaries place differently). A final
/// period is dropped ("u.s." → "u.s", "m." → "m").
pub fn key(word: &str) -> Option<&str> {
    match word {
        "" | "-" | "--" | "." | "\u{2013}" | "\u{2014}" => None,
        w => Some(match w.strip_suffix('.') {
            Some(s) if !s.is_empty() => s,
            _ => w,
        }),
    }
}

/// Splits a text token (as a tokenizer gives it) into keys, appending them to `out`. A token
/// yields none (a hyphen), one (the usual case) or several (a hyphenated word the tokenizer
/// left whole).
pub fn token_keys(token: &str, out: &mut Vec<String>) {
    let mut pieces = Vec::new();
    split_word(token, &mut pieces);
    for p in pieces {
        if let Some(k) = key(&p) {
            out.push(k.to_owned());
        }
    }
}

/// Keys of a dictionary phrase's normalised words.
pub fn phrase_keys(words: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        token_keys(w, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn splits_like_spacy() {
        assert_eq!(w("AL-QAEDA"), ["al", "-", "qaeda"]);
        assert_eq!(w("UNITED_STATES"), ["united", "states"]);
        assert_eq!(w("U.S."), ["u.s."]);
        assert_eq!(w("PRESIDENT'S OFFICE"), ["president", "'s", "office"]);
        assert_eq!(w("ANARCHISTS'_ATTACK"), ["anarchists", "'", "attack"]);
        assert_eq!(w("ADEN_ARMY_(AAIA)_"), ["aden", "army", "(", "aaia", ")"]);
        assert_eq!(w("EC/UNFPA"), ["ec", "/", "unfpa"]);
        assert_eq!(w("PA'ANGA"), ["pa'anga"]);
        assert_eq!(w("DID N'T"), ["did", "n't"]);
        assert_eq!(w("F-16"), ["f-16"], "no split before a digit");
        assert_eq!(w("  KIM__JONG  UN_ "), ["kim", "jong", "un"]);
        assert!(w("").is_empty());
        assert_eq!(w("-"), ["-"]);
        assert_eq!(w("((("), ["(", "(", "("]);
    }

    #[test]
    fn keys_meet() {
        let name = phrase_keys(&w("RICHARD_M._NIXON"));
        let mut text = Vec::new();
        for t in ["Richard", "M", ".", "Nixon"] {
            token_keys(t, &mut text);
        }
        assert_eq!(name, text);
        let mut text2 = Vec::new();
        for t in ["Richard", "M.", "Nixon"] {
            token_keys(t, &mut text2);
        }
        assert_eq!(name, text2);
        assert_eq!(phrase_keys(&w("AL-QAEDA")), ["al", "qaeda"]);
        let mut t = Vec::new();
        token_keys("al-Qaeda", &mut t);
        assert_eq!(t, ["al", "qaeda"]);
        assert_ne!(phrase_keys(&w("U.S.")), phrase_keys(&w("US")));
    }

    #[test]
    fn typographic_forms_fold() {
        assert_eq!(w("Russia\u{2019}s"), ["russia", "'s"]);
        assert_eq!(w("ÉTAT"), ["état"]);
    }
}
