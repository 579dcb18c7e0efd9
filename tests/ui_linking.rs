//! UI flows of linking claims across articles (egui_kittest): select a claim, Ctrl+click a
//! claim in the other column, pick "Contradicts"; see it in the Conflicts view; undo, redo;
//! change kind and note; delete a linked claim and undo; reopen the file.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::model::{Edit, LinkKind};
use crosscheck::store::Store;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const FIRST: &str =
    "Attack near Moscow\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str = "Toll confirmed\n\nThe toll was confirmed at 133, the committee said.\n";

fn setup() -> (H, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = write_articles(dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &articles);
    settle(&mut h);
    // One figure claim in each column.
    for (col, phrase) in [(0, "139 people"), (1, "133")] {
        let wb = h.state_mut();
        let doc = wb.doc.as_ref().expect("doc");
        let a = doc
            .project
            .article(wb.columns[col].article)
            .expect("article");
        let b = a.text.find(phrase).expect("phrase");
        let s = a.text[..b].chars().count();
        let claim = doc
            .project
            .make_claim(a.id, s, s + phrase.chars().count(), Some(2))
            .expect("claim");
        wb.send(Command::Edit {
            label: "Tag claim".into(),
            edit: Edit::PutClaim(claim),
            coalesce: None,
        });
        settle(&mut h);
    }
    (h, dir)
}

fn claim_pos(h: &H, col: usize, claim: i64) -> egui::Pos2 {
    let c = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .claim(claim)
        .expect("claim")
        .clone();
    h.state().columns[col]
        .reader
        .screen_pos_of_char(c.start + 1)
        .expect("visible")
        + egui::vec2(2.0, 0.0)
}

fn click_label(h: &mut H, label: &str) {
    let pos = h.get_by_label(label).rect().center();
    click_at(h, pos, egui::Modifiers::NONE);
}

fn undo(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(h);
}

fn redo(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(h);
}

#[test]
fn ctrl_click_links_two_claims_as_a_conflict_that_undo_and_redo_follow() {
    let (mut h, dir) = setup();
    let (a, b) = (1, 2);
    let pa = claim_pos(&h, 0, a);
    click_at(&mut h, pa, egui::Modifiers::NONE);
    assert_eq!(h.state().selected_claim, Some(a));
    let pb = claim_pos(&h, 1, b);
    click_at(&mut h, pb, egui::Modifiers::COMMAND);
    assert!(
        h.state().pending_link.is_some(),
        "Ctrl+click asks how the claims relate"
    );
    click_label(&mut h, "Contradicts");

    let links = |h: &H| {
        h.state()
            .doc
            .as_ref()
            .expect("doc")
            .project
            .links()
            .cloned()
            .collect::<Vec<_>>()
    };
    let l = links(&h);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].kind, LinkKind::Contradicts);
    assert_eq!(l[0].members, vec![a, b]);

    // The Conflicts view lists it.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::J,
    );
    settle(&mut h);
    h.get_by_label_contains("[open] “139 people”");
    h.get_by_label("Conflicts (1 open of 1)");

    undo(&mut h);
    assert!(links(&h).is_empty(), "undo removes the link");
    redo(&mut h);
    assert_eq!(links(&h).len(), 1, "redo brings it back");

    // Change its kind and note in the link inspector.
    h.state_mut().send(Command::SelectLink(Some(l[0].id)));
    settle(&mut h);
    click_label(&mut h, "Kind");
    click_label(&mut h, "Updates");
    let note = h.get_by_label("Note");
    note.focus();
    note.type_text("The committee revised the toll");
    settle(&mut h);
    let l2 = links(&h);
    assert_eq!(l2[0].kind, LinkKind::Updates);
    assert_eq!(l2[0].note, "The committee revised the toll");

    // Reopen: the file holds the same link.
    let path = dir.path().join("p.crosscheck");
    h.state_mut().send(Command::SaveTo(path.clone()));
    settle(&mut h);
    drop(h);
    let (_s, p) = Store::open(&path).expect("reopen");
    assert_eq!(p.links().cloned().collect::<Vec<_>>(), l2);
}

#[test]
fn deleting_a_linked_claim_and_undoing_restores_claim_and_link_also_in_the_file() {
    let (mut h, dir) = setup();
    // Link with the L key this time.
    let pa = claim_pos(&h, 0, 1);
    click_at(&mut h, pa, egui::Modifiers::NONE);
    h.key_press(egui::Key::L);
    settle(&mut h);
    let pb = claim_pos(&h, 1, 2);
    click_at(&mut h, pb, egui::Modifiers::NONE);
    click_label(&mut h, "Contradicts");
    let before = h.state().doc.as_ref().expect("doc").project.clone();
    assert_eq!(before.links().len(), 1);

    h.state_mut().send(Command::SelectClaim(Some(2)));
    settle(&mut h);
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    let after = h.state().doc.as_ref().expect("doc").project.clone();
    assert!(after.claim(2).is_none());
    assert_eq!(after.links().len(), 0, "a link left with one member goes");

    undo(&mut h);
    let restored = h.state().doc.as_ref().expect("doc").project.clone();
    assert_eq!(
        restored.claims().cloned().collect::<Vec<_>>(),
        before.claims().cloned().collect::<Vec<_>>()
    );
    assert_eq!(
        restored.links().cloned().collect::<Vec<_>>(),
        before.links().cloned().collect::<Vec<_>>()
    );

    let path = dir.path().join("p.crosscheck");
    h.state_mut().send(Command::SaveTo(path.clone()));
    settle(&mut h);
    drop(h);
    let (_s, p) = Store::open(&path).expect("reopen");
    assert_eq!(
        p.links().cloned().collect::<Vec<_>>(),
        before.links().cloned().collect::<Vec<_>>()
    );
    assert_eq!(p.claims().len(), 2);
}

#[test]
fn dragging_the_link_handle_onto_another_claim_links_them() {
    let (mut h, _dir) = setup();
    let pa = claim_pos(&h, 0, 1);
    click_at(&mut h, pa, egui::Modifiers::NONE);
    let handle = h.get_by_label("Link handle").rect().center();
    let target = claim_pos(&h, 1, 2);
    drag(&mut h, handle, target);
    assert!(
        h.state().pending_link.is_some(),
        "dropping on a claim asks how they relate"
    );
    click_label(&mut h, "Supports");
    let links: Vec<_> = h
        .state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .links()
        .cloned()
        .collect();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].kind, LinkKind::Supports);
    assert_eq!(links[0].members, vec![1, 2]);
}
