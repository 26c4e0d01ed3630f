//! Clauses from the dependency tree: who is the subject of a verb (its own, or the one it
//! shares through coordination, control or a relative clause), whether it is passive or
//! negated, and which tokens belong to its clause.
//!
//! * **Subject.** The verb's `nsubj`/`nsubjpass`/`csubj`. Without one: a conjoined verb shares
//!   its first conjunct's ("condemned … and promised"); an infinitive or gerund complement
//!   (`xcomp`) takes its controller, the governing verb's object if it has one ("urged Bree to
//!   help": Bree), else its subject ("wants to buy"), passing through adjectives and copulas
//!   ("is about to restore"); a participial adverbial clause takes the main clause's subject
//!   ("…, offering support"); a relative clause whose subject is a relative pronoun takes the
//!   noun it modifies ("a woman who shot at officers"); a participle modifying a noun ("men
//!   sought in the slaying") has that noun as its (passive) subject.
//! * **Pronouns.** A personal pronoun subject is resolved within the sentence to the subject
//!   of the nearest governing clause that names an actor ("Ethiopia indicated it would act":
//!   Ethiopia). Document-level resolution is a later stage's job.
//! * **Several subjects** (a dateline parsed as one, a name split into pieces): adjacent ones
//!   are one phrase and the first stands for it; otherwise the group nearest the verb wins.
//!   A verb with none but a noun hung off it as a compound on its left ("Ethiopia act on")
//!   takes that noun.
//! * **Passive.** A `nsubjpass` or `auxpass` child, a past participle modifying a noun, or a
//!   past participle opening an adverbial clause ("Rebuked by Eriador, Osgiliath …").
//!   The logical source is then the `by` phrase (`agent`), else a `from` or `in` phrase
//!   (PETRARCH's choice); the grammatical subject is the target.
//! * **Negation.** A `neg` child ("not", "n't", "never").
//! * **Domain.** The tokens of the verb's subtree, without the subtrees of verbs conjoined to
//!   it, of its subject, and of parenthetical or paratactic clauses.

use crate::sentence::{Dep, Sentence, Tag};

/// How a verb got its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectVia {
    /// Its own subject dependent.
    Own,
    /// Shared with the verb it is conjoined to.
    Conjoined,
    /// The controller of an infinitive/gerund complement.
    Control,
    /// The main clause of a participial clause.
    Participle,
    /// The noun a relative clause or participle modifies.
    Relative,
}

/// A verb's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// The subject's head token (after pronoun resolution).
    pub token: usize,
    /// The token written in the clause, if it differs (a pronoun, a relative pronoun).
    pub written: Option<usize>,
    /// How it was found.
    pub via: SubjectVia,
}

/// Whether a token is a relative pronoun.
fn is_relative_pronoun(s: &Sentence<'_>, t: usize) -> bool {
    matches!(s.toks[t].tag, Tag::Wdt | Tag::Wp)
        || (s.word(t).eq_ignore_ascii_case("that") && s.toks[t].dep.is_subject())
}

/// Whether a token is a personal pronoun that can stand for an actor.
pub fn is_personal_pronoun(s: &Sentence<'_>, t: usize) -> bool {
    s.toks[t].tag == Tag::Prp
        && matches!(
            s.word(t).to_ascii_lowercase().as_str(),
            "he" | "she" | "it" | "they" | "we" | "him" | "her" | "them" | "us"
        )
}

/// Whether a token is a reflexive pronoun.
pub fn is_reflexive(s: &Sentence<'_>, t: usize) -> bool {
    s.toks[t].tag == Tag::Prp && {
        let w = s.word(t).to_ascii_lowercase();
        w.ends_with("self") || w.ends_with("selves")
    }
}

/// The subject dependent of `v` itself, if any. With several, adjacent ones are pieces of one
/// broken phrase ("group al - Shabab") and the first piece stands for it; separate ones are
/// a dateline and the real subject ("GAZA CITY, …: Four children were killed"), and the group
/// nearest the verb wins.
pub fn own_subject(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let subjects: Vec<usize> = s
        .children(v)
        .iter()
        .map(|&c| c as usize)
        .filter(|&c| s.toks[c].dep.is_subject())
        .collect();
    match subjects.as_slice() {
        // A noun the parser hung off a verb as a compound ("Ethiopia act on …") is its
        // subject when the verb has none.
        [] => s
            .children(v)
            .iter()
            .map(|&c| c as usize)
            .find(|&c| c < v && s.toks[c].dep == Dep::Compound && s.is_nominal(c)),
        [one] => Some(*one),
        many => {
            // Groups of adjacent subjects (only punctuation-free adjacency).
            let mut groups: Vec<(usize, usize)> = Vec::new();
            for &c in many {
                match groups.last_mut() {
                    Some((_, last)) if c == *last + 1 => *last = c,
                    _ => groups.push((c, c)),
                }
            }
            groups
                .iter()
                .rev()
                .find(|g| g.1 < v)
                .or_else(|| groups.iter().find(|g| g.0 > v))
                .map(|g| g.0)
        }
    }
}

/// The subject of verb `v` (see the module docs), before pronoun resolution.
pub fn subject(s: &Sentence<'_>, v: usize) -> Option<Subject> {
    subject_depth(s, v, 0)
}

fn subject_depth(s: &Sentence<'_>, v: usize, depth: usize) -> Option<Subject> {
    if depth > 16 {
        return None;
    }
    if let Some(c) = own_subject(s, v) {
        if is_relative_pronoun(s, c)
            && s.toks[v].dep == Dep::Relcl
            && let Some(h) = s.head(v)
        {
            return Some(Subject {
                token: h,
                written: Some(c),
                via: SubjectVia::Relative,
            });
        }
        if s.toks[c].dep == Dep::Expl {
            return None;
        }
        return Some(Subject {
            token: c,
            written: None,
            via: SubjectVia::Own,
        });
    }
    let h = s.head(v)?;
    match s.toks[v].dep {
        Dep::Conj if s.is_verbal(h) || s.toks[h].tag == Tag::Md => subject_depth(s, h, depth + 1)
            .map(|x| Subject {
                via: SubjectVia::Conjoined,
                ..x
            }),
        Dep::Xcomp | Dep::Ccomp | Dep::Advcl | Dep::Acomp if non_finite(s, v) => {
            // Through adjectives and copulas ("is about to restore", "is able to").
            let mut x = h;
            for _ in 0..8 {
                if s.toks[v].dep == Dep::Xcomp
                    && let Some(o) = s
                        .children(x)
                        .iter()
                        .map(|&c| c as usize)
                        .find(|&c| matches!(s.toks[c].dep, Dep::Dobj | Dep::Dative))
                    && o < v
                {
                    return Some(Subject {
                        token: o,
                        written: None,
                        via: SubjectVia::Control,
                    });
                }
                if let Some(sub) = subject_depth(s, x, depth + 1) {
                    return Some(Subject {
                        via: if s.toks[v].dep == Dep::Advcl {
                            SubjectVia::Participle
                        } else {
                            SubjectVia::Control
                        },
                        ..sub
                    });
                }
                match s.head(x) {
                    Some(up) if matches!(s.toks[x].dep, Dep::Acomp | Dep::Xcomp | Dep::Conj) => {
                        x = up
                    }
                    _ => break,
                }
            }
            None
        }
        Dep::Acl if s.toks[v].tag == Tag::Vbg && s.is_nominal(h) => Some(Subject {
            token: h,
            written: None,
            via: SubjectVia::Relative,
        }),
        _ => None,
    }
}

/// Whether `v` is a non-finite verb form (infinitive, gerund, participle) or an adjective.
fn non_finite(s: &Sentence<'_>, v: usize) -> bool {
    let t = &s.toks[v];
    matches!(t.tag, Tag::Vb | Tag::Vbg | Tag::Vbn | Tag::Jj)
        || s.children(v)
            .iter()
            .any(|&c| s.toks[c as usize].tag == Tag::To)
}

/// Whether `v` is passive: a passive subject or auxiliary, a past participle modifying a
/// noun ("men sought in the slaying"), or a past participle opening an adverbial clause
/// without subject or auxiliary ("Rebuked by Eriador, Osgiliath …").
pub fn is_passive(s: &Sentence<'_>, v: usize) -> bool {
    let t = &s.toks[v];
    s.children(v)
        .iter()
        .any(|&c| matches!(s.toks[c as usize].dep, Dep::Nsubjpass | Dep::Auxpass))
        || (t.tag == Tag::Vbn && t.dep == Dep::Acl && s.head(v).is_some_and(|h| s.is_nominal(h)))
        || (t.tag == Tag::Vbn
            && t.dep == Dep::Advcl
            && !s.children(v).iter().any(|&c| {
                matches!(s.toks[c as usize].dep, Dep::Aux) || s.toks[c as usize].dep.is_subject()
            }))
}

/// For a passive participle modifying a noun, that noun (its logical object).
pub fn passive_noun(s: &Sentence<'_>, v: usize) -> Option<usize> {
    if s.toks[v].tag == Tag::Vbn && s.toks[v].dep == Dep::Acl {
        s.head(v).filter(|&h| s.is_nominal(h))
    } else {
        None
    }
}

/// The negation dependent of `v`, if any; or the verb of failure that `v` complements
/// ("failed to reach an agreement", "fails to comply": the act did not happen).
pub fn negation(s: &Sentence<'_>, v: usize) -> Option<usize> {
    s.children(v)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| s.toks[c].dep == Dep::Neg)
        .or_else(|| {
            let h = s.head(v).filter(|_| s.toks[v].dep == Dep::Xcomp)?;
            matches!(
                s.word(h).to_ascii_lowercase().as_str(),
                "fail" | "fails" | "failed" | "failing"
            )
            .then_some(h)
        })
}

/// The word that announces `v` as an intention or a future act, if there is one: a modal
/// auxiliary ("will", "would", "shall", "'ll"), or a word of readiness or plan that `v`
/// complements ("is willing to withdraw", "ready to contribute", "prepared to impose",
/// "plans to visit", "intends to sign"). "Can", "could", "may", "might", "must" and "should"
/// are not intentions (ability, possibility, obligation) and are not returned.
pub fn intention_modal(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let modal = s.children(v).iter().map(|&c| c as usize).find(|&c| {
        s.toks[c].dep == Dep::Aux
            && matches!(
                s.word(c).to_ascii_lowercase().as_str(),
                "will" | "would" | "shall" | "'ll" | "wo" | "'d"
            )
    });
    if modal.is_some() {
        return modal;
    }
    if s.toks[v].dep != Dep::Xcomp {
        return None;
    }
    let h = s.head(v)?;
    let word = s.word(h).to_ascii_lowercase();
    let announces = matches!(
        word.as_str(),
        "willing"
            | "ready"
            | "prepared"
            | "poised"
            | "determined"
            | "eager"
            | "keen"
            | "plan"
            | "plans"
            | "planning"
            | "intend"
            | "intends"
            | "intending"
            | "preparing"
    );
    announces.then_some(h)
}

/// The modal auxiliary of obligation of `v` ("must", "should"), if it has one: in "Russia
/// said Sudan must return the helicopter" the return is demanded, not done.
pub fn obligation_modal(s: &Sentence<'_>, v: usize) -> Option<usize> {
    s.children(v).iter().map(|&c| c as usize).find(|&c| {
        s.toks[c].dep == Dep::Aux
            && matches!(s.word(c).to_ascii_lowercase().as_str(), "must" | "should")
    })
}

/// Whether `v` carries a condition that makes its announced act a threat: an "unless" clause
/// ("will withdraw its force unless the rebels disarm").
pub fn threat_condition(s: &Sentence<'_>, v: usize) -> bool {
    s.children(v).iter().map(|&c| c as usize).any(|c| {
        s.toks[c].dep == Dep::Advcl
            && s.children(c).iter().any(|&m| {
                s.toks[m as usize].dep == Dep::Mark
                    && s.word(m as usize).eq_ignore_ascii_case("unless")
            })
    })
}

/// The logical source of a passive verb: the object of its `by` phrase, else of a `from` or
/// `in` phrase. Returns the object's head.
pub fn passive_source(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let pobj = |p: usize| {
        s.children(p)
            .iter()
            .map(|&c| c as usize)
            .find(|&c| s.toks[c].dep == Dep::Pobj)
    };
    for want in ["by", "from", "in"] {
        for &c in s.children(v) {
            let c = c as usize;
            if matches!(s.toks[c].dep, Dep::Agent | Dep::Prep)
                && s.word(c).eq_ignore_ascii_case(want)
                && let Some(o) = pobj(c)
            {
                return Some(o);
            }
        }
    }
    None
}

/// The object of a passive verb's at/against/into/towards phrase (PETRARCH's passive target
/// prepositions), if any.
pub fn passive_target_phrase(s: &Sentence<'_>, v: usize) -> Option<usize> {
    for &c in s.children(v) {
        let c = c as usize;
        if s.toks[c].dep == Dep::Prep
            && ["at", "against", "into", "towards", "toward"]
                .iter()
                .any(|w| s.word(c).eq_ignore_ascii_case(w))
            && let Some(o) = s
                .children(c)
                .iter()
                .map(|&o| o as usize)
                .find(|&o| s.toks[o].dep == Dep::Pobj)
        {
            return Some(o);
        }
    }
    None
}

/// The domain of verb `v`: which tokens belong to its clause (see the module docs). `blocked`
/// tokens (eliminated comma clauses) are never in it.
pub fn domain(s: &Sentence<'_>, v: usize, blocked: &[bool], out: &mut Vec<bool>) {
    out.clear();
    out.resize(s.len(), false);
    let subject = own_subject(s, v);
    let mut cut: Vec<usize> = Vec::new();
    for &c in s.children(v) {
        let c = c as usize;
        let dep = s.toks[c].dep;
        if (dep == Dep::Conj && (s.is_verbal(c) || s.toks[c].tag == Tag::Md))
            || dep == Dep::Parataxis
            || Some(c) == subject
        {
            cut.push(c);
        }
    }
    for (t, slot) in out.iter_mut().enumerate() {
        *slot = s.in_subtree(v, t)
            && !blocked.get(t).copied().unwrap_or(false)
            && !cut.iter().any(|&c| s.in_subtree(c, t));
    }
}

/// Removes from a domain of verb `v` the clauses embedded in it that have their own subject
/// and a verb the dictionary knows (`dict_verb`): "Washington said such a step enjoyed
/// support" — SAY's pattern `* SUPPORT` must not take "support" from ENJOY's clause. Clauses
/// whose verb the dictionary does not know stay: "Gollum allowed that Mordor isn't a really
/// pleasant place" is ALLOW's `* REALLY_PLEASANT`.
pub fn cut_clauses(s: &Sentence<'_>, v: usize, dict_verb: &[bool], out: &mut [bool]) {
    for c in 0..s.len() {
        if c == v
            || !dict_verb.get(c).copied().unwrap_or(false)
            || !s.in_subtree(v, c)
            || s.toks[c].dep == Dep::Xcomp
            || own_subject(s, c).is_none()
        {
            continue;
        }
        for (t, slot) in out.iter_mut().enumerate() {
            if s.in_subtree(c, t) {
                *slot = false;
            }
        }
    }
}

/// The nearest verb that governs `v` through complement or adverbial links, if any: the
/// verb whose clause `v`'s clause is embedded in.
pub fn governor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let mut x = v;
    for _ in 0..16 {
        let h = s.head(x)?;
        match s.toks[x].dep {
            Dep::Conj => x = h,
            Dep::Xcomp | Dep::Ccomp | Dep::Advcl | Dep::Acomp | Dep::Pcomp | Dep::Prep => {
                if s.is_verbal(h) {
                    return Some(h);
                }
                x = h;
            }
            _ => return None,
        }
    }
    None
}
