//! Parity with spaCy 3.8 + en_core_web_sm 3.8.0 on the golden file written by
//! `tools/tokenizer/make_reference.py` (the eval texts, hand-written hard cases, and generated
//! adversarial strings).
//!
//! Needs the model's tokenizer rules (see `support/mod.rs` for where they are looked for); without
//! them the test prints a note and passes. Fails when fewer than 99.9% of the texts are
//! tokenised identically, or when any attribute of an identically tokenised text differs.

mod support;

use std::collections::BTreeMap;
use std::io::Read;

use dyad_tokenizer::{Tokenizer, Vocab};
use serde_json::Value;

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/reference/spacy-3.8.0-tokens.jsonl.gz"
);
const ATTRS: [&str; 6] = ["norm", "lower", "prefix", "suffix", "shape", "flags"];

struct RefText {
    id: String,
    set: String,
    text: String,
    /// (code-point start, code-point length, whitespace)
    spans: Vec<(u64, u64, bool)>,
    /// per token: norm, lower, prefix, suffix, shape, flags (as strings)
    attrs: Vec<[String; 6]>,
}

/// The golden file, or the one named by `DYAD_TOKENIZER_REFERENCE` (a bigger local check made with
/// `make_reference.py --out`).
fn reference_path() -> (String, bool) {
    match std::env::var("DYAD_TOKENIZER_REFERENCE") {
        Ok(p) => (p, false),
        Err(_) => (REFERENCE.to_owned(), true),
    }
}

fn load_reference(path: &str) -> Vec<RefText> {
    let file = std::fs::File::open(path).expect("the golden file is committed");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("the golden file is gzip");
    let mut out = Vec::new();
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).expect("golden lines are JSON");
        let s = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .expect("string field")
                .to_owned()
        };
        let mut spans = Vec::new();
        let mut attrs = Vec::new();
        for row in v
            .get("tokens")
            .and_then(Value::as_array)
            .expect("tokens list")
        {
            let row = row.as_array().expect("token row");
            let n = |i: usize| row.get(i).and_then(Value::as_u64).expect("number");
            let t = |i: usize| {
                row.get(i)
                    .and_then(Value::as_str)
                    .expect("string")
                    .to_owned()
            };
            spans.push((n(0), n(1), n(2) == 1));
            attrs.push([t(3), t(4), t(5), t(6), t(7), n(8).to_string()]);
        }
        out.push(RefText {
            id: s("id"),
            set: s("set"),
            text: s("text"),
            spans,
            attrs,
        });
    }
    out
}

fn show(text: &str, spans: &[(u64, u64, bool)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    spans
        .iter()
        .map(|&(s, l, ws)| {
            let t: String = chars.iter().skip(s as usize).take(l as usize).collect();
            format!("{t:?}{}", if ws { "_" } else { "" })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn tokenization_matches_spacy() {
    let Some(model) = support::load_model_rules() else {
        support::skip_note("tokenization_matches_spacy");
        return;
    };
    let tokenizer = Tokenizer::from_rules(&model.rules).expect("the model's rules compile");
    assert!(
        tokenizer.backtracking_patterns().is_empty(),
        "en_core_web_sm's affix patterns should all run on the fast path: {:?}",
        tokenizer.backtracking_patterns()
    );
    let mut vocab = Vocab::new(model.norms);
    let (path, committed) = reference_path();
    let reference = load_reference(&path);

    let mut per_set: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut attr_total = [0usize; 6];
    let mut attr_same = [0usize; 6];
    let mut diffs = Vec::new();
    let mut attr_diffs = Vec::new();
    for r in &reference {
        let tokens = tokenizer.tokenize(&r.text);
        // byte offset -> code-point offset
        let mut cp_of = vec![0u64; r.text.len() + 1];
        let mut cp = 0u64;
        for (b, c) in r.text.char_indices() {
            for k in 0..c.len_utf8() {
                cp_of[b + k] = cp;
            }
            cp += 1;
        }
        cp_of[r.text.len()] = cp;
        let ours: Vec<(u64, u64, bool)> = tokens
            .iter()
            .map(|t| (cp_of[t.start], cp_of[t.end] - cp_of[t.start], t.whitespace))
            .collect();
        let entry = per_set.entry(r.set.as_str()).or_default();
        entry.1 += 1;
        if ours != r.spans {
            diffs.push(format!(
                "{} {:?}\n   spaCy: {}\n   dyad:  {}",
                r.id,
                r.text,
                show(&r.text, &r.spans),
                show(&r.text, &ours)
            ));
            continue;
        }
        entry.0 += 1;
        let ids = vocab.intern_tokens(&r.text, &tokens);
        for ((tok, id), want) in tokens.iter().zip(&ids).zip(&r.attrs) {
            let lex = vocab.get(*id);
            let got = [
                vocab.token_norm(&tokenizer, tok, *id).to_owned(),
                lex.lower.to_owned(),
                lex.prefix.to_owned(),
                lex.suffix.to_owned(),
                lex.shape.to_owned(),
                lex.flags.bits().to_string(),
            ];
            for k in 0..6 {
                attr_total[k] += 1;
                if got[k] == want[k] {
                    attr_same[k] += 1;
                } else if attr_diffs.len() < 30 {
                    attr_diffs.push(format!(
                        "{} token {:?}: {} spaCy {:?} dyad {:?}",
                        r.id, lex.orth, ATTRS[k], want[k], got[k]
                    ));
                }
            }
        }
    }

    eprintln!("tokenizer rules from {}; reference {path}", model.source);
    let (mut same, mut total) = (0, 0);
    for (set, (s, t)) in &per_set {
        eprintln!(
            "  {set:<24} {s:>5} / {t:<5} texts tokenised identically ({:.2}%)",
            100.0 * *s as f64 / *t as f64
        );
        same += s;
        total += t;
    }
    let rate = same as f64 / total as f64;
    eprintln!(
        "  {:<24} {same:>5} / {total:<5} ({:.3}%)",
        "all",
        100.0 * rate
    );
    for k in 0..6 {
        eprintln!(
            "  {:<8} {} / {} tokens equal",
            ATTRS[k], attr_same[k], attr_total[k]
        );
    }
    for d in diffs.iter().take(20) {
        eprintln!("DIFF {d}");
    }
    for d in &attr_diffs {
        eprintln!("ATTR {d}");
    }
    assert!(
        !committed || total > 5000,
        "the golden file has all its texts"
    );
    assert!(
        rate >= 0.999,
        "{} of {total} texts tokenised differently",
        total - same
    );
    assert_eq!(
        attr_same, attr_total,
        "attributes differ on identically tokenised texts"
    );
}
