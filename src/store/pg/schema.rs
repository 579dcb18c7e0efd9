//! The PostgreSQL schema of a shared project: the public tables of docs/schema.md under the
//! same names and columns (so the same queries run on both), the quote rule as a trigger, and
//! the `edits` log every window writes and reads.

/// The schema version of the public tables, numbered as the SQLite file's `user_version`
/// (kept in `meta` under `schema_version`).
pub const PG_SCHEMA_VERSION: i64 = 6;

/// The channel `NOTIFY` announces new edits on; the payload is the edit's id in `edits`.
pub const NOTIFY_CHANNEL: &str = "crosscheck";

/// The transaction-level advisory lock every writer takes, so edits are logged (and their
/// ids handed out) one writer at a time: a reader that has seen edit `n` has seen all before.
pub const LOCK_KEY: i64 = 0x5843_686B;

/// `meta` key marking a database as holding a Crosscheck project (value `XChk`).
pub const META_APPLICATION: &str = "application_id";
/// `meta` key: the schema version of the public tables.
pub const META_SCHEMA: &str = "schema_version";
/// `meta` key: a random id given at each push, so a window's local copy knows it belongs to
/// this project and not to one pushed over it later.
pub const META_PROJECT_UID: &str = "project_uid";
/// `meta` key: the name the project was pushed under (the file's name).
pub const META_NAME: &str = "name";

/// Every table and function of ours, dropped by `push --replace` (others are left alone).
pub const OUR_TABLES: [&str; 12] = [
    "edits",
    "layout",
    "story_overrides",
    "dismissed",
    "link_claims",
    "links",
    "claims",
    "verdicts",
    "categories",
    "article_versions",
    "articles",
    "meta",
];

/// Tables and triggers of a shared project. Integers are BIGINT (Rust's i64) except
/// `verdicts.rating`, which is the ClaimReview rating.
pub const CREATE: &str = r#"
CREATE TABLE meta(
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE articles(
    id BIGINT PRIMARY KEY,
    path TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text TEXT NOT NULL,
    sha256 TEXT,
    encoding TEXT,
    author TEXT,
    url TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    read_at TEXT
);
CREATE TABLE article_versions(
    article_id BIGINT NOT NULL REFERENCES articles(id),
    version BIGINT NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT,
    read_at TEXT,
    PRIMARY KEY (article_id, version)
);
CREATE TABLE categories(
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT,
    shortcut TEXT,
    position BIGINT NOT NULL DEFAULT 0,
    uid TEXT
);
CREATE TABLE verdicts(
    position BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    rating INTEGER
);
CREATE TABLE claims(
    id BIGINT PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id),
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    quote TEXT NOT NULL,
    category_id BIGINT REFERENCES categories(id),
    verdict TEXT,
    note TEXT,
    attribution TEXT,
    version BIGINT,
    author TEXT,
    edited_by TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX claims_by_article ON claims(article_id);
CREATE TABLE links(
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contradicts', 'supports', 'same_claim', 'updates')),
    note TEXT,
    resolution TEXT NOT NULL DEFAULT 'open'
        CHECK (resolution IN ('open', 'resolved', 'unresolvable')),
    standing_claim_id BIGINT,
    author TEXT,
    edited_by TEXT
);
CREATE TABLE link_claims(
    link_id BIGINT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    claim_id BIGINT NOT NULL REFERENCES claims(id),
    position BIGINT NOT NULL DEFAULT -1,
    PRIMARY KEY (link_id, position),
    UNIQUE (link_id, claim_id)
);
CREATE INDEX link_claims_by_claim ON link_claims(claim_id);
CREATE TABLE dismissed(
    key TEXT PRIMARY KEY
);
CREATE TABLE story_overrides(
    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story TEXT NOT NULL
);
CREATE TABLE layout(
    position BIGINT PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id)
);
CREATE TABLE edits(
    id BIGSERIAL PRIMARY KEY,
    author TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    origin TEXT UNIQUE,
    edit JSONB NOT NULL
);

-- The quote is always the text between the offsets (of the claim's version), whoever writes.
CREATE FUNCTION crosscheck_claims_quote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.quote IS DISTINCT FROM (
        SELECT substr(coalesce((SELECT v.text FROM article_versions v
                                WHERE v.article_id = NEW.article_id AND v.version = NEW.version),
                               a.text),
                      (NEW.start + 1)::int, (NEW."end" - NEW.start)::int)
        FROM articles a WHERE a.id = NEW.article_id)
    THEN
        RAISE EXCEPTION 'claims.quote must equal the article text between start and end';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER claims_quote BEFORE INSERT OR UPDATE ON claims
    FOR EACH ROW EXECUTE FUNCTION crosscheck_claims_quote();

-- A member inserted with only (link_id, claim_id) goes last in its link, as in the file.
CREATE FUNCTION crosscheck_link_claims_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.position < 0 THEN
        NEW.position := (SELECT coalesce(max(position), -1) + 1 FROM link_claims
                         WHERE link_id = NEW.link_id AND position >= 0);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER link_claims_append BEFORE INSERT ON link_claims
    FOR EACH ROW EXECUTE FUNCTION crosscheck_link_claims_append();
"#;

/// Drops what [`CREATE`] made (for `push --replace`).
pub fn drop_sql() -> String {
    let mut sql: String = OUR_TABLES
        .iter()
        .map(|t| format!("DROP TABLE IF EXISTS {t} CASCADE;\n"))
        .collect();
    sql.push_str("DROP FUNCTION IF EXISTS crosscheck_claims_quote() CASCADE;\n");
    sql.push_str("DROP FUNCTION IF EXISTS crosscheck_link_claims_append() CASCADE;\n");
    sql
}
