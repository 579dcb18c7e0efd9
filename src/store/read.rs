//! Loading a whole [`Project`] from a migrated database.

use super::StoreError;
use crate::model::{
    Article, Category, Claim, Layout, Link, LinkKind, Project, Resolution, VerdictLevel,
};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads every table into a project. Rows that break the model's rules (an unknown link kind,
/// a negative offset) make the file [`StoreError::Damaged`].
pub fn load(conn: &Connection, path: &Path) -> Result<Project, StoreError> {
    let sql = |e| StoreError::sql(path, e);
    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_owned(),
        detail,
    };

    let articles = conn
        .prepare("SELECT id, path, title, outlet, published, text, sha256, encoding FROM articles ORDER BY id")
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
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(sql)?;

    let categories = conn
        .prepare("SELECT id, name, color, shortcut FROM categories ORDER BY position, id")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(Category {
                    id: r.get(0)?,
                    name: r.get(1)?,
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

    let mut claims = Vec::new();
    {
        let mut s = conn
            .prepare(
                r#"SELECT id, article_id, start, "end", quote, category_id, verdict, note, attribution
                   FROM claims ORDER BY id"#,
            )
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
            .prepare("SELECT id, kind, note, resolution, standing_claim_id FROM links ORDER BY id")
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

    let mut project = Project::from_parts(articles, categories, verdicts, claims, links, dismissed);
    project.layout = Layout { columns };
    Ok(project)
}
