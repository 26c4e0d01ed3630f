//! No input panics the readers, the index, the lookup or the linter.
#![allow(clippy::unwrap_used)]

use dyad_lexicon::{
    Lexicon, LexiconIndex, check, parse_petrarch_actors, parse_petrarch_agents,
    parse_petrarch_discards, parse_petrarch_issues, parse_petrarch_verbs,
};
use proptest::prelude::*;

fn everything(text: &str) {
    let verbs = parse_petrarch_verbs(text, "v");
    let actors = parse_petrarch_actors(text, "a");
    let agents = parse_petrarch_agents(text, "g");
    let discards = parse_petrarch_discards(text, "d");
    let issues = parse_petrarch_issues(text, "i");
    for d in verbs
        .diagnostics
        .iter()
        .chain(&actors.diagnostics)
        .chain(&agents.diagnostics)
        .chain(&discards.diagnostics)
        .chain(&issues.diagnostics)
    {
        assert!(d.line as usize <= text.lines().count().max(1));
    }
    let lex = Lexicon {
        verbs: verbs.value,
        actors: actors.value,
        agents: agents.value,
        discards: discards.value,
        issues: issues.value,
    };
    let _ = check(&lex);
    let index = LexiconIndex::new(lex);
    let _ = index.lookup(text, Some(jiff::civil::date(2000, 1, 1)));
    let seq = index.keys(text.split_whitespace());
    let _ = index.actors.find_all(&seq);
    let _ = index.agents.find_all(&seq);
    let _ = index.issues.find_all(&seq);
    for &w in seq.ids() {
        for v in index.verbs.candidates(w, w) {
            for p in index.verbs.patterns(v) {
                let _ = index.lexicon().pattern(p.id).unwrap();
            }
        }
    }
}

/// Lines built from the dictionaries' syntax.
fn dictionary_text() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "---",
        "- ",
        "* ",
        "&SYN",
        "&SYN_",
        "+",
        "$",
        "%",
        "^",
        "_",
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        "~",
        "~~",
        "!X!",
        "!X! = A, B",
        "=",
        ":",
        "#",
        "<!--",
        "-->",
        "<ISSUE CATEGORY=\"C\">",
        "</ISSUE>",
        "n:",
        "v:",
        "19690120-19740809",
        "<950601",
        ">2004017",
        "042:043",
        "USAGOV",
        "~GOV",
        "NGO~",
        "AL-QAEDA",
        "U.S.",
        "'S",
        "a (b . Q) SAY = a b Q",
        " ",
        "\t",
        "\n",
        "\n",
        "é",
        "\u{2019}",
    ])
    .prop_map(str::to_owned);
    let piece = prop_oneof![8 => fixed, 1 => "[A-Z]{1,8}", 1 => "[0-9]{1,10}"];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn structured_text_never_panics(text in dictionary_text()) {
        everything(&text);
    }

    #[test]
    fn any_text_never_panics(text in any::<String>()) {
        everything(&text);
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        everything(&text);
    }
}

#[test]
fn invalid_utf8_file_is_reported() {
    let dir = std::env::temp_dir().join(format!("dyad-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("bad.actors.txt");
    std::fs::write(&p, b"GOOD [USA]\nBAD\xff\xfe [FRA]\n").unwrap();
    let r = dyad_lexicon::read_petrarch_actors(&p).unwrap();
    assert_eq!(r.value.len(), 2);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].line, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn huge_line_and_deep_nesting() {
    let deep = format!(
        "--- A [010] ---\nA\n- * {}X{} [010]\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    everything(&deep);
    let long = format!("{} [USA]\n", "WORD_".repeat(100_000));
    let r = parse_petrarch_actors(&long, "a");
    assert_eq!(r.value[0].names[0].words.len(), 100_000);
    let nested = "&A\n+&B\n&B\n+&A\n--- X [010] ---\nX\n- * &A [010]\n";
    everything(nested);
}
