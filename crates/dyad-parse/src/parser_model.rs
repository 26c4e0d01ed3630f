//! The scoring network of spaCy's transition-based parser and entity recogniser
//! (`TransitionBasedParser.v2`): it turns a parser state, given as the token indices of its feature
//! slots, into one score per transition. The transition systems themselves come separately.
//!
//! Per document, once: the token vectors are projected to the model's input width (`proj`), and the
//! lower layer is applied to every token for every feature slot, giving for token t and slot f a
//! vector of `hidden × pieces` values (spaCy's "precomputed" lower layer). Row 0 of that table is the
//! learned padding used for an empty slot (index -1).
//!
//! Per state: the rows of its feature tokens are summed (slot by slot, in order, as spaCy sums them),
//! the bias added, maxout over the pieces taken, and the upper linear layer gives the class scores.

use crate::linalg::gemm_abt;
use crate::model::{Model, ModelError, ParserConfig};

/// A loaded parser or NER scoring network; immutable and shareable between threads.
#[derive(Debug, Clone)]
pub struct ParserModel {
    n_tokvec: usize,
    n_in: usize,
    n_feat: usize,
    hidden: usize,
    pieces: usize,
    n_classes: usize,
    /// n_in × n_tokvec
    proj_w: Vec<f32>,
    proj_b: Vec<f32>,
    /// (n_feat · hidden · pieces) × n_in
    lower_w: Vec<f32>,
    /// hidden · pieces
    lower_b: Vec<f32>,
    /// n_feat · hidden · pieces
    pad: Vec<f32>,
    /// n_classes × hidden
    upper_w: Vec<f32>,
    upper_b: Vec<f32>,
}

/// The per-document table of precomputed lower-layer rows: `(n_tokens + 1) × n_feat × hidden·pieces`,
/// row 0 being the padding. For documents longer than [`DIRECT_TOKENS`] it holds only the projected
/// token vectors (`n_tokens × input width`), and each state's rows are computed when needed: the
/// table would take 4 KB a token.
#[derive(Debug, Clone, Default)]
pub struct Precomputed {
    n_tokens: usize,
    data: Vec<f32>,
    direct: bool,
}

/// Above this many tokens, [`ParserModel::precompute_into`] keeps the projected vectors instead of
/// the table. The scores differ from the table's only by float rounding.
pub const DIRECT_TOKENS: usize = 16_384;

impl Precomputed {
    /// Number of tokens of the document.
    pub fn n_tokens(&self) -> usize {
        self.n_tokens
    }
}

fn tensor(model: &Model, name: &str, shape: &[usize]) -> Result<Vec<f32>, ModelError> {
    let t = model.tensor(name)?;
    if t.shape() != shape {
        return Err(ModelError::CacheCorrupt {
            path: "weights.safetensors".into(),
            detail: format!(
                "tensor `{name}` has shape {:?}, expected {shape:?}",
                t.shape()
            ),
        });
    }
    Ok(t.data().to_vec())
}

impl ParserModel {
    /// The network whose tensors are named `{prefix}.…` (`parser` or `ner`), reading token vectors of
    /// width `n_tokvec` (96).
    pub fn new(
        model: &Model,
        prefix: &str,
        cfg: &ParserConfig,
        n_tokvec: usize,
    ) -> Result<ParserModel, ModelError> {
        let (n_in, nf, h, p, nc) = (
            cfg.input_width,
            cfg.n_features,
            cfg.hidden,
            cfg.pieces,
            cfg.actions.len(),
        );
        Ok(ParserModel {
            n_tokvec,
            n_in,
            n_feat: nf,
            hidden: h,
            pieces: p,
            n_classes: nc,
            proj_w: tensor(model, &format!("{prefix}.proj.W"), &[n_in, n_tokvec])?,
            proj_b: tensor(model, &format!("{prefix}.proj.b"), &[n_in])?,
            lower_w: tensor(model, &format!("{prefix}.lower.W"), &[nf, h, p, n_in])?,
            lower_b: tensor(model, &format!("{prefix}.lower.b"), &[h, p])?,
            pad: tensor(model, &format!("{prefix}.lower.pad"), &[1, nf, h, p])?,
            upper_w: tensor(model, &format!("{prefix}.upper.W"), &[nc, h])?,
            upper_b: tensor(model, &format!("{prefix}.upper.b"), &[nc])?,
        })
    }

    /// Feature slots per state.
    pub fn n_features(&self) -> usize {
        self.n_feat
    }

    /// Number of classes (transitions).
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Token vectors (n × `n_tokvec`) projected to the model's input width (n × input width).
    pub fn project(&self, tokvecs: &[f32]) -> Vec<f32> {
        let n = tokvecs.len() / self.n_tokvec.max(1);
        let mut out = Vec::with_capacity(n * self.n_in);
        for _ in 0..n {
            out.extend_from_slice(&self.proj_b);
        }
        gemm_abt(
            tokvecs,
            &self.proj_w,
            &mut out,
            n,
            self.n_tokvec,
            self.n_in,
            true,
        );
        out
    }

    /// Project the document's token vectors (n × `n_tokvec`) and precompute the lower layer for them.
    pub fn precompute(&self, tokvecs: &[f32]) -> Precomputed {
        let mut pre = Precomputed::default();
        self.precompute_into(tokvecs, &mut pre);
        pre
    }

    /// [`Self::precompute`] into an existing table, reusing its memory.
    pub fn precompute_into(&self, tokvecs: &[f32], pre: &mut Precomputed) {
        let n = tokvecs.len() / self.n_tokvec.max(1);
        self.precompute_mode(tokvecs, pre, n > DIRECT_TOKENS);
    }

    /// The table, or (`direct`) only the projected vectors.
    fn precompute_mode(&self, tokvecs: &[f32], pre: &mut Precomputed, direct: bool) {
        let x = self.project(tokvecs);
        let n = x.len() / self.n_in.max(1);
        pre.direct = direct;
        if direct {
            pre.n_tokens = n;
            pre.data = x;
            return;
        }
        let row = self.n_feat * self.hidden * self.pieces;
        // Every value is overwritten below: the padding row by copy, the rest by the product.
        pre.data.resize((n + 1) * row, 0.0);
        pre.data.truncate((n + 1) * row);
        pre.data[..row].copy_from_slice(&self.pad);
        gemm_abt(
            &x,
            &self.lower_w,
            &mut pre.data[row..],
            n,
            self.n_in,
            row,
            false,
        );
        pre.n_tokens = n;
    }

    /// Multiply-adds per token as spaCy computes them: projection and precomputed lower layer for
    /// every token, plus the upper layer once per transition (`steps_per_token` of them).
    pub fn multiply_adds_per_token(&self, steps_per_token: u64) -> u64 {
        let proj = self.n_tokvec * self.n_in;
        let lower = self.n_feat * self.hidden * self.pieces * self.n_in;
        let upper = self.hidden * self.n_classes;
        (proj + lower) as u64 + steps_per_token * upper as u64
    }

    /// Maxout pieces of the hidden layer.
    pub fn pieces(&self) -> usize {
        self.pieces
    }

    /// Width of the hidden layer (after the maxout).
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// The hidden vector of one state whose feature token indices are `ids` (one per feature slot,
    /// -1 for an empty slot), written into `hidden` ([`Self::hidden`] values). The state's document
    /// starts at token `offset` of `pre` (a table precomputed over several documents); a slot past
    /// the table counts as empty. `unmaxed` (hidden × pieces values) is scratch. As spaCy does it:
    /// the slots' rows are summed in slot order, then the bias is added, then the maxout taken.
    pub fn hidden_state(
        &self,
        pre: &Precomputed,
        offset: usize,
        ids: &[i32],
        unmaxed: &mut [f32],
        hidden: &mut [f32],
    ) {
        let o = self.hidden * self.pieces;
        let row = self.n_feat * o;
        let Some(unmaxed) = unmaxed.get_mut(..o) else {
            return;
        };
        unmaxed.fill(0.0);
        for (f, &id) in ids.iter().take(self.n_feat).enumerate() {
            if pre.direct {
                self.add_slot_direct(pre, offset, f, id, unmaxed);
                continue;
            }
            let r = usize::try_from(id)
                .ok()
                .map(|t| t + offset)
                .filter(|&t| t < pre.n_tokens)
                .map_or(0, |t| t + 1);
            let start = r * row + f * o;
            if let Some(feat) = pre.data.get(start..start + o) {
                for (u, v) in unmaxed.iter_mut().zip(feat) {
                    *u += v;
                }
            }
        }
        for (u, b) in unmaxed.iter_mut().zip(&self.lower_b) {
            *u += b;
        }
        crate::linalg::maxout(unmaxed, self.pieces, hidden);
    }

    /// Add slot `f`'s lower-layer row for token `id` (at `offset`), computed from the projected
    /// vector (or the padding for an empty slot).
    fn add_slot_direct(
        &self,
        pre: &Precomputed,
        offset: usize,
        f: usize,
        id: i32,
        unmaxed: &mut [f32],
    ) {
        let o = self.hidden * self.pieces;
        let x = usize::try_from(id)
            .ok()
            .map(|t| t + offset)
            .filter(|&t| t < pre.n_tokens)
            .and_then(|t| pre.data.get(t * self.n_in..(t + 1) * self.n_in));
        match x {
            Some(x) => {
                let w = self.lower_w.get(f * o * self.n_in..(f + 1) * o * self.n_in);
                for (u, row) in unmaxed
                    .iter_mut()
                    .zip(w.unwrap_or_default().chunks_exact(self.n_in.max(1)))
                {
                    *u += crate::linalg::dot(row, x);
                }
            }
            None => {
                for (u, p) in unmaxed
                    .iter_mut()
                    .zip(self.pad.get(f * o..(f + 1) * o).unwrap_or_default())
                {
                    *u += p;
                }
            }
        }
    }

    /// Class scores of `n_states` hidden vectors (`n_states × hidden`, one after another) into
    /// `scores` (`n_states × n_classes`): one matrix product, then the bias.
    pub fn upper(&self, hidden: &[f32], n_states: usize, scores: &mut [f32]) {
        let nc = self.n_classes;
        if hidden.len() < n_states * self.hidden || scores.len() < n_states * nc {
            return;
        }
        gemm_abt(
            hidden,
            &self.upper_w,
            scores,
            n_states,
            self.hidden,
            nc,
            false,
        );
        for row in scores.chunks_exact_mut(nc.max(1)).take(n_states) {
            for (s, b) in row.iter_mut().zip(&self.upper_b) {
                *s += b;
            }
        }
    }

    /// Scores of one state ([`Self::hidden_state`] then [`Self::upper`]); `scores` gets
    /// `n_classes` values. Nothing is allocated.
    pub fn score_state(
        &self,
        pre: &Precomputed,
        offset: usize,
        ids: &[i32],
        unmaxed: &mut [f32],
        hidden: &mut [f32],
        scores: &mut [f32],
    ) {
        self.hidden_state(pre, offset, ids, unmaxed, hidden);
        self.upper(hidden, 1, scores);
    }

    /// Scores of `n_states` states whose feature token indices are `ids` (`n_states × n_features`,
    /// -1 for an empty slot; an index past the document also counts as empty). Writes
    /// `n_states × n_classes` scores into `scores`, using `hidden` as scratch.
    pub fn scores(
        &self,
        pre: &Precomputed,
        ids: &[i32],
        hidden: &mut Vec<f32>,
        scores: &mut Vec<f32>,
    ) {
        let nf = self.n_feat.max(1);
        let n_states = ids.len() / nf;
        let o = self.hidden * self.pieces;
        let row = self.n_feat * o;
        hidden.clear();
        hidden.resize(n_states * self.hidden, 0.0);
        let mut unmaxed = vec![0.0f32; o];
        for (state_ids, h) in ids
            .chunks_exact(nf)
            .zip(hidden.chunks_exact_mut(self.hidden.max(1)))
        {
            unmaxed.iter_mut().for_each(|v| *v = 0.0);
            for (f, &id) in state_ids.iter().enumerate() {
                // Row 0 is the padding; token t is row t + 1.
                let r = usize::try_from(id)
                    .ok()
                    .filter(|&t| t < pre.n_tokens)
                    .map_or(0, |t| t + 1);
                let start = r * row + f * o;
                if let Some(feat) = pre.data.get(start..start + o) {
                    for (u, v) in unmaxed.iter_mut().zip(feat) {
                        *u += v;
                    }
                }
            }
            for (u, b) in unmaxed.iter_mut().zip(&self.lower_b) {
                *u += b;
            }
            crate::linalg::maxout(&unmaxed, self.pieces, h);
        }
        scores.clear();
        scores.reserve(n_states * self.n_classes);
        for _ in 0..n_states {
            scores.extend_from_slice(&self.upper_b);
        }
        gemm_abt(
            hidden,
            &self.upper_w,
            scores,
            n_states,
            self.hidden,
            self.n_classes,
            true,
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Action, ModelMeta, Tensor, Tensors};

    /// Token vectors of width 1, input width 1, 2 feature slots, hidden 1, 2 pieces, 2 classes.
    fn tiny() -> ParserModel {
        let cfg = ParserConfig {
            system: "arc_eager".into(),
            input_width: 1,
            n_features: 2,
            hidden: 1,
            pieces: 2,
            actions: vec![
                Action {
                    move_id: 0,
                    label: String::new(),
                    name: "S".into(),
                },
                Action {
                    move_id: 1,
                    label: String::new(),
                    name: "D".into(),
                },
            ],
            tok2vec: None,
        };
        let meta: ModelMeta = serde_json::from_value(serde_json::json!({
            "spacy_name": "x", "spacy_version": "3.8.0",
            "tok2vec": {"width": 1, "attrs": [], "rows": [], "seeds": [], "embed_pieces": 1,
                        "depth": 0, "window": 1, "pieces": 1},
            "tagger": {"labels": []}, "parser": cfg, "ner": cfg
        }))
        .unwrap();
        let mut w = Tensors::default();
        let mut put = |n: &str, shape: Vec<usize>, v: Vec<f32>| {
            w.insert(format!("p.{n}"), Tensor::new(shape, v).unwrap());
        };
        put("proj.W", vec![1, 1], vec![2.0]);
        put("proj.b", vec![1], vec![1.0]);
        // lower W [nF=2, h=1, p=2, nI=1]: slot 0 pieces (1, -1), slot 1 pieces (0.5, 3)
        put("lower.W", vec![2, 1, 2, 1], vec![1.0, -1.0, 0.5, 3.0]);
        put("lower.b", vec![1, 2], vec![0.0, 0.25]);
        put("lower.pad", vec![1, 2, 1, 2], vec![10.0, 20.0, 30.0, 40.0]);
        put("upper.W", vec![2, 1], vec![1.0, -2.0]);
        put("upper.b", vec![2], vec![0.0, 1.0]);
        ParserModel::new(
            &Model {
                meta: meta.clone(),
                weights: w,
            },
            "p",
            &meta.parser,
            1,
        )
        .unwrap()
    }

    #[test]
    fn scores_follow_the_definition() {
        let m = tiny();
        // Two tokens with vectors 0.5 and 1.0 -> projected 2.0 and 3.0.
        let pre = m.precompute(&[0.5, 1.0]);
        assert_eq!(m.project(&[0.5, 1.0]), [2.0, 3.0]);
        let (mut h, mut s) = (Vec::new(), Vec::new());
        // Slot 0 = token 1 (x = 3): pieces (3, -3); slot 1 = token 0 (x = 2): pieces (1, 6).
        // Sum (4, 3) + bias (0, 0.25) = (4, 3.25) -> max 4 -> scores (4, 1 - 8).
        m.scores(&pre, &[1, 0], &mut h, &mut s);
        assert_eq!(h, [4.0]);
        assert_eq!(s, [4.0, -7.0]);
        // One state at a time, without allocation, gives the same; an offset shifts the tokens.
        let (mut u, mut h1, mut s1) = (vec![0.0; 2], vec![0.0; 1], vec![0.0; 2]);
        m.score_state(&pre, 0, &[1, 0], &mut u, &mut h1, &mut s1);
        assert_eq!(
            (h1.as_slice(), s1.as_slice()),
            (&[4.0][..], &[4.0, -7.0][..])
        );
        m.score_state(&pre, 1, &[0, -1], &mut u, &mut h1, &mut s1);
        m.scores(&pre, &[1, -1], &mut h, &mut s);
        assert_eq!((h1.as_slice(), s1.as_slice()), (h.as_slice(), s.as_slice()));
        // Empty slots (and out-of-range ones) use the padding: (10, 20) + (30, 40) + bias -> 60.25.
        m.scores(&pre, &[-1, 7], &mut h, &mut s);
        assert_eq!(h, [60.25]);
        // Several states at once.
        m.scores(&pre, &[1, 0, -1, -1], &mut h, &mut s);
        assert_eq!(s.len(), 4);
        assert_eq!(s[..2], [4.0, -7.0]);
    }

    #[test]
    fn direct_rows_equal_the_table() {
        let m = tiny();
        let x = [0.5, 1.0, -0.25];
        let (mut table, mut direct) = (Precomputed::default(), Precomputed::default());
        m.precompute_mode(&x, &mut table, false);
        m.precompute_mode(&x, &mut direct, true);
        let (mut u, mut h1, mut h2) = (vec![0.0; 2], vec![0.0; 1], vec![0.0; 1]);
        for ids in [[1, 0], [-1, 2], [2, -1], [7, 1]] {
            for off in [0, 1] {
                m.hidden_state(&table, off, &ids, &mut u, &mut h1);
                m.hidden_state(&direct, off, &ids, &mut u, &mut h2);
                assert!((h1[0] - h2[0]).abs() < 1e-5, "{ids:?}: {h1:?} vs {h2:?}");
            }
        }
    }

    #[test]
    fn empty_documents_and_states() {
        let m = tiny();
        let pre = m.precompute(&[]);
        assert_eq!(pre.n_tokens(), 0);
        let (mut h, mut s) = (Vec::new(), Vec::new());
        m.scores(&pre, &[], &mut h, &mut s);
        assert!(s.is_empty());
        m.scores(&pre, &[0, 0], &mut h, &mut s);
        assert_eq!(h, [60.25]);
    }
}
