//! Grouping articles by similarity without chaining.
//!
//! [`edges`] finds the pairs of articles worth comparing through an index of each article's
//! strongest terms (terms held by a large share of the folder index nothing), then scores
//! each pair: the cosine of their TF-IDF vectors, lowered the further apart their events'
//! days are (two earthquakes ten days apart are two stories), halved when each has a key
//! name the other never mentions (two earthquakes: one article's town is not in the other at
//! all), and quartered when each is about a name the other never writes (two defendants
//! of one court).
//!
//! [`average_linkage`] then merges the closest groups first, and two groups merge only while
//! the *average* similarity over all their pairs of articles (a missing pair counts as 0)
//! stays above the threshold. One shared word between two articles therefore never joins two
//! stories, as it would with single-link (union–find) grouping. An article left alone at the
//! end joins the group it is most similar to on average, if that is at least half the
//! threshold (short briefs share too few words to join on their own).

use super::dates::Days;
use super::features::{ArticleTerms, Term, TermMap, Vectors, cosine};
use std::collections::{BinaryHeap, HashMap};

/// Settings of the similarity and the merging.
#[derive(Clone, Debug, PartialEq)]
pub struct Linkage {
    /// Two groups merge while their average similarity is at least this.
    pub threshold: f64,
    /// Articles published, or whose events lie (see `dates`: the day the lead names), at
    /// most this many days apart are compared as they are ...
    pub full_days: i64,
    /// ... further apart, their similarity falls linearly to 0 at this many days.
    pub window_days: i64,
    /// The factor for two articles that each have a key name the other never mentions.
    pub contrast: f64,
    /// A lone article joins a group whose average similarity to it is at least
    /// `threshold × attach`.
    pub attach: f64,
}

impl Default for Linkage {
    fn default() -> Self {
        Linkage {
            threshold: 0.08,
            full_days: 2,
            window_days: 10,
            contrast: 0.5,
            attach: 0.5,
        }
    }
}

/// How many of an article's strongest terms index it for finding candidate pairs.
const INDEX_TERMS: usize = 20;

/// Similar pairs `(i, j, similarity)` among the articles `free` (numbered by their position
/// there), with `i < j` and similarity at least `min`.
pub(super) fn edges(
    v: &Vectors,
    terms: &[ArticleTerms],
    days: &[Days],
    free: &[usize],
    l: &Linkage,
    min: f64,
) -> Vec<(usize, usize, f64)> {
    let n = free.len();
    // A term in more than a tenth of a large folder (a country, "police") indexes nothing;
    // in a small folder every term may.
    let cap = (n / 10).clamp(30, 2000) as u32;
    let mut postings: TermMap<Vec<u32>> = TermMap::default();
    for (i, &a) in free.iter().enumerate() {
        let mut strongest: Vec<&(Term, f32)> = v.vecs[a].iter().collect();
        strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (t, _) in strongest.into_iter().take(INDEX_TERMS) {
            if v.df[t] <= cap {
                postings.entry(*t).or_default().push(i as u32);
            }
        }
    }
    // The pairs of article i, each article's partners after it, in order.
    let pairs_of = |range: std::ops::Range<usize>| {
        let mut seen = vec![u32::MAX; n];
        let mut out = Vec::new();
        for i in range {
            let a = free[i];
            for (t, _) in &v.vecs[a] {
                let Some(list) = postings.get(t) else {
                    continue;
                };
                for &j in list {
                    let j = j as usize;
                    if j <= i || seen[j] == i as u32 {
                        continue;
                    }
                    seen[j] = i as u32;
                    let b = free[j];
                    let time = time_factor(days[a], days[b], l);
                    if time == 0.0 {
                        continue;
                    }
                    let mut s = cosine(&v.vecs[a], &v.vecs[b]) * time;
                    if foreign(v, terms, a, b) && foreign(v, terms, b, a) {
                        s *= l.contrast;
                    }
                    // Each is about a name the other never writes: two reports of one
                    // court, two defendants. Quartered, as this says more than the key
                    // names, which other articles must share: two reports of one case name
                    // its defendant, whatever else they differ in.
                    if strange(v, terms, a, b) && strange(v, terms, b, a) {
                        s *= l.contrast * l.contrast;
                    }
                    if s >= min {
                        out.push((i, j, s));
                    }
                }
            }
        }
        out
    };
    // A year of news is shared out over the cores in slices of articles, joined in order,
    // so the pairs come out exactly as from one loop.
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    if threads < 2 || n < 2000 {
        return pairs_of(0..n);
    }
    let slices = threads * 4;
    let step = n.div_ceil(slices);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..slices)
            .map(|k| {
                let pairs_of = &pairs_of;
                scope.spawn(move || pairs_of(k * step..((k + 1) * step).min(n)))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Article `i` has a key name that article `j` never mentions.
fn foreign(v: &Vectors, terms: &[ArticleTerms], i: usize, j: usize) -> bool {
    v.keys[i].iter().any(|&k| !terms[j].holds(k))
}

/// Article `i`'s own name is one article `j` never mentions.
fn strange(v: &Vectors, terms: &[ArticleTerms], i: usize, j: usize) -> bool {
    v.owns[i].is_some_and(|k| !terms[j].holds(k))
}

/// 1 for articles (each its day and its event's day) published within `full_days` of each
/// other, or whose events are (a follow-up a week later names its event's day), or undated;
/// falling to 0 at `window_days`.
pub(super) fn time_factor(a: Days, b: Days, l: &Linkage) -> f64 {
    let gap = |x: Option<i64>, y: Option<i64>| x.zip(y).map(|(x, y)| (x - y).abs());
    let Some(d) = [gap(a.0, b.0), gap(a.1, b.1)].into_iter().flatten().min() else {
        return 1.0;
    };
    if d <= l.full_days {
        1.0
    } else if d >= l.window_days {
        0.0
    } else {
        1.0 - (d - l.full_days) as f64 / (l.window_days - l.full_days) as f64
    }
}

/// A possible merge: average similarity, then the two groups (lower first).
#[derive(PartialEq)]
struct Candidate(f64, usize, usize);

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    // Highest similarity first; ties go to the lowest article numbers, so runs agree.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .total_cmp(&other.0)
            .then(other.1.cmp(&self.1))
            .then(other.2.cmp(&self.2))
    }
}

/// Average-linkage grouping of `n` articles over `edges`; returns each article's group (the
/// lowest article index in it).
///
/// `apart` may veto merging two groups of two or more articles each (two established
/// stories, each with names the other lacks), and `stranger` a lone article's joining a
/// group at the end (an article about a name the group never writes).
pub(super) fn average_linkage(
    n: usize,
    edges: &[(usize, usize, f64)],
    l: &Linkage,
    apart: impl Fn(&[usize], &[usize]) -> bool,
    stranger: impl Fn(usize, &[usize]) -> bool,
) -> Vec<usize> {
    // For each live group, the summed similarity to each neighbouring group.
    let mut adj: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for &(a, b, s) in edges {
        adj[a].insert(b, s);
        adj[b].insert(a, s);
    }
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut heap: BinaryHeap<Candidate> = edges
        .iter()
        .filter(|e| e.2 >= l.threshold)
        .map(|&(a, b, s)| Candidate(s, a, b))
        .collect();
    while let Some(Candidate(score, a, b)) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        let Some(&sum) = adj[a].get(&b) else { continue };
        // Stale: the groups changed since this was pushed (a fresher entry exists).
        if (sum / (size[a] * size[b]) as f64 - score).abs() > 1e-12 {
            continue;
        }
        if size[a] > 1 && size[b] > 1 && apart(&members[a], &members[b]) {
            continue;
        }
        let gone_adj = std::mem::take(&mut adj[b]);
        alive[b] = false;
        adj[a].remove(&b);
        for (c, s) in gone_adj {
            if c == a {
                continue;
            }
            adj[c].remove(&b);
            let e = adj[a].entry(c).or_insert(0.0);
            *e += s;
            let total = *e;
            adj[c].insert(a, total);
        }
        size[a] += size[b];
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        for (&c, &s) in &adj[a] {
            let avg = s / (size[a] * size[c]) as f64;
            if avg >= l.threshold {
                heap.push(Candidate(avg, a.min(c), a.max(c)));
            }
        }
    }
    // A lone article joins the group it is closest to on average, if close enough.
    let lone: Vec<usize> = (0..n).filter(|&i| alive[i] && size[i] == 1).collect();
    let mut moves = Vec::new();
    for i in lone {
        let best = adj[i]
            .iter()
            .filter(|(c, _)| size[**c] > 1 && !stranger(i, &members[**c]))
            .map(|(&c, &s)| (s / size[c] as f64, c))
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((avg, c)) = best
            && avg >= l.threshold * l.attach
        {
            moves.push((i, c));
        }
    }
    for (i, c) in moves {
        alive[i] = false;
        members[c].push(i);
    }
    let mut group = vec![0; n];
    for (k, m) in members.iter().enumerate() {
        if alive[k] {
            let low = m.iter().copied().min().unwrap_or(k);
            for &i in m {
                group[i] = low;
            }
        }
    }
    group
}
