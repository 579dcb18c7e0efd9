//! The Figures view's state: figures per article, the stories and the suggestions within
//! them, computed off the UI thread ([`super::figures_job`]) and kept until the project's
//! articles or stories change, with the view's rows and open sections. Shared by the views
//! that show figures (columns, library, the Figures view), so it sits beneath all of them.

use super::figures_job::{self, AnalysisKey, ArticleFigures, Pending};
use super::figures_rows::{self, Rows, RowsKey, Toggles};
use crate::analysis::reuse::{self, FigureSources};
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
    pub(super) figures: ArticleFigures,
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
    /// Best first.
    pub suggestions: Vec<ConflictSuggestion>,
    /// One per measure (and unit), for the summary lines.
    pub summaries: Vec<MeasureSummary>,
    pub(super) toggles: Toggles,
    pub(super) rows: Rows,
}

impl FiguresCache {
    /// Takes in a finished analysis and starts a new one when the project's articles or stories
    /// changed. Cheap when nothing changed: one comparison per frame.
    pub fn ensure(&mut self, project: &Project, ctx: &egui::Context) {
        if let Some(result) = self.pending.as_ref().and_then(Pending::poll) {
            let pending = self.pending.take();
            self.done = pending.map(|p| p.key);
            self.figures = result.figures;
            self.reuse = result.reuse;
            self.source_index = reuse::sources::by_figure(&result.sources);
            self.sources = result.sources;
            self.stories = result.stories;
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
            self.suggestions = result.suggestions;
            self.summaries = result.summaries;
            self.generation += 1;
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

    /// True while an analysis runs.
    pub fn analysing(&self) -> bool {
        self.pending.is_some()
    }

    /// Bumped each time new results arrive, so views can tell when to rebuild.
    pub fn generation(&self) -> u64 {
        self.generation
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

    /// The rows for `project`, rebuilt when the analysis, the project or a section changed.
    pub(super) fn rows(&mut self, project: &Project) -> &Rows {
        let key = RowsKey {
            generation: self.generation,
            revision: project.revision(),
            toggles: self.toggles.count,
        };
        if self.rows.key.as_ref() != Some(&key) {
            self.rows = figures_rows::build(
                project,
                &self.suggestions,
                &self.summaries,
                &self.figures,
                &self.toggles,
            );
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
