//! Noun phrases → actor codes.
//!
//! **Mentions.** The sentence's keys are scanned once, left to right: at each position that
//! begins a token (a name inside a hyphenated word, "pro-Russia", is not that name) the
//! longest actor name is taken, else the longest agent phrase (PETRARCH's order); the scan
//! resumes after the match. Actor names resolve to their code on the event date (a dated
//! period containing the date wins over an undated default, across the entries that share
//! the name as within one); a null period (`---`) leaves a "known, not an actor" mention that
//! codes nothing.
//!
//! **Phrases.** A nominal head's *own phrase* is the head and what hangs off it inside the
//! noun phrase proper: determiners, adjectives, compounds, numbers, possessors with their
//! `'s` (followed recursively), coordinated modifiers ("US and British activists"), and the
//! whole of any name the head is part of. Prepositional phrases, relative clauses,
//! appositions and conjuncts are not in it. The own phrase is also the unit ("chunk") that
//! the `$`, `+`, `%` and `^` slots of verb patterns match.
//!
//! **Codes of a phrase.** The leftmost actor of the own phrase (TABARI's and PETRARCH's
//! "first actor in the phrase": "Ithilen's minister Calimehtar" is Ithilen's), plus the
//! actors coordinated with it ("US and British activists"; "Fornost and the evil Gondor" when
//! the parser put both in one phrase), each with every agent of the own phrase attached in
//! text order: a suffix agent (`~GOV`) is appended, a prefix agent (`NGO~`) put in front,
//! each only if the code does not already carry it as one of its three-letter parts
//! ("White House officials": USAGOV + GOV = USAGOV; "West German world government": GMWGOV +
//! WGO = GMWGOVWGO). Without an own actor the phrase takes, in this order, the actor of its
//! first prepositional phrase that has one ("troops in Iraq" → IRQMIL, "the ambassadors of
//! Arnor" → ARNGOV), of a prepositional phrase of a participle modifying it ("a report
//! released in the Rwandan capital" → RWA), of its apposition, and last the agents of a
//! prepositional phrase ("an air strike by government forces" → `---MIL`); its own agents
//! attach to what it took (own agents first). Agents alone give `---` + agent ("officials"
//! → `---GOV`). An apposition that refines the head's code keeps the refinement ("Kim, North
//! Korea's leader": PRK → PRKGOV). Whether the head word itself is the name or role word is
//! recorded ([`ActorSet::head_named`]): a role word modifying another noun ("military
//! exercises") makes a source, not a target.
//!
//! **Conjunctions.** A phrase with conjuncts stands for every conjunct's codes ("Ithilen and
//! the government of Gondor" → ITH, GONGOV); conjuncts of any word of the head's name count
//! (parsers split names), and so do appositions that continue a list ("The US, Russia, and
//! Switzerland"; "Mordor, the awful Fornost, and Gondor"). Conjuncts that code nothing are
//! dropped ("the lions and Gondor" → GON). A conjunct with agents but no actor borrows the
//! actors of its siblings, so shared modifiers distribute: "Danish media and government" →
//! DNKMED, DNKGOV; "lawmakers and officials in Fornost and Gondor" → FORLEG, GONLEG, FORGOV,
//! GONGOV.
//!
//! **New actors.** With `new_actor_length` > 0 (PETRARCH's option), a phrase with no code at
//! all and at most that many words (its apposition included, `'s` and punctuation not
//! counted) is coded by its own text in quotes (`"INJURY TOLL"`); only whole phrases, never
//! a part a fallback looked into.

use dyad_lexicon::{ActorId, AgentId, Attach, LexiconIndex};
use jiff::civil::Date;

use crate::sentence::{Dep, Sentence, Tag};

/// What a mention is.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// An actor name with its codes on the date (several for TABARI's `[A/B/C]`); empty when
    /// the name's period is the null code.
    Actor {
        /// The entry.
        actor: ActorId,
        /// The codes that apply (empty for `---`).
        codes: Vec<String>,
    },
    /// A role word.
    Agent {
        /// The entry.
        agent: AgentId,
        /// The role code without `~`.
        code: String,
        /// Where it goes.
        attach: Attach,
    },
}

/// An actor or agent phrase found in the sentence: tokens `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What was found.
    pub kind: MentionKind,
}

/// One actor of a phrase: a full code and the tokens it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Actor {
    /// The code ("RUSMIL", "---GOV", a quoted new actor).
    pub code: String,
    /// The actor's code before agents were attached ("RUS", "---").
    pub base: String,
    /// The agents attached, in order.
    pub roles: Vec<(String, Attach)>,
    /// First token of the phrase that named it.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
}

impl Actor {
    /// An actor `base` with `roles` attached, named by tokens `start..end`.
    pub fn new(base: &str, roles: Vec<(String, Attach)>, start: usize, end: usize) -> Actor {
        Actor {
            code: attach_agents(base, &roles),
            base: base.to_owned(),
            roles,
            start,
            end,
        }
    }
}

/// The actors a phrase stands for (several for compounds), in text order, no duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorSet {
    /// The actors.
    pub items: Vec<Actor>,
    /// Whether the phrase's head word itself names an actor or role ("officials"), rather
    /// than a modifier of another noun ("military exercises").
    pub head_named: bool,
}

impl ActorSet {
    /// Whether there is no actor.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether any actor has a country or organisation (not only an agent).
    pub fn has_actor(&self) -> bool {
        self.items.iter().any(|a| !a.code.starts_with("---"))
    }

    fn push(&mut self, a: Actor) {
        if !self.items.iter().any(|b| b.code == a.code) {
            self.items.push(a);
        }
    }

    fn extend(&mut self, other: &ActorSet) {
        for a in &other.items {
            self.push(a.clone());
        }
    }

    /// The codes, in order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|a| a.code.as_str())
    }
}

/// Dependency labels that keep a dependent inside its head's own phrase.
fn in_phrase(dep: Dep) -> bool {
    matches!(
        dep,
        Dep::Det
            | Dep::Predet
            | Dep::Amod
            | Dep::Compound
            | Dep::Nummod
            | Dep::Quantmod
            | Dep::Nmod
            | Dep::Poss
            | Dep::Case
            | Dep::Advmod
            | Dep::Punct
            | Dep::Dep
    )
}

/// Mentions, phrases and their codes for one sentence.
#[derive(Debug)]
pub struct Nominals {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Mention covering each token (`u32::MAX` for none).
    tok_mention: Vec<u32>,
    /// Own-phrase extent of each token as a nominal head: (first, one past last).
    extent: Vec<(u32, u32)>,
    /// Chunk head starting at each token (`u32::MAX` for none).
    chunk_start: Vec<u32>,
    /// Chunk head ending at each token (its last token), `u32::MAX` for none.
    chunk_end: Vec<u32>,
    /// The narrowest chunk containing each token, `u32::MAX` for none.
    chunk_cover: Vec<u32>,
    own: Vec<Option<ActorSet>>,
    full: Vec<Option<ActorSet>>,
    new_actor_length: usize,
}

impl Nominals {
    /// Finds the mentions of `s` on `date` and indexes its phrases. Tokens where `blocked` is
    /// true (eliminated comma clauses) hold no mention.
    pub fn new(
        s: &Sentence<'_>,
        index: &LexiconIndex,
        date: Option<Date>,
        blocked: &[bool],
        new_actor_length: usize,
    ) -> Nominals {
        let n = s.len();
        let mut mentions = Vec::new();
        let mut tok_mention = vec![u32::MAX; n];
        let seq = &s.keys;
        let mut pos = 0;
        while pos < seq.len() {
            let tok = s.key_token(pos);
            // Names start at a token's first key: "pro-Russia" is not "Russia".
            if blocked.get(tok).copied().unwrap_or(false) || s.toks[tok].key_start as usize != pos {
                pos += 1;
                continue;
            }
            if let Some(m) = index.actors.longest_at(seq, pos) {
                let start = s.key_token(m.start);
                let end = s.key_token(m.end.saturating_sub(1)) + 1;
                let (actor, codes) = match resolve(index, m.entries, date) {
                    Some((id, p)) => (
                        id,
                        if p.is_null() {
                            Vec::new()
                        } else {
                            p.codes.clone()
                        },
                    ),
                    None => (m.entries.first().map_or(ActorId(0), |e| e.0), Vec::new()),
                };
                push_mention(
                    &mut mentions,
                    &mut tok_mention,
                    start,
                    end,
                    MentionKind::Actor { actor, codes },
                );
                pos = m.end.max(pos + 1);
                continue;
            }
            if let Some(m) = index.agents.longest_at(seq, pos) {
                let start = s.key_token(m.start);
                let end = s.key_token(m.end.saturating_sub(1)) + 1;
                if let Some(&agent) = m.entries.first()
                    && let Some((code, attach)) = index.agent_code(agent)
                {
                    push_mention(
                        &mut mentions,
                        &mut tok_mention,
                        start,
                        end,
                        MentionKind::Agent {
                            agent,
                            code: code.to_owned(),
                            attach,
                        },
                    );
                }
                pos = m.end.max(pos + 1);
                continue;
            }
            pos += 1;
        }

        // Own-phrase extents and chunks.
        let mut extent = vec![(0u32, 0u32); n];
        for (i, e) in extent.iter_mut().enumerate() {
            let (mut lo, mut hi) = (i, i + 1);
            let mut stack = vec![i];
            let mut steps = 0;
            while let Some(x) = stack.pop() {
                steps += 1;
                if steps > n + 1 {
                    break;
                }
                for &c in s.children(x) {
                    let c = c as usize;
                    // Coordinated modifiers ("US and British activists") stay in the phrase.
                    if in_phrase(s.toks[c].dep)
                        || (x != i && matches!(s.toks[c].dep, Dep::Conj | Dep::Cc))
                    {
                        lo = lo.min(c);
                        hi = hi.max(c + 1);
                        stack.push(c);
                    }
                }
            }
            // A name the head is part of belongs to its phrase whole.
            let m = tok_mention[i];
            if m != u32::MAX
                && let Some(mention) = mentions.get(m as usize)
            {
                lo = lo.min(mention.start);
                hi = hi.max(mention.end);
            }
            *e = (lo as u32, hi as u32);
        }
        let mut chunk_start = vec![u32::MAX; n];
        let mut chunk_end = vec![u32::MAX; n];
        let mut chunk_cover = vec![u32::MAX; n];
        for (i, &(lo, hi)) in extent.iter().enumerate() {
            if is_chunk_head(s, i) {
                for slot in &mut chunk_cover[lo as usize..(hi as usize).min(n)] {
                    let narrower = *slot == u32::MAX || {
                        let (a, b) = extent[*slot as usize];
                        hi - lo < b - a
                    };
                    if narrower {
                        *slot = i as u32;
                    }
                }
                let (lo, hi) = (lo as usize, hi as usize);
                if chunk_start[lo] == u32::MAX {
                    chunk_start[lo] = i as u32;
                }
                if let Some(last) = hi.checked_sub(1)
                    && chunk_end[last] == u32::MAX
                {
                    chunk_end[last] = i as u32;
                }
            }
        }
        Nominals {
            mentions,
            tok_mention,
            extent,
            chunk_start,
            chunk_end,
            chunk_cover,
            own: vec![None; n],
            full: vec![None; n],
            new_actor_length,
        }
    }

    /// The mention covering token `t`.
    pub fn mention_at(&self, t: usize) -> Option<&Mention> {
        let m = *self.tok_mention.get(t)?;
        self.mentions.get(m as usize)
    }

    /// Adds a mention of tokens `start..end` found outside the lexicon (a reference resolved
    /// from the document context: [`crate::context`]), replacing the mentions it overlaps.
    /// Phrase extents grow to cover it; cached phrase codes are dropped.
    pub(crate) fn insert_mention(&mut self, start: usize, end: usize, kind: MentionKind) {
        let n = self.tok_mention.len();
        let end = end.min(n);
        if start >= end {
            return;
        }
        self.mentions.retain(|m| m.end <= start || m.start >= end);
        let at = self.mentions.partition_point(|m| m.start < start);
        self.mentions.insert(at, Mention { start, end, kind });
        self.tok_mention.iter_mut().for_each(|t| *t = u32::MAX);
        for (id, m) in self.mentions.iter().enumerate() {
            for t in m.start..m.end.min(n) {
                if self.tok_mention[t] == u32::MAX {
                    self.tok_mention[t] = id as u32;
                }
            }
        }
        for t in start..end {
            if let Some(e) = self.extent.get_mut(t) {
                e.0 = e.0.min(start as u32);
                e.1 = e.1.max(end as u32);
            }
        }
        self.own.iter_mut().for_each(|x| *x = None);
        self.full.iter_mut().for_each(|x| *x = None);
    }

    /// The own-phrase extent of token `t` as a head.
    pub fn extent(&self, t: usize) -> (usize, usize) {
        self.extent
            .get(t)
            .map_or((t, t + 1), |&(a, b)| (a as usize, b as usize))
    }

    /// The head of the chunk that starts at token `t`.
    pub fn chunk_starting(&self, t: usize) -> Option<usize> {
        let h = *self.chunk_start.get(t)?;
        (h != u32::MAX).then_some(h as usize)
    }

    /// The head of the narrowest chunk containing token `t`.
    pub fn chunk_covering(&self, t: usize) -> Option<usize> {
        let h = *self.chunk_cover.get(t)?;
        (h != u32::MAX).then_some(h as usize)
    }

    /// The head of the chunk that ends at token `t` (its last token).
    pub fn chunk_ending(&self, t: usize) -> Option<usize> {
        let h = *self.chunk_end.get(t)?;
        (h != u32::MAX).then_some(h as usize)
    }

    /// The codes of `head`'s own phrase only (what pattern slots see).
    pub fn own(&mut self, s: &Sentence<'_>, head: usize) -> ActorSet {
        if let Some(Some(a)) = self.own.get(head) {
            return a.clone();
        }
        let set = self.compute_own(s, head);
        if let Some(slot) = self.own.get_mut(head) {
            *slot = Some(set.clone());
        }
        set
    }

    fn compute_own(&self, s: &Sentence<'_>, head: usize) -> ActorSet {
        let (lo, hi) = self.extent(head);
        let mut actor: Option<(&Mention, &Vec<String>)> = None;
        let mut coordinated: Vec<(&Mention, &Vec<String>)> = Vec::new();
        let mut last_actor: Option<&Mention> = None;
        let mut agents: Vec<(String, Attach, usize, usize)> = Vec::new();
        let mut seen = u32::MAX;
        for t in lo..hi {
            let m = self.tok_mention.get(t).copied().unwrap_or(u32::MAX);
            if m == u32::MAX || m == seen {
                continue;
            }
            seen = m;
            let Some(mention) = self.mentions.get(m as usize) else {
                continue;
            };
            // The mention must start inside the phrase and belong to this head's phrase (not
            // to a nested prepositional phrase that happens to lie inside the extent).
            let covers_head = mention.start <= head && head < mention.end;
            if !covers_head
                && (mention.start < lo
                    || !s.in_subtree(head, mention.start)
                    || !self.belongs(s, head, mention.start))
            {
                continue;
            }
            match &mention.kind {
                MentionKind::Actor { codes, .. } => {
                    // Further actors count when coordinated with the one before them: a
                    // conjunct ("US and British"), or after a name that carries the
                    // conjunction ("Fornost and the evil Gondor" parsed inside one phrase).
                    if actor.is_none() && !codes.is_empty() {
                        actor = Some((mention, codes));
                        last_actor = Some(mention);
                    } else if !codes.is_empty()
                        && ((mention.start..mention.end).any(|t| s.toks[t].dep == Dep::Conj)
                            || last_actor.is_some_and(|p| has_cc(s, p.start, p.end)))
                    {
                        coordinated.push((mention, codes));
                        last_actor = Some(mention);
                    }
                }
                MentionKind::Agent { code, attach, .. } => {
                    agents.push((code.clone(), *attach, mention.start, mention.end))
                }
            }
        }
        let mut set = ActorSet {
            head_named: self.mention_at(head).is_some(),
            ..ActorSet::default()
        };
        let roles: Vec<(String, Attach)> = agents.iter().map(|a| (a.0.clone(), a.1)).collect();
        match actor {
            Some(first) => {
                for (m, codes) in std::iter::once(first).chain(coordinated) {
                    let start = m
                        .start
                        .min(agents.iter().map(|a| a.2).min().unwrap_or(m.start));
                    let end = m.end.max(agents.iter().map(|a| a.3).max().unwrap_or(m.end));
                    for c in codes {
                        set.push(Actor::new(c, roles.clone(), start, end));
                    }
                }
            }
            None if !agents.is_empty() => {
                let start = agents.iter().map(|a| a.2).min().unwrap_or(lo);
                let end = agents.iter().map(|a| a.3).max().unwrap_or(hi);
                set.push(Actor::new("---", roles, start, end));
            }
            None => {}
        }
        set
    }

    /// Whether token `t` (inside `head`'s subtree) is reached from `head` through in-phrase
    /// labels only.
    fn belongs(&self, s: &Sentence<'_>, head: usize, t: usize) -> bool {
        let mut x = t;
        for _ in 0..s.len() + 1 {
            if x == head {
                return true;
            }
            let Some(h) = s.head(x) else { return false };
            if !(in_phrase(s.toks[x].dep) || (s.toks[x].dep == Dep::Conj && h != head)) {
                // A mention may run on from the head into a prepositional phrase
                // ("Prince of Dol Amroth"): allowed when the mention started in the phrase.
                return false;
            }
            x = h;
        }
        false
    }

    /// The codes `head` stands for as a noun phrase: own codes, or those of its apposition or
    /// prepositional phrase, over all conjuncts (see the module docs).
    pub fn full(&mut self, s: &Sentence<'_>, head: usize) -> ActorSet {
        if let Some(Some(a)) = self.full.get(head) {
            return a.clone();
        }
        // Guard against deep recursion on pathological trees: compute with a depth limit.
        let set = self.compute_full(s, head, 0);
        if let Some(slot) = self.full.get_mut(head) {
            *slot = Some(set.clone());
        }
        set
    }

    fn compute_full(&mut self, s: &Sentence<'_>, head: usize, depth: usize) -> ActorSet {
        if depth > 12 {
            return ActorSet::default();
        }
        // Conjuncts: head plus its conj children (which may have conj children of their own).
        let mut conjuncts = vec![head];
        let mut i = 0;
        while i < conjuncts.len() && conjuncts.len() < 64 {
            let x = conjuncts[i];
            // The conjuncts of the head, or of any word of a name it is part of (a parse
            // that splits "Barack Obama and Vladimir Putin" inside the first name).
            let (a, b) = self
                .mention_at(x)
                .map_or((x, x + 1), |m| (m.start.min(x), m.end.max(x + 1)));
            for y in a..b {
                for &c in s.children(y) {
                    let c = c as usize;
                    // An apposition that is itself coordinated is the rest of a list ("The
                    // US, Russia, and Switzerland").
                    // So is one followed by a conjunct of its head ("Evil Mordor, the awful
                    // Fornost, and good Gondor").
                    let list_appos = s.toks[c].dep == Dep::Appos
                        && (s
                            .children(c)
                            .iter()
                            .any(|&k| s.toks[k as usize].dep == Dep::Conj)
                            || s.children(y)
                                .iter()
                                .any(|&k| s.toks[k as usize].dep == Dep::Conj && k as usize > c));
                    if (s.toks[c].dep == Dep::Conj || list_appos)
                        && s.is_nominal(c)
                        && !(a..b).contains(&c)
                        && !conjuncts.contains(&c)
                    {
                        conjuncts.push(c);
                    }
                }
            }
            i += 1;
        }
        conjuncts.sort_unstable();
        let mut sets: Vec<ActorSet> = Vec::with_capacity(conjuncts.len());
        for &c in &conjuncts {
            sets.push(self.single(s, c, depth));
        }
        if sets.len() > 1 {
            // Agent-only conjuncts borrow their siblings' actors.
            let donors: Vec<Actor> = sets
                .iter()
                .flat_map(|x| x.items.iter())
                .filter(|a| !a.code.starts_with("---"))
                .cloned()
                .collect();
            if !donors.is_empty() {
                for set in &mut sets {
                    if !set.is_empty() && !set.has_actor() {
                        let mut borrowed = ActorSet::default();
                        for own in &set.items {
                            for d in &donors {
                                borrowed.push(Actor::new(
                                    &d.base,
                                    own.roles.clone(),
                                    own.start,
                                    own.end,
                                ));
                            }
                        }
                        *set = borrowed;
                    }
                }
            }
        }
        let mut out = ActorSet {
            head_named: sets.iter().any(|x| x.head_named),
            ..ActorSet::default()
        };
        for set in &sets {
            out.extend(set);
        }
        out
    }

    /// Codes of one conjunct (no conj expansion of `head` itself).
    fn single(&mut self, s: &Sentence<'_>, head: usize, depth: usize) -> ActorSet {
        let own = self.own(s, head);
        let mut appos = None;
        if let Some(a) = s.child(head, Dep::Appos) {
            let set = self.compute_full(s, a, depth + 1);
            if !set.is_empty() {
                appos = Some(set);
            }
        }
        if own.has_actor() {
            // An apposition that refines the head's code ("Kim, North Korea's leader").
            if let Some(ap) = &appos
                && own.items.len() == 1
                && ap.items.len() == 1
                && ap.items[0].code.len() > own.items[0].code.len()
                && ap.items[0].code.starts_with(own.items[0].code.as_str())
            {
                return ap.clone();
            }
            return own;
        }
        // Fallbacks, in order: a prepositional phrase naming an actor ("troops in Iraq"), one
        // inside a participle modifying the head ("a report released in the Rwandan
        // capital"), the apposition, and last a prepositional phrase with agents only ("an
        // air strike by government forces").
        let preps = self.prep_sets(s, head, depth);
        let mut borrowed: Option<ActorSet> = preps.iter().find(|x| x.has_actor()).cloned();
        if borrowed.is_none() {
            for &c in s.children(head) {
                let c = c as usize;
                if s.toks[c].dep == Dep::Acl
                    && matches!(s.toks[c].tag, Tag::Vbn | Tag::Vbg)
                    && !s
                        .children(c)
                        .iter()
                        .any(|&k| s.toks[k as usize].dep.is_subject())
                {
                    let inner = self.prep_sets(s, c, depth);
                    if let Some(x) = inner.iter().find(|x| x.has_actor()) {
                        borrowed = Some(x.clone());
                        break;
                    }
                }
            }
        }
        if borrowed.is_none() {
            borrowed = appos.filter(|a| a.has_actor());
        }
        if borrowed.is_none() && own.is_empty() {
            borrowed = preps.into_iter().find(|x| !x.is_empty());
        }
        match borrowed {
            Some(set) => {
                if own.is_empty() {
                    return set;
                }
                // Own agents attach to the borrowed actors.
                let mut out = ActorSet {
                    head_named: own.head_named || set.head_named,
                    ..ActorSet::default()
                };
                for o in &own.items {
                    for b in &set.items {
                        let mut roles = o.roles.clone();
                        roles.extend(b.roles.iter().cloned());
                        out.push(Actor::new(
                            &b.base,
                            roles,
                            o.start.min(b.start),
                            o.end.max(b.end),
                        ));
                    }
                }
                out
            }
            None if !own.is_empty() => own,
            // New actors are made for the phrase as a whole, never for a part of it that a
            // fallback looked into.
            None if depth == 0 => self.new_actor(s, head),
            None => ActorSet::default(),
        }
    }

    /// The full codes of the objects of `head`'s prepositional phrases, in order.
    fn prep_sets(&mut self, s: &Sentence<'_>, head: usize, depth: usize) -> Vec<ActorSet> {
        let mut out = Vec::new();
        for &c in s.children(head) {
            let c = c as usize;
            if !matches!(s.toks[c].dep, Dep::Prep | Dep::Agent) {
                continue;
            }
            let Some(obj) = s
                .children(c)
                .iter()
                .map(|&o| o as usize)
                .find(|&o| s.toks[o].dep == Dep::Pobj)
            else {
                continue;
            };
            out.push(self.compute_full(s, obj, depth + 1));
        }
        out
    }

    /// PETRARCH's new actor: the phrase's words in quotes, if there are few enough.
    fn new_actor(&self, s: &Sentence<'_>, head: usize) -> ActorSet {
        let mut set = ActorSet::default();
        if self.new_actor_length == 0 || !s.toks.get(head).is_some_and(|t| t.tag.is_noun()) {
            return set;
        }
        // The head's subtree (its apposition included) without clauses and conjuncts.
        let mut words = Vec::new();
        let mut lo = head;
        let mut hi = head + 1;
        for t in 0..s.len() {
            if !s.in_subtree(head, t) || s.is_punct(t) || s.toks[t].tag == Tag::Pos {
                continue;
            }
            if self.excluded_from_phrase(s, head, t) {
                continue;
            }
            lo = lo.min(t);
            hi = hi.max(t + 1);
            words.push(s.word(t).to_uppercase());
        }
        if !words.is_empty() && words.len() <= self.new_actor_length {
            let code = format!("\"{}\"", words.join(" "));
            set.push(Actor::new(&code, Vec::new(), lo, hi));
        }
        set
    }

    fn excluded_from_phrase(&self, s: &Sentence<'_>, head: usize, t: usize) -> bool {
        let mut x = t;
        for _ in 0..s.len() + 1 {
            if x == head {
                return false;
            }
            if matches!(s.toks[x].dep, Dep::Relcl | Dep::Acl | Dep::Conj | Dep::Cc) {
                return true;
            }
            let Some(h) = s.head(x) else { return true };
            x = h;
        }
        true
    }
}

/// The code a name stands for on `date`: among the entries sharing the name, the first whose
/// dated period contains the date, else the first with an undated code (a dated code beats
/// the undated default across entries as within one: "President Bush" in 2008 is the entry
/// whose tenure covers 2008, not the one whose default applies on any date).
pub(crate) fn resolve<'a>(
    index: &'a LexiconIndex,
    entries: &[(ActorId, u32)],
    date: Option<Date>,
) -> Option<(ActorId, &'a dyad_lexicon::CodePeriod)> {
    let lex = index.lexicon();
    let mut fallback = None;
    for &(id, _) in entries {
        let Some(actor) = lex.actor(id) else { continue };
        let Some(p) = actor.code_on(date) else {
            continue;
        };
        if p.is_dated() {
            return Some((id, p));
        }
        if fallback.is_none() {
            fallback = Some((id, p));
        }
    }
    fallback
}

fn push_mention(
    mentions: &mut Vec<Mention>,
    tok_mention: &mut [u32],
    start: usize,
    end: usize,
    kind: MentionKind,
) {
    let id = mentions.len() as u32;
    for t in start..end.min(tok_mention.len()) {
        if tok_mention[t] == u32::MAX {
            tok_mention[t] = id;
        }
    }
    mentions.push(Mention { start, end, kind });
}

/// Whether a token of `start..end` has a coordinating conjunction dependent.
fn has_cc(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    (start..end).any(|t| {
        s.children(t)
            .iter()
            .any(|&c| s.toks[c as usize].dep == Dep::Cc)
    })
}

/// Whether token `i` can head a chunk: a nominal not itself inside another's own phrase.
pub(crate) fn is_chunk_head(s: &Sentence<'_>, i: usize) -> bool {
    if !s.is_nominal(i) {
        return false;
    }
    match s.head(i) {
        Some(h) => !(in_phrase(s.toks[i].dep) && s.is_nominal(h)),
        None => true,
    }
}

/// Whether `code` already carries `role` as one of its three-letter parts after the actor
/// ("USAGOV" has GOV; "GMWGOV" has no WGO although the letters occur in it).
fn has_role(code: &str, role: &str) -> bool {
    let b = code.as_bytes();
    let r = role.as_bytes();
    (0..b.len())
        .step_by(3)
        .any(|i| b.get(i..i + r.len()) == Some(r))
}

/// `code` with the agents attached (see the module docs).
fn attach_agents(code: &str, agents: &[(String, Attach)]) -> String {
    let mut out = code.to_owned();
    for (role, attach) in agents {
        let (role, attach) = (role.as_str(), *attach);
        if role.is_empty() || has_role(&out, role) {
            continue;
        }
        match attach {
            Attach::Suffix => out.push_str(role),
            Attach::Prefix => {
                if out.starts_with("---") {
                    out = format!("{role}{}", &out[3..]);
                } else {
                    out = format!("{role}{out}");
                }
            }
        }
    }
    out
}
