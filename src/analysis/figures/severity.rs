//! How badly the people a count of injured were hurt: `five passengers with life-changing
//! injuries`, `two teenagers seriously injured`, `16 people were injured, five seriously`.
//!
//! A count that names a degree of harm counts part of the injured, never all of them, so it is
//! a [`super::ScopeKind::Portion`] of the whole count another outlet gives. The degrees are a
//! closed class of grammar (an adverb or adjective of degree on the injury word), not a list
//! of the things a story is about.

use crate::analysis::text::Cx;
use crate::analysis::text::tokens::Kind;

/// The degree of harm the figure ending before token `end` is said to have, as written
/// (`seriously`, `life-changing`): a degree word right after the number (`five seriously`), or
/// one right before an injury word in the few words that follow it (`two teenagers seriously
/// injured`). `None` when none is said.
pub(super) fn degree_of_harm(cx: &Cx, end: usize) -> Option<String> {
    if cx.low(end).is_some_and(|w| is_degree(w.as_str())) {
        return Some(cx.s(end).to_owned());
    }
    let mut k = end;
    while k < cx.end && k < end + 7 {
        match cx.kind(k) {
            Some(Kind::Word) => {}
            Some(Kind::Punct) if cx.s(k) == "-" => {}
            _ => break,
        }
        if cx.low(k).is_some_and(|w| is_injury_word(w.as_str()))
            && let Some(d) = degree_before(cx, k)
        {
            return Some(d);
        }
        k += 1;
    }
    None
}

/// The degree word standing right before the injury word at `k` (`seriously injured`,
/// `life-changing injuries`).
fn degree_before(cx: &Cx, k: usize) -> Option<String> {
    let prev = k.checked_sub(1)?;
    let w = cx.low(prev)?;
    if is_degree(w.as_str()) {
        return Some(cx.s(prev).to_owned());
    }
    // `life-changing`, `life-threatening`: three tokens.
    if matches!(w.as_str(), "changing" | "threatening")
        && prev >= 2
        && cx.is_punct(prev - 1, "-")
        && cx.is_word(prev - 2, "life")
    {
        return Some(cx.text[cx.toks[prev - 2].start..cx.toks[prev].end].to_owned());
    }
    None
}

/// Adverbs and adjectives of the degree of an injury.
pub(super) fn is_degree(w: &str) -> bool {
    matches!(
        w,
        "seriously"
            | "critically"
            | "badly"
            | "severely"
            | "gravely"
            | "fatally"
            | "slightly"
            | "lightly"
            | "mildly"
            | "moderately"
            | "serious"
            | "critical"
            | "severe"
            | "grave"
            | "minor"
            | "slight"
            | "light"
            | "moderate"
    )
}

/// Words naming an injury.
fn is_injury_word(w: &str) -> bool {
    matches!(
        w,
        "injured" | "injuries" | "injury" | "hurt" | "wounded" | "wounds" | "burns" | "burned"
    )
}
