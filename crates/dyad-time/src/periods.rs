//! dyad's table of named periods: wars, crises and landmark events that news text uses as
//! dates ("during the Korean War", "since the end of the Cold War", "after 9/11").
//!
//! The dates are general historical facts, at the precision historians usually give them
//! (the Cold War to the year, the Korean War to the day). A period still going on has no
//! end; a single event has the same start and end. Each alias is matched case-insensitively
//! as whole words, with an optional "the" before it. Aliases made of common words ("the
//! Troubles", "the Great War", marked `^` in the table) need a capital in the text, so "the
//! troubles" and "a great war" are left alone.
//!
//! A few holidays on fixed days ("New Year's Day", "Christmas Eve") are here too; they are
//! dates without a year, resolved like "December 24".

use std::sync::OnceLock;

use dyad_ontology::PartialDate;

/// One named period.
#[derive(Debug)]
pub(crate) struct Period {
    pub start: PartialDate,
    /// `None`: still going on.
    pub end: Option<PartialDate>,
}

/// (aliases, start, end); end "" = ongoing, end = start for a single event.
const TABLE: &[(&[&str], &str, &str)] = &[
    (
        &[
            "world war i",
            "world war one",
            "world war 1",
            "first world war",
            "^great war",
            "wwi",
            "ww1",
        ],
        "1914-07-28",
        "1918-11-11",
    ),
    (
        &[
            "world war ii",
            "world war two",
            "world war 2",
            "second world war",
            "wwii",
            "ww2",
        ],
        "1939-09-01",
        "1945-09-02",
    ),
    (&["cold war"], "1947", "1991"),
    (&["korean war"], "1950-06-25", "1953-07-27"),
    (&["vietnam war", "viet nam war"], "1955-11-01", "1975-04-30"),
    (
        &[
            "gulf war",
            "first gulf war",
            "persian gulf war",
            "operation desert storm",
            "desert storm",
        ],
        "1990-08-02",
        "1991-02-28",
    ),
    (&["iraq war", "second gulf war"], "2003-03-20", "2011-12-18"),
    (
        &[
            "invasion of iraq",
            "us-led invasion of iraq",
            "u.s.-led invasion of iraq",
            "american invasion of iraq",
            "u.s. invasion of iraq",
            "us invasion of iraq",
        ],
        "2003-03-20",
        "2003-05-01",
    ),
    (&["iran-iraq war"], "1980-09-22", "1988-08-20"),
    (&["six-day war", "six day war"], "1967-06-05", "1967-06-10"),
    (
        &["yom kippur war", "october war", "ramadan war"],
        "1973-10-06",
        "1973-10-25",
    ),
    (
        &["falklands war", "falkland islands war", "malvinas war"],
        "1982-04-02",
        "1982-06-14",
    ),
    (&["cuban missile crisis"], "1962-10-16", "1962-10-28"),
    (&["suez crisis"], "1956-10-29", "1956-11-07"),
    (
        &["berlin blockade", "berlin airlift"],
        "1948-06-24",
        "1949-05-12",
    ),
    (
        &[
            "soviet-afghan war",
            "soviet war in afghanistan",
            "soviet occupation of afghanistan",
        ],
        "1979-12-24",
        "1989-02-15",
    ),
    (
        &["soviet invasion of afghanistan"],
        "1979-12-24",
        "1979-12-24",
    ),
    (
        &["war in afghanistan", "afghan war", "afghanistan war"],
        "2001-10-07",
        "2021-08-30",
    ),
    (
        &["bosnian war", "war in bosnia", "bosnian civil war"],
        "1992-04-06",
        "1995-12-14",
    ),
    (
        &["kosovo war", "war in kosovo", "kosovo conflict"],
        "1998-02-28",
        "1999-06-11",
    ),
    (
        &[
            "nato bombing of yugoslavia",
            "nato bombing of serbia",
            "nato air campaign",
        ],
        "1999-03-24",
        "1999-06-10",
    ),
    (
        &["rwandan genocide", "rwanda genocide", "genocide in rwanda"],
        "1994-04-07",
        "1994-07-15",
    ),
    (&["arab spring"], "2010-12-17", "2012"),
    (&["great depression"], "1929", "1939"),
    (&["great recession"], "2007-12", "2009-06"),
    (
        &["global financial crisis", "financial crisis of 2008"],
        "2007",
        "2009",
    ),
    (&["asian financial crisis"], "1997-07", "1998"),
    (
        &[
            "covid-19 pandemic",
            "covid pandemic",
            "coronavirus pandemic",
            "covid-19 crisis",
        ],
        "2020-03-11",
        "2023-05-05",
    ),
    (&["^troubles"], "1968", "1998-04-10"),
    (&["lebanese civil war"], "1975-04-13", "1990-10-13"),
    (&["spanish civil war"], "1936-07-17", "1939-04-01"),
    (
        &["american civil war", "u.s. civil war", "us civil war"],
        "1861-04-12",
        "1865-04-09",
    ),
    (&["war of 1812"], "1812-06-18", "1815-02-17"),
    (&["crimean war"], "1853-10", "1856-03"),
    (&["napoleonic wars"], "1803", "1815"),
    (
        &[
            "russian revolution",
            "bolshevik revolution",
            "october revolution",
        ],
        "1917",
        "1917",
    ),
    (&["chinese civil war"], "1927", "1949"),
    (&["cultural revolution"], "1966", "1976"),
    (&["great leap forward"], "1958", "1962"),
    (&["cuban revolution"], "1953-07-26", "1959-01-01"),
    (&["partition of india"], "1947-08", "1947-08"),
    (
        &["syrian civil war", "syrian war", "war in syria"],
        "2011-03-15",
        "",
    ),
    (
        &[
            "russian invasion of ukraine",
            "russia's invasion of ukraine",
            "russia's full-scale invasion",
            "full-scale invasion of ukraine",
            "russian full-scale invasion",
        ],
        "2022-02-24",
        "2022-02-24",
    ),
    (
        &[
            "september 11 attacks",
            "september 11th attacks",
            "sept. 11 attacks",
            "sept 11 attacks",
            "9/11 attacks",
        ],
        "2001-09-11",
        "2001-09-11",
    ),
    (&["fall of the berlin wall"], "1989-11-09", "1989-11-09"),
    (
        &[
            "collapse of the soviet union",
            "fall of the soviet union",
            "breakup of the soviet union",
            "break-up of the soviet union",
            "dissolution of the soviet union",
            "end of the soviet union",
            "soviet collapse",
            "collapse of the ussr",
            "breakup of the ussr",
        ],
        "1991-12-26",
        "1991-12-26",
    ),
    (&["first intifada"], "1987-12-09", "1993-09-13"),
    (
        &["second intifada", "al-aqsa intifada"],
        "2000-09-28",
        "2005-02-08",
    ),
    (
        &["iranian revolution", "islamic revolution"],
        "1978-01-07",
        "1979-02-11",
    ),
    (&["iran hostage crisis"], "1979-11-04", "1981-01-20"),
    (&["yugoslav wars"], "1991", "2001"),
    (
        &["annexation of crimea", "crimean annexation"],
        "2014-03-18",
        "2014-03-18",
    ),
    (
        &[
            "tiananmen square crackdown",
            "tiananmen crackdown",
            "tiananmen square massacre",
            "tiananmen massacre",
        ],
        "1989-06-04",
        "1989-06-04",
    ),
    (&["first chechen war"], "1994-12-11", "1996-08-31"),
    (&["second chechen war"], "1999-08-26", "2009-04-16"),
    (
        &["russo-georgian war", "russia-georgia war", "georgian war"],
        "2008-08-07",
        "2008-08-12",
    ),
    (
        &["bay of pigs invasion", "bay of pigs"],
        "1961-04-17",
        "1961-04-20",
    ),
    (&["prague spring"], "1968-01-05", "1968-08-21"),
    (
        &["hungarian revolution", "hungarian uprising"],
        "1956-10-23",
        "1956-11-10",
    ),
    (&["sino-soviet border conflict"], "1969-03-02", "1969-09-11"),
    (&["sino-indian war"], "1962-10-20", "1962-11-21"),
    (
        &[
            "bangladesh liberation war",
            "bangladesh war of independence",
        ],
        "1971-03-26",
        "1971-12-16",
    ),
    (&["kargil war"], "1999-05-03", "1999-07-26"),
    (&["second congo war"], "1998-08-02", "2003-07-18"),
    (&["second lebanon war"], "2006-07-12", "2006-08-14"),
    (&["oslo accords"], "1993-09-13", "1993-09-13"),
    (&["camp david accords"], "1978-09-17", "1978-09-17"),
    (&["munich agreement"], "1938-09-30", "1938-09-30"),
    (&["treaty of versailles"], "1919-06-28", "1919-06-28"),
    (&["yalta conference"], "1945-02-04", "1945-02-11"),
    (
        &["good friday agreement", "belfast agreement"],
        "1998-04-10",
        "1998-04-10",
    ),
    (&["arab oil embargo"], "1973-10", "1974-03"),
    (&["gulf of tonkin incident"], "1964-08-02", "1964-08-04"),
    (&["velvet revolution"], "1989-11-17", "1989-12-29"),
    (&["orange revolution"], "2004-11-22", "2005-01-23"),
    (
        &["euromaidan", "maidan revolution", "revolution of dignity"],
        "2013-11-21",
        "2014-02-22",
    ),
    (&["brexit referendum"], "2016-06-23", "2016-06-23"),
    (
        &[
            "pearl harbor",
            "attack on pearl harbor",
            "pearl harbor attack",
        ],
        "1941-12-07",
        "1941-12-07",
    ),
    (&["d-day", "normandy landings"], "1944-06-06", "1944-06-06"),
    (
        &[
            "bombing of hiroshima",
            "hiroshima bombing",
            "atomic bombing of hiroshima",
        ],
        "1945-08-06",
        "1945-08-06",
    ),
    (
        &["moon landing", "apollo 11 moon landing"],
        "1969-07-20",
        "1969-07-20",
    ),
    (
        &[
            "chernobyl disaster",
            "chernobyl accident",
            "chernobyl nuclear disaster",
        ],
        "1986-04-26",
        "1986-04-26",
    ),
    (
        &[
            "fukushima disaster",
            "fukushima nuclear disaster",
            "fukushima accident",
        ],
        "2011-03-11",
        "2011-03-11",
    ),
    (
        &["srebrenica massacre", "srebrenica genocide"],
        "1995-07-11",
        "1995-07-22",
    ),
    (
        &["beslan school siege", "beslan siege"],
        "2004-09-01",
        "2004-09-03",
    ),
    (&["mumbai attacks"], "2008-11-26", "2008-11-29"),
];

/// Holidays on fixed days that news uses as dates: (aliases, month, day).
const HOLIDAYS: &[(&[&str], u8, u8)] = &[
    (&["new year's day"], 1, 1),
    (&["new year's eve"], 12, 31),
    (&["christmas day"], 12, 25),
    (&["christmas eve"], 12, 24),
    (&["boxing day"], 12, 26),
    (&["valentine's day"], 2, 14),
    (&["halloween"], 10, 31),
    (&["bastille day"], 7, 14),
    (&["armistice day"], 11, 11),
    (&["may day"], 5, 1),
];

/// What an alias names.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    /// An entry of the period table.
    Period(&'static Period),
    /// A holiday: month and day, every year.
    Holiday(u8, u8),
}

struct Index {
    periods: Vec<Period>,
    /// Aliases by first word: (first word, alias, index into `periods` or holiday).
    by_first: Vec<(&'static str, &'static str, Slot)>,
}

#[derive(Clone, Copy)]
enum Slot {
    Period(usize),
    Holiday(u8, u8),
}

static INDEX: OnceLock<Index> = OnceLock::new();

fn index() -> &'static Index {
    INDEX.get_or_init(|| {
        let mut periods = Vec::new();
        let mut by_first = Vec::new();
        for (aliases, start, end) in TABLE {
            // Entries whose dates do not parse are a programming error caught by the
            // `table_parses` test; at run time they are skipped.
            let Ok(start) = start.parse::<PartialDate>() else {
                continue;
            };
            let end = if end.is_empty() {
                None
            } else {
                match end.parse() {
                    Ok(e) => Some(e),
                    Err(_) => continue,
                }
            };
            let k = periods.len();
            periods.push(Period { start, end });
            for a in aliases.iter() {
                by_first.push((first_word(a), *a, Slot::Period(k)));
            }
        }
        for (aliases, m, d) in HOLIDAYS {
            for a in aliases.iter() {
                by_first.push((first_word(a), *a, Slot::Holiday(*m, *d)));
            }
        }
        by_first.sort_by_key(|(f, _, _)| *f);
        Index { periods, by_first }
    })
}

fn first_word(alias: &'static str) -> &'static str {
    let alias = alias.trim_start_matches('^');
    let end = alias
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(alias.len());
    &alias[..end]
}

/// The parsed period table.
#[cfg(test)]
pub(crate) fn periods() -> &'static [Period] {
    &index().periods
}

/// Every alias whose first word is `first` (lower case), with what it names.
pub(crate) fn aliases_starting(first: &str) -> impl Iterator<Item = (&'static str, Target)> {
    let idx = index();
    let lo = idx.by_first.partition_point(|(f, _, _)| *f < first);
    idx.by_first[lo..]
        .iter()
        .take_while(move |(f, _, _)| *f == first)
        .map(move |(_, a, slot)| {
            let target = match *slot {
                Slot::Period(k) => Target::Period(&idx.periods[k]),
                Slot::Holiday(m, d) => Target::Holiday(m, d),
            };
            (*a, target)
        })
}

/// The first word of every alias, lower case.
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    TABLE
        .iter()
        .flat_map(|(aliases, _, _)| aliases.iter().map(|a| first_word(a)))
        .chain(
            HOLIDAYS
                .iter()
                .flat_map(|(aliases, _, _)| aliases.iter().map(|a| first_word(a))),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        assert_eq!(periods().len(), TABLE.len());
        for p in periods() {
            if let Some(end) = p.end {
                assert!(p.start.first_day() <= end.last_day(), "{p:?}");
            }
        }
    }

    #[test]
    fn index_finds_aliases() {
        let found: Vec<&str> = aliases_starting("korean").map(|(a, _)| a).collect();
        assert_eq!(found, ["korean war"]);
        assert!(aliases_starting("christmas").count() == 2);
        assert_eq!(aliases_starting("zebra").count(), 0);
    }

    #[test]
    fn first_words_are_words() {
        let words: Vec<&str> = first_words().collect();
        assert!(words.contains(&"korean"));
        assert!(words.contains(&"9"));
        assert!(words.iter().all(|w| !w.is_empty()));
    }
}
