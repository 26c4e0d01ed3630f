//! [`PartialDate`]: a calendar date known only to some precision.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

/// How finely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Known to the day: "2024-06-19".
    Day,
    /// Known to the month: "1972-02".
    Month,
    /// Known to the year: "1956".
    Year,
    /// Known to the decade: "196X" (the 1960s).
    Decade,
    /// Not known at all.
    Unknown,
}

impl Precision {
    /// The name used in event records ("day", "month", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Unknown => "unknown",
        }
    }
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A temporal expression governing the event in its own sentence.
    Text,
    /// A date carried over from the surrounding text (an earlier sentence, the dateline).
    Context,
    /// The document's publication date, for want of anything better.
    Publication,
}

impl DateBasis {
    /// The name used in event records ("text", "context", "publication").
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Text => "text",
            DateBasis::Context => "context",
            DateBasis::Publication => "publication",
        }
    }
}

/// A date known to the day, month, year or decade.
///
/// Written as a partial ISO-8601 string: `"2024-06-19"`, `"1972-02"`, `"1956"`, and for a
/// decade the ISO 8601-2 form `"196X"` (so it can never be mistaken for a year).
/// Years run from 1 to 9999.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    // Order of fields gives chronological ordering of equally precise dates.
    year: i16,
    month: u8,
    day: u8,
    precision: Precision,
}

/// Why a string or number triple is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not one of the partial ISO-8601 shapes.
    #[error("date {0:?} is not YYYY-MM-DD, YYYY-MM, YYYY or YYYX")]
    Shape(String),
    /// The parts are out of range (month 13, 30 February, year 0).
    #[error("date {0:?} does not exist")]
    Invalid(String),
}

impl PartialDate {
    /// A date known to the day.
    pub fn day(year: i16, month: u8, day: u8) -> Result<PartialDate, DateError> {
        Date::new(year, month as i8, day as i8)
            .ok()
            .filter(|_| year >= 1 && month >= 1 && day >= 1)
            .map(|_| PartialDate {
                year,
                month,
                day,
                precision: Precision::Day,
            })
            .ok_or_else(|| DateError::Invalid(format!("{year:04}-{month:02}-{day:02}")))
    }

    /// A date known to the month.
    pub fn month(year: i16, month: u8) -> Result<PartialDate, DateError> {
        if (1..=9999).contains(&year) && (1..=12).contains(&month) {
            Ok(PartialDate {
                year,
                month,
                day: 0,
                precision: Precision::Month,
            })
        } else {
            Err(DateError::Invalid(format!("{year:04}-{month:02}")))
        }
    }

    /// A date known to the year.
    pub fn year(year: i16) -> Result<PartialDate, DateError> {
        if (1..=9999).contains(&year) {
            Ok(PartialDate {
                year,
                month: 0,
                day: 0,
                precision: Precision::Year,
            })
        } else {
            Err(DateError::Invalid(format!("{year:04}")))
        }
    }

    /// The decade containing `year` (1967 → the 1960s).
    pub fn decade(year: i16) -> Result<PartialDate, DateError> {
        if (1..=9999).contains(&year) {
            Ok(PartialDate {
                year: year - year % 10,
                month: 0,
                day: 0,
                precision: Precision::Decade,
            })
        } else {
            Err(DateError::Invalid(format!("{year:04}")))
        }
    }

    /// A full calendar date.
    pub fn from_date(date: Date) -> PartialDate {
        PartialDate {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
            precision: Precision::Day,
        }
    }

    /// How finely the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The year (for a decade, its first year).
    pub fn year_number(&self) -> i16 {
        self.year
    }

    /// The month, when known.
    pub fn month_number(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, when known.
    pub fn day_number(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// The first calendar day the date can mean.
    pub fn first_day(&self) -> Date {
        let month = self.month.max(1) as i8;
        let day = self.day.max(1) as i8;
        // Invariant: constructors keep year in 1..=9999, month in 1..=12 and day valid.
        Date::new(self.year, month, day).unwrap_or(Date::MIN)
    }

    /// The last calendar day the date can mean.
    pub fn last_day(&self) -> Date {
        let first = self.first_day();
        match self.precision {
            Precision::Day | Precision::Unknown => first,
            Precision::Month => first.last_of_month(),
            Precision::Year => Date::new(self.year, 12, 31).unwrap_or(first),
            Precision::Decade => Date::new((self.year + 9).min(9999), 12, 31).unwrap_or(first),
        }
    }

    /// Whether `date` falls within the span this partial date can mean.
    pub fn contains(&self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || DateError::Shape(s.to_string());
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = b.get(r).ok_or_else(shape)?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return Err(shape());
            }
            Ok(part.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
        };
        match b.len() {
            4 if matches!(b[3], b'X' | b'x') => PartialDate::decade(digits(0..3)? as i16 * 10),
            4 => PartialDate::year(digits(0..4)? as i16),
            7 if b[4] == b'-' => PartialDate::month(digits(0..4)? as i16, digits(5..7)? as u8),
            10 if b[4] == b'-' && b[7] == b'-' => PartialDate::day(
                digits(0..4)? as i16,
                digits(5..7)? as u8,
                digits(8..10)? as u8,
            ),
            _ => Err(shape()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year | Precision::Unknown => write!(f, "{:04}", self.year),
            Precision::Decade => write!(f, "{:03}X", self.year / 10),
        }
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shapes_round_trip() {
        for s in ["2024-06-19", "1972-02", "1956", "196X", "0001"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        assert_eq!(
            "1972-02".parse::<PartialDate>().unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-29",
            "1972-13",
            "0000",
            "19560",
            "1956-1-1",
            "abcd",
            "",
            "2024-06-19T00",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad:?} should not parse"
            );
        }
    }

    #[test]
    fn spans_cover_the_right_days() {
        let feb: PartialDate = "1972-02".parse().unwrap();
        assert_eq!(feb.first_day(), jiff::civil::date(1972, 2, 1));
        assert_eq!(feb.last_day(), jiff::civil::date(1972, 2, 29));
        assert!(feb.contains(jiff::civil::date(1972, 2, 21)));
        let sixties = PartialDate::decade(1967).unwrap();
        assert_eq!(sixties.to_string(), "196X");
        assert_eq!(sixties.last_day(), jiff::civil::date(1969, 12, 31));
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = s.parse::<PartialDate>();
        }

        #[test]
        fn display_parse_agree(y in 1i16..=9999, m in 1u8..=12, d in 1u8..=31) {
            if let Ok(date) = PartialDate::day(y, m, d) {
                prop_assert_eq!(date.to_string().parse::<PartialDate>().unwrap(), date);
            }
            let month = PartialDate::month(y, m).unwrap();
            prop_assert_eq!(month.to_string().parse::<PartialDate>().unwrap(), month);
            prop_assert!(month.contains(month.first_day()) && month.first_day() <= month.last_day());
        }
    }
}
