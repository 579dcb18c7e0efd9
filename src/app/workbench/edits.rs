//! Changing the project: applying edits as undo steps, tagging, picking and linking claims.

use super::*;

impl Workbench {
    /// Applies an edit the user made as one undo step: the model first (which validates it),
    /// then the project file. The claims and links it makes or changes record the user's name
    /// (Preferences). Returns whether it applied.
    pub fn commit(&mut self, label: String, edit: Edit, coalesce: Option<String>) -> bool {
        let edit = match (&self.doc, self.preferences.author()) {
            (Some(doc), Some(who)) => doc.project.authored(edit, who),
            _ => edit,
        };
        self.commit_as_is(label, edit, coalesce)
    }

    /// Applies an edit as one undo step exactly as it is, crediting nobody: a merge brings in
    /// others' work with their names, and a refresh moves claims without changing them.
    pub fn commit_as_is(&mut self, label: String, edit: Edit, coalesce: Option<String>) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        if edit.is_empty() {
            return false;
        }
        match doc.apply(edit) {
            Ok(inverse) => {
                doc.history.record(label, inverse, coalesce);
                true
            }
            Err(e) => {
                self.error(format!("{label}: {e}"));
                false
            }
        }
    }

    /// Tags the selection of `column` with `category`, selects the new claim.
    pub(super) fn tag(&mut self, column: usize, category: crate::model::CategoryId) {
        let Some(doc) = &self.doc else { return };
        let Some(col) = self.columns.get(column) else {
            return;
        };
        let Some(sel) = col.reader.selection.filter(|s| !s.is_empty()) else {
            return;
        };
        let (a, b) = sel.range();
        let text = doc
            .project
            .article(col.article)
            .map_or("", |a| a.text.as_str());
        let (a, b) = crate::app::reader::words::trim_range(text, a, b);
        match doc.project.make_claim(col.article, a, b, Some(category)) {
            Ok(claim) => {
                let id = claim.id;
                if self.commit("Tag claim".into(), Edit::PutClaim(claim), None) {
                    self.selected_claim = Some(id);
                    if let Some(col) = self.columns.get_mut(column) {
                        col.reader.selection = None;
                    }
                }
            }
            Err(e) => self.error(format!("Could not tag the selection: {e}")),
        }
    }

    /// Keys 1…9 tag the active column's selection with the category of that shortcut.
    pub(super) fn category_keys(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let has_selection = self
            .columns
            .get(self.active)
            .is_some_and(|c| c.reader.selection.is_some_and(|s| !s.is_empty()));
        if !has_selection {
            return;
        }
        let keys = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
            egui::Key::Num7,
            egui::Key::Num8,
            egui::Key::Num9,
        ];
        for (i, key) in keys.iter().enumerate() {
            let digit = (i + 1).to_string();
            if let Some(cat) = doc
                .project
                .categories()
                .iter()
                .find(|c| c.shortcut.as_deref() == Some(&digit))
                && ctx.input_mut(|inp| inp.consume_key(egui::Modifiers::NONE, *key))
            {
                self.commands.push(Command::Tag {
                    column: self.active,
                    category: cat.id,
                });
            }
        }
    }

    /// A plain click on text picks the innermost claim under it; clicking again on the same
    /// spot cycles through the claims stacked there.
    pub(super) fn click_text(&mut self, column: usize, at: usize) {
        let Some(doc) = &self.doc else { return };
        let Some(col) = self.columns.get(column) else {
            return;
        };
        let under = crate::app::columns::claims_at(&doc.project, col.article, at);
        // Ctrl+click (or a click after `L`) on another claim links it to the selected one.
        let ctrl = ctx_modifiers_command(&self.last_modifiers);
        let from = self
            .link_armed
            .take()
            .or(if ctrl { self.selected_claim } else { None });
        if let (Some(from), Some(&to)) = (
            from,
            under.iter().find(|c| Some(**c) != self.selected_claim),
        ) {
            self.pending_link = Some((from, to, self.last_pointer));
            return;
        }
        self.selected_link = None;
        self.selected_claim = match self
            .selected_claim
            .and_then(|s| under.iter().position(|&c| c == s))
        {
            Some(i) => under.get((i + 1) % under.len()).copied(),
            None => under.first().copied(),
        };
    }

    pub(super) fn undo(&mut self, undo: bool) {
        let Some(doc) = &mut self.doc else { return };
        // In a shared project, a step whose target another researcher changed stays.
        let blocked = if undo {
            doc.history.undo_blocked().zip(doc.history.undo_label())
        } else {
            doc.history.redo_blocked().zip(doc.history.redo_label())
        };
        if let Some((why, label)) = blocked {
            self.message = Some(Message {
                text: format!(
                    "Can't {} “{label}”: {why}.",
                    if undo { "undo" } else { "redo" }
                ),
                is_error: true,
            });
            return;
        }
        let step = if undo {
            doc.history.take_undo()
        } else {
            doc.history.take_redo()
        };
        let Some((label, edit)) = step else { return };
        match doc.apply(edit) {
            Ok(inverse) if undo => doc.history.push_redo(label, inverse),
            Ok(inverse) => doc.history.push_undo_after_redo(label, inverse),
            Err(e) => {
                self.message = Some(Message {
                    text: format!("Could not undo: {e}"),
                    is_error: true,
                })
            }
        }
        // Undoing a refresh removes the articles it added: close their columns.
        if let Some(doc) = &self.doc {
            let project = &doc.project;
            self.columns
                .retain(|c| project.article(c.article).is_some());
            self.active = self.active.min(self.columns.len().saturating_sub(1));
        }
    }

    pub(super) fn show_article(&mut self, article: ArticleId, new_column: bool) {
        if !new_column && let Some(i) = self.columns.iter().position(|c| c.article == article) {
            self.active = i;
            return;
        }
        if self.columns.len() < MAX_COLUMNS {
            self.columns.push(Column::new(article));
            self.active = self.columns.len() - 1;
        } else if let Some(col) = self.columns.get_mut(self.active) {
            *col = Column::new(article);
        }
    }

    /// The "how do these relate?" menu after Ctrl+clicking a claim.
    pub(super) fn pending_link_menu(&mut self, ctx: &egui::Context) {
        let Some((from, to, pos)) = self.pending_link else {
            return;
        };
        let Some(doc) = &self.doc else { return };
        let existing: Vec<_> = doc.project.links_of(from).map(|l| (l.id, l.kind)).collect();
        let mut close = false;
        egui::Area::new(egui::Id::unique("pending-link"))
            .order(egui::Order::Foreground)
            .fixed_pos(pos + egui::vec2(8.0, 8.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.weak("Link these claims as");
                    for kind in LinkKind::ALL {
                        let text = egui::RichText::new(kind.label())
                            .color(crate::app::theme::kind_color(kind));
                        if ui.button(text).clicked() {
                            self.commands.push(Command::LinkClaims {
                                kind,
                                claims: vec![from, to],
                            });
                        }
                    }
                    for (id, kind) in existing {
                        if ui
                            .button(format!("Add to its “{}” link #{id}", kind.label()))
                            .clicked()
                        {
                            self.commands.push(Command::AddToLink {
                                link: id,
                                claim: to,
                            });
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.pending_link = None;
        }
    }
}

pub(super) fn ctx_modifiers_command(m: &egui::Modifiers) -> bool {
    m.command || m.ctrl
}
