//! The Preferences window (Edit ▸ Preferences…, Ctrl+,): the researcher's name, recorded as the
//! author of every claim and link they make. Saved in Crosscheck's data folder, so it is set
//! once for every project.

use super::command::Command;
use crate::store::Preferences;
use eframe::egui;

/// The window's state: open or not, and the name being typed.
#[derive(Default)]
pub struct PreferencesWindow {
    pub open: bool,
    /// The name in the field (saved only with Save).
    pub name: String,
    /// Put the cursor in the name field when the window opens.
    focus: bool,
}

impl PreferencesWindow {
    /// Opens the window on the saved preferences.
    pub fn show_for(&mut self, prefs: &Preferences) {
        self.name = prefs.name.clone().unwrap_or_default();
        self.open = true;
        self.focus = true;
    }

    /// Draws the window while open; Save pushes [`Command::SavePreferences`].
    pub fn ui(&mut self, ctx: &egui::Context, can_save: bool, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut close = false;
        egui::Window::new("Preferences")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
            .show(ctx, |ui| {
                let label = ui.strong("Your name");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.name)
                            .hint_text("e.g. Ana Lima")
                            .desired_width(340.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                ui.weak(
                    "Recorded as the author of every claim and link you make, and shown in \
                     the inspector and in reports, so a team can tell whose work is whose \
                     after merging projects.",
                );
                if !can_save {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "Crosscheck has no data folder here, so the name lasts until you close it.",
                    );
                }
                ui.add_space(6.0);
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() || enter {
                        let name = self.name.trim();
                        commands.push(Command::SavePreferences(Preferences {
                            name: (!name.is_empty()).then(|| name.to_owned()),
                        }));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        self.open = open && !close;
    }
}
