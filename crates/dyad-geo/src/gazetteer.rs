//! [`Gazetteer`]: loading the cache and resolving names.
//!
//! # How a name is resolved
//!
//! 1. The name is turned into a key (case, accents and punctuation folded; see `normalize`). A key
//!    that is a demonym ("French", "North Korean") is not a place: `None`. A qualifier after the last
//!    comma ("Paris, Texas", "Springfield, Ill.", "Kramatorsk, Ukraine") is resolved first and limits
//!    the head to that country (and first-level division); an unknown head then gives the qualifier's
//!    place itself.
//! 2. Every place with that key is a candidate: GeoNames countries, US states and cities (by name or,
//!    for larger places, alternate name), and dyad's own regions and aliases. When there is none, a
//!    few news forms are tried: "X City" (cities only), "X State" (first-level divisions first),
//!    "X region / province / oblast …" and "the city / town / village / port of X". A leading
//!    direction ("eastern Ukraine", "South Lebanon") is also read as the country, division or region
//!    after it, which wins over a place named with the direction when it scores more than 1.0 higher;
//!    a direction alone ("the West") is not a place.
//! 3. Each candidate gets a score: its prominence (a country 8.5, a US state 6.5, dyad's regions as
//!    their table says, a city log10 of its population, +1.5 for a national capital, −1 when only an
//!    alternate name matched), plus what the context says: its country named in the sentence +3.0, else
//!    in the document +2.5, else the dateline's country +1.5, else a neighbour of a sentence or
//!    document country +1.0; its first-level division mentioned +2.5; the dateline's division +1.0.
//! 4. The best candidate wins unless it scores below 3.5 (a village of under 3,000 people, or an
//!    obscure place matched by an alternate name, with nothing in the context for it), or a candidate in another country, or more than
//!    100 km away, comes within 0.35 of it (several Springfields, Punjab without India or Pakistan
//!    around): then the answer is `None`, as the issue asks ("null when unsure").
//!
//! So "Paris" is the French capital unless Texas is in the sentence; "Georgia" is the country unless
//! the United States is in the sentence or document (or Atlanta, a city in the state, is), and stays
//! the country next to Russia; "Washington" is the capital of the United States unless Seattle or
//! Spokane is around.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::error::GeoError;
use crate::format::{RawPlace, Store};
use crate::install::{self, CONVERTER_VERSION, InstallOptions};
use crate::normalize::{MAX_QUERY_BYTES, key};
use crate::overlay::{Overlay, Target};
use crate::{Context, Place, PlaceKind};

const COUNTRY_BASE: f32 = 8.5;
const ADMIN1_BASE: f32 = 6.5;
const CAPITAL_BONUS: f32 = 1.5;
const ALTERNATE_PENALTY: f32 = 1.0;
/// The alternate-name penalty when another candidate has the name as its own ("Bethlehem" is also
/// an alternate name of Belém).
const ALTERNATE_PENALTY_BESIDE_PRIMARY: f32 = 2.0;
const SENTENCE_BONUS: f32 = 3.0;
const DOCUMENT_BONUS: f32 = 2.5;
const DATELINE_COUNTRY_BONUS: f32 = 1.5;
const NEIGHBOUR_BONUS: f32 = 1.0;
const ADMIN1_BONUS: f32 = 2.5;
const DATELINE_ADMIN1_BONUS: f32 = 1.0;
/// For the dateline's own place named again in the text.
const DATELINE_PLACE_BONUS: f32 = 3.0;
/// How near the dateline's place a candidate must be to count as the same place.
const SAME_PLACE_KM: f32 = 25.0;
/// What reading "South Lebanon" as "Lebanon" costs against a place named "South Lebanon".
const DIRECTION_PENALTY: f32 = 1.0;
/// Below this score the best candidate is not trusted.
const MIN_SCORE: f32 = 3.5;
/// A rival candidate this close to the best makes the answer unsure.
const MARGIN: f32 = 0.35;
/// Candidates in one country farther apart than this are different places.
const FAR_KM: f32 = 100.0;

/// Words that, after a name, say what kind of division it is ("Kherson region").
const DIVISION_WORDS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "governorate",
    "prefecture",
    "district",
    "county",
    "territory",
    "municipality",
    "area",
    "state",
    "city",
];

/// Nouns of "the X of NAME" ("the city of Kharkiv", "the port of Odesa").
const OF_WORDS: &[&str] = &[
    "city", "town", "village", "port", "province", "region", "state", "island", "capital",
];

/// Directions before a name ("eastern Ukraine").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
];

/// The offline gazetteer: GeoNames places from the installed cache plus dyad's own table. Immutable
/// once loaded; share it between threads freely.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    store: Store,
    iso3: HashMap<String, u16>,
    overlay: Overlay,
}

/// What a place looks like to the resolver, wherever it comes from.
#[derive(Debug, Clone, Copy)]
struct View<'a> {
    name: &'a str,
    kind: PlaceKind,
    country: Option<u16>,
    admin1: &'a str,
    lat: f32,
    lon: f32,
    population: u32,
    capital: bool,
    prominence: Option<f32>,
    geonameid: u32,
}

impl<'a> From<RawPlace<'a>> for View<'a> {
    fn from(r: RawPlace<'a>) -> Self {
        View {
            name: r.name,
            kind: r.kind,
            country: r.country,
            admin1: r.admin1,
            lat: r.lat,
            lon: r.lon,
            population: r.population,
            capital: r.capital,
            prominence: None,
            geonameid: r.geonameid,
        }
    }
}

/// The context with country codes turned into the cache's country indices.
#[derive(Debug, Clone, Default)]
struct Ctx {
    sentence: Vec<u16>,
    document: Vec<u16>,
    neighbours: Vec<u16>,
    admin1s: Vec<(u16, String)>,
    dateline_country: Option<u16>,
    dateline_admin1: Option<(u16, String)>,
    /// The dateline place's country and coordinates.
    dateline_point: Option<(u16, f32, f32)>,
}

/// What a span says about its sentence: a country and maybe a (country, admin1) division.
type Clue = (Option<u16>, Option<(u16, String)>);

/// The kinds of place a lookup accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Any,
    Only(PlaceKind),
    NotCity,
}

impl Want {
    fn accepts(self, kind: PlaceKind) -> bool {
        match self {
            Want::Any => true,
            Want::Only(k) => k == kind,
            Want::NotCity => kind != PlaceKind::City,
        }
    }
}

/// A country (and first-level division) a qualifier limits the head to.
#[derive(Debug, Clone)]
struct Scope {
    country: u16,
    admin1: Option<String>,
}

/// The result of one lookup.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    NoCandidates,
    Unsure,
    /// The place and its score.
    Chosen(Target, f32),
}

/// Great-circle distance in kilometres.
fn distance_km(a: (f32, f32), b: (f32, f32)) -> f32 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Round a stored coordinate to five decimals (about a metre), dropping f32 noise.
fn coord(v: f32) -> f64 {
    (f64::from(v) * 1e5).round() / 1e5
}

/// Strip a trailing possessive ("Russia's").
fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
}

impl Gazetteer {
    /// Load the installed gazetteer from the default cache directory.
    pub fn load() -> Result<Gazetteer, GeoError> {
        Gazetteer::load_from(&install::cache_path(None)?)
    }

    /// Load the gazetteer from the cache file at `path` (see [`cache_path`](crate::cache_path)).
    pub fn load_from(path: &Path) -> Result<Gazetteer, GeoError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(GeoError::NotInstalled {
                    path: path.to_path_buf(),
                });
            }
            Err(source) => {
                return Err(GeoError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Gazetteer::from_bytes(bytes).map_err(|detail| GeoError::CacheCorrupt {
            path: path.to_path_buf(),
            detail,
        })
    }

    /// Install the gazetteer if needed (see [`install`](crate::install)), then load it.
    pub fn install(opts: &InstallOptions) -> Result<Gazetteer, GeoError> {
        let installed = install::install(opts)?;
        Gazetteer::load_from(&installed.path)
    }

    /// A gazetteer from the bytes of a cache file; the error says what is wrong with them.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Gazetteer, String> {
        let store = Store::from_bytes(bytes, CONVERTER_VERSION)?;
        let mut iso3 = HashMap::new();
        for i in 0..store.n_countries() {
            let i = i as u16;
            if let Some(c) = store.country(i) {
                iso3.insert(c.iso3.to_owned(), i);
            }
        }
        let overlay = Overlay::build(&store, &iso3);
        Ok(Gazetteer {
            store,
            iso3,
            overlay,
        })
    }

    /// Sizes, for reports: (places in the cache, dyad's own places, name keys, cache bytes).
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        (
            self.store.n_places(),
            self.overlay.own.len(),
            self.store.n_keys() + self.overlay.names.len(),
            self.store.len_bytes(),
        )
    }

    /// Lines of dyad's own tables that could not be used (expected empty; a test checks it).
    pub fn table_problems(&self) -> &[String] {
        &self.overlay.problems
    }

    /// The ISO 3166-1 alpha-3 code of the country a demonym names ("Georgian" → "GEO"), if the word is
    /// a demonym of exactly one country in the gazetteer.
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        let c = (*self
            .overlay
            .demonyms
            .get(&key(strip_possessive(word.trim())))?)?;
        self.store.country(c).map(|c| c.iso3)
    }

    /// The place `name` most likely means in `ctx`, or `None` when the name is unknown, is a demonym, or
    /// could mean several places that the context does not tell apart (see the module docs).
    pub fn resolve(&self, name: &str, ctx: &Context) -> Option<Place> {
        let ctx = self.prepare(ctx);
        self.resolve_target(name, &ctx).and_then(|t| self.place(t))
    }

    /// Resolve every span of `text` (byte ranges, e.g. the GPE and LOC entities of one sentence) in
    /// the light of the others. A first pass resolves each alone with `ctx`; the countries and
    /// divisions of the others (and the countries of demonyms among the spans) are then added to the
    /// sentence context of each, and it is resolved again. Two spans with only a comma between them
    /// ("Athens" "," "Georgia") are read as "HEAD, QUALIFIER" when the qualifier holds a place of the
    /// head's name. A span that is out of range or not on character boundaries gives `None`.
    pub fn resolve_spans(
        &self,
        text: &str,
        spans: &[Range<usize>],
        ctx: &Context,
    ) -> Vec<Option<Place>> {
        let base = self.prepare(ctx);
        let names: Vec<Option<&str>> = spans.iter().map(|r| text.get(r.clone())).collect();
        let paired = |i: usize| {
            spans.get(i + 1).is_some_and(|next| {
                spans[i].end <= next.start
                    && text
                        .get(spans[i].end..next.start)
                        .is_some_and(|gap| gap.trim() == ",")
            })
        };
        let run = |ctx_for: &dyn Fn(usize) -> Ctx| -> Vec<Option<Target>> {
            let mut out = vec![None; names.len()];
            let mut i = 0;
            while i < names.len() {
                let c = ctx_for(i);
                if paired(i)
                    && let (Some(head), Some(qual)) = (names[i], names[i + 1])
                    && let Some((Outcome::Chosen(t, _), q)) = self.resolve_qualified(head, qual, &c)
                {
                    out[i] = Some(t);
                    out[i + 1] = Some(q);
                    i += 2;
                    continue;
                }
                out[i] = names[i].and_then(|n| self.resolve_target(n, &c));
                i += 1;
            }
            out
        };
        let first = run(&|_| base.clone());
        // What each span says about the sentence: a country and maybe a division.
        let clues: Vec<Clue> = names
            .iter()
            .zip(&first)
            .map(|(n, t)| {
                if let Some(n) = n
                    && let Some(&Some(c)) =
                        self.overlay.demonyms.get(&key(strip_possessive(n.trim())))
                {
                    return (Some(c), None);
                }
                match t.and_then(|t| self.view(t)) {
                    Some(v) => (
                        v.country,
                        v.country
                            .filter(|_| !v.admin1.is_empty())
                            .map(|c| (c, v.admin1.to_owned())),
                    ),
                    None => (None, None),
                }
            })
            .collect();
        let with_others = |i: usize| {
            let mut c = base.clone();
            for (j, (country, admin1)) in clues.iter().enumerate() {
                if j == i {
                    continue;
                }
                if let Some(country) = country
                    && !c.sentence.contains(country)
                {
                    c.sentence.push(*country);
                }
                if let Some(a) = admin1 {
                    c.admin1s.push(a.clone());
                }
            }
            self.add_neighbours(&mut c);
            c
        };
        run(&with_others)
            .into_iter()
            .map(|t| t.and_then(|t| self.place(t)))
            .collect()
    }

    /// The countries (ISO alpha-3) that a document's place mentions and demonyms point to, in order
    /// of first mention, for [`Context::document_countries`]. Each mention is resolved alone; unsure
    /// ones add nothing.
    pub fn document_countries<'a>(
        &self,
        mentions: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let empty = Ctx::default();
        let mut out: Vec<String> = Vec::new();
        for m in mentions {
            let demonym = self
                .overlay
                .demonyms
                .get(&key(strip_possessive(m.trim())))
                .copied()
                .flatten();
            let country = demonym.or_else(|| {
                self.resolve_target(m, &empty)
                    .and_then(|t| self.view(t))
                    .and_then(|v| v.country)
            });
            if let Some(iso3) = country.and_then(|c| self.store.country(c)).map(|c| c.iso3)
                && !out.iter().any(|o| o == iso3)
            {
                out.push(iso3.to_owned());
            }
        }
        out
    }

    fn country_index(&self, code: &str) -> Option<u16> {
        self.iso3.get(&code.trim().to_ascii_uppercase()).copied()
    }

    fn prepare(&self, ctx: &Context) -> Ctx {
        let codes = |list: &[String]| {
            let mut v: Vec<u16> = list.iter().filter_map(|c| self.country_index(c)).collect();
            v.dedup();
            v
        };
        let mut c = Ctx {
            sentence: codes(&ctx.sentence_countries),
            document: codes(&ctx.document_countries),
            admin1s: ctx
                .admin1s
                .iter()
                .filter_map(|(country, a)| Some((self.country_index(country)?, a.clone())))
                .collect(),
            ..Ctx::default()
        };
        if let Some(d) = &ctx.dateline {
            c.dateline_country = d.country.as_deref().and_then(|x| self.country_index(x));
            c.dateline_admin1 = c.dateline_country.zip(d.admin1.clone());
            if d.kind != PlaceKind::Country {
                c.dateline_point = c
                    .dateline_country
                    .map(|country| (country, d.lat as f32, d.lon as f32));
            }
        }
        self.add_neighbours(&mut c);
        c
    }

    fn add_neighbours(&self, c: &mut Ctx) {
        c.neighbours.clear();
        for &country in c.sentence.iter().chain(&c.document) {
            if let Some(rec) = self.store.country(country) {
                c.neighbours.extend(self.store.neighbours(&rec));
            }
        }
    }

    fn view(&self, t: Target) -> Option<View<'_>> {
        match t {
            Target::Stored(p) => self.store.place(p).map(View::from),
            Target::Own(i) => {
                let o = self.overlay.own.get(i as usize)?;
                Some(View {
                    name: &o.name,
                    kind: o.kind,
                    country: o.country,
                    admin1: &o.admin1,
                    lat: o.lat,
                    lon: o.lon,
                    population: 0,
                    capital: false,
                    prominence: Some(o.prominence),
                    geonameid: 0,
                })
            }
        }
    }

    fn place(&self, t: Target) -> Option<Place> {
        let v = self.view(t)?;
        let country = v
            .country
            .and_then(|c| self.store.country(c))
            .map(|c| c.iso3.to_owned());
        Some(Place {
            name: v.name.to_owned(),
            country,
            admin1: (!v.admin1.is_empty()).then(|| v.admin1.to_owned()),
            lat: coord(v.lat),
            lon: coord(v.lon),
            kind: v.kind,
            population: (v.population > 0).then_some(u64::from(v.population)),
            geonameid: (v.geonameid > 0).then_some(v.geonameid),
        })
    }

    fn score(&self, v: &View<'_>, alternate: Option<f32>, ctx: &Ctx) -> f32 {
        let mut s = match (v.prominence, v.kind) {
            (Some(p), _) => p,
            (None, PlaceKind::Country) => COUNTRY_BASE,
            (None, PlaceKind::Admin1) => ADMIN1_BASE,
            (None, _) => {
                (v.population.max(1) as f32).log10() + if v.capital { CAPITAL_BONUS } else { 0.0 }
            }
        };
        if let Some(penalty) = alternate {
            s -= penalty;
        }
        if let Some(c) = v.country {
            if ctx.sentence.contains(&c) {
                s += SENTENCE_BONUS;
            } else if ctx.document.contains(&c) {
                s += DOCUMENT_BONUS;
            } else if ctx.dateline_country == Some(c) {
                s += DATELINE_COUNTRY_BONUS;
            } else if ctx.neighbours.contains(&c) {
                s += NEIGHBOUR_BONUS;
            }
            if v.kind != PlaceKind::Country && !v.admin1.is_empty() {
                if ctx.admin1s.iter().any(|(ac, a)| *ac == c && a == v.admin1) {
                    s += ADMIN1_BONUS;
                }
                if ctx
                    .dateline_admin1
                    .as_ref()
                    .is_some_and(|(ac, a)| *ac == c && a == v.admin1)
                {
                    s += DATELINE_ADMIN1_BONUS;
                }
            }
            if v.kind != PlaceKind::Country
                && ctx.dateline_point.is_some_and(|(dc, lat, lon)| {
                    dc == c && distance_km((lat, lon), (v.lat, v.lon)) <= SAME_PLACE_KM
                })
            {
                s += DATELINE_PLACE_BONUS;
            }
        }
        s
    }

    /// Whether two candidates are different places (so that a close score makes the answer unsure).
    fn conflict(a: &View<'_>, b: &View<'_>) -> bool {
        if a.country != b.country {
            return true;
        }
        if a.kind == PlaceKind::Country || b.kind == PlaceKind::Country {
            return false;
        }
        distance_km((a.lat, a.lon), (b.lat, b.lon)) > FAR_KM
    }

    fn candidates(&self, k: &str) -> Vec<(Target, bool)> {
        let mut out: Vec<(Target, bool)> = self
            .store
            .postings(k)
            .into_iter()
            .map(|(p, alt)| (Target::Stored(p), alt))
            .collect();
        if let Some(own) = self.overlay.names.get(k) {
            for &t in own {
                match out.iter_mut().find(|(o, _)| *o == t) {
                    Some(entry) => entry.1 = false,
                    None => out.push((t, false)),
                }
            }
        }
        out
    }

    fn choose(&self, k: &str, ctx: &Ctx, scope: Option<&Scope>, want: Want) -> Outcome {
        let mut scored: Vec<(f32, Target, View<'_>)> = Vec::new();
        let candidates = self.candidates(k);
        let penalty = if candidates.iter().any(|(_, alt)| !alt) {
            ALTERNATE_PENALTY_BESIDE_PRIMARY
        } else {
            ALTERNATE_PENALTY
        };
        for (t, alt) in candidates {
            let Some(v) = self.view(t) else { continue };
            if !want.accepts(v.kind) {
                continue;
            }
            if let Some(s) = scope {
                if v.country != Some(s.country) {
                    continue;
                }
                if let Some(a) = &s.admin1
                    && v.kind != PlaceKind::Country
                    && v.admin1 != a
                {
                    continue;
                }
            }
            scored.push((self.score(&v, alt.then_some(penalty), ctx), t, v));
        }
        if scored.is_empty() {
            return Outcome::NoCandidates;
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best_score, best, best_view) = scored[0];
        if best_score < MIN_SCORE {
            return Outcome::Unsure;
        }
        let rival = scored
            .iter()
            .skip(1)
            .find(|(_, _, v)| Gazetteer::conflict(&best_view, v));
        if rival.is_some_and(|(s, _, _)| best_score - s < MARGIN) {
            return Outcome::Unsure;
        }
        Outcome::Chosen(best, best_score)
    }

    /// Look a key up, then its news variants (see the module docs) while nothing is found. A name
    /// after a direction ("South Lebanon") may also be read as the country, division or region with a
    /// direction, which wins over a place named with the direction when it scores higher by more than
    /// `DIRECTION_PENALTY` (Lebanon the country over South Lebanon, Ohio; South Africa stays).
    fn lookup(&self, k: &str, ctx: &Ctx, scope: Option<&Scope>, want: Want, depth: u8) -> Outcome {
        let words: Vec<&str> = k.split(' ').collect();
        let dirs = words.iter().take_while(|w| DIRECTIONS.contains(w)).count();
        if dirs == words.len() {
            // "North", "the West": a direction is not a place.
            return Outcome::NoCandidates;
        }
        let out = self.choose(k, ctx, scope, want);
        if dirs > 0 && depth > 0 {
            let rest = words[dirs..].join(" ");
            let rest_want = if out == Outcome::NoCandidates {
                want
            } else {
                Want::NotCity
            };
            let alt = self.lookup(&rest, ctx, scope, rest_want, depth - 1);
            match (out, alt) {
                (Outcome::NoCandidates, alt) => return alt,
                (Outcome::Chosen(_, full), Outcome::Chosen(t, score))
                    if score - DIRECTION_PENALTY > full =>
                {
                    return Outcome::Chosen(t, score - DIRECTION_PENALTY);
                }
                _ => {}
            }
        }
        if out != Outcome::NoCandidates || depth == 0 {
            return out;
        }
        if let [rest @ .., last] = words.as_slice()
            && !rest.is_empty()
            && DIVISION_WORDS.contains(last)
        {
            let rest = rest.join(" ");
            let first_want = match *last {
                "city" => Want::Only(PlaceKind::City),
                "state" => Want::NotCity,
                _ => want,
            };
            let out = self.lookup(&rest, ctx, scope, first_want, depth - 1);
            if out != Outcome::NoCandidates || first_want == want {
                return out;
            }
            let out = self.lookup(&rest, ctx, scope, want, depth - 1);
            if out != Outcome::NoCandidates {
                return out;
            }
        }
        if let [noun, "of", rest @ ..] = words.as_slice()
            && !rest.is_empty()
            && OF_WORDS.contains(noun)
        {
            return self.lookup(&rest.join(" "), ctx, scope, want, depth - 1);
        }
        Outcome::NoCandidates
    }

    /// The places a qualifier after a comma may name, in the order they are tried: a US state by
    /// name, abbreviation or postal code, then the best country, division or region, then the best
    /// city.
    fn qualifier_options(&self, qual: &str, ctx: &Ctx) -> Vec<Target> {
        let k = key(qual);
        let mut out = Vec::new();
        if let Some(&p) = self.overlay.state_qualifiers.get(&k) {
            out.push(Target::Stored(p));
        }
        for want in [Want::NotCity, Want::Only(PlaceKind::City)] {
            if let Outcome::Chosen(t, _) = self.lookup(&k, ctx, None, want, 1)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        out
    }

    /// "HEAD, QUALIFIER": the head looked up inside each place the qualifier may name, in turn, until
    /// one holds a place of that name. `None` when the qualifier names nothing; else the head's
    /// outcome and the qualifier's place (the first one tried when the head is nowhere).
    fn resolve_qualified(&self, head: &str, qual: &str, ctx: &Ctx) -> Option<(Outcome, Target)> {
        let options = self.qualifier_options(qual, ctx);
        let head_key = key(head);
        for &q in &options {
            let Some(v) = self.view(q) else { continue };
            let Some(country) = v.country else { continue };
            let scope = Scope {
                country,
                admin1: (v.kind != PlaceKind::Country && !v.admin1.is_empty())
                    .then(|| v.admin1.to_owned()),
            };
            match self.lookup(&head_key, ctx, Some(&scope), Want::Any, 2) {
                Outcome::NoCandidates => {}
                out => return Some((out, q)),
            }
        }
        options.first().map(|&q| (Outcome::NoCandidates, q))
    }

    fn resolve_target(&self, name: &str, ctx: &Ctx) -> Option<Target> {
        let name = strip_possessive(name.trim());
        if name.is_empty() || name.len() > MAX_QUERY_BYTES {
            return None;
        }
        if let Some((head, qual)) = name.rsplit_once(',')
            && !head.trim().is_empty()
            && !qual.trim().is_empty()
        {
            return match self.resolve_qualified(head, qual, ctx) {
                Some((Outcome::Chosen(t, _), _)) => Some(t),
                Some((Outcome::Unsure, _)) => None,
                Some((Outcome::NoCandidates, q)) => Some(q),
                None => self.resolve_key(&key(head), ctx),
            };
        }
        self.resolve_key(&key(name), ctx)
    }

    fn resolve_key(&self, k: &str, ctx: &Ctx) -> Option<Target> {
        if k.len() < 2 || k.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            return None;
        }
        let want = if self.overlay.demonyms.contains_key(k) {
            // A demonym is a place only where a country, division or region has that very name.
            Want::NotCity
        } else {
            Want::Any
        };
        match self.lookup(k, ctx, None, want, 2) {
            Outcome::Chosen(t, _) => Some(t),
            _ => None,
        }
    }
}
