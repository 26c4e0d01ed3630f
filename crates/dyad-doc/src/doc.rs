//! [`Doc`] and its text layers.

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::{Event, Normalized, Parse, Span, TimeMention};

/// One document on its way through the pipeline.
///
/// The original text is kept verbatim; every span any stage records is a byte [`Span`] into it.
/// Layers are `Option`s: `None` means the stage that fills it has not run.
#[derive(Debug)]
pub struct Doc {
    /// The record's id.
    pub id: String,
    /// The publication date.
    pub pub_date: Date,
    /// The original text, verbatim.
    pub text: String,
    /// The title, if the record had one.
    pub title: Option<String>,
    /// The URL, if the record had one.
    pub url: Option<String>,
    /// The outlet, if the record had one.
    pub outlet: Option<String>,
    /// Normalised text for matching, with its map back to `text` (the text stage).
    pub normalized: Option<Normalized>,
    /// The wire dateline at the top of the story, if there is one (the text stage). When set,
    /// sentences start after it.
    pub dateline: Option<Option<Dateline>>,
    /// Sentences in document order (the text stage).
    pub sentences: Option<Vec<Sentence>>,
    /// Tokens, tags, lemmas, dependency tree and entities of the whole text (the parse stage).
    pub parse: Option<Parse>,
    /// Temporal expressions, resolved and attached to the tokens that govern them (the time
    /// stage).
    pub times: Option<Vec<TimeMention>>,
    /// Coded events (the code stage).
    pub events: Option<Vec<Event>>,
    char_index: OnceLock<CharIndex>,
}

impl Doc {
    /// A document with only its id, publication date and text; every layer empty.
    pub fn new(id: impl Into<String>, pub_date: Date, text: String) -> Doc {
        Doc {
            id: id.into(),
            pub_date,
            text,
            title: None,
            url: None,
            outlet: None,
            normalized: None,
            dateline: None,
            sentences: None,
            parse: None,
            times: None,
            events: None,
            char_index: OnceLock::new(),
        }
    }

    /// The original text a span covers ("" if the span is not valid for this text).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// A byte span converted to `[start, end)` code-point offsets, as outputs carry them.
    pub fn char_span(&self, span: Span) -> [usize; 2] {
        let index = self.char_index.get_or_init(|| CharIndex::new(&self.text));
        [index.char_offset(span.start), index.char_offset(span.end)]
    }

    /// The byte-to-code-point index of the original text.
    pub fn char_index(&self) -> &CharIndex {
        self.char_index.get_or_init(|| CharIndex::new(&self.text))
    }
}

/// Converts byte offsets of one text into code-point offsets.
///
/// ASCII text needs no table; otherwise one entry is kept per 64-byte block, so a lookup scans at
/// most 64 bytes.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Code points before the start of each 64-byte block; empty when the text is ASCII.
    blocks: Vec<usize>,
    bytes: Box<[u8]>,
}

const BLOCK: usize = 64;

impl CharIndex {
    /// Build the index of `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                blocks: Vec::new(),
                bytes: Box::default(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        CharIndex {
            blocks,
            bytes: bytes.into(),
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text; an offset inside a
    /// character counts that character as started).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        let base = self
            .blocks
            .get(block)
            .copied()
            .unwrap_or_else(|| self.total_chars());
        let from = block * BLOCK;
        base + self.bytes[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }

    fn total_chars(&self) -> usize {
        let last = self.blocks.len().saturating_sub(1);
        self.blocks.last().copied().unwrap_or(0)
            + self.bytes[last * BLOCK..]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A sentence: its span in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence lies in the original text, without surrounding whitespace.
    pub span: Span,
}

/// A wire-service dateline ("SEOUL, June 19 (AP) —", "MOSCOW (Reuters) -").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, including its closing dash, in the original text.
    pub span: Span,
    /// The place it names ("SEOUL"), in the original text.
    pub place: Span,
    /// The date it gives, as written ("June 19"), if any.
    pub date_text: Option<Span>,
    /// That date resolved against the publication date, if it could be.
    pub date: Option<Date>,
    /// The agency it names ("AP", "Reuters"), if any.
    pub agency: Option<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let doc = Doc::new("x", jiff::civil::date(2024, 1, 1), "plain text".into());
        assert_eq!(doc.char_span(Span::new(6, 10)), [6, 10]);
    }

    proptest! {
        #[test]
        fn char_offsets_match_std(text in "\\PC{0,300}", pick in 0usize..400) {
            let index = CharIndex::new(&text);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let at = boundaries[pick % boundaries.len()];
            prop_assert_eq!(index.char_offset(at), text[..at].chars().count());
        }
    }
}
