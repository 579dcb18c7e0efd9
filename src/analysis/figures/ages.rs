//! Ages of named people: `Harris, 54,`, `Tyrec Johnson (18)`. An age is no count, so the
//! figure reader leaves numbers like these out ([`super::keep`]); but outlets print a
//! defendant's or a victim's age and get it wrong (`Harris, 54,` against `Harris, 55,`), and a
//! fact-checker wants that shown. Only an age bound to a name is read, as a figure of
//! [`super::Measure::Age`] whose counted noun is the name: `a 34-year-old man` names no one,
//! and two such ages may be two people.

use super::numbers::NumExpr;
use super::person::{after_preposition, full_name, is_name, surname_before};
use super::{Figure, Measure};
use crate::analysis::text::Cx;
use crate::analysis::text::tokens::Kind;
use crate::analysis::time::When;

/// The name and the tokens `[first, end)` of the age at `x`, when `x` is the age of a person
/// named right before it: `Name, N,` (or `N.` / `N;` / `N -` closing the aside) or `Name (N)`.
pub(super) fn named_age(cx: &Cx, s: usize, x: &NumExpr) -> Option<(String, usize, usize)> {
    let (i, after) = (x.first, x.end);
    let plain = x.value.fract() == 0.0
        && (1.0..=120.0).contains(&x.value)
        && !x.scaled
        && x.range.is_none()
        && x.vague.is_none()
        && x.currency.is_none()
        && after == i + 1
        && i >= s + 2;
    if !plain {
        return None;
    }
    let apposed = cx.is_punct(i - 1, ",")
        && (after >= cx.end
            || matches!(cx.s(after), "," | "." | ";" | "-" | "\u{2013}" | "\u{2014}"));
    let bracketed = cx.is_punct(i - 1, "(") && cx.is_punct(after, ")");
    if !(apposed || bracketed) {
        return None;
    }
    let n = surname_before(cx, s, i - 1)?;
    if after_preposition(cx, n) || (n == s && !is_name(cx, n + 1) && n + 1 < i - 1) {
        return None;
    }
    let mut b = n;
    while b > s && is_name(cx, b - 1) {
        b -= 1;
    }
    // `Arsenal, 3, Chelsea, 1`: names and numbers in turn are a score or a table, not ages.
    let number_before = b >= s + 2 && cx.is_punct(b - 1, ",") && cx.kind(b - 2) == Some(Kind::Num);
    let number_after = apposed
        && cx.is_punct(after, ",")
        && is_name(cx, after + 1)
        && cx.is_punct(after + 2, ",")
        && cx.kind(after + 3) == Some(Kind::Num);
    if number_before || number_after {
        return None;
    }
    Some((full_name(cx, b, n), i, after))
}

/// The figure for an age read by [`named_age`]: tokens `[first, end)` of the sentence
/// `[s, e)`, byte offsets (the caller converts them with the rest), dated `as_of`.
pub(super) fn age_figure(
    cx: &Cx,
    (s, e): (usize, usize),
    (name, first, end): (String, usize, usize),
    value: f64,
    as_of: Option<When>,
) -> Figure {
    let (a, b) = (cx.toks[first].start, cx.toks[end - 1].end);
    Figure {
        start: a,
        end: b,
        text: cx.text[a..b].to_owned(),
        value,
        low: Some(value),
        high: Some(value),
        low_inclusive: Some(true),
        high_inclusive: Some(true),
        qualifier: None,
        unit: Some("years".to_owned()),
        counted: Some(name),
        modifiers: Vec::new(),
        scope: Vec::new(),
        rounding: None,
        event: None,
        measure: Measure::Age,
        attribution: None,
        sentence_start: cx.toks[s].start,
        sentence_end: cx.toks[e - 1].end,
        elsewhere: None,
        converts: None,
        as_of,
    }
}
