//! Install (convert) the spaCy model and time the conversion and a load from the cache.
//!
//! ```text
//! cargo run --release -p dyad-parse --example model_install -- [--wheel PATH | --spacy-dir PATH] [--cache DIR] [--force]
//! ```
use std::path::PathBuf;
use std::time::Instant;

use dyad_parse::model::{InstallOptions, ModelSource, install_with_progress, load};

fn main() {
    let mut opts = InstallOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--wheel" => {
                opts.source = ModelSource::Wheel(args.next().map(PathBuf::from).unwrap_or_default())
            }
            "--spacy-dir" => {
                opts.source =
                    ModelSource::SpacyDir(args.next().map(PathBuf::from).unwrap_or_default())
            }
            "--cache" => opts.cache_dir = args.next().map(PathBuf::from),
            "--force" => opts.force = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let t = Instant::now();
    let paths = match install_with_progress(&opts, &mut |m| eprintln!("{m}")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "install: {:.0} ms -> {}",
        t.elapsed().as_secs_f64() * 1e3,
        paths.dir().display()
    );
    let t = Instant::now();
    match load(&paths) {
        Ok(m) => {
            let floats: usize = m.weights.iter().map(|(_, t)| t.data().len()).sum();
            println!(
                "load: {:.1} ms, {} tensors, {} floats ({:.1} MB)",
                t.elapsed().as_secs_f64() * 1e3,
                m.weights.len(),
                floats,
                floats as f64 * 4.0 / 1e6
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
