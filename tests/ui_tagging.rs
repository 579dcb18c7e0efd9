//! UI flows of tagging and judging claims (egui_kittest): drag-select and press a key, tag bar,
//! right-click menu, verdict and note, delete, undo and redo, overlapping claims, codebook —
//! and the project file agreeing with the window throughout.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::model::{Claim, Edit};
use crosscheck::store::Store;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use ui_support::*;

const FIRST: &str = "Zürich — Καλημέρα, Привет: a dateline\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str =
    "Toll confirmed at 133\n\nThe toll was confirmed at 133, the committee said.\n";

struct Setup {
    h: H,
    dir: tempfile::TempDir,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = write_articles(dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &articles);
    assert!(h.state().doc.is_some(), "{:?}", h.state().message);
    Setup { h, dir }
}

fn claims(h: &H) -> Vec<Claim> {
    h.state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .claims()
        .cloned()
        .collect()
}

/// The claims as the project file holds them, checking the GUIDE's quote invariant.
/// A claim row as the file holds it: start, end, quote, category, verdict, note.
type FileClaim = (
    i64,
    i64,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
);

fn claims_in_file(path: &Path) -> Vec<FileClaim> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id \
             WHERE substr(a.text, c.start + 1, c.\"end\" - c.start) <> c.quote",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(bad, 0, "every stored quote equals the text at its offsets");
    let mut stmt = conn
        .prepare("SELECT start, \"end\", quote, category_id, verdict, note FROM claims ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .expect("rows")
    .collect::<Result<_, _>>()
    .expect("collect")
}

fn store_path(h: &H) -> std::path::PathBuf {
    h.state()
        .doc
        .as_ref()
        .and_then(|d| d.store.as_ref())
        .expect("a store")
        .path()
        .to_owned()
}

#[test]
fn drag_then_key_1_tags_exact_offsets_after_non_ascii_text_and_the_file_agrees() {
    let Setup { mut h, dir: _dir } = setup();
    let range = range_of(&h, 0, "At least 139 people were killed");
    drag_select(&mut h, 0, range);
    h.key_press(egui::Key::Num1);
    settle(&mut h);
    let c = claims(&h);
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].start, c[0].end), range);
    assert_eq!(c[0].quote, "At least 139 people were killed");
    assert_eq!(c[0].category_id, Some(1), "key 1 is Claim");
    let file = claims_in_file(&store_path(&h));
    assert_eq!(file.len(), 1);
    assert_eq!((file[0].0 as usize, file[0].1 as usize), range);
}

#[test]
fn tag_bar_and_context_menu_tag_verdict_and_note_change_delete_and_all_undo_and_redo() {
    let Setup { mut h, dir } = setup();
    // Tag bar.
    let r = range_of(&h, 0, "139 people");
    drag_select(&mut h, 0, r);
    let button = h.get_by_label("2 Figure").rect().center();
    click_at(&mut h, button, egui::Modifiers::NONE);
    // Right-click menu on a selection in the other column.
    let r = range_of(&h, 1, "confirmed at 133");
    drag_select(&mut h, 1, r);
    let pos = h.state().columns[1]
        .reader
        .screen_pos_of_char(range_of(&h, 1, "confirmed at 133").0 + 3)
        .expect("on screen");
    h.hover_at(pos);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Default::default(),
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Default::default(),
    });
    settle(&mut h);
    let item = h.get_by_label("Quote").rect().center();
    click_at(&mut h, item, egui::Modifiers::NONE);
    let c = claims(&h);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].category_id, Some(2));
    assert_eq!(c[0].quote, "139 people");
    assert_eq!(c[1].category_id, Some(3));
    assert_eq!(c[1].quote, "confirmed at 133");

    // The second claim is selected: give it a verdict and a note in the inspector.
    assert_eq!(h.state().selected_claim, Some(c[1].id));
    h.get_by_label("Verdict").click();
    settle(&mut h);
    h.get_by_label("False").click();
    settle(&mut h);
    let note = h.get_by_label("Note");
    note.focus();
    note.type_text("Committee figure, later revised");
    settle(&mut h);
    h.key_press(egui::Key::Escape);
    h.state_mut().send(Command::SealUndo);
    settle(&mut h);
    let after_edits = claims(&h);
    assert_eq!(after_edits[1].verdict.as_deref(), Some("False"));
    assert_eq!(after_edits[1].note, "Committee figure, later revised");

    // Delete with the Delete key.
    h.state_mut().send(Command::SelectClaim(Some(c[0].id)));
    settle(&mut h);
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    assert_eq!(claims(&h).len(), 1);

    // Undo everything step by step: delete, note (one step for all the typing), verdict,
    // quote tag, figure tag.
    let undo = |h: &mut H| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        settle(h);
    };
    undo(&mut h);
    assert_eq!(
        claims(&h),
        after_edits,
        "undo delete restores the claim exactly"
    );
    undo(&mut h);
    assert_eq!(claims(&h)[1].note, "", "typing a note is one undo step");
    assert_eq!(claims(&h)[1].verdict.as_deref(), Some("False"));
    undo(&mut h);
    assert_eq!(claims(&h)[1].verdict, None);
    undo(&mut h);
    undo(&mut h);
    assert!(claims(&h).is_empty());
    assert!(
        claims_in_file(&store_path(&h)).is_empty(),
        "the file follows undo"
    );

    // Redo all five with Ctrl+Shift+Z and Ctrl+Y.
    for i in 0..5 {
        if i % 2 == 0 {
            h.key_press_modifiers(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            );
        } else {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
        }
        settle(&mut h);
    }
    let redone = claims(&h);
    assert_eq!(redone.len(), 1);
    assert_eq!(redone[0], after_edits[1]);

    // Save, then reopen the file: the same state.
    let path = dir.path().join("work.crosscheck");
    h.state_mut().send(Command::SaveTo(path.clone()));
    settle(&mut h);
    assert_eq!(
        h.state().doc.as_ref().and_then(|d| d.file.clone()),
        Some(path.clone())
    );
    let expected = h.state().doc.as_ref().expect("doc").project.clone();
    drop(h);
    let (_store, reopened) = Store::open(&path).expect("reopen");
    assert_eq!(
        reopened.claims().cloned().collect::<Vec<_>>(),
        expected.claims().cloned().collect::<Vec<_>>()
    );
    let file = claims_in_file(&path);
    assert_eq!(file[0].4.as_deref(), Some("False"));
}

#[test]
fn overlapping_claims_are_both_drawn_and_both_selectable() {
    let Setup { mut h, dir: _dir } = setup();
    let outer = range_of(&h, 0, "At least 139 people were killed");
    let inner = range_of(&h, 0, "139 people");
    for (range, cat) in [(outer, 1), (inner, 2)] {
        let wb = h.state_mut();
        let doc = wb.doc.as_ref().expect("doc");
        let claim = doc
            .project
            .make_claim(wb.columns[0].article, range.0, range.1, Some(cat))
            .expect("claim");
        wb.send(Command::Edit {
            label: "Tag claim".into(),
            edit: Edit::PutClaim(claim),
            coalesce: None,
        });
        settle(&mut h);
    }
    let project = h.state().doc.as_ref().expect("doc").project.clone();
    let marks =
        crosscheck::app::columns::claim_marks(&project, h.state().columns[0].article, None, true);
    assert_eq!(marks.len(), 2, "both claims are drawn");
    assert_ne!(
        marks[0].underline.map(|u| u.1),
        marks[1].underline.map(|u| u.1),
        "on separate underlines"
    );

    let click = |h: &mut H, at: usize| {
        let p = h.state().columns[0]
            .reader
            .screen_pos_of_char(at)
            .expect("visible")
            + egui::vec2(3.0, 0.0);
        h.hover_at(p);
        h.drag_at(p);
        h.step();
        h.drop_at(p);
        settle(h);
    };
    click(&mut h, inner.0 + 1);
    let ids: Vec<_> = claims(&h).iter().map(|c| c.id).collect();
    assert_eq!(
        h.state().selected_claim,
        Some(ids[1]),
        "a click picks the innermost claim"
    );
    click(&mut h, inner.0 + 1);
    assert_eq!(
        h.state().selected_claim,
        Some(ids[0]),
        "clicking again picks the one beneath"
    );
    click(&mut h, outer.0 + 1);
    assert_eq!(
        h.state().selected_claim,
        Some(ids[0]),
        "outside the inner one, the outer is picked"
    );
}

#[test]
fn codebook_adds_a_category_on_key_6_tags_with_it_renames_and_removes_it() {
    let Setup { mut h, dir: _dir } = setup();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    settle(&mut h);
    h.get_by_label("Add category").click();
    settle(&mut h);
    let cat = {
        let p = &h.state().doc.as_ref().expect("doc").project;
        p.categories().last().expect("added").clone()
    };
    assert_eq!(cat.shortcut.as_deref(), Some("6"));

    let r = range_of(&h, 0, "officials said");
    drag_select(&mut h, 0, r);
    h.key_press(egui::Key::Num6);
    settle(&mut h);
    assert_eq!(claims(&h)[0].category_id, Some(cat.id));

    // Rename through its field in the dialog.
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some(cat.name.as_str()))
        .expect("the new category's name field");
    field.focus();
    field.type_text(" (rumour)");
    settle(&mut h);
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let renamed = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .category(cat.id)
        .expect("still there")
        .name
        .clone();
    assert_eq!(renamed, format!("{} (rumour)", cat.name));

    // Removing it asks what to do with its claim; move it to Claim.
    let removes: Vec<_> = h.get_all_by_label("Remove").collect();
    removes.last().expect("a Remove button").click();
    settle(&mut h);
    h.get_by_label("Move and remove").click();
    settle(&mut h);
    let p = &h.state().doc.as_ref().expect("doc").project;
    assert!(p.category(cat.id).is_none());
    assert_eq!(
        claims(&h)[0].category_id,
        Some(1),
        "its claim moved to the first other category"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    let p = &h.state().doc.as_ref().expect("doc").project;
    assert!(
        p.category(cat.id).is_some(),
        "undo brings the category back"
    );
    assert_eq!(claims(&h)[0].category_id, Some(cat.id));
}

#[test]
fn the_claims_panel_lists_claims_and_selecting_a_row_reveals_the_claim() {
    let Setup { mut h, dir: _dir } = setup();
    let r = range_of(&h, 1, "confirmed at 133");
    drag_select(&mut h, 1, r);
    h.key_press(egui::Key::Num2);
    settle(&mut h);
    h.key_press(egui::Key::Escape);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::J);
    settle(&mut h);
    h.get_by_label("Article (sorted)");
    h.get_by_label("1 of 1 claim");
    let row = h.get_by_label("confirmed at 133").rect().center();
    h.hover_at(row);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: row,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.step();
    let wb = h.state();
    let id = claims(&h)[0].id;
    assert_eq!(wb.selected_claim, Some(id), "the row's claim is selected");
    assert_eq!(
        wb.columns[wb.active].article,
        claims(&h)[0].article_id,
        "its article is the active column"
    );
    assert!(
        wb.columns[wb.active].reader.flash.is_some(),
        "and the claim flashes"
    );
}
