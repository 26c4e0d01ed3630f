//! The words the grammar knows, looked up once per word token (lower-cased, ASCII).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::periods;
use crate::types::Unit as U;
use crate::types::{Modifier, Unit};

/// The grammatical role of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    None,
    /// "june", "may" (full names; the grammar checks case and context).
    Month(u8),
    /// "jan", "sept": needs a following "." or a number.
    MonthAbbr(u8),
    /// "wednesday": 1 (Monday) to 7 (Sunday).
    Weekday(u8),
    /// "fridays".
    Weekdays(u8),
    Unit(Unit),
    Fortnight,
    /// "one" to "ninety", "hundred", "dozen".
    Num(u32),
    /// "first" to "thirty-first" as words.
    Ordinal(u8),
    /// spring, summer, autumn, fall, winter.
    Season(Modifier),
    /// "sixties": 60.
    DecadeWord(u16),
    /// morning, afternoon, evening, night.
    PartOfDay,
    /// noon, midday, midnight.
    Noon,
    /// dawn, dusk, daybreak, nightfall, sunrise, sunset.
    Dawn,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Overnight,
    Last,
    Next,
    This,
    Coming,
    Past,
    Previous,
    Following,
    Recent,
    Same,
    That,
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Hence,
    Now,
    On,
    In,
    At,
    Since,
    From,
    To,
    Until,
    Through,
    Between,
    And,
    During,
    By,
    Of,
    Throughout,
    Within,
    For,
    Over,
    Around,
    Circa,
    Ever,
    Early,
    Mid,
    Late,
    End,
    Start,
    Half,
    Quarter,
    /// "height" (of the Cold War).
    Height,
    /// about, some, nearly, almost, roughly, approximately.
    About,
    More,
    Less,
    Than,
    The,
    /// "a", "an".
    A,
    Every,
    Each,
    Other,
    Once,
    Twice,
    Times,
    Per,
    /// annually, yearly, monthly, weekly, daily, nightly, hourly, quarterly.
    Frequency(Unit, u8),
    Weekend,
    /// Time zone abbreviations and "local".
    Tz,
    /// "hours", "hrs" after a four-digit clock time.
    Am,
    Pm,
    Few,
    Several,
    Couple,
    Fiscal,
    /// Nouns that make a preceding bare number a count ("troops", "km").
    CountNoun,
    /// Words after which a number is an identifier ("Resolution 1441", "Flight 370").
    Label,
    /// Words that make a following weekday a name ("Ash Wednesday", "Black Monday").
    DayName,
    /// Newspaper names after a weekday ("Sunday Times").
    Paper,
    Old,
    Era,
    /// "q1".."q4".
    QuarterCode(u8),
    /// "h1", "h2".
    HalfCode(u8),
    Year,
}

/// One lexicon entry: the role, and whether a named period can start with this word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub lex: Lex,
    pub period: bool,
}

#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map = HashMap<&'static str, Entry, BuildHasherDefault<Fnv>>;

static TABLE: OnceLock<Map> = OnceLock::new();

/// Longest word the lexicon holds, in bytes; longer words are never looked up.
pub(crate) const MAX_WORD: usize = 16;

pub(crate) fn lookup(lower: &str) -> Option<Entry> {
    TABLE.get_or_init(build).get(lower).copied()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn build() -> Map {
    use Lex::*;
    let mut m: Map = HashMap::default();
    let mut put = |w: &'static str, lex: Lex| {
        m.insert(w, Entry { lex, period: false });
    };
    for (i, w) in MONTHS.iter().enumerate() {
        put(w, Month(i as u8 + 1));
    }
    for (w, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        put(w, MonthAbbr(n));
    }
    const PLURAL: [&str; 7] = [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    for (i, w) in WEEKDAYS.iter().enumerate() {
        put(w, Weekday(i as u8 + 1));
        put(PLURAL[i], Weekdays(i as u8 + 1));
    }
    for (w, u) in [
        ("minute", U::Minute),
        ("minutes", U::Minute),
        ("hour", U::Hour),
        ("hours", U::Hour),
        ("day", U::Day),
        ("days", U::Day),
        ("week", U::Week),
        ("weeks", U::Week),
        ("month", U::Month),
        ("months", U::Month),
        ("year", U::Year),
        ("years", U::Year),
        ("decade", U::Decade),
        ("decades", U::Decade),
        ("century", U::Century),
        ("centuries", U::Century),
    ] {
        put(w, Lex::Unit(u));
    }
    put("fortnight", Fortnight);
    put("fortnights", Fortnight);
    for (w, n) in [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("dozen", 12),
    ] {
        put(w, Num(n));
    }
    for (w, n) in [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ] {
        put(w, Ordinal(n));
    }
    put("spring", Season(Modifier::Spring));
    put("summer", Season(Modifier::Summer));
    put("autumn", Season(Modifier::Autumn));
    put("fall", Season(Modifier::Autumn));
    put("winter", Season(Modifier::Winter));
    for (w, n) in [
        ("twenties", 20),
        ("thirties", 30),
        ("forties", 40),
        ("fifties", 50),
        ("sixties", 60),
        ("seventies", 70),
        ("eighties", 80),
        ("nineties", 90),
    ] {
        put(w, DecadeWord(n));
    }
    for w in ["morning", "afternoon", "evening", "night"] {
        put(w, PartOfDay);
    }
    for w in ["noon", "midday", "midnight"] {
        put(w, Noon);
    }
    for w in ["dawn", "dusk", "daybreak", "nightfall", "sunrise", "sunset"] {
        put(w, Dawn);
    }
    for (w, l) in [
        ("yesterday", Yesterday),
        ("today", Today),
        ("tomorrow", Tomorrow),
        ("tonight", Tonight),
        ("overnight", Overnight),
        ("last", Last),
        ("next", Next),
        ("this", This),
        ("coming", Coming),
        ("upcoming", Coming),
        ("past", Past),
        ("previous", Previous),
        ("preceding", Previous),
        ("prior", Previous),
        ("following", Following),
        ("recent", Recent),
        ("same", Same),
        ("that", That),
        ("ago", Ago),
        ("earlier", Earlier),
        ("later", Later),
        ("before", Before),
        ("after", After),
        ("afterwards", After),
        ("hence", Hence),
        ("now", Now),
        ("on", On),
        ("in", In),
        ("at", At),
        ("since", Since),
        ("from", From),
        ("to", To),
        ("until", Until),
        ("till", Until),
        ("through", Through),
        ("thru", Through),
        ("between", Between),
        ("and", And),
        ("during", During),
        ("by", By),
        ("of", Of),
        ("throughout", Throughout),
        ("within", Within),
        ("for", For),
        ("over", Over),
        ("around", Around),
        ("circa", Circa),
        ("ever", Ever),
        ("early", Early),
        ("mid", Mid),
        ("middle", Mid),
        ("late", Late),
        ("end", End),
        ("close", End),
        ("start", Start),
        ("beginning", Start),
        ("outset", Start),
        ("outbreak", Start),
        ("half", Half),
        ("quarter", Quarter),
        ("height", Height),
        ("about", About),
        ("some", About),
        ("nearly", About),
        ("almost", About),
        ("roughly", About),
        ("approximately", About),
        ("more", More),
        ("less", Less),
        ("fewer", Less),
        ("than", Than),
        ("the", The),
        ("a", A),
        ("an", A),
        ("every", Every),
        ("each", Each),
        ("other", Other),
        ("once", Once),
        ("twice", Twice),
        ("times", Times),
        ("per", Per),
        ("weekend", Weekend),
        ("am", Am),
        ("pm", Pm),
        ("few", Few),
        ("several", Several),
        ("couple", Couple),
        ("fiscal", Fiscal),
        ("old", Old),
        ("era", Era),
        ("q1", QuarterCode(1)),
        ("q2", QuarterCode(2)),
        ("q3", QuarterCode(3)),
        ("q4", QuarterCode(4)),
        ("h1", HalfCode(1)),
        ("h2", HalfCode(2)),
        ("yr", Lex::Year),
    ] {
        put(w, l);
    }
    for (w, u, k) in [
        ("annually", U::Year, 1),
        ("annual", U::Year, 1),
        ("yearly", U::Year, 1),
        ("biennial", U::Year, 2),
        ("monthly", U::Month, 1),
        ("quarterly", U::Month, 3),
        ("weekly", U::Week, 1),
        ("daily", U::Day, 1),
        ("nightly", U::Day, 1),
        ("hourly", U::Hour, 1),
    ] {
        put(w, Frequency(u, k));
    }
    for w in [
        "gmt", "utc", "et", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "msk",
        "jst", "local",
    ] {
        put(w, Tz);
    }
    for w in [
        "troops",
        "soldiers",
        "people",
        "persons",
        "civilians",
        "refugees",
        "migrants",
        "casualties",
        "deaths",
        "dead",
        "killed",
        "wounded",
        "injured",
        "men",
        "women",
        "children",
        "members",
        "seats",
        "votes",
        "delegates",
        "workers",
        "police",
        "officers",
        "fighters",
        "militants",
        "rebels",
        "prisoners",
        "detainees",
        "hostages",
        "students",
        "protesters",
        "demonstrators",
        "tanks",
        "aircraft",
        "planes",
        "jets",
        "missiles",
        "rockets",
        "drones",
        "shells",
        "rounds",
        "bombs",
        "vehicles",
        "trucks",
        "ships",
        "boats",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "feet",
        "ft",
        "kg",
        "kilograms",
        "tons",
        "tonnes",
        "pounds",
        "barrels",
        "dollars",
        "euros",
        "yuan",
        "rubles",
        "roubles",
        "hectares",
        "acres",
        "square",
        "cases",
        "homes",
        "houses",
        "buildings",
        "villages",
        "points",
        "percent",
        "pct",
        "mw",
        "gw",
        "units",
        "jobs",
        "residents",
        "voters",
        "pilgrims",
        "athletes",
        "participants",
        "journalists",
        "staff",
        "employees",
        "personnel",
        "marines",
        "sailors",
        "guards",
        "peacekeepers",
        "inmates",
        "fans",
        "others",
    ] {
        put(w, CountNoun);
    }
    for w in [
        "resolution",
        "resolutions",
        "flight",
        "number",
        "no",
        "nos",
        "article",
        "articles",
        "room",
        "route",
        "highway",
        "chapter",
        "section",
        "page",
        "pages",
        "boeing",
        "airbus",
        "model",
        "rule",
        "unit",
        "bus",
        "hill",
        "level",
        "grade",
        "code",
        "channel",
        "road",
        "platform",
        "gate",
        "line",
        "suite",
        "box",
        "order",
        "decree",
        "tel",
        "phone",
        "fax",
        "call",
        "dial",
        "ext",
    ] {
        put(w, Label);
    }
    for w in [
        "ash", "black", "good", "super", "bloody", "easter", "holy", "cyber", "palm", "maundy",
        "shrove", "fat", "giving",
    ] {
        put(w, DayName);
    }
    for w in [
        "times",
        "telegraph",
        "express",
        "mirror",
        "post",
        "herald",
        "mail",
        "observer",
        "independent",
    ] {
        // "times" keeps its multiplicative role; the grammar checks case for papers.
        if w != "times" {
            put(w, Paper);
        }
    }
    // Named periods: mark their first words.
    for first in periods::first_words() {
        let lower: &'static str = first;
        m.entry(lower)
            .and_modify(|e| e.period = true)
            .or_insert(Entry {
                lex: Lex::None,
                period: true,
            });
    }
    m
}

/// Whether a lower-case word is a month name (full), for the tokenizer of period aliases.
#[cfg(test)]
pub(crate) fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup("june").map(|e| e.lex), Some(Lex::Month(6)));
        assert_eq!(lookup("sept").map(|e| e.lex), Some(Lex::MonthAbbr(9)));
        assert!(lookup("korean").is_some_and(|e| e.period));
        assert!(lookup("zebra").is_none());
        assert!(is_month("may"));
    }
}
