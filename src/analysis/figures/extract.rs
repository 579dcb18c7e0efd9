//! The extraction driver: finds number expressions sentence by sentence, drops the ones that
//! are dates, times, names or identifiers, and reads each kept one's context into a
//! [`Figure`] with character offsets.

use super::context::{
    Qual, attribution, blocks_event, counted_noun, nearest_measure, qualifier_after,
    qualifier_before,
};
use super::elsewhere::{assign, markers, story_year};
use super::expr::parse_expr;
use super::figure::{Figure, FigureOptions, Measure};
use super::finish::{Draft, floor, inherit, is_time_unit, join_bounds, tidy, to_char_offsets};
use super::numbers::{NumExpr, Parse, starts_number};
use super::sentence_words::{
    is_label_word, is_month, is_street_word, one_is_pronoun_after, one_is_pronoun_before,
};
use super::words::{currency_symbol, currency_word, is_event_noun, unit_word};
use crate::analysis::text::Cx;
use crate::analysis::text::tokens::{Kind, is_plain_int, sentences, tokenize};
use crate::analysis::time::{TimeExpr, TimeKind, When, article_anchor, sentence_times};

/// Finds every figure in `text`, in text order. Offsets are character offsets.
pub fn extract_figures(text: &str, opts: &FigureOptions) -> Vec<Figure> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut sents = Vec::new();
    sentences(text, &toks, &mut sents);
    let mut out = Vec::new();
    let mut exprs = Vec::new();
    let year = opts.story_year.or_else(|| story_year(text, &toks));
    let lower = text.to_ascii_lowercase();
    let anchor = article_anchor(opts.published.as_deref(), text);
    let mut times = Vec::new();
    for &(s, e) in &sents {
        let cx = Cx {
            text,
            lower: &lower,
            toks: &toks,
            end: e,
        };
        exprs.clear();
        let headline = is_headline(&cx, s);
        let mut i = s;
        while i < e {
            if starts_number(&cx, i) {
                match parse_expr(&cx, i) {
                    Parse::Num(x) => {
                        let next = x.end.max(i + 1);
                        if keep(&cx, s, &x, headline) {
                            exprs.push(x);
                        }
                        i = next;
                        continue;
                    }
                    Parse::Reject(k) => {
                        i = k.max(i + 1);
                        continue;
                    }
                    Parse::None => {}
                }
            }
            i += 1;
        }
        if !exprs.is_empty() {
            let before = out.len();
            sentence_figures(&cx, s, &exprs, opts, year, &mut out);
            times.clear();
            sentence_times(&cx, s, anchor, &mut times);
            for f in &mut out[before..] {
                f.as_of = as_of(f, &times).or(anchor);
            }
        }
    }
    to_char_offsets(text, &mut out);
    out
}

/// The time a figure's sentence places it at: an `as of` expression first, else the time
/// expression nearest to it (byte offsets, before conversion).
pub(super) fn as_of(f: &Figure, times: &[TimeExpr]) -> Option<When> {
    let gap = |t: &TimeExpr| {
        if t.end <= f.start {
            f.start - t.end
        } else {
            t.start.saturating_sub(f.end)
        }
    };
    times
        .iter()
        // `Tuesday's blast` dates the event, not the count.
        .filter(|t| !t.text.ends_with("'s") && !t.text.ends_with("\u{2019}s"))
        .min_by_key(|t| (t.kind != TimeKind::AsOf, gap(t)))
        .map(|t| t.when)
}

/// True for a title-case line (`Putin Says Four Gunmen Detained`), where capitals say
/// nothing about names.
pub(super) fn is_headline(cx: &Cx, s: usize) -> bool {
    let (mut words, mut caps) = (0, 0);
    for i in s..cx.end {
        if cx.kind(i) == Some(Kind::Word) {
            words += 1;
            caps += usize::from(cx.capitalised(i));
        }
    }
    words >= 3 && caps * 10 >= words * 6
}

pub(super) fn is_month_at(cx: &Cx, i: usize) -> bool {
    cx.capitalised(i) && cx.low(i).is_some_and(|w| is_month(w.as_str()))
}

/// False for numbers that are dates, times, names with digits, identifiers or pronouns.
pub(super) fn keep(cx: &Cx, s: usize, x: &NumExpr, headline: bool) -> bool {
    let i = x.first;
    let prev_word = |k: usize| if k > s { cx.low(k - 1) } else { None };
    if let Some((a, b)) = x.range {
        // `14-15 June`
        let days = a.fract() == 0.0 && b <= 31.0 && !x.scaled;
        return !(days && (is_month_at(cx, x.end) || (i > s && is_month_at(cx, i - 1))));
    }
    if x.vague.is_some() || x.fraction {
        return true;
    }
    if cx.kind(i) == Some(Kind::Num) {
        let raw = cx.s(i);
        // Names with digits (`G7`, `MH17`, `COVID-19`, `UTC+3`) and chains (`9/11`, `12:11`).
        if i > s && cx.attached(i) {
            match cx.kind(i - 1) {
                Some(Kind::Word) => return false,
                Some(Kind::Punct) => {
                    if matches!(cx.s(i - 1), "-" | "+" | "/" | ":" | "." | "#" | "\u{2013}")
                        && i - 1 > s
                        && cx.attached(i - 1)
                        && matches!(cx.kind(i - 2), Some(Kind::Word | Kind::Num))
                    {
                        return false;
                    }
                    if cx.s(i - 1) == "#" {
                        return false;
                    }
                }
                _ => {}
            }
        }
        let after = x.end;
        if cx.attached(after)
            && matches!(cx.get(after).map(|_| cx.s(after)), Some("/" | ":" | "."))
            && cx.kind(after + 1) == Some(Kind::Num)
            && cx.attached(after + 1)
        {
            return false;
        }
        // Adjectival compounds: `10-year-old`, `a 3-day visit`.
        if cx.is_punct(after, "-")
            && cx.attached(after)
            && cx.kind(after + 1) == Some(Kind::Word)
            && cx.attached(after + 1)
            && !cx.is_word(after + 1, "plus")
            && !cx.is_word(after + 1, "odd")
        {
            return false;
        }
        // Times: `5 p.m.`, `10am`, `14:00 GMT`.
        if let Some(w) = cx.low(after) {
            let w = w.as_str();
            if matches!(
                w,
                "am" | "pm" | "gmt" | "utc" | "bst" | "est" | "cet" | "msk" | "hrs" | "o'clock"
            ) || (matches!(w, "a" | "p") && cx.is_punct(after + 1, "."))
            {
                return false;
            }
        }
        let plain_int = is_plain_int(raw) && !x.scaled && x.unit.is_none();
        // Runs of bare numbers are phone numbers or codes (`0800 555 0199`).
        let bare = |k: usize| cx.kind(k) == Some(Kind::Num) && is_plain_int(cx.s(k));
        if plain_int && ((i > s && bare(i - 1)) || (x.end == i + 1 && bare(after))) {
            return false;
        }
        // Codes with a leading zero (`09`). Long integers are read: identifiers are caught
        // by their labels above and below, phone numbers by their runs of groups.
        if plain_int && raw.len() > 1 && raw.starts_with('0') {
            return false;
        }
        let qualified = qualifier_before(cx, i, s).is_some();
        let currency = i > s
            && cx
                .get(i - 1)
                .is_some_and(|_| currency_symbol(cx.s(i - 1)).is_some());
        // Dates: `March 22`, `22 March`, `September 11, 2001`.
        if plain_int && raw.len() <= 2 && !qualified {
            let month_before = i > s
                && cx.capitalised(i - 1)
                && prev_word(i).is_some_and(|w| is_month(w.as_str()));
            let month_after =
                cx.capitalised(after) && cx.low(after).is_some_and(|w| is_month(w.as_str()));
            let of_month = cx.is_word(after, "of")
                && cx.capitalised(after + 1)
                && cx.low(after + 1).is_some_and(|w| is_month(w.as_str()));
            if month_before || month_after || of_month {
                return false;
            }
        }
        // Years: `2001`, `in December 2017`, `the 2013 Boston marathon`.
        if plain_int && raw.len() == 4 && !qualified && !currency {
            let v = x.value;
            if (1800.0..=2100.0).contains(&v) {
                let prep = prev_word(i).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "since"
                            | "of"
                            | "by"
                            | "until"
                            | "till"
                            | "from"
                            | "before"
                            | "after"
                            | "during"
                            | "year"
                    ) || is_month(w.as_str())
                });
                let comma_date =
                    i >= s + 2 && cx.is_punct(i - 1, ",") && cx.kind(i - 2) == Some(Kind::Num);
                let counted_plural = cx.low(after).is_some_and(|w| {
                    let w = w.as_str();
                    w.len() > 3 && w.ends_with('s') && !cx.capitalised(after) && !is_event_noun(w)
                });
                if prep || comma_date || !counted_plural {
                    return false;
                }
            }
        }
        // Identifiers: `Story Code : 1125003`, `Flight 370`, `No. 5`, `Article 5`.
        let mut k = i;
        while k > s && matches!(cx.get(k - 1).map(|_| cx.s(k - 1)), Some(":" | "#" | ".")) {
            k -= 1;
        }
        // A lowercase label word followed by a counted plural is a verb or a noun counting
        // something: `can seat 500 guests`, `windows 3 km away`.
        let counts_after = x.end == i + 1
            && !cx.capitalised(after)
            && cx.low(after).is_some_and(|w| {
                let w = w.as_str();
                unit_word(w).is_some()
                    || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
                    || matches!(
                        w,
                        "people" | "men" | "women" | "children" | "staff" | "police"
                    )
            });
        if k > s
            && cx.low(k - 1).is_some_and(|w| is_label_word(w.as_str()))
            && !currency
            && !(counts_after && !cx.capitalised(k - 1) && k == i)
        {
            return false;
        }
        // `the reference number is 48213377`.
        if plain_int
            && raw.len() >= 6
            && k > s + 1
            && (cx.is_word(k - 1, "is") || cx.is_word(k - 1, "was"))
            && cx.low(k - 2).is_some_and(|w| is_label_word(w.as_str()))
        {
            return false;
        }
        // Ages: `aged 34`, `Smith, 34, was arrested`.
        if plain_int && x.value <= 120.0 {
            let aged = prev_word(i).is_some_and(|w| matches!(w.as_str(), "aged" | "age" | "ages"));
            let apposed = i >= s + 2
                && cx.is_punct(i - 1, ",")
                && cx.capitalised(i - 2)
                && cx.is_punct(after, ",")
                && x.end == i + 1;
            if aged || apposed {
                return false;
            }
        }
        // Addresses: `10 Downing Street`.
        if cx.capitalised(after)
            && cx
                .low(after + 1)
                .is_some_and(|w| is_street_word(w.as_str()))
        {
            return false;
        }
        return true;
    }
    // Number words.
    let first = cx.low(i);
    let Some(first) = first else { return false };
    let mid_sentence_cap = !headline
        && i > s
        && cx.capitalised(i)
        && !matches!(cx.kind(i - 1), Some(Kind::Punct))
        && cx.toks[i].newlines == 0;
    if first.as_str() == "one" && x.end == i + 1 {
        if mid_sentence_cap {
            return false;
        }
        if qualifier_before(cx, i, s).is_some() {
            return true;
        }
        if prev_word(i).is_some_and(|w| one_is_pronoun_before(w.as_str())) {
            return false;
        }
        return match cx.low(x.end) {
            Some(w) => !one_is_pronoun_after(w.as_str()) && !(cx.is_punct(x.end + 1, "-")),
            // `one` closing a sentence or a clause counts (`the toll rose by one.`), but not
            // in `one by one`, `one after another`.
            None => {
                cx.kind(x.end) != Some(Kind::Num)
                    && !(i >= s + 2
                        && (cx.is_word(i - 1, "by") || cx.is_word(i - 1, "after"))
                        && cx.is_word(i - 2, "one"))
            }
        };
    }
    // `Four Seasons`, `Gang of Four`: a capitalised number word inside a sentence is a name
    // unless a lowercase noun follows.
    if mid_sentence_cap && (cx.capitalised(x.end) || cx.kind(x.end) != Some(Kind::Word)) {
        return false;
    }
    // `three-day`, `one-off`, `two-thirds` compounds.
    if cx.is_punct(x.end, "-") && cx.attached(x.end) && cx.attached(x.end + 1) {
        return cx.is_word(x.end + 1, "plus") || cx.is_word(x.end + 1, "odd");
    }
    true
}

pub(super) fn sentence_figures(
    cx: &Cx,
    s: usize,
    exprs: &[NumExpr],
    opts: &FigureOptions,
    year: Option<i32>,
    out: &mut Vec<Figure>,
) {
    let ranges: Vec<(usize, usize)> = exprs.iter().map(|x| (x.first, x.end)).collect();
    let mut drafts: Vec<Draft> = Vec::with_capacity(exprs.len());
    for (idx, x) in exprs.iter().enumerate() {
        let mut start_tok = x.sign.unwrap_or(x.first);
        let mut end_tok = x.end;
        // Currency written before: `$3.6`, `US$5`, `£15.8m`, `USD 5`.
        let mut currency: Option<&'static str> = x.currency;
        if start_tok > s && currency.is_none() {
            let p = start_tok - 1;
            // `Rs. 500`: the abbreviation's full stop sits between.
            let p = if cx.is_punct(p, ".") && p > s && cx.is_word(p - 1, "Rs") {
                p - 1
            } else {
                p
            };
            if let Some(c) = currency_symbol(cx.s(p)) {
                currency = Some(c);
                start_tok = p;
                // `US$5`, `A$3`, `HK$10`: a country prefix names the dollar.
                if p > s && cx.attached(p) && cx.kind(p - 1) == Some(Kind::Word) {
                    let code = match cx.s(p - 1) {
                        "US" => Some("USD"),
                        "A" | "AU" => Some("AUD"),
                        "C" | "CA" => Some("CAD"),
                        "NZ" => Some("NZD"),
                        "HK" => Some("HKD"),
                        "S" => Some("SGD"),
                        "R" => Some("BRL"),
                        _ => None,
                    };
                    if let Some(code) = code {
                        currency = Some(code);
                        start_tok = p - 1;
                    }
                }
            } else if cx.kind(p) == Some(Kind::Word)
                && (cx.s(p).chars().all(|c| c.is_ascii_uppercase())
                    || matches!(cx.s(p), "Rs" | "Re"))
                && let Some(l) = cx.low(p)
                && let Some(c) = currency_word(l.as_str())
            {
                currency = Some(c);
                start_tok = p;
            }
        }
        // `−£3.2bn`, `-$40m`: a minus before the currency.
        let mut negate = false;
        if currency.is_some()
            && x.sign.is_none()
            && start_tok > s
            && matches!(cx.s(start_tok - 1), "-" | "\u{2212}")
            && cx.attached(start_tok)
            && (cx.toks[start_tok - 1].space || start_tok - 1 == s)
        {
            negate = true;
            start_tok -= 1;
        }
        let x = &{
            let mut y = x.clone();
            if negate {
                y.value = -y.value;
            }
            y
        };
        let qual_before = qualifier_before(cx, start_tok, s);
        let mut qual = qual_before.map(|q| q.0);
        let mut qual_text_range = qual_before.map(|(_, at)| (at, start_tok));
        if let Some((_, at)) = qual_before {
            start_tok = at;
        }
        // Percent and currency words after the number.
        let mut percent = None;
        if cx.is_punct(end_tok, "%") || cx.is_word(end_tok, "percent") || cx.is_word(end_tok, "pc")
        {
            percent = Some("%");
            end_tok += 1;
        } else if cx.is_word(end_tok, "per") && cx.is_word(end_tok + 1, "cent") {
            percent = Some("%");
            end_tok += 2;
        }
        if percent.is_some() && cx.is_word(end_tok, "points") {
            percent = Some("percentage points");
        } else if percent.is_none()
            && cx.is_word(end_tok, "percentage")
            && cx.is_word(end_tok + 1, "points")
        {
            percent = Some("percentage points");
            end_tok += 2;
        }
        // `down 6 points` in a sentence about percentages: percentage points.
        if percent.is_none()
            && cx.is_word(end_tok, "points")
            && (s..cx.end).any(|k| cx.is_punct(k, "%") || cx.is_word(k, "percent"))
        {
            percent = Some("percentage points");
            end_tok += 1;
        }
        if currency.is_none() && percent.is_none() {
            if cx.is_word(end_tok, "US") && cx.is_word(end_tok + 1, "dollars") {
                currency = Some("USD");
                end_tok += 2;
            } else if let Some(l) = cx.low(end_tok)
                && let Some(c) = currency_word(l.as_str())
                // Codes count only in capitals (`200 EUR`); `re` and `rand` are words too.
                && (!matches!(l.as_str(), "usd" | "eur" | "gbp" | "rs" | "re" | "cad" | "aud" | "sek")
                    || cx.s(end_tok).chars().all(|c| c.is_ascii_uppercase()))
            {
                currency = Some(c);
                end_tok += 1;
            }
        }
        if let Some((q, next)) = qualifier_after(cx, end_tok) {
            if qual.is_none() {
                qual = Some(q);
                qual_text_range = Some((end_tok, next));
            }
            end_tok = next;
        }
        let (counted, noun_measure) = counted_noun(cx, end_tok);
        let mut counted_unit = counted.as_ref().and_then(|(w, _)| unit_word(w));
        // `100 square metres`, `5 sq km`, `2 cubic metres`.
        let mut area: Option<String> = None;
        if let Some((w, j)) = &counted
            && *j == end_tok
            && matches!(w.as_str(), "square" | "sq" | "cubic")
            && let Some(u) = cx.low(j + 1).and_then(|l| unit_word(l.as_str()))
        {
            area = Some(format!("{u}{}", if w == "cubic" { "³" } else { "²" }));
            end_tok = j + 2;
        }
        // The unit belongs to the figure: `5 km`, `3 hours`, `20 miles per hour`.
        if area.is_none()
            && let (Some(u), Some((_, j))) = (counted_unit, &counted)
            && *j == end_tok
            && currency.is_none()
            && percent.is_none()
        {
            end_tok = j + 1;
            if (cx.is_word(end_tok, "per") || cx.is_word(end_tok, "an") || cx.is_word(end_tok, "a"))
                && let Some(t) = cx.low(end_tok + 1).and_then(|l| unit_word(l.as_str()))
                && is_time_unit(t)
            {
                area = Some(format!("{u}/{}", t.trim_end_matches('s')));
                end_tok += 2;
                counted_unit = None;
            }
        }
        // `over five years` is a span of time (during), unless `for over five years`.
        if let Some((Qual::Over, at)) = qual_before
            && cx.is_word(at, "over")
            && counted_unit.is_some_and(is_time_unit)
            && !(at > s && cx.is_word(at - 1, "for"))
        {
            qual = None;
            qual_text_range = None;
            start_tok = x.first;
        }
        // `magnitude 6.4`, `6.4 on the Richter scale`: a strength, never a count.
        let magnitude = (x.first > s && cx.is_word(x.first - 1, "magnitude"))
            || cx.is_word(end_tok, "magnitude")
            || (cx.is_word(end_tok, "on") && cx.is_word(end_tok + 2, "Richter"));
        let unit: Option<String> = currency
            .or(percent)
            .or(x.unit)
            .or(magnitude.then_some("magnitude"))
            .map(str::to_owned)
            .or(area)
            .or(counted_unit.map(str::to_owned))
            .or(x.fraction.then(|| "fraction".to_owned()));
        let blocked = |j: usize| {
            ranges
                .iter()
                .enumerate()
                .any(|(k, &(a, b))| k != idx && j >= a && j < b)
        };
        let person_like = counted.as_ref().is_none_or(|(w, _)| !blocks_event(w))
            && x.unit.is_none()
            && !magnitude
            && !x.fraction;
        let measure = if currency.is_some() {
            Measure::Money
        } else if percent.is_some() {
            Measure::Percent
        } else if !person_like {
            Measure::Quantity
        } else if let Some(m) = noun_measure {
            m
        } else {
            let after_noun = counted.as_ref().map_or(end_tok, |(_, j)| j + 1);
            nearest_measure(cx, s, start_tok, after_noun, &blocked)
                .map_or(Measure::Quantity, |(m, _)| m)
        };
        let (mut low, mut high, mut low_inc, mut high_inc) = match (x.range, x.vague) {
            (Some((a, b)), _) => (a, Some(b), true, true),
            (_, Some(a)) => (a, None, true, false),
            _ => (x.value, Some(x.value), true, true),
        };
        let tol = opts.tolerance;
        if let Some(q) = qual {
            let n = x.value;
            let hi_n = high.unwrap_or(n);
            match q {
                Qual::AtLeast => (high, high_inc) = (None, false),
                Qual::Over => (low_inc, high, high_inc) = (false, None, false),
                Qual::JustOver => {
                    (low_inc, high, high_inc) = (false, Some(n + n.abs() * tol), true)
                }
                // Counts start at zero; a negative bound (`under -1`) has no floor.
                Qual::UpTo => {
                    (low, low_inc, high, high_inc) = (floor(hi_n), true, Some(hi_n), true)
                }
                Qual::Under => (low, low_inc, high, high_inc) = (floor(n), true, Some(n), false),
                Qual::Nearly if n >= 0.0 => {
                    (low, low_inc, high, high_inc) = (n - n.abs() * tol, true, Some(n), false)
                }
                // `nearly -5`: from the nearer side of zero.
                Qual::Nearly => {
                    (low, low_inc, high, high_inc) = (n, false, Some(n + n.abs() * tol), true)
                }
                Qual::About => {
                    (low, low_inc, high, high_inc) = (
                        low - low.abs() * tol,
                        true,
                        Some(hi_n + hi_n.abs() * tol),
                        true,
                    )
                }
                Qual::Exactly => {}
            }
        }
        if x.fraction && high.is_none_or(|h| h > 1.0) {
            (high, high_inc) = (Some(1.0), true);
        }
        low = tidy(low);
        high = high.map(tidy);
        let qualifier = qual_text_range.map(|(a, b)| {
            let text = &cx.text[cx.toks[a].start..cx.toks[b - 1].end];
            text.trim_start_matches(['-', '+']).to_lowercase()
        });
        let qualifier = match (qualifier, qual) {
            (Some(t), _) if !t.is_empty() => Some(t),
            (_, Some(Qual::AtLeast)) => Some("or more".to_owned()),
            (other, _) => other,
        };
        let can_inherit =
            measure == Measure::Quantity && person_like && noun_measure.is_none() && unit.is_none();
        drafts.push(Draft {
            start_tok,
            end_tok,
            core: (x.first, x.end),
            value: tidy(x.value),
            low,
            high,
            low_inc,
            high_inc,
            qualifier,
            unit,
            counted: counted.map(|(w, _)| w),
            measure,
            can_inherit,
        });
    }
    // Words read around a number (a currency after one, before the next) can be claimed by
    // two figures: each keeps its own number and gives up the shared words.
    for k in 1..drafts.len() {
        let (prev, next) = drafts.split_at_mut(k);
        let (p, n) = (&mut prev[k - 1], &mut next[0]);
        if n.start_tok < p.end_tok {
            p.end_tok = p.core.1.max(n.start_tok.min(p.end_tok));
            n.start_tok = n.start_tok.max(p.end_tok).min(n.core.0);
        }
    }
    let mut drafts = join_bounds(cx, drafts);
    inherit(cx, s, &mut drafts);
    let attr = attribution(cx, s);
    let marks = markers(cx, s, year);
    let spans: Vec<(usize, usize)> = drafts.iter().map(|d| (d.start_tok, d.end_tok)).collect();
    let mut elsewhere = assign(cx, s, &marks, &spans).into_iter();
    let (s_start, s_end) = (cx.toks[s].start, cx.toks[cx.end - 1].end);
    for d in drafts {
        let (a, b) = (cx.toks[d.start_tok].start, cx.toks[d.end_tok - 1].end);
        out.push(Figure {
            start: a,
            end: b,
            text: cx.text[a..b].to_owned(),
            value: d.value,
            low: d.low.is_finite().then_some(d.low),
            high: d.high,
            low_inclusive: Some(d.low_inc && d.low.is_finite()),
            high_inclusive: d.high.map(|_| d.high_inc),
            qualifier: d.qualifier,
            unit: d.unit,
            counted: d.counted,
            measure: d.measure,
            attribution: attr.clone(),
            sentence_start: s_start,
            sentence_end: s_end,
            elsewhere: elsewhere.next().flatten(),
            as_of: None,
        });
    }
}
