//! [`Record`] and the one place its fields are checked, whatever the format.

use std::fmt;

use dyad_doc::Doc;
use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::{IngestErrorKind, parse_date};

/// One input document, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record id.
    pub id: String,
    /// The publication date.
    pub date: Date,
    /// The text, verbatim (may be empty).
    pub text: String,
    /// The title, if given and not empty.
    pub title: Option<String>,
    /// The URL, if given and not empty.
    pub url: Option<String>,
    /// The outlet, if given and not empty.
    pub outlet: Option<String>,
    /// Where the record came from.
    pub origin: Origin,
}

impl Record {
    /// The [`Doc`] for this record: id, date, text, title, URL and outlet, no layers yet.
    pub fn into_doc(self) -> Doc {
        let mut doc = Doc::new(self.id, self.date, self.text);
        doc.title = self.title;
        doc.url = self.url;
        doc.outlet = self.outlet;
        doc
    }
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The input path (joined with the path inside a directory); `-` for stdin.
    pub path: String,
    /// The 1-based line the record starts on; `None` for a whole-file record.
    pub line: Option<u64>,
}

/// A field's value before checking: absent, null, a string, an integer (as its decimal
/// text), or some other JSON type (its name, for the message).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) enum Field {
    #[default]
    Missing,
    Null,
    Str(String),
    Int(String),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
        Ok(Field::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Field, E> {
        Ok(Field::Str(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field, E> {
        Ok(Field::Int(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field, E> {
        Ok(Field::Int(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field, E> {
        Ok(Field::Other("a fractional number"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field, E> {
        Ok(Field::Other("a boolean"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field, D::Error> {
        Field::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Other("an object"))
    }
}

/// A record's fields as read, before checking. Other fields are ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RawRecord {
    #[serde(default)]
    pub(crate) id: Field,
    #[serde(default)]
    pub(crate) date: Field,
    #[serde(default)]
    pub(crate) text: Field,
    #[serde(default)]
    pub(crate) title: Field,
    #[serde(default)]
    pub(crate) url: Field,
    #[serde(default)]
    pub(crate) outlet: Field,
}

/// Why a raw record is not a [`Record`], with its id when that much was good.
pub(crate) type Rejected = (Option<String>, IngestErrorKind);

impl RawRecord {
    /// Check the fields and build the record.
    ///
    /// - `id`: a non-empty string, or an integer (kept as its decimal text).
    /// - `text`: a string, possibly empty.
    /// - `date`: see [`parse_date`]; absent, null or blank takes `default_date`, and without
    ///   one is an error; present but not a date is an error even with a default.
    /// - `title`, `url`, `outlet`: a string or absent; empty or null counts as absent.
    pub(crate) fn check(
        self,
        default_date: Option<Date>,
        origin: Origin,
    ) -> Result<Record, Rejected> {
        let id = match self.id {
            Field::Str(s) if s.is_empty() => return Err((None, IngestErrorKind::EmptyId)),
            Field::Str(s) | Field::Int(s) => s,
            Field::Missing | Field::Null => {
                return Err((None, IngestErrorKind::MissingField("id")));
            }
            Field::Other(found) => {
                return Err((None, wrong_type("id", "a string or an integer", found)));
            }
        };
        let text = match self.text {
            Field::Str(s) => s,
            Field::Missing | Field::Null => {
                return Err((Some(id), IngestErrorKind::MissingField("text")));
            }
            Field::Int(_) => return Err((Some(id), wrong_type("text", "a string", "a number"))),
            Field::Other(found) => return Err((Some(id), wrong_type("text", "a string", found))),
        };
        let date = match self.date {
            Field::Str(s) | Field::Int(s) if !s.trim().is_empty() => match parse_date(&s) {
                Ok(date) => date,
                Err(error) => {
                    return Err((Some(id), IngestErrorKind::InvalidDate { value: s, error }));
                }
            },
            Field::Str(_) | Field::Int(_) | Field::Missing | Field::Null => match default_date {
                Some(date) => date,
                None => return Err((Some(id), IngestErrorKind::MissingField("date"))),
            },
            Field::Other(found) => {
                return Err((Some(id), wrong_type("date", "a string", found)));
            }
        };
        let title = match optional("title", self.title) {
            Ok(v) => v,
            Err(kind) => return Err((Some(id), kind)),
        };
        let url = match optional("url", self.url) {
            Ok(v) => v,
            Err(kind) => return Err((Some(id), kind)),
        };
        let outlet = match optional("outlet", self.outlet) {
            Ok(v) => v,
            Err(kind) => return Err((Some(id), kind)),
        };
        Ok(Record {
            id,
            date,
            text,
            title,
            url,
            outlet,
            origin,
        })
    }
}

fn optional(field: &'static str, value: Field) -> Result<Option<String>, IngestErrorKind> {
    match value {
        Field::Str(s) if s.is_empty() => Ok(None),
        Field::Str(s) => Ok(Some(s)),
        Field::Missing | Field::Null => Ok(None),
        Field::Int(_) => Err(wrong_type(field, "a string", "a number")),
        Field::Other(found) => Err(wrong_type(field, "a string", found)),
    }
}

#[cold]
fn wrong_type(field: &'static str, expected: &'static str, found: &'static str) -> IngestErrorKind {
    IngestErrorKind::WrongType {
        field,
        expected,
        found,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            path: "t.jsonl".into(),
            line: Some(1),
        }
    }

    fn check(json: &str, default: Option<Date>) -> Result<Record, Rejected> {
        serde_json::from_str::<RawRecord>(json)
            .unwrap()
            .check(default, origin())
    }

    fn day(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn full_record() {
        let r = check(
            r#"{"id":"n1","date":"1972-02-21","text":"Nixon met Mao.","title":"Visit","url":"http://x.invalid/1","outlet":"Wire","extra":[1,{"a":2}]}"#,
            None,
        )
        .unwrap();
        assert_eq!(r.id, "n1");
        assert_eq!(r.date, day("1972-02-21"));
        assert_eq!(r.text, "Nixon met Mao.");
        assert_eq!(r.title.as_deref(), Some("Visit"));
        assert_eq!(r.url.as_deref(), Some("http://x.invalid/1"));
        assert_eq!(r.outlet.as_deref(), Some("Wire"));
        let doc = r.clone().into_doc();
        assert_eq!(
            (doc.id.as_str(), doc.pub_date, doc.text.as_str()),
            ("n1", r.date, "Nixon met Mao.")
        );
        assert_eq!(doc.title, r.title);
        assert_eq!(doc.url, r.url);
        assert_eq!(doc.outlet, r.outlet);
    }

    #[test]
    fn integer_id_and_date_are_text() {
        let r = check(r#"{"id":42,"date":19720221,"text":""}"#, None).unwrap();
        assert_eq!(r.id, "42");
        assert_eq!(r.date, day("1972-02-21"));
        assert_eq!(r.text, "");
        let r = check(r#"{"id":-7,"date":"1972-02-21","text":"x"}"#, None).unwrap();
        assert_eq!(r.id, "-7");
    }

    #[test]
    fn default_date_fills_only_missing_dates() {
        let d = Some(day("2000-01-01"));
        assert_eq!(
            check(r#"{"id":"a","text":"t"}"#, d).unwrap().date,
            day("2000-01-01")
        );
        assert_eq!(
            check(r#"{"id":"a","date":null,"text":"t"}"#, d)
                .unwrap()
                .date,
            day("2000-01-01")
        );
        assert_eq!(
            check(r#"{"id":"a","date":" ","text":"t"}"#, d)
                .unwrap()
                .date,
            day("2000-01-01")
        );
        let (id, kind) = check(r#"{"id":"a","date":"2000-02-30","text":"t"}"#, d).unwrap_err();
        assert_eq!(id.as_deref(), Some("a"));
        assert_eq!(
            kind.to_string(),
            "invalid date \"2000-02-30\": not a calendar date"
        );
        let (_, kind) = check(r#"{"id":"a","text":"t"}"#, None).unwrap_err();
        assert_eq!(kind.to_string(), "missing field `date`");
    }

    #[test]
    fn each_rejection() {
        let msg = |json: &str| {
            let (id, kind) = check(json, None).unwrap_err();
            (id, kind.to_string())
        };
        assert_eq!(
            msg(r#"{"date":"2000-01-01","text":"t"}"#),
            (None, "missing field `id`".into())
        );
        assert_eq!(
            msg(r#"{"id":null,"text":"t"}"#),
            (None, "missing field `id`".into())
        );
        assert_eq!(
            msg(r#"{"id":"","text":"t"}"#),
            (None, "field `id` is empty".into())
        );
        assert_eq!(
            msg(r#"{"id":1.5,"text":"t"}"#),
            (
                None,
                "field `id` must be a string or an integer, not a fractional number".into()
            )
        );
        assert_eq!(
            msg(r#"{"id":"a","date":"2000-01-01"}"#),
            (Some("a".into()), "missing field `text`".into())
        );
        assert_eq!(
            msg(r#"{"id":"a","date":"2000-01-01","text":["x"]}"#),
            (
                Some("a".into()),
                "field `text` must be a string, not an array".into()
            )
        );
        assert_eq!(
            msg(r#"{"id":"a","date":"2000-01-01","text":7}"#),
            (
                Some("a".into()),
                "field `text` must be a string, not a number".into()
            )
        );
        assert_eq!(
            msg(r#"{"id":"a","date":true,"text":"t"}"#),
            (
                Some("a".into()),
                "field `date` must be a string, not a boolean".into()
            )
        );
        assert_eq!(
            msg(r#"{"id":"a","date":"2000-01-01","text":"t","title":{"x":1}}"#),
            (
                Some("a".into()),
                "field `title` must be a string, not an object".into()
            )
        );
    }

    #[test]
    fn empty_optional_fields_are_absent() {
        let r = check(
            r#"{"id":"a","date":"2000-01-01","text":"t","title":"","url":null}"#,
            None,
        )
        .unwrap();
        assert_eq!((r.title, r.url, r.outlet), (None, None, None));
    }
}
