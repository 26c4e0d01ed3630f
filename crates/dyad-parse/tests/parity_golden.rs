//! Checks the committed spaCy parity file (tests/parity/, written by tools/spacy/make_parity.py) against
//! the corpus it was made from: same records in the same order, token offsets that cut the record's text
//! into the token texts, heads, sentences and entities inside the record. The dyad-vs-spaCy comparison
//! will read the file through the same code.
#![allow(clippy::unwrap_used)]

mod common;

use common::{corpus, golden};

#[test]
fn parity_file_matches_its_corpus() {
    let (meta, parsed) = golden();
    assert_eq!(parsed.len(), meta.records);
    assert!(parsed.len() >= 700);
    assert_eq!(
        parsed.iter().map(|p| p.tokens.len()).sum::<usize>(),
        meta.tokens
    );

    let Some(corpus) = corpus(&meta) else {
        eprintln!("note: ../shared/data is missing; only the parity file's own shape was checked");
        return;
    };
    assert_eq!(corpus.len(), parsed.len());
    for ((id, text), p) in corpus.iter().zip(&parsed) {
        assert_eq!(*id, p.id);
        let chars: Vec<char> = text.chars().collect();
        let n = p.tokens.len();
        for (k, t) in p.tokens.iter().enumerate() {
            assert_eq!(t.i, k, "{id}");
            let cut: String = chars[t.start..t.end].iter().collect();
            assert_eq!(cut, t.text, "{id} token {k}");
            assert!(t.head < n, "{id} token {k} head");
            assert!(
                ["B", "I", "O", ""].contains(&t.ent_iob.as_str()),
                "{id} token {k}"
            );
            assert!(!t.tag.is_empty() && !t.pos.is_empty(), "{id} token {k}");
        }
        // Sentences tile the tokens in order.
        let mut next = 0;
        for [a, b] in &p.sents {
            assert_eq!(*a, next, "{id} sentences");
            assert!(b > a);
            next = *b;
        }
        assert_eq!(next, n, "{id} sentences cover the record");
        for e in &p.ents {
            assert!(
                e.start_token < e.end_token && e.end_token <= n && !e.label.is_empty(),
                "{id}"
            );
            assert_eq!(p.tokens[e.start_token].ent_iob, "B", "{id}");
        }
    }
}
