//! The Changes window, shown after File ▸ Refresh from folder: what each article's new version
//! changed (numbers, names and negations called out), which files are new or missing, and the
//! orphaned claims — old quote beside the new text — with a way to re-attach each one to a
//! selection in a column (one undo step) or leave it on its old version.

use super::command::Command;
use crate::analysis::versions::refresh::{OrphanedClaim, RefreshPlan, Status};
use crate::model::{ArticleId, Claim, ClaimId, Edit, LinkKind, Project};
use eframe::egui;
use std::collections::BTreeMap;

/// The window's state: the last refresh, and what the new text says where each orphan was.
#[derive(Default)]
pub struct ChangesWindow {
    pub open: bool,
    plan: Option<RefreshPlan>,
    /// Per orphaned claim of the last refresh: the new version's words in its place, and
    /// the version of its article they are on.
    orphaned: BTreeMap<ClaimId, (OrphanedClaim, u32)>,
}

impl ChangesWindow {
    /// Shows the outcome of a refresh.
    pub fn show_plan(&mut self, plan: RefreshPlan) {
        self.orphaned = plan
            .articles
            .iter()
            .flat_map(|a| a.orphaned.iter().map(|o| (o.claim, (o.clone(), a.version))))
            .collect();
        self.plan = Some(plan);
        self.open = true;
    }

    /// Draws the window when open. `selection` is the active column's article and whether
    /// it has a selection, which re-attaching needs.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        selection: Option<(crate::model::ArticleId, bool)>,
        commands: &mut Vec<Command>,
    ) {
        let mut open = self.open;
        // Bottom right, so the article text stays free for selecting the new words.
        let corner = ctx.content_rect().right_bottom() - egui::vec2(16.0, 40.0);
        egui::Window::new("Changes")
            .open(&mut open)
            .pivot(egui::Align2::RIGHT_BOTTOM)
            .default_pos(corner)
            .default_width(560.0)
            .default_height(420.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.ui(ui, project, selection, commands);
                });
            });
        self.open = open && self.open;
    }

    fn ui(
        &self,
        ui: &mut egui::Ui,
        project: &Project,
        selection: Option<(crate::model::ArticleId, bool)>,
        commands: &mut Vec<Command>,
    ) {
        if let Some(plan) = &self.plan {
            ui.label(format!(
                "{} changed, {} new, {} missing (kept), {} unchanged",
                plan.count(Status::Changed),
                plan.count(Status::New),
                plan.count(Status::Missing),
                plan.count(Status::Unchanged),
            ));
            for a in plan
                .articles
                .iter()
                .filter(|a| a.status != Status::Unchanged)
            {
                let status = match a.status {
                    Status::Changed => format!("changed, now version {}", a.version),
                    Status::New => "new".to_owned(),
                    Status::Missing => "missing, kept".to_owned(),
                    Status::Unchanged => "unchanged".to_owned(),
                };
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.link(&a.title).on_hover_text(&a.path).clicked() && a.status != Status::New
                    {
                        commands.push(Command::ShowArticle {
                            article: a.article,
                            new_column: false,
                        });
                    }
                    ui.weak(status);
                    if a.status == Status::Changed && ui.button("Compare versions").clicked() {
                        commands.push(Command::CompareVersions(a.article));
                    }
                });
                for change in &a.changes {
                    ui.label(egui::RichText::new(change.describe()).monospace());
                }
            }
        }
        let orphans: Vec<_> = project.orphans().collect();
        ui.separator();
        ui.strong(super::plural::count(orphans.len(), "orphaned claim"));
        if orphans.is_empty() {
            ui.weak("Every claim lies on the current text of its article.");
        }
        for c in orphans {
            let title = project
                .article(c.article_id)
                .map_or("?", |a| a.title.as_str());
            egui::Frame::new()
                .inner_margin(6)
                .corner_radius(4.0)
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.weak(format!(
                        "{title} — stays on version {}",
                        c.version.unwrap_or(1)
                    ));
                    ui.label(format!("was: “{}”", c.quote));
                    let found = self.orphaned.get(&c.id);
                    if let Some((o, _)) = found {
                        ui.label(format!("now: “{}”", o.new_text));
                    }
                    let update = found.and_then(|(o, v)| update_link(project, c, o, *v));
                    ui.horizontal(|ui| {
                        if ui.button("Show article").clicked() {
                            commands.push(Command::ShowArticle {
                                article: c.article_id,
                                new_column: false,
                            });
                            commands.push(Command::SelectClaim(Some(c.id)));
                        }
                        let ready = selection == Some((c.article_id, true));
                        let reattach = ui
                            .add_enabled(ready, egui::Button::new("Re-attach to selection"))
                            .on_hover_text("Put the claim on the text selected in the article")
                            .on_disabled_hover_text(
                                "Select the new words in this article's column first",
                            );
                        if reattach.clicked() {
                            commands.push(Command::Reattach(c.id));
                        }
                        if let Some(edit) = update
                            && ui
                                .button("Link as update")
                                .on_hover_text(
                                    "The figure changed: tag the new words and link them to \
                                     this claim as an update",
                                )
                                .clicked()
                        {
                            commands.push(Command::Edit {
                                label: "Link as update".into(),
                                edit,
                                coalesce: None,
                            });
                        }
                    });
                });
        }
    }
}

/// The suggested `updates` link for an orphan whose figure changed: a claim on the new words
/// (same category) linked to the orphan. `None` when no figure changed, the new words are
/// gone, the article moved on to another version, or the orphan already has an update.
fn update_link(project: &Project, orphan: &Claim, o: &OrphanedClaim, version: u32) -> Option<Edit> {
    let article: ArticleId = orphan.article_id;
    let usable = o.figure_changed
        && o.new_end > o.new_start
        && project.current_version(article) == version
        && !project
            .links_of(orphan.id)
            .any(|l| l.kind == LinkKind::Updates);
    if !usable {
        return None;
    }
    let claim = project
        .make_claim(article, o.new_start, o.new_end, orphan.category_id)
        .ok()?;
    let link = super::link_overlay::new_link(project, LinkKind::Updates, vec![orphan.id, claim.id]);
    Some(Edit::Batch(vec![
        Edit::PutClaim(claim),
        Edit::PutLink(link),
    ]))
}
