//! [`tense_of`]: the tense (and modality) of the clause a token sits in, read from the parse.
//!
//! The rules, applied to the clause head above the token (its verb, or the copula):
//!
//! 1. **Modals.** `will`, `shall`, `'ll`, `wo(n't)` → future. `would`, `could`, `might`, `may`,
//!    `should`, `must`, `can` + infinitive → future (hypothetical or intended: "Seoul would
//!    consider supplying weapons", "troops could attack"); a modal perfect ("could have
//!    attacked") → past.
//! 2. **Perfect.** `has`/`have`/`had` + participle → past ("has pledged", "had met").
//! 3. **Conditions.** A clause under `if`/`unless` whose main clause is future is future ("would
//!    retaliate if attacked").
//! 4. **be and do.** `was`/`were` → past, `is`/`are` → present ("is meeting", "is expected");
//!    `did` → past, `does`/`do` → present.
//! 5. **The verb's own tag.** VBD → past; VBZ/VBP → present; a bare participle (VBN: "troops
//!    stationed there", "signed in 1994") → past.
//! 6. **Shared auxiliaries.** An untensed conjunct takes the tense of the verb it is
//!    coordinated with ("will meet and sign" → both future).
//! 7. **Infinitives and gerunds.** `to` + infinitive as the complement (xcomp) of a verb is
//!    prospective → future ("plans to visit", "pledged to help", "is to meet", "is expected to
//!    visit", "is going to visit"), except under aspectual and implicative verbs, whose tense
//!    it shares ("began to", "continued to", "managed to", "failed to", "tried to", "refused
//!    to", "helped to", "went to see"). A purpose infinitive (advcl: "traveled to Beijing to
//!    meet Mao") and a gerund ("continued fighting", "after meeting Mao") share their head's
//!    tense. An infinitive modifying a noun ("a plan to visit") and a bare infinitive in a
//!    that-clause ("demanded that Russia withdraw") are future.
//!
//! What stays unknown (a noun phrase with no verb, a headline fragment) is
//! [`TimeTense::Unknown`], which the resolver reads as the past.

use dyad_doc::TimeTense;
use dyad_doc::parse::Parse;

use crate::tree::Tree;

/// Heads whose `to`-infinitive complement happens when they do (not later).
const SHARES_TENSE: &[&str] = &[
    "begin", "start", "continue", "keep", "stop", "cease", "resume", "manage", "fail", "try",
    "attempt", "seem", "appear", "happen", "tend", "use", "get", "come", "go", "help", "refuse",
    "decline", "dare", "neglect", "force", "compel", "allow", "permit", "let", "make", "rush",
    "hasten", "move",
];

/// Modal verbs that make a bare infinitive hypothetical or intended.
const MODALS: &[&str] = &[
    "would", "could", "might", "may", "should", "must", "can", "ought", "'d", "shall", "will",
    "'ll", "wo", "ll",
];

/// Modal lemmas that make the future proper.
const FUTURE_MODALS: &[&str] = &["will", "shall", "'ll", "wo", "ll"];

/// The tense of the clause `token` sits in (see the module docs). `token` may be a verb, an
/// event noun or any word of the clause; an index outside the parse gives
/// [`TimeTense::Unknown`].
///
/// `text` is the text that was parsed.
pub fn tense_of(parse: &Parse, text: &str, token: usize) -> TimeTense {
    let tree = Tree::new(parse, text);
    if tree.tok(token).is_none() {
        return TimeTense::Unknown;
    }
    clause_tense(&tree, tree.clause_head(token), parse.len() + 1)
}

pub(crate) fn clause_tense(tree: &Tree<'_>, c: usize, budget: usize) -> TimeTense {
    if budget == 0 {
        return TimeTense::Unknown;
    }
    let up = |h: usize| clause_tense(tree, tree.clause_head(h), budget - 1);
    let auxes: Vec<usize> = tree
        .children(c)
        .filter(|t| matches!(t.dep(), "aux" | "auxpass"))
        .map(|t| t.i())
        .collect();
    let lemma_of = |i: usize| tree.lemma(i);
    let tag = tree.tag(c);

    // 1. Modals.
    if let Some(&m) = auxes
        .iter()
        .find(|&&a| tree.tag(a) == "MD" || MODALS.contains(&lemma_of(a).as_str()))
    {
        let l = lemma_of(m);
        if FUTURE_MODALS.contains(&l.as_str()) {
            return TimeTense::Future;
        }
        let perfect = auxes.iter().any(|&a| lemma_of(a) == "have");
        return if perfect && tag == "VBN" {
            TimeTense::Past
        } else {
            TimeTense::Future
        };
    }
    if tag == "MD" {
        return TimeTense::Future;
    }
    // 2. Perfect.
    if auxes
        .iter()
        .any(|&a| lemma_of(a) == "have" && tree.tag(a) != "TO")
    {
        return TimeTense::Past;
    }
    // 3. Conditions.
    if let Some(h) = tree.head(c)
        && tree.dep(c) == "advcl"
        && tree
            .children(c)
            .any(|t| t.dep() == "mark" && matches!(tree.lemma(t.i()).as_str(), "if" | "unless"))
        && up(h) == TimeTense::Future
    {
        return TimeTense::Future;
    }
    // 4. be and do.
    for &a in &auxes {
        if matches!(lemma_of(a).as_str(), "be" | "do") {
            match tree.tag(a) {
                "VBD" => return TimeTense::Past,
                "VBZ" | "VBP" => return TimeTense::Present,
                _ => {}
            }
        }
    }
    // 5. The verb's own tag.
    match tag {
        "VBD" => return TimeTense::Past,
        "VBZ" | "VBP" => return TimeTense::Present,
        _ => {}
    }
    let head = tree.head(c);
    let dep = tree.dep(c);
    // 6. Shared auxiliaries.
    if dep == "conj"
        && let Some(h) = head
    {
        let t = up(h);
        if t != TimeTense::Unknown || tag != "VBN" {
            return t;
        }
    }
    match tag {
        "VBN" => TimeTense::Past,
        // 7. Infinitives and gerunds.
        "VB" => {
            let to = auxes.iter().any(|&a| tree.tag(a) == "TO");
            match (dep, head) {
                ("xcomp", Some(h)) if to => {
                    let hl = tree.lemma(h);
                    if hl == "go" && tree.tag(h) == "VBG" {
                        TimeTense::Future
                    } else if SHARES_TENSE.contains(&hl.as_str()) {
                        up(h)
                    } else {
                        TimeTense::Future
                    }
                }
                ("acl" | "relcl", Some(_)) if to => TimeTense::Future,
                // "demanded that Russia withdraw": a mandative subjunctive looks ahead.
                ("ccomp", Some(_)) if !to => TimeTense::Future,
                ("xcomp" | "advcl" | "ccomp", Some(h)) => up(h),
                _ => TimeTense::Unknown,
            }
        }
        "VBG" => match head {
            Some(h) => up(h),
            None => TimeTense::Unknown,
        },
        _ => TimeTense::Unknown,
    }
}
