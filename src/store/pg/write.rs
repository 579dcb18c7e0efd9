//! Writing a project's rows to PostgreSQL: the whole project (push) and one [`Edit`] at a
//! time, the same rows the SQLite file gets (`store::write`). Every function runs inside a
//! transaction the caller owns.

use crate::model::{Article, Category, Claim, Edit, Link, Project, Resolution, VerdictLevel};
use postgres::GenericClient;

type Result<T> = std::result::Result<T, postgres::Error>;

/// Writes every row of `project` into freshly created tables.
pub fn write_project(db: &mut impl GenericClient, project: &Project) -> Result<()> {
    let insert = db.prepare(
        "INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding,
                              author, url, version, read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )?;
    let version = db.prepare(
        "INSERT INTO article_versions(article_id, version, text, sha256, read_at)
         VALUES ($1, $2, $3, $4, $5)",
    )?;
    for a in project.articles() {
        let current = i64::from(project.current_version(a.id));
        let read_at = project.read_at(a.id);
        db.execute(
            &insert,
            &[
                &a.id,
                &a.path,
                &a.title,
                &a.outlet,
                &a.published,
                &a.text,
                &a.sha256,
                &a.encoding,
                &a.author,
                &a.url,
                &current,
                &read_at,
            ],
        )?;
        for v in project.earlier_versions(a.id) {
            let n = i64::from(v.version);
            db.execute(&version, &[&a.id, &n, &v.text, &v.sha256, &v.read_at])?;
        }
    }
    for c in project.categories() {
        put_category(db, c)?;
    }
    set_verdicts(db, project.verdicts())?;
    let claim = db.prepare(PUT_CLAIM)?;
    for c in project.claims() {
        put_claim_with(db, &claim, c)?;
    }
    for l in project.links() {
        put_link(db, l)?;
    }
    for key in project.dismissed() {
        set_dismissed(db, key, true)?;
    }
    for (id, story) in project.story_overrides() {
        set_story(db, *id, Some(story))?;
    }
    for key in crate::model::settings::ALL {
        if let Some(value) = project.setting(key) {
            set_setting(db, key, Some(value))?;
        }
    }
    for (i, id) in project.layout.columns.iter().enumerate() {
        db.execute(
            "INSERT INTO layout(position, article_id) VALUES ($1, $2)",
            &[&(i as i64), id],
        )?;
    }
    Ok(())
}

/// Writes one edit (a batch writes its parts in order).
pub fn apply(db: &mut impl GenericClient, edit: &Edit) -> Result<()> {
    match edit {
        Edit::PutClaim(c) => {
            let stmt = db.prepare(PUT_CLAIM)?;
            put_claim_with(db, &stmt, c)
        }
        Edit::DeleteClaim(id) => db
            .execute("DELETE FROM claims WHERE id = $1", &[id])
            .map(drop),
        Edit::PutCategory(c) => put_category(db, c),
        Edit::DeleteCategory(id) => db
            .execute("DELETE FROM categories WHERE id = $1", &[id])
            .map(drop),
        Edit::PutLink(l) => put_link(db, l),
        Edit::DeleteLink(id) => {
            db.execute("DELETE FROM link_claims WHERE link_id = $1", &[id])?;
            db.execute("DELETE FROM links WHERE id = $1", &[id])
                .map(drop)
        }
        Edit::SetVerdicts(levels) => set_verdicts(db, levels),
        Edit::SetDismissed { key, dismissed } => set_dismissed(db, key, *dismissed),
        Edit::SetSetting { key, value } => set_setting(db, key, value.as_deref()),
        Edit::SetStories(changes) => changes
            .iter()
            .try_for_each(|(id, story)| set_story(db, *id, story.as_deref())),
        Edit::SetArticleMeta(m) => db
            .execute(
                "UPDATE articles SET title = $2, outlet = $3, published = $4, author = $5,
                     url = $6
                 WHERE id = $1",
                &[&m.id, &m.title, &m.outlet, &m.published, &m.author, &m.url],
            )
            .map(drop),
        Edit::PutArticle(a) => insert_article(db, a),
        Edit::DeleteArticle(id) => {
            db.execute("DELETE FROM layout WHERE article_id = $1", &[id])?;
            db.execute("DELETE FROM articles WHERE id = $1", &[id])
                .map(drop)
        }
        Edit::SetArticlePath { id, path } => db
            .execute("UPDATE articles SET path = $2 WHERE id = $1", &[id, path])
            .map(drop),
        Edit::NewVersion {
            article,
            text,
            sha256,
            read_at,
        } => {
            db.execute(
                "INSERT INTO article_versions(article_id, version, text, sha256, read_at)
                 SELECT id, version, text, sha256, read_at FROM articles WHERE id = $1",
                &[article],
            )?;
            db.execute(
                "UPDATE articles SET text = $2, sha256 = $3, read_at = $4, version = version + 1
                 WHERE id = $1",
                &[article, text, sha256, read_at],
            )
            .map(drop)
        }
        Edit::DropVersion(article) => {
            db.execute(
                "UPDATE articles a SET (text, sha256, read_at, version) =
                     (SELECT v.text, v.sha256, v.read_at, v.version FROM article_versions v
                      WHERE v.article_id = a.id AND v.version = a.version - 1)
                 WHERE a.id = $1",
                &[article],
            )?;
            db.execute(
                "DELETE FROM article_versions
                 WHERE article_id = $1
                   AND version = (SELECT version FROM articles WHERE id = $1)",
                &[article],
            )
            .map(drop)
        }
        Edit::Batch(edits) => edits.iter().try_for_each(|e| apply(db, e)),
    }
}

fn insert_article(db: &mut impl GenericClient, a: &Article) -> Result<()> {
    db.execute(
        "INSERT INTO articles(id, path, title, outlet, published, text, sha256, encoding,
                              author, url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            &a.id,
            &a.path,
            &a.title,
            &a.outlet,
            &a.published,
            &a.text,
            &a.sha256,
            &a.encoding,
            &a.author,
            &a.url,
        ],
    )
    .map(drop)
}

/// Empty notes are stored as NULL, as in the file.
fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

const PUT_CLAIM: &str = r#"
INSERT INTO claims(id, article_id, start, "end", quote, category_id, verdict, note, attribution,
                   version, author, edited_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, start = excluded.start,
    "end" = excluded."end", quote = excluded.quote, category_id = excluded.category_id,
    verdict = excluded.verdict, note = excluded.note, attribution = excluded.attribution,
    version = excluded.version, author = excluded.author, edited_by = excluded.edited_by"#;

fn put_claim_with(
    db: &mut impl GenericClient,
    stmt: &postgres::Statement,
    c: &Claim,
) -> Result<()> {
    let version = c.version.map(i64::from);
    db.execute(
        stmt,
        &[
            &c.id,
            &c.article_id,
            &(c.start as i64),
            &(c.end as i64),
            &c.quote,
            &c.category_id,
            &c.verdict,
            &non_empty(&c.note),
            &c.attribution,
            &version,
            &c.author,
            &c.edited_by,
        ],
    )
    .map(drop)
}

/// A category keeps its place in the codebook when changed; a new one goes last.
fn put_category(db: &mut impl GenericClient, c: &Category) -> Result<()> {
    let updated = db.execute(
        "UPDATE categories SET name = $2, color = $3, shortcut = $4, uid = $5 WHERE id = $1",
        &[&c.id, &c.name, &c.color, &c.shortcut, &c.uid],
    )?;
    if updated == 0 {
        db.execute(
            "INSERT INTO categories(id, name, color, shortcut, uid, position)
             VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position), 0) + 1 FROM categories))",
            &[&c.id, &c.name, &c.color, &c.shortcut, &c.uid],
        )?;
    }
    Ok(())
}

fn put_link(db: &mut impl GenericClient, l: &Link) -> Result<()> {
    let (resolution, standing) = match &l.resolution {
        Resolution::Open => ("open", None),
        Resolution::Resolved { standing } => ("resolved", *standing),
        Resolution::Unresolvable => ("unresolvable", None),
    };
    db.execute(
        "INSERT INTO links(id, kind, note, resolution, standing_claim_id, author, edited_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, note = excluded.note,
             resolution = excluded.resolution, standing_claim_id = excluded.standing_claim_id,
             author = excluded.author, edited_by = excluded.edited_by",
        &[
            &l.id,
            &l.kind.as_str(),
            &non_empty(&l.note),
            &resolution,
            &standing,
            &l.author,
            &l.edited_by,
        ],
    )?;
    db.execute("DELETE FROM link_claims WHERE link_id = $1", &[&l.id])?;
    for (i, claim) in l.members.iter().enumerate() {
        db.execute(
            "INSERT INTO link_claims(link_id, claim_id, position) VALUES ($1, $2, $3)",
            &[&l.id, claim, &(i as i64)],
        )?;
    }
    Ok(())
}

fn set_verdicts(db: &mut impl GenericClient, levels: &[VerdictLevel]) -> Result<()> {
    db.execute("DELETE FROM verdicts", &[])?;
    for (i, v) in levels.iter().enumerate() {
        db.execute(
            "INSERT INTO verdicts(position, name, rating) VALUES ($1, $2, $3)",
            &[&(i as i64), &v.name, &v.rating],
        )?;
    }
    Ok(())
}

fn set_story(db: &mut impl GenericClient, article: i64, story: Option<&str>) -> Result<()> {
    match story {
        Some(s) => db.execute(
            "INSERT INTO story_overrides(article_id, story) VALUES ($1, $2)
             ON CONFLICT (article_id) DO UPDATE SET story = excluded.story",
            &[&article, &s],
        ),
        None => db.execute(
            "DELETE FROM story_overrides WHERE article_id = $1",
            &[&article],
        ),
    }
    .map(drop)
}

fn set_dismissed(db: &mut impl GenericClient, key: &str, dismissed: bool) -> Result<()> {
    let sql = if dismissed {
        "INSERT INTO dismissed(key) VALUES ($1) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM dismissed WHERE key = $1"
    };
    db.execute(sql, &[&key]).map(drop)
}

/// A project setting lives in `meta`, as in the file; a blank value removes it.
fn set_setting(db: &mut impl GenericClient, key: &str, value: Option<&str>) -> Result<()> {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => db.execute(
            "INSERT INTO meta(key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &v],
        ),
        None => db.execute("DELETE FROM meta WHERE key = $1", &[&key]),
    }
    .map(drop)
}
