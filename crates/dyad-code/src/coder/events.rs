//! From proto events to events: actor pairs, reverse codes, compound pairs and the
//! sentence-level filters.
use super::*;

impl Coder {
    /// The events of one proto event.
    pub(super) fn expand(
        &self,
        s: &Sentence<'_>,
        p: &Proto,
        input: &SentenceInput<'_>,
        sentence_span: Span,
        out: &mut Vec<CodedEvent>,
        suppressed: &mut Vec<(CodedEvent, &'static str)>,
    ) {
        if !p.alive {
            return;
        }
        let actors = |side: &Option<Side>| -> Vec<Option<EventActor>> {
            match side {
                Some(x) if !x.set.is_empty() => x
                    .set
                    .items
                    .iter()
                    .map(|a| {
                        Some(EventActor {
                            code: a.code.clone(),
                            text: s.text_of(a.start, a.end).to_owned(),
                            span: s.span_of(a.start, a.end),
                        })
                    })
                    .collect(),
                _ => vec![None],
            }
        };
        let sources = actors(&p.source);
        let mut targets = actors(&p.target);
        // A protest with no one named as its target is addressed to the government of the
        // protesters' own country ("Thousands of Iraqi Kurds demonstrated in Kirkuk": IRQ →
        // IRQGOV), as ICEWS and the PLOVER gold code domestic protest; the mention that
        // names that country stands as the target's text (`domestic_country`).
        if self.options.domestic_country
            && p.active.as_deref().is_some_and(|c| c.starts_with("14"))
            && targets.iter().all(Option::is_none)
            && let [Some(src)] = sources.as_slice()
            && let Some(country) = country_of(&src.code)
            && !src.code.ends_with("GOV")
        {
            targets = vec![Some(EventActor {
                code: format!("{country}GOV"),
                text: src.text.clone(),
                span: src.span,
            })];
        }
        let make = |src: Option<EventActor>, tgt: Option<EventActor>, code: &str, d: Derivation| {
            CodedEvent {
                sentence_index: input.sentence_index,
                sentence_span,
                source: src,
                target: tgt,
                code: code.to_owned(),
                verb: p.verb_text.clone(),
                rule: p.rule.clone(),
                derivation: d,
                negated: p.negated,
                confidence: p.confidence.clamp(0.1, 1.0),
                issues: Vec::new(),
                date: input.date,
            }
        };
        let mut raw: Vec<CodedEvent> = Vec::new();
        // A target of no known country ("missing people") is no counterpart for the pairs
        // of a compound.
        let no_target = targets
            .iter()
            .all(|t| t.as_ref().is_none_or(|t| t.code.starts_with("---")));
        if let Some(code) = p.active.as_deref() {
            let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06"));
            let real_sources: Vec<&EventActor> = sources.iter().flatten().collect();
            let pairs = (cooperative && self.options.compound_pairs) || p.compound_source;
            let same_state = |a: &EventActor, b: &EventActor| {
                a.code == b.code
                    || country_of(&a.code).is_some() && country_of(&a.code) == country_of(&b.code)
            };
            // "Israel and Lebanon renewed negotiations on an Israeli pullback": when the
            // phrase the fallback scan found after the verb names one of the compound's own
            // members, it is what the talks are about; the members talk with each other.
            let fallback_target = cooperative
                && p.target
                    .as_ref()
                    .is_some_and(|t| t.how == arguments::FALLBACK_TARGET)
                && targets
                    .iter()
                    .flatten()
                    .all(|t| sources.iter().flatten().any(|a| same_state(a, t)));
            if pairs && (no_target || fallback_target) && real_sources.len() > 1 {
                for a in &real_sources {
                    for b in &real_sources {
                        if !same_state(a, b) {
                            raw.push(make(
                                Some((*a).clone()),
                                Some((*b).clone()),
                                code,
                                p.derivation,
                            ));
                        }
                    }
                }
            } else {
                for a in &sources {
                    for b in &targets {
                        raw.push(make(a.clone(), b.clone(), code, p.derivation));
                    }
                }
            }
        }
        if let Some(code) = p.reverse.as_deref() {
            for a in &sources {
                for b in &targets {
                    raw.push(make(b.clone(), a.clone(), code, Derivation::Reverse));
                }
            }
        }
        for e in raw {
            let same = matches!((&e.source, &e.target), (Some(a), Some(b)) if a.code == b.code);
            if same {
                suppressed.push((e, "source and target are the same actor"));
            } else if e.source.is_none() && e.target.is_none() {
                suppressed.push((e, "no actors"));
            } else if self.options.require_dyad && (e.source.is_none() || e.target.is_none()) {
                suppressed.push((e, "require_dyad"));
            } else {
                out.push(e);
            }
        }
    }
}

/// The country of an actor code: its first three letters when they name a country of the
/// ontology (so "IGOUNO" and "---GOV" have none).
pub(super) fn country_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    dyad_ontology::country(c).map(|_| c)
}

/// [`crate::CoderOptions::domestic_country`]: a side with a sector and no country ("---COP")
/// takes `country`, the only country the sentence names, when the other side is of that
/// country or of none (an international organisation).
/// Returns whether the event changed.
pub(super) fn domestic_country(e: &mut CodedEvent, country: &str) -> bool {
    let (Some(src), Some(tgt)) = (e.source.as_mut(), e.target.as_mut()) else {
        return false;
    };
    let countryless = |a: &EventActor| a.code.len() > 3 && a.code.starts_with("---");
    // The other side is of that country, or of none (an organisation: "the UN will send aid
    // to refugees in Liberia" is IGOUNO -> LBRREF).
    let fits = |a: &EventActor| {
        country_of(&a.code) == Some(country)
            || !a.code.starts_with("---") && country_of(&a.code).is_none()
    };
    if countryless(src) && fits(tgt) {
        src.code = format!("{country}{}", &src.code[3..]);
        true
    } else if countryless(tgt) && fits(src) {
        tgt.code = format!("{country}{}", &tgt.code[3..]);
        true
    } else {
        false
    }
}
