//! dyad's own default lexicon: the readable files in the repository's `lexicon/` directory, the
//! reader that compiles them into [`dyad_lexicon::Lexicon`] (the representation the PETRARCH
//! readers also produce), and those files embedded in the binary at build time.
//!
//! * [`default_lexicon`] reads the embedded files ([`embedded_files`]): what `dyad` codes with
//!   when no other lexicon is named.
//! * [`load_dir`] reads a directory laid out the same way (`--lexicon DIR`), so users can edit a
//!   copy of `lexicon/` and code with it without rebuilding.
//! * [`parse_files`] reads (name, text) pairs; [`parse_actors`], [`parse_agents`],
//!   [`parse_verbs`], [`parse_nouns`] and [`parse_discards`] read one kind.
//!
//! Every line that cannot be used is a [`Diagnostic`] with its file and line, and is skipped;
//! nothing panics, whatever the input. The format is described in `lexicon/README.md` and on
//! each reader.
//!
//! ```
//! use dyad_lexicon::LexiconIndex;
//! use jiff::civil::date;
//!
//! let read = dyad_lexicon_default::default_lexicon();
//! assert!(read.diagnostics.is_empty(), "the shipped lexicon reads cleanly");
//! let index = LexiconIndex::new(read.value);
//! // "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman
//! // Mao Zedong."
//! let code = |name: &str, d| {
//!     let seq = index.keys(name.split(' '));
//!     let m = index.actors.longest_at(&seq, 0).unwrap();
//!     index.resolve_actor(m.entries, Some(d)).map(|r| r.period.codes[0].clone())
//! };
//! assert_eq!(code("Richard Nixon", date(1972, 2, 21)).as_deref(), Some("USAGOV"));
//! assert_eq!(code("Mao Zedong", date(1972, 2, 21)).as_deref(), Some("CHNGOV"));
//! assert_eq!(code("Beijing", date(1972, 2, 21)).as_deref(), Some("CHN"));
//! assert_eq!(code("Gromyko", date(1975, 1, 1)).as_deref(), Some("SUNGOV"));
//! assert_eq!(code("Russia", date(1960, 1, 1)).as_deref(), Some("SUN"));
//! ```
//!
//! # Choices the issue left open
//!
//! * **Dates** are ISO `YYYY-MM-DD`, and every range is half-open, `FROM..UNTIL`: `UNTIL` is
//!   the first day the fact no longer holds, which for a tenure is the day the successor took
//!   office, so a hand-over day belongs to the successor alone and consecutive tenures are
//!   written with the same date. [`dyad_lexicon::CodePeriod`] stores the last day a code
//!   applies (both ends included), so the reader stores `until` = UNTIL − 1 day.
//! * **File kinds come from directories**: `actors/` and `people/` (actor blocks), `agents/`,
//!   `verbs/`, `discards/`; other files (`README.md`, `tools/`) are not read. Actor files are
//!   read `actors/` first, then `people/`; within a directory, files before subdirectories,
//!   each in name order. Where two actors share a name, the earlier one that has a code on the
//!   date wins, so this order is part of the meaning.
//! * **One class per verb lemma** across all verb files (see [`parse_verbs`]).
//! * **Nouns** (`nouns/`, [`parse_nouns`]) are read after the verbs, whose synsets they use;
//!   their entries go to [`dyad_lexicon::VerbLexicon::nouns`].
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

use std::path::{Path, PathBuf};

pub use dyad_lexicon::{Diagnostic, Lexicon, LexiconError, Read};

mod actors;
mod agents;
mod discards;
mod morph;
mod nouns;
mod syntax;
mod verbs;

pub use actors::parse_actors;
pub use agents::parse_agents;
pub use discards::parse_discards;
pub use nouns::{NounFiles, parse_nouns};
pub use verbs::{PREPOSITIONS, parse_verbs};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The kind of a lexicon file, from the directory it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    /// `actors/…`: states, organisations, groups (actor blocks).
    Actors,
    /// `people/…`: people with tenures (actor blocks, read after `actors/`).
    People,
    /// `agents/…`: role words.
    Agents,
    /// `verbs/…`: synsets and verb entries.
    Verbs,
    /// `nouns/…`: event nouns with their slots, and support verbs (read after `verbs/`).
    Nouns,
    /// `discards/…`: discard phrases.
    Discards,
}

/// The kind of a file from its path relative to the lexicon directory (`actors/states.txt`;
/// a leading `lexicon/` is ignored); `None` for files that are not lexicon entries (not
/// `*.txt`, or outside the kind directories).
pub fn kind_of(path: &str) -> Option<FileKind> {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("lexicon/").unwrap_or(&p);
    if !p.ends_with(".txt") {
        return None;
    }
    let (dir, _) = p.split_once('/')?;
    Some(match dir {
        "actors" => FileKind::Actors,
        "people" => FileKind::People,
        "agents" => FileKind::Agents,
        "verbs" => FileKind::Verbs,
        "nouns" => FileKind::Nouns,
        "discards" => FileKind::Discards,
        _ => return None,
    })
}

/// The order files are read in: by kind, then files before subdirectories, then by name.
fn order_key(path: &str) -> (Option<FileKind>, Vec<(bool, String)>) {
    let parts: Vec<&str> = path.split('/').collect();
    let n = parts.len();
    let key = parts
        .iter()
        .enumerate()
        .map(|(i, s)| (i + 1 < n, (*s).to_owned()))
        .collect();
    (kind_of(path), key)
}

/// Reads a whole lexicon from (name, text) pairs, names relative to the lexicon directory
/// (`actors/states.txt`, optionally prefixed `lexicon/` or a directory path: only the part
/// from the kind directory on decides the kind). Files that are no lexicon entries are ignored.
pub fn parse_files(files: &[(&str, &str)]) -> Read<Lexicon> {
    let mut sorted: Vec<(&str, &str, FileKind)> = files
        .iter()
        .filter_map(|&(name, text)| kind_from_name(name).map(|k| (name, text, k)))
        .collect();
    sorted.sort_by_key(|&(name, _, k)| (k, order_key(&relative(name)).1));
    let mut lex = Lexicon::default();
    let mut diagnostics = Vec::new();
    let mut verb_files = Vec::new();
    let mut noun_files = Vec::new();
    for &(name, text, kind) in &sorted {
        match kind {
            FileKind::Actors | FileKind::People => {
                let r = parse_actors(text, name);
                lex.actors.extend(r.value);
                diagnostics.extend(r.diagnostics);
            }
            FileKind::Agents => {
                let r = parse_agents(text, name);
                lex.agents.extend(r.value);
                diagnostics.extend(r.diagnostics);
            }
            FileKind::Discards => {
                let r = parse_discards(text, name);
                lex.discards.extend(r.value);
                diagnostics.extend(r.diagnostics);
            }
            FileKind::Verbs => verb_files.push((name, text)),
            FileKind::Nouns => noun_files.push((name, text)),
        }
    }
    let r = parse_verbs(&verb_files);
    lex.verbs = r.value;
    diagnostics.extend(r.diagnostics);
    let r = parse_nouns(&noun_files, &lex.verbs);
    lex.verbs.nouns = r.value.nouns;
    lex.verbs.support_verbs = r.value.support_verbs;
    diagnostics.extend(r.diagnostics);
    Read {
        value: lex,
        diagnostics,
    }
}

/// The part of a name from the kind directory on (`/x/lexicon/actors/a.txt` → `actors/a.txt`).
fn relative(name: &str) -> String {
    let p = name.replace('\\', "/");
    let parts: Vec<&str> = p.split('/').collect();
    for i in (0..parts.len()).rev() {
        let rest = parts[i..].join("/");
        if i + 1 < parts.len() && kind_of(&rest).is_some() {
            return rest;
        }
    }
    p
}

fn kind_from_name(name: &str) -> Option<FileKind> {
    kind_of(&relative(name))
}

/// The lexicon files embedded at build time: (`lexicon/…` path, text), sorted by path.
pub fn embedded_files() -> Vec<(String, &'static str)> {
    embedded::EMBEDDED
        .iter()
        .map(|&(p, t)| (format!("lexicon/{p}"), t))
        .collect()
}

/// dyad's default lexicon, compiled from the embedded files (about 4 MB of text, 19,000 actors).
/// Each call reads them afresh (0.4 to 0.7 s in a debug build on the reference machine); keep
/// the result, or the [`dyad_lexicon::LexiconIndex`] built from it.
pub fn default_lexicon() -> Read<Lexicon> {
    let files = embedded_files();
    let pairs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    parse_files(&pairs)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LexiconError> {
    let io = |source| LexiconError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// The lexicon in `dir` ([`load_dir`]) when one is named, else the [`default_lexicon`]: what
/// an optional `--lexicon DIR` chooses.
pub fn load_dir_or_default(dir: Option<&Path>) -> Result<Read<Lexicon>, LexiconError> {
    match dir {
        Some(d) => load_dir(d),
        None => Ok(default_lexicon()),
    }
}

/// Reads a lexicon directory laid out like `lexicon/` (`--lexicon DIR`). An unreadable
/// directory or file is an error; invalid UTF-8 is replaced and reported as a diagnostic.
pub fn load_dir(dir: &Path) -> Result<Read<Lexicon>, LexiconError> {
    let mut paths = Vec::new();
    for kind in ["actors", "people", "agents", "verbs", "nouns", "discards"] {
        let d = dir.join(kind);
        if d.is_dir() {
            collect(&d, &mut paths)?;
        }
    }
    let mut texts = Vec::new();
    let mut pre = Vec::new();
    for p in paths {
        let Ok(rel) = p.strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if kind_of(&rel).is_none() {
            continue;
        }
        let (text, mut bad_utf8) = dyad_lexicon::read_text(&p)?;
        pre.append(&mut bad_utf8);
        let name = p.to_string_lossy().into_owned();
        texts.push((name, text));
    }
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Ok(parse_files(&pairs).after(pre))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_order() {
        assert_eq!(kind_of("actors/states.txt"), Some(FileKind::Actors));
        assert_eq!(kind_of("lexicon/people/x/y.txt"), Some(FileKind::People));
        assert_eq!(kind_of("verbs/04.txt"), Some(FileKind::Verbs));
        assert_eq!(kind_of("README.md"), None);
        assert_eq!(kind_of("tools/x.txt"), None);
        assert_eq!(kind_of("actors.txt"), None);
        assert_eq!(relative("/tmp/a/lexicon/people/x/y.txt"), "people/x/y.txt");
        let mut v = vec![
            "people/z/a.txt",
            "people/b.txt",
            "actors/x.txt",
            "people/a.txt",
        ];
        v.sort_by_key(|p| order_key(p));
        assert_eq!(
            v,
            [
                "actors/x.txt",
                "people/a.txt",
                "people/b.txt",
                "people/z/a.txt"
            ]
        );
    }

    #[test]
    fn files_in_order_with_diagnostics() {
        let files = [
            (
                "people/a.txt",
                "person Ann Example\ncode RUSELI\ncode RUSGOV 2000-01-01..\n",
            ),
            ("actors/b.txt", "actor Ruritania\ncode XXX\nbogus\n"),
            ("agents/g.txt", "MIL troops\n"),
            ("verbs/v.txt", "visit + -> 042\nvisit\n"),
            ("discards/d.txt", "sentence world cup\n"),
            ("notes.txt", "anything"),
        ];
        let r = parse_files(&files);
        assert_eq!(r.value.actors.len(), 2);
        assert_eq!(
            r.value.actors[0].names[0].words,
            ["ruritania"],
            "actors/ before people/"
        );
        assert_eq!(r.value.agents.len(), 1);
        assert_eq!(r.value.verbs.patterns.len(), 1);
        assert_eq!(r.value.discards.len(), 1);
        let d: Vec<(&str, u32)> = r.diagnostics.iter().map(|d| (&*d.file, d.line)).collect();
        assert_eq!(d, [("actors/b.txt", 3), ("verbs/v.txt", 2)]);
    }

    #[test]
    fn directory_reading() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("actors/sub")).unwrap();
        std::fs::create_dir_all(dir.path().join("tools")).unwrap();
        std::fs::write(
            dir.path().join("actors/sub/a.txt"),
            b"actor Bad \xff name\ncode BAD\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("tools/x.txt"), b"garbage").unwrap();
        std::fs::write(dir.path().join("README.md"), b"garbage").unwrap();
        let r = load_dir(dir.path()).unwrap();
        assert_eq!(r.value.actors.len(), 1);
        assert_eq!(r.diagnostics.len(), 1);
        assert!(r.diagnostics[0].file.ends_with("actors/sub/a.txt"));
        assert_eq!(r.diagnostics[0].line, 1);
        let named = load_dir_or_default(Some(dir.path())).unwrap();
        assert_eq!(named.value.actors.len(), 1);
        assert_eq!(named.diagnostics, r.diagnostics);
        assert!(
            load_dir(Path::new("/nonexistent/dyad"))
                .unwrap()
                .value
                .actors
                .is_empty()
        );
    }
}
