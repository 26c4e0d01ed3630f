//! Speed of the time stage and the dater on the evaluation records and examples: each document
//! is parsed once, then the time stage runs and every verb and noun is dated, several rounds.
//!
//! ```text
//! cargo run --release -p dyad-date --example speed
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;
use std::time::Instant;

use dyad_date::{EventDater, TimeStage};
use dyad_doc::Stage;
use dyad_doc::parse::Pos;
use dyad_ingest::{IngestOptions, read_inputs};

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let paths: Vec<PathBuf> = [
        "../shared/data/eval/PETR.UnitTest.records.jsonl",
        "../shared/data/eval/PETR2_GSR_validation.jsonl",
        "../shared/data/eval/PLOVER_GSR_CAMEO.jsonl",
        "examples/news.jsonl",
        "examples/background.jsonl",
    ]
    .iter()
    .map(|p| PathBuf::from(format!("{root}/{p}")))
    .filter(|p| p.is_file())
    .collect();
    let model = dyad_parse::model::ModelPaths::locate(None).expect("the parser model installed");
    let parser = dyad_parse::Parser::load(&model).unwrap();
    let mut docs = Vec::new();
    for item in read_inputs(&paths, &IngestOptions::default()) {
        let Ok(record) = item else { continue };
        let mut doc = record.into_doc();
        dyad_text::TextStage.run(&mut doc).unwrap();
        doc.parse = Some(parser.parse_text(&doc.text).unwrap());
        docs.push(doc);
    }
    let sentences: usize = docs
        .iter()
        .map(|d| d.parse.as_ref().unwrap().sents().len())
        .sum();
    let rounds = 20;
    let stage = TimeStage::new();
    let start = Instant::now();
    let mut dated = 0usize;
    for _ in 0..rounds {
        for doc in &mut docs {
            doc.times = None;
            stage.run(doc).unwrap();
            let dater = EventDater::new(doc);
            let parse = doc.parse.as_ref().unwrap();
            for (s, r) in parse.sents().iter().enumerate() {
                for i in r.clone() {
                    let t = parse.token(i).unwrap();
                    if matches!(t.pos(), Some(Pos::Verb | Pos::Noun | Pos::Propn)) {
                        dated += usize::from(dater.date_token(s, i).date.is_some());
                    }
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {sentences} sentences, {rounds} rounds: {:.0} sentences/s ({dated} dates)",
        docs.len(),
        (sentences * rounds) as f64 / secs
    );
}
