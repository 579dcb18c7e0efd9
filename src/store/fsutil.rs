//! File-system steps that make writes crash-safe: temporary names beside a target, fsync of a
//! file and of its folder, and publishing a finished file under its final name.

use super::StoreError;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh name beside `target` for building a file that is renamed into place when complete.
/// Hidden, and unique per process and call, so concurrent saves never share one.
pub fn temp_beside(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Removes a temporary file (and a journal SQLite may have left beside it) unless disarmed.
pub struct TempGuard {
    path: Option<PathBuf>,
}

impl TempGuard {
    pub fn new(path: PathBuf) -> TempGuard {
        TempGuard { path: Some(path) }
    }

    pub fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// The file was published; keep it.
    pub fn disarm(&mut self) {
        self.path = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let _ = fs::remove_file(&p);
            let mut journal = p.into_os_string();
            journal.push("-journal");
            let _ = fs::remove_file(journal);
        }
    }
}

/// Flushes a finished file to disk.
pub fn sync_file(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(path, e))
}

/// Flushes a folder, so a rename inside it survives a power cut. Windows cannot open folders
/// as files; NTFS journals renames itself.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The folder holding `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Gives the finished file `tmp` the name `target`, then syncs the folder.
///
/// With `replace` false an existing `target` is never touched: a hard link fails when the
/// name is taken, atomically; where hard links are unsupported, a check-then-rename is used.
pub fn publish(tmp: &Path, target: &Path, replace: bool) -> Result<(), StoreError> {
    if replace {
        fs::rename(tmp, target).map_err(|e| StoreError::io(target, e))?;
    } else {
        match fs::hard_link(tmp, target) {
            Ok(()) => {
                let _ = fs::remove_file(tmp);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists {
                    path: target.to_owned(),
                });
            }
            Err(_) => {
                if fs::symlink_metadata(target).is_ok() {
                    return Err(StoreError::Exists {
                        path: target.to_owned(),
                    });
                }
                fs::rename(tmp, target).map_err(|e| StoreError::io(target, e))?;
            }
        }
    }
    sync_dir(parent_of(target))
}

/// True when the folder holding `path` accepts new files (SQLite's rollback journal is
/// created beside the database on every write). Permission bits are honoured even for users,
/// such as root, whom the system would let write anyway: the user marked it read-only.
pub fn folder_writable(path: &Path) -> bool {
    let dir = parent_of(path);
    if fs::metadata(dir).map_or(true, |m| m.permissions().readonly()) {
        return false;
    }
    let probe = temp_beside(path);
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// Current time as an ISO 8601 UTC timestamp, second precision.
pub fn now_iso8601() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso8601_from_unix(secs)
}

/// Formats seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, UTC).
pub fn iso8601_from_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_iso_8601() {
        assert_eq!(iso8601_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601_from_unix(1_767_225_599), "2025-12-31T23:59:59Z");
    }

    #[test]
    fn publishing_without_replace_never_touches_an_existing_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("p.crosscheck");
        fs::write(&target, b"someone else's").expect("write");
        let tmp = temp_beside(&target);
        fs::write(&tmp, b"ours").expect("write");
        assert!(matches!(
            publish(&tmp, &target, false),
            Err(StoreError::Exists { .. })
        ));
        assert_eq!(fs::read(&target).expect("read"), b"someone else's");
        publish(&tmp, &target, true).expect("replace");
        assert_eq!(fs::read(&target).expect("read"), b"ours");
        assert!(!tmp.exists());
    }
}
