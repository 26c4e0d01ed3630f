//! Runs dyad's temporal test set (`tests/data/temporal.txt`): every marked expression must be
//! found (overlapping the mark) and resolved exactly — value, precision, range end, modifier
//! and future flag — with the line's tense and each expression anchored on the one before.
//! Prints every failure, the exact-match rate overall and by kind, and asserts ≥ 95%.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dyad_time::{Tense, TimeExpr, find, resolve_all};
use jiff::civil::Date;

struct Gold {
    start: usize,
    end: usize,
    expected: String,
    kind: String,
}

struct Case {
    line: usize,
    pub_date: Date,
    tense: Tense,
    text: String,
    gold: Vec<Gold>,
}

fn parse_tense(s: &str) -> Option<Tense> {
    match s {
        "past" => Some(Tense::Past),
        "present" => Some(Tense::Present),
        "future" => Some(Tense::Future),
        "unknown" => Some(Tense::Unknown),
        _ => None,
    }
}

/// Parse one line; `Err` says what is wrong with it.
fn parse_line(line_no: usize, line: &str) -> Result<Case, String> {
    let mut parts = line.splitn(3, " | ");
    let (Some(date), Some(tense), Some(marked)) = (parts.next(), parts.next(), parts.next()) else {
        return Err("expected `PUB_DATE | TENSE | SENTENCE`".into());
    };
    let pub_date: Date = date
        .trim()
        .parse()
        .map_err(|e| format!("bad date {date:?}: {e}"))?;
    let tense = parse_tense(tense.trim()).ok_or_else(|| format!("bad tense {tense:?}"))?;
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").ok_or("unclosed [[")?;
        let mark = &after[..close];
        let fields: Vec<&str> = mark.split('|').collect();
        let [words, expected, kind] = fields[..] else {
            return Err(format!("mark {mark:?} is not TEXT|EXPECTED|KIND"));
        };
        let start = text.len();
        text.push_str(words);
        gold.push(Gold {
            start,
            end: text.len(),
            expected: expected.to_string(),
            kind: kind.to_string(),
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Ok(Case {
        line: line_no,
        pub_date,
        tense,
        text,
        gold,
    })
}

fn load() -> (Vec<Case>, Vec<String>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/temporal.txt");
    let data = std::fs::read_to_string(path).unwrap();
    let mut cases = Vec::new();
    let mut bad = Vec::new();
    for (k, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(k + 1, line) {
            Ok(c) => cases.push(c),
            Err(e) => bad.push(format!("{path}:{}: {e}", k + 1)),
        }
    }
    (cases, bad)
}

/// What a found expression says, in the notation `expected` uses.
fn render(e: &TimeExpr, expected: &str) -> String {
    let is_freq = expected
        .split_once('/')
        .is_some_and(|(n, p)| n.bytes().all(|b| b.is_ascii_digit()) && p.starts_with('P'));
    if is_freq {
        return e.frequency.map_or("-".into(), |f| f.to_string());
    }
    if expected.starts_with('P') {
        return e.duration.map_or("-".into(), |d| d.to_string());
    }
    match e.resolved {
        Some(r) => r.to_string(),
        None => "-".into(),
    }
}

#[derive(Default)]
struct Tally {
    total: usize,
    exact: usize,
    found: usize,
    span: usize,
    kind: usize,
}

#[test]
fn temporal_test_set() {
    let (cases, bad) = load();
    for b in &bad {
        println!("BAD LINE {b}");
    }
    assert!(
        bad.is_empty(),
        "{} malformed lines in the test set",
        bad.len()
    );

    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut failures = String::new();
    let mut false_pos = Vec::new();
    let mut negatives = (0usize, 0usize);

    for case in &cases {
        let mut found = find(&case.text, case.pub_date);
        resolve_all(&mut found, case.pub_date, |_| case.tense);
        if case.gold.is_empty() {
            negatives.0 += 1;
            if found.is_empty() {
                negatives.1 += 1;
            }
        }
        for f in &found {
            if !case.gold.iter().any(|g| f.start < g.end && g.start < f.end) {
                false_pos.push(format!(
                    "line {}: {:?} in {:?}",
                    case.line,
                    f.text(&case.text),
                    case.text
                ));
            }
        }
        for g in &case.gold {
            let t = by_kind.entry(g.kind.clone()).or_default();
            t.total += 1;
            all.total += 1;
            let hit = found.iter().find(|f| f.start < g.end && g.start < f.end);
            let Some(f) = hit else {
                let _ = writeln!(
                    failures,
                    "line {}: MISSED {:?} (want {} {}) in {:?}",
                    case.line,
                    &case.text[g.start..g.end],
                    g.expected,
                    g.kind,
                    case.text
                );
                continue;
            };
            t.found += 1;
            all.found += 1;
            if f.start == g.start && f.end == g.end {
                t.span += 1;
                all.span += 1;
            }
            if f.kind.as_str() == g.kind {
                t.kind += 1;
                all.kind += 1;
            }
            let got = render(f, &g.expected);
            if got == g.expected {
                t.exact += 1;
                all.exact += 1;
            } else {
                let _ = writeln!(
                    failures,
                    "line {}: {:?} → {:?} {} (want {} {}) in {:?}",
                    case.line,
                    &case.text[g.start..g.end],
                    f.text(&case.text),
                    got,
                    g.expected,
                    g.kind,
                    case.text
                );
            }
        }
    }

    println!("FAILURES:\n{failures}");
    println!("FALSE POSITIVES ({}):", false_pos.len());
    for f in &false_pos {
        println!("  {f}");
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "\n{:<10} {:>5} {:>7} {:>7} {:>7} {:>7}",
        "kind", "n", "exact%", "found%", "span%", "kind%"
    );
    for (k, t) in by_kind.iter().chain([(&"ALL".to_string(), &all)]) {
        println!(
            "{:<10} {:>5} {:>7.1} {:>7.1} {:>7.1} {:>7.1}",
            k,
            t.total,
            pct(t.exact, t.total),
            pct(t.found, t.total),
            pct(t.span, t.total),
            pct(t.kind, t.total)
        );
    }
    println!(
        "{} cases, {} marked expressions, {} negative sentences ({} clean), {} false positives",
        cases.len(),
        all.total,
        negatives.0,
        negatives.1,
        false_pos.len()
    );
    println!(
        "EXACT: {}/{} = {:.1}%",
        all.exact,
        all.total,
        pct(all.exact, all.total)
    );

    assert!(
        all.total >= 300,
        "the set must hold at least 300 expressions"
    );
    assert!(negatives.0 >= 40, "the set must hold trap sentences");
    assert!(
        pct(all.exact, all.total) >= 95.0,
        "exact match {:.1}% < 95%",
        pct(all.exact, all.total)
    );
    assert!(
        false_pos.len() * 100 <= all.total * 2,
        "{} false positives (more than 2% of the marked expressions)",
        false_pos.len()
    );
}

#[test]
fn malformed_lines_are_reported() {
    assert!(parse_line(1, "2024-06-19 | past").is_err());
    assert!(parse_line(1, "2024-13-19 | past | x").is_err());
    assert!(parse_line(1, "2024-06-19 | sometime | x").is_err());
    assert!(parse_line(1, "2024-06-19 | past | in [[1956|1956]]").is_err());
    assert!(parse_line(1, "2024-06-19 | past | in [[1956|1956|date").is_err());
    let c = parse_line(7, "2024-06-19 | past | in [[1956|1956|date]].").unwrap();
    assert_eq!(c.text, "in 1956.");
    assert_eq!((c.gold[0].start, c.gold[0].end), (3, 7));
}
