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
        let targets = actors(&p.target);
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
        let no_target = targets.iter().all(Option::is_none);
        if let Some(code) = p.active.as_deref() {
            let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06"));
            let real_sources: Vec<&EventActor> = sources.iter().flatten().collect();
            let pairs = (cooperative && self.options.compound_pairs) || p.compound_source;
            if pairs && no_target && real_sources.len() > 1 {
                for a in &real_sources {
                    for b in &real_sources {
                        if a.code != b.code {
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
/// takes the country of the other side when that side is of `country`, the only country the
/// sentence names.
/// Returns whether the event changed.
pub(super) fn domestic_country(e: &mut CodedEvent, country: &str) -> bool {
    let (Some(src), Some(tgt)) = (e.source.as_mut(), e.target.as_mut()) else {
        return false;
    };
    let countryless = |a: &EventActor| a.code.len() > 3 && a.code.starts_with("---");
    if countryless(src) && country_of(&tgt.code) == Some(country) {
        src.code = format!("{country}{}", &src.code[3..]);
        true
    } else if countryless(tgt) && country_of(&src.code) == Some(country) {
        tgt.code = format!("{country}{}", &tgt.code[3..]);
        true
    } else {
        false
    }
}
