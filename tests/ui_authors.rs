//! UI flows of authorship (issue 26): the name set once in Preferences is recorded on every
//! claim and link the user makes, survives in the project file, is shown in the inspectors,
//! and another researcher's later verdict names them as its editor without taking the claim.

use crate::ui_support;
use crosscheck::app::{Command, Workbench};
use crosscheck::model::LinkKind;
use crosscheck::store::{DataDir, Store};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const FIRST: &str = "At least 139 people were killed in the attack, officials said.\n";
const SECOND: &str = "The toll was confirmed at 133, the committee said.\n";

/// Sets the name through Edit ▸ Preferences… (Ctrl+,) as a user would.
fn set_name(h: &mut H, name: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    settle(h);
    let field = h.get_by_label("Your name");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Your name").type_text(name);
    settle(h);
    h.get_by_label("Save").click();
    settle(h);
}

#[test]
fn the_name_from_preferences_is_recorded_on_claims_and_links_and_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let articles = write_articles(dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let mut h = harness(&data);
    // The welcome screen offers to set a name while none is set.
    h.get_by_label("Set your name…").click();
    settle(&mut h);
    h.get_by_label("Your name").type_text("Ana Lima");
    settle(&mut h);
    h.get_by_label("Save").click();
    settle(&mut h);
    assert_eq!(h.state().preferences.author(), Some("Ana Lima"));
    assert_eq!(
        DataDir::at(&data).preferences().author(),
        Some("Ana Lima"),
        "kept in the data folder for the next session"
    );

    open(&mut h, &articles);
    let r = range_of(&h, 0, "139 people");
    drag_select(&mut h, 0, r);
    h.key_press(egui::Key::Num2);
    settle(&mut h);
    let r = range_of(&h, 1, "133");
    drag_select(&mut h, 1, r);
    h.key_press(egui::Key::Num2);
    settle(&mut h);
    let ids: Vec<i64> = {
        let p = &h.state().doc.as_ref().expect("doc").project;
        assert!(p.claims().all(|c| c.author.as_deref() == Some("Ana Lima")));
        p.claims().map(|c| c.id).collect()
    };
    assert_eq!(ids.len(), 2);
    h.state_mut().send(Command::LinkClaims {
        kind: LinkKind::Contradicts,
        claims: ids.clone(),
    });
    settle(&mut h);
    h.get_by_label("Linked by Ana Lima");

    // A colleague at the same computer sets their name and gives a verdict.
    set_name(&mut h, "Ben Okafor");
    h.state_mut().send(Command::SelectClaim(Some(ids[0])));
    settle(&mut h);
    h.get_by_label("Verdict").click();
    settle(&mut h);
    h.get_by_label("False").click();
    settle(&mut h);
    h.get_by_label("Tagged by Ana Lima · changed by Ben Okafor");

    // The file holds the same, and a new window shows it.
    let path = h
        .state()
        .doc
        .as_ref()
        .and_then(|d| d.store.as_ref())
        .expect("store")
        .path()
        .to_owned();
    let expected = h.state().doc.as_ref().expect("doc").project.clone();
    drop(h);
    let (_s, stored) = Store::open(&path).expect("the recovery file opens");
    let c = stored.claim(ids[0]).expect("claim");
    assert_eq!(
        (c.author.as_deref(), c.edited_by.as_deref()),
        (Some("Ana Lima"), Some("Ben Okafor"))
    );
    assert_eq!(
        stored.links().next().and_then(|l| l.author.as_deref()),
        Some("Ana Lima")
    );
    assert_eq!(
        stored.claims().collect::<Vec<_>>(),
        expected.claims().collect::<Vec<_>>()
    );
}

#[test]
fn without_a_name_claims_record_no_author_and_the_inspector_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = write_articles(dir.path(), &[("a.txt", FIRST)]);
    let mut h = harness(&dir.path().join("data"));
    assert!(
        Workbench::with_data_dir(None)
            .preferences
            .author()
            .is_none()
    );
    open(&mut h, &articles);
    let r = range_of(&h, 0, "139 people");
    drag_select(&mut h, 0, r);
    h.key_press(egui::Key::Num1);
    settle(&mut h);
    let p = &h.state().doc.as_ref().expect("doc").project;
    assert_eq!(p.claims().len(), 1);
    assert!(p.claims().all(|c| c.author.is_none()));
    h.get_by_label("Tagged by an unknown researcher");
}
