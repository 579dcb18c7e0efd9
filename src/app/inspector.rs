//! The claim inspector: the selected claim's quote and article, its category, verdict,
//! attribution and note, all editable, and a delete button.

use super::command::Command;
use super::theme::parse_hex;
use crate::model::{Claim, ClaimId, Edit, Project};
use eframe::egui;

/// The tallest the note box grows before it scrolls.
const NOTE_MAX_HEIGHT: f32 = 180.0;

/// Text being typed into the inspector's fields; written to the claim as the user types.
#[derive(Default)]
pub struct Inspector {
    note: String,
    attribution: String,
}

impl Inspector {
    /// Draws the inspector for `claim_id`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        claim_id: ClaimId,
        commands: &mut Vec<Command>,
    ) {
        let Some(claim) = project.claim(claim_id) else {
            ui.weak("The selected claim no longer exists.");
            return;
        };
        ui.horizontal(|ui| {
            ui.heading("Claim");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("×")
                    .on_hover_text("Deselect (Esc)")
                    .clicked()
                {
                    commands.push(Command::SelectClaim(None));
                }
            });
        });
        let article = project.article(claim.article_id);
        egui::Frame::new()
            .inner_margin(8)
            .corner_radius(4.0)
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(format!("“{}”", claim.quote)).size(15.0));
                if let Some(a) = article {
                    let link = ui
                        .link(egui::RichText::new(&a.title).small())
                        .on_hover_text("Show in a column");
                    // An orphan's offsets belong to an earlier version of the text.
                    if link.clicked() && !project.is_orphaned(claim) {
                        commands.push(Command::Reveal {
                            article: a.id,
                            start: claim.start,
                            end: claim.end,
                        });
                    }
                }
                match claim.version.filter(|_| project.is_orphaned(claim)) {
                    Some(v) => ui.weak(format!(
                        "orphaned: characters {}–{} of version {v}; a refresh changed these words",
                        claim.start, claim.end
                    )),
                    None => ui.weak(format!("characters {}–{}", claim.start, claim.end)),
                };
                ui.weak(super::authors::made_by(
                    "Tagged",
                    claim.author.as_deref(),
                    claim.edited_by.as_deref(),
                ));
            });
        ui.add_space(6.0);

        egui::Grid::new("inspector-grid")
            .num_columns(2)
            .spacing([8.0, 8.0])
            .show(ui, |ui| {
                let category_label = ui.label("Category");
                let current = claim.category_id.and_then(|id| project.category(id));
                egui::ComboBox::from_id_salt("inspector-category")
                    .selected_text(current.map_or("None", |c| c.name.as_str()))
                    .show_ui(ui, |ui| {
                        for cat in project.categories() {
                            let text = egui::RichText::new(&cat.name).color(parse_hex(&cat.color));
                            if ui
                                .selectable_label(current.map(|c| c.id) == Some(cat.id), text)
                                .clicked()
                            {
                                let mut c = claim.clone();
                                c.category_id = Some(cat.id);
                                commands.push(edit("Change category", c, None));
                            }
                        }
                    })
                    .response
                    .labelled_by(category_label.id);
                ui.end_row();

                let verdict_label = ui.label("Verdict");
                let verdict = claim.verdict.clone().unwrap_or_else(|| "Unverified".into());
                egui::ComboBox::from_id_salt("inspector-verdict")
                    .selected_text(&verdict)
                    .show_ui(ui, |ui| {
                        for level in project.verdicts() {
                            if ui
                                .selectable_label(level.name == verdict, &level.name)
                                .clicked()
                            {
                                let mut c = claim.clone();
                                c.verdict = Some(level.name.clone());
                                commands.push(edit("Change verdict", c, None));
                            }
                        }
                    })
                    .response
                    .labelled_by(verdict_label.id);
                ui.end_row();

                let attribution_label = ui.label("Attributed to");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.attribution)
                            .hint_text("who says so")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(attribution_label.id);
                sync_field(
                    &field,
                    &mut self.attribution,
                    claim.attribution.as_deref().unwrap_or(""),
                );
                if field.changed() {
                    let mut c = claim.clone();
                    let text = self.attribution.trim();
                    c.attribution = (!text.is_empty()).then(|| text.to_owned());
                    commands.push(edit(
                        "Edit attribution",
                        c,
                        Some(format!("attribution:{claim_id}")),
                    ));
                }
                if field.lost_focus() {
                    commands.push(Command::SealUndo);
                }
                ui.end_row();
            });

        let note_label = ui.label("Note");
        // A long note scrolls inside its own box, so Delete and the links below stay in reach.
        let field = egui::ScrollArea::vertical()
            .id_salt("inspector-note")
            .max_height(NOTE_MAX_HEIGHT)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut self.note)
                        .hint_text("What you found, and where")
                        .desired_rows(5)
                        .desired_width(f32::INFINITY),
                )
            })
            .inner;
        let field = field.labelled_by(note_label.id);
        sync_field(&field, &mut self.note, &claim.note);
        if field.changed() {
            let mut c = claim.clone();
            c.note.clone_from(&self.note);
            commands.push(edit("Edit note", c, Some(format!("note:{claim_id}"))));
        }
        if field.lost_focus() {
            commands.push(Command::SealUndo);
        }
        ui.add_space(8.0);
        if ui
            .button("Delete claim")
            .on_hover_text("Delete this claim (Delete key); undo brings it back")
            .clicked()
        {
            commands.push(Command::DeleteClaim(claim_id));
        }
        links_of(ui, project, claim, commands);
    }
}

/// Keeps a field's buffer in step with the model while the user is not typing in it (so undo
/// and a change of claim show up).
fn sync_field(field: &egui::Response, buffer: &mut String, model: &str) {
    if !field.has_focus() && buffer != model {
        model.clone_into(buffer);
    }
}

fn edit(label: &str, claim: Claim, coalesce: Option<String>) -> Command {
    Command::Edit {
        label: label.to_owned(),
        edit: Edit::PutClaim(claim),
        coalesce,
    }
}

fn links_of(ui: &mut egui::Ui, project: &Project, claim: &Claim, commands: &mut Vec<Command>) {
    let links: Vec<_> = project.links_of(claim.id).collect();
    if links.is_empty() {
        return;
    }
    ui.separator();
    ui.strong("Links");
    for link in links {
        ui.horizontal_wrapped(|ui| {
            ui.label(link.kind.label());
            for m in link.members.iter().filter(|m| **m != claim.id) {
                if let Some(other) = project.claim(*m) {
                    let q: String = other.quote.chars().take(40).collect();
                    if ui.link(format!("“{q}”")).clicked() {
                        commands.push(Command::SelectClaim(Some(other.id)));
                        if !project.is_orphaned(other) {
                            commands.push(Command::Reveal {
                                article: other.article_id,
                                start: other.start,
                                end: other.end,
                            });
                        }
                    }
                }
            }
        });
    }
}
