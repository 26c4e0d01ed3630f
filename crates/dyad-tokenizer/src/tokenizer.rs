//! The tokenizer: spaCy's `Tokenizer.__call__` (spacy/tokenizer.pyx), step for step.
//!
//! 1. Split the text on Python whitespace. A single `' '` after a token becomes that token's
//!    whitespace flag; any other run of whitespace (or what follows the first space of a run)
//!    becomes a token of its own.
//! 2. Each chunk that is a special case becomes its special tokens. Otherwise its prefixes and
//!    suffixes are split off in turn (`_split_affixes`), stopping early where the rest, or the
//!    rest without the affix just found, is a special case; what remains is a special case, kept
//!    whole by `token_match`/`url_match`, or split at the infixes (`_attach_tokens`).
//! 3. Special cases that span several of the tokens found so far (e.g. a rule whose string
//!    contains punctuation that the affix rules split) are found with a phrase matcher over
//!    token texts and the tokens replaced (`_apply_special_cases`, see [`crate::special`]).
//!
//! spaCy also caches the tokens of each chunk; the cache never changes the result (it stores a
//! chunk's tokens only when no special case was involved, and is looked up after special
//! cases), so this port recomputes instead.

use rustc_hash::FxHashMap;

use crate::error::TokenizerError;
use crate::matchers::{FullMatch, InfixFinder, PrefixSearch, Role, SuffixSearch};
use crate::rules::TokenizerRules;
use crate::special::SpecialMatcher;
use crate::unicode;

/// The NORM a tokenizer exception gave a token; resolve it with [`Tokenizer::exc_norm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExcNorm(u32);

impl ExcNorm {
    /// The index, dense from 0 per tokenizer: usable as a key into side tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One token: a byte span of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// A single `' '` follows the token and belongs to it (spaCy's `whitespace_`/`SPACY`).
    pub whitespace: bool,
    /// The NORM a tokenizer exception set for this token, overriding the lexeme's own.
    pub exc_norm: Option<ExcNorm>,
}

impl Token {
    /// The token's text in `text` (the string it was tokenised from); empty if `text` is not it.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The tokens of one special case: byte length and exception NORM of each.
#[derive(Debug, Clone)]
pub(crate) struct Special {
    pub(crate) tokens: Vec<(usize, Option<ExcNorm>)>,
}

/// spaCy's English tokenizer, built once from [`TokenizerRules`]; immutable, `Send + Sync`.
pub struct Tokenizer {
    prefix: Option<PrefixSearch>,
    suffix: Option<SuffixSearch>,
    infix: Option<InfixFinder>,
    token_match: Option<FullMatch>,
    url_match: Option<FullMatch>,
    specials: FxHashMap<Box<str>, Special>,
    /// The longest special-case string, in bytes: longer strings skip the lookup.
    max_special_len: usize,
    norms: Vec<Box<str>>,
    matcher: SpecialMatcher,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer")
            .field("special_cases", &self.specials.len())
            .field("matcher_patterns", &self.matcher.len())
            .finish_non_exhaustive()
    }
}

/// Reused buffers for one chunk.
#[derive(Default)]
struct Scratch {
    prefixes: Vec<(usize, usize)>,
    suffixes: Vec<(usize, usize)>,
    infixes: Vec<(usize, usize)>,
}

impl Tokenizer {
    /// Compiles the rules. Fails on a pattern it cannot read or compile.
    pub fn from_rules(rules: &TokenizerRules) -> Result<Tokenizer, TokenizerError> {
        let mut norms: Vec<Box<str>> = Vec::new();
        let mut norm_ids: FxHashMap<String, ExcNorm> = FxHashMap::default();
        let mut specials = FxHashMap::default();
        let mut max_special_len = 0;
        for (key, tokens) in &rules.exceptions {
            let mut out = Vec::with_capacity(tokens.len());
            for t in tokens {
                let norm = match &t.norm {
                    None => None,
                    Some(n) => Some(match norm_ids.get(n) {
                        Some(&id) => id,
                        None => {
                            let id = ExcNorm(u32::try_from(norms.len()).map_err(|_| {
                                TokenizerError::Exception {
                                    key: key.clone(),
                                    message: "too many exception norms".into(),
                                }
                            })?);
                            norms.push(n.as_str().into());
                            norm_ids.insert(n.clone(), id);
                            id
                        }
                    }),
                };
                out.push((t.orth.len(), norm));
            }
            max_special_len = max_special_len.max(key.len());
            specials.insert(key.as_str().into(), Special { tokens: out });
        }
        let mut tok = Tokenizer {
            prefix: rules
                .prefix_search
                .as_deref()
                .map(PrefixSearch::new)
                .transpose()?,
            suffix: rules
                .suffix_search
                .as_deref()
                .map(SuffixSearch::new)
                .transpose()?,
            infix: rules
                .infix_finditer
                .as_deref()
                .map(InfixFinder::new)
                .transpose()?,
            token_match: rules
                .token_match
                .as_deref()
                .map(|p| FullMatch::new(Role::TokenMatch, p))
                .transpose()?,
            url_match: rules
                .url_match
                .as_deref()
                .map(|p| FullMatch::new(Role::UrlMatch, p))
                .transpose()?,
            specials,
            max_special_len,
            norms,
            matcher: SpecialMatcher::default(),
        };
        // spaCy's add_special_case: the phrase-matcher pattern of a rule is the rule's string
        // tokenised without special cases; with faster heuristics only rules that an affix or
        // infix rule would split, or that contain a space, get one.
        let mut matcher = SpecialMatcher::default();
        let mut tokens = Vec::new();
        let mut scratch = Scratch::default();
        for key in rules.exceptions.keys() {
            let needs_pattern = !rules.faster_heuristics
                || tok.find_prefix(key) != 0
                || tok.find_suffix(key) != 0
                || key.contains(' ')
                || {
                    tok.find_infix(key, &mut scratch.infixes);
                    !scratch.infixes.is_empty()
                };
            if needs_pattern {
                tokens.clear();
                tok.tokenize_affixes(key, false, &mut tokens, &mut scratch);
                matcher.add(tokens.iter().map(|t| t.text(key)));
            }
        }
        tok.matcher = matcher;
        Ok(tok)
    }

    /// Splits `text` into tokens.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, &mut out);
        out
    }

    /// Splits `text` into tokens, into `out` (cleared first), to reuse its allocation.
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        out.clear();
        out.reserve(text.len() / 5 + 1);
        let mut scratch = Scratch::default();
        self.tokenize_affixes(text, true, out, &mut scratch);
        self.matcher.apply(self, text, out);
    }

    /// The NORM string of an exception norm id.
    pub fn exc_norm(&self, id: ExcNorm) -> &str {
        usize::try_from(id.0)
            .ok()
            .and_then(|i| self.norms.get(i))
            .map_or("", |s| s)
    }

    /// The patterns that run wholly on the backtracking engine (`fancy-regex`) because their shape
    /// is outside the fast path (see the crate docs); empty for `en_core_web_sm`. (`url_match`
    /// and `token_match` use it only to confirm strings their look-around-free superset accepts,
    /// and are not listed.)
    pub fn backtracking_patterns(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.prefix.as_ref().is_some_and(|p| !p.is_fast()) {
            out.push("prefix_search");
        }
        if self.suffix.as_ref().is_some_and(|p| !p.is_fast()) {
            out.push("suffix_search");
        }
        if self.infix.as_ref().is_some_and(|p| !p.is_fast()) {
            out.push("infix_finditer");
        }
        out
    }

    /// Number of special cases (tokenizer exceptions).
    pub fn special_case_count(&self) -> usize {
        self.specials.len()
    }

    pub(crate) fn special(&self, s: &str) -> Option<&Special> {
        if s.len() > self.max_special_len {
            return None;
        }
        self.specials.get(s)
    }

    fn find_prefix(&self, s: &str) -> usize {
        self.prefix.as_ref().map_or(0, |p| p.find(s))
    }

    fn find_suffix(&self, s: &str) -> usize {
        self.suffix.as_ref().map_or(0, |p| p.find(s))
    }

    fn find_infix(&self, s: &str, out: &mut Vec<(usize, usize)>) {
        match &self.infix {
            Some(i) => i.find_all(s, out),
            None => out.clear(),
        }
    }

    fn token_match(&self, s: &str) -> bool {
        self.token_match.as_ref().is_some_and(|m| m.is_match(s))
    }

    fn url_match(&self, s: &str) -> bool {
        self.url_match.as_ref().is_some_and(|m| m.is_match(s))
    }

    /// Pushes the tokens of special case `sp` starting at byte `at`.
    pub(crate) fn push_special(sp: &Special, at: usize, out: &mut Vec<Token>) {
        let mut pos = at;
        for &(len, exc_norm) in &sp.tokens {
            out.push(Token {
                start: pos,
                end: pos + len,
                whitespace: false,
                exc_norm,
            });
            pos += len;
        }
    }

    /// spaCy's `_tokenize_affixes`: whitespace split, then each chunk.
    fn tokenize_affixes(
        &self,
        text: &str,
        with_specials: bool,
        out: &mut Vec<Token>,
        scratch: &mut Scratch,
    ) {
        let Some(first) = text.chars().next() else {
            return;
        };
        let mut in_ws = unicode::is_space(first);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if unicode::is_space(c) == in_ws {
                continue;
            }
            if start < i {
                self.tokenize_chunk(text, start, i, with_specials, out, scratch);
            }
            if c == ' ' {
                if let Some(last) = out.last_mut() {
                    last.whitespace = true;
                }
                start = i + 1;
            } else {
                start = i;
            }
            in_ws = !in_ws;
        }
        if start < text.len() {
            self.tokenize_chunk(text, start, text.len(), with_specials, out, scratch);
        }
    }

    fn tokenize_chunk(
        &self,
        text: &str,
        a: usize,
        b: usize,
        with_specials: bool,
        out: &mut Vec<Token>,
        scratch: &mut Scratch,
    ) {
        let chunk = text.get(a..b).unwrap_or("");
        if with_specials && let Some(sp) = self.special(chunk) {
            Tokenizer::push_special(sp, a, out);
            return;
        }
        scratch.prefixes.clear();
        scratch.suffixes.clear();
        let (core_a, core_b) = self.split_affixes(text, a, b, with_specials, scratch);
        self.attach_tokens(text, core_a, core_b, with_specials, out, scratch);
    }

    /// spaCy's `_split_affixes` on `text[a..b]`: returns the core that remains.
    fn split_affixes(
        &self,
        text: &str,
        mut a: usize,
        mut b: usize,
        with_specials: bool,
        scratch: &mut Scratch,
    ) -> (usize, usize) {
        let is_special = |s: &str| with_specials && self.special(s).is_some();
        let mut last_size = 0;
        while a < b && b - a != last_size {
            let string = text.get(a..b).unwrap_or("");
            if self.token_match(string) || is_special(string) {
                break;
            }
            last_size = b - a;
            let pre_len = self.find_prefix(string);
            if pre_len != 0 {
                let minus_pre = text.get(a + pre_len..b).unwrap_or("");
                if !minus_pre.is_empty() && is_special(minus_pre) {
                    scratch.prefixes.push((a, a + pre_len));
                    a += pre_len;
                    break;
                }
            }
            let suf_len = self.find_suffix(text.get(a + pre_len..b).unwrap_or(""));
            if suf_len != 0 {
                let minus_suf = text.get(a..b - suf_len).unwrap_or("");
                if !minus_suf.is_empty() && is_special(minus_suf) {
                    scratch.suffixes.push((b - suf_len, b));
                    b -= suf_len;
                    break;
                }
            }
            if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= b - a {
                scratch.prefixes.push((a, a + pre_len));
                scratch.suffixes.push((b - suf_len, b));
                a += pre_len;
                b -= suf_len;
            } else if pre_len != 0 {
                scratch.prefixes.push((a, a + pre_len));
                a += pre_len;
            } else if suf_len != 0 {
                scratch.suffixes.push((b - suf_len, b));
                b -= suf_len;
            }
        }
        (a, b)
    }

    /// spaCy's `_attach_tokens`: prefixes, the core (special case, kept whole, or split at the
    /// infixes), then the suffixes innermost last.
    fn attach_tokens(
        &self,
        text: &str,
        a: usize,
        b: usize,
        with_specials: bool,
        out: &mut Vec<Token>,
        scratch: &mut Scratch,
    ) {
        let plain = |s: usize, e: usize| Token {
            start: s,
            end: e,
            whitespace: false,
            exc_norm: None,
        };
        out.extend(scratch.prefixes.iter().map(|&(s, e)| plain(s, e)));
        if a < b {
            let string = text.get(a..b).unwrap_or("");
            let special = if with_specials {
                self.special(string)
            } else {
                None
            };
            if let Some(sp) = special {
                Tokenizer::push_special(sp, a, out);
            } else if self.token_match(string) || self.url_match(string) {
                out.push(plain(a, b));
            } else {
                self.find_infix(string, &mut scratch.infixes);
                if scratch.infixes.is_empty() {
                    out.push(plain(a, b));
                } else {
                    let mut start = 0;
                    for &(ms, me) in &scratch.infixes {
                        // spaCy skips an infix found at the very start of the core.
                        if ms == 0 {
                            continue;
                        }
                        if ms != start {
                            out.push(plain(a + start, a + ms));
                        }
                        if ms != me {
                            out.push(plain(a + ms, a + me));
                        }
                        start = me;
                    }
                    if a + start < b {
                        out.push(plain(a + start, b));
                    }
                }
            }
        }
        out.extend(scratch.suffixes.iter().rev().map(|&(s, e)| plain(s, e)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::SpecialToken;
    use std::collections::BTreeMap;

    /// A small rule set in the style of spaCy's English rules.
    pub(crate) fn toy_rules() -> TokenizerRules {
        let mut exceptions = BTreeMap::new();
        let mut add = |key: &str, parts: &[(&str, Option<&str>)]| {
            exceptions.insert(
                key.to_owned(),
                parts
                    .iter()
                    .map(|&(o, n)| SpecialToken {
                        orth: o.into(),
                        norm: n.map(Into::into),
                    })
                    .collect(),
            );
        };
        add("don't", &[("do", None), ("n't", Some("not"))]);
        add("U.S.", &[("U.S.", None)]);
        add("'s", &[("'s", Some("'s"))]);
        add(":)", &[(":)", None)]);
        add(" ", &[(" ", None)]);
        add("\u{a0}", &[("\u{a0}", Some("  "))]);
        TokenizerRules {
            prefix_search: Some(r#"^\(|^"|^'|^\$|^\.\.+|^:"#.into()),
            suffix_search: Some(r#"\)$|"$|'$|\.$|,$|\.\.+$|'s$|(?<=[0-9])km$"#.into()),
            infix_finditer: Some(r"\.\.+|(?<=[a-z])-(?=[a-z])|(?<=[0-9])[+\-\*^](?=[0-9-])".into()),
            token_match: None,
            url_match: Some(r"(?u)^(?:https?://)?(?:[a-z0-9]+\.)+[a-z]{2,}(?:/\S*)?$".into()),
            exceptions,
            faster_heuristics: true,
        }
    }

    fn texts(tok: &Tokenizer, text: &str) -> Vec<String> {
        tok.tokenize(text)
            .iter()
            .map(|t| format!("{}{}", t.text(text), if t.whitespace { "_" } else { "" }))
            .collect()
    }

    #[test]
    fn tokenizer_and_vocab_can_be_shared_or_sent() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tokenizer>();
        assert_send_sync::<crate::Vocab>();
    }

    #[test]
    fn whitespace_like_spacy() {
        let tok = Tokenizer::from_rules(&toy_rules()).expect("toy rules compile");
        assert_eq!(texts(&tok, "a  b"), ["a_", " ", "b"]);
        assert_eq!(texts(&tok, "a \n b"), ["a_", "\n ", "b"]);
        assert_eq!(texts(&tok, " lead"), [" ", "lead"]);
        assert_eq!(texts(&tok, "trail "), ["trail_"]);
        assert_eq!(texts(&tok, "x\u{3000}y"), ["x", "\u{3000}", "y"]);
        assert_eq!(texts(&tok, "x\u{1c}y"), ["x", "\u{1c}", "y"]);
        assert!(tok.tokenize("").is_empty());
    }

    #[test]
    fn affixes_specials_and_infixes() {
        let tok = Tokenizer::from_rules(&toy_rules()).expect("toy rules compile");
        assert_eq!(texts(&tok, "(don't)"), ["(", "do", "n't", ")"]);
        assert_eq!(texts(&tok, "\"U.S.\","), ["\"", "U.S.", "\"", ","]);
        assert_eq!(texts(&tok, "('s)"), ["(", "'s", ")"]);
        assert_eq!(texts(&tok, "well-known"), ["well", "-", "known"]);
        assert_eq!(texts(&tok, "1-2-3"), ["1", "-", "2", "-", "3"]);
        assert_eq!(
            texts(&tok, "-a"),
            ["-a"],
            "an infix at the start is not split"
        );
        assert_eq!(texts(&tok, "wait...what"), ["wait", "...", "what"]);
        assert_eq!(texts(&tok, "5km."), ["5", "km", "."]);
        assert_eq!(
            texts(&tok, "(example.com)."),
            ["(", "example.com", ")", "."]
        );
        assert_eq!(texts(&tok, "$5"), ["$", "5"]);
        let toks = tok.tokenize("don't");
        assert_eq!(
            toks.iter()
                .map(|t| t.exc_norm.map(|n| tok.exc_norm(n)))
                .collect::<Vec<_>>(),
            [None, Some("not")]
        );
    }

    #[test]
    fn tokens_cover_the_text() {
        let tok = Tokenizer::from_rules(&toy_rules()).expect("toy rules compile");
        let text = "  (Hello), \"world\"...  U.S.-led\t5km.\n";
        let toks = tok.tokenize(text);
        let mut rebuilt = String::new();
        for t in &toks {
            rebuilt.push_str(t.text(text));
            if t.whitespace {
                rebuilt.push(' ');
            }
        }
        assert_eq!(rebuilt, text);
    }
}
