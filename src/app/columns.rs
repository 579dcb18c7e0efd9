//! The reading columns: articles side by side, each with a header (title, outlet, date,
//! length; move and close buttons) above its own scrolling [`Reader`], with the claims drawn as
//! highlights, a tag bar beside a fresh selection, a right-click menu and hover cards.

use super::command::Command;
use super::find::FindState;
use super::library::article_meta;
use super::reader::{Mark, Reader, ReaderState};
use super::theme::{highlight_fill, parse_hex};
use crate::model::{ArticleId, Claim, ClaimId, Project};
use eframe::egui::{self, Color32};

/// The most columns side by side.
pub const MAX_COLUMNS: usize = 4;
/// Space between columns (where link connectors run).
pub const GAP: f32 = 22.0;

/// One reading column.
pub struct Column {
    pub article: ArticleId,
    /// Stable identity of this column, so its scroll position follows it when columns move.
    pub uid: u64,
    pub reader: ReaderState,
    /// Claim highlights, rebuilt when the project, the selected claim or the theme change.
    marks: Option<(MarksKey, Vec<Mark>)>,
}

#[derive(PartialEq)]
struct MarksKey {
    revision: u64,
    /// The figure analysis the underlines came from, when shown.
    figures: Option<u64>,
    /// The analysis the shared passages came from, when shown.
    shared: Option<u64>,
    selected: Option<ClaimId>,
    dark: bool,
}

impl Column {
    pub fn new(article: ArticleId) -> Column {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Column {
            article,
            uid: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            reader: ReaderState::default(),
            marks: None,
        }
    }
}

/// Shared, read-only context for drawing the columns.
pub struct ColumnsView<'a> {
    pub project: &'a Project,
    pub active: usize,
    pub font_size: f32,
    pub selected_claim: Option<ClaimId>,
    /// Underline the figures found in each article that no claim covers yet.
    pub figures: Option<&'a super::figures_cache::FiguresCache>,
    /// Mark the passages each article shares with others (a quiet background), from this
    /// analysis.
    pub shared: Option<&'a super::figures_cache::FiguresCache>,
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

/// Assigns each claim an underline depth so overlapping claims stack instead of hiding each
/// other (interval colouring: the lowest depth free over the claim's range).
pub fn stack_depths(claims: &[&Claim]) -> Vec<u8> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].start, std::cmp::Reverse(claims[i].end)));
    let mut depth = vec![0u8; claims.len()];
    let mut active: Vec<(usize, u8)> = Vec::new(); // (end, depth)
    for i in order {
        let c = claims[i];
        active.retain(|&(end, _)| end > c.start);
        let d = (0u8..)
            .find(|d| !active.iter().any(|&(_, ad)| ad == *d))
            .unwrap_or(0);
        depth[i] = d.min(4);
        active.push((c.end, d));
    }
    depth
}

/// The highlights of an article's claims, in the order of [`Project::claims_in`].
pub fn claim_marks(
    project: &Project,
    article: ArticleId,
    selected: Option<ClaimId>,
    dark: bool,
) -> Vec<Mark> {
    let claims: Vec<&Claim> = project.claims_in(article).collect();
    let depths = stack_depths(&claims);
    claims
        .iter()
        .zip(depths)
        .map(|(c, depth)| {
            let color = c
                .category_id
                .and_then(|id| project.category(id))
                .map_or(Color32::GRAY, |cat| parse_hex(&cat.color));
            Mark {
                start: c.start,
                end: c.end,
                fill: highlight_fill(color, dark),
                underline: Some((color, depth)),
                outline: (selected == Some(c.id)).then_some(if dark {
                    Color32::WHITE
                } else {
                    Color32::BLACK
                }),
            }
        })
        .collect()
}

/// The quiet background of a passage an article shares with another: a pale blue-grey that
/// reads as "this text also stands elsewhere" without competing with the claims' colours.
pub fn shared_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(120, 160, 210, 34)
    } else {
        Color32::from_rgba_unmultiplied(70, 120, 190, 30)
    }
}

/// The claims of `article` that cover character `at`, shortest first (the innermost is the
/// one a click picks first).
pub fn claims_at(project: &Project, article: ArticleId, at: usize) -> Vec<ClaimId> {
    let mut hits: Vec<&Claim> = project
        .claims_in(article)
        .filter(|c| c.start <= at && at < c.end)
        .collect();
    hits.sort_by_key(|c| (c.end - c.start, c.id));
    hits.into_iter().map(|c| c.id).collect()
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
    let project = view.project;
    let Some(article) = project.article(column.article) else {
        ui.weak("This article is no longer in the project.");
        return;
    };
    header_ui(ui, view, index, count, article, commands);

    let dark = ui.visuals().dark_mode;
    let key = MarksKey {
        revision: project.revision(),
        figures: view.figures.map(|f| f.generation()),
        shared: view.shared.map(|f| f.generation()),
        selected: view.selected_claim,
        dark,
    };
    if column.marks.as_ref().is_none_or(|(k, _)| *k != key) {
        // Shared passages first, so the claims' highlights paint over them.
        let mut marks: Vec<Mark> = view.shared.map_or_else(Vec::new, |cache| {
            let fill = shared_fill(dark);
            cache
                .reuse
                .shared_ranges(article.id)
                .into_iter()
                .map(|(start, end)| Mark::fill(start, end, fill))
                .collect()
        });
        marks.extend(claim_marks(project, article.id, view.selected_claim, dark));
        if let Some(cache) = view.figures {
            let faint = ui.visuals().weak_text_color().gamma_multiply(0.8);
            for f in cache.of(article.id) {
                let tagged = project
                    .claims_in(article.id)
                    .any(|c| c.start <= f.start && f.end <= c.end);
                if !tagged {
                    marks.push(Mark {
                        start: f.start,
                        end: f.end,
                        fill: Color32::TRANSPARENT,
                        underline: Some((faint, 0)),
                        outline: None,
                    });
                }
            }
        }
        column.marks = Some((key, marks));
    }
    let mut marks = column
        .marks
        .as_ref()
        .map(|(_, m)| m.clone())
        .unwrap_or_default();
    let hit_fill = Color32::from_rgba_unmultiplied(255, 214, 0, 110);
    let current_fill = Color32::from_rgba_unmultiplied(255, 140, 0, 170);
    let current = find.current;
    marks.extend(
        find.hits(article)
            .iter()
            .enumerate()
            .map(|(i, &(start, end))| {
                let fill = if current == Some((article.id, i)) {
                    current_fill
                } else {
                    hit_fill
                };
                Mark::fill(start, end, fill)
            }),
    );

    // When the column re-wraps (a side panel opened, closed or was resized), the selected
    // claim is what the reader is looking at: keep it in place. The last one stays the anchor
    // after it is deselected (closing the inspector re-wraps too); the reader falls back to
    // the top line when it is out of view.
    if let Some(c) = view
        .selected_claim
        .and_then(|id| project.claim(id))
        .filter(|c| c.article_id == article.id)
    {
        column.reader.anchor = Some(c.start);
    }
    let out = Reader {
        article,
        state: &mut column.reader,
        font_size: view.font_size,
        marks: &marks,
        column: column.uid,
    }
    .show(ui);
    if out.interacted && index != view.active {
        commands.push(Command::FocusColumn(index));
    }
    if let Some(at) = out.clicked_at {
        commands.push(Command::ClickText { column: index, at });
    }
    let has_selection = column.reader.selection.is_some_and(|s| !s.is_empty());
    let dragging = out.response.as_ref().is_some_and(egui::Response::dragged);
    if let Some(response) = out.response {
        if let Some(at) = out.hovered_at
            && !has_selection
        {
            let under = claims_at(project, article.id, at);
            if !under.is_empty() {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| hover_card(ui, project, &under));
            }
        }
        response.context_menu(|ui| {
            context_menu(
                ui,
                project,
                index,
                has_selection,
                out.hovered_at.map(|at| claims_at(project, article.id, at)),
                commands,
            )
        });
    }
    // Hide the bar while the text itself is being dragged, not while its own buttons are pressed.
    if has_selection && !dragging {
        tag_bar(ui, project, index, &column.reader, commands);
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    view: &ColumnsView<'_>,
    index: usize,
    count: usize,
    article: &crate::model::Article,
    commands: &mut Vec<Command>,
) {
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
                        let title = ui
                            .add(
                                egui::Label::new(
                                    egui::RichText::new(&article.title).strong().size(15.0),
                                )
                                .truncate()
                                // A double-click opens the details instead of selecting a word.
                                .selectable(false)
                                .sense(egui::Sense::click()),
                            )
                            .on_hover_text(format!(
                                "{}\nDouble-click or right-click to edit the details",
                                article.title
                            ));
                        if title.double_clicked() {
                            commands.push(Command::EditArticle(article.id));
                        }
                        title.context_menu(|ui| {
                            if ui.button("Edit details…").clicked() {
                                commands.push(Command::EditArticle(article.id));
                            }
                        });
                    });
                });
            });
            ui.horizontal(|ui| {
                // The page's address first, so a long details line never truncates it away.
                if let Some(url) = &article.url {
                    let link = ui
                        .link(egui::RichText::new("web page").small())
                        .on_hover_text(format!("{url}\nClick to copy the address"));
                    if link.clicked() {
                        ui.ctx().copy_text(url.clone());
                    }
                }
                ui.add(
                    egui::Label::new(egui::RichText::new(article_meta(article)).small().weak())
                        .truncate(),
                )
                .on_hover_text(&article.path);
            });
        });
    let line = header.response.rect;
    ui.painter().hline(
        line.x_range(),
        line.bottom(),
        egui::Stroke::new(if active { 2.0 } else { 1.0 }, accent),
    );
    // No click sense on the header itself: a widget registered after the buttons would sit
    // above them and swallow their clicks. Clicking the text focuses the column.
}

/// The small bar of category buttons beside a fresh selection.
fn tag_bar(
    ui: &egui::Ui,
    project: &Project,
    column: usize,
    reader: &ReaderState,
    commands: &mut Vec<Command>,
) {
    let Some(sel) = reader.selection else { return };
    let (_, end) = sel.range();
    let Some(pos) = reader.screen_pos_of_char(end) else {
        return;
    };
    // The bar stays inside its own column (wrapping onto more rows when the column is
    // narrow), so it never covers a selection or claim in the column beside it.
    let column_rect = ui.max_rect();
    egui::Area::new(egui::Id::unique(("tag-bar", column)))
        .order(egui::Order::Foreground)
        .fixed_pos(pos + egui::vec2(4.0, 12.0))
        .constrain_to(column_rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(column_rect.width() - 16.0);
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Tag as");
                    for cat in project.categories() {
                        let color = parse_hex(&cat.color);
                        let label = match &cat.shortcut {
                            Some(k) => format!("{k} {}", cat.name),
                            None => cat.name.clone(),
                        };
                        let button = egui::Button::new(label)
                            .fill(highlight_fill(color, ui.visuals().dark_mode));
                        if ui
                            .add(button)
                            .on_hover_text(format!("Tag the selection as {}", cat.name))
                            .clicked()
                        {
                            commands.push(Command::Tag {
                                column,
                                category: cat.id,
                            });
                        }
                    }
                });
            });
        });
}

fn context_menu(
    ui: &mut egui::Ui,
    project: &Project,
    column: usize,
    has_selection: bool,
    under: Option<Vec<ClaimId>>,
    commands: &mut Vec<Command>,
) {
    if has_selection {
        ui.weak("Tag selection as");
        for cat in project.categories() {
            if ui.button(&cat.name).clicked() {
                commands.push(Command::Tag {
                    column,
                    category: cat.id,
                });
            }
        }
        ui.separator();
        if ui.button("Copy").clicked() {
            commands.push(Command::Action(super::action::Action::Copy));
        }
    }
    for id in under.unwrap_or_default() {
        let Some(claim) = project.claim(id) else {
            continue;
        };
        let quote: String = claim.quote.chars().take(32).collect();
        ui.separator();
        if ui.button(format!("Select “{quote}”")).clicked() {
            commands.push(Command::SelectClaim(Some(id)));
        }
        if ui.button("Delete this claim").clicked() {
            commands.push(Command::DeleteClaim(id));
        }
    }
}

/// The card shown when hovering highlights: category, verdict and note of each claim.
fn hover_card(ui: &mut egui::Ui, project: &Project, claims: &[ClaimId]) {
    ui.set_max_width(320.0);
    for (i, id) in claims.iter().enumerate() {
        let Some(c) = project.claim(*id) else {
            continue;
        };
        if i > 0 {
            ui.separator();
        }
        let cat = c.category_id.and_then(|id| project.category(id));
        ui.horizontal(|ui| {
            if let Some(cat) = cat {
                ui.label(
                    egui::RichText::new(&cat.name)
                        .strong()
                        .color(parse_hex(&cat.color)),
                );
            }
            ui.label(c.verdict.as_deref().unwrap_or("Unverified"));
        });
        if let Some(a) = &c.attribution {
            ui.label(format!("Attributed to {a}"));
        }
        if !c.note.is_empty() {
            ui.label(egui::RichText::new(&c.note).italics());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: ClaimId, start: usize, end: usize) -> Claim {
        Claim {
            id,
            article_id: 1,
            start,
            end,
            quote: String::new(),
            category_id: None,
            verdict: None,
            attribution: None,
            version: None,
            note: String::new(),
            author: None,
            edited_by: None,
        }
    }

    #[test]
    fn overlapping_claims_get_different_underline_depths() {
        let (a, b, c, d) = (
            claim(1, 0, 20),
            claim(2, 5, 10),
            claim(3, 8, 30),
            claim(4, 40, 50),
        );
        let depths = stack_depths(&[&a, &b, &c, &d]);
        assert_ne!(depths[0], depths[1], "nested claims differ");
        assert_ne!(depths[1], depths[2], "overlapping claims differ");
        assert_ne!(depths[0], depths[2]);
        assert_eq!(depths[3], 0, "a lone claim sits on the first line");
    }
}
