//! Powers written onto digits with a caret (`1.1^23`, `2.5^-1`) or as times ten to a power
//! (`1.3x10^6`, `4×10^9`). Reads tokens only, so the digit readers can call it.

use crate::analysis::text::Cx;
use crate::analysis::text::tokens::{Kind, is_plain_int};

/// `^23`, `^-1`, `^--23` at `j`, written onto a number: the signed exponent and the token
/// after it. Minus signs cancel in pairs.
fn caret_power(cx: &Cx, j: usize) -> Option<(i32, usize)> {
    if !(cx.is_punct(j, "^") && cx.attached(j)) {
        return None;
    }
    let mut k = j + 1;
    let mut negative = false;
    while (cx.is_punct(k, "-") || cx.is_punct(k, "+")) && cx.attached(k) {
        negative ^= cx.is_punct(k, "-");
        k += 1;
    }
    let raw = cx.get(k).map(|_| cx.s(k))?;
    if cx.kind(k) != Some(Kind::Num) || !cx.attached(k) || !is_plain_int(raw) || raw.len() > 3 {
        return None;
    }
    let e: i32 = raw.parse().ok()?;
    Some((if negative { -e } else { e }, k + 1))
}

/// `1.1^23`, `2.5^-1`, `1.3x10^6`, `4×10^9` after the digits of `value` (their next token is
/// `j`): the power's value and the token after it.
pub(super) fn power(cx: &Cx, j: usize, value: f64) -> Option<(f64, usize)> {
    if let Some((e, end)) = caret_power(cx, j) {
        let v = value.powi(e);
        return v.is_finite().then_some((v, end));
    }
    // `1.3x10^6`: times ten to a power.
    let times = (cx.is_word(j, "x") || cx.is_punct(j, "\u{d7}")) && cx.attached(j);
    if times && cx.get(j + 1).is_some_and(|_| cx.s(j + 1) == "10") && cx.attached(j + 1) {
        let (e, end) = caret_power(cx, j + 2)?;
        let v = value * 10f64.powi(e);
        return v.is_finite().then_some((v, end));
    }
    None
}
