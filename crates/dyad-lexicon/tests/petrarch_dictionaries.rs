//! Reads every PETRARCH dictionary in ../shared/data/petrarch-dictionaries: the number of
//! entries read, and every diagnostic, each checked by hand against its line (see the comments).
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use dyad_lexicon::{Diagnostic, Severity};

fn dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch-dictionaries");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!("skipped: {} not found", d.display());
        None
    }
}

/// Prints the diagnostics and returns them as `line` + `E`/`W`.
fn lines(file: &str, diags: &[Diagnostic]) -> Vec<String> {
    for d in diags {
        println!("{d}");
        assert!(d.file.ends_with(file));
    }
    diags
        .iter()
        .map(|d| {
            let s = if d.severity == Severity::Error {
                "E"
            } else {
                "W"
            };
            format!("{}{s}", d.line)
        })
        .collect()
}

#[test]
fn actor_files() {
    let Some(dir) = dir() else { return };
    // (file, actors, names, code periods, diagnostics)
    let cases: &[(&str, usize, usize, usize, &[&str])] = &[
        (
            "Phoenix.Countries.actors.txt",
            18355,
            25918,
            28384,
            &[
                // 7-, 9- and 10-digit dates.
                "2039E", "18010E", "22508E", "22519E", "43613E",
                // Aliases written without `+` under an entry whose codes follow.
                "11940W", "11941W", "39271W", "39463W", "39464W", "39465W", "39466W", "39487W",
                "39488W", "39489W", "39490W", "39491W", "39499W", "39544W", "39545W", "39546W",
                "39547W", "39548W", "39549W", "39550W", "39551W", "39585W", "43616W", "45723W",
                "45724W", "45725W", "45846W", "50961W", "50962W", "50963W", "50964W", "50965W",
                "50966W", "51080W", "51184W",
                // Cameron: his only code has a 9-digit date.
                "18007W", // `[MNEGOV 20121204]`, `[USAGOV 19820101]`: a bare date.
                "31715W", "51384W", // `+A+_B`: two aliases run together.
                "45980W", // Entries with no code at all (US departments).
                "50802W", "50839W",
            ],
        ),
        (
            "Phoenix.International.actors.txt",
            7841,
            7908,
            7895,
            &[
                "22W",   // U.N._ with no code
                "40E",   // 7-digit date
                "266W",  // JOHN_J MCCLOY_ with no code (the next line has its own)
                "3694W", // "Source: MNC.MLH.actors", a stray line
                "3696W", "3726W", "6605W", // sector and revenue columns after the code
                "4122W", // two aliases run together
            ],
        ),
        ("Phoenix.MilNonState.actors.txt", 1021, 1794, 1021, &["30W"]),
        ("PETR.Validate.actors.txt", 128, 161, 138, &[]),
    ];
    for &(file, n_actors, n_names, n_codes, expected) in cases {
        let r = dyad_lexicon::read_petrarch_actors(&dir.join(file)).unwrap();
        let got = lines(file, &r.diagnostics);
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got_sorted, want, "{file}");
        let a = &r.value;
        let names: usize = a.iter().map(|a| a.names.len()).sum();
        let codes: usize = a.iter().map(|a| a.codes.len()).sum();
        assert_eq!(
            (a.len(), names, codes),
            (n_actors, n_names, n_codes),
            "{file}"
        );
    }
}

#[test]
fn agent_files() {
    let Some(dir) = dir() else { return };
    let r = dyad_lexicon::read_petrarch_agents(&dir.join("Phoenix.agents.txt")).unwrap();
    let got = lines("Phoenix.agents.txt", &r.diagnostics);
    // 544: `[~ENV}`; 904…1069: `!MINIST!` pasted inside "ADMINISTRATIVE"; 1927: no code.
    assert_eq!(
        got,
        [
            "544E", "904E", "925E", "930E", "1041E", "1065E", "1069E", "1927E"
        ]
    );
    let names: usize = r.value.iter().map(|a| a.names.len()).sum();
    assert_eq!((r.value.len(), names), (2237, 5036));

    let r = dyad_lexicon::read_petrarch_agents(&dir.join("PETR.Validate.agents.txt")).unwrap();
    assert!(lines("PETR.Validate.agents.txt", &r.diagnostics).is_empty());
    let names: usize = r.value.iter().map(|a| a.names.len()).sum();
    assert_eq!((r.value.len(), names), (88, 164));
}

#[test]
fn verb_files() {
    let Some(dir) = dir() else { return };
    let r = dyad_lexicon::read_petrarch_verbs(&dir.join("CAMEO.2.0.txt")).unwrap();
    // 2374, 7606: "(WITH VISIT)   VISIT)[042:043]", a pasted fragment; 8443-4: synsets never
    // defined.
    assert_eq!(
        lines("CAMEO.2.0.txt", &r.diagnostics),
        ["2374E", "7606E", "8443E", "8444E"]
    );
    let v = &r.value;
    let members: usize = v.synsets.iter().map(|s| s.members.len()).sum();
    assert_eq!(
        (
            v.synsets.len(),
            members,
            v.classes.len(),
            v.verbs.len(),
            v.patterns.len()
        ),
        (40, 990, 397, 1817, 4664)
    );
    assert_eq!(v.transformations.len(), 8);
    // Every pattern line of the file is a pattern or a diagnostic.
    let text = std::fs::read_to_string(dir.join("CAMEO.2.0.txt")).unwrap();
    let pattern_lines = text
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .count();
    assert_eq!(pattern_lines, v.patterns.len() + 4);

    let r = dyad_lexicon::read_petrarch_verbs(&dir.join("PETR.Validate.verbs.txt")).unwrap();
    // 447: "--- DELAY [120]  [031:031] ---"; 688, 1025: LASH OUT, RULE OUT without `+`; 992:
    // "[###]", cut by the comment sign.
    assert_eq!(
        lines("PETR.Validate.verbs.txt", &r.diagnostics),
        ["447W", "688W", "992E", "1025W"]
    );
    let v = &r.value;
    assert_eq!(
        (
            v.synsets.len(),
            v.classes.len(),
            v.verbs.len(),
            v.patterns.len()
        ),
        (17, 261, 269, 473)
    );
}

#[test]
fn discard_and_issue_files() {
    let Some(dir) = dir() else { return };
    let r = dyad_lexicon::read_petrarch_discards(&dir.join("Phoenix.discards.txt")).unwrap();
    assert!(lines("Phoenix.discards.txt", &r.diagnostics).is_empty());
    assert_eq!(r.value.len(), 506);
    let r = dyad_lexicon::read_petrarch_discards(&dir.join("PETR.Validate.discards.txt")).unwrap();
    assert!(lines("PETR.Validate.discards.txt", &r.diagnostics).is_empty());
    assert_eq!(r.value.len(), 9);

    let r = dyad_lexicon::read_petrarch_issues(&dir.join("Phoenix.IssueCoding.txt")).unwrap();
    // Phrases whose [code] was forgotten ("european central bank", "eec" …, "discriminatory"),
    // `~eu+ gene` (a `+` joining nothing) and `v:block m:site` (no `m:` form).
    assert_eq!(
        lines("Phoenix.IssueCoding.txt", &r.diagnostics),
        [
            "141E", "142E", "143E", "144E", "145E", "146E", "147E", "155E", "1040E", "1162E",
            "1183E", "1219E", "1220E", "1221E", "2250E"
        ]
    );
    let forms: usize = r.value.iter().map(|i| i.names.len()).sum();
    assert_eq!((r.value.len(), forms), (3155, 4863));
}

#[test]
fn phoenix_lexicon_index_and_lookup() {
    use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex, MatchKind};
    use jiff::civil::date;
    let Some(dir) = dir() else { return };
    let lex = Lexicon::load(&LexiconFiles::phoenix(&dir)).unwrap().value;
    let index = LexiconIndex::new(lex);

    // `dyad lexicon lookup "Gromyko" --date 1975-01-01`
    let m = index.lookup("Gromyko", Some(date(1975, 1, 1)));
    let gromyko = m
        .iter()
        .find(|m| m.kind == MatchKind::Actor && m.entry == "andrey gromyko")
        .unwrap();
    assert_eq!(gromyko.codes, ["RUSGOV"]);
    assert!(!gromyko.exact);

    // Actors in spaCy-tokenised text, resolved by date.
    let code = |tokens: &[&str], d| {
        let seq = index.keys(tokens.iter().copied());
        let m = index.actors.longest_at(&seq, 0)?;
        assert_eq!(m.token_end as usize, tokens.len(), "{tokens:?}");
        let r = index.resolve_actor(m.entries, Some(d))?;
        Some(r.period.codes.join("/"))
    };
    assert_eq!(
        code(&["Richard", "Nixon"], date(1972, 2, 21)).as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        code(&["Nixon"], date(1980, 1, 1)).as_deref(),
        Some("USAELI")
    );
    assert_eq!(
        code(&["United", "States"], date(1980, 1, 1)).as_deref(),
        Some("USA")
    );
    assert_eq!(code(&["U.S."], date(1980, 1, 1)).as_deref(), Some("USA"));
    assert_eq!(
        code(&["al", "-", "Qaeda"], date(2005, 1, 1)).as_deref(),
        Some("IMGMUSALQ")
    );
    assert_eq!(
        code(&["Kim", "Jong", "-", "il"], date(2008, 1, 1)).as_deref(),
        Some("PRKGOV")
    );
    assert_eq!(
        code(&["Kim", "Jong", "Il"], date(2000, 1, 1)),
        None,
        "coded from 2004-12-01"
    );

    // A verb by lemma and by form, with its patterns most specific first.
    let say = index
        .verbs
        .candidates(index.word_id("say"), index.word_id("said"));
    assert!(!say.is_empty());
    let pats = index.verbs.patterns(say[0]);
    assert!(pats.len() > 50);
    assert!(
        pats.windows(2)
            .all(|w| w[0].specificity >= w[1].specificity)
    );
    let said = index
        .verbs
        .candidates(dyad_lexicon::WordId::UNKNOWN, index.word_id("said"));
    assert_eq!(said, say);
}

#[test]
fn lint_finds_known_problems() {
    use dyad_lexicon::{LexiconFiles, check_files};
    let Some(dir) = dir() else { return };
    let d = check_files(&LexiconFiles::phoenix(&dir)).unwrap();
    let d2 = check_files(&LexiconFiles::petrarch_validation(&dir)).unwrap();
    for x in d.iter().chain(&d2) {
        println!("{x}");
    }
    let has = |d: &[Diagnostic], file: &str, line: u32, s: &str| {
        d.iter()
            .any(|x| x.file.ends_with(file) && x.line == line && x.message.contains(s))
    };
    // ARRANGE: "- * DEMONSTRATION [141]" twice in a row.
    assert!(has(
        &d,
        "CAMEO.2.0.txt",
        860,
        "CAMEO.2.0.txt:859 in block ARRANGE"
    ));
    // A 9-digit date (reader) and a range ending before it starts (linter).
    assert!(has(&d, "Phoenix.Countries.actors.txt", 18010, "9 digits"));
    assert!(has(&d, "Phoenix.Countries.actors.txt", 14190, "is empty"));
    // WEIS codes in the validation verbs; JAP for Japan.
    assert!(has(
        &d2,
        "PETR.Validate.verbs.txt",
        80,
        "`075A` is not a CAMEO event code"
    ));
    assert!(has(
        &d2,
        "PETR.Validate.actors.txt",
        125,
        "`JAP` is not a country"
    ));
    // Reader diagnostics come first in their file's order, then lint's, all sorted by line.
    assert!(d.len() < 2_000, "{} findings", d.len());
}

/// The date restrictions of the validation actors resolve as PETRARCH's unit-test records
/// expect (the dates and codes of the DATE records of PETR.UnitTest.records).
#[test]
fn validation_date_restrictions() {
    use dyad_lexicon::{Lexicon, LexiconIndex};
    use jiff::civil::Date;
    let Some(dir) = dir() else { return };
    let actors = dyad_lexicon::read_petrarch_actors(&dir.join("PETR.Validate.actors.txt"))
        .unwrap()
        .value;
    let index = LexiconIndex::new(Lexicon {
        actors,
        ..Lexicon::default()
    });
    let code = |name: &str, d: &str| {
        let seq = index.keys(name.split(' '));
        let m = index.actors.longest_at(&seq, 0).unwrap();
        let d: Date = format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])
            .parse()
            .unwrap();
        let r = index.resolve_actor(m.entries, Some(d)).unwrap();
        r.period.codes.join("/")
    };
    for (name, date, want) in [
        ("Sam Gamgee", "19950104", "HOBCIV"),
        ("Sam Gamgee", "20080119", "HOBCIV"),
        ("Sam Gamgee", "20100106", "HOBMIL"),
        ("Sam Gamgee", "20100109", "ORCHOB"),
        ("Sam Gamgee", "20100110", "ORCHOB"),
        ("Sam Gamgee", "20100112", "ORCHOB"),
        ("Sam Gamgee", "20100113", "HOBMIL"),
        ("Sam Gamgee", "20121231", "HOBGOV"),
        ("Hamfast Gamgee", "19950104", "HOB"),
        ("Hamfast Gamgee", "20121109", "HOBGOV"),
        ("Hamfast Gamgee", "20121225", "HOBGOV"),
        ("Hamfast Gamgee", "20140104", "HOB"),
        ("Gollum", "19920102", "HOB"),
        ("Prince of Dol Amroth", "19990809", "DOL"),
        ("The Shire", "19950104", "FRO/BIL/SAM"),
    ] {
        assert_eq!(code(name, date), want, "{name} {date}");
    }
}
