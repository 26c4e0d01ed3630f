//! The coder's own speed, parse excluded: parses the eval sentences once, then codes them
//! over and over on one thread and reports sentences per second.
//!
//! ```text
//! cargo run --release -p dyad-code --example bench_code [-- SECONDS]
//! ```
//!
//! Needs the installed model and ../shared/data (the PETRARCH unit tests with the validation
//! dictionaries, the PETR2 GSR with CAMEO.2.0 and the Phoenix dictionaries).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use dyad_code::{Coder, CoderOptions};
use dyad_doc::Parse;
use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex};
use dyad_parse::Parser;
use dyad_parse::model::ModelPaths;

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let parser = Parser::load(&ModelPaths::locate(None).expect("model installed")).unwrap();
    let sets = [
        (
            "PETR.UnitTest.records.jsonl",
            LexiconFiles::petrarch_validation(shared.join("petrarch-dictionaries")),
        ),
        (
            "PETR2_GSR_validation.jsonl",
            LexiconFiles::phoenix(shared.join("petrarch-dictionaries")),
        ),
    ];
    for (file, files) in sets {
        let t = Instant::now();
        let index = Arc::new(LexiconIndex::new(Lexicon::load(&files).unwrap().value));
        let coder = Coder::new(index, CoderOptions::default());
        let build = t.elapsed();
        let text = std::fs::read_to_string(shared.join("eval").join(file)).unwrap();
        let docs: Vec<(String, Parse)> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .map(|t| {
                let p = parser.parse_text(&t).unwrap();
                (t, p)
            })
            .collect();
        let sentences: usize = docs.iter().map(|(_, p)| p.sents().len()).sum();
        let mut done = 0usize;
        let mut events = 0usize;
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < seconds {
            for (t, p) in &docs {
                events += coder
                    .code_parse(t, p, Some(jiff::civil::date(2000, 1, 1)))
                    .events
                    .len();
            }
            done += sentences;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{file}: lexicon compiled in {:.2}s; {sentences} sentences coded {} times: {:.0} sentences/s on one thread ({} events)",
            build.as_secs_f64(),
            done / sentences.max(1),
            done as f64 / secs,
            events
        );
    }
}
