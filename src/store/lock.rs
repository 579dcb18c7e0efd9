//! One writer per project file: an exclusive advisory lock on a hidden sidecar file
//! (`.NAME.lock` beside `NAME`).
//!
//! Why a sidecar and not the database file itself: SQLite keeps POSIX record locks on the
//! database, and closing *any* descriptor of that file in the process drops them; on Windows a
//! lock on the file itself would block SQLite's own reads; on BSD-family systems `flock` and
//! `fcntl` locks may interact. A separate file avoids all three. The sidecar is never deleted
//! (deleting it would let two processes lock two different inodes of the same name); the OS
//! releases the lock when the process ends, so a crash leaves no stale lock.

use super::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    /// This lock created the sidecar (it did not exist before).
    created: bool,
}

impl FileLock {
    /// Releases the lock and deletes the sidecar if this lock created it: used when the file
    /// turned out not to be a project, so no lock file is left beside someone else's file.
    pub fn remove_if_created(self, path: &Path) {
        let created = self.created;
        drop(self);
        if created {
            let _ = std::fs::remove_file(lock_path(path));
        }
    }
}

/// The sidecar lock file of `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock for `path`. `Ok(None)` when the sidecar can neither be created nor opened
/// (a read-only folder without one): then no one can write the project anyway.
pub fn acquire(path: &Path) -> Result<Option<FileLock>, StoreError> {
    let lock = lock_path(path);
    let (file, created) = match OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&lock)
    {
        Ok(f) => (f, true),
        Err(_) => match OpenOptions::new().read(true).write(true).open(&lock) {
            Ok(f) => (f, false),
            Err(_) => match File::open(&lock) {
                Ok(f) => (f, false),
                Err(_) => return Ok(None),
            },
        },
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(FileLock {
            _file: file,
            created,
        })),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_owned(),
        }),
        Err(TryLockError::Error(e)) => Err(StoreError::io(lock, e)),
    }
}

/// True when another open [`FileLock`] (in this process or another) holds `path`.
pub fn is_locked(path: &Path) -> bool {
    matches!(acquire(path), Err(StoreError::Locked { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_file_fails_until_the_first_is_dropped() {
        let _quiet = crate::store::fsutil::no_spawning();
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.crosscheck");
        let first = acquire(&path).expect("first").expect("lock held");
        assert!(matches!(acquire(&path), Err(StoreError::Locked { .. })));
        assert!(is_locked(&path));
        drop(first);
        assert!(acquire(&path).expect("free again").is_some());
        assert_eq!(lock_path(&path), dir.path().join(".p.crosscheck.lock"));
    }
}
