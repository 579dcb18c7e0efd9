//! UI flows of the rough edges a new user sees in the first hour (issue 15): Save's path box,
//! Quit, the codebook's colours and name fields, the claims and conflicts tables, small
//! windows, a long note, the tag bar beside a neighbouring column, counts in words and the
//! welcome screen starting clean.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::app::action::Action;
use crosscheck::app::jobs::PickKind;
use crosscheck::model::{Edit, LinkKind};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const FIRST: &str =
    "Attack near Moscow\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str =
    "Toll confirmed\n\nThe toll was confirmed at 133 killed, the committee said.\n";

fn opened(h: &mut H, dir: &std::path::Path, files: &[(&str, &str)]) -> std::path::PathBuf {
    let folder = write_articles(dir, files);
    open(h, &folder);
    assert!(h.state().doc.is_some(), "{:?}", h.state().message);
    folder
}

/// Adds a claim over `phrase` in column `col` with a note and attribution; returns its id.
fn tag(h: &mut H, col: usize, phrase: &str, note: &str, who: Option<&str>) -> i64 {
    let (s, e) = range_of(h, col, phrase);
    let wb = h.state_mut();
    let doc = wb.doc.as_ref().expect("doc");
    let mut claim = doc
        .project
        .make_claim(wb.columns[col].article, s, e, Some(2))
        .expect("claim");
    claim.note = note.to_owned();
    claim.attribution = who.map(str::to_owned);
    let id = claim.id;
    wb.send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(claim),
        coalesce: None,
    });
    settle(h);
    id
}

fn click_label(h: &mut H, label: &str) {
    let pos = h.get_by_label(label).rect().center();
    click_at(h, pos, egui::Modifiers::NONE);
}

#[test]
fn save_without_a_dialog_offers_the_suggested_file_and_a_save_button() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    let folder = opened(&mut h, dir.path(), &[("a.txt", FIRST)]);
    // What the workbench does when the file dialog gives nothing back.
    h.state_mut().prompt_for_path(PickKind::SaveProject);
    settle(&mut h);
    let expected = folder.with_file_name("articles.crosscheck");
    let want = expected.display().to_string();
    assert!(
        h.get_all_by_role(egui::accesskit::Role::TextInput)
            .any(|field| field.value().as_deref() == Some(want.as_str())),
        "the path box holds {want}"
    );
    assert!(
        h.query_by_label("Open").is_none(),
        "the button does not say Open"
    );
    click_label(&mut h, "Save");
    assert!(expected.is_file(), "saved where suggested");
    let doc = h.state().doc.as_ref().expect("doc");
    assert_eq!(doc.file.as_deref(), Some(expected.as_path()));
}

#[test]
fn the_file_menu_lists_quit_and_ctrl_q_asks_before_dropping_untitled_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    opened(&mut h, dir.path(), &[("a.txt", FIRST)]);
    click_label(&mut h, "File");
    assert!(
        h.query_by_label("Quit Ctrl+Q").is_some(),
        "File ▸ Quit, with its shortcut"
    );
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    tag(&mut h, 0, "139 people", "", None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    settle(&mut h);
    assert!(
        h.state().close_prompt,
        "untitled work: Quit asks to save first"
    );
    assert!(
        h.query_by_label("Save the project before closing?")
            .is_some()
    );
}

#[test]
fn codebook_colours_come_from_a_palette_and_names_have_room() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    opened(&mut h, dir.path(), &[("a.txt", FIRST)]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    settle(&mut h);
    click_label(&mut h, "Colour of Claim");
    click_label(&mut h, "Teal");
    let doc = h.state().doc.as_ref().expect("doc");
    let claim_cat = doc.project.category(1).expect("Claim");
    assert_eq!(claim_cat.color, "#2ec4b6");
    // Undo brings the old colour back, like every codebook change.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    let doc = h.state().doc.as_ref().expect("doc");
    assert_eq!(doc.project.category(1).expect("Claim").color, "#f2c14e");

    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("a name field");
    assert!(
        field.rect().width() >= 200.0,
        "a name such as “Unverified statistic” fits: {}",
        field.rect().width()
    );
}

#[test]
fn claims_table_shows_attribution_note_and_links_and_conflicts_show_whole_titles() {
    let long_title = "Toll confirmed by the investigative committee after the second count at the \
                      regional morgue";
    let second =
        format!("{long_title}\n\nThe toll was confirmed at 133 killed, the committee said.\n");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    opened(&mut h, dir.path(), &[("a.txt", FIRST), ("b.txt", &second)]);
    let a = tag(
        &mut h,
        0,
        "139 people",
        "Officials only",
        Some("regional officials"),
    );
    let b = tag(&mut h, 1, "133 killed", "", None);
    h.state_mut().send(Command::LinkClaims {
        kind: LinkKind::Contradicts,
        claims: vec![a, b],
    });
    settle(&mut h);
    let link = h.state().selected_link.expect("the new link is selected");
    let doc = h.state().doc.as_ref().expect("doc");
    let mut l = doc.project.link(link).expect("link").clone();
    l.note = "Counted at different times".into();
    h.state_mut().send(Command::Edit {
        label: "Edit link note".into(),
        edit: Edit::PutLink(l),
        coalesce: None,
    });
    h.state_mut().send(Command::SelectLink(None));
    settle(&mut h);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::J);
    settle(&mut h);
    assert!(
        h.query_by_label("regional officials").is_some(),
        "attribution column"
    );
    assert!(h.query_by_label("Officials only").is_some(), "note column");
    assert_eq!(
        h.query_all_by_label("Contradicts").count(),
        2,
        "the link column of both claims"
    );

    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::J,
    );
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains(long_title).next().is_some(),
        "the whole title, not its first 40 characters"
    );
    assert!(
        h.query_by_label("Note: Counted at different times")
            .is_some()
    );
}

#[test]
fn in_a_small_window_the_side_panels_give_way_to_the_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_sized(&dir.path().join("data"), 0.25, egui::vec2(800.0, 500.0));
    opened(&mut h, dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let id = tag(&mut h, 0, "139 people", "", None);
    h.state_mut().send(Command::SelectClaim(Some(id)));
    settle(&mut h);
    assert!(
        h.query_by_label("Delete claim").is_some(),
        "the inspector shows"
    );
    for col in 0..2 {
        let w = h.state().columns[col]
            .reader
            .clip_rect()
            .expect("drawn")
            .width();
        assert!(w >= 190.0, "column {col} keeps a readable width: {w}");
    }
}

#[test]
fn a_long_note_scrolls_in_its_box_and_delete_stays_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_sized(&dir.path().join("data"), 0.25, egui::vec2(800.0, 500.0));
    opened(&mut h, dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let note: String = (1..=60)
        .map(|i| format!("Line {i} of the note.\n"))
        .collect();
    let id = tag(&mut h, 0, "139 people", &note, None);
    h.state_mut().send(Command::SelectClaim(Some(id)));
    settle(&mut h);
    let delete = h.get_by_label("Delete claim").rect();
    assert!(
        delete.max.y <= 500.0,
        "Delete is reachable without scrolling past the note: {delete:?}"
    );
}

#[test]
fn the_tag_bar_stays_inside_its_own_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    let wide = "Wide\n\nword word word word word word word word word word word word word word word \
                word word word word word word word word word word word word word word ending\n";
    opened(&mut h, dir.path(), &[("a.txt", wide), ("b.txt", SECOND)]);
    // Select the end of the first wrapped line, at the column's right edge.
    let reader = &h.state().columns[0].reader;
    let clip = reader.clip_rect().expect("drawn");
    let (s, _) = range_of(&h, 0, "word word word word word word word word");
    let row_y = reader.screen_pos_of_char(s).expect("on screen").y;
    let end = (s..s + 400)
        .rev()
        .find(|&c| {
            reader
                .screen_pos_of_char(c)
                .is_some_and(|p| (p.y - row_y).abs() < 1.0)
        })
        .expect("the end of the row");
    drag_select(&mut h, 0, (end - 9, end));
    assert!(h.state().columns[0].reader.selection.is_some());
    let bar_right = h.get_by_label("5 Date").rect().max.x;
    assert!(
        bar_right <= clip.right() + 1.0,
        "the bar ends inside column 0 ({bar_right} > {})",
        clip.right()
    );
}

#[test]
fn counts_read_one_claim_and_the_welcome_screen_starts_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(&dir.path().join("data"));
    // One unreadable file, so the import leaves a message.
    opened(
        &mut h,
        dir.path(),
        &[("a.txt", FIRST), ("b.txt", SECOND), ("c.txt", "")],
    );
    tag(&mut h, 0, "139 people", "", None);
    assert!(
        h.query_by_label_contains("1 claim ·").is_some(),
        "the status bar says “1 claim”"
    );
    assert!(h.query_by_label_contains("1 claims").is_none());
    assert!(
        h.query_by_label_contains(", 1 warning").is_some()
            && h.query_by_label_contains("1 warnings").is_none(),
        "the library says “1 warning”"
    );
    assert!(h.state().message.is_some(), "the import said something");
    h.state_mut().send(Command::Action(Action::CloseProject));
    settle(&mut h);
    assert!(h.state().doc.is_none());
    assert_eq!(
        h.state().message,
        None,
        "no message from the closed project"
    );
}
