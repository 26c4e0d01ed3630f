//! `dyad-place`: where each coded event happened.
//!
//! The place stage reads an event's own words first — the prepositional phrase of its verb or
//! event noun ("met in Geneva", "the attack near Donetsk", "shelling outside Kyiv") — then the
//! place adverbials of its clause, then the story's dateline (only for events in the story's
//! present), and resolves the name in dyad's offline gazetteer ([`dyad_geo`], GeoNames data)
//! with the countries of the sentence (its actors, other places, demonyms) and of the document.
//! An ambiguous name gives no location rather than a guess.
//!
//! * [`PlaceStage`] — the `place` pipeline stage (after `code`): fills
//!   [`dyad_doc::Event::location`] (name, country, lat, lon). [`PlaceStage::locate`] returns the
//!   full answer: an [`EventPlace`] per event with the gazetteer's [`Place`] (its first-level
//!   division too), the [`PlaceBasis`] and the words that named it.
//! * [`PlaceOptions`] — whether the dateline may locate events, and how near the dateline's date
//!   an event must be to count as the story's present.
//!
//! The rules, and why they are what they are, are in the `locate` module's docs. In short:
//! subjects and objects are never places (an actor is not its own location, and "Moscow said"
//! is the Russian government talking, not an event in Moscow); a visit is located at its
//! destination.
//!
//! ```no_run
//! use std::sync::Arc;
//! use dyad_place::{PlaceBasis, PlaceStage};
//!
//! let gazetteer = Arc::new(dyad_geo::Gazetteer::load()?); // after `dyad geo install`
//! let stage = PlaceStage::new(gazetteer);
//! # let doc = dyad_doc::Doc::new("d", jiff::civil::date(2022, 2, 21), String::new());
//! // `doc` has been through the text, parse and code stages:
//! // "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Mao."
//! for (event, place) in doc.events.iter().flatten().zip(stage.locate(&doc)?) {
//!     if let Some(p) = place {
//!         // "traveled" and "met": Beijing, CHN (basis Phrase, from "to Beijing" and "where").
//!         println!("{} {} {:?} {:?}", event.verb.text, p.place.name, p.place.country, p.basis);
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod locate;
mod resolver;
mod stage;

use dyad_doc::{Location, Span};

pub use dyad_geo::{Gazetteer, Place, PlaceKind};
pub use stage::PlaceStage;

/// Which words located an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceBasis {
    /// A locative phrase of the event's verb or noun, or of the word next to it ("in Geneva").
    Phrase,
    /// A place adverbial of the event's clause ("Speaking in Paris, ...", "here").
    Clause,
    /// The story's dateline.
    Dateline,
}

impl PlaceBasis {
    /// A short lower-case name ("phrase", "clause", "dateline"), as `dyad explain` may show it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceBasis::Phrase => "phrase",
            PlaceBasis::Clause => "clause",
            PlaceBasis::Dateline => "dateline",
        }
    }
}

/// Where one event happened and what said so.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPlace {
    /// The place, as the gazetteer has it.
    pub place: Place,
    /// Which words located the event.
    pub basis: PlaceBasis,
    /// Those words: a byte span of the document's text (the place name, "here", or the
    /// dateline's place).
    pub span: Span,
}

/// How the place stage works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceOptions {
    /// Whether events with no place of their own take the dateline's (when in the story's
    /// present). Default true.
    pub dateline: bool,
    /// An event dated by the text (to a day or month) is in the story's present when its date
    /// comes within this many days of the dateline's date (or the publication date). Default 7.
    pub present_days: u16,
}

impl Default for PlaceOptions {
    fn default() -> Self {
        PlaceOptions {
            dateline: true,
            present_days: 7,
        }
    }
}

/// The event record's location for a place: its name, country, first-level division and
/// coordinates.
pub fn to_location(place: &Place) -> Location {
    Location {
        name: place.name.clone(),
        country: place.country.clone(),
        admin1: place.admin1.clone(),
        lat: Some(place.lat),
        lon: Some(place.lon),
    }
}

#[cfg(test)]
mod tests;
