//! `dyad lexicon check|lookup`, and loading the lexicon the coding commands use.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dyad_lexicon::lint::{FileKind, check_files, guess_kind};
use dyad_lexicon::{Lexicon, LexiconFiles, LexiconIndex, Severity};

use crate::cli::{LexiconAction, LexiconArgs, LexiconOptions};
use crate::cmd::UsageError;

pub fn run(args: &LexiconArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    match &args.action {
        LexiconAction::Check { files, json } => check(files, *json),
        LexiconAction::Lookup {
            text,
            date,
            lexicon,
            json,
        } => {
            let date = date
                .as_deref()
                .map(|d| {
                    dyad_ingest::parse_date(d).map_err(|e| UsageError(format!("--date {d:?}: {e}")))
                })
                .transpose()?;
            let index = LexiconIndex::new(load_lexicon(lexicon, quiet)?);
            let matches = index.lookup(text, date);
            if *json {
                for m in &matches {
                    println!("{}", serde_json::to_string(m)?);
                }
            } else if matches.is_empty() {
                println!("no entry matches {text:?}");
            } else {
                for m in &matches {
                    let codes = if m.codes.is_empty() {
                        "(no code)".to_owned()
                    } else {
                        m.codes.join(" ")
                    };
                    println!(
                        "{:?} {}{} -> {codes}{}\n    {}",
                        m.kind,
                        m.entry,
                        if m.exact {
                            ""
                        } else {
                            " (name contains the text)"
                        },
                        m.note
                            .as_deref()
                            .map_or(String::new(), |n| format!("  [{n}]")),
                        m.origin
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(files: &[std::path::PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut set = LexiconFiles::default();
    let mut diagnostics = Vec::new();
    for f in files {
        if f.is_dir() && is_dyad_lexicon(f) {
            let read = dyad_lexicon_default::load_dir(f)
                .with_context(|| format!("cannot read lexicon directory {}", f.display()))?;
            diagnostics.extend(read.diagnostics);
            diagnostics.extend(dyad_lexicon::lint::check(&read.value));
            eprintln!("{}: {}", f.display(), dyad_lexicon::summary(&read.value));
            continue;
        }
        let kind = guess_kind(f).ok_or_else(|| {
            UsageError(format!(
                "{}: cannot tell the kind of dictionary from the name (it should contain verb, \
                 actor, agent, discard or issue, or start with CAMEO)",
                f.display()
            ))
        })?;
        set.add(kind, f);
    }
    if !(set.verbs.is_empty()
        && set.actors.is_empty()
        && set.agents.is_empty()
        && set.discards.is_empty()
        && set.issues.is_empty())
    {
        diagnostics.extend(check_files(&set)?);
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    for d in &diagnostics {
        if json {
            println!("{}", serde_json::to_string(d)?);
        } else {
            println!("{d}");
        }
    }
    eprintln!(
        "dyad lexicon check: {} file(s), {} diagnostic(s), {errors} error(s)",
        files.len(),
        diagnostics.len()
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The lexicon the lexicon flags describe: the base (`--lexicon`), then the PETRARCH-format files
/// given one by one. Lines that cannot be read are counted on stderr (the details: `dyad lexicon
/// check`).
pub fn load_lexicon(opts: &LexiconOptions, quiet: bool) -> anyhow::Result<Lexicon> {
    let mut files = LexiconFiles::default();
    let mut base = Lexicon::default();
    let mut diagnostics = Vec::new();
    match opts.lexicon.as_str() {
        "none" => {}
        "default" => {
            let read = dyad_lexicon_default::default_lexicon();
            base = read.value;
            diagnostics.extend(read.diagnostics);
        }
        dir => {
            let path = Path::new(dir);
            if !path.is_dir() {
                return Err(UsageError(format!(
                    "--lexicon {dir:?}: not `default`, `none` or a directory"
                ))
                .into());
            }
            let phoenix = LexiconFiles::phoenix(path);
            if is_dyad_lexicon(path) {
                // A lexicon in dyad's own format (like the repository's lexicon/).
                let read = dyad_lexicon_default::load_dir(path)
                    .with_context(|| format!("cannot read lexicon directory {dir}"))?;
                base = read.value;
                diagnostics.extend(read.diagnostics);
            } else if phoenix
                .verbs
                .iter()
                .chain(&phoenix.actors)
                .all(|p| p.is_file())
            {
                // PETRARCH2's own dictionary directory (which also holds its validation
                // set): use the files its default configuration names.
                files = phoenix;
                files.issues.retain(|p| p.is_file());
                files.discards.retain(|p| p.is_file());
                files.agents.retain(|p| p.is_file());
            } else {
                let (found, unknown) = LexiconFiles::from_dir(path)
                    .with_context(|| format!("cannot read lexicon directory {dir}"))?;
                if !quiet && !unknown.is_empty() {
                    eprintln!(
                        "dyad: ignored {} file(s) in {dir} whose names say no dictionary kind",
                        unknown.len()
                    );
                }
                files = found;
            }
        }
    }
    for (kind, paths) in [
        (FileKind::Verbs, &opts.verbs),
        (FileKind::Actors, &opts.actors),
        (FileKind::Agents, &opts.agents),
        (FileKind::Discards, &opts.discards),
        (FileKind::Issues, &opts.issues),
    ] {
        for p in paths {
            files.add(kind, p);
        }
    }
    let read = Lexicon::load(&files)?;
    diagnostics.extend(read.diagnostics);
    base.extend(read.value);
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if !quiet && errors > 0 {
        eprintln!(
            "dyad: {errors} dictionary line(s) could not be used (see `dyad lexicon check`); the first: {}",
            diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map_or(String::new(), ToString::to_string)
        );
    }
    Ok(base)
}

/// Whether `dir` holds a lexicon in dyad's own format: one of its kind directories (`actors/`,
/// `people/`, `agents/`, `verbs/`, `discards/`).
fn is_dyad_lexicon(dir: &Path) -> bool {
    ["actors", "people", "agents", "verbs", "discards"]
        .iter()
        .any(|k| dir.join(k).is_dir())
}
