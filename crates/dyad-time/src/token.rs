//! A small, fast tokenizer for the temporal grammar: runs of letters and digits, single
//! punctuation marks, and the whitespace facts the grammar needs (adjacency, line starts).

use crate::lexicon::{self, Lex, MAX_WORD};

/// Letter case of a word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// "june"
    Lower,
    /// "June"
    Title,
    /// "JUNE", or a single capital letter
    Upper,
    /// "iPhone", "McCain"
    Mixed,
}

/// Suffix of a number token that carries letters ("1990s", "19th", "3pm").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suffix {
    /// "1990s", "90s"
    S,
    /// "19th", "1st", "2nd", "3rd"
    Th,
    /// "3am"
    Am,
    /// "3pm"
    Pm,
}

/// Token shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Letters only (ASCII).
    Word(Case),
    /// Digits only.
    Num,
    /// Digits with a known suffix.
    NumSuffix(Suffix),
    /// A number with thousands separators ("1,500"): never a date part.
    Grouped,
    /// One punctuation character (curly quotes as `'`, dashes kept apart).
    Punct(char),
    /// Anything else: mixed letters and digits ("G20"), non-ASCII words.
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    pub lex: Lex,
    /// A named period may start here.
    pub period: bool,
    /// Value of the digits (saturating), for numbers.
    pub num: u32,
    /// Number of digits, for numbers.
    pub ndig: u8,
    /// First token of the text or of a line.
    pub line_start: bool,
}

impl Tok {
    pub(crate) fn is_cap(&self) -> bool {
        matches!(self.shape, Shape::Word(Case::Title | Case::Upper))
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Split `text` into tokens. Never panics; every span is on char boundaries.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut line_start = true;
    while i < n {
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b < 0x80 {
            if is_word_byte(b) {
                let start = i;
                let mut j = i;
                while j < n && is_word_byte(bytes[j]) {
                    j += 1;
                }
                // A non-ASCII letter glued to the run makes it a foreign word.
                let mut foreign = false;
                while j < n && bytes[j] >= 0x80 {
                    match text[j..].chars().next() {
                        Some(c) if c.is_alphanumeric() => {
                            foreign = true;
                            j += c.len_utf8();
                            while j < n && is_word_byte(bytes[j]) {
                                j += 1;
                            }
                        }
                        _ => break,
                    }
                }
                let mut tok = classify(text, start, j, foreign);
                // Thousands separators: "1,500", "12,000,000".
                if tok.shape == Shape::Num && tok.ndig <= 3 {
                    let mut k = j;
                    let mut grouped = false;
                    while k + 4 <= n
                        && bytes[k] == b','
                        && bytes[k + 1..k + 4].iter().all(u8::is_ascii_digit)
                        && bytes.get(k + 4).is_none_or(|c| !c.is_ascii_digit())
                    {
                        k += 4;
                        grouped = true;
                    }
                    if grouped {
                        tok.shape = Shape::Grouped;
                        tok.end = k;
                        j = k;
                    }
                }
                tok.line_start = line_start;
                out.push(tok);
                line_start = false;
                i = j;
            } else {
                out.push(Tok {
                    start: i,
                    end: i + 1,
                    shape: Shape::Punct(b as char),
                    lex: Lex::None,
                    period: false,
                    num: 0,
                    ndig: 0,
                    line_start,
                });
                line_start = false;
                i += 1;
            }
            continue;
        }
        // Non-ASCII.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                line_start = true;
            }
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + len;
            while j < n {
                if is_word_byte(bytes[j]) {
                    j += 1;
                    continue;
                }
                match text[j..].chars().next() {
                    Some(c) if !c.is_ascii() && c.is_alphanumeric() => j += c.len_utf8(),
                    _ => break,
                }
            }
            let mut tok = classify(text, start, j, true);
            tok.line_start = line_start;
            out.push(tok);
            line_start = false;
            i = j;
            continue;
        }
        let p = match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        };
        out.push(Tok {
            start: i,
            end: i + len,
            shape: Shape::Punct(p),
            lex: Lex::None,
            period: false,
            num: 0,
            ndig: 0,
            line_start,
        });
        line_start = false;
        i += len;
    }
}

fn classify(text: &str, start: usize, end: usize, foreign: bool) -> Tok {
    let mut tok = Tok {
        start,
        end,
        shape: Shape::Other,
        lex: Lex::None,
        period: false,
        num: 0,
        ndig: 0,
        line_start: false,
    };
    if foreign {
        return tok;
    }
    let s = &text.as_bytes()[start..end];
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        let mut v: u32 = 0;
        for &d in &s[..digits] {
            v = v.saturating_mul(10).saturating_add(u32::from(d - b'0'));
        }
        tok.num = v;
        tok.ndig = digits.min(255) as u8;
        let rest = &s[digits..];
        tok.shape = if rest.is_empty() {
            Shape::Num
        } else if rest.eq_ignore_ascii_case(b"s") {
            Shape::NumSuffix(Suffix::S)
        } else if rest.eq_ignore_ascii_case(b"th")
            || rest.eq_ignore_ascii_case(b"st")
            || rest.eq_ignore_ascii_case(b"nd")
            || rest.eq_ignore_ascii_case(b"rd")
        {
            Shape::NumSuffix(Suffix::Th)
        } else if rest.eq_ignore_ascii_case(b"am") {
            Shape::NumSuffix(Suffix::Am)
        } else if rest.eq_ignore_ascii_case(b"pm") {
            Shape::NumSuffix(Suffix::Pm)
        } else {
            Shape::Other
        };
        return tok;
    }
    let letters = s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    // "FY2023": fiscal year 2023, read as the year.
    if letters == 2
        && s.len() == 6
        && s[..2].eq_ignore_ascii_case(b"fy")
        && s[2..].iter().all(u8::is_ascii_digit)
    {
        tok.shape = Shape::Num;
        tok.ndig = 4;
        tok.num = s[2..]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        return tok;
    }
    if s.len() <= MAX_WORD {
        let mut buf = [0u8; MAX_WORD];
        for (k, b) in s.iter().enumerate() {
            buf[k] = b.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(&buf[..s.len()])
            && let Some(e) = lexicon::lookup(lower)
        {
            tok.lex = e.lex;
            tok.period = e.period;
        }
    }
    if letters == s.len() {
        let upper = s.iter().filter(|b| b.is_ascii_uppercase()).count();
        let case = if upper == 0 {
            Case::Lower
        } else if upper == s.len() {
            Case::Upper
        } else if upper == 1 && s[0].is_ascii_uppercase() {
            Case::Title
        } else {
            Case::Mixed
        };
        tok.shape = Shape::Word(case);
    } else if !matches!(tok.lex, Lex::None) || tok.period {
        // "Q3", "WW2": letters then digits the lexicon knows.
        tok.shape = Shape::Word(Case::Upper);
    }
    tok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(String, Shape)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter()
            .map(|t| (text[t.start..t.end].to_string(), t.shape))
            .collect()
    }

    #[test]
    fn numbers_and_words() {
        let s = shapes("In the 1990s, 1,500 troops left G20 on June 19th at 3pm.");
        let texts: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "In", "the", "1990s", ",", "1,500", "troops", "left", "G20", "on", "June", "19th",
                "at", "3pm", "."
            ]
        );
        assert_eq!(s[2].1, Shape::NumSuffix(Suffix::S));
        assert_eq!(s[4].1, Shape::Grouped);
        assert_eq!(s[7].1, Shape::Other);
        assert_eq!(s[10].1, Shape::NumSuffix(Suffix::Th));
        assert_eq!(s[12].1, Shape::NumSuffix(Suffix::Pm));
    }

    #[test]
    fn unicode_punctuation() {
        let s = shapes("1962\u{2013}75 Wednesday\u{2019}s Zürich");
        assert_eq!(s[1].1, Shape::Punct('\u{2013}'));
        assert_eq!(s[4].1, Shape::Punct('\''));
        assert_eq!(s[6].1, Shape::Other);
    }

    #[test]
    fn line_starts() {
        let mut v = Vec::new();
        tokenize("MOSCOW, March 3\nThe", &mut v);
        assert!(v[0].line_start && !v[1].line_start && v[4].line_start);
    }
}
