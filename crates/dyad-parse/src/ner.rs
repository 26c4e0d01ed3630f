//! The BILUO transition system of spaCy's entity recogniser (`BiluoPushDown` in
//! `_parser_internals/ner.pyx`), as its greedy decoder runs it on a document without preset
//! entities.
//!
//! The state walks the tokens left to right, one move per token:
//!
//! - **B-label** opens an entity at the current token. Valid when no entity is open, at least two
//!   tokens remain, the next token does not start a sentence and the current one is not whitespace.
//! - **I-label** continues the open entity (same label). Valid when at least two tokens remain and
//!   the next token does not start a sentence.
//! - **L-label** closes the open entity (same label) at the current token.
//! - **U-label** makes the current token a one-token entity. Valid when no entity is open and the
//!   token is not whitespace; `U` without a label is never valid here.
//! - **O** leaves the token outside any entity; valid when no entity is open.
//!
//! The network reads three tokens: the current one, the first of the open entity, and the one before
//! the current (the last of the open entity); -1 where there is none.

use crate::model::{Action, ModelError};

const BEGIN: u8 = 1;
const IN: u8 = 2;
const LAST: u8 = 3;
const UNIT: u8 = 4;
const OUT: u8 = 5;

/// Number of state features the NER network reads.
pub(crate) const N_FEATURES: usize = 3;

/// An entity: token range and label id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntSpan {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: u32,
}

/// A NER state; reused across documents.
#[derive(Debug, Clone, Default)]
pub(crate) struct NerState {
    length: usize,
    b: usize,
    /// (start, label) of the open entity.
    open: Option<(usize, u32)>,
    ents: Vec<EntSpan>,
}

impl NerState {
    /// The start state for a document of `n` tokens.
    pub(crate) fn reset(&mut self, n: usize) {
        self.length = n;
        self.b = 0;
        self.open = None;
        self.ents.clear();
    }

    /// Whether every token has been read.
    pub(crate) fn is_final(&self) -> bool {
        self.b >= self.length
    }

    fn b0(&self) -> i32 {
        if self.b < self.length {
            i32::try_from(self.b).unwrap_or(-1)
        } else {
            -1
        }
    }

    /// The feature tokens (-1 for none).
    pub(crate) fn features(&self, out: &mut [i32; N_FEATURES]) {
        let b0 = self.b0();
        let e0 = self
            .open
            .map_or(-1, |(s, _)| i32::try_from(s).unwrap_or(-1));
        let last = if b0 >= 0 && e0 >= 0 { b0 - 1 } else { -1 };
        *out = [b0, e0, last];
    }

    /// The entities found (complete ones only).
    pub(crate) fn entities(&self) -> &[EntSpan] {
        &self.ents
    }

    /// End the walk as it stands.
    pub(crate) fn force_final(&mut self) {
        self.b = self.length;
    }
}

/// What the NER moves need to know about the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocFacts<'a> {
    /// Sentence starts set by the parser (all false without it).
    pub(crate) sent_start: &'a [bool],
    /// Whitespace tokens.
    pub(crate) is_space: &'a [bool],
}

/// The NER classes: per output row, a move and a label id (0 = no label).
#[derive(Debug, Clone)]
pub(crate) struct Biluo {
    classes: Vec<(u8, u32)>,
}

impl Biluo {
    /// The classes of `actions`, with labels interned by `intern` (which must give 0 for `""`).
    pub(crate) fn new(
        actions: &[Action],
        mut intern: impl FnMut(&str) -> u32,
    ) -> Result<Biluo, ModelError> {
        let classes = actions
            .iter()
            .map(|a| {
                if a.move_id > OUT {
                    return Err(ModelError::CacheCorrupt {
                        path: "model.json".into(),
                        detail: format!("NER action {} has move {}", a.name, a.move_id),
                    });
                }
                Ok((a.move_id, intern(&a.label)))
            })
            .collect::<Result<_, _>>()?;
        Ok(Biluo { classes })
    }

    /// Number of classes.
    pub(crate) fn n_classes(&self) -> usize {
        self.classes.len()
    }

    fn valid(st: &NerState, doc: &DocFacts<'_>, mv: u8, label: u32) -> bool {
        let b = st.b;
        let remaining = st.length.saturating_sub(b);
        let next_starts = doc.sent_start.get(b + 1).copied().unwrap_or(false);
        let space = doc.is_space.get(b).copied().unwrap_or(false);
        match mv {
            BEGIN => st.open.is_none() && remaining >= 2 && label != 0 && !next_starts && !space,
            IN => {
                st.open.is_some_and(|(_, l)| l == label)
                    && remaining >= 2
                    && label != 0
                    && !next_starts
            }
            LAST => label != 0 && st.open.is_some_and(|(_, l)| l == label),
            UNIT => label != 0 && st.open.is_none() && !space,
            OUT => st.open.is_none(),
            // MISSING and anything else.
            _ => false,
        }
    }

    /// The valid class with the highest score (the first on ties), or `None`.
    pub(crate) fn best_valid(
        &self,
        st: &NerState,
        doc: &DocFacts<'_>,
        scores: &[f32],
    ) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, (&(mv, label), &s)) in self.classes.iter().zip(scores).enumerate() {
            if best.is_none_or(|(_, b)| s > b) && Self::valid(st, doc, mv, label) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Whether class `i` is valid.
    #[cfg(test)]
    pub(crate) fn is_valid(&self, st: &NerState, doc: &DocFacts<'_>, i: usize) -> bool {
        self.classes
            .get(i)
            .is_some_and(|&(mv, l)| Self::valid(st, doc, mv, l))
    }

    /// Apply class `i`; every move reads one token.
    pub(crate) fn apply(&self, st: &mut NerState, i: usize) {
        let Some(&(mv, label)) = self.classes.get(i) else {
            return;
        };
        let b = st.b;
        match mv {
            BEGIN => st.open = Some((b, label)),
            LAST => {
                if let Some((start, l)) = st.open.take() {
                    st.ents.push(EntSpan {
                        start,
                        end: b + 1,
                        label: l,
                    });
                }
            }
            UNIT => st.ents.push(EntSpan {
                start: b,
                end: b + 1,
                label,
            }),
            _ => {}
        }
        st.b += 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Classes B-X, I-X, L-X, U-X, U-, O with X = label 1.
    fn system() -> Biluo {
        let actions: Vec<Action> = [(1, "X"), (2, "X"), (3, "X"), (4, "X"), (4, ""), (5, "")]
            .iter()
            .map(|&(m, l)| Action {
                move_id: m,
                label: l.to_owned(),
                name: String::new(),
            })
            .collect();
        Biluo::new(&actions, |l| u32::from(!l.is_empty())).unwrap()
    }

    fn valid(sys: &Biluo, st: &NerState, doc: &DocFacts<'_>) -> Vec<bool> {
        (0..6).map(|i| sys.is_valid(st, doc, i)).collect()
    }

    #[test]
    fn a_two_token_entity_and_a_unit() {
        let sys = system();
        let (ss, sp) = ([false; 4], [false; 4]);
        let doc = DocFacts {
            sent_start: &ss,
            is_space: &sp,
        };
        let mut st = NerState::default();
        st.reset(4);
        let mut f = [0; 3];
        st.features(&mut f);
        assert_eq!(f, [0, -1, -1]);
        // No entity open: B, U, O; never I, L or the label-less U.
        assert_eq!(
            valid(&sys, &st, &doc),
            [true, false, false, true, false, true]
        );
        sys.apply(&mut st, 0); // B-X at 0
        st.features(&mut f);
        assert_eq!(f, [1, 0, 0]);
        assert_eq!(
            valid(&sys, &st, &doc),
            [false, true, true, false, false, false]
        );
        sys.apply(&mut st, 2); // L-X at 1
        sys.apply(&mut st, 5); // O at 2
        // Last token: B needs two tokens left.
        assert_eq!(
            valid(&sys, &st, &doc),
            [false, false, false, true, false, true]
        );
        sys.apply(&mut st, 3); // U-X at 3
        assert!(st.is_final());
        st.features(&mut f);
        assert_eq!(f, [-1, -1, -1]);
        let spans: Vec<_> = st.entities().iter().map(|e| (e.start, e.end)).collect();
        assert_eq!(spans, [(0, 2), (3, 4)]);
    }

    #[test]
    fn sentence_starts_and_whitespace_limit_entities() {
        let sys = system();
        let ss = [true, false, true, false];
        let sp = [false, true, false, false];
        let doc = DocFacts {
            sent_start: &ss,
            is_space: &sp,
        };
        let mut st = NerState::default();
        st.reset(4);
        sys.apply(&mut st, 5); // O at 0
        // Token 1 is whitespace: no B or U.
        assert_eq!(
            valid(&sys, &st, &doc),
            [false, false, false, false, false, true]
        );
        sys.apply(&mut st, 5);
        sys.apply(&mut st, 0); // B at 2
        st.reset(4);
        sys.apply(&mut st, 0); // B at 0
        // Token 2 starts a sentence: the entity cannot continue into it, but can close at 1.
        assert_eq!(
            valid(&sys, &st, &doc),
            [false, false, true, false, false, false]
        );
        assert_eq!(
            sys.best_valid(&st, &doc, &[9.0, 9.0, 1.0, 9.0, 9.0, 9.0]),
            Some(2)
        );
    }
}
