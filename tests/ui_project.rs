//! The project file as the window uses it: untitled work lives in a recovery file and comes
//! back after a crash; Save writes a project that reopens with its layout; a file that is not
//! a project is refused untouched; the Figures view confirms and dismisses suggestions.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::model::{Edit, settings};
use crosscheck::store::DataDir;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use ui_support::*;

const FIRST: &str = "Attack near Moscow\nTuesday 26 March 2024 - 12:11\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str = "Toll confirmed\n\nThe death toll was confirmed at 133, the committee said.\n";
const THIRD: &str = "Gunmen attack concert hall\n\nGunmen killed over 100 people.\n";

fn articles(dir: &Path) -> std::path::PathBuf {
    write_articles(
        dir,
        &[("a.txt", FIRST), ("b.txt", SECOND), ("c.txt", THIRD)],
    )
}

fn tag_first_figure(h: &mut H) {
    let wb = h.state_mut();
    let doc = wb.doc.as_ref().expect("doc");
    let claim = doc.project.make_claim(1, 0, 6, Some(1)).expect("claim");
    wb.send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(claim),
        coalesce: None,
    });
    settle(h);
}

#[test]
fn untitled_work_survives_a_crash_and_is_offered_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let data = dir.path().join("data");
    let mut h = harness(&data);
    open(&mut h, &folder);
    assert!(
        h.state().window_title().contains("not saved yet"),
        "{}",
        h.state().window_title()
    );
    tag_first_figure(&mut h);
    // The window goes away without the project being closed or saved. (A real kill is tested
    // against the store in store_crash.rs; here the point is what the next start offers.)
    drop(h);

    let mut h = harness(&data);
    settle(&mut h);
    assert_eq!(
        h.state().recoverable.len(),
        1,
        "the next start offers the unsaved work"
    );
    h.get_by_label("Recover").click();
    settle(&mut h);
    let doc = h.state().doc.as_ref().expect("recovered");
    assert_eq!(
        doc.project.claims().len(),
        1,
        "the claim tagged before the crash is back"
    );
    assert_eq!(doc.project.articles().len(), 3);
}

#[test]
fn saving_writes_a_project_that_reopens_with_its_columns_and_drops_the_recovery_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let data = dir.path().join("data");
    let mut h = harness(&data);
    open(&mut h, &folder);
    tag_first_figure(&mut h);
    h.state_mut().send(Command::ShowArticle {
        article: 3,
        new_column: true,
    });
    settle(&mut h);
    let layout: Vec<_> = h.state().columns.iter().map(|c| c.article).collect();
    assert_eq!(layout, vec![1, 2, 3]);

    let path = dir.path().join("articles.crosscheck");
    h.state_mut().send(Command::SaveTo(path.clone()));
    settle(&mut h);
    assert!(
        h.state()
            .window_title()
            .starts_with("articles.crosscheck — saved"),
        "{}",
        h.state().window_title()
    );
    assert!(
        DataDir::at(&data).recoverable().expect("list").is_empty(),
        "saved work needs no recovery file"
    );
    // Ctrl+S on a saved project just confirms.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(
        h.state()
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("already saved"))
    );
    drop(h);

    let mut h = harness(&data);
    settle(&mut h);
    assert_eq!(
        h.state().recent.first().map(|r| r.path.clone()),
        Some(path.clone()),
        "listed as recent"
    );
    open(&mut h, &path);
    let wb = h.state();
    assert_eq!(
        wb.columns.iter().map(|c| c.article).collect::<Vec<_>>(),
        layout,
        "columns restored"
    );
    assert_eq!(wb.doc.as_ref().expect("doc").project.claims().len(), 1);
}

#[test]
fn a_file_that_is_not_a_project_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.crosscheck");
    std::fs::write(&path, b"just some notes, not a database").expect("write");
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &path);
    let msg = h.state().message.clone().expect("a message");
    assert!(msg.is_error);
    assert!(
        msg.text.contains("notes.crosscheck"),
        "names the file: {}",
        msg.text
    );
    assert!(h.state().doc.is_none());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"just some notes, not a database"
    );
}

#[test]
fn figures_view_confirms_a_suggested_conflict_in_one_undoable_step_and_remembers_dismissals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);
    h.get_by_label("Suggested conflicts (1)");
    h.get_by_label("Confirm").click();
    settle(&mut h);
    let p = h.state().doc.as_ref().expect("doc").project.clone();
    assert_eq!(p.claims().len(), 2, "both figures tagged");
    let quotes: Vec<_> = p.claims().map(|c| c.quote.clone()).collect();
    assert!(quotes.contains(&"At least 139".to_owned()), "{quotes:?}");
    assert!(quotes.contains(&"133".to_owned()), "{quotes:?}");
    assert_eq!(p.links().len(), 1);
    assert_eq!(
        p.links().next().expect("link").kind,
        crosscheck::model::LinkKind::Contradicts
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    let p = h.state().doc.as_ref().expect("doc").project.clone();
    assert_eq!(
        (p.claims().len(), p.links().len()),
        (0, 0),
        "one undo takes back claims and link"
    );

    h.get_by_label("Dismiss").click();
    settle(&mut h);
    h.get_by_label("Suggested conflicts (0)");
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .expect("doc")
            .project
            .dismissed()
            .len(),
        1
    );
}

#[test]
fn ctrl_e_exports_a_report_from_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    tag_first_figure(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    let suggested = h.state().export.path.clone();
    assert!(
        suggested.ends_with("articles-report.html"),
        "suggests a path beside the folder: {suggested}"
    );
    h.get_by_label("CSV (one row per claim, for spreadsheets)")
        .click();
    settle(&mut h);
    assert!(
        h.state().export.path.ends_with("articles-report.csv"),
        "the extension follows the format"
    );
    h.get_by_label("Export").click();
    wait_until(&mut h, "the report to be written (or an error)", |h| {
        h.state().export.done.is_some() || h.state().message.as_ref().is_some_and(|m| m.is_error)
    });
    let done = h
        .state()
        .export
        .done
        .clone()
        .expect("the report was written");
    let csv = std::fs::read_to_string(&done).expect("read report");
    assert!(csv.contains("Attack"), "holds the tagged claim: {csv}");
    settle(&mut h);
    h.get_by_label("Open the report");
}

#[test]
fn a_recent_project_that_was_deleted_is_marked_missing_and_can_be_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let gone = dir.path().join("gone.crosscheck");
    std::fs::write(&gone, b"placeholder").expect("write");
    DataDir::at(&data).add_recent(&gone).expect("add recent");
    std::fs::remove_file(&gone).expect("delete");
    let mut h = harness(&data);
    settle(&mut h);
    h.get_by_label("gone.crosscheck (missing)");
    h.get_by_label("Remove").click();
    settle(&mut h);
    assert!(h.state().recent.is_empty(), "removed from the list");
    assert!(
        DataDir::at(&data).recent_projects().is_empty(),
        "and from the stored list"
    );
}

#[test]
fn closing_the_window_with_unsaved_claims_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let data = dir.path().join("data");
    let mut h = harness(&data);
    open(&mut h, &folder);
    tag_first_figure(&mut h);
    h.event(egui::Event::WindowFocused(true));
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    settle(&mut h);
    assert!(
        h.state().close_prompt,
        "asks before closing with unsaved claims"
    );
    h.get_by_label("Save the project before closing?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(!h.state().close_prompt);
    assert!(h.state().doc.is_some(), "nothing was closed");
}

#[test]
fn the_export_dialog_sets_the_publisher_claimreview_needs_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = articles(dir.path());
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    h.get_by_label("ClaimReview (schema.org JSON-LD)").click();
    settle(&mut h);
    let setting = |h: &H, key: &str| {
        h.state()
            .doc
            .as_ref()
            .and_then(|d| d.project.setting(key).map(str::to_owned))
    };
    let name = h.get_by_label("Publisher (your organisation)");
    name.focus();
    name.type_text("Example Fact Desk");
    settle(&mut h);
    assert_eq!(
        setting(&h, settings::PUBLISHER_NAME).as_deref(),
        Some("Example Fact Desk")
    );

    // An address that is not a full web address is refused with the reason, and not stored.
    let url = h.get_by_label("Web address of the published report");
    url.focus();
    url.type_text("factdesk.example/checks");
    settle(&mut h);
    assert_eq!(setting(&h, settings::REPORT_URL), None);
    assert!(
        h.query_by_label_contains("must be a full web address")
            .is_some(),
        "the dialog says why"
    );

    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.state_mut().export.open = false;
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(
        setting(&h, settings::PUBLISHER_NAME),
        None,
        "typing the name was one undo step"
    );
}
