//! The small vocabularies a parse is written in: interned label strings (tags, dependency labels,
//! entity types, morphological feature sets), the universal POS tags, and morphology strings in
//! spaCy's canonical form.

use std::collections::HashMap;

/// Interned strings; id 0 is always `""`.
#[derive(Debug, Clone)]
pub(crate) struct Labels {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Default for Labels {
    fn default() -> Self {
        let mut l = Labels {
            names: Vec::new(),
            ids: HashMap::new(),
        };
        l.intern("");
        l
    }
}

impl Labels {
    /// The id of `s`, adding it if new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }

    /// The id of `s`, if interned.
    #[cfg(test)]
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// Number of interned strings (ids are below it).
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The string of `id` (`""` for an unknown id).
    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

/// A universal part-of-speech tag (spaCy's coarse `pos_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Pos {
    Adj,
    Adp,
    Adv,
    Aux,
    Conj,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
    Eol,
    Space,
}

impl Pos {
    const ALL: [(Pos, &'static str); 20] = [
        (Pos::Adj, "ADJ"),
        (Pos::Adp, "ADP"),
        (Pos::Adv, "ADV"),
        (Pos::Aux, "AUX"),
        (Pos::Conj, "CONJ"),
        (Pos::Cconj, "CCONJ"),
        (Pos::Det, "DET"),
        (Pos::Intj, "INTJ"),
        (Pos::Noun, "NOUN"),
        (Pos::Num, "NUM"),
        (Pos::Part, "PART"),
        (Pos::Pron, "PRON"),
        (Pos::Propn, "PROPN"),
        (Pos::Punct, "PUNCT"),
        (Pos::Sconj, "SCONJ"),
        (Pos::Sym, "SYM"),
        (Pos::Verb, "VERB"),
        (Pos::X, "X"),
        (Pos::Eol, "EOL"),
        (Pos::Space, "SPACE"),
    ];

    /// The tag called `name` (`"NOUN"`, …).
    pub fn from_name(name: &str) -> Option<Pos> {
        Pos::ALL.iter().find(|(_, n)| *n == name).map(|&(p, _)| p)
    }

    /// The tag's name, as spaCy writes it (`"NOUN"`).
    pub fn as_str(self) -> &'static str {
        Pos::ALL
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("", |(_, n)| n)
    }

    /// The name in lower case, as the lemmatizer's tables are keyed (`"noun"`).
    pub(crate) fn lower(self) -> &'static str {
        match self {
            Pos::Adj => "adj",
            Pos::Adp => "adp",
            Pos::Adv => "adv",
            Pos::Aux => "aux",
            Pos::Conj => "conj",
            Pos::Cconj => "cconj",
            Pos::Det => "det",
            Pos::Intj => "intj",
            Pos::Noun => "noun",
            Pos::Num => "num",
            Pos::Part => "part",
            Pos::Pron => "pron",
            Pos::Propn => "propn",
            Pos::Punct => "punct",
            Pos::Sconj => "sconj",
            Pos::Sym => "sym",
            Pos::Verb => "verb",
            Pos::X => "x",
            Pos::Eol => "eol",
            Pos::Space => "space",
        }
    }
}

/// A morphological feature string in spaCy's canonical form: features sorted by name, the values of
/// a feature sorted and joined by `,`, features joined by `|`; `""` and `"_"` are the empty set.
pub(crate) fn canonical_morph(s: &str) -> String {
    if s.is_empty() || s == "_" {
        return String::new();
    }
    let mut feats: Vec<(&str, Vec<&str>)> = s
        .split('|')
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (k, v) = f.split_once('=').unwrap_or((f, ""));
            let mut vals: Vec<&str> = v.split(',').collect();
            vals.sort_unstable();
            vals.dedup();
            (k, vals)
        })
        .collect();
    feats.sort_by(|a, b| a.0.cmp(b.0));
    feats
        .iter()
        .map(|(k, v)| format!("{k}={}", v.join(",")))
        .collect::<Vec<_>>()
        .join("|")
}

/// The value of feature `name` in a canonical morph string (the joined values), if present.
pub(crate) fn morph_value<'a>(morph: &'a str, name: &str) -> Option<&'a str> {
    morph
        .split('|')
        .filter_map(|f| f.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn interning() {
        let mut l = Labels::default();
        assert_eq!(l.get(""), Some(0));
        let a = l.intern("nsubj");
        assert_eq!(l.intern("nsubj"), a);
        assert_ne!(l.intern("dobj"), a);
        assert_eq!(l.name(a), "nsubj");
        assert_eq!(l.name(999), "");
        assert_eq!(l.get("amod"), None);
    }

    #[test]
    fn pos_names_round_trip() {
        for (p, n) in Pos::ALL {
            assert_eq!(Pos::from_name(n), Some(p));
            assert_eq!(p.as_str(), n);
            assert_eq!(p.lower(), n.to_lowercase());
        }
        assert_eq!(Pos::from_name("noun"), None);
    }

    #[test]
    fn morph_strings_are_canonical() {
        assert_eq!(canonical_morph("_"), "");
        assert_eq!(canonical_morph(""), "");
        assert_eq!(
            canonical_morph("PunctType=Quot|PunctSide=Ini"),
            "PunctSide=Ini|PunctType=Quot"
        );
        assert_eq!(canonical_morph("A=b,a"), "A=a,b");
        let m = canonical_morph("VerbForm=Fin|Tense=Pres");
        assert_eq!(morph_value(&m, "Tense"), Some("Pres"));
        assert_eq!(morph_value(&m, "Number"), None);
        assert_eq!(morph_value("", "Number"), None);
    }
}
