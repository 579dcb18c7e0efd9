//! Opening, importing, recovering, saving and closing projects: the workbench side of the
//! project file.

use super::*;

impl Workbench {
    /// Opens an import's articles as a new, untitled project.
    pub fn open_import(&mut self, name: String, folder: Option<PathBuf>, report: ImportReport) {
        let ImportReport {
            articles,
            warnings,
            candidates,
            ..
        } = report;
        if articles.is_empty() {
            let what = folder
                .as_ref()
                .map_or_else(|| name.clone(), |f| f.display().to_string());
            self.message = Some(Message {
                text: if candidates == 0 {
                    format!(
                        "{what} holds no articles (.txt, .md, .html files). Choose another folder."
                    )
                } else {
                    format!(
                        "{}: {}",
                        if candidates == 1 {
                            format!("The one file in {what} could not be imported")
                        } else {
                            format!("None of the {candidates} files in {what} could be imported")
                        },
                        warnings
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                },
                is_error: true,
            });
            return;
        }
        let project = Project::new(articles);
        let source = folder.clone().unwrap_or_else(|| PathBuf::from(&name));
        let recovery = self
            .data
            .as_ref()
            .map(|d| d.create_recovery(&project, &source));
        self.adopt_import(name, folder, project, warnings, candidates, recovery);
    }

    /// Shows a freshly imported project, writing to its recovery file from now on.
    pub(super) fn adopt_import(
        &mut self,
        name: String,
        folder: Option<PathBuf>,
        project: Project,
        warnings: Vec<ImportWarning>,
        candidates: usize,
        recovery: Option<Result<Store, StoreError>>,
    ) {
        if project.articles().is_empty() {
            let report = ImportReport {
                articles: Vec::new(),
                warnings,
                candidates,
            };
            self.open_import(name, folder, report);
            return;
        }
        let mut doc = Document::from_import(name, folder, project, warnings, candidates);
        self.message = doc.import.as_ref().map(|s| Message {
            text: if s.warnings.is_empty() {
                s.headline()
            } else {
                format!("{} — see the warnings in the library", s.headline())
            },
            is_error: false,
        });
        match recovery {
            Some(Ok(store)) => doc.store = Some(store),
            Some(Err(e)) => {
                self.message = Some(Message {
                    text: format!(
                        "Your work cannot be kept safe until you save it: no recovery file ({e})"
                    ),
                    is_error: true,
                });
            }
            None => {}
        }
        self.open_document(doc);
    }

    /// Shows a document, replacing the open one; the first two articles open side by side
    /// unless the document brings its own layout.
    pub fn open_document(&mut self, doc: Document) {
        let layout = &doc.project.layout.columns;
        let ids: Vec<ArticleId> = if layout.is_empty() {
            doc.project
                .articles()
                .iter()
                .take(2)
                .map(|a| a.id)
                .collect()
        } else {
            layout
                .iter()
                .copied()
                .filter(|id| doc.project.article(*id).is_some())
                .collect()
        };
        self.columns = ids.into_iter().take(MAX_COLUMNS).map(Column::new).collect();
        self.active = 0;
        self.find = FindState::default();
        self.selected_claim = None;
        self.selected_link = None;
        self.claims_panel = ClaimsPanel::default();
        self.figures = crate::app::figures_cache::FiguresCache::default();
        self.quotes = crate::app::quotes_view::QuotesView::default();
        self.timeline = crate::app::timeline_view::TimelineView::default();
        // A comparison belongs to the project it was made for.
        self.agreement = Default::default();
        self.doc = Some(doc);
    }

    /// Re-reads the recent list and the recovery files.
    pub(super) fn refresh_lists(&mut self) {
        if let Some(d) = &self.data {
            self.recent = d.recent_projects();
            self.recoverable = d.recoverable().unwrap_or_default();
        }
    }

    /// Shows a project file that was opened, or says why it could not be.
    pub(super) fn adopt_opened(
        &mut self,
        path: &Path,
        result: Result<(Store, Project), StoreError>,
    ) {
        match result {
            Ok((store, project)) => {
                let read_only = store.is_read_only();
                let doc = Document::from_file(path, store, project);
                self.close_document();
                self.open_document(doc);
                if let Some(d) = &self.data {
                    let _ = d.add_recent(path);
                }
                self.refresh_lists();
                self.message = Some(if read_only {
                    Message {
                        text: format!(
                            "{} can't be written (read-only file or folder): opened read-only. Use File ▸ Save as… to keep working on a copy.",
                            path.display()
                        ),
                        is_error: true,
                    }
                } else {
                    Message {
                        text: format!("Opened {}", path.display()),
                        is_error: false,
                    }
                });
            }
            Err(e) => self.error(format!("Could not open the project: {e}")),
        }
    }

    /// Reopens an untitled project from a recovery file; edits keep going to that file.
    pub(super) fn recover(&mut self, path: &Path) {
        match Store::open(path) {
            Ok((store, project)) => {
                let folder = store
                    .meta(crate::store::META_SOURCE_FOLDER)
                    .ok()
                    .flatten()
                    .map(PathBuf::from);
                let name = folder
                    .as_deref()
                    .map_or_else(|| "Recovered project".to_owned(), folder_name);
                let mut doc = Document::from_file(path, store, project);
                doc.file = None;
                doc.name = name;
                doc.folder = folder;
                self.close_document();
                self.open_document(doc);
                self.message = Some(Message {
                    text: "Recovered your unsaved work. Save it (Ctrl+S) to keep it as a project file.".into(),
                    is_error: false,
                });
                self.refresh_lists();
            }
            Err(e) => self.error(format!("Could not recover {}: {e}", path.display())),
        }
    }

    /// Writes the project to `path` and continues there. An untitled project's recovery file
    /// is deleted once the copy is safely in place.
    pub(super) fn save_to(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
        // If the app is killed mid-copy, the mark tells the next start where to clean up.
        let _mark = self.data.as_ref().and_then(|d| d.begin_save(path).ok());
        if let Some(shared) = &doc.shared {
            // A shared project stays shared: Save As writes a project file of it as it is now.
            let url = shared.url().to_owned();
            match Store::create(path, &doc.project) {
                Ok(copy) => {
                    drop(copy);
                    self.message = Some(Message {
                        text: format!(
                            "Saved a copy to {}. Your changes keep going to the shared project \
                             at {url}.",
                            path.display()
                        ),
                        is_error: false,
                    });
                }
                Err(e) => self.error(format!("Could not save a copy: {e}")),
            }
            return;
        }
        let result = match &doc.store {
            Some(store) => store.save_as(path),
            None => Store::create(path, &doc.project),
        };
        match result {
            Ok(new_store) => {
                let old = doc.store.replace(new_store);
                let was_untitled = doc.file.is_none();
                doc.file = Some(path.to_owned());
                doc.name = folder_name(path);
                doc.saved_layout = doc.project.layout.clone();
                if was_untitled && let Some(old) = old {
                    let recovery = old.path().to_owned();
                    drop(old);
                    if let Some(d) = &self.data {
                        let _ = d.discard_recovery(&recovery);
                    }
                }
                if let Some(d) = &self.data {
                    let _ = d.add_recent(path);
                }
                self.message = Some(Message {
                    text: format!(
                        "Saved to {}. Every change is now written there at once.",
                        path.display()
                    ),
                    is_error: false,
                });
                self.refresh_lists();
            }
            Err(e) => self.error(format!("Could not save: {e}")),
        }
    }

    /// Closes the document. An untitled project without claims leaves no recovery file
    /// behind; one with work stays recoverable.
    pub(super) fn close_document(&mut self) {
        if let Some(doc) = self.doc.take()
            && doc.file.is_none()
            && let Some(store) = doc.store
        {
            let unsaved_work = doc.project.claims().len() > 0;
            let path = store.path().to_owned();
            drop(store);
            if !unsaved_work && let Some(d) = &self.data {
                let _ = d.discard_recovery(&path);
            }
        }
        self.columns.clear();
        self.find = FindState::default();
        self.selected_claim = None;
        self.selected_link = None;
        self.pending_link = None;
        self.link_armed = None;
        self.merge_result = Default::default();
        // The welcome screen starts clean: "4 of 5 articles imported" belonged to the project
        // just closed.
        self.message = None;
        self.refresh_lists();
    }

    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
        if self.busy() {
            self.error("An import is still running; wait for it to finish.".into());
        } else if path.is_dir() {
            self.jobs
                .import_folder(ctx, path.to_owned(), self.data.clone());
        } else if path.is_file() {
            if let Some(doc) = &self.doc
                && doc.file.as_deref() == Some(path)
            {
                self.error(format!("{} is already open.", path.display()));
                return;
            }
            self.jobs.open_project(ctx, path.to_owned());
        } else {
            self.error(format!(
                "{} does not exist. Check the path and try again.",
                path.display()
            ));
        }
    }

    /// Whether the open project is untitled and holds claims (closing asks first).
    pub(super) fn has_untitled_work(&self) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| d.file.is_none() && d.shared.is_none() && d.project.claims().len() > 0)
    }

    /// Asks before closing a window whose untitled project holds work.
    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        let untitled_work = self.has_untitled_work();
        if requested && untitled_work && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_prompt = true;
        } else if requested {
            // Closing for good: an untitled import without claims leaves no recovery file.
            self.close_document();
        }
        if !self.close_prompt {
            return;
        }
        egui::Modal::new(egui::Id::unique("close-prompt")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Save the project before closing?");
            ui.label("Your claims are kept in a recovery file until you save; Crosscheck offers it at the next start.");
            ui.horizontal(|ui| {
                if ui.button("Save as…").clicked() {
                    self.close_prompt = false;
                    self.commands.push(Command::Action(Action::SaveAs));
                }
                if ui.button("Close, keep recoverable").clicked() {
                    self.close_prompt = false;
                    self.commands.push(Command::Quit);
                }
                if ui.button("Cancel").clicked() {
                    self.close_prompt = false;
                }
            });
        });
    }
}

/// Where Save suggests writing an untitled project: `<folder>.crosscheck` beside its folder.
pub(super) fn suggested_project_path(doc: &Document) -> PathBuf {
    match (&doc.file, &doc.folder) {
        (Some(f), _) => f.clone(),
        (None, Some(folder)) => folder.with_file_name(format!(
            "{}.{}",
            folder_name(folder),
            crate::store::EXTENSION
        )),
        (None, None) => {
            crate::app::export::home_dir().join(format!("{}.{}", doc.name, crate::store::EXTENSION))
        }
    }
}

/// The name a folder is shown by.
pub(super) fn folder_name(folder: &Path) -> String {
    folder.file_name().map_or_else(
        || folder.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
