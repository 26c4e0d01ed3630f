//! Actor and person files (`lexicon/actors/`, `lexicon/people/`): one block per actor.
//!
//! ```text
//! actor Russia                       # starts a block; the phrase is the actor's first name
//! name Russian Federation            # more names, one per line
//! name Russian
//! code SUN ..1991-12-26              # a code with its half-open range FROM..UNTIL
//! code RUS 1991-12-26..
//!
//! person Vladimir Putin              # `person` is `actor` for people (same reading)
//! name Vladimir Vladimirovich Putin
//! short Putin                        # a name valid only on the dates of the dated codes
//! code RUSELI                        # no range: the default, when no dated code applies
//! code RUSGOV 1999-08-16..2000-05-07 prime minister     # words after the range: a note
//! ```
//!
//! A `short` name becomes a second actor that carries only the block's dated codes, so "Putin"
//! alone is RUSGOV while he holds office and unknown otherwise, and "Bush" finds whichever
//! President Bush held office on the event's date (each has his own `short Bush`).

use dyad_lexicon::normalize;
use dyad_lexicon::{Actor, ActorName, CodePeriod, Read};

use crate::syntax::{Ctx, Line, check_actor_code, content_lines, first_word, parse_range};

struct Block {
    names: Vec<ActorName>,
    shorts: Vec<ActorName>,
    codes: Vec<CodePeriod>,
    header: u32,
    origin: dyad_lexicon::Origin,
}

fn finish(block: Option<Block>, ctx: &mut Ctx, out: &mut Vec<Actor>) {
    let Some(b) = block else { return };
    if b.codes.is_empty() {
        ctx.error(b.header, "actor block has no `code` line; skipped");
        return;
    }
    let dated: Vec<CodePeriod> = b.codes.iter().filter(|p| p.is_dated()).cloned().collect();
    let short_origin = b.shorts.first().map(|n| n.origin.clone());
    out.push(Actor {
        names: b.names,
        codes: b.codes,
        origin: b.origin,
    });
    if let Some(origin) = short_origin {
        if dated.is_empty() {
            ctx.warning(
                origin.line,
                "`short` names need dated codes (they apply only on those dates); none here, so \
                 they never resolve",
            );
        }
        out.push(Actor {
            names: b.shorts,
            codes: dated,
            origin,
        });
    }
}

fn name(ctx: &mut Ctx, line: &Line<'_>, phrase: &str) -> Option<ActorName> {
    if phrase.contains('|') {
        ctx.error(
            line.number,
            "one name per line (`|` is not allowed in a name); skipped",
        );
        return None;
    }
    let words = normalize::words(phrase);
    if words.is_empty() {
        ctx.error(line.number, "empty name; skipped");
        return None;
    }
    Some(ActorName {
        words,
        origin: ctx.origin(line),
    })
}

/// dyad's files write `FROM..UNTIL` half-open (UNTIL = the first day the code no longer
/// applies: the successor's first day); [`CodePeriod`] stores the last day the code applies
/// (both ends included). The conversion is here, once; a test pins it to
/// [`CodePeriod::contains`].
fn to_last_day(until: Option<jiff::civil::Date>) -> Result<Option<jiff::civil::Date>, String> {
    match until {
        None => Ok(None),
        Some(u) => u
            .yesterday()
            .map(Some)
            .map_err(|e| format!("no day before {u}: {e}")),
    }
}

fn code(ctx: &mut Ctx, line: &Line<'_>, rest: &str) -> Option<CodePeriod> {
    let (code, rest) = first_word(rest);
    if code.is_empty() {
        ctx.error(line.number, "`code` without a code; skipped");
        return None;
    }
    if let Err(e) = check_actor_code(code) {
        ctx.error(line.number, format!("{e}; skipped"));
        return None;
    }
    let (range, _note) = first_word(rest);
    let (from, until) = if range.contains("..") {
        match parse_range(range).and_then(|(f, u)| Ok((f, to_last_day(u)?))) {
            Ok(r) => r,
            Err(e) => {
                ctx.error(line.number, format!("{e}; skipped"));
                return None;
            }
        }
    } else {
        (None, None)
    };
    Some(CodePeriod {
        codes: vec![code.to_owned()],
        from,
        until,
        origin: ctx.origin(line),
    })
}

/// Parses an actor or person file. Every line that cannot be used is a diagnostic with the
/// file and line, and is skipped; a block without any usable code is skipped as a whole.
pub fn parse_actors(text: &str, file: &str) -> Read<Vec<Actor>> {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    let mut block: Option<Block> = None;
    for line in content_lines(text) {
        let (kw, rest) = first_word(line.text);
        match kw {
            "actor" | "person" => {
                finish(block.take(), &mut ctx, &mut out);
                if let Some(n) = name(&mut ctx, &line, rest) {
                    block = Some(Block {
                        origin: n.origin.clone(),
                        names: vec![n],
                        shorts: Vec::new(),
                        codes: Vec::new(),
                        header: line.number,
                    });
                }
            }
            "name" | "short" | "code" => {
                let Some(b) = block.as_mut() else {
                    ctx.error(
                        line.number,
                        format!("`{kw}` outside an actor block (no `actor`/`person` line before it, or that line was unusable); skipped"),
                    );
                    continue;
                };
                match kw {
                    "name" => b.names.extend(name(&mut ctx, &line, rest)),
                    "short" => b.shorts.extend(name(&mut ctx, &line, rest)),
                    _ => b.codes.extend(code(&mut ctx, &line, rest)),
                }
            }
            _ => ctx.error(
                line.number,
                format!(
                    "unknown keyword `{kw}` (expected actor, person, name, short or code); skipped"
                ),
            ),
        }
    }
    finish(block.take(), &mut ctx, &mut out);
    ctx.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TEXT: &str = "\
# states
actor Russia
name Russian Federation
name Russian
code SUN ..1991-12-26
code RUS 1991-12-26..

person Vladimir Putin
name Vladimir V. Putin
short Putin
code RUSELI
code RUSGOV 1999-08-16..2000-05-07 prime minister
code RUSGOV 2000-05-07..2008-05-07 president
";

    fn codes_on(a: &Actor, d: jiff::civil::Date) -> Option<&str> {
        a.code_on(Some(d)).map(|p| p.codes[0].as_str())
    }

    #[test]
    fn reads_blocks() {
        let r = parse_actors(TEXT, "actors/t.txt");
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let a = &r.value;
        assert_eq!(a.len(), 3, "Russia, Putin, short Putin");
        assert_eq!(a[0].names.len(), 3);
        assert_eq!(a[0].names[0].words, ["russia"]);
        assert_eq!(codes_on(&a[0], date(1960, 1, 1)), Some("SUN"));
        assert_eq!(codes_on(&a[0], date(1991, 12, 25)), Some("SUN"));
        assert_eq!(codes_on(&a[0], date(1991, 12, 26)), Some("RUS"));
        assert_eq!(codes_on(&a[1], date(1995, 1, 1)), Some("RUSELI"));
        assert_eq!(codes_on(&a[1], date(2000, 5, 6)), Some("RUSGOV"));
        assert_eq!(a[1].codes[1].origin.line, 12);
        assert_eq!(a[2].names[0].words, ["putin"]);
        assert_eq!(
            codes_on(&a[2], date(1995, 1, 1)),
            None,
            "short name outside tenure"
        );
        assert_eq!(codes_on(&a[2], date(2001, 1, 1)), Some("RUSGOV"));
        assert_eq!(&*a[2].origin.text, "short Putin");
        assert_eq!(&*a[2].origin.file, "actors/t.txt");
    }

    #[test]
    fn half_open_ranges_meet_the_representation() {
        let r = parse_actors("actor X\ncode USAGOV 1969-01-20..1974-08-09\n", "t");
        let p = &r.value[0].codes[0];
        assert!(!p.contains(date(1969, 1, 19)));
        assert!(p.contains(date(1969, 1, 20)));
        assert!(p.contains(date(1974, 8, 8)));
        assert!(
            !p.contains(date(1974, 8, 9)),
            "UNTIL is the first day out of office"
        );
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let text = "\
name Orphan
actor Ruritania
code RUR 1990-01-01..1980-01-01
code rur
code RURGOV 1990-13-01..
code
name A | B
frobnicate
code RUR
actor
actor Nocode
name Still no code
short Only
actor Shorty
short S
code SHO
";
        let r = parse_actors(text, "people/bad.txt");
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(
            lines,
            [1, 3, 4, 5, 6, 7, 8, 10, 11, 15],
            "{:#?}",
            r.diagnostics
        );
        assert!(r.diagnostics.iter().all(|d| &*d.file == "people/bad.txt"));
        assert!(r.diagnostics[0].message.contains("outside an actor block"));
        assert!(r.diagnostics[8].message.contains("no `code` line"));
        assert!(r.diagnostics[9].message.contains("never resolve"));
        assert_eq!(r.value.len(), 3, "Ruritania, Shorty, Shorty's short name");
        assert_eq!(r.value[0].codes.len(), 1);
        assert_eq!(r.value[0].codes[0].codes, ["RUR"]);
    }

    #[test]
    fn garbage_does_not_panic() {
        for t in [
            "",
            "\u{0}\u{1}",
            "actor \u{FFFD}\ncode ---",
            "code\ncode\nactor",
            "actor x\ncode X ..\n",
        ] {
            let _ = parse_actors(t, "x");
        }
    }
}
