//! [`PloverJson`]: events under PLOVER's JSON field names.

use std::io::Write;

use dyad_doc::{ActorRef, Event, Location};
use dyad_ontology::Precision;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::jsonl::JsonLines;
use crate::{EventSink, Format, FormatError};

/// Writes events as PLOVER JSON lines: one object per line under the field names of the PLOVER
/// manual's "Data Fields" chapter (openeventdata/PLOVER, `PLOVER_MANUAL.tex`, 2021 draft), which
/// asks for JSONL and for `event`, `mode` and `context` as lists. Fields PLOVER has no name for
/// are added under their dyad names, as the manual invites ("providers should feel free to
/// include named fields beyond those provided").
///
/// Every key is always present, `null` or `[]` when there is nothing to say, so a table built
/// from the lines has the same columns whatever the events.
///
/// | PLOVER field | from the event record |
/// |---|---|
/// | `id` | `event_id` |
/// | `date` | first day of `date` as `YYYY-MM-DD` (PLOVER wants a full date); `null` when unknown |
/// | `enddate` | last day of `date` when it is coarser than a day ("1972-02" → 1972-02-01 … 1972-02-29); else `null` |
/// | `actor` | `[entity]` from `source`, `[]` when there is none |
/// | `recipient` | `[entity]` from `target`, `[]` when there is none |
/// | `event` | `[plover.event]` |
/// | `mode` | `[plover.mode]`, `[]` when none |
/// | `context` | `plover.context` |
/// | `event_text` | `[verb.text]` |
/// | `quad_code` | `quad_class` (1–4) |
/// | `event_loc` | `{"resolved_place": location.name, "country_code": location.country, "lat", "lon"}`, or `null` |
/// | `text` | `evidence` |
/// | `text_info` | `{"sequence": sentence_index, "start": evidence_span[0], "end": evidence_span[1]}` |
/// | `cite_info` | `{"citation": doc_id}` |
/// | `coder` | `"dyad"` |
///
/// An entity is `{"code": country, "sector": sector | null, "entity_text": text, "actor_code":
/// code, "span": [s, e]}`: PLOVER's `code` is the country or IGO, so the full CAMEO actor code
/// goes in `actor_code`.
///
/// dyad's own fields, after PLOVER's: `date_precision`, `date_basis`, `pub_date`, `cameo`,
/// `goldstein`, `negated`, `event_span` (the verb's span), `rule`, `confidence`. `event_scale`
/// is not written: PLOVER's scale is its own scores, not Goldstein's, so Goldstein goes under
/// `goldstein`. Negated events are written, with `negated: true`: PLOVER has no field for it.
#[derive(Debug)]
pub struct PloverJson<W: Write> {
    lines: JsonLines<W>,
}

impl<W: Write> PloverJson<W> {
    /// A PLOVER writer to `out`.
    pub fn new(out: W) -> PloverJson<W> {
        PloverJson {
            lines: JsonLines::labelled(out, Format::Plover),
        }
    }

    /// Records written.
    pub fn records_written(&self) -> u64 {
        self.lines.records_written()
    }

    /// The underlying writer (call [`EventSink::finish`] first to flush it).
    pub fn into_inner(self) -> W {
        self.lines.into_inner()
    }
}

impl<W: Write> EventSink for PloverJson<W> {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        self.lines
            .write_with_id(&PloverRecord::new(event), Some(&event.event_id))
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        self.lines.finish()
    }
}

/// One PLOVER record, borrowing from the event: nothing is copied.
#[derive(Serialize)]
struct PloverRecord<'a> {
    id: &'a str,
    date: Option<Day>,
    enddate: Option<Day>,
    #[serde(serialize_with = "option_as_list")]
    actor: Option<Entity<'a>>,
    #[serde(serialize_with = "option_as_list")]
    recipient: Option<Entity<'a>>,
    event: &'a [String],
    #[serde(serialize_with = "option_as_list")]
    mode: Option<&'a str>,
    context: &'a [String],
    event_text: &'a [String],
    quad_code: u8,
    event_loc: Option<Place<'a>>,
    text: &'a str,
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    date_precision: &'static str,
    date_basis: &'static str,
    pub_date: Day,
    cameo: &'a str,
    goldstein: f32,
    negated: bool,
    event_span: [usize; 2],
    rule: &'a str,
    confidence: f32,
}

impl<'a> PloverRecord<'a> {
    fn new(e: &'a Event) -> PloverRecord<'a> {
        let (date, enddate) = match &e.date {
            Some(d) if d.precision() == Precision::Day => (Some(Day(d.first_day())), None),
            Some(d) => (Some(Day(d.first_day())), Some(Day(d.last_day()))),
            None => (None, None),
        };
        PloverRecord {
            id: &e.event_id,
            date,
            enddate,
            actor: e.source.as_ref().map(Entity::new),
            recipient: e.target.as_ref().map(Entity::new),
            event: std::slice::from_ref(&e.plover.event),
            mode: e.plover.mode.as_deref(),
            context: &e.plover.context,
            event_text: std::slice::from_ref(&e.verb.text),
            quad_code: e.quad_class.number(),
            event_loc: e.location.as_ref().map(Place::new),
            text: &e.evidence,
            text_info: TextInfo {
                sequence: e.sentence_index,
                start: e.evidence_span[0],
                end: e.evidence_span[1],
            },
            cite_info: CiteInfo {
                citation: &e.doc_id,
            },
            coder: "dyad",
            date_precision: e.date_precision.as_str(),
            date_basis: e.date_basis.as_str(),
            pub_date: Day(e.pub_date),
            cameo: e.cameo.as_str(),
            goldstein: e.goldstein,
            negated: e.negated,
            event_span: e.verb.span,
            rule: &e.rule,
            confidence: e.confidence,
        }
    }
}

/// A PLOVER entity object.
#[derive(Serialize)]
struct Entity<'a> {
    code: &'a str,
    sector: Option<&'a str>,
    entity_text: &'a str,
    actor_code: &'a str,
    span: [usize; 2],
}

impl<'a> Entity<'a> {
    fn new(a: &'a ActorRef) -> Entity<'a> {
        Entity {
            code: &a.country,
            sector: a.sector.as_deref(),
            entity_text: &a.text,
            actor_code: &a.code,
            span: a.span,
        }
    }
}

/// A PLOVER location object.
#[derive(Serialize)]
struct Place<'a> {
    resolved_place: &'a str,
    country_code: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
}

impl<'a> Place<'a> {
    fn new(l: &'a Location) -> Place<'a> {
        Place {
            resolved_place: &l.name,
            country_code: l.country.as_deref(),
            lat: l.lat,
            lon: l.lon,
        }
    }
}

/// PLOVER's text information object.
#[derive(Serialize)]
struct TextInfo {
    sequence: u32,
    start: usize,
    end: usize,
}

/// PLOVER's citation object.
#[derive(Serialize)]
struct CiteInfo<'a> {
    citation: &'a str,
}

/// A calendar day written `YYYY-MM-DD`.
struct Day(Date);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// `None` as `[]`, `Some(x)` as `[x]`.
fn option_as_list<T: Serialize, S: Serializer>(value: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(value.iter())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::sample_event;
    use serde_json::{Value, json};

    fn record(e: &Event) -> Value {
        let mut sink = PloverJson::new(Vec::new());
        sink.write_event(e).unwrap();
        sink.finish().unwrap();
        let out = sink.into_inner();
        assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 1);
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn field_names_follow_plover() {
        let v = record(&sample_event());
        assert_eq!(v["id"], "afp-1972-nixon-0-042");
        assert_eq!(v["date"], "1972-02-01");
        assert_eq!(v["enddate"], "1972-02-29");
        assert_eq!(v["date_precision"], "month");
        assert_eq!(v["event"], json!(["CONSULT"]));
        assert_eq!(v["mode"], json!(["visit"]));
        assert_eq!(v["context"], json!(["diplomatic", "executive"]));
        assert_eq!(v["actor"][0]["code"], "USA");
        assert_eq!(v["actor"][0]["actor_code"], "USAGOV");
        assert_eq!(v["actor"][0]["sector"], "GOV");
        assert_eq!(v["recipient"][0]["sector"], Value::Null);
        assert_eq!(v["event_loc"]["resolved_place"], "Beijing");
        assert_eq!(
            v["text_info"],
            json!({"sequence": 0, "start": 0, "end": 101})
        );
        assert_eq!(v["cite_info"]["citation"], "afp-1972-nixon");
        assert_eq!(v["quad_code"], 1);
        assert_eq!(v["cameo"], "042");
        assert_eq!(v["goldstein"], json!(1.9));
    }

    #[test]
    fn absent_parts_are_null_or_empty_lists() {
        let mut e = sample_event();
        e.source = None;
        e.plover.mode = None;
        e.location = None;
        e.date = Some("2024-06-19".parse().unwrap());
        let v = record(&e);
        assert_eq!(v["actor"], json!([]));
        assert_eq!(v["mode"], json!([]));
        assert_eq!(v["event_loc"], Value::Null);
        assert_eq!(v["date"], "2024-06-19");
        assert_eq!(v["enddate"], Value::Null);
        e.date = None;
        let v = record(&e);
        assert_eq!(v["date"], Value::Null);
        assert!(v.as_object().unwrap().contains_key("enddate"));
    }
}
