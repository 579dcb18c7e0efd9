//! A strip chart of figures' intervals on one shared axis, open ends drawn as arrows.

use crate::analysis::Figure;
use eframe::egui::{self, Stroke, pos2};

/// The most intervals one chart draws; a measure with more shows its first ones (the rest are
/// in the list below the chart), so the chart's height stays bounded.
pub const MAX_LINES: usize = 24;

/// The height [`interval_chart`] takes for `n` figures.
pub fn chart_height(n: usize) -> f32 {
    14.0 * n.min(MAX_LINES) as f32 + 26.0
}

/// 139 → "139", 1.5 → "1.5", 3600000000 → "3.60e9".
fn short_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e7 {
        format!("{v:.0}")
    } else if v.abs() < 1e7 {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        format!("{v:.2e}")
    }
}

/// Draws one line per figure (at most [`MAX_LINES`]) on a shared axis.
pub fn interval_chart<'a>(ui: &mut egui::Ui, figures: impl Iterator<Item = &'a Figure> + Clone) {
    let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
    let lo = figures
        .clone()
        .filter_map(|f| finite(f.low))
        .fold(f64::INFINITY, f64::min);
    let hi = figures
        .clone()
        .filter_map(|f| finite(f.high).or(finite(f.low)))
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let shown: Vec<&Figure> = figures.take(MAX_LINES).collect();
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    let (min, max) = (lo - span * 0.1, hi + span * 0.25);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(520.0), chart_height(shown.len())),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x = |v: f64| rect.left() + ((v - min) / (max - min)) as f32 * rect.width();
    painter.hline(
        rect.x_range(),
        rect.bottom() - 12.0,
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    for v in [lo, hi] {
        painter.text(
            pos2(x(v), rect.bottom() - 1.0),
            egui::Align2::CENTER_BOTTOM,
            short_number(v),
            egui::FontId::proportional(10.0),
            ui.visuals().weak_text_color(),
        );
    }
    let color = ui.visuals().selection.stroke.color;
    for (i, f) in shown.iter().enumerate() {
        let y = rect.top() + 14.0 + 14.0 * i as f32;
        let a = x(f.low.unwrap_or(min));
        let b = f.high.map_or(rect.right() - 2.0, x);
        painter.line_segment(
            [pos2(a, y), pos2(b.max(a + 2.0), y)],
            Stroke::new(3.0, color),
        );
        painter.text(
            pos2(a + 3.0, y - 1.0),
            egui::Align2::LEFT_BOTTOM,
            &f.text,
            egui::FontId::proportional(9.5),
            ui.visuals().text_color(),
        );
        if f.high.is_none() {
            painter.text(
                pos2(rect.right() - 2.0, y),
                egui::Align2::RIGHT_CENTER,
                "›",
                egui::FontId::proportional(12.0),
                color,
            );
        }
    }
}
