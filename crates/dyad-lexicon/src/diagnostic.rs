//! Diagnostics (a dictionary line that could not be read, or a lint finding) and the error type.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look; the entry is used as read.
    Warning,
    /// The line (or the part of it named) was not used.
    Error,
}

/// A message about one line of a dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, as given to the reader.
    #[serde(serialize_with = "crate::model::ser_arc")]
    pub file: Arc<str>,
    /// 1-based line number (0 if the finding is about the file as a whole).
    pub line: u32,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, and what was done about it.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {}: {}", self.file, self.line, sev, self.message)
    }
}

/// Errors that stop a dictionary from being read at all (bad lines are [`Diagnostic`]s).
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// A value read from a dictionary, with the diagnostics for the lines that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    /// What was read.
    pub value: T,
    /// One diagnostic per problem, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Read<T> {
    /// The same value, with `earlier` (diagnostics about the input as a whole, such as invalid
    /// UTF-8, made before it was parsed) put before this one's diagnostics.
    pub fn after(mut self, mut earlier: Vec<Diagnostic>) -> Read<T> {
        earlier.append(&mut self.diagnostics);
        self.diagnostics = earlier;
        self
    }
}

/// A line of a dictionary file as a reader sees it: its 1-based number and its content
/// (comments removed, trimmed). Each file format has its own line type; this is what they share.
pub trait SourceLine {
    /// 1-based line number.
    fn number(&self) -> u32;
    /// The content of the line, comments removed and trimmed.
    fn text(&self) -> &str;
}

/// What a reader keeps while it reads one file: the file name (shared by every [`Origin`] and
/// [`Diagnostic`] it makes) and the diagnostics so far.
///
/// [`Origin`]: crate::model::Origin
#[derive(Debug, Clone)]
pub struct FileDiagnostics {
    /// The file, as given to the reader.
    pub file: Arc<str>,
    /// The diagnostics so far, in the order they were made.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileDiagnostics {
    /// Starts reading `file`, with no diagnostics.
    pub fn new(file: &str) -> FileDiagnostics {
        FileDiagnostics {
            file: Arc::from(file),
            diagnostics: Vec::new(),
        }
    }

    fn push(&mut self, line: u32, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.file.clone(),
            line,
            severity,
            message,
        });
    }

    /// The line (or the part of it named) was not used.
    pub fn error(&mut self, line: u32, message: impl Into<String>) {
        self.push(line, Severity::Error, message.into());
    }

    /// The line was used as read; worth a look.
    pub fn warning(&mut self, line: u32, message: impl Into<String>) {
        self.push(line, Severity::Warning, message.into());
    }

    /// Where an entry read from `line` comes from: this file, the line's number and its text.
    pub fn origin(&self, line: &impl SourceLine) -> crate::model::Origin {
        crate::model::Origin {
            file: self.file.clone(),
            line: line.number(),
            text: Box::from(line.text()),
        }
    }

    /// Ends the file: `value` with the diagnostics made while reading it.
    pub fn finish<T>(self, value: T) -> Read<T> {
        Read {
            value,
            diagnostics: self.diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct L(u32, &'static str);

    impl SourceLine for L {
        fn number(&self) -> u32 {
            self.0
        }
        fn text(&self) -> &str {
            self.1
        }
    }

    #[test]
    fn file_diagnostics_keep_file_line_and_order() {
        let mut d = FileDiagnostics::new("x/a.txt");
        d.warning(2, "odd");
        d.error(5, String::from("bad; skipped"));
        let o = d.origin(&L(7, "MIL soldier"));
        assert_eq!((&*o.file, o.line, &*o.text), ("x/a.txt", 7, "MIL soldier"));
        let r = d.finish(3_u8);
        assert_eq!(r.value, 3);
        let got: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (&*d.file, d.line, d.severity, d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("x/a.txt", 2, Severity::Warning, "odd"),
                ("x/a.txt", 5, Severity::Error, "bad; skipped"),
            ]
        );
    }

    #[test]
    fn after_puts_earlier_diagnostics_first() {
        let mut a = FileDiagnostics::new("a");
        a.error(1, "first");
        let mut b = FileDiagnostics::new("b");
        b.error(9, "second");
        let r = b.finish(()).after(a.finish(()).diagnostics);
        let order: Vec<_> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(order, [1, 9]);
    }
}
