//! The Sources tab (families of articles that descend from one text), the independent-source
//! count beside each figure in the Figures view, and a conflict between two copies of one wire
//! story labelled as such.

use crate::ui_support;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const WIRE: &str = "Warehouse fire kills four in Lisbon\n\n\
LISBON (Reuters) - A fire at a chemical warehouse on the southern edge of Lisbon killed four \
workers and injured 23 on Tuesday, the city's civil protection agency said.\n\n\
The blaze broke out shortly after 6 a.m. in a storage hall holding solvents and paint, and sent \
a column of black smoke over the Tagus estuary that could be seen from the city centre.\n\n\
More than 120 firefighters and 40 vehicles were sent to the site, which lies near a residential \
area of about 3,000 people. Residents were told to keep windows closed.\n";

/// The wire story with light edits; `{n}` is the number injured it prints.
fn reprint(injured: u32) -> String {
    format!(
        "Four dead in Lisbon warehouse blaze\n\n\
A fire at a chemical warehouse on the southern outskirts of Lisbon killed four workers and \
injured {injured} people on Tuesday, the city's civil protection agency said.\n\n\
The blaze broke out soon after 6 a.m. in a storage hall that held solvents and paint, and sent \
a column of thick black smoke over the Tagus estuary that could be seen from the city centre.\n\n\
More than 120 firefighters and 40 vehicles were sent to the site, which lies close to a \
residential area of about 3,000 people. Residents were told to keep their windows closed.\n"
    )
}

const INDEPENDENT: &str = "Solvent store fire: four die\n\n\
Four people died when flames tore through a solvent store in Lisbon's industrial fringe early on \
Tuesday, and 23 others were injured, officials said.\n\n\
Our correspondent at the scene saw dozens of fire engines lined up along the avenue as crews \
sprayed water on the smouldering roof. Smoke drifted across the river for most of the morning.\n";

#[test]
fn the_sources_tab_shows_the_family_and_figures_their_independent_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = reprint(23);
    let folder = write_articles(
        dir.path(),
        &[
            ("a-wire.txt", WIRE),
            ("b-reprint.txt", &copy),
            ("c-independent.txt", INDEPENDENT),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::U);
    settle(&mut h);
    h.get_by_label("Families of articles that descend from one text (1)");
    h.get_by_label_contains(
        "Family 1 · 2 articles · credit: Reuters · likely source: Warehouse fire",
    );
    h.get_by_label("wholly");
    h.get_by_label_contains("of its words copied from Warehouse fire kills four");
    h.get_by_label("1 article written independently of the others.");
    // The reprint's title opens it in a column.
    h.get_by_role_and_label(
        egui::accesskit::Role::Link,
        "Four dead in Lisbon warehouse blaze",
    )
    .click();
    settle(&mut h);
    let wb = h.state();
    let doc = wb.doc.as_ref().expect("doc");
    let shown = doc
        .project
        .article(wb.columns[wb.active].article)
        .expect("article");
    assert_eq!(shown.path, "b-reprint.txt");
    // Its shared passages are what the column marks.
    assert!(!wb.figures.reuse.shared_ranges(shown.id).is_empty());

    // Three articles print 23 injured; the reprint is a copy of the wire, so two sources.
    assert!(
        h.query_all_by_label_contains("reported by 3 outlets, 2 independent sources")
            .count()
            >= 1
    );
    h.get_by_label("23 injured");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);
    // The figures sit below the suggestions: scroll down to the injured.
    let at = h
        .get_by_label_contains("Suggested conflicts")
        .rect()
        .center();
    let mut shown = 0;
    for _ in 0..20 {
        shown = h
            .query_all_by_label("reported by 3 outlets, 2 independent sources")
            .count();
        if shown > 0 {
            break;
        }
        scroll_down(&mut h, at, 80.0);
    }
    assert!(shown >= 1, "the Figures view says it beside the figure");
}

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
    settle(h);
}

#[test]
fn a_family_whose_copies_carry_no_date_or_credit_says_its_source_is_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The wire text without its dateline credit, and its reprint: neither says which came
    // first, so neither is named the source.
    let bare = WIRE.replace("LISBON (Reuters) - ", "");
    let copy = reprint(23);
    let folder = write_articles(dir.path(), &[("a.txt", &bare), ("b.txt", &copy)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::U);
    settle(&mut h);
    h.get_by_label_contains("Family 1 · 2 articles · source unknown");
    assert!(h.query_by_label_contains("likely source").is_none());
}

#[test]
fn a_conflict_between_two_copies_of_one_wire_story_is_labelled_as_such() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = reprint(25);
    let folder = write_articles(
        dir.path(),
        &[("a-wire.txt", WIRE), ("b-reprint.txt", &copy)],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);
    let wb = h.state();
    let project = &wb.doc.as_ref().expect("a project").project;
    let all = wb.figures.suggestions(project);
    let s = all
        .iter()
        .find(|s| s.why.contains("23") && s.why.contains("25"))
        .unwrap_or_else(|| panic!("23 vs 25 injured is suggested: {all:#?}"));
    assert!(s.between_copies);
    h.get_by_label("between copies of one text");
}
