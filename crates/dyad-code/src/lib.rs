//! `dyad-code`: the event coder. Clauses of the dependency parse in, events out, driven by
//! the lexicon (PETRARCH/TABARI dictionaries or dyad's own), with an explanation of every
//! decision.
//!
//! * [`Coder`] — built once from a compiled lexicon ([`dyad_lexicon::LexiconIndex`] in an
//!   `Arc`) and [`CoderOptions`] (PETRARCH's filters and switches: `require_dyad`, comma
//!   limits, one event per story, `new_actor_length`, negation, [`Reported`] speech…);
//!   `Send + Sync`. [`Coder::code_sentence`] codes one sentence of a [`dyad_doc::Parse`]
//!   ([`SentenceInput`]: text, parse, token range, the date actor codes are resolved with);
//!   [`Coder::code_parse`] codes a whole document and applies the story filters;
//!   [`Coder::code_parse_dated`] takes each sentence's date (for the time stage).
//! * [`CodedEvent`] — the coder's event: actor codes as strings (the validation dictionaries
//!   use fictional actors and WEIS codes), actor texts and spans, verb span, rule id,
//!   negation, confidence; [`CodedEvent::to_event`] makes the contract record
//!   ([`dyad_doc::Event`]) for CAMEO codes, with PLOVER, Goldstein and quad class.
//! * [`SentenceTrace`] — what the coder did and why, for `dyad explain`
//!   ([`Coder::code_sentence_traced`], [`SentenceTrace::render`]).
//! * [`CodeStage`] — the `code` pipeline stage (requires the parse, fills the events).
//! * [`DocContext`] — the document context: "he", "Kim", "the North", "the two leaders"
//!   resolved from the sentences before and the title ([`context`]; used by
//!   [`Coder::code_parse`], [`Coder::code_parse_in_context`],
//!   [`Coder::code_sentence_in_context`]).
//! * [`conllu`] — parses from CoNLL-U, so trees can be stated by hand.
//!
//! ```
//! use std::sync::Arc;
//! use dyad_code::{Coder, CoderOptions, SentenceInput, conllu::parse_conllu};
//! use dyad_lexicon::{Lexicon, LexiconIndex, parse_petrarch_actors, parse_petrarch_verbs};
//!
//! // The actors and verbs of a tiny dictionary, PETRARCH format.
//! let actors = "UNITED_STATES [USA]\nCHINA [CHN]\nRICHARD_NIXON\n+NIXON\n\t[USAGOV 690120-740809]\n";
//! let verbs = "--- TRAVEL [---] ---\nTRAVEL\n- * (TO +) [042]\n";
//! let lexicon = Lexicon {
//!     actors: parse_petrarch_actors(actors, "actors").value,
//!     verbs: parse_petrarch_verbs(verbs, "verbs").value,
//!     ..Lexicon::default()
//! };
//! let coder = Coder::new(Arc::new(LexiconIndex::new(lexicon)), CoderOptions::default());
//!
//! // "Nixon traveled to China." as the parser would give it.
//! let (text, parse) = parse_conllu(
//!     "1\tNixon\tNixon\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
//!      2\ttraveled\ttravel\tVERB\tVBD\t_\t0\tROOT\t_\t_\n\
//!      3\tto\tto\tADP\tIN\t_\t2\tprep\t_\t_\n\
//!      4\tChina\tChina\tPROPN\tNNP\t_\t3\tpobj\t_\tSpaceAfter=No\n\
//!      5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
//! )?;
//! let input = SentenceInput {
//!     text: &text,
//!     parse: &parse,
//!     tokens: 0..parse.len(),
//!     sentence_index: 0,
//!     date: Some(jiff::civil::date(1972, 2, 21)),
//! };
//! let coding = coder.code_sentence(&input);
//! let e = &coding.events[0];
//! assert_eq!(e.source.as_ref().unwrap().code, "USAGOV", "Nixon was president then");
//! assert_eq!(e.target.as_ref().unwrap().code, "CHN");
//! assert_eq!(e.code, "042");
//! assert_eq!(e.rule, "verbs:3");
//! # Ok::<(), dyad_code::conllu::ConlluError>(())
//! ```
//!
//! # Design
//!
//! The coder reads dependency trees, but the dictionaries it serves were written for
//! TABARI's shallow patterns and PETRARCH's constituency trees. dyad keeps the tree for what
//! it is good at — who is the subject of which verb (through coordination, control, relative
//! clauses, passives), which clause a word belongs to, which noun phrase a word is in — and
//! matches the dictionaries' patterns as TABARI did, as word sequences, but only inside the
//! verb's clause ([`pattern`]). Noun phrases get their codes as PETRARCH's do: first actor,
//! agents attached, compounds, appositions ([`nominal`]). Nested verbs combine through
//! PETRARCH's code algebra and the dictionary's transformations ([`algebra`], [`Coder`]).
//! Event nouns with their arguments ("Russia's invasion of Ukraine") are coded from the
//! lexicon's noun entries ([`noun_events`]).
//! Each module's documentation states its rules.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod algebra;
pub mod clause;
mod coder;
pub mod conllu;
pub mod context;
mod event;
pub mod filter;
pub mod nominal;
pub mod noun_events;
mod options;
pub mod pattern;
pub mod sentence;
mod stage;
mod trace;

pub use coder::{Coder, DocCoding, SentenceCoding, SentenceInput};
pub use context::DocContext;
pub use event::{CodedEvent, Derivation, EventActor, TextSpan, split_actor_code};
pub use noun_events::NominalEvents;
pub use options::{CoderOptions, CommaLimits, Negation, Reported};
pub use stage::CodeStage;
pub use trace::{
    EventTrace, MentionTrace, NounTrace, PatternTrace, ReferenceTrace, SentenceTrace, VerbTrace,
};
