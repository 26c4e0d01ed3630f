//! [`ParseStage`]: the parser as a pipeline stage.
//!
//! It parses each document's original text whole, as spaCy's `nlp(text)` does: the parser decides
//! the sentence boundaries (available as [`Parse::sents`]); the text stage's sentences, when
//! present, are left as they are. Batches of documents are parsed together, which is several
//! times faster than one by one for short documents.

use std::cell::RefCell;
use std::sync::Arc;

use dyad_doc::{Doc, Layer, Parse, Stage, StageError};

use crate::parse::{DocInput, InputToken, Parser, Scratch};

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The `parse` stage: fills [`Doc::parse`].
#[derive(Debug, Clone)]
pub struct ParseStage {
    parser: Arc<Parser>,
}

impl ParseStage {
    /// A stage running `parser` (with or without its entity recogniser, as set on it).
    pub fn new(parser: Arc<Parser>) -> ParseStage {
        ParseStage { parser }
    }

    /// The parser the stage runs.
    pub fn parser(&self) -> &Parser {
        &self.parser
    }
}

fn failed(doc: &Doc, e: impl std::fmt::Display) -> StageError {
    StageError {
        stage: "parse",
        doc_id: doc.id.clone(),
        message: e.to_string(),
    }
}

impl Stage for ParseStage {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        if self.parser.ner() {
            &[Layer::Parse, Layer::Entities]
        } else {
            &[Layer::Parse]
        }
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        let parse = SCRATCH.with(|s| {
            let tokens = self.parser.tokenize(&doc.text);
            self.parser
                .parse_with(&doc.text, &tokens, &mut s.borrow_mut())
        });
        doc.parse = Some(parse.map_err(|e| failed(doc, e))?);
        Ok(())
    }

    fn run_batch(&self, docs: &mut [Doc]) -> Vec<Result<(), StageError>> {
        let tokens: Vec<Vec<InputToken<'_>>> =
            docs.iter().map(|d| self.parser.tokenize(&d.text)).collect();
        let inputs: Vec<DocInput<'_>> = docs
            .iter()
            .zip(&tokens)
            .map(|(d, tokens)| DocInput {
                text: &d.text,
                tokens,
            })
            .collect();
        let parses: Vec<Result<Parse, _>> =
            SCRATCH.with(|s| self.parser.parse_batch(&inputs, &mut s.borrow_mut()));
        drop(inputs);
        drop(tokens);
        docs.iter_mut()
            .zip(parses)
            .map(|(doc, parse)| {
                doc.parse = Some(parse.map_err(|e| failed(doc, e))?);
                Ok(())
            })
            .collect()
    }
}
