//! dyad's code book: the vocabulary every other stage speaks.
//!
//! * [`Cameo`] — a validated CAMEO event code ("042"), with its [`Cameo::root`] ("04").
//! * [`QuadClass`] — the four-way split of CAMEO roots (verbal/material × cooperation/conflict).
//! * [`PartialDate`] with [`Precision`] and [`DateBasis`] — a date known to the day, month, year or
//!   decade, as event records carry it.
//!
//! This crate does no I/O: its tables are compiled in.
//!
//! ```
//! use dyad_ontology::{Cameo, PartialDate, Precision};
//!
//! let visit: Cameo = "042".parse().unwrap();
//! assert_eq!(visit.root().as_str(), "04");
//! let when: PartialDate = "1972-02".parse().unwrap();
//! assert_eq!(when.precision(), Precision::Month);
//! ```
#![deny(missing_docs)]

mod cameo;
mod date;

pub use cameo::{Cameo, CameoError, QuadClass};
pub use date::{DateBasis, DateError, PartialDate, Precision};
