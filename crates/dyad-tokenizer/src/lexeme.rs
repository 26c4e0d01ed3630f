//! Lexical attributes: what spaCy computes once per distinct string (a lexeme) and the neural
//! model reads per token — NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE — plus the cheap boolean flags
//! (spacy/lexeme.pyx, spacy/lang/lex_attrs.py, spacy/lang/en/lex_attrs.py).
//!
//! A lexeme's NORM is the model's `lexeme_norm` table entry for the exact string (`"colour"` →
//! `"color"`), else spaCy's built-in BASE_NORMS (`"€"` → `"$"`, `"’"` → `"'"`), else the
//! lowercase. A token's NORM is its tokenizer exception's NORM when it has one, else its
//! lexeme's ([`Vocab::token_norm`]).

use rustc_hash::FxHashMap;

use crate::error::TokenizerError;
use crate::hash::hash_string;
use crate::tables::{
    BASE_NORMS, BRACKETS, LEFT_PUNCT, NUM_WORDS, ORDINAL_WORDS, QUOTES, RIGHT_PUNCT,
};
use crate::tokenizer::{Token, Tokenizer};
use crate::unicode::{self, ALPHA, CURRENCY, DIGIT, LOWER, PUNCT, SPACE, TITLE, UPPER};

/// The model's `lexeme_norm` lookup table (from the wheel's `vocab/lookups.bin`): string hash →
/// norm.
#[derive(Debug, Clone, Default)]
pub struct LexemeNorms {
    map: FxHashMap<u64, Box<str>>,
}

impl LexemeNorms {
    /// An empty table (NORM falls back to BASE_NORMS and the lowercase).
    pub fn empty() -> LexemeNorms {
        LexemeNorms::default()
    }

    /// Builds the table from `(hash_string(word), norm)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, String)>) -> LexemeNorms {
        LexemeNorms {
            map: pairs
                .into_iter()
                .map(|(k, v)| (k, v.into_boxed_str()))
                .collect(),
        }
    }

    /// Reads the wheel's `vocab/lookups.bin` (msgpack `{"lexeme_norm": {u64: str}}`).
    pub fn from_msgpack(bytes: &[u8]) -> Result<LexemeNorms, TokenizerError> {
        let fmt = "msgpack";
        let bad = |message: String| TokenizerError::Norms {
            format: fmt,
            message,
        };
        let value = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| bad(e.to_string()))?;
        let rmpv::Value::Map(tables) = value else {
            return Err(bad("the top level is not a map".into()));
        };
        let mut map = FxHashMap::default();
        for (name, table) in tables {
            if name.as_str() != Some("lexeme_norm") {
                continue;
            }
            let rmpv::Value::Map(entries) = table else {
                return Err(bad("lexeme_norm is not a map".into()));
            };
            for (k, v) in entries {
                let (Some(k), Some(v)) = (k.as_u64(), v.as_str()) else {
                    return Err(bad(format!("entry {k} → {v} is not u64 → string")));
                };
                map.insert(k, v.into());
            }
        }
        Ok(LexemeNorms { map })
    }

    /// Reads the same table as JSON, `{"lexeme_norm": {"<u64>": str}}` (dyad's model cache).
    pub fn from_json(text: &str) -> Result<LexemeNorms, TokenizerError> {
        let fmt = "json";
        let bad = |message: String| TokenizerError::Norms {
            format: fmt,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        let Some(entries) = value
            .get("lexeme_norm")
            .and_then(serde_json::Value::as_object)
        else {
            return Err(bad("no lexeme_norm map".into()));
        };
        let mut map = FxHashMap::default();
        for (k, v) in entries {
            let (Ok(key), Some(v)) = (k.parse::<u64>(), v.as_str()) else {
                return Err(bad(format!("entry {k:?} → {v} is not u64 → string")));
            };
            map.insert(key, v.into());
        }
        Ok(LexemeNorms { map })
    }

    /// A lexeme's NORM without a tokenizer exception: this table's entry for exactly `word`, else
    /// spaCy's BASE_NORMS, else Python's `word.lower()`.
    pub fn norm<'a>(&'a self, word: &str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        if let Some(n) = self.get(word) {
            return Cow::Borrowed(n);
        }
        match base_norm(word) {
            Some(n) => Cow::Borrowed(n),
            None => Cow::Owned(unicode::lower(word)),
        }
    }

    /// The table's norm for exactly `word`.
    pub fn get(&self, word: &str) -> Option<&str> {
        self.map.get(&hash_string(word)).map(|s| &**s)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Boolean lexical attributes, one bit each (the order of the parity reference file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct LexFlags(u16);

impl LexFlags {
    /// `str.isalpha()`.
    pub const IS_ALPHA: LexFlags = LexFlags(1);
    /// `str.isdigit()`.
    pub const IS_DIGIT: LexFlags = LexFlags(1 << 1);
    /// `str.islower()`.
    pub const IS_LOWER: LexFlags = LexFlags(1 << 2);
    /// `str.isupper()`.
    pub const IS_UPPER: LexFlags = LexFlags(1 << 3);
    /// `str.istitle()`.
    pub const IS_TITLE: LexFlags = LexFlags(1 << 4);
    /// Every character is Unicode punctuation (P*).
    pub const IS_PUNCT: LexFlags = LexFlags(1 << 5);
    /// `str.isspace()`.
    pub const IS_SPACE: LexFlags = LexFlags(1 << 6);
    /// Every character is ASCII.
    pub const IS_ASCII: LexFlags = LexFlags(1 << 7);
    /// English `like_num`: digits (with `,` `.` and a leading sign), fractions, number and
    /// ordinal words, `21st`.
    pub const LIKE_NUM: LexFlags = LexFlags(1 << 8);
    /// One of `( ) [ ] { } < >`.
    pub const IS_BRACKET: LexFlags = LexFlags(1 << 9);
    /// A quote mark (`"`, `'`, `«`, `“`, `''`, `` `` `` ...).
    pub const IS_QUOTE: LexFlags = LexFlags(1 << 10);
    /// An opening bracket or quote.
    pub const IS_LEFT_PUNCT: LexFlags = LexFlags(1 << 11);
    /// A closing bracket or quote.
    pub const IS_RIGHT_PUNCT: LexFlags = LexFlags(1 << 12);
    /// Every character is a currency symbol (Sc).
    pub const IS_CURRENCY: LexFlags = LexFlags(1 << 13);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: LexFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The raw bits.
    pub fn bits(self) -> u16 {
        self.0
    }

    fn set(&mut self, flag: LexFlags, on: bool) {
        if on {
            self.0 |= flag.0;
        }
    }
}

impl std::ops::BitOr for LexFlags {
    type Output = LexFlags;
    fn bitor(self, rhs: LexFlags) -> LexFlags {
        LexFlags(self.0 | rhs.0)
    }
}

/// Index of a lexeme in a [`Vocab`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LexId(usize);

impl LexId {
    /// The index, dense from 0 in order of first sight: usable as a key into side tables.
    pub fn index(self) -> usize {
        self.0
    }
}

type Range = (usize, usize);

#[derive(Debug, Clone)]
struct LexData {
    orth: Range,
    norm: Range,
    lower: Range,
    prefix: Range,
    suffix: Range,
    shape: Range,
    flags: LexFlags,
}

/// A lexeme's attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexeme<'v> {
    /// The string itself (ORTH).
    pub orth: &'v str,
    /// NORM: the lexeme_norm table, BASE_NORMS, or the lowercase.
    pub norm: &'v str,
    /// LOWER: Python's `str.lower()`.
    pub lower: &'v str,
    /// PREFIX: the first character.
    pub prefix: &'v str,
    /// SUFFIX: the last three characters.
    pub suffix: &'v str,
    /// SHAPE: spaCy's `word_shape` (`"Xxxxx"`, `"dd.d"`, `"LONG"` from 100 characters).
    pub shape: &'v str,
    /// The boolean attributes.
    pub flags: LexFlags,
}

/// Lexemes by string, each computed once: the per-thread companion of a [`Tokenizer`].
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    norms: LexemeNorms,
    arena: String,
    lexemes: Vec<LexData>,
    index: FxHashMap<Box<str>, LexId>,
}

impl Vocab {
    /// An empty vocabulary using the model's norm table.
    pub fn new(norms: LexemeNorms) -> Vocab {
        Vocab {
            norms,
            ..Vocab::default()
        }
    }

    /// The id of the lexeme for `orth`, computing its attributes on first sight.
    pub fn intern(&mut self, orth: &str) -> LexId {
        if let Some(&id) = self.index.get(orth) {
            return id;
        }
        let id = LexId(self.lexemes.len());
        let data = self.compute(orth);
        self.lexemes.push(data);
        self.index.insert(orth.into(), id);
        id
    }

    /// The lexeme ids of `tokens` (tokenised from `text`).
    pub fn intern_tokens(&mut self, text: &str, tokens: &[Token]) -> Vec<LexId> {
        tokens.iter().map(|t| self.intern(t.text(text))).collect()
    }

    /// A lexeme's attributes (all empty strings for an id from another vocabulary).
    pub fn get(&self, id: LexId) -> Lexeme<'_> {
        let s = |r: Range| self.arena.get(r.0..r.1).unwrap_or("");
        match self.lexemes.get(id.0) {
            Some(d) => Lexeme {
                orth: s(d.orth),
                norm: s(d.norm),
                lower: s(d.lower),
                prefix: s(d.prefix),
                suffix: s(d.suffix),
                shape: s(d.shape),
                flags: d.flags,
            },
            None => Lexeme {
                orth: "",
                norm: "",
                lower: "",
                prefix: "",
                suffix: "",
                shape: "",
                flags: LexFlags::default(),
            },
        }
    }

    /// A token's NORM: its exception's NORM if it has one, else its lexeme's.
    pub fn token_norm<'a>(
        &'a self,
        tokenizer: &'a Tokenizer,
        token: &Token,
        lex: LexId,
    ) -> &'a str {
        match token.exc_norm {
            Some(n) => tokenizer.exc_norm(n),
            None => self.get(lex).norm,
        }
    }

    /// Number of lexemes.
    pub fn len(&self) -> usize {
        self.lexemes.len()
    }

    /// Whether no lexeme has been interned.
    pub fn is_empty(&self) -> bool {
        self.lexemes.is_empty()
    }

    /// Forgets every lexeme (ids become invalid), keeping the norm table.
    pub fn clear(&mut self) {
        self.arena.clear();
        self.lexemes.clear();
        self.index.clear();
    }

    fn push(&mut self, s: &str) -> Range {
        let start = self.arena.len();
        self.arena.push_str(s);
        (start, self.arena.len())
    }

    fn compute(&mut self, orth: &str) -> LexData {
        let lower_s = unicode::lower(orth);
        let norm_s: Option<String> = match self.norms.get(orth) {
            Some(n) => Some(n.to_owned()),
            None => base_norm(orth).map(str::to_owned),
        };
        let shape_s = word_shape(orth);
        let flags = lex_flags(orth);
        let orth_r = self.push(orth);
        let lower_r = self.push(&lower_s);
        let norm_r = match norm_s {
            Some(n) => self.push(&n),
            None => lower_r,
        };
        let first_end = orth.chars().next().map_or(0, char::len_utf8);
        let prefix_r = (orth_r.0, orth_r.0 + first_end);
        let suffix_start = orth.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let suffix_r = (orth_r.0 + suffix_start, orth_r.1);
        let shape_r = self.push(&shape_s);
        LexData {
            orth: orth_r,
            norm: norm_r,
            lower: lower_r,
            prefix: prefix_r,
            suffix: suffix_r,
            shape: shape_r,
            flags,
        }
    }
}

/// spaCy's BASE_NORMS entry for exactly `word`.
fn base_norm(word: &str) -> Option<&'static str> {
    BASE_NORMS
        .binary_search_by_key(&word, |&(k, _)| k)
        .ok()
        .and_then(|i| BASE_NORMS.get(i))
        .map(|&(_, v)| v)
}

/// Python's `text.isspace()`: non-empty and every character whitespace (spaCy's IS_SPACE).
pub fn is_space(text: &str) -> bool {
    all_chars(text, SPACE)
}

/// Python's `text.lower()` (full case mapping, final sigma), as spaCy's LOWER and NORM use it.
pub fn lower(text: &str) -> String {
    unicode::lower(text)
}

/// spaCy's `word_shape`: letters become `X`/`x`, digits `d`, other characters stay; a run of the
/// same shape character stops growing after four; 100 characters or more give `"LONG"`.
pub fn word_shape(text: &str) -> String {
    if text.chars().nth(99).is_some() {
        return "LONG".to_owned();
    }
    let mut shape = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut seq = 0;
    for c in text.chars() {
        let sc = if unicode::is_alpha(c) {
            if unicode::is_upper(c) { 'X' } else { 'x' }
        } else if unicode::is_digit(c) {
            'd'
        } else {
            c
        };
        if Some(sc) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(sc);
        }
        if seq < 4 {
            shape.push(sc);
        }
    }
    shape
}

fn all_chars(s: &str, bit: u16) -> bool {
    !s.is_empty() && s.chars().all(|c| unicode::flags(c) & bit != 0)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(unicode::is_digit)
}

/// Python `str.isupper()` / `str.islower()`: no character of the other case (or titlecase), and
/// at least one of this case.
fn cased_as(s: &str, this: u16, other: u16) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let f = unicode::flags(c);
        if f & (other | TITLE) != 0 {
            return false;
        }
        cased |= f & this != 0;
    }
    cased
}

/// Python `str.istitle()`.
fn is_title(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        let f = unicode::flags(c);
        if f & (UPPER | TITLE) != 0 {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if f & LOWER != 0 {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn in_sorted(list: &[&str], s: &str) -> bool {
    list.binary_search(&s).is_ok()
}

/// English `like_num` (spacy/lang/en/lex_attrs.py).
pub(crate) fn like_num(text: &str) -> bool {
    let text = ['+', '-', '±', '~']
        .iter()
        .find_map(|&p| text.strip_prefix(p))
        .unwrap_or(text);
    let text: String = text.chars().filter(|&c| c != ',' && c != '.').collect();
    if is_digits(&text) {
        return true;
    }
    let mut parts = text.split('/');
    if let (Some(num), Some(den), None) = (parts.next(), parts.next(), parts.next())
        && is_digits(num)
        && is_digits(den)
    {
        return true;
    }
    let lower = unicode::lower(&text);
    if in_sorted(NUM_WORDS, &lower) || in_sorted(ORDINAL_WORDS, &lower) {
        return true;
    }
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|suf| lower.strip_suffix(suf).is_some_and(is_digits))
}

fn lex_flags(s: &str) -> LexFlags {
    let mut f = LexFlags::default();
    f.set(LexFlags::IS_ALPHA, all_chars(s, ALPHA));
    f.set(LexFlags::IS_DIGIT, all_chars(s, DIGIT));
    f.set(LexFlags::IS_LOWER, cased_as(s, LOWER, UPPER));
    f.set(LexFlags::IS_UPPER, cased_as(s, UPPER, LOWER));
    f.set(LexFlags::IS_TITLE, is_title(s));
    // spaCy's is_punct and is_currency are true for the empty string (no character fails).
    f.set(
        LexFlags::IS_PUNCT,
        s.chars().all(|c| unicode::flags(c) & PUNCT != 0),
    );
    f.set(LexFlags::IS_SPACE, all_chars(s, SPACE));
    f.set(LexFlags::IS_ASCII, s.is_ascii());
    f.set(LexFlags::LIKE_NUM, like_num(s));
    f.set(LexFlags::IS_BRACKET, in_sorted(BRACKETS, s));
    f.set(LexFlags::IS_QUOTE, in_sorted(QUOTES, s));
    f.set(LexFlags::IS_LEFT_PUNCT, in_sorted(LEFT_PUNCT, s));
    f.set(LexFlags::IS_RIGHT_PUNCT, in_sorted(RIGHT_PUNCT, s));
    f.set(
        LexFlags::IS_CURRENCY,
        s.chars().all(|c| unicode::flags(c) & CURRENCY != 0),
    );
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_like_spacy() {
        assert_eq!(word_shape("Nixon"), "Xxxxx");
        assert_eq!(word_shape("U.S."), "X.X.");
        assert_eq!(word_shape("1,000,000"), "d,ddd,ddd");
        assert_eq!(word_shape("aaaaaaa"), "xxxx");
        assert_eq!(word_shape("$1.2bn"), "$d.dxx");
        assert_eq!(word_shape("ΑΘΗΝΑ"), "XXXX");
        assert_eq!(
            word_shape("Ⅻ"),
            "Ⅻ",
            "letter numerals are neither alpha nor digit"
        );
        assert_eq!(word_shape(&"a".repeat(99)), "xxxx");
        assert_eq!(word_shape(&"a".repeat(100)), "LONG");
    }

    #[test]
    fn norms_prefer_table_then_base_norms_then_lowercase() {
        let norms = LexemeNorms::from_pairs([(hash_string("colour"), "color".to_owned())]);
        let mut v = Vocab::new(norms);
        let colour = v.intern("colour");
        let euro = v.intern("€");
        let mao = v.intern("Mao");
        let again = v.intern("colour");
        assert_eq!(colour, again);
        assert_eq!(v.len(), 3);
        assert_eq!(v.get(colour).norm, "color");
        assert_eq!(v.get(euro).norm, "$");
        assert_eq!(v.get(mao).norm, "mao");
        let m = v.get(mao);
        assert_eq!(
            (m.prefix, m.suffix, m.shape, m.lower),
            ("M", "Mao", "Xxx", "mao")
        );
        let w = v.intern("Nixon’s");
        assert_eq!((v.get(w).prefix, v.get(w).suffix), ("N", "n’s"));
    }

    #[test]
    fn flags_like_python() {
        let f = lex_flags;
        assert!(f("Nixon").contains(LexFlags::IS_ALPHA | LexFlags::IS_TITLE | LexFlags::IS_ASCII));
        assert!(!f("Nixon").contains(LexFlags::IS_UPPER));
        assert!(f("USA").contains(LexFlags::IS_UPPER) && f("usa").contains(LexFlags::IS_LOWER));
        assert!(
            f("U.S.").contains(LexFlags::IS_UPPER),
            "uncased characters do not count"
        );
        assert!(f("...").contains(LexFlags::IS_PUNCT) && !f("$").contains(LexFlags::IS_PUNCT));
        assert!(f("€").contains(LexFlags::IS_CURRENCY));
        assert!(f("“").contains(LexFlags::IS_QUOTE | LexFlags::IS_LEFT_PUNCT));
        assert!(f(")").contains(LexFlags::IS_BRACKET | LexFlags::IS_RIGHT_PUNCT));
        assert!(f("\n ").contains(LexFlags::IS_SPACE));
        for num in [
            "42",
            "1,000",
            "-3.5",
            "±2",
            "3/4",
            "twenty",
            "Twentieth",
            "21st",
            "²",
        ] {
            assert!(f(num).contains(LexFlags::LIKE_NUM), "{num}");
        }
        for not in ["1/2/3", "abc", "st", "-", "", "1st2"] {
            assert!(!f(not).contains(LexFlags::LIKE_NUM), "{not}");
        }
    }

    #[test]
    fn reads_norm_tables() {
        let json = format!(
            r#"{{"lexeme_norm": {{"{}": "because"}}}}"#,
            hash_string("cuz")
        );
        let t = LexemeNorms::from_json(&json).expect("valid table");
        assert_eq!(t.get("cuz"), Some("because"));
        assert_eq!(t.get("Cuz"), None);
        use rmpv::Value as V;
        let top = V::Map(vec![(
            V::from("lexeme_norm"),
            V::Map(vec![(V::from(hash_string("cos")), V::from("because"))]),
        )]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &top).expect("encodes");
        let t = LexemeNorms::from_msgpack(&bytes).expect("valid table");
        assert_eq!((t.len(), t.get("cos")), (1, Some("because")));
        assert!(LexemeNorms::from_json("{}").is_err());
        assert!(LexemeNorms::from_msgpack(&[0x93, 1, 2, 3]).is_err());
    }
}
