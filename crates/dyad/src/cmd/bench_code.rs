//! `dyad bench code`: the coder's own rate (parses made beforehand, not timed) and the rate from
//! raw text to events, on one core, on the same texts as `bench parse`.
//!
//! There is no PETRARCH2 to run beside it (Python 2 and CoreNLP); its published rate on this
//! kind of machine, 1,000–1,500 sentences/s for the coder alone given parses, is printed as the
//! reference, with dyad's target of 15,000.

use std::process::ExitCode;
use std::time::Instant;

use dyad_parse::parse::Scratch;
use serde::Serialize;

use crate::cli::{BenchArgs, GlobalArgs};
use crate::cmd::bench::peak_rss_mb;
use crate::cmd::bench_parse::{BATCH, corpus_texts};
use crate::cmd::code::build_coder;
use crate::cmd::model::load_parser;

/// PETRARCH2's coder alone, sentences/s on one core of this kind of machine (PRODUCT.md).
const PETRARCH2_CODER: (f64, f64) = (1_000.0, 1_500.0);
/// dyad's target for the coder alone (issue 5).
const TARGET: f64 = 15_000.0;

#[derive(Serialize)]
struct Report {
    bench: &'static str,
    texts: usize,
    sentences: u64,
    events: u64,
    repeats: usize,
    coder_sentences_per_s: f64,
    end_to_end_sentences_per_s: f64,
    petrarch2_coder_sentences_per_s: [f64; 2],
    coder_vs_petrarch2: [f64; 2],
    target_coder_sentences_per_s: f64,
    peak_rss_mb: Option<f64>,
}

pub fn run(args: &BenchArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let texts = corpus_texts(&args.inputs)?;
    let mut coder_args = args.coder.clone();
    let shared = std::path::Path::new("../shared/data/petrarch-dictionaries");
    if coder_args.lexicon.lexicon == "default" && shared.is_dir() {
        coder_args.lexicon.lexicon = shared.display().to_string();
    }
    let parser = load_parser(false, global.quiet)?;
    let coder = build_coder(&coder_args, global.quiet)?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();

    // End to end: tokenise, parse (no NER: the coder does not read entities), code.
    let mut scratch = Scratch::default();
    let start = Instant::now();
    let mut parses = Vec::with_capacity(refs.len());
    for batch in refs.chunks(BATCH) {
        for (text, parse) in batch.iter().zip(parser.parse_texts(batch, &mut scratch)) {
            if let Ok(parse) = parse {
                std::hint::black_box(coder.code_parse(text, &parse, None));
                parses.push((*text, parse));
            }
        }
    }
    let end_to_end = start.elapsed().as_secs_f64().max(1e-9);
    let sentences: u64 = parses.iter().map(|(_, p)| p.sents().len() as u64).sum();

    // The coder alone, repeated until it takes `--seconds`.
    let mut repeats = 0;
    let mut events = 0u64;
    let start = Instant::now();
    while repeats == 0 || start.elapsed().as_secs_f64() < args.seconds {
        for (text, parse) in &parses {
            events += coder.code_parse(text, parse, None).events.len() as u64;
        }
        repeats += 1;
    }
    let coder_s = start.elapsed().as_secs_f64().max(1e-9);
    let coder_rate = (sentences * repeats as u64) as f64 / coder_s;
    let report = Report {
        bench: "code",
        texts: parses.len(),
        sentences,
        events: events / repeats as u64,
        repeats,
        coder_sentences_per_s: coder_rate,
        end_to_end_sentences_per_s: sentences as f64 / end_to_end,
        petrarch2_coder_sentences_per_s: [PETRARCH2_CODER.0, PETRARCH2_CODER.1],
        coder_vs_petrarch2: [
            coder_rate / PETRARCH2_CODER.1,
            coder_rate / PETRARCH2_CODER.0,
        ],
        target_coder_sentences_per_s: TARGET,
        peak_rss_mb: peak_rss_mb(),
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "dyad bench code — {} texts, {} sentences, {} events per pass, one core, lexicon {}",
            report.texts, report.sentences, report.events, coder_args.lexicon.lexicon
        );
        println!(
            "coder alone (parses made beforehand): {:.0} sentences/s ({} passes) — {:.0}–{:.0}× \
             PETRARCH2's coder ({:.0}–{:.0}/s); target {:.0}/s",
            report.coder_sentences_per_s,
            report.repeats,
            report.coder_vs_petrarch2[0],
            report.coder_vs_petrarch2[1],
            PETRARCH2_CODER.0,
            PETRARCH2_CODER.1,
            TARGET
        );
        println!(
            "end to end (tokenise + parse without NER + code): {:.0} sentences/s",
            report.end_to_end_sentences_per_s
        );
        if let Some(rss) = report.peak_rss_mb {
            println!("peak RSS: {rss:.0} MB");
        }
    }
    Ok(ExitCode::SUCCESS)
}
