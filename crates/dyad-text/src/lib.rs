//! dyad-text: the `text` stage.
#![deny(missing_docs)]

mod normalize;

pub use normalize::normalize;
