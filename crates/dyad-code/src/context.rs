//! Document context: what the sentences before this one (and the title) said, so that "he",
//! "Kim", "the North" or "the two leaders" get the actor they stand for.
//!
//! [`DocContext`] is a small discourse memory, updated after each sentence
//! ([`crate::Coder::code_sentence_in_document`]) with the actors the sentence mentions: their
//! code on the sentence's date, the words that named them, the sentence, whether a person, a
//! state, an organisation or a group (plural), a gender when the text gave one, and whether
//! they were a subject. Every entity of the document is kept (for short names); the
//! *recent* memory, which pronouns and descriptions look at, is the title and the two
//! sentences before the current one (four for "the two leaders"), each ordered by salience:
//! the main clause's subject, other subjects, then the other mentions in text order.
//!
//! # Rules
//!
//! The coder resolves a reference only when one reading is clearly the best; otherwise the
//! side stays empty (an event with a missing side is dropped under `require_dyad`, which is
//! better than an event with the wrong actor). The within-sentence resolver of
//! [`crate::clause`] ("Ethiopia indicated it would act") always comes first.
//!
//! * **Tiers.** A reference looks first at the actors of its own sentence that precede it
//!   (never at the subject of its own verb, nor at what that subject stands for: "Kim praised
//!   him" is not Kim, "saying he would welcome him" is not whoever "he" is), then at the
//!   previous sentence, the one before, and the title (while it is within two sentences:
//!   the lede). The first tier with a compatible candidate decides. Within a tier the most
//!   salient candidate wins when it is a subject; a non-subject candidate wins only when it
//!   is the tier's only compatible one (two objects: ambiguous, unresolved).
//! * **"he"/"him", "she"/"her"** take a single person: a name the lexicon files as a person
//!   (or the entity recogniser tags PERSON), a singular role phrase ("the foreign
//!   minister"), or a proper noun heading a phrase with a person's role word ("Ukraine's
//!   Defence Minister Rustem Umerov", coded UKRGOV by its first actor and role). A person whose gender the text gave ("Mr.", "Mrs.",
//!   "Ms.", "king", "queen", or an earlier "he"/"she" resolved to them) does not take a pronoun
//!   of the other gender. A person the lexicon does not know is remembered too, without a
//!   code, so that "he" after "John Smith said" is not given the minister two sentences up.
//! * **"they"/"them"** in their own sentence take the nearest plural phrase before them (a
//!   group, "Serbian forces", or a compound); a plural phrase that names no actor
//!   ("workers", "assets") blocks, and the side stays empty. In the sentences before, they
//!   take the last subject when it was a compound or a group ("Arnor and Gondor signed…;
//!   they…"), else a group named there, else a state or an organisation, by the tier and
//!   salience rules. Never a single person.
//! * **"it"** takes a state or an organisation only when the most salient subject of the
//!   nearest previous sentence with a subject is one, and only as the subject of a verb other
//!   than "be" ("It said"; not "it is likely", and never an object: "called it a mistake" is
//!   about a thing far more often than an actor).
//! * **"we"/"us"** (the speaker's side) are left alone.
//! * **Short names.** A run of proper nouns the lexicon does not code ("Kim", "Mr. Wang",
//!   "Nixon" in a lexicon that only knows "Richard Nixon"), whose words all belong to the
//!   longer name of exactly one person named earlier in the document (anywhere before, the
//!   title included), is that person. A name the lexicon resolves ambiguously (entries with
//!   different codes on the date) is the document's person when exactly one such person's
//!   lexicon entry is among those entries. Several matching persons: unresolved.
//! * **"the North"/"the South"** (a head noun with "the", not part of a name) is the state
//!   named earlier in the document whose name begins with that word ("North Korea", "South
//!   Sudan"), when exactly one does.
//! * **"the country", "the government", "the regime", "the kingdom", "the island", "the
//!   nation"** (with only "the"; no adjective, name or "of" phrase) are the state of the
//!   nearest tier that names exactly one state; the role word's agent still attaches ("the
//!   government" after North Korea is PRKGOV).
//! * **"the two leaders", "both leaders", "the two countries", "both sides"** (also
//!   presidents, ministers, men, women, nations, states, neighbours, governments) are the
//!   two persons (leaders, presidents, ministers, men, women), countries (countries,
//!   nations, states, neighbours, governments) or either, persons first (sides), of the
//!   nearest tier that has exactly two of them, looking up to four sentences back (a pair is
//!   usually named a little earlier in the paragraph): a compound of both. Countries are
//!   counted from states, government bodies ("Moscow", "the Kremlin"), persons and groups
//!   ("Putin and Kim": RUS, PRK; "Chinese troops crossed into Vietnam": CHN, VNM); "the two
//!   governments" keeps its role word (RUSGOV, CHNGOV). More than two in that tier:
//!   ambiguous.
//!   "the Kremlin", "Washington" and "Beijing" are names of the lexicon and need no rule.
//!
//! **Events.** An event side that came from the context has the reference's own words and
//! span in this sentence (never the antecedent's, which may lie in another sentence or in the
//! title), and the event's confidence drops by 0.15. The antecedent is in the sentence's trace
//! ([`crate::ReferenceTrace`]).
//!
//! **Dates.** An antecedent named by the lexicon is looked up again on the date of the
//! sentence that refers to it: "Nixon traveled to Beijing in 1972. He met Mao." gives the
//! 1972 code for "He" when the sentence is coded with its 1972 date.
//!
//! **Datelines.** The agency of a dateline ("SEOUL (Yonhap) —") is no participant and is
//! not remembered ([`DocContext::skip_span`]); its place is, as the story's likely country.
//!
//! **The title** is read before the first sentence ([`DocContext::seed_title`]): its actor
//! names are found with the lexicon alone (the title is not parsed and not coded, so no event
//! and no span ever points into it); a name the lexicon files as a person is a person, the
//! first name of the title is taken as its subject.

use std::collections::VecDeque;

use dyad_doc::Span;
use dyad_doc::parse::Parse;
use dyad_lexicon::{ActorId, Attach, LexiconIndex};
use jiff::civil::Date;
use serde::Serialize;

use crate::nominal::{Actor, MentionKind, Nominals};
use crate::sentence::{Dep, Sentence, Tag};

/// How many sentences before the current one pronouns and descriptions look at.
const WINDOW: i64 = 2;
/// How many sentences before the current one "the two leaders" looks at: a pair is usually
/// named a little earlier in the paragraph.
const PAIR_WINDOW: i64 = 4;
/// At most this many entities are remembered (the least recent are forgotten).
const MAX_ENTITIES: usize = 96;
/// Confidence lost by an event with a side from the context.
pub(crate) const CONTEXT_PENALTY: f32 = 0.15;

/// What kind of actor a referent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferentKind {
    /// A named individual or a singular person role ("the foreign minister").
    Person,
    /// A state (a bare country code).
    State,
    /// An organisation or institution ("the Kremlin", "the Chinese government").
    Organisation,
    /// A plural group ("officials", "rebels").
    Group,
}

/// A gender the text gave a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// "Mr.", "he", "king".
    Male,
    /// "Mrs.", "Ms.", "she", "queen".
    Female,
}

/// One entity of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Referent {
    /// Its code when last mentioned (empty: a person the lexicon does not know).
    pub code: String,
    /// The words that named it (the longest name seen).
    pub name: String,
    /// The name's words, lower case, for short names.
    pub name_words: Vec<String>,
    /// The sentence that named it (`None`: the title).
    pub named_in: Option<u32>,
    /// What kind of actor.
    pub kind: ReferentKind,
    /// The gender the text gave, if any.
    pub gender: Option<Gender>,
    /// The lexicon entry and the agents attached, to look the code up on another date.
    actor: Option<ActorId>,
    base: String,
    roles: Vec<(String, Attach)>,
}

impl Referent {
    /// The referent's code on `date`: its lexicon entry's code then (a person's alone, a
    /// country's with the phrase's agents), when the entry has exactly one code on that date;
    /// else the code it had when mentioned.
    fn code_on(&self, index: &LexiconIndex, date: Option<Date>) -> String {
        if let Some(id) = self.actor
            && let Some(a) = index.lexicon().actor(id)
            && let Some(p) = a.code_on(date)
            && !p.is_null()
            && let [one] = p.codes.as_slice()
        {
            // A person's entry gives the person's code then; a country's or an
            // organisation's takes the phrase's agents ("Chinese officials": CHN + GOV).
            if self.kind == ReferentKind::Person && lexicon_person(index, id) {
                return one.clone();
            }
            return Actor::new(one, self.roles.clone(), 0, 0).code;
        }
        if self.base.is_empty() {
            self.code.clone()
        } else {
            Actor::new(&self.base, self.roles.clone(), 0, 0).code
        }
    }
}

/// One mention of an entity in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    entity: u32,
    subject: bool,
    main: bool,
    /// Mentions of one phrase (a compound) share it.
    group: u32,
}

#[derive(Debug, Clone, PartialEq)]
struct SentenceSeen {
    /// `None`: the title.
    index: Option<u32>,
    seen: Vec<Seen>,
}

impl SentenceSeen {
    fn position(&self) -> i64 {
        self.index.map_or(-1, i64::from)
    }
}

/// The discourse memory of a document (see the module docs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocContext {
    /// Text never remembered (a dateline's agency).
    skip: Option<Span>,
    entities: Vec<Referent>,
    /// Recency of each entity (the last sentence position that mentioned it).
    last_seen: Vec<i64>,
    recent: VecDeque<SentenceSeen>,
}

/// An actor of the current sentence, found after coding (or before resolving, for the
/// references that look back within their own sentence).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub(crate) head: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    actor: Option<ActorId>,
    pub(crate) code: String,
    base: String,
    roles: Vec<(String, Attach)>,
    name: String,
    name_words: Vec<String>,
    pub(crate) kind: ReferentKind,
    gender: Option<Gender>,
    pub(crate) subject: bool,
    pub(crate) main: bool,
    group: u32,
    /// Set for a reference resolved from the context: what it stands for, with its code.
    link: Option<(Target, String)>,
}

/// What a resolved reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// An entity of the context.
    Entity(u32),
    /// An actor named earlier in the same sentence, by its phrase head.
    Item(usize),
}

/// A reference found in a sentence and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolution {
    /// Tokens of the reference.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The tokens the inserted mention covers (the determiner only when a role word's agent
    /// attaches: "the government").
    mention: (usize, usize),
    pub(crate) span: Span,
    pub(crate) text: String,
    pub(crate) rule: &'static str,
    /// What it stands for, with codes on the date; empty when unresolved.
    targets: Vec<(Target, String)>,
    /// The kind and name of each target, for the reference's own entry in the context.
    info: Vec<(ReferentKind, String)>,
    /// The antecedent as the trace shows it: words and sentence.
    pub(crate) antecedent: Option<(String, Option<u32>)>,
    /// Why unresolved.
    pub(crate) why: Option<String>,
}

impl Resolution {
    /// Whether it was resolved.
    pub(crate) fn resolved(&self) -> bool {
        !self.targets.is_empty()
    }

    /// The trace of it.
    pub(crate) fn trace(&self) -> crate::ReferenceTrace {
        let mut codes: Vec<String> = Vec::new();
        for t in &self.targets {
            if !codes.contains(&t.1) {
                codes.push(t.1.clone());
            }
        }
        crate::ReferenceTrace {
            text: self.text.clone(),
            span: [self.span.start, self.span.end],
            rule: self.rule,
            antecedent: self.antecedent.as_ref().map(|a| a.0.clone()),
            antecedent_sentence: self.antecedent.as_ref().and_then(|a| a.1),
            codes,
            unresolved: self.why.clone(),
        }
    }
}

/// A candidate antecedent.
#[derive(Debug, Clone)]
struct Cand {
    target: Target,
    code: String,
    kind: ReferentKind,
    gender: Option<Gender>,
    name: String,
    named_in: Option<u32>,
    subject: bool,
    group: u32,
}

const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("mr", Some(Gender::Male)),
    ("mr.", Some(Gender::Male)),
    ("mrs", Some(Gender::Female)),
    ("mrs.", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("ms.", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("madam", Some(Gender::Female)),
    ("dr", None),
    ("dr.", None),
];

/// Role nouns whose singular names one person (a general fact of English), with the gender
/// some of them carry.
const PERSON_ROLES: &[(&str, Option<Gender>)] = &[
    ("president", None),
    ("minister", None),
    ("leader", None),
    ("spokesman", Some(Gender::Male)),
    ("spokeswoman", Some(Gender::Female)),
    ("spokesperson", None),
    ("chairman", None),
    ("chairwoman", Some(Gender::Female)),
    ("premier", None),
    ("chancellor", None),
    ("king", Some(Gender::Male)),
    ("queen", Some(Gender::Female)),
    ("prince", Some(Gender::Male)),
    ("princess", Some(Gender::Female)),
    ("emperor", Some(Gender::Male)),
    ("emir", Some(Gender::Male)),
    ("sultan", Some(Gender::Male)),
    ("sheikh", Some(Gender::Male)),
    ("pope", Some(Gender::Male)),
    ("secretary", None),
    ("ambassador", None),
    ("envoy", None),
    ("general", None),
    ("commander", None),
    ("governor", None),
    ("mayor", None),
    ("senator", None),
    ("diplomat", None),
    ("official", None),
    ("dictator", None),
    ("monarch", None),
    ("counterpart", None),
    ("negotiator", None),
    ("prosecutor", None),
    ("judge", None),
];

fn honorific(word: &str) -> Option<Option<Gender>> {
    let w = word.to_ascii_lowercase();
    HONORIFICS.iter().find(|h| h.0 == w).map(|h| h.1)
}

fn person_role(lemma: &str) -> Option<Option<Gender>> {
    PERSON_ROLES.iter().find(|r| r.0 == lemma).map(|r| r.1)
}

fn lemma_of(s: &Sentence<'_>, parse: &Parse, t: usize) -> String {
    let l = parse
        .token(s.base + t)
        .map(|k| k.lemma().to_ascii_lowercase())
        .unwrap_or_default();
    if l.is_empty() || l == "-pron-" {
        s.word(t).to_ascii_lowercase()
    } else {
        l
    }
}

fn ent_type<'p>(s: &Sentence<'_>, parse: &'p Parse, t: usize) -> &'p str {
    parse.token(s.base + t).map_or("", |k| k.ent_type())
}

/// Whether the lexicon files actor `id` as a person: dyad's own lexicon by the line that
/// defines it (`person …`, `short …`), PETRARCH's by a tenure (a dated code with a role).
fn lexicon_person(index: &LexiconIndex, id: ActorId) -> bool {
    let Some(a) = index.lexicon().actor(id) else {
        return false;
    };
    let text = a.origin.text.trim_start();
    let keyword = text.split_whitespace().next().unwrap_or("");
    match keyword {
        "person" | "short" => true,
        "actor" | "name" | "group" | "org" | "organisation" | "organization" => false,
        _ => a
            .codes
            .iter()
            .any(|p| p.is_dated() && p.codes.iter().any(|c| c.len() > 3 && c != "---")),
    }
}

fn is_state_code(code: &str) -> bool {
    code.len() == 3 && dyad_ontology::country(code).is_some()
}

fn words_of(s: &Sentence<'_>, a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter(|&t| {
            let w = s.word(t);
            honorific(w).is_none()
                && w.chars().any(char::is_alphabetic)
                && s.toks[t].tag != Tag::Dt
                && s.toks[t].tag != Tag::Pos
        })
        .map(|t| s.word(t).to_lowercase())
        .collect()
}

fn is_plural(tag: Tag) -> bool {
    matches!(tag, Tag::Nns | Tag::Nnps)
}

/// The actors of the sentence as context items, most salient first (see the module docs).
pub(crate) fn sentence_items(
    s: &Sentence<'_>,
    parse: &Parse,
    nom: &mut Nominals,
    index: &LexiconIndex,
    resolutions: &[Resolution],
    skip: Option<Span>,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for h in 0..s.len() {
        if !crate::nominal::is_chunk_head(s, h) {
            continue;
        }
        let dep = s.toks[h].dep;
        if matches!(dep, Dep::Conj | Dep::Appos) && s.head(h).is_some_and(|x| s.is_nominal(x)) {
            continue;
        }
        let set = nom.full(s, h);
        // The head names the actor ("officials", "Russia"), or is a name the lexicon does not
        // know in a phrase that codes ("Russian official Ivan Petrov").
        if set.is_empty() || !(set.head_named || matches!(s.toks[h].tag, Tag::Nnp)) {
            continue;
        }
        let subject = dep.is_subject();
        let main = subject && s.head(h).is_some_and(|v| s.toks[v].dep == Dep::Root);
        let head_lemma = lemma_of(s, parse, h);
        let compound = set.items.len() > 1;
        for a in &set.items {
            // The name that gave this actor, if any.
            let mention = nom.mentions.iter().find(|m| {
                m.start >= a.start
                    && m.end <= a.end
                    && matches!(&m.kind, MentionKind::Actor { codes, .. } if codes.contains(&a.base))
            });
            let (actor, name_range) = match mention {
                Some(m) => match &m.kind {
                    MentionKind::Actor { actor, .. } => (Some(*actor), (m.start, m.end)),
                    MentionKind::Agent { .. } => (None, (a.start, a.end)),
                },
                None => (None, (a.start, a.end)),
            };
            let linked = resolutions.iter().find_map(|r| {
                let inside = r.mention.0 >= a.start && r.mention.1 <= a.end;
                if !inside {
                    return None;
                }
                let j = r
                    .targets
                    .iter()
                    .position(|t| t.1 == a.base || t.1 == a.code)
                    .or((r.targets.len() == 1).then_some(0))?;
                Some((r.targets.get(j)?.clone(), r.info.get(j).cloned()))
            });
            let link = linked.as_ref().map(|l| l.0.clone());
            let actor = if link.is_some() {
                None
            } else {
                actor.filter(|id| id.0 != u32::MAX)
            };
            let mut person_by_name = actor.is_some_and(|id| lexicon_person(index, id))
                || (name_range.0..name_range.1).any(|t| ent_type(s, parse, t) == "PERSON");
            let mut name_range = name_range;
            let mut actor = actor;
            let role = person_role(&head_lemma);
            let singular = !is_plural(s.toks[h].tag);
            // The head itself may be the person's name behind the first actor of the phrase
            // ("Russian President Vladimir Putin": the phrase codes RUS + GOV, the head is
            // Putin): a name the lexicon files as a person, a PERSON entity, or a proper noun
            // with a person's role word in its phrase.
            if !compound && singular && !(name_range.0 <= h && h < name_range.1) {
                let head_name = nom.mention_at(h).and_then(|m| match &m.kind {
                    MentionKind::Actor { actor, .. } => Some((*actor, m.start, m.end)),
                    MentionKind::Agent { .. } => None,
                });
                let (lo, hi) = nom.extent(h);
                let role_in_phrase = (lo..hi)
                    .any(|t| agent_at(nom, t) && person_role(&lemma_of(s, parse, t)).is_some());
                let proper = matches!(s.toks[h].tag, Tag::Nnp);
                if let Some((id, ms, me)) = head_name
                    && (lexicon_person(index, id) || ent_type(s, parse, h) == "PERSON")
                {
                    person_by_name = true;
                    name_range = (ms, me);
                    actor = Some(id).filter(|id| id.0 != u32::MAX && link.is_none());
                } else if proper && (ent_type(s, parse, h) == "PERSON" || role_in_phrase) {
                    person_by_name = true;
                    let mut ms = h;
                    while ms > lo && matches!(s.toks[ms - 1].tag, Tag::Nnp) {
                        ms -= 1;
                    }
                    name_range = (ms, h + 1);
                }
            }
            // A conjunct of a compound ("North Korean leader Kim Jong Un and South Korean
            // President Moon Jae-in"): a person when a person's name follows its first actor
            // within the conjunct.
            if compound && !person_by_name && link.is_none() {
                let next = set
                    .items
                    .iter()
                    .map(|b| b.start)
                    .filter(|&b| b > a.start)
                    .min()
                    .unwrap_or_else(|| {
                        (a.end..s.len())
                            .take_while(|&t| s.in_subtree(h, t))
                            .last()
                            .map_or(a.end, |t| t + 1)
                    });
                for m in nom
                    .mentions
                    .iter()
                    .filter(|m| m.start >= a.end && m.end <= next)
                {
                    if let MentionKind::Actor { actor: id, .. } = &m.kind
                        && (lexicon_person(index, *id)
                            || (m.start..m.end).any(|t| ent_type(s, parse, t) == "PERSON"))
                    {
                        person_by_name = true;
                        name_range = (m.start, m.end);
                        actor = Some(*id);
                        break;
                    }
                }
            }
            let kind = if let Some((_, Some((k, _)))) = &linked {
                *k
            } else if person_by_name
                || (!compound && singular && role.is_some() && agent_at(nom, h))
            {
                ReferentKind::Person
            } else if !singular {
                ReferentKind::Group
            } else if is_state_code(&a.code) {
                ReferentKind::State
            } else if person_by_name {
                ReferentKind::Person
            } else {
                ReferentKind::Organisation
            };
            let mut gender = None;
            if kind == ReferentKind::Person {
                let first = a.start.min(name_range.0);
                for t in first.saturating_sub(1)..a.end.max(name_range.1) {
                    if let Some(Some(g)) = honorific(s.word(t)) {
                        gender = Some(g);
                    }
                }
                if gender.is_none()
                    && let Some(Some(g)) = role
                {
                    gender = Some(g);
                }
            }
            items.push(Item {
                head: h,
                start: a.start,
                end: a.end,
                actor,
                code: a.code.clone(),
                base: a.base.clone(),
                roles: a.roles.clone(),
                name: match &linked {
                    Some((_, Some((_, n)))) => n.clone(),
                    _ => s.text_of(name_range.0, name_range.1).to_owned(),
                },
                name_words: match &linked {
                    Some((_, Some((_, n)))) => {
                        n.split_whitespace().map(str::to_lowercase).collect()
                    }
                    _ => words_of(s, name_range.0, name_range.1),
                },
                kind,
                gender,
                subject,
                main,
                group: h as u32,
                link,
            });
        }
    }
    // Plural phrases that name no actor ("workers", "protesters"): they block "they" from
    // reaching past them.
    for h in 0..s.len() {
        if !is_plural(s.toks[h].tag)
            || !crate::nominal::is_chunk_head(s, h)
            || items.iter().any(|i| i.head == h)
            || matches!(
                ent_type(s, parse, h),
                "DATE" | "TIME" | "MONEY" | "QUANTITY" | "CARDINAL" | "PERCENT" | "ORDINAL"
            )
            || (matches!(s.toks[h].dep, Dep::Conj | Dep::Appos)
                && s.head(h).is_some_and(|x| s.is_nominal(x)))
        {
            continue;
        }
        let (lo, hi) = nom.extent(h);
        if items.iter().any(|i| i.start < hi && lo < i.end) {
            continue;
        }
        let subject = s.toks[h].dep.is_subject();
        items.push(Item {
            head: h,
            start: lo,
            end: hi,
            actor: None,
            code: String::new(),
            base: String::new(),
            roles: Vec::new(),
            name: s.text_of(lo, hi).to_owned(),
            name_words: Vec::new(),
            kind: ReferentKind::Group,
            gender: None,
            subject,
            main: subject && s.head(h).is_some_and(|v| s.toks[v].dep == Dep::Root),
            group: h as u32,
            link: None,
        });
    }
    // Persons the lexicon does not know (the entity recogniser's PERSON names).
    for e in parse.ents() {
        if e.label != "PERSON" || e.start < s.base || e.end > s.base + s.len() {
            continue;
        }
        let (a, b) = (e.start - s.base, e.end - s.base);
        let coded = items.iter().any(|i| i.start < b && a < i.end)
            || (a..b).any(|t| {
                nom.mention_at(t)
                    .is_some_and(|m| matches!(&m.kind, MentionKind::Actor { .. }))
            });
        if coded || a >= b {
            continue;
        }
        let head = (a..b)
            .find(|&t| s.head(t).is_none_or(|x| x < a || x >= b))
            .unwrap_or(b - 1);
        let subject = s.toks[head].dep.is_subject();
        let mut gender = None;
        for t in a.saturating_sub(1)..b {
            if let Some(Some(g)) = honorific(s.word(t)) {
                gender = Some(g);
            }
        }
        items.push(Item {
            head,
            start: a,
            end: b,
            actor: None,
            code: String::new(),
            base: String::new(),
            roles: Vec::new(),
            name: s.text_of(a, b).to_owned(),
            name_words: words_of(s, a, b),
            kind: ReferentKind::Person,
            gender,
            subject,
            main: subject && s.head(head).is_some_and(|v| s.toks[v].dep == Dep::Root),
            group: head as u32,
            link: None,
        });
    }
    if let Some(skip) = skip {
        items.retain(|i| {
            let sp = s.span_of(i.start, i.end);
            !(sp.start >= skip.start && sp.end <= skip.end)
        });
    }
    items.sort_by_key(|i| (!i.main, !i.subject, i.start));
    items
}

/// The words of `title` from the first of `words` to the last, as written.
fn title_words(title: &str, words: &[String]) -> Option<String> {
    let lower = title.to_lowercase();
    if lower.len() != title.len() {
        return None;
    }
    let first = words.first()?;
    let last = words.last()?;
    let start = lower.find(first.as_str())?;
    let end = start + lower.get(start..)?.find(last.as_str())? + last.len();
    title.get(start..end).map(str::to_owned)
}

/// Whether the mention at `h` is an agent (a role word).
fn agent_at(nom: &Nominals, h: usize) -> bool {
    nom.mention_at(h)
        .is_some_and(|m| matches!(m.kind, MentionKind::Agent { .. }))
}

impl DocContext {
    /// An empty context (the start of a document without a title).
    pub fn new() -> DocContext {
        DocContext::default()
    }

    /// Text whose actors are not remembered: a dateline's agency ("(Yonhap)"), which is no
    /// participant of the story.
    pub fn skip_span(&mut self, span: Span) {
        self.skip = Some(span);
    }

    /// The span set by [`DocContext::skip_span`].
    pub(crate) fn skipped(&self) -> Option<Span> {
        self.skip
    }

    /// The entities remembered, in the order they were first named.
    pub fn referents(&self) -> &[Referent] {
        &self.entities
    }

    /// Reads a title before the first sentence: its actor names, found with the lexicon
    /// alone, resolved on `date` (see the module docs).
    pub fn seed_title(&mut self, index: &LexiconIndex, title: &str, date: Option<Date>) {
        let words = dyad_lexicon::normalize::words(title);
        if words.is_empty() {
            return;
        }
        let seq = index.keys(words.iter().map(String::as_str));
        let lex = index.lexicon();
        let mut items = Vec::new();
        for (n, m) in index.actors.find_all(&seq).into_iter().enumerate() {
            let Some((id, period)) = crate::nominal::resolve(index, m.entries, date) else {
                continue;
            };
            if period.is_null() || period.codes.len() != 1 {
                continue;
            }
            let code = period.codes[0].clone();
            let start = seq.token(m.start).map_or(0, |t| t as usize);
            let end = seq
                .token(m.end.saturating_sub(1))
                .map_or(start, |t| t as usize + 1);
            let name_words: Vec<String> = words
                .get(start..end.min(words.len()))
                .unwrap_or_default()
                .iter()
                .filter(|w| honorific(w).is_none() && w.chars().any(char::is_alphabetic))
                .map(|w| w.to_lowercase())
                .collect();
            let kind = if lex.actor(id).is_some() && lexicon_person(index, id) {
                ReferentKind::Person
            } else if is_state_code(&code) {
                ReferentKind::State
            } else {
                ReferentKind::Organisation
            };
            let name = title_words(title, &name_words).unwrap_or_else(|| name_words.join(" "));
            items.push(Item {
                head: n,
                start: n,
                end: n + 1,
                actor: Some(id),
                base: code.clone(),
                code,
                roles: Vec::new(),
                name,
                name_words,
                kind,
                gender: None,
                subject: n == 0,
                main: n == 0,
                group: n as u32,
                link: None,
            });
        }
        self.observe(None, items, &[]);
    }

    /// Remembers the actors of sentence `index` (`None`: the title).
    pub(crate) fn observe(
        &mut self,
        index: Option<u32>,
        items: Vec<Item>,
        resolutions: &[Resolution],
    ) {
        let position = index.map_or(-1, i64::from);
        let mut seen: Vec<Seen> = Vec::new();
        let mut entity_of_item: Vec<Option<u32>> = vec![None; items.len()];
        // Named items first, then references to entities, then references to items named
        // earlier in the sentence.
        let rank = |it: &Item| match &it.link {
            None => 0,
            Some((Target::Entity(_), _)) => 1,
            Some((Target::Item(_), _)) => 2,
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| rank(&items[i]));
        let item_entity = |head: usize, code: &str, entity_of_item: &[Option<u32>]| {
            items
                .iter()
                .enumerate()
                .filter(|(_, x)| x.head == head)
                .find(|(_, x)| x.code == code || x.base == code)
                .or_else(|| items.iter().enumerate().find(|(_, x)| x.head == head))
                .and_then(|(j, _)| entity_of_item.get(j).copied().flatten())
        };
        for i in order {
            let it = &items[i];
            let entity = match &it.link {
                Some((Target::Entity(e), _)) if (*e as usize) < self.entities.len() => Some(*e),
                Some((Target::Item(head), code)) => item_entity(*head, code, &entity_of_item),
                Some((Target::Entity(_), _)) => None,
                None => self.find(it),
            };
            let e = match entity {
                Some(e) => {
                    let r = &mut self.entities[e as usize];
                    if it.link.is_none() {
                        if !it.code.is_empty() {
                            r.code = it.code.clone();
                            r.base = it.base.clone();
                            r.roles = it.roles.clone();
                        }
                        if it.actor.is_some() {
                            r.actor = it.actor;
                        }
                        if it.name_words.len() > r.name_words.len() {
                            r.name = it.name.clone();
                            r.name_words = it.name_words.clone();
                            r.named_in = index;
                        }
                    }
                    if r.gender.is_none() {
                        r.gender = it.gender;
                    }
                    e
                }
                None => {
                    if it.link.is_some() {
                        continue;
                    }
                    self.entities.push(Referent {
                        code: it.code.clone(),
                        name: it.name.clone(),
                        name_words: it.name_words.clone(),
                        named_in: index,
                        kind: it.kind,
                        gender: it.gender,
                        actor: it.actor,
                        base: it.base.clone(),
                        roles: it.roles.clone(),
                    });
                    self.last_seen.push(position);
                    (self.entities.len() - 1) as u32
                }
            };
            entity_of_item[i] = Some(e);
            if let Some(slot) = self.last_seen.get_mut(e as usize) {
                *slot = position;
            }
            if !seen.iter().any(|x| x.entity == e) {
                seen.push(Seen {
                    entity: e,
                    subject: it.subject,
                    main: it.main,
                    group: it.group,
                });
            }
        }
        // Genders given by pronouns resolved to an entity ("he" after "Kim Jong Un").
        for r in resolutions {
            let g = match r.text.to_ascii_lowercase().as_str() {
                "he" | "him" => Gender::Male,
                "she" | "her" => Gender::Female,
                _ => continue,
            };
            if let [(target, code)] = r.targets.as_slice() {
                let e = match *target {
                    Target::Entity(e) => Some(e),
                    Target::Item(head) => item_entity(head, code, &entity_of_item),
                };
                if let Some(ent) = e.and_then(|e| self.entities.get_mut(e as usize))
                    && ent.gender.is_none()
                {
                    ent.gender = Some(g);
                }
            }
        }
        // Salience: the main subject, other subjects, the rest (items came sorted).
        self.recent.push_back(SentenceSeen { index, seen });
        while self
            .recent
            .front()
            .is_some_and(|f| f.position() < position - PAIR_WINDOW)
        {
            self.recent.pop_front();
        }
        self.forget();
    }

    /// Forgets the least recent entity beyond [`MAX_ENTITIES`].
    fn forget(&mut self) {
        if self.entities.len() <= MAX_ENTITIES {
            return;
        }
        // Forget the least recent entity not in the recent memory.
        let in_recent = |e: u32, recent: &VecDeque<SentenceSeen>| {
            recent.iter().any(|s| s.seen.iter().any(|x| x.entity == e))
        };
        let Some(victim) = (0..self.entities.len() as u32)
            .filter(|&e| !in_recent(e, &self.recent))
            .min_by_key(|&e| self.last_seen[e as usize])
        else {
            return;
        };
        self.entities.remove(victim as usize);
        self.last_seen.remove(victim as usize);
        for s in &mut self.recent {
            for x in &mut s.seen {
                if x.entity > victim {
                    x.entity -= 1;
                }
            }
        }
    }

    /// The entity an item names, if already known: the same lexicon entry, else the same
    /// code and kind (for a person: the same code and a name sharing a word).
    fn find(&self, it: &Item) -> Option<u32> {
        if it.code.is_empty() && it.kind != ReferentKind::Person {
            return None;
        }
        let subset = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        let same_name = |r: &Referent| {
            !it.name_words.is_empty()
                && (subset(&it.name_words, &r.name_words) || subset(&r.name_words, &it.name_words))
        };
        if let Some(id) = it.actor
            && let Some(e) = self.entities.iter().position(|r| {
                r.actor == Some(id)
                    && r.kind == it.kind
                    && if it.kind == ReferentKind::Person {
                        same_name(r)
                    } else {
                        r.code == it.code
                    }
            })
        {
            return Some(e as u32);
        }
        self.entities
            .iter()
            .position(|r| {
                r.kind == it.kind
                    && r.code == it.code
                    && !(r.actor.is_some() && it.actor.is_some())
                    && (it.kind != ReferentKind::Person || same_name(r))
            })
            .map(|e| e as u32)
    }

    /// Candidate tiers for a reference in sentence `current` (see the module docs): the
    /// current sentence's earlier items first, then the recent sentences, most recent first.
    fn tiers(
        &self,
        current: u32,
        before: &[Item],
        index: &LexiconIndex,
        date: Option<Date>,
        window: i64,
    ) -> Vec<Vec<Cand>> {
        let mut tiers = Vec::new();
        let here: Vec<Cand> = before
            .iter()
            .map(|it| Cand {
                target: match &it.link {
                    Some((t, _)) => *t,
                    None => Target::Item(it.head),
                },
                code: it.code.clone(),
                kind: it.kind,
                gender: it.gender.or_else(|| match it.link {
                    Some((Target::Entity(e), _)) => {
                        self.entities.get(e as usize).and_then(|r| r.gender)
                    }
                    _ => None,
                }),
                name: it.name.clone(),
                named_in: Some(current),
                subject: it.subject,
                group: it.group,
            })
            .collect();
        tiers.push(here);
        for s in self.recent.iter().rev() {
            if s.position() < i64::from(current) - window || s.position() >= i64::from(current) {
                continue;
            }
            let tier: Vec<Cand> = s
                .seen
                .iter()
                .filter_map(|x| {
                    let r = self.entities.get(x.entity as usize)?;
                    Some(Cand {
                        target: Target::Entity(x.entity),
                        code: if r.code.is_empty() {
                            String::new()
                        } else {
                            r.code_on(index, date)
                        },
                        kind: r.kind,
                        gender: r.gender,
                        name: r.name.clone(),
                        named_in: r.named_in,
                        subject: x.subject,
                        group: x.group,
                    })
                })
                .collect();
            tiers.push(tier);
        }
        tiers
    }

    /// Persons named anywhere before (entities and the current sentence's earlier items)
    /// whose name has all of `words` and more.
    fn persons_named(&self, words: &[String], before: &[Item]) -> Vec<Cand> {
        let fits =
            |name: &[String]| name.len() > words.len() && words.iter().all(|w| name.contains(w));
        let mut out: Vec<Cand> = Vec::new();
        for (e, r) in self.entities.iter().enumerate() {
            if r.kind == ReferentKind::Person && fits(&r.name_words) {
                out.push(Cand {
                    target: Target::Entity(e as u32),
                    code: r.code.clone(),
                    kind: r.kind,
                    gender: r.gender,
                    name: r.name.clone(),
                    named_in: r.named_in,
                    subject: false,
                    group: 0,
                });
            }
        }
        for it in before {
            if it.kind == ReferentKind::Person
                && it.link.is_none()
                && fits(&it.name_words)
                && !out.iter().any(|c| c.name == it.name)
            {
                out.push(Cand {
                    target: Target::Item(it.head),
                    code: it.code.clone(),
                    kind: it.kind,
                    gender: it.gender,
                    name: it.name.clone(),
                    named_in: None,
                    subject: false,
                    group: 0,
                });
            }
        }
        out
    }
}

/// Picks within the first tier that has a candidate satisfying `ok` (see the module docs).
fn pick(tiers: &[Vec<Cand>], ok: &dyn Fn(&Cand) -> bool) -> Result<Cand, String> {
    for tier in tiers {
        let fits: Vec<&Cand> = tier.iter().filter(|c| ok(c)).collect();
        let Some(first) = fits.first() else {
            continue;
        };
        if first.subject || fits.len() == 1 {
            return Ok((*first).clone());
        }
        return Err(format!(
            "ambiguous: {:?} and {:?}, neither a subject",
            first.name, fits[1].name
        ));
    }
    Err("no compatible antecedent in this sentence, the two before or the title".to_owned())
}

/// What the resolution step needs from the coder.
pub(crate) struct Resolver<'a, 'b> {
    pub(crate) s: &'a Sentence<'b>,
    pub(crate) parse: &'a Parse,
    pub(crate) index: &'a LexiconIndex,
    pub(crate) date: Option<Date>,
    pub(crate) current: u32,
    pub(crate) ctx: &'a DocContext,
}

fn has_det(s: &Sentence<'_>, h: usize, word: &str) -> Option<usize> {
    s.children(h).iter().map(|&c| c as usize).find(|&c| {
        matches!(s.toks[c].dep, Dep::Det | Dep::Predet) && s.word(c).eq_ignore_ascii_case(word)
    })
}

impl Resolver<'_, '_> {
    /// Finds the references of the sentence, resolves them against the context and inserts
    /// what they stand for into `nom` as mentions. `in_sentence` gives the antecedent the
    /// within-sentence resolver finds for a subject pronoun, if any. Short names first, then
    /// pronouns and descriptions in text order, each seeing what the earlier ones resolved.
    pub(crate) fn run(
        &self,
        nom: &mut Nominals,
        in_sentence: &mut dyn FnMut(&mut Nominals, usize) -> Option<usize>,
    ) -> Vec<Resolution> {
        let s = self.s;
        let mut out: Vec<Resolution> = Vec::new();
        let before_all = sentence_items(s, self.parse, nom, self.index, &[], self.ctx.skipped());
        self.short_names(nom, &before_all, &mut out);
        let mut before_all =
            sentence_items(s, self.parse, nom, self.index, &out, self.ctx.skipped());
        for t in 0..s.len() {
            let found = match self.pronoun_at(nom, &before_all, t, in_sentence) {
                Some(r) => Some(r),
                None => self.description_at(nom, &before_all, t),
            };
            if let Some(r) = found {
                let resolved = r.resolved();
                out.push(r);
                if resolved {
                    before_all =
                        sentence_items(s, self.parse, nom, self.index, &out, self.ctx.skipped());
                }
            }
        }
        out
    }

    /// A personal pronoun at `p` (see the module docs).
    fn pronoun_at(
        &self,
        nom: &mut Nominals,
        before_all: &[Item],
        p: usize,
        in_sentence: &mut dyn FnMut(&mut Nominals, usize) -> Option<usize>,
    ) -> Option<Resolution> {
        let s = self.s;
        if s.toks[p].tag != Tag::Prp {
            return None;
        }
        let w = s.word(p).to_ascii_lowercase();
        let dep = s.toks[p].dep;
        let argument =
            dep.is_subject() || matches!(dep, Dep::Dobj | Dep::Pobj | Dep::Dative | Dep::Conj);
        if !argument
            || !matches!(
                w.as_str(),
                "he" | "him" | "she" | "her" | "they" | "them" | "it"
            )
        {
            return None;
        }
        if dep.is_subject() && in_sentence(nom, p).is_some() {
            return None;
        }
        // Within its own sentence, never its own verb's subject.
        let verb = s.head(p).map(|h| {
            if s.toks[p].dep == Dep::Pobj {
                s.head(h).unwrap_or(h)
            } else {
                h
            }
        });
        let own_subject = if dep.is_subject() {
            None
        } else {
            verb.and_then(|v| crate::clause::subject(s, v))
                .map(|x| x.token)
        };
        // A pronoun subject of the same verb stands for what it resolves to ("saying he
        // would welcome him": not Katsav).
        let own_antecedent = own_subject
            .filter(|&x| crate::clause::is_personal_pronoun(s, x))
            .and_then(|x| in_sentence(nom, x));
        let before: Vec<Item> = before_all
            .iter()
            .filter(|i| i.end <= p && Some(i.head) != own_subject && Some(i.head) != own_antecedent)
            .cloned()
            .collect();
        let tiers = self
            .ctx
            .tiers(self.current, &before, self.index, self.date, WINDOW);
        let res: Result<Vec<Cand>, String> = match w.as_str() {
            "he" | "him" | "she" | "her" => {
                let want = if matches!(w.as_str(), "he" | "him") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                pick(&tiers, &|c| {
                    c.kind == ReferentKind::Person && c.gender.is_none_or(|g| g == want)
                })
                .map(|c| vec![c])
            }
            "they" | "them" => self.plural(&before, &tiers),
            _ => {
                // "it": a subject only, of a verb other than "be", and never from its own
                // sentence (the within-sentence resolver has had its chance).
                let verb_is_be = verb.is_some_and(|v| lemma_of(s, self.parse, v) == "be");
                let expl = verb.is_some_and(|v| s.child(v, Dep::Expl).is_some());
                if !dep.is_subject() || verb_is_be || expl {
                    return None;
                }
                self.it(tiers.get(1..).unwrap_or_default()).map(|c| vec![c])
            }
        };
        let span = s.span_of(p, p + 1);
        let text = s.word(p).to_owned();
        Some(self.finish(nom, p, p + 1, (p, p + 1), span, text, "pronoun", res))
    }

    /// "they"/"them": in its own sentence, the nearest plural phrase before it (a group, a
    /// compound; an uncoded one blocks); in the sentences before, the last subject when a
    /// compound, else a group, else a state or an organisation.
    fn plural(&self, before: &[Item], tiers: &[Vec<Cand>]) -> Result<Vec<Cand>, String> {
        let nearest = before
            .iter()
            .filter(|i| {
                i.kind == ReferentKind::Group
                    || before.iter().filter(|j| j.group == i.group).count() > 1
            })
            .max_by_key(|i| (i.end, std::cmp::Reverse(i.start)));
        if let Some(n) = nearest
            && let Some(here) = tiers.first()
        {
            let members: Vec<Cand> = before
                .iter()
                .zip(here)
                .filter(|(i, _)| i.group == n.group)
                .map(|(_, c)| c.clone())
                .collect();
            if !members.is_empty() {
                return Ok(members);
            }
        }
        for tier in tiers.get(1..).unwrap_or_default() {
            if let Some(first) = tier.iter().find(|c| c.subject) {
                let members: Vec<Cand> = tier
                    .iter()
                    .filter(|c| c.group == first.group && c.subject)
                    .cloned()
                    .collect();
                if members.len() > 1 || first.kind == ReferentKind::Group {
                    return Ok(members);
                }
            }
            let groups =
                |c: &Cand| c.kind == ReferentKind::Group && (c.subject || !c.code.is_empty());
            if tier.iter().any(groups) {
                return pick(std::slice::from_ref(tier), &groups).map(|c| vec![c]);
            }
            let others =
                |c: &Cand| matches!(c.kind, ReferentKind::State | ReferentKind::Organisation);
            if tier.iter().any(others) {
                return pick(std::slice::from_ref(tier), &others).map(|c| vec![c]);
            }
        }
        Err("no group, state, organisation or compound subject in this sentence, the two before or the title".to_owned())
    }

    /// "it": the most salient subject of the nearest tier with a subject, when a state or an
    /// organisation.
    fn it(&self, tiers: &[Vec<Cand>]) -> Result<Cand, String> {
        for tier in tiers {
            if let Some(first) = tier.iter().find(|c| c.subject) {
                return if matches!(first.kind, ReferentKind::State | ReferentKind::Organisation) {
                    Ok(first.clone())
                } else {
                    Err(format!(
                        "the last subject {:?} is not a state or an organisation",
                        first.name
                    ))
                };
            }
        }
        Err("no subject in this sentence, the two before or the title".to_owned())
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        nom: &mut Nominals,
        start: usize,
        end: usize,
        mention: (usize, usize),
        span: Span,
        text: String,
        rule: &'static str,
        res: Result<Vec<Cand>, String>,
    ) -> Resolution {
        let mut r = Resolution {
            start,
            end,
            mention,
            span,
            text,
            rule,
            targets: Vec::new(),
            info: Vec::new(),
            antecedent: None,
            why: None,
        };
        match res {
            Ok(cands) => {
                if cands
                    .iter()
                    .any(|c| c.code.is_empty() || c.code.starts_with("---"))
                {
                    r.why = Some(format!(
                        "{:?}, which has no actor code",
                        cands.first().map_or("", |c| c.name.as_str())
                    ));
                    r.antecedent = cands.first().map(|c| (c.name.clone(), c.named_in));
                    return r;
                }
                let names: Vec<&str> = cands.iter().map(|c| c.name.as_str()).collect();
                r.antecedent = Some((names.join(" and "), cands.first().and_then(|c| c.named_in)));
                r.targets = cands.iter().map(|c| (c.target, c.code.clone())).collect();
                r.info = cands.iter().map(|c| (c.kind, c.name.clone())).collect();
                let mut codes: Vec<String> = Vec::new();
                for c in &cands {
                    if !codes.contains(&c.code) {
                        codes.push(c.code.clone());
                    }
                }
                nom.insert_mention(
                    mention.0,
                    mention.1,
                    MentionKind::Actor {
                        actor: ActorId(u32::MAX),
                        codes,
                    },
                );
            }
            Err(why) => r.why = Some(why),
        }
        r
    }

    /// Short names: proper-noun runs the lexicon does not code, and names it codes
    /// ambiguously.
    fn short_names(&self, nom: &mut Nominals, before_all: &[Item], out: &mut Vec<Resolution>) {
        let s = self.s;
        let mut t = 0;
        while t < s.len() {
            let proper = |x: usize| {
                matches!(s.toks[x].tag, Tag::Nnp)
                    && s.word(x).chars().next().is_some_and(char::is_uppercase)
                    && s.word(x).chars().any(char::is_alphabetic)
            };
            if !proper(t) || honorific(s.word(t)).is_some() {
                t += 1;
                continue;
            }
            let mut e = t;
            while e < s.len() && proper(e) {
                e += 1;
            }
            let (a, b) = (t, e);
            t = e;
            let coded_mention = (a..b).find_map(|x| nom.mention_at(x).cloned());
            let words = words_of(s, a, b);
            if words.is_empty() {
                continue;
            }
            let before: Vec<Item> = before_all.iter().filter(|i| i.end <= a).cloned().collect();
            // A name inside a phrase that already codes ("South African leader F.W. de
            // Klerk") is no short reference.
            let inside_coded = before_all.iter().any(|i| {
                let (lo, hi) = nom.extent(i.head);
                lo <= a && b <= hi && !i.code.is_empty() && !i.code.starts_with("---")
            });
            match coded_mention {
                None if inside_coded => {}
                None => {
                    let cands = self.ctx.persons_named(&words, &before);
                    if cands.is_empty() {
                        continue;
                    }
                    let res = match cands.as_slice() {
                        [one] => Ok(vec![one.clone()]),
                        [x, y, ..] => Err(format!(
                            "ambiguous: {:?} and {:?} both have these words",
                            x.name, y.name
                        )),
                        [] => continue,
                    };
                    let span = s.span_of(a, b);
                    let text = s.text_of(a, b).to_owned();
                    out.push(self.finish(nom, a, b, (a, b), span, text, "short name", res));
                }
                Some(m) => {
                    // A name with entries of different codes on the date.
                    let MentionKind::Actor { .. } = m.kind else {
                        continue;
                    };
                    if m.start < a || m.end > b {
                        continue;
                    }
                    let key = s.toks[m.start].key_start as usize;
                    let Some(found) = self.index.actors.longest_at(&s.keys, key) else {
                        continue;
                    };
                    let mut codes: Vec<&str> = Vec::new();
                    for &(id, _) in found.entries {
                        if let Some(p) = self
                            .index
                            .lexicon()
                            .actor(id)
                            .and_then(|x| x.code_on(self.date))
                        {
                            for c in &p.codes {
                                if !codes.contains(&c.as_str()) {
                                    codes.push(c);
                                }
                            }
                        }
                    }
                    if codes.len() < 2 {
                        continue;
                    }
                    let ids: Vec<ActorId> = found.entries.iter().map(|e| e.0).collect();
                    let mwords = words_of(s, m.start, m.end);
                    let cands: Vec<Cand> = self
                        .ctx
                        .persons_named(&mwords, &before)
                        .into_iter()
                        .filter(|c| match c.target {
                            Target::Entity(e) => self
                                .ctx
                                .entities
                                .get(e as usize)
                                .and_then(|r| r.actor)
                                .is_some_and(|id| ids.contains(&id)),
                            Target::Item(head) => before
                                .iter()
                                .find(|x| x.head == head)
                                .and_then(|x| x.actor)
                                .is_some_and(|id| ids.contains(&id)),
                        })
                        .collect();
                    if let [one] = cands.as_slice() {
                        let span = s.span_of(m.start, m.end);
                        let text = s.text_of(m.start, m.end).to_owned();
                        out.push(self.finish(
                            nom,
                            m.start,
                            m.end,
                            (m.start, m.end),
                            span,
                            text,
                            "ambiguous name",
                            Ok(vec![one.clone()]),
                        ));
                    }
                }
            }
        }
    }

    /// A description at head `h`: "the North", "the country", "the two leaders" (see the
    /// module docs).
    fn description_at(
        &self,
        nom: &mut Nominals,
        before_all: &[Item],
        h: usize,
    ) -> Option<Resolution> {
        let s = self.s;
        if !s.is_nominal(h)
            || !crate::nominal::is_chunk_head(s, h)
            || nom
                .mention_at(h)
                .is_some_and(|m| matches!(m.kind, MentionKind::Actor { .. }))
        {
            return None;
        }
        let lemma = lemma_of(s, self.parse, h);
        let word = s.word(h).to_ascii_lowercase();
        let children: Vec<usize> = s.children(h).iter().map(|&c| c as usize).collect();
        let the = has_det(s, h, "the");
        let both = has_det(s, h, "both");
        let two = children
            .iter()
            .copied()
            .find(|&c| s.toks[c].dep == Dep::Nummod && s.word(c).eq_ignore_ascii_case("two"));
        let others = children.iter().any(|&c| {
            Some(c) != the
                && Some(c) != both
                && Some(c) != two
                && matches!(
                    s.toks[c].dep,
                    Dep::Amod | Dep::Compound | Dep::Poss | Dep::Nmod | Dep::Nummod
                )
        });
        let of_phrase = children
            .iter()
            .any(|&c| s.toks[c].dep == Dep::Prep && s.word(c).eq_ignore_ascii_case("of"));
        if others || of_phrase {
            return None;
        }
        let before: Vec<Item> = before_all.iter().filter(|i| i.end <= h).cloned().collect();
        let agent_head = agent_at(nom, h);
        let singular = !is_plural(s.toks[h].tag);
        // "the North", "the South".
        if let Some(d) = the
            && singular
            && matches!(word.as_str(), "north" | "south")
        {
            let named = |kind: ReferentKind, words: &[String]| {
                kind == ReferentKind::State && words.first() == Some(&word)
            };
            let cands: Vec<Cand> = self
                .ctx
                .entities
                .iter()
                .enumerate()
                .filter(|(_, r)| named(r.kind, &r.name_words))
                .map(|(e, r)| Cand {
                    target: Target::Entity(e as u32),
                    code: r.code_on(self.index, self.date),
                    kind: r.kind,
                    gender: None,
                    name: r.name.clone(),
                    named_in: r.named_in,
                    subject: false,
                    group: 0,
                })
                .chain(
                    before
                        .iter()
                        .filter(|i| i.link.is_none() && named(i.kind, &i.name_words))
                        .map(|i| Cand {
                            target: Target::Item(i.head),
                            code: i.code.clone(),
                            kind: i.kind,
                            gender: None,
                            name: i.name.clone(),
                            named_in: Some(self.current),
                            subject: false,
                            group: 0,
                        }),
                )
                .collect();
            let mut codes: Vec<&str> = cands.iter().map(|c| c.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            let res = match codes.len() {
                0 => return None,
                1 => Ok(vec![cands[0].clone()]),
                _ => Err(format!("ambiguous: {}", codes.join(", "))),
            };
            let (a, b) = (d.min(h), h + 1);
            let (span, text) = (s.span_of(a, b), s.text_of(a, b).to_owned());
            return Some(self.finish(nom, a, b, (a, b), span, text, "the North/South", res));
        }
        // "the country", "the government".
        if let Some(d) = the
            && singular
            && two.is_none()
            && matches!(
                lemma.as_str(),
                "country" | "government" | "regime" | "kingdom" | "island" | "nation"
            )
        {
            let tiers = self
                .ctx
                .tiers(self.current, &before, self.index, self.date, WINDOW);
            let res = tiers
                .iter()
                .map(|t| state_like(t, false))
                .find(|states| !states.is_empty())
                .ok_or_else(|| "no state in this sentence, the two before or the title".to_owned())
                .and_then(|states| match states.as_slice() {
                    [one] => Ok(vec![one.clone()]),
                    many => Err(format!(
                        "ambiguous: {} states ({})",
                        many.len(),
                        many.iter()
                            .map(|c| c.code.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                });
            let (a, b) = (d.min(h), h + 1);
            let mention = if agent_head { (d, d + 1) } else { (a, b) };
            let (span, text) = (s.span_of(a, b), s.text_of(a, b).to_owned());
            return Some(self.finish(nom, a, b, mention, span, text, "description", res));
        }
        // "the two leaders", "both sides".
        let pair = (the.is_some() && two.is_some()) || both.is_some();
        if !pair || singular {
            return None;
        }
        let (persons, states) = match lemma.as_str() {
            "leader" | "president" | "minister" | "premier" | "man" | "woman" => (true, false),
            "country" | "nation" | "state" | "government" | "neighbour" | "neighbor" => {
                (false, true)
            }
            "side" => (true, true),
            _ => return None,
        };
        let tiers = self
            .ctx
            .tiers(self.current, &before, self.index, self.date, PAIR_WINDOW);
        let mut res: Result<Vec<Cand>, String> =
            Err("no sentence nearby with exactly two of them".to_owned());
        'tiers: for t in &tiers {
            let mut options: Vec<Vec<Cand>> = Vec::new();
            if persons {
                let mut two_of: Vec<Cand> = Vec::new();
                for c in t.iter().filter(|c| c.kind == ReferentKind::Person) {
                    if !two_of.iter().any(|x| x.code == c.code && x.name == c.name) {
                        two_of.push(c.clone());
                    }
                }
                options.push(two_of);
            }
            if states {
                options.push(state_like(t, true));
            }
            for two_of in options {
                match two_of.len() {
                    2 => {
                        res = Ok(two_of);
                        break 'tiers;
                    }
                    n if n > 2 => {
                        res = Err(format!("ambiguous: {n} candidates in one sentence"));
                        break 'tiers;
                    }
                    _ => {}
                }
            }
        }
        let first = [the, both, two]
            .iter()
            .flatten()
            .copied()
            .min()
            .unwrap_or(h);
        let (a, b) = (first.min(h), h + 1);
        // "the two governments": the countries, with the role word's agent attached.
        let keep_agent = agent_head && !persons;
        let mention = if keep_agent { (a, h) } else { (a, b) };
        let (span, text) = (s.span_of(a, b), s.text_of(a, b).to_owned());
        Some(self.finish(nom, a, b, mention, span, text, "the two", res))
    }
}

/// The states of a tier, one per country: states, and organisations of a country's
/// government ("the Kremlin": RUS); with `more` (for pairs), also the countries of persons
/// and groups ("Putin and Kim": RUS, PRK; "Chinese troops crossed into Vietnam": CHN, VNM).
/// Each is given as its country code.
fn state_like(tier: &[Cand], more: bool) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    for c in tier {
        let country = c.code.get(..3).filter(|x| is_state_code(x));
        let fits = match c.kind {
            ReferentKind::State => true,
            ReferentKind::Organisation => c.code.get(3..6) == Some("GOV"),
            ReferentKind::Person | ReferentKind::Group => more,
        };
        if let Some(country) = country
            && fits
            && !out.iter().any(|x| x.code == country)
        {
            out.push(Cand {
                code: country.to_owned(),
                kind: ReferentKind::State,
                ..c.clone()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The rules on trees stated by hand (as spaCy's small English model parses such
    //! sentences), with a small PETRARCH-format dictionary: persons are the entries with a
    //! dated role code.
    use std::sync::Arc;

    use dyad_doc::{Doc, Parse, Stage};
    use dyad_lexicon::{
        Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs,
    };

    use crate::conllu::parse_conllu;
    use crate::{CodeStage, Coder, CoderOptions, SentenceTrace};

    const ACTORS: &str = "\
NORTH_KOREA [PRK]
SOUTH_KOREA [KOR]
RUSSIA [RUS]
UNITED_STATES [USA]
KIM_JONG_UN
\t[PRKGOV >20111217]
KIM_YO_JONG
\t[PRKGOV >20140101]
VLADIMIR_PUTIN
+PUTIN
\t[RUSGOV >20120507]
ANGELA_MERKEL
\t[DEUGOV 20051122-20211208]
RICHARD_NIXON
\t[USAGOV 19690120-19740809]
\t[USAELI 19740809-19940101]
";
    const AGENTS: &str = "GOVERNMENT [~GOV]\nLEADER [~GOV]\nOFFICIAL [~GOV]\n";
    const VERBS: &str = "\
--- ATTACK [190] ---
ATTACK
--- PRAISE [051] ---
PRAISE
--- CRITICIZE [111] ---
CRITICIZE
--- VISIT [042] ---
VISIT
--- MEET [040] ---
MEET {MEETS MET MEETING}
--- SIGN [057] ---
SIGN
--- WELCOME [051] ---
WELCOME
";

    fn coder_with(opts: CoderOptions) -> Coder {
        let lex = Lexicon {
            actors: parse_petrarch_actors(ACTORS, "actors.txt").value,
            agents: parse_petrarch_agents(AGENTS, "agents.txt").value,
            verbs: parse_petrarch_verbs(VERBS, "verbs.txt").value,
            ..Lexicon::default()
        };
        Coder::new(Arc::new(LexiconIndex::new(lex)), opts)
    }

    fn coder() -> Coder {
        coder_with(CoderOptions::default())
    }

    /// A tree from `word[=lemma]/TAG/head/dep[/NER]` items (heads 1-based, 0 for the root);
    /// `||` starts a new sentence.
    fn tree(spec: &str) -> (String, Parse) {
        let mut src = String::new();
        for sentence in spec.split("||") {
            let items: Vec<&str> = sentence.split_whitespace().collect();
            for (i, item) in items.iter().enumerate() {
                let parts: Vec<&str> = item.split('/').collect();
                let (word, lemma) = parts[0].split_once('=').unwrap_or((parts[0], parts[0]));
                let tag = parts[1];
                let pos = match tag {
                    t if t.starts_with("VB") => "VERB",
                    "NNP" | "NNPS" => "PROPN",
                    t if t.starts_with("NN") => "NOUN",
                    "PRP" => "PRON",
                    "DT" => "DET",
                    "CD" => "NUM",
                    "CC" => "CCONJ",
                    "IN" => "ADP",
                    _ => "PUNCT",
                };
                let next_punct = items.get(i + 1).is_some_and(|n| n.starts_with('.'));
                let mut misc = Vec::new();
                if next_punct {
                    misc.push("SpaceAfter=No".to_owned());
                }
                if let Some(ner) = parts.get(4) {
                    misc.push(format!("NER={ner}"));
                }
                let misc = if misc.is_empty() {
                    "_".to_owned()
                } else {
                    misc.join("|")
                };
                src.push_str(&format!(
                    "{}\t{word}\t{}\t{pos}\t{tag}\t_\t{}\t{}\t_\t{misc}\n",
                    i + 1,
                    lemma.to_lowercase(),
                    parts[2],
                    parts[3]
                ));
            }
            src.push('\n');
        }
        parse_conllu(&src).unwrap()
    }

    /// (source, target, code, source text, target text) of every event, and the traces.
    type Ev = (String, String, String, String, String);

    fn code_traced(c: &Coder, spec: &str) -> (Vec<Ev>, Vec<SentenceTrace>, Vec<crate::CodedEvent>) {
        let (text, parse) = tree(spec);
        let mut traces = Vec::new();
        let coding = c.code_parse_traced(
            &text,
            &parse,
            Some(jiff::civil::date(2020, 1, 1)),
            Some(&mut traces),
        );
        let mut out: Vec<Ev> = coding
            .events
            .iter()
            .map(|e| {
                let side = |a: &Option<crate::EventActor>| {
                    a.as_ref().map_or(("-".into(), "-".into()), |a| {
                        (a.code.clone(), a.text.clone())
                    })
                };
                let (s, st) = side(&e.source);
                let (t, tt) = side(&e.target);
                (s, t, e.code.clone(), st, tt)
            })
            .collect();
        out.sort();
        (out, traces, coding.events)
    }

    fn code(spec: &str) -> Vec<Ev> {
        code_traced(&coder(), spec).0
    }

    fn ev(s: &str, t: &str, c: &str, st: &str, tt: &str) -> Ev {
        (s.into(), t.into(), c.into(), st.into(), tt.into())
    }

    const KIM_VISITED: &str = "Kim/NNP/3/compound Jong/NNP/3/compound Un/NNP/4/nsubj \
        visited=visit/VBD/0/ROOT Russia/NNP/4/dobj ././4/punct";

    #[test]
    fn he_takes_the_last_subject_person() {
        let spec = format!(
            "{KIM_VISITED} || He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        let (events, traces, coded) = code_traced(&coder(), &spec);
        assert_eq!(
            events,
            [
                ev("PRKGOV", "RUS", "042", "Kim Jong Un", "Russia"),
                ev("PRKGOV", "RUSGOV", "051", "He", "Putin"),
            ]
        );
        // The side's span is the pronoun's, in its own sentence.
        let (text, _) = tree(&spec);
        let e = coded.iter().find(|e| e.code == "051").unwrap();
        let src = e.source.as_ref().unwrap();
        assert_eq!(&text[src.span.start..src.span.end], "He");
        assert!(src.span.start > text.find("Russia").unwrap());
        // Less certain than the same event with a named source (0.8).
        assert!((e.confidence - 0.65).abs() < 1e-6, "{}", e.confidence);
        let r = &traces[1].references[0];
        assert_eq!(r.antecedent.as_deref(), Some("Kim Jong Un"));
        assert_eq!(r.antecedent_sentence, Some(0));
        assert_eq!(r.codes, ["PRKGOV"]);
        assert!(
            traces[1].render().contains("reference \"He\""),
            "{}",
            traces[1].render()
        );
    }

    #[test]
    fn no_antecedent_leaves_the_side_empty() {
        let spec = "He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct";
        let (events, traces, _) = code_traced(&coder(), spec);
        assert!(events.is_empty(), "{events:?}");
        let r = &traces[0].references[0];
        assert!(r.codes.is_empty());
        assert!(r.unresolved.is_some());
        // A state is no antecedent for "he".
        let spec = "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT North/NNP/4/compound \
            Korea/NNP/2/dobj ././2/punct || \
            He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct";
        assert_eq!(
            code(spec),
            [ev("RUS", "PRK", "111", "Russia", "North Korea")]
        );
    }

    #[test]
    fn she_does_not_take_a_man() {
        // "Mr." makes Kim male.
        let spec = "Mr./NNP/4/compound Kim/NNP/4/compound Jong/NNP/4/compound Un/NNP/5/nsubj \
            visited=visit/VBD/0/ROOT Russia/NNP/5/dobj ././5/punct || \
            She=she/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct";
        assert_eq!(
            code(spec),
            [ev("PRKGOV", "RUS", "042", "Kim Jong Un", "Russia")]
        );
        // A person of unknown gender takes either.
        let spec = "Angela/NNP/2/compound Merkel/NNP/3/nsubj visited=visit/VBD/0/ROOT \
            Russia/NNP/3/dobj ././3/punct || \
            She=she/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct";
        assert!(code(spec).contains(&ev("DEUGOV", "RUSGOV", "051", "She", "Putin")));
        // Once "he" was resolved to Kim, Kim is male for the rest of the document.
        let spec = format!(
            "{KIM_VISITED} || He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Russia/NNP/2/dobj ././2/punct \
             || She=she/PRP/2/nsubj criticized=criticize/VBD/0/ROOT Russia/NNP/2/dobj ././2/punct"
        );
        assert!(!code(&spec).iter().any(|e| e.2 == "111"));
    }

    #[test]
    fn an_unknown_person_blocks_an_earlier_one() {
        // "John Smith" (a PERSON for the entity recogniser, not in the lexicon) is the last
        // person: "he" is not given Kim.
        let spec = format!(
            "{KIM_VISITED} || John/NNP/2/compound/B-PERSON Smith/NNP/3/nsubj/I-PERSON \
             visited=visit/VBD/0/ROOT Russia/NNP/3/dobj ././3/punct || \
             He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        let (events, traces, _) = code_traced(&coder(), &spec);
        assert!(!events.iter().any(|e| e.2 == "051"), "{events:?}");
        let r = &traces[2].references[0];
        assert_eq!(r.antecedent.as_deref(), Some("John Smith"));
        assert!(r.unresolved.as_deref().unwrap().contains("no actor code"));
    }

    #[test]
    fn object_pronoun_is_not_its_verbs_subject() {
        let spec = "Kim/NNP/3/compound Jong/NNP/3/compound Un/NNP/4/nsubj met=meet/VBD/0/ROOT \
            Putin/NNP/4/dobj ././4/punct || \
            Putin/NNP/2/nsubj praised=praise/VBD/0/ROOT him=he/PRP/2/dobj ././2/punct";
        assert!(code(spec).contains(&ev("RUSGOV", "PRKGOV", "051", "Putin", "him")));
    }

    #[test]
    fn an_object_pronoun_is_not_what_its_subject_pronoun_stands_for() {
        // "he" is Putin (the within-sentence resolver), so "him" is not Putin but Kim.
        let spec = "Putin/NNP/2/nsubj refused=refuse/VBD/0/ROOT to/TO/4/aux meet/VB/2/xcomp \
            Kim/NNP/7/compound Jong/NNP/7/compound Un/NNP/4/dobj ,/,/2/punct \
            saying=say/VBG/2/advcl he/PRP/12/nsubj would/MD/12/aux welcome/VB/9/ccomp \
            him=he/PRP/12/dobj in/IN/12/prep Moscow/NNP/14/pobj ././2/punct";
        let (events, traces, _) = code_traced(&coder(), spec);
        let him = traces[0]
            .references
            .iter()
            .find(|r| r.text == "him")
            .unwrap();
        assert_eq!(him.codes, ["PRKGOV"], "{him:?}");
        assert!(
            events
                .iter()
                .any(|e| e.0 == "RUSGOV" && e.1 == "PRKGOV" && e.4 == "him"),
            "{events:?}"
        );
    }

    #[test]
    fn an_uncoded_plural_blocks_they() {
        // "them" is the workers (no actor), not Russia.
        let spec = "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT workers=worker/NNS/2/dobj \
            and/CC/2/cc North/NNP/6/compound Korea/NNP/7/nsubj attacked=attack/VBD/2/conj \
            them=they/PRP/7/dobj ././2/punct";
        let (events, traces, _) = code_traced(&coder(), spec);
        assert!(!events.iter().any(|e| e.2 == "190"), "{events:?}");
        let r = &traces[0].references[0];
        assert_eq!(r.antecedent.as_deref(), Some("workers"));
        assert!(r.unresolved.is_some());
    }

    #[test]
    fn short_name_is_the_earlier_full_name() {
        let spec = format!(
            "{KIM_VISITED} || Kim/NNP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        assert!(code(&spec).contains(&ev("PRKGOV", "RUSGOV", "051", "Kim", "Putin")));
        // Another person's name is not taken.
        let spec = format!(
            "{KIM_VISITED} || Moon/NNP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        assert!(!code(&spec).iter().any(|e| e.2 == "051"));
        // Two persons share the name: ambiguous.
        let spec = format!(
            "{KIM_VISITED} || Kim/NNP/2/compound Yo/NNP/3/compound Jong/NNP/4/nsubj \
             visited=visit/VBD/0/ROOT Russia/NNP/4/dobj ././4/punct || \
             Kim/NNP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        let (events, traces, _) = code_traced(&coder(), &spec);
        assert!(!events.iter().any(|e| e.2 == "051"), "{events:?}");
        assert!(
            traces[2].references[0]
                .unresolved
                .as_deref()
                .unwrap()
                .contains("ambiguous")
        );
    }

    #[test]
    fn they_takes_a_compound_subject() {
        let spec = "North/NNP/2/compound Korea/NNP/5/nsubj and/CC/2/cc Russia/NNP/2/conj \
            signed=sign/VBD/0/ROOT a/DT/7/det pact/NN/5/dobj ././5/punct || \
            They=they/PRP/2/nsubj criticized=criticize/VBD/0/ROOT the/DT/5/det \
            United/NNP/5/compound States/NNP/2/dobj ././2/punct";
        let events = code(spec);
        assert!(events.contains(&ev("PRK", "USA", "111", "They", "United States")));
        assert!(events.contains(&ev("RUS", "USA", "111", "They", "United States")));
    }

    #[test]
    fn it_takes_a_state_subject_only() {
        let spec = "North/NNP/2/compound Korea/NNP/3/nsubj criticized=criticize/VBD/0/ROOT \
            Russia/NNP/3/dobj ././3/punct || \
            It=it/PRP/2/nsubj attacked=attack/VBD/0/ROOT South/NNP/4/compound Korea/NNP/2/dobj ././2/punct";
        assert!(code(spec).contains(&ev("PRK", "KOR", "190", "It", "South Korea")));
        let spec = format!(
            "{KIM_VISITED} || It=it/PRP/2/nsubj attacked=attack/VBD/0/ROOT \
             South/NNP/4/compound Korea/NNP/2/dobj ././2/punct"
        );
        assert!(!code(&spec).iter().any(|e| e.2 == "190"));
    }

    #[test]
    fn the_north_after_north_korea() {
        let spec = "South/NNP/2/compound Korea/NNP/3/nsubj criticized=criticize/VBD/0/ROOT \
            North/NNP/5/compound Korea/NNP/3/dobj ././3/punct || \
            The/DT/2/det North/NNP/3/nsubj attacked=attack/VBD/0/ROOT the/DT/5/det \
            South/NNP/3/dobj ././3/punct";
        assert!(code(spec).contains(&ev("PRK", "KOR", "190", "The North", "the South")));
        // Without North Korea in the document, "the North" is nobody.
        let spec = "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT \
            South/NNP/4/compound Korea/NNP/2/dobj ././2/punct || \
            The/DT/2/det North/NNP/3/nsubj attacked=attack/VBD/0/ROOT the/DT/5/det \
            South/NNP/3/dobj ././3/punct";
        assert!(!code(spec).iter().any(|e| e.2 == "190"));
    }

    #[test]
    fn the_government_is_the_only_state_nearby() {
        let spec = "North/NNP/2/compound Korea/NNP/3/nsubj visited=visit/VBD/0/ROOT \
            Russia/NNP/3/dobj ././3/punct || \
            The/DT/2/det government/NN/3/nsubj praised=praise/VBD/0/ROOT \
            the/DT/6/det United/NNP/6/compound States/NNP/3/dobj ././3/punct";
        // Two states in the sentence before: ambiguous ("government" stays a countryless
        // role, which the domestic-country rule may fill from the sentence itself).
        assert!(
            !code(spec)
                .iter()
                .any(|e| e.0 == "PRKGOV" || e.0 == "RUSGOV")
        );
        let spec = "Kim/NNP/3/compound Jong/NNP/3/compound Un/NNP/4/nsubj \
            visited=visit/VBD/0/ROOT North/NNP/6/compound Korea/NNP/4/dobj ././4/punct || \
            The/DT/2/det government/NN/3/nsubj praised=praise/VBD/0/ROOT \
            the/DT/6/det United/NNP/6/compound States/NNP/3/dobj ././3/punct";
        assert!(
            code(spec).contains(&ev(
                "PRKGOV",
                "USA",
                "051",
                "The government",
                "United States"
            )),
            "{:?}",
            code(spec)
        );
    }

    #[test]
    fn the_two_leaders_are_the_last_two_persons() {
        let spec = "Kim/NNP/3/compound Jong/NNP/3/compound Un/NNP/4/nsubj met=meet/VBD/0/ROOT \
            Vladimir/NNP/6/compound Putin/NNP/4/dobj ././4/punct || \
            The/DT/3/det two/CD/3/nummod leaders=leader/NNS/4/nsubj criticized=criticize/VBD/0/ROOT \
            the/DT/7/det United/NNP/7/compound States/NNP/4/dobj ././4/punct";
        let events = code(spec);
        assert!(events.contains(&ev(
            "PRKGOV",
            "USA",
            "111",
            "The two leaders",
            "United States"
        )));
        assert!(events.contains(&ev(
            "RUSGOV",
            "USA",
            "111",
            "The two leaders",
            "United States"
        )));
    }

    #[test]
    fn a_titled_name_is_a_person() {
        // "Russian official Ivan Petrov": the phrase codes RUS + GOV, the head is a proper
        // noun with a person's role word, so "he" may take it.
        let spec = "Russian=russian/NNP/4/amod official/NN/4/compound Ivan/NNP/4/compound \
            Petrov/NNP/5/nsubj visited=visit/VBD/0/ROOT North/NNP/7/compound Korea/NNP/5/dobj \
            ././5/punct || \
            He=he/PRP/2/nsubj criticized=criticize/VBD/0/ROOT the/DT/5/det \
            United/NNP/5/compound States/NNP/2/dobj ././2/punct";
        let lex = Lexicon {
            actors: parse_petrarch_actors(&format!("{ACTORS}RUSSIAN [RUS]\n"), "actors.txt").value,
            agents: parse_petrarch_agents(AGENTS, "agents.txt").value,
            verbs: parse_petrarch_verbs(VERBS, "verbs.txt").value,
            ..Lexicon::default()
        };
        let c = Coder::new(Arc::new(LexiconIndex::new(lex)), CoderOptions::default());
        let (events, traces, _) = code_traced(&c, spec);
        assert!(
            events.contains(&ev("RUSGOV", "USA", "111", "He", "United States")),
            "{events:?}"
        );
        assert_eq!(
            traces[1].references[0].antecedent.as_deref(),
            Some("Ivan Petrov")
        );
    }

    #[test]
    fn the_two_countries_are_the_last_two_states() {
        // "the two governments": the two countries with the role word's agent.
        let spec = "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT North/NNP/4/compound \
            Korea/NNP/2/dobj ././2/punct || \
            The/DT/3/det two/CD/3/nummod governments=government/NNS/4/nsubj \
            criticized=criticize/VBD/0/ROOT the/DT/7/det United/NNP/7/compound \
            States/NNP/4/dobj ././4/punct";
        let events = code(spec);
        assert!(events.contains(&ev(
            "RUSGOV",
            "USA",
            "111",
            "The two governments",
            "United States"
        )));
        assert!(events.contains(&ev(
            "PRKGOV",
            "USA",
            "111",
            "The two governments",
            "United States"
        )));
        // A pair named three sentences back.
        let filler = "Talks=talk/NNS/2/nsubj continued=continue/VBD/0/ROOT ././2/punct";
        let spec = format!(
            "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT North/NNP/4/compound \
             Korea/NNP/2/dobj ././2/punct || {filler} || {filler} || \
             The/DT/3/det two/CD/3/nummod countries=country/NNS/4/nsubj \
             criticized=criticize/VBD/0/ROOT the/DT/7/det United/NNP/7/compound \
             States/NNP/4/dobj ././4/punct"
        );
        assert!(code(&spec).contains(&ev(
            "PRK",
            "USA",
            "111",
            "The two countries",
            "United States"
        )));
        // Three states: ambiguous.
        let spec = "Russia/NNP/2/nsubj criticized=criticize/VBD/0/ROOT North/NNP/5/compound \
            Korea/NNP/2/dobj and/CC/5/cc South/NNP/7/compound Korea/NNP/5/conj ././2/punct || \
            The/DT/3/det two/CD/3/nummod countries=country/NNS/4/nsubj \
            criticized=criticize/VBD/0/ROOT the/DT/7/det United/NNP/7/compound \
            States/NNP/4/dobj ././4/punct";
        assert!(!code(spec).iter().any(|e| e.3 == "The two countries"));
    }

    #[test]
    fn off_codes_each_sentence_alone() {
        let spec = format!(
            "{KIM_VISITED} || He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct"
        );
        let off = coder_with(CoderOptions {
            document_context: false,
            ..CoderOptions::default()
        });
        let (events, traces, _) = code_traced(&off, &spec);
        assert_eq!(
            events,
            [ev("PRKGOV", "RUS", "042", "Kim Jong Un", "Russia")]
        );
        assert!(traces[1].references.is_empty());
    }

    #[test]
    fn the_title_is_read_before_the_lede() {
        let spec = "He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct || \
            Kim/NNP/2/nsubj criticized=criticize/VBD/0/ROOT the/DT/5/det \
            United/NNP/5/compound States/NNP/2/dobj ././2/punct";
        let (text, parse) = tree(spec);
        let stage = CodeStage::new(Arc::new(coder()));
        let mut doc = Doc::new("t", jiff::civil::date(2020, 1, 1), text.clone());
        doc.title = Some("Kim Jong Un in Moscow".into());
        doc.parse = Some(parse.clone());
        stage.run(&mut doc).unwrap();
        let events = doc.events.clone().unwrap();
        let codes: Vec<(String, String)> = events
            .iter()
            .map(|e| {
                (
                    e.source.as_ref().unwrap().code.clone(),
                    e.target.as_ref().unwrap().code.clone(),
                )
            })
            .collect();
        assert!(
            codes.contains(&("PRKGOV".into(), "RUSGOV".into())),
            "{codes:?}"
        );
        assert!(
            codes.contains(&("PRKGOV".into(), "USA".into())),
            "{codes:?}"
        );
        // Spans stay in the text: the title is not part of it.
        for e in &events {
            let s = e.source.as_ref().unwrap();
            let chars: String = doc
                .text
                .chars()
                .skip(s.span[0])
                .take(s.span[1] - s.span[0])
                .collect();
            assert_eq!(chars, s.text);
            assert!(s.text == "He" || s.text == "Kim", "{}", s.text);
        }
        // Without a title the lede's "He" is nobody.
        let mut doc = Doc::new("t", jiff::civil::date(2020, 1, 1), text);
        doc.parse = Some(parse);
        stage.run(&mut doc).unwrap();
        assert!(doc.events.unwrap().is_empty());
    }

    #[test]
    fn antecedents_take_the_code_of_the_referring_sentence_date() {
        // Nixon in the title; the lede's "He" is coded on each date with Nixon's code then.
        let spec = "He=he/PRP/2/nsubj praised=praise/VBD/0/ROOT Putin/NNP/2/dobj ././2/punct";
        let (text, parse) = tree(spec);
        let c = coder();
        let mut ctx = crate::DocContext::new();
        ctx.seed_title(
            c.index(),
            "Richard Nixon returns",
            Some(jiff::civil::date(1972, 1, 1)),
        );
        assert_eq!(ctx.referents()[0].kind, super::ReferentKind::Person);
        for (date, want) in [((1972, 1, 1), "USAGOV"), ((1980, 1, 1), "USAELI")] {
            let input = crate::SentenceInput {
                text: &text,
                parse: &parse,
                tokens: 0..parse.len(),
                sentence_index: 0,
                date: Some(jiff::civil::date(date.0, date.1, date.2)),
            };
            // Putin has no code before 2012: only the source is checked, with require_dyad off.
            let half = coder_with(CoderOptions {
                require_dyad: false,
                ..CoderOptions::default()
            });
            let coding = half.code_sentence_in_context(&input, &ctx, None);
            assert_eq!(coding.events[0].source.as_ref().unwrap().code, want);
        }
    }
}
