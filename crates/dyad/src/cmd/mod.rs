//! One module per command.

mod bench;
mod bench_code;
mod bench_parse;
mod code;
mod docs;
mod eval;
mod explain;
mod geo;
mod lexicon;
mod model;
mod ontology;
mod parse;
mod split;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::report::Summary;

/// A mistake in how dyad was called, found after argument parsing (a bad `--date`): exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Run the command the arguments name.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(threads) = cli.global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .map_err(|e| anyhow::anyhow!("cannot start {threads} threads: {e}"))?;
    }
    let result = match &cli.command {
        Command::Split(args) => split::run(args, &cli.global),
        Command::Code(args) => code::run(args, &cli.global),
        Command::Explain(args) => explain::run(args, &cli.global),
        Command::Eval(args) => eval::run(args, &cli.global),
        Command::Parse(args) => parse::run(args, &cli.global),
        Command::Model(args) => model::run(args),
        Command::Geo(args) => geo::run(args),
        Command::Lexicon(args) => lexicon::run(args, cli.global.quiet),
        Command::Ontology(args) => ontology::run(args),
        Command::Bench(args) => bench::run(args, &cli.global),
    };
    match result {
        Err(err) if err.downcast_ref::<UsageError>().is_some() => {
            eprintln!("dyad: usage error: {err:#}");
            Ok(ExitCode::from(2))
        }
        other => other,
    }
}

/// Exit code at the end of a batch: 1 if `--strict` and anything failed, else 0.
pub fn batch_exit_code(summary: Summary, strict: bool) -> ExitCode {
    if strict && summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
