//! Reads the default lexicon and prints its diagnostics, the number of entries by kind, the
//! CAMEO codes that have at least one verbal pattern, and the time it took.
//!
//! `cargo run -p dyad-lexicon-default --example lexicon_stats [DIR]`

use std::collections::BTreeSet;
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let dir = std::env::args().nth(1);
    let read = dyad_lexicon_default::load_dir_or_default(dir.as_deref().map(std::path::Path::new))
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let elapsed = t.elapsed();
    for d in &read.diagnostics {
        eprintln!("{d}");
    }
    let lex = &read.value;
    let names: usize = lex.actors.iter().map(|a| a.names.len()).sum();
    let periods: usize = lex.actors.iter().map(|a| a.codes.len()).sum();
    println!(
        "read in {:.1} ms, {} diagnostics",
        elapsed.as_secs_f64() * 1e3,
        read.diagnostics.len()
    );
    println!(
        "actors: {} ({} names, {} code periods)",
        lex.actors.len(),
        names,
        periods
    );
    let people = lex
        .actors
        .iter()
        .filter(|a| a.origin.file.contains("people/"))
        .count();
    println!("  of which from people/: {people}");
    println!("agents: {}", lex.agents.len());
    println!(
        "verbs: {} lemmas, {} patterns, {} synsets",
        lex.verbs.verbs.len(),
        lex.verbs.patterns.len(),
        lex.verbs.synsets.len()
    );
    println!("discards: {}", lex.discards.len());
    let mut codes = BTreeSet::new();
    for c in &lex.verbs.classes {
        codes.extend(c.code.active.iter().chain(&c.code.passive).cloned());
    }
    for p in &lex.verbs.patterns {
        codes.extend(p.code.active.iter().chain(&p.code.passive).cloned());
    }
    println!("CAMEO codes with >= 1 verbal entry: {}", codes.len());
    if std::env::var_os("SHOW_CODES").is_some() {
        println!("{}", codes.into_iter().collect::<Vec<_>>().join(" "));
    }
}
