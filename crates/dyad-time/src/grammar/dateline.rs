//! The date of a wire dateline ("MOSCOW, March 3 (Reuters) -").

use super::*;

impl Scanner<'_> {
    /// A day at the head of a wire story: "MOSCOW, March 3 (Reuters) -".
    pub(super) fn dateline(&self, i: usize, m: M) -> M {
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
}
