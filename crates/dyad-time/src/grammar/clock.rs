//! Times of day ("3 p.m.", "10:30 GMT") and their joining with an adjacent day.

use super::*;

impl Scanner<'_> {
    /// "10:30", "3 p.m.", "3pm", "1900 GMT", "0400 hours", "five o'clock".
    pub(super) fn time_of_day(&self, i: usize) -> Option<M> {
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

    pub(super) fn finish_time(&self, mut k: usize) -> M {
        if let Some(e) = self.tz(k) {
            k = e;
        }
        M::new(k, Kind::Time, What::Anaphor { n: 0, unit: None })
    }

    /// "am", "pm", "a.m.", "p.m.", "AM".
    pub(super) fn ampm(&self, k: usize) -> Option<usize> {
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
    pub(super) fn tz(&self, k: usize) -> Option<usize> {
        if self.lex(k) == Lex::Tz {
            if self.text_is(k, "local") {
                return self.text_is(k + 1, "time").then_some(k + 2);
            }
            return Some(k + 1);
        }
        None
    }

    pub(super) fn join_times(&self, found: Vec<Found>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(last) = out.last_mut() {
                let gap_len = f.start.saturating_sub(last.end);
                let gap_punct_ok = (last.end..f.start).all(|k| {
                    matches!(
                        self.tok(k).map(|t| t.shape),
                        Some(Shape::Punct(',') | Shape::Word(_))
                    )
                });
                if gap_len <= 2 && gap_punct_ok {
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
