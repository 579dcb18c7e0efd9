//! Which number expressions are figures: dates, times, names with digits, identifiers, ages
//! and pronouns are not; a unit joined by a hyphen (`a 2.5-mile stretch`) is.

use super::context::qualifier_before;
use super::finish::is_time_unit;
use super::numbers::NumExpr;
use super::sentence_words::{
    is_label_word, is_month, is_street_word, one_is_pronoun_after, one_is_pronoun_before,
};
use super::term::hyphen_term_unit;
use super::words::{currency_symbol, currency_word, is_event_noun, measure_keyword, unit_word};
use crate::analysis::text::Cx;
use crate::analysis::text::names::is_common_word;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::{Kind, is_plain_int};

fn is_month_at(cx: &Cx, i: usize) -> bool {
    cx.capitalised(i) && cx.low(i).is_some_and(|w| is_month(w.as_str()))
}

/// False for numbers that are dates, times, names with digits, identifiers or pronouns.
pub(super) fn keep(cx: &Cx, s: usize, x: &NumExpr, headline: bool) -> bool {
    let i = x.first;
    let prev_word = |k: usize| if k > s { cx.low(k - 1) } else { None };
    if let Some((a, b)) = x.range {
        // `14-15 June`
        let days = a.fract() == 0.0 && b <= 31.0 && !x.scaled;
        // `aged between 16 and 18`, `5 to 11 years old`: a span of ages, not a count.
        let ages = a.fract() == 0.0
            && b <= 120.0
            && !x.scaled
            && (prev_word(i).is_some_and(|w| matches!(w.as_str(), "aged" | "age" | "ages"))
                || (cx.is_word(x.end, "years") && cx.is_word(x.end + 1, "old")));
        return !(ages || days && (is_month_at(cx, x.end) || (i > s && is_month_at(cx, i - 1))));
    }
    if x.vague.is_some() || x.fraction {
        return true;
    }
    if kin_count(cx, s, i) {
        return false;
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
        // (`a 12-cent-a-share dividend`, `the £440-an-episode fee`).
        if x.currency.is_none()
            && !(i > s && currency_symbol(cx.s(i - 1)).is_some())
            && cx.is_punct(after, "-")
            && cx.attached(after)
            && cx.kind(after + 1) == Some(Kind::Word)
            && cx.attached(after + 1)
            && !cx.is_word(after + 1, "plus")
            && !cx.is_word(after + 1, "odd")
            && hyphen_unit(cx, after).is_none()
            && hyphen_term_unit(cx, after).is_none()
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
            // `Sept. 11`, `Jan. 6`: an abbreviated month keeps its full stop.
            let abbreviated = i >= s + 2 && cx.is_punct(i - 1, ".") && is_month_at(cx, i - 2);
            let month_before = abbreviated
                || (i > s
                    && cx.capitalised(i - 1)
                    && prev_word(i).is_some_and(|w| is_month(w.as_str())));
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
        // `Radio 1 DJ Dave Lee Travis`, `BBC Radio 2 Breakfast`: a number between two names
        // is part of a name (not in a title-case headline, where every word has a capital).
        if plain_int
            && !headline
            && k == i
            && k > s + 1
            && cx.capitalised(k - 1)
            && cx.kind(k - 1) == Some(Kind::Word)
            && cx.capitalised(after)
            && cx.kind(after) == Some(Kind::Word)
            && cx
                .low(k - 1)
                .is_some_and(|w| !is_month(w.as_str()) && !is_common_word(w.as_str()))
        {
            return false;
        }
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
            // `aged 18, 19 and 22`: every number of the list after `aged` is an age.
            if after_aged(cx, s, i) || apposed_age(cx, s, x) || is_age(cx, s, i, after) {
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
    // `all for naught`, `came to nought`: nothing, not a count of zero.
    if matches!(first.as_str(), "naught" | "nought")
        && x.end == i + 1
        && prev_word(i).is_some_and(|w| matches!(w.as_str(), "for" | "to"))
    {
        return false;
    }
    // `sons Bobby, five, and Freddie, four - had died`, `aged just five`: ages in words.
    if x.value <= 120.0 && (apposed_age(cx, s, x) || after_aged(cx, s, i)) {
        return false;
    }
    // `the former world number one`, `number two in the party`: a rank, not a count.
    if x.end == i + 1 && prev_word(i).is_some_and(|w| w.as_str() == "number") {
        return false;
    }
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
            || hyphen_unit(cx, x.end).is_some()
            || hyphen_term_unit(cx, x.end).is_some();
    }
    true
}

/// `aged 34`, `aged just 27`, `at the age of nearly 90`, `aged six and seven`: the number
/// starting at `k` follows `aged` or `age`, past a word that only says how exact it is and
/// past the numbers before it in a list.
fn after_aged(cx: &Cx, s: usize, k: usize) -> bool {
    let mut b = k;
    while b >= s + 2
        && (cx.is_punct(b - 1, ",") || cx.is_word(b - 1, "and"))
        && (cx.kind(b - 2) == Some(Kind::Num)
            || cx
                .low(b - 2)
                .is_some_and(|w| pos::lexical(w.as_str()) == Pos::Num))
    {
        b -= 2;
    }
    while b > s
        && cx.low(b - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "just" | "only" | "barely" | "about" | "around" | "nearly" | "almost" | "of"
            )
        })
    {
        b -= 1;
    }
    b > s
        && cx
            .low(b - 1)
            .is_some_and(|w| matches!(w.as_str(), "aged" | "age" | "ages"))
}

/// `Smith, 34,`, `the senator, 72,`, `Bobby, five, and Freddie, four - had died`: a person and
/// an age set off by commas (the last of a list may close with a dash or the sentence's end).
fn apposed_age(cx: &Cx, s: usize, x: &NumExpr) -> bool {
    let (i, after) = (x.first, x.end);
    x.value.fract() == 0.0
        && !x.scaled
        && after == i + 1
        && i >= s + 2
        && cx.is_punct(i - 1, ",")
        && (cx.capitalised(i - 2)
            || cx.low(i - 2).is_some_and(|w| {
                let w = w.as_str();
                // `the suspect, 34,`, `a victim, 19,`: one person (a determiner makes `suspect`
                // a noun), whose number is an age even when the noun names a measure; `the
                // dead, 34,` may be a toll.
                let one_person = !w.ends_with('s')
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
                    && pos::lexical(w) != Pos::Adj
                    && i >= s + 3
                    && cx
                        .low(i - 3)
                        .is_some_and(|d| matches!(d.as_str(), "the" | "a" | "an" | "one"));
                one_person || (pos::lexical(w) == Pos::Noun && measure_keyword(w).is_none())
            }))
        && (after >= cx.end
            || matches!(cx.s(after), "," | "-" | "\u{2013}" | "\u{2014}" | "." | ";"))
}

/// `a 2.5-mile stretch`, `a 68-ounce can`, `a three-foot trip`: a unit of measure joined to
/// the number by a hyphen at `k` (never a span of time: `a 3-day visit`, `10-year-old`).
pub(super) fn hyphen_unit(cx: &Cx, k: usize) -> Option<&'static str> {
    if !(cx.is_punct(k, "-") && cx.attached(k) && cx.attached(k + 1)) {
        return None;
    }
    let u = cx.low(k + 1).and_then(|w| unit_word(w.as_str()))?;
    // `10-m`, `a 5-g phone`: one-letter units are too often names here.
    (!is_time_unit(u) && cx.s(k + 1).len() > 1 && u != "degrees").then_some(u)
}

/// `a father of three`, `the mother-of-two`: how many children a person has, which describes
/// one person (often the victim) and is never a toll — `a father of four died` is one death.
fn kin_count(cx: &Cx, s: usize, i: usize) -> bool {
    // Step back over a hyphen joining the words (`father-of-three`).
    let back = |k: usize| {
        let k = k.checked_sub(1)?;
        if k > s && cx.is_punct(k, "-") && cx.attached(k + 1) {
            k.checked_sub(1)
        } else {
            Some(k)
        }
    };
    let Some(of) = back(i).filter(|&k| k >= s && cx.is_word(k, "of")) else {
        return false;
    };
    back(of).filter(|&k| k >= s).is_some_and(|k| {
        cx.low(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "father"
                    | "mother"
                    | "parent"
                    | "dad"
                    | "mum"
                    | "mom"
                    | "grandfather"
                    | "grandmother"
                    | "grandparent"
            )
        })
    })
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
    // `people 65 and older`, `those 17 or younger`: an age limit.
    if (cx.is_word(after, "and") || cx.is_word(after, "or"))
        && cx
            .low(after + 1)
            .is_some_and(|w| matches!(w.as_str(), "older" | "younger"))
    {
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
    let who_is = i >= s + 2
        && (is(i - 1, &["is", "was"]) && is(i - 2, &["who", "he", "she", "i", "you"])
            || is(i - 1, &["are", "were"]) && is(i - 2, &["who", "they", "we"]));
    died || turned || who_is
}
