//! The Agreement window as a user meets it: open it with its shortcut, type the other coder's
//! project, see the figures and the disagreements, resolve one each way, and undo.

use crate::ui_support;

use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use ui_support::*;

const FIRST: &str = "At least 139 people were killed in the flood, the mayor said on Monday.";
const SECOND: &str = "Officials later confirmed a toll of 133.";

/// A coder's copy: the same two articles, with claims `(article, phrase, category, verdict)`.
fn coder(dir: &Path, name: &str, claims: &[(i64, &str, i64, Option<&str>)]) -> PathBuf {
    let mut p = Project::new(vec![
        Article::in_memory(1, "a.txt", "Flood toll", FIRST),
        Article::in_memory(2, "b.txt", "Toll confirmed", SECOND),
    ]);
    for &(article, phrase, cat, verdict) in claims {
        let (s, e) = span(&p, article, phrase);
        let mut c = p.make_claim(article, s, e, Some(cat)).expect("claim");
        c.verdict = verdict.map(str::to_owned);
        p.apply(Edit::PutClaim(c)).expect("tag");
    }
    let path = dir.join(format!("{name}.crosscheck"));
    drop(Store::create(&path, &p).expect("create"));
    path
}

fn span(p: &Project, article: i64, phrase: &str) -> (usize, usize) {
    let text = &p.article(article).expect("article").text;
    let byte = text.find(phrase).expect("phrase");
    let start = text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// The quotes of the open project's claims, in id order.
fn quotes(h: &H) -> Vec<String> {
    h.state()
        .doc
        .as_ref()
        .expect("doc")
        .project
        .claims()
        .map(|c| c.quote.clone())
        .collect()
}

#[test]
fn a_disagreement_is_resolved_each_way_from_the_window_and_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = coder(
        dir.path(),
        "mine",
        &[
            (1, "139 people", 2, Some("True")),
            (2, "confirmed a toll of 133", 1, None),
        ],
    );
    let theirs = coder(
        dir.path(),
        "theirs",
        &[
            (1, "139 people were killed", 2, Some("True")),
            (2, "confirmed a toll of 133", 1, Some("False")),
        ],
    );
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &mine);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::A,
    );
    settle(&mut h);
    let field = h.get_by_label("Other coder's project:");
    field.focus();
    field.type_text(&theirs.display().to_string());
    settle(&mut h);
    h.get_by_label("Compare").click();
    wait_until(&mut h, "the other coder's project to be read", |h| {
        h.state().agreement.other.is_some()
    });
    // One claim's span differs, the other's verdict; the figures are shown.
    h.get_by_label("2 disagreements open");
    h.get_by_label("Figure");
    h.get_by_label_contains("Verdicts: κ");

    // Take theirs on the first (in reading order: the span in "Flood toll").
    h.get_all_by_label("Take theirs")
        .next()
        .expect("a Take theirs button")
        .click();
    settle(&mut h);
    assert_eq!(
        quotes(&h),
        vec!["139 people were killed", "confirmed a toll of 133"],
        "the claim took the other coder's span and kept its place"
    );
    h.get_by_label("1 disagreement open");
    // Written to the file at once.
    let (_, on_disk) = Store::open_read_only(&mine).expect("read");
    assert_eq!(
        on_disk.claim(1).map(|c| c.quote.as_str()),
        Some("139 people were killed")
    );

    // Keep mine on the verdict: decided, not changed.
    h.get_by_label("Keep mine").click();
    settle(&mut h);
    h.get_by_label("0 disagreements open, 1 decided");
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .expect("doc")
            .project
            .claim(2)
            .expect("claim")
            .verdict,
        None
    );

    // Undo both, newest first.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    h.get_by_label("1 disagreement open");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    h.get_by_label("2 disagreements open");
    assert_eq!(quotes(&h), vec!["139 people", "confirmed a toll of 133"]);
}

#[test]
fn a_file_that_cannot_be_read_is_named_in_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = coder(dir.path(), "mine", &[]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &mine);
    h.state_mut().send(crosscheck::app::Command::Action(
        crosscheck::app::action::Action::Agreement,
    ));
    settle(&mut h);
    let bogus = dir.path().join("notes.txt");
    std::fs::write(&bogus, "not a project").expect("write");
    h.state_mut()
        .send(crosscheck::app::Command::LoadOtherCoder(bogus.clone()));
    wait_until(&mut h, "the read to fail", |h| {
        h.state().agreement.error.is_some()
    });
    h.get_by_label_contains("Could not read");
    h.get_by_label_contains("notes.txt");
    assert!(h.state().agreement.other.is_none());
}
