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
//!   several: TABARI's `[FRO/BIL/SAM]`) valid on the closed interval `[from, until]`, either
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
//! * **Nouns** ([`NounEntry`], in [`VerbLexicon::nouns`]): event nouns ("invasion", "arms
//!   deal", `&SANCTIONS`) with argument slots (possessor, modifier, prepositional phrases)
//!   and an [`EventCode`]; [`SupportVerb`]s lend their subject to an event noun they govern
//!   ("launched an attack"). See [`nouns`].
//! * **Discards** ([`Discard`]: sentence or story level) and **issues** ([`Issue`]: phrase forms
//!   → issue code, or an "ignore" phrase).
//! * Every entry keeps its [`Origin`]: file, line, the text as written, for `dyad explain`.
//!
//! The representation is plain data, `Send + Sync` and serialisable. dyad's own lexicon
//! format (issue 6) compiles into the same types.
//!
//! # Using it
//!
//! * Reading: [`read_petrarch_verbs`], [`read_petrarch_actors`], [`read_petrarch_agents`],
//!   [`read_petrarch_discards`], [`read_petrarch_issues`] (and `parse_*` on text) each return a
//!   [`Read`]: the part read and a [`Diagnostic`] per line not used; or everything at once with
//!   [`Lexicon::load`] and [`LexiconFiles`].
//! * Coding: [`LexiconIndex::new`] compiles a lexicon once; see [`index`] for the calls a coder
//!   makes per sentence (key sequence, actor/agent tries with longest match, resolution by
//!   date, verb candidates by lemma or form, compiled patterns, synsets, discards, issues).
//! * Checking: [`check`] / [`check_files`] (`dyad lexicon check`), [`lookup()`] /
//!   [`LexiconIndex::lookup`] (`dyad lexicon lookup`).
//!
//! ```
//! use dyad_lexicon::{Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_agents,
//!     parse_petrarch_verbs};
//! use jiff::civil::date;
//!
//! let actors = "RICHARD_M._NIXON_\n+RICHARD_NIXON\n+NIXON\n\
//!               \t[USAGOV 690120-740809]\n\t[USAELI 740809-940101]\n\
//!               UNITED_STATES_ [USA]\n+U.S.\nCHINA_ [CHN]\n+BEIJING_\nMAO_ZEDONG_ [CHNGOV]\n";
//! let verbs = "---  CONSULT   [040]  ---\nMEET {MET MEETS MEETING}\n- * (WITH +) [040]\n\
//!              ---  TRAVEL   [---]  ---\nTRAVEL\n- * (TO +) [042]\n";
//! let lex = Lexicon {
//!     actors: parse_petrarch_actors(actors, "actors.txt").value,
//!     agents: parse_petrarch_agents("PRESIDENT [~GOV]\nCHAIRMAN [~GOV]\n", "agents.txt").value,
//!     verbs: parse_petrarch_verbs(verbs, "verbs.txt").value,
//!     ..Lexicon::default()
//! };
//! let index = LexiconIndex::new(lex);
//!
//! // "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met
//! // Chairman Mao Zedong", as spaCy tokenises it.
//! let tokens = ["In", "February", "1972", ",", "U.S.", "President", "Richard", "Nixon",
//!     "traveled", "to", "Beijing", ",", "where", "he", "met", "Chairman", "Mao", "Zedong"];
//! let seq = index.keys(tokens);
//! let found: Vec<(u32, u32, String)> = index
//!     .actors
//!     .find_all(&seq)
//!     .iter()
//!     .map(|m| {
//!         let r = index.resolve_actor(m.entries, Some(date(1972, 2, 21))).unwrap();
//!         (m.token_start, m.token_end, r.period.codes.join("/"))
//!     })
//!     .collect();
//! assert_eq!(found, [
//!     (4, 5, "USA".into()), (6, 8, "USAGOV".into()), (10, 11, "CHN".into()),
//!     (16, 18, "CHNGOV".into()),
//! ]);
//!
//! // "met": lemma "meet" (spaCy's), and the patterns of its block, most specific first.
//! let verbs = index.verbs.candidates(index.word_id("meet"), index.word_id("met"));
//! let pattern = &index.verbs.patterns(verbs[0])[0];
//! let p = index.lexicon().pattern(pattern.id).unwrap();
//! assert_eq!((p.code.to_string(), p.origin.line), ("040".to_owned(), 3));
//! ```
//!
//! # Design notes
//!
//! * **Dates.** `D1-D2` includes both days, as PETRARCH's documentation says and its
//!   validation suite expects (PETRARCH2's code drops the last day and fails that test); `>D`
//!   is from D on, `<D` before D. A dated period that contains the date wins over an undated
//!   default (PETRARCH2 takes the first listed, which makes a default on the name line win
//!   always, against the validation file's own comments); ties go to file order, which also
//!   settles the hand-over day the dictionaries give to both office holders.
//!   [`Actor::codes_during`] handles coarse dates (a month, a year, a decade).
//! * **Words and keys.** Entries store spaCy-like words ([`normalize::words`]); indexes match
//!   on keys where hyphens and periods are transparent ([`normalize::key`]), so the approximation
//!   of spaCy's tokenizer needs no model and cannot put the two sides out of step.
//! * **Verbs and lemmas.** PETRARCH dictionaries list surface forms; each [`Verb`] keeps the head
//!   word as written (the base form for nearly all entries) as `lemma` and every form PETRARCH
//!   would accept as `forms`. The coder matches spaCy's lemma against the lemma and the token's
//!   lower-case text against the forms ([`index::VerbIndex::candidates`] does both). Pattern
//!   words are surface forms ("SANCTIONS"), matched against the token's text.
//! * **Pattern order.** Most specific first ([`Pattern::specificity`]: words and synsets 3,
//!   phrase structure 1, slots 1), then file order: PETRARCH's pattern trie prefers the deepest
//!   path, TABARI sorts longest first.
//! * **`_` in patterns** means adjacent words (TABARI); PETRARCH2 keeps `A_B` as one token that
//!   can never match. In names, `_` and blanks both just separate words.
//! * **Plurals** (agents, synset members, issues' `n:`) use ordinary English rules, not
//!   PETRARCH's (which make "ATTORNIES", "DOLLARSES"); a word already ending in a single `s` gets
//!   none.
//! * **Lost `+`.** A phrase line right under an actor entry that has no code yet (no blank
//!   line between, no code on the line) is read as its alias, with a warning: the Phoenix
//!   country file has 40-odd of these (`IVO_JOSIPOVIC_` / `PRESIDENT_JOSIPOVIC_` /
//!   `JOSIPOVIC_` / `[HRVGOV ...]`), which PETRARCH reads as code-less actors.
//!
//! # TABARI's forms
//!
//! Read: codes on the name line and several `[...]` per line, `[A/B]` compound actors, `NGO~`
//! prefix agents, `_` adjacency in patterns, `;` comments on verb lines, synsets inside synsets,
//! 6-digit dates. Not read: stems (a TABARI word without a final `_` matches any word it
//! begins; PETRARCH and dyad match whole words), `{A | B}` alternatives in patterns (reported),
//! a blank meaning "other words may come between" in agent phrases (both programs read
//! consecutive words).
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
pub mod nouns;
pub mod read;
pub mod stats;

pub use diagnostic::{Diagnostic, FileDiagnostics, LexiconError, Read, Severity, SourceLine};
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
pub use nouns::{
    NounEntry, NounHead, NounId, NounIndex, NounSlot, SlotPlace, SlotRole, SupportVerb,
};
pub use read::{
    discard_from_line, parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_discards,
    parse_petrarch_issues, parse_petrarch_verbs, read_petrarch_actors, read_petrarch_agents,
    read_petrarch_discards, read_petrarch_issues, read_petrarch_verbs, read_text,
};
pub use stats::summary;
