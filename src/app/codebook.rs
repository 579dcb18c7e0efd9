//! The codebook dialog: add, rename, recolour, re-key and remove categories. Removing a
//! category that claims use asks what to do with them. Every change is one undoable edit.

use super::command::Command;
use super::theme::{PALETTE, parse_hex, reserved_clash, to_hex};
use crate::model::{Category, CategoryId, Edit, Project};
use eframe::egui;

/// The dialog's state.
#[derive(Default)]
pub struct Codebook {
    pub open: bool,
    /// Names being typed, by category id (committed on Enter or when the field loses focus).
    names: Vec<(CategoryId, String)>,
    /// A category whose removal waits for the user's choice, and the category to move its
    /// claims to.
    removing: Option<(CategoryId, Option<CategoryId>)>,
    /// A custom colour being mixed for a category, not yet applied.
    custom: Option<(CategoryId, egui::Color32)>,
}

/// The edit that removes `category`, first moving its claims to `move_to` or deleting them
/// (with their links, as deleting a claim does).
pub fn remove_category_edit(
    project: &Project,
    category: CategoryId,
    move_to: Option<CategoryId>,
) -> Edit {
    let mut edits = Vec::new();
    let used: Vec<_> = project
        .claims()
        .filter(|c| c.category_id == Some(category))
        .cloned()
        .collect();
    for claim in used {
        match move_to {
            Some(target) => {
                let mut c = claim;
                c.category_id = Some(target);
                edits.push(Edit::PutClaim(c));
            }
            None => edits.extend(project.delete_claim_edits(claim.id)),
        }
    }
    edits.push(Edit::DeleteCategory(category));
    Edit::Batch(edits)
}

impl Codebook {
    /// Draws the dialog when open.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, commands: &mut Vec<Command>) {
        let mut open = self.open;
        egui::Window::new("Codebook")
            .open(&mut open)
            .resizable(false)
            .default_width(520.0)
            .show(ctx, |ui| self.ui(ui, project, commands));
        self.open = open && self.open;
    }

    fn ui(&mut self, ui: &mut egui::Ui, project: &Project, commands: &mut Vec<Command>) {
        ui.weak("Categories tag claims; the key tags a selection with it.");
        let used_keys: Vec<String> = project
            .categories()
            .iter()
            .filter_map(|c| c.shortcut.clone())
            .collect();
        egui::Grid::new("codebook-grid")
            .num_columns(4)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.strong("Colour");
                let name_head = ui.strong("Name");
                let key_head = ui.strong("Key");
                ui.end_row();
                for cat in project.categories() {
                    let swatch = ui
                        .add(
                            egui::Button::new("")
                                .fill(parse_hex(&cat.color))
                                .min_size(egui::vec2(40.0, 20.0)),
                        )
                        .on_hover_text("Choose a colour");
                    let name = format!("Colour of {}", cat.name);
                    swatch
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    egui::Popup::menu(&swatch)
                        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                        .show(|ui| self.colour_menu(ui, cat, commands));
                    let slot = match self.names.iter().position(|(id, _)| *id == cat.id) {
                        Some(i) => i,
                        None => {
                            self.names.push((cat.id, cat.name.clone()));
                            self.names.len() - 1
                        }
                    };
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.names[slot].1)
                                .desired_width(240.0)
                                .id_salt(("category-name", cat.id)),
                        )
                        .labelled_by(name_head.id);
                    if field.lost_focus() {
                        let name = self.names[slot].1.trim().to_owned();
                        if !name.is_empty() && name != cat.name {
                            let mut c = cat.clone();
                            c.name = name;
                            commands.push(put("Rename category", c, None));
                        }
                    } else if !field.has_focus() && self.names[slot].1 != cat.name {
                        self.names[slot].1.clone_from(&cat.name);
                    }
                    egui::ComboBox::from_id_salt(("category-key", cat.id))
                        .width(60.0)
                        .selected_text(cat.shortcut.clone().unwrap_or_else(|| "no key".into()))
                        .show_ui(ui, |ui| {
                            if ui
                                .selectable_label(cat.shortcut.is_none(), "no key")
                                .clicked()
                            {
                                let mut c = cat.clone();
                                c.shortcut = None;
                                commands.push(put("Change category key", c, None));
                            }
                            for k in 1..=9 {
                                let key = k.to_string();
                                let free = !used_keys.contains(&key)
                                    || cat.shortcut.as_ref() == Some(&key);
                                if ui
                                    .add_enabled(
                                        free,
                                        egui::Button::selectable(
                                            cat.shortcut.as_ref() == Some(&key),
                                            &key,
                                        ),
                                    )
                                    .clicked()
                                {
                                    let mut c = cat.clone();
                                    c.shortcut = Some(key);
                                    commands.push(put("Change category key", c, None));
                                }
                            }
                        })
                        .response
                        .labelled_by(key_head.id);
                    if ui.button("Remove").clicked() {
                        let in_use = project.claims().any(|c| c.category_id == Some(cat.id));
                        if in_use {
                            let other = project
                                .categories()
                                .iter()
                                .find(|c| c.id != cat.id)
                                .map(|c| c.id);
                            self.removing = Some((cat.id, other));
                        } else {
                            commands.push(Command::Edit {
                                label: "Remove category".into(),
                                edit: Edit::DeleteCategory(cat.id),
                                coalesce: None,
                            });
                        }
                    }
                    ui.end_row();
                }
            });
        if ui.button("Add category").clicked() {
            let id = project.next_category_id();
            let key = (1..=9)
                .map(|k| k.to_string())
                .find(|k| !used_keys.contains(k));
            commands.push(put(
                "Add category",
                Category {
                    id,
                    name: format!("Category {id}"),
                    color: unused_colour(project).to_owned(),
                    shortcut: key,
                    uid: Category::new_uid(),
                },
                None,
            ));
        }
        self.removal_prompt(ui, project, commands);
    }

    fn removal_prompt(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        commands: &mut Vec<Command>,
    ) {
        let Some((id, mut target)) = self.removing else {
            return;
        };
        let Some(cat) = project.category(id) else {
            self.removing = None;
            return;
        };
        let count = project
            .claims()
            .filter(|c| c.category_id == Some(id))
            .count();
        ui.separator();
        ui.label(format!(
            "{} tagged “{}”. What should happen to {}?",
            match count {
                1 => "1 claim is".to_owned(),
                n => format!("{n} claims are"),
            },
            cat.name,
            if count == 1 { "it" } else { "them" }
        ));
        ui.horizontal(|ui| {
            let move_label = ui.label("Move them to");
            egui::ComboBox::from_id_salt("move-claims-to")
                .selected_text(
                    target
                        .and_then(|t| project.category(t))
                        .map_or("—", |c| c.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    for c in project.categories().iter().filter(|c| c.id != id) {
                        ui.selectable_value(&mut target, Some(c.id), &c.name);
                    }
                })
                .response
                .labelled_by(move_label.id);
        });
        self.removing = Some((id, target));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(target.is_some(), egui::Button::new("Move and remove"))
                .clicked()
            {
                commands.push(Command::Edit {
                    label: "Remove category".into(),
                    edit: remove_category_edit(project, id, target),
                    coalesce: None,
                });
                self.removing = None;
            }
            if ui
                .button(format!(
                    "Delete the {} and remove",
                    super::plural::count(count, "claim")
                ))
                .clicked()
            {
                commands.push(Command::Edit {
                    label: "Remove category".into(),
                    edit: remove_category_edit(project, id, None),
                    coalesce: None,
                });
                self.removing = None;
            }
            if ui.button("Cancel").clicked() {
                self.removing = None;
            }
        });
    }
}

impl Codebook {
    /// The colour menu of one category: the palette, then a custom colour that is refused
    /// while it looks like a colour reserved for something else.
    fn colour_menu(&mut self, ui: &mut egui::Ui, cat: &Category, commands: &mut Vec<Command>) {
        let recolour = |hex: String, commands: &mut Vec<Command>| {
            let mut c = cat.clone();
            c.color = hex;
            commands.push(put("Recolour category", c, None));
        };
        ui.weak("Colours");
        egui::Grid::new(("palette", cat.id))
            .spacing([4.0, 4.0])
            .show(ui, |ui| {
                for (i, (name, hex)) in PALETTE.iter().enumerate() {
                    let text = egui::RichText::new(*name).color(egui::Color32::BLACK);
                    let current = cat.color.eq_ignore_ascii_case(hex);
                    let button = egui::Button::new(text)
                        .fill(parse_hex(hex))
                        .selected(current)
                        .min_size(egui::vec2(64.0, 22.0));
                    if ui.add(button).clicked() && !current {
                        recolour((*hex).to_owned(), commands);
                        ui.close();
                    }
                    if i % 5 == 4 {
                        ui.end_row();
                    }
                }
            });
        ui.separator();
        ui.weak("Custom colour");
        let mut custom = match self.custom {
            Some((id, c)) if id == cat.id => c,
            _ => parse_hex(&cat.color),
        };
        // Red, green and blue as numbers beside a swatch: egui's colour picker draws a
        // clipboard emoji our fonts do not have.
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(22.0, 22.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 3.0, custom);
            let mut rgb = [custom.r(), custom.g(), custom.b()];
            let mut changed = false;
            for (v, prefix) in rgb.iter_mut().zip(["R ", "G ", "B "]) {
                changed |= ui
                    .add(egui::DragValue::new(v).prefix(prefix).speed(0.5))
                    .changed();
            }
            ui.monospace(to_hex(custom));
            if changed {
                custom = egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2]);
                self.custom = Some((cat.id, custom));
            }
        });
        match reserved_clash(custom) {
            Some(what) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Too close to {what}: pick another."),
                );
            }
            None => {
                if ui.button("Use this colour").clicked() {
                    recolour(to_hex(custom), commands);
                    self.custom = None;
                    ui.close();
                }
            }
        }
    }
}

/// The first palette colour no category uses yet (the last one when all are taken).
fn unused_colour(project: &Project) -> &'static str {
    PALETTE
        .iter()
        .map(|(_, hex)| *hex)
        .find(|hex| {
            !project
                .categories()
                .iter()
                .any(|c| c.color.eq_ignore_ascii_case(hex))
        })
        .unwrap_or(PALETTE[PALETTE.len() - 1].1)
}

fn put(label: &str, category: Category, coalesce: Option<String>) -> Command {
    Command::Edit {
        label: label.to_owned(),
        edit: Edit::PutCategory(category),
        coalesce,
    }
}
