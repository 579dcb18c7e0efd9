//! [`Project`]: everything a fact-check holds, and [`Project::apply`], the single place where
//! it changes.

use super::edit::{ArticleMeta, Edit, EditError};
use super::types::*;
use std::collections::{BTreeMap, BTreeSet};

/// A project in memory. Read freely; change only through [`Project::apply`].
///
/// Two projects are equal when they hold the same data; the revision counter and the
/// per-article index are bookkeeping and do not count.
#[derive(Clone, Debug, Default)]
pub struct Project {
    articles: Vec<Article>,
    categories: Vec<Category>,
    verdicts: Vec<VerdictLevel>,
    claims: BTreeMap<ClaimId, Claim>,
    links: BTreeMap<LinkId, Link>,
    dismissed: BTreeSet<String>,
    /// The researcher's story for an article, where they merged or split stories.
    story_overrides: BTreeMap<ArticleId, String>,
    /// Earlier texts of articles whose source changed, oldest first.
    versions: BTreeMap<ArticleId, Vec<ArticleVersion>>,
    /// When each article's current text was read, where known (set by a refresh).
    read_at: BTreeMap<ArticleId, String>,
    /// Project settings by key (see [`super::settings`]); blank values are never stored.
    settings: BTreeMap<String, String>,
    /// Claims per article, kept in step with `claims`.
    by_article: BTreeMap<ArticleId, BTreeSet<ClaimId>>,
    /// Which articles sit in which columns. Not part of undo.
    pub layout: Layout,
    /// Bumped by every applied edit, so views can tell when to rebuild caches.
    revision: u64,
}

impl PartialEq for Project {
    fn eq(&self, other: &Self) -> bool {
        self.articles == other.articles
            && self.categories == other.categories
            && self.verdicts == other.verdicts
            && self.claims == other.claims
            && self.links == other.links
            && self.dismissed == other.dismissed
            && self.story_overrides == other.story_overrides
            && self.versions == other.versions
            && self.read_at == other.read_at
            && self.settings == other.settings
            && self.layout == other.layout
    }
}

impl Project {
    /// The edits that delete a claim: it leaves every link it is in (a link left with fewer than
    /// two members goes), then the claim goes. Undoing the batch restores all of it.
    pub fn delete_claim_edits(&self, claim: ClaimId) -> Vec<Edit> {
        let mut edits = Vec::new();
        for link in self.links_of(claim) {
            let rest: Vec<ClaimId> = link
                .members
                .iter()
                .copied()
                .filter(|m| *m != claim)
                .collect();
            if rest.len() < 2 {
                edits.push(Edit::DeleteLink(link.id));
            } else {
                let mut l = link.clone();
                l.members = rest;
                edits.push(Edit::PutLink(l));
            }
        }
        edits.push(Edit::DeleteClaim(claim));
        edits
    }

    /// A new project holding `articles`, with the default codebook and verdict scale.
    pub fn new(articles: Vec<Article>) -> Project {
        Project::from_parts(
            articles,
            default_categories(),
            default_verdicts(),
            Vec::new(),
            Vec::new(),
            BTreeSet::new(),
        )
    }

    /// Assembles a project from stored parts (the store's loader uses this).
    pub fn from_parts(
        articles: Vec<Article>,
        categories: Vec<Category>,
        verdicts: Vec<VerdictLevel>,
        claims: Vec<Claim>,
        links: Vec<Link>,
        dismissed: BTreeSet<String>,
    ) -> Project {
        let mut p = Project {
            articles,
            categories,
            verdicts,
            dismissed,
            ..Project::default()
        };
        for c in claims {
            p.by_article.entry(c.article_id).or_default().insert(c.id);
            p.claims.insert(c.id, c);
        }
        p.links = links.into_iter().map(|l| (l.id, l)).collect();
        p
    }

    /// A project setting's value (see [`super::settings`]), `None` when unset.
    pub fn setting(&self, key: &str) -> Option<&str> {
        self.settings.get(key).map(String::as_str)
    }

    /// The stored settings (the store's loader restores them with this).
    pub fn with_settings(mut self, settings: BTreeMap<String, String>) -> Project {
        self.settings = settings;
        self
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn verdicts(&self) -> &[VerdictLevel] {
        &self.verdicts
    }

    /// All claims, by id.
    pub fn claims(&self) -> impl ExactSizeIterator<Item = &Claim> {
        self.claims.values()
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.get(&id)
    }

    /// The claims on the current text of one article, by id (orphaned claims, which lie on
    /// an earlier version, are left out: see [`Project::orphans`]).
    pub fn claims_in(&self, article: ArticleId) -> impl Iterator<Item = &Claim> {
        self.all_claims_in(article).filter(|c| !self.is_orphaned(c))
    }

    /// Every claim of one article, orphaned or not, by id.
    pub fn all_claims_in(&self, article: ArticleId) -> impl Iterator<Item = &Claim> {
        self.by_article
            .get(&article)
            .into_iter()
            .flatten()
            .filter_map(|id| self.claims.get(id))
    }

    /// All links, by id.
    pub fn links(&self) -> impl ExactSizeIterator<Item = &Link> {
        self.links.values()
    }

    pub fn link(&self, id: LinkId) -> Option<&Link> {
        self.links.get(&id)
    }

    /// The links a claim belongs to.
    pub fn links_of(&self, claim: ClaimId) -> impl Iterator<Item = &Link> {
        self.links
            .values()
            .filter(move |l| l.members.contains(&claim))
    }

    /// The researcher's story name for articles whose story they set by merging or splitting
    /// (see [`crate::analysis::stories`]); other articles are grouped automatically.
    pub fn story_overrides(&self) -> &BTreeMap<ArticleId, String> {
        &self.story_overrides
    }

    /// The same project with `overrides` as its stories (the store's loader uses this).
    pub fn with_story_overrides(mut self, overrides: BTreeMap<ArticleId, String>) -> Project {
        self.story_overrides = overrides;
        self
    }

    /// The same project with earlier article versions and current read times (the store's
    /// loader uses this).
    pub fn with_versions(
        mut self,
        versions: BTreeMap<ArticleId, Vec<ArticleVersion>>,
        read_at: BTreeMap<ArticleId, String>,
    ) -> Project {
        self.versions = versions;
        self.read_at = read_at;
        self
    }

    /// Earlier versions of an article, oldest first (empty when its source never changed).
    pub fn earlier_versions(&self, article: ArticleId) -> &[ArticleVersion] {
        self.versions.get(&article).map_or(&[], Vec::as_slice)
    }

    /// The number of the article's current version: 1 until a refresh changes it.
    pub fn current_version(&self, article: ArticleId) -> u32 {
        self.earlier_versions(article).len() as u32 + 1
    }

    /// When the article's current text was read, if a refresh read it.
    pub fn read_at(&self, article: ArticleId) -> Option<&str> {
        self.read_at.get(&article).map(String::as_str)
    }

    /// Version `v` of an article as it was read: earlier versions from the history, the
    /// current one from the article itself.
    pub fn version(&self, article: ArticleId, v: u32) -> Option<ArticleVersion> {
        let a = self.article(article)?;
        if v == self.current_version(article) {
            return Some(ArticleVersion {
                version: v,
                text: a.text.clone(),
                sha256: a.sha256.clone(),
                read_at: self.read_at(article).map(str::to_owned),
            });
        }
        self.earlier_versions(article)
            .iter()
            .find(|e| e.version == v)
            .cloned()
    }

    /// The text a claim's offsets refer to: its pinned version's, or the article's.
    pub fn text_of(&self, claim: &Claim) -> Option<&str> {
        let a = self.article(claim.article_id)?;
        match claim.version {
            Some(v) if v != self.current_version(claim.article_id) => self
                .earlier_versions(claim.article_id)
                .iter()
                .find(|e| e.version == v)
                .map(|e| e.text.as_str()),
            _ => Some(&a.text),
        }
    }

    /// True when the claim lies on an earlier version of its article (a refresh changed its
    /// words), so it is not shown on the current text.
    pub fn is_orphaned(&self, claim: &Claim) -> bool {
        claim
            .version
            .is_some_and(|v| v < self.current_version(claim.article_id))
    }

    /// The orphaned claims of all articles, by id.
    pub fn orphans(&self) -> impl Iterator<Item = &Claim> {
        self.claims.values().filter(|c| self.is_orphaned(c))
    }

    /// An id no article has.
    pub fn next_article_id(&self) -> ArticleId {
        self.articles
            .iter()
            .map(|a| a.id)
            .max()
            .map_or(1, |k| k + 1)
    }

    /// Keys of dismissed conflict suggestions.
    pub fn dismissed(&self) -> &BTreeSet<String> {
        &self.dismissed
    }

    /// Changes with every applied edit.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The same project with a revision past `earlier`, so views that cached an earlier
    /// state of the project it replaces rebuild (a shared project reloaded from the server).
    pub fn after_revision(mut self, earlier: u64) -> Project {
        self.revision = self.revision.max(earlier) + 1;
        self
    }

    /// An id no claim has.
    pub fn next_claim_id(&self) -> ClaimId {
        self.claims.keys().next_back().map_or(1, |k| k + 1)
    }

    /// An id no link has.
    pub fn next_link_id(&self) -> LinkId {
        self.links.keys().next_back().map_or(1, |k| k + 1)
    }

    /// An id no category has.
    pub fn next_category_id(&self) -> CategoryId {
        self.categories
            .iter()
            .map(|c| c.id)
            .max()
            .map_or(1, |k| k + 1)
    }

    /// Builds a claim over `start..end` of an article, taking the quote from its text.
    pub fn make_claim(
        &self,
        article_id: ArticleId,
        start: usize,
        end: usize,
        category_id: Option<CategoryId>,
    ) -> Result<Claim, EditError> {
        let article = self
            .article(article_id)
            .ok_or(EditError::NoArticle(article_id))?;
        let len = article.char_len();
        if start >= end || end > len {
            return Err(EditError::BadRange { start, end, len });
        }
        Ok(Claim {
            id: self.next_claim_id(),
            article_id,
            start,
            end,
            quote: char_slice(&article.text, start, end).to_owned(),
            category_id,
            verdict: None,
            attribution: None,
            version: None,
            note: String::new(),
            author: None,
            edited_by: None,
        })
    }

    /// Checks an edit without applying it.
    pub fn validate(&self, edit: &Edit) -> Result<(), EditError> {
        self.clone().apply(edit.clone()).map(|_| ())
    }

    /// Applies an edit and returns its inverse. On error nothing changed: a batch that fails
    /// halfway is rolled back.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            for inv in inverses.into_iter().rev() {
                                // Inverses of edits that just succeeded always apply.
                                let _ = self.apply(inv);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
            Edit::PutClaim(claim) => self.put_claim(claim)?,
            Edit::SetSetting { key, value } => {
                let value = value.filter(|v| !v.trim().is_empty());
                let old = match value {
                    Some(v) => self.settings.insert(key.clone(), v),
                    None => self.settings.remove(&key),
                };
                Edit::SetSetting { key, value: old }
            }
            Edit::DeleteClaim(id) => {
                if let Some(link) = self.links.values().find(|l| l.members.contains(&id)) {
                    return Err(EditError::ClaimInLink(id, link.id));
                }
                let old = self.claims.remove(&id).ok_or(EditError::NoClaim(id))?;
                if let Some(set) = self.by_article.get_mut(&old.article_id) {
                    set.remove(&id);
                }
                Edit::PutClaim(old)
            }
            Edit::PutCategory(cat) => self.put_category(cat)?,
            Edit::DeleteCategory(id) => {
                if self.claims.values().any(|c| c.category_id == Some(id)) {
                    return Err(EditError::CategoryInUse(id));
                }
                let pos = self
                    .categories
                    .iter()
                    .position(|c| c.id == id)
                    .ok_or(EditError::NoCategory(id))?;
                Edit::PutCategory(self.categories.remove(pos))
            }
            Edit::PutLink(link) => {
                let distinct: BTreeSet<_> = link.members.iter().collect();
                if distinct.len() < 2 || distinct.len() != link.members.len() {
                    return Err(EditError::LinkTooSmall);
                }
                if let Some(missing) = link.members.iter().find(|m| !self.claims.contains_key(m)) {
                    return Err(EditError::NoClaim(*missing));
                }
                match self.links.insert(link.id, link.clone()) {
                    Some(old) => Edit::PutLink(old),
                    None => Edit::DeleteLink(link.id),
                }
            }
            Edit::DeleteLink(id) => {
                Edit::PutLink(self.links.remove(&id).ok_or(EditError::NoLink(id))?)
            }
            Edit::SetVerdicts(levels) => {
                Edit::SetVerdicts(std::mem::replace(&mut self.verdicts, levels))
            }
            Edit::SetDismissed { key, dismissed } => {
                let was = if dismissed {
                    !self.dismissed.insert(key.clone())
                } else {
                    self.dismissed.remove(&key)
                };
                Edit::SetDismissed {
                    key,
                    dismissed: was,
                }
            }
            Edit::SetStories(changes) => {
                if let Some((missing, _)) =
                    changes.iter().find(|(id, _)| self.article(*id).is_none())
                {
                    return Err(EditError::NoArticle(*missing));
                }
                // Undo restores each article's earlier story, in reverse order.
                let mut before: Vec<(ArticleId, Option<String>)> = changes
                    .into_iter()
                    .map(|(id, story)| {
                        let old = match story {
                            Some(s) => self.story_overrides.insert(id, s),
                            None => self.story_overrides.remove(&id),
                        };
                        (id, old)
                    })
                    .collect();
                before.reverse();
                Edit::SetStories(before)
            }
            Edit::PutArticle(article) => {
                if self.article(article.id).is_some() {
                    return Err(EditError::ArticleExists(article.id));
                }
                let id = article.id;
                self.articles.push(*article);
                Edit::DeleteArticle(id)
            }
            Edit::DeleteArticle(id) => {
                let pos = self
                    .articles
                    .iter()
                    .position(|a| a.id == id)
                    .ok_or(EditError::NoArticle(id))?;
                if self.all_claims_in(id).next().is_some()
                    || self.versions.contains_key(&id)
                    || self.story_overrides.contains_key(&id)
                {
                    return Err(EditError::ArticleInUse(id));
                }
                // The layout is not undone with edits; it just forgets the article.
                self.layout.columns.retain(|c| *c != id);
                self.read_at.remove(&id);
                Edit::PutArticle(Box::new(self.articles.remove(pos)))
            }
            Edit::SetArticlePath { id, path } => {
                let a = self
                    .articles
                    .iter_mut()
                    .find(|a| a.id == id)
                    .ok_or(EditError::NoArticle(id))?;
                let old = std::mem::replace(&mut a.path, path);
                Edit::SetArticlePath { id, path: old }
            }
            Edit::NewVersion {
                article,
                text,
                sha256,
                read_at,
            } => {
                let current = self.current_version(article);
                if self.all_claims_in(article).any(|c| c.version.is_none()) {
                    return Err(EditError::ClaimsOnVersion(article));
                }
                let a = self
                    .articles
                    .iter_mut()
                    .find(|a| a.id == article)
                    .ok_or(EditError::NoArticle(article))?;
                let earlier = ArticleVersion {
                    version: current,
                    text: std::mem::replace(&mut a.text, text),
                    sha256: std::mem::replace(&mut a.sha256, sha256),
                    read_at: match read_at {
                        Some(t) => self.read_at.insert(article, t),
                        None => self.read_at.remove(&article),
                    },
                };
                self.versions.entry(article).or_default().push(earlier);
                Edit::DropVersion(article)
            }
            Edit::DropVersion(article) => {
                let current = self.current_version(article);
                if current == 1 {
                    return Err(EditError::NoVersion(article, 0));
                }
                if self
                    .all_claims_in(article)
                    .any(|c| c.version.is_none_or(|v| v == current))
                {
                    return Err(EditError::ClaimsOnVersion(article));
                }
                let a = self
                    .articles
                    .iter_mut()
                    .find(|a| a.id == article)
                    .ok_or(EditError::NoArticle(article))?;
                let list = self.versions.entry(article).or_default();
                let Some(earlier) = list.pop() else {
                    return Err(EditError::NoVersion(article, current - 1));
                };
                if list.is_empty() {
                    self.versions.remove(&article);
                }
                let read_at = match earlier.read_at {
                    Some(t) => self.read_at.insert(article, t),
                    None => self.read_at.remove(&article),
                };
                Edit::NewVersion {
                    article,
                    text: std::mem::replace(&mut a.text, earlier.text),
                    sha256: std::mem::replace(&mut a.sha256, earlier.sha256),
                    read_at,
                }
            }
            Edit::SetArticleMeta(meta) => {
                if meta.title.trim().is_empty() {
                    return Err(EditError::EmptyTitle);
                }
                let a = self
                    .articles
                    .iter_mut()
                    .find(|a| a.id == meta.id)
                    .ok_or(EditError::NoArticle(meta.id))?;
                let old = ArticleMeta::of(a);
                a.title = meta.title;
                a.outlet = meta.outlet;
                a.published = meta.published;
                a.author = meta.author;
                a.url = meta.url;
                Edit::SetArticleMeta(old)
            }
        };
        self.revision += 1;
        Ok(inverse)
    }

    fn put_claim(&mut self, claim: Claim) -> Result<Edit, EditError> {
        if let Some(v) = claim.version
            && (v == 0 || v > self.current_version(claim.article_id))
        {
            return Err(EditError::NoVersion(claim.article_id, v));
        }
        let text = self
            .text_of(&claim)
            .ok_or(EditError::NoArticle(claim.article_id))?;
        let len = text.chars().count();
        if claim.start >= claim.end || claim.end > len {
            return Err(EditError::BadRange {
                start: claim.start,
                end: claim.end,
                len,
            });
        }
        if char_slice(text, claim.start, claim.end) != claim.quote {
            return Err(EditError::QuoteMismatch {
                start: claim.start,
                end: claim.end,
            });
        }
        if let Some(cat) = claim.category_id
            && self.category(cat).is_none()
        {
            return Err(EditError::NoCategory(cat));
        }
        let id = claim.id;
        self.by_article
            .entry(claim.article_id)
            .or_default()
            .insert(id);
        Ok(match self.claims.insert(id, claim) {
            Some(old) => {
                if old.article_id != self.claims[&id].article_id
                    && let Some(set) = self.by_article.get_mut(&old.article_id)
                {
                    set.remove(&id);
                }
                Edit::PutClaim(old)
            }
            None => Edit::DeleteClaim(id),
        })
    }

    /// A category keeps its identity when changed; a new one without one gets its derived uid.
    fn put_category(&mut self, mut cat: Category) -> Result<Edit, EditError> {
        match self.category(cat.id) {
            Some(old) if !old.uid.is_empty() => cat.uid.clone_from(&old.uid),
            _ if cat.uid.is_empty() => cat.uid = Category::derived_uid(cat.id, &cat.name),
            _ => {}
        }
        if cat.name.trim().is_empty() {
            return Err(EditError::EmptyName);
        }
        if let Some(key) = &cat.shortcut
            && self
                .categories
                .iter()
                .any(|c| c.id != cat.id && c.shortcut.as_ref() == Some(key))
        {
            return Err(EditError::ShortcutTaken(key.clone()));
        }
        Ok(match self.categories.iter_mut().find(|c| c.id == cat.id) {
            Some(slot) => Edit::PutCategory(std::mem::replace(slot, cat)),
            None => {
                let id = cat.id;
                self.categories.push(cat);
                Edit::DeleteCategory(id)
            }
        })
    }
}

#[cfg(test)]
#[path = "project_tests.rs"]
mod tests;
