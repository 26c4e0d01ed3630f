//! The tree rules on hand-built parses, with a small table standing in for the gazetteer.

use std::collections::HashMap;
use std::ops::Range;

use dyad_code::conllu::parse_conllu;
use dyad_doc::{ActorRef, Dateline, Doc, Event, Mention, PloverCode, Span};
use dyad_geo::{Context, Place, PlaceKind};
use dyad_ontology::{Cameo, DateBasis, PartialDate, Precision};

use crate::locate::locate;
use crate::resolver::Resolver;
use crate::{EventPlace, PlaceBasis, PlaceOptions};

/// A few places, and the one ambiguity the tests need: Paris is the French capital unless the
/// United States or Texas is around. "Springfield" is known but never sure.
struct Table {
    places: HashMap<&'static str, Place>,
}

fn place(name: &str, country: &str, kind: PlaceKind, lat: f64, lon: f64, pop: u64) -> Place {
    Place {
        name: name.into(),
        country: Some(country.into()),
        admin1: None,
        lat,
        lon,
        kind,
        population: (pop > 0).then_some(pop),
        geonameid: None,
    }
}

impl Table {
    fn new() -> Table {
        use PlaceKind::*;
        let mut places = HashMap::new();
        for (key, p) in [
            ("geneva", place("Geneva", "CHE", City, 46.2, 6.15, 180_000)),
            (
                "donetsk",
                place("Donetsk", "UKR", City, 48.0, 37.8, 1_000_000),
            ),
            ("doha", place("Doha", "QAT", City, 25.29, 51.53, 340_000)),
            (
                "beijing",
                place("Beijing", "CHN", City, 39.9, 116.4, 18_000_000),
            ),
            ("kyiv", place("Kyiv", "UKR", City, 50.45, 30.52, 2_800_000)),
            ("lviv", place("Lviv", "UKR", City, 49.84, 24.03, 700_000)),
            (
                "moscow",
                place("Moscow", "RUS", City, 55.75, 37.62, 10_000_000),
            ),
            ("russia", place("Russia", "RUS", Country, 60.0, 100.0, 0)),
            ("ukraine", place("Ukraine", "UKR", Country, 49.0, 32.0, 0)),
            ("iran", place("Iran", "IRN", Country, 32.0, 53.0, 0)),
            (
                "eastern ukraine",
                place("Ukraine", "UKR", Country, 49.0, 32.0, 0),
            ),
            (
                "kherson region",
                place("Kherson Oblast", "UKR", Admin1, 46.6, 33.4, 0),
            ),
            (
                "kherson",
                place("Kherson", "UKR", City, 46.64, 32.6, 300_000),
            ),
            (
                "pyongyang",
                place("Pyongyang", "PRK", City, 39.03, 125.75, 3_000_000),
            ),
            (
                "hanoi",
                place("Hanoi", "VNM", City, 21.03, 105.85, 1_400_000),
            ),
            ("texas", {
                let mut p = place("Texas", "USA", Admin1, 31.0, -100.0, 0);
                p.admin1 = Some("TX".into());
                p
            }),
            (
                "smallville",
                place("Smallville", "GBR", City, 51.0, 0.0, 5_000),
            ),
            (
                "tripoli",
                place("Tripoli", "LBY", City, 32.89, 13.19, 1_300_000),
            ),
            (
                "atlantic",
                place("Atlantic", "USA", City, 41.4, -95.0, 7_000),
            ),
            (
                "kabul",
                place("Kabul", "AFG", City, 34.53, 69.17, 3_000_000),
            ),
            (
                "u.s.",
                place("United States", "USA", Country, 39.8, -98.5, 0),
            ),
            ("red sea", {
                let mut p = place("Red Sea", "", Region, 20.0, 38.5, 0);
                p.country = None;
                p
            }),
        ] {
            places.insert(key, p);
        }
        Table { places }
    }

    fn key(name: &str) -> String {
        let lower = name.trim().to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_owned()
    }
}

impl Resolver for Table {
    fn resolve(&self, name: &str, ctx: &Context) -> Option<Place> {
        let k = Table::key(name);
        if k == "springfield" {
            return None;
        }
        if k == "paris" || k == "paris, texas" {
            let texan = k.ends_with("texas")
                || ctx.admin1s.iter().any(|(c, a)| c == "USA" && a == "TX")
                || ctx.sentence_countries.iter().any(|c| c == "USA");
            let mut p = if texan {
                place("Paris", "USA", PlaceKind::City, 33.66, -95.56, 25_000)
            } else {
                place("Paris", "FRA", PlaceKind::City, 48.85, 2.35, 2_100_000)
            };
            if texan {
                p.admin1 = Some("TX".into());
            }
            return Some(p);
        }
        self.places.get(k.as_str()).cloned()
    }

    fn resolve_spans(
        &self,
        text: &str,
        spans: &[Range<usize>],
        ctx: &Context,
    ) -> Vec<Option<Place>> {
        let names: Vec<&str> = spans
            .iter()
            .map(|r| text.get(r.clone()).unwrap_or(""))
            .collect();
        let first: Vec<Option<Place>> = names.iter().map(|n| self.resolve(n, ctx)).collect();
        (0..names.len())
            .map(|i| {
                let mut c = ctx.clone();
                for (j, p) in first.iter().enumerate() {
                    if let (true, Some(p)) = (i != j, p) {
                        c.sentence_countries.extend(p.country.clone());
                        if let (Some(country), Some(a)) = (&p.country, &p.admin1) {
                            c.admin1s.push((country.clone(), a.clone()));
                        }
                    }
                }
                self.resolve(names[i], &c)
            })
            .collect()
    }

    fn document_countries(&self, mentions: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in mentions {
            let c = self
                .demonym_country(m)
                .or_else(|| self.resolve(m, &Context::default())?.country);
            if let Some(c) = c
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }

    fn demonym_country(&self, word: &str) -> Option<String> {
        match Table::key(word).as_str() {
            "russian" => Some("RUS".into()),
            "ukrainian" => Some("UKR".into()),
            "american" => Some("USA".into()),
            _ => None,
        }
    }
}

/// One token: form, lemma, UPOS, XPOS, head (1-based, 0 = root), dep, entity tag ("" = O).
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, usize, &'a str, &'a str);

/// CoNLL-U for one sentence (no space before , . and ').
fn conllu(rows: &[Row<'_>]) -> String {
    let mut out = String::new();
    for (i, &(form, lemma, upos, xpos, head, dep, ner)) in rows.iter().enumerate() {
        let glued = rows
            .get(i + 1)
            .is_some_and(|n| matches!(n.0, "," | "." | "'s"));
        let mut misc = Vec::new();
        if glued {
            misc.push("SpaceAfter=No".to_owned());
        }
        misc.push(if ner.is_empty() {
            "NER=O".to_owned()
        } else {
            format!("NER={ner}")
        });
        out.push_str(&format!(
            "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{dep}\t_\t{}\n",
            i + 1,
            misc.join("|")
        ));
    }
    out.push('\n');
    out
}

/// A document of these sentences.
fn doc(sentences: &[&[Row<'_>]]) -> Doc {
    let src: String = sentences.iter().map(|s| conllu(s)).collect();
    let (text, parse) = parse_conllu(&src).unwrap();
    let mut d = Doc::new("t", jiff::civil::date(2024, 6, 19), text);
    d.parse = Some(parse);
    d.dateline = Some(None);
    d
}

/// Give `doc` a dateline: its first `n` bytes, naming the place in the first `place` bytes.
fn with_dateline(mut d: Doc, place: usize, n: usize) -> Doc {
    d.dateline = Some(Some(Dateline {
        span: Span::new(0, n),
        place: Span::new(0, place),
        date_text: None,
        date: None,
        agency: None,
    }));
    d
}

/// Code points of the `nth` occurrence of `word` in the text.
fn find(d: &Doc, word: &str, nth: usize) -> [usize; 2] {
    let (at, _) = d.text.match_indices(word).nth(nth).unwrap();
    d.char_span(Span::new(at, at + word.len()))
}

fn actor(d: &Doc, word: &str, code: &str) -> ActorRef {
    ActorRef {
        code: code.into(),
        country: code[..3].into(),
        sector: None,
        text: word.into(),
        span: find(d, word, 0),
    }
}

/// An event of sentence `s` carried by `verb`, with CAMEO `code`.
fn event(
    d: &Doc,
    s: u32,
    verb: &str,
    code: &str,
    src: Option<ActorRef>,
    tgt: Option<ActorRef>,
) -> Event {
    let cameo: Cameo = code.parse().unwrap();
    Event {
        event_id: format!("e{s}{verb}"),
        doc_id: d.id.clone(),
        sentence_index: s,
        date: Some(PartialDate::from_date(d.pub_date)),
        date_precision: Precision::Day,
        date_basis: DateBasis::Publication,
        pub_date: d.pub_date,
        source: src,
        target: tgt,
        cameo,
        cameo_root: cameo.root(),
        quad_class: cameo.quad_class(),
        goldstein: 0.0,
        plover: PloverCode {
            event: String::new(),
            mode: None,
            context: Vec::new(),
        },
        verb: Mention {
            text: verb.into(),
            span: find(d, verb, 0),
        },
        negated: false,
        future: false,
        date_range: None,
        location: None,
        evidence: String::new(),
        evidence_span: [0, 0],
        rule: "test".into(),
        confidence: 1.0,
    }
}

fn run(d: &Doc) -> Vec<Option<EventPlace>> {
    locate(&Table::new(), d, &PlaceOptions::default())
}

/// (name, country, basis) of each event's place.
fn summary(d: &Doc) -> Vec<Option<(String, String, PlaceBasis)>> {
    run(d)
        .into_iter()
        .map(|p| p.map(|p| (p.place.name, p.place.country.unwrap_or_default(), p.basis)))
        .collect()
}

fn at(name: &str, country: &str, basis: PlaceBasis) -> Option<(String, String, PlaceBasis)> {
    Some((name.into(), country.into(), basis))
}

const MET_IN_GENEVA: &[Row<'static>] = &[
    ("Blinken", "Blinken", "PROPN", "NNP", 2, "nsubj", "B-PERSON"),
    ("met", "meet", "VERB", "VBD", 0, "ROOT", ""),
    ("Wang", "Wang", "PROPN", "NNP", 2, "dobj", "B-PERSON"),
    ("in", "in", "ADP", "IN", 2, "prep", ""),
    ("Geneva", "Geneva", "PROPN", "NNP", 4, "pobj", "B-GPE"),
    ("on", "on", "ADP", "IN", 2, "prep", ""),
    ("Tuesday", "Tuesday", "PROPN", "NNP", 6, "pobj", "B-DATE"),
    (".", ".", "PUNCT", ".", 2, "punct", ""),
];

#[test]
fn phrase_of_the_verb() {
    let mut d = doc(&[MET_IN_GENEVA]);
    let e = event(
        &d,
        0,
        "met",
        "040",
        Some(actor(&d, "Blinken", "USAGOV")),
        Some(actor(&d, "Wang", "CHNGOV")),
    );
    d.events = Some(vec![e]);
    assert_eq!(summary(&d), [at("Geneva", "CHE", PlaceBasis::Phrase)]);
    let p = run(&d).remove(0).unwrap();
    assert_eq!(d.slice(p.span), "Geneva");
}

const RUSSIA_ATTACKED_UKRAINE: &[Row<'static>] = &[
    ("KYIV", "KYIV", "PROPN", "NNP", 4, "npadvmod", "B-GPE"),
    ("-", "-", "PUNCT", ":", 4, "punct", ""),
    ("Russia", "Russia", "PROPN", "NNP", 4, "nsubj", "B-GPE"),
    ("attacked", "attack", "VERB", "VBD", 0, "ROOT", ""),
    ("Ukraine", "Ukraine", "PROPN", "NNP", 4, "dobj", "B-GPE"),
    (".", ".", "PUNCT", ".", 4, "punct", ""),
];

#[test]
fn an_actor_is_not_its_own_location() {
    // Without a dateline nothing locates the attack: neither the source nor the target.
    let rows = &RUSSIA_ATTACKED_UKRAINE[2..];
    let rows: Vec<Row<'_>> = rows
        .iter()
        .map(|r| (r.0, r.1, r.2, r.3, r.4.saturating_sub(2), r.5, r.6))
        .collect();
    let mut d = doc(&[&rows]);
    let e = event(
        &d,
        0,
        "attacked",
        "190",
        Some(actor(&d, "Russia", "RUS")),
        Some(actor(&d, "Ukraine", "UKR")),
    );
    d.events = Some(vec![e]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn dateline_for_the_present_only() {
    let d = doc(&[RUSSIA_ATTACKED_UKRAINE]);
    let mut d = with_dateline(d, 4, 6);
    let mut e = event(
        &d,
        0,
        "attacked",
        "190",
        Some(actor(&d, "Russia", "RUS")),
        Some(actor(&d, "Ukraine", "UKR")),
    );
    d.events = Some(vec![e.clone()]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Dateline)]);
    // The same event dated by the text three days back is still in the present ...
    e.date = Some(PartialDate::day(2024, 6, 16).unwrap());
    e.date_basis = DateBasis::Text;
    d.events = Some(vec![e.clone()]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Dateline)]);
    // ... but not when the text puts it in 2014, or only gives a year.
    e.date = Some(PartialDate::month(2014, 2).unwrap());
    d.events = Some(vec![e.clone()]);
    assert_eq!(summary(&d), [None]);
    e.date = Some(PartialDate::year(2024).unwrap());
    d.events = Some(vec![e.clone()]);
    assert_eq!(summary(&d), [None]);
    // Nor when the option is off.
    e.date_basis = DateBasis::Publication;
    d.events = Some(vec![e]);
    let off = PlaceOptions {
        dateline: false,
        ..PlaceOptions::default()
    };
    assert_eq!(locate(&Table::new(), &d, &off), [None]);
}

#[test]
fn a_capital_as_subject_is_no_place() {
    let rows: &[Row<'_>] = &[
        ("Moscow", "Moscow", "PROPN", "NNP", 2, "nsubj", "B-GPE"),
        ("said", "say", "VERB", "VBD", 0, "ROOT", ""),
        ("it", "it", "PRON", "PRP", 5, "nsubj", ""),
        ("would", "would", "AUX", "MD", 5, "aux", ""),
        ("retaliate", "retaliate", "VERB", "VB", 2, "ccomp", ""),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    let e = event(
        &d,
        0,
        "said",
        "010",
        Some(actor(&d, "Moscow", "RUSGOV")),
        None,
    );
    d.events = Some(vec![e]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn nominal_events_and_event_nouns() {
    let attack: &[Row<'_>] = &[
        ("The", "the", "DET", "DT", 2, "det", ""),
        ("attack", "attack", "NOUN", "NN", 5, "nsubj", ""),
        ("near", "near", "ADP", "IN", 2, "prep", ""),
        ("Donetsk", "Donetsk", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        ("killed", "kill", "VERB", "VBD", 0, "ROOT", ""),
        ("five", "five", "NUM", "CD", 5, "dobj", "B-CARDINAL"),
        (".", ".", "PUNCT", ".", 5, "punct", ""),
    ];
    let talks: &[Row<'_>] = &[
        ("Talks", "talk", "NOUN", "NNS", 3, "nsubjpass", ""),
        ("were", "be", "AUX", "VBD", 3, "auxpass", ""),
        ("held", "hold", "VERB", "VBN", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 3, "prep", ""),
        ("Doha", "Doha", "PROPN", "NNP", 4, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 3, "punct", ""),
    ];
    let mut d = doc(&[attack, talks]);
    let a = event(&d, 0, "attack", "190", None, None);
    let t = event(&d, 1, "Talks", "040", None, None);
    d.events = Some(vec![a, t]);
    assert_eq!(
        summary(&d),
        [
            at("Donetsk", "UKR", PlaceBasis::Phrase),
            at("Doha", "QAT", PlaceBasis::Phrase)
        ]
    );
}

#[test]
fn visits_and_where_clauses() {
    let rows: &[Row<'_>] = &[
        ("Nixon", "Nixon", "PROPN", "NNP", 2, "nsubj", "B-PERSON"),
        ("traveled", "travel", "VERB", "VBD", 0, "ROOT", ""),
        ("to", "to", "ADP", "IN", 2, "prep", ""),
        ("Beijing", "Beijing", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        (",", ",", "PUNCT", ",", 4, "punct", ""),
        ("where", "where", "SCONJ", "WRB", 8, "advmod", ""),
        ("he", "he", "PRON", "PRP", 8, "nsubj", ""),
        ("met", "meet", "VERB", "VBD", 4, "relcl", ""),
        ("Mao", "Mao", "PROPN", "NNP", 8, "dobj", "B-PERSON"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    let travel = event(
        &d,
        0,
        "traveled",
        "042",
        Some(actor(&d, "Nixon", "USAGOV")),
        Some(actor(&d, "Beijing", "CHN")),
    );
    let met = event(
        &d,
        0,
        "met",
        "040",
        Some(actor(&d, "he", "USAGOV")),
        Some(actor(&d, "Mao", "CHNGOV")),
    );
    d.events = Some(vec![travel, met]);
    assert_eq!(
        summary(&d),
        [
            at("Beijing", "CHN", PlaceBasis::Phrase),
            at("Beijing", "CHN", PlaceBasis::Phrase)
        ]
    );
    // "to" locates only after verbs of motion and visits: "sent a letter to Kyiv" is no event in Kyiv.
    let rows: &[Row<'_>] = &[
        ("Moscow", "Moscow", "PROPN", "NNP", 2, "nsubj", "B-GPE"),
        ("wrote", "write", "VERB", "VBD", 0, "ROOT", ""),
        ("to", "to", "ADP", "IN", 2, "prep", ""),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    let e = event(&d, 0, "wrote", "010", None, None);
    d.events = Some(vec![e]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn visit_destination_as_object() {
    let rows: &[Row<'_>] = &[
        ("Putin", "Putin", "PROPN", "NNP", 2, "nsubj", "B-PERSON"),
        ("visited", "visit", "VERB", "VBD", 0, "ROOT", ""),
        ("Pyongyang", "Pyongyang", "PROPN", "NNP", 2, "dobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    let visit = event(
        &d,
        0,
        "visited",
        "042",
        Some(actor(&d, "Putin", "RUSGOV")),
        Some(actor(&d, "Pyongyang", "PRKGOV")),
    );
    let mut other = visit.clone();
    other.cameo = "040".parse().unwrap();
    d.events = Some(vec![visit, other]);
    assert_eq!(
        summary(&d),
        [at("Pyongyang", "PRK", PlaceBasis::Phrase), None]
    );
}

#[test]
fn on_locates_cities_not_countries() {
    let sanctions: &[Row<'_>] = &[
        (
            "Washington",
            "Washington",
            "PROPN",
            "NNP",
            2,
            "nsubj",
            "B-GPE",
        ),
        ("imposed", "impose", "VERB", "VBD", 0, "ROOT", ""),
        ("sanctions", "sanction", "NOUN", "NNS", 2, "dobj", ""),
        ("on", "on", "ADP", "IN", 2, "prep", ""),
        ("Iran", "Iran", "PROPN", "NNP", 4, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let strike: &[Row<'_>] = &[
        ("Drones", "drone", "NOUN", "NNS", 2, "nsubj", ""),
        ("struck", "strike", "VERB", "VBD", 0, "ROOT", ""),
        ("on", "on", "ADP", "IN", 2, "prep", ""),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[sanctions, strike]);
    let s = event(
        &d,
        0,
        "imposed",
        "163",
        Some(actor(&d, "Washington", "USAGOV")),
        Some(actor(&d, "Iran", "IRN")),
    );
    let k = event(&d, 1, "struck", "190", None, None);
    d.events = Some(vec![s, k]);
    assert_eq!(summary(&d), [None, at("Kyiv", "UKR", PlaceBasis::Phrase)]);
}

#[test]
fn a_subject_locates_its_own_event_not_the_reported_one() {
    // "Officials in Kyiv said Russia struck Lviv.": the statement was made in Kyiv; the strike
    // has no place (Lviv is its target).
    let rows: &[Row<'_>] = &[
        ("Officials", "official", "NOUN", "NNS", 4, "nsubj", ""),
        ("in", "in", "ADP", "IN", 1, "prep", ""),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 2, "pobj", "B-GPE"),
        ("said", "say", "VERB", "VBD", 0, "ROOT", ""),
        ("Russia", "Russia", "PROPN", "NNP", 6, "nsubj", "B-GPE"),
        ("struck", "strike", "VERB", "VBD", 4, "ccomp", ""),
        ("Lviv", "Lviv", "PROPN", "NNP", 6, "dobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 4, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    let said = event(
        &d,
        0,
        "said",
        "010",
        Some(actor(&d, "Officials", "UKRGOV")),
        None,
    );
    let struck = event(
        &d,
        0,
        "struck",
        "190",
        Some(actor(&d, "Russia", "RUS")),
        Some(actor(&d, "Lviv", "UKR")),
    );
    d.events = Some(vec![said, struck]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Clause), None]);
    // A country on the subject says whose they are, not where: "Police in Ukraine arrested ...".
    let rows: &[Row<'_>] = &[
        ("Police", "police", "NOUN", "NNS", 4, "nsubj", ""),
        ("in", "in", "ADP", "IN", 1, "prep", ""),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 2, "pobj", "B-GPE"),
        ("arrested", "arrest", "VERB", "VBD", 0, "ROOT", ""),
        ("protesters", "protester", "NOUN", "NNS", 4, "dobj", ""),
        (".", ".", "PUNCT", ".", 4, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(&d, 0, "arrested", "173", None, None)]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn objects_infinitives_coordination_and_participles() {
    // "Israel struck targets in eastern Ukraine" stands for a strike on an object noun's place.
    let targets: &[Row<'_>] = &[
        ("Russia", "Russia", "PROPN", "NNP", 2, "nsubj", "B-GPE"),
        ("struck", "strike", "VERB", "VBD", 0, "ROOT", ""),
        ("targets", "target", "NOUN", "NNS", 2, "dobj", ""),
        ("in", "in", "ADP", "IN", 3, "prep", ""),
        ("eastern", "eastern", "ADJ", "JJ", 6, "amod", ""),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 4, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    // "The envoys agreed to meet in Geneva."
    let agreed: &[Row<'_>] = &[
        ("The", "the", "DET", "DT", 2, "det", ""),
        ("envoys", "envoy", "NOUN", "NNS", 3, "nsubj", ""),
        ("agreed", "agree", "VERB", "VBD", 0, "ROOT", ""),
        ("to", "to", "PART", "TO", 5, "aux", ""),
        ("meet", "meet", "VERB", "VB", 3, "xcomp", ""),
        ("in", "in", "ADP", "IN", 5, "prep", ""),
        ("Geneva", "Geneva", "PROPN", "NNP", 6, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 3, "punct", ""),
    ];
    // "Blinken arrived in Hanoi and met leaders."
    let arrived: &[Row<'_>] = &[
        ("Blinken", "Blinken", "PROPN", "NNP", 2, "nsubj", "B-PERSON"),
        ("arrived", "arrive", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 2, "prep", ""),
        ("Hanoi", "Hanoi", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        ("and", "and", "CCONJ", "CC", 2, "cc", ""),
        ("met", "meet", "VERB", "VBD", 2, "conj", ""),
        ("leaders", "leader", "NOUN", "NNS", 6, "dobj", ""),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    // "Speaking in Moscow, Putin praised Kim."
    let speaking: &[Row<'_>] = &[
        ("Speaking", "speak", "VERB", "VBG", 6, "advcl", ""),
        ("in", "in", "ADP", "IN", 1, "prep", ""),
        ("Moscow", "Moscow", "PROPN", "NNP", 2, "pobj", "B-GPE"),
        (",", ",", "PUNCT", ",", 6, "punct", ""),
        ("Putin", "Putin", "PROPN", "NNP", 6, "nsubj", "B-PERSON"),
        ("praised", "praise", "VERB", "VBD", 0, "ROOT", ""),
        ("Kim", "Kim", "PROPN", "NNP", 6, "dobj", "B-PERSON"),
        (".", ".", "PUNCT", ".", 6, "punct", ""),
    ];
    let mut d = doc(&[targets, agreed, arrived, speaking]);
    let events = vec![
        event(
            &d,
            0,
            "struck",
            "190",
            Some(actor(&d, "Russia", "RUS")),
            None,
        ),
        event(&d, 1, "agreed", "036", None, None),
        event(
            &d,
            2,
            "met",
            "040",
            Some(actor(&d, "Blinken", "USAGOV")),
            None,
        ),
        event(
            &d,
            3,
            "praised",
            "051",
            Some(actor(&d, "Putin", "RUSGOV")),
            Some(actor(&d, "Kim", "PRKGOV")),
        ),
    ];
    d.events = Some(events);
    assert_eq!(
        summary(&d),
        [
            at("Ukraine", "UKR", PlaceBasis::Phrase),
            at("Geneva", "CHE", PlaceBasis::Phrase),
            at("Hanoi", "VNM", PlaceBasis::Clause),
            at("Moscow", "RUS", PlaceBasis::Clause),
        ]
    );
    // The entity was widened to "eastern Ukraine".
    let p = run(&d).remove(0).unwrap();
    assert_eq!(d.slice(p.span), "eastern Ukraine");
}

#[test]
fn nested_phrases_and_divisions() {
    // "Shelling killed two in a village in the Kherson region."
    let rows: &[Row<'_>] = &[
        ("Shelling", "shelling", "NOUN", "NN", 2, "nsubj", ""),
        ("killed", "kill", "VERB", "VBD", 0, "ROOT", ""),
        ("two", "two", "NUM", "CD", 2, "dobj", "B-CARDINAL"),
        ("in", "in", "ADP", "IN", 2, "prep", ""),
        ("a", "a", "DET", "DT", 6, "det", ""),
        ("village", "village", "NOUN", "NN", 4, "pobj", ""),
        ("in", "in", "ADP", "IN", 6, "prep", ""),
        ("the", "the", "DET", "DT", 10, "det", ""),
        (
            "Kherson", "Kherson", "PROPN", "NNP", 10, "compound", "B-GPE",
        ),
        ("region", "region", "NOUN", "NN", 7, "pobj", ""),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(&d, 0, "killed", "190", None, None)]);
    assert_eq!(
        summary(&d),
        [at("Kherson Oblast", "UKR", PlaceBasis::Phrase)]
    );
}

#[test]
fn sentence_and_document_disambiguate() {
    // "Paris" alone is the French capital; Texas elsewhere in the document makes it the Texan one.
    let rows: &[Row<'_>] = &[
        ("Protesters", "protester", "NOUN", "NNS", 2, "nsubj", ""),
        ("rallied", "rally", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 2, "prep", ""),
        ("Paris", "Paris", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let texas: &[Row<'_>] = &[
        ("Texas", "Texas", "PROPN", "NNP", 2, "nsubj", "B-GPE"),
        ("votes", "vote", "VERB", "VBZ", 0, "ROOT", ""),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(&d, 0, "rallied", "141", None, None)]);
    assert_eq!(summary(&d), [at("Paris", "FRA", PlaceBasis::Phrase)]);
    let mut d = doc(&[rows, texas]);
    d.events = Some(vec![event(&d, 0, "rallied", "141", None, None)]);
    assert_eq!(summary(&d), [at("Paris", "USA", PlaceBasis::Phrase)]);
    // An American actor in the sentence does it too.
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(
        &d,
        0,
        "rallied",
        "141",
        Some(actor(&d, "Protesters", "USAOPP")),
        None,
    )]);
    assert_eq!(summary(&d), [at("Paris", "USA", PlaceBasis::Phrase)]);
}

#[test]
fn unsure_names_give_no_location_not_the_dateline() {
    let rows: &[Row<'_>] = &[
        ("KYIV", "KYIV", "PROPN", "NNP", 4, "npadvmod", "B-GPE"),
        ("-", "-", "PUNCT", ":", 4, "punct", ""),
        ("Troops", "troop", "NOUN", "NNS", 4, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        (
            "Springfield",
            "Springfield",
            "PROPN",
            "NNP",
            5,
            "pobj",
            "B-GPE",
        ),
        (".", ".", "PUNCT", ".", 4, "punct", ""),
    ];
    let d = doc(&[rows]);
    let mut d = with_dateline(d, 4, 6);
    d.events = Some(vec![event(&d, 0, "clashed", "190", None, None)]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn times_are_not_places_and_weak_mentions_must_be_known() {
    // "Troops clashed in March in Smallville." — "March" is a date; "Smallville" untagged, small
    // and in no country of the text: the dateline stands.
    let rows: &[Row<'_>] = &[
        ("KYIV", "KYIV", "PROPN", "NNP", 4, "npadvmod", "B-GPE"),
        ("-", "-", "PUNCT", ":", 4, "punct", ""),
        ("Troops", "troop", "NOUN", "NNS", 4, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        ("March", "March", "PROPN", "NNP", 5, "pobj", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        ("Smallville", "Smallville", "PROPN", "NNP", 7, "pobj", ""),
        (".", ".", "PUNCT", ".", 4, "punct", ""),
    ];
    let d = doc(&[rows]);
    let mut d = with_dateline(d, 4, 6);
    d.events = Some(vec![event(&d, 0, "clashed", "190", None, None)]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Dateline)]);
    // A weak mention the tagger missed but that is a known big city is used ("Kyiv" as ORG).
    let rows: &[Row<'_>] = &[
        ("Troops", "troop", "NOUN", "NNS", 2, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("near", "near", "ADP", "IN", 2, "prep", ""),
        ("Lviv", "Lviv", "PROPN", "NNP", 3, "pobj", "B-ORG"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(&d, 0, "clashed", "190", None, None)]);
    assert_eq!(summary(&d), [at("Lviv", "UKR", PlaceBasis::Phrase)]);
}

#[test]
fn here_is_the_dateline_place() {
    let rows: &[Row<'_>] = &[
        ("KYIV", "KYIV", "PROPN", "NNP", 4, "npadvmod", "B-GPE"),
        ("-", "-", "PUNCT", ":", 4, "punct", ""),
        ("Envoys", "envoy", "NOUN", "NNS", 4, "nsubj", ""),
        ("met", "meet", "VERB", "VBD", 0, "ROOT", ""),
        ("here", "here", "ADV", "RB", 4, "advmod", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        ("2014", "2014", "NUM", "CD", 6, "pobj", "B-DATE"),
        (".", ".", "PUNCT", ".", 4, "punct", ""),
    ];
    let d = doc(&[rows]);
    let mut d = with_dateline(d, 4, 6);
    let mut e = event(&d, 0, "met", "040", None, None);
    // A background event: not the dateline, but "here" still names the place.
    e.date = Some(PartialDate::year(2014).unwrap());
    e.date_basis = DateBasis::Text;
    d.events = Some(vec![e]);
    let found = run(&d);
    let p = found[0].as_ref().unwrap();
    assert_eq!(
        (p.place.name.as_str(), p.basis),
        ("Kyiv", PlaceBasis::Clause)
    );
    assert_eq!(d.slice(p.span), "here");
}

#[test]
fn bad_events_do_not_panic() {
    let mut d = doc(&[MET_IN_GENEVA]);
    let mut far = event(&d, 0, "met", "040", None, None);
    far.sentence_index = 99;
    let mut outside = event(&d, 0, "met", "040", None, None);
    outside.verb.span = [500, 900];
    let mut backwards = event(&d, 0, "met", "040", None, None);
    backwards.verb.span = [9, 2];
    d.events = Some(vec![far, outside, backwards]);
    assert_eq!(summary(&d), [None, None, None]);
    // Without events or parse there is nothing to do.
    d.events = None;
    assert!(run(&d).is_empty());
}

#[test]
fn partners_locate_physical_events_only() {
    // "Soldiers clashed with militias in Tripoli." / "Washington criticized the government in Kabul."
    let clash: &[Row<'_>] = &[
        ("Soldiers", "soldier", "NOUN", "NNS", 2, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("with", "with", "ADP", "IN", 2, "prep", ""),
        ("militias", "militia", "NOUN", "NNS", 3, "pobj", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        ("Tripoli", "Tripoli", "PROPN", "NNP", 5, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let criticized: &[Row<'_>] = &[
        (
            "Washington",
            "Washington",
            "PROPN",
            "NNP",
            2,
            "nsubj",
            "B-GPE",
        ),
        ("criticized", "criticize", "VERB", "VBD", 0, "ROOT", ""),
        ("the", "the", "DET", "DT", 4, "det", ""),
        ("government", "government", "NOUN", "NN", 2, "dobj", ""),
        ("in", "in", "ADP", "IN", 4, "prep", ""),
        ("Kabul", "Kabul", "PROPN", "NNP", 5, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[clash, criticized]);
    let c = event(
        &d,
        0,
        "clashed",
        "190",
        Some(actor(&d, "Soldiers", "LBYMIL")),
        Some(actor(&d, "militias", "LBYREB")),
    );
    let k = event(
        &d,
        1,
        "criticized",
        "111",
        Some(actor(&d, "Washington", "USAGOV")),
        Some(actor(&d, "government", "AFGGOV")),
    );
    d.events = Some(vec![c, k]);
    assert_eq!(
        summary(&d),
        [at("Tripoli", "LBY", PlaceBasis::Phrase), None]
    );
}

#[test]
fn a_name_modifying_a_thing_is_no_place() {
    // "Rebels fired at a U.S. destroyer in the Red Sea."
    let rows: &[Row<'_>] = &[
        ("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj", ""),
        ("fired", "fire", "VERB", "VBD", 0, "ROOT", ""),
        ("at", "at", "ADP", "IN", 2, "prep", ""),
        ("a", "a", "DET", "DT", 6, "det", ""),
        ("U.S.", "U.S.", "PROPN", "NNP", 6, "compound", "B-GPE"),
        ("destroyer", "destroyer", "NOUN", "NN", 3, "pobj", ""),
        ("in", "in", "ADP", "IN", 6, "prep", ""),
        ("the", "the", "DET", "DT", 10, "det", ""),
        ("Red", "Red", "PROPN", "NNP", 10, "compound", "B-LOC"),
        ("Sea", "Sea", "PROPN", "NNP", 7, "pobj", "I-LOC"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rows]);
    d.events = Some(vec![event(
        &d,
        0,
        "fired",
        "190",
        None,
        Some(actor(&d, "U.S. destroyer", "USAMIL")),
    )]);
    let found = run(&d);
    let p = found[0].as_ref().unwrap();
    assert_eq!(
        (p.place.name.as_str(), p.place.country.as_deref()),
        ("Red Sea", None)
    );
}

#[test]
fn the_city_is_the_last_city_named() {
    // "Soldiers clashed with gunmen in Tripoli. The army arrested gunmen in the northern city."
    let clash: &[Row<'_>] = &[
        ("Soldiers", "soldier", "NOUN", "NNS", 2, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 2, "prep", ""),
        ("Tripoli", "Tripoli", "PROPN", "NNP", 3, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let arrest: &[Row<'_>] = &[
        ("The", "the", "DET", "DT", 2, "det", ""),
        ("army", "army", "NOUN", "NN", 3, "nsubj", ""),
        ("arrested", "arrest", "VERB", "VBD", 0, "ROOT", ""),
        ("gunmen", "gunman", "NOUN", "NNS", 3, "dobj", ""),
        ("in", "in", "ADP", "IN", 3, "prep", ""),
        ("the", "the", "DET", "DT", 8, "det", ""),
        ("northern", "northern", "ADJ", "JJ", 8, "amod", ""),
        ("city", "city", "NOUN", "NN", 5, "pobj", ""),
        (".", ".", "PUNCT", ".", 3, "punct", ""),
    ];
    let mut d = doc(&[clash, arrest]);
    d.events = Some(vec![
        event(&d, 0, "clashed", "190", None, None),
        event(&d, 1, "arrested", "173", None, None),
    ]);
    assert_eq!(
        summary(&d),
        [
            at("Tripoli", "LBY", PlaceBasis::Phrase),
            at("Tripoli", "LBY", PlaceBasis::Phrase)
        ]
    );
    let found = run(&d);
    assert_eq!(d.slice(found[1].as_ref().unwrap().span), "Tripoli");
    // Without a city before it, "the city" is nothing, and the event goes without a place.
    let mut d = doc(&[arrest]);
    d.events = Some(vec![event(&d, 0, "arrested", "173", None, None)]);
    assert_eq!(summary(&d), [None]);
}

#[test]
fn a_dateline_qualifier_is_read() {
    // "PARIS, Texas - Police arrested protesters." with the text stage's place span on "PARIS".
    let rows: &[Row<'_>] = &[
        ("PARIS", "PARIS", "PROPN", "NNP", 6, "npadvmod", "B-GPE"),
        (",", ",", "PUNCT", ",", 1, "punct", ""),
        ("Texas", "Texas", "PROPN", "NNP", 1, "appos", "B-GPE"),
        ("-", "-", "PUNCT", ":", 6, "punct", ""),
        ("Police", "police", "NOUN", "NNS", 6, "nsubj", ""),
        ("arrested", "arrest", "VERB", "VBD", 0, "ROOT", ""),
        ("protesters", "protester", "NOUN", "NNS", 6, "dobj", ""),
        (".", ".", "PUNCT", ".", 6, "punct", ""),
    ];
    let d = doc(&[rows]);
    let n = d.text.find("- ").unwrap() + 2;
    let mut d = with_dateline(d, 5, n);
    d.events = Some(vec![event(&d, 0, "arrested", "173", None, None)]);
    assert_eq!(summary(&d), [at("Paris", "USA", PlaceBasis::Dateline)]);
    let found = run(&d);
    assert_eq!(d.slice(found[0].as_ref().unwrap().span), "PARIS");
}

#[test]
fn during_an_event_noun_and_the_town_of() {
    // "Police detained Melia during a rally in Kyiv." / "Troops clashed in the Kherson region
    // town of Donetsk." (a town named after "of" wins over the division before it)
    let rally: &[Row<'_>] = &[
        ("Police", "police", "NOUN", "NNS", 2, "nsubj", ""),
        ("detained", "detain", "VERB", "VBD", 0, "ROOT", ""),
        ("Melia", "Melia", "PROPN", "NNP", 2, "dobj", "B-PERSON"),
        ("during", "during", "ADP", "IN", 2, "prep", ""),
        ("a", "a", "DET", "DT", 6, "det", ""),
        ("rally", "rally", "NOUN", "NN", 4, "pobj", ""),
        ("in", "in", "ADP", "IN", 6, "prep", ""),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 7, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let town: &[Row<'_>] = &[
        ("Troops", "troop", "NOUN", "NNS", 2, "nsubj", ""),
        ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
        ("in", "in", "ADP", "IN", 2, "prep", ""),
        ("the", "the", "DET", "DT", 7, "det", ""),
        ("Kherson", "Kherson", "PROPN", "NNP", 6, "compound", "B-GPE"),
        ("region", "region", "NOUN", "NN", 7, "compound", ""),
        ("town", "town", "NOUN", "NN", 3, "pobj", ""),
        ("of", "of", "ADP", "IN", 7, "prep", ""),
        ("Donetsk", "Donetsk", "PROPN", "NNP", 8, "pobj", "B-GPE"),
        (".", ".", "PUNCT", ".", 2, "punct", ""),
    ];
    let mut d = doc(&[rally, town]);
    d.events = Some(vec![
        event(
            &d,
            0,
            "detained",
            "173",
            None,
            Some(actor(&d, "Melia", "UKROPP")),
        ),
        event(&d, 1, "clashed", "190", None, None),
    ]);
    assert_eq!(
        summary(&d),
        [
            at("Kyiv", "UKR", PlaceBasis::Phrase),
            at("Donetsk", "UKR", PlaceBasis::Phrase)
        ]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[(&str, &str, &str)] = &[
        ("Kyiv", "PROPN", "NNP"),
        ("Paris", "PROPN", "NNP"),
        ("Texas", "PROPN", "NNP"),
        ("in", "ADP", "IN"),
        ("near", "ADP", "IN"),
        ("to", "ADP", "IN"),
        ("of", "ADP", "IN"),
        ("on", "ADP", "IN"),
        ("the", "DET", "DT"),
        ("city", "NOUN", "NN"),
        ("here", "ADV", "RB"),
        ("where", "SCONJ", "WRB"),
        ("met", "VERB", "VBD"),
        ("visited", "VERB", "VBD"),
        ("talks", "NOUN", "NNS"),
        ("région", "NOUN", "NN"),
        (",", "PUNCT", ","),
        ("—", "PUNCT", ":"),
    ];
    const DEPS: &[&str] = &[
        "ROOT",
        "nsubj",
        "dobj",
        "prep",
        "pobj",
        "compound",
        "relcl",
        "advmod",
        "xcomp",
        "conj",
        "advcl",
        "det",
        "amod",
        "appos",
        "punct",
        "nsubjpass",
        "poss",
    ];
    const NER: &[&str] = &[
        "", "B-GPE", "I-GPE", "B-LOC", "B-NORP", "B-ORG", "B-DATE", "I-FAC",
    ];

    prop_compose! {
        fn rows()(n in 1usize..14)(
            words in proptest::collection::vec(0..WORDS.len(), n),
            heads in proptest::collection::vec(0usize..n + 3, n),
            deps in proptest::collection::vec(0..DEPS.len(), n),
            ners in proptest::collection::vec(0..NER.len(), n),
        ) -> String {
            let mut out = String::new();
            for i in 0..words.len() {
                let (w, upos, xpos) = WORDS[words[i]];
                let misc = if NER[ners[i]].is_empty() { "NER=O".to_owned() } else { format!("NER={}", NER[ners[i]]) };
                out.push_str(&format!("{}\t{w}\t{w}\t{upos}\t{xpos}\t_\t{}\t{}\t_\t{misc}\n", i + 1, heads[i], DEPS[deps[i]]));
            }
            out.push('\n');
            out
        }
    }

    proptest! {
        #[test]
        fn any_tree_and_any_event_spans_are_safe(
            sents in proptest::collection::vec(rows(), 1..4),
            spans in proptest::collection::vec((0usize..4, 0usize..120, 0usize..120, 0usize..4), 0..6),
            dateline in proptest::option::of((0usize..40, 0usize..40)),
            code in prop::sample::select(vec!["010", "042", "040", "190", "173", "141", "111"]),
        ) {
            let src: String = sents.concat();
            let (text, parse) = parse_conllu(&src).unwrap();
            let mut d = Doc::new("p", jiff::civil::date(2024, 6, 19), text);
            d.parse = Some(parse);
            d.dateline = Some(dateline.map(|(a, b)| Dateline {
                span: Span::new(0, b),
                place: Span::new(a.min(b), b),
                date_text: None,
                date: None,
                agency: None,
            }));
            let first = d.text.split(' ').next().unwrap_or("").to_owned();
            let events: Vec<Event> = spans
                .iter()
                .map(|&(s, a, b, actor_at)| {
                    let mut e = event(&d, 0, &first, code, None, None);
                    e.sentence_index = s as u32;
                    e.verb.span = [a, b];
                    if actor_at > 0 {
                        e.target = Some(ActorRef {
                            code: "UKR".into(),
                            country: "UKR".into(),
                            sector: None,
                            text: String::new(),
                            span: [a / 2, b],
                        });
                    }
                    e
                })
                .collect();
            let n = events.len();
            d.events = Some(events);
            let out = run(&d);
            prop_assert_eq!(out.len(), n);
            for p in out.into_iter().flatten() {
                // The span that named a place is text of the document.
                prop_assert!(d.text.get(p.span.start..p.span.end).is_some());
            }
        }
    }
}

#[test]
fn a_dateline_abroad_does_not_locate_foreign_actors() {
    // "KYIV - Hamas attacked Israel." / "KYIV - Russia attacked Ukraine." / "KYIV - The U.N. spoke."
    let d = doc(&[RUSSIA_ATTACKED_UKRAINE]);
    let mut d = with_dateline(d, 4, 6);
    let mut foreign = event(
        &d,
        0,
        "attacked",
        "190",
        Some(actor(&d, "Russia", "PSEREB")),
        Some(actor(&d, "Ukraine", "ISR")),
    );
    foreign.source.as_mut().unwrap().country = "PSE".into();
    let home = event(
        &d,
        0,
        "attacked",
        "190",
        Some(actor(&d, "Russia", "RUS")),
        Some(actor(&d, "Ukraine", "UKR")),
    );
    let mut igo = home.clone();
    igo.source.as_mut().unwrap().country = "IGOUNO".into();
    igo.target = None;
    // The Soviet Union's successors include Ukraine.
    let mut soviet = home.clone();
    soviet.source.as_mut().unwrap().country = "SUN".into();
    soviet.target = None;
    d.events = Some(vec![foreign, home, igo, soviet]);
    let kyiv = at("Kyiv", "UKR", PlaceBasis::Dateline);
    assert_eq!(summary(&d), [None, kyiv.clone(), kyiv.clone(), kyiv]);
}

#[test]
fn a_natural_feature_is_no_small_town() {
    // "Ships clashed in the Atlantic." LOC: not Atlantic, Iowa; GPE: the town.
    let rows = |ner: &'static str| -> Vec<Row<'static>> {
        vec![
            ("Ships", "ship", "NOUN", "NNS", 2, "nsubj", ""),
            ("clashed", "clash", "VERB", "VBD", 0, "ROOT", ""),
            ("in", "in", "ADP", "IN", 2, "prep", ""),
            ("the", "the", "DET", "DT", 5, "det", ""),
            ("Atlantic", "Atlantic", "PROPN", "NNP", 3, "pobj", ner),
            (".", ".", "PUNCT", ".", 2, "punct", ""),
        ]
    };
    let mut d = doc(&[&rows("B-LOC")]);
    d.events = Some(vec![event(&d, 0, "clashed", "190", None, None)]);
    assert_eq!(summary(&d), [None]);
    let mut d = doc(&[&rows("B-GPE")]);
    d.events = Some(vec![event(&d, 0, "clashed", "190", None, None)]);
    assert_eq!(summary(&d), [at("Atlantic", "USA", PlaceBasis::Phrase)]);
}

#[test]
fn a_bare_place_adverbial() {
    // "KYIV - Russia attacked Ukraine." when no text stage found the dateline: "KYIV" is an
    // npadvmod of the verb and a place of its own. With the dateline found it is the dateline's.
    let mut d = doc(&[RUSSIA_ATTACKED_UKRAINE]);
    let e = event(
        &d,
        0,
        "attacked",
        "190",
        Some(actor(&d, "Russia", "RUS")),
        Some(actor(&d, "Ukraine", "UKR")),
    );
    d.events = Some(vec![e.clone()]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Clause)]);
    let mut d = with_dateline(doc(&[RUSSIA_ATTACKED_UKRAINE]), 4, 6);
    d.events = Some(vec![e]);
    assert_eq!(summary(&d), [at("Kyiv", "UKR", PlaceBasis::Dateline)]);
}
