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

/// Whether clause `c` is a prospective complement of a verb in the past: "applied *to join*
/// NATO in May", "demanded that Moscow *withdraw*". Such a clause is future to its head, not
/// necessarily to the publication date, so a date in it is read as its head's would be, and
/// its tense is left open.
pub(crate) fn prospective_under_past(tree: &Tree<'_>, c: usize) -> bool {
    if tree.tag(c) != "VB" {
        return false;
    }
    let Some(h) = tree.head(c) else { return false };
    let to = tree
        .children(c)
        .any(|t| t.dep() == "aux" && t.tag() == "TO");
    let has_aux = tree
        .children(c)
        .any(|t| matches!(t.dep(), "aux" | "auxpass") && t.tag() != "TO");
    let prospective = match tree.dep(c) {
        "xcomp" => {
            let hl = tree.lemma(h);
            to && !SHARES_TENSE.contains(&hl.as_str()) && !(hl == "go" && tree.tag(h) == "VBG")
        }
        "ccomp" => !to && !has_aux,
        _ => false,
    };
    prospective && clause_tense(tree, tree.clause_head(h), tree.parse.len() + 1) == TimeTense::Past
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testparse::{doc, tok};
    use jiff::civil::date;

    fn tense(sentence: &str, word: &str) -> TimeTense {
        let d = doc(date(2024, 6, 19), &[&[sentence]]);
        tense_of(d.parse.as_ref().unwrap(), &d.text, tok(&d, word, 0))
    }

    const WILL_VISIT: &str = "
        Putin NNP Putin 3 nsubj
        will MD will 3 aux
        visit VB visit 0 ROOT
        Beijing NNP Beijing 3 dobj
        and CC and 3 cc
        sign VB sign 3 conj
        a DT a 8 det
        treaty NN treaty 6 dobj
        . . . 3 punct";

    #[test]
    fn modals_and_shared_auxiliaries() {
        assert_eq!(tense(WILL_VISIT, "visit"), TimeTense::Future);
        assert_eq!(tense(WILL_VISIT, "sign"), TimeTense::Future);
        // An argument of the clause takes the clause's tense.
        assert_eq!(tense(WILL_VISIT, "treaty"), TimeTense::Future);
        let would = "
            Seoul NNP Seoul 3 nsubj
            would MD would 3 aux
            consider VB consider 0 ROOT
            supplying VBG supply 3 xcomp
            weapons NNS weapon 4 dobj
            . . . 3 punct";
        assert_eq!(tense(would, "consider"), TimeTense::Future);
        assert_eq!(tense(would, "supplying"), TimeTense::Future);
        let could_have = "
            Troops NNS troop 5 nsubj
            could MD could 5 aux
            have VB have 5 aux
            been VBN be 5 auxpass
            attacked VBN attack 0 ROOT
            . . . 5 punct";
        assert_eq!(tense(could_have, "attacked"), TimeTense::Past);
    }

    #[test]
    fn perfect_passive_progressive_and_do() {
        let has = "
            Russia NNP Russia 3 nsubj
            has VBZ have 3 aux
            pledged VBN pledge 0 ROOT
            to TO to 5 aux
            sign VB sign 3 xcomp
            it PRP it 5 dobj
            . . . 3 punct";
        assert_eq!(tense(has, "pledged"), TimeTense::Past);
        // "pledged to sign": the complement is intended, not done.
        assert_eq!(tense(has, "sign"), TimeTense::Future);
        let passive = "
            Kyiv NNP Kyiv 3 nsubjpass
            was VBD be 3 auxpass
            attacked VBN attack 0 ROOT
            . . . 3 punct";
        assert_eq!(tense(passive, "attacked"), TimeTense::Past);
        let progressive = "
            Tokyo NNP Tokyo 3 nsubj
            is VBZ be 3 aux
            watching VBG watch 0 ROOT
            . . . 3 punct";
        assert_eq!(tense(progressive, "watching"), TimeTense::Present);
        let did = "
            Moscow NNP Moscow 4 nsubj
            did VBD do 4 aux
            not RB not 4 neg
            respond VB respond 0 ROOT
            . . . 4 punct";
        assert_eq!(tense(did, "respond"), TimeTense::Past);
    }

    #[test]
    fn infinitives() {
        let going = "
            Kim NNP Kim 3 nsubj
            is VBZ be 3 aux
            going VBG go 0 ROOT
            to TO to 5 aux
            visit VB visit 3 xcomp
            Moscow NNP Moscow 5 dobj
            . . . 3 punct";
        assert_eq!(tense(going, "visit"), TimeTense::Future);
        let began = "
            Troops NNS troop 2 nsubj
            began VBD begin 0 ROOT
            to TO to 4 aux
            withdraw VB withdraw 2 xcomp
            . . . 2 punct";
        assert_eq!(tense(began, "withdraw"), TimeTense::Past);
        let purpose = "
            Nixon NNP Nixon 2 nsubj
            traveled VBD travel 0 ROOT
            to IN to 2 prep
            Beijing NNP Beijing 3 pobj
            to TO to 6 aux
            meet VB meet 2 advcl
            Mao NNP Mao 6 dobj
            . . . 2 punct";
        assert_eq!(tense(purpose, "meet"), TimeTense::Past);
        let plans = "
            Iran NNP Iran 2 nsubj
            plans VBZ plan 0 ROOT
            to TO to 4 aux
            hold VB hold 2 xcomp
            talks NNS talk 4 dobj
            . . . 2 punct";
        assert_eq!(tense(plans, "plans"), TimeTense::Present);
        assert_eq!(tense(plans, "hold"), TimeTense::Future);
        let demanded = "
            The DT the 2 det
            UN NNP UN 3 nsubj
            demanded VBD demand 0 ROOT
            that IN that 6 mark
            Moscow NNP Moscow 6 nsubj
            withdraw VB withdraw 3 ccomp
            . . . 3 punct";
        assert_eq!(tense(demanded, "demanded"), TimeTense::Past);
        assert_eq!(tense(demanded, "withdraw"), TimeTense::Future);
    }

    #[test]
    fn conditions() {
        let cond = "
            NATO NNP NATO 3 nsubj
            would MD would 3 aux
            respond VB respond 0 ROOT
            if IN if 6 mark
            Russia NNP Russia 6 nsubj
            attacked VBD attack 3 advcl
            . . . 3 punct";
        assert_eq!(tense(cond, "attacked"), TimeTense::Future);
        let past_cond = "
            NATO NNP NATO 2 nsubj
            responded VBD respond 0 ROOT
            when WRB when 5 advmod
            Russia NNP Russia 5 nsubj
            attacked VBD attack 2 advcl
            . . . 2 punct";
        assert_eq!(tense(past_cond, "attacked"), TimeTense::Past);
    }

    #[test]
    fn out_of_range_and_fragments() {
        let d = doc(date(2024, 6, 19), &[&["Talks NNS talk 0 ROOT"]]);
        let p = d.parse.as_ref().unwrap();
        assert_eq!(tense_of(p, &d.text, 0), TimeTense::Unknown);
        assert_eq!(tense_of(p, &d.text, 99), TimeTense::Unknown);
    }
}
