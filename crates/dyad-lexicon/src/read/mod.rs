//! Readers for PETRARCH-format dictionaries (and the TABARI forms they inherited).
//!
//! Each reader takes a path (or the text, for tests) and returns the lexicon part it read with a
//! [`Diagnostic`] for every line, or part of a line, it could not use. Nothing is dropped
//! silently; nothing panics, whatever the bytes (invalid UTF-8 is replaced and reported).
//!
//! # Shared syntax
//!
//! * `# ...` ends a line's content (PETRARCH strips from the first `#` on); `<!-- ... -->`
//!   comments may span lines; a line beginning with `<!` is a comment (PETRARCH's test); blank
//!   lines are skipped.
//! * Words in phrases are separated by blanks or `_`; a final `_` (TABARI: "the word ends
//!   here", as opposed to a stem) is dropped: PETRARCH2 matches whole words only, and so does
//!   dyad.
//! * Codes are in `[...]`.
//!
//! Where PETRARCH2's code and its documentation disagree, or the code has an evident slip, the
//! choice is stated on the reader (date intervals, plural rules, compound verbs without `+`).

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, LexiconError, Read, Severity, SourceLine};

mod actors;
mod agents;
mod discards;
mod issues;
mod verbs;

pub use actors::{parse_petrarch_actors, read_petrarch_actors};
pub use agents::{parse_petrarch_agents, read_petrarch_agents};
pub use discards::{discard_from_line, parse_petrarch_discards, read_petrarch_discards};
pub use issues::{parse_petrarch_issues, read_petrarch_issues};
pub use verbs::{parse_petrarch_verbs, read_petrarch_verbs};

/// Reads a dictionary file as text. Invalid UTF-8 is replaced by U+FFFD and reported as one
/// warning at the first line it is on (the file named as `path.to_string_lossy()`); a file that
/// cannot be read at all is an error.
pub fn read_text(path: &Path) -> Result<(String, Vec<Diagnostic>), LexiconError> {
    let bytes = std::fs::read(path).map_err(|source| LexiconError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, Vec::new())),
        Err(e) => {
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let line = text
                .lines()
                .position(|l| l.contains('\u{FFFD}'))
                .map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX));
            let d = Diagnostic {
                file: Arc::from(path.to_string_lossy().as_ref()),
                line,
                severity: Severity::Warning,
                message: "invalid UTF-8 (replaced by U+FFFD); first at this line".into(),
            };
            Ok((text, vec![d]))
        }
    }
}

/// Reads `path` with [`read_text`] and parses the text with `parse` (text, file name); the
/// invalid-UTF-8 warning, if any, comes before the parser's diagnostics.
pub(crate) fn read_with<T>(
    path: &Path,
    parse: impl FnOnce(&str, &str) -> Read<T>,
) -> Result<Read<T>, LexiconError> {
    let (text, pre) = read_text(path)?;
    Ok(parse(&text, &path.to_string_lossy()).after(pre))
}

/// One content line of a dictionary, comments removed.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub number: u32,
    /// The line without comments, not trimmed (leading blanks matter for date lines).
    pub content: String,
    /// The raw line (for messages).
    #[allow(dead_code)]
    pub raw: &'a str,
}

impl Line<'_> {
    /// The trimmed content.
    pub fn text(&self) -> &str {
        self.content.trim()
    }
}

/// Splits a dictionary into content lines: `<!-- -->` comments (also across lines), lines
/// beginning with `<!`, `#` comments and blank lines removed.
pub(crate) fn content_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let number = (i + 1).min(u32::MAX as usize) as u32;
        let mut rest: String = raw.to_owned();
        let mut content = String::new();
        // XML comments, possibly several on a line, possibly open across lines.
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = rest[p + 3..].to_owned();
                        in_comment = false;
                    }
                    None => {
                        rest.clear();
                        break;
                    }
                }
            } else {
                match rest.find("<!--") {
                    Some(p) => {
                        content.push_str(&rest[..p]);
                        content.push(' ');
                        rest = rest[p + 4..].to_owned();
                        in_comment = true;
                    }
                    None => {
                        content.push_str(&rest);
                        break;
                    }
                }
            }
        }
        if content.trim_start().starts_with("<!") {
            // "<! -- ... -->" and similar: PETRARCH skips any line starting with "<!".
            continue;
        }
        if let Some(p) = content.find('#') {
            content.truncate(p);
        }
        if content.trim().is_empty() {
            continue;
        }
        out.push(Line {
            number,
            content,
            raw,
        });
    }
    out
}

/// Shared state of a reader: the file name and the diagnostics so far.
pub(crate) use crate::diagnostic::FileDiagnostics as Ctx;

impl SourceLine for Line<'_> {
    fn number(&self) -> u32 {
        self.number
    }

    fn text(&self) -> &str {
        Line::text(self)
    }
}

/// Splits `s` into the text outside `[...]` groups and the groups' contents. An unclosed `[`
/// is returned as `Err` with the text from it on.
pub(crate) fn bracket_groups(s: &str) -> (String, Vec<String>, Option<String>) {
    let mut outside = String::new();
    let mut groups = Vec::new();
    let mut rest = s;
    loop {
        match rest.find('[') {
            None => {
                outside.push_str(rest);
                return (outside, groups, None);
            }
            Some(p) => {
                outside.push_str(&rest[..p]);
                outside.push(' ');
                let after = &rest[p + 1..];
                match after.find(']') {
                    Some(q) => {
                        groups.push(after[..q].to_owned());
                        rest = &after[q + 1..];
                    }
                    None => return (outside, groups, Some(rest[p..].to_owned())),
                }
            }
        }
    }
}

/// English plural of the last word of a phrase, or `None` when none should be made.
///
/// PETRARCH adds `S`, `ES` after `S`, and `IES` for a final `Y`, which gives "ATTORNIES" and
/// "DOLLARSES"; dyad uses the usual rules instead: consonant + `y` → `ies`, vowel + `y` → `s`,
/// `s`/`x`/`z`/`ch`/`sh` → `es`, except that a word already ending in a single `s` is taken to
/// be plural already (synset members such as `+DOLLARS`), and no plural for a word that is not
/// alphabetic at its end.
pub(crate) fn plural(words: &[String]) -> Option<Vec<String>> {
    let (last, head) = words.split_last()?;
    let p = plural_word(last)?;
    let mut out = head.to_vec();
    out.push(p);
    Some(out)
}

pub(crate) fn plural_word(w: &str) -> Option<String> {
    let last = w.chars().next_back()?;
    if !last.is_alphabetic() {
        return None;
    }
    let before = w.chars().rev().nth(1);
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    if w.ends_with("ss")
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        Some(format!("{w}es"))
    } else if w.ends_with('s') {
        None
    } else if last == 'y' && !vowel(before) && w.chars().count() > 1 {
        Some(format!("{}ies", &w[..w.len() - 1]))
    } else {
        Some(format!("{w}s"))
    }
}

/// Parses a date of a restriction: `YYYYMMDD`, or `YYMMDD` with `00`–`30` read as 20YY and the
/// rest as 19YY (PETRARCH's and KEDS's rule).
pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date `{s}` is not all digits"));
    }
    let num = |a: usize, b: usize| -> i32 { s[a..b].parse::<i32>().unwrap_or(-1) };
    let (y, m, d) = match s.len() {
        8 => (num(0, 4), num(4, 6), num(6, 8)),
        6 => {
            let yy = num(0, 2);
            (
                if yy <= 30 { 2000 + yy } else { 1900 + yy },
                num(2, 4),
                num(4, 6),
            )
        }
        n => {
            return Err(format!(
                "date `{s}` has {n} digits (YYYYMMDD or YYMMDD expected)"
            ));
        }
    };
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err(format!("date `{s}` out of range"));
    };
    jiff::civil::Date::new(y, m, d).map_err(|_| format!("date `{s}` is not a calendar date"))
}

/// Parses an event code `[...]` content: `042`, `042:043`, `:173`, `---`.
pub(crate) fn parse_event_code(s: &str) -> Result<crate::model::EventCode, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty code `[]`".into());
    }
    let part = |p: &str| -> Result<Option<String>, String> {
        let p = p.trim();
        if p.is_empty() || p == "---" {
            Ok(None)
        } else if p.contains(char::is_whitespace) || p.contains(['[', ']']) {
            Err(format!("code `{p}` contains a blank or bracket"))
        } else {
            Ok(Some(p.to_uppercase()))
        }
    };
    let mut it = s.splitn(3, ':');
    let active = part(it.next().unwrap_or(""))?;
    let passive = match it.next() {
        Some(p) => part(p)?,
        None => None,
    };
    if it.next().is_some() {
        return Err(format!("code `{s}` has more than one `:`"));
    }
    Ok(crate::model::EventCode { active, passive })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments() {
        let text = "A # c\n<!-- x\ny -->B\n<! -- z -->\n  \n<!-- one --> C <!-- two -->\nD";
        let lines: Vec<(u32, String)> = content_lines(text)
            .into_iter()
            .map(|l| (l.number, l.text().to_owned()))
            .collect();
        assert_eq!(
            lines,
            [
                (1, "A".to_owned()),
                (3, "B".to_owned()),
                (6, "C".to_owned()),
                (7, "D".to_owned())
            ]
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("19690120").unwrap().to_string(), "1969-01-20");
        assert_eq!(parse_date("740809").unwrap().to_string(), "1974-08-09");
        assert_eq!(parse_date("090120").unwrap().to_string(), "2009-01-20");
        assert!(parse_date("2004017").is_err());
        assert!(parse_date("20100931").is_err());
        assert!(parse_date("2010093x").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn plurals() {
        let p = |w: &str| plural_word(w);
        assert_eq!(p("troop").as_deref(), Some("troops"));
        assert_eq!(p("authority").as_deref(), Some("authorities"));
        assert_eq!(p("attorney").as_deref(), Some("attorneys"));
        assert_eq!(p("press").as_deref(), Some("presses"));
        assert_eq!(p("dollars"), None);
        assert_eq!(p("church").as_deref(), Some("churches"));
        assert_eq!(p("f-16"), None);
    }

    #[test]
    fn codes() {
        let c = parse_event_code("042:043").unwrap();
        assert_eq!(
            (c.active.as_deref(), c.passive.as_deref()),
            (Some("042"), Some("043"))
        );
        let c = parse_event_code(":173").unwrap();
        assert_eq!((c.active, c.passive.as_deref()), (None, Some("173")));
        assert!(parse_event_code("---").unwrap().is_null());
        assert!(parse_event_code("").is_err());
        assert!(parse_event_code("1:2:3").is_err());
    }
}
