//! The figure analysis of a project, run off the UI thread: figures of every article (with
//! progress), the text the articles share (who copied whom), the stories, the suggestions
//! within them and the measure summaries, and the independent sources behind each figure. When
//! only the researcher's stories changed, the figures and text reuse already found are reused.
//!
//! Like the jobs in [`super::jobs`], it runs on its own thread, reports progress through
//! atomics and sends one result back; the window repaints soon after it arrives. The progress bar
//! asks for its own (delayed) repaints while it is shown, so the thread wakes the window only
//! once.

use crate::analysis::reuse::{FigureSources, figure_sources};
use crate::analysis::{
    self, ConflictOptions, ConflictSuggestion, Figure, FigureOptions, MeasureSummary, Reuse, Story,
};
use crate::model::{Article, ArticleId};
use eframe::egui;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

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

/// A finished analysis.
pub struct Analysed {
    pub figures: ArticleFigures,
    /// Passages the articles share, their classes and families.
    pub reuse: Arc<Reuse>,
    /// Figures reported by several articles, with their independent sources.
    pub sources: Vec<FigureSources>,
    pub stories: Vec<Story>,
    /// Best first.
    pub suggestions: Vec<ConflictSuggestion>,
    pub summaries: Vec<MeasureSummary>,
}

/// An analysis in flight.
pub struct Pending {
    pub key: AnalysisKey,
    rx: Receiver<Analysed>,
    /// Articles whose figures are found, of `total`.
    pub done: Arc<AtomicUsize>,
    pub total: usize,
}

impl Pending {
    /// The result, once the thread has sent it.
    pub fn poll(&self) -> Option<Analysed> {
        self.rx.try_recv().ok()
    }

    /// Fraction done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / self.total as f32
        }
    }
}

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
    let total = articles.len();
    let progress = done.clone();
    let ctx = ctx.clone();
    let overrides = key.stories.clone();
    std::thread::spawn(move || {
        let (figures, reuse) = match figures {
            Some((f, r)) => (Some(f), Some(r)),
            None => (None, None),
        };
        let figures = figures.unwrap_or_else(|| {
            let mut out = Vec::with_capacity(articles.len());
            for (i, a) in articles.iter().enumerate() {
                let opts = FigureOptions::for_published(a.published.as_deref());
                out.push((a.id, analysis::extract_figures(&a.text, &opts)));
                progress.store(i + 1, Ordering::Relaxed);
            }
            Arc::new(out)
        });
        progress.store(articles.len(), Ordering::Relaxed);
        let pairs: Vec<(&Article, &[Figure])> = articles
            .iter()
            .zip(figures.iter())
            .map(|(a, (_, f))| (a, f.as_slice()))
            .collect();
        let reuse = reuse.unwrap_or_else(|| Arc::new(analysis::find_reuse(&articles)));
        let stories = analysis::group_stories(&articles, &overrides);
        let sources = figure_sources(&pairs, &reuse, &analysis::stories::story_keys(&stories));
        let mut suggestions =
            analysis::suggest_conflicts_by_story(&pairs, &stories, &ConflictOptions::default());
        analysis::conflicts::mark_copies(&mut suggestions, &reuse);
        let summaries = analysis::summarize_measures(&pairs);
        drop(pairs);
        // The receiver is gone when a newer analysis replaced this one; nothing to do then.
        let _ = tx.send(Analysed {
            figures,
            reuse,
            sources,
            stories,
            suggestions,
            summaries,
        });
        // A frame soon takes the result in (never an immediate repaint, see `jobs::wake`).
        super::jobs::wake(&ctx);
    });
    Pending {
        key,
        rx,
        done,
        total,
    }
}
