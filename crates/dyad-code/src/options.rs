//! [`CoderOptions`]: PETRARCH's output filters and the coder's switches.

use serde::Serialize;

/// Limits for eliminating comma-delimited clauses (TABARI's and PETRARCH's `comma_*`
/// options): a clause between two commas (or from the start, or to the end of the sentence)
/// whose length in words lies within the bounds is removed before coding. A maximum of 0
/// turns that kind off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CommaLimits {
    /// Internal clause: minimum words.
    pub min: usize,
    /// Internal clause: maximum words (0 = off).
    pub max: usize,
    /// Initial clause: minimum words.
    pub begin_min: usize,
    /// Initial clause: maximum words (0 = off).
    pub begin_max: usize,
    /// Terminal clause: minimum words.
    pub end_min: usize,
    /// Terminal clause: maximum words (0 = off).
    pub end_max: usize,
}

impl CommaLimits {
    /// No elimination at all.
    pub const OFF: CommaLimits = CommaLimits {
        min: 0,
        max: 0,
        begin_min: 0,
        begin_max: 0,
        end_min: 0,
        end_max: 0,
    };

    /// PETRARCH's and TABARI's defaults: internal 2..=8, initial off, terminal 2..=8.
    pub const PETRARCH: CommaLimits = CommaLimits {
        min: 2,
        max: 8,
        begin_min: 0,
        begin_max: 0,
        end_min: 2,
        end_max: 8,
    };
}

/// How the coder treats a negated verb whose negation no pattern accounted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Negation {
    /// The code's opposite in the code algebra ("did not provide support": 060 → 121), as
    /// PETRARCH2 does; no event when the code has none.
    Opposite,
    /// Keep the code and set the event's `negated` flag.
    Flag,
    /// Drop the event.
    Drop,
}

/// Options of the coder, frozen when the [`crate::Coder`] is built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoderOptions {
    /// Only events with both a source and a target (PETRARCH's `require_dyad`, default on).
    /// When off, events with one side missing are kept with `None` there.
    pub require_dyad: bool,
    /// Comma-delimited clause elimination (default off: the dependency tree already keeps
    /// appositions and reporting clauses apart; [`CommaLimits::PETRARCH`] reproduces
    /// PETRARCH's configuration).
    pub comma: CommaLimits,
    /// One event per (source, target, code) per story (PETRARCH's story filter), default on.
    /// Within a sentence duplicates are always merged.
    pub one_per_story: bool,
    /// PETRARCH's `new_actor_length`: a noun phrase with no actor or agent and at most this
    /// many words becomes an actor coded by its own text in quotes. 0 (default) turns it off.
    pub new_actor_length: usize,
    /// Treatment of negation not handled by a pattern.
    pub negation: Negation,
    /// Keep the embedded event of reported speech when a transformation rewrote it ("A said
    /// B attacked C": the dictionary's `a (b . ATTACK) SAY = a b 112` gives A→B 112; with this
    /// on, B→C 190 is kept as well). Default off, as PETRARCH2 and the gold sets have it. An
    /// embedded event that no transformation rewrites is always kept.
    pub reported_events: bool,
    /// Cooperative codes (roots 03–06) with a compound subject and no target give an event
    /// for every ordered pair of the subject's actors, as PETRARCH does. Default on.
    pub compound_pairs: bool,
    /// When the verb's own objects name no actor, take the first actor after the verb in its
    /// clause as the target (TABARI's reading). Default on.
    pub target_fallback: bool,
    /// Discard phrases match whole whitespace-separated words only, as PETRARCH2 matches
    /// them: a phrase with punctuation attached to it ("three years ago,") does not match.
    /// Default on (the PETRARCH dictionaries were tuned with it); off matches on tokens.
    pub discard_whole_words: bool,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_dyad: true,
            comma: CommaLimits::OFF,
            one_per_story: true,
            new_actor_length: 0,
            negation: Negation::Opposite,
            reported_events: false,
            compound_pairs: true,
            target_fallback: true,
            discard_whole_words: true,
        }
    }
}
