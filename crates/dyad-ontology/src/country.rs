//! Countries, dependencies and historical states: [`Country`], looked up by [`country`].

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::PartialDate;
use crate::table::{DataError, Row, loaded, rows};

/// A span of time in which a state existed: from `from` (included) to `to` (excluded).
///
/// `to` is the first day on which the state no longer existed, so a successor's `from` can be
/// its predecessor's `to` with no day in which neither or both existed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day, or `None` if no start is recorded.
    #[serde(serialize_with = "opt_date")]
    pub from: Option<Date>,
    /// First day after the period, or `None` if it has not ended.
    #[serde(serialize_with = "opt_date")]
    pub to: Option<Date>,
    /// The state's name in this period, if it differs by period ("Federal Republic of Yugoslavia").
    pub name: Option<String>,
}

impl Period {
    /// Whether `date` falls in the period.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }

    /// Whether the period shares at least one day with `first..=last`.
    fn overlaps(&self, first: Date, last: Date) -> bool {
        self.from.is_none_or(|f| f <= last) && self.to.is_none_or(|t| first < t)
    }
}

/// A country, dependency or historical state, with its codes, names and dates.
///
/// Names, demonyms and the capital are for display (title case); `variants` are other names and
/// spellings in upper case, as CountryInfo has them, for matching text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// The CAMEO code event data uses ("PRK", "SUN", "USAGUM"); `None` for a dependency that
    /// CAMEO codes as its sovereign (Jersey: GBR).
    pub cameo: Option<String>,
    /// ISO 3166-1 alpha-3 (or ISO 3166-3 for a former state).
    pub iso3: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub iso2: Option<String>,
    /// ISO 3166-1 numeric.
    pub iso_numeric: Option<u16>,
    /// Correlates of War state abbreviation.
    pub cow_alpha: Option<String>,
    /// Correlates of War state number.
    pub cow_numeric: Option<u16>,
    /// Display name ("North Korea").
    pub name: String,
    /// When the state existed; empty when no dates are recorded (then it counts as always valid).
    pub periods: Vec<Period>,
    /// First day of the first period, if recorded.
    #[serde(serialize_with = "opt_date")]
    pub valid_from: Option<Date>,
    /// First day after the last period, if the state has ended.
    #[serde(serialize_with = "opt_date")]
    pub valid_to: Option<Date>,
    /// Codes of the states it came out of (from their `successors`).
    pub predecessors: Vec<String>,
    /// Codes of the states that took over all or part of its territory when it ended or split.
    pub successors: Vec<String>,
    /// Other codes that mean this entry ("FRY" for YUG).
    pub aliases: Vec<String>,
    /// Demonyms and adjectives ("North Korean").
    pub demonyms: Vec<String>,
    /// The capital's name.
    pub capital: Option<String>,
    /// Other names of the capital.
    pub capital_variants: Vec<String>,
    /// Other names and spellings, upper case.
    pub variants: Vec<String>,
    /// A note on how dyad treats the entry.
    pub note: Option<String>,
}

impl Country {
    /// The code the entry is known by: its CAMEO code, else its ISO alpha-3 code.
    pub fn code(&self) -> &str {
        self.cameo.as_deref().or(self.iso3.as_deref()).unwrap_or("")
    }

    /// Whether the state existed on `date`. An entry without recorded dates is always valid.
    pub fn valid_on(&self, date: Date) -> bool {
        self.periods.is_empty() || self.periods.iter().any(|p| p.contains(date))
    }

    /// Whether the state existed on at least one day of `date`, which may be a month, a year or a
    /// decade: in "the 1990s" both the Soviet Union and Russia are valid.
    pub fn valid_during(&self, date: &PartialDate) -> bool {
        let (first, last) = (date.first_day(), date.last_day());
        self.periods.is_empty() || self.periods.iter().any(|p| p.overlaps(first, last))
    }

    /// Whether the state has ceased to exist.
    pub fn is_historical(&self) -> bool {
        self.valid_to.is_some()
    }

    /// The name the state had on `date`: the period's name if it has one, else [`Country::name`].
    pub fn name_on(&self, date: Date) -> &str {
        self.periods
            .iter()
            .find(|p| p.contains(date))
            .and_then(|p| p.name.as_deref())
            .unwrap_or(&self.name)
    }
}

fn opt_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

const FILE: &str = "countries.tsv";
const TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/countries.tsv"
));
/// Columns of `data/ontology/countries.tsv`, in order: read here, written by the generator.
pub const COUNTRY_COLUMNS: &[&str] = &[
    "cameo",
    "iso3",
    "iso2",
    "iso_numeric",
    "cow_alpha",
    "cow_numeric",
    "name",
    "valid",
    "predecessors",
    "successors",
    "aliases",
    "demonyms",
    "capital",
    "variants",
    "note",
];

/// The countries and an index from every code (upper case) to a position in the list.
#[derive(Debug)]
pub(crate) struct Countries {
    list: Vec<Country>,
    index: HashMap<String, usize>,
}

static TABLE: LazyLock<Countries> = LazyLock::new(|| loaded(parse(TEXT)));

/// Parses a `valid` cell: `FROM..TO[=Name]` periods separated by `|`, in order, not overlapping.
fn parse_periods(row: &Row<'_>, cell: &str) -> Result<Vec<Period>, DataError> {
    let mut periods: Vec<Period> = Vec::new();
    for part in cell.split('|').filter(|p| !p.is_empty()) {
        let (range, name) = part.split_once('=').unwrap_or((part, ""));
        let (from, to) = range
            .split_once("..")
            .ok_or_else(|| row.error(format!("period {part:?}")))?;
        let date = |d: &str| {
            (!d.is_empty())
                .then(|| {
                    d.parse::<Date>()
                        .map_err(|e| row.error(format!("date {d:?}: {e}")))
                })
                .transpose()
        };
        let period = Period {
            from: date(from)?,
            to: date(to)?,
            name: Some(name.to_string()).filter(|n| !n.is_empty()),
        };
        let ordered = match (periods.last(), period.from) {
            (None, _) => true,
            (Some(prev), Some(start)) => prev.to.is_some_and(|end| end <= start),
            (Some(_), None) => false,
        };
        let nonempty = match (period.from, period.to) {
            (Some(f), Some(t)) => f < t,
            _ => true,
        };
        if !ordered || !nonempty {
            return Err(row.error(format!("period {part:?} is empty or out of order")));
        }
        periods.push(period);
    }
    Ok(periods)
}

fn number(row: &Row<'_>, i: usize) -> Result<Option<u16>, DataError> {
    row.opt(i)
        .map(|s| {
            s.parse::<u16>()
                .map_err(|_| row.error(format!("{s:?} is not a number")))
        })
        .transpose()
}

fn country_from_row(row: &Row<'_>) -> Result<Country, DataError> {
    let periods = parse_periods(row, row.get(7))?;
    let mut capitals = row.list(12).into_iter();
    let text = |i: usize| row.opt(i).map(str::to_string);
    let country = Country {
        cameo: text(0),
        iso3: text(1),
        iso2: text(2),
        iso_numeric: number(row, 3)?,
        cow_alpha: text(4),
        cow_numeric: number(row, 5)?,
        name: row.get(6).to_string(),
        valid_from: periods.first().and_then(|p| p.from),
        valid_to: periods.last().and_then(|p| p.to),
        periods,
        predecessors: row.list(8),
        successors: row.list(9),
        aliases: row.list(10),
        demonyms: row.list(11),
        capital: capitals.next(),
        capital_variants: capitals.collect(),
        variants: row.list(13),
        note: text(14),
    };
    let letters = |s: &Option<String>, lens: &[usize]| {
        s.as_deref()
            .is_none_or(|s| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()))
    };
    if country.code().is_empty() || country.name.is_empty() {
        return Err(row.error("no code or no name"));
    }
    if !letters(&country.cameo, &[3, 6])
        || !letters(&country.iso3, &[3])
        || !letters(&country.iso2, &[2])
    {
        return Err(row.error("malformed CAMEO or ISO code"));
    }
    Ok(country)
}

pub(crate) fn parse(text: &str) -> Result<Countries, DataError> {
    let list = rows(FILE, text, COUNTRY_COLUMNS)?
        .iter()
        .map(country_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, c) in list.iter().enumerate() {
        if let Some(code) = &c.cameo
            && index.insert(code.clone(), i).is_some()
        {
            return Err(DataError::new(
                FILE,
                0,
                format!("CAMEO code {code} listed twice"),
            ));
        }
    }
    for (i, c) in list.iter().enumerate() {
        for alias in &c.aliases {
            if index.insert(alias.clone(), i).is_some() {
                return Err(DataError::new(FILE, 0, format!("alias {alias} is taken")));
            }
        }
    }
    // ISO codes may have been reused: a current state wins over former ones, and among former
    // states the one that ended last; a CAMEO code or alias always wins over an ISO code.
    let mut by_recency: Vec<usize> = (0..list.len()).collect();
    by_recency.sort_by_key(|&i| {
        let to = list.get(i).and_then(|c| c.valid_to);
        (to.is_some(), std::cmp::Reverse(to))
    });
    for field in [|c: &Country| c.iso3.clone(), |c: &Country| c.iso2.clone()] {
        for &i in &by_recency {
            if let Some(code) = list.get(i).and_then(field) {
                index.entry(code).or_insert(i);
            }
        }
    }
    for c in &list {
        for code in c.predecessors.iter().chain(&c.successors) {
            if list
                .iter()
                .all(|other| other.cameo.as_deref() != Some(code))
            {
                return Err(DataError::new(
                    FILE,
                    0,
                    format!("{}: no entry {code}", c.code()),
                ));
            }
        }
    }
    Ok(Countries { list, index })
}

/// The country with CAMEO code, alias, ISO alpha-3 or ISO alpha-2 `code` (any case): "PRK",
/// "prk", "KP", "SUN", "USAGUM". A CAMEO code wins over an ISO code of another entry; an ISO code
/// held by several entries over time names the current holder ("CS": Serbia and Montenegro, not
/// Czechoslovakia).
pub fn country(code: &str) -> Option<&'static Country> {
    let table: &'static Countries = &TABLE;
    let key = code.trim().to_ascii_uppercase();
    table.index.get(&key).and_then(|&i| table.list.get(i))
}

/// Every country, dependency and historical state, sorted by [`Country::code`].
pub fn countries() -> &'static [Country] {
    &TABLE.list
}

/// The entries whose name, demonym or name variant is `name` (any case): "Germany",
/// "Soviet Union", "Soviet". Several entries can share a form ("Congolese").
pub(crate) fn countries_named(name: &str) -> Vec<&'static Country> {
    let key = name.trim().to_uppercase();
    if key.is_empty() {
        return Vec::new();
    }
    countries()
        .iter()
        .filter(|c| {
            c.name.to_uppercase() == key
                || c.variants.contains(&key)
                || c.demonyms.iter().any(|d| d.to_uppercase() == key)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn table_loads() {
        let table = parse(TEXT).unwrap();
        assert!(table.list.len() > 240);
        assert!(
            table.list.windows(2).all(|w| w[0].code() < w[1].code()),
            "sorted by code"
        );
    }

    #[test]
    fn lookups_by_each_kind_of_code() {
        let prk = country("PRK").unwrap();
        assert_eq!(prk.name, "North Korea");
        assert_eq!(prk.capital.as_deref(), Some("Pyongyang"));
        assert_eq!(prk.iso_numeric, Some(408));
        assert_eq!(prk.cow_numeric, Some(731));
        assert!(
            std::ptr::eq(country("kp").unwrap(), prk),
            "ISO alpha-2, any case"
        );
        assert!(std::ptr::eq(country(" prk ").unwrap(), prk));
        // CAMEO code differing from ISO: Timor-Leste is TMP in CAMEO, TLS in ISO.
        assert_eq!(country("TMP").unwrap().iso3.as_deref(), Some("TLS"));
        assert_eq!(country("TLS").unwrap().code(), "TMP");
        assert_eq!(country("TL").unwrap().code(), "TMP");
        // A dependency with a six-letter CAMEO code, by each code.
        assert_eq!(country("USAGUM").unwrap().name, "Guam");
        assert_eq!(country("GUM").unwrap().code(), "USAGUM");
        assert_eq!(country("GU").unwrap().code(), "USAGUM");
        // A dependency coded as its sovereign: reachable by ISO code only.
        assert_eq!(country("JEY").unwrap().cameo, None);
        assert_eq!(country("GBR").unwrap().name, "United Kingdom");
        // Corrected ISO codes.
        assert_eq!(country("GTM").unwrap().name, "Guatemala");
        assert_eq!(country("GP").unwrap().name, "Guadeloupe");
        assert_eq!(country("IL").unwrap().name, "Israel");
        assert_eq!(country("MM").unwrap().name, "Myanmar");
        assert!(country("XYZ").is_none());
        assert!(country("").is_none());
    }

    #[test]
    fn historical_states_and_successors() {
        let sun = country("SUN").unwrap();
        let rus = country("RUS").unwrap();
        assert!(sun.valid_on(date("1975-01-01")) && !sun.valid_on(date("1995-01-01")));
        assert!(!rus.valid_on(date("1975-01-01")) && rus.valid_on(date("1995-01-01")));
        // Half-open periods: the handover day belongs to the successor only.
        assert!(sun.valid_on(date("1991-12-25")) && !sun.valid_on(date("1991-12-26")));
        assert!(rus.valid_on(date("1991-12-26")));
        assert!(sun.successors.iter().any(|s| s == "RUS"));
        assert!(rus.predecessors.iter().any(|p| p == "SUN"));
        assert!(sun.is_historical() && !rus.is_historical());

        let ddr = country("DDR").unwrap();
        assert_eq!(ddr.valid_from, Some(date("1949-10-07")));
        assert_eq!(ddr.valid_to, Some(date("1990-10-03")));
        assert!(!ddr.valid_on(date("1990-10-03")));
        let deu = country("DEU").unwrap();
        assert!(deu.valid_on(date("1975-01-01")), "West Germany is DEU");
        assert!(deu.variants.iter().any(|v| v == "WEST GERMANY"));
        assert!(country("CSK").unwrap().valid_on(date("1992-12-31")));
        assert!(!country("CSK").unwrap().valid_on(date("1993-01-01")));
        assert!(country("CZE").unwrap().valid_on(date("1993-01-01")));

        let yug = country("YUG").unwrap();
        assert_eq!(yug.periods.len(), 2);
        assert_eq!(
            yug.name_on(date("1980-01-01")),
            "Socialist Federal Republic of Yugoslavia"
        );
        assert_eq!(
            yug.name_on(date("1999-03-24")),
            "Federal Republic of Yugoslavia"
        );
        assert!(std::ptr::eq(country("FRY").unwrap(), yug), "alias");
        let scg = country("SCG").unwrap();
        assert!(scg.valid_on(date("2005-01-01")) && !scg.valid_on(date("2007-01-01")));
        assert!(!country("SRB").unwrap().valid_on(date("2005-01-01")));

        // Interrupted independence.
        let est = country("EST").unwrap();
        assert!(est.valid_on(date("1930-01-01")));
        assert!(!est.valid_on(date("1975-01-01")));
        assert!(est.valid_on(date("2000-01-01")));
        // No dates recorded: always valid.
        assert!(country("FRA").unwrap().valid_on(date("1800-01-01")));
    }

    #[test]
    fn reused_iso_codes_name_the_latest_holder() {
        // "CS" was Czechoslovakia's, then Serbia and Montenegro's.
        assert_eq!(country("CS").unwrap().code(), "SCG");
        assert_eq!(country("CSK").unwrap().name, "Czechoslovakia");
        assert_eq!(country("YEM").unwrap().name, "Yemen");
    }

    #[test]
    fn decades_overlap() {
        let nineties: PartialDate = "199X".parse().unwrap();
        assert!(country("SUN").unwrap().valid_during(&nineties));
        assert!(country("RUS").unwrap().valid_during(&nineties));
        let sixties: PartialDate = "196X".parse().unwrap();
        assert!(!country("RUS").unwrap().valid_during(&sixties));
        let year: PartialDate = "1991".parse().unwrap();
        assert!(country("RUS").unwrap().valid_during(&year));
        let month: PartialDate = "1992-01".parse().unwrap();
        assert!(!country("SUN").unwrap().valid_during(&month));
    }

    #[test]
    fn names_find_entries() {
        let codes = |n: &str| {
            countries_named(n)
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("north korea"), ["PRK"]);
        assert_eq!(codes("Soviet Union"), ["SUN"]);
        assert_eq!(codes("soviet"), ["SUN"]);
        assert!(codes("Congolese").len() >= 2);
        assert!(codes("").is_empty());
    }

    #[test]
    fn bad_rows_are_errors() {
        let head = COUNTRY_COLUMNS.join("\t");
        let line = |code: &str, name: &str, valid: &str| {
            let mut fields = vec![""; COUNTRY_COLUMNS.len()];
            fields[0] = code;
            fields[6] = name;
            fields[7] = valid;
            fields.join("\t")
        };
        let row = |valid: &str, code: &str| format!("{head}\n{}\n", line(code, "Land", valid));
        assert!(parse(&row("", "LND")).is_ok());
        assert!(parse(&row("1990-01-01..", "LND")).is_ok());
        for bad in [
            "1990-01-01",
            "1990-02-30..",
            "1990-01-01..1980-01-01",
            "1990-01-01..|1991-01-01..",
        ] {
            assert!(parse(&row(bad, "LND")).is_err(), "{bad}");
        }
        assert!(parse(&row("", "lnd")).is_err());
        assert!(parse(&row("", "")).is_err());
        let twice = format!(
            "{head}\n{}\n{}\n",
            line("LND", "A", ""),
            line("LND", "B", "")
        );
        assert!(parse(&twice).is_err());
    }
}
