//! spaCy's `attribute_ruler` with the model's patterns: token patterns matched against the tagged
//! and parsed document, each rule setting POS, MORPH, LEMMA, TAG or DEP on one token of its match.
//! This is where the coarse POS comes from.
//!
//! All patterns are matched on the document as the tagger and parser left it; then the rules'
//! attributes are applied in rule order, so a later rule overrides an earlier one. A pattern is a
//! sequence of token patterns (no quantifiers), each a conjunction of tests on `TAG`, `DEP`,
//! `LOWER`, `ORTH` or `IS_SPACE`: equality, `IN`, `NOT_IN` or `REGEX` (a search, as Python's
//! `re.search`). Those are all the model uses; anything else is refused at load time rather than
//! matched wrongly.

use std::collections::HashMap;

use regex_automata::meta::Regex;
use serde_json::Value;

use crate::model::ModelError;
use crate::vocab::{Labels, Pos, canonical_morph};

/// The attributes a rule assigns.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Assign {
    pub(crate) pos: Option<Pos>,
    pub(crate) morph: Option<u32>,
    pub(crate) lemma: Option<String>,
    pub(crate) tag: Option<u32>,
    pub(crate) dep: Option<u32>,
}

/// A token as the patterns see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MatchToken<'a> {
    pub(crate) text: &'a str,
    pub(crate) lower: &'a str,
    pub(crate) tag: u32,
    pub(crate) dep: u32,
    pub(crate) is_space: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Tag,
    Dep,
    Lower,
    Orth,
    IsSpace,
}

#[derive(Debug, Clone)]
enum Test {
    /// Label field equal to an interned id.
    Id(u32),
    IdIn(Vec<u32>, bool),
    Str(String),
    StrIn(Vec<String>, bool),
    Regex(Regex),
    Bool(bool),
}

#[derive(Debug, Clone)]
struct Cond {
    field: Field,
    test: Test,
}

#[derive(Debug, Clone)]
struct Rule {
    patterns: Vec<Vec<Vec<Cond>>>,
    index: isize,
    assign: Assign,
}

/// A pattern of a rule: (rule index, pattern index).
type PatRef = (u32, u32);

/// The loaded rules; immutable and shareable.
#[derive(Debug, Clone, Default)]
pub(crate) struct AttributeRuler {
    rules: Vec<Rule>,
    /// Patterns whose first token needs this tag.
    by_tag: HashMap<u32, Vec<PatRef>>,
    /// Patterns whose first token needs this lower-case text (and no tag).
    by_lower: HashMap<String, Vec<PatRef>>,
    /// The other patterns.
    always: Vec<PatRef>,
}

fn bad(detail: String) -> ModelError {
    ModelError::CacheCorrupt {
        path: "attribute_ruler.json".into(),
        detail,
    }
}

fn field(name: &str) -> Option<Field> {
    Some(match name {
        "TAG" => Field::Tag,
        "DEP" => Field::Dep,
        "LOWER" => Field::Lower,
        "ORTH" | "TEXT" => Field::Orth,
        "IS_SPACE" => Field::IsSpace,
        _ => return None,
    })
}

fn strings(v: &Value, what: &str) -> Result<Vec<String>, ModelError> {
    v.as_array()
        .ok_or_else(|| bad(format!("{what}: not a list")))?
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_owned)
                .ok_or_else(|| bad(format!("{what}: not a string")))
        })
        .collect()
}

fn cond(field: Field, v: &Value, labels: &mut Labels) -> Result<Cond, ModelError> {
    let is_label = matches!(field, Field::Tag | Field::Dep);
    let test = match (field, v) {
        (Field::IsSpace, Value::Bool(b)) => Test::Bool(*b),
        (Field::IsSpace, _) => return Err(bad(format!("IS_SPACE needs true/false, got {v}"))),
        (_, Value::String(s)) if is_label => Test::Id(labels.intern(s)),
        (_, Value::String(s)) => Test::Str(s.clone()),
        (_, Value::Object(m)) if m.len() == 1 => {
            let (op, arg) = m
                .iter()
                .next()
                .ok_or_else(|| bad("empty operator".into()))?;
            match op.as_str() {
                "IN" | "NOT_IN" => {
                    let negate = op == "NOT_IN";
                    let list = strings(arg, op)?;
                    if is_label {
                        Test::IdIn(list.iter().map(|s| labels.intern(s)).collect(), negate)
                    } else {
                        Test::StrIn(list, negate)
                    }
                }
                "REGEX" => {
                    let pat = arg
                        .as_str()
                        .ok_or_else(|| bad("REGEX needs a string".into()))?;
                    Test::Regex(Regex::new(pat).map_err(|e| bad(format!("REGEX {pat:?}: {e}")))?)
                }
                _ => return Err(bad(format!("operator {op} is not supported"))),
            }
        }
        _ => return Err(bad(format!("unsupported test {v}"))),
    };
    Ok(Cond { field, test })
}

impl AttributeRuler {
    /// Rules from the JSON list of `attribute_ruler.json`, interning tags, labels and morphs.
    pub(crate) fn from_json(bytes: &[u8], labels: &mut Labels) -> Result<Self, ModelError> {
        let v: Value = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        let list = v
            .as_array()
            .ok_or_else(|| bad("not a list of rules".into()))?;
        let mut rules = Vec::with_capacity(list.len());
        for (k, r) in list.iter().enumerate() {
            let ctx = |d: String| bad(format!("rule {k}: {d}"));
            let index = r.get("index").and_then(Value::as_i64).unwrap_or(0);
            let index = isize::try_from(index).map_err(|e| ctx(e.to_string()))?;
            let mut patterns = Vec::new();
            for p in r
                .get("patterns")
                .and_then(Value::as_array)
                .ok_or_else(|| ctx("no patterns".into()))?
            {
                let toks = p
                    .as_array()
                    .ok_or_else(|| ctx("a pattern is not a list".into()))?;
                let len = isize::try_from(toks.len()).unwrap_or(isize::MAX);
                if toks.is_empty() || index >= len || index < -len {
                    return Err(ctx(format!(
                        "index {index} outside a pattern of {} tokens",
                        toks.len()
                    )));
                }
                let mut pat = Vec::with_capacity(toks.len());
                for t in toks {
                    let obj = t
                        .as_object()
                        .ok_or_else(|| ctx("a token pattern is not a map".into()))?;
                    let mut conds = Vec::with_capacity(obj.len());
                    for (key, val) in obj {
                        let f = field(key)
                            .ok_or_else(|| ctx(format!("attribute {key} is not supported")))?;
                        conds.push(cond(f, val, labels).map_err(|e| ctx(e.to_string()))?);
                    }
                    pat.push(conds);
                }
                patterns.push(pat);
            }
            let mut assign = Assign::default();
            let attrs = r
                .get("attrs")
                .and_then(Value::as_object)
                .ok_or_else(|| ctx("no attrs".into()))?;
            for (key, val) in attrs {
                let s = val
                    .as_str()
                    .ok_or_else(|| ctx(format!("{key} is not a string")))?;
                match key.as_str() {
                    "POS" => {
                        assign.pos =
                            Some(Pos::from_name(s).ok_or_else(|| ctx(format!("unknown POS {s}")))?);
                    }
                    "MORPH" => assign.morph = Some(labels.intern(&canonical_morph(s))),
                    "LEMMA" => assign.lemma = Some(s.to_owned()),
                    "TAG" => assign.tag = Some(labels.intern(s)),
                    "DEP" => assign.dep = Some(labels.intern(s)),
                    _ => return Err(ctx(format!("cannot assign {key}"))),
                }
            }
            rules.push(Rule {
                patterns,
                index,
                assign,
            });
        }
        let mut ruler = AttributeRuler {
            rules,
            ..AttributeRuler::default()
        };
        for (r, rule) in ruler.rules.iter().enumerate() {
            for (p, pat) in rule.patterns.iter().enumerate() {
                let key = (r as u32, p as u32);
                let first = pat.first().map(Vec::as_slice).unwrap_or_default();
                let tag = first.iter().find_map(|c| match (c.field, &c.test) {
                    (Field::Tag, Test::Id(t)) => Some(*t),
                    _ => None,
                });
                let lower = first.iter().find_map(|c| match (c.field, &c.test) {
                    (Field::Lower, Test::Str(l)) => Some(l.clone()),
                    _ => None,
                });
                match (tag, lower) {
                    (Some(t), _) => ruler.by_tag.entry(t).or_default().push(key),
                    (None, Some(l)) => ruler.by_lower.entry(l).or_default().push(key),
                    (None, None) => ruler.always.push(key),
                }
            }
        }
        Ok(ruler)
    }

    /// Match every rule on `toks` and hand each hit to `set` (token index, attributes), in the order
    /// spaCy applies them: by rule, then by match start and end.
    pub(crate) fn apply(&self, toks: &[MatchToken<'_>], mut set: impl FnMut(usize, &Assign)) {
        // (rule, start, end, target token)
        let mut hits: Vec<(u32, usize, usize, usize)> = Vec::new();
        for (start, t) in toks.iter().enumerate() {
            let rest = toks.get(start..).unwrap_or_default();
            let candidates = self
                .by_tag
                .get(&t.tag)
                .into_iter()
                .chain(self.by_lower.get(t.lower))
                .flatten()
                .chain(&self.always);
            for &(r, p) in candidates {
                let Some(rule) = self.rules.get(r as usize) else {
                    continue;
                };
                let Some(pat) = rule.patterns.get(p as usize) else {
                    continue;
                };
                if matches_at(pat, rest) {
                    let len = pat.len() as isize;
                    let at = if rule.index < 0 {
                        len + rule.index
                    } else {
                        rule.index
                    };
                    if let Ok(at) = usize::try_from(at) {
                        hits.push((r, start, start + pat.len(), start + at));
                    }
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for (r, _, _, target) in hits {
            if let Some(rule) = self.rules.get(r as usize) {
                set(target, &rule.assign);
            }
        }
    }
}

fn matches_at(pattern: &[Vec<Cond>], toks: &[MatchToken<'_>]) -> bool {
    pattern.len() <= toks.len()
        && pattern
            .iter()
            .zip(toks)
            .all(|(conds, t)| conds.iter().all(|c| test(c, t)))
}

fn test(c: &Cond, t: &MatchToken<'_>) -> bool {
    let id = match c.field {
        Field::Tag => t.tag,
        Field::Dep => t.dep,
        _ => 0,
    };
    let s = match c.field {
        Field::Lower => t.lower,
        Field::Orth => t.text,
        _ => "",
    };
    match &c.test {
        Test::Id(x) => id == *x,
        Test::IdIn(xs, negate) => xs.contains(&id) != *negate,
        Test::Str(x) => s == x,
        Test::StrIn(xs, negate) => xs.iter().any(|x| x == s) != *negate,
        Test::Regex(re) => re.is_match(s),
        Test::Bool(b) => t.is_space == *b,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ruler(json: &str) -> (AttributeRuler, Labels) {
        let mut labels = Labels::default();
        let r = AttributeRuler::from_json(json.as_bytes(), &mut labels).unwrap();
        (r, labels)
    }

    fn tok<'a>(
        labels: &Labels,
        text: &'a str,
        lower: &'a str,
        tag: &str,
        dep: &str,
    ) -> MatchToken<'a> {
        MatchToken {
            text,
            lower,
            tag: labels.get(tag).unwrap_or(u32::MAX),
            dep: labels.get(dep).unwrap_or(u32::MAX),
            is_space: text.trim().is_empty(),
        }
    }

    #[test]
    fn later_rules_win_and_index_picks_the_token() {
        let (r, labels) = ruler(
            r#"[
            {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "MORPH": "VerbForm=Fin|Tense=Pres"}, "index": 0},
            {"patterns": [[{"LOWER": {"IN": ["is", "'s"]}, "TAG": "VBZ"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}, "index": 0},
            {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
            {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]], "attrs": {"POS": "PRON"}, "index": 0}
        ]"#,
        );
        let toks = [
            tok(&labels, "There", "there", "EX", "expl"),
            tok(&labels, "Is", "is", "VBZ", "ROOT"),
            tok(&labels, "that", "that", "DT", "nsubj"),
            tok(&labels, "this", "this", "DT", "det"),
        ];
        let mut got: Vec<(usize, Assign)> = Vec::new();
        r.apply(&toks, |i, a| got.push((i, a.clone())));
        let order: Vec<(usize, Option<Pos>)> = got.iter().map(|(i, a)| (*i, a.pos)).collect();
        assert_eq!(
            order,
            [
                (1, Some(Pos::Verb)),
                (1, Some(Pos::Aux)),
                (1, Some(Pos::Verb)),
                (2, Some(Pos::Pron)),
            ]
        );
        assert_eq!(got[1].1.lemma.as_deref(), Some("be"));
        let m = got[0].1.morph.unwrap();
        assert_eq!(labels.name(m), "Tense=Pres|VerbForm=Fin");
    }

    #[test]
    fn regex_space_and_negative_index() {
        let (r, labels) = ruler(
            r#"[
            {"patterns": [[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}, "index": -1},
            {"patterns": [[{"IS_SPACE": true}]], "attrs": {"POS": "SPACE", "TAG": "_SP", "MORPH": "_"}, "index": 0}
        ]"#,
        );
        let toks = [
            tok(&labels, "ai", "ai", "VBP", ""),
            tok(&labels, "nt", "nt", "RB", ""),
            tok(&labels, "\n", "\n", "NN", ""),
            tok(&labels, "ai", "ai", "VBP", ""),
            tok(&labels, "n'tx", "n'tx", "RB", ""),
        ];
        let mut got = Vec::new();
        r.apply(&toks, |i, a| got.push((i, a.clone())));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[1].0, 2);
        assert_eq!(labels.name(got[1].1.tag.unwrap()), "_SP");
        assert_eq!(got[1].1.morph, Some(0));
        // A pattern longer than the document matches nothing.
        let mut n = 0;
        r.apply(&toks[..1], |_, _| n += 1);
        assert_eq!(n, 0);
    }

    #[test]
    fn unsupported_patterns_are_refused() {
        let mut labels = Labels::default();
        for bad in [
            r#"[{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}]"#,
            r#"[{"patterns": [[{"LOWER": {"FUZZY": "x"}}]], "attrs": {"POS": "NOUN"}}]"#,
            r#"[{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUNISH"}}]"#,
            r#"[{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 1}]"#,
            r#"[{"patterns": [[]], "attrs": {"POS": "NOUN"}}]"#,
            r#"{"not": "a list"}"#,
        ] {
            assert!(
                AttributeRuler::from_json(bad.as_bytes(), &mut labels).is_err(),
                "{bad}"
            );
        }
    }
}
