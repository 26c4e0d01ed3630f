//! The token-to-vector network of `en_core_web_sm` (spaCy's `Tok2Vec.v2` = `MultiHashEmbed.v2` +
//! `MaxoutWindowEncoder.v2`), for the shared embedding and for NER's own.
//!
//! For one document of n tokens, given per token the lexical attribute ids (NORM, PREFIX, SUFFIX, SHAPE,
//! and for the shared one SPACY and IS_SPACE; see [`crate::lex_attrs`]):
//!
//! 1. each attribute id is hashed with MurmurHash3 (that attribute's seed) into four u32 keys; each key
//!    modulo the table's rows picks a row, and the four rows are summed (`HashEmbed`);
//! 2. the per-attribute vectors are concatenated and mixed by maxout + layer norm to `width`;
//! 3. `depth` residual blocks each add `layernorm(maxout([x[t-1], x[t], x[t+1]]))` to `x`.
//!
//! Steps 1–2 are computed in a different but equivalent order: the mixing layer is linear before
//! its maxout, so each table's rows are multiplied by that table's slice of the mixing weights once,
//! at load time, and a token then sums 4 × (number of attributes) precomputed rows instead of a
//! matrix product (a quarter of the network's multiply-adds, saved; the results differ from spaCy's
//! only by float rounding, ~1e-6).
//!
//! Step 3 runs, as thinc's `with_array(pad=4)` makes it run, on the document with zero rows on both
//! sides; those rows pick up non-zero values after the first block and the edge tokens see them. Any
//! padding of at least `depth × window` rows gives the same result, so that many are used.

use crate::linalg::{gemm_abt, gemm_abt_lda, layer_norm, maxout_planar};
use crate::model::{Model, ModelError, Tok2VecConfig};
use crate::strings::murmurhash3_128_u64;

/// One hashed embedding table, premultiplied by its slice of the mixing layer's weights.
#[derive(Debug, Clone)]
struct HashTable {
    rows: usize,
    seed: u32,
    /// rows × (width · embed pieces): row r is `W_table · E[r]`.
    p: Vec<f32>,
}

/// A maxout layer followed by layer normalisation.
#[derive(Debug, Clone)]
struct MaxoutNorm {
    n_in: usize,
    n_out: usize,
    pieces: usize,
    /// (n_out · pieces) × n_in
    w: Vec<f32>,
    /// n_out · pieces
    b: Vec<f32>,
    g: Vec<f32>,
    beta: Vec<f32>,
}

impl MaxoutNorm {
    fn load(
        model: &Model,
        name: &str,
        n_in: usize,
        n_out: usize,
        pieces: usize,
    ) -> Result<MaxoutNorm, ModelError> {
        let w = tensor(model, &format!("{name}.maxout.W"), &[n_out, pieces, n_in])?;
        let b = tensor(model, &format!("{name}.maxout.b"), &[n_out, pieces])?;
        Ok(MaxoutNorm {
            n_in,
            n_out,
            pieces,
            w: piece_major(&w, n_out, pieces, n_in),
            b: piece_major(&b, n_out, pieces, 1),
            g: tensor(model, &format!("{name}.norm.G"), &[n_out])?,
            beta: tensor(model, &format!("{name}.norm.b"), &[n_out])?,
        })
    }

    /// `rows` inputs of n_in values, row r starting at `x[r · stride]` (rows may overlap); returns
    /// rows × n_out in `out`, using `z` as scratch.
    fn forward_windows(
        &self,
        x: &[f32],
        stride: usize,
        n_in: usize,
        rows: usize,
        z: &mut Vec<f32>,
        out: &mut Vec<f32>,
    ) {
        debug_assert_eq!(n_in, self.n_in);
        z.clear();
        z.reserve(rows * self.b.len());
        for _ in 0..rows {
            z.extend_from_slice(&self.b);
        }
        gemm_abt_lda(x, stride, &self.w, z, rows, self.n_in, self.b.len(), true);
        self.finish(z, rows, out);
    }

    /// Maxout and layer norm of the pre-activations `z` (rows × n_out · pieces) into `out`.
    fn finish(&self, z: &[f32], rows: usize, out: &mut Vec<f32>) {
        out.clear();
        out.resize(rows * self.n_out, 0.0);
        maxout_planar(z, self.pieces, self.n_out, out);
        layer_norm(out, &self.g, &self.beta);
    }
}

/// Weights stored `[n_out, pieces, rest]` reordered to `[pieces, n_out, rest]`, so that the pieces of
/// a maxout come out of the matrix product as contiguous blocks (each output value is computed
/// exactly as before; only its place changes).
fn piece_major(w: &[f32], n_out: usize, pieces: usize, rest: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity(w.len());
    for p in 0..pieces {
        for o in 0..n_out {
            let at = (o * pieces + p) * rest;
            out.extend_from_slice(w.get(at..at + rest).unwrap_or_default());
        }
    }
    out
}

/// The tensor `name` with exactly `shape`, copied out of the model.
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

/// Documents longer than this are encoded in slices (see [`Tok2Vec::forward_batch`]).
pub const SLICE_TOKENS: usize = 4096;

/// A loaded Tok2Vec network; immutable and shareable between threads.
#[derive(Debug, Clone)]
pub struct Tok2Vec {
    width: usize,
    window: usize,
    tables: Vec<HashTable>,
    embed: MaxoutNorm,
    blocks: Vec<MaxoutNorm>,
}

/// Reusable buffers for [`Tok2Vec::forward`], so that a batch of documents allocates once.
#[derive(Debug, Default)]
pub struct Tok2VecScratch {
    z: Vec<f32>,
    x: Vec<f32>,
    y: Vec<f32>,
    embedded: Vec<f32>,
}

impl Tok2Vec {
    /// Build the network whose tensors are named `{prefix}.…` (`tok2vec`, or `ner.tok2vec`) and whose
    /// sizes are `cfg`.
    pub fn new(model: &Model, prefix: &str, cfg: &Tok2VecConfig) -> Result<Tok2Vec, ModelError> {
        let width = cfg.width;
        let bad = |detail: String| ModelError::CacheCorrupt {
            path: "model.json".into(),
            detail,
        };
        if cfg.attrs.len() != cfg.rows.len() || cfg.attrs.len() != cfg.seeds.len() {
            return Err(bad(format!(
                "{prefix}: attrs, rows and seeds differ in length"
            )));
        }
        let mut tables = Vec::with_capacity(cfg.attrs.len());
        for ((attr, &rows), &seed) in cfg.attrs.iter().zip(&cfg.rows).zip(&cfg.seeds) {
            if rows == 0 {
                return Err(bad(format!("{prefix}: table {attr} has no rows")));
            }
            let e = tensor(model, &format!("{prefix}.embed.{attr}.E"), &[rows, width])?;
            tables.push((rows, seed, e));
        }
        let mut embed = MaxoutNorm::load(
            model,
            &format!("{prefix}.embed"),
            width * cfg.attrs.len(),
            width,
            cfg.embed_pieces,
        )?;
        // Premultiply each table by its columns of the mixing weights.
        let np = width * cfg.embed_pieces;
        let n_in = embed.n_in;
        let tables = tables
            .into_iter()
            .enumerate()
            .map(|(t, (rows, seed, e))| {
                let mut wt = Vec::with_capacity(np * width);
                for row in embed.w.chunks_exact(n_in) {
                    wt.extend_from_slice(&row[t * width..(t + 1) * width]);
                }
                let mut p = vec![0.0; rows * np];
                gemm_abt(&e, &wt, &mut p, rows, width, np, false);
                HashTable { rows, seed, p }
            })
            .collect();
        embed.w = Vec::new();
        let n_win = width * (2 * cfg.window + 1);
        let blocks = (0..cfg.depth)
            .map(|k| {
                MaxoutNorm::load(
                    model,
                    &format!("{prefix}.encode.{k}"),
                    n_win,
                    width,
                    cfg.pieces,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Tok2Vec {
            width,
            window: cfg.window,
            tables,
            embed,
            blocks,
        })
    }

    /// Output width.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of attribute ids expected per token.
    pub fn n_attrs(&self) -> usize {
        self.tables.len()
    }

    /// Multiply-adds per token of the network as spaCy computes it (the mixing layer as a matrix
    /// product, then the encoder blocks).
    pub fn multiply_adds_per_token(&self) -> u64 {
        let layer = |m: &MaxoutNorm| (m.n_in * m.n_out * m.pieces) as u64;
        layer(&self.embed) + self.blocks.iter().map(layer).sum::<u64>()
    }

    /// Vectors for one document. `ids` holds, token after token, [`Self::n_attrs`] attribute ids each;
    /// returns n × [`Self::width`] values (row-major). A trailing incomplete group of ids is ignored.
    pub fn forward(&self, ids: &[u64], scratch: &mut Tok2VecScratch) -> Vec<f32> {
        let n = ids.len() / self.tables.len().max(1);
        self.forward_batch(ids, &[n], scratch)
    }

    /// Vectors for several documents at once: `ids` holds the documents' ids one after another,
    /// `lens` their token counts. Returns the vectors in the same order; each document's are what
    /// [`Self::forward`] gives for it alone (the documents are laid out with `depth × window` zero
    /// rows between them, which is as far as the encoder sees). Tokens beyond `lens` are ignored;
    /// missing ones count as absent.
    ///
    /// A document longer than [`SLICE_TOKENS`] is run in slices of that many tokens, each with
    /// `depth × window` tokens of real context on both sides: a token's vector depends on nothing
    /// further away, so the result is the same and the buffers stay small.
    pub fn forward_batch(
        &self,
        ids: &[u64],
        lens: &[usize],
        scratch: &mut Tok2VecScratch,
    ) -> Vec<f32> {
        let a = self.tables.len().max(1);
        if lens.iter().all(|&l| l <= SLICE_TOKENS) {
            return self.forward_plain(ids, lens, scratch);
        }
        let ctx = self.blocks.len() * self.window;
        let mut out = Vec::with_capacity(ids.len() / a * self.width);
        let mut from = 0;
        let mut group: Vec<usize> = Vec::new();
        let mut group_from = 0;
        for &len in lens {
            if len <= SLICE_TOKENS {
                group.push(len);
                from += len;
                continue;
            }
            // Flush the short documents before this long one.
            if !group.is_empty() {
                let g = ids.get(group_from * a..from * a).unwrap_or_default();
                out.extend(self.forward_plain(g, &group, scratch));
                group.clear();
            }
            let mut start = 0;
            while start < len {
                let end = (start + SLICE_TOKENS).min(len);
                let (s0, s1) = (start.saturating_sub(ctx), (end + ctx).min(len));
                let g = ids
                    .get((from + s0) * a..(from + s1) * a)
                    .unwrap_or_default();
                let v = self.forward_plain(g, &[s1 - s0], scratch);
                let keep = (start - s0) * self.width..(end - s0) * self.width;
                out.extend_from_slice(v.get(keep).unwrap_or_default());
                start = end;
            }
            from += len;
            group_from = from;
        }
        if !group.is_empty() {
            let g = ids.get(group_from * a..from * a).unwrap_or_default();
            out.extend(self.forward_plain(g, &group, scratch));
        }
        out
    }

    /// [`Self::forward_batch`] without slicing.
    fn forward_plain(&self, ids: &[u64], lens: &[usize], scratch: &mut Tok2VecScratch) -> Vec<f32> {
        let a = self.tables.len().max(1);
        let n = (ids.len() / a).min(lens.iter().sum());
        let w = self.width;
        if n == 0 {
            return Vec::new();
        }
        // 1–2: hash embeddings mixed by the first maxout (premultiplied rows, summed).
        let np = self.embed.n_out * self.embed.pieces;
        let z = &mut scratch.z;
        z.clear();
        z.reserve(n * np);
        for _ in 0..n {
            z.extend_from_slice(&self.embed.b);
        }
        for (row, tok_ids) in z.chunks_exact_mut(np).zip(ids.chunks_exact(a)) {
            for (table, &id) in self.tables.iter().zip(tok_ids) {
                for key in murmurhash3_128_u64(id, table.seed) {
                    let r = key as usize % table.rows;
                    // r < rows and p has rows × np values (made at load).
                    let src = &table.p[r * np..r * np + np];
                    for (d, s) in row.iter_mut().zip(src) {
                        *d += s;
                    }
                }
            }
        }
        let embedded = &mut scratch.embedded;
        self.embed.finish(z, n, embedded);

        // 3: residual window blocks over [pad zeros, doc, pad zeros, doc, …, pad zeros], with one
        // more zero row on each side for the window at the edges (never updated: the encoder's
        // window sees zeros outside the array). The window of row t is rows t-1..=t+1, which are
        // consecutive in memory, so the matrix product reads the windows in place.
        let pad = self.blocks.len() * self.window;
        let edge = self.window;
        let mut starts = Vec::with_capacity(lens.len());
        let mut rows = pad;
        let mut left = n;
        for &len in lens {
            let len = len.min(left);
            left -= len;
            starts.push((rows, len));
            rows += len + pad;
        }
        let x = &mut scratch.x;
        x.clear();
        x.resize((rows + 2 * edge) * w, 0.0);
        let mut from = 0;
        for &(at, len) in &starts {
            let at = at + edge;
            x[at * w..(at + len) * w].copy_from_slice(&embedded[from * w..(from + len) * w]);
            from += len;
        }
        let span = 2 * self.window + 1;
        for block in &self.blocks {
            block.forward_windows(x, w, span * w, rows, &mut scratch.z, &mut scratch.y);
            for (xv, yv) in x[edge * w..(edge + rows) * w].iter_mut().zip(&scratch.y) {
                *xv += yv;
            }
        }
        let starts: Vec<(usize, usize)> =
            starts.iter().map(|&(at, len)| (at + edge, len)).collect();
        let mut out = Vec::with_capacity(n * w);
        for &(at, len) in &starts {
            out.extend_from_slice(&x[at * w..(at + len) * w]);
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{ModelMeta, Tensor, Tensors};

    /// A tiny network: width 2, one attribute with 3 rows, depth `depth`, window 1, 2 pieces.
    fn tiny(depth: usize) -> (Model, Tok2VecConfig) {
        let cfg = Tok2VecConfig {
            width: 2,
            attrs: vec!["NORM".into()],
            rows: vec![3],
            seeds: vec![8],
            embed_pieces: 2,
            depth,
            window: 1,
            pieces: 2,
        };
        let mut t = Tensors::default();
        let mut put = |name: &str, shape: Vec<usize>| {
            let n: usize = shape.iter().product();
            let data = (0..n)
                .map(|i| ((i * 7 + name.len()) % 5) as f32 * 0.3 - 0.6)
                .collect();
            t.insert(name.to_owned(), Tensor::new(shape, data).unwrap());
        };
        put("t.embed.NORM.E", vec![3, 2]);
        for name in
            std::iter::once("t.embed".to_owned()).chain((0..depth).map(|k| format!("t.encode.{k}")))
        {
            let n_in = if name == "t.embed" { 2 } else { 6 };
            put(&format!("{name}.maxout.W"), vec![2, 2, n_in]);
            put(&format!("{name}.maxout.b"), vec![2, 2]);
            put(&format!("{name}.norm.G"), vec![2]);
            put(&format!("{name}.norm.b"), vec![2]);
        }
        let meta: ModelMeta = serde_json::from_value(serde_json::json!({
            "spacy_name": "x", "spacy_version": "3.8.0",
            "tok2vec": cfg, "tagger": {"labels": []},
            "parser": {"system": "arc_eager", "input_width": 2, "n_features": 1, "hidden": 1,
                       "pieces": 1, "actions": [], "tok2vec": null},
            "ner": {"system": "biluo", "input_width": 2, "n_features": 1, "hidden": 1,
                    "pieces": 1, "actions": [], "tok2vec": null}
        }))
        .unwrap();
        (Model { meta, weights: t }, cfg)
    }

    #[test]
    fn embedding_only_is_layer_normed_maxout_of_summed_rows() {
        let (model, cfg) = tiny(0);
        let net = Tok2Vec::new(&model, "t", &cfg).unwrap();
        let out = net.forward(&[42], &mut Tok2VecScratch::default());
        // Recompute by hand.
        let e = model.tensor("t.embed.NORM.E").unwrap().data();
        let mut v = [0.0f32; 2];
        for key in murmurhash3_128_u64(42, 8) {
            let r = key as usize % 3;
            v[0] += e[r * 2];
            v[1] += e[r * 2 + 1];
        }
        let w = model.tensor("t.embed.maxout.W").unwrap().data();
        let b = model.tensor("t.embed.maxout.b").unwrap().data();
        let mut h = [0.0f32; 2];
        for o in 0..2 {
            let p0 = w[o * 4] * v[0] + w[o * 4 + 1] * v[1] + b[o * 2];
            let p1 = w[o * 4 + 2] * v[0] + w[o * 4 + 3] * v[1] + b[o * 2 + 1];
            h[o] = p0.max(p1);
        }
        layer_norm(
            &mut h,
            model.tensor("t.embed.norm.G").unwrap().data(),
            model.tensor("t.embed.norm.b").unwrap().data(),
        );
        assert_eq!(out.len(), 2);
        assert!(
            (out[0] - h[0]).abs() < 1e-5 && (out[1] - h[1]).abs() < 1e-5,
            "{out:?} vs {h:?}"
        );
    }

    #[test]
    fn shapes_and_empty_input() {
        let (model, cfg) = tiny(2);
        let net = Tok2Vec::new(&model, "t", &cfg).unwrap();
        let mut s = Tok2VecScratch::default();
        assert!(net.forward(&[], &mut s).is_empty());
        let out = net.forward(&[1, 2, 3, 4, 5], &mut s);
        assert_eq!(out.len(), 10);
        assert!(out.iter().all(|v| v.is_finite()));
        // A token's vector depends on its neighbours, so reordering changes it.
        let out2 = net.forward(&[5, 4, 3, 2, 1], &mut s);
        assert_ne!(out[..2], out2[8..]);
        // The scratch buffers can be reused with a shorter document.
        assert_eq!(net.forward(&[7], &mut s).len(), 2);
    }

    #[test]
    fn a_batch_gives_each_document_its_own_vectors() {
        let (model, cfg) = tiny(3);
        let net = Tok2Vec::new(&model, "t", &cfg).unwrap();
        let mut s = Tok2VecScratch::default();
        let docs: [&[u64]; 4] = [&[5, 9, 2], &[], &[7], &[1, 2, 3, 4, 5]];
        let ids: Vec<u64> = docs.concat();
        let lens: Vec<usize> = docs.iter().map(|d| d.len()).collect();
        let batch = net.forward_batch(&ids, &lens, &mut s);
        let alone: Vec<f32> = docs.iter().flat_map(|d| net.forward(d, &mut s)).collect();
        assert_eq!(batch, alone);
        // Lengths that do not add up are cut to the ids present.
        assert_eq!(net.forward_batch(&ids[..2], &[3], &mut s).len(), 4);
    }

    #[test]
    fn long_documents_are_sliced_without_changing_anything() {
        let (model, cfg) = tiny(4);
        let net = Tok2Vec::new(&model, "t", &cfg).unwrap();
        let mut s = Tok2VecScratch::default();
        let long: Vec<u64> = (0..SLICE_TOKENS as u64 * 2 + 77)
            .map(|i| i * 31 % 97)
            .collect();
        let short: Vec<u64> = vec![3, 1, 4, 1, 5];
        let ids: Vec<u64> = [short.clone(), long.clone(), short.clone()].concat();
        let lens = [short.len(), long.len(), short.len()];
        let sliced = net.forward_batch(&ids, &lens, &mut s);
        let whole = net.forward_plain(&ids, &lens, &mut s);
        assert_eq!(sliced.len(), whole.len());
        assert_eq!(sliced, whole);
    }

    #[test]
    fn wrong_shapes_are_load_errors() {
        let (mut model, cfg) = tiny(1);
        model.weights.insert(
            "t.encode.0.maxout.W",
            Tensor::new(vec![2, 2, 5], vec![0.0; 20]).unwrap(),
        );
        assert!(matches!(
            Tok2Vec::new(&model, "t", &cfg),
            Err(ModelError::CacheCorrupt { .. })
        ));
        let (model, cfg) = tiny(1);
        assert!(Tok2Vec::new(&model, "missing", &cfg).is_err());
    }
}
