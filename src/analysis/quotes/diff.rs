//! Word differences between two renderings of a quote, whether they differ in meaning (a
//! number or a negation), and the edit that tags and links a group.

use super::group::*;
use crate::analysis::tagging::{Span, category_named, covering_claim, tag_and_link};
use crate::model::{ClaimId, Edit, LinkKind, Project};
use serde::Serialize;
use std::collections::BTreeSet;

/// One piece of a word-level comparison of two renderings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub change: Change,
    pub text: String,
    /// A number or a negation that differs: the differences that change what was said.
    pub strong: bool,
}

/// What happened to a piece of text from the first rendering to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    Deleted,
    Inserted,
}

/// The word differences from `a` to `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => Change::Same,
            similar::ChangeTag::Delete => Change::Deleted,
            similar::ChangeTag::Insert => Change::Inserted,
        };
        let text = change.value().to_owned();
        match out.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(&text),
            _ => out.push(DiffPart {
                change: kind,
                text,
                strong: false,
            }),
        }
    }
    // A number that moved is the same number; one the other rendering lacks is not.
    let (na, nb) = (numbers(a), numbers(b));
    let negations_differ = negations(a) != negations(b);
    for part in &mut out {
        let other = match part.change {
            Change::Same => continue,
            Change::Deleted => &nb,
            Change::Inserted => &na,
        };
        part.strong = numbers(&part.text).iter().any(|n| !other.contains(n))
            || (negations_differ && negations(&part.text) > 0);
    }
    out
}

fn tokens(words: &str) -> impl Iterator<Item = &str> {
    words
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | '.' | ','))
        .map(|w| w.trim_matches(|c| matches!(c, '.' | ',')))
        .filter(|w| !w.is_empty())
}

/// The numbers written in digits.
fn numbers(words: &str) -> Vec<String> {
    let mut n: Vec<String> = tokens(words)
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect();
    n.sort();
    n
}

/// How many negations the words hold.
fn negations(words: &str) -> usize {
    tokens(words)
        .filter(|w| {
            let l = w.to_lowercase();
            matches!(
                l.as_str(),
                "not"
                    | "no"
                    | "never"
                    | "nothing"
                    | "none"
                    | "nobody"
                    | "neither"
                    | "nor"
                    | "without"
            ) || l.ends_with("n't")
                || l.ends_with("n’t")
        })
        .count()
}

/// Whether two renderings differ in a number or a negation (then they contradict).
pub fn differ_in_meaning(a: &str, b: &str) -> bool {
    numbers(a) != numbers(b) || negations(a) != negations(b)
}

/// The link a group of renderings becomes: `contradicts` when a number or a negation differs
/// from the first rendering, else `same_claim`.
pub fn group_link_kind(g: &QuoteGroup) -> LinkKind {
    let first = &g.variants[0].text;
    if g.variants[1..]
        .iter()
        .any(|v| differ_in_meaning(first, &v.text))
    {
        LinkKind::Contradicts
    } else {
        LinkKind::SameClaim
    }
}

/// The one edit that tags every rendering of `g` as a claim of category Quote (the speaker as
/// attribution), reusing a claim that already covers exactly those words, and links them; or
/// `None` when a link already joins claims over all of them.
pub fn tag_group_edit(project: &Project, g: &QuoteGroup) -> Option<Edit> {
    let existing: Option<BTreeSet<ClaimId>> = g
        .variants
        .iter()
        .map(|v| covering_claim(project, v.article_id, v.start, v.end))
        .collect();
    if let Some(ids) = existing
        && project
            .links()
            .any(|l| ids.iter().all(|id| l.members.contains(id)))
    {
        return None;
    }
    let spans: Vec<Span> = g
        .variants
        .iter()
        .map(|v| Span {
            article_id: v.article_id,
            start: v.start,
            end: v.end,
            attribution: v.speaker.clone().or(g.speaker.clone()),
        })
        .collect();
    let kind = group_link_kind(g);
    let note = match kind {
        LinkKind::Contradicts => "The renderings differ in a number or a negation.",
        _ => "The same quote, rendered differently.",
    };
    tag_and_link(
        project,
        &spans,
        category_named(project, "quote"),
        kind,
        note.to_owned(),
    )
}
