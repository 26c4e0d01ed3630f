//! [`IngestOptions`], [`InputFormat`] and [`CsvColumns`]: what to read and how.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use jiff::civil::Date;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// One JSON object per line (`.jsonl`, `.ndjson`, `.json`).
    Jsonl,
    /// The whole file is one record's text (`.txt`, `.text`).
    Text,
    /// A CSV table with a header row (`.csv`).
    Csv,
}

impl InputFormat {
    /// The format's name as the CLI spells it: `jsonl`, `text` or `csv`.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Jsonl => "jsonl",
            InputFormat::Text => "text",
            InputFormat::Csv => "csv",
        }
    }

    /// The format an extension (lowercase, without the dot) stands for.
    fn from_extension(ext: &str) -> Option<InputFormat> {
        match ext {
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            "txt" | "text" => Some(InputFormat::Text),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not `jsonl`, `text` or `csv`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format {0:?} (expected jsonl, text or csv)")]
pub struct UnknownFormat(pub String);

impl FromStr for InputFormat {
    type Err = UnknownFormat;

    /// `jsonl` (also `ndjson`, `json`), `text` (also `txt`) or `csv`, any case.
    fn from_str(s: &str) -> Result<InputFormat, UnknownFormat> {
        InputFormat::from_extension(&s.trim().to_ascii_lowercase())
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// The CSV columns records are read from, by header name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvColumns {
    /// The record id (required; default `id`).
    pub id: String,
    /// The publication date (default `date`; may be absent when a default date is given).
    pub date: String,
    /// The text (required; default `text`).
    pub text: String,
    /// The title, used when the column is present (default `title`).
    pub title: String,
    /// The URL, used when the column is present (default `url`).
    pub url: String,
    /// The outlet, used when the column is present (default `outlet`).
    pub outlet: String,
}

impl Default for CsvColumns {
    fn default() -> CsvColumns {
        CsvColumns {
            id: "id".into(),
            date: "date".into(),
            text: "text".into(),
            title: "title".into(),
            url: "url".into(),
            outlet: "outlet".into(),
        }
    }
}

/// How [`read_inputs`](crate::read_inputs) reads its inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// The publication date for records without one, and for plain-text inputs.
    pub default_date: Option<Date>,
    /// Read every input as this format instead of going by extension. Inside a directory this
    /// also takes files whose extension is unknown.
    pub format: Option<InputFormat>,
    /// CSV column names.
    pub csv: CsvColumns,
    /// The longest record accepted, in bytes (a JSONL line, a CSV row, a whole text file).
    /// Longer ones are an error for that record, and are never held in memory whole.
    pub max_record_bytes: usize,
}

impl IngestOptions {
    /// The default for [`IngestOptions::max_record_bytes`]: 64 MiB.
    pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            default_date: None,
            format: None,
            csv: CsvColumns::default(),
            max_record_bytes: IngestOptions::DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// A compression format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Gzip,
    Zstd,
}

impl Codec {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Codec::Gzip => "gzip",
            Codec::Zstd => "zstd",
        }
    }

    /// The codec whose magic number starts `prefix`.
    pub(crate) fn sniff(prefix: &[u8]) -> Option<Codec> {
        if prefix.starts_with(&[0x1f, 0x8b]) {
            Some(Codec::Gzip)
        } else if prefix.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Codec::Zstd)
        } else {
            None
        }
    }
}

/// What a file name says about a file: its codec, its format, and its name without those
/// extensions (`a.jsonl.gz` -> gzip, JSONL, `a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameInfo {
    pub(crate) codec: Option<Codec>,
    pub(crate) format: Option<InputFormat>,
    pub(crate) stem: String,
}

impl NameInfo {
    pub(crate) fn of(path: &Path) -> NameInfo {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (rest, codec) = match split_ext(&name) {
            Some((rest, ext)) if ext == "gz" || ext == "gzip" => (rest, Some(Codec::Gzip)),
            Some((rest, ext)) if ext == "zst" || ext == "zstd" => (rest, Some(Codec::Zstd)),
            _ => (name.as_str(), None),
        };
        let (stem, format) = match split_ext(rest) {
            Some((stem, ext)) => match InputFormat::from_extension(&ext) {
                Some(format) => (stem, Some(format)),
                None => (rest, None),
            },
            None => (rest, None),
        };
        NameInfo {
            codec,
            format,
            stem: stem.to_owned(),
        }
    }
}

/// `name` split at its last dot into the part before and the lowercased extension; `None`
/// when there is no extension (`.bashrc` has none).
fn split_ext(name: &str) -> Option<(&str, String)> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| (stem, ext.to_ascii_lowercase()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse() {
        assert_eq!("jsonl".parse::<InputFormat>(), Ok(InputFormat::Jsonl));
        assert_eq!("CSV".parse::<InputFormat>(), Ok(InputFormat::Csv));
        assert_eq!("txt".parse::<InputFormat>(), Ok(InputFormat::Text));
        assert!("xml".parse::<InputFormat>().is_err());
        for f in [InputFormat::Jsonl, InputFormat::Text, InputFormat::Csv] {
            assert_eq!(f.to_string().parse::<InputFormat>(), Ok(f));
        }
    }

    #[test]
    fn names_split_into_codec_format_stem() {
        let info = |s: &str| NameInfo::of(Path::new(s));
        assert_eq!(
            info("dir/a.jsonl.gz"),
            NameInfo {
                codec: Some(Codec::Gzip),
                format: Some(InputFormat::Jsonl),
                stem: "a".into()
            }
        );
        let i = info("b.CSV.ZST");
        assert_eq!(
            (i.codec, i.format, i.stem.as_str()),
            (Some(Codec::Zstd), Some(InputFormat::Csv), "b")
        );
        let i = info("story.2024.txt");
        assert_eq!(
            (i.codec, i.format, i.stem.as_str()),
            (None, Some(InputFormat::Text), "story.2024")
        );
        let i = info("notes.md");
        assert_eq!(
            (i.codec, i.format, i.stem.as_str()),
            (None, None, "notes.md")
        );
        let i = info("README");
        assert_eq!((i.codec, i.format, i.stem.as_str()), (None, None, "README"));
        let i = info("x.gz");
        assert_eq!(
            (i.codec, i.format, i.stem.as_str()),
            (Some(Codec::Gzip), None, "x")
        );
    }

    #[test]
    fn magic_bytes() {
        assert_eq!(Codec::sniff(&[0x1f, 0x8b, 8, 0]), Some(Codec::Gzip));
        assert_eq!(Codec::sniff(&[0x28, 0xb5, 0x2f, 0xfd]), Some(Codec::Zstd));
        assert_eq!(Codec::sniff(b"{\"id"), None);
        assert_eq!(Codec::sniff(&[0x1f]), None);
    }
}
