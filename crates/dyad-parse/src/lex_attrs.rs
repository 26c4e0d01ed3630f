//! The lexical attributes the embeddings read (spaCy's `NORM`, `PREFIX`, `SUFFIX`, `SHAPE`, `SPACY`,
//! `IS_SPACE`) and the ids they are fed as.
//!
//! - NORM: the tokenizer exception's norm when it set one (e.g. `"a.m."` for the `am` of `10am`);
//!   otherwise the model's `lexeme_norm` table looked up with the token text as written (`"cuz"` →
//!   `"because"`, `"colour"` → `"color"`), otherwise spaCy's built-in punctuation and currency norms
//!   ([`BASE_NORMS`]: `` ` `` → `'`, `''` → `"`, `€` → `$`, …), otherwise the lowercased text.
//! - PREFIX: the first character; SUFFIX: the last three characters (code points).
//! - SHAPE: letters become `X`/`x`, digits `d`, anything else stays; a run of the same shape character is
//!   cut after four; texts of 100 characters or more are `"LONG"`.
//! - SPACY: 1 when a single space follows the token (and belongs to it), else 0; IS_SPACE: 1 when the
//!   token is all whitespace.
//!
//! String attributes become ids through [`string_id`]; the two flags are fed as 0/1.
//!
//! NORM, SHAPE and IS_SPACE use the tokenizer crate's Python character semantics (`str.lower`,
//! `isalpha`, `isdigit`, `isupper`, `isspace` from Python 3.11's tables), so they agree with spaCy
//! on every script, not only where Rust's `char` methods happen to.

use std::collections::HashMap;

use crate::model::{ModelError, ModelPaths};
use crate::strings::string_id;
use dyad_tokenizer::LexemeNorms;

/// One lexical attribute fed to an embedding table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    /// Normalised form.
    Norm,
    /// First character.
    Prefix,
    /// Last three characters.
    Suffix,
    /// Orthographic shape.
    Shape,
    /// Followed by a space.
    Spacy,
    /// All whitespace.
    IsSpace,
}

impl Attr {
    /// The attribute called `name` in the model config (`"NORM"`, `"PREFIX"`, …).
    pub fn from_name(name: &str) -> Option<Attr> {
        Some(match name {
            "NORM" => Attr::Norm,
            "PREFIX" => Attr::Prefix,
            "SUFFIX" => Attr::Suffix,
            "SHAPE" => Attr::Shape,
            "SPACY" => Attr::Spacy,
            "IS_SPACE" => Attr::IsSpace,
            _ => return None,
        })
    }
}

/// A token as the embeddings see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenInput<'a> {
    /// The token text.
    pub text: &'a str,
    /// The norm set by a tokenizer exception, if any.
    pub norm: Option<&'a str>,
    /// Whether a space follows the token.
    pub spacy: bool,
}

/// Computes attribute ids; holds the model's NORM exceptions.
#[derive(Debug, Clone, Default)]
pub struct LexAttrs {
    norms: LexemeNorms,
}

impl LexAttrs {
    /// Read `lexeme_norm.json` of an installed model.
    pub fn load(paths: &ModelPaths) -> Result<LexAttrs, ModelError> {
        let path = paths.lexeme_norm_json();
        let corrupt = |detail: String| ModelError::CacheCorrupt {
            path: path.clone(),
            detail,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| corrupt(e.to_string()))?;
        let norms = LexemeNorms::from_json(&text).map_err(|e| corrupt(e.to_string()))?;
        Ok(LexAttrs { norms })
    }

    /// From a table of (string id of the word, norm).
    pub fn from_table(norms: HashMap<u64, String>) -> LexAttrs {
        LexAttrs {
            norms: LexemeNorms::from_pairs(norms),
        }
    }

    /// The lexeme norm of `text` (without a tokenizer exception's norm).
    pub fn norm(&self, text: &str) -> String {
        self.norms.norm(text).into_owned()
    }

    /// The id of attribute `attr` for `tok`.
    pub fn id(&self, tok: &TokenInput<'_>, attr: Attr) -> u64 {
        match attr {
            Attr::Norm => match tok.norm {
                Some(n) => string_id(n),
                None => string_id(&self.norms.norm(tok.text)),
            },
            Attr::Prefix => string_id(prefix(tok.text)),
            Attr::Suffix => string_id(suffix(tok.text)),
            Attr::Shape => string_id(&shape(tok.text)),
            Attr::Spacy => u64::from(tok.spacy),
            Attr::IsSpace => u64::from(is_space(tok.text)),
        }
    }

    /// Ids of `attrs` for every token, token after token, appended to `out`.
    pub fn ids(&self, tokens: &[TokenInput<'_>], attrs: &[Attr], out: &mut Vec<u64>) {
        out.reserve(tokens.len() * attrs.len());
        for t in tokens {
            for &a in attrs {
                out.push(self.id(t, a));
            }
        }
    }
}

/// The first character (empty for an empty text).
pub fn prefix(text: &str) -> &str {
    let end = text.char_indices().nth(1).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The last three characters (the whole text when shorter).
pub fn suffix(text: &str) -> &str {
    let start = text.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    &text[start..]
}

/// spaCy's `word_shape`.
pub fn shape(text: &str) -> String {
    dyad_tokenizer::word_shape(text)
}

/// Python's `str.isspace`: non-empty and every character whitespace.
pub fn is_space(text: &str) -> bool {
    dyad_tokenizer::is_space(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_spacy() {
        assert_eq!(shape("Nixon"), "Xxxxx");
        assert_eq!(shape("Mao"), "Xxx");
        assert_eq!(shape("1972"), "dddd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("Beijing's"), "Xxxxx'x");
        assert_eq!(shape("12,000,000"), "dd,ddd,ddd");
        assert_eq!(shape(&"a".repeat(100)), "LONG");
        assert_eq!(shape(&"a".repeat(99)), "xxxx");
        assert_eq!(shape("Zürich"), "Xxxxx");
    }

    #[test]
    fn prefix_suffix_count_characters() {
        assert_eq!(prefix("Beijing"), "B");
        assert_eq!(suffix("Beijing"), "ing");
        assert_eq!(suffix("at"), "at");
        assert_eq!(prefix("été"), "é");
        assert_eq!(suffix("Zürich"), "ich");
        assert_eq!(suffix("süß"), "süß");
        assert_eq!(prefix(""), "");
        assert_eq!(suffix(""), "");
    }

    #[test]
    fn norm_uses_table_then_lowercase() {
        let mut t = HashMap::new();
        t.insert(string_id("cuz"), "because".to_owned());
        let lex = LexAttrs::from_table(t);
        assert_eq!(lex.norm("cuz"), "because");
        // The table is looked up with the text as written.
        assert_eq!(lex.norm("Cuz"), "cuz");
        assert_eq!(lex.norm("Mao"), "mao");
        // spaCy's built-in norms come after the table.
        assert_eq!(lex.norm("``"), "\"");
        assert_eq!(lex.norm("`"), "'");
        assert_eq!(lex.norm("€"), "$");
        assert_eq!(lex.norm("US$"), "$");
        assert_eq!(lex.norm("us$"), "us$");
        let tok = TokenInput {
            text: "am",
            norm: Some("a.m."),
            spacy: true,
        };
        assert_eq!(lex.id(&tok, Attr::Norm), string_id("a.m."));
        assert_eq!(lex.id(&tok, Attr::Spacy), 1);
        assert_eq!(lex.id(&tok, Attr::IsSpace), 0);
    }

    #[test]
    fn spaces() {
        assert!(is_space(" \n\t\u{a0}\u{1c}"));
        assert!(!is_space(""));
        assert!(!is_space(" a"));
    }

    proptest::proptest! {
        #[test]
        fn attributes_never_panic(s in ".*") {
            let _ = (prefix(&s), suffix(&s), shape(&s), is_space(&s));
            let lex = LexAttrs::default();
            let tok = TokenInput { text: &s, norm: None, spacy: false };
            let mut out = Vec::new();
            lex.ids(&[tok], &[Attr::Norm, Attr::Prefix, Attr::Suffix, Attr::Shape], &mut out);
            proptest::prop_assert_eq!(out.len(), 4);
        }
    }
}
