//! The SQLite project file: round trips, migrations, bad and damaged files, public tables.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod store_support;

#[path = "store_bad_files.rs"]
mod bad_files;
#[path = "store_migrate.rs"]
mod migrate;
#[path = "store_public_tables.rs"]
mod public_tables;
#[path = "store_refresh.rs"]
mod refresh;
#[path = "store_roundtrip.rs"]
mod roundtrip;
