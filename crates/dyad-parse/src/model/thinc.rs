//! Decoding thinc's `Model.to_bytes()` (msgpack) into a flat list of nodes, and msgpack -> JSON for the
//! table files. See MODEL.md for the layout.

use std::collections::BTreeMap;

use rmpv::Value;

use super::tensors::Tensor;

/// One node of a serialised thinc layer tree.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Position in thinc's walk order.
    pub(crate) index: usize,
    /// Layer name, e.g. `hashembed` or `maxout>>layernorm`.
    pub(crate) name: String,
    /// Dimensions (`nO`, `nI`, `nP`, `nF`, `nV`); `None` when unset.
    pub(crate) dims: BTreeMap<String, Option<i64>>,
    /// Named references to other nodes.
    pub(crate) refs: BTreeMap<String, usize>,
    /// Attributes, already decoded from their inner msgpack.
    pub(crate) attrs: BTreeMap<String, Value>,
    /// Parameters.
    pub(crate) params: BTreeMap<String, Tensor>,
}

impl Node {
    pub(crate) fn dim(&self, name: &str) -> Option<i64> {
        self.dims.get(name).copied().flatten()
    }

    pub(crate) fn attr_u64(&self, name: &str) -> Option<u64> {
        self.attrs.get(name).and_then(Value::as_u64)
    }
}

/// Parse one msgpack value from `bytes`, requiring that nothing follows it.
pub(crate) fn read_msgpack(bytes: &[u8]) -> Result<Value, String> {
    let mut rd = bytes;
    let v = rmpv::decode::read_value(&mut rd).map_err(|e| format!("bad msgpack: {e}"))?;
    if !rd.is_empty() {
        return Err(format!("{} stray bytes after the msgpack value", rd.len()));
    }
    Ok(v)
}

/// A map key as text: str and bin keys both occur in thinc's output.
fn key_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn get<'a>(map: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| key_str(k) == Some(key))
        .map(|(_, v)| v)
}

fn as_map<'a>(v: &'a Value, what: &str) -> Result<&'a [(Value, Value)], String> {
    v.as_map()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{what} is not a map"))
}

fn as_array<'a>(v: &'a Value, what: &str) -> Result<&'a [Value], String> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{what} is not a list"))
}

/// Decode a msgpack-numpy array map (`nd`, `type`, `kind`, `shape`, `data`) holding `<f4`.
fn decode_array(v: &Value, what: &str) -> Result<Tensor, String> {
    let map = as_map(v, what)?;
    if get(map, "nd").and_then(Value::as_bool) != Some(true) {
        return Err(format!("{what} is not a numpy array"));
    }
    let dtype = get(map, "type").and_then(key_str).unwrap_or("?");
    if dtype != "<f4" {
        return Err(format!("{what} has dtype {dtype}, expected <f4"));
    }
    let shape = as_array(
        get(map, "shape").ok_or_else(|| format!("{what} has no shape"))?,
        what,
    )?
    .iter()
    .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
    .collect::<Option<Vec<usize>>>()
    .ok_or_else(|| format!("{what} has a bad shape"))?;
    let data = match get(map, "data") {
        Some(Value::Binary(b)) => b,
        _ => return Err(format!("{what} has no data")),
    };
    if data.len() % 4 != 0 {
        return Err(format!(
            "{what}: data length {} is not a multiple of 4",
            data.len()
        ));
    }
    let values: Vec<f32> = data
        .chunks_exact(4)
        // `chunks_exact(4)` yields slices of exactly four bytes.
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let n = values.len();
    Tensor::new(shape.clone(), values)
        .ok_or_else(|| format!("{what}: shape {shape:?} does not hold {n} values"))
}

/// Decode a whole `Model.to_bytes()` blob.
pub(crate) fn decode_model(bytes: &[u8]) -> Result<Vec<Node>, String> {
    let root = read_msgpack(bytes)?;
    let root = as_map(&root, "model")?;
    let list = |key: &str| -> Result<&[Value], String> {
        as_array(
            get(root, key).ok_or_else(|| format!("model has no `{key}`"))?,
            key,
        )
    };
    let (nodes, attrs, params) = (list("nodes")?, list("attrs")?, list("params")?);
    if nodes.len() != attrs.len() || nodes.len() != params.len() {
        return Err("nodes, attrs and params differ in length".to_owned());
    }
    let mut out = Vec::with_capacity(nodes.len());
    for (i, ((node, attr), param)) in nodes.iter().zip(attrs).zip(params).enumerate() {
        let what = format!("node {i}");
        let node = as_map(node, &what)?;
        let index = get(node, "index")
            .and_then(Value::as_u64)
            .and_then(|x| usize::try_from(x).ok())
            .ok_or_else(|| format!("{what} has no index"))?;
        let name = get(node, "name")
            .and_then(key_str)
            .ok_or_else(|| format!("{what} has no name"))?
            .to_owned();
        let mut dims = BTreeMap::new();
        if let Some(d) = get(node, "dims") {
            for (k, v) in as_map(d, &what)? {
                let k = key_str(k).ok_or_else(|| format!("{what}: bad dim name"))?;
                dims.insert(k.to_owned(), v.as_i64());
            }
        }
        let mut refs = BTreeMap::new();
        if let Some(r) = get(node, "refs") {
            for (k, v) in as_map(r, &what)? {
                let k = key_str(k).ok_or_else(|| format!("{what}: bad ref name"))?;
                if let Some(v) = v.as_u64().and_then(|x| usize::try_from(x).ok()) {
                    refs.insert(k.to_owned(), v);
                }
            }
        }
        let mut attr_map = BTreeMap::new();
        for (k, v) in as_map(attr, &what)? {
            let k = key_str(k).ok_or_else(|| format!("{what}: bad attr name"))?;
            // Attribute values are msgpack-encoded a second time.
            let v = match v {
                Value::Binary(b) => read_msgpack(b).map_err(|e| format!("{what} attr {k}: {e}"))?,
                other => other.clone(),
            };
            attr_map.insert(k.to_owned(), v);
        }
        let mut param_map = BTreeMap::new();
        for (k, v) in as_map(param, &what)? {
            let k = key_str(k).ok_or_else(|| format!("{what}: bad param name"))?;
            param_map.insert(
                k.to_owned(),
                decode_array(v, &format!("{what} ({name}) param {k}"))?,
            );
        }
        out.push(Node {
            index,
            name,
            dims,
            refs,
            attrs: attr_map,
            params: param_map,
        });
    }
    Ok(out)
}

/// Convert a msgpack value to JSON. Integer map keys become decimal strings; binary strings must be
/// UTF-8 (they become JSON strings); extension types are rejected.
pub(crate) fn to_json(v: &Value) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match v {
        Value::Nil => J::Null,
        Value::Boolean(b) => J::Bool(*b),
        Value::Integer(i) => {
            if let Some(u) = i.as_u64() {
                J::from(u)
            } else if let Some(s) = i.as_i64() {
                J::from(s)
            } else {
                return Err("integer out of range".to_owned());
            }
        }
        Value::F32(f) => J::from(f64::from(*f)),
        Value::F64(f) => J::from(*f),
        Value::String(s) => J::String(
            s.as_str()
                .ok_or_else(|| "string is not UTF-8".to_owned())?
                .to_owned(),
        ),
        Value::Binary(b) => J::String(
            std::str::from_utf8(b)
                .map_err(|_| "binary value is not UTF-8".to_owned())?
                .to_owned(),
        ),
        Value::Array(a) => J::Array(a.iter().map(to_json).collect::<Result<_, _>>()?),
        Value::Map(m) => {
            let mut obj = serde_json::Map::new();
            for (k, v) in m {
                let key = match k {
                    Value::Integer(i) => i.to_string(),
                    other => key_str(other)
                        .ok_or_else(|| "map key is neither text nor integer".to_owned())?
                        .to_owned(),
                };
                obj.insert(key, to_json(v)?);
            }
            J::Object(obj)
        }
        Value::Ext(..) => return Err("msgpack extension type".to_owned()),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn array(shape: &[u64], data: &[f32]) -> Value {
        let bytes: Vec<u8> = data.iter().flat_map(|v| v.to_le_bytes()).collect();
        Value::Map(vec![
            (Value::Binary(b"nd".to_vec()), Value::Boolean(true)),
            (Value::Binary(b"type".to_vec()), Value::from("<f4")),
            (Value::Binary(b"kind".to_vec()), Value::Binary(vec![])),
            (
                Value::Binary(b"shape".to_vec()),
                Value::Array(shape.iter().map(|&d| Value::from(d)).collect()),
            ),
            (Value::Binary(b"data".to_vec()), Value::Binary(bytes)),
        ])
    }

    pub(crate) fn encode(v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, v).unwrap();
        out
    }

    #[test]
    fn decodes_a_small_model() {
        let seed = encode(&Value::from(8));
        let model = Value::Map(vec![
            (
                Value::from("nodes"),
                Value::Array(vec![Value::Map(vec![
                    (Value::from("index"), Value::from(0)),
                    (Value::from("name"), Value::Binary(b"hashembed".to_vec())),
                    (
                        Value::from("dims"),
                        Value::Map(vec![
                            (Value::from("nO"), Value::from(2)),
                            (Value::from("nI"), Value::Nil),
                        ]),
                    ),
                    (Value::from("refs"), Value::Map(vec![])),
                ])]),
            ),
            (
                Value::from("attrs"),
                Value::Array(vec![Value::Map(vec![(
                    Value::from("seed"),
                    Value::Binary(seed),
                )])]),
            ),
            (
                Value::from("params"),
                Value::Array(vec![Value::Map(vec![(
                    Value::from("E"),
                    array(&[3, 2], &[1., 2., 3., 4., 5., 6.]),
                )])]),
            ),
            (
                Value::from("shims"),
                Value::Array(vec![Value::Array(vec![])]),
            ),
        ]);
        let nodes = decode_model(&encode(&model)).unwrap();
        assert_eq!(nodes.len(), 1);
        let n = &nodes[0];
        assert_eq!(n.name, "hashembed");
        assert_eq!(n.dim("nO"), Some(2));
        assert_eq!(n.dim("nI"), None);
        assert_eq!(n.attr_u64("seed"), Some(8));
        let e = &n.params["E"];
        assert_eq!(e.shape(), &[3, 2]);
        assert_eq!(e.data()[5], 6.0);
    }

    #[test]
    fn rejects_wrong_dtype_and_bad_shapes() {
        let mut a = array(&[2], &[1., 2.]);
        if let Value::Map(m) = &mut a {
            m[1].1 = Value::from("<f8");
        }
        assert!(decode_array(&a, "x").unwrap_err().contains("<f8"));
        assert!(decode_array(&array(&[3], &[1., 2.]), "x").is_err());
    }

    #[test]
    fn json_conversion_stringifies_integer_keys() {
        let v = Value::Map(vec![(
            Value::from(65),
            Value::Array(vec![Value::from("a"), Value::Nil, Value::from(true)]),
        )]);
        assert_eq!(
            to_json(&v).unwrap(),
            serde_json::json!({"65": ["a", null, true]})
        );
        assert!(to_json(&Value::Ext(1, vec![])).is_err());
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = decode_model(&bytes);
            if let Ok(v) = read_msgpack(&bytes) { let _ = to_json(&v); }
        }
    }
}
