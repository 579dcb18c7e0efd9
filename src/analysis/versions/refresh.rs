//! Planning a refresh from sources (issue 14): given a project and its source files read
//! again, what changed and the one [`Edit`] that applies it.
//!
//! Each fresh file is matched to an article by path, else (a renamed file) by identical hash,
//! else by the same title with mostly the same words. An article whose text is unchanged
//! changes nothing; a changed one gets a new version ([`Edit::NewVersion`]) and its claims are
//! re-anchored ([`super::reanchor`]): every current claim is first pinned to the version it
//! lies on, then the ones whose quote is found unchanged move onto the new text. The others
//! stay pinned to the old version, orphaned. Unmatched files become new articles; articles
//! whose file is gone are reported as missing and kept. The whole plan is one
//! [`Edit::Batch`], so it is written in one transaction and undone in one step.

use super::diff::{ChangeKind, Hunk, VersionDiff};
use super::reanchor::{Anchor, Indexed, near_span, reanchor};
use crate::model::{Article, ArticleId, ClaimId, Edit, Project, char_slice};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How much of two texts must be the same words for a renamed file with the same title to
/// count as the same article.
const RENAMED_SIMILARITY: f32 = 0.5;

/// What happened to one article, or one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unchanged,
    Changed,
    New,
    Missing,
}

/// A claim that moved onto the new text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MovedClaim {
    pub claim: ClaimId,
    pub quote: String,
    pub old_start: usize,
    pub new_start: usize,
}

/// A claim whose quote changed: it stays on the old version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrphanedClaim {
    pub claim: ClaimId,
    /// The version it stays on.
    pub version: u32,
    /// Its quote, as on that version.
    pub old_text: String,
    /// What the new version says in its place, and where (character offsets into the new
    /// text; empty when the words were deleted).
    pub new_text: String,
    pub new_start: usize,
    pub new_end: usize,
    /// A figure inside the quote changed: the new words are suggested as an `updates` link.
    pub figure_changed: bool,
}

/// The refresh of one article (or one new file).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleRefresh {
    /// The article (for a new file, the id it gets).
    pub article: ArticleId,
    pub title: String,
    /// The source path now (for a missing file, the path it had).
    pub path: String,
    /// The path it had, when the file was renamed.
    pub renamed_from: Option<String>,
    pub status: Status,
    /// The version number after the refresh.
    pub version: u32,
    /// What changed in the text, for a changed article.
    pub changes: Vec<Hunk>,
    pub moved: Vec<MovedClaim>,
    pub orphaned: Vec<OrphanedClaim>,
}

/// Everything a refresh does: the per-article outcome and the edit that applies it.
#[derive(Clone, Debug)]
pub struct RefreshPlan {
    pub articles: Vec<ArticleRefresh>,
    /// One batch for the whole refresh (empty when nothing changed).
    pub edit: Edit,
}

impl RefreshPlan {
    /// How many articles have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.articles.iter().filter(|a| a.status == status).count()
    }

    /// Every orphaned claim of the plan.
    pub fn orphaned(&self) -> impl Iterator<Item = &OrphanedClaim> {
        self.articles.iter().flat_map(|a| &a.orphaned)
    }
}

/// Plans the refresh of `project` from `fresh`, the source files read again (as an import
/// returns them; their ids are ignored). `read_at` dates the new versions.
pub fn plan(project: &Project, fresh: &[Article], read_at: &str) -> RefreshPlan {
    let matches = match_files(project, fresh);
    let mut out = Vec::new();
    let mut edits = Vec::new();
    // Ids for new files, after every id the project has.
    let mut new_ids = project.next_article_id()..;
    let matched: BTreeSet<ArticleId> = matches.iter().filter_map(|m| *m).collect();
    for (file, found) in fresh.iter().zip(&matches) {
        let Some(id) = *found else {
            let mut article = file.clone();
            article.id = new_ids.next().unwrap_or_default();
            out.push(ArticleRefresh {
                article: article.id,
                title: article.title.clone(),
                path: article.path.clone(),
                renamed_from: None,
                status: Status::New,
                version: 1,
                changes: Vec::new(),
                moved: Vec::new(),
                orphaned: Vec::new(),
            });
            edits.push(Edit::PutArticle(Box::new(article)));
            continue;
        };
        let Some(article) = project.article(id) else {
            continue;
        };
        let renamed_from = (article.path != file.path).then(|| article.path.clone());
        if renamed_from.is_some() {
            edits.push(Edit::SetArticlePath {
                id,
                path: file.path.clone(),
            });
        }
        let mut entry = ArticleRefresh {
            article: id,
            title: article.title.clone(),
            path: file.path.clone(),
            renamed_from,
            status: Status::Unchanged,
            version: project.current_version(id),
            changes: Vec::new(),
            moved: Vec::new(),
            orphaned: Vec::new(),
        };
        if article.text != file.text {
            entry.status = Status::Changed;
            entry.version += 1;
            new_version(project, article, file, read_at, &mut entry, &mut edits);
        }
        out.push(entry);
    }
    for a in project.articles() {
        if !matched.contains(&a.id) {
            out.push(ArticleRefresh {
                article: a.id,
                title: a.title.clone(),
                path: a.path.clone(),
                renamed_from: None,
                status: Status::Missing,
                version: project.current_version(a.id),
                changes: Vec::new(),
                moved: Vec::new(),
                orphaned: Vec::new(),
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    RefreshPlan {
        articles: out,
        edit: Edit::Batch(edits),
    }
}

/// The edits giving `article` the text of `file`, with its claims re-anchored.
fn new_version(
    project: &Project,
    article: &Article,
    file: &Article,
    read_at: &str,
    entry: &mut ArticleRefresh,
    edits: &mut Vec<Edit>,
) {
    let current = project.current_version(article.id);
    let diff = VersionDiff::new(&article.text, &file.text);
    let old = Indexed::new(&article.text);
    let new = Indexed::new(&file.text);
    let claims: Vec<_> = project
        .all_claims_in(article.id)
        .filter(|c| c.version.is_none())
        .collect();
    // Pin first: a new version may not replace text that claims lie on.
    for c in &claims {
        let mut pinned = (*c).clone();
        pinned.version = Some(current);
        edits.push(Edit::PutClaim(pinned));
    }
    edits.push(Edit::NewVersion {
        article: article.id,
        text: file.text.clone(),
        sha256: file.sha256.clone(),
        read_at: Some(read_at.to_owned()),
    });
    for c in claims {
        match reanchor(&old, &new, &diff, c.start, c.end, &c.quote) {
            Anchor::Moved { start, end } => {
                debug_assert_eq!(char_slice(&file.text, start, end), c.quote);
                entry.moved.push(MovedClaim {
                    claim: c.id,
                    quote: c.quote.clone(),
                    old_start: c.start,
                    new_start: start,
                });
                let mut moved = c.clone();
                moved.start = start;
                moved.end = end;
                moved.version = None;
                edits.push(Edit::PutClaim(moved));
            }
            Anchor::Orphaned {
                near_start,
                near_end,
            } => {
                let (new_start, new_end) = near_span(&file.text, near_start, near_end);
                let figure_changed = diff.hunks().iter().any(|h| {
                    h.kind == ChangeKind::Number && h.old_start < c.end && c.start < h.old_end
                });
                entry.orphaned.push(OrphanedClaim {
                    claim: c.id,
                    version: current,
                    old_text: c.quote.clone(),
                    new_text: char_slice(&file.text, new_start, new_end).to_owned(),
                    new_start,
                    new_end,
                    figure_changed,
                });
            }
        }
    }
    entry.changes = diff.hunks().to_vec();
}

/// For each fresh file, the article it is a new reading of, if any.
fn match_files(project: &Project, fresh: &[Article]) -> Vec<Option<ArticleId>> {
    let by_path: BTreeMap<&str, ArticleId> = project
        .articles()
        .iter()
        .map(|a| (a.path.as_str(), a.id))
        .collect();
    let mut taken = BTreeSet::new();
    let mut out: Vec<Option<ArticleId>> = fresh
        .iter()
        .map(|f| {
            let id = by_path.get(f.path.as_str()).copied();
            if let Some(id) = id {
                taken.insert(id);
            }
            id
        })
        .collect();
    // Renamed files: the same bytes, else the same title with mostly the same words.
    for (file, slot) in fresh.iter().zip(out.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let free = || project.articles().iter().filter(|a| !taken.contains(&a.id));
        let same_bytes = free().find(|a| !a.sha256.is_empty() && a.sha256 == file.sha256);
        let found = same_bytes.or_else(|| {
            free().find(|a| {
                !a.title.trim().is_empty()
                    && a.title == file.title
                    && similar::TextDiff::from_words(&a.text, &file.text).ratio()
                        >= RENAMED_SIMILARITY
            })
        });
        if let Some(a) = found {
            taken.insert(a.id);
            *slot = Some(a.id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, title: &str, text: &str) -> Article {
        let mut a = Article::in_memory(0, path, title, text);
        a.sha256 = format!("sha-of-{text}");
        a
    }

    fn project_with_claim(text: &str, quote: &str) -> Project {
        let mut a = file("a.txt", "Blast", text);
        a.id = 1;
        let mut p = Project::new(vec![a]);
        let s = text[..text.find(quote).expect("quote")].chars().count();
        let c = p
            .make_claim(1, s, s + quote.chars().count(), None)
            .expect("claim");
        p.apply(Edit::PutClaim(c)).expect("tag");
        p
    }

    #[test]
    fn unchanged_files_change_nothing() {
        let p = project_with_claim("At least 139 killed.", "139");
        let plan = plan(&p, &[file("a.txt", "Blast", "At least 139 killed.")], "t");
        assert_eq!(plan.articles[0].status, Status::Unchanged);
        assert!(plan.edit.is_empty());
    }

    #[test]
    fn a_changed_digit_orphans_the_claim_and_undo_restores_everything() {
        let mut p = project_with_claim("Intro.\n\nAt least 139 killed.", "139 killed");
        let before = p.clone();
        let fresh = [file("a.txt", "Blast", "Intro.\n\nAt least 143 killed.")];
        let plan = plan(&p, &fresh, "2026-01-02T00:00:00Z");
        let a = &plan.articles[0];
        assert_eq!(a.status, Status::Changed);
        assert_eq!(a.orphaned[0].old_text, "139 killed");
        assert_eq!(a.orphaned[0].new_text, "143 killed");
        assert!(a.orphaned[0].figure_changed);
        assert_eq!(a.changes[0].describe(), "killed: 139 → 143");
        let undo = p.apply(plan.edit).expect("applies");
        assert_eq!(
            p.article(1).map(|a| a.text.as_str()),
            Some(fresh[0].text.as_str())
        );
        assert_eq!(p.orphans().count(), 1);
        assert_eq!(p.claims_in(1).count(), 0);
        p.apply(undo).expect("undo");
        assert_eq!(p, before);
    }

    #[test]
    fn renamed_and_new_and_missing_files_are_told_apart() {
        let mut one = file("one.txt", "One", "The first text about a flood.");
        one.id = 1;
        let mut two = file("two.txt", "Two", "The second text.");
        two.id = 2;
        let p = Project::new(vec![one, two]);
        let fresh = [
            file("renamed.txt", "One", "The first text about a flood."),
            file("three.txt", "Three", "A third text."),
        ];
        let plan = plan(&p, &fresh, "t");
        let status: Vec<_> = plan
            .articles
            .iter()
            .map(|a| (a.path.as_str(), a.status, a.renamed_from.as_deref()))
            .collect();
        assert_eq!(
            status,
            [
                ("renamed.txt", Status::Unchanged, Some("one.txt")),
                ("three.txt", Status::New, None),
                ("two.txt", Status::Missing, None),
            ]
        );
    }
}
