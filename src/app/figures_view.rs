//! The Figures view: the suggested conflicts best first (each with the words that tie its two
//! sentences), the less likely ones collapsed, then every figure grouped by measure with a small
//! chart of their intervals. Confirm tags both figures and links them (one undoable edit);
//! Dismiss is remembered in the project. Each figure several articles report says how many
//! independent sources stand behind it; a suggestion between copies of one text says so.
//!
//! The analysis runs off the UI thread ([`super::figures_job`]) with a progress bar, and the
//! suggestions fill in story by story while it runs; the view is a flat list of rows
//! ([`super::figures_rows`]) rebuilt only when something changes, and each frame lays out (and
//! writes out) just the rows on screen.

use super::command::Command;
use super::figures_cache::FiguresCache;
use super::figures_rows::{Row, Section};
use super::interval_chart::{figure_label, interval_chart};
use super::theme::kind_color;
use crate::analysis::reuse::FigureSources;
use crate::analysis::{ConflictSuggestion, Figure, Story};
use crate::model::{ArticleId, Edit, LinkKind, Project};
use eframe::egui::{self, Color32};

/// The one edit that confirms a suggestion (kept here for callers of the panel; the logic
/// lives in [`crate::analysis::conflicts::suggestion_coverage`], free of egui).
pub use crate::analysis::confirm_edit;

/// Draws the view.
pub fn figures_ui(
    ui: &mut egui::Ui,
    project: &Project,
    cache: &mut FiguresCache,
    commands: &mut Vec<Command>,
) {
    if let Some((label, fraction)) = cache.progress() {
        // A delayed repaint moves the bar without making every frame immediate.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
        // Stages that cannot tell how far they are show a moving bar instead of a number.
        let bar = match fraction {
            Some(f) => egui::ProgressBar::new(f).show_percentage(),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar.text(label));
    }
    cache.rows(project);
    let mut flip: Option<Section> = None;
    egui::ScrollArea::vertical()
        .id_salt("figures")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let rows = &cache.rows;
            ui.set_height(rows.height());
            let origin = ui.max_rect().min;
            let width = ui.available_width();
            for i in rows.visible(viewport.min.y, viewport.max.y) {
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, rows.tops[i]),
                    egui::vec2(width, rows.rows[i].height()),
                );
                let builder = egui::UiBuilder::new()
                    .max_rect(rect)
                    .id_salt(("figures row", i))
                    .layout(egui::Layout::left_to_right(egui::Align::Center));
                ui.scope_builder(builder, |ui| {
                    ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                    match &rows.rows[i] {
                        Row::Title(t) => {
                            ui.strong(t);
                        }
                        Row::Note(t) => {
                            ui.weak(t);
                        }
                        Row::Suggestion(i) => {
                            // Written out only now, on screen (see `FiguresCache::suggestion`).
                            if let Some(s) = cache.suggestion(project, *i) {
                                let story = s.story.as_deref().and_then(|k| cache.story(k));
                                suggestion_ui(ui, project, &s, story, commands);
                            }
                        }
                        Row::Toggle {
                            section,
                            label,
                            open,
                            indent,
                        } => {
                            if *indent {
                                ui.add_space(18.0);
                            }
                            let (_, icon) = ui
                                .allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::click());
                            let openness = if *open { 1.0 } else { 0.0 };
                            egui::collapsing_header::paint_default_icon(ui, openness, &icon);
                            let text = ui.selectable_label(false, label);
                            if icon.clicked() || text.clicked() {
                                flip = Some(section.clone());
                            }
                        }
                        Row::Chart(list) => {
                            let figs = list.iter().map(|&(a, f)| &cache.figures[a].1[f]);
                            ui.vertical(|ui| interval_chart(ui, figs));
                        }
                        Row::Figure(a, f) => {
                            let (aid, figs) = &cache.figures[*a];
                            let fig = &figs[*f];
                            let conflict = rows.in_conflict(*a, *f);
                            let sources = cache.sources_of(*aid, fig.start);
                            figure_row_ui(ui, project, *aid, fig, conflict, sources, commands);
                        }
                        Row::Separator => {
                            // The row lays out left to right, where a plain separator would
                            // be a vertical tick.
                            ui.add(egui::Separator::default().horizontal());
                        }
                    }
                });
            }
        });
    if let Some(s) = flip {
        cache.toggles.flip(&s);
    }
}

/// One suggestion: how the sides relate, Confirm, Dismiss, how likely, the reason to check at
/// a glance; below it the story it is in, the line naming both sides and the words that tie
/// the two sentences.
fn suggestion_ui(
    ui: &mut egui::Ui,
    project: &Project,
    s: &ConflictSuggestion,
    story: Option<&Story>,
    commands: &mut Vec<Command>,
) {
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            // The relation in words (`Contradicts`, `Part of`, `About the same time`), in the
            // colour of the link a Confirm makes.
            let mut relation = s.relation.to_owned();
            if let Some(first) = relation.get(..1) {
                relation = first.to_uppercase() + &relation[1..];
            }
            ui.label(
                egui::RichText::new(relation)
                    .color(kind_color(s.kind))
                    .strong(),
            );
            if ui
                .button("Confirm")
                .on_hover_text("Tag both figures and link them")
                .clicked()
                && let Some(edit) = confirm_edit(project, s)
            {
                commands.push(Command::Edit {
                    label: format!("Confirm {}", s.kind.label().to_lowercase()),
                    edit,
                    coalesce: None,
                });
            }
            if ui
                .button("Dismiss")
                .on_hover_text("Hide this suggestion (undo brings it back)")
                .clicked()
            {
                commands.push(Command::Edit {
                    label: "Dismiss suggestion".into(),
                    edit: Edit::SetDismissed {
                        key: s.key.clone(),
                        dismissed: true,
                    },
                    coalesce: None,
                });
            }
            ui.label(egui::RichText::new(format!("{:.0}%", s.score * 100.0)).monospace())
                .on_hover_text("How likely both sides count the same thing");
            if s.between_copies {
                ui.label(
                    egui::RichText::new("between copies of one text")
                        .small()
                        .color(Color32::WHITE)
                        .background_color(Color32::from_rgb(110, 110, 150)),
                )
                .on_hover_text(
                    "Both sides descend from one text (see the Sources tab): a copy changed the \
                     figure. This is not a disagreement between independent reports.",
                );
            }
            // The reason to check at a glance: what both count, the two values, how they
            // relate; the articles on hover and on the line below.
            ui.add(egui::Label::new(&s.why).truncate())
                .on_hover_text(format!("{}\n{}", s.why, s.headline));
        });
        let ties = if s.shared.is_empty() {
            format!("{} — no words tie the two sentences", s.headline)
        } else {
            format!("{} — both mention: {}", s.headline, s.shared.join(" · "))
        };
        let ties = match story {
            Some(st) => format!("Story: {} — {ties}", st.label),
            None => ties,
        };
        let more = match s.more_figures {
            0 => String::new(),
            n => format!(" — and {} not listed", super::plural::count(n, "figure")),
        };
        ui.horizontal(|ui| {
            ui.add_space(12.0);
            ui.add(egui::Label::new(egui::RichText::new(ties + &more).weak().small()).truncate());
        });
    });
}

/// "reported by 5 outlets, 2 independent sources", stronger when copies make the outlets
/// outnumber the sources.
fn sources_label(ui: &mut egui::Ui, s: &FigureSources) {
    let text = egui::RichText::new(s.describe()).small();
    let text = if s.independent < s.outlets {
        text.strong()
    } else {
        text.weak()
    };
    ui.label(text).on_hover_text(
        "Articles that descend from one text (see the Sources tab) count as one source",
    );
}

/// One figure: a conflict mark, the figure (click to show it), its interval, article and
/// sentence.
fn figure_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    aid: ArticleId,
    f: &Figure,
    conflict: bool,
    sources: Option<&FigureSources>,
    commands: &mut Vec<Command>,
) {
    ui.add_space(18.0);
    if conflict {
        ui.label(
            egui::RichText::new("conflict")
                .small()
                .color(Color32::WHITE)
                .background_color(kind_color(LinkKind::Contradicts)),
        );
    }
    if ui
        .link(figure_label(f))
        .on_hover_text("Show it in a column")
        .clicked()
    {
        commands.push(Command::Reveal {
            article: aid,
            start: f.start,
            end: f.end,
        });
    }
    let interval = ui.weak(f.interval_string());
    if let Some(note) = f.looseness_note() {
        interval.on_hover_text(note);
    }
    if let Some(s) = sources {
        sources_label(ui, s);
    }
    let article = project.article(aid);
    let short: String = article
        .map_or("?", |a| a.title.as_str())
        .chars()
        .take(40)
        .collect();
    let sentence = article.map_or(String::new(), |a| {
        crate::model::char_slice(&a.text, f.sentence_start, f.sentence_end)
            .trim()
            .to_owned()
    });
    ui.add(
        egui::Label::new(egui::RichText::new(format!("{short} — {sentence}")).weak()).truncate(),
    )
    .on_hover_text(&sentence);
}
