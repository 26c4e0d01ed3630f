//! Verb lookup: entries by surface form and lemma, compound verbs, and the choice of
//! pattern (see the module docs of [`super`]).
use super::*;

impl Coder {
    /// Looks a verb token up: the chosen entry, code and pattern bindings.
    pub(super) fn lookup_verb(
        &self,
        s: &Sentence<'_>,
        t: usize,
        scope: &Scope<'_>,
        nom: &mut Nominals,
        mut vt: Option<&mut VerbTrace>,
    ) -> Option<VerbHit> {
        let (blocked, dict_verb, present) = (scope.blocked, scope.coded, scope.present);
        let idx = &*self.index;
        let lex = idx.lexicon();
        let tok = &s.toks[t];
        // Entries listing the surface form come first (PETRARCH looks verbs up by the word as
        // written: "left" is LEFT's, not LEAVE's), then those with the token's lemma.
        let mut cands: Vec<VerbId> = idx.verbs.by_form(tok.lower).to_vec();
        for &v in idx.verbs.by_lemma(tok.lemma) {
            if !cands.contains(&v) {
                cands.push(v);
            }
        }
        if cands.is_empty() {
            return None;
        }
        let mut usable: Vec<(VerbId, usize, usize)> = Vec::new();
        for &v in &cands {
            let Some(cv) = idx.verbs.verb(v) else {
                continue;
            };
            let ok = compound_extent(s, t, &cv.before, &cv.after, blocked);
            if let Some(vt) = vt.as_deref_mut()
                && let Some(verb) = lex.verb(v)
            {
                vt.candidates.push(format!(
                    "{} ({}){}",
                    rule_id(&verb.origin),
                    verb.origin.text,
                    if ok.is_some() {
                        ""
                    } else {
                        " -- compound words not found"
                    }
                ));
            }
            if let Some((a, b)) = ok {
                usable.push((v, a, b));
            }
        }
        let &(first, fk, ek) = usable.first()?;
        let mut domain = Vec::new();
        clause::domain(s, t, blocked, &mut domain);
        let mut pattern_domain = domain.clone();
        clause::cut_clauses(s, t, dict_verb, &mut pattern_domain);
        let mut scan = pattern_domain.clone();
        for c in 0..s.len() {
            if c != t && s.toks[c].dep == Dep::Relcl && is_verb_token(s, c) && s.in_subtree(t, c) {
                for (x, slot) in scan.iter_mut().enumerate() {
                    if s.in_subtree(c, x) {
                        *slot = false;
                    }
                }
            }
        }
        // A word after the verb that is itself a verb of the dictionary codes on its own and
        // combines with this one through the code algebra ("wants to help" = 033); patterns
        // do not take it as a word ("* HELP").
        for (x, slot) in pattern_domain.iter_mut().enumerate() {
            if x != t
                && dict_verb.get(x).copied().unwrap_or(false)
                && matches!(s.toks[x].pos, Some(dyad_doc::parse::Pos::Verb))
            {
                *slot = false;
            }
        }
        // A passive verb's grammatical subject is its logical object: what a pattern expects
        // before the verb (the subject) is not there.
        let passive = clause::is_passive(s, t);
        let subject = clause::own_subject(s, t);
        let before_slots: Vec<bool> = (0..s.len())
            .map(|x| x < t && !blocked.get(x).copied().unwrap_or(false))
            .collect();
        let before: Vec<bool> = (0..s.len())
            .map(|x| {
                before_slots[x] && !(passive && subject.is_some_and(|sub| s.in_subtree(sub, x)))
            })
            .collect();
        // Patterns of each usable entry, most specific first. Among matching patterns of the
        // same specificity, the one whose words lie nearest the verb wins ("launched many
        // attacks during its campaign": `* ATTACKS` before `* CAMPAIGN`), then file order.
        // A passive verb whose patterns find nothing after it tries them again from its
        // subject, its logical object ("Evidence against Russia was presented": `* EVIDENCE`).
        let passive_from = if passive {
            clause::subject(s, t).map(|x| x.token).map(|sub| {
                let lo = (0..s.len())
                    .filter(|&x| s.in_subtree(sub, x))
                    .min()
                    .unwrap_or(sub);
                (s.toks[lo].key_start as usize, sub)
            })
        } else {
            None
        };
        let mut subject_domain = pattern_domain.clone();
        if let Some((_, sub)) = passive_from {
            for (x, slot) in subject_domain.iter_mut().enumerate() {
                if s.in_subtree(sub, x) {
                    *slot = true;
                }
            }
        }
        let passes: &[bool] = if passive_from.is_some() {
            &[false, true]
        } else {
            &[false]
        };
        for &from_subject in passes {
            let mut best: Option<(u32, usize, VerbId, usize, usize, &CompiledPattern, Bindings)> =
                None;
            let mut tried_classes = Vec::new();
            for &(v, first_key, end_key) in &usable {
                let class = lex.verb(v).map(|x| x.class);
                if tried_classes.contains(&class) {
                    continue;
                }
                tried_classes.push(class);
                let after_start = match (from_subject, passive_from) {
                    (true, Some((k, _))) => k,
                    _ => end_key,
                };
                let mut m = Matcher {
                    s,
                    synsets: &self.synsets,
                    nom,
                    after: if from_subject {
                        &subject_domain
                    } else {
                        &pattern_domain
                    },
                    before: &before,
                    before_slots: &before_slots,
                    verb_first_key: first_key,
                    verb_end_key: after_start,
                };
                for p in idx.verbs.patterns(v) {
                    if best.as_ref().is_some_and(|b| p.specificity < b.0) {
                        break;
                    }
                    if from_subject && p.after.is_empty() {
                        continue;
                    }
                    let need = self
                        .pattern_words
                        .get(p.id.0 as usize)
                        .map_or(&[][..], |w| w);
                    let entry = || {
                        lex.pattern(p.id)
                            .map(|x| format!("{} ({})", rule_id(&x.origin), x.origin.text))
                            .unwrap_or_default()
                    };
                    if let Some(&missing) = need.iter().find(|w| !present.contains(w)) {
                        if let Some(vt) = vt.as_deref_mut() {
                            vt.patterns.push(PatternTrace {
                                entry: entry(),
                                result: format!(
                                    "skipped: {:?} is not in the sentence",
                                    idx.vocab().word(missing)
                                ),
                            });
                        }
                        continue;
                    }
                    // Codes made only of punctuation (TABARI's `+++`, `###`) are markers,
                    // not event codes: such a pattern is passed over.
                    let marker = lex.pattern(p.id).is_some_and(|x| {
                        [&x.code.active, &x.code.passive].iter().any(|c| {
                            c.as_deref()
                                .is_some_and(|c| !c.chars().any(|ch| ch.is_ascii_alphanumeric()))
                        })
                    });
                    if marker {
                        if let Some(vt) = vt.as_deref_mut() {
                            vt.patterns.push(PatternTrace {
                                entry: entry(),
                                result: "skipped: its code is a marker, not an event code".into(),
                            });
                        }
                        continue;
                    }
                    match m.try_pattern(p) {
                        Ok(bind) => {
                            let near = bind
                                .tokens
                                .iter()
                                .copied()
                                .chain(bind.source)
                                .chain(bind.target)
                                .filter(|&x| x != t)
                                .map(|x| x.abs_diff(t))
                                .min()
                                .unwrap_or(0);
                            if let Some(vt) = vt.as_deref_mut() {
                                vt.patterns.push(PatternTrace {
                                    entry: entry(),
                                    result: if from_subject {
                                        "matched (from the passive subject)".into()
                                    } else {
                                        "matched".into()
                                    },
                                });
                            }
                            // A pattern written twice: the later line wins (PETRARCH's
                            // trie keeps the last).
                            if best.as_ref().is_none_or(|b| {
                                p.specificity > b.0
                                    || (p.specificity == b.0 && near < b.1)
                                    || (p.before == b.5.before && p.after == b.5.after)
                            }) {
                                best = Some((p.specificity, near, v, first_key, end_key, p, bind));
                            }
                        }
                        Err(f) => {
                            if let Some(vt) = vt.as_deref_mut() {
                                let list = lex
                                    .pattern(p.id)
                                    .map(|x| {
                                        if f.before {
                                            x.before.len()
                                        } else {
                                            x.after.len()
                                        }
                                    })
                                    .unwrap_or(0);
                                vt.patterns.push(PatternTrace {
                                    entry: entry(),
                                    result: format!(
                                        "failed at element {} of {} {} the verb",
                                        f.element + 1,
                                        list,
                                        if f.before { "before" } else { "after" }
                                    ),
                                });
                            }
                        }
                    }
                }
            }
            if let Some((_, _, v, first_key, end_key, p, bind)) = best {
                let code = lex
                    .pattern(p.id)
                    .map(|x| x.code.clone())
                    .unwrap_or_default();
                if let Some(vt) = vt.as_deref_mut() {
                    vt.outcome = format!(
                        "code {code} from the pattern {}",
                        lex.pattern(p.id)
                            .map(|x| rule_id(&x.origin))
                            .unwrap_or_default()
                    );
                    vt.text = s
                        .text_of(
                            s.key_token(first_key),
                            s.key_token(end_key.saturating_sub(1)) + 1,
                        )
                        .to_owned();
                }
                return Some(VerbHit {
                    tok: t,
                    verb: v,
                    first_key,
                    end_key,
                    code,
                    pattern: Some(p.id),
                    bind,
                    domain,
                    scan,
                    absorbed: false,
                });
            }
        }
        let code = lex.verbs.verb_code(first).cloned().unwrap_or_default();
        if let Some(vt) = vt {
            vt.text = s
                .text_of(s.key_token(fk), s.key_token(ek.saturating_sub(1)) + 1)
                .to_owned();
            vt.outcome = if code.is_null() {
                "null code (---): known verb, no event".into()
            } else {
                format!("code {code}: the verb's own (no pattern matched)")
            };
        }
        Some(VerbHit {
            tok: t,
            verb: first,
            first_key: fk,
            end_key: ek,
            code,
            pattern: None,
            bind: Bindings::default(),
            domain,
            scan,
            absorbed: false,
        })
    }
}

/// What a verb lookup needs to know about the rest of the sentence.
pub(super) struct Scope<'a> {
    /// Tokens eliminated by comma clauses.
    pub(super) blocked: &'a [bool],
    /// Verbs already looked up that code on their own.
    pub(super) coded: &'a [bool],
    /// The keys present in the sentence.
    pub(super) present: &'a rustc_hash::FxHashSet<WordId>,
}

/// A verb found in the lexicon, with its code.
#[derive(Debug, Clone)]
pub(super) struct VerbHit {
    pub(super) tok: usize,
    pub(super) verb: VerbId,
    pub(super) first_key: usize,
    pub(super) end_key: usize,
    pub(super) code: EventCode,
    pub(super) pattern: Option<PatternId>,
    pub(super) bind: Bindings,
    pub(super) domain: Vec<bool>,
    /// Where the fallback target scan looks: the domain without embedded clauses that have
    /// their own subject and verb, or that modify nouns.
    pub(super) scan: Vec<bool>,
    pub(super) absorbed: bool,
}

/// The key extent `[first, end)` of a verb with its compound words, if they are there: words
/// before must immediately precede the head; words after must follow it directly or be its
/// particles.
pub(super) fn compound_extent(
    s: &Sentence<'_>,
    t: usize,
    before: &[WordId],
    after: &[WordId],
    blocked: &[bool],
) -> Option<(usize, usize)> {
    let tok = &s.toks[t];
    let ids = s.keys.ids();
    let mut first = tok.key_start as usize;
    let mut end = tok.key_end as usize;
    if !before.is_empty() {
        let n = before.len();
        if first < n || ids.get(first - n..first) != Some(before) {
            return None;
        }
        if (first - n..first).any(|k| blocked.get(s.key_token(k)).copied().unwrap_or(false)) {
            return None;
        }
        first -= n;
    }
    if !after.is_empty() {
        if ids.get(end..end + after.len()) == Some(after) {
            end += after.len();
        } else {
            // Particles anywhere among the verb's dependents.
            let prts: Vec<WordId> = s
                .children(t)
                .iter()
                .map(|&c| c as usize)
                .filter(|&c| matches!(s.toks[c].dep, Dep::Prt | Dep::Advmod | Dep::Prep))
                .map(|c| s.toks[c].lower)
                .collect();
            if !after.iter().all(|w| prts.contains(w)) {
                return None;
            }
        }
    }
    Some((first, end))
}
