//! File ▸ Export report… (Ctrl+E): choose a format and a path (typed, or picked in a native
//! dialog off the UI thread), write the report on a background thread, then offer to open it.

use super::command::Command;
use crate::report::Format;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The export dialog's state.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Option<Format>,
    pub path: String,
    /// The last file written, offered for opening.
    pub done: Option<PathBuf>,
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
