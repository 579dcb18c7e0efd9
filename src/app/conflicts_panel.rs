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
            for link in list {
                let state = match &link.resolution {
                    Resolution::Open => "open",
                    Resolution::Resolved { .. } => "resolved",
                    Resolution::Unresolvable => "unresolvable",
                };
                let quotes: Vec<String> = link
                    .members
                    .iter()
                    .filter_map(|m| project.claim(*m))
                    .map(|c| {
                        let title = project
                            .article(c.article_id)
                            .map_or("?", |a| a.title.as_str());
                        let short: String = title.chars().take(40).collect();
                        format!("“{}” ({short})", c.quote)
                    })
                    .collect();
                let text = format!("[{state}] {}", quotes.join("  vs  "));
                let r =
                    ui.add(egui::Button::selectable(selected == Some(link.id), text).truncate());
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
