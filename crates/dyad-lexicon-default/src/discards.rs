//! Discard files (`lexicon/discards/`): phrases that mark text dyad should not code.
//!
//! ```text
//! sentence world cup          # a sentence containing the phrase is not coded
//! story    box office         # no sentence of a story containing it is coded
//! ```

use dyad_lexicon::{Discard, DiscardLevel, Read, discard_from_line};

use crate::syntax::{Ctx, content_lines, first_word};

/// Parses a discard file; unusable lines are diagnostics (file and line) and are skipped.
pub fn parse_discards(text: &str, file: &str) -> Read<Vec<Discard>> {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    for line in content_lines(text) {
        let (kw, phrase) = first_word(line.text);
        let level = match kw {
            "sentence" => DiscardLevel::Sentence,
            "story" => DiscardLevel::Story,
            _ => {
                ctx.error(
                    line.number,
                    format!("`{kw}`: a discard line starts with `sentence` or `story`; skipped"),
                );
                continue;
            }
        };
        out.extend(discard_from_line(&mut ctx, &line, level, phrase));
    }
    ctx.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_discards() {
        let r = parse_discards(
            "sentence world cup\nstory  box office # film\nworld cup\nstory\n",
            "discards/d.txt",
        );
        assert_eq!(r.value.len(), 2);
        assert_eq!(r.value[0].words, ["world", "cup"]);
        assert_eq!(r.value[1].level, DiscardLevel::Story);
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4]);
    }
}
