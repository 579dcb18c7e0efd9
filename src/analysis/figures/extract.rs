//! The extraction driver: finds number expressions sentence by sentence, drops the ones that
//! are dates, times, names or identifiers, and reads each kept one's context into a
//! [`Figure`] with character offsets.

use super::context::{
    Qual, attribution, blocks_event, counted_noun, nearest_measure, qualifier_after,
    qualifier_before,
};
use super::elsewhere::{assign, markers, story_year};
use super::expr::{million_code, parse_expr};
use super::figure::{Figure, FigureOptions, Measure};
use super::finish::{Draft, floor, inherit, is_time_unit, join_bounds, tidy, to_char_offsets};
use super::lexicon::class_of;
use super::numbers::{NumExpr, Parse, power_unit, starts_number};
use super::phrase::{noun_phrase, scope, sentence_event};
use super::rounding::written_precision;
use super::sentence_words::{
    is_label_word, is_month, is_street_word, one_is_pronoun_after, one_is_pronoun_before,
};
use super::words::{
    currency_symbol, currency_word, is_event_noun, measure_keyword, national_currency, unit_word,
};
use crate::analysis::text::Cx;
use crate::analysis::text::pos::{self, Pos};
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
                // `USD115`: a currency code written onto the amount.
                Some(Kind::Word)
                    if cx.s(i - 1).len() == 3
                        && cx.s(i - 1).bytes().all(|b| b.is_ascii_uppercase())
                        && cx
                            .low(i - 1)
                            .is_some_and(|w| currency_word(w.as_str()).is_some()) => {}
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
        // Adjectival compounds: `10-year-old`, `a 3-day visit`; not an amount read whole
        // (`a 12-cent-a-share dividend`).
        if x.currency.is_none()
            && cx.is_punct(after, "-")
            && cx.attached(after)
            && cx.kind(after + 1) == Some(Kind::Word)
            && cx.attached(after + 1)
            && !cx.is_word(after + 1, "plus")
            && !cx.is_word(after + 1, "odd")
            && hyphen_unit(cx, after).is_none()
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
                // `their 2018 races`, `GOP 2016 candidates`, `the 2020 races`: a year naming
                // which ones, after a determiner, possessive or name.
                let modifier = i > s
                    && (cx.capitalised(i - 1)
                        || cx.s(i - 1).ends_with("'s")
                        || cx.s(i - 1).ends_with("\u{2019}s")
                        || prev_word(i).is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "the"
                                    | "their"
                                    | "its"
                                    | "his"
                                    | "her"
                                    | "our"
                                    | "this"
                                    | "that"
                                    | "these"
                                    | "those"
                                    | "next"
                                    | "last"
                            )
                        }));
                if prep || comma_date || !counted_plural || modifier {
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
            // `Smith, 34,` and `the senator, 72,`: a person and an age between commas.
            let apposed = i >= s + 2
                && cx.is_punct(i - 1, ",")
                && (cx.capitalised(i - 2)
                    || cx.low(i - 2).is_some_and(|w| {
                        pos::lexical(w.as_str()) == Pos::Noun
                            && measure_keyword(w.as_str()).is_none()
                    }))
                && cx.is_punct(after, ",")
                && x.end == i + 1;
            if aged || apposed || is_age(cx, s, i, after) {
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
    // `three-day`, `one-off`, `two-thirds` compounds; `a three-foot wall` is a length.
    if cx.is_punct(x.end, "-") && cx.attached(x.end) && cx.attached(x.end + 1) {
        return cx.is_word(x.end + 1, "plus")
            || cx.is_word(x.end + 1, "odd")
            || hyphen_unit(cx, x.end).is_some();
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
    // Once a sentence: a title-case line names no places (and a run-on paragraph is not read
    // again for every figure in it).
    let title_case = is_headline(cx, s);
    let mut drafts: Vec<Draft> = Vec::with_capacity(exprs.len());
    for (idx, x) in exprs.iter().enumerate() {
        let mut start_tok = x.sign.unwrap_or(x.first);
        let mut end_tok = x.end;
        // Currency written before: `$3.6`, `US$5`, `£15.8m`, `USD 5`.
        let mut currency: Option<&'static str> = x.currency;
        let mut millions = false;
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
                // `US$5`, `A$3`, `HK$10`, `C $ 16.4 million`, `NZD$15`: a country prefix
                // names the dollar (or the peso).
                if p > s && cx.kind(p - 1) == Some(Kind::Word) && cx.s(p) == "$" {
                    if let Some(code) = dollar_prefix(cx.s(p - 1), cx.attached(p)) {
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
            } else if let Some(c) = million_code(cx, p) {
                // `MAUD 60`: millions of Australian dollars.
                currency = Some(c);
                start_tok = p;
                millions = true;
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
            if millions {
                y.value *= 1e6;
                y.scaled = true;
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
            if let Some((code, n)) = national_currency(cx, end_tok) {
                // `125 million Australian dollars`, `10 US dollars`, `10,000 Swiss francs`.
                currency = Some(code);
                end_tok += n;
            } else if cx.kind(end_tok + 1) == Some(Kind::Num) && cx.attached(end_tok + 1) {
                // `3 USD50 cards`: the code belongs to the amount written onto it.
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
        // `more than 5000 or equal to`, `less than 30 or equal`: the bound is closed.
        if matches!(qual, Some(Qual::Over | Qual::Under))
            && cx.is_word(end_tok, "or")
            && cx.is_word(end_tok + 1, "equal")
            && !starts_number(cx, end_tok + 2 + usize::from(cx.is_word(end_tok + 2, "to")))
        {
            qual = Some(if qual == Some(Qual::Over) {
                Qual::AtLeast
            } else {
                Qual::UpTo
            });
            end_tok +=
                2 + usize::from(cx.is_word(end_tok + 2, "to") || cx.is_word(end_tok + 2, "than"));
            if let Some((a, _)) = qual_text_range {
                qual_text_range = Some((a, x.first));
            }
        }
        // `about 500 or more`: the bound's side comes from `or more`, its end is loosened by
        // `about` (never capped at 550).
        let mut loosened = false;
        if let Some((q, next)) = qualifier_after(cx, end_tok) {
            if qual.is_none() {
                qual = Some(q);
                qual_text_range = Some((end_tok, next));
            } else if matches!(qual, Some(Qual::About | Qual::Nearly))
                && matches!(q, Qual::AtLeast | Qual::UpTo)
            {
                qual = Some(q);
                loosened = true;
                if let Some((a, _)) = qual_text_range {
                    qual_text_range = Some((a, next));
                }
            }
            end_tok = next;
        }
        // `a 2.5-mile stretch`: the unit is the figure's, the noun after it what it measures.
        let joined_unit = (currency.is_none() && percent.is_none() && x.unit.is_none())
            .then(|| hyphen_unit(cx, end_tok))
            .flatten();
        if joined_unit.is_some() {
            end_tok += 2;
        }
        let (counted, noun_measure) = counted_noun(cx, end_tok);
        // What is counted is the head of the noun phrase after the number (`nine homemade
        // pipe bombs` counts bombs), where the word lists stopped at its first word.
        let phrase = (currency.is_none() && percent.is_none() && x.unit.is_none())
            .then(|| noun_phrase(cx, s, x.first, end_tok))
            .flatten();
        let (counted, modifiers) = match (counted, phrase) {
            (Some((w, j)), Some(p))
                if noun_measure.is_none()
                    && p.head_tok > j
                    && j == end_tok
                    // `two kids drown`: a measure word ends the phrase, it is not its head.
                    && measure_keyword(&p.head).is_none()
                    && unit_word(&w).is_none()
                    && !matches!(w.as_str(), "square" | "sq" | "cubic") =>
            {
                (Some((p.head, p.head_tok)), p.modifiers)
            }
            (Some((w, j)), Some(p)) if p.head_tok == j => (Some((w, j)), p.modifiers),
            (c, _) => (c, Vec::new()),
        };
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
        // `190 km2`: the power written onto the unit.
        if area.is_none()
            && let (Some(u), Some((_, j))) = (counted_unit, &counted)
            && *j == end_tok
            && cx.kind(j + 1) == Some(Kind::Num)
            && cx.attached(j + 1)
            && let Some(p) = power_unit(u, cx.s(j + 1))
        {
            area = Some(p.to_owned());
            end_tok = j + 2;
        } else if let Some((_, j)) = &counted
            && counted_unit.is_some()
            && cx.kind(j + 1) == Some(Kind::Num)
            && cx.attached(j + 1)
        {
            // `24703 m212`: letters and digits run together are a code, not a unit.
            counted_unit = None;
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
            .or(joined_unit)
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
        // A head of a class of things (`devices`, `files`) is never a toll of people.
        let person_like = counted
            .as_ref()
            .is_none_or(|(w, _)| !blocks_event(w) && class_of(w).is_none_or(|c| c == "people"))
            && x.unit.is_none()
            && joined_unit.is_none()
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
                Qual::AtLeast if loosened => {
                    (low, high, high_inc) = (low - low.abs() * tol, None, false)
                }
                Qual::AtLeast => (high, high_inc) = (None, false),
                Qual::UpTo if loosened => {
                    let h = hi_n + hi_n.abs() * tol;
                    (low, low_inc, high, high_inc) = (floor(h), true, Some(h), true)
                }
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
        let head = counted.as_ref().map(|(w, _)| w.as_str());
        let narrowed = if currency.is_some() || percent.is_some() {
            Vec::new()
        } else {
            scope(cx, (s, title_case), start_tok, end_tok, head)
        };
        let exact = qual == Some(Qual::Exactly);
        let rounding = (x.range.is_none() && x.vague.is_none() && !x.fraction)
            .then(|| written_precision(cx, x, percent.is_some(), exact))
            .flatten();
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
            modifiers,
            scope: narrowed,
            rounding,
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
    let event = sentence_event(cx, s);
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
            modifiers: d.modifiers,
            scope: d.scope,
            rounding: d.rounding.map(|(lo, hi)| [lo, hi]),
            event: event.clone(),
            measure: d.measure,
            attribution: attr.clone(),
            sentence_start: s_start,
            sentence_end: s_end,
            elsewhere: elsewhere.next().flatten(),
            as_of: None,
        });
    }
}

/// `a 2.5-mile stretch`, `a 68-ounce can`, `a three-foot trip`: a unit of measure joined to
/// the number by a hyphen at `k` (never a span of time: `a 3-day visit`, `10-year-old`).
fn hyphen_unit(cx: &Cx, k: usize) -> Option<&'static str> {
    if !(cx.is_punct(k, "-") && cx.attached(k) && cx.attached(k + 1)) {
        return None;
    }
    let u = cx.low(k + 1).and_then(|w| unit_word(w.as_str()))?;
    // `10-m`, `a 5-g phone`: one-letter units are too often names here.
    (!is_time_unit(u) && cx.s(k + 1).len() > 1 && u != "degrees").then_some(u)
}

/// The currency a prefix before `$` names: `US$`, `HK $`, `C$`, `NZD$`, `Mex$`. A one-letter
/// prefix counts only written onto the sign (`a $5 bill` is not Australian).
fn dollar_prefix(w: &str, attached: bool) -> Option<&'static str> {
    let code = match w.to_ascii_lowercase().as_str() {
        "us" | "usd" => "USD",
        "a" | "au" | "aud" => "AUD",
        "c" | "ca" | "can" | "cad" | "cdn" => "CAD",
        "nz" | "nzd" => "NZD",
        "hk" | "hkd" => "HKD",
        "s" | "sgd" => "SGD",
        "r" => "BRL",
        "mex" | "mx" | "mxn" => "MXN",
        _ => return None,
    };
    let upper = w.bytes().all(|b| b.is_ascii_uppercase());
    // Lowercase or spaced prefixes are read only when two letters or more, or `c`.
    let ok = (attached && (upper || w.len() >= 2)) || w.len() >= 2 || w.eq_ignore_ascii_case("c");
    ok.then_some(code)
}

/// An age, not a count: `died at 95`, `at the age of 95`, `66 years old`, `who is 56`, `he
/// turned 56`, `she is 56.` — the number ends its clause with no noun after it.
fn is_age(cx: &Cx, s: usize, i: usize, after: usize) -> bool {
    let word = |k: usize| (k >= s && k < i).then(|| cx.low(k)).flatten();
    let is = |k: usize, ws: &[&str]| word(k).is_some_and(|w| ws.contains(&w.as_str()));
    // `66 years old`
    if cx.is_word(after, "years") && cx.is_word(after + 1, "old") {
        return true;
    }
    if i < s + 1 {
        return false;
    }
    // `at the age of 30`, `the retirement age to 69`
    if i >= s + 2 && is(i - 1, &["of", "to", "at", "is", "was"]) && is(i - 2, &["age"]) {
        return true;
    }
    let bare = cx.kind(after) != Some(Kind::Word)
        || cx.low(after).is_some_and(|w| {
            matches!(
                w.as_str(),
                "in" | "on" | "at" | "after" | "last" | "this" | "and" | "when" | "or" | "from"
            )
        });
    if !bare {
        return false;
    }
    let died = i >= s + 2
        && is(i - 1, &["at"])
        && is(
            i - 2,
            &[
                "died", "dies", "dead", "death", "passed", "away", "retired", "retires",
            ],
        );
    let turned = is(i - 1, &["turned", "turns", "turning"]);
    let who_is =
        i >= s + 2 && is(i - 1, &["is", "was"]) && is(i - 2, &["who", "he", "she", "i", "you"]);
    died || turned || who_is
}
