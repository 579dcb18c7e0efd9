//! UI flows of reading (egui_kittest): open a folder, see its articles in the library, read two
//! side by side, select text with the mouse and get exact character offsets, copy, find.

use crate::ui_support;
use crosscheck::app::Command;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use ui_support::*;

const FIRST: &str = "Zürich — Καλημέρα, Привет: a dateline\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str =
    "Toll confirmed at 133\n\nThe toll was confirmed at 133, the committee said.\n";
const THIRD: &str = "Over 100 dead after concert hall attack\n\nGunmen killed over 100 people.\n";

fn write_folder(dir: &Path) {
    std::fs::write(dir.join("a.txt"), FIRST).expect("write a");
    std::fs::write(dir.join("b.txt"), SECOND).expect("write b");
    std::fs::write(dir.join("c.md"), THIRD).expect("write c");
}

fn harness() -> H {
    // Recovery files and the recent list go to a throwaway folder, not the user's.
    ui_support::harness(&tempfile::tempdir().expect("tempdir").keep())
}

fn harness_with_step(step: f32) -> H {
    ui_support::harness_with_step(&tempfile::tempdir().expect("tempdir").keep(), step)
}

fn open_folder(h: &mut H, dir: &Path) {
    open(h, dir);
    assert!(
        h.state().doc.is_some(),
        "the folder never opened: {:?}",
        h.state().message
    );
}

#[test]
fn opening_a_folder_lists_its_articles_and_shows_two_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness();
    open_folder(&mut h, dir.path());

    let wb = h.state();
    let doc = wb.doc.as_ref().expect("open");
    assert_eq!(doc.project.articles().len(), 3);
    assert_eq!(
        wb.columns.len(),
        2,
        "the first two articles open side by side at once"
    );
    assert_ne!(wb.columns[0].article, wb.columns[1].article);
    assert!(
        wb.window_title().contains(
            &dir.path()
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string()
        )
    );
    // Every article is in the library, the third one too although it is in no column.
    let third = doc
        .project
        .articles()
        .iter()
        .find(|a| a.path == "c.md")
        .expect("c.md imported");
    let title = third.title.clone();
    h.get_by_label(&title).click();
    settle(&mut h);
    assert_eq!(
        h.state().columns.len(),
        3,
        "clicking a library row opens the article in a new column"
    );
}

#[test]
fn dragging_over_text_after_non_ascii_selects_exact_character_offsets_and_copies() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness();
    open_folder(&mut h, dir.path());

    let (article_id, text) = {
        let wb = h.state();
        let a = wb
            .doc
            .as_ref()
            .expect("doc")
            .project
            .article(wb.columns[0].article)
            .expect("article");
        (a.id, a.text.clone())
    };
    let phrase = "139 people were killed";
    let byte = text.find(phrase).expect("phrase in text");
    let start = text[..byte].chars().count();
    let end = start + phrase.chars().count();
    assert!(
        text[..byte].chars().count() < byte,
        "fixture must have multi-byte text before the phrase"
    );

    let reader = &h.state().columns[0].reader;
    let p0 = reader.screen_pos_of_char(start).expect("start visible");
    let p1 = reader.screen_pos_of_char(end).expect("end visible");
    drag(&mut h, p0, p1);

    let wb = h.state();
    assert_eq!(wb.columns[0].article, article_id);
    let sel = wb.columns[0].reader.selection.expect("a selection").range();
    assert_eq!(
        sel,
        (start, end),
        "selection covers exactly the dragged characters"
    );

    h.event(egui::Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == phrase));
    assert!(copied, "Ctrl+C copies the selected text");
}

#[test]
fn find_counts_hits_in_open_columns_and_steps_through_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness();
    open_folder(&mut h, dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    assert!(h.state().find.open, "Ctrl+F opens the find bar");
    h.state_mut().find.query = "toll".into();
    settle(&mut h);
    h.get_by_label_contains("matches in the open columns");
    h.key_press(egui::Key::F3);
    settle(&mut h);
    let wb = h.state();
    let (aid, idx) = wb.find.current.expect("F3 moves to a hit");
    let a = wb
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(aid)
        .expect("article");
    assert!(a.text.to_lowercase().contains("toll"));
    assert_eq!(idx, 0);
    h.get_by_label_contains("1 of 2");
}

#[test]
fn an_empty_folder_says_so_instead_of_showing_an_empty_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.xlsx"), b"%PDF").expect("write");
    let mut h = harness();
    h.state_mut().send(Command::OpenPath(dir.path().to_owned()));
    wait_until(&mut h, "a message about the folder", |h| {
        h.state().message.is_some()
    });
    let msg = h.state().message.clone().expect("a message");
    assert!(msg.is_error);
    assert!(msg.text.contains("no articles"), "{}", msg.text);
    assert!(h.state().doc.is_none());
    settle(&mut h);
    h.get_by_label("Open folder…");
}

#[test]
fn the_sample_opens_from_the_welcome_screen() {
    let mut h = harness();
    settle(&mut h);
    h.get_by_label("Try the sample").click();
    settle(&mut h);
    let wb = h.state();
    let doc = wb.doc.as_ref().expect("sample open");
    assert!(doc.project.articles().len() >= 2);
    assert_eq!(wb.columns.len(), 2);
}

#[test]
fn column_header_buttons_move_and_close_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness();
    open_folder(&mut h, dir.path());
    let before: Vec<_> = h.state().columns.iter().map(|c| c.article).collect();
    h.get_by_label("›").click();
    settle(&mut h);
    let after: Vec<_> = h.state().columns.iter().map(|c| c.article).collect();
    assert_eq!(
        after,
        vec![before[1], before[0]],
        "the first column moved right"
    );
    // The close buttons sit in the column headers, at the top right of each column.
    h.get_all_by_label("×")
        .find(|n| n.rect().top() < 80.0 && n.rect().left() > 300.0)
        .expect("a column's close button")
        .click();
    settle(&mut h);
    assert_eq!(h.state().columns.len(), 1);
}

/// A folder dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".into())
    }
}

#[test]
fn dropping_a_folder_on_the_window_opens_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness();
    settle(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.path().to_owned())));
    wait_until(&mut h, "the dropped folder to open", |h| {
        h.state().doc.is_some() || h.state().message.is_some()
    });
    assert_eq!(
        h.state().doc.as_ref().map(|d| d.project.articles().len()),
        Some(3)
    );
}

#[test]
fn ctrl_plus_and_minus_zoom_the_text_and_double_click_selects_a_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let mut h = harness_with_step(1.0 / 60.0);
    open_folder(&mut h, dir.path());
    let size = h.state().font_size;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    settle(&mut h);
    assert!(h.state().font_size > size);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    settle(&mut h);
    assert!(h.state().font_size < size);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    settle(&mut h);
    assert_eq!(h.state().font_size, size);

    let (start, text) = {
        let wb = h.state();
        let a = wb
            .doc
            .as_ref()
            .expect("doc")
            .project
            .article(wb.columns[0].article)
            .expect("a");
        let b = a.text.find("people").expect("word");
        (a.text[..b].chars().count(), a.text.clone())
    };
    let p = h.state().columns[0]
        .reader
        .screen_pos_of_char(start + 2)
        .expect("visible")
        + egui::vec2(2.0, 0.0);
    h.hover_at(p);
    h.step();
    // Two clicks one step (0.25 s) apart: within egui's double-click time.
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: p,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        h.step();
    }
    settle(&mut h);
    let sel = h.state().columns[0]
        .reader
        .selection
        .expect("selected")
        .range();
    let word: String = text.chars().skip(sel.0).take(sel.1 - sel.0).collect();
    assert_eq!(word, "people");
}
