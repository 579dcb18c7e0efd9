//! The `crosscheck` commands run on projects these tests also hold open in this process; they run one
//! at a time (`process_support`), as a child forked by one would hold another's project lock.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod process_support;

#[path = "cli_agreement.rs"]
mod agreement;
#[path = "cli_closed_pipe.rs"]
mod closed_pipe;
#[path = "cli_merge.rs"]
mod merge;
#[path = "cli_refresh.rs"]
mod refresh;
#[path = "cli_report.rs"]
mod report;
#[path = "cli_store.rs"]
mod store;
