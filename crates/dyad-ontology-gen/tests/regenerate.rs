//! Regenerates the ontology tables from `../shared/data/reference` into a temporary directory and
//! checks they are byte-identical to the committed `data/ontology` files. Skipped, with a note,
//! when the reference files are not there.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference() -> Option<PathBuf> {
    let dir = repo().join("../shared/data/reference");
    if dir.join("cameo_eventcodes.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is absent; skipping the regeneration check",
            dir.display()
        );
        None
    }
}

#[test]
fn committed_tables_match_a_fresh_run() {
    let Some(reference) = reference() else { return };
    let committed = repo().join("data/ontology");
    let outputs = dyad_ontology_gen::generate(&reference, &committed).unwrap();
    let temp = tempfile::tempdir().unwrap();
    dyad_ontology_gen::write_outputs(&outputs, temp.path()).unwrap();
    let names: Vec<&str> = outputs.iter().map(|o| o.file_name).collect();
    assert_eq!(names, dyad_ontology_gen::OUTPUT_FILES);
    for name in dyad_ontology_gen::OUTPUT_FILES {
        let fresh = std::fs::read(temp.path().join(name)).unwrap();
        let old = std::fs::read(committed.join(name))
            .unwrap_or_else(|e| panic!("data/ontology/{name}: {e}; run the generator"));
        assert!(
            fresh == old,
            "data/ontology/{name} differs from a fresh run: run\n  \
             cargo run -p dyad-ontology-gen -- ../shared/data/reference data/ontology"
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let Some(reference) = reference() else { return };
    let sources = repo().join("data/ontology");
    let a = dyad_ontology_gen::generate(&reference, &sources).unwrap();
    let b = dyad_ontology_gen::generate(&reference, &sources).unwrap();
    assert_eq!(a, b);
}

/// No long prose from the reference files reaches dyad's tables: no output line carries a
/// description, usage note or example of the CAMEO codebook, nor a PLOVER sector definition.
#[test]
fn no_reference_prose_is_copied() {
    let Some(reference) = reference() else { return };
    let sources = repo().join("data/ontology");
    let outputs = dyad_ontology_gen::generate(&reference, &sources).unwrap();
    let all: String = outputs.iter().map(|o| o.contents.as_str()).collect();
    let codebook = std::fs::read_to_string(reference.join("cameo_eventcodes.tsv")).unwrap();
    let sectors = std::fs::read_to_string(reference.join("plover_sector_codes.tsv")).unwrap();
    let mut prose: Vec<&str> = codebook
        .lines()
        .skip(1)
        .flat_map(|l| l.split('\t').skip(10))
        .collect();
    prose.extend(sectors.lines().skip(1).filter_map(|l| l.split('\t').nth(2)));
    let mut checked = 0;
    for text in prose.into_iter().filter(|t| t.len() > 40) {
        checked += 1;
        // A 40-byte window from the middle of the text must not appear anywhere.
        let start = text
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= text.len() / 3)
            .unwrap();
        let end = text
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= start + 40)
            .unwrap_or(text.len());
        let window = &text[start..end];
        assert!(!all.contains(window), "copied prose: {window:?}");
    }
    assert!(checked > 300, "only {checked} prose fields checked");
}

/// The IGO codes of dyad's list are written as the Phoenix dictionaries write them.
#[test]
fn igo_codes_are_phoenix_codes() {
    let Some(reference) = reference() else { return };
    let phoenix = reference.join("../petrarch-dictionaries/Phoenix.International.actors.txt");
    let Ok(bytes) = std::fs::read(&phoenix) else {
        eprintln!("note: {} is absent; skipping", phoenix.display());
        return;
    };
    let phoenix = String::from_utf8_lossy(&bytes);
    let table = std::fs::read_to_string(repo().join("data/ontology/international.tsv")).unwrap();
    let mut checked = 0;
    for line in table
        .lines()
        .filter(|l| l.starts_with("IGO") && l.contains("\torganisation\t"))
    {
        let code = line.split('\t').next().unwrap();
        assert!(
            phoenix.contains(&format!("[{code}]")),
            "{code} is not a Phoenix code"
        );
        checked += 1;
    }
    assert!(checked >= 10);
}
