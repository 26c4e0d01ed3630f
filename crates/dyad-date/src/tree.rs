//! Walking the dependency tree of a [`Parse`]: sentences, heads, children, clause heads.
//!
//! Every walk is bounded by the sentence's length, so a malformed tree (a cycle, a head in
//! another sentence) ends the walk instead of looping: a head outside the token's sentence
//! makes the token a root.

use std::ops::Range;

use dyad_doc::Span;
use dyad_doc::parse::{Parse, Pos, Token};

/// A coarse word class, from the universal POS when the parser gave one, else from the tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Verb,
    Aux,
    Noun,
    Adp,
    Other,
}

/// A view of one parse for tree walks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tree<'p> {
    pub parse: &'p Parse,
    pub text: &'p str,
}

impl<'p> Tree<'p> {
    pub fn new(parse: &'p Parse, text: &'p str) -> Tree<'p> {
        Tree { parse, text }
    }

    pub fn tok(&self, i: usize) -> Option<Token<'p>> {
        self.parse.token(i)
    }

    /// The index of the sentence holding token `i`.
    pub fn sent_of(&self, i: usize) -> Option<usize> {
        let sents = self.parse.sents();
        let k = sents.partition_point(|r| r.end <= i);
        sents.get(k).filter(|r| r.contains(&i)).map(|_| k)
    }

    /// Token range of sentence `s` (empty when there is no such sentence).
    pub fn sent(&self, s: usize) -> Range<usize> {
        let r = self.parse.sents().get(s).cloned().unwrap_or(0..0);
        r.start.min(self.parse.len())..r.end.min(self.parse.len())
    }

    /// The head of `i` within its sentence; `None` for a root (or a head elsewhere).
    pub fn head(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let h = t.head();
        let s = self.sent(self.sent_of(i)?);
        (h != i && s.contains(&h)).then_some(h)
    }

    /// Children of `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = Token<'p>> + '_ {
        let range = self.sent_of(i).map_or(0..0, |s| self.sent(s));
        let parse = self.parse;
        range
            .filter_map(move |j| parse.token(j))
            .filter(move |t| t.head() == i && t.i() != i)
    }

    pub fn dep(&self, i: usize) -> &'p str {
        self.tok(i).map_or("", |t| t.dep())
    }

    pub fn tag(&self, i: usize) -> &'p str {
        self.tok(i).map_or("", |t| t.tag())
    }

    /// The lemma, lower-cased when the parser left capitals ("Will" at a sentence start).
    pub fn lemma(&self, i: usize) -> String {
        let Some(t) = self.tok(i) else {
            return String::new();
        };
        let l = if t.lemma().is_empty() {
            t.text(self.text)
        } else {
            t.lemma()
        };
        l.to_lowercase()
    }

    pub fn class(&self, i: usize) -> Class {
        let Some(t) = self.tok(i) else {
            return Class::Other;
        };
        match t.pos() {
            Some(Pos::Verb) => Class::Verb,
            Some(Pos::Aux) => Class::Aux,
            Some(Pos::Noun | Pos::Propn | Pos::Pron) => Class::Noun,
            Some(Pos::Adp) => Class::Adp,
            Some(_) => Class::Other,
            None => {
                let tag = t.tag();
                if tag == "MD" {
                    Class::Aux
                } else if tag.starts_with("VB") {
                    Class::Verb
                } else if tag.starts_with("NN") || tag.starts_with("PRP") || tag == "WP" {
                    Class::Noun
                } else if tag == "IN" {
                    Class::Adp
                } else {
                    Class::Other
                }
            }
        }
    }

    /// Whether `i` heads a clause: a verb (or a non-auxiliary AUX, the copula) that is not
    /// an auxiliary of another verb, or any root.
    pub fn is_clause_head(&self, i: usize) -> bool {
        if self.head(i).is_none() {
            return true;
        }
        match self.class(i) {
            Class::Verb | Class::Aux => !matches!(self.dep(i), "aux" | "auxpass"),
            _ => false,
        }
    }

    /// The clause head at or above `i`.
    pub fn clause_head(&self, i: usize) -> usize {
        let mut cur = i;
        for _ in 0..=self.parse.len() {
            if self.is_clause_head(cur) {
                return cur;
            }
            match self.head(cur) {
                Some(h) => cur = h,
                None => return cur,
            }
        }
        cur
    }

    /// The clause heads from `c` up to the root: `c`, the clause above it, and so on.
    pub fn clause_chain(&self, c: usize) -> Vec<usize> {
        let mut out = vec![c];
        let mut cur = c;
        for _ in 0..=self.parse.len() {
            let Some(h) = self.head(cur) else { break };
            let up = self.clause_head(h);
            if out.contains(&up) {
                break;
            }
            out.push(up);
            cur = up;
        }
        out
    }

    /// Tokens of `sentence` that overlap the byte span `span`.
    pub fn tokens_in(&self, sentence: usize, span: Span) -> Range<usize> {
        let s = self.sent(sentence);
        let mut first = None;
        let mut last = None;
        for i in s {
            let Some(t) = self.tok(i) else { continue };
            let ts = t.span();
            if ts.start < span.end && ts.end > span.start {
                first.get_or_insert(i);
                last = Some(i);
            }
        }
        match (first, last) {
            (Some(a), Some(b)) => a..b + 1,
            _ => 0..0,
        }
    }

    /// The token of `tokens` whose head lies outside them (the first such, preferring one that
    /// is not punctuation).
    pub fn head_of(&self, tokens: Range<usize>) -> Option<usize> {
        let outside = |i: &usize| self.head(*i).is_none_or(|h| !tokens.contains(&h));
        tokens
            .clone()
            .filter(outside)
            .find(|&i| self.dep(i) != "punct")
            .or_else(|| tokens.clone().find(outside))
    }

    /// The byte span of sentence `s` without surrounding whitespace tokens.
    pub fn content_span(&self, s: usize) -> Option<Span> {
        let r = self.sent(s);
        let is_space = |i: usize| {
            self.tok(i)
                .is_some_and(|t| t.pos() == Some(Pos::Space) || t.text(self.text).trim().is_empty())
        };
        let first = r.clone().find(|&i| !is_space(i))?;
        let last = r.rev().find(|&i| !is_space(i))?;
        Some(Span::new(
            self.tok(first)?.span().start,
            self.tok(last)?.span().end,
        ))
    }
}
