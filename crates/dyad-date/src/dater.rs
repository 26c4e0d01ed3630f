//! [`EventDater`]: the date of one event, from the expression that governs it.
//!
//! Given the event's word (its verb, or the noun of a nominal event), the dater takes the first
//! of these that gives a usable date:
//!
//! 1. **Verb** ([`DateLevel::Verb`]): an expression that modifies the word itself, directly
//!    or through a preposition, adverb or adjective ("clashed *in March 1969*", "met *as early
//!    as 1956*", "the *1979* invasion" for the noun "invasion").
//! 2. **Clause** ([`DateLevel::Clause`]): one elsewhere in the word's clause, attached to an
//!    argument but not before a noun ("held talks *on Wednesday*", "the talks ended *on
//!    Wednesday*" for the noun "talks"); then, clause by clause upwards, one of a clause that
//!    governs it ("traveled to Beijing *in February 1972*, where he met Mao" dates "met";
//!    "said *on Monday* that troops attacked" dates "attacked").
//! 3. **Sentence** ([`DateLevel::Sentence`]): the nearest other expression of the sentence,
//!    leaving out those that date a noun before which they stand ("recalls *the 1979*
//!    invasion" does not date "recalls") and those inside a clause with a time of its own that
//!    does not contain the event ("Kim, who met Putin *in 2019*, said ...").
//! 4. **Narrative** ([`DateLevel::Narrative`]): for an event in the past tense (or of unknown
//!    tense) in a sentence with no date of its own, the time an earlier sentence of the same
//!    paragraph set: the expression that dates that sentence's main verb by rules 1 and 2, the
//!    nearest such sentence back. "In March 1969 Soviet and Chinese troops clashed on the
//!    Ussuri River. Dozens of soldiers died." dates "died" March 1969. A present or future
//!    event does not inherit the past, nor does one in the present perfect ("Egypt has offered
//!    to mediate" is seen from now), and a sentence with a date of its own that does not fit
//!    the event ("On Wednesday, Beijing will host a delegation, officials said": "said" is
//!    past, Wednesday future) has left the narrative. Open ranges ("since 2000") set no scene.
//! 5. **Dateline** ([`DateLevel::Dateline`]): the date of the story's dateline (the text
//!    stage's, else the one `dyad-time` reads at the top of the first sentence), for events
//!    that are not in the future and when it is not after the publication date.
//! 6. **Publication** ([`DateLevel::Publication`]): the publication date.
//!
//! Levels 1–3 give [`DateBasis::Text`], 4 and 5 [`DateBasis::Context`], 6
//! [`DateBasis::Publication`]. Within a level the finest date wins, then the first (at level 3,
//! the nearest).
//!
//! **Tense and modality.** The event's tense is read from the parse ([`crate::tense_of`]). A
//! future or hypothetical event ("will visit", "would attack", "plans to meet", "pledged to
//! help") is flagged `future` and only takes an expression that is not wholly before the
//! publication date; without one it gets the publication date (basis `publication`), never a
//! past date. A past-tense event only takes an expression that starts on or before the
//! publication date and is not marked future ("later this year"). An event in the present
//! tense ("the summit opens on Thursday") or of unknown tense may take a future expression and
//! is then flagged `future`. So a date after the publication date always comes with `future`.
//!
//! **Clauses with a time of their own.** An adverbial clause under "after", "before", "since",
//! "until" or "following" is not dated by the clause it modifies, nor that clause by it: "The
//! meeting came after Trump invited Kim on Saturday" dates "invited", not "came". Nor is a
//! relative or participial clause that describes a participant ("the militant group that has
//! seized parts of Iraq" is not dated by "said on Monday"). A "when" clause and a relative
//! clause of place or time ("traveled to Beijing, where he met Mao") share the time of the
//! clause they modify. An event in a clause with a time of its own takes, at level 3, only
//! the expressions of that clause.
//!
//! **Tenses must agree.** An expression resolved in a clause of another tense (past against
//! present or future) does not date the event: "plans to hold talks next month" dates "hold",
//! not "plans".
//!
//! **Ranges.** A range dates an event by the smallest day, month, year or decade that holds it
//! when that is at most one step coarser than the range's start ("last week" → its month,
//! "between 1950 and 1953" → the 1950s); a week across two months takes the month with more of
//! its days. Otherwise the start dates the event ("from 1962 to 1975" → 1962, "since November"
//! → that November). A named period is dated by what holds it however coarse ("the Korean War"
//! → the 1950s) and has no date when no decade does ("during the Cold War": precision
//! `unknown`, basis `text`; [`EventDate::from`] and [`EventDate::to`] keep the range). A
//! duration with a value ("in the coming months", "in recent weeks") dates an event only by
//! what holds it within one step ("the coming months" from August → that year); "over the
//! past five years" dates nothing.

use std::borrow::Cow;

use dyad_doc::{Doc, Event, Span, TimeKind, TimeMention, TimeTense};
use dyad_ontology::{DateBasis, PartialDate, Precision};
use jiff::ToSpan;
use jiff::civil::Date;

use crate::narrative::{
    attaches_to, clause_of, dates_events, event_chain, is_displaced, is_premodifier, paragraphs,
};
use crate::stage::find_mentions;
use crate::tense::clause_tense;
use crate::tree::{Class, Tree};

/// Which rule dated an event (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateLevel {
    /// An expression modifying the event's word.
    Verb,
    /// An expression of the event's clause or of a clause governing it.
    Clause,
    /// Another expression of the sentence.
    Sentence,
    /// The time an earlier sentence of the paragraph set.
    Narrative,
    /// The story's dateline.
    Dateline,
    /// The publication date.
    Publication,
}

impl DateLevel {
    /// A short lower-case name ("verb", "clause", ...), as `dyad explain` may show it.
    pub fn as_str(self) -> &'static str {
        match self {
            DateLevel::Verb => "verb",
            DateLevel::Clause => "clause",
            DateLevel::Sentence => "sentence",
            DateLevel::Narrative => "narrative",
            DateLevel::Dateline => "dateline",
            DateLevel::Publication => "publication",
        }
    }

    /// The event record's `date_basis` for this level.
    pub fn basis(self) -> DateBasis {
        match self {
            DateLevel::Verb | DateLevel::Clause | DateLevel::Sentence => DateBasis::Text,
            DateLevel::Narrative | DateLevel::Dateline => DateBasis::Context,
            DateLevel::Publication => DateBasis::Publication,
        }
    }
}

/// The date of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// When the event happened, as precisely as the text says; `None` only for a named period
    /// too long to date ("during the Cold War").
    pub date: Option<PartialDate>,
    /// How precisely `date` is known.
    pub precision: Precision,
    /// Where the date came from.
    pub basis: DateBasis,
    /// Which rule found it.
    pub level: DateLevel,
    /// The expression that dated the event (for levels verb to narrative), as a byte span of the
    /// document's text.
    pub span: Option<Span>,
    /// Its index in the dater's mentions ([`EventDater::mentions`], the document's
    /// [`Doc::times`] when the time stage ran).
    pub mention: Option<usize>,
    /// The expression's own value when it is a range (its start), else `None`.
    pub from: Option<PartialDate>,
    /// The end of that range.
    pub to: Option<PartialDate>,
    /// A future or hypothetical event, or one dated after the publication date.
    pub future: bool,
    /// The tense of the event's clause.
    pub tense: TimeTense,
}

impl EventDate {
    /// The day to resolve actor codes with (an actor's role is dated by day): the date itself
    /// when known to the day; else the middle of the month (the 15th), year (1 July) or
    /// decade (1 July of its sixth year), or of the range for an undated period. An event that
    /// is not in the future never gets a day after `pub_date`.
    pub fn actor_day(&self, pub_date: Date) -> Option<Date> {
        let day = match self.date {
            Some(d) => {
                let y = d.year_number();
                match d.precision() {
                    Precision::Day | Precision::Unknown => Some(d.first_day()),
                    Precision::Month => Some(d.first_day().with().day(15).build().ok()?),
                    Precision::Year => Date::new(y, 7, 1).ok(),
                    Precision::Decade => Date::new(y.saturating_add(5), 7, 1).ok(),
                }
            }
            None => {
                let (a, b) = (self.from?.first_day(), self.to?.last_day());
                let days = a.until(b).ok()?.get_days() / 2;
                a.checked_add(days.days()).ok()
            }
        }?;
        Some(if self.future { day } else { day.min(pub_date) })
    }

    /// Set `date`, `date_precision`, `date_basis` and `date_range` of an event record.
    pub fn apply_to(&self, event: &mut Event) {
        event.date = self.date;
        event.date_precision = self.precision;
        event.date_basis = self.basis;
        event.date_range = self.from.zip(self.to).map(|(a, b)| [a, b]);
    }
}

/// Dates the events of one document (see the module docs). Built once per document; each
/// call is cheap.
#[derive(Debug, Clone)]
pub struct EventDater<'d> {
    doc: &'d Doc,
    tree: Option<Tree<'d>>,
    mentions: Cow<'d, [TimeMention]>,
    by_sentence: Vec<Vec<usize>>,
    paragraph: Vec<usize>,
    scene: Vec<Option<usize>>,
    dateline: Option<Date>,
}

impl<'d> EventDater<'d> {
    /// A dater for `doc`, over its [`Doc::times`] when the time stage ran, else over mentions
    /// it finds itself (as the stage would). Without a parse every event gets the dateline's or
    /// the publication date.
    pub fn new(doc: &'d Doc) -> EventDater<'d> {
        let mentions: Cow<'d, [TimeMention]> = match &doc.times {
            Some(t) => Cow::Borrowed(t.as_slice()),
            None => Cow::Owned(find_mentions(doc)),
        };
        let tree = doc.parse.as_ref().map(|p| Tree::new(p, &doc.text));
        let n = doc.parse.as_ref().map_or(0, |p| p.sents().len());
        let mut by_sentence = vec![Vec::new(); n];
        for (i, m) in mentions.iter().enumerate() {
            if let Some(list) = by_sentence.get_mut(m.sentence) {
                list.push(i);
            }
        }
        let paragraph = tree.as_ref().map(paragraphs).unwrap_or_default();
        // The text stage's dateline, else one the finder read at the top of the story.
        let dateline = doc
            .dateline
            .as_ref()
            .and_then(|d| d.as_ref()?.date)
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| m.kind == TimeKind::Dateline && m.sentence == 0)
                    .and_then(|m| m.value)
                    .filter(|v| v.precision() == Precision::Day)
                    .map(|v| v.first_day())
            });
        let mut dater = EventDater {
            doc,
            tree,
            mentions,
            by_sentence,
            paragraph,
            scene: Vec::new(),
            dateline,
        };
        dater.scene = (0..n).map(|s| dater.scene_of(s)).collect();
        dater
    }

    /// The temporal expressions the dater uses, in document order.
    pub fn mentions(&self) -> &[TimeMention] {
        &self.mentions
    }

    /// The date of the event whose word is parse token `token` in sentence `sentence` (of
    /// [`dyad_doc::Parse::sents`]; the token's own sentence is used if they disagree).
    pub fn date_token(&self, sentence: usize, token: usize) -> EventDate {
        let Some(tree) = self.tree.as_ref().filter(|t| t.tok(token).is_some()) else {
            return self.fallback(sentence, TimeTense::Unknown);
        };
        let s = tree.sent_of(token).unwrap_or(sentence);
        let tense = clause_tense(tree, tree.clause_head(token), tree.parse.len() + 1);
        let pub_date = self.doc.pub_date;
        let accept = |m: &TimeMention| acceptable(m, tense, pub_date);
        if let Some((i, level)) = self.in_sentence(tree, s, token, &accept, true) {
            return self.dated_by(i, level, tense);
        }
        if matches!(tense, TimeTense::Past | TimeTense::Unknown)
            && !self.sets_own_time(tree, s)
            && !present_perfect(tree, tree.clause_head(token))
        {
            let para = self.paragraph.get(s).copied();
            for prev in (0..s).rev() {
                if self.paragraph.get(prev).copied() != para {
                    break;
                }
                if let Some(i) = self.scene.get(prev).copied().flatten() {
                    if self.mentions.get(i).is_some_and(accept) {
                        return self.dated_by(i, DateLevel::Narrative, tense);
                    }
                    break;
                }
            }
        }
        self.fallback(s, tense)
    }

    /// The date of the event whose words are `verb` (a byte span of the text, as the coder
    /// records it) in sentence `sentence`: the word of the span whose head lies outside it
    /// dates the event, a verb preferred.
    pub fn date_span(&self, sentence: usize, verb: Span) -> EventDate {
        let Some(tree) = self.tree.as_ref() else {
            return self.fallback(sentence, TimeTense::Unknown);
        };
        let tokens = tree.tokens_in(sentence, verb);
        let pick = tokens
            .clone()
            .find(|&i| {
                matches!(tree.class(i), Class::Verb | Class::Aux)
                    && !matches!(tree.dep(i), "aux" | "auxpass")
            })
            .or_else(|| tree.head_of(tokens));
        match pick {
            Some(t) => self.date_token(sentence, t),
            None => self.fallback(sentence, TimeTense::Unknown),
        }
    }

    /// The date of sentence `sentence` as a whole: that of its main verb.
    pub fn sentence_date(&self, sentence: usize) -> EventDate {
        match self.tree.as_ref().and_then(|t| root_of(t, sentence)) {
            Some(r) => self.date_token(sentence, r),
            None => self.fallback(sentence, TimeTense::Unknown),
        }
    }

    /// Whether sentence `s` has an expression of its own that could date a clause (one that
    /// is not a duration, a frequency, a time of day or before a noun): such a sentence has
    /// left the narrative of the ones before it, even if none of its expressions fits the
    /// event ("On Wednesday, Beijing will host a delegation, officials said.").
    fn sets_own_time(&self, tree: &Tree<'_>, s: usize) -> bool {
        self.by_sentence.get(s).is_some_and(|list| {
            list.iter().any(|&i| {
                let m = &self.mentions[i];
                dates_events(m.kind) && m.value.is_some() && !is_premodifier(tree, m)
            })
        })
    }

    /// The expression that dates sentence `s`'s main verb by levels 1 and 2, if it is a past
    /// (or present) date: the time the sentence sets for the ones after it.
    fn scene_of(&self, s: usize) -> Option<usize> {
        let tree = self.tree.as_ref()?;
        let root = root_of(tree, s)?;
        let pub_date = self.doc.pub_date;
        let accept = |m: &TimeMention| {
            acceptable(m, TimeTense::Past, pub_date)
                && m.end.is_none_or(|e| e.last_day() < pub_date)
        };
        self.in_sentence(tree, s, root, &accept, false)
            .map(|(i, _)| i)
    }

    /// Levels 1 to 3 within sentence `s` for the event word `v`.
    fn in_sentence(
        &self,
        tree: &Tree<'_>,
        s: usize,
        v: usize,
        accept: &dyn Fn(&TimeMention) -> bool,
        whole_sentence: bool,
    ) -> Option<(usize, DateLevel)> {
        let list = self.by_sentence.get(s)?;
        let cands: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| {
                self.mentions
                    .get(i)
                    .is_some_and(|m| dates_events(m.kind) && accept(m))
            })
            .collect();
        if cands.is_empty() {
            return None;
        }
        let m = |i: usize| &self.mentions[i];
        // 1. The word itself.
        if let Some(i) = self.finest(
            cands
                .iter()
                .copied()
                .filter(|&i| attaches_to(tree, m(i), v)),
        ) {
            return Some((i, DateLevel::Verb));
        }
        // 2. Its clause, then the clauses above it.
        let (chain, cut) = event_chain(tree, tree.clause_head(v));
        for &c in &chain {
            let here = cands
                .iter()
                .copied()
                .filter(|&i| clause_of(tree, m(i)) == Some(c) && !is_premodifier(tree, m(i)));
            if let Some(i) = self.finest(here) {
                return Some((i, DateLevel::Clause));
            }
        }
        if !whole_sentence {
            return None;
        }
        // 3. The nearest other expression of the sentence; only those of its own clause for
        // an event in a displaced clause.
        let displaced = cut.then(|| chain.last().copied()).flatten();
        cands
            .iter()
            .copied()
            .filter(|&i| {
                let mm = m(i);
                if is_premodifier(tree, mm) {
                    return false;
                }
                match displaced {
                    Some(d) => {
                        clause_of(tree, mm).is_some_and(|c| tree.clause_chain(c).contains(&d))
                    }
                    None => !in_other_modifier_clause(tree, mm, &chain),
                }
            })
            .min_by_key(|&i| {
                let at = m(i).head.unwrap_or(m(i).tokens.start);
                at.abs_diff(v)
            })
            .map(|i| (i, DateLevel::Sentence))
    }

    /// Of `cands`, the one with the finest event date; the first among equals.
    fn finest(&self, cands: impl Iterator<Item = usize>) -> Option<usize> {
        let mut best: Option<(Precision, usize)> = None;
        for i in cands {
            let p = event_value(&self.mentions[i]).1;
            if best.is_none_or(|(bp, _)| p < bp) {
                best = Some((p, i));
            }
        }
        best.map(|(_, i)| i)
    }

    fn dated_by(&self, i: usize, level: DateLevel, tense: TimeTense) -> EventDate {
        let m = &self.mentions[i];
        let (date, precision) = event_value(m);
        let after = date
            .or(m.value)
            .is_some_and(|d| d.first_day() > self.doc.pub_date);
        EventDate {
            date,
            precision,
            basis: level.basis(),
            level,
            span: Some(m.span),
            mention: Some(i),
            from: m.end.and(m.value),
            to: m.end,
            future: tense == TimeTense::Future || m.future || after,
            tense,
        }
    }

    /// Levels 5 and 6.
    fn fallback(&self, _sentence: usize, tense: TimeTense) -> EventDate {
        let pub_date = self.doc.pub_date;
        let future = tense == TimeTense::Future;
        let (date, level) = match self.dateline {
            Some(d) if !future && d <= pub_date => (d, DateLevel::Dateline),
            _ => (pub_date, DateLevel::Publication),
        };
        EventDate {
            date: Some(PartialDate::from_date(date)),
            precision: Precision::Day,
            basis: level.basis(),
            level,
            span: None,
            mention: None,
            from: None,
            to: None,
            future,
            tense,
        }
    }
}

/// Whether clause `c` is in the present perfect ("has offered", "have agreed"): a past event
/// seen from now, which takes no past narrative time.
fn present_perfect(tree: &Tree<'_>, c: usize) -> bool {
    tree.children(c).any(|t| {
        t.dep() == "aux" && tree.lemma(t.i()) == "have" && matches!(t.tag(), "VBZ" | "VBP")
    })
}

/// Whether mention `m` may date an event of tense `tense` (see the module docs).
fn acceptable(m: &TimeMention, tense: TimeTense, pub_date: Date) -> bool {
    let Some(v) = m.value else { return false };
    if m.kind == TimeKind::Duration && event_value(m).0.is_none() {
        return false;
    }
    let first = v.first_day();
    let last = m.end.unwrap_or(v).last_day();
    let agree = tense == m.tense || tense == TimeTense::Unknown || m.tense == TimeTense::Unknown;
    agree
        && match tense {
            TimeTense::Future => last >= pub_date,
            TimeTense::Past => !m.future && first <= pub_date,
            TimeTense::Present | TimeTense::Unknown => true,
        }
}

/// The date and precision a mention gives an event (see "Ranges" in the module docs).
fn event_value(m: &TimeMention) -> (Option<PartialDate>, Precision) {
    let Some(v) = m.value else {
        return (None, Precision::Unknown);
    };
    let Some(end) = m.end else {
        return (Some(v), v.precision());
    };
    let (a, b) = (v.first_day(), end.last_day());
    match covering(a, b) {
        Some(c) if m.kind == TimeKind::Period || levels(v.precision(), c.precision()) <= 1 => {
            (Some(c), c.precision())
        }
        None if m.kind == TimeKind::Period => (None, Precision::Unknown),
        _ if m.kind == TimeKind::Duration => (None, Precision::Unknown),
        _ => (Some(v), v.precision()),
    }
}

/// How many steps coarser `b` is than `a` (day → month → year → decade).
fn levels(a: Precision, b: Precision) -> usize {
    let rank = |p: Precision| -> usize {
        match p {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Year => 2,
            Precision::Decade => 3,
            Precision::Unknown => 4,
        }
    };
    rank(b).saturating_sub(rank(a))
}

/// The smallest day, month, year or decade holding `a..=b`; a span of up to 31 days across
/// two months gives the month with more of its days.
fn covering(a: Date, b: Date) -> Option<PartialDate> {
    let (a, b) = if b < a { (b, a) } else { (a, b) };
    if a == b {
        return Some(PartialDate::from_date(a));
    }
    if a.year() == b.year() && a.month() == b.month() {
        return PartialDate::month(a.year(), a.month() as u8).ok();
    }
    let short = a.until(b).is_ok_and(|s| s.get_days() <= 31);
    if short {
        let in_first = a.days_in_month() as i32 - a.day() as i32 + 1;
        let in_second = b.day() as i32;
        let d = if in_first >= in_second { a } else { b };
        return PartialDate::month(d.year(), d.month() as u8).ok();
    }
    if a.year() == b.year() {
        return PartialDate::year(a.year()).ok();
    }
    if a.year() / 10 == b.year() / 10 {
        return PartialDate::decade(a.year()).ok();
    }
    None
}

/// The main verb of sentence `s`: its first root, a verb preferred.
fn root_of(tree: &Tree<'_>, s: usize) -> Option<usize> {
    let range = tree.sent(s);
    let roots: Vec<usize> = range.filter(|&i| tree.head(i).is_none()).collect();
    roots
        .iter()
        .copied()
        .find(|&r| matches!(tree.class(r), Class::Verb | Class::Aux))
        .or_else(|| roots.first().copied())
}

/// Whether `m` lies in a relative, adnominal or displaced clause that is not among `chain`
/// (the clauses holding the event).
fn in_other_modifier_clause(tree: &Tree<'_>, m: &TimeMention, chain: &[usize]) -> bool {
    let Some(c) = clause_of(tree, m) else {
        return false;
    };
    for k in tree.clause_chain(c) {
        if chain.contains(&k) {
            return false;
        }
        if matches!(tree.dep(k), "relcl" | "acl") || is_displaced(tree, k) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testparse::{doc, sent, tok};
    use dyad_doc::Stage;
    use jiff::civil::date;

    /// "In February 1972, Nixon traveled to Beijing, where he met Mao. The following day they
    /// toured the city. Crowds watched. ¶ Biden says ties matter."
    fn nixon() -> Doc {
        let s1 = "
            In IN in 6 prep
            February NNP February 1 pobj
            1972 CD 1972 2 nummod
            , , , 6 punct
            Nixon NNP Nixon 6 nsubj
            traveled VBD travel 0 ROOT
            to IN to 6 prep
            Beijing NNP Beijing 7 pobj
            , , , 8 punct
            where WRB where 12 advmod
            he PRP he 12 nsubj
            met VBD meet 8 relcl
            Mao NNP Mao 12 dobj
            . . . 6 punct";
        let s2 = "
            The DT the 3 det
            following JJ following 3 amod
            day NN day 5 npadvmod
            they PRP they 5 nsubj
            toured VBD tour 0 ROOT
            the DT the 7 det
            city NN city 5 dobj
            . . . 5 punct";
        let s3 = "
            Crowds NNS crowd 2 nsubj
            watched VBD watch 0 ROOT
            . . . 2 punct";
        let s4 = "
            Biden NNP Biden 2 nsubj
            says VBZ say 0 ROOT
            ties NNS tie 4 nsubj
            matter VBP matter 2 ccomp
            . . . 2 punct";
        let mut d = doc(date(2022, 2, 21), &[&[s1, s2, s3], &[s4]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        d
    }

    fn date_of(d: &Doc, word: &str, n: usize) -> EventDate {
        let t = tok(d, word, n);
        EventDater::new(d).date_token(sent(d, t), t)
    }

    fn show(e: &EventDate) -> String {
        format!(
            "{} {} {} {}{}",
            e.date.map_or("-".to_string(), |d| d.to_string()),
            e.precision.as_str(),
            e.basis.as_str(),
            e.level.as_str(),
            if e.future { " future" } else { "" }
        )
    }

    #[test]
    fn verb_clause_narrative_publication() {
        let d = nixon();
        assert_eq!(show(&date_of(&d, "traveled", 0)), "1972-02 month text verb");
        let met = date_of(&d, "met", 0);
        assert_eq!(show(&met), "1972-02 month text clause");
        assert_eq!(d.slice(met.span.unwrap()), "February 1972");
        // "The following day" is anchored on February 1972: no finer than the month.
        assert_eq!(show(&date_of(&d, "toured", 0)), "1972-02 month text verb");
        // No date in the sentence: the paragraph's narrative.
        assert_eq!(
            show(&date_of(&d, "watched", 0)),
            "1972-02 month context narrative"
        );
        // A new paragraph, present tense: the publication date.
        assert_eq!(
            show(&date_of(&d, "says", 0)),
            "2022-02-21 day publication publication"
        );
        assert_eq!(
            show(&date_of(&d, "matter", 0)),
            "2022-02-21 day publication publication"
        );
    }

    #[test]
    fn span_lookup_and_sentence_date() {
        let d = nixon();
        let dater = EventDater::new(&d);
        let t = tok(&d, "met", 0);
        let span = d.parse.as_ref().unwrap().token(t).unwrap().span();
        assert_eq!(dater.date_span(0, span), dater.date_token(0, t));
        assert_eq!(
            show(&dater.sentence_date(2)),
            "1972-02 month context narrative"
        );
        // Indices out of range fall back instead of failing.
        assert_eq!(dater.date_token(99, 9999).level, DateLevel::Publication);
        assert_eq!(
            dater.date_span(99, Span::new(5000, 5001)).level,
            DateLevel::Publication
        );
    }

    #[test]
    fn dater_without_time_stage_or_parse() {
        let mut d = nixon();
        let with_stage = date_of(&d, "watched", 0);
        d.times = None;
        assert_eq!(date_of(&d, "watched", 0), with_stage);
        d.parse = None;
        let e = EventDater::new(&d).date_token(0, 3);
        assert_eq!(show(&e), "2022-02-21 day publication publication");
    }

    /// "Vietnam recalls the 1979 invasion."
    #[test]
    fn a_year_before_a_noun_dates_the_noun_only() {
        let s = "
            Vietnam NNP Vietnam 2 nsubj
            recalls VBZ recall 0 ROOT
            the DT the 5 det
            1979 CD 1979 5 nummod
            invasion NN invasion 2 dobj
            . . . 2 punct";
        let mut d = doc(date(2023, 2, 24), &[&[s]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(
            show(&date_of(&d, "recalls", 0)),
            "2023-02-24 day publication publication"
        );
        assert_eq!(show(&date_of(&d, "invasion", 0)), "1979 year text verb");
    }

    /// "Putin will visit Beijing next month. Putin said on Monday that he would visit China.
    /// The summit opens on Thursday."
    #[test]
    fn future_events_are_flagged_and_never_dated_into_the_past() {
        let s1 = "
            Putin NNP Putin 3 nsubj
            will MD will 3 aux
            visit VB visit 0 ROOT
            Beijing NNP Beijing 3 dobj
            next JJ next 6 amod
            month NN month 3 npadvmod
            . . . 3 punct";
        let s2 = "
            Putin NNP Putin 2 nsubj
            said VBD say 0 ROOT
            on IN on 2 prep
            Monday NNP Monday 3 pobj
            that IN that 8 mark
            he PRP he 8 nsubj
            would MD would 8 aux
            visit VB visit 2 ccomp
            China NNP China 8 dobj
            . . . 2 punct";
        let s3 = "
            The DT the 2 det
            summit NN summit 3 nsubj
            opens VBZ open 0 ROOT
            on IN on 3 prep
            Thursday NNP Thursday 4 pobj
            . . . 3 punct";
        let mut d = doc(date(2024, 6, 19), &[&[s1, s2, s3]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(
            show(&date_of(&d, "visit", 0)),
            "2024-07 month text verb future"
        );
        assert_eq!(show(&date_of(&d, "said", 0)), "2024-06-17 day text verb");
        // Monday is past: the visit it reports is not dated by it.
        assert_eq!(
            show(&date_of(&d, "visit", 1)),
            "2024-06-19 day publication publication future"
        );
        // The news present of a scheduled event: the coming Thursday, flagged.
        assert_eq!(
            show(&date_of(&d, "opens", 0)),
            "2024-06-20 day text verb future"
        );
    }

    /// "The meeting came after Trump invited Kim on Saturday."
    #[test]
    fn clauses_after_and_before_keep_their_own_time() {
        let s = "
            The DT the 2 det
            meeting NN meeting 3 nsubj
            came VBD come 0 ROOT
            after IN after 6 mark
            Trump NNP Trump 6 nsubj
            invited VBD invite 3 advcl
            Kim NNP Kim 6 dobj
            on IN on 6 prep
            Saturday NNP Saturday 8 pobj
            . . . 3 punct";
        let mut d = doc(date(2019, 7, 1), &[&[s]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(show(&date_of(&d, "invited", 0)), "2019-06-29 day text verb");
        assert_eq!(
            show(&date_of(&d, "came", 0)),
            "2019-07-01 day publication publication"
        );
    }

    /// "Officials said on Monday that militants, who seized the town, attacked troops."
    #[test]
    fn relative_clauses_about_a_participant_keep_their_own_time() {
        let s = "
            Officials NNS official 2 nsubj
            said VBD say 0 ROOT
            on IN on 2 prep
            Monday NNP Monday 3 pobj
            that IN that 13 mark
            militants NNS militant 13 nsubj
            , , , 6 punct
            who WP who 9 nsubj
            seized VBD seize 6 relcl
            the DT the 11 det
            town NN town 9 dobj
            , , , 6 punct
            attacked VBD attack 2 ccomp
            troops NNS troop 13 dobj
            . . . 2 punct";
        let mut d = doc(date(2024, 6, 19), &[&[s]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(
            show(&date_of(&d, "attacked", 0)),
            "2024-06-17 day text clause"
        );
        assert_eq!(
            show(&date_of(&d, "seized", 0)),
            "2024-06-19 day publication publication"
        );
    }

    /// "Finland applied to join NATO in May. Israel declared war on Sunday. Egypt has offered
    /// to mediate."
    #[test]
    fn prospective_complements_and_the_present_perfect() {
        let s1 = "
            Finland NNP Finland 2 nsubj
            applied VBD apply 0 ROOT
            to TO to 4 aux
            join VB join 2 xcomp
            NATO NNP NATO 4 dobj
            in IN in 4 prep
            May NNP May 6 pobj
            . . . 2 punct";
        let s2 = "
            Israel NNP Israel 2 nsubj
            declared VBD declare 0 ROOT
            war NN war 2 dobj
            on IN on 2 prep
            Sunday NNP Sunday 4 pobj
            . . . 2 punct";
        let s3 = "
            Egypt NNP Egypt 3 nsubj
            has VBZ have 3 aux
            offered VBN offer 0 ROOT
            to TO to 5 aux
            mediate VB mediate 3 xcomp
            . . . 3 punct";
        let mut d = doc(date(2022, 9, 30), &[&[s1, s2, s3]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        // "in May" hangs on "join", read in the past: it dates "applied" too.
        assert_eq!(d.times.as_ref().unwrap()[0].tense, TimeTense::Unknown);
        assert_eq!(
            show(&date_of(&d, "applied", 0)),
            "2022-05 month text sentence"
        );
        // The intended accession is not dated into the past.
        assert_eq!(
            show(&date_of(&d, "join", 0)),
            "2022-09-30 day publication publication future"
        );
        assert_eq!(
            show(&date_of(&d, "declared", 0)),
            "2022-09-25 day text verb"
        );
        // The present perfect is seen from now: no narrative time.
        assert_eq!(
            show(&date_of(&d, "offered", 0)),
            "2022-09-30 day publication publication"
        );
    }

    #[test]
    fn dateline_is_the_fallback_for_events_not_in_the_future() {
        let s = "
            Iran NNP Iran 2 nsubj
            rejected VBD reject 0 ROOT
            the DT the 4 det
            accusations NNS accusation 2 dobj
            . . . 2 punct";
        let mut d = doc(date(2023, 11, 7), &[&[s]]);
        d.dateline = Some(Some(dyad_doc::Dateline {
            span: Span::new(0, 0),
            place: Span::new(0, 0),
            date_text: None,
            date: Some(date(2023, 11, 6)),
            agency: None,
        }));
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(
            show(&date_of(&d, "rejected", 0)),
            "2023-11-06 day context dateline"
        );
    }

    /// "During the Korean War, pilots flew missions. During the Cold War, blocs competed.
    /// Houthis have attacked ships since November."
    #[test]
    fn ranges_and_periods() {
        let s1 = "
            During IN during 7 prep
            the DT the 4 det
            Korean NNP Korean 4 compound
            War NNP War 1 pobj
            , , , 7 punct
            pilots NNS pilot 7 nsubj
            flew VBD fly 0 ROOT
            missions NNS mission 7 dobj
            . . . 7 punct";
        let s2 = "
            During IN during 7 prep
            the DT the 4 det
            Cold NNP Cold 4 compound
            War NNP War 1 pobj
            , , , 7 punct
            blocs NNS bloc 7 nsubj
            competed VBD compete 0 ROOT
            . . . 7 punct";
        let s3 = "
            Houthis NNPS Houthi 3 nsubj
            have VBP have 3 aux
            attacked VBN attack 0 ROOT
            ships NNS ship 3 dobj
            since IN since 3 prep
            November NNP November 5 pobj
            . . . 3 punct";
        let mut d = doc(date(2024, 1, 15), &[&[s1], &[s2], &[s3]]);
        crate::TimeStage::new().run(&mut d).unwrap();
        assert_eq!(show(&date_of(&d, "flew", 0)), "195X decade text verb");
        let cold = date_of(&d, "competed", 0);
        assert_eq!(show(&cold), "- unknown text verb");
        assert_eq!(cold.from.unwrap().to_string(), "1947");
        assert!(cold.actor_day(d.pub_date).is_some());
        assert_eq!(show(&date_of(&d, "attacked", 0)), "2023-11 month text verb");
    }

    #[test]
    fn covering_dates() {
        let s = |a: Date, b: Date| covering(a, b).map(|d| d.to_string());
        assert_eq!(s(date(2024, 6, 10), date(2024, 6, 16)).unwrap(), "2024-06");
        assert_eq!(s(date(2024, 5, 27), date(2024, 6, 2)).unwrap(), "2024-05");
        assert_eq!(s(date(2024, 5, 30), date(2024, 6, 5)).unwrap(), "2024-06");
        assert_eq!(s(date(1950, 6, 25), date(1953, 7, 27)).unwrap(), "195X");
        assert_eq!(s(date(1972, 2, 1), date(1972, 11, 30)).unwrap(), "1972");
        assert_eq!(s(date(1962, 1, 1), date(1975, 12, 31)), None);
        assert_eq!(s(date(2000, 1, 1), date(2000, 1, 1)).unwrap(), "2000-01-01");
    }

    #[test]
    fn actor_days() {
        let d = |date: &str, future: bool| EventDate {
            date: Some(date.parse().unwrap()),
            precision: Precision::Unknown,
            basis: DateBasis::Text,
            level: DateLevel::Verb,
            span: None,
            mention: None,
            from: None,
            to: None,
            future,
            tense: TimeTense::Past,
        };
        let p = date(2024, 6, 19);
        assert_eq!(d("1972-02", false).actor_day(p), Some(date(1972, 2, 15)));
        assert_eq!(d("1969", false).actor_day(p), Some(date(1969, 7, 1)));
        assert_eq!(d("196X", false).actor_day(p), Some(date(1965, 7, 1)));
        // Not after the publication date unless future.
        assert_eq!(d("2024", false).actor_day(p), Some(p));
        assert_eq!(d("2024", true).actor_day(p), Some(date(2024, 7, 1)));
        let cold_war = EventDate {
            date: None,
            from: Some("1947".parse().unwrap()),
            to: Some("1991".parse().unwrap()),
            ..d("1947", false)
        };
        assert_eq!(cold_war.actor_day(p), Some(date(1969, 7, 1)));
    }
}
