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
//!   1900s" are centuries (year ranges 1800..1899), "the 2000s" a decade. Ordinal centuries
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

    // ----- token helpers -------------------------------------------------------------------

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

    // ----- driver ---------------------------------------------------------------------------

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

    /// "from A to B", "between A and B".
    fn range(&self, i: usize) -> Option<M> {
        let between = self.is(i, Lex::Between);
        if let Some(m) = self.range_bare_start(i, between) {
            return Some(m);
        }
        let a = self.core(i + 1, true)?;
        if !a.datey() || a.kind == Kind::Range {
            return None;
        }
        let j = a.end;
        let conn = if between {
            self.is(j, Lex::And) || self.range_dash(j)
        } else {
            matches!(self.lex(j), Lex::To | Lex::Until | Lex::Through) || self.range_dash(j)
        };
        if !conn {
            return None;
        }
        let (b_spec, b_end) = match self.bare_day_after(j + 1, &a.spec) {
            Some(x) => x,
            None => {
                let b = self.core(j + 1, true)?;
                if !b.datey() || b.kind == Kind::Range {
                    return None;
                }
                (b.spec, b.end)
            }
        };
        let a_spec = propagate_year(a.spec, &b_spec);
        Some(M::new(
            b_end,
            Kind::Range,
            What::Range(Box::new(a_spec), Box::new(b_spec)),
        ))
    }

    /// "from 3 to 5 June", "between 1 and 3 March": a bare day before a full one.
    fn range_bare_start(&self, i: usize, between: bool) -> Option<M> {
        let (d, k) = self.day_num(i + 1)?;
        let conn = if between {
            self.is(k, Lex::And)
        } else {
            matches!(self.lex(k), Lex::To | Lex::Until | Lex::Through)
        };
        if !conn {
            return None;
        }
        let b = self.core(k + 1, true)?;
        let a = match &b.spec.what {
            What::MonthDay { month, day } if d < *day => What::MonthDay {
                month: *month,
                day: d,
            },
            What::Abs(pd)
                if pd.precision() == dyad_ontology::Precision::Day && Some(d) < pd.day_number() =>
            {
                What::Abs(PartialDate::day(pd.year_number(), pd.month_number()?, d).ok()?)
            }
            _ => return None,
        };
        Some(M::new(
            b.end,
            Kind::Range,
            What::Range(Box::new(Spec::new(a)), Box::new(b.spec)),
        ))
    }

    /// "from June 1 to 5": a bare day after a day in a range takes the start's month.
    fn bare_day_after(&self, k: usize, a: &Spec) -> Option<(Spec, usize)> {
        let (month, year) = match &a.what {
            What::MonthDay { month, .. } => (*month, None),
            What::Abs(d) if d.precision() == dyad_ontology::Precision::Day => {
                (d.month_number()?, Some(d.year_number()))
            }
            _ => return None,
        };
        let (d, next) = self.day_num(k)?;
        if self.month_name(next).is_some() || self.is(next, Lex::Of) {
            return None;
        }
        let (year, next) = match self.opt_year(next) {
            Some((y, n)) => (Some(y), n),
            None => (year, next),
        };
        let what = match year {
            Some(y) => What::Abs(PartialDate::day(y, month, d).ok()?),
            None => {
                PartialDate::day(2000, month, d).ok()?;
                What::MonthDay { month, day: d }
            }
        };
        Some((Spec::new(what), next))
    }

    fn since(&self, i: usize) -> Option<M> {
        // "since the 2019 election", "since the 1979 revolution": the year dates the event.
        if self.is(i + 1, Lex::The)
            && let Some(y) = self.year_tok(i + 2)
            && self.year_context_ok(i + 2, true)
            && self
                .tok(i + 3)
                .is_some_and(|t| matches!(t.shape, Shape::Word(_)))
        {
            let a = Spec::new(What::Abs(PartialDate::year(y).ok()?));
            return Some(M::new(i + 3, Kind::Range, What::Since(Box::new(a))));
        }
        let a = self.core(i + 1, true)?;
        if !a.datey() || matches!(a.kind, Kind::Range) {
            return None;
        }
        Some(M::new(a.end, Kind::Range, What::Since(Box::new(a.spec))))
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

    // ----- approximations -------------------------------------------------------------------

    fn approx(&self, i: usize) -> Option<M> {
        let j = match self.lex(i) {
            Lex::About | Lex::Around | Lex::Circa => i + 1,
            Lex::More | Lex::Less if self.is(i + 1, Lex::Than) => i + 2,
            _ if self.text_is(i, "c") && self.is_punct(i + 1, '.') && self.adj(i) => i + 2,
            _ => return None,
        };
        let inner = self.core(j, true)?;
        let ok = match &inner.spec.what {
            What::Abs(_) | What::Offset { .. } => true,
            What::Anaphor { unit, .. } => unit.is_some(),
            _ => false,
        };
        if !ok || !matches!(inner.kind, Kind::Date | Kind::Relative | Kind::Anaphoric) {
            return None;
        }
        Some(inner.with_modifier(Some(Modifier::Approx)))
    }

    // ----- named periods --------------------------------------------------------------------

    fn period(&self, i: usize) -> Option<M> {
        let first = self.text_of(i);
        if first.len() > crate::lexicon::MAX_WORD {
            return None;
        }
        let mut buf = [0u8; crate::lexicon::MAX_WORD];
        let lower = &mut buf[..first.len()];
        lower.copy_from_slice(first.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        let mut best: Option<(usize, periods::Target)> = None;
        for (alias, target) in periods::aliases_starting(lower) {
            if let Some(end) = self.match_alias(i, alias)
                && best.is_none_or(|(e, _)| end > e)
            {
                best = Some((end, target));
            }
        }
        let (end, target) = best?;
        match target {
            periods::Target::Holiday(month, day) => {
                Some(M::new(end, Kind::Relative, What::MonthDay { month, day }))
            }
            periods::Target::Period(p) => {
                let what = if p.end == Some(p.start) {
                    What::Abs(p.start)
                } else {
                    What::Fixed {
                        start: p.start,
                        end: p.end,
                    }
                };
                Some(M::new(end, Kind::Period, what))
            }
        }
    }

    /// Match `alias` (lower case words) at token `i`; returns the end token.
    fn match_alias(&self, i: usize, alias: &str) -> Option<usize> {
        let mut k = i;
        let needs_cap = alias.starts_with('^');
        let mut cap = false;
        let mut rest = alias.trim_start_matches('^');
        while !rest.is_empty() {
            rest = rest.trim_start_matches(' ');
            if rest.is_empty() {
                break;
            }
            let first = rest.chars().next()?;
            let len = if first.is_ascii_alphanumeric() {
                rest.find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(rest.len())
            } else {
                first.len_utf8()
            };
            let (piece, tail) = rest.split_at(len);
            let t = self.tok(k)?;
            let text = self.text_of(k);
            let ok = match t.shape {
                Shape::Punct(c) => piece.len() == 1 && piece.starts_with(c),
                _ => text.eq_ignore_ascii_case(piece),
            };
            if !ok {
                return None;
            }
            cap |= matches!(
                t.shape,
                Shape::Word(Case::Title | Case::Upper | Case::Mixed)
            ) || (t.shape == Shape::Num);
            k += 1;
            rest = tail;
        }
        (cap || !needs_cap).then_some(k)
    }

    // ----- words ----------------------------------------------------------------------------

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

    /// Expressions starting with "the".
    fn the(&self, i: usize) -> Option<M> {
        let j = i + 1;
        let t = self.tok(j)?;
        if t.period
            && let Some(m) = self.period(j)
        {
            return Some(m);
        }
        let cue_before = self.strong_cue(self.prev_lex(i));
        match (t.shape, t.lex) {
            (Shape::NumSuffix(Suffix::S), _) | (Shape::Punct('\''), _) => {
                return self.core(j, true).filter(|m| m.kind == Kind::Date);
            }
            (Shape::NumSuffix(Suffix::Th), _) => {
                if let Some(m) = self.numeric(j, true) {
                    return Some(m);
                }
                // "on the 5th," — a day of the current month.
                let day_ok = t.ndig <= 2 && (1..=31).contains(&t.num);
                if day_ok && self.prev_lex(i) == Lex::On && self.clause_end(j + 1) {
                    return Some(M::new(
                        j + 1,
                        Kind::Relative,
                        What::DayOfMonth { day: t.num as u8 },
                    ));
                }
                return None;
            }
            (Shape::Num, _) => {
                // "the 1990's"
                return self.decade_apostrophe(j);
            }
            _ => {}
        }
        match t.lex {
            Lex::DecadeWord(v) => {
                let y = self.pivot_decade(v as i16);
                Some(M::new(
                    j + 1,
                    Kind::Date,
                    What::Abs(PartialDate::decade(y).ok()?),
                ))
            }
            Lex::Mid if self.is(j + 1, Lex::Of) => self.end_of(j),
            Lex::Early | Lex::Mid | Lex::Late => self.early_late(j),
            Lex::Ordinal(_) => self.century(j).or_else(|| self.ordinal_part(j)),
            Lex::Unit(Unit::Year) if self.year_tok(j + 1).is_some() => self.year(j + 1, false),
            Lex::End | Lex::Start | Lex::Height => self.end_of(j),
            Lex::Season(_) => self.season(j, cue_before),
            Lex::Unit(Unit::Day) => match self.lex(j + 1) {
                Lex::Before if self.is(j + 2, Lex::Yesterday) => Some(M::new(
                    j + 3,
                    Kind::Relative,
                    What::Offset {
                        n: -2,
                        unit: Unit::Day,
                    },
                )),
                Lex::After if self.is(j + 2, Lex::Tomorrow) => Some(
                    M::new(
                        j + 3,
                        Kind::Relative,
                        What::Offset {
                            n: 2,
                            unit: Unit::Day,
                        },
                    )
                    .future(true),
                ),
                Lex::Before | Lex::Earlier => Some(anaphor(j + 2, -1, Unit::Day)),
                Lex::After | Lex::Later => Some(anaphor(j + 2, 1, Unit::Day)),
                _ => None,
            },
            Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year)) => match self.lex(j + 1) {
                // "the week before last", "the year before last"
                Lex::Before if self.is(j + 2, Lex::Last) => Some(match u {
                    Unit::Week => M::new(
                        j + 3,
                        Kind::Relative,
                        What::Week {
                            n: -2,
                            part: Part::Whole,
                        },
                    ),
                    _ => M::new(j + 3, Kind::Relative, What::Offset { n: -2, unit: u }),
                }),
                Lex::Before | Lex::Earlier => Some(anaphor(j + 2, -1, u)),
                Lex::After | Lex::Later => Some(anaphor(j + 2, 1, u)),
                _ => None,
            },
            Lex::Following | Lex::Next => {
                let dir = 1;
                if let Some((n, unit, end)) = self.count_units(j + 1) {
                    return Some(
                        M::new(end, Kind::Duration, What::PubSpan { n: n as i32, unit })
                            .future(true)
                            .with_duration(n, unit),
                    );
                }
                match self.lex(j + 1) {
                    Lex::Unit(Unit::Decade) if t.lex == Lex::Next => Some(
                        M::new(
                            j + 2,
                            Kind::Duration,
                            What::PubSpan {
                                n: 1,
                                unit: Unit::Decade,
                            },
                        )
                        .future(true)
                        .with_duration(1, Unit::Decade),
                    ),
                    Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                        Some(anaphor(j + 2, dir, u))
                    }
                    Lex::PartOfDay => Some(anaphor(j + 2, dir, Unit::Day)),
                    _ => None,
                }
            }
            Lex::Previous => match self.lex(j + 1) {
                Lex::Unit(
                    u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade),
                ) => Some(anaphor(j + 2, -1, u)),
                Lex::PartOfDay => Some(anaphor(j + 2, -1, Unit::Day)),
                _ => None,
            },
            Lex::Same => match self.lex(j + 1) {
                Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                    Some(anaphor(j + 2, 0, u))
                }
                Lex::PartOfDay => Some(anaphor(j + 2, 0, Unit::Day)),
                _ => None,
            },
            Lex::Past | Lex::Last => {
                if t.lex == Lex::Last && self.is(j + 1, Lex::Unit(Unit::Century)) {
                    return Some(M::new(j + 2, Kind::Relative, What::Century { n: -1 }));
                }
                self.past_span(j + 1)
            }
            Lex::Coming => self.coming_span(j + 1),
            Lex::Weekend => Some(M::new(
                j + 1,
                Kind::Relative,
                What::Weekend { dir: Dir::Plain },
            )),
            Lex::PartOfDay => {
                // "the night before", "the morning after"
                match self.lex(j + 1) {
                    Lex::Before if self.clause_end(j + 2) => {
                        return Some(anaphor(j + 2, -1, Unit::Day));
                    }
                    Lex::After if self.clause_end(j + 2) => {
                        return Some(anaphor(j + 2, 1, Unit::Day));
                    }
                    _ => {}
                }
                if self.is(j + 1, Lex::Of)
                    && let Some(m) = self.core(j + 2, true)
                    && M::day_like(&m.spec)
                {
                    return Some(m);
                }
                if matches!(self.prev_lex(i), Lex::In | Lex::During) && self.is_lower(j) {
                    return Some(M::new(
                        j + 1,
                        Kind::Time,
                        What::Anaphor { n: 0, unit: None },
                    ));
                }
                None
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

    /// "[N|few|several] units" after "the past", "the last", "past", "last".
    fn past_span(&self, j: usize) -> Option<M> {
        if let Some((n, unit, end)) = self.count_units(j) {
            return Some(
                M::new(
                    end,
                    Kind::Duration,
                    What::PubSpan {
                        n: -(n as i32),
                        unit,
                    },
                )
                .with_duration(n, unit),
            );
        }
        if let Lex::Unit(unit) = self.lex(j) {
            return Some(
                M::new(j + 1, Kind::Duration, What::PubSpan { n: -1, unit }).with_duration(1, unit),
            );
        }
        None
    }

    /// "[N] units" after "the coming", "the next".
    fn coming_span(&self, j: usize) -> Option<M> {
        if let Some((n, unit, end)) = self.count_units(j) {
            return Some(
                M::new(end, Kind::Duration, What::PubSpan { n: n as i32, unit })
                    .future(true)
                    .with_duration(n, unit),
            );
        }
        if let Lex::Unit(unit) = self.lex(j) {
            let n = if self.text_of(j).ends_with('s') { 3 } else { 1 };
            return Some(
                M::new(j + 1, Kind::Duration, What::PubSpan { n, unit })
                    .future(true)
                    .with_duration(n as u32, unit),
            );
        }
        None
    }

    /// "five years", "few days", "several months", "24 hours": (count, unit, end).
    fn count_units(&self, j: usize) -> Option<(u32, Unit, usize)> {
        let (n, k) = match self.lex(j) {
            Lex::Few | Lex::Several => (3, j + 1),
            _ => {
                let (n, k, strength) = self.number(j)?;
                if strength == Strength::Article {
                    return None;
                }
                (n, k)
            }
        };
        match self.lex(k) {
            Lex::Unit(u) => Some((n, u, k + 1)),
            Lex::Fortnight => Some((n * 2, Unit::Week, k + 1)),
            _ => None,
        }
    }

    /// "the end of X", "the beginning of X", "the height of X".
    fn end_of(&self, j: usize) -> Option<M> {
        let word = self.lex(j);
        let modifier = match word {
            Lex::End => Modifier::Late,
            Lex::Start => Modifier::Early,
            _ => Modifier::Mid,
        };
        if !self.is(j + 1, Lex::Of) {
            return None;
        }
        let k = j + 2;
        // A period: its end, its start or its middle.
        let pk = if self.is(k, Lex::The) { k + 1 } else { k };
        if self.tok(pk).is_some_and(|t| t.period)
            && let Some(m) = self.period(pk)
        {
            let (start, end) = match &m.spec.what {
                What::Fixed { start, end } => (*start, *end),
                What::Abs(d) => (*d, Some(*d)),
                _ => return None,
            };
            return match word {
                Lex::End => Some(M::new(m.end, Kind::Period, What::Abs(end?))),
                Lex::Start => Some(M::new(m.end, Kind::Period, What::Abs(start))),
                _ => Some(m.with_modifier(Some(Modifier::Mid))),
            };
        }
        // "the end of the year/month/week/decade/century".
        if self.is(k, Lex::The)
            && let Lex::Unit(u) = self.lex(k + 1)
        {
            let what = match u {
                Unit::Week => What::Week {
                    n: 0,
                    part: Part::Whole,
                },
                Unit::Month | Unit::Year | Unit::Decade => What::Offset { n: 0, unit: u },
                Unit::Century => What::Century { n: 0 },
                _ => return None,
            };
            return Some(M::new(k + 2, Kind::Relative, what).with_modifier(Some(modifier)));
        }
        let inner = self.core(k, true)?;
        let coarse = match &inner.spec.what {
            What::Abs(d) => d.precision() != dyad_ontology::Precision::Day,
            What::Month { .. }
            | What::Fixed { .. }
            | What::Century { .. }
            | What::InYear { day: None, .. } => true,
            What::Offset { unit, .. } => *unit >= Unit::Month,
            _ => false,
        };
        if !coarse || !inner.datey() {
            return None;
        }
        Some(inner.with_modifier(Some(modifier)))
    }

    /// "the first quarter [of 2023]", "the second half of last year".
    fn ordinal_part(&self, j: usize) -> Option<M> {
        let Lex::Ordinal(q) = self.lex(j) else {
            return None;
        };
        let part = match self.lex(j + 1) {
            Lex::Quarter if (1..=4).contains(&q) => Modifier::Quarter(q),
            Lex::Half if (1..=2).contains(&q) => Modifier::Half(q),
            _ => return None,
        };
        self.part_of_year(j + 2, part)
    }

    /// After a season, quarter or half: "of 2023", "2023", "of last year", or nothing.
    fn part_of_year(&self, k: usize, part: Modifier) -> Option<M> {
        let k2 = if self.is(k, Lex::Of) { k + 1 } else { k };
        if let Some(y) = self.year_tok(k2)
            && self.year_context_ok(k2, true)
        {
            return Some(
                M::new(k2 + 1, Kind::Date, What::Abs(PartialDate::year(y).ok()?))
                    .with_modifier(Some(part)),
            );
        }
        if let Some(n) = self.deictic_year(k2) {
            return Some(
                M::new(
                    k2 + 2,
                    Kind::Relative,
                    What::Offset {
                        n,
                        unit: Unit::Year,
                    },
                )
                .with_modifier(Some(part)),
            );
        }
        if self.is(k, Lex::Of) && self.is(k + 1, Lex::The) && self.is(k + 2, Lex::Unit(Unit::Year))
        {
            return Some(
                M::new(
                    k + 3,
                    Kind::Relative,
                    What::Offset {
                        n: 0,
                        unit: Unit::Year,
                    },
                )
                .with_modifier(Some(part)),
            );
        }
        // A bare quarter ("in the first quarter") is this year's; a bare half is too vague
        // ("the second half of the match").
        if matches!(part, Modifier::Half(_)) || self.is(k, Lex::Of) {
            return None;
        }
        Some(M::new(
            k,
            Kind::Relative,
            What::YearPart {
                part,
                dir: Dir::Plain,
            },
        ))
    }

    /// "last year" / "this year" / "next year" at `k`: the offset.
    fn deictic_year(&self, k: usize) -> Option<i32> {
        let n = match self.lex(k) {
            Lex::Last => -1,
            Lex::This => 0,
            Lex::Next => 1,
            _ => return None,
        };
        self.is(k + 1, Lex::Unit(Unit::Year)).then_some(n)
    }

    fn quarter_code(&self, i: usize, part: Modifier) -> Option<M> {
        if !matches!(self.tok(i)?.shape, Shape::Word(Case::Upper)) {
            return None;
        }
        let m = self.part_of_year(i + 1, part)?;
        Some(m)
    }

    /// Month patterns at a month name.
    fn month(&self, i: usize, cued: bool) -> Option<M> {
        let (m, j) = self.month_name(i)?;
        let full_may = m == 5 && self.lex(i) == Lex::Month(5);
        // Month Day [-Day] [, Year]
        if let Some((d, k)) = self.day_num(j)
            && valid_md(m, d)
            && !self.count_follows(k)
        {
            let (end_day, k) = match self.range_dash(k).then(|| self.day_num(k + 1)).flatten() {
                Some((e, k2)) if e > d && valid_md(m, e) => (Some(e), k2),
                _ => (None, k),
            };
            if let Some((y, k2)) = self.opt_year(k) {
                let a = What::Abs(PartialDate::day(y, m, d).ok()?);
                return Some(match end_day {
                    Some(e) => range_of(k2, a, What::Abs(PartialDate::day(y, m, e).ok()?)),
                    None => M::new(k2, Kind::Date, a),
                });
            }
            if let Some(off) = self.deictic_year(k) {
                return Some(M::new(
                    k + 2,
                    Kind::Relative,
                    What::InYear {
                        month: m,
                        day: Some(d),
                        off,
                    },
                ));
            }
            // "the March 23 Movement", "the April 6 Youth Movement": a name.
            if self.prev_lex(i) == Lex::The
                && self.is_cap(k)
                && !matches!(self.lex(k), Lex::Month(_) | Lex::Weekday(_))
            {
                return None;
            }
            let a = What::MonthDay { month: m, day: d };
            return Some(match end_day {
                Some(e) => range_of(k, a, What::MonthDay { month: m, day: e }),
                None => M::new(k, Kind::Relative, a),
            });
        }
        // Month [of] Year
        let jy = if self.is(j, Lex::Of) { j + 1 } else { j };
        if let Some((y, k)) = self.opt_year(jy)
            && (jy == j || !self.is_punct(jy, ','))
        {
            return Some(M::new(
                k,
                Kind::Date,
                What::Abs(PartialDate::month(y, m).ok()?),
            ));
        }
        // Month last/this/next year
        if let Some(off) = self.deictic_year(j) {
            return Some(M::new(
                j + 2,
                Kind::Relative,
                What::InYear {
                    month: m,
                    day: None,
                    off,
                },
            ));
        }
        // Bare month: needs a cue.
        let prev = self.prev_lex(i);
        let weak = matches!(
            prev,
            Lex::From | Lex::To | Lex::Of | Lex::And | Lex::Between | Lex::For
        );
        let possessive = self.is_punct(j, '\'') && self.adj(j - 1);
        if possessive && full_may {
            return None;
        }
        if self.strong_cue(prev) || cued || (weak && !full_may) {
            if full_may && (self.is_cap(j) || prev == Lex::On) {
                // "in May Smith said", "on May" (a person)
                return None;
            }
            return Some(M::new(
                j,
                Kind::Relative,
                What::Month {
                    month: m,
                    dir: Dir::Plain,
                },
            ));
        }
        None
    }

    /// A capitalised month name (abbreviations need "." or a number): (month, next token).
    fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if !t.is_cap() {
            return None;
        }
        match t.lex {
            Lex::Month(m) => {
                // "May." at the end of a sentence is fine; "Sept." too.
                Some((m, i + 1))
            }
            Lex::MonthAbbr(m) => {
                if self.is_punct(i + 1, '.') && self.adj(i) {
                    Some((m, i + 2))
                } else if self.num(i + 1).is_some() {
                    Some((m, i + 1))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A day of the month: "19", "19th", "1st".
    fn day_num(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let ok = match t.shape {
            Shape::Num | Shape::NumSuffix(Suffix::Th) => t.ndig <= 2 && (1..=31).contains(&t.num),
            _ => false,
        };
        if !ok {
            return None;
        }
        // Not "19:30", "19.5", "19/6".
        if self.adj(i)
            && matches!(self.punct(i + 1), Some(':' | '.' | '/' | ','))
            && self.adj(i + 1)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.adj(i) && self.is_punct(i + 1, '%') {
            return None;
        }
        Some((t.num as u8, i + 1))
    }

    /// A count noun or unit follows (so the number before is not a day or a year).
    fn count_follows(&self, k: usize) -> bool {
        matches!(
            self.lex(k),
            Lex::CountNoun | Lex::Unit(_) | Lex::Fortnight | Lex::Per
        ) || self.is_punct(k, '%')
            || (self.is_dash(k)
                && self.adj(k)
                && self.adj(k - 1)
                && self
                    .tok(k + 1)
                    .is_some_and(|t| matches!(t.shape, Shape::Word(_)))
                && !self.is(k + 1, Lex::Era))
    }

    /// "[,] 2024" after a month or day.
    fn opt_year(&self, k: usize) -> Option<(i16, usize)> {
        let k = if self.is_punct(k, ',') { k + 1 } else { k };
        let y = self.year_tok(k)?;
        if self.count_follows(k + 1)
            || (self.adj(k) && matches!(self.punct(k + 1), Some(':' | '/')))
        {
            return None;
        }
        Some((y, k + 1))
    }

    /// A four-digit year token 1000–2100 that is not part of a decimal or a grouped number.
    fn year_tok(&self, i: usize) -> Option<i16> {
        let t = self.tok(i)?;
        if t.shape != Shape::Num || t.ndig != 4 || !(1000..=2100).contains(&t.num) {
            return None;
        }
        if self.adj(i)
            && matches!(self.punct(i + 1), Some('.' | ',' | ':'))
            && self.adj(i + 1)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if i >= 2
            && self.adj(i - 1)
            && matches!(self.punct(i - 1), Some('.' | ':' | ','))
            && self.adj(i - 2)
            && self.num(i - 2).is_some()
        {
            return None;
        }
        Some(t.num as i16)
    }

    /// Context of a bare year at `i` (no month or day with it).
    fn year_context_ok(&self, i: usize, cued: bool) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let prev = self.prev_lex(i);
        if i > 0 {
            match self.punct(i - 1) {
                Some(
                    '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '#' | '+' | '/' | ':' | '\u{2116}',
                ) => {
                    return false;
                }
                Some('-')
                    if self.adj(i - 1)
                        && i >= 2
                        && self.adj(i - 2)
                        && self.num(i - 2).is_some() =>
                {
                    return false;
                }
                Some('(') if i >= 2 && self.num(i - 2).is_some() => return false,
                _ => {}
            }
            if matches!(prev, Lex::Label | Lex::Than) {
                return false;
            }
            if let Some(p) = self.tok(i - 1)
                && matches!(p.shape, Shape::Num | Shape::Grouped)
            {
                return false;
            }
            if self.text_is(i - 1, "us") && self.is_cap(i - 1) {
                return false; // "US$"
            }
        }
        // What follows.
        let k = i + 1;
        if matches!(
            self.lex(k),
            Lex::CountNoun | Lex::Unit(_) | Lex::Tz | Lex::Per | Lex::Fortnight | Lex::Of
        ) || self.is_punct(k, '%')
        {
            return false;
        }
        if self.adj(i) {
            match self.punct(k) {
                Some('-') => {
                    if let Some(n) = self.tok(k + 1)
                        && self.adj(k)
                    {
                        match n.shape {
                            Shape::Word(_) if n.lex != Lex::Era => return false,
                            Shape::Num | Shape::Grouped => return false,
                            _ => {}
                        }
                    }
                }
                Some('/') => return false,
                _ => {}
            }
        }
        if self.is_punct(k, '-') && self.num(k + 1).is_some() && !self.adj(i) {
            // "555 - 2055"
            return false;
        }
        if t.num < 1800 {
            let cue = cued
                || self.strong_cue(prev)
                || matches!(
                    prev,
                    Lex::From
                        | Lex::Of
                        | Lex::Between
                        | Lex::And
                        | Lex::To
                        | Lex::The
                        | Lex::Circa
                        | Lex::Month(_)
                        | Lex::Season(_)
                        | Lex::Unit(Unit::Year)
                );
            if !cue {
                return false;
            }
        }
        true
    }

    fn pivot_year2(&self, yy: u32) -> i16 {
        let y = 2000 + yy as i16;
        if y <= self.pub_year.saturating_add(10) {
            y
        } else {
            y - 100
        }
    }

    fn pivot_decade(&self, v: i16) -> i16 {
        let y = 2000 + v;
        if y <= self.pub_year { y } else { 1900 + v }
    }

    // ----- numbers --------------------------------------------------------------------------

    fn numeric(&self, i: usize, cued: bool) -> Option<M> {
        let t = *self.tok(i)?;
        match t.shape {
            Shape::NumSuffix(Suffix::S) => self.decade(i, cued),
            Shape::NumSuffix(Suffix::Th) => self
                .century(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.time_of_day(i)),
            Shape::NumSuffix(Suffix::Am | Suffix::Pm) => self.time_of_day(i),
            Shape::Num => self
                .nine_eleven(i)
                .or_else(|| self.numeric_date(i))
                .or_else(|| self.time_of_day(i))
                .or_else(|| self.day_month(i))
                .or_else(|| self.quantity(i))
                .or_else(|| self.decade_apostrophe(i))
                .or_else(|| self.year(i, cued)),
            _ => None,
        }
    }

    fn nine_eleven(&self, i: usize) -> Option<M> {
        let ok = self.num(i) == Some((9, 1))
            && self.adj(i)
            && self.is_punct(i + 1, '/')
            && self.adj(i + 1)
            && self.num(i + 2) == Some((11, 2))
            && !(self.adj(i + 2) && matches!(self.punct(i + 3), Some('/' | '-')));
        if !ok {
            return None;
        }
        let end = if self.text_is(i + 3, "attacks") {
            i + 4
        } else {
            i + 3
        };
        Some(M::new(
            end,
            Kind::Period,
            What::Abs(PartialDate::day(2001, 9, 11).ok()?),
        ))
    }

    /// "2024-06-19", "2024/06/19", "6/19/2024", "19.06.2024", "1/2/20".
    fn numeric_date(&self, i: usize) -> Option<M> {
        let (a, an) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '-' | '/' | '.') {
            return None;
        }
        if !(self.adj(i) && self.adj(i + 1) && self.adj(i + 2) && self.adj(i + 3)) {
            return None;
        }
        let (b, bn) = self.num(i + 2)?;
        if self.punct(i + 3)? != sep {
            return None;
        }
        let (c, cn) = self.num(i + 4)?;
        // Not part of something longer ("1/2/2020/5", "192.168.1.1").
        if self.adj(i + 4)
            && matches!(self.punct(i + 5), Some('/' | '-' | '.'))
            && self.num(i + 6).is_some()
        {
            return None;
        }
        if i > 0 && self.adj(i - 1) && matches!(self.punct(i - 1), Some('/' | '-' | '.' | ':')) {
            return None;
        }
        let date = if an == 4 && bn <= 2 && cn <= 2 && sep != '.' {
            PartialDate::day(a as i16, b as u8, c as u8).ok()
        } else if an <= 2 && bn <= 2 && (cn == 4 || (cn == 2 && sep == '/')) {
            let y = if cn == 4 {
                c as i16
            } else {
                self.pivot_year2(c)
            };
            if !(1000..=2100).contains(&y) {
                return None;
            }
            let day_first = sep == '.'
                || (sep == '-' && self.day_first)
                || a > 12
                || (self.day_first && b <= 12);
            let (m, d) = if day_first && b <= 12 { (b, a) } else { (a, b) };
            PartialDate::day(y, m as u8, d as u8).ok()
        } else {
            None
        }?;
        Some(M::new(i + 5, Kind::Date, What::Abs(date)))
    }

    /// "10:30", "3 p.m.", "3pm", "1900 GMT", "0400 hours", "five o'clock".
    fn time_of_day(&self, i: usize) -> Option<M> {
        let t = *self.tok(i)?;
        let mut k;
        match t.shape {
            Shape::NumSuffix(Suffix::Am | Suffix::Pm)
                if (1..=12).contains(&t.num) && t.ndig <= 2 =>
            {
                k = i + 1;
            }
            Shape::Num if t.ndig <= 2 && t.num <= 24 => {
                if self.adj(i)
                    && matches!(self.punct(i + 1), Some(':' | '.'))
                    && self.adj(i + 1)
                    && self.num(i + 2).is_some_and(|(m, n)| n == 2 && m < 60)
                    && !(self.adj(i + 2)
                        && matches!(self.punct(i + 3), Some(':' | '.' | '/'))
                        && self.adj(i + 3)
                        && self.num(i + 4).is_some_and(|(_, n)| n == 2 || n == 4)
                        && self.punct(i + 1) != Some(':'))
                {
                    k = i + 3;
                    // "10:30" needs a colon or an am/pm/zone; "19.30" too.
                    let colon = self.is_punct(i + 1, ':');
                    let after = self.ampm(k).or_else(|| self.tz(k));
                    if !colon && after.is_none() {
                        return None;
                    }
                } else if let Some(e) = self.ampm(i + 1) {
                    if !(1..=12).contains(&t.num) {
                        return None;
                    }
                    k = e;
                    let _ = k;
                    return Some(self.finish_time(e));
                } else if self.text_is(i + 1, "o")
                    && self.is_punct(i + 2, '\'')
                    && self.text_is(i + 3, "clock")
                {
                    return Some(M::new(
                        i + 4,
                        Kind::Time,
                        What::Anaphor { n: 0, unit: None },
                    ));
                } else {
                    return None;
                }
            }
            Shape::Num if t.ndig == 4 && t.num <= 2359 && t.num % 100 < 60 => {
                let zone = self.lex(i + 1) == Lex::Tz
                    || (self.is(i + 1, Lex::Unit(Unit::Hour)) && self.text_is(i + 1, "hours"));
                if !zone {
                    return None;
                }
                k = i + 1;
            }
            _ => return None,
        }
        if let Some(e) = self.ampm(k) {
            k = e;
        }
        Some(self.finish_time(k))
    }

    fn finish_time(&self, mut k: usize) -> M {
        if let Some(e) = self.tz(k) {
            k = e;
        }
        M::new(k, Kind::Time, What::Anaphor { n: 0, unit: None })
    }

    /// "am", "pm", "a.m.", "p.m.", "AM".
    fn ampm(&self, k: usize) -> Option<usize> {
        match self.lex(k) {
            Lex::Am | Lex::Pm => return Some(k + 1),
            _ => {}
        }
        let first = self.text_of(k);
        if (first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("p"))
            && self.adj(k)
            && self.is_punct(k + 1, '.')
            && self.adj(k + 1)
            && self.text_is(k + 2, "m")
        {
            let end = if self.adj(k + 2) && self.is_punct(k + 3, '.') {
                k + 4
            } else {
                k + 3
            };
            return Some(end);
        }
        None
    }

    /// "GMT", "local time", "(1900 GMT)" is left to its own match.
    fn tz(&self, k: usize) -> Option<usize> {
        if self.lex(k) == Lex::Tz {
            if self.text_is(k, "local") {
                return self.text_is(k + 1, "time").then_some(k + 2);
            }
            return Some(k + 1);
        }
        None
    }

    /// "19 June", "19th of June 2024", "19-21 June".
    fn day_month(&self, i: usize) -> Option<M> {
        let (d, j) = self.day_num(i)?;
        let (end_day, j) = match self.range_dash(j).then(|| self.day_num(j + 1)).flatten() {
            Some((e, j2)) if e > d => (Some(e), j2),
            _ => (None, j),
        };
        let j = if self.is(j, Lex::Of) { j + 1 } else { j };
        let (m, k) = self.month_name(j)?;
        if !valid_md(m, d) || end_day.is_some_and(|e| !valid_md(m, e)) {
            return None;
        }
        if let Some((y, k2)) = self.opt_year(k) {
            let a = What::Abs(PartialDate::day(y, m, d).ok()?);
            return Some(match end_day {
                Some(e) => range_of(k2, a, What::Abs(PartialDate::day(y, m, e).ok()?)),
                None => M::new(k2, Kind::Date, a),
            });
        }
        if let Some(off) = self.deictic_year(k) {
            return Some(M::new(
                k + 2,
                Kind::Relative,
                What::InYear {
                    month: m,
                    day: Some(d),
                    off,
                },
            ));
        }
        let a = What::MonthDay { month: m, day: d };
        Some(match end_day {
            Some(e) => range_of(k, a, What::MonthDay { month: m, day: e }),
            None => M::new(k, Kind::Relative, a),
        })
    }

    /// "1990s", "90s" (after "the", "'", "early"...), "1800s" (a century).
    fn decade(&self, i: usize, cued: bool) -> Option<M> {
        let t = *self.tok(i)?;
        if t.num % 10 != 0 {
            return None;
        }
        match t.ndig {
            4 if (1000..=2090).contains(&t.num) => {
                let y = t.num as i16;
                if t.num % 100 == 0 && t.num < 2000 {
                    let a = PartialDate::year(y).ok()?;
                    let b = PartialDate::year(y + 99).ok()?;
                    return Some(M::new(
                        i + 1,
                        Kind::Date,
                        What::Fixed {
                            start: a,
                            end: Some(b),
                        },
                    ));
                }
                Some(M::new(
                    i + 1,
                    Kind::Date,
                    What::Abs(PartialDate::decade(y).ok()?),
                ))
            }
            2 => {
                // "the '90s" always; "the 90s" only after a temporal word ("in the 90s"), not
                // "reached the 90s" (temperatures) or "in her 70s" (ages).
                let apostrophe = i > 0 && self.is_punct(i - 1, '\'') && self.adj(i - 1);
                let the_cued = self.prev_lex(i) == Lex::The
                    && i >= 2
                    && (self.strong_cue(self.lex(i - 2))
                        || matches!(self.lex(i - 2), Lex::Of | Lex::From | Lex::Since | Lex::To));
                let mod_cued = matches!(self.prev_lex(i), Lex::Early | Lex::Mid | Lex::Late)
                    || (i >= 2 && self.is_dash(i - 1) && self.lex(i - 2) == Lex::Mid);
                let prev_ok =
                    apostrophe || the_cued || mod_cued || (cued && self.prev_lex(i) != Lex::The);
                if !prev_ok {
                    return None;
                }
                let y = self.pivot_decade(t.num as i16);
                Some(M::new(
                    i + 1,
                    Kind::Date,
                    What::Abs(PartialDate::decade(y).ok()?),
                ))
            }
            _ => None,
        }
    }

    /// "1990's".
    fn decade_apostrophe(&self, i: usize) -> Option<M> {
        let (v, n) = self.num(i)?;
        if n != 4 || v % 10 != 0 || !(1000..=2090).contains(&v) {
            return None;
        }
        if !(self.adj(i)
            && self.is_punct(i + 1, '\'')
            && self.adj(i + 1)
            && self.text_is(i + 2, "s"))
        {
            return None;
        }
        let y = v as i16;
        if v % 100 == 0 && v < 2000 {
            let a = PartialDate::year(y).ok()?;
            let b = PartialDate::year(y + 99).ok()?;
            return Some(M::new(
                i + 3,
                Kind::Date,
                What::Fixed {
                    start: a,
                    end: Some(b),
                },
            ));
        }
        Some(M::new(
            i + 3,
            Kind::Date,
            What::Abs(PartialDate::decade(y).ok()?),
        ))
    }

    /// "'90s", "'68".
    fn apostrophe(&self, i: usize, cued: bool) -> Option<M> {
        if !self.adj(i) {
            return None;
        }
        let n = *self.tok(i + 1)?;
        match n.shape {
            Shape::NumSuffix(Suffix::S) if n.ndig == 2 => self.decade(i + 1, true),
            Shape::Num if n.ndig == 2 => {
                let cue = cued
                    || self.strong_cue(self.prev_lex(i))
                    || matches!(
                        self.prev_lex(i),
                        Lex::Of | Lex::Season(_) | Lex::Month(_) | Lex::The
                    );
                if !cue
                    || (self.adj(i + 1)
                        && self
                            .tok(i + 2)
                            .is_some_and(|t| matches!(t.shape, Shape::Word(_) | Shape::Num)))
                {
                    return None;
                }
                let y = self.pivot_year2(n.num);
                Some(M::new(
                    i + 2,
                    Kind::Date,
                    What::Abs(PartialDate::year(y).ok()?),
                ))
            }
            _ => None,
        }
    }

    /// A bare year, possibly the start of a range ("1962-75", "1939 to 1945").
    fn year(&self, i: usize, cued: bool) -> Option<M> {
        let y = self.year_tok(i)?;
        // "2019-20", "1962–1975", "2024-06" (ISO month).
        let j = i + 1;
        // "2020/21", "2020/2021": a fiscal or academic year pair.
        if self.adj(i)
            && self.is_punct(j, '/')
            && self.adj(j)
            && let Some((v, n)) = self.num(j + 1)
            && ((n == 2 && v == (y as u32 + 1) % 100) || (n == 4 && v == y as u32 + 1))
            && !(self.adj(j + 1) && self.is_punct(j + 2, '/'))
        {
            let a = What::Abs(PartialDate::year(y).ok()?);
            let b = What::Abs(PartialDate::year(y + 1).ok()?);
            return Some(range_of(j + 2, a, b));
        }
        if self.range_dash(j)
            && let Some((v, n)) = self.num(j + 1)
            && (n == 2 || n == 4)
            && !(self.adj(j + 1) && matches!(self.punct(j + 2), Some('-' | '/')))
        {
            let yy = y as u32 % 100;
            let leading_zero = self.text_of(j + 1).starts_with('0');
            if n == 2
                && self.punct(j) == Some('-')
                && leading_zero
                && (1..=12).contains(&v)
                && v != (yy + 1) % 100
            {
                return Some(M::new(
                    j + 2,
                    Kind::Date,
                    What::Abs(PartialDate::month(y, v as u8).ok()?),
                ));
            }
            let end = if n == 4 {
                v as i32
            } else {
                let c = (y as i32 / 100) * 100 + v as i32;
                if c <= y as i32 { c + 100 } else { c }
            };
            if end > y as i32 && end - (y as i32) <= 100 && end <= 2100 {
                let a = What::Abs(PartialDate::year(y).ok()?);
                let b = What::Abs(PartialDate::year(end as i16).ok()?);
                return Some(range_of(j + 2, a, b));
            }
            return None;
        }
        if !self.year_context_ok(i, cued) {
            return None;
        }
        let a = What::Abs(PartialDate::year(y).ok()?);
        if !cued
            && matches!(self.lex(j), Lex::To | Lex::Through | Lex::Until)
            && let Some(y2) = self.year_tok(j + 1)
            && y2 > y
            && self.year_context_ok(j + 1, true)
        {
            let b = What::Abs(PartialDate::year(y2).ok()?);
            return Some(range_of(j + 2, a, b));
        }
        Some(M::new(j, Kind::Date, a))
    }

    /// "the 19th century", "twenty-first-century", "19th-century".
    fn century(&self, i: usize) -> Option<M> {
        let t = *self.tok(i)?;
        let (n, j) = match (t.shape, t.lex) {
            (Shape::NumSuffix(Suffix::Th), _) if t.ndig <= 2 => (t.num, i + 1),
            (_, Lex::Ordinal(n)) => (n as u32, i + 1),
            (_, Lex::Num(20))
                if self.is_dash(i + 1) && matches!(self.lex(i + 2), Lex::Ordinal(_)) =>
            {
                let Lex::Ordinal(k) = self.lex(i + 2) else {
                    return None;
                };
                (20 + k as u32, i + 3)
            }
            _ => return None,
        };
        let j = if self.is_dash(j) && self.adj(j) {
            j + 1
        } else {
            j
        };
        if !self.is(j, Lex::Unit(Unit::Century)) || !(1..=21).contains(&n) {
            return None;
        }
        let start = (n as i16 - 1) * 100;
        let a = PartialDate::year(start.max(1)).ok()?;
        let b = PartialDate::year(start + 99).ok()?;
        Some(M::new(
            j + 1,
            Kind::Date,
            What::Fixed {
                start: a,
                end: Some(b),
            },
        ))
    }

    /// A count: digits, number words ("twenty-five"), "a", "a dozen", "a couple of", "few".
    fn number(&self, i: usize) -> Option<(u32, usize, Strength)> {
        let t = *self.tok(i)?;
        match (t.shape, t.lex) {
            (Shape::Num, _) => {
                if t.ndig > 4 || t.num == 0 {
                    return None;
                }
                if self.adj(i)
                    && matches!(self.punct(i + 1), Some('.' | ',' | ':' | '/'))
                    && self.adj(i + 1)
                    && self.num(i + 2).is_some()
                {
                    return None;
                }
                Some((t.num, i + 1, Strength::Digits))
            }
            (_, Lex::Num(n)) => {
                if n == 12 && self.text_is(i, "dozen") {
                    return None;
                }
                if (20..=90).contains(&n) && n % 10 == 0 {
                    let k = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
                    if let Lex::Num(u) = self.lex(k)
                        && (1..=9).contains(&u)
                    {
                        return Some((n + u, k + 1, Strength::Words));
                    }
                }
                let strength = if n == 1 {
                    Strength::Article
                } else {
                    Strength::Words
                };
                Some((n, i + 1, strength))
            }
            (_, Lex::A) => match self.lex(i + 1) {
                Lex::Num(12) if self.text_is(i + 1, "dozen") => Some((12, i + 2, Strength::Words)),
                Lex::Num(100) => Some((100, i + 2, Strength::Words)),
                Lex::Couple if self.is(i + 2, Lex::Of) => Some((2, i + 3, Strength::Words)),
                Lex::Few => Some((3, i + 2, Strength::Vague)),
                _ => Some((1, i + 1, Strength::Article)),
            },
            (_, Lex::Few | Lex::Several) => Some((3, i + 1, Strength::Vague)),
            _ => None,
        }
    }

    /// Counts of units: durations, "ago", "later", "earlier", "from now".
    fn quantity(&self, i: usize) -> Option<M> {
        // "half a century ago", "half an hour"
        if self.is(i, Lex::Half) {
            if !self.is(i + 1, Lex::A) {
                return None;
            }
            let (n, unit) = match self.lex(i + 2) {
                Lex::Unit(Unit::Century) => (5, Unit::Decade),
                Lex::Unit(Unit::Decade) => (5, Unit::Year),
                Lex::Unit(Unit::Year) => (6, Unit::Month),
                Lex::Unit(Unit::Hour) => (30, Unit::Minute),
                Lex::Unit(Unit::Day) => (12, Unit::Hour),
                _ => return None,
            };
            return self.after_units(i, n, unit, i + 3, Strength::Words, false);
        }
        let (n, j, strength) = self.number(i)?;
        if self.is(j, Lex::Times) {
            return self.times_from(j + 1, n);
        }
        let (unit, n, k, adjectival) = match self.lex(j) {
            Lex::Unit(u) => (u, n, j + 1, false),
            Lex::Fortnight => (Unit::Week, n * 2, j + 1, false),
            _ if self.is_dash(j) && self.adj(j) && self.adj(j - 1) => match self.lex(j + 1) {
                Lex::Unit(u) => (u, n, j + 2, true),
                _ => return None,
            },
            _ => return None,
        };
        // Ages: "a 45-year-old", "45 years old".
        if (adjectival && self.is_dash(k) && self.is(k + 1, Lex::Old)) || self.is(k, Lex::Old) {
            return None;
        }
        if adjectival {
            if strength == Strength::Vague {
                return None;
            }
            return Some(
                M::new(
                    k,
                    Kind::Duration,
                    What::Duration(Duration { amount: n, unit }),
                )
                .with_duration(n, unit),
            );
        }
        self.after_units(i, n, unit, k, strength, true)
    }

    fn after_units(
        &self,
        i: usize,
        n: u32,
        unit: Unit,
        k: usize,
        strength: Strength,
        plain_ok: bool,
    ) -> Option<M> {
        let ni = i32::try_from(n).ok()?;
        let approx = (strength == Strength::Vague).then_some(Modifier::Approx);
        match self.lex(k) {
            Lex::Ago => {
                return Some(
                    M::new(k + 1, Kind::Relative, What::Offset { n: -ni, unit })
                        .with_modifier(approx),
                );
            }
            Lex::Earlier => return Some(anaphor(k + 1, -ni, unit).with_modifier(approx)),
            Lex::Later => return Some(anaphor(k + 1, ni, unit).with_modifier(approx)),
            // "two days before," is anaphoric; "two decades before the unrest" measures the
            // distance to another event: a duration.
            Lex::Before | Lex::After if self.clause_end(k + 1) => {
                let n = if self.is(k, Lex::Before) { -ni } else { ni };
                return Some(anaphor(k + 1, n, unit).with_modifier(approx));
            }
            Lex::On if matches!(self.punct(k + 1), Some(',' | '.' | ';') | None) => {
                return Some(anaphor(k + 1, ni, unit).with_modifier(approx));
            }
            Lex::From if self.is(k + 1, Lex::Now) => {
                return Some(
                    M::new(k + 2, Kind::Relative, What::Offset { n: ni, unit })
                        .future(true)
                        .with_modifier(approx),
                );
            }
            Lex::Hence => {
                return Some(
                    M::new(k + 1, Kind::Relative, What::Offset { n: ni, unit }).future(true),
                );
            }
            _ => {}
        }
        if !plain_ok || strength == Strength::Vague {
            return None;
        }
        if strength == Strength::Article {
            let cue = matches!(
                self.prev_lex(i),
                Lex::For
                    | Lex::In
                    | Lex::Within
                    | Lex::Over
                    | Lex::After
                    | Lex::Than
                    | Lex::About
                    | Lex::Until
                    | Lex::Through
                    | Lex::During
            ) || (i > 0
                && [
                    "least", "only", "just", "lasted", "lasting", "lasts", "last", "took", "takes",
                    "spent", "spend", "spends",
                ]
                .iter()
                .any(|w| self.text_is(i - 1, w)));
            if !cue {
                return None;
            }
        }
        Some(
            M::new(
                k,
                Kind::Duration,
                What::Duration(Duration { amount: n, unit }),
            )
            .with_duration(n, unit),
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

    /// "in two weeks", "within a year".
    fn in_duration(&self, i: usize) -> Option<M> {
        let m = self.quantity(i + 1)?;
        match m.spec.what {
            What::Duration(d) if m.spec.modifier.is_none() => Some(
                M::new(m.end, Kind::Duration, What::InDuration(d)).with_duration(d.amount, d.unit),
            ),
            _ => None,
        }
    }

    // ----- sets -----------------------------------------------------------------------------

    /// "every year", "every two weeks", "every other month", "each Sunday".
    fn every(&self, i: usize) -> Option<M> {
        let (n, j) = if self.is(i + 1, Lex::Other) {
            (2, i + 2)
        } else if let Some((n, j, s)) = self.number(i + 1) {
            if s == Strength::Article || s == Strength::Vague {
                (1, i + 1)
            } else {
                (n, j)
            }
        } else {
            (1, i + 1)
        };
        let (k, u) = match self.lex(j) {
            Lex::Unit(u) => (n, u),
            Lex::Fortnight => (2 * n, Unit::Week),
            Lex::Weekday(_) | Lex::Weekend
                if n == 1 && (self.is_cap(j) || self.is(j, Lex::Weekend)) =>
            {
                (1, Unit::Week)
            }
            Lex::Month(_) if n == 1 && self.is_cap(j) => (1, Unit::Year),
            Lex::Season(_) if n == 1 => (1, Unit::Year),
            Lex::PartOfDay if n == 1 => (1, Unit::Day),
            _ => return None,
        };
        Some(set(j + 1, 1, k, u))
    }

    /// "once a year", "twice a month".
    fn times(&self, i: usize) -> Option<M> {
        let n = if self.is(i, Lex::Once) { 1 } else { 2 };
        self.times_from(i + 1, n)
    }

    fn times_from(&self, j: usize, times: u32) -> Option<M> {
        if let Lex::Frequency(u, k) = self.lex(j)
            && self.is_lower(j)
        {
            return Some(set(j + 1, times, k as u32, u));
        }
        if !matches!(self.lex(j), Lex::A | Lex::Per | Lex::Each | Lex::Every) {
            return None;
        }
        let (n, k) = match self.number(j + 1) {
            Some((n, k, Strength::Digits | Strength::Words)) => (n, k),
            _ => (1, j + 1),
        };
        match self.lex(k) {
            Lex::Unit(u) => Some(set(k + 1, times, n, u)),
            Lex::Fortnight => Some(set(k + 1, times, 2 * n, Unit::Week)),
            _ => None,
        }
    }

    // ----- relative words -------------------------------------------------------------------

    fn dayword(&self, i: usize) -> Option<M> {
        let (n, fut) = match self.lex(i) {
            Lex::Yesterday => (-1, false),
            Lex::Tomorrow => (1, true),
            _ => (0, false),
        };
        let mut end = i + 1;
        if self.is(end, Lex::PartOfDay) && self.is_lower(end) {
            end += 1;
        }
        Some(M::new(end, Kind::Relative, What::Offset { n, unit: Unit::Day }).future(fut))
    }

    fn weekday(&self, i: usize) -> Option<M> {
        let Lex::Weekday(wd) = self.lex(i) else {
            return None;
        };
        if !self.is_cap(i) {
            return None;
        }
        if i > 0 && self.prev_lex(i) == Lex::DayName && self.is_cap(i - 1) {
            return None;
        }
        if (self.is(i + 1, Lex::Paper) || self.text_is(i + 1, "times")) && self.is_cap(i + 1) {
            return None;
        }
        // "Wednesday, June 19", "Wednesday 19 June 2024"
        let k = if self.is_punct(i + 1, ',') {
            i + 2
        } else {
            i + 1
        };
        if let Some(m) = self.month(k, true).or_else(|| self.day_month(k))
            && (M::day_like(&m.spec) || m.kind == Kind::Range)
        {
            return Some(m);
        }
        let mut end = i + 1;
        if self.is(end, Lex::PartOfDay) && self.is_lower(end) {
            end += 1;
        }
        Some(M::new(
            end,
            Kind::Relative,
            What::Weekday {
                wd,
                dir: Dir::Plain,
            },
        ))
    }

    /// "last week", "next month", "this year", "last Wednesday", "last night", "past week",
    /// "the coming days", "recent years", "the previous day".
    fn deictic(&self, i: usize) -> Option<M> {
        let l = self.lex(i);
        let mut j = i + 1;
        let (n, mut dir) = match l {
            Lex::Last => (-1, Dir::Last),
            Lex::This => (0, Dir::This),
            Lex::Next => (1, Dir::Next),
            Lex::Past => return self.past_span(j),
            Lex::Coming => {
                if let Lex::Weekday(wd) = self.lex(j)
                    && self.is_cap(j)
                {
                    return Some(M::new(
                        j + 1,
                        Kind::Relative,
                        What::Weekday { wd, dir: Dir::Next },
                    ));
                }
                return self.coming_span(j);
            }
            Lex::Recent => {
                if let Lex::Unit(unit) = self.lex(j)
                    && self.text_of(j).ends_with('s')
                {
                    return Some(
                        M::new(j + 1, Kind::Duration, What::PubSpan { n: -3, unit })
                            .with_duration(3, unit),
                    );
                }
                return None;
            }
            Lex::Previous | Lex::Following => {
                let n = if l == Lex::Previous { -1 } else { 1 };
                return match self.lex(j) {
                    Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                        Some(anaphor(j + 1, n, u))
                    }
                    Lex::PartOfDay => Some(anaphor(j + 1, n, Unit::Day)),
                    _ => None,
                };
            }
            _ => return None,
        };
        // "this past Sunday", "this coming week".
        if l == Lex::This {
            match self.lex(j) {
                Lex::Past => {
                    dir = Dir::Last;
                    j += 1;
                }
                Lex::Coming => {
                    dir = Dir::Next;
                    j += 1;
                }
                _ => {}
            }
        }
        let n = match dir {
            Dir::Last => -1,
            Dir::Next => 1,
            _ => n,
        };
        let fut = n > 0;
        let m = match self.lex(j) {
            Lex::Unit(Unit::Week) => M::new(
                j + 1,
                Kind::Relative,
                What::Week {
                    n,
                    part: Part::Whole,
                },
            ),
            Lex::Weekend => M::new(j + 1, Kind::Relative, What::Weekend { dir }),
            Lex::Unit(u @ (Unit::Month | Unit::Year)) => {
                M::new(j + 1, Kind::Relative, What::Offset { n, unit: u })
            }
            Lex::Unit(Unit::Decade) => {
                if n == 0 {
                    M::new(
                        j + 1,
                        Kind::Relative,
                        What::Offset {
                            n: 0,
                            unit: Unit::Decade,
                        },
                    )
                } else {
                    M::new(
                        j + 1,
                        Kind::Duration,
                        What::PubSpan {
                            n,
                            unit: Unit::Decade,
                        },
                    )
                    .with_duration(1, Unit::Decade)
                }
            }
            Lex::Unit(Unit::Century) => M::new(j + 1, Kind::Relative, What::Century { n }),
            Lex::Unit(Unit::Day) if l == Lex::Next => anaphor(j + 1, 1, Unit::Day),
            Lex::Month(m) | Lex::MonthAbbr(m) if self.is_cap(j) => {
                let end = if self.is_punct(j + 1, '.') && matches!(self.lex(j), Lex::MonthAbbr(_)) {
                    j + 2
                } else {
                    j + 1
                };
                M::new(end, Kind::Relative, What::Month { month: m, dir })
            }
            Lex::Weekday(wd) if self.is_cap(j) => {
                let mut end = j + 1;
                if self.is(end, Lex::PartOfDay) && self.is_lower(end) {
                    end += 1;
                }
                M::new(end, Kind::Relative, What::Weekday { wd, dir })
            }
            Lex::Season(s) => M::new(j + 1, Kind::Relative, What::YearPart { part: s, dir }),
            Lex::PartOfDay if n <= 0 => {
                M::new(j + 1, Kind::Relative, What::Offset { n, unit: Unit::Day })
            }
            Lex::Unit(_) => return None,
            _ => {
                if l == Lex::This {
                    return None;
                }
                let (k, unit, end) = self.count_units(j)?;
                let signed = if n < 0 { -(k as i32) } else { k as i32 };
                return Some(
                    M::new(end, Kind::Duration, What::PubSpan { n: signed, unit })
                        .future(fut)
                        .with_duration(k, unit),
                );
            }
        };
        Some(m.future(fut))
    }

    /// "earlier this year", "later this month", "earlier today", "later that day", "earlier
    /// in the week".
    fn earlier_later(&self, i: usize) -> Option<M> {
        let later = self.is(i, Lex::Later);
        let j = i + 1;
        let part = if later { Part::Later } else { Part::Earlier };
        match self.lex(j) {
            Lex::This => {
                let m = match self.lex(j + 1) {
                    Lex::Unit(Unit::Week) => {
                        M::new(j + 2, Kind::Relative, What::Week { n: 0, part })
                    }
                    Lex::Unit(u @ (Unit::Month | Unit::Year | Unit::Decade)) => {
                        M::new(j + 2, Kind::Relative, What::Offset { n: 0, unit: u })
                    }
                    Lex::PartOfDay => M::new(
                        j + 2,
                        Kind::Relative,
                        What::Offset {
                            n: 0,
                            unit: Unit::Day,
                        },
                    ),
                    _ => return None,
                };
                Some(m.future(later))
            }
            Lex::Today | Lex::Tonight => Some(
                M::new(
                    j + 1,
                    Kind::Relative,
                    What::Offset {
                        n: 0,
                        unit: Unit::Day,
                    },
                )
                .future(later),
            ),
            Lex::That => match self.lex(j + 1) {
                Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                    Some(anaphor(j + 2, 0, u))
                }
                Lex::PartOfDay => Some(anaphor(j + 2, 0, Unit::Day)),
                _ => None,
            },
            Lex::In if self.is(j + 1, Lex::The) => match self.lex(j + 2) {
                Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                    Some(anaphor(j + 3, 0, u))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// "that day", "that year", "that night".
    fn that(&self, i: usize) -> Option<M> {
        let j = i + 1;
        if self.is_dash(j + 1) && self.adj(j) {
            return None; // "that year-on-year"
        }
        let j = if self.is(j, Lex::Same) { j + 1 } else { j };
        match self.lex(j) {
            Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                Some(anaphor(j + 1, 0, u))
            }
            Lex::PartOfDay if self.is_lower(j) => Some(anaphor(j + 1, 0, Unit::Day)),
            Lex::Month(m) if self.is_cap(j) => Some(M::new(
                j + 1,
                Kind::Anaphoric,
                What::InAnchorYear {
                    month: Some(m),
                    part: None,
                },
            )),
            Lex::Season(s) if !self.text_is(j, "fall") => Some(M::new(
                j + 1,
                Kind::Anaphoric,
                What::InAnchorYear {
                    month: None,
                    part: Some(s),
                },
            )),
            _ => None,
        }
    }

    /// A plural unit without a count: "days later" (three days, approximately), "years ago",
    /// "for years", "after weeks of protests" (a length without a value).
    fn vague_units(&self, i: usize, unit: Unit) -> Option<M> {
        if !self.text_of(i).ends_with(['s', 'S']) {
            return None;
        }
        let approx = Some(Modifier::Approx);
        match self.lex(i + 1) {
            Lex::Ago => {
                return Some(
                    M::new(i + 2, Kind::Relative, What::Offset { n: -3, unit })
                        .with_modifier(approx),
                );
            }
            Lex::Later => return Some(anaphor(i + 2, 3, unit).with_modifier(approx)),
            Lex::Earlier => return Some(anaphor(i + 2, -3, unit).with_modifier(approx)),
            _ => {}
        }
        let prev = self.prev_lex(i);
        let cue = matches!(
            prev,
            Lex::For | Lex::After | Lex::Over | Lex::Within | Lex::Than | Lex::Throughout | Lex::In
        ) || (self.is(i + 1, Lex::Of)
            && (i == 0 || matches!(self.tok(i - 1).map(|t| t.shape), Some(Shape::Punct(_)))));
        cue.then(|| M::new(i + 1, Kind::Duration, What::Vague))
    }

    /// "early June", "mid-2022", "late last year", "the early 1990s", "late Tuesday".
    fn early_late(&self, i: usize) -> Option<M> {
        let modifier = match self.lex(i) {
            Lex::Early => Modifier::Early,
            Lex::Mid => Modifier::Mid,
            _ => Modifier::Late,
        };
        let mut j = i + 1;
        if self.is_dash(j) && self.adj(i) {
            j += 1;
        }
        if self.is(j, Lex::In) {
            j += 1;
        }
        // "late last year", "early next month", "mid-this week"?
        if let Lex::Last | Lex::This | Lex::Next = self.lex(j)
            && let Some(m) = self.deictic(j)
        {
            return match m.spec.what {
                What::Offset {
                    unit: Unit::Month | Unit::Year | Unit::Decade,
                    ..
                }
                | What::Week { .. }
                | What::YearPart { .. } => Some(m.with_modifier(Some(modifier))),
                _ => None,
            };
        }
        if self.is(j, Lex::The)
            && self.is(j + 1, Lex::Unit(Unit::Year))
            && self.year_tok(j + 2).is_none()
        {
            return Some(
                M::new(
                    j + 2,
                    Kind::Relative,
                    What::Offset {
                        n: 0,
                        unit: Unit::Year,
                    },
                )
                .with_modifier(Some(modifier)),
            );
        }
        let inner = self.core(j, true)?;
        if !inner.datey() {
            return None;
        }
        if M::day_like(&inner.spec) || inner.kind == Kind::Range {
            // "early Wednesday", "late on Tuesday": a time of day, no modifier.
            return matches!(inner.spec.what, What::Weekday { .. } | What::Offset { .. })
                .then_some(inner);
        }
        Some(inner.with_modifier(Some(modifier)))
    }

    /// "summer 2014", "the winter of 1968", "in the spring", "summer last year".
    fn season(&self, i: usize, cued: bool) -> Option<M> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let k = i + 1;
        let kk = if self.is(k, Lex::Of) { k + 1 } else { k };
        // "the winter of 2022-23", "winter 2022/23": winter takes its January's year.
        if let Some(y) = self.year_tok(kk)
            && self.adj(kk)
            && matches!(self.punct(kk + 1), Some('-' | '/' | '\u{2013}'))
            && let Some((v, n)) = self.num(kk + 2)
            && ((n == 2 && v == (y as u32 + 1) % 100) || (n == 4 && v == y as u32 + 1))
        {
            let label = if s == Modifier::Winter { y + 1 } else { y };
            return Some(
                M::new(
                    kk + 3,
                    Kind::Date,
                    What::Abs(PartialDate::year(label).ok()?),
                )
                .with_modifier(Some(s)),
            );
        }
        if let Some(y) = self.year_tok(kk)
            && self.year_context_ok(kk, true)
        {
            return Some(
                M::new(kk + 1, Kind::Date, What::Abs(PartialDate::year(y).ok()?))
                    .with_modifier(Some(s)),
            );
        }
        if let Some(n) = self.deictic_year(kk) {
            return Some(
                M::new(
                    kk + 2,
                    Kind::Relative,
                    What::Offset {
                        n,
                        unit: Unit::Year,
                    },
                )
                .with_modifier(Some(s)),
            );
        }
        let fall = self.text_is(i, "fall");
        if fall || self.is(k, Lex::Of) {
            return None;
        }
        let cue = cued || self.strong_cue(self.prev_lex(i));
        cue.then(|| {
            M::new(
                k,
                Kind::Relative,
                What::YearPart {
                    part: s,
                    dir: Dir::Plain,
                },
            )
        })
    }

    // ----- datelines ------------------------------------------------------------------------

    /// A day at the head of a wire story: "MOSCOW, March 3 (Reuters) -".
    fn dateline(&self, i: usize, m: M) -> M {
        let dayish = matches!(m.spec.what, What::MonthDay { .. })
            || matches!(&m.spec.what, What::Abs(d) if d.precision() == dyad_ontology::Precision::Day);
        if !dayish || !matches!(m.kind, Kind::Date | Kind::Relative) {
            return m;
        }
        // After: "(Agency)" then a dash, or a dash.
        let mut k = m.end;
        if self.is_punct(k, '(') {
            let mut c = k + 1;
            while c < k + 6 && c < self.t.len() && !self.is_punct(c, ')') {
                c += 1;
            }
            if !self.is_punct(c, ')') {
                return m;
            }
            k = c + 1;
        }
        let dash = self.is_dash(k) || (self.is_punct(k, '-') && self.is_punct(k + 1, '-'));
        if !dash {
            return m;
        }
        // Before: nothing on this line, or "PLACE[, Region]," from the line start.
        let head_ok = if self.t.get(i).is_some_and(|t| t.line_start) {
            true
        } else if i > 0 && self.is_punct(i - 1, ',') {
            let mut b = i - 1;
            let mut upper_start = false;
            let mut steps = 0;
            loop {
                if b == 0 {
                    break;
                }
                b -= 1;
                steps += 1;
                let t = &self.t[b];
                let fits = match t.shape {
                    Shape::Word(Case::Upper | Case::Title) => true,
                    Shape::Word(Case::Lower) => {
                        matches!(t.lex, Lex::Of | Lex::The) || self.text_is(b, "de")
                    }
                    Shape::Punct(',' | '.' | '-' | '\'') => true,
                    Shape::Other => true,
                    _ => false,
                };
                if !fits || steps > 12 {
                    break;
                }
                if t.line_start {
                    upper_start = matches!(t.shape, Shape::Word(Case::Upper))
                        || matches!(t.shape, Shape::Other);
                    break;
                }
            }
            upper_start
        } else {
            false
        };
        if !head_ok {
            return m;
        }
        M {
            kind: Kind::Dateline,
            spec: Spec::new(What::Dateline(Box::new(m.spec))),
            ..m
        }
    }

    // ----- joining times of day -------------------------------------------------------------

    fn join_times(&self, found: Vec<Found>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(last) = out.last_mut() {
                let gap: Vec<Lex> = (last.end..f.start).map(|k| self.lex(k)).collect();
                let gap_punct_ok = (last.end..f.start).all(|k| {
                    matches!(
                        self.tok(k).map(|t| t.shape),
                        Some(Shape::Punct(',') | Shape::Word(_))
                    )
                });
                if gap.len() <= 2 && gap_punct_ok {
                    let only = |ok: &[Lex]| {
                        (last.end..f.start)
                            .all(|k| self.is_punct(k, ',') || ok.contains(&self.lex(k)))
                    };
                    if last.kind == Kind::Time && M::day_like(&f.spec) && only(&[Lex::On]) {
                        last.end = f.end;
                        last.kind = f.kind;
                        last.spec = f.spec;
                        continue;
                    }
                    if f.kind == Kind::Time
                        && M::day_like(&last.spec)
                        && only(&[Lex::At, Lex::Around, Lex::By])
                    {
                        last.end = f.end;
                        continue;
                    }
                }
            }
            out.push(f);
        }
        out
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

/// "from March to May 2020": the start takes the end's year (the year before if its month
/// comes later).
fn propagate_year(a: Spec, b: &Spec) -> Spec {
    let What::Abs(bd) = &b.what else { return a };
    let (by, bm) = (bd.year_number(), bd.month_number());
    let Some(bm) = bm else { return a };
    let what = match &a.what {
        What::MonthDay { month, day } => {
            let y = if *month > bm { by - 1 } else { by };
            match PartialDate::day(y, *month, *day) {
                Ok(d) => What::Abs(d),
                Err(_) => return a,
            }
        }
        What::Month {
            month,
            dir: Dir::Plain,
        } => {
            let y = if *month > bm { by - 1 } else { by };
            match PartialDate::month(y, *month) {
                Ok(d) => What::Abs(d),
                Err(_) => return a,
            }
        }
        _ => return a,
    };
    Spec { what, ..a }
}
