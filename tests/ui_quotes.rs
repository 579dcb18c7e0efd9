//! The Quotes tab: renderings of one quote across articles, their differences, and one click
//! that tags and links them (one undo step).

use crate::ui_support;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const A: &str = "Toll rises\n\n“We have found 14 bodies and we are still searching for six \
                 people,” said Marta Lindqvist, who leads the rescue.\n";
const B: &str = "Divers return\n\nRescue chief Marta Lindqvist said: «We have found 16 bodies and \
                 we are still searching for six people.»\n";

#[test]
fn a_quote_group_shows_its_renderings_and_tags_and_links_them_in_one_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(dir.path(), &[("a.txt", A), ("b.txt", B)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    // Ctrl+' (the quotation mark key) opens the Quotes tab, as View ▸ Show quotes does.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Quote);
    settle(&mut h);
    h.get_by_label("Quotes in more than one article (1)");
    h.get_by_label_contains("Marta Lindqvist — “We have found 14 bodies")
        .click();
    settle(&mut h);
    h.get_by_label("a number or negation differs");
    // A rendering's title opens it in a column with the quote selected, ready to tag.
    h.get_by_role_and_label(egui::accesskit::Role::Link, "Divers return")
        .click();
    settle(&mut h);
    let wb = h.state();
    let col = &wb.columns[wb.active];
    let b_id = wb
        .doc
        .as_ref()
        .expect("doc")
        .project
        .articles()
        .iter()
        .find(|a| a.path == "b.txt")
        .expect("b")
        .id;
    assert_eq!(col.article, b_id);
    let (s, e) = col.reader.selection.expect("the quote is selected").range();
    let text = &wb
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(b_id)
        .expect("b")
        .text;
    let selected: String = text.chars().skip(s).take(e - s).collect();
    assert!(
        selected.starts_with("We have found 16 bodies"),
        "{selected}"
    );
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.get_by_label("Tag as quotes and link as contradicts")
        .click();
    settle(&mut h);
    let p = &h.state().doc.as_ref().expect("doc").project;
    assert_eq!(p.claims().count(), 2);
    assert_eq!(p.links().count(), 1);
    assert!(
        p.claims()
            .all(|c| c.attribution.as_deref() == Some("Marta Lindqvist"))
    );
    h.get_by_label("Already tagged and linked.");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    let p = &h.state().doc.as_ref().expect("doc").project;
    assert_eq!(
        (p.claims().count(), p.links().count()),
        (0, 0),
        "one undo step"
    );
}
