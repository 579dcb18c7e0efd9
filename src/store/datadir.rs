//! Crosscheck's own data folder: recovery files for untitled projects and the list of recent
//! projects.
//!
//! The folder is `$CROSSCHECK_DATA_DIR` when set (tests and CI use it), else the platform's
//! data folder for "crosscheck" (`~/.local/share/crosscheck` on Linux). Functions take a
//! [`DataDir`] rather than reading the environment each time, so tests run side by side.

use super::file::{META_SOURCE_FOLDER, Store};
use super::{StoreError, fsutil, lock};
use crate::model::Project;
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "CROSSCHECK_DATA_DIR";

/// How many recent projects are remembered.
pub const RECENT_LIMIT: usize = 12;

/// Extension of project files written by Crosscheck.
pub const EXTENSION: &str = "crosscheck";

/// Crosscheck's data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

/// A recovery file left by a window that did not close normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recoverable {
    pub path: PathBuf,
    /// The folder the untitled project was opened from, when recorded.
    pub source_folder: Option<String>,
    pub modified: Option<SystemTime>,
    /// Counts for the "recover?" prompt; `None` when the file could not be read.
    pub articles: Option<usize>,
    pub claims: Option<usize>,
    pub links: Option<usize>,
    /// Suggestions the user dismissed.
    pub dismissed: Option<usize>,
    /// Why the file cannot be opened, when it cannot (it can still be discarded).
    pub problem: Option<String>,
}

/// What [`DataDir::sweep`] removed at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    /// Temporary files of Save As (and of the recent list) whose process was killed.
    pub temporary: Vec<PathBuf>,
    /// Recovery files of untitled projects that held no work (no claims, links or dismissed
    /// suggestions): the folder can simply be opened again.
    pub empty_recovery: Vec<PathBuf>,
}

/// Marks a Save As in progress (see [`DataDir::begin_save`]); removed when dropped.
#[derive(Debug)]
pub struct SaveMark {
    path: PathBuf,
}

impl Drop for SaveMark {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// One entry of the recent-projects list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentProject {
    pub path: PathBuf,
    /// When it was last opened (ISO 8601, UTC).
    pub opened_at: String,
    /// The file is no longer there (shown greyed out, with a Remove action).
    pub missing: bool,
}

#[derive(Serialize, Deserialize, Default)]
struct RecentFile {
    projects: Vec<RecentEntry>,
}

#[derive(Serialize, Deserialize)]
struct RecentEntry {
    path: PathBuf,
    opened_at: String,
}

impl DataDir {
    /// Finds the data folder: `$CROSSCHECK_DATA_DIR`, else the platform's.
    pub fn locate() -> Result<DataDir, StoreError> {
        DataDir::locate_with(std::env::var_os(DATA_DIR_ENV))
    }

    fn locate_with(env: Option<OsString>) -> Result<DataDir, StoreError> {
        match env.filter(|v| !v.is_empty()) {
            Some(dir) => Ok(DataDir::at(dir)),
            None => directories::ProjectDirs::from("", "", "crosscheck")
                .map(|d| DataDir::at(d.data_dir()))
                .ok_or(StoreError::NoDataDir),
        }
    }

    /// A data folder at `root` (created on first write).
    pub fn at(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where recovery files live.
    pub fn recovery_dir(&self) -> PathBuf {
        self.root.join("recovery")
    }

    /// Where [`SaveMark`]s live: one file per Save As in progress, named `PID-N`, holding
    /// the target's path.
    fn saving_dir(&self) -> PathBuf {
        self.root.join("saving")
    }

    /// Notes that a Save As to `target` is starting, so that if this process is killed before
    /// it ends, the next start ([`DataDir::sweep`]) knows where its temporary file is. Keep the
    /// mark until `save_as` returns.
    pub fn begin_save(&self, target: &Path) -> Result<SaveMark, StoreError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = self.saving_dir();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let target = std::path::absolute(target).unwrap_or_else(|_| target.to_owned());
        let path = dir.join(format!(
            "{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::write(&path, target.to_string_lossy().as_bytes())
            .map_err(|e| StoreError::io(&path, e))?;
        Ok(SaveMark { path })
    }

    /// Cleans up after windows that were killed: the temporary files of an interrupted Save
    /// As (in the folders of unfinished saves, of recent projects, and this data folder), and
    /// recovery files of untitled projects that hold no work. Only files of processes that
    /// have ended are touched; anything in use, or not clearly ours, stays. Call it once at
    /// start-up, before [`DataDir::recoverable`].
    pub fn sweep(&self) -> Sweep {
        let mut folders: Vec<PathBuf> = vec![self.root.clone(), self.recovery_dir()];
        if let Ok(marks) = fs::read_dir(self.saving_dir()) {
            for mark in marks.flatten() {
                let name = mark.file_name();
                let pid = name
                    .to_str()
                    .and_then(|n| n.split_once('-'))
                    .and_then(|(pid, _)| pid.parse::<u32>().ok());
                if pid.is_none_or(fsutil::process_alive) {
                    continue;
                }
                if let Ok(target) = fs::read_to_string(mark.path()) {
                    folders.push(fsutil::parent_of(Path::new(&target)).to_owned());
                }
                let _ = fs::remove_file(mark.path());
            }
        }
        folders.extend(
            self.read_recent()
                .projects
                .iter()
                .map(|e| fsutil::parent_of(&e.path).to_owned()),
        );
        folders.sort();
        folders.dedup();
        let mut sweep = Sweep::default();
        for folder in &folders {
            sweep.temporary.extend(fsutil::remove_stale_temps(folder));
        }
        for item in self.recoverable().unwrap_or_default() {
            if item.claims == Some(0) && item.links == Some(0) && item.dismissed == Some(0) {
                let _ = self
                    .discard_recovery(&item.path)
                    .map(|()| sweep.empty_recovery.push(item.path));
            }
        }
        sweep
    }

    fn recent_file(&self) -> PathBuf {
        self.root.join("recent.json")
    }

    /// Creates the recovery file for an untitled project opened from `source_folder`. Keep the
    /// returned store and apply every edit to it; after a successful Save As, drop it and
    /// [`DataDir::discard_recovery`] its path.
    pub fn create_recovery(
        &self,
        project: &Project,
        source_folder: &Path,
    ) -> Result<Store, StoreError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = self.recovery_dir();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let stamp: String = fsutil::now_iso8601()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let name = format!(
            "untitled-{stamp}-{}-{}.{EXTENSION}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut store = Store::create(&dir.join(name), project)?;
        store.set_meta(META_SOURCE_FOLDER, &source_folder.to_string_lossy())?;
        Ok(store)
    }

    /// Recovery files no running window is using, newest first.
    pub fn recoverable(&self) -> Result<Vec<Recoverable>, StoreError> {
        let dir = self.recovery_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&dir, e)),
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let is_project = path.extension().is_some_and(|e| e == EXTENSION)
                && !entry.file_name().to_string_lossy().starts_with('.');
            if !is_project || lock::is_locked(&path) {
                continue;
            }
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            let item = match Store::open_read_only(&path) {
                Ok((store, project)) => Recoverable {
                    source_folder: store.meta(META_SOURCE_FOLDER).ok().flatten(),
                    articles: Some(project.articles().len()),
                    claims: Some(project.claims().len()),
                    links: Some(project.links().len()),
                    dismissed: Some(project.dismissed().len()),
                    problem: None,
                    path,
                    modified,
                },
                Err(e) => Recoverable {
                    path,
                    source_folder: None,
                    modified,
                    articles: None,
                    claims: None,
                    links: None,
                    dismissed: None,
                    problem: Some(e.to_string()),
                },
            };
            found.push(item);
        }
        found.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
        Ok(found)
    }

    /// Deletes a recovery file. Refuses files outside the recovery folder and files a running
    /// window is using.
    pub fn discard_recovery(&self, path: &Path) -> Result<(), StoreError> {
        let inside = path
            .parent()
            .is_some_and(|p| same_dir(p, &self.recovery_dir()));
        if !inside {
            return Err(StoreError::io(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "only files in Crosscheck's recovery folder can be discarded",
                ),
            ));
        }
        // Holding the lock while deleting keeps a window from opening it meanwhile.
        let held = lock::acquire(path)?;
        fs::remove_file(path).map_err(|e| StoreError::io(path, e))?;
        drop(held);
        let _ = fs::remove_file(lock::lock_path(path));
        Ok(())
    }

    /// The recent projects, most recent first. An unreadable list counts as empty: it is only
    /// a convenience, and the next [`DataDir::add_recent`] rewrites it.
    pub fn recent_projects(&self) -> Vec<RecentProject> {
        self.read_recent()
            .projects
            .into_iter()
            .map(|e| RecentProject {
                missing: !e.path.is_file(),
                path: e.path,
                opened_at: e.opened_at,
            })
            .collect()
    }

    /// Puts `path` at the top of the recent list (as an absolute path).
    pub fn add_recent(&self, path: &Path) -> Result<(), StoreError> {
        let path = fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .map_err(|e| StoreError::io(path, e))?;
        let mut list = self.read_recent();
        list.projects.retain(|e| e.path != path);
        list.projects.insert(
            0,
            RecentEntry {
                path,
                opened_at: fsutil::now_iso8601(),
            },
        );
        list.projects.truncate(RECENT_LIMIT);
        self.write_recent(&list)
    }

    /// Removes `path` from the recent list.
    pub fn remove_recent(&self, path: &Path) -> Result<(), StoreError> {
        let mut list = self.read_recent();
        list.projects
            .retain(|e| e.path != path && !same_dir(&e.path, path));
        self.write_recent(&list)
    }

    fn read_recent(&self) -> RecentFile {
        fs::read(self.recent_file())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn write_recent(&self, list: &RecentFile) -> Result<(), StoreError> {
        let file = self.recent_file();
        fs::create_dir_all(&self.root).map_err(|e| StoreError::io(&self.root, e))?;
        let json = serde_json::to_vec_pretty(list).map_err(|e| {
            StoreError::io(
                &file,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        let mut tmp = fsutil::TempGuard::new(fsutil::temp_beside(&file));
        fs::write(tmp.path(), json).map_err(|e| StoreError::io(&file, e))?;
        fs::rename(tmp.path(), &file).map_err(|e| StoreError::io(&file, e))?;
        tmp.disarm();
        Ok(())
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Edit};

    fn project() -> Project {
        Project::new(vec![Article {
            id: 1,
            path: "a.txt".into(),
            title: "A".into(),
            outlet: None,
            published: None,
            text: "Über 139 people were killed.".into(),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            author: None,
            url: None,
        }])
    }

    #[test]
    fn the_environment_variable_overrides_the_platform_folder() {
        let d = DataDir::locate_with(Some("/tmp/xc-data".into())).expect("env");
        assert_eq!(d.root(), Path::new("/tmp/xc-data"));
        if let Ok(platform) = DataDir::locate_with(Some(OsString::new())) {
            assert_ne!(platform.root(), Path::new(""));
        }
    }

    #[test]
    fn an_abandoned_recovery_file_is_listed_with_its_edits_and_can_be_discarded() {
        let _quiet = fsutil::no_spawning();
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = DataDir::at(tmp.path().join("data"));
        let mut p = project();
        let mut store = data
            .create_recovery(&p, Path::new("/news/flood"))
            .expect("recovery file");
        let claim = p.make_claim(1, 5, 8, None).expect("claim");
        p.apply(Edit::PutClaim(claim.clone())).expect("model");
        store.apply(&Edit::PutClaim(claim)).expect("store");
        let path = store.path().to_owned();
        assert!(
            data.recoverable().expect("list").is_empty(),
            "a file in use by a running window is not offered for recovery"
        );
        drop(store);
        let found = data.recoverable().expect("list");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, path);
        assert_eq!(found[0].source_folder.as_deref(), Some("/news/flood"));
        assert_eq!((found[0].articles, found[0].claims), (Some(1), Some(1)));
        let (_, reopened) = Store::open(&path).expect("recovers");
        assert_eq!(reopened.claims().len(), 1);
        drop(reopened);
        data.discard_recovery(&path).expect("discard");
        assert!(!path.exists());
        assert!(data.recoverable().expect("list").is_empty());
        let elsewhere = tmp.path().join("mine.crosscheck");
        fs::write(&elsewhere, b"x").expect("write");
        assert!(data.discard_recovery(&elsewhere).is_err());
        assert!(
            elsewhere.exists(),
            "files outside the recovery folder are never deleted"
        );
    }

    #[test]
    fn the_sweep_removes_empty_recovery_files_and_keeps_any_with_work_or_in_use() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = DataDir::at(tmp.path().join("data"));
        let empty = data
            .create_recovery(&project(), Path::new("/news/a"))
            .expect("recovery");
        let empty_path = empty.path().to_owned();
        drop(empty);
        let mut p = project();
        let mut worked = data
            .create_recovery(&p, Path::new("/news/b"))
            .expect("recovery");
        let claim = p.make_claim(1, 5, 8, None).expect("claim");
        p.apply(Edit::PutClaim(claim.clone())).expect("model");
        worked.apply(&Edit::PutClaim(claim)).expect("store");
        let worked_path = worked.path().to_owned();
        drop(worked);
        let in_use = data
            .create_recovery(&project(), Path::new("/news/c"))
            .expect("recovery");
        let sweep = data.sweep();
        assert_eq!(sweep.empty_recovery, std::slice::from_ref(&empty_path));
        assert!(!empty_path.exists());
        assert!(worked_path.exists(), "a recovery file with a claim is kept");
        assert!(in_use.path().exists(), "a running window's file is kept");
        let offered: Vec<_> = data
            .recoverable()
            .expect("list")
            .into_iter()
            .map(|r| r.path)
            .collect();
        assert_eq!(offered, [worked_path]);
    }

    #[test]
    fn the_sweep_cleans_folders_of_unfinished_saves_and_recent_projects() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = DataDir::at(tmp.path().join("data"));
        let dead = fsutil::dead_pid();
        let saved_to = tmp.path().join("elsewhere");
        let recent = tmp.path().join("recent");
        let untouched = tmp.path().join("unknown");
        for d in [&saved_to, &recent, &untouched] {
            fs::create_dir_all(d).expect("mkdir");
        }
        let leftover = |dir: &Path| {
            let p = dir.join(format!(".p.crosscheck.tmp-{dead}-0"));
            fs::write(&p, b"").expect("write");
            p
        };
        let in_saved = leftover(&saved_to);
        let in_recent = leftover(&recent);
        let in_unknown = leftover(&untouched);
        let in_data = data.root().join(format!(".recent.json.tmp-{dead}-2"));
        fs::create_dir_all(data.root()).expect("mkdir");
        fs::write(&in_data, b"{").expect("write");
        fs::write(recent.join("r.crosscheck"), b"").expect("write");
        data.add_recent(&recent.join("r.crosscheck"))
            .expect("recent");
        // A Save As that was killed, and one still running in this process.
        let marks = data.root().join("saving");
        fs::create_dir_all(&marks).expect("mkdir");
        fs::write(
            marks.join(format!("{dead}-0")),
            saved_to.join("p.crosscheck").to_string_lossy().as_bytes(),
        )
        .expect("mark");
        let running = data
            .begin_save(&untouched.join("p.crosscheck"))
            .expect("mark");

        let sweep = data.sweep();
        let mut expected = vec![in_saved.clone(), in_recent.clone(), in_data.clone()];
        expected.sort();
        let mut removed = sweep.temporary.clone();
        removed.sort();
        assert_eq!(removed, expected);
        assert!(
            in_unknown.exists(),
            "folders nothing points to are not searched"
        );
        assert!(
            !marks.join(format!("{dead}-0")).exists(),
            "the dead mark is gone"
        );
        assert!(running.path.exists(), "a running save keeps its mark");
        drop(running);
        assert_eq!(fs::read_dir(&marks).expect("ls").count(), 0);
    }

    #[test]
    fn recent_projects_come_newest_first_and_missing_ones_stay_marked() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = DataDir::at(tmp.path().join("data"));
        assert!(data.recent_projects().is_empty());
        let a = tmp.path().join("a.crosscheck");
        let b = tmp.path().join("b.crosscheck");
        fs::write(&a, b"").expect("a");
        fs::write(&b, b"").expect("b");
        data.add_recent(&a).expect("add a");
        data.add_recent(&b).expect("add b");
        data.add_recent(&a).expect("a again");
        fs::remove_file(&b).expect("rm b");
        let list = data.recent_projects();
        let names: Vec<_> = list
            .iter()
            .map(|r| r.path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [Some("a.crosscheck".into()), Some("b.crosscheck".into())]
        );
        assert_eq!(
            list.iter().map(|r| r.missing).collect::<Vec<_>>(),
            [false, true]
        );
        data.remove_recent(&list[1].path).expect("remove");
        assert_eq!(data.recent_projects().len(), 1);
        fs::write(data.recent_file(), b"{not json").expect("garble");
        assert!(data.recent_projects().is_empty());
        data.add_recent(&a).expect("rewrites a garbled list");
        assert_eq!(data.recent_projects().len(), 1);
    }
}
