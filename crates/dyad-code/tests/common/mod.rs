//! Shared by the integration tests: the model, the shared data, the eval harness.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;

use dyad_code::{Coder, CoderOptions, CommaLimits, SentenceTrace};
use dyad_eval::{GoldSet, RecordPrediction, Report};
use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex};
use dyad_parse::Parser;
use dyad_parse::model::ModelPaths;

/// The shared data directory, or `None` (after a note) when it is missing.
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if p.join("eval").is_dir() {
        Some(p)
    } else {
        eprintln!("note: skipping: ../shared/data is missing");
        None
    }
}

/// The installed model, or `None` (after a note) when it is not installed and
/// `DYAD_MODEL_TESTS` is not set.
pub fn parser() -> Option<Parser> {
    let paths = if std::env::var_os("DYAD_MODEL_TESTS").is_some() {
        dyad_parse::model::install(&dyad_parse::model::InstallOptions::default()).unwrap()
    } else {
        match ModelPaths::locate(None) {
            Ok(p) => p,
            Err(e) => {
                eprintln!(
                    "note: skipping real-model test ({e}); set DYAD_MODEL_TESTS=1 to install it"
                );
                return None;
            }
        }
    };
    Some(Parser::load(&paths).unwrap())
}

/// A lexicon compiled from PETRARCH files (diagnostics ignored: the reader tests check them).
pub fn lexicon(files: &LexiconFiles) -> Arc<LexiconIndex> {
    let read = Lexicon::load(files).unwrap();
    Arc::new(LexiconIndex::new(read.value))
}

/// PETRARCH's `<Config>` switches in force at each `<Sentence>` of a unit-test XML file, in
/// file order (commented-out records skipped), applied to `base`.
pub fn xml_configs(xml: &str, base: &CoderOptions) -> Vec<(String, CoderOptions)> {
    // Drop comments.
    let mut text = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find("<!--") {
        text.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
            }
        }
    }
    text.push_str(rest);
    let mut out = Vec::new();
    let mut opts = base.clone();
    let mut pos = 0;
    loop {
        let c = text[pos..].find("<Config ");
        let s = text[pos..].find("<Sentence ");
        match (c, s) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                let at = pos + c;
                let end = at + text[at..].find('>').unwrap_or(0);
                let tag = &text[at..end];
                let attr = |name: &str| attribute(tag, name);
                if let (Some(o), Some(v)) = (attr("option"), attr("value")) {
                    let b = v.eq_ignore_ascii_case("true");
                    let n: usize = v.parse().unwrap_or(0);
                    match o.as_str() {
                        "require_dyad" => opts.require_dyad = b,
                        "new_actor_length" => opts.new_actor_length = n,
                        "comma_min" => opts.comma.min = n,
                        "comma_max" => opts.comma.max = n,
                        "comma_bmin" => opts.comma.begin_min = n,
                        "comma_bmax" => opts.comma.begin_max = n,
                        "comma_emin" => opts.comma.end_min = n,
                        "comma_emax" => opts.comma.end_max = n,
                        _ => {}
                    }
                }
                pos = end.max(at + 1);
            }
            (_, Some(s)) => {
                let at = pos + s;
                let end = at + text[at..].find('>').unwrap_or(0);
                let tag = &text[at..end];
                let id = attribute(tag, "id").unwrap_or_default();
                out.push((id, opts.clone()));
                pos = end.max(at + 1);
            }
            _ => break,
        }
    }
    out
}

/// The value of attribute `name` in an XML start tag (`name="v"`, blanks allowed around `=`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + name.len()..].trim_start();
        if before_ok && let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start().strip_prefix('"')?;
            return Some(v[..v.find('"').unwrap_or(v.len())].to_owned());
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// The options PETRARCH's unit tests start from: its defaults, comma limits included.
pub fn petrarch_base() -> CoderOptions {
    CoderOptions {
        comma: CommaLimits::PETRARCH,
        modal_intent: false,
        domestic_country: false,
        ..CoderOptions::default()
    }
}

/// Codes every record of `gold` (parsing each text) with `coder_for(record index)`; returns
/// the predictions and, when `explain`, each record's traces.
pub fn code_set(
    gold: &GoldSet,
    parser: &Parser,
    coders: &dyn Fn(usize) -> Arc<Coder>,
    explain: bool,
) -> (Vec<RecordPrediction>, Vec<Vec<SentenceTrace>>) {
    let mut preds = Vec::new();
    let mut traces = Vec::new();
    let dates = gold.coding_dates();
    for (i, (r, date)) in gold.records.iter().zip(dates).enumerate() {
        let coder = coders(i);
        let parse = parser.parse_text(&r.text).unwrap();
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
    (preds, traces)
}

/// Prints the report's scores and every mismatched record (with traces when given).
pub fn print_report(name: &str, report: &Report, traces: &[Vec<SentenceTrace>]) {
    eprintln!(
        "== {name}: {}/{} records exact; events gold {} predicted {} correct {}; P {:.3} R {:.3} F1 {:.3}; root F1 {:.3}; country-root F1 {:.3}; extra {}",
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
        report.extra_events
    );
    for m in &report.mismatches {
        let fmt = |v: &[dyad_eval::EventKey]| {
            v.iter()
                .map(|k| format!("{k:?}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        eprintln!(
            "-- [{}] {} {}\n   gold: {}\n   pred: {}",
            m.id,
            m.category.as_deref().unwrap_or(""),
            m.text,
            fmt(&m.gold),
            fmt(&m.predicted)
        );
        if let Some(tr) = traces.get(m.index) {
            for t in tr {
                for line in t.render().lines() {
                    eprintln!("      {line}");
                }
            }
        }
    }
}
