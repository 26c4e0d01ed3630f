//! Reading and writing the tab-separated files the generator works with.
//!
//! Input files have a header line; dyad's own inputs (`*.src.tsv`) may also have `#` comment lines
//! and blank lines. Output files start with `#` comment lines, then the header, then rows; a field
//! may not contain a tab or a line break, and a first field may not start with `#`.

use crate::GenError;

/// A parsed input table: the header and the rows, each with its line number.
#[derive(Debug)]
pub(crate) struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<Row>,
}

/// One data row of a [`Table`].
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based line number in the file.
    pub(crate) line: usize,
    fields: Vec<String>,
}

/// Whether `#` lines and blank lines are comments (dyad's inputs) or data (reference files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comments {
    /// `#` lines and blank lines are skipped.
    Allowed,
    /// Every line is data; a blank line is an error.
    None,
}

impl Table {
    /// Parses `text` (the contents of `file`); every row must have as many fields as the header.
    pub(crate) fn parse(file: &str, text: &str, comments: Comments) -> Result<Table, GenError> {
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if comments == Comments::Allowed && (raw.trim().is_empty() || raw.starts_with('#')) {
                continue;
            }
            let fields: Vec<String> = raw.split('\t').map(str::to_string).collect();
            match &header {
                None => header = Some(fields),
                Some(h) => {
                    if fields.len() != h.len() {
                        return Err(GenError::input(
                            file,
                            line,
                            format!("{} fields, the header has {}", fields.len(), h.len()),
                        ));
                    }
                    rows.push(Row { line, fields });
                }
            }
        }
        let header = header.ok_or_else(|| GenError::check(file, "no header line"))?;
        Ok(Table {
            file: file.to_string(),
            header,
            rows,
        })
    }

    /// The file name the table was read from, for messages.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// The data rows.
    pub(crate) fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The index of the column called `name`.
    pub(crate) fn column(&self, name: &str) -> Result<usize, GenError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| GenError::check(&self.file, format!("no column {name:?}")))
    }

    /// Fails unless the header is exactly `expected`.
    pub(crate) fn expect_header(&self, expected: &[&str]) -> Result<(), GenError> {
        if self
            .header
            .iter()
            .map(String::as_str)
            .eq(expected.iter().copied())
        {
            Ok(())
        } else {
            Err(GenError::check(
                &self.file,
                format!("header is {:?}, expected {:?}", self.header, expected),
            ))
        }
    }
}

impl Row {
    /// The field in column `index`, trimmed; "" if there is none.
    pub(crate) fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.trim())
    }
}

/// Builds one output file.
#[derive(Debug)]
pub(crate) struct TsvWriter {
    file: &'static str,
    columns: usize,
    out: String,
}

impl TsvWriter {
    /// Starts a file with comment lines (each written as `# line`) and a header.
    pub(crate) fn new(file: &'static str, comments: &[String], header: &[&str]) -> TsvWriter {
        let mut out = String::new();
        for comment in comments {
            for line in comment.lines() {
                if line.is_empty() {
                    out.push_str("#\n");
                } else {
                    out.push_str("# ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out.push_str(&header.join("\t"));
        out.push('\n');
        TsvWriter {
            file,
            columns: header.len(),
            out,
        }
    }

    /// Appends one row.
    pub(crate) fn row(&mut self, fields: &[&str]) -> Result<(), GenError> {
        if fields.len() != self.columns {
            return Err(GenError::check(
                self.file,
                format!(
                    "row {fields:?} has {} fields, expected {}",
                    fields.len(),
                    self.columns
                ),
            ));
        }
        if let Some(bad) = fields.iter().find(|f| f.contains(['\t', '\n', '\r'])) {
            return Err(GenError::check(
                self.file,
                format!("field {bad:?} has a tab or line break"),
            ));
        }
        if fields.first().is_some_and(|f| f.starts_with('#')) {
            return Err(GenError::check(
                self.file,
                format!("row {fields:?} would read as a comment"),
            ));
        }
        self.out.push_str(&fields.join("\t"));
        self.out.push('\n');
        Ok(())
    }

    /// The finished file.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_comments_and_checks_width() {
        let text = "# note\na\tb\n\n# more\n1\t2\r\nx\t y \n";
        let t = Table::parse("t.tsv", text, Comments::Allowed).unwrap();
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.rows()[0].line, 5);
        assert_eq!(t.rows()[0].get(1), "2");
        assert_eq!(t.rows()[1].get(1), "y");
        assert_eq!(t.rows()[1].get(7), "");
        assert_eq!(t.column("b").unwrap(), 1);
        assert!(t.column("c").is_err());
        assert!(t.expect_header(&["a", "b"]).is_ok());
        assert!(t.expect_header(&["a"]).is_err());

        let err = Table::parse("t.tsv", "a\tb\n1\n", Comments::Allowed).unwrap_err();
        assert!(err.to_string().contains("t.tsv:2"), "{err}");
        // Without comments, a '#' line is data of the wrong width.
        assert!(Table::parse("t.tsv", "a\tb\n#x\n", Comments::None).is_err());
        assert!(Table::parse("t.tsv", "", Comments::Allowed).is_err());
    }

    #[test]
    fn writer_rejects_bad_fields() {
        let mut w = TsvWriter::new("o.tsv", &["first\n\nsecond".to_string()], &["a", "b"]);
        w.row(&["1", "2"]).unwrap();
        assert!(w.row(&["1"]).is_err());
        assert!(w.row(&["1", "a\tb"]).is_err());
        assert!(w.row(&["#1", "2"]).is_err());
        assert_eq!(w.finish(), "# first\n#\n# second\na\tb\n1\t2\n");
    }
}
