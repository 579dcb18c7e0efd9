//! Reading one number expression from tokens: digits (`2,997`, `15.8m`, `3.6 billion`),
//! words (`one hundred and thirty-three`, `a dozen`), vague plurals (`hundreds`,
//! `tens of thousands`), fractions (`half`) and ranges (`150-200`, `between 150 and 200`).

pub(super) use super::words::{
    attached_scale, currency_symbol, currency_word, scale_word, small_number, unit_word,
};
pub(super) use crate::analysis::text::tokens::{Kind, digits_value};
pub(crate) use crate::analysis::text::{Cx, Lower};

/// One number expression, before context is read.
#[derive(Clone, Debug)]
pub(crate) struct NumExpr {
    /// First token of the expression (`between` for a `between … and …` range).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub value: f64,
    /// An explicit range `a … b`.
    pub range: Option<(f64, f64)>,
    /// Whether the range's ends belong to it as stated, by the convention of the public
    /// number-range specs: `between 20 and 30` is (20, 30), `from 1 to 10`, `20 through 100`
    /// and `20~100` are [1, 10), `20 or 30` is [20, 30]. News usually means both ends, so the
    /// figure's `rounding` keeps the closed range and comparisons use it.
    pub range_inclusive: (bool, bool),
    /// Vague plural (`dozens`, `hundreds of thousands`) as its lower bound: `[lo, ∞)`.
    pub vague: Option<f64>,
    /// A unit attached to the digits (`10km`).
    pub unit: Option<&'static str>,
    pub fraction: bool,
    /// A currency symbol inside the expression (`between $2 and $3 billion`).
    pub currency: Option<&'static str>,
    /// A scale word or suffix applied (`million`, `m`, `bn`).
    pub scaled: bool,
    /// The minus sign's token, when the number is negative (`-1`, `−3.5`, `minus 4`).
    pub sign: Option<usize>,
}

/// The result of trying to read a number at a token.
pub(crate) enum Parse {
    Num(NumExpr),
    /// Number-like tokens that are not a figure (`3-1`, `2018-2019`, `19th`); skip to here.
    Reject(usize),
    None,
}

pub(super) struct Single {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) scale: f64,
    /// A vague plural's lower bound.
    pub(super) vague: Option<f64>,
    pub(super) unit: Option<&'static str>,
    pub(super) fraction: bool,
    pub(super) in_words: bool,
}

impl Single {
    /// A number written in words, read to its value: no scale word left over, not vague, no
    /// unit of its own.
    pub(super) fn in_words(end: usize, value: f64, fraction: bool) -> Single {
        Single {
            end,
            value,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction,
            in_words: true,
        }
    }
}

/// True when a number (digits or a number word) could start at token `i`.
pub(crate) fn starts_number(cx: &Cx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Num) => true,
        // Vulgar fractions are the only punctuation that starts a number; all are non-ASCII.
        Some(Kind::Punct) => !cx.toks[i].ascii && vulgar_fraction(cx.s(i)).is_some(),
        // No number word is longer than `thousands`; most words end here.
        Some(Kind::Word) if cx.toks[i].end - cx.toks[i].start > 9 => false,
        Some(Kind::Word) => cx.low(i).is_some_and(|w| {
            let w = w.as_str();
            small_number(w).is_some()
                || matches!(
                    w,
                    "a" | "an"
                        | "half"
                        | "quarter"
                        | "dozens"
                        | "scores"
                        | "several"
                        | "hundred"
                        | "thousand"
                        | "hundreds"
                        | "thousands"
                        | "millions"
                        | "tens"
                        | "billions"
                )
        }),
        _ => false,
    }
}

/// The value of a vulgar fraction character (`½`, `¾`, `⅔`).
pub(crate) fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "\u{bd}" => 0.5,
        "\u{bc}" => 0.25,
        "\u{be}" => 0.75,
        "\u{2153}" => 1.0 / 3.0,
        "\u{2154}" => 2.0 / 3.0,
        "\u{2155}" => 0.2,
        "\u{2159}" => 1.0 / 6.0,
        "\u{215b}" => 0.125,
        "\u{215c}" => 0.375,
        "\u{215d}" => 0.625,
        "\u{215e}" => 0.875,
        _ => return None,
    })
}

/// Whether token `j` follows the one before it directly or after one space on the line, as
/// a vulgar fraction follows its whole number (`2½`, `2 ½`).
fn joined_fraction(cx: &Cx, j: usize) -> bool {
    if cx.attached(j) {
        return true;
    }
    let (Some(prev), Some(this)) = (
        j.checked_sub(1).and_then(|p| cx.toks.get(p)),
        cx.toks.get(j),
    ) else {
        return false;
    };
    let mut gap = cx.text[prev.end..this.start].chars();
    matches!((gap.next(), gap.next()), (Some(c), None) if c.is_whitespace() && c != '\n')
}

/// A vulgar fraction standing alone (`½ teaspoon`, `the result is ¾`): a share below one.
pub(super) fn parse_vulgar(cx: &Cx, i: usize) -> Option<Single> {
    let v = vulgar_fraction(cx.s(i))?;
    // `2½` and `2 ½` are read with their whole number.
    if i > 0 && joined_fraction(cx, i) && cx.kind(i - 1) == Some(Kind::Num) {
        return None;
    }
    Some(Single {
        end: i + 1,
        value: v,
        scale: 1.0,
        vague: None,
        unit: None,
        fraction: true,
        in_words: false,
    })
}

/// A fraction in digits at `k` (`3/4`, `1/2`): its value and the token after it. Dates
/// (`3/4/2024`), `9/11` and `24/7` are not fractions.
pub(super) fn digit_fraction(cx: &Cx, k: usize) -> Option<(f64, usize)> {
    let (n, d) = (cx.s(k), cx.get(k + 2).map(|_| cx.s(k + 2))?);
    if cx.kind(k) != Some(Kind::Num)
        || !cx.is_punct(k + 1, "/")
        || !cx.attached(k + 1)
        || !cx.attached(k + 2)
        || cx.kind(k + 2) != Some(Kind::Num)
        || !is_plain_digits(n)
        || !is_plain_digits(d)
        || n.len() > 2
        || (cx.is_punct(k + 3, "/") && cx.attached(k + 3))
        || (k > 0
            && cx.attached(k)
            && cx.kind(k - 1) == Some(Kind::Punct)
            && !minus_sign(cx, k - 1))
    {
        return None;
    }
    let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
    let usual = matches!(d as u32, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 32 | 64 | 100);
    (usual && n > 0.0 && n < d).then_some((n / d, k + 3))
}

/// True when the `-` or `−` at `k` is a sign (`-4/5`, ` −3`): it opens the text or follows a
/// space, so it joins nothing before it.
fn minus_sign(cx: &Cx, k: usize) -> bool {
    matches!(cx.s(k), "-" | "\u{2212}") && (k == 0 || cx.toks[k].space)
}

pub(super) fn parse_digits(cx: &Cx, i: usize) -> Option<Result<Single, usize>> {
    let raw = cx.s(i);
    let mut value = digits_value(raw)?;
    // `2 1/4 miles`: a whole number and a fraction.
    if is_plain_digits(raw)
        && cx
            .get(i + 1)
            .is_some_and(|t| t.space && t.kind == Kind::Num)
        && let Some((f, end)) = digit_fraction(cx, i + 1)
    {
        return Some(Ok(Single {
            end,
            value: value + f,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction: false,
            in_words: false,
        }));
    }
    // `3/4 of the vote`, `1/2 mile`: a share, when a noun or `of` follows and no date word
    // leads (`on 3/4`).
    if let Some((f, end)) = digit_fraction(cx, i) {
        let date_word = i > 0
            && cx.low(i - 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "on" | "by"
                        | "since"
                        | "until"
                        | "till"
                        | "from"
                        | "dated"
                        | "before"
                        | "after"
                )
            });
        let noun_after = cx.is_word(end, "of")
            || (cx.kind(end) == Some(Kind::Word)
                && !cx.capitalised(end)
                && !cx.is_word(end, "and"))
            || cx.get(end).is_none()
            || (cx.kind(end) == Some(Kind::Punct) && matches!(cx.s(end), "." | "," | ";" | ")"));
        if !date_word && noun_after {
            return Some(Ok(Single {
                end,
                value: f,
                scale: 1.0,
                vague: None,
                unit: None,
                fraction: true,
                in_words: false,
            }));
        }
    }
    let mut j = i + 1;
    // `2½ miles`, `2 ½-year`: a whole number and a vulgar fraction written onto it.
    if is_plain_digits(raw)
        && joined_fraction(cx, j)
        && let Some(f) = cx.get(j).and_then(|_| vulgar_fraction(cx.s(j)))
    {
        value += f;
        j += 1;
    }
    // A decimal comma, where what follows shows it: `1,5 million`, `3,5 %`, `2,25 per cent`.
    if is_plain_digits(raw)
        && cx.is_punct(j, ",")
        && cx.attached(j)
        && cx.attached(j + 1)
        && cx.kind(j + 1) == Some(Kind::Num)
        && is_plain_digits(cx.s(j + 1))
        && cx.s(j + 1).len() <= 2
    {
        let after = j + 2;
        let shows = cx.is_punct(after, "%")
            || cx.is_word(after, "percent")
            || (cx.is_word(after, "per") && cx.is_word(after + 1, "cent"))
            || cx.low(after).is_some_and(|w| {
                let w = w.as_str();
                (scale_word(w).is_some() && !w.ends_with('s') && w != "hundred")
                    || attached_scale(w).is_some_and(|_| w.len() >= 2 || w == "k")
            });
        // `1,3`, `12,5 kg`, `5,00`: digits joined by a comma with one or two after it are
        // a decimal, unless they are part of a chain (`1,2,3`) — read as two numbers they
        // would be two wrong values.
        let chain_after =
            cx.is_punct(j + 2, ",") && cx.attached(j + 2) && cx.kind(j + 3) == Some(Kind::Num);
        let chain_before = i >= 2
            && cx.is_punct(i - 1, ",")
            && cx.attached(i)
            && cx.kind(i - 2) == Some(Kind::Num);
        let joined_after = cx.attached(j + 2)
            && cx
                .get(j + 2)
                .is_some_and(|_| matches!(cx.s(j + 2), "-" | "/" | ":" | "."))
            && cx.kind(j + 3) == Some(Kind::Num);
        let shows = shows || (raw.len() <= 3 && !chain_after && !chain_before && !joined_after);
        if shows && let Ok(v) = format!("{raw}.{}", cx.s(j + 1)).parse::<f64>() {
            value = v;
            j += 2;
        }
    }
    let mut scale = 1.0;
    let mut unit = None;
    // `1.3e6`, `12.32e+14`: scientific notation, the exponent written onto the digits.
    if cx.is_word(j, "e") && cx.attached(j) {
        let (sign, k) = match cx.get(j + 1).map(|_| cx.s(j + 1)) {
            Some("+") if cx.attached(j + 1) => (1, j + 2),
            Some("-") if cx.attached(j + 1) => (-1, j + 2),
            _ => (1, j + 1),
        };
        if cx.kind(k) == Some(Kind::Num)
            && cx.attached(k)
            && is_plain_digits(cx.s(k))
            && cx.s(k).len() <= 2
            && let Ok(e) = cx.s(k).parse::<i32>()
        {
            value *= 10f64.powi(sign * e);
            return Some(Ok(Single {
                end: k + 1,
                value,
                scale: 1.0,
                vague: None,
                unit: None,
                fraction: false,
                in_words: false,
            }));
        }
    }
    // `1.1^23`, `1.3x10^6`: a power written with a caret.
    if let Some((v, end)) = super::powers::power(cx, j, value) {
        return Some(Ok(Single {
            end,
            value: v,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction: false,
            in_words: false,
        }));
    }
    // `115USD`: a currency code written onto the amount is read as money, after it.
    let code_after = cx.kind(j) == Some(Kind::Word)
        && cx.attached(j)
        && cx.s(j).len() == 3
        && cx.s(j).bytes().all(|b| b.is_ascii_uppercase())
        && currency_word(&cx.s(j).to_ascii_lowercase()).is_some();
    if cx.kind(j) == Some(Kind::Word) && cx.attached(j) && !code_after {
        let w = cx.low(j)?;
        let w = w.as_str();
        // `1.8m tall`: metres, where the words after say it is a length and no currency
        // makes it millions.
        let metres = w == "m"
            && cx.s(j) == "m"
            && !(i > 0 && currency_symbol(cx.s(i - 1)).is_some())
            && (cx.low(j + 1).is_some_and(|n| is_extent_word(n.as_str()))
                || (cx.kind(j + 1) == Some(Kind::Num)
                    && cx.attached(j + 1)
                    && matches!(cx.s(j + 1), "2" | "3")));
        if metres {
            unit = Some("m");
            if let Some(p) = cx.get(j + 1).and_then(|_| power_unit("m", cx.s(j + 1))) {
                unit = Some(p);
                j += 1;
            }
        } else if let Some(s) = attached_scale(w) {
            scale = s;
        } else if cx.s(j) == "MM" {
            // `1MM`: a million in finance notation (lowercase `mm` is millimetres).
            scale = 1e6;
        } else if matches!(cx.s(j), "C" | "F") {
            // `-18C`, `104F`: temperatures.
            unit = Some(if cx.s(j) == "C" { "°C" } else { "°F" });
        } else if let Some(u) = unit_word(w).or(match w {
            // Written onto digits, `5TB` is storage; apart, `TB` is the disease.
            "tb" => Some("TB"),
            "pb" => Some("PB"),
            _ => None,
        }) && (!cx.s(j).chars().any(char::is_uppercase)
            || matches!(u, "MW" | "GW" | "KB" | "MB" | "GB" | "TB" | "PB"))
        {
            unit = Some(u);
            // `24703m2`, `190 km2`: square and cubic units; other digits written on are a
            // code (`24703 m212`).
            if cx.kind(j + 1) == Some(Kind::Num) && cx.attached(j + 1) {
                match power_unit(u, cx.s(j + 1)) {
                    Some(p) if !cx.attached(j + 2) || cx.kind(j + 2) == Some(Kind::Punct) => {
                        unit = Some(p);
                        j += 1;
                    }
                    _ => return Some(Err(j + 2)),
                }
            } else if cx.is_punct(j + 1, "/")
                && cx.attached(j + 1)
                && cx.attached(j + 2)
                && cx
                    .low(j + 2)
                    .is_some_and(|h| matches!(h.as_str(), "h" | "hr" | "hour"))
                && let Some(speed) = match u {
                    "km" => Some("km/h"),
                    "miles" => Some("mph"),
                    _ => None,
                }
            {
                // `10km/hr`.
                unit = Some(speed);
                j += 2;
            }
        } else {
            // Ordinals (`19th`), decades (`1990s`), names (`3D`, `5G`).
            return Some(Err(j + 1));
        }
        j += 1;
    } else if cx.kind(j) == Some(Kind::Word)
        && let Some(w) = cx.low(j)
        && let Some(s) = scale_word(w.as_str())
        && !w.as_str().ends_with('s')
    {
        scale = s;
        j += 1;
        // `1.2 lakh crore`, `5 hundred thousand`: scales multiply.
        if let Some(w) = cx.low(j)
            && let Some(s2) = scale_word(w.as_str())
            && s2 > s
            && !w.as_str().ends_with('s')
        {
            scale *= s2;
            j += 1;
        }
    } else if !is_plain_digits(raw)
        && cx.kind(j) == Some(Kind::Word)
        && matches!(cx.s(j), "M" | "MM" | "B" | "K")
        && !cx.attached(j + 1)
        && !cx.capitalised(j + 1)
    {
        // `3.2 M units`, `1,674,200.5 M`: a capital scale letter written apart from digits
        // with a point or separators (a plain `3 M` is too often a name).
        scale = match cx.s(j) {
            "K" => 1e3,
            "B" => 1e9,
            _ => 1e6,
        };
        j += 1;
    } else if cx.kind(j) == Some(Kind::Word)
        && let Some(w) = cx.low(j)
        && matches!(
            w.as_str(),
            "bn" | "mn" | "mln" | "bln" | "tn" | "trn" | "tln"
        )
    {
        // `3 bn`, `40 mn`: abbreviated scales written apart.
        scale = attached_scale(w.as_str()).unwrap_or(1e12);
        j += 1;
    } else if is_plain_digits(raw)
        && let Some((f, next)) = and_fraction(cx, j)
    {
        // `2 and a half hours`.
        value += f;
        j = next;
    } else if cx.low(j).is_some_and(|w| {
        matches!(
            w.as_str(),
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs"
        )
    }) && is_plain_digits(raw)
    {
        // `3 dozen`, `3 dzs`.
        scale = 12.0;
        j += 1;
    } else if cx.is_punct(j, "\u{b0}") && cx.attached(j) {
        // `40°C`, `40°`.
        unit = Some(match cx.get(j + 1).map(|_| cx.s(j + 1)) {
            Some("F") if cx.attached(j + 1) => "°F",
            _ => "°C",
        });
        j += if matches!(cx.get(j + 1).map(|_| cx.s(j + 1)), Some("C" | "F")) && cx.attached(j + 1)
        {
            2
        } else {
            1
        };
    }
    value *= scale;
    // `5 million 300 thousand`, `4 thousand 3 hundred and 21`: smaller parts after a scaled
    // one add to it, each below the scale before it.
    let mut last_scale = scale;
    while last_scale >= 100.0 && scale_word_after(cx, j - 1) {
        let and = cx.is_word(j, "and");
        let k = if and { j + 1 } else { j };
        if cx.kind(k) != Some(Kind::Num) || !is_plain_digits(cx.s(k)) {
            break;
        }
        let Ok(v) = cx.s(k).parse::<f64>() else { break };
        match cx.low(k + 1).and_then(|w| scale_word(w.as_str())) {
            Some(s2) if s2 < last_scale && v * s2 < last_scale && !cx.s(k + 1).ends_with('s') => {
                value += v * s2;
                last_scale = s2;
                j = k + 2;
            }
            // `3 hundred and 21`: the units close the number.
            None if and && v < 100.0 && v < last_scale => {
                value += v;
                j = k + 1;
                break;
            }
            _ => break,
        }
    }
    Some(Ok(Single {
        end: j,
        value,
        scale,
        vague: None,
        unit,
        fraction: false,
        in_words: false,
    }))
}

/// Words after a length that say it is one: `1.8m tall`, `a 2m wall` is not read.
pub(super) fn is_extent_word(w: &str) -> bool {
    matches!(
        w,
        "tall"
            | "high"
            | "long"
            | "wide"
            | "deep"
            | "thick"
            | "away"
            | "across"
            | "underground"
            | "underwater"
            | "below"
            | "above"
            | "beneath"
    )
}

/// The square or cubic unit a `2` or `3` written onto a length makes (`m2` is m²).
pub(crate) fn power_unit(u: &str, power: &str) -> Option<&'static str> {
    Some(match (u, power) {
        ("m", "2") => "m\u{b2}",
        ("km", "2") => "km\u{b2}",
        ("cm", "2") => "cm\u{b2}",
        ("mm", "2") => "mm\u{b2}",
        ("m", "3") => "m\u{b3}",
        ("cm", "3") => "cm\u{b3}",
        ("km", "3") => "km\u{b3}",
        _ => return None,
    })
}

/// True when token `k` is a scale word (`hundred`, `thousand`, `million`).
fn scale_word_after(cx: &Cx, k: usize) -> bool {
    cx.low(k).is_some_and(|w| scale_word(w.as_str()).is_some())
}

/// A share written in words (`a third`, `half`), ending before token `end`.
pub(super) fn fraction_single(end: usize, value: f64) -> Single {
    Single::in_words(end, value, true)
}

/// `a third of`, `two-thirds`, `three quarters of`, `a fifth of`, `one half of`.
pub(super) fn word_fraction(cx: &Cx, i: usize, first: &str) -> Option<Single> {
    let mut k = i + 1;
    // `two-thirds`, `one - fourth`.
    let hyphen = cx.is_punct(k, "-") && cx.attached(k) == cx.attached(k + 1);
    if hyphen {
        k += 1;
    }
    let part = cx.low(k)?;
    let plural = part.as_str().ends_with('s');
    let d = denominator_word(part.as_str())?;
    let n = match first {
        "a" | "an" | "one" => 1.0,
        w => small_number(w)?,
    };
    if n >= d || (n > 1.0) != plural || n == 0.0 {
        return None;
    }
    // `a third victim`, `the fifth attack`: ordinals, not shares. A share is followed by
    // `of` or written with a hyphen (`a two-thirds majority`).
    // `a quarter of a million`, `three quarters of a billion`: a scaled amount.
    if cx.is_word(k + 1, "of")
        && cx.is_word(k + 2, "a")
        && let Some(w) = cx.low(k + 3)
        && let Some(sc) = scale_word(w.as_str()).filter(|_| !w.as_str().ends_with('s'))
    {
        return Some(Single::in_words(k + 4, n / d * sc, false));
    }
    // `a quarter million`, `three quarters billion`: a share of the scale after it.
    if let Some(w) = cx.low(k + 1)
        && let Some(sc) = scale_word(w.as_str()).filter(|s| *s >= 1e3 && !w.as_str().ends_with('s'))
    {
        return Some(Single::in_words(k + 2, n / d * sc, false));
    }
    // After a comparison a share needs no `of`: `fewer than a third passed`, `cut by a third`.
    let compared = compared_before(cx, i);
    // Standing alone (`one third.`, a table cell) it is a share too.
    let alone = cx.get(k + 1).is_none()
        || (cx.kind(k + 1) == Some(Kind::Punct) && matches!(cx.s(k + 1), "." | "," | ";" | ")"));
    if !(cx.is_word(k + 1, "of") || hyphen || compared || alone) {
        return None;
    }
    Some(fraction_single(k + 1, n / d))
}

/// True when a comparison or an approximation comes right before token `i` (`more than`,
/// `cut by`, `nearly`): after one, a share needs no `of` (`more than half voted`).
pub(super) fn compared_before(cx: &Cx, i: usize) -> bool {
    i > 0
        && cx.low(i - 1).is_some_and(|p| {
            matches!(
                p.as_str(),
                "than"
                    | "by"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "around"
                    | "over"
                    | "under"
                    | "some"
                    | "only"
                    | "just"
                    | "exactly"
                    | "barely"
                    | "least"
                    | "most"
                    | "above"
                    | "below"
            )
        })
}

/// The denominator a fraction word names (`third` → 3, `quarters` → 4).
pub(super) fn denominator_word(w: &str) -> Option<f64> {
    Some(match w.strip_suffix('s').unwrap_or(w) {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Vague plurals as lower bounds: `dozens` 24, `scores` 40, `hundreds` 200, `tens of
/// thousands` 20 000, `hundreds of thousands` 200 000.
pub(super) fn vague_plural(cx: &Cx, i: usize, first: &str) -> Option<Single> {
    let vague = |lo: f64, end: usize| Single {
        end,
        value: lo,
        scale: 1.0,
        vague: Some(lo),
        unit: None,
        fraction: false,
        in_words: true,
    };
    let base = match first {
        "dozens" => 12.0,
        "scores" => 20.0,
        "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    };
    // `test scores of 80`, `the scores`: a noun, not a count.
    if first == "scores"
        && (!cx.is_word(i + 1, "of")
            || starts_number(cx, i + 2)
            || (i > 0 && cx.kind(i - 1) == Some(Kind::Word) && !cx.is_word(i - 1, "and")))
    {
        return None;
    }
    // `hundreds of thousands`, `tens of millions`, `dozens of thousands`.
    if cx.is_word(i + 1, "of")
        && let Some(w) = cx.low(i + 2)
        && let Some(m) = match w.as_str() {
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        }
        && base < m
    {
        return Some(vague(2.0 * base * m, i + 3));
    }
    if first == "tens" {
        return None;
    }
    Some(vague(2.0 * base, i + 1))
}

/// `and a half`, `and three quarters` after a whole number: the fraction to add, and the
/// token after it.
pub(super) fn and_fraction(cx: &Cx, j: usize) -> Option<(f64, usize)> {
    // `two-and-a-half`: the hyphens join the words.
    let dash = |k: usize| cx.is_punct(k, "-") && cx.attached(k) && cx.attached(k + 1);
    let j = if dash(j) { j + 1 } else { j };
    if !cx.is_word(j, "and") {
        return None;
    }
    let k = if dash(j + 1) { j + 2 } else { j + 1 };
    let first = cx.low(k)?;
    let (f, end) = word_fraction_bare(cx, k, first.as_str())?;
    Some((f, end))
}

/// A fraction after `and`, where no `of` is needed (`one and a half million`).
pub(super) fn word_fraction_bare(cx: &Cx, i: usize, first: &str) -> Option<(f64, usize)> {
    let n = match first {
        "a" | "an" | "one" => 1.0,
        w => small_number(w)?,
    };
    let mut k = i + 1;
    if cx.is_punct(k, "-") && cx.attached(k) {
        k += 1;
    }
    let d = denominator_word(cx.low(k)?.as_str())?;
    (n < d).then_some((n / d, k + 1))
}

/// Decimal digits spoken after `point` (`point zero three` → 0.03, `point five` → 0.5).
pub(super) fn point_digits(cx: &Cx, j: usize) -> Option<(f64, usize)> {
    if !cx.is_word(j, "point") {
        return None;
    }
    let mut k = j + 1;
    let mut digits = String::from("0.");
    while let Some(w) = cx.low(k)
        && let Some(v) = small_number(w.as_str()).filter(|v| *v < 10.0)
    {
        digits.push(char::from(b'0' + v as u8));
        k += 1;
    }
    // `point seventy-one`, `point eleven`: a number from 10 to 99 read as its two digits.
    if k == j + 1
        && let Some(v) = cx
            .low(k)
            .and_then(|w| small_number(w.as_str()))
            .filter(|v| *v >= 10.0)
    {
        let mut v = v;
        k += 1;
        if v >= 20.0 && v % 10.0 == 0.0 {
            let h = usize::from(cx.is_punct(k, "-"));
            if let Some(u) = cx
                .low(k + h)
                .and_then(|w| small_number(w.as_str()))
                .filter(|u| *u > 0.0 && *u < 10.0)
            {
                v += u;
                k += h + 1;
            }
        }
        return Some((v / 100.0, k));
    }
    if k == j + 1 {
        // `point 5` written with a digit.
        if cx.kind(k) == Some(Kind::Num) && is_plain_digits(cx.s(k)) {
            return Some((format!("0.{}", cx.s(k)).parse().ok()?, k + 1));
        }
        return None;
    }
    Some((digits.parse().ok()?, k))
}

pub(super) fn is_plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}
