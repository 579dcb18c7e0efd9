//! The link inspector: a link's kind, members (quote, article, date, verdict), note and
//! resolution, all editable; members can be removed. Every change is one undoable edit.

use super::command::Command;
use super::theme::kind_color;
use crate::model::{Edit, Link, LinkId, LinkKind, Project, Resolution};
use eframe::egui;

/// The note being typed.
#[derive(Default)]
pub struct LinkInspector {
    note: String,
}

fn put(label: &str, link: Link, coalesce: Option<String>) -> Command {
    Command::Edit {
        label: label.to_owned(),
        edit: Edit::PutLink(link),
        coalesce,
    }
}

impl LinkInspector {
    /// Draws the inspector for `id`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        id: LinkId,
        commands: &mut Vec<Command>,
    ) {
        let Some(link) = project.link(id) else {
            ui.weak("The selected link no longer exists.");
            return;
        };
        ui.horizontal(|ui| {
            ui.heading("Link");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("×")
                    .on_hover_text("Deselect (Esc)")
                    .clicked()
                {
                    commands.push(Command::SelectLink(None));
                }
            });
        });
        ui.weak(super::authors::made_by(
            "Linked",
            link.author.as_deref(),
            link.edited_by.as_deref(),
        ));
        let kind_label = ui.label("Kind");
        egui::ComboBox::from_id_salt("link-kind")
            .selected_text(egui::RichText::new(link.kind.label()).color(kind_color(link.kind)))
            .show_ui(ui, |ui| {
                for k in LinkKind::ALL {
                    if ui.selectable_label(k == link.kind, k.label()).clicked() && k != link.kind {
                        let mut l = link.clone();
                        l.kind = k;
                        commands.push(put("Change link kind", l, None));
                    }
                }
            })
            .response
            .labelled_by(kind_label.id);

        ui.add_space(6.0);
        ui.strong(super::plural::count(link.members.len(), "claim"));
        for &m in &link.members {
            let Some(c) = project.claim(m) else { continue };
            let article = project.article(c.article_id);
            egui::Frame::new()
                .inner_margin(6)
                .corner_radius(4.0)
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    // An orphan's offsets belong to an earlier version of the text.
                    if ui.link(format!("“{}”", c.quote)).on_hover_text("Show it").clicked()
                        && !project.is_orphaned(c)
                    {
                        commands.push(Command::Reveal {
                            article: c.article_id,
                            start: c.start,
                            end: c.end,
                        });
                    }
                    let mut meta = vec![article.map_or("?".to_owned(), |a| a.title.clone())];
                    if let Some(d) = article.and_then(|a| a.published.as_deref()) {
                        meta.push(crate::model::display_date(d));
                    }
                    meta.push(c.verdict.clone().unwrap_or_else(|| "Unverified".into()));
                    ui.weak(meta.join(" · "));
                    if ui.small_button("Remove from link").clicked() {
                        let rest: Vec<_> = link.members.iter().copied().filter(|x| *x != m).collect();
                        if rest.len() < 2 {
                            commands.push(Command::Edit {
                                label: "Remove link".into(),
                                edit: Edit::DeleteLink(link.id),
                                coalesce: None,
                            });
                            commands.push(Command::SelectLink(None));
                        } else {
                            let mut l = link.clone();
                            l.members = rest;
                            if matches!(l.resolution, Resolution::Resolved { standing: Some(s) } if s == m) {
                                l.resolution = Resolution::Resolved { standing: None };
                            }
                            commands.push(put("Remove claim from link", l, None));
                        }
                    }
                });
        }

        ui.add_space(6.0);
        let res_label = ui.label("Resolution");
        let current = match &link.resolution {
            Resolution::Open => "Open".to_owned(),
            Resolution::Unresolvable => "Unresolvable".to_owned(),
            Resolution::Resolved { standing: Some(s) } => format!(
                "Resolved: “{}” stands",
                project
                    .claim(*s)
                    .map_or(String::new(), |c| c.quote.chars().take(30).collect())
            ),
            Resolution::Resolved { standing: None } => "Resolved".to_owned(),
        };
        egui::ComboBox::from_id_salt("link-resolution")
            .selected_text(current)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                let mut options = vec![
                    ("Open".to_owned(), Resolution::Open),
                    (
                        "Resolved".to_owned(),
                        Resolution::Resolved { standing: None },
                    ),
                ];
                for &m in &link.members {
                    if let Some(c) = project.claim(m) {
                        let q: String = c.quote.chars().take(30).collect();
                        options.push((
                            format!("Resolved: “{q}” stands"),
                            Resolution::Resolved { standing: Some(m) },
                        ));
                    }
                }
                options.push(("Unresolvable".to_owned(), Resolution::Unresolvable));
                for (text, r) in options {
                    if ui.selectable_label(r == link.resolution, text).clicked()
                        && r != link.resolution
                    {
                        let mut l = link.clone();
                        l.resolution = r;
                        commands.push(put("Resolve link", l, None));
                    }
                }
            })
            .response
            .labelled_by(res_label.id);

        let note_label = ui.label("Note");
        let field = ui
            .add(
                egui::TextEdit::multiline(&mut self.note)
                    .hint_text("Why these claims relate")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(note_label.id);
        if !field.has_focus() && self.note != link.note {
            self.note.clone_from(&link.note);
        }
        if field.changed() {
            let mut l = link.clone();
            l.note.clone_from(&self.note);
            commands.push(put("Edit link note", l, Some(format!("link-note:{id}"))));
        }
        if field.lost_focus() {
            commands.push(Command::SealUndo);
        }
        ui.add_space(8.0);
        if ui.button("Delete link").clicked() {
            commands.push(Command::Edit {
                label: "Delete link".into(),
                edit: Edit::DeleteLink(id),
                coalesce: None,
            });
            commands.push(Command::SelectLink(None));
        }
    }
}
