//! PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
//!
//! ```text
//! &CURRENCY                       synset: members follow as +lines
//! +DOLLAR                         (plural "dollars" made unless the phrase or label ends in _)
//! +SWISS_FRANC
//!
//! ---  ACCELERATE   [---]  ---    a verb block: name and default code
//! ACCELERATE                      a verb: regular forms made
//! SPEED {SPEEDING SPEEDS SPED}    irregular forms, all of them
//! +CORDON_OFF {+CORDONED_OFF}     compound verb, + marks the verb
//! ASK [020]                       the verb's own code
//! - * (TO BORDER)   [154]         a pattern: elements around the verb, code
//! - &MILITARY * [154:154]
//!
//! ~ a (a b ATTACK) SAY = a b 015  a transformation
//! ```
//!
//! Pattern elements: words, `&SYNSET`, `$` (source), `+` (target), `%` (compound actor), `^`
//! (skip a phrase), `{MODIFIER ... HEAD}` (noun phrase), `(PREP ...)` (prepositional phrase);
//! `_` glues two elements (or an element and the `*`) together. PETRARCH2 reads `_` inside a
//! pattern as part of the word (so `TO_WITHDRAW` can never match); dyad reads it as TABARI
//! did: adjacent words.
//!
//! Choices where PETRARCH2's reader is silent or slips:
//! * Synsets may be used before their definition (PETRARCH requires definition first, which
//!   both files respect; the order of the file does not matter here).
//! * A compound verb without `+` (`LASH OUT`, `CLEAR_UP`) takes its first word as the verb,
//!   with a warning (PETRARCH2 stores each word as a separate verb).
//! * Generated verb forms: `+S` (`+ES` after s, x, z, ch, sh; consonant + y → `ies`), `+ED`
//!   (`+D` after e; consonant + y → `ied`), `+ING` (a final e dropped unless after a vowel).
//!   PETRARCH2's rules without its "CARRYED"; no consonant doubling (the dictionary lists those
//!   forms: `BAN {BANS BANNED}`), which matters little as the coder matches lemmas.
//! * `;` starts a comment on verb lines (TABARI's comment character, in `SCRAP {...};shan`).

use std::collections::HashMap;
use std::path::Path;

use super::{Ctx, Line, bracket_groups, content_lines, parse_event_code, plural_word, read_with};
use crate::diagnostic::{LexiconError, Read};
use crate::model::{
    ClassId, Element, ElementKind, EventCode, Pattern, PatternId, Synset, SynsetId, SynsetMember,
    Term, TransformEvent, TransformTarget, TransformVar, TransformVerb, Transformation, Verb,
    VerbClass, VerbId, VerbLexicon,
};
use crate::normalize;

/// Reads a PETRARCH verb dictionary.
pub fn read_petrarch_verbs(path: &Path) -> Result<Read<VerbLexicon>, LexiconError> {
    read_with(path, parse_petrarch_verbs)
}

/// Parses the text of a PETRARCH verb dictionary.
pub fn parse_petrarch_verbs(text: &str, file: &str) -> Read<VerbLexicon> {
    let mut ctx = Ctx::new(file);
    let lines = content_lines(text);
    let mut lex = VerbLexicon::default();

    // Synset names first, so patterns may refer to synsets defined later.
    let mut synset_ids: HashMap<String, SynsetId> = HashMap::new();
    for line in &lines {
        let t = line.text();
        if let Some(rest) = t.strip_prefix('&') {
            let label = rest.split_whitespace().next().unwrap_or("");
            let name = label.trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                continue; // reported below
            }
            if synset_ids.contains_key(&name) {
                continue;
            }
            synset_ids.insert(name.clone(), SynsetId(lex.synsets.len() as u32));
            lex.synsets.push(Synset {
                name,
                members: Vec::new(),
                origin: ctx.origin(line),
            });
        }
    }

    let mut class: Option<ClassId> = None;
    // The synset whose members are being read, and whether it makes plurals.
    let mut synset: Option<(SynsetId, bool)> = None;
    for line in &lines {
        let t = line.text();
        if t.starts_with("---") {
            synset = None;
            match parse_header(t) {
                Ok((name, code, note)) => {
                    if let Some(n) = note {
                        ctx.warning(line.number, n);
                    }
                    class = Some(ClassId(lex.classes.len() as u32));
                    lex.classes.push(VerbClass {
                        name,
                        code,
                        verbs: Vec::new(),
                        patterns: Vec::new(),
                        origin: ctx.origin(line),
                    });
                }
                Err(e) => {
                    class = None;
                    ctx.error(
                        line.number,
                        format!("{e}; block skipped up to the next `---`"),
                    );
                }
            }
        } else if let Some(body) = t.strip_prefix('-') {
            synset = None;
            let Some(c) = class else {
                ctx.error(line.number, "pattern outside a verb block; skipped");
                continue;
            };
            match parse_pattern(body, &synset_ids) {
                Ok((before, after, verb_glued, code)) => {
                    let id = PatternId(lex.patterns.len() as u32);
                    lex.patterns.push(Pattern {
                        class: c,
                        before,
                        after,
                        verb_glued,
                        code,
                        origin: ctx.origin(line),
                    });
                    lex.classes[c.0 as usize].patterns.push(id);
                }
                Err(e) => ctx.error(line.number, format!("pattern: {e}; skipped")),
            }
        } else if let Some(rest) = t.strip_prefix('&') {
            let label = rest.split_whitespace().next().unwrap_or("");
            let name = label.trim_end_matches('_').to_uppercase();
            match synset_ids.get(&name) {
                Some(&id) => {
                    if lex.synsets[id.0 as usize].origin.line != line.number {
                        ctx.warning(
                            line.number,
                            format!("synset &{name} defined again; members added to the first"),
                        );
                    }
                    synset = Some((id, !label.ends_with('_')));
                }
                None => {
                    synset = None;
                    ctx.error(line.number, "synset without a name; skipped");
                }
            }
            if rest.split_whitespace().nth(1).is_some() {
                ctx.warning(line.number, "text after the synset label ignored");
            }
        } else if let Some(rest) = t.strip_prefix('+').filter(|_| synset.is_some()) {
            let Some((id, plurals)) = synset else {
                continue;
            };
            match parse_member(rest, &synset_ids) {
                Ok(terms) => {
                    let no_plural = !plurals || rest.trim_end().ends_with('_');
                    let plural_terms = if no_plural {
                        None
                    } else {
                        plural_terms(&terms)
                    };
                    let set = &mut lex.synsets[id.0 as usize];
                    set.members.push(SynsetMember {
                        terms,
                        plural: false,
                        origin: ctx.origin(line),
                    });
                    if let Some(p) = plural_terms {
                        set.members.push(SynsetMember {
                            terms: p,
                            plural: true,
                            origin: ctx.origin(line),
                        });
                    }
                }
                Err(e) => ctx.error(line.number, format!("synset member: {e}; skipped")),
            }
        } else if let Some(rest) = t.strip_prefix('~') {
            synset = None;
            match parse_transformation(rest) {
                Ok((pattern, source, target, code)) => lex.transformations.push(Transformation {
                    pattern,
                    source,
                    target,
                    code,
                    origin: ctx.origin(line),
                }),
                Err(e) => ctx.error(line.number, format!("transformation: {e}; skipped")),
            }
        } else {
            synset = None;
            let Some(c) = class else {
                ctx.error(line.number, "verb outside a verb block; skipped");
                continue;
            };
            match parse_verb(&mut ctx, line) {
                Ok(mut verb) => {
                    verb.class = c;
                    let id = VerbId(lex.verbs.len() as u32);
                    lex.verbs.push(verb);
                    lex.classes[c.0 as usize].verbs.push(id);
                }
                Err(e) => ctx.error(line.number, format!("verb: {e}; skipped")),
            }
        }
    }
    for s in &lex.synsets {
        if s.members.is_empty() {
            ctx.warning(s.origin.line, format!("synset &{} has no members", s.name));
        }
    }
    ctx.finish(lex)
}

/// `---  NAME   [CODE]  ---`. A name with blanks (`--- LASH OUT [122] ---`) is joined with
/// `_`; with several codes the first is the block's (PETRARCH2's reading), with a warning.
fn parse_header(t: &str) -> Result<(String, EventCode, Option<String>), String> {
    let inner = t.trim_matches('-').trim();
    let (outside, groups, unclosed) = bracket_groups(inner);
    if unclosed.is_some() {
        return Err("unclosed `[` in block header".into());
    }
    let name = outside.trim().trim_matches('-').trim();
    if name.is_empty() {
        return Err("block header without a name".into());
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join("_");
    let (code, note) = match groups.as_slice() {
        [] => (EventCode::null(), None),
        [g] => (parse_event_code(g)?, None),
        [g, ..] => (
            parse_event_code(g)?,
            Some(format!(
                "block header with {} codes: the first, `[{g}]`, is used",
                groups.len()
            )),
        ),
    };
    Ok((name.to_uppercase(), code, note))
}

/// Regular forms of a verb (lower case), the base form first.
pub(crate) fn regular_forms(w: &str) -> Vec<String> {
    let mut out = vec![w.to_owned()];
    let Some(last) = w.chars().next_back() else {
        return out;
    };
    let before = w.chars().rev().nth(1);
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    let stem_y = || &w[..w.len() - 1];
    // third person singular
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        out.push(format!("{w}es"));
    } else if last == 'y' && !vowel(before) && before.is_some() {
        out.push(format!("{}ies", stem_y()));
    } else {
        out.push(format!("{w}s"));
    }
    // past
    if last == 'e' {
        out.push(format!("{w}d"));
    } else if last == 'y' && !vowel(before) && before.is_some() {
        out.push(format!("{}ied", stem_y()));
    } else {
        out.push(format!("{w}ed"));
    }
    // gerund
    if last == 'e' && before.is_some() && !vowel(before) {
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ing"));
    }
    out.dedup();
    out
}

/// Splits a word with spaCy's rules; a hyphenated verb ("cross-examine") is headed by its last
/// piece, the others go before it.
fn head_pieces(word: &str) -> (Vec<String>, String) {
    let mut pieces = Vec::new();
    normalize::split_word(word, &mut pieces);
    let head = pieces.pop().unwrap_or_default();
    (pieces, head)
}

fn parse_verb(ctx: &mut Ctx, line: &Line<'_>) -> Result<Verb, String> {
    let t = line.text();
    let t = t.split(';').next().unwrap_or("");
    let (outside, groups, unclosed) = bracket_groups(t);
    if unclosed.is_some() {
        return Err("unclosed `[`".into());
    }
    let code = match groups.as_slice() {
        [] => None,
        [g] => Some(parse_event_code(g)?),
        _ => return Err("several codes".into()),
    };
    let (phrase, forms_text) = match outside.find('{') {
        Some(b) => {
            let Some(e) = outside[b..].find('}').map(|e| b + e) else {
                return Err("missing `}`".into());
            };
            if !outside[e + 1..].trim().is_empty() {
                return Err(format!("text after `}}`: `{}`", outside[e + 1..].trim()));
            }
            (&outside[..b], Some(&outside[b + 1..e]))
        }
        None => (outside.as_str(), None),
    };
    let raw: Vec<&str> = phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if raw.is_empty() {
        return Err("no verb".into());
    }
    let plus: Vec<usize> = raw
        .iter()
        .enumerate()
        .filter(|(_, w)| w.starts_with('+'))
        .map(|(i, _)| i)
        .collect();
    let head_index = match plus.as_slice() {
        [] => {
            if raw.len() > 1 {
                ctx.warning(
                    line.number,
                    "compound verb without `+`: its first word is taken as the verb",
                );
            }
            0
        }
        [i] => *i,
        _ => return Err("several words marked with `+`".into()),
    };
    let mut before = Vec::new();
    for w in &raw[..head_index] {
        normalize::split_word(w, &mut before);
    }
    let (pre, lemma) = head_pieces(raw[head_index].trim_start_matches('+'));
    before.extend(pre);
    if lemma.is_empty() || !lemma.chars().any(char::is_alphabetic) {
        return Err(format!("verb `{}` is not a word", raw[head_index]));
    }
    let mut after = Vec::new();
    for w in &raw[head_index + 1..] {
        if w.contains('+') {
            return Err(format!("`+` inside `{w}`"));
        }
        normalize::split_word(w, &mut after);
    }
    let forms = match forms_text {
        None => regular_forms(&lemma),
        Some(ft) => {
            let mut forms = vec![lemma.clone()];
            for item in ft.split_whitespace() {
                if !item.chars().any(char::is_alphabetic) {
                    continue; // a stray "," between forms
                }
                let words: Vec<&str> = item.split('_').filter(|w| !w.is_empty()).collect();
                let pick = match words.iter().position(|w| w.starts_with('+')) {
                    Some(i) => Some(words[i]),
                    None if words.len() == 1 => Some(words[0]),
                    None if words.len() == raw.len() => Some(words[head_index]),
                    None => None,
                };
                match pick {
                    Some(w) => {
                        let (_, f) = head_pieces(w.trim_start_matches('+'));
                        if !f.is_empty() && !forms.contains(&f) {
                            forms.push(f);
                        }
                    }
                    None => ctx.warning(
                        line.number,
                        format!("form `{item}`: cannot tell which word is the verb; ignored"),
                    ),
                }
            }
            forms
        }
    };
    Ok(Verb {
        lemma,
        forms,
        before,
        after,
        code,
        class: ClassId(0),
        origin: ctx.origin(line),
    })
}

fn parse_member(text: &str, synsets: &HashMap<String, SynsetId>) -> Result<Vec<Term>, String> {
    let mut terms = Vec::new();
    for raw in text.split(|c: char| c == '_' || c.is_whitespace()) {
        if raw.is_empty() {
            continue;
        }
        if let Some(name) = raw.strip_prefix('&') {
            let key = name.trim_end_matches('_').to_uppercase();
            let id = synsets
                .get(&key)
                .ok_or_else(|| format!("synset &{key} is not defined"))?;
            terms.push(Term::Synset(*id));
        } else {
            let mut w = Vec::new();
            normalize::split_word(raw, &mut w);
            terms.extend(w.into_iter().map(Term::Word));
        }
    }
    if terms.is_empty() {
        return Err("empty member".into());
    }
    Ok(terms)
}

fn plural_terms(terms: &[Term]) -> Option<Vec<Term>> {
    let (last, head) = terms.split_last()?;
    let Term::Word(w) = last else { return None };
    let p = plural_word(w)?;
    let mut out = head.to_vec();
    out.push(Term::Word(p));
    Some(out)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Star,
    Atom(String),
}

fn scan(s: &str) -> Vec<(Tok, bool)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut glue = false;
    let mut cur_glue = false;
    let flush = |cur: &mut String, out: &mut Vec<(Tok, bool)>, g: bool| {
        if !cur.is_empty() {
            out.push((Tok::Atom(std::mem::take(cur)), g));
        }
    };
    for c in s.chars() {
        match c {
            c if c.is_whitespace() => {
                flush(&mut cur, &mut out, cur_glue);
                glue = false;
            }
            '_' => {
                flush(&mut cur, &mut out, cur_glue);
                glue = true;
            }
            '{' | '(' | '}' | ')' | '*' => {
                flush(&mut cur, &mut out, cur_glue);
                let tok = match c {
                    '{' | '(' => Tok::Open(c),
                    '}' | ')' => Tok::Close(c),
                    _ => Tok::Star,
                };
                out.push((tok, glue));
                glue = false;
            }
            c => {
                if cur.is_empty() {
                    cur_glue = glue;
                    glue = false;
                }
                cur.push(c);
            }
        }
    }
    flush(&mut cur, &mut out, cur_glue);
    out
}

/// How deep `{...}` and `(...)` may nest (the dictionaries use 2).
const MAX_NESTING: usize = 8;

type PatternParts = (Vec<Element>, Vec<Element>, bool, EventCode);

fn parse_pattern(body: &str, synsets: &HashMap<String, SynsetId>) -> Result<PatternParts, String> {
    let open = body.rfind('[').ok_or("no [code]")?;
    let close = body[open..]
        .find(']')
        .map(|c| open + c)
        .ok_or("unclosed `[`")?;
    if !body[close + 1..].trim().is_empty() {
        return Err(format!(
            "text after the code: `{}`",
            body[close + 1..].trim()
        ));
    }
    let code = parse_event_code(&body[open + 1..close])?;
    let elements_text = &body[..open];
    if elements_text.contains(['[', ']']) {
        return Err("several `[...]`".into());
    }
    struct Frame {
        kind: char,
        glued: bool,
        elements: Vec<Element>,
    }
    let mut stack: Vec<Frame> = vec![Frame {
        kind: ' ',
        glued: false,
        elements: Vec::new(),
    }];
    let mut before: Option<Vec<Element>> = None;
    let mut verb_glued = false;
    for (tok, glued) in scan(elements_text) {
        match tok {
            Tok::Open(c) => {
                if stack.len() > MAX_NESTING {
                    return Err("phrases nested too deep".into());
                }
                stack.push(Frame {
                    kind: c,
                    glued,
                    elements: Vec::new(),
                })
            }
            Tok::Close(c) => {
                let want = if c == '}' { '{' } else { '(' };
                let frame = match stack.pop() {
                    Some(f) if f.kind == want => f,
                    _ => return Err(format!("unbalanced `{c}`")),
                };
                if frame.elements.is_empty() {
                    return Err(format!("empty `{want}{c}`"));
                }
                let kind = if want == '{' {
                    ElementKind::NounPhrase(frame.elements)
                } else {
                    ElementKind::Prep(frame.elements)
                };
                let top = stack.last_mut().ok_or("unbalanced brackets")?;
                top.elements.push(Element {
                    kind,
                    glued: frame.glued,
                });
            }
            Tok::Star => {
                if stack.len() != 1 {
                    return Err("`*` inside a phrase".into());
                }
                if before.is_some() {
                    return Err("more than one `*`".into());
                }
                let top = stack.last_mut().ok_or("unbalanced brackets")?;
                before = Some(std::mem::take(&mut top.elements));
                verb_glued = glued;
            }
            Tok::Atom(a) => {
                let top = stack.last_mut().ok_or("unbalanced brackets")?;
                let kind = match a.as_str() {
                    "$" => ElementKind::Source,
                    "+" => ElementKind::Target,
                    "%" => ElementKind::Compound,
                    "^" => ElementKind::Skip,
                    "|" => return Err("TABARI alternatives `|` are not supported".into()),
                    s if s.starts_with('&') => {
                        let key = s[1..].trim_end_matches('_').to_uppercase();
                        let id = synsets
                            .get(&key)
                            .ok_or_else(|| format!("synset &{key} is not defined"))?;
                        ElementKind::Synset(*id)
                    }
                    s => {
                        if s.contains(['$', '%', '^', '&']) {
                            return Err(format!("`{s}`: a marker inside a word"));
                        }
                        let mut pieces = Vec::new();
                        normalize::split_word(s, &mut pieces);
                        for (k, p) in pieces.into_iter().enumerate() {
                            top.elements.push(Element {
                                kind: ElementKind::Word(p),
                                glued: if k == 0 { glued } else { true },
                            });
                        }
                        continue;
                    }
                };
                top.elements.push(Element { kind, glued });
            }
        }
    }
    if stack.len() != 1 {
        return Err("unclosed `{` or `(`".into());
    }
    let Some(before) = before else {
        return Err("no `*` (verb position)".into());
    };
    let after = stack.pop().map(|f| f.elements).unwrap_or_default();
    Ok((before, after, verb_glued, code))
}

type TransformParts = (TransformEvent, TransformVar, TransformVar, Option<String>);

fn parse_transformation(text: &str) -> Result<TransformParts, String> {
    let (lhs, rhs) = text.split_once('=').ok_or("no `=`")?;
    let spaced = lhs.replace('(', " ( ").replace(')', " ) ");
    let toks: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    let event = parse_event(&toks, &mut pos, 0)?;
    if pos != toks.len() {
        return Err(format!("unexpected `{}`", toks[pos]));
    }
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let [s, t, c] = r.as_slice() else {
        return Err("the result must be `source target code`".into());
    };
    let code = if *c == "Q" {
        None
    } else {
        Some(parse_event_code(c)?.active.ok_or("null result code")?)
    };
    Ok((event, var(s)?, var(t)?, code))
}

fn var(s: &str) -> Result<TransformVar, String> {
    Ok(match s {
        "." => TransformVar::Any,
        "_" => TransformVar::Absent,
        s if s.chars().all(char::is_alphanumeric) => TransformVar::Named(s.to_lowercase()),
        s => return Err(format!("`{s}` is not a variable")),
    })
}

fn parse_event(toks: &[&str], pos: &mut usize, depth: usize) -> Result<TransformEvent, String> {
    if depth > 16 {
        return Err("nested too deep".into());
    }
    let next = |pos: &mut usize| -> Result<&str, String> {
        let t = toks.get(*pos).copied().ok_or("unexpected end")?;
        *pos += 1;
        Ok(t)
    };
    let source = var(next(pos)?)?;
    let target = if toks.get(*pos) == Some(&"(") {
        *pos += 1;
        let inner = parse_event(toks, pos, depth + 1)?;
        if next(pos)? != ")" {
            return Err("missing `)`".into());
        }
        TransformTarget::Event(Box::new(inner))
    } else {
        TransformTarget::Var(var(next(pos)?)?)
    };
    let v = next(pos)?;
    if v == "(" || v == ")" {
        return Err("verb expected".into());
    }
    let verb = if v == "Q" {
        TransformVerb::Any
    } else {
        TransformVerb::Verb(normalize::words(v))
    };
    Ok(TransformEvent {
        source,
        target,
        verb,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&CURRENCY
+DOLLAR
+SWISS_FRANCS
+KRONER_
&AUXVERB1_
+WAS
&TIE
+&CURRENCY_TIES

---  ACCELERATE   [---]  ---
ACCELERATE
SPEED {SPEEDING SPEEDS SPED }
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}
WIRE_+TAP
ASK [020]
SCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93
LASH OUT
- * (TO)  [042:043]  # RUSH
- * {ARMS SHIPMENT} [072]
- &CURRENCY * [154]
- $ * (AS &CURRENCY) (IN TALK) (WITH +) [045]
- IN_* [075]
- * (BEFORE COURT) [:173]
- * &NOPE [001]
- * (TO [001]
- NO STAR [001]
- * X
~ a (a b ATTACK) SAY = a b 015
~ a (b . Q ) SAY = a b Q
~ a b
";

    #[test]
    fn reads_verbs() {
        let r = parse_petrarch_verbs(SAMPLE, "v.txt");
        let v = &r.value;
        let msgs: Vec<(u32, String)> = r
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.clone()))
            .collect();
        // Synsets.
        assert_eq!(v.synsets.len(), 3);
        let cur = &v.synsets[0];
        let members: Vec<String> = cur
            .members
            .iter()
            .map(|m| {
                m.terms
                    .iter()
                    .map(|t| match t {
                        Term::Word(w) => w.clone(),
                        Term::Synset(s) => format!("&{}", s.0),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(members, ["dollar", "dollars", "swiss francs", "kroner"]);
        assert_eq!(v.synsets[1].members.len(), 1, "label ends in _: no plurals");
        assert_eq!(v.synsets[2].members[0].terms[0], Term::Synset(SynsetId(0)));
        // Verbs.
        assert_eq!(v.classes.len(), 1);
        assert!(v.classes[0].code.is_null());
        let verbs = &v.verbs;
        assert_eq!(verbs.len(), 7);
        assert_eq!(
            verbs[0].forms,
            ["accelerate", "accelerates", "accelerated", "accelerating"]
        );
        assert_eq!(verbs[1].forms, ["speed", "speeding", "speeds", "sped"]);
        assert_eq!(
            (verbs[2].lemma.as_str(), verbs[2].after.as_slice()),
            ("cordon", &["off".to_owned()][..])
        );
        assert_eq!(verbs[2].forms, ["cordon", "cordoned", "cordons"]);
        assert_eq!(
            (verbs[3].lemma.as_str(), verbs[3].before.as_slice()),
            ("tap", &["wire".to_owned()][..])
        );
        assert_eq!(
            verbs[4].code.as_ref().unwrap().active.as_deref(),
            Some("020")
        );
        assert_eq!(verbs[5].forms.len(), 4);
        assert_eq!(verbs[6].lemma, "lash");
        assert_eq!(verbs[6].after, ["out"]);
        assert_eq!(
            v.verb_code(VerbId(4)).unwrap().active.as_deref(),
            Some("020")
        );
        assert!(v.verb_code(VerbId(0)).unwrap().is_null());
        // Patterns.
        let p = &v.patterns;
        assert_eq!(p.len(), 6, "{msgs:#?}");
        assert_eq!(p[0].code.passive.as_deref(), Some("043"));
        assert!(matches!(&p[0].after[0].kind, ElementKind::Prep(v) if v.len() == 1));
        let ElementKind::NounPhrase(np) = &p[1].after[0].kind else {
            panic!()
        };
        assert_eq!(np.len(), 2);
        assert_eq!(p[2].before[0].kind, ElementKind::Synset(SynsetId(0)));
        assert_eq!(p[3].before[0].kind, ElementKind::Source);
        assert_eq!(p[3].after.len(), 3);
        assert!(p[4].verb_glued);
        assert_eq!(p[5].code.active, None);
        assert!(p[3].specificity() > p[0].specificity());
        assert_eq!(v.classes[0].patterns.len(), 6);
        // Transformations.
        assert_eq!(v.transformations.len(), 2);
        let t = &v.transformations[0];
        assert_eq!(t.code.as_deref(), Some("015"));
        let TransformTarget::Event(inner) = &t.pattern.target else {
            panic!()
        };
        assert_eq!(inner.verb, TransformVerb::Verb(vec!["attack".into()]));
        assert_eq!(v.transformations[1].code, None);
        // Diagnostics: LASH OUT warning, 4 bad patterns, 1 bad transformation.
        assert_eq!(msgs.len(), 6, "{msgs:#?}");
    }

    #[test]
    fn forms() {
        assert_eq!(
            regular_forms("agree"),
            ["agree", "agrees", "agreed", "agreeing"]
        );
        assert_eq!(
            regular_forms("carry"),
            ["carry", "carries", "carried", "carrying"]
        );
        assert_eq!(
            regular_forms("play"),
            ["play", "plays", "played", "playing"]
        );
        assert_eq!(
            regular_forms("push"),
            ["push", "pushes", "pushed", "pushing"]
        );
        assert_eq!(regular_forms("hope"), ["hope", "hopes", "hoped", "hoping"]);
    }

    #[test]
    fn scanning_glue() {
        let toks = scan("IN_* SPY_*_DEAL (TO_BORDER) IN_ *");
        let glued: Vec<bool> = toks.iter().map(|t| t.1).collect();
        assert_eq!(
            glued,
            [
                false, true, false, true, true, false, false, true, false, false, false
            ]
        );
    }
}
