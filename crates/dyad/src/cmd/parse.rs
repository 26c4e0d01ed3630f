//! `dyad parse`: documents in, tokens with tags, lemmas, dependency tree and entities out, as JSON
//! (one object per record) or CoNLL-U.
//!
//! Each record's text is parsed whole, as spaCy's `nlp(text)` does (the parser decides the
//! sentences). Records are parsed in batches (the networks are much faster on many documents at
//! once), batches in parallel on `--threads`, output in input order.

use std::process::ExitCode;

use dyad_pipeline::{Pipeline, Resources};

use crate::cli::{GlobalArgs, ParseArgs, ParseFormat};
use crate::cmd::docs::run_documents;
use crate::cmd::model::load_parser;

pub fn run(args: &ParseArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let resources = Resources {
        parser: Some(load_parser(!args.no_ner, global.quiet)?),
        ..Resources::default()
    };
    let pipeline = Pipeline::build(&["parse"], &resources)?;
    let mut text = String::new();
    run_documents(
        "parse",
        &args.input,
        &args.output,
        global.quiet,
        &pipeline,
        |doc, out| {
            if let Some(parse) = &doc.parse {
                text.clear();
                match args.format {
                    ParseFormat::Json => {
                        text.push_str(&parse.to_json(&doc.id, &doc.text));
                        text.push('\n');
                    }
                    ParseFormat::Conllu => parse.write_conllu(&doc.id, &doc.text, &mut text),
                }
                out.extend_from_slice(text.as_bytes());
            }
            Ok(())
        },
    )
}
