//! Shared helpers of the UI flow tests: a harness around the real [`Workbench`], opening a
//! folder through the background import, and pointer gestures made frame by frame as a hand
//! makes them, at positions taken from the real laid-out text.
#![allow(dead_code)] // each test file uses a different subset

use crosscheck::app::{Command, Workbench};
use crosscheck::store::DataDir;
use eframe::egui;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};

pub type H = Harness<'static, Workbench>;

/// A 1400×900 window whose data folder (recovery files, recent list) is `data`.
pub fn harness(data: &Path) -> H {
    harness_with_step(data, 0.25)
}

/// The same, with frames `step` seconds apart (double-clicks need short ones).
pub fn harness_with_step(data: &Path, step: f32) -> H {
    harness_sized(data, step, egui::vec2(1400.0, 900.0))
}

/// A window of `size` (small-window tests use 800×500).
pub fn harness_sized(data: &Path, step: f32, size: egui::Vec2) -> H {
    let wb = Workbench::with_data_dir(Some(DataDir::at(data)));
    Harness::builder()
        .with_size(size)
        .with_step_dt(step)
        .build_ui_state(|ui, wb: &mut Workbench| wb.ui(ui), wb)
}

/// Writes `files` (name, text) into `dir/articles` and returns that folder.
pub fn write_articles(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).expect("mkdir");
    for (name, text) in files {
        std::fs::write(folder.join(name), text).expect("write article");
    }
    folder
}

/// Opens a folder or project and steps until the background job has finished.
pub fn open(h: &mut H, path: &Path) {
    h.state_mut().send(Command::OpenPath(path.to_owned()));
    for _ in 0..500 {
        h.step();
        let state = h.state();
        if !state.busy() && !state.analysing() && (state.doc.is_some() || state.message.is_some()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
}

/// Steps until the figure analysis (run off the UI thread) has finished.
pub fn settle(h: &mut H) {
    // The frame that applies an edit comes first; the next one starts the analysis.
    h.run();
    for _ in 0..500 {
        h.step();
        if !h.state().analysing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.run();
}

/// Character range of `phrase` in the article of column `col`.
pub fn range_of(h: &H, col: usize, phrase: &str) -> (usize, usize) {
    let wb = h.state();
    let a = wb
        .doc
        .as_ref()
        .expect("doc")
        .project
        .article(wb.columns[col].article)
        .expect("article");
    let byte = a.text.find(phrase).expect("phrase in the article");
    let start = a.text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// Drags from one screen position to another in small steps.
pub fn drag(h: &mut H, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for i in 1..=4 {
        h.hover_at(from + (to - from) * (i as f32 / 4.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
}

/// Drag-selects the characters `start..end` of column `col`.
pub fn drag_select(h: &mut H, col: usize, (start, end): (usize, usize)) {
    let r = &h.state().columns[col].reader;
    let from = r.screen_pos_of_char(start).expect("start on screen");
    let to = r.screen_pos_of_char(end).expect("end on screen");
    drag(h, from, to);
}

/// A click as a hand makes it: move, press, release, each in its own frame, with `mods` held.
pub fn click_at(h: &mut H, pos: egui::Pos2, mods: egui::Modifiers) {
    h.event(egui::Event::ModifiersChanged(mods));
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: mods,
        });
        h.step();
    }
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.run();
}
