//! The embedding layers against spaCy's own intermediate arrays (tests/parity/spacy-3.8.0-intermediates.json,
//! written by `tools/spacy/make_parity.py --fixture`). Needs the real model: see tests/real_model.rs for
//! when it runs; without it the tests print a note and pass.
#![allow(clippy::unwrap_used)]

use dyad_parse::lex_attrs::{Attr, LexAttrs, TokenInput};
mod common;

use common::model_paths;
use dyad_parse::model::load;
use dyad_parse::parser_model::ParserModel;
use dyad_parse::tagger::Tagger;
use dyad_parse::tok2vec::{Tok2Vec, Tok2VecScratch};
use serde::Deserialize;

#[derive(Deserialize)]
struct Tok {
    text: String,
    norm: String,
    spacy: bool,
}

#[derive(Deserialize)]
struct Stages {
    columns: Vec<String>,
    ids: std::collections::BTreeMap<String, Vec<u64>>,
    output: Vec<Vec<f32>>,
}

#[derive(Deserialize)]
struct FixtureDoc {
    text: String,
    tokens: Vec<Tok>,
    tok2vec: Stages,
    ner_tok2vec: Stages,
    tagger_scores: Vec<Vec<f32>>,
    parser: Steps,
    ner: Steps,
    #[serde(rename = "final")]
    final_parse: FinalParse,
}

#[derive(Deserialize)]
struct Step {
    ids: Vec<i32>,
    scores: Vec<f32>,
}

#[derive(Deserialize)]
struct Steps {
    projected: Vec<Vec<f32>>,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct FinalTok {
    tag: String,
}

#[derive(Deserialize)]
struct FinalParse {
    tokens: Vec<FinalTok>,
}

#[derive(Deserialize)]
struct Fixture {
    docs: Vec<FixtureDoc>,
}

fn fixture() -> Fixture {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/parity/spacy-3.8.0-intermediates.json"
    );
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

fn ids_of(stages: &Stages, n: usize) -> Vec<u64> {
    let mut ids = Vec::new();
    for t in 0..n {
        for c in &stages.columns {
            ids.push(stages.ids[c][t]);
        }
    }
    ids
}

#[test]
fn lexical_attribute_ids_match_spacy() {
    let Some(paths) = model_paths() else { return };
    let lex = LexAttrs::load(&paths).unwrap();
    for doc in fixture().docs {
        let attrs: Vec<Attr> = doc
            .tok2vec
            .columns
            .iter()
            .map(|c| Attr::from_name(c).unwrap())
            .collect();
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(lex.norm(&t.text), t.norm, "{}: token {i}", doc.text);
            let tok = TokenInput {
                text: &t.text,
                norm: None,
                spacy: t.spacy,
            };
            for (a, name) in attrs.iter().zip(&doc.tok2vec.columns) {
                assert_eq!(
                    lex.id(&tok, *a),
                    doc.tok2vec.ids[name][i],
                    "{}: token {i} {name}",
                    doc.text
                );
            }
        }
    }
}

fn max_diff(ours: &[f32], theirs: &[Vec<f32>]) -> f32 {
    let flat: Vec<f32> = theirs.iter().flatten().copied().collect();
    assert_eq!(ours.len(), flat.len());
    ours.iter()
        .zip(&flat)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max)
}

#[test]
fn tok2vec_outputs_match_spacy() {
    let Some(paths) = model_paths() else { return };
    let model = load(&paths).unwrap();
    let shared = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec).unwrap();
    let ner_cfg = model.meta.ner.tok2vec.clone().unwrap();
    let ner = Tok2Vec::new(&model, "ner.tok2vec", &ner_cfg).unwrap();
    let mut scratch = Tok2VecScratch::default();
    for doc in fixture().docs {
        let n = doc.tokens.len();
        let out = shared.forward(&ids_of(&doc.tok2vec, n), &mut scratch);
        let d = max_diff(&out, &doc.tok2vec.output);
        eprintln!("tok2vec max |diff| = {d:e} ({n} tokens)");
        assert!(d < 1e-4, "{}: tok2vec differs by {d}", doc.text);
        let out = ner.forward(&ids_of(&doc.ner_tok2vec, n), &mut scratch);
        let d = max_diff(&out, &doc.ner_tok2vec.output);
        eprintln!("ner tok2vec max |diff| = {d:e}");
        assert!(d < 1e-4, "{}: ner tok2vec differs by {d}", doc.text);
    }
}

#[test]
fn tagger_matches_spacy() {
    let Some(paths) = model_paths() else { return };
    let model = load(&paths).unwrap();
    let shared = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec).unwrap();
    let tagger = Tagger::new(&model).unwrap();
    let mut scratch = Tok2VecScratch::default();
    for doc in fixture().docs {
        let x = shared.forward(&ids_of(&doc.tok2vec, doc.tokens.len()), &mut scratch);
        let d = max_diff(&tagger.scores(&x), &doc.tagger_scores);
        eprintln!("tagger max |diff| = {d:e}");
        assert!(d < 1e-4, "{}: tagger scores differ by {d}", doc.text);
        let tags: Vec<&str> = tagger
            .predict(&x)
            .into_iter()
            .map(|i| tagger.labels()[i].as_str())
            .collect();
        let want: Vec<&str> = doc
            .final_parse
            .tokens
            .iter()
            .map(|t| t.tag.as_str())
            .collect();
        assert_eq!(tags, want, "{}", doc.text);
    }
}

#[test]
fn parser_and_ner_step_scores_match_spacy() {
    let Some(paths) = model_paths() else { return };
    let model = load(&paths).unwrap();
    let shared = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec).unwrap();
    let ner_cfg = model.meta.ner.tok2vec.clone().unwrap();
    let ner_t2v = Tok2Vec::new(&model, "ner.tok2vec", &ner_cfg).unwrap();
    let parser = ParserModel::new(&model, "parser", &model.meta.parser, shared.width()).unwrap();
    let ner = ParserModel::new(&model, "ner", &model.meta.ner, ner_t2v.width()).unwrap();
    let mut scratch = Tok2VecScratch::default();
    let (mut hidden, mut scores) = (Vec::new(), Vec::new());
    for doc in fixture().docs {
        let n = doc.tokens.len();
        for (name, t2v, stages, pm, steps) in [
            ("parser", &shared, &doc.tok2vec, &parser, &doc.parser),
            ("ner", &ner_t2v, &doc.ner_tok2vec, &ner, &doc.ner),
        ] {
            let x = t2v.forward(&ids_of(stages, n), &mut scratch);
            let d = max_diff(&pm.project(&x), &steps.projected);
            assert!(d < 1e-4, "{name}: projection differs by {d}");
            let pre = pm.precompute(&x);
            let mut worst = 0.0f32;
            for (k, step) in steps.steps.iter().enumerate() {
                pm.scores(&pre, &step.ids, &mut hidden, &mut scores);
                let d = max_diff(&scores, std::slice::from_ref(&step.scores));
                assert!(d < 1e-3, "{name} step {k}: scores differ by {d}");
                worst = worst.max(d);
            }
            eprintln!(
                "{name}: {} steps, max |score diff| = {worst:e}",
                steps.steps.len()
            );
        }
    }
}

#[test]
fn long_documents_take_linear_time() {
    let Some(paths) = model_paths() else { return };
    let model = load(&paths).unwrap();
    let t2v = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec).unwrap();
    let parser = ParserModel::new(&model, "parser", &model.meta.parser, t2v.width()).unwrap();
    let mut scratch = Tok2VecScratch::default();
    let time = |n: usize, scratch: &mut Tok2VecScratch| {
        // Arbitrary ids, as garbage text would produce.
        let ids: Vec<u64> = (0..n as u64 * 6)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        let t = std::time::Instant::now();
        let x = t2v.forward(&ids, scratch);
        let pre = parser.precompute(&x);
        assert_eq!(x.len(), n * 96);
        assert!(x.iter().all(|v| v.is_finite()));
        assert_eq!(pre.n_tokens(), n);
        t.elapsed().as_secs_f64()
    };
    let short = time(1_000, &mut scratch);
    let long = time(10_000, &mut scratch);
    eprintln!(
        "1k tokens {:.1} ms, 10k tokens {:.1} ms",
        short * 1e3,
        long * 1e3
    );
    assert!(
        long < short * 30.0,
        "10x the tokens took {:.1}x the time",
        long / short
    );
}
