//! Checks the committed spaCy parity file (tests/parity/, written by tools/spacy/make_parity.py) against
//! the corpus it was made from: same records in the same order, token offsets that cut the record's text
//! into the token texts, heads, sentences and entities inside the record. The dyad-vs-spaCy comparison
//! will read the file through the same code.
#![allow(clippy::unwrap_used)]

use std::io::Read;

use serde::Deserialize;

const PARITY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/parity/");
const STEM: &str = "spacy-3.8.0-en_core_web_sm";

#[derive(Deserialize)]
#[allow(dead_code)] // every field of the contract is read, not all are checked here
struct Token {
    i: usize,
    text: String,
    start: usize,
    end: usize,
    tag: String,
    pos: String,
    lemma: String,
    head: usize,
    dep: String,
    ent_iob: String,
    ent_type: String,
}

#[derive(Deserialize)]
struct Ent {
    start_token: usize,
    end_token: usize,
    label: String,
}

#[derive(Deserialize)]
struct Parsed {
    id: String,
    tokens: Vec<Token>,
    sents: Vec<[usize; 2]>,
    ents: Vec<Ent>,
}

#[derive(Deserialize)]
struct Source {
    file: String,
    records: usize,
}

#[derive(Deserialize)]
struct Meta {
    output: String,
    sources: Vec<Source>,
    records: usize,
    tokens: usize,
}

/// Corpus records (id, text) in make_parity.py's order and with its skipping rules.
fn corpus(meta: &Meta) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for src in &meta.sources {
        // `file` is relative to the repository root.
        let path = format!("{}/../../{}", env!("CARGO_MANIFEST_DIR"), src.file);
        let bytes = std::fs::read(&path).ok()?;
        let before = out.len();
        for (lineno, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let Ok(line) = std::str::from_utf8(raw) else {
                continue;
            };
            let Ok(serde_json::Value::Object(rec)) = serde_json::from_str(line) else {
                continue;
            };
            let Some(text) = rec.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let id = match rec.get("id") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) if !v.is_null() => v.to_string(),
                _ => format!("{}:{}", src.file, lineno + 1),
            };
            out.push((id, text.to_owned()));
        }
        assert_eq!(
            out.len() - before,
            src.records,
            "record count of {}",
            src.file
        );
    }
    Some(out)
}

#[test]
fn parity_file_matches_its_corpus() {
    let meta: Meta =
        serde_json::from_slice(&std::fs::read(format!("{PARITY}{STEM}.meta.json")).unwrap())
            .unwrap();
    let raw = std::fs::read(format!("{PARITY}{}", meta.output)).unwrap();
    let mut text = String::new();
    if meta.output.ends_with(".gz") {
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_string(&mut text)
            .unwrap();
    } else {
        text = String::from_utf8(raw).unwrap();
    }
    let parsed: Vec<Parsed> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed.len(), meta.records);
    assert!(parsed.len() >= 700);
    assert_eq!(
        parsed.iter().map(|p| p.tokens.len()).sum::<usize>(),
        meta.tokens
    );

    let Some(corpus) = corpus(&meta) else {
        eprintln!("note: ../shared/data is missing; only the parity file's own shape was checked");
        return;
    };
    assert_eq!(corpus.len(), parsed.len());
    for ((id, text), p) in corpus.iter().zip(&parsed) {
        assert_eq!(*id, p.id);
        let chars: Vec<char> = text.chars().collect();
        let n = p.tokens.len();
        for (k, t) in p.tokens.iter().enumerate() {
            assert_eq!(t.i, k, "{id}");
            let cut: String = chars[t.start..t.end].iter().collect();
            assert_eq!(cut, t.text, "{id} token {k}");
            assert!(t.head < n, "{id} token {k} head");
            assert!(
                ["B", "I", "O", ""].contains(&t.ent_iob.as_str()),
                "{id} token {k}"
            );
            assert!(!t.tag.is_empty() && !t.pos.is_empty(), "{id} token {k}");
        }
        // Sentences tile the tokens in order.
        let mut next = 0;
        for [a, b] in &p.sents {
            assert_eq!(*a, next, "{id} sentences");
            assert!(b > a);
            next = *b;
        }
        assert_eq!(next, n, "{id} sentences cover the record");
        for e in &p.ents {
            assert!(
                e.start_token < e.end_token && e.end_token <= n && !e.label.is_empty(),
                "{id}"
            );
            assert_eq!(p.tokens[e.start_token].ent_iob, "B", "{id}");
        }
    }
}
