//! Conflict suggestions: figures of the same measure in different articles whose intervals
//! cannot both be true.
//!
//! Two articles agree on a measure when every figure of one overlaps some figure of the other;
//! otherwise the figures left without a partner on both sides conflict. Articles that give the
//! same figures are handled once (grouped by their set of intervals), and all articles giving
//! the same pair of conflicting intervals make one suggestion, so a corpus of many copies of
//! the same two numbers gives one line, not thousands.

use super::ages::ages_agree;
use super::people::{clause_words, same_people};
use super::rank::Ranker;
use super::reason::{Relation, part_of, same_time};
use super::terms::{may_be_one_defendant, same_defendant};
use super::write::{ConflictSuggestion, RankedConflict, write_conflict};
use crate::analysis::figures::lexicon::{class_of, money_kind, stem};
use crate::analysis::figures::{Figure, Measure, ScopeKind};
use crate::analysis::stories::Story;
use crate::analysis::time::{Precision, When};
use crate::model::{Article, ArticleId, LinkKind};
use std::collections::{BTreeMap, HashMap};

/// Settings for [`suggest_conflicts_with`].
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictOptions {
    /// Figures further apart than this factor are taken to count different events (a world
    /// war's toll against one attack's), not to disagree. `f64::INFINITY` turns this off.
    pub max_ratio: f64,
    /// Also compare plain quantities that share unit and counted noun (off by default: two
    /// articles naming `four airliners` and `two planes` rarely disagree).
    pub include_quantities: bool,
}

impl Default for ConflictOptions {
    fn default() -> Self {
        ConflictOptions {
            max_ratio: 10.0,
            include_quantities: false,
        }
    }
}

/// The most figures one suggestion names; the rest are counted in `more_figures`.
pub const MAX_FIGURES: usize = 8;

/// Suggests conflicts with default options. See [`suggest_conflicts_with`].
pub fn suggest_conflicts(articles: &[(&Article, &[Figure])]) -> Vec<ConflictSuggestion> {
    suggest_conflicts_with(articles, &ConflictOptions::default())
}

/// Suggests conflicts only between articles of the same story (see [`super::stories`]), best
/// first. Keys are the same as [`suggest_conflicts`] gives, so dismissals carry over.
pub fn suggest_conflicts_by_story(
    articles: &[(&Article, &[Figure])],
    stories: &[Story],
    opts: &ConflictOptions,
) -> Vec<ConflictSuggestion> {
    rank_conflicts_by_story(articles, stories, opts)
        .iter()
        .map(|r| {
            let story = r.story.map(|s| stories[s as usize].key.as_str());
            write_conflict(|i| articles[i], story, r)
        })
        .collect()
}

/// The folder index of each article, by id, for [`rank_story_conflicts`].
pub fn article_index(articles: &[(&Article, &[Figure])]) -> HashMap<ArticleId, usize> {
    articles
        .iter()
        .enumerate()
        .map(|(i, (a, _))| (a.id, i))
        .collect()
}

/// Ranks the conflicts within one story (`stories[story]`), best first, with figures as
/// indices into `articles` (`index` from [`article_index`]). Nothing is written out: see
/// [`write_conflict`].
pub fn rank_story_conflicts(
    articles: &[(&Article, &[Figure])],
    index: &HashMap<ArticleId, usize>,
    stories: &[Story],
    story: usize,
    opts: &ConflictOptions,
) -> Vec<RankedConflict> {
    let s = &stories[story];
    if s.articles.len() < 2 {
        return Vec::new();
    }
    let at: Vec<usize> = s
        .articles
        .iter()
        .filter_map(|id| index.get(id).copied())
        .collect();
    let members: Vec<(&Article, &[Figure])> = at.iter().map(|&i| articles[i]).collect();
    rank_members(&members, &at, story, opts)
}

/// Ranks the conflicts among the articles of one story, given as `members` (their folder
/// indices in `at`), best first, with figures as indices into the folder: for callers that
/// find a story's figures just before comparing them.
pub fn rank_members(
    members: &[(&Article, &[Figure])],
    at: &[usize],
    story: usize,
    opts: &ConflictOptions,
) -> Vec<RankedConflict> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut list = rank_conflicts(members, opts);
    for r in &mut list {
        r.remap(at);
        r.story = Some(story as u32);
    }
    list
}

/// [`rank_story_conflicts`] for every story, best first over all of them.
pub fn rank_conflicts_by_story(
    articles: &[(&Article, &[Figure])],
    stories: &[Story],
    opts: &ConflictOptions,
) -> Vec<RankedConflict> {
    let index = article_index(articles);
    let several: Vec<usize> = (0..stories.len())
        .filter(|&s| stories[s].articles.len() > 1)
        .collect();
    let one = |s: usize| rank_story_conflicts(articles, &index, stories, s, opts);
    // Stories are independent: a year of news shares them out over the cores (every n-th
    // story to each, so large and small ones mix); the order is restored by the sort.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out: Vec<RankedConflict> = if threads < 2 || several.len() < 64 {
        several.iter().flat_map(|&s| one(s)).collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let several = &several;
                    let one = &one;
                    scope.spawn(move || {
                        several
                            .iter()
                            .skip(t)
                            .step_by(threads)
                            .flat_map(|&s| one(s))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    sort_best_first(&mut out);
    out
}

/// Best first: by score, ties by key.
pub fn sort_best_first(list: &mut [RankedConflict]) {
    list.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
}

/// What figures are compared with: same measure, and for money the currency, for
/// percentages and quantities the unit and counted noun.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
struct GroupKey {
    measure: Measure,
    unit: Option<String>,
    counted: Option<String>,
}

fn group_key(f: &Figure, opts: &ConflictOptions) -> Option<GroupKey> {
    // A figure of another event or time (`2,997 died on 9/11`) is background, not a claim
    // about the story.
    // A conversion into another currency (`£80m ($131.6m)`) shows the outlet's exchange rate.
    // An item of a list (`two civilians` of `three soldiers and two civilians were killed`)
    // counts a part of what the list reports, never the whole another outlet gives; a gap
    // between two values (`$5 million short of the record`) is no value at all, and a limit
    // (`capacity for 120`) is no count.
    if !f.is_story_report()
        || f.scope.iter().any(|s| {
            matches!(
                s.kind,
                ScopeKind::Listed | ScopeKind::Difference | ScopeKind::Limit
            )
        })
    {
        return None;
    }
    let (unit, counted) = match f.measure {
        m if m.is_event() => (None, None),
        // A term's defendant and an age's person are paired one to one below, like a sum's
        // role.
        Measure::Money | Measure::Jailed | Measure::Age => (f.unit.clone(), None),
        Measure::Percent => (f.unit.clone(), f.counted.clone()),
        // Quantities whose heads the lexicon puts in one class (`bombs`, `devices`,
        // `packages`) are compared by default; other heads only when asked, by their word.
        _ => match f.counted.as_deref() {
            Some(c) if class_of(c).is_some() => (f.unit.clone(), class_of(c).map(str::to_owned)),
            Some(c) if opts.include_quantities => (f.unit.clone(), Some(stem(c).to_owned())),
            _ => return None,
        },
    };
    Some(GroupKey {
        measure: f.measure,
        unit,
        counted,
    })
}

/// For each article (index) of a group, its distinct intervals and their first figure.
type GroupArticles = Vec<(usize, BTreeMap<IntervalKey, usize>)>;

/// An interval as hashable bits: low, low inclusive, high (None = ∞), high inclusive.
type IntervalKey = (u64, bool, Option<u64>, bool);

fn interval_key(f: &Figure) -> IntervalKey {
    (
        f.low.unwrap_or(0.0).to_bits(),
        f.low_inclusive.unwrap_or(true),
        f.high.map(f64::to_bits),
        f.high_inclusive.unwrap_or(false),
    )
}

/// Articles that give the same set of intervals for one group.
struct Signature {
    /// Distinct intervals, sorted, each with a representative figure `(article idx, figure idx)`.
    intervals: Vec<(IntervalKey, (usize, usize))>,
    /// Every article with this signature, and for each interval its first figure there.
    members: Vec<(usize, Vec<usize>)>,
}

/// Suggests `contradicts`/`updates` links across different articles.
///
/// The list comes best first: by [`ConflictSuggestion::score`], ties by key.
pub fn suggest_conflicts_with(
    articles: &[(&Article, &[Figure])],
    opts: &ConflictOptions,
) -> Vec<ConflictSuggestion> {
    rank_conflicts(articles, opts)
        .iter()
        .map(|r| write_conflict(|i| articles[i], None, r))
        .collect()
}

/// [`suggest_conflicts_with`] without writing the suggestions out: figures as indices into
/// `articles`, best first.
pub fn rank_conflicts(
    articles: &[(&Article, &[Figure])],
    opts: &ConflictOptions,
) -> Vec<RankedConflict> {
    let mut ranker = Ranker::new(articles);
    // group → article → interval → first figure index
    let mut groups: BTreeMap<GroupKey, GroupArticles> = BTreeMap::new();
    for (ai, (_, figures)) in articles.iter().enumerate() {
        let mut per_group: BTreeMap<GroupKey, BTreeMap<IntervalKey, usize>> = BTreeMap::new();
        for (fi, f) in figures.iter().enumerate() {
            if let Some(g) = group_key(f, opts) {
                per_group
                    .entry(g)
                    .or_default()
                    .entry(interval_key(f))
                    .or_insert(fi);
            }
        }
        for (g, m) in per_group {
            groups.entry(g).or_default().push((ai, m));
        }
    }
    let mut out = Vec::new();
    for (group, arts) in groups {
        if arts.len() < 2 {
            continue;
        }
        let sigs = signatures(arts);
        let fig = |(a, f): (usize, usize)| &articles[a].1[f];
        // Distinct intervals of the group, numbered, with which of them overlap (bitsets), so
        // comparing two signatures is a few word operations.
        let mut ids: HashMap<IntervalKey, usize> = HashMap::new();
        let mut reps: Vec<(usize, usize)> = Vec::new();
        let sig_ids: Vec<Vec<usize>> = sigs
            .iter()
            .map(|sg| {
                sg.intervals
                    .iter()
                    .enumerate()
                    .map(|(pos, (k, rep))| {
                        let id = *ids.entry(*k).or_insert_with(|| {
                            reps.push(*rep);
                            reps.len() - 1
                        });
                        // One value printed by several outlets is one sum: where one names
                        // what it is for (`£385,000 costs`), that names it for all.
                        if fig(reps[id]).counted.is_none()
                            && let Some(named) = sg
                                .members
                                .iter()
                                .map(|(a, figs)| (*a, figs[pos]))
                                .find(|&m| fig(m).counted.is_some())
                        {
                            reps[id] = named;
                        }
                        id
                    })
                    .collect()
            })
            .collect();
        let words = reps.len().div_ceil(64);
        let mut overlap = vec![0u64; reps.len() * words];
        for x in 0..reps.len() {
            for y in 0..reps.len() {
                if fig(reps[x]).agrees_with(fig(reps[y])) {
                    overlap[x * words + y / 64] |= 1 << (y % 64);
                }
            }
        }
        let bits: Vec<Vec<u64>> = sig_ids
            .iter()
            .map(|v| {
                let mut b = vec![0u64; words];
                for &x in v {
                    b[x / 64] |= 1 << (x % 64);
                }
                b
            })
            .collect();
        let lonely = |x: usize, other: &[u64]| {
            overlap[x * words..(x + 1) * words]
                .iter()
                .zip(other)
                .all(|(o, b)| o & b == 0)
        };
        // Plain counts of people are one group only when their clauses say alike of them
        // (`people::same_people`); each representative's clause words, read once.
        let plain_people =
            group.measure == Measure::Quantity && group.counted.as_deref() == Some("people");
        let mut clauses: HashMap<usize, Vec<String>> = HashMap::new();
        // (interval p, interval q) → (signatures on p's side, on q's side), p < q.
        let mut pairs: BTreeMap<(IntervalKey, IntervalKey), (Vec<usize>, Vec<usize>)> =
            BTreeMap::new();
        let mut lonely_a = Vec::new();
        for s in 0..sigs.len() {
            for t in s + 1..sigs.len() {
                lonely_a.clear();
                lonely_a.extend(sig_ids[s].iter().copied().filter(|&x| lonely(x, &bits[t])));
                if lonely_a.is_empty() {
                    continue;
                }
                let mut found: Vec<(usize, usize)> = Vec::new();
                for &y in sig_ids[t].iter().filter(|&&y| lonely(y, &bits[s])) {
                    for &x in &lonely_a {
                        let (va, vb) = (fig(reps[x]).value.abs(), fig(reps[y]).value.abs());
                        if va > 0.0 && vb > 0.0 && va.max(vb) / va.min(vb) > opts.max_ratio {
                            continue;
                        }
                        found.push((x, y));
                    }
                }
                if matches!(group.measure, Measure::Jailed | Measure::Age) {
                    found.retain(|&(x, y)| {
                        let ((a, f), (b, g)) = (reps[x], reps[y]);
                        may_be_one_defendant(
                            &articles[a].0.text,
                            &articles[a].1[f],
                            &articles[b].0.text,
                            &articles[b].1[g],
                        )
                    });
                }
                if group.measure == Measure::Age {
                    found.retain(|&(x, y)| !ages_agree(fig(reps[x]), fig(reps[y])));
                }
                if matches!(
                    group.measure,
                    Measure::Money | Measure::Jailed | Measure::Age
                ) {
                    found = one_to_one(found, |x| fig(reps[x]), group.measure);
                }
                if plain_people {
                    found.retain(|&(x, y)| {
                        let mut words = |r: usize| {
                            clauses
                                .entry(r)
                                .or_insert_with(|| {
                                    let (a, f) = reps[r];
                                    clause_words(&articles[a].0.text, &articles[a].1[f])
                                })
                                .clone()
                        };
                        same_people(&words(x), &words(y))
                    });
                }
                for (x, y) in found {
                    let (ka, kb) = (interval_key(fig(reps[x])), interval_key(fig(reps[y])));
                    let (key, sa, sb) = if ka <= kb {
                        ((ka, kb), s, t)
                    } else {
                        ((kb, ka), t, s)
                    };
                    let e = pairs.entry(key).or_default();
                    e.0.push(sa);
                    e.1.push(sb);
                }
            }
        }
        for ((p, q), (mut side_p, mut side_q)) in pairs {
            side_p.sort_unstable();
            side_p.dedup();
            side_q.sort_unstable();
            side_q.dedup();
            let collect = |sides: &[usize], key: IntervalKey| -> Vec<(usize, usize)> {
                let mut v: Vec<(usize, usize)> = sides
                    .iter()
                    .flat_map(|&s| {
                        let pos = sigs[s].intervals.iter().position(|(k, _)| *k == key);
                        sigs[s]
                            .members
                            .iter()
                            .filter_map(move |(a, figs)| pos.map(|p| (*a, figs[p])))
                    })
                    .collect();
                v.sort_unstable_by_key(|&(a, f)| (articles[a].0.id, a, f));
                v
            };
            let first = collect(&side_p, p);
            let second = collect(&side_q, q);
            out.extend(rank_conflict(articles, &mut ranker, &group, first, second));
        }
    }
    drop_implied_updates(articles, &mut out);
    sort_best_first(&mut out);
    out
}

/// How far apart two amounts may lie when nothing names them alike (one or both name nothing
/// they are for). Only their values then say they are one sum, and two reports of one sum
/// differ by a misprint, a rounding or a revision — not by a factor of two or more, by which
/// a story's different sums (a payout and the scheme's rate, the sum paid and the shortfall)
/// differ all the time.
const UNNAMED_MAX_RATIO: f64 = 2.0;

/// Pairs each amount of one side with at most one of the other: the one of the same role (the
/// noun it is an amount of: `a $200,000 fine`, `a penalty of`; the lexicon's classes make
/// `fine` and `penalty` one role) whose value is nearest, then the nearest of any
/// role left. An article's amounts name different things (a fine, bail, the sum stolen, the
/// sum repaid), so comparing each with every amount of another article made most suggestions
/// about different things; a death toll's figures, by contrast, all count one thing and keep
/// every pair. Amounts whose roles are both named and differ are never paired, nor amounts not
/// both named that lie more than [`UNNAMED_MAX_RATIO`] apart.
fn one_to_one<'f>(
    candidates: Vec<(usize, usize)>,
    fig: impl Fn(usize) -> &'f Figure,
    measure: Measure,
) -> Vec<(usize, usize)> {
    // Kinds the lexicon puts in one class are one kind (`a fine`, `a penalty`).
    let role = |x: usize| fig(x).counted.as_deref().map(money_kind);
    // `a €200 million cocaine-smuggling plot` prices the cocaine `worth €229 million` too.
    let modifies = |x: usize, kind: &str| {
        fig(x)
            .modifiers
            .iter()
            .flat_map(|m| m.split(['-', ' ']))
            .any(|w| money_kind(w) == kind)
    };
    let mut ranked: Vec<(bool, f64, (usize, usize))> = candidates
        .into_iter()
        .filter_map(|(x, y)| {
            let same = match (role(x), role(y)) {
                // A term's role is its defendant, an age's its person, named as written.
                (Some(_), Some(_)) if matches!(measure, Measure::Jailed | Measure::Age) => {
                    let name = |z: usize| fig(z).counted.as_deref().unwrap_or("");
                    if !same_defendant(name(x), name(y)) {
                        return None;
                    }
                    true
                }
                (Some(a), Some(b)) if a != b && !modifies(x, b) && !modifies(y, a) => {
                    return None;
                }
                (Some(_), Some(_)) => true,
                _ => false,
            };
            let (a, b) = (fig(x).value.abs().max(1e-9), fig(y).value.abs().max(1e-9));
            if !same && a.max(b) / a.min(b) > UNNAMED_MAX_RATIO {
                return None;
            }
            Some((!same, (a / b).ln().abs(), (x, y)))
        })
        .collect();
    ranked.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)).then(p.2.cmp(&q.2)));
    let (mut used_x, mut used_y) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for (_, _, (x, y)) in ranked {
        if !used_x.contains(&x) && !used_y.contains(&y) {
            used_x.push(x);
            used_y.push(y);
            out.push((x, y));
        }
    }
    out
}

/// A toll reported as 1, then 3, 5 and 11 is one count rising: keep the updates between
/// neighbours in time (1→3, 3→5, 5→11) and drop those another pair of updates already
/// implies (1→5 through 3).
fn drop_implied_updates(articles: &[(&Article, &[Figure])], out: &mut Vec<RankedConflict>) {
    let node = |s: &RankedConflict, first: bool| -> (Measure, Option<String>, String) {
        let (a, f) = if first {
            s.figures[0]
        } else {
            s.figures[s.first_side]
        };
        let f = &articles[a as usize].1[f as usize];
        (
            s.measure,
            f.unit.clone().filter(|_| !s.measure.is_event()),
            f.interval_string(),
        )
    };
    let edges: Vec<(usize, _, _)> = out
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == LinkKind::Updates && s.first_side < s.figures.len())
        .map(|(k, s)| (k, node(s, true), node(s, false)))
        .collect();
    let pairs: std::collections::HashSet<(&_, &_)> = edges.iter().map(|(_, a, c)| (a, c)).collect();
    let mut next: HashMap<&_, Vec<&_>> = HashMap::new();
    for (_, a, c) in &edges {
        next.entry(a).or_default().push(c);
    }
    let implied: std::collections::HashSet<usize> = edges
        .iter()
        .filter(|(_, a, c)| {
            next.get(a)
                .is_some_and(|bs| bs.iter().any(|b| *b != c && pairs.contains(&(*b, c))))
        })
        .map(|(k, _, _)| *k)
        .collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !implied.contains(&(k - 1))
    });
}

fn signatures(arts: GroupArticles) -> Vec<Signature> {
    let mut index: HashMap<Vec<IntervalKey>, usize> = HashMap::new();
    let mut sigs: Vec<Signature> = Vec::new();
    for (ai, m) in arts {
        let keys: Vec<IntervalKey> = m.keys().copied().collect();
        let figs: Vec<usize> = m.values().copied().collect();
        match index.get(&keys) {
            Some(&s) => sigs[s].members.push((ai, figs)),
            None => {
                index.insert(keys.clone(), sigs.len());
                sigs.push(Signature {
                    intervals: keys
                        .iter()
                        .copied()
                        .zip(figs.iter().map(|&f| (ai, f)))
                        .collect(),
                    members: vec![(ai, figs)],
                });
            }
        }
    }
    sigs
}

/// A publication date as (year if known, month, day).
fn parse_date(s: &str) -> Option<(Option<i32>, u32, u32)> {
    if let Some(md) = s.strip_prefix("--") {
        let m = md.get(0..2)?.parse().ok()?;
        let d = md.get(3..5)?.parse().ok()?;
        return Some((None, m, d));
    }
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    Some((Some(y), m, d))
}

/// True when `a` is strictly before `b`; partial dates compare month and day only.
fn before(a: (Option<i32>, u32, u32), b: (Option<i32>, u32, u32)) -> bool {
    match (a.0, b.0) {
        (Some(ya), Some(yb)) => (ya, a.1, a.2) < (yb, b.1, b.2),
        _ => (a.1, a.2) < (b.1, b.2),
    }
}

/// Whether every figure of `old` was true before every figure of `new`: by the figures'
/// `as_of` when all have one (`as of 6 pm` against the next morning's report), else by the
/// articles' publication dates.
fn all_before(
    articles: &[(&Article, &[Figure])],
    old: &[(usize, usize)],
    new: &[(usize, usize)],
) -> bool {
    let times = |side: &[(usize, usize)]| -> Option<Vec<When>> {
        side.iter().map(|&(a, f)| articles[a].1[f].as_of).collect()
    };
    if let (Some(o), Some(n)) = (times(old), times(new)) {
        // Reports within the hour of each other speak of the same moment: their counts
        // disagree rather than update each other.
        return o.iter().all(|x| {
            n.iter().all(|y| {
                let exact = x.precision == Precision::Minute && y.precision == Precision::Minute;
                let slack = jiff::SignedDuration::from_hours(if exact { 1 } else { 0 });
                x.ends_before(y, slack)
            })
        });
    }
    let dates = |side: &[(usize, usize)]| -> Option<Vec<(Option<i32>, u32, u32)>> {
        side.iter()
            .map(|&(a, _)| articles[a].0.published.as_deref().and_then(parse_date))
            .collect()
    };
    match (dates(old), dates(new)) {
        (Some(o), Some(n)) => o.iter().all(|&x| n.iter().all(|&y| before(x, y))),
        _ => false,
    }
}

/// Ranks one disagreement between two sides (figures as (article, figure) indices into
/// `articles`): which kind of link, how the sides relate, how likely, the best figures first.
/// Everything but the sentences, which [`super::write`] writes when someone looks.
fn rank_conflict(
    articles: &[(&Article, &[Figure])],
    ranker: &mut Ranker<'_>,
    group: &GroupKey,
    mut first: Vec<(usize, usize)>,
    mut second: Vec<(usize, usize)>,
) -> Option<RankedConflict> {
    let fig = |(a, f): (usize, usize)| &articles[a].1[f];
    let id = |(a, f): (usize, usize)| {
        format!(
            "{}@{}-{}",
            articles[a].0.id,
            fig((a, f)).start,
            fig((a, f)).end
        )
    };
    let kind = if all_before(articles, &first, &second) {
        LinkKind::Updates
    } else if all_before(articles, &second, &first) {
        std::mem::swap(&mut first, &mut second);
        LinkKind::Updates
    } else {
        LinkKind::Contradicts
    };
    // A toll only rises: a later, lower count is a correction or a conflict, not an update.
    let later_lower = kind == LinkKind::Updates
        && group.measure.is_event()
        && group.measure != Measure::Missing
        && fig(second[0]).low.unwrap_or(0.0) < fig(first[0]).low.unwrap_or(0.0);
    let kind = if later_lower {
        LinkKind::Contradicts
    } else if kind == LinkKind::Updates {
        LinkKind::Updates
    } else {
        // Article order: the side holding the lowest article id first.
        let low = |side: &[(usize, usize)]| {
            side.iter()
                .map(|&(a, f)| (articles[a].0.id, fig((a, f)).start))
                .min()
        };
        if low(&second) < low(&first) {
            std::mem::swap(&mut first, &mut second);
        }
        LinkKind::Contradicts
    };
    // Representatives: lowest article id on each side, so the key does not move when other
    // articles join a side.
    let (ra, rb) = (first[0], second[0]);
    let (ka, kb) = if (articles[ra.0].0.id, fig(ra).start) <= (articles[rb.0].0.id, fig(rb).start) {
        (id(ra), id(rb))
    } else {
        (id(rb), id(ra))
    };
    let key = format!(
        "{}:{}:{ka}~{kb}",
        group.measure.as_str(),
        group.unit.as_deref().unwrap_or("")
    );
    let best = rank_sides(ranker, &mut first, &mut second);
    // Every pair belongs to different names of listed results: nothing to suggest.
    if best.score == f64::NEG_INFINITY {
        return None;
    }
    let (fa, fb) = (fig(first[0]), fig(second[0]));
    let (text_a, text_b) = (
        articles[first[0].0].0.text.as_str(),
        articles[second[0].0].0.text.as_str(),
    );
    // Two parts are not comparable: `six more bodies` against `9 children`, `14 of the dead`
    // against `11 children` count different portions of one toll.
    if two_parts(fa, fb) {
        return None;
    }
    // A smaller count reported earlier is an earlier count of the whole (an update), not a
    // part of it; parts are read between reports of one time.
    // A stated portion (`two more devices`) is never a count of the whole, earlier or not.
    let portion = |f: &Figure| {
        f.scope
            .iter()
            .any(|s| s.kind == crate::analysis::figures::ScopeKind::Portion)
    };
    let a_in_b = (kind == LinkKind::Contradicts || portion(fa)) && part_of(fa, fb, text_b);
    let b_in_a = (kind == LinkKind::Contradicts || portion(fb)) && part_of(fb, fa, text_a);
    let relation = if a_in_b || b_in_a {
        Relation::PartOf
    } else if later_lower && same_time(fa, fb) {
        Relation::SameTime
    } else if later_lower {
        Relation::LaterLower
    } else if kind == LinkKind::Updates {
        Relation::Updates
    } else {
        Relation::Contradicts
    };
    // The part first, the whole second; a count at about the same time lowest first.
    let swap_glance = match relation {
        Relation::PartOf => !a_in_b,
        Relation::SameTime => fb.value < fa.value,
        _ => false,
    };
    let kind = match relation {
        Relation::PartOf => LinkKind::Supports,
        Relation::SameTime => LinkKind::Updates,
        _ => kind,
    };
    let named = [named(&first), named(&second)];
    // Keep the best-scoring figures, at least one per side.
    let total = first.len() + second.len();
    // Each side gets half, and what one side cannot use goes to the other.
    let keep_first = first
        .len()
        .min((MAX_FIGURES / 2).max(MAX_FIGURES.saturating_sub(second.len())));
    first.truncate(keep_first);
    second.truncate(MAX_FIGURES - keep_first);
    let first_side = first.len();
    let more_figures = total - first.len() - second.len();
    Some(RankedConflict {
        key,
        measure: group.measure,
        kind,
        relation,
        swap_glance,
        // A part of a total and reports at about the same time are worth a look, after the
        // disagreements.
        score: match relation {
            Relation::PartOf => best.score * 0.5,
            Relation::SameTime => best.score * 0.8,
            _ => best.score,
        },
        shared: best.shared,
        figures: first
            .into_iter()
            .chain(second)
            .map(|(a, f)| (a as u32, f as u32))
            .collect(),
        first_side,
        more_figures,
        named,
        story: None,
    })
}

/// True when both figures are narrowed to parts and share no narrowing: `six more bodies`
/// against `9 children`, `four dead in the northern district` against `two worshippers` at a
/// church elsewhere. Neither is the whole the other could be part of, and they count different
/// things; `11 children` against `9 children` share theirs and stay comparable.
fn two_parts(a: &Figure, b: &Figure) -> bool {
    let same = |x: &crate::analysis::figures::Scope, y: &crate::analysis::figures::Scope| {
        x.kind == y.kind && x.text.eq_ignore_ascii_case(&y.text)
    };
    !a.scope.is_empty()
        && !b.scope.is_empty()
        && !a.scope.iter().any(|x| b.scope.iter().any(|y| same(x, y)))
}

/// The first two articles a side names (its figures' articles, repeats in a row dropped) and
/// how many it names in all, for the line naming the side.
fn named(side: &[(usize, usize)]) -> ([u32; 2], u32) {
    let mut seen: Vec<usize> = side.iter().map(|&(a, _)| a).collect();
    seen.dedup();
    let lead = [seen[0] as u32, seen.get(1).map_or(u32::MAX, |&a| a as u32)];
    (lead, seen.len() as u32)
}

/// Most pairs scored per suggestion: a side with many figures is cut to its most prominent
/// ones first, so a suggestion joining hundreds of articles stays cheap.
const CANDIDATES: usize = MAX_FIGURES;

/// Orders both sides best first (each figure by its best pair with the other side) and returns
/// the best pair's score. Figures past the candidates keep their order after them.
fn rank_sides(
    ranker: &mut Ranker<'_>,
    first: &mut [(usize, usize)],
    second: &mut [(usize, usize)],
) -> super::rank::PairScore {
    // Candidates: the most prominent figures of each side (stable, so ties keep id order).
    for side in [&mut *first, &mut *second] {
        if side.len() > CANDIDATES {
            let mut keyed: Vec<(f64, (usize, usize))> =
                side.iter().map(|&x| (ranker.prominence(x), x)).collect();
            keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (slot, (_, x)) in side.iter_mut().zip(keyed) {
                *slot = x;
            }
        }
    }
    let (na, nb) = (first.len().min(CANDIDATES), second.len().min(CANDIDATES));
    let mut best_a = vec![f64::NEG_INFINITY; na];
    let mut best_b = vec![f64::NEG_INFINITY; nb];
    let mut best = super::rank::PairScore {
        score: f64::NEG_INFINITY,
        shared: Vec::new(),
    };
    for i in 0..na {
        for j in 0..nb {
            let p = ranker.pair(first[i], second[j]);
            best_a[i] = best_a[i].max(p.score);
            best_b[j] = best_b[j].max(p.score);
            if p.score > best.score {
                best = p;
            }
        }
    }
    let reorder = |side: &mut [(usize, usize)], scores: &[f64]| {
        let mut keyed: Vec<(f64, (usize, usize))> =
            scores.iter().copied().zip(side.iter().copied()).collect();
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (slot, (_, x)) in side.iter_mut().zip(keyed) {
            *slot = x;
        }
    };
    reorder(first, &best_a);
    reorder(second, &best_b);
    best
}
