//! Word differences between two renderings of a quote, whether they differ in meaning (a
//! number or a negation), and the edit that tags and links a group.

use super::forms::word_key;
use super::group::*;
use crate::analysis::tagging::{Span, category_named, covering_claim, tag_and_link};
use crate::model::{ClaimId, Edit, LinkKind, Project};
use serde::Serialize;
use similar::DiffOp;
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

/// One word of a rendering as written (with the space after it) and the key it is compared
/// by (see [`word_key`]): punctuation and spelling variants compare equal.
struct Piece<'t> {
    text: &'t str,
    key: String,
}

fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(st), false) if in_space => {
                out.push(piece(&s[st..i]));
                start = Some(i);
            }
            _ => {}
        }
        in_space = c.is_whitespace();
    }
    if let Some(st) = start {
        out.push(piece(&s[st..]));
    }
    out
}

fn piece(text: &str) -> Piece<'_> {
    let word = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let key = if word.is_empty() {
        text.trim().to_owned()
    } else {
        word_key(word)
    };
    Piece { text, key }
}

/// The word differences from `a` to `b`, compared word by word on spelling-neutral keys (a
/// curly apostrophe, a trailing comma or `terrorised` for `terrorized` is no difference). A
/// change is `strong` when it alters a number or a negation in a part both renderings cover:
/// words one rendering only trims off or adds at either end are not a change of meaning.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let (pa, pb) = (pieces(a), pieces(b));
    let ka: Vec<&str> = pa.iter().map(|p| p.key.as_str()).collect();
    let kb: Vec<&str> = pb.iter().map(|p| p.key.as_str()).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &ka, &kb);
    let first_equal = ops.iter().position(|o| matches!(o, DiffOp::Equal { .. }));
    let last_equal = ops.iter().rposition(|o| matches!(o, DiffOp::Equal { .. }));
    let (na, nb) = (numbers(a), numbers(b));
    let negations_differ = negations(a) != negations(b);
    let join = |ps: &[Piece<'_>]| ps.iter().map(|p| p.text).collect::<String>();
    let mut out: Vec<DiffPart> = Vec::new();
    let push = |out: &mut Vec<DiffPart>, change: Change, text: String, strong: bool| match out
        .last_mut()
    {
        Some(last) if last.change == change && last.strong == strong => last.text.push_str(&text),
        _ if text.is_empty() => {}
        _ => out.push(DiffPart {
            change,
            text,
            strong,
        }),
    };
    for (k, op) in ops.iter().enumerate() {
        let interior = first_equal.is_some_and(|f| f < k) && last_equal.is_some_and(|l| k < l);
        match *op {
            DiffOp::Equal { new_index, len, .. } => {
                push(
                    &mut out,
                    Change::Same,
                    join(&pb[new_index..new_index + len]),
                    false,
                );
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let (text, space) = split_space(join(&pa[old_index..old_index + old_len]));
                let strong =
                    interior && old_len <= EDIT_WORDS && alters(&text, &nb, negations_differ);
                push(&mut out, Change::Deleted, text, strong);
                push(&mut out, Change::Same, space, false);
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let (text, space) = split_space(join(&pb[new_index..new_index + new_len]));
                let strong =
                    interior && new_len <= EDIT_WORDS && alters(&text, &na, negations_differ);
                push(&mut out, Change::Inserted, text, strong);
                push(&mut out, Change::Same, space, false);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Both renderings say something here. At either end only as many words as
                // both have are compared: the rest is a trim or an extension. A number that
                // moved elsewhere in the other rendering is the same number.
                let (old, _) = split_space(join(&pa[old_index..old_index + old_len]));
                let (new, space) = split_space(join(&pb[new_index..new_index + new_len]));
                let both = old_len.min(new_len);
                let leading = first_equal.is_some_and(|f| k < f);
                let (co, cn) = if interior {
                    (old.clone(), new.clone())
                } else if leading {
                    (
                        join(&pa[old_index + old_len - both..old_index + old_len]),
                        join(&pb[new_index + new_len - both..new_index + new_len]),
                    )
                } else {
                    (
                        join(&pa[old_index..old_index + both]),
                        join(&pb[new_index..new_index + both]),
                    )
                };
                let strong = numbers(&co).iter().any(|n| !nb.contains(n))
                    || numbers(&cn).iter().any(|n| !na.contains(n))
                    || (negations_differ && negations(&co) != negations(&cn));
                push(&mut out, Change::Deleted, old, strong);
                push(&mut out, Change::Inserted, new, strong);
                push(&mut out, Change::Same, space, false);
            }
        }
    }
    out
}

/// The longest run of words one rendering adds or drops inside the words both cover that
/// still reads as an edit of the same sentence ("will not leave" / "will leave"); a longer run
/// is a cut or an added clause, which says nothing new about the words both carry.
const EDIT_WORDS: usize = 3;

/// The words of a changed passage and the space after them, which is no change.
fn split_space(text: String) -> (String, String) {
    let words = text.trim_end().len();
    let space = text[words..].to_owned();
    let mut text = text;
    text.truncate(words);
    (text, space)
}

/// Words one rendering has inside a passage both cover: a number the other rendering does
/// not hold anywhere (a number that moved is the same number), or a negation when the two
/// renderings hold different numbers of them.
fn alters(text: &str, other_numbers: &[String], negations_differ: bool) -> bool {
    numbers(text).iter().any(|n| !other_numbers.contains(n))
        || (negations_differ && negations(text) > 0)
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

/// Whether two renderings differ in a number or a negation in words both cover (then they
/// contradict); trimming or extending a rendering is not such a difference.
pub fn differ_in_meaning(a: &str, b: &str) -> bool {
    word_diff(a, b).iter().any(|p| p.strong)
}

/// The link a group of renderings becomes: `contradicts` when a number or a negation differs
/// from the fullest rendering ([`QuoteGroup::reference`]), else `same_claim`.
pub fn group_link_kind(g: &QuoteGroup) -> LinkKind {
    let r = g.reference;
    let full = &g.variants[r].text;
    if g.variants
        .iter()
        .enumerate()
        .any(|(i, v)| i != r && differ_in_meaning(full, &v.text))
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
