//! `dyad split`: documents in, sentences with spans out.

use std::process::ExitCode;

use dyad_doc::Doc;
use dyad_pipeline::{Pipeline, Resources};
use serde::Serialize;

use crate::cli::{GlobalArgs, SplitArgs, SplitFormat};
use crate::cmd::docs::run_documents;

pub fn run(args: &SplitArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&["text"], &Resources::default())?;
    run_documents(
        "split",
        &args.input,
        &args.output,
        global.quiet,
        &pipeline,
        |doc, out| write_doc(out, doc, args.format),
    )
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
