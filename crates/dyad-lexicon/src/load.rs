//! Loading a whole lexicon from PETRARCH-format files.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, LexiconError, Read};
use crate::model::Lexicon;
use crate::read;

/// The PETRARCH-format files that make up a lexicon (the `--verbs`, `--actors`, `--agents`,
/// `--discards` and `--issues` options). Any may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LexiconFiles {
    /// Verb dictionaries (normally one).
    pub verbs: Vec<PathBuf>,
    /// Actor dictionaries, in order (entries of earlier files come first).
    pub actors: Vec<PathBuf>,
    /// Agent dictionaries.
    pub agents: Vec<PathBuf>,
    /// Discard lists.
    pub discards: Vec<PathBuf>,
    /// Issue lists.
    pub issues: Vec<PathBuf>,
}

impl LexiconFiles {
    /// The files of a PETRARCH dictionary directory as PETRARCH2's default configuration names
    /// them: `CAMEO.2.0.txt`, the three `Phoenix.*.actors.txt`, `Phoenix.agents.txt`,
    /// `Phoenix.discards.txt`, `Phoenix.IssueCoding.txt`.
    pub fn phoenix(dir: impl Into<PathBuf>) -> LexiconFiles {
        let d: PathBuf = dir.into();
        LexiconFiles {
            verbs: vec![d.join("CAMEO.2.0.txt")],
            actors: vec![
                d.join("Phoenix.Countries.actors.txt"),
                d.join("Phoenix.International.actors.txt"),
                d.join("Phoenix.MilNonState.actors.txt"),
            ],
            agents: vec![d.join("Phoenix.agents.txt")],
            discards: vec![d.join("Phoenix.discards.txt")],
            issues: vec![d.join("Phoenix.IssueCoding.txt")],
        }
    }

    /// The validation set of PETRARCH's unit tests:
    /// `PETR.Validate.{verbs,actors,agents,discards}.txt`.
    pub fn petrarch_validation(dir: impl Into<PathBuf>) -> LexiconFiles {
        let d: PathBuf = dir.into();
        LexiconFiles {
            verbs: vec![d.join("PETR.Validate.verbs.txt")],
            actors: vec![d.join("PETR.Validate.actors.txt")],
            agents: vec![d.join("PETR.Validate.agents.txt")],
            discards: vec![d.join("PETR.Validate.discards.txt")],
            issues: Vec::new(),
        }
    }
}

impl LexiconFiles {
    /// Every dictionary file of a directory, each under the kind its name says
    /// ([`crate::lint::guess_kind`]), in name order; files whose name says nothing are returned
    /// apart. Note that PETRARCH's own directory holds both the Phoenix and the validation
    /// dictionaries: pick with [`LexiconFiles::phoenix`] or [`LexiconFiles::petrarch_validation`]
    /// there.
    pub fn from_dir(dir: &std::path::Path) -> Result<(LexiconFiles, Vec<PathBuf>), LexiconError> {
        let io = |source| LexiconError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        let mut files = LexiconFiles::default();
        let mut other = Vec::new();
        for p in paths {
            match crate::lint::guess_kind(&p) {
                Some(k) => files.add(k, p),
                None => other.push(p),
            }
        }
        Ok((files, other))
    }
}

impl Lexicon {
    /// Reads every file; the diagnostics of all files, in file order. An unreadable file is an
    /// error; bad lines are diagnostics.
    pub fn load(files: &LexiconFiles) -> Result<Read<Lexicon>, LexiconError> {
        let mut lex = Lexicon::default();
        let mut diagnostics = Vec::new();
        let d = &mut diagnostics;
        read_each(&files.verbs, read::read_petrarch_verbs, d, |v| {
            lex.verbs.extend(v)
        })?;
        read_each(&files.actors, read::read_petrarch_actors, d, |v| {
            lex.actors.extend(v)
        })?;
        read_each(&files.agents, read::read_petrarch_agents, d, |v| {
            lex.agents.extend(v)
        })?;
        read_each(&files.discards, read::read_petrarch_discards, d, |v| {
            lex.discards.extend(v)
        })?;
        read_each(&files.issues, read::read_petrarch_issues, d, |v| {
            lex.issues.extend(v)
        })?;
        Ok(Read {
            value: lex,
            diagnostics,
        })
    }
}

/// Reads each of `paths` with `read`, in order, handing each value to `add` and appending its
/// diagnostics to `diagnostics`; stops at the first file that cannot be read.
fn read_each<T>(
    paths: &[PathBuf],
    read: impl Fn(&Path) -> Result<Read<T>, LexiconError>,
    diagnostics: &mut Vec<Diagnostic>,
    mut add: impl FnMut(T),
) -> Result<(), LexiconError> {
    for p in paths {
        let r = read(p)?;
        add(r.value);
        diagnostics.extend(r.diagnostics);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_an_error() {
        let files = LexiconFiles {
            actors: vec![PathBuf::from("/nonexistent/dyad/actors.txt")],
            ..LexiconFiles::default()
        };
        let e = Lexicon::load(&files).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/dyad/actors.txt"));
    }

    #[test]
    fn files_from_a_directory() {
        let dir = std::env::temp_dir().join(format!("dyad-lexicon-dir-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in [
            "b.actors.txt",
            "a.actors.txt",
            "CAMEO.2.0.txt",
            "x.agents.txt",
            "README.md",
        ] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let (files, other) = LexiconFiles::from_dir(&dir).unwrap();
        assert_eq!(
            files.actors,
            [dir.join("a.actors.txt"), dir.join("b.actors.txt")]
        );
        assert_eq!(files.verbs, [dir.join("CAMEO.2.0.txt")]);
        assert_eq!(files.agents.len(), 1);
        assert_eq!(other, [dir.join("README.md")]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(LexiconFiles::from_dir(&dir).is_err());
    }

    #[test]
    fn empty_set_is_empty() {
        let r = Lexicon::load(&LexiconFiles::default()).unwrap();
        assert_eq!(r.value, Lexicon::default());
        assert!(r.diagnostics.is_empty());
    }
}
