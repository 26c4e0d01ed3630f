//! Reading the embedded `data/ontology/*.tsv` tables.
//!
//! The files are compiled in with `include_str!` and parsed once, lazily. A parse error in them is
//! a bug in dyad's data, not bad input: [`loaded`] turns it into a panic with the file and line, and
//! the crate's tests load every table so such a bug cannot be released.

use std::fmt;

/// What is wrong with a line of an embedded table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/ontology/{file}:{line}: {message}")]
pub(crate) struct DataError {
    /// The table's file name.
    pub(crate) file: &'static str,
    /// 1-based line number (0: the file as a whole).
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) message: String,
}

impl DataError {
    #[cold]
    pub(crate) fn new(file: &'static str, line: usize, message: impl fmt::Display) -> DataError {
        DataError {
            file,
            line,
            message: message.to_string(),
        }
    }
}

/// One data row: its line number and fields.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub(crate) file: &'static str,
    pub(crate) line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i` ("" if absent; rows are checked to have the header's width).
    pub(crate) fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// Field `i`, or `None` if empty.
    pub(crate) fn opt(&self, i: usize) -> Option<&'a str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }

    /// Field `i` as a `|` list (empty field: empty list).
    pub(crate) fn list(&self, i: usize) -> Vec<String> {
        self.get(i)
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// An error about this row.
    pub(crate) fn error(&self, message: impl fmt::Display) -> DataError {
        DataError::new(self.file, self.line, message)
    }
}

/// Splits a table: `#` comment lines are skipped, the first other line must be `header`, every
/// following line must have as many tab-separated fields.
pub(crate) fn rows<'a>(
    file: &'static str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, DataError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'));
    match lines.next() {
        Some((_, first)) if first.split('\t').eq(header.iter().copied()) => {}
        Some((i, first)) => {
            return Err(DataError::new(
                file,
                i + 1,
                format!("header {first:?}, expected {header:?}"),
            ));
        }
        None => return Err(DataError::new(file, 0, "no header")),
    }
    lines
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == header.len() {
                Ok(Row {
                    file,
                    line: i + 1,
                    fields,
                })
            } else {
                Err(DataError::new(
                    file,
                    i + 1,
                    format!("{} fields, expected {}", fields.len(), header.len()),
                ))
            }
        })
        .collect()
}

/// The value of a table parsed from embedded data.
///
/// Panics on an error: the data is compiled in, and `tests::every_table_loads` (lib.rs) parses
/// every table, so an error here can only be a build from broken `data/ontology` files.
pub(crate) fn loaded<T>(parsed: Result<T, DataError>) -> T {
    match parsed {
        Ok(value) => value,
        Err(e) => panic!("dyad-ontology: embedded table is broken: {e}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn splits_rows_after_comments_and_header() {
        let text = "# comment\na\tb\n1\t2\n# later comment\n3\t\n";
        let rows = rows("t.tsv", text, &["a", "b"]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].line, rows[0].get(0), rows[0].get(1)),
            (3, "1", "2")
        );
        assert_eq!(rows[1].opt(1), None);
        assert_eq!(rows[1].get(9), "");
    }

    #[test]
    fn reports_file_and_line() {
        let e = rows("t.tsv", "a\tb\n1\n", &["a", "b"]).unwrap_err();
        assert_eq!(e.to_string(), "data/ontology/t.tsv:2: 1 fields, expected 2");
        assert!(rows("t.tsv", "a\tc\n", &["a", "b"]).is_err());
        assert!(rows("t.tsv", "# only\n", &["a"]).is_err());
    }

    #[test]
    fn lists_split_on_bars() {
        let rows = rows("t.tsv", "a\nX|Y||Z\n", &["a"]).unwrap();
        assert_eq!(rows[0].list(0), vec!["X", "Y", "Z"]);
    }

    proptest::proptest! {
        /// Arbitrary text never panics the reader; accepted rows have the header's width.
        #[test]
        fn any_text_is_safe(text in "[a-c\\t\\n#|]{0,60}") {
            if let Ok(rows) = rows("t.tsv", &text, &["a", "b"]) {
                for row in rows {
                    proptest::prop_assert!(row.get(5).is_empty());
                    let _ = row.list(1);
                }
            }
        }
    }
}
