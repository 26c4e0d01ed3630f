//! Noun files (`lexicon/nouns/`): event nouns with their argument slots, one per line, and
//! support verbs.
//!
//! ```text
//! invasion      : $'s, $adj, by $, of +, into +    -> 192
//! visit         : $'s, $adj, of $, by $, to +      -> 042:043
//! &SANCTIONS    : $'s, $adj, by $, against +, on +  -> 163
//! talks         : $'s, $adj, with +, between %, %adj -> 040:040
//! arms deal     : $'s, $adj, with +, between %     -> 057:057
//! assassination : +'s, of +, by $                   -> 186
//! support launch | carry | conduct | stage | mount | hold | impose
//! ```
//!
//! An entry is `HEAD : SLOT, SLOT, … -> CODE`.
//!
//! * **Head**: the noun, written as a lemma ("invasion" matches "invasions" too) or as a
//!   surface form ("talks" matches only the plural), optionally with the words that must come
//!   right before it ("arms deal", "air strike"; hyphens are transparent: "air-strike",
//!   "cease-fire"); or `&NAME`, any member of a synset of the verb files.
//! * **Slots** say where the sides are found, in any order: `$` the source, `+` the target,
//!   `%` both (every ordered pair of the actors found: "talks between A and B", "US-China
//!   talks"); each followed by `'s` (the possessor: "Russia's invasion") or `adj` (a modifier
//!   before the noun naming an actor: "the Russian invasion", "US sanctions"), or preceded by
//!   a preposition (`of +`, `by $`, `between %`: a prepositional phrase of the noun).
//! * **Code**: as in the verb files: `192`, `040:040` (source → target and target → source),
//!   `:173` (only target → source), `---` (recognised, no event: a more specific head such as
//!   "peace talks" can stop a general one).
//!
//! A line `support VERB | VERB …` names verbs whose subject is the source of an event noun
//! that is their direct object and has no source of its own ("Iraq launched an attack on
//! Kuwait").
//!
//! Synsets come from the verb files (read first); noun files do not define them.

use dyad_lexicon::{
    Diagnostic, NounEntry, NounHead, NounSlot, Origin, Read, SlotPlace, SlotRole, SupportVerb,
    VerbLexicon, normalize,
};

use crate::syntax::{Ctx, content_lines};
use crate::verbs::{PREPOSITIONS, event_code};

/// What the noun files add to a verb dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NounFiles {
    /// The entries, in file order.
    pub nouns: Vec<NounEntry>,
    /// The support verbs.
    pub support_verbs: Vec<SupportVerb>,
}

fn slot(text: &str) -> Result<NounSlot, String> {
    let t = text.trim();
    let role_of = |c: char| match c {
        '$' => Some(SlotRole::Source),
        '+' => Some(SlotRole::Target),
        '%' => Some(SlotRole::Both),
        _ => None,
    };
    let mut chars = t.chars();
    if let Some(role) = chars.next().and_then(role_of) {
        let rest = chars.as_str().trim();
        let place = match rest {
            "'s" | "\u{2019}s" => SlotPlace::Possessor,
            "adj" => SlotPlace::Modifier,
            _ => {
                return Err(format!(
                    "slot `{t}`: after `{}` comes `'s` or `adj`",
                    &t[..1]
                ));
            }
        };
        return Ok(NounSlot { role, place });
    }
    let mut words = t.split_whitespace();
    let (Some(prep), Some(side), None) = (words.next(), words.next(), words.next()) else {
        return Err(format!(
            "slot `{t}`: a slot is `$'s`, `$adj` or `PREPOSITION $` (with $, + or %)"
        ));
    };
    let prep = prep.to_lowercase();
    if !PREPOSITIONS.contains(&prep.as_str()) {
        return Err(format!("slot `{t}`: `{prep}` is not a known preposition"));
    }
    let mut sc = side.chars();
    let role = match (sc.next().and_then(role_of), sc.next()) {
        (Some(r), None) => r,
        _ => return Err(format!("slot `{t}`: the side is `$`, `+` or `%`")),
    };
    Ok(NounSlot {
        role,
        place: SlotPlace::Prep(prep),
    })
}

/// Parses the noun files of a lexicon, using the synsets of `verbs` (already read). `files`
/// are (name, text); unusable lines are diagnostics with the file and line and are skipped.
pub fn parse_nouns(files: &[(&str, &str)], verbs: &VerbLexicon) -> Read<NounFiles> {
    let mut out = NounFiles::default();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for (name, text) in files {
        let mut ctx = Ctx::new(name);
        for line in content_lines(text) {
            if !line.text.contains("->") {
                match line.text.strip_prefix("support ") {
                    Some(rest) => {
                        let origin = ctx.origin(&line);
                        for v in rest.split('|') {
                            let v = v.trim();
                            if v.is_empty() || v.contains(char::is_whitespace) {
                                ctx.error(
                                    line.number,
                                    format!("support verb `{v}`: one lemma per member; skipped"),
                                );
                                continue;
                            }
                            let lemma = normalize::fold(v);
                            out.support_verbs.push(SupportVerb {
                                forms: crate::morph::forms(&lemma),
                                lemma,
                                origin: origin.clone(),
                            });
                        }
                    }
                    None => ctx.error(
                        line.number,
                        "an entry is `HEAD : SLOTS -> CODE` (or `support VERB | VERB`); no `->`; skipped",
                    ),
                }
                continue;
            }
            match entry(line.text, verbs, ctx.origin(&line)) {
                Ok(e) => out.nouns.push(e),
                Err(e) => ctx.error(line.number, format!("{e}; skipped")),
            }
        }
        diagnostics.extend(ctx.diagnostics);
    }
    Read {
        value: out,
        diagnostics,
    }
}

fn entry(text: &str, verbs: &VerbLexicon, origin: Origin) -> Result<NounEntry, String> {
    let Some((lhs, code)) = text.rsplit_once("->") else {
        return Err("no `->`".into());
    };
    let code = event_code(code)?;
    let (head, slots) = match lhs.split_once(':') {
        Some((h, s)) => (h.trim(), s.trim()),
        None => (lhs.trim(), ""),
    };
    if head.is_empty() {
        return Err("no head noun before `:`".into());
    }
    let head = if let Some(name) = head.strip_prefix('&') {
        match verbs.synset_named(name) {
            Some(id) => NounHead::Synset(id),
            None => return Err(format!("unknown synset `&{name}`")),
        }
    } else {
        if head.contains(['$', '+', '%', '&', '(', ')', '{', '}', '"']) {
            return Err(format!("head `{head}`: plain words only"));
        }
        let w = normalize::words(head);
        if w.iter().all(|x| x.trim_matches('-').is_empty()) {
            return Err(format!("head `{head}` has no word"));
        }
        NounHead::Words(w)
    };
    let mut parsed = Vec::new();
    for s in slots.split(',').filter(|s| !s.trim().is_empty()) {
        let s = slot(s)?;
        if parsed.contains(&s) {
            return Err(format!("slot `{s}` given twice"));
        }
        parsed.push(s);
    }
    Ok(NounEntry {
        head,
        slots: parsed,
        code,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::{Synset, SynsetMember, Term};

    fn verbs() -> VerbLexicon {
        let mut v = VerbLexicon::default();
        v.synsets.push(Synset {
            name: "SANCTIONS".into(),
            members: vec![SynsetMember {
                terms: vec![Term::Word("sanctions".into())],
                plural: false,
                origin: Origin::new("v", 1, ""),
            }],
            origin: Origin::new("v", 1, ""),
        });
        v
    }

    #[test]
    fn reads_entries_slots_and_support_verbs() {
        let text = "# comment\n\
            invasion : $'s, $adj, by $, of +   -> 192   # Russia's invasion of Ukraine\n\
            talks: %adj, between %, with +, $'s -> 040:040\n\
            arms deal : $'s, with + -> 057\n\
            &SANCTIONS : against +, $adj -> 163\n\
            appearance : before $ -> :173\n\
            peace talks -> ---\n\
            support launch | carry | conduct\n";
        let r = parse_nouns(&[("nouns/19_fight.txt", text)], &verbs());
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let n = &r.value.nouns;
        assert_eq!(n.len(), 6);
        assert_eq!(n[0].head, NounHead::Words(vec!["invasion".into()]));
        let slots: Vec<String> = n[0].slots.iter().map(ToString::to_string).collect();
        assert_eq!(slots, ["$'s", "$adj", "by $", "of +"]);
        assert_eq!(n[0].code.to_string(), "192");
        assert_eq!(
            (n[0].origin.file.as_ref(), n[0].origin.line),
            ("nouns/19_fight.txt", 2)
        );
        assert_eq!(n[1].slots[0].role, SlotRole::Both);
        assert_eq!(n[1].slots[0].place, SlotPlace::Modifier);
        assert_eq!(n[1].code.passive.as_deref(), Some("040"));
        assert_eq!(
            n[2].head,
            NounHead::Words(vec!["arms".into(), "deal".into()])
        );
        assert!(matches!(n[3].head, NounHead::Synset(_)));
        assert_eq!(n[4].code.to_string(), ":173");
        assert!(n[5].code.is_null() && n[5].slots.is_empty());
        let sv: Vec<&str> = r
            .value
            .support_verbs
            .iter()
            .map(|s| s.lemma.as_str())
            .collect();
        assert_eq!(sv, ["launch", "carry", "conduct"]);
        assert!(
            r.value.support_verbs[1]
                .forms
                .contains(&"carried".to_owned())
        );
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let text = "invasion : $'s -> 1922x\n\
            visit : to # -> 042\n\
            visit : toward $, to + , to + -> 042\n\
            visit : into the +  -> 042\n\
            visit : $poss -> 042\n\
            &NOPE : $'s -> 163\n\
            : $'s -> 042\n\
            just words\n\
            support carry out\n\
            \u{0}\u{fffd} -> -> ->\n\
            visit : $'s, to + -> 042\n";
        let r = parse_nouns(&[("n.txt", text)], &verbs());
        assert_eq!(r.value.nouns.len(), 1, "only the last line is good");
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert!(r.diagnostics.iter().all(|d| &*d.file == "n.txt"));
    }
}
