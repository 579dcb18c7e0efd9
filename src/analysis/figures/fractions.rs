//! Fractions written as a count of ordinal parts (`three twenty-firsts`, `a millionth of`,
//! `one hundred and thirty fifths`, `one one-hundred-and-fifth`) and as a division (`one over
//! three`, `2000 over 3`), and ranks written apart (`the twenty fifth`), which are neither.

use super::number_words::parse_words;
use super::numbers::*;

/// The value of an ordinal word that can name equal parts (`fifths` → 5, `twenty-first` is
/// read from its two words), and whether it is plural. `first` and `second` count only after
/// tens (`a twenty-first`): alone they are ranks or a unit of time (`twenty seconds`); halves
/// and quarters are read elsewhere.
fn part_word(w: &str) -> Option<(f64, bool)> {
    let plural = w.ends_with('s');
    let stem = w.strip_suffix('s').unwrap_or(w);
    let v = match stem {
        "first" => 1.0,
        "half" | "halve" | "quarter" | "second" => return None,
        s => denominator_word(s)?,
    };
    Some((v, plural))
}

/// A whole number written in words exactly over tokens `a..b` (`one hundred and thirty`),
/// or `None` when the words there do not make one number.
fn cardinal(cx: &Cx, a: usize, b: usize) -> Option<f64> {
    if a >= b {
        return None;
    }
    let sub = Cx { end: b, ..*cx };
    let w = parse_words(&sub, a)?;
    (w.end == b && !w.fraction && w.vague.is_none() && w.value.fract() == 0.0 && w.value > 0.0)
        .then_some(w.value)
}

/// `three twenty-firsts`, `a trillionth`, `one hundred and thirty-two fifths`, `ninety-five
/// hundred fifths`, `one one hundred and fifth`: a count of ordinal parts, starting at `i`.
///
/// The denominator takes the tens right before a unit ordinal unless `and` ties them to the
/// count (`one hundred thirty fifths` is 100/35, `one hundred and thirty fifths` is 130/5),
/// and takes a whole hundred when the words before cannot be one number (`one one hundred
/// fifth` is 1/105). One part is singular, more are plural (`two millionth` is a rank). A
/// single part needs `of`, a comparison, or the end of the clause after it: `a twenty-first
/// birthday` and `the one hundred fifth session` are ranks.
pub(super) fn ordinal_fraction(cx: &Cx, i: usize) -> Option<Single> {
    // Find the ordinal after a run of number words; most starts fail on the next word.
    let mut k = i + usize::from(cx.is_word(i, "a") || cx.is_word(i, "an"));
    let limit = (i + 14).min(cx.end);
    let o = loop {
        if k >= limit {
            return None;
        }
        if cx.is_punct(k, "-") {
            k += 1;
            continue;
        }
        let w = cx.low(k)?;
        let w = w.as_str();
        if small_number(w).is_some()
            || matches!(
                w,
                "and" | "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
        {
            k += 1;
            continue;
        }
        if part_word(w).is_some() {
            break k;
        }
        return None;
    };
    // `a third of a million`, `two-thirds`: the simple shares come first (looked for only
    // once an ordinal is found: every `a` in a text starts here).
    if let Some(first) = cx.low(i)
        && let Some(f) = word_fraction(cx, i, first.as_str())
    {
        return Some(f);
    }
    if o <= i + 1 && !(o == i + 1 && cx.kind(i) == Some(Kind::Word)) {
        return None;
    }
    // `six million and two thirds` is a whole number and a share: read elsewhere.
    if (i + 1..o).any(|k| {
        cx.is_word(k, "and")
            && cx
                .low(k - 1)
                .is_some_and(|w| scale_word(w.as_str()).is_some_and(|s| s >= 1e3))
    }) {
        return None;
    }
    let (base, plural) = part_word(cx.low(o)?.as_str())?;
    // The words before the ordinal, without the hyphen that joins them to it.
    let mut end = o;
    if cx.is_punct(end - 1, "-") {
        end -= 1;
    }
    if end <= i {
        return None;
    }
    let mut d = base;
    let mut num_end = end;
    // `three twenty firsts`: tens before a unit ordinal belong to it, unless `and` binds them
    // to the count or nothing is left for the count.
    if base < 10.0 && end - 1 > i {
        let t = end - 1;
        let tens = cx
            .low(t)
            .and_then(|w| small_number(w.as_str()))
            .filter(|v| *v >= 20.0 && v % 10.0 == 0.0);
        if let Some(tv) = tens
            && !cx.is_word(t - 1, "and")
        {
            let before = if cx.is_punct(t - 1, "-") { t - 1 } else { t };
            if before > i {
                d = tv + base;
                num_end = before;
            }
        }
    }
    // `a trillionth`, `a twenty-first`: the article is one part.
    let article = num_end == i + 1 && (cx.is_word(i, "a") || cx.is_word(i, "an"));
    let n = match cardinal(cx, i, num_end) {
        Some(n) => n,
        None if article => 1.0,
        // `one one hundred and fifth`: the count, then a hundred that belongs to the part.
        None if d == base && base < 100.0 => {
            let (m, n) = (i + 1..num_end)
                .rev()
                .find_map(|m| cardinal(cx, i, m).map(|n| (m, n)))?;
            let mut r_end = num_end;
            if cx.is_word(r_end - 1, "and") {
                r_end -= 1;
            }
            let r = cardinal(cx, m, r_end).filter(|r| *r >= 100.0 && r % 100.0 == 0.0)?;
            d = r + base;
            n
        }
        None => return None,
    };
    if (n > 1.0) != plural || n == 0.0 || d == 1.0 {
        return None;
    }
    let after = o + 1;
    let closes = cx.get(after).is_none()
        || (cx.kind(after) == Some(Kind::Punct)
            && matches!(cx.s(after), "." | "," | ";" | ")" | "?" | "!"));
    if !(plural || cx.is_word(after, "of") || closes || compared_before(cx, i)) {
        return None;
    }
    let v = n / d;
    Some(Single::in_words(after, v, v <= 1.0))
}

/// `one over three`, `1 over twenty-one`, `2000 over 3`: a division, read when the divisor
/// closes the clause (`$2000 over 3 years` is a sum and a span). `a` was read at `i`; the
/// value and the token after the divisor.
pub(super) fn over_fraction(cx: &Cx, i: usize, a: &Single) -> Option<(f64, usize)> {
    let j = a.end;
    if !cx.is_word(j, "over")
        || a.vague.is_some()
        || a.fraction
        || a.unit.is_some()
        || a.value.fract() != 0.0
        || (i > 0 && currency_symbol(cx.s(i - 1)).is_some())
    {
        return None;
    }
    let k = j + 1;
    let (b, end) = match cx.kind(k)? {
        Kind::Num if is_plain_digits(cx.s(k)) => (digits_value(cx.s(k))?, k + 1),
        Kind::Word => {
            let w = parse_words(cx, k)?;
            if w.fraction || w.vague.is_some() {
                return None;
            }
            (w.value, w.end)
        }
        _ => return None,
    };
    let closes = cx.get(end).is_none()
        || (cx.kind(end) == Some(Kind::Punct)
            && matches!(cx.s(end), "." | "," | ";" | ")" | "?" | "!")
            && !cx.attached(end + 1));
    (closes && b > 0.0 && b.fract() == 0.0).then_some((a.value / b, end))
}

/// True when the number words ending before token `end` and the word at `end` make one rank
/// (`the twenty fifth anniversary`, `one hundred first`): tens or a scale word, then an
/// ordinal written apart. Such a number is not a count.
pub(super) fn rank_after(cx: &Cx, end: usize) -> bool {
    if end == 0 || cx.attached(end) || cx.is_punct(end + 1, "-") {
        return false;
    }
    let Some(last) = cx.low(end - 1) else {
        return false;
    };
    let last = last.as_str();
    let tens = small_number(last).is_some_and(|v| v >= 20.0 && v % 10.0 == 0.0);
    let scale = matches!(last, "hundred" | "thousand");
    let Some(next) = cx.low(end) else {
        return false;
    };
    let next = next.as_str();
    let unit_rank = matches!(
        next,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
    );
    (tens && unit_rank)
        || (scale && (unit_rank || denominator_word(next).is_some_and(|d| d < 100.0)))
}
