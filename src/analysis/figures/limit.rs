//! A limit is not a count: `a capacity of 120`, `had capacity for 120 people`, `room for 300`,
//! `licensed to carry 120 passengers`. A ferry that carried 150 people with room for 120 is the
//! story; set against each other, the two were a contradiction. A limit carries a
//! [`super::ScopeKind::Limit`] and is never compared with a count (see `conflicts::suggest`).

use crate::analysis::text::Cx;

/// The words before the figure starting at token `first` that make it a limit (`capacity of`,
/// `room for`, `licensed to carry`), within the sentence starting at `s`.
pub(super) fn limit_before(cx: &Cx, s: usize, first: usize) -> Option<String> {
    let low = |k: usize| cx.low(k).map(|w| w.as_str());
    let text = |a: usize| cx.text[cx.toks[a].start..cx.toks[first - 1].end].to_owned();
    if first < s + 2 {
        return None;
    }
    let (p, n) = (low(first - 1)?, low(first - 2)?);
    // `capacity of 120`, `capacity for 120`, `room for 300`.
    if matches!(p, "of" | "for") && matches!(n, "capacity" | "room") {
        return Some(text(first - 2));
    }
    // `licensed to carry 120`, `designed to hold 300`.
    let able = |w: &str| {
        matches!(
            w,
            "licensed" | "certified" | "designed" | "built" | "permitted" | "allowed" | "able"
        )
    };
    if first >= s + 3
        && matches!(p, "carry" | "hold" | "take" | "seat" | "accommodate")
        && n == "to"
        && low(first - 3).is_some_and(able)
    {
        return Some(text(first - 3));
    }
    None
}
