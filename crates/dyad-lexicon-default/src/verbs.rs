//! Verb files (`lexicon/verbs/`): synsets and verb entries, one per line.
//!
//! ```text
//! &SANCTIONS = sanction | sanctions | embargo | embargoes      # a synset: words or phrases
//! visit                          -> 042:043   # the verb alone: its default code
//! travel to +                    -> 042       # "to" opens a prepositional phrase; + = target
//! impose &SANCTIONS on +         -> 163
//! supply + with {military aid}   -> 072       # {...}: a noun phrase (modifiers, then head)
//! agree "to cooperate"           -> 030       # "...": plain words (no prepositional phrase)
//! $ and + *sign accord           -> 057       # *verb when elements come before the verb
//! appear before (court)          -> :173      # passive/reverse code only; (...) explicit
//! ```
//!
//! An entry is `PATTERN -> CODE`. The pattern starts with the verb's lemma (or marks it with
//! `*` when something comes before it); the rest are, in text order: words (surface forms,
//! matched as written: "sanctions" is not "sanction"), `+`/`+TARGET` (the event's target),
//! `$`/`$SOURCE` (its source), `%`/`%COMPOUND` (a compound actor), `^` (any noun phrase),
//! `&NAME` (any member of a synset), `{...}` (a noun phrase), `(...)` (a prepositional phrase,
//! preposition first), and `"..."` (literal words). A preposition written bare ("on", "with",
//! "to", … see [`PREPOSITIONS`]) opens a prepositional phrase that takes everything after it up
//! to the next preposition, `(`, or the end.
//!
//! The code is `042`, `042:043` (the event from the subject to the object, then the event read
//! the other way, from the object to the subject), `:173` (only the reverse event) or `---`
//! (recognised, no event: stops more general entries).
//!
//! **Transformations** rewrite an event reported by another verb (the coder applies the first
//! that matches, lowest clause first):
//!
//! ```text
//! transform a (b . attack) say = a b 112      # "A said B attacked C": A accuses B
//! transform a (a b attack) say = a b 015      # "A said it attacked B": A claims responsibility
//! transform a (a b *) say = a b *             # "A said it did X to B": A -> B, X's code
//! ```
//!
//! `transform SRC (SRC2 TGT2 VERB) VERB = SRC' TGT' CODE`: the outer verb's subject, the
//! reported event's subject, target and verb, the outer verb; then the result's source, target
//! and code. Variables are lower-case names (the same name binds the same actor), `.` any
//! actor, `_` none; a verb is a lemma of the verb files (standing for its code and the codes
//! under it) or `*`, any verb; a code `*` is the reported event's.
//!
//! Every entry of one lemma, in every verb file, goes to one verb class named after the lemma,
//! so all of a verb's patterns compete by specificity; the lemma's bare entry (no pattern) gives
//! the class's default code, else the verb alone gives no event. Synsets may be defined in any
//! verb file and used in all of them; a synset line may repeat the name to add members.

use std::collections::HashMap;

use dyad_lexicon::normalize;
use dyad_lexicon::{
    ClassId, Diagnostic, Element, ElementKind, EventCode, Origin, Pattern, PatternId, Read, Synset,
    SynsetId, SynsetMember, Term, TransformEvent, TransformTarget, TransformVar, TransformVerb,
    Transformation, Verb, VerbClass, VerbId, VerbLexicon,
};

use crate::morph;
use crate::syntax::{Ctx, Line, check_event_code, content_lines};

/// Words that, written bare in a pattern, open a prepositional phrase.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "amidst",
    "among",
    "amongst",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "concerning",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "on",
    "onto",
    "outside",
    "over",
    "regarding",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Open(char),
    Close(char),
    Quoted(&'a str),
    Plain(&'a str),
}

fn tokenize(s: &str) -> Result<Vec<Tok<'_>>, String> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if c == '"' {
                out.push(Tok::Quoted(&s[q..i]));
                quote = None;
            }
            continue;
        }
        let special = matches!(c, '(' | ')' | '{' | '}' | '"');
        if c.is_whitespace() || special {
            if let Some(st) = start.take() {
                out.push(Tok::Plain(&s[st..i]));
            }
            match c {
                '(' | '{' => out.push(Tok::Open(c)),
                ')' | '}' => out.push(Tok::Close(c)),
                '"' => quote = Some(i + 1),
                _ => {}
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if quote.is_some() {
        return Err("unterminated `\"`".into());
    }
    if let Some(st) = start {
        out.push(Tok::Plain(&s[st..]));
    }
    Ok(out)
}

/// The index of the token closing the group opened at `open`.
fn matching(toks: &[Tok<'_>], open: usize) -> Result<usize, String> {
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Open(_) => depth += 1,
            Tok::Close(c) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let want = match toks.get(open) {
                        Some(Tok::Open('(')) => ')',
                        _ => '}',
                    };
                    if *c != want {
                        return Err(format!(
                            "`{c}` closes a group opened with the other bracket"
                        ));
                    }
                    return Ok(i);
                }
            }
            _ => {}
        }
    }
    Err("unclosed `(` or `{`".into())
}

fn el(kind: ElementKind) -> Element {
    Element { kind, glued: false }
}

fn words_of(s: &str) -> Result<Vec<Element>, String> {
    let w = normalize::words(s);
    if w.is_empty() {
        return Err(format!("`{s}` has no word in it"));
    }
    Ok(w.into_iter().map(|w| el(ElementKind::Word(w))).collect())
}

fn slot(t: &str, synsets: &HashMap<String, SynsetId>) -> Result<Option<ElementKind>, String> {
    Ok(Some(match t {
        "+" | "+TARGET" => ElementKind::Target,
        "$" | "$SOURCE" => ElementKind::Source,
        "%" | "%COMPOUND" => ElementKind::Compound,
        "^" | "^SKIP" => ElementKind::Skip,
        _ if t.starts_with('&') => {
            let name = &t[1..];
            match synsets.get(name) {
                Some(&id) => ElementKind::Synset(id),
                None => return Err(format!("unknown synset `{t}`")),
            }
        }
        _ if t.starts_with(['+', '$', '%', '^', '*']) => {
            return Err(format!(
                "`{t}`: not a slot (+TARGET, $SOURCE, %COMPOUND, ^) and `*` marks the verb only once, at the top level"
            ));
        }
        _ => return Ok(None),
    }))
}

/// Parses a sequence of tokens into elements; at the top level, bare prepositions open
/// prepositional phrases.
fn elements(
    toks: &[Tok<'_>],
    synsets: &HashMap<String, SynsetId>,
    top: bool,
) -> Result<Vec<Element>, String> {
    let mut out: Vec<Element> = Vec::new();
    let mut prep: Option<Vec<Element>> = None;
    let mut i = 0;
    while i < toks.len() {
        let mut items: Vec<Element> = Vec::new();
        match &toks[i] {
            Tok::Open(c) => {
                let end = matching(toks, i)?;
                let inner = elements(&toks[i + 1..end], synsets, false)?;
                if *c == '(' {
                    if !matches!(inner.first().map(|e| &e.kind), Some(ElementKind::Word(_))) {
                        return Err("`(...)` must start with its preposition".into());
                    }
                    if let Some(p) = prep.take() {
                        out.push(el(ElementKind::Prep(p)));
                    }
                    out.push(el(ElementKind::Prep(inner)));
                    i = end + 1;
                    continue;
                }
                if inner.is_empty() {
                    return Err("empty `{}`".into());
                }
                items.push(el(ElementKind::NounPhrase(inner)));
                i = end + 1;
            }
            Tok::Close(c) => return Err(format!("unmatched `{c}`")),
            Tok::Quoted(q) => {
                items.extend(words_of(q)?);
                i += 1;
            }
            Tok::Plain(t) => {
                i += 1;
                if let Some(k) = slot(t, synsets)? {
                    items.push(el(k));
                } else {
                    let w = words_of(t)?;
                    let is_prep = top
                        && w.len() == 1
                        && matches!(&w[0].kind, ElementKind::Word(x) if PREPOSITIONS.contains(&x.as_str()));
                    if is_prep {
                        if let Some(p) = prep.take() {
                            out.push(el(ElementKind::Prep(p)));
                        }
                        prep = Some(w);
                        continue;
                    }
                    items.extend(w);
                }
            }
        }
        match prep.as_mut() {
            Some(p) => p.extend(items),
            None => out.extend(items),
        }
    }
    if let Some(p) = prep.take() {
        out.push(el(ElementKind::Prep(p)));
    }
    Ok(out)
}

/// A parsed entry: elements before the verb, the lemma, elements after it.
type Parsed = (Vec<Element>, String, Vec<Element>);

fn pattern(text: &str, synsets: &HashMap<String, SynsetId>) -> Result<Parsed, String> {
    let toks = tokenize(text)?;
    let mut depth = 0i32;
    let mut star = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth -= 1,
            Tok::Plain(p) if depth == 0 && p.starts_with('*') && p.len() > 1 => star.push(i),
            _ => {}
        }
    }
    let (vi, lemma) = match star.as_slice() {
        [] => match toks.first() {
            Some(Tok::Plain(p)) if !p.starts_with(['+', '$', '%', '^', '&', '*']) => (0, *p),
            _ => return Err("an entry starts with its verb, or marks it `*verb`".into()),
        },
        [i] => match &toks[*i] {
            Tok::Plain(p) => (*i, &p[1..]),
            _ => return Err("`*` must mark a verb".into()),
        },
        _ => return Err("more than one `*verb`".into()),
    };
    let lemma = normalize::fold(lemma);
    if !lemma.bytes().all(|b| b.is_ascii_lowercase()) || lemma.is_empty() {
        return Err(format!(
            "`{lemma}` is not a verb lemma (one word, letters only)"
        ));
    }
    let before = elements(&toks[..vi], synsets, true)?;
    let after = elements(&toks[vi + 1..], synsets, true)?;
    Ok((before, lemma, after))
}

pub(crate) fn event_code(s: &str) -> Result<EventCode, String> {
    let s = s.trim();
    if s == "---" {
        return Ok(EventCode::null());
    }
    let (a, p) = match s.split_once(':') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let active = if a.is_empty() {
        None
    } else {
        check_event_code(a)?;
        Some(a.to_owned())
    };
    let passive = match p {
        Some(p) => {
            check_event_code(p)?;
            Some(p.to_owned())
        }
        None => None,
    };
    if active.is_none() && passive.is_none() {
        return Err(format!("`{s}` is not a code (042, 042:043, :173 or ---)"));
    }
    Ok(EventCode { active, passive })
}

fn transform_var(t: &str) -> Result<TransformVar, String> {
    match t {
        "." => Ok(TransformVar::Any),
        "_" => Ok(TransformVar::Absent),
        v if !v.is_empty()
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) =>
        {
            Ok(TransformVar::Named(v.to_owned()))
        }
        _ => Err(format!(
            "`{t}` is not a variable (lower-case name, `.` or `_`)"
        )),
    }
}

fn transform_verb(t: &str) -> Result<TransformVerb, String> {
    if t == "*" {
        return Ok(TransformVerb::Any);
    }
    let w = normalize::fold(t);
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(format!("`{t}` is not a verb lemma or `*`"));
    }
    Ok(TransformVerb::Verb(vec![w]))
}

/// `SRC (SRC2 TGT2 VERB) VERB = SRC' TGT' CODE`, after the keyword.
fn transformation(rest: &str, origin: Origin) -> Result<Transformation, String> {
    let (lhs, rhs) = rest
        .split_once('=')
        .ok_or("a transformation is `transform a (b c verb) verb = a c code`")?;
    let spaced = lhs.replace('(', " ( ").replace(')', " ) ");
    let t: Vec<&str> = spaced.split_whitespace().collect();
    let [src, "(", src2, tgt2, verb2, ")", verb] = t.as_slice() else {
        return Err("the left side is `SRC (SRC2 TGT2 VERB) VERB`".into());
    };
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let [rs, rt, code] = r.as_slice() else {
        return Err("the right side is `SRC TGT CODE`".into());
    };
    let code = match *code {
        "*" => None,
        c => {
            check_event_code(c)?;
            Some(c.to_owned())
        }
    };
    Ok(Transformation {
        pattern: TransformEvent {
            source: transform_var(src)?,
            target: TransformTarget::Event(Box::new(TransformEvent {
                source: transform_var(src2)?,
                target: TransformTarget::Var(transform_var(tgt2)?),
                verb: transform_verb(verb2)?,
            })),
            verb: transform_verb(verb)?,
        },
        source: transform_var(rs)?,
        target: transform_var(rt)?,
        code,
        origin,
    })
}

struct SynsetLine {
    file: usize,
    number: u32,
    text: String,
    members: Vec<String>,
}

/// Parses every verb file of a lexicon together (synsets are shared; a lemma's entries from
/// all files form one class). `files` are (name, text); unusable lines are diagnostics with
/// the file and line and are skipped. Diagnostics come grouped by file, in line order.
pub fn parse_verbs(files: &[(&str, &str)]) -> Read<VerbLexicon> {
    let mut ctxs: Vec<Ctx> = files.iter().map(|(f, _)| Ctx::new(f)).collect();
    let mut lex = VerbLexicon::default();

    // Pass 1: synset names, so entries anywhere can use synsets defined anywhere.
    let mut synset_ids: HashMap<String, SynsetId> = HashMap::new();
    let mut synset_lines: Vec<(SynsetId, SynsetLine)> = Vec::new();
    for (fi, (_, text)) in files.iter().enumerate() {
        for line in content_lines(text) {
            let Some(def) = line.text.strip_prefix('&') else {
                continue;
            };
            let Some((name, members)) = def.split_once('=') else {
                ctxs[fi].error(
                    line.number,
                    "a synset line is `&NAME = member | member`; skipped",
                );
                continue;
            };
            let name = name.trim();
            let good = name.starts_with(|c: char| c.is_ascii_uppercase())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !good {
                ctxs[fi].error(
                    line.number,
                    format!(
                        "`&{name}`: synset names are upper-case letters, digits and `_`; skipped"
                    ),
                );
                continue;
            }
            let origin = ctxs[fi].origin(&line);
            let id = *synset_ids.entry(name.to_owned()).or_insert_with(|| {
                lex.synsets.push(Synset {
                    name: name.to_owned(),
                    members: Vec::new(),
                    origin,
                });
                SynsetId((lex.synsets.len() - 1) as u32)
            });
            synset_lines.push((
                id,
                SynsetLine {
                    file: fi,
                    number: line.number,
                    text: line.text.to_owned(),
                    members: members.split('|').map(|m| m.trim().to_owned()).collect(),
                },
            ));
        }
    }
    for (id, sl) in synset_lines {
        let origin = Origin {
            file: ctxs[sl.file].file.clone(),
            line: sl.number,
            text: Box::from(sl.text.as_str()),
        };
        for m in &sl.members {
            let mut terms = Vec::new();
            let mut bad = None;
            for t in m.split_whitespace() {
                if let Some(n) = t.strip_prefix('&') {
                    match synset_ids.get(n) {
                        Some(&s) => terms.push(Term::Synset(s)),
                        None => bad = Some(format!("unknown synset `{t}`")),
                    }
                } else {
                    terms.extend(normalize::words(t).into_iter().map(Term::Word));
                }
            }
            if let Some(b) = bad {
                ctxs[sl.file].error(sl.number, format!("member `{m}`: {b}; member skipped"));
            } else if terms.is_empty() {
                ctxs[sl.file].error(sl.number, "empty synset member; skipped");
            } else if let Some(s) = lex.synsets.get_mut(id.0 as usize) {
                s.members.push(SynsetMember {
                    terms,
                    plural: false,
                    origin: origin.clone(),
                });
            }
        }
    }

    // Pass 2: entries.
    let mut class_of: HashMap<String, ClassId> = HashMap::new();
    let mut bare: HashMap<String, Origin> = HashMap::new();
    for (fi, (_, text)) in files.iter().enumerate() {
        for line in content_lines(text) {
            if line.text.starts_with('&') {
                continue;
            }
            if let Some(rest) = line.text.strip_prefix("transform ") {
                match transformation(rest, ctxs[fi].origin(&line)) {
                    Ok(t) => lex.transformations.push(t),
                    Err(e) => ctxs[fi].error(line.number, format!("{e}; skipped")),
                }
                continue;
            }
            entry(
                &mut ctxs[fi],
                &line,
                &synset_ids,
                &mut class_of,
                &mut bare,
                &mut lex,
            );
        }
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for c in ctxs {
        let mut d = c.diagnostics;
        d.sort_by_key(|d| d.line);
        diagnostics.extend(d);
    }
    Read {
        value: lex,
        diagnostics,
    }
}

fn entry(
    ctx: &mut Ctx,
    line: &Line<'_>,
    synsets: &HashMap<String, SynsetId>,
    class_of: &mut HashMap<String, ClassId>,
    bare: &mut HashMap<String, Origin>,
    lex: &mut VerbLexicon,
) {
    let Some((pat, code)) = line.text.rsplit_once("->") else {
        ctx.error(
            line.number,
            "an entry is `PATTERN -> CODE`; no `->`; skipped",
        );
        return;
    };
    let code = match event_code(code) {
        Ok(c) => c,
        Err(e) => {
            ctx.error(line.number, format!("{e}; skipped"));
            return;
        }
    };
    let (before, lemma, after) = match pattern(pat, synsets) {
        Ok(p) => p,
        Err(e) => {
            ctx.error(line.number, format!("{e}; skipped"));
            return;
        }
    };
    let origin = ctx.origin(line);
    let class = *class_of.entry(lemma.clone()).or_insert_with(|| {
        let class = ClassId(lex.classes.len() as u32);
        let verb = VerbId(lex.verbs.len() as u32);
        lex.verbs.push(Verb {
            lemma: lemma.clone(),
            forms: morph::forms(&lemma),
            before: Vec::new(),
            after: Vec::new(),
            code: None,
            class,
            origin: origin.clone(),
        });
        lex.classes.push(VerbClass {
            name: lemma.to_uppercase(),
            code: EventCode::null(),
            verbs: vec![verb],
            patterns: Vec::new(),
            origin: origin.clone(),
        });
        class
    });
    let Some(cls) = lex.classes.get_mut(class.0 as usize) else {
        return;
    };
    if before.is_empty() && after.is_empty() {
        if let Some(first) = bare.get(&lemma) {
            ctx.error(
                line.number,
                format!(
                    "second bare entry for `{lemma}` (the first, {}:{}, gives its code {}); skipped",
                    first.file, first.line, cls.code
                ),
            );
        } else {
            cls.code = code;
            bare.insert(lemma, origin);
        }
        return;
    }
    let id = PatternId(lex.patterns.len() as u32);
    cls.patterns.push(id);
    lex.patterns.push(Pattern {
        class,
        before,
        after,
        verb_glued: false,
        code,
        origin,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &[Element]) -> String {
        fn one(e: &Element) -> String {
            match &e.kind {
                ElementKind::Word(w) => w.clone(),
                ElementKind::Synset(s) => format!("&{}", s.0),
                ElementKind::Source => "$".into(),
                ElementKind::Target => "+".into(),
                ElementKind::Compound => "%".into(),
                ElementKind::Skip => "^".into(),
                ElementKind::NounPhrase(v) => format!("{{{}}}", kinds(v)),
                ElementKind::Prep(v) => format!("({})", kinds(v)),
            }
        }
        v.iter().map(one).collect::<Vec<_>>().join(" ")
    }

    const A: &str = "\
&SANCTIONS = sanction | sanctions | &EMBARGO
visit -> 042:043
visit + -> 042:043
travel to + -> 042
impose &SANCTIONS on + -> 163
supply + with {military aid} -> 072
agree \"to cooperate\" -> 030
$ and + *sign accord -> 057
appear (before court) -> :173
walk out of talks with + -> 164
";
    const B: &str = "\
&EMBARGO = embargo | embargoes | arms embargo
visit (for talks) -> 046:046
visit -> 043
";

    #[test]
    fn reads_entries_across_files() {
        let r = parse_verbs(&[("verbs/a.txt", A), ("verbs/b.txt", B)]);
        assert_eq!(r.diagnostics.len(), 1, "{:#?}", r.diagnostics);
        assert_eq!(&*r.diagnostics[0].file, "verbs/b.txt");
        assert_eq!(r.diagnostics[0].line, 3);
        assert!(r.diagnostics[0].message.contains("second bare entry"));
        let v = &r.value;
        assert_eq!(v.synsets.len(), 2);
        assert_eq!(v.synsets[0].members.len(), 3);
        assert_eq!(v.synsets[0].members[2].terms, [Term::Synset(SynsetId(1))]);
        assert_eq!(v.synsets[1].members[2].terms.len(), 2);
        let names: Vec<&str> = v.classes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "VISIT", "TRAVEL", "IMPOSE", "SUPPLY", "AGREE", "SIGN", "APPEAR", "WALK"
            ]
        );
        let visit = &v.classes[0];
        assert_eq!(visit.code.to_string(), "042:043");
        assert_eq!(visit.patterns.len(), 2, "visit + and visit (for talks)");
        let p = |i: usize| &v.patterns[i];
        assert_eq!(kinds(&p(0).after), "+");
        assert_eq!(kinds(&p(1).after), "(to +)");
        assert_eq!(kinds(&p(2).after), "&0 (on +)");
        assert_eq!(p(2).code.active.as_deref(), Some("163"));
        assert_eq!(kinds(&p(3).after), "+ (with {military aid})");
        assert_eq!(kinds(&p(4).after), "to cooperate");
        assert_eq!(kinds(&p(5).before), "$ and +");
        assert_eq!(kinds(&p(5).after), "accord");
        assert_eq!(kinds(&p(6).after), "(before court)");
        assert_eq!(p(6).code.to_string(), ":173");
        assert_eq!(kinds(&p(7).after), "out (of talks) (with +)");
        assert_eq!(kinds(&p(8).after), "(for talks)");
        assert_eq!(&*p(8).origin.file, "verbs/b.txt");
        assert_eq!(v.verbs[0].lemma, "visit");
        assert!(v.verbs[0].forms.contains(&"visited".to_string()));
        assert_eq!(
            v.verb_code(VerbId(1)),
            Some(&EventCode::null()),
            "travel alone: no event"
        );
    }

    #[test]
    fn malformed_entries() {
        let t = "\
visit +
visit + -> 42x
+ visit -> 042
*visit *meet -> 040
visit (+) -> 042
visit {+ -> 042
visit ) -> 042
visit &NOPE -> 042
&bad = x
&ALSO_BAD
visit \"unterminated -> 042
visit +FOO -> 042
Visit2 -> 042
visit -> :
visit ^ -> 042
&OK = a | &MISSING | b
";
        let r = parse_verbs(&[("verbs/bad.txt", t)]);
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(
            lines,
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16],
            "{:#?}",
            r.diagnostics
        );
        assert_eq!(r.value.patterns.len(), 1, "only `visit ^`");
        assert_eq!(r.value.synsets[0].members.len(), 2);
    }

    #[test]
    fn transformations() {
        let t = "\
transform a (b . attack) say = a b 112
transform a (a b *) say = a b *
transform a (b c attack) say = a b
transform a b attack say = a b 112
transform A (b . attack) say = a b 112
transform a (b . attack) say = a b 99x
";
        let r = parse_verbs(&[("verbs/t.txt", t)]);
        assert_eq!(r.value.transformations.len(), 2);
        let lines: Vec<u32> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        let t0 = &r.value.transformations[0];
        assert_eq!(t0.code.as_deref(), Some("112"));
        assert_eq!(t0.pattern.verb, TransformVerb::Verb(vec!["say".into()]));
        let TransformTarget::Event(inner) = &t0.pattern.target else {
            panic!()
        };
        assert_eq!(inner.target, TransformTarget::Var(TransformVar::Any));
        assert_eq!(inner.verb, TransformVerb::Verb(vec!["attack".into()]));
        assert_eq!(r.value.transformations[1].code, None);
    }

    #[test]
    fn tokenizer_and_garbage() {
        assert_eq!(
            tokenize("a (b) {c d}\"e f\"").unwrap(),
            [
                Tok::Plain("a"),
                Tok::Open('('),
                Tok::Plain("b"),
                Tok::Close(')'),
                Tok::Open('{'),
                Tok::Plain("c"),
                Tok::Plain("d"),
                Tok::Close('}'),
                Tok::Quoted("e f"),
            ]
        );
        for g in [
            "->",
            "-> ->",
            "((((",
            "\u{0} -> 0",
            "& =",
            "a -> 01:",
            "é -> 042",
            "x ((a)) -> 042",
        ] {
            let _ = parse_verbs(&[("g", g)]);
        }
    }
}
