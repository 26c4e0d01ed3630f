//! Matching a verb pattern against a sentence.
//!
//! A pattern's elements after the verb are matched left to right in the verb's *domain*: the
//! tokens of its subtree to its right, without the subtrees of verbs conjoined to it or of
//! parenthetical clauses (what TABARI's shallow parse saw as the rest of the clause, cut
//! where the dependency tree says another clause begins). The elements before the verb are
//! matched right to left among the tokens to its left. Between elements any words may
//! intervene unless the dictionary glued them with `_`, in which case they must be adjacent.
//!
//! * a word matches a token's key (surface form, not lemma: "resolutions" is not
//!   "resolution"); a synset matches any of its members, several words long or not;
//! * `{A B HEAD}` matches HEAD with A and B before it, in order, within HEAD's noun phrase;
//! * `(PREP ...)` matches the preposition with the rest of the group inside its phrase;
//!   `(TO)` needs "to" with an object;
//! * `$` (source), `+` (target), `%` (compound) match a noun-phrase chunk that codes an
//!   actor, the first such chunk at that point (other words are passed over unless glued);
//!   `%` needs a phrase of two or more actors; `^` passes over exactly one chunk of any kind.
//!
//! The matcher backtracks (a word may occur twice), within a fixed budget of steps so that
//! no input makes it slow.

use dyad_lexicon::index::{CompiledPattern, Pat, PatItem};
use dyad_lexicon::{KeySeq, LexiconIndex};

use crate::nominal::Nominals;
use crate::sentence::{Dep, Sentence};

/// What a successful match bound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bindings {
    /// Head of the chunk matched by `$`.
    pub source: Option<usize>,
    /// Head of the chunk matched by `+`.
    pub target: Option<usize>,
    /// Head of the phrase matched by `%`, and whether it stood before the verb.
    pub compound: Option<(usize, bool)>,
    /// Tokens matched by words, synsets and prepositions.
    pub tokens: Vec<usize>,
}

/// Why a pattern did not match: the first element (index into before-then-after) that could
/// not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// Whether the failing element is before the verb.
    pub before: bool,
    /// Its index in that list.
    pub element: usize,
}

const BUDGET: u32 = 20_000;

/// The context a pattern is matched in.
pub struct Matcher<'m, 's> {
    /// The sentence.
    pub s: &'m Sentence<'s>,
    /// The lexicon.
    pub index: &'m LexiconIndex,
    /// Phrases and codes.
    pub nom: &'m mut Nominals,
    /// Tokens elements after the verb may use.
    pub after: &'m [bool],
    /// Tokens elements before the verb may use.
    pub before: &'m [bool],
    /// Tokens the actor slots (`$ + % ^`) before the verb may use (a passive verb's subject
    /// is open to them, not to words).
    pub before_slots: &'m [bool],
    /// First key of the verb (compound words included).
    pub verb_first_key: usize,
    /// One past the verb's last key.
    pub verb_end_key: usize,
}

struct State {
    budget: u32,
    b: Bindings,
    furthest: (bool, usize),
}

impl Matcher<'_, '_> {
    fn keys(&self) -> &KeySeq {
        &self.s.keys
    }

    fn in_after(&self, k: usize) -> bool {
        k < self.keys().len()
            && self
                .after
                .get(self.s.key_token(k))
                .copied()
                .unwrap_or(false)
    }

    fn in_before(&self, k: usize) -> bool {
        k < self.keys().len()
            && self
                .before
                .get(self.s.key_token(k))
                .copied()
                .unwrap_or(false)
    }

    /// Tries the pattern; the bindings on success, else where it failed.
    pub fn try_pattern(&mut self, p: &CompiledPattern) -> Result<Bindings, Failure> {
        let mut st = State {
            budget: BUDGET,
            b: Bindings::default(),
            furthest: (true, 0),
        };
        // Before the verb, right to left.
        let rev: Vec<&PatItem> = p.before.iter().rev().collect();
        let ok_before = self.back_seq(&rev, 0, self.verb_first_key, p.verb_glued, &mut st);
        if !ok_before {
            let idx = p.before.len().saturating_sub(1 + st.furthest.1);
            return Err(Failure {
                before: true,
                element: idx,
            });
        }
        st.furthest = (false, 0);
        let items: Vec<&PatItem> = p.after.iter().collect();
        if self.fwd_seq(&items, 0, self.verb_end_key, usize::MAX, true, &mut st) {
            Ok(st.b)
        } else {
            Err(Failure {
                before: false,
                element: st.furthest.1,
            })
        }
    }

    // ---------------------------------------------------------------- forward

    /// Matches `items[i..]` from key `pos` on, all keys below `limit`; the first item must
    /// start exactly at `pos` when glued (or when `first_glue` applies to the verb).
    fn fwd_seq(
        &mut self,
        items: &[&PatItem],
        i: usize,
        pos: usize,
        limit: usize,
        _after_verb: bool,
        st: &mut State,
    ) -> bool {
        let Some(item) = items.get(i) else {
            return true;
        };
        if st.budget == 0 {
            return false;
        }
        if !st.furthest.0 && i > st.furthest.1 {
            st.furthest.1 = i;
        }
        let end_limit = limit.min(self.keys().len());
        let candidates: Vec<usize> = if item.glued {
            vec![pos]
        } else {
            (pos..end_limit).collect()
        };
        for k in candidates {
            st.budget = st.budget.saturating_sub(1);
            if st.budget == 0 {
                return false;
            }
            let saved = st.b.clone();
            for end in self.fwd_item(&item.pat, k, end_limit, st) {
                if self.fwd_seq(items, i + 1, end, limit, false, st) {
                    return true;
                }
            }
            st.b = saved;
        }
        false
    }

    /// Places one element starting at key `k`: the possible ends (bindings recorded in `st`;
    /// the caller restores them on failure).
    fn fwd_item(&mut self, pat: &Pat, k: usize, limit: usize, st: &mut State) -> Vec<usize> {
        if k >= limit || !self.in_after(k) {
            return Vec::new();
        }
        match pat {
            Pat::Word(w) => {
                if self.keys().ids().get(k) == Some(w) {
                    st.b.tokens.push(self.s.key_token(k));
                    vec![k + 1]
                } else {
                    Vec::new()
                }
            }
            Pat::Synset(set) => match self.index.verbs.synset_at(*set, self.keys(), k) {
                Some(end) if end <= limit && (k..end).all(|x| self.in_after(x)) => {
                    for x in k..end {
                        st.b.tokens.push(self.s.key_token(x));
                    }
                    vec![end]
                }
                _ => Vec::new(),
            },
            Pat::Source | Pat::Target | Pat::Compound | Pat::Skip => {
                let t = self.s.key_token(k);
                if self.s.toks[t].key_start as usize != k {
                    return Vec::new();
                }
                // A chunk starting here, or (after a word matched inside it: "* THEIR ^")
                // the rest of the chunk this token is in.
                let Some(h) = self
                    .nom
                    .chunk_starting(t)
                    .or_else(|| self.nom.chunk_covering(t).filter(|&h| h >= t))
                else {
                    return Vec::new();
                };
                let (_, hi) = self.nom.extent(h);
                let mut end = self.s.toks[hi - 1].key_end as usize;
                match pat {
                    Pat::Skip => {}
                    Pat::Compound => {
                        let full = self.nom.full(self.s, h);
                        if full.items.len() < 2 {
                            return Vec::new();
                        }
                        // The compound runs to the end of its last conjunct.
                        let last = full.items.iter().map(|a| a.end).max().unwrap_or(hi);
                        end = end.max(self.s.toks[last.max(1) - 1].key_end as usize);
                        st.b.compound = Some((h, false));
                    }
                    _ => {
                        if self.nom.own(self.s, h).is_empty() {
                            return Vec::new();
                        }
                        if matches!(pat, Pat::Source) {
                            st.b.source = Some(h);
                        } else {
                            st.b.target = Some(h);
                        }
                    }
                }
                if end > limit {
                    return Vec::new();
                }
                vec![end]
            }
            Pat::NounPhrase(inner) => {
                let Some((head, mods)) = inner.split_last() else {
                    return Vec::new();
                };
                let ends = self.fwd_item(&head.pat, k, limit, st);
                let Some(&end) = ends.first() else {
                    return Vec::new();
                };
                if mods.is_empty() {
                    return vec![end];
                }
                let t = self.s.key_token(k);
                let (lo, _) = self.nom.extent(t);
                let lo_key = self.s.toks[lo].key_start as usize;
                // Inside a noun phrase the modifiers are in order, gaps allowed.
                let mods: Vec<&PatItem> = mods.iter().collect();
                if lo_key < k && self.fwd_seq(&mods, 0, lo_key, k, false, st) {
                    vec![end]
                } else {
                    Vec::new()
                }
            }
            Pat::Prep(inner) => {
                let Some((prep, rest)) = inner.split_first() else {
                    return Vec::new();
                };
                let Pat::Word(w) = &prep.pat else {
                    return Vec::new();
                };
                if self.keys().ids().get(k) != Some(w) {
                    return Vec::new();
                }
                let p = self.s.key_token(k);
                if rest.is_empty() {
                    // `(TO)`: the preposition must govern something.
                    if self.s.children(p).is_empty() {
                        return Vec::new();
                    }
                    st.b.tokens.push(p);
                    return vec![k + 1];
                }
                // The rest inside the preposition's phrase.
                let subtree_end = (0..self.s.len())
                    .filter(|&t| self.s.in_subtree(p, t))
                    .map(|t| self.s.toks[t].key_end as usize)
                    .max()
                    .unwrap_or(k + 1)
                    .min(limit);
                st.b.tokens.push(p);
                let rest: Vec<&PatItem> = rest.iter().collect();
                let before = st.b.clone();
                if self.fwd_seq(&rest, 0, k + 1, subtree_end, false, st) {
                    // The end is where the rest ended: approximate by the furthest token bound.
                    let end =
                        st.b.tokens
                            .iter()
                            .map(|&t| self.s.toks[t].key_end as usize)
                            .chain(st.b.target.map(|h| self.chunk_end_key(h)))
                            .chain(st.b.source.map(|h| self.chunk_end_key(h)))
                            .max()
                            .unwrap_or(k + 1)
                            .max(k + 1);
                    vec![end.min(limit)]
                } else {
                    st.b = before;
                    Vec::new()
                }
            }
        }
    }

    fn chunk_end_key(&self, h: usize) -> usize {
        let (_, hi) = self.nom.extent(h);
        self.s.toks[hi.max(1) - 1].key_end as usize
    }

    // ---------------------------------------------------------------- backward

    /// Matches `items[i..]` (in right-to-left order) ending just before key `pos`; glued to
    /// `pos` when `glued_here`.
    fn back_seq(
        &mut self,
        items: &[&PatItem],
        i: usize,
        pos: usize,
        glued_here: bool,
        st: &mut State,
    ) -> bool {
        let Some(item) = items.get(i) else {
            return true;
        };
        if st.budget == 0 {
            return false;
        }
        if st.furthest.0 && i > st.furthest.1 {
            st.furthest.1 = i;
        }
        if pos == 0 {
            return false;
        }
        let candidates: Vec<usize> = if glued_here {
            vec![pos - 1]
        } else {
            (0..pos).rev().collect()
        };
        for k in candidates {
            st.budget = st.budget.saturating_sub(1);
            if st.budget == 0 {
                return false;
            }
            let saved = st.b.clone();
            for start in self.back_item(&item.pat, k, st) {
                // This item glued to the one before it (in text order) means that one must
                // end right where this one starts.
                if self.back_seq(items, i + 1, start, item.glued, st) {
                    return true;
                }
            }
            st.b = saved;
        }
        false
    }

    /// Places one element ending at key `k` (inclusive): the possible starts.
    fn back_item(&mut self, pat: &Pat, k: usize, st: &mut State) -> Vec<usize> {
        let slot = matches!(pat, Pat::Source | Pat::Target | Pat::Compound | Pat::Skip);
        let open = if slot {
            k < self.keys().len()
                && self
                    .before_slots
                    .get(self.s.key_token(k))
                    .copied()
                    .unwrap_or(false)
        } else {
            self.in_before(k)
        };
        if !open {
            return Vec::new();
        }
        match pat {
            Pat::Word(w) => {
                if self.keys().ids().get(k) == Some(w) {
                    st.b.tokens.push(self.s.key_token(k));
                    vec![k]
                } else {
                    Vec::new()
                }
            }
            Pat::Synset(set) => {
                let members = self.index.verbs.synset_members(*set);
                for m in members {
                    let len = m.len();
                    if len == 0 || len > k + 1 {
                        continue;
                    }
                    let start = k + 1 - len;
                    if self.keys().ids().get(start..=k) == Some(m.as_slice())
                        && (start..=k).all(|x| self.in_before(x))
                    {
                        for x in start..=k {
                            st.b.tokens.push(self.s.key_token(x));
                        }
                        return vec![start];
                    }
                }
                Vec::new()
            }
            Pat::Source | Pat::Target | Pat::Compound | Pat::Skip => {
                let t = self.s.key_token(k);
                if (self.s.toks[t].key_end as usize).saturating_sub(1) != k {
                    return Vec::new();
                }
                let Some(mut h) = self.nom.chunk_ending(t) else {
                    return Vec::new();
                };
                if matches!(pat, Pat::Compound) {
                    // Up to the first conjunct.
                    let mut steps = 0;
                    while self.s.toks[h].dep == Dep::Conj
                        && let Some(up) = self.s.head(h)
                        && self.s.is_nominal(up)
                        && steps < 64
                    {
                        h = up;
                        steps += 1;
                    }
                    let full = self.nom.full(self.s, h);
                    if full.items.len() < 2 {
                        return Vec::new();
                    }
                    st.b.compound = Some((h, true));
                } else if !matches!(pat, Pat::Skip) {
                    if self.nom.own(self.s, h).is_empty() {
                        return Vec::new();
                    }
                    if matches!(pat, Pat::Source) {
                        st.b.source = Some(h);
                    } else {
                        st.b.target = Some(h);
                    }
                }
                let (lo, _) = self.nom.extent(h);
                vec![self.s.toks[lo].key_start as usize]
            }
            Pat::NounPhrase(inner) => {
                let Some((head, mods)) = inner.split_last() else {
                    return Vec::new();
                };
                let starts = self.back_item(&head.pat, k, st);
                let Some(&start) = starts.first() else {
                    return Vec::new();
                };
                if mods.is_empty() {
                    return vec![start];
                }
                let t = self.s.key_token(start);
                let (lo, _) = self.nom.extent(t);
                let lo_key = self.s.toks[lo].key_start as usize;
                let mods: Vec<&PatItem> = mods.iter().rev().collect();
                // Modifiers right to left, within [lo_key, start).
                let saved = st.b.clone();
                if self.back_seq_within(&mods, 0, start, lo_key, st) {
                    vec![lo_key.min(start)]
                } else {
                    st.b = saved;
                    Vec::new()
                }
            }
            Pat::Prep(inner) => {
                let Some((prep, rest)) = inner.split_first() else {
                    return Vec::new();
                };
                let Pat::Word(w) = &prep.pat else {
                    return Vec::new();
                };
                // The preposition somewhere at or before k, its group ending at k.
                for p in (0..=k).rev() {
                    if self.keys().ids().get(p) != Some(w) || !self.in_before(p) {
                        continue;
                    }
                    let rest: Vec<&PatItem> = rest.iter().collect();
                    let saved = st.b.clone();
                    st.b.tokens.push(self.s.key_token(p));
                    let ok = rest.is_empty() || {
                        // Reuse the forward matcher on the before-domain.
                        let after = std::mem::take(&mut self.after);
                        self.after = self.before;
                        let r = self.fwd_seq(&rest, 0, p + 1, k + 1, false, st);
                        self.after = after;
                        r
                    };
                    if ok {
                        return vec![p];
                    }
                    st.b = saved;
                }
                Vec::new()
            }
        }
    }

    fn back_seq_within(
        &mut self,
        items: &[&PatItem],
        i: usize,
        pos: usize,
        lo: usize,
        st: &mut State,
    ) -> bool {
        let Some(item) = items.get(i) else {
            return true;
        };
        if pos <= lo {
            return false;
        }
        for k in (lo..pos).rev() {
            st.budget = st.budget.saturating_sub(1);
            if st.budget == 0 {
                return false;
            }
            let saved = st.b.clone();
            for start in self.back_item(&item.pat, k, st) {
                if self.back_seq_within(items, i + 1, start, lo, st) {
                    return true;
                }
            }
            st.b = saved;
        }
        false
    }
}
