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
