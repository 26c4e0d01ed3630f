//! [`Coder`]: one sentence of a parse in, events out.
//!
//! The steps, for each sentence (see the module docs of each step for its rules):
//!
//! 1. **Discards** ([`dyad_lexicon::Discard`]): a sentence-level phrase drops the sentence, a
//!    story-level one the whole document ([`Coder::code_parse`]). Phrases match whole
//!    whitespace-separated words, as PETRARCH2 matches them (`discard_whole_words`).
//! 2. **Comma clauses** (off by default; [`crate::CommaLimits`], [`crate::filter`]).
//! 3. **Actors** ([`crate::nominal`]): mentions, phrases and their codes on the date.
//! 4. **Verbs**, deepest clause first: every verb token (not an auxiliary) is looked up,
//!    entries listing its surface form first ("left" is LEFT's), then those of its lemma;
//!    compound verbs need their other words next to the head (or as its particles). The
//!    patterns of the verb's block are tried most specific first ([`crate::pattern`]); among
//!    equally specific ones that match, the one whose words lie nearest the verb wins, and a
//!    pattern written twice takes its later line (PETRARCH's trie keeps the last). A passive
//!    verb whose patterns find nothing tries them again from its subject, its logical object.
//!    Patterns do not reach into embedded clauses that have their own subject and a verb
//!    that codes on its own, nor take such a verb as a word. Without a pattern the verb's
//!    own code applies; a null code (`---`) codes nothing. A verb whose words another verb's
//!    pattern used ("vowed to wage war": VOW's `* WAR`) is absorbed. Verbs of clauses that
//!    modify nouns (relative clauses, participles) are not coded (`noun_clauses`), except
//!    the participle of "there were … killed".
//! 5. **Arguments** ([`crate::clause`]): source from the pattern, else the (logical)
//!    subject; target from the pattern, else, in this order: a direct object naming an actor;
//!    a direct object that is a role word ("arrested students"); the first phrase naming an
//!    actor after the verb in its clause; the first role word there (`target_fallback`;
//!    never into relative clauses or embedded clauses that code on their own; statements,
//!    CAMEO root 01, take only targets attached to the verb). A role word that merely
//!    modifies another noun ("military exercises") is no target, even when a pattern took
//!    it (`modal_intent`). Passives swap: the `by` phrase is the source, an at/against
//!    phrase or the subject the target; a pattern target inside another of the passive
//!    verb's prepositional phrases ("killed by a device outside the city") is dropped. With
//!    `modal_intent`, a statement, appeal or demand that names no one is addressed to the
//!    subject of the clause after it that it governs ("demanding that Mugabe abandon …"),
//!    and a statement that someone must act is a demand of them (100).
//! 6. **Negation** not consumed by the pattern ("not", or "failed to"): the code's opposite
//!    ([`crate::Negation`]); a cooperative act with no opposite is a rejection (120, with
//!    `modal_intent`). Then **intention**: under "will", "would" or "shall", or a word of
//!    readiness or plan ("is willing to", "prepared to", "plans to"), the act is announced,
//!    and its code becomes CAMEO's intention (03x) or threat (13x) of it
//!    ([`crate::algebra::intention`], `modal_intent`); an announced cooperative act under
//!    "unless" is a threat (130).
//! 7. **Nesting**, lowest clauses first, for complements (`xcomp`, `ccomp`) under a coded
//!    verb: a reporting verb after the clause it governs ("X attacked Y, officials said") is
//!    attribution and combines with nothing; otherwise the first matching transformation of
//!    the dictionary rewrites the pair (before it, with `modal_intent`: a demand's clause is
//!    demanded, not done, and only the demand stands); else, when the two share their
//!    subject, the code algebra combines them ("pledged to provide aid" = 033; when the sum
//!    is no CAMEO code, the complement's event stands alone; with `modal_intent` a threat
//!    verb gives its complement's threat form, "threatened to ban" = 132, an intention verb
//!    its cooperative intention, and a refusal CAMEO's refusal of the act, "refused to lift
//!    the curfew" = 1241); else, for a material complement with its own
//!    subject, the governing verb's event goes to that subject with the combined code
//!    ("asking Obama to help Iran" = 023 towards Obama). What happens to the complement's own
//!    event then is [`crate::Reported`]. A complement never keeps a reverse event.
//!    A non-finite adverbial clause ("…, offering support") is coded only when its main
//!    clause codes no event between two actors.
//! 8. **Events**: every source × target pair (a side with a role but no country takes the
//!    only country the sentence names when the other side is of that country or of none:
//!    `domestic_country`, which also addresses a protest with no target to the government
//!    of the protesters' country; a pair whose codes are equal is one actor and no event); a
//!    `[active:passive]` code adds the reverse event; a cooperative code (03–06) with a
//!    compound subject and no target (or only a target of no country, or one naming a
//!    member of the compound), or a `%` compound, gives every ordered pair of the
//!    compound's actors of different states (`compound_pairs`). Events
//!    of an actor with itself are dropped, then `require_dyad` applies, and duplicates merge.
//!    Event nouns add theirs before the domestic-country step and the merge
//!    ([`crate::noun_events`]).
//!
//! **Confidence** starts at 0.8 for a verb's own code and 0.9 for a pattern, and loses 0.1
//! when the target was found by the fallback scan, 0.1 when the source came from a pronoun,
//! 0.05 for control or a participle, 0.05 for a combination or transformation, 0.15 when a
//! side came from the document context ([`crate::context`]); it is clamped to 0.1..=1.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use dyad_doc::Span;
use dyad_doc::parse::Parse;
use dyad_lexicon::{
    DiscardLevel, EventCode, IssueKind, LexiconIndex, PatternId, TransformTarget, TransformVar,
    TransformVerb, VerbId, WordId,
    index::{CompiledPattern, Pat, PatItem},
};
use jiff::civil::Date;

use crate::algebra;
use crate::clause::{self, SubjectVia};
use crate::context::{DocContext, Item as ContextItem, Resolution};
use crate::event::{CodedEvent, Derivation, EventActor, TextSpan};
use crate::nominal::{ActorSet, MentionKind, Nominals};
use crate::options::{CoderOptions, Negation, Reported};
use crate::pattern::{Bindings, Matcher, SynsetTable};
use crate::sentence::{Dep, Sentence};
use crate::trace::{EventTrace, MentionTrace, PatternTrace, SentenceTrace, VerbTrace};

mod arguments;
mod compose;
mod events;
mod verbs;

use arguments::Side;
use compose::{Proto, is_complement};
use verbs::{Scope, VerbHit};

/// One sentence to code.
#[derive(Debug, Clone)]
pub struct SentenceInput<'a> {
    /// The text that was parsed.
    pub text: &'a str,
    /// Its parse.
    pub parse: &'a Parse,
    /// The sentence's tokens in the parse.
    pub tokens: Range<usize>,
    /// Index of the sentence in its document.
    pub sentence_index: u32,
    /// The date actor codes are resolved with (the event's date: the publication date until
    /// the time stage dates events).
    pub date: Option<Date>,
}

/// What the coder made of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceCoding {
    /// The events.
    pub events: Vec<CodedEvent>,
    /// Events that a filter removed, with the filter's name.
    pub suppressed: Vec<(CodedEvent, &'static str)>,
    /// The discard level, if a discard phrase matched.
    pub discard: Option<DiscardLevel>,
    /// Issue codes of the sentence.
    pub issues: Vec<String>,
}

/// What the coder made of a whole parse (one document).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocCoding {
    /// The events of every sentence, after the story filters.
    pub events: Vec<CodedEvent>,
    /// The story was discarded (a story-level discard phrase).
    pub story_discarded: bool,
    /// Events removed by filters, with the filter's name.
    pub suppressed: Vec<(CodedEvent, &'static str)>,
}

impl DocCoding {
    /// The scorer's view of this coding of gold record `id`: the events as (source, target,
    /// code, rule), a missing actor written `---` as PETRARCH and the gold files write it; a
    /// discarded story is a rejected record.
    pub fn to_prediction(&self, id: &str) -> dyad_eval::RecordPrediction {
        let side = |a: &Option<crate::EventActor>| {
            Some(
                a.as_ref()
                    .map_or_else(|| "---".to_owned(), |a| a.code.clone()),
            )
        };
        let mut p = if self.story_discarded {
            dyad_eval::RecordPrediction::rejected("story discard")
        } else {
            dyad_eval::RecordPrediction::coded(
                self.events
                    .iter()
                    .map(|e| dyad_eval::Predicted {
                        source: side(&e.source),
                        target: side(&e.target),
                        code: e.code.clone(),
                        rule: Some(e.rule.clone()),
                    })
                    .collect(),
            )
        };
        p.id = Some(id.to_owned());
        p
    }
}

/// A transformation compiled to PICO numbers.
#[derive(Debug, Clone)]
struct Transform {
    outer_source: TransformVar,
    outer_verb: Option<i32>,
    inner_source: TransformVar,
    inner_target: TransformVar,
    inner_verb: Option<i32>,
    result_source: TransformVar,
    result_target: TransformVar,
    code: Option<String>,
    rule: String,
}

/// The event coder: built once from a compiled lexicon and options; `Send + Sync`, shared by
/// every thread.
#[derive(Debug, Clone)]
pub struct Coder {
    index: Arc<LexiconIndex>,
    options: CoderOptions,
    transforms: Vec<Transform>,
    /// Literal words each pattern needs, by pattern id (a quick pre-filter).
    pattern_words: Vec<Box<[WordId]>>,
    /// Synset members arranged for matching.
    synsets: SynsetTable,
}

/// `file:line` of an origin, with the file's base name.
pub(crate) fn rule_id(origin: &dyad_lexicon::Origin) -> String {
    let file = origin
        .file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&origin.file);
    format!("{file}:{}", origin.line)
}

fn required_words(items: &[PatItem], out: &mut Vec<WordId>) {
    for it in items {
        match &it.pat {
            Pat::Word(w) => out.push(*w),
            Pat::NounPhrase(v) | Pat::Prep(v) => required_words(v, out),
            _ => {}
        }
    }
}

impl Coder {
    /// A coder over `index` with `options`.
    pub fn new(index: Arc<LexiconIndex>, options: CoderOptions) -> Coder {
        let lex = index.lexicon();
        let mut pattern_words = vec![Box::<[WordId]>::default(); lex.verbs.patterns.len()];
        for v in 0..lex.verbs.verbs.len() {
            for p in index.verbs.patterns(VerbId(v as u32)) {
                let slot = &mut pattern_words[p.id.0 as usize];
                if slot.is_empty() {
                    let mut w = Vec::new();
                    required_words(&p.before, &mut w);
                    required_words(&p.after, &mut w);
                    w.sort_unstable();
                    w.dedup();
                    *slot = w.into_boxed_slice();
                }
            }
        }
        let verb_pico = |v: &TransformVerb| -> Result<Option<i32>, ()> {
            match v {
                TransformVerb::Any => Ok(None),
                TransformVerb::Verb(words) => {
                    let last = words.last().ok_or(())?;
                    let id = index.word_id(last);
                    let code = index
                        .verbs
                        .by_lemma(id)
                        .iter()
                        .chain(index.verbs.by_form(id))
                        .find_map(|&vid| lex.verbs.verb_code(vid).and_then(|c| c.active.clone()))
                        .ok_or(())?;
                    algebra::pico(&code).map(Some).ok_or(())
                }
            }
        };
        let mut transforms = Vec::new();
        for t in &lex.verbs.transformations {
            let TransformTarget::Event(inner) = &t.pattern.target else {
                continue;
            };
            let TransformTarget::Var(inner_target) = &inner.target else {
                continue;
            };
            let (Ok(outer_verb), Ok(inner_verb)) =
                (verb_pico(&t.pattern.verb), verb_pico(&inner.verb))
            else {
                continue;
            };
            transforms.push(Transform {
                outer_source: t.pattern.source.clone(),
                outer_verb,
                inner_source: inner.source.clone(),
                inner_target: inner_target.clone(),
                inner_verb,
                result_source: t.source.clone(),
                result_target: t.target.clone(),
                code: t.code.clone(),
                rule: rule_id(&t.origin),
            });
        }
        Coder {
            synsets: SynsetTable::new(&index),
            index,
            options,
            transforms,
            pattern_words,
        }
    }

    /// The lexicon.
    pub fn index(&self) -> &Arc<LexiconIndex> {
        &self.index
    }

    /// The options.
    pub fn options(&self) -> &CoderOptions {
        &self.options
    }

    /// Codes every sentence of `parse` (of `text`), dating actors by `date`, and applies the
    /// story-level filters (story discards, one event per story).
    pub fn code_parse(&self, text: &str, parse: &Parse, date: Option<Date>) -> DocCoding {
        self.code_parse_traced(text, parse, date, None)
    }

    /// As [`Coder::code_parse`], filling one trace per sentence when `traces` is given.
    pub fn code_parse_traced(
        &self,
        text: &str,
        parse: &Parse,
        date: Option<Date>,
        traces: Option<&mut Vec<SentenceTrace>>,
    ) -> DocCoding {
        self.code_parse_dated(text, parse, &|_| date, traces)
    }

    /// As [`Coder::code_parse_traced`], with each sentence's date (by sentence index) from
    /// `date_of`: the date the text gives an event, once the time stage has found it, resolves
    /// the actors of that sentence ("Nixon" in a sentence about 1972). Sentences are read in
    /// the light of the ones before ([`crate::context`], `document_context`).
    pub fn code_parse_dated(
        &self,
        text: &str,
        parse: &Parse,
        date_of: &dyn Fn(usize) -> Option<Date>,
        traces: Option<&mut Vec<SentenceTrace>>,
    ) -> DocCoding {
        self.code_parse_in_context(text, parse, date_of, &mut DocContext::new(), traces, None)
    }

    /// As [`Coder::code_parse_dated`], starting from `context` (seeded with the title:
    /// [`DocContext::seed_title`]) and leaving it as the last sentence left it. When
    /// `snapshots` is given, it receives the context each sentence was coded with (for
    /// coding a sentence again: [`Coder::code_sentence_in_context`]).
    pub fn code_parse_in_context(
        &self,
        text: &str,
        parse: &Parse,
        date_of: &dyn Fn(usize) -> Option<Date>,
        context: &mut DocContext,
        mut traces: Option<&mut Vec<SentenceTrace>>,
        mut snapshots: Option<&mut Vec<DocContext>>,
    ) -> DocCoding {
        let mut out = DocCoding::default();
        for (i, range) in parse.sents().iter().enumerate() {
            let input = SentenceInput {
                text,
                parse,
                tokens: range.clone(),
                sentence_index: u32::try_from(i).unwrap_or(u32::MAX),
                date: date_of(i),
            };
            if let Some(list) = snapshots.as_deref_mut() {
                list.push(context.clone());
            }
            let coding = match traces.as_deref_mut() {
                Some(list) => {
                    let mut t = SentenceTrace::default();
                    let c = self.code_sentence_in_document(&input, context, Some(&mut t));
                    list.push(t);
                    c
                }
                None => self.code_sentence_in_document(&input, context, None),
            };
            if coding.discard == Some(DiscardLevel::Story) {
                out.story_discarded = true;
            }
            out.events.extend(coding.events);
            out.suppressed.extend(coding.suppressed);
        }
        if out.story_discarded {
            for e in out.events.drain(..) {
                out.suppressed.push((e, "story discard"));
            }
            return out;
        }
        if self.options.one_per_story {
            let mut seen = rustc_hash::FxHashSet::default();
            let mut kept = Vec::with_capacity(out.events.len());
            for e in out.events.drain(..) {
                let key = (
                    e.source.as_ref().map(|a| a.code.clone()),
                    e.target.as_ref().map(|a| a.code.clone()),
                    e.code.clone(),
                );
                if seen.insert(key) {
                    kept.push(e);
                } else {
                    out.suppressed.push((e, "one event per story"));
                }
            }
            out.events = kept;
        }
        out
    }

    /// Codes one sentence.
    pub fn code_sentence(&self, input: &SentenceInput<'_>) -> SentenceCoding {
        self.code_sentence_traced(input, None)
    }

    /// Codes one sentence, filling `trace` when given.
    pub fn code_sentence_traced(
        &self,
        input: &SentenceInput<'_>,
        trace: Option<&mut SentenceTrace>,
    ) -> SentenceCoding {
        self.code_sentence_with(input, None, trace, None)
    }

    /// Codes one sentence in the light of the sentences before it (`context`, as it was
    /// before this sentence; [`crate::context`]), filling `trace` when given. The context is
    /// not changed.
    pub fn code_sentence_in_context(
        &self,
        input: &SentenceInput<'_>,
        context: &DocContext,
        trace: Option<&mut SentenceTrace>,
    ) -> SentenceCoding {
        self.code_sentence_with(input, Some(context), trace, None)
    }

    /// As [`Coder::code_sentence_in_context`], then adds the sentence's actors to `context`
    /// for the sentences after it.
    pub fn code_sentence_in_document(
        &self,
        input: &SentenceInput<'_>,
        context: &mut DocContext,
        trace: Option<&mut SentenceTrace>,
    ) -> SentenceCoding {
        if !self.options.document_context {
            return self.code_sentence_with(input, None, trace, None);
        }
        let mut seen = None;
        let coding = self.code_sentence_with(input, Some(context), trace, Some(&mut seen));
        let (items, resolutions) = seen.unwrap_or_default();
        context.observe(Some(input.sentence_index), items, &resolutions);
        coding
    }

    /// Codes one sentence with or without a context; `seen` receives the sentence's actors
    /// and references for the context.
    #[allow(clippy::type_complexity)]
    fn code_sentence_with(
        &self,
        input: &SentenceInput<'_>,
        context: Option<&DocContext>,
        mut trace: Option<&mut SentenceTrace>,
        seen: Option<&mut Option<(Vec<ContextItem>, Vec<Resolution>)>>,
    ) -> SentenceCoding {
        let context = context.filter(|_| self.options.document_context);
        let idx = &*self.index;
        let s = Sentence::new(input.text, input.parse, input.tokens.clone(), idx);
        let mut out = SentenceCoding::default();
        let sentence_span = s.span_of(0, s.len());
        if let Some(t) = trace.as_deref_mut() {
            t.sentence_index = input.sentence_index;
            t.text = s.text_of(0, s.len()).to_owned();
            t.date = input.date.map(|d| d.to_string());
            t.tokens = (0..s.len())
                .map(|i| {
                    format!(
                        "{i}:{}/{:?}/{:?}->{}",
                        s.word(i),
                        s.toks[i].tag,
                        s.toks[i].dep,
                        s.toks[i].head
                    )
                })
                .collect();
        }
        if s.is_empty() {
            return out;
        }

        // 1. Discards: a story-level phrase wins over a sentence-level one.
        for m in idx.discards.find_all(&s.keys) {
            if self.options.discard_whole_words
                && !whole_words(
                    &s,
                    s.key_token(m.start),
                    s.key_token(m.end.saturating_sub(1)) + 1,
                    m.start,
                    m.end,
                )
            {
                continue;
            }
            for &e in m.entries {
                let Some(level) = idx.discard_level(e) else {
                    continue;
                };
                if out.discard != Some(DiscardLevel::Story) {
                    out.discard = Some(level);
                    if let Some(t) = trace.as_deref_mut()
                        && let Some(d) = idx.lexicon().discards.get(e as usize)
                    {
                        t.discard = Some(format!(
                            "{:?}-level discard {} ({})",
                            level,
                            rule_id(&d.origin),
                            d.origin.text
                        ));
                    }
                }
            }
        }
        if out.discard.is_some() {
            return out;
        }

        // Issues.
        let mut ignore = false;
        for m in idx.issues.find_all(&s.keys) {
            for &e in m.entries {
                match idx.issue_kind(e) {
                    Some(IssueKind::Code(c)) if !out.issues.contains(c) => {
                        out.issues.push(c.clone());
                    }
                    Some(IssueKind::Code(_)) => {}
                    Some(_) => ignore = true,
                    None => {}
                }
            }
        }
        if ignore {
            out.issues.clear();
        }
        if let Some(t) = trace.as_deref_mut() {
            t.issues = out.issues.clone();
        }

        // 2. Comma clauses.
        let blocked = crate::filter::comma_clauses(&s, &self.options.comma);
        if let Some(t) = trace.as_deref_mut() {
            let mut i = 0;
            while i < blocked.len() {
                if blocked[i] {
                    let j = (i..blocked.len())
                        .find(|&j| !blocked[j])
                        .unwrap_or(blocked.len());
                    t.eliminated
                        .push(format!("tokens {i}..{j} {:?}", s.text_of(i, j)));
                    i = j;
                } else {
                    i += 1;
                }
            }
        }

        // 3. Actors.
        let mut nom = Nominals::new(&s, idx, input.date, &blocked, self.options.new_actor_length);
        // References resolved from the document context become mentions.
        let resolutions = match context {
            Some(ctx) => {
                let resolver = crate::context::Resolver {
                    s: &s,
                    parse: input.parse,
                    index: idx,
                    date: input.date,
                    current: input.sentence_index,
                    ctx,
                };
                let mut in_sentence = |nom: &mut Nominals, p: usize| {
                    let v = s.head(p)?;
                    let (t, _) = self.resolve_pronoun(&s, v, p, nom);
                    (t != p).then_some(t)
                };
                resolver.run(&mut nom, &mut in_sentence)
            }
            None => Vec::new(),
        };
        if let Some(t) = trace.as_deref_mut() {
            t.references = resolutions.iter().map(Resolution::trace).collect();
            t.mentions = nom
                .mentions
                .iter()
                .map(|m| mention_trace(&s, idx, m))
                .collect();
        }

        // 4. Verbs.
        let present: rustc_hash::FxHashSet<WordId> = s.keys.ids().iter().copied().collect();
        // Verbs are looked up deepest first, so that a verb's patterns know which clauses
        // below it code on their own (`coded`): those clauses are not the verb's to match.
        let depth: Vec<usize> = (0..s.len())
            .map(|t| {
                let mut d = 0;
                let mut x = t;
                while let Some(h) = s.head(x) {
                    d += 1;
                    x = h;
                    if d > s.len() {
                        break;
                    }
                }
                d
            })
            .collect();
        let mut order: Vec<usize> = (0..s.len())
            .filter(|&t| !blocked[t] && is_verb_token(&s, t))
            .collect();
        order.sort_by_key(|&t| (std::cmp::Reverse(depth[t]), t));
        let mut coded_verb = vec![false; s.len()];
        let mut hits: Vec<VerbHit> = Vec::new();
        let mut verb_traces: Vec<VerbTrace> = Vec::new();
        for t in order {
            let mut vt = trace.as_ref().map(|_| VerbTrace {
                token: t,
                text: s.word(t).to_owned(),
                ..VerbTrace::default()
            });
            let scope = Scope {
                blocked: &blocked,
                coded: &coded_verb,
                present: &present,
            };
            if let Some(hit) = self.lookup_verb(&s, t, &scope, &mut nom, vt.as_mut()) {
                coded_verb[t] = !hit.code.is_null();
                hits.push(hit);
            }
            if let Some(v) = vt
                && !v.candidates.is_empty()
            {
                verb_traces.push(v);
            }
        }
        hits.sort_by_key(|h| h.tok);
        if let Some(tr) = trace.as_deref_mut() {
            verb_traces.sort_by_key(|v| v.token);
            tr.verbs = verb_traces;
        }
        // Absorption: a verb whose token another verb's pattern used, or whose clause a
        // governing verb's pattern reached into, codes nothing of its own.
        let n_hits = hits.len();
        for i in 0..n_hits {
            let absorbed = (0..n_hits).any(|j| {
                j != i
                    && hits[j].pattern.is_some()
                    && (hits[j].bind.tokens.contains(&hits[i].tok)
                        || (clause::governor(&s, hits[i].tok) == Some(hits[j].tok)
                            && hits[j]
                                .bind
                                .tokens
                                .iter()
                                .any(|&x| s.in_subtree(hits[i].tok, x))))
            });
            hits[i].absorbed = absorbed;
            if absorbed && let Some(tr) = trace.as_deref_mut() {
                for v in tr.verbs.iter_mut().filter(|v| v.token == hits[i].tok) {
                    v.notes
                        .push("absorbed: a governing verb's pattern used its words".into());
                }
            }
        }

        // 5-6. Arguments and negation: one proto event per coded verb.
        let coded: Vec<usize> = hits
            .iter()
            .filter(|h| !h.absorbed && !h.code.is_null())
            .map(|h| h.tok)
            .collect();
        let mut protos: Vec<Proto> = Vec::new();
        for h in hits.iter().filter(|h| !h.absorbed && !h.code.is_null()) {
            if !self.options.noun_clauses && in_noun_clause(&s, h.tok) {
                if let Some(tr) = trace.as_deref_mut() {
                    for v in tr.verbs.iter_mut().filter(|v| v.token == h.tok) {
                        v.notes.push(
                            "in a clause modifying a noun (relative clause or participle): not coded"
                                .into(),
                        );
                    }
                }
                continue;
            }
            let p = self.arguments(&s, h, &coded, &mut nom, &blocked, trace.as_deref_mut());
            protos.push(p);
        }

        // 7. Nesting, deepest first.
        self.compose(&s, &mut protos, trace.as_deref_mut());
        // An adverbial clause ("to discuss", "offering support", "after crowds burned the
        // embassy") is coded only when its main clause codes no event between two actors
        // (PETRARCH looks into lower clauses only when the verb phrase itself has none).
        // Verbs whose clause codes an event between two actors: the verb itself and the
        // verbs its clause is a complement of ("is about to restore": "is").
        let mut dyadic: Vec<usize> = Vec::new();
        for p in protos.iter().filter(|p| p.alive && p.has_dyad()) {
            for start in [p.verb, p.token] {
                let mut x = start;
                dyadic.push(x);
                for _ in 0..s.len() {
                    let Some(h) = s.head(x) else { break };
                    if !matches!(
                        s.toks[x].dep,
                        Dep::Xcomp | Dep::Ccomp | Dep::Acomp | Dep::Conj
                    ) {
                        break;
                    }
                    dyadic.push(h);
                    x = h;
                }
            }
        }
        for p in protos.iter_mut().filter(|p| p.alive) {
            let v = p.token;
            let adverbial = s.toks[v].dep == Dep::Advcl;
            let nonfinite_modifier =
                s.toks[v].dep == Dep::Acl && clause::own_subject(&s, v).is_none();
            if (adverbial || nonfinite_modifier)
                && let Some(h) = verbal_ancestor(&s, v)
                && dyadic.contains(&h)
            {
                p.alive = false;
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?}: adverbial clause of a verb that coded an event; not coded",
                        p.verb_text.text
                    ));
                }
            }
        }

        // 8. Events.
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut suppressed: Vec<(CodedEvent, &'static str)> = Vec::new();
        for p in &protos {
            self.expand(&s, p, input, sentence_span, &mut events, &mut suppressed);
        }
        // 8b. Event nouns ([`crate::noun_events`]), skipping words verb patterns used.
        let mut used = vec![false; s.len()];
        for h in hits.iter().filter(|h| h.pattern.is_some()) {
            for &x in &h.bind.tokens {
                if let Some(u) = used.get_mut(x) {
                    *u = true;
                }
            }
        }
        let ctx = crate::noun_events::VerbalContext {
            used: &used,
            blocked: &blocked,
        };
        crate::noun_events::code_nouns(
            self,
            &s,
            input,
            &ctx,
            &mut nom,
            &mut events,
            &mut suppressed,
            trace.as_deref_mut(),
        );
        if self.options.domestic_country
            && let Some(country) = sole_country(&nom)
        {
            let mut domestic = Vec::with_capacity(events.len());
            for mut e in events {
                let changed = events::domestic_country(&mut e, country);
                let same = matches!((&e.source, &e.target), (Some(a), Some(b)) if a.code == b.code);
                if changed && same {
                    suppressed.push((e, "source and target are the same actor"));
                } else {
                    domestic.push(e);
                }
            }
            events = domestic;
        }
        let mut kept: Vec<CodedEvent> = Vec::new();
        for mut e in events {
            e.issues = out.issues.clone();
            let dup = kept.iter().any(|k| {
                k.code == e.code
                    && k.source.as_ref().map(|a| &a.code) == e.source.as_ref().map(|a| &a.code)
                    && k.target.as_ref().map(|a| &a.code) == e.target.as_ref().map(|a| &a.code)
            });
            if dup {
                suppressed.push((e, "duplicate in sentence"));
            } else {
                kept.push(e);
            }
        }
        // Events with a side from the document context are less certain.
        for e in &mut kept {
            let from_context = |a: &Option<EventActor>| {
                a.as_ref().is_some_and(|a| {
                    resolutions.iter().any(|r| {
                        r.resolved() && r.span.start < a.span.end && a.span.start < r.span.end
                    })
                })
            };
            if from_context(&e.source) || from_context(&e.target) {
                e.confidence = (e.confidence - crate::context::CONTEXT_PENALTY).clamp(0.1, 1.0);
            }
        }
        if let Some(t) = trace {
            for e in &kept {
                t.events.push(EventTrace {
                    event: e.clone(),
                    suppressed_by: None,
                });
            }
            for (e, why) in &suppressed {
                t.events.push(EventTrace {
                    event: e.clone(),
                    suppressed_by: Some((*why).to_owned()),
                });
            }
        }
        out.events = kept;
        out.suppressed = suppressed;
        if let Some(seen) = seen {
            let items = crate::context::sentence_items(
                &s,
                input.parse,
                &mut nom,
                idx,
                &resolutions,
                context.and_then(DocContext::skipped),
            );
            *seen = Some((items, resolutions));
        }
        out
    }
}

/// Whether keys `ks..ke` (tokens `a..b`) are whole whitespace-separated words of the text: they
/// start and end at token boundaries, with whitespace (or the start of the text) before and
/// whitespace after.
pub(super) fn whole_words(s: &Sentence<'_>, a: usize, b: usize, ks: usize, ke: usize) -> bool {
    let (Some(first), Some(last)) = (s.toks.get(a), b.checked_sub(1).and_then(|l| s.toks.get(l)))
    else {
        return false;
    };
    if first.key_start as usize != ks || last.key_end as usize != ke {
        return false;
    }
    let before = s
        .text
        .get(..first.span.start)
        .is_some_and(|t| t.chars().next_back().is_none_or(char::is_whitespace));
    let after = s
        .text
        .get(last.span.end..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_whitespace);
    before && after
}

/// Whether token `t` is a verb the coder looks up.
pub(super) fn is_verb_token(s: &Sentence<'_>, t: usize) -> bool {
    let tok = &s.toks[t];
    (tok.tag.is_verb() || matches!(tok.pos, Some(dyad_doc::parse::Pos::Verb)))
        && !matches!(tok.dep, Dep::Aux | Dep::Auxpass)
}

/// Whether verb `v` heads (or is conjoined within) a clause modifying a noun: a relative
/// clause ("the group that seized Mosul") or a participle ("victims killed by the crash").
pub(super) fn in_noun_clause(s: &Sentence<'_>, v: usize) -> bool {
    let mut x = v;
    for _ in 0..s.len() {
        match s.toks[x].dep {
            Dep::Relcl | Dep::Acl => {
                let Some(h) = s.head(x) else { return false };
                // "There were 10 soldiers killed": the participle is the sentence's predicate.
                let existential = s.toks[h].dep == Dep::Attr
                    && s.head(h).is_some_and(|g| {
                        s.children(g)
                            .iter()
                            .any(|&c| s.toks[c as usize].dep == Dep::Expl)
                    });
                return !is_verb_token(s, h) && !existential;
            }
            Dep::Conj => match s.head(x) {
                Some(h) => x = h,
                None => return false,
            },
            _ => return false,
        }
    }
    false
}

/// The nearest verb above `v` in the tree.
pub(super) fn verbal_ancestor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let mut x = v;
    for _ in 0..s.len() {
        x = s.head(x)?;
        if is_verb_token(s, x) {
            return Some(x);
        }
    }
    None
}

fn mention_trace(
    s: &Sentence<'_>,
    idx: &LexiconIndex,
    m: &crate::nominal::Mention,
) -> MentionTrace {
    let lex = idx.lexicon();
    let (kind, codes, entry) = match &m.kind {
        MentionKind::Actor { actor, codes } => (
            "actor",
            if codes.is_empty() {
                vec!["--- (not an actor on this date)".to_owned()]
            } else {
                codes.clone()
            },
            lex.actor(*actor)
                .map(|a| format!("{} ({})", rule_id(&a.origin), a.origin.text))
                .unwrap_or_else(|| "the document context (see the references)".to_owned()),
        ),
        MentionKind::Agent {
            agent,
            code,
            attach,
        } => (
            "agent",
            vec![match attach {
                dyad_lexicon::Attach::Suffix => format!("~{code}"),
                dyad_lexicon::Attach::Prefix => format!("{code}~"),
            }],
            lex.agent(*agent)
                .map(|a| format!("{} ({})", rule_id(&a.origin), a.origin.text))
                .unwrap_or_default(),
        ),
    };
    MentionTrace {
        tokens: [m.start, m.end],
        text: s.text_of(m.start, m.end).to_owned(),
        kind,
        codes,
        entry,
    }
}

/// The one country the sentence's actor names belong to, when they name exactly one (for
/// [`CoderOptions::domestic_country`]).
fn sole_country(nom: &Nominals) -> Option<&str> {
    let mut found: Option<&str> = None;
    for m in &nom.mentions {
        if let crate::nominal::MentionKind::Actor { codes, .. } = &m.kind {
            for c in codes {
                let Some(country) = events::country_of(c) else {
                    continue;
                };
                match found {
                    Some(f) if f != country => return None,
                    _ => found = Some(country),
                }
            }
        }
    }
    found
}
