//! Runs dyad-lexicon's linter over the default lexicon (or a directory) and prints every
//! finding, then a count by kind.
//!
//! `cargo run -p dyad-lexicon-default --example lexicon_lint [DIR]`

use std::collections::BTreeMap;

fn main() {
    let dir = std::env::args().nth(1);
    let read = dyad_lexicon_default::load_dir_or_default(dir.as_deref().map(std::path::Path::new))
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for d in read
        .diagnostics
        .iter()
        .chain(&dyad_lexicon::check(&read.value))
    {
        println!("{d}");
        let kind: String = d
            .message
            .split(|c: char| c == '`' || c.is_ascii_digit())
            .next()
            .unwrap_or("")
            .chars()
            .take(40)
            .collect();
        *kinds.entry(kind).or_default() += 1;
    }
    for (k, n) in kinds {
        eprintln!("{n:6}  {k}");
    }
}
