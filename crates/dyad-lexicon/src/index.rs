//! The lexicon compiled for the coder: word ids, phrase tries, candidate verbs and patterns.
//!
//! [`LexiconIndex::new`] takes a [`Lexicon`] once (it owns it afterwards; the index is
//! immutable and `Send + Sync`). The coder turns each sentence's tokens into a [`KeySeq`]
//! ([`LexiconIndex::keys`]: one hash look-up per token, no allocation for plain tokens) and
//! asks:
//!
//! * [`ActorIndex::longest_at`] / [`ActorIndex::find_all`]: the longest actor name starting at a
//!   position (PETRARCH's rule), then [`LexiconIndex::resolve_actor`] for the code on the
//!   event's date;
//! * [`AgentIndex`], the same for role words;
//! * [`VerbIndex::candidates`]: the verbs whose lemma or form is the token's, compound verbs
//!   first; [`VerbIndex::patterns`]: the patterns of a verb's class, most specific first, in a
//!   compiled form ([`CompiledPattern`]) over word ids;
//! * [`PhraseIndex::find_all`] for discards and issues.
//!
//! Matching is on keys ([`crate::normalize::key`]): hyphens and periods are transparent, so
//! the dictionary's "AL-QAEDA" meets spaCy's `al - qaeda`, and "RICHARD_M._NIXON" meets both
//! `M.` and `M` `.`.
//!
//! Word ids are shared by every part of the index; a token whose key is in no entry gets
//! [`WordId::UNKNOWN`] and can match nothing.

use rustc_hash::FxHashMap;

use crate::model::{
    ActorId, AgentId, Attach, CodePeriod, DiscardLevel, Element, ElementKind, IssueKind, Lexicon,
    PatternId, SynsetId, VerbId,
};
use crate::normalize;

/// A key's id in the index's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordId(pub u32);

impl WordId {
    /// A key that no entry contains.
    pub const UNKNOWN: WordId = WordId(u32::MAX);
}

/// The keys of every phrase of the lexicon.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
}

impl Vocab {
    /// The id of a key (already normalised), if any entry has it.
    pub fn get(&self, key: &str) -> Option<WordId> {
        self.ids.get(key).copied()
    }

    /// The key of an id.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id.0 as usize).map_or("", |w| w)
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn intern(&mut self, key: &str) -> WordId {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = WordId(self.words.len() as u32);
        self.words.push(Box::from(key));
        self.ids.insert(Box::from(key), id);
        id
    }

    fn intern_words(&mut self, words: &[String]) -> Vec<WordId> {
        normalize::phrase_keys(words)
            .iter()
            .map(|k| self.intern(k))
            .collect()
    }
}

/// A sentence as the indexes see it: key ids, each with the token it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeySeq {
    ids: Vec<WordId>,
    tokens: Vec<u32>,
}

impl KeySeq {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The key ids.
    pub fn ids(&self) -> &[WordId] {
        &self.ids
    }

    /// The token index of key `k`.
    pub fn token(&self, k: usize) -> Option<u32> {
        self.tokens.get(k).copied()
    }

    /// The first key that came from token `t` or a later one (keys of hyphens are dropped, so a
    /// token may have none).
    pub fn key_of_token(&self, t: u32) -> usize {
        self.tokens.partition_point(|&x| x < t)
    }

    /// Empties the sequence, keeping its memory.
    pub fn clear(&mut self) {
        self.ids.clear();
        self.tokens.clear();
    }
}

/// A trie over key ids with a payload list at each node that ends a phrase.
#[derive(Debug, Clone)]
struct Trie<P> {
    edges: FxHashMap<(u32, WordId), u32>,
    payload: Vec<Vec<P>>,
}

impl<P: Copy + PartialEq> Trie<P> {
    fn new() -> Self {
        Trie {
            edges: FxHashMap::default(),
            payload: vec![Vec::new()],
        }
    }

    fn insert(&mut self, phrase: &[WordId], p: P) {
        if phrase.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &w in phrase {
            let next = self.payload.len() as u32;
            let n = *self.edges.entry((node, w)).or_insert(next);
            if n == next {
                self.payload.push(Vec::new());
            }
            node = n;
        }
        let list = &mut self.payload[node as usize];
        if !list.contains(&p) {
            list.push(p);
        }
    }

    /// The longest phrase starting at `pos`: (end key, payloads).
    fn longest_at(&self, ids: &[WordId], pos: usize) -> Option<(usize, &[P])> {
        let mut node = 0u32;
        let mut best = None;
        for (k, &w) in ids.iter().enumerate().skip(pos) {
            if w == WordId::UNKNOWN {
                break;
            }
            match self.edges.get(&(node, w)) {
                Some(&n) => {
                    node = n;
                    let p = &self.payload[n as usize];
                    if !p.is_empty() {
                        best = Some((k + 1, p.as_slice()));
                    }
                }
                None => break,
            }
        }
        best
    }

    /// Every phrase starting at `pos`, shortest first.
    fn all_at(&self, ids: &[WordId], pos: usize) -> Vec<(usize, &[P])> {
        let mut node = 0u32;
        let mut out = Vec::new();
        for (k, &w) in ids.iter().enumerate().skip(pos) {
            match self.edges.get(&(node, w)) {
                Some(&n) => {
                    node = n;
                    let p = &self.payload[n as usize];
                    if !p.is_empty() {
                        out.push((k + 1, p.as_slice()));
                    }
                }
                None => break,
            }
        }
        out
    }

    fn phrases(&self) -> usize {
        self.payload.iter().filter(|p| !p.is_empty()).count()
    }
}

/// A phrase found in a [`KeySeq`]: keys `start..end`, tokens `token_start..token_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<'a, P> {
    /// First key.
    pub start: usize,
    /// One past the last key.
    pub end: usize,
    /// First token.
    pub token_start: u32,
    /// One past the last token.
    pub token_end: u32,
    /// The entries with this phrase, in lexicon order.
    pub entries: &'a [P],
}

fn span<'a, P>(seq: &KeySeq, start: usize, end: usize, entries: &'a [P]) -> Span<'a, P> {
    Span {
        start,
        end,
        token_start: seq.token(start).unwrap_or(0),
        token_end: seq.token(end.saturating_sub(1)).map_or(0, |t| t + 1),
        entries,
    }
}

/// Longest-first, left-to-right, non-overlapping matches (how PETRARCH scans a phrase).
fn scan<'a, P: Copy + PartialEq>(trie: &'a Trie<P>, seq: &KeySeq) -> Vec<Span<'a, P>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < seq.len() {
        match trie.longest_at(&seq.ids, pos) {
            Some((end, p)) => {
                out.push(span(seq, pos, end, p));
                pos = end;
            }
            None => pos += 1,
        }
    }
    out
}

/// Actor names → actors. An entry is (actor, index of the name in [`crate::Actor::names`]).
#[derive(Debug, Clone)]
pub struct ActorIndex {
    trie: Trie<(ActorId, u32)>,
}

impl ActorIndex {
    /// The longest actor name starting at key `pos`.
    pub fn longest_at<'a>(&'a self, seq: &KeySeq, pos: usize) -> Option<Span<'a, (ActorId, u32)>> {
        self.trie
            .longest_at(&seq.ids, pos)
            .map(|(end, p)| span(seq, pos, end, p))
    }

    /// Every name starting at `pos`, shortest first.
    pub fn all_at<'a>(&'a self, seq: &KeySeq, pos: usize) -> Vec<Span<'a, (ActorId, u32)>> {
        self.trie
            .all_at(&seq.ids, pos)
            .into_iter()
            .map(|(end, p)| span(seq, pos, end, p))
            .collect()
    }

    /// Longest, non-overlapping names, left to right.
    pub fn find_all<'a>(&'a self, seq: &KeySeq) -> Vec<Span<'a, (ActorId, u32)>> {
        scan(&self.trie, seq)
    }

    /// Number of distinct names.
    pub fn len(&self) -> usize {
        self.trie.phrases()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Agent phrases (singular and plural) → agents.
#[derive(Debug, Clone)]
pub struct AgentIndex {
    trie: Trie<AgentId>,
}

impl AgentIndex {
    /// The longest agent phrase starting at key `pos`.
    pub fn longest_at<'a>(&'a self, seq: &KeySeq, pos: usize) -> Option<Span<'a, AgentId>> {
        self.trie
            .longest_at(&seq.ids, pos)
            .map(|(end, p)| span(seq, pos, end, p))
    }

    /// Longest, non-overlapping agent phrases, left to right.
    pub fn find_all<'a>(&'a self, seq: &KeySeq) -> Vec<Span<'a, AgentId>> {
        scan(&self.trie, seq)
    }
}

/// Discard or issue phrases → entry index (in [`Lexicon::discards`] / [`Lexicon::issues`]).
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    trie: Trie<u32>,
}

impl PhraseIndex {
    /// Longest, non-overlapping phrases, left to right.
    pub fn find_all<'a>(&'a self, seq: &KeySeq) -> Vec<Span<'a, u32>> {
        scan(&self.trie, seq)
    }

    /// Whether any phrase occurs.
    pub fn any(&self, seq: &KeySeq) -> bool {
        (0..seq.len()).any(|p| self.trie.longest_at(&seq.ids, p).is_some())
    }
}

/// A pattern element over word ids (words without a key, such as a hyphen, are dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pat {
    /// A literal word.
    Word(WordId),
    /// Any member of the synset ([`VerbIndex::synset_members`]).
    Synset(SynsetId),
    /// `$`.
    Source,
    /// `+`.
    Target,
    /// `%`.
    Compound,
    /// `^`.
    Skip,
    /// `{...}`: the last item is the head.
    NounPhrase(Vec<PatItem>),
    /// `(...)`: the first item is the preposition.
    Prep(Vec<PatItem>),
}

/// A compiled pattern element with its `_` adjacency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatItem {
    /// What it matches.
    pub pat: Pat,
    /// Adjacent to the element before it (or, first after the verb, to the verb).
    pub glued: bool,
}

/// A pattern over word ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledPattern {
    /// The pattern in the lexicon (code, origin, text).
    pub id: PatternId,
    /// Elements before the verb, in text order.
    pub before: Vec<PatItem>,
    /// Elements after the verb, in text order.
    pub after: Vec<PatItem>,
    /// The verb glued to the last element before it.
    pub verb_glued: bool,
    /// [`crate::Pattern::specificity`].
    pub specificity: u32,
}

/// A verb over word ids: the compound words it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledVerb {
    /// Words right before the head.
    pub before: Vec<WordId>,
    /// Words after the head (particles).
    pub after: Vec<WordId>,
}

/// Verbs by lemma and form; patterns by class, most specific first; synsets expanded.
#[derive(Debug, Clone)]
pub struct VerbIndex {
    by_lemma: FxHashMap<WordId, Vec<VerbId>>,
    by_form: FxHashMap<WordId, Vec<VerbId>>,
    verbs: Vec<CompiledVerb>,
    class_of: Vec<u32>,
    class_patterns: Vec<Vec<CompiledPattern>>,
    synsets: Vec<Vec<Vec<WordId>>>,
    synset_words: Vec<rustc_hash::FxHashSet<WordId>>,
}

impl VerbIndex {
    /// Verbs whose lemma is `lemma` or one of whose forms is `lower` (the token's spaCy lemma
    /// and lower-case text), lemma matches first, compound verbs before simple ones within each,
    /// no duplicates.
    pub fn candidates(&self, lemma: WordId, lower: WordId) -> Vec<VerbId> {
        let mut out: Vec<VerbId> = Vec::new();
        for list in [self.by_lemma.get(&lemma), self.by_form.get(&lower)]
            .into_iter()
            .flatten()
        {
            for &v in list {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out
    }

    /// Verbs with this lemma.
    pub fn by_lemma(&self, lemma: WordId) -> &[VerbId] {
        self.by_lemma.get(&lemma).map_or(&[], |v| v)
    }

    /// Verbs with this form.
    pub fn by_form(&self, form: WordId) -> &[VerbId] {
        self.by_form.get(&form).map_or(&[], |v| v)
    }

    /// The compound words a verb needs.
    pub fn verb(&self, v: VerbId) -> Option<&CompiledVerb> {
        self.verbs.get(v.0 as usize)
    }

    /// The patterns that apply to a verb (its class's), most specific first, then file order.
    pub fn patterns(&self, v: VerbId) -> &[CompiledPattern] {
        self.class_of
            .get(v.0 as usize)
            .and_then(|&c| self.class_patterns.get(c as usize))
            .map_or(&[], |p| p)
    }

    /// The members of a synset as key sequences (nested synsets expanded).
    pub fn synset_members(&self, s: SynsetId) -> &[Vec<WordId>] {
        self.synsets.get(s.0 as usize).map_or(&[], |m| m)
    }

    /// Whether a single word is a one-word member of the synset (the common case: a phrase head).
    pub fn synset_has_word(&self, s: SynsetId, w: WordId) -> bool {
        self.synset_words
            .get(s.0 as usize)
            .is_some_and(|set| set.contains(&w))
    }

    /// The longest member of the synset at key `pos`: its end.
    pub fn synset_at(&self, s: SynsetId, seq: &KeySeq, pos: usize) -> Option<usize> {
        self.synset_members(s)
            .iter()
            .filter(|m| !m.is_empty() && seq.ids.get(pos..pos + m.len()) == Some(m.as_slice()))
            .map(|m| pos + m.len())
            .max()
    }
}

/// What a name resolved to on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedActor<'a> {
    /// The actor entry.
    pub actor: ActorId,
    /// The code period that applies.
    pub period: &'a CodePeriod,
}

/// The whole lexicon, compiled. Owns the [`Lexicon`]; immutable; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct LexiconIndex {
    lexicon: Lexicon,
    vocab: Vocab,
    /// Actor names.
    pub actors: ActorIndex,
    /// Agent phrases.
    pub agents: AgentIndex,
    /// Verbs, patterns and synsets.
    pub verbs: VerbIndex,
    /// Discard phrases (entries index [`Lexicon::discards`]).
    pub discards: PhraseIndex,
    /// Issue phrases (entries index [`Lexicon::issues`]).
    pub issues: PhraseIndex,
    /// Event nouns by head word, and support verbs ([`crate::nouns`]).
    pub nouns: crate::nouns::NounIndex,
}

impl LexiconIndex {
    /// Compiles a lexicon.
    pub fn new(lexicon: Lexicon) -> LexiconIndex {
        let mut vocab = Vocab::default();
        let mut actors = Trie::new();
        for (i, a) in lexicon.actors.iter().enumerate() {
            for (n, name) in a.names.iter().enumerate() {
                let ids = vocab.intern_words(&name.words);
                actors.insert(&ids, (ActorId(i as u32), n as u32));
            }
        }
        let mut agents = Trie::new();
        for (i, a) in lexicon.agents.iter().enumerate() {
            for name in &a.names {
                let ids = vocab.intern_words(name);
                agents.insert(&ids, AgentId(i as u32));
            }
        }
        let mut discards = Trie::new();
        for (i, d) in lexicon.discards.iter().enumerate() {
            let ids = vocab.intern_words(&d.words);
            discards.insert(&ids, i as u32);
        }
        let mut issues = Trie::new();
        for (i, d) in lexicon.issues.iter().enumerate() {
            for name in &d.names {
                let ids = vocab.intern_words(name);
                issues.insert(&ids, i as u32);
            }
        }
        let verbs = compile_verbs(&lexicon, &mut vocab);
        let nouns = crate::nouns::NounIndex::new(&lexicon);
        LexiconIndex {
            nouns,
            lexicon,
            vocab,
            actors: ActorIndex { trie: actors },
            agents: AgentIndex { trie: agents },
            verbs,
            discards: PhraseIndex { trie: discards },
            issues: PhraseIndex { trie: issues },
        }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The vocabulary.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The id of a word as a token gives it (any case; the word's key is looked up), or
    /// [`WordId::UNKNOWN`]. For a lemma or a lower-case form.
    pub fn word_id(&self, word: &str) -> WordId {
        let mut scratch = String::new();
        let mut id = WordId::UNKNOWN;
        self.for_each_key(word, &mut scratch, |w| id = w);
        id
    }

    /// The key sequence of a sentence's tokens.
    pub fn keys<'t>(&self, tokens: impl IntoIterator<Item = &'t str>) -> KeySeq {
        let mut seq = KeySeq::default();
        self.keys_into(tokens, &mut seq);
        seq
    }

    /// As [`LexiconIndex::keys`], into a reused sequence (cleared first).
    pub fn keys_into<'t>(&self, tokens: impl IntoIterator<Item = &'t str>, seq: &mut KeySeq) {
        seq.clear();
        let mut scratch = String::new();
        for (t, tok) in tokens.into_iter().enumerate() {
            let t = t.min(u32::MAX as usize) as u32;
            self.for_each_key(tok, &mut scratch, |id| {
                seq.ids.push(id);
                seq.tokens.push(t);
            });
        }
    }

    fn for_each_key(&self, tok: &str, scratch: &mut String, mut f: impl FnMut(WordId)) {
        // Fast path: a plain ASCII word or number.
        if !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_alphanumeric()) {
            scratch.clear();
            scratch.extend(tok.bytes().map(|b| b.to_ascii_lowercase() as char));
            f(self.vocab.get(scratch).unwrap_or(WordId::UNKNOWN));
            return;
        }
        let mut keys = Vec::new();
        normalize::token_keys(tok, &mut keys);
        for k in keys {
            f(self.vocab.get(&k).unwrap_or(WordId::UNKNOWN));
        }
    }

    /// The actor a matched name stands for on `date`: the first of the name's entries (in
    /// lexicon order) that has a code on that date ([`crate::Actor::code_on`]). A null period
    /// (`---`) is returned as such: the name is known and is no actor then.
    pub fn resolve_actor(
        &self,
        entries: &[(ActorId, u32)],
        date: Option<jiff::civil::Date>,
    ) -> Option<ResolvedActor<'_>> {
        entries.iter().find_map(|&(id, _)| {
            let a = self.lexicon.actor(id)?;
            a.code_on(date)
                .map(|period| ResolvedActor { actor: id, period })
        })
    }

    /// An agent's code and how it attaches.
    pub fn agent_code(&self, id: AgentId) -> Option<(&str, Attach)> {
        self.lexicon.agent(id).map(|a| (a.code.as_str(), a.attach))
    }

    /// The discard level of a matched discard entry.
    pub fn discard_level(&self, entry: u32) -> Option<DiscardLevel> {
        self.lexicon.discards.get(entry as usize).map(|d| d.level)
    }

    /// What a matched issue entry does.
    pub fn issue_kind(&self, entry: u32) -> Option<&IssueKind> {
        self.lexicon.issues.get(entry as usize).map(|d| &d.kind)
    }
}

fn compile_verbs(lex: &Lexicon, vocab: &mut Vocab) -> VerbIndex {
    let v = &lex.verbs;
    // Synsets, with nested synsets expanded (depth-limited against cycles).
    let mut synsets = Vec::with_capacity(v.synsets.len());
    for i in 0..v.synsets.len() {
        let mut members: Vec<Vec<WordId>> = Vec::new();
        for words in crate::nouns::synset_word_lists(lex, SynsetId(i as u32), 0) {
            let ids = vocab.intern_words(&words);
            if !ids.is_empty() && !members.contains(&ids) {
                members.push(ids);
            }
        }
        synsets.push(members);
    }
    let synset_words = synsets
        .iter()
        .map(|ms| ms.iter().filter(|m| m.len() == 1).map(|m| m[0]).collect())
        .collect();

    let mut by_lemma: FxHashMap<WordId, Vec<VerbId>> = FxHashMap::default();
    let mut by_form: FxHashMap<WordId, Vec<VerbId>> = FxHashMap::default();
    let mut verbs = Vec::with_capacity(v.verbs.len());
    let mut class_of = Vec::with_capacity(v.verbs.len());
    for (i, verb) in v.verbs.iter().enumerate() {
        let id = VerbId(i as u32);
        let lemma = vocab.intern_words(std::slice::from_ref(&verb.lemma));
        if let Some(&l) = lemma.first() {
            by_lemma.entry(l).or_default().push(id);
        }
        for f in &verb.forms {
            if let Some(&k) = vocab.intern_words(std::slice::from_ref(f)).first() {
                let list = by_form.entry(k).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        verbs.push(CompiledVerb {
            before: vocab.intern_words(&verb.before),
            after: vocab.intern_words(&verb.after),
        });
        class_of.push(verb.class.0);
    }
    // Compound verbs first (more words, more specific), then file order.
    let weight = |id: &VerbId| {
        verbs
            .get(id.0 as usize)
            .map_or(0, |c: &CompiledVerb| c.before.len() + c.after.len())
    };
    for list in by_lemma.values_mut().chain(by_form.values_mut()) {
        list.sort_by_key(|id| (std::cmp::Reverse(weight(id)), id.0));
    }

    fn compile_el(vocab: &mut Vocab, e: &Element, out: &mut Vec<PatItem>) {
        let pat = match &e.kind {
            ElementKind::Word(w) => match normalize::key(w) {
                Some(k) => Pat::Word(vocab.intern(k)),
                None => return,
            },
            ElementKind::Synset(s) => Pat::Synset(*s),
            ElementKind::Source => Pat::Source,
            ElementKind::Target => Pat::Target,
            ElementKind::Compound => Pat::Compound,
            ElementKind::Skip => Pat::Skip,
            ElementKind::NounPhrase(v) => {
                let mut inner = Vec::new();
                v.iter().for_each(|e| compile_el(vocab, e, &mut inner));
                Pat::NounPhrase(inner)
            }
            ElementKind::Prep(v) => {
                let mut inner = Vec::new();
                v.iter().for_each(|e| compile_el(vocab, e, &mut inner));
                Pat::Prep(inner)
            }
        };
        out.push(PatItem {
            pat,
            glued: e.glued,
        });
    }
    let mut class_patterns = Vec::with_capacity(v.classes.len());
    for class in &v.classes {
        let mut list = Vec::with_capacity(class.patterns.len());
        for &pid in &class.patterns {
            let Some(p) = lex.pattern(pid) else { continue };
            let mut before = Vec::new();
            p.before
                .iter()
                .for_each(|e| compile_el(vocab, e, &mut before));
            let mut after = Vec::new();
            p.after
                .iter()
                .for_each(|e| compile_el(vocab, e, &mut after));
            list.push(CompiledPattern {
                id: pid,
                before,
                after,
                verb_glued: p.verb_glued,
                specificity: p.specificity(),
            });
        }
        list.sort_by_key(|p| (std::cmp::Reverse(p.specificity), p.id.0));
        class_patterns.push(list);
    }
    VerbIndex {
        by_lemma,
        by_form,
        verbs,
        class_of,
        class_patterns,
        synsets,
        synset_words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs};
    use jiff::civil::date;

    fn index() -> LexiconIndex {
        let actors = "\
UNITED_STATES [USA]
+U.S.
UNITED_STATES_CONGRESS [USALEG]
AL-QAEDA [IMGMUSALQ]
RICHARD_M._NIXON_
+NIXON
\t[USAGOV 690120-740809]
\t[USAELI 740809-940101]
KIM_JONG_UN [PRKGOV]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
";
        let agents = "TROOP [~MIL]\nFOREIGN_MINISTER [~GOVFRM]\n";
        let verbs = "\
&CURRENCY
+DOLLAR
---  GRANT  [070]  ---
GIVE {GAVE GIVEN GIVING}
+GIVE_UP {+GAVE_UP +GIVEN_UP +GIVING_UP} [080]
- * &CURRENCY [071]
- * (TO +) &CURRENCY [0711]
- * AID [073]
";
        let mut lex = Lexicon {
            actors: parse_petrarch_actors(actors, "a").value,
            agents: parse_petrarch_agents(agents, "g").value,
            verbs: parse_petrarch_verbs(verbs, "v").value,
            ..Lexicon::default()
        };
        lex.discards = crate::read::parse_petrarch_discards("WORLD CUP\n", "d").value;
        LexiconIndex::new(lex)
    }

    #[test]
    fn actors_longest_match() {
        let idx = index();
        let seq = idx.keys("The United States Congress met al - Qaeda".split(' '));
        let found = idx.actors.find_all(&seq);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].token_start, found[0].token_end), (1, 4));
        let a = idx.resolve_actor(found[0].entries, None).unwrap();
        assert_eq!(a.period.codes, ["USALEG"]);
        assert_eq!((found[1].token_start, found[1].token_end), (5, 8));
        let seq = idx.keys(["al-Qaeda", "and", "U.S.", "troops"]);
        let found = idx.actors.find_all(&seq);
        assert_eq!(found.len(), 2);
        assert_eq!((found[1].token_start, found[1].token_end), (2, 3));
        let ag = idx.agents.find_all(&seq);
        assert_eq!(ag.len(), 1);
        assert_eq!(
            idx.agent_code(ag[0].entries[0]),
            Some(("MIL", Attach::Suffix))
        );
    }

    #[test]
    fn actors_by_date() {
        let idx = index();
        for (tokens, d, want) in [
            (
                vec!["Richard", "M.", "Nixon"],
                date(1972, 2, 21),
                Some("USAGOV"),
            ),
            (
                vec!["Richard", "M", ".", "Nixon"],
                date(1975, 1, 1),
                Some("USAELI"),
            ),
            (vec!["Nixon"], date(1960, 1, 1), None),
            (vec!["Kim", "Jong", "Un"], date(2020, 1, 1), Some("PRKGOV")),
            (
                vec!["Prince", "of", "Dol", "Amroth"],
                date(1990, 1, 1),
                Some("---"),
            ),
            (
                vec!["Prince", "of", "Dol", "Amroth"],
                date(1996, 1, 1),
                Some("DOL"),
            ),
        ] {
            let seq = idx.keys(tokens.iter().copied());
            let m = idx.actors.longest_at(&seq, 0).unwrap();
            assert_eq!(m.end, seq.len(), "{tokens:?}");
            let r = idx.resolve_actor(m.entries, Some(d));
            assert_eq!(
                r.map(|r| r.period.codes[0].as_str()),
                want,
                "{tokens:?} {d}"
            );
        }
        let seq = idx.keys(["US"]);
        assert!(idx.actors.longest_at(&seq, 0).is_none(), "US is not U.S.");
    }

    #[test]
    fn verbs_and_patterns() {
        let idx = index();
        let give = idx.word_id("give");
        let gave = idx.word_id("gave");
        let c = idx.verbs.candidates(give, gave);
        assert_eq!(c.len(), 2);
        assert_eq!(
            idx.lexicon().verb(c[0]).unwrap().after,
            ["up"],
            "compound first"
        );
        let c = idx.verbs.candidates(WordId::UNKNOWN, gave);
        assert_eq!(c.len(), 2);
        let pats = idx.verbs.patterns(c[1]);
        assert_eq!(pats.len(), 3);
        assert_eq!(pats[0].specificity, 3 + 1 + 1 + 3, "(TO +) &CURRENCY first");
        let Pat::Synset(s) = pats[1].after[0].pat else {
            panic!()
        };
        assert!(idx.verbs.synset_has_word(s, idx.word_id("dollars")));
        let seq = idx.keys(["5", "dollars"]);
        assert_eq!(idx.verbs.synset_at(s, &seq, 1), Some(2));
        assert_eq!(idx.verbs.synset_at(s, &seq, 0), None);
    }

    #[test]
    fn discards() {
        let idx = index();
        let seq = idx.keys("before the World Cup final".split(' '));
        let d = idx.discards.find_all(&seq);
        assert_eq!(d.len(), 1);
        assert_eq!(
            idx.discard_level(d[0].entries[0]),
            Some(DiscardLevel::Sentence)
        );
        assert!(!idx.discards.any(&idx.keys(["world", "bank"])));
    }

    #[test]
    fn index_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<LexiconIndex>();
        check::<Lexicon>();
    }
}
