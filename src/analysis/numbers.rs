//! Reading one number expression from tokens: digits (`2,997`, `15.8m`, `3.6 billion`),
//! words (`one hundred and thirty-three`, `a dozen`), vague plurals (`hundreds`,
//! `tens of thousands`), fractions (`half`) and ranges (`150-200`, `between 150 and 200`).

use super::tokens::{Kind, Tok, digits_value};
use super::words::{
    Lower, attached_scale, currency_symbol, currency_word, scale_word, small_number, unit_word,
};

/// Token access with the text they point into.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    /// `text` after [`str::to_ascii_lowercase`]: the same byte offsets, lowercase words.
    pub lower: &'a str,
    pub toks: &'a [Tok],
    /// End (exclusive) of the current sentence's tokens.
    pub end: usize,
}

impl<'a> Cx<'a> {
    pub(crate) fn s(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    pub(crate) fn get(&self, i: usize) -> Option<&'a Tok> {
        if i < self.end { self.toks.get(i) } else { None }
    }

    pub(crate) fn low(&self, i: usize) -> Option<Lower<'a>> {
        self.get(i).and_then(|t| match t.kind {
            Kind::Word => Lower::new(t.ascii, &self.lower[t.start..t.end]),
            _ => None,
        })
    }

    pub(crate) fn is_word(&self, i: usize, w: &str) -> bool {
        self.get(i).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case(w)
        })
    }

    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.get(i)
            .is_some_and(|t| t.kind == Kind::Punct && &self.text[t.start..t.end] == p)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.get(i).map(|t| t.kind)
    }

    /// True when token `i` exists and touches the previous token.
    pub(crate) fn attached(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| !t.space)
    }

    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && self.text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }
}

/// One number expression, before context is read.
#[derive(Clone, Debug)]
pub(crate) struct NumExpr {
    /// First token of the expression (`between` for a `between … and …` range).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub value: f64,
    /// Explicit closed range `[a, b]`.
    pub range: Option<(f64, f64)>,
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

struct Single {
    end: usize,
    value: f64,
    scale: f64,
    /// A vague plural's lower bound.
    vague: Option<f64>,
    unit: Option<&'static str>,
    fraction: bool,
    in_words: bool,
}

/// True when a number (digits or a number word) could start at token `i`.
pub(crate) fn starts_number(cx: &Cx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Num) => true,
        // No number word is longer than `thousands`; most words end here.
        Some(Kind::Word) if cx.toks[i].end - cx.toks[i].start > 9 => false,
        Some(Kind::Word) => cx.low(i).is_some_and(|w| {
            let w = w.as_str();
            small_number(w).is_some()
                || matches!(
                    w,
                    "a" | "an"
                        | "half"
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

/// A fraction in digits at `k` (`3/4`, `1/2`): its value and the token after it. Dates
/// (`3/4/2024`), `9/11` and `24/7` are not fractions.
fn digit_fraction(cx: &Cx, k: usize) -> Option<(f64, usize)> {
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
        || (k > 0 && cx.attached(k) && cx.kind(k - 1) == Some(Kind::Punct))
    {
        return None;
    }
    let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
    let usual = matches!(d as u32, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 32 | 64 | 100);
    (usual && n > 0.0 && n < d).then_some((n / d, k + 3))
}

fn parse_digits(cx: &Cx, i: usize) -> Option<Result<Single, usize>> {
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
                    || attached_scale(w).is_some_and(|_| w.len() >= 2)
            });
        if shows && let Ok(v) = format!("{raw}.{}", cx.s(j + 1)).parse::<f64>() {
            value = v;
            j += 2;
        }
    }
    let mut scale = 1.0;
    let mut unit = None;
    if cx.kind(j) == Some(Kind::Word) && cx.attached(j) {
        let w = cx.low(j)?;
        let w = w.as_str();
        if let Some(s) = attached_scale(w) {
            scale = s;
        } else if matches!(cx.s(j), "C" | "F") {
            // `-18C`, `104F`: temperatures.
            unit = Some(if cx.s(j) == "C" { "°C" } else { "°F" });
        } else if let Some(u) = unit_word(w)
            && (!cx.s(j).chars().any(char::is_uppercase) || matches!(u, "MW" | "GW"))
        {
            unit = Some(u);
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
    } else if cx.kind(j) == Some(Kind::Word)
        && let Some(w) = cx.low(j)
        && matches!(w.as_str(), "bn" | "mn" | "mln" | "bln" | "tn" | "trn")
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
    } else if cx.is_word(j, "dozen") && is_plain_digits(raw) {
        // `3 dozen`.
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
    // `5 million 300 thousand`: a smaller scaled part after a larger one adds to it.
    if scale >= 1e6
        && cx.kind(j) == Some(Kind::Num)
        && is_plain_digits(cx.s(j))
        && let Some(w) = cx.low(j + 1)
        && let Some(s2) = scale_word(w.as_str()).filter(|s2| *s2 < scale)
        && let Ok(v) = cx.s(j).parse::<f64>()
        && v * s2 < scale
    {
        value += v * s2;
        j += 2;
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

fn fraction_single(end: usize, value: f64) -> Single {
    Single {
        end,
        value,
        scale: 1.0,
        vague: None,
        unit: None,
        fraction: true,
        in_words: true,
    }
}

/// `a third of`, `two-thirds`, `three quarters of`, `a fifth of`, `one half of`.
fn word_fraction(cx: &Cx, i: usize, first: &str) -> Option<Single> {
    let mut k = i + 1;
    let hyphen = cx.is_punct(k, "-") && cx.attached(k);
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
        return Some(Single {
            end: k + 4,
            value: n / d * sc,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction: false,
            in_words: true,
        });
    }
    // After a comparison a share needs no `of`: `fewer than a third passed`, `cut by a third`.
    let compared = i > 0
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
            )
        });
    // Standing alone (`one third.`, a table cell) it is a share too.
    let alone = cx.get(k + 1).is_none()
        || (cx.kind(k + 1) == Some(Kind::Punct) && matches!(cx.s(k + 1), "." | "," | ";" | ")"));
    if !(cx.is_word(k + 1, "of") || hyphen || compared || alone) {
        return None;
    }
    Some(fraction_single(k + 1, n / d))
}

/// The denominator a fraction word names (`third` → 3, `quarters` → 4).
fn denominator_word(w: &str) -> Option<f64> {
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
        "twelfth" => 12.0,
        "twentieth" => 20.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        _ => return None,
    })
}

/// Vague plurals as lower bounds: `dozens` 24, `scores` 40, `hundreds` 200, `tens of
/// thousands` 20 000, `hundreds of thousands` 200 000.
fn vague_plural(cx: &Cx, i: usize, first: &str) -> Option<Single> {
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
fn and_fraction(cx: &Cx, j: usize) -> Option<(f64, usize)> {
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
fn word_fraction_bare(cx: &Cx, i: usize, first: &str) -> Option<(f64, usize)> {
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
fn point_digits(cx: &Cx, j: usize) -> Option<(f64, usize)> {
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
    if k == j + 1 {
        // `point 5` written with a digit.
        if cx.kind(k) == Some(Kind::Num) && is_plain_digits(cx.s(k)) {
            return Some((format!("0.{}", cx.s(k)).parse().ok()?, k + 1));
        }
        return None;
    }
    Some((digits.parse().ok()?, k))
}

fn is_plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn parse_words(cx: &Cx, i: usize) -> Option<Single> {
    let first = cx.low(i)?;
    let first = first.as_str();
    if let Some(f) = word_fraction(cx, i, first) {
        return Some(f);
    }
    if let Some(v) = vague_plural(cx, i, first) {
        return Some(v);
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
                return Some(Single {
                    end: i + 3,
                    value: s / 2.0,
                    scale: 1.0,
                    vague: None,
                    unit: None,
                    fraction: false,
                    in_words: true,
                });
            }
        }
        // `half the world`, `half of them`, `half an hour`; not `second half`, `half-hearted`.
        if cx.is_punct(i + 1, "-") && cx.attached(i + 1) {
            return None;
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
        return Some(Single {
            end: i + 4,
            value: 2.0 * base,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction: false,
            in_words: true,
        });
    }
    // `a couple of`.
    if matches!(first, "a" | "one") && cx.is_word(i + 1, "couple") && cx.is_word(i + 2, "of") {
        return Some(Single {
            end: i + 2,
            value: 2.0,
            scale: 1.0,
            vague: None,
            unit: None,
            fraction: false,
            in_words: true,
        });
    }
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut fraction_part = 0.0;
    // What the last consumed word was: 0 none, 1 unit (1–19), 2 tens, 3 scale.
    let mut last = 0u8;
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
                last = 3;
                any = true;
            }
            "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore" if last != 0 => {
                let s = scale_word(w).unwrap_or(1.0);
                total += (current.max(1.0) + fraction_part) * s;
                fraction_part = 0.0;
                current = 0.0;
                last = 3;
                any = true;
            }
            "dozen" if last == 1 => {
                current *= 12.0;
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
    Some(Single {
        end: j,
        value: total + current + fraction_part,
        scale: 1.0,
        vague: None,
        unit: None,
        fraction: false,
        in_words: true,
    })
}

fn parse_single(cx: &Cx, i: usize) -> Option<Result<Single, usize>> {
    match cx.kind(i)? {
        Kind::Num => parse_digits(cx, i),
        Kind::Word => parse_words(cx, i).map(Ok),
        Kind::Punct => None,
    }
}

fn is_year_like(cx: &Cx, i: usize, v: f64) -> bool {
    cx.kind(i) == Some(Kind::Num) && cx.s(i).len() == 4 && (1800.0..=2100.0).contains(&v)
}

/// True when a change word comes shortly before `from` (`rose from`, `the toll was revised
/// from`, `an increase from`).
fn change_before(cx: &Cx, from: usize) -> bool {
    (from.saturating_sub(6)..from).any(|k| {
        cx.low(k).is_some_and(|w| {
            let w = w.as_str();
            let stem = w
                .strip_suffix("ing")
                .or_else(|| w.strip_suffix("ed"))
                .or_else(|| w.strip_suffix("es"))
                .or_else(|| w.strip_suffix('s'))
                .unwrap_or(w);
            matches!(
                stem,
                "rose"
                    | "ris"
                    | "rise"
                    | "risen"
                    | "fell"
                    | "fall"
                    | "fallen"
                    | "increas"
                    | "decreas"
                    | "climb"
                    | "jump"
                    | "drop"
                    | "dropp"
                    | "grew"
                    | "grow"
                    | "grown"
                    | "revis"
                    | "rais"
                    | "lower"
                    | "cut"
                    | "went"
                    | "gone"
                    | "chang"
                    | "mov"
                    | "surg"
                    | "soar"
                    | "plung"
                    | "slipp"
                    | "slip"
                    | "declin"
                    | "shrank"
                    | "shrunk"
                    | "doubl"
                    | "tripl"
                    | "upgrad"
                    | "downgrad"
                    | "correct"
                    | "adjust"
                    | "swell"
                    | "swoll"
                    | "spik"
                    | "leap"
                    | "leapt"
                    | "tumbl"
                    | "slid"
                    | "slide"
                    | "edg"
                    | "up"
                    | "down"
                    | "amend"
                    | "updat"
                    | "increase"
                    | "decrease"
                    | "reduc"
            )
        })
    })
}

/// `555-0199`, `020-7946`: digit groups of a phone number, not a range.
fn phone_like(cx: &Cx, a: usize, b: usize) -> bool {
    let (x, y) = (cx.s(a), cx.s(b));
    is_plain_digits(x)
        && is_plain_digits(y)
        && ((x.len() == 3 && y.len() == 4) || x.starts_with('0') || y.starts_with('0'))
}

/// `won 3-1`, `a 2-4 defeat`: a score, not a range.
fn score_like(cx: &Cx, a: usize, end: usize) -> bool {
    let sporty = |k: usize| {
        cx.low(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "won"
                    | "win"
                    | "wins"
                    | "lost"
                    | "lose"
                    | "loses"
                    | "beat"
                    | "beats"
                    | "drew"
                    | "draw"
                    | "drawn"
                    | "defeat"
                    | "defeated"
                    | "defeats"
                    | "victory"
                    | "loss"
                    | "score"
                    | "scored"
                    | "scoreline"
                    | "led"
                    | "lead"
                    | "leads"
                    | "trailed"
                    | "trailing"
                    | "thrashed"
                    | "thrashing"
                    | "edged"
                    | "routed"
                    | "rout"
                    | "triumph"
                    | "match"
                    | "game"
                    | "final"
                    | "half-time"
                    | "halftime"
            )
        })
    };
    (a.saturating_sub(3)..a).any(sporty) || (end..end + 2).any(sporty)
}

/// A minus written before the number at `i`: `-1` and `−3.5` (attached, after a space), or
/// the words `minus` and `negative`.
fn sign_before(cx: &Cx, i: usize) -> Option<usize> {
    let k = i.checked_sub(1)?;
    let t = cx.toks.get(k)?;
    match t.kind {
        Kind::Punct => {
            let minus = matches!(cx.s(k), "-" | "\u{2212}");
            (minus && cx.attached(i) && (t.space || k == 0) && cx.kind(i) == Some(Kind::Num))
                .then_some(k)
        }
        Kind::Word => (cx.is_word(k, "minus") || cx.is_word(k, "negative")).then_some(k),
        Kind::Num => None,
    }
}

/// Reads the number expression starting at token `i`.
pub(crate) fn parse_expr(cx: &Cx, i: usize) -> Parse {
    let a = match parse_single(cx, i) {
        None => return Parse::None,
        Some(Err(skip)) => return Parse::Reject(skip),
        Some(Ok(a)) => a,
    };
    let mut expr = NumExpr {
        first: i,
        end: a.end,
        value: a.value,
        range: None,
        vague: a.vague,
        unit: a.unit,
        fraction: a.fraction,
        currency: None,
        scaled: a.scale != 1.0,
        sign: None,
    };
    if a.vague.is_some() || a.fraction {
        return Parse::Num(expr);
    }
    let sign = sign_before(cx, i);
    let a_value = if let Some(k) = sign {
        expr.value = -expr.value;
        expr.sign = Some(k);
        -a.value
    } else {
        a.value
    };
    let base = sign.unwrap_or(i);
    // `between 5% and 10%`, `5%-10%`: the sign of the first end is read with the second.
    let j = if cx.is_punct(a.end, "%")
        && (cx.is_word(a.end + 1, "and") || cx.is_word(a.end + 1, "to"))
        && cx.kind(a.end + 2) == Some(Kind::Num)
        && cx.is_punct(a.end + 3, "%")
    {
        a.end + 1
    } else {
        a.end
    };
    // `between $2 billion and $3 billion`: the currency symbol sits between word and number.
    let currency = base > 0 && currency_symbol(cx.s(base - 1)).is_some();
    let lead = if currency {
        base.checked_sub(2)
    } else {
        base.checked_sub(1)
    };
    // Which connector could make a range, and where the second number starts.
    let dash = sign.is_none()
        && ((cx.is_punct(j, "-") && cx.attached(j) && cx.attached(j + 1))
            || cx.is_punct(j, "\u{2013}"));
    let between = lead.is_some_and(|l| cx.is_word(l, "between")) && cx.is_word(j, "and");
    // `from 150 to 200` is a range; `rose from 100 to 139` is a change, two figures.
    let from = lead.is_some_and(|l| cx.is_word(l, "from"));
    let from_range = from && lead.is_some_and(|l| !change_before(cx, l));
    let to = (cx.is_word(j, "to") && (!from || from_range))
        || cx.is_word(j, "through")
        || cx.is_word(j, "thru");
    let or = cx.is_word(j, "or");
    let mut second = if currency && cx.get(j + 1).is_some_and(|_| cx.s(j + 1) == cx.s(base - 1)) {
        j + 2
    } else {
        j + 1
    };
    // `between -5 and -2`: the second end has its own sign.
    let mut b_sign = 1.0;
    if (between || to)
        && cx.kind(second) == Some(Kind::Punct)
        && matches!(cx.s(second), "-" | "\u{2212}")
        && cx.attached(second + 1)
        && cx.kind(second + 1) == Some(Kind::Num)
    {
        b_sign = -1.0;
        second += 1;
    }
    if sign.is_some() && !(between || to) {
        return Parse::Num(expr);
    }
    if !(dash || between || to || or) || !starts_number(cx, second) {
        return Parse::Num(expr);
    }
    if a.in_words != (cx.kind(second) == Some(Kind::Word)) && !dash {
        return Parse::Num(expr);
    }
    let b = match parse_single(cx, second) {
        Some(Ok(b)) if b.vague.is_none() && !b.fraction => b,
        _ => return Parse::Num(expr),
    };
    // Year spans (`2018-2022`, `between 2010 and 2015`), dates (`2018-09-14`) and scores
    // (`3-1`) are not ranges of a count.
    if !a.in_words && is_year_like(cx, i, a.value) && (dash || is_year_like(cx, second, b.value)) {
        return Parse::Reject(b.end);
    }
    let mut lo = a_value;
    if b.scale != 1.0 && a.scale == 1.0 {
        lo *= b.scale;
    }
    let b_value = b_sign * b.value;
    if dash && !a.in_words && (phone_like(cx, i, second) || score_like(cx, i, b.end)) {
        return Parse::Reject(b.end);
    }
    if b_value <= lo {
        return if dash && !a.in_words {
            Parse::Reject(b.end)
        } else {
            Parse::Num(expr)
        };
    }
    // Attached tails such as `12:11` after `to` make the second number something else.
    if cx.is_punct(b.end, ":") && cx.attached(b.end) {
        return Parse::Num(expr);
    }
    if (between || from_range)
        && let Some(l) = lead
    {
        expr.first = l;
        if currency {
            expr.currency = currency_symbol(cx.s(base - 1));
        }
    }
    if sign.is_some() {
        // The range starts at `between`/the sign; the sign token is inside it now.
        expr.sign = None;
        if !(between || from_range) {
            expr.first = base;
        }
    }
    expr.value = lo;
    expr.range = Some((lo, b_value));
    expr.end = b.end;
    expr.unit = expr.unit.or(b.unit);
    expr.scaled |= b.scale != 1.0;
    Parse::Num(expr)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    type Parsed = (f64, Option<(f64, f64)>, Option<f64>, String);

    fn parse(text: &str) -> Option<Parsed> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let lower = text.to_ascii_lowercase();
        let cx = Cx {
            text,
            lower: &lower,
            toks: &toks,
            end: toks.len(),
        };
        let i = (0..toks.len()).find(|&i| starts_number(&cx, i))?;
        match parse_expr(&cx, i) {
            Parse::Num(e) => Some((
                e.value,
                e.range,
                e.vague,
                text[toks[e.first].start..toks[e.end - 1].end].to_owned(),
            )),
            _ => None,
        }
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_eq!(parse("claimed 2,997 lives").map(|p| p.0), Some(2997.0));
        assert_eq!(parse("£15.8m").map(|p| p.0), Some(15_800_000.0));
        assert_eq!(parse("$3.6 billion").map(|p| p.0), Some(3_600_000_000.0));
        assert!(parse("the 19th century").is_none());
    }

    #[test]
    fn words_compose() {
        assert_eq!(
            parse("one hundred and thirty-three people").map(|p| p.0),
            Some(133.0)
        );
        assert_eq!(
            parse("one hundred and thirty-three people").map(|p| p.3),
            Some("one hundred and thirty-three".to_owned())
        );
        assert_eq!(parse("Nineteen years").map(|p| p.0), Some(19.0));
        assert_eq!(parse("a dozen men").map(|p| p.0), Some(12.0));
        assert_eq!(parse("two million people").map(|p| p.0), Some(2e6));
        assert_eq!(parse("twenty five").map(|p| p.0), Some(25.0));
        assert_eq!(parse("five six").map(|p| p.0), Some(5.0));
        assert_eq!(parse("a man").map(|p| p.0), None);
    }

    #[test]
    fn vague_plurals_and_ranges() {
        assert_eq!(
            parse("tens of thousands of people").and_then(|p| p.2),
            Some(20_000.0)
        );
        assert_eq!(parse("hundreds of people").and_then(|p| p.2), Some(200.0));
        assert_eq!(parse("scores of protesters").and_then(|p| p.2), Some(40.0));
        assert_eq!(parse("test scores of 80").and_then(|p| p.2), None);
        assert_eq!(
            parse("between 150 and 200 people").and_then(|p| p.1),
            Some((150.0, 200.0))
        );
        assert_eq!(
            parse("150-200 people").and_then(|p| p.1),
            Some((150.0, 200.0))
        );
        assert_eq!(parse("$3-4 billion").and_then(|p| p.1), Some((3e9, 4e9)));
        assert_eq!(parse("rose from 100 to 139").and_then(|p| p.1), None);
        assert_eq!(
            parse("the toll was revised from 100 to 139").and_then(|p| p.1),
            None
        );
        assert_eq!(
            parse("crowds of from 100 to 139 people").and_then(|p| p.1),
            Some((100.0, 139.0))
        );
        assert!(parse("won 3-1 at home").is_none());
    }
}
