//! Whole-input tests: files of each format, directories, compression, failures part way.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::{IngestErrorKind, IngestOptions, InputFormat, Record, parse_date, read_inputs};

const JSONL: &str = "{\"id\":\"n1\",\"date\":\"1972-02-21\",\"text\":\"Nixon met Mao.\"}\n\
    {\"id\":\"n2\",\"date\":\"1972-02-22\",\"text\":\"Zhou hosted a banquet.\",\"outlet\":\"Wire\"}\n";

fn dated() -> IngestOptions {
    IngestOptions {
        default_date: Some(parse_date("1972-02-28").unwrap()),
        ..IngestOptions::default()
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).unwrap()
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// Each item as `ok ID PATH:LINE` or the error's message, paths relative to `dir`.
fn summary(dir: &Path, paths: &[PathBuf], options: &IngestOptions) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    read_inputs(paths, options)
        .map(|item| match item {
            Ok(r) => format!(
                "ok {} {}:{}",
                r.id,
                r.origin.path,
                r.origin.line.map_or("-".into(), |l| l.to_string())
            ),
            Err(e) => e.to_string(),
        })
        .map(|s| s.replace(&prefix, ""))
        .collect()
}

fn records(paths: &[PathBuf], options: &IngestOptions) -> Vec<Record> {
    read_inputs(paths, options).map(|r| r.unwrap()).collect()
}

#[test]
fn records_are_send() {
    fn send<T: Send>() {}
    send::<crate::Records>();
    send::<crate::IngestError>();
    send::<Record>();
}

#[test]
fn compressed_files_read_like_plain_ones() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "a.jsonl", JSONL.as_bytes());
    let gz = write(dir.path(), "a.jsonl.gz", &gzip(JSONL.as_bytes()));
    let zst = write(dir.path(), "a.jsonl.zst", &zstd(JSONL.as_bytes()));
    // Named by content only: magic bytes decide.
    let sniffed_gz = write(dir.path(), "b.jsonl", &gzip(JSONL.as_bytes()));
    let sniffed_zst = write(dir.path(), "c.ndjson", &zstd(JSONL.as_bytes()));
    let want: Vec<_> = records(std::slice::from_ref(&plain), &IngestOptions::default())
        .into_iter()
        .map(|r| (r.id, r.date, r.text, r.outlet, r.origin.line))
        .collect();
    assert_eq!(want.len(), 2);
    for path in [gz, zst, sniffed_gz, sniffed_zst] {
        let got: Vec<_> = records(std::slice::from_ref(&path), &IngestOptions::default())
            .into_iter()
            .map(|r| (r.id, r.date, r.text, r.outlet, r.origin.line))
            .collect();
        assert_eq!(got, want, "{}", path.display());
    }

    // Text and CSV go through the same decoding.
    let txt = write(dir.path(), "story.txt.zst", &zstd(b"Nixon met Mao."));
    let csv = write(
        dir.path(),
        "t.csv.gz",
        &gzip(b"id,date,text\nx,1972-02-21,\"Mao met Nixon.\"\n"),
    );
    let got = records(&[txt, csv], &dated());
    assert_eq!(got[0].id, "story");
    assert_eq!(got[0].text, "Nixon met Mao.");
    assert_eq!(got[1].text, "Mao met Nixon.");
}

#[test]
fn multi_member_gzip_is_read_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = JSONL.split_at(JSONL.find('\n').unwrap() + 1);
    let mut bytes = gzip(first.as_bytes());
    bytes.extend(gzip(second.as_bytes()));
    let path = write(dir.path(), "m.jsonl.gz", &bytes);
    let ids: Vec<_> = records(&[path], &IngestOptions::default())
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["n1", "n2"]);
}

#[test]
fn truncated_streams_keep_the_records_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = String::new();
    for i in 0..20_000 {
        big.push_str(&format!(
            "{{\"id\":\"r{i}\",\"date\":\"1972-02-21\",\"text\":\"Record {i} of many, with some words to compress {}.\"}}\n",
            i * 7919 % 100_003
        ));
    }
    let gz = gzip(big.as_bytes());
    let zst = zstd(big.as_bytes());
    let cut_gz = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let cut_zst = write(dir.path(), "cut.jsonl.zst", &zst[..zst.len() / 2]);
    let after = write(dir.path(), "after.jsonl", JSONL.as_bytes());
    for (cut, codec) in [(cut_gz, "gzip"), (cut_zst, "zstd")] {
        let items: Vec<_> =
            read_inputs(&[cut.clone(), after.clone()], &IngestOptions::default()).collect();
        let ok_before = items.iter().take_while(|i| i.is_ok()).count();
        assert!(ok_before > 100, "{codec}: {ok_before}");
        // Records kept are whole and in order.
        for (n, item) in items.iter().take(ok_before).enumerate() {
            assert_eq!(item.as_ref().unwrap().id, format!("r{n}"));
        }
        let e = items[ok_before].as_ref().unwrap_err();
        assert_eq!(e.path, cut.display().to_string());
        assert_eq!(e.line, Some(ok_before as u64 + 1), "{e}");
        assert!(
            matches!(&e.kind, IngestErrorKind::Decompress { codec: c, .. } if *c == codec),
            "{e}"
        );
        // Then the next input, whole.
        let rest: Vec<_> = items[ok_before + 1..]
            .iter()
            .map(|i| i.as_ref().unwrap().id.clone())
            .collect();
        assert_eq!(rest, ["n1", "n2"], "{codec}");
    }
}

#[test]
fn corrupt_compressed_headers_are_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(dir.path(), "bad.jsonl.gz", b"this is not gzip\n");
    let zst = write(dir.path(), "bad.jsonl.zst", b"this is not zstd\n");
    let ok = write(dir.path(), "ok.jsonl", JSONL.as_bytes());
    let got = summary(dir.path(), &[gz, zst, ok], &IngestOptions::default());
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(
        got[0].starts_with("bad.jsonl.gz:1: corrupt or truncated gzip stream"),
        "{}",
        got[0]
    );
    assert!(
        got[1].starts_with("bad.jsonl.zst:1: corrupt or truncated zstd stream"),
        "{}",
        got[1]
    );
    assert_eq!(got[2..], ["ok n1 ok.jsonl:1", "ok n2 ok.jsonl:2"]);
}

#[test]
fn directory_tree_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "corpus/b.jsonl", JSONL.as_bytes());
    write(d, "corpus/a/z.txt", b"Nixon met Mao.");
    write(d, "corpus/a/deeper/y.txt.gz", &gzip(b"Mao met Nixon."));
    write(
        d,
        "corpus/c.csv",
        b"id,date,text\nc1,1972-02-23,\"Talks, at length.\"\n",
    );
    write(d, "corpus/d.json.zst", &zstd(JSONL.as_bytes()));
    write(d, "corpus/notes.md", b"# not an input");
    write(d, "corpus/README", b"not an input");
    write(d, "corpus/.hidden.jsonl", b"{broken");
    write(d, "corpus/.git/x.jsonl", b"{broken");
    write(d, "corpus/e/empty.jsonl", b"");
    let root = d.join("corpus");
    let items = read_inputs(std::slice::from_ref(&root), &dated());
    let stats = items.stats();
    let got: Vec<_> = items
        .map(|i| {
            let r = i.unwrap();
            format!(
                "{} {}",
                r.id,
                r.origin.path.replace(&format!("{}/", d.display()), "")
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "a/deeper/y corpus/a/deeper/y.txt.gz",
            "a/z corpus/a/z.txt",
            "n1 corpus/b.jsonl",
            "n2 corpus/b.jsonl",
            "c1 corpus/c.csv",
            "n1 corpus/d.json.zst",
            "n2 corpus/d.json.zst",
        ]
    );
    assert_eq!(stats.files_read(), 6);
    assert_eq!(stats.files_skipped(), 2);

    // The same walk through a path with a trailing slash, and the default date only where needed.
    let again = records(&[PathBuf::from(format!("{}/", root.display()))], &dated());
    assert_eq!(again.len(), 7);
    assert_eq!(again[0].date.to_string(), "1972-02-28");
    assert_eq!(again[2].date.to_string(), "1972-02-21");
}

#[test]
fn forced_format_takes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "in/one", b"Nixon met Mao.");
    write(d, "in/two.md", b"Mao met Nixon.");
    let options = IngestOptions {
        format: Some(InputFormat::Text),
        ..dated()
    };
    let ids: Vec<_> = records(&[d.join("in")], &options)
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["one", "two.md"]);

    // A file named directly with an unknown extension is JSON lines unless forced.
    let log = write(d, "feed.log", JSONL.as_bytes());
    assert_eq!(
        records(std::slice::from_ref(&log), &IngestOptions::default()).len(),
        2
    );
    let as_text = records(&[log], &options);
    assert_eq!((as_text.len(), as_text[0].id.as_str()), (1, "feed.log"));
}

#[test]
fn missing_paths_are_one_error_each_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.jsonl", JSONL.as_bytes());
    let txt = write(dir.path(), "plain.txt", b"Nixon met Mao.");
    let got = summary(
        dir.path(),
        &[
            dir.path().join("nope.jsonl"),
            ok,
            dir.path().join("gone"),
            txt,
        ],
        &IngestOptions::default(),
    );
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(
        got[0].starts_with("nope.jsonl: cannot open: "),
        "{}",
        got[0]
    );
    assert_eq!(got[1..3], ["ok n1 ok.jsonl:1", "ok n2 ok.jsonl:2"]);
    assert!(got[3].starts_with("gone: cannot open: "), "{}", got[3]);
    assert_eq!(
        got[4],
        "plain.txt: record \"plain\": plain text has no date; a default date is needed"
    );
}

#[test]
fn stdin_is_jsonl_or_the_forced_format_and_may_be_compressed() {
    let dir = tempfile::tempdir().unwrap();
    let after = write(dir.path(), "after.jsonl", JSONL.as_bytes());
    let paths = [PathBuf::from("-"), after];
    let read = |bytes: Vec<u8>, options: &IngestOptions| -> Vec<String> {
        read_inputs(&paths, options)
            .with_stdin(std::io::Cursor::new(bytes))
            .map(|i| match i {
                Ok(r) => format!("{} {}:{:?}", r.id, r.origin.path, r.origin.line),
                Err(e) => e.to_string(),
            })
            .map(|s| s.replace(&format!("{}/", dir.path().display()), ""))
            .collect()
    };
    let want = [
        "n1 -:Some(1)",
        "n2 -:Some(2)",
        "n1 after.jsonl:Some(1)",
        "n2 after.jsonl:Some(2)",
    ];
    assert_eq!(
        read(JSONL.as_bytes().to_vec(), &IngestOptions::default()),
        want
    );
    assert_eq!(
        read(gzip(JSONL.as_bytes()), &IngestOptions::default()),
        want
    );
    assert_eq!(
        read(zstd(JSONL.as_bytes()), &IngestOptions::default()),
        want
    );

    let text = IngestOptions {
        format: Some(InputFormat::Text),
        ..dated()
    };
    let got = read(gzip(b"Nixon met Mao."), &text);
    assert_eq!(got[0], "stdin -:None");
    let csv = IngestOptions {
        format: Some(InputFormat::Csv),
        ..IngestOptions::default()
    };
    let got = read(b"id,date,text\ns1,1972-02-21,x\n".to_vec(), &csv);
    // A forced format holds for every input.
    assert_eq!(
        got,
        [
            "s1 -:Some(2)",
            "after.jsonl:1: CSV header has no column \"id\""
        ]
    );
}

#[cfg(unix)]
#[test]
fn links_to_files_are_read_links_to_directories_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let target = write(d, "elsewhere/t.jsonl", JSONL.as_bytes());
    write(d, "in/a.jsonl", JSONL.as_bytes());
    std::os::unix::fs::symlink(&target, d.join("in/b.jsonl")).unwrap();
    std::os::unix::fs::symlink(d.join("in"), d.join("in/loop")).unwrap();
    let items = read_inputs(&[d.join("in")], &IngestOptions::default());
    let stats = items.stats();
    let items: Vec<_> = items.collect();
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    assert_eq!(items.len(), 4);
    assert_eq!(stats.files_skipped(), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_file_in_a_directory_is_one_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let locked = write(d, "in/a.jsonl", JSONL.as_bytes());
    write(d, "in/b.jsonl", JSONL.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&locked).is_ok() {
        return; // running as root: permissions are not enforced
    }
    let got = summary(d, &[d.join("in")], &IngestOptions::default());
    assert!(
        got[0].starts_with("in/a.jsonl: cannot open: "),
        "{}",
        got[0]
    );
    assert_eq!(got[1..], ["ok n1 in/b.jsonl:1", "ok n2 in/b.jsonl:2"]);
}

/// Every item of `path` read as given: never a panic, and with `lines`, every error has a line.
fn read_all(path: &Path, options: &IngestOptions, lines: bool) -> Result<(), TestCaseError> {
    for item in read_inputs(&[path.to_path_buf()], options) {
        if let Err(e) = item {
            prop_assert!(!lines || e.line.is_some(), "{e}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_as_jsonl(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "x.jsonl", &bytes);
        read_all(&path, &IngestOptions::default(), true)?;
    }

    #[test]
    fn arbitrary_json_like_lines(lines in proptest::collection::vec(
        r#"[ {}\[\]":,0-9a-z\\\x00\n]{0,60}|\{"id":"[a-z]{0,3}","date":"[0-9-]{0,12}","text":"[a-z ]{0,10}"\}"#, 0..20)) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "x.jsonl", lines.join("\n").as_bytes());
        let n_ok = read_inputs(&[path], &IngestOptions::default())
            .map(|item| match item {
                Ok(r) => { assert!(r.origin.line.is_some()); 1 }
                Err(e) => { assert!(e.line.is_some(), "{e}"); 0 }
            })
            .sum::<usize>();
        prop_assert!(n_ok <= lines.len());
    }

    #[test]
    fn arbitrary_bytes_as_compressed(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x.jsonl.gz", "x.jsonl.zst", "x.csv.gz", "x.txt.zst"] {
            let path = write(dir.path(), name, &bytes);
            read_all(&path, &dated(), name.ends_with(".jsonl.gz") || name.ends_with(".jsonl.zst"))?;
        }
        // Valid magic numbers followed by junk.
        for (name, magic) in [("y.jsonl", &[0x1f, 0x8b, 8, 0][..]), ("y.jsonl", &[0x28, 0xb5, 0x2f, 0xfd])] {
            let mut b = magic.to_vec();
            b.extend_from_slice(&bytes);
            let path = write(dir.path(), name, &b);
            read_all(&path, &dated(), true)?;
        }
    }

    #[test]
    fn arbitrary_bytes_as_csv_and_text(bytes in proptest::collection::vec(any::<u8>(), 0..1000)) {
        let dir = tempfile::tempdir().unwrap();
        let mut csv = b"id,date,text\n".to_vec();
        csv.extend_from_slice(&bytes);
        read_all(&write(dir.path(), "x.csv", &csv), &dated(), true)?;
        read_all(&write(dir.path(), "x.txt", &bytes), &dated(), false)?;
    }

    #[test]
    fn compressed_round_trip(texts in proptest::collection::vec("[^\u{0}]{0,40}", 1..10)) {
        let mut jsonl = String::new();
        for (i, t) in texts.iter().enumerate() {
            let line = serde_json::json!({"id": format!("r{i}"), "date": "1972-02-21", "text": t});
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [("a.jsonl.gz", gzip(jsonl.as_bytes())), ("a.jsonl.zst", zstd(jsonl.as_bytes()))] {
            let path = write(dir.path(), name, &bytes);
            let got: Vec<String> = records(&[path], &IngestOptions::default()).into_iter().map(|r| r.text).collect();
            prop_assert_eq!(&got, &texts);
        }
    }
}
