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

/// Figures that cannot be read on one axis get their own chart: a toll ten times the story's
/// (another attack's, quoted as background) would squeeze the story's own tolls into one dot,
/// and pounds beside dollars mean nothing. A lone figure gets no chart.
#[test]
fn figures_share_a_chart_only_in_one_unit_and_one_order_of_magnitude() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(
        &dir.path().join("in"),
        &[
            (
                "a.txt",
                "Hall attack\n2024-03-23\n\nAt least 139 people were killed in the attack. \
                 The club was fined £10,000 last month.",
            ),
            (
                "b.txt",
                "Hall attack toll\n2024-03-24\n\n133 people were killed in the attack. \
                 The owners paid a $25,000 fine and a $40,000 fine.",
            ),
            (
                "c.txt",
                "Hall attack anniversary\n2024-03-25\n\n2,997 people were killed in the \
                 attack, one survivor recalled.",
            ),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    open_figures(&mut h);
    let project = h.state().doc.as_ref().expect("a project").project.clone();
    let charts = h.state_mut().figures.charts(&project);
    assert_eq!(
        charts,
        vec![vec![
            "At least 139 people".to_owned(),
            "133 people".to_owned()
        ]],
        "the story's tolls on one axis, 2,997 on none"
    );
    let at = h.get_by_label("killed (3)").rect().center();
    scroll_down(&mut h, at, 200.0);
    h.get_by_label_contains("money (").click();
    settle(&mut h);
    let charts = h.state_mut().figures.charts(&project);
    assert_eq!(charts.len(), 2, "{charts:?}");
    assert!(
        charts[1].iter().all(|l| l.contains('$')),
        "the dollars on their own axis, the lone pound sum on none: {charts:?}"
    );
}
