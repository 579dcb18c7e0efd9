//! The Sources tab: families of articles that descend from one text (a wire story and the
//! papers that reprinted or rewrote it), each member with how much of it is copied and from
//! which article; then the figures several outlets report, with how many independent sources
//! stand behind each. The analysis is the figure analysis's ([`super::figures_cache`]), found
//! off the UI thread.

use super::command::Command;
use super::figures_cache::FiguresCache;
use crate::analysis::reuse::{Class, Family};
use crate::model::{ArticleId, Project};
use eframe::egui::{self, Color32, RichText};

/// Draws the tab.
pub fn sources_ui(
    ui: &mut egui::Ui,
    project: &Project,
    cache: &FiguresCache,
    commands: &mut Vec<Command>,
) {
    if cache.analysing() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Comparing the articles' texts…");
        });
    }
    let reuse = &cache.reuse;
    egui::ScrollArea::vertical()
        .id_salt("sources")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong(format!(
                "Families of articles that descend from one text ({})",
                reuse.families.len()
            ));
            if reuse.families.is_empty() && !cache.analysing() {
                ui.weak("No article copies or rewrites another: every article is its own source.");
            }
            for (k, fam) in reuse.families.iter().enumerate() {
                family_ui(ui, project, cache, k, fam, commands);
            }
            let alone = reuse.articles.iter().filter(|a| a.family.is_none()).count();
            if alone > 0 && !reuse.families.is_empty() {
                ui.weak(format!(
                    "{} written independently of the others.",
                    super::plural::count(alone, "article")
                ));
            }
            ui.separator();
            ui.strong(format!(
                "Figures reported by several articles ({})",
                cache.sources.len()
            ));
            if cache.sources.is_empty() && !cache.analysing() {
                ui.weak("No figure appears in more than one article.");
            }
            for s in &cache.sources {
                ui.horizontal(|ui| {
                    let weak_confirmation = s.independent < s.outlets;
                    let text = RichText::new(s.describe());
                    let first = s.reports.first().copied();
                    if ui
                        .link(&s.label)
                        .on_hover_text("Show the first report in a column")
                        .clicked()
                        && let Some((article, start, end)) = first
                    {
                        commands.push(Command::Reveal {
                            article,
                            start,
                            end,
                        });
                    }
                    ui.weak(s.measure.as_str());
                    if weak_confirmation {
                        ui.label(text.strong());
                    } else {
                        ui.label(text);
                    }
                    let groups: Vec<String> = s
                        .sources
                        .iter()
                        .map(|ids| {
                            ids.iter()
                                .map(|&id| short_title(project, id))
                                .collect::<Vec<_>>()
                                .join(" + ")
                        })
                        .collect();
                    ui.add(egui::Label::new(RichText::new(groups.join("  ·  ")).weak()).truncate());
                });
            }
        });
}

/// One family: a header, then each member with its class and share.
fn family_ui(
    ui: &mut egui::Ui,
    project: &Project,
    cache: &FiguresCache,
    k: usize,
    fam: &Family,
    commands: &mut Vec<Command>,
) {
    let reuse = &cache.reuse;
    ui.add_space(4.0);
    let mut header = format!(
        "Family {} · {}",
        k + 1,
        super::plural::count(fam.articles.len(), "article")
    );
    if let Some(w) = fam.wire {
        header.push_str(&format!(" · credit: {w}"));
    }
    match fam.source {
        Some(src) => header.push_str(&format!(" · likely source: {}", short_title(project, src))),
        // Without dates, an agency outlet or a wire credit, text alone cannot tell which
        // copy came first; say so rather than leave the reader to guess.
        None => header
            .push_str(" · source unknown: no date, agency or wire credit says which came first"),
    }
    ui.label(RichText::new(header).strong());
    for &id in &fam.articles {
        // The member it takes most from within the family (not one that derives from it).
        let from = reuse.copied_from(id);
        let is_source = fam.source == Some(id);
        ui.horizontal(|ui| {
            ui.add_space(14.0);
            let (badge, color) = if is_source {
                ("source", Color32::from_rgb(60, 130, 80))
            } else {
                match from.as_ref().map(|v| v.class) {
                    Some(Class::Wholly) => ("wholly", Color32::from_rgb(170, 80, 60)),
                    Some(Class::Partially) => ("partially", Color32::from_rgb(180, 130, 40)),
                    _ => ("shares text", Color32::GRAY),
                }
            };
            ui.label(
                RichText::new(badge)
                    .small()
                    .color(Color32::WHITE)
                    .background_color(color),
            );
            let title = short_title(project, id);
            let meta = project
                .article(id)
                .map(|a| {
                    [a.outlet.as_deref(), a.published.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            if ui
                .link(title)
                .on_hover_text("Open it in a column")
                .clicked()
            {
                commands.push(Command::ShowArticle {
                    article: id,
                    new_column: false,
                });
            }
            if !meta.is_empty() {
                ui.weak(meta);
            }
            if let Some(v) = from.filter(|_| !is_source) {
                let how = match v.is_source {
                    Some(false) => "copied from",
                    _ => "shared with",
                };
                ui.label(format!(
                    "{:.0}% of its words {how} {}",
                    v.share * 100.0,
                    short_title(project, v.other)
                ));
            }
        });
    }
}

/// An article's title cut to 48 characters (its path when it has none).
fn short_title(project: &Project, id: ArticleId) -> String {
    let Some(a) = project.article(id) else {
        return format!("#{id}");
    };
    let t = if a.title.trim().is_empty() {
        &a.path
    } else {
        &a.title
    };
    let mut s: String = t.chars().take(48).collect();
    if t.chars().count() > 48 {
        s.push('…');
    }
    s
}
