//! The three gold sets of `../shared/data/eval`: they load with the counts SOURCES.md gives,
//! and predictions made from the gold itself score perfectly. Skipped, with a note, when
//! `../shared` is not there.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use std::path::PathBuf;

use dyad_eval::{GoldRecord, GoldSet, Ontology, Predicted, RecordPrediction, score};
use dyad_ontology::cameo_entries;

fn gold_path(file: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/eval")
        .join(file);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is missing (../shared is not checked out)",
            path.display()
        );
        None
    }
}

fn load(file: &str, warnings: usize) -> Option<GoldSet> {
    let set = GoldSet::load(gold_path(file)?).unwrap();
    assert!(set.skipped.is_empty(), "{file}: {:?}", set.skipped);
    assert_eq!(set.warnings.len(), warnings, "{file}: {:?}", set.warnings);
    Some(set)
}

struct Counts {
    records: usize,
    events: usize,
    noevents: usize,
    expected_error: usize,
}

fn counts(set: &GoldSet) -> Counts {
    Counts {
        records: set.records.len(),
        events: set.event_count(),
        noevents: set.records.iter().filter(|r| r.noevents).count(),
        expected_error: set
            .records
            .iter()
            .filter(|r| r.expected_error.is_some())
            .count(),
    }
}

/// A CAMEO code the ontology maps to `plover` (a gold PLOVER type, read as the scorer reads
/// it): the first in code order.
fn cameo_for_plover(plover: &str) -> String {
    let event = dyad_eval::plover_type_by_name(plover).unwrap();
    cameo_entries()
        .iter()
        .find(|e| e.plover.as_ref().is_some_and(|m| m.event == event))
        .map(|e| e.code.to_string())
        .unwrap()
}

/// What a perfect coder would say: the gold events (PLOVER types as CAMEO codes that map to
/// them), and a rejection for the records that should be rejected.
fn perfect(record: &GoldRecord) -> RecordPrediction {
    if let Some(kind) = &record.expected_error {
        return RecordPrediction::rejected(kind);
    }
    let events = record
        .events
        .iter()
        .map(|e| {
            let code = match record.ontology {
                Ontology::Cameo => e.code.clone(),
                Ontology::Plover => cameo_for_plover(&e.code),
            };
            Predicted::new(e.source.as_deref(), e.target.as_deref(), &code)
        })
        .collect();
    RecordPrediction {
        id: Some(record.id.clone()),
        ..RecordPrediction::coded(events)
    }
}

fn check_perfect(set: &GoldSet) {
    let predictions: Vec<RecordPrediction> = set.records.iter().map(perfect).collect();
    let report = score(set, &predictions).unwrap();
    assert_eq!(report.records, set.records.len());
    assert_eq!(
        report.records_exact,
        report.records,
        "{}",
        report.to_text(5)
    );
    assert_eq!(report.events_correct, report.events_gold);
    assert_eq!(report.events_predicted, report.events_gold);
    assert_eq!(
        (report.f1, report.root_f1, report.country_root_f1),
        (1.0, 1.0, 1.0)
    );
    assert_eq!((report.extra_events, report.missed_events), (0, 0));
    assert!(report.mismatches.is_empty());
    assert_eq!(report.events_unmapped, 0);
    for c in &report.categories {
        assert_eq!(c.records_exact, c.records, "{:?}", c.category);
    }
}

fn check_empty(set: &GoldSet) {
    let predictions = vec![RecordPrediction::default(); set.records.len()];
    let report = score(set, &predictions).unwrap();
    let empty_gold = set.records.iter().filter(|r| r.events.is_empty()).count();
    assert_eq!(report.records_exact, empty_gold);
    assert_eq!((report.events_predicted, report.events_correct), (0, 0));
    assert_eq!(
        (report.precision, report.recall, report.f1),
        (0.0, 0.0, 0.0)
    );
    assert_eq!(report.missed_events, report.events_gold);
    assert_eq!(report.mismatches.len(), set.records.len() - empty_gold);
    assert_eq!(
        report.expected_errors.silent,
        report.expected_errors.records
    );
}

#[test]
fn petrarch_unit_tests() {
    let Some(set) = load("PETR.UnitTest.records.jsonl", 0) else {
        return;
    };
    let c = counts(&set);
    assert_eq!(
        (c.records, c.events, c.noevents, c.expected_error),
        (284, 359, 19, 7)
    );
    assert_eq!(set.ontology(), Some(Ontology::Cameo));
    // Ids repeat; both records are kept, in order.
    let agents_18: Vec<u64> = set
        .records
        .iter()
        .filter(|r| r.id == "AGENTS-18")
        .map(|r| r.line)
        .collect();
    assert_eq!(agents_18.len(), 2);
    let pattern_06 = set.records.iter().find(|r| r.id == "PATTERN-06").unwrap();
    assert!(pattern_06.events.is_empty() && !pattern_06.noevents);
    check_perfect(&set);
    check_empty(&set);
    // The distinct gold events per record are those listed: no record lists one twice.
    let report = score(&set, &vec![RecordPrediction::default(); 284]).unwrap();
    assert_eq!(report.events_gold, 359);
    assert_eq!(
        report.records_exact,
        19 + 7 + 1,
        "noevents, expected_error, PATTERN-06"
    );
}

#[test]
fn petr2_gsr() {
    let Some(set) = load("PETR2_GSR_validation.jsonl", 1) else {
        return;
    };
    let c = counts(&set);
    assert_eq!((c.records, c.events, c.noevents), (78, 80, 12));
    // One record is dated "121108": kept, its date unread, with a warning.
    let undated: Vec<&str> = set
        .records
        .iter()
        .filter(|r| r.date.is_none())
        .map(|r| r.date_text.as_str())
        .collect();
    assert_eq!(undated, ["121108"]);
    check_perfect(&set);
    check_empty(&set);
    let report = score(&set, &vec![RecordPrediction::default(); 78]).unwrap();
    assert_eq!(report.events_gold, 80);
    assert_eq!(report.noevents.records, 12);
}

#[test]
fn plover_gsr() {
    let Some(set) = load("PLOVER_GSR_CAMEO.jsonl", 0) else {
        return;
    };
    let c = counts(&set);
    assert_eq!((c.records, c.events), (322, 363));
    assert_eq!(set.ontology(), Some(Ontology::Plover));
    let reciprocal = set
        .records
        .iter()
        .flat_map(|r| &r.events)
        .filter(|e| e.reciprocal)
        .count();
    assert_eq!(reciprocal, 36);
    check_perfect(&set);
    check_empty(&set);
    let report = score(&set, &vec![RecordPrediction::default(); 322]).unwrap();
    // Distinct (country, country, type) per record: duplicates listed in the file count once.
    // Seven records list an event twice.
    assert_eq!(report.events_gold, 356);
    assert_eq!(report.gold_events_listed, 363);
    assert_eq!(report.reciprocal.pairs, report.reciprocal.neither);
    assert_eq!(
        report.reciprocal.pairs, 18,
        "36 reciprocal events, two per pair"
    );
    eprintln!(
        "PLOVER GSR: {} distinct gold events, {} reciprocal pairs",
        report.events_gold, report.reciprocal.pairs
    );
}
