//! The result of File ▸ Merge project…: what came in, what changed, and what a person should
//! look at — clashes of the codebook and verdict scale, and claims or links the two projects
//! judged differently (each opens in the inspector).

use super::command::Command;
use crate::team::MergeReport;
use eframe::egui;

/// The "Merge result" window.
#[derive(Default)]
pub struct MergeWindow {
    /// The merged file's name and the report, while the window is open.
    pub shown: Option<(String, MergeReport)>,
}

impl MergeWindow {
    /// Opens the window on a merge just done.
    pub fn show_report(&mut self, name: String, report: MergeReport) {
        self.shown = Some((name, report));
    }

    /// Draws the window while it has a report.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some((name, report)) = &self.shown else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new("Merge result")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 80.0))
            .max_height(ctx.content_rect().height() * 0.8)
            .show(ctx, |ui| {
                ui.strong(format!("Merged {name} into this project"));
                ui.label(report.summary());
                if report.nothing_new() {
                    ui.weak("It held nothing this project lacked: nothing changed.");
                } else {
                    ui.weak("One step: Undo (Ctrl+Z) takes the whole merge back.");
                }
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    list(ui, "Articles added", &report.articles_added);
                    list(ui, "Sources that changed", &report.articles_changed);
                    list(ui, "Categories added", &report.categories_added);
                    list(ui, "Verdicts added", &report.verdicts_added);
                    if !report.clashes.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(format!("Clashes ({}) — nothing was renamed", report.clashes.len()));
                        for c in &report.clashes {
                            ui.colored_label(ui.visuals().warn_fg_color, c.describe());
                        }
                    }
                    if !report.conflicts.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(format!(
                            "Judged differently ({}) — this project's value kept, the other's in the note",
                            report.conflicts.len()
                        ));
                        for c in &report.conflicts {
                            let text = format!(
                                "{} “{}”: {} “{}” here, “{}” there",
                                c.kind, c.what, c.field, c.ours, c.theirs
                            );
                            if ui.link(text).on_hover_text(c.describe()).clicked() {
                                commands.push(if c.kind == "link" {
                                    Command::SelectLink(Some(c.id))
                                } else {
                                    Command::SelectClaim(Some(c.id))
                                });
                            }
                        }
                    }
                });
                ui.add_space(6.0);
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        if !open || close {
            self.shown = None;
        }
    }
}

fn list(ui: &mut egui::Ui, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong(format!("{title} ({})", items.len()));
    for item in items {
        ui.horizontal(|ui| {
            ui.add_space(12.0);
            ui.label(item);
        });
    }
}
