//! The schema of a project file and its migrations.
//!
//! `PRAGMA user_version` is the schema version. [`MIGRATIONS`] is append-only: entry `i`
//! raises a file from version `i` to `i + 1`, each in its own transaction, so a file is
//! always at some complete version. Never edit a migration that has shipped; add one.
//! The public names (GUIDE.md §1 and docs/schema.md) must stay readable by other tools.

use rusqlite::{Connection, Transaction};

/// `PRAGMA application_id` of every Crosscheck project: the ASCII bytes "XChk".
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"XChk");

/// The schema version this build writes, and the newest it can open.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Tables a file must hold (at any version) to count as a Crosscheck project.
pub const REQUIRED_TABLES: [&str; 9] = [
    "meta",
    "articles",
    "categories",
    "verdicts",
    "claims",
    "links",
    "link_claims",
    "dismissed",
    "layout",
];

/// Version 1: the first schema.
const V1: &str = r#"
CREATE TABLE meta(
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    path TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text TEXT NOT NULL,
    sha256 TEXT,
    encoding TEXT
);
CREATE TABLE categories(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT,
    shortcut TEXT,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE verdicts(
    position INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    rating INTEGER
);
CREATE TABLE claims(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    category_id INTEGER REFERENCES categories(id),
    verdict TEXT,
    note TEXT,
    attribution TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE TABLE links(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contradicts', 'supports', 'same_claim', 'updates')),
    note TEXT,
    resolution TEXT NOT NULL DEFAULT 'open'
        CHECK (resolution IN ('open', 'resolved', 'unresolvable')),
    standing_claim_id INTEGER
);
CREATE TABLE link_claims(
    link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (link_id, position),
    UNIQUE (link_id, claim_id)
);
CREATE TABLE dismissed(
    key TEXT PRIMARY KEY
);
CREATE TABLE layout(
    position INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id)
);
-- The quote is always the article text between the offsets, whoever writes the file.
CREATE TRIGGER claims_quote_insert BEFORE INSERT ON claims
WHEN NEW.quote IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                       FROM articles WHERE id = NEW.article_id)
BEGIN
    SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end');
END;
CREATE TRIGGER claims_quote_update BEFORE UPDATE ON claims
WHEN NEW.quote IS NOT (SELECT substr(text, NEW.start + 1, NEW."end" - NEW.start)
                       FROM articles WHERE id = NEW.article_id)
BEGIN
    SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end');
END;
"#;

/// Version 2: indexes for the lookups the app makes on large projects (an article's claims,
/// a claim's links).
const V2: &str = "
CREATE INDEX claims_by_article ON claims(article_id);
CREATE INDEX link_claims_by_claim ON link_claims(claim_id);
";

/// Version 3: `link_claims.position` gets a default, so a script that inserts only the
/// documented columns (`link_id`, `claim_id`) appends the claim to its link. SQLite cannot
/// change a column's default in place, so the table is rebuilt. A default cannot read other
/// rows, so the column defaults to -1 ("append") and a trigger replaces that with the next
/// free position of the link. Foreign keys stay on: the old table's rows are copied before it
/// is dropped, and no table references `link_claims`.
const V3: &str = "
CREATE TABLE link_claims_v3(
    link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    position INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (link_id, position),
    UNIQUE (link_id, claim_id)
);
INSERT INTO link_claims_v3(link_id, claim_id, position)
    SELECT link_id, claim_id, position FROM link_claims;
DROP TABLE link_claims;
ALTER TABLE link_claims_v3 RENAME TO link_claims;
CREATE INDEX link_claims_by_claim ON link_claims(claim_id);
CREATE TRIGGER link_claims_append AFTER INSERT ON link_claims
WHEN NEW.position < 0
BEGIN
    UPDATE link_claims
    SET position = (SELECT coalesce(max(position), -1) + 1 FROM link_claims
                    WHERE link_id = NEW.link_id AND position >= 0)
    WHERE rowid = NEW.rowid;
END;
";

/// Version 4: who wrote an article and where it was published on the web, read from saved
/// pages and documents (NULL where unknown, and for every article imported before).
const V4: &str = "
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
";

/// Append-only list of migrations; entry `i` takes a file from version `i` to `i + 1`.
/// Version 5: the researcher's stories. An article with a row here belongs to the story named
/// `story` (articles sharing a name form one story); articles without a row are grouped into
/// stories automatically. Deleting an article deletes its row.
const V5: &str = "
CREATE TABLE story_overrides(
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story TEXT NOT NULL
);
";

/// Version 6: versions of an article's text (issue 14, refresh from sources). The current
/// text stays in `articles.text`, now numbered by `articles.version` (1 as imported) and
/// dated by `articles.read_at` (NULL for the first import); each earlier text, with its
/// sha256 and read time, is a row of `article_versions`. A claim with `claims.version` NULL
/// lies on the current text; one pinned to an earlier version (an orphan, whose words the
/// refresh changed) has its quote in that version's text, which the triggers now check.
const V6: &str = r#"
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN read_at TEXT;
ALTER TABLE claims ADD COLUMN version INTEGER;
CREATE TABLE article_versions(
    article_id INTEGER NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT,
    read_at TEXT,
    PRIMARY KEY (article_id, version)
);
DROP TRIGGER claims_quote_insert;
DROP TRIGGER claims_quote_update;
CREATE TRIGGER claims_quote_insert BEFORE INSERT ON claims
WHEN NEW.quote IS NOT (
    SELECT substr(coalesce((SELECT v.text FROM article_versions v
                            WHERE v.article_id = NEW.article_id AND v.version = NEW.version),
                           a.text),
                  NEW.start + 1, NEW."end" - NEW.start)
    FROM articles a WHERE a.id = NEW.article_id)
BEGIN
    SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end');
END;
CREATE TRIGGER claims_quote_update BEFORE UPDATE ON claims
WHEN NEW.quote IS NOT (
    SELECT substr(coalesce((SELECT v.text FROM article_versions v
                            WHERE v.article_id = NEW.article_id AND v.version = NEW.version),
                           a.text),
                  NEW.start + 1, NEW."end" - NEW.start)
    FROM articles a WHERE a.id = NEW.article_id)
BEGIN
    SELECT RAISE(ABORT, 'claims.quote must equal the article text between start and end');
END;
"#;

/// Version 7: who made what, and categories' identity (issue 26, team projects).
/// `claims.author` and `links.author` name who made the row, `edited_by` who last changed its
/// content (NULL where unknown, and for every row written before). `categories.uid` is the
/// category's identity across copies of a project, which merging matches by before names;
/// existing categories, and categories a script inserts without one, get `id-hex(name)`
/// (the same identity the default codebook has), so copies of one file agree on it.
const V7: &str = "
ALTER TABLE claims ADD COLUMN author TEXT;
ALTER TABLE claims ADD COLUMN edited_by TEXT;
ALTER TABLE links ADD COLUMN author TEXT;
ALTER TABLE links ADD COLUMN edited_by TEXT;
ALTER TABLE categories ADD COLUMN uid TEXT;
UPDATE categories SET uid = id || '-' || lower(hex(name));
CREATE TRIGGER categories_uid AFTER INSERT ON categories
WHEN NEW.uid IS NULL
BEGIN
    UPDATE categories SET uid = NEW.id || '-' || lower(hex(NEW.name)) WHERE rowid = NEW.rowid;
END;
";

pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7];

/// Brings a file from its `user_version` up to [`SCHEMA_VERSION`], one transaction per step.
/// The caller has already refused files newer than this build.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let mut version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    while let Some(step) = usize::try_from(version)
        .ok()
        .and_then(|v| MIGRATIONS.get(v))
    {
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        version += 1;
        set_version(&tx, version)?;
        tx.commit()?;
    }
    Ok(())
}

fn set_version(tx: &Transaction<'_>, version: i64) -> rusqlite::Result<()> {
    tx.pragma_update(None, "user_version", version)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
}

/// The required tables the file lacks.
pub fn missing_tables(conn: &Connection) -> rusqlite::Result<Vec<&'static str>> {
    let mut stmt =
        conn.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1")?;
    let mut missing = Vec::new();
    for name in REQUIRED_TABLES {
        if !stmt.exists([name])? {
            missing.push(name);
        }
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_spells_xchk() {
        assert_eq!(APPLICATION_ID.to_be_bytes(), *b"XChk");
    }

    #[test]
    fn migrating_an_empty_database_builds_every_table_and_sets_the_version() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn).expect("migrates");
        assert!(missing_tables(&conn).expect("query").is_empty());
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(v, SCHEMA_VERSION);
        migrate(&mut conn).expect("a second run is a no-op");
    }

    #[test]
    fn the_file_refuses_a_quote_that_is_not_the_text_between_the_offsets() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn).expect("migrates");
        conn.execute(
            "INSERT INTO articles(id, text) VALUES (1, 'Zürich — 139 killed')",
            [],
        )
        .expect("article");
        let insert =
            r#"INSERT INTO claims(article_id, start, "end", quote) VALUES (1, ?1, ?2, ?3)"#;
        conn.execute(insert, rusqlite::params![9, 12, "139"])
            .expect("character offsets accepted");
        let wrong = conn.execute(insert, rusqlite::params![11, 14, "139"]);
        assert!(wrong.is_err(), "byte offsets must be refused");
        let bad_kind = conn.execute("INSERT INTO links(kind) VALUES ('refutes')", []);
        assert!(bad_kind.is_err());
    }

    #[test]
    fn a_link_member_inserted_without_a_position_is_appended_to_its_link() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn).expect("migrates");
        conn.execute_batch(
            "INSERT INTO articles(id, text) VALUES (1, 'one two three four');
             INSERT INTO claims(id, article_id, start, \"end\", quote) VALUES
                 (1, 1, 0, 3, 'one'), (2, 1, 4, 7, 'two'), (3, 1, 8, 13, 'three');
             INSERT INTO links(id, kind) VALUES (1, 'contradicts'), (2, 'supports');
             INSERT INTO link_claims(link_id, claim_id, position) VALUES (1, 2, 0);
             INSERT INTO link_claims(link_id, claim_id) VALUES (1, 3), (1, 1), (2, 1);",
        )
        .expect("documented columns are enough");
        let rows: Vec<(i64, i64, i64)> = conn
            .prepare(
                "SELECT link_id, claim_id, position FROM link_claims ORDER BY link_id, position",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .expect("rows");
        assert_eq!(rows, [(1, 2, 0), (1, 3, 1), (1, 1, 2), (2, 1, 0)]);
    }
}
