//! Analysis of article text: figures (numbers with their qualifier, interval, unit, what is
//! counted, who says so, whether the sentence puts them in another event, and when they were
//! true), time expressions ([`when`] and the [`timeline`]), stories ([`stories`]), suggested
//! conflicts and updates between figures of different articles, ranked, and quotations grouped
//! across articles ([`quotes`]).
//!
//! Pure functions over text and [`crate::model`] types: no SQL, no egui. Extraction is a
//! hand-written scanner (tokens → sentences → number expressions → context) so it stays fast
//! on large corpora and needs no model downloads.

mod conflicts;
mod context;
mod coverage;
mod elsewhere;
mod extract;
mod figure;
mod numbers;
pub mod quotes;
mod rank;
pub mod reanchor;
pub mod refresh;
pub mod stories;
mod summary;
pub mod timeline;
mod tokens;
pub mod version_diff;
pub mod when;
mod words;

pub use conflicts::{
    ConflictOptions, ConflictSuggestion, MAX_FIGURES, SuggestedFigure, suggest_conflicts,
    suggest_conflicts_by_story, suggest_conflicts_with,
};
pub use coverage::{
    Coverage, category_named, confirm_edit, covering_claim, is_covered, suggestion_coverage,
};
pub use extract::extract_figures;
pub use figure::{Figure, FigureOptions, Measure, fmt_number};
pub use stories::{Story, StoryOptions, group_stories, group_stories_with};
pub use summary::{MANY_VALUES, MeasureSummary, summarize_measures};
pub use when::{Precision, TimeExpr, TimeKind, When, article_anchor, find_times};
