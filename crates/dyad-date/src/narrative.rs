//! Paragraphs and the place of a mention in its clause: what the stage and the dater share.

use dyad_doc::{TimeKind, TimeMention};

use crate::tree::{Class, Tree};

/// The paragraph of each sentence of the parse, numbered from 0.
///
/// A paragraph ends at a blank line between two sentences. A text with no blank line at all
/// (some feeds put one paragraph per line) breaks at every line break between sentences
/// instead. A line break inside a sentence never counts.
pub(crate) fn paragraphs(tree: &Tree<'_>) -> Vec<usize> {
    let text = tree.text;
    let blank_lines = has_blank_line(text);
    let n = tree.parse.sents().len();
    let mut out = Vec::with_capacity(n);
    let mut para = 0;
    let mut prev_end: Option<usize> = None;
    for s in 0..n {
        if let Some(span) = tree.content_span(s) {
            if let Some(end) = prev_end {
                let gap = text.get(end..span.start).unwrap_or("");
                let breaks = if blank_lines {
                    has_blank_line(gap)
                } else {
                    gap.contains('\n')
                };
                if breaks {
                    para += 1;
                }
            }
            prev_end = Some(span.end);
        }
        out.push(para);
    }
    out
}

fn has_blank_line(s: &str) -> bool {
    let mut newlines = 0;
    for c in s.chars() {
        match c {
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    false
}

/// The clause head a mention belongs to: the clause above the token it modifies (or above its
/// own head when it modifies nothing).
pub(crate) fn clause_of(tree: &Tree<'_>, m: &TimeMention) -> Option<usize> {
    m.governor.or(m.head).map(|t| tree.clause_head(t))
}

/// Whether the mention sits before a noun it modifies ("the 1979 invasion", "Wednesday's
/// talks", "next month's summit"): it dates that noun only, not the clause around it.
pub(crate) fn is_premodifier(tree: &Tree<'_>, m: &TimeMention) -> bool {
    let Some(g) = m.governor else { return false };
    tree.class(g) == Class::Noun
        && !tree.is_clause_head(g)
        && tree.tok(g).is_some_and(|t| m.span.end <= t.span().start)
}

/// Whether the mention modifies `v` directly: `v` is the token it modifies, or is reached from
/// it through adverbs and adjectives only ("as early as 1956" under "met").
pub(crate) fn attaches_to(tree: &Tree<'_>, m: &TimeMention, v: usize) -> bool {
    let Some(mut cur) = m.governor else {
        return false;
    };
    for _ in 0..=tree.parse.len() {
        if cur == v {
            return true;
        }
        if tree.is_clause_head(cur) || tree.class(cur) == Class::Noun {
            return false;
        }
        match tree.head(cur) {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// Subordinators that put a clause at another time than the clause it modifies.
const DISPLACING: &[&str] = &["after", "before", "since", "until", "till", "following"];

/// Whether clause head `k` heads a clause with a time of its own, which neither dates nor is
/// dated by the clause it modifies: an adverbial clause under "after", "before", "since",
/// "until" or "following" ("after Trump invited Kim on Saturday", "before meeting Mao"), or a
/// relative or participial clause describing a participant ("the group that has seized parts
/// of Iraq", "a report released Tuesday"). A relative clause of place or time ("Beijing,
/// where he met Mao") shares its head's time.
pub(crate) fn is_displaced(tree: &Tree<'_>, k: usize) -> bool {
    let displacing = |i: usize| DISPLACING.contains(&tree.lemma(i).as_str());
    match tree.dep(k) {
        "advcl" => tree
            .children(k)
            .any(|t| matches!(t.dep(), "mark" | "prep") && displacing(t.i())),
        "pcomp" | "pobj" => tree.head(k).is_some_and(displacing),
        "relcl" | "acl" => !tree
            .children(k)
            .any(|t| t.tag() == "WRB" && matches!(tree.lemma(t.i()).as_str(), "where" | "when")),
        _ => false,
    }
}

/// The clauses whose expressions may date an event in clause `c`: `c` and the clauses above
/// it, up to and including the first displaced one ([`is_displaced`]). The flag says whether
/// the chain was cut there.
pub(crate) fn event_chain(tree: &Tree<'_>, c: usize) -> (Vec<usize>, bool) {
    let mut chain = tree.clause_chain(c);
    if let Some(cut) = chain.iter().position(|&k| is_displaced(tree, k)) {
        chain.truncate(cut + 1);
        return (chain, true);
    }
    (chain, false)
}

/// Whether a mention's kind can date an event (frequencies, times of day and the dateline
/// cannot: the first have no date, a time of day has the day of its anchor, and the dateline
/// is the story's date, used only as a fallback). Durations date only when they have a value
/// ("in the coming months", not "for three years"): see the dater's range rule.
pub(crate) fn dates_events(kind: TimeKind) -> bool {
    !matches!(kind, TimeKind::Set | TimeKind::Time | TimeKind::Dateline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines() {
        assert!(has_blank_line("a.\n\nB"));
        assert!(has_blank_line(" \n \t\n"));
        assert!(!has_blank_line("a.\nB"));
        assert!(!has_blank_line("\nx\n"));
    }
}
