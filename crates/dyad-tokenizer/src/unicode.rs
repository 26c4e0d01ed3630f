//! Python's `str` character semantics (`isspace`, `isalpha`, `isdigit`, `isupper`, `lower` ...), as
//! spaCy uses them, read from tables generated out of the same Python that wrote the reference
//! (`tools/tokenizer/gen_tables.py`).
//!
//! Rust's `char` methods are close but not equal: Python splits on `\x1c`..`\x1f` as whitespace;
//! Rust's `is_alphabetic` also accepts vowel signs and letter numerals, which Python's `isalpha`
//! does not; and the Unicode versions differ.

use crate::tables::{CHAR_FLAGS, LOWER_MAP};

pub(crate) const ALPHA: u16 = 1;
pub(crate) const DIGIT: u16 = 1 << 1;
pub(crate) const SPACE: u16 = 1 << 2;
pub(crate) const UPPER: u16 = 1 << 3;
pub(crate) const LOWER: u16 = 1 << 4;
pub(crate) const TITLE: u16 = 1 << 5;
pub(crate) const PUNCT: u16 = 1 << 6;
pub(crate) const CURRENCY: u16 = 1 << 7;
pub(crate) const CASED: u16 = 1 << 8;
pub(crate) const CASE_IGNORABLE: u16 = 1 << 9;

/// The flag bits of one character (bits above).
pub(crate) fn flags(c: char) -> u16 {
    let cp = u32::from(c);
    match CHAR_FLAGS.binary_search_by(|&(first, last, _)| {
        if last < cp {
            std::cmp::Ordering::Less
        } else if first > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => CHAR_FLAGS.get(i).map_or(0, |&(_, _, f)| f),
        Err(_) => 0,
    }
}

/// Python `c.isspace()`: the characters `str.split()` and spaCy's tokenizer split on.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{b}'
            | '\u{c}'
            | '\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python `c.isalpha()`.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & ALPHA != 0
}

/// Python `c.isdigit()`.
#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    flags(c) & DIGIT != 0
}

/// Python `c.isupper()` for one character.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    flags(c) & UPPER != 0
}

/// Appends Python's `s.lower()` to `out` (full case mapping, final sigma in context).
pub(crate) fn push_lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{3a3}' {
            out.push(if final_sigma(s, i) {
                '\u{3c2}'
            } else {
                '\u{3c3}'
            });
        } else {
            match LOWER_MAP.binary_search_by_key(&u32::from(c), |&(cp, _)| cp) {
                Ok(k) => out.push_str(LOWER_MAP.get(k).map_or("", |&(_, low)| low)),
                Err(_) => out.push(c),
            }
        }
    }
}

/// Python's `s.lower()`.
pub(crate) fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(s, &mut out);
    out
}

/// Whether the capital sigma at byte `i` of `s` takes the final form: a cased character comes
/// before it and none after it, case-ignorable characters skipped both ways (CPython's rule).
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + '\u{3a3}'.len_utf8()..).unwrap_or("");
    let prev = before
        .chars()
        .rev()
        .find(|&c| flags(c) & CASE_IGNORABLE == 0);
    if prev.is_none_or(|c| flags(c) & CASED == 0) {
        return false;
    }
    let next = after.chars().find(|&c| flags(c) & CASE_IGNORABLE == 0);
    next.is_none_or(|c| flags(c) & CASED == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_runs_are_sorted_and_disjoint() {
        for pair in CHAR_FLAGS.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 <= a.1 && a.1 < b.0, "{a:?} {b:?}");
            }
        }
        for pair in LOWER_MAP.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 < b.0);
            }
        }
    }

    #[test]
    fn whitespace_matches_the_table() {
        for cp in 0..=0x10FFFFu32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_space(c), flags(c) & SPACE != 0, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn ascii_fast_paths_match_the_table() {
        for b in 0u8..128 {
            let c = char::from(b);
            assert_eq!(is_alpha(c), flags(c) & ALPHA != 0, "{c:?}");
            assert_eq!(is_digit(c), flags(c) & DIGIT != 0, "{c:?}");
            assert_eq!(is_upper(c), flags(c) & UPPER != 0, "{c:?}");
            assert_eq!(lower(&c.to_string()), c.to_ascii_lowercase().to_string());
        }
    }

    #[test]
    fn python_character_classes() {
        assert!(is_space('\u{1c}'), "Python splits on the file separator");
        assert!(!is_space('\u{200b}'), "zero-width space is not whitespace");
        assert!(
            is_alpha('ß') && is_alpha('北') && !is_alpha('\u{94d}'),
            "virama is Mn"
        );
        assert!(!is_alpha('Ⅻ'), "letter numerals are Nl, not alpha");
        assert!(is_digit('²') && is_digit('٣') && !is_digit('½'));
        assert!(is_upper('Σ') && !is_upper('ǅ'), "titlecase is not upper");
    }

    #[test]
    fn lowercase_like_python() {
        assert_eq!(lower("ΑΘΗΝΑΣ"), "αθηνας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΟΔΥΣΣΕΥΣ ΣΑ"), "οδυσσευς σα");
        assert_eq!(lower("İstanbul"), "i\u{307}stanbul");
        assert_eq!(lower("STRASSE Straße"), "strasse straße");
        assert_eq!(lower("ǅemal"), "ǆemal");
    }
}
