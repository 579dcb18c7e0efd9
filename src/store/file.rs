//! [`Store`]: an open project file. Creating, opening (with every check a foreign or damaged
//! file must fail), writing edits, and Save As.

use super::fsutil::{self, TempGuard};
use super::lock::{self, FileLock};
use super::schema::{self, APPLICATION_ID, SCHEMA_VERSION};
use super::{StoreError, read, write};
use crate::model::{Edit, Layout, Project};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `meta` key: when the project was created (ISO 8601, UTC).
pub const META_CREATED_AT: &str = "created_at";
/// `meta` key: the Crosscheck version that created the file.
pub const META_APP_VERSION: &str = "app_version";
/// `meta` key: the folder the articles were imported from, as the user gave it.
pub const META_SOURCE_FOLDER: &str = "source_folder";

/// An open project file. Holds the file's lock for as long as it lives, so no second
/// [`Store`] (in this process or another) can write the same file.
///
/// Do not open the project file with `std::fs` (or anything but SQLite) in this process
/// while a `Store` has it open: closing that descriptor would silently drop the locks SQLite
/// holds on the file. Field order matters: the connection closes before the lock is released.
#[derive(Debug)]
pub struct Store {
    pub(super) conn: Connection,
    _lock: Option<FileLock>,
    path: PathBuf,
    read_only: bool,
    /// The schema version of the file on disk.
    version: i64,
}

impl Store {
    /// Creates a new project file at `path` holding `project`. Refuses when `path` exists.
    ///
    /// The file is built under a temporary name beside `path` in one transaction and renamed
    /// into place when complete, so a half-written project never appears under `path`.
    pub fn create(path: &Path, project: &Project) -> Result<Store, StoreError> {
        Store::create_impl(path, project, false)
    }

    /// Like [`Store::create`], but atomically replaces an existing file at `path` (for
    /// `--force`, after the user confirmed). A file open in another window is still refused.
    pub fn create_replacing(path: &Path, project: &Project) -> Result<Store, StoreError> {
        Store::create_impl(path, project, true)
    }

    fn create_impl(path: &Path, project: &Project, replace: bool) -> Result<Store, StoreError> {
        let exists = fs::symlink_metadata(path).ok();
        match exists {
            Some(m) if m.is_dir() => return Err(is_a_folder(path)),
            Some(_) if !replace => {
                return Err(StoreError::Exists {
                    path: path.to_owned(),
                });
            }
            _ => {}
        }
        let lock = lock::acquire(path)?;
        let tmp = TempGuard::new(fsutil::temp_beside(path));
        {
            let mut conn = Connection::open_with_flags(
                tmp.path(),
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| StoreError::sql(path, e))?;
            configure_at_rest(&conn).map_err(|e| StoreError::sql(path, e))?;
            // A fresh file needs no step-by-step migration: all steps and the data go in one
            // transaction, so the temporary file is either empty or complete.
            let tx = conn.transaction().map_err(|e| StoreError::sql(path, e))?;
            let fill = || -> rusqlite::Result<()> {
                for step in schema::MIGRATIONS {
                    tx.execute_batch(step)?;
                }
                tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
                write::set_meta(&tx, META_CREATED_AT, &fsutil::now_iso8601())?;
                write::set_meta(
                    &tx,
                    META_APP_VERSION,
                    concat!("crosscheck ", env!("CARGO_PKG_VERSION")),
                )?;
                write::write_project(&tx, project)
            };
            fill().map_err(|e| StoreError::sql(path, e))?;
            tx.commit().map_err(|e| StoreError::sql(path, e))?;
            conn.close().map_err(|(_, e)| StoreError::sql(path, e))?;
        }
        fsutil::sync_file(tmp.path())?;
        let mut tmp = tmp;
        fsutil::publish(tmp.path(), path, replace)?;
        tmp.disarm();
        let conn = open_connection(path, true)?;
        configure(&conn).map_err(|e| StoreError::sql(path, e))?;
        Ok(Store {
            conn,
            _lock: lock,
            path: path.to_owned(),
            read_only: false,
            version: SCHEMA_VERSION,
        })
    }

    /// Opens a project file for editing: checks it is a Crosscheck project in good health,
    /// upgrades an older schema, and loads it. Takes the file's lock
    /// ([`StoreError::Locked`] when another window has it).
    ///
    /// A file or folder that cannot be written is opened read-only ([`Store::is_read_only`]);
    /// an older schema is then upgraded in memory only. Bad files are refused untouched.
    pub fn open(path: &Path) -> Result<(Store, Project), StoreError> {
        Store::open_impl(path, true)
    }

    /// Opens a project file for reading only, without taking its lock (so it works while the
    /// project is open in a window) and without ever writing to it.
    pub fn open_read_only(path: &Path) -> Result<(Store, Project), StoreError> {
        Store::open_impl(path, false)
    }

    fn open_impl(path: &Path, for_writing: bool) -> Result<(Store, Project), StoreError> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing {
                    path: path.to_owned(),
                });
            }
            Err(e) => return Err(StoreError::io(path, e)),
        };
        if meta.is_dir() {
            return Err(is_a_folder(path));
        }
        if meta.len() == 0 {
            return Err(StoreError::NotAProject {
                path: path.to_owned(),
                why: "the file is empty".into(),
            });
        }
        // The lock comes before SQLite touches the file, and no other descriptor of the
        // database is ever opened here: closing one would drop SQLite's POSIX locks.
        let lock = if for_writing {
            lock::acquire(path)?
        } else {
            None
        };
        match Store::open_checked(path, lock, for_writing, meta.permissions().readonly()) {
            Ok(opened) => Ok(opened),
            Err((lock, e)) => {
                if let (Some(lock), StoreError::NotAProject { .. }) = (lock, &e) {
                    lock.remove_if_created(path);
                }
                Err(e)
            }
        }
    }

    #[allow(clippy::result_large_err)]
    fn open_checked(
        path: &Path,
        lock: Option<FileLock>,
        for_writing: bool,
        marked_read_only: bool,
    ) -> Result<(Store, Project), (Option<FileLock>, StoreError)> {
        let mut writable =
            for_writing && lock.is_some() && !marked_read_only && fsutil::folder_writable(path);
        let opened = match open_connection(path, writable) {
            Ok(c) => Ok(c),
            Err(_) if writable => {
                writable = false;
                open_connection(path, false)
            }
            Err(e) => Err(e),
        };
        let mut conn = match opened {
            Ok(c) => c,
            Err(e) => return Err((lock, e)),
        };
        let sql = |e| StoreError::sql(path, e);
        let result = (|| {
            if writable && conn.is_readonly("main").map_err(sql)? {
                writable = false;
            }
            conn.pragma_update(None, "foreign_keys", true)
                .map_err(sql)?;
            let version = verify(&conn, path)?;
            if writable {
                configure(&conn).map_err(sql)?;
                schema::migrate(&mut conn).map_err(sql)?;
            } else if version < SCHEMA_VERSION {
                conn = copy_to_memory(&conn).map_err(sql)?;
                schema::migrate(&mut conn).map_err(sql)?;
            }
            let project = read::load(&conn, path)?;
            Ok((version, project))
        })();
        match result {
            Ok((version, project)) => Ok((
                Store {
                    conn,
                    _lock: lock,
                    path: path.to_owned(),
                    read_only: !writable,
                    version: if writable { SCHEMA_VERSION } else { version },
                },
                project,
            )),
            Err(e) => {
                drop(conn);
                Err((lock, e))
            }
        }
    }

    /// Writes one edit (a [`Edit::Batch`] as a whole) in one transaction. The edit reaches
    /// the disk before this returns.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), StoreError> {
        self.write(|conn| write::apply(conn, edit))
    }

    /// Stores which articles are open in which columns.
    pub fn save_layout(&mut self, layout: &Layout) -> Result<(), StoreError> {
        self.write(|conn| write::write_layout(conn, layout))
    }

    /// Sets a `meta` value (see the `META_*` keys).
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(|conn| write::set_meta(conn, key, value))
    }

    /// Reads a `meta` value.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        write::meta(&self.conn, key).map_err(|e| StoreError::sql(&self.path, e))
    }

    pub(super) fn write(
        &mut self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sql(path, e))?;
        f(&tx).map_err(|e| StoreError::sql(path, e))?;
        tx.commit().map_err(|e| StoreError::sql(path, e))
    }

    /// Writes a complete copy of the project to `target` and returns it open (with its lock);
    /// this store stays open on the old file. The copy is built under a temporary name
    /// beside `target`, flushed, then renamed over it, so `target` is never half-written.
    pub fn save_as(&self, target: &Path) -> Result<Store, StoreError> {
        if same_file(&self.path, target) {
            return Err(StoreError::SameFile {
                path: target.to_owned(),
            });
        }
        if fs::metadata(target).is_ok_and(|m| m.is_dir()) {
            return Err(is_a_folder(target));
        }
        let lock = lock::acquire(target)?;
        let mut tmp = TempGuard::new(fsutil::temp_beside(target));
        let sql = |e| StoreError::sql(target, e);
        match tmp.path().to_str() {
            Some(name) => self
                .conn
                .execute("VACUUM INTO ?1", [name])
                .map(drop)
                .map_err(sql)?,
            None => self.conn.backup("main", tmp.path(), None).map_err(sql)?,
        }
        fsutil::sync_file(tmp.path())?;
        fsutil::publish(tmp.path(), target, true)?;
        tmp.disarm();
        let conn = open_connection(target, true)?;
        configure(&conn).map_err(sql)?;
        Ok(Store {
            conn,
            _lock: lock,
            path: target.to_owned(),
            read_only: false,
            version: SCHEMA_VERSION,
        })
    }

    /// The project file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when edits cannot be saved to this file (see [`StoreError::ReadOnly`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The schema version of the file on disk (older than [`SCHEMA_VERSION`] only for a
    /// read-only file that could not be upgraded).
    pub fn schema_version(&self) -> i64 {
        self.version
    }

    /// Runs SQLite's full `PRAGMA integrity_check`; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        integrity(&self.conn, &self.path, "integrity_check")
    }
}

fn is_a_folder(path: &Path) -> StoreError {
    StoreError::NotAProject {
        path: path.to_owned(),
        why: "it is a folder; open a folder of articles with Open Folder instead".into(),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn open_connection(path: &Path, writable: bool) -> Result<Connection, StoreError> {
    let mode = if writable {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    };
    let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| StoreError::sql(path, e))?;
    // Another tool reading the file holds a shared lock for a moment; wait rather than fail.
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(|e| StoreError::sql(path, e))?;
    Ok(conn)
}

/// Settings for a connection that writes: write-ahead log with full sync. A commit then
/// costs one fsync of the log (rollback journal needs three or four, which misses the 5 ms
/// budget on a busy disk), and a commit that returned is on disk. The log files beside the
/// project exist only while it is open: [`Store`]'s `Drop` folds them back (see
/// [`configure_at_rest`]). Where WAL is unavailable SQLite keeps the rollback journal.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    Ok(())
}

/// The form a project file has when no window has it open: rollback journal, so it is one
/// self-contained file that any SQLite tool can read, even from read-only media.
fn configure_at_rest(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    Ok(())
}

impl Drop for Store {
    /// Checkpoints the write-ahead log into the file and returns it to rollback-journal mode,
    /// so no `-wal`/`-shm` files stay beside a closed project. If another program is reading
    /// the file just then, this is skipped; the log is kept and folded in on the next open.
    fn drop(&mut self) {
        if self.read_only {
            return;
        }
        let _ = self.conn.busy_timeout(Duration::from_millis(200));
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        let _ = configure_at_rest(&self.conn);
    }
}

/// Refuses files of other applications and of newer schema versions.
fn check_identity(path: &Path, application_id: i32, user_version: i64) -> Result<(), StoreError> {
    if application_id != APPLICATION_ID {
        return Err(StoreError::NotAProject {
            path: path.to_owned(),
            why: if application_id == 0 {
                "it is an SQLite database, but not one Crosscheck wrote".into()
            } else {
                format!(
                    "it is an SQLite database of another application (application_id {:#010x})",
                    application_id
                )
            },
        });
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Checks identity and version, then health and tables. Returns the schema version. Reads
/// only: a file refused here is left exactly as it was.
fn verify(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let sql = |e| StoreError::sql(path, e);
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql)?;
    let user_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    check_identity(path, application_id, user_version)?;
    integrity(conn, path, "quick_check")?;
    let missing = schema::missing_tables(conn).map_err(sql)?;
    if !missing.is_empty() {
        return Err(StoreError::NotAProject {
            path: path.to_owned(),
            why: format!("it lacks the tables {}", missing.join(", ")),
        });
    }
    Ok(user_version)
}

/// Runs `PRAGMA quick_check` or `integrity_check`; any answer but "ok" means damage.
fn integrity(conn: &Connection, path: &Path, pragma: &str) -> Result<(), StoreError> {
    let problems: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}(5)"))
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| StoreError::sql(path, e))?;
    if problems.len() == 1 && problems[0] == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: problems.join("; "),
        })
    }
}

/// A private in-memory copy, for upgrading a file that cannot be written.
fn copy_to_memory(conn: &Connection) -> rusqlite::Result<Connection> {
    let mut mem = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(conn, &mut mem)?.run_to_completion(1024, Duration::ZERO, None)?;
    mem.pragma_update(None, "foreign_keys", true)?;
    Ok(mem)
}
