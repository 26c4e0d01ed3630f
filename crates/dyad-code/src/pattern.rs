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
use dyad_lexicon::{KeySeq, LexiconIndex, SynsetId, WordId};
use rustc_hash::{FxHashMap, FxHashSet};

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

/// Synset members arranged for matching: one-word members in a set, longer ones by their
/// first word (built once per coder).
#[derive(Debug, Clone, Default)]
pub struct SynsetTable {
    single: Vec<FxHashSet<WordId>>,
    multi: Vec<FxHashMap<WordId, Vec<Box<[WordId]>>>>,
}

impl SynsetTable {
    /// The table of every synset of the index.
    pub fn new(index: &LexiconIndex) -> SynsetTable {
        let mut t = SynsetTable::default();
        for i in 0..index.lexicon().verbs.synsets.len() {
            let members = index.verbs.synset_members(SynsetId(i as u32));
            let mut single = FxHashSet::default();
            let mut multi: FxHashMap<WordId, Vec<Box<[WordId]>>> = FxHashMap::default();
            for m in members {
                match m.as_slice() {
                    [] => {}
                    [w] => {
                        single.insert(*w);
                    }
                    [first, ..] => multi.entry(*first).or_default().push(m.clone().into()),
                }
            }
            for list in multi.values_mut() {
                list.sort_by_key(|m| std::cmp::Reverse(m.len()));
            }
            t.single.push(single);
            t.multi.push(multi);
        }
        t
    }

    /// The end of the longest member of synset `s` starting at key `k`.
    fn at(&self, s: SynsetId, ids: &[WordId], k: usize) -> Option<usize> {
        let i = s.0 as usize;
        let w = *ids.get(k)?;
        if let Some(list) = self.multi.get(i).and_then(|m| m.get(&w)) {
            for m in list {
                if ids.get(k..k + m.len()) == Some(&m[..]) {
                    return Some(k + m.len());
                }
            }
        }
        self.single
            .get(i)
            .is_some_and(|set| set.contains(&w))
            .then_some(k + 1)
    }

    /// The start of the longest member of synset `s` ending at key `k` (inclusive).
    fn ending_at(&self, s: SynsetId, ids: &[WordId], k: usize) -> Option<usize> {
        let i = s.0 as usize;
        let mut best = None;
        if let Some(map) = self.multi.get(i) {
            for list in map.values() {
                for m in list {
                    let len = m.len();
                    if len <= k + 1 && ids.get(k + 1 - len..=k) == Some(&m[..]) {
                        let start = k + 1 - len;
                        if best.is_none_or(|b| start < b) {
                            best = Some(start);
                        }
                    }
                }
            }
        }
        if best.is_none()
            && self
                .single
                .get(i)
                .is_some_and(|set| ids.get(k).is_some_and(|w| set.contains(w)))
        {
            best = Some(k);
        }
        best
    }
}

/// The context a pattern is matched in.
pub struct Matcher<'m, 's> {
    /// The sentence.
    pub s: &'m Sentence<'s>,
    /// The synsets.
    pub synsets: &'m SynsetTable,
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

/// What to restore when a partial match is abandoned.
#[derive(Clone, Copy)]
struct Mark {
    tokens: usize,
    source: Option<usize>,
    target: Option<usize>,
    compound: Option<(usize, bool)>,
}

impl State {
    fn mark(&self) -> Mark {
        Mark {
            tokens: self.b.tokens.len(),
            source: self.b.source,
            target: self.b.target,
            compound: self.b.compound,
        }
    }

    fn reset(&mut self, m: Mark) {
        self.b.tokens.truncate(m.tokens);
        self.b.source = m.source;
        self.b.target = m.target;
        self.b.compound = m.compound;
    }
}

impl Matcher<'_, '_> {
    fn keys(&self) -> &KeySeq {
        &self.s.keys
    }

    fn open(&self, domain: &[bool], k: usize) -> bool {
        k < self.keys().len() && domain.get(self.s.key_token(k)).copied().unwrap_or(false)
    }

    fn in_after(&self, k: usize) -> bool {
        self.open(self.after, k)
    }

    fn in_before(&self, k: usize) -> bool {
        self.open(self.before, k)
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
        if !self.back_seq(&rev, 0, self.verb_first_key, p.verb_glued, &mut st) {
            let idx = p.before.len().saturating_sub(1 + st.furthest.1);
            return Err(Failure {
                before: true,
                element: idx,
            });
        }
        st.furthest = (false, 0);
        let items: Vec<&PatItem> = p.after.iter().collect();
        if self.fwd_seq(&items, 0, self.verb_end_key, usize::MAX, &mut st) {
            Ok(st.b)
        } else {
            Err(Failure {
                before: false,
                element: st.furthest.1,
            })
        }
    }

    // ---------------------------------------------------------------- forward

    /// Matches `items[i..]` from key `pos` on, all keys below `limit`; a glued item must start
    /// exactly at `pos`.
    fn fwd_seq(
        &mut self,
        items: &[&PatItem],
        i: usize,
        pos: usize,
        limit: usize,
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
        let last = if item.glued { pos + 1 } else { end_limit };
        for k in pos..last.min(end_limit) {
            st.budget = st.budget.saturating_sub(1);
            if st.budget == 0 {
                return false;
            }
            let mark = st.mark();
            if let Some(end) = self.fwd_item(&item.pat, k, end_limit, st)
                && self.fwd_seq(items, i + 1, end, limit, st)
            {
                return true;
            }
            st.reset(mark);
        }
        false
    }

    /// Places one element starting at key `k`: its end (bindings recorded in `st`; the caller
    /// restores them on failure).
    fn fwd_item(&mut self, pat: &Pat, k: usize, limit: usize, st: &mut State) -> Option<usize> {
        if k >= limit || !self.in_after(k) {
            return None;
        }
        match pat {
            Pat::Word(w) => (self.keys().ids().get(k) == Some(w)).then(|| {
                st.b.tokens.push(self.s.key_token(k));
                k + 1
            }),
            Pat::Synset(set) => {
                let end = self.synsets.at(*set, self.keys().ids(), k)?;
                if end > limit || !(k..end).all(|x| self.in_after(x)) {
                    return None;
                }
                for x in k..end {
                    st.b.tokens.push(self.s.key_token(x));
                }
                Some(end)
            }
            Pat::Source | Pat::Target | Pat::Compound | Pat::Skip => {
                let t = self.s.key_token(k);
                if self.s.toks[t].key_start as usize != k {
                    return None;
                }
                // A chunk starting here, or (after a word matched inside it: "* THEIR ^")
                // the rest of the chunk this token is in.
                let h = self
                    .nom
                    .chunk_starting(t)
                    .or_else(|| self.nom.chunk_covering(t).filter(|&h| h >= t))?;
                let (_, hi) = self.nom.extent(h);
                let mut end = self.s.toks[hi - 1].key_end as usize;
                match pat {
                    Pat::Skip => {}
                    Pat::Compound => {
                        let full = self.nom.full(self.s, h);
                        if full.items.len() < 2 {
                            return None;
                        }
                        // The compound runs to the end of its last conjunct.
                        let last = full.items.iter().map(|a| a.end).max().unwrap_or(hi);
                        end = end.max(self.s.toks[last.max(1) - 1].key_end as usize);
                        st.b.compound = Some((h, false));
                    }
                    _ => {
                        if self.nom.own(self.s, h).is_empty() {
                            return None;
                        }
                        if matches!(pat, Pat::Source) {
                            st.b.source = Some(h);
                        } else {
                            st.b.target = Some(h);
                        }
                    }
                }
                (end <= limit).then_some(end)
            }
            Pat::NounPhrase(inner) => {
                let (head, mods) = inner.split_last()?;
                let end = self.fwd_item(&head.pat, k, limit, st)?;
                if mods.is_empty() {
                    return Some(end);
                }
                let t = self.s.key_token(k);
                let (lo, _) = self.nom.extent(t);
                let lo_key = self.s.toks[lo].key_start as usize;
                // Inside a noun phrase the modifiers are in order, gaps allowed.
                let mods: Vec<&PatItem> = mods.iter().collect();
                (lo_key < k && self.fwd_seq(&mods, 0, lo_key, k, st)).then_some(end)
            }
            Pat::Prep(inner) => {
                let (prep, rest) = inner.split_first()?;
                let Pat::Word(w) = &prep.pat else {
                    return None;
                };
                if self.keys().ids().get(k) != Some(w) {
                    return None;
                }
                let p = self.s.key_token(k);
                if rest.is_empty() {
                    // `(TO)`: the preposition must govern something.
                    if self.s.children(p).is_empty() {
                        return None;
                    }
                    st.b.tokens.push(p);
                    return Some(k + 1);
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
                if !self.fwd_seq(&rest, 0, k + 1, subtree_end, st) {
                    return None;
                }
                // The group ends after the furthest token it bound.
                let end =
                    st.b.tokens
                        .iter()
                        .map(|&t| self.s.toks[t].key_end as usize)
                        .chain(st.b.target.map(|h| self.chunk_end_key(h)))
                        .chain(st.b.source.map(|h| self.chunk_end_key(h)))
                        .max()
                        .unwrap_or(k + 1)
                        .max(k + 1);
                Some(end.min(limit))
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
        let lowest = if glued_here { pos - 1 } else { 0 };
        for k in (lowest..pos).rev() {
            st.budget = st.budget.saturating_sub(1);
            if st.budget == 0 {
                return false;
            }
            let mark = st.mark();
            // This item glued to the one before it (in text order) means that one must end
            // right where this one starts.
            if let Some(start) = self.back_item(&item.pat, k, st)
                && self.back_seq(items, i + 1, start, item.glued, st)
            {
                return true;
            }
            st.reset(mark);
        }
        false
    }

    /// Places one element ending at key `k` (inclusive): its start.
    fn back_item(&mut self, pat: &Pat, k: usize, st: &mut State) -> Option<usize> {
        let slot = matches!(pat, Pat::Source | Pat::Target | Pat::Compound | Pat::Skip);
        let open = if slot {
            self.open(self.before_slots, k)
        } else {
            self.in_before(k)
        };
        if !open {
            return None;
        }
        match pat {
            Pat::Word(w) => (self.keys().ids().get(k) == Some(w)).then(|| {
                st.b.tokens.push(self.s.key_token(k));
                k
            }),
            Pat::Synset(set) => {
                let start = self.synsets.ending_at(*set, self.keys().ids(), k)?;
                if !(start..=k).all(|x| self.in_before(x)) {
                    return None;
                }
                for x in start..=k {
                    st.b.tokens.push(self.s.key_token(x));
                }
                Some(start)
            }
            Pat::Source | Pat::Target | Pat::Compound | Pat::Skip => {
                let t = self.s.key_token(k);
                if (self.s.toks[t].key_end as usize).saturating_sub(1) != k {
                    return None;
                }
                let mut h = self.nom.chunk_ending(t)?;
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
                        return None;
                    }
                    st.b.compound = Some((h, true));
                } else if !matches!(pat, Pat::Skip) {
                    if self.nom.own(self.s, h).is_empty() {
                        return None;
                    }
                    if matches!(pat, Pat::Source) {
                        st.b.source = Some(h);
                    } else {
                        st.b.target = Some(h);
                    }
                }
                let (lo, _) = self.nom.extent(h);
                Some(self.s.toks[lo].key_start as usize)
            }
            Pat::NounPhrase(inner) => {
                let (head, mods) = inner.split_last()?;
                let start = self.back_item(&head.pat, k, st)?;
                if mods.is_empty() {
                    return Some(start);
                }
                let t = self.s.key_token(start);
                let (lo, _) = self.nom.extent(t);
                let lo_key = self.s.toks[lo].key_start as usize;
                let mods: Vec<&PatItem> = mods.iter().rev().collect();
                // Modifiers right to left, within [lo_key, start).
                self.back_seq_within(&mods, 0, start, lo_key, st)
                    .then_some(lo_key.min(start))
            }
            Pat::Prep(inner) => {
                let (prep, rest) = inner.split_first()?;
                let Pat::Word(w) = &prep.pat else {
                    return None;
                };
                let rest: Vec<&PatItem> = rest.iter().collect();
                // The preposition somewhere at or before k, its group ending at k.
                for p in (0..=k).rev() {
                    if self.keys().ids().get(p) != Some(w) || !self.in_before(p) {
                        continue;
                    }
                    let mark = st.mark();
                    st.b.tokens.push(self.s.key_token(p));
                    let ok = rest.is_empty() || {
                        // Reuse the forward matcher on the before-domain.
                        let after = std::mem::take(&mut self.after);
                        self.after = self.before;
                        let r = self.fwd_seq(&rest, 0, p + 1, k + 1, st);
                        self.after = after;
                        r
                    };
                    if ok {
                        return Some(p);
                    }
                    st.reset(mark);
                }
                None
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
            let mark = st.mark();
            if let Some(start) = self.back_item(&item.pat, k, st)
                && self.back_seq_within(items, i + 1, start, lo, st)
            {
                return true;
            }
            st.reset(mark);
        }
        false
    }
}
