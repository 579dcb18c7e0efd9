//! The library panel: every article with title, outlet, date and length; a filter box; which
//! articles contain the find phrase; and the import warnings.

use super::command::Command;
use super::document::Document;
use super::find::FindState;
use crate::model::{Article, ArticleId};
use eframe::egui;

/// The library panel's own state.
#[derive(Default)]
pub struct Library {
    pub filter: String,
}

/// "TASS · 2024-03-26 · 2,133 chars".
pub fn article_meta(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &a.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = &a.published {
        parts.push(crate::model::display_date(d));
    }
    parts.push(format!("{} chars", group_thousands(a.char_len())));
    parts.join(" · ")
}

/// 12345 → "12,345".
pub fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Library {
    /// Draws the panel. `open` are the articles shown in columns.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        find: &mut FindState,
        open: &[ArticleId],
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.heading("Library");
            ui.weak(format!("{} articles", doc.project.articles().len()));
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text("Filter by title, outlet or file")
                .desired_width(f32::INFINITY),
        );
        ui.add_space(4.0);

        let needle = self.filter.to_lowercase();
        let rows: Vec<&Article> = doc
            .project
            .articles()
            .iter()
            .filter(|a| {
                needle.is_empty()
                    || a.title.to_lowercase().contains(&needle)
                    || a.path.to_lowercase().contains(&needle)
                    || a.outlet
                        .as_ref()
                        .is_some_and(|o| o.to_lowercase().contains(&needle))
            })
            .collect();

        let warnings_height = if doc.import.is_some() { 90.0 } else { 0.0 };
        let row_height = 60.0;
        egui::ScrollArea::vertical()
            .id_salt("library")
            .max_height((ui.available_height() - warnings_height).max(80.0))
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for a in &rows[range] {
                    let hits = if find.active() {
                        Some(find.hits(a).len())
                    } else {
                        None
                    };
                    self.row(ui, a, open.contains(&a.id), hits, row_height, commands);
                }
            });
        if rows.is_empty() {
            ui.weak("No article matches the filter.");
        }

        if let Some(summary) = &doc.import {
            ui.separator();
            let headline = summary.headline();
            if summary.warnings.is_empty() {
                ui.label(headline);
            } else {
                egui::CollapsingHeader::new(format!(
                    "{headline}, {} warnings",
                    summary.warnings.len()
                ))
                .id_salt("import-warnings")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("warnings")
                        .max_height(160.0)
                        .show(ui, |ui| {
                            for w in &summary.warnings {
                                ui.label(egui::RichText::new(w.to_string()).small());
                            }
                        });
                });
            }
        }
    }

    fn row(
        &self,
        ui: &mut egui::Ui,
        a: &Article,
        is_open: bool,
        hits: Option<usize>,
        height: f32,
        commands: &mut Vec<Command>,
    ) {
        let width = ui.available_width();
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
        let title = a.title.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
        let visuals = ui.visuals();
        if is_open {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.35));
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let dim = hits == Some(0);
        let strong = if dim {
            visuals.weak_text_color()
        } else {
            visuals.strong_text_color()
        };
        let weak = visuals.weak_text_color();
        let inner = rect.shrink2(egui::vec2(6.0, 4.0));
        // Two lines of title at most, elided, then the metadata line.
        let mut job = egui::text::LayoutJob::simple(
            a.title.clone(),
            egui::FontId::proportional(14.0),
            strong,
            inner.width(),
        );
        job.wrap.max_rows = 2;
        job.wrap.break_anywhere = false;
        job.wrap.overflow_character = Some('…');
        let title_galley = ui.painter().layout_job(job);
        let painter = ui.painter().with_clip_rect(inner.intersect(ui.clip_rect()));
        painter.galley(inner.min, title_galley, strong);
        let mut meta = article_meta(a);
        if let Some(n) = hits {
            meta = format!("{meta} · {n} match{}", if n == 1 { "" } else { "es" });
        }
        painter.text(
            egui::pos2(inner.min.x, inner.max.y),
            egui::Align2::LEFT_BOTTOM,
            meta,
            egui::FontId::proportional(11.5),
            weak,
        );
        let response = response.on_hover_text(format!("{}\n{}", a.title, a.path));
        if response.clicked() {
            let new_column = ui.input(|i| i.modifiers.command);
            commands.push(Command::ShowArticle {
                article: a.id,
                new_column,
            });
        }
        response.context_menu(|ui| {
            if ui.button("Open in new column").clicked() {
                commands.push(Command::ShowArticle {
                    article: a.id,
                    new_column: true,
                });
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn lengths_read_with_thousands_separators() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(2133), "2,133");
        assert_eq!(group_thousands(1_250_000), "1,250,000");
    }
}
