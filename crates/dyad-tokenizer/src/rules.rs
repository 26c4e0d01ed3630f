//! The tokenizer's rules as a spaCy model stores them (its `tokenizer` file).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::TokenizerError;

/// spaCy's attribute id for ORTH in serialized exceptions.
const ORTH: &str = "65";
/// spaCy's attribute id for NORM.
const NORM: &str = "67";

/// One token of a special case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialToken {
    /// Its text.
    pub orth: String,
    /// The NORM the exception gives it, if any (`"not"` for the `n't` of `don't`).
    pub norm: Option<String>,
}

/// Everything a [`crate::Tokenizer`] is built from: the content of a spaCy model's `tokenizer`
/// file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenizerRules {
    /// Python `re` pattern searched for a prefix to split off.
    pub prefix_search: Option<String>,
    /// Pattern searched for a suffix to split off.
    pub suffix_search: Option<String>,
    /// Pattern whose matches split a token inside (hyphens, `...`).
    pub infix_finditer: Option<String>,
    /// Pattern for strings kept whole before prefixes and suffixes are looked at.
    pub token_match: Option<String>,
    /// Pattern for strings kept whole after prefixes and suffixes are split off (URLs).
    pub url_match: Option<String>,
    /// Special cases: a string and the tokens it becomes (`"don't"` → `do`, `n't`).
    pub exceptions: BTreeMap<String, Vec<SpecialToken>>,
    /// spaCy 3's "faster heuristics": the pass that finds special cases spanning several tokens
    /// only considers exceptions that contain an affix, an infix or a space.
    pub faster_heuristics: bool,
}

impl TokenizerRules {
    /// Reads a spaCy `tokenizer` file (msgpack, as in the model directory of the wheel).
    pub fn from_msgpack(bytes: &[u8]) -> Result<TokenizerRules, TokenizerError> {
        let fmt = "msgpack";
        let value =
            rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| TokenizerError::Format {
                format: fmt,
                message: e.to_string(),
            })?;
        let json = msgpack_to_json(value).map_err(|message| TokenizerError::Format {
            format: fmt,
            message,
        })?;
        TokenizerRules::from_value(&json, fmt)
    }

    /// Reads the same content as JSON, with attribute ids as string keys (`"65"` for ORTH, `"67"`
    /// for NORM; the names `"ORTH"` and `"NORM"` are accepted too), as dyad's model cache keeps it.
    pub fn from_json(text: &str) -> Result<TokenizerRules, TokenizerError> {
        let fmt = "json";
        let json: Value = serde_json::from_str(text).map_err(|e| TokenizerError::Format {
            format: fmt,
            message: e.to_string(),
        })?;
        TokenizerRules::from_value(&json, fmt)
    }

    fn from_value(v: &Value, fmt: &'static str) -> Result<TokenizerRules, TokenizerError> {
        let bad = |message: String| TokenizerError::Format {
            format: fmt,
            message,
        };
        let Value::Object(map) = v else {
            return Err(bad("the top level is not a map".into()));
        };
        let pattern = |key: &str| -> Result<Option<String>, TokenizerError> {
            match map.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(bad(format!("{key} is not a string but {other}"))),
            }
        };
        let faster_heuristics = match map.get("faster_heuristics") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => return Err(bad(format!("faster_heuristics is not a bool but {other}"))),
        };
        let mut exceptions = BTreeMap::new();
        match map.get("exceptions") {
            None | Some(Value::Null) => {}
            Some(Value::Object(exc)) => {
                for (key, tokens) in exc {
                    exceptions.insert(key.clone(), special_tokens(key, tokens)?);
                }
            }
            Some(_) => return Err(bad("exceptions is not a map".into())),
        }
        Ok(TokenizerRules {
            prefix_search: pattern("prefix_search")?,
            suffix_search: pattern("suffix_search")?,
            infix_finditer: pattern("infix_finditer")?,
            token_match: pattern("token_match")?,
            url_match: pattern("url_match")?,
            exceptions,
            faster_heuristics,
        })
    }
}

fn special_tokens(key: &str, v: &Value) -> Result<Vec<SpecialToken>, TokenizerError> {
    let bad = |message: String| TokenizerError::Exception {
        key: key.to_owned(),
        message,
    };
    let Value::Array(items) = v else {
        return Err(bad("not a list of tokens".into()));
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(attrs) = item else {
            return Err(bad("a token is not a map".into()));
        };
        let (mut orth, mut norm) = (None, None);
        for (attr, value) in attrs {
            let Value::String(s) = value else {
                return Err(bad(format!("attribute {attr} is not a string")));
            };
            match attr.as_str() {
                ORTH | "ORTH" => orth = Some(s.clone()),
                NORM | "NORM" => norm = Some(s.clone()),
                // spaCy refuses any other attribute in an exception (its error E1005).
                other => return Err(bad(format!("attribute {other} is not ORTH or NORM"))),
            }
        }
        let Some(orth) = orth else {
            return Err(bad("a token has no ORTH".into()));
        };
        out.push(SpecialToken { orth, norm });
    }
    // spaCy's E997: the pieces must spell the string.
    let joined: String = out.iter().map(|t| t.orth.as_str()).collect();
    if joined != key || out.iter().any(|t| t.orth.is_empty()) {
        return Err(bad(format!("the tokens spell {joined:?}")));
    }
    Ok(out)
}

/// msgpack → JSON value; integer map keys become decimal strings, binary strings UTF-8 text.
pub(crate) fn msgpack_to_json(v: rmpv::Value) -> Result<Value, String> {
    Ok(match v {
        rmpv::Value::Nil => Value::Null,
        rmpv::Value::Boolean(b) => Value::Bool(b),
        rmpv::Value::Integer(i) => {
            if let Some(u) = i.as_u64() {
                Value::from(u)
            } else if let Some(s) = i.as_i64() {
                Value::from(s)
            } else {
                return Err(format!("integer {i} out of range"));
            }
        }
        rmpv::Value::F32(f) => Value::from(f64::from(f)),
        rmpv::Value::F64(f) => Value::from(f),
        rmpv::Value::String(s) => match s.into_str() {
            Some(s) => Value::String(s),
            None => return Err("a string is not UTF-8".into()),
        },
        rmpv::Value::Binary(b) => {
            Value::String(String::from_utf8(b).map_err(|_| "binary data is not UTF-8")?)
        }
        rmpv::Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(msgpack_to_json)
                .collect::<Result<_, _>>()?,
        ),
        rmpv::Value::Map(pairs) => {
            let mut map = serde_json::Map::with_capacity(pairs.len());
            for (k, v) in pairs {
                let key = match k {
                    rmpv::Value::String(s) => s.into_str().ok_or("a map key is not UTF-8")?,
                    rmpv::Value::Integer(i) => i.to_string(),
                    rmpv::Value::Binary(b) => {
                        String::from_utf8(b).map_err(|_| "a map key is not UTF-8")?
                    }
                    other => return Err(format!("unsupported map key {other}")),
                };
                map.insert(key, msgpack_to_json(v)?);
            }
            Value::Object(map)
        }
        rmpv::Value::Ext(t, _) => return Err(format!("unsupported msgpack extension type {t}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_with_ids_and_names() {
        let rules = TokenizerRules::from_json(
            r#"{"prefix_search": "^\\(", "suffix_search": null, "url_match": "^x$",
                "exceptions": {"don't": [{"65": "do"}, {"ORTH": "n't", "NORM": "not"}]},
                "faster_heuristics": false}"#,
        )
        .expect("valid rules");
        assert_eq!(rules.prefix_search.as_deref(), Some("^\\("));
        assert_eq!(rules.suffix_search, None);
        assert!(!rules.faster_heuristics);
        let dont = rules.exceptions.get("don't").expect("exception kept");
        assert_eq!(
            dont[1],
            SpecialToken {
                orth: "n't".into(),
                norm: Some("not".into())
            }
        );
    }

    #[test]
    fn reads_msgpack_with_integer_attribute_keys() {
        use rmpv::Value as V;
        let exc = V::Map(vec![(
            V::from("10am"),
            V::Array(vec![
                V::Map(vec![(V::from(65), V::from("10"))]),
                V::Map(vec![
                    (V::from(65), V::from("am")),
                    (V::from(67), V::from("a.m.")),
                ]),
            ]),
        )]);
        let top = V::Map(vec![
            (V::from("prefix_search"), V::from("^a")),
            (V::from("token_match"), V::Nil),
            (V::from("exceptions"), exc),
            (V::from("faster_heuristics"), V::Boolean(true)),
        ]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &top).expect("encodes");
        let rules = TokenizerRules::from_msgpack(&bytes).expect("valid rules");
        let am = rules.exceptions.get("10am").expect("exception kept");
        assert_eq!(am[1].norm.as_deref(), Some("a.m."));
        assert_eq!(rules.token_match, None);
    }

    #[test]
    fn refuses_malformed_exceptions() {
        for bad in [
            r#"{"exceptions": {"ab": [{"65": "a"}]}}"#,
            r#"{"exceptions": {"ab": [{"65": "ab", "73": "x"}]}}"#,
            r#"{"exceptions": {"ab": [{"67": "ab"}]}}"#,
            r#"{"exceptions": {"ab": "ab"}}"#,
            r#"{"prefix_search": 3}"#,
            r#"[1, 2]"#,
        ] {
            assert!(TokenizerRules::from_json(bad).is_err(), "{bad}");
        }
        assert!(TokenizerRules::from_msgpack(&[0xc1]).is_err());
        assert!(TokenizerRules::from_msgpack(&[]).is_err());
    }
}
