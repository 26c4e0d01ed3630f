//! [`describe`]: everything the tables know about a code, for `dyad ontology CODE`.

use std::fmt::{self, Write as _};

use jiff::civil::Date;
use serde::Serialize;

use crate::country::countries_named;
use crate::{
    Cameo, CameoEntry, CameoLevel, Country, InternationalActor, InternationalKind, PloverEventType,
    QuadClass, RoleEntry, Sector, SectorFrequency, cameo_entries, cameo_entry, country,
    international, plover_event, role, sector,
};

/// One thing a query names. Serialises as a JSON object with a `type` field ("cameo_event",
/// "plover_event", "country", "role", "sector", "international") and the entry's fields; displays
/// as a few readable lines.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Description {
    /// A CAMEO event code.
    CameoEvent(CameoDescription),
    /// A PLOVER event type.
    PloverEvent(PloverDescription),
    /// A country, dependency or historical state.
    Country(CountryDescription),
    /// A CAMEO actor role or type code.
    Role(&'static RoleEntry),
    /// A PLOVER sector code.
    Sector(&'static Sector),
    /// An international actor code.
    International(&'static InternationalActor),
}

/// A CAMEO code with the codes below it.
#[derive(Debug, Clone, Serialize)]
pub struct CameoDescription {
    /// The code's entry.
    #[serde(flatten)]
    pub entry: &'static CameoEntry,
    /// The codes under it (for a root: tier 2 and tier 3), in order.
    pub subcodes: Vec<Cameo>,
}

/// A PLOVER event type with the CAMEO codes that map to it.
#[derive(Debug, Clone, Serialize)]
pub struct PloverDescription {
    /// The type's entry.
    #[serde(flatten)]
    pub event: &'static PloverEventType,
    /// The CAMEO codes mapped to it, in order.
    pub cameo_codes: Vec<Cameo>,
}

/// A country; its text form names its predecessors and successors.
#[derive(Debug, Clone, Serialize)]
pub struct CountryDescription {
    /// The entry.
    #[serde(flatten)]
    pub country: &'static Country,
}

/// Everything known about `query`: a CAMEO event code ("042"), a PLOVER event type ("ASSAULT"), a
/// country by CAMEO, ISO alpha-3 or alpha-2 code ("PRK", "SUN", "KP"), a CAMEO role or PLOVER
/// sector ("GOV", which is both), an international code ("IGOUNO"). When no code matches, a
/// country name, demonym or name variant ("Soviet Union") is tried. Case does not matter. An
/// unknown query gives an empty list.
pub fn describe(query: &str) -> Vec<Description> {
    let query = query.trim();
    let mut found = Vec::new();
    if let Some(entry) = query.parse::<Cameo>().ok().and_then(cameo_entry) {
        let subcodes = cameo_entries()
            .iter()
            .filter(|e| e.code != entry.code && is_under(e.code, entry.code))
            .map(|e| e.code)
            .collect();
        found.push(Description::CameoEvent(CameoDescription {
            entry,
            subcodes,
        }));
    }
    if let Some(event) = plover_event(query) {
        let cameo_codes = cameo_entries()
            .iter()
            .filter(|e| e.plover.as_ref().is_some_and(|p| p.event == event.event))
            .map(|e| e.code)
            .collect();
        found.push(Description::PloverEvent(PloverDescription {
            event,
            cameo_codes,
        }));
    }
    if let Some(country) = country(query) {
        found.push(Description::Country(CountryDescription { country }));
    }
    if let Some(actor) = international(query) {
        found.push(Description::International(actor));
    }
    if let Some(role) = role(query) {
        found.push(Description::Role(role));
    }
    if let Some(sector) = sector(query) {
        found.push(Description::Sector(sector));
    }
    if found.is_empty() {
        found.extend(
            countries_named(query)
                .into_iter()
                .map(|country| Description::Country(CountryDescription { country })),
        );
    }
    found
}

/// Whether `code` lies under `ancestor` in the CAMEO hierarchy.
fn is_under(code: Cameo, ancestor: Cameo) -> bool {
    std::iter::successors(code.parent(), |c| c.parent()).any(|c| c == ancestor)
}

fn quad_name(q: QuadClass) -> &'static str {
    match q {
        QuadClass::VerbalCooperation => "verbal cooperation",
        QuadClass::MaterialCooperation => "material cooperation",
        QuadClass::VerbalConflict => "verbal conflict",
        QuadClass::MaterialConflict => "material conflict",
    }
}

/// Writes one `  label  value` line.
fn field(f: &mut fmt::Formatter<'_>, label: &str, value: impl fmt::Display) -> fmt::Result {
    write!(f, "\n  {label:<13}{value}")
}

impl fmt::Display for Description {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Description::CameoEvent(d) => d.fmt(f),
            Description::PloverEvent(d) => d.fmt(f),
            Description::Country(d) => d.fmt(f),
            Description::Role(r) => {
                write!(f, "{}  {}", r.code, r.label)?;
                field(
                    f,
                    "kind",
                    format_args!("CAMEO actor code ({})", r.class.as_str().replace('_', " ")),
                )
            }
            Description::Sector(s) => {
                write!(f, "{}  {}", s.code, s.label)?;
                let frequency = match s.frequency {
                    SectorFrequency::Frequent => "frequently used",
                    SectorFrequency::LessFrequent => "less frequently used",
                };
                field(f, "kind", format_args!("PLOVER sector ({frequency})"))
            }
            Description::International(a) => {
                write!(f, "{}  {}", a.code, a.name)?;
                let kind = match a.kind {
                    InternationalKind::Type => "international actor type",
                    InternationalKind::Organisation => "international organisation",
                };
                field(f, "kind", kind)?;
                field(f, "PLOVER", &a.plover)
            }
        }
    }
}

impl fmt::Display for CameoDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.entry;
        write!(f, "CAMEO {}  {}", e.code, e.name)?;
        match (e.level, e.root()) {
            (CameoLevel::Root, _) | (_, None) => field(f, "level", e.level.as_str())?,
            (level, Some(root)) => {
                field(
                    f,
                    "level",
                    format_args!("{} (root {} {})", level.as_str(), root.code, root.name),
                )?;
            }
        }
        field(
            f,
            "quad class",
            format_args!("{} {}", e.quad_class.number(), quad_name(e.quad_class)),
        )?;
        match e.goldstein_gdelt {
            Some(g) if g != e.goldstein => {
                field(f, "Goldstein", format_args!("{} (GDELT: {g})", e.goldstein))?;
            }
            Some(_) => field(f, "Goldstein", e.goldstein)?,
            None => field(
                f,
                "Goldstein",
                format_args!("{} (not in GDELT's table)", e.goldstein),
            )?,
        }
        match &e.plover {
            None => field(f, "PLOVER", "none (PLOVER drops this category)")?,
            Some(p) => {
                let mut s = p.event.to_string();
                if let Some(mode) = &p.mode {
                    let _ = write!(s, ", mode {mode}");
                }
                if !p.context.is_empty() {
                    let _ = write!(s, ", context {}", p.context.join(", "));
                }
                field(f, "PLOVER", s)?;
            }
        }
        for (i, code) in self.subcodes.iter().enumerate() {
            let name = cameo_entry(*code).map_or("", |c| c.name.as_str());
            let indent = if code.as_str().len() == 4 && e.code.is_root() {
                "  "
            } else {
                ""
            };
            field(
                f,
                if i == 0 { "codes" } else { "" },
                format_args!("{indent}{code:<5} {name}"),
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for PloverDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.event;
        write!(f, "PLOVER {}  {}", t.event, t.label)?;
        field(
            f,
            "quad class",
            format_args!("{} {}", t.quad_class.number(), quad_name(t.quad_class)),
        )?;
        let codes: Vec<&str> = self.cameo_codes.iter().map(|c| c.as_str()).collect();
        for (i, chunk) in codes.chunks(12).enumerate() {
            let label = if i == 0 { "CAMEO codes" } else { "" };
            field(f, label, chunk.join(" "))?;
        }
        if codes.is_empty() {
            field(f, "CAMEO codes", "none")?;
        }
        Ok(())
    }
}

/// "RUS Russian Federation, UKR Ukraine".
fn named_codes(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| match country(c) {
            Some(other) => format!("{c} {}", other.name),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn day_before(date: Date) -> String {
    date.yesterday()
        .map_or_else(|_| date.to_string(), |d| d.to_string())
}

impl fmt::Display for CountryDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.country;
        write!(f, "{}  {}", c.code(), c.name)?;
        if c.is_historical() {
            f.write_str(" (historical)")?;
        }
        let mut codes = Vec::new();
        if let Some(cameo) = &c.cameo {
            codes.push(format!("CAMEO {cameo}"));
        }
        let iso: Vec<String> = [
            c.iso3.clone(),
            c.iso2.clone(),
            c.iso_numeric.map(|n| format!("{n:03}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !iso.is_empty() {
            codes.push(format!("ISO {}", iso.join(" / ")));
        }
        let cow: Vec<String> = [c.cow_alpha.clone(), c.cow_numeric.map(|n| n.to_string())]
            .into_iter()
            .flatten()
            .collect();
        if !cow.is_empty() {
            codes.push(format!("COW {}", cow.join(" ")));
        }
        if !c.aliases.is_empty() {
            codes.push(format!("also {}", c.aliases.join(", ")));
        }
        field(f, "codes", codes.join(" · "))?;
        if let Some(capital) = &c.capital {
            field(f, "capital", capital)?;
        }
        if !c.demonyms.is_empty() {
            field(f, "demonyms", c.demonyms.join(", "))?;
        }
        if c.periods.is_empty() {
            field(f, "valid", "always (no dates recorded)")?;
        }
        for (i, p) in c.periods.iter().enumerate() {
            let mut s = match (p.from, p.to) {
                (Some(from), Some(to)) => format!("{from} to {}", day_before(to)),
                (Some(from), None) => format!("from {from}"),
                (None, Some(to)) => format!("until {}", day_before(to)),
                (None, None) => "always".to_string(),
            };
            if let Some(name) = &p.name {
                let _ = write!(s, " ({name})");
            }
            field(f, if i == 0 { "valid" } else { "" }, s)?;
        }
        if !c.predecessors.is_empty() {
            field(f, "predecessors", named_codes(&c.predecessors))?;
        }
        if !c.successors.is_empty() {
            field(f, "successors", named_codes(&c.successors))?;
        }
        if !c.variants.is_empty() {
            let shown: Vec<&str> = c.variants.iter().take(10).map(String::as_str).collect();
            let more = c.variants.len().saturating_sub(shown.len());
            let tail = if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            };
            field(f, "other names", format_args!("{}{tail}", shown.join("; ")))?;
        }
        if let Some(note) = &c.note {
            field(f, "note", note)?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn kinds(query: &str) -> Vec<String> {
        describe(query)
            .iter()
            .map(|d| {
                serde_json::to_value(d).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn finds_each_kind() {
        assert_eq!(kinds("042"), ["cameo_event"]);
        assert_eq!(kinds("ASSAULT"), ["plover_event"]);
        assert_eq!(kinds("assault"), ["plover_event"]);
        assert_eq!(kinds("PRK"), ["country"]);
        assert_eq!(kinds("SUN"), ["country"]);
        assert_eq!(kinds("GOV"), ["role", "sector"]);
        assert_eq!(kinds("JRN"), ["sector"]);
        assert_eq!(kinds("IGOUNO"), ["international"]);
        assert_eq!(kinds("IGO"), ["international", "role"]);
        assert_eq!(kinds("Soviet Union"), ["country"]);
        assert!(describe("nothing such").is_empty());
        assert!(describe("").is_empty());
        assert!(describe("42").is_empty());
        assert!(describe("0999").is_empty());
    }

    #[test]
    fn cameo_text_and_json() {
        let d = describe("042").remove(0);
        let text = d.to_string();
        assert!(text.starts_with("CAMEO 042  Make a visit\n"), "{text}");
        assert!(text.contains("root 04 CONSULT"), "{text}");
        assert!(text.contains("1 verbal cooperation"), "{text}");
        assert!(text.contains("CONSULT, mode visit"), "{text}");
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["code"], "042");
        assert_eq!(json["quad_class"], 1);
        assert_eq!(json["level"], "tier2");
        assert_eq!(json["plover"]["event"], "CONSULT");
        assert_eq!(json["plover"]["mode"], "visit");

        let fight = describe("19").remove(0).to_string();
        assert!(fight.contains("190"), "{fight}");
        assert!(fight.contains("material conflict"), "{fight}");
        let deny = describe("016").remove(0).to_string();
        assert!(deny.contains("-5 (GDELT: -2)"), "{deny}");
        let statement = describe("01").remove(0).to_string();
        assert!(statement.contains("PLOVER drops"), "{statement}");
    }

    #[test]
    fn plover_lists_its_cameo_codes() {
        let d = describe("ASSAULT").remove(0);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["quad_class"], 4);
        let codes: Vec<&str> = json["cameo_codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert!(codes.contains(&"18") && codes.contains(&"1712") && codes.contains(&"2042"));
        assert!(!codes.contains(&"042"));
        assert!(d.to_string().starts_with("PLOVER ASSAULT  "));
    }

    #[test]
    fn country_text_and_json() {
        let sun = describe("sun").remove(0);
        let text = sun.to_string();
        assert!(text.starts_with("SUN  Soviet Union (historical)"), "{text}");
        assert!(text.contains("1922-12-30 to 1991-12-25"), "{text}");
        assert!(text.contains("RUS Russian Federation"), "{text}");
        let json = serde_json::to_value(&sun).unwrap();
        assert_eq!(json["valid_from"], "1922-12-30");
        assert_eq!(json["valid_to"], "1991-12-26");
        assert_eq!(json["iso2"], "SU");

        let prk = describe("PRK").remove(0).to_string();
        assert!(
            prk.contains("Pyongyang") && prk.contains("always (no dates recorded)"),
            "{prk}"
        );
        let json = serde_json::to_value(describe("PRK").remove(0)).unwrap();
        assert_eq!(json["valid_from"], serde_json::Value::Null);
        let yug = describe("YUG").remove(0).to_string();
        assert!(yug.contains("(Federal Republic of Yugoslavia)"), "{yug}");
    }

    #[test]
    fn actor_codes_text() {
        let d = describe("GOV");
        assert!(d[0].to_string().contains("CAMEO actor code (primary role)"));
        assert!(d[1].to_string().contains("PLOVER sector (frequently used)"));
        let un = describe("IGOUNO").remove(0).to_string();
        assert!(
            un.starts_with("IGOUNO  United Nations") && un.contains("UNO"),
            "{un}"
        );
    }

    proptest::proptest! {
        /// Any query is answered without panicking, and every answer prints and serialises.
        #[test]
        fn any_query_is_safe(query in "\\PC{0,12}") {
            for d in describe(&query) {
                proptest::prop_assert!(!d.to_string().is_empty());
                proptest::prop_assert!(serde_json::to_string(&d).is_ok());
            }
        }

        /// Codes of the tables are found in any case and with surrounding spaces.
        #[test]
        fn case_and_space_do_not_matter(i in 0usize..240, lower in proptest::bool::ANY) {
            let countries = crate::countries();
            let c = &countries[i % countries.len()];
            let code = if lower { c.code().to_lowercase() } else { c.code().to_string() };
            let found = country(&format!(" {code} ")).unwrap();
            proptest::prop_assert_eq!(found.code(), c.code());
        }
    }
}
