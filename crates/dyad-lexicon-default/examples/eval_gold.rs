//! Codes a gold set with dyad's default lexicon (or, with `--phoenix`, the PETRARCH/Phoenix
//! dictionaries of ../shared) and prints the scores, then every record that did not match with
//! the coder's trace when `--explain` is given. Needs the installed parser model.
//!
//! `cargo run -p dyad-lexicon-default --example eval_gold -- ../shared/data/eval/PLOVER_GSR_CAMEO.jsonl [--phoenix] [--explain] [--lexicon DIR]`

use std::path::PathBuf;
use std::sync::Arc;

use dyad_code::{Coder, CoderOptions};
use dyad_eval::{GoldSet, score};
use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(gold_path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_gold GOLD.jsonl [--phoenix] [--explain] [--lexicon DIR]");
        std::process::exit(2);
    };
    let explain = args.iter().any(|a| a == "--explain");
    let lexicon = if args.iter().any(|a| a == "--phoenix") {
        let dir = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/petrarch-dictionaries"
        ));
        Lexicon::load(&LexiconFiles::phoenix(dir))?.value
    } else {
        let dir = match args.iter().position(|a| a == "--lexicon") {
            Some(i) => Some(args.get(i + 1).ok_or("--lexicon needs a directory")?),
            None => None,
        };
        dyad_lexicon_default::load_dir_or_default(dir.map(std::path::Path::new))?.value
    };
    let coder = Arc::new(Coder::new(
        Arc::new(LexiconIndex::new(lexicon)),
        CoderOptions::default(),
    ));
    let paths = dyad_parse::model::ModelPaths::locate(None)?;
    let parser = dyad_parse::Parser::load(&paths)?;
    let gold = GoldSet::load(gold_path)?;
    let mut preds = Vec::new();
    let mut traces = Vec::new();
    for (r, date) in gold.records.iter().zip(gold.coding_dates()) {
        let parse = parser.parse_text(&r.text)?;
        let mut tr = Vec::new();
        let coding = coder.code_parse_traced(
            &r.text,
            &parse,
            date,
            if explain { Some(&mut tr) } else { None },
        );
        traces.push(tr);
        preds.push(coding.to_prediction(&r.id));
    }
    let report = score(&gold, &preds)?;
    match write_report(gold_path, &report, &traces) {
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

fn write_report(
    gold_path: &str,
    report: &dyad_eval::Report,
    traces: &[Vec<dyad_code::SentenceTrace>],
) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{}: {}/{} records exact; events gold {} predicted {} correct {}; P {:.3} R {:.3} F1 {:.3}; root F1 {:.3}; country-root F1 {:.3}",
        gold_path,
        report.records_exact,
        report.records,
        report.events_gold,
        report.events_predicted,
        report.events_correct,
        report.precision,
        report.recall,
        report.f1,
        report.root_f1,
        report.country_root_f1,
    )?;
    for m in &report.mismatches {
        let fmt = |v: &[dyad_eval::EventKey]| {
            v.iter()
                .map(|k| format!("{k:?}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        writeln!(
            out,
            "-- [{}] {}\n   gold: {}\n   pred: {}",
            m.id,
            m.text,
            fmt(&m.gold),
            fmt(&m.predicted)
        )?;
        if let Some(tr) = traces.get(m.index) {
            for t in tr {
                for line in t.render().lines() {
                    writeln!(out, "      {line}")?;
                }
            }
        }
    }
    out.flush()
}
