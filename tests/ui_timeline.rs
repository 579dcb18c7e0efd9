//! The Timeline tab: a rising toll drawn over time, the articles in the order they speak,
//! a time expression tagged as a Date claim in one undo step, and clicking a figure opens it.

use crate::ui_support;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const EARLY: &str = "Blast at Kessel harbour\n2025-06-10T09:30\n\nThe death toll from the \
                     explosion rose to three on Tuesday morning, firefighters said.\n";
const LATE: &str = "Kessel blast: eleven dead\n2025-06-10T18:45\n\nAs of 6 pm, 11 people had \
                    been killed in the harbour explosion, the mayor said.\n";

#[test]
fn the_timeline_draws_a_rising_toll_and_tags_a_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(dir.path(), &[("b-late.txt", LATE), ("a-early.txt", EARLY)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::H,
    );
    settle(&mut h);
    // Two articles give three figures of the toll, all placed in time.
    h.get_by_label("Timeline of killed (3 figures)");
    // Clicking a figure opens its article with the figure selected: the latest mark, at the
    // right edge, is the late article's headline toll.
    let chart = h.get_by_label("Timeline of killed (3 figures)").rect();
    let plot_bottom = chart.bottom() - 24.0;
    let plot_top = chart.top() + 10.0;
    let y = plot_bottom - (11.0 / 12.1) * (plot_bottom - plot_top);
    click_at(
        &mut h,
        egui::pos2(chart.right() - 12.5, y),
        egui::Modifiers::NONE,
    );
    {
        let wb = h.state();
        let col = &wb.columns[wb.active];
        let p = &wb.doc.as_ref().expect("doc").project;
        let article = p.article(col.article).expect("article");
        assert_eq!(article.path, "b-late.txt");
        let (s, e) = col
            .reader
            .selection
            .expect("the figure is selected")
            .range();
        let selected: String = article.text.chars().skip(s).take(e - s).collect();
        assert_eq!(selected, "eleven");
    }
    // Articles in the order they speak, the earlier first.
    let early = h.get_by_label_contains("10 Jun 2025 09:30 — Blast at Kessel harbour");
    let late = h.get_by_label_contains("10 Jun 2025 18:45 — Kessel blast: eleven dead");
    assert!(early.rect().top() < late.rect().top());
    late.click();
    settle(&mut h);
    h.get_by_label("“As of 6 pm”: 10 Jun 2025 18:00");
    let label = h.get_by_label("“As of 6 pm”: 10 Jun 2025 18:00").rect();
    h.get_all_by_label("Tag as Date")
        .into_iter()
        .find(|b| (b.rect().center().y - label.center().y).abs() < 8.0)
        .expect("the button beside it")
        .click();
    settle(&mut h);
    {
        let p = &h.state().doc.as_ref().expect("doc").project;
        let claims: Vec<_> = p.claims().collect();
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].quote, "As of 6 pm");
        let date = p
            .categories()
            .iter()
            .find(|c| c.name == "Date")
            .map(|c| c.id);
        assert_eq!(claims[0].category_id, date);
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .expect("doc")
            .project
            .claims()
            .count(),
        0,
        "one undo step"
    );
}
