//! [`resolve`]: a [`Spec`] plus a publication date, a tense and an anchor give a [`Resolved`].
//!
//! The arithmetic is jiff's; the choices are dyad's:
//!
//! * **Direction.** A date without a year ("June 19", "in July", "on Wednesday", "last
//!   summer") has candidates in several years or weeks. [`Tense::Past`] and [`Tense::Unknown`]
//!   take the latest candidate that has begun by the publication date (the same day counts);
//!   [`Tense::Future`] the earliest that has not ended; [`Tense::Present`] the nearer of the
//!   two, ties to the future (the news present is mostly scheduled: "the summit opens on
//!   Thursday"). "last"/"next" exclude the current one; "this" takes the current
//!   year's (or week's). "last Tuesday" is the Tuesday of the previous calendar week, "next
//!   Tuesday" that of the following week. A season looking back must be at least half over
//!   ("through the summer", said on June 19, is last summer).
//! * **Precision follows the unit.** "19 years ago" is a year, "two decades ago" a decade,
//!   "three months ago" a month, "two weeks ago" and "48 hours ago" a day.
//! * **Weeks** have no precision of their own: "last week", "this week" and "next week" are
//!   Monday-to-Sunday day ranges; "the weekend" is Saturday to Sunday.
//! * **Anchors.** Anaphoric expressions move the anchor (for a forward move, the anchor's
//!   end). The result is never finer than the anchor: "the following day" after "in 1968" is
//!   1968. Without an anchor, "that day" and a time of day are the publication date and a
//!   move ("two days later", "a year earlier") is unknown.
//! * **Vague counts** ("the past few years", "in recent weeks", "the coming days") count 3.

use dyad_ontology::{PartialDate, Precision};
use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use crate::spec::{Dir, Part, Spec, What};
use crate::types::{Modifier, Resolved, Tense, TimeExpr, Unit};

/// Resolve `expr` against the publication date, the tense of the verb that governs it and an
/// anchor (the date the narrative is at: the previous expression, or the event date of the
/// previous clause). Returns `None` for pure durations and sets, and for dates that would fall
/// outside the years 1 to 9999.
///
/// ```
/// use dyad_time::{find, resolve, Tense};
/// use jiff::civil::date;
///
/// let text = "The leaders will meet in July.";
/// let pub_date = date(2024, 6, 19);
/// let found = find(text, pub_date);
/// // Without a tense, "in July" is the last July...
/// assert_eq!(found[0].resolved.unwrap().to_string(), "2023-07");
/// // ...with the future tense of "will meet", the next one.
/// let r = resolve(&found[0], pub_date, Tense::Future, None).unwrap();
/// assert_eq!(r.to_string(), "2024-07!");
/// ```
pub fn resolve(
    expr: &TimeExpr,
    pub_date: Date,
    tense: Tense,
    anchor: Option<&Resolved>,
) -> Option<Resolved> {
    let pick = match tense {
        Tense::Past | Tense::Unknown => Pick::Past,
        Tense::Future => Pick::Future,
        Tense::Present => Pick::Nearest,
    };
    let ctx = Ctx {
        pub_date,
        pick,
        tense,
        anchor,
    };
    resolve_spec(&expr.spec, &ctx)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Past,
    Future,
    Nearest,
    /// Latest candidate not after the publication date plus one day.
    Dateline,
}

#[derive(Clone, Copy)]
struct Ctx<'a> {
    pub_date: Date,
    pick: Pick,
    tense: Tense,
    anchor: Option<&'a Resolved>,
}

fn plain(value: PartialDate) -> Resolved {
    Resolved::at(value)
}

/// A range from `value` to `end`, put in order ("between 2010 and 2008", "since 2030").
fn ranged(value: PartialDate, end: PartialDate) -> Resolved {
    let (value, end) = if end.last_day() < value.first_day() {
        (end, value)
    } else {
        (value, end)
    };
    Resolved {
        end: (end != value).then_some(end),
        ..Resolved::at(value)
    }
}

fn resolve_spec(spec: &Spec, ctx: &Ctx<'_>) -> Option<Resolved> {
    let mut r = resolve_what(&spec.what, ctx)?;
    if r.modifier.is_none() {
        r.modifier = spec.modifier;
    }
    r.future = r.future || spec.lex_future || start_of(&r) > ctx.pub_date;
    Some(r)
}

fn resolve_what(what: &What, ctx: &Ctx<'_>) -> Option<Resolved> {
    let p = ctx.pub_date;
    match what {
        What::Abs(d) => Some(plain(*d)),
        What::Fixed { start, end } => {
            let end = match end {
                Some(e) => *e,
                None if p >= start.first_day() => PartialDate::from_date(p),
                None => *start,
            };
            Some(ranged(*start, end))
        }
        What::InYear { month, day, off } => {
            let y = i16::try_from(p.year() as i32 + off).ok()?;
            match day {
                Some(d) => PartialDate::day(y, *month, *d).ok().map(plain),
                None => PartialDate::month(y, *month).ok().map(plain),
            }
        }
        What::Century { n } => {
            let c = (p.year() as i32 / 100 + n) * 100;
            let a = PartialDate::year(i16::try_from(c).ok()?).ok()?;
            let b = PartialDate::year(i16::try_from(c + 99).ok()?).ok()?;
            Some(ranged(a, b))
        }
        What::MonthDay { month, day } => month_day(*month, *day, ctx).map(plain),
        What::Month { month, dir } => month_of(*month, *dir, ctx).map(plain),
        What::Weekday { wd, dir } => {
            weekday(*wd, *dir, ctx).map(|d| plain(PartialDate::from_date(d)))
        }
        What::YearPart { part, dir } => year_part(*part, *dir, ctx).map(|y| Resolved {
            modifier: Some(*part),
            ..plain(y)
        }),
        What::Offset { n, unit } => offset(p, *n, *unit).map(plain),
        What::Week { n, part } => {
            let monday = p.checked_sub((days_from_monday(p) as i64).days()).ok()?;
            let monday = monday.checked_add((7 * *n as i64).days()).ok()?;
            let sunday = monday.checked_add(6.days()).ok()?;
            let (a, b) = match part {
                Part::Whole => (monday, sunday),
                Part::Earlier => (monday, p.max(monday)),
                Part::Later => (p.min(sunday), sunday),
            };
            Some(ranged(PartialDate::from_date(a), PartialDate::from_date(b)))
        }
        What::Weekend { dir } => {
            let sat = weekday(6, *dir, ctx)?;
            // For a plain "the weekend" on a Sunday, the Saturday just before.
            let sat = if sat.weekday() == Weekday::Saturday {
                sat
            } else {
                sat.checked_sub(1.days()).ok()?
            };
            let sun = sat.checked_add(1.days()).ok()?;
            Some(ranged(
                PartialDate::from_date(sat),
                PartialDate::from_date(sun),
            ))
        }
        What::PubSpan { n, unit } => {
            let other = shift_date(p, *n, *unit)?;
            let (a, b) = if *n < 0 { (other, p) } else { (p, other) };
            let prec = span_precision(*unit);
            Some(ranged(truncate(a, prec)?, truncate(b, prec)?))
        }
        What::Anaphor { n, unit } => anaphor(*n, *unit, ctx),
        What::Range(a, b) => {
            // Looking back, the end is placed first and the start before it ("from April to
            // October", said in June, is last year's); otherwise the start first.
            let (ra, rb) = if ctx.pick == Pick::Past && a.yearless() {
                let rb = resolve_spec(b, ctx)?;
                let before = Ctx {
                    pub_date: rb.end.unwrap_or(rb.value).last_day(),
                    ..*ctx
                };
                (resolve_spec(a, &before)?, rb)
            } else {
                let ra = resolve_spec(a, ctx)?;
                let mut rb = resolve_spec(b, ctx)?;
                if b.yearless() && rb.value.first_day() < ra.value.first_day() {
                    let after = Ctx {
                        pub_date: ra.value.first_day(),
                        pick: Pick::Future,
                        ..*ctx
                    };
                    rb = resolve_spec(b, &after)?;
                }
                (ra, rb)
            };
            let end = rb.end.unwrap_or(rb.value);
            Some(Resolved {
                anchored: ra.anchored || rb.anchored,
                ..ranged(ra.value, end)
            })
        }
        What::Since(a) => {
            let ra = resolve_spec(a, ctx)?;
            Some(Resolved {
                anchored: ra.anchored,
                modifier: ra.modifier,
                ..ranged(ra.value, PartialDate::from_date(p))
            })
        }
        What::Duration(_) | What::Set(_) | What::Vague => None,
        What::DayOfMonth { day } => {
            day_of_month(*day, ctx).map(|d| plain(PartialDate::from_date(d)))
        }
        What::InAnchorYear { month, part } => {
            let (base, anchored) = match ctx.anchor {
                Some(a) => (a.value, true),
                None => (PartialDate::from_date(p), false),
            };
            let y = base.year_number();
            let value = match month {
                Some(m) => PartialDate::month(y, *m).ok()?,
                None => PartialDate::year(y).ok()?,
            };
            Some(Resolved {
                modifier: *part,
                anchored,
                ..plain(value)
            })
        }
        What::InDuration(d) => {
            if ctx.tense != Tense::Future {
                return None;
            }
            let n = i32::try_from(d.amount).ok()?;
            offset(p, n, d.unit).map(|v| Resolved {
                future: true,
                ..plain(v)
            })
        }
        What::Dateline(inner) => {
            let near = Ctx {
                pick: Pick::Dateline,
                ..*ctx
            };
            resolve_spec(inner, &near)
        }
    }
}

/// The first day a resolved value can mean, narrowed by a season, quarter or half.
fn start_of(r: &Resolved) -> Date {
    let first = r.value.first_day();
    if r.value.precision() == Precision::Year
        && let Some(part) = r.modifier
        && let Some((s, _)) = part_bounds(part, r.value.year_number())
    {
        return s;
    }
    first
}

/// Days since the Monday of `d`'s week (0 to 6).
fn days_from_monday(d: Date) -> i8 {
    d.weekday().to_monday_zero_offset()
}

fn month_day(month: u8, day: u8, ctx: &Ctx<'_>) -> Option<PartialDate> {
    let p = ctx.pub_date;
    let limit = match ctx.pick {
        Pick::Dateline => p.checked_add(1.days()).unwrap_or(p),
        _ => p,
    };
    let mut past: Option<Date> = None;
    let mut future: Option<Date> = None;
    // Eight years each way finds every 29 February.
    for dy in -8i16..=8 {
        let y = p.year().checked_add(dy)?;
        let Ok(d) = Date::new(y, month as i8, day as i8) else {
            continue;
        };
        if d <= limit {
            past = Some(past.map_or(d, |q| q.max(d)));
        }
        if d >= p {
            future = Some(future.map_or(d, |q| q.min(d)));
        }
    }
    let chosen = match ctx.pick {
        Pick::Past | Pick::Dateline => past,
        Pick::Future => future,
        Pick::Nearest => match (past, future) {
            (Some(a), Some(b)) => {
                let da = (p - a).get_days().abs();
                let db = (b - p).get_days().abs();
                Some(if da < db { a } else { b })
            }
            (a, b) => a.or(b),
        },
    }?;
    Some(PartialDate::from_date(chosen))
}

/// "the 5th": the day in the publication month or a neighbouring one, by the pick.
fn day_of_month(day: u8, ctx: &Ctx<'_>) -> Option<Date> {
    let p = ctx.pub_date;
    let first = p.first_of_month();
    let mut past: Option<Date> = None;
    let mut future: Option<Date> = None;
    for dm in -2i64..=2 {
        let Ok(m) = first.checked_add(Span::new().try_months(dm).ok()?) else {
            continue;
        };
        let Ok(d) = Date::new(m.year(), m.month(), day as i8) else {
            continue;
        };
        if d <= p {
            past = Some(past.map_or(d, |q| q.max(d)));
        }
        if d >= p {
            future = Some(future.map_or(d, |q| q.min(d)));
        }
    }
    match ctx.pick {
        Pick::Past | Pick::Dateline => past,
        Pick::Future => future,
        Pick::Nearest => match (past, future) {
            (Some(a), Some(b)) => Some(if (p - a).get_days() < (b - p).get_days() {
                a
            } else {
                b
            }),
            (a, b) => a.or(b),
        },
    }
}

fn month_of(month: u8, dir: Dir, ctx: &Ctx<'_>) -> Option<PartialDate> {
    let p = ctx.pub_date;
    let pm = p.month() as u8;
    let y = p.year();
    let year = match dir {
        Dir::This => y,
        Dir::Last => {
            if month < pm {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if month > pm {
                y
            } else {
                y + 1
            }
        }
        Dir::Plain => {
            let past = if month <= pm { y } else { y - 1 };
            let future = if month >= pm { y } else { y + 1 };
            match ctx.pick {
                Pick::Past | Pick::Dateline => past,
                Pick::Future => future,
                Pick::Nearest => {
                    let back = (pm as i16 - month as i16).rem_euclid(12);
                    let fwd = (month as i16 - pm as i16).rem_euclid(12);
                    if back < fwd { past } else { future }
                }
            }
        }
    };
    PartialDate::month(year, month).ok()
}

/// The date of weekday `wd` (1 = Monday) chosen by `dir` and the tense.
fn weekday(wd: u8, dir: Dir, ctx: &Ctx<'_>) -> Option<Date> {
    let p = ctx.pub_date;
    let pw = days_from_monday(p) as i64 + 1;
    let wd = wd as i64;
    let back = (pw - wd).rem_euclid(7);
    let fwd = (wd - pw).rem_euclid(7);
    // "last Tuesday" is the Tuesday of last week (said on a Wednesday it is not yesterday,
    // which would be "yesterday"); "next Tuesday" the Tuesday of next week.
    let delta: i64 = match dir {
        Dir::This => wd - pw,
        Dir::Last => wd - pw - 7,
        Dir::Next => wd - pw + 7,
        Dir::Plain => match ctx.pick {
            Pick::Past | Pick::Dateline => -back,
            Pick::Future => fwd,
            Pick::Nearest => {
                if back < fwd {
                    -back
                } else {
                    fwd
                }
            }
        },
    };
    p.checked_add(delta.days()).ok()
}

/// The first and last day of part `part` of year `y` (winter starts in December of `y - 1`).
fn part_bounds(part: Modifier, y: i16) -> Option<(Date, Date)> {
    let (a, b) = part.months()?;
    let start = if a == 0 {
        Date::new(y - 1, 12, 1).ok()?
    } else {
        Date::new(y, a, 1).ok()?
    };
    let end = Date::new(y, b, 1).ok()?.last_of_month();
    Some((start, end))
}

fn year_part(part: Modifier, dir: Dir, ctx: &Ctx<'_>) -> Option<PartialDate> {
    let p = ctx.pub_date;
    let years = || (p.year() - 2..=p.year() + 2).filter_map(|y| Some((y, part_bounds(part, y)?)));
    let latest_started = years().filter(|(_, (s, _))| *s <= p).map(|(y, _)| y).max();
    // Looking back, a season counts once half of it is over.
    let latest_half_over = years()
        .filter(|(_, (s, e))| {
            let half = (*e - *s).get_days() / 2;
            s.checked_add(half.days()).is_ok_and(|mid| mid <= p)
        })
        .map(|(y, _)| y)
        .max();
    let earliest_open = years().filter(|(_, (_, e))| *e >= p).map(|(y, _)| y).min();
    let year = match dir {
        // "this summer" is this year's, before or after; "this winter" is the one under way
        // or, from March, the coming one.
        Dir::This => Some(if part == Modifier::Winter && p.month() >= 3 {
            p.year() + 1
        } else {
            p.year()
        }),
        Dir::Last => years().filter(|(_, (_, e))| *e < p).map(|(y, _)| y).max(),
        Dir::Next => years().filter(|(_, (s, _))| *s > p).map(|(y, _)| y).min(),
        Dir::Plain => match ctx.pick {
            Pick::Past | Pick::Dateline => latest_half_over,
            Pick::Future => earliest_open,
            Pick::Nearest => {
                let current = years()
                    .find(|(_, (s, e))| *s <= p && p <= *e)
                    .map(|(y, _)| y);
                current.or_else(|| {
                    let back = latest_started
                        .and_then(|y| part_bounds(part, y))
                        .map(|(_, e)| (p - e).get_days());
                    let fwd = earliest_open
                        .and_then(|y| part_bounds(part, y))
                        .map(|(s, _)| (s - p).get_days());
                    match (back, fwd) {
                        (Some(b), Some(f)) if f <= b => earliest_open,
                        (None, Some(_)) => earliest_open,
                        _ => latest_started,
                    }
                })
            }
        },
    }?;
    PartialDate::year(year).ok()
}

/// Precision of a date moved by whole units of `unit`.
fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => Precision::Day,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
        Unit::Decade | Unit::Century => Precision::Decade,
    }
}

/// Precision of the ends of a span counted back from the publication date.
fn span_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Decade | Unit::Century => Precision::Year,
        u => unit_precision(u),
    }
}

fn truncate(d: Date, prec: Precision) -> Option<PartialDate> {
    match prec {
        Precision::Day | Precision::Unknown => Some(PartialDate::from_date(d)),
        Precision::Month => PartialDate::month(d.year(), d.month() as u8).ok(),
        Precision::Year => PartialDate::year(d.year()).ok(),
        Precision::Decade => PartialDate::decade(d.year()).ok(),
    }
}

/// `d` moved by `n` units (hours and minutes count whole days, rounded towards `d`).
/// `None` when the result leaves jiff's range (no panic on "9999 decades ago").
fn shift_date(d: Date, n: i32, unit: Unit) -> Option<Date> {
    let n = n as i64;
    let span = match unit {
        Unit::Minute => Span::new().try_days(n / 1440),
        Unit::Hour => Span::new().try_days(n / 24),
        Unit::Day => Span::new().try_days(n),
        Unit::Week => Span::new().try_days(n * 7),
        Unit::Month => Span::new().try_months(n),
        Unit::Year => Span::new().try_years(n),
        Unit::Decade => Span::new().try_years(n * 10),
        Unit::Century => Span::new().try_years(n * 100),
    }
    .ok()?;
    d.checked_add(span).ok()
}

fn offset(p: Date, n: i32, unit: Unit) -> Option<PartialDate> {
    truncate(shift_date(p, n, unit)?, unit_precision(unit))
}

fn anaphor(n: i32, unit: Option<Unit>, ctx: &Ctx<'_>) -> Option<Resolved> {
    let base = match ctx.anchor {
        Some(a) if n > 0 => a.end.unwrap_or(a.value),
        Some(a) => a.value,
        // "two days later" with nothing to count from is unknown (counting from the
        // publication date would put a past narrative in the future); "that day" and a time
        // of day fall back to the publication date.
        None if n != 0 => return None,
        None => PartialDate::from_date(ctx.pub_date),
    };
    let anchored = ctx.anchor.is_some();
    let value = match unit {
        None => base,
        Some(unit) => {
            let uprec = unit_precision(unit);
            if uprec < base.precision() {
                // "the following day" after "in 1968": still 1968.
                base
            } else {
                let prec = uprec.max(base.precision());
                truncate(shift_date(base.first_day(), n, unit)?, prec)?
            }
        }
    };
    Some(Resolved {
        anchored,
        ..plain(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ctx(p: Date, pick: Pick) -> Ctx<'static> {
        Ctx {
            pub_date: p,
            pick,
            tense: Tense::Unknown,
            anchor: None,
        }
    }

    #[test]
    fn weekdays_by_direction() {
        let wed = date(2024, 6, 19);
        let c = ctx(wed, Pick::Past);
        // "on Wednesday" in a Wednesday paper is that day; "on Monday" two days back.
        assert_eq!(weekday(3, Dir::Plain, &c), Some(wed));
        assert_eq!(weekday(1, Dir::Plain, &c), Some(date(2024, 6, 17)));
        assert_eq!(weekday(3, Dir::Last, &c), Some(date(2024, 6, 12)));
        // Said on a Wednesday, "last Tuesday" is last week's, not yesterday.
        assert_eq!(weekday(2, Dir::Last, &c), Some(date(2024, 6, 11)));
        assert_eq!(weekday(4, Dir::Next, &c), Some(date(2024, 6, 27)));
        assert_eq!(weekday(3, Dir::Next, &c), Some(date(2024, 6, 26)));
        let f = ctx(wed, Pick::Future);
        assert_eq!(weekday(1, Dir::Plain, &f), Some(date(2024, 6, 24)));
        let n = ctx(wed, Pick::Nearest);
        assert_eq!(weekday(5, Dir::Plain, &n), Some(date(2024, 6, 21)));
        assert_eq!(weekday(2, Dir::Plain, &n), Some(date(2024, 6, 18)));
    }

    #[test]
    fn leap_days_find_their_year() {
        let c = ctx(date(2023, 6, 1), Pick::Past);
        assert_eq!(month_day(2, 29, &c).unwrap().to_string(), "2020-02-29");
        let f = ctx(date(2023, 6, 1), Pick::Future);
        assert_eq!(month_day(2, 29, &f).unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn seasons() {
        let c = ctx(date(2024, 6, 19), Pick::Past);
        assert_eq!(
            year_part(Modifier::Winter, Dir::Last, &c)
                .unwrap()
                .to_string(),
            "2024"
        );
        assert_eq!(
            year_part(Modifier::Summer, Dir::Last, &c)
                .unwrap()
                .to_string(),
            "2023"
        );
        assert_eq!(
            year_part(Modifier::Spring, Dir::Last, &c)
                .unwrap()
                .to_string(),
            "2024"
        );
        assert_eq!(
            year_part(Modifier::Autumn, Dir::Plain, &c)
                .unwrap()
                .to_string(),
            "2023"
        );
        assert_eq!(
            year_part(Modifier::Summer, Dir::Plain, &c)
                .unwrap()
                .to_string(),
            "2023"
        );
        assert_eq!(
            year_part(Modifier::Spring, Dir::Plain, &c)
                .unwrap()
                .to_string(),
            "2024"
        );
        let f = ctx(date(2024, 6, 19), Pick::Future);
        assert_eq!(
            year_part(Modifier::Autumn, Dir::Plain, &f)
                .unwrap()
                .to_string(),
            "2024"
        );
    }

    #[test]
    fn anchors_never_sharpen() {
        let year = Resolved::at(PartialDate::year(1968).unwrap());
        let c = Ctx {
            anchor: Some(&year),
            ..ctx(date(2024, 6, 19), Pick::Past)
        };
        let r = anaphor(1, Some(Unit::Day), &c).unwrap();
        assert_eq!(r.value.to_string(), "1968");
        assert!(r.anchored);
        let r = anaphor(-1, Some(Unit::Year), &c).unwrap();
        assert_eq!(r.value.to_string(), "1967");
        let alone = ctx(date(2024, 6, 19), Pick::Past);
        assert!(anaphor(2, Some(Unit::Day), &alone).is_none());
        assert_eq!(
            anaphor(0, Some(Unit::Day), &alone)
                .unwrap()
                .value
                .to_string(),
            "2024-06-19"
        );
    }
}
