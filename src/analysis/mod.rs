//! Analysis of article text, one folder per capability: [`figures`] (numbers with what they
//! count), [`time`] (time expressions), [`timeline`] (figures over time), [`stories`] (articles grouped by
//! event), [`conflicts`] (suggested conflicts and updates between figures, ranked),
//! [`quotes`] (quotations grouped across articles), [`reuse`] (which articles copy or rewrite
//! which, and the independent sources behind a figure) and [`versions`] (source versions and
//! re-anchoring); apart from them, [`agreement`] compares coders' copies of a project (αu, κ,
//! disagreements). Beneath them, [`text`] holds the shared primitives (tokens, sentences,
//! words, names) and [`tagging`] turns spans into claims and links.
//!
//! Data flows one way: `text` → `time` → `figures` → `timeline`, `stories` → `conflicts`; `quotes` and
//! `versions` build on `text` and `tagging` (and `versions` on the figures' measure words).
//! `tests/architecture.rs` fails on any import circle between files or from a lower layer to
//! a higher one.
//!
//! Pure functions over text and [`crate::model`] types: no SQL, no egui. Extraction is a
//! hand-written scanner (tokens → sentences → number expressions → context) so it stays fast
//! on large corpora and needs no model downloads.

pub mod agreement;
pub mod conflicts;
pub mod figures;
pub mod quotes;
pub mod reuse;
pub mod stories;
pub mod tagging;
pub(crate) mod text;
pub mod time;
pub mod timeline;
pub mod versions;

pub use conflicts::{
    ConflictOptions, ConflictSuggestion, Coverage, MAX_FIGURES, SuggestedFigure, confirm_edit,
    is_covered, suggest_conflicts, suggest_conflicts_by_story, suggest_conflicts_with,
    suggestion_coverage,
};
pub use figures::{
    Figure, FigureOptions, MANY_VALUES, Measure, MeasureSummary, Scope, ScopeKind, article_figures,
    extract_figures, fmt_amount, fmt_grouped, fmt_number, group_digits, summarize_measures,
};
pub use reuse::{Class, Reuse, find_reuse};
pub use stories::{Story, StoryOptions, group_stories, group_stories_with};
pub use tagging::{category_named, covering_claim};
pub use time::{Precision, TimeExpr, TimeKind, When, article_anchor, find_times};
