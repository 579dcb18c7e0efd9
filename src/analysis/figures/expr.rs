//! One whole number expression at a token: a single number or an interval (`150-200`,
//! `between 150 and 200`, `from 3 to 5`), its sign, and the shapes that only look like
//! ranges (phone numbers, sports scores).

use super::fractions::{ordinal_fraction, over_fraction, rank_after};
use super::lexicon::is_money_kind;
use super::number_words::{digit_ratio, parse_words, units_after_hundred};
use super::numbers::*;
use super::words::is_money_word;
use crate::analysis::text::pos;

fn parse_single(cx: &Cx, i: usize) -> Option<Result<Single, usize>> {
    match cx.kind(i)? {
        Kind::Num => match digit_ratio(cx, i) {
            Some(r) => Some(Ok(r)),
            None => parse_digits(cx, i).map(|r| r.map(|a| units_after_hundred(cx, a))),
        },
        // A count of ordinal parts (`three twenty-firsts`) before the plain number words.
        Kind::Word => ordinal_fraction(cx, i)
            .or_else(|| parse_words(cx, i))
            .map(Ok),
        Kind::Punct => parse_vulgar(cx, i).map(Ok),
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
    // `the twenty fifth anniversary`, `one hundred first`: a rank written apart.
    if a.in_words && !a.fraction && rank_after(cx, a.end) {
        return Parse::Reject(a.end + 1);
    }
    let mut expr = NumExpr {
        first: i,
        end: a.end,
        value: a.value,
        range: None,
        range_inclusive: (true, true),
        vague: a.vague,
        unit: a.unit,
        fraction: a.fraction,
        currency: None,
        scaled: a.scale != 1.0,
        sign: None,
    };
    if a.vague.is_some() {
        return Parse::Num(expr);
    }
    let sign = sign_before(cx, i);
    // `minus two thirds`, `negative one over 20`: a signed share or quotient.
    let quotient = over_fraction(cx, i, &a).filter(|(_, end)| !score_like(cx, i, *end));
    if a.fraction || quotient.is_some() {
        if let Some((v, end)) = quotient {
            expr.value = v;
            expr.end = end;
            expr.fraction = v <= 1.0;
        }
        if let Some(k) = sign {
            expr.value = -expr.value;
            expr.sign = Some(k);
        }
        return Parse::Num(expr);
    }
    if a.scale == 1.0 && money_words(cx, &mut expr) {
        return Parse::Num(expr);
    }
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
    // `150-200`, `150–200`, `20~100`.
    let dash = sign.is_none()
        && (((cx.is_punct(j, "-") || cx.is_punct(j, "~")) && cx.attached(j) && cx.attached(j + 1))
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
    // `+1-222-2222`, `2222-2222/2222`: a chain of digit groups (a phone number, a code) after a
    // `+` or before another joined group is not a range.
    let chained = cx.kind(b.end + 1) == Some(Kind::Num)
        && cx.attached(b.end)
        && cx.attached(b.end + 1)
        && matches!(cx.get(b.end).map(|_| cx.s(b.end)), Some("-" | "/"));
    let plus = i > 0 && cx.is_punct(i - 1, "+") && cx.attached(i);
    if dash && !a.in_words && (chained || plus) {
        return Parse::Reject(b.end);
    }
    // `ruled 5 to 4`, `voted nine to two`: a tally, not two counts; a change (`fell 60 to
    // 55`, `from 10 to 5`) and `cut 25 to 18 players`, which names what it counts, stay two
    // figures.
    if b_value < lo
        && cx.is_word(j, "to")
        && !from
        && !change_before(cx, i)
        && !currency
        && a.scale == 1.0
        && b.scale == 1.0
        && a.unit.is_none()
        && b.unit.is_none()
        && !cx
            .low(b.end)
            .is_some_and(|w| pos::lexical(w.as_str()) == pos::Pos::Noun)
    {
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
    expr.range_inclusive = if between {
        (false, false)
    } else if or {
        (true, true)
    } else {
        (true, false)
    };
    expr.end = b.end;
    expr.unit = expr.unit.or(b.unit);
    expr.scaled |= b.scale != 1.0;
    Parse::Num(expr)
}

/// Whether the noun at `k`, after a number joined to `pound` by a hyphen, is money: `a
/// 50-pound fine`, `a 20-pound note`. Any other noun is weighed (`an 800-pound gorilla`, `a
/// 10-pound bag`), however much money the sentence talks of.
fn pound_buys(cx: &Cx, k: usize) -> bool {
    cx.low(k).is_some_and(|w| {
        is_money_word(w.as_str())
            || is_money_kind(w.as_str())
            // Things that are amounts of money themselves.
            || matches!(
                w.as_str(),
                "note" | "notes" | "coin" | "bonus" | "prize" | "loan" | "grant" | "contract"
                    | "deal" | "bet" | "bribe" | "ticket"
            )
    })
}

/// Amounts whose currency sits inside the expression: `3 dollars 50 cents`, `thirteen dollars
/// and forty-five cents`, `15 USD 50`, `34 cents`, `10 €`, `a 12-cent-a-share dividend`, `75 USD
/// million`, `30 MUSD`. Reads them into `expr` (value, currency, end) and says so.
fn money_words(cx: &Cx, expr: &mut NumExpr) -> bool {
    let e = expr.end;
    // Most numbers are followed by a noun: read the word after once.
    let code_e = cx.low(e).and_then(|w| currency_word(w.as_str()));
    let code = |k: usize| {
        if k == e {
            return code_e;
        }
        cx.low(k)
            .and_then(|w| currency_word(w.as_str()))
            .filter(|_| cx.kind(k) == Some(Kind::Word))
    };
    // A subunit word and the currency it is a hundredth of.
    let subunit = |k: usize| {
        cx.low(k).and_then(|w| match w.as_str() {
            "cent" | "cents" => Some("USD"),
            "pence" | "penny" | "pennies" => Some("GBP"),
            "kopecks" | "kopeks" => Some("RUB"),
            _ => None,
        })
    };
    // The currency right after the number: a word or code (`dollars`, `USD`), or a sign
    // written after it (`10 €`), unless the sign opens the next amount (`1 $10`).
    let after = code_e.or_else(|| {
        (cx.kind(e)? == Kind::Punct)
            .then(|| currency_symbol(cx.s(e)))
            .flatten()
            .filter(|_| !(cx.kind(e + 1) == Some(Kind::Num) && cx.attached(e + 1)))
    });
    if let Some(c) = after {
        // `3 dollars 50 cents`, `thirteen dollars and forty-five cents`, `15 USD 50.`: a
        // whole number of hundredths below 100 after the currency.
        let k = if cx.is_word(e + 1, "and") {
            e + 2
        } else {
            e + 1
        };
        if let Some((n, next)) = hundredths(cx, k) {
            let named = subunit(next).is_some();
            // Without `cents` the number must close the amount (`15 dollars 50.`), never
            // count something of its own (`5 dollars and 20 people`).
            let closes = next >= cx.end
                || (cx.kind(next) == Some(Kind::Punct) && currency_symbol(cx.s(next)).is_none())
                || cx
                    .low(next)
                    .is_some_and(|w| matches!(w.as_str(), "and" | "more" | "less" | "each"));
            let major = cx.kind(e) == Some(Kind::Word) || cx.s(e) == "$";
            if named || (closes && major && c != "JPY") {
                expr.value += n / 100.0;
                expr.currency = Some(c);
                expr.end = next + usize::from(named);
                return true;
            }
        }
        // `10 €`, `10 $`: a sign after the number.
        if cx.kind(e) == Some(Kind::Punct) {
            expr.currency = Some(c);
            expr.end = e + 1;
            return true;
        }
    }
    // `34 cents`, `470 pence`, `one penny`: hundredths of a currency.
    if let Some(c) = subunit(e)
        && !(e > 0 && cx.is_word(e - 1, "per"))
    {
        expr.value /= 100.0;
        expr.currency = Some(c);
        expr.end = e + 1;
        return true;
    }
    // `a one-yen bid`, `a 10-dollar bill`: a currency joined by a hyphen.
    if cx.is_punct(e, "-")
        && cx.attached(e)
        && cx.attached(e + 1)
        && let Some(c) = code(e + 1)
        && !cx.s(e + 1).ends_with('s')
        && (!cx.is_word(e + 1, "pound") || expr.scaled || pound_buys(cx, e + 2))
    {
        expr.currency = Some(c);
        expr.end = e + 2;
        return true;
    }
    // `a 12-cent-a-share dividend`, `a 40-cent rise`
    if cx.is_punct(e, "-") && cx.attached(e) && cx.attached(e + 1) && subunit(e + 1).is_some() {
        expr.value /= 100.0;
        expr.currency = subunit(e + 1);
        expr.end = e + 2;
        return true;
    }
    // `75 USD million`: a code in capitals between the number and its scale.
    if let Some(c) = code(e)
        && cx.s(e).bytes().all(|b| b.is_ascii_uppercase())
        && let Some(sc) = cx.low(e + 1).and_then(|w| scale_word(w.as_str()))
        && !cx.s(e + 1).ends_with('s')
    {
        expr.value *= sc;
        expr.scaled = true;
        expr.currency = Some(c);
        expr.end = e + 2;
        return true;
    }
    // `30 MUSD`, `120 MEUR`: a code in capitals with M for millions.
    if let Some(c) = million_code(cx, e) {
        expr.value *= 1e6;
        expr.scaled = true;
        expr.currency = Some(c);
        expr.end = e + 1;
        return true;
    }
    false
}

/// `MUSD`, `MEUR`, `MGBP`: a currency code in capitals with M for millions, at token `k`.
pub(super) fn million_code(cx: &Cx, k: usize) -> Option<&'static str> {
    if cx.kind(k) != Some(Kind::Word) {
        return None;
    }
    let w = cx.s(k);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let code = w.strip_prefix('M')?.to_ascii_lowercase();
    currency_word(&code).filter(|_| code.len() == 3)
}

/// A whole number below 100 at `k`, in digits (`50`) or words (`forty-five`): its value and
/// the token after it.
fn hundredths(cx: &Cx, k: usize) -> Option<(f64, usize)> {
    match cx.kind(k)? {
        Kind::Num => {
            let raw = cx.s(k);
            (raw.len() <= 2 && is_plain_digits(raw))
                .then(|| raw.parse().ok().map(|n| (n, k + 1)))
                .flatten()
        }
        Kind::Word => {
            let w = parse_words(cx, k)?;
            (w.value < 100.0 && w.value.fract() == 0.0 && !w.fraction && w.vague.is_none())
                .then_some((w.value, w.end))
        }
        Kind::Punct => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokens::tokenize;

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
