//! Stories in the window: a folder holding two events shows each article's story in the
//! library, compares figures only within a story, and the researcher merges and splits
//! stories from an article's context menu, each one undoable step.

use crate::ui_support;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const WHALES_1: &str = "Whales stranded at Kessock\n2025-05-02\n\nTen pilot whales were killed after stranding on the beach at Kessock, the Marine Rescue Trust said.\n";
const WHALES_2: &str = "Kessock strandings\n2025-05-03\n\nAt Kessock, 12 whales were killed on the beach, the Marine Rescue Trust said.\n";
const MUSEUM_1: &str = "Gunman attacks Varden museum\n2025-05-02\n\nA gunman killed 17 people at the Varden city museum on Friday, police chief Ana Morel said.\n";
const MUSEUM_2: &str = "Varden museum attack\n2025-05-03\n\nPolice chief Ana Morel said 15 people were killed in the attack on the Varden museum.\n";

fn suggestion_count(h: &H) -> usize {
    h.state().figures.suggestion_count()
}

fn story_count(h: &H) -> usize {
    h.state().figures.stories.len()
}

/// Is an article's context menu open (it offers to merge the story with another)?
fn menu_open(h: &H) -> bool {
    h.query_by_label("Merge its story with").is_some()
}

#[test]
fn stories_keep_events_apart_and_merge_and_split_undoably() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(
        dir.path(),
        &[
            ("1.txt", WHALES_1),
            ("2.txt", WHALES_2),
            ("3.txt", MUSEUM_1),
            ("4.txt", MUSEUM_2),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);
    assert_eq!(story_count(&h), 2);
    // Whales against whales, museum against museum; never 10 whales against 17 people.
    assert_eq!(suggestion_count(&h), 2);
    let labels: Vec<String> = h
        .state()
        .figures
        .stories
        .iter()
        .map(|s| s.label.clone())
        .collect();
    assert!(labels[0].contains("Kessock"), "{labels:?}");
    assert!(labels[1].contains("Varden"), "{labels:?}");

    // Merge the whale story into the museum story from the first article's menu.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Whales stranded at Kessock")
        .click_secondary();
    wait_until(&mut h, "the article's context menu to open", menu_open);
    h.get_by_label("Merge its story with").click();
    settle(&mut h);
    h.get_by_label_contains("(2 articles)").click();
    // The menu closes and the stories are grouped again, off the UI thread.
    wait_until(&mut h, "the context menu to close", |h| !menu_open(h));
    assert_eq!(story_count(&h), 1);
    assert!(
        suggestion_count(&h) > 2,
        "merged, the two events are compared"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(story_count(&h), 2, "one undo takes the merge back");
    assert_eq!(suggestion_count(&h), 2);

    // Split the second museum article off: the museum pair is no longer compared.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Varden museum attack")
        .click_secondary();
    wait_until(&mut h, "the article's context menu to open", menu_open);
    h.get_by_label("Split into its own story").click();
    wait_until(&mut h, "the context menu to close", |h| !menu_open(h));
    assert_eq!(story_count(&h), 3);
    assert_eq!(suggestion_count(&h), 1);
    let overrides = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .story_overrides()
        .clone();
    assert_eq!(overrides.len(), 1);
}
