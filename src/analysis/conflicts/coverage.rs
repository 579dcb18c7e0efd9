//! What the project already holds of a conflict suggestion: the claims that cover its figures
//! and the links that join them. Confirming a suggestion reuses those claims and adds a link
//! only when none joins the two sides yet, so confirming twice (or confirming a pair the user
//! already linked by hand) changes nothing, and the Figures view can hide what is covered.

use super::write::{ConflictSuggestion, SuggestedFigure};
use crate::analysis::tagging::{Span, category_named, tag_and_link};
use crate::model::{Claim, ClaimId, Edit, LinkId, Project};
use std::collections::BTreeSet;

/// How far the project already covers a suggestion.
#[derive(Clone, Debug, PartialEq)]
pub enum Coverage {
    /// This link already joins a claim covering a figure of one side with a claim covering a
    /// figure of the other (of any kind: the user has judged the pair).
    Linked(LinkId),
    /// Not linked yet; this one edit confirms it: a claim for each side's first figure where
    /// no claim covers it yet, and a link of the suggested kind.
    Open(Edit),
}

/// How far `project` covers suggestion `s`; `None` when the suggestion does not fit the
/// project (a figure outside its article, or a side with no figure).
pub fn suggestion_coverage(project: &Project, s: &ConflictSuggestion) -> Option<Coverage> {
    let split = s.first_side.min(s.figures.len());
    let (first, second) = s.figures.split_at(split);
    if first.is_empty() || second.is_empty() {
        return None;
    }
    let covering = |side: &[SuggestedFigure]| -> BTreeSet<ClaimId> {
        side.iter()
            .flat_map(|f| covering_claims(project, f))
            .map(|c| c.id)
            .collect()
    };
    let (a, b) = (covering(first), covering(second));
    if !a.is_empty()
        && !b.is_empty()
        && let Some(link) = project.links().find(|l| {
            l.members.iter().any(|m| a.contains(m)) && l.members.iter().any(|m| b.contains(m))
        })
    {
        return Some(Coverage::Linked(link.id));
    }
    confirm_batch(project, s, [&first[0], &second[0]]).map(Coverage::Open)
}

/// Whether a link already joins the two sides of `s`, so the suggestion needs no action.
pub fn is_covered(project: &Project, s: &ConflictSuggestion) -> bool {
    matches!(suggestion_coverage(project, s), Some(Coverage::Linked(_)))
}

/// The one edit that confirms `s`, or `None` when it is already covered (or does not fit).
pub fn confirm_edit(project: &Project, s: &ConflictSuggestion) -> Option<Edit> {
    match suggestion_coverage(project, s)? {
        Coverage::Open(edit) => Some(edit),
        Coverage::Linked(_) => None,
    }
}

/// The claims of the figure's article whose span contains the figure, the closest fit first
/// (an exact claim before a whole sentence around it).
fn covering_claims<'p>(project: &'p Project, f: &SuggestedFigure) -> Vec<&'p Claim> {
    let mut hits: Vec<&Claim> = project
        .claims_in(f.article_id)
        .filter(|c| c.start <= f.figure.start && f.figure.end <= c.end)
        .collect();
    hits.sort_by_key(|c| (c.end - c.start, c.id));
    hits
}

fn confirm_batch(
    project: &Project,
    s: &ConflictSuggestion,
    sides: [&SuggestedFigure; 2],
) -> Option<Edit> {
    let spans: Vec<Span> = sides
        .iter()
        .map(|f| Span {
            article_id: f.article_id,
            start: f.figure.start,
            end: f.figure.end,
            attribution: f.figure.attribution.clone(),
        })
        .collect();
    tag_and_link(
        project,
        &spans,
        category_named(project, "figure"),
        s.kind,
        s.reason.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{FigureOptions, extract_figures, suggest_conflicts};
    use crate::model::{Article, Link, LinkKind, Resolution};

    fn article(id: i64, text: &str) -> Article {
        Article {
            id,
            path: format!("{id}.txt"),
            title: format!("Article {id}"),
            outlet: None,
            published: None,
            text: text.to_owned(),
            sha256: String::new(),
            encoding: "utf-8".into(),
            author: None,
            url: None,
        }
    }

    fn project_and_suggestion() -> (Project, ConflictSuggestion) {
        let p = Project::new(vec![
            article(
                1,
                "At least 139 people were killed in the attack, officials said.",
            ),
            article(
                2,
                "The toll was confirmed at 133 killed, the committee said.",
            ),
        ]);
        let figs: Vec<_> = p
            .articles()
            .iter()
            .map(|a| extract_figures(&a.text, &FigureOptions::default()))
            .collect();
        let pairs: Vec<_> = p
            .articles()
            .iter()
            .zip(&figs)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        let s = suggest_conflicts(&pairs)
            .into_iter()
            .next()
            .expect("the two tolls conflict");
        (p, s)
    }

    fn claim_over(p: &Project, article: i64, phrase: &str) -> Claim {
        let text = &p.article(article).expect("article").text;
        let byte = text.find(phrase).expect("phrase");
        let start = text[..byte].chars().count();
        p.make_claim(article, start, start + phrase.chars().count(), Some(1))
            .expect("claim")
    }

    #[test]
    fn confirming_adds_two_claims_and_a_link_then_the_suggestion_is_covered() {
        let (mut p, s) = project_and_suggestion();
        let edit = confirm_edit(&p, &s).expect("an open suggestion");
        p.apply(edit).expect("applies");
        assert_eq!(p.claims().len(), 2);
        assert_eq!(p.links().len(), 1);
        assert!(is_covered(&p, &s));
        assert_eq!(confirm_edit(&p, &s), None, "confirming again does nothing");
    }

    #[test]
    fn a_pair_linked_by_hand_over_wider_claims_is_covered_and_adds_nothing() {
        let (mut p, s) = project_and_suggestion();
        let a = claim_over(&p, 1, "At least 139 people were killed");
        p.apply(Edit::PutClaim(a.clone())).expect("claim a");
        let b = claim_over(&p, 2, "confirmed at 133 killed");
        p.apply(Edit::PutClaim(b.clone())).expect("claim b");
        p.apply(Edit::PutLink(Link {
            id: p.next_link_id(),
            kind: LinkKind::Supports,
            note: String::new(),
            resolution: Resolution::Open,
            members: vec![b.id, a.id],
            author: None,
            edited_by: None,
        }))
        .expect("link");
        assert!(matches!(
            suggestion_coverage(&p, &s),
            Some(Coverage::Linked(_))
        ));
        assert_eq!(confirm_edit(&p, &s), None);
    }

    #[test]
    fn confirming_reuses_a_claim_that_covers_the_figure() {
        let (mut p, s) = project_and_suggestion();
        let a = claim_over(&p, 1, "At least 139 people were killed in the attack");
        p.apply(Edit::PutClaim(a.clone())).expect("claim");
        p.apply(confirm_edit(&p, &s).expect("open"))
            .expect("applies");
        assert_eq!(p.claims().len(), 2, "one new claim, on the other side only");
        let link = p.links().next().expect("a link");
        assert!(link.members.contains(&a.id), "the sentence claim is reused");
        assert_eq!(link.kind, s.kind);
    }

    #[test]
    fn claims_that_are_not_linked_do_not_cover_the_suggestion() {
        let (mut p, s) = project_and_suggestion();
        for f in [&s.figures[0], s.figures.last().expect("two sides")] {
            let c = p
                .make_claim(f.article_id, f.figure.start, f.figure.end, Some(1))
                .expect("claim");
            p.apply(Edit::PutClaim(c)).expect("claim");
        }
        assert!(!is_covered(&p, &s));
        let Some(Edit::Batch(edits)) = confirm_edit(&p, &s) else {
            panic!("an open suggestion confirms with a batch");
        };
        assert_eq!(edits.len(), 1, "only the link: both figures are tagged");
    }
}
