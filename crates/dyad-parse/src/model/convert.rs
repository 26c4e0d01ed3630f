//! Turning the files of a spaCy model directory into dyad's cache contents: named tensors, `model.json`
//! and JSON versions of the tables. The layer trees are recognised by structure and every shape is
//! checked, so a different model fails here with a message instead of misbehaving later.

use std::collections::BTreeMap;

use rmpv::Value;

use super::meta::{Action, ModelMeta, ParserConfig, TaggerConfig, Tok2VecConfig};
use super::tensors::{Tensor, Tensors};
use super::thinc::{Node, decode_model, read_msgpack, to_json};
use crate::strings::string_id;

/// Files of the model directory that the conversion reads, relative to it.
pub(crate) const NEEDED_FILES: &[&str] = &[
    "config.cfg",
    "meta.json",
    "tokenizer",
    "vocab/lookups.bin",
    "tok2vec/model",
    "tagger/cfg",
    "tagger/model",
    "parser/model",
    "parser/moves",
    "ner/model",
    "ner/moves",
    "attribute_ruler/patterns",
    "lemmatizer/lookups/lookups.bin",
];

/// The result of a conversion, ready to be written.
pub(crate) struct Converted {
    pub(crate) meta: ModelMeta,
    pub(crate) tensors: Tensors,
    /// (file name, JSON content) for the table files.
    pub(crate) json_files: Vec<(&'static str, serde_json::Value)>,
    /// (file name, bytes) copied as they are.
    pub(crate) raw_files: Vec<(&'static str, Vec<u8>)>,
}

type Files = BTreeMap<String, Vec<u8>>;

fn file<'a>(files: &'a Files, name: &str) -> Result<&'a [u8], String> {
    files
        .get(name)
        .map(Vec::as_slice)
        .ok_or_else(|| format!("missing file `{name}`"))
}

/// Convert the model directory's files (keyed by relative path).
pub(crate) fn convert(files: &Files) -> Result<Converted, String> {
    let meta_json: serde_json::Value =
        serde_json::from_slice(file(files, "meta.json")?).map_err(|e| format!("meta.json: {e}"))?;
    let text = |k: &str| meta_json.get(k).and_then(|v| v.as_str()).unwrap_or("");
    let (lang, name, version) = (text("lang"), text("name"), text("version"));
    if lang != "en" || !name.starts_with("core_web_sm") || !version.starts_with("3.8.") {
        return Err(format!(
            "meta.json says {lang}_{name} {version}; dyad needs en_core_web_sm 3.8.x"
        ));
    }

    let mut tensors = Tensors::default();

    let t2v_nodes =
        decode_model(file(files, "tok2vec/model")?).map_err(|e| format!("tok2vec/model: {e}"))?;
    let tok2vec =
        tok2vec(&t2v_nodes, "tok2vec", &mut tensors).map_err(|e| format!("tok2vec/model: {e}"))?;

    let tagger = tagger(files, tok2vec.width, &mut tensors)?;

    let parser_nodes =
        decode_model(file(files, "parser/model")?).map_err(|e| format!("parser/model: {e}"))?;
    let parser_actions = actions(file(files, "parser/moves")?, System::ArcEager)
        .map_err(|e| format!("parser/moves: {e}"))?;
    let parser_cfg = parser(
        &parser_nodes,
        "parser",
        System::ArcEager,
        parser_actions,
        tok2vec.width,
        &mut tensors,
    )
    .map_err(|e| format!("parser/model: {e}"))?;

    let ner_nodes =
        decode_model(file(files, "ner/model")?).map_err(|e| format!("ner/model: {e}"))?;
    let ner_actions =
        actions(file(files, "ner/moves")?, System::Biluo).map_err(|e| format!("ner/moves: {e}"))?;
    let ner = parser(
        &ner_nodes,
        "ner",
        System::Biluo,
        ner_actions,
        tok2vec.width,
        &mut tensors,
    )
    .map_err(|e| format!("ner/model: {e}"))?;

    let meta = ModelMeta {
        spacy_name: name.to_owned(),
        spacy_version: version.to_owned(),
        tok2vec,
        tagger,
        parser: parser_cfg,
        ner,
    };

    let msgpack_json = |name: &str| -> Result<serde_json::Value, String> {
        let v = read_msgpack(file(files, name)?).map_err(|e| format!("{name}: {e}"))?;
        to_json(&v).map_err(|e| format!("{name}: {e}"))
    };
    let tokenizer = msgpack_json("tokenizer")?;
    let attribute_ruler = msgpack_json("attribute_ruler/patterns")?;
    let lexeme_norm = msgpack_json("vocab/lookups.bin")?;
    let lemmatizer = name_pos_keys(msgpack_json("lemmatizer/lookups/lookups.bin")?);

    Ok(Converted {
        meta,
        tensors,
        json_files: vec![
            ("tokenizer.json", tokenizer),
            ("attribute_ruler.json", attribute_ruler),
            ("lexeme_norm.json", lexeme_norm),
            ("lemmatizer.json", lemmatizer),
        ],
        raw_files: vec![
            ("config.cfg", file(files, "config.cfg")?.to_vec()),
            ("meta.json", file(files, "meta.json")?.to_vec()),
        ],
    })
}

/// Replace the string-id keys of the lemmatizer tables (`{table: {pos id: ...}}`) by the lowercase
/// coarse POS they stand for; ids that match no POS stay as they are.
fn name_pos_keys(mut v: serde_json::Value) -> serde_json::Value {
    const POS: &[&str] = &[
        "adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron", "propn",
        "punct", "sconj", "sym", "verb", "x", "space",
    ];
    let names: BTreeMap<String, &str> =
        POS.iter().map(|p| (string_id(p).to_string(), *p)).collect();
    if let Some(tables) = v.as_object_mut() {
        for table in tables.values_mut() {
            if let Some(obj) = table.as_object_mut() {
                let renamed = std::mem::take(obj)
                    .into_iter()
                    .map(|(k, val)| {
                        let k = names.get(&k).map_or(k, |n| (*n).to_owned());
                        (k, val)
                    })
                    .collect();
                *obj = renamed;
            }
        }
    }
    v
}

fn shape_is(t: &Tensor, expect: &[usize], what: &str) -> Result<(), String> {
    if t.shape() == expect {
        Ok(())
    } else {
        Err(format!(
            "{what} has shape {:?}, expected {expect:?}",
            t.shape()
        ))
    }
}

fn param<'a>(n: &'a Node, name: &str) -> Result<&'a Tensor, String> {
    n.params
        .get(name)
        .ok_or_else(|| format!("node {} ({}) has no param {name}", n.index, n.name))
}

fn named<'a>(nodes: &'a [Node], name: &str) -> Vec<&'a Node> {
    let mut v: Vec<&Node> = nodes.iter().filter(|n| n.name == name).collect();
    v.sort_by_key(|n| n.index);
    v
}

/// Recognise a Tok2Vec (MultiHashEmbed + MaxoutWindowEncoder) among `nodes`; store its tensors under
/// `prefix`.
fn tok2vec(nodes: &[Node], prefix: &str, out: &mut Tensors) -> Result<Tok2VecConfig, String> {
    let features = named(nodes, "extract_features");
    let [features] = features.as_slice() else {
        return Err(format!(
            "expected one extract_features layer, found {}",
            features.len()
        ));
    };
    let attrs: Vec<String> = features
        .attrs
        .get("columns")
        .and_then(Value::as_array)
        .ok_or("extract_features has no columns")?
        .iter()
        .map(|c| match c {
            Value::String(s) => s.as_str().map(str::to_owned),
            Value::Binary(b) => String::from_utf8(b.clone()).ok(),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or("extract_features columns are not strings")?;

    let embeds = named(nodes, "hashembed");
    if embeds.len() != attrs.len() {
        return Err(format!(
            "{} attributes but {} hashembed layers",
            attrs.len(),
            embeds.len()
        ));
    }
    let width = embeds
        .first()
        .and_then(|n| n.dim("nO"))
        .and_then(|w| usize::try_from(w).ok())
        .ok_or("hashembed has no width")?;
    let (mut rows, mut seeds) = (Vec::new(), Vec::new());
    for (i, (n, attr)) in embeds.iter().zip(&attrs).enumerate() {
        if n.attr_u64("column") != Some(i as u64) {
            return Err(format!("hashembed {} is not column {i}", n.index));
        }
        let seed = n
            .attr_u64("seed")
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| format!("hashembed {} has no seed", n.index))?;
        let e = param(n, "E")?;
        let nv = e.shape().first().copied().unwrap_or(0);
        shape_is(e, &[nv, width], &format!("hashembed {attr}"))?;
        if nv == 0 {
            return Err(format!("hashembed {attr} has no rows"));
        }
        out.insert(format!("{prefix}.embed.{attr}.E"), e.clone());
        rows.push(nv);
        seeds.push(seed);
    }

    let maxouts = named(nodes, "maxout");
    let norms = named(nodes, "layernorm");
    let windows = named(nodes, "expand_window");
    let depth = maxouts.len().saturating_sub(1);
    if maxouts.is_empty() || norms.len() != maxouts.len() || windows.len() != depth {
        return Err(format!(
            "unexpected encoder: {} maxout, {} layernorm, {} expand_window layers",
            maxouts.len(),
            norms.len(),
            windows.len()
        ));
    }
    let window = windows
        .first()
        .map_or(Some(0), |w| w.attr_u64("window_size"))
        .and_then(|w| usize::try_from(w).ok())
        .ok_or("expand_window has no window_size")?;
    if windows
        .iter()
        .any(|w| w.attr_u64("window_size") != Some(window as u64))
    {
        return Err("expand_window layers differ in window size".to_owned());
    }
    let pieces_of = |n: &Node| {
        n.dim("nP")
            .and_then(|p| usize::try_from(p).ok())
            .ok_or_else(|| format!("maxout {} has no nP", n.index))
    };
    let mut embed_pieces = 0;
    let mut pieces = 0;
    for (k, (m, ln)) in maxouts.iter().zip(&norms).enumerate() {
        let p = pieces_of(m)?;
        let (name, n_in) = if k == 0 {
            embed_pieces = p;
            ("embed".to_owned(), width * attrs.len())
        } else {
            if k > 1 && p != pieces {
                return Err("encoder blocks differ in maxout pieces".to_owned());
            }
            pieces = p;
            (format!("encode.{}", k - 1), width * (2 * window + 1))
        };
        let w = param(m, "W")?;
        shape_is(w, &[width, p, n_in], &format!("{name} maxout W"))?;
        let b = param(m, "b")?;
        shape_is(b, &[width, p], &format!("{name} maxout b"))?;
        let g = param(ln, "G")?;
        shape_is(g, &[width], &format!("{name} layernorm G"))?;
        let lb = param(ln, "b")?;
        shape_is(lb, &[width], &format!("{name} layernorm b"))?;
        out.insert(format!("{prefix}.{name}.maxout.W"), w.clone());
        out.insert(format!("{prefix}.{name}.maxout.b"), b.clone());
        out.insert(format!("{prefix}.{name}.norm.G"), g.clone());
        out.insert(format!("{prefix}.{name}.norm.b"), lb.clone());
    }
    Ok(Tok2VecConfig {
        width,
        attrs,
        rows,
        seeds,
        embed_pieces,
        depth,
        window,
        pieces,
    })
}

fn tagger(files: &Files, width: usize, out: &mut Tensors) -> Result<TaggerConfig, String> {
    let cfg: serde_json::Value = serde_json::from_slice(file(files, "tagger/cfg")?)
        .map_err(|e| format!("tagger/cfg: {e}"))?;
    let labels: Vec<String> = cfg
        .get("labels")
        .and_then(|l| serde_json::from_value(l.clone()).ok())
        .ok_or("tagger/cfg has no label list")?;
    let nodes =
        decode_model(file(files, "tagger/model")?).map_err(|e| format!("tagger/model: {e}"))?;
    let softmax = named(&nodes, "softmax");
    let [softmax] = softmax.as_slice() else {
        return Err("tagger/model: expected one softmax layer".to_owned());
    };
    let w = param(softmax, "W")?;
    shape_is(w, &[labels.len(), width], "tagger softmax W")?;
    let b = param(softmax, "b")?;
    shape_is(b, &[labels.len()], "tagger softmax b")?;
    out.insert("tagger.W", w.clone());
    out.insert("tagger.b", b.clone());
    Ok(TaggerConfig { labels })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum System {
    ArcEager,
    Biluo,
}

impl System {
    fn n_moves(self) -> u8 {
        match self {
            System::ArcEager => 5,
            System::Biluo => 6,
        }
    }

    /// spaCy's `move_name`.
    fn class_name(self, move_id: u8, label: &str) -> String {
        match self {
            System::ArcEager => {
                let m = ["S", "D", "L", "R", "B"][usize::from(move_id.min(4))];
                if label.is_empty() {
                    m.to_owned()
                } else {
                    format!("{m}-{label}")
                }
            }
            System::Biluo => match move_id {
                0 => "M".to_owned(),
                5 => "O".to_owned(),
                m => format!(
                    "{}-{label}",
                    ["M", "B", "I", "L", "U", "O"][usize::from(m.min(5))]
                ),
            },
        }
    }
}

/// Rebuild the class order of a transition system from its `moves` file, as spaCy's
/// `TransitionSystem.initialize_actions` does.
fn actions(bytes: &[u8], system: System) -> Result<Vec<Action>, String> {
    let v = read_msgpack(bytes)?;
    let moves_json = v
        .as_map()
        .and_then(|m| {
            m.iter()
                .find(|(k, _)| k.as_str() == Some("moves"))
                .and_then(|(_, v)| v.as_str())
        })
        .ok_or("no `moves` text")?;
    let table: BTreeMap<String, BTreeMap<String, i64>> =
        serde_json::from_str(moves_json).map_err(|e| format!("moves JSON: {e}"))?;
    // BTreeMap<String, _> iterates in string order, as Python's sorted() on the JSON keys does.
    let mut out: Vec<Action> = Vec::new();
    let mut added: Vec<(i64, String, u8)> = Vec::new();
    let push = |out: &mut Vec<Action>, move_id: u8, label: &str| {
        if !out.iter().any(|a| a.move_id == move_id && a.label == label) {
            out.push(Action {
                move_id,
                label: label.to_owned(),
                name: system.class_name(move_id, label),
            });
        }
    };
    for (move_key, labels) in &table {
        let move_id: u8 = move_key
            .parse()
            .ok()
            .filter(|m| *m < system.n_moves())
            .ok_or_else(|| format!("unknown move `{move_key}`"))?;
        let mut sorted: Vec<(i64, &String)> = labels.iter().map(|(l, f)| (*f, l)).collect();
        sorted.sort_by(|a, b| b.cmp(a));
        for (freq, label) in sorted {
            if freq < 0 {
                added.push((freq, label.clone(), move_id));
            } else {
                push(&mut out, move_id, label);
            }
        }
    }
    // Labels with negative counts go last, highest first, each with all its moves in move order.
    let mut by_label: Vec<(i64, String)> = added.iter().map(|(f, l, _)| (*f, l.clone())).collect();
    by_label.sort_by(|a, b| b.cmp(a));
    for (_, label) in by_label {
        for (_, l, m) in &added {
            if *l == label {
                push(&mut out, *m, l);
            }
        }
    }
    Ok(out)
}

/// Recognise a TransitionBasedParser model; store its tensors under `prefix`.
fn parser(
    nodes: &[Node],
    prefix: &str,
    system: System,
    actions: Vec<Action>,
    shared_width: usize,
    out: &mut Tensors,
) -> Result<ParserConfig, String> {
    let root = nodes
        .iter()
        .find(|n| n.name == "parser_model")
        .ok_or("no parser_model layer")?;
    let node_ref = |name: &str| -> Result<&Node, String> {
        let i = root
            .refs
            .get(name)
            .ok_or_else(|| format!("parser_model has no `{name}` ref"))?;
        nodes
            .iter()
            .find(|n| n.index == *i)
            .ok_or_else(|| format!("`{name}` ref points nowhere"))
    };
    let lower = node_ref("lower")?;
    let upper = node_ref("upper")?;

    // A private tok2vec (NER) shows up as hashembed layers inside this model.
    let own_tok2vec = if named(nodes, "hashembed").is_empty() {
        None
    } else {
        Some(tok2vec(nodes, &format!("{prefix}.tok2vec"), out)?)
    };
    let t2v_width = own_tok2vec.as_ref().map_or(shared_width, |t| t.width);

    let projs: Vec<&Node> = named(nodes, "linear")
        .into_iter()
        .filter(|n| n.index != upper.index)
        .collect();
    let [proj] = projs.as_slice() else {
        return Err(format!(
            "expected one projection layer, found {}",
            projs.len()
        ));
    };
    let pw = param(proj, "W")?;
    let n_i = pw.shape().first().copied().unwrap_or(0);
    shape_is(pw, &[n_i, t2v_width], "projection W")?;
    let pb = param(proj, "b")?;
    shape_is(pb, &[n_i], "projection b")?;

    let w = param(lower, "W")?;
    let (nf, no, np) = match w.shape() {
        [nf, no, np, ni] if *ni == n_i => (*nf, *no, *np),
        s => return Err(format!("lower W has shape {s:?}")),
    };
    shape_is(w, &[nf, no, np, n_i], "lower W")?;
    let b = param(lower, "b")?;
    shape_is(b, &[no, np], "lower b")?;
    let pad = param(lower, "pad")?;
    shape_is(pad, &[1, nf, no, np], "lower pad")?;

    let uw = param(upper, "W")?;
    shape_is(
        uw,
        &[actions.len(), no],
        "upper W (one row per action in the moves file)",
    )?;
    let ub = param(upper, "b")?;
    shape_is(ub, &[actions.len()], "upper b")?;

    out.insert(format!("{prefix}.proj.W"), pw.clone());
    out.insert(format!("{prefix}.proj.b"), pb.clone());
    out.insert(format!("{prefix}.lower.W"), w.clone());
    out.insert(format!("{prefix}.lower.b"), b.clone());
    out.insert(format!("{prefix}.lower.pad"), pad.clone());
    out.insert(format!("{prefix}.upper.W"), uw.clone());
    out.insert(format!("{prefix}.upper.b"), ub.clone());

    Ok(ParserConfig {
        system: match system {
            System::ArcEager => "arc_eager",
            System::Biluo => "biluo",
        }
        .to_owned(),
        input_width: n_i,
        n_features: nf,
        hidden: no,
        pieces: np,
        actions,
        tok2vec: own_tok2vec,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::thinc::tests::encode;
    use super::*;

    fn moves_file(json: &str) -> Vec<u8> {
        encode(&Value::Map(vec![
            (Value::from("moves"), Value::from(json)),
            (Value::from("cfg"), Value::Map(vec![])),
        ]))
    }

    #[test]
    fn arc_eager_class_order_follows_spacy() {
        let m = moves_file(
            r#"{"2":{"det":5,"amod":5,"nsubj":9},"0":{"":1},"4":{"ROOT":0},"1":{"":1},"3":{"dep":-1,"pobj":3}}"#,
        );
        let names: Vec<String> = actions(&m, System::ArcEager)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        // Equal counts fall back to the label in reverse order; negative counts go last.
        assert_eq!(
            names,
            [
                "S", "D", "L-nsubj", "L-det", "L-amod", "R-pobj", "B-ROOT", "R-dep"
            ]
        );
    }

    #[test]
    fn biluo_names() {
        let m = moves_file(r#"{"0":{},"1":{"ORG":3,"GPE":2},"4":{"ORG":3,"":1},"5":{"":1}}"#);
        let names: Vec<String> = actions(&m, System::Biluo)
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["B-ORG", "B-GPE", "U-ORG", "U-", "O"]);
    }

    #[test]
    fn bad_moves_are_errors() {
        assert!(actions(&moves_file(r#"{"9":{"x":1}}"#), System::ArcEager).is_err());
        assert!(actions(&moves_file("not json"), System::Biluo).is_err());
        assert!(actions(b"\xc1", System::Biluo).is_err());
    }

    #[test]
    fn lemmatizer_pos_keys_are_named() {
        let adj = string_id("adj").to_string();
        let v = serde_json::json!({"lemma_rules": {adj: [["er", ""]], "445": [], "7": []}});
        let named = name_pos_keys(v);
        assert!(named["lemma_rules"].get("adj").is_some());
        assert!(named["lemma_rules"].get("punct").is_some());
        assert!(named["lemma_rules"].get("7").is_some());
    }

    #[test]
    fn missing_files_are_reported_by_name() {
        let err = match convert(&Files::new()) {
            Err(e) => e,
            Ok(_) => panic!("empty model converted"),
        };
        assert!(err.contains("meta.json"), "{err}");
    }
}
