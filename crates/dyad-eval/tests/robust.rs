//! No input makes the reader or the scorer panic, and the scores keep their invariants.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use dyad_eval::{
    GoldSet, Predicted, RecordPrediction, actor_country, cameo_root, normalize_actor, plover_actor,
    plover_type_of_code, score,
};
use proptest::prelude::*;

const GOLD: &str = concat!(
    r#"{"id": "a", "date": "19950101", "text": "t", "ontology": "CAMEO", "category": "X", "events": [{"source": "ARNGOV", "target": "GON", "code": "042"}, {"source": "\"INJURY TOLL\"", "target": "GON", "code": "174K"}]}"#,
    "\n",
    r#"{"id": "b", "date": "19950101", "text": "t", "ontology": "CAMEO", "events": [], "expected_error": "dateline"}"#,
    "\n",
    r#"{"id": "c", "date": "2000-01-01", "text": "t", "ontology": "PLOVER", "events": [{"source": "HUN", "target": "ROU", "code": "AGREE", "reciprocal": true}, {"source": "ROU", "target": "HUN", "code": "AGREE", "reciprocal": true}, {"source": null, "target": "IGO", "code": "FIGHT"}]}"#,
    "\n",
);

fn actor() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        prop::sample::select(vec![
            "ARNGOV",
            "ARN",
            "GON",
            "HUN",
            "ROUGOV",
            "IGOUNO",
            "NGO",
            "\"injury toll\"",
            "",
            "---",
            "IGO",
        ])
        .prop_map(|s| Some(s.to_owned())),
        ".{0,12}".prop_map(Some),
    ]
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["042", "043", "174K", "190", "010", "AGREE", "", "1"])
            .prop_map(str::to_owned),
        ".{0,6}",
    ]
}

fn prediction() -> impl Strategy<Value = RecordPrediction> {
    (
        prop::collection::vec((actor(), actor(), code()), 0..6),
        prop::option::of(".{0,8}"),
    )
        .prop_map(|(events, rejected)| RecordPrediction {
            id: None,
            events: events
                .into_iter()
                .map(|(source, target, code)| Predicted {
                    source,
                    target,
                    code,
                    rule: None,
                })
                .collect(),
            rejected,
        })
}

proptest! {
    #[test]
    fn any_bytes_load_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let set = GoldSet::from_reader("fuzz.jsonl", bytes.as_slice()).unwrap();
        let lines = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
            .count();
        prop_assert!(set.records.len() + set.skipped.len() <= lines);
    }

    #[test]
    fn any_text_loads_without_panic(text in "(\\{|\\}|\"|:|,|\\[|\\]|id|events|code|ontology|CAMEO|PLOVER|date|text|1995|\n| ){0,200}") {
        let set = GoldSet::from_reader("fuzz.jsonl", text.as_bytes()).unwrap();
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(set.records.len() + set.skipped.len(), lines);
    }

    #[test]
    fn code_reductions_never_panic(s in ".{0,20}") {
        let _ = normalize_actor(&s);
        let _ = actor_country(&s);
        let _ = plover_actor(&s);
        let _ = cameo_root(&s);
        let _ = plover_type_of_code(&s);
        if let Some(c) = actor_country(&s) {
            prop_assert!(!c.is_empty());
        }
    }

    #[test]
    fn scores_keep_their_invariants(predictions in prop::collection::vec(prediction(), 3)) {
        let gold = GoldSet::from_reader("gold.jsonl", GOLD.as_bytes()).unwrap();
        prop_assert!(gold.skipped.is_empty());
        let r = score(&gold, &predictions).unwrap();
        prop_assert_eq!(r.records, 3);
        prop_assert!(r.records_exact <= r.records);
        for s in [r.scores, r.root, r.country_root] {
            prop_assert!(s.correct <= s.gold.min(s.predicted));
            for x in [s.precision, s.recall, s.f1] {
                prop_assert!((0.0..=1.0).contains(&x), "{:?}", s);
            }
        }
        prop_assert_eq!(r.extra_events + r.events_correct, r.events_predicted);
        prop_assert_eq!(r.missed_events + r.events_correct, r.events_gold);
        prop_assert_eq!(r.records - r.records_exact, r.mismatches.len());
        let misses: usize = r.mismatches.iter().map(|m| m.misses.len()).sum();
        let extras: usize = r.mismatches.iter().map(|m| m.extras.len()).sum();
        prop_assert_eq!((misses, extras), (r.missed_events, r.extra_events));
        let rc = r.reciprocal;
        prop_assert_eq!(rc.pairs, 1);
        prop_assert_eq!(rc.both + rc.one + rc.neither, 1);
        prop_assert!(r.to_json().is_ok());
        prop_assert!(!r.to_text(5).is_empty());
    }
}
