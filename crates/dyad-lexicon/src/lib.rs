//! dyad's lexicon: who the actors are (with their codes over time), which role words qualify
//! them, which verbs and patterns give which CAMEO codes, and which phrases discard a sentence or
//! tag an issue. One representation ([`Lexicon`]); readers for PETRARCH's (and TABARI's)
//! dictionary files; compiled indexes for the coder; a linter; a lookup for `dyad lexicon lookup`.
//!
//! # The model
//!
//! * **Words.** Every phrase is a sequence of normalised words ([`model::Words`]): lower case,
//!   split the way spaCy's English tokenizer splits text ("AL-QAEDA" → `al - qaeda`,
//!   "PRESIDENT'S" → `president 's`); see [`normalize`]. PETRARCH dictionaries hold surface
//!   forms, not lemmas, and so does the representation, except for verbs (below).
//! * **Actors** ([`Actor`]): names (primary + `+` aliases) and [`CodePeriod`]s, each a code (or
//!   several: TABARI's `[FRO/BIL/SAM]`) valid on the half-open interval `[from, until)`, either
//!   end open. [`Actor::code_on`] resolves a date: a dated period containing it beats the
//!   undated default; ties go to file order. The null code `---` means "known name, not an
//!   actor" (in that period).
//! * **Agents** ([`Agent`]): role phrases with their plurals → a role code and how it attaches
//!   ([`Attach::Suffix`] for `~GOV`: RUS + MIL; [`Attach::Prefix`] for `NGO~`).
//! * **Verbs** ([`VerbLexicon`]): [`Synset`]s (`&CURRENCY`), [`VerbClass`]es (one per
//!   `--- NAME [code] ---` block) holding [`Verb`]s (head `lemma`, every `forms` PETRARCH would
//!   accept, compound words `before`/`after` the head, optional own code) and [`Pattern`]s, and
//!   [`Transformation`]s ("A said B attacked C"). A pattern is the [`Element`]s before and after
//!   the verb (word, synset, `$` source, `+` target, `%` compound, `^` skip, `{noun phrase}`,
//!   `(prep phrase)`, with `_` adjacency kept) and an [`EventCode`] (active, and the distinct
//!   passive/reverse code of `[042:043]`, `[:173]`). Patterns belong to a class and apply to all
//!   its verbs; candidates are tried most specific first ([`Pattern::specificity`]).
//! * **Discards** ([`Discard`]: sentence or story level) and **issues** ([`Issue`]: phrase forms
//!   → issue code, or an "ignore" phrase).
//! * Every entry keeps its [`Origin`]: file, line, the text as written, for `dyad explain`.
//!
//! The representation is plain data; the coder uses the compiled indexes (word ids, tries,
//! candidate patterns sorted by specificity), built once from a `Lexicon`.
//!
//! # Codes are not validated on reading
//!
//! The validation dictionaries use fictional actors (ARN, GON) and WEIS-like event codes; the
//! readers keep every code as written. The linter checks codes against `dyad_ontology`.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod diagnostic;
pub mod index;
pub mod lint;
mod load;
pub mod lookup;
pub mod model;
pub mod normalize;
pub mod read;

pub use diagnostic::{Diagnostic, LexiconError, Read, Severity};
pub use index::{KeySeq, LexiconIndex, WordId};
pub use lint::{FileKind, check, check_files};
pub use load::LexiconFiles;
pub use lookup::{Match, MatchKind, lookup};
pub use model::{
    Actor, ActorId, ActorName, Agent, AgentId, Attach, ClassId, CodePeriod, Discard, DiscardLevel,
    Element, ElementKind, EventCode, Issue, IssueKind, Lexicon, Origin, Pattern, PatternId, Synset,
    SynsetId, SynsetMember, Term, TransformEvent, TransformTarget, TransformVar, TransformVerb,
    Transformation, Verb, VerbClass, VerbId, VerbLexicon, Words,
};
pub use read::{
    parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_discards, parse_petrarch_issues,
    parse_petrarch_verbs, read_petrarch_actors, read_petrarch_agents, read_petrarch_discards,
    read_petrarch_issues, read_petrarch_verbs,
};
