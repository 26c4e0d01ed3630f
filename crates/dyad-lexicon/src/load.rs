//! Loading a whole lexicon from PETRARCH-format files.

use std::path::PathBuf;

use crate::diagnostic::{LexiconError, Read};
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

    /// The validation set of PETRARCH's unit tests: `PETR.Validate.{verbs,actors,agents,discards}.txt`.
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

impl Lexicon {
    /// Reads every file; the diagnostics of all files, in file order. An unreadable file is an
    /// error; bad lines are diagnostics.
    pub fn load(files: &LexiconFiles) -> Result<Read<Lexicon>, LexiconError> {
        let mut lex = Lexicon::default();
        let mut diagnostics = Vec::new();
        for p in &files.verbs {
            let r = read::read_petrarch_verbs(p)?;
            lex.verbs.extend(r.value);
            diagnostics.extend(r.diagnostics);
        }
        for p in &files.actors {
            let r = read::read_petrarch_actors(p)?;
            lex.actors.extend(r.value);
            diagnostics.extend(r.diagnostics);
        }
        for p in &files.agents {
            let r = read::read_petrarch_agents(p)?;
            lex.agents.extend(r.value);
            diagnostics.extend(r.diagnostics);
        }
        for p in &files.discards {
            let r = read::read_petrarch_discards(p)?;
            lex.discards.extend(r.value);
            diagnostics.extend(r.diagnostics);
        }
        for p in &files.issues {
            let r = read::read_petrarch_issues(p)?;
            lex.issues.extend(r.value);
            diagnostics.extend(r.diagnostics);
        }
        Ok(Read {
            value: lex,
            diagnostics,
        })
    }
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
    fn empty_set_is_empty() {
        let r = Lexicon::load(&LexiconFiles::default()).unwrap();
        assert_eq!(r.value, Lexicon::default());
        assert!(r.diagnostics.is_empty());
    }
}
