//! The tokenizer's error type.

/// Loading tokenizer rules or the lexeme norm table failed.
#[derive(Debug, thiserror::Error)]
pub enum TokenizerError {
    /// The rules file is not the msgpack or JSON shape spaCy writes.
    #[error("tokenizer rules ({format}): {message}")]
    Format {
        /// `"msgpack"` or `"json"`.
        format: &'static str,
        /// What is wrong, with the field it concerns.
        message: String,
    },
    /// A pattern could not be read or compiled.
    #[error("tokenizer pattern {role}: {message}")]
    Pattern {
        /// Which pattern: `prefix_search`, `suffix_search`, `infix_finditer`, `token_match`,
        /// `url_match`.
        role: &'static str,
        /// The reader's or the regex engine's message.
        message: String,
    },
    /// A special case (tokenizer exception) is malformed.
    #[error("tokenizer exception {key:?}: {message}")]
    Exception {
        /// The exception's string.
        key: String,
        /// What is wrong.
        message: String,
    },
    /// The lexeme norm table is malformed.
    #[error("lexeme norm table ({format}): {message}")]
    Norms {
        /// `"msgpack"` or `"json"`.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
}
