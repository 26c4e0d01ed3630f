//! The coder's rules on trees stated by hand (as spaCy's small English model parses these
//! sentences), with small dictionaries: one test per phenomenon.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use dyad_code::conllu::parse_conllu;
use dyad_code::{CodeStage, Coder, CoderOptions, Negation, Reported, SentenceInput};
use dyad_doc::{Doc, Parse, Stage};
use dyad_lexicon::{
    Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_discards,
    parse_petrarch_issues, parse_petrarch_verbs,
};

const ACTORS: &str = "\
ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
ROHAN [ROH]
MORDOR [PRK]
KIM_IL_SUNG [ARN]
RICHARD_NIXON
+NIXON
\t[USAGOV 19690120-19740809]
\t[USAELI 19740809-19940101]
";
const AGENTS: &str = "\
TROOPS {} [~MIL]
FOREIGN_MINISTER [~GOVFRM]
OFFICIAL [~GOV]
LEADER [~GOV]
";
const VERBS: &str = "\
--- ATTACK [190] ---
ATTACK
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- PROVIDE [070] ---
PROVIDE
- * AID (TO +) [073]
--- HELP [060] ---
HELP
--- PLEDGE [030] ---
PLEDGE
--- MEET [040] ---
MEET {MEETS MET MEETING}
--- VISIT [042:043] ---
VISIT
- + WAS * BY $ [041]
~ a (b . ATTACK) SAY = a b 112
";

fn coder_with(opts: CoderOptions) -> Coder {
    coder_with_verbs(VERBS, opts)
}

fn coder_with_verbs(verbs: &str, opts: CoderOptions) -> Coder {
    let lex = Lexicon {
        actors: parse_petrarch_actors(ACTORS, "actors.txt").value,
        agents: parse_petrarch_agents(AGENTS, "agents.txt").value,
        verbs: parse_petrarch_verbs(verbs, "verbs.txt").value,
        discards: parse_petrarch_discards("WORLD CUP\n+TYPHOON\n", "discards.txt").value,
        issues: parse_petrarch_issues(
            "<ISSUE CATEGORY=\"AID\">\nAID [HUMANITARIAN]\n</ISSUE>\n",
            "issues.txt",
        )
        .value,
    };
    Coder::new(Arc::new(LexiconIndex::new(lex)), opts)
}

fn coder() -> Coder {
    coder_with(CoderOptions::default())
}

/// A tree from `word[=lemma]/TAG/head/dep` items (heads 1-based, 0 for the root); `||`
/// starts a new sentence.
fn tree(spec: &str) -> (String, Parse) {
    let mut src = String::new();
    for sentence in spec.split("||") {
        sentence_rows(sentence, &mut src);
        src.push('\n');
    }
    parse_conllu(&src).unwrap()
}

fn sentence_rows(spec: &str, src: &mut String) {
    let items: Vec<&str> = spec.split_whitespace().collect();
    for (i, item) in items.iter().enumerate() {
        let parts: Vec<&str> = item.split('/').collect();
        let (word, lemma) = parts[0].split_once('=').unwrap_or((parts[0], parts[0]));
        let tag = parts[1];
        let pos = match tag {
            t if t.starts_with("VB") => "VERB",
            "NNP" | "NNPS" => "PROPN",
            t if t.starts_with("NN") => "NOUN",
            "IN" => "ADP",
            "TO" => "PART",
            "PRP" | "WP" => "PRON",
            "CC" => "CCONJ",
            "MD" => "AUX",
            "DT" | "WDT" => "DET",
            "JJ" => "ADJ",
            "RB" => "ADV",
            "POS" => "PART",
            _ => "PUNCT",
        };
        let next_punct = items
            .get(i + 1)
            .is_some_and(|n| n.starts_with('.') || n.starts_with(',') || n.starts_with('\''));
        let misc = if next_punct { "SpaceAfter=No" } else { "_" };
        src.push_str(&format!(
            "{}\t{word}\t{}\t{pos}\t{tag}\t_\t{}\t{}\t_\t{misc}\n",
            i + 1,
            lemma.to_lowercase(),
            parts[2],
            parts[3]
        ));
    }
}

/// (source, target, code) of every event of the text.
fn code(c: &Coder, spec: &str) -> Vec<(String, String, String)> {
    let (text, parse) = tree(spec);
    let coding = c.code_parse(&text, &parse, Some(jiff::civil::date(1972, 2, 21)));
    let mut out: Vec<(String, String, String)> = coding
        .events
        .iter()
        .map(|e| {
            (
                e.source.as_ref().map_or("-".into(), |a| a.code.clone()),
                e.target.as_ref().map_or("-".into(), |a| a.code.clone()),
                e.code.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn ev(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

const SVO: &str = "Arnor/NNP/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj ././2/punct";

#[test]
fn subject_verb_object() {
    assert_eq!(code(&coder(), SVO), [ev("ARN", "GON", "190")]);
}

#[test]
fn passive_source_is_the_by_phrase() {
    let s = "Gondor/NNP/3/nsubjpass was=be/VBD/3/auxpass attacked=attack/VBN/0/ROOT \
             by/IN/3/agent Arnor/NNP/4/pobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "190")]);
}

#[test]
fn negation_takes_the_opposite_code() {
    // HELP 060 (material cooperation) negated is 121 (reject material cooperation).
    let s = "Arnor/NNP/4/nsubj did=do/VBD/4/aux not/RB/4/neg help/VB/0/ROOT Gondor/NNP/4/dobj ././4/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "121")]);
    let dropped = coder_with(CoderOptions {
        negation: Negation::Drop,
        ..CoderOptions::default()
    });
    assert!(code(&dropped, s).is_empty());
    let flagged = coder_with(CoderOptions {
        negation: Negation::Flag,
        ..CoderOptions::default()
    });
    let (text, parse) = tree(s);
    let e = flagged.code_parse(&text, &parse, None).events;
    assert_eq!((e[0].code.as_str(), e[0].negated), ("060", true));
}

#[test]
fn patterns_place_the_target() {
    // PROVIDE's `* AID (TO +)`: the target is the object of "to".
    let s = "Arnor/NNP/2/nsubj provided=provide/VBD/0/ROOT aid/NN/2/dobj to/IN/2/dative \
             Gondor/NNP/4/pobj ././2/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "073")]);
}

#[test]
fn intention_combines_codes() {
    // PLEDGE (030) + PROVIDE AID (073) = intend to provide humanitarian aid (0333).
    let s = "Arnor/NNP/2/nsubj pledged=pledge/VBD/0/ROOT to/TO/4/aux provide/VB/2/xcomp \
             aid/NN/4/dobj to/IN/4/dative Gondor/NNP/6/pobj ././2/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "0333")]);
}

#[test]
fn will_announces_an_act() {
    // "will attack" is a threat of force (138), "will provide aid" an intention (0333).
    let s = "Arnor/NNP/3/nsubj will/MD/3/aux attack/VB/0/ROOT Gondor/NNP/3/dobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "138")]);
    let s = "Arnor/NNP/3/nsubj will/MD/3/aux provide/VB/0/ROOT aid/NN/3/dobj to/IN/3/dative \
             Gondor/NNP/5/pobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "0333")]);
    // "could" is no intention.
    let s = "Arnor/NNP/3/nsubj could/MD/3/aux attack/VB/0/ROOT Gondor/NNP/3/dobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "190")]);
    let off = coder_with(CoderOptions {
        modal_intent: false,
        ..CoderOptions::default()
    });
    let s = "Arnor/NNP/3/nsubj will/MD/3/aux attack/VB/0/ROOT Gondor/NNP/3/dobj ././3/punct";
    assert_eq!(code(&off, s), [ev("ARN", "GON", "190")]);
}

#[test]
fn domestic_actors_take_the_sole_country() {
    // Mordor (PRK) is the only country named: the officials are Mordor's.
    let s =
        "Officials=official/NNS/2/nsubj attacked=attack/VBD/0/ROOT Mordor/NNP/2/dobj ././2/punct";
    assert_eq!(code(&coder(), s), [ev("PRKGOV", "PRK", "190")]);
    let off = coder_with(CoderOptions {
        domestic_country: false,
        ..CoderOptions::default()
    });
    assert_eq!(code(&off, s), [ev("---GOV", "PRK", "190")]);
}

#[test]
fn reported_speech_goes_through_the_transformation() {
    let s = "Arnor/NNP/2/nsubj said=say/VBD/0/ROOT Gondor/NNP/4/nsubj attacked=attack/VBD/2/ccomp \
             Rohan/NNP/4/dobj ././2/punct";
    // a (b . ATTACK) SAY = a b 112: Arnor accuses Gondor.
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "112")]);
    let always = coder_with(CoderOptions {
        reported_events: Reported::Always,
        ..CoderOptions::default()
    });
    assert_eq!(
        code(&always, s),
        [ev("ARN", "GON", "112"), ev("GON", "ROH", "190")]
    );
}

#[test]
fn attribution_after_the_report_is_not_combined() {
    let s = "Gondor/NNP/2/nsubj attacked=attack/VBD/6/ccomp Rohan/NNP/2/dobj ,/,/6/punct \
             Arnor/NNP/6/nsubj said=say/VBD/0/ROOT ././6/punct";
    assert_eq!(code(&coder(), s), [ev("GON", "ROH", "190")]);
}

#[test]
fn compound_subject_of_a_cooperative_code_pairs_up() {
    let s = "Arnor/NNP/4/nsubj and/CC/1/cc Gondor/NNP/1/conj met=meet/VBD/0/ROOT ././4/punct";
    assert_eq!(
        code(&coder(), s),
        [ev("ARN", "GON", "040"), ev("GON", "ARN", "040")]
    );
    // Not for a conflict code.
    let s =
        "Arnor/NNP/4/nsubj and/CC/1/cc Gondor/NNP/1/conj attacked=attack/VBD/0/ROOT ././4/punct";
    assert!(code(&coder(), s).is_empty());
}

#[test]
fn compound_objects_give_one_event_each() {
    let s = "Arnor/NNP/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj and/CC/3/cc \
             Rohan/NNP/3/conj ././2/punct";
    assert_eq!(
        code(&coder(), s),
        [ev("ARN", "GON", "190"), ev("ARN", "ROH", "190")]
    );
}

#[test]
fn agents_attach_to_actors() {
    // Adjective + agent.
    let s = "Arnorian/JJ/2/amod troops/NNS/3/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/3/dobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARNMIL", "GON", "190")]);
    // Agent with a prepositional phrase naming the country.
    let s = "Troops/NNS/4/nsubj in/IN/1/prep Arnor/NNP/2/pobj attacked=attack/VBD/0/ROOT \
             Gondor/NNP/4/dobj ././4/punct";
    assert_eq!(code(&coder(), s), [ev("ARNMIL", "GON", "190")]);
    // Possessor and a two-word agent.
    let s = "Arnor/NNP/4/poss 's/POS/1/case foreign/JJ/4/amod minister/NN/5/nsubj \
             attacked=attack/VBD/0/ROOT Gondor/NNP/5/dobj ././5/punct";
    assert_eq!(code(&coder(), s), [ev("ARNGOVFRM", "GON", "190")]);
    // An agent alone.
    let s =
        "Officials=official/NNS/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj ././2/punct";
    assert_eq!(code(&coder(), s), [ev("---GOV", "GON", "190")]);
}

#[test]
fn apposition_refines_the_head() {
    let s = "Kim/NNP/3/compound Il/NNP/3/compound Sung/NNP/10/nsubj ,/,/3/punct \
             Arnor/NNP/7/poss 's/POS/5/case leader/NN/3/appos ,/,/3/punct \
             then/RB/10/advmod attacked=attack/VBD/0/ROOT Gondor/NNP/10/dobj ././10/punct";
    assert_eq!(code(&coder(), s), [ev("ARNGOV", "GON", "190")]);
}

#[test]
fn actor_codes_follow_the_date() {
    let s = "Nixon/NNP/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj ././2/punct";
    let c = coder();
    let (text, parse) = tree(s);
    let on = |y, m, d| {
        c.code_parse(&text, &parse, Some(jiff::civil::date(y, m, d)))
            .events
            .first()
            .and_then(|e| e.source.as_ref().map(|a| a.code.clone()))
    };
    assert_eq!(on(1972, 2, 21).as_deref(), Some("USAGOV"));
    assert_eq!(on(1980, 1, 1).as_deref(), Some("USAELI"));
    assert_eq!(on(1960, 1, 1), None, "no code before his first period");
}

#[test]
fn passive_pattern_with_slots() {
    // VISIT `+ WAS * BY $` [041]: "Gondor was visited by Arnor".
    let s = "Gondor/NNP/3/nsubjpass was=be/VBD/3/auxpass visited=visit/VBN/0/ROOT \
             by/IN/3/agent Arnor/NNP/4/pobj ././3/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "GON", "041")]);
}

#[test]
fn reverse_codes_give_the_reverse_event() {
    let s = "Arnor/NNP/2/nsubj visited=visit/VBD/0/ROOT Gondor/NNP/2/dobj ././2/punct";
    assert_eq!(
        code(&coder(), s),
        [ev("ARN", "GON", "042"), ev("GON", "ARN", "043")]
    );
}

#[test]
fn relative_clauses_are_background() {
    let s = "Arnor/NNP/2/nsubj met=meet/VBD/0/ROOT Rohan/NNP/2/dobj ,/,/3/punct \
             which/WDT/6/nsubj attacked=attack/VBD/3/relcl Gondor/NNP/6/dobj ././2/punct";
    assert_eq!(code(&coder(), s), [ev("ARN", "ROH", "040")]);
    let all = coder_with(CoderOptions {
        noun_clauses: true,
        ..CoderOptions::default()
    });
    assert_eq!(
        code(&all, s),
        [ev("ARN", "ROH", "040"), ev("ROH", "GON", "190")]
    );
}

#[test]
fn require_dyad_filters_one_sided_events() {
    let s = "Arnor/NNP/2/nsubj attacked=attack/VBD/0/ROOT ././2/punct";
    assert!(code(&coder(), s).is_empty());
    let open = coder_with(CoderOptions {
        require_dyad: false,
        ..CoderOptions::default()
    });
    assert_eq!(code(&open, s), [ev("ARN", "-", "190")]);
}

#[test]
fn discards_drop_sentences_and_stories() {
    let c = coder();
    let s = "Arnor/NNP/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj at/IN/2/prep \
             the/DT/7/det World/NNP/7/compound Cup/NNP/7/compound final/NN/4/pobj ././2/punct";
    assert!(code(&c, s).is_empty());
    // PETRARCH matches whole whitespace-separated words: "Cup." is not "Cup".
    let s = "Arnor/NNP/2/nsubj attacked=attack/VBD/0/ROOT Gondor/NNP/2/dobj at/IN/2/prep \
             the/DT/6/det World/NNP/6/compound Cup/NNP/4/pobj ././2/punct";
    assert_eq!(code(&c, s).len(), 1);
    let tokens = coder_with(CoderOptions {
        discard_whole_words: false,
        ..CoderOptions::default()
    });
    assert!(code(&tokens, s).is_empty());
    let (text, parse) = tree(&format!(
        "{SVO} || A/DT/2/det typhoon/NN/3/nsubj hit=hit/VBD/0/ROOT ././3/punct"
    ));
    assert_eq!(parse.sents().len(), 2);
    let coding = c.code_parse(&text, &parse, None);
    assert!(coding.story_discarded);
    assert!(coding.events.is_empty());
    assert_eq!(
        coding.suppressed.len(),
        1,
        "the first sentence's event was dropped"
    );
}

#[test]
fn explanation_names_entries_and_outcomes() {
    let c = coder();
    let (text, parse) = tree(
        "Arnor/NNP/2/nsubj provided=provide/VBD/0/ROOT aid/NN/2/dobj to/IN/2/dative \
         Gondor/NNP/4/pobj ././2/punct",
    );
    let mut traces = Vec::new();
    c.code_parse_traced(&text, &parse, None, Some(&mut traces));
    let text = traces[0].render();
    assert!(text.contains("actor \"Arnor\""), "{text}");
    assert!(text.contains("actors.txt:1"), "{text}");
    assert!(
        text.contains("verbs.txt:7 (- * AID (TO +) [073]) -> matched"),
        "{text}"
    );
    assert!(text.contains("EVENT: ARN"), "{text}");
    let json = serde_json::to_string(&traces[0]).unwrap();
    assert!(json.contains("\"verbs\""));
}

#[test]
fn contract_events_for_cameo_codes_only() {
    let c = coder();
    let (text, parse) = tree(SVO);
    let mut doc = Doc::new("d1", jiff::civil::date(2024, 6, 19), text.clone());
    let coding = c.code_parse(&text, &parse, Some(doc.pub_date));
    let e = coding.events[0].to_event(&doc).unwrap();
    assert_eq!(e.cameo.as_str(), "190");
    assert_eq!(e.cameo_root.as_str(), "19");
    assert_eq!(e.quad_class.number(), 4);
    assert!(e.goldstein < 0.0);
    assert!(!e.plover.event.is_empty());
    assert_eq!(e.source.as_ref().unwrap().span, [0, 5]);
    assert_eq!(e.verb.text, "attacked");
    assert_eq!(e.rule, "verbs.txt:2", "the ATTACK line");
    assert_eq!(e.event_id, coding.events[0].id("d1"));
    // A code that is no CAMEO code stays internal.
    let mut other = coding.events[0].clone();
    other.code = "075A".into();
    assert!(other.to_event(&doc).is_none());
    // The stage fills the events from the parse.
    let stage = CodeStage::new(Arc::new(c));
    assert!(stage.run(&mut doc).is_err(), "no parse yet");
    doc.parse = Some(parse);
    stage.run(&mut doc).unwrap();
    assert_eq!(doc.events.as_ref().unwrap().len(), 1);
    assert_eq!(doc.events.as_ref().unwrap()[0], e);
}

#[test]
fn one_event_per_story() {
    let (text, parse) = tree(&format!("{SVO} || {SVO}"));
    let c = coder();
    assert_eq!(c.code_parse(&text, &parse, None).events.len(), 1);
    let all = coder_with(CoderOptions {
        one_per_story: false,
        ..CoderOptions::default()
    });
    let coding = all.code_parse(&text, &parse, None);
    assert_eq!(coding.events.len(), 2);
    assert_ne!(coding.events[0].id("d"), coding.events[1].id("d"));
    let _ = SentenceInput {
        text: &text,
        parse: &parse,
        tokens: 0..1,
        sentence_index: 0,
        date: None,
    };
}

#[test]
fn issues_tag_the_events() {
    let c = coder();
    let (text, parse) = tree(
        "Arnor/NNP/2/nsubj provided=provide/VBD/0/ROOT aid/NN/2/dobj to/IN/2/dative \
         Gondor/NNP/4/pobj ././2/punct",
    );
    let e = c.code_parse(&text, &parse, None).events;
    assert_eq!(e[0].issues, ["HUMANITARIAN"]);
    let (text, parse) = tree(SVO);
    assert!(
        c.code_parse(&text, &parse, None).events[0]
            .issues
            .is_empty()
    );
}

#[test]
fn coder_is_shared_across_threads() {
    fn check<T: Send + Sync>() {}
    check::<Coder>();
    check::<CodeStage>();
    let c = Arc::new(coder());
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let c = c.clone();
            std::thread::spawn(move || code(&c, SVO))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), [ev("ARN", "GON", "190")]);
    }
}

/// The verbs of [`VERBS`] and a few more, for dyad's own readings (`modal_intent`,
/// `domestic_country`).
fn reading_coder(opts: CoderOptions) -> Coder {
    let verbs = format!(
        "{VERBS}\
--- THREATEN [130] ---
THREATEN
--- BAN [172] ---
BAN
--- REFUSE [120] ---
REFUSE
--- DEMAND [100] ---
DEMAND
--- PROTEST [140] ---
PROTEST
--- KILL [190] ---
KILL
- * + [190]
"
    );
    coder_with_verbs(&verbs, opts)
}

fn petrarch_reading() -> CoderOptions {
    CoderOptions {
        modal_intent: false,
        domestic_country: false,
        ..CoderOptions::default()
    }
}

#[test]
fn a_threat_verb_announces_its_complement() {
    let s = "Arnor/NNP/2/nsubj threatened=threaten/VBD/0/ROOT to/TO/4/aux ban/VB/2/xcomp \
             Gondor/NNP/4/dobj ././2/punct";
    // "threatened to ban": the threat form of the ban (132), not the ban itself.
    assert_eq!(
        code(&reading_coder(CoderOptions::default()), s),
        [ev("ARN", "GON", "132")]
    );
    // PETRARCH's algebra keeps the larger code: the ban.
    assert_eq!(
        code(&reading_coder(petrarch_reading()), s),
        [ev("ARN", "GON", "172")]
    );
}

#[test]
fn readiness_announces_and_unless_threatens() {
    let c = reading_coder(CoderOptions::default());
    // "is willing to help": intent to cooperate materially (031).
    let s = "Arnor/NNP/2/nsubj is=be/VBZ/0/ROOT willing/JJ/2/acomp to/TO/5/aux help/VB/3/xcomp \
             Gondor/NNP/5/dobj ././2/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "031")]);
    // "will help Gondor unless Rohan attacks": a conditional promise is a threat (130).
    let s = "Arnor/NNP/3/nsubj will/MD/3/aux help/VB/0/ROOT Gondor/NNP/3/dobj unless/IN/7/mark \
             Rohan/NNP/7/nsubj attacks=attack/VBZ/3/advcl ././3/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "130")]);
    // Without a condition it stays an intention.
    let s = "Arnor/NNP/3/nsubj will/MD/3/aux help/VB/0/ROOT Gondor/NNP/3/dobj ././3/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "031")]);
}

#[test]
fn refusing_or_failing_an_act_is_its_rejection() {
    let c = reading_coder(CoderOptions::default());
    // REFUSE (120) governing HELP (060): the refusal of material cooperation (121).
    let s = "Arnor/NNP/2/nsubj refused=refuse/VBD/0/ROOT to/TO/4/aux help/VB/2/xcomp \
             Gondor/NNP/4/dobj ././2/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "121")]);
    // PETRARCH's algebra keeps the act it refuses.
    assert_eq!(
        code(&reading_coder(petrarch_reading()), s),
        [ev("ARN", "GON", "060")]
    );
    // "failed to help": the help did not happen (negation, 121).
    let s = "Arnor/NNP/2/nsubj failed=fail/VBD/0/ROOT to/TO/4/aux help/VB/2/xcomp \
             Gondor/NNP/4/dobj ././2/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "121")]);
}

#[test]
fn a_demand_is_addressed_and_its_clause_is_not_done() {
    let c = reading_coder(CoderOptions::default());
    // "demanded that Gondor attack Rohan": Arnor's demand of Gondor; no attack happened.
    let s = "Arnor/NNP/2/nsubj demanded=demand/VBD/0/ROOT that/IN/5/mark Gondor/NNP/5/nsubj \
             attack/VB/2/ccomp Rohan/NNP/5/dobj ././2/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "100")]);
    // "said Gondor must help Rohan": a demand of Gondor (100).
    let s = "Arnor/NNP/2/nsubj said=say/VBD/0/ROOT Gondor/NNP/5/nsubj must/MD/5/aux \
             help/VB/2/ccomp Rohan/NNP/5/dobj ././2/punct";
    assert_eq!(code(&c, s), [ev("ARN", "GON", "100")]);
}

#[test]
fn a_passive_pattern_target_is_not_taken_from_its_phrases() {
    let c = reading_coder(CoderOptions {
        require_dyad: false,
        ..CoderOptions::default()
    });
    // KILL's `* +` must not take "Rohan" from "outside Rohan": the victims are the subject.
    let s = "Gondor/NNP/2/compound troops=troop/NNS/4/nsubjpass were=be/VBD/4/auxpass \
             killed=kill/VBN/0/ROOT by/IN/4/agent a/DT/7/det bomb/NN/5/pobj outside/IN/4/prep \
             Rohan/NNP/8/pobj ././4/punct";
    assert_eq!(code(&c, s), [ev("-", "GONMIL", "190")]);
}

#[test]
fn a_protest_with_no_target_is_addressed_to_the_government() {
    // Mordor is coded PRK here: the rule needs a real country.
    let s = "Mordor/NNP/2/compound troops=troop/NNS/3/nsubj protested=protest/VBD/0/ROOT \
             ././3/punct";
    assert_eq!(
        code(&reading_coder(CoderOptions::default()), s),
        [ev("PRKMIL", "PRKGOV", "140")]
    );
    assert!(code(&reading_coder(petrarch_reading()), s).is_empty());
}
