//! Plain text: the whole file is one record, dated by the default date.

use std::io::Read;

use crate::open::Stream;
use crate::{IngestError, IngestErrorKind, IngestOptions, Origin, Record};

/// One plain-text stream, read whole on the first call.
pub(crate) struct TextSource {
    stream: Option<Stream>,
    path: String,
    id: String,
}

impl TextSource {
    pub(crate) fn new(stream: Stream, path: String, id: String) -> TextSource {
        TextSource {
            stream: Some(stream),
            path,
            id,
        }
    }

    pub(crate) fn next(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        let mut stream = self.stream.take()?;
        let error = |kind| IngestError::new(&self.path, None, Some(self.id.clone()), kind);
        let Some(date) = options.default_date else {
            return Some(Err(error(IngestErrorKind::NoDefaultDate)));
        };
        let limit = options.max_record_bytes;
        let mut bytes = Vec::new();
        if let Err(e) = (&mut stream.reader)
            .take((limit as u64).saturating_add(1))
            .read_to_end(&mut bytes)
        {
            return Some(Err(error(stream.read_error(e))));
        }
        if bytes.len() > limit {
            let len = bytes.len() as u64;
            return Some(Err(error(IngestErrorKind::TooLong { len, limit })));
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                return Some(Err(error(IngestErrorKind::InvalidUtf8 { offset })));
            }
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        Some(Ok(Record {
            id: self.id.clone(),
            date,
            text,
            title: None,
            url: None,
            outlet: None,
            origin: Origin {
                path: self.path.clone(),
                line: None,
            },
        }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(bytes: &[u8], options: &IngestOptions) -> Vec<Result<Record, IngestError>> {
        let stream = Stream::open(Box::new(Cursor::new(bytes.to_vec())), None).unwrap();
        let mut src = TextSource::new(stream, "d/story.txt".into(), "story".into());
        std::iter::from_fn(|| src.next(options)).collect()
    }

    fn dated() -> IngestOptions {
        IngestOptions {
            default_date: Some(crate::parse_date("1972-02-21").unwrap()),
            ..IngestOptions::default()
        }
    }

    #[test]
    fn whole_file_is_one_record() {
        let text = "BEIJING, Feb. 21 -- Nixon met Mao.\r\n\r\nThey talked.\n";
        let got = read(text.as_bytes(), &dated());
        let [Ok(r)] = &got[..] else { panic!("{got:?}") };
        assert_eq!(r.id, "story");
        assert_eq!(r.text, text);
        assert_eq!(r.date.to_string(), "1972-02-21");
        assert_eq!(
            r.origin,
            Origin {
                path: "d/story.txt".into(),
                line: None
            }
        );
        let got = read(b"\xef\xbb\xbfNixon", &dated());
        assert_eq!(got[0].as_ref().unwrap().text, "Nixon");
        let got = read(b"", &dated());
        assert_eq!(got[0].as_ref().unwrap().text, "");
    }

    #[test]
    fn errors() {
        let got = read(b"Nixon", &IngestOptions::default());
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "d/story.txt: record \"story\": plain text has no date; a default date is needed"
        );
        let got = read(b"Nix\xffon", &dated());
        assert!(matches!(
            got[0].as_ref().unwrap_err().kind,
            IngestErrorKind::InvalidUtf8 { offset: 3 }
        ));
        let options = IngestOptions {
            max_record_bytes: 4,
            ..dated()
        };
        let got = read(b"Nixon", &options);
        assert!(matches!(
            got[0].as_ref().unwrap_err().kind,
            IngestErrorKind::TooLong { limit: 4, .. }
        ));
        assert_eq!(read(b"Nixo", &options)[0].as_ref().unwrap().text, "Nixo");
        let options = IngestOptions {
            max_record_bytes: usize::MAX,
            ..dated()
        };
        assert_eq!(read(b"Nixon", &options)[0].as_ref().unwrap().text, "Nixon");
    }

    #[test]
    fn ten_megabytes_on_one_line() {
        let text = "Nixon met Mao in Beijing. ".repeat(400_000);
        assert!(text.len() > 10_000_000);
        let got = read(text.as_bytes(), &dated());
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap().text == text);
    }
}
