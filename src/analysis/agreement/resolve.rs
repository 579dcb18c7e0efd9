//! Resolving a disagreement in the open project: *keep mine* records the decision (so the
//! place no longer counts as open), *take theirs* makes the project's claims there the other
//! coder's — changing, removing or adding claims, and adding a category the project lacks.
//! Each is one [`Edit`], undone as one step.

use super::Disagreement;
use crate::model::{ArticleId, Category, CategoryId, Claim, Edit, Project};

/// Why the other coder's claims could not be taken.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ResolveError {
    #[error("a claim of this disagreement ({0}) is no longer in the project; compare again")]
    GoneClaim(String),
    #[error("the other coder's claim does not fit this project's article: {0}")]
    Refused(String),
}

/// The edit that keeps the open project's claims at this place: it marks the disagreement
/// decided (by its key, which changes when either side does).
pub fn keep_mine(d: &Disagreement) -> Edit {
    Edit::SetDismissed {
        key: d.key.clone(),
        dismissed: true,
    }
}

/// The edit that makes `mine`'s claims at this place those of `theirs`: claims paired in
/// reading order take the other's span, category and verdict (keeping their own id, links and
/// note, or taking the other's note when they have none); claims left over in `mine` go (out
/// of their links too), claims left over in `theirs` are added. `my_side` and `their_side` are
/// the coders' places in [`Disagreement::sides`]; `article` is the article's id in `mine`.
pub fn take_theirs(
    mine: &Project,
    article: ArticleId,
    theirs: &Project,
    d: &Disagreement,
    my_side: usize,
    their_side: usize,
) -> Result<Edit, ResolveError> {
    let side = |k: usize| d.sides.get(k).cloned().unwrap_or_default();
    let (mut my_claims, mut their_claims) = (side(my_side), side(their_side));
    my_claims.sort_by_key(|s| (s.start, s.end));
    their_claims.sort_by_key(|s| (s.start, s.end));
    let my_claims: Vec<Claim> = my_claims
        .iter()
        .map(|s| {
            mine.claim(s.claim)
                .cloned()
                .ok_or_else(|| ResolveError::GoneClaim(format!("“{}” in this project", s.quote)))
        })
        .collect::<Result<_, _>>()?;
    let their_claims: Vec<Claim> = their_claims
        .iter()
        .map(|s| {
            theirs
                .claim(s.claim)
                .cloned()
                .ok_or_else(|| ResolveError::GoneClaim(format!("“{}” in the other", s.quote)))
        })
        .collect::<Result<_, _>>()?;

    // Work on a copy, so each step is computed against the project as the steps before left
    // it (two claims going from one link, a category added before a claim uses it).
    let mut scratch = mine.clone();
    let mut edits = Vec::new();
    let mut push = |scratch: &mut Project, e: Edit| -> Result<(), ResolveError> {
        scratch
            .apply(e.clone())
            .map_err(|err| ResolveError::Refused(err.to_string()))?;
        edits.push(e);
        Ok(())
    };
    let category_of =
        |scratch: &Project, theirs_cat: Option<CategoryId>| -> (Option<CategoryId>, Option<Edit>) {
            let Some(cat) = theirs_cat.and_then(|id| theirs.category(id)) else {
                return (None, None);
            };
            if let Some(c) = scratch.categories().iter().find(|c| c.name == cat.name) {
                return (Some(c.id), None);
            }
            // A category the project lacks comes with its name and colour; its shortcut key may
            // be taken here, so it gets none.
            let new = Category {
                id: scratch.next_category_id(),
                name: cat.name.clone(),
                color: cat.color.clone(),
                shortcut: None,
            };
            (Some(new.id), Some(Edit::PutCategory(new)))
        };

    for (k, theirs_claim) in their_claims.iter().enumerate() {
        let (category_id, add_category) = category_of(&scratch, theirs_claim.category_id);
        if let Some(e) = add_category {
            push(&mut scratch, e)?;
        }
        let claim = match my_claims.get(k) {
            Some(own) => Claim {
                start: theirs_claim.start,
                end: theirs_claim.end,
                quote: theirs_claim.quote.clone(),
                category_id,
                verdict: theirs_claim.verdict.clone(),
                note: if own.note.is_empty() {
                    theirs_claim.note.clone()
                } else {
                    own.note.clone()
                },
                attribution: own
                    .attribution
                    .clone()
                    .or_else(|| theirs_claim.attribution.clone()),
                ..own.clone()
            },
            None => Claim {
                id: scratch.next_claim_id(),
                article_id: article,
                version: None,
                category_id,
                ..theirs_claim.clone()
            },
        };
        push(&mut scratch, Edit::PutClaim(claim))?;
    }
    for own in my_claims.iter().skip(their_claims.len()) {
        for e in scratch.delete_claim_edits(own.id) {
            push(&mut scratch, e)?;
        }
    }
    Ok(Edit::Batch(edits))
}
