//! A number that measures the gap between two values rather than a value: `almost $5 million
//! short of the record`, `40 more than last year`, `three years younger than her sister`.
//!
//! Such a figure is a difference the sentence computes, so it is never set against another
//! outlet's value (see `conflicts::suggest`); it carries a [`super::ScopeKind::Difference`].

use crate::analysis::text::Cx;

/// The words after the figure ending before token `end` that make it a gap (`short of`,
/// `more than`), as written; `None` when it states a value.
pub(super) fn gap_after(cx: &Cx, end: usize) -> Option<String> {
    let w = cx.low(end)?;
    let w = w.as_str();
    let gap = match w {
        "short" | "shy" => cx.is_word(end + 1, "of"),
        "more" | "less" | "fewer" | "higher" | "lower" | "greater" | "bigger" | "smaller"
        | "larger" | "longer" | "shorter" | "cheaper" | "dearer" | "older" | "younger" => {
            cx.is_word(end + 1, "than")
        }
        _ => false,
    };
    gap.then(|| cx.text[cx.toks[end].start..cx.toks[end + 1].end].to_owned())
}
