//! [`Workbench`]: the whole window's state and its frame: menus, panels, background jobs, and
//! the end-of-frame loop that runs the [`Command`]s the panels pushed.
//!
//! It knows no eframe types, only egui, so tests drive it with `egui_kittest` exactly as the
//! real window does.

use super::action::Action;
use super::claims_panel::ClaimsPanel;
use super::codebook::Codebook;
use super::columns::{Column, ColumnsView, MAX_COLUMNS, columns_ui};
use super::command::Command;
use super::document::Document;
use super::find::FindState;
use super::inspector::Inspector;
use super::jobs::{JobResult, Jobs, PickKind};
use super::library::Library;
use super::link_inspector::LinkInspector;
use super::welcome::Welcome;
use crate::corpus::{self, ImportReport, ImportWarning};
use crate::model::{ArticleId, ClaimId, Edit, LinkId, LinkKind, Project};
use crate::store::{DataDir, RecentProject, Recoverable, Store, StoreError};
use eframe::egui;
use std::path::{Path, PathBuf};

/// Default article text size in points.
pub const DEFAULT_FONT_SIZE: f32 = 16.0;

/// The tabs of the bottom panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BottomTab {
    Claims,
    Conflicts,
    Figures,
}

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The window's state.
pub struct Workbench {
    pub doc: Option<Document>,
    pub columns: Vec<Column>,
    /// The column keyboard actions (copy, close) apply to.
    pub active: usize,
    pub library: Library,
    pub library_open: bool,
    pub find: FindState,
    pub font_size: f32,
    pub message: Option<Message>,
    pub welcome: Welcome,
    /// The "type a path" window, shown when a dialog gave nothing back.
    pub path_prompt: Option<(PickKind, String)>,
    pub jobs: Jobs,
    /// The claim shown in the inspector and outlined in its column.
    pub selected_claim: Option<ClaimId>,
    pub inspector: Inspector,
    pub claims_panel: ClaimsPanel,
    pub claims_open: bool,
    /// What the bottom panel shows.
    pub bottom_tab: BottomTab,
    /// Figures found in the articles, and suggested conflicts.
    pub figures: super::figures_view::FiguresCache,
    /// Underline untagged figures in the columns.
    pub figure_marks: bool,
    pub selected_link: Option<LinkId>,
    pub link_inspector: LinkInspector,
    /// Two claims waiting for the user to pick how they relate, and where to ask.
    pub pending_link: Option<(ClaimId, ClaimId, egui::Pos2)>,
    /// `L` was pressed: the next claim clicked is linked to this one.
    pub link_armed: Option<ClaimId>,
    pub codebook: Codebook,
    pub export: super::export::ExportDialog,
    /// Crosscheck's data folder (recovery files, recent projects), if one can be had.
    pub data: Option<DataDir>,
    pub recent: Vec<RecentProject>,
    pub recoverable: Vec<Recoverable>,
    /// The "save before closing?" question is showing.
    pub close_prompt: bool,
    allow_close: bool,
    last_modifiers: egui::Modifiers,
    last_pointer: egui::Pos2,
    commands: Vec<Command>,
    title: String,
}

impl Default for Workbench {
    fn default() -> Self {
        Workbench::with_data_dir(DataDir::locate().ok())
    }
}

impl Workbench {
    /// A workbench keeping recovery files and the recent list in `data` (tests pass a
    /// temporary folder; `None` runs without them).
    pub fn with_data_dir(data: Option<DataDir>) -> Self {
        let recent = data
            .as_ref()
            .map(DataDir::recent_projects)
            .unwrap_or_default();
        let recoverable = data
            .as_ref()
            .and_then(|d| d.recoverable().ok())
            .unwrap_or_default();
        Workbench {
            data,
            recent,
            recoverable,
            close_prompt: false,
            allow_close: false,
            last_modifiers: egui::Modifiers::NONE,
            last_pointer: egui::Pos2::ZERO,
            doc: None,
            columns: Vec::new(),
            active: 0,
            library: Library::default(),
            library_open: true,
            find: FindState::default(),
            font_size: DEFAULT_FONT_SIZE,
            message: None,
            welcome: Welcome::default(),
            path_prompt: None,
            jobs: Jobs::default(),
            selected_claim: None,
            inspector: Inspector::default(),
            claims_panel: ClaimsPanel::default(),
            claims_open: false,
            bottom_tab: BottomTab::Claims,
            figures: super::figures_view::FiguresCache::default(),
            figure_marks: true,
            selected_link: None,
            link_inspector: LinkInspector::default(),
            pending_link: None,
            link_armed: None,
            codebook: Codebook::default(),
            export: super::export::ExportDialog::default(),
            commands: Vec::new(),
            title: String::new(),
        }
    }

    /// Queues a command, as a click would.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The title the window should have.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => format!("{} — Crosscheck", doc.title_state()),
            None => "Crosscheck".to_owned(),
        }
    }

    /// Is an import running?
    pub fn busy(&self) -> bool {
        self.jobs.import.is_some()
    }

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
                        "None of the {candidates} files in {what} could be imported: {}",
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
    fn adopt_import(
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
        self.figures = super::figures_view::FiguresCache::default();
        if self.figure_marks {
            self.figures.ensure(&doc.project);
        }
        self.doc = Some(doc);
    }

    /// Draws one frame and runs the commands it produced.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let (mods, pointer) = ctx.input(|i| (i.modifiers, i.pointer.interact_pos()));
        self.last_modifiers = mods;
        if let Some(p) = pointer {
            self.last_pointer = p;
        }
        self.handle_input(&ctx);
        for result in self.jobs.poll() {
            self.on_job(&ctx, result);
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.doc.is_some() {
            if self.find.open {
                egui::Panel::top("find").show(ui, |ui| self.find_bar(ui));
            }
            if let (Some(doc), Some(id)) = (&self.doc, self.selected_link) {
                egui::Panel::right("link-inspector")
                    .default_size(320.0)
                    .size_range(220.0..=480.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("link-inspector-scroll")
                            .show(ui, |ui| {
                                self.link_inspector
                                    .ui(ui, &doc.project, id, &mut self.commands);
                            });
                    });
            } else if let (Some(doc), Some(id)) = (&self.doc, self.selected_claim) {
                egui::Panel::right("inspector")
                    .default_size(300.0)
                    .size_range(220.0..=480.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("inspector-scroll")
                            .show(ui, |ui| {
                                self.inspector.ui(ui, &doc.project, id, &mut self.commands);
                            });
                    });
            }
            if self.claims_open
                && let Some(doc) = &self.doc
            {
                egui::Panel::bottom("claims")
                    .resizable(true)
                    .default_size(220.0)
                    .size_range(120.0..=600.0)
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let (all, open) = super::conflicts_panel::conflict_counts(&doc.project);
                            let tabs = [
                                (
                                    BottomTab::Claims,
                                    format!("Claims ({})", doc.project.claims().len()),
                                ),
                                (
                                    BottomTab::Conflicts,
                                    format!("Conflicts ({open} open of {all})"),
                                ),
                                (BottomTab::Figures, "Figures".to_owned()),
                            ];
                            for (tab, label) in tabs {
                                if ui.selectable_label(self.bottom_tab == tab, label).clicked() {
                                    self.bottom_tab = tab;
                                }
                            }
                        });
                        ui.separator();
                        match self.bottom_tab {
                            BottomTab::Conflicts => super::conflicts_panel::conflicts_ui(
                                ui,
                                &doc.project,
                                self.selected_link,
                                &mut self.commands,
                            ),
                            BottomTab::Claims => {
                                self.claims_panel.ui(
                                    ui,
                                    &doc.project,
                                    self.selected_claim,
                                    &mut self.commands,
                                );
                            }
                            BottomTab::Figures => {
                                self.figures.ensure(&doc.project);
                                super::figures_view::figures_ui(
                                    ui,
                                    &doc.project,
                                    &self.figures,
                                    &mut self.commands,
                                );
                            }
                        }
                    });
            }
            if self.library_open {
                egui::Panel::left("library")
                    .default_size(280.0)
                    .size_range(180.0..=520.0)
                    .show(ui, |ui| {
                        if let Some(doc) = &self.doc {
                            let open: Vec<ArticleId> =
                                self.columns.iter().map(|c| c.article).collect();
                            self.library
                                .ui(ui, doc, &mut self.find, &open, &mut self.commands);
                        }
                    });
            }
            egui::CentralPanel::default_margins().show(ui, |ui| {
                if let Some(doc) = &self.doc {
                    let view = ColumnsView {
                        project: &doc.project,
                        active: self.active,
                        font_size: self.font_size,
                        selected_claim: self.selected_claim,
                        figures: self.figure_marks.then_some(&self.figures),
                    };
                    columns_ui(
                        ui,
                        &view,
                        &mut self.columns,
                        &mut self.find,
                        &mut self.commands,
                    );
                    super::link_overlay::link_handle(
                        ui,
                        &doc.project,
                        &self.columns,
                        self.selected_claim,
                        &mut self.commands,
                    );
                    super::link_overlay::link_overlay(
                        ui,
                        &doc.project,
                        &self.columns,
                        self.selected_link,
                        &mut self.commands,
                    );
                }
            });
        } else {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                self.welcome
                    .ui(ui, &self.recent, &self.recoverable, &mut self.commands);
            });
        }
        if let Some(doc) = &self.doc {
            self.codebook.show(&ctx, &doc.project, &mut self.commands);
            let base = doc.file.as_deref().or(doc.folder.as_deref());
            self.export.ui(&ctx, base, &doc.name, &mut self.commands);
        }
        self.pending_link_menu(&ctx);
        self.progress_overlay(&ctx);
        self.path_prompt_window(&ctx);

        for command in std::mem::take(&mut self.commands) {
            self.run(&ctx, command);
        }
        self.sync_layout();
        self.handle_close(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Keeps the project's layout in step with the columns and writes it when it changed.
    fn sync_layout(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        doc.project.layout.columns = self.columns.iter().map(|c| c.article).collect();
        if let Err(e) = doc.sync_layout() {
            self.error(format!("Could not save the column layout: {e}"));
        }
    }

    /// Asks before closing a window whose untitled project holds work.
    fn handle_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        let untitled_work = self
            .doc
            .as_ref()
            .is_some_and(|d| d.file.is_none() && d.project.claims().len() > 0);
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

    fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for (action, s) in super::action::shortcuts_most_specific_first() {
            // While typing in a field, its own undo and editing keys win.
            if typing
                && matches!(
                    action,
                    Action::Undo | Action::Redo | Action::DeleteClaim | Action::LinkNext
                )
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&s)) {
                self.commands.push(Command::Action(action));
            }
        }
        let (copy, escape, dropped) = ctx.input(|i| {
            (
                i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
                i.key_pressed(egui::Key::Escape),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect::<Vec<_>>(),
            )
        });
        if !typing {
            self.category_keys(ctx);
        }
        if copy && !typing {
            self.commands.push(Command::Action(Action::Copy));
        }
        if escape {
            if self.pending_link.is_some() || self.link_armed.is_some() {
                self.pending_link = None;
                self.link_armed = None;
            } else if self.find.open {
                self.find.open = false;
            } else if let Some(c) = self.columns.get_mut(self.active)
                && c.reader.selection.is_some()
            {
                c.reader.selection = None;
            } else {
                self.selected_claim = None;
                self.selected_link = None;
            }
        }
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::OpenPath(path));
        }
    }

    fn on_job(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Imported {
                folder,
                project,
                warnings,
                candidates,
                recovery,
            } => {
                let name = folder_name(&folder);
                self.adopt_import(name, Some(folder), project, warnings, candidates, recovery);
            }
            JobResult::Opened { path, result } => self.adopt_opened(&path, result),
            JobResult::Exported { path, result } => match result {
                Ok(()) => {
                    self.message = Some(Message {
                        text: format!("Report written to {}", path.display()),
                        is_error: false,
                    });
                    self.export.done = Some(path);
                }
                Err(e) => self.error(format!("Could not export the report: {e}")),
            },
            JobResult::ImportFailed { folder, error } => {
                self.error(format!("Could not import {}: {error}", folder.display()));
            }
            JobResult::Picked {
                kind,
                path: Some(path),
            } => match kind {
                PickKind::Folder | PickKind::Project => self.run(ctx, Command::OpenPath(path)),
                PickKind::SaveProject => self.run(ctx, Command::SaveTo(path)),
                PickKind::Export => self.export.path = path.display().to_string(),
            },
            // The export dialog has its own path field.
            JobResult::Picked {
                kind: PickKind::Export,
                path: None,
            } => {}
            JobResult::Picked { kind, path: None } => {
                // rfd says `None` for both "cancelled" and "no dialog could be shown"; offer the
                // path field so the user is never stuck.
                self.path_prompt = Some((kind, String::new()));
            }
        }
    }

    fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    /// Runs one command.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Action(action) => self.run_action(ctx, action),
            Command::OpenPath(path) => self.open_path(ctx, &path),
            Command::ShowArticle {
                article,
                new_column,
            } => self.show_article(article, new_column),
            Command::Reveal {
                article,
                start,
                end,
            } => {
                self.show_article(article, false);
                if let Some(col) = self.columns.get_mut(self.active) {
                    col.reader.scroll_to = Some(start);
                    col.reader.flash = Some((start, end, ctx.input(|i| i.time)));
                }
            }
            Command::CloseColumn(i) => {
                if i < self.columns.len() {
                    self.columns.remove(i);
                    self.active = self.active.min(self.columns.len().saturating_sub(1));
                }
            }
            Command::MoveColumn { from, step } => {
                let to = from as isize + step;
                if from < self.columns.len() && to >= 0 && (to as usize) < self.columns.len() {
                    self.columns.swap(from, to as usize);
                    self.active = to as usize;
                }
            }
            Command::FocusColumn(i) => self.active = i.min(self.columns.len().saturating_sub(1)),
            Command::Tag { column, category } => self.tag(column, category),
            Command::ClickText { column, at } => self.click_text(column, at),
            Command::SelectClaim(id) => {
                self.selected_claim = id;
                if id.is_some() {
                    self.selected_link = None;
                }
            }
            Command::SelectLink(id) => {
                self.selected_link = id;
                if id.is_some() {
                    self.selected_claim = None;
                }
            }
            Command::LinkClaims { kind, claims } => {
                if let Some(doc) = &self.doc {
                    let link = super::link_overlay::new_link(&doc.project, kind, claims);
                    let id = link.id;
                    if self.commit(
                        format!("Link as {}", kind.label().to_lowercase()),
                        Edit::PutLink(link),
                        None,
                    ) {
                        self.selected_link = Some(id);
                        self.selected_claim = None;
                        self.claims_panel.checked.clear();
                    }
                }
                self.pending_link = None;
            }
            Command::ProposeLink { from, to } => {
                self.pending_link = Some((from, to, self.last_pointer));
            }
            Command::AddToLink { link, claim } => {
                if let Some(l) = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.project.link(link))
                    .cloned()
                    && !l.members.contains(&claim)
                {
                    let mut l = l;
                    l.members.push(claim);
                    if self.commit("Add claim to link".into(), Edit::PutLink(l), None) {
                        self.selected_link = Some(link);
                    }
                }
                self.pending_link = None;
            }
            Command::Edit {
                label,
                edit,
                coalesce,
            } => {
                self.commit(label, edit, coalesce);
            }
            Command::SealUndo => {
                if let Some(doc) = &mut self.doc {
                    doc.history.seal();
                }
            }
            Command::DeleteClaim(id) => {
                if let Some(doc) = &self.doc {
                    let edit = Edit::Batch(delete_claim_edits(&doc.project, id));
                    if self.commit("Delete claim".into(), edit, None)
                        && self.selected_claim == Some(id)
                    {
                        self.selected_claim = None;
                    }
                }
            }
            Command::SaveTo(path) => self.save_to(&path),
            Command::PickExportPath => {
                let suggested = PathBuf::from(&self.export.path);
                self.jobs.pick(ctx, PickKind::Export, Some(suggested));
            }
            Command::Export { format, path } => {
                if let Some(doc) = &self.doc {
                    let options = crate::report::ReportOptions::now(&doc.name);
                    self.jobs
                        .export(ctx, doc.project.clone(), format, options, path);
                }
            }
            Command::Recover(path) => self.recover(&path),
            Command::DiscardRecovery(path) => {
                if let Some(d) = &self.data
                    && let Err(e) = d.discard_recovery(&path)
                {
                    self.error(e.to_string());
                }
                self.refresh_lists();
            }
            Command::ForgetRecent(path) => {
                if let Some(d) = &self.data
                    && let Err(e) = d.remove_recent(&path)
                {
                    self.error(e.to_string());
                }
                self.refresh_lists();
            }
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::DismissMessage => self.message = None,
            Command::ShowPathField => self.path_prompt = Some((PickKind::Folder, String::new())),
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenFolder => self.jobs.pick(ctx, PickKind::Folder, None),
            Action::OpenProject => self.jobs.pick(ctx, PickKind::Project, None),
            Action::OpenSample => {
                self.open_import("Sample articles".into(), None, corpus::sample())
            }
            Action::Save => match self.doc.as_ref().and_then(|d| d.file.clone()) {
                Some(file) if !self.doc.as_ref().is_some_and(Document::read_only) => {
                    self.message = Some(Message {
                        text: format!("Every change is already saved to {}", file.display()),
                        is_error: false,
                    });
                }
                _ => self.run_action(ctx, Action::SaveAs),
            },
            Action::SaveAs => {
                if let Some(doc) = &self.doc {
                    let suggested = suggested_project_path(doc);
                    self.jobs.pick(ctx, PickKind::SaveProject, Some(suggested));
                }
            }
            Action::CloseProject => self.close_document(),
            Action::Export => {
                if let Some(doc) = &self.doc {
                    let base = doc.file.clone().or(doc.folder.clone());
                    let name = doc.name.clone();
                    self.export.show_for(base.as_deref(), &name);
                }
            }
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::Copy => {
                if let (Some(doc), Some(col)) = (&self.doc, self.columns.get(self.active))
                    && let Some(article) = doc.project.article(col.article)
                    && let Some(text) = col.reader.selected_text(article)
                {
                    ctx.copy_text(text.to_owned());
                }
            }
            Action::Find => {
                self.find.open = true;
                self.find.focus_field = true;
            }
            Action::FindNext => self.step_find(1),
            Action::FindPrevious => self.step_find(-1),
            Action::AddColumn => {
                if let Some(doc) = &self.doc
                    && self.columns.len() < MAX_COLUMNS
                {
                    let next = doc
                        .project
                        .articles()
                        .iter()
                        .find(|a| !self.columns.iter().any(|c| c.article == a.id))
                        .or_else(|| doc.project.articles().first());
                    if let Some(a) = next {
                        self.columns.push(Column::new(a.id));
                        self.active = self.columns.len() - 1;
                    }
                }
            }
            Action::CloseColumn => self.run(ctx, Command::CloseColumn(self.active)),
            Action::ZoomIn => self.font_size = (self.font_size + 1.0).min(32.0),
            Action::ZoomOut => self.font_size = (self.font_size - 1.0).max(10.0),
            Action::ZoomReset => self.font_size = DEFAULT_FONT_SIZE,
            Action::ToggleLibrary => self.library_open = !self.library_open,
            Action::ToggleClaims => self.toggle_bottom(BottomTab::Claims),
            Action::ToggleConflicts => self.toggle_bottom(BottomTab::Conflicts),
            Action::ToggleFigures => self.toggle_bottom(BottomTab::Figures),
            Action::ToggleFigureMarks => {
                self.figure_marks = !self.figure_marks;
                if let Some(doc) = &self.doc {
                    self.figures.ensure(&doc.project);
                }
            }
            Action::LinkNext => {
                self.link_armed = self.selected_claim;
                if self.link_armed.is_some() {
                    self.message = Some(Message {
                        text: "Click the claim to link it to (Esc cancels).".into(),
                        is_error: false,
                    });
                }
            }
            Action::Codebook => self.codebook.open = !self.codebook.open,
            Action::DeleteClaim => {
                if let Some(id) = self.selected_claim {
                    self.run(ctx, Command::DeleteClaim(id));
                }
            }
            Action::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                ctx.set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
        }
    }

    /// Re-reads the recent list and the recovery files.
    fn refresh_lists(&mut self) {
        if let Some(d) = &self.data {
            self.recent = d.recent_projects();
            self.recoverable = d.recoverable().unwrap_or_default();
        }
    }

    /// Shows a project file that was opened, or says why it could not be.
    fn adopt_opened(&mut self, path: &Path, result: Result<(Store, Project), StoreError>) {
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
    fn recover(&mut self, path: &Path) {
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
    fn save_to(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
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
    fn close_document(&mut self) {
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
        self.refresh_lists();
    }

    /// Applies an edit as one undo step: the model first (which validates it), then the
    /// project file. Returns whether it applied.
    pub fn commit(&mut self, label: String, edit: Edit, coalesce: Option<String>) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        if edit.is_empty() {
            return false;
        }
        match doc.apply(edit) {
            Ok(inverse) => {
                doc.history.record(label, inverse, coalesce);
                true
            }
            Err(e) => {
                self.error(format!("{label}: {e}"));
                false
            }
        }
    }

    /// Tags the selection of `column` with `category`, selects the new claim.
    fn tag(&mut self, column: usize, category: crate::model::CategoryId) {
        let Some(doc) = &self.doc else { return };
        let Some(col) = self.columns.get(column) else {
            return;
        };
        let Some(sel) = col.reader.selection.filter(|s| !s.is_empty()) else {
            return;
        };
        let (a, b) = sel.range();
        let text = doc
            .project
            .article(col.article)
            .map_or("", |a| a.text.as_str());
        let (a, b) = super::reader::words::trim_range(text, a, b);
        match doc.project.make_claim(col.article, a, b, Some(category)) {
            Ok(claim) => {
                let id = claim.id;
                if self.commit("Tag claim".into(), Edit::PutClaim(claim), None) {
                    self.selected_claim = Some(id);
                    if let Some(col) = self.columns.get_mut(column) {
                        col.reader.selection = None;
                    }
                }
            }
            Err(e) => self.error(format!("Could not tag the selection: {e}")),
        }
    }

    /// Keys 1…9 tag the active column's selection with the category of that shortcut.
    fn category_keys(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let has_selection = self
            .columns
            .get(self.active)
            .is_some_and(|c| c.reader.selection.is_some_and(|s| !s.is_empty()));
        if !has_selection {
            return;
        }
        let keys = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
            egui::Key::Num7,
            egui::Key::Num8,
            egui::Key::Num9,
        ];
        for (i, key) in keys.iter().enumerate() {
            let digit = (i + 1).to_string();
            if let Some(cat) = doc
                .project
                .categories()
                .iter()
                .find(|c| c.shortcut.as_deref() == Some(&digit))
                && ctx.input_mut(|inp| inp.consume_key(egui::Modifiers::NONE, *key))
            {
                self.commands.push(Command::Tag {
                    column: self.active,
                    category: cat.id,
                });
            }
        }
    }

    /// A plain click on text picks the innermost claim under it; clicking again on the same
    /// spot cycles through the claims stacked there.
    fn click_text(&mut self, column: usize, at: usize) {
        let Some(doc) = &self.doc else { return };
        let Some(col) = self.columns.get(column) else {
            return;
        };
        let under = super::columns::claims_at(&doc.project, col.article, at);
        // Ctrl+click (or a click after `L`) on another claim links it to the selected one.
        let ctrl = ctx_modifiers_command(&self.last_modifiers);
        let from = self
            .link_armed
            .take()
            .or(if ctrl { self.selected_claim } else { None });
        if let (Some(from), Some(&to)) = (
            from,
            under.iter().find(|c| Some(**c) != self.selected_claim),
        ) {
            self.pending_link = Some((from, to, self.last_pointer));
            return;
        }
        self.selected_link = None;
        self.selected_claim = match self
            .selected_claim
            .and_then(|s| under.iter().position(|&c| c == s))
        {
            Some(i) => under.get((i + 1) % under.len()).copied(),
            None => under.first().copied(),
        };
    }

    fn undo(&mut self, undo: bool) {
        let Some(doc) = &mut self.doc else { return };
        let step = if undo {
            doc.history.take_undo()
        } else {
            doc.history.take_redo()
        };
        let Some((label, edit)) = step else { return };
        match doc.apply(edit) {
            Ok(inverse) if undo => doc.history.push_redo(label, inverse),
            Ok(inverse) => doc.history.push_undo_after_redo(label, inverse),
            Err(e) => {
                self.message = Some(Message {
                    text: format!("Could not undo: {e}"),
                    is_error: true,
                })
            }
        }
    }

    fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
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

    fn show_article(&mut self, article: ArticleId, new_column: bool) {
        if !new_column && let Some(i) = self.columns.iter().position(|c| c.article == article) {
            self.active = i;
            return;
        }
        if self.columns.len() < MAX_COLUMNS {
            self.columns.push(Column::new(article));
            self.active = self.columns.len() - 1;
        } else if let Some(col) = self.columns.get_mut(self.active) {
            *col = Column::new(article);
        }
    }

    /// Shows the bottom panel on `tab`, or hides it when it already shows that tab.
    fn toggle_bottom(&mut self, tab: BottomTab) {
        self.claims_open = !(self.claims_open && self.bottom_tab == tab);
        self.bottom_tab = tab;
    }

    /// The "how do these relate?" menu after Ctrl+clicking a claim.
    fn pending_link_menu(&mut self, ctx: &egui::Context) {
        let Some((from, to, pos)) = self.pending_link else {
            return;
        };
        let Some(doc) = &self.doc else { return };
        let existing: Vec<_> = doc.project.links_of(from).map(|l| (l.id, l.kind)).collect();
        let mut close = false;
        egui::Area::new(egui::Id::unique("pending-link"))
            .order(egui::Order::Foreground)
            .fixed_pos(pos + egui::vec2(8.0, 8.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.weak("Link these claims as");
                    for kind in LinkKind::ALL {
                        let text = egui::RichText::new(kind.label())
                            .color(super::link_overlay::kind_color(kind));
                        if ui.button(text).clicked() {
                            self.commands.push(Command::LinkClaims {
                                kind,
                                claims: vec![from, to],
                            });
                        }
                    }
                    for (id, kind) in existing {
                        if ui
                            .button(format!("Add to its “{}” link #{id}", kind.label()))
                            .clicked()
                        {
                            self.commands.push(Command::AddToLink {
                                link: id,
                                claim: to,
                            });
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.pending_link = None;
        }
    }

    /// Moves to the next (`+1`) or previous (`-1`) find hit across the open columns.
    fn step_find(&mut self, step: isize) {
        let Some(doc) = &self.doc else { return };
        if !self.find.active() {
            self.find.open = true;
            self.find.focus_field = true;
            return;
        }
        let mut all = Vec::new();
        for (ci, col) in self.columns.iter().enumerate() {
            if let Some(a) = doc.project.article(col.article) {
                for (hi, &(s, e)) in self.find.hits(a).iter().enumerate() {
                    all.push((ci, a.id, hi, s, e));
                }
            }
        }
        if all.is_empty() {
            return;
        }
        let pos = self
            .find
            .current
            .and_then(|(a, h)| all.iter().position(|x| x.1 == a && x.2 == h));
        let next = match pos {
            None if step < 0 => all.len() - 1,
            None => 0,
            Some(p) => (p as isize + step).rem_euclid(all.len() as isize) as usize,
        };
        let (ci, aid, hi, s, _) = all[next];
        self.find.current = Some((aid, hi));
        self.active = ci;
        if let Some(col) = self.columns.get_mut(ci) {
            col.reader.scroll_to = Some(s);
        }
    }

    /// Total hits and the current one's number (1-based) across the open columns.
    fn find_counts(&mut self) -> (usize, Option<usize>) {
        let Some(doc) = &self.doc else {
            return (0, None);
        };
        let mut total = 0;
        let mut current = None;
        for col in &self.columns {
            if let Some(a) = doc.project.article(col.article) {
                let hits = self.find.hits(a).len();
                if let Some((aid, hi)) = self.find.current
                    && aid == a.id
                {
                    current = Some(total + hi + 1);
                }
                total += hits;
            }
        }
        (total, current)
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let has_doc = self.doc.is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for a in [Action::OpenFolder, Action::OpenProject, Action::OpenSample] {
                    self.menu_item(ui, a, true);
                }
                ui.separator();
                for a in [
                    Action::Save,
                    Action::SaveAs,
                    Action::Export,
                    Action::CloseProject,
                ] {
                    self.menu_item(ui, a, has_doc);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self.doc.as_ref().map_or((None, None), |d| {
                    (
                        d.history.undo_label().map(str::to_owned),
                        d.history.redo_label().map(str::to_owned),
                    )
                });
                self.menu_item_labeled(
                    ui,
                    Action::Undo,
                    undo.map(|l| format!("Undo {l}")),
                    has_doc,
                );
                self.menu_item_labeled(
                    ui,
                    Action::Redo,
                    redo.map(|l| format!("Redo {l}")),
                    has_doc,
                );
                ui.separator();
                self.menu_item(ui, Action::Copy, has_doc);
                self.menu_item(
                    ui,
                    Action::DeleteClaim,
                    has_doc && self.selected_claim.is_some(),
                );
                for a in [Action::Find, Action::FindNext, Action::FindPrevious] {
                    self.menu_item(ui, a, has_doc);
                }
            });
            ui.menu_button("View", |ui| {
                for a in [Action::AddColumn, Action::CloseColumn] {
                    self.menu_item(ui, a, has_doc);
                }
                ui.separator();
                for a in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                    self.menu_item(ui, a, true);
                }
                ui.separator();
                self.menu_item(ui, Action::Codebook, has_doc);
                ui.separator();
                for a in [
                    Action::ToggleClaims,
                    Action::ToggleConflicts,
                    Action::ToggleFigures,
                ] {
                    self.menu_item(ui, a, has_doc);
                }
                let mut marks = self.figure_marks;
                if ui
                    .checkbox(&mut marks, Action::ToggleFigureMarks.label())
                    .clicked()
                {
                    self.commands
                        .push(Command::Action(Action::ToggleFigureMarks));
                }
                let mut lib = self.library_open;
                if ui
                    .checkbox(&mut lib, Action::ToggleLibrary.label())
                    .clicked()
                {
                    self.commands.push(Command::Action(Action::ToggleLibrary));
                }
                let mut dark = ui.visuals().dark_mode;
                if ui
                    .checkbox(&mut dark, Action::ToggleTheme.label())
                    .clicked()
                {
                    self.commands.push(Command::Action(Action::ToggleTheme));
                }
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, action: Action, enabled: bool) {
        self.menu_item_labeled(ui, action, None, enabled);
    }

    fn menu_item_labeled(
        &mut self,
        ui: &mut egui::Ui,
        action: Action,
        label: Option<String>,
        enabled: bool,
    ) {
        let text = label.unwrap_or_else(|| action.label().to_owned());
        let mut button = egui::Button::new(text);
        if let Some(s) = action.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&s));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(action.tooltip())
            .clicked()
        {
            self.commands.push(Command::Action(action));
        }
    }

    fn find_bar(&mut self, ui: &mut egui::Ui) {
        let (total, current) = self.find_counts();
        ui.horizontal(|ui| {
            ui.label("Find:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.find.query)
                    .hint_text("a word or phrase")
                    .desired_width(260.0),
            );
            if std::mem::take(&mut self.find.focus_field) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                self.commands.push(Command::Action(if back {
                    Action::FindPrevious
                } else {
                    Action::FindNext
                }));
                field.request_focus();
            }
            if ui
                .button("Previous")
                .on_hover_text("Previous match (Shift+F3)")
                .clicked()
            {
                self.commands.push(Command::Action(Action::FindPrevious));
            }
            if ui
                .button("Next")
                .on_hover_text("Next match (F3, Enter)")
                .clicked()
            {
                self.commands.push(Command::Action(Action::FindNext));
            }
            if self.find.active() {
                let text = match current {
                    Some(c) => format!("{c} of {total} in the open columns"),
                    None => format!("{total} matches in the open columns"),
                };
                ui.label(text);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
                    self.find.open = false;
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(doc) = &self.doc {
                let (all, open) = super::conflicts_panel::conflict_counts(&doc.project);
                ui.label(format!(
                    "{} articles · {} claims · {} links · {all} conflicts ({open} open) · text {} pt",
                    doc.project.articles().len(),
                    doc.project.claims().len(),
                    doc.project.links().len(),
                    self.font_size
                ));
                ui.separator();
            }
            if let Some(m) = self.message.clone() {
                let color = if m.is_error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.add(egui::Label::new(egui::RichText::new(&m.text).color(color)).truncate());
                if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                    self.commands.push(Command::DismissMessage);
                }
            }
        });
    }

    fn progress_overlay(&mut self, ctx: &egui::Context) {
        let Some(p) = &self.jobs.import else { return };
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        // Short imports finish before a dialog would be noticed; only long ones show it.
        if p.started.elapsed().as_millis() < 150 {
            return;
        }
        egui::Modal::new(egui::Id::unique("import-progress")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.label(&p.label);
            ui.add(
                egui::ProgressBar::new(p.fraction())
                    .show_percentage()
                    .animate(true),
            );
        });
    }

    fn path_prompt_window(&mut self, ctx: &egui::Context) {
        let Some((kind, text)) = &mut self.path_prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        let what = match kind {
            PickKind::Folder => "folder of articles",
            PickKind::Project => "project file",
            PickKind::SaveProject => "new project file",
            PickKind::Export => "report file",
        };
        egui::Window::new("Type a path")
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!(
                    "No {what} was chosen. If no dialog appeared, type its path here:"
                ));
                let r = ui.add(egui::TextEdit::singleline(text).desired_width(380.0));
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                submit = ui.button("Open").clicked() || enter;
            });
        if submit && !text.trim().is_empty() {
            let path = PathBuf::from(text.trim());
            let save = *kind == PickKind::SaveProject;
            self.path_prompt = None;
            self.commands.push(if save {
                Command::SaveTo(path)
            } else {
                Command::OpenPath(path)
            });
        } else if !open {
            self.path_prompt = None;
        }
    }
}

fn ctx_modifiers_command(m: &egui::Modifiers) -> bool {
    m.command || m.ctrl
}

/// The edits that delete a claim: it leaves every link it is in (a link left with fewer than
/// two members goes), then the claim goes. Undoing the batch restores all of it.
pub fn delete_claim_edits(project: &Project, claim: ClaimId) -> Vec<Edit> {
    let mut edits = Vec::new();
    for link in project.links_of(claim) {
        let rest: Vec<ClaimId> = link
            .members
            .iter()
            .copied()
            .filter(|m| *m != claim)
            .collect();
        if rest.len() < 2 {
            edits.push(Edit::DeleteLink(link.id));
        } else {
            let mut l = link.clone();
            l.members = rest;
            edits.push(Edit::PutLink(l));
        }
    }
    edits.push(Edit::DeleteClaim(claim));
    edits
}

/// Where Save suggests writing an untitled project: `<folder>.crosscheck` beside its folder.
fn suggested_project_path(doc: &Document) -> PathBuf {
    match (&doc.file, &doc.folder) {
        (Some(f), _) => f.clone(),
        (None, Some(folder)) => folder.with_file_name(format!(
            "{}.{}",
            folder_name(folder),
            crate::store::EXTENSION
        )),
        (None, None) => {
            super::export::home_dir().join(format!("{}.{}", doc.name, crate::store::EXTENSION))
        }
    }
}

/// The name a folder is shown by.
fn folder_name(folder: &Path) -> String {
    folder.file_name().map_or_else(
        || folder.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
