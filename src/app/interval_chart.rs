//! A strip chart of figures' intervals on one shared axis: each figure's words in a column on
//! the left, its interval as a bar on its own line (an exact number as a dot, an open end as
//! an arrow), the axis's ends below. [`chart_groups`] decides which figures share an axis.

use crate::analysis::figures::fmt_amount;
use crate::analysis::{Figure, Measure};
use eframe::egui::{self, Stroke, pos2};

/// The most intervals one chart draws; a group with more shows its first ones (the rest are
/// in the list below the chart), so the chart's height stays bounded.
pub const MAX_LINES: usize = 24;

/// Vertical distance between two figures' lines: room for a label of [`LABEL_SIZE`] points.
const LINE_STEP: f32 = 16.0;
/// Height of the axis with its end labels under the lines.
const AXIS: f32 = 24.0;
const LABEL_SIZE: f32 = 10.5;
/// The widest the label column gets; longer labels are cut with an ellipsis.
const MAX_LABEL_COLUMN: f32 = 170.0;

/// Two figures share an axis only while the larger is at most this many times the smaller:
/// the factor within which the conflict engine compares figures at all. On a linear axis,
/// 133 and 139 killed beside 2,997 killed on 9/11 became one dot.
const SAME_AXIS_RATIO: f64 = 10.0;

/// The height [`interval_chart`] takes for `n` figures.
pub fn chart_height(n: usize) -> f32 {
    LINE_STEP * n.min(MAX_LINES) as f32 + AXIS
}

/// Splits one measure's figures into the groups that share a chart: one unit each (pounds are
/// never drawn on the dollars' axis, nor kilometres on the years'), and within a unit, values
/// of one order of magnitude ([`SAME_AXIS_RATIO`]). A group of one figure gets no chart: a lone
/// dot compares nothing, and the figure's row below says it all. Groups keep the items'
/// order; the groups come in order of their smallest value, units in order of first use.
/// `key` gives an item's unit and the value it is placed by ([`magnitude`]); items without one
/// are left out.
pub fn chart_groups<T: Copy>(
    items: &[T],
    key: impl Fn(T) -> Option<(Option<String>, f64)>,
) -> Vec<Vec<T>> {
    let mut units: Vec<(Option<String>, Placed)> = Vec::new();
    for (i, &t) in items.iter().enumerate() {
        let Some((unit, v)) = key(t) else { continue };
        match units.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, list)) => list.push((v, i)),
            None => units.push((unit, vec![(v, i)])),
        }
    }
    let mut out = Vec::new();
    for (_, mut list) in units {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut group: Vec<usize> = Vec::new();
        let mut first = f64::NAN;
        for (v, i) in list {
            let fits = !group.is_empty()
                && (v <= 0.0 && first <= 0.0 || first > 0.0 && v <= first * SAME_AXIS_RATIO);
            if !fits {
                flush(&mut out, &mut group, items);
                first = v;
            }
            group.push(i);
        }
        flush(&mut out, &mut group, items);
    }
    out
}

fn flush<T: Copy>(out: &mut Vec<Vec<T>>, group: &mut Vec<usize>, items: &[T]) {
    if group.len() >= 2 {
        group.sort_unstable();
        out.push(group.iter().map(|&i| items[i]).collect());
    }
    group.clear();
}

/// Items of one unit as (the value each is placed by, its index).
type Placed = Vec<(f64, usize)>;

/// The value a figure is placed by when grouping: its low end, else its stated value.
pub fn magnitude(f: &Figure) -> f64 {
    f.low.filter(|v| v.is_finite()).unwrap_or(f.value)
}

/// A figure's words as the list below the chart writes them: `At least 139 people`.
pub fn figure_label(f: &Figure) -> String {
    match f.counted.as_deref() {
        // A term's counted noun is its defendant: `three years (Mary Cole)`.
        Some(c) if f.measure == Measure::Jailed => format!("{} ({c})", f.text),
        Some(c) => format!("{} {c}", f.text),
        None => f.text.clone(),
    }
}

/// Draws one line per figure (at most [`MAX_LINES`]) on a shared axis, each labelled on the
/// left with its words as printed.
pub fn interval_chart<'a>(ui: &mut egui::Ui, figures: impl Iterator<Item = &'a Figure> + Clone) {
    let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
    let lo = figures
        .clone()
        .filter_map(|f| finite(f.low).or(finite(f.high)))
        .fold(f64::INFINITY, f64::min);
    let hi = figures
        .clone()
        .filter_map(|f| finite(f.high).or(finite(f.low)))
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let shown: Vec<&Figure> = figures.take(MAX_LINES).collect();
    let unit = shown.first().and_then(|f| f.unit.as_deref());
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(640.0), chart_height(shown.len())),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let weak = ui.visuals().weak_text_color();
    let strong = ui.visuals().text_color();
    let color = ui.visuals().selection.stroke.color;
    let font = egui::FontId::proportional(LABEL_SIZE);

    // The label column is as wide as the widest label, within bounds.
    let widest = shown
        .iter()
        .map(|f| {
            painter
                .layout_no_wrap(figure_label(f), font.clone(), strong)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let column = (widest + 10.0)
        .min(MAX_LABEL_COLUMN)
        .min(rect.width() * 0.4);
    let plot = egui::Rect::from_min_max(
        pos2(rect.left() + column + 6.0, rect.top()),
        pos2(rect.right() - 10.0, rect.bottom()),
    );
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    let (min, max) = (lo - span * 0.08, hi + span * 0.08);
    let x = |v: f64| plot.left() + ((v - min) / (max - min)) as f32 * plot.width();

    let axis_y = rect.bottom() - AXIS + 6.0;
    painter.hline(plot.x_range(), axis_y, Stroke::new(1.0, weak));
    let ends: &[f64] = if hi > lo { &[lo, hi] } else { &[lo] };
    for &v in ends {
        painter.vline(
            x(v),
            (axis_y - 3.0)..=(axis_y + 3.0),
            Stroke::new(1.0, weak),
        );
        painter.text(
            pos2(x(v), axis_y + 4.0),
            egui::Align2::CENTER_TOP,
            fmt_amount(v, unit),
            egui::FontId::proportional(10.0),
            weak,
        );
    }

    for (i, f) in shown.iter().enumerate() {
        let y = rect.top() + LINE_STEP * (i as f32 + 0.5);
        let label = painter.layout_no_wrap(figure_label(f), font.clone(), strong);
        let label_rect = egui::Rect::from_min_size(
            pos2(
                (plot.left() - 8.0 - label.size().x).max(rect.left()),
                y - label.size().y / 2.0,
            ),
            label.size(),
        );
        painter
            .with_clip_rect(egui::Rect::from_x_y_ranges(
                rect.left()..=plot.left() - 6.0,
                rect.y_range(),
            ))
            .galley(label_rect.min, label, strong);

        let a = finite(f.low).map_or(plot.left(), x);
        let b = finite(f.high).map_or(plot.right(), x);
        if (b - a).abs() < 3.0 {
            painter.circle_filled(pos2((a + b) / 2.0, y), 3.5, color);
        } else {
            painter.line_segment([pos2(a, y), pos2(b, y)], Stroke::new(3.0, color));
        }
        // Open ends: the bar runs off the axis.
        if finite(f.high).is_none() {
            arrow(&painter, plot.right(), y, "›", color);
        }
        if finite(f.low).is_none() {
            arrow(&painter, plot.left(), y, "‹", color);
        }
    }
}

fn arrow(painter: &egui::Painter, x: f32, y: f32, glyph: &str, color: egui::Color32) {
    let align = if glyph == "›" {
        egui::Align2::LEFT_CENTER
    } else {
        egui::Align2::RIGHT_CENTER
    };
    painter.text(
        pos2(x + if glyph == "›" { 1.0 } else { -1.0 }, y),
        align,
        glyph,
        egui::FontId::proportional(14.0),
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(unit: Option<&str>, value: f64) -> (Option<String>, f64) {
        (unit.map(str::to_owned), value)
    }

    #[test]
    fn a_figure_ten_times_the_others_gets_its_own_axis_and_a_lone_figure_none() {
        // 133, 139, over 100, over 130 killed in the story; 2,997 killed on 9/11.
        let keys = [
            fig(None, 139.0),
            fig(None, 100.0),
            fig(None, 133.0),
            fig(None, 2997.0),
            fig(None, 130.0),
        ];
        let idx: Vec<usize> = (0..keys.len()).collect();
        let groups = chart_groups(&idx, |i| Some(keys[i].clone()));
        assert_eq!(groups, vec![vec![0, 1, 2, 4]]);
    }

    #[test]
    fn currencies_never_share_an_axis() {
        let keys = [
            fig(Some("GBP"), 175_000.0),
            fig(Some("USD"), 200_000.0),
            fig(Some("GBP"), 560_000.0),
            fig(Some("USD"), 250_000.0),
            fig(Some("GBP"), 9_000_000.0),
        ];
        let idx: Vec<usize> = (0..keys.len()).collect();
        let groups = chart_groups(&idx, |i| Some(keys[i].clone()));
        assert_eq!(groups, vec![vec![0, 2], vec![1, 3]]);
    }
}
