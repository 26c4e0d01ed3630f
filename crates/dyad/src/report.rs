//! Per-record errors, counters, the progress bar and the closing summary.
//!
//! A bad record is a message, not a dead batch: each error names the file, line and record id, goes
//! to stderr and (with `--errors FILE`) to a JSON-lines file, and is counted. The summary line at
//! the end says how many records were read, how many went through and how many failed.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// One failed record, as written to `--errors FILE`.
#[derive(Debug, Serialize)]
pub struct RecordError<'a> {
    /// Input file ("-" for stdin).
    pub path: &'a str,
    /// 1-based line in that file, for line-based inputs.
    pub line: Option<u64>,
    /// The record's id, if it could be read.
    pub id: Option<&'a str>,
    /// The stage that failed: "ingest" or a pipeline stage name.
    pub stage: &'a str,
    /// What went wrong.
    pub error: String,
}

/// Counts records, reports failures and draws progress.
pub struct Reporter {
    command: &'static str,
    quiet: bool,
    errors_file: Option<BufWriter<File>>,
    progress: ProgressBar,
    read: u64,
    ok: u64,
    failed: u64,
}

impl Reporter {
    /// A reporter for `command`; opens `errors_path` for writing if given.
    pub fn new(
        command: &'static str,
        quiet: bool,
        errors_path: Option<&Path>,
    ) -> anyhow::Result<Reporter> {
        let errors_file = errors_path
            .map(|p| {
                File::create(p)
                    .map(BufWriter::new)
                    .with_context(|| format!("cannot create errors file {}", p.display()))
            })
            .transpose()?;
        let progress = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {pos} records ({per_sec}) {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Ok(Reporter {
            command,
            quiet,
            errors_file,
            progress,
            read: 0,
            ok: 0,
            failed: 0,
        })
    }

    /// A record went through.
    pub fn record_ok(&mut self) {
        self.read += 1;
        self.ok += 1;
        self.progress.inc(1);
    }

    /// A record failed: print it, log it, count it.
    pub fn record_failed(&mut self, error: &RecordError<'_>) -> anyhow::Result<()> {
        self.read += 1;
        self.failed += 1;
        self.progress.inc(1);
        let line = error.line.map(|l| format!(":{l}")).unwrap_or_default();
        let id = error
            .id
            .map(|id| format!(" record {id:?}"))
            .unwrap_or_default();
        self.progress.suspend(|| {
            eprintln!(
                "dyad {}: {}{line}:{id} [{}] {}",
                self.command, error.path, error.stage, error.error
            )
        });
        if let Some(file) = &mut self.errors_file {
            serde_json::to_writer(&mut *file, error).context("cannot write errors file")?;
            file.write_all(b"\n").context("cannot write errors file")?;
        }
        Ok(())
    }

    /// Close the progress bar, flush the errors file and print the summary line.
    pub fn finish(mut self) -> anyhow::Result<Summary> {
        self.progress.finish_and_clear();
        if let Some(file) = &mut self.errors_file {
            file.flush().context("cannot write errors file")?;
        }
        if !self.quiet {
            eprintln!(
                "dyad {}: {} records read, {} ok, {} failed",
                self.command, self.read, self.ok, self.failed
            );
        }
        Ok(Summary {
            failed: self.failed,
        })
    }
}

/// What a batch's exit code depends on.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Records that failed.
    pub failed: u64,
}
