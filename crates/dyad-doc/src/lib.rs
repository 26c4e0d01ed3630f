//! The [`Doc`] that flows through dyad's pipeline, and the records stages produce.
//!
//! * [`Doc`] owns the original text verbatim plus one optional layer per stage (normalised text
//!   with its [`OffsetMap`], [`Dateline`], [`Sentence`]s, the [`Parse`], [`TimeMention`]s,
//!   [`Event`]s). A layer that is `None` was never computed; an empty one was computed and
//!   found nothing.
//! * [`Span`] is a half-open byte range into the original text. Code-point offsets, which is what
//!   every output carries, are made at the edge with [`Doc::char_span`].
//! * [`Stage`] is one named step that reads and fills layers of a `Doc`.
//! * [`Event`] is the event record of the data contract (PRODUCT.md), as written by `dyad code`.
//!
//! ```
//! use dyad_doc::{Doc, Span};
//!
//! let doc = Doc::new("afp-1", jiff::civil::date(2022, 2, 21), "Nixon — met Mao.".to_string());
//! // "Mao" starts at byte 14 but at code point 12: the dash is three bytes.
//! assert_eq!(doc.char_span(Span::new(14, 17)), [12, 15]);
//! ```
#![deny(missing_docs)]

mod doc;
mod event;
mod offsets;
pub mod parse;
mod span;
mod stage;
mod times;

pub use doc::{CharIndex, Dateline, Doc, Sentence};
pub use event::{ActorRef, Event, Location, Mention, PloverCode};
pub use offsets::{Normalized, OffsetMap, OffsetMapBuilder};
pub use parse::Parse;
pub use span::Span;
pub use stage::{Layer, Stage, StageError};
pub use times::{TimeKind, TimeMention, TimeTense};
