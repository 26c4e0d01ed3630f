//! Builds dyad's ontology tables, `data/ontology/*.tsv`, from two kinds of input:
//!
//! * the reference files in `../shared/data/reference` (CAMEO codebook, Goldstein values, the
//!   CAMEO→PLOVER map, CAMEO role codes, PLOVER sector codes, CountryInfo's country table), of
//!   which only facts are carried over (codes, short names, numbers, dates) — no descriptions,
//!   usage notes or examples;
//! * dyad's own hand-written inputs, `data/ontology/*.src.tsv`: corrections to and additions to
//!   the country table (historical states with dates), PLOVER event quad classes, labels for
//!   PLOVER sectors, and the international actor codes.
//!
//! [`generate`] reads both and returns every output file's contents; it checks the facts as it
//! goes (codes well formed and unique, roots present, quad classes agreeing with roots, every
//! PLOVER type known, successor states present) and fails with the file and line of the first
//! problem. The output is deterministic, so a test can regenerate and compare byte for byte.
//!
//! ```text
//! cargo run -p dyad-ontology-gen -- ../shared/data/reference data/ontology
//! ```
#![deny(missing_docs)]

mod actors;
mod countries;
mod events;
mod text;
mod tsv;

use std::path::{Path, PathBuf};

/// The files [`generate`] writes, in order.
pub const OUTPUT_FILES: &[&str] = &[
    "cameo_events.tsv",
    "plover_events.tsv",
    "cameo_roles.tsv",
    "plover_sectors.tsv",
    "international.tsv",
    "countries.tsv",
];

/// Why the tables could not be built.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line of an input file is wrong.
    #[error("{file}:{line}: {message}")]
    Input {
        /// The input file's name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A check over a whole file failed.
    #[error("{file}: {message}")]
    Check {
        /// The file the check concerns.
        file: String,
        /// What is wrong.
        message: String,
    },
}

impl GenError {
    #[cold]
    pub(crate) fn input(file: &str, line: usize, message: impl Into<String>) -> GenError {
        GenError::Input {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    #[cold]
    pub(crate) fn check(file: &str, message: impl Into<String>) -> GenError {
        GenError::Check {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// File name inside the output directory, one of [`OUTPUT_FILES`].
    pub file_name: &'static str,
    /// The file's contents.
    pub contents: String,
}

/// Where the inputs are.
#[derive(Debug)]
pub(crate) struct Inputs<'a> {
    reference: &'a Path,
    sources: &'a Path,
}

impl Inputs<'_> {
    /// Reads a reference file.
    pub(crate) fn reference(&self, name: &str) -> Result<String, GenError> {
        read(&self.reference.join(name))
    }

    /// Reads one of dyad's hand-written inputs.
    pub(crate) fn source(&self, name: &str) -> Result<String, GenError> {
        read(&self.sources.join(name))
    }
}

fn read(path: &Path) -> Result<String, GenError> {
    std::fs::read_to_string(path).map_err(|source| GenError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Builds every table from the reference files in `reference` and dyad's hand-written inputs
/// (`*.src.tsv`) in `sources`; returns the files in the order of [`OUTPUT_FILES`].
pub fn generate(reference: &Path, sources: &Path) -> Result<Vec<Output>, GenError> {
    let inputs = Inputs { reference, sources };
    let (cameo, plover) = events::generate(&inputs)?;
    let (roles, sectors, international) = actors::generate(&inputs)?;
    let countries = countries::generate(&inputs)?;
    let contents = [cameo, plover, roles, sectors, international, countries];
    Ok(OUTPUT_FILES
        .iter()
        .zip(contents)
        .map(|(&file_name, contents)| Output {
            file_name,
            contents,
        })
        .collect())
}

/// Writes `outputs` into `dir` (which must exist).
pub fn write_outputs(outputs: &[Output], dir: &Path) -> Result<(), GenError> {
    for output in outputs {
        let path = dir.join(output.file_name);
        std::fs::write(&path, &output.contents)
            .map_err(|source| GenError::Write { path, source })?;
    }
    Ok(())
}

/// The note every generated file opens with.
pub(crate) fn generated_note(what: &str) -> String {
    format!(
        "dyad ontology: {what}.\n\
         Generated by dyad-ontology-gen from ../shared/data/reference and data/ontology/*.src.tsv;\n\
         do not edit: change the inputs and run\n\
         \x20 cargo run -p dyad-ontology-gen -- ../shared/data/reference data/ontology"
    )
}
