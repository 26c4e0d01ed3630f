//! Compare dyad with spaCy outputs in a JSONL file that also carries spaCy's whitespace flags and
//! exception norms per token (`"ws"`, `"norm"`), e.g. written by an ad-hoc script from
//! `make_parity.doc_json`. Prints agreement per attribute and every differing record id.
//!
//! ```text
//! cargo run --release -p dyad-parse --example stress_compare -- FILE.jsonl
//! ```
use dyad_doc::Span;
use dyad_parse::model::ModelPaths;
use dyad_parse::parse::{DocInput, InputToken, Parser, Scratch};
use serde_json::Value;

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: stress_compare FILE.jsonl");
        std::process::exit(2);
    };
    let parser = match ModelPaths::locate(None).map(|p| Parser::load(&p)) {
        Ok(Ok(p)) => p,
        Ok(Err(e)) | Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let Ok(data) = std::fs::read_to_string(&file) else {
        eprintln!("cannot read {file}");
        std::process::exit(1);
    };
    let recs: Vec<Value> = data
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let mut inputs: Vec<Vec<InputToken>> = Vec::new();
    for r in &recs {
        let text = r["text"].as_str().unwrap_or_default();
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let toks = r["tokens"].as_array().cloned().unwrap_or_default();
        inputs.push(
            toks.iter()
                .enumerate()
                .map(|(i, t)| {
                    let at = |k: &str| {
                        byte_at
                            .get(t[k].as_u64().unwrap_or(0) as usize)
                            .copied()
                            .unwrap_or(0)
                    };
                    InputToken {
                        span: Span::new(at("start"), at("end")),
                        whitespace: r["ws"][i].as_bool().unwrap_or(false),
                        norm: r["norm"][i].as_str(),
                    }
                })
                .collect(),
        );
    }
    let docs: Vec<DocInput> = recs
        .iter()
        .zip(&inputs)
        .map(|(r, t)| DocInput {
            text: r["text"].as_str().unwrap_or_default(),
            tokens: t,
        })
        .collect();
    let t0 = std::time::Instant::now();
    let parses = parser.parse_batch(&docs, &mut Scratch::default());
    let secs = t0.elapsed().as_secs_f64();
    let (mut lines_equal, mut n_tok) = (0, 0);
    let mut same = [0usize; 5];
    for ((r, p), d) in recs.iter().zip(&parses).zip(&docs) {
        let Ok(p) = p else {
            println!("{}: error", r["id"]);
            continue;
        };
        let ours: Value = serde_json::from_str(&p.to_json(r["id"].as_str().unwrap_or(""), d.text))
            .unwrap_or_default();
        let mut equal = ours["sents"] == r["sents"] && ours["ents"] == r["ents"];
        let gold = r["tokens"].as_array().cloned().unwrap_or_default();
        let mine = ours["tokens"].as_array().cloned().unwrap_or_default();
        for (g, m) in gold.iter().zip(&mine) {
            n_tok += 1;
            for (k, keys) in [
                &["tag"][..],
                &["pos"],
                &["lemma"],
                &["head", "dep"],
                &["ent_iob", "ent_type"],
            ]
            .iter()
            .enumerate()
            {
                if keys.iter().all(|key| g[key] == m[key]) {
                    same[k] += 1;
                } else {
                    equal = false;
                }
            }
        }
        if equal {
            lines_equal += 1;
        } else {
            println!(
                "differs: {} {:?}",
                r["id"],
                &d.text.chars().take(100).collect::<String>()
            );
        }
    }
    let pct = |x: usize| x as f64 * 100.0 / n_tok.max(1) as f64;
    println!(
        "{} records ({} fully equal), {n_tok} tokens in {secs:.2} s: tag {:.3} % pos {:.3} % lemma {:.3} % head+dep {:.3} % ent {:.3} %",
        recs.len(),
        lines_equal,
        pct(same[0]),
        pct(same[1]),
        pct(same[2]),
        pct(same[3]),
        pct(same[4])
    );
}
