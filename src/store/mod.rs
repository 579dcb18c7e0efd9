//! The project file: one SQLite database holding a whole [`crate::model::Project`]
//! (GUIDE.md §1, docs/schema.md).
//!
//! - [`Store`] is an open file: [`Store::create`], [`Store::open`] (checks, upgrades, loads),
//!   [`Store::apply`] (one edit, one transaction), [`Store::save_as`].
//! - [`schema`] holds the tables and the append-only migrations keyed by `user_version`.
//! - [`pg`] is a shared project on PostgreSQL: push, pull, and a window's session with its
//!   local copy ([`OutboxEntry`]: own edits waiting for the server).
//! - [`DataDir`] is Crosscheck's own folder: recovery files and recent projects, and the
//!   start-up [`DataDir::sweep`] of what a killed window left behind, and the researcher's
//!   [`Preferences`] (their name, recorded on every claim and link they make).
//!
//! Durability: while open, write-ahead log with `synchronous=FULL` (a commit that returned is
//! on disk, at one fsync per edit); on close the log is folded back and the file returns to
//! rollback-journal mode, so a closed project is one self-contained file. Files are created and copied under a
//! temporary name and renamed into place, so a half-written project never appears. A file
//! that is not ours, too new or damaged is refused and never written.

mod datadir;
mod error;
mod file;
mod fsutil;
mod lock;
mod outbox;
pub mod pg;
mod prefs;
mod read;
pub mod schema;
mod write;

pub use datadir::{
    DATA_DIR_ENV, DataDir, EXTENSION, RECENT_LIMIT, RecentProject, Recoverable, SaveMark, Sweep,
};
pub use error::StoreError;
pub use file::{META_APP_VERSION, META_CREATED_AT, META_SOURCE_FOLDER, Store};
pub use lock::lock_path;
pub use outbox::{OutboxChange, OutboxEntry};
pub use prefs::Preferences;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
