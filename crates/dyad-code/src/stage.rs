//! [`CodeStage`]: the coder as a pipeline stage.

use std::sync::Arc;

use dyad_doc::{Doc, Layer, Stage, StageError};

use crate::Coder;

/// The `code` stage: codes every sentence of [`Doc::parse`] and fills [`Doc::events`] with
/// the contract records of the events whose codes are CAMEO codes. Actor codes are resolved
/// with the publication date (the time stage will date events later).
#[derive(Debug, Clone)]
pub struct CodeStage {
    coder: Arc<Coder>,
}

impl CodeStage {
    /// A stage running `coder`.
    pub fn new(coder: Arc<Coder>) -> CodeStage {
        CodeStage { coder }
    }

    /// The coder the stage runs.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }
}

impl Stage for CodeStage {
    fn name(&self) -> &'static str {
        "code"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        let Some(parse) = doc.parse.as_ref() else {
            return Err(StageError {
                stage: "code",
                doc_id: doc.id.clone(),
                message: "the document has no parse (the parse stage did not run)".into(),
            });
        };
        let coding = self.coder.code_parse(&doc.text, parse, Some(doc.pub_date));
        let events = coding
            .events
            .iter()
            .filter_map(|e| e.to_event(doc))
            .collect();
        doc.events = Some(events);
        Ok(())
    }
}
