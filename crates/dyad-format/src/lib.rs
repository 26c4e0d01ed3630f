//! Writers for dyad's event records, all behind one [`EventSink`] trait.
//!
//! * [`EventSink`] — what every writer is: `write_event` for each [`Event`], then `finish`.
//! * [`Format`] — the `--format` names: `jsonl`, `plover`, `phoenix`, `gdelt`, `csv`.
//! * [`event_sink`] — the writer for a format, boxed, over any `Write`.
//! * [`JsonLines`] — JSON lines for events and for any other serde record (sentence records,
//!   error logs).
//! * [`PloverJson`], [`PhoenixTsv`], [`GdeltTsv`], [`FlatCsv`] — the other formats, for callers
//!   that want a concrete type (to turn a header off, say).
//!
//! ```
//! use dyad_format::{event_sink, EventSink, Format};
//!
//! // An event record as `dyad code` writes it (the data contract's JSON line).
//! let line = r#"{"event_id":"afp-1-0-042","doc_id":"afp-1","sentence_index":0,
//!   "date":"1972-02","date_precision":"month","date_basis":"text","pub_date":"2022-02-21",
//!   "source":{"code":"USAGOV","country":"USA","sector":"GOV","text":"Richard Nixon","span":[33,46]},
//!   "target":{"code":"CHN","country":"CHN","sector":null,"text":"Beijing","span":[59,66]},
//!   "cameo":"042","cameo_root":"04","quad_class":1,"goldstein":1.9,
//!   "plover":{"event":"CONSULT","mode":"visit","context":["diplomatic"]},
//!   "verb":{"text":"traveled","span":[47,55]},"negated":false,"location":null,
//!   "evidence":"In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman Mao Zedong.",
//!   "evidence_span":[0,101],"rule":"verb:travel-to","confidence":0.9}"#;
//! let event: dyad_doc::Event = serde_json::from_str(line).unwrap();
//!
//! let mut out = Vec::new();
//! let mut sink = event_sink(Format::Phoenix, Box::new(&mut out));
//! sink.write_event(&event)?;
//! sink.finish()?;
//! drop(sink);
//!
//! let text = String::from_utf8(out).unwrap();
//! let mut lines = text.lines();
//! assert!(lines.next().unwrap().starts_with("EventID\tDate\tYear\tMonth\tDay\tSourceActorFull"));
//! let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
//! // Known to the month: no YYYYMMDD date, year and month filled, day empty.
//! assert_eq!(&row[..6], ["afp-1-0-042", "", "1972", "02", "", "USAGOV"]);
//! assert_eq!(&row[13..17], ["042", "04", "1", "1.9"]);
//! # Ok::<(), dyad_format::FormatError>(())
//! ```
//!
//! # Wire formats
//!
//! Every format is UTF-8 with `\n` line ends, one event per line.
//!
//! * **jsonl** ([`JsonLines`]) — the event record of the data contract (PRODUCT.md), exactly
//!   its serde form: `event_id`, `doc_id`, `sentence_index`, `date`, `date_precision`,
//!   `date_basis`, `pub_date`, `source`, `target`, `cameo`, `cameo_root`, `quad_class`,
//!   `goldstein`, `plover`, `verb`, `negated`, `location`, `evidence`, `evidence_span`, `rule`,
//!   `confidence`. serde_json escapes control characters, so a record is always one line.
//! * **plover** ([`PloverJson`]) — one JSON object per line under PLOVER's field names (`id`,
//!   `date`, `enddate`, `actor`, `recipient`, `event`, `mode`, `context`, `event_text`,
//!   `quad_code`, `event_loc`, `text`, `text_info`, `cite_info`, `coder`), then dyad's own fields.
//!   A date coarser than a day becomes the range `date`..`enddate`. Full mapping on the type.
//! * **phoenix** ([`PhoenixTsv`]) — the 26 Phoenix columns ([`PHOENIX_COLUMNS`]), tab-separated.
//! * **gdelt** ([`GdeltTsv`]) — the 58 GDELT 1.0 event-table columns ([`GDELT_COLUMNS`]),
//!   tab-separated, empty where dyad has no data.
//! * **csv** ([`FlatCsv`]) — one column per scalar of the record ([`CSV_COLUMNS`]), nested
//!   fields flattened with `_` (`source_code` … `source_end`), `plover_context` joined by `;`.
//!
//! **Headers.** The three tabular formats start with a header line naming the columns; this is
//! on by default for Phoenix and GDELT too, although their original files had none (each
//! writer's `with_header(false)` gives the headerless layout). With no events the output is the
//! header alone; jsonl and plover output is then empty.
//!
//! **Escaping.** TSV has no quoting, so in the TSV formats every tab or line break inside a text
//! value (`\t`, `\n`, `\r`, VT, FF, FS, GS, RS, NEL, U+2028, U+2029 — everything Python's
//! `splitlines` breaks on) is replaced by one space. One character for one keeps code-point
//! offsets into the evidence valid. TSV values are never quoted, and a `"` is an ordinary
//! character: read the files with quote handling off (R `quote = ""`, pandas
//! `quoting=csv.QUOTE_NONE`), as one reads Phoenix and GDELT files. CSV keeps text exactly and
//! quotes it where needed (RFC 4180, via csv-core). An absent value (`null`) is an empty cell in
//! all three, so an empty string and `null` look alike there.
//!
//! **Negated events.** jsonl, plover and csv write them with their `negated` flag. Phoenix and
//! GDELT have no column to say "did not happen", so those writers leave negated events out,
//! as CAMEO coders do, and count them in [`EventSink::skipped`] for the caller to report.
//!
//! **Numbers.** Floats are written as the JSON record writes them: the shortest decimal that
//! reads back to the same value, with ".0" on whole numbers ("1.9", "-10.0"); a non-finite
//! value is an empty cell in tables (and `null` in JSON).
//!
//! # Streaming and buffering
//!
//! The writers stream: each record is built in a buffer the writer owns and reuses, then handed
//! to the underlying writer with a single `write_all`. Beyond serde's own needs nothing is
//! allocated per event once that buffer has grown to the longest record. The writers do not
//! buffer across records: give them a `BufWriter` for files and stdout (the CLI does), and call
//! [`EventSink::finish`], which flushes and reports flush errors. An I/O error names the format,
//! record number and event id; [`FormatError::is_broken_pipe`] tells a closed pipe apart.
#![deny(missing_docs)]

mod error;
mod flat;
mod format;
mod gdelt;
mod jsonl;
mod phoenix;
mod plover;
mod table;
mod tabwriter;

use std::io::Write;

use dyad_doc::Event;

pub use error::{At, FormatError};
pub use flat::{CSV_COLUMNS, FlatCsv};
pub use format::{Format, UnknownFormat};
pub use gdelt::{GDELT_COLUMNS, GdeltTsv};
pub use jsonl::JsonLines;
pub use phoenix::{PHOENIX_COLUMNS, PhoenixTsv};
pub use plover::PloverJson;

/// Somewhere events go: a file in some format, a store, a test's vector.
///
/// Call [`write_event`](EventSink::write_event) for each event, in order, then
/// [`finish`](EventSink::finish) once. Writing after `finish` is an error; `finish` twice is
/// harmless.
pub trait EventSink {
    /// Writes one event.
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError>;

    /// Writes whatever must still be written (a header when no event came), flushes, and
    /// refuses further events.
    fn finish(&mut self) -> Result<(), FormatError>;

    /// How many events this sink accepted but left out because its format cannot express them
    /// (negated events in Phoenix and GDELT output). Zero for most sinks.
    fn skipped(&self) -> u64 {
        0
    }
}

impl<S: EventSink + ?Sized> EventSink for Box<S> {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        (**self).write_event(event)
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        (**self).finish()
    }

    fn skipped(&self) -> u64 {
        (**self).skipped()
    }
}

impl<S: EventSink + ?Sized> EventSink for &mut S {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        (**self).write_event(event)
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        (**self).finish()
    }

    fn skipped(&self) -> u64 {
        (**self).skipped()
    }
}

/// The writer for `format` over `out`, with each format's defaults (headers on).
///
/// `out` is written one record per `write_all`; pass a `BufWriter` for files and stdout.
pub fn event_sink<'w>(
    format: Format,
    out: Box<dyn Write + Send + 'w>,
) -> Box<dyn EventSink + Send + 'w> {
    match format {
        Format::Jsonl => Box::new(JsonLines::new(out)),
        Format::Plover => Box::new(PloverJson::new(out)),
        Format::Phoenix => Box::new(PhoenixTsv::new(out)),
        Format::Gdelt => Box::new(GdeltTsv::new(out)),
        Format::Csv => Box::new(FlatCsv::new(out)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod testutil {
    //! Events and writers for unit tests.

    use std::io;

    use dyad_doc::{ActorRef, Event, Location, Mention, PloverCode};
    use dyad_ontology::{DateBasis, Precision, QuadClass};

    /// Nixon's 1972 visit to Beijing, as `dyad code` would record it.
    pub(crate) fn sample_event() -> Event {
        Event {
            event_id: "afp-1972-nixon-0-042".into(),
            doc_id: "afp-1972-nixon".into(),
            sentence_index: 0,
            date: Some("1972-02".parse().unwrap()),
            date_precision: Precision::Month,
            date_basis: DateBasis::Text,
            pub_date: jiff::civil::date(2022, 2, 21),
            source: Some(ActorRef {
                code: "USAGOV".into(),
                country: "USA".into(),
                sector: Some("GOV".into()),
                text: "U.S. President Richard Nixon".into(),
                span: [18, 46],
            }),
            target: Some(ActorRef {
                code: "CHN".into(),
                country: "CHN".into(),
                sector: None,
                text: "Beijing".into(),
                span: [59, 66],
            }),
            cameo: "042".parse().unwrap(),
            cameo_root: "04".parse().unwrap(),
            quad_class: QuadClass::VerbalCooperation,
            goldstein: 1.9,
            plover: PloverCode {
                event: "CONSULT".into(),
                mode: Some("visit".into()),
                context: vec!["diplomatic".into(), "executive".into()],
            },
            verb: Mention {
                text: "traveled".into(),
                span: [47, 55],
            },
            negated: false,
            future: false,
            date_range: None,
            location: Some(Location {
                name: "Beijing".into(),
                country: Some("CHN".into()),
                admin1: None,
                lat: Some(39.9042),
                lon: Some(116.4074),
            }),
            evidence: "In February 1972, U.S. President Richard Nixon traveled to Beijing, where \
                       he met Chairman Mao Zedong."
                .into(),
            evidence_span: [0, 101],
            rule: "verb:travel-to".into(),
            confidence: 0.9,
        }
    }

    /// A writer that always fails with the given error kind.
    pub(crate) struct Failing(io::ErrorKind);

    impl Failing {
        pub(crate) fn broken_pipe() -> Failing {
            Failing(io::ErrorKind::BrokenPipe)
        }
    }

    impl io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(self.0, "test writer refuses"))
        }

        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::new(self.0, "test writer refuses"))
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::{Failing, sample_event};

    #[test]
    fn every_format_writes_through_the_boxed_sink() {
        for format in Format::ALL {
            let mut out = Vec::new();
            let mut sink = event_sink(format, Box::new(&mut out));
            sink.write_event(&sample_event()).unwrap();
            sink.finish().unwrap();
            sink.finish().unwrap();
            assert!(
                sink.write_event(&sample_event()).is_err(),
                "{format}: write after finish"
            );
            assert_eq!(sink.skipped(), 0);
            drop(sink);
            let text = String::from_utf8(out).unwrap();
            let want = match format {
                Format::Jsonl | Format::Plover => 1,
                _ => 2,
            };
            assert_eq!(text.lines().count(), want, "{format}: {text}");
            assert!(text.ends_with('\n'));
        }
    }

    #[test]
    fn io_errors_surface_with_context_in_every_format() {
        for format in Format::ALL {
            let mut sink = event_sink(format, Box::new(Failing::broken_pipe()));
            let err = sink.write_event(&sample_event()).unwrap_err();
            assert!(err.is_broken_pipe(), "{format}: {err}");
            assert_eq!(err.at().format, format);
            let err = sink.finish().unwrap_err();
            assert!(err.is_broken_pipe(), "{format}: {err}");
        }
    }

    #[test]
    fn sinks_can_be_borrowed() {
        let mut sink = PhoenixTsv::new(Vec::new());
        let mut negated = sample_event();
        negated.negated = true;
        {
            let mut borrowed: &mut dyn EventSink = &mut sink;
            (&mut borrowed).write_event(&negated).unwrap();
        }
        assert_eq!(EventSink::skipped(&sink), 1);
        assert_eq!(sink.rows_written(), 0);
    }
}
