//! The linter behind `dyad lexicon check FILE…`: what a dictionary says that it probably does not
//! mean. [`check`] looks at a read [`Lexicon`]; [`check_files`] reads files and adds the
//! readers' diagnostics (unreadable lines, malformed dates) to the linter's.
//!
//! Findings:
//! * **patterns**: a pattern identical to an earlier one of its block (never reached: the
//!   earlier one is tried first) or with the same elements and another code (conflict); a
//!   pattern covered by an earlier one that is as specific and has a synset where it has a word
//!   of that synset (never reached: ties go to file order);
//! * **verbs**: the same verb (lemma and compound words) twice, in one block or two;
//! * **actors**: an empty date range (ending before it starts), dated codes of one actor that
//!   overlap by more than a day with different codes, two undated codes; one name given to
//!   actors with different codes (the earlier wins);
//! * **agents**: one phrase with two codes;
//! * **codes**: event codes that are not CAMEO codes (`dyad_ontology::cameo_entry`); actor codes
//!   whose first three letters are not a country, international type or role, or whose later
//!   three-letter parts are not roles, countries or known organisations; agent codes whose parts
//!   are not roles. Code findings are reported once per distinct code, at its first use, with the
//!   number of uses;
//! * **transformations**: verbs that are not in the dictionary;
//! * **nouns**: an entry with no slot for any side (it can never code an event), or with the
//!   same head and slots as an earlier one (never reached when the code is the same, a
//!   conflict when it is not).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, LexiconError, Severity};
use crate::load::LexiconFiles;
use crate::model::{
    Element, ElementKind, EventCode, Lexicon, Origin, Term, TransformEvent, TransformTarget,
    TransformVerb,
};
use crate::normalize;

fn diag(origin: &Origin, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        file: origin.file.clone(),
        line: origin.line,
        severity,
        message,
    }
}

fn at(origin: &Origin) -> String {
    format!("{}:{}", origin.file, origin.line)
}

/// Lints a lexicon. Diagnostics are sorted by file (in order of first appearance) and line.
pub fn check(lex: &Lexicon) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_patterns(lex, &mut out);
    check_verbs(lex, &mut out);
    check_actors(lex, &mut out);
    check_agents(lex, &mut out);
    check_codes(lex, &mut out);
    check_transformations(lex, &mut out);
    check_nouns(lex, &mut out);
    let mut order: HashMap<Arc<str>, usize> = HashMap::new();
    for d in &out {
        let n = order.len();
        order.entry(d.file.clone()).or_insert(n);
    }
    out.sort_by(|a, b| (order.get(&a.file), a.line).cmp(&(order.get(&b.file), b.line)));
    out
}

/// Reads the files and lints them: the readers' diagnostics, then [`check`]'s, sorted by file
/// and line.
pub fn check_files(files: &LexiconFiles) -> Result<Vec<Diagnostic>, LexiconError> {
    let r = Lexicon::load(files)?;
    let mut out = r.diagnostics;
    out.extend(check(&r.value));
    let mut order: HashMap<Arc<str>, usize> = HashMap::new();
    for d in &out {
        let n = order.len();
        order.entry(d.file.clone()).or_insert(n);
    }
    out.sort_by(|a, b| (order.get(&a.file), a.line).cmp(&(order.get(&b.file), b.line)));
    Ok(out)
}

/// Which reader a file needs, from its name (`*.verbs.txt`, `CAMEO*`, `*.actors.txt`,
/// `*.agents.txt`, `*.discards.txt`, `*Issue*`); `None` if the name does not say.
pub fn guess_kind(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.contains("verb") || name.starts_with("cameo") {
        Some(FileKind::Verbs)
    } else if name.contains("actor") {
        Some(FileKind::Actors)
    } else if name.contains("agent") {
        Some(FileKind::Agents)
    } else if name.contains("discard") {
        Some(FileKind::Discards)
    } else if name.contains("issue") {
        Some(FileKind::Issues)
    } else {
        None
    }
}

/// The kind of a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// A verb dictionary.
    Verbs,
    /// An actor dictionary.
    Actors,
    /// An agent dictionary.
    Agents,
    /// A discard list.
    Discards,
    /// An issue list.
    Issues,
}

impl LexiconFiles {
    /// Adds a file under its kind.
    pub fn add(&mut self, kind: FileKind, path: impl Into<std::path::PathBuf>) {
        let p = path.into();
        match kind {
            FileKind::Verbs => self.verbs.push(p),
            FileKind::Actors => self.actors.push(p),
            FileKind::Agents => self.agents.push(p),
            FileKind::Discards => self.discards.push(p),
            FileKind::Issues => self.issues.push(p),
        }
    }
}

// ---------------------------------------------------------------------------------------------

fn single_word_members(lex: &Lexicon) -> Vec<HashSet<&str>> {
    lex.verbs
        .synsets
        .iter()
        .map(|s| {
            s.members
                .iter()
                .filter_map(|m| match m.terms.as_slice() {
                    [Term::Word(w)] => Some(w.as_str()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Whether `a` matches everything `b` matches, element by element.
fn covers(a: &[Element], b: &[Element], members: &[HashSet<&str>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.glued == y.glued
                && match (&x.kind, &y.kind) {
                    (ElementKind::Synset(s), ElementKind::Word(w)) => members
                        .get(s.0 as usize)
                        .is_some_and(|m| m.contains(w.as_str())),
                    (ElementKind::Synset(s), ElementKind::Synset(t)) => {
                        s == t
                            || match (members.get(s.0 as usize), members.get(t.0 as usize)) {
                                (Some(ms), Some(mt)) => !mt.is_empty() && mt.is_subset(ms),
                                _ => false,
                            }
                    }
                    (ElementKind::NounPhrase(p), ElementKind::NounPhrase(q))
                    | (ElementKind::Prep(p), ElementKind::Prep(q)) => covers(p, q, members),
                    (k, l) => k == l,
                }
        })
}

fn check_patterns(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let members = single_word_members(lex);
    for class in &lex.verbs.classes {
        let mut seen: HashMap<(&[Element], &[Element], bool), &crate::model::Pattern> =
            HashMap::new();
        let pats: Vec<&crate::model::Pattern> = class
            .patterns
            .iter()
            .filter_map(|&p| lex.pattern(p))
            .collect();
        for p in &pats {
            let key = (p.before.as_slice(), p.after.as_slice(), p.verb_glued);
            match first_seen(&mut seen, key, p) {
                Some(first) if first.code == p.code => out.push(diag(
                    &p.origin,
                    Severity::Warning,
                    format!(
                        "pattern repeats {} in block {}: never reached",
                        at(&first.origin),
                        class.name
                    ),
                )),
                Some(first) => out.push(diag(
                    &p.origin,
                    Severity::Warning,
                    format!(
                        "pattern has the elements of {} with another code ({} there, {} here): \
                         the earlier one is used",
                        at(&first.origin),
                        first.code,
                        p.code
                    ),
                )),
                None => {}
            }
        }
        // Covered by an earlier pattern of the same specificity (ties go to file order).
        for (j, b) in pats.iter().enumerate() {
            let sb = b.specificity();
            let key = (b.before.as_slice(), b.after.as_slice(), b.verb_glued);
            if seen.get(&key).is_some_and(|f| !std::ptr::eq(*f, *b)) {
                continue; // reported above
            }
            if let Some(a) = pats[..j].iter().find(|a| {
                a.specificity() == sb
                    && a.verb_glued == b.verb_glued
                    && (a.before != b.before || a.after != b.after)
                    && covers(&a.before, &b.before, &members)
                    && covers(&a.after, &b.after, &members)
            }) {
                out.push(diag(
                    &b.origin,
                    Severity::Warning,
                    format!(
                        "pattern is covered by {} (a synset there holds the word here, as \
                         specific, earlier): never reached",
                        at(&a.origin)
                    ),
                ));
            }
        }
    }
}

fn check_verbs(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &[String], &[String]), &crate::model::Verb> = HashMap::new();
    for v in &lex.verbs.verbs {
        let key = (v.lemma.as_str(), v.before.as_slice(), v.after.as_slice());
        if let Some(first) = first_seen(&mut seen, key, v) {
            let class = |c: crate::model::ClassId| {
                lex.verbs
                    .classes
                    .get(c.0 as usize)
                    .map_or("?", |c| c.name.as_str())
            };
            let msg = if first.class == v.class {
                format!(
                    "verb repeats {} in block {}",
                    at(&first.origin),
                    class(v.class)
                )
            } else {
                format!(
                    "verb also in block {} ({}): both are candidates, the earlier first",
                    class(first.class),
                    at(&first.origin)
                )
            };
            out.push(diag(&v.origin, Severity::Warning, msg));
        }
    }
}

fn check_actors(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let mut names: HashMap<Vec<String>, usize> = HashMap::new();
    for (i, a) in lex.actors.iter().enumerate() {
        for p in &a.codes {
            if let (Some(f), Some(u)) = (p.from, p.until)
                && f > u
            {
                out.push(diag(
                    &p.origin,
                    Severity::Error,
                    format!("date range {f}..{u} is empty (it ends before it starts): the code never applies"),
                ));
            }
        }
        let dated: Vec<_> = a.codes.iter().filter(|p| p.is_dated()).collect();
        for (k, p) in dated.iter().enumerate() {
            for q in &dated[..k] {
                let overlap = p.from.max(q.from);
                let end = match (p.until, q.until) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                // More than a one-day touch (a tenure ending the day the next begins is how
                // the dictionaries are written).
                let overlaps = match (overlap, end) {
                    (Some(s), Some(e)) => s < e,
                    _ => true,
                };
                if overlaps && p.codes != q.codes {
                    out.push(diag(
                        &p.origin,
                        Severity::Warning,
                        format!(
                            "[{}] overlaps [{}] ({}) of the same actor: the earlier wins",
                            p.codes.join("/"),
                            q.codes.join("/"),
                            at(&q.origin)
                        ),
                    ));
                }
            }
        }
        let undated: Vec<_> = a.codes.iter().filter(|p| !p.is_dated()).collect();
        if let [first, rest @ ..] = undated.as_slice() {
            for r in rest {
                if r.codes != first.codes {
                    out.push(diag(
                        &r.origin,
                        Severity::Warning,
                        format!(
                            "second undated code [{}]: [{}] ({}) is the default",
                            r.codes.join("/"),
                            first.codes.join("/"),
                            at(&first.origin)
                        ),
                    ));
                }
            }
        }
        for n in &a.names {
            let key = normalize::phrase_keys(&n.words);
            if let Some(j) = first_seen(&mut names, key, i)
                && j != i
            {
                let other = &lex.actors[j];
                let codes = |a: &crate::model::Actor| -> Vec<Vec<String>> {
                    a.codes.iter().map(|p| p.codes.clone()).collect()
                };
                if codes(other) != codes(a) {
                    out.push(diag(
                        &n.origin,
                        Severity::Warning,
                        format!(
                            "name `{}` also names the actor at {} with other codes: the \
                             earlier entry wins",
                            n.words.join(" "),
                            at(&other.origin)
                        ),
                    ));
                }
            }
        }
    }
}

fn check_agents(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let mut names: HashMap<Vec<String>, usize> = HashMap::new();
    for (i, a) in lex.agents.iter().enumerate() {
        for n in &a.names {
            let key = normalize::phrase_keys(n);
            if let Some(j) = first_seen(&mut names, key, i)
                && j != i
            {
                let other = &lex.agents[j];
                if (other.code.as_str(), other.attach) != (a.code.as_str(), a.attach) {
                    out.push(diag(
                        &a.origin,
                        Severity::Warning,
                        format!(
                            "agent `{}` is also at {} with code {}: the earlier wins",
                            n.join(" "),
                            at(&other.origin),
                            other.code
                        ),
                    ));
                }
            }
        }
    }
}

/// The value first seen under `key`, if there is one; otherwise `value` is recorded as that
/// first one. The checks report a later entry against the earlier one that wins.
fn first_seen<K: std::hash::Hash + Eq, V: Copy>(
    seen: &mut HashMap<K, V>,
    key: K,
    value: V,
) -> Option<V> {
    match seen.entry(key) {
        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(value);
            None
        }
    }
}

/// Why `code` is not a CAMEO event code, if it is not.
pub fn event_code_problem(code: &str) -> Option<String> {
    match code.parse::<dyad_ontology::Cameo>() {
        Ok(c) if dyad_ontology::cameo_entry(c).is_some() => None,
        _ => Some(format!("`{code}` is not a CAMEO event code")),
    }
}

fn known_part(part: &str) -> bool {
    dyad_ontology::role(part).is_some()
        || dyad_ontology::country(part).is_some_and(|c| c.code().eq_ignore_ascii_case(part))
        || dyad_ontology::international(part).is_some()
}

/// The three-letter parts of `code` (ASCII, a multiple of three long) that are no role, country
/// or organisation code of the ontology, joined by "`, `"; `None` when all are known.
fn unknown_parts(code: &str) -> Option<String> {
    let unknown: Vec<&str> = (0..code.len() / 3)
        .map(|i| &code[i * 3..i * 3 + 3])
        .filter(|p| !known_part(p))
        .collect();
    (!unknown.is_empty()).then(|| unknown.join("`, `"))
}

/// Why `code` is not a well-formed actor code, if it is not: its first three letters must be a
/// country, an international type or a role; the rest, three letters at a time, roles,
/// countries or parts of a known organisation code.
pub fn actor_code_problem(code: &str) -> Option<String> {
    if code == "---" {
        return None;
    }
    if !code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Some(format!("actor code `{code}` is not upper-case letters"));
    }
    if !code.len().is_multiple_of(3) || code.is_empty() {
        return Some(format!(
            "actor code `{code}` is not made of three-letter parts"
        ));
    }
    // The longest known organisation prefix ("IGOUNOKID").
    let mut rest = code;
    for end in (3..=code.len()).rev().step_by(3) {
        if dyad_ontology::international(&code[..end]).is_some() {
            rest = &code[end..];
            break;
        }
    }
    if rest.len() == code.len() {
        let head = &code[..3];
        let country_ok =
            dyad_ontology::country(head).is_some_and(|c| c.code().eq_ignore_ascii_case(head));
        if !country_ok && dyad_ontology::role(head).is_none() {
            return Some(format!(
                "actor code `{code}`: `{head}` is not a country, international or role code"
            ));
        }
        rest = &code[3..];
    }
    unknown_parts(rest).map(|u| {
        format!(
            "actor code `{code}`: `{u}` not a role, country or organisation code of the ontology"
        )
    })
}

/// Whether `code` has the shape of a CAMEO actor or role code: not empty, a multiple of three
/// characters long, all upper-case ASCII letters (or digits too, when `digits`). Whether the
/// parts exist is [`actor_code_problem`]'s business.
pub fn three_letter_parts(code: &str, digits: bool) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (digits && b.is_ascii_digit()))
}

fn agent_code_problem(code: &str) -> Option<String> {
    if !three_letter_parts(code, false) {
        return Some(format!(
            "agent code `{code}` is not made of three-letter parts"
        ));
    }
    unknown_parts(code)
        .map(|u| format!("agent code `{code}`: `{u}` not a role code of the ontology"))
}

/// Collects code findings once per distinct code: (first origin, uses, problem).
struct CodeFindings<'a> {
    found: HashMap<String, (&'a Origin, usize, String)>,
    order: Vec<String>,
}

impl<'a> CodeFindings<'a> {
    fn new() -> Self {
        CodeFindings {
            found: HashMap::new(),
            order: Vec::new(),
        }
    }

    fn see(
        &mut self,
        code: &str,
        origin: &'a Origin,
        problem: impl FnOnce(&str) -> Option<String>,
    ) {
        if let Some(e) = self.found.get_mut(code) {
            e.1 += 1;
            return;
        }
        if let Some(p) = problem(code) {
            self.found.insert(code.to_owned(), (origin, 1, p));
            self.order.push(code.to_owned());
        }
    }

    fn emit(self, out: &mut Vec<Diagnostic>) {
        for c in self.order {
            if let Some((origin, n, p)) = self.found.get(&c) {
                let uses = if *n > 1 {
                    format!(" (used {n} times; first here)")
                } else {
                    String::new()
                };
                out.push(diag(origin, Severity::Warning, format!("{p}{uses}")));
            }
        }
    }
}

fn check_codes(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let mut events = CodeFindings::new();
    let see_event = |code: &EventCode, origin: &Origin, f: &mut Vec<Diagnostic>| {
        for c in [&code.active, &code.passive].into_iter().flatten() {
            if let Some(p) = event_code_problem(c) {
                f.push(diag(origin, Severity::Warning, p));
            }
        }
    };
    for c in &lex.verbs.classes {
        see_event(&c.code, &c.origin, out);
    }
    for v in &lex.verbs.verbs {
        if let Some(code) = &v.code {
            see_event(code, &v.origin, out);
        }
    }
    for p in &lex.verbs.patterns {
        see_event(&p.code, &p.origin, out);
    }
    for n in &lex.verbs.nouns {
        see_event(&n.code, &n.origin, out);
    }
    for t in &lex.verbs.transformations {
        if let Some(c) = &t.code {
            events.see(c, &t.origin, event_code_problem);
        }
    }
    events.emit(out);
    let mut actors = CodeFindings::new();
    for a in &lex.actors {
        for p in &a.codes {
            for c in &p.codes {
                actors.see(c, &p.origin, actor_code_problem);
            }
        }
    }
    actors.emit(out);
    let mut agents = CodeFindings::new();
    for a in &lex.agents {
        agents.see(&a.code, &a.origin, agent_code_problem);
    }
    agents.emit(out);
}

fn check_transformations(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let lemmas: HashSet<&str> = lex.verbs.verbs.iter().map(|v| v.lemma.as_str()).collect();
    fn verbs<'a>(e: &'a TransformEvent, out: &mut Vec<&'a [String]>) {
        if let TransformVerb::Verb(w) = &e.verb {
            out.push(w);
        }
        if let TransformTarget::Event(inner) = &e.target {
            verbs(inner, out);
        }
    }
    for t in &lex.verbs.transformations {
        let mut vs = Vec::new();
        verbs(&t.pattern, &mut vs);
        for w in vs {
            if !w.iter().all(|w| lemmas.contains(w.as_str())) {
                out.push(diag(
                    &t.origin,
                    Severity::Warning,
                    format!(
                        "transformation verb `{}` is not in the verb dictionary",
                        w.join("_")
                    ),
                ));
            }
        }
    }
}

fn check_nouns(lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (&EventCode, &Origin)> = HashMap::new();
    for n in &lex.verbs.nouns {
        if n.slots.is_empty() && !n.code.is_null() {
            out.push(diag(
                &n.origin,
                Severity::Warning,
                "noun entry without slots: it finds no actor and codes nothing".into(),
            ));
        }
        let head = match &n.head {
            crate::nouns::NounHead::Words(w) => w.join(" "),
            crate::nouns::NounHead::Synset(s) => format!("&{}", s.0),
        };
        let mut slots: Vec<String> = n.slots.iter().map(ToString::to_string).collect();
        slots.sort();
        let key = format!("{head} : {}", slots.join(", "));
        match seen.get(&key) {
            Some((code, first)) if *code == &n.code => out.push(diag(
                &n.origin,
                Severity::Warning,
                format!("noun entry repeats {} (never reached)", at(first)),
            )),
            Some((code, first)) => out.push(diag(
                &n.origin,
                Severity::Warning,
                format!(
                    "noun entry has the head and slots of {} with another code ({code}); the earlier wins",
                    at(first)
                ),
            )),
            None => {
                seen.insert(key, (&n.code, &n.origin));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_petrarch_actors, parse_petrarch_agents, parse_petrarch_verbs};

    fn lint(verbs: &str, actors: &str, agents: &str) -> Vec<(u32, String)> {
        let lex = Lexicon {
            verbs: parse_petrarch_verbs(verbs, "v").value,
            actors: parse_petrarch_actors(actors, "a").value,
            agents: parse_petrarch_agents(agents, "g").value,
            ..Lexicon::default()
        };
        check(&lex)
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect()
    }

    #[test]
    fn code_shapes() {
        assert!(three_letter_parts("GOVMIL", false));
        assert!(!three_letter_parts("GOV1", false));
        assert!(!three_letter_parts("AB1", false));
        assert!(three_letter_parts("AB1", true));
        assert!(!three_letter_parts("", true));
        assert!(!three_letter_parts("gov", true));
        assert!(!three_letter_parts("ÄBC", true));
    }

    #[test]
    fn patterns() {
        let v = "\
&CURRENCY
+DOLLAR
---  GRANT  [070]  ---
GIVE
GRANT
GIVE [071]
- * &CURRENCY [071]
- * DOLLARS [072]
- * AID [073]
- * AID [073]
- * AID [074]
- * (TO +) [999]
---  OTHER  [---]  ---
GIVE
~ a (b . ATTACK) SAY = a b 112
";
        let d = lint(v, "", "");
        let has = |line: u32, s: &str| d.iter().any(|(l, m)| *l == line && m.contains(s));
        assert!(has(6, "verb repeats"), "{d:#?}");
        assert!(has(8, "covered by v:7"), "{d:#?}");
        assert!(has(10, "repeats v:9"), "{d:#?}");
        assert!(has(11, "another code (073 there, 074 here)"), "{d:#?}");
        assert!(has(12, "`999` is not a CAMEO event code"), "{d:#?}");
        assert!(has(14, "also in block GRANT"), "{d:#?}");
        assert!(has(15, "`attack` is not in the verb dictionary"), "{d:#?}");
        assert!(has(15, "`say` is not"), "{d:#?}");
        assert_eq!(d.len(), 8, "{d:#?}");
    }

    #[test]
    fn actors_and_agents() {
        let a = "\
GOLLUM
\t[HOBGOV 19990815-19950601]
\t[HOBREB 19950601-20000101]
\t[HOBMIL 19990101-20050101]
\t[HOB]
\t[ORC]
NIXON [USAGOV]
SMEAGOL [XYZGOV]
+GOLLUM
KOFI_ANNAN [IGOUNO 970101-061231] [ELI] [IGOUNOKID] [RUSGOVXYZ]
";
        let g = "TROOP [~MIL]\nTROOPS [~GOV]\nFOREIGN_MINISTER [~GOVFRM]\n";
        let d = lint("", a, g);
        let has = |line: u32, s: &str| d.iter().any(|(l, m)| *l == line && m.contains(s));
        assert!(has(2, "is empty"), "{d:#?}");
        assert!(has(4, "overlaps [HOBREB]"), "{d:#?}");
        assert!(has(6, "second undated code [ORC]"), "{d:#?}");
        assert!(has(9, "`gollum` also names the actor at a:1"), "{d:#?}");
        assert!(has(8, "`XYZ` is not a country"), "{d:#?}");
        assert!(has(10, "`XYZ` not a role"), "{d:#?}");
        assert!(has(2, "`HOBGOV`: `HOB` is not a country"), "{d:#?}");
        assert!(has(5, "actor code `HOB`:"), "{d:#?}");
        assert!(has(6, "`ORC`"), "{d:#?}");
        assert!(
            !d.iter()
                .any(|(_, m)| m.contains("`IGOUNOKID`") || m.contains("`ELI`")),
            "{d:#?}"
        );
        assert!(has(2, "agent `troops` is also at g:1"), "{d:#?}");
        assert!(has(3, "`FRM` not a role"), "{d:#?}");
    }

    #[test]
    fn code_checks() {
        assert_eq!(event_code_problem("042"), None);
        assert!(event_code_problem("42").is_some());
        assert!(event_code_problem("075A").is_some());
        assert_eq!(actor_code_problem("USAGOV"), None);
        assert_eq!(actor_code_problem("IGOUNOKID"), None);
        assert_eq!(actor_code_problem("---"), None);
        assert!(actor_code_problem("usa").is_some());
        assert!(actor_code_problem("USAG").is_some());
        assert!(actor_code_problem("JAP").is_some());
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(
            guess_kind(Path::new("x/CAMEO.2.0.txt")),
            Some(FileKind::Verbs)
        );
        assert_eq!(
            guess_kind(Path::new("Phoenix.Countries.actors.txt")),
            Some(FileKind::Actors)
        );
        assert_eq!(
            guess_kind(Path::new("Phoenix.IssueCoding.txt")),
            Some(FileKind::Issues)
        );
        assert_eq!(guess_kind(Path::new("notes.txt")), None);
    }

    #[test]
    fn noun_entries_without_slots_repeated_or_in_conflict() {
        use crate::nouns::{NounEntry, NounHead, NounSlot, SlotPlace, SlotRole};
        let entry = |line: u32, head: &str, slots: Vec<NounSlot>, code: &str| NounEntry {
            head: NounHead::Words(vec![head.to_owned()]),
            slots,
            code: EventCode {
                active: Some(code.to_owned()),
                passive: None,
            },
            origin: Origin::new("nouns/19.txt", line, head),
        };
        let of = || NounSlot {
            role: SlotRole::Target,
            place: SlotPlace::Prep("of".into()),
        };
        let poss = || NounSlot {
            role: SlotRole::Source,
            place: SlotPlace::Possessor,
        };
        let mut lex = Lexicon::default();
        lex.verbs.nouns = vec![
            entry(1, "invasion", vec![poss(), of()], "192"),
            entry(2, "invasion", vec![of(), poss()], "192"),
            entry(3, "invasion", vec![poss(), of()], "190"),
            entry(4, "war", vec![], "190"),
            entry(5, "raid", vec![poss()], "9999"),
            entry(6, "attack", vec![poss(), of()], "190"),
        ];
        let found: Vec<(u32, String)> = check(&lex)
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect();
        let lines: Vec<u32> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, [2, 3, 4, 5], "{found:?}");
        assert!(found[0].1.contains("never reached"));
        assert!(found[1].1.contains("another code"));
        assert!(found[2].1.contains("without slots"));
    }
}
