//! [`GdeltTsv`]: GDELT 1.0 event-table columns, filled where dyad has the data.

use std::io::Write;

use dyad_doc::{ActorRef, Event};

use crate::table::{Row, attribute_groups, known_parts};
use crate::tabwriter::TableWriter;
use crate::{EventSink, Format, FormatError};

/// The 58 columns of the GDELT 1.0 event table (daily export files since April 2013), in order.
pub const GDELT_COLUMNS: [&str; 58] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Writes events as GDELT-like rows: the 58 tab-separated columns of the GDELT 1.0 event table,
/// one event per line, `\n` line ends, UTF-8. Columns dyad has no data for are empty; a loader
/// written for GDELT 1.0 daily files reads the output unchanged (given the header is skipped or
/// turned off).
///
/// **Header:** on by default (GDELT files have none); [`with_header(false)`](GdeltTsv::with_header)
/// turns it off. **Escaping:** as for Phoenix — tabs and line breaks in text become spaces, no
/// quoting, absent values are empty cells. **Negated events are left out** (no column can say
/// so) and counted by [`EventSink::skipped`].
///
/// | column | from the event record |
/// |---|---|
/// | GLOBALEVENTID | `event_id` (a string, where GDELT has a number) |
/// | SQLDATE | `date` as `YYYYMMDD`, only when known to the day |
/// | MonthYear | `YYYYMM`, when the month is known |
/// | Year | the year, when known (day, month or year precision; a decade fills no date column) |
/// | FractionDate | when known to the day: year + (day of year − 1) / days in year, 4 decimals |
/// | Actor1Code, Actor1Name, Actor1CountryCode | `source.code`, `source.text` (the words in the text, where GDELT has a canonical name), `source.country` |
/// | Actor1KnownGroupCode, EthnicCode, Religion1Code, Religion2Code | empty |
/// | Actor1Type1Code … Type3Code | `source.sector`, then the code's later three-letter groups |
/// | Actor2… | the same from `target` |
/// | IsRootEvent | 1 for the document's first sentence (standing in for the lead paragraph), else 0 |
/// | EventCode, EventBaseCode, EventRootCode | `cameo`, its three-digit level ("0874" → "087"), `cameo_root` |
/// | QuadClass, GoldsteinScale | `quad_class`, `goldstein` |
/// | NumMentions, NumSources, NumArticles | 1 each: one record is one mention in one document |
/// | AvgTone | empty |
/// | Actor1Geo_\*, Actor2Geo_\* | empty (dyad places events, not actors) |
/// | ActionGeo_FullName, ActionGeo_Lat, ActionGeo_Long | `location.name`, `.lat`, `.lon` |
/// | ActionGeo_CountryCode | `location.country` as dyad has it (ISO alpha-3, where GDELT uses FIPS 10-4) |
/// | ActionGeo_Type, ADM1Code, FeatureID | empty |
/// | DATEADDED | `pub_date` as `YYYYMMDD` |
/// | SOURCEURL | `doc_id` (GDELT allows a citation in place of a URL; the record has no URL) |
#[derive(Debug)]
pub struct GdeltTsv<W: Write> {
    table: TableWriter<W>,
}

impl<W: Write> GdeltTsv<W> {
    /// A GDELT-like writer to `out`, header on.
    pub fn new(out: W) -> GdeltTsv<W> {
        GdeltTsv {
            table: TableWriter::new(out, Row::tsv(), Format::Gdelt, &GDELT_COLUMNS),
        }
    }

    /// Turns the header line on or off; takes effect only before the first write.
    pub fn with_header(mut self, header: bool) -> GdeltTsv<W> {
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

impl<W: Write> EventSink for GdeltTsv<W> {
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

/// One GDELT row.
fn fill(e: &Event, row: &mut Row) {
    row.text(&e.event_id);
    let (year, month, day) = known_parts(e.date.as_ref());
    let full_day = match (day, e.date.as_ref()) {
        (Some(_), Some(date)) => Some(date.first_day()),
        _ => None,
    };
    match full_day {
        Some(d) => row.yyyymmdd(d),
        None => row.empty(),
    }
    match (year, month) {
        (Some(y), Some(m)) => row.display(format_args!("{y:04}{m:02}")),
        _ => row.empty(),
    }
    row.opt_display(year);
    match full_day {
        Some(d) => {
            let fraction = f64::from(d.day_of_year() - 1) / f64::from(d.days_in_year());
            row.display(format_args!("{:.4}", f64::from(d.year()) + fraction));
        }
        None => row.empty(),
    }
    actor(row, e.source.as_ref());
    actor(row, e.target.as_ref());
    row.display(u8::from(e.sentence_index == 0));
    row.display(e.cameo);
    let base = if e.cameo.as_str().len() == 4 {
        e.cameo.parent()
    } else {
        None
    };
    row.display(base.unwrap_or(e.cameo));
    row.display(e.cameo_root);
    row.display(e.quad_class.number());
    row.float32(e.goldstein);
    for _ in 0..3 {
        row.display(1); // NumMentions, NumSources, NumArticles
    }
    row.empty(); // AvgTone
    for _ in 0..14 {
        row.empty(); // Actor1Geo_*, Actor2Geo_*
    }
    let place = e.location.as_ref();
    row.empty(); // ActionGeo_Type
    row.opt_text(place.map(|l| l.name.as_str()));
    row.opt_text(place.and_then(|l| l.country.as_deref()));
    row.empty(); // ActionGeo_ADM1Code
    row.opt_float(place.and_then(|l| l.lat));
    row.opt_float(place.and_then(|l| l.lon));
    row.empty(); // ActionGeo_FeatureID
    row.yyyymmdd(e.pub_date);
    row.text(&e.doc_id);
}

/// The ten actor columns.
fn actor(row: &mut Row, actor: Option<&ActorRef>) {
    let Some(a) = actor else {
        (0..10).for_each(|_| row.empty());
        return;
    };
    row.text(&a.code);
    row.text(&a.text);
    row.text(&a.country);
    for _ in 0..4 {
        row.empty(); // KnownGroup, Ethnic, Religion1, Religion2
    }
    let mut types = a.sector.as_deref().into_iter().chain(attribute_groups(a));
    for _ in 0..3 {
        row.opt_text(types.next());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::testutil::sample_event;

    fn one_row(e: &Event) -> Vec<String> {
        let mut sink = GdeltTsv::new(Vec::new()).with_header(false);
        sink.write_event(e).unwrap();
        sink.finish().unwrap();
        let text = String::from_utf8(sink.into_inner()).unwrap();
        text.trim_end_matches('\n')
            .split('\t')
            .map(str::to_string)
            .collect()
    }

    fn get<'a>(cells: &'a [String], name: &str) -> &'a str {
        &cells[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()]
    }

    #[test]
    fn dates_fill_only_what_is_known() {
        let mut e = sample_event();
        let cells = one_row(&e);
        assert_eq!(cells.len(), GDELT_COLUMNS.len());
        assert_eq!(get(&cells, "SQLDATE"), "");
        assert_eq!(get(&cells, "MonthYear"), "197202");
        assert_eq!(get(&cells, "Year"), "1972");
        assert_eq!(get(&cells, "FractionDate"), "");
        assert_eq!(get(&cells, "DATEADDED"), "20220221");
        e.date = Some("1972-02-21".parse().unwrap());
        let cells = one_row(&e);
        assert_eq!(get(&cells, "SQLDATE"), "19720221");
        // 21 February is day 52 of 366.
        assert_eq!(
            get(&cells, "FractionDate"),
            format!("{:.4}", 1972.0 + 51.0 / 366.0)
        );
        e.date = Some("196X".parse().unwrap());
        let cells = one_row(&e);
        assert!(
            ["SQLDATE", "MonthYear", "Year", "FractionDate"]
                .iter()
                .all(|c| get(&cells, c).is_empty())
        );
    }

    #[test]
    fn codes_and_actor_types() {
        let mut e = sample_event();
        e.cameo = "0874".parse().unwrap();
        e.cameo_root = "08".parse().unwrap();
        if let Some(s) = e.source.as_mut() {
            s.code = "USAGOVMIL".into();
        }
        let cells = one_row(&e);
        assert_eq!(get(&cells, "EventCode"), "0874");
        assert_eq!(get(&cells, "EventBaseCode"), "087");
        assert_eq!(get(&cells, "EventRootCode"), "08");
        assert_eq!(get(&cells, "Actor1Type1Code"), "GOV");
        assert_eq!(get(&cells, "Actor1Type2Code"), "MIL");
        assert_eq!(get(&cells, "Actor1Type3Code"), "");
        assert_eq!(get(&cells, "Actor1Name"), "U.S. President Richard Nixon");
        assert_eq!(get(&cells, "Actor2Type1Code"), "");
        assert_eq!(get(&cells, "IsRootEvent"), "1");
        assert_eq!(get(&cells, "SOURCEURL"), "afp-1972-nixon");
        e.sentence_index = 3;
        e.cameo = "04".parse().unwrap();
        let cells = one_row(&e);
        assert_eq!(get(&cells, "IsRootEvent"), "0");
        assert_eq!(get(&cells, "EventBaseCode"), "04");
    }
}
