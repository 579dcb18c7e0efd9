//! [`StoreError`]: everything that can go wrong with a project file, each naming the file and
//! saying what the user can do about it.

use std::path::PathBuf;

/// Why a project file could not be created, opened, written or copied. Every variant names the
/// file; the message is meant to be shown to the user as it is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no such file; check the path, or pick it again from Open Project")]
    Missing { path: PathBuf },

    #[error("{path} already exists; choose another name (it was left untouched)")]
    Exists { path: PathBuf },

    #[error("{path} is not a Crosscheck project ({why}); it was left untouched")]
    NotAProject { path: PathBuf, why: String },

    #[error(
        "{path} was written by a newer Crosscheck (schema version {found}, this version reads up \
         to {supported}); update Crosscheck to open it (the file was left untouched)"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "{path} is damaged ({detail}); it was left untouched; open a backup copy, or ask for \
         help recovering it"
    )]
    Damaged { path: PathBuf, detail: String },

    #[error(
        "{path} is already open in another Crosscheck window; switch to that window, or close \
         it and try again"
    )]
    Locked { path: PathBuf },

    #[error(
        "{path} is read-only, so changes cannot be saved to it; use Save As to keep working on \
         a copy"
    )]
    ReadOnly { path: PathBuf },

    #[error("{path} is the project already open here; choose another name")]
    SameFile { path: PathBuf },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: the database reported an error: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error(
        "no folder for Crosscheck's own data could be found; set CROSSCHECK_DATA_DIR to a \
         writable folder"
    )]
    NoDataDir,
}

impl StoreError {
    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            StoreError::Missing { path }
            | StoreError::Exists { path }
            | StoreError::NotAProject { path, .. }
            | StoreError::TooNew { path, .. }
            | StoreError::Damaged { path, .. }
            | StoreError::Locked { path }
            | StoreError::ReadOnly { path }
            | StoreError::SameFile { path }
            | StoreError::Io { path, .. }
            | StoreError::Sqlite { path, .. } => Some(path),
            StoreError::NoDataDir => None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// Classifies an SQLite error: corruption becomes [`StoreError::Damaged`], a file that is
    /// not a database becomes [`StoreError::NotAProject`], anything else stays an SQLite error.
    pub(crate) fn sql(path: impl Into<PathBuf>, source: rusqlite::Error) -> StoreError {
        let path = path.into();
        match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
                path,
                detail: source.to_string(),
            },
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAProject {
                path,
                why: "not an SQLite database".into(),
            },
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            _ => StoreError::Sqlite { path, source },
        }
    }
}
