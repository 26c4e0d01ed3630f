//! `dyad split`: documents in, sentences with spans out.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use dyad_doc::Doc;
use dyad_ingest::{IngestError, Origin};
use dyad_pipeline::{Pipeline, Resources, StageError, run_ordered};
use serde::Serialize;

use crate::cli::{GlobalArgs, SplitArgs, SplitFormat};
use crate::cmd::{UsageError, batch_exit_code};
use crate::report::{RecordError, Reporter};
use crate::{input, output};

/// Records are processed this many at a time (in parallel), then written in order.
const CHUNK: usize = 512;

pub fn run(args: &SplitArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let options = input::ingest_options(&args.input).map_err(|e| UsageError(format!("{e:#}")))?;
    let pipeline = Pipeline::build(&["text"], &Resources::default())?;
    let mut out = output::open(args.output.output.as_deref())?;
    let mut reporter = Reporter::new("split", global.quiet, args.input.errors.as_deref())?;
    let records = dyad_ingest::read_inputs(&args.input.inputs, &options);
    let mut line = Vec::with_capacity(1 << 12);

    run_ordered(
        records,
        CHUNK,
        |item| -> Result<Doc, Failure> {
            let mut record = item.map_err(Failure::Ingest)?;
            // Set aside for an error message only: the doc does not need it.
            let empty = Origin {
                path: String::new(),
                line: None,
            };
            let origin = std::mem::replace(&mut record.origin, empty);
            let mut doc = record.into_doc();
            match pipeline.run(&mut doc) {
                Ok(()) => Ok(doc),
                Err(error) => Err(Failure::Stage { error, origin }),
            }
        },
        |result| -> anyhow::Result<()> {
            match result {
                Ok(doc) => {
                    line.clear();
                    write_doc(&mut line, &doc, args.format)?;
                    out.write_all(&line).context("cannot write output")?;
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

#[derive(Serialize)]
struct SentenceOut<'a> {
    index: usize,
    span: [usize; 2],
    text: &'a str,
}

#[derive(Serialize)]
struct DatelineOut<'a> {
    text: &'a str,
    span: [usize; 2],
    place: &'a str,
    date_text: Option<&'a str>,
    date: Option<String>,
    agency: Option<&'a str>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    id: &'a str,
    date: String,
    dateline: Option<DatelineOut<'a>>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceLine<'a> {
    doc_id: &'a str,
    sentence_index: usize,
    span: [usize; 2],
    text: &'a str,
}

fn sentences(doc: &Doc) -> impl Iterator<Item = SentenceOut<'_>> {
    doc.sentences
        .iter()
        .flatten()
        .enumerate()
        .map(|(index, s)| SentenceOut {
            index,
            span: doc.char_span(s.span),
            text: doc.slice(s.span),
        })
}

/// Write one document in the chosen shape, each line ending in '\n'.
fn write_doc(out: &mut Vec<u8>, doc: &Doc, format: SplitFormat) -> anyhow::Result<()> {
    match format {
        SplitFormat::Doc => {
            let dateline = doc
                .dateline
                .as_ref()
                .and_then(Option::as_ref)
                .map(|d| DatelineOut {
                    text: doc.slice(d.span),
                    span: doc.char_span(d.span),
                    place: doc.slice(d.place),
                    date_text: d.date_text.map(|s| doc.slice(s)),
                    date: d.date.map(|date| date.to_string()),
                    agency: d.agency.map(|s| doc.slice(s)),
                });
            let record = DocOut {
                id: &doc.id,
                date: doc.pub_date.to_string(),
                dateline,
                sentences: sentences(doc).collect(),
            };
            serde_json::to_writer(&mut *out, &record)?;
            out.push(b'\n');
        }
        SplitFormat::Sentence => {
            for s in sentences(doc) {
                let line = SentenceLine {
                    doc_id: &doc.id,
                    sentence_index: s.index,
                    span: s.span,
                    text: s.text,
                };
                serde_json::to_writer(&mut *out, &line)?;
                out.push(b'\n');
            }
        }
        SplitFormat::Text => {
            for s in sentences(doc) {
                for (i, piece) in s
                    .text
                    .split(['\n', '\r'])
                    .filter(|p| !p.is_empty())
                    .enumerate()
                {
                    if i > 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(piece.as_bytes());
                }
                out.push(b'\n');
            }
        }
    }
    Ok(())
}
