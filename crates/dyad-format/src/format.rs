//! [`Format`]: the names of the output formats, as `--format` takes them.

use std::fmt;
use std::str::FromStr;

/// An output format for event records.
///
/// Parsed from its [`name`](Format::name) (ASCII case ignored; `json` is accepted for `jsonl`)
/// and displayed as that name, so a CLI can offer `Format::ALL` without depending on this crate
/// knowing about clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// The event record of the data contract, one JSON object per line.
    Jsonl,
    /// PLOVER's JSON field names, one object per line.
    Plover,
    /// The Phoenix data set's 26 tab-separated columns.
    Phoenix,
    /// The GDELT 1.0 event table's 58 tab-separated columns, filled where dyad has the data.
    Gdelt,
    /// Flat CSV: one column per scalar of the event record, with a header.
    Csv,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 5] = [
        Format::Jsonl,
        Format::Plover,
        Format::Phoenix,
        Format::Gdelt,
        Format::Csv,
    ];

    /// The name `--format` takes ("jsonl", "plover", ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Plover => "plover",
            Format::Phoenix => "phoenix",
            Format::Gdelt => "gdelt",
            Format::Csv => "csv",
        }
    }

    /// The usual file extension for output in this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Plover => "jsonl",
            Format::Phoenix | Format::Gdelt => "tsv",
            Format::Csv => "csv",
        }
    }

    /// One line for `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Format::Jsonl => "dyad event records, one JSON object per line",
            Format::Plover => "PLOVER JSON field names, one object per line",
            Format::Phoenix => "Phoenix TSV columns, with a header line",
            Format::Gdelt => "GDELT 1.0 event-table TSV columns, with a header line",
            Format::Csv => "flat CSV, one column per field, with a header line",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format {0:?}; expected one of jsonl, plover, phoenix, gdelt, csv")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("json") {
            return Ok(Format::Jsonl);
        }
        Format::ALL
            .into_iter()
            .find(|f| s.eq_ignore_ascii_case(f.name()))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
            assert_eq!(f.name().to_uppercase().parse::<Format>(), Ok(f));
        }
        let mut names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Format::ALL.len());
    }

    #[test]
    fn json_is_an_alias_and_junk_is_rejected() {
        assert_eq!("json".parse::<Format>(), Ok(Format::Jsonl));
        for bad in ["", "tsv", "jsonl ", " csv", "plover-json", "ph"] {
            let err = bad.parse::<Format>().unwrap_err();
            assert_eq!(err.0, bad);
            assert!(
                err.to_string()
                    .contains("jsonl, plover, phoenix, gdelt, csv")
            );
        }
    }

    #[test]
    fn extensions_match_the_wire_shape() {
        assert_eq!(Format::Plover.extension(), "jsonl");
        assert_eq!(Format::Gdelt.extension(), "tsv");
        assert_eq!(Format::Csv.extension(), "csv");
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_only_accepts_names(s in "\\PC{0,10}") {
            if let Ok(f) = s.parse::<Format>() {
                prop_assert!(s.eq_ignore_ascii_case(f.name()) || s.eq_ignore_ascii_case("json"));
            }
        }
    }
}
