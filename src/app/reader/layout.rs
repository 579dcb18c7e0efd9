//! [`ArticleLayout`]: an article laid out as one galley per paragraph, with the geometry the
//! reader needs — which character is under a point, where a character is, and the rectangles
//! that cover a character range.
//!
//! One galley per paragraph (rather than one for the whole text) keeps relayout and painting
//! proportional to what is visible: a 100 KB article has hundreds of paragraphs, of which a
//! column shows a dozen.

use eframe::egui::{self, Color32, FontId, Galley, Rect, Vec2, pos2, text::LayoutJob};
use std::sync::Arc;

/// What the layout depends on; when any of it changes the layout is rebuilt.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    pub article_id: i64,
    pub text_len: usize,
    /// The hash of the text's source: a refresh can replace the text by one of the same
    /// length ("139" → "143"), which must not keep showing the old digits.
    pub text_sha256: String,
    pub wrap_width: f32,
    pub font_size: f32,
    pub text_color: Color32,
    pub pixels_per_point: f32,
}

/// One laid-out paragraph (a line of the article text, without its `\n`).
pub struct Para {
    /// Character offset of the paragraph's first character in the article.
    pub start: usize,
    /// Number of characters, not counting the `\n`.
    pub len: usize,
    /// Top of the paragraph relative to the layout's origin.
    pub y: f32,
    pub galley: Arc<Galley>,
}

/// An article laid out for one column width and font size.
pub struct ArticleLayout {
    pub key: LayoutKey,
    pub paras: Vec<Para>,
    /// Total height of the text.
    pub height: f32,
}

impl ArticleLayout {
    /// Lays out `text`: each line is a paragraph, separated by a little space.
    pub fn build(
        fonts: &mut egui::epaint::text::FontsView<'_>,
        text: &str,
        key: LayoutKey,
    ) -> Self {
        let font = FontId::proportional(key.font_size);
        let gap = key.font_size * 0.45;
        let mut paras = Vec::new();
        let mut y = 0.0;
        let mut start = 0;
        for line in text.split('\n') {
            let len = line.chars().count();
            let mut job = LayoutJob::simple(
                line.to_owned(),
                font.clone(),
                key.text_color,
                key.wrap_width,
            );
            job.wrap.break_anywhere = false;
            let galley = fonts.layout_job(job);
            let h = if line.trim().is_empty() {
                key.font_size * 0.5
            } else {
                galley.rect.height() + gap
            };
            paras.push(Para {
                start,
                len,
                y,
                galley,
            });
            y += h;
            start += len + 1;
        }
        ArticleLayout {
            key,
            paras,
            height: y,
        }
    }

    /// Index of the paragraph at height `y` (the nearest one above or at it).
    fn para_at_y(&self, y: f32) -> usize {
        self.paras.partition_point(|p| p.y <= y).saturating_sub(1)
    }

    /// The character offset nearest to `pos` (relative to the layout's origin).
    pub fn char_at(&self, pos: Vec2) -> usize {
        let Some(para) = self.paras.get(self.para_at_y(pos.y)) else {
            return 0;
        };
        let local = pos - egui::vec2(0.0, para.y);
        // Below the paragraph's text but above the next paragraph: its end.
        if local.y > para.galley.rect.height() {
            return para.start + para.len;
        }
        para.start + para.galley.cursor_from_pos(local).index.0.min(para.len)
    }

    /// The rectangle of the character boundary at `offset` (zero width), relative to origin.
    /// A boundary where a paragraph wraps is both the end of one row and the start of the
    /// next: `at_end` picks the end of the row above (for the end of a range), otherwise the
    /// start of the row below.
    pub fn pos_of_char(&self, offset: usize, at_end: bool) -> Rect {
        let i = self
            .paras
            .partition_point(|p| p.start <= offset)
            .saturating_sub(1);
        let Some(para) = self.paras.get(i) else {
            return Rect::NOTHING;
        };
        let local = offset.saturating_sub(para.start).min(para.len);
        let cursor = egui::text::CCursor {
            index: egui::text::CharIndex(local),
            prefer_next_row: !at_end,
        };
        para.galley
            .pos_from_cursor(cursor)
            .translate(egui::vec2(0.0, para.y))
    }

    /// Rectangles covering the characters `start..end`, one per wrapped row, relative to the
    /// origin, limited to paragraphs that meet the vertical range `visible`.
    pub fn range_rects(&self, start: usize, end: usize, visible: egui::Rangef) -> Vec<Rect> {
        let mut out = Vec::new();
        if start >= end {
            return out;
        }
        let first = self.paras.partition_point(|p| p.start + p.len < start);
        for para in &self.paras[first.min(self.paras.len())..] {
            if para.start >= end || para.y > visible.max {
                break;
            }
            if para.y + para.galley.rect.height() < visible.min {
                continue;
            }
            let lo = start.saturating_sub(para.start);
            let hi = (end - para.start).min(para.len);
            let mut row_start = 0;
            for row in &para.galley.rows {
                let n = row.glyphs.len();
                let (a, b) = (lo.max(row_start), hi.min(row_start + n));
                if a < b {
                    let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - row_start));
                    let x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - row_start));
                    let r = row.rect();
                    out.push(Rect::from_min_max(
                        pos2(x0, para.y + r.min.y),
                        pos2(x1, para.y + r.max.y),
                    ));
                }
                row_start += n;
            }
        }
        out
    }

    /// Paragraphs that meet the vertical range `visible`.
    pub fn visible_paras(&self, visible: egui::Rangef) -> impl Iterator<Item = &Para> {
        let first = self.para_at_y(visible.min);
        self.paras[first.min(self.paras.len())..]
            .iter()
            .take_while(move |p| p.y <= visible.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_starting_at_a_wrap_starts_on_the_lower_row() {
        let ctx = egui::Context::default();
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        let key = LayoutKey {
            article_id: 1,
            text_len: text.len(),
            text_sha256: String::new(),
            wrap_width: 120.0,
            font_size: 14.0,
            text_color: egui::Color32::WHITE,
            pixels_per_point: 1.0,
        };
        let mut layout = None;
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            layout = Some(ui.fonts_mut(|f| ArticleLayout::build(f, text, key.clone())));
        });
        out.textures_delta.clear();
        let layout = layout.expect("laid out");
        let rows = &layout.paras[0].galley.rows;
        assert!(rows.len() > 1, "the text wraps");
        let wrap_at = rows[0].glyphs.len();
        let start = layout.pos_of_char(wrap_at, false);
        let end = layout.pos_of_char(wrap_at, true);
        assert!(
            start.min.y > end.min.y,
            "start of the next row, not end of this one"
        );
        assert_eq!(start.min.x, rows[1].pos.x);
    }
}
