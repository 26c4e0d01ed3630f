//! Ranges ("from 1962 to 1975", "between June 1 and 5"), "since" and approximations.

use super::*;

impl Scanner<'_> {
    /// "from A to B", "between A and B".
    pub(super) fn range(&self, i: usize) -> Option<M> {
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
    pub(super) fn range_bare_start(&self, i: usize, between: bool) -> Option<M> {
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
    pub(super) fn bare_day_after(&self, k: usize, a: &Spec) -> Option<(Spec, usize)> {
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

    pub(super) fn since(&self, i: usize) -> Option<M> {
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

    pub(super) fn approx(&self, i: usize) -> Option<M> {
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
