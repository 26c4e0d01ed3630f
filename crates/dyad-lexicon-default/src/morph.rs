//! English verb inflection, for [`dyad_lexicon::Verb::forms`]: the forms a coder matches
//! against a token's lower-case text when the parser's lemma does not give the verb's base form.
//!
//! Regular forms follow the spelling rules (`-s`/`-es`/`-ies`, `-ed`/`-d`/`-ied`, `-ing` with a
//! silent `e` dropped); where a final consonant may or may not double (`ban` → `banned`, `visit`
//! → `visited`) both spellings are produced, since an extra form that never occurs costs
//! nothing. Irregular verbs come from a table of common English irregular verbs.

/// (base, past, past participle) of irregular verbs.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("forgo", "forwent", "forgone"),
    ("forsake", "forsook", "forsaken"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("mistake", "mistook", "mistaken"),
    ("outbid", "outbid", "outbid"),
    ("overcome", "overcame", "overcome"),
    ("override", "overrode", "overridden"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("prove", "proved", "proven"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("recast", "recast", "recast"),
    ("redo", "redid", "redone"),
    ("reset", "reset", "reset"),
    ("resell", "resold", "resold"),
    ("retake", "retook", "retaken"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("thrust", "thrust", "thrust"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("undo", "undid", "undone"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a final consonant may double before `-ed`/`-ing` (consonant, vowel, consonant, the
/// last not w, x or y: "ban", "commit", "patrol"; not "visit"-safe, hence both spellings).
fn may_double(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && !is_vowel(w[n - 3])
}

fn third_person(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('o')
    {
        format!("{w}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else {
        format!("{w}s")
    }
}

fn past_regular(w: &str, out: &mut Vec<String>) {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('e') {
        out.push(format!("{w}d"));
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        out.push(format!("{}ied", &w[..n - 1]));
    } else {
        out.push(format!("{w}ed"));
        if may_double(b) {
            out.push(format!("{w}{}ed", char::from(b[n - 1])));
        }
    }
}

fn gerund(w: &str, out: &mut Vec<String>) {
    let b = w.as_bytes();
    let n = b.len();
    if let Some(stem) = w.strip_suffix("ie") {
        out.push(format!("{stem}ying"));
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && n > 2
    {
        out.push(format!("{}ing", &w[..n - 1]));
    } else {
        out.push(format!("{w}ing"));
        if may_double(b) {
            out.push(format!("{w}{}ing", char::from(b[n - 1])));
        }
    }
}

/// Every form of a verb: base, third person, past, past participle, gerund (base first, no
/// duplicates).
pub(crate) fn forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_owned()];
    match lemma {
        "be" => out.extend(["is", "are", "am", "was", "were", "been", "being"].map(String::from)),
        "have" => out.extend(["has", "had", "having"].map(String::from)),
        _ => {
            out.push(third_person(lemma));
            match IRREGULAR.iter().find(|(b, _, _)| *b == lemma) {
                Some((_, past, part)) => {
                    out.push((*past).to_owned());
                    out.push((*part).to_owned());
                }
                None => past_regular(lemma, &mut out),
            }
            gerund(lemma, &mut out);
        }
    }
    let mut seen = Vec::with_capacity(out.len());
    for f in out {
        if !seen.contains(&f) {
            seen.push(f);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lemma: &str, f: &[&str]) {
        let got = forms(lemma);
        for x in f {
            assert!(got.iter().any(|g| g == x), "{lemma}: {x} not in {got:?}");
        }
        assert_eq!(got[0], lemma);
    }

    #[test]
    fn inflects() {
        has("visit", &["visits", "visited", "visiting"]);
        has("ban", &["bans", "banned", "banning"]);
        has("agree", &["agrees", "agreed", "agreeing"]);
        has("impose", &["imposes", "imposed", "imposing"]);
        has("deny", &["denies", "denied", "denying"]);
        has("reach", &["reaches", "reached"]);
        has("meet", &["meets", "met", "meeting"]);
        has(
            "withdraw",
            &["withdraws", "withdrew", "withdrawn", "withdrawing"],
        );
        has("die", &["dies", "died", "dying"]);
        has("go", &["goes", "went", "gone", "going"]);
        has("commit", &["committed", "committing"]);
        has("expel", &["expelled", "expelling"]);
        has("say", &["says", "said", "saying"]);
        has("be", &["was", "been"]);
        has("x", &["xes"]);
        assert!(!forms("visit").is_empty());
    }
}
