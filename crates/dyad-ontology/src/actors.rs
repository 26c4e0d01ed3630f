//! Actor codes that are not countries: CAMEO roles ([`RoleEntry`]), PLOVER sectors ([`Sector`])
//! and international actors such as IGOUNO ([`InternationalActor`]).

use std::sync::LazyLock;

use serde::Serialize;

use crate::table::{DataError, loaded, rows};

/// The kind of a CAMEO role code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleClass {
    /// A primary role: GOV, MIL, REB…
    PrimaryRole,
    /// A political party: PTY.
    Party,
    /// A secondary role: BUS, MED, LAB…
    SecondaryRole,
    /// A tertiary role: MOD, RAD.
    TertiaryRole,
    /// An international actor type: IGO, NGO, MNC…
    International,
}

impl RoleClass {
    /// The class as the tables write it ("primary_role").
    pub fn as_str(self) -> &'static str {
        match self {
            RoleClass::PrimaryRole => "primary_role",
            RoleClass::Party => "party",
            RoleClass::SecondaryRole => "secondary_role",
            RoleClass::TertiaryRole => "tertiary_role",
            RoleClass::International => "international",
        }
    }
}

/// A CAMEO actor role or type code ("GOV").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleEntry {
    /// The three-letter code.
    pub code: String,
    /// Its kind.
    pub class: RoleClass,
    /// A one- or two-word label ("Government").
    pub label: String,
}

/// How often PLOVER expects a sector to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectorFrequency {
    /// One of PLOVER's frequently used sectors.
    Frequent,
    /// One of the less frequently used sectors.
    LessFrequent,
}

/// A PLOVER sector code ("GOV") with a short label in dyad's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sector {
    /// The three-letter code.
    pub code: String,
    /// Frequent or less frequent.
    pub frequency: SectorFrequency,
    /// What the sector covers.
    pub label: String,
}

/// Whether an international code is a generic type or a named organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InternationalKind {
    /// A generic type: IGO, NGO, NGM, MNC, IMG.
    Type,
    /// A named intergovernmental organisation: IGOUNO…
    Organisation,
}

/// An international actor code that can stand where a country code would ("IGOUNO").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InternationalActor {
    /// The CAMEO-style code.
    pub code: String,
    /// Generic type or organisation.
    pub kind: InternationalKind,
    /// The actor's name.
    pub name: String,
    /// The code PLOVER's country field uses for it: UNO, EUR, IGO, NGO, ISM, IMG or MNC.
    pub plover: String,
}

const ROLES_FILE: &str = "cameo_roles.tsv";
const ROLES_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/cameo_roles.tsv"
));
const SECTORS_FILE: &str = "plover_sectors.tsv";
const SECTORS_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/plover_sectors.tsv"
));
const INTERNATIONAL_FILE: &str = "international.tsv";
const INTERNATIONAL_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ontology/international.tsv"
));

static ROLES: LazyLock<Vec<RoleEntry>> = LazyLock::new(|| loaded(parse_roles(ROLES_TEXT)));
static SECTORS: LazyLock<Vec<Sector>> = LazyLock::new(|| loaded(parse_sectors(SECTORS_TEXT)));
static INTERNATIONAL: LazyLock<Vec<InternationalActor>> =
    LazyLock::new(|| loaded(parse_international(INTERNATIONAL_TEXT)));

/// Whether `code` is `n` upper-case ASCII letters, `n` a positive multiple of 3.
fn is_code(code: &str) -> bool {
    !code.is_empty() && code.len().is_multiple_of(3) && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Fails if two entries share a code.
fn unique<T>(file: &'static str, items: &[T], code: impl Fn(&T) -> &str) -> Result<(), DataError> {
    let mut codes: Vec<&str> = items.iter().map(&code).collect();
    codes.sort_unstable();
    match codes.windows(2).find(|w| w.first() == w.get(1)) {
        Some(w) => Err(DataError::new(
            file,
            0,
            format!("code {:?} listed twice", w.first()),
        )),
        None => Ok(()),
    }
}

pub(crate) fn parse_roles(text: &str) -> Result<Vec<RoleEntry>, DataError> {
    let mut entries = Vec::new();
    for row in rows(ROLES_FILE, text, &["code", "class", "label"])? {
        let class = match row.get(1) {
            "primary_role" => RoleClass::PrimaryRole,
            "party" => RoleClass::Party,
            "secondary_role" => RoleClass::SecondaryRole,
            "tertiary_role" => RoleClass::TertiaryRole,
            "international" => RoleClass::International,
            other => return Err(row.error(format!("unknown class {other:?}"))),
        };
        if row.get(0).len() != 3 || !is_code(row.get(0)) || row.get(2).is_empty() {
            return Err(row.error("bad code or empty label"));
        }
        entries.push(RoleEntry {
            code: row.get(0).to_string(),
            class,
            label: row.get(2).to_string(),
        });
    }
    unique(ROLES_FILE, &entries, |e| &e.code)?;
    Ok(entries)
}

pub(crate) fn parse_sectors(text: &str) -> Result<Vec<Sector>, DataError> {
    let mut sectors = Vec::new();
    for row in rows(SECTORS_FILE, text, &["code", "frequency", "label"])? {
        let frequency = match row.get(1) {
            "frequent" => SectorFrequency::Frequent,
            "less_frequent" => SectorFrequency::LessFrequent,
            other => return Err(row.error(format!("unknown frequency {other:?}"))),
        };
        if row.get(0).len() != 3 || !is_code(row.get(0)) || row.get(2).is_empty() {
            return Err(row.error("bad code or empty label"));
        }
        sectors.push(Sector {
            code: row.get(0).to_string(),
            frequency,
            label: row.get(2).to_string(),
        });
    }
    unique(SECTORS_FILE, &sectors, |s| &s.code)?;
    Ok(sectors)
}

pub(crate) fn parse_international(text: &str) -> Result<Vec<InternationalActor>, DataError> {
    let mut actors = Vec::new();
    for row in rows(
        INTERNATIONAL_FILE,
        text,
        &["code", "kind", "name", "plover"],
    )? {
        let kind = match row.get(1) {
            "type" => InternationalKind::Type,
            "organisation" => InternationalKind::Organisation,
            other => return Err(row.error(format!("unknown kind {other:?}"))),
        };
        if !is_code(row.get(0)) || row.get(2).is_empty() || !is_code(row.get(3)) {
            return Err(row.error("bad code, empty name or bad PLOVER code"));
        }
        actors.push(InternationalActor {
            code: row.get(0).to_string(),
            kind,
            name: row.get(2).to_string(),
            plover: row.get(3).to_string(),
        });
    }
    unique(INTERNATIONAL_FILE, &actors, |a| &a.code)?;
    Ok(actors)
}

/// The CAMEO role or type code `code` ("GOV", any case).
pub fn role(code: &str) -> Option<&'static RoleEntry> {
    let code = code.trim();
    ROLES.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Every CAMEO role and type code, in the order of the CAMEO manual.
pub fn roles() -> &'static [RoleEntry] {
    &ROLES
}

/// The PLOVER sector `code` ("GOV", any case).
pub fn sector(code: &str) -> Option<&'static Sector> {
    let code = code.trim();
    SECTORS.iter().find(|s| s.code.eq_ignore_ascii_case(code))
}

/// PLOVER's sector codes, frequent ones first.
pub fn sectors() -> &'static [Sector] {
    &SECTORS
}

/// The international actor `code` ("IGOUNO", any case).
pub fn international(code: &str) -> Option<&'static InternationalActor> {
    let code = code.trim();
    INTERNATIONAL
        .iter()
        .find(|a| a.code.eq_ignore_ascii_case(code))
}

/// Every international actor code dyad knows: the generic types, then the organisations.
pub fn internationals() -> &'static [InternationalActor] {
    &INTERNATIONAL
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(parse_roles(ROLES_TEXT).unwrap().len(), 34);
        assert_eq!(parse_sectors(SECTORS_TEXT).unwrap().len(), 25);
        assert!(parse_international(INTERNATIONAL_TEXT).unwrap().len() >= 20);
    }

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(role("gov").unwrap().class, RoleClass::PrimaryRole);
        assert_eq!(role("IGO").unwrap().class, RoleClass::International);
        assert!(role("XYZ").is_none());
        assert_eq!(sector("Gov").unwrap().frequency, SectorFrequency::Frequent);
        assert_eq!(
            sector("PRE").unwrap().frequency,
            SectorFrequency::LessFrequent
        );
        assert!(
            sector("INS").is_none(),
            "INS is a CAMEO role, not a PLOVER sector"
        );
        let un = international("igouno").unwrap();
        assert_eq!(
            (un.name.as_str(), un.plover.as_str()),
            ("United Nations", "UNO")
        );
        assert_eq!(international("IGOEUREEC").unwrap().plover, "EUR");
    }

    #[test]
    fn generic_international_types_are_roles() {
        for a in internationals()
            .iter()
            .filter(|a| a.kind == InternationalKind::Type)
        {
            assert_eq!(
                role(&a.code).map(|r| r.class),
                Some(RoleClass::International),
                "{}",
                a.code
            );
        }
        for a in internationals()
            .iter()
            .filter(|a| a.kind == InternationalKind::Organisation)
        {
            assert!(a.code.starts_with("IGO") && a.code.len() > 3, "{}", a.code);
        }
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(parse_roles("code\tclass\tlabel\nGOV\tboss\tx\n").is_err());
        assert!(parse_roles("code\tclass\tlabel\ngov\tparty\tx\n").is_err());
        assert!(parse_roles("code\tclass\tlabel\nGOV\tparty\tx\nGOV\tparty\ty\n").is_err());
        assert!(parse_sectors("code\tfrequency\tlabel\nGOV\tsometimes\tx\n").is_err());
        assert!(parse_international("code\tkind\tname\tplover\nIGOUN\ttype\tx\tIGO\n").is_err());
    }
}
