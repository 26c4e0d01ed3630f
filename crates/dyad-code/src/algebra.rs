//! The code algebra: how nested verbs, negation and transformations combine CAMEO codes.
//!
//! CAMEO codes are mapped into PETRARCH2's internal coding ontology (PICO): a number whose
//! top hex digit is a "speech act" (1 say, 2 appeal, 3 intend, 4 demand, 5 protest, 6
//! threaten, 7 disapprove, 8 posture, 9 coerce, A investigate, B consult), whose lower digits
//! carry what the act is about (material cooperation, aid, yield, assault…), and where a
//! negative value means rejection. The numbers are the facts of PETRARCH2's table; the rules
//! below are dyad's reading of its `combine_code`:
//!
//! * **Nesting** ("A pledged to provide aid", "A wants to buy"): `combine(upper, lower)` is the
//!   lower code if it is negative-free and at least the upper, or if both are speech acts;
//!   otherwise their sum ("intend" 0x3000 + "provide aid" 0x0040 = 0x3040 = 033). A negative
//!   lower code adds the upper.
//! * **Negation** ("did not provide support"): the code minus 0xFFFF ("060" → "121", "080" →
//!   "124", "010" → "011").
//! * A result that is no CAMEO code has no code: the caller decides (dyad keeps the lower
//!   event; PETRARCH2 drops it).
//!
//! Codes the table does not know (the validation dictionaries' WEIS codes such as "075A" or
//! "902") take no part in arithmetic: nesting keeps the lower code, negation has no result.

use std::collections::HashMap;
use std::sync::LazyLock;

/// PICO numbers of CAMEO codes, in table order (PETRARCH2's `convert_code`, also the file
/// `PETR.Internal.Coding.Ontology.txt`). Where two codes share a number, the first listed is
/// the one a number converts back to.
const NEG: i32 = -0xFFFF;
const TABLE: &[(&str, i32)] = &[
    ("010", 0x1000),
    ("011", 0x1000 + NEG),
    ("012", 0x100C),
    ("013", 0x1001),
    ("014", 0x1002),
    ("015", 0x10a0),
    ("016", 0x10a0 + NEG),
    ("017", 0x1003),
    ("018", 0x1004),
    ("019", 0x1005),
    ("020", 0x2000),
    ("021", 0x2070),
    ("0211", 0x2075),
    ("0212", 0x2076),
    ("0213", 0x2078),
    ("0214", 0x207A),
    ("022", 0x2080),
    ("023", 0x2040),
    ("0231", 0x2045),
    ("0232", 0x2046),
    ("0233", 0x2047),
    ("0234", 0x2049),
    ("024", 0x2060),
    ("0241", 0x2061),
    ("0242", 0x2062),
    ("0243", 0x2063),
    ("0244", 0x2064),
    ("025", 0x2200),
    ("0251", 0x220B),
    ("0252", 0x220C),
    ("0253", 0x220D),
    ("0254", 0x2205),
    ("0255", 0x220E),
    ("0256", 0x220F),
    ("026", 0x2010),
    ("027", 0x2020),
    ("028", 0x2030),
    ("030", 0x3000),
    ("031", 0x3070),
    ("0311", 0x3075),
    ("0312", 0x3076),
    ("0313", 0x3078),
    ("0314", 0x307A),
    ("032", 0x3080),
    ("033", 0x3040),
    ("0331", 0x3045),
    ("0332", 0x3046),
    ("0333", 0x3047),
    ("0334", 0x3049),
    ("034", 0x3060),
    ("0341", 0x3061),
    ("0342", 0x3062),
    ("0343", 0x3063),
    ("0344", 0x3064),
    ("035", 0x3200),
    ("0351", 0x320B),
    ("0352", 0x320C),
    ("0353", 0x320D),
    ("0354", 0x3205),
    ("0355", 0x320E),
    ("0356", 0x320F),
    ("036", 0x3010),
    ("037", 0x3020),
    ("038", 0x3230),
    ("039", 0x3030),
    ("040", 0xB000),
    ("041", 0xB001),
    ("042", 0xB002),
    ("043", 0xB003),
    ("044", 0xB010),
    ("045", 0xB030),
    ("046", 0xB010),
    ("050", 0x0080),
    ("051", 0x0081),
    ("052", 0x0082),
    ("053", 0x0083),
    ("054", 0x0084),
    ("055", 0x0085),
    ("056", 0x0086),
    ("057", 0x0087),
    ("060", 0x0070),
    ("061", 0x0075),
    ("062", 0x0076),
    ("063", 0x0078),
    ("064", 0x007A),
    ("070", 0x0040),
    ("071", 0x0045),
    ("072", 0x0046),
    ("073", 0x0047),
    ("074", 0x0049),
    ("075", 0x004E),
    ("080", 0x0200),
    ("081", 0x020B),
    ("0811", 0x0203),
    ("0812", 0x0201),
    ("0813", 0x0204),
    ("0814", 0x0206),
    ("082", 0x020C),
    ("083", 0x0260),
    ("0831", 0x0261),
    ("0832", 0x0262),
    ("0833", 0x0263),
    ("0834", 0x0264),
    ("084", 0x0250),
    ("0841", 0x020C),
    ("0842", 0x020C),
    ("085", 0x0205),
    ("086", 0x020E),
    ("0861", 0x0209),
    ("0862", 0x020A),
    ("0863", 0x0207),
    ("087", 0x02C0),
    ("0871", 0x02C9),
    ("0872", 0x02C1),
    ("0873", 0x02C6),
    ("0874", 0x02C2),
    ("090", 0xA000),
    ("091", 0xA001),
    ("092", 0xA002),
    ("093", 0xA003),
    ("094", 0xA004),
    ("100", 0x4000),
    ("101", 0x4070),
    ("1011", 0x4075),
    ("1012", 0x4076),
    ("1013", 0x4078),
    ("1014", 0x407A),
    ("102", 0x4080),
    ("103", 0x4040),
    ("1031", 0x4045),
    ("1032", 0x4046),
    ("1033", 0x4047),
    ("1034", 0x4049),
    ("104", 0x4060),
    ("1041", 0x4061),
    ("1042", 0x4062),
    ("1043", 0x4063),
    ("1044", 0x4064),
    ("105", 0x4200),
    ("1051", 0x420B),
    ("1052", 0x420C),
    ("1053", 0x420D),
    ("1054", 0x4205),
    ("1055", 0x420E),
    ("1056", 0x420F),
    ("106", 0x4010),
    ("107", 0x4020),
    ("108", 0x4030),
    ("110", 0x7000),
    ("111", 0x7001),
    ("112", 0x70a0),
    ("1121", 0x70a1),
    ("1122", 0x70a2),
    ("1123", 0x70a3),
    ("1124", 0x70a4),
    ("1125", 0x70a5),
    ("113", 0x7002),
    ("114", 0x7003),
    ("115", 0x7008),
    ("116", 0x7005),
    ("120", NEG),
    ("121", NEG + 0x0070),
    ("1211", NEG + 0x0075),
    ("1212", NEG + 0x0076),
    ("122", NEG + 0x2040 + 0x300),
    ("1221", NEG + 0x2045 + 0x300),
    ("1222", NEG + 0x2046 + 0x300),
    ("1223", NEG + 0x2047 + 0x300),
    ("1224", NEG + 0x2049 + 0x300),
    ("123", NEG + 0x2060 + 0x300),
    ("1231", NEG + 0x2061 + 0x300),
    ("1232", NEG + 0x2062 + 0x300),
    ("1233", NEG + 0x2063 + 0x300),
    ("1234", NEG + 0x2064 + 0x300),
    ("124", NEG + 0x0200),
    ("1241", NEG + 0x020B),
    ("1242", NEG + 0x020C),
    ("1243", NEG + 0x020D),
    ("1244", NEG + 0x0205),
    ("1245", NEG + 0x020E),
    ("1246", NEG + 0x02C0),
    ("125", NEG + 0x0010),
    ("126", NEG + 0x0030),
    ("127", NEG + 0x0020),
    ("128", NEG + 0x0002),
    ("129", NEG + 0x0001),
    ("130", 0x6000),
    ("131", 0x6100),
    ("1311", 0x6140),
    ("1312", 0x6105),
    ("1313", 0x6180),
    ("132", 0x600B),
    ("1321", 0x6003),
    ("1322", 0x6001),
    ("1323", 0x6004),
    ("1324", 0x6006),
    ("133", 0x600C),
    ("134", 0x6010),
    ("135", 0x6030),
    ("136", 0x600E),
    ("137", 0x6004),
    ("138", 0x60A0),
    ("1381", 0x60A1),
    ("1382", 0x60A2),
    ("1383", 0x60A3),
    ("1384", 0x60A4),
    ("1385", 0x60B0),
    ("139", 0x6005),
    ("140", 0x5000),
    ("145", 0x50A0),
    ("150", 0x8000),
    ("151", 0x8001),
    ("152", 0x8002),
    ("153", 0x8003),
    ("154", 0x8004),
    ("160", 0x0100),
    ("161", 0x0180),
    ("162", 0x0140),
    ("1621", 0x0145),
    ("1622", 0x0146),
    ("1623", 0x0147),
    ("163", 0x000B),
    ("164", 0x0110),
    ("165", 0x0130),
    ("166", 0x0150),
    ("1661", 0x0159),
    ("1662", 0x015A),
    ("1663", 0x015E),
    ("170", 0x9000),
    ("171", 0x9010),
    ("1711", 0x9011),
    ("1712", 0x9012),
    ("172", 0x900B),
    ("1721", 0x9003),
    ("1722", 0x9001),
    ("1723", 0x9004),
    ("1724", 0x9006),
    ("173", 0x9020),
    ("174", 0x9030),
    ("175", 0x9040),
    ("180", 0x0090),
    ("181", 0x0091),
    ("182", 0x0092),
    ("1821", 0x0093),
    ("1822", 0x0094),
    ("1823", 0x0095),
    ("1824", 0x0096),
    ("183", 0x0097),
    ("1831", 0x0098),
    ("1832", 0x0099),
    ("1833", 0x009A),
    ("1834", 0x009B),
    ("184", 0x009C),
    ("185", 0x009D),
    ("186", 0x009E),
    ("190", 0x00A0),
    ("191", 0x00A1),
    ("192", 0x00A2),
    ("193", 0x00A3),
    ("194", 0x00A4),
    ("195", 0x00A5),
    ("1951", 0x00A6),
    ("1952", 0x00A7),
    ("196", 0x00A8),
    ("200", 0x00B0),
];

/// Extra reverse entries: PICO numbers that arise from combination and have a CAMEO reading
/// of their own ("want to attack": intend + fight = 138).
const EXTRA_REVERSE: &[(i32, &str)] = &[(0x30A0, "138")];

struct Tables {
    forward: HashMap<&'static str, i32>,
    reverse: HashMap<i32, &'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut forward = HashMap::with_capacity(TABLE.len());
    let mut reverse = HashMap::with_capacity(TABLE.len());
    for &(code, n) in TABLE {
        forward.insert(code, n);
        reverse.entry(n).or_insert(code);
    }
    for &(n, code) in EXTRA_REVERSE {
        reverse.entry(n).or_insert(code);
    }
    Tables { forward, reverse }
});

/// The PICO number of a CAMEO code. A CAMEO code the table lacks (141 to 144, 176, 201 to
/// 203, 1213) is read as its root's ("141" as "140"); a code that is no CAMEO code of the
/// ontology (the validation dictionaries' WEIS codes such as "095" or "1717") has none.
pub fn pico(code: &str) -> Option<i32> {
    let t = &*TABLES;
    if let Some(&n) = t.forward.get(code) {
        return Some(n);
    }
    let cameo: dyad_ontology::Cameo = code.parse().ok()?;
    dyad_ontology::cameo_entry(cameo)?;
    let root = format!("{}0", cameo.root().as_str());
    t.forward.get(root.as_str()).copied()
}

/// The CAMEO code of a PICO number, if it has one.
pub fn cameo_of(n: i32) -> Option<&'static str> {
    TABLES.reverse.get(&n).copied()
}

/// Whether a PICO number is a speech act (say, appeal, intend, demand, …): its top digit is
/// set.
pub fn is_speech_act(n: i32) -> bool {
    n >= 0x1000
}

/// PETRARCH2's `combine_code`: the number of `upper` governing `lower`.
pub fn combine(upper: i32, lower: i32) -> i32 {
    if lower < 0 {
        return lower + upper;
    }
    if upper >= 0x1000 && lower >= 0x1000 {
        return lower;
    }
    if lower >= upper {
        return lower;
    }
    upper + lower
}

/// The code of `upper` governing `lower`, when both are in the table and the result is a
/// CAMEO code. `None` otherwise.
pub fn combine_codes(upper: &str, lower: &str) -> Option<&'static str> {
    cameo_of(combine(pico(upper)?, pico(lower)?))
}

/// The negation of a code ("060" → "121"), if it has one.
pub fn negate(code: &str) -> Option<&'static str> {
    cameo_of(pico(code)? + NEG)
}

/// The announced form of an act ("will provide aid", "would impose a curfew"): CAMEO's
/// "express intent to …" code (03x) for cooperative acts and its "threaten to …" code (13x)
/// for hostile ones, following CAMEO's own pairing of the two families (070 provide aid ↔ 033
/// intend to provide aid, 1723 impose curfew ↔ 1323 threaten to impose curfew, 163 embargo
/// ↔ 1312 threaten a boycott or embargo). Codes that are already intentions or threats,
/// speech acts (say, appeal, consult, demand, disapprove, reject, protest, investigate) and
/// force postures (15x) have no announced form: `None`. An announced meeting ("will visit")
/// stays a meeting, as the PETRARCH gold codes it.
pub fn intention(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    let exact = |table: &[(&str, &'static str)], fallback: &'static str| {
        table
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(fallback, |&(_, i)| i)
    };
    Some(match root {
        "05" => "032",
        "06" => exact(
            &[
                ("061", "0311"),
                ("062", "0312"),
                ("063", "0313"),
                ("064", "0314"),
            ],
            "031",
        ),
        "07" => exact(
            &[
                ("071", "0331"),
                ("072", "0332"),
                ("073", "0333"),
                ("074", "0334"),
            ],
            "033",
        ),
        "08" => exact(
            &[
                ("081", "0351"),
                ("0811", "0353"),
                ("0812", "0353"),
                ("0813", "0352"),
                ("0814", "0352"),
                ("082", "0352"),
                ("083", "034"),
                ("0831", "0341"),
                ("0832", "0342"),
                ("0833", "0343"),
                ("0834", "0344"),
                ("084", "0353"),
                ("0841", "0353"),
                ("0842", "0353"),
                ("085", "0354"),
                ("086", "0355"),
                ("0861", "0355"),
                ("0862", "0355"),
                ("0863", "0355"),
                ("087", "0356"),
                ("0871", "0356"),
                ("0872", "0356"),
                ("0873", "0356"),
                ("0874", "0356"),
            ],
            "035",
        ),
        "14" => "133",
        "16" => exact(
            &[
                ("161", "1313"),
                ("162", "1311"),
                ("1621", "1311"),
                ("1622", "1311"),
                ("1623", "1311"),
                ("163", "1312"),
                ("164", "134"),
                ("165", "135"),
                ("166", "136"),
                ("1661", "136"),
                ("1662", "136"),
                ("1663", "136"),
            ],
            "131",
        ),
        "17" => exact(
            &[
                ("172", "132"),
                ("1721", "1321"),
                ("1722", "1322"),
                ("1723", "1323"),
                ("1724", "1324"),
            ],
            "137",
        ),
        "18" => "1383",
        "19" => exact(
            &[
                ("191", "1381"),
                ("192", "1382"),
                ("193", "1384"),
                ("194", "1384"),
                ("195", "1385"),
                ("1951", "1385"),
                ("1952", "1385"),
            ],
            "138",
        ),
        "20" => exact(
            &[("204", "1385"), ("2041", "1385"), ("2042", "1385")],
            "138",
        ),
        _ => return None,
    })
}

/// Whether the event code `event` falls under the verb code `verb` in PICO's lattice (equal,
/// or equal once its lowest one, two or three hex digits are cleared): "191" falls under
/// "190" (fight), any 01x under "010" (say).
pub fn falls_under(event: i32, verb: i32) -> bool {
    event == verb
        || event - event % 0x10 == verb
        || event - event % 0x100 == verb
        || event - event % 0x1000 == verb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for &(code, n) in TABLE {
            assert_eq!(pico(code), Some(n));
            assert!(cameo_of(n).is_some());
        }
        assert_eq!(pico("075A"), None);
        assert_eq!(pico("902"), None);
        assert_eq!(pico("095"), None, "no CAMEO code");
        assert_eq!(pico("141"), pico("140"), "a CAMEO code read as its root");
    }

    #[test]
    fn intention_and_negation() {
        // pledge (030) + provide aid (070) = intend to provide aid (033).
        assert_eq!(combine_codes("030", "070"), Some("033"));
        // want (030) + buy/material cooperation (060) = 031.
        assert_eq!(combine_codes("030", "060"), Some("031"));
        // intend + attack = 138 ("want to attack").
        assert_eq!(combine_codes("030", "190"), Some("138"));
        // say + intend = intend.
        assert_eq!(combine_codes("010", "036"), Some("036"));
        assert_eq!(negate("060"), Some("121"));
        assert_eq!(negate("080"), Some("124"));
        assert_eq!(negate("010"), Some("011"));
        assert_eq!(negate("057"), None);
        assert_eq!(negate("075A"), None);
    }

    #[test]
    fn announced_acts() {
        assert_eq!(intention("051"), Some("032"));
        assert_eq!(intention("072"), Some("0332"));
        assert_eq!(intention("087"), Some("0356"));
        assert_eq!(intention("1723"), Some("1323"));
        assert_eq!(intention("163"), Some("1312"));
        assert_eq!(intention("190"), Some("138"));
        assert_eq!(intention("010"), None, "a speech act has no announced form");
        assert_eq!(intention("036"), None, "already an intention");
        assert_eq!(intention("150"), None);
        assert_eq!(intention(""), None);
        for &(code, _) in TABLE {
            if let Some(i) = intention(code) {
                assert!(pico(i).is_some(), "{code} announces {i}, no CAMEO code");
            }
        }
    }

    #[test]
    fn lattice() {
        let fight = pico("190").unwrap();
        assert!(falls_under(pico("193").unwrap(), fight));
        assert!(falls_under(pico("015").unwrap(), pico("010").unwrap()));
        assert!(!falls_under(pico("042").unwrap(), fight));
    }
}
