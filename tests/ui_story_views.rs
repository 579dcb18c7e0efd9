//! A folder of two events as a researcher sees it: the library grouped under the stories and
//! filtered to one, the Timeline drawing one story on its own days with an old toll the text
//! mentions listed apart, and each suggestion saying which story it is in.

use crate::ui_support;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const QUAKE_1: &str = "Earthquake hits Tessin\n2025-03-03T09:00\n\nA strong earthquake struck \
                       the town of Tessin early on Monday, killing 18 people, the \
                       Disaster Agency said. Rescuers searched the rubble of Orla.\n\nIn 2011 \
                       a tsunami killed 3,000 people on the Tessin coast.\n";
const QUAKE_2: &str = "Tessin toll rises\n2025-03-04T08:00\n\nThe number of people killed in \
                       Monday's earthquake in Tessin rose to 27, the Disaster Agency said, as \
                       rescuers pulled survivors from the rubble of Orla.\n";
const WHALES_1: &str = "Whales stranded at Kessock\n2025-05-02\n\nTen pilot whales were killed \
                        after stranding on the beach at Kessock, the Marine Rescue Trust said.\n";
const WHALES_2: &str = "Kessock strandings\n2025-05-03\n\nAt Kessock, 12 whales were killed on \
                        the beach, the Marine Rescue Trust said.\n";

fn open_two_events(dir: &tempfile::TempDir) -> H {
    let folder = write_articles(
        dir.path(),
        &[
            ("q1.txt", QUAKE_1),
            ("q2.txt", QUAKE_2),
            ("w1.txt", WHALES_1),
            ("w2.txt", WHALES_2),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    settle(&mut h);
    h
}

fn label_of(h: &H, containing: &str) -> String {
    h.state()
        .figures
        .stories
        .iter()
        .find(|s| s.label.contains(containing))
        .map(|s| s.label.clone())
        .unwrap_or_else(|| panic!("no story named {containing}"))
}

#[test]
fn the_library_groups_articles_under_their_story_and_shows_one_story_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open_two_events(&dir);
    assert_eq!(h.state().figures.stories.len(), 2);
    let tessin = label_of(&h, "Tessin");
    let kessock = label_of(&h, "Kessock");

    // Sort by ▸ Story (grouped).
    h.state_mut().library.sort = crosscheck::app::library::LibrarySort::Story;
    settle(&mut h);
    // Each story's heading sits above its own articles.
    let quake_head = h.get_by_label(&tessin).rect();
    let whale_head = h.get_by_label(&kessock).rect();
    let q1 = h
        .get_by_role_and_label(egui::accesskit::Role::Button, "Earthquake hits Tessin")
        .rect();
    let w1 = h
        .get_by_role_and_label(egui::accesskit::Role::Button, "Whales stranded at Kessock")
        .rect();
    assert!(quake_head.top() < q1.top() && q1.top() < whale_head.top());
    assert!(whale_head.top() < w1.top());

    // One story alone, as the Story box chooses it: the whales.
    let key = h
        .state()
        .figures
        .stories
        .iter()
        .find(|s| s.label == kessock)
        .map(|s| s.key.clone());
    h.state_mut().library.story = key;
    settle(&mut h);
    h.get_by_label("2 of 4");
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, "Earthquake hits Tessin")
            .is_none(),
        "the quake is not listed"
    );
}

#[test]
fn the_timeline_shows_one_story_on_its_own_days() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open_two_events(&dir);
    // The Tessin quake in a column: the Timeline shows its story.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Tessin toll rises")
        .click();
    settle(&mut h);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::H,
    );
    settle(&mut h);
    // 18 and 27 on the axis; the tsunami of 2011 listed apart, not stretching it over years;
    // the whales of another story not at all.
    h.get_by_label("Timeline of killed (2 figures)");
    h.get_by_label_contains("Not on this axis: 1 killed");
    h.get_by_label_contains("— Tessin toll rises");
    assert!(
        h.query_by_label_contains("— Whales stranded at Kessock")
            .is_none(),
        "the other story's articles are not beside the chart"
    );
}

#[test]
fn a_suggestion_says_which_story_it_is_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open_two_events(&dir);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);
    let tessin = label_of(&h, "Tessin");
    let kessock = label_of(&h, "Kessock");
    // 18 killed, later 27; ten whales against 12: one suggestion in each story.
    h.get_by_label_contains(&format!("Story: {tessin} — "));
    h.get_by_label_contains(&format!("Story: {kessock} — "));
}
