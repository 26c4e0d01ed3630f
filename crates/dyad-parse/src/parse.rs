//! The whole `en_core_web_sm` pipeline after the tokenizer — tok2vec → tagger → parser →
//! attribute_ruler → lemmatizer → ner — as one [`Parser`], and its result, the [`Parse`] layer.
//!
//! ```no_run
//! use dyad_parse::model::ModelPaths;
//! use dyad_parse::parse::{InputToken, Parser};
//! let parser = Parser::load(&ModelPaths::locate(None)?)?;
//! let text = "Nixon met Mao.";
//! let toks = [(0, 5, true), (6, 9, true), (10, 13, false), (13, 14, false)]
//!     .map(|(s, e, ws)| InputToken::new(s, e, ws));
//! let parse = parser.parse(text, &toks)?;
//! assert_eq!(parse.token(1).map(|t| t.dep()), Some("ROOT"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

use dyad_doc::Span;
pub use dyad_doc::parse::{EntIob, Entity, EntityRecord, Parse, Token, TokenRecord};
use dyad_tokenizer::{Tokenizer, TokenizerRules};

use crate::arc_eager::{self, ArcEager, ArcState};
use crate::attribute_ruler::{AttributeRuler, MatchToken};
use crate::lemmatizer::Lemmatizer;
use crate::lex_attrs::{Attr, LexAttrs, TokenInput, is_space};
use crate::model::{Model, ModelError, ModelPaths, load};
use crate::ner::{self, Biluo, DocFacts, NerState};
use crate::parser_model::{ParserModel, Precomputed};
use crate::tagger::Tagger;
use crate::tok2vec::{Tok2Vec, Tok2VecScratch};
use crate::tree::{Edges, deprojectivize};
use crate::vocab::Labels;

/// One token handed to the parser: its byte span in the text, whether a single space follows it
/// (spaCy's `whitespace_`), and the norm a tokenizer exception gave it (e.g. `"not"` for `n't`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputToken<'a> {
    /// Byte span in the text.
    pub span: Span,
    /// A space follows the token and belongs to it.
    pub whitespace: bool,
    /// The tokenizer exception's norm, if any.
    pub norm: Option<&'a str>,
}

impl InputToken<'static> {
    /// A token over bytes `start..end` without an exception norm.
    pub fn new(start: usize, end: usize, whitespace: bool) -> InputToken<'static> {
        InputToken {
            span: Span::new(start, end),
            whitespace,
            norm: None,
        }
    }
}

/// One document for [`Parser::parse_batch`]: its text and its tokens.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens, in order.
    pub tokens: &'a [InputToken<'a>],
}

/// Documents parsed together hold at most this many tokens (one longer document is parsed alone):
/// enough rows for the matrix products to run at full speed, few enough to keep the precomputed
/// parser table (4 KB a token) small.
const BATCH_TOKENS: usize = 2048;

/// An input the parser cannot work on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// A token's span is outside the text or not on character boundaries.
    #[error("token {index} has span {start}..{end}, which is not a piece of the {len}-byte text")]
    BadSpan {
        /// Token index.
        index: usize,
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// Length of the text.
        len: usize,
    },
}

/// Reusable buffers for [`Parser::parse_with`]; one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    t2v: Tok2VecScratch,
    ids: Vec<u64>,
    ner_ids: Vec<u64>,
    arcs: Vec<ArcState>,
    ners: Vec<NerState>,
    edges: Edges,
    decode: DecodeBufs,
    parser_pre: Precomputed,
    ner_pre: Precomputed,
    trace: Option<(Vec<TraceStep>, Vec<TraceStep>)>,
}

/// One transition taken, for debugging ([`Parser::trace`]).
#[doc(hidden)]
#[derive(Debug, Clone, Default)]
pub struct TraceStep {
    /// Feature token indices.
    pub ids: Vec<i32>,
    /// Class scores.
    pub scores: Vec<f32>,
    /// The class taken.
    pub class: Option<usize>,
}

/// The loaded pipeline; immutable, `Send + Sync`, shared by all threads.
#[derive(Debug, Clone)]
pub struct Parser {
    lex: LexAttrs,
    attrs: Vec<Attr>,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    /// Tagger class → label id.
    tag_ids: Vec<u32>,
    parser_net: ParserModel,
    arc_eager: ArcEager,
    /// Per label id: (plain label, head label) for a decorated (`a||b`) label.
    decorations: Vec<Option<(u32, u32)>>,
    root: u32,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
    ner_attrs: Vec<Attr>,
    /// Where each NER attribute sits among `attrs`, when all do.
    ner_cols: Option<Vec<usize>>,
    ner_tok2vec: Tok2Vec,
    ner_net: ParserModel,
    biluo: Biluo,
    labels: Arc<Labels>,
    ner_on: bool,
    tokenizer: Arc<Tokenizer>,
}

fn attrs_of(names: &[String]) -> Result<Vec<Attr>, ModelError> {
    names
        .iter()
        .map(|a| {
            Attr::from_name(a).ok_or_else(|| ModelError::CacheCorrupt {
                path: "model.json".into(),
                detail: format!("unknown lexical attribute {a}"),
            })
        })
        .collect()
}

fn read(path: std::path::PathBuf) -> Result<Vec<u8>, ModelError> {
    std::fs::read(&path).map_err(|e| ModelError::CacheCorrupt {
        path,
        detail: e.to_string(),
    })
}

impl Parser {
    /// Load the installed model (see [`crate::model::install`]).
    pub fn load(paths: &ModelPaths) -> Result<Parser, ModelError> {
        let model = load(paths)?;
        let tokenizer_path = paths.tokenizer_json();
        let rules = std::str::from_utf8(&read(tokenizer_path.clone())?)
            .map_err(|e| e.to_string())
            .and_then(|text| TokenizerRules::from_json(text).map_err(|e| e.to_string()))
            .and_then(|rules| Tokenizer::from_rules(&rules).map_err(|e| e.to_string()))
            .map_err(|detail| ModelError::CacheCorrupt {
                path: tokenizer_path,
                detail,
            })?;
        Parser::from_parts(
            &model,
            rules,
            LexAttrs::load(paths)?,
            &read(paths.attribute_ruler_json())?,
            &read(paths.lemmatizer_json())?,
        )
    }

    /// Build from a loaded model, its tokenizer, its NORM table and the JSON of the attribute
    /// ruler's patterns and of the lemmatizer's tables.
    pub fn from_parts(
        model: &Model,
        tokenizer: Tokenizer,
        lex: LexAttrs,
        ruler_json: &[u8],
        lemmatizer_json: &[u8],
    ) -> Result<Parser, ModelError> {
        let meta = &model.meta;
        let corrupt = |detail: String| ModelError::CacheCorrupt {
            path: "model.json".into(),
            detail,
        };
        let mut labels = Labels::default();
        let tag_ids = meta
            .tagger
            .labels
            .iter()
            .map(|t| labels.intern(t))
            .collect();
        let root = labels.intern("ROOT");
        let arc_eager = ArcEager::new(&meta.parser.actions, |l| labels.intern(l))?;
        let biluo = Biluo::new(&meta.ner.actions, |l| labels.intern(l))?;
        // Decorated labels and their parts.
        let decorated: Vec<(u32, u32, u32)> = meta
            .parser
            .actions
            .iter()
            .filter_map(|a| a.label.split_once("||").map(|(p, h)| (&a.label, p, h)))
            .map(|(full, p, h)| (labels.intern(full), labels.intern(p), labels.intern(h)))
            .collect();
        let ruler = AttributeRuler::from_json(ruler_json, &mut labels)?;
        let lemmatizer = Lemmatizer::from_json(lemmatizer_json)?;
        let mut decorations = vec![None; labels.len()];
        for (full, p, h) in decorated {
            if let Some(d) = decorations.get_mut(full as usize) {
                *d = Some((p, h));
            }
        }

        let tok2vec = Tok2Vec::new(model, "tok2vec", &meta.tok2vec)?;
        let attrs = attrs_of(&meta.tok2vec.attrs)?;
        let tagger = Tagger::new(model)?;
        let parser_net = ParserModel::new(model, "parser", &meta.parser, tok2vec.width())?;
        if meta.parser.n_features != arc_eager::N_FEATURES
            || parser_net.n_classes() != arc_eager.n_classes()
        {
            return Err(corrupt(format!(
                "parser: {} features and {} classes; the arc-eager system has {} and {}",
                meta.parser.n_features,
                parser_net.n_classes(),
                arc_eager::N_FEATURES,
                arc_eager.n_classes()
            )));
        }
        let ner_cfg = meta
            .ner
            .tok2vec
            .as_ref()
            .ok_or_else(|| corrupt("ner has no tok2vec".into()))?;
        let ner_tok2vec = Tok2Vec::new(model, "ner.tok2vec", ner_cfg)?;
        let ner_attrs = attrs_of(&ner_cfg.attrs)?;
        let ner_cols = ner_attrs
            .iter()
            .map(|a| attrs.iter().position(|b| b == a))
            .collect();
        let ner_net = ParserModel::new(model, "ner", &meta.ner, ner_tok2vec.width())?;
        if meta.ner.n_features != ner::N_FEATURES || ner_net.n_classes() != biluo.n_classes() {
            return Err(corrupt(format!(
                "ner: {} features and {} classes; the BILUO system has {} and {}",
                meta.ner.n_features,
                ner_net.n_classes(),
                ner::N_FEATURES,
                biluo.n_classes()
            )));
        }
        Ok(Parser {
            lex,
            attrs,
            tok2vec,
            tagger,
            tag_ids,
            parser_net,
            arc_eager,
            decorations,
            root,
            ruler,
            lemmatizer,
            ner_attrs,
            ner_cols,
            ner_tok2vec,
            ner_net,
            biluo,
            labels: Arc::new(labels),
            ner_on: true,
            tokenizer: Arc::new(tokenizer),
        })
    }

    /// Switch the entity recogniser on or off (on by default). Off, tokens have
    /// [`EntIob::Missing`] and no entity type, and a parse is about 40 % faster.
    pub fn set_ner(&mut self, on: bool) {
        self.ner_on = on;
    }

    /// Whether the entity recogniser runs.
    pub fn ner(&self) -> bool {
        self.ner_on
    }

    /// The multiply-adds the networks need per token, counted as spaCy computes them (every
    /// matrix product of tok2vec, tagger, parser and, when on, the entity recogniser; two parser
    /// transitions and one NER transition per token). Divided by the time a parse takes, this is
    /// the effective rate to compare with [`crate::gemm_peak`]. (dyad skips the embedding-mixing
    /// products by precomputing them, so its real count is about a quarter lower.)
    pub fn multiply_adds_per_token(&self) -> u64 {
        let shared = self.tok2vec.multiply_adds_per_token()
            + self.tagger.multiply_adds_per_token()
            + self.parser_net.multiply_adds_per_token(2);
        if self.ner_on {
            shared
                + self.ner_tok2vec.multiply_adds_per_token()
                + self.ner_net.multiply_adds_per_token(1)
        } else {
            shared
        }
    }

    /// The model's tokenizer (spaCy's rules, ported in `dyad-tokenizer`).
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// `text` cut into tokens by the model's tokenizer, ready for [`Parser::parse`]; the norms
    /// that tokenizer exceptions set are borrowed from the parser.
    pub fn tokenize(&self, text: &str) -> Vec<InputToken<'_>> {
        self.tokenizer
            .tokenize(text)
            .iter()
            .map(|t| InputToken {
                span: Span::new(t.start, t.end),
                whitespace: t.whitespace,
                norm: t.exc_norm.map(|n| self.tokenizer.exc_norm(n)),
            })
            .collect()
    }

    /// Tokenise and parse `text` as spaCy's `nlp(text)` does: the parser decides the sentences.
    pub fn parse_text(&self, text: &str) -> Result<Parse, ParseError> {
        let tokens = self.tokenize(text);
        self.parse(text, &tokens)
    }

    /// [`Parser::parse_text`] for several texts at once (faster than one by one); results in
    /// input order.
    pub fn parse_texts(&self, texts: &[&str], s: &mut Scratch) -> Vec<Result<Parse, ParseError>> {
        let tokens: Vec<Vec<InputToken<'_>>> = texts.iter().map(|t| self.tokenize(t)).collect();
        let docs: Vec<DocInput<'_>> = texts
            .iter()
            .zip(&tokens)
            .map(|(text, tokens)| DocInput { text, tokens })
            .collect();
        self.parse_batch(&docs, s)
    }

    /// Parse `text` cut into `tokens` (as spaCy's tokenizer cuts it, for results equal to spaCy's).
    pub fn parse(&self, text: &str, tokens: &[InputToken<'_>]) -> Result<Parse, ParseError> {
        self.parse_with(text, tokens, &mut Scratch::default())
    }

    /// [`Parser::parse`] with reusable buffers.
    pub fn parse_with(
        &self,
        text: &str,
        tokens: &[InputToken<'_>],
        s: &mut Scratch,
    ) -> Result<Parse, ParseError> {
        let mut out = self.parse_batch(&[DocInput { text, tokens }], s);
        // One document in, one result out.
        out.pop().unwrap_or_else(|| Ok(self.empty_parse()))
    }

    /// Parse several documents; the results are in input order and each is what
    /// [`Parser::parse`] gives for it alone. The networks run over many documents at once, which is
    /// much faster than one by one.
    pub fn parse_batch(
        &self,
        docs: &[DocInput<'_>],
        s: &mut Scratch,
    ) -> Vec<Result<Parse, ParseError>> {
        let mut out = Vec::with_capacity(docs.len());
        let mut i = 0;
        while i < docs.len() {
            let mut j = i;
            let mut tokens = 0;
            while let Some(d) = docs.get(j) {
                if j > i && tokens + d.tokens.len() > BATCH_TOKENS {
                    break;
                }
                tokens += d.tokens.len();
                j += 1;
            }
            self.parse_chunk(docs.get(i..j).unwrap_or_default(), s, &mut out);
            i = j;
        }
        out
    }

    fn empty_parse(&self) -> Parse {
        Parse::new(Vec::new(), Vec::new(), Vec::new(), Arc::clone(&self.labels))
    }

    /// Parse a chunk of documents whose networks run together.
    fn parse_chunk(
        &self,
        docs: &[DocInput<'_>],
        s: &mut Scratch,
        out: &mut Vec<Result<Parse, ParseError>>,
    ) {
        // Token texts; a document with a bad span is an error and leaves the batch.
        let mut texts: Vec<&str> = Vec::new();
        let mut inputs: Vec<TokenInput<'_>> = Vec::new();
        let mut lens = Vec::with_capacity(docs.len());
        let mut results: Vec<Option<Result<Parse, ParseError>>> = Vec::with_capacity(docs.len());
        for d in docs {
            match token_texts(d) {
                Ok(tt) => {
                    for (t, &text) in d.tokens.iter().zip(&tt) {
                        inputs.push(TokenInput {
                            text,
                            norm: t.norm,
                            spacy: t.whitespace,
                        });
                    }
                    lens.push(tt.len());
                    texts.extend(tt);
                    results.push(None);
                }
                Err(e) => results.push(Some(Err(e))),
            }
        }
        let spaces: Vec<bool> = texts.iter().map(|t| is_space(t)).collect();

        // tok2vec, tagger, parser network: all documents at once.
        s.ids.clear();
        self.lex.ids(&inputs, &self.attrs, &mut s.ids);
        let x = self.tok2vec.forward_batch(&s.ids, &lens, &mut s.t2v);
        let tags: Vec<u32> = self
            .tagger
            .predict(&x)
            .into_iter()
            .map(|k| self.tag_ids.get(k).copied().unwrap_or(0))
            .collect();
        let mut pre = std::mem::take(&mut s.parser_pre);
        self.parser_net.precompute_into(&x, &mut pre);
        drop(x);

        // Parser transitions: all documents' states advance together.
        let offsets: Vec<usize> = lens
            .iter()
            .scan(0, |acc, &n| {
                let o = *acc;
                *acc += n;
                Some(o)
            })
            .collect();
        let mut trace = s.trace.take();
        let mut arcs = std::mem::take(&mut s.arcs);
        arcs.resize_with(lens.len(), ArcState::default);
        for (st, &n) in arcs.iter_mut().zip(&lens) {
            st.reset(n);
        }
        // Arc-eager needs about 2n moves; the cap only guards against a loop that spaCy would not
        // leave either.
        let mut budgets: Vec<usize> = lens.iter().map(|&n| 10 * n + 10).collect();
        decode(
            &self.parser_net,
            &pre,
            &offsets,
            arc_eager::N_FEATURES,
            &mut arcs,
            |st, out| {
                let mut f = [0; arc_eager::N_FEATURES];
                st.features(&mut f);
                out.copy_from_slice(&f);
            },
            ArcState::is_final,
            |d, st, feats, scores| {
                let best = self.arc_eager.best_valid(st, scores);
                if let Some((steps, _)) = &mut trace {
                    steps.push(TraceStep {
                        ids: feats.to_vec(),
                        scores: scores.to_vec(),
                        class: best,
                    });
                }
                match (best, budgets.get_mut(d)) {
                    (Some(c), Some(b)) if *b > 0 => {
                        *b -= 1;
                        self.arc_eager.apply(st, c);
                    }
                    _ => st.force_final(),
                }
            },
            &mut s.decode,
        );
        s.parser_pre = pre;

        // Per document: tree, attribute ruler, lemmatizer.
        let mut work: Vec<(Vec<TokenRecord>, Vec<bool>)> = Vec::with_capacity(lens.len());
        let mut valid = docs
            .iter()
            .zip(&results)
            .filter(|(_, r)| r.is_none())
            .map(|(d, _)| d);
        for ((&n, &offset), st) in lens.iter().zip(&offsets).zip(&arcs) {
            let Some(doc) = valid.next() else { break };
            let range = offset..offset + n;
            let (mut heads, mut deps) = self.tree(st);
            let doc_spaces = spaces.get(range.clone()).unwrap_or_default();
            s.edges.compute(&heads);
            deprojectivize(&mut heads, &mut deps, doc_spaces, &mut s.edges, |d| {
                self.decorations.get(d as usize).copied().flatten()
            });
            let recs = self.annotate(
                doc,
                texts.get(range.clone()).unwrap_or_default(),
                tags.get(range).unwrap_or_default(),
                doc_spaces,
                &heads,
                &deps,
            );
            work.push((recs, s.edges.sent_start.clone()));
        }
        s.arcs = arcs;

        // Entity recogniser: its own vectors, all documents at once.
        let mut ents: Vec<Vec<EntityRecord>> = vec![Vec::new(); work.len()];
        if self.ner_on {
            self.fill_ner_ids(&inputs, s);
            let x = self
                .ner_tok2vec
                .forward_batch(&s.ner_ids, &lens, &mut s.t2v);
            let mut pre = std::mem::take(&mut s.ner_pre);
            self.ner_net.precompute_into(&x, &mut pre);
            let facts: Vec<DocFacts<'_>> = work
                .iter()
                .zip(&offsets)
                .map(|((recs, sent_start), &o)| DocFacts {
                    sent_start,
                    is_space: spaces.get(o..o + recs.len()).unwrap_or_default(),
                })
                .collect();
            let mut ners = std::mem::take(&mut s.ners);
            ners.resize_with(work.len(), NerState::default);
            for (st, f) in ners.iter_mut().zip(&facts) {
                st.reset(f.is_space.len());
            }
            decode(
                &self.ner_net,
                &pre,
                &offsets,
                ner::N_FEATURES,
                &mut ners,
                |st, out| {
                    let mut f = [0; ner::N_FEATURES];
                    st.features(&mut f);
                    out.copy_from_slice(&f);
                },
                NerState::is_final,
                |d, st, feats, scores| {
                    let best = facts
                        .get(d)
                        .and_then(|f| self.biluo.best_valid(st, f, scores));
                    if let Some((_, steps)) = &mut trace {
                        steps.push(TraceStep {
                            ids: feats.to_vec(),
                            scores: scores.to_vec(),
                            class: best,
                        });
                    }
                    match best {
                        Some(c) => self.biluo.apply(st, c),
                        None => st.force_final(),
                    }
                },
                &mut s.decode,
            );
            drop(facts);
            for (((recs, _), doc_ents), st) in work.iter_mut().zip(&mut ents).zip(&ners) {
                for r in recs.iter_mut() {
                    r.ent_iob = EntIob::O;
                }
                for e in st.entities() {
                    for (k, r) in recs.iter_mut().enumerate().take(e.end).skip(e.start) {
                        r.ent_iob = if k == e.start { EntIob::B } else { EntIob::I };
                        r.ent_type = e.label;
                    }
                    doc_ents.push(EntityRecord {
                        start: e.start,
                        end: e.end,
                        label: e.label,
                    });
                }
            }
            s.ners = ners;
            s.ner_pre = pre;
        }
        s.trace = trace;

        let mut parses = work
            .into_iter()
            .zip(ents)
            .map(|((recs, sent_start), ents)| {
                let n = recs.len();
                let mut sents = Vec::new();
                let mut start = 0;
                for i in 1..n {
                    if sent_start.get(i).copied().unwrap_or(false) {
                        sents.push(start..i);
                        start = i;
                    }
                }
                if n > 0 {
                    sents.push(start..n);
                }
                Parse::new(recs, sents, ents, Arc::clone(&self.labels))
            });
        for r in results {
            out.push(match r {
                Some(err) => err,
                None => Ok(parses.next().unwrap_or_else(|| self.empty_parse())),
            });
        }
    }

    /// The tokens' records after the parser: tags, tree, attribute ruler, lemmas.
    fn annotate(
        &self,
        doc: &DocInput<'_>,
        texts: &[&str],
        tags: &[u32],
        spaces: &[bool],
        heads: &[usize],
        deps: &[u32],
    ) -> Vec<TokenRecord> {
        let lower: Vec<String> = texts.iter().map(|t| dyad_tokenizer::lower(t)).collect();
        let view: Vec<MatchToken<'_>> = texts
            .iter()
            .zip(&lower)
            .zip(tags.iter().zip(deps).zip(spaces))
            .map(|((&text, lower), ((&tag, &dep), &is_space))| MatchToken {
                text,
                lower,
                tag,
                dep,
                is_space,
            })
            .collect();
        let mut recs: Vec<TokenRecord> = doc
            .tokens
            .iter()
            .zip(tags.iter().zip(heads).zip(deps))
            .map(|(t, ((&tag, &head), &dep))| TokenRecord {
                span: t.span,
                whitespace: t.whitespace,
                tag,
                pos: None,
                morph: 0,
                lemma: String::new(),
                head,
                dep,
                ent_iob: EntIob::Missing,
                ent_type: 0,
            })
            .collect();
        let mut ruled_lemma = vec![false; recs.len()];
        self.ruler.apply(&view, |i, a| {
            let Some(r) = recs.get_mut(i) else { return };
            if let Some(p) = a.pos {
                r.pos = Some(p);
            }
            if let Some(m) = a.morph {
                r.morph = m;
            }
            if let Some(t) = a.tag {
                r.tag = t;
            }
            if let Some(d) = a.dep {
                r.dep = d;
            }
            if let (Some(l), Some(flag)) = (&a.lemma, ruled_lemma.get_mut(i)) {
                r.lemma.clone_from(l);
                *flag = true;
            }
        });
        for ((r, &ruled), &text) in recs.iter_mut().zip(&ruled_lemma).zip(texts) {
            if !ruled {
                r.lemma = self
                    .lemmatizer
                    .lemmatize(text, r.pos, self.labels.name(r.morph));
            }
        }
        recs
    }

    /// The transitions the parser and the entity recogniser take on `tokens`, with their feature
    /// tokens and scores (for comparing with spaCy's step dumps).
    #[doc(hidden)]
    pub fn trace(
        &self,
        text: &str,
        tokens: &[InputToken<'_>],
    ) -> Result<(Vec<TraceStep>, Vec<TraceStep>), ParseError> {
        let mut s = Scratch {
            trace: Some((Vec::new(), Vec::new())),
            ..Scratch::default()
        };
        self.parse_with(text, tokens, &mut s)?;
        Ok(s.trace.unwrap_or_default())
    }

    /// Heads (a root is its own head) and labels of a finished parser state, as spaCy's
    /// `set_annotations` writes them.
    fn tree(&self, st: &ArcState) -> (Vec<usize>, Vec<u32>) {
        let (h, l) = st.arcs();
        let heads = h
            .iter()
            .enumerate()
            .map(|(i, &h)| usize::try_from(h).unwrap_or(i))
            .collect();
        let deps = h
            .iter()
            .zip(l)
            .map(|(&h, &l)| if h >= 0 { l } else { self.root })
            .collect();
        (heads, deps)
    }

    /// NER's attribute ids for all tokens (taken from the shared ones when it reads a subset).
    fn fill_ner_ids(&self, inputs: &[TokenInput<'_>], s: &mut Scratch) {
        let ids = &mut s.ner_ids;
        ids.clear();
        match &self.ner_cols {
            Some(cols) => {
                let a = self.attrs.len().max(1);
                for tok in s.ids.chunks_exact(a) {
                    ids.extend(cols.iter().map(|&c| tok.get(c).copied().unwrap_or(0)));
                }
            }
            None => self.lex.ids(inputs, &self.ner_attrs, ids),
        }
    }
}

/// Buffers of [`decode`].
#[derive(Debug, Default)]
struct DecodeBufs {
    active: Vec<usize>,
    feats: Vec<i32>,
    unmaxed: Vec<f32>,
    hidden: Vec<f32>,
    scores: Vec<f32>,
}

/// Greedy decoding of many documents in lockstep: each round, every unfinished state's features
/// and hidden vector are computed, the class scores of all of them come from one matrix product,
/// and `step(doc, state, features, scores)` picks and applies each state's move. Document `d`'s
/// tokens start at `offsets[d]` in `pre`.
#[allow(clippy::too_many_arguments)]
fn decode<S>(
    net: &ParserModel,
    pre: &Precomputed,
    offsets: &[usize],
    n_feat: usize,
    states: &mut [S],
    features: impl Fn(&S, &mut [i32]),
    is_final: impl Fn(&S) -> bool,
    mut step: impl FnMut(usize, &mut S, &[i32], &[f32]),
    b: &mut DecodeBufs,
) {
    let (h, nc) = (net.hidden(), net.n_classes());
    b.active.clear();
    b.active
        .extend((0..states.len()).filter(|&d| states.get(d).is_some_and(|s| !is_final(s))));
    b.unmaxed.resize(h * net.pieces(), 0.0);
    while !b.active.is_empty() {
        let m = b.active.len();
        b.feats.resize(m * n_feat, -1);
        b.hidden.resize(m * h, 0.0);
        b.scores.resize(m * nc, 0.0);
        for ((&d, f), hid) in b
            .active
            .iter()
            .zip(b.feats.chunks_exact_mut(n_feat))
            .zip(b.hidden.chunks_exact_mut(h))
        {
            if let Some(st) = states.get(d) {
                features(st, f);
                let offset = offsets.get(d).copied().unwrap_or(usize::MAX / 2);
                net.hidden_state(pre, offset, f, &mut b.unmaxed, hid);
            }
        }
        net.upper(&b.hidden, m, &mut b.scores);
        for ((&d, f), sc) in b
            .active
            .iter()
            .zip(b.feats.chunks_exact(n_feat))
            .zip(b.scores.chunks_exact(nc))
        {
            if let Some(st) = states.get_mut(d) {
                step(d, st, f, sc);
            }
        }
        b.active
            .retain(|&d| states.get(d).is_some_and(|s| !is_final(s)));
    }
}

/// The texts of a document's tokens, or the error for the first bad span.
fn token_texts<'a>(d: &DocInput<'a>) -> Result<Vec<&'a str>, ParseError> {
    d.tokens
        .iter()
        .enumerate()
        .map(|(index, t)| {
            t.span
                .slice(d.text)
                .filter(|_| t.span.start <= t.span.end)
                .ok_or(ParseError::BadSpan {
                    index,
                    start: t.span.start,
                    end: t.span.end,
                    len: d.text.len(),
                })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Action, ModelMeta, Tensor, Tensors};
    use crate::vocab::Pos;

    fn actions(names: &[&str], moves: &str) -> Vec<Action> {
        names
            .iter()
            .map(|n| {
                let (m, l) = n.split_once('-').unwrap_or((n, ""));
                Action {
                    move_id: moves.find(m).unwrap() as u8,
                    label: l.to_owned(),
                    name: (*n).to_owned(),
                }
            })
            .collect()
    }

    /// A small pipeline with made-up weights: every part runs, nothing means anything.
    fn tiny_parser() -> Parser {
        let t2v = |attrs: &[&str]| {
            serde_json::json!({"width": 4, "attrs": attrs, "rows": vec![7; attrs.len()],
                "seeds": (0..attrs.len() as u32).map(|i| i + 8).collect::<Vec<_>>(),
                "embed_pieces": 2, "depth": 2, "window": 1, "pieces": 2})
        };
        let parser_actions = actions(
            &[
                "S",
                "D",
                "L-nsubj",
                "R-dobj",
                "R-punct",
                "R-pobj||dobj",
                "B-ROOT",
            ],
            "SDLRB",
        );
        // MISSING is move 0 ("M"); the BILUO moves follow.
        let ner_actions = actions(&["B-GPE", "I-GPE", "L-GPE", "U-GPE", "U", "O"], "MBILUO");
        let meta: ModelMeta = serde_json::from_value(serde_json::json!({
            "spacy_name": "tiny", "spacy_version": "0",
            "tok2vec": t2v(&["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]),
            "tagger": {"labels": ["NN", "VB", "."]},
            "parser": {"system": "arc_eager", "input_width": 3, "n_features": 8, "hidden": 2,
                       "pieces": 2, "actions": parser_actions, "tok2vec": null},
            "ner": {"system": "biluo", "input_width": 3, "n_features": 3, "hidden": 2,
                    "pieces": 2, "actions": ner_actions,
                    "tok2vec": t2v(&["NORM", "PREFIX", "SUFFIX", "SHAPE"])}
        }))
        .unwrap();
        let mut w = Tensors::default();
        let mut seed = 1u32;
        let mut put = |name: String, shape: Vec<usize>| {
            let n = shape.iter().product();
            let data = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 200) as f32 / 100.0 - 1.0
                })
                .collect();
            w.insert(name, Tensor::new(shape, data).unwrap());
        };
        for (c, n_attrs) in [("tok2vec", 6), ("ner.tok2vec", 4)] {
            for a in ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]
                .iter()
                .take(n_attrs)
            {
                put(format!("{c}.embed.{a}.E"), vec![7, 4]);
            }
            put(format!("{c}.embed.maxout.W"), vec![4, 2, 4 * n_attrs]);
            put(format!("{c}.embed.maxout.b"), vec![4, 2]);
            for k in 0..2 {
                put(format!("{c}.encode.{k}.maxout.W"), vec![4, 2, 12]);
                put(format!("{c}.encode.{k}.maxout.b"), vec![4, 2]);
            }
            for layer in ["embed".to_owned(), "encode.0".into(), "encode.1".into()] {
                put(format!("{c}.{layer}.norm.G"), vec![4]);
                put(format!("{c}.{layer}.norm.b"), vec![4]);
            }
        }
        put("tagger.W".into(), vec![3, 4]);
        put("tagger.b".into(), vec![3]);
        for (p, nf, nc) in [("parser", 8, 7), ("ner", 3, 6)] {
            put(format!("{p}.proj.W"), vec![3, 4]);
            put(format!("{p}.proj.b"), vec![3]);
            put(format!("{p}.lower.W"), vec![nf, 2, 2, 3]);
            put(format!("{p}.lower.b"), vec![2, 2]);
            put(format!("{p}.lower.pad"), vec![1, nf, 2, 2]);
            put(format!("{p}.upper.W"), vec![nc, 2]);
            put(format!("{p}.upper.b"), vec![nc]);
        }
        let ruler = br#"[
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}, "index": 0},
            {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB"}, "index": 0},
            {"patterns": [[{"TAG": "."}]], "attrs": {"POS": "PUNCT", "LEMMA": "."}, "index": 0}
        ]"#;
        let lemmas =
            br#"{"lemma_rules": {"verb": [["s", ""]]}, "lemma_index": {"verb": ["meet"]}}"#;
        let rules = TokenizerRules {
            prefix_search: None,
            suffix_search: Some(r"\.$".into()),
            infix_finditer: None,
            token_match: None,
            url_match: None,
            exceptions: Default::default(),
            faster_heuristics: true,
        };
        Parser::from_parts(
            &Model { meta, weights: w },
            Tokenizer::from_rules(&rules).unwrap(),
            LexAttrs::default(),
            ruler,
            lemmas,
        )
        .unwrap()
    }

    fn toks(text: &str) -> Vec<InputToken<'static>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c == ' ', start) {
                (true, Some(s)) => {
                    out.push(InputToken::new(s, i, i < text.len()));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn parser_is_shareable_between_threads() {
        fn check<T: Send + Sync>() {}
        check::<Parser>();
        check::<Parse>();
    }

    #[test]
    fn a_parse_is_well_formed_and_batches_change_nothing() {
        let parser = tiny_parser();
        let texts = [
            "officials meets in Geneva .",
            "",
            "a",
            "the talks resumed on Monday after weeks of delay .",
        ];
        let inputs: Vec<Vec<InputToken>> = texts.iter().map(|t| toks(t)).collect();
        let docs: Vec<DocInput> = texts
            .iter()
            .zip(&inputs)
            .map(|(text, tokens)| DocInput { text, tokens })
            .collect();
        let mut s = Scratch::default();
        let batch = parser.parse_batch(&docs, &mut s);
        for (d, p) in docs.iter().zip(&batch) {
            let p = p.as_ref().unwrap();
            let alone = parser.parse(d.text, d.tokens).unwrap();
            assert_eq!(p.to_json("x", d.text), alone.to_json("x", d.text));
            let n = p.len();
            assert_eq!(n, d.tokens.len());
            assert!(p.tokens().all(|t| t.head() < n));
            // Sentences tile the tokens.
            let covered: usize = p.sents().iter().map(|r| r.len()).sum();
            assert_eq!(covered, n);
            for t in p.tokens() {
                let pos = t.pos().map(Pos::as_str);
                match t.tag() {
                    "NN" => assert_eq!((pos, t.morph()), (Some("NOUN"), "Number=Sing")),
                    "." => assert_eq!((pos, t.lemma()), (Some("PUNCT"), ".")),
                    _ => assert_eq!(pos, Some("VERB")),
                }
                assert!(matches!(t.ent_iob(), EntIob::B | EntIob::I | EntIob::O));
                assert!(!t.dep().contains("||"), "decorated label left: {}", t.dep());
            }
        }
        // The JSON form: code-point offsets, keys in spaCy's order.
        let j: serde_json::Value =
            serde_json::from_str(&batch[0].as_ref().unwrap().to_json("r1", texts[0])).unwrap();
        assert_eq!(j["id"], "r1");
        assert_eq!(j["tokens"][1]["start"], 10);
        assert_eq!(j["tokens"][1]["text"], "meets");
        let empty = batch[1].as_ref().unwrap();
        assert!(empty.is_empty() && empty.sents().is_empty());
        assert_eq!(
            empty.to_json("e", ""),
            r#"{"id":"e","tokens":[],"sents":[],"ents":[]}"#
        );
    }

    #[test]
    fn parse_text_uses_the_model_tokenizer() {
        let parser = tiny_parser();
        let text = "Nixon met Mao.";
        let p = parser.parse_text(text).unwrap();
        let words: Vec<&str> = p.tokens().map(|t| t.text(text)).collect();
        assert_eq!(words, ["Nixon", "met", "Mao", "."]);
        let many = parser.parse_texts(&[text, "", "Mao met Nixon."], &mut Scratch::default());
        assert_eq!(many.len(), 3);
        assert_eq!(
            many[0].as_ref().unwrap().to_json("a", text),
            p.to_json("a", text)
        );
        assert!(many[1].as_ref().unwrap().is_empty());
    }

    #[test]
    fn ner_can_be_switched_off() {
        let mut parser = tiny_parser();
        parser.set_ner(false);
        assert!(!parser.ner());
        let text = "Mao met Nixon";
        let p = parser.parse(text, &toks(text)).unwrap();
        assert!(
            p.tokens()
                .all(|t| t.ent_iob() == EntIob::Missing && t.ent_type().is_empty())
        );
        assert_eq!(p.ents().len(), 0);
        let on = tiny_parser();
        assert!(on.multiply_adds_per_token() > parser.multiply_adds_per_token());
    }

    #[test]
    fn code_point_offsets_in_json() {
        let parser = tiny_parser();
        let text = "Zürich – Genève";
        let p = parser.parse(text, &toks(text)).unwrap();
        let j: serde_json::Value = serde_json::from_str(&p.to_json("u", text)).unwrap();
        let spans: Vec<(u64, u64)> = j["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
            .collect();
        assert_eq!(spans, [(0, 6), (7, 8), (9, 15)]);
    }
}
