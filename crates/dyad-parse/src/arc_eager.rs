//! The arc-eager transition system of spaCy's dependency parser, as its greedy decoder runs it
//! (`beam_width = 1`).
//!
//! A state has a stack, a buffer (the tokens not yet shifted, read from `b_i` on, in front of which
//! sit tokens put back by an "unshift"), the arcs built so far and the sentence starts predicted so far.
//! Five moves:
//!
//! - **S** (shift) pushes the first buffer token. Valid when the stack is empty, or when the buffer
//!   holds two tokens or more, its first token does not start a sentence and was not unshifted.
//! - **D** (reduce) pops the stack; a popped token without a head goes back to the front of the
//!   buffer (and may not be shifted again until a left arc changes the stack) unless the stack held
//!   only it. Valid when the stack is not empty.
//! - **L-label** attaches the stack top to the first buffer token (replacing a head it had) and pops
//!   it. **R-label** attaches the first buffer token to the stack top and pushes it. Both need a
//!   non-empty stack and buffer and a first buffer token that does not start a sentence.
//! - **B** (break) marks the second buffer token as a sentence start. Valid when the buffer holds
//!   two tokens or more, the second follows the first directly and does not start a sentence yet.
//!
//! The validity of a move does not depend on its label. The network reads eight state tokens
//! (`B0, B1, S0, S1, S2`, the latest left child of `B0`, the latest left and right children of `S0`).
//!
//! Details that change results and follow spaCy 3.8 to the letter: a token's arcs are kept per head
//! in the order they were made, and "the latest child" is the last arc in that list. Removing an
//! arc (when a left arc re-attaches a token) only takes it out of its old head's list when it is that
//! list's last arc; otherwise the list keeps it (spaCy's `del_arc` edits a copy in that case). In
//! greedy decoding the removed arc is always the last one, so this only matters for hand-built
//! states.

use crate::model::{Action, ModelError};

/// Move numbers, as spaCy numbers them.
const SHIFT: u8 = 0;
const REDUCE: u8 = 1;
const LEFT: u8 = 2;
const RIGHT: u8 = 3;
const BREAK: u8 = 4;
const N_MOVES: usize = 5;

/// Number of state features the parser network reads.
pub(crate) const N_FEATURES: usize = 8;

/// No arc in a per-head list.
const NONE: u32 = u32::MAX;

/// One arc in the per-head lists: the child and the arc before it in the same list.
#[derive(Debug, Clone, Copy)]
struct ArcNode {
    child: i32,
    prev: u32,
}

/// A parser state; reused across documents (`reset`), so a batch allocates once.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArcState {
    length: i32,
    b_i: i32,
    stack: Vec<i32>,
    rebuffer: Vec<i32>,
    heads: Vec<i32>,
    labels: Vec<u32>,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
    arcs: Vec<ArcNode>,
    left_last: Vec<u32>,
    right_last: Vec<u32>,
}

impl ArcState {
    /// The start state for a document of `n` tokens.
    pub(crate) fn reset(&mut self, n: usize) {
        self.length = i32::try_from(n).unwrap_or(i32::MAX);
        let n = usize::try_from(self.length).unwrap_or(0);
        self.b_i = 0;
        self.stack.clear();
        self.rebuffer.clear();
        self.arcs.clear();
        self.heads.clear();
        self.heads.resize(n, -1);
        self.labels.clear();
        self.labels.resize(n, 0);
        for v in [&mut self.unshiftable, &mut self.sent_starts] {
            v.clear();
            v.resize(n, false);
        }
        for v in [&mut self.left_last, &mut self.right_last] {
            v.clear();
            v.resize(n, NONE);
        }
    }

    /// The i-th stack item from the top, or -1.
    fn s(&self, i: usize) -> i32 {
        match self.stack.len().checked_sub(i + 1) {
            Some(k) => self.stack.get(k).copied().unwrap_or(-1),
            None => -1,
        }
    }

    /// The i-th buffer item, or -1.
    fn b(&self, i: usize) -> i32 {
        let r = self.rebuffer.len();
        if i < r {
            return self.rebuffer.get(r - 1 - i).copied().unwrap_or(-1);
        }
        let b = i64::from(self.b_i) + (i - r) as i64;
        if b >= i64::from(self.length) {
            -1
        } else {
            b as i32
        }
    }

    fn buffer_length(&self) -> usize {
        usize::try_from(self.length - self.b_i).unwrap_or(0) + self.rebuffer.len()
    }

    fn flag(v: &[bool], i: i32) -> bool {
        usize::try_from(i)
            .ok()
            .and_then(|i| v.get(i))
            .copied()
            .unwrap_or(false)
    }

    fn is_sent_start(&self, i: i32) -> bool {
        Self::flag(&self.sent_starts, i)
    }

    fn has_head(&self, i: i32) -> bool {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.heads.get(i))
            .is_some_and(|&h| h >= 0)
    }

    /// The latest child in the per-head list `lists[head]`, or -1.
    fn last_child(&self, lists: &[u32], head: i32) -> i32 {
        let Some(&last) = usize::try_from(head).ok().and_then(|h| lists.get(h)) else {
            return -1;
        };
        self.arcs.get(last as usize).map_or(-1, |a| a.child)
    }

    /// Whether the state is final: empty stack and buffer.
    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    /// The feature tokens (`N_FEATURES`, -1 for none).
    pub(crate) fn features(&self, out: &mut [i32; N_FEATURES]) {
        let (b0, s0) = (self.b(0), self.s(0));
        *out = [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            self.last_child(&self.left_last, b0),
            self.last_child(&self.left_last, s0),
            self.last_child(&self.right_last, s0),
        ];
    }

    /// Validity of each move (indexed by move number).
    fn valid_moves(&self) -> [bool; N_MOVES] {
        let depth = self.stack.len();
        let blen = self.buffer_length();
        let b0 = self.b(0);
        let shift = depth == 0
            || (blen >= 2 && !self.is_sent_start(b0) && !Self::flag(&self.unshiftable, b0));
        // spaCy's extra condition (stack of one and a first buffer token that cannot start a
        // sentence) needs sentence starts set before parsing, which dyad never has.
        let reduce = depth > 0;
        let arc = depth > 0 && blen > 0 && !self.is_sent_start(b0);
        let b1 = self.b(1);
        let brk = blen >= 2 && b1 == b0 + 1 && !self.is_sent_start(b1);
        [shift, reduce, arc, arc, brk]
    }

    fn push(&mut self) {
        let b0 = match self.rebuffer.pop() {
            Some(b) => b,
            None => {
                let b = self.b_i;
                self.b_i += 1;
                b
            }
        };
        self.stack.push(b0);
    }

    fn unshift(&mut self) {
        if let Some(s0) = self.stack.pop() {
            if let Some(u) = usize::try_from(s0)
                .ok()
                .and_then(|i| self.unshiftable.get_mut(i))
            {
                *u = true;
            }
            self.rebuffer.push(s0);
        }
    }

    fn add_arc(&mut self, head: i32, child: i32, label: u32) {
        let (Ok(h), Ok(c)) = (usize::try_from(head), usize::try_from(child)) else {
            return;
        };
        if h >= self.heads.len() || c >= self.heads.len() {
            return;
        }
        let old = self.heads[c];
        if old >= 0 {
            // Only the last arc of the old head's list is really removed (see the module doc).
            let lists = if old > child {
                &mut self.left_last
            } else {
                &mut self.right_last
            };
            let o = old as usize;
            if let Some(arc) = self.arcs.get(lists[o] as usize)
                && arc.child == child
            {
                lists[o] = arc.prev;
            }
        }
        let lists = if head > child {
            &mut self.left_last
        } else {
            &mut self.right_last
        };
        let idx = u32::try_from(self.arcs.len()).unwrap_or(NONE);
        self.arcs.push(ArcNode {
            child,
            prev: lists[h],
        });
        lists[h] = idx;
        self.heads[c] = head;
        self.labels[c] = label;
    }

    /// Apply move `mv` with label id `label`. The move must be valid.
    fn apply(&mut self, mv: u8, label: u32) {
        match mv {
            SHIFT => self.push(),
            REDUCE => {
                if self.has_head(self.s(0)) || self.stack.len() == 1 {
                    self.stack.pop();
                } else {
                    self.unshift();
                }
            }
            LEFT => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, label);
                if let Some(u) = usize::try_from(b0)
                    .ok()
                    .and_then(|i| self.unshiftable.get_mut(i))
                {
                    *u = false;
                }
                self.stack.pop();
            }
            RIGHT => {
                let (s0, b0) = (self.s(0), self.b(0));
                self.add_arc(s0, b0, label);
                self.push();
            }
            BREAK => {
                if let Some(s) = usize::try_from(self.b(1))
                    .ok()
                    .and_then(|i| self.sent_starts.get_mut(i))
                {
                    *s = true;
                }
            }
            _ => {}
        }
    }

    /// End the parse as it stands (spaCy's `force_final`, used when no move is valid).
    pub(crate) fn force_final(&mut self) {
        self.stack.clear();
        self.rebuffer.clear();
        self.b_i = self.length;
    }

    /// The head of each token (`-1` for none) and the label id of its arc.
    pub(crate) fn arcs(&self) -> (&[i32], &[u32]) {
        (&self.heads, &self.labels)
    }
}

/// The parser's classes: for each output row of the network, a move and a label id.
#[derive(Debug, Clone)]
pub(crate) struct ArcEager {
    classes: Vec<(u8, u32)>,
}

impl ArcEager {
    /// The classes of `actions` (in class order), with labels interned by `intern`.
    pub(crate) fn new(
        actions: &[Action],
        mut intern: impl FnMut(&str) -> u32,
    ) -> Result<ArcEager, ModelError> {
        let classes = actions
            .iter()
            .map(|a| {
                if usize::from(a.move_id) >= N_MOVES {
                    return Err(ModelError::CacheCorrupt {
                        path: "model.json".into(),
                        detail: format!("parser action {} has move {}", a.name, a.move_id),
                    });
                }
                if a.label == "subtok" {
                    // Only models trained with `learn_tokens` have it; its special validity is
                    // not ported.
                    return Err(ModelError::CacheCorrupt {
                        path: "model.json".into(),
                        detail: "parser action with label `subtok` is not supported".into(),
                    });
                }
                Ok((a.move_id, intern(&a.label)))
            })
            .collect::<Result<_, _>>()?;
        Ok(ArcEager { classes })
    }

    /// Number of classes.
    pub(crate) fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// The valid class with the highest score (the first on ties), or `None` when no class is valid.
    pub(crate) fn best_valid(&self, state: &ArcState, scores: &[f32]) -> Option<usize> {
        let valid = state.valid_moves();
        let mut best: Option<(usize, f32)> = None;
        for (i, (&(mv, _), &s)) in self.classes.iter().zip(scores).enumerate() {
            if valid[usize::from(mv)] && best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Whether class `i` is valid in `state`.
    #[cfg(test)]
    pub(crate) fn is_valid(&self, state: &ArcState, i: usize) -> bool {
        self.classes
            .get(i)
            .is_some_and(|&(mv, _)| state.valid_moves()[usize::from(mv)])
    }

    /// Apply class `i`.
    pub(crate) fn apply(&self, state: &mut ArcState, i: usize) {
        if let Some(&(mv, label)) = self.classes.get(i) {
            state.apply(mv, label);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn system() -> (ArcEager, Vec<String>) {
        let names = ["S", "D", "L-nsubj", "R-dobj", "B-ROOT"];
        let actions: Vec<Action> = names
            .iter()
            .map(|n| {
                let (m, l) = n.split_once('-').unwrap_or((n, ""));
                Action {
                    move_id: "SDLRB".find(m).unwrap() as u8,
                    label: l.to_owned(),
                    name: (*n).to_owned(),
                }
            })
            .collect();
        let mut labels = vec![String::new()];
        let sys = ArcEager::new(&actions, |l| {
            if let Some(i) = labels.iter().position(|x| x == l) {
                i as u32
            } else {
                labels.push(l.to_owned());
                (labels.len() - 1) as u32
            }
        })
        .unwrap();
        (sys, labels)
    }

    fn feats(st: &ArcState) -> [i32; 8] {
        let mut f = [0; 8];
        st.features(&mut f);
        f
    }

    #[test]
    fn a_simple_sentence() {
        // "She reads books": S, L-nsubj, S, R-dobj, D, D.
        let (sys, labels) = system();
        let mut st = ArcState::default();
        st.reset(3);
        assert_eq!(feats(&st), [0, 1, -1, -1, -1, -1, -1, -1]);
        // Empty stack: only shift and break are valid.
        let valid: Vec<bool> = (0..5).map(|i| sys.is_valid(&st, i)).collect();
        assert_eq!(valid, [true, false, false, false, true]);
        for (class, f) in [
            (0, [1, 2, 0, -1, -1, -1, -1, -1]),
            (2, [1, 2, -1, -1, -1, 0, -1, -1]),
            (0, [2, -1, 1, -1, -1, -1, 0, -1]),
            (3, [-1, -1, 2, 1, -1, -1, -1, -1]),
            (1, [-1, -1, 1, -1, -1, -1, 0, 2]),
            (1, [-1, -1, -1, -1, -1, -1, -1, -1]),
        ] {
            assert!(sys.is_valid(&st, class), "class {class}");
            sys.apply(&mut st, class);
            assert_eq!(feats(&st), f, "after class {class}");
        }
        assert!(st.is_final());
        let (heads, labs) = st.arcs();
        assert_eq!(heads, [1, -1, 1]);
        assert_eq!(labels[labs[0] as usize], "nsubj");
        assert_eq!(labels[labs[2] as usize], "dobj");
    }

    #[test]
    fn reduce_without_head_unshifts() {
        let (sys, _) = system();
        let mut st = ArcState::default();
        st.reset(3);
        sys.apply(&mut st, 0); // S: stack [0]
        sys.apply(&mut st, 0); // S: stack [0, 1]
        // 1 has no head and the stack holds two: reduce puts it back on the buffer.
        sys.apply(&mut st, 1);
        assert_eq!(feats(&st)[..3], [1, 2, 0]);
        // It cannot be shifted again until a left arc changes the stack.
        assert!(!sys.is_valid(&st, 0));
        sys.apply(&mut st, 2); // L: 0 <- 1
        assert!(sys.is_valid(&st, 0));
        assert_eq!(st.arcs().0, [1, -1, -1]);
    }

    #[test]
    fn break_blocks_arcs_into_the_next_sentence() {
        let (sys, _) = system();
        let mut st = ArcState::default();
        st.reset(4);
        sys.apply(&mut st, 0); // S: stack [0], buffer 1 2 3
        sys.apply(&mut st, 4); // B: 2 starts a sentence
        sys.apply(&mut st, 3); // R: 0 -> 1, stack [0, 1], buffer 2 3
        // B0 = 2 starts a sentence: no arcs, no shift; reduce is the way out.
        assert_eq!(
            (0..5).map(|i| sys.is_valid(&st, i)).collect::<Vec<_>>(),
            [false, true, false, false, true]
        );
        // Break needs B1 = B0 + 1 and not yet a start: 3 is fine.
        sys.apply(&mut st, 1);
        sys.apply(&mut st, 1);
        assert!(!st.is_final());
        assert!(sys.is_valid(&st, 0));
    }

    #[test]
    fn left_arc_replaces_a_head_and_latest_children_follow() {
        let (sys, _) = system();
        let mut st = ArcState::default();
        st.reset(3);
        sys.apply(&mut st, 0); // S 0
        sys.apply(&mut st, 3); // R 0 -> 1
        assert_eq!(feats(&st)[7], -1);
        assert_eq!(feats(&st)[3], 0);
        // L: 1 <- 2 replaces 0 -> 1; 0's right-children list is empty again.
        sys.apply(&mut st, 2);
        assert_eq!(st.arcs().0, [-1, 2, -1]);
        assert_eq!(feats(&st), [2, -1, 0, -1, -1, 1, -1, -1]);
    }

    #[test]
    fn removing_an_arc_that_is_not_last_keeps_it_listed() {
        let mut st = ArcState::default();
        st.reset(5);
        st.add_arc(0, 2, 1);
        st.add_arc(0, 3, 1);
        // Re-attach 2 (not the last arc of 0): 0's list keeps it, the head changes.
        st.add_arc(4, 2, 1);
        assert_eq!(st.heads[2], 4);
        assert_eq!(st.last_child(&st.right_last, 0), 3);
        // Re-attach 3 (the last arc of 0): it leaves the list, and 2 shows again.
        st.add_arc(4, 3, 1);
        assert_eq!(st.last_child(&st.right_last, 0), 2);
        assert_eq!(st.last_child(&st.left_last, 4), 3);
    }

    #[test]
    fn empty_and_single_token_documents() {
        let (sys, _) = system();
        let mut st = ArcState::default();
        st.reset(0);
        assert!(st.is_final());
        st.reset(1);
        // Only shift is valid (break needs two buffer tokens).
        assert_eq!(sys.best_valid(&st, &[-1.0, 5.0, 5.0, 5.0, 5.0]), Some(0));
        sys.apply(&mut st, 0);
        assert_eq!(sys.best_valid(&st, &[9.0, -1.0, 5.0, 5.0, 5.0]), Some(1));
        sys.apply(&mut st, 1);
        assert!(st.is_final());
    }
}
