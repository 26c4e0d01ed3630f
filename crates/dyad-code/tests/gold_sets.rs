//! The gold sets: PETRARCH's unit tests with the validation dictionaries and the PETR2 GSR
//! with CAMEO.2.0 and the Phoenix dictionaries, parsed by the real model. Prints the scores
//! and every mismatch (set `DYAD_CODE_EXPLAIN=1` for the coder's trace of each), and holds
//! the floors reached. Skips without the model or ../shared.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use dyad_code::{Coder, CoderOptions};
use dyad_eval::{GoldSet, score};
use dyad_lexicon::LexiconFiles;

fn explain() -> bool {
    std::env::var_os("DYAD_CODE_EXPLAIN").is_some()
}

#[test]
fn petrarch_unit_tests() {
    let (Some(shared), Some(parser)) = (common::shared(), common::parser()) else {
        return;
    };
    let gold = GoldSet::load(shared.join("eval/PETR.UnitTest.records.jsonl")).unwrap();
    let xml = std::fs::read_to_string(shared.join("eval/PETR.UnitTest.records.xml")).unwrap();
    let configs = common::xml_configs(&xml, &common::petrarch_base());
    let index = common::lexicon(&LexiconFiles::petrarch_validation(
        shared.join("petrarch-dictionaries"),
    ));
    // Records and XML sentences in the same order, with the same ids.
    let mut coders: Vec<Arc<Coder>> = Vec::new();
    let mut cache: Vec<(CoderOptions, Arc<Coder>)> = Vec::new();
    // A record takes the switches of its sentence in the XML (ids in file order; a record the
    // scan did not find keeps the switches of the record before it).
    let mut x = 0;
    let mut last = common::petrarch_base();
    for r in &gold.records {
        let opts = match configs[x..].iter().position(|c| c.0 == r.id) {
            Some(k) => {
                x += k + 1;
                configs[x - 1].1.clone()
            }
            None => last.clone(),
        };
        last = opts.clone();
        let coder = match cache.iter().find(|(o, _)| *o == opts) {
            Some((_, c)) => c.clone(),
            None => {
                let c = Arc::new(Coder::new(index.clone(), opts.clone()));
                cache.push((opts, c.clone()));
                c
            }
        };
        coders.push(coder);
    }
    let (preds, traces) = common::code_set(&gold, &parser, &|i| coders[i].clone(), explain());
    let report = score(&gold, &preds).unwrap();
    common::print_report("PETR unit tests", &report, &traces);
    assert!(
        report.records_exact >= 220,
        "unit-test records exact fell below the floor"
    );
}

#[test]
fn petr2_gsr() {
    let (Some(shared), Some(parser)) = (common::shared(), common::parser()) else {
        return;
    };
    let gold = GoldSet::load(shared.join("eval/PETR2_GSR_validation.jsonl")).unwrap();
    let index = common::lexicon(&LexiconFiles::phoenix(shared.join("petrarch-dictionaries")));
    // PETRARCH2's own gold codes announced acts as the act ("will supply arms": 072) and
    // leaves unnamed domestic actors countryless: the two switches that read them otherwise
    // are off here.
    let options = CoderOptions {
        modal_intent: false,
        domestic_country: false,
        ..CoderOptions::default()
    };
    let coder = Arc::new(Coder::new(index, options));
    let (preds, traces) = common::code_set(&gold, &parser, &|_| coder.clone(), explain());
    let report = score(&gold, &preds).unwrap();
    common::print_report("PETR2 GSR", &report, &traces);
    assert!(
        report.records_exact >= 63,
        "GSR records exact fell below the floor"
    );
    assert!(
        report.extra_events <= 14,
        "GSR extras rose above the ceiling"
    );
}

#[test]
fn plover_gsr_with_phoenix_dictionaries() {
    let (Some(shared), Some(parser)) = (common::shared(), common::parser()) else {
        return;
    };
    let gold = GoldSet::load(shared.join("eval/PLOVER_GSR_CAMEO.jsonl")).unwrap();
    let index = common::lexicon(&LexiconFiles::phoenix(shared.join("petrarch-dictionaries")));
    let coder = Arc::new(Coder::new(index, CoderOptions::default()));
    let (preds, traces) = common::code_set(&gold, &parser, &|_| coder.clone(), explain());
    let report = score(&gold, &preds).unwrap();
    common::print_report("PLOVER GSR (Phoenix dictionaries)", &report, &traces);
    // Not a target of this issue (the default lexicon is issue 6's); pinned where it is.
    assert!(report.f1 >= 0.27, "PLOVER F1 fell: {}", report.f1);
}
