//! The whole pipeline against spaCy on the parity corpus (tests/parity/, see tools/spacy/README.md):
//! tags, POS, lemmas, heads and labels, sentences and entities, token by token. Every difference is
//! printed with its sentence; the agreement must reach the project's floors.
//!
//! The tokens come from [`TOKEN_SOURCE`]: dyad's tokenizer (the end-to-end check, as `dyad parse`
//! runs), or spaCy's own tokens from the parity file with the tokenizer-exception norms of
//! tests/parity/spacy-3.8.0-norms.json (to look at the networks alone). Needs the real model (see
//! tests/real_model.rs); without it the test prints a note and passes.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use common::{Parsed, corpus, golden, golden_lines, model_paths};
use dyad_parse::parse::{DocInput, InputToken, Parse, Parser, Scratch};

/// Where the test's tokens come from.
const TOKEN_SOURCE: TokenSource = TokenSource::Dyad;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
enum TokenSource {
    /// dyad's tokenizer, as `dyad parse` runs.
    Dyad,
    /// spaCy's tokens from the parity file.
    Golden,
}

/// Sentences (spaCy's) whose tokens dyad's tokenizer cuts exactly as spaCy's did, and all
/// sentences; a record whose tokens differ anywhere is printed.
fn same_tokenisation(rec: &Parsed, text: &str, toks: &[InputToken]) -> (usize, bool) {
    let index = dyad_doc::CharIndex::new(text);
    let ours: Vec<(usize, usize)> = toks
        .iter()
        .map(|t| {
            (
                index.char_offset(t.span.start),
                index.char_offset(t.span.end),
            )
        })
        .collect();
    let theirs: Vec<(usize, usize)> = rec.tokens.iter().map(|t| (t.start, t.end)).collect();
    let mut same = 0;
    for [a, b] in &rec.sents {
        let (Some(first), Some(last)) = (rec.tokens.get(*a), rec.tokens.get(b - 1)) else {
            continue;
        };
        let inside = |&&(s, e): &&(usize, usize)| s >= first.start && e <= last.end;
        let o: Vec<_> = ours.iter().filter(inside).collect();
        let t: Vec<_> = theirs.iter().filter(inside).collect();
        if o == t {
            same += 1;
        }
    }
    (same, ours == theirs)
}

/// Token norms set by tokenizer exceptions, by (record, token).
fn exception_norms() -> HashMap<(usize, usize), String> {
    let p = format!("{}spacy-3.8.0-norms.json", common::PARITY);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
    v["norms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                (
                    t[0].as_u64().unwrap() as usize,
                    t[1].as_u64().unwrap() as usize,
                ),
                t[2].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// spaCy's tokens of record `k` as byte spans, with whitespace flags and exception norms.
fn golden_tokens<'a>(
    k: usize,
    text: &str,
    rec: &Parsed,
    norms: &'a HashMap<(usize, usize), String>,
) -> Vec<InputToken<'a>> {
    // Code-point offset -> byte offset.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let chars: Vec<char> = text.chars().collect();
    rec.tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // A single space after the token belongs to it unless the next token starts there.
            let next_start = rec.tokens.get(i + 1).map(|n| n.start);
            let whitespace = chars.get(t.end) == Some(&' ') && next_start != Some(t.end);
            InputToken {
                span: dyad_doc::Span::new(byte_at[t.start], byte_at[t.end]),
                whitespace,
                norm: norms.get(&(k, i)).map(String::as_str),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    tokens: usize,
    tag: usize,
    pos: usize,
    lemma: usize,
    head_dep: usize,
    head: usize,
    ent_tok: usize,
    sents_rec: usize,
    gold_ents: usize,
    pred_ents: usize,
    same_ents: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        a as f64 * 100.0 / b as f64
    }
}

fn sentence_of(rec: &Parsed, i: usize) -> String {
    let s = rec
        .sents
        .iter()
        .find(|[a, b]| *a <= i && i < *b)
        .copied()
        .unwrap_or([0, rec.tokens.len()]);
    rec.tokens[s[0]..s[1]]
        .iter()
        .map(|t| {
            if t.i == i {
                format!("[{}]", t.text)
            } else {
                t.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares one record; true when every attribute, sentence and entity is equal.
fn compare(
    k: usize,
    text: &str,
    rec: &Parsed,
    p: &Parse,
    t: &mut Tally,
    shown: &mut usize,
) -> bool {
    let mut equal = true;
    let mut show = |what: String| {
        equal = false;
        *shown += 1;
        if *shown <= 400 {
            eprintln!("{}", what);
        }
    };
    assert_eq!(p.len(), rec.tokens.len(), "record {k} token count");
    for (g, d) in rec.tokens.iter().zip(p.tokens()) {
        t.tokens += 1;
        let i = g.i;
        let mut diffs = Vec::new();
        if d.tag() == g.tag {
            t.tag += 1;
        } else {
            diffs.push(format!("tag {} vs {}", d.tag(), g.tag));
        }
        let pos = d.pos().map_or("", |p| p.as_str());
        if pos == g.pos {
            t.pos += 1;
        } else {
            diffs.push(format!("pos {pos} vs {}", g.pos));
        }
        if d.lemma() == g.lemma {
            t.lemma += 1;
        } else {
            diffs.push(format!("lemma {:?} vs {:?}", d.lemma(), g.lemma));
        }
        if d.head() == g.head {
            t.head += 1;
        }
        if d.head() == g.head && d.dep() == g.dep {
            t.head_dep += 1;
        } else {
            diffs.push(format!(
                "head/dep {}/{} vs {}/{}",
                d.head(),
                d.dep(),
                g.head,
                g.dep
            ));
        }
        if d.ent_iob().as_str() == g.ent_iob && d.ent_type() == g.ent_type {
            t.ent_tok += 1;
        } else {
            diffs.push(format!(
                "ent {}-{} vs {}-{}",
                d.ent_iob().as_str(),
                d.ent_type(),
                g.ent_iob,
                g.ent_type
            ));
        }
        if !diffs.is_empty() {
            show(format!(
                "record {k} ({}) token {i} {:?}: dyad vs spaCy: {}\n    {}",
                rec.id,
                d.text(text),
                diffs.join("; "),
                sentence_of(rec, i)
            ));
        }
    }
    let sents: Vec<[usize; 2]> = p.sents().iter().map(|r| [r.start, r.end]).collect();
    if sents == rec.sents {
        t.sents_rec += 1;
    } else {
        show(format!(
            "record {k} ({}) sentences: dyad {sents:?} vs spaCy {:?}",
            rec.id, rec.sents
        ));
    }
    let gold: BTreeSet<(usize, usize, &str)> = rec
        .ents
        .iter()
        .map(|e| (e.start_token, e.end_token, e.label.as_str()))
        .collect();
    let pred: BTreeSet<(usize, usize, &str)> =
        p.ents().map(|e| (e.start, e.end, e.label)).collect();
    t.gold_ents += gold.len();
    t.pred_ents += pred.len();
    t.same_ents += gold.intersection(&pred).count();
    if gold != pred {
        show(format!(
            "record {k} ({}) entities: only dyad {:?}; only spaCy {:?}",
            rec.id,
            pred.difference(&gold).collect::<Vec<_>>(),
            gold.difference(&pred).collect::<Vec<_>>()
        ));
    }
    equal
}

#[test]
fn pipeline_matches_spacy_on_the_parity_corpus() {
    let Some(paths) = model_paths() else { return };
    let (meta, parsed) = golden();
    let Some(texts) = corpus(&meta) else {
        eprintln!("note: ../shared/data missing; skipped");
        return;
    };
    let parser = Parser::load(&paths).unwrap();
    let norms = exception_norms();
    let inputs: Vec<Vec<InputToken>> = texts
        .iter()
        .zip(&parsed)
        .enumerate()
        .map(|(k, ((_, text), rec))| match TOKEN_SOURCE {
            TokenSource::Dyad => parser.tokenize(text),
            TokenSource::Golden => golden_tokens(k, text, rec, &norms),
        })
        .collect();
    // Tokenisation first: a record cut differently cannot be compared token by token.
    let (mut same_sents, mut all_sents) = (0, 0);
    let mut same_tokens = vec![true; parsed.len()];
    for (k, ((rec, (_, text)), toks)) in parsed.iter().zip(&texts).zip(&inputs).enumerate() {
        let (same, whole) = same_tokenisation(rec, text, toks);
        same_sents += same;
        all_sents += rec.sents.len();
        if !whole {
            same_tokens[k] = false;
            eprintln!("record {k} ({}): tokens differ from spaCy's", rec.id);
        }
    }
    eprintln!(
        "tokenisation: {same_sents} of {all_sents} sentences identical ({:.3} %)",
        pct(same_sents, all_sents)
    );
    assert!(pct(same_sents, all_sents) >= 99.9, "tokenisation agreement");

    let mut scratch = Scratch::default();
    let batch: Vec<DocInput> = texts
        .iter()
        .zip(&inputs)
        .map(|((_, text), toks)| DocInput { text, tokens: toks })
        .collect();
    let t0 = Instant::now();
    let parses: Vec<Parse> = parser
        .parse_batch(&batch, &mut scratch)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    // A document parsed alone gets exactly what it gets in the batch.
    for k in (0..batch.len()).step_by(37) {
        let alone = parser
            .parse_with(batch[k].text, batch[k].tokens, &mut scratch)
            .unwrap();
        assert_eq!(
            alone.to_json("x", batch[k].text),
            parses[k].to_json("x", batch[k].text),
            "record {k}"
        );
    }

    let mut t = Tally::default();
    let mut shown = 0;
    let lines = golden_lines();
    let (mut equal_records, mut same_json) = (0, 0);
    for (k, ((((id, text), rec), p), line)) in texts
        .iter()
        .zip(&parsed)
        .zip(&parses)
        .zip(&lines)
        .enumerate()
    {
        if !same_tokens[k] {
            // Counted as unequal everywhere.
            t.tokens += rec.tokens.len();
            t.gold_ents += rec.ents.len();
            t.pred_ents += p.ents().len();
            continue;
        }
        if compare(k, text, rec, p, &mut t, &mut shown) {
            equal_records += 1;
            // An equal record is written byte for byte as spaCy's script wrote it.
            let json = p.to_json(id, text);
            assert_eq!(&json, line, "record {k}: JSON differs");
            same_json += 1;
        }
    }
    eprintln!("{equal_records} records fully equal, {same_json} byte-identical JSON lines");
    let ent_union = t.gold_ents + t.pred_ents - t.same_ents;
    eprintln!(
        "parity over {} records, {} tokens, {} sentences ({:.2} s, {:.0} sentences/s in this build):\n  \
         tag {:.3} %  pos {:.3} %  lemma {:.3} %  head {:.3} %  head+dep {:.3} %  ent tokens {:.3} %\n  \
         records with equal sentences {:.3} %  entities: {} spaCy, {} dyad, {} equal ({:.3} % of the union)",
        parsed.len(),
        t.tokens,
        meta_sentences(&parsed),
        secs,
        meta_sentences(&parsed) as f64 / secs,
        pct(t.tag, t.tokens),
        pct(t.pos, t.tokens),
        pct(t.lemma, t.tokens),
        pct(t.head, t.tokens),
        pct(t.head_dep, t.tokens),
        pct(t.ent_tok, t.tokens),
        pct(t.sents_rec, parsed.len()),
        t.gold_ents,
        t.pred_ents,
        t.same_ents,
        pct(t.same_ents, ent_union),
    );
    assert!(pct(t.tag, t.tokens) >= 99.8, "tag agreement");
    assert!(pct(t.pos, t.tokens) >= 99.8, "POS agreement");
    assert!(pct(t.lemma, t.tokens) >= 99.8, "lemma agreement");
    assert!(pct(t.head_dep, t.tokens) >= 99.5, "head+label agreement");
    assert!(pct(t.same_ents, ent_union) >= 99.5, "entity agreement");

    // The JSON form reads back as the golden file's records.
    for (((id, text), p), rec) in texts.iter().zip(&parses).zip(&parsed).take(50) {
        let back: Parsed = serde_json::from_str(&p.to_json(id, text)).unwrap();
        assert_eq!(back.id, rec.id);
        assert_eq!(back.tokens.len(), rec.tokens.len());
        for (a, b) in back.tokens.iter().zip(&rec.tokens) {
            assert_eq!((a.start, a.end, &a.text), (b.start, b.end, &b.text));
        }
    }
}

fn meta_sentences(parsed: &[Parsed]) -> usize {
    parsed.iter().map(|p| p.sents.len()).sum()
}
