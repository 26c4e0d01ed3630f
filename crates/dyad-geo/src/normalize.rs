//! Name keys: the one normalisation applied to every name in the gazetteer and to every query, so
//! that "São Paulo", "Sao Paulo" and "SAO PAULO" meet, and so do "St. Petersburg" and "Saint
//! Petersburg".
//!
//! A key is: compatibility-decomposed (NFKD) with combining marks dropped; lower case; a few letters
//! NFKD leaves alone spelled out (ß → ss, ø → o, æ → ae, ł → l, ı → i …); apostrophes and full stops
//! dropped ("Côte d'Ivoire" → "cote divoire", "U.S." → "us"); `&` read as "and"; every other
//! character that is not a letter or digit a word break; the abbreviations st/ste/ft/mt spelled out
//! as saint/sainte/fort/mount; a leading "the" dropped ("the Gaza Strip" → "gaza strip").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest query (in bytes) that is looked up; a longer "name" is not a place name.
pub(crate) const MAX_QUERY_BYTES: usize = 160;

/// The key of `name` (see the module docs). Empty when nothing of it is left.
pub(crate) fn key(name: &str) -> String {
    let lower: String = name.chars().flat_map(char::to_lowercase).collect();
    let mut folded = String::with_capacity(name.len());
    for c in lower.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '\u{2bc}' | '\u{2bb}' | '\u{2be}'
            | '\u{2bf}' | '.' => {}
            '&' => folded.push_str(" and "),
            'ß' => folded.push_str("ss"),
            'ø' | 'Ø' => folded.push('o'),
            'æ' | 'Æ' => folded.push_str("ae"),
            'œ' | 'Œ' => folded.push_str("oe"),
            'ł' | 'Ł' => folded.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => folded.push('d'),
            'ı' => folded.push('i'),
            'þ' | 'Þ' => folded.push_str("th"),
            c if c.is_alphanumeric() => folded.extend(c.to_lowercase()),
            _ => folded.push(' '),
        }
    }
    let mut out = String::with_capacity(folded.len());
    let words = folded.split_whitespace().skip_while(|w| *w == "the");
    for word in words {
        let word = match word {
            "st" => "saint",
            "ste" => "sainte",
            "ft" => "fort",
            "mt" => "mount",
            w => w,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a key is written in Latin letters and digits only (after folding): alternate names in other
/// scripts are not indexed, since dyad reads English text.
pub(crate) fn is_latin_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
}

/// FNV-1a, 64 bits: the hash of the on-disk name table (stable across builds and platforms).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("São Paulo"), "sao paulo");
        assert_eq!(key("SAO  PAULO"), "sao paulo");
        assert_eq!(key("Côte d’Ivoire"), "cote divoire");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Washington, D.C."), "washington dc");
        assert_eq!(key("St. Petersburg"), "saint petersburg");
        assert_eq!(key("Saint-Petersburg"), "saint petersburg");
        assert_eq!(key("Ft. Worth"), "fort worth");
        assert_eq!(key("the Gaza Strip"), "gaza strip");
        assert_eq!(key("The Hague"), "hague");
        assert_eq!(key("Trinidad & Tobago"), "trinidad and tobago");
        assert_eq!(key("Düsseldorf"), "dusseldorf");
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("Tromsø"), "tromso");
        assert_eq!(key("Gießen"), "giessen");
        assert_eq!(key("Nagorno-Karabakh"), "nagorno karabakh");
        assert_eq!(key("  "), "");
        assert_eq!(key("the"), "");
    }

    #[test]
    fn latin_keys_only() {
        assert!(is_latin_key("sao paulo"));
        assert!(!is_latin_key(&key("Москва")));
        assert!(!is_latin_key(""));
    }

    #[test]
    fn fnv_is_the_reference_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    proptest::proptest! {
        #[test]
        fn keys_are_idempotent_and_never_panic(s in "\\PC{0,40}") {
            let k = key(&s);
            proptest::prop_assert_eq!(key(&k), k.clone());
            proptest::prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
        }
    }
}
