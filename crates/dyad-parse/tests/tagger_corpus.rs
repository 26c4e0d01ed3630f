//! Tags for the whole parity corpus, computed from spaCy's tokenisation (taken from the parity file)
//! with dyad's lexical attributes, tok2vec and tagger, compared with spaCy's tags. Tokenizer-exception
//! norms (e.g. `a.m.` for `am` in `10am`) are not in the parity file, so those few tokens get their
//! lexeme norm here; the agreement is still required to reach the project's 99.8 % bar.
//! Needs the real model (see tests/real_model.rs).
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use common::{corpus, golden, model_paths};
use dyad_parse::lex_attrs::{Attr, LexAttrs, TokenInput};
use dyad_parse::model::load;
use dyad_parse::tagger::Tagger;
use dyad_parse::tok2vec::{Tok2Vec, Tok2VecScratch};

#[test]
fn corpus_tags_match_spacy() {
    let Some(paths) = model_paths() else { return };
    let (meta, parsed) = golden();
    let Some(texts) = corpus(&meta) else {
        eprintln!("note: ../shared/data missing; skipped");
        return;
    };
    let model = load(&paths).unwrap();
    let lex = LexAttrs::load(&paths).unwrap();
    let t2v = Tok2Vec::new(&model, "tok2vec", &model.meta.tok2vec).unwrap();
    let tagger = Tagger::new(&model).unwrap();
    let attrs: Vec<Attr> = model
        .meta
        .tok2vec
        .attrs
        .iter()
        .map(|a| Attr::from_name(a).unwrap())
        .collect();

    let (mut total, mut same) = (0usize, 0usize);
    let mut shown = 0;
    let mut scratch = Tok2VecScratch::default();
    let mut ids = Vec::new();
    let mut net_time = 0.0;
    for ((_, text), rec) in texts.iter().zip(&parsed) {
        let chars: Vec<char> = text.chars().collect();
        let toks: Vec<TokenInput> = rec
            .tokens
            .iter()
            .map(|t| TokenInput {
                text: &t.text,
                norm: None,
                spacy: chars.get(t.end) == Some(&' '),
            })
            .collect();
        ids.clear();
        lex.ids(&toks, &attrs, &mut ids);
        let t = Instant::now();
        let x = t2v.forward(&ids, &mut scratch);
        let tags = tagger.predict(&x);
        net_time += t.elapsed().as_secs_f64();
        for (tok, &k) in rec.tokens.iter().zip(&tags) {
            total += 1;
            if tagger.labels()[k] == tok.tag {
                same += 1;
            } else if shown < 15 {
                shown += 1;
                eprintln!(
                    "{}: {:?} spaCy {} dyad {}",
                    rec.id,
                    tok.text,
                    tok.tag,
                    tagger.labels()[k]
                );
            }
        }
    }
    let rate = same as f64 / total as f64;
    eprintln!(
        "tags equal on {same}/{total} tokens ({:.3} %); tok2vec+tagger {:.0} ms ({:.0} tokens/s)",
        rate * 100.0,
        net_time * 1e3,
        total as f64 / net_time
    );
    assert!(rate >= 0.998, "tag agreement {rate}");
}
