//! The four kinds of pattern calls spaCy's tokenizer makes, each with Python `re` semantics:
//! `prefix_search(s)`, `suffix_search(s)`, `infix_finditer(s)` and `url_match(s)` /
//! `token_match(s)`.
//!
//! # How the Python patterns run without look-around support
//!
//! spaCy's patterns are alternations of short pieces, a few of which carry a one- or
//! two-character look-behind or look-ahead (`(?<=[0-9])\+$`, `^\+(?![0-9])`,
//! `(?<=[a-z])\.(?=[A-Z])`). `regex-automata` has no look-around, so each pattern is cut into its
//! top-level pieces and each piece into `look-behind · body · look-ahead`:
//!
//! - a look-behind of fixed-width character sets is checked directly on the characters before the
//!   position (or, in the suffix search, consumed in front of a capture group);
//! - a look-ahead of fixed-width sets is consumed after a capture group around the body, so the
//!   engine's leftmost-first preference picks the same body alternative Python's backtracking
//!   picks (e.g. `-` versus `--` before a letter), and the body ends where the group ends;
//! - runs of pieces without look-around are compiled together: leftmost-first alternation at a
//!   fixed position is Python's ordered alternation.
//!
//! Python's `search` finds the leftmost position where some piece matches, trying pieces in order
//! there. For prefixes (every piece starts with `^`) that is the ordered check at 0; for suffixes
//! (every piece ends with `$`) it is the smallest start over all pieces, found with searches that
//! the engine runs backwards from the end; for infixes (`finditer`) it is the ordered check at
//! each candidate position, candidates coming from one regex of all bodies without look-around.
//! Every pattern also gets a look-around-free superset used to reject most strings in one pass.
//!
//! A pattern outside this shape (look-around in the middle of a piece, a suffix piece without
//! `$` ...) runs on `fancy-regex`, a backtracking engine with Python's semantics; so does the
//! exact check of `url_match`, whose negative look-aheads span several characters, but only
//! for the rare strings its superset accepts. `fancy-regex` gives up after a million
//! backtracking steps; such a string counts as not matching.

use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, meta};

use crate::error::TokenizerError;
use crate::pyre::{self, Anchor, LookMode, Node};

/// Which pattern of the tokenizer, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Prefix,
    Suffix,
    Infix,
    TokenMatch,
    UrlMatch,
}

impl Role {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Prefix => "prefix_search",
            Role::Suffix => "suffix_search",
            Role::Infix => "infix_finditer",
            Role::TokenMatch => "token_match",
            Role::UrlMatch => "url_match",
        }
    }
}

fn build(role: Role, pattern: &str) -> Result<meta::Regex, TokenizerError> {
    meta::Builder::new()
        .configure(meta::Config::new().nfa_size_limit(Some(64 << 20)))
        .build(pattern)
        .map_err(|e| TokenizerError::Pattern {
            role: role.name(),
            message: e.to_string(),
        })
}

fn build_fancy(role: Role, pattern: &str) -> Result<fancy_regex::Regex, TokenizerError> {
    fancy_regex::Regex::new(pattern).map_err(|e| TokenizerError::Pattern {
        role: role.name(),
        message: e.to_string(),
    })
}

/// A set of characters: sorted, disjoint, inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharSet(Vec<(char, char)>);

impl CharSet {
    /// The set a single-character node matches (a literal, class, `.`, `\d` ..., or a group or
    /// alternation of those); `None` for anything wider.
    fn from_node(node: &Node, flags: &str) -> Option<CharSet> {
        let single = |n: &Node| {
            matches!(
                n,
                Node::Literal(_) | Node::Class(_) | Node::Dot | Node::Perl(_)
            )
        };
        let ok = match node {
            n if single(n) => true,
            Node::Group(inner, _) => return CharSet::from_node(inner, flags),
            Node::Alt(alts) => alts.iter().all(single),
            _ => false,
        };
        if !ok {
            return None;
        }
        let mut pat = String::new();
        if !flags.is_empty() {
            pat.push_str("(?");
            pat.push_str(flags);
            pat.push(')');
        }
        pyre::emit(node, LookMode::Keep, &mut pat);
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pat)
            .ok()?;
        match hir.kind() {
            regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(cls)) => Some(
                CharSet(cls.ranges().iter().map(|r| (r.start(), r.end())).collect()),
            ),
            regex_syntax::hir::HirKind::Literal(lit) => {
                let s = std::str::from_utf8(&lit.0).ok()?;
                let mut chars = s.chars();
                let c = chars.next()?;
                chars.next().is_none().then(|| CharSet(vec![(c, c)]))
            }
            _ => None,
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(a, b)| {
                if b < c {
                    std::cmp::Ordering::Less
                } else if a > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// The set as a Rust class, or its complement.
    fn class(&self, negated: bool) -> String {
        let mut out = String::from(if negated { "[^" } else { "[" });
        if self.0.is_empty() {
            out.push_str(r"\x{0}-\x{10ffff}");
            if !negated {
                out.insert(1, '^');
            }
        }
        for &(a, b) in &self.0 {
            pyre::push_char(&mut out, a);
            if a != b {
                out.push('-');
                pyre::push_char(&mut out, b);
            }
        }
        out.push(']');
        out
    }
}

/// A fixed-width look-around: one set per character.
#[derive(Debug, Clone)]
struct LookSeq {
    negated: bool,
    sets: Vec<CharSet>,
}

impl LookSeq {
    fn from_look(look: &pyre::Look, flags: &str) -> Option<LookSeq> {
        let items: Vec<&Node> = match look.node.as_ref() {
            Node::Concat(items) => items.iter().collect(),
            Node::Group(inner, None) if matches!(inner.as_ref(), Node::Concat(_)) => {
                match inner.as_ref() {
                    Node::Concat(items) => items.iter().collect(),
                    _ => return None,
                }
            }
            other => vec![other],
        };
        let sets = items
            .iter()
            .map(|n| CharSet::from_node(n, flags))
            .collect::<Option<Vec<_>>>()?;
        if sets.is_empty() {
            return None;
        }
        Some(LookSeq {
            negated: look.negated,
            sets,
        })
    }

    /// Whether the look-behind holds at byte `at` of `hay`.
    fn holds_before(&self, hay: &str, at: usize) -> bool {
        let before = hay.get(..at).unwrap_or("");
        let mut chars = before.chars().rev();
        let mut all = true;
        for set in self.sets.iter().rev() {
            match chars.next() {
                Some(c) if set.contains(c) => {}
                _ => {
                    all = false;
                    break;
                }
            }
        }
        all != self.negated
    }

    /// Regex text that consumes what the look-ahead asserts (see the module docs).
    fn ahead_regex(&self) -> String {
        if !self.negated {
            return self.sets.iter().map(|s| s.class(false)).collect();
        }
        // (?!S1 S2 .. Sk)  ==  \z | [^S1] | S1 (\z | [^S2] | S2 (...)), the last level without
        // the continuation.
        let mut out = String::new();
        for (i, set) in self.sets.iter().enumerate() {
            out.push_str(r"(?:\z|");
            out.push_str(&set.class(true));
            if i + 1 < self.sets.len() {
                out.push('|');
                out.push_str(&set.class(false));
            }
        }
        for _ in &self.sets {
            out.push(')');
        }
        out
    }

    /// Regex text consumed in front of the body for a look-behind in the suffix search.
    fn behind_regex(&self) -> Option<String> {
        if !self.negated {
            return Some(self.sets.iter().map(|s| s.class(false)).collect());
        }
        match self.sets.as_slice() {
            [set] => Some(format!(r"(?:\A|{})", set.class(true))),
            _ => None,
        }
    }
}

/// One top-level alternative cut into its parts.
struct Piece {
    behind: Vec<LookSeq>,
    /// Zero-width anchors before the body, the body, the anchors after it: in Rust syntax.
    pre: String,
    body: String,
    post: String,
    ends_at_end: bool,
    starts_at_start: bool,
    ahead: Option<LookSeq>,
}

impl Piece {
    /// `None` when the piece does not have the `behind · body · ahead` shape.
    fn cut(node: &Node, flags: &str) -> Option<Piece> {
        let items: Vec<&Node> = match node {
            Node::Concat(items) => items.iter().collect(),
            other => vec![other],
        };
        let zero_width = |n: &Node| matches!(n, Node::Anchor(_) | Node::Look(_) | Node::Flags(_));
        let mut lo = 0;
        while lo < items.len() && items.get(lo).is_some_and(|n| zero_width(n)) {
            lo += 1;
        }
        let mut hi = items.len();
        while hi > lo && items.get(hi - 1).is_some_and(|n| zero_width(n)) {
            hi -= 1;
        }
        let (mut behind, mut ahead) = (Vec::new(), Vec::new());
        let (mut pre, mut post) = (String::new(), String::new());
        let (mut starts_at_start, mut ends_at_end) = (false, false);
        for item in items.get(..lo).unwrap_or(&[]) {
            match item {
                Node::Look(l) if l.behind => behind.push(LookSeq::from_look(l, flags)?),
                // global flags at the start of the pattern, already hoisted by `pieces_of`
                Node::Flags(_) => {}
                Node::Look(_) => return None,
                Node::Anchor(a) => {
                    starts_at_start |= *a == Anchor::Start;
                    pyre::emit(item, LookMode::Keep, &mut pre);
                }
                _ => return None,
            }
        }
        for item in items.get(hi..).unwrap_or(&[]) {
            match item {
                Node::Look(l) if !l.behind => ahead.push(LookSeq::from_look(l, flags)?),
                Node::Look(_) | Node::Flags(_) => return None,
                Node::Anchor(a) => {
                    ends_at_end |= *a == Anchor::End;
                    pyre::emit(item, LookMode::Keep, &mut post);
                }
                _ => return None,
            }
        }
        let body_items = items.get(lo..hi).unwrap_or(&[]);
        if body_items
            .iter()
            .any(|n| pyre::has_look(n) || matches!(n, Node::Flags(_)))
            || ahead.len() > 1
        {
            return None;
        }
        let mut body = String::new();
        for item in body_items {
            pyre::emit(item, LookMode::Keep, &mut body);
        }
        if body.is_empty() {
            body.push_str("(?:)");
        }
        Some(Piece {
            behind,
            pre,
            body,
            post,
            ends_at_end,
            starts_at_start,
            ahead: ahead.pop(),
        })
    }

    fn is_plain(&self) -> bool {
        self.behind.is_empty() && self.ahead.is_none()
    }

    /// The piece without its look-around (matches a superset).
    fn plain_text(&self) -> String {
        format!("{}{}{}", self.pre, self.body, self.post)
    }
}

/// The top-level pieces of a pattern and the global flags in front of them.
fn pieces_of(node: &Node) -> (String, Vec<&Node>) {
    let alts: Vec<&Node> = match node {
        Node::Alt(alts) => alts.iter().collect(),
        other => vec![other],
    };
    // Python only allows global flags at the very start; they apply to every piece.
    let mut flags = String::new();
    if let Some(Node::Concat(items)) = alts.first() {
        for item in items {
            match item {
                Node::Flags(f) => flags.push_str(f),
                _ => break,
            }
        }
    } else if let Some(Node::Flags(f)) = alts.first() {
        flags.push_str(f);
    }
    (flags, alts)
}

fn with_flags(flags: &str, pattern: &str) -> String {
    if flags.is_empty() {
        pattern.to_owned()
    } else {
        format!("(?{flags}){pattern}")
    }
}

/// One step of the ordered check: a run of plain pieces or one piece with look-around.
enum Step {
    Plain(meta::Regex),
    Look {
        behind: Vec<LookSeq>,
        re: meta::Regex,
        capture: bool,
    },
}

/// Python's ordered alternation at a fixed position.
struct Ordered {
    /// All pieces without their look-around: the candidate finder and quick reject.
    any: meta::Regex,
    steps: Vec<Step>,
}

impl Ordered {
    fn new(role: Role, flags: &str, pieces: &[Piece]) -> Result<Ordered, TokenizerError> {
        let any = pieces
            .iter()
            .map(Piece::plain_text)
            .collect::<Vec<_>>()
            .join("|");
        let any = build(role, &with_flags(flags, &any))?;
        let mut steps = Vec::new();
        let mut run: Vec<String> = Vec::new();
        let flush = |run: &mut Vec<String>, steps: &mut Vec<Step>| -> Result<(), TokenizerError> {
            if !run.is_empty() {
                steps.push(Step::Plain(build(
                    role,
                    &with_flags(flags, &run.join("|")),
                )?));
                run.clear();
            }
            Ok(())
        };
        for piece in pieces {
            if piece.is_plain() {
                run.push(piece.plain_text());
                continue;
            }
            flush(&mut run, &mut steps)?;
            let (re, capture) = match &piece.ahead {
                Some(ahead) => {
                    let pat = format!(
                        "{}({}){}{}",
                        piece.pre,
                        piece.body,
                        piece.post,
                        ahead.ahead_regex()
                    );
                    (build(role, &with_flags(flags, &pat))?, true)
                }
                None => (build(role, &with_flags(flags, &piece.plain_text()))?, false),
            };
            steps.push(Step::Look {
                behind: piece.behind.clone(),
                re,
                capture,
            });
        }
        flush(&mut run, &mut steps)?;
        Ok(Ordered { any, steps })
    }

    /// The end of the first piece (in pattern order) that matches at byte `at` of `hay`.
    fn match_at(&self, hay: &str, at: usize) -> Option<usize> {
        let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
        self.any.search_half(&input)?;
        for step in &self.steps {
            match step {
                Step::Plain(re) => {
                    if let Some(m) = re.search(&input) {
                        return Some(m.end());
                    }
                }
                Step::Look {
                    behind,
                    re,
                    capture,
                } => {
                    if !behind.iter().all(|b| b.holds_before(hay, at)) {
                        continue;
                    }
                    if *capture {
                        let mut slots: [Option<NonMaxUsize>; 4] = [None; 4];
                        if re.search_slots(&input, &mut slots).is_some()
                            && let Some(end) = slots[3]
                        {
                            return Some(end.get());
                        }
                    } else if let Some(m) = re.search(&input) {
                        return Some(m.end());
                    }
                }
            }
        }
        None
    }

    /// Python `finditer`: non-overlapping matches, left to right.
    fn find_iter(&self, hay: &str, out: &mut Vec<(usize, usize)>) {
        let mut pos = 0;
        while pos <= hay.len() {
            let Some(m) = self.any.search(&Input::new(hay).range(pos..)) else {
                return;
            };
            let at = m.start();
            match self.match_at(hay, at) {
                // Empty pieces are refused at build time, so `end > at` and the loop advances.
                Some(end) if end > at => {
                    out.push((at, end));
                    pos = end;
                }
                _ => {
                    pos = at
                        + hay
                            .get(at..)
                            .and_then(|s| s.chars().next())
                            .map_or(1, char::len_utf8);
                }
            }
        }
    }
}

/// The smallest start at which some piece matches through to the end.
struct Trailing {
    any: meta::Regex,
    plain: Option<meta::Regex>,
    /// Pieces with a look-behind consumed in front of capture group 1 (the body).
    looks: Vec<meta::Regex>,
}

impl Trailing {
    fn new(role: Role, flags: &str, pieces: &[Piece]) -> Result<Option<Trailing>, TokenizerError> {
        let mut plain = Vec::new();
        let mut looks = Vec::new();
        for piece in pieces {
            if !piece.ends_at_end || piece.ahead.is_some() || piece.behind.len() > 1 {
                return Ok(None);
            }
            match piece.behind.first() {
                None => plain.push(piece.plain_text()),
                Some(b) => {
                    let Some(lead) = b.behind_regex() else {
                        return Ok(None);
                    };
                    let pat = format!("{lead}{}({}){}", piece.pre, piece.body, piece.post);
                    looks.push(build(role, &with_flags(flags, &pat))?);
                }
            }
        }
        let any = pieces
            .iter()
            .map(Piece::plain_text)
            .collect::<Vec<_>>()
            .join("|");
        let any = build(role, &with_flags(flags, &any))?;
        let plain = if plain.is_empty() {
            None
        } else {
            Some(build(role, &with_flags(flags, &plain.join("|")))?)
        };
        Ok(Some(Trailing { any, plain, looks }))
    }

    fn start(&self, hay: &str) -> Option<usize> {
        let input = Input::new(hay);
        if !self.any.is_match(input.clone()) {
            return None;
        }
        let mut best = self
            .plain
            .as_ref()
            .and_then(|re| re.find(input.clone()))
            .map(|m| m.start());
        for re in &self.looks {
            let mut slots: [Option<NonMaxUsize>; 4] = [None; 4];
            if re.search_slots(&input, &mut slots).is_some()
                && let Some(s) = slots[2]
            {
                let s = s.get();
                if best.is_none_or(|b| s < b) {
                    best = Some(s);
                }
            }
        }
        best
    }
}

enum SearchImpl {
    Ordered(Ordered),
    Trailing(Trailing),
    Fancy(fancy_regex::Regex),
}

fn parse_pattern(role: Role, pattern: &str) -> Result<Node, TokenizerError> {
    pyre::parse(pattern).map_err(|e| TokenizerError::Pattern {
        role: role.name(),
        message: e.to_string(),
    })
}

/// Cuts a pattern into pieces; `None` when some piece has another shape, or can match the
/// empty string (Python's rules for empty matches in `finditer` are not reproduced).
fn cut_all(role: Role, node: &Node) -> Result<Option<(String, Vec<Piece>)>, TokenizerError> {
    let (flags, nodes) = pieces_of(node);
    let mut pieces = Vec::with_capacity(nodes.len());
    for n in nodes {
        let Some(piece) = Piece::cut(n, &flags) else {
            return Ok(None);
        };
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&with_flags(&flags, &piece.body))
            .map_err(|e| TokenizerError::Pattern {
                role: role.name(),
                message: e.to_string(),
            })?;
        if hir.properties().minimum_len().is_none_or(|n| n == 0) {
            return Ok(None);
        }
        pieces.push(piece);
    }
    Ok(Some((flags, pieces)))
}

fn fancy_of(role: Role, node: &Node) -> Result<fancy_regex::Regex, TokenizerError> {
    build_fancy(role, &pyre::to_rust(node, LookMode::Keep))
}

/// `prefix_search`: the length of the prefix to split off (0: none).
pub(crate) struct PrefixSearch(SearchImpl);

impl PrefixSearch {
    pub(crate) fn new(pattern: &str) -> Result<PrefixSearch, TokenizerError> {
        let role = Role::Prefix;
        let node = parse_pattern(role, pattern)?;
        if let Some((flags, pieces)) = cut_all(role, &node)?
            && pieces.iter().all(|p| p.starts_at_start)
        {
            return Ok(PrefixSearch(SearchImpl::Ordered(Ordered::new(
                role, &flags, &pieces,
            )?)));
        }
        Ok(PrefixSearch(SearchImpl::Fancy(fancy_of(role, &node)?)))
    }

    /// Python: `m = prefix_search(s); m.end() - m.start() if m else 0`.
    pub(crate) fn find(&self, s: &str) -> usize {
        match &self.0 {
            SearchImpl::Ordered(o) => o.match_at(s, 0).unwrap_or(0),
            SearchImpl::Trailing(_) => 0,
            SearchImpl::Fancy(re) => match re.find(s) {
                Ok(Some(m)) => m.end() - m.start(),
                _ => 0,
            },
        }
    }

    /// Whether the fast path (no `fancy-regex`) is in use.
    pub(crate) fn is_fast(&self) -> bool {
        !matches!(self.0, SearchImpl::Fancy(_))
    }
}

/// `suffix_search`: the length of the suffix to split off (0: none).
pub(crate) struct SuffixSearch(SearchImpl);

impl SuffixSearch {
    pub(crate) fn new(pattern: &str) -> Result<SuffixSearch, TokenizerError> {
        let role = Role::Suffix;
        let node = parse_pattern(role, pattern)?;
        if let Some((flags, pieces)) = cut_all(role, &node)?
            && let Some(t) = Trailing::new(role, &flags, &pieces)?
        {
            return Ok(SuffixSearch(SearchImpl::Trailing(t)));
        }
        Ok(SuffixSearch(SearchImpl::Fancy(fancy_of(role, &node)?)))
    }

    /// Python: `m = suffix_search(s); m.end() - m.start() if m else 0`.
    pub(crate) fn find(&self, s: &str) -> usize {
        match &self.0 {
            SearchImpl::Trailing(t) => t.start(s).map_or(0, |start| s.len() - start),
            SearchImpl::Ordered(_) => 0,
            SearchImpl::Fancy(re) => match re.find(s) {
                Ok(Some(m)) => m.end() - m.start(),
                _ => 0,
            },
        }
    }

    /// Whether the fast path (no `fancy-regex`) is in use.
    pub(crate) fn is_fast(&self) -> bool {
        !matches!(self.0, SearchImpl::Fancy(_))
    }
}

/// `infix_finditer`: the infix spans, left to right.
pub(crate) struct InfixFinder(SearchImpl);

impl InfixFinder {
    pub(crate) fn new(pattern: &str) -> Result<InfixFinder, TokenizerError> {
        let role = Role::Infix;
        let node = parse_pattern(role, pattern)?;
        if let Some((flags, pieces)) = cut_all(role, &node)? {
            return Ok(InfixFinder(SearchImpl::Ordered(Ordered::new(
                role, &flags, &pieces,
            )?)));
        }
        Ok(InfixFinder(SearchImpl::Fancy(fancy_of(role, &node)?)))
    }

    /// Python: `[(m.start(), m.end()) for m in infix_finditer(s)]`, into `out` (cleared first).
    pub(crate) fn find_all(&self, s: &str, out: &mut Vec<(usize, usize)>) {
        out.clear();
        match &self.0 {
            SearchImpl::Ordered(o) => o.find_iter(s, out),
            SearchImpl::Trailing(_) => {}
            SearchImpl::Fancy(re) => {
                for m in re.find_iter(s) {
                    match m {
                        Ok(m) => out.push((m.start(), m.end())),
                        Err(_) => break,
                    }
                }
            }
        }
    }

    /// Whether the fast path (no `fancy-regex`) is in use.
    pub(crate) fn is_fast(&self) -> bool {
        !matches!(self.0, SearchImpl::Fancy(_))
    }
}

/// `token_match` / `url_match`: Python `re.match` (anchored at the start) as a yes/no.
pub(crate) struct FullMatch {
    /// The pattern without look-around: a superset.
    superset: meta::Regex,
    /// The exact pattern, when it has look-around.
    exact: Option<fancy_regex::Regex>,
}

impl FullMatch {
    pub(crate) fn new(role: Role, pattern: &str) -> Result<FullMatch, TokenizerError> {
        let node = parse_pattern(role, pattern)?;
        let superset = build(
            role,
            &format!(r"\A(?:{})", pyre::to_rust(&node, LookMode::Drop)),
        )?;
        let exact = if pyre::has_look(&node) {
            Some(build_fancy(
                role,
                &format!(r"\A(?:{})", pyre::to_rust(&node, LookMode::Keep)),
            )?)
        } else {
            None
        };
        Ok(FullMatch { superset, exact })
    }

    /// Whether the pattern matches at the start of `s`.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        if !self.superset.is_match(s) {
            return false;
        }
        match &self.exact {
            None => true,
            Some(re) => re.is_match(s).unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_follows_piece_order_and_lookahead() {
        let p = PrefixSearch::new(r"^…|^……|^\+(?![0-9])|^\.\.+|^[\u00A6\u00A9]").expect("builds");
        assert!(p.is_fast());
        assert_eq!(
            p.find("……x"),
            "…".len(),
            "the first piece wins, as in Python"
        );
        assert_eq!(p.find("+a"), 1);
        assert_eq!(p.find("+1"), 0, "negative look-ahead");
        assert_eq!(p.find("+"), 1, "negative look-ahead at the end");
        assert_eq!(p.find("....x"), 4);
        assert_eq!(p.find("©x"), "©".len());
        assert_eq!(p.find("x©"), 0);
        assert_eq!(p.find(""), 0);
    }

    #[test]
    fn suffix_takes_the_leftmost_start() {
        let s =
            SuffixSearch::new(r"\.$|\.\.+$|(?<=[0-9])(?:km|m)$|(?<=[A-Z][A-Z])\.$|'s$|(?<!x)%$")
                .expect("builds");
        assert!(s.is_fast());
        assert_eq!(s.find("abc."), 1);
        assert_eq!(s.find("abc..."), 3, "leftmost start, not first piece");
        assert_eq!(s.find("5km"), 2);
        assert_eq!(
            s.find("km"),
            0,
            "look-behind at the start of the string fails"
        );
        assert_eq!(s.find("akm"), 0);
        assert_eq!(s.find("5m"), 1);
        assert_eq!(s.find("Bob's"), 2);
        assert_eq!(s.find("5%"), 1);
        assert_eq!(s.find("x%"), 0, "negative look-behind");
        assert_eq!(s.find("%"), 1, "negative look-behind at the start holds");
        assert_eq!(s.find("hello"), 0);
    }

    #[test]
    fn infix_backtracks_into_the_body_for_the_lookahead() {
        let i = InfixFinder::new(r"\.\.+|(?<=[0-9])[+\-\*^](?=[0-9-])|(?<=[a-z])(?:-|–|--|---)(?=[a-z])|(?<=[a-z])\.(?=[A-Z])")
            .expect("builds");
        assert!(i.is_fast());
        let mut out = Vec::new();
        i.find_all("a--b", &mut out);
        assert_eq!(out, vec![(1, 3)], "`-` fails the look-ahead, `--` is taken");
        i.find_all("1-2-3", &mut out);
        assert_eq!(
            out,
            vec![(1, 2), (3, 4)],
            "look-behind sees inside the previous match's context"
        );
        i.find_all("a...b-c.D", &mut out);
        assert_eq!(out, vec![(1, 4), (5, 6), (7, 8)]);
        i.find_all("-a-", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn full_match_uses_the_superset_then_the_exact_pattern() {
        let m = FullMatch::new(
            Role::UrlMatch,
            r"(?u)^(?!(?:10)(?:\.\d{1,3}){3})\d+(?:\.\d+){3}$",
        )
        .expect("builds");
        assert!(m.is_match("8.8.8.8"));
        assert!(!m.is_match("10.0.0.1"), "negative look-ahead");
        assert!(!m.is_match("8.8.8"));
    }

    use proptest::prelude::*;

    /// spaCy-style pieces over a small alphabet: optional look-behind, a body, optional
    /// look-ahead.
    fn piece(anchor_start: bool, anchor_end: bool, ahead: bool) -> impl Strategy<Value = String> {
        let single = prop::sample::select(vec![
            "a", "b", "1", r"\-", r"\.", "[ab]", "[0-9]", "[^a]", "[-.]",
        ]);
        let atom = (
            single.clone(),
            prop::sample::select(vec!["", "", "+", "?", "*", "{1,2}", "+?"]),
        )
            .prop_map(|(a, q)| format!("{a}{q}"));
        let body = prop_oneof![
            prop::collection::vec(atom.clone(), 1..3).prop_map(|v| v.concat()),
            (atom.clone(), atom).prop_map(|(x, y)| format!("(?:{x}|{y}{x})")),
        ];
        let look = prop::collection::vec(single, 1..3).prop_map(|v| v.concat());
        let lb = prop::option::of((any::<bool>(), look.clone()));
        let la = prop::option::of((any::<bool>(), look));
        (lb, body, la).prop_map(move |(lb, body, la)| {
            let mut p = String::from(if anchor_start { "^" } else { "" });
            if let Some((neg, l)) = lb {
                p.push_str(&format!("(?<{}{l})", if neg { '!' } else { '=' }));
            }
            p.push_str(&body);
            if let Some((neg, l)) = la.filter(|_| ahead) {
                p.push_str(&format!("(?{}{l})", if neg { '!' } else { '=' }));
            }
            if anchor_end {
                p.push('$');
            }
            p
        })
    }

    fn haystack() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec!['a', 'b', '1', '2', '-', '.', 'x']),
            0..12,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    fn fancy(role: Role, pattern: &str) -> SearchImpl {
        SearchImpl::Fancy(
            fancy_of(
                role,
                &parse_pattern(role, pattern).expect("generated patterns parse"),
            )
            .expect("compiles"),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        /// The cut-up fast path gives what a backtracking engine gives on the whole pattern.
        #[test]
        fn fast_prefix_equals_backtracking(pieces in prop::collection::vec(piece(true, false, true), 1..5), hays in prop::collection::vec(haystack(), 20)) {
            let pattern = pieces.join("|");
            let fast = PrefixSearch::new(&pattern).expect("builds");
            let slow = PrefixSearch(fancy(Role::Prefix, &pattern));
            for h in &hays {
                prop_assert_eq!(fast.find(h), slow.find(h), "pattern {} on {:?}", pattern, h);
            }
        }

        #[test]
        fn fast_suffix_equals_backtracking(pieces in prop::collection::vec(piece(false, true, false), 1..5), hays in prop::collection::vec(haystack(), 20)) {
            let pattern = pieces.join("|");
            let fast = SuffixSearch::new(&pattern).expect("builds");
            let slow = SuffixSearch(fancy(Role::Suffix, &pattern));
            for h in &hays {
                prop_assert_eq!(fast.find(h), slow.find(h), "pattern {} on {:?}", pattern, h);
            }
        }

        #[test]
        fn fast_infix_equals_backtracking(pieces in prop::collection::vec(piece(false, false, true), 1..5), hays in prop::collection::vec(haystack(), 20)) {
            let pattern = pieces.join("|");
            let fast = InfixFinder::new(&pattern).expect("builds");
            let slow = InfixFinder(fancy(Role::Infix, &pattern));
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for h in &hays {
                fast.find_all(h, &mut a);
                slow.find_all(h, &mut b);
                prop_assert_eq!(&a, &b, "pattern {} on {:?}", pattern, h);
            }
        }

        #[test]
        fn reading_any_pattern_never_panics(p in any::<String>()) {
            if let Ok(node) = pyre::parse(&p) {
                let _ = PrefixSearch::new(&p);
                let _ = FullMatch::new(Role::UrlMatch, &p);
                let _ = pyre::to_rust(&node, LookMode::Drop);
            }
        }
    }

    #[test]
    fn odd_shapes_fall_back_to_fancy_regex() {
        let p = PrefixSearch::new(r"a(?=b)c|x").expect("builds");
        assert!(!p.is_fast());
        assert_eq!(
            p.find("zx"),
            1,
            "search semantics: a match anywhere, its length"
        );
        let s = SuffixSearch::new(r"ab|c$").expect("builds");
        assert!(!s.is_fast());
        assert_eq!(s.find("xabx"), 2);
    }
}
