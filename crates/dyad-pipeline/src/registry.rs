//! The stage registry and [`Pipeline`].

use std::sync::Arc;

use dyad_code::{CodeStage, Coder};
use dyad_doc::{Doc, Layer, Stage, StageError};
use dyad_parse::{ParseStage, Parser};

/// Names of every stage dyad knows, in their default order.
pub const STAGE_NAMES: &[&str] = &["text", "parse", "time", "code", "place"];

/// What stages need that is too heavy to make per stage: loaded models. The caller loads them
/// (installing the model on first use is the CLI's job) and hands them in.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// The parser, needed by the `parse` stage.
    pub parser: Option<Arc<Parser>>,
    /// The event coder (with its lexicon), needed by the `code` stage.
    pub coder: Option<Arc<Coder>>,
    /// The gazetteer, needed by the `place` stage.
    pub gazetteer: Option<Arc<dyad_place::Gazetteer>>,
}

/// Make a stage from its name. A new stage is one `impl Stage` plus one line here.
fn make_stage(name: &str, res: &Resources) -> Result<Box<dyn Stage>, PipelineError> {
    let missing =
        |stage: &'static str, what: &'static str| PipelineError::MissingResource { stage, what };
    Ok(match name {
        "text" => Box::new(dyad_text::TextStage),
        "parse" => Box::new(ParseStage::new(
            res.parser
                .clone()
                .ok_or_else(|| missing("parse", "the parser model"))?,
        )),
        "time" => Box::new(dyad_date::TimeStage::new()),
        "code" => {
            Box::new(CodeStage::new(res.coder.clone().ok_or_else(|| {
                missing("code", "the event coder and its lexicon")
            })?))
        }
        "place" => Box::new(dyad_place::PlaceStage::new(
            res.gazetteer
                .clone()
                .ok_or_else(|| missing("place", "the gazetteer"))?,
        )),
        _ => {
            return Err(PipelineError::UnknownStage {
                name: name.to_string(),
                known: STAGE_NAMES.join(", "),
            });
        }
    })
}

/// Why a pipeline could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PipelineError {
    /// A stage name that is not in the registry.
    #[error("unknown stage {name:?}; known stages: {known}")]
    UnknownStage {
        /// The name asked for.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
    /// A stage needs a loaded model that was not given.
    #[error("stage {stage:?} needs {what}, which was not loaded")]
    MissingResource {
        /// The stage.
        stage: &'static str,
        /// What it needs.
        what: &'static str,
    },
    /// A stage needs a layer no earlier stage assigns.
    #[error("stage {stage:?} needs {layer:?}, which no earlier stage provides")]
    UnmetRequirement {
        /// The stage with the need.
        stage: &'static str,
        /// The layer it needs.
        layer: Layer,
    },
}

/// An ordered list of stages, checked once at build time.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.stage_names()).finish()
    }
}

impl Pipeline {
    /// Build a pipeline from stage names, in the order given.
    pub fn build(names: &[&str], res: &Resources) -> Result<Pipeline, PipelineError> {
        let stages = names
            .iter()
            .map(|&name| make_stage(name, res))
            .collect::<Result<Vec<_>, _>>()?;
        Pipeline::from_stages(stages)
    }

    /// The default pipeline minus the stages named in `disabled`.
    pub fn default_without(disabled: &[&str], res: &Resources) -> Result<Pipeline, PipelineError> {
        for name in disabled {
            if !STAGE_NAMES.contains(name) {
                return Err(PipelineError::UnknownStage {
                    name: name.to_string(),
                    known: STAGE_NAMES.join(", "),
                });
            }
        }
        let names: Vec<&str> = STAGE_NAMES
            .iter()
            .copied()
            .filter(|n| !disabled.contains(n))
            .collect();
        Pipeline::build(&names, res)
    }

    /// Build a pipeline from stage values, checking that each stage's needs are met.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut assigned: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&layer) = stage.requires().iter().find(|l| !assigned.contains(l)) {
                return Err(PipelineError::UnmetRequirement {
                    stage: stage.name(),
                    layer,
                });
            }
            assigned.extend_from_slice(stage.assigns());
        }
        Ok(Pipeline { stages })
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stages.iter().map(|s| s.name())
    }

    /// Run every stage on `doc`, stopping at the first that fails.
    pub fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        self.stages.iter().try_for_each(|stage| stage.run(doc))
    }

    /// Run every stage on a batch of documents, stage after stage (so batching stages such as the
    /// parser see the whole batch); one result per document. A document a stage fails on is left
    /// out of the later stages.
    pub fn run_batch(&self, docs: &mut [Doc]) -> Vec<Result<(), StageError>> {
        let mut results: Vec<Result<(), StageError>> = docs.iter().map(|_| Ok(())).collect();
        for stage in &self.stages {
            if results.iter().all(Result::is_ok) {
                results = stage.run_batch(docs);
            } else {
                for (doc, result) in docs.iter_mut().zip(results.iter_mut()) {
                    if result.is_ok() {
                        *result = stage.run(doc);
                    }
                }
            }
        }
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Needs;
    impl Stage for Needs {
        fn name(&self) -> &'static str {
            "needs-parse"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Parse]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[Layer::Events]
        }
        fn run(&self, _doc: &mut Doc) -> Result<(), StageError> {
            Ok(())
        }
    }

    #[test]
    fn unknown_stage_is_rejected_with_the_known_names() {
        let res = Resources::default();
        let err = Pipeline::build(&["text", "tagger"], &res).unwrap_err();
        assert!(err.to_string().contains("\"tagger\""), "{err}");
        assert!(err.to_string().contains("text"), "{err}");
        assert!(Pipeline::default_without(&["nope"], &res).is_err());
    }

    #[test]
    fn a_model_stage_without_its_model_is_rejected() {
        let err = Pipeline::build(&["text", "parse"], &Resources::default()).unwrap_err();
        assert!(
            matches!(err, PipelineError::MissingResource { stage: "parse", .. }),
            "{err}"
        );
    }

    #[test]
    fn unmet_requirement_is_caught_at_build_time() {
        let err = Pipeline::from_stages(vec![Box::new(Needs)]).unwrap_err();
        assert_eq!(
            err,
            PipelineError::UnmetRequirement {
                stage: "needs-parse",
                layer: Layer::Parse
            }
        );
    }

    #[test]
    fn default_pipeline_builds_and_runs() {
        let p =
            Pipeline::default_without(&["parse", "time", "code", "place"], &Resources::default())
                .unwrap();
        assert_eq!(p.stage_names().collect::<Vec<_>>(), ["text"]);
        let mut doc = Doc::new("d", jiff::civil::date(2024, 1, 1), "One. Two.".into());
        p.run(&mut doc).unwrap();
        assert!(doc.sentences.is_some());
    }

    struct FailsOn(&'static str);
    impl Stage for FailsOn {
        fn name(&self) -> &'static str {
            "fails"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
            if doc.id == self.0 {
                return Err(StageError {
                    stage: "fails",
                    doc_id: doc.id.clone(),
                    message: "no".into(),
                });
            }
            Ok(())
        }
    }

    #[test]
    fn a_batch_goes_on_past_a_failed_document() {
        let p = Pipeline::from_stages(vec![Box::new(FailsOn("b")), Box::new(dyad_text::TextStage)])
            .unwrap();
        let date = jiff::civil::date(2024, 1, 1);
        let mut docs: Vec<Doc> = ["a", "b", "c"]
            .iter()
            .map(|id| Doc::new(*id, date, "One. Two.".into()))
            .collect();
        let results = p.run_batch(&mut docs);
        assert!(results[0].is_ok() && results[1].is_err() && results[2].is_ok());
        assert!(docs[0].sentences.is_some() && docs[1].sentences.is_none());
        assert!(docs[2].sentences.is_some());
    }
}
