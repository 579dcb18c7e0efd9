//! The Agreement window (View ▸ Agreement…): the open project compared with another coder's
//! copy of it — Krippendorff's αu per category and Cohen's κ for verdicts, overall and per
//! article, with uncoded text counted or left out — and every place their coding differs,
//! this project's claims beside the other's, each with *Keep mine* and *Take theirs*.
//!
//! The other file is opened read-only on a background thread (see [`super::jobs`]); picking it
//! uses the native dialog off the UI thread, with the path field as the fallback. Resolving
//! pushes one [`Command::Edit`], so it is one undo step like any other change. The comparison
//! is cached per project revision and option, so it is worked out once per change, not per
//! frame.

use super::command::Command;
use super::plural::count;
use super::theme::parse_hex;
use crate::analysis::agreement::{
    AgreementOptions, AgreementReport, Disagreement, Figures, Side, compare, keep_mine, take_theirs,
};
use crate::model::{Project, char_slice};
use eframe::egui;
use std::path::{Path, PathBuf};

/// At most this many disagreements are drawn at once; resolving them brings up the rest.
const SHOWN: usize = 200;

/// The other coder's project, as read from their file.
pub struct OtherCoder {
    pub path: PathBuf,
    /// How the window names them: the file name without its extension.
    pub name: String,
    pub project: Project,
}

/// The window's state.
#[derive(Default)]
pub struct AgreementWindow {
    pub open: bool,
    /// The other coder's project file, as typed or picked.
    pub path: String,
    pub other: Option<OtherCoder>,
    /// Leave out the text no coder tagged.
    pub exclude_uncoded: bool,
    /// Show disagreements already decided with *Keep mine*.
    pub show_decided: bool,
    /// Why the other file could not be read, or a resolution refused.
    pub error: Option<String>,
    /// The file is being read.
    pub loading: bool,
    cache: Option<Cached>,
}

struct Cached {
    key: (u64, bool),
    report: AgreementReport,
}

impl AgreementWindow {
    /// Takes in the other coder's project read from `path` (or why it could not be read).
    pub fn adopt(&mut self, path: &Path, result: Result<Project, String>) {
        self.loading = false;
        self.cache = None;
        match result {
            Ok(project) => {
                self.error = None;
                self.path = path.display().to_string();
                self.other = Some(OtherCoder {
                    path: path.to_owned(),
                    name: path.file_stem().map_or_else(
                        || path.display().to_string(),
                        |s| s.to_string_lossy().into_owned(),
                    ),
                    project,
                });
            }
            Err(e) => {
                self.other = None;
                self.error = Some(format!("Could not read {}: {e}", path.display()));
            }
        }
    }

    /// The comparison as it stands for this project revision (worked out when it changed).
    pub fn report(&mut self, project: &Project) -> Option<&AgreementReport> {
        self.ensure(project);
        self.cache.as_ref().map(|c| &c.report)
    }

    /// Works the comparison out again when the project or the option changed.
    fn ensure(&mut self, project: &Project) {
        let Some(other) = self.other.as_ref() else {
            return;
        };
        let key = (project.revision(), self.exclude_uncoded);
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            let coders = [
                ("This project".to_owned(), project),
                (other.name.clone(), &other.project),
            ];
            let options = AgreementOptions {
                exclude_uncoded: self.exclude_uncoded,
            };
            self.cache = Some(Cached {
                key,
                report: compare(&coders, options),
            });
        }
    }

    /// Draws the window when open.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, commands: &mut Vec<Command>) {
        let mut open = self.open;
        egui::Window::new("Agreement")
            .open(&mut open)
            .default_size([820.0, 600.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("agreement-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.ui(ui, project, commands));
            });
        self.open = open && self.open;
    }

    fn ui(&mut self, ui: &mut egui::Ui, project: &Project, commands: &mut Vec<Command>) {
        self.file_row(ui, commands);
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if self.loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the other coder's project…");
            });
        }
        if self.other.is_none() {
            ui.weak(
                "Pick the project file another coder tagged the same articles in. Articles \
                 match by their text, claims by their offsets, categories by name.",
            );
            return;
        }
        let mut exclude = self.exclude_uncoded;
        ui.horizontal(|ui| {
            ui.checkbox(&mut exclude, "Leave out uncoded text")
                .on_hover_text(
                    "Unchecked (the standard αu): every stretch nobody tagged counts as agreed \
                     'not a unit'. Checked: αu is taken over the text some coder tagged.",
                );
            ui.checkbox(&mut self.show_decided, "Show decided");
        });
        self.exclude_uncoded = exclude;
        let show_decided = self.show_decided;
        self.ensure(project);
        let (Some(cached), Some(other)) = (&self.cache, &self.other) else {
            return;
        };
        let report = &cached.report;
        let mut refused = None;
        figures_ui(ui, report, &other.name);
        ui.separator();
        let open = report.disagreements.iter().filter(|d| !d.resolved).count();
        let decided = report.disagreements.len() - open;
        ui.heading(format!(
            "{} open{}",
            count(open, "disagreement"),
            if decided > 0 {
                format!(", {decided} decided")
            } else {
                String::new()
            }
        ));
        if report.disagreements.is_empty() && !report.articles.is_empty() {
            ui.label("Both coders tagged every article alike.");
        }
        let shown: Vec<&Disagreement> = report
            .disagreements
            .iter()
            .filter(|d| show_decided || !d.resolved)
            .take(SHOWN)
            .collect();
        for d in &shown {
            if let Err(e) = disagreement_ui(ui, project, other, report, d, commands) {
                refused = Some(e);
            }
        }
        let hidden = report
            .disagreements
            .iter()
            .filter(|d| show_decided || !d.resolved)
            .count()
            .saturating_sub(shown.len());
        if hidden > 0 {
            ui.weak(format!(
                "{} more; resolve these to see them.",
                count(hidden, "disagreement")
            ));
        }
        if let Some(e) = refused {
            self.error = Some(e);
        }
    }

    fn file_row(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Other coder's project:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text("path to a .crosscheck file")
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .button("Browse…")
                .on_hover_text("Choose the file in a dialog")
                .clicked()
            {
                commands.push(Command::PickOtherCoder);
            }
            let compare = ui
                .add_enabled(!self.path.trim().is_empty(), egui::Button::new("Compare"))
                .on_hover_text("Read the file (again) and compare it with this project");
            if (compare.clicked() || enter) && !self.path.trim().is_empty() {
                self.loading = true;
                commands.push(Command::LoadOtherCoder(PathBuf::from(self.path.trim())));
            }
        });
    }
}

/// A coefficient as shown: three decimals, or a dash where it is undefined.
fn fmt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |x| format!("{x:.3}"))
}

/// The overall figures, then one row per article.
fn figures_ui(ui: &mut egui::Ui, report: &AgreementReport, other: &str) {
    ui.label(format!(
        "This project and {other}: {} compared{}",
        count(report.articles.len(), "article"),
        if report.unmatched.is_empty() {
            String::new()
        } else {
            format!(
                ", {} left out (only one coder has its text)",
                count(report.unmatched.len(), "article")
            )
        }
    ));
    if report.articles.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The projects share no article. Were they imported from the same folder?",
        );
        return;
    }
    ui.strong("Overall");
    figures_grid(ui, "agreement-overall", &report.overall);
    egui::CollapsingHeader::new("Per article")
        .id_salt("agreement-per-article")
        .show(ui, |ui| {
            egui::Grid::new("agreement-articles")
                .num_columns(4)
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Article");
                    ui.strong("αu (all categories)");
                    ui.strong("κ verdicts");
                    ui.strong("Disagreements");
                    ui.end_row();
                    for (i, a) in report.articles.iter().enumerate() {
                        ui.label(&a.title).on_hover_text(&a.path);
                        ui.label(fmt(a.figures.alpha)).on_hover_text(
                            a.figures
                                .categories
                                .iter()
                                .map(|c| format!("{}: {}", c.category, fmt(c.alpha.alpha)))
                                .collect::<Vec<_>>()
                                .join("\n"),
                        );
                        ui.label(fmt(a.figures.kappa));
                        let n = report
                            .disagreements
                            .iter()
                            .filter(|d| d.article == i && !d.resolved)
                            .count();
                        ui.label(n.to_string());
                        ui.end_row();
                    }
                });
        });
}

fn figures_grid(ui: &mut egui::Ui, id: &str, f: &Figures) {
    egui::Grid::new(id)
        .num_columns(3)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Category");
            ui.strong("αu");
            ui.strong("Units");
            ui.end_row();
            for c in &f.categories {
                ui.label(&c.category);
                ui.label(fmt(c.alpha.alpha)).on_hover_text(format!(
                    "observed disagreement {:.4}, expected by chance {:.4}",
                    c.alpha.observed, c.alpha.expected
                ));
                ui.label(c.alpha.units.to_string());
                ui.end_row();
            }
            if f.categories.len() > 1 {
                ui.strong("All categories");
                ui.strong(fmt(f.alpha));
                ui.label("");
                ui.end_row();
            }
        });
    if let Some(p) = f.pairs.first() {
        ui.label(format!(
            "Verdicts: κ {} on {} made by both ({:.0}% the same)",
            fmt(p.kappa.kappa),
            count(p.kappa.items, "claim"),
            p.kappa.observed * 100.0
        ))
        .on_hover_text("Cohen's κ over the claims both coders made with the same offsets");
    }
}

/// One disagreement: where it is, the text around it, each side's claims, and the two ways to
/// resolve it. Returns why a resolution could not be made.
fn disagreement_ui(
    ui: &mut egui::Ui,
    project: &Project,
    other: &OtherCoder,
    report: &AgreementReport,
    d: &Disagreement,
    commands: &mut Vec<Command>,
) -> Result<(), String> {
    let article = &report.articles[d.article];
    let mine_id = article.ids[0];
    let mut result = Ok(());
    egui::Frame::new()
        .inner_margin(8)
        .corner_radius(4.0)
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let end = d
                    .sides
                    .iter()
                    .flatten()
                    .map(|s| s.end)
                    .max()
                    .unwrap_or(d.start);
                if ui
                    .link(format!("{} @{}", article.title, d.start))
                    .on_hover_text("Show it in a column")
                    .clicked()
                {
                    commands.push(Command::Reveal {
                        article: mine_id,
                        start: d.start,
                        end,
                    });
                }
                let aspects: Vec<&str> = d.aspects.iter().map(|a| a.label()).collect();
                ui.weak(format!("differs in: {}", aspects.join(", ")));
                if d.resolved {
                    ui.weak("· decided: kept mine");
                }
            });
            if let Some(a) = project.article(mine_id) {
                ui.label(context(ui, &a.text, d));
            }
            ui.columns(2, |cols| {
                side_ui(&mut cols[0], project, "This project", &d.sides[0]);
                side_ui(&mut cols[1], &other.project, &other.name, &d.sides[1]);
            });
            ui.horizontal(|ui| {
                if !d.resolved
                    && ui
                        .button("Keep mine")
                        .on_hover_text("Keep this project's claims here and mark it decided")
                        .clicked()
                {
                    commands.push(Command::Edit {
                        label: "Keep my claims".into(),
                        edit: keep_mine(d),
                        coalesce: None,
                    });
                }
                if ui
                    .button("Take theirs")
                    .on_hover_text(format!(
                        "Make this project's claims here {}'s: change, add or remove them",
                        other.name
                    ))
                    .clicked()
                {
                    match take_theirs(project, mine_id, &other.project, d, 0, 1) {
                        Ok(edit) => commands.push(Command::Edit {
                            label: "Take their claims".into(),
                            edit,
                            coalesce: None,
                        }),
                        Err(e) => result = Err(e.to_string()),
                    }
                }
            });
        });
    ui.add_space(4.0);
    result
}

/// One coder's claims at a place, or a note that they made none.
fn side_ui(ui: &mut egui::Ui, project: &Project, who: &str, sides: &[Side]) {
    ui.strong(who);
    if sides.is_empty() {
        ui.weak("no claim here");
    }
    for s in sides {
        let color = project
            .categories()
            .iter()
            .find(|c| c.name == s.category)
            .map_or(ui.visuals().weak_text_color(), |c| parse_hex(&c.color));
        ui.horizontal_wrapped(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, color);
            ui.label(format!(
                "{} · {} · {}–{}",
                s.category, s.verdict, s.start, s.end
            ));
        });
        ui.label(format!("“{}”", s.quote.replace('\n', " ")));
    }
}

/// The article text around a disagreement, about 60 characters either side, with the stretch
/// the coders' claims cover in the strong text colour.
fn context(ui: &egui::Ui, text: &str, d: &Disagreement) -> egui::text::LayoutJob {
    let start = d.sides.iter().flatten().map(|s| s.start).min().unwrap_or(0);
    let end = d
        .sides
        .iter()
        .flatten()
        .map(|s| s.end)
        .max()
        .unwrap_or(start);
    let from = start.saturating_sub(60);
    let to = end + 60;
    let len = text.chars().count();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let weak = egui::TextFormat {
        font_id: font.clone(),
        color: ui.visuals().weak_text_color(),
        italics: true,
        ..Default::default()
    };
    let strong = egui::TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        ..Default::default()
    };
    let flat = |a: usize, b: usize| char_slice(text, a, b).replace('\n', " ");
    let mut job = egui::text::LayoutJob::default();
    let before = format!("{}{}", if from > 0 { "…" } else { "" }, flat(from, start));
    job.append(&before, 0.0, weak.clone());
    job.append(&flat(start, end), 0.0, strong);
    let after = format!("{}{}", flat(end, to), if to < len { "…" } else { "" });
    job.append(&after, 0.0, weak);
    job
}
