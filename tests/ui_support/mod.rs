//! Shared helpers of the UI flow tests: a harness around the real [`Workbench`], opening a
//! folder through the background import, and pointer gestures made frame by frame as a hand
//! makes them, at positions taken from the real laid-out text.
#![allow(dead_code)] // each test file uses a different subset

use crosscheck::app::{Command, Workbench};
use crosscheck::store::DataDir;
use eframe::egui;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// How long one wait may take on a loaded machine before the test fails. Generous: a wait
/// ends as soon as its condition holds, so only a test that would fail anyway waits this long.
pub const WAIT_LIMIT: Duration = Duration::from_secs(180);

/// Frames in a row that the window may ask for at once, with no background work left, before
/// a wait fails: a widget that is new every frame would ask for frames forever.
pub const BUSY_FRAME_LIMIT: u32 = 200;

/// Is nothing running off the UI thread: no import, open, save, export or refresh, and no
/// figure analysis?
pub fn idle(h: &H) -> bool {
    !h.state().busy() && !h.state().analysing()
}

/// Did the last frame ask for another one at once (a command that changed what it drew, a
/// widget seen for the first time, an animation)? A frame asked for later (a progress bar, a
/// tooltip's delay) does not count: nothing changes until it comes.
pub fn wants_frame(h: &H) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.repaint_delay == Duration::ZERO)
}

/// The one way the UI tests wait: steps frames until the background work has finished, the
/// window no longer asks for frames and `condition` (named by `what`, e.g. "the story list
/// rebuilt") holds. Never a fixed number of frames: on a loaded machine a job takes longer and
/// the results arrive in a later frame, so a test that counted frames would see a window
/// still working. Panics, naming `what`, when the wait runs past [`WAIT_LIMIT`] or the window
/// keeps asking for frames ([`BUSY_FRAME_LIMIT`]); once settled, checks (as `Harness::run`
/// does) that every widget has an accessible name.
#[track_caller]
pub fn wait_until(h: &mut H, what: &str, condition: impl Fn(&H) -> bool) {
    let started = Instant::now();
    let mut frames = 0u32;
    let mut busy_frames = 0u32;
    loop {
        h.step();
        frames += 1;
        let idle = idle(h);
        let wants_frame = wants_frame(h);
        if idle && !wants_frame && condition(h) {
            h.check_accessibility();
            return;
        }
        busy_frames = if idle && wants_frame {
            busy_frames + 1
        } else {
            0
        };
        if busy_frames > BUSY_FRAME_LIMIT || started.elapsed() > WAIT_LIMIT {
            let wb = h.state();
            panic!(
                "waited {frames} frames ({:.1} s) for {what}, in vain: busy {}, analysing {}, \
                 asking for frames at once {wants_frame} ({busy_frames} in a row), message {:?}; \
                 the last repaint causes: {:?}",
                started.elapsed().as_secs_f32(),
                wb.busy(),
                wb.analysing(),
                wb.message.as_ref().map(|m| &m.text),
                h.ctx.repaint_causes(),
            );
        }
        if !idle {
            // Give the background thread the core; the frames cost nothing meanwhile.
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

/// Steps until the window has finished reacting to what the test did: the job it started
/// (import, save, export, refresh) and the figure analysis are done, their results are drawn,
/// and no frame is asked for at once.
#[track_caller]
pub fn settle(h: &mut H) {
    wait_until(h, "the window to settle", |_| true);
}

/// Opens a folder or project and waits until it is open (or refused with a message) and
/// analysed.
#[track_caller]
pub fn open(h: &mut H, path: &Path) {
    h.state_mut().send(Command::OpenPath(path.to_owned()));
    wait_until(
        h,
        "the folder or project to open (or a message saying why not)",
        |h| h.state().doc.is_some() || h.state().message.is_some(),
    );
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
    settle(h);
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
    settle(h);
}
