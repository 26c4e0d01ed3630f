//! `dyad parse`: documents in, tokens with tags, lemmas, dependency tree and entities out, as JSON
//! (one object per record) or CoNLL-U.
//!
//! Each record's text is parsed whole, as spaCy's `nlp(text)` does (the parser decides the
//! sentences). Records are parsed in batches (the networks are much faster on many documents at
//! once), batches in parallel on `--threads`, output in input order.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use dyad_doc::Doc;
use dyad_ingest::{IngestError, Origin, Record};
use dyad_pipeline::{Pipeline, Resources, run_ordered_batches};

use crate::cli::{GlobalArgs, ParseArgs, ParseFormat};
use crate::cmd::model::load_parser;
use crate::cmd::split::Failure;
use crate::cmd::{UsageError, batch_exit_code};
use crate::report::Reporter;
use crate::{input, output};

/// Records read (and then written) at a time.
const CHUNK: usize = 1024;
/// Records parsed together on one thread.
const BATCH: usize = 64;

pub fn run(args: &ParseArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let options = input::ingest_options(&args.input).map_err(|e| UsageError(format!("{e:#}")))?;
    let resources = Resources {
        parser: Some(load_parser(!args.no_ner, global.quiet)?),
    };
    let pipeline = Pipeline::build(&["parse"], &resources)?;
    let mut out = output::open(args.output.output.as_deref())?;
    let mut reporter = Reporter::new("parse", global.quiet, args.input.errors.as_deref())?;
    let records = dyad_ingest::read_inputs(&args.input.inputs, &options);
    let mut text = String::with_capacity(1 << 14);

    run_ordered_batches(
        records,
        CHUNK,
        BATCH,
        |batch| parse_batch(&pipeline, batch),
        |result| -> anyhow::Result<()> {
            match result {
                Ok(doc) => {
                    text.clear();
                    if let Some(parse) = &doc.parse {
                        match args.format {
                            ParseFormat::Json => {
                                text.push_str(&parse.to_json(&doc.id, &doc.text));
                                text.push('\n');
                            }
                            ParseFormat::Conllu => {
                                parse.write_conllu(&doc.id, &doc.text, &mut text)
                            }
                        }
                    }
                    out.write_all(text.as_bytes())
                        .context("cannot write output")?;
                    reporter.record_ok();
                }
                Err(failure) => reporter.record_failed(&failure.as_record_error())?,
            }
            Ok(())
        },
    )?;
    out.flush().context("cannot write output")?;
    let summary = reporter.finish()?;
    Ok(batch_exit_code(summary, args.input.strict))
}

/// Parse the readable records of a batch together; one result per record, in order.
fn parse_batch(
    pipeline: &Pipeline,
    batch: Vec<Result<Record, IngestError>>,
) -> Vec<Result<Doc, Failure>> {
    let mut results: Vec<Option<Result<Doc, Failure>>> = Vec::with_capacity(batch.len());
    let mut docs = Vec::with_capacity(batch.len());
    let mut origins = Vec::with_capacity(batch.len());
    for item in batch {
        match item {
            Ok(mut record) => {
                let empty = Origin {
                    path: String::new(),
                    line: None,
                };
                origins.push(std::mem::replace(&mut record.origin, empty));
                docs.push(record.into_doc());
                results.push(None);
            }
            Err(e) => results.push(Some(Err(Failure::Ingest(e)))),
        }
    }
    let outcomes = pipeline.run_batch(&mut docs);
    let mut parsed = docs.into_iter().zip(outcomes).zip(origins);
    results
        .into_iter()
        .filter_map(|slot| match slot {
            Some(failed) => Some(failed),
            None => parsed.next().map(|((doc, outcome), origin)| match outcome {
                Ok(()) => Ok(doc),
                Err(error) => Err(Failure::Stage { error, origin }),
            }),
        })
        .collect()
}
