//! Lookup speed of the compiled lexicon on the eval texts, as the coder would use it: per
//! sentence, the key sequence, every actor and agent match (longest, left to right), the verb
//! candidates and their patterns for every token, discards and issues.
//!
//! `cargo run --release -p dyad-lexicon --example bench_lookup`
//! (reads ../shared/data; tokens are split on blanks and punctuation, close to spaCy's).

use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex};

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in text.split_whitespace() {
        let mut start = 0;
        for (i, c) in w.char_indices() {
            if matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '?' | '!') {
                if start < i {
                    out.push(&w[start..i]);
                }
                out.push(&w[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < w.len() {
            out.push(&w[start..]);
        }
    }
    out
}

fn main() -> Result<(), Box<dyn Error>> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let t0 = Instant::now();
    let lex = Lexicon::load(&LexiconFiles::phoenix(shared.join("petrarch-dictionaries")))?;
    let t1 = Instant::now();
    let index = LexiconIndex::new(lex.value);
    let t2 = Instant::now();
    println!(
        "load {:.0} ms, compile {:.0} ms; {} keys, {} actor names",
        (t1 - t0).as_secs_f64() * 1e3,
        (t2 - t1).as_secs_f64() * 1e3,
        index.vocab().len(),
        index.actors.len()
    );
    let mut sentences: Vec<String> = Vec::new();
    for f in [
        "eval/PETR2_GSR_validation.jsonl",
        "eval/PLOVER_GSR_CAMEO.jsonl",
        "eval/PETR.UnitTest.records.jsonl",
    ] {
        for line in std::fs::read_to_string(shared.join(f))?.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                sentences.extend(t.split(". ").map(str::to_owned));
            }
        }
    }
    let toks: Vec<Vec<&str>> = sentences.iter().map(|s| tokens(s)).collect();
    let n_tokens: usize = toks.iter().map(Vec::len).sum();
    let date = jiff::civil::date(2015, 6, 1);
    let mut seq = dyad_lexicon::KeySeq::default();
    let (mut actors, mut agents, mut verbs, mut pats, mut issues) = (0usize, 0, 0, 0, 0);
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for s in &toks {
            index.keys_into(s.iter().copied(), &mut seq);
            for m in index.actors.find_all(&seq) {
                if index.resolve_actor(m.entries, Some(date)).is_some() {
                    actors += 1;
                }
            }
            agents += index.agents.find_all(&seq).len();
            for &w in seq.ids() {
                for v in index.verbs.candidates(w, w) {
                    verbs += 1;
                    pats += index.verbs.patterns(v).len();
                }
            }
            if !index.discards.any(&seq) {
                issues += index.issues.find_all(&seq).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = (sentences.len() * rounds) as f64;
    println!(
        "{} sentences ({} tokens) x {rounds}: {:.0} sentences/s, {:.2} µs/sentence",
        sentences.len(),
        n_tokens,
        n / secs,
        secs / n * 1e6
    );
    println!(
        "per round: {} actors, {} agents, {} verb candidates, {} candidate patterns, {} issues",
        actors / rounds,
        agents / rounds,
        verbs / rounds,
        pats / rounds,
        issues / rounds
    );
    Ok(())
}
