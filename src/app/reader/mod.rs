//! The reading column widget: paints an article from cached paragraph galleys and turns mouse
//! drags into exact character ranges ("size, allocate, interact, paint").
//!
//! Selection: press and drag selects from the press origin to the pointer; double-click selects
//! a word; Shift+click extends; dragging past the top or bottom edge scrolls. Offsets are
//! character offsets into [`crate::model::Article::text`].

mod layout;
pub mod words;

pub use layout::{ArticleLayout, LayoutKey};

use crate::model::{Article, char_slice};
use eframe::egui::{self, Color32, Rangef, Rect, Sense, vec2};

/// The widest a line of article text gets, in multiples of the font size (about 70 characters).
const MAX_LINE_EMS: f32 = 34.0;

/// A highlighted character range and how to paint it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub fill: Color32,
    /// An underline in this colour, stacked `depth` lines below the text, so overlapping and
    /// nested claims each stay visible.
    pub underline: Option<(Color32, u8)>,
    /// Drawn around the range (the selected claim).
    pub outline: Option<Color32>,
}

impl Mark {
    /// A plain background mark (find hits).
    pub fn fill(start: usize, end: usize, fill: Color32) -> Mark {
        Mark {
            start,
            end,
            fill,
            underline: None,
            outline: None,
        }
    }
}

/// A selection: `anchor` is where the drag began, `focus` where it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub focus: usize,
}

impl Selection {
    /// The selected range, start ≤ end.
    pub fn range(self) -> (usize, usize) {
        (self.anchor.min(self.focus), self.anchor.max(self.focus))
    }

    pub fn is_empty(self) -> bool {
        self.anchor == self.focus
    }
}

/// Per-column reader state, kept across frames.
#[derive(Default)]
pub struct ReaderState {
    layout: Option<ArticleLayout>,
    pub selection: Option<Selection>,
    /// Scroll so this character offset is in view on the next frame.
    pub scroll_to: Option<usize>,
    /// A range to flash briefly (a revealed claim or find hit), and when the flash started.
    pub flash: Option<(usize, usize, f64)>,
    /// Where the text's origin was on screen last frame (for tests and drag hit-testing).
    origin: Option<egui::Pos2>,
    /// The visible part of the column last frame, on screen.
    clip: Option<Rect>,
    /// The visible part of the content last frame, in content coordinates (its top is the
    /// scroll offset).
    viewport: Option<Rect>,
    /// A character to hold in place on screen when the text re-wraps (the selected claim's
    /// start); without one, the first visible line is held.
    pub anchor: Option<usize>,
}

impl ReaderState {
    /// The selected text, if any.
    pub fn selected_text<'a>(&self, article: &'a Article) -> Option<&'a str> {
        let (a, b) = self.selection.filter(|s| !s.is_empty())?.range();
        Some(char_slice(&article.text, a, b))
    }

    /// The text as laid out for drawing, paragraphs joined by line breaks: what the column
    /// shows (tests compare it with the article after its text changed).
    pub fn shown_text(&self) -> Option<String> {
        let layout = self.layout.as_ref()?;
        Some(
            layout
                .paras
                .iter()
                .map(|p| p.galley.text())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }

    /// Where character offset `offset` was drawn last frame, on screen (the middle of the
    /// character boundary), if the reader has been laid out and the offset was visible.
    pub fn screen_pos_of_char(&self, offset: usize) -> Option<egui::Pos2> {
        let layout = self.layout.as_ref()?;
        let p = self.origin? + layout.pos_of_char(offset, false).center().to_vec2();
        self.clip.filter(|c| c.contains(p)).map(|_| p)
    }

    /// Where the characters `start..end` were drawn last frame: their bounding rectangle on
    /// screen, or which side of the visible part they lie beyond.
    pub fn range_on_screen(&self, start: usize, end: usize) -> Option<super::connectors::OnScreen> {
        let layout = self.layout.as_ref()?;
        let origin = self.origin?;
        let clip = self.clip?;
        let first = layout.pos_of_char(start, false).translate(origin.to_vec2());
        let last = layout.pos_of_char(end, true).translate(origin.to_vec2());
        Some(super::connectors::OnScreen::classify(first, last, clip))
    }

    /// The character offset under screen position `p`, if `p` is on this column's text.
    pub fn char_at_screen(&self, p: egui::Pos2) -> Option<usize> {
        let layout = self.layout.as_ref()?;
        self.clip.filter(|c| c.contains(p))?;
        Some(layout.char_at(p - self.origin?))
    }

    /// The visible part of the column last frame, on screen.
    pub fn clip_rect(&self) -> Option<Rect> {
        self.clip
    }
}

/// What happened in the reader this frame.
#[derive(Default)]
pub struct ReaderResponse {
    /// The user interacted with this column (it should become the active one).
    pub interacted: bool,
    /// A plain click (no drag) landed on this character offset.
    pub clicked_at: Option<usize>,
    /// The pointer rests over this character offset.
    pub hovered_at: Option<usize>,
    /// The text area's response, for context menus and tooltips.
    pub response: Option<egui::Response>,
    /// A drag-selection ended this frame.
    pub selection_finished: bool,
}

/// The reader widget for one article.
pub struct Reader<'a> {
    pub article: &'a Article,
    pub state: &'a mut ReaderState,
    pub font_size: f32,
    /// Find hits and other marks painted under the text.
    pub marks: &'a [Mark],
    /// The column's stable id, so its scroll position survives reordering.
    pub column: u64,
}

impl Reader<'_> {
    /// Draws the article in the remaining space of `ui`.
    pub fn show(self, ui: &mut egui::Ui) -> ReaderResponse {
        let Reader {
            article,
            state,
            font_size,
            marks,
            column,
        } = self;
        let mut out = ReaderResponse::default();
        let pad = font_size;
        let full_width = ui.available_width();
        let wrap_width = (full_width - 2.0 * pad).clamp(80.0, font_size * MAX_LINE_EMS);
        let key = LayoutKey {
            article_id: article.id,
            text_len: article.text.len(),
            text_sha256: article.sha256.clone(),
            wrap_width,
            font_size,
            text_color: super::theme::reading_text_color(ui.visuals()),
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        let mut keep_offset = None;
        if state.layout.as_ref().is_none_or(|l| l.key != key) {
            let layout = ui.fonts_mut(|f| ArticleLayout::build(f, &article.text, key));
            // Re-wrapping moves every line; scroll so the anchored text stays where it was.
            if let (Some(old), Some(viewport)) = (state.layout.as_ref(), state.viewport)
                && old.key.article_id == layout.key.article_id
            {
                keep_offset = Some(anchored_offset(old, &layout, viewport, pad, state.anchor));
            }
            state.layout = Some(layout);
        }
        let Some(layout) = state.layout.as_ref() else {
            return out;
        };

        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("reader", column, article.id))
            .auto_shrink([false, false]);
        if let Some(offset) = state.scroll_to.take() {
            let y = layout.pos_of_char(offset, false).min.y;
            scroll = scroll.vertical_scroll_offset((y - 3.0 * font_size).max(0.0));
        } else if let Some(y) = keep_offset {
            scroll = scroll.vertical_scroll_offset(y);
        }
        let now = ui.input(|i| i.time);
        let key_color = layout.key.text_color;
        scroll.show_viewport(ui, |ui, viewport| {
            let content = vec2(full_width, layout.height + 2.0 * pad);
            let (rect, response) = ui.allocate_exact_size(content, Sense::click_and_drag());
            let title = article.title.clone();
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Document,
                    true,
                    format!("Article text: {title}"),
                )
            });
            let x_pad = ((full_width - wrap_width) / 2.0).max(pad * 0.5);
            let origin = rect.min + vec2(x_pad, pad);
            state.origin = Some(origin);
            state.clip = Some(ui.clip_rect());
            state.viewport = Some(viewport);
            let visible = Rangef::new(viewport.min.y - pad, viewport.max.y - pad);

            // Interact.
            let to_char = |p: egui::Pos2| layout.char_at(p - origin);
            let starts_selection =
                response.double_clicked() || response.drag_started_by(egui::PointerButton::Primary);
            if starts_selection {
                // A new selection owns the keyboard (its tag bar takes 1…9): a note or filter
                // field typed into before keeps focus only while the user is in it. egui
                // surrenders focus on clicks elsewhere, not on drags.
                ui.memory_mut(egui::Memory::stop_text_input);
            }
            if response.double_clicked()
                && let Some(p) = response.interact_pointer_pos().or(response.hover_pos())
            {
                let (a, b) = words::word_at(&article.text, to_char(p));
                state.selection = Some(Selection {
                    anchor: a,
                    focus: b,
                });
                out.interacted = true;
            } else if response.drag_started_by(egui::PointerButton::Primary) || response.clicked() {
                let shift = ui.input(|i| i.modifiers.shift);
                let press = ui
                    .input(|i| i.pointer.press_origin())
                    .or(response.interact_pointer_pos());
                if let Some(p) = press {
                    let at = to_char(p);
                    state.selection = match (shift, state.selection) {
                        (true, Some(sel)) => Some(Selection {
                            anchor: sel.anchor,
                            focus: at,
                        }),
                        _ => Some(Selection {
                            anchor: at,
                            focus: at,
                        }),
                    };
                }
                if response.clicked() && !shift {
                    state.selection = None;
                    out.clicked_at = press.map(to_char);
                }
                out.interacted = true;
            }
            if response.drag_stopped_by(egui::PointerButton::Primary) {
                out.selection_finished = true;
                // Snap the ends of a selection to whole words unless Alt is held.
                if !ui.input(|i| i.modifiers.alt)
                    && let Some(sel) = state.selection.as_mut()
                    && !sel.is_empty()
                {
                    let (a, b) = sel.range();
                    let (a, b) = words::snap_to_words(&article.text, a, b);
                    *sel = Selection {
                        anchor: a,
                        focus: b,
                    };
                }
            }
            out.hovered_at = response.hover_pos().map(to_char);
            if response.dragged_by(egui::PointerButton::Primary)
                && let (Some(p), Some(sel)) =
                    (response.interact_pointer_pos(), state.selection.as_mut())
            {
                sel.focus = to_char(p);
                // Scroll only once the pointer has left the visible text, faster the further
                // out it is. A margin inside the edge would scroll as soon as a drag starts on
                // the top or bottom line, and select the line beyond it.
                let clip = ui.clip_rect();
                let max_step = font_size * 2.0;
                let dy = if p.y < clip.top() {
                    (clip.top() - p.y).min(max_step)
                } else if p.y > clip.bottom() {
                    -(p.y - clip.bottom()).min(max_step)
                } else {
                    0.0
                };
                if dy != 0.0 {
                    ui.scroll_with_delta(vec2(0.0, dy));
                    ui.ctx().request_repaint();
                }
            }

            // Paint: marks, flash and selection under the text, then the visible paragraphs.
            let painter = ui.painter();
            let to_screen = |r: Rect| r.translate(origin.to_vec2());
            for m in marks {
                for r in layout.range_rects(m.start, m.end, visible) {
                    let r = to_screen(r);
                    painter.rect_filled(r, 2.0, m.fill);
                    if let Some((color, depth)) = m.underline {
                        let y = r.max.y - 1.0 + f32::from(depth) * 3.0;
                        painter.hline(r.x_range(), y, egui::Stroke::new(2.0, color));
                    }
                    if let Some(color) = m.outline {
                        painter.rect_stroke(
                            r.expand(1.0),
                            2.0,
                            egui::Stroke::new(1.5, color),
                            egui::StrokeKind::Outside,
                        );
                    }
                }
            }
            if let Some((a, b, t0)) = state.flash {
                let age = (now - t0) as f32;
                if age < 1.2 {
                    let alpha = ((1.2 - age) / 1.2 * 200.0) as u8;
                    let fill = Color32::from_rgba_unmultiplied(255, 170, 0, alpha);
                    for r in layout.range_rects(a, b, visible) {
                        painter.rect_filled(to_screen(r).expand(2.0), 3.0, fill);
                    }
                    ui.ctx().request_repaint();
                } else {
                    state.flash = None;
                }
            }
            if let Some(sel) = state.selection.filter(|s| !s.is_empty()) {
                let (a, b) = sel.range();
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
                for r in layout.range_rects(a, b, visible) {
                    painter.rect_filled(to_screen(r), 0.0, fill);
                }
            }
            for para in layout.visible_paras(visible) {
                painter.galley(origin + vec2(0.0, para.y), para.galley.clone(), key_color);
            }
            if response.hovered() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
            }
            out.response = Some(response);
        });
        out
    }
}

/// The scroll offset that keeps the same text at the same height after a re-wrap from `old`
/// to `new`: the `anchor` character when it was in view, else the first visible line.
fn anchored_offset(
    old: &ArticleLayout,
    new: &ArticleLayout,
    viewport: Rect,
    pad: f32,
    anchor: Option<usize>,
) -> f32 {
    // Layout coordinates are content coordinates less the top padding.
    let top = viewport.min.y - pad;
    let in_view = |c: usize| {
        let y = old.pos_of_char(c, false).min.y;
        y >= top && y <= viewport.max.y - pad
    };
    let at = anchor
        .filter(|&c| in_view(c))
        .unwrap_or_else(|| old.char_at(vec2(0.0, top.max(0.0))));
    let on_screen = old.pos_of_char(at, false).min.y - top;
    (new.pos_of_char(at, false).min.y - on_screen + pad).max(0.0)
}
