//! Gold sets: [`GoldSet::load`] reads a gold JSONL file into [`GoldRecord`]s in file order.
//!
//! The format is that of `../shared/data/eval` (see its SOURCES.md): one JSON object per line
//! with `id`, `date`, `text`, `events` (`{source, target, code}` plus PLOVER's `source_sector`,
//! `target_sector`, `mode`, `context`, `reciprocal`), `ontology` (`CAMEO` or `PLOVER`) and the
//! optional `set`, `category`, `noevents`, `expected_error` and `evaluate`. Other fields are
//! kept verbatim in [`GoldRecord::extra`] and [`GoldEvent::extra`].
//!
//! A line that cannot be used is skipped and kept as an [`EvalError::Line`] in
//! [`GoldSet::skipped`] (file and line): invalid UTF-8 or JSON, a missing or mistyped field, an
//! invalid date, an unknown ontology, a blank event code, a PLOVER code that names no PLOVER
//! type, or a record that contradicts itself (`noevents` or `expected_error` with events).
//! Blank lines are neither records nor errors. Ids need not be unique (two PETRARCH unit tests
//! share ids): a record is known by its position.
//!
//! A date that cannot be read (the PETR2 GSR has one record dated `121108`) does not make the
//! record unusable for scoring: the record is kept with [`GoldRecord::date`] `None`, and a
//! warning naming file and line goes to [`GoldSet::warnings`]. Dates are read as dyad's ingest
//! reads publication dates (`YYYY-MM-DD`, `YYYYMMDD`, RFC 3339).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use dyad_ingest::{Origin, Record, parse_date};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::EvalError;
use crate::matching::plover_type_by_name;

/// The code book a record's events are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Ontology {
    /// CAMEO event codes ("042"); actors are CAMEO actor codes ("USAGOV").
    Cameo,
    /// PLOVER event types ("CONSULT"); actors are country codes with a separate sector.
    Plover,
}

/// One gold event, as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    /// Source actor code, if any.
    pub source: Option<String>,
    /// Target actor code, if any.
    pub target: Option<String>,
    /// CAMEO code or PLOVER type, trimmed.
    pub code: String,
    /// PLOVER: the source's sector.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_sector: Option<String>,
    /// PLOVER: the target's sector.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_sector: Option<String>,
    /// PLOVER: the mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// PLOVER: the context(s), as written (a list is joined with ", ").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// PLOVER: one direction of a reciprocal ("SRC/TAR") pair; the file lists both directions.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reciprocal: bool,
    /// Any other fields of the event, verbatim.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
}

/// One gold record (a sentence with its gold events).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRecord {
    /// The 1-based line of the file it was read from.
    pub line: u64,
    /// The record id (not necessarily unique).
    pub id: String,
    /// The date as written ("19950101", "2000-01-01").
    pub date_text: String,
    /// The date, read as dyad's ingest reads publication dates; `None` if it could not be
    /// read (a warning says so).
    pub date: Option<Date>,
    /// The sentence.
    pub text: String,
    /// The gold events, in file order (duplicates kept as written).
    pub events: Vec<GoldEvent>,
    /// CAMEO or PLOVER.
    pub ontology: Ontology,
    /// The set name (`petrarch2-unittest`…), if given.
    pub set: Option<String>,
    /// The category (feature tested, or source), if given.
    pub category: Option<String>,
    /// The record must code nothing.
    pub noevents: bool,
    /// The record should be rejected (`dateline`, `bad_input_parse`, `storydiscard`…).
    pub expected_error: Option<String>,
    /// Whether the record is scored (`evaluate: false` leaves it out; default true).
    pub evaluate: bool,
    /// Any other fields of the record, verbatim (`markup`, `source_actors`, `note`…).
    pub extra: Map<String, Value>,
}

impl GoldRecord {
    /// The record as an input record for the pipeline (id, date, text), so that the gold texts
    /// can be coded in gold order; `path` is the gold file's path, for messages, and
    /// `default_date` stands in for a date that could not be read.
    pub fn to_input(&self, path: &str, default_date: Date) -> Record {
        Record {
            id: self.id.clone(),
            date: self.date.unwrap_or(default_date),
            text: self.text.clone(),
            title: None,
            url: None,
            outlet: None,
            origin: Origin {
                path: path.to_owned(),
                line: Some(self.line),
            },
        }
    }
}

/// A gold file: its records in file order, and the lines that were skipped.
#[derive(Debug)]
pub struct GoldSet {
    /// The path (or name) it was read from.
    pub path: String,
    /// The records, in file order; predictions are matched to them by position.
    pub records: Vec<GoldRecord>,
    /// Lines that could not be used, each an [`EvalError::Line`] naming file and line.
    pub skipped: Vec<EvalError>,
    /// Records kept despite a problem (an unreadable date), each an [`EvalError::Line`].
    pub warnings: Vec<EvalError>,
}

impl GoldSet {
    /// Reads a gold JSONL file. Fails only if the file cannot be opened or read; bad lines are
    /// skipped into [`GoldSet::skipped`].
    pub fn load(path: impl AsRef<Path>) -> Result<GoldSet, EvalError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = File::open(path).map_err(|source| EvalError::Io {
            path: name.clone(),
            source,
        })?;
        GoldSet::from_reader(&name, BufReader::new(file))
    }

    /// Reads gold JSONL from `reader`; `name` stands for the path in messages.
    pub fn from_reader(name: &str, mut reader: impl BufRead) -> Result<GoldSet, EvalError> {
        let mut set = GoldSet {
            path: name.to_owned(),
            records: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        };
        let mut buf = Vec::new();
        let mut line_no = 0u64;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|source| EvalError::Io {
                    path: name.to_owned(),
                    source,
                })?;
            if n == 0 {
                break;
            }
            line_no += 1;
            let mut bytes = buf.as_slice();
            if line_no == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let Ok(text) = std::str::from_utf8(bytes) else {
                set.skipped
                    .push(EvalError::line(name, line_no, "not valid UTF-8"));
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            match parse_record(text, line_no) {
                Ok((record, warning)) => {
                    if let Some(message) = warning {
                        set.warnings.push(EvalError::line(name, line_no, message));
                    }
                    set.records.push(record);
                }
                Err(message) => set.skipped.push(EvalError::line(name, line_no, message)),
            }
        }
        Ok(set)
    }

    /// The number of gold events listed (duplicates included).
    pub fn event_count(&self) -> usize {
        self.records.iter().map(|r| r.events.len()).sum()
    }

    /// The ontology all records share, or `None` if the set is empty or mixed.
    pub fn ontology(&self) -> Option<Ontology> {
        let first = self.records.first()?.ontology;
        self.records
            .iter()
            .all(|r| r.ontology == first)
            .then_some(first)
    }

    /// The date each record is coded with, in gold order: its own, else the date of the record
    /// before it (gold sets list stories in order; PETRARCH dated sentences by their story), the
    /// first such record `None`.
    pub fn coding_dates(&self) -> Vec<Option<Date>> {
        let mut last = None;
        self.records
            .iter()
            .map(|r| {
                last = r.date.or(last);
                last
            })
            .collect()
    }

    /// The records as pipeline input records, in gold order (see [`GoldRecord::to_input`]).
    pub fn inputs(&self, default_date: Date) -> impl Iterator<Item = Record> + '_ {
        self.records
            .iter()
            .map(move |r| r.to_input(&self.path, default_date))
    }
}

/// A string, or a list of strings (joined with ", ").
#[derive(Deserialize)]
#[serde(untagged)]
enum StrOrList {
    Str(String),
    List(Vec<String>),
}

impl StrOrList {
    fn joined(self) -> String {
        match self {
            StrOrList::Str(s) => s,
            StrOrList::List(l) => l.join(", "),
        }
    }
}

/// A record id: a string, or an integer kept as its decimal text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Str(String),
    Int(i64),
}

#[derive(Deserialize)]
struct RawEvent {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
    code: String,
    #[serde(default)]
    source_sector: Option<String>,
    #[serde(default)]
    target_sector: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    context: Option<StrOrList>,
    #[serde(default)]
    reciprocal: Option<bool>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Deserialize)]
struct RawRecord {
    id: Id,
    date: String,
    text: String,
    events: Vec<RawEvent>,
    ontology: String,
    #[serde(default)]
    set: Option<String>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    noevents: Option<bool>,
    #[serde(default)]
    expected_error: Option<String>,
    #[serde(default)]
    evaluate: Option<bool>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// A blank optional string is absent.
fn present(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A record, with a warning if something in it could not be read but the record is usable.
fn parse_record(line: &str, line_no: u64) -> Result<(GoldRecord, Option<String>), String> {
    let raw: RawRecord = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let id = match raw.id {
        Id::Str(s) if !s.trim().is_empty() => s,
        Id::Str(_) => return Err("blank id".to_owned()),
        Id::Int(n) => n.to_string(),
    };
    let fail = |message: String| format!("record {id:?}: {message}");
    let (date, warning) = match parse_date(&raw.date) {
        Ok(date) => (Some(date), None),
        Err(e) => (
            None,
            Some(fail(format!("date {:?} left unread: {e}", raw.date))),
        ),
    };
    let ontology = match raw.ontology.trim().to_ascii_uppercase().as_str() {
        "CAMEO" => Ontology::Cameo,
        "PLOVER" => Ontology::Plover,
        other => return Err(fail(format!("unknown ontology {other:?}"))),
    };
    let mut events = Vec::with_capacity(raw.events.len());
    for (i, e) in raw.events.into_iter().enumerate() {
        let code = e.code.trim().to_owned();
        if code.is_empty() {
            return Err(fail(format!("event {i} has a blank code")));
        }
        if ontology == Ontology::Plover && plover_type_by_name(&code).is_none() {
            return Err(fail(format!(
                "event {i}: {code:?} is not a PLOVER event type"
            )));
        }
        events.push(GoldEvent {
            source: present(e.source),
            target: present(e.target),
            code,
            source_sector: present(e.source_sector),
            target_sector: present(e.target_sector),
            mode: present(e.mode),
            context: present(e.context.map(StrOrList::joined)),
            reciprocal: e.reciprocal.unwrap_or(false),
            extra: e.extra,
        });
    }
    let noevents = raw.noevents.unwrap_or(false);
    let expected_error = raw.expected_error;
    if noevents && !events.is_empty() {
        return Err(fail("`noevents` but events are listed".to_owned()));
    }
    if let Some(kind) = &expected_error
        && !events.is_empty()
    {
        return Err(fail(format!(
            "`expected_error: {kind:?}` but events are listed"
        )));
    }
    let record = GoldRecord {
        line: line_no,
        id,
        date_text: raw.date,
        date,
        text: raw.text,
        events,
        ontology,
        set: present(raw.set),
        category: present(raw.category),
        noevents,
        expected_error,
        evaluate: raw.evaluate.unwrap_or(true),
        extra: raw.extra,
    };
    Ok((record, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_dates_take_the_record_before() {
        let lines = concat!(
            r#"{"id":"a","date":"121108","text":"x","events":[],"ontology":"CAMEO","set":"s"}"#,
            "\n",
            r#"{"id":"b","date":"20080802","text":"x","events":[],"ontology":"CAMEO","set":"s"}"#,
            "\n",
            r#"{"id":"c","date":"121108","text":"x","events":[],"ontology":"CAMEO","set":"s"}"#,
            "\n",
        );
        let gold = GoldSet::from_reader("t", lines.as_bytes()).unwrap();
        let d = jiff::civil::date(2008, 8, 2);
        assert_eq!(gold.coding_dates(), vec![None, Some(d), Some(d)]);
    }

    fn read(text: &str) -> GoldSet {
        GoldSet::from_reader("t.jsonl", text.as_bytes()).unwrap()
    }

    const NIXON: &str = r#"{"id": "n1", "date": "1972-02-21", "text": "Nixon met Mao.", "events": [{"source": "USAGOV", "target": "CHNGOV", "code": "040"}], "ontology": "CAMEO", "category": "DEMO", "url": "x"}"#;

    #[test]
    fn reads_a_record_and_keeps_extras() {
        let set = read(&format!("\u{feff}{NIXON}\n\n  \n{NIXON}\r\n"));
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        assert_eq!(set.records.len(), 2);
        let r = &set.records[0];
        assert_eq!((r.id.as_str(), r.line), ("n1", 1));
        assert_eq!(set.records[1].line, 4);
        assert_eq!(r.date.unwrap().to_string(), "1972-02-21");
        assert_eq!(r.events[0].code, "040");
        assert_eq!(r.category.as_deref(), Some("DEMO"));
        assert!(r.evaluate && !r.noevents && r.expected_error.is_none());
        assert_eq!(r.extra.get("url"), Some(&Value::from("x")));
        assert_eq!(set.ontology(), Some(Ontology::Cameo));
        let input = r.to_input("t.jsonl", "2000-01-01".parse().unwrap());
        assert_eq!(
            (input.id.as_str(), input.origin.line),
            (r.id.as_str(), Some(1))
        );
    }

    #[test]
    fn bad_lines_are_skipped_with_file_and_line() {
        let bad = [
            "{not json",
            r#"[1, 2]"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "ontology": "CAMEO"}"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "events": [], "ontology": "FOO"}"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "events": [{"source": "A", "target": "B", "code": " "}], "ontology": "CAMEO"}"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "events": [{"source": "A", "target": "B", "code": "DANCE"}], "ontology": "PLOVER"}"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "events": [{"source": "A", "target": "B", "code": "010"}], "ontology": "CAMEO", "noevents": true}"#,
            r#"{"id": "a", "date": "19950101", "text": "t", "events": [{"source": "A", "target": "B", "code": "010"}], "ontology": "CAMEO", "expected_error": "dateline"}"#,
            r#"{"id": " ", "date": "19950101", "text": "t", "events": [], "ontology": "CAMEO"}"#,
            r#"{"id": "a", "date": "19950101", "text": 5, "events": [], "ontology": "CAMEO"}"#,
        ];
        let mut text = String::new();
        for b in bad {
            text.push_str(b);
            text.push('\n');
        }
        text.push_str(NIXON);
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"\n\xff\xfe\n");
        let set = GoldSet::from_reader("t.jsonl", bytes.as_slice()).unwrap();
        assert_eq!(set.records.len(), 1);
        assert_eq!(set.records[0].line, bad.len() as u64 + 1);
        assert_eq!(set.skipped.len(), bad.len() + 1);
        for (i, e) in set.skipped.iter().enumerate() {
            let want = format!("t.jsonl:{}: ", if i < bad.len() { i + 1 } else { i + 2 });
            assert!(e.to_string().starts_with(&want), "{e} / {want}");
        }
        assert!(set.skipped[1].to_string().contains("t.jsonl:2"));
        assert!(
            set.skipped[5]
                .to_string()
                .contains("not a PLOVER event type")
        );
    }

    #[test]
    fn an_unreadable_date_is_a_warning() {
        let set = read(&NIXON.replace("1972-02-21", "121108"));
        assert!(set.skipped.is_empty());
        assert_eq!(set.records.len(), 1);
        assert_eq!(set.records[0].date, None);
        assert_eq!(set.records[0].date_text, "121108");
        assert_eq!(set.warnings.len(), 1);
        assert!(
            set.warnings[0]
                .to_string()
                .starts_with("t.jsonl:1: record \"n1\": date")
        );
        let default = "1999-09-09".parse().unwrap();
        let input = set.inputs(default).next().unwrap();
        assert_eq!(input.date, default);
    }

    #[test]
    fn plover_extras_and_integer_ids() {
        let line = r#"{"id": 7, "date": "2000-01-01", "text": "t", "events": [{"source": "HUN", "source_sector": "GOV", "target": "ROU", "target_sector": null, "code": "DEMAND", "mode": null, "context": ["a", "b"], "reciprocal": true}], "ontology": "plover"}"#;
        let set = read(line);
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        let r = &set.records[0];
        assert_eq!(r.id, "7");
        assert_eq!(r.ontology, Ontology::Plover);
        let e = &r.events[0];
        assert!(e.reciprocal);
        assert_eq!(e.source_sector.as_deref(), Some("GOV"));
        assert_eq!(e.target_sector, None);
        assert_eq!(e.context.as_deref(), Some("a, b"));
        assert_eq!(e.code, "DEMAND");
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let err = GoldSet::load("/nonexistent/gold.jsonl").unwrap_err();
        assert!(matches!(err, EvalError::Io { .. }));
        assert!(err.to_string().starts_with("/nonexistent/gold.jsonl: "));
    }
}
