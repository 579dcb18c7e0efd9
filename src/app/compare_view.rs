//! The "Compare versions" window: two versions of one article side by side in columns, with
//! what the later one removed marked on the left and what it added marked on the right.
//!
//! The diff and the two layout jobs are cached per article, versions and project revision, so
//! a long article is diffed once, not every frame.

use crate::analysis::versions::diff::VersionDiff;
use crate::model::{ArticleId, Project, char_to_byte};
use eframe::egui;
use egui::text::{LayoutJob, TextFormat};

/// Which versions are compared, and the cached columns.
#[derive(Default)]
pub struct CompareWindow {
    pub open: bool,
    article: Option<ArticleId>,
    /// The earlier version shown on the left; the right shows the next one.
    old: u32,
    cache: Option<Cached>,
}

struct Cached {
    key: (ArticleId, u32, u64),
    left: LayoutJob,
    right: LayoutJob,
    changes: usize,
}

impl CompareWindow {
    /// Opens the window on an article's latest change (its previous and current versions).
    pub fn show_article(&mut self, project: &Project, article: ArticleId) {
        self.article = Some(article);
        self.old = project.current_version(article).saturating_sub(1).max(1);
        self.open = true;
    }

    /// Draws the window when open.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project) {
        let Some(article) = self.article else { return };
        let title = project
            .article(article)
            .map_or_else(String::new, |a| a.title.clone());
        let mut open = self.open;
        egui::Window::new("Compare versions")
            .open(&mut open)
            .default_size([900.0, 500.0])
            .show(ctx, |ui| self.ui(ui, project, article, &title));
        self.open = open && self.open;
    }

    fn ui(&mut self, ui: &mut egui::Ui, project: &Project, article: ArticleId, title: &str) {
        let current = project.current_version(article);
        if current < 2 {
            ui.weak("This article has only one version.");
            return;
        }
        self.old = self.old.clamp(1, current - 1);
        ui.horizontal(|ui| {
            ui.strong(title);
            if ui
                .add_enabled(self.old > 1, egui::Button::new("‹ Earlier"))
                .clicked()
            {
                self.old -= 1;
            }
            if ui
                .add_enabled(self.old + 1 < current, egui::Button::new("Later ›"))
                .clicked()
            {
                self.old += 1;
            }
        });
        let key = (article, self.old, project.revision());
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            self.cache = build(ui, project, key);
        }
        let Some(cached) = &self.cache else {
            ui.weak("These versions are not in the project.");
            return;
        };
        ui.weak(super::plural::count(cached.changes, "change"));
        let label = |v: u32| {
            let read = project
                .version(article, v)
                .and_then(|x| x.read_at)
                .map_or_else(|| "as first imported".to_owned(), |t| format!("read {t}"));
            format!("Version {v} ({read})")
        };
        ui.columns(2, |cols| {
            for (i, (job, v)) in [(&cached.left, self.old), (&cached.right, self.old + 1)]
                .into_iter()
                .enumerate()
            {
                cols[i].strong(label(v));
                egui::ScrollArea::vertical()
                    .id_salt(("compare", i))
                    .auto_shrink([false, false])
                    .show(&mut cols[i], |ui| {
                        ui.add(egui::Label::new(job.clone()).wrap());
                    });
            }
        });
    }
}

/// The two columns of `old` and `old + 1`, changes marked.
fn build(ui: &egui::Ui, project: &Project, key: (ArticleId, u32, u64)) -> Option<Cached> {
    let (article, old, _) = key;
    let a = project.version(article, old)?.text;
    let b = project.version(article, old + 1)?.text;
    let diff = VersionDiff::new(&a, &b);
    let removed: Vec<_> = diff
        .hunks()
        .iter()
        .map(|h| (h.old_start, h.old_end))
        .collect();
    let added: Vec<_> = diff
        .hunks()
        .iter()
        .map(|h| (h.new_start, h.new_end))
        .collect();
    let visuals = ui.visuals();
    let (red, green) = if visuals.dark_mode {
        (
            egui::Color32::from_rgb(110, 40, 40),
            egui::Color32::from_rgb(35, 90, 45),
        )
    } else {
        (
            egui::Color32::from_rgb(255, 205, 205),
            egui::Color32::from_rgb(200, 240, 205),
        )
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), visuals.text_color());
    Some(Cached {
        key,
        left: marked(&a, &removed, &plain, red),
        right: marked(&b, &added, &plain, green),
        changes: diff.hunks().len(),
    })
}

/// `text` as a layout job with the character ranges `marks` on a `color` background.
fn marked(
    text: &str,
    marks: &[(usize, usize)],
    plain: &TextFormat,
    color: egui::Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut at = 0;
    let highlight = TextFormat {
        background: color,
        ..plain.clone()
    };
    for &(s, e) in marks {
        let (bs, be) = (char_to_byte(text, s), char_to_byte(text, e));
        if bs < at || be <= bs {
            continue;
        }
        job.append(&text[at..bs], 0.0, plain.clone());
        job.append(&text[bs..be], 0.0, highlight.clone());
        at = be;
    }
    job.append(&text[at..], 0.0, plain.clone());
    job
}
