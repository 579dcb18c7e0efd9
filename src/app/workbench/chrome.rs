//! The window chrome: menu bar, find bar, status bar, progress and path prompts.

use super::*;

impl Workbench {
    /// Moves to the next (`+1`) or previous (`-1`) find hit across the open columns.
    pub(super) fn step_find(&mut self, step: isize) {
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
    pub(super) fn find_counts(&mut self) -> (usize, Option<usize>) {
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

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let has_doc = self.doc.is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for a in [
                    Action::OpenFolder,
                    Action::OpenProject,
                    Action::OpenShared,
                    Action::OpenSample,
                ] {
                    self.menu_item(ui, a, true);
                }
                ui.separator();
                for a in [
                    Action::Save,
                    Action::SaveAs,
                    Action::Export,
                    Action::RefreshFromFolder,
                    Action::MergeProject,
                    Action::CloseProject,
                ] {
                    self.menu_item(ui, a, has_doc);
                }
                ui.separator();
                self.menu_item(ui, Action::Quit, true);
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
                ui.separator();
                let active = self.columns.get(self.active).map(|c| c.article);
                if ui
                    .add_enabled(active.is_some(), egui::Button::new("Article details…"))
                    .on_hover_text("Correct the title, outlet, date, author or address of the active column's article")
                    .clicked()
                    && let Some(id) = active
                {
                    self.commands.push(Command::EditArticle(id));
                }
                ui.separator();
                self.menu_item(ui, Action::Preferences, true);
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
                self.menu_item(ui, Action::Agreement, has_doc);
                ui.separator();
                for a in [
                    Action::ToggleClaims,
                    Action::ToggleConflicts,
                    Action::ToggleFigures,
                    Action::ToggleQuotes,
                    Action::ToggleTimeline,
                    Action::ToggleSources,
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
                let mut shared = self.shared_marks;
                if ui
                    .checkbox(&mut shared, Action::ToggleSharedMarks.label())
                    .on_hover_text(Action::ToggleSharedMarks.tooltip())
                    .clicked()
                {
                    self.commands
                        .push(Command::Action(Action::ToggleSharedMarks));
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

    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, action: Action, enabled: bool) {
        self.menu_item_labeled(ui, action, None, enabled);
    }

    pub(super) fn menu_item_labeled(
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

    pub(super) fn find_bar(&mut self, ui: &mut egui::Ui) {
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
                    None => format!(
                        "{} in the open columns",
                        crate::app::plural::count(total, "match")
                    ),
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

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(doc) = &self.doc {
                let (all, open) = crate::app::conflicts_panel::conflict_counts(&doc.project);
                let n = crate::app::plural::count;
                ui.label(format!(
                    "{} · {} · {} · {} ({open} open) · text {} pt",
                    n(doc.project.articles().len(), "article"),
                    n(doc.project.claims().len(), "claim"),
                    n(doc.project.links().len(), "link"),
                    n(all, "conflict"),
                    self.font_size
                ));
                ui.separator();
                if let Some(shared) = &doc.shared {
                    self.shared_status(ui, shared);
                    ui.separator();
                }
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

    pub(super) fn progress_overlay(&mut self, ctx: &egui::Context) {
        let Some(p) = &self.jobs.running else { return };
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

    /// Shows the "type a path" window for `kind`; saving starts from the suggested
    /// `<folder>.crosscheck`, so Enter alone saves where a dialog would have suggested.
    pub fn prompt_for_path(&mut self, kind: PickKind) {
        let text = match (&self.doc, kind) {
            (Some(doc), PickKind::SaveProject) => suggested_project_path(doc).display().to_string(),
            _ => String::new(),
        };
        self.path_prompt = Some((kind, text));
    }

    pub(super) fn path_prompt_window(&mut self, ctx: &egui::Context) {
        let Some((kind, text)) = &mut self.path_prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        let (what, verb) = match kind {
            PickKind::Folder => ("folder of articles", "Open"),
            PickKind::Project => ("project file", "Open"),
            PickKind::SaveProject => ("new project file", "Save"),
            PickKind::Export => ("report file", "Export"),
            PickKind::RefreshFolder => ("folder to refresh from", "Refresh"),
            PickKind::OtherCoder => ("other coder's project", "Compare"),
            PickKind::MergeProject => ("project file to merge", "Merge"),
        };
        egui::Window::new("Type a path")
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                let label = ui.label(format!(
                    "No {what} was chosen. If no dialog appeared, type its path here:"
                ));
                let r = ui
                    .add(egui::TextEdit::singleline(text).desired_width(380.0))
                    .labelled_by(label.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                submit = ui.button(verb).clicked() || enter;
            });
        if submit && !text.trim().is_empty() {
            let path = PathBuf::from(text.trim());
            let kind = *kind;
            self.path_prompt = None;
            self.commands.push(match kind {
                PickKind::SaveProject => Command::SaveTo(path),
                PickKind::RefreshFolder => Command::RefreshFrom(path),
                PickKind::OtherCoder => Command::LoadOtherCoder(path),
                PickKind::MergeProject => Command::MergeFrom(path),
                _ => Command::OpenPath(path),
            });
        } else if !open {
            self.path_prompt = None;
        }
    }
}
