//! [`Workbench`]: the whole window's state and its frame: menus, panels, background jobs, and
//! the end-of-frame loop that runs the [`Command`]s the panels pushed.
//!
//! It knows no eframe types, only egui, so tests drive it with `egui_kittest` exactly as the
//! real window does.

mod chrome;
mod commands;
mod edits;
mod files;
mod merge;
mod refresh;
mod shared;

use files::{folder_name, suggested_project_path};

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
    Quotes,
    Timeline,
    Sources,
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
    pub figures: super::figures_cache::FiguresCache,
    /// Underline untagged figures in the columns.
    pub figure_marks: bool,
    /// Give passages shared with other articles a quiet background in the columns.
    pub shared_marks: bool,
    pub selected_link: Option<LinkId>,
    pub link_inspector: LinkInspector,
    /// Two claims waiting for the user to pick how they relate, and where to ask.
    pub pending_link: Option<(ClaimId, ClaimId, egui::Pos2)>,
    /// `L` was pressed: the next claim clicked is linked to this one.
    pub link_armed: Option<ClaimId>,
    pub codebook: Codebook,
    /// Quotations grouped across articles, for the Quotes tab.
    pub quotes: super::quotes_view::QuotesView,
    /// Figures over time, for the Timeline tab.
    pub timeline: super::timeline_view::TimelineView,
    /// The "Article details" window.
    pub article_editor: super::article_editor::ArticleEditor,
    /// The Changes window of the last refresh from sources.
    pub changes: super::changes_view::ChangesWindow,
    /// Two versions of an article side by side.
    pub compare: super::compare_view::CompareWindow,
    pub export: super::export::ExportDialog,
    /// The open project compared with another coder's copy.
    pub agreement: super::agreement_view::AgreementWindow,
    /// The result of the last File ▸ Merge project….
    pub merge_result: super::merge_view::MergeWindow,
    /// Crosscheck's data folder (recovery files, recent projects), if one can be had.
    pub data: Option<DataDir>,
    pub recent: Vec<RecentProject>,
    pub recoverable: Vec<Recoverable>,
    /// The researcher's preferences: their name, recorded on what they make.
    pub preferences: crate::store::Preferences,
    pub preferences_window: super::preferences::PreferencesWindow,
    /// The "Open shared project" window, with the address typed so far.
    pub shared_prompt: Option<String>,
    /// The shared project address opened last (the prompt starts from it).
    pub last_shared_url: String,
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
        // What a killed window left behind (Save As temporaries, recovery files holding no
        // work) goes before anything is listed.
        if let Some(d) = &data {
            d.sweep();
        }
        let recent = data
            .as_ref()
            .map(DataDir::recent_projects)
            .unwrap_or_default();
        let recoverable = data
            .as_ref()
            .and_then(|d| d.recoverable().ok())
            .unwrap_or_default();
        let preferences = data.as_ref().map(DataDir::preferences).unwrap_or_default();
        Workbench {
            preferences,
            preferences_window: Default::default(),
            data,
            recent,
            recoverable,
            close_prompt: false,
            shared_prompt: None,
            last_shared_url: String::new(),
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
            figures: super::figures_cache::FiguresCache::default(),
            figure_marks: true,
            shared_marks: true,
            selected_link: None,
            link_inspector: LinkInspector::default(),
            pending_link: None,
            link_armed: None,
            codebook: Codebook::default(),
            quotes: Default::default(),
            timeline: Default::default(),
            article_editor: Default::default(),
            changes: Default::default(),
            compare: Default::default(),
            export: super::export::ExportDialog::default(),
            agreement: Default::default(),
            merge_result: Default::default(),
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
        self.jobs.running.is_some()
    }

    /// Are figures, stories and suggestions still being found?
    pub fn analysing(&self) -> bool {
        self.figures.analysing()
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
        self.poll_shared(&ctx);
        // Figures, stories and suggestions are found off the UI thread; this only starts the
        // work when the project changed and takes in results that arrived.
        if let Some(doc) = &self.doc {
            self.figures.ensure(&doc.project, &ctx);
        }

        let room = Room::of(
            ui.available_size(),
            self.library_open,
            self.selected_claim.is_some() || self.selected_link.is_some(),
        );
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.doc.is_some() {
            if self.find.open {
                egui::Panel::top("find").show(ui, |ui| self.find_bar(ui));
            }
            if let (Some(doc), Some(id)) = (&self.doc, self.selected_link) {
                inspector_panel(room.inspector).show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("link-inspector-scroll")
                        .show(ui, |ui| {
                            self.link_inspector
                                .ui(ui, &doc.project, id, &mut self.commands);
                        });
                });
            } else if let (Some(doc), Some(id)) = (&self.doc, self.selected_claim) {
                inspector_panel(room.inspector).show(ui, |ui| {
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
                    .default_size(220.0_f32.min(room.bottom))
                    .size_range(100.0..=room.bottom)
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
                                (BottomTab::Quotes, "Quotes".to_owned()),
                                (BottomTab::Timeline, "Timeline".to_owned()),
                                (BottomTab::Sources, "Sources".to_owned()),
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
                            BottomTab::Quotes => {
                                self.quotes.ensure(&doc.project);
                                super::quotes_view::quotes_ui(
                                    ui,
                                    &doc.project,
                                    &mut self.quotes,
                                    &mut self.commands,
                                );
                            }
                            BottomTab::Timeline => {
                                self.timeline.ensure(&doc.project);
                                let focus = self.columns.get(self.active).map(|c| c.article);
                                super::timeline_view::timeline_ui(
                                    ui,
                                    &doc.project,
                                    &mut self.timeline,
                                    &self.figures,
                                    focus,
                                    &mut self.commands,
                                );
                            }
                            BottomTab::Sources => {
                                super::sources_view::sources_ui(
                                    ui,
                                    &doc.project,
                                    &self.figures,
                                    &mut self.commands,
                                );
                            }
                            BottomTab::Figures => {
                                super::figures_view::figures_ui(
                                    ui,
                                    &doc.project,
                                    &mut self.figures,
                                    &mut self.commands,
                                );
                            }
                        }
                    });
            }
            if let Some(max) = room.library {
                egui::Panel::left("library")
                    .default_size(280.0_f32.min(max))
                    .size_range(LIBRARY_MIN..=max)
                    .show(ui, |ui| {
                        if let Some(doc) = &self.doc {
                            let open: Vec<ArticleId> =
                                self.columns.iter().map(|c| c.article).collect();
                            self.library.ui(
                                ui,
                                doc,
                                &mut self.find,
                                &open,
                                &self.figures,
                                &mut self.commands,
                            );
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
                        shared: self.shared_marks.then_some(&self.figures),
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
                self.welcome.ui(
                    ui,
                    &self.recent,
                    &self.recoverable,
                    self.preferences.author(),
                    &mut self.commands,
                );
            });
        }
        if let Some(doc) = &self.doc {
            self.codebook.show(&ctx, &doc.project, &mut self.commands);
            self.article_editor
                .show(&ctx, &doc.project, &mut self.commands);
            let selection = self
                .columns
                .get(self.active)
                .map(|c| (c.article, c.reader.selection.is_some_and(|s| !s.is_empty())));
            self.changes
                .show(&ctx, &doc.project, selection, &mut self.commands);
            self.compare.show(&ctx, &doc.project);
            self.agreement.show(&ctx, &doc.project, &mut self.commands);
            let base = doc.file.as_deref().or(doc.folder.as_deref());
            self.export
                .ui(&ctx, base, &doc.name, &doc.project, &mut self.commands);
            self.merge_result.ui(&ctx, &mut self.commands);
        }
        self.preferences_window
            .ui(&ctx, self.data.is_some(), &mut self.commands);
        self.pending_link_menu(&ctx);
        self.progress_overlay(&ctx);
        self.path_prompt_window(&ctx);
        self.shared_prompt_window(&ctx);

        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // Commands change what this frame already drew: draw again so the screen never
            // shows the state from before a click until the next mouse move.
            ctx.request_repaint();
        }
        for command in commands {
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

    fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    /// Shows the bottom panel on `tab`, or hides it when it already shows that tab.
    fn toggle_bottom(&mut self, tab: BottomTab) {
        self.claims_open = !(self.claims_open && self.bottom_tab == tab);
        self.bottom_tab = tab;
    }
}

/// The right-hand panel both inspectors (claim and link) share: one id, so they have one
/// width, and switching between a claim and a link never re-wraps the columns.
fn inspector_panel(max: f32) -> egui::Panel {
    egui::Panel::right("inspector")
        .default_size(320.0_f32.min(max))
        .size_range(INSPECTOR_MIN.min(max)..=max)
}

/// The narrowest the inspector gets.
const INSPECTOR_MIN: f32 = 180.0;
/// The narrowest the library gets before it hides.
const LIBRARY_MIN: f32 = 140.0;
/// The room the reading columns keep before the library gives way.
const COLUMNS_MIN: f32 = 420.0;

/// How much room the panels around the columns may take in a window of this size: in a small
/// window they shrink first, then the library hides, so the columns stay readable.
struct Room {
    library: Option<f32>,
    inspector: f32,
    bottom: f32,
}

impl Room {
    fn of(size: egui::Vec2, library_open: bool, inspector_open: bool) -> Room {
        let spare = (size.x - COLUMNS_MIN).max(0.0);
        let inspector = (spare * 0.55).clamp(INSPECTOR_MIN, 480.0);
        let beside = if inspector_open { inspector } else { 0.0 };
        let library_room = (spare - beside).min(520.0);
        Room {
            library: (library_open && library_room >= LIBRARY_MIN).then_some(library_room),
            inspector,
            bottom: (size.y * 0.45).max(120.0),
        }
    }
}
