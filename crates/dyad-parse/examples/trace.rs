//! Compare dyad's parser and NER transitions with a spaCy step dump, step by step (a debugging aid).
//!
//! ```text
//! .venv-spacy/bin/python tools/spacy/make_parity.py --dump /tmp/dump --dump-text "…"
//! cargo run --release -p dyad-parse --example trace -- /tmp/dump/000.json [...]
//! ```
//! Prints, per dump, the first step where the feature tokens or the action differ, and the largest
//! score difference before it.
use dyad_doc::Span;
use dyad_parse::model::{ModelPaths, load};
use dyad_parse::parse::{InputToken, Parser, TraceStep};
use serde_json::Value;

fn main() {
    let paths = match ModelPaths::locate(None) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let (Ok(model), Ok(parser)) = (load(&paths), Parser::load(&paths)) else {
        eprintln!("error: cannot load the model");
        std::process::exit(1);
    };
    let pnames: Vec<String> = model
        .meta
        .parser
        .actions
        .iter()
        .map(|a| a.name.clone())
        .collect();
    let nnames: Vec<String> = model
        .meta
        .ner
        .actions
        .iter()
        .map(|a| a.name.clone())
        .collect();
    for file in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&file) else {
            eprintln!("{file}: unreadable");
            continue;
        };
        let Ok(dump) = serde_json::from_slice::<Value>(&bytes) else {
            eprintln!("{file}: not JSON");
            continue;
        };
        let text = dump["text"].as_str().unwrap_or_default();
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let toks = dump["final"]["tokens"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let get = |t: &Value, k: &str| t[k].as_u64().unwrap_or(0) as usize;
        let inputs: Vec<InputToken> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (s, e) = (get(t, "start"), get(t, "end"));
                let next = toks.get(i + 1).map(|n| get(n, "start"));
                InputToken {
                    span: Span::new(
                        byte_at.get(s).copied().unwrap_or(0),
                        byte_at.get(e).copied().unwrap_or(0),
                    ),
                    whitespace: chars.get(e) == Some(&' ') && next != Some(e),
                    norm: None,
                }
            })
            .collect();
        let Ok((psteps, nsteps)) = parser.trace(text, &inputs) else {
            eprintln!("{file}: bad tokens");
            continue;
        };
        println!("== {file}: {} tokens", inputs.len());
        check_vectors(&paths, &dump, &inputs);
        compare("parser", &psteps, &dump["parser"]["steps"], &pnames);
        compare("ner", &nsteps, &dump["ner"]["steps"], &nnames);
    }
}

fn compare(what: &str, ours: &[TraceStep], theirs: &Value, names: &[String]) {
    let theirs = theirs.as_array().cloned().unwrap_or_default();
    let mut max_diff = 0.0f32;
    for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        let ids: Vec<i32> = b["ids"]
            .as_array()
            .map(|v| v.iter().map(|x| x.as_i64().unwrap_or(-9) as i32).collect())
            .unwrap_or_default();
        let scores: Vec<f32> = b["scores"]
            .as_array()
            .map(|v| v.iter().map(|x| x.as_f64().unwrap_or(0.0) as f32).collect())
            .unwrap_or_default();
        let action = b["action"].as_str().unwrap_or("?");
        let ours_action = a
            .class
            .and_then(|c| names.get(c))
            .map_or("-", String::as_str);
        for (x, y) in a.scores.iter().zip(&scores) {
            max_diff = max_diff.max((x - y).abs());
        }
        if ids != a.ids || action != ours_action {
            println!(
                "{what}: step {k} differs: ids dyad {:?} spaCy {ids:?}; action dyad {ours_action} spaCy {action}; max score diff so far {max_diff:e}",
                a.ids
            );
            let mut top: Vec<(usize, f32, f32)> = a
                .scores
                .iter()
                .zip(&scores)
                .enumerate()
                .map(|(i, (&x, &y))| (i, x, y))
                .collect();
            top.sort_by(|p, q| q.2.total_cmp(&p.2));
            for (i, x, y) in top.iter().take(4) {
                println!(
                    "    {:>14} dyad {x:.6} spaCy {y:.6}",
                    names.get(*i).map_or("?", String::as_str)
                );
            }
            return;
        }
    }
    println!(
        "{what}: {} steps (spaCy {}), all equal; max score diff {max_diff:e}",
        ours.len(),
        theirs.len()
    );
}

/// Largest difference between our shared tok2vec output / parser projection and the dump's.
#[allow(dead_code)]
pub fn check_vectors(paths: &ModelPaths, dump: &Value, inputs: &[InputToken]) {
    use dyad_parse::lex_attrs::{Attr, LexAttrs, TokenInput};
    use dyad_parse::parser_model::ParserModel;
    use dyad_parse::tok2vec::{Tok2Vec, Tok2VecScratch};
    let (Ok(model), Ok(lex)) = (load(paths), LexAttrs::load(paths)) else {
        return;
    };
    let text = dump["text"].as_str().unwrap_or_default();
    let toks: Vec<TokenInput> = inputs
        .iter()
        .map(|t| TokenInput {
            text: t.span.slice(text).unwrap_or(""),
            norm: t.norm,
            spacy: t.whitespace,
        })
        .collect();
    let attrs: Vec<Attr> = model
        .meta
        .tok2vec
        .attrs
        .iter()
        .filter_map(|a| Attr::from_name(a))
        .collect();
    let mut ids = Vec::new();
    lex.ids(&toks, &attrs, &mut ids);
    let Ok(t2v) = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec) else {
        return;
    };
    let x = t2v.forward(&ids, &mut Tok2VecScratch::default());
    let flat = |v: &Value| -> Vec<f32> {
        v.as_array()
            .map(|rows| {
                rows.iter()
                    .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                    .map(|x| x.as_f64().unwrap_or(0.0) as f32)
                    .collect()
            })
            .unwrap_or_default()
    };
    let diff = |a: &[f32], b: &[f32], w: usize| {
        let mut worst = (0.0f32, 0usize);
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            if (x - y).abs() > worst.0 {
                worst = ((x - y).abs(), i / w);
            }
        }
        worst
    };
    let theirs = flat(&dump["tok2vec"]["output"]);
    println!(
        "tok2vec: len {} vs {}, worst {:?}",
        x.len(),
        theirs.len(),
        diff(&x, &theirs, 96)
    );
    for (k, ids_col) in ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]
        .iter()
        .enumerate()
    {
        let col: Vec<u64> = dump["tok2vec"]["ids"][ids_col]
            .as_array()
            .map(|v| v.iter().map(|x| x.as_u64().unwrap_or(0)).collect())
            .unwrap_or_default();
        let ours: Vec<u64> = ids.chunks(6).map(|c| c[k]).collect();
        if col != ours {
            let bad: Vec<usize> = col
                .iter()
                .zip(&ours)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, _)| i)
                .collect();
            println!("ids {ids_col} differ at tokens {bad:?}");
        }
    }
    let Ok(pm) = ParserModel::new(&model, "parser", &model.meta.parser, 96) else {
        return;
    };
    let proj = pm.project(&x);
    let theirs = flat(&dump["parser"]["projected"]);
    println!("projected: worst {:?}", diff(&proj, &theirs, 64));
}
