//! UI flows where work used to change without the user meaning it (issue 15, "fix first"):
//! a key meant for the tag bar landing in the previous claim's note, confirming a suggestion
//! twice, a drag on the top line scrolling the column, and columns jumping when an inspector
//! opens or closes.

use crate::ui_support;
use crosscheck::app::Command;
use crosscheck::model::{Claim, Edit, Link, LinkKind};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use ui_support::*;

const FIRST: &str =
    "Attack near Moscow\n\nAt least 139 people were killed in the attack, officials said.\n";
const SECOND: &str =
    "Toll confirmed\n\nThe toll was confirmed at 133 killed, the committee said.\n";

/// A long article whose paragraphs wrap differently at different column widths.
fn long_article(title: &str) -> String {
    let mut text = format!("{title}\n\n");
    for i in 0..80 {
        text.push_str(&format!(
            "Paragraph {i}: the committee met again on the bridge and counted the people who \
             were hurt, then read out the names of the towns along the river once more.\n\n"
        ));
    }
    text
}

fn setup(files: &[(&str, &str)]) -> (H, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = write_articles(dir.path(), files);
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &articles);
    assert!(h.state().doc.is_some(), "{:?}", h.state().message);
    assert_eq!(h.state().columns.len(), files.len().min(2));
    (h, dir)
}

fn claims(h: &H) -> Vec<Claim> {
    let doc = h.state().doc.as_ref().expect("doc");
    doc.project.claims().cloned().collect()
}

fn links(h: &H) -> Vec<Link> {
    let doc = h.state().doc.as_ref().expect("doc");
    doc.project.links().cloned().collect()
}

/// Adds a claim over `phrase` in column `col` as a panel would, and returns its id.
fn tag(h: &mut H, col: usize, phrase: &str) -> i64 {
    let (s, e) = range_of(h, col, phrase);
    let wb = h.state_mut();
    let doc = wb.doc.as_ref().expect("doc");
    let claim = doc
        .project
        .make_claim(wb.columns[col].article, s, e, Some(2))
        .expect("claim");
    let id = claim.id;
    wb.send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(claim),
        coalesce: None,
    });
    settle(h);
    id
}

/// A digit typed as a real keyboard sends it: the key, then the text it produces.
fn type_digit(h: &mut H, key: egui::Key, digit: &str) {
    for pressed in [true, false] {
        h.event(egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
        if pressed {
            h.event(egui::Event::Text(digit.to_owned()));
        }
    }
    settle(h);
}

#[test]
fn a_digit_after_a_new_selection_tags_it_instead_of_typing_into_the_last_note() {
    let (mut h, _dir) = setup(&[("a.txt", FIRST), ("b.txt", SECOND)]);
    let first = tag(&mut h, 0, "139 people");
    h.state_mut().send(Command::SelectClaim(Some(first)));
    settle(&mut h);
    let note = h.get_by_label("Note");
    note.focus();
    note.type_text("Officials only");
    settle(&mut h);
    assert_eq!(claims(&h)[0].note, "Officials only");

    // A new selection in the other column while the note still has the cursor; then `2`.
    let r = range_of(&h, 1, "confirmed at 133");
    drag_select(&mut h, 1, r);
    assert!(h.state().columns[1].reader.selection.is_some());
    type_digit(&mut h, egui::Key::Num2, "2");

    let c = claims(&h);
    assert_eq!(c[0].note, "Officials only", "the earlier note is untouched");
    assert_eq!(c.len(), 2, "the key tagged the selection");
    assert_eq!(c[1].quote, "confirmed at 133");
    assert_eq!(c[1].category_id, Some(2), "key 2 is Figure");
}

fn open_figures(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(h);
}

#[test]
fn a_suggestion_linked_by_hand_or_confirmed_once_offers_no_confirm_and_adds_nothing() {
    let (mut h, _dir) = setup(&[("a.txt", FIRST), ("b.txt", SECOND)]);
    open_figures(&mut h);
    assert!(
        h.query_by_label("Confirm").is_some(),
        "the two tolls are suggested as a conflict"
    );

    // Linked by hand over wider claims: the suggestion is covered.
    let a = tag(&mut h, 0, "At least 139 people were killed");
    let b = tag(&mut h, 1, "confirmed at 133 killed");
    h.state_mut().send(Command::LinkClaims {
        kind: LinkKind::Contradicts,
        claims: vec![a, b],
    });
    settle(&mut h);
    assert!(
        h.query_by_label("Confirm").is_none(),
        "a pair linked by hand is not suggested again"
    );

    // Undo the link: the suggestion is back, and Confirm reuses both claims.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(links(&h).is_empty());
    let confirm = h.get_by_label("Confirm").rect().center();
    click_at(&mut h, confirm, egui::Modifiers::NONE);
    assert_eq!(
        claims(&h).len(),
        2,
        "no new claims over figures already tagged"
    );
    let l = links(&h);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].members, vec![a, b]);
    assert!(
        h.query_by_label("Confirm").is_none(),
        "a confirmed suggestion disappears"
    );

    // The same confirm sent again (a double click that arrives late) changes nothing.
    let doc = h.state().doc.as_ref().expect("doc");
    let s = h
        .state()
        .figures
        .suggestion(&doc.project, 0)
        .expect("a suggestion");
    assert_eq!(crosscheck::analysis::confirm_edit(&doc.project, &s), None);
}

#[test]
fn dragging_along_the_top_visible_line_selects_it_without_scrolling() {
    let long = long_article("A long report");
    let (mut h, _dir) = setup(&[("a.txt", &long), ("b.txt", SECOND)]);
    let mid = range_of(&h, 0, "Paragraph 30:").0;
    h.state_mut().columns[0].reader.scroll_to = Some(mid);
    settle(&mut h);
    let reader = &h.state().columns[0].reader;
    let clip = reader.clip_rect().expect("laid out");
    // The first character whose line is the top visible one.
    let top = (0..long.chars().count())
        .find(|&c| {
            reader
                .screen_pos_of_char(c)
                .is_some_and(|p| p.y > clip.top())
        })
        .expect("a visible line");
    let from = reader.screen_pos_of_char(top).expect("on screen");
    assert!(from.y < clip.top() + 24.0, "the top line, near the edge");
    let to = from + egui::vec2(160.0, 0.0);
    drag(&mut h, from, to);

    let reader = &h.state().columns[0].reader;
    let after = reader.screen_pos_of_char(top).expect("still on screen");
    assert!(
        (after.y - from.y).abs() < 0.5,
        "the column did not scroll ({} → {})",
        from.y,
        after.y
    );
    let (s, e) = reader.selection.expect("a selection").range();
    assert!(
        s >= top && e > s,
        "selected on the top line: {s}..{e} from {top}"
    );
    let start_y = reader.screen_pos_of_char(s).expect("start on screen").y;
    assert!(
        (start_y - from.y).abs() < 0.5,
        "the selection starts on the line dragged, not the one above"
    );
}

#[test]
fn opening_and_closing_the_inspector_keeps_the_selected_claim_in_place() {
    let long = long_article("A long report");
    let other = long_article("Another long report");
    let (mut h, _dir) = setup(&[("a.txt", &long), ("b.txt", &other)]);
    let id = tag(&mut h, 0, "Paragraph 40: the committee");
    let start = range_of(&h, 0, "Paragraph 40: the committee").0;
    h.state_mut().columns[0].reader.scroll_to = Some(start);
    settle(&mut h);
    let y = |h: &H| {
        h.state().columns[0]
            .reader
            .screen_pos_of_char(start)
            .expect("claim on screen")
            .y
    };
    let width = |h: &H| {
        h.state().columns[0]
            .reader
            .clip_rect()
            .expect("clip")
            .width()
    };
    let (y0, w0) = (y(&h), width(&h));

    h.state_mut().send(Command::SelectClaim(Some(id)));
    settle(&mut h);
    assert!(width(&h) < w0 - 100.0, "the inspector narrowed the columns");
    assert!((y(&h) - y0).abs() < 1.0, "opened: {y0} → {}", y(&h));

    // A link's inspector takes the same width, so switching re-wraps nothing.
    let w_claim = width(&h);
    let other_id = tag(&mut h, 1, "Paragraph 2: the committee");
    h.state_mut().send(Command::LinkClaims {
        kind: LinkKind::Supports,
        claims: vec![id, other_id],
    });
    settle(&mut h);
    let link = links(&h)[0].id;
    h.state_mut().send(Command::SelectLink(Some(link)));
    settle(&mut h);
    assert!(h.state().selected_link.is_some());
    assert_eq!(width(&h), w_claim, "both inspectors are one width");

    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.state_mut().send(Command::SelectClaim(None));
    h.state_mut().send(Command::SelectLink(None));
    settle(&mut h);
    assert_eq!(width(&h), w0, "closed");
    assert!((y(&h) - y0).abs() < 1.0, "closed: {y0} → {}", y(&h));
}

#[test]
fn find_next_shows_the_whole_match_line_below_the_column_header() {
    let mut long = long_article("A long report");
    long.push_str("At the very end the final toll of 139 was read out.\n");
    let (mut h, _dir) = setup(&[("a.txt", &long), ("b.txt", SECOND)]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    h.state_mut().find.query = "final toll".into();
    settle(&mut h);
    h.key_press(egui::Key::F3);
    // The jump scrolls smoothly; let it settle.
    settle(&mut h);
    let start = range_of(&h, 0, "final toll").0;
    let reader = &h.state().columns[0].reader;
    let clip = reader.clip_rect().expect("laid out");
    let top = reader
        .screen_pos_of_char(start)
        .expect("the match is on screen");
    let line_height = 16.0 * 1.2;
    assert!(
        top.y - line_height >= clip.top() && top.y + line_height <= clip.bottom(),
        "the whole match line ({}) lies inside the text area {:?}",
        top.y,
        clip.y_range()
    );
}
