//! The lexicon's internal representation: plain data, built by the readers (PETRARCH/TABARI files
//! today, dyad's own format later) and compiled into indexes ([`crate::index`]) for the coder.
//!
//! Everything here is owned, `Send + Sync`, serialisable, and keeps where it came from
//! ([`Origin`]: file, line, original text) so `dyad explain` can show the entry that fired.
//! Ids ([`ActorId`], [`PatternId`] …) are positions in the [`Lexicon`]'s vectors.

use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

/// Where an entry came from: the file, the 1-based line, and the line's text as written
/// (comments and surrounding blanks removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The file, as given to the reader (shared by every entry of that file).
    #[serde(serialize_with = "ser_arc")]
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
    /// The entry's text as written in the file.
    pub text: Box<str>,
}

impl Origin {
    /// An origin for an entry built in code (tests, dyad's own compiled lexicon).
    pub fn new(file: &str, line: u32, text: &str) -> Origin {
        Origin {
            file: Arc::from(file),
            line,
            text: Box::from(text),
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.text)
    }
}

/// A phrase as a sequence of normalised words (see [`crate::normalize`]): lower case, split the
/// way spaCy's English tokenizer splits ("al-qaeda" → `al`, `-`, `qaeda`; "president's" →
/// `president`, `'s`; "u.s." stays one word). Dictionary underscores and spaces both separate
/// words; all words of a phrase must be consecutive in the text.
pub type Words = Vec<String>;

// ---------------------------------------------------------------------------------------------
// Actors

/// Index of an [`Actor`] in [`Lexicon::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ActorId(pub u32);

/// A named actor: a state, organisation, group or person, with every name it goes by and its
/// codes over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Names; the first is the primary phrase of the entry, the others its `+` aliases.
    pub names: Vec<ActorName>,
    /// The codes, in file order. See [`Actor::codes_on`] for how a date picks among them.
    pub codes: Vec<CodePeriod>,
    /// The primary line of the entry.
    pub origin: Origin,
}

/// One name of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorName {
    /// The normalised words.
    pub words: Words,
    /// The line that gave this name.
    pub origin: Origin,
}

/// One code of an actor with the dates it holds.
///
/// Validity is the closed interval `[from, until]`: the first and the last day the code
/// applies; `None` is open. `[X D1-D2]` is `[D1, D2]`, both ends included, as PETRARCH's
/// documentation states ("the limits … are interpreted as 'or equal to'") and its validation
/// suite expects (SAM_GAMGEE's `[ORCHOB 20100109-20100112]` applies on 2010-01-12); `[X >D]`
/// is from D on; `[X <D]` is *before* D, stored as `until` = the day before D. PETRARCH2's code
/// drops the range's last day (and fails that test). The dictionaries often end one tenure on
/// the day the next begins (Nixon `USAGOV 690120-740809`, `USAELI 740809-…`): on that day both
/// apply and the one listed first wins ([`Actor::codes_on`]); the linter does not report such
/// one-day touches as overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodePeriod {
    /// The actor code(s), upper case as written. TABARI's `[FRO/BIL/SAM]` (one name standing
    /// for several actors) gives several codes. The null code `---` is kept as `"---"`:
    /// the name is known but is not an actor in that period.
    pub codes: Vec<String>,
    /// First day the code applies, if bounded.
    #[serde(serialize_with = "ser_date")]
    pub from: Option<Date>,
    /// Last day the code applies, if bounded.
    #[serde(serialize_with = "ser_date")]
    pub until: Option<Date>,
    /// The line with this code.
    pub origin: Origin,
}

pub(crate) fn ser_arc<S: serde::Serializer>(v: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}

fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

impl CodePeriod {
    /// Whether the period has a date restriction.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Whether the code applies on `date`.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// Whether this is the null code `---` (matched, but not an actor).
    pub fn is_null(&self) -> bool {
        self.codes.iter().all(|c| c == "---")
    }
}

impl Actor {
    /// The codes that apply on `date`, in the order dyad resolves them.
    ///
    /// A dated period containing the date wins over an undated one (the undated code on the
    /// primary line or a bare `[CODE]` line is the entry's default "if none of the date
    /// restrictions are satisfied", as PETRARCH's documentation puts it); among several of the
    /// same kind, file order. With no date, only undated codes apply. The first element is the
    /// resolution; more than one means the dictionary overlaps (the linter reports it).
    pub fn codes_on(&self, date: Option<Date>) -> Vec<&CodePeriod> {
        let mut dated = Vec::new();
        let mut undated = Vec::new();
        for p in &self.codes {
            if !p.is_dated() {
                undated.push(p);
            } else if let Some(d) = date
                && p.contains(d)
            {
                dated.push(p);
            }
        }
        dated.extend(undated);
        dated
    }

    /// The codes that apply on some day of a coarse date ("1972-02", "196X"), in the order of
    /// [`Actor::codes_on`]: dated periods that overlap the span, then undated ones. Choosing
    /// between two periods that both overlap (a hand-over that month) is the caller's business.
    pub fn codes_during(&self, date: &dyad_ontology::PartialDate) -> Vec<&CodePeriod> {
        let (first, last) = (date.first_day(), date.last_day());
        let mut dated: Vec<&CodePeriod> = self
            .codes
            .iter()
            .filter(|p| {
                p.is_dated()
                    && p.from.is_none_or(|f| f <= last)
                    && p.until.is_none_or(|u| first <= u)
            })
            .collect();
        dated.extend(self.codes.iter().filter(|p| !p.is_dated()));
        dated
    }

    /// The code that applies on `date` ([`Actor::codes_on`]'s first), if any.
    pub fn code_on(&self, date: Option<Date>) -> Option<&CodePeriod> {
        self.codes_on(date).into_iter().next()
    }
}

// ---------------------------------------------------------------------------------------------
// Agents

/// Index of an [`Agent`] in [`Lexicon::agents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct AgentId(pub u32);

/// How an agent's code combines with the actor it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attach {
    /// `[~GOV]`: appended to the actor code ("Russian troops" → RUS + MIL = RUSMIL). The usual
    /// form.
    Suffix,
    /// `[NGO~]`: put before the actor code (TABARI; used for organisations: NGO + FRA).
    Prefix,
}

/// A role word ("troops", "foreign minister") that gives a sector/role to an actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agent {
    /// Names: the phrase as written first, then its plural forms (regular plurals generated,
    /// irregular from `{...}`, none if `{}`), or the forms a `!MARKER!` substitution gave.
    pub names: Vec<Words>,
    /// The role code without the `~` ("GOV", "GOVFRM", "NGO").
    pub code: String,
    /// Where the code goes.
    pub attach: Attach,
    /// The entry's line.
    pub origin: Origin,
}

// ---------------------------------------------------------------------------------------------
// Verbs

/// An event code as a verb entry or pattern gives it: `[042]`, `[042:043]`, `[:173]`, `[---]`.
///
/// `active` is the code of the event from the clause's source (subject) to its target.
/// `passive` is the code of the event read the other way, from the target to the source:
/// PETRARCH2 adds that reverse event when both are present ("X rushed to Y" `[042:043]`:
/// X→Y 042 and Y→X 043) and, with no active code, codes only the reverse event ("X appeared
/// before the court" `[:173]`: court→X 173). Both `None` is the null code `---`: the verb or
/// pattern is recognised but produces no event (and stops more general entries).
///
/// Codes are kept as written (upper-cased): the validation dictionaries use WEIS-like and
/// fictional codes ("075A"); the linter checks them against CAMEO.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
pub struct EventCode {
    /// Code for source → target.
    pub active: Option<String>,
    /// Code for target → source.
    pub passive: Option<String>,
}

impl EventCode {
    /// The null code `---`.
    pub fn null() -> EventCode {
        EventCode::default()
    }

    /// Whether this is the null code.
    pub fn is_null(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }
}

impl std::fmt::Display for EventCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.active, &self.passive) {
            (None, None) => f.write_str("---"),
            (Some(a), None) => f.write_str(a),
            (a, Some(p)) => write!(f, "{}:{}", a.as_deref().unwrap_or(""), p),
        }
    }
}

/// Index of a [`Synset`] in [`VerbLexicon::synsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SynsetId(pub u32);
/// Index of a [`VerbClass`] in [`VerbLexicon::classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClassId(pub u32);
/// Index of a [`Verb`] in [`VerbLexicon::verbs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct VerbId(pub u32);
/// Index of a [`Pattern`] in [`VerbLexicon::patterns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PatternId(pub u32);

/// A word or a synset reference: what a synset member is made of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// A normalised word form (not a lemma: "sanctions" matches "sanctions" only).
    Word(String),
    /// Any member of the synset.
    Synset(SynsetId),
}

/// A named set of words or phrases (`&CURRENCY` with `+DOLLAR`, `+SWISS_FRANC` …), usable in
/// patterns wherever a word is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Synset {
    /// The label without `&` and without a final `_` ("CURRENCY").
    pub name: String,
    /// Members: consecutive terms. Generated plurals are members of their own
    /// ([`SynsetMember::plural`]).
    pub members: Vec<SynsetMember>,
    /// The `&NAME` line.
    pub origin: Origin,
}

/// One member of a synset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynsetMember {
    /// The terms, to be matched consecutively.
    pub terms: Vec<Term>,
    /// Whether this member is the regular plural PETRARCH generates from the line's phrase
    /// (last word + S/ES/IES), rather than the phrase itself.
    pub plural: bool,
    /// The `+...` line.
    pub origin: Origin,
}

/// A verb block (`--- ACCELERATE [---] ---`): verbs that share patterns and a default code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerbClass {
    /// The block's name ("ACCELERATE", "EXPLAIN_VERBAL").
    pub name: String,
    /// The block's code, used by its verbs that have none of their own.
    pub code: EventCode,
    /// The verbs of the block.
    pub verbs: Vec<VerbId>,
    /// The patterns of the block, in file order.
    pub patterns: Vec<PatternId>,
    /// The `---` line.
    pub origin: Origin,
}

/// A verb of a block: a head verb, optionally with words it must come with (a compound verb:
/// `+CORDON_OFF` = "cordon" + particle "off"; `WIRE_+TAP` = "wire" before "tap").
///
/// PETRARCH dictionaries give surface forms, not lemmas. `lemma` is the head word as written
/// on the line (the base form for every regular entry and for `SPEED {SPEEDING SPEEDS SPED}`),
/// lower case; `forms` holds every inflected form PETRARCH would recognise: those in `{...}`
/// when given, else the regular ones it generates (`+S`/`+ES`/`Y→IES`, `+ED`/`+D`, `+ING`
/// with a final E dropped). A coder working on spaCy output should match the token's lemma
/// against `lemma` and, failing that, its lower-case text against `forms` (spaCy does not
/// lemmatise every form, and a few entries are written in a past form: `+ANGERED_BY {}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verb {
    /// The head verb's base form, lower case.
    pub lemma: String,
    /// All forms of the head verb, lower case, `lemma` included.
    pub forms: Vec<String>,
    /// Words that must come right before the head ("wire" in "wire-tap", "re" in "re-arrest").
    pub before: Words,
    /// Words that must follow the head: particles and prepositions ("off", "for").
    pub after: Words,
    /// The verb's own code, if the line has one; else the class's applies
    /// ([`VerbLexicon::verb_code`]).
    pub code: Option<EventCode>,
    /// The block it belongs to.
    pub class: ClassId,
    /// The line.
    pub origin: Origin,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Element {
    /// What the element matches.
    pub kind: ElementKind,
    /// Whether the element was joined by `_` to the element before it (in text order; for the
    /// first element after the verb, the verb itself): the two must be adjacent. Otherwise
    /// other words may come between (TABARI's reading; PETRARCH2 matches heads of phrases
    /// and ignores the distinction).
    pub glued: bool,
}

/// What a pattern element matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum ElementKind {
    /// A literal word form, normalised ("sanctions").
    Word(String),
    /// Any member of a synset.
    Synset(SynsetId),
    /// `$`: the event's source is here.
    Source,
    /// `+`: the event's target is here.
    Target,
    /// `%`: a compound actor here ("A and B agreed"): the event is between its members.
    Compound,
    /// `^`: skip a phrase (any noun phrase may fill this place).
    Skip,
    /// `{A B HEAD}`: a noun phrase; the last element is its head, the others modifiers of it.
    NounPhrase(Vec<Element>),
    /// `(PREP ...)`: a prepositional phrase; the first element is the preposition, the rest
    /// its object (possibly empty: `(TO)` = any object of "to").
    Prep(Vec<Element>),
}

/// A verb pattern: what must surround a verb of the class for the pattern's code to apply.
///
/// `before` and `after` are the elements left and right of the verb's `*`, in text order. For
/// a dependency coder: elements after the verb are looked for among the verb's dependents and
/// their subtrees (objects, particles, prepositional phrases: `Prep` = a `prep` child with its
/// `pobj`), elements before it in the subject's phrase or the words left of the verb; `Source`
/// and `Target` say which argument fills which role when the syntax alone would not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    /// The class (block) the pattern belongs to; it applies to every verb of the class.
    pub class: ClassId,
    /// Elements before the verb, in text order.
    pub before: Vec<Element>,
    /// Elements after the verb, in text order.
    pub after: Vec<Element>,
    /// Whether the verb was joined by `_` to the last element before it (`IN_*`).
    pub verb_glued: bool,
    /// The code the pattern gives.
    pub code: EventCode,
    /// The line.
    pub origin: Origin,
}

impl Pattern {
    /// How specific the pattern is: literal words and synsets count 3, prepositions and noun
    /// phrase structure 1 each, actor slots (`$ + %`) 1, skips 0. Candidate patterns are tried
    /// most specific first (then in file order), as PETRARCH's pattern trie prefers the longest
    /// path and TABARI sorts its patterns longest first.
    pub fn specificity(&self) -> u32 {
        fn score(e: &Element) -> u32 {
            match &e.kind {
                ElementKind::Word(_) | ElementKind::Synset(_) => 3,
                ElementKind::Source | ElementKind::Target | ElementKind::Compound => 1,
                ElementKind::Skip => 0,
                ElementKind::NounPhrase(v) | ElementKind::Prep(v) => {
                    1 + v.iter().map(score).sum::<u32>()
                }
            }
        }
        self.before.iter().chain(&self.after).map(score).sum()
    }
}

/// A variable of a transformation: `a`, `b` …, `.` (an actor not specified) or `_` (no actor).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum TransformVar {
    /// A named variable, bound to the same actor wherever it occurs.
    Named(String),
    /// `.`: some actor, not constrained.
    Any,
    /// `_`: no actor present.
    Absent,
}

/// The verb position of a transformation: a verb of the dictionary (standing for its code) or
/// `Q`, any verb.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum TransformVerb {
    /// A verb (lower-case words of the line, e.g. `["attack"]`, `["will", "attack"]`).
    Verb(Words),
    /// `Q`: any verb; in the result, the inner event's code.
    Any,
}

/// An event shape in a transformation: `source (target) verb`, where the target may itself be
/// an event (`a (b . ATTACK) SAY`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TransformEvent {
    /// The source variable.
    pub source: TransformVar,
    /// The target: a variable or an embedded event.
    pub target: TransformTarget,
    /// The verb.
    pub verb: TransformVerb,
}

/// The target of a [`TransformEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum TransformTarget {
    /// An actor variable.
    Var(TransformVar),
    /// An embedded event (reported speech, intentions).
    Event(Box<TransformEvent>),
}

/// A verb transformation (`~ a (a b ATTACK) SAY = a b 015`): "A says A attacked B" → A→B 015.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transformation {
    /// The nested event shape to match.
    pub pattern: TransformEvent,
    /// The resulting event's source.
    pub source: TransformVar,
    /// The resulting event's target.
    pub target: TransformVar,
    /// The resulting code; `None` for `Q` (the inner event's code).
    pub code: Option<String>,
    /// The line.
    pub origin: Origin,
}

/// The verb dictionary: synsets, verb classes (blocks) with their verbs and patterns, and the
/// transformations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VerbLexicon {
    /// Synsets, in file order.
    pub synsets: Vec<Synset>,
    /// Verb blocks, in file order.
    pub classes: Vec<VerbClass>,
    /// Verbs, in file order.
    pub verbs: Vec<Verb>,
    /// Patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// Transformations, in file order.
    pub transformations: Vec<Transformation>,
    /// Event nouns ([`crate::nouns`]), in file order.
    pub nouns: Vec<crate::nouns::NounEntry>,
    /// Verbs whose subject an event noun that is their object takes as its source.
    pub support_verbs: Vec<crate::nouns::SupportVerb>,
}

impl VerbLexicon {
    /// The code a verb gives on its own: its line's code, else its block's.
    pub fn verb_code(&self, verb: VerbId) -> Option<&EventCode> {
        let v = self.verbs.get(verb.0 as usize)?;
        v.code
            .as_ref()
            .or_else(|| self.classes.get(v.class.0 as usize).map(|c| &c.code))
    }

    /// The synset with this id.
    pub fn synset(&self, id: SynsetId) -> Option<&Synset> {
        self.synsets.get(id.0 as usize)
    }

    /// The synset with this name (without `&` or a final `_`; case-insensitive).
    pub fn synset_named(&self, name: &str) -> Option<SynsetId> {
        let name = name.trim_start_matches('&').trim_end_matches('_');
        self.synsets
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(name))
            .map(|i| SynsetId(i as u32))
    }

    /// Appends another verb dictionary, renumbering its ids.
    pub fn extend(&mut self, other: VerbLexicon) {
        let syn0 = self.synsets.len() as u32;
        let class0 = self.classes.len() as u32;
        let verb0 = self.verbs.len() as u32;
        let pat0 = self.patterns.len() as u32;
        fn shift_term(t: &mut Term, syn0: u32) {
            if let Term::Synset(s) = t {
                s.0 += syn0;
            }
        }
        fn shift_el(e: &mut Element, syn0: u32) {
            match &mut e.kind {
                ElementKind::Synset(s) => s.0 += syn0,
                ElementKind::NounPhrase(v) | ElementKind::Prep(v) => {
                    v.iter_mut().for_each(|e| shift_el(e, syn0))
                }
                _ => {}
            }
        }
        for mut s in other.synsets {
            for m in &mut s.members {
                m.terms.iter_mut().for_each(|t| shift_term(t, syn0));
            }
            self.synsets.push(s);
        }
        for mut c in other.classes {
            c.verbs.iter_mut().for_each(|v| v.0 += verb0);
            c.patterns.iter_mut().for_each(|p| p.0 += pat0);
            self.classes.push(c);
        }
        for mut v in other.verbs {
            v.class.0 += class0;
            self.verbs.push(v);
        }
        for mut p in other.patterns {
            p.class.0 += class0;
            p.before.iter_mut().for_each(|e| shift_el(e, syn0));
            p.after.iter_mut().for_each(|e| shift_el(e, syn0));
            self.patterns.push(p);
        }
        self.transformations.extend(other.transformations);
        for mut n in other.nouns {
            if let crate::nouns::NounHead::Synset(s) = &mut n.head {
                s.0 += syn0;
            }
            self.nouns.push(n);
        }
        self.support_verbs.extend(other.support_verbs);
    }
}

// ---------------------------------------------------------------------------------------------
// Discards and issues

/// Whether a discard phrase drops the sentence or the whole story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscardLevel {
    /// The sentence is not coded.
    Sentence,
    /// `+PHRASE`: no sentence of the story is coded.
    Story,
}

/// A discard phrase (sports, entertainment, history …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discard {
    /// The words, matched consecutively as whole words.
    pub words: Words,
    /// What it discards.
    pub level: DiscardLevel,
    /// The line.
    pub origin: Origin,
}

/// What an issue phrase does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum IssueKind {
    /// Tags the sentence with this issue code.
    Code(String),
    /// `~PHRASE`: if present in the sentence, no issue of its category is coded (PETRARCH2:
    /// none at all).
    IgnoreSentence,
    /// `~~PHRASE`: as above for the whole story.
    IgnoreStory,
}

/// An issue phrase (topic tag).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// The forms of the phrase: as written, then the expansions of `n:` (plural), `v:` (verb
    /// forms) and `+` (written with a blank or a hyphen).
    pub names: Vec<Words>,
    /// What a match does.
    pub kind: IssueKind,
    /// The `<ISSUE CATEGORY="...">` section it is in, if any.
    pub category: Option<String>,
    /// The line.
    pub origin: Origin,
}

// ---------------------------------------------------------------------------------------------
// The lexicon

/// The whole lexicon: what the coder consumes (through [`crate::index::LexiconIndex`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lexicon {
    /// Actors, from every actor file, in load order.
    pub actors: Vec<Actor>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// The verb dictionary.
    pub verbs: VerbLexicon,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Issue phrases.
    pub issues: Vec<Issue>,
}

impl Lexicon {
    /// The actor with this id.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.0 as usize)
    }

    /// The agent with this id.
    pub fn agent(&self, id: AgentId) -> Option<&Agent> {
        self.agents.get(id.0 as usize)
    }

    /// The pattern with this id.
    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.verbs.patterns.get(id.0 as usize)
    }

    /// The verb with this id.
    pub fn verb(&self, id: VerbId) -> Option<&Verb> {
        self.verbs.verbs.get(id.0 as usize)
    }

    /// Appends another lexicon (ids of `other` are renumbered).
    pub fn extend(&mut self, other: Lexicon) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn period(from: Option<Date>, until: Option<Date>, code: &str) -> CodePeriod {
        CodePeriod {
            codes: vec![code.into()],
            from,
            until,
            origin: Origin::new("t", 1, ""),
        }
    }

    #[test]
    fn periods_include_both_ends() {
        let p = period(Some(date(1969, 1, 20)), Some(date(1974, 8, 9)), "USAGOV");
        assert!(!p.contains(date(1969, 1, 19)));
        assert!(p.contains(date(1969, 1, 20)));
        assert!(p.contains(date(1974, 8, 9)));
        assert!(!p.contains(date(1974, 8, 10)));
    }

    #[test]
    fn dated_code_wins_over_default() {
        let actor = Actor {
            names: vec![],
            codes: vec![
                period(None, None, "HOB"),
                period(None, Some(date(2008, 1, 20)), "HOBCIV"),
                period(Some(date(2013, 1, 19)), None, "HOBELI"),
            ],
            origin: Origin::new("t", 1, ""),
        };
        let code = |d| actor.code_on(d).map(|p| p.codes[0].as_str());
        assert_eq!(code(Some(date(2000, 1, 1))), Some("HOBCIV"));
        assert_eq!(code(Some(date(2010, 1, 1))), Some("HOB"));
        assert_eq!(code(Some(date(2014, 1, 1))), Some("HOBELI"));
        assert_eq!(code(None), Some("HOB"));
        let during = |s: &str| -> Vec<String> {
            let d: dyad_ontology::PartialDate = s.parse().unwrap();
            actor
                .codes_during(&d)
                .iter()
                .map(|p| p.codes[0].clone())
                .collect()
        };
        assert_eq!(during("2008-01"), ["HOBCIV", "HOB"]);
        assert_eq!(during("2008"), ["HOBCIV", "HOB"]);
        assert_eq!(during("2013"), ["HOBELI", "HOB"]);
        assert_eq!(during("201X"), ["HOBELI", "HOB"]);
        assert_eq!(during("2009-05"), ["HOB"]);
    }

    #[test]
    fn event_code_display() {
        let c = EventCode {
            active: None,
            passive: Some("173".into()),
        };
        assert_eq!(c.to_string(), ":173");
        assert_eq!(EventCode::null().to_string(), "---");
    }
}
