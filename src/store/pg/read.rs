//! Loading a whole [`Project`] from a shared project's tables, with the same checks as the
//! file's loader: a row that breaks the model's rules makes the database "damaged".

use super::super::read::{Versions, check_claims};
use super::PgError;
use crate::model::{
    Article, ArticleVersion, Category, Claim, Layout, Link, LinkKind, Project, Resolution,
    VerdictLevel,
};
use postgres::GenericClient;
use std::collections::{BTreeMap, BTreeSet};

/// Reads every public table into a project. Run it inside one transaction (repeatable read)
/// so the tables and the log position agree.
pub fn load(db: &mut impl GenericClient, url: &str) -> Result<Project, PgError> {
    let sql = |e| PgError::sql(url, e);
    let damaged = |detail: String| PgError::Damaged {
        url: url.to_owned(),
        detail,
    };
    let articles: Vec<Article> = db
        .query(
            "SELECT id, path, title, outlet, published, text, sha256, encoding, author, url
             FROM articles ORDER BY id",
            &[],
        )
        .map_err(sql)?
        .iter()
        .map(|r| Article {
            id: r.get(0),
            path: r.get::<_, Option<String>>(1).unwrap_or_default(),
            title: r.get::<_, Option<String>>(2).unwrap_or_default(),
            outlet: r.get(3),
            published: r.get(4),
            text: r.get(5),
            sha256: r.get::<_, Option<String>>(6).unwrap_or_default(),
            encoding: r.get::<_, Option<String>>(7).unwrap_or_default(),
            author: r.get(8),
            url: r.get(9),
        })
        .collect();
    let categories = db
        .query(
            "SELECT id, name, color, shortcut, uid FROM categories ORDER BY position, id",
            &[],
        )
        .map_err(sql)?
        .iter()
        .map(|r| Category {
            id: r.get(0),
            name: r.get(1),
            color: r.get::<_, Option<String>>(2).unwrap_or_default(),
            shortcut: r.get(3),
            uid: r
                .get::<_, Option<String>>(4)
                .unwrap_or_else(|| Category::derived_uid(r.get(0), &r.get::<_, String>(1))),
        })
        .collect();
    let verdicts = db
        .query("SELECT name, rating FROM verdicts ORDER BY position", &[])
        .map_err(sql)?
        .iter()
        .map(|r| VerdictLevel {
            name: r.get(0),
            rating: r.get(1),
        })
        .collect();
    let mut claims = Vec::new();
    for r in db
        .query(
            r#"SELECT id, article_id, start, "end", quote, category_id, verdict, note,
                      attribution, version, author, edited_by
               FROM claims ORDER BY id"#,
            &[],
        )
        .map_err(sql)?
    {
        let id: i64 = r.get(0);
        let offset = |i: usize| {
            let v: i64 = r.get(i);
            usize::try_from(v).map_err(|_| damaged(format!("claim {id} has offset {v}")))
        };
        let version: Option<i64> = r.get(9);
        claims.push(Claim {
            id,
            article_id: r.get(1),
            start: offset(2)?,
            end: offset(3)?,
            quote: r.get(4),
            category_id: r.get(5),
            verdict: r.get(6),
            note: r.get::<_, Option<String>>(7).unwrap_or_default(),
            attribution: r.get(8),
            version: version
                .map(|v| u32::try_from(v).map_err(|_| damaged(format!("claim {id}: version {v}"))))
                .transpose()?,
            author: r.get(10),
            edited_by: r.get(11),
        });
    }
    let mut members: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for r in db
        .query(
            "SELECT link_id, claim_id FROM link_claims ORDER BY link_id, position",
            &[],
        )
        .map_err(sql)?
    {
        members.entry(r.get(0)).or_default().push(r.get(1));
    }
    let mut links = Vec::new();
    for r in db
        .query(
            "SELECT id, kind, note, resolution, standing_claim_id, author, edited_by FROM links ORDER BY id",
            &[],
        )
        .map_err(sql)?
    {
        let id: i64 = r.get(0);
        let kind: String = r.get(1);
        let kind = LinkKind::parse(&kind)
            .ok_or_else(|| damaged(format!("link {id} has unknown kind {kind:?}")))?;
        let resolution = match r.get::<_, String>(3).as_str() {
            "open" => Resolution::Open,
            "resolved" => Resolution::Resolved { standing: r.get(4) },
            "unresolvable" => Resolution::Unresolvable,
            other => return Err(damaged(format!("link {id} has resolution {other:?}"))),
        };
        links.push(Link {
            id,
            kind,
            note: r.get::<_, Option<String>>(2).unwrap_or_default(),
            resolution,
            members: members.remove(&id).unwrap_or_default(),
            author: r.get(5),
            edited_by: r.get(6),
        });
    }
    let dismissed: BTreeSet<String> = db
        .query("SELECT key FROM dismissed", &[])
        .map_err(sql)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let stories: BTreeMap<i64, String> = db
        .query("SELECT article_id, story FROM story_overrides", &[])
        .map_err(sql)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let columns = db
        .query("SELECT article_id FROM layout ORDER BY position", &[])
        .map_err(sql)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut versions: Versions = BTreeMap::new();
    for r in db
        .query(
            "SELECT article_id, version, text, sha256, read_at FROM article_versions
             ORDER BY article_id, version",
            &[],
        )
        .map_err(sql)?
    {
        let v: i64 = r.get(1);
        versions.entry(r.get(0)).or_default().push(ArticleVersion {
            version: u32::try_from(v).map_err(|_| damaged(format!("article version {v}")))?,
            text: r.get(2),
            sha256: r.get::<_, Option<String>>(3).unwrap_or_default(),
            read_at: r.get(4),
        });
    }
    versions.retain(|id, _| articles.iter().any(|a| a.id == *id));
    let read_at: BTreeMap<i64, String> = db
        .query(
            "SELECT id, read_at FROM articles WHERE read_at IS NOT NULL",
            &[],
        )
        .map_err(sql)?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut settings = BTreeMap::new();
    for key in crate::model::settings::ALL {
        let value: Option<String> = db
            .query_opt("SELECT value FROM meta WHERE key = $1", &[&key])
            .map_err(sql)?
            .and_then(|r| r.get(0));
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            settings.insert(key.to_owned(), v);
        }
    }
    check_claims(&articles, &versions, &claims).map_err(damaged)?;
    let mut project = Project::from_parts(articles, categories, verdicts, claims, links, dismissed)
        .with_story_overrides(stories)
        .with_versions(versions, read_at)
        .with_settings(settings);
    project.layout = Layout { columns };
    Ok(project)
}
