//! Hostile inputs through the whole pipeline: very long "sentences", emoji, right-to-left scripts,
//! control characters, punctuation only, whitespace tokens, empty documents, bad spans. Nothing may
//! panic, every parse must be well formed, and time must grow linearly with length. Needs the real
//! model (see tests/real_model.rs); without it the test prints a note and passes.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use common::model_paths;
use dyad_doc::Span;
use dyad_parse::parse::{DocInput, InputToken, Parse, ParseError, Parser, Scratch};
use proptest::prelude::*;

/// A crude tokenizer for the test: runs of alphanumerics, single other characters, whitespace
/// other than one space after a token as its own token (as spaCy does).
fn tokens(text: &str) -> Vec<InputToken<'static>> {
    let mut out: Vec<InputToken<'static>> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' ' && out.last().is_some_and(|t| t.span.end == i && !t.whitespace) {
            if let Some(t) = out.last_mut() {
                t.whitespace = true;
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        } else if c.is_whitespace() {
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        out.push(InputToken::new(i, end, false));
    }
    out
}

/// The structural promises of a parse.
fn check(text: &str, toks: &[InputToken<'_>], p: &Parse) {
    let n = toks.len();
    assert_eq!(p.len(), n);
    for (t, input) in p.tokens().zip(toks) {
        assert_eq!(t.span(), input.span);
        assert!(t.head() < n, "head of {} is {}", t.i(), t.head());
        assert!(!t.dep().is_empty());
        assert!(!t.tag().is_empty());
        // Roots are their own heads (a whitespace root is relabelled `dep` by the attribute ruler).
        if t.dep() == "ROOT" {
            assert_eq!(t.head(), t.i());
        }
    }
    let mut next = 0;
    for s in p.sents() {
        assert_eq!(s.start, next);
        assert!(s.end > s.start);
        next = s.end;
    }
    assert_eq!(next, n);
    let mut last_end = 0;
    for e in p.ents() {
        assert!(e.start >= last_end && e.start < e.end && e.end <= n);
        assert!(!e.label.is_empty());
        assert_eq!(p.token(e.start).unwrap().ent_iob().as_str(), "B");
        last_end = e.end;
    }
    let json: serde_json::Value = serde_json::from_str(&p.to_json("g", text)).unwrap();
    assert_eq!(json["tokens"].as_array().unwrap().len(), n);
}

fn parser() -> Option<Parser> {
    model_paths().map(|p| Parser::load(&p).unwrap())
}

#[test]
fn hostile_texts_parse_well_formed() {
    let Some(parser) = parser() else { return };
    let texts = [
        "",
        " ",
        "!!! ??? ... ,,, ;;; --- ((( ))) \"\"\" '''",
        "مرحبا بالعالم. שלום עולם! 你好，世界。",
        "😀😀😀 🇺🇸 flags 👍🏽 and 🤖 robots 💥💥",
        "control \u{0} chars \u{7}\u{1b}[31m red \u{200b}\u{feff} zero\u{2028}width",
        "tabs\t\tand\n\n\nnewlines \r\n and   spaces    ",
        "a",
        ".",
        "\n",
        "ALL CAPS HEADLINE WITH NO PUNCTUATION AT ALL AND MANY WORDS IN IT",
    ];
    let mut scratch = Scratch::default();
    for text in texts {
        let toks = tokens(text);
        let p = parser.parse_with(text, &toks, &mut scratch).unwrap();
        check(text, &toks, &p);
    }
}

#[test]
fn bad_spans_are_errors_and_do_not_spoil_the_batch() {
    let Some(parser) = parser() else { return };
    let good = "Nixon met Mao.";
    let good_toks = tokens(good);
    let bad = "é";
    let bad_toks = [InputToken::new(0, 1, false)];
    let beyond = [InputToken::new(3, 99, false)];
    let backwards = [InputToken {
        span: Span { start: 2, end: 1 },
        whitespace: false,
        norm: None,
    }];
    let docs = [
        DocInput {
            text: good,
            tokens: &good_toks,
        },
        DocInput {
            text: bad,
            tokens: &bad_toks,
        },
        DocInput {
            text: good,
            tokens: &beyond,
        },
        DocInput {
            text: good,
            tokens: &backwards,
        },
        DocInput {
            text: good,
            tokens: &good_toks,
        },
    ];
    let out = parser.parse_batch(&docs, &mut Scratch::default());
    assert_eq!(out.len(), 5);
    assert!(matches!(out[1], Err(ParseError::BadSpan { index: 0, .. })));
    assert!(out[2].is_err() && out[3].is_err());
    let (a, b) = (out[0].as_ref().unwrap(), out[4].as_ref().unwrap());
    assert_eq!(a.to_json("x", good), b.to_json("x", good));
    check(good, &good_toks, a);
}

#[test]
fn long_sentences_take_linear_time() {
    let Some(parser) = parser() else { return };
    let words = [
        "the",
        "minister",
        "said",
        "that",
        "talks",
        "in",
        "Geneva",
        "would",
        "resume",
        ",",
        "and",
        "officials",
        "from",
        "both",
        "sides",
        "met",
    ];
    let make = |n: usize| -> String {
        (0..n)
            .map(|i| words[(i * 7 + i / 3) % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut scratch = Scratch::default();
    let mut times = Vec::new();
    for n in [1_000, 10_000] {
        let text = make(n);
        let toks = tokens(&text);
        assert_eq!(toks.len(), n);
        // Warm the buffers, then time.
        parser.parse_with(&text, &toks, &mut scratch).unwrap();
        let t = Instant::now();
        let p = parser.parse_with(&text, &toks, &mut scratch).unwrap();
        times.push(t.elapsed().as_secs_f64());
        check(&text, &toks, &p);
    }
    let ratio = times[1] / times[0];
    eprintln!(
        "1,000 tokens: {:.3} s; 10,000 tokens: {:.3} s (ratio {ratio:.1})",
        times[0], times[1]
    );
    // Linear is 10; a quadratic step would make it about 100.
    assert!(ratio < 30.0, "time grows faster than linearly: {ratio:.1}");
}

#[test]
fn a_book_length_document_parses_in_slices() {
    let Some(parser) = parser() else { return };
    // Longer than both the encoder's slice (4,096) and the table limit (16,384 tokens).
    let n = 20_000;
    let text: String = (0..n)
        .map(|i| ["Officials", "met", "in", "Geneva", "on", "Monday", "."][i % 7])
        .collect::<Vec<_>>()
        .join(" ");
    let toks = tokens(&text);
    assert_eq!(toks.len(), n);
    let t = Instant::now();
    let p = parser.parse(&text, &toks).unwrap();
    eprintln!("{n} tokens: {:.2} s", t.elapsed().as_secs_f64());
    check(&text, &toks, &p);
    // The text repeats a 7-token sentence; the parse repeats too, away from the edges.
    let a = p.token(7 * 100 + 1).unwrap();
    let b = p.token(7 * 2000 + 1).unwrap();
    assert_eq!((a.tag(), a.dep()), (b.tag(), b.dep()));
    assert_eq!(a.head() + 7 * 1900, b.head());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn random_texts_parse_well_formed(text in "\\PC{0,60}") {
        if let Some(parser) = PARSER.as_ref() {
            let toks = tokens(&text);
            let p = parser.parse(&text, &toks).unwrap();
            check(&text, &toks, &p);
        }
    }

    #[test]
    fn random_spans_never_panic(text in ".{0,20}", spans in proptest::collection::vec((0usize..30, 0usize..30, any::<bool>()), 0..8)) {
        if let Some(parser) = PARSER.as_ref() {
            let toks: Vec<InputToken> = spans
                .iter()
                .map(|&(s, e, ws)| InputToken { span: Span { start: s, end: e }, whitespace: ws, norm: None })
                .collect();
            if let Ok(p) = parser.parse(&text, &toks) {
                prop_assert_eq!(p.len(), toks.len());
            }
        }
    }
}

static PARSER: std::sync::LazyLock<Option<Parser>> = std::sync::LazyLock::new(parser);
