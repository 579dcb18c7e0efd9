//! The reading columns: articles side by side, each with a header (title, outlet, date,
//! length; move and close buttons) above its own scrolling [`Reader`].

use super::command::Command;
use super::find::FindState;
use super::library::article_meta;
use super::reader::{Mark, Reader, ReaderState};
use crate::model::{ArticleId, Project};
use eframe::egui::{self, Color32};

/// The most columns side by side.
pub const MAX_COLUMNS: usize = 4;
/// Space between columns (later: where link connectors run).
const GAP: f32 = 18.0;

/// One reading column.
pub struct Column {
    pub article: ArticleId,
    pub reader: ReaderState,
}

impl Column {
    pub fn new(article: ArticleId) -> Column {
        Column {
            article,
            reader: ReaderState::default(),
        }
    }
}

/// Shared, read-only context for drawing the columns.
pub struct ColumnsView<'a> {
    pub project: &'a Project,
    pub active: usize,
    pub font_size: f32,
}

/// Draws all columns in the remaining space.
pub fn columns_ui(
    ui: &mut egui::Ui,
    view: &ColumnsView<'_>,
    columns: &mut [Column],
    find: &mut FindState,
    commands: &mut Vec<Command>,
) {
    let n = columns.len();
    if n == 0 {
        ui.centered_and_justified(|ui| {
            ui.weak("Pick an article in the library to read it here.");
        });
        return;
    }
    let area = ui.available_rect_before_wrap();
    let width = (area.width() - GAP * (n - 1) as f32) / n as f32;
    for (i, column) in columns.iter_mut().enumerate() {
        let x = area.min.x + i as f32 * (width + GAP);
        let rect =
            egui::Rect::from_min_size(egui::pos2(x, area.min.y), egui::vec2(width, area.height()));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).id_salt(("column", i)));
        child.set_clip_rect(rect.intersect(ui.clip_rect()));
        column_ui(&mut child, view, i, n, column, find, commands);
    }
    ui.advance_cursor_after_rect(area);
}

fn column_ui(
    ui: &mut egui::Ui,
    view: &ColumnsView<'_>,
    index: usize,
    count: usize,
    column: &mut Column,
    find: &mut FindState,
    commands: &mut Vec<Command>,
) {
    let Some(article) = view.project.article(column.article) else {
        ui.weak("This article is no longer in the project.");
        return;
    };
    let active = index == view.active;
    let accent = if active {
        ui.visuals().selection.stroke.color
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke.color
    };
    let header = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 6))
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text("Close this column")
                        .clicked()
                    {
                        commands.push(Command::CloseColumn(index));
                    }
                    if index + 1 < count
                        && ui.small_button("›").on_hover_text("Move right").clicked()
                    {
                        commands.push(Command::MoveColumn {
                            from: index,
                            step: 1,
                        });
                    }
                    if index > 0 && ui.small_button("‹").on_hover_text("Move left").clicked() {
                        commands.push(Command::MoveColumn {
                            from: index,
                            step: -1,
                        });
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(&article.title).strong().size(15.0),
                            )
                            .truncate(),
                        )
                        .on_hover_text(&article.title);
                    });
                });
            });
            ui.add(
                egui::Label::new(egui::RichText::new(article_meta(article)).small().weak())
                    .truncate(),
            )
            .on_hover_text(&article.path);
        });
    let line = header.response.rect;
    ui.painter().hline(
        line.x_range(),
        line.bottom(),
        egui::Stroke::new(if active { 2.0 } else { 1.0 }, accent),
    );
    if header.response.interact(egui::Sense::click()).clicked() {
        commands.push(Command::FocusColumn(index));
    }

    let hit_fill = Color32::from_rgba_unmultiplied(255, 214, 0, 110);
    let current_fill = Color32::from_rgba_unmultiplied(255, 140, 0, 170);
    let current = find.current;
    let marks: Vec<Mark> = find
        .hits(article)
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Mark {
            start,
            end,
            fill: if current == Some((article.id, i)) {
                current_fill
            } else {
                hit_fill
            },
        })
        .collect();
    let response = Reader {
        article,
        state: &mut column.reader,
        font_size: view.font_size,
        marks: &marks,
        column: index,
    }
    .show(ui);
    if response.interacted && !active {
        commands.push(Command::FocusColumn(index));
    }
}
