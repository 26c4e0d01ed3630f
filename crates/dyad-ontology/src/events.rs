//! The CAMEO event code table: [`CameoEntry`] with its Goldstein values and PLOVER mapping.

use std::sync::LazyLock;

use serde::Serialize;

use crate::table::{DataError, loaded, rows};
use crate::{Cameo, PloverEvent, QuadClass};

/// Where a code sits in CAMEO's hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CameoLevel {
    /// A two-digit root ("04").
    Root,
    /// A three-digit code ("042").
    Tier2,
    /// A four-digit code ("0421").
    Tier3,
}

impl CameoLevel {
    /// The level's name as the tables write it: "root", "tier2", "tier3".
    pub fn as_str(self) -> &'static str {
        match self {
            CameoLevel::Root => "root",
            CameoLevel::Tier2 => "tier2",
            CameoLevel::Tier3 => "tier3",
        }
    }
}

/// How a CAMEO code maps to PLOVER: event type, mode and contexts (CAMEO2PLOVER-2021).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PloverMapping {
    /// The PLOVER event type.
    pub event: PloverEvent,
    /// The PLOVER mode, if the map gives one ("visit").
    pub mode: Option<String>,
    /// PLOVER contexts ("military"), possibly none.
    pub context: Vec<String>,
}

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoEntry {
    /// The code ("042").
    pub code: Cameo,
    /// CAMEO's short name ("Make a visit"; roots in capitals, "CONSULT").
    pub name: String,
    /// Root, tier 2 or tier 3.
    pub level: CameoLevel,
    /// The quad class (that of the root).
    pub quad_class: QuadClass,
    /// The Goldstein value event records carry: the ICEWS/CAMEO one.
    pub goldstein: f32,
    /// GDELT's Goldstein value, where GDELT has the code; differs for 016, 022, 164 and 165.
    pub goldstein_gdelt: Option<f32>,
    /// The PLOVER mapping; `None` for codes PLOVER drops (roots 01 and 02).
    pub plover: Option<PloverMapping>,
}

const FILE: &str = "cameo_events.tsv";
const TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/cameo_events.tsv"
));
/// Columns of `data/ontology/cameo_events.tsv`, in order: read here, written by the generator.
pub const CAMEO_EVENT_COLUMNS: &[&str] = &[
    "code",
    "root",
    "level",
    "quad_class",
    "goldstein",
    "goldstein_gdelt",
    "plover_event",
    "plover_mode",
    "plover_context",
    "name",
];

/// Sorted by code.
static TABLE: LazyLock<Vec<CameoEntry>> = LazyLock::new(|| loaded(parse(TEXT)));

pub(crate) fn parse(text: &str) -> Result<Vec<CameoEntry>, DataError> {
    let mut entries = Vec::new();
    for row in rows(FILE, text, CAMEO_EVENT_COLUMNS)? {
        let code: Cameo = row.get(0).parse().map_err(|e| row.error(e))?;
        if row.get(1) != code.root().as_str() {
            return Err(row.error("root does not match the code"));
        }
        let level = match (row.get(2), row.get(0).len()) {
            ("root", 2) => CameoLevel::Root,
            ("tier2", 3) => CameoLevel::Tier2,
            ("tier3", 4) => CameoLevel::Tier3,
            _ => return Err(row.error("level does not match the code's length")),
        };
        let quad_class = row
            .get(3)
            .parse()
            .ok()
            .and_then(QuadClass::from_number)
            .filter(|q| *q == code.quad_class())
            .ok_or_else(|| row.error("quad class is not that of the root"))?;
        let goldstein = |s: &str| match s.parse::<f32>() {
            Ok(g) if (-10.0..=10.0).contains(&g) => Ok(g),
            _ => Err(row.error(format!("Goldstein value {s:?} is not in -10..10"))),
        };
        let plover = match row.opt(6) {
            None => None,
            Some(event) => Some(PloverMapping {
                event: event.parse().map_err(|e| row.error(e))?,
                mode: row.opt(7).map(str::to_string),
                context: row.list(8),
            }),
        };
        entries.push(CameoEntry {
            code,
            name: row.get(9).to_string(),
            level,
            quad_class,
            goldstein: goldstein(row.get(4))?,
            goldstein_gdelt: row.opt(5).map(goldstein).transpose()?,
            plover,
        });
    }
    entries.sort_by_key(|e| e.code);
    if entries
        .windows(2)
        .any(|w| w.first().map(|e| e.code) == w.get(1).map(|e| e.code))
    {
        return Err(DataError::new(FILE, 0, "a code is listed twice"));
    }
    Ok(entries)
}

/// The entry for `code`, if CAMEO has it.
pub fn cameo_entry(code: Cameo) -> Option<&'static CameoEntry> {
    let table: &'static [CameoEntry] = &TABLE;
    table
        .binary_search_by_key(&code, |e| e.code)
        .ok()
        .and_then(|i| table.get(i))
}

/// Every CAMEO event code, sorted by code.
pub fn cameo_entries() -> &'static [CameoEntry] {
    &TABLE
}

impl CameoEntry {
    /// The entry of this code's root (itself for a root).
    pub fn root(&self) -> Option<&'static CameoEntry> {
        cameo_entry(self.code.root())
    }

    /// The codes one level below this one, in order.
    pub fn children(&self) -> impl Iterator<Item = &'static CameoEntry> + use<> {
        let code = self.code;
        cameo_entries()
            .iter()
            .filter(move |e| e.code.parent() == Some(code))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn code(s: &str) -> Cameo {
        s.parse().unwrap()
    }

    #[test]
    fn has_all_312_codes_each_once_with_a_root() {
        let table = parse(TEXT).unwrap();
        assert_eq!(table.len(), 312);
        let roots = table.iter().filter(|e| e.level == CameoLevel::Root).count();
        assert_eq!(roots, 20);
        for e in &table {
            let root = e.root().unwrap_or_else(|| panic!("{} has no root", e.code));
            assert_eq!(root.level, CameoLevel::Root);
            if let Some(parent) = e.code.parent() {
                assert!(
                    cameo_entry(parent).is_some(),
                    "{} has no parent entry",
                    e.code
                );
            }
            assert!(!e.name.is_empty());
        }
    }

    #[test]
    fn quad_class_agrees_with_root_and_goldstein_in_range() {
        for e in cameo_entries() {
            assert_eq!(e.quad_class, e.root().unwrap().quad_class, "{}", e.code);
            assert_eq!(e.quad_class, e.code.quad_class(), "{}", e.code);
            assert!((-10.0..=10.0).contains(&e.goldstein), "{}", e.code);
            if let Some(g) = e.goldstein_gdelt {
                assert!((-10.0..=10.0).contains(&g), "{}", e.code);
            }
        }
    }

    #[test]
    fn goldstein_sources_differ_only_where_documented() {
        let differ: Vec<&str> = cameo_entries()
            .iter()
            .filter(|e| e.goldstein_gdelt.is_some_and(|g| g != e.goldstein))
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(differ, ["016", "022", "164", "165"]);
        let missing: Vec<&str> = cameo_entries()
            .iter()
            .filter(|e| e.goldstein_gdelt.is_none())
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(missing, ["1213"]);
        assert_eq!(cameo_entry(code("016")).unwrap().goldstein, -5.0);
    }

    #[test]
    fn plover_mappings_use_known_types() {
        let mapped: Vec<&CameoEntry> = cameo_entries()
            .iter()
            .filter(|e| e.plover.is_some())
            .collect();
        // Reported: how many codes carry a PLOVER mapping.
        eprintln!(
            "{} of {} CAMEO codes map to PLOVER",
            mapped.len(),
            cameo_entries().len()
        );
        assert_eq!(mapped.len(), 273);
        for e in &mapped {
            let m = e.plover.as_ref().unwrap();
            assert!(PloverEvent::ALL.contains(&m.event));
            assert!(m.mode.as_deref().is_none_or(|s| !s.is_empty()));
            assert!(
                m.context.iter().all(|c| !c.is_empty() && !c.contains(' ')),
                "{}",
                e.code
            );
        }
        let unmapped_roots: std::collections::BTreeSet<String> = cameo_entries()
            .iter()
            .filter(|e| e.plover.is_none())
            .map(|e| e.code.root().to_string())
            .collect();
        assert_eq!(unmapped_roots.into_iter().collect::<Vec<_>>(), ["01", "02"]);
    }

    #[test]
    fn known_codes() {
        let visit = cameo_entry(code("042")).unwrap();
        assert_eq!(visit.name, "Make a visit");
        assert_eq!(visit.level, CameoLevel::Tier2);
        assert_eq!(visit.goldstein, 1.9);
        let plover = visit.plover.as_ref().unwrap();
        assert_eq!(
            (plover.event, plover.mode.as_deref()),
            (PloverEvent::Consult, Some("visit"))
        );
        let investigate = cameo_entry(code("091")).unwrap().plover.as_ref().unwrap();
        assert_eq!(investigate.context, ["crime", "corruption"]);
        assert!(cameo_entry(code("0999")).is_none());
        assert_eq!(cameo_entry(code("19")).unwrap().children().count(), 7);
    }

    #[test]
    fn bad_rows_are_errors() {
        let head = CAMEO_EVENT_COLUMNS.join("\t");
        for bad in [
            "042\t04\ttier3\t1\t1.9\t1.9\t\t\t\tMake a visit",
            "042\t05\ttier2\t1\t1.9\t1.9\t\t\t\tMake a visit",
            "042\t04\ttier2\t3\t1.9\t1.9\t\t\t\tMake a visit",
            "042\t04\ttier2\t1\t11\t1.9\t\t\t\tMake a visit",
            "042\t04\ttier2\t1\t1.9\t1.9\tVISIT\t\t\tMake a visit",
            "42\t04\ttier2\t1\t1.9\t1.9\t\t\t\tMake a visit",
        ] {
            assert!(parse(&format!("{head}\n{bad}\n")).is_err(), "{bad}");
        }
        let twice = "04\t04\troot\t1\t1\t1\t\t\t\tCONSULT";
        assert!(parse(&format!("{head}\n{twice}\n{twice}\n")).is_err());
    }
}
