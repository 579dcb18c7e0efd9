//! The window, driven as a user drives it (egui_kittest).
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod ui_support;

#[path = "ui_agreement.rs"]
mod agreement;
#[path = "ui_article_details.rs"]
mod article_details;
#[path = "ui_authors.rs"]
mod authors;
#[path = "ui_figures.rs"]
mod figures;
#[path = "ui_figures_stories.rs"]
mod figures_stories;
#[path = "ui_first_hour.rs"]
mod first_hour;
#[path = "ui_linking.rs"]
mod linking;
#[path = "ui_merge.rs"]
mod merge;
#[path = "ui_project.rs"]
mod project;
#[path = "ui_quotes.rs"]
mod quotes;
#[path = "ui_reading.rs"]
mod reading;
#[path = "ui_refresh.rs"]
mod refresh;
#[path = "ui_rough_edges.rs"]
mod rough_edges;
#[path = "ui_sources.rs"]
mod sources;
#[path = "ui_stories.rs"]
mod stories;
#[path = "ui_story_views.rs"]
mod story_views;
#[path = "ui_tagging.rs"]
mod tagging;
#[path = "ui_timeline.rs"]
mod timeline;
