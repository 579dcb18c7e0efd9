//! Event awareness: whether a sentence places a figure in another event or time than the
//! article's story (`in 2001`, `last year`, `the 2004 siege, in which 334 died`, `another
//! strike killed 22`). Such figures keep their measure but are marked
//! [`crate::analysis::Figure::elsewhere`] so conflict suggestions never set them against the
//! story's own figures.
//!
//! The reading is local to the figure's clause (split at `;`, `:`, brackets, dashes, commas and
//! contrast words), widened to the clause before when the figure's clause is a relative clause
//! (`…, in which 334 died`) or follows a short opener (`In 2001, …`).

use super::sentence_words::is_month;
use super::words::is_event_noun;
use crate::analysis::text::Cx;
use crate::analysis::text::tokens::{Kind, Tok, is_plain_int};

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

/// The year the story is in, read from the text when the article has no date: a year
/// mentioned at least twice (the most often, ties to the latest), else the latest year of a
/// full date (`22 March 2024`, `March 2024`). `None` when the text does not say; then every
/// year mentioned is taken as past.
pub(crate) fn story_year(text: &str, toks: &[Tok]) -> Option<i32> {
    let mut counts: Vec<(i32, u32)> = Vec::new();
    let mut dated: Option<i32> = None;
    for k in 0..toks.len() {
        let Some(y) = year_at(text, toks, k) else {
            continue;
        };
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1)),
        }
        let month_before = k > 0 && {
            let p = toks[k - 1];
            let w = text[p.start..p.end].to_ascii_lowercase();
            is_month(&w) || (w == "," && k > 1 && toks[k - 2].kind == Kind::Num)
        };
        if month_before {
            dated = dated.max(Some(y));
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
        .or(dated)
}

fn year_at(text: &str, toks: &[Tok], k: usize) -> Option<i32> {
    let t = toks.get(k)?;
    if t.kind != Kind::Num || t.end - t.start != 4 {
        return None;
    }
    let raw = &text[t.start..t.end];
    if !is_plain_int(raw) {
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
        if let Some(y) = year_at(cx.text, cx.toks, k)
            && story_year.is_none_or(|story| y < story)
            // `by 2050`, `until 2030`: a deadline, not a past event.
            && !(k > s && cx.low(k - 1).is_some_and(|w| matches!(w.as_str(), "by" | "until" | "till" | "before")))
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
            && (k > s
                && cx
                    .low(k - 1)
                    .is_some_and(|w| matches!(w.as_str(), "on" | "since" | "after" | "before"))
                || cx.low(k + 3).is_some_and(|w| is_event_noun(w.as_str())))
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
                    matches!(
                        n,
                        "year"
                            | "decade"
                            | "century"
                            | "month"
                            | "summer"
                            | "winter"
                            | "spring"
                            | "autumn"
                            | "fall"
                            | "season"
                            | "election"
                            | "contest"
                            | "census"
                    )
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
                let unit = cx
                    .low(k - 1)
                    .is_some_and(|u| matches!(u.as_str(), "year" | "years" | "decade" | "decades"));
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

/// For each figure (token ranges, in text order), why the sentence places it elsewhere.
///
/// A marker binds within its clause: to the figure just before it (`$80m last summer`,
/// `killed 9 in 2019`), else to the figure after it (`the 2011 tsunami killed 15,000`); a
/// marker opening the clause (`In 2001 the attacks killed …`) binds every figure in it. A
/// `since` after a figure only compares (`the highest since 2004`). A relative clause (`…,
/// when 17,000 died`) or a clause after a short opener (`In 2001, …`) takes the markers of
/// the clause before it.
pub(crate) fn assign(
    cx: &Cx,
    s: usize,
    markers: &[Marker],
    figures: &[(usize, usize)],
) -> Vec<Option<String>> {
    let mut out = vec![None; figures.len()];
    if markers.is_empty() {
        return out;
    }
    let text = |m: &Marker| {
        let (x, y) = (cx.toks[m.first].start, cx.toks[m.end - 1].end);
        cx.text[x..y].to_owned()
    };
    // Markers of one clause bound to figures of the same clause.
    let bind = |lo: usize, hi: usize, out: &mut Vec<Option<String>>| {
        for m in markers.iter().filter(|m| m.first >= lo && m.end <= hi) {
            let in_clause: Vec<usize> = (0..figures.len())
                .filter(|&f| figures[f].0 >= lo && figures[f].1 <= hi)
                .filter(|&f| figures[f].1 <= m.first || figures[f].0 >= m.end)
                .collect();
            let opener = m.first <= lo + 1;
            for f in in_clause {
                let before = figures[f].1 <= m.first;
                let left = figures
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.0 >= lo && g.1 <= m.first)
                    .map(|(k, _)| k)
                    .next_back();
                let right = figures
                    .iter()
                    .enumerate()
                    .find(|(_, g)| g.0 >= m.end && g.1 <= hi)
                    .map(|(k, _)| k);
                let binds = if opener && !before {
                    true
                } else if before {
                    left == Some(f) && !m.since
                } else {
                    left.is_none() && right == Some(f)
                };
                if binds && out[f].is_none() {
                    out[f] = Some(text(m));
                }
            }
        }
    };
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for &(first, _) in figures {
        let (a, b) = (clause_start(cx, s, first), clause_end(cx, first));
        if seen.contains(&(a, b)) {
            continue;
        }
        seen.push((a, b));
        bind(a, b, &mut out);
        if a > s {
            let pb = a - 1;
            let pa = clause_start(cx, s, pb);
            let relative = relative_start(cx, a);
            let opener = pb - pa <= 5 && pa == s;
            if relative || opener {
                // The earlier clause's markers, applied to this clause's figures.
                for m in markers.iter().filter(|m| m.first >= pa && m.end <= pb) {
                    for (f, g) in figures.iter().enumerate() {
                        if g.0 >= a && g.1 <= b && out[f].is_none() {
                            out[f] = Some(text(m));
                        }
                    }
                }
            }
        }
    }
    out
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
    }) && (cx
        .low(k)
        .is_some_and(|w| !matches!(w.as_str(), "in" | "during" | "after"))
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
