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
//!    modifies another noun ("military exercises") is no target. Passives swap: the `by`
//!    phrase is the source, an at/against phrase or the subject the target.
//! 6. **Negation** not consumed by the pattern: the code's opposite ([`crate::Negation`]).
//! 7. **Nesting**, lowest clauses first, for complements (`xcomp`, `ccomp`) under a coded
//!    verb: a reporting verb after the clause it governs ("X attacked Y, officials said") is
//!    attribution and combines with nothing; otherwise the first matching transformation of
//!    the dictionary rewrites the pair; else, when the two share their subject, the code
//!    algebra combines them ("pledged to provide aid" = 033; when the sum is no CAMEO code,
//!    the complement's event stands alone); else, for a material complement with its own
//!    subject, the governing verb's event goes to that subject with the combined code
//!    ("asking Obama to help Iran" = 023 towards Obama). What happens to the complement's own
//!    event then is [`crate::Reported`]. A complement never keeps a reverse event.
//!    A non-finite adverbial clause ("…, offering support") is coded only when its main
//!    clause codes no event between two actors.
//! 8. **Events**: every source × target pair; a `[active:passive]` code adds the reverse
//!    event; a cooperative code (03–06) with a compound subject and no target, or a `%`
//!    compound, gives every ordered pair of the compound's actors (`compound_pairs`). Events
//!    of an actor with itself are dropped, then `require_dyad` applies, and duplicates merge.
//!
//! **Confidence** starts at 0.8 for a verb's own code and 0.9 for a pattern, and loses 0.1
//! when the target was found by the fallback scan, 0.1 when the source came from a pronoun,
//! 0.05 for control or a participle, 0.05 for a combination or transformation; it is
//! clamped to 0.1..=1.

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
use crate::event::{CodedEvent, Derivation, EventActor, TextSpan};
use crate::nominal::{ActorSet, MentionKind, Nominals};
use crate::options::{CoderOptions, Negation, Reported};
use crate::pattern::{Bindings, Matcher, SynsetTable};
use crate::sentence::{Dep, Sentence};
use crate::trace::{EventTrace, MentionTrace, PatternTrace, SentenceTrace, VerbTrace};

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
    /// the actors of that sentence ("Nixon" in a sentence about 1972).
    pub fn code_parse_dated(
        &self,
        text: &str,
        parse: &Parse,
        date_of: &dyn Fn(usize) -> Option<Date>,
        mut traces: Option<&mut Vec<SentenceTrace>>,
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
            let coding = match traces.as_deref_mut() {
                Some(list) => {
                    let mut t = SentenceTrace::default();
                    let c = self.code_sentence_traced(&input, Some(&mut t));
                    list.push(t);
                    c
                }
                None => self.code_sentence(&input),
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
        mut trace: Option<&mut SentenceTrace>,
    ) -> SentenceCoding {
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
        if let Some(t) = trace.as_deref_mut() {
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
        out
    }

    /// Looks a verb token up: the chosen entry, code and pattern bindings.
    fn lookup_verb(
        &self,
        s: &Sentence<'_>,
        t: usize,
        scope: &Scope<'_>,
        nom: &mut Nominals,
        mut vt: Option<&mut VerbTrace>,
    ) -> Option<VerbHit> {
        let (blocked, dict_verb, present) = (scope.blocked, scope.coded, scope.present);
        let idx = &*self.index;
        let lex = idx.lexicon();
        let tok = &s.toks[t];
        // Entries listing the surface form come first (PETRARCH looks verbs up by the word as
        // written: "left" is LEFT's, not LEAVE's), then those with the token's lemma.
        let mut cands: Vec<VerbId> = idx.verbs.by_form(tok.lower).to_vec();
        for &v in idx.verbs.by_lemma(tok.lemma) {
            if !cands.contains(&v) {
                cands.push(v);
            }
        }
        if cands.is_empty() {
            return None;
        }
        let mut usable: Vec<(VerbId, usize, usize)> = Vec::new();
        for &v in &cands {
            let Some(cv) = idx.verbs.verb(v) else {
                continue;
            };
            let ok = compound_extent(s, t, &cv.before, &cv.after, blocked);
            if let Some(vt) = vt.as_deref_mut()
                && let Some(verb) = lex.verb(v)
            {
                vt.candidates.push(format!(
                    "{} ({}){}",
                    rule_id(&verb.origin),
                    verb.origin.text,
                    if ok.is_some() {
                        ""
                    } else {
                        " -- compound words not found"
                    }
                ));
            }
            if let Some((a, b)) = ok {
                usable.push((v, a, b));
            }
        }
        let &(first, fk, ek) = usable.first()?;
        let mut domain = Vec::new();
        clause::domain(s, t, blocked, &mut domain);
        let mut pattern_domain = domain.clone();
        clause::cut_clauses(s, t, dict_verb, &mut pattern_domain);
        let mut scan = pattern_domain.clone();
        for c in 0..s.len() {
            if c != t && s.toks[c].dep == Dep::Relcl && is_verb_token(s, c) && s.in_subtree(t, c) {
                for (x, slot) in scan.iter_mut().enumerate() {
                    if s.in_subtree(c, x) {
                        *slot = false;
                    }
                }
            }
        }
        // A word after the verb that is itself a verb of the dictionary codes on its own and
        // combines with this one through the code algebra ("wants to help" = 033); patterns
        // do not take it as a word ("* HELP").
        for (x, slot) in pattern_domain.iter_mut().enumerate() {
            if x != t
                && dict_verb.get(x).copied().unwrap_or(false)
                && matches!(s.toks[x].pos, Some(dyad_doc::parse::Pos::Verb))
            {
                *slot = false;
            }
        }
        // A passive verb's grammatical subject is its logical object: what a pattern expects
        // before the verb (the subject) is not there.
        let passive = clause::is_passive(s, t);
        let subject = clause::own_subject(s, t);
        let before_slots: Vec<bool> = (0..s.len())
            .map(|x| x < t && !blocked.get(x).copied().unwrap_or(false))
            .collect();
        let before: Vec<bool> = (0..s.len())
            .map(|x| {
                before_slots[x] && !(passive && subject.is_some_and(|sub| s.in_subtree(sub, x)))
            })
            .collect();
        // Patterns of each usable entry, most specific first. Among matching patterns of the
        // same specificity, the one whose words lie nearest the verb wins ("launched many
        // attacks during its campaign": `* ATTACKS` before `* CAMPAIGN`), then file order.
        // A passive verb whose patterns find nothing after it tries them again from its
        // subject, its logical object ("Evidence against Russia was presented": `* EVIDENCE`).
        let passive_from = if passive {
            clause::subject(s, t).map(|x| x.token).map(|sub| {
                let lo = (0..s.len())
                    .filter(|&x| s.in_subtree(sub, x))
                    .min()
                    .unwrap_or(sub);
                (s.toks[lo].key_start as usize, sub)
            })
        } else {
            None
        };
        let mut subject_domain = pattern_domain.clone();
        if let Some((_, sub)) = passive_from {
            for (x, slot) in subject_domain.iter_mut().enumerate() {
                if s.in_subtree(sub, x) {
                    *slot = true;
                }
            }
        }
        let passes: &[bool] = if passive_from.is_some() {
            &[false, true]
        } else {
            &[false]
        };
        for &from_subject in passes {
            let mut best: Option<(u32, usize, VerbId, usize, usize, &CompiledPattern, Bindings)> =
                None;
            let mut tried_classes = Vec::new();
            for &(v, first_key, end_key) in &usable {
                let class = lex.verb(v).map(|x| x.class);
                if tried_classes.contains(&class) {
                    continue;
                }
                tried_classes.push(class);
                let after_start = match (from_subject, passive_from) {
                    (true, Some((k, _))) => k,
                    _ => end_key,
                };
                let mut m = Matcher {
                    s,
                    synsets: &self.synsets,
                    nom,
                    after: if from_subject {
                        &subject_domain
                    } else {
                        &pattern_domain
                    },
                    before: &before,
                    before_slots: &before_slots,
                    verb_first_key: first_key,
                    verb_end_key: after_start,
                };
                for p in idx.verbs.patterns(v) {
                    if best.as_ref().is_some_and(|b| p.specificity < b.0) {
                        break;
                    }
                    if from_subject && p.after.is_empty() {
                        continue;
                    }
                    let need = self
                        .pattern_words
                        .get(p.id.0 as usize)
                        .map_or(&[][..], |w| w);
                    let entry = || {
                        lex.pattern(p.id)
                            .map(|x| format!("{} ({})", rule_id(&x.origin), x.origin.text))
                            .unwrap_or_default()
                    };
                    if let Some(&missing) = need.iter().find(|w| !present.contains(w)) {
                        if let Some(vt) = vt.as_deref_mut() {
                            vt.patterns.push(PatternTrace {
                                entry: entry(),
                                result: format!(
                                    "skipped: {:?} is not in the sentence",
                                    idx.vocab().word(missing)
                                ),
                            });
                        }
                        continue;
                    }
                    // Codes made only of punctuation (TABARI's `+++`, `###`) are markers,
                    // not event codes: such a pattern is passed over.
                    let marker = lex.pattern(p.id).is_some_and(|x| {
                        [&x.code.active, &x.code.passive].iter().any(|c| {
                            c.as_deref()
                                .is_some_and(|c| !c.chars().any(|ch| ch.is_ascii_alphanumeric()))
                        })
                    });
                    if marker {
                        if let Some(vt) = vt.as_deref_mut() {
                            vt.patterns.push(PatternTrace {
                                entry: entry(),
                                result: "skipped: its code is a marker, not an event code".into(),
                            });
                        }
                        continue;
                    }
                    match m.try_pattern(p) {
                        Ok(bind) => {
                            let near = bind
                                .tokens
                                .iter()
                                .copied()
                                .chain(bind.source)
                                .chain(bind.target)
                                .filter(|&x| x != t)
                                .map(|x| x.abs_diff(t))
                                .min()
                                .unwrap_or(0);
                            if let Some(vt) = vt.as_deref_mut() {
                                vt.patterns.push(PatternTrace {
                                    entry: entry(),
                                    result: if from_subject {
                                        "matched (from the passive subject)".into()
                                    } else {
                                        "matched".into()
                                    },
                                });
                            }
                            // A pattern written twice: the later line wins (PETRARCH's
                            // trie keeps the last).
                            if best.as_ref().is_none_or(|b| {
                                p.specificity > b.0
                                    || (p.specificity == b.0 && near < b.1)
                                    || (p.before == b.5.before && p.after == b.5.after)
                            }) {
                                best = Some((p.specificity, near, v, first_key, end_key, p, bind));
                            }
                        }
                        Err(f) => {
                            if let Some(vt) = vt.as_deref_mut() {
                                let list = lex
                                    .pattern(p.id)
                                    .map(|x| {
                                        if f.before {
                                            x.before.len()
                                        } else {
                                            x.after.len()
                                        }
                                    })
                                    .unwrap_or(0);
                                vt.patterns.push(PatternTrace {
                                    entry: entry(),
                                    result: format!(
                                        "failed at element {} of {} {} the verb",
                                        f.element + 1,
                                        list,
                                        if f.before { "before" } else { "after" }
                                    ),
                                });
                            }
                        }
                    }
                }
            }
            if let Some((_, _, v, first_key, end_key, p, bind)) = best {
                let code = lex
                    .pattern(p.id)
                    .map(|x| x.code.clone())
                    .unwrap_or_default();
                if let Some(vt) = vt.as_deref_mut() {
                    vt.outcome = format!(
                        "code {code} from the pattern {}",
                        lex.pattern(p.id)
                            .map(|x| rule_id(&x.origin))
                            .unwrap_or_default()
                    );
                    vt.text = s
                        .text_of(
                            s.key_token(first_key),
                            s.key_token(end_key.saturating_sub(1)) + 1,
                        )
                        .to_owned();
                }
                return Some(VerbHit {
                    tok: t,
                    verb: v,
                    first_key,
                    end_key,
                    code,
                    pattern: Some(p.id),
                    bind,
                    domain,
                    scan,
                    absorbed: false,
                });
            }
        }
        let code = lex.verbs.verb_code(first).cloned().unwrap_or_default();
        if let Some(vt) = vt {
            vt.text = s
                .text_of(s.key_token(fk), s.key_token(ek.saturating_sub(1)) + 1)
                .to_owned();
            vt.outcome = if code.is_null() {
                "null code (---): known verb, no event".into()
            } else {
                format!("code {code}: the verb's own (no pattern matched)")
            };
        }
        Some(VerbHit {
            tok: t,
            verb: first,
            first_key: fk,
            end_key: ek,
            code,
            pattern: None,
            bind: Bindings::default(),
            domain,
            scan,
            absorbed: false,
        })
    }

    /// Source, target and code of one verb.
    fn arguments(
        &self,
        s: &Sentence<'_>,
        h: &VerbHit,
        coded: &[usize],
        nom: &mut Nominals,
        blocked: &[bool],
        trace: Option<&mut SentenceTrace>,
    ) -> Proto {
        let lex = self.index.lexicon();
        let v = h.tok;
        let passive = clause::is_passive(s, v);
        let mut confidence: f32 = if h.pattern.is_some() { 0.9 } else { 0.8 };
        let mut notes = Vec::new();
        // Subject (resolved through pronouns).
        let subj = clause::subject(s, v);
        let explicit_subject = subj.is_some_and(|x| x.via == SubjectVia::Own);
        let mut subject_set: Option<(ActorSet, usize, String)> = None;
        if let Some(sub) = subj {
            let (tok, how) = self.resolve_pronoun(s, v, sub.token, nom);
            if tok != sub.token {
                confidence -= 0.1;
            }
            if matches!(sub.via, SubjectVia::Control | SubjectVia::Participle) {
                confidence -= 0.05;
            }
            let set = nom.full(s, tok);
            let how = format!("{:?} subject{how}", sub.via);
            subject_set = Some((set, tok, how));
        }
        let mut source: Option<Side> = None;
        let mut target: Option<Side> = None;
        if let Some(hd) = h.bind.source {
            source = Some(Side::new(nom.own(s, hd), hd, "pattern $"));
        }
        if let Some(hd) = h.bind.target {
            target = Some(Side::new(nom.own(s, hd), hd, "pattern +"));
        }
        if let Some((hd, before)) = h.bind.compound {
            let set = nom.full(s, hd);
            if before {
                source = Some(Side::new(set, hd, "pattern %"));
            } else {
                target = Some(Side::new(set, hd, "pattern %"));
            }
        }
        if passive {
            notes.push("passive".to_owned());
            if source.is_none()
                && let Some(a) = clause::passive_source(s, v)
            {
                source = Some(Side::new(nom.full(s, a), a, "passive by/from/in phrase"));
            }
            if target.is_none()
                && let Some(o) = clause::passive_target_phrase(s, v)
            {
                // "fired at it": an at/against/into/towards phrase is the target.
                let (tok, _) = self.resolve_pronoun(s, v, o, nom);
                let set = nom.full(s, tok);
                if !set.is_empty() {
                    target = Some(Side::new(set, tok, "passive at/against phrase"));
                }
            }
            if target.is_none() {
                let logical = clause::passive_noun(s, v).or(subject_set.as_ref().map(|x| x.1));
                if let Some(o) = logical {
                    let set = nom.full(s, o);
                    target = Some(Side::new(set, o, "passive subject"));
                }
            }
        } else {
            if source.is_none()
                && let Some((set, tok, how)) = subject_set.clone()
            {
                // When the pattern put the target in subject position ("NOTED + *"), the
                // source is the governing clause's subject.
                if h.bind
                    .target
                    .is_some_and(|t| t == tok || s.in_subtree(tok, t))
                {
                    if let Some(g) = clause::governor(s, v)
                        && let Some(gs) = clause::subject(s, g)
                    {
                        source = Some(Side::new(
                            nom.full(s, gs.token),
                            gs.token,
                            "governing clause's subject",
                        ));
                    }
                } else {
                    source = Some(Side::new(set, tok, how));
                }
            }
            if target.is_none() {
                target =
                    self.find_target(s, h, coded, nom, blocked, source.as_ref(), &mut confidence);
            }
        }
        // Negation.
        let mut code = h.code.clone();
        let mut negated = false;
        let mut dropped_by_negation = false;
        if let Some(n) = clause::negation(s, v)
            && !h.bind.tokens.contains(&n)
        {
            negated = true;
            match self.options.negation {
                Negation::Opposite => {
                    let neg = |c: &Option<String>| {
                        c.as_deref().and_then(algebra::negate).map(str::to_owned)
                    };
                    let a = neg(&code.active);
                    let p = neg(&code.passive);
                    if a.is_none() && p.is_none() {
                        dropped_by_negation = true;
                    }
                    code = EventCode {
                        active: a,
                        passive: p,
                    };
                    notes.push(format!("negated by {:?}: code {}", s.word(n), code));
                }
                Negation::Flag => notes.push(format!("negated by {:?} (flagged)", s.word(n))),
                Negation::Drop => {
                    dropped_by_negation = true;
                    notes.push(format!("negated by {:?}: dropped", s.word(n)));
                }
            }
        }
        let rule = match h.pattern.and_then(|p| lex.pattern(p)) {
            Some(p) => rule_id(&p.origin),
            None => lex
                .verb(h.verb)
                .map(|x| rule_id(&x.origin))
                .unwrap_or_default(),
        };
        if let Some(tr) = trace {
            for vt in tr.verbs.iter_mut().filter(|x| x.token == v) {
                vt.source = source.as_ref().map(|x| x.describe(s));
                vt.target = target.as_ref().map(|x| x.describe(s));
                vt.notes.extend(notes.iter().cloned());
            }
        }
        let first_tok = s.key_token(h.first_key);
        let last_tok = s.key_token(h.end_key.saturating_sub(1));
        Proto {
            verb: v,
            token: v,
            verb_text: TextSpan {
                text: s.text_of(first_tok.min(v), last_tok.max(v) + 1).to_owned(),
                span: s.span_of(first_tok.min(v), last_tok.max(v) + 1),
            },
            source,
            target,
            active: if dropped_by_negation {
                None
            } else {
                code.active.clone()
            },
            reverse: if dropped_by_negation {
                None
            } else {
                code.passive.clone()
            },
            negated,
            explicit_subject,
            subject_tok: subject_set.as_ref().map(|x| x.1),
            compound_source: h.bind.compound.is_some_and(|(_, before)| before),
            rule,
            derivation: if h.pattern.is_some() {
                Derivation::Pattern
            } else {
                Derivation::Verb
            },
            confidence,
            alive: true,
        }
    }

    /// A personal pronoun subject resolved within the sentence: the subject of the nearest
    /// governing clause whose subject names an actor.
    fn resolve_pronoun(
        &self,
        s: &Sentence<'_>,
        v: usize,
        tok: usize,
        nom: &mut Nominals,
    ) -> (usize, String) {
        if !clause::is_personal_pronoun(s, tok) {
            return (tok, String::new());
        }
        let mut x = v;
        for _ in 0..16 {
            let Some(g) = clause::governor(s, x) else {
                break;
            };
            if let Some(gs) = clause::subject(s, g)
                && gs.token != tok
                && !clause::is_personal_pronoun(s, gs.token)
                && !nom.full(s, gs.token).is_empty()
            {
                return (
                    gs.token,
                    format!(" ({:?} resolved to {:?})", s.word(tok), s.word(gs.token)),
                );
            }
            x = g;
        }
        (tok, String::new())
    }

    /// The target of an active verb: its direct object, else the first phrase naming an
    /// actor after the verb in its clause (outside coded complement clauses).
    #[allow(clippy::too_many_arguments)]
    fn find_target(
        &self,
        s: &Sentence<'_>,
        h: &VerbHit,
        coded: &[usize],
        nom: &mut Nominals,
        _blocked: &[bool],
        source: Option<&Side>,
        confidence: &mut f32,
    ) -> Option<Side> {
        let v = h.tok;
        let excluded = |x: usize| {
            coded.iter().any(|&c| {
                c != v && s.in_subtree(c, x) && s.in_subtree(v, c) && is_complement(s, v, c)
            })
        };
        let source_codes: Vec<String> = source
            .map(|x| x.set.codes().map(str::to_owned).collect())
            .unwrap_or_default();
        let usable = |set: &ActorSet| {
            !set.is_empty() && !set.codes().all(|c| source_codes.iter().any(|s| s == c))
        };
        // Preference: an object naming an actor; an object that is a role word ("arrested
        // students"); the first phrase after the verb naming an actor; the first that is a
        // role word. A role word modifying another noun ("military exercises") is no target.
        let objects: Vec<usize> = s
            .children(v)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| matches!(s.toks[c].dep, Dep::Dobj | Dep::Dative) && h.domain[c])
            .collect();
        let start = s.key_token(h.end_key.saturating_sub(1)) + 1;
        let mut scan: Vec<usize> = Vec::new();
        // Statements (CAMEO root 01) take only a target attached to the verb ("said to X").
        let statement = h
            .code
            .active
            .as_deref()
            .is_some_and(|c| c.starts_with("01"));
        for q in start..s.len() {
            if !h.scan[q] || excluded(q) {
                continue;
            }
            let Some(hd) = nom.chunk_starting(q) else {
                continue;
            };
            if (!self.options.target_fallback || statement) && !attached_to(s, v, hd) {
                continue;
            }
            scan.push(hd);
        }
        for pass in 0..4 {
            let (list, need_actor) = match pass {
                0 => (&objects, true),
                1 => (&objects, false),
                2 => (&scan, true),
                _ => (&scan, false),
            };
            for &hd in list.iter() {
                let set = nom.full(s, hd);
                if !usable(&set) || (need_actor && !set.has_actor()) {
                    continue;
                }
                if !need_actor && !set.head_named {
                    continue;
                }
                let how = if pass < 2 {
                    "direct object"
                } else {
                    if !attached_to(s, v, hd) {
                        *confidence -= 0.1;
                    }
                    "first actor after the verb"
                };
                return Some(Side::new(set, hd, how));
            }
        }
        None
    }

    /// Combines complements with the verbs that govern them (deepest first).
    fn compose(
        &self,
        s: &Sentence<'_>,
        protos: &mut [Proto],
        mut trace: Option<&mut SentenceTrace>,
    ) {
        let depth = |v: usize| {
            let mut d = 0;
            let mut x = v;
            while let Some(h) = s.head(x) {
                d += 1;
                x = h;
                if d > s.len() {
                    break;
                }
            }
            d
        };
        // A complement's event passes through its governor: no reverse event of its own.
        for p in protos.iter_mut() {
            if complement_governor(s, p.token).is_some_and(|g| g < p.token) {
                p.reverse = None;
            }
        }
        let mut order: Vec<usize> = (0..protos.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth(protos[i].verb)));
        for li in order {
            if !protos[li].alive {
                continue;
            }
            let Some(gv) = complement_governor(s, protos[li].verb) else {
                continue;
            };
            let Some(ui) = protos.iter().position(|p| p.alive && p.verb == gv) else {
                continue;
            };
            if ui == li {
                continue;
            }
            let (upper, lower) = (protos[ui].clone(), protos[li].clone());
            // A reporting clause after what it reports ("X attacked Y, officials said") is
            // attribution: the report stands, the reporting verb codes nothing.
            if lower.verb < gv {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} follows the clause it governs ({:?}): attribution, not combined",
                        upper.verb_text.text, lower.verb_text.text
                    ));
                }
                continue;
            }
            // Transformations first.
            if let Some(result) = self.transform(&upper, &lower) {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} + {:?}: transformation {} gives code {}",
                        upper.verb_text.text,
                        lower.verb_text.text,
                        result.rule,
                        result.active.as_deref().unwrap_or("-")
                    ));
                }
                protos[ui] = result;
                protos[li].alive = self.options.reported_events == Reported::Always
                    && lower.explicit_subject
                    && !same_actors(&lower.source, &upper.source);
                continue;
            }
            let shared = lower.subject_tok.is_none()
                || lower.subject_tok == upper.subject_tok
                || same_actors(&lower.source, &upper.source);
            let (Some(uc), Some(lc)) = (upper.active.as_deref(), lower.active.as_deref()) else {
                continue;
            };
            if shared {
                match algebra::combine_codes(uc, lc) {
                    Some(c) => {
                        if let Some(t) = trace.as_deref_mut() {
                            t.combinations.push(format!(
                                "{:?} ({uc}) governs {:?} ({lc}): combined code {c}",
                                upper.verb_text.text, lower.verb_text.text
                            ));
                        }
                        let mut p = lower.clone();
                        p.verb = upper.verb;
                        p.active = Some(c.to_owned());
                        p.reverse = None;
                        p.source = upper.source.clone().or(lower.source);
                        p.rule = format!("{}+{}", upper.rule, lower.rule);
                        p.derivation = Derivation::Combined;
                        p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
                        p.explicit_subject = upper.explicit_subject;
                        p.verb_text = TextSpan {
                            text: format!("{} ... {}", upper.verb_text.text, lower.verb_text.text),
                            span: Span::new(
                                upper.verb_text.span.start.min(lower.verb_text.span.start),
                                upper.verb_text.span.end.max(lower.verb_text.span.end),
                            ),
                        };
                        protos[ui] = p;
                        protos[li].alive = false;
                    }
                    None => {
                        if let Some(t) = trace.as_deref_mut() {
                            t.combinations.push(format!(
                                "{:?} ({uc}) governs {:?} ({lc}): no combined code; the complement's event stands",
                                upper.verb_text.text, lower.verb_text.text
                            ));
                        }
                        protos[ui].alive = false;
                        if protos[li].source.is_none() {
                            protos[li].source = upper.source.clone();
                        }
                        // The complement now stands where its governor stood.
                        protos[li].verb = upper.verb;
                    }
                }
            } else if let Some(c) = algebra::combine_codes(uc, lc)
                && algebra::pico(lc).is_some_and(|n| !algebra::is_speech_act(n))
                && lower.source.as_ref().is_some_and(|x| !x.set.is_empty())
            {
                // PETRARCH's reading of "A P B to Q" / "A P that B Q": A→B with P and Q
                // combined ("Congress is asking Obama to help Iran": ask + help = 023).
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} ({uc}) governs {:?} ({lc}) with its own subject: {c} towards that subject",
                        upper.verb_text.text, lower.verb_text.text
                    ));
                }
                let mut p = upper.clone();
                p.active = Some(c.to_owned());
                p.reverse = None;
                p.target = lower.source.clone();
                p.rule = format!("{}+{}", upper.rule, lower.rule);
                p.derivation = Derivation::Combined;
                p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
                protos[ui] = p;
                protos[li].alive = self.options.reported_events == Reported::Always;
            } else if self.options.reported_events == Reported::Never {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} reported under {:?} with no rule for the pair: not coded (reported_events = never)",
                        lower.verb_text.text, upper.verb_text.text
                    ));
                }
                protos[li].alive = false;
            }
        }
    }

    /// The first transformation matching `upper` governing `lower`.
    fn transform(&self, upper: &Proto, lower: &Proto) -> Option<Proto> {
        let uc = algebra::pico(upper.active.as_deref()?)?;
        let lc_str = lower.active.as_deref()?;
        let lc = algebra::pico(lc_str);
        for t in &self.transforms {
            if let Some(ov) = t.outer_verb
                && !algebra::falls_under(uc, ov)
            {
                continue;
            }
            match (t.inner_verb, lc) {
                (Some(iv), Some(lc)) if algebra::falls_under(lc, iv) => {}
                (None, _) => {}
                _ => continue,
            }
            // Bind variables.
            let mut vars: Vec<(&str, &Side)> = Vec::new();
            if !bind_var(&mut vars, &t.outer_source, upper.source.as_ref(), true)
                || !bind_var(
                    &mut vars,
                    &t.inner_source,
                    lower.source.as_ref(),
                    lower.explicit_subject,
                )
                || !bind_var(&mut vars, &t.inner_target, lower.target.as_ref(), true)
            {
                continue;
            }
            let get = |var: &TransformVar| -> Option<Option<Side>> {
                match var {
                    TransformVar::Named(n) => vars
                        .iter()
                        .find(|(m, _)| *m == n.as_str())
                        .map(|(_, s)| Some((*s).clone())),
                    _ => Some(None),
                }
            };
            let (Some(src), Some(tgt)) = (get(&t.result_source), get(&t.result_target)) else {
                continue;
            };
            let code = t.code.clone().unwrap_or_else(|| lc_str.to_owned());
            let mut p = lower.clone();
            p.verb = upper.verb;
            p.source = src;
            p.target = tgt;
            p.active = Some(code);
            p.reverse = None;
            p.rule = t.rule.clone();
            p.derivation = Derivation::Transformation;
            p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
            p.explicit_subject = upper.explicit_subject;
            p.verb_text = TextSpan {
                text: format!("{} ... {}", upper.verb_text.text, lower.verb_text.text),
                span: Span::new(
                    upper.verb_text.span.start.min(lower.verb_text.span.start),
                    upper.verb_text.span.end.max(lower.verb_text.span.end),
                ),
            };
            return Some(p);
        }
        None
    }

    /// The events of one proto event.
    fn expand(
        &self,
        s: &Sentence<'_>,
        p: &Proto,
        input: &SentenceInput<'_>,
        sentence_span: Span,
        out: &mut Vec<CodedEvent>,
        suppressed: &mut Vec<(CodedEvent, &'static str)>,
    ) {
        if !p.alive {
            return;
        }
        let actors = |side: &Option<Side>| -> Vec<Option<EventActor>> {
            match side {
                Some(x) if !x.set.is_empty() => x
                    .set
                    .items
                    .iter()
                    .map(|a| {
                        Some(EventActor {
                            code: a.code.clone(),
                            text: s.text_of(a.start, a.end).to_owned(),
                            span: s.span_of(a.start, a.end),
                        })
                    })
                    .collect(),
                _ => vec![None],
            }
        };
        let sources = actors(&p.source);
        let targets = actors(&p.target);
        let make = |src: Option<EventActor>, tgt: Option<EventActor>, code: &str, d: Derivation| {
            CodedEvent {
                sentence_index: input.sentence_index,
                sentence_span,
                source: src,
                target: tgt,
                code: code.to_owned(),
                verb: p.verb_text.clone(),
                rule: p.rule.clone(),
                derivation: d,
                negated: p.negated,
                confidence: p.confidence.clamp(0.1, 1.0),
                issues: Vec::new(),
                date: input.date,
            }
        };
        let mut raw: Vec<CodedEvent> = Vec::new();
        let no_target = targets.iter().all(Option::is_none);
        if let Some(code) = p.active.as_deref() {
            let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06"));
            let real_sources: Vec<&EventActor> = sources.iter().flatten().collect();
            let pairs = (cooperative && self.options.compound_pairs) || p.compound_source;
            if pairs && no_target && real_sources.len() > 1 {
                for a in &real_sources {
                    for b in &real_sources {
                        if a.code != b.code {
                            raw.push(make(
                                Some((*a).clone()),
                                Some((*b).clone()),
                                code,
                                p.derivation,
                            ));
                        }
                    }
                }
            } else {
                for a in &sources {
                    for b in &targets {
                        raw.push(make(a.clone(), b.clone(), code, p.derivation));
                    }
                }
            }
        }
        if let Some(code) = p.reverse.as_deref() {
            for a in &sources {
                for b in &targets {
                    raw.push(make(b.clone(), a.clone(), code, Derivation::Reverse));
                }
            }
        }
        for e in raw {
            let same = matches!((&e.source, &e.target), (Some(a), Some(b)) if a.code == b.code);
            if same {
                suppressed.push((e, "source and target are the same actor"));
            } else if e.source.is_none() && e.target.is_none() {
                suppressed.push((e, "no actors"));
            } else if self.options.require_dyad && (e.source.is_none() || e.target.is_none()) {
                suppressed.push((e, "require_dyad"));
            } else {
                out.push(e);
            }
        }
    }
}

/// Binds a transformation variable to an event side; false if the binding contradicts.
fn bind_var<'a>(
    vars: &mut Vec<(&'a str, &'a Side)>,
    var: &'a TransformVar,
    side: Option<&'a Side>,
    explicit: bool,
) -> bool {
    match var {
        TransformVar::Any => true,
        TransformVar::Absent => side.is_none_or(|s| s.set.is_empty()) || !explicit,
        TransformVar::Named(n) => {
            let Some(side) = side.filter(|s| !s.set.is_empty()) else {
                return false;
            };
            if let Some((_, prev)) = vars.iter().find(|(m, _)| *m == n.as_str()) {
                return same_actors(&Some((*prev).clone()), &Some(side.clone()));
            }
            vars.push((n.as_str(), side));
            true
        }
    }
}

/// What a verb lookup needs to know about the rest of the sentence.
struct Scope<'a> {
    /// Tokens eliminated by comma clauses.
    blocked: &'a [bool],
    /// Verbs already looked up that code on their own.
    coded: &'a [bool],
    /// The keys present in the sentence.
    present: &'a rustc_hash::FxHashSet<WordId>,
}

/// A verb found in the lexicon, with its code.
#[derive(Debug, Clone)]
struct VerbHit {
    tok: usize,
    verb: VerbId,
    first_key: usize,
    end_key: usize,
    code: EventCode,
    pattern: Option<PatternId>,
    bind: Bindings,
    domain: Vec<bool>,
    /// Where the fallback target scan looks: the domain without embedded clauses that have
    /// their own subject and verb, or that modify nouns.
    scan: Vec<bool>,
    absorbed: bool,
}

/// One side of an event being built.
#[derive(Debug, Clone, PartialEq)]
struct Side {
    set: ActorSet,
    head: usize,
    how: Cow<'static, str>,
}

impl Side {
    fn new(set: ActorSet, head: usize, how: impl Into<Cow<'static, str>>) -> Side {
        Side {
            set,
            head,
            how: how.into(),
        }
    }

    fn describe(&self, s: &Sentence<'_>) -> String {
        let codes: Vec<&str> = self.set.codes().collect();
        format!(
            "[{}] from {:?} ({})",
            codes.join(", "),
            s.word(self.head),
            self.how
        )
    }
}

/// An event before expansion into actor pairs.
#[derive(Debug, Clone)]
struct Proto {
    /// The verb token the event currently stands at (a governor, after combination).
    verb: usize,
    /// The verb token that coded it first.
    token: usize,
    verb_text: TextSpan,
    source: Option<Side>,
    target: Option<Side>,
    active: Option<String>,
    reverse: Option<String>,
    negated: bool,
    explicit_subject: bool,
    /// The subject's head (after pronoun resolution), if any.
    subject_tok: Option<usize>,
    /// The source is a compound matched by a pattern's `%`: without a target, the event is
    /// between its members.
    compound_source: bool,
    rule: String,
    derivation: Derivation,
    confidence: f32,
    alive: bool,
}

impl Proto {
    /// Whether the event has actors on both sides (or a compound subject of a cooperative
    /// code).
    fn has_dyad(&self) -> bool {
        let some = |x: &Option<Side>| x.as_ref().is_some_and(|x| !x.set.is_empty());
        (self.active.is_some() || self.reverse.is_some())
            && some(&self.source)
            && some(&self.target)
    }
}

fn same_actors(a: &Option<Side>, b: &Option<Side>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if !a.set.is_empty() => {
            let mut x: Vec<&str> = a.set.codes().collect();
            let mut y: Vec<&str> = b.set.codes().collect();
            x.sort_unstable();
            y.sort_unstable();
            x == y
        }
        _ => false,
    }
}

/// Whether keys `ks..ke` (tokens `a..b`) are whole whitespace-separated words of the text: they
/// start and end at token boundaries, with whitespace (or the start of the text) before and
/// whitespace after.
fn whole_words(s: &Sentence<'_>, a: usize, b: usize, ks: usize, ke: usize) -> bool {
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
fn is_verb_token(s: &Sentence<'_>, t: usize) -> bool {
    let tok = &s.toks[t];
    (tok.tag.is_verb() || matches!(tok.pos, Some(dyad_doc::parse::Pos::Verb)))
        && !matches!(tok.dep, Dep::Aux | Dep::Auxpass)
}

/// Whether verb `v` heads (or is conjoined within) a clause modifying a noun: a relative
/// clause ("the group that seized Mosul") or a participle ("victims killed by the crash").
fn in_noun_clause(s: &Sentence<'_>, v: usize) -> bool {
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
fn verbal_ancestor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let mut x = v;
    for _ in 0..s.len() {
        x = s.head(x)?;
        if is_verb_token(s, x) {
            return Some(x);
        }
    }
    None
}

/// Whether `c` is a complement (or conjunct of one) of verb `v`.
fn is_complement(s: &Sentence<'_>, v: usize, c: usize) -> bool {
    complement_governor(s, c) == Some(v)
}

/// The verb governing `v` through complement links (`xcomp`, `ccomp`), passing through
/// adjectives ("about to"), copulas and conjunctions.
fn complement_governor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let mut x = v;
    let mut through_complement = false;
    for _ in 0..16 {
        let h = s.head(x)?;
        match s.toks[x].dep {
            Dep::Conj => x = h,
            Dep::Xcomp | Dep::Ccomp => {
                through_complement = true;
                if is_verb_token(s, h) {
                    return Some(h);
                }
                x = h;
            }
            Dep::Acomp if through_complement => {
                if is_verb_token(s, h) {
                    return Some(h);
                }
                x = h;
            }
            _ => return None,
        }
    }
    None
}

/// Whether phrase head `hd` hangs off verb `v` directly (as object or through a preposition).
fn attached_to(s: &Sentence<'_>, v: usize, hd: usize) -> bool {
    let mut x = hd;
    for _ in 0..4 {
        let Some(h) = s.head(x) else { return false };
        if h == v {
            return true;
        }
        if !matches!(
            s.toks[x].dep,
            Dep::Pobj | Dep::Dobj | Dep::Conj | Dep::Appos
        ) && !matches!(
            s.toks[h].dep,
            Dep::Prep | Dep::Agent | Dep::Dative | Dep::Dobj
        ) {
            return false;
        }
        x = h;
    }
    false
}

/// The key extent `[first, end)` of a verb with its compound words, if they are there: words
/// before must immediately precede the head; words after must follow it directly or be its
/// particles.
fn compound_extent(
    s: &Sentence<'_>,
    t: usize,
    before: &[WordId],
    after: &[WordId],
    blocked: &[bool],
) -> Option<(usize, usize)> {
    let tok = &s.toks[t];
    let ids = s.keys.ids();
    let mut first = tok.key_start as usize;
    let mut end = tok.key_end as usize;
    if !before.is_empty() {
        let n = before.len();
        if first < n || ids.get(first - n..first) != Some(before) {
            return None;
        }
        if (first - n..first).any(|k| blocked.get(s.key_token(k)).copied().unwrap_or(false)) {
            return None;
        }
        first -= n;
    }
    if !after.is_empty() {
        if ids.get(end..end + after.len()) == Some(after) {
            end += after.len();
        } else {
            // Particles anywhere among the verb's dependents.
            let prts: Vec<WordId> = s
                .children(t)
                .iter()
                .map(|&c| c as usize)
                .filter(|&c| matches!(s.toks[c].dep, Dep::Prt | Dep::Advmod | Dep::Prep))
                .map(|c| s.toks[c].lower)
                .collect();
            if !after.iter().all(|w| prts.contains(w)) {
                return None;
            }
        }
    }
    Some((first, end))
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
                .unwrap_or_default(),
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
