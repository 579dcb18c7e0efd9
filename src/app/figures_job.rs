//! The figure analysis of a project, run off the UI thread, in the order a person needs it:
//! figures of every article (shared over the cores, with progress), the stories, then the
//! suggestions within each story, sent to the window in batches as stories are compared (the
//! largest stories first), and last the text the articles share (who copied whom) with the
//! independent sources behind each figure. When only the researcher's stories changed, the
//! figures and text reuse already found are reused.
//!
//! Suggestions travel as [`RankedConflict`]s (indices into the figures, no sentences): a year
//! of news gives hundreds of thousands, and writing each out cost seconds and most of a
//! gigabyte. The view writes out the few on screen ([`super::figures_cache`]).
//!
//! Like the jobs in [`super::jobs`], it reports progress through atomics; each update wakes
//! the window once (a delayed repaint, see `jobs::wake`).

use crate::analysis::conflicts::{RankedConflict, article_index, rank_story_conflicts};
use crate::analysis::reuse::{FigureSources, figure_sources};
use crate::analysis::{self, ConflictOptions, Figure, FigureOptions, MeasureSummary, Reuse, Story};
use crate::model::{Article, ArticleId};
use eframe::egui;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Figures of each article, in article order.
pub type ArticleFigures = Arc<Vec<(ArticleId, Vec<Figure>)>>;

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
    /// Every article's figures, the stories, the measure summaries.
    Grouped {
        figures: ArticleFigures,
        stories: Vec<Story>,
        summaries: Vec<MeasureSummary>,
    },
    /// The ranked suggestions of some more stories, best first.
    Suggestions(Vec<RankedConflict>),
    /// The text the articles share and the figures' independent sources: the analysis is done.
    Reuse {
        reuse: Arc<Reuse>,
        sources: Vec<FigureSources>,
    },
}

/// Where an analysis is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Figures,
    Stories,
    Suggestions,
    Reuse,
}

/// An analysis in flight.
pub struct Pending {
    pub key: AnalysisKey,
    rx: Receiver<Update>,
    /// Articles whose figures are found (then stories compared), of `total` (`stories`).
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
            0 => Stage::Figures,
            1 => Stage::Stories,
            2 => Stage::Suggestions,
            _ => Stage::Reuse,
        }
    }

    /// Fraction of the stage done, 0 to 1 (`None` when the stage cannot tell).
    pub fn fraction(&self) -> Option<f32> {
        let of = |n: usize| {
            let d = self.done.load(Ordering::Relaxed);
            Some(if n == 0 { 1.0 } else { d as f32 / n as f32 })
        };
        match self.stage() {
            Stage::Figures => of(self.total),
            Stage::Suggestions => of(self.stories.load(Ordering::Relaxed)),
            Stage::Stories | Stage::Reuse => None,
        }
    }

    /// What the progress bar says.
    pub fn label(&self) -> String {
        let count = super::plural::count;
        match self.stage() {
            Stage::Figures => format!("Finding figures in {}…", count(self.total, "article")),
            Stage::Stories => format!("Grouping {} into stories…", count(self.total, "article")),
            Stage::Suggestions => format!(
                "Comparing figures within {}…",
                count(self.stories.load(Ordering::Relaxed), "story")
            ),
            Stage::Reuse => "Finding the text articles share…".to_owned(),
        }
    }
}

/// The first batch of suggestions goes out this soon after comparing starts, so the view
/// fills in while the rest are compared; each next one waits twice as long (up to
/// [`MAX_BATCH`]), since the window re-sorts its whole list for each.
const BATCH: Duration = Duration::from_millis(250);
const MAX_BATCH: Duration = Duration::from_secs(2);

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
        let (figures, reuse) = match figures {
            Some((f, r)) => (Some(f), Some(r)),
            None => (None, None),
        };
        let figures = figures.unwrap_or_else(|| Arc::new(find_figures(&articles, &done)));
        stage.store(1, Ordering::Relaxed);
        let pairs: Vec<(&Article, &[Figure])> = articles
            .iter()
            .zip(figures.iter())
            .map(|(a, (_, f))| (a, f.as_slice()))
            .collect();
        let stories = analysis::group_stories(&articles, &overrides);
        let summaries = analysis::summarize_measures(&pairs);
        let grouped = Update::Grouped {
            figures: figures.clone(),
            stories: stories.clone(),
            summaries,
        };
        // The receiver is gone when a newer analysis replaced this one: stop then.
        if tx.send(grouped).is_err() {
            return;
        }
        super::jobs::wake(&ctx);
        done.store(0, Ordering::Relaxed);
        stories_total.store(stories.len(), Ordering::Relaxed);
        stage.store(2, Ordering::Relaxed);
        if !rank_in_batches(&pairs, &stories, &tx, &ctx, &done) {
            return;
        }
        stage.store(3, Ordering::Relaxed);
        let reuse = reuse.unwrap_or_else(|| Arc::new(analysis::find_reuse(&articles)));
        let sources = figure_sources(&pairs, &reuse, &analysis::stories::story_keys(&stories));
        let _ = tx.send(Update::Reuse { reuse, sources });
        super::jobs::wake(&ctx);
    });
    pending
}

/// The cores to share work over.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Every article's figures, the articles shared out over the cores, counting into `done`.
fn find_figures(articles: &[Article], done: &AtomicUsize) -> Vec<(ArticleId, Vec<Figure>)> {
    let one = |a: &Article| {
        let opts = FigureOptions::for_published(a.published.as_deref());
        let f = analysis::extract_figures(&a.text, &opts);
        done.fetch_add(1, Ordering::Relaxed);
        (a.id, f)
    };
    let n = threads();
    if n < 2 || articles.len() < 64 {
        return articles.iter().map(one).collect();
    }
    // Contiguous chunks keep the article order when joined.
    let chunk = articles.len().div_ceil(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Ranks the suggestions of every story over the cores, the largest stories first, sending
/// them in batches (best first within each). False when the window no longer listens.
fn rank_in_batches(
    pairs: &[(&Article, &[Figure])],
    stories: &[Story],
    tx: &Sender<Update>,
    ctx: &egui::Context,
    done: &AtomicUsize,
) -> bool {
    let index = article_index(pairs);
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| std::cmp::Reverse(stories[s].articles.len()));
    let next = AtomicUsize::new(0);
    let opts = ConflictOptions::default();
    let (found_tx, found_rx) = channel::<Vec<RankedConflict>>();
    std::thread::scope(|scope| {
        for _ in 0..threads() {
            let found_tx = found_tx.clone();
            let (order, next, index, opts) = (&order, &next, &index, &opts);
            scope.spawn(move || {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&s) = order.get(k) else { break };
                    let list = rank_story_conflicts(pairs, index, stories, s, opts);
                    if found_tx.send(list).is_err() {
                        break;
                    }
                }
            });
        }
        drop(found_tx);
        let mut batch: Vec<RankedConflict> = Vec::new();
        let mut since = Instant::now();
        let mut wait = BATCH;
        let mut listening = true;
        let flush = |batch: &mut Vec<RankedConflict>| {
            analysis::conflicts::sort_best_first(batch);
            let ok = tx.send(Update::Suggestions(std::mem::take(batch))).is_ok();
            super::jobs::wake(ctx);
            ok
        };
        // Stories keep arriving until every worker has finished.
        for list in found_rx.iter() {
            done.fetch_add(1, Ordering::Relaxed);
            if !listening {
                continue;
            }
            batch.extend(list);
            if since.elapsed() >= wait && !batch.is_empty() {
                listening = flush(&mut batch);
                if !listening {
                    // Let the workers run out quickly.
                    next.store(order.len(), Ordering::Relaxed);
                }
                since = Instant::now();
                wait = (wait * 2).min(MAX_BATCH);
            }
        }
        listening && flush(&mut batch)
    })
}
