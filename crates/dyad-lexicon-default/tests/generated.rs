//! The generated lexicon files are what their generators write: `lexicon/actors/countries.txt`
//! (lexicon/tools/gen_countries.py) and `lexicon/people/countryinfo/` (gen_people.py). The
//! generators run into a temporary directory and their output is compared byte for byte. Skips
//! with a note when `python3` or `../shared/data/reference` is missing.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn python() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some("python3")
}

#[test]
fn countries_file_is_reproduced() {
    let Some(py) = python() else {
        eprintln!("skipped: python3 not found");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("countries.txt");
    let st = Command::new(py)
        .arg(root().join("lexicon/tools/gen_countries.py"))
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    let want = std::fs::read(root().join("lexicon/actors/countries.txt")).unwrap();
    let got = std::fs::read(&out).unwrap();
    assert!(
        want == got,
        "lexicon/actors/countries.txt differs from the generator's output: rerun lexicon/tools/gen_countries.py"
    );
}

#[test]
fn countryinfo_people_are_reproduced() {
    let Some(py) = python() else {
        eprintln!("skipped: python3 not found");
        return;
    };
    let src = root().join("../shared/data/reference/countryinfo_leaders.tsv");
    if !src.exists() {
        eprintln!("skipped: {} not found", src.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let st = Command::new(py)
        .arg(root().join("lexicon/tools/gen_people.py"))
        .arg("--out")
        .arg(dir.path())
        .arg(&src)
        .status()
        .unwrap();
    assert!(st.success());
    let committed = root().join("lexicon/people/countryinfo");
    let list = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        list(&committed),
        list(dir.path()),
        "the set of generated files differs"
    );
    for name in list(dir.path()) {
        let want = std::fs::read(committed.join(&name)).unwrap();
        let got = std::fs::read(dir.path().join(&name)).unwrap();
        assert!(
            want == got,
            "people/countryinfo/{name} differs from the generator's output: rerun lexicon/tools/gen_people.py"
        );
    }
}
