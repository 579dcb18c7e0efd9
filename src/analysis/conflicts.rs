//! Conflict suggestions (placeholder while extraction is built).
use super::figure::{Figure, Measure};
use crate::model::{Article, ArticleId, LinkKind};
use serde::Serialize;

/// Settings for [`suggest_conflicts_with`].
#[derive(Clone, Debug)]
pub struct ConflictOptions {
    pub max_ratio: f64,
}
impl Default for ConflictOptions {
    fn default() -> Self {
        ConflictOptions { max_ratio: 10.0 }
    }
}
/// A figure in a suggestion.
#[derive(Clone, Debug, Serialize)]
pub struct SuggestedFigure {
    pub article_id: ArticleId,
    pub article: String,
    pub figure: Figure,
}
/// One suggested link.
#[derive(Clone, Debug, Serialize)]
pub struct ConflictSuggestion {
    pub key: String,
    pub measure: Measure,
    pub kind: LinkKind,
    pub reason: String,
    pub figures: Vec<SuggestedFigure>,
}
/// Suggests conflicts.
pub fn suggest_conflicts(articles: &[(&Article, &[Figure])]) -> Vec<ConflictSuggestion> {
    suggest_conflicts_with(articles, &ConflictOptions::default())
}
/// Suggests conflicts with options.
pub fn suggest_conflicts_with(
    _articles: &[(&Article, &[Figure])],
    _opts: &ConflictOptions,
) -> Vec<ConflictSuggestion> {
    Vec::new()
}
