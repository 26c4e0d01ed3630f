//! `dyad code`: documents in, event records out; and the coder the coding commands share.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use dyad_code::{Coder, CoderOptions, CommaLimits, Negation, NominalEvents};
use dyad_format::{Format, event_sink};
use dyad_lexicon::LexiconIndex;
use dyad_pipeline::{Pipeline, Resources};

use crate::cli::{CodeArgs, CoderArgs, GlobalArgs};
use crate::cmd::batch_exit_code;
use crate::cmd::docs::for_each_document;
use crate::cmd::geo::load_gazetteer;
use crate::cmd::lexicon::load_lexicon;
use crate::cmd::model::load_parser;
use crate::output;

/// The coder the coder flags describe, with its lexicon compiled.
pub fn build_coder(args: &CoderArgs, quiet: bool) -> anyhow::Result<Arc<Coder>> {
    let lexicon = load_lexicon(&args.lexicon, quiet)?;
    let options = CoderOptions {
        require_dyad: !args.allow_half,
        comma: if args.petrarch_commas {
            CommaLimits::PETRARCH
        } else {
            CommaLimits::OFF
        },
        one_per_story: !args.all_events,
        modal_intent: !args.petrarch_compat,
        domestic_country: !args.petrarch_compat,
        document_context: !args.petrarch_compat,
        nominal_events: match args.nominal_events.as_str() {
            "off" => NominalEvents::Off,
            "fallback" => NominalEvents::Fallback,
            _ => NominalEvents::All,
        },
        negation: match args.negation.as_str() {
            "flag" => Negation::Flag,
            "drop" => Negation::Drop,
            _ => Negation::Opposite,
        },
        ..CoderOptions::default()
    };
    Ok(Arc::new(Coder::new(
        Arc::new(LexiconIndex::new(lexicon)),
        options,
    )))
}

/// The coding pipeline for the coder flags: text (datelines), parse, time, code, and place
/// unless `--no-place`.
pub fn coding_pipeline(args: &CoderArgs, quiet: bool) -> anyhow::Result<Pipeline> {
    let resources = Resources {
        parser: Some(load_parser(!args.no_ner, quiet)?),
        coder: Some(build_coder(args, quiet)?),
        gazetteer: if args.no_place {
            None
        } else {
            Some(load_gazetteer(quiet)?)
        },
    };
    let mut stages = vec!["text", "parse", "time", "code"];
    if !args.no_place {
        stages.push("place");
    }
    Ok(Pipeline::build(&stages, &resources)?)
}

pub fn run(args: &CodeArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let format: Format = args
        .format
        .parse()
        .map_err(|e| anyhow::anyhow!("--format {}: {e}", args.format))?;
    let pipeline = coding_pipeline(&args.coder, global.quiet)?;
    let mut sink = event_sink(format, output::open(args.output.output.as_deref())?);
    let mut events = 0u64;
    let summary = for_each_document("code", &args.input, global.quiet, &pipeline, |doc| {
        let coded =
            |e: &&dyad_doc::Event| args.first_sentences.is_none_or(|n| e.sentence_index < n);
        for event in doc.events.iter().flatten().filter(coded) {
            sink.write_event(event).context("cannot write output")?;
            events += 1;
        }
        Ok(())
    })?;
    sink.finish().context("cannot write output")?;
    if !global.quiet {
        let skipped = sink.skipped();
        eprintln!(
            "dyad code: {events} events{}",
            if skipped > 0 {
                format!(
                    " ({skipped} negated events left out: the {format} format cannot express negation)"
                )
            } else {
                String::new()
            }
        );
    }
    Ok(batch_exit_code(summary, args.input.strict))
}
