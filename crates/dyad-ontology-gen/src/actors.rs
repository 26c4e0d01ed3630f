//! `cameo_roles.tsv`, `plover_sectors.tsv` and `international.tsv`.

use std::collections::BTreeSet;

use crate::tsv::{Comments, Table, TsvWriter};
use crate::{GenError, Inputs, generated_note};

const ROLES: &str = "cameo_actor_role_codes.tsv";
const SECTORS: &str = "plover_sector_codes.tsv";
const SECTOR_LABELS: &str = "plover_sectors.src.tsv";
const INTERNATIONAL: &str = "international.src.tsv";

/// Role classes of `cameo_actor_role_codes.tsv`.
const ROLE_CLASSES: &[&str] = &[
    "primary_role",
    "party",
    "secondary_role",
    "tertiary_role",
    "international",
];
/// Frequency classes of `plover_sector_codes.tsv`, as written there and as dyad writes them.
const FREQUENCIES: &[(&str, &str)] =
    &[("frequent", "frequent"), ("less_frequent", "less_frequent")];
/// Kinds of international actor code.
const INTERNATIONAL_KINDS: &[&str] = &["type", "organisation"];
/// Codes PLOVER's country field uses for non-state international actors.
const PLOVER_INTERNATIONAL: &[&str] = &["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

/// Builds the three actor tables.
pub(crate) fn generate(inputs: &Inputs<'_>) -> Result<(String, String, String), GenError> {
    let roles = Table::parse(ROLES, &inputs.reference(ROLES)?, Comments::None)?;
    let sectors = Table::parse(SECTORS, &inputs.reference(SECTORS)?, Comments::None)?;
    let labels = Table::parse(
        SECTOR_LABELS,
        &inputs.source(SECTOR_LABELS)?,
        Comments::Allowed,
    )?;
    let international = Table::parse(
        INTERNATIONAL,
        &inputs.source(INTERNATIONAL)?,
        Comments::Allowed,
    )?;
    Ok((
        roles_file(&roles)?,
        sectors_file(&sectors, &labels)?,
        international_file(&international, &roles)?,
    ))
}

/// Whether `s` is a three-letter upper-case code.
fn is_code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn roles_file(table: &Table) -> Result<String, GenError> {
    table.expect_header(&["code", "class", "label"])?;
    let comments = [
        generated_note("CAMEO actor role and type codes"),
        format!("Source: {ROLES} (codes from the CAMEO manual 1.1b3, chapter 3; one-word labels)."),
    ];
    let mut out = TsvWriter::new("cameo_roles.tsv", &comments, &["code", "class", "label"]);
    let mut seen = BTreeSet::new();
    for row in table.rows() {
        let (code, class, label) = (row.get(0), row.get(1), row.get(2));
        if !is_code3(code) || !seen.insert(code.to_string()) {
            return Err(GenError::input(
                table.file(),
                row.line,
                format!("bad or repeated code {code:?}"),
            ));
        }
        if !ROLE_CLASSES.contains(&class) {
            return Err(GenError::input(
                table.file(),
                row.line,
                format!("unknown class {class:?}"),
            ));
        }
        if label.is_empty() {
            return Err(GenError::input(table.file(), row.line, "no label"));
        }
        out.row(&[code, class, label])?;
    }
    Ok(out.finish())
}

fn sectors_file(codes: &Table, labels: &Table) -> Result<String, GenError> {
    codes.expect_header(&["code", "frequency_class", "description"])?;
    labels.expect_header(&["code", "label"])?;
    let comments = [
        generated_note("PLOVER sector codes"),
        format!(
            "Codes and frequency classes: {SECTORS} (PLOVER manual, CC BY-SA 4.0, Open Event Data\n\
             Alliance). Labels: {SECTOR_LABELS}, in dyad's own words; PLOVER's definitions are not copied."
        ),
    ];
    let mut out = TsvWriter::new(
        "plover_sectors.tsv",
        &comments,
        &["code", "frequency", "label"],
    );
    let mut seen = BTreeSet::new();
    for row in codes.rows() {
        let code = row.get(0);
        if !is_code3(code) || !seen.insert(code.to_string()) {
            return Err(GenError::input(
                codes.file(),
                row.line,
                format!("bad or repeated code {code:?}"),
            ));
        }
        let frequency = FREQUENCIES
            .iter()
            .find(|(raw, _)| *raw == row.get(1))
            .map(|(_, ours)| *ours)
            .ok_or_else(|| GenError::input(codes.file(), row.line, "unknown frequency class"))?;
        let mut matching = labels.rows().iter().filter(|l| l.get(0) == code);
        let label = match (matching.next(), matching.next()) {
            (Some(l), None) if !l.get(1).is_empty() => l.get(1),
            _ => {
                return Err(GenError::check(
                    labels.file(),
                    format!("{code} needs exactly one label"),
                ));
            }
        };
        out.row(&[code, frequency, label])?;
    }
    if let Some(extra) = labels.rows().iter().find(|l| !seen.contains(l.get(0))) {
        return Err(GenError::input(
            labels.file(),
            extra.line,
            "not a PLOVER sector code",
        ));
    }
    Ok(out.finish())
}

fn international_file(table: &Table, roles: &Table) -> Result<String, GenError> {
    let international_roles: BTreeSet<&str> = roles
        .rows()
        .iter()
        .filter(|r| r.get(1) == "international")
        .map(|r| r.get(0))
        .collect();
    let header = ["code", "kind", "name", "plover"];
    table.expect_header(&header)?;
    let comments = [
        generated_note("international actor codes (IGO, NGO, MNC, IMG and some IGOs)"),
        format!("Source: {INTERNATIONAL}, dyad's own list; see the notes there."),
    ];
    let mut out = TsvWriter::new("international.tsv", &comments, &header);
    let mut seen = BTreeSet::new();
    for row in table.rows() {
        let (code, kind, name, plover) = (row.get(0), row.get(1), row.get(2), row.get(3));
        let shape_ok =
            code.len() >= 3 && code.len() % 3 == 0 && code.bytes().all(|b| b.is_ascii_uppercase());
        if !shape_ok || !seen.insert(code.to_string()) {
            return Err(GenError::input(
                table.file(),
                row.line,
                format!("bad or repeated code {code:?}"),
            ));
        }
        if !INTERNATIONAL_KINDS.contains(&kind) {
            return Err(GenError::input(
                table.file(),
                row.line,
                format!("unknown kind {kind:?}"),
            ));
        }
        if kind == "organisation" && !code.starts_with("IGO") {
            return Err(GenError::input(
                table.file(),
                row.line,
                "an organisation's code starts with IGO",
            ));
        }
        if kind == "type" && !international_roles.contains(code) {
            return Err(GenError::input(
                table.file(),
                row.line,
                format!("{code} is not an international role in {ROLES}"),
            ));
        }
        if name.is_empty() || !PLOVER_INTERNATIONAL.contains(&plover) {
            return Err(GenError::input(
                table.file(),
                row.line,
                "no name, or unknown PLOVER code",
            ));
        }
        out.row(&[code, kind, name, plover])?;
    }
    Ok(out.finish())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn table(file: &str, text: &str) -> Table {
        Table::parse(file, text, Comments::Allowed).unwrap()
    }

    #[test]
    fn sectors_need_one_label_each() {
        let codes = table(
            "c",
            "code\tfrequency_class\tdescription\nGOV\tfrequent\tlong text\n",
        );
        let good = table("l", "code\tlabel\nGOV\tthe government\n");
        let out = sectors_file(&codes, &good).unwrap();
        assert!(
            out.ends_with("code\tfrequency\tlabel\nGOV\tfrequent\tthe government\n"),
            "{out}"
        );
        assert!(!out.contains("long text"));
        assert!(sectors_file(&codes, &table("l", "code\tlabel\n")).is_err());
        assert!(sectors_file(&codes, &table("l", "code\tlabel\nGOV\ta\nGOV\tb\n")).is_err());
        assert!(sectors_file(&codes, &table("l", "code\tlabel\nGOV\ta\nXYZ\tb\n")).is_err());
    }

    #[test]
    fn roles_are_checked() {
        let ok = table("r", "code\tclass\tlabel\nGOV\tprimary_role\tGovernment\n");
        assert!(roles_file(&ok).is_ok());
        for bad in [
            "Gov\tprimary_role\tx",
            "GOV\tboss\tx",
            "GOV\tprimary_role\t",
        ] {
            let t = table("r", &format!("code\tclass\tlabel\n{bad}\n"));
            assert!(roles_file(&t).is_err(), "{bad}");
        }
    }

    #[test]
    fn international_codes_are_checked() {
        let head = "code\tkind\tname\tplover\n";
        let roles = table(
            "r",
            "code\tclass\tlabel\nIGO\tinternational\tx\nGOV\tprimary_role\tx\n",
        );
        let check = |row: &str| international_file(&table("i", &format!("{head}{row}\n")), &roles);
        assert!(check("IGOUNO\torganisation\tUN\tUNO").is_ok());
        assert!(check("IGO\ttype\tIGO\tIGO").is_ok());
        assert!(
            check("GOV\ttype\tgovernment\tIGO").is_err(),
            "not an international role"
        );
        for bad in [
            "IGOUN\torganisation\tUN\tUNO",
            "XYZUNO\torganisation\tUN\tUNO",
            "IGOUNO\tclub\tUN\tUNO",
            "IGOUNO\torganisation\tUN\tXXX",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }
}
