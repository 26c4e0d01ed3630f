//! Frequencies: "every year", "twice a month", "weekly".

use super::*;

impl Scanner<'_> {
    /// "every year", "every two weeks", "every other month", "each Sunday".
    pub(super) fn every(&self, i: usize) -> Option<M> {
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
    pub(super) fn times(&self, i: usize) -> Option<M> {
        let n = if self.is(i, Lex::Once) { 1 } else { 2 };
        self.times_from(i + 1, n)
    }

    pub(super) fn times_from(&self, j: usize, times: u32) -> Option<M> {
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
}
