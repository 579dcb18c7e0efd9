//! Turning spans of articles into claims and links: the claim that already covers a span, the
//! category named by a word, and the one edit that tags spans and links them. Shared by the
//! capabilities that suggest things to tag (conflicts, quotes).

use crate::model::{ArticleId, CategoryId, ClaimId, Edit, Link, LinkKind, Project, Resolution};

/// The claim that covers `start..end` of an article most closely, if any.
pub fn covering_claim(
    project: &Project,
    article_id: ArticleId,
    start: usize,
    end: usize,
) -> Option<ClaimId> {
    project
        .claims_in(article_id)
        .filter(|c| c.start <= start && end <= c.end)
        .min_by_key(|c| (c.end - c.start, c.id))
        .map(|c| c.id)
}

/// The category named `name` (ignoring case), else the first in the codebook.
pub fn category_named(project: &Project, name: &str) -> Option<CategoryId> {
    project
        .categories()
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name))
        .or(project.categories().first())
        .map(|c| c.id)
}

/// A range of an article that should be a claim, and who it is attributed to.
pub struct Span {
    pub article_id: ArticleId,
    pub start: usize,
    pub end: usize,
    pub attribution: Option<String>,
}

/// The one edit that makes each span a claim of `category` (reusing the claim that already
/// covers it most closely) and links them as `kind`. `None` when a span cannot be a claim or
/// fewer than two distinct claims would be linked.
pub fn tag_and_link(
    project: &Project,
    spans: &[Span],
    category: Option<CategoryId>,
    kind: LinkKind,
    note: String,
) -> Option<Edit> {
    let mut edits = Vec::new();
    let mut members: Vec<ClaimId> = Vec::new();
    let mut next = project.next_claim_id();
    for span in spans {
        let id = match covering_claim(project, span.article_id, span.start, span.end) {
            Some(id) => id,
            None => {
                let mut claim = project
                    .make_claim(span.article_id, span.start, span.end, category)
                    .ok()?;
                let id = next;
                next += 1;
                claim.id = id;
                claim.attribution.clone_from(&span.attribution);
                edits.push(Edit::PutClaim(claim));
                id
            }
        };
        if !members.contains(&id) {
            members.push(id);
        }
    }
    if members.len() < 2 {
        return None;
    }
    edits.push(Edit::PutLink(Link {
        id: project.next_link_id(),
        kind,
        note,
        resolution: Resolution::Open,
        members,
        author: None,
        edited_by: None,
    }));
    Some(Edit::Batch(edits))
}
