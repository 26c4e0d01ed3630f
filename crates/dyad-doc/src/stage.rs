//! The [`Stage`] trait: one named step of the pipeline.

use crate::Doc;

/// A layer of a [`Doc`] that a stage can require or assign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Normalised text with its offset map.
    Normalized,
    /// The wire dateline at the top of a story.
    Dateline,
    /// Sentence boundaries.
    Sentences,
    /// Tokens, tags, lemmas, dependencies (the parser).
    Parse,
    /// Named entities.
    Entities,
    /// Temporal expressions.
    Times,
    /// Coded events.
    Events,
    /// Places.
    Places,
}

/// One named step that reads some layers of a [`Doc`] and fills others.
///
/// A pipeline checks at build time that every layer a stage `requires` is assigned by an earlier
/// stage, so a misconfigured pipeline fails at start-up, not in the middle of a batch.
pub trait Stage: Send + Sync {
    /// The stage's name, as `--disable` and `dyad explain` use it.
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage fills.
    fn assigns(&self) -> &'static [Layer];
    /// Run the stage on one document.
    fn run(&self, doc: &mut Doc) -> Result<(), StageError>;
    /// Run the stage on several documents, one result per document in order. Stages that are
    /// faster on batches (the parser) override this; the default runs them one by one.
    fn run_batch(&self, docs: &mut [Doc]) -> Vec<Result<(), StageError>> {
        docs.iter_mut().map(|d| self.run(d)).collect()
    }
}

/// A stage failed on one document; the batch goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stage {stage} failed on document {doc_id}: {message}")]
pub struct StageError {
    /// The stage that failed.
    pub stage: &'static str,
    /// The document it failed on.
    pub doc_id: String,
    /// What went wrong.
    pub message: String,
}
