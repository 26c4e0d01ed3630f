//! spaCy's rule lemmatizer for English (`Lemmatizer` in rule mode with `EnglishLemmatizer`'s
//! `is_base_form`), over the model's `lemma_rules`, `lemma_exc` and `lemma_index` tables.
//!
//! For a token with coarse POS `p` (lower case) and text `w`:
//!
//! 1. no POS, `eol` or `space`: the lower-cased text;
//! 2. a base form by its POS and morphology (singular noun, infinitive, present non-3rd-person verb,
//!    positive adjective, …): the lower-cased text;
//! 3. no table for `p`: `w` itself for proper nouns, else lower case;
//! 4. otherwise, with `s = lower(w)`: every suffix rule `(old, new)` of `p` that `s` ends with gives
//!    `s[..-old] + new`; a form in the index goes to the front of the candidates, a form that is
//!    not purely alphabetic to the back, and any other form is kept aside as out-of-vocabulary.
//!    Exceptions for `s` are put in front (each one before the previous). The first candidate wins;
//!    with none, the first out-of-vocabulary form; with none, `w`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::model::ModelError;
use crate::vocab::{Pos, morph_value};

#[derive(Debug, Clone, Default)]
struct PosTables {
    index: HashSet<String>,
    exc: HashMap<String, Vec<String>>,
    rules: Vec<(String, String)>,
}

impl PosTables {
    fn is_empty(&self) -> bool {
        self.index.is_empty() && self.exc.is_empty() && self.rules.is_empty()
    }
}

/// The loaded tables; immutable and shareable.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatizer {
    by_pos: HashMap<String, PosTables>,
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    lemma_index: HashMap<String, Vec<String>>,
    #[serde(default)]
    lemma_exc: HashMap<String, HashMap<String, Vec<String>>>,
    #[serde(default)]
    lemma_rules: HashMap<String, Vec<(String, String)>>,
}

/// Python's `str.isalpha` for the texts that occur here (Rust's `char::is_alphabetic` also counts
/// letter numerals and combining vowel signs, which Python does not; neither occurs in English
/// lemma candidates).
fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

impl Lemmatizer {
    /// Tables from `lemmatizer.json` (keys `lemma_index`, `lemma_exc`, `lemma_rules`, each by POS).
    pub(crate) fn from_json(bytes: &[u8]) -> Result<Lemmatizer, ModelError> {
        let raw: Raw = serde_json::from_slice(bytes).map_err(|e| ModelError::CacheCorrupt {
            path: "lemmatizer.json".into(),
            detail: e.to_string(),
        })?;
        let mut by_pos: HashMap<String, PosTables> = HashMap::new();
        for (pos, list) in raw.lemma_index {
            by_pos.entry(pos).or_default().index = list.into_iter().collect();
        }
        for (pos, exc) in raw.lemma_exc {
            by_pos.entry(pos).or_default().exc = exc;
        }
        for (pos, rules) in raw.lemma_rules {
            by_pos.entry(pos).or_default().rules = rules;
        }
        Ok(Lemmatizer { by_pos })
    }

    /// The lemma of a token with text `text`, coarse POS `pos` and canonical morphology `morph`.
    pub(crate) fn lemmatize(&self, text: &str, pos: Option<Pos>, morph: &str) -> String {
        let Some(pos) = pos else {
            return text.to_lowercase();
        };
        if matches!(pos, Pos::Eol | Pos::Space) || is_base_form(pos, morph) {
            return text.to_lowercase();
        }
        let tables = match self.by_pos.get(pos.lower_name()) {
            Some(t) if !t.is_empty() => t,
            _ => {
                return if pos == Pos::Propn {
                    text.to_owned()
                } else {
                    text.to_lowercase()
                };
            }
        };
        let s = text.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov: Vec<String> = Vec::new();
        for (old, new) in &tables.rules {
            if let Some(stem) = s.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if tables.index.contains(&form) {
                    forms.insert(0, form);
                } else if !is_alpha(&form) {
                    forms.push(form);
                } else {
                    oov.push(form);
                }
            }
        }
        // Remove duplicates, keeping first occurrences.
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(exc) = tables.exc.get(&s) {
            for f in exc {
                if !forms.contains(f) {
                    forms.insert(0, f.clone());
                }
            }
        }
        forms
            .into_iter()
            .next()
            .or_else(|| oov.into_iter().next())
            .unwrap_or_else(|| text.to_owned())
    }
}

/// `EnglishLemmatizer.is_base_form`.
fn is_base_form(pos: Pos, morph: &str) -> bool {
    let get = |f: &str| morph_value(morph, f);
    (pos == Pos::Noun && get("Number") == Some("Sing"))
        || (pos == Pos::Verb && get("VerbForm") == Some("Inf"))
        || (pos == Pos::Verb
            && get("VerbForm") == Some("Fin")
            && get("Tense") == Some("Pres")
            && get("Number").is_none())
        || (pos == Pos::Adj && get("Degree") == Some("Pos"))
        || get("VerbForm") == Some("Inf")
        || get("VerbForm") == Some("None")
        || get("Degree") == Some("Pos")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn lemmatizer() -> Lemmatizer {
        Lemmatizer::from_json(
            br#"{
            "lemma_index": {"verb": ["meet", "meeting", "travel", "see"], "noun": ["talk", "minister"],
                            "adj": ["big"]},
            "lemma_exc": {"verb": {"met": ["meet"], "saw": ["see", "saw"]}, "noun": {}},
            "lemma_rules": {"verb": [["s", ""], ["ed", ""], ["ing", ""], ["ing", "e"]],
                            "noun": [["s", ""], ["ies", "y"]], "adj": [["er", ""], ["est", ""]],
                            "punct": [["\u201c", "\""]]}
        }"#,
        )
        .unwrap()
    }

    #[test]
    fn rules_index_and_exceptions() {
        let l = lemmatizer();
        assert_eq!(l.lemmatize("Traveled", Some(Pos::Verb), ""), "travel");
        assert_eq!(l.lemmatize("met", Some(Pos::Verb), ""), "meet");
        // Exceptions go in front one by one, so the last new one ends up first.
        assert_eq!(l.lemmatize("saw", Some(Pos::Verb), ""), "saw");
        // "meet" is in the index; "meete" is out of vocabulary and only a fallback.
        assert_eq!(l.lemmatize("meeting", Some(Pos::Verb), ""), "meet");
        assert_eq!(l.lemmatize("talks", Some(Pos::Noun), ""), "talk");
        // Out of vocabulary: the first unknown form.
        assert_eq!(l.lemmatize("parties", Some(Pos::Noun), ""), "partie");
        // Nothing at all: the text as written.
        assert_eq!(l.lemmatize("Xyz", Some(Pos::Noun), ""), "Xyz");
        // A non-alphabetic form is a candidate even when unknown.
        assert_eq!(l.lemmatize("\u{201c}", Some(Pos::Punct), ""), "\"");
    }

    #[test]
    fn base_forms_and_untabled_pos() {
        let l = lemmatizer();
        assert_eq!(
            l.lemmatize("Talks", Some(Pos::Noun), "Number=Sing"),
            "talks"
        );
        assert_eq!(
            l.lemmatize("Meets", Some(Pos::Verb), "Tense=Pres|VerbForm=Fin"),
            "meets"
        );
        assert_eq!(
            l.lemmatize(
                "meets",
                Some(Pos::Verb),
                "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
            ),
            "meet"
        );
        assert_eq!(
            l.lemmatize("Bigger", Some(Pos::Adj), "Degree=Pos"),
            "bigger"
        );
        assert_eq!(l.lemmatize("Nixon", Some(Pos::Propn), ""), "Nixon");
        assert_eq!(l.lemmatize("The", Some(Pos::Det), ""), "the");
        assert_eq!(l.lemmatize("  ", Some(Pos::Space), ""), "  ");
        assert_eq!(l.lemmatize("ABC", None, ""), "abc");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in ".*") {
            let l = lemmatizer();
            for p in [Some(Pos::Verb), Some(Pos::Noun), Some(Pos::Propn), None] {
                let _ = l.lemmatize(&s, p, "");
            }
        }
    }
}
