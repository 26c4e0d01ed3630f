//! `dyad`: the command-line front of the dyad event-data engine.
//!
//! Exit codes: 0 success (including batches where some records failed and were reported),
//! 1 when `--strict` is given and any record failed, 2 for usage errors, 3 for a fatal error
//! (an unwritable output, a missing model).

mod cli;
mod cmd;
mod input;
mod output;
mod report;

use std::process::ExitCode;

use clap::Parser;

/// Exit code for a fatal error that stopped the command.
const EXIT_FATAL: u8 = 3;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout with code 0 and usage errors to stderr with 2.
            let code = err.exit_code();
            let _ = err.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    init_tracing(cli.global.verbose);
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}

fn init_tracing(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DYAD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .try_init();
}
