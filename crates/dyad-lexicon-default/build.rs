//! Embeds dyad's lexicon files (`lexicon/` at the repository root) into the crate: writes
//! `$OUT_DIR/embedded.rs`, a sorted list of `(relative path, include_str!(...))` for every
//! `*.txt` file under the lexicon's kind directories. Adding a file needs no code change.

use std::path::{Path, PathBuf};

const KIND_DIRS: &[&str] = &["actors", "people", "agents", "verbs", "nouns", "discards"];

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../lexicon");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for kind in KIND_DIRS {
        let d = root.join(kind);
        println!("cargo:rerun-if-changed={}", d.display());
        collect(&d, &mut files);
    }
    let mut rel: Vec<(String, PathBuf)> = files
        .into_iter()
        .filter_map(|p| {
            let r = p
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let abs = p.canonicalize().ok()?;
            Some((r, abs))
        })
        .collect();
    rel.sort();
    let mut src = String::from(
        "/// The embedded lexicon files: (path relative to `lexicon/`, text), sorted by path.\n",
    );
    src.push_str("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for (r, abs) in &rel {
        println!("cargo:rerun-if-changed={}", abs.display());
        src.push_str(&format!(
            "    ({r:?}, include_str!({:?})),\n",
            abs.to_string_lossy()
        ));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    if let Err(e) = std::fs::write(&out, src) {
        panic!("cannot write {}: {e}", out.display());
    }
}
