//! Agent files (`lexicon/agents/`): one role word per line, with its plurals.
//!
//! ```text
//! MIL   soldier | soldiers               # code, then the phrase, then its plural forms
//! GOV   foreign minister | foreign ministers
//! MIL   military                         # no plural
//! NGO~  aid agency | aid agencies        # `CODE~`: the code goes before the actor's
//! ```
//!
//! The code is a role code (`GOV`, `GOVMIL`); `~GOV` is the same as `GOV` (appended to the
//! actor's code: "Russian soldiers" → RUS + MIL); `NGO~` puts it before. Plurals are written
//! out, never generated, so what matches is what the line says.

use dyad_lexicon::lint::three_letter_parts;
use dyad_lexicon::normalize;
use dyad_lexicon::{Agent, Attach, Read};

use crate::syntax::{Ctx, content_lines, first_word};

fn role_code(s: &str) -> Result<(&str, Attach), String> {
    let (code, attach) = if let Some(c) = s.strip_suffix('~') {
        (c, Attach::Prefix)
    } else {
        (s.strip_prefix('~').unwrap_or(s), Attach::Suffix)
    };
    if three_letter_parts(code, false) {
        Ok((code, attach))
    } else {
        Err(format!(
            "`{s}` is not a role code (upper-case three-letter parts, `~` before or after)"
        ))
    }
}

/// Parses an agent file; unusable lines are diagnostics (file and line) and are skipped.
pub fn parse_agents(text: &str, file: &str) -> Read<Vec<Agent>> {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    for line in content_lines(text) {
        let (code, rest) = first_word(line.text);
        let (code, attach) = match role_code(code) {
            Ok(c) => c,
            Err(e) => {
                ctx.error(line.number, format!("{e}; skipped"));
                continue;
            }
        };
        let mut names = Vec::new();
        let mut bad = false;
        for phrase in rest.split('|') {
            let w = normalize::words(phrase);
            if w.is_empty() {
                bad = true;
            } else if !names.contains(&w) {
                names.push(w);
            }
        }
        if bad || names.is_empty() {
            ctx.error(line.number, "empty phrase in an agent line; skipped");
            continue;
        }
        out.push(Agent {
            names,
            code: code.to_owned(),
            attach,
            origin: ctx.origin(&line),
        });
    }
    ctx.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_agents() {
        let t = "MIL soldier | soldiers\n~GOVMIL defence minister|defence ministers # uk\nNGO~ aid agency\n";
        let r = parse_agents(t, "agents/a.txt");
        assert!(r.diagnostics.is_empty());
        let a = &r.value;
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].names, [vec!["soldier"], vec!["soldiers"]]);
        assert_eq!(
            (a[1].code.as_str(), a[1].attach),
            ("GOVMIL", Attach::Suffix)
        );
        assert_eq!(a[1].names[1], ["defence", "ministers"]);
        assert_eq!((a[2].code.as_str(), a[2].attach), ("NGO", Attach::Prefix));
        assert_eq!(a[2].origin.line, 3);
    }

    #[test]
    fn bad_lines() {
        let t = "mil soldier\nMIL\nMIL a || b\nMI x\n~ x\nGOV officials\n";
        let r = parse_agents(t, "agents/b.txt");
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5]);
        assert_eq!(r.value.len(), 1);
    }
}
