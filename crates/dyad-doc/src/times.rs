//! The times layer: temporal expressions found in the text, resolved against the publication
//! date, the tense of the verb that governs them and the narrative before them.
//!
//! The layer is plain data so that `dyad-doc` needs no temporal grammar: the time stage
//! (`dyad-date`, over `dyad-time`) fills it, and the coder and `dyad explain` read it.

use dyad_ontology::{PartialDate, Precision};

use crate::Span;

/// The shape of a temporal expression (mirrors the grammar's kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A calendar date with its year: "June 19, 2024", "in 1956", "the 1990s", "mid-2022".
    Date,
    /// Relative to the publication date: "on Wednesday", "last week", "two decades ago".
    Relative,
    /// Relative to an earlier date of the text: "the following day", "a year earlier".
    Anaphoric,
    /// A length of time: "for three years".
    Duration,
    /// A span between two dates: "from 1962 to 1975", "since 2000".
    Range,
    /// A named period: "the Korean War", "the Cold War".
    Period,
    /// A frequency: "every year", "twice a month".
    Set,
    /// A time of day: "at 3 p.m.".
    Time,
    /// The date of a wire dateline.
    Dateline,
}

impl TimeKind {
    /// A short lower-case name ("date", "relative", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Relative => "relative",
            TimeKind::Anaphoric => "anaphoric",
            TimeKind::Duration => "duration",
            TimeKind::Range => "range",
            TimeKind::Period => "period",
            TimeKind::Set => "set",
            TimeKind::Time => "time",
            TimeKind::Dateline => "dateline",
        }
    }
}

/// The tense an expression was resolved with: that of the verb governing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimeTense {
    /// "met", "had met", "has met".
    Past,
    /// "meets", "is meeting".
    Present,
    /// "will meet", "would meet", "plans to meet", "is to meet".
    Future,
    /// No governing verb, or none with a readable tense.
    #[default]
    Unknown,
}

impl TimeTense {
    /// A short lower-case name ("past", "present", "future", "unknown").
    pub fn as_str(self) -> &'static str {
        match self {
            TimeTense::Past => "past",
            TimeTense::Present => "present",
            TimeTense::Future => "future",
            TimeTense::Unknown => "unknown",
        }
    }
}

/// One temporal expression of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte span in the original text.
    pub span: Span,
    /// Index of the sentence in [`crate::Parse::sents`].
    pub sentence: usize,
    /// Parse tokens the expression covers (`start..end`; empty when none overlap it).
    pub tokens: std::ops::Range<usize>,
    /// The shape of the expression.
    pub kind: TimeKind,
    /// The date (for a range, its start); `None` for durations, sets and what could not be
    /// resolved.
    pub value: Option<PartialDate>,
    /// How precisely `value` is known ([`Precision::Unknown`] without a value).
    pub precision: Precision,
    /// The end of a range ("from 1962 to 1975" ends at 1975).
    pub end: Option<PartialDate>,
    /// A refinement the precision cannot hold ("mid", "winter", "q3", "approx").
    pub modifier: Option<&'static str>,
    /// Whether the expression points after the publication date.
    pub future: bool,
    /// Whether the value was computed from an earlier date of the text (the narrative anchor)
    /// rather than the publication date.
    pub anchored: bool,
    /// The tense it was resolved with.
    pub tense: TimeTense,
    /// The token of the expression whose head lies outside it, if any token covers it.
    pub head: Option<usize>,
    /// The token the expression modifies in the dependency tree: the expression's head's head,
    /// past a preposition ("In February 1972, Nixon traveled" → "traveled"; "the 1979
    /// invasion" → "invasion"). `None` for a root expression or one outside the parse.
    pub governor: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(TimeKind::Anaphoric.as_str(), "anaphoric");
        assert_eq!(TimeTense::default(), TimeTense::Unknown);
        assert_eq!(TimeTense::Future.as_str(), "future");
    }
}
