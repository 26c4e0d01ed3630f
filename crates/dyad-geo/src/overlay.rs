//! dyad's own additions to the GeoNames data, applied when the gazetteer loads (they are small, and
//! keeping them out of the cache means editing them needs no reinstall):
//!
//! - `data/regions.tsv`: regions, territories, seas, continents and a few first-level divisions that the
//!   cities file lacks ("the Gaza Strip", "Crimea", "the South China Sea", "Tigray", "Ontario");
//! - `data/aliases.tsv`: short and older names of countries and cities ("Britain", "U.S.", "Burma",
//!   "Kiev", "Bombay");
//! - the AP-style abbreviations and postal codes of US states, read only after a comma
//!   ("Springfield, Ill.", "Paris, TX");
//! - the demonyms of dyad-ontology's country table ("French", "North Korean") and `data/demonyms.tsv`
//!   (adjective forms it lacks, peoples and continents: "Spanish", "Kazakh", "Kurdish", "European"),
//!   which are not places.
//!
//! A table line that cannot be read is skipped and described in [`Overlay::problems`] (a test keeps it
//! empty).

use std::collections::HashMap;

use crate::PlaceKind;
use crate::format::Store;
use crate::normalize::key;

const REGIONS: &str = include_str!("../data/regions.tsv");
const ALIASES: &str = include_str!("../data/aliases.tsv");
const DEMONYMS: &str = include_str!("../data/demonyms.tsv");

/// AP-style abbreviations of US states (and DC), with their postal codes.
const STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala.", "AL"),
    ("Ariz.", "AZ"),
    ("Ark.", "AR"),
    ("Calif.", "CA"),
    ("Colo.", "CO"),
    ("Conn.", "CT"),
    ("Del.", "DE"),
    ("Fla.", "FL"),
    ("Ga.", "GA"),
    ("Ill.", "IL"),
    ("Ind.", "IN"),
    ("Kan.", "KS"),
    ("Kans.", "KS"),
    ("Ky.", "KY"),
    ("La.", "LA"),
    ("Md.", "MD"),
    ("Mass.", "MA"),
    ("Mich.", "MI"),
    ("Minn.", "MN"),
    ("Miss.", "MS"),
    ("Mo.", "MO"),
    ("Mont.", "MT"),
    ("Neb.", "NE"),
    ("Nebr.", "NE"),
    ("Nev.", "NV"),
    ("N.H.", "NH"),
    ("N.J.", "NJ"),
    ("N.M.", "NM"),
    ("N.Y.", "NY"),
    ("N.C.", "NC"),
    ("N.D.", "ND"),
    ("Okla.", "OK"),
    ("Ore.", "OR"),
    ("Pa.", "PA"),
    ("Penn.", "PA"),
    ("R.I.", "RI"),
    ("S.C.", "SC"),
    ("S.D.", "SD"),
    ("Tenn.", "TN"),
    ("Tex.", "TX"),
    ("Vt.", "VT"),
    ("Va.", "VA"),
    ("Wash.", "WA"),
    ("W.Va.", "WV"),
    ("W. Va.", "WV"),
    ("Wis.", "WI"),
    ("Wisc.", "WI"),
    ("Wyo.", "WY"),
    ("D.C.", "DC"),
];

/// A place of dyad's own table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OwnPlace {
    pub(crate) name: String,
    pub(crate) kind: PlaceKind,
    pub(crate) country: Option<u16>,
    /// GeoNames admin1 code (from the seat city), empty when unknown.
    pub(crate) admin1: String,
    pub(crate) lat: f32,
    pub(crate) lon: f32,
    pub(crate) prominence: f32,
}

/// A place a name can mean: one of the cache's, or one of dyad's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Stored(u32),
    Own(u32),
}

/// dyad's own names and places, keyed like the cache.
#[derive(Debug, Clone, Default)]
pub(crate) struct Overlay {
    pub(crate) own: Vec<OwnPlace>,
    /// Name key → places (all count as primary names).
    pub(crate) names: HashMap<String, Vec<Target>>,
    /// Demonym key → the country it belongs to, if the cache has it and only one has that demonym.
    pub(crate) demonyms: HashMap<String, Option<u16>>,
    /// Key of an abbreviation or postal code → the US state's place (read after a comma only).
    pub(crate) state_qualifiers: HashMap<String, u32>,
    /// Lines of the tables that could not be used.
    pub(crate) problems: Vec<String>,
}

/// The city of `store` named `name` (primary or alternate name) in `country`, the most populous.
fn find_stored(store: &Store, name: &str, country: u16) -> Option<u32> {
    store
        .postings(&key(name))
        .into_iter()
        .filter_map(|(p, _)| store.place(p).map(|r| (p, r)))
        .filter(|(_, r)| r.country == Some(country) && r.kind == PlaceKind::City)
        .max_by_key(|(_, r)| r.population)
        .map(|(p, _)| p)
}

impl Overlay {
    /// Build the overlay for `store`, whose countries are indexed by ISO3 in `iso3`.
    pub(crate) fn build(store: &Store, iso3: &HashMap<String, u16>) -> Overlay {
        let mut o = Overlay::default();
        o.read_regions(store, iso3);
        o.read_aliases(store, iso3);
        o.add_states(store);
        o.add_demonyms(iso3);
        o
    }

    fn add_name(&mut self, name: &str, target: Target) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let list = self.names.entry(k).or_default();
        if !list.contains(&target) {
            list.push(target);
        }
    }

    fn read_regions(&mut self, store: &Store, iso3: &HashMap<String, u16>) {
        for (lineno, line) in REGIONS.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let at = format!("data/regions.tsv:{}", lineno + 1);
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, name, country, lat, lon, prominence, aliases, seat] = cols.as_slice() else {
                self.problems
                    .push(format!("{at}: expected 8 columns, found {}", cols.len()));
                continue;
            };
            let kind = match *kind {
                "region" => PlaceKind::Region,
                "admin1" => PlaceKind::Admin1,
                other => {
                    self.problems.push(format!("{at}: unknown kind `{other}`"));
                    continue;
                }
            };
            let country = if country.is_empty() {
                None
            } else if let Some(&c) = iso3.get(*country) {
                Some(c)
            } else {
                self.problems
                    .push(format!("{at}: country `{country}` is not in the gazetteer"));
                continue;
            };
            let (Ok(lat), Ok(lon), Ok(prominence)) = (
                lat.parse::<f32>(),
                lon.parse::<f32>(),
                prominence.parse::<f32>(),
            ) else {
                self.problems
                    .push(format!("{at}: lat, lon or prominence is not a number"));
                continue;
            };
            if !(lat.abs() <= 90.0 && lon.abs() <= 180.0 && prominence.is_finite()) {
                self.problems
                    .push(format!("{at}: coordinates out of range"));
                continue;
            }
            let mut admin1 = String::new();
            if !seat.is_empty() {
                match country.and_then(|c| find_stored(store, seat, c)) {
                    Some(p) => {
                        admin1 = store
                            .place(p)
                            .map(|r| r.admin1.to_owned())
                            .unwrap_or_default()
                    }
                    None => self
                        .problems
                        .push(format!("{at}: seat `{seat}` is not a city of that country")),
                }
            }
            let idx = self.own.len() as u32;
            self.own.push(OwnPlace {
                name: (*name).to_owned(),
                kind,
                country,
                admin1,
                lat,
                lon,
                prominence,
            });
            self.add_name(name, Target::Own(idx));
            for alias in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                self.add_name(alias, Target::Own(idx));
            }
        }
    }

    fn read_aliases(&mut self, store: &Store, iso3: &HashMap<String, u16>) {
        for (lineno, line) in ALIASES.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let at = format!("data/aliases.tsv:{}", lineno + 1);
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, target, country, aliases] = cols.as_slice() else {
                self.problems
                    .push(format!("{at}: expected 4 columns, found {}", cols.len()));
                continue;
            };
            let place = match *kind {
                "country" => iso3
                    .get(*target)
                    .and_then(|&c| store.country(c))
                    .and_then(|c| c.place),
                "city" => iso3
                    .get(*country)
                    .and_then(|&c| find_stored(store, target, c)),
                other => {
                    self.problems.push(format!("{at}: unknown kind `{other}`"));
                    continue;
                }
            };
            let Some(place) = place else {
                self.problems
                    .push(format!("{at}: `{target}` is not in the gazetteer"));
                continue;
            };
            for alias in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                self.add_name(alias, Target::Stored(place));
            }
        }
    }

    fn add_states(&mut self, store: &Store) {
        let first = store.n_country_places;
        let end = first.saturating_add(store.n_admin1_places);
        let mut by_code: HashMap<String, u32> = HashMap::new();
        for p in first..end {
            if let Some(r) = store.place(p)
                && r.kind == PlaceKind::Admin1
            {
                by_code.insert(r.admin1.to_ascii_uppercase(), p);
                self.state_qualifiers.insert(key(r.admin1), p);
                self.state_qualifiers.insert(key(r.name), p);
            }
        }
        for (abbr, code) in STATE_ABBREVIATIONS {
            if let Some(&p) = by_code.get(*code) {
                self.state_qualifiers.insert(key(abbr), p);
            }
        }
    }

    fn add_demonym(&mut self, form: &str, country: Option<u16>) {
        let k = key(form);
        if k.is_empty() {
            return;
        }
        match self.demonyms.get(&k) {
            // Two countries share the form ("Congolese"): it names neither.
            Some(prev) if *prev != country => {
                self.demonyms.insert(k, None);
            }
            Some(_) => {}
            None => {
                self.demonyms.insert(k, country);
            }
        }
    }

    fn add_demonyms(&mut self, iso3: &HashMap<String, u16>) {
        for c in dyad_ontology::countries() {
            let country = c.iso3.as_deref().and_then(|i| iso3.get(i)).copied();
            for d in &c.demonyms {
                self.add_demonym(d, country);
            }
        }
        for (lineno, line) in DEMONYMS.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let at = format!("data/demonyms.tsv:{}", lineno + 1);
            let Some((code, forms)) = line.split_once('\t') else {
                self.problems.push(format!("{at}: expected 2 columns"));
                continue;
            };
            let country = if code.is_empty() {
                None
            } else if let Some(&c) = iso3.get(code) {
                Some(c)
            } else {
                self.problems
                    .push(format!("{at}: country `{code}` is not in the gazetteer"));
                continue;
            };
            for form in forms.split('|').filter(|f| !f.trim().is_empty()) {
                self.add_demonym(form, country);
            }
        }
    }
}
