//! Explanations: what the coder did with a sentence, step by step ([`SentenceTrace`]), as data
//! (serialisable, for `dyad explain --json`) and as text ([`SentenceTrace::render`]).
//!
//! Tracing is off on the hot path: the coder fills a trace only when asked for one.

use std::fmt::Write;

use serde::Serialize;

use crate::event::CodedEvent;

/// Everything the coder did with one sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SentenceTrace {
    /// Index of the sentence in the document.
    pub sentence_index: u32,
    /// The sentence text.
    pub text: String,
    /// The date actor codes were resolved with (ISO), if any.
    pub date: Option<String>,
    /// The tokens as `index:word/TAG/dep->head`, for reading the rest.
    pub tokens: Vec<String>,
    /// A discard phrase that stopped coding, with its entry.
    pub discard: Option<String>,
    /// Comma clauses eliminated, as token ranges with their text.
    pub eliminated: Vec<String>,
    /// Actor and agent phrases found.
    pub mentions: Vec<MentionTrace>,
    /// Issue phrases found.
    pub issues: Vec<String>,
    /// Verbs looked up.
    pub verbs: Vec<VerbTrace>,
    /// How verbs were combined (complements, transformations).
    pub combinations: Vec<String>,
    /// Event nouns looked up ([`crate::noun_events`]).
    pub nouns: Vec<NounTrace>,
    /// Events produced or suppressed.
    pub events: Vec<EventTrace>,
    /// References resolved (or not) from the document context ([`crate::context`]).
    pub references: Vec<ReferenceTrace>,
}

/// A reference ("he", "Kim", "the North", "the two leaders") and what the document context
/// made of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceTrace {
    /// The words in this sentence.
    pub text: String,
    /// Their byte span in the parsed text.
    pub span: [usize; 2],
    /// Which rule found it: `pronoun`, `short name`, `ambiguous name`, `the North/South`,
    /// `description`, `the two`.
    pub rule: &'static str,
    /// The antecedent's words, if one was found.
    pub antecedent: Option<String>,
    /// The sentence that named the antecedent (`None`: the title).
    pub antecedent_sentence: Option<u32>,
    /// The codes the reference stands for (empty when unresolved).
    pub codes: Vec<String>,
    /// Why it was left unresolved.
    pub unresolved: Option<String>,
}

impl ReferenceTrace {
    /// One line: `"he" (12..14) -> "Kim Jong Un" sentence 0 [PRKGOV]`, or why not.
    pub fn line(&self) -> String {
        let place = |s: Option<u32>| s.map_or("the title".to_owned(), |i| format!("sentence {i}"));
        match (&self.antecedent, &self.unresolved) {
            (Some(a), None) => format!(
                "{:?} ({}..{}) -> {:?} {} [{}] ({})",
                self.text,
                self.span[0],
                self.span[1],
                a,
                place(self.antecedent_sentence),
                self.codes.join(", "),
                self.rule
            ),
            (_, why) => format!(
                "{:?} ({}..{}) unresolved ({}): {}",
                self.text,
                self.span[0],
                self.span[1],
                self.rule,
                why.as_deref().unwrap_or("no antecedent")
            ),
        }
    }
}

/// An actor or agent phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionTrace {
    /// Tokens `start..end`.
    pub tokens: [usize; 2],
    /// The words.
    pub text: String,
    /// `actor` or `agent`.
    pub kind: &'static str,
    /// The codes on the date (actor), or the role code and how it attaches (agent).
    pub codes: Vec<String>,
    /// The dictionary entry (`file:line: text`).
    pub entry: String,
}

/// One verb's lookup.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VerbTrace {
    /// Token index.
    pub token: usize,
    /// The words (with compound parts).
    pub text: String,
    /// Dictionary entries considered, with why each was or was not usable.
    pub candidates: Vec<String>,
    /// Patterns tried, in order, with the outcome of each.
    pub patterns: Vec<PatternTrace>,
    /// The code chosen and where it came from, or why none.
    pub outcome: String,
    /// The source found, and how.
    pub source: Option<String>,
    /// The target found, and how.
    pub target: Option<String>,
    /// Notes: negation, passive, absorbed by another verb's pattern.
    pub notes: Vec<String>,
}

/// One pattern tried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatternTrace {
    /// The pattern's entry (`file:line: text`).
    pub entry: String,
    /// `matched`, or why it failed.
    pub result: String,
}

/// One event noun's lookup.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NounTrace {
    /// Token index of the head noun.
    pub token: usize,
    /// The words (with those of a multiword head).
    pub text: String,
    /// Noun entries considered, with whether their head matched.
    pub candidates: Vec<String>,
    /// The entry and code used and how many events it gave, or why none.
    pub outcome: String,
    /// The source found, and in which slot.
    pub source: Option<String>,
    /// The target found, and in which slot.
    pub target: Option<String>,
}

/// An event and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventTrace {
    /// The event.
    pub event: CodedEvent,
    /// `None` if produced, else the filter that suppressed it.
    pub suppressed_by: Option<String>,
}

impl SentenceTrace {
    /// A text rendering for `dyad explain`.
    pub fn render(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "sentence {}: {}", self.sentence_index, self.text.trim());
        if let Some(d) = &self.date {
            let _ = writeln!(o, "  date for actor codes: {d}");
        }
        let _ = writeln!(o, "  tokens: {}", self.tokens.join(" "));
        if let Some(d) = &self.discard {
            let _ = writeln!(o, "  DISCARDED by {d}");
            return o;
        }
        for e in &self.eliminated {
            let _ = writeln!(o, "  comma clause eliminated: {e}");
        }
        if self.mentions.is_empty() {
            let _ = writeln!(o, "  actors: none found");
        }
        for m in &self.mentions {
            let _ = writeln!(
                o,
                "  {} {:?} tokens {}..{} -> [{}] from {}",
                m.kind,
                m.text,
                m.tokens[0],
                m.tokens[1],
                m.codes.join(", "),
                m.entry
            );
        }
        for r in &self.references {
            let _ = writeln!(o, "  reference {}", r.line());
        }
        for i in &self.issues {
            let _ = writeln!(o, "  issue: {i}");
        }
        if self.verbs.is_empty() {
            let _ = writeln!(o, "  verbs: none in the dictionary");
        }
        for v in &self.verbs {
            let _ = writeln!(o, "  verb {:?} (token {})", v.text, v.token);
            for c in &v.candidates {
                let _ = writeln!(o, "    entry {c}");
            }
            for p in &v.patterns {
                let _ = writeln!(o, "    pattern {} -> {}", p.entry, p.result);
            }
            let _ = writeln!(o, "    => {}", v.outcome);
            if let Some(s) = &v.source {
                let _ = writeln!(o, "    source: {s}");
            }
            if let Some(t) = &v.target {
                let _ = writeln!(o, "    target: {t}");
            }
            for n in &v.notes {
                let _ = writeln!(o, "    note: {n}");
            }
        }
        for c in &self.combinations {
            let _ = writeln!(o, "  combine: {c}");
        }
        for n in &self.nouns {
            let _ = writeln!(o, "  event noun {:?} (token {})", n.text, n.token);
            for c in &n.candidates {
                let _ = writeln!(o, "    entry {c}");
            }
            let _ = writeln!(o, "    => {}", n.outcome);
            if let Some(s) = &n.source {
                let _ = writeln!(o, "    source: {s}");
            }
            if let Some(t) = &n.target {
                let _ = writeln!(o, "    target: {t}");
            }
        }
        if self.events.is_empty() {
            let _ = writeln!(o, "  events: none");
        }
        for e in &self.events {
            let ev = &e.event;
            let side = |a: &Option<crate::EventActor>| {
                a.as_ref()
                    .map_or("-".to_owned(), |a| format!("{} ({:?})", a.code, a.text))
            };
            let status = match &e.suppressed_by {
                None => "EVENT".to_owned(),
                Some(why) => format!("suppressed [{why}]"),
            };
            let _ = writeln!(
                o,
                "  {status}: {} -> {} code {}{} via {:?} rule {} confidence {:.2}",
                side(&ev.source),
                side(&ev.target),
                ev.code,
                if ev.negated { " (negated)" } else { "" },
                ev.derivation,
                ev.rule,
                ev.confidence
            );
        }
        o
    }
}
