//! The welcome screen: open a folder, open a project, try the sample, or type a path.

use super::action::Action;
use super::command::Command;
use crate::store::{RecentProject, Recoverable};
use eframe::egui;

/// State of the welcome screen's path field (the fallback when no file dialog is available).
#[derive(Default)]
pub struct Welcome {
    pub path: String,
}

impl Welcome {
    /// Draws the screen centred in `ui`, pushing what the user chose onto `commands`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        recent: &[RecentProject],
        recoverable: &[Recoverable],
        author: Option<&str>,
        commands: &mut Vec<Command>,
    ) {
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() * 0.18).max(16.0));
            ui.heading(egui::RichText::new("Crosscheck").size(32.0).strong());
            ui.label("Read news articles side by side, tag their claims and find where their figures disagree.");
            ui.add_space(24.0);
            let big = |a: Action| {
                egui::Button::new(egui::RichText::new(a.label()).size(17.0)).min_size(egui::vec2(260.0, 36.0))
            };
            for action in [
                Action::OpenFolder,
                Action::OpenProject,
                Action::OpenShared,
                Action::OpenSample,
            ] {
                let mut r = ui.add(big(action)).on_hover_text(action.tooltip());
                if let Some(s) = action.shortcut() {
                    r = r.on_hover_text(ui.ctx().format_shortcut(&s));
                }
                if r.clicked() {
                    commands.push(Command::Action(action));
                }
                ui.add_space(6.0);
            }
            ui.add_space(18.0);
            ui.label("…or type the path of a folder or project file:");
            ui.horizontal(|ui| {
                let width = 420.0_f32.min(ui.available_width() - 80.0);
                ui.add_space(((ui.available_width() - width - 70.0) / 2.0).max(0.0));
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text("/home/me/articles")
                        .desired_width(width),
                );
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Open").clicked() || enter) && !self.path.trim().is_empty() {
                    commands.push(Command::OpenPath(self.path.trim().into()));
                }
            });
            ui.add_space(12.0);
            ui.weak("Tip: drop a folder or a project file anywhere on this window.");
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                centre(ui, 420.0);
                let (text, button) = match author {
                    Some(name) => (format!("Claims and links you make record “{name}”."), "Change…"),
                    None => (
                        "Set your name so the claims and links you make record who made them."
                            .to_owned(),
                        "Set your name…",
                    ),
                };
                ui.label(text);
                if ui
                    .button(button)
                    .on_hover_text(Action::Preferences.tooltip())
                    .clicked()
                {
                    commands.push(Command::Action(Action::Preferences));
                }
            });
            if !recoverable.is_empty() {
                ui.add_space(20.0);
                ui.strong("Unsaved work from an earlier session");
                for r in recoverable {
                    recoverable_row(ui, r, commands);
                }
            }
            if !recent.is_empty() {
                ui.add_space(20.0);
                ui.strong("Recent projects");
                for r in recent {
                    recent_row(ui, r, commands);
                }
            }
        });
    }
}

fn recoverable_row(ui: &mut egui::Ui, r: &Recoverable, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        centre(ui, 520.0);
        let what = r.source_folder.as_deref().unwrap_or("untitled project");
        let counts = match (r.articles, r.claims) {
            (Some(a), Some(c)) => format!(
                "{}, {}",
                super::plural::count(a, "article"),
                super::plural::count(c, "claim")
            ),
            _ => r.problem.clone().unwrap_or_default(),
        };
        ui.label(format!("{what} — {counts}"));
        if r.problem.is_none() && ui.button("Recover").clicked() {
            commands.push(Command::Recover(r.path.clone()));
        }
        if ui
            .button("Discard")
            .on_hover_text("Delete this recovery file")
            .clicked()
        {
            commands.push(Command::DiscardRecovery(r.path.clone()));
        }
    });
}

fn recent_row(ui: &mut egui::Ui, r: &RecentProject, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        centre(ui, 520.0);
        let name = r.path.file_name().map_or_else(
            || r.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if r.missing {
            ui.weak(format!("{name} (missing)"))
                .on_hover_text(format!("{} is no longer there", r.path.display()));
            if ui
                .small_button("Remove")
                .on_hover_text("Remove it from this list")
                .clicked()
            {
                commands.push(Command::ForgetRecent(r.path.clone()));
            }
        } else if ui
            .link(name)
            .on_hover_text(r.path.display().to_string())
            .clicked()
        {
            commands.push(Command::OpenPath(r.path.clone()));
        }
    });
}

/// Indents a row so a block of `width` sits in the middle.
fn centre(ui: &mut egui::Ui, width: f32) {
    ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
}
