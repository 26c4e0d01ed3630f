//! What a lexicon holds: entries by kind and the CAMEO codes its verbs and event nouns reach
//! (`dyad lexicon check DIR` prints it).

use std::collections::BTreeSet;

use crate::{EventCode, Lexicon, Origin};

/// What a lexicon holds, by kind, and how many of the ontology's CAMEO codes its verb patterns
/// and event nouns reach ("19,657 actors (…); …; CAMEO codes with a verbal entry 292/292, with
/// a nominal entry 148/292").
pub fn summary(lex: &Lexicon) -> String {
    let in_dir = |o: &Origin, dir: &str| {
        o.file.contains(&format!("{dir}/")) || o.file.contains(&format!("{dir}\\"))
    };
    let people = lex
        .actors
        .iter()
        .filter(|a| in_dir(&a.origin, "people"))
        .count();
    let names: usize = lex.actors.iter().map(|a| a.names.len()).sum();
    let dated = lex
        .actors
        .iter()
        .flat_map(|a| &a.codes)
        .filter(|p| p.from.is_some() || p.until.is_some())
        .count();
    let v = &lex.verbs;
    let codes_of = |c: &EventCode| {
        [c.active.clone(), c.passive.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
    };
    let mut verbal: BTreeSet<String> = BTreeSet::new();
    for c in &v.classes {
        verbal.extend(codes_of(&c.code));
    }
    for x in &v.verbs {
        if let Some(c) = &x.code {
            verbal.extend(codes_of(c));
        }
    }
    for p in &v.patterns {
        verbal.extend(codes_of(&p.code));
    }
    let nominal: BTreeSet<String> = v.nouns.iter().flat_map(|n| codes_of(&n.code)).collect();
    // The event codes proper (3 and 4 digits); a root ("19") is no event of its own.
    let all: Vec<String> = dyad_ontology::cameo_entries()
        .iter()
        .map(|e| e.code.to_string())
        .filter(|c| c.len() >= 3)
        .collect();
    let covered = |set: &BTreeSet<String>| all.iter().filter(|c| set.contains(*c)).count();
    let lemmas: BTreeSet<&str> = v.verbs.iter().map(|x| x.lemma.as_str()).collect();
    format!(
        "{} actors ({people} people; {names} names, {dated} dated codes); {} agents; {} verb \
         lemmas in {} entries, {} patterns, {} synsets, {} transformations; {} event nouns, \
         {} support verbs; {} discards; CAMEO codes with a verbal entry {}/{}, with a nominal \
         entry {}/{}",
        lex.actors.len(),
        lex.agents.len(),
        lemmas.len(),
        v.verbs.len(),
        v.patterns.len(),
        v.synsets.len(),
        v.transformations.len(),
        v.nouns.len(),
        v.support_verbs.len(),
        lex.discards.len(),
        covered(&verbal),
        all.len(),
        covered(&nominal),
        all.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_petrarch_actors, parse_petrarch_verbs};

    #[test]
    fn counts_entries_and_coverage() {
        let lex = Lexicon {
            actors: parse_petrarch_actors("RUSSIA [RUS]\nCHINA [CHN]\n", "actors/a.txt").value,
            verbs: parse_petrarch_verbs(
                "--- VISIT [042:043] ---\nVISIT\n- * (TO +) [042]\n",
                "verbs.txt",
            )
            .value,
            ..Lexicon::default()
        };
        let s = summary(&lex);
        assert!(
            s.starts_with("2 actors (0 people; 2 names, 0 dated codes)"),
            "{s}"
        );
        assert!(s.contains("1 verb lemmas in 1 entries, 1 patterns"), "{s}");
        // 042 and 043 of the 292 three- and four-digit codes.
        assert!(
            s.contains("CAMEO codes with a verbal entry 2/292, with a nominal entry 0/292"),
            "{s}"
        );
    }
}
