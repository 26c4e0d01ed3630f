//! [`PlaceStage`]: the locator as a pipeline stage.

use std::sync::Arc;

use dyad_doc::{Doc, Layer, Stage, StageError};
use dyad_geo::Gazetteer;

use crate::{EventPlace, PlaceOptions, locate, to_location};

/// The `place` stage: sets [`dyad_doc::Event::location`] of every event of [`Doc::events`]
/// (see the crate docs for how). Runs after `code`; needs the parse and the events, and reads
/// the dateline when the text stage ran and event dates when the time stage did.
#[derive(Debug, Clone)]
pub struct PlaceStage {
    gazetteer: Arc<Gazetteer>,
    options: PlaceOptions,
}

impl PlaceStage {
    /// A stage resolving names in `gazetteer`, with the default options.
    pub fn new(gazetteer: Arc<Gazetteer>) -> PlaceStage {
        PlaceStage::with_options(gazetteer, PlaceOptions::default())
    }

    /// A stage with options.
    pub fn with_options(gazetteer: Arc<Gazetteer>, options: PlaceOptions) -> PlaceStage {
        PlaceStage { gazetteer, options }
    }

    /// The gazetteer the stage resolves names in.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The stage's options.
    pub fn options(&self) -> &PlaceOptions {
        &self.options
    }

    /// Where each event of `doc.events` happened, one entry per event in order, with the words
    /// that said so (for `dyad explain`); `doc` is not changed. An error when the document has
    /// no parse or no events layer.
    pub fn locate(&self, doc: &Doc) -> Result<Vec<Option<EventPlace>>, StageError> {
        check(doc)?;
        Ok(locate::locate(self.gazetteer.as_ref(), doc, &self.options))
    }
}

/// The error for a document the stage cannot read.
fn check(doc: &Doc) -> Result<(), StageError> {
    let missing = match (doc.parse.is_some(), doc.events.is_some()) {
        (true, true) => return Ok(()),
        (false, _) => "the document has no parse (the parse stage did not run)",
        (true, false) => "the document has no events (the code stage did not run)",
    };
    Err(StageError {
        stage: "place",
        doc_id: doc.id.clone(),
        message: missing.into(),
    })
}

impl Stage for PlaceStage {
    fn name(&self) -> &'static str {
        "place"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse, Layer::Events]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Places]
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        let places = self.locate(doc)?;
        if let Some(events) = doc.events.as_mut() {
            for (e, p) in events.iter_mut().zip(places) {
                e.location = p.map(|p| to_location(&p.place));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_layers_are_errors_for_the_document() {
        let mut doc = Doc::new("d7", jiff::civil::date(2024, 1, 1), "Text.".into());
        let e = check(&doc).unwrap_err();
        assert_eq!((e.stage, e.doc_id.as_str()), ("place", "d7"));
        assert!(e.message.contains("parse"), "{}", e.message);
        let (text, parse) =
            dyad_code::conllu::parse_conllu("1\tText\ttext\tNOUN\tNN\t_\t0\tROOT\t_\t_\n").unwrap();
        doc = Doc::new("d7", jiff::civil::date(2024, 1, 1), text);
        doc.parse = Some(parse);
        assert!(check(&doc).unwrap_err().message.contains("events"));
        doc.events = Some(Vec::new());
        assert!(check(&doc).is_ok());
    }
}
