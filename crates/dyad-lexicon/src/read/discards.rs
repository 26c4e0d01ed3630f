//! PETRARCH discard lists (`Phoenix.discards.txt`, `PETR.Validate.discards.txt`).
//!
//! One phrase per line; `+PHRASE` discards the whole story, a bare phrase the sentence. Matching
//! is on whole, consecutive words, case-insensitive (PETRARCH2's reading; its documentation also
//! mentions TABARI's stems, which its code does not implement). A final `_` is dropped.

use std::path::Path;

use super::{Ctx, content_lines, read_with};
use crate::diagnostic::{FileDiagnostics, LexiconError, Read, SourceLine};
use crate::model::{Discard, DiscardLevel};
use crate::normalize;

/// Reads a PETRARCH discard list.
pub fn read_petrarch_discards(path: &Path) -> Result<Read<Vec<Discard>>, LexiconError> {
    read_with(path, parse_petrarch_discards)
}

/// Parses the text of a PETRARCH discard list.
pub fn parse_petrarch_discards(text: &str, file: &str) -> Read<Vec<Discard>> {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    for line in content_lines(text) {
        let t = line.text();
        let (level, phrase) = match t.strip_prefix('+') {
            Some(p) => (DiscardLevel::Story, p),
            None => (DiscardLevel::Sentence, t),
        };
        out.extend(discard_from_line(&mut ctx, &line, level, phrase));
    }
    ctx.finish(out)
}

/// The [`Discard`] read from one line of a discard file, whatever its format: `phrase` (the part
/// of `line` after the level marker) split into words as [`normalize::words`] does. An empty
/// phrase is an error diagnostic on the line and gives `None`.
pub fn discard_from_line(
    ctx: &mut FileDiagnostics,
    line: &impl SourceLine,
    level: DiscardLevel,
    phrase: &str,
) -> Option<Discard> {
    let words = normalize::words(phrase);
    if words.is_empty() {
        ctx.error(line.number(), "empty discard phrase; skipped");
        return None;
    }
    Some(Discard {
        words,
        level,
        origin: ctx.origin(line),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_discards() {
        let r = parse_petrarch_discards(
            "MONTHS LATER\n+World Golf Championships   # pas\nGROUP A_\n+\n1914\n",
            "d.txt",
        );
        let d = &r.value;
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].words, ["months", "later"]);
        assert_eq!(d[1].level, DiscardLevel::Story);
        assert_eq!(d[1].words, ["world", "golf", "championships"]);
        assert_eq!(d[2].words, ["group", "a"]);
        assert_eq!(d[3].words, ["1914"]);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line, 4);
    }
}
