//! Nesting: complements combined with the verbs that govern them, by transformation or
//! by the code algebra.
use super::*;

impl Coder {
    /// Combines complements with the verbs that govern them (deepest first).
    pub(super) fn compose(
        &self,
        s: &Sentence<'_>,
        protos: &mut [Proto],
        mut trace: Option<&mut SentenceTrace>,
    ) {
        let depth = |v: usize| {
            let mut d = 0;
            let mut x = v;
            while let Some(h) = s.head(x) {
                d += 1;
                x = h;
                if d > s.len() {
                    break;
                }
            }
            d
        };
        // A complement's event passes through its governor: no reverse event of its own.
        for p in protos.iter_mut() {
            if complement_governor(s, p.token).is_some_and(|g| g < p.token) {
                p.reverse = None;
            }
        }
        let mut order: Vec<usize> = (0..protos.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth(protos[i].verb)));
        for li in order {
            if !protos[li].alive {
                continue;
            }
            let Some(gv) = complement_governor(s, protos[li].verb) else {
                continue;
            };
            let Some(ui) = protos.iter().position(|p| p.alive && p.verb == gv) else {
                continue;
            };
            if ui == li {
                continue;
            }
            let (upper, lower) = (protos[ui].clone(), protos[li].clone());
            // A reporting clause after what it reports ("X attacked Y, officials said") is
            // attribution: the report stands, the reporting verb codes nothing.
            if lower.verb < gv {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} follows the clause it governs ({:?}): attribution, not combined",
                        upper.verb_text.text, lower.verb_text.text
                    ));
                }
                continue;
            }
            // dyad's reading (with `modal_intent`): "A said B must Q" is A demanding Q of
            // B (CAMEO 100), not B doing Q.
            // Likewise the clause a demand governs ("demanded that Israel withdraw") is
            // demanded, not done: the demand stands, towards the clause's subject.
            let addressed = upper
                .target
                .as_ref()
                .is_some_and(|t| t.how == arguments::ADDRESSEE);
            if self.options.modal_intent
                && upper
                    .active
                    .as_deref()
                    .is_some_and(|c| c.starts_with("01") || addressed)
                && lower.subject_tok.is_some()
                && lower.subject_tok != upper.subject_tok
                && lower.source.as_ref().is_some_and(|x| x.set.has_actor())
                && (addressed || clause::obligation_modal(s, lower.token).is_some())
            {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} asks that {:?}: a demand towards that subject; the act is not coded",
                        upper.verb_text.text, lower.verb_text.text
                    ));
                }
                let code = if addressed {
                    upper.active.clone()
                } else {
                    Some("100".to_owned())
                };
                protos[ui] = towards_subject(&upper, &lower, code);
                protos[li].alive = false;
                continue;
            }
            // Transformations first.
            if let Some(result) = self.transform(&upper, &lower) {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} + {:?}: transformation {} gives code {}",
                        upper.verb_text.text,
                        lower.verb_text.text,
                        result.rule,
                        result.active.as_deref().unwrap_or("-")
                    ));
                }
                protos[ui] = result;
                protos[li].alive = self.options.reported_events == Reported::Always
                    && lower.explicit_subject
                    && !same_actors(&lower.source, &upper.source);
                continue;
            }
            let shared = lower.subject_tok.is_none()
                || lower.subject_tok == upper.subject_tok
                || same_actors(&lower.source, &upper.source);
            let (Some(uc), Some(lc)) = (upper.active.as_deref(), lower.active.as_deref()) else {
                continue;
            };
            if shared {
                // dyad's reading (with `modal_intent`): a threat verb announces its
                // complement's act, which takes CAMEO's threat form ("threatened to ban" =
                // 132, not 172); an intention verb ("pledged", "offered") its cooperative
                // form ("offered to withdraw" = 0356). A pledge of a hostile act keeps the
                // act ("pledged to expel" = 174), as the PETRARCH gold codes it.
                let announced = if self.options.modal_intent {
                    match (uc.get(..2), algebra::intention(lc)) {
                        (Some("13"), Some(i)) => Some(i),
                        (Some("03"), Some(i)) if i.starts_with("03") => Some(i),
                        // A refusal of an act is CAMEO's refusal of it ("refused to lift
                        // the curfew" = 1241, "declined to resign" = 1241), else the
                        // refusal's own code: never the act it refuses.
                        (Some("12"), _) => Some(
                            algebra::negate(lc)
                                .filter(|n| n.starts_with("12"))
                                .unwrap_or(uc),
                        ),
                        _ => None,
                    }
                } else {
                    None
                };
                match announced.or_else(|| algebra::combine_codes(uc, lc)) {
                    Some(c) => {
                        if let Some(t) = trace.as_deref_mut() {
                            t.combinations.push(format!(
                                "{:?} ({uc}) governs {:?} ({lc}): combined code {c}",
                                upper.verb_text.text, lower.verb_text.text
                            ));
                        }
                        let mut p = lower.clone();
                        p.verb = upper.verb;
                        p.active = Some(c.to_owned());
                        p.reverse = None;
                        p.source = upper.source.clone().or(lower.source);
                        p.rule = format!("{}+{}", upper.rule, lower.rule);
                        p.derivation = Derivation::Combined;
                        p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
                        p.explicit_subject = upper.explicit_subject;
                        p.verb_text = TextSpan {
                            text: format!("{} ... {}", upper.verb_text.text, lower.verb_text.text),
                            span: Span::new(
                                upper.verb_text.span.start.min(lower.verb_text.span.start),
                                upper.verb_text.span.end.max(lower.verb_text.span.end),
                            ),
                        };
                        protos[ui] = p;
                        protos[li].alive = false;
                    }
                    None => {
                        if let Some(t) = trace.as_deref_mut() {
                            t.combinations.push(format!(
                                "{:?} ({uc}) governs {:?} ({lc}): no combined code; the complement's event stands",
                                upper.verb_text.text, lower.verb_text.text
                            ));
                        }
                        protos[ui].alive = false;
                        if protos[li].source.is_none() {
                            protos[li].source = upper.source.clone();
                        }
                        // The complement now stands where its governor stood.
                        protos[li].verb = upper.verb;
                    }
                }
            } else if let Some(c) = algebra::combine_codes(uc, lc)
                && algebra::pico(lc).is_some_and(|n| !algebra::is_speech_act(n))
                && lower.source.as_ref().is_some_and(|x| !x.set.is_empty())
            {
                // PETRARCH's reading of "A P B to Q" / "A P that B Q": A→B with P and Q
                // combined ("Congress is asking Obama to help Iran": ask + help = 023).
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} ({uc}) governs {:?} ({lc}) with its own subject: {c} towards that subject",
                        upper.verb_text.text, lower.verb_text.text
                    ));
                }
                protos[ui] = towards_subject(&upper, &lower, Some(c.to_owned()));
                protos[li].alive = self.options.reported_events == Reported::Always;
            } else if self.options.reported_events == Reported::Never {
                if let Some(t) = trace.as_deref_mut() {
                    t.combinations.push(format!(
                        "{:?} reported under {:?} with no rule for the pair: not coded (reported_events = never)",
                        lower.verb_text.text, upper.verb_text.text
                    ));
                }
                protos[li].alive = false;
            }
        }
    }

    /// The first transformation matching `upper` governing `lower`.
    pub(super) fn transform(&self, upper: &Proto, lower: &Proto) -> Option<Proto> {
        let uc = algebra::pico(upper.active.as_deref()?)?;
        let lc_str = lower.active.as_deref()?;
        let lc = algebra::pico(lc_str);
        for t in &self.transforms {
            if let Some(ov) = t.outer_verb
                && !algebra::falls_under(uc, ov)
            {
                continue;
            }
            match (t.inner_verb, lc) {
                (Some(iv), Some(lc)) if algebra::falls_under(lc, iv) => {}
                (None, _) => {}
                _ => continue,
            }
            // Bind variables.
            let mut vars: Vec<(&str, &Side)> = Vec::new();
            if !bind_var(&mut vars, &t.outer_source, upper.source.as_ref(), true)
                || !bind_var(
                    &mut vars,
                    &t.inner_source,
                    lower.source.as_ref(),
                    lower.explicit_subject,
                )
                || !bind_var(&mut vars, &t.inner_target, lower.target.as_ref(), true)
            {
                continue;
            }
            let get = |var: &TransformVar| -> Option<Option<Side>> {
                match var {
                    TransformVar::Named(n) => vars
                        .iter()
                        .find(|(m, _)| *m == n.as_str())
                        .map(|(_, s)| Some((*s).clone())),
                    _ => Some(None),
                }
            };
            let (Some(src), Some(tgt)) = (get(&t.result_source), get(&t.result_target)) else {
                continue;
            };
            let code = t.code.clone().unwrap_or_else(|| lc_str.to_owned());
            let mut p = lower.clone();
            p.verb = upper.verb;
            p.source = src;
            p.target = tgt;
            p.active = Some(code);
            p.reverse = None;
            p.rule = t.rule.clone();
            p.derivation = Derivation::Transformation;
            p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
            p.explicit_subject = upper.explicit_subject;
            p.verb_text = TextSpan {
                text: format!("{} ... {}", upper.verb_text.text, lower.verb_text.text),
                span: Span::new(
                    upper.verb_text.span.start.min(lower.verb_text.span.start),
                    upper.verb_text.span.end.max(lower.verb_text.span.end),
                ),
            };
            return Some(p);
        }
        None
    }
}

/// Binds a transformation variable to an event side; false if the binding contradicts.
pub(super) fn bind_var<'a>(
    vars: &mut Vec<(&'a str, &'a Side)>,
    var: &'a TransformVar,
    side: Option<&'a Side>,
    explicit: bool,
) -> bool {
    match var {
        TransformVar::Any => true,
        TransformVar::Absent => side.is_none_or(|s| s.set.is_empty()) || !explicit,
        TransformVar::Named(n) => {
            let Some(side) = side.filter(|s| !s.set.is_empty()) else {
                return false;
            };
            if let Some((_, prev)) = vars.iter().find(|(m, _)| *m == n.as_str()) {
                return same_actors(&Some((*prev).clone()), &Some(side.clone()));
            }
            vars.push((n.as_str(), side));
            true
        }
    }
}

/// An event before expansion into actor pairs.
#[derive(Debug, Clone)]
pub(super) struct Proto {
    /// The verb token the event currently stands at (a governor, after combination).
    pub(super) verb: usize,
    /// The verb token that coded it first.
    pub(super) token: usize,
    pub(super) verb_text: TextSpan,
    pub(super) source: Option<Side>,
    pub(super) target: Option<Side>,
    pub(super) active: Option<String>,
    pub(super) reverse: Option<String>,
    pub(super) negated: bool,
    pub(super) explicit_subject: bool,
    /// The subject's head (after pronoun resolution), if any.
    pub(super) subject_tok: Option<usize>,
    /// The source is a compound matched by a pattern's `%`: without a target, the event is
    /// between its members.
    pub(super) compound_source: bool,
    pub(super) rule: String,
    pub(super) derivation: Derivation,
    pub(super) confidence: f32,
    pub(super) alive: bool,
}

impl Proto {
    /// Whether the event has actors on both sides (or a compound subject of a cooperative
    /// code).
    pub(super) fn has_dyad(&self) -> bool {
        let some = |x: &Option<Side>| x.as_ref().is_some_and(|x| !x.set.is_empty());
        (self.active.is_some() || self.reverse.is_some())
            && some(&self.source)
            && some(&self.target)
    }
}

pub(super) fn same_actors(a: &Option<Side>, b: &Option<Side>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if !a.set.is_empty() => {
            let mut x: Vec<&str> = a.set.codes().collect();
            let mut y: Vec<&str> = b.set.codes().collect();
            x.sort_unstable();
            y.sort_unstable();
            x == y
        }
        _ => false,
    }
}

/// Whether `c` is a complement (or conjunct of one) of verb `v`.
pub(super) fn is_complement(s: &Sentence<'_>, v: usize, c: usize) -> bool {
    complement_governor(s, c) == Some(v)
}

/// The verb governing `v` through complement links (`xcomp`, `ccomp`), passing through
/// adjectives ("about to"), copulas and conjunctions.
pub(super) fn complement_governor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let mut x = v;
    let mut through_complement = false;
    for _ in 0..16 {
        let h = s.head(x)?;
        match s.toks[x].dep {
            Dep::Conj => x = h,
            Dep::Xcomp | Dep::Ccomp => {
                through_complement = true;
                if is_verb_token(s, h) {
                    return Some(h);
                }
                x = h;
            }
            Dep::Acomp if through_complement => {
                if is_verb_token(s, h) {
                    return Some(h);
                }
                x = h;
            }
            _ => return None,
        }
    }
    None
}

/// The governing verb's event with `code`, directed at the subject of the clause it governs
/// ("asked Obama to help Iran" → towards Obama): a combination of the two rules.
fn towards_subject(upper: &Proto, lower: &Proto, code: Option<String>) -> Proto {
    let mut p = upper.clone();
    p.active = code;
    p.reverse = None;
    p.target = lower.source.clone();
    p.rule = format!("{}+{}", upper.rule, lower.rule);
    p.derivation = Derivation::Combined;
    p.confidence = (lower.confidence.min(upper.confidence) - 0.05).max(0.1);
    p
}
