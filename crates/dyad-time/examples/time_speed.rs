//! Speed of [`dyad_time::find`] on news text, one core.
//!
//! The corpus is every `text` of the evaluation records in `../shared/data/eval/*.jsonl`
//! (news sentences from the PETRARCH and PLOVER gold files) and every sentence of dyad's
//! temporal test set, repeated until it holds 4 MB. Each sentence is one `find` call, as in the
//! pipeline; the whole corpus is also timed as a single document.
//!
//! ```text
//! cargo run --release -p dyad-time --example time_speed
//! cargo run --release -p dyad-time --example time_speed -- --show   # print what is found
//! ```

use std::time::Instant;

use jiff::civil::date;

fn eval_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/eval");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("note: {dir} not found; using the test set only");
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("{}: unreadable, skipped", path.display());
            continue;
        };
        for (n, line) in data.lines().enumerate() {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) => {
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        out.push(t.to_string());
                    }
                }
                Err(e) => eprintln!("{}:{}: {e}; skipped", path.display(), n + 1),
            }
        }
    }
    out
}

fn test_set_sentences() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/temporal.txt");
    let data = std::fs::read_to_string(path).unwrap_or_default();
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.splitn(3, " | ").nth(2))
        .map(|s| {
            // Drop the marks: "[[text|value|kind]]" -> "text".
            let mut out = String::new();
            let mut rest = s;
            while let Some(i) = rest.find("[[") {
                out.push_str(&rest[..i]);
                let after = &rest[i + 2..];
                let close = after.find("]]").unwrap_or(after.len());
                out.push_str(after[..close].split('|').next().unwrap_or(""));
                rest = after.get(close + 2..).unwrap_or("");
            }
            out.push_str(rest);
            out
        })
        .collect()
}

fn main() {
    let show = std::env::args().any(|a| a == "--show");
    let pub_date = date(2024, 6, 19);
    let eval = eval_texts();
    if show {
        for t in &eval {
            for e in dyad_time::find(t, pub_date) {
                let v = e.resolved.map(|r| r.to_string()).unwrap_or_default();
                println!("{:<10} {:<28} {:<24} | {t}", e.kind.as_str(), e.text(t), v);
            }
        }
        return;
    }
    let tests = test_set_sentences();
    let eval_bytes: usize = eval.iter().map(String::len).sum();
    let test_bytes: usize = tests.iter().map(String::len).sum();
    let base: Vec<&String> = eval.iter().chain(tests.iter()).collect();
    let mut corpus: Vec<&str> = Vec::new();
    let mut bytes = 0;
    while bytes < 4_000_000 && !base.is_empty() {
        for s in &base {
            corpus.push(s);
            bytes += s.len();
        }
    }
    println!(
        "corpus: {} sentences, {:.2} MB (from {} eval texts, {} KB, and {} test-set sentences, {} KB)",
        corpus.len(),
        bytes as f64 / 1e6,
        eval.len(),
        eval_bytes / 1000,
        tests.len(),
        test_bytes / 1000
    );
    // Warm up (lexicon and period tables are built on first use).
    let _ = dyad_time::find("since June 19, 2024", pub_date);

    for round in 0..3 {
        let t = Instant::now();
        let mut found = 0usize;
        for s in &corpus {
            found += dyad_time::find(s, pub_date).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "round {round}: per sentence: {:.1} MB/s, {:.0} sentences/s, {:.0} expressions/s ({found} expressions)",
            bytes as f64 / 1e6 / secs,
            corpus.len() as f64 / secs,
            found as f64 / secs
        );
    }
    let doc = corpus.join(" ");
    let t = Instant::now();
    let found = dyad_time::find(&doc, pub_date).len();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one document: {:.1} MB/s, {:.0} expressions/s ({found} expressions)",
        doc.len() as f64 / 1e6 / secs,
        found as f64 / secs
    );
}
