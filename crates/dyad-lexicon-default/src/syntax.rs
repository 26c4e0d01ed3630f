//! What every file kind shares: content lines (comments and blanks removed), diagnostics with
//! file and line, dates and half-open date ranges, and the shape of codes.

use dyad_lexicon::SourceLine;
use dyad_lexicon::lint::three_letter_parts;
use jiff::civil::Date;

/// Per-file reading state: the file name (shared by every origin) and the diagnostics so far.
pub(crate) use dyad_lexicon::FileDiagnostics as Ctx;

/// A content line: 1-based number and the text with its comment removed, trimmed (never empty).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub number: u32,
    pub text: &'a str,
}

impl SourceLine for Line<'_> {
    fn number(&self) -> u32 {
        self.number
    }

    fn text(&self) -> &str {
        self.text
    }
}

/// The content lines of a file: `#` starts a comment that runs to the end of the line; blank
/// lines and comment-only lines are skipped; a byte-order mark is ignored.
pub(crate) fn content_lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines().enumerate().filter_map(|(i, raw)| {
        let content = match raw.find('#') {
            Some(k) => &raw[..k],
            None => raw,
        };
        let t = content.trim();
        (!t.is_empty()).then(|| Line {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: t,
        })
    })
}

/// Splits off the first blank-separated word: (word, rest trimmed).
pub(crate) fn first_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(k) => (&s[..k], s[k..].trim()),
        None => (s, ""),
    }
}

/// Parses an ISO date `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!("`{s}` is not a date YYYY-MM-DD"));
    }
    s.parse::<Date>()
        .map_err(|e| format!("`{s}` is not a valid date: {e}"))
}

/// A half-open date range `FROM..UNTIL` (`FROM..`, `..UNTIL`): the first day the fact holds and
/// the first day it no longer does.
pub(crate) fn parse_range(s: &str) -> Result<(Option<Date>, Option<Date>), String> {
    let Some((a, b)) = s.split_once("..") else {
        return Err(format!("`{s}` is not a date range FROM..UNTIL"));
    };
    let from = if a.is_empty() {
        None
    } else {
        Some(parse_date(a)?)
    };
    let until = if b.is_empty() {
        None
    } else {
        Some(parse_date(b)?)
    };
    if from.is_none() && until.is_none() {
        return Err("`..` has neither a start nor an end: leave the range out instead".into());
    }
    if let (Some(f), Some(u)) = (from, until)
        && f >= u
    {
        return Err(format!(
            "empty range {s}: UNTIL is the first day the code no longer applies, so it must be after FROM"
        ));
    }
    Ok((from, until))
}

/// Checks the shape of an actor code: `---`, or upper-case letters and digits in three-letter
/// parts ("RUS", "USAGOV", "IGOUNOKID"), of which the first may be `---` for an actor of no
/// known country ("---CVL": an ethnic group, coded by where it lives). Whether the parts exist
/// is the linter's business.
pub(crate) fn check_actor_code(code: &str) -> Result<(), String> {
    if code == "---" {
        return Ok(());
    }
    if let Some(rest) = code.strip_prefix("---")
        && three_letter_parts(rest, true)
    {
        return Ok(());
    }
    if three_letter_parts(code, true) {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not an actor code (upper-case letters in three-letter parts, or ---)"
        ))
    }
}

/// Checks the shape of a CAMEO event code: two to four digits.
pub(crate) fn check_event_code(code: &str) -> Result<(), String> {
    if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not a CAMEO event code (2 to 4 digits)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn lines_drop_comments_and_blanks() {
        let t = "\u{FEFF}# head\n\nactor Russia   # the state\n   \n  name Moscow\n#x\n";
        let l: Vec<_> = content_lines(t).map(|l| (l.number, l.text)).collect();
        assert_eq!(l, [(3, "actor Russia"), (5, "name Moscow")]);
    }

    #[test]
    fn ranges_are_half_open_and_checked() {
        assert_eq!(
            parse_range("1969-01-20..1974-08-09"),
            Ok((Some(date(1969, 1, 20)), Some(date(1974, 8, 9))))
        );
        assert_eq!(
            parse_range("..1991-12-26"),
            Ok((None, Some(date(1991, 12, 26))))
        );
        assert_eq!(
            parse_range("2024-05-07.."),
            Ok((Some(date(2024, 5, 7)), None))
        );
        assert!(parse_range("..").is_err());
        assert!(parse_range("2020-01-01..2020-01-01").is_err());
        assert!(parse_range("2020-02-30..").is_err());
        assert!(parse_range("2020-1-1..").is_err());
        assert!(parse_range("20200101..").is_err());
        assert!(parse_range("2020-01-01").is_err());
        assert!(parse_date("२०२०-01-01").is_err(), "non-ASCII digits");
    }

    #[test]
    fn code_shapes() {
        assert!(check_actor_code("RUS").is_ok());
        assert!(check_actor_code("IGOUNOKID").is_ok());
        assert!(check_actor_code("---").is_ok());
        assert!(check_actor_code("rus").is_err());
        assert!(check_actor_code("RUSG").is_err());
        assert!(check_actor_code("").is_err());
        assert!(check_event_code("042").is_ok());
        assert!(check_event_code("0211").is_ok());
        assert!(check_event_code("42a").is_err());
        assert!(check_event_code("04211").is_err());
    }
}
