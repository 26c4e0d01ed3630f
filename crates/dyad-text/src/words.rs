//! Closed word lists the sentence splitter consults: abbreviations by how they behave before a
//! capitalised word, sentence-starting function words, speech verbs.
//!
//! Every lookup takes a word already lowercased into a small buffer (see [`Lower`]), so matching
//! is a `match` on a short byte string with no allocation.

/// How an abbreviation ending in "." behaves when the next word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name ("Gen.", "Mr.", "Lt. Col."): never ends a sentence.
    Title,
    /// Stands before a number ("No. 10", "pp. 3"): no break before a digit, otherwise a
    /// normal period.
    Number,
    /// A month ("Nov. 3"): no break before a digit, otherwise a normal period.
    Month,
    /// Joins what follows whatever it is ("vs.", "e.g.", "approx.").
    Join,
    /// "a.m." / "p.m.": no break before a weekday, month or time zone; otherwise a normal period.
    Time,
    /// Can end a sentence but usually does not ("U.S.", "Inc.", "Jr.", "St.", initials): a break
    /// only before a word that typically starts a sentence ("The", "He", "But").
    Ambiguous,
}

/// The class of a known abbreviation (lowercased, without its final period).
pub(crate) fn abbrev(word: &[u8]) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match word {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mmes" | b"mme" | b"mlle" | b"dr" | b"drs"
        | b"prof" | b"gen" | b"gens" | b"lt" | b"col" | b"maj" | b"capt" | b"cpt" | b"sgt"
        | b"cpl" | b"pvt" | b"adm" | b"cmdr" | b"cmdt" | b"brig" | b"lieut" | b"gov" | b"govs"
        | b"sen" | b"sens" | b"rep" | b"reps" | b"rev" | b"hon" | b"pres" | b"amb" | b"atty"
        | b"supt" | b"insp" | b"det" | b"msgr" | b"mt" | b"ft" | b"sheikh" | b"lt.col"
        | b"lt.gen" | b"maj.gen" => Title,
        b"no" | b"nos" | b"art" | b"arts" | b"vol" | b"vols" | b"p" | b"pp" | b"fig" | b"figs"
        | b"sec" | b"ch" | b"para" | b"op" | b"nr" | b"tel" | b"ed" => Number,
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => Month,
        b"vs" | b"v" | b"e.g" | b"i.e" | b"cf" | b"viz" | b"approx" | b"incl" | b"esp" | b"ca" => {
            Join
        }
        b"a.m" | b"p.m" => Time,
        b"inc" | b"corp" | b"co" | b"ltd" | b"llc" | b"plc" | b"bros" | b"jr" | b"sr" | b"esq"
        | b"st" | b"ste" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ" | b"assn" | b"al"
        | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur" | b"thurs" | b"fri" | b"sat"
        | b"sun" => Ambiguous,
        _ => return None,
    })
}

/// Whether a capitalised word (lowercased) usually starts a sentence rather than continuing a
/// name or title: determiners, pronouns, conjunctions, prepositions, sentence adverbs.
pub(crate) fn is_starter(word: &[u8]) -> bool {
    matches!(
        word,
        b"the"
            | b"a"
            | b"an"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"it"
            | b"its"
            | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"his"
            | b"her"
            | b"their"
            | b"our"
            | b"my"
            | b"your"
            | b"there"
            | b"here"
            | b"but"
            | b"and"
            | b"or"
            | b"so"
            | b"yet"
            | b"if"
            | b"when"
            | b"while"
            | b"after"
            | b"before"
            | b"as"
            | b"at"
            | b"in"
            | b"on"
            | b"for"
            | b"from"
            | b"with"
            | b"without"
            | b"by"
            | b"to"
            | b"of"
            | b"since"
            | b"although"
            | b"though"
            | b"because"
            | b"however"
            | b"meanwhile"
            | b"also"
            | b"still"
            | b"then"
            | b"now"
            | b"earlier"
            | b"later"
            | b"last"
            | b"next"
            | b"both"
            | b"some"
            | b"many"
            | b"most"
            | b"all"
            | b"no"
            | b"not"
            | b"one"
            | b"several"
            | b"such"
            | b"what"
            | b"who"
            | b"why"
            | b"how"
            | b"where"
            | b"which"
            | b"despite"
            | b"under"
            | b"over"
            | b"according"
            | b"during"
            | b"among"
            | b"until"
            | b"unless"
            | b"instead"
            | b"indeed"
            | b"officials"
            | b"analysts"
            | b"critics"
            | b"asked"
            | b"thus"
            | b"moreover"
            | b"furthermore"
            | b"nevertheless"
            | b"nonetheless"
    )
}

/// Whether a word (lowercased) is a weekday, month or time-zone word that follows "a.m."/"p.m."
/// inside a sentence ("10 a.m. Tuesday", "9 p.m. EST").
pub(crate) fn follows_time(word: &[u8]) -> bool {
    matches!(
        word,
        b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"mon"
            | b"tue"
            | b"wed"
            | b"thu"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"today"
            | b"tomorrow"
            | b"yesterday"
            | b"local"
            | b"et"
            | b"est"
            | b"edt"
            | b"ct"
            | b"cst"
            | b"cdt"
            | b"mt"
            | b"mst"
            | b"mdt"
            | b"pt"
            | b"pst"
            | b"pdt"
            | b"gmt"
            | b"utc"
            | b"bst"
            | b"cet"
            | b"cest"
            | b"eet"
            | b"eest"
            | b"msk"
            | b"ist"
            | b"jst"
            | b"kst"
            | b"eastern"
            | b"central"
            | b"mountain"
            | b"pacific"
            | b"moscow"
            | b"beijing"
            | b"tokyo"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Whether a word (lowercased) is a verb of saying, as in `"Why?" Trump asked.`
pub(crate) fn is_speech_verb(word: &[u8]) -> bool {
    matches!(
        word,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"added"
            | b"adds"
            | b"told"
            | b"tells"
            | b"wrote"
            | b"writes"
            | b"tweeted"
            | b"posted"
            | b"shouted"
            | b"cried"
            | b"replied"
            | b"responded"
            | b"insisted"
            | b"continued"
            | b"declared"
            | b"exclaimed"
            | b"warned"
            | b"demanded"
            | b"wondered"
            | b"quipped"
            | b"joked"
            | b"recalled"
    )
}

/// Whether a line-final word (lowercased) cannot end a headline: a hard-wrapped line that stops
/// on it is mid-sentence.
pub(crate) fn is_continuation(word: &[u8]) -> bool {
    matches!(
        word,
        b"the"
            | b"a"
            | b"an"
            | b"to"
            | b"of"
            | b"and"
            | b"or"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"that"
            | b"as"
            | b"is"
            | b"was"
            | b"were"
            | b"are"
            | b"be"
            | b"been"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"said"
            | b"says"
            | b"who"
            | b"which"
            | b"but"
            | b"its"
            | b"their"
            | b"his"
            | b"her"
            | b"than"
            | b"into"
            | b"over"
            | b"after"
            | b"before"
            | b"not"
    )
}

/// A word lowercased into a fixed buffer; words longer than the buffer are not looked up.
pub(crate) struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    /// The ASCII-lowercased word, or `None` if it is too long or not ASCII.
    pub(crate) fn new(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > 16 || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        Some(Lower {
            buf,
            len: bytes.len(),
        })
    }

    /// The lowercased bytes.
    pub(crate) fn get(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_insensitive_through_lower() {
        let w = Lower::new("Gen").unwrap();
        assert_eq!(abbrev(w.get()), Some(Abbrev::Title));
        assert_eq!(abbrev(Lower::new("U.S").unwrap().get()), None);
        assert!(is_starter(Lower::new("The").unwrap().get()));
        assert!(!is_starter(Lower::new("President").unwrap().get()));
        assert!(Lower::new("averyveryverylongword").is_none());
        assert!(Lower::new("Москва").is_none());
    }
}
