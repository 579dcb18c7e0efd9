//! Files that are not ours, too new, damaged, read-only, in use or missing: each is refused
//! (or opened read-only) with a message naming the file and what to do, and its bytes never
//! change.

use crate::store_support;

use crosscheck::model::{Edit, Project};
use crosscheck::store::{SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use store_support::*;

/// Opens `path`, expects an error, checks the message names the file and says `hint`, and
/// that the file's bytes did not change.
fn refused(path: &Path, hint: &str) -> StoreError {
    let before = fs::read(path).ok();
    let err = Store::open(path).expect_err("must be refused");
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()),
        "names the file: {msg}"
    );
    assert!(msg.contains(hint), "says {hint:?}: {msg}");
    assert_eq!(fs::read(path).ok(), before, "file bytes unchanged");
    err
}

fn project_file(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut p = Project::new(articles());
    rich_edits(&mut p);
    drop(Store::create(&path, &p).expect("create"));
    path
}

#[test]
fn a_text_file_is_not_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.crosscheck");
    fs::write(&path, "Just some notes, not a database.\n".repeat(20)).expect("write");
    let err = refused(&path, "not an SQLite database");
    assert!(matches!(err, StoreError::NotAProject { .. }));
    assert!(
        !crosscheck::store::lock_path(&path).exists(),
        "no lock file is left beside a file that is not a project"
    );
    let empty = dir.path().join("empty.crosscheck");
    fs::write(&empty, b"").expect("write");
    refused(&empty, "empty");
}

#[test]
fn another_applications_database_is_not_a_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain.sqlite");
    let conn = Connection::open(&plain).expect("create");
    conn.execute_batch("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x');")
        .expect("fill");
    drop(conn);
    let err = refused(&plain, "not one Crosscheck wrote");
    assert!(matches!(err, StoreError::NotAProject { .. }));

    let other = dir.path().join("other.db");
    let conn = Connection::open(&other).expect("create");
    conn.execute_batch("PRAGMA application_id = 1179603278; CREATE TABLE t(x);")
        .expect("fill");
    drop(conn);
    refused(&other, "another application");
}

#[test]
fn a_crosscheck_file_without_its_tables_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = project_file(dir.path(), "gutted.crosscheck");
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("DROP TABLE link_claims; DROP TABLE layout;")
        .expect("drop");
    drop(conn);
    refused(&path, "lacks the tables link_claims, layout");
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = project_file(dir.path(), "future.crosscheck");
    let conn = Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(conn);
    let err = refused(&path, "newer Crosscheck");
    match err {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(Store::open_read_only(&path).is_err(), "not even read-only");
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("damaged.crosscheck");
    let mut p = Project::new(generated_articles(60, 3000));
    for i in 0..300 {
        let c = p.make_claim(i % 60 + 1, 10, 30, Some(1)).expect("claim");
        p.apply(Edit::PutClaim(c)).expect("apply");
    }
    drop(Store::create(&path, &p).expect("create"));
    let mut data = fs::read(&path).expect("read");
    let pages = data.len() / 4096;
    assert!(pages > 20, "the fixture spans many pages ({pages})");
    // Scribble over a few pages in the middle, as a bad disk sector or a stray write would.
    for page in [pages / 3, pages / 2, pages / 2 + 1] {
        for (i, b) in data[page * 4096..(page + 1) * 4096].iter_mut().enumerate() {
            *b = (i * 7 + 13) as u8;
        }
    }
    fs::write(&path, &data).expect("corrupt");
    let err = refused(&path, "damaged");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert!(
        refused(&path, "backup")
            .to_string()
            .contains("left untouched")
    );
}

#[test]
fn a_read_only_file_opens_read_only_and_refuses_edits_suggesting_save_as() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = project_file(dir.path(), "locked-down.crosscheck");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = bytes(&path);
    let (mut store, project) = Store::open(&path).expect("opens read-only");
    assert!(store.is_read_only());
    let c = claim(&project, 1, "139", None);
    let err = store.apply(&Edit::PutClaim(c)).expect_err("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("locked-down.crosscheck") && msg.contains("Save As"),
        "{msg}"
    );
    let copy = dir.path().join("copy.crosscheck");
    let mut copy_store = store
        .save_as(&copy)
        .expect("save as works from a read-only file");
    assert!(!copy_store.is_read_only());
    copy_store
        .apply(&Edit::PutClaim(claim(&project, 1, "139", None)))
        .expect("the copy takes edits");
    drop((store, copy_store));
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_project_in_a_read_only_folder_opens_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("cdrom");
    fs::create_dir(&folder).expect("mkdir");
    let path = project_file(&folder, "archive.crosscheck");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).expect("chmod");
    let before = bytes(&path);
    let result = Store::open(&path);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).expect("chmod back");
    let (mut store, project) = result.expect("opens");
    assert!(store.is_read_only());
    assert_eq!(project.claims().len(), 5);
    let err = store.apply(&Edit::DeleteLink(1)).expect_err("refused");
    assert!(err.to_string().contains("Save As"), "{err}");
    drop(store);
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_missing_file_or_a_folder_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gone.crosscheck");
    let err = Store::open(&path).expect_err("missing");
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(err.to_string().contains("gone.crosscheck"), "{err}");
    assert!(!path.exists(), "opening never creates the file");
    let err = Store::open(dir.path()).expect_err("a folder");
    assert!(err.to_string().contains("Open Folder"), "{err}");
}

#[test]
fn create_refuses_an_existing_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("thesis.crosscheck");
    fs::write(&path, b"my thesis, not a project").expect("write");
    let err = Store::create(&path, &Project::new(articles())).expect_err("exists");
    assert!(matches!(err, StoreError::Exists { .. }));
    assert!(err.to_string().contains("thesis.crosscheck"), "{err}");
    assert_eq!(bytes(&path), b"my thesis, not a project");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
