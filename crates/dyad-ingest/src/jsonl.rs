//! JSON lines: one record per line; blank lines are skipped.

use crate::open::{LineRead, Stream, read_line};
use crate::record::{RawRecord, Rejected};
use crate::{IngestError, IngestErrorKind, IngestOptions, Origin, Record};

/// The records of one JSONL stream, line by line.
pub(crate) struct JsonlSource {
    stream: Stream,
    path: String,
    /// Lines read so far.
    line: u64,
    /// The current line, reused.
    buf: Vec<u8>,
    done: bool,
}

impl JsonlSource {
    pub(crate) fn new(stream: Stream, path: String) -> JsonlSource {
        JsonlSource {
            stream,
            path,
            line: 0,
            buf: Vec::with_capacity(1 << 14),
            done: false,
        }
    }

    /// The next record or error; `None` at the end. After a read error the rest of the stream
    /// is skipped.
    pub(crate) fn next(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        loop {
            if self.done {
                return None;
            }
            let line = self.line + 1;
            match read_line(
                &mut self.stream.reader,
                &mut self.buf,
                options.max_record_bytes,
            ) {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::Line) => self.line = line,
                Ok(LineRead::TooLong(len)) => {
                    self.line = line;
                    let kind = IngestErrorKind::TooLong {
                        len,
                        limit: options.max_record_bytes,
                    };
                    return Some(Err(IngestError::new(&self.path, Some(line), None, kind)));
                }
                Err(e) => {
                    self.done = true;
                    let kind = self.stream.read_error(e);
                    return Some(Err(IngestError::new(&self.path, Some(line), None, kind)));
                }
            }
            let mut bytes = self.buf.as_slice();
            if let Some(rest) = bytes.strip_suffix(b"\n") {
                bytes = rest.strip_suffix(b"\r").unwrap_or(rest);
            }
            if line == 1 {
                bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let origin = Origin {
                path: self.path.clone(),
                line: Some(line),
            };
            return Some(
                parse_line(bytes, options, origin)
                    .map_err(|(id, kind)| IngestError::new(&self.path, Some(line), id, kind)),
            );
        }
    }
}

/// One non-blank line as a record.
fn parse_line(bytes: &[u8], options: &IngestOptions, origin: Origin) -> Result<Record, Rejected> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        (
            None,
            IngestErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            },
        )
    })?;
    if !text.trim_start().starts_with('{') {
        return Err((None, IngestErrorKind::NotAnObject));
    }
    let raw: RawRecord =
        serde_json::from_str(text).map_err(|e| (None, IngestErrorKind::json(&e)))?;
    raw.check(options.default_date, origin)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(bytes: &[u8], options: &IngestOptions) -> Vec<Result<Record, IngestError>> {
        let stream = Stream::open(Box::new(Cursor::new(bytes.to_vec())), None).unwrap();
        let mut src = JsonlSource::new(stream, "t.jsonl".into());
        std::iter::from_fn(|| src.next(options)).collect()
    }

    fn summary(items: &[Result<Record, IngestError>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(r) => format!("ok {} {:?} {}", r.id, r.origin.line, r.text),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    #[test]
    fn records_and_errors_in_order_with_line_numbers() {
        let input =
            b"\xef\xbb\xbf{\"id\":\"a\",\"date\":\"1972-02-21\",\"text\":\"Nixon met Mao.\"}\r\n\
            \n   \t\n\
            {\"id\":\"b\",\"date\":\"1972-02-21\"}\n\
            {\"id\":\"c\",\"date\":\"1972-02-21\",\"text\":\"caf\xff\"}\n\
            {\"id\":\"d\",\"date\":\"1972-02-21\",\"text\":\"broken\"\n\
            [1,2]\n\
            \0\0\n\
            {\"id\":\"e\",\"date\":\"1972-02-21\",\"text\":\"a\\u0000b\"}\n\
            {\"id\":\"f\",\"date\":\"1972-02-21\",\"text\":\"raw\0nul\"}\n\
            {\"id\":\"g\",\"id\":\"h\",\"date\":\"1972-02-21\",\"text\":\"\"}\n\
            {\"id\":\"i\",\"date\":\"1972-02-21\",\"text\":\"last\"}";
        let got = summary(&read(input, &IngestOptions::default()));
        let want = [
            "ok a Some(1) Nixon met Mao.",
            "t.jsonl:4: record \"b\": missing field `text`",
            "t.jsonl:5: invalid UTF-8 at byte 41 of the record",
            "t.jsonl:6: invalid JSON at column 45: EOF while parsing an object",
            "t.jsonl:7: a record must be a JSON object",
            "t.jsonl:8: a record must be a JSON object",
            "ok e Some(9) a\0b",
        ];
        assert_eq!(got.get(..7).unwrap(), want);
        assert!(
            got[7].starts_with("t.jsonl:10: invalid JSON at column"),
            "{}",
            got[7]
        );
        assert!(got[7].contains("control character"), "{}", got[7]);
        assert!(got[8].starts_with("t.jsonl:11: invalid JSON"), "{}", got[8]);
        assert!(got[8].contains("duplicate field `id`"), "{}", got[8]);
        assert_eq!(got[9], "ok i Some(12) last");
        assert_eq!(got.len(), 10);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let got = read(deep.as_bytes(), &IngestOptions::default());
        assert!(matches!(&got[..], [Err(e)] if matches!(e.kind, IngestErrorKind::NotAnObject)));

        // Unclosed: an error at the end of the line.
        let line = format!("{{\"id\":\"x\",\"date\":\"2000-01-01\",\"text\":{deep}");
        let got = read(line.as_bytes(), &IngestOptions::default());
        let [Err(e)] = &got[..] else {
            panic!("{got:?}")
        };
        assert!(matches!(e.kind, IngestErrorKind::Json { .. }), "{e}");
        // Closed: nested values are skipped without recursion, and the type is wrong.
        let closed = format!("{deep}{}", "]".repeat(100_000));
        let line = format!("{{\"id\":\"x\",\"date\":\"2000-01-01\",\"text\":{closed}}}");
        let got = read(line.as_bytes(), &IngestOptions::default());
        let [Err(e)] = &got[..] else {
            panic!("{got:?}")
        };
        assert_eq!(
            e.to_string(),
            "t.jsonl:1: record \"x\": field `text` must be a string, not an array"
        );
        let objects = format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
        let line =
            format!("{{\"id\":\"x\",\"date\":\"2000-01-01\",\"text\":\"t\",\"title\":{objects}}}");
        let got = read(line.as_bytes(), &IngestOptions::default());
        assert!(
            matches!(&got[..], [Err(e)] if matches!(e.kind, IngestErrorKind::WrongType { field: "title", .. }))
        );

        // In an ignored field nesting is skipped without recursion; closed, it is accepted.
        let line = format!(
            "{{\"id\":\"x\",\"date\":\"2000-01-01\",\"text\":\"t\",\"extra\":{deep}{}}}",
            "]".repeat(100_000)
        );
        let got = read(line.as_bytes(), &IngestOptions::default());
        assert!(matches!(&got[..], [Ok(r)] if r.id == "x"), "{got:?}");
        let line = format!("{{\"id\":\"x\",\"extra\":{deep}");
        assert!(matches!(
            &read(line.as_bytes(), &IngestOptions::default())[..],
            [Err(_)]
        ));
    }

    #[test]
    fn ten_megabyte_line() {
        let text = "Nixon met Mao in Beijing. ".repeat(400_000);
        let line = format!(
            "{{\"id\":\"big\",\"date\":\"1972-02-21\",\"text\":\"{text}\"}}\n{{\"id\":\"next\",\"date\":\"1972-02-21\",\"text\":\"\"}}\n"
        );
        assert!(line.len() > 10_000_000);
        let got = read(line.as_bytes(), &IngestOptions::default());
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].as_ref().unwrap().text, text);
        assert_eq!(got[1].as_ref().unwrap().id, "next");

        let options = IngestOptions {
            max_record_bytes: 1_000_000,
            ..IngestOptions::default()
        };
        let got = read(line.as_bytes(), &options);
        assert!(
            matches!(&got[0], Err(e) if matches!(e.kind, IngestErrorKind::TooLong { .. }) && e.line == Some(1))
        );
        assert_eq!(got[1].as_ref().unwrap().origin.line, Some(2));
    }

    #[test]
    fn default_date_for_missing_dates_only() {
        let options = IngestOptions {
            default_date: Some(crate::parse_date("2000-01-01").unwrap()),
            ..IngestOptions::default()
        };
        let got = summary(&read(
            b"{\"id\":\"a\",\"text\":\"t\"}\n{\"id\":\"b\",\"date\":\"junk\",\"text\":\"t\"}\n",
            &options,
        ));
        assert_eq!(got[0], "ok a Some(1) t");
        assert_eq!(
            got[1],
            "t.jsonl:2: record \"b\": invalid date \"junk\": expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp"
        );
    }
}
