//! Property tests: no tree and no dictionary makes the coder panic, and what it returns is
//! well formed (spans inside the text, on character boundaries; codes non-empty).
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use dyad_code::{Coder, CoderOptions, CommaLimits, Negation, Reported, SentenceInput};
use dyad_doc::Span;
use dyad_doc::parse::{EntIob, Labels, Parse, Pos, TokenRecord};
use dyad_lexicon::{
    Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_discards,
    parse_petrarch_issues, parse_petrarch_verbs,
};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Arnor",
    "Gondor",
    "attacked",
    "said",
    "not",
    "the",
    "government",
    "of",
    "and",
    ",",
    ".",
    "troops",
    "to",
    "wants",
    "was",
    "by",
    "it",
    "they",
    "who",
    "that",
    "aid",
    "provide",
    "with",
    "ties",
    "restore",
    "meet",
    "met",
    "é",
    "—",
    "al-Qaeda",
    "U.S.",
    "'s",
    "there",
    "were",
    "killed",
    "officials",
    "\u{1F600}",
    "",
    " ",
];
const DEPS: &[&str] = &[
    "ROOT",
    "nsubj",
    "nsubjpass",
    "dobj",
    "prep",
    "pobj",
    "agent",
    "xcomp",
    "ccomp",
    "advcl",
    "conj",
    "cc",
    "neg",
    "aux",
    "auxpass",
    "poss",
    "compound",
    "amod",
    "appos",
    "relcl",
    "acl",
    "attr",
    "expl",
    "prt",
    "dative",
    "case",
    "det",
    "punct",
    "garbage",
    "",
];
const TAGS: &[&str] = &[
    "NNP", "NN", "NNS", "VBD", "VB", "VBN", "VBG", "VBZ", "MD", "IN", "TO", "PRP", "WDT", "DT",
    "JJ", "RB", "CC", ",", ".", "POS", "XX", "",
];
const POS: &[&str] = &[
    "PROPN", "NOUN", "VERB", "AUX", "ADP", "PART", "PRON", "DET", "ADJ", "ADV", "CCONJ", "PUNCT",
    "X", "",
];

const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nAL-QAEDA [IMG]\n\
UNITED_STATES\n+U.S.\n\t[USA >20000101]\n\t[USAGOV 19900101-19991231]\nNOBODY [---]\n";
const AGENTS: &str = "GOVERNMENT [~GOV]\nTROOPS {} [~MIL]\nOFFICIAL [~GOV]\nMSF {} [NGO~]\n";
const VERBS: &str = "&CURR\n+AID\n+DOLLARS\n\
--- ATTACK [190] ---\nATTACK\n- + WAS * BY $ [191]\n- * &CURR [192]\n\
--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- % * [030:030]\n\
--- PROVIDE [070] ---\nPROVIDE\n- * (TO +) AID [071]\n- NOT * [---]\n\
--- WANT [030] ---\nWANT\n--- MEET [040:040] ---\nMEET {MET MEETS MEETING}\n\
~ a (b . ATTACK) SAY = a b 112\n~ a (_ b ATTACK) WANT = a b 138\n";

fn coder(verbs: &str, actors: &str, agents: &str, opts: CoderOptions) -> Coder {
    let lex = Lexicon {
        actors: parse_petrarch_actors(actors, "a").value,
        agents: parse_petrarch_agents(agents, "g").value,
        verbs: parse_petrarch_verbs(verbs, "v").value,
        discards: parse_petrarch_discards("WORLD CUP\n+TYPHOON\n", "d").value,
        issues: parse_petrarch_issues("<ISSUE CATEGORY=\"X\">\nAID [AID]\n</ISSUE>\n", "i").value,
    };
    Coder::new(Arc::new(LexiconIndex::new(lex)), opts)
}

/// A parse of random words with random heads, labels, tags and POS (heads may point
/// anywhere, outside the sentence too), split into random sentences.
fn random_parse(
    toks: &[(usize, usize, usize, usize, usize, bool)],
    cuts: &[usize],
) -> (String, Parse) {
    let mut labels = Labels::default();
    let mut text = String::new();
    let mut records = Vec::new();
    let n = toks.len();
    for &(w, h, d, t, p, bad_span) in toks {
        let word = WORDS[w % WORDS.len()];
        let start = text.len();
        text.push_str(word);
        let end = text.len();
        text.push(' ');
        let span = if bad_span {
            // Out of the text, or inside a character.
            Span::new(start + 1, end + 7)
        } else {
            Span::new(start, end)
        };
        records.push(TokenRecord {
            span,
            whitespace: true,
            tag: labels.intern(TAGS[t % TAGS.len()]),
            pos: Pos::from_name(POS[p % POS.len()]),
            morph: 0,
            lemma: word.to_lowercase(),
            head: h % (n + 3),
            dep: labels.intern(DEPS[d % DEPS.len()]),
            ent_iob: EntIob::Missing,
            ent_type: 0,
        });
    }
    let mut sents = Vec::new();
    let mut start = 0;
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (n + 1)).collect();
    cuts.sort_unstable();
    for c in cuts {
        if c > start {
            sents.push(start..c);
            start = c;
        }
    }
    if start < n || sents.is_empty() {
        sents.push(start..n);
    }
    (
        text,
        Parse::new(records, sents, Vec::new(), Arc::new(labels)),
    )
}

fn check(coder: &Coder, text: &str, parse: &Parse) {
    let coding = coder.code_parse(text, parse, Some(jiff::civil::date(2001, 1, 1)));
    let mut traces = Vec::new();
    let traced = coder.code_parse_traced(text, parse, None, Some(&mut traces));
    for t in &traces {
        let _ = t.render();
    }
    assert_eq!(traces.len(), parse.sents().len());
    for e in coding.events.iter().chain(&traced.events) {
        assert!(!e.code.is_empty());
        for span in [e.verb.span, e.sentence_span]
            .into_iter()
            .chain(e.source.iter().map(|a| a.span))
            .chain(e.target.iter().map(|a| a.span))
        {
            assert!(span.start <= span.end);
        }
        assert!((0.0..=1.0).contains(&e.confidence));
    }
    // One sentence at a time, with any token range, clamped.
    for (i, r) in parse.sents().iter().enumerate() {
        let input = SentenceInput {
            text,
            parse,
            tokens: r.start..r.end + 5,
            sentence_index: i as u32,
            date: None,
        };
        let _ = coder.code_sentence(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_trees_never_panic(
        toks in proptest::collection::vec(
            (0usize..100, 0usize..100, 0usize..100, 0usize..100, 0usize..100, proptest::bool::weighted(0.05)),
            0..40,
        ),
        cuts in proptest::collection::vec(0usize..50, 0..4),
        require_dyad in any::<bool>(),
        comma in any::<bool>(),
        new_actor in 0usize..5,
        pick in 0usize..3,
    ) {
        let opts = CoderOptions {
            require_dyad,
            comma: if comma { CommaLimits::PETRARCH } else { CommaLimits::OFF },
            new_actor_length: new_actor,
            negation: [Negation::Opposite, Negation::Flag, Negation::Drop][pick],
            reported_events: [Reported::Never, Reported::Untransformed, Reported::Always][pick],
            ..CoderOptions::default()
        };
        let c = coder(VERBS, ACTORS, AGENTS, opts);
        let (text, parse) = random_parse(&toks, &cuts);
        check(&c, &text, &parse);
    }

    #[test]
    fn random_dictionaries_never_panic(
        verbs in "(\\PC|\n|\t|[-+*%$^&{}()\\[\\]_~=:#<>])*",
        actors in "(\\PC|\n|\t|[\\[\\]+_<>-])*",
        agents in "(\\PC|\n|[\\[\\]~{}!=,_])*",
        toks in proptest::collection::vec(
            (0usize..100, 0usize..100, 0usize..100, 0usize..100, 0usize..100, Just(false)),
            0..25,
        ),
    ) {
        let c = coder(&verbs, &actors, &agents, CoderOptions::default());
        let (text, parse) = random_parse(&toks, &[]);
        check(&c, &text, &parse);
        // And random dictionary lines glued to working ones.
        let c = coder(&format!("{VERBS}{verbs}"), &format!("{ACTORS}{actors}"), AGENTS, CoderOptions::default());
        check(&c, &text, &parse);
    }
}

#[test]
fn empty_and_garbage_inputs() {
    let c = coder(VERBS, ACTORS, AGENTS, CoderOptions::default());
    let (text, parse) = random_parse(&[], &[]);
    check(&c, &text, &parse);
    // A parse whose spans do not fit its text at all.
    let (_, parse) = random_parse(&[(0, 1, 1, 3, 2, false), (2, 1, 0, 3, 2, false)], &[]);
    check(&c, "", &parse);
    check(&c, "é", &parse);
}
