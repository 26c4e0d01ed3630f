//! [`IngestError`]: one record (or one input) that could not be read, with where and why.

use std::fmt;
use std::io;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::DateParseError;

/// A record, file or directory that could not be read.
///
/// `line` is the 1-based line where the record starts (`None` for a whole file or directory);
/// `id` is the record id when it could be read. Displays as
/// `data/a.jsonl:17: record "x": missing field `date``, and serialises as one JSON object
/// `{"path", "line", "id", "error"}` (for an `--errors FILE` of JSON lines).
#[derive(Debug)]
pub struct IngestError {
    /// The input path as given (joined with the path inside a directory); `-` for stdin.
    pub path: String,
    /// The 1-based line the record starts on, if the error is about a line.
    pub line: Option<u64>,
    /// The record id, if it was read before the error.
    pub id: Option<String>,
    /// What went wrong.
    pub kind: IngestErrorKind,
}

impl IngestError {
    #[cold]
    pub(crate) fn new(
        path: &str,
        line: Option<u64>,
        id: Option<String>,
        kind: IngestErrorKind,
    ) -> IngestError {
        IngestError {
            path: path.to_owned(),
            line,
            id,
            kind,
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, ": record {id:?}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for IngestError {}

impl Serialize for IngestError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("IngestError", 4)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("error", &self.kind.to_string())?;
        s.end()
    }
}

/// Why a record, file or directory could not be read. Each message is complete on its own
/// (underlying I/O errors are part of it, not a separate `source`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// The file (or stdin) could not be opened, or its first bytes not read.
    #[error("cannot open: {0}")]
    Open(io::Error),
    /// A directory could not be listed.
    #[error("cannot read directory: {0}")]
    ReadDir(io::Error),
    /// Reading failed part way; the rest of the file is skipped.
    #[error("read error: {0}")]
    Read(io::Error),
    /// A compressed stream is corrupt or ends early; the rest of the file is skipped.
    #[error("corrupt or truncated {codec} stream: {error}")]
    Decompress {
        /// `gzip` or `zstd`.
        codec: &'static str,
        /// The decoder's error.
        error: io::Error,
    },
    /// The record is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset} of the record")]
    InvalidUtf8 {
        /// Byte offset of the first bad byte, from the start of the line or field.
        offset: usize,
    },
    /// The line is not valid JSON (or not valid for a record: a duplicate field, say).
    #[error("invalid JSON at column {column}: {message}")]
    Json {
        /// What serde_json said, without its position.
        message: String,
        /// 1-based column (byte) in the line.
        column: usize,
    },
    /// The line is JSON but not an object.
    #[error("a record must be a JSON object")]
    NotAnObject,
    /// A required field is absent or null (for `date`: and no default date was given).
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// The `id` is the empty string.
    #[error("field `id` is empty")]
    EmptyId,
    /// A field has the wrong JSON type.
    #[error("field `{field}` must be {expected}, not {found}")]
    WrongType {
        /// The field.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
        /// What it was.
        found: &'static str,
    },
    /// The `date` is present but not a date.
    #[error("invalid date {value:?}: {error}")]
    InvalidDate {
        /// The text of the date field.
        value: String,
        /// Why it is not a date.
        error: DateParseError,
    },
    /// A plain-text input has no date of its own and no default date was given.
    #[error("plain text has no date; a default date is needed")]
    NoDefaultDate,
    /// The record is longer than [`IngestOptions::max_record_bytes`](crate::IngestOptions).
    #[error("record is {len} bytes, over the limit of {limit}")]
    TooLong {
        /// The record's length in bytes (at least this long, for a whole file).
        len: u64,
        /// The limit.
        limit: usize,
    },
    /// The CSV header lacks a column the records need.
    #[error("CSV header has no column {0:?}")]
    MissingColumn(String),
}

impl IngestErrorKind {
    /// A serde_json error as a kind, its position split off (the line is known from the file).
    #[cold]
    pub(crate) fn json(e: &serde_json::Error) -> IngestErrorKind {
        let text = e.to_string();
        let message = match text.rsplit_once(" at line ") {
            Some((message, _)) if e.line() > 0 => message.to_owned(),
            _ => text,
        };
        IngestErrorKind::Json {
            message,
            column: e.column(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_context() {
        let e = IngestError::new(
            "data/a.jsonl",
            Some(17),
            Some("x".into()),
            IngestErrorKind::MissingField("date"),
        );
        assert_eq!(
            e.to_string(),
            "data/a.jsonl:17: record \"x\": missing field `date`"
        );
        let e = IngestError::new(
            "nope.jsonl",
            None,
            None,
            IngestErrorKind::Open(io::Error::new(io::ErrorKind::NotFound, "gone")),
        );
        assert_eq!(e.to_string(), "nope.jsonl: cannot open: gone");
    }

    #[test]
    fn serialises_as_one_json_object() {
        let e = IngestError::new(
            "-",
            Some(3),
            None,
            IngestErrorKind::InvalidUtf8 { offset: 5 },
        );
        let v: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"path": "-", "line": 3, "id": null,
                "error": "invalid UTF-8 at byte 5 of the record"})
        );
    }

    #[test]
    fn json_error_loses_its_position() {
        let e = serde_json::from_str::<serde_json::Value>("{\"a\":}").unwrap_err();
        let kind = IngestErrorKind::json(&e);
        let IngestErrorKind::Json { message, column } = &kind else {
            panic!("{kind:?}")
        };
        assert!(!message.contains("line"), "{message}");
        assert_eq!(*column, 6);
    }
}
