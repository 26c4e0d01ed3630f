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

/// What the coder does with an event reported under another verb ("A said B attacked C").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reported {
    /// Only what the governing verb makes of it through a transformation or the code
    /// algebra (A→B 112); the embedded event itself is never coded (PETRARCH2).
    Never,
    /// The embedded event is coded unless a transformation or combination rewrote it
    /// ("A said B gave aid to C", for which no rule exists, gives B→C 070).
    Untransformed,
    /// Always coded, as well as what the governing verb makes of it.
    Always,
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
    /// What becomes of the event embedded under a verb with a different subject ("A said B
    /// attacked C", "A believes B will …").
    pub reported_events: Reported,
    /// Cooperative codes (roots 03–06) with a compound subject and no target give an event
    /// for every ordered pair of the subject's actors, as PETRARCH does. Default on.
    pub compound_pairs: bool,
    /// When the verb's own objects name no actor, take the first actor after the verb in its
    /// clause as the target (TABARI's reading). Default on.
    pub target_fallback: bool,
    /// Code verbs of clauses that modify nouns: relative clauses ("the group that seized
    /// Mosul") and participles ("victims killed by the crash"). PETRARCH2 never codes them
    /// (they are background to the sentence's own events); default off.
    pub noun_clauses: bool,
    /// Discard phrases match whole whitespace-separated words only, as PETRARCH2 matches
    /// them: a phrase with punctuation attached to it ("three years ago,") does not match.
    /// Default on (the PETRARCH dictionaries were tuned with it); off matches on tokens.
    pub discard_whole_words: bool,
    /// A coded verb under the modal "will", "would" or "shall" ("Portugal will support
    /// Turkey", "said it would send troops") is an announced act: its code becomes CAMEO's
    /// intention (03x) or threat (13x) of that act (051 → 032, 070 → 033, 1723 → 1323,
    /// 190 → 138; [`crate::algebra::intention`]); speech acts keep their code. So is an act
    /// under a word of readiness or plan ("is willing to withdraw", "prepared to impose",
    /// "plans to"), and one under "unless" is a threat (130). With it come dyad's other
    /// readings of what an act governs: "threatened to ban" is the threat form (132); a
    /// refusal of an act is CAMEO's refusal of it; a negated cooperative act with no
    /// negation code is a rejection (120); a demand that names no one is addressed to the
    /// subject of the clause it governs, which is demanded, not done; "A said B must Q" is
    /// A's demand of B (100); a role word modifying the noun a pattern took is no target.
    /// Default on; PETRARCH2 codes the act itself and combines codes by its algebra (off).
    pub modal_intent: bool,
    /// An actor with a sector but no country ("police", "the opposition", "rebels") on one
    /// side of an event whose other side has a country takes that country: news reports
    /// leave the country of domestic actors implicit ("Egyptian police dispersed
    /// demonstrators" is EGYCOP → EGYOPP). Only when the sentence's actor names belong to
    /// that one country: with two countries named the actor may be either's ("Congress
    /// asked Obama to help Iran"), and it stays countryless; the other side may also be an
    /// organisation ("the UN sent aid to refugees in Liberia"). A protest that names no
    /// target is addressed to the government of the protesters' country. Default on;
    /// PETRARCH2 leaves the actor countryless (off).
    pub domestic_country: bool,
    /// Resolve pronouns and short references across the sentences of a document and its
    /// title ("he" after "Kim Jong Un", "Kim", "the North", "the two leaders";
    /// [`crate::context`]). Default on; PETRARCH2 codes each sentence alone (off).
    pub document_context: bool,
    /// Which event nouns are coded ("Russia's invasion of Ukraine", "sanctions against
    /// Iran"; [`crate::noun_events`]). Default [`crate::NominalEvents::All`]; lexicons
    /// without noun entries (PETRARCH's) code none whatever this says.
    pub nominal_events: crate::NominalEvents,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_dyad: true,
            comma: CommaLimits::OFF,
            one_per_story: true,
            new_actor_length: 0,
            negation: Negation::Opposite,
            reported_events: Reported::Untransformed,
            compound_pairs: true,
            target_fallback: true,
            noun_clauses: false,
            discard_whole_words: true,
            modal_intent: true,
            domestic_country: true,
            document_context: true,
            nominal_events: crate::NominalEvents::All,
        }
    }
}
