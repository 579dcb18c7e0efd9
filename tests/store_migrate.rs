//! Files written by older schema versions open in this one with their data intact.
//!
//! The fixture is built with raw SQL exactly as schema version 1 laid it out, so this test
//! keeps working after the migrations move on (never regenerate it from current code).

use crosscheck::model::{Edit, LinkKind, Resolution};
use crosscheck::store::{SCHEMA_VERSION, Store};
use rusqlite::Connection;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const V1_SCHEMA: &str = r#"
PRAGMA application_id = 1480812651;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(id INTEGER PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, published TEXT,
    text TEXT NOT NULL, sha256 TEXT, encoding TEXT);
CREATE TABLE categories(id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT, shortcut TEXT,
    position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE verdicts(position INTEGER PRIMARY KEY, name TEXT NOT NULL, rating INTEGER);
CREATE TABLE claims(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    category_id INTEGER REFERENCES categories(id), verdict TEXT, note TEXT, attribution TEXT,
    CHECK (0 <= start AND start < "end"));
CREATE TABLE links(id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contradicts', 'supports', 'same_claim', 'updates')),
    note TEXT, resolution TEXT NOT NULL DEFAULT 'open'
    CHECK (resolution IN ('open', 'resolved', 'unresolvable')), standing_claim_id INTEGER);
CREATE TABLE link_claims(link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims(id), position INTEGER NOT NULL,
    PRIMARY KEY (link_id, position), UNIQUE (link_id, claim_id));
CREATE TABLE dismissed(key TEXT PRIMARY KEY);
CREATE TABLE layout(position INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id));
CREATE TRIGGER claims_quote_insert BEFORE INSERT ON claims
WHEN NEW.quote IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                       FROM articles WHERE id = NEW.article_id)
BEGIN SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end'); END;
CREATE TRIGGER claims_quote_update BEFORE UPDATE ON claims
WHEN NEW.quote IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                       FROM articles WHERE id = NEW.article_id)
BEGIN SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end'); END;

INSERT INTO meta VALUES ('created_at', '2024-05-01T10:00:00Z'), ('app_version', 'crosscheck 0.1.0');
INSERT INTO articles VALUES
  (1, 'a.txt', 'Zürich flood', 'Tages-Blatt', '2024-05-01',
   'Zürich — Über 139 Menschen kamen ums Leben.', 'ab12', 'UTF-8'),
  (2, 'b.txt', 'Geneva toll', NULL, NULL, 'The death toll rose to 133 😟 on Monday.', 'cd34',
   'windows-1252');
INSERT INTO categories VALUES (1, 'Claim', '#f2c14e', '1', 1), (2, 'Figure', '#5da9e9', '2', 2);
INSERT INTO verdicts VALUES (0, 'Unverified', NULL), (1, 'True', 2), (2, 'False', 1);
INSERT INTO claims VALUES
  (1, 1, 14, 17, '139', 2, 'False', 'police figure', 'die Polizei'),
  (2, 2, 23, 26, '133', 2, NULL, NULL, NULL);
INSERT INTO links VALUES (1, 'contradicts', 'Which one?', 'resolved', 2);
INSERT INTO link_claims VALUES (1, 2, 0), (1, 1, 1);
INSERT INTO dismissed VALUES ('conflict:1:2');
INSERT INTO layout VALUES (0, 2), (1, 1);
PRAGMA user_version = 1;
"#;

fn v1_fixture(path: &Path) {
    let conn = Connection::open(path).expect("create fixture");
    conn.execute_batch(V1_SCHEMA).expect("v1 schema and data");
}

fn index_names(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).expect("open");
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("collect")
}

fn check_fixture_data(project: &crosscheck::model::Project) {
    assert_eq!(project.articles().len(), 2);
    let a = &project.articles()[0];
    assert_eq!(
        (
            a.title.as_str(),
            a.outlet.as_deref(),
            a.published.as_deref()
        ),
        ("Zürich flood", Some("Tages-Blatt"), Some("2024-05-01"))
    );
    assert_eq!(project.articles()[1].encoding, "windows-1252");
    let c = project.claim(1).expect("claim 1");
    assert_eq!((c.start, c.end, c.quote.as_str()), (14, 17, "139"));
    assert_eq!(c.attribution.as_deref(), Some("die Polizei"));
    assert_eq!(c.note, "police figure");
    assert_eq!(project.claim(2).expect("claim 2").note, "");
    let l = project.link(1).expect("link");
    assert_eq!(l.kind, LinkKind::Contradicts);
    assert_eq!(l.members, [2, 1]);
    assert_eq!(l.resolution, Resolution::Resolved { standing: Some(2) });
    assert_eq!(project.verdicts().len(), 3);
    assert!(project.dismissed().contains("conflict:1:2"));
    assert_eq!(project.layout.columns, [2, 1]);
}

#[test]
fn a_version_1_file_is_upgraded_in_place_with_its_data_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.crosscheck");
    v1_fixture(&path);
    assert!(index_names(&path).is_empty());

    let (mut store, project) = Store::open(&path).expect("opens");
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    check_fixture_data(&project);
    // The upgraded file takes edits.
    let extra = project.make_claim(2, 4, 9, Some(1)).expect("claim");
    store
        .apply(&Edit::PutClaim(extra))
        .expect("edit after upgrade");
    store.check_integrity().expect("sound");
    drop(store);

    let conn = Connection::open(&path).expect("plain");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    drop(conn);
    assert_eq!(
        index_names(&path),
        ["claims_by_article", "link_claims_by_claim"]
    );
    let (_s, reopened) = Store::open(&path).expect("reopens");
    assert_eq!(reopened.claims().len(), 3);
}

#[test]
fn a_read_only_version_1_file_opens_upgraded_in_memory_and_stays_version_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old-ro.crosscheck");
    v1_fixture(&path);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&path).expect("bytes");
    let (store, project) = Store::open(&path).expect("opens");
    assert!(store.is_read_only());
    assert_eq!(store.schema_version(), 1, "reports the version on disk");
    check_fixture_data(&project);
    // Save As writes the upgraded schema.
    let copy = dir.path().join("upgraded.crosscheck");
    let copy_store = store.save_as(&copy).expect("save as");
    assert_eq!(copy_store.schema_version(), SCHEMA_VERSION);
    drop((store, copy_store));
    assert_eq!(fs::read(&path).expect("bytes"), before);
    assert_eq!(index_names(&copy).len(), 2);
}

#[test]
fn an_old_file_upgraded_to_version_6_refreshes_and_orphans_keep_their_version_text() {
    use crosscheck::analysis::versions::refresh;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.crosscheck");
    v1_fixture(&path);
    let (mut store, mut project) = Store::open(&path).expect("opens");
    // Every old claim lies on the current text, which is version 1.
    assert!(project.claims().all(|c| c.version.is_none()));
    assert_eq!(project.current_version(1), 1);
    let old_text = project.article(1).expect("a").text.clone();
    let mut fresh = project.article(1).expect("a").clone();
    fresh.text = "Zürich — Über 143 Menschen kamen ums Leben.".into();
    fresh.sha256 = "ef56".into();
    let keep = project.article(2).expect("b").clone();
    let plan = refresh::plan(&project, &[fresh, keep], "2026-01-01T00:00:00Z");
    let undo = project.apply(plan.edit.clone()).expect("model");
    store.apply(&plan.edit).expect("one transaction");
    drop(store);

    let conn = Connection::open(&path).expect("plain");
    let row: (i64, Option<String>, i64) = conn
        .query_row(
            "SELECT a.version, a.read_at, c.version FROM articles a JOIN claims c
             ON c.article_id = a.id WHERE a.id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert_eq!(row, (2, Some("2026-01-01T00:00:00Z".into()), 1));
    let (text, sha): (String, String) = conn
        .query_row(
            "SELECT text, sha256 FROM article_versions WHERE article_id = 1 AND version = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("version 1");
    assert_eq!((text.as_str(), sha.as_str()), (old_text.as_str(), "ab12"));
    // The triggers check an orphan against its version: the quote of version 1 is accepted,
    // a quote that is only true of the current text is refused.
    conn.execute(
        r#"INSERT INTO claims(article_id, start, "end", quote, version) VALUES (1, 14, 17, '139', 1)"#,
        [],
    )
    .expect("quote of version 1");
    let wrong = conn.execute(
        r#"INSERT INTO claims(article_id, start, "end", quote, version) VALUES (1, 14, 17, '143', 1)"#,
        [],
    );
    assert!(wrong.is_err());
    conn.execute("DELETE FROM claims WHERE id > 2", [])
        .expect("clean");
    drop(conn);

    let (mut store, reopened) = Store::open(&path).expect("reopens");
    assert_eq!(reopened, project);
    assert_eq!(reopened.orphans().count(), 1);
    // Undo is one step and gives back the file as it was.
    store.apply(&undo).expect("undo");
    project.apply(undo).expect("undo model");
    drop(store);
    let (_s, back) = Store::open(&path).expect("reopens");
    assert_eq!(back, project);
    assert_eq!(
        back.article(1).map(|a| a.text.as_str()),
        Some(old_text.as_str())
    );
    check_fixture_data(&back);
}

#[test]
fn an_old_file_gains_category_identities_that_match_a_new_projects_defaults() {
    // Two researchers: one kept a file from before version 7, the other imported the same
    // folder today. Their "Claim" and "Figure" must be the same categories to a merge.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.crosscheck");
    v1_fixture(&path);
    let (mut store, project) = Store::open(&path).expect("opens");
    let fresh = crosscheck::model::default_categories();
    for (old, new) in project.categories().iter().zip(&fresh) {
        assert_eq!((old.id, &old.name), (new.id, &new.name));
        assert_eq!(old.uid, new.uid, "{} keeps the default identity", old.name);
    }
    // Nobody is named as the author of work done before authors were recorded.
    assert!(
        project
            .claims()
            .all(|c| c.author.is_none() && c.edited_by.is_none())
    );
    assert!(project.links().all(|l| l.author.is_none()));
    // An author written now survives a reopen.
    let mut c = project.claim(2).expect("claim 2").clone();
    c.author = Some("Zoë".into());
    store.apply(&Edit::PutClaim(c)).expect("edit");
    drop(store);
    let (_s, back) = Store::open(&path).expect("reopens");
    assert_eq!(back.claim(2).and_then(|c| c.author.as_deref()), Some("Zoë"));
    assert_eq!(back.categories()[1].uid, fresh[1].uid);
}
