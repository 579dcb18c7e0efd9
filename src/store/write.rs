//! Writing a project's rows: the whole project (on create) and one [`Edit`] at a time.
//!
//! Every function here runs inside a transaction the caller owns, so an edit, or a
//! [`Edit::Batch`] of them, reaches the file completely or not at all. Edits are written as
//! row upserts and deletes; the model has already checked them.

use crate::model::{
    Article, Category, Claim, Edit, Layout, Link, Project, Resolution, VerdictLevel,
};
use rusqlite::{Connection, OptionalExtension, params};

/// Writes every row of `project` into an empty, migrated database.
pub fn write_project(conn: &Connection, project: &Project) -> rusqlite::Result<()> {
    {
        let mut stmt = conn.prepare(
            "INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding,
                                  author, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for a in project.articles() {
            insert_article(&mut stmt, a)?;
        }
    }
    write_versions(conn, project)?;
    for c in project.categories() {
        put_category(conn, c)?;
    }
    set_verdicts(conn, project.verdicts())?;
    for c in project.claims() {
        put_claim(conn, c)?;
    }
    for l in project.links() {
        put_link(conn, l)?;
    }
    for key in project.dismissed() {
        set_dismissed(conn, key, true)?;
    }
    for (id, story) in project.story_overrides() {
        set_story(conn, *id, Some(story))?;
    }
    for key in crate::model::settings::ALL {
        if let Some(value) = project.setting(key) {
            set_meta(conn, key, value)?;
        }
    }
    write_layout(conn, &project.layout)
}

/// The earlier versions of every article, and each article's current number and read time.
fn write_versions(conn: &Connection, project: &Project) -> rusqlite::Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO article_versions(article_id, version, text, sha256, read_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut current =
        conn.prepare("UPDATE articles SET version = ?2, read_at = ?3 WHERE id = ?1")?;
    for a in project.articles() {
        let earlier = project.earlier_versions(a.id);
        for v in earlier {
            insert.execute(params![a.id, v.version, v.text, v.sha256, v.read_at])?;
        }
        if !earlier.is_empty() || project.read_at(a.id).is_some() {
            current.execute(params![
                a.id,
                project.current_version(a.id),
                project.read_at(a.id)
            ])?;
        }
    }
    Ok(())
}

fn insert_article(stmt: &mut rusqlite::Statement<'_>, a: &Article) -> rusqlite::Result<()> {
    stmt.execute(params![
        a.id,
        a.path,
        a.title,
        a.outlet,
        a.published,
        a.text,
        a.sha256,
        a.encoding,
        a.author,
        a.url
    ])
    .map(drop)
}

/// Writes one edit (a batch writes its parts in order).
pub fn apply(conn: &Connection, edit: &Edit) -> rusqlite::Result<()> {
    match edit {
        Edit::PutClaim(c) => put_claim(conn, c),
        Edit::DeleteClaim(id) => conn
            .prepare_cached("DELETE FROM claims WHERE id = ?1")?
            .execute([id])
            .map(drop),
        Edit::PutCategory(c) => put_category(conn, c),
        Edit::DeleteCategory(id) => conn
            .prepare_cached("DELETE FROM categories WHERE id = ?1")?
            .execute([id])
            .map(drop),
        Edit::PutLink(l) => put_link(conn, l),
        Edit::DeleteLink(id) => {
            conn.prepare_cached("DELETE FROM link_claims WHERE link_id = ?1")?
                .execute([id])?;
            conn.prepare_cached("DELETE FROM links WHERE id = ?1")?
                .execute([id])
                .map(drop)
        }
        Edit::SetVerdicts(levels) => set_verdicts(conn, levels),
        Edit::SetDismissed { key, dismissed } => set_dismissed(conn, key, *dismissed),
        Edit::SetSetting { key, value } => match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => set_meta(conn, key, value.as_deref().unwrap_or(v)),
            _ => conn
                .prepare_cached("DELETE FROM meta WHERE key = ?1")?
                .execute([key])
                .map(drop),
        },
        Edit::SetStories(changes) => changes
            .iter()
            .try_for_each(|(id, story)| set_story(conn, *id, story.as_deref())),
        Edit::SetArticleMeta(m) => conn
            .prepare_cached(
                "UPDATE articles SET title = ?2, outlet = ?3, published = ?4, author = ?5, url = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                m.id,
                m.title,
                m.outlet,
                m.published,
                m.author,
                m.url
            ])
            .map(drop),
        Edit::PutArticle(a) => {
            let mut stmt = conn.prepare_cached(
                "INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding,
                                      author, url)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            insert_article(&mut stmt, a)
        }
        Edit::DeleteArticle(id) => {
            // The model refused this unless the article is bare; the layout just forgets it.
            conn.prepare_cached("DELETE FROM layout WHERE article_id = ?1")?
                .execute([id])?;
            conn.prepare_cached("DELETE FROM articles WHERE id = ?1")?
                .execute([id])
                .map(drop)
        }
        Edit::SetArticlePath { id, path } => conn
            .prepare_cached("UPDATE articles SET path = ?2 WHERE id = ?1")?
            .execute(params![id, path])
            .map(drop),
        Edit::NewVersion {
            article,
            text,
            sha256,
            read_at,
        } => {
            conn.prepare_cached(
                "INSERT INTO article_versions(article_id, version, text, sha256, read_at)
                 SELECT id, version, text, sha256, read_at FROM articles WHERE id = ?1",
            )?
            .execute([article])?;
            conn.prepare_cached(
                "UPDATE articles SET text = ?2, sha256 = ?3, read_at = ?4, version = version + 1
                 WHERE id = ?1",
            )?
            .execute(params![article, text, sha256, read_at])
            .map(drop)
        }
        Edit::DropVersion(article) => {
            conn.prepare_cached(
                "UPDATE articles SET (text, sha256, read_at, version) =
                     (SELECT v.text, v.sha256, v.read_at, v.version FROM article_versions v
                      WHERE v.article_id = articles.id AND v.version = articles.version - 1)
                 WHERE id = ?1",
            )?
            .execute([article])?;
            conn.prepare_cached(
                "DELETE FROM article_versions
                 WHERE article_id = ?1
                   AND version = (SELECT version FROM articles WHERE id = ?1)",
            )?
            .execute([article])
            .map(drop)
        }
        Edit::Batch(edits) => edits.iter().try_for_each(|e| apply(conn, e)),
    }
}

/// Empty notes are stored as NULL, so `note IS NOT NULL` means "has a note" for SQL readers.
fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn put_claim(conn: &Connection, c: &Claim) -> rusqlite::Result<()> {
    conn.prepare_cached(
        r#"INSERT INTO claims(id, article_id, start, "end", quote, category_id, verdict, note, attribution,
                              version)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
           ON CONFLICT(id) DO UPDATE SET article_id = excluded.article_id, start = excluded.start,
               "end" = excluded."end", quote = excluded.quote, category_id = excluded.category_id,
               verdict = excluded.verdict, note = excluded.note, attribution = excluded.attribution,
               version = excluded.version"#,
    )?
    .execute(params![
        c.id,
        c.article_id,
        c.start as i64,
        c.end as i64,
        c.quote,
        c.category_id,
        c.verdict,
        non_empty(&c.note),
        c.attribution,
        c.version,
    ])
    .map(drop)
}

/// A category keeps its place in the codebook when changed; a new one goes last.
fn put_category(conn: &Connection, c: &Category) -> rusqlite::Result<()> {
    let updated = conn
        .prepare_cached("UPDATE categories SET name = ?2, color = ?3, shortcut = ?4 WHERE id = ?1")?
        .execute(params![c.id, c.name, c.color, c.shortcut])?;
    if updated == 0 {
        conn.prepare_cached(
            "INSERT INTO categories(id, name, color, shortcut, position)
             VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM categories))",
        )?
        .execute(params![c.id, c.name, c.color, c.shortcut])?;
    }
    Ok(())
}

fn put_link(conn: &Connection, l: &Link) -> rusqlite::Result<()> {
    let (resolution, standing) = match &l.resolution {
        Resolution::Open => ("open", None),
        Resolution::Resolved { standing } => ("resolved", *standing),
        Resolution::Unresolvable => ("unresolvable", None),
    };
    conn.prepare_cached(
        "INSERT INTO links(id, kind, note, resolution, standing_claim_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, note = excluded.note,
             resolution = excluded.resolution, standing_claim_id = excluded.standing_claim_id",
    )?
    .execute(params![
        l.id,
        l.kind.as_str(),
        non_empty(&l.note),
        resolution,
        standing
    ])?;
    conn.prepare_cached("DELETE FROM link_claims WHERE link_id = ?1")?
        .execute([l.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO link_claims(link_id, claim_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, claim) in l.members.iter().enumerate() {
        insert.execute(params![l.id, claim, i as i64])?;
    }
    Ok(())
}

fn set_verdicts(conn: &Connection, levels: &[VerdictLevel]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM verdicts", [])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO verdicts(position, name, rating) VALUES (?1, ?2, ?3)")?;
    for (i, v) in levels.iter().enumerate() {
        insert.execute(params![i as i64, v.name, v.rating])?;
    }
    Ok(())
}

fn set_story(conn: &Connection, article: i64, story: Option<&str>) -> rusqlite::Result<()> {
    match story {
        Some(s) => conn
            .prepare_cached(
                "INSERT OR REPLACE INTO story_overrides(article_id, story) VALUES (?1, ?2)",
            )?
            .execute(params![article, s])
            .map(drop),
        None => conn
            .prepare_cached("DELETE FROM story_overrides WHERE article_id = ?1")?
            .execute([article])
            .map(drop),
    }
}

fn set_dismissed(conn: &Connection, key: &str, dismissed: bool) -> rusqlite::Result<()> {
    let sql = if dismissed {
        "INSERT OR IGNORE INTO dismissed(key) VALUES (?1)"
    } else {
        "DELETE FROM dismissed WHERE key = ?1"
    };
    conn.prepare_cached(sql)?.execute([key]).map(drop)
}

/// Replaces the stored column layout.
pub fn write_layout(conn: &Connection, layout: &Layout) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM layout", [])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO layout(position, article_id) VALUES (?1, ?2)")?;
    for (i, id) in layout.columns.iter().enumerate() {
        insert.execute(params![i as i64, id])?;
    }
    Ok(())
}

/// Sets one `meta` value.
pub fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")?
        .execute([key, value])
        .map(drop)
}

/// Reads one `meta` value.
pub fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
        .map(Option::flatten)
}
