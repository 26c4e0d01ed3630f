//! PLOVER event types: [`PloverEvent`] and the table of [`PloverEventType`]s.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::Serialize;

use crate::QuadClass;
use crate::table::{DataError, loaded, rows};

/// One of PLOVER's sixteen event types (PLOVER draft 0.8, 2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverEvent {
    /// AGREE.
    Agree,
    /// CONSULT.
    Consult,
    /// SUPPORT.
    Support,
    /// CONCEDE.
    Concede,
    /// COOPERATE.
    Cooperate,
    /// AID.
    Aid,
    /// RETREAT.
    Retreat,
    /// REQUEST.
    Request,
    /// ACCUSE.
    Accuse,
    /// REJECT.
    Reject,
    /// THREATEN.
    Threaten,
    /// PROTEST.
    Protest,
    /// SANCTION.
    Sanction,
    /// MOBILIZE.
    Mobilize,
    /// COERCE.
    Coerce,
    /// ASSAULT.
    Assault,
}

/// Why a string is not a PLOVER event type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a PLOVER event type")]
pub struct PloverEventError(pub String);

impl PloverEvent {
    /// Every type, in PLOVER's order (cooperation to conflict).
    pub const ALL: [PloverEvent; 16] = [
        PloverEvent::Agree,
        PloverEvent::Consult,
        PloverEvent::Support,
        PloverEvent::Concede,
        PloverEvent::Cooperate,
        PloverEvent::Aid,
        PloverEvent::Retreat,
        PloverEvent::Request,
        PloverEvent::Accuse,
        PloverEvent::Reject,
        PloverEvent::Threaten,
        PloverEvent::Protest,
        PloverEvent::Sanction,
        PloverEvent::Mobilize,
        PloverEvent::Coerce,
        PloverEvent::Assault,
    ];

    /// The type's name as PLOVER writes it ("CONSULT").
    pub fn as_str(self) -> &'static str {
        match self {
            PloverEvent::Agree => "AGREE",
            PloverEvent::Consult => "CONSULT",
            PloverEvent::Support => "SUPPORT",
            PloverEvent::Concede => "CONCEDE",
            PloverEvent::Cooperate => "COOPERATE",
            PloverEvent::Aid => "AID",
            PloverEvent::Retreat => "RETREAT",
            PloverEvent::Request => "REQUEST",
            PloverEvent::Accuse => "ACCUSE",
            PloverEvent::Reject => "REJECT",
            PloverEvent::Threaten => "THREATEN",
            PloverEvent::Protest => "PROTEST",
            PloverEvent::Sanction => "SANCTION",
            PloverEvent::Mobilize => "MOBILIZE",
            PloverEvent::Coerce => "COERCE",
            PloverEvent::Assault => "ASSAULT",
        }
    }

    /// The type's entry in the table (quad class, label).
    pub fn info(self) -> &'static PloverEventType {
        // The table holds the 16 types in the order of the enum (checked when it is parsed), so
        // the discriminant, 0..16, indexes it.
        &TABLE[self as usize]
    }

    /// The type's quad class.
    pub fn quad_class(self) -> QuadClass {
        self.info().quad_class
    }
}

impl FromStr for PloverEvent {
    type Err = PloverEventError;

    /// Parses a type name, in any case ("consult", "CONSULT").
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PloverEvent::ALL
            .into_iter()
            .find(|e| e.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| PloverEventError(s.to_string()))
    }
}

impl fmt::Display for PloverEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for PloverEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for PloverEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A PLOVER event type with its quad class and a short label (dyad's words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PloverEventType {
    /// The type.
    pub event: PloverEvent,
    /// Its quad class, from the PLOVER manual.
    pub quad_class: QuadClass,
    /// What it covers, in a few words.
    pub label: String,
}

const FILE: &str = "plover_events.tsv";
const TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/plover_events.tsv"
));

static TABLE: LazyLock<[PloverEventType; 16]> = LazyLock::new(|| loaded(parse(TEXT)));

pub(crate) fn parse(text: &str) -> Result<[PloverEventType; 16], DataError> {
    let mut types = Vec::new();
    for row in rows(FILE, text, &["event", "quad_class", "label"])? {
        let event = row.get(0).parse().map_err(|e| row.error(e))?;
        let quad_class = row
            .get(1)
            .parse()
            .ok()
            .and_then(QuadClass::from_number)
            .ok_or_else(|| row.error("quad class is not 1..4"))?;
        types.push(PloverEventType {
            event,
            quad_class,
            label: row.get(2).to_string(),
        });
    }
    if !types.iter().map(|t| t.event).eq(PloverEvent::ALL) {
        return Err(DataError::new(
            FILE,
            0,
            "does not list the 16 types once each, in PLOVER's order",
        ));
    }
    types
        .try_into()
        .map_err(|_| DataError::new(FILE, 0, "not 16 types"))
}

/// PLOVER's event types with their quad classes, in PLOVER's order.
pub fn plover_events() -> &'static [PloverEventType] {
    TABLE.as_slice()
}

/// The PLOVER event type called `name` (any case).
pub fn plover_event(name: &str) -> Option<&'static PloverEventType> {
    let event: PloverEvent = name.trim().parse().ok()?;
    Some(event.info())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_every_type() {
        let table = parse(TEXT).unwrap();
        let events: Vec<PloverEvent> = table.iter().map(|t| t.event).collect();
        assert_eq!(events, PloverEvent::ALL);
        assert!(table.iter().all(|t| !t.label.is_empty()));
    }

    #[test]
    fn quad_classes_follow_the_manual() {
        use QuadClass::*;
        let quads: Vec<u8> = PloverEvent::ALL
            .iter()
            .map(|e| e.quad_class().number())
            .collect();
        assert_eq!(quads, [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
        assert_eq!(PloverEvent::Sanction.quad_class(), MaterialConflict);
        assert_eq!(PloverEvent::Concede.quad_class(), VerbalCooperation);
    }

    #[test]
    fn names_round_trip() {
        for e in PloverEvent::ALL {
            assert_eq!(e.as_str().parse::<PloverEvent>().unwrap(), e);
            assert_eq!(e.as_str().to_lowercase().parse::<PloverEvent>().unwrap(), e);
            let json = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<PloverEvent>(&json).unwrap(), e);
        }
        assert!("DEMAND".parse::<PloverEvent>().is_err());
        assert_eq!(
            plover_event(" assault ").unwrap().event,
            PloverEvent::Assault
        );
        assert!(plover_event("FIGHT").is_none());
    }
}
