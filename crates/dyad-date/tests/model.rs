//! With the real parser (skipped, after a note, when the model is not installed; set
//! `DYAD_MODEL_TESTS=1` to install it): the project's background stories are dated by their
//! text, and no event of any evaluation record or example is dated after its publication date
//! unless it is flagged future.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::OnceLock;

use dyad_date::{DateLevel, EventDate, EventDater, TimeStage};
use dyad_doc::parse::Pos;
use dyad_doc::{Doc, Stage, TimeTense};
use dyad_ingest::{IngestOptions, read_inputs};
use dyad_parse::Parser;
use dyad_parse::model::{InstallOptions, ModelPaths, install};

fn parser() -> Option<&'static Parser> {
    static PARSER: OnceLock<Option<Parser>> = OnceLock::new();
    PARSER
        .get_or_init(|| {
            let paths = if std::env::var_os("DYAD_MODEL_TESTS").is_some() {
                install(&InstallOptions::default()).unwrap()
            } else {
                match ModelPaths::locate(None) {
                    Ok(p) => p,
                    Err(e) => {
                        eprintln!(
                            "note: skipping real-model test ({e}); set DYAD_MODEL_TESTS=1 to install the model and run it"
                        );
                        return None;
                    }
                }
            };
            Some(Parser::load(&paths).unwrap())
        })
        .as_ref()
}

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The documents of `paths`, each through the text, parse and time stages. Records that cannot
/// be read are reported (file and line) and skipped.
fn docs(parser: &Parser, paths: &[PathBuf]) -> Vec<Doc> {
    let mut out = Vec::new();
    for item in read_inputs(paths, &IngestOptions::default()) {
        match item {
            Ok(record) => {
                let mut doc = record.into_doc();
                dyad_text::TextStage.run(&mut doc).unwrap();
                doc.parse = Some(parser.parse_text(&doc.text).unwrap());
                TimeStage::new().run(&mut doc).unwrap();
                out.push(doc);
            }
            Err(e) => eprintln!("note: skipped bad record: {e}"),
        }
    }
    out
}

fn background(parser: &Parser) -> Vec<Doc> {
    docs(
        parser,
        &[PathBuf::from(format!("{ROOT}/examples/background.jsonl"))],
    )
}

/// The date of the `n`th (from 0) token spelled `word` in `doc`.
fn date_of(doc: &Doc, word: &str, n: usize) -> EventDate {
    let parse = doc.parse.as_ref().unwrap();
    let t = parse
        .tokens()
        .filter(|t| t.text(&doc.text) == word)
        .nth(n)
        .unwrap_or_else(|| panic!("{}: no token {word:?} #{n}", doc.id));
    let s = parse
        .sents()
        .iter()
        .position(|r| r.contains(&t.i()))
        .unwrap();
    EventDater::new(doc).date_token(s, t.i())
}

fn show(e: &EventDate) -> String {
    format!(
        "{} {} {}{}",
        e.date.map_or("-".to_string(), |d| d.to_string()),
        e.precision.as_str(),
        e.basis.as_str(),
        if e.future { " future" } else { "" }
    )
}

/// Each expression of the background stories modifies the verb (or noun) it should.
#[test]
fn expressions_govern_their_verbs() {
    let Some(parser) = parser() else { return };
    let docs = background(parser);
    assert_eq!(docs.len(), 8);
    let expected: &[(&str, &str, &str)] = &[
        ("dyad-bg-001", "February 1972", "traveled"),
        ("dyad-bg-001", "Feb. 28", "issued"),
        ("dyad-bg-001", "1989", "crackdown"),
        ("dyad-bg-001", "Two decades ago", "joined"),
        ("dyad-bg-001", "Last week", "met"),
        ("dyad-bg-001", "Wednesday", "host"),
        ("dyad-bg-002", "Fifty-five years ago", "fought"),
        ("dyad-bg-002", "March 1969", "clashed"),
        ("dyad-bg-002", "1991", "signed"),
        ("dyad-bg-002", "2004", "settled"),
        ("dyad-bg-002", "May", "visit"),
        ("dyad-bg-002", "Thursday", "said"),
        ("dyad-bg-003", "1979", "invasion"),
        ("dyad-bg-003", "this month", "marked"),
        ("dyad-bg-003", "Feb. 17, 1979", "crossed"),
        ("dyad-bg-003", "March", "withdrew"),
        ("dyad-bg-003", "Last year", "visited"),
        ("dyad-bg-003", "next month", "hold"),
        ("dyad-bg-004", "July 2000", "visited"),
        ("dyad-bg-004", "the Korean War", "flew"),
        ("dyad-bg-004", "Thursday", "travel"),
        ("dyad-bg-005", "Two decades ago", "entered"),
        ("dyad-bg-005", "2011", "killed"),
        ("dyad-bg-005", "Last week", "left"),
        ("dyad-bg-005", "Aug. 15", "took"),
        ("dyad-bg-005", "Tuesday", "said"),
    ];
    let mut wrong = Vec::new();
    for &(id, expr, verb) in expected {
        let doc = docs.iter().find(|d| d.id == id).unwrap();
        let parse = doc.parse.as_ref().unwrap();
        let m = doc
            .times
            .as_ref()
            .unwrap()
            .iter()
            .find(|m| doc.slice(m.span) == expr)
            .unwrap_or_else(|| panic!("{id}: {expr:?} not found"));
        let got = m
            .governor
            .and_then(|g| parse.token(g))
            .map_or("", |t| t.text(&doc.text));
        if got != verb {
            wrong.push(format!("{id}: {expr:?} governs {got:?}, expected {verb:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Each verb of the background stories gets the date its text gives, with the right precision
/// and basis; future plans are flagged and not dated into the past.
#[test]
fn background_events_carry_the_texts_dates() {
    let Some(parser) = parser() else { return };
    let docs = background(parser);
    // (record, word, occurrence, date precision basis [future]).
    let expected: &[(&str, &str, usize, &str)] = &[
        // "Fifty years ago this week": the week of 21 February, fifty years back.
        ("dyad-bg-001", "changed", 0, "1972-02 month text"),
        ("dyad-bg-001", "traveled", 0, "1972-02 month text"),
        // "..., where he met Chairman Mao Zedong": the clause above it.
        ("dyad-bg-001", "met", 0, "1972-02 month text"),
        // No date of its own: the paragraph's narrative.
        ("dyad-bg-001", "talked", 0, "1972-02 month context"),
        // "On Feb. 28": the year from the paragraph.
        ("dyad-bg-001", "issued", 0, "1972-02-28 day text"),
        ("dyad-bg-001", "joined", 0, "200X decade text"),
        ("dyad-bg-001", "met", 1, "2022-02 month text"),
        ("dyad-bg-001", "host", 0, "2022-02-23 day text future"),
        // The sentence's own date is future; "said" falls back to the dateline.
        ("dyad-bg-001", "said", 0, "2022-02-21 day context"),
        ("dyad-bg-002", "fought", 0, "1969 year text"),
        ("dyad-bg-002", "clashed", 0, "1969-03 month text"),
        ("dyad-bg-002", "died", 0, "1969-03 month context"),
        ("dyad-bg-002", "accused", 0, "1969-03 month context"),
        // A new paragraph without a date of its own, no dated dateline: publication.
        ("dyad-bg-002", "lingered", 0, "2024-03-02 day publication"),
        ("dyad-bg-002", "signed", 0, "1991 year text"),
        ("dyad-bg-002", "settled", 0, "2004 year text"),
        ("dyad-bg-002", "visit", 0, "2024-05 month text future"),
        ("dyad-bg-002", "said", 0, "2024-02-29 day text"),
        ("dyad-bg-002", "pledged", 0, "2024-02-29 day context"),
        // "pledged to deepen ties": intended, never dated into the past.
        (
            "dyad-bg-002",
            "deepen",
            0,
            "2024-03-02 day publication future",
        ),
        ("dyad-bg-003", "marked", 0, "2023-02 month text"),
        ("dyad-bg-003", "invasion", 0, "1979 year text"),
        ("dyad-bg-003", "crossed", 0, "1979-02-17 day text"),
        ("dyad-bg-003", "lasted", 0, "1979-02-17 day context"),
        ("dyad-bg-003", "withdrew", 0, "1979-03 month text"),
        ("dyad-bg-003", "normalised", 0, "1991 year text"),
        ("dyad-bg-003", "visited", 0, "2022 year text"),
        ("dyad-bg-003", "plan", 0, "2023-02-24 day publication"),
        ("dyad-bg-003", "hold", 0, "2023-03 month text future"),
        ("dyad-bg-004", "arrived", 0, "2024-06-19 day text"),
        ("dyad-bg-004", "visited", 0, "2000-07 month text"),
        ("dyad-bg-004", "met", 0, "2000-07 month text"),
        ("dyad-bg-004", "flew", 0, "195X decade text"),
        ("dyad-bg-004", "signed", 0, "2024-06-19 day text"),
        ("dyad-bg-004", "travel", 0, "2024-06-20 day text future"),
        (
            "dyad-bg-004",
            "meet",
            0,
            "2024-06-19 day publication future",
        ),
        ("dyad-bg-005", "entered", 0, "200X decade text"),
        ("dyad-bg-005", "fell", 0, "200X decade context"),
        ("dyad-bg-005", "killed", 0, "2011 year text"),
        ("dyad-bg-005", "left", 0, "2021-08 month text"),
        ("dyad-bg-005", "took", 0, "2021-08-15 day text"),
        ("dyad-bg-005", "review", 0, "2021 year text future"),
        ("dyad-bg-005", "said", 0, "2021-08-31 day text"),
    ];
    let mut wrong = Vec::new();
    for &(id, word, n, want) in expected {
        let doc = docs.iter().find(|d| d.id == id).unwrap();
        let got = date_of(doc, word, n);
        if show(&got) != want {
            wrong.push(format!(
                "{id}: {word:?} #{n}: got {} ({}), expected {want}",
                show(&got),
                got.level.as_str()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Over every evaluation record and every example: no event (every verb and noun is tried as
/// one) is dated after its publication date unless flagged future, no future event is dated
/// wholly before it, and no mention that is not future lies after it.
#[test]
fn nothing_is_dated_after_publication_unless_future() {
    let Some(parser) = parser() else { return };
    let shared = PathBuf::from(format!("{ROOT}/../shared/data/eval"));
    let mut paths: Vec<PathBuf> = Vec::new();
    if shared.is_dir() {
        for name in [
            "PETR.UnitTest.records.jsonl",
            "PETR2_GSR_validation.jsonl",
            "PLOVER_GSR_CAMEO.jsonl",
        ] {
            paths.push(shared.join(name));
        }
    } else {
        eprintln!("note: ../shared/data is missing; checking the examples only");
    }
    let mut examples: Vec<PathBuf> = std::fs::read_dir(format!("{ROOT}/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    examples.sort();
    paths.extend(examples);
    let docs = docs(parser, &paths);
    let (mut events, mut by_basis, mut future) = (0usize, [0usize; 3], 0usize);
    let mut bad = Vec::new();
    for doc in &docs {
        let p = doc.pub_date;
        for m in doc.times.as_ref().unwrap() {
            if let Some(v) = m.value
                && !m.future
                && v.first_day() > p
            {
                bad.push(format!(
                    "{}: mention {:?} = {v} after {p}",
                    doc.id,
                    doc.slice(m.span)
                ));
            }
        }
        let dater = EventDater::new(doc);
        let parse = doc.parse.as_ref().unwrap();
        for (s, range) in parse.sents().iter().enumerate() {
            for i in range.clone() {
                let t = parse.token(i).unwrap();
                if !matches!(t.pos(), Some(Pos::Verb | Pos::Noun | Pos::Propn | Pos::Aux))
                    || matches!(t.dep(), "aux" | "auxpass")
                {
                    continue;
                }
                let e = dater.date_token(s, i);
                events += 1;
                by_basis[e.basis as usize] += 1;
                future += usize::from(e.future);
                let word = t.text(&doc.text);
                if let Some(d) = e.date
                    && !e.future
                    && d.first_day() > p
                {
                    bad.push(format!("{}: {word:?} dated {d} after {p}", doc.id));
                }
                if e.tense == TimeTense::Future
                    && let Some(d) = e.date
                    && e.to.unwrap_or(d).last_day() < p
                {
                    bad.push(format!("{}: future {word:?} dated {d} before {p}", doc.id));
                }
                if e.level != DateLevel::Publication {
                    assert!(e.date.is_some() || e.from.is_some(), "{}: {e:?}", doc.id);
                }
            }
        }
    }
    eprintln!(
        "{} documents, {events} verbs and nouns dated: {} by the text, {} by context, {} by publication; {future} future",
        docs.len(),
        by_basis[0],
        by_basis[1],
        by_basis[2]
    );
    assert!(docs.len() >= 700, "{} documents", docs.len());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Without the text stage, the dateline the finder reads at the top of the story is still the
/// fallback for events with no date in their text.
#[test]
fn dateline_without_the_text_stage() {
    let Some(parser) = parser() else { return };
    let text = "SEOUL, June 18 (AP) — Iran rejected the accusations. It will respond.";
    let mut doc = Doc::new("dl", jiff::civil::date(2024, 6, 19), text.to_string());
    doc.parse = Some(parser.parse_text(text).unwrap());
    TimeStage::new().run(&mut doc).unwrap();
    assert!(doc.dateline.is_none());
    let rejected = date_of(&doc, "rejected", 0);
    assert_eq!(show(&rejected), "2024-06-18 day context");
    assert_eq!(rejected.level, DateLevel::Dateline);
    assert_eq!(
        show(&date_of(&doc, "respond", 0)),
        "2024-06-19 day publication future"
    );
}

/// Stories 006 to 008 of `examples/background.jsonl` were written, and their dates set down
/// below as an analyst would want them, after the rules were frozen: the figure is what to
/// expect on unseen commentary. The first run scored 23 of the 26 (88%); the three misses
/// were then fixed by general rules (prospective complements of past verbs; the present
/// perfect takes no narrative time), so the set is no longer held out. The score may only
/// rise.
#[test]
fn held_out_background_stories() {
    let Some(parser) = parser() else { return };
    let docs = background(parser);
    let expected: &[(&str, &str, usize, &str)] = &[
        ("dyad-bg-006", "reached", 0, "1978 year text"),
        ("dyad-bg-006", "hosted", 0, "1978-09 month text"),
        ("dyad-bg-006", "signed", 0, "1979-03 month text"),
        ("dyad-bg-006", "expelled", 0, "1979 year text"),
        ("dyad-bg-006", "attacked", 0, "2023-10-07 day text"),
        ("dyad-bg-006", "declared", 0, "2023-10-08 day text"),
        ("dyad-bg-006", "travel", 0, "2023-10-12 day text future"),
        ("dyad-bg-006", "said", 0, "2023-10-12 day publication"),
        ("dyad-bg-006", "offered", 0, "2023-10-12 day publication"),
        (
            "dyad-bg-006",
            "mediate",
            0,
            "2023-10-12 day publication future",
        ),
        ("dyad-bg-007", "applied", 0, "2022-05 month text"),
        ("dyad-bg-007", "ending", 0, "2022-05 month text"),
        ("dyad-bg-007", "stayed", 0, "- unknown text"),
        ("dyad-bg-007", "treaty", 0, "1948 year text"),
        ("dyad-bg-007", "fought", 0, "1814 year text"),
        ("dyad-bg-007", "signed", 0, "2022-07-05 day text"),
        ("dyad-bg-007", "objected", 0, "2022-07-05 day context"),
        ("dyad-bg-007", "decide", 0, "2022-10 month text future"),
        ("dyad-bg-007", "said", 0, "2022-09-29 day text"),
        ("dyad-bg-008", "handed", 0, "1999-12-31 day text"),
        ("dyad-bg-008", "signed", 0, "1977 year text"),
        ("dyad-bg-008", "invaded", 0, "1989 year text"),
        ("dyad-bg-008", "toppled", 0, "1989 year text"),
        ("dyad-bg-008", "rejected", 0, "2024-12 month text"),
        ("dyad-bg-008", "met", 0, "2025-01-17 day text"),
        ("dyad-bg-008", "hold", 0, "2025-02 month text future"),
    ];
    let mut right = 0;
    for &(id, word, n, want) in expected {
        let doc = docs.iter().find(|d| d.id == id).unwrap();
        let got = date_of(doc, word, n);
        if show(&got) == want {
            right += 1;
        } else {
            eprintln!(
                "held out: {id}: {word:?} #{n}: got {} ({}), expected {want}",
                show(&got),
                got.level.as_str()
            );
        }
    }
    eprintln!(
        "held-out background stories: {right}/{} right",
        expected.len()
    );
    assert!(right >= 26, "{right}/{}", expected.len());
}
