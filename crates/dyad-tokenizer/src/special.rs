//! spaCy's `_apply_special_cases`: special cases that span several tokens of the first pass.
//!
//! Each rule that an affix or infix rule would split has a pattern: its string tokenised without
//! special cases (`"''s"`-like rules become `'`, `'s` ...). A phrase matcher finds every run of
//! tokens whose texts equal a pattern. The matches are filtered like spaCy's
//! `_filter_special_spans`: longest first, then leftmost; a match is kept when neither its first
//! nor its last token was covered by an earlier one, and every match (kept or not) covers its
//! tokens. A kept match whose text (spaces included) is a rule's string is replaced by the rule's
//! tokens; the last of them keeps the whitespace flag of the match's last token. A match across
//! a space (the matcher only compares token texts) is left alone.

use rustc_hash::FxHashMap;

use crate::tokenizer::{Token, Tokenizer};

/// One pattern: the token texts of a rule tokenised without special cases.
type Pattern = Box<[Box<str>]>;

/// The phrase matcher over token texts.
#[derive(Default)]
pub(crate) struct SpecialMatcher {
    /// Patterns (token texts), grouped by their first token.
    by_first: FxHashMap<Box<str>, Vec<Pattern>>,
    count: usize,
}

impl SpecialMatcher {
    /// Adds a pattern; an empty one is ignored (as spaCy's PhraseMatcher does).
    pub(crate) fn add<'a>(&mut self, tokens: impl Iterator<Item = &'a str>) {
        let pattern: Pattern = tokens.map(Into::into).collect();
        let Some(first) = pattern.first().cloned() else {
            return;
        };
        self.by_first.entry(first).or_default().push(pattern);
        self.count += 1;
    }

    /// Number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// All matches as token ranges `(start, end)`.
    fn find(&self, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut matches = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(patterns) = self.by_first.get(t.text(text)) else {
                continue;
            };
            for p in patterns {
                let n = p.len();
                let Some(window) = tokens.get(i..i + n) else {
                    continue;
                };
                if window
                    .iter()
                    .zip(p.iter())
                    .all(|(t, w)| t.text(text) == &**w)
                {
                    matches.push((i, i + n));
                }
            }
        }
        matches
    }

    /// Finds and applies the special cases spanning tokens of `tokens`.
    pub(crate) fn apply(&self, tok: &Tokenizer, text: &str, tokens: &mut Vec<Token>) {
        if self.count == 0 || tokens.is_empty() {
            return;
        }
        let mut matches = self.find(text, tokens);
        if matches.is_empty() {
            return;
        }
        // Longest first; among equal lengths, leftmost first.
        matches.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut seen = vec![false; tokens.len()];
        let mut kept = Vec::new();
        for &(s, e) in &matches {
            let first_seen = seen.get(s).copied().unwrap_or(true);
            let last_seen = e
                .checked_sub(1)
                .and_then(|l| seen.get(l))
                .copied()
                .unwrap_or(true);
            if !first_seen && !last_seen {
                kept.push((s, e));
            }
            for flag in seen.get_mut(s..e).into_iter().flatten() {
                *flag = true;
            }
        }
        kept.sort_unstable();
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        for (s, e) in kept {
            out.extend_from_slice(tokens.get(i..s).unwrap_or(&[]));
            let (Some(first), Some(last)) =
                (tokens.get(s), e.checked_sub(1).and_then(|l| tokens.get(l)))
            else {
                continue;
            };
            match tok.special(text.get(first.start..last.end).unwrap_or("")) {
                Some(sp) => {
                    let at = out.len();
                    Tokenizer::push_special(sp, first.start, &mut out);
                    if let Some(t) = out.get_mut(at..).and_then(|new| new.last_mut()) {
                        t.whitespace = last.whitespace;
                    }
                }
                None => out.extend_from_slice(tokens.get(s..e).unwrap_or(&[])),
            }
            i = e;
        }
        out.extend_from_slice(tokens.get(i..).unwrap_or(&[]));
        *tokens = out;
    }
}
