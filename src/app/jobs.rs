//! Work that must not block the window: importing a folder and native file dialogs (rfd can
//! block, and returns `None` both for "cancelled" and "no dialog available").
//!
//! Each job runs on its own thread and sends one [`JobResult`] back; the import also reports
//! progress through atomics the progress bar reads. A thread wakes the window with [`wake`].

use crate::corpus;
use crate::corpus::ImportWarning;
use crate::model::Project;
use crate::store::{DataDir, Store, StoreError};
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Wakes the window from a worker thread: a frame comes within a millisecond and takes in what
/// the thread sent. Never an immediate repaint: a thread finishes at any moment, even in the
/// middle of a frame, and an immediate request then makes the window draw two more frames at
/// a moment nobody chose (a UI test stepping frame by frame would see a window that does not
/// settle when it should).
pub fn wake(ctx: &egui::Context) {
    ctx.request_repaint_after(Duration::from_millis(1));
}

/// What a finished job hands back to the workbench.
pub enum JobResult {
    /// A folder was imported; `recovery` is the untitled project's recovery file, when a
    /// data folder is available.
    Imported {
        folder: PathBuf,
        project: Project,
        warnings: Vec<ImportWarning>,
        candidates: usize,
        recovery: Option<Result<Store, StoreError>>,
    },
    /// A report was written (or not).
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A project file was opened (or refused).
    Opened {
        path: PathBuf,
        result: Result<(Store, Project), StoreError>,
    },
    /// A shared project on PostgreSQL was opened (or refused). Boxed: a session is large.
    OpenedShared {
        url: String,
        result: Box<Result<(crate::store::pg::SharedSession, Project), crate::store::pg::PgError>>,
    },
    ImportFailed {
        folder: PathBuf,
        error: String,
    },
    /// The sources were read again for a refresh: the files as they are now (the plan is
    /// made against the project as it is when this arrives).
    Refreshed {
        folder: PathBuf,
        fresh: Result<Vec<crate::model::Article>, String>,
        warnings: Vec<ImportWarning>,
    },
    /// Another coder's project was read for the Agreement window (or could not be).
    OtherCoderRead {
        path: PathBuf,
        result: Result<Project, String>,
    },
    /// Another project file was read for File ▸ Merge project… (or could not be).
    MergeRead {
        path: PathBuf,
        result: Result<Project, StoreError>,
    },
    /// A dialog closed: the chosen path, or `None` (cancelled, or no dialog available).
    Picked {
        kind: PickKind,
        path: Option<PathBuf>,
    },
}

/// Which file dialog was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    Folder,
    Project,
    SaveProject,
    Export,
    RefreshFolder,
    /// Another coder's project, for the Agreement window.
    OtherCoder,
    MergeProject,
}

/// A running import, for the progress bar.
pub struct Progress {
    pub label: String,
    pub done: Arc<AtomicUsize>,
    pub total: Arc<AtomicUsize>,
    pub started: Instant,
}

impl Progress {
    /// Fraction done, 0 to 1 (0 while the folder is still being walked).
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / total as f32
        }
    }
}

/// The background jobs of one window.
pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    /// The long job in flight (import, open, export), if any, for the progress bar.
    pub running: Option<Progress>,
    /// A dialog is open; another one is not started.
    pub dialog_open: bool,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            running: None,
            dialog_open: false,
        }
    }
}

impl Jobs {
    /// Starts importing `folder` on a thread.
    pub fn import_folder(&mut self, ctx: &egui::Context, folder: PathBuf, data: Option<DataDir>) {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        self.running = Some(Progress {
            label: format!("Importing {}", folder.display()),
            done: done.clone(),
            total: total.clone(),
            started: Instant::now(),
        });
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut last_repaint = Instant::now();
            let mut progress = |d: usize, t: usize| {
                done.store(d, Ordering::Relaxed);
                total.store(t, Ordering::Relaxed);
                if last_repaint.elapsed().as_millis() > 50 {
                    last_repaint = Instant::now();
                    wake(&ctx);
                }
            };
            let options = corpus::ImportOptions::default();
            let result = match corpus::import_folder_with_progress(&folder, &options, &mut progress)
            {
                Ok(report) => {
                    let project = Project::new(report.articles);
                    // An empty import opens nothing, so it needs no recovery file.
                    let recovery = data
                        .filter(|_| !project.articles().is_empty())
                        .map(|d| d.create_recovery(&project, &folder));
                    JobResult::Imported {
                        folder,
                        project,
                        warnings: report.warnings,
                        candidates: report.candidates,
                        recovery,
                    }
                }
                Err(e) => JobResult::ImportFailed {
                    folder,
                    error: e.to_string(),
                },
            };
            // The receiver only goes away with the window.
            let _ = tx.send(result);
            wake(&ctx);
        });
    }

    /// Writes a report on a thread, from a copy of the project.
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        project: Project,
        format: crate::report::Format,
        options: crate::report::ReportOptions,
        path: PathBuf,
    ) {
        self.spawn_busy(ctx, format!("Exporting {}", path.display()), move || {
            let result = crate::report::export_to_file(&project, format, &options, &path)
                .map_err(|e| e.to_string());
            JobResult::Exported { path, result }
        });
    }

    /// Reads `folder` again on a thread, for File ▸ Refresh from folder.
    pub fn refresh(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.spawn_busy(
            ctx,
            format!("Reading {} again", folder.display()),
            move || match corpus::import_folder(&folder) {
                Ok(report) => JobResult::Refreshed {
                    folder,
                    fresh: Ok(report.articles),
                    warnings: report.warnings,
                },
                Err(e) => JobResult::Refreshed {
                    folder,
                    fresh: Err(e.to_string()),
                    warnings: Vec::new(),
                },
            },
        );
    }

    /// Opens a project file on a thread.
    pub fn open_project(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn_busy(ctx, format!("Opening {}", path.display()), move || {
            let result = Store::open(&path);
            JobResult::Opened { path, result }
        });
    }

    /// Connects to a shared project and reads it on a thread (a server far away, or away,
    /// takes seconds). `local` is where its local copy lives; `author` names this researcher.
    pub fn open_shared(
        &mut self,
        ctx: &egui::Context,
        url: String,
        local: PathBuf,
        author: String,
    ) {
        let repaint = ctx.clone();
        let wake_window: crate::store::pg::Wake = Arc::new(move || wake(&repaint));
        let shown = crate::store::pg::redact_url(&url);
        self.spawn_busy(ctx, format!("Opening {shown}"), move || {
            let result = crate::store::pg::SharedSession::open(&url, &local, &author, wake_window);
            JobResult::OpenedShared {
                url,
                result: Box::new(result),
            }
        });
    }

    /// Reads another coder's project on a thread, read-only and without its lock (the other
    /// coder may have it open), for the Agreement window.
    pub fn read_other_coder(&mut self, ctx: &egui::Context, path: PathBuf) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = Store::open_read_only(&path)
                .map(|(_, project)| project)
                .map_err(|e| e.to_string());
            // The receiver only goes away with the window.
            let _ = tx.send(JobResult::OtherCoderRead { path, result });
            wake(&ctx);
        });
    }

    /// Reads another project file on a thread, for merging it into the open one. It is opened
    /// read-only: a merge never writes to the project it takes from.
    pub fn read_for_merge(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn_busy(ctx, format!("Reading {}", path.display()), move || {
            let result = Store::open_read_only(&path).map(|(_, project)| project);
            JobResult::MergeRead { path, result }
        });
    }

    /// Runs `work` on a thread with an indeterminate progress bar labelled `label`.
    fn spawn_busy(
        &mut self,
        ctx: &egui::Context,
        label: String,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        self.running = Some(Progress {
            label,
            done: Arc::new(AtomicUsize::new(0)),
            total: Arc::new(AtomicUsize::new(0)),
            started: Instant::now(),
        });
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver only goes away with the window.
            let _ = tx.send(work());
            wake(&ctx);
        });
    }

    /// Shows a native file dialog on a thread.
    pub fn pick(&mut self, ctx: &egui::Context, kind: PickKind, suggested: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = suggested.as_ref().and_then(|p| p.parent()) {
                dialog = dialog.set_directory(dir);
            }
            let path = match kind {
                PickKind::Folder => dialog.set_title("Open a folder of articles").pick_folder(),
                PickKind::RefreshFolder => dialog
                    .set_title("Refresh the project from a folder")
                    .pick_folder(),
                PickKind::OtherCoder => dialog
                    .set_title("Another coder's copy of this project")
                    .add_filter("Crosscheck project", &["crosscheck", "sqlite", "db"])
                    .add_filter("Any file", &["*"])
                    .pick_file(),
                PickKind::MergeProject => dialog
                    .set_title("Merge a Crosscheck project into this one")
                    .add_filter("Crosscheck project", &["crosscheck", "sqlite", "db"])
                    .add_filter("Any file", &["*"])
                    .pick_file(),
                PickKind::Project => dialog
                    .set_title("Open a Crosscheck project")
                    .add_filter("Crosscheck project", &["crosscheck", "sqlite", "db"])
                    .add_filter("Any file", &["*"])
                    .pick_file(),
                PickKind::Export => {
                    if let Some(name) = suggested.as_ref().and_then(|p| p.file_name()) {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                    dialog.set_title("Export the report to").save_file()
                }
                PickKind::SaveProject => {
                    if let Some(name) = suggested.as_ref().and_then(|p| p.file_name()) {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                    dialog.set_title("Save the project as").save_file()
                }
            };
            let _ = tx.send(JobResult::Picked { kind, path });
            wake(&ctx);
        });
    }

    /// Results of jobs that finished since the last call.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let results: Vec<_> = self.rx.try_iter().collect();
        for r in &results {
            match r {
                JobResult::Imported { .. }
                | JobResult::ImportFailed { .. }
                | JobResult::Opened { .. }
                | JobResult::OpenedShared { .. }
                | JobResult::Refreshed { .. }
                | JobResult::MergeRead { .. }
                | JobResult::Exported { .. } => {
                    self.running = None;
                }
                JobResult::Picked { .. } => self.dialog_open = false,
                JobResult::OtherCoderRead { .. } => {}
            }
        }
        results
    }
}
