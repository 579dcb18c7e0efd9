//! [`Edit`]: the one way a project changes. Each edit is small and has an exact inverse, so
//! undo is "apply the inverse" and the store writes each edit in one transaction.

use super::types::*;
use serde::{Deserialize, Serialize};

/// A change to a [`super::Project`]. `Put*` inserts or replaces by id; `Delete*` removes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    PutClaim(Claim),
    DeleteClaim(ClaimId),
    PutCategory(Category),
    DeleteCategory(CategoryId),
    PutLink(Link),
    DeleteLink(LinkId),
    SetVerdicts(Vec<VerdictLevel>),
    /// Marks a conflict suggestion (by its stable key) as dismissed or not.
    SetDismissed {
        key: String,
        dismissed: bool,
    },
    /// Sets (`Some`) or clears (`None`) the researcher's story for each article: merging two
    /// stories gives all their articles one name; splitting an article off gives it its own.
    SetStories(Vec<(ArticleId, Option<String>)>),
    /// Corrects what the import read about an article (its text never changes).
    SetArticleMeta(ArticleMeta),
    /// Adds an article read from a new source file (a refresh). Refused when the id is taken.
    PutArticle(Box<Article>),
    /// Removes an article that has no claims, no earlier versions and no story of its own
    /// (the undo of [`Edit::PutArticle`]).
    DeleteArticle(ArticleId),
    /// Moves an article's source path (its file was renamed).
    SetArticlePath {
        id: ArticleId,
        path: String,
    },
    /// Makes `text` the article's current version: the current text, hash and read time are
    /// kept as an earlier version. Refused while a claim of the article lies on the current
    /// text (pin claims to the current version first, then move them onto the new text).
    NewVersion {
        article: ArticleId,
        text: String,
        sha256: String,
        /// When the new text was read, ISO 8601.
        read_at: Option<String>,
    },
    /// Drops the current version and makes the latest earlier one current again (the undo of
    /// [`Edit::NewVersion`]). Refused while a claim lies on the version dropped.
    DropVersion(ArticleId),
    /// Sets (`Some`) or clears (`None`) a project setting (see [`super::settings`]).
    SetSetting {
        key: String,
        value: Option<String>,
    },
    /// Several edits applied in order, undone in reverse, as one step.
    Batch(Vec<Edit>),
}

/// The parts of an [`Article`] a user may correct: everything but its path, text and hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time, or `--MM-DD` when the year is unknown.
    pub published: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

impl ArticleMeta {
    /// The correctable parts of `a` as they are now.
    pub fn of(a: &Article) -> ArticleMeta {
        ArticleMeta {
            id: a.id,
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.clone(),
            author: a.author.clone(),
            url: a.url.clone(),
        }
    }
}

/// Why an edit was refused. The project is unchanged when one is returned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    #[error("article {0} does not exist")]
    NoArticle(ArticleId),
    #[error("claim {0} does not exist")]
    NoClaim(ClaimId),
    #[error("category {0} does not exist")]
    NoCategory(CategoryId),
    #[error("link {0} does not exist")]
    NoLink(LinkId),
    #[error("the range {start}..{end} is outside the article ({len} characters)")]
    BadRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the quote does not match the article text at {start}..{end}")]
    QuoteMismatch { start: usize, end: usize },
    #[error("claim {0} is still a member of link {1}; remove it from the link first")]
    ClaimInLink(ClaimId, LinkId),
    #[error("category {0} is still used by claims")]
    CategoryInUse(CategoryId),
    #[error("a link needs at least two distinct claims")]
    LinkTooSmall,
    #[error("the shortcut {0} is already used by another category")]
    ShortcutTaken(String),
    #[error("a category needs a name")]
    EmptyName,
    #[error("an article needs a title")]
    EmptyTitle,
    #[error("article {0} already exists")]
    ArticleExists(ArticleId),
    #[error("article {0} still has claims, earlier versions or a story")]
    ArticleInUse(ArticleId),
    #[error("article {0} has no version {1}")]
    NoVersion(ArticleId, u32),
    #[error("claims of article {0} still lie on the version being replaced")]
    ClaimsOnVersion(ArticleId),
}

impl Edit {
    /// A short description for the Edit menu ("Undo Tag claim").
    pub fn label(&self) -> String {
        match self {
            Edit::PutClaim(_) => "Change claim".into(),
            Edit::DeleteClaim(_) => "Delete claim".into(),
            Edit::PutCategory(_) => "Change category".into(),
            Edit::DeleteCategory(_) => "Remove category".into(),
            Edit::PutLink(_) => "Change link".into(),
            Edit::DeleteLink(_) => "Remove link".into(),
            Edit::SetVerdicts(_) => "Change verdict scale".into(),
            Edit::SetDismissed { dismissed, .. } => {
                if *dismissed {
                    "Dismiss suggestion".into()
                } else {
                    "Restore suggestion".into()
                }
            }
            Edit::SetStories(_) => "Change stories".into(),
            Edit::SetArticleMeta(_) => "Edit article details".into(),
            Edit::PutArticle(_) => "Add article".into(),
            Edit::DeleteArticle(_) => "Remove article".into(),
            Edit::SetArticlePath { .. } => "Move article".into(),
            Edit::NewVersion { .. } | Edit::DropVersion(_) => "Refresh from sources".into(),
            Edit::SetSetting { .. } => "Change project settings".into(),
            // A refresh starts by pinning claims; name it for what it does.
            Edit::Batch(edits) => edits
                .iter()
                .find(|e| matches!(e, Edit::NewVersion { .. } | Edit::DropVersion(_)))
                .or(edits.first())
                .map_or_else(|| "Change".into(), Edit::label),
        }
    }

    /// True when applying this edit changes nothing (an empty batch).
    pub fn is_empty(&self) -> bool {
        matches!(self, Edit::Batch(e) if e.iter().all(Edit::is_empty))
    }
}
