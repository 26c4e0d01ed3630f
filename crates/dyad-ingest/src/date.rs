//! Publication dates: `YYYY-MM-DD`, `YYYYMMDD`, or an RFC 3339 timestamp whose date part is taken.

use jiff::civil::Date;

/// Why a string is not a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateParseError {
    /// Nothing but whitespace.
    #[error("empty date")]
    Empty,
    /// Not `YYYY-MM-DD`, `YYYYMMDD` or an RFC 3339 timestamp.
    #[error("expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp")]
    Format,
    /// The shape is right but there is no such day (month 13, 30 February).
    #[error("not a calendar date")]
    NoSuchDay,
    /// A date followed by a time or offset that is malformed.
    #[error("the time after the date is malformed")]
    Time,
}

/// Parse a publication date.
///
/// Accepted, after trimming surrounding whitespace:
/// - `YYYY-MM-DD` (`2024-06-19`);
/// - `YYYYMMDD` (`20240619`);
/// - an RFC 3339 / ISO 8601 date-time, whose date part is taken as written, whatever the offset:
///   `2024-06-19T10:00:00Z`, `2024-06-19 23:30:00+05:30`, `2024-06-19T10:00`, fractions of a
///   second allowed. The time must be well formed; it is checked, then dropped.
///
/// ```
/// use dyad_ingest::parse_date;
/// let d = parse_date("1972-02-21T09:00:00+08:00").unwrap();
/// assert_eq!(d.to_string(), "1972-02-21");
/// assert!(parse_date("1972-02-30").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<Date, DateParseError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DateParseError::Empty);
    }
    let b = s.as_bytes();
    let (year, month, day, rest) = if b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        (
            number(b.get(0..4)),
            number(b.get(5..7)),
            number(b.get(8..10)),
            b.get(10..).unwrap_or_default(),
        )
    } else if b.len() == 8 {
        (
            number(b.get(0..4)),
            number(b.get(4..6)),
            number(b.get(6..8)),
            &[][..],
        )
    } else {
        return Err(DateParseError::Format);
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(DateParseError::Format);
    };
    if !rest.is_empty() && !valid_time_suffix(rest) {
        return Err(DateParseError::Time);
    }
    // year <= 9999, month and day <= 99: all fit their jiff types.
    let (Ok(year), Ok(month), Ok(day)) =
        (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return Err(DateParseError::Format);
    };
    Date::new(year, month, day).map_err(|_| DateParseError::NoSuchDay)
}

/// The value of a run of ASCII digits (at most 4 of them), or `None`.
fn number(digits: Option<&[u8]>) -> Option<u32> {
    let digits = digits?;
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `T` (or `t` or a space), `HH:MM`, optional `:SS`, optional fraction, optional offset
/// (`Z`, `+HH:MM`, `+HHMM`, `+HH`).
fn valid_time_suffix(rest: &[u8]) -> bool {
    let mut p = Cursor { b: rest, i: 0 };
    if !matches!(p.next(), Some(b'T' | b't' | b' ')) {
        return false;
    }
    if !p.two_digits_max(23) || !p.eat(b':') || !p.two_digits_max(59) {
        return false;
    }
    if p.eat(b':') {
        if !p.two_digits_max(60) {
            return false;
        }
        if p.eat(b'.') || p.eat(b',') {
            let start = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            if p.i == start {
                return false;
            }
        }
    }
    match p.next() {
        None => true,
        Some(b'Z' | b'z') => p.peek().is_none(),
        Some(b'+' | b'-') => {
            if !p.two_digits_max(23) {
                return false;
            }
            if p.peek().is_none() {
                return true;
            }
            p.eat(b':');
            p.two_digits_max(59) && p.peek().is_none()
        }
        Some(_) => false,
    }
}

/// A read position in a byte string.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, want: u8) -> bool {
        let hit = self.peek() == Some(want);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn two_digits_max(&mut self, max: u32) -> bool {
        match number(self.b.get(self.i..self.i + 2)) {
            Some(n) if n <= max => {
                self.i += 2;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(s: &str) -> String {
        match parse_date(s) {
            Ok(d) => d.to_string(),
            Err(e) => panic!("{s:?}: {e}"),
        }
    }

    #[test]
    fn accepted_shapes() {
        assert_eq!(ok("2024-06-19"), "2024-06-19");
        assert_eq!(ok("20240619"), "2024-06-19");
        assert_eq!(ok("  1972-02-21\n"), "1972-02-21");
        assert_eq!(ok("2024-06-19T10:00:00Z"), "2024-06-19");
        assert_eq!(ok("2024-06-19t10:00:00z"), "2024-06-19");
        assert_eq!(ok("2024-06-19T23:59:59.123456-07:00"), "2024-06-19");
        assert_eq!(ok("2024-06-19 23:30:00+05:30"), "2024-06-19");
        assert_eq!(ok("2024-06-19T10:00"), "2024-06-19");
        assert_eq!(ok("2024-06-19T10:00:00+0530"), "2024-06-19");
        assert_eq!(ok("2024-06-19T10:00:00+05"), "2024-06-19");
        assert_eq!(ok("2016-12-31T23:59:60Z"), "2016-12-31");
        assert_eq!(ok("2024-02-29"), "2024-02-29");
    }

    #[test]
    fn rejected_shapes() {
        assert_eq!(parse_date(""), Err(DateParseError::Empty));
        assert_eq!(parse_date("   "), Err(DateParseError::Empty));
        assert_eq!(parse_date("2024-6-19"), Err(DateParseError::Format));
        assert_eq!(parse_date("19/06/2024"), Err(DateParseError::Format));
        assert_eq!(parse_date("2024061"), Err(DateParseError::Format));
        assert_eq!(parse_date("2024-06-1x"), Err(DateParseError::Format));
        assert_eq!(parse_date("+2024-06-19"), Err(DateParseError::Format));
        assert_eq!(parse_date("2024-13-01"), Err(DateParseError::NoSuchDay));
        assert_eq!(parse_date("2023-02-29"), Err(DateParseError::NoSuchDay));
        assert_eq!(parse_date("20240230"), Err(DateParseError::NoSuchDay));
        assert_eq!(parse_date("2024-00-10"), Err(DateParseError::NoSuchDay));
        assert_eq!(parse_date("2024-06-19T"), Err(DateParseError::Time));
        assert_eq!(
            parse_date("2024-06-19T25:00:00Z"),
            Err(DateParseError::Time)
        );
        assert_eq!(
            parse_date("2024-06-19T10:00:00Zjunk"),
            Err(DateParseError::Time)
        );
        assert_eq!(
            parse_date("2024-06-19T10:00:00."),
            Err(DateParseError::Time)
        );
        assert_eq!(parse_date("2024-06-19x"), Err(DateParseError::Time));
        assert_eq!(
            parse_date("2024-06-19T10:00:00+5:30"),
            Err(DateParseError::Time)
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in ".{0,40}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn never_panics_near_shapes(s in "[0-9T:+Zz .,-]{0,30}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn round_trips_both_shapes(y in 1i16..=9999, m in 1i8..=12, d in 1i8..=28) {
            let want = Date::new(y, m, d).unwrap();
            prop_assert_eq!(parse_date(&format!("{y:04}-{m:02}-{d:02}")), Ok(want));
            prop_assert_eq!(parse_date(&format!("{y:04}{m:02}{d:02}")), Ok(want));
            prop_assert_eq!(parse_date(&format!("{y:04}-{m:02}-{d:02}T12:34:56.7+01:00")), Ok(want));
        }
    }
}
