//! Conflicts: figures of different articles that count the same thing and disagree (or update
//! one another), ranked by how likely both sides count the same thing ([`rank`]), and what the
//! project already holds of each suggestion ([`coverage`]), and whether both sides are copies of
//! one text ([`copies`]).

mod copies;
mod coverage;
mod rank;
mod reason;
mod suggest;

pub use copies::{between_copies, mark_copies};
pub use coverage::{Coverage, confirm_edit, is_covered, suggestion_coverage};
pub use suggest::{
    ConflictOptions, ConflictSuggestion, MAX_FIGURES, SuggestedFigure, suggest_conflicts,
    suggest_conflicts_by_story, suggest_conflicts_with,
};
