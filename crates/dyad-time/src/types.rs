//! The public vocabulary: [`TimeExpr`], [`Kind`], [`Tense`], [`Resolved`], [`Modifier`],
//! [`Duration`], [`Frequency`] and [`Unit`].

use std::fmt;
use std::ops::Range;

use dyad_ontology::PartialDate;

use crate::spec::Spec;

/// What shape of temporal expression was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A calendar date whose year is written or implied by the numbers alone: "June 19, 2024",
    /// "September 1990", "1956", "the 1990s", "mid-2022", "the winter of 1968", "1/2/2020".
    Date,
    /// A date that needs the publication date (and the tense) to resolve: "on Wednesday",
    /// "19 June", "in July", "last week", "earlier this year", "two decades ago", "yesterday".
    Relative,
    /// A date that needs an earlier date in the text (the anchor): "the following day",
    /// "a year earlier", "that year", "two days later". Without an anchor "that day" is the
    /// publication date and a move ("two days later") has no value.
    Anaphoric,
    /// A length of time: "for three years", "a 10-year sentence", "the past five years" (the
    /// last one also resolves to a range ending at the publication date).
    Duration,
    /// A span between two dates: "from 1962 to 1975", "between 1950 and 1953", "1939-45",
    /// "since 2000" (which ends at the publication date).
    Range,
    /// A named historical period or event from dyad's table: "the Korean War", "the Cold War",
    /// "the Cuban Missile Crisis", "9/11".
    Period,
    /// A frequency: "every year", "twice a month", "weekly", "on Fridays".
    Set,
    /// A time of day without a day of its own: "at 3 p.m.", "10:30 GMT", "at dawn". It resolves,
    /// at day precision, to the anchor (or the publication date).
    Time,
    /// The date of a wire dateline ("MOSCOW, March 3 (Reuters) -"): the day the story was
    /// filed, resolved to the nearest such date not after the publication date plus one day.
    Dateline,
}

impl Kind {
    /// A short lower-case name ("date", "relative", ...), as used in the test set.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Relative => "relative",
            Kind::Anaphoric => "anaphoric",
            Kind::Duration => "duration",
            Kind::Range => "range",
            Kind::Period => "period",
            Kind::Set => "set",
            Kind::Time => "time",
            Kind::Dateline => "dateline",
        }
    }
}

/// The tense of the verb that governs an expression, as the coder reads it from the parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    /// "met", "had met", "was meeting".
    Past,
    /// "meets", "is meeting": the nearest date in either direction (news present often means
    /// a scheduled event: "the summit opens on Wednesday").
    Present,
    /// "will meet", "is to meet", "plans to meet": dates without a year resolve forwards.
    Future,
    /// No verb found: treated as [`Tense::Past`].
    #[default]
    Unknown,
}

/// A refinement below the precision of a [`PartialDate`] that the text states: "mid-2022" is
/// the year 2022 with [`Modifier::Mid`]; "the winter of 1968" is 1968 with [`Modifier::Winter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modifier {
    /// "early 2022", "the beginning of June", "the early 1990s".
    Early,
    /// "mid-2022", "the middle of June", "the mid-1990s", "the height of the Cold War".
    Mid,
    /// "late 2022", "the end of June", "the late 1990s".
    Late,
    /// Spring (March to May, northern hemisphere).
    Spring,
    /// Summer (June to August).
    Summer,
    /// Autumn or fall (September to November).
    Autumn,
    /// Winter (December of the year before to February of the year given).
    Winter,
    /// A quarter of the year, 1 to 4: "the first quarter of 2023", "Q3 2021".
    Quarter(u8),
    /// A half of the year, 1 or 2: "the first half of 2023".
    Half(u8),
    /// An approximate date: "around 1990", "about 20 years ago", "circa 1850".
    Approx,
}

impl Modifier {
    /// The name used in [`Resolved`]'s notation ("mid", "winter", "q3", "h1", "approx").
    pub fn name(self) -> &'static str {
        match self {
            Modifier::Early => "early",
            Modifier::Mid => "mid",
            Modifier::Late => "late",
            Modifier::Spring => "spring",
            Modifier::Summer => "summer",
            Modifier::Autumn => "autumn",
            Modifier::Winter => "winter",
            Modifier::Quarter(1) => "q1",
            Modifier::Quarter(2) => "q2",
            Modifier::Quarter(3) => "q3",
            Modifier::Quarter(_) => "q4",
            Modifier::Half(1) => "h1",
            Modifier::Half(_) => "h2",
            Modifier::Approx => "approx",
        }
    }

    /// The months (first, last) a part of a year covers, for seasons, quarters and halves.
    /// Winter runs from month 12 of the previous year, given here as 0.
    pub(crate) fn months(self) -> Option<(i8, i8)> {
        match self {
            Modifier::Spring => Some((3, 5)),
            Modifier::Summer => Some((6, 8)),
            Modifier::Autumn => Some((9, 11)),
            Modifier::Winter => Some((0, 2)),
            Modifier::Quarter(q) => {
                let q = q.clamp(1, 4) as i8;
                Some((q * 3 - 2, q * 3))
            }
            Modifier::Half(h) => {
                let h = h.clamp(1, 2) as i8;
                Some((h * 6 - 5, h * 6))
            }
            _ => None,
        }
    }
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks (a fortnight is two).
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades (ten years).
    Decade,
    /// Centuries (a hundred years).
    Century,
}

/// A length of time: "three years" is `Duration { amount: 3, unit: Unit::Year }`, shown in ISO
/// 8601 form as `P3Y` (decades and centuries as years: `P20Y`; hours and minutes as `PT48H`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: Unit,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.amount;
        match self.unit {
            Unit::Minute => write!(f, "PT{n}M"),
            Unit::Hour => write!(f, "PT{n}H"),
            Unit::Day => write!(f, "P{n}D"),
            Unit::Week => write!(f, "P{n}W"),
            Unit::Month => write!(f, "P{n}M"),
            Unit::Year => write!(f, "P{n}Y"),
            Unit::Decade => write!(f, "P{}Y", n.saturating_mul(10)),
            Unit::Century => write!(f, "P{}Y", n.saturating_mul(100)),
        }
    }
}

/// How often something recurs: "twice a year" is 2 per `P1Y`, shown as `2/P1Y`; "every Sunday"
/// is `1/P1W`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Frequency {
    /// Occurrences per period.
    pub times: u32,
    /// The period.
    pub every: Duration,
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.times, self.every)
    }
}

/// An expression normalised against a publication date, a tense and an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved {
    /// The date (for a range, its start).
    pub value: PartialDate,
    /// The end of a range ("from 1962 to 1975" ends at 1975; "since 2000" and "the past five
    /// years" end at the publication date; "last week" ends on its Sunday).
    pub end: Option<PartialDate>,
    /// A refinement the precision cannot hold (season, quarter, early/mid/late, approximate).
    pub modifier: Option<Modifier>,
    /// Whether the expression points after the publication date: it starts after it ("next
    /// month", "will meet on June 25") or says so ("later this year").
    pub future: bool,
    /// Whether the value was computed from the anchor rather than the publication date.
    pub anchored: bool,
}

impl Resolved {
    /// An anchor at a plain date, for [`resolve`](crate::resolve)'s `anchor` argument.
    pub fn at(date: PartialDate) -> Resolved {
        Resolved {
            value: date,
            end: None,
            modifier: None,
            future: false,
            anchored: false,
        }
    }
}

/// The compact notation used by the test set: `value[..end][@modifier][!]`, where `!` marks a
/// future reference. "mid-2022" → `2022@mid`; "from 1962 to 1975" → `1962..1975`; "next
/// month" from 2024-06-19 → `2024-07!`.
impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some(end) = self.end {
            write!(f, "..{end}")?;
        }
        if let Some(m) = self.modifier {
            write!(f, "@{}", m.name())?;
        }
        if self.future {
            write!(f, "!")?;
        }
        Ok(())
    }
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte offset of the first byte (always on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (always on a char boundary).
    pub end: usize,
    /// The shape of the expression.
    pub kind: Kind,
    /// The length of a duration ("for three years": `P3Y`).
    pub duration: Option<Duration>,
    /// The frequency of a set ("twice a year": `2/P1Y`).
    pub frequency: Option<Frequency>,
    /// The value resolved with [`Tense::Unknown`] and the previous expression of the same text
    /// as anchor. `None` for pure durations and sets. Call [`resolve`](crate::resolve) again
    /// when the tense or the narrative anchor is known.
    pub resolved: Option<Resolved>,
    pub(crate) spec: Spec,
}

impl TimeExpr {
    /// The byte span.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The expression's words in `text` (the text it was found in); empty if `text` is another.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the value depends on an anchor ("the following day", "a year earlier", "at
    /// 3 p.m.").
    pub fn needs_anchor(&self) -> bool {
        self.spec.needs_anchor()
    }

    /// Whether the value depends on the tense ("in July", "on Wednesday", "June 19", "in two
    /// weeks"); other expressions resolve the same whatever the tense.
    pub fn tense_sensitive(&self) -> bool {
        self.spec.tense_sensitive()
    }
}
