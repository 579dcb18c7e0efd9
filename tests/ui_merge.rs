//! File ▸ Merge project… in the window (issue 26): a colleague's copy, tagged apart from the
//! same folder, merges into the open project as one undo step — each claim once, their link
//! remapped, their name kept, a differing verdict shown in the result window — and merging it
//! again changes nothing.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::app::jobs::PickKind;
use crosscheck::model::{Edit, Link, LinkKind, Project, Resolution};
use crosscheck::store::{Preferences, Store};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use ui_support::*;

const FIRST: &str = "Bridge collapse\n\nAt least 139 people were killed, officials said.\n";
const SECOND: &str = "Toll confirmed\n\nThe toll was confirmed at 133, the committee said.\n";

fn span(p: &Project, article: i64, phrase: &str) -> (usize, usize) {
    let text = &p.article(article).expect("article").text;
    let s = text[..text.find(phrase).expect("phrase")].chars().count();
    (s, s + phrase.chars().count())
}

/// Ben's copy: the same folder imported on his machine, tagged and linked, saved to a file.
fn bens_copy(folder: &Path, path: &Path) {
    let report = crosscheck::corpus::import_folder(folder).expect("import");
    let mut p = Project::new(report.articles);
    let tag = |p: &mut Project, article: i64, phrase: &str, verdict: &str| {
        let (s, e) = span(p, article, phrase);
        let mut c = p.make_claim(article, s, e, Some(2)).expect("claim");
        c.verdict = Some(verdict.into());
        let id = c.id;
        let edit = p.authored(Edit::PutClaim(c), "Ben Okafor");
        p.apply(edit).expect("tag");
        id
    };
    let first = p
        .articles()
        .iter()
        .find(|a| a.path == "a.txt")
        .expect("a")
        .id;
    let second = p
        .articles()
        .iter()
        .find(|a| a.path == "b.txt")
        .expect("b")
        .id;
    let killed = tag(&mut p, first, "139 people were killed", "True");
    let confirmed = tag(&mut p, second, "confirmed at 133", "True");
    let link = Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: "Which toll?".into(),
        resolution: Resolution::Open,
        members: vec![killed, confirmed],
        author: None,
        edited_by: None,
    };
    let edit = p.authored(Edit::PutLink(link), "Ben Okafor");
    p.apply(edit).expect("link");
    drop(Store::create(path, &p).expect("Ben's file"));
}

fn project(h: &H) -> &Project {
    &h.state().doc.as_ref().expect("doc").project
}

#[test]
fn merging_a_colleagues_copy_is_one_undo_step_and_a_second_merge_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = write_articles(dir.path(), &[("a.txt", FIRST), ("b.txt", SECOND)]);
    let ben = dir.path().join("ben.crosscheck");
    bens_copy(&folder, &ben);

    let mut h = harness(&dir.path().join("data"));
    h.state_mut().send(Command::SavePreferences(Preferences {
        name: Some("Ana Lima".into()),
    }));
    open(&mut h, &folder);
    // Ana tags the same figure and judges it otherwise.
    let first = project(&h)
        .articles()
        .iter()
        .find(|a| a.path == "a.txt")
        .expect("a")
        .id;
    let (s, e) = span(project(&h), first, "139 people were killed");
    let mut c = project(&h).make_claim(first, s, e, Some(2)).expect("claim");
    c.verdict = Some("Mostly false".into());
    let ana_claim = c.id;
    h.state_mut().send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(c),
        coalesce: None,
    });
    settle(&mut h);
    let before = project(&h).clone();
    assert_eq!(before.claims().len(), 1);

    h.state_mut().send(Command::MergeFrom(ben.clone()));
    wait_until(&mut h, "the merge result", |h| {
        h.state().merge_result.shown.is_some()
    });
    let p = project(&h);
    assert_eq!(
        p.claims().len(),
        2,
        "the shared claim once, Ben's other one added"
    );
    let killed = p.claim(ana_claim).expect("Ana's claim");
    assert_eq!(
        killed.verdict.as_deref(),
        Some("Mostly false"),
        "the open project's verdict stands"
    );
    assert_eq!(killed.author.as_deref(), Some("Ana Lima"));
    assert!(
        killed.note.contains("“True” (Ben Okafor)"),
        "{}",
        killed.note
    );
    let confirmed = p
        .claims()
        .find(|c| c.quote == "confirmed at 133")
        .expect("Ben's claim");
    assert_eq!(
        confirmed.author.as_deref(),
        Some("Ben Okafor"),
        "the merge credits Ben, not Ana"
    );
    let link = p.links().next().expect("Ben's link");
    assert_eq!(link.members, [ana_claim, confirmed.id]);
    assert_eq!(link.author.as_deref(), Some("Ben Okafor"));
    // The result window shows the differing verdict; clicking it opens the claim.
    h.get_by_label("Merge result");
    let row = h
        .get_by_label_contains("”: verdict “Mostly false” here, “True” there")
        .rect()
        .center();
    click_at(&mut h, row, egui::Modifiers::NONE);
    assert_eq!(h.state().selected_claim, Some(ana_claim));
    h.get_by_label("Close").click();
    settle(&mut h);
    assert!(h.state().merge_result.shown.is_none());

    // One undo step takes the whole merge back; redo brings it again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(project(&h), &before, "undo restores the project exactly");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(&mut h);
    let merged = project(&h).clone();
    assert_eq!(merged.claims().len(), 2);

    // Again, through the path prompt (what File ▸ Merge project… offers when no dialog shows).
    h.state_mut().prompt_for_path(PickKind::MergeProject);
    settle(&mut h);
    let field = h.get_by_label_contains("If no dialog appeared");
    field.focus();
    field.type_text(&ben.display().to_string());
    settle(&mut h);
    h.get_by_label("Merge").click();
    wait_until(&mut h, "the second merge result", |h| {
        h.state().merge_result.shown.is_some()
    });
    assert_eq!(project(&h), &merged, "a second merge changes nothing");
    h.get_by_label("It held nothing this project lacked: nothing changed.");

    // The file holds the merge, authors and all.
    let path = h
        .state()
        .doc
        .as_ref()
        .and_then(|d| d.store.as_ref())
        .expect("store")
        .path()
        .to_owned();
    drop(h);
    let (_s, stored) = Store::open(&path).expect("recovery file");
    assert_eq!(
        &stored.claims().cloned().collect::<Vec<_>>(),
        &merged.claims().cloned().collect::<Vec<_>>()
    );
}
