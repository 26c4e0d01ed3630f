//! The tagger: a linear layer over the shared token vectors; the tag is the highest score (spaCy's
//! softmax is monotonic and is not applied at inference, `normalize = false`).

use crate::linalg::gemm_abt;
use crate::model::{Model, ModelError};

/// A loaded tagger; immutable and shareable between threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    n_in: usize,
    labels: Vec<String>,
    /// labels × n_in
    w: Vec<f32>,
    b: Vec<f32>,
}

impl Tagger {
    /// The tagger of `model` (tensors `tagger.W`, `tagger.b`; labels from the meta).
    pub fn new(model: &Model) -> Result<Tagger, ModelError> {
        let labels = model.meta.tagger.labels.clone();
        let w = model.tensor("tagger.W")?;
        let b = model.tensor("tagger.b")?;
        let n_in = w.shape().get(1).copied().unwrap_or(0);
        if w.shape() != [labels.len(), n_in] || b.shape() != [labels.len()] {
            return Err(ModelError::CacheCorrupt {
                path: "weights.safetensors".into(),
                detail: format!(
                    "tagger shapes {:?}/{:?} do not fit {} labels",
                    w.shape(),
                    b.shape(),
                    labels.len()
                ),
            });
        }
        Ok(Tagger {
            n_in,
            labels,
            w: w.data().to_vec(),
            b: b.data().to_vec(),
        })
    }

    /// Multiply-adds per token.
    pub fn multiply_adds_per_token(&self) -> u64 {
        (self.n_in * self.labels.len()) as u64
    }

    /// Tag names in class order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Scores (n × labels, row-major) for `x`, n token vectors of the input width one after another.
    pub fn scores(&self, x: &[f32]) -> Vec<f32> {
        let n = x.len() / self.n_in.max(1);
        let k = self.labels.len();
        let mut out = Vec::with_capacity(n * k);
        for _ in 0..n {
            out.extend_from_slice(&self.b);
        }
        gemm_abt(x, &self.w, &mut out, n, self.n_in, k, true);
        out
    }

    /// The best class of each token (the first one on ties, as numpy's argmax).
    pub fn predict(&self, x: &[f32]) -> Vec<usize> {
        let k = self.labels.len().max(1);
        self.scores(x)
            .chunks_exact(k)
            .map(|row| {
                let mut best = 0;
                for (i, &v) in row.iter().enumerate() {
                    if v > row.get(best).copied().unwrap_or(f32::NEG_INFINITY) {
                        best = i;
                    }
                }
                best
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{ModelMeta, Tensor, Tensors};

    fn model(w: Vec<f32>, b: Vec<f32>, labels: &[&str]) -> Model {
        let t2v = serde_json::json!({"width": 2, "attrs": [], "rows": [], "seeds": [], "embed_pieces": 1,
                                     "depth": 0, "window": 1, "pieces": 1});
        let parser = serde_json::json!({"system": "arc_eager", "input_width": 2, "n_features": 1,
                                        "hidden": 1, "pieces": 1, "actions": [], "tok2vec": null});
        let meta: ModelMeta = serde_json::from_value(serde_json::json!({
            "spacy_name": "x", "spacy_version": "3.8.0", "tok2vec": t2v,
            "tagger": {"labels": labels}, "parser": parser, "ner": parser
        }))
        .unwrap();
        let mut weights = Tensors::default();
        let k = labels.len();
        weights.insert("tagger.W", Tensor::new(vec![k, 2], w).unwrap());
        weights.insert("tagger.b", Tensor::new(vec![k], b).unwrap());
        Model { meta, weights }
    }

    #[test]
    fn scores_are_affine_and_ties_go_to_the_first_label() {
        let m = model(
            vec![1.0, 0.0, 0.0, 1.0, 1.0, 0.0],
            vec![0.0, 0.0, 0.5],
            &["NN", "VB", "JJ"],
        );
        let t = Tagger::new(&m).unwrap();
        let x = [2.0, 1.0, 0.0, 3.0];
        assert_eq!(t.scores(&x), [2.0, 1.0, 2.5, 0.0, 3.0, 0.5]);
        assert_eq!(t.predict(&x), [2, 1]);
        // A tie between NN and JJ (both 1.0 with the bias removed) picks NN.
        let m = model(
            vec![1.0, 0.0, 0.0, 1.0, 1.0, 0.0],
            vec![0.0; 3],
            &["NN", "VB", "JJ"],
        );
        assert_eq!(Tagger::new(&m).unwrap().predict(&[1.0, 0.0]), [0]);
        assert!(Tagger::new(&m).unwrap().predict(&[]).is_empty());
    }

    #[test]
    fn mismatched_shapes_are_errors() {
        let mut m = model(vec![0.0; 4], vec![0.0; 2], &["NN", "VB"]);
        m.meta.tagger.labels.push("JJ".into());
        assert!(Tagger::new(&m).is_err());
    }
}
