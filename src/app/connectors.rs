//! Geometry of link connectors: where a claim sits relative to its column's visible part, and
//! the curve that joins two claims in neighbouring columns across the gap between them (as
//! diff tools join changed lines). Pure functions of rectangles, so they are unit-tested.

use eframe::egui::{Pos2, Rect, pos2};

/// Where a claim's text is relative to the visible part of its column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OnScreen {
    /// Visible: the rectangle from the start of its first line to the end of its last.
    Visible(Rect),
    /// Scrolled out above or below the visible part.
    Above,
    Below,
}

impl OnScreen {
    /// Classifies a claim from the zero-width rectangles of its first and last character
    /// boundaries, against the column's visible rectangle `clip`.
    pub fn classify(first: Rect, last: Rect, clip: Rect) -> OnScreen {
        if last.max.y < clip.min.y {
            OnScreen::Above
        } else if first.min.y > clip.max.y {
            OnScreen::Below
        } else {
            // A claim over several lines: take the span of its lines, and clamp to the view.
            let y0 = first.min.y.max(clip.min.y);
            let y1 = last.max.y.min(clip.max.y);
            let (x0, x1) = if (first.min.y - last.min.y).abs() < 1.0 {
                (first.min.x.min(last.min.x), first.min.x.max(last.min.x))
            } else {
                (clip.min.x, clip.max.x)
            };
            OnScreen::Visible(Rect::from_min_max(
                pos2(x0, y0),
                pos2(x1.max(x0 + 1.0), y1.max(y0 + 1.0)),
            ))
        }
    }
}

/// The path of a connector from claim `a` in a left column to claim `b` in the column right
/// of it: along `a`'s line to its column's right edge, a cubic curve across the gap, then
/// along `b`'s line from its column's left edge. Returns the straight start and end segments
/// and the curve's four control points.
pub struct Connector {
    pub start: Pos2,
    pub gap_start: Pos2,
    pub curve: [Pos2; 4],
    pub gap_end: Pos2,
    pub end: Pos2,
}

/// Builds the connector between `a` (in the column ending at `left_edge`) and `b` (in the
/// column starting at `right_edge`).
pub fn connector(a: Rect, b: Rect, left_edge: f32, right_edge: f32) -> Connector {
    let start = pos2(a.max.x, a.center().y);
    let end = pos2(b.min.x, b.center().y);
    let gap_start = pos2(left_edge, start.y);
    let gap_end = pos2(right_edge, end.y);
    let mid = (left_edge + right_edge) / 2.0;
    Connector {
        start,
        gap_start,
        curve: [
            gap_start,
            pos2(mid, gap_start.y),
            pos2(mid, gap_end.y),
            gap_end,
        ],
        gap_end,
        end,
    }
}

impl Connector {
    /// Points along the whole connector, for drawing and hit-testing.
    pub fn polyline(&self, steps: usize) -> Vec<Pos2> {
        let mut pts = vec![self.start];
        let [p0, p1, p2, p3] = self.curve;
        for i in 0..=steps {
            let t = i as f32 / steps as f32;
            let u = 1.0 - t;
            let p = p0.to_vec2() * (u * u * u)
                + p1.to_vec2() * (3.0 * u * u * t)
                + p2.to_vec2() * (3.0 * u * t * t)
                + p3.to_vec2() * (t * t * t);
            pts.push(p.to_pos2());
        }
        pts.push(self.end);
        pts
    }

    /// Distance from `p` to the connector.
    pub fn distance(&self, p: Pos2) -> f32 {
        self.polyline(16)
            .windows(2)
            .map(|w| segment_distance(p, w[0], w[1]))
            .fold(f32::INFINITY, f32::min)
    }
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 == 0.0 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim laid out at `y` in its article, seen in a column whose text starts at
    /// `column_top` and is scrolled by `scroll`.
    fn claim_rect(x0: f32, x1: f32, y: f32, column_top: f32, scroll: f32) -> (Rect, Rect) {
        let dy = column_top - scroll;
        let first = Rect::from_min_max(pos2(x0, y + dy), pos2(x0, y + 18.0 + dy));
        let last = Rect::from_min_max(pos2(x1, y + dy), pos2(x1, y + 18.0 + dy));
        (first, last)
    }

    #[test]
    fn connector_ends_sit_on_both_highlights_for_any_scroll() {
        let left_clip = Rect::from_min_max(pos2(0.0, 100.0), pos2(400.0, 800.0));
        let right_clip = Rect::from_min_max(pos2(422.0, 100.0), pos2(822.0, 800.0));
        for (scroll_a, scroll_b) in [(0.0, 0.0), (120.0, 40.0), (300.0, 0.0)] {
            let (fa, la) = claim_rect(60.0, 180.0, 400.0, 100.0, scroll_a);
            let (fb, lb) = claim_rect(480.0, 530.0, 250.0, 100.0, scroll_b);
            let (OnScreen::Visible(a), OnScreen::Visible(b)) = (
                OnScreen::classify(fa, la, left_clip),
                OnScreen::classify(fb, lb, right_clip),
            ) else {
                panic!("both claims are in view at scroll {scroll_a}, {scroll_b}");
            };
            let c = connector(a, b, left_clip.max.x, right_clip.min.x);
            assert!(
                a.expand(0.5).contains(c.start),
                "start {:?} on {a:?}",
                c.start
            );
            assert!(b.expand(0.5).contains(c.end), "end {:?} on {b:?}", c.end);
            assert_eq!(
                c.start.x, a.max.x,
                "leaves from the right side of the left claim"
            );
            assert_eq!(
                c.end.x, b.min.x,
                "arrives at the left side of the right claim"
            );
            assert!(
                (a.center().y - (400.0 + 9.0 + 100.0 - scroll_a)).abs() < 0.01,
                "follows the scroll"
            );
            assert!(
                c.distance(pos2(411.0, (c.gap_start.y + c.gap_end.y) / 2.0)) < 4.0,
                "crosses the gap"
            );
        }
    }

    #[test]
    fn claims_scrolled_out_of_view_are_above_or_below() {
        let clip = Rect::from_min_max(pos2(0.0, 100.0), pos2(400.0, 800.0));
        let (f, l) = claim_rect(10.0, 50.0, 100.0, 100.0, 500.0);
        assert_eq!(OnScreen::classify(f, l, clip), OnScreen::Above);
        let (f, l) = claim_rect(10.0, 50.0, 2000.0, 100.0, 0.0);
        assert_eq!(OnScreen::classify(f, l, clip), OnScreen::Below);
    }
}
