//! [`JsonLines`]: one JSON object per line, for events and for any other serde record.

use std::io::Write;

use dyad_doc::Event;
use serde::Serialize;

use crate::error::At;
use crate::{EventSink, Format, FormatError};

/// Writes records as JSON lines: each record is serialised with serde, followed by `\n`.
///
/// serde_json escapes control characters inside strings, so a record can never span two lines.
/// Each record is built in a buffer the writer keeps (and reuses) and handed to the underlying
/// writer with one `write_all`, so a failing writer never receives half a line from this
/// writer's side; wrap files and stdout in a `BufWriter` to avoid a system call per record.
///
/// As an [`EventSink`] it writes the event record of the data contract (`--format jsonl`). Its
/// [`write`](JsonLines::write) takes any `Serialize` record, which is how `dyad split` writes
/// sentence records and how error logs are written.
///
/// ```
/// use dyad_format::JsonLines;
///
/// #[derive(serde::Serialize)]
/// struct Sentence<'a> { doc_id: &'a str, index: u32, text: &'a str }
///
/// let mut out = Vec::new();
/// let mut lines = JsonLines::new(&mut out);
/// lines.write(&Sentence { doc_id: "afp-1", index: 0, text: "Nixon met Mao.\tHe left." })?;
/// lines.finish()?;
/// assert_eq!(lines.records_written(), 1);
/// drop(lines);
/// assert_eq!(out, b"{\"doc_id\":\"afp-1\",\"index\":0,\"text\":\"Nixon met Mao.\\tHe left.\"}\n");
/// # Ok::<(), dyad_format::FormatError>(())
/// ```
#[derive(Debug)]
pub struct JsonLines<W: Write> {
    out: W,
    buf: Vec<u8>,
    written: u64,
    finished: bool,
    format: Format,
}

impl<W: Write> JsonLines<W> {
    /// A writer of JSON lines to `out`.
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines::labelled(out, Format::Jsonl)
    }

    /// A writer whose errors name `format` (used by the PLOVER writer).
    pub(crate) fn labelled(out: W, format: Format) -> JsonLines<W> {
        JsonLines {
            out,
            buf: Vec::with_capacity(1024),
            written: 0,
            finished: false,
            format,
        }
    }

    /// Writes one record as one line.
    pub fn write<T: Serialize + ?Sized>(&mut self, record: &T) -> Result<(), FormatError> {
        self.write_with_id(record, None)
    }

    /// Writes one record; `event_id` names it in errors.
    pub(crate) fn write_with_id<T: Serialize + ?Sized>(
        &mut self,
        record: &T,
        event_id: Option<&str>,
    ) -> Result<(), FormatError> {
        let number = self.written + 1;
        if self.finished {
            return Err(FormatError::Finished(At::new(
                self.format,
                number,
                event_id,
            )));
        }
        self.buf.clear();
        if let Err(source) = serde_json::to_writer(&mut self.buf, record) {
            return Err(FormatError::Json {
                at: At::new(self.format, number, event_id),
                source,
            });
        }
        self.buf.push(b'\n');
        self.out
            .write_all(&self.buf)
            .map_err(|e| FormatError::io(At::new(self.format, number, event_id), e))?;
        self.written = number;
        Ok(())
    }

    /// Flushes the underlying writer and refuses further records. Calling it again does nothing.
    pub fn finish(&mut self) -> Result<(), FormatError> {
        if self.finished {
            return Ok(());
        }
        self.finished = true;
        self.out
            .flush()
            .map_err(|e| FormatError::io(At::new(self.format, self.written, None), e))
    }

    /// How many records have been written.
    pub fn records_written(&self) -> u64 {
        self.written
    }

    /// The underlying writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// The underlying writer, giving up this one (without flushing: call
    /// [`finish`](JsonLines::finish) first to see flush errors).
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> EventSink for JsonLines<W> {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        self.write_with_id(event, Some(&event.event_id))
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        JsonLines::finish(self)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::{Failing, sample_event};

    #[test]
    fn event_line_is_the_contract_record() {
        let event = sample_event();
        let mut out = Vec::new();
        let mut sink = JsonLines::new(&mut out);
        sink.write_event(&event).unwrap();
        sink.write_event(&event).unwrap();
        EventSink::finish(&mut sink).unwrap();
        assert_eq!(sink.records_written(), 2);
        drop(sink);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let back: Event = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(back, event);
        assert!(lines[0].contains("\"cameo\":\"042\""), "{}", lines[0]);
    }

    #[test]
    fn write_after_finish_is_an_error_and_finish_is_idempotent() {
        let mut sink = JsonLines::new(Vec::new());
        sink.write(&1).unwrap();
        sink.finish().unwrap();
        sink.finish().unwrap();
        let err = sink.write(&2).unwrap_err();
        assert!(
            matches!(err, FormatError::Finished(At { record: 2, .. })),
            "{err:?}"
        );
        assert_eq!(sink.into_inner(), b"1\n");
    }

    #[test]
    fn io_errors_name_the_event() {
        let event = sample_event();
        let mut sink = JsonLines::new(Failing::broken_pipe());
        let err = sink.write_event(&event).unwrap_err();
        assert!(err.is_broken_pipe());
        assert_eq!(err.at().event_id.as_deref(), Some(event.event_id.as_str()));
        assert_eq!(sink.records_written(), 0);
    }

    #[test]
    fn unserialisable_records_are_errors_not_panics() {
        let mut map = std::collections::BTreeMap::new();
        map.insert(vec![1u8], 2);
        let mut sink = JsonLines::new(Vec::new());
        let err = sink.write(&map).unwrap_err();
        assert!(matches!(err, FormatError::Json { .. }), "{err:?}");
        assert!(sink.into_inner().is_empty(), "nothing half-written");
    }
}
