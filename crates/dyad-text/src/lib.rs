//! dyad-text: the `text` stage — what dyad does to raw text before parsing.
//!
//! * [`normalize`] makes a copy of the text for matching (NFKC, straight quotes, one kind of
//!   dash, single spaces, no zero-width characters) with an [`OffsetMap`](dyad_doc::OffsetMap)
//!   back to the original, so a match found in the copy is reported at the outlet's own words.
//! * [`detect_dateline`] finds a wire dateline ("SEOUL, June 19 (AP) —") at the top of a story
//!   and resolves its date against the publication date. The dateline is document metadata, not
//!   part of the first sentence.
//! * [`split_sentences`] splits the original text into sentences with rules built for news:
//!   abbreviations and initials ("U.S.", "Gen.", "George W. Bush"), numbers, quotes, ellipses,
//!   headlines, lists and paragraph breaks.
//! * [`TextStage`] runs all three on a [`Doc`](dyad_doc::Doc); [`segment`] does the same on a
//!   bare string.
//!
//! Every span is a byte [`Span`](dyad_doc::Span) into the original text.
//!
//! ```
//! use jiff::civil::date;
//!
//! let text = "BEIJING, Feb. 21 (Reuters) — U.S. President Richard Nixon traveled to Beijing, \
//!             where he met Chairman Mao Zedong. The two talked for an hour.";
//! let seg = dyad_text::segment(text, date(1972, 2, 21));
//!
//! let dateline = seg.dateline.unwrap();
//! assert_eq!(&text[dateline.place.start..dateline.place.end], "BEIJING");
//! assert_eq!(dateline.date, Some(date(1972, 2, 21)));
//!
//! let sentences: Vec<&str> =
//!     seg.sentences.iter().map(|s| &text[s.span.start..s.span.end]).collect();
//! assert_eq!(sentences, [
//!     "U.S. President Richard Nixon traveled to Beijing, where he met Chairman Mao Zedong.",
//!     "The two talked for an hour.",
//! ]);
//!
//! // The normalised copy has a plain dash; its spans map back to the original.
//! assert!(seg.normalized.text.starts_with("BEIJING, Feb. 21 (Reuters) - U.S. President"));
//! ```
#![deny(missing_docs)]

mod dateline;
mod normalize;
mod sentences;
mod stage;
mod words;

pub use dateline::detect_dateline;
pub use normalize::normalize;
pub use sentences::split_sentences;
pub use stage::{Segmented, TextStage, segment};
