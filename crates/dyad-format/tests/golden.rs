//! Golden files: each format's output for a fixed set of events, compared byte for byte with
//! `tests/golden/events.*`.
//!
//! After an intended change to a format, rewrite the files and review the diff in git:
//!
//! ```text
//! DYAD_BLESS=1 cargo test -p dyad-format --test golden
//! ```
//!
//! The events are built here by hand to cover the awkward cases: no source, no target, no
//! location, no mode, no sector, no date; non-ASCII text; tabs, line breaks and quotes inside
//! evidence and actor text; a four-digit CAMEO code with a leading zero; a negated event; a
//! decade date.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use dyad_doc::{ActorRef, Event, Location, Mention, PloverCode};
use dyad_format::{CSV_COLUMNS, EventSink, Format, GDELT_COLUMNS, PHOENIX_COLUMNS, event_sink};
use dyad_ontology::{Cameo, DateBasis, PartialDate, Precision};

/// `[start, end)` of `needle` in `text`, in code points.
fn span(text: &str, needle: &str) -> [usize; 2] {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..at].chars().count();
    [start, start + needle.chars().count()]
}

fn actor(text: &str, words: &str, code: &str, country: &str, sector: Option<&str>) -> ActorRef {
    ActorRef {
        code: code.into(),
        country: country.into(),
        sector: sector.map(Into::into),
        text: words.into(),
        span: span(text, words),
    }
}

fn cameo(code: &str) -> Cameo {
    code.parse().unwrap()
}

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

fn plover(event: &str, mode: Option<&str>, context: &[&str]) -> PloverCode {
    PloverCode {
        event: event.into(),
        mode: mode.map(Into::into),
        context: context.iter().map(|c| c.to_string()).collect(),
    }
}

/// A minimal event for `text`; the cases below change what they test.
fn base(id: &str, doc: &str, sentence: u32, text: &str, verb: &str, code: &str) -> Event {
    let cameo = cameo(code);
    Event {
        event_id: id.into(),
        doc_id: doc.into(),
        sentence_index: sentence,
        date: None,
        date_precision: Precision::Unknown,
        date_basis: DateBasis::Publication,
        pub_date: jiff::civil::date(2024, 6, 19),
        source: None,
        target: None,
        cameo,
        cameo_root: cameo.root(),
        quad_class: cameo.quad_class(),
        goldstein: 0.0,
        plover: plover("CONSULT", None, &[]),
        verb: Mention {
            text: verb.into(),
            span: span(text, verb),
        },
        negated: false,
        future: false,
        date_range: None,
        location: None,
        evidence: text.into(),
        evidence_span: [0, text.chars().count()],
        rule: "test".into(),
        confidence: 1.0,
    }
}

fn events() -> Vec<Event> {
    let mut all = Vec::new();

    // Month precision, both actors (target without sector), a located visit.
    let text = "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met \
                Chairman Mao Zedong.";
    let mut e = base(
        "afp-1972-nixon-0-042",
        "afp-1972-nixon",
        0,
        text,
        "traveled",
        "042",
    );
    e.date = date("1972-02");
    e.date_precision = Precision::Month;
    e.date_basis = DateBasis::Text;
    e.pub_date = jiff::civil::date(2022, 2, 21);
    e.source = Some(actor(
        text,
        "U.S. President Richard Nixon",
        "USAGOV",
        "USA",
        Some("GOV"),
    ));
    e.target = Some(actor(text, "Beijing", "CHN", "CHN", None));
    e.goldstein = 1.9;
    e.plover = plover("CONSULT", Some("visit"), &["diplomatic", "executive"]);
    e.location = Some(Location {
        name: "Beijing".into(),
        country: Some("CHN".into()),
        admin1: None,
        lat: Some(39.9042),
        lon: Some(116.4074),
    });
    e.rule = "verb:travel-to".into();
    e.confidence = 0.9;
    all.push(e);

    // Non-ASCII actor and place text, day precision from context, a later sentence.
    let text = "Envoys from Türkiye met officials in Kyiv — Київ — on Tuesday.";
    let mut e = base("wire-77-2-040", "wire-77", 2, text, "met", "040");
    e.date = date("2024-06-18");
    e.date_precision = Precision::Day;
    e.date_basis = DateBasis::Context;
    e.source = Some(actor(
        text,
        "Envoys from Türkiye",
        "TURGOV",
        "TUR",
        Some("GOV"),
    ));
    e.target = Some(actor(
        text,
        "officials in Kyiv — Київ",
        "UKRGOV",
        "UKR",
        Some("GOV"),
    ));
    e.goldstein = 1.0;
    e.plover = plover("CONSULT", None, &["diplomatic"]);
    e.location = Some(Location {
        name: "Kyiv — Київ".into(),
        country: Some("UKR".into()),
        admin1: None,
        lat: Some(50.4501),
        lon: Some(30.5234),
    });
    e.rule = "verb:meet".into();
    e.confidence = 0.75;
    all.push(e);

    // Tabs, line breaks and quotes in evidence and actor text; four-digit code with a
    // leading zero; no target, no location; year precision; a whole-number Goldstein.
    let text = "Moscow said the \"Ministry\tof Defence\" forces surrendered\nthe post.\r\nIt \
                gave no reason,\u{2028}officials said.";
    let mut e = base("tass-9-0-0874", "tass-9", 0, text, "surrendered", "0874");
    e.date = date("2023");
    e.date_precision = Precision::Year;
    e.date_basis = DateBasis::Text;
    e.source = Some(actor(
        text,
        "the \"Ministry\tof Defence\" forces",
        "RUSMIL",
        "RUS",
        Some("MIL"),
    ));
    e.goldstein = 10.0;
    e.plover = plover("RETREAT", Some("disarm"), &["military"]);
    e.rule = "verb:surrender".into();
    e.confidence = 0.6;
    all.push(e);

    // No source, an IGO target without sector, a decade date.
    let text = "In the 1960s the United Nations was denounced as \"a talking shop\".";
    let mut e = base("essay-3-4-111", "essay-3", 4, text, "denounced", "111");
    e.date = date("196X");
    e.date_precision = Precision::Decade;
    e.date_basis = DateBasis::Text;
    e.target = Some(actor(text, "the United Nations", "IGOUNO", "IGOUNO", None));
    e.goldstein = -2.0;
    e.plover = plover("ACCUSE", Some("disapprove"), &[]);
    e.rule = "verb:denounce".into();
    e.confidence = 0.5;
    all.push(e);

    // Negated, no date at all, no target, no mode: left out of Phoenix and GDELT.
    let text = "Greece did not sign the accord, officials said.";
    let mut e = base("ekat-5-1-057", "ekat-5", 1, text, "sign", "057");
    e.source = Some(actor(text, "Greece", "GRC", "GRC", None));
    e.goldstein = 8.0;
    e.plover = plover("SUPPORT", None, &["diplomatic"]);
    e.negated = true;
    e.rule = "verb:sign".into();
    e.confidence = 0.55;
    all.push(e);

    all
}

/// The output of `format` for all events, and how many events it skipped.
fn render(format: Format) -> (String, u64) {
    let mut out = Vec::new();
    let mut sink = event_sink(format, Box::new(&mut out));
    for e in events() {
        sink.write_event(&e).unwrap();
    }
    sink.finish().unwrap();
    let skipped = sink.skipped();
    drop(sink);
    (
        String::from_utf8(out).expect("every format writes UTF-8"),
        skipped,
    )
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file, or rewrites it under `DYAD_BLESS=1`.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("DYAD_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\n(run with DYAD_BLESS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the writer's output (- golden, + actual; `⇥` is a tab, `␍` a CR):\n{}\n\
             If the change is intended, rerun with DYAD_BLESS=1 and review the diff.",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// A line diff of `old` and `new` (longest common subsequence), with invisible characters
/// made visible.
fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // lcs[i][j] = length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let show = |line: &str| {
        line.trim_end_matches('\n')
            .replace('\t', "⇥")
            .replace('\r', "␍")
            .replace('\u{2028}', "⏎")
    };
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("  {}\n", show(a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("+ {}\n", show(b[j]));
            j += 1;
        } else {
            out += &format!("- {}\n", show(a[i]));
            i += 1;
        }
    }
    out
}

#[test]
fn golden_jsonl() {
    check_golden("events.jsonl", &render(Format::Jsonl).0);
}

#[test]
fn golden_plover() {
    check_golden("events.plover.jsonl", &render(Format::Plover).0);
}

#[test]
fn golden_phoenix() {
    check_golden("events.phoenix.tsv", &render(Format::Phoenix).0);
}

#[test]
fn golden_gdelt() {
    check_golden("events.gdelt.tsv", &render(Format::Gdelt).0);
}

#[test]
fn golden_csv() {
    check_golden("events.csv", &render(Format::Csv).0);
}

#[test]
fn jsonl_round_trips_to_equal_events() {
    let (text, skipped) = render(Format::Jsonl);
    assert_eq!(skipped, 0);
    let back: Vec<Event> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, events());
}

#[test]
fn tsv_rows_match_the_header_width() {
    let events = events();
    let negated = events.iter().filter(|e| e.negated).count();
    assert!(negated > 0);
    for (format, columns) in [
        (Format::Phoenix, &PHOENIX_COLUMNS[..]),
        (Format::Gdelt, &GDELT_COLUMNS[..]),
    ] {
        let (text, skipped) = render(format);
        assert_eq!(skipped as usize, negated, "{format}");
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(
            lines.len(),
            1 + events.len() - negated,
            "{format}: one line per row"
        );
        assert_eq!(
            lines[0].split('\t').collect::<Vec<_>>(),
            columns,
            "{format} header"
        );
        for line in &lines {
            assert_eq!(
                line.split('\t').count(),
                columns.len(),
                "{format}: {line:?}"
            );
            assert!(!line.contains(['\r', '\u{2028}']), "{format}: {line:?}");
        }
        // Non-ASCII text survives.
        assert!(text.contains("Kyiv — Київ"), "{format}");
    }
    // GDELT carries actor names: the tab inside one became a space, the quotes stayed.
    assert!(
        render(Format::Gdelt)
            .0
            .contains("\tthe \"Ministry of Defence\" forces\t")
    );
}

#[test]
fn tsv_never_breaks_on_breaks_in_any_text_field() {
    let nasty = "a\tb\nc\r\nd\u{2028}e\u{85}f";
    let mut e = events().remove(0);
    e.event_id = nasty.into();
    e.doc_id = nasty.into();
    e.rule = nasty.into();
    e.evidence = nasty.into();
    e.verb.text = nasty.into();
    for a in [e.source.as_mut(), e.target.as_mut()].into_iter().flatten() {
        a.code = nasty.into();
        a.country = nasty.into();
        a.sector = Some(nasty.into());
        a.text = nasty.into();
    }
    if let Some(l) = e.location.as_mut() {
        l.name = nasty.into();
        l.country = Some(nasty.into());
    }
    e.plover = plover(nasty, Some(nasty), &[nasty, nasty]);
    for (format, width) in [
        (Format::Phoenix, PHOENIX_COLUMNS.len()),
        (Format::Gdelt, GDELT_COLUMNS.len()),
    ] {
        let mut out = Vec::new();
        let mut sink = event_sink(format, Box::new(&mut out));
        sink.write_event(&e).unwrap();
        sink.finish().unwrap();
        drop(sink);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), 2, "{format}: {text:?}");
        assert_eq!(
            lines[1].split('\t').count(),
            width,
            "{format}: {:?}",
            lines[1]
        );
        assert!(
            lines[1].contains("a b c  d e f"),
            "{format}: {:?}",
            lines[1]
        );
    }
}

#[test]
fn csv_parses_back_with_the_csv_crate() {
    let (text, skipped) = render(Format::Csv);
    assert_eq!(skipped, 0);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let events = events();
    assert_eq!(rows.len(), events.len());
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    for (row, e) in rows.iter().zip(&events) {
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(&row[col("evidence")], e.evidence, "CSV keeps text exactly");
        assert_eq!(&row[col("cameo")], e.cameo.as_str());
        assert_eq!(
            &row[col("source_text")],
            e.source.as_ref().map_or("", |s| s.text.as_str())
        );
        assert_eq!(
            &row[col("date")],
            e.date.map(|d| d.to_string()).unwrap_or_default()
        );
        assert_eq!(&row[col("negated")], e.negated.to_string());
    }
}

#[test]
fn plover_lines_share_one_key_set() {
    let (text, _) = render(Format::Plover);
    let mut keys = None;
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let these: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys.get_or_insert_with(|| these.clone()), &these);
    }
}
