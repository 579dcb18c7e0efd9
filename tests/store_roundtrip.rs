//! Everything a project holds comes back from the file unchanged: after create, after edits,
//! after undoing them, and through Save As.

use crate::store_support;

use crosscheck::model::{Edit, Project};
use crosscheck::store::{APPLICATION_ID, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;
use store_support::*;

#[test]
fn a_project_built_by_edits_reopens_equal_to_the_model() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("flood.crosscheck");
    let base = Project::new(articles());
    let mut model = base.clone();
    let edits = rich_edits(&mut model);
    model.layout = layout();

    let mut store = Store::create(&path, &base).expect("create");
    for e in &edits {
        store.apply(e).expect("store accepts edit");
    }
    store.save_layout(&model.layout).expect("layout");
    drop(store);

    let (store, loaded) = Store::open(&path).expect("reopen");
    assert!(!store.is_read_only());
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    assert_same(&loaded, &model);
    store.check_integrity().expect("sound file");
}

#[test]
fn a_project_created_whole_reopens_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("whole.crosscheck");
    let mut model = Project::new(articles());
    rich_edits(&mut model);
    model.layout = layout();
    drop(Store::create(&path, &model).expect("create"));
    let (_store, loaded) = Store::open(&path).expect("reopen");
    assert_same(&loaded, &model);
}

#[test]
fn edits_then_their_inverses_leave_file_and_model_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("undo.crosscheck");
    let base = Project::new(articles());
    let edits = rich_edits(&mut base.clone());

    let mut model = base.clone();
    let mut store = Store::create(&path, &base).expect("create");
    let mut inverses = Vec::new();
    for e in &edits {
        store.apply(e).expect("store");
        inverses.push(model.apply(e.clone()).expect("model"));
    }
    // Undo half, reopen mid-way: file and model agree.
    for _ in 0..inverses.len() / 2 {
        let inv = inverses.pop().expect("inverse");
        store.apply(&inv).expect("store undo");
        model.apply(inv).expect("model undo");
    }
    drop(store);
    let (mut store, loaded) = Store::open(&path).expect("reopen mid-way");
    assert_same(&loaded, &model);
    // Undo the rest: no claims, links or dismissals are left.
    while let Some(inv) = inverses.pop() {
        store.apply(&inv).expect("store undo");
        model.apply(inv).expect("model undo");
    }
    drop(store);
    let (mut store, loaded) = Store::open(&path).expect("reopen undone");
    assert_same(&loaded, &model);
    assert_eq!(loaded.claims().len(), 0);
    assert_eq!(loaded.links().len(), 0);
    assert_eq!(loaded.verdicts(), base.verdicts());
    assert!(loaded.dismissed().is_empty());
    assert!(loaded.story_overrides().is_empty());
    // Redo everything as one batch (one transaction).
    let batch = Edit::Batch(edits);
    store.apply(&batch).expect("batch in one transaction");
    model.apply(batch).expect("model batch");
    drop(store);
    let (_s, loaded) = Store::open(&path).expect("reopen after batch");
    assert_same(&loaded, &model);
    assert_ne!(loaded.claims().len(), 0);
}

#[test]
fn a_failing_batch_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("batch.crosscheck");
    let base = Project::new(articles());
    let mut store = Store::create(&path, &base).expect("create");
    let good = claim(&base, 1, "139", None);
    let mut bad = claim(&base, 2, "133", None);
    bad.id = 2;
    bad.article_id = 99; // no such article: the foreign key refuses it
    let err = store
        .apply(&Edit::Batch(vec![
            Edit::PutClaim(good),
            Edit::PutClaim(bad),
        ]))
        .expect_err("refused");
    assert!(err.to_string().contains("batch.crosscheck"), "{err}");
    drop(store);
    let (_s, loaded) = Store::open(&path).expect("reopen");
    assert_eq!(
        loaded.claims().len(),
        0,
        "the first half of the batch was rolled back"
    );
}

#[test]
fn other_tools_see_character_offsets_and_public_pragmas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sql.crosscheck");
    let mut model = Project::new(articles());
    rich_edits(&mut model);
    drop(Store::create(&path, &model).expect("create"));

    let conn = Connection::open(&path).expect("plain sqlite");
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("app id");
    assert_eq!(app, APPLICATION_ID);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "delete");

    let rows: Vec<(String, String, i64, i64)> = conn
        .prepare(
            r#"SELECT a.title, c.quote, c.start, c."end" FROM claims c
               JOIN articles a ON a.id = c.article_id
               WHERE substr(a.text, c.start + 1, c."end" - c.start) = c.quote ORDER BY c.id"#,
        )
        .expect("query")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("collect");
    assert_eq!(
        rows.len(),
        model.claims().len(),
        "every quote matches its offsets"
    );
    assert_eq!(rows[0].1, "Über 139 Menschen");
    assert_eq!(
        (rows[0].2, rows[0].3),
        (9, 26),
        "offsets count characters, not bytes"
    );
    assert!(rows.iter().any(|r| r.1 == "😟 Residents"));

    let members: Vec<i64> = conn
        .prepare("SELECT claim_id FROM link_claims WHERE link_id = 1 ORDER BY position")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("collect");
    assert_eq!(members, [3, 1, 2]);
    let names: Vec<String> = dir
        .path()
        .read_dir()
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(
        names,
        ["sql.crosscheck"],
        "one self-contained file, no -wal or -journal"
    );
}

#[test]
fn save_as_writes_a_complete_copy_and_moves_the_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.crosscheck");
    let copy = dir.path().join("b.crosscheck");
    let mut model = Project::new(articles());
    let edits = rich_edits(&mut model);
    let mut store = Store::create(&path, &Project::new(articles())).expect("create");
    for e in &edits {
        store.apply(e).expect("apply");
    }
    std::fs::write(&copy, b"an old file the user chose to replace").expect("old");
    let mut new_store = store.save_as(&copy).expect("save as");
    assert_eq!(new_store.path(), copy);
    assert!(matches!(Store::open(&copy), Err(StoreError::Locked { .. })));
    assert!(matches!(
        store.save_as(&path),
        Err(StoreError::SameFile { .. })
    ));
    drop(store);
    let extra = claim(&model, 3, "The figure 140", None);
    new_store
        .apply(&Edit::PutClaim(extra.clone()))
        .expect("edit the copy");
    model.apply(Edit::PutClaim(extra)).expect("model");
    drop(new_store);
    let (copy_store, loaded) = Store::open(&copy).expect("open copy");
    assert_same(&loaded, &model);
    copy_store.check_integrity().expect("copy is sound");
    let (_s, original) = Store::open(&path).expect("original still opens");
    assert_eq!(original.claims().len(), model.claims().len() - 1);
}

#[test]
fn a_second_open_of_the_same_file_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lock.crosscheck");
    let first = Store::create(&path, &Project::new(articles())).expect("create");
    let before = bytes(&path);
    let err = Store::open(&path).expect_err("locked");
    assert!(matches!(err, StoreError::Locked { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("lock.crosscheck") && msg.contains("another Crosscheck window"),
        "{msg}"
    );
    assert_eq!(bytes(&path), before);
    // Reading without the lock works while the window has it (crosscheck info, reports).
    let (ro, loaded) = Store::open_read_only(&path).expect("read-only open");
    assert!(ro.is_read_only());
    assert_eq!(loaded.articles().len(), 3);
    drop(first);
    Store::open(&path).expect("free after the first store is dropped");
}

#[test]
fn meta_records_creation_and_what_the_caller_sets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("meta.crosscheck");
    let mut store = Store::create(&path, &Project::new(articles())).expect("create");
    store
        .set_meta(crosscheck::store::META_SOURCE_FOLDER, "/news/flood")
        .expect("meta");
    drop(store);
    let (store, _) = Store::open(&path).expect("open");
    let created = store
        .meta(crosscheck::store::META_CREATED_AT)
        .expect("read")
        .expect("created_at set");
    assert!(created.len() == 20 && created.ends_with('Z'), "{created}");
    assert_eq!(
        store
            .meta(crosscheck::store::META_SOURCE_FOLDER)
            .expect("read")
            .as_deref(),
        Some("/news/flood")
    );
}

#[test]
fn other_tools_read_committed_edits_while_the_project_is_open_and_no_log_stays_after() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("live.crosscheck");
    let base = Project::new(articles());
    let mut store = Store::create(&path, &base).expect("create");
    let c = claim(&base, 2, "133", None);
    store.apply(&Edit::PutClaim(c)).expect("commit");
    let reader = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("reader");
    let quote: String = reader
        .query_row("SELECT quote FROM claims", [], |r| r.get(0))
        .expect("the committed claim is visible to another reader");
    assert_eq!(quote, "133");
    drop(reader);
    drop(store);
    let names: Vec<String> = dir
        .path()
        .read_dir()
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(
        names,
        ["live.crosscheck"],
        "the write-ahead log is folded back on close"
    );
    let conn = Connection::open(&path).expect("plain");
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(
        mode, "delete",
        "a closed project is a plain rollback-journal file"
    );
}
