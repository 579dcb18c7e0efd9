//! Reading time expressions in running text: absolute dates, weekdays by tense, relative
//! days and periods, `two days after the attack`, times of day and as-of phrases, each
//! resolved against the article's own date.

use super::when::*;
use crate::analysis::text::Cx;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::{Kind, sentences, tokenize};
use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time, Weekday};

/// When an article speaks: its stored publication date or date-time (ISO 8601), else a
/// dateline in its first lines (`WASHINGTON, September 12 /TASS/`, `Tuesday 26 March 2024 -
/// 12:11`). A date-time keeps minute precision. A partial date (`--09-12`) has no year and
/// gives no anchor unless the dateline has one.
pub fn article_anchor(published: Option<&str>, text: &str) -> Option<When> {
    if let Some(p) = published.map(str::trim) {
        if let Some(dt) = p.get(..16).and_then(|s| s.parse::<DateTime>().ok()) {
            return Some(When {
                start: dt,
                end: dt.checked_add(1.minute()).unwrap_or(dt),
                precision: Precision::Minute,
                utc_offset: offset_of(p),
            });
        }
        if let Some(d) = p.get(..10).and_then(|s| s.parse::<Date>().ok()) {
            return Some(When::day(d));
        }
    }
    // A dateline: the first absolute date with a year in the first 400 characters that
    // stands as a dateline does, not as a sentence's own date.
    let head: String = text.chars().take(400).collect();
    find_times(&head, None)
        .into_iter()
        .find(|t| {
            t.kind == TimeKind::Absolute
                && t.when.precision <= Precision::Day
                && is_dateline(&head, t.start)
        })
        .map(|t| t.when)
}

/// True when the date starting at character `at` of `head` reads as a dateline: near the
/// start of its line (`WASHINGTON, September 12 /TASS/`, `Tuesday 26 March 2024 - 12:11`,
/// `Published on 3 May 2024`), not the date a sentence gives its event (`On February 2nd,
/// 2021, officials found…`, `the attack of 22 March 2024`), which would date an undated
/// article to the day of its event, often years before it was written.
fn is_dateline(head: &str, at: usize) -> bool {
    let before: String = head.chars().take(at).collect();
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    if line.chars().count() > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let Some(last) = words.next() else {
        return true;
    };
    // `On February 2nd`, `the raid of`, `between … and`, `due to`: the date is the sentence's.
    let preposition = matches!(
        pos::lexical(last),
        Pos::Adp | Pos::Cconj | Pos::Sconj | Pos::Part
    );
    !preposition
        || words.any(|w| {
            matches!(
                w,
                "published" | "updated" | "posted" | "dated" | "modified" | "first" | "date"
            )
        })
}

/// The UTC offset at the end of a stored date-time, in minutes: `Z` is 0, `+02:00` is 120,
/// `-0500` is −300; `None` without one.
fn offset_of(stored: &str) -> Option<i16> {
    let time = stored.split_once('T')?.1;
    if time.ends_with('Z') {
        return Some(0);
    }
    let at = time.rfind(['+', '-'])?;
    let (sign, rest) = time[at..].split_at(1);
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let (h, m): (i16, i16) = match digits.len() {
        2 => (digits.parse().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    let minutes = h * 60 + m;
    Some(if sign == "-" { -minutes } else { minutes })
}

/// Every time expression in `text`, resolved against `anchor` (expressions that need the
/// article's date are skipped without one). Offsets are character offsets.
pub fn find_times(text: &str, anchor: Option<When>) -> Vec<TimeExpr> {
    times_until(text, anchor, |_| false)
}

/// The first time expression in `text` that `accept` takes, read sentence by sentence and
/// no further than the sentence holding it: grouping a year of news asks each article's lead
/// for its event's day, which is usually named in the first sentence or two.
pub fn first_time(
    text: &str,
    anchor: Option<When>,
    mut accept: impl FnMut(&TimeExpr) -> bool,
) -> Option<TimeExpr> {
    times_until(text, anchor, &mut accept)
        .into_iter()
        .find(|t| accept(t))
}

/// The time expressions of `text`'s sentences up to and including the first sentence where
/// `stop` holds for one of them.
fn times_until(
    text: &str,
    anchor: Option<When>,
    mut stop: impl FnMut(&TimeExpr) -> bool,
) -> Vec<TimeExpr> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut sents = Vec::new();
    sentences(text, &toks, &mut sents);
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for &(s, e) in &sents {
        let cx = Cx {
            text,
            lower: &lower,
            toks: &toks,
            end: e,
        };
        let before = out.len();
        sentence_times(&cx, s, anchor, &mut out);
        if out[before..].iter().any(&mut stop) {
            break;
        }
    }
    to_chars(text, &mut out);
    out
}

/// Time expressions of one sentence, with byte offsets.
pub(crate) fn sentence_times(cx: &Cx, s: usize, anchor: Option<When>, out: &mut Vec<TimeExpr>) {
    let mut k = s;
    while k < cx.end {
        let found = after_event(cx, k, || {
            out.iter()
                .filter(|t| t.when.precision <= Precision::Day)
                .map(|t| t.when.date())
                .min()
        })
        .or_else(|| read_at(cx, s, k, anchor));
        match found {
            Some((end, kind, mut when)) => {
                // Every time of an article is on the article's clock.
                when.utc_offset = anchor.and_then(|a| a.utc_offset);
                let (a, b) = (cx.toks[k].start, cx.toks[end - 1].end);
                out.push(TimeExpr {
                    start: a,
                    end: b,
                    text: cx.text[a..b].to_owned(),
                    kind,
                    when,
                });
                k = end;
            }
            None => k += 1,
        }
    }
}

/// Reads one time expression starting at token `k`: its end token, kind and span.
fn read_at(cx: &Cx, s: usize, k: usize, anchor: Option<When>) -> Option<(usize, TimeKind, When)> {
    // `as of 6 pm`, `by Tuesday evening`, `as at midday`.
    let as_of_len = if cx.is_word(k, "as") && (cx.is_word(k + 1, "of") || cx.is_word(k + 1, "at")) {
        2
    } else if cx.is_word(k, "by") {
        1
    } else {
        0
    };
    if as_of_len > 0 {
        let (end, _, when) = read_core(cx, s, k + as_of_len, anchor)?;
        return Some((end, TimeKind::AsOf, when));
    }
    read_core(cx, s, k, anchor)
}

fn read_core(cx: &Cx, s: usize, k: usize, anchor: Option<When>) -> Option<(usize, TimeKind, When)> {
    let w = cx.low(k).map(|l| l.as_str());
    // A time of day alone: `at 6 pm` → the article's day.
    if let Some((end, t)) = time_of_day(cx, k) {
        // `7 a.m. on Friday`, `6 pm yesterday`: the day comes after the time.
        let j = if cx.is_word(end, "on") { end + 1 } else { end };
        if let Some((day_end, kind, when)) = read_core(cx, s, j, anchor)
            && when.precision == Precision::Day
        {
            return Some((day_end, kind, at_minute(when.date(), t)));
        }
        let d = anchor?.date();
        return Some((end, TimeKind::Relative, at_minute(d, t)));
    }
    if let Some((end, when)) = absolute(cx, s, k, anchor) {
        return Some((end, TimeKind::Absolute, with_part(cx, end, when)));
    }
    let anchor_day = anchor.map(|a| a.date());
    if let Some(found) = ago(cx, k, anchor_day?) {
        return Some(found);
    }
    match w? {
        "yesterday" | "today" | "tonight" | "tomorrow" => {
            let d = anchor_day?;
            let day = match w? {
                "yesterday" => d.yesterday().ok()?,
                "tomorrow" => d.tomorrow().ok()?,
                _ => d,
            };
            let when = if w? == "tonight" {
                When::hours(day, 18, 30, Precision::PartOfDay)
            } else {
                When::day(day)
            };
            let (end, when) = part_after(cx, k + 1, when);
            Some((end, TimeKind::Relative, when))
        }
        "overnight" => {
            let d = anchor_day?;
            let y = d.yesterday().ok()?;
            Some((
                k + 1,
                TimeKind::Relative,
                When::hours(y, 21, 30, Precision::PartOfDay),
            ))
        }
        "this" | "last" | "next" | "earlier" | "later" | "late" | "early" => {
            relative_period(cx, s, k, anchor?)
        }
        _ => {
            // `on Friday`, `Friday morning`.
            let day = weekday(cx, k)?;
            let d = resolve_weekday(cx, s, k, day, 0, anchor_day?)?;
            let (end, when) = part_after(cx, k + 1, When::day(d));
            Some((end, TimeKind::Relative, when))
        }
    }
}

/// `this morning`, `last night`, `last week`, `earlier this month`, `late on Sunday`,
/// `last Friday`, `next Monday`, `this year`.
fn relative_period(cx: &Cx, s: usize, k: usize, anchor: When) -> Option<(usize, TimeKind, When)> {
    let d = anchor.date();
    let first = cx.low(k)?.as_str();
    // `late on Sunday`, `early on Monday`, `late Sunday`.
    if matches!(first, "late" | "early") {
        let j = if cx.is_word(k + 1, "on") {
            k + 2
        } else {
            k + 1
        };
        let (end, _, when) = read_core(cx, s, j, Some(anchor))?;
        if when.precision != Precision::Day {
            return None;
        }
        let day = when.date();
        let part = if first == "late" {
            When::hours(day, 18, 24, Precision::PartOfDay)
        } else {
            When::hours(day, 0, 9, Precision::PartOfDay)
        };
        return Some((end, TimeKind::Relative, part));
    }
    // `earlier this month`, `later this week`.
    if matches!(first, "earlier" | "later") {
        let (end, kind, when) = relative_period(cx, s, k + 1, anchor)?;
        let when = if first == "earlier" {
            When {
                end: when.end.min(d.to_datetime(Time::midnight())),
                ..when
            }
        } else {
            When {
                start: when.start.max(d.to_datetime(Time::midnight())),
                ..when
            }
        };
        return Some((end, kind, when));
    }
    let next = cx.low(k + 1)?.as_str();
    let shift: i32 = match first {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let when = match next {
        "morning" | "afternoon" | "evening" | "night" => {
            let day = if first == "last" {
                d.yesterday().ok()?
            } else {
                d
            };
            let (end, when) = part_after(cx, k + 1, When::day(day));
            return Some((end, TimeKind::Relative, when));
        }
        "week" => {
            let monday = d.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()?;
            let start = monday.checked_add((7 * shift).days()).ok()?;
            When::days(start, start.checked_add(7.days()).ok()?, Precision::Week)
        }
        "month" => {
            let first_day = d.first_of_month().checked_add(shift.months()).ok()?;
            When::days(
                first_day,
                first_day.checked_add(1.month()).ok()?,
                Precision::Month,
            )
        }
        "year" => {
            let y = d.year() + shift as i16;
            let start = Date::new(y, 1, 1).ok()?;
            When::days(start, Date::new(y + 1, 1, 1).ok()?, Precision::Year)
        }
        _ => {
            // `last Friday`: strictly before the article's day; `next Monday`: after it.
            let day = weekday(cx, k + 1)?;
            let d = resolve_weekday(cx, s, k + 1, day, shift, d)?;
            let (end, when) = part_after(cx, k + 2, When::day(d));
            return Some((end, TimeKind::Relative, when));
        }
    };
    Some((k + 2, TimeKind::Relative, when))
}

/// `two days after the attack`, `a week before the vote`: counted from the event's day, taken
/// as the earliest day the article has named before (the day of the attack it reports).
fn after_event(
    cx: &Cx,
    k: usize,
    event: impl FnOnce() -> Option<Date>,
) -> Option<(usize, TimeKind, When)> {
    let n: i32 = match cx.kind(k)? {
        Kind::Num => cx.s(k).parse().ok().filter(|n| (1..=60).contains(n))?,
        Kind::Word => match cx.low(k)?.as_str() {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "ten" => 10,
            _ => return None,
        },
        Kind::Punct => return None,
    };
    let days = match cx.low(k + 1)?.as_str().trim_end_matches('s') {
        "day" => n,
        "week" => 7 * n,
        _ => return None,
    };
    let sign = match cx.low(k + 2)?.as_str() {
        "after" => 1,
        "before" => -1,
        _ => return None,
    };
    if !cx.is_word(k + 3, "the") || cx.kind(k + 4) != Some(Kind::Word) {
        return None;
    }
    let day = event()?.checked_add((sign * days).days()).ok()?;
    Some((k + 5, TimeKind::Relative, When::day(day)))
}

/// `three days ago`, `two weeks ago`, `a year ago`.
fn ago(cx: &Cx, k: usize, d: Date) -> Option<(usize, TimeKind, When)> {
    let n: i32 = match cx.low(k)?.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "ten" => 10,
        _ => return None,
    };
    if !cx.is_word(k + 2, "ago") {
        return None;
    }
    let unit = cx.low(k + 1)?.as_str();
    let when = match unit.trim_end_matches('s') {
        "day" => When::day(d.checked_sub(n.days()).ok()?),
        "week" => {
            let x = d.checked_sub((7 * n).days()).ok()?;
            When {
                precision: Precision::Week,
                ..When::day(x)
            }
        }
        "month" => {
            let x = d.checked_sub(n.months()).ok()?.first_of_month();
            When::days(x, x.checked_add(1.month()).ok()?, Precision::Month)
        }
        "year" => {
            let y = d.year() - n as i16;
            When::days(
                Date::new(y, 1, 1).ok()?,
                Date::new(y + 1, 1, 1).ok()?,
                Precision::Year,
            )
        }
        _ => return None,
    };
    Some((k + 3, TimeKind::Relative, when))
}

fn weekday(cx: &Cx, k: usize) -> Option<Weekday> {
    if !cx.capitalised(k) {
        return None;
    }
    let w = cx.low(k)?.as_str();
    // `Friday's attack`.
    let w = w.strip_suffix("'s").unwrap_or(w);
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The date a weekday names: the latest on or before the article's day; with `last`
/// (`shift` −1) the latest strictly before; with `next` (+1), or when the clause speaks of the
/// future (`will`, `is due`, `is expected`), the first after it.
fn resolve_weekday(cx: &Cx, s: usize, k: usize, day: Weekday, shift: i32, d: Date) -> Option<Date> {
    let future = shift > 0 || (shift == 0 && future_tense(cx, s, k));
    if future {
        return d.nth_weekday(1, day).ok();
    }
    if shift < 0 {
        return d.nth_weekday(-1, day).ok();
    }
    d.tomorrow().ok()?.nth_weekday(-1, day).ok()
}

/// True when the clause holding token `k` speaks of the future.
fn future_tense(cx: &Cx, s: usize, k: usize) -> bool {
    let from = k.saturating_sub(8).max(s);
    let to = (k + 6).min(cx.end);
    (from..to).any(|j| {
        cx.low(j).is_some_and(|w| {
            matches!(
                w.as_str(),
                "will"
                    | "shall"
                    | "due"
                    | "expected"
                    | "scheduled"
                    | "planned"
                    | "plans"
                    | "upcoming"
                    | "tomorrow"
                    | "next"
                    | "ll"
            )
        })
    })
}

/// A part of the day after a day (`Friday morning`, `yesterday evening`, `Sunday night`).
fn part_after(cx: &Cx, j: usize, when: When) -> (usize, When) {
    if when.precision != Precision::Day {
        return (j, when);
    }
    let d = when.date();
    let part = match cx.low(j).map(|l| l.as_str()) {
        Some("morning") => Some((6, 12)),
        Some("afternoon") => Some((12, 18)),
        Some("evening") => Some((18, 24)),
        Some("night") => Some((21, 30)),
        _ => None,
    };
    match part {
        Some((a, b)) => (j + 1, When::hours(d, a, b, Precision::PartOfDay)),
        None => match cx
            .is_word(j, "at")
            .then(|| time_of_day(cx, j + 1))
            .flatten()
        {
            // `on Friday at 6 pm`.
            Some((end, t)) => (end, at_minute(d, t)),
            None => (j, when),
        },
    }
}

fn with_part(cx: &Cx, end: usize, when: When) -> When {
    part_after(cx, end, when).1
}

fn at_minute(d: Date, t: Time) -> When {
    let start = d.to_datetime(t);
    When {
        start,
        end: start.checked_add(1.minute()).unwrap_or(start),
        precision: Precision::Minute,
        utc_offset: None,
    }
}

/// `6 pm`, `6pm`, `6.30pm`, `18:00`, `12:11 GMT`, `midday`, `midnight`: the end token and time.
fn time_of_day(cx: &Cx, k: usize) -> Option<(usize, Time)> {
    if cx.is_word(k, "midday") || cx.is_word(k, "noon") {
        return Some((k + 1, Time::constant(12, 0, 0, 0)));
    }
    if cx.kind(k) != Some(Kind::Num) {
        return None;
    }
    let raw = cx.s(k);
    let (mut h, mut m): (i8, i8) = match raw.split_once('.') {
        Some((a, b)) if b.len() == 2 => (a.parse().ok()?, b.parse().ok()?),
        None if raw.len() <= 2 => (raw.parse().ok()?, 0),
        _ => return None,
    };
    let mut end = k + 1;
    // `18:00`
    if cx.is_punct(end, ":") && cx.attached(end) && cx.kind(end + 1) == Some(Kind::Num) {
        let mm = cx.s(end + 1);
        if mm.len() != 2 {
            return None;
        }
        m = mm.parse().ok()?;
        end += 2;
    } else {
        // `6 pm`, `6pm`, `6 p.m.`
        let ampm = cx.low(end).map(|l| l.as_str());
        let pm = match ampm {
            Some("pm") => Some(true),
            Some("am") => Some(false),
            Some("p") if cx.is_punct(end + 1, ".") => Some(true),
            Some("a") if cx.is_punct(end + 1, ".") && cx.is_word(end + 2, "m") => Some(false),
            _ => None,
        }?;
        end += if matches!(ampm, Some("p" | "a")) {
            4
        } else {
            1
        };
        end = end.min(cx.end);
        if !(1..=12).contains(&h) {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    }
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    // A zone or `local time` after it belongs to the expression.
    if cx.low(end).is_some_and(|z| {
        matches!(
            z.as_str(),
            "gmt" | "utc" | "bst" | "cet" | "cest" | "msk" | "est" | "edt" | "pst" | "pdt" | "ist"
        )
    }) {
        end += 1;
    } else if cx.is_word(end, "local") && cx.is_word(end + 1, "time") {
        end += 2;
    }
    Some((end, Time::new(h, m, 0, 0).ok()?))
}

fn month_at(cx: &Cx, k: usize) -> Option<i8> {
    if !cx.capitalised(k) {
        return None;
    }
    crate::model::month_number(cx.low(k)?.as_str()).map(|m| m as i8)
}

/// A year after a day and month, with or without a comma (`22 March 2024`, `March 22, 2024`):
/// the year if written, and the token after the date.
fn year_after(cx: &Cx, end: usize) -> (Option<i16>, usize) {
    let at = if cx.is_punct(end, ",") && year_at(cx, end + 1).is_some() {
        end + 1
    } else {
        end
    };
    match year_at(cx, at) {
        Some(y) => (Some(y), at + 1),
        None => (None, end),
    }
}

fn day_at(cx: &Cx, k: usize) -> Option<(i8, usize)> {
    if cx.kind(k) != Some(Kind::Num) || cx.s(k).len() > 2 {
        return None;
    }
    let d: i8 = cx.s(k).parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    // `22nd`, `1st`.
    let end = if cx.attached(k + 1)
        && cx
            .low(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "st" | "nd" | "rd" | "th"))
    {
        k + 2
    } else {
        k + 1
    };
    Some((d, end))
}

fn year_at(cx: &Cx, k: usize) -> Option<i16> {
    if cx.kind(k) != Some(Kind::Num) || cx.s(k).len() != 4 {
        return None;
    }
    let y: i16 = cx.s(k).parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Absolute dates: `22 March 2024`, `March 22, 2024`, `Tuesday 26 March`, `March 2024`,
/// `2024-03-22`, `in 2013`. A date without a year takes the year that puts it nearest the
/// article's date (`30 December` in a 2 January article is last year's).
fn absolute(cx: &Cx, s: usize, k: usize, anchor: Option<When>) -> Option<(usize, When)> {
    // A weekday before the date belongs to it.
    let mut j = k;
    if weekday(cx, j).is_some() {
        j += 1;
        if cx.is_punct(j, ",") {
            j += 1;
        }
        if day_at(cx, j).is_none() && month_at(cx, j).is_none() {
            return None;
        }
    }
    // ISO `2024-03-22`.
    if let Some(y) = year_at(cx, j)
        && cx.is_punct(j + 1, "-")
        && cx.attached(j + 1)
        && let Some(m) = cx.get(j + 2).and_then(|_| cx.s(j + 2).parse::<i8>().ok())
        && cx.is_punct(j + 3, "-")
        && let Some(d) = cx.get(j + 4).and_then(|_| cx.s(j + 4).parse::<i8>().ok())
    {
        return Some((j + 5, When::day(Date::new(y, m, d).ok()?)));
    }
    // `22 March [2024]`
    if let Some((day, after)) = day_at(cx, j)
        && let Some(m) = month_at(cx, after)
    {
        let (year, end) = year_after(cx, after + 1);
        let date = full_date(year, m, day, anchor)?;
        return Some((end, When::day(date)));
    }
    // `March 22[, 2024]`, `March 2024`
    if let Some(m) = month_at(cx, j) {
        if let Some((day, after)) = day_at(cx, j + 1) {
            let (year, end) = year_after(cx, after);
            let date = full_date(year, m, day, anchor)?;
            return Some((end, When::day(date)));
        }
        if let Some(y) = year_at(cx, j + 1) {
            let first = Date::new(y, m, 1).ok()?;
            return Some((
                j + 2,
                When::days(first, first.checked_add(1.month()).ok()?, Precision::Month),
            ));
        }
        // `May` alone is a verb too; `in March`, `early March`.
        let lead = j > s
            && cx.low(j - 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "in" | "since" | "during" | "early" | "late" | "mid" | "until"
                )
            });
        if lead && m != 5 {
            let y = anchor?.date().year();
            let first = Date::new(y, m, 1).ok()?;
            return Some((
                j + 1,
                When::days(first, first.checked_add(1.month()).ok()?, Precision::Month),
            ));
        }
        return None;
    }
    // `in 2013`, `since 2004`, `the 2004 siege`.
    if j == k
        && let Some(y) = year_at(cx, j)
        && j > s
        && cx.low(j - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "in" | "since" | "during" | "of" | "until" | "from" | "the" | "early" | "late"
            )
        })
        && !(cx.is_punct(j + 1, "-") && cx.attached(j + 1))
    {
        return Some((
            j + 1,
            When::days(
                Date::new(y, 1, 1).ok()?,
                Date::new(y + 1, 1, 1).ok()?,
                Precision::Year,
            ),
        ));
    }
    None
}

fn full_date(year: Option<i16>, m: i8, d: i8, anchor: Option<When>) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, m, d).ok();
    }
    let a = anchor?.date();
    [a.year() - 1, a.year(), a.year() + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d).ok())
        .min_by_key(|x| (x.since(a).ok().map_or(i32::MAX, |s| s.get_days().abs()), *x))
}

/// Converts byte offsets to character offsets.
fn to_chars(text: &str, out: &mut [TimeExpr]) {
    if text.is_ascii() {
        return;
    }
    for t in out {
        t.start = text[..t.start].chars().count();
        t.end = t.start + t.text.chars().count();
    }
}
