//! dyad-text: the `text` stage.
#![deny(missing_docs)]

mod normalize;
mod sentences;
mod words;

pub use normalize::normalize;
pub use sentences::split_sentences;
