//! CSV: a header row naming the columns, then one record per row.
//!
//! Rows are split by `csv-core` (RFC 4180 quoting, `""` inside quotes, `\n`, `\r\n` or `\r`
//! line ends, rows of any length); line numbers are counted here, on the bytes it consumes, so
//! a row's line is the line its first byte is on, blank lines and quoted newlines included.

use std::io::{self, BufRead};

use csv_core::ReadRecordResult;

use crate::open::Stream;
use crate::record::{Field, RawRecord};
use crate::{IngestError, IngestErrorKind, IngestOptions, Origin, Record};

/// Column positions of the record fields.
struct Columns {
    id: usize,
    date: Option<usize>,
    text: usize,
    title: Option<usize>,
    url: Option<usize>,
    outlet: Option<usize>,
}

/// What [`Rows::read`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// End of input.
    End,
    /// A row is in the buffers; it starts on this line.
    Read(u64),
    /// A row starting on this line was over the limit; it was consumed but not kept.
    TooLong(u64, u64),
}

/// Rows of a CSV stream, one at a time in reused buffers.
struct Rows {
    stream: Stream,
    core: csv_core::Reader,
    /// `\n` bytes consumed so far.
    newlines: u64,
    /// The fields of the current row, back to back.
    out: Vec<u8>,
    /// The end of each field in `out`.
    ends: Vec<usize>,
    /// Fields in the current row.
    fields: usize,
}

impl Rows {
    fn new(stream: Stream) -> Rows {
        Rows {
            stream,
            core: csv_core::Reader::new(),
            newlines: 0,
            out: vec![0; 1 << 12],
            ends: vec![0; 16],
            fields: 0,
        }
    }

    /// Read the next row. Fields longer than `max` bytes in all make the row [`Row::TooLong`].
    fn read(&mut self, max: usize) -> io::Result<Row> {
        let (mut outlen, mut endlen) = (0, 0);
        let mut start_line = self.newlines + 1;
        let mut leading = true;
        let mut consumed_total: u64 = 0;
        let mut too_long = false;
        loop {
            let input = match self.stream.reader.fill_buf() {
                Ok(input) => input,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let (result, nin, nout, nend) = self.core.read_record(
                input,
                self.out.get_mut(outlen..).unwrap_or_default(),
                self.ends.get_mut(endlen..).unwrap_or_default(),
            );
            let consumed = input.get(..nin).unwrap_or_default();
            // Blank lines before the row are skipped by the parser; the row starts after them.
            if leading {
                for &b in consumed {
                    match b {
                        b'\n' => start_line += 1,
                        b'\r' => {}
                        _ => {
                            leading = false;
                            break;
                        }
                    }
                }
            }
            self.newlines += memchr::memchr_iter(b'\n', consumed).count() as u64;
            consumed_total += nin as u64;
            self.stream.reader.consume(nin);
            outlen += nout;
            endlen += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    if too_long || outlen >= max {
                        // Keep consuming the row, but not its bytes.
                        too_long = true;
                        outlen = 0;
                    } else {
                        self.out.resize(self.out.len().saturating_mul(2), 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if too_long {
                        endlen = 0;
                    } else {
                        self.ends.resize(self.ends.len().saturating_mul(2), 0);
                    }
                }
                ReadRecordResult::Record => {
                    if too_long || outlen > max {
                        return Ok(Row::TooLong(start_line, consumed_total));
                    }
                    self.fields = endlen;
                    return Ok(Row::Read(start_line));
                }
                ReadRecordResult::End => return Ok(Row::End),
            }
        }
    }

    /// Field `i` of the current row, if the row has one.
    fn field(&self, i: usize) -> Option<&[u8]> {
        if i >= self.fields {
            return None;
        }
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)?,
            None => 0,
        };
        self.out.get(start..end)
    }

    /// Whether every field of the current row is blank.
    fn is_blank(&self) -> bool {
        (0..self.fields).all(|i| {
            self.field(i)
                .is_none_or(|f| f.iter().all(u8::is_ascii_whitespace))
        })
    }
}

/// The records of one CSV stream, row by row.
pub(crate) struct CsvSource {
    rows: Rows,
    path: String,
    /// `None` until the header is read.
    columns: Option<Columns>,
    done: bool,
}

impl CsvSource {
    pub(crate) fn new(stream: Stream, path: String) -> CsvSource {
        CsvSource {
            rows: Rows::new(stream),
            path,
            columns: None,
            done: false,
        }
    }

    /// The next record or error; `None` at the end. A bad header or a read error ends the file.
    pub(crate) fn next(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        loop {
            if self.done {
                return None;
            }
            let line = match self.rows.read(options.max_record_bytes) {
                Ok(Row::End) => {
                    self.done = true;
                    return None;
                }
                Ok(Row::Read(line)) => line,
                Ok(Row::TooLong(line, len)) => {
                    let kind = IngestErrorKind::TooLong {
                        len,
                        limit: options.max_record_bytes,
                    };
                    if self.columns.is_none() {
                        self.done = true;
                    }
                    return Some(Err(IngestError::new(&self.path, Some(line), None, kind)));
                }
                Err(e) => {
                    self.done = true;
                    let line = self.rows.newlines + 1;
                    let kind = self.rows.stream.read_error(e);
                    return Some(Err(IngestError::new(&self.path, Some(line), None, kind)));
                }
            };
            if self.rows.is_blank() {
                continue;
            }
            if self.columns.is_none() {
                match self.header(line, options) {
                    Ok(columns) => {
                        self.columns = Some(columns);
                        continue;
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
            }
            return Some(self.record(line, options));
        }
    }

    /// Find the columns in the header row.
    fn header(&self, line: u64, options: &IngestOptions) -> Result<Columns, IngestError> {
        let names = &options.csv;
        let find = |name: &str| {
            let name = name.trim().as_bytes();
            (0..self.rows.fields).find(|&i| {
                self.rows.field(i).is_some_and(|cell| {
                    let cell = cell.strip_prefix(b"\xef\xbb\xbf").unwrap_or(cell);
                    cell.trim_ascii() == name
                })
            })
        };
        let missing = |name: &str| {
            IngestError::new(
                &self.path,
                Some(line),
                None,
                IngestErrorKind::MissingColumn(name.to_owned()),
            )
        };
        let id = find(&names.id).ok_or_else(|| missing(&names.id))?;
        let text = find(&names.text).ok_or_else(|| missing(&names.text))?;
        let date = find(&names.date);
        if date.is_none() && options.default_date.is_none() {
            return Err(missing(&names.date));
        }
        Ok(Columns {
            id,
            date,
            text,
            title: find(&names.title),
            url: find(&names.url),
            outlet: find(&names.outlet),
        })
    }

    /// The current row as a record.
    fn record(&self, line: u64, options: &IngestOptions) -> Result<Record, IngestError> {
        let error = |id, kind| IngestError::new(&self.path, Some(line), id, kind);
        // `next` sets `columns` before it reads any row but the header.
        let Some(c) = &self.columns else {
            return Err(error(
                None,
                IngestErrorKind::MissingColumn(options.csv.id.clone()),
            ));
        };
        let cell = |i: Option<usize>| -> Result<Field, IngestErrorKind> {
            match i.and_then(|i| self.rows.field(i)) {
                None => Ok(Field::Missing),
                Some(bytes) => match std::str::from_utf8(bytes) {
                    Ok(s) => Ok(Field::Str(s.to_owned())),
                    Err(e) => Err(IngestErrorKind::InvalidUtf8 {
                        offset: e.valid_up_to(),
                    }),
                },
            }
        };
        let id = cell(Some(c.id)).map_err(|k| error(None, k))?;
        let id_text = match &id {
            Field::Str(s) if !s.is_empty() => Some(s.clone()),
            _ => None,
        };
        let with_id = |k| error(id_text.clone(), k);
        let raw = RawRecord {
            id,
            date: cell(c.date).map_err(with_id)?,
            text: cell(Some(c.text)).map_err(with_id)?,
            title: cell(c.title).map_err(with_id)?,
            url: cell(c.url).map_err(with_id)?,
            outlet: cell(c.outlet).map_err(with_id)?,
        };
        let origin = Origin {
            path: self.path.clone(),
            line: Some(line),
        };
        raw.check(options.default_date, origin)
            .map_err(|(id, kind)| error(id, kind))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(bytes: &[u8], options: &IngestOptions) -> Vec<Result<Record, IngestError>> {
        let stream = Stream::open(Box::new(Cursor::new(bytes.to_vec())), None).unwrap();
        let mut src = CsvSource::new(stream, "t.csv".into());
        std::iter::from_fn(|| src.next(options)).collect()
    }

    fn summary(items: &[Result<Record, IngestError>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(r) => format!(
                    "ok {} {} {:?} {:?} {:?} {:?}",
                    r.id, r.date, r.origin.line, r.text, r.title, r.outlet
                ),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    #[test]
    fn quotes_newlines_and_optional_columns() {
        let input = "\u{feff}id,date,title,text,extra\n\
            n1,1972-02-21,Visit,\"Nixon met Mao, and \"\"talked\"\".\nThen left.\",z\n\
            n2,19720222,,plain,\n\
            \n\
            n3,1972-02-23,T\n\
            ,1972-02-23,T,x\n\
            n5,1972-02-30,T,x\n";
        let got = summary(&read(input.as_bytes(), &IngestOptions::default()));
        assert_eq!(
            got,
            [
                "ok n1 1972-02-21 Some(2) \"Nixon met Mao, and \\\"talked\\\".\\nThen left.\" Some(\"Visit\") None",
                "ok n2 1972-02-22 Some(4) \"plain\" None None",
                "t.csv:6: record \"n3\": missing field `text`",
                "t.csv:7: field `id` is empty",
                "t.csv:8: record \"n5\": invalid date \"1972-02-30\": not a calendar date",
            ]
        );
    }

    #[test]
    fn renamed_columns_and_default_date() {
        let options = IngestOptions {
            default_date: Some(crate::parse_date("2000-01-01").unwrap()),
            csv: crate::CsvColumns {
                id: "doc".into(),
                date: "published".into(),
                text: "body".into(),
                outlet: "source".into(),
                ..crate::CsvColumns::default()
            },
            ..IngestOptions::default()
        };
        let got = summary(&read(b"doc,body,source\na,hello,Wire\n", &options));
        assert_eq!(
            got,
            ["ok a 2000-01-01 Some(2) \"hello\" None Some(\"Wire\")"]
        );
    }

    #[test]
    fn missing_columns_end_the_file() {
        let got = summary(&read(b"id,date\na,2000-01-01\n", &IngestOptions::default()));
        assert_eq!(got, ["t.csv:1: CSV header has no column \"text\""]);
        let got = summary(&read(b"id,text\na,b\n", &IngestOptions::default()));
        assert_eq!(got, ["t.csv:1: CSV header has no column \"date\""]);
        let got = summary(&read(b"\n\nid,date\n", &IngestOptions::default()));
        assert_eq!(got, ["t.csv:3: CSV header has no column \"text\""]);
        // No header at all: no records, no error.
        assert!(read(b"", &IngestOptions::default()).is_empty());
        assert!(read(b"\n \n", &IngestOptions::default()).is_empty());
    }

    #[test]
    fn line_numbers_count_blank_lines_crlf_and_quoted_newlines() {
        let input = "id,date,text\r\n\r\na,2000-01-01,x\r\n\r\n\r\nb,2000-01-01,\"one\r\ntwo\"\r\nc,2000-01-01,z";
        let got = summary(&read(input.as_bytes(), &IngestOptions::default()));
        assert_eq!(
            got,
            [
                "ok a 2000-01-01 Some(3) \"x\" None None",
                "ok b 2000-01-01 Some(6) \"one\\r\\ntwo\" None None",
                "ok c 2000-01-01 Some(8) \"z\" None None",
            ]
        );
        let got = summary(&read(
            b"id,date,text\ra,2000-01-01,x\rb,2000-01-01,y\n",
            &IngestOptions::default(),
        ));
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn long_rows_are_skipped() {
        let options = IngestOptions {
            max_record_bytes: 100,
            ..IngestOptions::default()
        };
        let long = "w".repeat(50_000);
        let input = format!("id,date,text\na,2000-01-01,\"{long}\n{long}\"\nb,2000-01-01,short\n");
        let got = summary(&read(input.as_bytes(), &options));
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("t.csv:2: record is 1000"), "{}", got[0]);
        assert_eq!(got[1], "ok b 2000-01-01 Some(4) \"short\" None None");
        let many = ",".repeat(10_000);
        let input = format!("id,date,text\na,2000-01-01,x{many}\nb,2000-01-01,short\n");
        let got = summary(&read(input.as_bytes(), &IngestOptions::default()));
        assert_eq!(got[0], "ok a 2000-01-01 Some(2) \"x\" None None");
    }

    #[test]
    fn invalid_utf8_is_one_bad_row() {
        let got = summary(&read(
            b"id,date,text\na,2000-01-01,caf\xe9\nb,2000-01-01,ok\n",
            &IngestOptions::default(),
        ));
        assert_eq!(
            got,
            [
                "t.csv:2: record \"a\": invalid UTF-8 at byte 3 of the record",
                "ok b 2000-01-01 Some(3) \"ok\" None None",
            ]
        );
    }
}
