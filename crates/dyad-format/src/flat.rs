//! [`FlatCsv`]: the event record flattened to one CSV column per scalar.

use std::io::Write;

use dyad_doc::{ActorRef, Event};

use crate::table::Row;
use crate::tabwriter::TableWriter;
use crate::{EventSink, Format, FormatError};

/// The 39 flat CSV columns, in order.
pub const CSV_COLUMNS: [&str; 39] = [
    "event_id",
    "doc_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_basis",
    "pub_date",
    "source_code",
    "source_country",
    "source_sector",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_sector",
    "target_text",
    "target_start",
    "target_end",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "verb_text",
    "verb_start",
    "verb_end",
    "negated",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "evidence",
    "evidence_start",
    "evidence_end",
    "rule",
    "confidence",
];

/// Writes events as flat CSV: a header line, then one row per event with one column per scalar
/// of the event record ([`CSV_COLUMNS`]).
///
/// * Nested fields are flattened with `_`: `source` becomes `source_code`, `source_country`,
///   `source_sector`, `source_text`, `source_start`, `source_end` (the span), and likewise for
///   `target`, `verb`, `location`, `evidence_span` (`evidence_start`, `evidence_end`) and
///   `plover` (`plover_event`, `plover_mode`, `plover_context`).
/// * `plover_context` joins the contexts with `;`.
/// * `null` (no source, no sector, no location, no date...) is an empty cell; `negated` is
///   `true`/`false`; numbers are written as in the JSON record ("1.9", "-10.0").
/// * Quoting is RFC 4180 style, done by csv-core (the csv crate's engine): a cell with a comma,
///   a quote or a line break is enclosed in double quotes, and quotes inside are doubled. Text
///   is kept exactly, line breaks included; lines end with `\n`.
/// * Every event is written, negated ones included.
///
/// The header is on by default; [`with_header(false)`](FlatCsv::with_header) leaves it out (to
/// append to an existing file). Each row is built in a reused buffer and written with one
/// `write_all`; give the writer a `BufWriter` for files and stdout.
#[derive(Debug)]
pub struct FlatCsv<W: Write> {
    table: TableWriter<W>,
}

impl<W: Write> FlatCsv<W> {
    /// A flat CSV writer to `out`, header on.
    pub fn new(out: W) -> FlatCsv<W> {
        FlatCsv {
            table: TableWriter::new(out, Row::csv(), Format::Csv, &CSV_COLUMNS),
        }
    }

    /// Turns the header line on or off; takes effect only before the first write.
    pub fn with_header(mut self, header: bool) -> FlatCsv<W> {
        self.table.set_header(header);
        self
    }

    /// Rows written, not counting the header.
    pub fn rows_written(&self) -> u64 {
        self.table.written()
    }

    /// The underlying writer (call [`EventSink::finish`] first to flush it).
    pub fn into_inner(self) -> W {
        self.table.into_inner()
    }
}

impl<W: Write> EventSink for FlatCsv<W> {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        self.table.write(event, fill)
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        self.table.finish()
    }
}

/// One flat row.
fn fill(e: &Event, row: &mut Row) {
    row.text(&e.event_id);
    row.text(&e.doc_id);
    row.display(e.sentence_index);
    row.opt_display(e.date.as_ref());
    row.display(e.date_precision.as_str());
    row.display(e.date_basis.as_str());
    row.display(format_args!("{}", e.pub_date));
    actor(row, e.source.as_ref());
    actor(row, e.target.as_ref());
    row.display(e.cameo);
    row.display(e.cameo_root);
    row.display(e.quad_class.number());
    row.float32(e.goldstein);
    row.text(&e.plover.event);
    row.opt_text(e.plover.mode.as_deref());
    row.joined(e.plover.context.iter().map(String::as_str));
    row.text(&e.verb.text);
    row.display(e.verb.span[0]);
    row.display(e.verb.span[1]);
    row.display(e.negated);
    let place = e.location.as_ref();
    row.opt_text(place.map(|l| l.name.as_str()));
    row.opt_text(place.and_then(|l| l.country.as_deref()));
    row.opt_float(place.and_then(|l| l.lat));
    row.opt_float(place.and_then(|l| l.lon));
    row.text(&e.evidence);
    row.display(e.evidence_span[0]);
    row.display(e.evidence_span[1]);
    row.text(&e.rule);
    row.float32(e.confidence);
}

/// The six actor columns.
fn actor(row: &mut Row, actor: Option<&ActorRef>) {
    match actor {
        Some(a) => {
            row.text(&a.code);
            row.text(&a.country);
            row.opt_text(a.sector.as_deref());
            row.text(&a.text);
            row.display(a.span[0]);
            row.display(a.span[1]);
        }
        None => (0..6).for_each(|_| row.empty()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::sample_event;
    use proptest::prelude::*;

    fn write(events: &[Event]) -> String {
        let mut sink = FlatCsv::new(Vec::new());
        for e in events {
            sink.write_event(e).unwrap();
        }
        sink.finish().unwrap();
        String::from_utf8(sink.into_inner()).unwrap()
    }

    fn read(text: &str) -> Vec<csv::StringRecord> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        reader.records().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn header_and_values() {
        let text = write(&[sample_event()]);
        let records = read(&text);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].iter().collect::<Vec<_>>(), CSV_COLUMNS);
        let row = &records[1];
        let get = |name: &str| &row[CSV_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(get("date"), "1972-02");
        assert_eq!(get("pub_date"), "2022-02-21");
        assert_eq!(get("source_sector"), "GOV");
        assert_eq!(get("target_sector"), "");
        assert_eq!(get("plover_context"), "diplomatic;executive");
        assert_eq!(get("negated"), "false");
        assert_eq!(get("goldstein"), "1.9");
        assert_eq!(get("evidence"), sample_event().evidence);
    }

    proptest! {
        #[test]
        fn any_text_reads_back_exactly(evidence in "\\PC*|[\",\\n\\r\\t a]*", actor in "\\PC{0,8}") {
            let mut e = sample_event();
            e.evidence = evidence.clone();
            if let Some(s) = e.source.as_mut() {
                s.text = actor.clone();
            }
            let text = write(&[e]);
            let records = read(&text);
            prop_assert_eq!(records.len(), 2);
            prop_assert_eq!(records[1].len(), CSV_COLUMNS.len());
            prop_assert_eq!(&records[1][34], evidence.as_str());
            prop_assert_eq!(&records[1][10], actor.as_str());
        }
    }
}
