//! Any parse, however malformed (cycles, heads in other sentences or out of range, odd tags),
//! gives mentions and event dates without panicking, and the dating invariants hold.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use dyad_date::{EventDater, TimeStage};
use dyad_doc::parse::{EntIob, Labels, Parse, Pos, TokenRecord};
use dyad_doc::{Doc, Span, Stage, TimeTense};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "In",
    "in",
    "1972",
    "July",
    "Feb.",
    "28",
    ",",
    ".",
    "last",
    "week",
    "will",
    "would",
    "ago",
    "two",
    "years",
    "Wednesday",
    "said",
    "met",
    "the",
    "following",
    "day",
    "since",
    "2000",
    "during",
    "the Cold War",
    "next",
    "month",
    "\n\n",
    "has",
    "to",
    "visit",
    "this",
    "today",
    "2090",
    "later",
    "that",
    "year",
    "é",
];
const TAGS: &[&str] = &[
    "IN", "CD", "NNP", "NN", "VBD", "VBZ", "VB", "VBN", "VBG", "MD", "TO", ",", ".", "DT", "JJ",
    "RB", "_SP", "",
];
const DEPS: &[&str] = &[
    "prep", "pobj", "nummod", "nsubj", "ROOT", "aux", "auxpass", "xcomp", "ccomp", "advcl",
    "relcl", "acl", "conj", "npadvmod", "amod", "mark", "dobj", "punct", "",
];

fn build(rows: &[(usize, usize, usize, usize, bool)], cuts: &[usize]) -> Doc {
    let mut labels = Labels::default();
    let mut text = String::new();
    let mut tokens = Vec::new();
    for &(w, t, d, head, verb) in rows {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(WORDS[w % WORDS.len()]);
        tokens.push(TokenRecord {
            span: Span::new(start, text.len()),
            whitespace: true,
            tag: labels.intern(TAGS[t % TAGS.len()]),
            pos: verb.then_some(Pos::Verb),
            morph: 0,
            lemma: WORDS[w % WORDS.len()].to_lowercase(),
            head,
            dep: labels.intern(DEPS[d % DEPS.len()]),
            ent_iob: EntIob::Missing,
            ent_type: 0,
        });
    }
    let n = tokens.len();
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (n + 1)).collect();
    bounds.push(0);
    bounds.push(n);
    bounds.sort_unstable();
    bounds.dedup();
    let sents = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    let mut doc = Doc::new("p", jiff::civil::date(2024, 6, 19), text);
    doc.parse = Some(Parse::new(tokens, sents, Vec::new(), Arc::new(labels)));
    doc
}

proptest! {
    #[test]
    fn any_parse_is_dated_within_the_rules(
        rows in prop::collection::vec((0usize..64, 0usize..32, 0usize..32, 0usize..80, any::<bool>()), 0..60),
        cuts in prop::collection::vec(0usize..80, 0..6),
    ) {
        let mut doc = build(&rows, &cuts);
        TimeStage::new().run(&mut doc).unwrap();
        let pub_date = doc.pub_date;
        for m in doc.times.as_ref().unwrap() {
            prop_assert!(doc.text.get(m.span.start..m.span.end).is_some());
            if let Some(v) = m.value && !m.future {
                prop_assert!(v.first_day() <= pub_date, "{m:?}");
            }
        }
        let dater = EventDater::new(&doc);
        let n = doc.parse.as_ref().unwrap().len();
        for t in 0..n + 2 {
            for s in 0..3 {
                let e = dater.date_token(s, t);
                if let Some(d) = e.date && !e.future {
                    prop_assert!(d.first_day() <= pub_date, "{e:?}");
                }
                if e.tense == TimeTense::Future && let Some(d) = e.date {
                    prop_assert!(e.to.unwrap_or(d).last_day() >= pub_date, "{e:?}");
                }
                let _ = e.actor_day(pub_date);
            }
        }
    }
}
