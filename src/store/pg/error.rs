//! [`PgError`]: what can go wrong with a shared project on PostgreSQL, each message naming
//! the server (its address without the password) and what to do.

use super::super::StoreError;

/// Why a shared project could not be pushed, pulled, opened or written.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("{url} is not a PostgreSQL address ({why}); write it as postgres://USER@HOST/DATABASE")]
    BadUrl { url: String, why: String },

    #[error(
        "cannot reach the PostgreSQL server at {url} ({why}); check the address, that the \
         server is running and that it accepts your role"
    )]
    Connect { url: String, why: String },

    #[error("{url}: the server reported an error: {detail}")]
    Sql { url: String, detail: String },

    #[error(
        "{url} already holds {what}; nothing was changed. Open it with `crosscheck {url}`, or \
         pass --replace to overwrite it (everything in it is lost)"
    )]
    HoldsProject { url: String, what: String },

    #[error(
        "{url} holds tables that are not a Crosscheck project's ({tables}); nothing was \
         changed. Use an empty database (createdb crosscheck)"
    )]
    Foreign { url: String, tables: String },

    #[error(
        "{url} holds no Crosscheck project; put one there with `crosscheck push PROJECT {url}`"
    )]
    Empty { url: String },

    #[error(
        "{url} holds a project of a newer Crosscheck (schema version {found}, this version \
         reads up to {supported}); update Crosscheck to open it"
    )]
    TooNew {
        url: String,
        found: i64,
        supported: i64,
    },

    #[error(
        "{url}: the database's encoding is {encoding}, but Crosscheck needs UTF8; create it \
         with `createdb -E UTF8 --template template0 NAME`"
    )]
    Encoding { url: String, encoding: String },

    #[error("{url} is damaged ({detail}); nothing was changed")]
    Damaged { url: String, detail: String },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PgError {
    /// An error the server reported, kept as text (with the server's detail) for the user.
    pub(super) fn sql(url: &str, e: postgres::Error) -> PgError {
        let detail = match e.as_db_error() {
            Some(db) => match db.detail() {
                Some(d) => format!("{} ({d})", db.message()),
                None => db.message().to_owned(),
            },
            None => describe(&e),
        };
        PgError::Sql {
            url: url.to_owned(),
            detail,
        }
    }
}

/// The error and every cause under it, in one line ("error connecting to server: Connection
/// refused"): the client's own message alone rarely says what went wrong.
pub(super) fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        cause = c.source();
    }
    text
}

/// True when `e` means the connection is gone (server stopped, network down) rather than
/// that the server refused what was sent: the work then waits for the server to return.
pub(super) fn connection_lost(e: &postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    match e.code() {
        // Class 08: connection exception; class 57: operator intervention (shutdown).
        Some(code) => code.code().starts_with("08") || code.code().starts_with("57"),
        None => e.as_db_error().is_none(),
    }
}
