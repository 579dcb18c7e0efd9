//! Text reuse: which articles copy or rewrite which, and how many independent sources stand
//! behind a figure (issue 23).
//!
//! Three stages, each linear in practice:
//! 1. [`index`]: every article's word 5-grams (case and diacritics folded, [`words`]) go into
//!    one sorted index; pairs of articles sharing at least two that do not overlap are
//!    candidates. No pair of articles is compared unless they share text.
//! 2. [`align`]: each candidate pair is aligned locally: shared 3-word seeds chained in reading
//!    order with gaps allowed, so rewording, inserted clauses, cuts and moved paragraphs still
//!    give passages (character offsets in both articles).
//! 3. Classification: the share of an article's words that lie in passages shared with the
//!    other makes the pair `wholly` derived (most of its words: a reprint with light edits),
//!    `partially` derived (a rewrite adding its own material) or `independent`; [`direction`]
//!    says which side is the likely source where an agency outlet, the dates or a wire credit
//!    show it. Articles tied by derivation form [`Family`]s: they descend from one text.
//!
//! [`sources`] counts, for each figure reported by several outlets, the independent sources
//! behind it (one family counts once).

mod align;
pub mod direction;
mod index;
pub mod sources;
#[cfg(test)]
mod tests;
mod words;

pub use sources::{FigureSources, figure_sources};

use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::HashMap;

/// How much of an article comes from another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Independent,
    /// A rewrite that adds its own material: a fair part of its words lie in shared passages.
    Partially,
    /// A reprint with light edits: most of its words lie in shared passages.
    Wholly,
}

impl Class {
    /// The class as the command line and the report print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Independent => "independent",
            Class::Partially => "partially",
            Class::Wholly => "wholly",
        }
    }

    /// The class of an article whose words lie in shared passages at `share` (0 to 1), its
    /// distinct passages showing `passages` copied words each (see `copied_words`).
    pub fn of_share(share: f64, passages: impl IntoIterator<Item = usize>) -> Class {
        let copied: usize = passages.into_iter().sum();
        if share >= WHOLLY {
            Class::Wholly
        } else if share >= PARTIALLY || (share >= FEW_SENTENCES && copied >= PARAGRAPH) {
            Class::Partially
        } else {
            Class::Independent
        }
    }
}

/// At least this share of an article's words in passages shared with another makes it wholly
/// derived from it: more than half of what it says, it says in the other's words, which is what
/// a reprint with light edits or cuts leaves (rewording inside a passage stays in the passage).
pub const WHOLLY: f64 = 0.5;
/// At least this share makes it partially derived: a fifth of its words is several sentences of
/// any article, more than the stock phrases and shared quotations independent reports of one
/// event have in common (which do not make passages, or are set aside as quotations).
pub const PARTIALLY: f64 = 0.2;

/// A smaller share still makes an article partially derived when its passages hold a
/// paragraph's worth of copied words ([`PARAGRAPH`]; see `copied_words`), in one passage or
/// in several: a rewrite that works two or three wire sentences into its own story leaves that
/// (Fox News on a Kansas school story: 13 and 21 words of the AP's, 15 % of its words; the
/// Daily Mail on a verdict: 12, 8 and 20 of the agency's). What independent reports of one
/// event share by chance — a headline's names, an attribution around a quoted statement, a
/// stock phrase — stays under it. The share only keeps a very long text (600 words and more)
/// from adding chance phrases up to a paragraph: in a long feature, a paragraph of another
/// text is still that text used (HuffPost quoting a New York Times editorial's sentences at
/// 9.7 % of its words; a clause of 37 words shared with the Times in a 742-word report, at 6 %).
pub const FEW_SENTENCES: f64 = 0.05;
/// Copied words that chance resemblance between independent reports does not reach: more than a
/// news sentence (20 to 25 words on average).
pub const PARAGRAPH: usize = 30;

/// A passage two articles share, in character offsets of each (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
    pub other_start: usize,
    pub other_end: usize,
    /// Words of the first article in the passage.
    pub words: usize,
    /// A quotation both took from the speaker: listed, but not counted as copied text.
    pub quotation: bool,
}

/// Two articles that share at least one passage; `a` is the one listed first in the folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    pub a: ArticleId,
    pub b: ArticleId,
    /// Share of `a`'s words in passages shared with `b`, 0 to 1 (words inside quotations left
    /// out: independent reports of one speaker share those).
    pub share_a: f64,
    pub share_b: f64,
    /// How much of `a` derives from `b`, and of `b` from `a`.
    pub class_a: Class,
    pub class_b: Class,
    /// `Some(true)` when `a` is the likely source of `b`, `Some(false)` the reverse.
    pub a_is_source: Option<bool>,
    pub evidence: Option<direction::Evidence>,
    /// Offsets `start..end` in `a`, `other_*` in `b`.
    pub passages: Vec<Passage>,
}

impl Pair {
    /// The pair seen from `id`: (other article, share of `id`'s words, share of the other's,
    /// class of `id`, whether `id` is the source (`Some(true)`), passages with `id`'s offsets
    /// first). `None` when `id` is not in the pair.
    pub fn seen_from(&self, id: ArticleId) -> Option<PairView> {
        if id == self.a {
            Some(PairView {
                other: self.b,
                share: self.share_a,
                other_share: self.share_b,
                class: self.class_a,
                is_source: self.a_is_source,
                evidence: self.evidence,
                passages: self.passages.clone(),
            })
        } else if id == self.b {
            Some(PairView {
                other: self.a,
                share: self.share_b,
                other_share: self.share_a,
                class: self.class_b,
                is_source: self.a_is_source.map(|s| !s),
                evidence: self.evidence,
                passages: self
                    .passages
                    .iter()
                    .map(|p| Passage {
                        start: p.other_start,
                        end: p.other_end,
                        other_start: p.start,
                        other_end: p.end,
                        words: p.words,
                        quotation: p.quotation,
                    })
                    .collect(),
            })
        } else {
            None
        }
    }

    /// The pair ties its articles into one family: either derives from the other. When the
    /// direction is known, the copy must be derived, or hold most of the source: a short wire
    /// story whose few stock phrases stand in a long independent report has a fair share of its
    /// words "in" that report, but it was written first, so that share says nothing.
    pub fn is_derived(&self) -> bool {
        let (source, copy) = match self.a_is_source {
            Some(true) => (self.class_a, self.class_b),
            Some(false) => (self.class_b, self.class_a),
            None => {
                return self.class_a != Class::Independent || self.class_b != Class::Independent;
            }
        };
        copy != Class::Independent || source == Class::Wholly
    }
}

/// A pair as one of its articles sees it (see [`Pair::seen_from`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PairView {
    pub other: ArticleId,
    pub share: f64,
    pub other_share: f64,
    pub class: Class,
    pub is_source: Option<bool>,
    /// Why the direction is what it is.
    pub evidence: Option<direction::Evidence>,
    pub passages: Vec<Passage>,
}

/// What one article shares with the rest of the folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleReuse {
    pub id: ArticleId,
    pub words: usize,
    /// Share of its words in passages shared with any article that is not known to derive
    /// from it (quotations left out).
    pub share: f64,
    /// How much of it derives from one other article: the strongest class of its pairs with
    /// articles not known to derive from it. Not read from `share`: chance phrases shared with
    /// many independent reports add up over a folder, and a text built from two sources is
    /// partially derived from each, not wholly from either.
    pub class: Class,
    /// The article it derives from most, when it derives from one.
    pub derived_from: Option<ArticleId>,
    /// The wire credit it carries (`AP`, `Reuters`, `press release`, …).
    pub wire: Option<&'static str>,
    /// Its family, as an index into [`Reuse::families`].
    pub family: Option<usize>,
}

/// Articles that descend from one text: tied by wholly or partially derived pairs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Family {
    /// In folder order.
    pub articles: Vec<ArticleId>,
    /// The likely original: the article no other member is the source of and that is the
    /// source of most members, when the directions show one.
    pub source: Option<ArticleId>,
    /// The wire credit members carry, the most common first.
    pub wire: Option<&'static str>,
}

/// Text reuse across a folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Reuse {
    /// One per article, in folder order.
    pub articles: Vec<ArticleReuse>,
    /// Pairs that share at least one passage, in folder order of `a`, then `b`.
    pub pairs: Vec<Pair>,
    /// Families of at least two articles, largest first.
    pub families: Vec<Family>,
    #[serde(skip)]
    family_of: HashMap<ArticleId, usize>,
    /// Each article's pairs, as indices into `pairs`.
    #[serde(skip)]
    pairs_by_article: HashMap<ArticleId, Vec<usize>>,
}

impl Reuse {
    /// The family `id` belongs to.
    pub fn family_of(&self, id: ArticleId) -> Option<usize> {
        self.family_of.get(&id).copied()
    }

    /// Whether two articles descend from one text.
    pub fn same_family(&self, a: ArticleId, b: ArticleId) -> bool {
        a == b
            || self
                .family_of(a)
                .is_some_and(|f| self.family_of(b) == Some(f))
    }

    /// The pairs `id` is in, as `id` sees them, most shared first.
    pub fn pairs_of(&self, id: ArticleId) -> Vec<PairView> {
        let mut out: Vec<PairView> = self
            .pairs_by_article
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.pairs[i].seen_from(id))
            .collect();
        out.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.other.cmp(&y.other)));
        out
    }

    /// The character ranges of `id` in passages shared with any article (quotations
    /// included), merged, in order: what the columns mark.
    pub fn shared_ranges(&self, id: ArticleId) -> Vec<(usize, usize)> {
        let mut r: Vec<(usize, usize)> = self
            .pairs_of(id)
            .into_iter()
            .flat_map(|v| v.passages.into_iter().map(|p| (p.start, p.end)))
            .collect();
        r.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (s, e) in r {
            match out.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        out
    }

    /// The member of its family that `id` takes most from (never one that derives from it).
    /// A copy's words usually stand in the source and in its other copies alike, so the
    /// family's source is named when it explains nearly as much (within five points).
    pub fn copied_from(&self, id: ArticleId) -> Option<PairView> {
        let source = self.family_of(id).and_then(|f| self.families[f].source);
        let weight = |v: &PairView| v.share + if source == Some(v.other) { 0.05 } else { 0.0 };
        self.pairs_of(id)
            .into_iter()
            .filter(|v| self.same_family(id, v.other) && v.is_source != Some(true))
            .max_by(|x, y| weight(x).total_cmp(&weight(y)))
    }

    /// The reuse record of `id`.
    pub fn article(&self, id: ArticleId) -> Option<&ArticleReuse> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// Finds the text the articles share. See the module documentation.
pub fn find_reuse(articles: &[Article]) -> Reuse {
    let words: Vec<Vec<words::W>> = articles.iter().map(|a| words::words(&a.text)).collect();
    let keys: Vec<Vec<(u64, u32)>> = words.iter().map(|w| index::keys(w)).collect();
    let candidates = index::candidates(&keys);
    drop(keys);
    // Seed n-grams only for the articles that are in some candidate pair.
    let mut seeds: Vec<Option<Vec<(u64, u32)>>> = vec![None; articles.len()];
    for &(a, b) in &candidates {
        for x in [a, b] {
            let x = x as usize;
            if seeds[x].is_none() {
                seeds[x] = Some(index::grams(&words[x], index::SEED));
            }
        }
    }
    let credits: Vec<Option<&'static str>> = articles.iter().map(direction::wire_credit).collect();
    let mut pairs = Vec::new();
    // Per article, the word ranges it shares with articles not known to derive from it (for
    // its overall share).
    let mut ranges: Vec<Vec<(u32, u32)>> = vec![Vec::new(); articles.len()];
    // The article indices of each pair.
    let mut indices: Vec<(usize, usize)> = Vec::new();
    for &(x, y) in &candidates {
        let (x, y) = (x as usize, y as usize);
        let (Some(sx), Some(sy)) = (&seeds[x], &seeds[y]) else {
            continue;
        };
        let s = align::seeds(sx, sy);
        let spans = align::passages(&s, &words[x], &words[y]);
        if spans.is_empty() {
            continue;
        }
        let (wx, wy) = (&words[x], &words[y]);
        let counted = spans.iter().filter(|s| !s.quotation);
        let share_a = share(wx, counted.clone().map(|s| s.a).collect());
        let share_b = share(wy, counted.map(|s| s.b).collect());
        let (class_a, class_b) = (
            Class::of_share(
                share_a,
                distinct(
                    spans
                        .iter()
                        .map(|s| (s.a, copied_words(wx, s.a, s)))
                        .collect(),
                ),
            ),
            Class::of_share(
                share_b,
                distinct(
                    spans
                        .iter()
                        .map(|s| (s.b, copied_words(wy, s.b, s)))
                        .collect(),
                ),
            ),
        );
        let dir = (class_a != Class::Independent || class_b != Class::Independent)
            .then(|| direction::source_of(&articles[x], &articles[y], credits[x], credits[y]))
            .flatten();
        let a_is_source = dir.map(|d| d.0);
        for s in spans.iter().filter(|s| !s.quotation) {
            if a_is_source != Some(true) {
                ranges[x].push(s.a);
            }
            if a_is_source != Some(false) {
                ranges[y].push(s.b);
            }
        }
        let chars = |w: &[words::W], (s, e): (u32, u32)| {
            (w[s as usize].start as usize, w[e as usize - 1].end as usize)
        };
        let passages = spans
            .iter()
            .map(|s| {
                let (start, end) = chars(wx, s.a);
                let (other_start, other_end) = chars(wy, s.b);
                Passage {
                    start,
                    end,
                    other_start,
                    other_end,
                    words: (s.a.1 - s.a.0) as usize,
                    quotation: s.quotation,
                }
            })
            .collect();
        indices.push((x, y));
        pairs.push(Pair {
            a: articles[x].id,
            b: articles[y].id,
            share_a,
            share_b,
            class_a,
            class_b,
            a_is_source,
            evidence: dir.map(|d| d.1),
            passages,
        });
    }
    // Each article's strongest derivation from one other article (never one known to derive
    // from it), the most shared first among pairs of one class.
    let mut strongest: Vec<Option<(Class, f64, ArticleId)>> = vec![None; articles.len()];
    for (&(x, y), p) in indices.iter().zip(&pairs) {
        for (i, other) in [(x, p.b), (y, p.a)] {
            let v = p
                .seen_from(articles[i].id)
                .expect("the pair holds its own article");
            let stronger = strongest[i].is_none_or(|(c, s, _)| (v.class, v.share) > (c, s));
            if v.is_source != Some(true) && v.class != Class::Independent && stronger {
                strongest[i] = Some((v.class, v.share, other));
            }
        }
    }
    let mut out_articles: Vec<ArticleReuse> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleReuse {
            id: a.id,
            words: words[i].len(),
            share: share(&words[i], std::mem::take(&mut ranges[i])),
            class: strongest[i].map_or(Class::Independent, |s| s.0),
            derived_from: strongest[i].map(|s| s.2),
            wire: credits[i],
            family: None,
        })
        .collect();
    let families = families(articles, &pairs, &credits);
    let mut family_of = HashMap::new();
    for (f, fam) in families.iter().enumerate() {
        for &id in &fam.articles {
            family_of.insert(id, f);
        }
    }
    for a in &mut out_articles {
        a.family = family_of.get(&a.id).copied();
    }
    let mut pairs_by_article: HashMap<ArticleId, Vec<usize>> = HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        pairs_by_article.entry(p.a).or_default().push(i);
        pairs_by_article.entry(p.b).or_default().push(i);
    }
    Reuse {
        articles: out_articles,
        pairs,
        families,
        family_of,
        pairs_by_article,
    }
}

/// The share of `w` (an article's words) that `ranges` cover, quotations left out (see
/// [`align::counted_words`]).
fn share(w: &[words::W], ranges: Vec<(u32, u32)>) -> f64 {
    let (n, own_only) = align::counted_words(w);
    let cover = align::covered(ranges, |i| !own_only || !w[i].quoted);
    cover as f64 / n.max(1) as f64
}

/// The words of a passage that show copying, on the side whose words are `w` and range
/// `range`: its words outside quotation marks, and no more than the words seeds matched (the
/// gaps between seeds are rewording, not evidence). None for a shared quotation.
fn copied_words(w: &[words::W], (s, e): (u32, u32), span: &align::Span) -> usize {
    if span.quotation {
        return 0;
    }
    let own = w[s as usize..e as usize]
        .iter()
        .filter(|w| !w.quoted)
        .count();
    own.min(span.matched as usize)
}

/// Passages that overlap in one article are one piece of evidence, however many places of
/// the other article they align with (a sentence the other repeats aligns twice): merges
/// overlapping word ranges, keeping the strongest evidence of each.
fn distinct(mut items: Vec<((u32, u32), usize)>) -> Vec<usize> {
    items.sort_unstable();
    let mut out: Vec<((u32, u32), usize)> = Vec::new();
    for (r, n) in items {
        match out.last_mut() {
            Some((last, m)) if r.0 < last.1 => {
                last.1 = last.1.max(r.1);
                *m = (*m).max(n);
            }
            _ => out.push((r, n)),
        }
    }
    out.into_iter().map(|(_, n)| n).collect()
}

/// Families: connected groups of articles tied by derived pairs, largest first.
fn families(articles: &[Article], pairs: &[Pair], credits: &[Option<&'static str>]) -> Vec<Family> {
    let index: HashMap<ArticleId, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for p in pairs.iter().filter(|p| p.is_derived()) {
        let (ra, rb) = (
            root(&mut parent, index[&p.a]),
            root(&mut parent, index[&p.b]),
        );
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..articles.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut fams: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    fams.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    // Per article, (pairs it is the source in, pairs it derives in), within its family.
    let mut sourced: HashMap<ArticleId, (usize, usize)> = HashMap::new();
    for p in pairs.iter().filter(|p| p.is_derived()) {
        if let Some(s) = p.a_is_source {
            let (src, dst) = if s { (p.a, p.b) } else { (p.b, p.a) };
            sourced.entry(src).or_default().0 += 1;
            sourced.entry(dst).or_default().1 += 1;
        }
    }
    fams.into_iter()
        .map(|members| {
            let ids: Vec<ArticleId> = members.iter().map(|&i| articles[i].id).collect();
            // The source: the member that is the source in most of its pairs and derives
            // from no other member.
            let source = ids
                .iter()
                .filter_map(|id| sourced.get_key_value(id))
                .filter(|(_, (_, derived))| *derived == 0)
                .max_by_key(|(id, (n, _))| (*n, std::cmp::Reverse(**id)))
                .map(|(id, _)| *id);
            let mut wires: Vec<(&'static str, usize)> = Vec::new();
            for &i in &members {
                if let Some(w) = credits[i] {
                    match wires.iter_mut().find(|(x, _)| *x == w) {
                        Some((_, n)) => *n += 1,
                        None => wires.push((w, 1)),
                    }
                }
            }
            wires.sort_by_key(|w| std::cmp::Reverse(w.1));
            Family {
                articles: ids,
                source,
                wire: wires.first().map(|w| w.0),
            }
        })
        .collect()
}
