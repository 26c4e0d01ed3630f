//! Properties of the tokenizer on arbitrary input: no panic; tokens ordered, non-empty, on
//! character boundaries, and together with their whitespace flags spelling the text exactly;
//! time linear in length on garbage.
//!
//! Runs on the model's rules when they are found (see `support/mod.rs`), else on a small rule set
//! in the same style written here.

mod support;

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Instant;

use dyad_tokenizer::{LexemeNorms, SpecialToken, Token, Tokenizer, TokenizerRules, Vocab};
use proptest::prelude::*;

fn fallback_rules() -> TokenizerRules {
    let mut exceptions = BTreeMap::new();
    for (key, parts) in [
        ("don't", vec![("do", None), ("n't", Some("not"))]),
        ("U.S.", vec![("U.S.", None)]),
        ("'s", vec![("'s", Some("'s"))]),
        ("''", vec![("''", None)]),
        (":)", vec![(":)", None)]),
        (" ", vec![(" ", None)]),
        ("\u{a0}", vec![("\u{a0}", Some("  "))]),
    ] {
        exceptions.insert(
            key.to_owned(),
            parts
                .into_iter()
                .map(|(o, n)| SpecialToken {
                    orth: o.into(),
                    norm: n.map(Into::into),
                })
                .collect(),
        );
    }
    TokenizerRules {
        prefix_search: Some(r#"^\(|^\[|^"|^'|^\$|^\+(?![0-9])|^\.\.+|^:|^…"#.into()),
        suffix_search: Some(r#"\)$|\]$|"$|'$|\.$|,$|:$|\.\.+$|'s$|…$|(?<=[0-9])(?:km|%)$|(?<=[A-Z][A-Z])\.$"#.into()),
        infix_finditer: Some(r"\.\.+|…|(?<=[a-z])-(?=[a-z])|(?<=[0-9])[+\-\*^](?=[0-9-])|(?<=[a-z]),(?=[a-z])".into()),
        token_match: None,
        url_match: Some(
            r"(?u)^(?:(?:[\w\+\-\.]{2,})://)?(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})\d{1,3}(?:\.\d{1,3}){3}|(?:[A-Za-z0-9]+\.)+[a-z]{2,63})(?::\d{2,5})?(?:[/?#]\S*)?$"
                .into(),
        ),
        exceptions,
        faster_heuristics: true,
    }
}

fn setup() -> &'static (Tokenizer, LexemeNorms) {
    static SETUP: OnceLock<(Tokenizer, LexemeNorms)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let (rules, norms) = match support::load_model_rules() {
            Some(m) => (m.rules, m.norms),
            None => {
                eprintln!(
                    "NOTE: no model rules found; properties run on the built-in sample rules"
                );
                (fallback_rules(), LexemeNorms::empty())
            }
        };
        (Tokenizer::from_rules(&rules).expect("rules compile"), norms)
    })
}

fn check(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut rebuilt = String::with_capacity(text.len());
    let mut prev_end = 0;
    for t in tokens {
        prop_assert!(t.start < t.end, "empty token {t:?}");
        prop_assert!(
            t.start >= prev_end,
            "tokens overlap or go backwards at {t:?}"
        );
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        // Only single spaces that become whitespace flags are left out between tokens.
        prop_assert!(
            t.start == prev_end
                || (t.start == prev_end + 1 && text.as_bytes().get(prev_end) == Some(&b' '))
        );
        rebuilt.push_str(t.text(text));
        prev_end = t.end;
        if t.whitespace {
            prop_assert_eq!(text.as_bytes().get(t.end), Some(&b' '));
            rebuilt.push(' ');
            prev_end += 1;
        }
    }
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

fn check_lexemes(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let (tok, norms) = setup();
    let mut vocab = Vocab::new(norms.clone());
    for (t, id) in tokens.iter().zip(vocab.intern_tokens(text, tokens)) {
        let lex = vocab.get(id);
        prop_assert_eq!(lex.orth, t.text(text));
        prop_assert!(lex.orth.starts_with(lex.prefix) && lex.orth.ends_with(lex.suffix));
        prop_assert!(
            lex.prefix.chars().count() == 1 && (1..=3).contains(&lex.suffix.chars().count())
        );
        prop_assert!(!lex.shape.is_empty());
        let _ = vocab.token_norm(tok, t, id);
    }
    Ok(())
}

/// Characters the rules care about, to reach affix and infix paths more often than uniform
/// Unicode does.
const TRICKY: &str = "aZ09 .,;:!?'\"()[]{}<>@#$%&*+=/\\_~^|`´’‘“”«»…—–-\u{a0}\u{3000}\n\t\u{1c}\u{200b}Σσ€°é\u{301}😀";

fn tricky_string() -> impl Strategy<Value = String> {
    let chars: Vec<char> = TRICKY.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..60).prop_map(|v| v.into_iter().collect())
}

fn fragment_string() -> impl Strategy<Value = String> {
    let frags = vec![
        "don't",
        "U.S.",
        "'s",
        "''",
        ":)",
        "(",
        ")",
        "...",
        "…",
        "-",
        "--",
        "a",
        "B",
        "1",
        "10",
        "km",
        "%",
        "$",
        "http://",
        "www.",
        "example.com",
        "@",
        ":",
        "/",
        ".",
        ",",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "ΑΣ",
        "İ",
    ];
    prop::collection::vec(prop::sample::select(frags), 0..25).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        let tokens = setup().0.tokenize(&text);
        check(&text, &tokens)?;
        check_lexemes(&text, &tokens)?;
    }

    #[test]
    fn punctuation_heavy(text in tricky_string()) {
        let tokens = setup().0.tokenize(&text);
        check(&text, &tokens)?;
        check_lexemes(&text, &tokens)?;
    }

    #[test]
    fn rule_fragments(text in fragment_string()) {
        let tokens = setup().0.tokenize(&text);
        check(&text, &tokens)?;
        check_lexemes(&text, &tokens)?;
    }
}

/// Best of three runs, in seconds.
fn time_of(tok: &Tokenizer, text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let tokens = tok.tokenize(text);
            assert!(!tokens.is_empty());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// A name and a maker of garbage text of about the given length.
type Garbage = (&'static str, fn(usize) -> String);

#[test]
fn time_is_linear_in_length() {
    let tok = &setup().0;
    let kinds: [Garbage; 8] = [
        ("random ascii", |n| {
            (0..n)
                .map(|i| char::from(33 + ((i * 7919 + i / 3) % 94) as u8))
                .collect()
        }),
        ("open brackets", |n| "(".repeat(n)),
        ("closing dots", |n| {
            format!("a{}", ". ".repeat(n / 2).replace(' ', ""))
        }),
        ("hyphen chain", |n| "a-".repeat(n / 2)),
        ("url-like chain", |n| {
            format!("http://{}com", "a.".repeat(n / 2))
        }),
        ("colons and ats", |n| "a:b@".repeat(n / 4)),
        ("quotes", |n| "'\"’”".repeat(n / 4)),
        ("one long word", |n| "x".repeat(n)),
    ];
    for (name, make) in kinds {
        let (small, large) = (make(10_000), make(100_000));
        check(&large, &tok.tokenize(&large)).expect("well-formed on garbage");
        let (ts, tl) = (time_of(tok, &small), time_of(tok, &large));
        eprintln!(
            "{name:<16} 10k chars {:>8.2} ms, 100k chars {:>8.2} ms",
            ts * 1e3,
            tl * 1e3
        );
        // Linear growth is 10x; quadratic would be 100x. Allow noise on a shared machine.
        assert!(
            tl < 35.0 * ts + 0.05,
            "{name}: {ts:.4}s for 10k chars but {tl:.4}s for 100k"
        );
        assert!(tl < 5.0, "{name}: {tl:.2}s for 100k characters");
    }
}
