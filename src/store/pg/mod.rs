//! A shared project on PostgreSQL (issue 26): the same public tables as the SQLite file, plus
//! an `edits` log, so a newsroom's researchers work on one project and see each other's
//! edits as they are made (docs/schema.md, "A shared project on PostgreSQL").
//!
//! - [`PgStore`] is one connection: [`PgStore::push`] copies a project into a database,
//!   [`PgStore::load`] reads it back (`crosscheck pull`).
//! - [`SharedSession`] is a window's side of a shared project: own edits go to a local cache
//!   file (an SQLite project plus an outbox) and on to the server, each applied to the public
//!   tables and appended to the log in one transaction followed by `NOTIFY crosscheck`; a
//!   background thread ([`listen`]) LISTENs and wakes the window when others' edits arrive,
//!   and reconnects when the server was away. Work done while it was away is sent when it
//!   returns, merged onto what others did meanwhile (see [`session`]).
//!
//! The blocking `postgres` client is used (no async runtime in the app); the listener thread
//! is the only thread that waits on the network without a timeout of its own.

mod error;
mod listen;
mod read;
mod schema;
mod session;
mod store;
mod write;

pub use error::PgError;
pub use listen::Wake;
pub use schema::{LOCK_KEY, NOTIFY_CHANNEL, PG_SCHEMA_VERSION};
pub use session::{SharedSession, SharedStatus, SyncReport};
pub use store::{PgStore, ServerProject, is_postgres_url, local_copy_name, redact_url};
