//! Local alignment of two articles the index paired: the passages they share, tolerant of
//! rewording, reordering and cuts.
//!
//! Seeds are the word [`SEED`]-grams both texts hold (a seed repeated many times in either text
//! says nothing about where it came from and is skipped). Seeds are chained in reading order:
//! a seed continues a chain when it follows the chain's last seed within [`MAX_GAP`] words in
//! *both* texts, so a changed word, an inserted clause or a dropped phrase bridges, while a
//! moved paragraph starts a chain of its own (reordering) and a cut sentence splits one in two.
//! A chain that matches at least [`MIN_MATCHED`] words is a passage; the words between its seeds
//! count as shared (they are the reworded part of a copied passage).

use super::index::SEED;
use super::words::W;

/// Most words from one seed's start to the next one's in either text: up to about eight
/// words rewritten, inserted or dropped between two runs of three shared words.
pub(crate) const MAX_GAP: u32 = 11;
/// Fewest words a passage must match: a sentence's worth. Shorter runs ("the Crocus City Hall
/// concert venue", "at least 139 people were killed") are the stock phrases independent reports
/// of one event share.
pub(crate) const MIN_MATCHED: u32 = 8;
/// A seed occurring more often than this in either text is a refrain of the text, not a trace
/// of copying.
const MAX_REPEAT: usize = 4;
/// A passage mostly (two thirds or more) inside quotation marks in both texts is a quotation
/// both reports took from the speaker, with the speaker's name beside it; independent reports
/// share those. It is listed, and its quoted words do not count as copied text.
const QUOTED: f64 = 2.0 / 3.0;

/// A passage in word indices (end exclusive) of both texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub a: (u32, u32),
    pub b: (u32, u32),
    /// Words of the first text matched by seeds.
    pub matched: u32,
    /// A quotation both texts carry, not counted as copying.
    pub quotation: bool,
}

#[derive(Clone, Copy)]
struct Chain {
    first: (u32, u32),
    last: (u32, u32),
    matched: u32,
    /// End (exclusive) of the matched words in the first text so far.
    covered: u32,
}

/// The seeds of two texts: positions (first text, second text) of each shared seed n-gram,
/// sorted. `a` and `b` are the sorted (hash, position) lists of [`super::index::grams`].
pub(crate) fn seeds(a: &[(u64, u32)], b: &[(u64, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ha, hb) = (a[i].0, b[j].0);
        if ha < hb {
            i += 1;
        } else if hb < ha {
            j += 1;
        } else {
            let ie = i + a[i..].iter().take_while(|x| x.0 == ha).count();
            let je = j + b[j..].iter().take_while(|x| x.0 == ha).count();
            if ie - i <= MAX_REPEAT && je - j <= MAX_REPEAT {
                for x in &a[i..ie] {
                    for y in &b[j..je] {
                        out.push((x.1, y.1));
                    }
                }
            }
            i = ie;
            j = je;
        }
    }
    out.sort_unstable();
    out
}

/// The passages two texts share, from their seeds, in order of the first text.
pub(crate) fn passages(seeds: &[(u32, u32)], wa: &[W], wb: &[W]) -> Vec<Span> {
    let seed = SEED as u32;
    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Chain> = Vec::new();
    for &(i, j) in seeds {
        // Chains that can no longer grow are finished.
        let mut k = 0;
        while k < open.len() {
            if open[k].last.0 + MAX_GAP < i {
                done.push(open.swap_remove(k));
            } else {
                k += 1;
            }
        }
        let best = open
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                i > c.last.0
                    && j > c.last.1
                    && i - c.last.0 <= MAX_GAP
                    && j - c.last.1 <= MAX_GAP
                    && same_part(wa, c.last.0, i)
                    && same_part(wb, c.last.1, j)
            })
            .min_by_key(|(_, c)| {
                let (di, dj) = (i - c.last.0, j - c.last.1);
                di + dj + di.abs_diff(dj)
            })
            .map(|(k, _)| k);
        match best {
            Some(k) => {
                let c = &mut open[k];
                c.matched += (i + seed).saturating_sub(c.covered.max(i));
                c.covered = i + seed;
                c.last = (i, j);
            }
            None => open.push(Chain {
                first: (i, j),
                last: (i, j),
                matched: seed,
                covered: i + seed,
            }),
        }
    }
    done.extend(open);
    let mut out: Vec<Span> = done
        .into_iter()
        .filter(|c| c.matched >= MIN_MATCHED)
        .map(|c| {
            let a = (c.first.0, c.last.0 + seed);
            let b = (c.first.1, c.last.1 + seed);
            Span {
                a,
                b,
                matched: c.matched,
                quotation: quoted_share(wa, a) >= QUOTED && quoted_share(wb, b) >= QUOTED,
            }
        })
        .collect();
    out.sort_by_key(|s| (s.a, s.b));
    out
}

/// Whether two words of a text stand on the same side of its headline. A headline repeats its
/// story's key phrase, so two reports of one event that both do so ("… dies in hospital after
/// collapsing in prison", then "… has died in hospital after collapsing in prison") would chain
/// one stock phrase, met twice, into a passage as long as a sentence. A copy's headline is
/// rewritten anyway, so a passage never runs from the headline into the text.
fn same_part(w: &[W], a: u32, b: u32) -> bool {
    w[a as usize].headline == w[b as usize].headline
}

fn quoted_share(w: &[W], (s, e): (u32, u32)) -> f64 {
    let range = &w[s as usize..(e as usize).min(w.len())];
    if range.is_empty() {
        return 0.0;
    }
    range.iter().filter(|w| w.quoted).count() as f64 / range.len() as f64
}

/// Words covered by the union of `ranges` (word indices, end exclusive) that `count` accepts.
pub(crate) fn covered(mut ranges: Vec<(u32, u32)>, count: impl Fn(usize) -> bool) -> u32 {
    ranges.sort_unstable();
    let mut total = 0;
    let mut end = 0;
    for (s, e) in ranges {
        let s = s.max(end);
        if e > s {
            total += (s..e).filter(|&i| count(i as usize)).count() as u32;
            end = e;
        }
    }
    total
}

/// The words whose share of an article counts: those outside quotations, since a quotation
/// two reports share shows a common speaker, not copying. An article that is mostly quotation
/// (fewer than a quarter of its words outside) counts all its words.
pub(crate) fn counted_words(w: &[W]) -> (usize, bool) {
    let own = w.iter().filter(|w| !w.quoted).count();
    if own * 4 >= w.len() {
        (own, true)
    } else {
        (w.len(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::super::index::grams;
    use super::super::words::words;
    use super::*;

    fn align(a: &str, b: &str) -> Vec<Span> {
        let (wa, wb) = (words(a), words(b));
        let s = seeds(&grams(&wa, SEED), &grams(&wb, SEED));
        passages(&s, &wa, &wb)
    }

    #[test]
    fn a_reworded_passage_is_one_passage_across_the_changed_words() {
        let a = "The council voted on Monday to close the old harbour bridge to lorries after \
                 engineers found cracks in two of its steel supports last month.";
        let b = "The council decided on Monday to close the old harbour bridge to heavy lorries \
                 after engineers discovered cracks in two of its steel supports in May.";
        let p = align(a, b);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].a.1 - p[0].a.0 >= 20);
    }

    #[test]
    fn moved_paragraphs_give_separate_passages_and_stock_phrases_none() {
        let first = "Rescue teams worked through the night to reach families trapped under the \
                     collapsed apartment block in the east of the city.";
        let second = "The mayor said temporary shelters would open in three schools and that \
                      the city would pay for hotel rooms for those who lost their homes.";
        let a = format!("{first}\n{second}");
        let b = format!("{second}\nIn other news, the market was calm.\n{first}");
        assert_eq!(align(&a, &b).len(), 2);
        let c = "Officials said at least 139 people were killed in the attack on the hall.";
        let d = "At least 139 people were killed, and the hall burned for hours, witnesses said.";
        assert!(align(c, d).is_empty(), "a stock phrase is not a passage");
    }

    #[test]
    fn a_shared_quotation_is_marked_as_one() {
        let a = "The minister told reporters: \"We will not rest until every family has a roof \
                 over its head again.\" Aid arrived on Tuesday.";
        let b = "Speaking in the capital, she said: \"We will not rest until every family has a \
                 roof over its head again.\" Critics were unconvinced.";
        let p = align(a, b);
        assert_eq!(p.len(), 1);
        assert!(p[0].quotation);
    }

    #[test]
    fn coverage_counts_overlapping_ranges_once() {
        assert_eq!(covered(vec![(0, 10), (5, 12), (20, 22)], |_| true), 14);
        assert_eq!(covered(vec![(0, 10)], |i| i % 2 == 0), 5);
    }
}
