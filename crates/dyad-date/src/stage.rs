//! [`TimeStage`] and [`find_mentions`]: the temporal expressions of a parsed document, attached
//! to the tokens they modify and resolved with their verb's tense and the narrative.
//!
//! For each sentence of the parse, `dyad-time` finds the expressions in the sentence's text.
//! Each is attached to the parse: its tokens, its head (the token whose head lies outside it),
//! and its governor (the head's head, past prepositions: "In February 1972, Nixon traveled" →
//! "traveled"). It is then resolved, in document order, with
//!
//! * the tense of the governor's clause ([`crate::tense_of`]): "will meet in July" is next July,
//!   "met in July" last July. A prospective complement of a past verb ("applied to join NATO in
//!   May", "demanded that Moscow withdraw") is future to that verb but not necessarily to the
//!   publication date, and the parser often hangs the head's own date on it: its expressions
//!   are read as in the past and their tense is recorded as unknown, so that they may date
//!   either clause;
//! * the previous resolved expression of the document as anchor ("the following day",
//!   "a year earlier"); the dateline's date anchors the first one;
//! * the narrative for a calendar date without a year ("Feb. 28", "in August", "in the spring"):
//!   after an earlier expression of the same paragraph that set the scene (one that modifies a
//!   clause, not a noun, and is not in the future), the year comes from that scene — "In 1972
//!   … in December" is December 1972, and after a month or a day ("In February 1972 … On Feb.
//!   28") the nearest such date to it. Such a reading is dropped when it would fall after the
//!   publication date (the reading against the publication date stands), and a clause in the
//!   future tense is never re-read.
//!
//! Two expressions side by side, "Fifty years ago this week" or "a year ago today", make one
//! date: the second moves back by the first's distance (1972-02-21..27 for the week of
//! 2022-02-21).
//!
//! The dateline's own expression takes the date the text stage resolved for it when there is
//! one.

use dyad_doc::{Doc, Layer, Stage, StageError, TimeKind, TimeMention, TimeTense};
use dyad_ontology::{PartialDate, Precision};
use dyad_time::{Finder, Kind, Resolved, Tense, TimeExpr, resolve};
use jiff::civil::Date;

use crate::narrative::{dates_events, is_premodifier, paragraphs};
use crate::tense::{clause_tense, prospective_under_past};
use crate::tree::{Class, Tree};

/// The `time` stage: fills [`Doc::times`] from [`Doc::parse`] (and reads [`Doc::dateline`]
/// when the text stage ran). A document without a parse is an error for this document only.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeStage {
    finder: Finder,
}

impl TimeStage {
    /// A stage with the default finder (numeric dates month first).
    pub fn new() -> TimeStage {
        TimeStage::default()
    }

    /// A stage with a configured finder (e.g. [`Finder::day_first`]).
    pub fn with_finder(finder: Finder) -> TimeStage {
        TimeStage { finder }
    }
}

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Times]
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        if doc.parse.is_none() {
            return Err(StageError {
                stage: "time",
                doc_id: doc.id.clone(),
                message: "the document has no parse (the parse stage did not run)".into(),
            });
        }
        doc.times = Some(find_mentions_with(&self.finder, doc));
        Ok(())
    }
}

/// The temporal expressions of `doc`, attached and resolved as the module docs say; empty when
/// the document has no parse. Mentions come in document order.
pub fn find_mentions(doc: &Doc) -> Vec<TimeMention> {
    find_mentions_with(&Finder::new(), doc)
}

/// [`find_mentions`] with a configured finder.
pub fn find_mentions_with(finder: &Finder, doc: &Doc) -> Vec<TimeMention> {
    let Some(parse) = doc.parse.as_ref() else {
        return Vec::new();
    };
    let tree = Tree::new(parse, &doc.text);
    let pub_date = doc.pub_date;
    let dateline_date = doc.dateline.as_ref().and_then(|d| d.as_ref()?.date);
    let paras = paragraphs(&tree);

    // Find and attach.
    let mut found: Vec<(TimeExpr, TimeMention)> = Vec::new();
    for s in 0..parse.sents().len() {
        let Some(span) = tree.content_span(s) else {
            continue;
        };
        let Some(sentence) = span.slice(&doc.text) else {
            continue;
        };
        for mut e in finder.find(sentence, pub_date) {
            e.start += span.start;
            e.end += span.start;
            let mspan = dyad_doc::Span::new(e.start, e.end);
            let tokens = tree.tokens_in(s, mspan);
            let head = tree.head_of(tokens.clone());
            let governor = head.and_then(|h| governor_of(&tree, h));
            let tense = match governor.map(|g| tree.clause_head(g)) {
                Some(c) if prospective_under_past(&tree, c) => TimeTense::Unknown,
                Some(c) => clause_tense(&tree, c, parse.len() + 1),
                None => TimeTense::Unknown,
            };
            let m = TimeMention {
                span: mspan,
                sentence: s,
                tokens,
                kind: kind_of(e.kind),
                value: None,
                precision: Precision::Unknown,
                end: None,
                modifier: None,
                future: false,
                anchored: false,
                tense,
                head,
                governor,
            };
            found.push((e, m));
        }
    }

    // Resolve in document order.
    let mut anchor: Option<Resolved> =
        dateline_date.map(|d| Resolved::at(PartialDate::from_date(d)));
    let mut scene: Option<(usize, Resolved)> = None;
    let mut out = Vec::with_capacity(found.len());
    for (e, mut m) in found {
        let para = paras.get(m.sentence).copied().unwrap_or(0);
        let mut r = resolve(&e, pub_date, to_time_tense(m.tense), anchor.as_ref());
        if e.kind == Kind::Dateline
            && let Some(d) = dateline_date
        {
            r = Some(Resolved {
                future: d > pub_date,
                ..Resolved::at(PartialDate::from_date(d))
            });
        }
        if m.tense != TimeTense::Future
            && let Some((p, sc)) = scene.as_ref()
            && *p == para
            && is_bare_calendar(&e, &doc.text)
            && let Some(alt) = reanchor(&e, sc, pub_date)
            && !alt.future
        {
            r = Some(alt);
        }
        if let Some(prev) = out.last()
            && let Some(shifted) = r.and_then(|r| ago_this(&doc.text, prev, &m, &r, pub_date))
        {
            r = Some(shifted);
        }
        if let Some(r) = r {
            m.value = Some(r.value);
            m.precision = r.value.precision();
            m.end = r.end;
            m.modifier = r.modifier.map(|x| x.name());
            m.future = r.future;
            m.anchored = r.anchored;
            anchor = Some(r);
            if !r.future
                && dates_events(m.kind)
                && !is_premodifier(&tree, &m)
                && matches!(
                    r.value.precision(),
                    Precision::Year | Precision::Month | Precision::Day
                )
            {
                scene = Some((para, r));
            }
        }
        out.push(m);
    }
    out
}

/// "Fifty years ago this week", "a year ago today": an expression that holds the publication
/// date ("this week", "today", "this month"), right after one that ends in "ago", moves back by
/// the same amount. `prev` is the "ago" mention as resolved, `r` the one after it.
fn ago_this(
    text: &str,
    prev: &TimeMention,
    m: &TimeMention,
    r: &Resolved,
    pub_date: Date,
) -> Option<Resolved> {
    let gap = text.get(prev.span.end..m.span.start)?;
    let prev_text = text.get(prev.span.start..prev.span.end)?;
    let back = prev.value?;
    if prev.sentence != m.sentence
        || !gap.trim().is_empty()
        || prev.kind != TimeKind::Relative
        || m.kind != TimeKind::Relative
        || !prev_text.to_lowercase().ends_with("ago")
        || !(r.value.first_day() <= pub_date && pub_date <= r.end.unwrap_or(r.value).last_day())
    {
        return None;
    }
    let shift = |d: PartialDate| -> Option<PartialDate> {
        let first = d.first_day();
        let moved = match back.precision() {
            Precision::Year => first
                .checked_sub(jiff::Span::new().years(pub_date.year() - back.year_number()))
                .ok()?,
            Precision::Month => {
                let months = (pub_date.year() as i32 - back.year_number() as i32) * 12
                    + pub_date.month() as i32
                    - back.month_number()? as i32;
                first.checked_sub(jiff::Span::new().months(months)).ok()?
            }
            Precision::Day => {
                let days = back.first_day().until(pub_date).ok()?.get_days();
                first.checked_sub(jiff::Span::new().days(days)).ok()?
            }
            _ => return None,
        };
        match d.precision() {
            Precision::Day => Some(PartialDate::from_date(moved)),
            Precision::Month => PartialDate::month(moved.year(), moved.month() as u8).ok(),
            Precision::Year => PartialDate::year(moved.year()).ok(),
            _ => None,
        }
    };
    let value = shift(r.value)?;
    let end = match r.end {
        Some(e) => Some(shift(e)?),
        None => None,
    };
    Some(Resolved {
        value,
        end,
        modifier: r.modifier,
        future: value.first_day() > pub_date,
        anchored: true,
    })
}

/// The token a mention's head modifies, past prepositions ("in", "on", "since").
fn governor_of(tree: &Tree<'_>, head: usize) -> Option<usize> {
    let mut g = tree.head(head)?;
    for _ in 0..=tree.parse.len() {
        if tree.class(g) == Class::Adp || matches!(tree.dep(g), "prep" | "agent") {
            g = tree.head(g)?;
        } else {
            return Some(g);
        }
    }
    Some(g)
}

fn kind_of(k: Kind) -> TimeKind {
    match k {
        Kind::Date => TimeKind::Date,
        Kind::Relative => TimeKind::Relative,
        Kind::Anaphoric => TimeKind::Anaphoric,
        Kind::Duration => TimeKind::Duration,
        Kind::Range => TimeKind::Range,
        Kind::Period => TimeKind::Period,
        Kind::Set => TimeKind::Set,
        Kind::Time => TimeKind::Time,
        Kind::Dateline => TimeKind::Dateline,
    }
}

/// The `dyad-time` tense of a clause tense.
pub(crate) fn to_time_tense(t: TimeTense) -> Tense {
    match t {
        TimeTense::Past => Tense::Past,
        TimeTense::Present => Tense::Present,
        TimeTense::Future => Tense::Future,
        TimeTense::Unknown => Tense::Unknown,
    }
}

/// Words that tie an expression to the publication date whatever the narrative says.
const DEICTIC: &[&str] = &[
    "last",
    "next",
    "this",
    "coming",
    "past",
    "ago",
    "later",
    "earlier",
    "previous",
    "following",
    "recent",
    "current",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
];

/// A calendar date without a year ("Feb. 28", "in August", "in the spring").
fn is_bare_calendar(e: &TimeExpr, text: &str) -> bool {
    if e.kind != Kind::Relative || !e.tense_sensitive() {
        return false;
    }
    let words: Vec<String> = e
        .text(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| {
        matches!(
            dyad_time::calendar_word(w),
            Some(dyad_time::CalendarWord::Month | dyad_time::CalendarWord::Season)
        )
    }) && !words.iter().any(|w| DEICTIC.contains(&w.as_str()))
        && !words
            .iter()
            .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// `e` read against the scene's date instead of the publication date: inside the scene's year
/// when the scene is a year, else the nearest to the scene's month or day. `future` is set
/// against the real publication date.
fn reanchor(e: &TimeExpr, scene: &Resolved, pub_date: Date) -> Option<Resolved> {
    let v = scene.value;
    let (around, tense) = match v.precision() {
        Precision::Year => (Date::new(v.year_number(), 12, 31).ok()?, Tense::Past),
        Precision::Month => {
            let first = v.first_day();
            (first.with().day(15).build().ok()?, Tense::Present)
        }
        Precision::Day => (v.first_day(), Tense::Present),
        _ => return None,
    };
    let mut r = resolve(e, around, tense, None)?;
    r.future = r.value.first_day() > pub_date;
    r.anchored = true;
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testparse::{doc, tok};
    use jiff::civil::date;

    fn mentions(d: &mut Doc) -> Vec<(String, String, Option<usize>)> {
        TimeStage::new().run(d).unwrap();
        d.times
            .as_ref()
            .unwrap()
            .iter()
            .map(|m| {
                let v = m.value.map_or("-".to_string(), |v| v.to_string());
                let v = match m.end {
                    Some(e) => format!("{v}..{e}"),
                    None => v,
                };
                let v = if m.future { format!("{v}!") } else { v };
                (d.slice(m.span).to_string(), v, m.governor)
            })
            .collect()
    }

    #[test]
    fn stage_contract() {
        let s = TimeStage::new();
        assert_eq!(s.name(), "time");
        assert_eq!(s.requires(), [Layer::Parse]);
        assert_eq!(s.assigns(), [Layer::Times]);
        let mut d = Doc::new("x", date(2024, 1, 1), "No parse.".into());
        let err = s.run(&mut d).unwrap_err();
        assert_eq!(err.stage, "time");
        assert!(d.times.is_none());
        assert!(find_mentions(&d).is_empty());
    }

    /// "They met in July. They will meet in July."
    #[test]
    fn the_governing_verb_gives_the_tense() {
        let s1 = "
            They PRP they 2 nsubj
            met VBD meet 0 ROOT
            in IN in 2 prep
            July NNP July 3 pobj
            . . . 2 punct";
        let s2 = "
            They PRP they 3 nsubj
            will MD will 3 aux
            meet VB meet 0 ROOT
            in IN in 3 prep
            July NNP July 4 pobj
            . . . 3 punct";
        let mut d = doc(date(2024, 6, 19), &[&[s1], &[s2]]);
        let m = mentions(&mut d);
        assert_eq!(
            m[0],
            ("July".into(), "2023-07".into(), Some(tok(&d, "met", 0)))
        );
        assert_eq!(
            m[1],
            ("July".into(), "2024-07!".into(), Some(tok(&d, "meet", 0)))
        );
        let times = d.times.as_ref().unwrap();
        assert_eq!(times[0].tense, TimeTense::Past);
        assert_eq!(times[1].tense, TimeTense::Future);
        assert_eq!(times[1].sentence, 1);
        assert_eq!(times[1].head, Some(tok(&d, "July", 1)));
    }

    /// "In 1972, Nixon visited China. In December, he won. ¶ In December, Biden spoke."
    #[test]
    fn a_date_without_a_year_takes_the_year_of_the_paragraph() {
        let s1 = "
            In IN in 5 prep
            1972 CD 1972 1 pobj
            , , , 5 punct
            Nixon NNP Nixon 5 nsubj
            visited VBD visit 0 ROOT
            China NNP China 5 dobj
            . . . 5 punct";
        let s2 = "
            In IN in 5 prep
            December NNP December 1 pobj
            , , , 5 punct
            he PRP he 5 nsubj
            won VBD win 0 ROOT
            . . . 5 punct";
        let s3 = "
            In IN in 5 prep
            December NNP December 1 pobj
            , , , 5 punct
            Biden NNP Biden 5 nsubj
            spoke VBD speak 0 ROOT
            . . . 5 punct";
        let mut d = doc(date(2024, 6, 19), &[&[s1, s2], &[s3]]);
        let m = mentions(&mut d);
        assert_eq!(m[1].1, "1972-12");
        assert!(d.times.as_ref().unwrap()[1].anchored);
        // A new paragraph reads it against the publication date.
        assert_eq!(m[2].1, "2023-12");
    }

    /// "In February 1972, Nixon went to China. On Feb. 28, they issued a communique."
    #[test]
    fn a_day_without_a_year_takes_the_nearest_to_the_scene() {
        let s1 = "
            In IN in 6 prep
            February NNP February 1 pobj
            1972 CD 1972 2 nummod
            , , , 6 punct
            Nixon NNP Nixon 6 nsubj
            went VBD go 0 ROOT
            to IN to 6 prep
            China NNP China 7 pobj
            . . . 6 punct";
        let s2 = "
            On IN on 7 prep
            Feb. NNP Feb. 1 pobj
            28 CD 28 2 nummod
            , , , 7 punct
            they PRP they 7 nsubj
            issued VBD issue 0 ROOT
            a DT a 9 det
            communique NN communique 7 dobj
            . . . 7 punct";
        let mut d = doc(date(2022, 2, 21), &[&[s1, s2]]);
        let m = mentions(&mut d);
        assert_eq!(m[1].0, "Feb. 28");
        assert_eq!(m[1].1, "1972-02-28");
    }

    /// "Fifty years ago this week, the world changed."
    #[test]
    fn years_ago_this_week() {
        let s = "
            Fifty CD fifty 2 nummod
            years NNS year 3 npadvmod
            ago RB ago 9 advmod
            this DT this 5 det
            week NN week 9 npadvmod
            , , , 9 punct
            the DT the 8 det
            world NN world 9 nsubj
            changed VBD change 0 ROOT
            . . . 9 punct";
        let mut d = doc(date(2022, 2, 21), &[&[s]]);
        let m = mentions(&mut d);
        assert_eq!(m[0].1, "1972");
        assert_eq!(m[1].0, "this week");
        assert_eq!(m[1].1, "1972-02-21..1972-02-27");
    }

    /// A mention the parse leaves unattached (a one-word fragment) has no governor and an
    /// unknown tense.
    #[test]
    fn fragments() {
        let mut d = doc(date(2024, 6, 19), &[&["1956 CD 1956 0 ROOT"]]);
        let m = mentions(&mut d);
        assert_eq!(m, [("1956".into(), "1956".into(), None)]);
        assert_eq!(d.times.as_ref().unwrap()[0].tense, TimeTense::Unknown);
    }
}
