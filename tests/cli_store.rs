//! `crosscheck new` and `crosscheck info`, run as the real binary on temporary folders.

use crosscheck::store::Store;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::process_support;
use process_support::one_at_a_time;

fn crosscheck(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env(
            "CROSSCHECK_DATA_DIR",
            std::env::temp_dir().join("crosscheck-cli-tests"),
        )
        .output()
        .expect("run crosscheck")
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    crosscheck(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder in the style of the seed articles: dateline, headline, body; one Latin-1 file
/// (repaired on import) and one binary file (skipped).
fn news_folder(root: &Path) -> std::path::PathBuf {
    let folder = root.join("flood news");
    fs::create_dir(&folder).expect("mkdir");
    fs::write(
        folder.join("01-zurich.txt"),
        "Monday 6 May 2024 - 08:30\n\nÜber 139 Menschen starben in Zürich\n\n\
         Die Polizei meldete am Montag über 139 Tote. «Wir zählen noch», sagte ein Sprecher.\n",
    )
    .expect("write");
    fs::write(
        folder.join("02-geneva.txt"),
        "Tuesday 7 May 2024 - 10:00\n\nGeneva toll rises to 133\n\n\
         GENEVA (Reuters) - The death toll rose to 133 on Tuesday, officials said.\n",
    )
    .expect("write");
    // "Café owners in Genève count 140" in windows-1252.
    let mut latin1 = b"Wednesday 8 May 2024 - 09:15\n\nCaf".to_vec();
    latin1.push(0xE9);
    latin1.extend_from_slice(b" owners in Gen");
    latin1.push(0xE8);
    latin1.extend_from_slice(b"ve count 140\n\nThe owners of the caf");
    latin1.push(0xE9);
    latin1.extend_from_slice(b" said 140 people were missing.\n");
    fs::write(folder.join("03-cafe.txt"), latin1).expect("write");
    fs::write(
        folder.join("04-scan.txt"),
        b"PK\x03\x04\x00\x00binary\x00junk",
    )
    .expect("write");
    folder
}

#[test]
fn new_imports_a_folder_and_warns_once_per_skipped_or_repaired_file() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = news_folder(tmp.path());
    let project = tmp.path().join("flood.crosscheck");
    let out = run(&[
        "new",
        folder.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let summary = stdout(&out);
    assert!(summary.contains("flood.crosscheck"), "{summary}");
    assert!(summary.contains("3 of 4 articles imported"), "{summary}");
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("skipped") && w.contains("04-scan.txt")),
        "{err}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("repaired") && w.contains("03-cafe.txt")),
        "{err}"
    );

    let (store, p) = Store::open(&project).expect("a valid project");
    assert_eq!(p.articles().len(), 3);
    assert!(p.articles().iter().any(|a| a.text.contains("Genève")));
    let source = store
        .meta(crosscheck::store::META_SOURCE_FOLDER)
        .expect("meta")
        .expect("source folder recorded");
    assert!(source.ends_with("flood news"), "{source}");
}

#[test]
fn new_refuses_to_overwrite_unless_forced() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = news_folder(tmp.path());
    let project = tmp.path().join("thesis.crosscheck");
    fs::write(&project, b"not mine to overwrite").expect("write");
    let args = [
        "new",
        folder.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
    ];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("thesis.crosscheck")
            && err.contains("already exists")
            && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read(&project).expect("read"), b"not mine to overwrite");
    assert!(stdout(&out).is_empty());

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = run(&forced);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_s, p) = Store::open(&project).expect("replaced by a project");
    assert_eq!(p.articles().len(), 3);
}

#[test]
fn new_reports_a_missing_folder_and_writes_nothing() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let project = tmp.path().join("p.crosscheck");
    let missing = tmp.path().join("no such folder");
    let out = run(&[
        "new",
        missing.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such folder"), "{}", stderr(&out));
    assert!(!project.exists());
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    let out = run(&[
        "new",
        empty.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no articles found"),
        "{}",
        stderr(&out)
    );
    assert!(!project.exists(), "no empty project is written");
    let out = run(&["new", empty.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "missing -o is bad usage");
}

#[test]
fn info_lists_counts_and_articles_in_text_and_json() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = news_folder(tmp.path());
    let project = tmp.path().join("flood.crosscheck");
    let p = project.to_str().expect("utf-8");
    assert!(
        run(&["new", folder.to_str().expect("utf-8"), "-o", p])
            .status
            .success()
    );
    // Tag a claim, and keep the project open as a window would: info still reads it.
    let (mut store, model) = Store::open(&project).expect("open");
    let zurich = model
        .articles()
        .iter()
        .find(|a| a.path == "01-zurich.txt")
        .expect("article");
    let text = &zurich.text;
    let start = text[..text.find("139 Tote").expect("figure")]
        .chars()
        .count();
    let claim = model
        .make_claim(zurich.id, start, start + 3, Some(2))
        .expect("claim");
    store
        .apply(&crosscheck::model::Edit::PutClaim(claim))
        .expect("tag");

    let out = run(&["info", p]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text_out = stdout(&out);
    let version = format!("schema version  {}", crosscheck::store::SCHEMA_VERSION);
    for expected in [
        version.as_str(),
        "articles        3",
        "claims          1",
        "links           0",
        "categories      5",
    ] {
        assert!(text_out.contains(expected), "{expected:?} in:\n{text_out}");
    }
    let zurich_line = text_out
        .lines()
        .find(|l| l.contains("Zürich"))
        .expect("a line for the Zürich article");
    assert!(
        zurich_line.contains(&zurich.char_len().to_string()),
        "length in characters: {zurich_line}"
    );
    assert!(zurich_line.contains("2024-05-06"), "date: {zurich_line}");

    let out = run(&["info", p, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["schema_version"], crosscheck::store::SCHEMA_VERSION);
    assert_eq!(v["articles"], 3);
    assert_eq!(v["claims"], 1);
    let list = v["article_list"].as_array().expect("articles");
    assert_eq!(list.len(), 3);
    let z = list
        .iter()
        .find(|a| a["path"] == "01-zurich.txt")
        .expect("zurich");
    assert_eq!(z["chars"], zurich.char_len());
    assert_ne!(
        zurich.char_len(),
        zurich.text.len(),
        "the fixture has multi-byte characters"
    );
    assert_eq!(z["claims"], 1);
    drop(store);
}

#[test]
fn info_on_a_file_that_is_not_a_project_fails_naming_it() {
    let _one = one_at_a_time();
    let tmp = tempfile::tempdir().expect("tempdir");
    let notes = tmp.path().join("notes.txt");
    fs::write(&notes, "shopping list\n".repeat(20)).expect("write");
    let out = run(&["info", notes.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("notes.txt") && err.contains("not a Crosscheck project"),
        "{err}"
    );
    assert_eq!(
        fs::read(&notes).expect("read"),
        "shopping list\n".repeat(20).as_bytes()
    );
    let out = run(&[
        "info",
        tmp.path().join("gone.crosscheck").to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("gone.crosscheck"));
}
