//! A reader for the Python `re` patterns that spaCy stores in a model's `tokenizer` file, and a
//! writer of the same pattern in Rust regex syntax.
//!
//! The reader covers what spaCy's tokenizer patterns use and a little more: literals and escapes
//! (`\uXXXX`, `\UXXXXXXXX`, `\xXX`), character classes, `.`, `\d \w \s` and their negations with
//! Python's Unicode meaning, anchors, groups, look-around, alternation, greedy and lazy repetition
//! and the `i`, `s`, `u` flags. Back-references, atomic groups, possessive repetition,
//! conditionals and the `x`, `m`, `a`, `L` flags are refused with an error naming them.
//!
//! The writer emits every group as non-capturing and every character that is not an ASCII letter
//! or digit as `\x{..}`, so the output means the same to `regex-automata` and `fancy-regex`.

use std::fmt::Write as _;

/// Python's `\s` (the characters `str.isspace()` accepts), as Rust class items.
const PY_SPACE_ITEMS: &str = r"\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}";
/// Python's `\w` for `str` patterns: `isalnum()` or `_`, which is exactly the Unicode categories
/// L and N plus `_` (checked over all code points with Python 3.11).
const PY_WORD_ITEMS: &str = r"\p{L}\p{N}_";

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// Matches the empty string.
    Empty,
    /// One character.
    Literal(char),
    /// `[...]`.
    Class(Class),
    /// `.` (any character but `\n`, or any at all under the `s` flag: the flag travels in the
    /// emitted pattern).
    Dot,
    /// `\d \D \w \W \s \S`.
    Perl(Perl),
    /// `^ $ \A \Z \b \B`.
    Anchor(Anchor),
    /// A group, with scoped flags such as `(?i:...)` if any.
    Group(Box<Node>, Option<String>),
    /// Global flags `(?i)` where they stand.
    Flags(String),
    /// Look-ahead or look-behind.
    Look(Look),
    /// A sequence.
    Concat(Vec<Node>),
    /// Alternatives in order.
    Alt(Vec<Node>),
    /// Repetition.
    Repeat {
        /// What repeats.
        node: Box<Node>,
        /// Fewest times.
        min: u32,
        /// Most times; `None` is unbounded.
        max: Option<u32>,
        /// Greedy (`*`) or lazy (`*?`).
        greedy: bool,
    },
}

/// A character class.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Class {
    /// `[^...]`.
    pub(crate) negated: bool,
    /// Its members.
    pub(crate) items: Vec<ClassItem>,
}

/// One member of a class.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ClassItem {
    /// A character range, both ends included (a single character is `c-c`).
    Range(char, char),
    /// `\d` and friends inside a class.
    Perl(Perl),
}

/// Perl-style shorthand classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Perl {
    /// `\d`: Unicode decimal digits (Nd).
    Digit,
    /// `\D`.
    NotDigit,
    /// `\w`: letters, numbers, `_`.
    Word,
    /// `\W`.
    NotWord,
    /// `\s`: Python whitespace.
    Space,
    /// `\S`.
    NotSpace,
}

/// Zero-width position tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// `^` or `\A`: start of the string.
    Start,
    /// `$` or `\Z`: end of the string. (Python's `$` also matches before a final `\n`; spaCy's
    /// tokenizer never hands a pattern a string that ends in `\n` unless it is all whitespace,
    /// which no affix rule matches, so `\z` is used for both.)
    End,
    /// `\b`.
    WordBoundary,
    /// `\B`.
    NotWordBoundary,
}

/// A look-around assertion.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Look {
    /// Look-behind (`(?<=`, `(?<!`) rather than look-ahead.
    pub(crate) behind: bool,
    /// Negative (`(?!`, `(?<!`).
    pub(crate) negated: bool,
    /// The asserted pattern.
    pub(crate) node: Box<Node>,
}

/// What the writer does with look-around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LookMode {
    /// Write it (for `fancy-regex`).
    Keep,
    /// Leave it out: the result matches a superset of the strings the pattern matches.
    Drop,
}

/// Reading a pattern failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// Character offset in the pattern.
    pub(crate) offset: usize,
    /// What is wrong.
    pub(crate) message: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at character {}: {}", self.offset, self.message)
    }
}

/// Reads a Python `re` pattern.
pub(crate) fn parse(pattern: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
    };
    let node = p.parse_alt()?;
    if p.pos < p.chars.len() {
        return Err(p.err("unbalanced parenthesis"));
    }
    Ok(node)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn parse_alt(&mut self) -> Result<Node, SyntaxError> {
        let mut alts = vec![self.parse_concat()?];
        while self.eat('|') {
            alts.push(self.parse_concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn parse_concat(&mut self) -> Result<Node, SyntaxError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.parse_atom()?;
            let atom = self.parse_quantifiers(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at the cursor (which is on `{`), if it is one.
    fn brace_quantifier(&self) -> Option<(u32, Option<u32>, usize)> {
        let mut k = 1;
        let mut lo = String::new();
        while let Some(c) = self.peek_at(k).filter(char::is_ascii_digit) {
            lo.push(c);
            k += 1;
        }
        let (min, max);
        match self.peek_at(k) {
            Some('}') => {
                min = lo.parse().ok()?;
                max = Some(min);
            }
            Some(',') => {
                k += 1;
                let mut hi = String::new();
                while let Some(c) = self.peek_at(k).filter(char::is_ascii_digit) {
                    hi.push(c);
                    k += 1;
                }
                if self.peek_at(k) != Some('}') {
                    return None;
                }
                min = if lo.is_empty() { 0 } else { lo.parse().ok()? };
                max = if hi.is_empty() {
                    None
                } else {
                    Some(hi.parse().ok()?)
                };
            }
            _ => return None,
        }
        Some((min, max, k + 1))
    }

    fn parse_quantifiers(&mut self, mut atom: Node) -> Result<Node, SyntaxError> {
        loop {
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    (0, None)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, None)
                }
                Some('?') => {
                    self.pos += 1;
                    (0, Some(1))
                }
                Some('{') => match self.brace_quantifier() {
                    Some((min, max, len)) => {
                        if max.is_some_and(|m| m < min) {
                            return Err(self.err("min repeat greater than max repeat"));
                        }
                        self.pos += len;
                        (min, max)
                    }
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if matches!(atom, Node::Repeat { .. }) {
                return Err(self.err("multiple repeat"));
            }
            if matches!(
                atom,
                Node::Anchor(_) | Node::Look(_) | Node::Empty | Node::Flags(_)
            ) {
                return Err(self.err("nothing to repeat"));
            }
            let greedy = !self.eat('?');
            if self.peek() == Some('+') {
                return Err(self.err("possessive repetition is not supported"));
            }
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
            };
        }
    }

    fn parse_atom(&mut self) -> Result<Node, SyntaxError> {
        let Some(c) = self.next() else {
            return Err(self.err("unexpected end of pattern"));
        };
        match c {
            '(' => self.parse_group(),
            '[' => self.parse_class().map(Node::Class),
            '.' => Ok(Node::Dot),
            '^' => Ok(Node::Anchor(Anchor::Start)),
            '$' => Ok(Node::Anchor(Anchor::End)),
            '\\' => self.parse_escape(false).map(|e| match e {
                Escape::Char(c) => Node::Literal(c),
                Escape::Perl(p) => Node::Perl(p),
                Escape::Anchor(a) => Node::Anchor(a),
            }),
            '*' | '+' | '?' => {
                self.pos -= 1;
                Err(self.err("nothing to repeat"))
            }
            '{' => {
                self.pos -= 1;
                if self.brace_quantifier().is_some() {
                    return Err(self.err("nothing to repeat"));
                }
                self.pos += 1;
                Ok(Node::Literal('{'))
            }
            c => Ok(Node::Literal(c)),
        }
    }

    fn parse_group(&mut self) -> Result<Node, SyntaxError> {
        let mut scoped_flags = None;
        if self.eat('?') {
            match self.next() {
                Some(':') => {}
                Some('=') => return self.finish_look(false, false),
                Some('!') => return self.finish_look(false, true),
                Some('<') => match self.next() {
                    Some('=') => return self.finish_look(true, false),
                    Some('!') => return self.finish_look(true, true),
                    _ => return Err(self.err("named groups are written (?P<name>...)")),
                },
                Some('P') => {
                    if !self.eat('<') {
                        return Err(self.err("named back-references are not supported"));
                    }
                    while let Some(c) = self.next() {
                        if c == '>' {
                            break;
                        }
                    }
                }
                Some('#') => {
                    while let Some(c) = self.next() {
                        if c == ')' {
                            return Ok(Node::Empty);
                        }
                    }
                    return Err(self.err("unterminated comment"));
                }
                Some(c) if "aiLmsux-".contains(c) => {
                    self.pos -= 1;
                    let flags = self.parse_flags()?;
                    if self.eat(')') {
                        return Ok(if flags.is_empty() {
                            Node::Empty
                        } else {
                            Node::Flags(flags)
                        });
                    }
                    if !self.eat(':') {
                        return Err(self.err("bad inline flags"));
                    }
                    scoped_flags = Some(flags).filter(|f| !f.is_empty());
                }
                Some('>') => return Err(self.err("atomic groups are not supported")),
                Some('(') => return Err(self.err("conditional groups are not supported")),
                _ => return Err(self.err("unknown group extension")),
            }
        }
        let inner = self.parse_alt()?;
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern"));
        }
        Ok(Node::Group(Box::new(inner), scoped_flags))
    }

    /// Python inline flags, translated to Rust's (`u` is Python 3's default and dropped).
    fn parse_flags(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            match c {
                'u' => {}
                'i' | 's' | '-' => out.push(c),
                'a' | 'L' | 'm' | 'x' => {
                    return Err(self.err(format!("the inline flag {c:?} is not supported")));
                }
                _ => break,
            }
            self.pos += 1;
        }
        if out.ends_with('-') {
            out.pop();
        }
        Ok(out)
    }

    fn finish_look(&mut self, behind: bool, negated: bool) -> Result<Node, SyntaxError> {
        let inner = self.parse_alt()?;
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated look-around"));
        }
        Ok(Node::Look(Look {
            behind,
            negated,
            node: Box::new(inner),
        }))
    }

    fn parse_class(&mut self) -> Result<Class, SyntaxError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.next() else {
                return Err(self.err("unterminated character set"));
            };
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                match self.parse_escape(true)? {
                    Escape::Char(c) => c,
                    Escape::Perl(p) => {
                        items.push(ClassItem::Perl(p));
                        continue;
                    }
                    Escape::Anchor(_) => return Err(self.err("bad escape in a class")),
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|n| n != ']') {
                self.pos += 1;
                let hi = match self.next() {
                    Some('\\') => match self.parse_escape(true)? {
                        Escape::Char(c) => c,
                        _ => return Err(self.err("bad character range")),
                    },
                    Some(c) => c,
                    None => return Err(self.err("unterminated character set")),
                };
                if hi < lo {
                    return Err(self.err("bad character range"));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Class { negated, items })
    }

    fn hex(&mut self, digits: usize) -> Result<char, SyntaxError> {
        let mut v = 0u32;
        for _ in 0..digits {
            let d = self.next().and_then(|c| c.to_digit(16));
            let Some(d) = d else {
                return Err(self.err(format!("expected {digits} hex digits")));
            };
            v = v * 16 + d;
        }
        char::from_u32(v).ok_or_else(|| self.err(format!("U+{v:X} is not a character")))
    }

    fn parse_escape(&mut self, in_class: bool) -> Result<Escape, SyntaxError> {
        let Some(c) = self.next() else {
            return Err(self.err("bad escape (end of pattern)"));
        };
        Ok(match c {
            'd' => Escape::Perl(Perl::Digit),
            'D' => Escape::Perl(Perl::NotDigit),
            'w' => Escape::Perl(Perl::Word),
            'W' => Escape::Perl(Perl::NotWord),
            's' => Escape::Perl(Perl::Space),
            'S' => Escape::Perl(Perl::NotSpace),
            'n' => Escape::Char('\n'),
            't' => Escape::Char('\t'),
            'r' => Escape::Char('\r'),
            'f' => Escape::Char('\u{c}'),
            'v' => Escape::Char('\u{b}'),
            'a' => Escape::Char('\u{7}'),
            'x' => Escape::Char(self.hex(2)?),
            'u' => Escape::Char(self.hex(4)?),
            'U' => Escape::Char(self.hex(8)?),
            'b' if in_class => Escape::Char('\u{8}'),
            'b' => Escape::Anchor(Anchor::WordBoundary),
            'B' if !in_class => Escape::Anchor(Anchor::NotWordBoundary),
            'A' if !in_class => Escape::Anchor(Anchor::Start),
            'Z' if !in_class => Escape::Anchor(Anchor::End),
            '0' => {
                // Python: \0 followed by up to two more octal digits.
                let mut v = 0u32;
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                Escape::Char(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' => {
                return Err(self.err("back-references and octal escapes are not supported"));
            }
            c if c.is_ascii_alphanumeric() => return Err(self.err(format!("bad escape \\{c}"))),
            c => Escape::Char(c),
        })
    }
}

enum Escape {
    Char(char),
    Perl(Perl),
    Anchor(Anchor),
}

/// Appends `c` so that both regex engines read it as that literal character.
pub(crate) fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:x}}}", u32::from(c));
    }
}

fn push_perl(out: &mut String, p: Perl, in_class: bool) {
    let (items, negated) = match p {
        Perl::Digit => (r"\d", false),
        Perl::NotDigit => (r"\D", false),
        Perl::Word => (PY_WORD_ITEMS, false),
        Perl::NotWord => (PY_WORD_ITEMS, true),
        Perl::Space => (PY_SPACE_ITEMS, false),
        Perl::NotSpace => (PY_SPACE_ITEMS, true),
    };
    match (negated, in_class) {
        (false, true) => out.push_str(items),
        (false, false) => {
            out.push('[');
            out.push_str(items);
            out.push(']');
        }
        (true, _) => {
            out.push_str("[^");
            out.push_str(items);
            out.push(']');
        }
    }
}

/// Writes a class in Rust syntax.
pub(crate) fn push_class(out: &mut String, class: &Class) {
    out.push('[');
    if class.negated {
        out.push('^');
    }
    if class.items.is_empty() {
        // Python rejects `[]`; an empty class never matches. Rust spells that `[^\x{0}-\x{10ffff}]`.
        out.push_str(if class.negated {
            r"\x{0}-\x{10ffff}"
        } else {
            r"^\x{0}-\x{10ffff}"
        });
    }
    for item in &class.items {
        match *item {
            ClassItem::Range(a, b) if a == b => push_char(out, a),
            ClassItem::Range(a, b) => {
                push_char(out, a);
                out.push('-');
                push_char(out, b);
            }
            ClassItem::Perl(p) => push_perl(out, p, true),
        }
    }
    out.push(']');
}

/// Whether `node` contains look-around anywhere.
pub(crate) fn has_look(node: &Node) -> bool {
    match node {
        Node::Look(_) => true,
        Node::Group(n, _) | Node::Repeat { node: n, .. } => has_look(n),
        Node::Concat(v) | Node::Alt(v) => v.iter().any(has_look),
        _ => false,
    }
}

/// Writes `node` in Rust regex syntax.
pub(crate) fn emit(node: &Node, looks: LookMode, out: &mut String) {
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Literal(c) => push_char(out, *c),
        Node::Class(class) => push_class(out, class),
        Node::Dot => out.push('.'),
        Node::Perl(p) => push_perl(out, *p, false),
        Node::Anchor(a) => out.push_str(match a {
            Anchor::Start => r"\A",
            Anchor::End => r"\z",
            Anchor::WordBoundary => r"\b",
            Anchor::NotWordBoundary => r"\B",
        }),
        Node::Group(inner, flags) => {
            out.push_str("(?");
            if let Some(f) = flags {
                out.push_str(f);
            }
            out.push(':');
            emit(inner, looks, out);
            out.push(')');
        }
        Node::Flags(f) => {
            out.push_str("(?");
            out.push_str(f);
            out.push(')');
        }
        Node::Look(look) => match looks {
            LookMode::Drop => out.push_str("(?:)"),
            LookMode::Keep => {
                out.push_str(match (look.behind, look.negated) {
                    (false, false) => "(?=",
                    (false, true) => "(?!",
                    (true, false) => "(?<=",
                    (true, true) => "(?<!",
                });
                emit(&look.node, looks, out);
                out.push(')');
            }
        },
        Node::Concat(items) => {
            for item in items {
                emit(item, looks, out);
            }
        }
        Node::Alt(alts) => {
            out.push_str("(?:");
            for (i, alt) in alts.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                emit(alt, looks, out);
            }
            out.push(')');
        }
        Node::Repeat {
            node,
            min,
            max,
            greedy,
        } => {
            out.push_str("(?:");
            emit(node, looks, out);
            out.push(')');
            match max {
                Some(max) if max == min => {
                    let _ = write!(out, "{{{min}}}");
                }
                Some(max) => {
                    let _ = write!(out, "{{{min},{max}}}");
                }
                None => {
                    let _ = write!(out, "{{{min},}}");
                }
            }
            if !greedy {
                out.push('?');
            }
        }
    }
}

/// `node` in Rust regex syntax.
pub(crate) fn to_rust(node: &Node, looks: LookMode) -> String {
    let mut out = String::new();
    emit(node, looks, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust(p: &str) -> String {
        to_rust(&parse(p).expect("test pattern parses"), LookMode::Keep)
    }

    #[test]
    fn reads_spacy_style_pieces() {
        let node = parse(r"^\+(?![0-9])|^…|(?<=[0-9])\.$").expect("parses");
        let Node::Alt(alts) = node else {
            panic!("expected alternation")
        };
        assert_eq!(alts.len(), 3);
        assert_eq!(rust(r"^\+(?![0-9])"), r"\A\x{2b}(?![0-9])");
        assert_eq!(rust(r"(?<=[0-9])\.$"), r"(?<=[0-9])\x{2e}\z");
        assert_eq!(
            rust(r"[\u00A6\U0001F000-\U0001F02B]"),
            r"[\x{a6}\x{1f000}-\x{1f02b}]"
        );
    }

    #[test]
    fn python_escapes_and_classes() {
        assert_eq!(rust(r"[+\-\*^]"), r"[\x{2b}\x{2d}\x{2a}\x{5e}]");
        assert_eq!(rust(r"[]a]"), r"[\x{5d}a]");
        assert_eq!(rust(r"[a-]"), r"[a\x{2d}]");
        assert_eq!(rust(r"\S+"), format!("(?:[^{PY_SPACE_ITEMS}]){{1,}}"));
        assert_eq!(rust(r"[\w.]"), format!("[{PY_WORD_ITEMS}\\x{{2e}}]"));
        assert_eq!(rust(r"a{,3}b{2}c{1,}?"), r"(?:a){0,3}(?:b){2}(?:c){1,}?");
        assert_eq!(rust(r"x{a"), r"x\x{7b}a");
        assert_eq!(rust(r"(?u)^a$"), r"(?:)\Aa\z");
        assert_eq!(rust(r"(?i:ab)"), r"(?i:ab)");
        assert_eq!(rust(r"(?P<n>a)"), r"(?:a)");
    }

    #[test]
    fn refuses_what_it_cannot_translate() {
        for p in [
            r"(a)\1", r"(?>a)", r"a*+", r"(?x)a", r"(?m)^a", r"(a", r"a)", r"\q", r"*a", r"[a",
        ] {
            assert!(parse(p).is_err(), "{p} should be refused");
        }
    }

    #[test]
    fn drop_mode_writes_a_superset() {
        let node = parse(r"^(?!10\.)\d+(?=x)$").expect("parses");
        assert!(has_look(&node));
        assert_eq!(to_rust(&node, LookMode::Drop), r"\A(?:)(?:[\d]){1,}(?:)\z");
    }
}
