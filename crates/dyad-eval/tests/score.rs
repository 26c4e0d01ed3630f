//! Scoring with hand-made gold records and synthetic predictions.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use dyad_eval::{
    DiscrepancyKind, EvalError, GoldSet, Near, Predicted, RecordPrediction, Report, score,
};
use serde_json::{Value, json};

/// A gold set from JSON values, one per line.
fn gold(records: &[Value]) -> GoldSet {
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    let set = GoldSet::from_reader("test.jsonl", text.as_bytes()).unwrap();
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    set
}

fn cameo(id: &str, category: &str, events: &[(&str, &str, &str)]) -> Value {
    json!({
        "id": id, "date": "19950101", "text": format!("Sentence {id}."), "ontology": "CAMEO",
        "category": category,
        "events": events.iter().map(|(s, t, c)| json!({"source": s, "target": t, "code": c})).collect::<Vec<_>>(),
    })
}

fn p(source: &str, target: &str, code: &str) -> Predicted {
    Predicted::new(Some(source), Some(target), code)
}

fn coded(events: Vec<Predicted>) -> RecordPrediction {
    RecordPrediction::coded(events)
}

fn one(record: Value, prediction: RecordPrediction) -> Report {
    score(&gold(&[record]), &[prediction]).unwrap()
}

#[test]
fn wrong_code_in_the_right_root_matches_by_root_only() {
    let r = one(
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        coded(vec![p("ARN", "GON", "043")]),
    );
    assert_eq!((r.records_exact, r.events_correct, r.f1), (0, 0, 0.0));
    assert_eq!((r.root_f1, r.country_root_f1), (1.0, 1.0));
    let m = &r.mismatches[0];
    assert_eq!(m.misses.len(), 1);
    assert_eq!(m.extras.len(), 1);
    assert_eq!(m.misses[0].near, Near::SameRoot);
    assert_eq!(m.extras[0].near, Near::SameRoot);
    assert_eq!(m.misses[0].event.to_string(), "ARN -> GON 042");
    assert_eq!(m.extras[0].predicted.as_ref().unwrap().code, "043");
    assert_eq!(m.misses[0].gold.as_ref().unwrap().code, "042");
}

#[test]
fn wrong_root_matches_nothing() {
    let r = one(
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        coded(vec![p("ARN", "GON", "190")]),
    );
    assert_eq!((r.f1, r.root_f1, r.country_root_f1), (0.0, 0.0, 0.0));
    assert_eq!(r.mismatches[0].misses[0].near, Near::SameDyad);
}

#[test]
fn rusgov_and_rus_agree_by_country() {
    let r = one(
        cameo("a", "GOLD", &[("RUSGOV", "UKR", "190")]),
        coded(vec![p("RUS", "UKRMIL", "193")]),
    );
    assert_eq!((r.f1, r.root_f1), (0.0, 0.0));
    assert_eq!(r.country_root_f1, 1.0);
    assert_eq!(r.mismatches[0].misses[0].near, Near::SameCountryRoot);
    // IGO codes keep their organisation: the UN's peacekeepers are the UN, not the EU.
    let r = one(
        cameo("b", "GOLD", &[("IGOUNOMIL", "SYR", "190")]),
        coded(vec![p("IGOUNO", "SYRGOV", "190")]),
    );
    assert_eq!(r.country_root_f1, 1.0);
    let r = one(
        cameo("c", "GOLD", &[("IGOUNOMIL", "SYR", "190")]),
        coded(vec![p("IGOEUREEC", "SYR", "190")]),
    );
    assert_eq!(r.country_root_f1, 0.0);
}

#[test]
fn reversed_and_same_code_hints() {
    let r = one(
        cameo("a", "DEMO", &[("ARN", "GON", "064"), ("MOR", "GON", "111")]),
        coded(vec![p("GON", "ARN", "064"), p("BRE", "CAL", "111")]),
    );
    let m = &r.mismatches[0];
    let near: Vec<(DiscrepancyKind, String, Near)> = m
        .misses
        .iter()
        .chain(&m.extras)
        .map(|d| (d.kind, d.event.to_string(), d.near))
        .collect();
    assert_eq!(
        near,
        [
            (
                DiscrepancyKind::Miss,
                "ARN -> GON 064".into(),
                Near::Reversed
            ),
            (
                DiscrepancyKind::Miss,
                "MOR -> GON 111".into(),
                Near::SameCode
            ),
            (
                DiscrepancyKind::Extra,
                "BRE -> CAL 111".into(),
                Near::SameCode
            ),
            (
                DiscrepancyKind::Extra,
                "GON -> ARN 064".into(),
                Near::Reversed
            ),
        ]
    );
}

#[test]
fn duplicates_count_once_and_literals_match_by_text() {
    let r = one(
        cameo(
            "a",
            "DEMO",
            &[("ERI", "OSG", "223"), ("\"INJURY TOLL\"", "OSG", "223")],
        ),
        coded(vec![
            p("ERI", "OSG", "223"),
            p("ERI", "OSG", "223"),
            p("injury toll", "OSG", "223"),
        ]),
    );
    assert_eq!(r.records_exact, 1);
    assert_eq!(
        (r.events_gold, r.events_predicted, r.events_correct),
        (2, 2, 2)
    );
    assert_eq!(r.predicted_events_listed, 3);
}

#[test]
fn noevents_records() {
    let noevents = json!({"id": "n", "date": "19950101", "text": "t", "events": [], "ontology": "CAMEO", "category": "DEMO", "noevents": true});
    let r = one(noevents.clone(), coded(vec![]));
    assert_eq!((r.records_exact, r.noevents.exact, r.f1), (1, 1, 1.0));
    let r = one(noevents, coded(vec![p("ARN", "GON", "042")]));
    assert_eq!(
        (r.records_exact, r.noevents.exact, r.extra_events),
        (0, 0, 1)
    );
    assert_eq!((r.precision, r.recall, r.f1), (0.0, 0.0, 0.0));
    assert_eq!(r.mismatches[0].extras[0].near, Near::Unrelated);
}

#[test]
fn expected_error_records_with_and_without_predictions() {
    let record = json!({"id": "ERROR-01", "date": "19950101", "text": "CEBU CITY: -- text", "events": [], "ontology": "CAMEO", "category": "ERROR", "expected_error": "dateline"});
    let set = gold(&[record.clone(), record.clone(), record.clone(), record]);
    let mut rejected_with_events = RecordPrediction::rejected("dateline");
    rejected_with_events.events.push(p("ARN", "GON", "042"));
    let predictions = [
        RecordPrediction::rejected("dateline"),
        coded(vec![]),
        coded(vec![p("ARN", "GON", "042")]),
        rejected_with_events,
    ];
    let r = score(&set, &predictions).unwrap();
    assert_eq!(r.records_exact, 3);
    let e = r.expected_errors;
    assert_eq!((e.records, e.rejected, e.silent, e.coded), (4, 2, 1, 1));
    assert_eq!(
        (
            r.extra_events,
            r.events_ignored_rejected,
            r.records_rejected
        ),
        (1, 1, 2)
    );
    assert_eq!(r.mismatches.len(), 1);
    assert_eq!(r.mismatches[0].index, 2);
    assert_eq!(r.mismatches[0].expected_error.as_deref(), Some("dateline"));
}

#[test]
fn a_rejected_record_with_gold_events_misses_them() {
    let r = one(
        cameo("a", "DEMO", &[("ARN", "GON", "064")]),
        RecordPrediction::rejected("storydiscard"),
    );
    assert_eq!((r.records_exact, r.missed_events), (0, 1));
    assert_eq!(r.mismatches[0].rejected.as_deref(), Some("storydiscard"));
}

fn plover(id: &str, events: Value) -> Value {
    json!({"id": id, "date": "2000-01-01", "text": format!("Sentence {id}."), "ontology": "PLOVER", "events": events})
}

#[test]
fn plover_records_map_cameo_codes() {
    let record = plover(
        "PLOVER-GSR01-CONSULT-0005",
        json!([{"source": "RUS", "source_sector": "GOV", "target": "JPN", "target_sector": "GOV", "code": "CONSULT", "mode": "host", "context": "diplomatic"}]),
    );
    // 042 (make a visit) and 043 (host a visit) are both CONSULT; sectors are not compared.
    for code in ["042", "043", "040"] {
        let r = one(record.clone(), coded(vec![p("RUSGOV", "JPNGOV", code)]));
        assert_eq!((r.records_exact, r.f1), (1, 1.0), "{code}");
        assert_eq!((r.root_f1, r.country_root_f1), (1.0, 1.0));
    }
    // 036 (express intent to meet) is AGREE: a miss and an extra.
    let r = one(record.clone(), coded(vec![p("RUSGOV", "JPNGOV", "036")]));
    assert_eq!((r.records_exact, r.f1), (0, 0.0));
    assert_eq!(
        r.mismatches[0].extras[0].event.to_string(),
        "RUS -> JPN AGREE"
    );
    assert_eq!(r.mismatches[0].misses[0].near, Near::SameDyad);
    // A statement has no PLOVER type: left out, counted, listed.
    let r = one(
        record,
        coded(vec![
            p("RUSGOV", "JPNGOV", "042"),
            p("RUSGOV", "JPNGOV", "010"),
        ]),
    );
    assert_eq!(
        (r.records_exact, r.events_predicted, r.events_unmapped),
        (1, 1, 1)
    );
}

#[test]
fn plover_legacy_types_and_international_actors() {
    // PLOVER 0.5b1's DEMAND is PLOVER 0.8's REQUEST (CAMEO root 10); the GSR codes the UN as IGO.
    let record = plover(
        "d",
        json!([{"source": "NGO", "target": "USA", "code": "DEMAND"}, {"source": "IGO", "target": "IRQ", "code": "DISAPPROVE"}]),
    );
    let r = one(
        record,
        coded(vec![
            p("NGOXYZ", "USAGOV", "1041"),
            p("IGOUNO", "IRQGOV", "112"),
        ]),
    );
    assert_eq!((r.records_exact, r.f1), (1, 1.0), "{}", r.to_text(3));
    assert_eq!(r.matching, dyad_eval::Matching::Plover);
}

#[test]
fn reciprocal_pairs() {
    let pair = |a: &str, b: &str| {
        json!([
            {"source": a, "target": b, "code": "AGREE", "reciprocal": true},
            {"source": b, "target": a, "code": "AGREE", "reciprocal": true},
        ])
    };
    let set = gold(&[
        plover("both", pair("HUN", "ROU")),
        plover("one", pair("USA", "JOR")),
        plover("neither", pair("TUR", "GRC")),
    ]);
    let predictions = [
        coded(vec![
            p("HUNGOV", "ROUGOV", "030"),
            p("ROUGOV", "HUNGOV", "031"),
        ]),
        coded(vec![p("USA", "JOR", "030")]),
        coded(vec![]),
    ];
    let r = score(&set, &predictions).unwrap();
    let rc = r.reciprocal;
    assert_eq!((rc.pairs, rc.both, rc.one, rc.neither), (3, 1, 1, 1));
    assert_eq!(
        (r.events_gold, r.events_correct, r.records_exact),
        (6, 3, 1)
    );
    assert_eq!(r.mismatches[0].misses[0].near, Near::Reversed);
}

#[test]
fn totals_categories_and_types() {
    let set = gold(&[
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        cameo("b", "VERB", &[("ARN", "GON", "111"), ("GON", "ARN", "111")]),
        cameo("c", "ACTOR", &[("MOR", "GON", "190")]),
        json!({"id": "d", "date": "19950101", "text": "t", "events": [], "ontology": "CAMEO"}),
    ]);
    let predictions = [
        coded(vec![p("ARN", "GON", "042")]),
        coded(vec![p("ARN", "GON", "111")]),
        coded(vec![p("MOR", "GON", "190"), p("MOR", "ARN", "190")]),
        coded(vec![]),
    ];
    let r = score(&set, &predictions).unwrap();
    assert_eq!((r.records, r.records_exact), (4, 2));
    assert_eq!(
        (r.events_gold, r.events_predicted, r.events_correct),
        (4, 4, 3)
    );
    assert_eq!((r.precision, r.recall, r.f1), (0.75, 0.75, 0.75));
    assert_eq!((r.extra_events, r.missed_events), (1, 1));
    let cats: Vec<(Option<&str>, usize, usize, usize)> = r
        .categories
        .iter()
        .map(|c| {
            (
                c.category.as_deref(),
                c.records,
                c.records_exact,
                c.scores.correct,
            )
        })
        .collect();
    assert_eq!(
        cats,
        [
            (Some("ACTOR"), 1, 0, 1),
            (Some("VERB"), 2, 1, 2),
            (None, 1, 1, 0)
        ]
    );
    let types: Vec<(&str, usize, usize, usize)> = r
        .event_types
        .iter()
        .map(|t| {
            (
                t.event_type.as_str(),
                t.scores.gold,
                t.scores.predicted,
                t.scores.correct,
            )
        })
        .collect();
    assert_eq!(types, [("04", 1, 1, 1), ("11", 2, 1, 1), ("19", 1, 2, 1)]);
    let ids: Vec<&str> = r.mismatches.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["b", "c"]);
}

#[test]
fn not_evaluated_records_are_left_out() {
    let mut skipped = cameo("x", "AFP", &[("USA", "CHN", "042")]);
    skipped["evaluate"] = json!(false);
    let set = gold(&[skipped, cameo("y", "AFP", &[("USA", "CHN", "042")])]);
    let r = score(&set, &[coded(vec![]), coded(vec![p("USA", "CHN", "042")])]).unwrap();
    assert_eq!(
        (r.records, r.records_listed, r.records_not_evaluated),
        (1, 2, 1)
    );
    assert_eq!((r.records_exact, r.f1), (1, 1.0));
}

#[test]
fn predictions_must_line_up() {
    let set = gold(&[
        cameo("a", "DEMO", &[("ARN", "GON", "042")]),
        cameo("a", "DEMO", &[("ARN", "GON", "042")]),
    ]);
    assert!(matches!(
        score(&set, &[coded(vec![])]),
        Err(EvalError::Count {
            records: 2,
            predictions: 1
        })
    ));
    let mut wrong = coded(vec![]);
    wrong.id = Some("b".into());
    let err = score(&set, &[coded(vec![]), wrong]).unwrap_err();
    assert!(
        matches!(err, EvalError::Misaligned { index: 1, .. }),
        "{err}"
    );
    let mut right = coded(vec![]);
    right.id = Some("a".into());
    assert!(
        score(&set, &[right.clone(), right]).is_ok(),
        "repeated ids are fine"
    );
}

#[test]
fn json_has_the_contract_keys() {
    let r = one(
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        coded(vec![p("ARN", "GON", "043")]),
    );
    let text = r.to_json().unwrap();
    // The contract keys come first, in this order (serde writes struct fields in order).
    let contract = [
        "records",
        "records_exact",
        "events_gold",
        "events_predicted",
        "events_correct",
        "precision",
        "recall",
        "f1",
        "root_f1",
        "country_root_f1",
    ];
    let positions: Vec<usize> = contract
        .iter()
        .map(|k| text.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert_eq!(positions[0], 1, "{text}");
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["records"], 1);
    assert_eq!(json["f1"], 0.0);
    assert_eq!(json["root_f1"], 1.0);
    assert_eq!(json["matching"], "cameo");
    let miss = &json["mismatches"][0]["misses"][0];
    assert_eq!(
        miss["event"],
        json!({"source": "ARN", "target": "GON", "code": "042"})
    );
    assert_eq!(miss["near"], "same_root");
    assert_eq!(miss["gold"]["code"], "042");
}

#[test]
fn causes_can_be_attached_and_counted() {
    let set = gold(&[
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        cameo("b", "VERB", &[("ARN", "GON", "042")]),
    ]);
    let mut ruled = p("ARN", "GON", "043");
    ruled.rule = Some("verbs:HOST".into());
    let mut r = score(&set, &[coded(vec![ruled]), coded(vec![])]).unwrap();
    let before = r.cause_counts();
    assert_eq!(
        before,
        [
            (DiscrepancyKind::Miss, "near:same_root".to_owned(), 1),
            (DiscrepancyKind::Miss, "near:unrelated".to_owned(), 1),
            (DiscrepancyKind::Extra, "near:same_root".to_owned(), 1),
        ]
    );
    assert_eq!(before.iter().map(|c| c.2).sum::<usize>(), 3);
    r.attach_causes(
        |d| match (d.kind, d.predicted.as_ref().and_then(|p| p.rule.clone())) {
            (DiscrepancyKind::Extra, Some(rule)) => Some(format!("rule {rule} fired")),
            (DiscrepancyKind::Miss, _) => Some(format!("no verb pattern ({})", d.id)),
            _ => None,
        },
    );
    let after = r.cause_counts();
    assert!(after.contains(&(
        DiscrepancyKind::Extra,
        "rule verbs:HOST fired".to_owned(),
        1
    )));
    assert!(after.contains(&(DiscrepancyKind::Miss, "no verb pattern (a)".to_owned(), 1)));
    let d = r.discrepancies().find(|d| d.id == "b").unwrap();
    assert_eq!((d.index, d.category.as_deref()), (1, Some("VERB")));
    let text = r.to_text(10);
    assert!(text.contains("cause: rule verbs:HOST fired"), "{text}");
    assert!(text.contains("rule: verbs:HOST"));
}

#[test]
fn text_report_has_the_tables_and_limits_the_list() {
    let set = gold(&[
        cameo("a", "VERB", &[("ARN", "GON", "042")]),
        cameo("b", "ACTOR", &[("ARN", "GON", "042")]),
    ]);
    let r = score(&set, &[coded(vec![]), coded(vec![])]).unwrap();
    let text = r.to_text(1);
    for want in [
        "records: 2 scored, 0 exact (0.0%)",
        "own matching",
        "countries, root",
        "category",
        "ACTOR",
        "event type",
        "mismatched records: 2 (first 1 listed)",
        "[a] line 1 VERB",
        "miss  ARN -> GON 042  (near: unrelated)",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    assert!(!text.contains("[b]"));
    assert_eq!(r.to_string(), r.to_text(dyad_eval::DEFAULT_LISTED));
}

#[test]
fn an_empty_set_scores_zero() {
    let set = GoldSet::from_reader("empty.jsonl", &b""[..]).unwrap();
    let r = score(&set, &[]).unwrap();
    assert_eq!((r.records, r.records_exact, r.f1), (0, 0, 0.0));
    assert!(r.to_text(5).contains("records: 0 scored"));
}
