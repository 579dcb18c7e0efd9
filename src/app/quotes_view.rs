//! The Quotes tab: quotations found in several articles, grouped, with how much the renderings
//! differ. Opening a group shows its renderings one above the other with the words that changed
//! from the first marked (deleted struck through, inserted underlined, a number or negation
//! that differs on a strong background), and one button tags them all as Quote claims and
//! links them (one undo step).

use super::command::Command;
use crate::analysis::quotes::{
    Change, QuoteGroup, QuoteKind, group_link_kind, quote_groups, tag_group_edit, word_diff,
};
use crate::model::{LinkKind, Project};
use eframe::egui::{self, Color32, text::LayoutJob};

/// The groups, computed once per project (article texts never change after import).
#[derive(Default)]
pub struct QuotesView {
    key: Option<(usize, usize)>,
    pub groups: Vec<QuoteGroup>,
    /// The group shown in full.
    pub open: Option<usize>,
}

impl QuotesView {
    /// Makes sure the groups belong to `project`.
    pub fn ensure(&mut self, project: &Project) {
        let key = (
            project.articles().len(),
            project.articles().iter().map(|a| a.text.len()).sum(),
        );
        if self.key != Some(key) {
            self.groups = quote_groups(project.articles());
            self.open = None;
            self.key = Some(key);
        }
    }
}

/// Draws the tab.
pub fn quotes_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &mut QuotesView,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("quotes")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong(format!(
                "Quotes in more than one article ({})",
                view.groups.len()
            ));
            if view.groups.is_empty() {
                ui.weak("No quotation appears in more than one article.");
            }
            for (i, g) in view.groups.iter().enumerate() {
                let first: String = g.variants[g.reference]
                    .text
                    .split_whitespace()
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(" ");
                let kind = group_link_kind(g);
                let label = format!(
                    "{} — “{first}…” · {} · {:.0}% different",
                    g.speaker.as_deref().unwrap_or("speaker unknown"),
                    super::plural::count(g.articles, "article"),
                    g.difference * 100.0
                );
                ui.horizontal(|ui| {
                    let open = view.open == Some(i);
                    if ui.selectable_label(open, label).clicked() {
                        view.open = if open { None } else { Some(i) };
                    }
                    if kind == LinkKind::Contradicts {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "a number or negation differs",
                        );
                    }
                });
                let title = |a| {
                    project
                        .article(a)
                        .map_or("?".to_owned(), |a| a.title.clone())
                };
                if let Some(credits) = g.credit_summary(&title) {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("Attribution differs: {credits}"),
                    )
                    .on_hover_text("Outlets attribute these words to different people");
                }
                if view.open == Some(i) {
                    group_detail(ui, project, g, commands);
                }
            }
        });
}

fn group_detail(ui: &mut egui::Ui, project: &Project, g: &QuoteGroup, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .inner_margin(8)
        .corner_radius(4.0)
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            // Each rendering is marked against the fullest.
            let r = g.reference;
            let first = &g.variants[r].text;
            for (n, v) in g.variants.iter().enumerate() {
                let article = project.article(v.article_id);
                ui.horizontal(|ui| {
                    let title = article.map_or("?", |a| a.title.as_str());
                    if ui
                        .link(title)
                        .on_hover_text("Show it in a column, the quote selected")
                        .clicked()
                    {
                        commands.push(Command::RevealSelected {
                            article: v.article_id,
                            start: v.start,
                            end: v.end,
                        });
                    }
                    if let Some(who) = &v.speaker {
                        ui.weak(format!("· {who}"));
                    }
                    if v.kind == QuoteKind::Reported {
                        ui.weak("· reported speech")
                            .on_hover_text("Not in quotation marks: the outlet's paraphrase");
                    }
                });
                let job = if n == r {
                    plain(ui, first)
                } else {
                    marked(ui, first, &v.text)
                };
                ui.label(job);
                ui.add_space(4.0);
            }
            let kind = group_link_kind(g);
            match tag_group_edit(project, g) {
                Some(edit) => {
                    let text = format!("Tag as quotes and link as {}", kind.label().to_lowercase());
                    if ui
                        .button(text)
                        .on_hover_text(
                            "Each rendering becomes a Quote claim (the speaker as attribution); \
                             one undo step",
                        )
                        .clicked()
                    {
                        commands.push(Command::Edit {
                            label: "Tag and link quotes".into(),
                            edit,
                            coalesce: None,
                        });
                    }
                }
                None => {
                    ui.weak("Already tagged and linked.");
                }
            }
        });
}

fn plain(ui: &egui::Ui, text: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        format(ui, Color32::PLACEHOLDER, false, false, false),
    );
    job
}

/// The rendering `b` with its changes from `a`: deleted words struck through in red, inserted
/// ones underlined in green, a number or negation that differs on a strong background. Words
/// of `a` that `b` leaves out at either end (a trimmed rendering, or one piece of a statement
/// another outlet printed whole) show as a faint "…", not as a deletion.
fn marked(ui: &egui::Ui, a: &str, b: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    let parts = word_diff(a, b);
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.into_iter().enumerate() {
        if part.change == Change::Deleted && !part.strong && (i == 0 || i == last) {
            let faint = ui.visuals().weak_text_color();
            let dots = if i == 0 { "… " } else { " …" };
            job.append(dots, 0.0, format(ui, faint, false, false, false));
            continue;
        }
        let (color, strike, underline) = match part.change {
            Change::Same => (Color32::PLACEHOLDER, false, false),
            Change::Deleted => (Color32::from_rgb(0xd9, 0x53, 0x4f), true, false),
            Change::Inserted => (Color32::from_rgb(0x3c, 0xa5, 0x5c), false, true),
        };
        job.append(
            &part.text,
            0.0,
            format(ui, color, strike, underline, part.strong),
        );
    }
    job
}

fn format(
    ui: &egui::Ui,
    color: Color32,
    strike: bool,
    underline: bool,
    strong: bool,
) -> egui::TextFormat {
    let color = if color == Color32::PLACEHOLDER {
        ui.visuals().text_color()
    } else {
        color
    };
    let stroke = egui::Stroke::new(1.0, color);
    egui::TextFormat {
        font_id: egui::FontId::proportional(14.0),
        color,
        strikethrough: if strike { stroke } else { egui::Stroke::NONE },
        underline: if underline {
            stroke
        } else {
            egui::Stroke::NONE
        },
        background: if strong {
            color.gamma_multiply(0.25)
        } else {
            Color32::TRANSPARENT
        },
        ..Default::default()
    }
}
