//! The last passes over the figures drafted in one sentence: bounds written apart joined into
//! one interval, units and measures inherited by bare neighbours, and byte offsets turned into
//! character offsets.

use super::figure::{Figure, Measure, Scope};
use crate::analysis::text::Cx;
use crate::analysis::text::tokens::Kind;

/// Measure and counted noun facts for one expression, before inheritance.
pub(super) struct Draft {
    pub(super) start_tok: usize,
    pub(super) end_tok: usize,
    /// The number's own tokens, which no other figure may take.
    pub(super) core: (usize, usize),
    pub(super) value: f64,
    pub(super) low: f64,
    pub(super) high: Option<f64>,
    pub(super) low_inc: bool,
    pub(super) high_inc: bool,
    pub(super) qualifier: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) counted: Option<String>,
    pub(super) modifiers: Vec<String>,
    pub(super) scope: Vec<Scope>,
    pub(super) rounding: Option<(f64, f64)>,
    pub(super) measure: Measure,
    /// May take the event measure of a neighbouring figure.
    pub(super) can_inherit: bool,
}

/// `above 1000 and below 1500`, `more than 10 but fewer than 20`, `at least 5 and at most 9`:
/// a lower bound joined to an upper bound is one interval.
pub(super) fn join_bounds(cx: &Cx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let Some(p) = out.last_mut().filter(|p| joinable(cx, p, &d)) else {
            out.push(d);
            continue;
        };
        // `at most 100 and at least 20`, `no more than 50 and no less than 20`: the upper
        // bound first, so the second gives the lower end.
        let upper_first = d.high.is_none() && p.low == 0.0 && p.high.is_some_and(|h| h > d.low);
        // `above 1000 and below 1500`: the second gives the upper end.
        let lower_first = (p.high.is_none()
            || (p.unit.as_deref() == Some("fraction") && p.high == Some(1.0)))
            && d.low == 0.0
            && d.high.is_some_and(|h| h > p.low);
        if upper_first {
            p.value = d.value;
            p.low = d.low;
            p.low_inc = d.low_inc;
        } else if lower_first {
            p.high = d.high;
            p.high_inc = d.high_inc;
        } else {
            out.push(d);
            continue;
        }
        p.end_tok = d.end_tok;
        p.qualifier = Some(format!(
            "{} … {}",
            p.qualifier.take().unwrap_or_default(),
            d.qualifier.unwrap_or_default()
        ));
        p.unit = p.unit.take().or(d.unit);
        p.counted = d.counted.or(p.counted.take());
        if p.measure == Measure::Quantity {
            p.measure = d.measure;
        }
        p.can_inherit &= d.can_inherit;
    }
    out
}

/// Two qualified bounds that stand next to each other, joined only by "and", "but" or a
/// comma, in the same unit (or one without): candidates for one interval.
fn joinable(cx: &Cx, p: &Draft, d: &Draft) -> bool {
    p.qualifier.is_some()
        && d.qualifier.is_some()
        && d.start_tok > p.end_tok
        && d.start_tok <= p.end_tok + 2
        && (p.end_tok..d.start_tok)
            .all(|k| cx.is_word(k, "and") || cx.is_word(k, "but") || cx.is_punct(k, ","))
        && (p.unit.is_none() || d.unit.is_none() || p.unit == d.unit)
}

/// Figures that name no measure of their own take their neighbour's: `detaining 11 suspects,
/// including the four presumed perpetrators`; `rose from 100 to 139`.
pub(super) fn inherit(cx: &Cx, s: usize, drafts: &mut [Draft]) {
    let includes = |at: usize| {
        (at.saturating_sub(3).max(s)..at).any(|k| {
            cx.low(k).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "including" | "among" | "whom" | "includes" | "included"
                )
            })
        })
    };
    for i in 0..drafts.len() {
        if !drafts[i].can_inherit {
            continue;
        }
        // From the previous figure: a subset (`including`) or the other end of a change.
        if i > 0 && drafts[i - 1].measure.is_event() {
            let gap = drafts[i].start_tok.saturating_sub(drafts[i - 1].end_tok);
            let joined = gap == 1
                && cx
                    .low(drafts[i - 1].end_tok)
                    .is_some_and(|w| matches!(w.as_str(), "to" | "from" | "and" | "or"));
            // A list of counts under one verb (`injured 14 patients and two nurses`) is read
            // by `listing::mark_lists`.
            let start = drafts[i].start_tok;
            // `rose to 143 on Monday, up from 139`: the earlier value of the same count.
            let was = gap <= 8
                && start > s
                && (cx.is_word(start - 1, "from") || cx.is_word(start - 1, "than"))
                && start >= s + 2
                && cx.low(start - 2).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "up" | "down"
                            | "revised"
                            | "raised"
                            | "lowered"
                            | "rising"
                            | "falling"
                            | "more"
                            | "higher"
                            | "lower"
                            | "fewer"
                            | "less"
                    )
                });
            // `eight people have died since Monday, bringing the total to 31`: the running
            // total of the count before it.
            let total = gap <= 10
                && start >= s + 2
                && cx
                    .low(start - 1)
                    .is_some_and(|w| matches!(w.as_str(), "to" | "at"))
                && cx
                    .low(start - 2)
                    .is_some_and(|w| matches!(w.as_str(), "total" | "tally"));
            if was || total {
                drafts[i].measure = drafts[i - 1].measure;
                continue;
            }
            if joined || includes(drafts[i].start_tok) {
                drafts[i].measure = drafts[i - 1].measure;
                continue;
            }
        }
        // `five of them seriously`: a part of the previous figure. So is `16 people were
        // injured – five seriously`, a count set off by a comma or a dash and followed only by
        // how badly.
        let e = drafts[i].end_tok;
        let set_off = start_tok_is_set_off(cx, drafts[i].start_tok)
            && cx
                .low(e)
                .is_some_and(|w| super::severity::is_degree(w.as_str()));
        if i > 0
            && drafts[i - 1].measure.is_event()
            && (set_off
                || (cx.is_word(e, "of")
                    && (cx.is_word(e + 1, "them") || cx.is_word(e + 1, "whom"))))
        {
            drafts[i].measure = drafts[i - 1].measure;
            continue;
        }
        // From the next figure, when it is the subset (`Eleven people, including four gunmen,
        // were detained`) or the whole (`Nine of the 11 detained suspects`).
        if i + 1 < drafts.len() && drafts[i + 1].measure.is_event() {
            let next = drafts[i + 1].start_tok;
            let part_of = cx.is_word(e, "of")
                && (next == e + 1 || (next == e + 2 && cx.is_word(e + 1, "the")));
            if part_of || includes(next) {
                drafts[i].measure = drafts[i + 1].measure;
            }
        }
    }
}

pub(super) fn is_time_unit(u: &str) -> bool {
    matches!(
        u,
        "seconds"
            | "minutes"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "decades"
            | "centuries"
    )
}

/// The lowest value an upper-bounded count can take: zero, or no floor for a negative bound.
pub(super) fn floor(high: f64) -> f64 {
    if high <= 0.0 { f64::NEG_INFINITY } else { 0.0 }
}

/// Rounds away binary noise (`139 × 0.9 = 125.10000000000001`) to 12 significant digits.
pub(super) fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = 10f64.powi(12 - x.abs().log10().ceil() as i32);
    (x * mag).round() / mag
}

/// Converts the byte offsets the scanner produced into character offsets, in one sweep.
pub(super) fn to_char_offsets(text: &str, figs: &mut [Figure]) {
    if text.is_ascii() {
        return;
    }
    let mut offs: Vec<usize> = figs
        .iter()
        .flat_map(|f| [f.start, f.end, f.sentence_start, f.sentence_end])
        .collect();
    offs.sort_unstable();
    offs.dedup();
    let mut chars = Vec::with_capacity(offs.len());
    let (mut byte, mut count) = (0usize, 0usize);
    for &o in &offs {
        count += text[byte..o].chars().count();
        byte = o;
        chars.push(count);
    }
    let map = |b: usize| offs.binary_search(&b).map_or(0, |k| chars[k]);
    for f in figs {
        f.start = map(f.start);
        f.end = map(f.end);
        f.sentence_start = map(f.sentence_start);
        f.sentence_end = map(f.sentence_end);
    }
}

/// True when the token before `start` is a comma or a dash: a count set off from what comes
/// before (`were injured, five seriously`).
fn start_tok_is_set_off(cx: &Cx, start: usize) -> bool {
    start > 0
        && cx.kind(start - 1) == Some(Kind::Punct)
        && matches!(cx.s(start - 1), "," | "-" | "\u{2013}" | "\u{2014}")
}
