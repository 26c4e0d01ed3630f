//! The parse layer: tokens with tags, POS, morphology, lemmas, a dependency tree, sentences and
//! named entities, as the parser (`dyad-parse`) produces them and every later stage reads them.
//!
//! Spans are byte spans of the text that was parsed; [`Parse::to_json`] writes the `dyad parse`
//! JSON form with code-point offsets.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::{CharIndex, Span};

/// Interned label strings (tags, dependency labels, entity types, morphology); id 0 is always `""`.
#[derive(Debug, Clone)]
pub struct Labels {
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
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }

    /// The id of `s`, if interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// Number of interned strings (ids are below it).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether only the empty string is interned (never, after construction).
    pub fn is_empty(&self) -> bool {
        self.names.len() <= 1
    }

    /// The string of `id` (`""` for an unknown id).
    pub fn name(&self, id: u32) -> &str {
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
    pub fn lower_name(self) -> &'static str {
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

/// A token's place in a named entity (spaCy's `ent_iob_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntIob {
    /// First token of an entity.
    B,
    /// Inside an entity.
    I,
    /// Outside any entity.
    O,
    /// Not annotated (the entity recogniser did not run).
    Missing,
}

impl EntIob {
    /// `"B"`, `"I"`, `"O"` or `""`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntIob::B => "B",
            EntIob::I => "I",
            EntIob::O => "O",
            EntIob::Missing => "",
        }
    }
}

/// One token as the parser stores it; label fields are ids in the parse's [`Labels`].
#[derive(Debug, Clone)]
pub struct TokenRecord {
    /// Byte span in the text.
    pub span: Span,
    /// A single space follows and belongs to the token.
    pub whitespace: bool,
    /// Fine-grained tag id.
    pub tag: u32,
    /// Universal POS tag.
    pub pos: Option<Pos>,
    /// Morphology id (canonical feature string).
    pub morph: u32,
    /// Lemma.
    pub lemma: String,
    /// Head token index (a root is its own head).
    pub head: usize,
    /// Dependency label id.
    pub dep: u32,
    /// Place in a named entity.
    pub ent_iob: EntIob,
    /// Entity type id (0 outside entities).
    pub ent_type: u32,
}

/// One named entity as the parser stores it: tokens `start..end`, label id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRecord {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Label id in the parse's [`Labels`].
    pub label: u32,
}

/// The parse of one text: tokens with their annotations, sentences and entities.
#[derive(Debug, Clone)]
pub struct Parse {
    tokens: Vec<TokenRecord>,
    sents: Vec<Range<usize>>,
    ents: Vec<EntityRecord>,
    labels: Arc<Labels>,
}

/// One token of a [`Parse`].
#[derive(Debug, Clone, Copy)]
pub struct Token<'p> {
    i: usize,
    rec: &'p TokenRecord,
    labels: &'p Labels,
}

impl<'p> Token<'p> {
    /// Index in the parse.
    pub fn i(&self) -> usize {
        self.i
    }
    /// Byte span in the text.
    pub fn span(&self) -> Span {
        self.rec.span
    }
    /// Whether a space follows (and belongs to) the token.
    pub fn whitespace(&self) -> bool {
        self.rec.whitespace
    }
    /// The token's text, cut from `text` (the text that was parsed).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.rec.span.slice(text).unwrap_or("")
    }
    /// Fine-grained (Penn) tag, e.g. `NNP`.
    pub fn tag(&self) -> &'p str {
        self.labels.name(self.rec.tag)
    }
    /// Universal POS tag (`None` when no rule gave one).
    pub fn pos(&self) -> Option<Pos> {
        self.rec.pos
    }
    /// Morphological features, e.g. `Number=Sing|Person=3` (`""` for none).
    pub fn morph(&self) -> &'p str {
        self.labels.name(self.rec.morph)
    }
    /// Lemma.
    pub fn lemma(&self) -> &'p str {
        &self.rec.lemma
    }
    /// Index of the head token (a root is its own head).
    pub fn head(&self) -> usize {
        self.rec.head
    }
    /// Dependency label (`ROOT` for a root).
    pub fn dep(&self) -> &'p str {
        self.labels.name(self.rec.dep)
    }
    /// Place in a named entity.
    pub fn ent_iob(&self) -> EntIob {
        self.rec.ent_iob
    }
    /// Entity type (`""` outside entities).
    pub fn ent_type(&self) -> &'p str {
        self.labels.name(self.rec.ent_type)
    }
}

/// A named entity of a [`Parse`]: tokens `start..end` and a label such as `GPE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity<'p> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub label: &'p str,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    i: usize,
    text: &'a str,
    start: usize,
    end: usize,
    tag: &'a str,
    pos: &'a str,
    lemma: &'a str,
    head: usize,
    dep: &'a str,
    ent_iob: &'a str,
    ent_type: &'a str,
}

#[derive(Serialize)]
struct JsonEnt<'a> {
    start_token: usize,
    end_token: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    tokens: Vec<JsonToken<'a>>,
    sents: Vec<[usize; 2]>,
    ents: Vec<JsonEnt<'a>>,
}

impl Parse {
    /// A parse from its records. Sentences must be ordered token ranges covering every token;
    /// label ids refer to `labels`.
    pub fn new(
        tokens: Vec<TokenRecord>,
        sents: Vec<Range<usize>>,
        ents: Vec<EntityRecord>,
        labels: Arc<Labels>,
    ) -> Parse {
        Parse {
            tokens,
            sents,
            ents,
            labels,
        }
    }

    /// The label strings the parse's ids refer to.
    pub fn labels(&self) -> &Arc<Labels> {
        &self.labels
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> Option<Token<'_>> {
        self.tokens.get(i).map(|rec| Token {
            i,
            rec,
            labels: &self.labels,
        })
    }

    /// All tokens in order.
    pub fn tokens(&self) -> impl ExactSizeIterator<Item = Token<'_>> + '_ {
        self.tokens.iter().enumerate().map(|(i, rec)| Token {
            i,
            rec,
            labels: &self.labels,
        })
    }

    /// Sentences as token ranges, in order, covering every token.
    pub fn sents(&self) -> &[Range<usize>] {
        &self.sents
    }

    /// Named entities in order (none when the entity recogniser was off).
    pub fn ents(&self) -> impl ExactSizeIterator<Item = Entity<'_>> + '_ {
        self.ents.iter().map(|e| Entity {
            start: e.start,
            end: e.end,
            label: self.labels.name(e.label),
        })
    }

    /// The `dyad parse` JSON object for this parse of `text` (record `id`): offsets in code points,
    /// keys in the order of spaCy's golden files.
    pub fn to_json(&self, id: &str, text: &str) -> String {
        let index = CharIndex::new(text);
        let doc = JsonDoc {
            id,
            tokens: self
                .tokens()
                .map(|t| JsonToken {
                    i: t.i(),
                    text: t.text(text),
                    start: index.char_offset(t.span().start),
                    end: index.char_offset(t.span().end),
                    tag: t.tag(),
                    pos: t.pos().map_or("", Pos::as_str),
                    lemma: t.lemma(),
                    head: t.head(),
                    dep: t.dep(),
                    ent_iob: t.ent_iob().as_str(),
                    ent_type: t.ent_type(),
                })
                .collect(),
            sents: self.sents.iter().map(|r| [r.start, r.end]).collect(),
            ents: self
                .ents()
                .map(|e| JsonEnt {
                    start_token: e.start,
                    end_token: e.end,
                    label: e.label,
                })
                .collect(),
        };
        // Only strings and integers: serialisation cannot fail.
        serde_json::to_string(&doc).unwrap_or_default()
    }
}

impl Parse {
    /// Append this parse of `text` (record `id`) to `out` as CoNLL-U: one block per sentence with
    /// `# sent_id = <id>-<n>` and `# text = ...` comments; HEAD is 0 for a root; MISC carries
    /// `SpaceAfter=No`, the code-point range `TokenRange=start:end` into the record's text and the
    /// entity tag (`NER=B-GPE`, `NER=O`). Tabs and line breaks inside a token (whitespace tokens)
    /// are written as `\t`, `\n` and `\r`.
    pub fn write_conllu(&self, id: &str, text: &str, out: &mut String) {
        use std::fmt::Write;
        let index = CharIndex::new(text);
        for (n, sent) in self.sents.iter().enumerate() {
            let first = self.tokens.get(sent.start).map_or(0, |t| t.span.start);
            let last = sent
                .end
                .checked_sub(1)
                .and_then(|i| self.tokens.get(i))
                .map_or(first, |t| t.span.end);
            let sent_text = text.get(first..last).unwrap_or("");
            let _ = writeln!(out, "# sent_id = {}-{}", escape(id), n + 1);
            let _ = writeln!(out, "# text = {}", escape(sent_text));
            for i in sent.clone() {
                let Some(t) = self.token(i) else { continue };
                let head = if t.head() == i || !sent.contains(&t.head()) {
                    0
                } else {
                    t.head() - sent.start + 1
                };
                let field = |s: &str| {
                    if s.is_empty() {
                        "_".to_owned()
                    } else {
                        escape(s)
                    }
                };
                let mut misc = Vec::new();
                if !t.whitespace() {
                    misc.push("SpaceAfter=No".to_owned());
                }
                misc.push(format!(
                    "TokenRange={}:{}",
                    index.char_offset(t.span().start),
                    index.char_offset(t.span().end)
                ));
                match t.ent_iob() {
                    EntIob::Missing => {}
                    EntIob::O => misc.push("NER=O".to_owned()),
                    iob => misc.push(format!("NER={}-{}", iob.as_str(), t.ent_type())),
                }
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                    i - sent.start + 1,
                    field(t.text(text)),
                    field(t.lemma()),
                    t.pos().map_or("_", Pos::as_str),
                    field(t.tag()),
                    field(t.morph()),
                    head,
                    if head == 0 { "ROOT" } else { t.dep() },
                    misc.join("|"),
                );
            }
            out.push('\n');
        }
    }
}

/// A CoNLL-U field or comment value: tabs and line breaks escaped.
fn escape(s: &str) -> String {
    if !s.contains(['\t', '\n', '\r']) {
        return s.to_owned();
    }
    s.replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
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
            assert_eq!(p.lower_name(), n.to_lowercase());
        }
        assert_eq!(Pos::from_name("noun"), None);
    }

    #[test]
    fn conllu_has_one_block_per_sentence() {
        let mut labels = Labels::default();
        let (nnp, vbd, dot) = (
            labels.intern("NNP"),
            labels.intern("VBD"),
            labels.intern("."),
        );
        let (nsubj, root, punct) = (
            labels.intern("nsubj"),
            labels.intern("ROOT"),
            labels.intern("punct"),
        );
        let gpe = labels.intern("GPE");
        let text = "Iran\tspoke. Iraq spoke.";
        let tok = |s: usize, e: usize, ws: bool, tag, head, dep, iob, ent| TokenRecord {
            span: Span::new(s, e),
            whitespace: ws,
            tag,
            pos: None,
            morph: 0,
            lemma: text[s..e].to_lowercase(),
            head,
            dep,
            ent_iob: iob,
            ent_type: ent,
        };
        let tokens = vec![
            tok(0, 4, false, nnp, 1, nsubj, EntIob::B, gpe),
            tok(5, 10, false, vbd, 1, root, EntIob::O, 0),
            tok(10, 11, true, dot, 1, punct, EntIob::O, 0),
            tok(12, 16, true, nnp, 4, nsubj, EntIob::B, gpe),
            tok(17, 22, false, vbd, 4, root, EntIob::O, 0),
            tok(22, 23, false, dot, 4, punct, EntIob::O, 0),
        ];
        let parse = Parse::new(tokens, vec![0..3, 3..6], Vec::new(), Arc::new(labels));
        let mut out = String::new();
        parse.write_conllu("doc\t1", text, &mut out);
        let blocks: Vec<&str> = out.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].starts_with("# sent_id = doc\\t1-1\n# text = Iran\\tspoke.\n"));
        let rows: Vec<Vec<&str>> = blocks[1]
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(rows.iter().all(|r| r.len() == 10));
        assert_eq!(
            rows[0][..8],
            ["1", "Iraq", "iraq", "_", "NNP", "_", "2", "nsubj"]
        );
        assert_eq!(rows[1][6..8], ["0", "ROOT"]);
        assert_eq!(rows[0][9], "TokenRange=12:16|NER=B-GPE");
        assert_eq!(rows[2][9], "SpaceAfter=No|TokenRange=22:23|NER=O");
    }
}
