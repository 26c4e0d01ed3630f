//! One sentence of a [`Parse`] as the coder sees it: local token indices, a sanitised tree
//! (every token reaches a root, whatever the input), children lists, subtree intervals, and
//! the lexicon's keys for each token.
//!
//! The parse may come from anywhere (the parser, a CoNLL-U file, a property test), so nothing
//! here trusts it: heads outside the sentence make a token a root, cycles are cut, spans that
//! are not valid for the text give empty strings.

use dyad_doc::Span;
use dyad_doc::parse::{Parse, Pos};
use dyad_lexicon::{KeySeq, LexiconIndex, WordId};

/// Dependency labels the coder distinguishes (spaCy's ClearNLP set); everything else is
/// [`Dep::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Dep {
    Root,
    Nsubj,
    Nsubjpass,
    Csubj,
    Csubjpass,
    Expl,
    Dobj,
    Dative,
    Attr,
    Oprd,
    Acomp,
    Prep,
    Pobj,
    Pcomp,
    Agent,
    Xcomp,
    Ccomp,
    Advcl,
    Acl,
    Relcl,
    Conj,
    Cc,
    Preconj,
    Neg,
    Aux,
    Auxpass,
    Poss,
    Case,
    Compound,
    Amod,
    Appos,
    Det,
    Predet,
    Nummod,
    Quantmod,
    Nmod,
    Npadvmod,
    Advmod,
    Prt,
    Mark,
    Punct,
    Parataxis,
    Dep,
    Other,
}

impl Dep {
    /// The label's enum value.
    pub fn from_label(s: &str) -> Dep {
        match s {
            "ROOT" => Dep::Root,
            "nsubj" => Dep::Nsubj,
            "nsubjpass" => Dep::Nsubjpass,
            "csubj" => Dep::Csubj,
            "csubjpass" => Dep::Csubjpass,
            "expl" => Dep::Expl,
            "dobj" | "obj" => Dep::Dobj,
            "dative" | "iobj" => Dep::Dative,
            "attr" => Dep::Attr,
            "oprd" => Dep::Oprd,
            "acomp" => Dep::Acomp,
            "prep" => Dep::Prep,
            "pobj" => Dep::Pobj,
            "pcomp" => Dep::Pcomp,
            "agent" => Dep::Agent,
            "xcomp" => Dep::Xcomp,
            "ccomp" => Dep::Ccomp,
            "advcl" => Dep::Advcl,
            "acl" => Dep::Acl,
            "relcl" => Dep::Relcl,
            "conj" => Dep::Conj,
            "cc" => Dep::Cc,
            "preconj" => Dep::Preconj,
            "neg" => Dep::Neg,
            "aux" => Dep::Aux,
            "auxpass" => Dep::Auxpass,
            "poss" => Dep::Poss,
            "case" => Dep::Case,
            "compound" => Dep::Compound,
            "amod" => Dep::Amod,
            "appos" => Dep::Appos,
            "det" => Dep::Det,
            "predet" => Dep::Predet,
            "nummod" => Dep::Nummod,
            "quantmod" => Dep::Quantmod,
            "nmod" => Dep::Nmod,
            "npadvmod" => Dep::Npadvmod,
            "advmod" => Dep::Advmod,
            "prt" => Dep::Prt,
            "mark" => Dep::Mark,
            "punct" => Dep::Punct,
            "parataxis" => Dep::Parataxis,
            "dep" => Dep::Dep,
            _ => Dep::Other,
        }
    }

    /// A subject label.
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            Dep::Nsubj | Dep::Nsubjpass | Dep::Csubj | Dep::Csubjpass
        )
    }
}

/// The fine-grained tags the coder distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Tag {
    Vb,
    Vbd,
    Vbg,
    Vbn,
    Vbp,
    Vbz,
    Md,
    Nn,
    Nns,
    Nnp,
    Nnps,
    Prp,
    PrpS,
    Wp,
    Wdt,
    In,
    To,
    Rb,
    Jj,
    Dt,
    Cc,
    Cd,
    Pos,
    Punct,
    Other,
}

impl Tag {
    /// The tag's enum value.
    pub fn from_tag(s: &str) -> Tag {
        match s {
            "VB" => Tag::Vb,
            "VBD" => Tag::Vbd,
            "VBG" => Tag::Vbg,
            "VBN" => Tag::Vbn,
            "VBP" => Tag::Vbp,
            "VBZ" => Tag::Vbz,
            "MD" => Tag::Md,
            "NN" => Tag::Nn,
            "NNS" => Tag::Nns,
            "NNP" => Tag::Nnp,
            "NNPS" => Tag::Nnps,
            "PRP" => Tag::Prp,
            "PRP$" => Tag::PrpS,
            "WP" | "WP$" => Tag::Wp,
            "WDT" => Tag::Wdt,
            "IN" => Tag::In,
            "TO" => Tag::To,
            "RB" | "RBR" | "RBS" => Tag::Rb,
            "JJ" | "JJR" | "JJS" => Tag::Jj,
            "DT" | "PDT" => Tag::Dt,
            "CC" => Tag::Cc,
            "CD" => Tag::Cd,
            "POS" => Tag::Pos,
            "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP" => Tag::Punct,
            _ => Tag::Other,
        }
    }

    /// A verb tag (not a modal).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz
        )
    }

    /// A noun tag.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Nnps)
    }
}

/// One token of a [`Sentence`].
#[derive(Debug, Clone)]
pub struct Tok {
    /// Head (local index; a root is its own head).
    pub head: usize,
    /// Dependency label.
    pub dep: Dep,
    /// Universal POS.
    pub pos: Option<Pos>,
    /// Fine tag.
    pub tag: Tag,
    /// Byte span in the parsed text.
    pub span: Span,
    /// Key id of the lower-case form (the first key when the token has several).
    pub lower: WordId,
    /// Key id of the lemma.
    pub lemma: WordId,
    /// Keys of this token in [`Sentence::keys`]: `key_start..key_end`.
    pub key_start: u32,
    /// One past the last key.
    pub key_end: u32,
}

/// A sentence prepared for coding.
#[derive(Debug, Clone, Default)]
pub struct Sentence<'a> {
    /// The parsed text.
    pub text: &'a str,
    /// Index of the first token in the parse.
    pub base: usize,
    /// The tokens.
    pub toks: Vec<Tok>,
    /// Lexicon keys of the tokens.
    pub keys: KeySeq,
    child_start: Vec<u32>,
    child_list: Vec<u32>,
    /// Pre-order entry time of each token (subtree test).
    tin: Vec<u32>,
    /// One past the last pre-order time in the token's subtree.
    tout: Vec<u32>,
    /// Token of each key.
    key_tok: Vec<u32>,
}

impl<'a> Sentence<'a> {
    /// Prepares tokens `range` of `parse` (of `text`). Out-of-range bounds are clamped.
    pub fn new(
        text: &'a str,
        parse: &'a Parse,
        range: std::ops::Range<usize>,
        index: &LexiconIndex,
    ) -> Sentence<'a> {
        let end = range.end.min(parse.len());
        let start = range.start.min(end);
        let n = end - start;
        let mut toks = Vec::with_capacity(n);
        for i in start..end {
            let Some(t) = parse.token(i) else { continue };
            let head = t.head();
            let local_head = if (start..end).contains(&head) {
                head - start
            } else {
                i - start
            };
            let tag = Tag::from_tag(t.tag());
            // Lemmas are looked up for verbs only (they find verb entries); the lower-case
            // form comes from the token's key below.
            let lemma = if tag.is_verb() || t.pos() == Some(Pos::Verb) {
                index.word_id(t.lemma())
            } else {
                WordId::UNKNOWN
            };
            toks.push(Tok {
                head: local_head,
                dep: if local_head == i - start {
                    Dep::Root
                } else {
                    Dep::from_label(t.dep())
                },
                pos: t.pos(),
                tag,
                span: t.span(),
                lower: WordId::UNKNOWN,
                lemma,
                key_start: 0,
                key_end: 0,
            });
        }
        // Keys of each token; an underscore inside a token separates words, as it does in
        // the dictionaries ("Dol_Amroth" is "Dol Amroth").
        let mut pieces: Vec<&str> = Vec::with_capacity(toks.len());
        let mut piece_tok: Vec<u32> = Vec::with_capacity(toks.len());
        for (i, t) in toks.iter().enumerate() {
            let w = t.span.slice(text).unwrap_or("");
            if w.contains('_') && w.chars().any(|c| c != '_') {
                for p in w.split('_').filter(|p| !p.is_empty()) {
                    pieces.push(p);
                    piece_tok.push(i as u32);
                }
            } else {
                pieces.push(w);
                piece_tok.push(i as u32);
            }
        }
        let keys = index.keys(pieces.iter().copied());
        let mut key_tok = Vec::with_capacity(keys.len());
        for k in 0..keys.len() {
            let piece = keys.token(k).unwrap_or(0) as usize;
            key_tok.push(piece_tok.get(piece).copied().unwrap_or(0));
        }
        for (k, &t) in key_tok.iter().enumerate() {
            if let Some(tok) = toks.get_mut(t as usize) {
                if tok.key_end == 0 {
                    tok.key_start = k as u32;
                }
                tok.key_end = k as u32 + 1;
            }
        }
        // The lower-case form of a one-key token is its key; others are looked up whole.
        for tok in toks.iter_mut() {
            tok.lower = if tok.key_end == tok.key_start + 1 {
                keys.ids()
                    .get(tok.key_start as usize)
                    .copied()
                    .unwrap_or(WordId::UNKNOWN)
            } else {
                index.word_id(tok.span.slice(text).unwrap_or(""))
            };
        }
        // Tokens without keys: an empty range at the next key.
        let mut next = keys.len() as u32;
        for tok in toks.iter_mut().rev() {
            if tok.key_end == 0 {
                tok.key_start = next;
                tok.key_end = next;
            } else {
                next = tok.key_start;
            }
        }
        let mut s = Sentence {
            text,
            base: start,
            toks,
            keys,
            child_start: Vec::new(),
            child_list: Vec::new(),
            tin: Vec::new(),
            tout: Vec::new(),
            key_tok,
        };
        s.sanitize();
        s.index_tree();
        s
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Breaks cycles: a token whose head chain does not reach a root within `n` steps becomes
    /// a root.
    fn sanitize(&mut self) {
        let n = self.toks.len();
        // 0 = unknown, 1 = in progress, 2 = reaches a root.
        let mut state = vec![0u8; n];
        let mut path = Vec::new();
        for start in 0..n {
            path.clear();
            let mut x = start;
            loop {
                if state[x] == 2 {
                    break;
                }
                if state[x] == 1 {
                    // A cycle through x: cut it at x.
                    self.toks[x].head = x;
                    self.toks[x].dep = Dep::Root;
                    break;
                }
                state[x] = 1;
                path.push(x);
                let h = self.toks[x].head;
                if h == x {
                    break;
                }
                x = h;
            }
            for &p in &path {
                state[p] = 2;
            }
        }
    }

    fn index_tree(&mut self) {
        let n = self.toks.len();
        let mut counts = vec![0u32; n + 1];
        for (i, t) in self.toks.iter().enumerate() {
            if t.head != i {
                counts[t.head] += 1;
            }
        }
        let mut start = vec![0u32; n + 1];
        for i in 0..n {
            start[i + 1] = start[i] + counts[i];
        }
        let mut fill = start.clone();
        let mut list = vec![0u32; start[n] as usize];
        for (i, t) in self.toks.iter().enumerate() {
            if t.head != i {
                list[fill[t.head] as usize] = i as u32;
                fill[t.head] += 1;
            }
        }
        self.child_start = start;
        self.child_list = list;
        // Pre-order numbering from each root, iteratively.
        let mut tin = vec![0u32; n];
        let mut tout = vec![0u32; n];
        let mut clock = 0u32;
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for r in 0..n {
            if self.toks[r].head != r {
                continue;
            }
            stack.push((r, 0));
            tin[r] = clock;
            clock += 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let kids = self.children(node);
                if let Some(&c) = kids.get(*next) {
                    *next += 1;
                    let c = c as usize;
                    tin[c] = clock;
                    clock += 1;
                    stack.push((c, 0));
                } else {
                    tout[node] = clock;
                    stack.pop();
                }
            }
        }
        self.tin = tin;
        self.tout = tout;
    }

    /// The children of token `i`, in sentence order.
    pub fn children(&self, i: usize) -> &[u32] {
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.child_list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The first child of `i` with label `dep`.
    pub fn child(&self, i: usize, dep: Dep) -> Option<usize> {
        self.children(i)
            .iter()
            .map(|&c| c as usize)
            .find(|&c| self.toks[c].dep == dep)
    }

    /// Whether `y` is in the subtree of `x` (`x` included).
    pub fn in_subtree(&self, x: usize, y: usize) -> bool {
        match (self.tin.get(x), self.tout.get(x), self.tin.get(y)) {
            (Some(&a), Some(&b), Some(&t)) => a <= t && t < b,
            _ => false,
        }
    }

    /// The head of `i`, or `None` for a root.
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.toks.get(i)?.head;
        (h != i).then_some(h)
    }

    /// The token's text.
    pub fn word(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| t.span.slice(self.text))
            .unwrap_or("")
    }

    /// The token of key `k`.
    pub fn key_token(&self, k: usize) -> usize {
        self.key_tok.get(k).map_or(0, |&t| t as usize)
    }

    /// Whether token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.tag == Tag::Punct || t.pos == Some(Pos::Punct) || t.dep == Dep::Punct
        })
    }

    /// The byte span of tokens `a..b` (empty if `a >= b`).
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// The text of tokens `a..b`.
    pub fn text_of(&self, a: usize, b: usize) -> &'a str {
        self.span_of(a, b).slice(self.text).unwrap_or("")
    }

    /// Whether the token is a finite or non-finite verb form or a modal by its tag, or a verb by
    /// its POS.
    pub fn is_verbal(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.tag.is_verb() || matches!(t.pos, Some(Pos::Verb)))
    }

    /// Whether the token can head a noun phrase.
    pub fn is_nominal(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.tag.is_noun()
                || matches!(
                    t.pos,
                    Some(Pos::Noun | Pos::Propn | Pos::Pron | Pos::Num | Pos::X)
                )
                || matches!(t.tag, Tag::Prp | Tag::Cd)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse_conllu;

    fn index() -> LexiconIndex {
        LexiconIndex::new(dyad_lexicon::Lexicon::default())
    }

    #[test]
    fn tree_is_indexed() {
        let (text, parse) = parse_conllu(
            "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
             2\tattacked\tattack\tVERB\tVBD\t_\t0\tROOT\t_\t_\n\
             3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tdobj\t_\tSpaceAfter=No\n\
             4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
        )
        .unwrap();
        let idx = index();
        let s = Sentence::new(&text, &parse, 0..parse.len(), &idx);
        assert_eq!(s.len(), 4);
        assert_eq!(s.children(1), &[0, 2, 3]);
        assert!(s.in_subtree(1, 2) && !s.in_subtree(2, 1));
        assert_eq!(s.toks[0].dep, Dep::Nsubj);
        assert_eq!(s.word(2), "Gondor");
        assert_eq!(s.text_of(0, 3), "Arnor attacked Gondor");
    }

    #[test]
    fn cycles_and_outside_heads_become_roots() {
        let (text, parse) = parse_conllu(
            "1\ta\ta\tX\tXX\t_\t2\tdep\t_\t_\n\
             2\tb\tb\tX\tXX\t_\t1\tdep\t_\t_\n\
             3\tc\tc\tX\tXX\t_\t9\tdep\t_\t_\n",
        )
        .unwrap();
        let idx = index();
        let s = Sentence::new(&text, &parse, 0..3, &idx);
        let roots = (0..3).filter(|&i| s.head(i).is_none()).count();
        assert!(roots >= 2);
        for i in 0..3 {
            // Every token reaches a root.
            let mut x = i;
            for _ in 0..4 {
                x = s.toks[x].head;
            }
            assert_eq!(s.toks[x].head, x);
        }
    }
}
