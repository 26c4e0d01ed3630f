//! PETRARCH/TABARI actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`).
//!
//! An entry is a primary line, optional `+` alias lines and optional code lines:
//!
//! ```text
//! RICHARD_M._NIXON_  # CountryInfo.txt
//! +PRESIDENT_NIXON
//!     [USAGOV 690120-740809]
//!     [USAELI 740809-940101]
//! ABRAHAM_ABRAHAM_    [IGOUNOREFHCR] [---]
//! ```
//!
//! Codes may follow the primary phrase on its line (TABARI and the Phoenix files do both) or
//! stand on lines of their own; several `[...]` may share a line. A restriction is `<D`
//! (before D), `>D` (from D on), `D1-D2` (D1 to D2, both included: see
//! [`CodePeriod`](crate::model::CodePeriod)), blanks allowed anywhere (`[HOB < 950601]`); dates are
//! `YYYYMMDD` or `YYMMDD`. `[A/B]` codes a name as several actors (TABARI compounds). Codes are
//! upper-cased. A line that cannot be read is reported and skipped; a bad code group is skipped
//! alone.

use std::path::Path;

use super::{Ctx, Line, bracket_groups, content_lines, parse_date, read_with};
use crate::diagnostic::{LexiconError, Read};
use crate::model::{Actor, ActorName, CodePeriod};
use crate::normalize;

/// Reads a PETRARCH actor dictionary.
pub fn read_petrarch_actors(path: &Path) -> Result<Read<Vec<Actor>>, LexiconError> {
    read_with(path, parse_petrarch_actors)
}

/// Parses the text of a PETRARCH actor dictionary; `file` names it in origins and diagnostics.
pub fn parse_petrarch_actors(text: &str, file: &str) -> Read<Vec<Actor>> {
    let mut ctx = Ctx::new(file);
    let mut actors = Vec::new();
    let mut current: Option<Actor> = None;
    // The last line that belonged to `current`, and whether any code was written for it (read
    // or not).
    let mut last_line = 0u32;
    let mut coded = false;
    for line in content_lines(text) {
        let t = line.text();
        if t.starts_with('[') {
            match current.as_mut() {
                Some(a) => {
                    add_codes(&mut ctx, &line, t, a);
                    last_line = line.number;
                    coded = true;
                }
                None => ctx.error(line.number, "code line before any actor; skipped"),
            }
        } else if let Some(rest) = t.strip_prefix('+') {
            let Some(actor) = current.as_mut() else {
                ctx.error(line.number, "alias before any actor; skipped");
                continue;
            };
            let names = names_of(&mut ctx, &line, rest);
            actor.names.extend(names);
            add_codes(&mut ctx, &line, rest, actor);
            last_line = line.number;
            coded |= rest.contains('[');
        } else {
            // A primary line right under an entry that has no code yet is an alias that lost
            // its `+` (IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV ...]):
            // read it as one, with a warning. A blank or comment line in between keeps them
            // apart, and so does a code on the line itself.
            if let Some(a) = current.as_mut()
                && !coded
                && line.number == last_line + 1
                && !t.contains('[')
            {
                let names = names_of(&mut ctx, &line, t);
                if !names.is_empty() {
                    ctx.warning(
                        line.number,
                        "phrase without `+` under an entry with no code yet: read as its alias",
                    );
                    a.names.extend(names);
                    add_codes(&mut ctx, &line, t, a);
                    last_line = line.number;
                }
                continue;
            }
            if let Some(a) = current.take() {
                finish(&mut ctx, a, &mut actors);
            }
            let names = names_of(&mut ctx, &line, t);
            if names.is_empty() {
                continue;
            }
            let mut actor = Actor {
                names,
                codes: Vec::new(),
                origin: ctx.origin(&line),
            };
            add_codes(&mut ctx, &line, t, &mut actor);
            current = Some(actor);
            last_line = line.number;
            coded = t.contains('[');
        }
    }
    if let Some(a) = current.take() {
        finish(&mut ctx, a, &mut actors);
    }
    ctx.finish(actors)
}

fn finish(ctx: &mut Ctx, actor: Actor, out: &mut Vec<Actor>) {
    if actor.codes.is_empty() {
        ctx.warning(
            actor.origin.line,
            "actor has no code: its names are recognised but code nothing",
        );
    }
    out.push(actor);
}

/// The names on a primary or alias line (the text before any `[`). A `+` inside the phrase
/// (two aliases run together) splits it, with a warning.
fn names_of(ctx: &mut Ctx, line: &Line<'_>, text: &str) -> Vec<ActorName> {
    let (_, _, unclosed) = bracket_groups(text);
    if unclosed.is_some() {
        ctx.error(line.number, "unclosed `[`; line skipped");
        return Vec::new();
    }
    let phrase = text.split('[').next().unwrap_or("").trim();
    if phrase.is_empty() {
        ctx.error(line.number, "empty name; line skipped");
        return Vec::new();
    }
    if let Some(bad) = phrase
        .chars()
        .find(|c| matches!(c, '$' | '=' | '<' | '>' | '{' | '}' | '|'))
    {
        ctx.error(line.number, format!("`{bad}` in a name; line skipped"));
        return Vec::new();
    }
    let parts: Vec<&str> = phrase.split('+').collect();
    if parts.len() > 1 {
        ctx.warning(
            line.number,
            format!("`+` inside a name: read as {} names", parts.len()),
        );
    }
    let mut names = Vec::new();
    for part in parts {
        let words = normalize::words(part);
        if words.is_empty() {
            continue;
        }
        names.push(ActorName {
            words,
            origin: ctx.origin(line),
        });
    }
    names
}

fn add_codes(ctx: &mut Ctx, line: &Line<'_>, text: &str, actor: &mut Actor) {
    let (_, groups, unclosed) = bracket_groups(text);
    if unclosed.is_some() {
        // names_of reported it for name lines; report here for code lines.
        if text.trim_start().starts_with('[') {
            ctx.error(line.number, "unclosed `[`; skipped");
        }
        return;
    }
    if !groups.is_empty()
        && let Some(tail) = text.rsplit(']').next()
        && !tail.trim().is_empty()
    {
        ctx.warning(
            line.number,
            format!("text after the codes ignored: `{}`", tail.trim()),
        );
    }
    for g in groups {
        match parse_code_group(&g) {
            Ok((codes, from, until, note)) => {
                if let Some(n) = note {
                    ctx.warning(line.number, format!("code `[{g}]`: {n}"));
                }
                actor.codes.push(CodePeriod {
                    codes,
                    from,
                    until,
                    origin: ctx.origin(line),
                })
            }
            Err(e) => ctx.error(line.number, format!("code `[{g}]`: {e}; skipped")),
        }
    }
}

/// Codes, from, until, and a note when the group was read with a guess.
type CodeGroup = (
    Vec<String>,
    Option<jiff::civil::Date>,
    Option<jiff::civil::Date>,
    Option<String>,
);

/// Parses the inside of `[...]`: code(s) and an optional date restriction.
pub(crate) fn parse_code_group(g: &str) -> Result<CodeGroup, String> {
    let g = g.trim();
    let split = g
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(g.len());
    let code = &g[..split];
    let restriction: String = g[split..].chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() || code.starts_with(|c: char| c.is_ascii_digit()) {
        return Err("no code".into());
    }
    if let Some(bad) = code
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '+' | '~' | '_' | '.')))
    {
        return Err(format!("unexpected `{bad}` in code"));
    }
    let mut codes = Vec::new();
    for c in code.split('/') {
        if c.is_empty() {
            return Err("empty code around `/`".into());
        }
        codes.push(c.to_uppercase());
    }
    let (from, until) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        // Before D: the last day is the day before.
        let d = parse_date(d)?;
        (None, Some(d.yesterday().unwrap_or(d)))
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(parse_date(d)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        (Some(parse_date(a)?), Some(parse_date(b)?))
    } else {
        // A bare date (PETRARCH2 compares against it with its first digit cut off, so the code
        // always applies); the evident intent is "from".
        let d = parse_date(&restriction).map_err(|e| {
            format!("restriction `{restriction}` is not <DATE, >DATE or DATE-DATE ({e})")
        })?;
        return Ok((
            codes,
            Some(d),
            None,
            Some(format!(
                "bare date `{restriction}` read as `>{restriction}`"
            )),
        ));
    };
    Ok((codes, from, until, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const SAMPLE: &str = "\
AFGHANISTAN_  [AFG]
+AFGHAN_
GOLLUM  # pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
#\t[950601-990815]
\t[HOBREB > 990816]
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# x
THE_SHIRE  [FRO/BIL/SAM]
U.N._

ENT
\t[ENT]
X_ [AAA 2004017-20061201] [BBB]
+A_B+_C_D
[ZZZ]
Y [pse
IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
JOSIPOVIC_
\t[HRVGOV >20120219]
Z [ZZZ] $1,000
";

    #[test]
    fn reads_entries() {
        let r = parse_petrarch_actors(SAMPLE, "t.txt");
        let a = &r.value;
        assert_eq!(a.len(), 9);
        assert_eq!(a[7].names.len(), 3, "lost `+`: one entry");
        assert_eq!(a[7].codes.len(), 1);
        assert_eq!(a[0].names.len(), 2);
        assert_eq!(a[0].names[1].words, ["afghan"]);
        assert_eq!(a[0].codes[0].codes, ["AFG"]);
        let gollum = &a[1];
        assert_eq!(gollum.names.len(), 2);
        assert_eq!(gollum.codes.len(), 3);
        assert_eq!(gollum.codes[0].until, Some(date(1995, 5, 31)), "<950601");
        assert_eq!(gollum.codes[1].from, Some(date(1995, 6, 1)));
        assert_eq!(gollum.codes[1].until, Some(date(1999, 8, 15)));
        assert_eq!(gollum.codes[2].from, Some(date(1999, 8, 16)));
        let code = |d| gollum.code_on(Some(d)).map(|p| p.codes[0].clone());
        assert_eq!(code(date(1990, 1, 1)).as_deref(), Some("HOB"));
        assert_eq!(code(date(1997, 1, 1)).as_deref(), Some("HOBGOV"));
        assert_eq!(
            code(date(1999, 8, 15)).as_deref(),
            Some("HOBGOV"),
            "last day included"
        );
        assert_eq!(code(date(1999, 8, 16)).as_deref(), Some("HOBREB"));
        assert_eq!(code(date(2001, 1, 1)).as_deref(), Some("HOBREB"));
        assert_eq!(a[2].codes.len(), 2);
        assert_eq!(a[2].codes[1].codes, ["IGOUNOKID"]);
        assert_eq!(a[3].codes[0].codes, ["FRO", "BIL", "SAM"]);
        assert!(a[4].codes.is_empty(), "U.N._ has no code");
        assert_eq!(a[5].codes[0].codes, ["ENT"]);
        // X_: the 7-digit date is reported, the other group kept; the glued alias split; the
        // bare [ZZZ] line belongs to X_.
        assert_eq!(a[6].codes.len(), 2);
        assert_eq!(a[6].names.len(), 3);
        let msgs: Vec<String> = r
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.line, d.message))
            .collect();
        assert_eq!(msgs.len(), 7, "{msgs:#?}");
        assert!(msgs[4].starts_with("20: phrase without `+`"));
        assert!(msgs[5].starts_with("21: phrase without `+`"));
        assert!(msgs[6].starts_with("23: text after the codes"));
        assert!(msgs[0].starts_with("11: actor has no code"));
        assert!(msgs[1].starts_with("15: code `[AAA 2004017-20061201]`"));
        assert!(msgs[2].starts_with("16: `+` inside a name"));
        assert!(msgs[3].starts_with("18: unclosed"));
    }

    #[test]
    fn code_groups() {
        assert!(parse_code_group("950601-990815").is_err());
        assert!(parse_code_group("").is_err());
        assert!(parse_code_group("USA 1990").is_err());
        assert!(parse_code_group("A//B").is_err());
        let (c, f, u, n) = parse_code_group("---").unwrap();
        assert_eq!((c, f, u, n), (vec!["---".to_owned()], None, None, None));
        let (c, f, _, n) = parse_code_group("MNEGOV 20121204").unwrap();
        assert_eq!((c[0].as_str(), f), ("MNEGOV", Some(date(2012, 12, 4))));
        assert!(n.is_some());
        assert_eq!(
            parse_code_group("NGOCHRPRO214").unwrap().0,
            ["NGOCHRPRO214"]
        );
        let (c, _, u, _) = parse_code_group("HOB<950601").unwrap();
        assert_eq!(c, ["HOB"]);
        assert_eq!(u, Some(date(1995, 5, 31)), "before 1995-06-01");
    }
}
