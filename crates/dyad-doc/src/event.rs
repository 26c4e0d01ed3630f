//! [`Event`]: the event record of the data contract, one JSON object per line from `dyad code`.

use dyad_ontology::{Cameo, DateBasis, PartialDate, Precision, QuadClass};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One coded event: who did what to whom, when and where, with its evidence.
///
/// Field names and shapes are the stable contract of PRODUCT.md. All spans are `[start, end)`
/// code-point offsets into the document's original text (Python's `text[s:e]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: the same input and lexicon give the same id.
    pub event_id: String,
    /// The document's id.
    pub doc_id: String,
    /// Index of the sentence in the document, from 0.
    pub sentence_index: u32,
    /// When the event happened, as precisely as known; `None` when unknown.
    pub date: Option<PartialDate>,
    /// How precisely `date` is known.
    pub date_precision: Precision,
    /// The range the text dates the event by, when that is a range no single `date` holds
    /// ("during the Cold War": 1947 to 1991, with `date` null and precision `unknown`), or a
    /// range `date` only approximates ("from 1962 to 1975": `date` 1962): `[from, to]`, both
    /// partial ISO dates. Written only when there is one (an addition to the contract that
    /// leaves other records unchanged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_range: Option<[PartialDate; 2]>,
    /// Where `date` came from.
    pub date_basis: DateBasis,
    /// The document's publication date.
    #[serde(with = "iso_date")]
    pub pub_date: Date,
    /// Who acted.
    pub source: Option<ActorRef>,
    /// Who was acted upon.
    pub target: Option<ActorRef>,
    /// The full CAMEO code ("042").
    pub cameo: Cameo,
    /// Its root ("04").
    pub cameo_root: Cameo,
    /// Quad class 1..=4.
    pub quad_class: QuadClass,
    /// Goldstein score, −10..=10.
    pub goldstein: f32,
    /// The PLOVER coding of the event.
    pub plover: PloverCode,
    /// The verb (or event noun) that carries the event.
    pub verb: Mention,
    /// Whether the event is negated ("did not agree").
    pub negated: bool,
    /// Whether the event is future or hypothetical ("will visit", "pledged to provide"): such
    /// events keep their intention codes and may be dated after the publication date. Written
    /// only when true (an addition to the contract that leaves other records unchanged).
    #[serde(default, skip_serializing_if = "is_false")]
    pub future: bool,
    /// Where the event happened, if known.
    pub location: Option<Location>,
    /// The sentence the event was coded from.
    pub evidence: String,
    /// The sentence's span in the document.
    pub evidence_span: [usize; 2],
    /// Id of the lexicon entry or rule that produced the code.
    pub rule: String,
    /// Confidence 0..=1.
    pub confidence: f32,
}

/// An actor in an event record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The full CAMEO-style actor code ("RUSGOV").
    pub code: String,
    /// ISO-3166 alpha-3 or a CAMEO IGO/historical code ("RUS", "SUN", "IGOUNO").
    pub country: String,
    /// Sector/role code ("GOV"), if any.
    pub sector: Option<String>,
    /// The words that named the actor.
    pub text: String,
    /// Their span in the document, in code points.
    pub span: [usize; 2],
}

/// Some words of the document with their span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words.
    pub text: String,
    /// Their span in the document, in code points.
    pub span: [usize; 2],
}

/// The PLOVER coding of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PloverCode {
    /// PLOVER event type ("CONSULT").
    pub event: String,
    /// PLOVER mode, if any.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// Country code.
    pub country: Option<String>,
    /// First-level division (a GeoNames admin1 code: "TX", "12"), when known. Written only
    /// when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Serde for a `jiff::civil::Date` as `YYYY-MM-DD`.
mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.strftime("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
