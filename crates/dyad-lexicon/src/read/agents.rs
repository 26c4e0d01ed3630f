//! PETRARCH/TABARI agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//! FOREIGN_MINISTER [~GOVFRM]
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
//! POLICE {} [~COP]
//! CONGRESS!PERSON! [~LEG]
//! HUMAN_RIGHTS_BODY [NGO~]
//! ```
//!
//! * `[~CODE]` appends the code to the actor's ([`Attach::Suffix`]); `[CODE~]` puts it before
//!   ([`Attach::Prefix`], TABARI; PETRARCH2 reads only the first form). A code without `~` is
//!   reported and read as a suffix.
//! * `{PLURAL}` gives the plural; `{}` none; otherwise the regular plural of the last word is
//!   made (see the crate's plural rule: PETRARCH's own gives "ATTORNIES").
//! * `!MARKER! = A, B` defines a substitution set; a phrase with `!MARKER!` stands for each
//!   substitution, with no plural made.
//! * PETRARCH's documentation says a blank between words allows other words between them and
//!   `_` does not; its code (and dyad) treat both as consecutive words.

use std::collections::HashMap;
use std::path::Path;

use super::{Ctx, content_lines, plural, read_with};
use crate::diagnostic::{LexiconError, Read};
use crate::model::{Agent, Attach, Words};
use crate::normalize;

/// Reads a PETRARCH agent dictionary.
pub fn read_petrarch_agents(path: &Path) -> Result<Read<Vec<Agent>>, LexiconError> {
    read_with(path, parse_petrarch_agents)
}

/// Parses the text of a PETRARCH agent dictionary.
pub fn parse_petrarch_agents(text: &str, file: &str) -> Read<Vec<Agent>> {
    let mut ctx = Ctx::new(file);
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut agents = Vec::new();
    for line in content_lines(text) {
        let t = line.text();
        if t.starts_with('!') && t.contains('=') {
            let (lhs, rhs) = t.split_once('=').unwrap_or((t, ""));
            let name = lhs.trim().trim_matches('!');
            if name.is_empty() || name.contains('!') || !lhs.trim().ends_with('!') {
                ctx.error(
                    line.number,
                    "substitution marker not of the form !NAME! = A, B; skipped",
                );
                continue;
            }
            let items: Vec<String> = rhs
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            if items.is_empty() {
                ctx.error(
                    line.number,
                    "substitution marker with no substitutions; skipped",
                );
                continue;
            }
            markers.insert(name.to_uppercase(), items);
            continue;
        }
        let Some(open) = t.find('[') else {
            ctx.error(line.number, "agent without a [code]; skipped");
            continue;
        };
        let Some(close) = t[open..].find(']').map(|c| open + c) else {
            ctx.error(line.number, "unclosed `[`; skipped");
            continue;
        };
        if !t[close + 1..].trim().is_empty() {
            ctx.warning(
                line.number,
                format!("text after the code ignored: `{}`", t[close + 1..].trim()),
            );
        }
        let raw_code: String = t[open + 1..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (code, attach) = if let Some(c) = raw_code.strip_prefix('~') {
            (c.to_owned(), Attach::Suffix)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c.to_owned(), Attach::Prefix)
        } else {
            ctx.warning(
                line.number,
                format!("agent code `{raw_code}` has no `~`; read as `~{raw_code}`"),
            );
            (raw_code.clone(), Attach::Suffix)
        };
        if code.is_empty() || code.contains('~') || !code.chars().all(|c| c.is_alphanumeric()) {
            ctx.error(
                line.number,
                format!("agent code `{raw_code}` malformed; skipped"),
            );
            continue;
        }
        let phrase_part = &t[..open];
        let (phrase, plural_spec) = match phrase_part.find('{') {
            Some(b) => match phrase_part[b..].find('}') {
                Some(e) => (&phrase_part[..b], Some(&phrase_part[b + 1..b + e])),
                None => {
                    ctx.error(line.number, "missing `}`; skipped");
                    continue;
                }
            },
            None => (phrase_part, None),
        };
        let mut names: Vec<Words> = Vec::new();
        if phrase.contains('!') {
            let parts: Vec<&str> = phrase.split('!').collect();
            if parts.len() != 3 {
                ctx.error(
                    line.number,
                    "substitution marker syntax: one !NAME! expected; skipped",
                );
                continue;
            }
            let Some(subs) = markers.get(&parts[1].to_uppercase()) else {
                ctx.error(
                    line.number,
                    format!("substitution marker !{}! not defined; skipped", parts[1]),
                );
                continue;
            };
            for s in subs {
                let w = normalize::words(&format!("{}{}{}", parts[0], s, parts[2]));
                if !w.is_empty() && !names.contains(&w) {
                    names.push(w);
                }
            }
        } else {
            let w = normalize::words(phrase);
            if w.is_empty() {
                ctx.error(line.number, "empty agent phrase; skipped");
                continue;
            }
            let plural_forms = match plural_spec {
                Some(p) => {
                    let p = normalize::words(p);
                    if p.is_empty() { None } else { Some(p) }
                }
                None => plural(&w),
            };
            names.push(w);
            if let Some(p) = plural_forms
                && !names.contains(&p)
            {
                names.push(p);
            }
        }
        if names.is_empty() {
            ctx.error(line.number, "no phrase; skipped");
            continue;
        }
        agents.push(Agent {
            names,
            code: code.to_uppercase(),
            attach,
            origin: ctx.origin(&line),
        });
    }
    ctx.finish(agents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_agents() {
        let text = "\
!PERSON! = MAN, MEN, WOMAN
!MINST! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOVFRM] # x
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
POLICE {} [ ~COP]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
HUMAN_RIGHTS_ORGANIZATION  [  NGO~]
AUTHORITY [~GOV]
ISLAMIC_EXTREMIST
BAD!X! [~GOV]
PLAIN [GOV]
";
        let r = parse_petrarch_agents(text, "a.txt");
        let a = &r.value;
        let names = |i: usize| -> Vec<String> { a[i].names.iter().map(|n| n.join(" ")).collect() };
        assert_eq!(names(0), ["foreign minister", "foreign ministers"]);
        assert_eq!(a[0].code, "GOVFRM");
        assert_eq!(names(1), ["attorney general", "attorneys general"]);
        assert_eq!(names(2), ["police"]);
        assert_eq!(a[2].code, "COP");
        assert_eq!(names(3), ["congressman", "congressmen", "congresswoman"]);
        assert_eq!(
            names(4),
            ["minister of silly walks", "ministry of silly walks"]
        );
        assert_eq!(a[5].attach, Attach::Prefix);
        assert_eq!(a[5].code, "NGO");
        assert_eq!(names(6), ["authority", "authorities"]);
        assert_eq!(a[7].code, "GOV");
        assert_eq!(a.len(), 8);
        let msgs: Vec<(u32, String)> = r
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.clone()))
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(msgs[0].0, 10);
        assert_eq!(msgs[1].0, 11);
        assert_eq!(msgs[2].0, 12);
    }
}
