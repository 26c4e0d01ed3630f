//! Expressions measured from the publication date or the anchor: "last week", "two
//! decades ago", "the following day", weekdays, "the past five years", durations.

use super::*;

impl Scanner<'_> {
    /// Expressions starting with "the".
    pub(super) fn the(&self, i: usize) -> Option<M> {
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

    /// "[N|few|several] units" after "the past", "the last", "past", "last".
    pub(super) fn past_span(&self, j: usize) -> Option<M> {
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
    pub(super) fn coming_span(&self, j: usize) -> Option<M> {
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
    pub(super) fn count_units(&self, j: usize) -> Option<(u32, Unit, usize)> {
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

    /// A count: digits, number words ("twenty-five"), "a", "a dozen", "a couple of", "few".
    pub(super) fn number(&self, i: usize) -> Option<(u32, usize, Strength)> {
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
    pub(super) fn quantity(&self, i: usize) -> Option<M> {
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

    pub(super) fn after_units(
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
            Lex::On if self.clause_end(k + 1) => {
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

    /// "in two weeks", "within a year".
    pub(super) fn in_duration(&self, i: usize) -> Option<M> {
        let m = self.quantity(i + 1)?;
        match m.spec.what {
            What::Duration(d) if m.spec.modifier.is_none() => Some(
                M::new(m.end, Kind::Duration, What::InDuration(d)).with_duration(d.amount, d.unit),
            ),
            _ => None,
        }
    }

    pub(super) fn dayword(&self, i: usize) -> Option<M> {
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

    pub(super) fn weekday(&self, i: usize) -> Option<M> {
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
    pub(super) fn deictic(&self, i: usize) -> Option<M> {
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
    pub(super) fn earlier_later(&self, i: usize) -> Option<M> {
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
    pub(super) fn that(&self, i: usize) -> Option<M> {
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
    pub(super) fn vague_units(&self, i: usize, unit: Unit) -> Option<M> {
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
}
