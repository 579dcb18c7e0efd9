//! The Conflicts view: every `contradicts` link, open ones first, each with its members;
//! clicking one selects it and brings its claims into view.

use super::command::Command;
use crate::model::{Link, LinkId, LinkKind, Project, Resolution};
use eframe::egui;

/// The contradicts links, open first, then by id.
pub fn conflicts(project: &Project) -> Vec<&Link> {
    let mut out: Vec<&Link> = project
        .links()
        .filter(|l| l.kind == LinkKind::Contradicts)
        .collect();
    out.sort_by_key(|l| (l.resolution != Resolution::Open, l.id));
    out
}

/// (all, open) counts of conflicts, for the status bar.
pub fn conflict_counts(project: &Project) -> (usize, usize) {
    let all = conflicts(project);
    let open = all
        .iter()
        .filter(|l| l.resolution == Resolution::Open)
        .count();
    (all.len(), open)
}

/// Draws the list.
pub fn conflicts_ui(
    ui: &mut egui::Ui,
    project: &Project,
    selected: Option<LinkId>,
    commands: &mut Vec<Command>,
) {
    let list = conflicts(project);
    if list.is_empty() {
        ui.weak("No conflicts yet. Select a claim, then Ctrl+click a claim it contradicts and choose “Contradicts”.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("conflicts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for link in list {
                let state = match &link.resolution {
                    Resolution::Open => "open",
                    Resolution::Resolved { .. } => "resolved",
                    Resolution::Unresolvable => "unresolvable",
                };
                // Whole titles, wrapped: a title cut at 40 characters often loses the part
                // that tells two reports of the same story apart.
                let quotes: Vec<String> = link
                    .members
                    .iter()
                    .filter_map(|m| project.claim(*m))
                    .map(|c| {
                        let title = project
                            .article(c.article_id)
                            .map_or("?", |a| a.title.as_str());
                        format!("“{}” ({title})", c.quote)
                    })
                    .collect();
                let text = format!("[{state}] {}", quotes.join("  vs  "));
                let r = ui.add(egui::Button::selectable(selected == Some(link.id), text).wrap());
                if let Some(resolution) = resolution_line(project, &link.resolution) {
                    ui.indent(("conflict-resolution", link.id), |ui| {
                        ui.label(egui::RichText::new(resolution).small());
                    });
                }
                if !link.note.trim().is_empty() {
                    ui.indent(("conflict-note", link.id), |ui| {
                        ui.label(egui::RichText::new(format!("Note: {}", link.note)).italics());
                    });
                }
                ui.add_space(4.0);
                if r.clicked() {
                    commands.push(Command::SelectLink(Some(link.id)));
                    for m in &link.members {
                        if let Some(c) = project.claim(*m) {
                            commands.push(Command::Reveal {
                                article: c.article_id,
                                start: c.start,
                                end: c.end,
                            });
                        }
                    }
                }
            }
        });
}

/// What the resolution says beyond the row's `[state]`: the claim that stands, if one does
/// (worded as the link inspector words it).
fn resolution_line(project: &Project, resolution: &Resolution) -> Option<String> {
    match resolution {
        Resolution::Resolved { standing: Some(id) } => project
            .claim(*id)
            .map(|c| format!("Resolved: “{}” stands", c.quote)),
        _ => None,
    }
}
