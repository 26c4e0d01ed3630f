//! [`CodeStage`]: the coder as a pipeline stage.

use std::sync::Arc;

use dyad_date::EventDater;
use dyad_doc::parse::Pos;
use dyad_doc::{Doc, Layer, Span, Stage, StageError};
use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::{CodedEvent, Coder, DocContext, SentenceInput};

/// The `code` stage: codes every sentence of [`Doc::parse`] and fills [`Doc::events`] with
/// the contract records of the events whose codes are CAMEO codes.
///
/// Each event is dated by the text ([`dyad_date::EventDater`]: the temporal expression that
/// governs its verb, its clause, its sentence, the paragraph's narrative time, else the
/// publication date; over [`Doc::times`] when the time stage ran). When that date is not the
/// publication date, the sentence is coded again with the event's date so that actor codes are
/// the ones valid then (Nixon in 1972 is USAGOV), and the event's date, precision, basis and
/// future flag are set. The sentence is coded again with the document context it had in the
/// first pass ([`crate::context`]). A sentence whose verbs the text dates elsewhere is also
/// coded on those days, for events the publication date hides: a surname that names someone
/// only in office ("In February 1972 Nixon traveled to Beijing") codes nothing in 2024; an
/// event found only on the other day is kept when the text dates it to that day.
///
/// **Title.** With `document_context` on, the document's title is read before the first
/// sentence ([`DocContext::seed_title`]): its actor names, by lexicon look-up alone, become
/// antecedents for the lede ("Kim" or "he" in the first sentences). The title is not coded:
/// no event comes from it and no span points into it.
#[derive(Debug, Clone)]
pub struct CodeStage {
    coder: Arc<Coder>,
}

impl CodeStage {
    /// A stage running `coder`.
    pub fn new(coder: Arc<Coder>) -> CodeStage {
        CodeStage { coder }
    }

    /// The coder the stage runs.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }
}

impl Stage for CodeStage {
    fn name(&self) -> &'static str {
        "code"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Parse]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        let Some(parse) = doc.parse.as_ref() else {
            return Err(StageError {
                stage: "code",
                doc_id: doc.id.clone(),
                message: "the document has no parse (the parse stage did not run)".into(),
            });
        };
        // The title is read before the first sentence (names only: it is not coded).
        let mut context = DocContext::new();
        if self.coder.options().document_context
            && let Some(title) = doc.title.as_deref()
        {
            context.seed_title(self.coder.index(), title, Some(doc.pub_date));
        }
        if let Some(Some(dateline)) = &doc.dateline
            && let Some(agency) = dateline.agency
        {
            context.skip_span(agency);
        }
        let mut snapshots: Vec<DocContext> = Vec::new();
        let pub_date = Some(doc.pub_date);
        let coding = self.coder.code_parse_in_context(
            &doc.text,
            parse,
            &|_| pub_date,
            &mut context,
            None,
            Some(&mut snapshots),
        );
        let empty = DocContext::new();
        // A sentence coded again on another day, with the context the first pass gave it.
        let recode = |index: u32, tokens: &std::ops::Range<usize>, day: Date| {
            let before = snapshots.get(index as usize).unwrap_or(&empty);
            self.coder
                .code_sentence_in_context(
                    &SentenceInput {
                        text: &doc.text,
                        parse,
                        tokens: tokens.clone(),
                        sentence_index: index,
                        date: Some(day),
                    },
                    before,
                    None,
                )
                .events
        };
        let dater = EventDater::new(doc);
        // Sentences coded again with another date, by (sentence, date).
        let mut recoded: FxHashMap<(u32, Date), Vec<CodedEvent>> = FxHashMap::default();
        let mut events = Vec::with_capacity(coding.events.len());
        for first in &coding.events {
            let when = dater.date_span(first.sentence_index as usize, first.verb.span);
            let mut chosen = first;
            if let Some(day) = when.actor_day(doc.pub_date).filter(|d| *d != doc.pub_date)
                && let Some(tokens) = parse.sents().get(first.sentence_index as usize)
            {
                let again = recoded
                    .entry((first.sentence_index, day))
                    .or_insert_with(|| recode(first.sentence_index, tokens, day));
                // Among the events of the same verb and spans, the one whose actors are most
                // alike: the two directions of "the two leaders met" share their spans.
                if let Some(same) = again
                    .iter()
                    .filter(|r| same_event(r, first))
                    .enumerate()
                    .max_by_key(|(i, r)| (likeness(r, first), std::cmp::Reverse(*i)))
                    .map(|(_, r)| r)
                {
                    chosen = same;
                }
            }
            if let Some(mut event) = chosen.to_event(doc) {
                when.apply_to(&mut event);
                event.future = when.future;
                events.push(event);
            }
        }
        // Events the publication date hides: in a sentence the text dates elsewhere, a name
        // may code only on that date ("In February 1972 Nixon traveled to Beijing": "Nixon"
        // is the president only during his tenure). Each verb of a sentence is dated; the
        // sentence is coded again on every such day, and an event found only then is kept
        // when the text dates it to that day.
        let mut added: Vec<(u32, Span, String)> = Vec::new();
        for (i, tokens) in parse.sents().iter().enumerate() {
            let Ok(index) = u32::try_from(i) else {
                break;
            };
            let mut days: Vec<Date> = Vec::new();
            for t in tokens.clone() {
                let Some(tok) = parse.token(t) else {
                    continue;
                };
                if !matches!(tok.pos(), Some(Pos::Verb | Pos::Noun)) {
                    continue;
                }
                if let Some(day) = dater
                    .date_span(i, tok.span())
                    .actor_day(doc.pub_date)
                    .filter(|d| *d != doc.pub_date && !days.contains(d))
                {
                    days.push(day);
                }
            }
            for day in days {
                let again = recoded
                    .entry((index, day))
                    .or_insert_with(|| recode(index, tokens, day));
                for r in again.iter() {
                    let known = coding.events.iter().any(|e| {
                        e.sentence_index == index && e.verb.span == r.verb.span && e.code == r.code
                    }) || added
                        .iter()
                        .any(|(s, v, c)| *s == index && *v == r.verb.span && *c == r.code);
                    let when = dater.date_span(i, r.verb.span);
                    if known || when.actor_day(doc.pub_date) != Some(day) {
                        continue;
                    }
                    if let Some(mut event) = r.to_event(doc) {
                        when.apply_to(&mut event);
                        event.future = when.future;
                        events.push(event);
                        added.push((index, r.verb.span, r.code.clone()));
                    }
                }
            }
        }
        // In sentence order (a stable sort: the first pass's order within a sentence stays).
        if !added.is_empty() {
            events.sort_by_key(|e| e.sentence_index);
        }
        doc.events = Some(events);
        Ok(())
    }
}

/// How alike the actors of two codings of one event are: 2 per side with the same code, 1 per
/// side with the same country part.
fn likeness(a: &CodedEvent, b: &CodedEvent) -> u8 {
    let side = |x: &Option<crate::EventActor>, y: &Option<crate::EventActor>| match (x, y) {
        (Some(x), Some(y)) if x.code == y.code => 2,
        (Some(x), Some(y)) if x.code.get(..3) == y.code.get(..3) => 1,
        (None, None) => 2,
        _ => 0,
    };
    side(&a.source, &b.source) + side(&a.target, &b.target)
}

/// The same event coded with another date: same verb, code and actor spans (the actor codes
/// may differ: that is the point).
fn same_event(a: &CodedEvent, b: &CodedEvent) -> bool {
    let spans = |e: &CodedEvent| {
        (
            e.source.as_ref().map(|x| x.span),
            e.target.as_ref().map(|x| x.span),
        )
    };
    a.verb.span == b.verb.span && a.code == b.code && spans(a) == spans(b)
}
