//! [`TableWriter`]: the state every tabular writer keeps (header, counts, finish), so the
//! Phoenix, GDELT and CSV writers only say how an event becomes a row.

use std::io::Write;

use dyad_doc::Event;

use crate::error::At;
use crate::table::Row;
use crate::{Format, FormatError};

/// Writes one row per event with a fixed column list, the header first unless turned off.
#[derive(Debug)]
pub(crate) struct TableWriter<W: Write> {
    out: W,
    row: Row,
    format: Format,
    columns: &'static [&'static str],
    header: bool,
    header_done: bool,
    finished: bool,
    written: u64,
    skipped: u64,
}

impl<W: Write> TableWriter<W> {
    /// A writer of `format` rows with `columns`, header on.
    pub(crate) fn new(
        out: W,
        row: Row,
        format: Format,
        columns: &'static [&'static str],
    ) -> TableWriter<W> {
        TableWriter {
            out,
            row,
            format,
            columns,
            header: true,
            header_done: false,
            finished: false,
            written: 0,
            skipped: 0,
        }
    }

    /// Turns the header line on or off; ignored once anything has been written.
    pub(crate) fn set_header(&mut self, header: bool) {
        if !self.header_done && self.written == 0 && !self.finished {
            self.header = header;
        }
    }

    /// Writes the header if it is on and not yet written.
    fn header(&mut self) -> Result<(), FormatError> {
        if !self.header || self.header_done {
            return Ok(());
        }
        self.row.clear();
        for name in self.columns {
            self.row.text(name);
        }
        let line = self.row.finish_line();
        self.out
            .write_all(line)
            .map_err(|e| FormatError::io(At::new(self.format, 0, None), e))?;
        self.header_done = true;
        Ok(())
    }

    /// Writes `event` as one row that `fill` builds.
    pub(crate) fn write(
        &mut self,
        event: &Event,
        fill: impl FnOnce(&Event, &mut Row),
    ) -> Result<(), FormatError> {
        let number = self.written + 1;
        if self.finished {
            return Err(FormatError::Finished(At::new(
                self.format,
                number,
                Some(&event.event_id),
            )));
        }
        self.header()?;
        self.row.clear();
        fill(event, &mut self.row);
        debug_assert_eq!(
            self.row.cells(),
            self.columns.len(),
            "{} row width",
            self.format
        );
        let line = self.row.finish_line();
        self.out
            .write_all(line)
            .map_err(|e| FormatError::io(At::new(self.format, number, Some(&event.event_id)), e))?;
        self.written = number;
        Ok(())
    }

    /// Counts an event this format leaves out.
    pub(crate) fn skip(&mut self) {
        self.skipped += 1;
    }

    /// Writes the header if no row did, flushes, and refuses further rows.
    pub(crate) fn finish(&mut self) -> Result<(), FormatError> {
        if self.finished {
            return Ok(());
        }
        self.header()?;
        self.finished = true;
        self.out
            .flush()
            .map_err(|e| FormatError::io(At::new(self.format, self.written, None), e))
    }

    /// Rows written, not counting the header.
    pub(crate) fn written(&self) -> u64 {
        self.written
    }

    /// Events left out.
    pub(crate) fn skipped(&self) -> u64 {
        self.skipped
    }

    /// The underlying writer.
    pub(crate) fn into_inner(self) -> W {
        self.out
    }
}
