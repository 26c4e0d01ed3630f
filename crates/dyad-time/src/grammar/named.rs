//! Named periods and fixed holidays from the period table.

use super::*;

impl Scanner<'_> {
    pub(super) fn period(&self, i: usize) -> Option<M> {
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
    pub(super) fn match_alias(&self, i: usize, alias: &str) -> Option<usize> {
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
}
