//! [`FormatError`]: why a record could not be written.

use std::fmt;
use std::io;

use crate::Format;

/// Where in the output a write failed: the format, the 1-based record number and, for events,
/// the event id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The format being written.
    pub format: Format,
    /// 1-based number of the record being written (the header line, if any, is record 0).
    pub record: u64,
    /// The event's id, when the record is an event.
    pub event_id: Option<String>,
}

impl At {
    #[cold]
    pub(crate) fn new(format: Format, record: u64, event_id: Option<&str>) -> At {
        At {
            format,
            record,
            event_id: event_id.map(str::to_string),
        }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} output, record {}", self.format, self.record)?;
        if let Some(id) = &self.event_id {
            write!(f, " (event {id:?})")?;
        }
        Ok(())
    }
}

/// Why a writer could not write a record.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The underlying writer failed (disk full, closed pipe, ...).
    #[error("{at}: {source}")]
    Io {
        /// Where.
        at: At,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// A record could not be turned into JSON (only possible for caller-defined records given
    /// to [`JsonLines::write`](crate::JsonLines::write), e.g. a map with non-string keys).
    #[error("{at}: cannot serialise record: {source}")]
    Json {
        /// Where.
        at: At,
        /// The serde error.
        #[source]
        source: serde_json::Error,
    },
    /// A record was written after [`finish`](crate::EventSink::finish).
    #[error("{0}: write after finish")]
    Finished(At),
}

impl FormatError {
    /// Whether this is the reader of a pipe going away (`dyad code | head`), which a CLI
    /// treats as a normal end rather than a failure.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            FormatError::Io { source, .. } => source.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }

    /// Where the error happened.
    pub fn at(&self) -> &At {
        match self {
            FormatError::Io { at, .. }
            | FormatError::Json { at, .. }
            | FormatError::Finished(at) => at,
        }
    }

    #[cold]
    pub(crate) fn io(at: At, source: io::Error) -> FormatError {
        FormatError::Io { at, source }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_format_record_and_id() {
        let err = FormatError::io(
            At::new(Format::Phoenix, 12, Some("ev-3")),
            io::Error::new(io::ErrorKind::BrokenPipe, "pipe closed"),
        );
        assert!(err.is_broken_pipe());
        assert_eq!(
            err.to_string(),
            "phoenix output, record 12 (event \"ev-3\"): pipe closed"
        );
        assert_eq!(err.at().record, 12);
        let other = FormatError::Finished(At::new(Format::Csv, 2, None));
        assert!(!other.is_broken_pipe());
        assert_eq!(
            other.to_string(),
            "csv output, record 2: write after finish"
        );
    }
}
