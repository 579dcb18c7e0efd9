//! Loading a whole [`Project`] from a migrated database.

use super::StoreError;
use crate::model::{
    Article, ArticleVersion, Category, Claim, Layout, Link, LinkKind, Project, Resolution,
    VerdictLevel,
};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads every table into a project. Rows that break the model's rules (an unknown link kind,
/// a negative offset, a claim outside its article's text) make the file
/// [`StoreError::Damaged`].
pub fn load(conn: &Connection, path: &Path) -> Result<Project, StoreError> {
    let sql = |e| StoreError::sql(path, e);
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_owned(),
        detail,
    };

    let articles = conn
        .prepare(
            "SELECT id, path, title, outlet, published, text, sha256, encoding, author, url \
                  FROM articles ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(Article {
                    id: r.get(0)?,
                    path: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    title: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    text: r.get(5)?,
                    sha256: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    encoding: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    author: r.get(8)?,
                    url: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(sql)?;

    // A file opened read-only at an older version has no authors or identities yet (V7).
    let has_authors = has_column(conn, "claims", "author").map_err(sql)?;
    let (uid, author, edited_by) = if has_authors {
        ("uid", "author", "edited_by")
    } else {
        ("NULL", "NULL", "NULL")
    };
    let categories = conn
        .prepare(&format!(
            "SELECT id, name, color, shortcut, {uid} FROM categories ORDER BY position, id"
        ))
        .and_then(|mut s| {
            s.query_map([], |r| {
                let id = r.get(0)?;
                let name: String = r.get(1)?;
                Ok(Category {
                    id,
                    uid: r
                        .get::<_, Option<String>>(4)?
                        .filter(|u| !u.is_empty())
                        .unwrap_or_else(|| Category::derived_uid(id, &name)),
                    name,
                    color: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    shortcut: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(sql)?;

    let verdicts = conn
        .prepare("SELECT name, rating FROM verdicts ORDER BY position")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(VerdictLevel {
                    name: r.get(0)?,
                    rating: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(sql)?;

    // A file opened read-only at an older version has no versions yet (V6).
    let has_versions = has_table(conn, "article_versions").map_err(sql)?;
    let mut claims = Vec::new();
    {
        let version_column = if has_versions { "version" } else { "NULL" };
        let mut s = conn
            .prepare(&format!(
                r#"SELECT id, article_id, start, "end", quote, category_id, verdict, note, attribution,
                          {version_column}, {author}, {edited_by}
                   FROM claims ORDER BY id"#
            ))
            .map_err(sql)?;
        let mut rows = s.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let id: i64 = r.get(0).map_err(sql)?;
            let offset = |i: usize| -> Result<usize, StoreError> {
                let v: i64 = r.get(i).map_err(sql)?;
                usize::try_from(v).map_err(|_| damaged(format!("claim {id} has offset {v}")))
            };
            claims.push(Claim {
                id,
                article_id: r.get(1).map_err(sql)?,
                start: offset(2)?,
                end: offset(3)?,
                quote: r.get(4).map_err(sql)?,
                category_id: r.get(5).map_err(sql)?,
                verdict: r.get(6).map_err(sql)?,
                note: r
                    .get::<_, Option<String>>(7)
                    .map_err(sql)?
                    .unwrap_or_default(),
                attribution: r.get(8).map_err(sql)?,
                version: r.get(9).map_err(sql)?,
                author: r.get(10).map_err(sql)?,
                edited_by: r.get(11).map_err(sql)?,
            });
        }
    }

    let mut members: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    {
        let mut s = conn
            .prepare("SELECT link_id, claim_id FROM link_claims ORDER BY link_id, position")
            .map_err(sql)?;
        let mut rows = s.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            members
                .entry(r.get(0).map_err(sql)?)
                .or_default()
                .push(r.get(1).map_err(sql)?);
        }
    }

    let mut links = Vec::new();
    {
        let mut s = conn
            .prepare(&format!(
                "SELECT id, kind, note, resolution, standing_claim_id, {author}, {edited_by}
                 FROM links ORDER BY id"
            ))
            .map_err(sql)?;
        let mut rows = s.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let id: i64 = r.get(0).map_err(sql)?;
            let kind: String = r.get(1).map_err(sql)?;
            let kind = LinkKind::parse(&kind)
                .ok_or_else(|| damaged(format!("link {id} has unknown kind {kind:?}")))?;
            let resolution: String = r.get(3).map_err(sql)?;
            let resolution = match resolution.as_str() {
                "open" => Resolution::Open,
                "resolved" => Resolution::Resolved {
                    standing: r.get(4).map_err(sql)?,
                },
                "unresolvable" => Resolution::Unresolvable,
                other => {
                    return Err(damaged(format!(
                        "link {id} has unknown resolution {other:?}"
                    )));
                }
            };
            links.push(Link {
                id,
                kind,
                note: r
                    .get::<_, Option<String>>(2)
                    .map_err(sql)?
                    .unwrap_or_default(),
                resolution,
                members: members.remove(&id).unwrap_or_default(),
                author: r.get(5).map_err(sql)?,
                edited_by: r.get(6).map_err(sql)?,
            });
        }
    }

    let dismissed = conn
        .prepare("SELECT key FROM dismissed")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(sql)?;

    let columns = conn
        .prepare("SELECT article_id FROM layout ORDER BY position")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(sql)?;

    // A file opened read-only at an older version has no stories table yet.
    let has_stories = has_table(conn, "story_overrides").map_err(sql)?;
    let stories: BTreeMap<i64, String> = if has_stories {
        conn.prepare("SELECT article_id, story FROM story_overrides")
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(sql)?
    } else {
        BTreeMap::new()
    };

    let (versions, read_at) = if has_versions {
        load_versions(conn, &articles).map_err(sql)?
    } else {
        Default::default()
    };
    check_claims(&articles, &versions, &claims).map_err(damaged)?;
    let mut project = Project::from_parts(articles, categories, verdicts, claims, links, dismissed)
        .with_story_overrides(stories)
        .with_versions(versions, read_at)
        .with_settings(load_settings(conn).map_err(sql)?);
    project.layout = Layout { columns };
    Ok(project)
}

/// The project settings kept in `meta` (only the known keys: `meta` also holds bookkeeping).
fn load_settings(conn: &Connection) -> rusqlite::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for key in crate::model::settings::ALL {
        if let Some(v) = super::write::meta(conn, key)?.filter(|v| !v.trim().is_empty()) {
            out.insert(key.to_owned(), v);
        }
    }
    Ok(out)
}

fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1")
        .and_then(|mut s| s.exists([name]))
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    conn.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")
        .and_then(|mut s| s.exists([table, column]))
}

pub(super) type Versions = BTreeMap<i64, Vec<ArticleVersion>>;

/// Earlier versions of each article (oldest first) and the read time of current texts.
fn load_versions(
    conn: &Connection,
    articles: &[Article],
) -> rusqlite::Result<(Versions, BTreeMap<i64, String>)> {
    let mut versions: Versions = BTreeMap::new();
    let mut s = conn.prepare(
        "SELECT article_id, version, text, sha256, read_at FROM article_versions
         ORDER BY article_id, version",
    )?;
    let mut rows = s.query([])?;
    while let Some(r) = rows.next()? {
        versions.entry(r.get(0)?).or_default().push(ArticleVersion {
            version: r.get(1)?,
            text: r.get(2)?,
            sha256: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            read_at: r.get(4)?,
        });
    }
    // Versions of articles that are gone cannot be shown; keep only those of known articles.
    versions.retain(|id, _| articles.iter().any(|a| a.id == *id));
    let read_at = conn
        .prepare("SELECT id, read_at FROM articles WHERE read_at IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((versions, read_at))
}

/// Checks what the triggers guarantee for files Crosscheck wrote, for files others changed
/// (triggers dropped, text edited): each claim's article exists, its character offsets lie
/// within the text, and its quote is the text between them. The rest of the app slices text
/// by these offsets, so a claim that breaks them must not get in. One pass over the text of
/// each article that has claims.
pub(super) fn check_claims(
    articles: &[Article],
    versions: &Versions,
    claims: &[Claim],
) -> Result<(), String> {
    // Each claim's text: (article, version) with version 0 for the current text.
    let mut texts: BTreeMap<(i64, u32), &str> = articles
        .iter()
        .map(|a| ((a.id, 0), a.text.as_str()))
        .collect();
    for (id, list) in versions {
        texts.extend(list.iter().map(|v| ((*id, v.version), v.text.as_str())));
    }
    let current_of = |id: i64| versions.get(&id).map_or(0, Vec::len) as u32 + 1;
    let key = |c: &Claim| {
        let v = c
            .version
            .filter(|v| *v != current_of(c.article_id))
            .unwrap_or(0);
        (c.article_id, v)
    };
    let mut order: Vec<&Claim> = claims.iter().collect();
    order.sort_by_key(|c| key(c));
    let mut current: Option<((i64, u32), Vec<usize>)> = None;
    for c in order {
        let Some(text) = texts.get(&key(c)) else {
            return Err(format!(
                "claim {} belongs to no article text ({}, version {:?})",
                c.id, c.article_id, c.version
            ));
        };
        if current.as_ref().is_none_or(|(k, _)| *k != key(c)) {
            // Byte offset of every character boundary, the end included.
            let bounds = text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            current = Some((key(c), bounds));
        }
        let bounds = current.as_ref().map_or(&[][..], |(_, b)| b.as_slice());
        let quote = (c.start < c.end)
            .then(|| Some(&text[*bounds.get(c.start)?..*bounds.get(c.end)?]))
            .flatten();
        if quote != Some(c.quote.as_str()) {
            return Err(format!(
                "claim {} ({}..{}) does not match the text of article {}",
                c.id, c.start, c.end, c.article_id
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: i64, article_id: i64, start: usize, end: usize, quote: &str) -> Claim {
        Claim {
            id,
            article_id,
            start,
            end,
            quote: quote.into(),
            category_id: None,
            verdict: None,
            note: String::new(),
            attribution: None,
            version: None,
            author: None,
            edited_by: None,
        }
    }

    #[test]
    fn claims_must_lie_inside_their_article_and_quote_it() {
        let articles = vec![Article {
            id: 1,
            path: String::new(),
            title: String::new(),
            outlet: None,
            published: None,
            text: "Zürich — 139 killed".into(),
            sha256: String::new(),
            encoding: String::new(),
            author: None,
            url: None,
        }];
        let good = [
            claim(1, 1, 9, 12, "139"),
            claim(2, 1, 0, 19, "Zürich — 139 killed"),
        ];
        assert_eq!(check_claims(&articles, &Versions::new(), &good), Ok(()));
        for bad in [
            claim(3, 1, 9, 12, "140"),
            claim(4, 1, 16, 20, "lled"),
            claim(5, 2, 0, 1, "Z"),
            claim(6, 1, 3, 3, ""),
            claim(7, 1, 11, 14, "139"),
        ] {
            let err = check_claims(&articles, &Versions::new(), &[good[0].clone(), bad.clone()]);
            assert!(
                err.is_err_and(|e| e.contains(&format!("claim {}", bad.id))),
                "{bad:?}"
            );
        }
    }
}
