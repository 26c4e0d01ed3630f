//! Properties of `find` and `resolve` on arbitrary input: no panic, spans on char boundaries
//! inside the text, in order and disjoint, ranges in order, and the same values whatever text
//! comes before.

#![allow(clippy::unwrap_used)]

use dyad_time::{Resolved, Tense, find, resolve};
use jiff::civil::Date;
use proptest::prelude::*;

/// Words and marks the grammar reacts to, so random text exercises its patterns.
const VOCAB: &[&str] = &[
    "in",
    "on",
    "the",
    "since",
    "from",
    "to",
    "between",
    "and",
    "last",
    "next",
    "this",
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "year",
    "years",
    "month",
    "weeks",
    "day",
    "decade",
    "decades",
    "century",
    "June",
    "May",
    "March",
    "Sept.",
    "Dec",
    "Wednesday",
    "Fridays",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "night",
    "early",
    "mid",
    "late",
    "end",
    "of",
    "summer",
    "winter",
    "fall",
    "first",
    "quarter",
    "half",
    "Q3",
    "fiscal",
    "FY2023",
    "every",
    "twice",
    "times",
    "a",
    "few",
    "several",
    "two",
    "twenty",
    "-",
    "–",
    "—",
    "/",
    ".",
    ",",
    "'",
    "(",
    ")",
    ":",
    "1",
    "5",
    "19",
    "19th",
    "1990s",
    "90s",
    "1956",
    "2024",
    "1800",
    "9",
    "11",
    "12",
    "2100",
    "9999",
    "0",
    "00",
    "3pm",
    "p",
    "m",
    "GMT",
    "hours",
    "o",
    "clock",
    "Korean",
    "War",
    "Cold",
    "World",
    "II",
    "New",
    "Year's",
    "Day",
    "MOSCOW",
    "Reuters",
    "\n",
    "é",
    "Zürich",
    "1,500",
    "troops",
    "Resolution",
    "that",
    "same",
    "following",
    "previous",
    "coming",
    "past",
    "recent",
    "about",
    "more",
    "than",
    "circa",
    "c",
    "Christmas",
    "Eve",
    "Twenty-first-century",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(VOCAB),
            prop::sample::select(&[" ", "", "  ", "\n"][..]),
        ),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn any_date() -> impl Strategy<Value = Date> {
    (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn check_spans(text: &str, pub_date: Date) -> Result<(), TestCaseError> {
    let found = find(text, pub_date);
    let mut last_end = 0;
    for e in &found {
        prop_assert!(e.start < e.end, "empty span {e:?}");
        prop_assert!(e.end <= text.len());
        prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        prop_assert!(e.start >= last_end, "overlapping spans in {text:?}");
        last_end = e.end;
        if let Some(r) = e.resolved
            && let Some(end) = r.end
        {
            prop_assert!(
                r.value.first_day() <= end.last_day(),
                "{r} out of order in {text:?}"
            );
        }
        for tense in [Tense::Past, Tense::Present, Tense::Future, Tense::Unknown] {
            let anchor = Resolved::at(dyad_ontology::PartialDate::from_date(pub_date));
            let _ = resolve(e, pub_date, tense, Some(&anchor));
            let _ = resolve(e, pub_date, tense, None);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), pub_date in any_date()) {
        check_spans(&text, pub_date)?;
    }

    #[test]
    fn printable_strings(text in "\\PC{0,80}", pub_date in any_date()) {
        check_spans(&text, pub_date)?;
    }

    #[test]
    fn newsy_strings(text in newsy(), pub_date in any_date()) {
        check_spans(&text, pub_date)?;
    }

    /// Text before a sentence (on the same line) moves the spans and changes nothing else.
    #[test]
    fn prefix_shifts_spans(text in newsy(), pub_date in any_date()) {
        let prefixed = format!("x; {text}");
        let a = find(&text, pub_date);
        let b = find(&prefixed, pub_date);
        // The prefix can only matter to a dateline or an expression at the very start.
        let a: Vec<_> = a.iter().filter(|e| e.start > 0 && !text[..e.start].contains('\n')).collect();
        let b: Vec<_> = b.iter().filter(|e| e.start > 3 && !prefixed[..e.start].contains('\n')).collect();
        prop_assume!(a.len() == b.len());
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(x.start + 3, y.start);
            prop_assert_eq!(x.end + 3, y.end);
            prop_assert_eq!(x.kind, y.kind);
        }
    }
}

#[test]
fn extremes_do_not_panic() {
    for pub_date in [
        Date::new(1, 1, 1).unwrap(),
        Date::new(9999, 12, 31).unwrap(),
    ] {
        for text in [
            "9999 decades ago",
            "next year",
            "in 9999 centuries",
            "the following 9999 years",
            "since the 1990s",
            "Dec. 31 (Reuters) -",
            "the 21st century",
            "last winter",
            "between 2010 and 2008",
            "Feb. 29",
            "the 5th",
            "from March to May",
        ] {
            check_spans(text, pub_date).unwrap();
        }
    }
    let huge = "On June 19, 2024, in 1956 and two decades ago ".repeat(20_000);
    assert!(find(&huge, Date::new(2024, 6, 19).unwrap()).len() >= 60_000);
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ABBR: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A date written the ways news writes it is found back, whole, at the precision written
    /// and never finer.
    #[test]
    fn written_dates_round_trip(
        y in 1800i16..=2100,
        m in 1usize..=12,
        d in 1i8..=28,
        style in 0usize..9,
        pub_date in any_date(),
    ) {
        let month = MONTHS[m - 1];
        let (text, want) = match style {
            0 => (format!("It happened on {month} {d}, {y}."), format!("{y:04}-{m:02}-{d:02}")),
            1 => (format!("It happened on {d} {month} {y}."), format!("{y:04}-{m:02}-{d:02}")),
            2 => (format!("It happened on {} {d}, {y}.", ABBR[m - 1]), format!("{y:04}-{m:02}-{d:02}")),
            3 => (format!("It happened on {y}-{m:02}-{d:02}."), format!("{y:04}-{m:02}-{d:02}")),
            4 => (format!("It happened in {month} {y}."), format!("{y:04}-{m:02}")),
            5 => (format!("It happened in {y}."), format!("{y:04}")),
            6 => (format!("It happened in the {}s.", y - y % 10), format!("{:03}X", y / 10)),
            7 => (format!("It happened on the {d}th of {month}, {y}."), format!("{y:04}-{m:02}-{d:02}")),
            _ => (format!("It happened on {m}/{d}/{y}."), format!("{y:04}-{m:02}-{d:02}")),
        };
        // "the 1800s", "the 1900s", "the 2100s" are centuries; only "the 2000s" is a decade.
        prop_assume!(!(style == 6 && y % 100 < 10 && !(2000..2010).contains(&y)));
        let found = find(&text, pub_date);
        prop_assert_eq!(found.len(), 1, "{} → {:?}", text, found);
        let r = found[0].resolved.unwrap();
        prop_assert_eq!(r.value.to_string(), want, "{}", text);
        prop_assert!(r.end.is_none() && r.modifier.is_none(), "{} → {}", text, r);
        prop_assert_eq!(r.future, r.value.first_day() > pub_date);
        prop_assert_eq!(found[0].text(&text), text.trim_start_matches("It happened on ")
            .trim_start_matches("It happened in ").trim_end_matches('.'));
    }
}
