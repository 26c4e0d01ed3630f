//! [`Spec`]: what an expression means before it meets a publication date, a tense and an anchor.

use dyad_ontology::PartialDate;

use crate::types::{Duration, Frequency, Modifier, Unit};

/// Which of several candidate dates a deictic word picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// No deictic word: "in July", "on Wednesday" (the tense decides).
    Plain,
    /// "last July", "last Wednesday": strictly before the publication date.
    Last,
    /// "this July", "this Wednesday": in the current year or week.
    This,
    /// "next July", "next Wednesday": strictly after the publication date.
    Next,
}

/// Which part of the current week an expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// "this week".
    Whole,
    /// "earlier this week": Monday to the publication date.
    Earlier,
    /// "later this week": the publication date to Sunday.
    Later,
}

/// The meaning of an expression, independent of the publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spec {
    pub what: What,
    /// A modifier stated by the words around the core ("early", "mid-", "about").
    pub modifier: Option<Modifier>,
    /// The words themselves point forward ("later this year", "from now", "the coming weeks").
    pub lex_future: bool,
}

/// The core of a [`Spec`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum What {
    /// A date fixed by the text alone.
    Abs(PartialDate),
    /// A fixed span (centuries, "the 1800s", named periods); `end: None` is still going on.
    Fixed {
        start: PartialDate,
        end: Option<PartialDate>,
    },
    /// "June 19", "19 June": a day without a year.
    MonthDay { month: u8, day: u8 },
    /// "March last year", "June 19 this year": a month (and day) in the year `off` years from
    /// the publication year.
    InYear {
        month: u8,
        day: Option<u8>,
        off: i32,
    },
    /// The century `n` centuries from the publication year's ("this century", "the last
    /// century"), as a year range 2000..2099 (the popular reckoning).
    Century { n: i32 },
    /// "on the 5th": a day of an unnamed month.
    DayOfMonth { day: u8 },
    /// "that October", "that summer": a month or part of the anchor's year.
    InAnchorYear {
        month: Option<u8>,
        part: Option<Modifier>,
    },
    /// A vague length with no count ("for years", "after weeks of protests"): no value.
    Vague,
    /// "in July", "last March".
    Month { month: u8, dir: Dir },
    /// "on Wednesday", "next Friday"; `wd` is 1 (Monday) to 7 (Sunday).
    Weekday { wd: u8, dir: Dir },
    /// A season, quarter or half without a year: "last summer", "the first quarter".
    YearPart { part: Modifier, dir: Dir },
    /// The publication date moved by `n` units, at the unit's precision: "yesterday" (-1 day),
    /// "last year" (-1 year), "two decades ago" (-2 decades), "this month" (0 months).
    Offset { n: i32, unit: Unit },
    /// A calendar week, Monday to Sunday, `n` weeks from the publication date's week.
    Week { n: i32, part: Part },
    /// Saturday and Sunday.
    Weekend { dir: Dir },
    /// The span from the publication date `n` units back (n < 0) or forward (n > 0):
    /// "the past five years", "the coming weeks".
    PubSpan { n: i32, unit: Unit },
    /// The anchor moved by `n` units; `unit: None` is the anchor itself ("that day" has
    /// `Some(Day)` and `n = 0`; a time of day has `None`).
    Anaphor { n: i32, unit: Option<Unit> },
    /// "from A to B", "between A and B", "A-B".
    Range(Box<Spec>, Box<Spec>),
    /// "since A": from A to the publication date.
    Since(Box<Spec>),
    /// A length of time.
    Duration(Duration),
    /// "in two weeks", "within a year": a future offset under a future tense, else a length.
    InDuration(Duration),
    /// A frequency.
    Set(Frequency),
    /// The date of a wire dateline.
    Dateline(Box<Spec>),
}

impl Spec {
    pub(crate) fn new(what: What) -> Spec {
        Spec {
            what,
            modifier: None,
            lex_future: false,
        }
    }

    pub(crate) fn with_modifier(mut self, modifier: Option<Modifier>) -> Spec {
        if modifier.is_some() {
            self.modifier = modifier;
        }
        self
    }

    pub(crate) fn future(mut self, future: bool) -> Spec {
        self.lex_future |= future;
        self
    }

    pub(crate) fn needs_anchor(&self) -> bool {
        match &self.what {
            What::Anaphor { .. } | What::InAnchorYear { .. } => true,
            What::Range(a, b) => a.needs_anchor() || b.needs_anchor(),
            What::Since(a) | What::Dateline(a) => a.needs_anchor(),
            _ => false,
        }
    }

    pub(crate) fn tense_sensitive(&self) -> bool {
        match &self.what {
            What::MonthDay { .. }
            | What::DayOfMonth { .. }
            | What::Month {
                dir: Dir::Plain, ..
            }
            | What::Weekday {
                dir: Dir::Plain, ..
            }
            | What::YearPart {
                dir: Dir::Plain, ..
            }
            | What::Weekend { dir: Dir::Plain }
            | What::InDuration(_) => true,
            What::Range(a, b) => a.tense_sensitive() || b.tense_sensitive(),
            What::Since(a) => a.tense_sensitive(),
            _ => false,
        }
    }

    /// Whether the spec names a month, day or weekday without a year (a range's end of this
    /// sort is moved forward to follow the start).
    pub(crate) fn yearless(&self) -> bool {
        matches!(
            self.what,
            What::MonthDay { .. }
                | What::DayOfMonth { .. }
                | What::Month { .. }
                | What::Weekday { .. }
                | What::YearPart { .. }
        )
    }
}
