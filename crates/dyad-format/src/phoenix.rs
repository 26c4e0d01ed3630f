//! [`PhoenixTsv`]: the Phoenix data set's tab-separated columns.

use std::io::Write;

use dyad_doc::{ActorRef, Event};

use crate::table::{Row, attribute_groups, known_parts};
use crate::tabwriter::TableWriter;
use crate::{EventSink, Format, FormatError};

/// The 26 Phoenix columns, in order.
pub const PHOENIX_COLUMNS: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

/// Writes events as Phoenix rows: the 26 tab-separated columns of the Phoenix data set
/// (`events.full.YYYYMMDD.txt`, as made by the Phoenix pipeline's post-processing), one event per
/// line, `\n` line ends, UTF-8.
///
/// **Header:** on by default, unlike the original files, which had none; turn it off with
/// [`with_header(false)`](PhoenixTsv::with_header) for the original headerless layout. With the
/// header on, output with no events is the header line alone.
///
/// **Escaping:** no quoting. In text cells, tabs and line breaks (`\t \n \r`, VT, FF, FS, GS,
/// RS, NEL, U+2028, U+2029) become one space each, so a row never splits and code-point offsets
/// into the evidence still hold. An absent value is an empty cell.
///
/// **Negated events are left out**, as CAMEO coders do ("did not withdraw" codes no event) and
/// because the layout has no column to say so; [`EventSink::skipped`] counts them.
///
/// | column | from the event record |
/// |---|---|
/// | EventID | `event_id` (a string, where Phoenix had a running number) |
/// | Date | `date` as `YYYYMMDD` when known to the day, else empty |
/// | Year, Month, Day | the parts of `date` that are known (month and day two-digit); a decade fills none |
/// | SourceActorFull | `source.code` |
/// | SourceActorEntity | `source.country` |
/// | SourceActorRole | `source.sector` |
/// | SourceActorAttribute | the code's three-letter groups after country and sector, joined by `;` |
/// | Target… | the same four from `target` |
/// | EventCode, EventRootCode | `cameo`, `cameo_root` ("0874", "08") |
/// | PentaClass | 0 for roots 01–02 (statements, appeals), else `quad_class` 1–4 |
/// | GoldsteinScore | `goldstein` |
/// | Issues | empty (dyad codes no issues) |
/// | Lat, Lon, LocationName | `location.lat`, `.lon`, `.name` |
/// | StateName | empty |
/// | CountryCode | `location.country` |
/// | SentenceID | `doc_id` `_` `sentence_index` ("afp-1_0") |
/// | URLs, NewsSources | empty (the event record carries neither) |
///
/// Each row is built in a reused buffer and written with one `write_all`; give the writer a
/// `BufWriter` for files and stdout.
#[derive(Debug)]
pub struct PhoenixTsv<W: Write> {
    table: TableWriter<W>,
}

impl<W: Write> PhoenixTsv<W> {
    /// A Phoenix writer to `out`, header on.
    pub fn new(out: W) -> PhoenixTsv<W> {
        PhoenixTsv {
            table: TableWriter::new(out, Row::tsv(), Format::Phoenix, &PHOENIX_COLUMNS),
        }
    }

    /// Turns the header line on or off; takes effect only before the first write.
    pub fn with_header(mut self, header: bool) -> PhoenixTsv<W> {
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

impl<W: Write> EventSink for PhoenixTsv<W> {
    fn write_event(&mut self, event: &Event) -> Result<(), FormatError> {
        if event.negated {
            self.table.skip();
            return Ok(());
        }
        self.table.write(event, fill)
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        self.table.finish()
    }

    fn skipped(&self) -> u64 {
        self.table.skipped()
    }
}

/// One Phoenix row.
fn fill(e: &Event, row: &mut Row) {
    row.text(&e.event_id);
    let (year, month, day) = known_parts(e.date.as_ref());
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => row.display(format_args!("{y:04}{m:02}{d:02}")),
        _ => row.empty(),
    }
    row.opt_display(year);
    row.opt_two_digits(month);
    row.opt_two_digits(day);
    actor(row, e.source.as_ref());
    actor(row, e.target.as_ref());
    row.display(e.cameo);
    row.display(e.cameo_root);
    let penta = if e.cameo.root_number() <= 2 {
        0
    } else {
        e.quad_class.number()
    };
    row.display(penta);
    row.float32(e.goldstein);
    row.empty(); // Issues
    let place = e.location.as_ref();
    row.opt_float(place.and_then(|l| l.lat));
    row.opt_float(place.and_then(|l| l.lon));
    row.opt_text(place.map(|l| l.name.as_str()));
    row.empty(); // StateName
    row.opt_text(place.and_then(|l| l.country.as_deref()));
    row.text_and(&e.doc_id, format_args!("_{}", e.sentence_index));
    row.empty(); // URLs
    row.empty(); // NewsSources
}

/// The four actor columns.
fn actor(row: &mut Row, actor: Option<&ActorRef>) {
    match actor {
        Some(a) => {
            row.text(&a.code);
            row.text(&a.country);
            row.opt_text(a.sector.as_deref());
            row.joined(attribute_groups(a));
        }
        None => (0..4).for_each(|_| row.empty()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::sample_event;

    fn rows(events: &[Event], header: bool) -> (String, u64) {
        let mut sink = PhoenixTsv::new(Vec::new()).with_header(header);
        for e in events {
            sink.write_event(e).unwrap();
        }
        sink.finish().unwrap();
        let skipped = sink.skipped();
        (String::from_utf8(sink.into_inner()).unwrap(), skipped)
    }

    #[test]
    fn nixon_row() {
        let (text, _) = rows(&[sample_event()], false);
        let cells: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(cells.len(), PHOENIX_COLUMNS.len());
        let get = |name: &str| cells[PHOENIX_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(get("Date"), "", "month precision has no day");
        assert_eq!((get("Year"), get("Month"), get("Day")), ("1972", "02", ""));
        assert_eq!(get("SourceActorFull"), "USAGOV");
        assert_eq!(get("SourceActorEntity"), "USA");
        assert_eq!(get("SourceActorRole"), "GOV");
        assert_eq!(get("TargetActorFull"), "CHN");
        assert_eq!(get("TargetActorRole"), "");
        assert_eq!((get("EventCode"), get("EventRootCode")), ("042", "04"));
        assert_eq!((get("PentaClass"), get("GoldsteinScore")), ("1", "1.9"));
        assert_eq!(get("LocationName"), "Beijing");
        assert_eq!(get("SentenceID"), "afp-1972-nixon_0");
    }

    #[test]
    fn header_only_when_empty_and_negated_events_skipped() {
        let (text, skipped) = rows(&[], true);
        assert_eq!(text, format!("{}\n", PHOENIX_COLUMNS.join("\t")));
        assert_eq!(skipped, 0);
        let mut negated = sample_event();
        negated.negated = true;
        let (text, skipped) = rows(&[negated, sample_event()], true);
        assert_eq!(text.lines().count(), 2);
        assert_eq!(skipped, 1);
    }

    #[test]
    fn header_cannot_be_switched_on_midway() {
        let mut sink = PhoenixTsv::new(Vec::new()).with_header(false);
        sink.write_event(&sample_event()).unwrap();
        let mut sink = sink.with_header(true);
        sink.write_event(&sample_event()).unwrap();
        sink.finish().unwrap();
        let text = String::from_utf8(sink.into_inner()).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(!text.contains("EventID"));
    }

    #[test]
    fn statements_are_penta_class_zero() {
        let mut e = sample_event();
        e.cameo = "012".parse().unwrap();
        e.cameo_root = "01".parse().unwrap();
        let (text, _) = rows(&[e], false);
        assert_eq!(text.split('\t').nth(15), Some("0"));
    }
}
