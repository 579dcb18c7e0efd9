//! The Figures view on a folder about one event with many incidents: the likeliest
//! suggestions first with the words that tie them, the rest collapsed, and a measure with many
//! values as one line that opens.

use crate::ui_support;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use ui_support::*;

const HALDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/events/tuning/halden-strike"
);

/// Scrolls the view under `at` down by `points`, as a mouse wheel does.
fn scroll_down(h: &mut H, at: egui::Pos2, points: f32) {
    h.hover_at(at);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -points),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // A tooltip may fade in under the pointer; the scroll has settled either way.
    settle(h);
}

fn open_figures(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(h);
}

#[test]
fn the_likeliest_suggestions_come_first_and_the_rest_are_collapsed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, Path::new(HALDEN));
    open_figures(&mut h);

    let total = h.state().figures.suggestion_count();
    assert!(total > 10, "the folder gives many suggestions: {total}");
    h.get_by_label(&format!("Suggested conflicts ({total})"));
    let shown = h.query_all_by_label("Confirm").count();
    assert!((3..=10).contains(&shown), "{shown} shown first");
    // The first suggestion is the likeliest, says why in one line (what both count, the two
    // values, how they relate), and what ties its two sentences.
    assert!(
        h.query_all_by_label_contains("both count people killed")
            .count()
            >= 1
    );
    assert!(h.query_all_by_label_contains("both mention:").count() >= 1);

    let more = format!("{} more, less likely", total - shown);
    let toggle = h.get_by_label(&more);
    let at = toggle.rect().center();
    toggle.click();
    settle(&mut h);
    scroll_down(&mut h, at, 150.0);
    // The many tolls of this folder stand as one line that opens to their suggestions.
    let tolls = h.get_by_label_contains("tolls in 4 articles: 6 … 40");
    let at = tolls.rect().center();
    tolls.click();
    settle(&mut h);
    scroll_down(&mut h, at, 60.0);
    assert!(
        h.query_all_by_label("Confirm").count() >= 1,
        "the summary opens to its suggestions"
    );
}
