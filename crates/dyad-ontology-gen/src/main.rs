//! `dyad-ontology-gen REFERENCE_DIR OUT_DIR [--sources DIR]`: builds `data/ontology/*.tsv`.
//!
//! Reads the reference files in REFERENCE_DIR and dyad's hand-written `*.src.tsv` inputs (from
//! OUT_DIR unless `--sources` says otherwise), and writes the generated tables into OUT_DIR.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: dyad-ontology-gen REFERENCE_DIR OUT_DIR [--sources DIR]
  e.g. cargo run -p dyad-ontology-gen -- ../shared/data/reference data/ontology";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (reference, out, sources) = match args.as_slice() {
        [r, o] => (PathBuf::from(r), PathBuf::from(o), PathBuf::from(o)),
        [r, o, flag, s] if flag == "--sources" => {
            (PathBuf::from(r), PathBuf::from(o), PathBuf::from(s))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = dyad_ontology_gen::generate(&reference, &sources)
        .and_then(|outputs| dyad_ontology_gen::write_outputs(&outputs, &out).map(|()| outputs));
    match result {
        Ok(outputs) => {
            for output in &outputs {
                let rows = output
                    .contents
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .count()
                    .saturating_sub(1);
                println!("{}: {rows} rows", out.join(output.file_name).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dyad-ontology-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
