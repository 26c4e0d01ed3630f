//! Hand-written parses for the unit tests: each sentence is written one token a line as
//! `word TAG lemma head dep`, heads counted from 1 within the sentence and 0 for the root (as
//! in CoNLL-U). The text is the words joined by spaces (none before punctuation and clitics),
//! sentences by a space, paragraphs by a blank line.

use std::sync::Arc;

use dyad_doc::parse::{EntIob, Labels, Parse, TokenRecord};
use dyad_doc::{Doc, Span};
use jiff::civil::Date;

const NO_SPACE_BEFORE: &[&str] = &[".", ",", ";", ":", "'s", "n't", "%", ")", "?", "!"];

/// A document of `paragraphs` of sentences, parsed as written.
pub(crate) fn doc(pub_date: Date, paragraphs: &[&[&str]]) -> Doc {
    let mut text = String::new();
    let mut labels = Labels::default();
    let mut tokens: Vec<TokenRecord> = Vec::new();
    let mut sents = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for (s, sent) in para.iter().enumerate() {
            let first = tokens.len();
            for (k, row) in sent
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                let cols: Vec<&str> = row.split_whitespace().collect();
                assert_eq!(cols.len(), 5, "row {row:?}");
                let (word, tag, lemma, head, dep) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
                if !text.is_empty() {
                    if k == 0 && s == 0 && p > 0 {
                        text.push_str("\n\n");
                    } else if k == 0 || !NO_SPACE_BEFORE.contains(&word) {
                        text.push(' ');
                    }
                }
                let start = text.len();
                text.push_str(word);
                let head: usize = head.parse().unwrap();
                let head = if head == 0 {
                    first + k
                } else {
                    first + head - 1
                };
                tokens.push(TokenRecord {
                    span: Span::new(start, text.len()),
                    whitespace: false,
                    tag: labels.intern(tag),
                    pos: None,
                    morph: 0,
                    lemma: lemma.to_string(),
                    head,
                    dep: labels.intern(if dep == "ROOT" { "ROOT" } else { dep }),
                    ent_iob: EntIob::Missing,
                    ent_type: 0,
                });
            }
            sents.push(first..tokens.len());
        }
    }
    let mut doc = Doc::new("test", pub_date, text);
    doc.parse = Some(Parse::new(tokens, sents, Vec::new(), Arc::new(labels)));
    doc
}

/// The index of the `n`th token (from 0) whose text is `word`.
pub(crate) fn tok(doc: &Doc, word: &str, n: usize) -> usize {
    let parse = doc.parse.as_ref().unwrap();
    parse
        .tokens()
        .filter(|t| t.text(&doc.text) == word)
        .nth(n)
        .unwrap_or_else(|| panic!("no token {word:?} #{n}"))
        .i()
}

/// The sentence of token `i`.
pub(crate) fn sent(doc: &Doc, i: usize) -> usize {
    let parse = doc.parse.as_ref().unwrap();
    parse.sents().iter().position(|r| r.contains(&i)).unwrap()
}
