//! Calendar dates: months and days, numeric dates, years, decades, centuries, seasons,
//! quarters and the "early/mid/late", "the end of" modifiers.

use super::*;

impl Scanner<'_> {
    /// Month patterns at a month name.
    pub(super) fn month(&self, i: usize, cued: bool) -> Option<M> {
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
    pub(super) fn month_name(&self, i: usize) -> Option<(u8, usize)> {
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
    pub(super) fn day_num(&self, i: usize) -> Option<(u8, usize)> {
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
    pub(super) fn count_follows(&self, k: usize) -> bool {
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
    pub(super) fn opt_year(&self, k: usize) -> Option<(i16, usize)> {
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
    pub(super) fn year_tok(&self, i: usize) -> Option<i16> {
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
    pub(super) fn year_context_ok(&self, i: usize, cued: bool) -> bool {
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

    pub(super) fn pivot_year2(&self, yy: u32) -> i16 {
        let y = 2000 + yy as i16;
        if y <= self.pub_year.saturating_add(10) {
            y
        } else {
            y - 100
        }
    }

    pub(super) fn pivot_decade(&self, v: i16) -> i16 {
        let y = 2000 + v;
        if y <= self.pub_year { y } else { 1900 + v }
    }

    pub(super) fn numeric(&self, i: usize, cued: bool) -> Option<M> {
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

    pub(super) fn nine_eleven(&self, i: usize) -> Option<M> {
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
    pub(super) fn numeric_date(&self, i: usize) -> Option<M> {
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

    /// "19 June", "19th of June 2024", "19-21 June".
    pub(super) fn day_month(&self, i: usize) -> Option<M> {
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
    pub(super) fn decade(&self, i: usize, cued: bool) -> Option<M> {
        let t = *self.tok(i)?;
        if t.num % 10 != 0 {
            return None;
        }
        match t.ndig {
            4 if (1000..=2100).contains(&t.num) => {
                let y = t.num as i16;
                if t.num % 100 == 0 && t.num != 2000 {
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
    pub(super) fn decade_apostrophe(&self, i: usize) -> Option<M> {
        let (v, n) = self.num(i)?;
        if n != 4 || v % 10 != 0 || !(1000..=2100).contains(&v) {
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
        if v % 100 == 0 && v != 2000 {
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
    pub(super) fn apostrophe(&self, i: usize, cued: bool) -> Option<M> {
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
    pub(super) fn year(&self, i: usize, cued: bool) -> Option<M> {
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
    pub(super) fn century(&self, i: usize) -> Option<M> {
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

    /// "summer 2014", "the winter of 1968", "in the spring", "summer last year".
    pub(super) fn season(&self, i: usize, cued: bool) -> Option<M> {
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

    /// "the end of X", "the beginning of X", "the height of X".
    pub(super) fn end_of(&self, j: usize) -> Option<M> {
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
    pub(super) fn ordinal_part(&self, j: usize) -> Option<M> {
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
    pub(super) fn part_of_year(&self, k: usize, part: Modifier) -> Option<M> {
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
    pub(super) fn deictic_year(&self, k: usize) -> Option<i32> {
        let n = match self.lex(k) {
            Lex::Last => -1,
            Lex::This => 0,
            Lex::Next => 1,
            _ => return None,
        };
        self.is(k + 1, Lex::Unit(Unit::Year)).then_some(n)
    }

    pub(super) fn quarter_code(&self, i: usize, part: Modifier) -> Option<M> {
        if !matches!(self.tok(i)?.shape, Shape::Word(Case::Upper)) {
            return None;
        }
        let m = self.part_of_year(i + 1, part)?;
        Some(m)
    }

    /// "early June", "mid-2022", "late last year", "the early 1990s", "late Tuesday".
    pub(super) fn early_late(&self, i: usize) -> Option<M> {
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
}
