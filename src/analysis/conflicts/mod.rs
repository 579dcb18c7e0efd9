//! Conflicts: figures of different articles that count the same thing and disagree (or update
//! one another), ranked by how likely both sides count the same thing ([`rank`]), and what the
//! project already holds of each suggestion ([`coverage`]), and whether both sides are copies of
//! one text ([`copies`]); plain counts of people are compared only when their clauses say
//! alike of them ([`people`]), prison terms only when they may be one defendant's
//! ([`terms`]), and ages only when no birthday between the reports explains them ([`ages`]). Ranking keeps indices; [`write`] writes a suggestion out when needed.

mod ages;
mod copies;
mod coverage;
mod people;
mod rank;
mod reason;
mod suggest;
mod terms;
mod write;

pub use copies::{between_copies, mark_copies};
pub use coverage::{Coverage, confirm_edit, is_covered, suggestion_coverage};
pub use suggest::{
    ConflictOptions, MAX_FIGURES, article_index, rank_conflicts, rank_conflicts_by_story,
    rank_members, rank_story_conflicts, sort_best_first, suggest_conflicts,
    suggest_conflicts_by_story, suggest_conflicts_with,
};
pub use write::{
    ConflictSuggestion, RankedConflict, SuggestedFigure, ranked_between_copies, write_conflict,
};
