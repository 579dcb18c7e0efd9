//! How many independent sources stand behind a figure: the same figure (measure, value, unit,
//! what it counts) found in several articles counts each family of copies once.
//!
//! A figure counts with its family when it lies in a passage its article shares with another
//! member (the copied part); a figure in a member's own material (what a rewrite added) is that
//! article's own report and counts as a source of its own.

use super::Reuse;
use crate::analysis::figures::{Figure, Measure, fmt_amount};
use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One figure as several articles report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSources {
    pub measure: Measure,
    /// The figure in words: value, unit and what it counts (`139 people`).
    pub label: String,
    /// Each mention: article and the figure's character range in it, in folder order.
    pub reports: Vec<(ArticleId, usize, usize)>,
    /// Distinct outlets among the articles (an article without an outlet counts as one).
    pub outlets: usize,
    /// Independent sources: families of copies count once.
    pub independent: usize,
    /// The reports grouped by source, as article ids; a group of several is one family.
    pub sources: Vec<Vec<ArticleId>>,
}

impl FigureSources {
    /// "reported by 5 outlets, 2 independent sources".
    pub fn describe(&self) -> String {
        let outlets = if self.outlets == 1 {
            "1 outlet".to_owned()
        } else {
            format!("{} outlets", self.outlets)
        };
        let sources = if self.independent == 1 {
            "1 independent source".to_owned()
        } else {
            format!("{} independent sources", self.independent)
        };
        format!("reported by {outlets}, {sources}")
    }
}

/// The figures reported by at least two articles of one story, with their independent
/// sources; most outlets first. `story_of` gives each article's story (see
/// [`crate::analysis::stories`]): the same number in two events is not the same figure. An
/// article missing from it counts as one story with the other missing ones.
pub fn figure_sources(
    articles: &[(&Article, &[Figure])],
    reuse: &Reuse,
    story_of: &HashMap<ArticleId, String>,
) -> Vec<FigureSources> {
    let mut groups: BTreeMap<Key, Vec<(usize, Vec<&Figure>)>> = BTreeMap::new();
    for (i, (article, figs)) in articles.iter().enumerate() {
        let story = story_of.get(&article.id).cloned().unwrap_or_default();
        for f in figs.iter() {
            // A bare number ("1", "15") with nothing counted is no figure to confirm.
            if f.measure == Measure::Quantity && f.counted.is_none() {
                continue;
            }
            // An event's toll is one figure whoever it names ("23 people", "23 others");
            // other quantities are told apart by what they count (firefighters, vehicles).
            // A term's defendant, or an age's person, by surname (`Cole` is `Mary Cole`); the
            // label names them in full, as written.
            let counted = if f.measure.is_event() {
                None
            } else if matches!(f.measure, Measure::Jailed | Measure::Age) {
                f.counted
                    .as_deref()
                    .and_then(|c| c.split_whitespace().next_back())
                    .map(str::to_owned)
            } else {
                f.counted.as_deref().map(str::to_lowercase)
            };
            let key = (
                story.clone(),
                f.measure,
                f.unit.clone(),
                counted,
                f.value.to_bits(),
            );
            let list = groups.entry(key).or_default();
            // One report per article, with every mention (a headline and a lead may both
            // give it).
            match list.iter_mut().find(|(a, _)| *a == i) {
                Some((_, mentions)) => mentions.push(f),
                None => list.push((i, vec![f])),
            }
        }
    }
    merge_unnamed(&mut groups);
    // Each article's ranges shared with members of its own family.
    let mut family_ranges: HashMap<ArticleId, Vec<(usize, usize)>> = HashMap::new();
    for p in reuse.pairs.iter().filter(|p| reuse.same_family(p.a, p.b)) {
        for id in [p.a, p.b] {
            if let Some(v) = p.seen_from(id) {
                let r = family_ranges.entry(id).or_default();
                r.extend(
                    v.passages
                        .iter()
                        .filter(|x| !x.quotation)
                        .map(|x| (x.start, x.end)),
                );
            }
        }
    }
    let mut out: Vec<FigureSources> = groups
        .into_iter()
        .filter(|(_, list)| list.len() >= 2)
        .map(|((_, measure, unit, counted, _), list)| {
            let f = list[0].1[0];
            let full = matches!(measure, Measure::Jailed | Measure::Age)
                .then(|| {
                    list.iter()
                        .flat_map(|(_, m)| m.iter().filter_map(|f| f.counted.as_deref()))
                        .max_by_key(|c| c.len())
                })
                .flatten();
            let label = label(
                measure,
                f.value,
                unit.as_deref(),
                full.or(counted.as_deref()),
            );
            let outlets: HashSet<String> = list
                .iter()
                .map(|(i, _)| {
                    let a = articles[*i].0;
                    a.outlet
                        .as_deref()
                        .map(|o| o.trim().to_lowercase())
                        .filter(|o| !o.is_empty())
                        .unwrap_or_else(|| format!("#{}", a.id))
                })
                .collect();
            let mut sources: Vec<(Option<usize>, Vec<ArticleId>)> = Vec::new();
            for (i, mentions) in &list {
                let id = articles[*i].0.id;
                // Copied when any mention lies in a passage shared with its family.
                let copied = family_ranges.get(&id).is_some_and(|r| {
                    mentions
                        .iter()
                        .any(|f| r.iter().any(|&(s, e)| s <= f.start && f.end <= e))
                });
                let unit = if copied { reuse.family_of(id) } else { None };
                match unit.and_then(|u| sources.iter_mut().find(|(k, _)| *k == Some(u))) {
                    Some((_, ids)) => ids.push(id),
                    None => sources.push((unit, vec![id])),
                }
            }
            FigureSources {
                measure,
                label,
                reports: list
                    .iter()
                    .flat_map(|(i, mentions)| {
                        mentions.iter().map(|f| (articles[*i].0.id, f.start, f.end))
                    })
                    .collect(),
                outlets: outlets.len(),
                independent: sources.len(),
                sources: sources.into_iter().map(|(_, ids)| ids).collect(),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.outlets
            .cmp(&x.outlets)
            .then(x.independent.cmp(&y.independent))
            .then(x.measure.cmp(&y.measure))
            .then(x.label.cmp(&y.label))
    });
    out
}

/// The group key of [`figure_sources`]: story, measure, unit, what is counted, value bits.
type Key = (String, Measure, Option<String>, Option<String>, u64);

/// Folds each group whose figures name nothing they count (`was granted £188,250`) into the
/// one group of the same story, measure, unit and value that does (`was awarded £188,250`):
/// both report one sum. With two named groups (`a £4m fine`, `a £4m fund`) the bare one
/// could be either, so it stays apart.
fn merge_unnamed<V>(groups: &mut BTreeMap<Key, Vec<(usize, V)>>) {
    // The named groups by everything but what they name, so each bare group finds its
    // partner in one lookup (a folder of 10,000 articles holds hundreds of thousands).
    let mut named: HashMap<(&str, Measure, Option<&str>, u64), Vec<&Key>> = HashMap::new();
    for k in groups.keys().filter(|k| k.3.is_some()) {
        named
            .entry((k.0.as_str(), k.1, k.2.as_deref(), k.4))
            .or_default()
            .push(k);
    }
    let moves: Vec<(Key, Key)> = groups
        .keys()
        .filter(|k| k.3.is_none())
        .filter_map(
            |k| match named.get(&(k.0.as_str(), k.1, k.2.as_deref(), k.4)) {
                Some(v) if v.len() == 1 => Some((k.clone(), v[0].clone())),
                _ => None,
            },
        )
        .collect();
    for (bare, target) in moves {
        let moved = groups.remove(&bare).unwrap_or_default();
        let list = groups.entry(target).or_default();
        for (article, mentions) in moved {
            // An article already in the named group keeps its first report there.
            if !list.iter().any(|(a, _)| *a == article) {
                list.push((article, mentions));
            }
        }
        list.sort_by_key(|(a, _)| *a);
    }
}

/// A figure as the Sources view and the report name it: `£188,250 award`, `139 killed`,
/// `£155,000` (a sum that names nothing it pays), `8 awards`, `jail term of 36 months for
/// Mary Cole`, `age of Mary Cole: 49 years`.
fn label(measure: Measure, value: f64, unit: Option<&str>, counted: Option<&str>) -> String {
    let amount = fmt_amount(value, unit);
    match (counted, measure) {
        (Some(c), Measure::Jailed) => format!("jail term of {amount} for {c}"),
        (None, Measure::Jailed) => format!("jail term of {amount}"),
        (Some(c), Measure::Age) => format!("age of {c}: {amount}"),
        (Some(c), _) => format!("{amount} {c}"),
        (None, Measure::Money | Measure::Percent) => amount,
        (None, m) => format!("{amount} {}", m.as_str()),
    }
}

/// The figure sources by (article, figure start), to label each figure in a view.
pub fn by_figure(sources: &[FigureSources]) -> HashMap<(ArticleId, usize), usize> {
    sources
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.reports.iter().map(move |&(a, start, _)| ((a, start), k)))
        .collect()
}
