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

/// The process id in a name [`temp_beside`] made: `.NAME.tmp-PID-N`, or SQLite's
/// `-journal`, `-wal` or `-shm` companion of one. `None` for every other name.
pub fn temp_owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?;
    let rest = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|s| rest.strip_suffix(s))
        .unwrap_or(rest);
    let (base, tail) = rest.rsplit_once(".tmp-")?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (!base.is_empty() && digits(pid) && digits(n))
        .then(|| pid.parse().ok())
        .flatten()
}

/// True unless the process `pid` is known to have ended. Where that cannot be told (no
/// `/proc`), every process counts as alive, so nothing in use is ever removed.
pub fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return true;
    }
    proc_root.join(pid.to_string()).exists()
}

/// True when the first bytes are what a temporary file of ours holds at any moment: nothing
/// yet, an SQLite database (ours or not yet stamped), SQLite's journal or log, or JSON (the
/// recent list).
fn holds_our_bytes(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 72];
    let Ok(mut f) = File::open(path) else {
        return false;
    };
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return false,
        }
    }
    let head = &head[..n];
    if head.is_empty() {
        return true;
    }
    if let Some(rest) = head.strip_prefix(b"SQLite format 3\0") {
        // application_id sits at byte 68 of the header: ours, or not written yet.
        return rest.len() < 56 || matches!(&head[68..72], b"XChk" | [0, 0, 0, 0]);
    }
    const JOURNAL: &[u8] = &[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
    const WAL: [&[u8]; 2] = [&[0x37, 0x7f, 0x06, 0x82], &[0x37, 0x7f, 0x06, 0x83]];
    head.starts_with(JOURNAL) || WAL.iter().any(|m| head.starts_with(m)) || head[0] == b'{'
}

/// Removes the temporary files [`temp_beside`] left in `dir` when their process was killed:
/// only names of that exact form, whose process has ended, holding what such a file holds.
/// Returns what was removed; anything that cannot be read or removed is left alone.
pub fn remove_stale_temps(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let path = entry.path();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file
            && !process_alive(pid)
            && holds_our_bytes(&path)
            && fs::remove_file(&path).is_ok()
        {
            removed.push(path);
        }
    }
    removed.sort();
    removed
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

/// Held while a test spawns a process. A child shares its parent's open files until it
/// execs, and with them any `flock` taken on them, so a test that drops a lock and checks
/// that it is free holds this too: otherwise another test's spawn can keep the lock alive
/// for a moment and the check fails now and then under load.
#[cfg(test)]
pub(crate) fn no_spawning() -> std::sync::MutexGuard<'static, ()> {
    static SPAWNING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SPAWNING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A process id that is not running (for tests): a child that has exited and been reaped.
#[cfg(test)]
pub(crate) fn dead_pid() -> u32 {
    let _spawning = no_spawning();
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("spawn true");
    let pid = child.id();
    child.wait().expect("reap");
    pid
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
    fn temporary_names_are_recognised_exactly() {
        assert_eq!(temp_owner(".p.crosscheck.tmp-4242-0"), Some(4242));
        assert_eq!(temp_owner(".a.b.tmp-1.tmp-7-12-journal"), Some(7));
        assert_eq!(temp_owner(".recent.json.tmp-99-3"), Some(99));
        for other in [
            "p.crosscheck.tmp-4242-0",
            ".p.crosscheck.lock",
            ".p.tmp-x-1",
            ".p.tmp-12-",
            ".tmp-12-1",
            ".p.tmp-12-1.bak",
        ] {
            assert_eq!(temp_owner(other), None, "{other}");
        }
    }

    #[test]
    fn only_our_leftovers_of_ended_processes_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dead = dead_pid();
        let d = dir.path();
        let write = |name: &str, bytes: &[u8]| {
            fs::write(d.join(name), bytes).expect("write");
            d.join(name)
        };
        let mut sqlite = b"SQLite format 3\0".to_vec();
        sqlite.resize(100, 0);
        sqlite[68..72].copy_from_slice(b"XChk");
        let stale_db = write(&format!(".p.crosscheck.tmp-{dead}-0"), &sqlite);
        let stale_empty = write(&format!(".q.crosscheck.tmp-{dead}-1"), b"");
        let stale_journal = write(
            &format!(".p.crosscheck.tmp-{dead}-0-journal"),
            &[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0],
        );
        let live = write(
            &format!(".p.crosscheck.tmp-{}-5", std::process::id()),
            &sqlite,
        );
        let mut foreign_db = sqlite.clone();
        foreign_db[68..72].copy_from_slice(b"ABCD");
        let not_ours = write(&format!(".r.db.tmp-{dead}-0"), &foreign_db);
        let user_notes = write(&format!(".notes.txt.tmp-{dead}-0"), b"my notes");
        let plain = write("p.crosscheck", &sqlite);
        fs::create_dir(d.join(format!(".dir.tmp-{dead}-0"))).expect("mkdir");
        let removed = remove_stale_temps(d);
        let mut expected = vec![stale_db, stale_empty, stale_journal];
        expected.sort();
        assert_eq!(removed, expected);
        for kept in [live, not_ours, user_notes, plain] {
            assert!(kept.exists(), "{} kept", kept.display());
        }
        assert!(d.join(format!(".dir.tmp-{dead}-0")).is_dir());
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
