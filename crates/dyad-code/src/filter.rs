//! Filters that act on the sentence before coding: comma-delimited clause elimination
//! (TABARI's and PETRARCH's `comma_*` options).
//!
//! The sentence is cut at its commas. The first piece is the initial clause, the last the
//! terminal clause, the others internal clauses; a piece whose number of words (punctuation
//! not counted) lies within the limits for its kind is eliminated: its tokens hold no actor,
//! no verb and no pattern word. A sentence without commas is left alone, and so is a piece
//! that continues a list of names begun before it.

use crate::options::CommaLimits;
use crate::sentence::{Dep, Sentence};

/// Which tokens of `s` the comma limits eliminate.
pub fn comma_clauses(s: &Sentence<'_>, limits: &CommaLimits) -> Vec<bool> {
    let n = s.len();
    let mut blocked = vec![false; n];
    if limits.max == 0 && limits.begin_max == 0 && limits.end_max == 0 {
        return blocked;
    }
    let commas: Vec<usize> = (0..n).filter(|&i| s.word(i) == ",").collect();
    if commas.is_empty() {
        return blocked;
    }
    let mut bounds = Vec::with_capacity(commas.len() + 1);
    let mut start = 0;
    for &c in &commas {
        bounds.push((start, c));
        start = c + 1;
    }
    bounds.push((start, n));
    let last = bounds.len() - 1;
    for (k, &(a, b)) in bounds.iter().enumerate() {
        let words = (a..b).filter(|&i| !s.is_punct(i)).count();
        let (min, max) = if k == 0 {
            (limits.begin_min, limits.begin_max)
        } else if k == last {
            (limits.end_min, limits.end_max)
        } else {
            (limits.min, limits.max)
        };
        // A piece that continues a list ("with Mordor, Rohan, Fornost and Bree") is not a
        // clause: it holds a conjunct of a word outside it.
        let continues_list = (a..b).any(|t| {
            let outside = s.head(t).filter(|&h| h < a || h >= b);
            let Some(h) = outside else { return false };
            s.is_nominal(t)
                && match s.toks[t].dep {
                    Dep::Conj => true,
                    // "Mordor, the awful Fornost, and Gondor": an apposition followed by a
                    // conjunct of the same head is a list item.
                    Dep::Appos => s
                        .children(h)
                        .iter()
                        .any(|&k| s.toks[k as usize].dep == Dep::Conj && k as usize >= b),
                    _ => false,
                }
        });
        if max > 0 && words >= min && words <= max && !continues_list {
            for slot in &mut blocked[a..b] {
                *slot = true;
            }
            // The comma that opens the clause goes with it.
            if a > 0 {
                blocked[a - 1] = true;
            }
        }
    }
    blocked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse_conllu;
    use dyad_lexicon::{Lexicon, LexiconIndex};

    #[test]
    fn terminal_and_internal_clauses() {
        // "A met B , its ally , officials said ."
        let words = [
            "A",
            "met",
            "B",
            ",",
            "its",
            "ally",
            ",",
            "officials",
            "said",
            ".",
        ];
        let mut src = String::new();
        for (i, w) in words.iter().enumerate() {
            let tag = if *w == "," || *w == "." { w } else { "NN" };
            src.push_str(&format!(
                "{}\t{w}\t{w}\tX\t{tag}\t_\t0\tROOT\t_\t_\n",
                i + 1
            ));
        }
        let (text, parse) = parse_conllu(&src).unwrap();
        let idx = LexiconIndex::new(Lexicon::default());
        let s = Sentence::new(&text, &parse, 0..parse.len(), &idx);
        let b = comma_clauses(&s, &CommaLimits::PETRARCH);
        assert_eq!(
            b,
            [
                false, false, false, true, true, true, true, true, true, true
            ]
        );
        assert!(comma_clauses(&s, &CommaLimits::OFF).iter().all(|x| !x));
        let internal_only = CommaLimits {
            end_max: 0,
            ..CommaLimits::PETRARCH
        };
        let b = comma_clauses(&s, &internal_only);
        assert_eq!(b.iter().filter(|x| **x).count(), 3);
    }
}
