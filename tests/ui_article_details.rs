//! Correcting what the import read about an article: the "Article details" window opened
//! from the column header, one undoable edit, kept in the project file; and the library's
//! sort, match count and partial dates.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::store::Store;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const AGENCY: &str = "WASHINGTON, September 12. /TASS/. The toll rose to 139, officials said.\n\n\
                      Rescue teams kept searching through the night.\n";
const OTHER: &str = "Toll confirmed\n\nThe toll was confirmed at 133 killed, the committee said.\n";

fn field(h: &H, label: &str) -> egui::Pos2 {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .rect()
        .center()
}

#[test]
fn details_are_edited_in_a_window_undone_as_one_step_and_saved_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(dir.path(), &[("a.txt", AGENCY), ("b.txt", OTHER)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    let id = h.state().columns[0].article;
    let before = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(id)
        .cloned()
        .expect("a");
    assert_eq!(before.published.as_deref(), Some("--09-12"));
    h.get_by_label_contains("12 Sep (year unknown)");

    h.state_mut().send(Command::EditArticle(id));
    settle(&mut h);
    let title = field(&h, "Title");
    click_at(&mut h, title, egui::Modifiers::NONE);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("Toll rises to 139".into()));
    settle(&mut h);
    let date = field(&h, "Published");
    click_at(&mut h, date, egui::Modifiers::NONE);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("12 September 2024".into()));
    settle(&mut h);
    let author = field(&h, "Author");
    click_at(&mut h, author, egui::Modifiers::NONE);
    h.event(egui::Event::Text("Anna Ivanova".into()));
    settle(&mut h);
    let save = h.get_by_label("Save details").rect().center();
    click_at(&mut h, save, egui::Modifiers::NONE);

    let a = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(id)
        .cloned()
        .expect("a");
    assert_eq!(a.title, "Toll rises to 139");
    assert_eq!(a.published.as_deref(), Some("2024-09-12"));
    assert_eq!(a.author.as_deref(), Some("Anna Ivanova"));
    assert_eq!(a.text, before.text, "the text never changes");
    assert!(
        h.query_by_label("Save details").is_none(),
        "the window closed"
    );
    h.get_by_label_contains("Anna Ivanova · 2024-09-12");

    // Saved to a file, the details are in the articles table.
    let file = dir.path().join("p.crosscheck");
    h.state_mut().send(Command::SaveTo(file.clone()));
    settle(&mut h);
    let (_, project) = Store::open_read_only(&file).expect("saved file");
    let stored = project.article(id).expect("article");
    assert_eq!(stored.title, "Toll rises to 139");
    assert_eq!(stored.author.as_deref(), Some("Anna Ivanova"));

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    let undone = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(id)
        .cloned()
        .expect("a");
    assert_eq!(undone, before, "one undo restores every detail");
}

#[test]
fn a_bad_date_is_refused_in_the_window_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(dir.path(), &[("a.txt", AGENCY), ("b.txt", OTHER)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    let id = h.state().columns[0].article;
    h.state_mut().send(Command::EditArticle(id));
    settle(&mut h);
    let date = field(&h, "Published");
    click_at(&mut h, date, egui::Modifiers::NONE);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("31 February 2024".into()));
    settle(&mut h);
    let save = h.get_by_label("Save details").rect().center();
    click_at(&mut h, save, egui::Modifiers::NONE);
    h.get_by_label_contains("Write the date as");
    let a = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(id)
        .cloned()
        .expect("a");
    assert_eq!(a.published.as_deref(), Some("--09-12"));
}

#[test]
fn the_library_filter_says_how_many_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(
        dir.path(),
        &[
            ("a.txt", AGENCY),
            ("b.txt", OTHER),
            ("c.txt", "Weather\n\nSunny.\n"),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.get_by_label("3 articles");
    h.state_mut().library.filter = "toll".into();
    settle(&mut h);
    h.get_by_label("2 of 3");
}

#[test]
fn a_saved_page_shows_its_address_in_the_column_header_and_a_click_copies_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = "<html><head><title>Toll rises | Courier</title>\
                <link rel=\"canonical\" href=\"https://courier.example/toll\"></head><body>\
                <article><p>The toll rose to 139 on Saturday, officials said in a statement \
                that was read out at the town hall in the late afternoon after a long \
                meeting of the regional committee.</p></article></body></html>";
    let folder = write_articles(dir.path(), &[("a.html", page), ("b.txt", OTHER)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.get_by_label("web page").click();
    h.step();
    let copied = h.output().platform_output.commands.iter().any(
        |c| matches!(c, egui::OutputCommand::CopyText(t) if t == "https://courier.example/toll"),
    );
    assert!(copied, "the address is on the clipboard");
}
