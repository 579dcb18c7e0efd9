//! Analysis on written fixtures and real events: figures, conflicts, ranking, stories, quotes, timeline.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod quote_support;

#[path = "analysis_conflicts.rs"]
mod conflicts;
#[path = "analysis_figures.rs"]
mod figures;
#[path = "figures_ages.rs"]
mod figures_ages;
#[path = "figures_clauses.rs"]
mod figures_clauses;
#[path = "figures_forms.rs"]
mod figures_forms;
#[path = "figures_numbers.rs"]
mod figures_numbers;
#[path = "figures_structure.rs"]
mod figures_structure;
#[path = "figures_terms.rs"]
mod figures_terms;
#[path = "analysis_meaning.rs"]
mod meaning;
#[path = "analysis_quality.rs"]
mod quality;
#[path = "analysis_quote_roles.rs"]
mod quote_roles;
#[path = "analysis_quote_speakers.rs"]
mod quote_speakers;
#[path = "analysis_quote_styles.rs"]
mod quote_styles;
#[path = "analysis_quotes.rs"]
mod quotes;
#[path = "analysis_ranking.rs"]
mod ranking;
#[path = "analysis_reanchor.rs"]
mod reanchor;
#[path = "analysis_stories.rs"]
mod stories;
#[path = "analysis_timeline.rs"]
mod timeline;
