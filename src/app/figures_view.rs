//! The Figures view: every figure the analysis found, grouped by measure, each group with a
//! small chart of the figures' intervals on one axis; the suggested conflicts with one-click
//! Confirm (Figure claims + a link, one undoable edit) and Dismiss (remembered in the project).

use super::command::Command;
use super::link_overlay::kind_color;
use crate::analysis::{self, ConflictSuggestion, Figure, FigureOptions, Measure};
use crate::model::{ArticleId, Edit, Project};
use eframe::egui::{self, Color32, Stroke, pos2};
use std::collections::BTreeMap;

/// Figures per article and the suggestions, computed once per project (articles never change
/// after import).
#[derive(Default)]
pub struct FiguresCache {
    key: Option<(usize, usize)>,
    pub figures: Vec<(ArticleId, Vec<Figure>)>,
    pub suggestions: Vec<ConflictSuggestion>,
}

impl FiguresCache {
    /// Makes sure the cache belongs to `project`.
    pub fn ensure(&mut self, project: &Project) {
        let key = (
            project.articles().len(),
            project.articles().iter().map(|a| a.text.len()).sum(),
        );
        if self.key == Some(key) {
            return;
        }
        self.figures = project
            .articles()
            .iter()
            .map(|a| {
                let opts = FigureOptions::for_published(a.published.as_deref());
                (a.id, analysis::extract_figures(&a.text, &opts))
            })
            .collect();
        let pairs: Vec<_> = project
            .articles()
            .iter()
            .zip(&self.figures)
            .map(|(a, (_, f))| (a, f.as_slice()))
            .collect();
        self.suggestions = analysis::suggest_conflicts(&pairs);
        self.key = Some(key);
    }

    /// Figures of one article.
    pub fn of(&self, article: ArticleId) -> &[Figure] {
        self.figures
            .iter()
            .find(|(id, _)| *id == article)
            .map_or(&[], |(_, f)| f.as_slice())
    }
}

/// The one edit that confirms a suggestion (kept here for callers of the panel; the logic
/// lives in [`crate::analysis::coverage`], free of egui).
pub use crate::analysis::confirm_edit;

/// Draws the view.
pub fn figures_ui(
    ui: &mut egui::Ui,
    project: &Project,
    cache: &FiguresCache,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("figures")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let open: Vec<&ConflictSuggestion> = cache
                .suggestions
                .iter()
                .filter(|s| !project.dismissed().contains(&s.key))
                // A pair already linked (confirmed, or linked by hand) needs nothing more.
                .filter(|s| !analysis::is_covered(project, s))
                .collect();
            ui.strong(format!("Suggested conflicts ({})", open.len()));
            if open.is_empty() {
                ui.weak(
                    "No figures disagree across the articles (or every suggestion was dismissed).",
                );
            }
            for s in open {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(s.kind.label())
                            .color(kind_color(s.kind))
                            .strong(),
                    );
                    ui.label(&s.headline);
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
                });
            }
            ui.separator();

            let mut by_measure: BTreeMap<Measure, Vec<(ArticleId, &Figure)>> = BTreeMap::new();
            for (aid, figs) in &cache.figures {
                for f in figs {
                    by_measure.entry(f.measure).or_default().push((*aid, f));
                }
            }
            let in_conflict = |aid: ArticleId, f: &Figure| {
                cache.suggestions.iter().any(|s| {
                    !project.dismissed().contains(&s.key)
                        && s.figures
                            .iter()
                            .any(|x| x.article_id == aid && x.figure.start == f.start)
                })
            };
            for (measure, rows) in by_measure {
                egui::CollapsingHeader::new(format!("{} ({})", measure.as_str(), rows.len()))
                    .id_salt(("measure", measure.as_str()))
                    .default_open(measure.is_event())
                    .show(ui, |ui| {
                        interval_chart(ui, &rows);
                        for (aid, f) in rows {
                            let title = project.article(aid).map_or("?", |a| a.title.as_str());
                            ui.horizontal(|ui| {
                                if in_conflict(aid, f) {
                                    ui.label(
                                        egui::RichText::new("conflict")
                                            .small()
                                            .color(Color32::WHITE)
                                            .background_color(kind_color(
                                                crate::model::LinkKind::Contradicts,
                                            )),
                                    );
                                }
                                let text =
                                    format!("{} {}", f.text, f.counted.as_deref().unwrap_or(""));
                                if ui
                                    .link(text.trim())
                                    .on_hover_text("Show it in a column")
                                    .clicked()
                                {
                                    commands.push(Command::Reveal {
                                        article: aid,
                                        start: f.start,
                                        end: f.end,
                                    });
                                }
                                ui.weak(f.interval_string());
                                let short: String = title.chars().take(40).collect();
                                let sentence = project.article(aid).map_or(String::new(), |a| {
                                    crate::model::char_slice(
                                        &a.text,
                                        f.sentence_start,
                                        f.sentence_end,
                                    )
                                    .trim()
                                    .to_owned()
                                });
                                ui.add(
                                    egui::Label::new(
                                        egui::RichText::new(format!("{short} — {sentence}")).weak(),
                                    )
                                    .truncate(),
                                )
                                .on_hover_text(&sentence);
                            });
                        }
                    });
            }
        });
}

/// 139 → "139", 1.5 → "1.5", 3600000000 → "3.6e9".
fn short_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e7 {
        format!("{v:.0}")
    } else if v.abs() < 1e7 {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        format!("{v:.2e}")
    }
}

/// A strip chart: one line per figure on a shared axis, open ends drawn as arrows.
fn interval_chart(ui: &mut egui::Ui, rows: &[(ArticleId, &Figure)]) {
    let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
    let lo = rows
        .iter()
        .filter_map(|(_, f)| finite(f.low))
        .fold(f64::INFINITY, f64::min);
    let hi = rows
        .iter()
        .filter_map(|(_, f)| finite(f.high).or(finite(f.low)))
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    let (min, max) = (lo - span * 0.1, hi + span * 0.25);
    let height = 14.0 * rows.len() as f32 + 26.0;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(520.0), height),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x = |v: f64| rect.left() + ((v - min) / (max - min)) as f32 * rect.width();
    painter.hline(
        rect.x_range(),
        rect.bottom() - 12.0,
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    for v in [lo, hi] {
        painter.text(
            pos2(x(v), rect.bottom() - 1.0),
            egui::Align2::CENTER_BOTTOM,
            short_number(v),
            egui::FontId::proportional(10.0),
            ui.visuals().weak_text_color(),
        );
    }
    let color = ui.visuals().selection.stroke.color;
    for (i, (_, f)) in rows.iter().enumerate() {
        let y = rect.top() + 14.0 + 14.0 * i as f32;
        let a = x(f.low.unwrap_or(min));
        let b = f.high.map_or(rect.right() - 2.0, x);
        painter.line_segment(
            [pos2(a, y), pos2(b.max(a + 2.0), y)],
            Stroke::new(3.0, color),
        );
        painter.text(
            pos2(a + 3.0, y - 1.0),
            egui::Align2::LEFT_BOTTOM,
            &f.text,
            egui::FontId::proportional(9.5),
            ui.visuals().text_color(),
        );
        if f.high.is_none() {
            painter.text(
                pos2(rect.right() - 2.0, y),
                egui::Align2::RIGHT_CENTER,
                "›",
                egui::FontId::proportional(12.0),
                color,
            );
        }
    }
}
