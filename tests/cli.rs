//! The `crosscheck` commands that read folders and print: none of these tests holds a project open in this process.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

#[path = "cli_basic.rs"]
mod basic;
#[path = "cli_figures.rs"]
mod figures;
#[path = "cli_quotes.rs"]
mod quotes;
#[path = "cli_reuse.rs"]
mod reuse;
#[path = "cli_stories.rs"]
mod stories;
#[path = "cli_timeline.rs"]
mod timeline;
