//! The figure analysis of a project, run off the UI thread, in the order a person needs it:
//! the stories first (they are read from the words and dates of the articles, not from their
//! figures), then story by story, the largest first and shared over the cores, each story's
//! figures found and compared at once, the suggestions sent to the window in batches; then
//! every figure by measure with the summaries, and last the text the articles share (who
//! copied whom) with the independent sources behind each figure. When only the researcher's
//! stories changed, the figures and text reuse already found are reused.
//!
//! Finding every figure before grouping, as this did first, kept the view empty for 2.2 s on a
//! year of news; now the first suggestions come a few milliseconds after the stories.
//!
//! Suggestions travel as [`RankedConflict`]s (indices into the figures, no sentences): a year
//! of news gives hundreds of thousands, and writing each out cost seconds and most of a
//! gigabyte. The view writes out the few on screen ([`super::figures_cache`]). The order over
//! them is merged here, not in the window ([`Ranked`]).
//!
//! Like the jobs in [`super::jobs`], it reports progress through atomics; each update wakes
//! the window once (a delayed repaint, see `jobs::wake`).

use super::figures_ranked::Ranked;
use crate::analysis::conflicts::{RankedConflict, rank_members};
use crate::analysis::reuse::{FigureSources, figure_sources};
use crate::analysis::{
    self, ConflictOptions, Figure, FigureOptions, Measure, MeasureSummary, Reuse, Story,
};
use crate::model::{Article, ArticleId};
use eframe::egui;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// One article's figures, shared between the analysis and the window.
pub type Figures = Arc<Vec<Figure>>;

/// Figures of each article, in article order.
pub type ArticleFigures = Arc<Vec<(ArticleId, Figures)>>;

/// Every figure by measure, as (article index, figure index), measures in order.
pub type ByMeasure = Vec<(Measure, Vec<(usize, usize)>)>;

/// What an analysis was made from: the articles (count and total length; they never change
/// after import) and the researcher's stories.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalysisKey {
    /// Article count, total text length, and a hash of the publication dates (figures are
    /// placed in time by them, so a corrected date means reading the figures again).
    pub articles: (usize, usize, u64),
    pub stories: BTreeMap<ArticleId, String>,
}

/// What the analysis sends the window, in this order.
pub enum Update {
    /// The stories, and every article's figures found so far (all of them when reused, else
    /// none yet).
    Stories {
        stories: Vec<Story>,
        figures: ArticleFigures,
    },
    /// Every suggestion ranked so far, best first, and the figures of the articles compared
    /// since the last update, by article index.
    Suggestions {
        ranked: Ranked,
        figures: Vec<(usize, Figures)>,
    },
    /// Every article's figures, by measure too, the measure summaries, and how many
    /// suggestions name each figure (the figures of all articles in a row, in order).
    Figures {
        figures: ArticleFigures,
        by_measure: ByMeasure,
        summaries: Vec<MeasureSummary>,
        suggested: Vec<u32>,
    },
    /// The text the articles share and the figures' independent sources: the analysis is done.
    Reuse {
        reuse: Arc<Reuse>,
        sources: Vec<FigureSources>,
        /// Each reported figure, by (article, start), as an index into `sources`.
        source_index: HashMap<(ArticleId, usize), usize>,
    },
}

/// Where an analysis is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Grouping the articles into stories.
    Stories,
    /// Finding each story's figures and comparing them.
    Suggestions,
    /// Finding the text the articles share.
    Reuse,
}

/// An analysis in flight.
pub struct Pending {
    pub key: AnalysisKey,
    rx: Receiver<Update>,
    /// Stories compared, of `stories`.
    done: Arc<AtomicUsize>,
    stage: Arc<AtomicUsize>,
    pub total: usize,
    stories: Arc<AtomicUsize>,
}

impl Pending {
    /// The next update the thread sent, if any.
    pub fn poll(&self) -> Option<Update> {
        self.rx.try_recv().ok()
    }

    /// The stage the analysis is in.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Stories,
            1 => Stage::Suggestions,
            _ => Stage::Reuse,
        }
    }

    /// Fraction of the stage done, 0 to 1 (`None` when the stage cannot tell).
    pub fn fraction(&self) -> Option<f32> {
        match self.stage() {
            Stage::Suggestions => {
                let (d, n) = (
                    self.done.load(Ordering::Relaxed),
                    self.stories.load(Ordering::Relaxed),
                );
                Some(if n == 0 { 1.0 } else { d as f32 / n as f32 })
            }
            Stage::Stories | Stage::Reuse => None,
        }
    }

    /// What the progress bar says.
    pub fn label(&self) -> String {
        let count = super::plural::count;
        match self.stage() {
            Stage::Stories => format!("Grouping {} into stories…", count(self.total, "article")),
            Stage::Suggestions => format!(
                "Finding and comparing figures within {}…",
                count(self.stories.load(Ordering::Relaxed), "story")
            ),
            Stage::Reuse => "Finding the text articles share…".to_owned(),
        }
    }
}

/// The first batch of suggestions goes out this soon after comparing starts (the largest
/// stories are compared by then), the next ones at most this far apart: taking one in costs
/// the window little (see [`Ranked`]).
const FIRST_BATCH: Duration = Duration::from_millis(40);
const BATCH: Duration = Duration::from_millis(200);

/// Starts analysing `articles` on a thread; `figures` and `reuse` are reused when already
/// found for the same articles.
pub fn spawn(
    ctx: &egui::Context,
    key: AnalysisKey,
    articles: Vec<Article>,
    figures: Option<(ArticleFigures, Arc<Reuse>)>,
) -> Pending {
    let (tx, rx) = channel();
    let done = Arc::new(AtomicUsize::new(0));
    let stage = Arc::new(AtomicUsize::new(0));
    let stories_total = Arc::new(AtomicUsize::new(0));
    let total = articles.len();
    let pending = Pending {
        key: key.clone(),
        rx,
        done: done.clone(),
        stage: stage.clone(),
        total,
        stories: stories_total.clone(),
    };
    let ctx = ctx.clone();
    let overrides = key.stories;
    std::thread::spawn(move || {
        let (known, reuse) = match figures {
            Some((f, r)) => (Some(f), Some(r)),
            None => (None, None),
        };
        let stories = analysis::group_stories(&articles, &overrides);
        let so_far = known.clone().unwrap_or_else(|| {
            let none = Arc::new(Vec::new());
            Arc::new(articles.iter().map(|a| (a.id, none.clone())).collect())
        });
        let grouped = Update::Stories {
            stories: stories.clone(),
            figures: so_far,
        };
        // The receiver is gone when a newer analysis replaced this one: stop then.
        if tx.send(grouped).is_err() {
            return;
        }
        super::jobs::wake(&ctx);
        stories_total.store(stories.len(), Ordering::Relaxed);
        stage.store(1, Ordering::Relaxed);
        let Some((figures, ranked)) = compare_stories(&articles, known, &stories, &tx, &ctx, &done)
        else {
            return;
        };
        let pairs: Vec<(&Article, &[Figure])> = articles
            .iter()
            .zip(figures.iter())
            .map(|(a, (_, f))| (a, f.as_slice()))
            .collect();
        let update = Update::Figures {
            figures: figures.clone(),
            by_measure: by_measure(&figures),
            summaries: analysis::summarize_measures(&pairs),
            suggested: suggested(&figures, &ranked),
        };
        if tx.send(update).is_err() {
            return;
        }
        super::jobs::wake(&ctx);
        stage.store(2, Ordering::Relaxed);
        let reuse = reuse.unwrap_or_else(|| Arc::new(analysis::find_reuse(&articles)));
        let sources = figure_sources(&pairs, &reuse, &analysis::stories::story_keys(&stories));
        let source_index = analysis::reuse::sources::by_figure(&sources);
        let _ = tx.send(Update::Reuse {
            reuse,
            sources,
            source_index,
        });
        super::jobs::wake(&ctx);
    });
    pending
}

/// The cores to share work over.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Every figure by measure, in article order.
fn by_measure(figures: &[(ArticleId, Figures)]) -> ByMeasure {
    let mut map: BTreeMap<Measure, Vec<(usize, usize)>> = BTreeMap::new();
    for (ai, (_, figs)) in figures.iter().enumerate() {
        for (fi, f) in figs.iter().enumerate() {
            map.entry(f.measure).or_default().push((ai, fi));
        }
    }
    map.into_iter().collect()
}

/// How many suggestions name each figure, the figures of all articles in a row.
fn suggested(figures: &[(ArticleId, Figures)], ranked: &Ranked) -> Vec<u32> {
    let mut first = Vec::with_capacity(figures.len());
    let mut n = 0;
    for (_, f) in figures {
        first.push(n);
        n += f.len();
    }
    let mut count = vec![0u32; n];
    for &(a, f) in ranked
        .iter()
        .filter(|r| r.disagrees())
        .flat_map(|r| &r.figures)
    {
        if let Some(c) = first
            .get(a as usize)
            .and_then(|&k| count.get_mut(k + f as usize))
        {
            *c += 1;
        }
    }
    count
}

/// What one story gives: its articles (folder indices) with their figures when they were
/// found just now, and its ranked suggestions.
type Compared = (Vec<(usize, Figures)>, Vec<RankedConflict>);

/// Finds the figures of every story (unless `known`) and ranks its suggestions, the largest
/// stories first, over the cores, sending the suggestions in batches with the figures they
/// name. Gives every article's figures and the suggestions; `None` when the window no longer
/// listens.
fn compare_stories(
    articles: &[Article],
    known: Option<ArticleFigures>,
    stories: &[Story],
    tx: &Sender<Update>,
    ctx: &egui::Context,
    done: &AtomicUsize,
) -> Option<(ArticleFigures, Ranked)> {
    let index: HashMap<ArticleId, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| std::cmp::Reverse(stories[s].articles.len()));
    let next = AtomicUsize::new(0);
    let opts = ConflictOptions::default();
    let (found_tx, found_rx) = channel::<Compared>();
    let known = known.as_deref();
    // One story: its figures (found now unless known), then its suggestions.
    let one = |s: usize| -> Compared {
        let at: Vec<usize> = stories[s]
            .articles
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
        let figs: Vec<Figures> = at
            .iter()
            .map(|&i| match known {
                Some(k) => k[i].1.clone(),
                None => {
                    let a = &articles[i];
                    let opts = FigureOptions::for_published(a.published.as_deref());
                    Arc::new(analysis::extract_figures(&a.text, &opts))
                }
            })
            .collect();
        let members: Vec<(&Article, &[Figure])> = at
            .iter()
            .zip(&figs)
            .map(|(&i, f)| (&articles[i], f.as_slice()))
            .collect();
        let ranked = rank_members(&members, &at, s, &opts);
        let found = if known.is_some() {
            Vec::new()
        } else {
            at.into_iter().zip(figs).collect()
        };
        (found, ranked)
    };
    let mut all: Vec<(ArticleId, Figures)> = match known {
        Some(k) => k.to_vec(),
        None => {
            let none = Arc::new(Vec::new());
            articles.iter().map(|a| (a.id, none.clone())).collect()
        }
    };
    let listening = std::thread::scope(|scope| {
        for _ in 0..threads() {
            let found_tx = found_tx.clone();
            let (order, next, one) = (&order, &next, &one);
            scope.spawn(move || {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&s) = order.get(k) else { break };
                    if found_tx.send(one(s)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(found_tx);
        let mut ranked = Ranked::default();
        let mut batch: Vec<RankedConflict> = Vec::new();
        let mut new_figures: Vec<(usize, Figures)> = Vec::new();
        let started = Instant::now();
        let mut last: Option<Instant> = None;
        let mut listening = true;
        let mut flush = |batch: &mut Vec<RankedConflict>, figs: &mut Vec<(usize, Figures)>| {
            let update = Update::Suggestions {
                ranked: ranked.add(std::mem::take(batch)),
                figures: std::mem::take(figs),
            };
            let ok = tx.send(update).is_ok();
            super::jobs::wake(ctx);
            ok
        };
        // Stories keep arriving until every worker has finished.
        for (found, list) in found_rx.iter() {
            done.fetch_add(1, Ordering::Relaxed);
            if !listening {
                continue;
            }
            for (i, f) in found {
                all[i].1 = f.clone();
                new_figures.push((i, f));
            }
            batch.extend(list);
            let due = match last {
                None => started.elapsed() >= FIRST_BATCH,
                Some(t) => t.elapsed() >= BATCH,
            };
            if due && !batch.is_empty() {
                listening = flush(&mut batch, &mut new_figures);
                if !listening {
                    // Let the workers run out quickly.
                    next.store(order.len(), Ordering::Relaxed);
                }
                last = Some(Instant::now());
            }
        }
        (listening && flush(&mut batch, &mut new_figures)).then_some(ranked)
    });
    listening.map(|ranked| (Arc::new(all), ranked))
}
