//! `countries.tsv`: CountryInfo's countries with dyad's fixes, plus dyad's added states.
//!
//! Steps: read `countryinfo_countries.tsv` (codes, name, nationality forms, capitals); turn its
//! placeholders ("---", "--", "000") into empty values; take the current code of bracketed
//! date-bounded codes (`[YUGHRV <…][HRV >…]` → HRV); split the nationality forms into the
//! demonym (the first form) and name variants, leaving out forms with damaged characters; apply
//! `countries_fixes.src.tsv` line by line; title-case names, demonyms and capitals; add the rows
//! of `countries_added.src.tsv`; derive predecessors from successors; check codes and dates.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::text::{is_damaged, split_list, title_case};
use crate::tsv::{Comments, Row, Table, TsvWriter};
use crate::{GenError, Inputs, generated_note};

const SOURCE: &str = "countryinfo_countries.tsv";
const FIXES: &str = "countries_fixes.src.tsv";
const ADDED: &str = "countries_added.src.tsv";

/// Columns of `countries_added.src.tsv`: the output's, less the derived predecessors.
const ADDED_HEADER: &[&str] = &[
    "cameo",
    "iso3",
    "iso2",
    "iso_numeric",
    "cow_alpha",
    "cow_numeric",
    "name",
    "valid",
    "successors",
    "aliases",
    "demonyms",
    "capital",
    "variants",
    "note",
];

/// A period of existence: `[from, to)`, either end open, with the name used then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    from: Option<Date>,
    to: Option<Date>,
    name: String,
}

/// One country while it is being built.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// CountryInfo's name for the row, which fixes refer to; `None` for added rows.
    source_name: Option<String>,
    cameo: String,
    iso3: String,
    iso2: String,
    iso_numeric: String,
    cow_alpha: String,
    cow_numeric: String,
    name: String,
    valid: Vec<Period>,
    predecessors: Vec<String>,
    successors: Vec<String>,
    aliases: Vec<String>,
    demonyms: Vec<String>,
    capital: Vec<String>,
    variants: Vec<String>,
    note: String,
    dropped: bool,
}

impl Entry {
    /// The code the entry is known by: CAMEO, else ISO alpha-3.
    fn key(&self) -> &str {
        if self.cameo.is_empty() {
            &self.iso3
        } else {
            &self.cameo
        }
    }

    /// Whether the entry still exists (no end date).
    fn is_current(&self) -> bool {
        self.valid.last().is_none_or(|p| p.to.is_none())
    }
}

/// Counts for the file's header.
#[derive(Debug, Default)]
struct Counts {
    source_rows: usize,
    dropped_rows: usize,
    damaged_forms: usize,
    added_rows: usize,
}

/// Builds `countries.tsv`.
pub(crate) fn generate(inputs: &Inputs<'_>) -> Result<String, GenError> {
    let mut counts = Counts::default();
    let source = Table::parse(SOURCE, &inputs.reference(SOURCE)?, Comments::None)?;
    let mut entries = read_source(&source, &mut counts)?;
    let fixes = Table::parse(FIXES, &inputs.source(FIXES)?, Comments::Allowed)?;
    apply_fixes(&mut entries, &fixes)?;
    let before = entries.len();
    entries.retain(|e| !e.dropped);
    counts.dropped_rows = before - entries.len();
    for entry in &mut entries {
        entry.name = title_case(&entry.name);
        entry.demonyms = entry.demonyms.iter().map(|d| title_case(d)).collect();
        entry.capital = entry.capital.iter().map(|c| title_case(c)).collect();
    }
    let added = Table::parse(ADDED, &inputs.source(ADDED)?, Comments::Allowed)?;
    let added = read_added(&added)?;
    counts.added_rows = added.len();
    entries.extend(added);
    finish(&mut entries)?;
    write(&entries, &counts)
}

/// Reads CountryInfo's rows.
fn read_source(table: &Table, counts: &mut Counts) -> Result<Vec<Entry>, GenError> {
    let c = |name| table.column(name);
    let cols = [
        c("country_code")?,
        c("country_name")?,
        c("iso3166_alpha3")?,
        c("iso3166_alpha2")?,
        c("iso3166_numeric")?,
        c("cow_alpha")?,
        c("cow_numeric")?,
        c("nationality_forms")?,
        c("capital")?,
    ];
    let [
        code,
        name,
        iso3,
        iso2,
        iso_num,
        cow_a,
        cow_n,
        forms,
        capital,
    ] = cols;
    let mut entries = Vec::new();
    let mut names = BTreeSet::new();
    for row in table.rows() {
        let err = |m: String| GenError::input(SOURCE, row.line, m);
        let source_name = row.get(name).to_string();
        if source_name.is_empty() || !names.insert(source_name.clone()) {
            return Err(err(format!("empty or repeated name {source_name:?}")));
        }
        let mut forms = split_list(row.get(forms));
        let before = forms.len();
        forms.retain(|f| !is_damaged(f));
        counts.damaged_forms += before - forms.len();
        let demonyms: Vec<String> = forms.first().cloned().into_iter().collect();
        let variants = forms.into_iter().skip(1).collect();
        let mut capital = split_list(row.get(capital));
        capital.retain(|c| !is_damaged(c));
        entries.push(Entry {
            cameo: current_code(row.get(code)),
            iso3: placeholder(row.get(iso3)),
            iso2: placeholder(row.get(iso2)),
            iso_numeric: iso_number(row.get(iso_num)).map_err(err)?,
            cow_alpha: placeholder(row.get(cow_a)),
            cow_numeric: cow_number(row.get(cow_n)).map_err(err)?,
            name: source_name.clone(),
            source_name: Some(source_name),
            demonyms,
            variants,
            capital,
            ..Entry::default()
        });
    }
    counts.source_rows = entries.len();
    Ok(entries)
}

/// The current code of a CountryInfo code cell: the code itself, or for a list of date-bounded
/// codes such as `[YUGHRV <20910625][HRV >20030101]` the code of the last one.
fn current_code(cell: &str) -> String {
    match cell.rsplit('[').next() {
        Some(last) if cell.starts_with('[') => {
            last.split([' ', ']']).next().unwrap_or("").to_string()
        }
        _ => cell.trim().to_string(),
    }
}

/// CountryInfo's "no code" placeholders become empty.
fn placeholder(s: &str) -> String {
    if s.is_empty() || s.chars().all(|c| c == '-') {
        String::new()
    } else {
        s.to_string()
    }
}

/// An ISO numeric code as three digits; "000" and "" mean none.
fn iso_number(s: &str) -> Result<String, String> {
    match number(s)? {
        None | Some(0) => Ok(String::new()),
        Some(n) if n <= 999 => Ok(format!("{n:03}")),
        Some(n) => Err(format!("ISO numeric code {n} has more than three digits")),
    }
}

/// A COW numeric code without leading zeros; "000", "---" and "" mean none.
fn cow_number(s: &str) -> Result<String, String> {
    Ok(match number(s)? {
        None | Some(0) => String::new(),
        Some(n) => n.to_string(),
    })
}

fn number(s: &str) -> Result<Option<u16>, String> {
    let s = placeholder(s);
    if s.is_empty() {
        return Ok(None);
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{s:?} is not a number"));
    }
    s.parse()
        .map(Some)
        .map_err(|_| format!("{s:?} is out of range"))
}

/// Parses a `valid` cell: periods `FROM..TO[=Name]` separated by `|`, in order, not overlapping.
pub(crate) fn parse_periods(s: &str) -> Result<Vec<Period>, String> {
    let mut periods: Vec<Period> = Vec::new();
    for part in s.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let (range, name) = part.split_once('=').unwrap_or((part, ""));
        let (from, to) = range
            .split_once("..")
            .ok_or_else(|| format!("period {part:?} is not FROM..TO"))?;
        let date = |d: &str| -> Result<Option<Date>, String> {
            let d = d.trim();
            if d.is_empty() {
                return Ok(None);
            }
            d.parse::<Date>()
                .map(Some)
                .map_err(|e| format!("date {d:?}: {e}"))
        };
        let period = Period {
            from: date(from)?,
            to: date(to)?,
            name: name.trim().to_string(),
        };
        if let (Some(f), Some(t)) = (period.from, period.to)
            && f >= t
        {
            return Err(format!("period {part:?} ends before it starts"));
        }
        if let Some(prev) = periods.last() {
            match (prev.to, period.from) {
                (Some(end), Some(start)) if end <= start => {}
                _ => {
                    return Err(format!(
                        "period {part:?} overlaps the one before or is open"
                    ));
                }
            }
        }
        periods.push(period);
    }
    Ok(periods)
}

/// Writes periods back in the `valid` cell's form.
pub(crate) fn format_periods(periods: &[Period]) -> String {
    let one = |p: &Period| {
        let d = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut s = format!("{}..{}", d(p.from), d(p.to));
        if !p.name.is_empty() {
            s.push('=');
            s.push_str(&p.name);
        }
        s
    };
    periods.iter().map(one).collect::<Vec<_>>().join("|")
}

/// Applies the fixes, in file order.
fn apply_fixes(entries: &mut [Entry], fixes: &Table) -> Result<(), GenError> {
    fixes.expect_header(&["country", "field", "was", "now"])?;
    for row in fixes.rows() {
        let name = row.get(0);
        let entry = entries
            .iter_mut()
            .find(|e| e.source_name.as_deref() == Some(name))
            .ok_or_else(|| {
                GenError::input(FIXES, row.line, format!("no CountryInfo row {name:?}"))
            })?;
        apply_fix(entry, row.get(1), row.get(2), row.get(3))
            .map_err(|m| GenError::input(FIXES, row.line, format!("{name} {}: {m}", row.get(1))))?;
    }
    Ok(())
}

/// Applies one fix to one entry.
fn apply_fix(entry: &mut Entry, field: &str, was: &str, now: &str) -> Result<(), String> {
    let expect = |current: &str| {
        if current == was {
            Ok(())
        } else {
            Err(format!("the value is {current:?}, not {was:?}"))
        }
    };
    let expect_blank_was = || {
        if was.is_empty() {
            Ok(())
        } else {
            Err("`was` must be empty for this field".to_string())
        }
    };
    match field {
        "cameo" | "iso3" | "iso2" | "cow_alpha" | "name" | "note" => {
            let slot = match field {
                "cameo" => &mut entry.cameo,
                "iso3" => &mut entry.iso3,
                "iso2" => &mut entry.iso2,
                "cow_alpha" => &mut entry.cow_alpha,
                "name" => &mut entry.name,
                _ => &mut entry.note,
            };
            expect(slot)?;
            *slot = now.to_string();
        }
        "iso_numeric" => {
            expect(&entry.iso_numeric)?;
            entry.iso_numeric = iso_number(now)?;
        }
        "cow_numeric" => {
            expect(&entry.cow_numeric)?;
            entry.cow_numeric = cow_number(now)?;
        }
        "demonyms" => {
            expect(&entry.demonyms.join("|"))?;
            let new = split_list(now);
            let old = std::mem::replace(&mut entry.demonyms, new);
            entry
                .variants
                .extend(old.into_iter().filter(|d| !entry.demonyms.contains(d)));
        }
        "capital" | "successors" | "aliases" => {
            let slot = match field {
                "capital" => &mut entry.capital,
                "successors" => &mut entry.successors,
                _ => &mut entry.aliases,
            };
            expect(&slot.join("|"))?;
            *slot = split_list(now);
        }
        "valid" => {
            expect(&format_periods(&entry.valid))?;
            entry.valid = parse_periods(now)?;
        }
        "add_variants" => {
            expect_blank_was()?;
            for variant in split_list(now) {
                if entry.variants.contains(&variant) {
                    return Err(format!("{variant:?} is already a variant"));
                }
                entry.variants.push(variant);
            }
        }
        "drop_variants" => {
            expect_blank_was()?;
            for variant in split_list(now) {
                let before = entry.variants.len();
                entry.variants.retain(|v| *v != variant);
                if entry.variants.len() == before {
                    return Err(format!("{variant:?} is not a variant"));
                }
            }
        }
        "drop_row" => {
            expect_blank_was()?;
            if now != "yes" {
                return Err("the value is \"yes\"".to_string());
            }
            entry.dropped = true;
        }
        _ => return Err("unknown field".to_string()),
    }
    Ok(())
}

/// Reads dyad's added countries.
fn read_added(table: &Table) -> Result<Vec<Entry>, GenError> {
    table.expect_header(ADDED_HEADER)?;
    table.rows().iter().map(added_entry).collect()
}

fn added_entry(row: &Row) -> Result<Entry, GenError> {
    let err = |m: String| GenError::input(ADDED, row.line, m);
    Ok(Entry {
        source_name: None,
        cameo: row.get(0).to_string(),
        iso3: row.get(1).to_string(),
        iso2: row.get(2).to_string(),
        iso_numeric: iso_number(row.get(3)).map_err(err)?,
        cow_alpha: row.get(4).to_string(),
        cow_numeric: cow_number(row.get(5)).map_err(err)?,
        name: row.get(6).to_string(),
        valid: parse_periods(row.get(7)).map_err(err)?,
        predecessors: Vec::new(),
        successors: split_list(row.get(8)),
        aliases: split_list(row.get(9)),
        demonyms: split_list(row.get(10)),
        capital: split_list(row.get(11)),
        variants: split_list(row.get(12)),
        note: row.get(13).to_string(),
        dropped: false,
    })
}

/// Whether `s` is empty or `len` upper-case ASCII letters.
fn shape(s: &str, lens: &[usize]) -> bool {
    s.is_empty() || (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Sorts, cleans the variant lists, derives predecessors and checks every code.
fn finish(entries: &mut [Entry]) -> Result<(), GenError> {
    for e in entries.iter_mut() {
        let what = format!("{:?} ({})", e.name, e.key());
        let bad = |m: &str| GenError::check("countries", format!("{what}: {m}"));
        if e.key().is_empty() {
            return Err(bad(
                "no CAMEO or ISO alpha-3 code; fix or drop it in countries_fixes.src.tsv",
            ));
        }
        if !shape(&e.cameo, &[3, 6]) || !shape(&e.iso3, &[3]) || !shape(&e.iso2, &[2]) {
            return Err(bad("a CAMEO or ISO code is malformed"));
        }
        if !shape(&e.cow_alpha, &[3]) || e.aliases.iter().any(|a| !shape(a, &[3]) || a.is_empty()) {
            return Err(bad("a COW code or alias is malformed"));
        }
        if e.name.is_empty() {
            return Err(bad("no name"));
        }
        let taken: BTreeSet<String> = std::iter::once(&e.name)
            .chain(&e.demonyms)
            .map(|s| s.to_uppercase())
            .collect();
        let mut seen = BTreeSet::new();
        e.variants
            .retain(|v| !taken.contains(&v.to_uppercase()) && seen.insert(v.clone()));
    }
    entries.sort_by(|a, b| a.key().cmp(b.key()));

    let index: BTreeMap<String, usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.cameo.is_empty())
        .map(|(i, e)| (e.cameo.clone(), i))
        .collect();
    if index.len() != entries.iter().filter(|e| !e.cameo.is_empty()).count() {
        return Err(GenError::check("countries", "a CAMEO code is used twice"));
    }
    let mut links = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for s in &e.successors {
            let &j = index.get(s).ok_or_else(|| {
                GenError::check(
                    "countries",
                    format!("{}: successor {s} is not in the table", e.key()),
                )
            })?;
            links.push((i, j));
        }
    }
    for (i, j) in links {
        let key = entries
            .get(i)
            .map(|e| e.key().to_string())
            .unwrap_or_default();
        if let Some(successor) = entries.get_mut(j) {
            successor.predecessors.push(key);
        }
    }

    let mut aliases = BTreeSet::new();
    for alias in entries.iter().flat_map(|e| &e.aliases) {
        if index.contains_key(alias) || !aliases.insert(alias.clone()) {
            return Err(GenError::check(
                "countries",
                format!("alias {alias} is taken"),
            ));
        }
    }
    type Field = fn(&Entry) -> &str;
    let fields: [(&str, Field); 3] = [
        ("ISO alpha-3", |e| &e.iso3),
        ("ISO alpha-2", |e| &e.iso2),
        ("ISO numeric", |e| &e.iso_numeric),
    ];
    for (what, field) in fields {
        let mut current: BTreeMap<&str, &str> = BTreeMap::new();
        for e in entries
            .iter()
            .filter(|e| e.is_current() && !field(e).is_empty())
        {
            if let Some(other) = current.insert(field(e), e.key()) {
                return Err(GenError::check(
                    "countries",
                    format!(
                        "{what} code {} is held by both {other} and {}",
                        field(e),
                        e.key()
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn write(entries: &[Entry], counts: &Counts) -> Result<String, GenError> {
    let comments = [
        generated_note("countries and historical states"),
        format!(
            "Sources: {SOURCE} (from CountryInfo.120116.txt, Copyright (c) 2012 Philip A. Schrodt,\n\
             CC BY-SA 3.0; this table is shared under the same licence), corrected and extended by\n\
             {FIXES}, and {ADDED} (dyad's own)."
        ),
        format!(
            "{} rows from CountryInfo ({} dropped), {} added; {} damaged name forms left out.",
            counts.source_rows, counts.dropped_rows, counts.added_rows, counts.damaged_forms
        ),
        "Conventions: cameo is the code event data uses (empty for a dependency coded as its\n\
         sovereign); valid lists periods FROM..TO, TO being the first day the state no longer\n\
         existed, =Name the name used then; empty valid means no dates recorded (treated as always\n\
         valid). predecessors are derived from successors. Lists use \"|\". name, demonyms and\n\
         capital are title-cased from CountryInfo's upper case; variants stay upper case (match keys).\n\
         The first capital is the capital's name; the rest are its other names."
            .to_string(),
    ];
    let mut out = TsvWriter::new("countries.tsv", &comments, dyad_ontology::COUNTRY_COLUMNS);
    for e in entries {
        let valid = format_periods(&e.valid);
        let lists = [
            &e.predecessors,
            &e.successors,
            &e.aliases,
            &e.demonyms,
            &e.capital,
            &e.variants,
        ]
        .map(|l| l.join("|"));
        let [
            predecessors,
            successors,
            aliases,
            demonyms,
            capital,
            variants,
        ] = &lists;
        out.row(&[
            &e.cameo,
            &e.iso3,
            &e.iso2,
            &e.iso_numeric,
            &e.cow_alpha,
            &e.cow_numeric,
            &e.name,
            &valid,
            predecessors,
            successors,
            aliases,
            demonyms,
            capital,
            variants,
            &e.note,
        ])?;
    }
    Ok(out.finish())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn current_code_of_bracketed_cells() {
        assert_eq!(current_code("[YUGHRV <20910625][HRV >20030101]"), "HRV");
        assert_eq!(
            current_code("[YUGKSV <20920427][FRYKSV 20920427 - 20990610][KSV >20030101]"),
            "KSV"
        );
        assert_eq!(current_code("USAASM"), "USAASM");
        assert_eq!(current_code(""), "");
    }

    #[test]
    fn numbers_and_placeholders() {
        assert_eq!(placeholder("---"), "");
        assert_eq!(placeholder("--"), "");
        assert_eq!(placeholder("AFG"), "AFG");
        assert_eq!(iso_number("004").unwrap(), "004");
        assert_eq!(iso_number("4").unwrap(), "004");
        assert_eq!(iso_number("000").unwrap(), "");
        assert!(iso_number("1000").is_err());
        assert!(iso_number("12a").is_err());
        assert_eq!(cow_number("060").unwrap(), "60");
        assert_eq!(cow_number("---").unwrap(), "");
        assert_eq!(cow_number("000").unwrap(), "");
    }

    #[test]
    fn periods_round_trip_and_are_checked() {
        let text = "1918-02-24..1940-08-06|1991-08-20..";
        let p = parse_periods(text).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].to, Some(date("1940-08-06")));
        assert_eq!(p[1].to, None);
        assert_eq!(format_periods(&p), text);
        let named = "..1962-09-26=Kingdom|1962-09-26..1990-05-22=Republic";
        assert_eq!(format_periods(&parse_periods(named).unwrap()), named);
        assert!(parse_periods("").unwrap().is_empty());
        for bad in [
            "1991-01-01",
            "1991-02-30..",
            "1991-01-01..1990-01-01",
            "1991-01-01..1991-01-01",
            "1990-01-01..|1991-01-01..",
            "1990-01-01..1995-01-01|1994-01-01..",
        ] {
            assert!(parse_periods(bad).is_err(), "{bad}");
        }
    }

    fn entry() -> Entry {
        Entry {
            source_name: Some("LAND".into()),
            cameo: "LND".into(),
            name: "LAND".into(),
            demonyms: vec!["LANDISH".into()],
            variants: vec!["LANDIA".into()],
            ..Entry::default()
        }
    }

    #[test]
    fn fixes_check_the_old_value() {
        let mut e = entry();
        apply_fix(&mut e, "cameo", "LND", "LDN").unwrap();
        assert_eq!(e.cameo, "LDN");
        assert!(
            apply_fix(&mut e, "cameo", "LND", "XXX").is_err(),
            "was no longer matches"
        );
        apply_fix(&mut e, "cow_numeric", "", "060").unwrap();
        assert_eq!(e.cow_numeric, "60");
        apply_fix(&mut e, "demonyms", "LANDISH", "LANDER").unwrap();
        assert_eq!(e.demonyms, vec!["LANDER"]);
        assert_eq!(
            e.variants,
            vec!["LANDIA", "LANDISH"],
            "old demonym kept as a variant"
        );
        apply_fix(&mut e, "drop_variants", "", "LANDISH").unwrap();
        assert!(apply_fix(&mut e, "drop_variants", "", "LANDISH").is_err());
        assert!(apply_fix(&mut e, "add_variants", "", "LANDIA").is_err());
        apply_fix(&mut e, "valid", "", "1990-01-01..").unwrap();
        assert!(apply_fix(&mut e, "valid", "", "1991-01-01..").is_err());
        assert!(apply_fix(&mut e, "colour", "", "red").is_err());
        assert!(apply_fix(&mut e, "drop_row", "x", "yes").is_err());
        apply_fix(&mut e, "drop_row", "", "yes").unwrap();
        assert!(e.dropped);
    }

    #[test]
    fn finish_derives_predecessors_and_rejects_clashes() {
        let mut old = entry();
        old.cameo = "OLD".into();
        old.iso3 = "OLD".into();
        old.valid = parse_periods("1900-01-01..1950-01-01").unwrap();
        old.successors = vec!["NEW".into()];
        let mut new = entry();
        new.cameo = "NEW".into();
        new.iso3 = "OLD".into(); // reuse by a current state of a historical state's code is fine
        new.variants = vec![
            "LANDISH".into(),
            "LAND".into(),
            "NEWLAND".into(),
            "NEWLAND".into(),
        ];
        let mut entries = vec![old.clone(), new.clone()];
        finish(&mut entries).unwrap();
        assert_eq!(entries[0].cameo, "NEW");
        assert_eq!(entries[0].predecessors, vec!["OLD"]);
        assert_eq!(
            entries[0].variants,
            vec!["NEWLAND"],
            "name, demonyms and repeats removed"
        );

        let mut current_clash = vec![entry(), {
            let mut e = entry();
            e.cameo = "LNE".into();
            e
        }];
        current_clash[0].iso2 = "LA".into();
        current_clash[1].iso2 = "LA".into();
        assert!(finish(&mut current_clash).is_err());

        let mut missing = vec![{
            let mut e = entry();
            e.successors = vec!["ZZZ".into()];
            e
        }];
        assert!(finish(&mut missing).is_err());
        let mut bad_code = vec![{
            let mut e = entry();
            e.cameo = "lnd".into();
            e
        }];
        assert!(finish(&mut bad_code).is_err());
        let mut no_code = vec![{
            let mut e = entry();
            e.cameo.clear();
            e
        }];
        assert!(finish(&mut no_code).is_err());
    }

    proptest::proptest! {
        /// Ordered periods print and parse back unchanged.
        #[test]
        fn periods_round_trip(
            starts in proptest::collection::btree_set(1800i16..2100, 1..4),
            open_start in proptest::bool::ANY,
            open_end in proptest::bool::ANY,
        ) {
            let years: Vec<i16> = starts.into_iter().collect();
            let mut parts = Vec::new();
            for (i, y) in years.iter().enumerate() {
                let from = if i == 0 && open_start { String::new() } else { format!("{y}-01-01") };
                let to = if i + 1 == years.len() && open_end { String::new() } else { format!("{y}-07-01") };
                parts.push(format!("{from}..{to}"));
            }
            let text = parts.join("|");
            let periods = parse_periods(&text).unwrap();
            proptest::prop_assert_eq!(format_periods(&periods), text);
        }

        /// Arbitrary cells never panic the period parser.
        #[test]
        fn any_cell_is_safe(s in "[0-9.|=a-z-]{0,40}") {
            let _ = parse_periods(&s);
        }
    }
}
