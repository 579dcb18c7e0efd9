//! Scripts can write to a project as well as read it (GUIDE.md §1): every public table accepts
//! rows that name only its documented columns, and the app then opens the project and shows
//! those rows.

use crosscheck::model::{LinkKind, Project};
use crosscheck::store::Store;
use rusqlite::Connection;

/// The inserts a script would write, naming only the columns GUIDE.md §1 documents. Run with
/// the `sqlite3` shell's defaults (foreign keys off), as an outside tool would.
const SCRIPT: &str = r#"
INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding)
    VALUES (10, 'wire/a.txt', 'Bridge toll rises', 'Wire', '2024-03-26', 'At least 139 were killed, officials said.', NULL, 'UTF-8');
INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding)
    VALUES (11, 'daily/b.txt', 'Toll confirmed', NULL, NULL, 'Zürich — the toll was confirmed at 133.', NULL, NULL);
INSERT INTO categories(id, name, color, shortcut) VALUES (20, 'Toll', '#aa3355', '7');
INSERT INTO claims(id, article_id, start, "end", quote, category_id, verdict, note)
    VALUES (30, 10, 0, 12, 'At least 139', 20, 'Unverified', 'wire copy');
INSERT INTO claims(id, article_id, start, "end", quote, category_id, verdict, note)
    VALUES (31, 11, 35, 38, '133', 20, NULL, NULL);
INSERT INTO links(id, kind, note) VALUES (40, 'contradicts', 'Which toll?');
INSERT INTO link_claims(link_id, claim_id) VALUES (40, 31);
INSERT INTO link_claims(link_id, claim_id) VALUES (40, 30);
INSERT INTO links(id, kind) VALUES (41, 'same_claim');
INSERT INTO categories(id, name, color, uid) VALUES (21, 'Rumour', '#777777', 'newsroom-rumour');
UPDATE claims SET author = 'Ana Lima' WHERE id = 30;
UPDATE links SET author = 'Ben Okafor', edited_by = 'Ana Lima' WHERE id = 40;
INSERT INTO link_claims(link_id, claim_id) VALUES (41, 30), (41, 31);
"#;

#[test]
fn rows_written_with_only_the_documented_columns_open_in_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scripted.crosscheck");
    drop(Store::create(&path, &Project::new(Vec::new())).expect("create"));

    let conn = Connection::open(&path).expect("open as a script would");
    conn.execute_batch(SCRIPT)
        .expect("every public table takes its documented columns");
    drop(conn);

    let (store, project) = Store::open(&path).expect("the app opens the scripted project");
    store.check_integrity().expect("sound");
    let titles: Vec<&str> = project
        .articles()
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["Bridge toll rises", "Toll confirmed"]);
    let toll = project
        .categories()
        .iter()
        .find(|c| c.id == 20)
        .expect("the scripted category");
    assert_eq!(
        (toll.name.as_str(), toll.shortcut.as_deref()),
        ("Toll", Some("7"))
    );
    // A category inserted without an identity gets the one derived from its id and name; a
    // script may give its own.
    assert_eq!(
        toll.uid,
        crosscheck::model::Category::derived_uid(20, "Toll")
    );
    assert_eq!(
        project
            .categories()
            .iter()
            .find(|c| c.id == 21)
            .map(|c| c.uid.as_str()),
        Some("newsroom-rumour")
    );
    assert_eq!(
        project.claim(30).and_then(|c| c.author.as_deref()),
        Some("Ana Lima")
    );
    assert_eq!(project.claim(31).and_then(|c| c.author.as_deref()), None);
    let l = project.link(40).expect("link 40");
    assert_eq!(
        (l.author.as_deref(), l.edited_by.as_deref()),
        (Some("Ben Okafor"), Some("Ana Lima"))
    );
    let c = project.claim(31).expect("claim 31");
    assert_eq!(
        (c.article_id, c.start, c.end, c.quote.as_str()),
        (11, 35, 38, "133")
    );
    assert_eq!(project.claim(30).expect("claim 30").note, "wire copy");
    let link = project.link(40).expect("link 40");
    assert_eq!(link.kind, LinkKind::Contradicts);
    assert_eq!(link.note, "Which toll?");
    assert_eq!(
        link.members,
        [31, 30],
        "members keep the order they were inserted in"
    );
    assert_eq!(project.link(41).expect("link 41").members, [30, 31]);
    drop(store);

    // The app's own writes after a script's still work: re-saving a link rewrites positions.
    let (mut store, mut project) = Store::open(&path).expect("reopen");
    let mut link = project.link(40).expect("link").clone();
    link.members.reverse();
    let edit = crosscheck::model::Edit::PutLink(link);
    project.apply(edit.clone()).expect("model");
    store.apply(&edit).expect("store");
    drop(store);
    let (_s, reopened) = Store::open(&path).expect("reopen again");
    assert_eq!(reopened.link(40).expect("link").members, [30, 31]);
}

/// `docs/schema.md` names the schema version a new file gets, so a reader of the docs is not
/// told an older one.
#[test]
fn the_schema_document_names_the_current_version() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema.md"))
        .expect("docs/schema.md");
    let want = format!("(currently **{}**)", crosscheck::store::SCHEMA_VERSION);
    assert!(doc.contains(&want), "docs/schema.md should say {want}");
}
