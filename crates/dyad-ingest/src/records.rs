//! [`Records`]: the paths given, walked lazily and in a fixed order, as one stream of records.

use std::fs;
use std::io;
use std::iter::FusedIterator;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::jsonl::JsonlSource;
use crate::open::Stream;
use crate::options::{Codec, NameInfo};
use crate::table::CsvSource;
use crate::text::TextSource;
use crate::{IngestError, IngestErrorKind, IngestOptions, InputFormat, Record};

/// Read records from files, directories and stdin (`-`), in order. See the crate docs.
pub fn read_inputs(paths: &[PathBuf], options: &IngestOptions) -> Records {
    Records {
        inputs: Vec::from(paths).into_iter(),
        dirs: Vec::new(),
        current: None,
        options: options.clone(),
        stats: IngestStats::default(),
        stdin: None,
    }
}

/// The records of all inputs, each a [`Record`] or an [`IngestError`]; from
/// [`read_inputs`]. Lazy: a file is opened when the one before it is done.
pub struct Records {
    inputs: std::vec::IntoIter<PathBuf>,
    /// Directories being walked, innermost last.
    dirs: Vec<DirWalk>,
    current: Option<Source>,
    options: IngestOptions,
    stats: IngestStats,
    /// What `-` reads instead of the process's stdin (tests).
    stdin: Option<Box<dyn io::Read + Send>>,
}

impl Records {
    /// A handle on the file counts, which stays readable after the iterator is consumed.
    pub fn stats(&self) -> IngestStats {
        self.stats.clone()
    }

    /// Read `stdin` where the paths say `-`.
    #[cfg(test)]
    fn with_stdin(mut self, stdin: impl io::Read + Send + 'static) -> Records {
        self.stdin = Some(Box::new(stdin));
        self
    }

    /// Open a path as given by the caller.
    fn open_input(&mut self, path: PathBuf) -> Result<(), IngestError> {
        if path.as_os_str() == "-" {
            let format = self.options.format.unwrap_or(InputFormat::Jsonl);
            let raw = self.stdin.take().unwrap_or_else(|| Box::new(io::stdin()));
            return self.open_stream("-".into(), raw, None, format, "stdin".into());
        }
        let shown = path.display().to_string();
        let meta = fs::metadata(&path)
            .map_err(|e| IngestError::new(&shown, None, None, IngestErrorKind::Open(e)))?;
        if meta.is_dir() {
            let root: Arc<Path> = Arc::from(path.as_path());
            return self.enter_dir(path, root);
        }
        let name = NameInfo::of(&path);
        let format = self
            .options
            .format
            .or(name.format)
            .unwrap_or(InputFormat::Jsonl);
        self.open_file(&path, name.codec, format, name.stem)
    }

    /// A file found in a directory: read if its format is known (or forced), else counted as
    /// skipped.
    fn open_dir_file(&mut self, path: PathBuf, root: &Path) -> Result<(), IngestError> {
        let name = NameInfo::of(&path);
        let Some(format) = self.options.format.or(name.format) else {
            self.stats.0.files_skipped.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        };
        let id = match path.parent().and_then(|p| p.strip_prefix(root).ok()) {
            Some(dir) if !dir.as_os_str().is_empty() => {
                let mut id: Vec<String> = dir
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                id.push(name.stem);
                id.join("/")
            }
            _ => name.stem,
        };
        self.open_file(&path, name.codec, format, id)
    }

    fn open_file(
        &mut self,
        path: &Path,
        codec: Option<Codec>,
        format: InputFormat,
        text_id: String,
    ) -> Result<(), IngestError> {
        let shown = path.display().to_string();
        match fs::File::open(path) {
            Ok(file) => self.open_stream(shown, Box::new(file), codec, format, text_id),
            Err(e) => Err(IngestError::new(
                &shown,
                None,
                None,
                IngestErrorKind::Open(e),
            )),
        }
    }

    fn open_stream(
        &mut self,
        shown: String,
        raw: Box<dyn io::Read + Send>,
        codec: Option<Codec>,
        format: InputFormat,
        text_id: String,
    ) -> Result<(), IngestError> {
        let stream = Stream::open(raw, codec)
            .map_err(|e| IngestError::new(&shown, None, None, IngestErrorKind::Open(e)))?;
        self.stats.0.files_read.fetch_add(1, Ordering::Relaxed);
        self.current = Some(match format {
            InputFormat::Jsonl => Source::Jsonl(JsonlSource::new(stream, shown)),
            InputFormat::Csv => Source::Csv(Box::new(CsvSource::new(stream, shown))),
            InputFormat::Text => Source::Text(TextSource::new(stream, shown, text_id)),
        });
        Ok(())
    }

    /// List a directory and start walking it.
    fn enter_dir(&mut self, path: PathBuf, root: Arc<Path>) -> Result<(), IngestError> {
        let error = |e| {
            IngestError::new(
                &path.display().to_string(),
                None,
                None,
                IngestErrorKind::ReadDir(e),
            )
        };
        let mut entries = Vec::new();
        let mut failed = None;
        for entry in fs::read_dir(&path).map_err(error)? {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    failed.get_or_insert(e);
                    continue;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let kind = match entry.file_type() {
                Ok(t) if t.is_dir() => EntryKind::Dir,
                Ok(t) if t.is_file() => EntryKind::File,
                // A link is read if it leads to a file; links to directories are not followed.
                Ok(t) if t.is_symlink() => match fs::metadata(entry.path()) {
                    Ok(m) if m.is_file() => EntryKind::File,
                    _ => EntryKind::Other,
                },
                Ok(_) => EntryKind::Other,
                Err(e) => {
                    failed.get_or_insert(e);
                    continue;
                }
            };
            entries.push((name, kind));
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let entries: Vec<_> = entries
            .into_iter()
            .map(|(name, kind)| (path.join(name), kind))
            .collect();
        self.dirs.push(DirWalk {
            root,
            entries: entries.into_iter(),
        });
        // The entries that could be listed are still walked.
        match failed {
            Some(e) => Err(error(e)),
            None => Ok(()),
        }
    }
}

impl Iterator for Records {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(source) = &mut self.current {
                match source.next(&self.options) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let step = match self.dirs.last_mut() {
                Some(walk) => match walk.entries.next() {
                    Some((path, kind)) => Some((path, kind, Arc::clone(&walk.root))),
                    None => {
                        self.dirs.pop();
                        continue;
                    }
                },
                None => None,
            };
            let opened = match step {
                Some((path, EntryKind::Dir, root)) => self.enter_dir(path, root),
                Some((path, EntryKind::File, root)) => self.open_dir_file(path, &root),
                Some((_, EntryKind::Other, _)) => {
                    self.stats.0.files_skipped.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                }
                None => {
                    let path = self.inputs.next()?;
                    self.open_input(path)
                }
            };
            if let Err(e) = opened {
                return Some(Err(e));
            }
        }
    }
}

impl FusedIterator for Records {}

/// Counts of the files [`Records`] opened and passed over; shared with the iterator.
#[derive(Debug, Clone, Default)]
pub struct IngestStats(Arc<StatCounts>);

#[derive(Debug, Default)]
struct StatCounts {
    files_read: AtomicU64,
    files_skipped: AtomicU64,
}

impl IngestStats {
    /// Files (and stdin) opened so far.
    pub fn files_read(&self) -> u64 {
        self.0.files_read.load(Ordering::Relaxed)
    }

    /// Directory entries passed over so far: unknown extensions, special files, links to
    /// directories. Hidden entries (`.name`) are not counted.
    pub fn files_skipped(&self) -> u64 {
        self.0.files_skipped.load(Ordering::Relaxed)
    }
}

/// An open input.
enum Source {
    Jsonl(JsonlSource),
    Csv(Box<CsvSource>),
    Text(TextSource),
}

impl Source {
    fn next(&mut self, options: &IngestOptions) -> Option<Result<Record, IngestError>> {
        match self {
            Source::Jsonl(s) => s.next(options),
            Source::Csv(s) => s.next(options),
            Source::Text(s) => s.next(options),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Dir,
    File,
    Other,
}

/// A directory being walked: its remaining entries, sorted by name.
struct DirWalk {
    /// The directory the caller named; ids of text files are relative to it.
    root: Arc<Path>,
    entries: std::vec::IntoIter<(PathBuf, EntryKind)>,
}

#[cfg(test)]
mod tests;
