//! [`EvalError`]: a gold file that could not be read, a gold line that was skipped, or
//! predictions that do not line up with the gold records.

/// What went wrong while reading a gold set or scoring against it.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be opened or read; nothing was loaded.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// One line of a gold file could not be used; the line was skipped and counted.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The path as given.
        path: String,
        /// The 1-based line number.
        line: u64,
        /// Why the line was skipped.
        message: String,
    },
    /// There are not as many predictions as gold records.
    #[error(
        "{records} gold records but {predictions} predictions: predictions go one per record, in order"
    )]
    Count {
        /// Gold records.
        records: usize,
        /// Predictions given.
        predictions: usize,
    },
    /// A prediction names a record id other than that of the gold record at its position.
    #[error("prediction {index} is for record {predicted:?}, but gold record {index} is {gold:?}")]
    Misaligned {
        /// 0-based position.
        index: usize,
        /// The gold record's id.
        gold: String,
        /// The id the prediction carries.
        predicted: String,
    },
    /// The report could not be serialised.
    #[error("report to JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl EvalError {
    #[cold]
    pub(crate) fn line(path: &str, line: u64, message: impl Into<String>) -> EvalError {
        EvalError::Line {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }
}
