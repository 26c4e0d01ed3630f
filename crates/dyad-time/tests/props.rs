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
