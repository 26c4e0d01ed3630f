//! Nominal events: events coded from event nouns and their arguments ("Russia's invasion of
//! Ukraine", "US sanctions against Iran", "talks between Iran and the EU", "Nixon's visit to
//! Beijing"), with the same evidence as verbal events: the `verb` span is the noun (with the
//! words of a multiword head: "arms deal", "air strike"), the actor spans are the phrases
//! that filled the slots, and the rule id is `nouns/FILE:LINE` of the noun entry
//! ([`dyad_lexicon::NounEntry`]), so it is never mistaken for a verb rule.
//!
//! **Finding nouns.** Every common noun (tag `NN`, `NNS`: "March" the month, "Summit" in a
//! name are proper nouns) outside eliminated comma clauses is looked
//! up by its lemma and its lower-case text ([`dyad_lexicon::NounIndex`]), except nouns that
//! modify another noun as a compound ("aid workers", "attack helicopter"); entries whose head
//! has words before the noun ("arms deal") need those words right before it (hyphens are
//! transparent) and are tried first; the first entry that fits is the noun's. A noun that is
//! part of an actor's name ("the Summit Group"), or whose token a verb pattern matched as one
//! of its words ("impose sanctions on Iran", "held talks with"), is not coded again: the
//! verbal event already says it. A null code (`---`) recognises the noun and codes nothing.
//!
//! **Slots.** `'s` is the noun's possessor phrase (with its conjuncts); `adj` every actor
//! named in the modifiers before the noun (adjectives, compounds: "US", "Iraqi", "US-China"),
//! with the role words among them attached ("Israeli military strikes" → ISRMIL); `PREP` the
//! object of that preposition attached to the noun, as a full noun phrase (conjuncts,
//! appositions; [`crate::nominal::Nominals::full`]). Actor codes are those of the date the
//! sentence is coded with (the event's date), as for verbs. For each side the first slot, in
//! the order the entry lists them, that names an actor fills it. A `%` slot naming two or
//! more actors gives every ordered pair of them ("talks between A and B", "Israeli-Palestinian
//! talks") when the source and the target are not both found otherwise.
//!
//! **Support verbs.** A noun with no source of its own that is the direct object of a support
//! verb of the lexicon ("Iraq launched an attack on Kuwait", "the EU announced sanctions
//! against Iran") takes the verb's subject as its source (not a personal pronoun: pronouns
//! are resolved elsewhere); a cooperative code (roots 03–06) with a compound borrowed subject
//! and no target gives every ordered pair ("Iran and Iraq signed a ceasefire").
//!
//! **Events** are made as for verbs: every source × target pair with the active code, the
//! reverse pair with the passive one; then the same filters (an actor with itself, no actors,
//! `require_dyad`), and they join the verbal events before the sentence's domestic-country
//! step and duplicate merge (a verbal event with the same source, target and code wins).
//! Negation: a noun with a `neg` child or the determiner "no" ("no talks") is dropped, or, with
//! [`crate::Negation::Flag`], kept and flagged (nouns have no code opposite). The derivation is
//! [`crate::Derivation::Nominal`] for both directions. **Confidence** is 0.75, 0.65 when the
//! source came from a support verb: a little below a verb's own code, since a noun's
//! arguments are found with less structure.
//!
//! **Acts not taken.** A noun inside what an appeal, intent, demand, rejection or threat is
//! about (CAMEO roots 02, 03, 10, 12, 13) names an act that has not happened: "rejected an
//! offer of talks", "threatened an invasion", "demands for a ceasefire", "the threat of
//! invasion"; so does the topic of talks, verbal or nominal ("negotiations on a troop
//! pullback", "met on the pullback"). Such a noun is
//! not coded (the governing verb or noun codes the appeal, threat or rejection). The walk up
//! the tree stops at the first verb: "NATO condemned Russia's invasion of Ukraine" keeps the
//! invasion (a condemnation, root 11, is about an act that took place).
//!
//! **Nouns inside a coded verb's arguments** ([`NominalEvents`]). In "NATO condemned Russia's
//! invasion of Ukraine" the invasion is an event in its own right (RUS → UKR 192) besides the
//! condemnation: an analyst wants both, so [`NominalEvents::All`] (the default) codes every
//! event noun, wherever it stands. [`NominalEvents::Fallback`] codes nouns only in sentences
//! whose verbs coded no event (the noun then carries the sentence: "Nixon's 1972 visit to
//! Beijing changed the Cold War"); [`NominalEvents::Off`] never does (PETRARCH's behaviour; its
//! dictionaries have no noun entries anyway).

use serde::Serialize;

use dyad_lexicon::{NounEntry, SlotPlace, SlotRole};

use crate::clause;
use crate::event::{CodedEvent, Derivation, EventActor, TextSpan};
use crate::nominal::{Actor, ActorSet, MentionKind, Nominals};
use crate::options::Negation;
use crate::sentence::{Dep, Sentence, Tag};
use crate::trace::{NounTrace, SentenceTrace};
use crate::{Coder, SentenceInput};

/// Which event nouns the coder codes ([`crate::CoderOptions::nominal_events`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NominalEvents {
    /// None.
    Off,
    /// Only in sentences whose verbs coded no event.
    Fallback,
    /// Every event noun with its arguments, also inside a coded verb's arguments ("NATO
    /// condemned Russia's invasion of Ukraine" gives the invasion too). The default.
    All,
}

/// Base confidence of a nominal event.
const CONFIDENCE: f32 = 0.75;
/// Lost when the source came from a support verb's subject.
const SUPPORT_PENALTY: f32 = 0.1;

/// One side as found: the actors, and how.
struct Found {
    set: ActorSet,
    how: String,
    /// Found inside another of the noun's phrases (a prepositional phrase the parser hung
    /// on the object of the noun's own phrase).
    nested: bool,
}

/// What the verbs of a sentence leave to the nouns.
pub(crate) struct VerbalContext<'a> {
    /// Tokens a verb pattern matched as words.
    pub used: &'a [bool],
    /// Tokens in eliminated comma clauses.
    pub blocked: &'a [bool],
}

/// The rule id of a noun entry: `nouns/` + the file's base name + `:line`.
fn rule_id(e: &NounEntry) -> String {
    let file = e
        .origin
        .file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&e.origin.file);
    format!("nouns/{file}:{}", e.origin.line)
}

/// Codes the event nouns of sentence `s`, appending to `events` and `suppressed`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn code_nouns(
    coder: &Coder,
    s: &Sentence<'_>,
    input: &SentenceInput<'_>,
    ctx: &VerbalContext<'_>,
    nom: &mut Nominals,
    events: &mut Vec<CodedEvent>,
    suppressed: &mut Vec<(CodedEvent, &'static str)>,
    mut trace: Option<&mut SentenceTrace>,
) {
    let opts = coder.options();
    match opts.nominal_events {
        NominalEvents::Off => return,
        NominalEvents::Fallback if !events.is_empty() => return,
        _ => {}
    }
    let idx = &**coder.index();
    if idx.nouns.is_empty() {
        return;
    }
    // The verbal events so far: their verb spans and codes, for the irrealis test.
    let verbal: Vec<(dyad_doc::Span, String)> = events
        .iter()
        .map(|e| (e.verb.span, e.code.clone()))
        .collect();
    for t in 0..s.len() {
        // A noun modifying another noun ("peace talks", "aid workers", "attack helicopter")
        // names no event of its own.
        if ctx.blocked.get(t).copied().unwrap_or(false)
            || !matches!(s.toks[t].tag, Tag::Nn | Tag::Nns)
            || s.toks[t].dep == Dep::Compound
        {
            continue;
        }
        let lemma = input
            .parse
            .token(s.base + t)
            .map_or("", |tok| tok.lemma())
            .to_owned();
        let lower = s.word(t).to_lowercase();
        let cands = idx.nouns.candidates(&lemma, &lower);
        if cands.is_empty() {
            continue;
        }
        let mut nt = trace.as_ref().map(|_| NounTrace {
            token: t,
            text: s.word(t).to_owned(),
            ..NounTrace::default()
        });
        let outcome = match irrealis(coder, s, input, &verbal, t) {
            Some(why) => Err(why),
            None => code_noun(coder, s, input, ctx, nom, t, &cands, nt.as_mut()),
        };
        match outcome {
            Ok(list) => {
                for (e, why) in list {
                    match why {
                        None => events.push(e),
                        Some(w) => suppressed.push((e, w)),
                    }
                }
            }
            Err(why) => {
                if let Some(n) = nt.as_mut() {
                    n.outcome = why;
                }
            }
        }
        if let (Some(tr), Some(n)) = (trace.as_deref_mut(), nt) {
            tr.nouns.push(n);
        }
    }
}

/// CAMEO roots whose events are about acts that have not happened: appeals, intents,
/// demands, rejections, threats.
const IRREALIS: &[&str] = &["02", "03", "10", "12", "13"];

/// The root of an event code (of its active code, else its passive one).
fn root_of(code: &dyad_lexicon::EventCode) -> Option<&str> {
    code.active
        .as_deref()
        .or(code.passive.as_deref())
        .and_then(|c| c.get(..2))
}

/// Why noun `t` names no act that took place, if it does not: it lies inside what a verb of
/// an appeal, intent, demand, rejection or threat coded an event for ("rejected an offer of
/// talks", "threatened an invasion"), inside an event noun of those roots ("demands for a
/// ceasefire", "the threat of invasion"), or is the topic ("on", "about", "over") of talks,
/// a noun or a verb of root 04 ("negotiations on a troop pullback"). The walk up the tree
/// stops at the first verb.
fn irrealis(
    coder: &Coder,
    s: &Sentence<'_>,
    input: &SentenceInput<'_>,
    verbal: &[(dyad_doc::Span, String)],
    t: usize,
) -> Option<String> {
    let idx = &**coder.index();
    let lex = idx.lexicon();
    let mut x = t;
    let mut topic = false;
    for _ in 0..s.len() {
        if s.toks[x].dep == Dep::Prep
            && ["on", "about", "over"]
                .iter()
                .any(|p| s.word(x).eq_ignore_ascii_case(p))
        {
            topic = true;
        }
        let h = s.head(x)?;
        if s.is_verbal(h) {
            let span = s.toks[h].span;
            let code = verbal
                .iter()
                .find(|(v, _)| v.start <= span.start && span.end <= v.end)
                .map(|(_, c)| c.as_str())?;
            let root = code.get(..2)?;
            return (IRREALIS.contains(&root) || (root == "04" && topic)).then(|| {
                format!(
                    "inside what {:?} ({code}) is about: an act not (yet) taken",
                    s.word(h)
                )
            });
        }
        if matches!(s.toks[h].tag, Tag::Nn | Tag::Nns) {
            let lemma = input.parse.token(s.base + h).map_or("", |tok| tok.lemma());
            let root = idx
                .nouns
                .candidates(lemma, &s.word(h).to_lowercase())
                .into_iter()
                .filter(|c| head_start(s, input, h, &c.before).is_some())
                .find_map(|c| lex.verbs.nouns.get(c.id.0 as usize))
                .and_then(|e| root_of(&e.code));
            if let Some(r) = root
                && (IRREALIS.contains(&r) || (r == "04" && topic))
            {
                return Some(format!(
                    "inside the event noun {:?} (root {r}): an act not (yet) taken",
                    s.word(h)
                ));
            }
        }
        x = h;
    }
    None
}

/// The words before head `t` that a multiword head needs, matched right to left (hyphens
/// skipped): the first token of the head, if they are there.
fn head_start(
    s: &Sentence<'_>,
    input: &SentenceInput<'_>,
    t: usize,
    before: &[String],
) -> Option<usize> {
    let mut x = t;
    for want in before.iter().rev() {
        loop {
            x = x.checked_sub(1)?;
            let w = s.word(x);
            if dyad_lexicon::nouns::noun_key(w).is_some() {
                break;
            }
        }
        let lower = dyad_lexicon::nouns::noun_key(s.word(x));
        let lemma = input
            .parse
            .token(s.base + x)
            .and_then(|tok| dyad_lexicon::nouns::noun_key(tok.lemma()));
        if lower.as_deref() != Some(want.as_str()) && lemma.as_deref() != Some(want.as_str()) {
            return None;
        }
    }
    Some(x)
}

#[allow(clippy::too_many_arguments)]
fn code_noun(
    coder: &Coder,
    s: &Sentence<'_>,
    input: &SentenceInput<'_>,
    ctx: &VerbalContext<'_>,
    nom: &mut Nominals,
    t: usize,
    cands: &[&dyad_lexicon::nouns::CompiledNoun],
    mut nt: Option<&mut NounTrace>,
) -> Result<Vec<(CodedEvent, Option<&'static str>)>, String> {
    let idx = &**coder.index();
    let lex = idx.lexicon();
    let opts = coder.options();
    // The entry: the first candidate whose words are there.
    let mut chosen = None;
    for c in cands {
        let Some(e) = lex.verbs.nouns.get(c.id.0 as usize) else {
            continue;
        };
        let start = head_start(s, input, t, &c.before);
        if let Some(n) = nt.as_deref_mut() {
            n.candidates.push(format!(
                "{} ({}): {}",
                rule_id(e),
                e.origin.text,
                if start.is_some() {
                    "head matches"
                } else {
                    "words before the noun missing"
                }
            ));
        }
        if let Some(st) = start {
            chosen = Some((e, st));
            break;
        }
    }
    let Some((entry, start)) = chosen else {
        return Err("no entry's head matches".into());
    };
    if let Some(n) = nt.as_deref_mut() {
        n.text = s.text_of(start, t + 1).to_owned();
    }
    if (start..=t).any(|x| ctx.used.get(x).copied().unwrap_or(false)) {
        return Err("a verb pattern used this noun: coded with the verb".into());
    }
    if (start..=t).any(
        |x| matches!(nom.mention_at(x), Some(m) if matches!(m.kind, MentionKind::Actor { .. })),
    ) {
        return Err("part of an actor's name".into());
    }
    if entry.code.is_null() {
        return Err(format!("{}: null code, no event", rule_id(entry)));
    }
    let negated = s.children(t).iter().any(|&c| {
        let c = c as usize;
        s.toks[c].dep == Dep::Neg
            || (s.toks[c].dep == Dep::Det && s.word(c).eq_ignore_ascii_case("no"))
    });
    if negated && opts.negation != Negation::Flag {
        return Err("negated (\"no …\"): dropped".into());
    }

    // Slots.
    let head_toks = start..t + 1;
    let mut source: Option<Found> = None;
    let mut target: Option<Found> = None;
    let mut both: Option<Found> = None;
    for slot in &entry.slots {
        let done = match slot.role {
            SlotRole::Source => source.is_some(),
            SlotRole::Target => target.is_some(),
            SlotRole::Both => both.is_some(),
        };
        if done {
            continue;
        }
        let found = match &slot.place {
            SlotPlace::Possessor => s
                .children(t)
                .iter()
                .map(|&c| c as usize)
                .find(|&c| s.toks[c].dep == Dep::Poss)
                .map(|c| Found {
                    set: nom.full(s, c),
                    how: format!("possessor ({})", slot),
                    nested: false,
                }),
            SlotPlace::Modifier => {
                let set = modifier_actors(s, nom, t, &head_toks);
                Some(Found {
                    set,
                    how: format!("modifier ({})", slot),
                    nested: false,
                })
            }
            SlotPlace::Prep(p) => prep_object(s, ctx, t, p).map(|(o, nested)| Found {
                set: nom.full(s, o),
                how: format!("\"{p}\" phrase ({})", slot),
                nested,
            }),
        };
        let Some(f) = found else { continue };
        let enough = match slot.role {
            SlotRole::Both => f.set.items.len() >= 2,
            _ => !f.set.is_empty(),
        };
        if enough {
            match slot.role {
                SlotRole::Source => source = Some(f),
                SlotRole::Target => target = Some(f),
                SlotRole::Both => both = Some(f),
            }
        }
    }
    // One phrase never fills both sides: when the source's and the target's actors share
    // words ("the withdrawal of forces from Panama", where "forces" took Panama from the
    // phrase the parser hung on it), the side found nested gives way, else the source.
    if let (Some(src), Some(tgt)) = (&source, &target) {
        let overlap = src.set.items.iter().any(|a| {
            tgt.set
                .items
                .iter()
                .any(|b| a.start < b.end && b.start < a.end)
        });
        if overlap {
            if tgt.nested && !src.nested {
                target = None;
            } else {
                source = None;
            }
        }
    }
    let mut confidence = CONFIDENCE;
    // A compound modifier that is also the source slot: the pairs win.
    if let (Some(b), Some(src)) = (&both, &source)
        && b.set == src.set
    {
        source = None;
    }
    if source.is_none()
        && both.is_none()
        && let Some(f) = support_source(idx, s, input, nom, t)
    {
        confidence -= SUPPORT_PENALTY;
        let code = entry.code.active.as_deref().unwrap_or("");
        let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06"));
        if target.is_none() && cooperative && opts.compound_pairs && f.set.items.len() >= 2 {
            both = Some(f);
        } else {
            source = Some(f);
        }
    }
    if let Some(n) = nt.as_deref_mut() {
        let show = |f: &Option<Found>| {
            f.as_ref().map(|f| {
                format!(
                    "[{}] from the {}",
                    f.set.codes().collect::<Vec<_>>().join(", "),
                    f.how
                )
            })
        };
        n.source = show(&source).or_else(|| show(&both));
        n.target = show(&target).or_else(|| show(&both));
    }
    if source.is_none() && target.is_none() && both.is_none() {
        return Err(format!("{}: no actor in any slot", rule_id(entry)));
    }

    // Events.
    let actor = |a: &Actor| EventActor {
        code: a.code.clone(),
        text: s.text_of(a.start, a.end).to_owned(),
        span: s.span_of(a.start, a.end),
    };
    let side = |f: &Option<Found>| -> Vec<Option<EventActor>> {
        match f {
            Some(f) if !f.set.is_empty() => f.set.items.iter().map(|a| Some(actor(a))).collect(),
            _ => vec![None],
        }
    };
    let mut pairs: Vec<(Option<EventActor>, Option<EventActor>)> = Vec::new();
    match (&both, source.is_some() && target.is_some()) {
        (Some(b), false) => {
            for a in &b.set.items {
                for c in &b.set.items {
                    if a.code != c.code {
                        pairs.push((Some(actor(a)), Some(actor(c))));
                    }
                }
            }
        }
        _ => {
            for a in side(&source) {
                for b in side(&target) {
                    pairs.push((a.clone(), b));
                }
            }
        }
    }
    let verb = TextSpan {
        text: s.text_of(start, t + 1).to_owned(),
        span: s.span_of(start, t + 1),
    };
    let rule = rule_id(entry);
    let make = |src: Option<EventActor>, tgt: Option<EventActor>, code: &str| CodedEvent {
        sentence_index: input.sentence_index,
        sentence_span: s.span_of(0, s.len()),
        source: src,
        target: tgt,
        code: code.to_owned(),
        verb: verb.clone(),
        rule: rule.clone(),
        derivation: Derivation::Nominal,
        negated,
        confidence: confidence.clamp(0.1, 1.0),
        issues: Vec::new(),
        date: input.date,
    };
    let mut out = Vec::new();
    for (a, b) in pairs {
        if let Some(code) = entry.code.active.as_deref() {
            out.push(make(a.clone(), b.clone(), code));
        }
        if let Some(code) = entry.code.passive.as_deref() {
            out.push(make(b, a, code));
        }
    }
    let mut result = Vec::with_capacity(out.len());
    let mut kept = 0;
    for e in out {
        let same = matches!((&e.source, &e.target), (Some(a), Some(b)) if a.code == b.code);
        let why = if same {
            Some("source and target are the same actor")
        } else if e.source.is_none() && e.target.is_none() {
            Some("no actors")
        } else if opts.require_dyad && (e.source.is_none() || e.target.is_none()) {
            Some("require_dyad")
        } else {
            kept += 1;
            None
        };
        result.push((e, why));
    }
    if let Some(n) = nt {
        n.outcome = format!(
            "{} -> {}: {kept} event(s){}",
            rule,
            entry.code,
            if negated { " (negated)" } else { "" }
        );
    }
    Ok(result)
}

/// The object of a prepositional phrase with preposition `p` that belongs to noun `t`, and
/// whether it was found nested: one attached to the noun; else one the parser attached to the
/// object of another of the noun's phrases ("the invasion of Afghanistan by the Soviet Union"
/// read as "Afghanistan by …", "the expulsion of Russian diplomats from Poland");
/// else, for a noun that is a direct object, one after it attached to its verb ("debate the
/// invasion of Kuwait by Iraq"), unless a pattern of that verb used the preposition.
fn prep_object(
    s: &Sentence<'_>,
    ctx: &VerbalContext<'_>,
    t: usize,
    p: &str,
) -> Option<(usize, bool)> {
    let preps_of = |x: usize| -> Vec<usize> {
        s.children(x)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| {
                matches!(s.toks[c].dep, Dep::Prep | Dep::Agent) && s.word(c).eq_ignore_ascii_case(p)
            })
            .collect()
    };
    let object = |c: usize| {
        s.children(c)
            .iter()
            .map(|&o| o as usize)
            .find(|&o| s.toks[o].dep == Dep::Pobj || s.is_nominal(o))
    };
    if let Some(o) = preps_of(t).into_iter().find_map(object) {
        return Some((o, false));
    }
    let own_objects: Vec<usize> = s
        .children(t)
        .iter()
        .map(|&c| c as usize)
        .filter(|&c| s.toks[c].dep == Dep::Prep && c > t)
        .filter_map(object)
        .collect();
    for o in own_objects {
        if let Some(x) = preps_of(o).into_iter().find_map(object) {
            return Some((x, true));
        }
    }
    if s.toks[t].dep == Dep::Dobj
        && let Some(v) = s.head(t)
    {
        let end = (t..s.len())
            .filter(|&i| s.in_subtree(t, i))
            .max()
            .map_or(t + 1, |m| m + 1);
        return preps_of(v)
            .into_iter()
            .filter(|&c| c >= end && s.toks[c].dep == Dep::Prep)
            .filter(|&c| !ctx.used.get(c).copied().unwrap_or(false))
            .find_map(object)
            .map(|o| (o, false));
    }
    None
}

/// Every actor named in the modifiers before noun `t` (not its possessor, not the words of
/// its head), with the role words among them attached; role words alone give `---` + role.
fn modifier_actors(
    s: &Sentence<'_>,
    nom: &Nominals,
    t: usize,
    head: &std::ops::Range<usize>,
) -> ActorSet {
    let mods: Vec<usize> = s
        .children(t)
        .iter()
        .map(|&c| c as usize)
        .filter(|&c| {
            c < t
                && !head.contains(&c)
                && matches!(
                    s.toks[c].dep,
                    Dep::Amod | Dep::Compound | Dep::Nmod | Dep::Npadvmod
                )
        })
        .collect();
    let inside = |x: usize| mods.iter().any(|&m| s.in_subtree(m, x));
    let mut actors: Vec<(&Vec<String>, usize, usize)> = Vec::new();
    let mut roles: Vec<(String, dyad_lexicon::Attach)> = Vec::new();
    let (mut rs, mut re) = (usize::MAX, 0);
    for m in &nom.mentions {
        if m.end > t || head.contains(&m.start) || !inside(m.start) {
            continue;
        }
        match &m.kind {
            MentionKind::Actor { codes, .. } if !codes.is_empty() => {
                actors.push((codes, m.start, m.end));
            }
            MentionKind::Actor { .. } => {}
            MentionKind::Agent { code, attach, .. } => {
                roles.push((code.clone(), *attach));
                rs = rs.min(m.start);
                re = re.max(m.end);
            }
        }
    }
    let mut set = ActorSet::default();
    if actors.is_empty() {
        if !roles.is_empty() {
            set.items.push(Actor::new("---", roles, rs, re));
        }
        return set;
    }
    for (codes, a, b) in actors {
        for c in codes {
            let (lo, hi) = if roles.is_empty() {
                (a, b)
            } else {
                (a.min(rs), b.max(re))
            };
            let actor = Actor::new(c, roles.clone(), lo, hi);
            if !set.items.iter().any(|x| x.code == actor.code) {
                set.items.push(actor);
            }
        }
    }
    set
}

/// The source a support verb lends noun `t` when the noun is its direct object.
fn support_source(
    idx: &dyad_lexicon::LexiconIndex,
    s: &Sentence<'_>,
    input: &SentenceInput<'_>,
    nom: &mut Nominals,
    t: usize,
) -> Option<Found> {
    // The noun, or the first conjunct it belongs to ("launched raids and air strikes").
    let mut x = t;
    for _ in 0..s.len() {
        if s.toks[x].dep != Dep::Conj {
            break;
        }
        x = s.head(x)?;
    }
    if s.toks[x].dep != Dep::Dobj {
        return None;
    }
    let v = s.head(x)?;
    let lemma = input.parse.token(s.base + v)?.lemma().to_owned();
    if !idx.nouns.is_support_verb(&lemma, &s.word(v).to_lowercase()) {
        return None;
    }
    let sub = clause::subject(s, v)?;
    let tok = sub.token;
    if clause::is_personal_pronoun(s, tok) || s.in_subtree(t, tok) {
        return None;
    }
    let set = nom.full(s, tok);
    (!set.is_empty()).then(|| Found {
        set,
        how: format!("subject of support verb {:?}", s.word(v)),
        nested: false,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use dyad_lexicon::{
        EventCode, Lexicon, LexiconIndex, NounEntry, NounHead, NounSlot, Origin, SupportVerb,
        parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs,
    };

    use super::*;
    use crate::conllu::parse_conllu;
    use crate::{CoderOptions, SentenceCoding, SentenceTrace};

    const ACTORS: &str = "\
ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
ROHAN [ROH]
MORDOR [MOR]
+MORDORIAN
UNITED_STATES [USA]
+US
CHINA [CHN]
RICHARD_NIXON
+NIXON
\t[USAGOV 19690120-19740809]
\t[USAELI 19740809-19940101]
";
    const VERBS: &str = "\
--- CONDEMN [111] ---
CONDEMN
--- THREATEN [130] ---
THREATEN
--- IMPOSE [---] ---
IMPOSE
- * SANCTIONS ON + [163]
";

    /// A noun entry from the lexicon's notation, in a test.
    fn noun(line: u32, head: &str, slots: &str, code: &str) -> NounEntry {
        let slots = slots
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                let s = s.trim();
                let role = |c: &str| match c {
                    "$" => SlotRole::Source,
                    "+" => SlotRole::Target,
                    _ => SlotRole::Both,
                };
                if let Some((prep, side)) = s.split_once(' ') {
                    NounSlot {
                        role: role(side),
                        place: SlotPlace::Prep(prep.into()),
                    }
                } else {
                    NounSlot {
                        role: role(&s[..1]),
                        place: if &s[1..] == "adj" {
                            SlotPlace::Modifier
                        } else {
                            SlotPlace::Possessor
                        },
                    }
                }
            })
            .collect();
        let (active, passive) = match code.split_once(':') {
            Some((a, p)) => (Some(a.to_owned()), Some(p.to_owned())),
            None => (Some(code.to_owned()), None),
        };
        NounEntry {
            head: NounHead::Words(head.split(' ').map(str::to_owned).collect()),
            slots,
            code: EventCode { active, passive },
            origin: Origin::new("lexicon/nouns/19_fight.txt", line, head),
        }
    }

    fn coder(opts: CoderOptions) -> Coder {
        let mut lex = Lexicon {
            actors: parse_petrarch_actors(ACTORS, "actors").value,
            agents: parse_petrarch_agents("TROOPS {} [~MIL]\n", "agents").value,
            verbs: parse_petrarch_verbs(VERBS, "verbs").value,
            ..Lexicon::default()
        };
        lex.verbs.nouns = vec![
            noun(1, "invasion", "$'s, $adj, by $, of +", "192"),
            noun(2, "talks", "%adj, $'s, $adj, with +, between %", "040:040"),
            noun(3, "recognition", "$'s, $adj, by $, of +", "054"),
            noun(4, "sanctions", "$'s, $adj, against +, on +", "163"),
            noun(5, "attack", "$'s, $adj, by $, on +", "190"),
            noun(6, "visit", "$'s, $adj, by $, to +", "042"),
            noun(
                7,
                "arms deal",
                "%adj, $'s, $adj, with +, between %",
                "062:062",
            ),
            noun(8, "deal", "%adj, $'s, $adj, with +, between %", "057:057"),
            noun(9, "assassination", "+'s, of +, by $", "186"),
        ];
        lex.verbs.support_verbs = vec![SupportVerb {
            lemma: "launch".into(),
            forms: vec!["launched".into()],
            origin: Origin::new("lexicon/nouns/00_support.txt", 1, "support launch"),
        }];
        Coder::new(Arc::new(LexiconIndex::new(lex)), opts)
    }

    fn code_with(
        c: &Coder,
        conllu: &str,
        date: Option<jiff::civil::Date>,
    ) -> (SentenceCoding, SentenceTrace) {
        let (text, parse) = parse_conllu(conllu).unwrap();
        let input = SentenceInput {
            text: &text,
            parse: &parse,
            tokens: 0..parse.len(),
            sentence_index: 0,
            date,
        };
        let mut trace = SentenceTrace::default();
        let coding = c.code_sentence_traced(&input, Some(&mut trace));
        // The trace renders whatever happened.
        assert!(trace.render().contains("sentence 0"));
        (coding, trace)
    }

    fn triples(c: &SentenceCoding) -> Vec<(String, String, String)> {
        c.events
            .iter()
            .map(|e| {
                (
                    e.source.as_ref().map_or("-".into(), |a| a.code.clone()),
                    e.target.as_ref().map_or("-".into(), |a| a.code.clone()),
                    e.code.clone(),
                )
            })
            .collect()
    }

    fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
        (s.into(), t.into(), c.into())
    }

    const POSSESSOR: &str = "\
1\tMordor\tMordor\tPROPN\tNNP\t_\t3\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tinvasion\tinvasion\tNOUN\tNN\t_\t6\tnsubj\t_\t_
4\tof\tof\tADP\tIN\t_\t3\tprep\t_\t_
5\tGondor\tGondor\tPROPN\tNNP\t_\t4\tpobj\t_\t_
6\tbegan\tbegin\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
";

    #[test]
    fn possessor_source_and_of_target() {
        let c = coder(CoderOptions::default());
        let (coding, trace) = code_with(&c, POSSESSOR, None);
        assert_eq!(triples(&coding), [t("MOR", "GON", "192")]);
        let e = &coding.events[0];
        assert_eq!(e.verb.text, "invasion");
        assert_eq!(e.rule, "nouns/19_fight.txt:1");
        assert_eq!(e.derivation, crate::Derivation::Nominal);
        assert_eq!(e.source.as_ref().unwrap().text, "Mordor");
        assert_eq!(e.target.as_ref().unwrap().text, "Gondor");
        assert!(e.confidence < 0.8 && e.confidence > 0.5);
        assert_eq!(trace.nouns.len(), 1);
        assert!(
            trace.nouns[0].outcome.contains("1 event"),
            "{:?}",
            trace.nouns
        );
        assert!(trace.render().contains("event noun \"invasion\""));
    }

    #[test]
    fn off_codes_no_nouns() {
        let c = coder(CoderOptions {
            nominal_events: NominalEvents::Off,
            ..CoderOptions::default()
        });
        let (coding, trace) = code_with(&c, POSSESSOR, None);
        assert!(coding.events.is_empty());
        assert!(trace.nouns.is_empty());
    }

    #[test]
    fn adjective_source_and_by_phrase() {
        let c = coder(CoderOptions::default());
        // "The Mordorian invasion of Gondor began."
        let (coding, _) = code_with(
            &c,
            "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
2\tMordorian\tMordorian\tADJ\tJJ\t_\t3\tamod\t_\t_
3\tinvasion\tinvasion\tNOUN\tNN\t_\t6\tnsubj\t_\t_
4\tof\tof\tADP\tIN\t_\t3\tprep\t_\t_
5\tGondor\tGondor\tPROPN\tNNP\t_\t4\tpobj\t_\t_
6\tbegan\tbegin\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("MOR", "GON", "192")]);
        // "The invasion of Gondor by Rohan began."
        let (coding, _) = code_with(
            &c,
            "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tinvasion\tinvasion\tNOUN\tNN\t_\t7\tnsubj\t_\t_
3\tof\tof\tADP\tIN\t_\t2\tprep\t_\t_
4\tGondor\tGondor\tPROPN\tNNP\t_\t3\tpobj\t_\t_
5\tby\tby\tADP\tIN\t_\t2\tprep\t_\t_
6\tRohan\tRohan\tPROPN\tNNP\t_\t5\tpobj\t_\t_
7\tbegan\tbegin\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("ROH", "GON", "192")]);
    }

    #[test]
    fn a_by_phrase_the_parser_hung_elsewhere_still_counts() {
        let c = coder(CoderOptions::default());
        // "Gondor recalls the invasion of Arnor by Mordor": "by" on the verb.
        let on_verb = "1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trecalls\trecall\tVERB\tVBZ\t_\t0\tROOT\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tinvasion\tinvasion\tNOUN\tNN\t_\t2\tdobj\t_\t_
5\tof\tof\tADP\tIN\t_\t4\tprep\t_\t_
6\tArnor\tArnor\tPROPN\tNNP\t_\t5\tpobj\t_\t_
7\tby\tby\tADP\tIN\t_\t2\tprep\t_\t_
8\tMordor\tMordor\tPROPN\tNNP\t_\t7\tpobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        let (coding, _) = code_with(&c, on_verb, None);
        assert!(
            triples(&coding).contains(&t("MOR", "ARN", "192")),
            "{:?}",
            triples(&coding)
        );
        // ... and on the object of "of".
        let on_object = on_verb.replace(
            "7\tby\tby\tADP\tIN\t_\t2\tprep",
            "7\tby\tby\tADP\tIN\t_\t6\tprep",
        );
        let (coding, _) = code_with(&c, &on_object, None);
        assert!(
            triples(&coding).contains(&t("MOR", "ARN", "192")),
            "{:?}",
            triples(&coding)
        );
    }

    #[test]
    fn one_phrase_never_fills_both_sides() {
        let c = coder(CoderOptions {
            require_dyad: false,
            ..CoderOptions::default()
        });
        // "the invasion by troops of Gondor": "troops of Gondor" is the source, and its
        // "of Gondor" no target.
        let by_troops = "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tinvasion\tinvasion\tNOUN\tNN\t_\t0\tROOT\t_\t_
3\tby\tby\tADP\tIN\t_\t2\tprep\t_\t_
4\ttroops\ttroop\tNOUN\tNNS\t_\t3\tpobj\t_\t_
5\tof\tof\tADP\tIN\t_\t4\tprep\t_\t_
6\tGondor\tGondor\tPROPN\tNNP\t_\t5\tpobj\t_\t_
";
        let (coding, _) = code_with(&c, by_troops, None);
        assert_eq!(triples(&coding), [t("GONMIL", "-", "192")]);
    }

    #[test]
    fn between_and_compound_pairs_give_both_directions() {
        let c = coder(CoderOptions::default());
        // "Talks between Arnor and Gondor resumed."
        let (coding, _) = code_with(
            &c,
            "1\tTalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
2\tbetween\tbetween\tADP\tIN\t_\t1\tprep\t_\t_
3\tArnor\tArnor\tPROPN\tNNP\t_\t2\tpobj\t_\t_
4\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_
5\tGondor\tGondor\tPROPN\tNNP\t_\t3\tconj\t_\t_
6\tresumed\tresume\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
",
            None,
        );
        assert_eq!(
            triples(&coding),
            [t("ARN", "GON", "040"), t("GON", "ARN", "040")]
        );
        // "US-China talks resumed."
        let (coding, _) = code_with(
            &c,
            "1\tUS\tUS\tPROPN\tNNP\t_\t3\tcompound\t_\tSpaceAfter=No
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No
3\tChina\tChina\tPROPN\tNNP\t_\t4\tcompound\t_\t_
4\ttalks\ttalk\tNOUN\tNNS\t_\t5\tnsubj\t_\t_
5\tresumed\tresume\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_
",
            None,
        );
        assert_eq!(
            triples(&coding),
            [t("USA", "CHN", "040"), t("CHN", "USA", "040")]
        );
    }

    #[test]
    fn multiword_head_wins_and_spans_both_words() {
        let c = coder(CoderOptions::default());
        // "Arnor's arms deal with Gondor collapsed."
        let (coding, _) = code_with(
            &c,
            "1\tArnor\tArnor\tPROPN\tNNP\t_\t4\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tarms\tarm\tNOUN\tNNS\t_\t4\tcompound\t_\t_
4\tdeal\tdeal\tNOUN\tNN\t_\t7\tnsubj\t_\t_
5\twith\twith\tADP\tIN\t_\t4\tprep\t_\t_
6\tGondor\tGondor\tPROPN\tNNP\t_\t5\tpobj\t_\t_
7\tcollapsed\tcollapse\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_
",
            None,
        );
        assert_eq!(
            triples(&coding),
            [t("ARN", "GON", "062"), t("GON", "ARN", "062")]
        );
        assert_eq!(coding.events[0].verb.text, "arms deal");
        assert_eq!(coding.events[0].rule, "nouns/19_fight.txt:7");
    }

    #[test]
    fn possessor_as_target_and_recognition() {
        let c = coder(CoderOptions::default());
        // "Gondor's recognition of Arnor angered Mordor."
        let (coding, _) = code_with(
            &c,
            "1\tGondor\tGondor\tPROPN\tNNP\t_\t3\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\trecognition\trecognition\tNOUN\tNN\t_\t6\tnsubj\t_\t_
4\tof\tof\tADP\tIN\t_\t3\tprep\t_\t_
5\tArnor\tArnor\tPROPN\tNNP\t_\t4\tpobj\t_\t_
6\tangered\tanger\tVERB\tVBD\t_\t0\tROOT\t_\t_
7\tMordor\tMordor\tPROPN\tNNP\t_\t6\tdobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("GON", "ARN", "054")]);
        // "Gondor's assassination by Mordor": the possessor is the victim.
        let (coding, _) = code_with(
            &c,
            "1\tGondor\tGondor\tPROPN\tNNP\t_\t3\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tassassination\tassassination\tNOUN\tNN\t_\t0\tROOT\t_\t_
4\tby\tby\tADP\tIN\t_\t3\tprep\t_\t_
5\tMordor\tMordor\tPROPN\tNNP\t_\t4\tpobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("MOR", "GON", "186")]);
    }

    #[test]
    fn a_noun_a_verb_pattern_used_is_not_coded_again() {
        let c = coder(CoderOptions::default());
        // "Arnor imposed sanctions on Gondor."
        let (coding, trace) = code_with(
            &c,
            "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\timposed\timpose\tVERB\tVBD\t_\t0\tROOT\t_\t_
3\tsanctions\tsanction\tNOUN\tNNS\t_\t2\tdobj\t_\t_
4\ton\ton\tADP\tIN\t_\t2\tprep\t_\t_
5\tGondor\tGondor\tPROPN\tNNP\t_\t4\tpobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("ARN", "GON", "163")]);
        assert_eq!(coding.events[0].derivation, crate::Derivation::Pattern);
        assert!(
            coding
                .suppressed
                .iter()
                .all(|(e, _)| e.derivation != crate::Derivation::Nominal)
        );
        assert!(
            trace.nouns[0].outcome.contains("verb pattern"),
            "{:?}",
            trace.nouns
        );
    }

    #[test]
    fn no_actor_codes_nothing_and_one_side_needs_require_dyad_off() {
        let c = coder(CoderOptions::default());
        // "The invasion began."
        let none = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tinvasion\tinvasion\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tbegan\tbegin\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
        let (coding, trace) = code_with(&c, none, None);
        assert!(coding.events.is_empty() && coding.suppressed.is_empty());
        assert!(trace.nouns[0].outcome.contains("no actor"));
        // "Mordor's invasion began.": one side only.
        let one = "1\tMordor\tMordor\tPROPN\tNNP\t_\t3\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tinvasion\tinvasion\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tbegan\tbegin\tVERB\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        let (coding, _) = code_with(&c, one, None);
        assert!(coding.events.is_empty());
        assert_eq!(coding.suppressed[0].1, "require_dyad");
        let c = coder(CoderOptions {
            require_dyad: false,
            ..CoderOptions::default()
        });
        let (coding, _) = code_with(&c, one, None);
        assert_eq!(triples(&coding), [t("MOR", "-", "192")]);
    }

    const NEGATED: &str = "\
1\tNo\tno\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
3\twith\twith\tADP\tIN\t_\t2\tprep\t_\t_
4\tGondor\tGondor\tPROPN\tNNP\t_\t3\tpobj\t_\t_
5\twere\tbe\tAUX\tVBD\t_\t6\tauxpass\t_\t_
6\tplanned\tplan\tVERB\tVBN\t_\t0\tROOT\t_\t_
7\tby\tby\tADP\tIN\t_\t6\tagent\t_\t_
8\tArnor\tArnor\tPROPN\tNNP\t_\t7\tpobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
";

    #[test]
    fn negated_nouns_are_dropped_or_flagged() {
        let c = coder(CoderOptions::default());
        let (coding, trace) = code_with(&c, NEGATED, None);
        assert!(coding.events.is_empty());
        assert!(trace.nouns[0].outcome.contains("negated"));
        let c = coder(CoderOptions {
            negation: Negation::Flag,
            require_dyad: false,
            ..CoderOptions::default()
        });
        let (coding, _) = code_with(&c, NEGATED, None);
        assert!(!coding.events.is_empty());
        assert!(coding.events.iter().all(|e| e.negated));
    }

    const EMBEDDED: &str = "\
1\tRohan\tRohan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\tROOT\t_\t_
3\tMordor\tMordor\tPROPN\tNNP\t_\t5\tposs\t_\tSpaceAfter=No
4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_
5\tinvasion\tinvasion\tNOUN\tNN\t_\t2\tdobj\t_\t_
6\tof\tof\tADP\tIN\t_\t5\tprep\t_\t_
7\tGondor\tGondor\tPROPN\tNNP\t_\t6\tpobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn a_noun_in_a_coded_verbs_argument_is_coded_unless_fallback() {
        let c = coder(CoderOptions::default());
        let (coding, _) = code_with(&c, EMBEDDED, None);
        let all = triples(&coding);
        assert!(all.contains(&t("ROH", "MOR", "111")), "{all:?}");
        assert!(all.contains(&t("MOR", "GON", "192")), "{all:?}");
        let c = coder(CoderOptions {
            nominal_events: NominalEvents::Fallback,
            ..CoderOptions::default()
        });
        let (coding, _) = code_with(&c, EMBEDDED, None);
        assert!(triples(&coding).iter().all(|x| x.2 != "192"));
        // Fallback still codes a sentence without verbal events.
        let (coding, _) = code_with(&c, POSSESSOR, None);
        assert_eq!(triples(&coding), [t("MOR", "GON", "192")]);
    }

    #[test]
    fn acts_not_taken_are_not_coded() {
        let c = coder(CoderOptions::default());
        // "Rohan threatened Mordor's invasion of Gondor" (with THREATEN [130]).
        let threat = EMBEDDED.replace("condemned\tcondemn", "threatened\tthreaten");
        let (coding, trace) = code_with(&c, &threat, None);
        let all = triples(&coding);
        assert!(all.iter().all(|x| x.2 != "192"), "{all:?}");
        assert!(
            trace.nouns[0].outcome.contains("not (yet) taken"),
            "{:?}",
            trace.nouns
        );
        // "Talks on Mordor's invasion of Gondor": the topic of talks.
        let (coding, trace) = code_with(
            &c,
            "1\tTalks\ttalk\tNOUN\tNNS\t_\t0\tROOT\t_\t_
2\ton\ton\tADP\tIN\t_\t1\tprep\t_\t_
3\tMordor\tMordor\tPROPN\tNNP\t_\t5\tposs\t_\tSpaceAfter=No
4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_
5\tinvasion\tinvasion\tNOUN\tNN\t_\t2\tpobj\t_\t_
6\tof\tof\tADP\tIN\t_\t5\tprep\t_\t_
7\tGondor\tGondor\tPROPN\tNNP\t_\t6\tpobj\t_\t_
",
            None,
        );
        assert!(coding.events.is_empty(), "{:?}", triples(&coding));
        assert!(
            trace
                .nouns
                .iter()
                .any(|n| n.outcome.contains("event noun \"Talks\"")),
            "{:?}",
            trace.nouns
        );
    }

    #[test]
    fn support_verb_lends_its_subject() {
        let c = coder(CoderOptions::default());
        // "Arnor launched an attack on Gondor."
        let (coding, trace) = code_with(
            &c,
            "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tlaunched\tlaunch\tVERB\tVBD\t_\t0\tROOT\t_\t_
3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tattack\tattack\tNOUN\tNN\t_\t2\tdobj\t_\t_
5\ton\ton\tADP\tIN\t_\t4\tprep\t_\t_
6\tGondor\tGondor\tPROPN\tNNP\t_\t5\tpobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
",
            None,
        );
        assert_eq!(triples(&coding), [t("ARN", "GON", "190")]);
        assert!(coding.events[0].confidence < CONFIDENCE);
        assert!(
            trace.nouns[0]
                .source
                .as_deref()
                .unwrap_or("")
                .contains("support verb")
        );
        // "Rohan condemned an attack on Gondor": condemn lends nothing.
        let (coding, _) = code_with(
            &c,
            "1\tRohan\tRohan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\tROOT\t_\t_
3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tattack\tattack\tNOUN\tNN\t_\t2\tdobj\t_\t_
5\ton\ton\tADP\tIN\t_\t4\tprep\t_\t_
6\tGondor\tGondor\tPROPN\tNNP\t_\t5\tpobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
",
            None,
        );
        assert!(triples(&coding).iter().all(|x| x.2 != "190"));
    }

    #[test]
    fn actors_are_coded_on_the_events_date() {
        let c = coder(CoderOptions::default());
        // "Nixon's visit to China"
        let conllu = "1\tNixon\tNixon\tPROPN\tNNP\t_\t3\tposs\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tvisit\tvisit\tNOUN\tNN\t_\t0\tROOT\t_\t_
4\tto\tto\tADP\tIN\t_\t3\tprep\t_\t_
5\tChina\tChina\tPROPN\tNNP\t_\t4\tpobj\t_\t_
";
        let (coding, _) = code_with(&c, conllu, Some(jiff::civil::date(1972, 2, 21)));
        assert_eq!(triples(&coding), [t("USAGOV", "CHN", "042")]);
        let (coding, _) = code_with(&c, conllu, Some(jiff::civil::date(1980, 1, 1)));
        assert_eq!(triples(&coding), [t("USAELI", "CHN", "042")]);
    }

    #[test]
    fn garbage_trees_do_not_panic() {
        let c = coder(CoderOptions::default());
        let (coding, _) = code_with(
            &c,
            "1\tinvasion\tinvasion\tNOUN\tNN\t_\t2\tposs\t_\t_
2\tinvasion\tinvasion\tNOUN\tNN\t_\t1\tprep\t_\t_
3\tof\tof\tADP\tIN\t_\t9\tprep\t_\t_
4\tarms\tarms\tNOUN\tNNS\t_\t4\tcompound\t_\t_
5\tdeal\tdeal\tNOUN\tNN\t_\t0\tROOT\t_\t_
",
            None,
        );
        assert!(coding.events.is_empty());
    }
}
