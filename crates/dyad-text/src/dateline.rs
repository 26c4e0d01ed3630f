//! [`detect_dateline`]: the wire dateline at the top of a story.
//!
//! A dateline is, at the very start of the text (after whitespace):
//!
//! ```text
//! PLACE [, REGION]… [, DATE] [(AGENCY)] DASH
//! ```
//!
//! * PLACE is one to five words of letters (with `.`, `-`, `'`), either ALL CAPS ("GAZA CITY",
//!   "ST. LOUIS", "SÃO PAULO") or Title Case ("Paris", "Rio de Janeiro").
//! * REGION is up to three comma-separated parts of capitalised words ("Lebanon", "Gaza Strip",
//!   "Calif.").
//! * DATE is "June 19", "Nov. 3", "Sept 30", "12 May", with an optional year ("June 19, 2024",
//!   "19 June 2024").
//! * AGENCY is a short parenthesised name ("AP", "Reuters", "Xinhua").
//! * DASH is "—", "–", "―", "-" or "--", after a space or the closing parenthesis.
//!
//! To keep ordinary first sentences out ("WASHINGTON is bracing for…", "The U.S. said —"), a
//! Title Case place needs a date or an agency as well, and an ALL CAPS place with neither must be
//! followed directly by the dash and must not be a desk label such as "BREAKING" or an
//! organisation such as "NATO".
//! An ALL CAPS place with an agency may omit the dash ("MOSCOW (Reuters) The Kremlin…").
//!
//! **Dates without a year** resolve to the most recent such date not after the publication date
//! plus one day: a story datelined "June 20" in Seoul can carry a June 19 publication date from a
//! server in another time zone, while "Dec. 31" on a story published Jan. 2 means last year's.
//! A day that does not exist ("Feb. 30") keeps its `date_text` with no `date`.

use dyad_doc::{Dateline, Span};
use jiff::civil::Date;

/// Find the wire dateline at the start of `text`, resolving its date against `pub_date`.
///
/// ```
/// use jiff::civil::date;
/// let text = "SEOUL, June 19 (AP) — Kim Jong Un met Vladimir Putin.";
/// let d = dyad_text::detect_dateline(text, date(2024, 6, 19)).unwrap();
/// assert_eq!(&text[d.place.start..d.place.end], "SEOUL");
/// assert_eq!(d.date, Some(date(2024, 6, 19)));
/// assert_eq!(&text[d.span.end..], " Kim Jong Un met Vladimir Putin.");
/// assert!(dyad_text::detect_dateline("WASHINGTON is bracing for a storm.", date(2024, 6, 19)).is_none());
/// ```
pub fn detect_dateline(text: &str, pub_date: Date) -> Option<Dateline> {
    let mut c = Cursor { text, pos: 0 };
    c.skip(|ch| ch.is_whitespace() || matches!(ch, '\u{FEFF}' | '\u{200B}'));
    let start = c.pos;
    let (place, caps) = c.words(5, 48, Case::Place)?;
    let mut date_text = None;
    let mut date = None;
    // Comma parts: regions, then at most one date.
    for _ in 0..4 {
        let save = c.pos;
        if !c.eat(", ") {
            break;
        }
        if let Some((span, month, day, year)) = c.date() {
            date_text = Some(span);
            date = resolve(month, day, year, pub_date);
            break;
        }
        if c.words(4, 40, Case::Region).is_none() {
            c.pos = save;
            break;
        }
    }
    let before_agency = c.pos;
    c.skip(|ch| ch == ' ');
    let agency = c.agency();
    if agency.is_none() {
        c.pos = before_agency;
    }
    let after_head = c.pos;
    let dashed = c.dash();
    if !dashed {
        c.pos = after_head;
    }
    let has_extra = date_text.is_some() || agency.is_some();
    let accepted = match (caps, dashed) {
        (true, true) => has_extra || !is_desk_label(text.get(place.start..place.end)?),
        (true, false) => agency.is_some() && c.followed_by_word(),
        (false, true) => has_extra,
        (false, false) => false,
    };
    accepted.then(|| Dateline {
        span: Span::new(start, c.pos),
        place,
        date_text,
        date,
        agency,
    })
}

/// Words that sit where a dateline's place would but are not places: desk labels ("BREAKING",
/// "ANALYSIS") and organisations whose acronym often opens a sentence ("NATO — the alliance").
fn is_desk_label(place: &str) -> bool {
    matches!(
        place,
        "BREAKING"
            | "UPDATE"
            | "UPDATED"
            | "EXCLUSIVE"
            | "ANALYSIS"
            | "OPINION"
            | "EDITORIAL"
            | "CORRECTION"
            | "URGENT"
            | "FLASH"
            | "WATCH"
            | "LIVE"
            | "NOTE"
            | "ADVISORY"
            | "FACTBOX"
            | "EXPLAINER"
            | "REVIEW"
            | "COMMENTARY"
            | "INTERVIEW"
            | "FEATURE"
            | "OBITUARY"
            | "PHOTOS"
            | "VIDEO"
            | "NATO"
            | "OPEC"
            | "IAEA"
            | "ASEAN"
            | "EU"
            | "UN"
            | "WHO"
            | "IMF"
    )
}

/// The month a name stands for, 1..=12 (full names, three-letter forms, "Sept"; any case).
fn month(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The date a month and day (and perhaps year) name, as described in the module docs.
fn resolve(month: i8, day: i8, year: Option<i16>, pub_date: Date) -> Option<Date> {
    if let Some(year) = year {
        return Date::new(year, month, day).ok();
    }
    let limit = pub_date.tomorrow().unwrap_or(pub_date);
    let mut year = limit.year();
    // Eight years back always reaches a leap year, for Feb. 29.
    for _ in 0..8 {
        if let Ok(d) = Date::new(year, month, day)
            && d <= limit
        {
            return Some(d);
        }
        year = year.checked_sub(1)?;
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Place,
    Region,
}

/// Lowercase words allowed inside a Title Case place name ("Rio de Janeiro").
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "la"
            | "le"
            | "el"
            | "al"
            | "of"
            | "upon"
            | "on"
            | "am"
            | "an"
            | "der"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "los"
            | "las"
    )
}

struct Cursor<'t> {
    text: &'t str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn skip(&mut self, f: impl Fn(char) -> bool) {
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// One word of letters and `.`, `-`, `'`, `’` (starting with a letter).
    fn word(&mut self) -> Option<Span> {
        let start = self.pos;
        if !self.peek()?.is_alphabetic() {
            return None;
        }
        self.skip(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        Some(Span::new(start, self.pos))
    }

    /// Up to `max` space-separated words, `max_len` bytes in all, all capitalised. Returns the
    /// span and whether every word is ALL CAPS.
    fn words(&mut self, max: usize, max_len: usize, case: Case) -> Option<(Span, bool)> {
        let start = self.pos;
        let mut end = start;
        let mut caps = true;
        let mut letters = 0;
        for n in 0..max {
            let save = self.pos;
            if n > 0 && !self.eat(" ") {
                break;
            }
            let Some(w) = self.word() else {
                self.pos = save;
                break;
            };
            let word = self.text.get(w.start..w.end)?;
            let all_upper = word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            // A word whose date-like shape ("June") ends the place in "Paris, June 19" is taken
            // by the comma logic, not here; a lowercase word may only join a Title Case name.
            if !(capitalised || n > 0 && is_connector(word)) {
                self.pos = save;
                break;
            }
            if case == Case::Place && n > 0 && caps != all_upper && !is_connector(word) {
                // Mixed: "WASHINGTON Post" is not a place.
                self.pos = save;
                break;
            }
            caps &= all_upper;
            letters += word.chars().filter(|c| c.is_alphabetic()).count();
            end = w.end;
            if end - start > max_len {
                return None;
            }
        }
        self.pos = end;
        (end > start && letters >= 2).then_some((Span::new(start, end), caps))
    }

    /// A date: "June 19", "Nov. 3", "12 May", with an optional year.
    fn date(&mut self) -> Option<(Span, i8, i8, Option<i16>)> {
        let start = self.pos;
        let found = self.month_day().or_else(|| {
            self.pos = start;
            self.day_month()
        });
        let Some((month, day, year)) = found else {
            self.pos = start;
            return None;
        };
        Some((Span::new(start, self.pos), month, day, year))
    }

    fn month_name(&mut self) -> Option<i8> {
        let start = self.pos;
        self.skip(|c| c.is_ascii_alphabetic());
        let m = month(self.text.get(start..self.pos)?);
        if m.is_none() {
            self.pos = start;
        } else {
            self.eat(".");
        }
        m
    }

    fn number(&mut self, max_digits: usize) -> Option<u32> {
        let start = self.pos;
        self.skip(|c| c.is_ascii_digit());
        let digits = self.text.get(start..self.pos)?;
        if digits.is_empty() || digits.len() > max_digits {
            self.pos = start;
            return None;
        }
        digits.parse().ok()
    }

    fn day(&mut self) -> Option<i8> {
        let d = self.number(2)?;
        for suffix in ["st", "nd", "rd", "th"] {
            if self.eat(suffix) {
                break;
            }
        }
        (1..=31)
            .contains(&d)
            .then(|| i8::try_from(d).ok())
            .flatten()
    }

    fn year(&mut self, sep: &str) -> Option<i16> {
        let save = self.pos;
        let year = self.eat(sep).then(|| self.number(4)).flatten();
        match year
            .and_then(|y| i16::try_from(y).ok())
            .filter(|y| *y >= 1000)
        {
            Some(y) => Some(y),
            None => {
                self.pos = save;
                None
            }
        }
    }

    fn month_day(&mut self) -> Option<(i8, i8, Option<i16>)> {
        let m = self.month_name()?;
        self.eat(" ").then_some(())?;
        let d = self.day()?;
        let y = self.year(", ").or_else(|| self.year(" "));
        Some((m, d, y))
    }

    fn day_month(&mut self) -> Option<(i8, i8, Option<i16>)> {
        let d = self.day()?;
        self.eat(" ").then_some(())?;
        let m = self.month_name()?;
        let y = self.year(" ");
        Some((m, d, y))
    }

    /// "(AGENCY)": the span inside the parentheses.
    fn agency(&mut self) -> Option<Span> {
        let save = self.pos;
        if !self.eat("(") {
            return None;
        }
        let start = self.pos;
        let inner = self.rest().split(')').next()?;
        let ok = inner.len() <= 40
            && inner.chars().next().is_some_and(char::is_alphabetic)
            && !inner.contains(['(', '\n', '\r'])
            && self.rest().len() > inner.len();
        if !ok {
            self.pos = save;
            return None;
        }
        let end = start + inner.trim_end().len();
        self.pos = start + inner.len() + 1;
        Some(Span::new(start, end))
    }

    /// A dash after optional spaces. Returns whether one was eaten.
    fn dash(&mut self) -> bool {
        let save = self.pos;
        let spaced = self.peek() == Some(' ');
        self.skip(|c| c == ' ');
        let after_paren = self.text.get(..save).is_some_and(|s| s.ends_with(')'));
        for dash in ["--", "—", "–", "―", "-"] {
            if self.eat(dash) {
                let next = self.peek();
                let tight_ok = dash != "-" && dash != "--";
                let before_ok = spaced || after_paren || tight_ok;
                let after_ok = next.is_none_or(char::is_whitespace) || tight_ok;
                if before_ok && after_ok {
                    return true;
                }
                break;
            }
        }
        self.pos = save;
        false
    }

    /// Whether whitespace and then a capitalised word or opening quote follow.
    fn followed_by_word(&self) -> bool {
        let rest = self.rest();
        let trimmed = rest.trim_start();
        trimmed.len() < rest.len()
            && trimmed
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“'))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    /// (whole dateline, place, date text, agency, resolved date) as strings.
    type Parts = (String, String, Option<String>, Option<String>, Option<Date>);
    /// (text, whole dateline, place, date text, agency).
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    );

    fn parts(text: &str, pub_date: Date) -> Option<Parts> {
        let d = detect_dateline(text, pub_date)?;
        let s = |sp: Span| text[sp.start..sp.end].to_string();
        Some((
            s(d.span),
            s(d.place),
            d.date_text.map(s),
            d.agency.map(s),
            d.date,
        ))
    }

    #[test]
    fn wire_datelines() {
        let pub_date = date(2024, 6, 19);
        let cases: &[Case] = &[
            (
                "SEOUL, June 19 (AP) — Kim met Putin.",
                "SEOUL, June 19 (AP) —",
                "SEOUL",
                Some("June 19"),
                Some("AP"),
            ),
            (
                "MOSCOW (Reuters) - The Kremlin said.",
                "MOSCOW (Reuters) -",
                "MOSCOW",
                None,
                Some("Reuters"),
            ),
            (
                "WASHINGTON — The Senate voted.",
                "WASHINGTON —",
                "WASHINGTON",
                None,
                None,
            ),
            (
                "UNITED NATIONS, Nov. 3 (Xinhua) -- The council met.",
                "UNITED NATIONS, Nov. 3 (Xinhua) --",
                "UNITED NATIONS",
                Some("Nov. 3"),
                Some("Xinhua"),
            ),
            (
                "BEIRUT, Lebanon (AP) — Israeli jets struck.",
                "BEIRUT, Lebanon (AP) —",
                "BEIRUT",
                None,
                Some("AP"),
            ),
            (
                "KYIV, Ukraine, March 3 (Reuters) - Drones hit.",
                "KYIV, Ukraine, March 3 (Reuters) -",
                "KYIV",
                Some("March 3"),
                Some("Reuters"),
            ),
            (
                "Paris, 12 May (AFP) - France said.",
                "Paris, 12 May (AFP) -",
                "Paris",
                Some("12 May"),
                Some("AFP"),
            ),
            (
                "GAZA CITY, Gaza Strip — Crowds gathered.",
                "GAZA CITY, Gaza Strip —",
                "GAZA CITY",
                None,
                None,
            ),
            (
                "  ST. PETERSBURG, Russia (AP) — Putin spoke.",
                "ST. PETERSBURG, Russia (AP) —",
                "ST. PETERSBURG",
                None,
                Some("AP"),
            ),
            (
                "WASHINGTON, D.C. — Lawmakers met.",
                "WASHINGTON, D.C. —",
                "WASHINGTON",
                None,
                None,
            ),
            (
                "WASHINGTON—The Senate voted.",
                "WASHINGTON—",
                "WASHINGTON",
                None,
                None,
            ),
            (
                "SÃO PAULO, Brazil (Reuters) - Lula won.",
                "SÃO PAULO, Brazil (Reuters) -",
                "SÃO PAULO",
                None,
                Some("Reuters"),
            ),
            (
                "Rio de Janeiro, June 3 (AFP) - Crowds.",
                "Rio de Janeiro, June 3 (AFP) -",
                "Rio de Janeiro",
                Some("June 3"),
                Some("AFP"),
            ),
            (
                "LONDON, June 19, 2023 (Reuters) - Old.",
                "LONDON, June 19, 2023 (Reuters) -",
                "LONDON",
                Some("June 19, 2023"),
                Some("Reuters"),
            ),
            (
                "MOSCOW (Reuters) The Kremlin said.",
                "MOSCOW (Reuters)",
                "MOSCOW",
                None,
                Some("Reuters"),
            ),
            (
                "PORT-AU-PRINCE, Haiti — Gangs.",
                "PORT-AU-PRINCE, Haiti —",
                "PORT-AU-PRINCE",
                None,
                None,
            ),
        ];
        for &(text, whole, place, date_text, agency) in cases {
            let got = parts(text, pub_date).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(got.0, whole, "{text}");
            assert_eq!(got.1, place, "{text}");
            assert_eq!(got.2.as_deref(), date_text, "{text}");
            assert_eq!(got.3.as_deref(), agency, "{text}");
        }
    }

    #[test]
    fn ordinary_first_sentences_are_not_datelines() {
        let pub_date = date(2024, 6, 19);
        for text in [
            "WASHINGTON is bracing for a storm.",
            "The U.S. said — after a pause — that it would act.",
            "Kim Jong Un — the North Korean leader — met Putin.",
            "BREAKING — Russia launches missiles.",
            "NATO — the alliance — met in Vilnius.",
            "MOSCOW-based analysts said the talks failed.",
            "IN FEBRUARY 1972 — Nixon went to China.",
            "Russia and China (both vetoed) - said nothing.",
            "UKRAINE: the war goes on.",
            "Paris — the city of light.",
            "The president (AP) spoke.",
            "WASHINGTON Post reporters said.",
            "",
            "—",
            "A — b",
        ] {
            assert_eq!(parts(text, pub_date), None, "{text:?}");
        }
    }

    #[test]
    fn dates_resolve_against_the_publication_date() {
        let at = |text: &str, pub_date: Date| parts(text, pub_date).and_then(|p| p.4);
        assert_eq!(
            at("SEOUL, June 19 (AP) — x", date(2024, 6, 19)),
            Some(date(2024, 6, 19))
        );
        // One day ahead of the publication date is allowed (time zones).
        assert_eq!(
            at("SEOUL, June 20 (AP) — x", date(2024, 6, 19)),
            Some(date(2024, 6, 20))
        );
        // Further ahead means last year.
        assert_eq!(
            at("SEOUL, June 21 (AP) — x", date(2024, 6, 19)),
            Some(date(2023, 6, 21))
        );
        assert_eq!(
            at("SEOUL, Dec. 31 (AP) — x", date(2024, 1, 2)),
            Some(date(2023, 12, 31))
        );
        assert_eq!(
            at("SEOUL, Jan. 1 (AP) — x", date(2023, 12, 31)),
            Some(date(2024, 1, 1))
        );
        // Feb. 29 goes back to the last leap year.
        assert_eq!(
            at("SEOUL, Feb. 29 (AP) — x", date(2023, 3, 1)),
            Some(date(2020, 2, 29))
        );
        // A day that does not exist keeps its text but has no date.
        let p = parts("SEOUL, Feb. 30 (AP) — x", date(2024, 3, 1)).unwrap();
        assert_eq!((p.2.as_deref(), p.4), (Some("Feb. 30"), None));
        // An explicit year wins.
        assert_eq!(
            at("SEOUL, 19 June 2021 (AP) — x", date(2024, 6, 19)),
            Some(date(2021, 6, 19))
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(text in "\\PC{0,80}|[A-Z ,.()\\-—0-9a-z]{0,60}", y in 1900i16..2100, m in 1i8..=12, d in 1i8..=28) {
            if let Some(dl) = detect_dateline(&text, date(y, m, d)) {
                for span in [Some(dl.span), Some(dl.place), dl.date_text, dl.agency].into_iter().flatten() {
                    prop_assert!(span.slice(&text).is_some(), "{:?}", span);
                    prop_assert!(dl.span.contains(span));
                }
            }
        }
    }
}
