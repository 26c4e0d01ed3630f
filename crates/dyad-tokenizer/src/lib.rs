//! spaCy's English tokenizer (the rules of `en_core_web_sm` 3.8), ported to Rust, with the lexical
//! attributes the neural model reads.
//!
//! - [`TokenizerRules`]: the rules as the model stores them (its `tokenizer` file: prefix, suffix
//!   and infix patterns, URL pattern, special cases), read from msgpack or JSON.
//! - [`Tokenizer`]: built once from the rules; [`Tokenizer::tokenize`] returns [`Token`]s, byte
//!   spans of the text with spaCy's whitespace flag and the NORM a special case gave them.
//! - [`Vocab`]: lexemes by string, their attributes (NORM, LOWER, PREFIX, SUFFIX, SHAPE and
//!   flags such as IS_SPACE or LIKE_NUM) computed once per distinct string; [`LexemeNorms`] is
//!   the model's norm table.
//!
//! The result is spaCy's token for token on the parity corpus of `tests/parity.rs` (5,254 texts:
//! the eval sets, hard cases, generated adversarial strings; and 230,000 more generated strings
//! checked locally): same tokens, whitespace flags, NORM, LOWER, PREFIX, SUFFIX, SHAPE and flags.
//! The character semantics (Python's `isspace`, `isalpha`, `lower` ...) come from tables generated
//! by `tools/tokenizer/gen_tables.py`.
//!
//! # Regex engines
//!
//! The model's patterns are Python `re` syntax with look-behind and look-ahead, which
//! `regex-automata` lacks. Running them all on `fancy-regex` (a backtracking engine) is correct
//! on the corpus but measured 130 times slower (1,800 instead of 237,000 eval texts a second on one
//! core) and quadratic on garbage such as 100,000 `(`. So the patterns are read as data at run
//! time and cut into their top-level pieces; a piece's look-around is a fixed run of character
//! sets, checked beside a `regex-automata` search (details in `matchers.rs`). All prefix, suffix
//! and infix pieces of `en_core_web_sm` take this path ([`Tokenizer::backtracking_patterns`] is
//! empty). `url_match`'s private-IP look-aheads span several characters: a look-around-free
//! superset of it rejects ordinary words in one pass, and `fancy-regex` confirms the rare strings
//! it accepts.
//!
//! # Known differences from spaCy
//!
//! None on the corpus. By construction:
//! - `fancy-regex` stops after a million backtracking steps, and such a string counts as not a
//!   URL, where Python keeps backtracking to the answer. No text of the corpus or of the
//!   generated checks comes near the limit (a 90,000-character `a:@a:@...x.com` takes 2 ms).
//! - Python's `$` also matches before a final `\n`; here it is the end of the string. The
//!   tokenizer never hands a pattern a string ending in `\n` unless it is all whitespace, which
//!   no rule of the model matches.
//! - Character tables follow Python 3.11 (Unicode 14, [`UNICODE_VERSION`]); `\d` and `\w` inside
//!   `url_match` follow the `regex` tables (a later Unicode). Characters assigned after Unicode 14
//!   can differ.
//! - spaCy's chunk cache is not reproduced (it never changes a result); LIKE_URL, LIKE_EMAIL,
//!   IS_STOP and the other vocabulary-dependent attributes are not computed.
//!
//! ```
//! use std::collections::BTreeMap;
//! use dyad_tokenizer::{LexemeNorms, SpecialToken, Tokenizer, TokenizerRules, Vocab};
//!
//! // A few rules in the style of the model's (which has 1,347 special cases).
//! let mut exceptions = BTreeMap::new();
//! exceptions.insert("U.S.".to_owned(), vec![SpecialToken { orth: "U.S.".into(), norm: None }]);
//! let rules = TokenizerRules {
//!     prefix_search: Some(r#"^\(|^""#.into()),
//!     suffix_search: Some(r#"\)$|"$|,$|\.$|'s$"#.into()),
//!     infix_finditer: Some(r"(?<=[a-z])-(?=[a-z])".into()),
//!     token_match: None,
//!     url_match: None,
//!     exceptions,
//!     faster_heuristics: true,
//! };
//! let tokenizer = Tokenizer::from_rules(&rules)?;
//! let text = "In February 1972, U.S. President Richard Nixon met Chairman Mao Zedong's aides.";
//! let tokens = tokenizer.tokenize(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(words[..6], ["In", "February", "1972", ",", "U.S.", "President"]);
//! assert_eq!(words[words.len() - 4..], ["Zedong", "'s", "aides", "."]);
//! assert!(tokens[0].whitespace && !tokens[2].whitespace);
//!
//! let mut vocab = Vocab::new(LexemeNorms::empty());
//! let ids = vocab.intern_tokens(text, &tokens);
//! let nixon = vocab.get(ids[7]);
//! assert_eq!((nixon.norm, nixon.prefix, nixon.suffix, nixon.shape), ("nixon", "N", "xon", "Xxxxx"));
//! # Ok::<(), dyad_tokenizer::TokenizerError>(())
//! ```
#![deny(missing_docs)]

mod error;
mod hash;
mod lexeme;
mod matchers;
mod pyre;
mod rules;
mod special;
#[allow(clippy::unreadable_literal)]
mod tables;
mod tokenizer;
mod unicode;

pub use error::TokenizerError;

pub use hash::hash_string;
pub use lexeme::{LexFlags, LexId, Lexeme, LexemeNorms, Vocab, is_space, lower, word_shape};
pub use rules::{SpecialToken, TokenizerRules};
pub use tables::UNICODE_VERSION;
pub use tokenizer::{ExcNorm, Token, Tokenizer};
