//! Source and target of one verb, negation, and pronoun resolution within the sentence.
use super::*;

impl Coder {
    /// Source, target and code of one verb.
    pub(super) fn arguments(
        &self,
        s: &Sentence<'_>,
        h: &VerbHit,
        coded: &[usize],
        nom: &mut Nominals,
        blocked: &[bool],
        trace: Option<&mut SentenceTrace>,
    ) -> Proto {
        let lex = self.index.lexicon();
        let v = h.tok;
        let passive = clause::is_passive(s, v);
        let mut confidence: f32 = if h.pattern.is_some() { 0.9 } else { 0.8 };
        let mut notes = Vec::new();
        // Subject (resolved through pronouns).
        let subj = clause::subject(s, v);
        let explicit_subject = subj.is_some_and(|x| x.via == SubjectVia::Own);
        let mut subject_set: Option<(ActorSet, usize, String)> = None;
        if let Some(sub) = subj {
            let (tok, how) = self.resolve_pronoun(s, v, sub.token, nom);
            if tok != sub.token {
                confidence -= 0.1;
            }
            if matches!(sub.via, SubjectVia::Control | SubjectVia::Participle) {
                confidence -= 0.05;
            }
            let set = nom.full(s, tok);
            let how = format!("{:?} subject{how}", sub.via);
            subject_set = Some((set, tok, how));
        }
        let mut source: Option<Side> = None;
        let mut target: Option<Side> = None;
        if let Some(hd) = h.bind.source {
            source = Some(Side::new(nom.own(s, hd), hd, "pattern $"));
        }
        if let Some(hd) = h.bind.target {
            let set = nom.own(s, hd);
            // A role word that merely modifies the noun the pattern took ("threatened to
            // resume terrorist activities", "a military offensive") is no target: the
            // fallback looks further ("… in Israel").
            if self.options.modal_intent && !set.head_named && !set.has_actor() {
                notes.push(format!(
                    "pattern target {:?} is a role word modifying a noun: no target",
                    s.word(hd)
                ));
            } else {
                target = Some(Side::new(set, hd, "pattern +"));
            }
        }
        if let Some((hd, before)) = h.bind.compound {
            let set = nom.full(s, hd);
            if before {
                source = Some(Side::new(set, hd, "pattern %"));
            } else {
                target = Some(Side::new(set, hd, "pattern %"));
            }
        }
        if passive {
            notes.push("passive".to_owned());
            // A passive verb's object is its subject: a pattern's target found in one of its
            // prepositional phrases ("was attacked by militiamen", "were killed by a device
            // outside the city") is the agent or a circumstance, not the target. An
            // at/against/into/towards phrase stays a target.
            if let Some(t) = h.bind.target
                && h.bind.compound.is_none()
                && s.children(v).iter().map(|&c| c as usize).any(|c| {
                    matches!(s.toks[c].dep, Dep::Agent | Dep::Prep)
                        && s.in_subtree(c, t)
                        && !matches!(
                            s.word(c).to_ascii_lowercase().as_str(),
                            "at" | "against" | "into" | "towards" | "toward" | "on"
                        )
                })
            {
                notes.push(format!(
                    "pattern target {:?} is in a prepositional phrase of the passive verb: dropped",
                    s.word(t)
                ));
                target = None;
            }
            if source.is_none()
                && let Some(a) = clause::passive_source(s, v)
            {
                source = Some(Side::new(nom.full(s, a), a, "passive by/from/in phrase"));
            }
            if target.is_none()
                && let Some(o) = clause::passive_target_phrase(s, v)
            {
                // "fired at it": an at/against/into/towards phrase is the target.
                let (tok, _) = self.resolve_pronoun(s, v, o, nom);
                let set = nom.full(s, tok);
                if !set.is_empty() {
                    target = Some(Side::new(set, tok, "passive at/against phrase"));
                }
            }
            if target.is_none() {
                let logical = clause::passive_noun(s, v).or(subject_set.as_ref().map(|x| x.1));
                if let Some(o) = logical {
                    let set = nom.full(s, o);
                    target = Some(Side::new(set, o, "passive subject"));
                }
            }
        } else {
            if source.is_none()
                && let Some((set, tok, how)) = subject_set.clone()
            {
                // When the pattern put the target in subject position ("NOTED + *"), the
                // source is the governing clause's subject.
                if h.bind
                    .target
                    .is_some_and(|t| t == tok || s.in_subtree(tok, t))
                {
                    if let Some(g) = clause::governor(s, v)
                        && let Some(gs) = clause::subject(s, g)
                    {
                        source = Some(Side::new(
                            nom.full(s, gs.token),
                            gs.token,
                            "governing clause's subject",
                        ));
                    }
                } else {
                    source = Some(Side::new(set, tok, how));
                }
            }
            if target.is_none() {
                target =
                    self.find_target(s, h, coded, nom, blocked, source.as_ref(), &mut confidence);
            }
        }
        // dyad's reading (with `modal_intent`): a demand or appeal that names no one is
        // addressed to the subject of the clause it governs ("demanding that Mugabe abandon
        // his policy"); a statement that someone must act is a demand of them ("Russia said
        // Sudan must return the helicopter": 100).
        let mut code = h.code.clone();
        if self.options.modal_intent && !passive {
            let root = code.active.as_deref().and_then(|c| c.get(..2));
            let weak = target.as_ref().is_none_or(|t| t.how == FALLBACK_TARGET);
            if weak && matches!(root, Some("01" | "02" | "10")) {
                let statement = root == Some("01");
                for c in s.children(v).iter().map(|&c| c as usize) {
                    // A clause before its verb is reported, not addressed ("X will Y, an
                    // official said").
                    if s.toks[c].dep != Dep::Ccomp
                        || c < v
                        || statement && clause::obligation_modal(s, c).is_none()
                    {
                        continue;
                    }
                    let Some(sub) = clause::subject(s, c).filter(|x| x.via == SubjectVia::Own)
                    else {
                        continue;
                    };
                    let set = nom.full(s, sub.token);
                    let same = source.as_ref().is_some_and(|x| x.set == set);
                    if set.has_actor() && !same {
                        notes.push(format!(
                            "addressed to {:?}, the subject of the clause it governs",
                            s.word(sub.token)
                        ));
                        target = Some(Side::new(set, sub.token, ADDRESSEE));
                        if statement {
                            code = EventCode {
                                active: Some("100".to_owned()),
                                passive: None,
                            };
                        }
                        break;
                    }
                }
            }
        }
        // Negation.
        let mut negated = false;
        let mut dropped_by_negation = false;
        if let Some(n) = clause::negation(s, v)
            && !h.bind.tokens.contains(&n)
        {
            negated = true;
            match self.options.negation {
                Negation::Opposite => {
                    let neg = |c: &Option<String>| {
                        c.as_deref().and_then(algebra::negate).map(str::to_owned)
                    };
                    let mut a = neg(&code.active);
                    let p = neg(&code.passive);
                    // dyad's reading (with `modal_intent`): a cooperative act that did not
                    // happen and has no negation of its own ("failed to reach an agreement")
                    // is a rejection (120).
                    if a.is_none()
                        && self.options.modal_intent
                        && code
                            .active
                            .as_deref()
                            .and_then(|c| c.get(..2))
                            .is_some_and(|r| ("03".."09").contains(&r))
                    {
                        a = Some("120".to_owned());
                    }
                    if a.is_none() && p.is_none() {
                        dropped_by_negation = true;
                    }
                    code = EventCode {
                        active: a,
                        passive: p,
                    };
                    notes.push(format!("negated by {:?}: code {}", s.word(n), code));
                }
                Negation::Flag => notes.push(format!("negated by {:?} (flagged)", s.word(n))),
                Negation::Drop => {
                    dropped_by_negation = true;
                    notes.push(format!("negated by {:?}: dropped", s.word(n)));
                }
            }
        }
        // Intention: "will"/"would" + a coded act is an announced act (CAMEO 03x for
        // cooperation, 13x for hostile acts: `algebra::intention`). Speech acts (say,
        // consult, demand, …) keep their code.
        if self.options.modal_intent
            && !dropped_by_negation
            && let Some(m) = clause::intention_modal(s, v)
            && !h.bind.tokens.contains(&m)
        {
            let intend = |c: &Option<String>| {
                c.as_deref()
                    .map(|x| algebra::intention(x).unwrap_or(x).to_owned())
            };
            let a = intend(&code.active);
            let p = intend(&code.passive);
            if a != code.active || p != code.passive {
                code = EventCode {
                    active: a,
                    passive: p,
                };
                notes.push(format!("intention by {:?}: code {}", s.word(m), code));
            }
            // An announced act under a condition ("will withdraw unless …") is a threat.
            if clause::threat_condition(s, v)
                && code.active.as_deref().is_some_and(|c| c.starts_with("03"))
            {
                code = EventCode {
                    active: Some("130".to_owned()),
                    passive: None,
                };
                notes.push(format!("condition \"unless\": threat, code {code}"));
            }
        }
        let rule = match h.pattern.and_then(|p| lex.pattern(p)) {
            Some(p) => rule_id(&p.origin),
            None => lex
                .verb(h.verb)
                .map(|x| rule_id(&x.origin))
                .unwrap_or_default(),
        };
        if let Some(tr) = trace {
            for vt in tr.verbs.iter_mut().filter(|x| x.token == v) {
                vt.source = source.as_ref().map(|x| x.describe(s));
                vt.target = target.as_ref().map(|x| x.describe(s));
                vt.notes.extend(notes.iter().cloned());
            }
        }
        let first_tok = s.key_token(h.first_key);
        let last_tok = s.key_token(h.end_key.saturating_sub(1));
        Proto {
            verb: v,
            token: v,
            verb_text: TextSpan {
                text: s.text_of(first_tok.min(v), last_tok.max(v) + 1).to_owned(),
                span: s.span_of(first_tok.min(v), last_tok.max(v) + 1),
            },
            source,
            target,
            active: if dropped_by_negation {
                None
            } else {
                code.active.clone()
            },
            reverse: if dropped_by_negation {
                None
            } else {
                code.passive.clone()
            },
            negated,
            explicit_subject,
            subject_tok: subject_set.as_ref().map(|x| x.1),
            compound_source: h.bind.compound.is_some_and(|(_, before)| before),
            rule,
            derivation: if h.pattern.is_some() {
                Derivation::Pattern
            } else {
                Derivation::Verb
            },
            confidence,
            alive: true,
        }
    }

    /// A personal pronoun subject resolved within the sentence: the subject of the nearest
    /// governing clause whose subject names an actor.
    pub(super) fn resolve_pronoun(
        &self,
        s: &Sentence<'_>,
        v: usize,
        tok: usize,
        nom: &mut Nominals,
    ) -> (usize, String) {
        if !clause::is_personal_pronoun(s, tok) {
            return (tok, String::new());
        }
        let mut x = v;
        for _ in 0..16 {
            let Some(g) = clause::governor(s, x) else {
                break;
            };
            if let Some(gs) = clause::subject(s, g)
                && gs.token != tok
                && !clause::is_personal_pronoun(s, gs.token)
                && !nom.full(s, gs.token).is_empty()
            {
                return (
                    gs.token,
                    format!(" ({:?} resolved to {:?})", s.word(tok), s.word(gs.token)),
                );
            }
            x = g;
        }
        (tok, String::new())
    }

    /// The target of an active verb: its direct object, else the first phrase naming an
    /// actor after the verb in its clause (outside coded complement clauses).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn find_target(
        &self,
        s: &Sentence<'_>,
        h: &VerbHit,
        coded: &[usize],
        nom: &mut Nominals,
        _blocked: &[bool],
        source: Option<&Side>,
        confidence: &mut f32,
    ) -> Option<Side> {
        let v = h.tok;
        let excluded = |x: usize| {
            coded.iter().any(|&c| {
                c != v && s.in_subtree(c, x) && s.in_subtree(v, c) && is_complement(s, v, c)
            })
        };
        let source_codes: Vec<String> = source
            .map(|x| x.set.codes().map(str::to_owned).collect())
            .unwrap_or_default();
        let usable = |set: &ActorSet| {
            !set.is_empty() && !set.codes().all(|c| source_codes.iter().any(|s| s == c))
        };
        // Preference: an object naming an actor; an object that is a role word ("arrested
        // students"); the first phrase after the verb naming an actor; the first that is a
        // role word. A role word modifying another noun ("military exercises") is no target.
        let objects: Vec<usize> = s
            .children(v)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| matches!(s.toks[c].dep, Dep::Dobj | Dep::Dative) && h.domain[c])
            .collect();
        let start = s.key_token(h.end_key.saturating_sub(1)) + 1;
        let mut scan: Vec<usize> = Vec::new();
        // Statements (CAMEO root 01) take only a target attached to the verb ("said to X").
        let statement = h
            .code
            .active
            .as_deref()
            .is_some_and(|c| c.starts_with("01"));
        for q in start..s.len() {
            if !h.scan[q] || excluded(q) {
                continue;
            }
            let Some(hd) = nom.chunk_starting(q) else {
                continue;
            };
            if (!self.options.target_fallback || statement) && !attached_to(s, v, hd) {
                continue;
            }
            scan.push(hd);
        }
        for pass in 0..4 {
            let (list, need_actor) = match pass {
                0 => (&objects, true),
                1 => (&objects, false),
                2 => (&scan, true),
                _ => (&scan, false),
            };
            for &hd in list.iter() {
                let set = nom.full(s, hd);
                if !usable(&set) || (need_actor && !set.has_actor()) {
                    continue;
                }
                if !need_actor && !set.head_named {
                    continue;
                }
                let how = if pass < 2 {
                    "direct object"
                } else {
                    if !attached_to(s, v, hd) {
                        *confidence -= 0.1;
                    }
                    FALLBACK_TARGET
                };
                return Some(Side::new(set, hd, how));
            }
        }
        None
    }
}

/// How a target found by the fallback scan is described.
pub(super) const FALLBACK_TARGET: &str = "first actor after the verb";

/// How the addressee of a demand, found as the subject of the clause it governs, is
/// described.
pub(super) const ADDRESSEE: &str = "subject of the clause it governs";

/// One side of an event being built.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Side {
    pub(super) set: ActorSet,
    pub(super) head: usize,
    pub(super) how: Cow<'static, str>,
}

impl Side {
    pub(super) fn new(set: ActorSet, head: usize, how: impl Into<Cow<'static, str>>) -> Side {
        Side {
            set,
            head,
            how: how.into(),
        }
    }

    pub(super) fn describe(&self, s: &Sentence<'_>) -> String {
        let codes: Vec<&str> = self.set.codes().collect();
        format!(
            "[{}] from {:?} ({})",
            codes.join(", "),
            s.word(self.head),
            self.how
        )
    }
}

/// Whether phrase head `hd` hangs off verb `v` directly (as object or through a preposition).
pub(super) fn attached_to(s: &Sentence<'_>, v: usize, hd: usize) -> bool {
    let mut x = hd;
    for _ in 0..4 {
        let Some(h) = s.head(x) else { return false };
        if h == v {
            return true;
        }
        if !matches!(
            s.toks[x].dep,
            Dep::Pobj | Dep::Dobj | Dep::Conj | Dep::Appos
        ) && !matches!(
            s.toks[h].dep,
            Dep::Prep | Dep::Agent | Dep::Dative | Dep::Dobj
        ) {
            return false;
        }
        x = h;
    }
    false
}
