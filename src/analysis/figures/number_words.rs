//! Numbers written in words: `one hundred and thirty-three`, `a dozen`, `two hundred point
//! zero three`, `5 million 300 thousand`, with fractions and scales after them.

use super::numbers::*;

pub(super) fn parse_words(cx: &Cx, i: usize) -> Option<Single> {
    let first = cx.low(i)?;
    let first = first.as_str();
    if let Some(f) = word_fraction(cx, i, first) {
        return Some(f);
    }
    if let Some(v) = vague_plural(cx, i, first) {
        return Some(v);
    }
    // `one in five adults`, `two out of five hundred`: a share.
    if let Some(n) = small_number(first)
        && let Some((v, end)) = ratio(cx, i + 1, n)
    {
        return Some(fraction_single(end, v));
    }
    // `half million`, `quarter billion`: a share of a scale, written without `a`.
    if let Some(part) = match first {
        "half" => Some(0.5),
        "quarter" => Some(0.25),
        _ => None,
    } && let Some(w) = cx.low(i + 1)
        && let Some(s) = scale_word(w.as_str()).filter(|s| *s >= 1e3 && !w.as_str().ends_with('s'))
    {
        return Some(Single::in_words(i + 2, part * s, false));
    }
    if first == "half" {
        // `half a dozen`, `half a million`.
        if cx.is_word(i + 1, "a")
            && let Some(w) = cx.low(i + 2)
        {
            let s = match w.as_str() {
                "dozen" => Some(12.0),
                w => scale_word(w).filter(|_| !w.ends_with('s')),
            };
            if let Some(s) = s {
                return Some(Single::in_words(i + 3, s / 2.0, false));
            }
        }
        // `half the world`, `half of them`, `half an hour`; not `second half`, `half-hearted`.
        if cx.is_punct(i + 1, "-") && cx.attached(i + 1) {
            return None;
        }
        // `more than half voted`, `almost half.`: after a comparison half is a share.
        if compared_before(cx, i) {
            return Some(fraction_single(i + 1, 0.5));
        }
        let next = cx.low(i + 1)?;
        if !matches!(
            next.as_str(),
            "the"
                | "of"
                | "a"
                | "an"
                | "their"
                | "its"
                | "all"
                | "his"
                | "her"
                | "our"
                | "those"
                | "these"
        ) {
            return None;
        }
        return Some(fraction_single(i + 1, 0.5));
    }
    // `an hour and a half`, `a year and a half`.
    if matches!(first, "a" | "an")
        && let Some(u) = cx.low(i + 1).and_then(|w| unit_word(w.as_str()))
        && let Some((f, end)) = and_fraction(cx, i + 2)
    {
        return Some(Single {
            end,
            value: 1.0 + f,
            scale: 1.0,
            vague: None,
            unit: Some(u),
            fraction: false,
            in_words: true,
        });
    }
    // `several hundred`, `a few dozen`, `a few thousand`: vague counts of a scale.
    let few = match first {
        "several" => Some(i + 1),
        "a" if cx.is_word(i + 1, "few") => Some(i + 2),
        _ => None,
    };
    if let Some(k) = few
        && let Some(w) = cx.low(k)
        && let Some(base) = match w.as_str() {
            "dozen" => Some(12.0),
            w => scale_word(w).filter(|_| !w.ends_with('s')),
        }
    {
        return Some(Single {
            end: k + 1,
            value: 2.0 * base,
            scale: 1.0,
            vague: Some(2.0 * base),
            unit: None,
            fraction: false,
            in_words: true,
        });
    }
    // `a couple of hundred`.
    if matches!(first, "a" | "one")
        && cx.is_word(i + 1, "couple")
        && cx.is_word(i + 2, "of")
        && let Some(w) = cx.low(i + 3)
        && let Some(base) = scale_word(w.as_str()).filter(|_| !w.as_str().ends_with('s'))
    {
        return Some(Single::in_words(i + 4, 2.0 * base, false));
    }
    // `a couple of`.
    if matches!(first, "a" | "one") && cx.is_word(i + 1, "couple") && cx.is_word(i + 2, "of") {
        return Some(Single::in_words(i + 2, 2.0, false));
    }
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut fraction_part = 0.0;
    // What the last consumed word was: 0 none, 1 unit (1–19), 2 tens, 3 scale.
    let mut last = 0u8;
    // The last group a scale word closed (`three lakh` = 300 000) and its scale.
    let mut group = 0.0;
    let mut group_scale = 1.0;
    // The units and tens read since the last `hundred` or scale: what `dozen` multiplies
    // (`three hundred and two dozen` is 300 + 24).
    let mut since = 0.0;
    while j < cx.end {
        // `two-and-a-half`.
        if (last == 1 || last == 2)
            && fraction_part == 0.0
            && cx.is_punct(j, "-")
            && let Some((f, next)) = and_fraction(cx, j)
        {
            fraction_part = f;
            j = next;
            continue;
        }
        let Some(w) = cx.low(j) else { break };
        let w = w.as_str();
        if (w == "a" || w == "an") && !any {
            match cx.low(j + 1).as_ref().map(Lower::as_str) {
                Some("dozen") => {
                    current = 12.0;
                    j += 2;
                    any = true;
                    last = 3;
                    continue;
                }
                Some(
                    "hundred" | "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore",
                ) => {
                    current = 1.0;
                    j += 1;
                    last = 1;
                    continue;
                }
                _ => return None,
            }
        }
        if let Some(v) = small_number(w) {
            let tens = v >= 20.0;
            match last {
                0 | 3 => {}
                2 if !tens && v < 10.0 && v > 0.0 => {}
                _ => break,
            }
            current += v;
            since += v;
            any = true;
            last = if tens { 2 } else { 1 };
            j += 1;
            // `thirty-three`, `fifty - two`: a hyphen joins tens to a unit.
            if tens
                && cx.is_punct(j, "-")
                && cx
                    .low(j + 1)
                    .is_some_and(|u| small_number(u.as_str()).is_some_and(|u| u < 10.0 && u > 0.0))
                && (cx.attached(j) == cx.attached(j + 1))
            {
                j += 1;
            }
            continue;
        }
        // `hundred thousand dollars`: a scale word may open the number.
        let opens = last == 0
            && !any
            && matches!(w, "hundred" | "thousand")
            && cx.low(j + 1).is_some_and(|n| {
                let n = n.as_str();
                scale_word(n).is_some() || currency_word(n).is_some() || small_number(n).is_some()
            })
            && !cx.capitalised(j + 1);
        if opens {
            current = 1.0;
            last = 1;
        }
        match w {
            "hundred" if last == 1 || last == 2 => {
                current *= 100.0;
                since = 0.0;
                last = 3;
                any = true;
            }
            // `one hundred and three quarters`: a fraction after `and` ends the number.
            "and" if last == 3 && current > 0.0 && fraction_part == 0.0 => {
                match and_fraction(cx, j) {
                    Some((f, next)) => {
                        fraction_part = f;
                        j = next;
                        break;
                    }
                    None if cx
                        .low(j + 1)
                        .is_some_and(|n| small_number(n.as_str()).is_some()) =>
                    {
                        last = 0;
                    }
                    None => break,
                }
            }
            // `three lakh crore`: a scale right after a larger-grouped one multiplies that
            // group (3 × 10⁵ × 10⁷), it does not add a new one.
            "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore"
                if last == 3 && current == 0.0 && group > 0.0 =>
            {
                let s = scale_word(w).unwrap_or(1.0);
                total += group * (s - 1.0);
                group *= s;
                group_scale *= s;
            }
            "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore" if last != 0 => {
                let s = scale_word(w).unwrap_or(1.0);
                group = (current.max(1.0) + fraction_part) * s;
                group_scale = s;
                total += group;
                fraction_part = 0.0;
                current = 0.0;
                since = 0.0;
                last = 3;
                any = true;
            }
            // `one million and a half`: half of the scale just read.
            "and"
                if last == 3
                    && current == 0.0
                    && group_scale > 1.0
                    && and_fraction(cx, j).is_some() =>
            {
                if let Some((f, next)) = and_fraction(cx, j) {
                    // `one billion and a quarter million`: the fraction is of the smaller
                    // scale written after it.
                    match cx.low(next).and_then(|w| {
                        scale_word(w.as_str()).filter(|s| *s < group_scale && *s >= 1e3)
                    }) {
                        Some(s) => {
                            total += f * s;
                            j = next + 1;
                        }
                        None => {
                            total += f * group_scale;
                            j = next;
                        }
                    }
                }
                break;
            }
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" if last == 1 && since > 0.0 => {
                current += since * 11.0;
                since = 0.0;
                last = 3;
            }
            "and"
                if last == 3
                    && cx
                        .low(j + 1)
                        .is_some_and(|n| small_number(n.as_str()).is_some()) =>
            {
                last = 0;
            }
            "and" if (last == 1 || last == 2) && fraction_part == 0.0 => {
                // `one and a half million`, `two and three quarters`.
                match and_fraction(cx, j) {
                    Some((f, next)) => {
                        fraction_part = f;
                        j = next;
                        continue;
                    }
                    None => break,
                }
            }
            "point" if any && fraction_part == 0.0 => match point_digits(cx, j) {
                Some((f, next)) => {
                    fraction_part = f;
                    j = next;
                    last = 1;
                    continue;
                }
                None => break,
            },
            _ => break,
        }
        j += 1;
    }
    // A dangling `and` is not part of the number.
    while j > i && cx.is_word(j - 1, "and") {
        j -= 1;
    }
    if !any {
        return None;
    }
    // `twenty-three fifths`, `twenty one fifths`: a count of a plural part is a fraction,
    // read only for a number below one hundred (`one hundred thirty fifths` is ambiguous).
    // Not `quarters` and `halves`: `two quarters` of a year are periods, not a half.
    if total == 0.0
        && fraction_part == 0.0
        && (2.0..100.0).contains(&current)
        && current == since
        && let Some(d) = cx
            .low(j)
            .filter(|w| w.as_str().ends_with('s') && !matches!(w.as_str(), "quarters" | "halves"))
            .and_then(|w| denominator_word(w.as_str()))
    {
        let v = current / d;
        return Some(Single::in_words(j + 1, v, v <= 1.0));
    }
    Some(Single::in_words(j, total + current + fraction_part, false))
}

/// `in five`, `out of 20`, `in five hundred` after a count `n` (at `j`): the share `n / d` and
/// the token after it. Only a whole denominator larger than the count, never a year (`1 in
/// 2018`), and not before a month (`1 in 5 May`).
pub(super) fn ratio(cx: &Cx, j: usize, n: f64) -> Option<(f64, usize)> {
    let k = if cx.is_word(j, "in") {
        j + 1
    } else if cx.is_word(j, "out") && cx.is_word(j + 1, "of") {
        j + 2
    } else {
        return None;
    };
    let (d, end) = match cx.kind(k)? {
        Kind::Num => {
            let raw = cx.s(k);
            let d: f64 = digits_value(raw)?;
            let year = raw.len() == 4 && (1800.0..=2100.0).contains(&d);
            if !is_plain_digits(raw.replace(',', "").as_str()) || year {
                return None;
            }
            (d, k + 1)
        }
        Kind::Word => {
            let w = parse_words(cx, k)?;
            if w.fraction || w.vague.is_some() {
                return None;
            }
            (w.value, w.end)
        }
        Kind::Punct => return None,
    };
    let month = cx.capitalised(end)
        && cx
            .low(end)
            .is_some_and(|w| super::sentence_words::is_month(w.as_str()));
    let after_ok = end >= cx.end
        || match cx.kind(end) {
            None => true,
            Some(Kind::Punct) => !(cx.attached(end) && matches!(cx.s(end), "/" | ":" | "-")),
            Some(Kind::Word) => !month,
            Some(Kind::Num) => false,
        };
    (n > 0.0 && n < d && d.fract() == 0.0 && after_ok).then_some((n / d, end))
}

/// `1 in 5 adults`, `2 out of 3`: a share written with a count in digits at `i`.
pub(super) fn digit_ratio(cx: &Cx, i: usize) -> Option<Single> {
    // Most numbers are not followed by `in` or `out of`: look before reading the digits.
    if !(cx.is_word(i + 1, "in") || cx.is_word(i + 1, "out")) {
        return None;
    }
    let raw = cx.s(i);
    if cx.kind(i) != Some(Kind::Num) || !is_plain_digits(raw) {
        return None;
    }
    let (v, end) = ratio(cx, i + 1, digits_value(raw)?)?;
    Some(fraction_single_digits(end, v))
}

fn fraction_single_digits(end: usize, value: f64) -> Single {
    Single {
        in_words: false,
        ..fraction_single(end, value)
    }
}

/// `3 hundred and one`: units in words after a hundred written in digits, added to `a`.
pub(super) fn units_after_hundred(cx: &Cx, mut a: Single) -> Single {
    let j = a.end;
    if a.scale == 100.0
        && cx.is_word(j, "and")
        && cx
            .low(j + 1)
            .is_some_and(|w| small_number(w.as_str()).is_some())
        && let Some(w) = parse_words(cx, j + 1)
        && w.value < 100.0
        && w.value.fract() == 0.0
        && !w.fraction
        && w.vague.is_none()
    {
        a.value += w.value;
        a.end = w.end;
    }
    a
}
