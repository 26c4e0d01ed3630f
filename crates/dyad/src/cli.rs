//! Command-line arguments: every flag defined once, each command's help ends with examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (records that failed were reported on stderr and with --errors)
  1  --strict was given and at least one record failed
  2  usage error (bad flags or arguments)
  3  fatal error (output not writable, input not readable at all)";

/// dyad: who did what to whom, when and where — political event data from news text.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, propagate_version = true, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// More log output on stderr (-v info, -vv debug); DYAD_LOG overrides.
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// No progress bar and no summary line.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
}

/// dyad's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split documents into sentences, with spans into the original text.
    #[command(after_help = SPLIT_EXAMPLES)]
    Split(SplitArgs),
    /// Show what dyad knows about a code: CAMEO event, PLOVER type, country, actor role.
    #[command(after_help = ONTOLOGY_EXAMPLES)]
    Ontology(OntologyArgs),
    /// Measure dyad's speed and memory against a reference run on this machine.
    #[command(after_help = BENCH_EXAMPLES)]
    Bench(BenchArgs),
}

const SPLIT_EXAMPLES: &str = "\
Examples:
  dyad split examples/news.jsonl
  dyad split --format text examples/news.jsonl | head -3
      Fifty years ago this week, the world changed course.
      In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman Mao Zedong.
      The two sides issued the Shanghai Communique on Feb. 28, 1972, agreeing that neither would seek ...
  dyad split --date 2024-06-19 story.txt
  zcat wire.jsonl.gz | dyad split - -o sentences.jsonl --errors bad.jsonl
  dyad split --input-format csv --id-col doc --text-col body --date-col published corpus.csv";

const ONTOLOGY_EXAMPLES: &str = "\
Examples:
  dyad ontology 042        a CAMEO event code: name, quad class, Goldstein, PLOVER
  dyad ontology PRK        a country: codes, names, capital, validity
  dyad ontology SUN        a historical state (the USSR) with its dates
  dyad ontology GOV        an actor role / sector code
  dyad ontology ASSAULT    a PLOVER event type and the CAMEO codes that map to it
  dyad ontology --json 19  machine-readable";

const BENCH_EXAMPLES: &str = "\
Examples:
  dyad bench split                 ingest + normalise + split on a generated 20 MB corpus
  dyad bench split --mb 100 -j 1   a bigger corpus on one core";

/// Where records come from: shared by every command that reads documents.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or directories; `-` reads stdin. JSONL, text, CSV; .gz and .zst are read too.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date for records without one (plain-text files need it): YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Read every input as this format instead of guessing from its extension.
    #[arg(long, value_name = "FORMAT", value_parser = ["jsonl", "text", "csv"])]
    pub input_format: Option<String>,
    /// CSV column holding the record id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_col: String,
    /// CSV column holding the publication date.
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_col: String,
    /// CSV column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_col: String,
    /// Also write every record error as a JSON line to FILE.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Exit with 1 if any record failed.
    #[arg(long)]
    pub strict: bool,
}

/// Where results go.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `dyad split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output shape.
    #[arg(long, value_enum, default_value_t = SplitFormat::Doc)]
    pub format: SplitFormat,
}

/// Shapes of `dyad split` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitFormat {
    /// One JSON object per document: id, dateline, sentences with spans.
    Doc,
    /// One JSON object per sentence: doc_id, sentence_index, span, text.
    Sentence,
    /// One sentence per line, plain text (newlines inside a sentence become spaces).
    Text,
}

/// `dyad ontology`.
#[derive(Debug, Args)]
pub struct OntologyArgs {
    /// Codes to look up: CAMEO event code, PLOVER event type, country (CAMEO/ISO), role code.
    #[arg(value_name = "CODE", required = true)]
    pub codes: Vec<String>,
    /// Print JSON (one object per line) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `dyad bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// What to measure.
    #[arg(value_enum)]
    pub what: BenchTarget,
    /// Size of the generated corpus in MB.
    #[arg(long, default_value_t = 20)]
    pub mb: usize,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Benchmarks `dyad bench` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchTarget {
    /// Ingest + normalise + sentence split.
    Split,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_has_examples_in_its_help() {
        let mut cli = Cli::command();
        for sub in cli.get_subcommands_mut() {
            let help = sub.render_long_help().to_string();
            assert!(
                help.contains("Examples:"),
                "`dyad {}` help has no examples",
                sub.get_name()
            );
            assert!(
                help.contains("dyad "),
                "`dyad {}` examples do not show dyad",
                sub.get_name()
            );
        }
    }
}
