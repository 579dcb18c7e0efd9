//! What a shared project needs to know about an [`Edit`] to merge researchers' work: which
//! things it touches ([`Edit::targets`]), which things it created ([`Edit::created`], read
//! from its inverse), and the same edit with some ids changed ([`Edit::renumbered`]), for
//! when two researchers created a claim (or link, category, article) under the same id at
//! the same time and one of them has to move to a free id.

use super::edit::Edit;
use super::types::{ArticleId, CategoryId, ClaimId, LinkId, Resolution};
use std::collections::{BTreeMap, BTreeSet};

/// One thing an edit changes. Two edits conflict when they share a target.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Article(ArticleId),
    Claim(ClaimId),
    Link(LinkId),
    Category(CategoryId),
    /// The verdict scale as a whole.
    Verdicts,
    /// One dismissed conflict suggestion, by its key.
    Dismissed(String),
    /// One project setting, by its key.
    Setting(String),
}

impl Target {
    /// "claim 12", "the verdict scale": for messages.
    pub fn describe(&self) -> String {
        match self {
            Target::Article(id) => format!("article {id}"),
            Target::Claim(id) => format!("claim {id}"),
            Target::Link(id) => format!("link {id}"),
            Target::Category(id) => format!("category {id}"),
            Target::Verdicts => "the verdict scale".into(),
            Target::Dismissed(_) => "a dismissed suggestion".into(),
            Target::Setting(key) => format!("the setting {key}"),
        }
    }
}

/// New ids for things an edit created, by kind. Ids not in the map stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdMap {
    pub articles: BTreeMap<ArticleId, ArticleId>,
    pub claims: BTreeMap<ClaimId, ClaimId>,
    pub links: BTreeMap<LinkId, LinkId>,
    pub categories: BTreeMap<CategoryId, CategoryId>,
}

impl IdMap {
    /// True when no id moves.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
            && self.claims.is_empty()
            && self.links.is_empty()
            && self.categories.is_empty()
    }

    /// Moves `target` (an article, claim, link or category) to `id`.
    pub fn insert(&mut self, target: &Target, id: i64) {
        match target {
            Target::Article(old) => self.articles.insert(*old, id),
            Target::Claim(old) => self.claims.insert(*old, id),
            Target::Link(old) => self.links.insert(*old, id),
            Target::Category(old) => self.categories.insert(*old, id),
            Target::Verdicts | Target::Dismissed(_) | Target::Setting(_) => None,
        };
    }

    fn article(&self, id: ArticleId) -> ArticleId {
        *self.articles.get(&id).unwrap_or(&id)
    }
    fn claim(&self, id: ClaimId) -> ClaimId {
        *self.claims.get(&id).unwrap_or(&id)
    }
    fn link(&self, id: LinkId) -> LinkId {
        *self.links.get(&id).unwrap_or(&id)
    }
    fn category(&self, id: CategoryId) -> CategoryId {
        *self.categories.get(&id).unwrap_or(&id)
    }
}

impl Edit {
    /// Everything this edit changes.
    pub fn targets(&self) -> BTreeSet<Target> {
        let mut out = BTreeSet::new();
        self.collect_targets(&mut out);
        out
    }

    fn collect_targets(&self, out: &mut BTreeSet<Target>) {
        match self {
            Edit::PutClaim(c) => {
                out.insert(Target::Claim(c.id));
            }
            Edit::DeleteClaim(id) => {
                out.insert(Target::Claim(*id));
            }
            Edit::PutCategory(c) => {
                out.insert(Target::Category(c.id));
            }
            Edit::DeleteCategory(id) => {
                out.insert(Target::Category(*id));
            }
            Edit::PutLink(l) => {
                out.insert(Target::Link(l.id));
            }
            Edit::DeleteLink(id) => {
                out.insert(Target::Link(*id));
            }
            Edit::SetVerdicts(_) => {
                out.insert(Target::Verdicts);
            }
            Edit::SetDismissed { key, .. } => {
                out.insert(Target::Dismissed(key.clone()));
            }
            Edit::SetSetting { key, .. } => {
                out.insert(Target::Setting(key.clone()));
            }
            Edit::SetStories(changes) => {
                out.extend(changes.iter().map(|(id, _)| Target::Article(*id)));
            }
            Edit::SetArticleMeta(m) => {
                out.insert(Target::Article(m.id));
            }
            Edit::PutArticle(a) => {
                out.insert(Target::Article(a.id));
            }
            Edit::DeleteArticle(id)
            | Edit::SetArticlePath { id, .. }
            | Edit::NewVersion { article: id, .. }
            | Edit::DropVersion(id) => {
                out.insert(Target::Article(*id));
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| e.collect_targets(out)),
        }
    }

    /// The things an edit created, read from its inverse as [`super::Project::apply`]
    /// returned it: an inverse that deletes a claim means the edit made that claim.
    pub fn created(inverse: &Edit) -> Vec<Target> {
        match inverse {
            Edit::DeleteClaim(id) => vec![Target::Claim(*id)],
            Edit::DeleteLink(id) => vec![Target::Link(*id)],
            Edit::DeleteCategory(id) => vec![Target::Category(*id)],
            Edit::DeleteArticle(id) => vec![Target::Article(*id)],
            Edit::Batch(edits) => edits.iter().flat_map(Edit::created).collect(),
            _ => Vec::new(),
        }
    }

    /// The same edit with the ids in `map` replaced, wherever they appear (a claim's own id,
    /// its article and category, a link's members and standing claim, …).
    pub fn renumbered(&self, map: &IdMap) -> Edit {
        if map.is_empty() {
            return self.clone();
        }
        match self {
            Edit::PutClaim(c) => {
                let mut c = c.clone();
                c.id = map.claim(c.id);
                c.article_id = map.article(c.article_id);
                c.category_id = c.category_id.map(|k| map.category(k));
                Edit::PutClaim(c)
            }
            Edit::DeleteClaim(id) => Edit::DeleteClaim(map.claim(*id)),
            Edit::PutCategory(c) => {
                let mut c = c.clone();
                c.id = map.category(c.id);
                Edit::PutCategory(c)
            }
            Edit::DeleteCategory(id) => Edit::DeleteCategory(map.category(*id)),
            Edit::PutLink(l) => {
                let mut l = l.clone();
                l.id = map.link(l.id);
                l.members = l.members.iter().map(|m| map.claim(*m)).collect();
                if let Resolution::Resolved {
                    standing: Some(ref mut s),
                } = l.resolution
                {
                    *s = map.claim(*s);
                }
                Edit::PutLink(l)
            }
            Edit::DeleteLink(id) => Edit::DeleteLink(map.link(*id)),
            Edit::SetVerdicts(_) | Edit::SetDismissed { .. } | Edit::SetSetting { .. } => {
                self.clone()
            }
            Edit::SetStories(changes) => Edit::SetStories(
                changes
                    .iter()
                    .map(|(id, s)| (map.article(*id), s.clone()))
                    .collect(),
            ),
            Edit::SetArticleMeta(m) => {
                let mut m = m.clone();
                m.id = map.article(m.id);
                Edit::SetArticleMeta(m)
            }
            Edit::PutArticle(a) => {
                let mut a = a.clone();
                a.id = map.article(a.id);
                Edit::PutArticle(a)
            }
            Edit::DeleteArticle(id) => Edit::DeleteArticle(map.article(*id)),
            Edit::SetArticlePath { id, path } => Edit::SetArticlePath {
                id: map.article(*id),
                path: path.clone(),
            },
            Edit::NewVersion {
                article,
                text,
                sha256,
                read_at,
            } => Edit::NewVersion {
                article: map.article(*article),
                text: text.clone(),
                sha256: sha256.clone(),
                read_at: read_at.clone(),
            },
            Edit::DropVersion(id) => Edit::DropVersion(map.article(*id)),
            Edit::Batch(edits) => Edit::Batch(edits.iter().map(|e| e.renumbered(map)).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Link, LinkKind, Project};

    fn project() -> Project {
        Project::new(vec![
            Article::in_memory(1, "a.txt", "A", "Over 139 people died."),
            Article::in_memory(2, "b.txt", "B", "The toll reached 133."),
        ])
    }

    #[test]
    fn a_renumbered_claim_and_its_link_follow_the_new_id_and_still_apply() {
        let mut p = project();
        let a = p.make_claim(1, 5, 8, Some(2)).expect("a");
        let b = p.make_claim(2, 17, 20, None).expect("b");
        let b = crate::model::Claim { id: 2, ..b };
        let link = Link {
            id: 1,
            kind: LinkKind::Contradicts,
            note: String::new(),
            resolution: Resolution::Resolved { standing: Some(2) },
            members: vec![1, 2],
            author: None,
            edited_by: None,
        };
        let edit = Edit::Batch(vec![
            Edit::PutClaim(a),
            Edit::PutClaim(b),
            Edit::PutLink(link),
        ]);
        let mut map = IdMap::default();
        map.insert(&Target::Claim(2), 7);
        map.insert(&Target::Link(1), 3);
        let moved = edit.renumbered(&map);
        let inverse = p.apply(moved).expect("applies");
        assert_eq!(p.claim(7).map(|c| c.quote.as_str()), Some("133"));
        assert!(p.claim(2).is_none());
        let l = p.link(3).expect("link moved");
        assert_eq!(l.members, [1, 7]);
        assert_eq!(l.resolution, Resolution::Resolved { standing: Some(7) });
        let mut created = Edit::created(&inverse);
        created.sort();
        assert_eq!(
            created,
            [Target::Claim(1), Target::Claim(7), Target::Link(3)]
        );
        assert_eq!(
            inverse.targets(),
            [Target::Claim(1), Target::Claim(7), Target::Link(3)]
                .into_iter()
                .collect()
        );
    }

    #[test]
    fn changing_a_claim_does_not_count_as_creating_it() {
        let mut p = project();
        let a = p.make_claim(1, 5, 8, None).expect("a");
        p.apply(Edit::PutClaim(a.clone())).expect("tag");
        let mut noted = a;
        noted.note = "checked".into();
        let inverse = p.apply(Edit::PutClaim(noted)).expect("note");
        assert!(Edit::created(&inverse).is_empty());
    }
}
