//! [`CodedEvent`], the coder's own event, and its conversion to the contract record
//! [`dyad_doc::Event`].
//!
//! Codes stay strings here: the validation dictionaries use WEIS-like codes ("075A") and
//! fictional actors. [`CodedEvent::to_event`] makes a contract record only for codes that are
//! CAMEO codes of the ontology; the others stay internal (scored by `dyad eval`, shown by
//! `dyad explain`).
//!
//! **Event ids** are the FNV-1a hash (64 bits, hex) of the document id, sentence index, verb
//! span, source, target, code and rule: the same input and lexicon give the same id, and no
//! two distinct events of a document share one.
//!
//! **Actor fields.** `country` is the code's organisation part when it begins with a CAMEO
//! international code of the ontology (the longest one: IGOUNO…), else its first three
//! letters ("---" for an unknown country); `sector` is the next three letters, if any.
//!
//! **PLOVER.** From the ontology's CAMEO → PLOVER map; CAMEO roots 01 and 02 (statements,
//! appeals) have no PLOVER type, and their records carry an empty `plover.event`.
//!
//! **Dates.** The event's date is the date its actors were resolved with (the publication
//! date until the time stage dates events), at day precision with basis `publication`.

use dyad_doc::{ActorRef, Doc, Event, Mention, PloverCode, Span};
use dyad_ontology::{Cameo, DateBasis, PartialDate, Precision, cameo_entry};
use jiff::civil::Date;
use serde::Serialize;

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EventActor {
    /// The actor code ("RUSMIL", "---GOV").
    pub code: String,
    /// The words that named the actor, as in the text.
    pub text: String,
    /// Their byte span in the parsed text.
    #[serde(serialize_with = "ser_span")]
    pub span: Span,
}

/// How an event's code came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Derivation {
    /// A verb's own code.
    Verb,
    /// A pattern of the verb.
    Pattern,
    /// A governing verb's code combined with its complement's ("pledged to provide").
    Combined,
    /// A verb transformation ("A said B attacked").
    Transformation,
    /// The reverse event of a `[active:passive]` code.
    Reverse,
    /// An event noun with its arguments ("Russia's invasion of Ukraine";
    /// [`crate::noun_events`]), either direction.
    Nominal,
}

/// An event as the coder produces it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedEvent {
    /// Index of the sentence in the document (in the parse's sentence order), from 0.
    pub sentence_index: u32,
    /// Byte span of the sentence in the parsed text.
    #[serde(serialize_with = "ser_span")]
    pub sentence_span: Span,
    /// Who acted (`None` only when `require_dyad` is off).
    pub source: Option<EventActor>,
    /// Who was acted upon (`None` only when `require_dyad` is off).
    pub target: Option<EventActor>,
    /// The event code as the lexicon gives it ("042", "075A").
    pub code: String,
    /// The verb's words (with compound parts) and byte span.
    pub verb: TextSpan,
    /// Rule id: the lexicon line(s) that gave the code, `file:line`, joined by `+` for
    /// combinations.
    pub rule: String,
    /// How the code was derived.
    pub derivation: Derivation,
    /// Whether a negation changed the code (or, with [`crate::Negation::Flag`], is only
    /// flagged).
    pub negated: bool,
    /// The coder's confidence, 0..=1 (see [`crate::Coder`] docs).
    pub confidence: f32,
    /// Issue codes of the sentence.
    pub issues: Vec<String>,
    /// The date the actor codes were resolved with.
    #[serde(serialize_with = "ser_date")]
    pub date: Option<Date>,
}

/// Words of the text with their byte span.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TextSpan {
    /// The words.
    pub text: String,
    /// Byte span in the parsed text.
    #[serde(serialize_with = "ser_span")]
    pub span: Span,
}

fn ser_span<S: serde::Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeTuple;
    let mut t = s.serialize_tuple(2)?;
    t.serialize_element(&span.start)?;
    t.serialize_element(&span.end)?;
    t.end()
}

fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// The country (or organisation) part and the sector of an actor code.
pub fn split_actor_code(code: &str) -> (String, Option<String>) {
    if !code.is_ascii() {
        return (code.to_owned(), None);
    }
    let mut best = "";
    if code.len() > 3 {
        for a in dyad_ontology::internationals() {
            if code.starts_with(a.code.as_str()) && a.code.len() > best.len() {
                best = a.code.as_str();
            }
        }
    }
    let cut = if best.is_empty() {
        code.len().min(3)
    } else {
        best.len()
    };
    let country = &code[..cut];
    let rest = &code[cut..];
    let sector = (!rest.is_empty()).then(|| rest[..rest.len().min(3)].to_owned());
    (country.to_owned(), sector)
}

impl CodedEvent {
    /// A stable id for this event in document `doc_id`.
    pub fn id(&self, doc_id: &str) -> String {
        let mut h = Fnv::new();
        h.write(doc_id.as_bytes());
        h.write(&self.sentence_index.to_le_bytes());
        h.write(&(self.verb.span.start as u64).to_le_bytes());
        h.write(&(self.verb.span.end as u64).to_le_bytes());
        for side in [&self.source, &self.target] {
            match side {
                Some(a) => {
                    h.write(b"\x01");
                    h.write(a.code.as_bytes());
                }
                None => h.write(b"\x00"),
            }
            h.write(b"\x1f");
        }
        h.write(self.code.as_bytes());
        h.write(b"\x1f");
        h.write(self.rule.as_bytes());
        format!("{:016x}", h.finish())
    }

    /// The contract record, if the code is a CAMEO code of the ontology. Spans are converted
    /// to code points of `doc.text` (the events must have been coded from `doc.text`).
    pub fn to_event(&self, doc: &Doc) -> Option<Event> {
        let cameo: Cameo = self.code.parse().ok()?;
        let entry = cameo_entry(cameo)?;
        let actor = |a: &Option<EventActor>| {
            a.as_ref().map(|a| {
                let (country, sector) = split_actor_code(&a.code);
                ActorRef {
                    code: a.code.clone(),
                    country,
                    sector,
                    text: a.text.clone(),
                    span: doc.char_span(a.span),
                }
            })
        };
        let date = self.date.unwrap_or(doc.pub_date);
        let plover = match &entry.plover {
            Some(p) => PloverCode {
                event: p.event.as_str().to_owned(),
                mode: p.mode.clone(),
                context: p.context.clone(),
            },
            None => PloverCode {
                event: String::new(),
                mode: None,
                context: Vec::new(),
            },
        };
        Some(Event {
            event_id: self.id(&doc.id),
            doc_id: doc.id.clone(),
            sentence_index: self.sentence_index,
            date: Some(PartialDate::from_date(date)),
            date_precision: Precision::Day,
            date_basis: DateBasis::Publication,
            pub_date: doc.pub_date,
            source: actor(&self.source),
            target: actor(&self.target),
            cameo,
            cameo_root: cameo.root(),
            quad_class: cameo.quad_class(),
            goldstein: entry.goldstein,
            plover,
            verb: Mention {
                text: self.verb.text.clone(),
                span: doc.char_span(self.verb.span),
            },
            negated: self.negated,
            future: false,
            date_range: None,
            location: None,
            evidence: doc.slice(self.sentence_span).to_owned(),
            evidence_span: doc.char_span(self.sentence_span),
            rule: self.rule.clone(),
            confidence: self.confidence,
        })
    }
}

/// 64-bit FNV-1a, for ids that do not change between runs or builds.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_parts() {
        assert_eq!(
            split_actor_code("RUSMIL"),
            ("RUS".into(), Some("MIL".into()))
        );
        assert_eq!(split_actor_code("USA"), ("USA".into(), None));
        assert_eq!(
            split_actor_code("---GOV"),
            ("---".into(), Some("GOV".into()))
        );
        let (c, _) = split_actor_code("IGOUNOMIL");
        assert!(c.starts_with("IGO"));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let e = CodedEvent {
            sentence_index: 0,
            sentence_span: Span::new(0, 10),
            source: Some(EventActor {
                code: "USA".into(),
                text: "US".into(),
                span: Span::new(0, 2),
            }),
            target: None,
            code: "042".into(),
            verb: TextSpan {
                text: "visit".into(),
                span: Span::new(3, 8),
            },
            rule: "v:1".into(),
            derivation: Derivation::Verb,
            negated: false,
            confidence: 0.8,
            issues: Vec::new(),
            date: None,
        };
        assert_eq!(e.id("d"), e.id("d"));
        assert_eq!(e.id("d").len(), 16);
        let mut f = e.clone();
        f.code = "043".into();
        assert_ne!(e.id("d"), f.id("d"));
        assert_ne!(e.id("d"), e.id("e"));
    }
}
