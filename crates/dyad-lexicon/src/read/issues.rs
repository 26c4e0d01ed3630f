//! PETRARCH issue lists (`Phoenix.IssueCoding.txt`).
//!
//! ```text
//! <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//! n:teacher [TEACHERS]
//! pre+n:school [EARLY_CHILDHOOD_EDUCATION]
//! education v:reform [EDUCATION_REFORM]
//! ~a head start
//! ~~Armenian genocide
//! </ISSUE>
//! ```
//!
//! `n:WORD` stands for the word and its plural; `v:WORD` for it and its regular verb forms
//! (`+S`, `+ED`/`+D`, `+ING` with a final E dropped, as PETRARCH makes them); `A+B` for "A B"
//! and "A-B" (the same words once hyphens are split as spaCy splits them). `~` and `~~` lines
//! are ignore phrases for the sentence and the story. A line with neither a code nor `~`
//! (PETRARCH skips these silently) is reported.

use std::path::Path;

use super::{Ctx, content_lines, plural_word, read_with};
use crate::diagnostic::{LexiconError, Read};
use crate::model::{Issue, IssueKind, Words};
use crate::normalize;

/// Reads a PETRARCH issue list.
pub fn read_petrarch_issues(path: &Path) -> Result<Read<Vec<Issue>>, LexiconError> {
    read_with(path, parse_petrarch_issues)
}

/// Parses the text of a PETRARCH issue list.
pub fn parse_petrarch_issues(text: &str, file: &str) -> Read<Vec<Issue>> {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    let mut category: Option<String> = None;
    for line in content_lines(text) {
        let t = line.text();
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("<ISSUE") {
            category = attribute(t, "CATEGORY");
            if category.is_none() {
                ctx.warning(line.number, "<ISSUE> without CATEGORY");
            }
            continue;
        }
        if upper.starts_with("</ISSUE") {
            category = None;
            continue;
        }
        let (kind, phrase) = if let Some(p) = t.strip_prefix("~~") {
            (IssueKind::IgnoreStory, p)
        } else if let Some(p) = t.strip_prefix('~') {
            (IssueKind::IgnoreSentence, p)
        } else {
            let Some(open) = t.find('[') else {
                ctx.error(line.number, "issue phrase without a [code]; skipped");
                continue;
            };
            let Some(close) = t[open..].find(']').map(|c| open + c) else {
                ctx.error(line.number, "unclosed `[`; skipped");
                continue;
            };
            let code = t[open + 1..close].trim();
            if code.is_empty() || code.contains(char::is_whitespace) {
                ctx.error(
                    line.number,
                    format!("issue code `{code}` malformed; skipped"),
                );
                continue;
            }
            (IssueKind::Code(code.to_uppercase()), &t[..open])
        };
        match expand(phrase) {
            Ok(names) if !names.is_empty() => out.push(Issue {
                names,
                kind,
                category: category.clone(),
                origin: ctx.origin(&line),
            }),
            Ok(_) => ctx.error(line.number, "empty issue phrase; skipped"),
            Err(e) => ctx.error(line.number, format!("{e}; skipped")),
        }
    }
    ctx.finish(out)
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let upper = tag.to_ascii_uppercase();
    let p = upper.find(&format!("{name}="))?;
    let rest = &tag[p + name.len() + 1..];
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_owned())
}

/// The forms of an issue phrase: the product of each word's forms.
fn expand(phrase: &str) -> Result<Vec<Words>, String> {
    let mut forms: Vec<String> = vec![String::new()];
    for raw in phrase.split_whitespace() {
        let alts = token_forms(&raw.to_lowercase())?;
        let mut next = Vec::with_capacity(forms.len() * alts.len());
        for f in &forms {
            for a in &alts {
                next.push(if f.is_empty() {
                    a.clone()
                } else {
                    format!("{f} {a}")
                });
            }
        }
        forms = next;
        if forms.len() > 4096 {
            return Err("too many forms".into());
        }
    }
    let mut out: Vec<Words> = Vec::new();
    for f in forms {
        let w = normalize::words(&f);
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    }
    Ok(out)
}

/// The forms of one blank-free token: `+` joins segments with a blank or a hyphen; a segment
/// may carry `n:` or `v:`.
fn token_forms(tok: &str) -> Result<Vec<String>, String> {
    let mut acc = vec![String::new()];
    for (i, seg) in tok.split('+').enumerate() {
        let forms = if let Some(w) = seg.strip_prefix("n:") {
            noun_forms(w)
        } else if let Some(w) = seg.strip_prefix("v:") {
            verb_forms_issue(w)
        } else {
            vec![seg.to_owned()]
        };
        if forms.iter().any(|f| f.is_empty() || f.contains(':')) {
            return Err(format!("malformed word `{tok}`"));
        }
        let joiners: &[&str] = if i == 0 { &[""] } else { &[" ", "-"] };
        let mut next = Vec::new();
        for a in &acc {
            for j in joiners {
                for f in &forms {
                    next.push(format!("{a}{j}{f}"));
                }
            }
        }
        acc = next;
    }
    Ok(acc)
}

fn noun_forms(w: &str) -> Vec<String> {
    let mut v = vec![w.to_owned()];
    if let Some(p) = plural_word(w) {
        v.push(p);
    }
    v
}

fn verb_forms_issue(w: &str) -> Vec<String> {
    let mut v = vec![w.to_owned()];
    if w.is_empty() {
        return v;
    }
    v.extend(
        super::verbs::regular_forms(w)
            .into_iter()
            .filter(|f| f != w),
    );
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_issues() {
        let text = "\
<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">
n:teacher [TEACHERS]
pre+n:school [EARLY]
ethnic v:purge [ID_ATROCITY]
touristry[TOURISM]
~a head start
~~Armenian genocide
just words
</ISSUE>
n:bachelor n:degree [POST]
";
        let r = parse_petrarch_issues(text, "i.txt");
        let i = &r.value;
        let names = |k: usize| -> Vec<String> { i[k].names.iter().map(|n| n.join(" ")).collect() };
        assert_eq!(names(0), ["teacher", "teachers"]);
        assert_eq!(i[0].category.as_deref(), Some("EDUCATION"));
        assert_eq!(
            names(1),
            ["pre school", "pre schools", "pre - school", "pre - schools"]
        );
        assert_eq!(
            names(2),
            [
                "ethnic purge",
                "ethnic purges",
                "ethnic purged",
                "ethnic purging"
            ]
        );
        assert_eq!(i[3].kind, IssueKind::Code("TOURISM".into()));
        assert_eq!(i[4].kind, IssueKind::IgnoreSentence);
        assert_eq!(i[5].kind, IssueKind::IgnoreStory);
        assert_eq!(names(6).len(), 4);
        assert_eq!(i[6].category, None);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line, 8);
    }
}
