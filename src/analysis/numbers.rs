//! Reading one number expression from tokens: digits (`2,997`, `15.8m`, `3.6 billion`),
//! words (`one hundred and thirty-three`, `a dozen`), vague plurals (`hundreds`,
//! `tens of thousands`), fractions (`half`) and ranges (`150-200`, `between 150 and 200`).

use super::tokens::{Kind, Tok};
use super::words::{Lower, attached_scale, currency_symbol, scale_word, small_number, unit_word};

/// Token access with the text they point into.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub text: &'a str,
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

    pub(crate) fn low(&self, i: usize) -> Option<Lower> {
        self.get(i).and_then(|t| match t.kind {
            Kind::Word => Lower::new(&self.text[t.start..t.end]),
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
    /// Vague plural as the half-open interval `[lo, hi)`.
    pub vague: Option<(f64, f64)>,
    /// A unit attached to the digits (`10km`).
    pub unit: Option<&'static str>,
    pub fraction: bool,
    /// A currency symbol inside the expression (`between $2 and $3 billion`).
    pub currency: Option<&'static str>,
    /// A scale word or suffix applied (`million`, `m`, `bn`).
    pub scaled: bool,
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
    vague: Option<(f64, f64)>,
    unit: Option<&'static str>,
    fraction: bool,
    in_words: bool,
}

/// True when a number (digits or a number word) could start at token `i`.
pub(crate) fn starts_number(cx: &Cx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Num) => true,
        Some(Kind::Word) => cx.low(i).is_some_and(|w| {
            let w = w.as_str();
            small_number(w).is_some()
                || matches!(
                    w,
                    "a" | "an"
                        | "half"
                        | "dozens"
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

fn parse_digits(cx: &Cx, i: usize) -> Option<Result<Single, usize>> {
    let raw = cx.s(i);
    let mut value: f64 = raw.replace(',', "").parse().ok()?;
    let mut j = i + 1;
    let mut scale = 1.0;
    let mut unit = None;
    if cx.kind(j) == Some(Kind::Word) && cx.attached(j) {
        let w = cx.low(j)?;
        let w = w.as_str();
        if let Some(s) = attached_scale(w) {
            scale = s;
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
    }
    value *= scale;
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

fn parse_words(cx: &Cx, i: usize) -> Option<Single> {
    let first = cx.low(i)?;
    let first = first.as_str();
    let vague = |lo: f64, hi: f64, end: usize| Single {
        end,
        value: lo,
        scale: 1.0,
        vague: Some((lo, hi)),
        unit: None,
        fraction: false,
        in_words: true,
    };
    // `a third of`, `a quarter of`, `two-thirds of`, `three quarters of`.
    let mut k = i + 1;
    if cx.is_punct(k, "-") && cx.attached(k) {
        k += 1;
    }
    if let Some(part) = cx.low(k) {
        let denom = match part.as_str() {
            "third" | "thirds" => Some(3.0),
            "quarter" | "quarters" => Some(4.0),
            _ => None,
        };
        let numer = match first {
            "a" | "one" => Some(1.0),
            "two" => Some(2.0),
            "three" => Some(3.0),
            _ => None,
        };
        if let (Some(d), Some(n)) = (denom, numer)
            && n < d
            && (part.as_str().ends_with('s') == (n > 1.0))
            && cx.is_word(k + 1, "of")
        {
            return Some(Single {
                end: k + 1,
                value: n / d,
                scale: 1.0,
                vague: None,
                unit: None,
                fraction: true,
                in_words: true,
            });
        }
    }
    match first {
        "half" => {
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
            return Some(Single {
                end: i + 1,
                value: 0.5,
                scale: 1.0,
                vague: None,
                unit: None,
                fraction: true,
                in_words: true,
            });
        }
        "dozens" => return Some(vague(24.0, 100.0, i + 1)),
        "hundreds" | "thousands" | "millions" | "billions" | "tens" => {
            let base = match first {
                "tens" => 10.0,
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                _ => 1e9,
            };
            // `hundreds of thousands`, `tens of millions`.
            if cx.is_word(i + 1, "of")
                && let Some(w) = cx.low(i + 2)
            {
                let mult = match w.as_str() {
                    "thousands" => Some(1e3),
                    "millions" => Some(1e6),
                    "billions" => Some(1e9),
                    _ => None,
                };
                if let Some(m) = mult
                    && first != "billions"
                {
                    return Some(vague(2.0 * base * m, 10.0 * base * m, i + 3));
                }
            }
            if first == "tens" {
                return None;
            }
            return Some(vague(2.0 * base, 10.0 * base, i + 1));
        }
        _ => {}
    }
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    // What the last consumed word was: 0 none, 1 unit (1–19), 2 tens, 3 scale.
    let mut last = 0u8;
    while j < cx.end {
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
                Some("hundred" | "thousand" | "million" | "billion" | "trillion") => {
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
            // `thirty-three`: the hyphen joins tens to a unit.
            if tens
                && cx.is_punct(j, "-")
                && cx.attached(j)
                && cx.attached(j + 1)
                && cx
                    .low(j + 1)
                    .is_some_and(|u| small_number(u.as_str()).is_some_and(|u| u < 10.0 && u > 0.0))
            {
                j += 1;
            }
            continue;
        }
        match w {
            "hundred" if last == 1 || last == 2 => {
                current *= 100.0;
                last = 3;
                any = true;
            }
            "thousand" | "million" | "billion" | "trillion" if last != 0 => {
                let s = scale_word(w).unwrap_or(1.0);
                total += current.max(1.0) * s;
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
        value: total + current,
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
    };
    if a.vague.is_some() || a.fraction {
        return Parse::Num(expr);
    }
    let j = a.end;
    // `between $2 billion and $3 billion`: the currency symbol sits between word and number.
    let currency = i > 0 && currency_symbol(cx.s(i - 1)).is_some();
    let lead = if currency {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    // Which connector could make a range, and where the second number starts.
    let dash =
        (cx.is_punct(j, "-") && cx.attached(j) && cx.attached(j + 1)) || cx.is_punct(j, "\u{2013}");
    let between = lead.is_some_and(|l| cx.is_word(l, "between")) && cx.is_word(j, "and");
    let to = cx.is_word(j, "to") && !(i > 0 && cx.is_word(i - 1, "from"));
    let or = cx.is_word(j, "or");
    let second = if currency && cx.get(j + 1).is_some_and(|_| cx.s(j + 1) == cx.s(i - 1)) {
        j + 2
    } else {
        j + 1
    };
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
    let mut lo = a.value;
    if b.scale != 1.0 && a.scale == 1.0 {
        lo *= b.scale;
    }
    if b.value <= lo {
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
    if between && let Some(l) = lead {
        expr.first = l;
        if currency {
            expr.currency = currency_symbol(cx.s(i - 1));
        }
    }
    expr.value = lo;
    expr.range = Some((lo, b.value));
    expr.end = b.end;
    expr.unit = expr.unit.or(b.unit);
    expr.scaled |= b.scale != 1.0;
    Parse::Num(expr)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    type Parsed = (f64, Option<(f64, f64)>, Option<(f64, f64)>, String);

    fn parse(text: &str) -> Option<Parsed> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let cx = Cx {
            text,
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
            Some((20_000.0, 100_000.0))
        );
        assert_eq!(
            parse("hundreds of people").and_then(|p| p.2),
            Some((200.0, 1000.0))
        );
        assert_eq!(
            parse("between 150 and 200 people").and_then(|p| p.1),
            Some((150.0, 200.0))
        );
        assert_eq!(
            parse("150-200 people").and_then(|p| p.1),
            Some((150.0, 200.0))
        );
        assert_eq!(parse("$3-4 billion").and_then(|p| p.1), Some((3e9, 4e9)));
        assert_eq!(parse("from 100 to 139").and_then(|p| p.1), None);
        assert!(parse("won 3-1 at home").is_none());
    }
}
