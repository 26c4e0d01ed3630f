//! How events are compared: actor codes, their country part, CAMEO roots and PLOVER types.
//!
//! Every comparison reduces an event to an [`EventKey`] (source, target, code) at some level and
//! compares keys as equal strings. The functions here are those reductions; they are applied in
//! the same way to gold and predicted events, so a reduction can only merge, never split.

use std::fmt;

use dyad_ontology::{
    Cameo, CameoLevel, InternationalActor, InternationalKind, PloverEvent, cameo_entries,
    cameo_entry, country, internationals, role,
};
use serde::Serialize;

/// An event reduced for comparison: actor codes (or their country parts) and a code (a full
/// CAMEO code, a CAMEO root or a PLOVER type). `None` is an absent actor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EventKey {
    /// The source, reduced.
    pub source: Option<String>,
    /// The target, reduced.
    pub target: Option<String>,
    /// The event code, reduced.
    pub code: String,
}

impl fmt::Display for EventKey {
    /// `ARN -> GON 064`, with `-` for an absent actor.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let actor = |a: &Option<String>| a.clone().unwrap_or_else(|| "-".to_owned());
        write!(
            f,
            "{} -> {} {}",
            actor(&self.source),
            actor(&self.target),
            self.code
        )
    }
}

/// An actor code as compared at full detail: trimmed and in upper case; `None` if blank.
///
/// A code that was written in double quotes, or that holds white space, is a *literal* (the
/// PETRARCH unit tests code some actors as quoted text, `"INJURY TOLL"`): its inner text,
/// upper case with runs of white space made one space, is put back in double quotes, so
/// `"injury  toll"`, `INJURY TOLL` and `"INJURY TOLL"` all become `"INJURY TOLL"`.
pub fn normalize_actor(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let quoted = trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"');
    let inner = if quoted {
        trimmed.get(1..trimmed.len() - 1).unwrap_or("").trim()
    } else {
        trimmed
    };
    if inner.is_empty() {
        return None;
    }
    if quoted || inner.chars().any(char::is_whitespace) {
        let words: Vec<String> = inner.split_whitespace().map(|w| w.to_uppercase()).collect();
        return Some(format!("\"{}\"", words.join(" ")));
    }
    Some(inner.to_uppercase())
}

/// Whether a normalised actor code is a literal (see [`normalize_actor`]).
fn is_literal(code: &str) -> bool {
    code.starts_with('"')
}

/// The longest named organisation of the ontology whose code begins `code` (IGOUNOMIL ->
/// IGOUNO; IGOUNODEVWBK -> the World Bank, not the UN).
fn organisation(code: &str) -> Option<&'static InternationalActor> {
    internationals()
        .iter()
        .filter(|a| a.kind == InternationalKind::Organisation && code.starts_with(a.code.as_str()))
        .max_by_key(|a| a.code.len())
}

/// The generic international type (IGO, NGO, NGM, MNC, IMG) `code` begins with.
fn international_type(code: &str) -> Option<&'static InternationalActor> {
    internationals()
        .iter()
        .find(|a| a.kind == InternationalKind::Type && code.starts_with(a.code.as_str()))
}

/// The state part of a code that is neither a literal nor international: a six-letter entry
/// of the country table if the code begins with one (DNKGRL, Greenland), else the first three
/// characters; either way written as the table's code for that entry when it has one (so an
/// ISO code such as GRL and the CAMEO code DNKGRL agree). Codes the table does not know (the
/// unit tests' fictional ARN, GON…, or `---`) stay as they are.
fn state_part(code: &str) -> String {
    let known = |c: &str| {
        country(c)
            .map(|entry| entry.code())
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
    };
    if let Some(six) = code.get(..6)
        && let Some(entry) = known(six)
    {
        return entry;
    }
    let three = code.get(..3).unwrap_or(code);
    known(three).unwrap_or_else(|| three.to_owned())
}

/// The country part of an actor code, as `country_root_f1` compares it; `None` if blank.
///
/// * a literal (`"INJURY TOLL"`) is its own country;
/// * an international code is the longest named organisation it begins with (IGOUNOMIL ->
///   IGOUNO, IGOEUREEC stays IGOEUREEC); otherwise, if it begins with a generic type (IGO, NGO,
///   NGM, MNC, IMG), that type and the next three letters (IGOAFR…, NGOARN…), or the type alone
///   if there are none or they are a CAMEO role code (NGMOPP -> NGM);
/// * anything else is a state: see the state rule below — RUSGOV, RUSMIL and RUS are all RUS,
///   `---GOV` is `---` (CAMEO's unknown country), the unit tests' ARNGOV is ARN.
///
/// State rule: a six-letter entry of the ontology's country table that the code begins with
/// (DNKGRL), else the first three characters, written as the table's code for that entry
/// when the table knows it (GRL -> DNKGRL), else as they are.
pub fn actor_country(raw: &str) -> Option<String> {
    let code = normalize_actor(raw)?;
    if is_literal(&code) {
        return Some(code);
    }
    if let Some(org) = organisation(&code) {
        return Some(org.code.clone());
    }
    if let Some(kind) = international_type(&code) {
        let next = code.get(3..6).filter(|next| role(next).is_none());
        return Some(match next {
            Some(next) => format!("{}{next}", kind.code),
            None => kind.code.clone(),
        });
    }
    Some(state_part(&code))
}

/// The actor as PLOVER's country field writes it; `None` if blank.
///
/// International codes become the coarse actor types of the PLOVER GSR (PLOVER 0.5b1), which
/// codes every intergovernmental organisation as `IGO` (the UN, its Security Council and
/// peacekeepers, the EC/EU, NATO, the OSCE, the IAEA, the Arab League …): every organisation and
/// IGO… code -> IGO, NGM… -> ISM, NGO… -> NGO, IMG… -> IMG. (The ontology's finer PLOVER 0.8
/// codes, UNO for the UN and EUR for the EU, have no counterpart in that gold.) Literals stay
/// literals; a state is its state part as in [`actor_country`], with the gold's legacy country
/// codes read as ISO ([`LEGACY_COUNTRY_CODES`]). PLOVER gold codes (USA, IGO, ISM) go through
/// the same function and come out unchanged.
///
/// A code of no known country (`---`, `---GOV`: PETRARCH's and CAMEO's unknown actor) is
/// absent, as PLOVER writes an actor it cannot name (`-`): the field compared is the country.
pub fn plover_actor(raw: &str) -> Option<String> {
    let code = normalize_actor(raw)?;
    if is_literal(&code) {
        return Some(code);
    }
    if code.starts_with("---") {
        return None;
    }
    let coarse = |plover: &str| match plover {
        "NGO" | "ISM" | "IMG" => plover.to_owned(),
        _ => "IGO".to_owned(),
    };
    if let Some(org) = organisation(&code) {
        return Some(coarse(&org.plover));
    }
    if let Some(kind) = international_type(&code) {
        return Some(coarse(&kind.plover));
    }
    let state = state_part(&code);
    Some(
        LEGACY_COUNTRY_CODES
            .iter()
            .find(|(old, _)| *old == state)
            .map_or(state, |(_, iso)| (*iso).to_owned()),
    )
}

/// Country codes of the PLOVER GSR gold that are not ISO alpha-3, with the ISO code they stand
/// for (the records' texts name Japan, Italy and Vietnam).
pub const LEGACY_COUNTRY_CODES: [(&str, &str); 3] =
    [("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM")];

/// A CAMEO code as compared: trimmed, upper case (the unit tests have codes such as 174K).
pub fn normalize_code(raw: &str) -> String {
    raw.trim().to_uppercase()
}

/// The CAMEO root of a code: its first two characters ("042" -> "04", "1711" -> "17"), or the
/// whole code if shorter.
pub fn cameo_root(raw: &str) -> String {
    let code = normalize_code(raw);
    match code.char_indices().nth(2) {
        Some((end, _)) => code.get(..end).unwrap_or(&code).to_owned(),
        None => code,
    }
}

/// The PLOVER type named `name`: one of PLOVER's 16 current types (any case), or an earlier
/// PLOVER type named after a CAMEO root (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT in the PLOVER
/// GSR's PLOVER 0.5b1), taken as the type the ontology maps that root to (REQUEST, ACCUSE,
/// ACCUSE, ASSAULT). `None` for anything else.
pub fn plover_type_by_name(name: &str) -> Option<PloverEvent> {
    let name = name.trim();
    if let Ok(event) = name.parse::<PloverEvent>() {
        return Some(event);
    }
    cameo_entries()
        .iter()
        .find(|e| e.level == CameoLevel::Root && e.name.eq_ignore_ascii_case(name))
        .and_then(|e| e.plover.as_ref())
        .map(|m| m.event)
}

/// The PLOVER type of a predicted code: a CAMEO code through the ontology's CAMEO -> PLOVER map,
/// else a PLOVER type name as [`plover_type_by_name`] reads it. `None` if the code is unknown or
/// is one PLOVER drops (roots 01 and 02, statements and appeals).
pub fn plover_type_of_code(raw: &str) -> Option<PloverEvent> {
    match raw.trim().parse::<Cameo>() {
        Ok(code) => cameo_entry(code)
            .and_then(|e| e.plover.as_ref())
            .map(|m| m.event),
        Err(_) => plover_type_by_name(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_normalise_and_literals_keep_their_text() {
        assert_eq!(normalize_actor(" usagov "), Some("USAGOV".into()));
        assert_eq!(normalize_actor("   "), None);
        assert_eq!(normalize_actor("\"\""), None);
        for literal in ["\"INJURY TOLL\"", "injury  toll", "\" Injury toll \""] {
            assert_eq!(
                normalize_actor(literal),
                Some("\"INJURY TOLL\"".into()),
                "{literal}"
            );
        }
        assert_eq!(
            actor_country("\"THE MINISTRY OF MAGIC\""),
            Some("\"THE MINISTRY OF MAGIC\"".into())
        );
    }

    #[test]
    fn country_part_of_states() {
        let c = |s: &str| actor_country(s).unwrap();
        assert_eq!(c("RUSGOV"), c("RUS"));
        assert_eq!(c("RUSMIL"), "RUS");
        assert_eq!(c("USAGOVELI"), "USA");
        assert_eq!(c("ARNGOV"), "ARN", "fictional codes keep their prefix");
        assert_eq!(c("GONGMOOPP"), "GON");
        assert_eq!(c("---GOV"), "---");
        assert_eq!(
            plover_actor("---"),
            None,
            "PLOVER's unknown actor is absent"
        );
        assert_eq!(plover_actor("---GOV"), None);
        assert_eq!(c("###"), "###");
        assert_eq!(c("PSEGZACVL"), c("PSE"), "Gaza is part of Palestine");
        // A dependency with its own entry: its ISO code and its CAMEO code agree.
        assert_eq!(c("GRL"), c("DNKGRL"));
        assert_ne!(c("DNKGRL"), c("DNK"));
        assert_eq!(actor_country(""), None);
    }

    #[test]
    fn country_part_of_international_codes() {
        let c = |s: &str| actor_country(s).unwrap();
        assert_eq!(c("IGOUNOMIL"), "IGOUNO");
        assert_eq!(c("IGOUNO"), "IGOUNO");
        assert_eq!(c("IGOEUREEC"), "IGOEUREEC");
        assert_ne!(
            c("IGOUNODEVWBK"),
            "IGOUNO",
            "the World Bank is its own organisation"
        );
        assert_eq!(c("IGOAFR"), "IGOAFR");
        assert_eq!(c("NGOARNGOV"), "NGOARN");
        assert_eq!(c("IMGMOSALQ"), "IMGMOS");
        assert_eq!(c("IGO"), "IGO");
        assert_eq!(c("NGOX"), "NGO");
        assert_eq!(
            c("NGMOPP"),
            "NGM",
            "a role after the type is not an organisation"
        );
        assert_eq!(c("IGOGOV"), "IGO");
    }

    #[test]
    fn plover_actors() {
        let p = |s: &str| plover_actor(s).unwrap();
        assert_eq!(p("IGOUNO"), "IGO");
        assert_eq!(p("IGOUNOMIL"), "IGO");
        assert_eq!(p("IGOEUREEC"), "IGO");
        assert_eq!(p("IGO"), "IGO");
        assert_eq!(p("JAP"), "JPN");
        assert_eq!(p("JPNGOV"), "JPN");
        assert_eq!(p("IGOWSTNAT"), "IGO");
        assert_eq!(p("IGOAFRXYZ"), "IGO");
        assert_eq!(p("NGMMUS"), "ISM");
        for gold in ["USA", "IGO", "NGO", "IMG", "ISM", "PSE"] {
            assert_eq!(p(gold), gold, "PLOVER gold codes are fixed points");
        }
        assert_eq!(p("USAGOV"), "USA");
    }

    #[test]
    fn roots() {
        assert_eq!(cameo_root("042"), "04");
        assert_eq!(cameo_root(" 1711 "), "17");
        assert_eq!(cameo_root("174k"), "17");
        assert_eq!(cameo_root("4"), "4");
        assert_eq!(cameo_root("ééé"), "ÉÉ");
        assert_eq!(cameo_root(""), "");
    }

    #[test]
    fn plover_types() {
        assert_eq!(plover_type_by_name("consult"), Some(PloverEvent::Consult));
        assert_eq!(plover_type_by_name("DEMAND"), Some(PloverEvent::Request));
        assert_eq!(plover_type_by_name("DISAPPROVE"), Some(PloverEvent::Accuse));
        assert_eq!(
            plover_type_by_name("INVESTIGATE"),
            Some(PloverEvent::Accuse)
        );
        assert_eq!(plover_type_by_name("FIGHT"), Some(PloverEvent::Assault));
        assert_eq!(plover_type_by_name("APPEAL"), None, "PLOVER drops appeals");
        assert_eq!(plover_type_by_name("DANCE"), None);
        assert_eq!(plover_type_of_code("042"), Some(PloverEvent::Consult));
        assert_eq!(plover_type_of_code("1031"), Some(PloverEvent::Request));
        assert_eq!(plover_type_of_code("190"), Some(PloverEvent::Assault));
        assert_eq!(plover_type_of_code("010"), None);
        assert_eq!(plover_type_of_code("0999"), None);
        assert_eq!(plover_type_of_code("174K"), None);
        assert_eq!(plover_type_of_code("AGREE"), Some(PloverEvent::Agree));
    }
}
