//! File ▸ Refresh from folder in the window: a changed digit inside a tagged figure orphans
//! the claim, the Changes window shows the old and the new words, and selecting the new words
//! re-attaches the claim in one undo step.

use crate::ui_support;

use crosscheck::app::Command;
use crosscheck::app::action::Action;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const FLOOD: &str = "Flood in the valley\n\nAt least 139 people were killed, police said.\n\n\
                     Rescue teams searched the river banks.\n";

#[test]
fn refresh_orphans_a_changed_figure_and_reattaching_it_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("tmp");
    let folder = write_articles(dir.path(), &[("flood.txt", FLOOD)]);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.state_mut().send(Command::ShowArticle {
        article: 1,
        new_column: false,
    });
    settle(&mut h);
    let quote = range_of(&h, 0, "139 people were killed");
    drag_select(&mut h, 0, quote);
    h.state_mut().send(Command::Tag {
        column: 0,
        category: 2,
    });
    settle(&mut h);
    let project = |h: &H| h.state().doc.as_ref().expect("doc").project.clone();
    assert_eq!(project(&h).claims().len(), 1);

    std::fs::write(folder.join("flood.txt"), FLOOD.replace("139", "143")).expect("edit");
    std::fs::write(
        folder.join("rain.txt"),
        "Rain at last\n\nIt rained for 3 days.\n",
    )
    .expect("new");
    h.get_by_label("File").click();
    settle(&mut h);
    h.get_by_label_contains("Refresh from folder…").click();
    // The folder is read again on a thread, then the figures of its new text are found.
    settle(&mut h);

    let p = project(&h);
    assert!(p.articles()[0].text.contains("143"));
    assert_eq!(p.current_version(1), 2);
    assert_eq!(
        p.orphans().count(),
        1,
        "the changed figure is not moved onto new digits"
    );
    assert_eq!(
        p.claims_in(1).count(),
        0,
        "nothing is drawn on the new text"
    );
    assert_eq!(p.articles().len(), 2, "the new file is added");
    h.state_mut().send(Command::ShowArticle {
        article: 2,
        new_column: true,
    });
    settle(&mut h);
    let shown = h.state().columns[0].reader.shown_text().expect("laid out");
    assert!(
        shown.contains("At least 143 people") && !shown.contains("139"),
        "the column shows the new digits, not a cached layout of the old text: {shown}"
    );
    h.get_by_label("was: “139 people were killed”");
    h.get_by_label("now: “143 people were killed”");

    // Compare versions: the old and the new text side by side, each version named.
    h.get_by_label("Compare versions").click();
    settle(&mut h);
    h.get_by_label_contains("Version 1 (as first imported)");
    h.get_by_label_contains("Version 2 (read ");
    h.get_by_label_contains("At least 139 people were killed");
    h.get_by_label_contains("At least 143 people were killed");
    h.get_by_label("1 change");
    // The Compare window is drawn after the Changes window: its close button comes last.
    h.get_all_by_label("Close window")
        .last()
        .expect("close buttons")
        .click();
    settle(&mut h);
    assert!(!h.state().compare.open);
    assert!(h.state().changes.open);

    // The changed figure is suggested as an update: one click tags the new words and links
    // them to the orphan; undo takes both back.
    h.get_by_label("Link as update").click();
    settle(&mut h);
    let p = project(&h);
    let link = p.links().next().expect("an updates link");
    assert_eq!(link.kind, crosscheck::model::LinkKind::Updates);
    let newer = p.claim(link.members[1]).expect("new claim");
    assert_eq!(newer.quote, "143 people were killed");
    assert!(
        h.query_by_label("Link as update").is_none(),
        "suggested once"
    );
    h.state_mut().send(Command::Action(Action::Undo));
    settle(&mut h);
    assert_eq!(project(&h).links().len(), 0);
    assert_eq!(project(&h).claims().len(), 1);

    // Select the new words in the column and re-attach.
    let new_words = range_of(&h, 0, "143 people were killed");
    drag_select(&mut h, 0, new_words);
    h.get_by_label("Re-attach to selection").click();
    settle(&mut h);
    let p = project(&h);
    assert_eq!(p.orphans().count(), 0);
    let c = p.claims().next().expect("claim");
    assert_eq!(
        (c.quote.as_str(), c.version),
        ("143 people were killed", None)
    );
    assert_eq!((c.start, c.end), new_words);
    h.get_by_label("0 orphaned claims");

    // One undo puts the claim back on version 1; the next one undoes the whole refresh.
    h.state_mut().send(Command::Action(Action::Undo));
    settle(&mut h);
    assert_eq!(project(&h).orphans().count(), 1);
    h.state_mut().send(Command::Action(Action::Undo));
    settle(&mut h);
    let p = project(&h);
    assert_eq!(
        p.articles().len(),
        1,
        "undo removes the article the refresh added"
    );
    assert_eq!(h.state().columns.len(), 1, "and closes its column");
    assert_eq!(p.articles()[0].text, FLOOD);
    assert_eq!(p.current_version(1), 1);
    let c = p.claims().next().expect("claim");
    assert_eq!((c.start, c.end, c.version), (quote.0, quote.1, None));
}
