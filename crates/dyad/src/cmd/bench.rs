//! `dyad bench`: speed and memory, as ratios against a reference run in the same process.
//!
//! `dyad bench split` writes a generated corpus of news-like JSONL (deterministic: the same
//! `--mb` gives the same bytes) to a temporary file and times, on the configured threads:
//! * the reference: reading and decoding every record (ingest only);
//! * dyad: ingest + normalisation + dateline + sentence split (the `text` stage).
//!
//! It reports MB/s and sentences/s for both, dyad's share of the reference rate, and the peak
//! resident memory of the process.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dyad_pipeline::{Pipeline, Resources, run_ordered};
use serde::Serialize;

use crate::cli::{BenchArgs, BenchTarget, GlobalArgs};

#[derive(Serialize)]
struct Rate {
    seconds: f64,
    mb_per_s: f64,
    records_per_s: f64,
    sentences_per_s: Option<f64>,
}

#[derive(Serialize)]
struct SplitReport {
    bench: &'static str,
    corpus_mb: f64,
    records: u64,
    sentences: u64,
    threads: usize,
    reference_ingest: Rate,
    dyad_split: Rate,
    split_vs_ingest: f64,
    peak_rss_mb: Option<f64>,
}

pub fn run(args: &BenchArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    match args.what {
        BenchTarget::Split => bench_split(args),
        BenchTarget::Parse => crate::cmd::bench_parse::run(args, _global),
        BenchTarget::Code => crate::cmd::bench_code::run(args, _global),
    }
}

fn bench_split(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let path = std::env::temp_dir().join(format!("dyad-bench-split-{}.jsonl", std::process::id()));
    let bytes = write_corpus(&path, args.mb.max(1) * 1_000_000)?;
    let inputs = vec![path.clone()];
    let options = dyad_ingest::IngestOptions::default();
    let mb = bytes as f64 / 1e6;

    // Reference: ingest only.
    let start = Instant::now();
    let mut records = 0u64;
    for record in dyad_ingest::read_inputs(&inputs, &options) {
        record.map_err(|e| anyhow::anyhow!("generated corpus is bad: {e}"))?;
        records += 1;
    }
    let ingest_s = start.elapsed().as_secs_f64();

    // dyad: ingest + text stage, in parallel chunks as `dyad split` runs it.
    let pipeline = Pipeline::build(&["text"], &Resources::default())?;
    let start = Instant::now();
    let mut sentences = 0u64;
    run_ordered(
        dyad_ingest::read_inputs(&inputs, &options),
        512,
        |record| {
            let mut doc = record.ok()?.into_doc();
            pipeline.run(&mut doc).ok()?;
            Some(doc.sentences.map_or(0, |s| s.len() as u64))
        },
        |n| {
            sentences += n.unwrap_or(0);
            Ok::<(), ()>(())
        },
    )
    .map_err(|()| anyhow::anyhow!("split failed"))?;
    let split_s = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);

    let rate = |s: f64, sents: Option<u64>| Rate {
        seconds: s,
        mb_per_s: mb / s,
        records_per_s: records as f64 / s,
        sentences_per_s: sents.map(|n| n as f64 / s),
    };
    let report = SplitReport {
        bench: "split",
        corpus_mb: mb,
        records,
        sentences,
        threads: rayon::current_num_threads(),
        reference_ingest: rate(ingest_s, None),
        dyad_split: rate(split_s, Some(sentences)),
        split_vs_ingest: ingest_s / split_s,
        peak_rss_mb: peak_rss_mb(),
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "dyad bench split — {:.1} MB, {} records, {} sentences, {} thread(s)",
            mb, records, sentences, report.threads
        );
        println!(
            "{:<34} {:>9} {:>10} {:>14}",
            "", "MB/s", "records/s", "sentences/s"
        );
        println!(
            "{:<34} {:>9.1} {:>10.0} {:>14}",
            "reference: ingest only",
            report.reference_ingest.mb_per_s,
            report.reference_ingest.records_per_s,
            "-"
        );
        println!(
            "{:<34} {:>9.1} {:>10.0} {:>14.0}",
            "dyad: ingest + normalise + split",
            report.dyad_split.mb_per_s,
            report.dyad_split.records_per_s,
            report.dyad_split.sentences_per_s.unwrap_or(0.0)
        );
        println!("split rate / ingest rate: {:.2}", report.split_vs_ingest);
        match report.peak_rss_mb {
            Some(rss) => println!("peak RSS: {rss:.1} MB"),
            None => println!("peak RSS: not available on this system"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size of this process (Linux: VmHWM in /proc/self/status).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Write about `target_bytes` of generated news-like JSONL to `path`; returns the bytes written.
fn write_corpus(path: &std::path::Path, target_bytes: usize) -> anyhow::Result<usize> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let mut generator = Generator(0x2545_F491_4F6C_DD1D);
    let mut written = 0;
    let mut n = 0u64;
    while written < target_bytes {
        let record = serde_json::json!({
            "id": format!("bench-{n}"),
            "date": "2024-06-19",
            "text": generator.story(),
        });
        let line = serde_json::to_string(&record)?;
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        written += line.len() + 1;
        n += 1;
    }
    out.flush()?;
    Ok(written)
}

/// A small deterministic generator of news-like text (xorshift).
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn sentence(&mut self) -> String {
        const WHO: &[&str] = &[
            "U.S. Secretary of State Antony Blinken",
            "Russian President Vladimir Putin",
            "The U.N. Security Council",
            "Gen. Mark A. Milley",
            "North Korea",
            "Chinese Foreign Minister Wang Yi",
            "Lt. Col. Ahmed Saleh",
            "Iran's Foreign Ministry",
            "The European Union",
            "Mr. Zelenskiy",
            "NATO allies",
            "Dr. Tedros",
        ];
        const DID: &[&str] = &[
            "met",
            "accused",
            "imposed sanctions on",
            "signed an agreement with",
            "criticised",
            "called on",
            "threatened",
            "pledged $1.2 billion in aid to",
            "expelled diplomats from",
            "held talks with",
        ];
        const WHOM: &[&str] = &[
            "Beijing",
            "the U.K.",
            "Kyiv",
            "Tehran",
            "the Kremlin",
            "Japan",
            "the Taliban",
            "Israel",
            "Venezuela",
            "South Korea's President Yoon Suk Yeol",
            "the Palestinian Authority",
        ];
        const WHEN: &[&str] = &[
            "on Tuesday",
            "in Feb. 2022",
            "at 10:30 a.m. local time",
            "last week",
            "on Sept. 11",
            "in 1956",
            "after a 3.5-hour meeting",
            "(the second time this year)",
            "on Jan. 5",
        ];
        let who = self.pick(WHO);
        let did = self.pick(DID);
        let whom = self.pick(WHOM);
        let when = self.pick(WHEN);
        match self.next() % 5 {
            0 => format!("\"We will not accept this,\" {who} said {when}."),
            1 => format!("{who} {did} {whom} {when}, officials said."),
            2 => format!("Did {who} really {did} {whom}? Analysts doubt it..."),
            _ => format!("{who} {did} {whom} {when}."),
        }
    }

    fn story(&mut self) -> String {
        const DATELINES: &[&str] = &[
            "SEOUL, June 19 (AP) — ",
            "MOSCOW (Reuters) - ",
            "WASHINGTON — ",
            "",
        ];
        let mut text = self.pick(DATELINES).to_string();
        let paragraphs = 1 + self.next() % 4;
        for p in 0..paragraphs {
            if p > 0 {
                text.push_str("\n\n");
            }
            for s in 0..(1 + self.next() % 4) {
                if s > 0 {
                    text.push(' ');
                }
                text.push_str(&self.sentence());
            }
        }
        text
    }
}
