//! The small vocabularies a parse is written in: interned label strings (tags, dependency labels,
//! entity types, morphological feature sets), the universal POS tags, and morphology strings in
//! spaCy's canonical form.

pub(crate) use dyad_doc::parse::{Labels, Pos};

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
