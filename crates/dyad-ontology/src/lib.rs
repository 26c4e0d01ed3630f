//! dyad's code book: the vocabulary every other stage speaks.
//!
//! * [`Cameo`] — a validated CAMEO event code ("042"), with its [`Cameo::root`] ("04").
//! * [`QuadClass`] — the four-way split of CAMEO roots (verbal/material × cooperation/conflict).
//! * [`PartialDate`] with [`Precision`] and [`DateBasis`] — a date known to the day, month, year or
//!   decade, as event records carry it.
//! * The tables: [`cameo_entry`] ([`CameoEntry`]: name, level, quad class, Goldstein value, PLOVER
//!   mapping), [`plover_events`] ([`PloverEventType`]), [`role`] ([`RoleEntry`]), [`sectors`]
//!   ([`Sector`]), [`international`] ([`InternationalActor`]) and [`country`] ([`Country`], with
//!   validity dates for historical states); [`describe`] looks a code up in all of them.
//!
//! This crate does no I/O: its tables are compiled in.
//!
//! ```
//! use dyad_ontology::{Cameo, PartialDate, Precision, cameo_entry, country};
//!
//! // "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman
//! // Mao Zedong": USAGOV -> CHN, 042, dated 1972-02.
//! let visit: Cameo = "042".parse().unwrap();
//! assert_eq!(visit.root().as_str(), "04");
//! let when: PartialDate = "1972-02".parse().unwrap();
//! assert_eq!(when.precision(), Precision::Month);
//!
//! let entry = cameo_entry(visit).unwrap();
//! assert_eq!(entry.name, "Make a visit");
//! assert_eq!(entry.goldstein, 1.9);
//! assert_eq!(entry.plover.as_ref().unwrap().event.as_str(), "CONSULT");
//! assert!(country("CHN").unwrap().valid_during(&when));
//! assert!(country("SUN").unwrap().valid_during(&when), "the Soviet Union existed then");
//! assert!(!country("RUS").unwrap().valid_during(&when), "the Russian Federation did not");
//! ```
//!
//! # Design notes
//!
//! **Where the tables come from.** The tables are dyad's own TSV files in `data/ontology/`
//! (a header line, `#` comments, `|` inside a field for lists), embedded with `include_str!` and
//! parsed once, on first use, into static tables (`std::sync::LazyLock`). They are *generated*
//! by `crates/dyad-ontology-gen` from the facts in `../shared/data/reference` (CAMEO 1.1b3 codebook,
//! GDELT's Goldstein table, CAMEO2PLOVER-2021, CAMEO role codes, PLOVER sector codes, CountryInfo)
//! plus dyad's hand-written inputs `data/ontology/*.src.tsv`; only facts are carried over (codes,
//! short names, numbers, dates), never descriptions, usage notes or examples. A test in the
//! generator regenerates the files and checks they are byte-identical to the committed ones. A
//! parse error in embedded data is a bug, not input: it panics with file and line, and the tests
//! here load every table, so it cannot ship.
//!
//! **CAMEO and PLOVER.** 312 CAMEO codes (20 roots). The quad class of every code is its root's.
//! PLOVER's 16 event types come with the quad class of the PLOVER manual (draft 0.8); its
//! summary table and its SANCTION section put SANCTION in material conflict, its separate quad
//! table in verbal conflict: dyad uses material conflict, as CAMEO's root 16 does. 273 codes map
//! to PLOVER; roots 01 and 02 (statements, appeals) do not, as PLOVER drops them. Where the
//! published map lists a code twice (root 08 heads both its CONCEDE and RETREAT blocks) the later
//! line is used, and where it puts a context in the mode slot (175: `pro_autocracy`) it is read as
//! a context; `data/ontology/cameo_events.tsv` lists these decisions in its header.
//!
//! **Goldstein.** Two published tables give CAMEO codes Goldstein weights: the ICEWS/CAMEO one
//! and GDELT's. They differ for four codes (016: −5 vs −2; 022: 3.4 vs 3.2; 164: −6.5 vs −7;
//! 165: −7 vs −6.5), and GDELT lacks 1213. dyad keeps both: [`CameoEntry::goldstein`] is the
//! ICEWS value, which event records carry (it covers every code, and ICEWS is the larger body of
//! CAMEO-coded data analysts compare against); [`CameoEntry::goldstein_gdelt`] is there for users
//! who reproduce GDELT's numbers.
//!
//! **Countries.** CountryInfo's 237 rows, corrected where its codes are plainly wrong (Guatemala,
//! Guinea, Israel, Japan and Myanmar carry a neighbour's ISO codes; several COW codes are missing)
//! with each correction in `countries_fixes.src.tsv` stating the old value, so the generator stops
//! if the source changes under it. CountryInfo's names are upper case: dyad stores display names,
//! demonyms and capitals in title case ("Cote d'Ivoire") and keeps the other name forms upper case
//! as match keys. The first nationality form is taken as the demonym, except where the fixes say
//! otherwise. Lookups ([`country`]) accept a CAMEO code, an alias, an ISO alpha-3 or alpha-2
//! code, in any case; a CAMEO code wins over another entry's ISO code, and an ISO code reused over
//! time names its latest holder ("CS": Serbia and Montenegro).
//!
//! **Historical states.** Written by hand in `countries_added.src.tsv`: the Soviet Union (SUN),
//! East Germany (DDR), Czechoslovakia (CSK), Yugoslavia (YUG, one entry with two named periods:
//! the Socialist Federal Republic 1945–1992 and the Federal Republic 1992–2003, alias FRY),
//! Serbia and Montenegro (SCG, 2003–2006), North and South Vietnam (VDR, RVN), North and South
//! Yemen (YAR, YMD) and Zanzibar (ZAN); Tanganyika is the first period of Tanzania (TZA). West
//! Germany is DEU: the Federal Republic before and after 1990 is one state (ISO 3166 gave it DEU
//! throughout), and East Germany acceded to it. Successor states carry their start dates (RUS from
//! 1991-12-26, UKR from 1991-08-24, the Baltic states with their interwar period and their
//! restoration, the Yugoslav and Czechoslovak successors, Eritrea, South Sudan…). Validity is a
//! list of half-open periods `[from, to)`: `to` is the first day the state no longer existed, so
//! the Soviet Union is valid on 1991-12-25 and the Russian Federation from 1991-12-26, with no day
//! in between. An entry with no dates is valid on every date. Codes for states that never had a
//! CAMEO code are their ISO 3166-3 codes, or COW's where ISO's passed to a successor (YAR).
//!
//! **Coarse dates.** Event dates may be known only to the month, year or decade (`"196X"`).
//! [`Country::valid_during`] asks whether the state existed on *any* day of that span, so "the
//! 1990s" admits both SUN and RUS; choosing between them is the coder's business, with the text.
#![deny(missing_docs)]
// Tests may unwrap (the tests of cameo.rs and date.rs do); library code may not.
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod actors;
mod cameo;
mod country;
mod date;
mod describe;
mod events;
mod plover;
mod table;

pub use actors::{
    InternationalActor, InternationalKind, RoleClass, RoleEntry, Sector, SectorFrequency,
    international, internationals, role, roles, sector, sectors,
};
pub use cameo::{Cameo, CameoError, QuadClass};
pub use country::{COUNTRY_COLUMNS, Country, Period, countries, country};
pub use date::{DateBasis, DateError, PartialDate, Precision};
pub use describe::{
    CameoDescription, CountryDescription, Description, PloverDescription, describe,
};
pub use events::{
    CAMEO_EVENT_COLUMNS, CameoEntry, CameoLevel, PloverMapping, cameo_entries, cameo_entry,
};
pub use plover::{PloverEvent, PloverEventError, PloverEventType, plover_event, plover_events};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// Every embedded table parses: a parse error in `data/ontology` is a bug.
    #[test]
    fn every_table_loads() {
        macro_rules! check {
            ($parse:path, $file:literal) => {
                let text = include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../data/ontology/",
                    $file
                ));
                if let Err(e) = $parse(text) {
                    panic!("{e}");
                }
            };
        }
        check!(crate::events::parse, "cameo_events.tsv");
        check!(crate::plover::parse, "plover_events.tsv");
        check!(crate::actors::parse_roles, "cameo_roles.tsv");
        check!(crate::actors::parse_sectors, "plover_sectors.tsv");
        check!(crate::actors::parse_international, "international.tsv");
        check!(crate::country::parse, "countries.tsv");
        // And through the public accessors (the lazy statics).
        assert_eq!(crate::cameo_entries().len(), 312);
        assert_eq!(crate::plover_events().len(), 16);
        assert!(!crate::roles().is_empty() && !crate::sectors().is_empty());
        assert!(!crate::internationals().is_empty() && !crate::countries().is_empty());
    }
}
