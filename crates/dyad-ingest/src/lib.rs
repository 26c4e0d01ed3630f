//! Inputs to records: the one source layer of dyad.
//!
//! [`read_inputs`] takes paths (files, directories, `-` for stdin) and yields, lazily and in a
//! fixed order, one [`Record`] per document or one [`IngestError`] per thing that could not be
//! read. A bad record is a message, not a dead batch: the next record is read as usual.
//! [`Record::into_doc`] makes the [`dyad_doc::Doc`] the pipeline stages work on.
//!
//! ```
//! use std::io::Write;
//! use dyad_ingest::{read_inputs, IngestOptions};
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("visit.jsonl");
//! let mut file = std::fs::File::create(&path)?;
//! writeln!(file, r#"{{"id": "n1", "date": "1972-02-21", "text": "Nixon met Mao in Beijing."}}"#)?;
//! writeln!(file, r#"{{"id": "n2", "text": "No date here."}}"#)?;
//!
//! let items: Vec<_> = read_inputs(&[path], &IngestOptions::default()).collect();
//! let record = items[0].as_ref().unwrap();
//! assert_eq!((record.id.as_str(), record.date.to_string()), ("n1", "1972-02-21".to_string()));
//! assert_eq!(record.origin.line, Some(1));
//! let error = items[1].as_ref().unwrap_err();
//! assert!(error.to_string().ends_with(r#"visit.jsonl:2: record "n2": missing field `date`"#));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # The record
//!
//! A JSONL record is an object `{"id", "date", "text", "title"?, "url"?, "outlet"?}`; other
//! fields are ignored.
//! - `id`: a non-empty string, or an integer, kept as its decimal text (`42` -> `"42"`).
//! - `date`: the publication date, `YYYY-MM-DD`, `YYYYMMDD` or an RFC 3339 timestamp whose date
//!   part is taken as written ([`parse_date`]). If it is absent, null or blank, the default
//!   date ([`IngestOptions::default_date`]) is used, and without one the record is an error.
//!   A date that is present but invalid is an error even when there is a default.
//! - `text`: a string, kept verbatim; empty is allowed (it yields no sentences downstream).
//! - `title`, `url`, `outlet`: strings; empty or null counts as absent.
//!
//! # Inputs
//!
//! The format goes by extension, unless [`IngestOptions::format`] forces one:
//! - `.jsonl`, `.ndjson`, `.json`: JSON lines. Blank lines are skipped (neither records nor
//!   errors); line numbers count every line from 1. A UTF-8 byte-order mark is dropped.
//! - `.txt`, `.text`: the whole file is one record, dated by the default date (an error without
//!   one). Its id is the file name without extensions; for a file found in a directory, its path
//!   relative to that directory (`sub/story` for `dir/sub/story.txt.gz`).
//! - `.csv`: a header row, then one record per row; [`CsvColumns`] names the columns (`id`,
//!   `date`, `text`; `title`, `url`, `outlet` are used when present; the `date` column may be
//!   absent when there is a default date). Quoted fields may hold commas, `""` and newlines;
//!   rows may be short (a missing cell is a missing field); blank rows are skipped; a record's
//!   line is the line its row starts on. An empty cell is an empty text, and an absent date,
//!   title, URL or outlet.
//! - `-`: stdin, as the forced format or JSONL.
//! - a directory: walked recursively, entries in byte order of their names, files and
//!   subdirectories interleaved. Hidden entries (`.name`) are passed over. Files with an unknown
//!   extension are skipped and counted ([`Records::stats`]) unless a format is forced. Links
//!   to files are read; links to directories are not followed.
//! - any other file named directly: as the forced format or JSONL.
//!
//! `.gz` (several members allowed) and `.zst` are decoded on the fly; so is any input, stdin
//! included, whose first bytes are a gzip or zstd magic number.
//!
//! # Errors
//!
//! Every [`IngestError`] names the input path, the line (when it is about one) and the record id
//! (when it was read). Per record: invalid UTF-8, broken JSON (serde_json's nesting limit turns
//! deep nesting into an error, never a stack overflow), a line that is not an object, a missing
//! or mistyped field, an invalid date, a record over [`IngestOptions::max_record_bytes`].
//! Per input, ending it: a path that cannot be opened, a directory that cannot be listed, a CSV
//! header lacking a needed column, a read error or a corrupt or truncated compressed stream
//! (the records before it are kept). Reading then goes on with the next input. Nothing in the
//! input can make this crate panic.
//!
//! Reading is streaming: one line (or CSV row) is held at a time, in a reused buffer, except
//! for plain-text inputs, which are one record each.

#![deny(missing_docs)]

mod date;
mod error;
mod jsonl;
mod open;
mod options;
mod record;
mod records;
mod table;
mod text;

pub use date::{DateParseError, parse_date};
pub use error::{IngestError, IngestErrorKind};
pub use options::{CsvColumns, IngestOptions, InputFormat, UnknownFormat};
pub use record::{Origin, Record};
pub use records::{IngestStats, Records, read_inputs};
