//! File ▸ Export report… (Ctrl+E): choose a format and a path (typed, or picked in a native
//! dialog off the UI thread), write the report on a background thread, then offer to open it.
//! The dialog also holds the project's publisher settings, which ClaimReview needs: each field
//! becomes an undoable [`Edit::SetSetting`] as soon as its value is valid.

use super::command::Command;
use crate::model::{Edit, Project, settings};
use crate::report::{Format, missing_settings};
use eframe::egui;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The export dialog's state.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Option<Format>,
    pub path: String,
    /// The last file written, offered for opening.
    pub done: Option<PathBuf>,
    /// Settings fields being typed, by key, while they differ from the project's value.
    drafts: BTreeMap<&'static str, String>,
}

/// Where a report suggests to go: beside the project file (or the imported folder), named
/// after it, with the format's extension.
pub fn suggested_path(base: Option<&Path>, name: &str, format: Format) -> PathBuf {
    let stem = name.trim_end_matches(".crosscheck");
    let file = format!("{stem}-report.{}", format.extension());
    match base.and_then(Path::parent) {
        Some(dir) => dir.join(file),
        None => home_dir().join(file),
    }
}

impl ExportDialog {
    /// Opens the dialog with a suggested path.
    pub fn show_for(&mut self, base: Option<&Path>, name: &str) {
        let format = self.format.unwrap_or(Format::Html);
        self.format = Some(format);
        self.path = suggested_path(base, name, format).display().to_string();
        self.done = None;
        self.open = true;
    }

    /// Draws the dialog when open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        base: Option<&Path>,
        name: &str,
        project: &Project,
        commands: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Export report")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label("Format");
                for f in Format::ALL {
                    if ui.radio(self.format == Some(f), f.label()).clicked() {
                        self.format = Some(f);
                        self.path = suggested_path(base, name, f).display().to_string();
                    }
                }
                ui.add_space(6.0);
                self.publisher_ui(ui, project, commands);
                ui.add_space(6.0);
                let path_label = ui.label("Save to");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(380.0))
                        .labelled_by(path_label.id);
                    if ui.button("Choose…").clicked() {
                        commands.push(Command::PickExportPath);
                    }
                });
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let ready = self.format.is_some() && !self.path.trim().is_empty();
                    if ui.add_enabled(ready, egui::Button::new("Export")).clicked()
                        && let Some(format) = self.format
                    {
                        commands.push(Command::Export {
                            format,
                            path: PathBuf::from(self.path.trim()),
                        });
                    }
                    if let Some(done) = &self.done
                        && ui.button("Open the report").clicked()
                    {
                        open_in_system(done);
                    }
                });
                if let Some(done) = &self.done {
                    ui.weak(format!("Written to {}", done.display()));
                }
            });
        if !open {
            self.open = false;
        }
    }
}

impl ExportDialog {
    /// The publisher settings: one labelled field each. A valid value is applied at once (typing
    /// coalesces into one undo step per field); an invalid address is kept in the field with the
    /// reason beside it, and nothing is written until it is fixed.
    fn publisher_ui(&mut self, ui: &mut egui::Ui, project: &Project, commands: &mut Vec<Command>) {
        let missing = missing_settings(project);
        let header = if missing.is_empty() || self.format != Some(Format::ClaimReview) {
            "Publisher".to_owned()
        } else {
            format!("Publisher — ClaimReview needs {}", missing.len())
        };
        // A header of its own for ClaimReview, open at first: that format needs these fields.
        let claimreview = self.format == Some(Format::ClaimReview);
        egui::CollapsingHeader::new(header)
            .id_salt(("export-publisher", claimreview))
            .default_open(claimreview)
            .show(ui, |ui| {
                egui::Grid::new("publisher-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for key in settings::ALL {
                            let label = ui.label(settings::label(key));
                            let stored = project.setting(key).unwrap_or("");
                            let text = self
                                .drafts
                                .entry(key)
                                .or_insert_with(|| stored.to_owned());
                            let hint = if settings::is_address(key) {
                                "https://…"
                            } else {
                                "Name"
                            };
                            let response = ui
                                .add(
                                    egui::TextEdit::singleline(text)
                                        .hint_text(hint)
                                        .desired_width(300.0),
                                )
                                .labelled_by(label.id);
                            ui.end_row();
                            let problem = settings::check(key, text).err();
                            if response.changed() && problem.is_none() && text.trim() != stored {
                                commands.push(Command::Edit {
                                    label: "Change project settings".into(),
                                    edit: Edit::SetSetting {
                                        key: key.to_owned(),
                                        value: Some(text.trim().to_owned()),
                                    },
                                    coalesce: Some(format!("setting:{key}")),
                                });
                            }
                            if let Some(problem) = problem {
                                ui.label("");
                                ui.colored_label(ui.visuals().error_fg_color, problem);
                                ui.end_row();
                            } else if !response.has_focus() && text.trim() != stored {
                                // Undo or another window changed it: show the project's value.
                                *text = stored.to_owned();
                            }
                        }
                    });
                ui.weak("Used in ClaimReview: the reviewing organisation, and each review's address (the report's address + #claim-N).");
            });
    }
}

/// The user's home folder (for documents that belong to no folder, like the sample's), or the
/// current folder when there is none.
pub fn home_dir() -> PathBuf {
    directories::UserDirs::new().map_or_else(|| PathBuf::from("."), |u| u.home_dir().to_owned())
}

/// Opens a file with the system's default program; failures are ignored (the path is shown).
pub fn open_in_system(path: &Path) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(path).spawn();
}
