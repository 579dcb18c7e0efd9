//! The extraction driver: finds number expressions sentence by sentence, keeps the ones that
//! are figures ([`super::keep`]), and reads each kept one's context into a [`Figure`] with
//! character offsets.

use super::ages::{age_figure, named_age};
use super::amount_role::amount_of;
use super::attribution::attribution;
use super::context::{
    Qual, blocks_event, counted_noun, is_verb_of_the_number, may_be_counted, nearest_measure,
    opens_relative_aside, past_adjective, qualifier_after, qualifier_before,
};
use super::elsewhere::{assign, markers, story_year};
use super::expr::{million_code, parse_expr};
use super::figure::{Figure, FigureOptions, Measure, Scope, ScopeKind};
use super::finish::{Draft, floor, inherit, is_time_unit, join_bounds, tidy, to_char_offsets};
use super::gap::gap_after;
use super::keep::{hyphen_unit, keep};
use super::lexicon::class_of;
use super::limit::limit_before;
use super::listing::{mark_lists, one_of_a_pair};
use super::numbers::{NumExpr, Parse, power_unit, starts_number};
use super::phrase::{noun_phrase, past_insertion, scope, sentence_event};
use super::rounding::written_precision;
use super::severity::degree_of_harm;
use super::speaker::counts_speakers;
use super::term::{hyphen_term_unit, read_terms};
use super::words::{
    currency_symbol, currency_word, is_money_word, measure_keyword, national_currency, unit_word,
};
use crate::analysis::text::Cx;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::{Kind, sentences, tokenize};
use crate::analysis::time::{TimeExpr, TimeKind, When, article_anchor, sentence_times};

/// Finds every figure in `text`, in text order. Offsets are character offsets.
pub fn extract_figures(text: &str, opts: &FigureOptions) -> Vec<Figure> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut sents = Vec::new();
    sentences(text, &toks, &mut sents);
    let mut out = Vec::new();
    let mut exprs = Vec::new();
    let mut ages = Vec::new();
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
        ages.clear();
        let sentence_first = out.len();
        // Read once a sentence, and only for a sentence with a number in it: most have none.
        let mut headline: Option<bool> = None;
        let mut i = s;
        while i < e {
            if starts_number(&cx, i) {
                match parse_expr(&cx, i) {
                    Parse::Num(x) => {
                        let next = x.end.max(i + 1);
                        let title_case = *headline.get_or_insert_with(|| is_headline(&cx, s));
                        // A named person's age first: `keep` takes `Johnson (18)` for a count.
                        if let Some(age) = named_age(&cx, s, &x) {
                            ages.push((age, x.value));
                        } else if keep(&cx, s, &x, title_case) {
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
            let title_case = headline.unwrap_or_else(|| is_headline(&cx, s));
            sentence_figures(&cx, (s, title_case), &exprs, opts, year, &mut out);
            times.clear();
            sentence_times(&cx, s, anchor, &mut times);
            let asides = relative_asides(&cx, s);
            for f in &mut out[before..] {
                f.as_of = as_of(f, &times, &asides).or(anchor);
            }
        }
        if !ages.is_empty() {
            for (age, value) in ages.drain(..) {
                out.push(age_figure(&cx, (s, e), age, value, anchor));
            }
            out[sentence_first..].sort_by_key(|f| f.start);
        }
    }
    to_char_offsets(text, &mut out);
    out
}

/// The time a figure's sentence places it at: an `as of` expression first, else the time
/// expression nearest to it (byte offsets, before conversion). A time inside a relative aside
/// (`the painting, which was stolen in 1990, is worth £5m`) dates only that aside's figures.
pub(super) fn as_of(f: &Figure, times: &[TimeExpr], asides: &[(usize, usize)]) -> Option<When> {
    let inside = |a: usize, b: usize, (x, y): (usize, usize)| x <= a && b <= y;
    let elsewhere = |t: &TimeExpr| {
        asides
            .iter()
            .any(|&r| inside(t.start, t.end, r) && !inside(f.start, f.end, r))
    };
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
        .filter(|t| !t.text.ends_with("'s") && !t.text.ends_with("\u{2019}s") && !elsewhere(t))
        .min_by_key(|t| (t.kind != TimeKind::AsOf, gap(t)))
        .map(|t| t.when)
}

/// The relative asides of the sentence starting at token `s`, as byte ranges: from a comma
/// followed by `who`, `which` or `whose` to the next comma (or the sentence's end).
fn relative_asides(cx: &Cx, s: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for c in s..cx.end {
        if opens_relative_aside(cx, c) {
            let close = (c + 1..cx.end)
                .find(|&k| cx.is_punct(k, ","))
                .unwrap_or(cx.end);
            out.push((cx.toks[c].end, cx.toks[close - 1].end));
        }
    }
    out
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

/// The figures of one sentence (its first token `s`, and whether it is a title-case line)
/// from the number expressions found in it.
pub(super) fn sentence_figures(
    cx: &Cx,
    (s, title_case): (usize, bool),
    exprs: &[NumExpr],
    opts: &FigureOptions,
    year: Option<i32>,
    out: &mut Vec<Figure>,
) {
    let ranges: Vec<(usize, usize)> = exprs.iter().map(|x| (x.first, x.end)).collect();
    // A title-case line names no places; read once a sentence by the caller, so a run-on
    // paragraph is not read again for every figure in it.
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
                if p > s
                    && cx.kind(p - 1) == Some(Kind::Word)
                    && cx.s(p) == "$"
                    && let Some(code) = dollar_prefix(cx.s(p - 1), cx.attached(p))
                {
                    currency = Some(code);
                    start_tok = p - 1;
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
            } else if x.vague.is_some()
                && cx.is_word(end_tok, "of")
                && let Some(c) = cx.low(end_tok + 1).and_then(|l| currency_word(l.as_str()))
                && cx.s(end_tok + 1).chars().any(|c| c.is_ascii_lowercase())
                && (!cx.is_word(end_tok + 1, "pounds") || pound_is_money(cx, s, x, end_tok + 1))
            {
                // `billions of dollars`, `tens of thousands of pounds`: money, however vague.
                currency = Some(c);
                end_tok += 2;
            } else if cx.kind(end_tok + 1) == Some(Kind::Num) && cx.attached(end_tok + 1) {
                // `3 USD50 cards`: the code belongs to the amount written onto it.
            } else if let Some(l) = cx.low(end_tok)
                && let Some(c) = currency_word(l.as_str())
                // Codes count only in capitals (`200 EUR`); `re` and `rand` are words too.
                && (!matches!(l.as_str(), "usd" | "eur" | "gbp" | "rs" | "re" | "cad" | "aud" | "sek")
                    || cx.s(end_tok).chars().all(|c| c.is_ascii_uppercase()))
                && (!matches!(l.as_str(), "pound" | "pounds") || pound_is_money(cx, s, x, end_tok))
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
            .then(|| hyphen_unit(cx, end_tok).or_else(|| hyphen_term_unit(cx, end_tok)))
            .flatten();
        if joined_unit.is_some() {
            end_tok += 2;
        }
        // `$2.25 million annually`, `£15 an hour`: a rate is never set against a sum. One
        // joined by hyphens is part of the amount, and the noun after it says what the amount
        // is (`a $175,000-a-year chief of staff`).
        let mut noun_start = end_tok;
        let rate = currency.and_then(|c| {
            let (per, next, joined) = rate_after(cx, end_tok)?;
            if joined {
                end_tok = next;
                // `her $250,000-a-year-job`: the noun may be joined on too.
                let on = cx.is_punct(next, "-") && cx.attached(next) && cx.attached(next + 1);
                noun_start = next + usize::from(on);
            }
            Some(format!("{c} per {per}"))
        });
        // `6 ft 2 in`: after a number of feet, `in` is inches, not a preposition (and the word
        // after it, `tall`, is not what it counts).
        let inches = joined_unit.is_none()
            && currency.is_none()
            && percent.is_none()
            && x.unit.is_none()
            && cx.is_word(end_tok, "in")
            && x.first >= s + 2
            && cx
                .low(x.first - 1)
                .is_some_and(|w| matches!(w.as_str(), "ft" | "feet" | "foot"))
            && cx.kind(x.first - 2) == Some(Kind::Num);
        let joined_unit = if inches {
            end_tok += 1;
            Some("inches")
        } else {
            joined_unit
        };
        let noun_start = noun_start.max(end_tok);
        let (counted, noun_measure) = if inches {
            (None, None)
        } else {
            counted_noun(cx, noun_start)
        };
        // What is counted is the head of the noun phrase after the number (`nine homemade
        // pipe bombs` counts bombs), where the word lists stopped at its first word.
        let phrase = (percent.is_none() && x.unit.is_none())
            .then(|| {
                noun_phrase(cx, s, x.first, noun_start).or_else(|| {
                    // `dozens of House Democrats`: past `of the`, the phrase starts at the word
                    // the lists took for the counted one.
                    let (_, j) = counted.as_ref().filter(|(_, j)| *j > end_tok)?;
                    noun_phrase(cx, s, x.first, *j)
                })
            })
            .flatten();
        let (counted, modifiers) = match (counted, phrase) {
            (Some((w, j)), Some(p))
                if noun_measure.is_none()
                    && p.head_tok > j
                    && j >= end_tok
                    // `two kids drown`: a measure word ends the phrase, it is not its head.
                    && measure_keyword(&p.head).is_none()
                    && unit_word(&w).is_none()
                    && !matches!(w.as_str(), "square" | "sq" | "cubic") =>
            {
                (Some((p.head, p.head_tok)), p.modifiers)
            }
            (Some((w, j)), Some(p)) if p.head_tok == j => (Some((w, j)), p.modifiers),
            // No noun phrase follows, and the word the lists took is a verb or a pronoun
            // (`£15.9 million paid in 2011`, `$15 million helping farmers`, `the $5.7 billion
            // he sought`): the number counts nothing named after it.
            // A pronoun past `of` still names the group (`14 percent of it`, `three of you`).
            (Some((w, j)), None)
                if noun_measure.is_none()
                    && j == noun_start
                    && (!may_be_counted(&w)
                        || (currency.is_none()
                            && is_verb_of_the_number(cx, x.first, j, x.value))) =>
            {
                (None, Vec::new())
            }
            (Some(c), None) if noun_measure.is_none() => (Some(past_adjective(cx, c)), Vec::new()),
            (c, _) => (c, Vec::new()),
        };
        // An amount with no noun after it may still say what it is: `a fine of $250,000`.
        let counted = match counted {
            None if currency.is_some() => amount_of(cx, s, start_tok, end_tok),
            c => c,
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
        } else if cx.is_word(end_tok, "nautical")
            && cx
                .low(end_tok + 1)
                .is_some_and(|w| matches!(w.as_str(), "mile" | "miles"))
        {
            // A sea mile is not a mile: `300 nautical miles`.
            area = Some("nautical miles".to_owned());
            end_tok += 2;
        } else if counted_unit == Some("degrees")
            && let Some((_, j)) = &counted
            && *j == end_tok
            && let Some(t) = cx.low(j + 1).and_then(|w| match w.as_str() {
                "fahrenheit" | "f" => Some("°F"),
                "celsius" | "centigrade" | "c" => Some("°C"),
                _ => None,
            })
            // `25 degrees C`, not `25 degrees c`: a lone lowercase letter is no scale.
            && (cx.s(j + 1).len() > 1 || cx.s(j + 1).chars().all(|c| c.is_ascii_uppercase()))
        {
            // `104 degrees Fahrenheit` is a temperature, not an angle.
            area = Some(t.to_owned());
            end_tok = j + 2;
        } else if counted_unit == Some("degrees")
            && let Some((_, j)) = &counted
            && *j == end_tok
            && (s..cx.end).any(|k| {
                cx.low(k).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "temperature" | "temperatures" | "heat" | "heatwave" | "thermometer"
                    )
                })
            })
        {
            // `temperatures hit 40 degrees`: a temperature on a scale the text leaves unsaid.
            area = Some("°".to_owned());
            end_tok = j + 1;
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
            // `over thirty years old` is an age above thirty.
            && !cx.is_word(end_tok, "old")
        {
            qual = None;
            qual_text_range = None;
            start_tok = x.first;
        }
        // `magnitude 6.4`, `6.4 on the Richter scale`: a strength, never a count.
        let magnitude = (x.first > s && cx.is_word(x.first - 1, "magnitude"))
            || cx.is_word(end_tok, "magnitude")
            || (cx.is_word(end_tok, "on") && cx.is_word(end_tok + 2, "Richter"));
        let unit: Option<String> = rate.or_else(|| {
            currency
                .or(percent)
                .or(x.unit)
                .or(magnitude.then_some("magnitude"))
                .or(joined_unit)
                .map(str::to_owned)
                .or(area)
                .or(counted_unit.map(str::to_owned))
                .or(x.fraction.then(|| "fraction".to_owned()))
        });
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
        // `one official said`: who speaks, not what the clause reports.
        let speaker = counted
            .as_ref()
            .is_some_and(|&(_, j)| counts_speakers(cx, s, x.first, j));
        let measure = if currency.is_some() {
            Measure::Money
        } else if percent.is_some() {
            Measure::Percent
        } else if !person_like || speaker {
            Measure::Quantity
        } else if let Some(m) = noun_measure {
            m
        } else {
            let after_noun = counted.as_ref().map_or(end_tok, |(_, j)| j + 1);
            // `Six people, including two congressmen …, were injured`: the verb after the
            // inserted list says what the six count.
            past_insertion(cx, after_noun)
                .and_then(|k| nearest_measure(cx, s, start_tok, k, &blocked))
                .or_else(|| nearest_measure(cx, s, start_tok, after_noun, &blocked))
                .map_or(Measure::Quantity, |(m, _)| m)
        };
        let (mut low, mut high, mut low_inc, mut high_inc) = match (x.range, x.vague) {
            (Some((a, b)), _) => (a, Some(b), x.range_inclusive.0, x.range_inclusive.1),
            (_, Some(a)) => (a, None, true, false),
            _ => (x.value, Some(x.value), true, true),
        };
        let tol = opts.tolerance;
        // `about` says how precise the number is, not where its ends lie: `about 500 or more`
        // states [500, ∞) and may be off by a tenth, like a rounded figure by its last digit.
        let mut approximate: Option<(f64, f64)> = None;
        if let Some(q) = qual {
            let n = x.value;
            let hi_n = high.unwrap_or(n);
            match q {
                Qual::AtLeast if loosened => {
                    approximate = Some((low - low.abs() * tol, low + low.abs() * tol));
                    (high, high_inc) = (None, false)
                }
                Qual::AtLeast => (high, high_inc) = (None, false),
                Qual::UpTo if loosened => {
                    approximate = Some((hi_n - hi_n.abs() * tol, hi_n + hi_n.abs() * tol));
                    (low, low_inc, high, high_inc) = (floor(hi_n), true, Some(hi_n), true)
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
                    approximate = Some((low - low.abs() * tol, hi_n + hi_n.abs() * tol));
                }
                Qual::Exactly => {}
            }
        }
        // `three dozen victims`: a count in dozens is a round count, as loose as `about` (it
        // agrees with the 37 another outlet gives); `more than a dozen` keeps its bound.
        if approximate.is_none()
            && qual.is_none()
            && x.range.is_none()
            && x.vague.is_none()
            && (x.first..x.end).any(|k| cx.is_word(k, "dozen"))
        {
            approximate = Some((low - low.abs() * tol, low + low.abs() * tol));
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
        let can_inherit = measure == Measure::Quantity
            && person_like
            && !speaker
            && noun_measure.is_none()
            && unit.is_none();
        let head = counted.as_ref().map(|(w, _)| w.as_str());
        let mut narrowed = if currency.is_some() || percent.is_some() {
            Vec::new()
        } else {
            scope(cx, (s, title_case), start_tok, end_tok, head)
        };
        if let Some(text) = limit_before(cx, s, start_tok) {
            narrowed.push(Scope {
                kind: ScopeKind::Limit,
                text,
            });
        }
        if let Some(text) = gap_after(cx, end_tok) {
            narrowed.push(Scope {
                kind: ScopeKind::Difference,
                text,
            });
        }
        if let Some(text) = one_of_a_pair(cx, x, measure) {
            narrowed.push(Scope {
                kind: ScopeKind::Listed,
                text,
            });
        }
        let exact = qual == Some(Qual::Exactly);
        let written = (x.range.is_none() && x.vague.is_none() && !x.fraction)
            .then(|| written_precision(cx, x, percent.is_some(), exact))
            .flatten();
        // A range stated open at an end (`between 20 and 30`) may still mean that end.
        let range_loose = x
            .range
            .filter(|_| matches!(qual, None | Some(Qual::About)) && !(low_inc && high_inc))
            .zip(high)
            .map(|(_, h)| (low, h));
        let written = written.or(range_loose);
        let rounding = match (written, approximate) {
            (Some((a, b)), Some((c, d))) => Some((tidy(a.min(c)), tidy(b.max(d)))),
            (w, a) => w.or(a.map(|(c, d)| (tidy(c), tidy(d)))),
        };
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
    mark_lists(cx, &mut drafts);
    read_terms(cx, s, &mut drafts);
    // `five passengers with life-changing injuries`, `16 were injured, five seriously`: a
    // degree of harm names part of the injured.
    for d in drafts.iter_mut().filter(|d| d.measure == Measure::Injured) {
        if let Some(text) = degree_of_harm(cx, d.end_tok) {
            d.scope.push(Scope {
                kind: ScopeKind::Portion,
                text,
            });
        }
    }
    let attr = attribution(cx, s);
    let marks = markers(cx, s, year);
    let spans: Vec<(usize, usize)> = drafts.iter().map(|d| (d.start_tok, d.end_tok)).collect();
    let mut elsewhere = assign(cx, s, &marks, &spans).into_iter();
    let (s_start, s_end) = (cx.toks[s].start, cx.toks[cx.end - 1].end);
    let event = sentence_event(cx, s);
    let mut converts = conversions(cx, &drafts).into_iter();
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
            converts: converts.next().flatten(),
            as_of: None,
        });
    }
}

/// For each draft, the amount it converts when it is one written beside another in a second
/// currency: `£80m ($131.6m or €93.9m)`, `140,600 British Pounds - which is about AU$268,000`.
/// A conversion's value is the outlet's exchange rate at work, not a report, so it is never set
/// against another outlet's; the amount it converts is.
fn conversions(cx: &Cx, drafts: &[Draft]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; drafts.len()];
    for k in 1..drafts.len() {
        let (p, n) = (&drafts[k - 1], &drafts[k]);
        if p.measure != Measure::Money || n.measure != Measure::Money || p.unit == n.unit {
            continue;
        }
        let gap: Vec<&str> = (p.end_tok..n.start_tok).map(|t| cx.s(t)).collect();
        let lower: Vec<String> = gap.iter().map(|w| w.to_lowercase()).collect();
        let has = |w: &str| lower.iter().any(|x| x == w);
        // `over £140,000 pounds ($180,000)`: a currency's name left over from the amount.
        let all_glue = lower.iter().all(|w| {
            currency_word(w).is_some()
                || matches!(
                    w.as_str(),
                    "(" | "["
                        | "-"
                        | "\u{2013}"
                        | "\u{2014}"
                        | ","
                        | "or"
                        | "which"
                        | "is"
                        | "was"
                        | "equivalent"
                        | "to"
                        | "about"
                        | "around"
                        | "roughly"
                        | "some"
                        | "nearly"
                )
        });
        // A bracket or a `which is`, `equivalent to` announces a conversion; `or` and a comma
        // continue one already begun (`($131.6m or €93.9m)`).
        let announced = has("(") || has("[") || has("which") || has("equivalent");
        let continued = out[k - 1].is_some() && (has("or") || has(",")) && !has("(");
        if all_glue && !gap.is_empty() && (announced || continued) {
            let source = out[k - 1].clone().unwrap_or_else(|| {
                let (a, b) = (cx.toks[p.start_tok].start, cx.toks[p.end_tok - 1].end);
                cx.text[a..b].to_owned()
            });
            out[k] = Some(source);
        }
    }
    out
}

/// What a rate written right after an amount at `k` is per: a period (`annually`, `a year`,
/// `per week`, `an hour`, `per annum`) or a thing (`per share`, `£3,000 an episode`, `$60 a
/// barrel`). Not `a year ago` or `a year earlier`, which date the amount, and not `a record
/// fee`, where the noun after `a` only starts a phrase.
fn rate_after(cx: &Cx, k: usize) -> Option<(String, usize, bool)> {
    // `a £50,000-a-week contract`: the rate joined to the amount by hyphens.
    let joined = cx.is_punct(k, "-") && cx.attached(k) && cx.attached(k + 1);
    let k = k + usize::from(joined);
    let w = cx.low(k)?;
    let adverb = match w.as_str() {
        "annually" | "yearly" => Some("year"),
        "monthly" => Some("month"),
        "weekly" => Some("week"),
        "daily" => Some("day"),
        "hourly" => Some("hour"),
        _ => None,
    };
    if let Some(p) = adverb {
        return Some((p.to_owned(), k + 1, joined));
    }
    if !matches!(w.as_str(), "a" | "an" | "per" | "each" | "every") {
        return None;
    }
    let k = if joined && cx.is_punct(k + 1, "-") {
        k + 1
    } else {
        k
    };
    let noun = cx.low(k + 1)?;
    let noun = match noun.as_str() {
        "annum" => "year",
        n => n,
    };
    let dated = cx.low(k + 2).is_some_and(|n| {
        matches!(
            n.as_str(),
            "ago" | "earlier" | "later" | "before" | "after" | "since" | "previously"
        )
    });
    if dated || pos::lexical(noun) != Pos::Noun || cx.capitalised(k + 1) {
        return None;
    }
    if matches!(noun, "year" | "month" | "week" | "day" | "hour") {
        return Some((noun.to_owned(), k + 2, joined));
    }
    // Any other noun makes a rate after `per`, and after `a` when it stands alone.
    let single = joined
        || cx.kind(k + 2) != Some(Kind::Word)
        || cx.capitalised(k + 2)
        || cx
            .low(k + 2)
            .is_some_and(|n| !matches!(pos::lexical(n.as_str()), Pos::Noun | Pos::Adj));
    match w.as_str() {
        "per" => Some((noun.to_owned(), k + 2, joined)),
        "a" | "an" if single => Some((noun.to_owned(), k + 2, joined)),
        _ => None,
    }
}

/// The currency a prefix before `$` names: `US$`, `HK $`, `C$`, `NZD$`, `Mex$`. A one-letter
/// prefix counts only written onto the sign (`a $5 bill` is not Australian).
fn dollar_prefix(w: &str, attached: bool) -> Option<&'static str> {
    // Every prefix has one to three letters (`about $5` is read without allocating).
    if w.len() > 3 {
        return None;
    }
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

/// Whether `pounds` at `k`, after the number `x` of the sentence starting at `s`, is money
/// rather than weight. News that means sterling writes `£` or says so: a scale (`361 million
/// pounds`, `millions of pounds`), `sterling`, pence after it, a conversion in brackets (`5m
/// pounds ($6.2m)`), or other money in the same sentence. Without any of these, and always when
/// `of` follows (`2,763 pounds of marijuana`, `between 2,763 pounds and 3,690 pounds of`),
/// pounds weigh: `lost 25 pounds`, `a baby of over two pounds`.
fn pound_is_money(cx: &Cx, s: usize, x: &NumExpr, k: usize) -> bool {
    // `2,763 pounds of marijuana`, `hundreds of pounds of explosives`: a mass of something.
    if cx.is_word(k + 1, "of") {
        return false;
    }
    // `between 2,763 pounds and 3,690 pounds of marijuana`: the mass named after the second
    // weighs the first too, whatever money the sentence also talks of.
    if ["and", "or", "to"].iter().any(|w| cx.is_word(k + 1, w))
        && cx.kind(k + 2) == Some(Kind::Num)
        && (k + 3..k + 5).any(|j| {
            cx.low(j)
                .is_some_and(|w| matches!(w.as_str(), "pound" | "pounds"))
                && cx.is_word(j + 1, "of")
        })
    {
        return false;
    }
    // `361 million pounds`, `millions of pounds`.
    if x.scaled || x.vague.is_some_and(|v| v >= 1e6) || cx.is_word(k + 1, "sterling") {
        return true;
    }
    // `50 pound and 60 pence`, `1 pound and 1 penny`, `5 pounds 20p`.
    let pence = |j: usize| {
        cx.low(j)
            .is_some_and(|w| matches!(w.as_str(), "pence" | "penny" | "p"))
    };
    let after_and = k + 1 + usize::from(cx.is_word(k + 1, "and"));
    if cx.kind(after_and) == Some(Kind::Num) && pence(after_and + 1) {
        return true;
    }
    if cx.is_punct(k + 1, "(")
        && (currency_symbol(cx.s(k + 2)).is_some()
            || cx
                .low(k + 2)
                .is_some_and(|w| currency_word(w.as_str()).is_some()))
    {
        return true;
    }
    // A word that only money goes with (`a reward of 10,000 pounds`, `fined 500 pounds`), a
    // currency sign, or a currency word after another number.
    (s..cx.end).any(|j| {
        cx.low(j).is_some_and(|w| is_money_word(w.as_str()))
            || currency_symbol(cx.s(j)).is_some()
            || (j > s
                && j != k
                && cx.kind(j - 1) == Some(Kind::Num)
                && cx.low(j).and_then(|w| currency_word(w.as_str())).is_some())
    })
}
