//! `dyad lexicon lookup "Gromyko" --date 1975-01-01`: which entries a text matches, with the
//! codes that apply on the date.
//!
//! The text is split into words as a dictionary phrase is ([`crate::normalize::words`]) and
//! matched as the coder would: every actor name, the longest agent phrase, verbs by lemma or
//! form, discard and issue phrases, at every position. When no actor name matches the whole
//! text, actors with a name that *contains* it are listed too ([`Match::exact`] false): "Gromyko"
//! alone names no one in the Phoenix dictionaries, but "Andrey Gromyko" and "Foreign Minister
//! Gromyko" do.

use jiff::civil::Date;
use serde::Serialize;

use crate::index::{KeySeq, LexiconIndex};
use crate::model::{Attach, DiscardLevel, IssueKind, Lexicon, Origin};
use crate::normalize;

/// What kind of entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// An actor name.
    Actor,
    /// An agent phrase.
    Agent,
    /// A verb (by lemma or form).
    Verb,
    /// A discard phrase.
    Discard,
    /// An issue phrase.
    Issue,
    /// An event noun ([`crate::nouns`]).
    Noun,
}

/// One entry that matches the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The kind of entry.
    pub kind: MatchKind,
    /// Whether the entry's phrase occurs in the text (true), or the text occurs in the entry's
    /// name (false; actors only).
    pub exact: bool,
    /// The words of the text that matched (`start..end` of [`lookup`]'s words).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The entry's phrase that matched, as normalised words joined by blanks.
    pub phrase: String,
    /// The entry: an actor's primary name, a verb's lemma and block, the agent's phrase.
    pub entry: String,
    /// The codes that apply: for an actor, on the date (none: no code then); for a verb, its
    /// own or its block's; `~GOV`/`NGO~` for agents; the level of a discard; the issue code.
    pub codes: Vec<String>,
    /// A note: an actor code's period, "no code on this date", a verb's number of patterns.
    pub note: Option<String>,
    /// Where the entry is defined.
    pub origin: Origin,
}

/// Looks `text` up in a lexicon (compiling it first; with many look-ups, compile once and use
/// [`LexiconIndex::lookup`]).
pub fn lookup(lex: &Lexicon, text: &str, date: Option<Date>) -> Vec<Match> {
    LexiconIndex::new(lex.clone()).lookup(text, date)
}

fn period_note(p: &crate::model::CodePeriod) -> Option<String> {
    match (p.from, p.until) {
        (None, None) => None,
        (Some(f), None) => Some(format!("from {f}")),
        (None, Some(u)) => Some(format!("until {u}")),
        (Some(f), Some(u)) => Some(format!("from {f} until {u}")),
    }
}

impl LexiconIndex {
    /// Entries matching `text`, in text order, actors first at each position (see
    /// [`lookup`]).
    pub fn lookup(&self, text: &str, date: Option<Date>) -> Vec<Match> {
        let lex = self.lexicon();
        let words = normalize::words(text);
        let seq: KeySeq = self.keys(words.iter().map(String::as_str));
        let mut out = Vec::new();
        let tok = |k: usize| seq.token(k).map_or(0, |t| t as usize);
        let word_span = |s: usize, e: usize| (tok(s), tok(e.saturating_sub(1)) + 1);
        let mut whole_actor = false;
        for pos in 0..seq.len() {
            for m in self.actors.all_at(&seq, pos) {
                let (start, end) = word_span(m.start, m.end);
                if start == 0 && end == words.len() {
                    whole_actor = true;
                }
                for &(id, name) in m.entries {
                    let Some(a) = lex.actor(id) else { continue };
                    out.push(actor_match(a, name as usize, date, true, start, end));
                }
            }
            if let Some(m) = self.agents.longest_at(&seq, pos) {
                let (start, end) = word_span(m.start, m.end);
                for &id in m.entries {
                    let Some(a) = lex.agent(id) else { continue };
                    let code = match a.attach {
                        Attach::Suffix => format!("~{}", a.code),
                        Attach::Prefix => format!("{}~", a.code),
                    };
                    out.push(Match {
                        kind: MatchKind::Agent,
                        exact: true,
                        start,
                        end,
                        phrase: words[start..end].join(" "),
                        entry: a.names.first().map(|n| n.join(" ")).unwrap_or_default(),
                        codes: vec![code],
                        note: None,
                        origin: a.origin.clone(),
                    });
                }
            }
            let w = seq.ids()[pos];
            for v in self.verbs.candidates(w, w) {
                let Some(verb) = lex.verb(v) else { continue };
                let class = lex.verbs.classes.get(verb.class.0 as usize);
                let code = lex
                    .verbs
                    .verb_code(v)
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                let mut phrase = verb.before.clone();
                phrase.push(verb.lemma.clone());
                phrase.extend(verb.after.iter().cloned());
                let (start, end) = word_span(pos, pos + 1);
                out.push(Match {
                    kind: MatchKind::Verb,
                    exact: true,
                    start,
                    end,
                    phrase: phrase.join(" "),
                    entry: format!(
                        "{} (block {})",
                        verb.lemma,
                        class.map_or("?", |c| c.name.as_str())
                    ),
                    codes: vec![code],
                    note: Some(format!("{} patterns", self.verbs.patterns(v).len())),
                    origin: verb.origin.clone(),
                });
            }
        }
        // Event nouns: the word as a head, with the words its entry needs before it.
        let keys: Vec<Option<String>> = words.iter().map(|w| crate::nouns::noun_key(w)).collect();
        for (i, key) in keys.iter().enumerate() {
            let Some(k) = key else { continue };
            for c in self.nouns.candidates(k, k) {
                let Some(n) = lex.verbs.nouns.get(c.id.0 as usize) else {
                    continue;
                };
                let before: Vec<&String> = keys[..i].iter().flatten().collect();
                if before.len() < c.before.len()
                    || !before[before.len() - c.before.len()..]
                        .iter()
                        .zip(&c.before)
                        .all(|(a, b)| *a == b)
                {
                    continue;
                }
                // The first word of the head: back over as many keyed words as it needs.
                let mut start = i;
                let mut need = c.before.len();
                while need > 0 && start > 0 {
                    start -= 1;
                    if keys[start].is_some() {
                        need -= 1;
                    }
                }
                let mut phrase = c.before.clone();
                phrase.push(k.clone());
                out.push(Match {
                    kind: MatchKind::Noun,
                    exact: true,
                    start,
                    end: i + 1,
                    phrase: phrase.join(" "),
                    entry: n.origin.text.to_string(),
                    codes: vec![n.code.to_string()],
                    note: Some(
                        n.slots
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    origin: n.origin.clone(),
                });
            }
        }
        for m in self.discards.find_all(&seq) {
            let (start, end) = word_span(m.start, m.end);
            for &e in m.entries {
                let Some(d) = lex.discards.get(e as usize) else {
                    continue;
                };
                out.push(Match {
                    kind: MatchKind::Discard,
                    exact: true,
                    start,
                    end,
                    phrase: d.words.join(" "),
                    entry: d.words.join(" "),
                    codes: vec![match d.level {
                        DiscardLevel::Sentence => "sentence".into(),
                        DiscardLevel::Story => "story".into(),
                    }],
                    note: None,
                    origin: d.origin.clone(),
                });
            }
        }
        for m in self.issues.find_all(&seq) {
            let (start, end) = word_span(m.start, m.end);
            for &e in m.entries {
                let Some(i) = lex.issues.get(e as usize) else {
                    continue;
                };
                out.push(Match {
                    kind: MatchKind::Issue,
                    exact: true,
                    start,
                    end,
                    phrase: words[start..end].join(" "),
                    entry: i.names.first().map(|n| n.join(" ")).unwrap_or_default(),
                    codes: vec![match &i.kind {
                        IssueKind::Code(c) => c.clone(),
                        IssueKind::IgnoreSentence => "~ (ignore, sentence)".into(),
                        IssueKind::IgnoreStory => "~~ (ignore, story)".into(),
                    }],
                    note: i.category.clone(),
                    origin: i.origin.clone(),
                });
            }
        }
        if !whole_actor && !seq.is_empty() && seq.ids().iter().all(|w| *w != crate::WordId::UNKNOWN)
        {
            // Actors whose name contains the text's keys, in a row.
            let query = seq.ids();
            for a in &lex.actors {
                let hit = a.names.iter().position(|n| {
                    let ids: Vec<crate::WordId> = normalize::phrase_keys(&n.words)
                        .iter()
                        .map(|k| self.vocab().get(k).unwrap_or(crate::WordId::UNKNOWN))
                        .collect();
                    ids.len() > query.len() && ids.windows(query.len()).any(|w| w == query)
                });
                if let Some(n) = hit {
                    out.push(actor_match(a, n, date, false, 0, words.len()));
                }
                if out.iter().filter(|m| !m.exact).count() >= 100 {
                    break;
                }
            }
        }
        out
    }
}

fn actor_match(
    a: &crate::model::Actor,
    name: usize,
    date: Option<Date>,
    exact: bool,
    start: usize,
    end: usize,
) -> Match {
    let resolved = a.codes_on(date);
    let (codes, note) = match resolved.first() {
        Some(p) => (p.codes.clone(), period_note(p)),
        None if a.codes.is_empty() => (Vec::new(), Some("the entry has no code".to_owned())),
        None => (
            Vec::new(),
            Some(match date {
                Some(d) => format!("no code on {d}"),
                None => "only dated codes; give a date".to_owned(),
            }),
        ),
    };
    let n = a.names.get(name);
    Match {
        kind: MatchKind::Actor,
        exact,
        start,
        end,
        phrase: n.map(|n| n.words.join(" ")).unwrap_or_default(),
        entry: a
            .names
            .first()
            .map(|n| n.words.join(" "))
            .unwrap_or_default(),
        codes,
        note,
        origin: n.map_or_else(|| a.origin.clone(), |n| n.origin.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs};
    use jiff::civil::date;

    fn lex() -> Lexicon {
        Lexicon {
            actors: parse_petrarch_actors(
                concat!(
                    "ANDREY_GROMYKO_\n+ANDREI_GROMYKO\n+FOREIGN_MINISTER_GROMYKO\n",
                    "\t[RUSGOV 19570214-19880930]\nRUSSIA [RUS]\n"
                ),
                "a",
            )
            .value,
            agents: parse_petrarch_agents("FOREIGN_MINISTER [~GOVFRM]\n", "g").value,
            verbs: parse_petrarch_verbs(
                "--- MEET [040] ---\nMEET {MET MEETS MEETING}\n- * (WITH +) [042]\n",
                "v",
            )
            .value,
            discards: crate::read::parse_petrarch_discards("+WORLD CUP\n", "d").value,
            issues: Vec::new(),
        }
    }

    #[test]
    fn gromyko() {
        let m = lookup(&lex(), "Gromyko", Some(date(1975, 1, 1)));
        assert_eq!(m.len(), 1, "{m:#?}");
        assert!(!m[0].exact);
        assert_eq!(m[0].entry, "andrey gromyko");
        assert_eq!(m[0].codes, ["RUSGOV"]);
        assert_eq!(
            m[0].note.as_deref(),
            Some("from 1957-02-14 until 1988-09-30")
        );
        let m = lookup(&lex(), "Gromyko", Some(date(1990, 1, 1)));
        assert!(m[0].codes.is_empty());
        assert_eq!(m[0].note.as_deref(), Some("no code on 1990-01-01"));
    }

    #[test]
    fn exact_matches() {
        let m = lookup(
            &lex(),
            "Foreign Minister Gromyko met Russia's envoy at the World Cup",
            None,
        );
        let kinds: Vec<(MatchKind, usize, usize, &str)> = m
            .iter()
            .map(|m| (m.kind, m.start, m.end, m.entry.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (MatchKind::Actor, 0, 3, "andrey gromyko"),
                (MatchKind::Agent, 0, 2, "foreign minister"),
                (MatchKind::Verb, 3, 4, "meet (block MEET)"),
                (MatchKind::Actor, 4, 5, "russia"),
                (MatchKind::Discard, 9, 11, "world cup"),
            ]
        );
        assert!(m[0].codes.is_empty(), "dated codes only, no date");
        assert_eq!(m[2].codes, ["040"]);
        assert_eq!(m[4].codes, ["story"]);
    }

    #[test]
    fn nothing_for_unknown_words() {
        assert!(lookup(&lex(), "Zzyzx", None).is_empty());
        assert!(lookup(&lex(), "", None).is_empty());
    }

    #[test]
    fn event_nouns_with_their_words_before() {
        use crate::model::EventCode;
        use crate::nouns::{NounEntry, NounHead, NounSlot, SlotPlace, SlotRole};
        let mut l = lex();
        for (line, head, code) in [(1, "arms deal", "062:062"), (2, "deal", "057:057")] {
            l.verbs.nouns.push(NounEntry {
                head: NounHead::Words(head.split(' ').map(str::to_owned).collect()),
                slots: vec![NounSlot {
                    role: SlotRole::Target,
                    place: SlotPlace::Prep("with".into()),
                }],
                code: EventCode {
                    active: Some(code[..3].to_owned()),
                    passive: Some(code[4..].to_owned()),
                },
                origin: Origin::new("nouns/06.txt", line, head),
            });
        }
        let m = lookup(&l, "the arms deal", None);
        let found: Vec<(MatchKind, usize, usize, &str, &str)> = m
            .iter()
            .map(|m| {
                (
                    m.kind,
                    m.start,
                    m.end,
                    m.phrase.as_str(),
                    m.codes[0].as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (MatchKind::Noun, 1, 3, "arms deal", "062:062"),
                (MatchKind::Noun, 2, 3, "deal", "057:057"),
            ]
        );
        assert_eq!(m[0].note.as_deref(), Some("with +"));
        assert!(
            lookup(&l, "deals", None).is_empty(),
            "surface forms only, no lemmas here"
        );
    }
}
