//! `dyad eval GOLD.jsonl`: code every record of a gold set and score the events.

use std::process::ExitCode;

use anyhow::Context;
use dyad_eval::{GoldSet, RecordPrediction, score};
use dyad_parse::parse::Scratch;
use rayon::prelude::*;

use crate::cli::{EvalArgs, GlobalArgs};
use crate::cmd::UsageError;
use crate::cmd::code::build_coder;
use crate::cmd::model::load_parser;

/// Records parsed together.
const BATCH: usize = 64;

pub fn run(args: &EvalArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let default_date = dyad_ingest::parse_date(&args.default_date)
        .map_err(|e| UsageError(format!("--default-date {:?}: {e}", args.default_date)))?;
    let gold = GoldSet::load(&args.gold)
        .with_context(|| format!("cannot read gold file {}", args.gold.display()))?;
    if !global.quiet {
        for e in &gold.skipped {
            eprintln!("dyad eval: skipped {e}");
        }
        for w in &gold.warnings {
            eprintln!("dyad eval: {w}");
        }
    }
    let parser = load_parser(!args.coder.no_ner, global.quiet)?;
    let coder = build_coder(&args.coder, global.quiet)?;
    // A record whose date cannot be read takes the date of the record before it (gold sets run
    // in story order), the first such record `--default-date`.
    let records: Vec<_> = gold
        .records
        .iter()
        .zip(gold.coding_dates())
        .map(|(r, date)| r.to_input(&gold.path, date.unwrap_or(default_date)))
        .collect();
    let predictions: Vec<RecordPrediction> = records
        .par_chunks(BATCH)
        .flat_map_iter(|chunk| {
            let texts: Vec<&str> = chunk.iter().map(|r| r.text.as_str()).collect();
            let parses = parser.parse_texts(&texts, &mut Scratch::default());
            chunk
                .iter()
                .zip(parses)
                .map(|(record, parse)| match parse {
                    Err(e) => RecordPrediction {
                        id: Some(record.id.clone()),
                        ..RecordPrediction::rejected(&format!("parse failed: {e}"))
                    },
                    Ok(parse) => coder
                        .code_parse(&record.text, &parse, Some(record.date))
                        .to_prediction(&record.id),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let report = score(&gold, &predictions)?;
    if args.json {
        println!("{}", report.to_json()?);
    } else {
        print!("{}", report.to_text(args.show));
    }
    Ok(ExitCode::SUCCESS)
}
