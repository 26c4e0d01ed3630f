//! dyad's pipeline: named [`Stage`]s run in order over each [`Doc`], and an ordered parallel
//! batch runner.
//!
//! * [`Pipeline`] is built once from stage names ([`Pipeline::build`]); it checks at build time
//!   that every layer a stage requires is assigned by an earlier stage, so a bad `--disable`
//!   fails at start-up, not in the middle of a batch. Built pipelines are immutable and
//!   `Send + Sync`: one is shared by all worker threads. Loaded models come in through
//!   [`Resources`]; [`Pipeline::run_batch`] lets batching stages (the parser) see many documents.
//! * [`run_ordered`] maps items through a function on a rayon pool, a chunk at a time, and hands
//!   results to a sink in input order, whatever the number of threads; [`run_ordered_batches`]
//!   does the same with work done a batch at a time.
//!
//! ```
//! use dyad_pipeline::{Pipeline, Resources};
//!
//! let pipeline = Pipeline::build(&["text"], &Resources::default()).unwrap();
//! let mut doc = dyad_doc::Doc::new("d1", jiff::civil::date(2022, 2, 21),
//!     "In February 1972, U.S. President Richard Nixon traveled to Beijing. He met Mao Zedong.".into());
//! pipeline.run(&mut doc).unwrap();
//! assert_eq!(doc.sentences.as_ref().map(Vec::len), Some(2));
//! ```
#![deny(missing_docs)]

mod batch;
mod registry;

pub use batch::{run_ordered, run_ordered_batches};
pub use registry::{Pipeline, PipelineError, Resources, STAGE_NAMES};

pub use dyad_doc::{Doc, Layer, Stage, StageError};
