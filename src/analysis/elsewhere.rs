//! Event awareness: whether a sentence places a figure in another event or time than the
//! article's story (`in 2001`, `last year`, `the 2004 siege, in which 334 died`, `another
//! strike killed 22`). Such figures keep their measure but are marked
//! [`crate::analysis::Figure::elsewhere`] so conflict suggestions never set them against the
//! story's own figures.
//!
//! The reading is local to the figure's clause (split at `;`, `:`, brackets, dashes, commas and
//! contrast words), widened to the clause before when the figure's clause is a relative clause
//! (`…, in which 334 died`) or follows a short opener (`In 2001, …`).

use super::numbers::Cx;
use super::tokens::{Kind, Tok, is_plain_int};
use super::words::is_event_noun;

/// One marker of another time or event inside a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Marker {
    /// First and one-past-last token of the marker.
    first: usize,
    end: usize,
    /// `since 2004` after a figure compares with the past (`the deadliest since 2004`); it
    /// does not move the figure there.
    since: bool,
}

/// The year the story is in: the year mentioned most often (ties to the latest), which in a
/// news article is the dateline's and the event's. `None` when no year is mentioned.
pub(crate) fn story_year(text: &str, toks: &[Tok]) -> Option<i32> {
    let mut counts: Vec<(i32, u32)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if let Some(y) = year_at(text, toks, k)
            && t.kind == Kind::Num
        {
            match counts.iter_mut().find(|(v, _)| *v == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

fn year_at(text: &str, toks: &[Tok], k: usize) -> Option<i32> {
    let t = toks.get(k)?;
    let raw = &text[t.start..t.end];
    if t.kind != Kind::Num || raw.len() != 4 || !is_plain_int(raw) {
        return None;
    }
    let y: i32 = raw.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Markers of another time or event in the sentence `[s, cx.end)`.
pub(crate) fn markers(cx: &Cx, s: usize, story_year: Option<i32>) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut k = s;
    while k < cx.end {
        let w = cx.low(k);
        let w = w.as_ref().map(|l| l.as_str());
        // A past year: `in 2001`, `the 2004 siege`, `since 1999`.
        if let (Some(y), Some(story)) = (year_at(cx.text, cx.toks, k), story_year)
            && y < story
            && !(k > s && cx.attached(k) && cx.kind(k - 1) == Some(Kind::Punct))
        {
            let since = k > s && cx.is_word(k - 1, "since");
            out.push(Marker {
                first: if k > s && cx.kind(k - 1) == Some(Kind::Word) {
                    k - 1
                } else {
                    k
                },
                end: k + 1,
                since,
            });
        }
        // `9/11`: an event named by its date.
        if cx.kind(k) == Some(Kind::Num)
            && cx.s(k) == "9"
            && cx.is_punct(k + 1, "/")
            && cx.attached(k + 1)
            && cx.get(k + 2).is_some_and(|_| cx.s(k + 2) == "11")
        {
            out.push(Marker {
                first: k,
                end: k + 3,
                since: k > s && cx.is_word(k - 1, "since"),
            });
        }
        match w {
            // `last year`, `last year's floods`, `the previous year`, `the year before`.
            Some("last" | "previous" | "preceding") => {
                let next = cx.low(k + 1);
                let next = next.as_ref().map(|l| l.as_str());
                let unit = next.is_some_and(|n| {
                    let n = n.strip_suffix("'s").unwrap_or(n);
                    matches!(n, "year" | "decade" | "century" | "summer" | "winter")
                });
                let event = next.is_some_and(|n| is_event_noun(n) || n == "time");
                if unit || event {
                    out.push(Marker {
                        first: k,
                        end: k + 2,
                        since: false,
                    });
                }
            }
            // `a year ago`, `two decades ago`, `years earlier`.
            Some("ago" | "earlier") if k > s => {
                let unit = cx.low(k - 1).is_some_and(|u| {
                    matches!(u.as_str(), "year" | "years" | "decade" | "decades")
                });
                if unit {
                    out.push(Marker {
                        first: k.saturating_sub(2).max(s),
                        end: k + 1,
                        since: false,
                    });
                }
            }
            // `another strike`, `an earlier attack`, `a separate bombing`.
            Some("another" | "earlier" | "separate" | "similar" | "former" | "prior") => {
                let noun = (k + 1..(k + 3).min(cx.end))
                    .find(|&j| cx.low(j).is_some_and(|n| is_event_noun(n.as_str())));
                if let Some(j) = noun {
                    out.push(Marker {
                        first: k,
                        end: j + 1,
                        since: false,
                    });
                }
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// Why the sentence places the figure at tokens `[first, end)` elsewhere, if it does.
pub(crate) fn figure_elsewhere(
    cx: &Cx,
    s: usize,
    markers: &[Marker],
    first: usize,
    end: usize,
) -> Option<String> {
    if markers.is_empty() {
        return None;
    }
    let (a, b) = (clause_start(cx, s, first), clause_end(cx, first));
    let inside = |m: &Marker, lo: usize, hi: usize, after_ok: bool| {
        m.first >= lo && m.end <= hi && !(m.since && m.first >= end && after_ok)
    };
    let found = markers
        .iter()
        .find(|m| inside(m, a, b, true))
        .or_else(|| {
            // A relative clause or an opener borrows the clause before it.
            if a <= s {
                return None;
            }
            let pb = a - 1;
            let pa = clause_start(cx, s, pb);
            let relative = relative_start(cx, a);
            let opener = pb - pa <= 5 && pa == s;
            (relative || opener)
                .then(|| markers.iter().find(|m| inside(m, pa, pb, false)))
                .flatten()
        })?;
    let (x, y) = (cx.toks[found.first].start, cx.toks[found.end - 1].end);
    Some(cx.text[x..y].to_owned())
}

/// True when the clause at `a` opens as a relative clause (`in which`, `when`, `which`).
fn relative_start(cx: &Cx, a: usize) -> bool {
    let mut k = a;
    while cx.kind(k) == Some(Kind::Punct) && k < a + 2 {
        k += 1;
    }
    cx.low(k).is_some_and(|w| {
        matches!(
            w.as_str(),
            "when" | "which" | "where" | "who" | "whose" | "that" | "in" | "during" | "after"
        )
    }) && (cx.low(k).is_some_and(|w| !matches!(w.as_str(), "in" | "during" | "after"))
        || cx.is_word(k + 1, "which")
        || cx.is_word(k + 1, "whom"))
}

/// True for a token that ends a clause: clause marks and contrast words.
fn is_break(cx: &Cx, k: usize) -> bool {
    match cx.kind(k) {
        Some(Kind::Punct) => {
            matches!(
                cx.s(k),
                ";" | ":" | "(" | ")" | "," | "\u{2014}" | "\u{2013}" | "[" | "]"
            )
        }
        Some(Kind::Word) => cx.low(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "but" | "while" | "whereas" | "although" | "though" | "compared"
            )
        }),
        _ => false,
    }
}

/// First token of the clause holding `at`.
fn clause_start(cx: &Cx, s: usize, at: usize) -> usize {
    let mut a = at;
    while a > s && !is_break(cx, a - 1) {
        a -= 1;
    }
    a
}

/// One past the last token of the clause holding `at`.
fn clause_end(cx: &Cx, at: usize) -> usize {
    let mut b = at + 1;
    while b < cx.end && !is_break(cx, b) {
        b += 1;
    }
    b
}
