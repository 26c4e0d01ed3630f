//! Nominal events: event nouns with their argument slots ("Russia's invasion of Ukraine",
//! "US sanctions against Iran", "talks between A and B"), and the support verbs whose subject
//! an event noun borrows ("Iraq launched an attack on Kuwait").
//!
//! The representation: a [`NounEntry`] is a head ([`NounHead`]: the noun, optionally with the
//! words right before it, "arms deal", "air strike"; or any member of a verb synset,
//! `&SANCTIONS`), its [`NounSlot`]s (where the source, the target or a compound of both
//! sides is found), an [`EventCode`] with the verbs' conventions (`040:040` both ways, `:173`
//! reverse only, `---` recognised, no event), and its [`Origin`]. Entries live in
//! [`crate::VerbLexicon::nouns`], next to the synsets they share with the verbs.
//!
//! The compiled form ([`NounIndex`], built by [`crate::LexiconIndex::new`]) looks entries up by
//! the head word, matched against a token's lemma or its lower-case text; entries with words
//! before the head come first, then file order. Words are compared folded
//! ([`crate::normalize::fold`]), hyphens dropped ("air-strike" = "air strike").

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::model::{EventCode, Lexicon, Origin, SynsetId, Term, Words};
use crate::normalize;

/// Which side of the event a slot fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotRole {
    /// `$`: the source.
    Source,
    /// `+`: the target.
    Target,
    /// `%`: both sides, every ordered pair of the actors found ("talks between A and B").
    Both,
}

/// Where in the noun phrase a slot looks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotPlace {
    /// `'s`: the possessor ("Russia's invasion").
    Possessor,
    /// `adj`: a modifier before the noun naming an actor: an adjective or a noun compound
    /// ("the Russian invasion", "US sanctions", "US-China talks").
    Modifier,
    /// A prepositional phrase of the noun with this preposition ("of Kuwait", "to Beijing").
    Prep(String),
}

/// One argument slot of a noun entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct NounSlot {
    /// The side it fills.
    pub role: SlotRole,
    /// Where it looks.
    pub place: SlotPlace,
}

impl std::fmt::Display for NounSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = match self.role {
            SlotRole::Source => "$",
            SlotRole::Target => "+",
            SlotRole::Both => "%",
        };
        match &self.place {
            SlotPlace::Possessor => write!(f, "{r}'s"),
            SlotPlace::Modifier => write!(f, "{r}adj"),
            SlotPlace::Prep(p) => write!(f, "{p} {r}"),
        }
    }
}

/// The head of a noun entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NounHead {
    /// Words, the last one the head noun (a lemma or a surface form: "talks" matches only the
    /// plural, "sanction" both numbers), the others the words right before it ("arms deal").
    Words(Words),
    /// Any member of a synset (each member read as words, as above).
    Synset(SynsetId),
}

/// An event noun with its slots and code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NounEntry {
    /// The head.
    pub head: NounHead,
    /// The argument slots, in the order written.
    pub slots: Vec<NounSlot>,
    /// The code (active: source → target; passive: target → source).
    pub code: EventCode,
    /// The entry's line.
    pub origin: Origin,
}

/// A verb whose subject is the source of the event noun that is its direct object ("Iraq
/// launched an attack on Kuwait", "the US announced sanctions against Iran").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportVerb {
    /// The verb's lemma (folded).
    pub lemma: String,
    /// Its inflected forms (folded), matched against a token's text when the parser's lemma
    /// is off ("staged" lemmatised "stag").
    pub forms: Vec<String>,
    /// The line it was given on.
    pub origin: Origin,
}

/// Index of a [`NounEntry`] in [`crate::VerbLexicon::nouns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct NounId(pub u32);

/// One way a noun entry's head can appear: the words before the head, and the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledNoun {
    /// The entry.
    pub id: NounId,
    /// Folded words that must come right before the head token (hyphens dropped).
    pub before: Vec<String>,
}

/// Noun entries by head word; support verbs by lemma.
#[derive(Debug, Clone, Default)]
pub struct NounIndex {
    by_head: FxHashMap<String, Vec<CompiledNoun>>,
    support: FxHashSet<String>,
}

/// A word as the noun index compares it: folded, `None` for a hyphen (transparent).
pub fn noun_key(word: &str) -> Option<String> {
    let f = normalize::fold(word);
    let f = f.trim_matches('-');
    (!f.is_empty()).then(|| f.to_owned())
}

impl NounIndex {
    /// Compiles the noun entries and support verbs of `lex`.
    pub fn new(lex: &Lexicon) -> NounIndex {
        let v = &lex.verbs;
        let mut by_head: FxHashMap<String, Vec<CompiledNoun>> = FxHashMap::default();
        let mut add = |words: &[String], id: NounId| {
            let keys: Vec<String> = words.iter().filter_map(|w| noun_key(w)).collect();
            let Some((head, before)) = keys.split_last() else {
                return;
            };
            let list = by_head.entry(head.clone()).or_default();
            let c = CompiledNoun {
                id,
                before: before.to_vec(),
            };
            if !list.contains(&c) {
                list.push(c);
            }
        };
        for (i, e) in v.nouns.iter().enumerate() {
            let id = NounId(i as u32);
            match &e.head {
                NounHead::Words(w) => add(w, id),
                NounHead::Synset(s) => {
                    for m in synset_word_lists(lex, *s, 0) {
                        add(&m, id);
                    }
                }
            }
        }
        for list in by_head.values_mut() {
            list.sort_by_key(|c| (std::cmp::Reverse(c.before.len()), c.id.0));
        }
        let support = v
            .support_verbs
            .iter()
            .flat_map(|s| std::iter::once(&s.lemma).chain(&s.forms))
            .filter_map(|w| noun_key(w))
            .collect();
        NounIndex { by_head, support }
    }

    /// The entries whose head is `lemma` or `lower` (a token's lemma and lower-case text),
    /// entries with more words before the head first, then file order; no duplicates.
    pub fn candidates(&self, lemma: &str, lower: &str) -> Vec<&CompiledNoun> {
        let mut out: Vec<&CompiledNoun> = Vec::new();
        for k in [noun_key(lemma), noun_key(lower)].into_iter().flatten() {
            for c in self.by_head.get(&k).into_iter().flatten() {
                if !out.iter().any(|o| o.id == c.id && o.before == c.before) {
                    out.push(c);
                }
            }
        }
        out.sort_by_key(|c| (std::cmp::Reverse(c.before.len()), c.id.0));
        out
    }

    /// Whether a token with this lemma or lower-case text is a support verb.
    pub fn is_support_verb(&self, lemma: &str, lower: &str) -> bool {
        [lemma, lower]
            .into_iter()
            .filter_map(noun_key)
            .any(|k| self.support.contains(&k))
    }

    /// Number of distinct head words.
    pub fn len(&self) -> usize {
        self.by_head.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.by_head.is_empty()
    }
}

/// The members of a synset as word lists (nested synsets expanded, depth-limited against
/// cycles, at most 10,000 alternatives per member).
pub(crate) fn synset_word_lists(lex: &Lexicon, s: SynsetId, depth: usize) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let Some(set) = lex.verbs.synset(s) else {
        return out;
    };
    if depth > 4 {
        return out;
    }
    for m in &set.members {
        let mut partial: Vec<Vec<String>> = vec![Vec::new()];
        for t in &m.terms {
            match t {
                Term::Word(w) => partial.iter_mut().for_each(|p| p.push(w.clone())),
                Term::Synset(inner) => {
                    let alts = synset_word_lists(lex, *inner, depth + 1);
                    let mut next = Vec::new();
                    for p in &partial {
                        for a in &alts {
                            let mut q = p.clone();
                            q.extend(a.iter().cloned());
                            next.push(q);
                        }
                    }
                    partial = next;
                }
            }
            if partial.len() > 10_000 {
                break;
            }
        }
        for p in partial {
            if !p.is_empty() && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Synset, SynsetMember};

    fn entry(head: NounHead, line: u32) -> NounEntry {
        NounEntry {
            head,
            slots: vec![NounSlot {
                role: SlotRole::Target,
                place: SlotPlace::Prep("on".into()),
            }],
            code: EventCode {
                active: Some("163".into()),
                passive: None,
            },
            origin: Origin::new("nouns/16.txt", line, ""),
        }
    }

    #[test]
    fn heads_by_lemma_or_form_multiword_first() {
        let mut lex = Lexicon::default();
        lex.verbs.synsets.push(Synset {
            name: "SANCTIONS".into(),
            members: vec![
                SynsetMember {
                    terms: vec![Term::Word("sanctions".into())],
                    plural: false,
                    origin: Origin::new("v", 1, ""),
                },
                SynsetMember {
                    terms: vec![Term::Word("trade".into()), Term::Word("embargo".into())],
                    plural: false,
                    origin: Origin::new("v", 1, ""),
                },
            ],
            origin: Origin::new("v", 1, ""),
        });
        lex.verbs
            .nouns
            .push(entry(NounHead::Synset(SynsetId(0)), 1));
        lex.verbs.nouns.push(entry(
            NounHead::Words(vec!["air".into(), "-".into(), "strike".into()]),
            2,
        ));
        lex.verbs
            .nouns
            .push(entry(NounHead::Words(vec!["strike".into()]), 3));
        lex.verbs.support_verbs.push(SupportVerb {
            lemma: "stage".into(),
            forms: vec!["staged".into()],
            origin: Origin::new("n", 4, ""),
        });
        let idx = NounIndex::new(&lex);
        assert_eq!(idx.candidates("sanction", "sanctions").len(), 1);
        assert!(idx.candidates("sanction", "sanction").is_empty());
        let e = idx.candidates("embargo", "embargo");
        assert_eq!(e[0].before, ["trade"]);
        let s = idx.candidates("strike", "strikes");
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].id, s[0].before.as_slice()),
            (NounId(1), &["air".to_owned()][..])
        );
        assert_eq!(s[1].id, NounId(2));
        assert!(idx.is_support_verb("Stage", "x"));
        assert!(idx.is_support_verb("stag", "staged"), "a misread lemma");
        assert!(!idx.is_support_verb("condemn", "condemned"));
        assert!(idx.candidates("", "-").is_empty());
    }

    #[test]
    fn slot_display() {
        let s = NounSlot {
            role: SlotRole::Both,
            place: SlotPlace::Prep("between".into()),
        };
        assert_eq!(s.to_string(), "between %");
        let s = NounSlot {
            role: SlotRole::Source,
            place: SlotPlace::Possessor,
        };
        assert_eq!(s.to_string(), "$'s");
    }
}
