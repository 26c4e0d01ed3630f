//! `cameo_events.tsv` and `plover_events.tsv`.
//!
//! Codes, names, levels, quad classes and ICEWS Goldstein values come from `cameo_eventcodes.tsv`;
//! GDELT's Goldstein values from `gdelt_CAMEO.goldsteinscale.txt`; the PLOVER map is parsed from
//! the published `CAMEO2PLOVER-2021.txt` itself and checked against the copy in
//! `cameo_eventcodes.tsv`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dyad_ontology::{Cameo, QuadClass};

use crate::tsv::{Comments, Table, TsvWriter};
use crate::{GenError, Inputs, generated_note};

const CODEBOOK: &str = "cameo_eventcodes.tsv";
const GDELT: &str = "gdelt_CAMEO.goldsteinscale.txt";
const PLOVER_MAP: &str = "CAMEO2PLOVER-2021.txt";
const PLOVER_TYPES: &str = "plover_events.src.tsv";

/// One line of the CAMEO→PLOVER map.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mapping {
    pub(crate) event: String,
    pub(crate) mode: Option<String>,
    pub(crate) context: Vec<String>,
}

/// The parsed map with what had to be decided while reading it.
#[derive(Debug, Default)]
pub(crate) struct PloverMap {
    pub(crate) codes: BTreeMap<Cameo, Mapping>,
    pub(crate) notes: Vec<String>,
}

/// A code of the codebook with what the output needs.
#[derive(Debug)]
struct CodeRow {
    code: Cameo,
    level: &'static str,
    quad: QuadClass,
    name: String,
    goldstein: f32,
    goldstein_gdelt: Option<f32>,
}

/// Builds `cameo_events.tsv` and `plover_events.tsv`.
pub(crate) fn generate(inputs: &Inputs<'_>) -> Result<(String, String), GenError> {
    let gdelt = read_gdelt(&inputs.reference(GDELT)?)?;
    let codebook = Table::parse(CODEBOOK, &inputs.reference(CODEBOOK)?, Comments::None)?;
    let rows = read_codebook(&codebook, &gdelt)?;
    let map = parse_plover_map(&inputs.reference(PLOVER_MAP)?)?;
    check_against_codebook_copy(&map, &codebook)?;
    let mut map = move_contexts_out_of_modes(map);
    let known: BTreeSet<Cameo> = rows.iter().map(|r| r.code).collect();
    let unknown: Vec<Cameo> = map
        .codes
        .keys()
        .filter(|c| !known.contains(c))
        .copied()
        .collect();
    for code in unknown {
        map.codes.remove(&code);
        map.notes.push(format!(
            "{PLOVER_MAP} maps {code}, which is not a code of {CODEBOOK}; left out."
        ));
    }
    let types = Table::parse(
        PLOVER_TYPES,
        &inputs.source(PLOVER_TYPES)?,
        Comments::Allowed,
    )?;
    let plover_file = plover_types(&types, &map)?;

    let mut comments = vec![
        generated_note("CAMEO event codes (CAMEO 1.1b3) with quad class, Goldstein values and PLOVER mapping"),
        format!(
            "Sources: {CODEBOOK} (codes, names, levels, quad classes, ICEWS Goldstein values; table MIT,\n\
             andybega/icews, from the CAMEO manual by Schrodt et al.), {GDELT} (GDELT Project),\n\
             {PLOVER_MAP} (CC BY-SA 4.0, Open Event Data Alliance / PLOVER)."
        ),
        "goldstein: the ICEWS value, which event records carry; goldstein_gdelt: GDELT's, empty where\n\
         GDELT has none. plover_*: empty for codes PLOVER drops (roots 01 and 02); contexts are \"|\"-separated."
            .to_string(),
        format!("{} codes, {} with a PLOVER mapping.", rows.len(), map.codes.len()),
    ];
    comments.extend(map.notes.iter().cloned());
    let mut out = TsvWriter::new(
        "cameo_events.tsv",
        &comments,
        dyad_ontology::CAMEO_EVENT_COLUMNS,
    );
    for row in &rows {
        let mapping = map.codes.get(&row.code);
        let quad = row.quad.number().to_string();
        let goldstein = row.goldstein.to_string();
        let gdelt = row
            .goldstein_gdelt
            .map(|g| g.to_string())
            .unwrap_or_default();
        let context = mapping.map(|m| m.context.join("|")).unwrap_or_default();
        out.row(&[
            row.code.as_str(),
            row.code.root().as_str(),
            row.level,
            &quad,
            &goldstein,
            &gdelt,
            mapping.map_or("", |m| m.event.as_str()),
            mapping.and_then(|m| m.mode.as_deref()).unwrap_or(""),
            &context,
            &row.name,
        ])?;
    }
    Ok((out.finish(), plover_file))
}

/// GDELT's Goldstein values by code.
fn read_gdelt(text: &str) -> Result<HashMap<Cameo, f32>, GenError> {
    let table = Table::parse(GDELT, text, Comments::None)?;
    table.expect_header(&["CAMEOEVENTCODE", "GOLDSTEINSCALE"])?;
    let mut values = HashMap::new();
    for row in table.rows() {
        let code = parse_code(GDELT, row.line, row.get(0))?;
        let value = parse_goldstein(GDELT, row.line, row.get(1))?;
        if values.insert(code, value).is_some() {
            return Err(GenError::input(GDELT, row.line, format!("{code} repeated")));
        }
    }
    Ok(values)
}

fn read_codebook(table: &Table, gdelt: &HashMap<Cameo, f32>) -> Result<Vec<CodeRow>, GenError> {
    let c = |name| table.column(name);
    let (code_col, root_col, level_col, quad_col) =
        (c("code")?, c("root_code")?, c("level")?, c("quad_class")?);
    let (name_col, g_col, gg_col) = (c("name")?, c("goldstein")?, c("goldstein_gdelt")?);
    let mut rows: Vec<CodeRow> = Vec::new();
    for row in table.rows() {
        let line = row.line;
        let code = parse_code(CODEBOOK, line, row.get(code_col))?;
        if row.get(root_col) != code.root().as_str() {
            return Err(GenError::input(
                CODEBOOK,
                line,
                format!("{code}: root {:?}", row.get(root_col)),
            ));
        }
        let level = match row.get(code_col).len() {
            2 => "root",
            3 => "tier2",
            _ => "tier3",
        };
        if row.get(level_col) != level {
            return Err(GenError::input(
                CODEBOOK,
                line,
                format!("{code}: level {:?}", row.get(level_col)),
            ));
        }
        let quad = row
            .get(quad_col)
            .parse::<u8>()
            .ok()
            .and_then(QuadClass::from_number)
            .ok_or_else(|| GenError::input(CODEBOOK, line, "quad class is not 1..4"))?;
        if quad != code.quad_class() {
            return Err(GenError::input(
                CODEBOOK,
                line,
                format!("{code}: quad class disagrees with its root"),
            ));
        }
        let name = row.get(name_col).to_string();
        if name.is_empty() {
            return Err(GenError::input(
                CODEBOOK,
                line,
                format!("{code} has no name"),
            ));
        }
        let goldstein = parse_goldstein(CODEBOOK, line, row.get(g_col))?;
        let goldstein_gdelt = gdelt.get(&code).copied();
        let copied = match row.get(gg_col) {
            "" => None,
            g => Some(parse_goldstein(CODEBOOK, line, g)?),
        };
        if copied != goldstein_gdelt {
            return Err(GenError::input(
                CODEBOOK,
                line,
                format!("{code}: GDELT value differs from {GDELT}"),
            ));
        }
        rows.push(CodeRow {
            code,
            level,
            quad,
            name,
            goldstein,
            goldstein_gdelt,
        });
    }
    rows.sort_by_key(|r| r.code);
    for pair in rows.windows(2) {
        if let [a, b] = pair
            && a.code == b.code
        {
            return Err(GenError::check(CODEBOOK, format!("{} repeated", a.code)));
        }
    }
    let codes: BTreeSet<Cameo> = rows.iter().map(|r| r.code).collect();
    if let Some(orphan) = codes
        .iter()
        .find(|c| c.parent().is_some_and(|p| !codes.contains(&p)))
    {
        return Err(GenError::check(
            CODEBOOK,
            format!("{orphan} has no parent code"),
        ));
    }
    if gdelt.keys().any(|c| !codes.contains(c)) {
        return Err(GenError::check(GDELT, "a code that is not in the codebook"));
    }
    Ok(rows)
}

fn parse_code(file: &str, line: usize, s: &str) -> Result<Cameo, GenError> {
    s.parse()
        .map_err(|e| GenError::input(file, line, format!("{e}")))
}

fn parse_goldstein(file: &str, line: usize, s: &str) -> Result<f32, GenError> {
    match s.parse::<f32>() {
        Ok(g) if (-10.0..=10.0).contains(&g) => Ok(g),
        _ => Err(GenError::input(
            file,
            line,
            format!("Goldstein value {s:?} is not a number in -10..10"),
        )),
    }
}

/// Parses `CAMEO2PLOVER-2021.txt`: lines `CODE: EVENT, mode, context # comment`, where the
/// context may list several values separated by `;`. A code that appears twice with different
/// mappings (root 08 heads both its CONCEDE and its RETREAT block) keeps the later line, as the
/// derived `cameo2plover_2021.tsv` does; the decision is recorded in the notes.
pub(crate) fn parse_plover_map(text: &str) -> Result<PloverMap, GenError> {
    let mut map = PloverMap::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let body = raw.split('#').next().unwrap_or("").trim();
        if !body.starts_with(|c: char| c.is_ascii_digit()) {
            if body.is_empty() || body.chars().all(|c| c == '~') {
                continue;
            }
            return Err(GenError::input(
                PLOVER_MAP,
                line,
                format!("unexpected line {raw:?}"),
            ));
        }
        let (code, rest) = body
            .split_once(':')
            .ok_or_else(|| GenError::input(PLOVER_MAP, line, "no ':' after the code"))?;
        let code = parse_code(PLOVER_MAP, line, code.trim())?;
        let mut parts = rest.split(',').map(str::trim);
        let event = parts.next().unwrap_or("");
        if event.is_empty() || !event.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(GenError::input(
                PLOVER_MAP,
                line,
                format!("event {event:?} is not a PLOVER type"),
            ));
        }
        let mode = parts.next().filter(|m| !m.is_empty()).map(str::to_string);
        let context: Vec<String> = parts
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        if parts.next().is_some() {
            return Err(GenError::input(PLOVER_MAP, line, "more than three fields"));
        }
        let mapping = Mapping {
            event: event.to_string(),
            mode,
            context,
        };
        if let Some(old) = map.codes.insert(code, mapping.clone())
            && old != mapping
        {
            map.notes.push(format!(
                "{PLOVER_MAP} maps {code} twice ({} at line {line} and {} before); the later line is used.",
                mapping.event, old.event
            ));
        }
    }
    Ok(map)
}

/// Checks the parse against the copy of the map in the codebook's plover_* columns.
fn check_against_codebook_copy(map: &PloverMap, codebook: &Table) -> Result<(), GenError> {
    let (code_col, e_col) = (codebook.column("code")?, codebook.column("plover_event")?);
    let (m_col, c_col) = (
        codebook.column("plover_mode")?,
        codebook.column("plover_context")?,
    );
    for row in codebook.rows() {
        let code = parse_code(CODEBOOK, row.line, row.get(code_col))?;
        let copy = match row.get(e_col) {
            "" => None,
            event => Some(Mapping {
                event: event.to_string(),
                mode: Some(row.get(m_col).to_string()).filter(|m| !m.is_empty()),
                context: row
                    .get(c_col)
                    .split(';')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
            }),
        };
        if copy.as_ref() != map.codes.get(&code) {
            return Err(GenError::input(
                CODEBOOK,
                row.line,
                format!("{code}: PLOVER columns disagree with {PLOVER_MAP}"),
            ));
        }
    }
    Ok(())
}

/// A value in the mode slot that the map otherwise uses only as a context, and for no other
/// code as a mode, is a context written in the wrong field: it moves to the front of the context
/// list (CAMEO 175 has `pro_autocracy` as its mode).
pub(crate) fn move_contexts_out_of_modes(mut map: PloverMap) -> PloverMap {
    let contexts: BTreeSet<String> = map
        .codes
        .values()
        .flat_map(|m| m.context.iter().cloned())
        .collect();
    let mut mode_uses: BTreeMap<String, usize> = BTreeMap::new();
    for mode in map.codes.values().filter_map(|m| m.mode.clone()) {
        *mode_uses.entry(mode).or_default() += 1;
    }
    for (code, mapping) in &mut map.codes {
        let Some(mode) = mapping.mode.clone() else {
            continue;
        };
        if contexts.contains(&mode) && mode_uses.get(&mode) == Some(&1) {
            mapping.mode = None;
            if !mapping.context.contains(&mode) {
                mapping.context.insert(0, mode.clone());
            }
            map.notes.push(format!(
                "{code}: the mode {mode:?} is a PLOVER context, so it is listed as a context."
            ));
        }
    }
    map
}

/// Builds `plover_events.tsv` from dyad's table of types, checked against the map.
fn plover_types(types: &Table, map: &PloverMap) -> Result<String, GenError> {
    types.expect_header(&["event", "quad_class", "label"])?;
    let comments = [
        generated_note("PLOVER event types with quad class"),
        "Types from CAMEO2PLOVER-2021.txt; quad classes and labels from plover_events.src.tsv\n\
         (labels in dyad's own words)."
            .to_string(),
    ];
    let mut out = TsvWriter::new(
        "plover_events.tsv",
        &comments,
        &["event", "quad_class", "label"],
    );
    let mut seen = BTreeSet::new();
    for row in types.rows() {
        let event = row.get(0);
        if event.is_empty() || !event.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(GenError::input(
                types.file(),
                row.line,
                format!("bad event {event:?}"),
            ));
        }
        if !seen.insert(event.to_string()) {
            return Err(GenError::input(
                types.file(),
                row.line,
                format!("{event} repeated"),
            ));
        }
        let quad = row.get(1);
        if quad
            .parse::<u8>()
            .ok()
            .and_then(QuadClass::from_number)
            .is_none()
        {
            return Err(GenError::input(
                types.file(),
                row.line,
                "quad class is not 1..4",
            ));
        }
        if row.get(2).is_empty() {
            return Err(GenError::input(types.file(), row.line, "no label"));
        }
        out.row(&[event, quad, row.get(2)])?;
    }
    let used: BTreeSet<String> = map.codes.values().map(|m| m.event.clone()).collect();
    if let Some(missing) = used.difference(&seen).next() {
        return Err(GenError::check(
            types.file(),
            format!("{missing} is used by {PLOVER_MAP} but not listed"),
        ));
    }
    if let Some(unused) = seen.difference(&used).next() {
        return Err(GenError::check(
            types.file(),
            format!("{unused} is not used by {PLOVER_MAP}"),
        ));
    }
    Ok(out.finish())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn code(s: &str) -> Cameo {
        s.parse().unwrap()
    }

    #[test]
    fn parses_map_lines() {
        let text = "# header\n\n04: CONSULT\n041: CONSULT, phone,   # Discuss\n\
                    091: ACCUSE, investigate, crime; corruption # x\n\
                    0861: RETREAT, access , peacekeeping # y\n~~~~~\n";
        let map = parse_plover_map(text).unwrap();
        assert_eq!(map.codes.len(), 4);
        let root = &map.codes[&code("04")];
        assert_eq!(
            (root.event.as_str(), root.mode.as_deref()),
            ("CONSULT", None)
        );
        assert!(root.context.is_empty());
        assert_eq!(map.codes[&code("041")].mode.as_deref(), Some("phone"));
        assert_eq!(map.codes[&code("091")].context, vec!["crime", "corruption"]);
        assert_eq!(map.codes[&code("0861")].mode.as_deref(), Some("access"));
        assert!(map.notes.is_empty());
    }

    #[test]
    fn later_duplicate_wins_and_is_noted() {
        let map =
            parse_plover_map("08: CONCEDE\n08: RETREAT\n175: ASSAULT, x, y\n175: ASSAULT, x, y\n")
                .unwrap();
        assert_eq!(map.codes[&code("08")].event, "RETREAT");
        assert_eq!(
            map.notes.len(),
            1,
            "identical repeats are not noted: {:?}",
            map.notes
        );
    }

    #[test]
    fn rejects_bad_lines() {
        for bad in [
            "hello\n",
            "04 CONSULT\n",
            "04: consult\n",
            "4: CONSULT\n",
            "04: A, b, c, d\n",
        ] {
            assert!(parse_plover_map(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn context_in_mode_slot_moves() {
        let map = parse_plover_map(
            "175: ASSAULT, pro_autocracy , military\n137: THREATEN, violence, pro_autocracy\n\
             138: THREATEN, violence, military\n",
        )
        .unwrap();
        let map = move_contexts_out_of_modes(map);
        let m = &map.codes[&code("175")];
        assert_eq!(m.mode, None);
        assert_eq!(m.context, vec!["pro_autocracy", "military"]);
        // "violence" is a mode used twice and never a context: it stays.
        assert_eq!(map.codes[&code("137")].mode.as_deref(), Some("violence"));
        assert_eq!(map.notes.len(), 1);
    }

    #[test]
    fn goldstein_range_is_checked() {
        assert_eq!(parse_goldstein("f", 1, "-2.5").unwrap(), -2.5);
        assert!(parse_goldstein("f", 1, "10.5").is_err());
        assert!(parse_goldstein("f", 1, "x").is_err());
    }
}
