//! The recogniser: hand-written patterns over [`Tok`]ens, tried left to right, the first
//! pattern that matches at a token winning (patterns are ordered longest first).
//!
//! Design choices where the issue is silent:
//!
//! * **Spans** leave out plain prepositions ("in 1956" → "1956", "on Wednesday" →
//!   "Wednesday", "during the Korean War" → "the Korean War") but keep the words that change
//!   the meaning ("since 2000", "from 1962 to 1975", "in two weeks", "two decades ago",
//!   "about 20 years ago", "the past five years").
//! * **Bare four-digit numbers** 1800–2100 are years unless the context makes them a count or
//!   an identifier: thousands separators ("1,500"), a following count noun or unit ("2000
//!   troops", "1500 km", "2000-strong"), a preceding label ("Resolution 1441", "Flight 2019"),
//!   currency, a phone-number shape ("555-2055"), a clock time ("1900 GMT"). Years 1000–1799
//!   also need a temporal word before them ("in 1453", "the 1648 treaty"). A year used as an
//!   adjective ("the 1990 border", "the 1979 invasion") is a year expression: it dates the
//!   noun, which is often the event.
//! * **Month names** must be capitalised. "May", "March" and the others without a day or year
//!   count only after a temporal word ("in May", "since March", "last August", "early June");
//!   "May" also never after "to", "and", "of" (a person: "told May", "Theresa May").
//!   Abbreviations ("Sept.", "Jan") need a full stop or a number.
//! * **Numeric dates** "1/2/2020" are month first (US wire style) unless a part is over 12
//!   or [`Finder::day_first`](crate::Finder::day_first) is set; "19.06.2024" is always day
//!   first; "2024-06-19" is ISO. Two-digit years are 20yy up to ten years after the
//!   publication year, else 19yy.
//! * **Decades**: "the 1990s", "the '90s", "the nineties" are decades; "the 1800s" and "the
//!   1900s" are centuries (year ranges 1800..1899), "the 2000s" alone a decade. Ordinal centuries
//!   ("the 19th century") are year ranges 1800..1899.
//! * **Seasons, quarters, halves** keep year precision with a [`Modifier`]; "mid-2022" is
//!   2022 with [`Modifier::Mid`]; "the end of June" is June with [`Modifier::Late`].
//! * **Times of day** ("at 3 p.m.", "10:30 GMT", "at dawn") are recognised; next to a day
//!   ("3 p.m. on Wednesday", "Wednesday morning") they join it, alone they take the anchor's
//!   day.

use dyad_ontology::PartialDate;

use crate::lexicon::Lex;
use crate::periods;
use crate::spec::{Dir, Part, Spec, What};
use crate::token::{Case, Shape, Suffix, Tok};
use crate::types::{Duration, Frequency, Kind, Modifier, Unit};

mod calendar;
mod clock;
mod dateline;
mod named;
mod ranges;
mod relative;
mod sets;

/// One match, in token indices.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub spec: Spec,
    pub duration: Option<Duration>,
    pub frequency: Option<Frequency>,
}

#[derive(Debug, Clone)]
struct M {
    end: usize,
    kind: Kind,
    spec: Spec,
    duration: Option<Duration>,
    frequency: Option<Frequency>,
}

impl M {
    fn new(end: usize, kind: Kind, what: What) -> M {
        M {
            end,
            kind,
            spec: Spec::new(what),
            duration: None,
            frequency: None,
        }
    }

    fn with_modifier(mut self, m: Option<Modifier>) -> M {
        self.spec = self.spec.with_modifier(m);
        self
    }

    fn future(mut self, f: bool) -> M {
        self.spec = self.spec.future(f);
        self
    }

    /// Whether the match has a date value (not a pure duration, set or time).
    fn datey(&self) -> bool {
        !matches!(self.kind, Kind::Duration | Kind::Set)
            || matches!(self.spec.what, What::PubSpan { .. })
    }

    /// The date is known to the day and is a day reference (for joining times of day).
    fn day_like(spec: &Spec) -> bool {
        match &spec.what {
            What::Abs(d) => d.precision() == dyad_ontology::Precision::Day,
            What::MonthDay { .. } | What::Weekday { .. } => true,
            What::InYear { day, .. } => day.is_some(),
            What::Offset { unit, .. } => *unit == Unit::Day,
            What::Anaphor { unit, .. } => *unit == Some(Unit::Day),
            _ => false,
        }
    }
}

pub(crate) struct Scanner<'a> {
    t: &'a [Tok],
    text: &'a str,
    pub_year: i16,
    day_first: bool,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(t: &'a [Tok], text: &'a str, pub_year: i16, day_first: bool) -> Self {
        Scanner {
            t,
            text,
            pub_year,
            day_first,
        }
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn prev_lex(&self, i: usize) -> Lex {
        if i == 0 { Lex::None } else { self.lex(i - 1) }
    }

    fn is(&self, i: usize, l: Lex) -> bool {
        self.lex(i) == l
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.shape {
            Shape::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn adj(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn is_cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(Tok::is_cap)
    }

    fn is_lower(&self, i: usize) -> bool {
        matches!(
            self.t.get(i).map(|t| t.shape),
            Some(Shape::Word(Case::Lower))
        )
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn text_is(&self, i: usize, w: &str) -> bool {
        self.text_of(i).eq_ignore_ascii_case(w)
    }

    /// A dash that can join the two ends of a range.
    fn range_dash(&self, i: usize) -> bool {
        match self.punct(i) {
            Some('-') => self.adj(i) && i > 0 && self.adj(i - 1),
            Some('\u{2013}') | Some('\u{2014}') => true,
            _ => false,
        }
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(
            self.punct(i),
            Some('-' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}')
        )
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.tok(i)?;
        (t.shape == Shape::Num).then_some((t.num, t.ndig))
    }

    pub(crate) fn scan(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            match self.at(i) {
                Some(m) => {
                    let end = m.end.max(i + 1).min(self.t.len());
                    out.push(Found {
                        start: i,
                        end,
                        kind: m.kind,
                        spec: m.spec,
                        duration: m.duration,
                        frequency: m.frequency,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        self.join_times(out)
    }

    fn interesting(t: &Tok) -> bool {
        match t.shape {
            Shape::Word(_) => t.lex != Lex::None || t.period,
            Shape::Num | Shape::NumSuffix(_) => true,
            Shape::Punct(c) => c == '\'',
            Shape::Other | Shape::Grouped => false,
        }
    }

    fn at(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        if !Self::interesting(t) {
            return None;
        }
        match t.lex {
            Lex::From | Lex::Between => {
                if let Some(m) = self.range(i) {
                    return Some(m);
                }
                return None;
            }
            Lex::Since => return self.since(i),
            _ => {}
        }
        let m = self.core(i, false)?;
        Some(self.dateline(i, m))
    }

    /// Any single expression starting at `i`. `cued`: a temporal word comes before (inside a
    /// range, after "since", "the end of", "early").
    fn core(&self, i: usize, cued: bool) -> Option<M> {
        let t = self.tok(i)?;
        if let Some(m) = self.approx(i) {
            return Some(m);
        }
        if t.period
            && let Some(m) = self.period(i)
        {
            return Some(m);
        }
        match t.shape {
            Shape::Num | Shape::NumSuffix(_) => self.numeric(i, cued),
            Shape::Punct('\'') => self.apostrophe(i, cued),
            Shape::Word(_) => self.word(i, cued),
            _ => None,
        }
    }

    fn word(&self, i: usize, cued: bool) -> Option<M> {
        match self.lex(i) {
            Lex::The => self.the(i),
            Lex::Month(_) | Lex::MonthAbbr(_) => self.month(i, cued),
            Lex::Weekday(_) => self.weekday(i),
            Lex::Weekdays(_) => self.is_cap(i).then(|| set(i + 1, 1, 1, Unit::Week)),
            Lex::Yesterday | Lex::Today | Lex::Tomorrow | Lex::Tonight | Lex::Overnight => {
                self.dayword(i)
            }
            Lex::Last
            | Lex::Next
            | Lex::This
            | Lex::Coming
            | Lex::Past
            | Lex::Previous
            | Lex::Following
            | Lex::Recent => self.deictic(i),
            Lex::Earlier | Lex::Later => self.earlier_later(i),
            Lex::That => self.that(i),
            Lex::Early | Lex::Mid | Lex::Late => self.early_late(i),
            Lex::Season(_) => self.season(i, cued),
            Lex::Num(_) => self.century(i).or_else(|| self.quantity(i)),
            Lex::A | Lex::Few | Lex::Several | Lex::Half => self.quantity(i),
            Lex::Unit(u) => self.vague_units(i, u),
            Lex::Ordinal(_) => self.century(i),
            Lex::Every | Lex::Each => self.every(i),
            Lex::Once | Lex::Twice => self.times(i),
            Lex::Frequency(u, k) => self.is_lower(i).then(|| set(i + 1, 1, k as u32, u)),
            Lex::In | Lex::Within => self.in_duration(i),
            Lex::Noon => Some(M::new(
                i + 1,
                Kind::Time,
                What::Anaphor { n: 0, unit: None },
            )),
            Lex::Dawn | Lex::PartOfDay => {
                let prev_ok = matches!(
                    self.prev_lex(i),
                    Lex::At | Lex::Before | Lex::After | Lex::By | Lex::Until | Lex::Around
                );
                let night_ok = self.lex(i) == Lex::Dawn || self.text_is(i, "night");
                (prev_ok && night_ok && self.is_lower(i))
                    .then(|| M::new(i + 1, Kind::Time, What::Anaphor { n: 0, unit: None }))
            }
            Lex::QuarterCode(q) => self.quarter_code(i, Modifier::Quarter(q)),
            Lex::HalfCode(h) => self.quarter_code(i, Modifier::Half(h)),
            Lex::Fiscal => {
                let j = if self.is(i + 1, Lex::Unit(Unit::Year)) {
                    i + 2
                } else {
                    i + 1
                };
                let y = self.year_tok(j)?;
                Some(M::new(
                    j + 1,
                    Kind::Date,
                    What::Abs(PartialDate::year(y).ok()?),
                ))
            }
            _ => None,
        }
    }

    fn strong_cue(&self, l: Lex) -> bool {
        matches!(
            l,
            Lex::In
                | Lex::Since
                | Lex::Until
                | Lex::Through
                | Lex::By
                | Lex::During
                | Lex::Before
                | Lex::After
                | Lex::Throughout
                | Lex::Last
                | Lex::Next
                | Lex::This
                | Lex::Early
                | Lex::Mid
                | Lex::Late
                | Lex::Past
                | Lex::Coming
                | Lex::Around
                | Lex::Over
                | Lex::On
        )
    }

    /// Nothing, or punctuation that ends a phrase, at `k`.
    fn clause_end(&self, k: usize) -> bool {
        match self.tok(k) {
            None => true,
            Some(t) => {
                matches!(
                    t.shape,
                    Shape::Punct(',' | '.' | ';' | ':' | ')' | '!' | '?' | '\u{2014}')
                ) || matches!(t.lex, Lex::And)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    Digits,
    Words,
    /// "a", "an", "one": needs a cue to be a duration ("for a year").
    Article,
    /// "few", "several", "a few".
    Vague,
}

impl M {
    fn with_duration(mut self, n: u32, unit: Unit) -> M {
        self.duration = Some(Duration { amount: n, unit });
        self
    }
}

fn set(end: usize, times: u32, n: u32, unit: Unit) -> M {
    let f = Frequency {
        times,
        every: Duration { amount: n, unit },
    };
    M {
        end,
        kind: Kind::Set,
        spec: Spec::new(What::Set(f)),
        duration: None,
        frequency: Some(f),
    }
}

fn anaphor(end: usize, n: i32, unit: Unit) -> M {
    M::new(
        end,
        Kind::Anaphoric,
        What::Anaphor {
            n,
            unit: Some(unit),
        },
    )
}

fn range_of(end: usize, a: What, b: What) -> M {
    M::new(
        end,
        Kind::Range,
        What::Range(Box::new(Spec::new(a)), Box::new(Spec::new(b))),
    )
}

fn valid_md(m: u8, d: u8) -> bool {
    PartialDate::day(2000, m, d).is_ok()
}
