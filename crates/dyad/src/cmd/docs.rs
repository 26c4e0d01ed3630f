//! The loop every document command shares: read records, run a pipeline over them in parallel
//! batches, write each document in input order, report the records that failed.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use dyad_doc::Doc;
use dyad_ingest::{IngestError, Origin, Record};
use dyad_pipeline::{Pipeline, StageError, run_ordered_batches};

use crate::cli::{InputArgs, OutputArgs};
use crate::cmd::{UsageError, batch_exit_code};
use crate::report::{RecordError, Reporter, Summary};
use crate::{input, output};

/// Records read (and then written) at a time.
const CHUNK: usize = 1024;
/// Records run through the pipeline together on one thread (the parser is much faster on
/// batches).
const BATCH: usize = 64;

/// Run `pipeline` over the records `input` names and write each document with `render` to the
/// output; the summary names the command `command`.
pub fn run_documents(
    command: &'static str,
    input: &InputArgs,
    output: &OutputArgs,
    quiet: bool,
    pipeline: &Pipeline,
    mut render: impl FnMut(&Doc, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut out = output::open(output.output.as_deref())?;
    let mut buf = Vec::with_capacity(1 << 14);
    let summary = for_each_document(command, input, quiet, pipeline, |doc| {
        buf.clear();
        render(doc, &mut buf)?;
        out.write_all(&buf).context("cannot write output")
    })?;
    out.flush().context("cannot write output")?;
    Ok(batch_exit_code(summary, input.strict))
}

/// Run `pipeline` over the records `input` names and hand each finished document to `deliver`,
/// in input order; failed records are reported. Returns the counts.
pub fn for_each_document(
    command: &'static str,
    input: &InputArgs,
    quiet: bool,
    pipeline: &Pipeline,
    mut deliver: impl FnMut(&Doc) -> anyhow::Result<()>,
) -> anyhow::Result<Summary> {
    let options = input::ingest_options(input).map_err(|e| UsageError(format!("{e:#}")))?;
    let mut reporter = Reporter::new(command, quiet, input.errors.as_deref())?;
    let records = dyad_ingest::read_inputs(&input.inputs, &options);
    run_ordered_batches(
        records,
        CHUNK,
        BATCH,
        |batch| run_batch(pipeline, batch),
        |result| -> anyhow::Result<()> {
            match result {
                Ok(doc) => {
                    deliver(&doc)?;
                    reporter.record_ok();
                }
                Err(failure) => reporter.record_failed(&failure.as_record_error())?,
            }
            Ok(())
        },
    )?;
    reporter.finish()
}

/// Why one record produced no output.
pub enum Failure {
    /// It could not be read.
    Ingest(IngestError),
    /// A stage failed on it.
    Stage { error: StageError, origin: Origin },
}

impl Failure {
    pub fn as_record_error(&self) -> RecordError<'_> {
        match self {
            Failure::Ingest(e) => RecordError {
                path: &e.path,
                line: e.line,
                id: e.id.as_deref(),
                stage: "ingest",
                error: e.kind.to_string(),
            },
            Failure::Stage { error, origin } => RecordError {
                path: &origin.path,
                line: origin.line,
                id: Some(&error.doc_id),
                stage: error.stage,
                error: error.message.clone(),
            },
        }
    }
}

/// Run the readable records of a batch through the pipeline together; one result per record, in
/// order.
fn run_batch(
    pipeline: &Pipeline,
    batch: Vec<Result<Record, IngestError>>,
) -> Vec<Result<Doc, Failure>> {
    let mut results: Vec<Option<Result<Doc, Failure>>> = Vec::with_capacity(batch.len());
    let mut docs = Vec::with_capacity(batch.len());
    let mut origins = Vec::with_capacity(batch.len());
    for item in batch {
        match item {
            Ok(mut record) => {
                // Set aside for an error message only: the doc does not need it.
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
    let mut done = docs.into_iter().zip(outcomes).zip(origins);
    results
        .into_iter()
        .filter_map(|slot| match slot {
            Some(failed) => Some(failed),
            None => done.next().map(|((doc, outcome), origin)| match outcome {
                Ok(()) => Ok(doc),
                Err(error) => Err(Failure::Stage { error, origin }),
            }),
        })
        .collect()
}
