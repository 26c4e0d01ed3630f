//! The stage registry and [`Pipeline`].

use dyad_doc::{Doc, Layer, Stage, StageError};

/// Names of every stage dyad knows, in their default order.
pub const STAGE_NAMES: &[&str] = &["text"];

/// Make a stage from its name. A new stage is one `impl Stage` plus one line here.
fn make_stage(name: &str) -> Option<Box<dyn Stage>> {
    match name {
        "text" => Some(Box::new(dyad_text::TextStage)),
        _ => None,
    }
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
    pub fn build(names: &[&str]) -> Result<Pipeline, PipelineError> {
        let stages = names
            .iter()
            .map(|&name| {
                make_stage(name).ok_or_else(|| PipelineError::UnknownStage {
                    name: name.to_string(),
                    known: STAGE_NAMES.join(", "),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Pipeline::from_stages(stages)
    }

    /// The default pipeline minus the stages named in `disabled`.
    pub fn default_without(disabled: &[&str]) -> Result<Pipeline, PipelineError> {
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
        Pipeline::build(&names)
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
        let err = Pipeline::build(&["text", "tagger"]).unwrap_err();
        assert!(err.to_string().contains("\"tagger\""), "{err}");
        assert!(err.to_string().contains("text"), "{err}");
        assert!(Pipeline::default_without(&["nope"]).is_err());
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
        let p = Pipeline::default_without(&[]).unwrap();
        assert_eq!(p.stage_names().collect::<Vec<_>>(), STAGE_NAMES);
        let mut doc = Doc::new("d", jiff::civil::date(2024, 1, 1), "One. Two.".into());
        p.run(&mut doc).unwrap();
        assert!(doc.sentences.is_some());
    }
}
