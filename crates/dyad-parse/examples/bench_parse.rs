//! Time the pipeline on the parity corpus (spaCy's tokens from the golden file), one thread.
//!
//! ```text
//! cargo run --release -p dyad-parse --example bench_parse -- [--rounds N] [--no-ner]
//! ```
use std::io::Read;
use std::time::Instant;

use dyad_doc::Span;
use dyad_parse::model::ModelPaths;
use dyad_parse::parse::{DocInput, InputToken, Parser, Scratch};
use serde_json::Value;

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/parity/spacy-3.8.0-en_core_web_sm.jsonl.gz"
);

/// (text, tokens as (byte start, byte end, whitespace)) per record, rebuilt from the golden file:
/// the record text is not in it, so it is rebuilt from tokens and their offsets.
/// A record: text, tokens as (byte start, byte end, whitespace), sentence count.
type Record = (String, Vec<(usize, usize, bool)>, usize);

fn corpus() -> Vec<Record> {
    let Ok(raw) = std::fs::read(GOLDEN) else {
        return Vec::new();
    };
    let mut s = String::new();
    if flate2::read::GzDecoder::new(raw.as_slice())
        .read_to_string(&mut s)
        .is_err()
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in s.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let toks = v["tokens"].as_array().cloned().unwrap_or_default();
        // Rebuild a text: token texts at their code-point offsets, gaps filled with spaces.
        let mut chars: Vec<char> = Vec::new();
        for t in &toks {
            let start = t["start"].as_u64().unwrap_or(0) as usize;
            while chars.len() < start {
                chars.push(' ');
            }
            chars.extend(t["text"].as_str().unwrap_or("").chars());
        }
        let text: String = chars.iter().collect();
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let spans = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (s, e) = (
                    t["start"].as_u64().unwrap_or(0) as usize,
                    t["end"].as_u64().unwrap_or(0) as usize,
                );
                let next = toks.get(i + 1).and_then(|n| n["start"].as_u64());
                let ws = chars.get(e) == Some(&' ') && next != Some(e as u64);
                (byte_at[s], byte_at[e], ws)
            })
            .collect();
        let n_sents = v["sents"].as_array().map_or(0, Vec::len);
        out.push((text, spans, n_sents));
    }
    out
}

fn main() {
    let mut rounds = 3;
    let mut ner = true;
    let mut peak_secs = 1.0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(3),
            "--no-ner" => ner = false,
            "--no-peak" => peak_secs = 0.0,
            _ => {}
        }
    }
    let t = Instant::now();
    let mut parser = match ModelPaths::locate(None).map(|p| Parser::load(&p)) {
        Ok(Ok(p)) => p,
        Ok(Err(e)) | Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("load: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    parser.set_ner(ner);
    let docs = corpus();
    let n_tokens: usize = docs.iter().map(|d| d.1.len()).sum();
    let n_sents: usize = docs.iter().map(|d| d.2).sum();
    let inputs: Vec<Vec<InputToken>> = docs
        .iter()
        .map(|(_, t, _)| {
            t.iter()
                .map(|&(s, e, ws)| InputToken {
                    span: Span::new(s, e),
                    whitespace: ws,
                    norm: None,
                })
                .collect()
        })
        .collect();
    let mut scratch = Scratch::default();
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        let batch: Vec<DocInput> = docs
            .iter()
            .zip(&inputs)
            .map(|((text, _, _), toks)| DocInput { text, tokens: toks })
            .collect();
        let p = parser.parse_batch(&batch, &mut scratch);
        std::hint::black_box(&p);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let rate = (parser.multiply_adds_per_token() * n_tokens as u64) as f64 / best;
    println!(
        "{} multiply-adds per token; effective rate {:.1} G/s",
        parser.multiply_adds_per_token(),
        rate / 1e9
    );
    if peak_secs > 0.0 {
        let peak = dyad_parse::gemm_peak(peak_secs);
        println!(
            "plain GEMM peak: {:.1} G multiply-adds/s; effective rate = {:.0} % of it",
            peak / 1e9,
            rate / peak * 100.0
        );
    }
    println!(
        "{} docs, {n_tokens} tokens, {n_sents} sentences, ner {ner}: best of {rounds}: {:.3} s = {:.0} sentences/s, {:.0} tokens/s",
        docs.len(),
        best,
        n_sents as f64 / best,
        n_tokens as f64 / best
    );
}
