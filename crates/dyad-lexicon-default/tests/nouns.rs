//! The shipped noun entries: they read cleanly, lint cleanly, and cover the CAMEO codes
//! pinned here (next to the verbal coverage, for the closing note of issue 6).

use std::collections::BTreeSet;

use dyad_lexicon::{EventCode, Lexicon, LexiconIndex, NounHead};

fn lex() -> Lexicon {
    let r = dyad_lexicon_default::default_lexicon();
    let noun_diags: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.file.contains("nouns/"))
        .collect();
    assert!(noun_diags.is_empty(), "{noun_diags:?}");
    r.value
}

fn codes_of(code: &EventCode, out: &mut BTreeSet<String>) {
    for c in [&code.active, &code.passive].into_iter().flatten() {
        if c.len() >= 3 {
            out.insert(c.clone());
        }
    }
}

#[test]
fn nominal_and_verbal_coverage() {
    let lex = lex();
    let mut nominal = BTreeSet::new();
    for n in &lex.verbs.nouns {
        codes_of(&n.code, &mut nominal);
    }
    let mut verbal = BTreeSet::new();
    for p in &lex.verbs.patterns {
        codes_of(&p.code, &mut verbal);
    }
    for v in &lex.verbs.verbs {
        if let Some(c) = &v.code {
            codes_of(c, &mut verbal);
        }
    }
    for c in &lex.verbs.classes {
        codes_of(&c.code, &mut verbal);
    }
    let both = nominal.intersection(&verbal).count();
    eprintln!(
        "CAMEO codes (3-/4-digit) with >= 1 nominal entry: {}; with >= 1 verbal pattern: {}; both: {both}; noun entries: {}",
        nominal.len(),
        verbal.len(),
        lex.verbs.nouns.len()
    );
    // Every nominal code is a CAMEO code of the ontology.
    for c in &nominal {
        let cameo: Result<dyad_ontology::Cameo, _> = c.parse();
        assert!(
            cameo.ok().and_then(dyad_ontology::cameo_entry).is_some(),
            "{c} is no CAMEO code"
        );
    }
    // Pinned: change the number when entries for new codes are added (or removed on purpose).
    assert_eq!(nominal.len(), NOMINAL_CODES, "{nominal:?}");
    assert!(lex.verbs.nouns.len() >= 250, "{}", lex.verbs.nouns.len());
    for root in 1..=20 {
        let r = format!("{root:02}");
        assert!(
            nominal.iter().any(|c| c.starts_with(&r)),
            "no nominal entry for root {r}"
        );
    }
}

const NOMINAL_CODES: usize = 148;

#[test]
fn noun_entries_lint_cleanly() {
    let lex = lex();
    let findings: Vec<_> = dyad_lexicon::check(&lex)
        .into_iter()
        .filter(|d| d.file.contains("nouns/"))
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn common_heads_are_indexed() {
    let lex = lex();
    let has_words = lex
        .verbs
        .nouns
        .iter()
        .any(|n| matches!(&n.head, NounHead::Words(w) if w == &["arms", "deal"]));
    assert!(has_words);
    let index = LexiconIndex::new(lex);
    let code = |lemma: &str, lower: &str| -> Vec<String> {
        index
            .nouns
            .candidates(lemma, lower)
            .iter()
            .filter(|c| c.before.is_empty())
            .filter_map(|c| index.lexicon().verbs.nouns.get(c.id.0 as usize))
            .map(|n| n.code.to_string())
            .collect()
    };
    assert_eq!(
        code("invasion", "invasion").first().map(String::as_str),
        Some("192")
    );
    assert_eq!(
        code("visit", "visits").first().map(String::as_str),
        Some("042")
    );
    assert_eq!(
        code("talk", "talks").first().map(String::as_str),
        Some("040:040")
    );
    assert_eq!(
        code("sanction", "sanctions").first().map(String::as_str),
        Some("163")
    );
    assert_eq!(
        code("recognition", "recognition")
            .first()
            .map(String::as_str),
        Some("054")
    );
    assert!(
        code("talk", "talk").is_empty(),
        "the singular is no event noun"
    );
    assert!(index.nouns.is_support_verb("launch", "launched"));
    assert!(
        index.nouns.is_support_verb("stag", "staged"),
        "spaCy's lemma of staged"
    );
    assert!(!index.nouns.is_support_verb("condemn", "condemned"));
}
