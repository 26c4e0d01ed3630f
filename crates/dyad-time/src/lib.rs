//! dyad-time: temporal expressions in news text, normalised against the publication date.
//!
//! News dates its events in many ways — "June 19, 2024", "in 1956", "the 1990s",
//! "mid-2022", "on Wednesday", "last week", "two decades ago", "a year earlier", "from 1962
//! to 1975", "during the Korean War", "MOSCOW, March 3 (Reuters) -" — and commentary is full
//! of history. This crate finds every such expression in a text and normalises it to a
//! [`PartialDate`](dyad_ontology::PartialDate) with its [`Precision`](dyad_ontology::Precision),
//! so that an event can be dated by its own words instead of the article's date.
//!
//! * [`find`] (or a configured [`Finder`]) returns every [`TimeExpr`] in a text: its byte
//!   span, its [`Kind`], its [`Duration`] or [`Frequency`] when it has one, and a first
//!   [`Resolved`] value computed with an unknown tense and the previous expression as anchor.
//! * [`resolve`] computes the value again once the coder knows the [`Tense`] of the governing
//!   verb ("will meet in July" is next July, "met in July" last July) and the narrative
//!   anchor ("the following day" after "On June 3, 1989").
//! * [`resolve_all`] does that for every expression of a text in order, each anchored on the
//!   one before.
//!
//! Only jiff is used, for calendar arithmetic; the grammar and its choices are dyad's own.
//! The choices the issue left open are documented on the modules' items and summarised
//! here:
//!
//! * Without a tense, an expression without a year looks back: "in July" on 2024-06-19 is
//!   2023-07. [`Tense::Future`] looks forward, [`Tense::Present`] takes the nearer.
//! * Precision never exceeds the text: "19 years ago" is a year, "two decades ago" a decade;
//!   "mid-2022" is 2022 with [`Modifier::Mid`] and "the winter of 1968" is 1968 with
//!   [`Modifier::Winter`] (no new precision was needed: seasons, quarters and halves are
//!   modifiers on a year). Weeks are day ranges Monday to Sunday.
//! * "1/2/2020" is month first (US wire style) unless [`Finder::day_first`] is set.
//! * A year used as an adjective ("the 1979 invasion", "the 1990 border") is a year
//!   expression.
//! * Named periods come from a table of 86 wars, crises and landmark events ("the Cold War"
//!   1947..1991, "the Korean War" 1950-06-25..1953-07-27, "9/11"), plus ten holidays on
//!   fixed days ("New Year's Day").
//! * Vague lengths ("for years", "after weeks of protests") are found as durations without a
//!   value; vague counts ("a few years ago", "the coming days", "days later") count 3 and
//!   carry [`Modifier::Approx`] where the text is approximate.
//!
//! # Accuracy
//!
//! dyad's own temporal test set, `tests/data/temporal.txt` (run by `tests/testset.rs`, which
//! prints every failure), holds 774 marked expressions in 787 news sentences with their
//! publication dates and tenses, 106 of them trap sentences with no expression ("Theresa May
//! said", "1,500 troops", "Resolution 1441", phone numbers, ages, "the 1922 Committee"). An
//! expression counts as exact when it is found and its value, precision, range end, modifier
//! and future flag all match.
//!
//! | kind | n | exact |
//! |---|---:|---:|
//! | date | 199 | 100.0% |
//! | relative | 266 | 98.1% |
//! | duration | 100 | 99.0% |
//! | range | 74 | 97.3% |
//! | period | 39 | 100.0% |
//! | anaphoric | 36 | 94.4% |
//! | set | 23 | 95.7% |
//! | time | 22 | 100.0% |
//! | dateline | 15 | 100.0% |
//! | **all** | **774** | **98.6%** |
//!
//! with one false positive in all the text. The rules were tuned on the first three of the
//! set's four batches, so the figure to expect on unseen text is lower: each later batch's
//! first run scored 86.7% (98 expressions), 94.6% (112) and 91.5% (82, the fourth batch,
//! whose failures were left unfixed).
//!
//! # Speed
//!
//! About 50–60 MB/s and 500,000 expressions/s on one core of a shared two-core machine, one
//! call per sentence, on 4 MB of news sentences (`cargo run --release -p dyad-time --example
//! speed`).
//!
//! ```
//! use dyad_time::{find, resolve, Kind, Tense};
//! use jiff::civil::date;
//!
//! let text = "In February 1972, U.S. President Richard Nixon traveled to Beijing, \
//!             where he met Chairman Mao Zedong. The following day they toured the city.";
//! let found = find(text, date(2022, 2, 21));
//!
//! assert_eq!(found[0].text(text), "February 1972");
//! assert_eq!(found[0].kind, Kind::Date);
//! assert_eq!(found[0].resolved.unwrap().to_string(), "1972-02");
//!
//! // "The following day" is anchored on February 1972, so it stays at month precision.
//! assert_eq!(found[1].text(text), "The following day");
//! assert_eq!(found[1].kind, Kind::Anaphoric);
//! assert_eq!(found[1].resolved.unwrap().to_string(), "1972-02");
//!
//! // Relative expressions need the tense of their verb.
//! let text = "The two leaders will meet again next month and talked on Wednesday.";
//! let pub_date = date(2024, 6, 19);
//! let found = find(text, pub_date);
//! assert_eq!(found[0].resolved.unwrap().to_string(), "2024-07!"); // "!": future
//! assert_eq!(found[1].resolved.unwrap().to_string(), "2024-06-19");
//! let friday = resolve(&found[1], pub_date, Tense::Future, None).unwrap();
//! assert_eq!(friday.value.to_string(), "2024-06-19");
//! ```
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod grammar;
mod lexicon;
mod periods;
mod resolve;
mod spec;
mod token;
mod types;

use std::cell::RefCell;

use jiff::civil::Date;

pub use resolve::resolve;

/// What one word names in the calendar, for stages that must tell times from other names ("in
/// March", "on Monday" are not places; "in spring" dates a clause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    /// A month, full or abbreviated ("march", "sept", "dec").
    Month,
    /// A day of the week ("monday").
    Weekday,
    /// A season ("spring", "autumn", "fall", "winter").
    Season,
}

/// The calendar meaning of a lower-case word, if it has one (dyad-time's own word table).
pub fn calendar_word(lower: &str) -> Option<CalendarWord> {
    match lexicon::lookup(lower)?.lex {
        lexicon::Lex::Month(_) | lexicon::Lex::MonthAbbr(_) => Some(CalendarWord::Month),
        lexicon::Lex::Weekday(_) => Some(CalendarWord::Weekday),
        lexicon::Lex::Season(_) => Some(CalendarWord::Season),
        _ => None,
    }
}
pub use types::{Duration, Frequency, Kind, Modifier, Resolved, Tense, TimeExpr, Unit};

/// Finds temporal expressions; holds the few options there are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Finder {
    day_first: bool,
}

thread_local! {
    static TOKENS: RefCell<Vec<token::Tok>> = const { RefCell::new(Vec::new()) };
}

impl Finder {
    /// A finder with the defaults (numeric dates month first).
    pub fn new() -> Finder {
        Finder::default()
    }

    /// Read ambiguous numeric dates day first ("1/2/2020" is 1 February), as British and
    /// most non-US outlets write them.
    pub fn day_first(mut self, yes: bool) -> Finder {
        self.day_first = yes;
        self
    }

    /// Every temporal expression in `text`, in order, none overlapping. Each is resolved with
    /// [`Tense::Unknown`] and the previous resolved expression as anchor.
    pub fn find(&self, text: &str, pub_date: Date) -> Vec<TimeExpr> {
        TOKENS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut toks) => self.find_with(&mut toks, text, pub_date),
            Err(_) => self.find_with(&mut Vec::new(), text, pub_date),
        })
    }

    fn find_with(&self, toks: &mut Vec<token::Tok>, text: &str, pub_date: Date) -> Vec<TimeExpr> {
        token::tokenize(text, toks);
        let found = grammar::Scanner::new(toks, text, pub_date.year(), self.day_first).scan();
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let (Some(a), Some(b)) = (
                toks.get(f.start),
                f.end.checked_sub(1).and_then(|e| toks.get(e)),
            ) else {
                continue;
            };
            out.push(TimeExpr {
                start: a.start,
                end: b.end,
                kind: f.kind,
                duration: f.duration,
                frequency: f.frequency,
                resolved: None,
                spec: f.spec,
            });
        }
        resolve_all(&mut out, pub_date, |_| Tense::Unknown);
        out
    }
}

/// Every temporal expression in `text`, resolved against `pub_date` (see [`Finder::find`]).
pub fn find(text: &str, pub_date: Date) -> Vec<TimeExpr> {
    Finder::new().find(text, pub_date)
}

/// Resolve `exprs` again in order, each with the tense `tense_of` gives it and the previous
/// resolved expression as its anchor; stores the result in each expression's `resolved`.
pub fn resolve_all(
    exprs: &mut [TimeExpr],
    pub_date: Date,
    mut tense_of: impl FnMut(&TimeExpr) -> Tense,
) {
    let mut anchor: Option<Resolved> = None;
    for e in exprs.iter_mut() {
        let tense = tense_of(e);
        e.resolved = resolve(e, pub_date, tense, anchor.as_ref());
        if let Some(r) = e.resolved {
            anchor = Some(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words() {
        assert_eq!(calendar_word("sept"), Some(CalendarWord::Month));
        assert_eq!(calendar_word("march"), Some(CalendarWord::Month));
        assert_eq!(calendar_word("monday"), Some(CalendarWord::Weekday));
        assert_eq!(calendar_word("fall"), Some(CalendarWord::Season));
        assert_eq!(calendar_word("kyiv"), None);
        assert_eq!(calendar_word("ago"), None);
    }
    use jiff::civil::date;

    fn one(text: &str, pub_date: Date) -> (String, String) {
        let f = find(text, pub_date);
        assert_eq!(f.len(), 1, "{text:?}: {f:?}");
        let e = &f[0];
        let v = match (e.resolved, e.duration, e.frequency) {
            (Some(r), _, _) => r.to_string(),
            (None, Some(d), _) => d.to_string(),
            (None, None, Some(fr)) => fr.to_string(),
            _ => "-".into(),
        };
        (e.text(text).to_string(), v)
    }

    #[test]
    fn basic_shapes() {
        let p = date(2024, 6, 19);
        assert_eq!(
            one("It happened on June 19, 2024.", p),
            ("June 19, 2024".into(), "2024-06-19".into())
        );
        assert_eq!(one("They met in 1956.", p), ("1956".into(), "1956".into()));
        assert_eq!(
            one("It grew in the 1990s.", p),
            ("the 1990s".into(), "199X".into())
        );
        assert_eq!(
            one("Prices rose in mid-2022.", p),
            ("mid-2022".into(), "2022@mid".into())
        );
        assert_eq!(
            one("He left two decades ago.", p),
            ("two decades ago".into(), "200X".into())
        );
        assert_eq!(
            one("He ruled from 1962 to 1975.", p),
            ("from 1962 to 1975".into(), "1962..1975".into())
        );
        assert_eq!(
            one("He served for three years.", p),
            ("three years".into(), "P3Y".into())
        );
        assert_eq!(
            one("They meet twice a year.", p),
            ("twice a year".into(), "2/P1Y".into())
        );
    }

    #[test]
    fn traps() {
        let p = date(2024, 6, 19);
        for s in [
            "Theresa May said 1,500 troops would stay.",
            "Resolution 1441 was adopted by the G20.",
            "Call 202-555-0143 for details.",
            "Protesters may march on the capital.",
            "About 2000 people gathered.",
        ] {
            assert!(find(s, p).is_empty(), "{s}: {:?}", find(s, p));
        }
    }
}
