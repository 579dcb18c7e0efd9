//! The Figures view's state: figures per article, the stories and the suggestions within
//! them, computed off the UI thread ([`super::figures_job`]) and kept until the project's
//! articles or stories change, with the view's rows and open sections. Shared by the views
//! that show figures (columns, library, the Figures view), so it sits beneath all of them.
//!
//! Suggestions arrive ranked, in batches, as indices into the figures ([`RankedConflict`]),
//! with the order over all of them merged off the UI thread ([`Ranked`]), so taking a batch
//! in costs a frame nothing however many came before; [`FiguresCache::suggestion`] writes one
//! out (its reason and the lines naming both sides) when a view shows it, so a year of news
//! keeps hundreds of thousands of them in little memory and the first ones show while the
//! rest are still compared.

use super::figures_job::{self, AnalysisKey, ArticleFigures, ByMeasure, Pending, Update};
use super::figures_ranked::Ranked;
use super::figures_rows::{self, Rows, RowsKey, Toggles};
use super::interval_chart::figure_label;
use crate::analysis::conflicts::{RankedConflict, ranked_between_copies, write_conflict};
use crate::analysis::reuse::FigureSources;
use crate::analysis::{ConflictSuggestion, Figure, MeasureSummary, Reuse, Story};
use crate::model::{ArticleId, Project};
use eframe::egui;
use std::collections::HashMap;
use std::sync::Arc;

/// Figures per article, the stories and the suggestions within them, computed off the UI
/// thread once per project (articles never change after import; stories and suggestions again
/// when the researcher merges or splits stories), with the view's rows and open sections.
#[derive(Default)]
pub struct FiguresCache {
    /// What the results below were computed from.
    pub(super) done: Option<AnalysisKey>,
    /// The analysis running now, if any.
    pub(super) pending: Option<Pending>,
    /// The project state last checked: (article list address, articles, revision).
    pub(super) checked: Option<(usize, usize, u64)>,
    /// Bumped each time new results arrive.
    pub(super) generation: u64,
    /// Bumped when the stories, every figure or the text reuse arrive, not for each batch of
    /// suggestions (see [`Self::settled_generation`]).
    settled_generation: u64,
    pub(super) figures: ArticleFigures,
    /// Every figure by measure, once all are found.
    pub(super) by_measure: ByMeasure,
    /// How many suggestions name each figure, once all are found (see `Update::Figures`).
    suggested: Vec<u32>,
    /// The text the articles share: passages, classes, families.
    pub reuse: Arc<Reuse>,
    /// Figures reported by several articles, with their independent sources.
    pub sources: Vec<FigureSources>,
    /// Each reported figure, by (article, start), as an index into `sources`.
    pub(super) source_index: HashMap<(ArticleId, usize), usize>,
    /// The articles grouped into stories; figures are compared only within one.
    pub stories: Vec<Story>,
    /// Each article's story, as an index into `stories`.
    pub(super) story_index: HashMap<ArticleId, usize>,
    /// Each story's key, as an index into `stories`.
    pub(super) story_keys: HashMap<String, usize>,
    /// The suggestions ranked so far, best first (see [`Self::suggestion`]).
    pub(super) ranked: Ranked,
    /// One per measure (and unit), for the summary lines.
    pub summaries: Vec<MeasureSummary>,
    pub(super) toggles: Toggles,
    pub(super) rows: Rows,
}

impl FiguresCache {
    /// Takes in a finished analysis and starts a new one when the project's articles or stories
    /// changed. Cheap when nothing changed: one comparison per frame.
    pub fn ensure(&mut self, project: &Project, ctx: &egui::Context) {
        while let Some(update) = self.pending.as_ref().and_then(Pending::poll) {
            let streamed = matches!(update, Update::Suggestions { .. });
            self.take(update);
            // A batch of suggestions is drawn before what follows it is taken in: where the
            // analysis ran ahead of the window (a small folder, a busy machine), the first
            // suggestions still show while the figures and the shared text are to come, and
            // the progress says so. Batches come at most every 200 ms, so none waits long.
            if streamed {
                ctx.request_repaint();
                break;
            }
        }
        let articles = project.articles();
        let checked = (
            articles.as_ptr() as usize,
            articles.len(),
            project.revision(),
        );
        if self.checked == Some(checked) {
            return;
        }
        let key = AnalysisKey {
            articles: (
                articles.len(),
                articles.iter().map(|a| a.text.len()).sum(),
                dates_hash(articles),
            ),
            stories: project.story_overrides().clone(),
        };
        let wanted = |k: Option<&AnalysisKey>| k == Some(&key);
        if !wanted(self.done.as_ref()) && !wanted(self.pending.as_ref().map(|p| &p.key)) {
            let figures = self
                .done
                .as_ref()
                .filter(|d| d.articles == key.articles)
                .map(|_| (self.figures.clone(), self.reuse.clone()));
            self.pending = Some(figures_job::spawn(ctx, key, articles.to_vec(), figures));
        }
        self.checked = Some(checked);
    }

    /// Takes in one update of the analysis running now: each is a few pointer swaps (the
    /// analysis thread did the work), so no frame waits on it.
    fn take(&mut self, update: Update) {
        let streamed = matches!(update, Update::Suggestions { .. });
        match update {
            Update::Stories { stories, figures } => {
                self.figures = figures;
                self.stories = stories;
                self.story_index = self
                    .stories
                    .iter()
                    .enumerate()
                    .flat_map(|(i, s)| s.articles.iter().map(move |&a| (a, i)))
                    .collect();
                self.story_keys = self
                    .stories
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.key.clone(), i))
                    .collect();
                self.by_measure.clear();
                self.suggested.clear();
                self.summaries.clear();
                self.ranked = Ranked::default();
            }
            Update::Suggestions { ranked, figures } => {
                self.ranked = ranked;
                let all = Arc::make_mut(&mut self.figures);
                for (i, f) in figures {
                    if let Some(slot) = all.get_mut(i) {
                        slot.1 = f;
                    }
                }
            }
            Update::Figures {
                figures,
                by_measure,
                summaries,
                suggested,
            } => {
                self.figures = figures;
                self.by_measure = by_measure;
                self.suggested = suggested;
                self.summaries = summaries;
            }
            Update::Reuse {
                reuse,
                sources,
                source_index,
            } => {
                self.reuse = reuse;
                self.source_index = source_index;
                self.sources = sources;
                self.done = self.pending.take().map(|p| p.key);
            }
        }
        if !streamed {
            self.settled_generation += 1;
        }
        self.generation += 1;
    }

    /// How many suggestions are ranked so far (all of them once [`Self::analysing`] is false).
    pub fn suggestion_count(&self) -> usize {
        self.ranked.len()
    }

    /// The suggestions ranked so far, best first, not written out.
    pub fn ranked(&self) -> &Ranked {
        &self.ranked
    }

    /// The `i`-th best suggestion written out (`None` past the end, or while the project's
    /// articles are not the ones analysed).
    pub fn suggestion(&self, project: &Project, i: usize) -> Option<ConflictSuggestion> {
        self.write(project, self.ranked.get(i)?)
    }

    /// Every suggestion written out, best first: for small folders and tests (a year of news
    /// gives hundreds of thousands; the view writes out only those on screen).
    pub fn suggestions(&self, project: &Project) -> Vec<ConflictSuggestion> {
        self.ranked
            .iter()
            .filter_map(|r| self.write(project, r))
            .collect()
    }

    /// Writes out a ranked suggestion: its reason, the lines naming both sides, its figures,
    /// its story and whether both sides are copies of one text.
    pub(super) fn write(
        &self,
        project: &Project,
        r: &RankedConflict,
    ) -> Option<ConflictSuggestion> {
        let articles = project.articles();
        let figures = &self.figures;
        let fits = |a: u32| {
            let a = a as usize;
            a < articles.len() && a < figures.len() && articles[a].id == figures[a].0
        };
        if !r.article_indices().all(fits) {
            return None;
        }
        let story = r
            .story
            .and_then(|s| self.stories.get(s as usize))
            .map(|s| s.key.as_str());
        let mut s = write_conflict(|i| (&articles[i], figures[i].1.as_slice()), story, r);
        s.between_copies = ranked_between_copies(r, |i| figures[i].0, &self.reuse);
        Some(s)
    }

    /// The id of the article at `index` in the analysed articles.
    pub(super) fn article_id(&self, index: u32) -> Option<ArticleId> {
        self.figures.get(index as usize).map(|(id, _)| *id)
    }

    /// What the analysis running now is doing: its progress bar's text and fraction (`None`
    /// when it cannot tell how far it is).
    pub fn progress(&self) -> Option<(String, Option<f32>)> {
        self.pending.as_ref().map(|p| (p.label(), p.fraction()))
    }

    /// The stage the analysis running now is in.
    pub fn stage(&self) -> Option<figures_job::Stage> {
        self.pending.as_ref().map(Pending::stage)
    }

    /// True while an analysis runs.
    pub fn analysing(&self) -> bool {
        self.pending.is_some()
    }

    /// Bumped each time new results arrive, so views can tell when to rebuild.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Bumped when the stories, every figure (with every suggestion) or the text reuse
    /// arrive, not for each batch of suggestions streaming in: for views that read all the
    /// suggestions or only the stories, so a batch does not make them read a year of news
    /// again (and a default chosen by counting suggestions does not flip while they come).
    pub fn settled_generation(&self) -> u64 {
        self.settled_generation
    }

    /// The story of `article`, once the stories are found.
    pub fn story_of(&self, article: ArticleId) -> Option<&Story> {
        self.story_index.get(&article).map(|&i| &self.stories[i])
    }

    /// The story with this key, once the stories are found.
    pub fn story(&self, key: &str) -> Option<&Story> {
        self.story_keys.get(key).map(|&i| &self.stories[i])
    }

    /// The independent sources of the figure of `article` starting at `start`, when several
    /// articles report it.
    pub fn sources_of(&self, article: ArticleId, start: usize) -> Option<&FigureSources> {
        self.source_index
            .get(&(article, start))
            .map(|&i| &self.sources[i])
    }

    /// Figures of one article.
    pub fn of(&self, article: ArticleId) -> &[Figure] {
        self.figures
            .iter()
            .find(|(id, _)| *id == article)
            .map_or(&[], |(_, f)| f.as_slice())
    }

    /// The suggestions the view lists now, top to bottom (the first page, then those of open
    /// sections), as indices for [`Self::suggestion`].
    pub fn listed(&mut self, project: &Project) -> Vec<usize> {
        self.rows(project)
            .rows
            .iter()
            .filter_map(|r| match r {
                figures_rows::Row::Suggestion(i) => Some(*i),
                _ => None,
            })
            .collect()
    }

    /// The interval charts the view draws now, each as its figures' labels (`At least 139
    /// people`), top to bottom.
    pub fn charts(&mut self, project: &Project) -> Vec<Vec<String>> {
        self.rows(project);
        self.rows
            .rows
            .iter()
            .filter_map(|r| match r {
                figures_rows::Row::Chart(list) => Some(
                    list.iter()
                        .map(|&(a, f)| figure_label(&self.figures[a].1[f]))
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }

    /// Whether a section of the view is open now.
    pub fn is_open(&self, section: &figures_rows::Section) -> bool {
        self.toggles.is_open(section)
    }

    /// The rows for `project`, rebuilt when the analysis, the project or a section changed.
    pub(super) fn rows(&mut self, project: &Project) -> &Rows {
        let key = RowsKey {
            generation: self.generation,
            revision: project.revision(),
            toggles: self.toggles.count,
        };
        if self.rows.key.as_ref() != Some(&key) {
            let write = |r: &RankedConflict| self.write(project, r);
            let found = figures_rows::Found {
                ranked: &self.ranked,
                summaries: &self.summaries,
                figures: &self.figures,
                by_measure: &self.by_measure,
                suggested: &self.suggested,
            };
            self.rows = figures_rows::build(project, &found, &write, &self.toggles);
            self.rows.key = Some(key);
        }
        &self.rows
    }
}

/// A hash of the articles' publication dates (a corrected date changes every `as_of`).
fn dates_hash(articles: &[crate::model::Article]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in articles {
        a.published.hash(&mut h);
    }
    h.finish()
}
