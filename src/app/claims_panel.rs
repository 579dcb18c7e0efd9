//! The claims panel: every claim as a row (article, category, verdict, quote, attribution,
//! note, links), sortable and filterable; only the visible rows are drawn, and the filtered order is cached until the
//! project or the filter changes.

use super::command::Command;
use super::theme::parse_hex;
use crate::model::{CategoryId, ClaimId, Project};
use eframe::egui;
use std::collections::BTreeSet;

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Article,
    Category,
    Verdict,
    Quote,
}

/// The filter and sort of the table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClaimFilter {
    pub text: String,
    pub category: Option<CategoryId>,
    /// A verdict name; "Unverified" also matches claims without a verdict.
    pub verdict: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
}

/// The claims that pass `filter`, in its order.
pub fn filter_claims(project: &Project, filter: &ClaimFilter) -> Vec<ClaimId> {
    let needle = filter.text.to_lowercase();
    let verdict_of = |v: &Option<String>| v.clone().unwrap_or_else(|| "Unverified".to_owned());
    let mut rows: Vec<_> = project
        .claims()
        .filter(|c| filter.category.is_none_or(|cat| c.category_id == Some(cat)))
        .filter(|c| {
            filter
                .verdict
                .as_ref()
                .is_none_or(|v| *v == verdict_of(&c.verdict))
        })
        .filter(|c| {
            needle.is_empty()
                || contains_ignore_case(&c.quote, &needle)
                || contains_ignore_case(&c.note, &needle)
                || c.attribution
                    .as_deref()
                    .is_some_and(|a| contains_ignore_case(a, &needle))
        })
        .collect();
    let category_name = |id: Option<CategoryId>| {
        id.and_then(|id| project.category(id))
            .map_or("", |c| c.name.as_str())
    };
    match filter.sort {
        SortKey::Article => rows.sort_by_key(|c| (c.article_id, c.start, c.id)),
        SortKey::Category => rows.sort_by(|a, b| {
            category_name(a.category_id)
                .cmp(category_name(b.category_id))
                .then((a.article_id, a.start).cmp(&(b.article_id, b.start)))
        }),
        SortKey::Verdict => {
            rows.sort_by_cached_key(|c| (verdict_of(&c.verdict), c.article_id, c.start))
        }
        SortKey::Quote => rows.sort_by_cached_key(|c| (c.quote.to_lowercase(), c.id)),
    }
    if filter.descending {
        rows.reverse();
    }
    rows.into_iter().map(|c| c.id).collect()
}

/// Case-insensitive substring test without allocating when the haystack is ASCII.
fn contains_ignore_case(haystack: &str, needle_lower: &str) -> bool {
    if haystack.is_ascii() && needle_lower.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
        return n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle_lower)
}

/// The claims panel's state.
#[derive(Default)]
pub struct ClaimsPanel {
    pub filter: ClaimFilter,
    cache: Option<(u64, ClaimFilter, Vec<ClaimId>)>,
    /// Rows ticked for "Link as…".
    pub checked: BTreeSet<ClaimId>,
}

impl ClaimsPanel {
    /// The rows to show, from the cache when nothing changed.
    pub fn rows(&mut self, project: &Project) -> &[ClaimId] {
        let fresh = matches!(&self.cache, Some((rev, f, _)) if *rev == project.revision() && *f == self.filter);
        if !fresh {
            let rows = filter_claims(project, &self.filter);
            self.cache = Some((project.revision(), self.filter.clone(), rows));
        }
        self.cache.as_ref().map_or(&[], |(_, _, r)| r.as_slice())
    }

    /// Draws the panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        selected: Option<ClaimId>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.strong("Claims");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text("Filter quotes, notes, attributions")
                    .desired_width(220.0),
            );
            let cat_name = self
                .filter
                .category
                .and_then(|id| project.category(id))
                .map_or("All categories".to_owned(), |c| c.name.clone());
            let category_label = ui.label("Category");
            egui::ComboBox::from_id_salt("claims-category")
                .selected_text(cat_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.category, None, "All categories");
                    for c in project.categories() {
                        ui.selectable_value(&mut self.filter.category, Some(c.id), &c.name);
                    }
                })
                .response
                .labelled_by(category_label.id);
            let verdict_label = ui.label("Verdict");
            egui::ComboBox::from_id_salt("claims-verdict")
                .selected_text(
                    self.filter
                        .verdict
                        .clone()
                        .unwrap_or_else(|| "All verdicts".into()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.verdict, None, "All verdicts");
                    for v in project.verdicts() {
                        ui.selectable_value(
                            &mut self.filter.verdict,
                            Some(v.name.clone()),
                            &v.name,
                        );
                    }
                })
                .response
                .labelled_by(verdict_label.id);
            if self.checked.len() >= 2 {
                ui.menu_button(format!("Link {} as…", self.checked.len()), |ui| {
                    for kind in crate::model::LinkKind::ALL {
                        if ui.button(kind.label()).clicked() {
                            commands.push(Command::LinkClaims {
                                kind,
                                claims: self.checked.iter().copied().collect(),
                            });
                        }
                    }
                });
            }
            let total = project.claims().len();
            let shown = self.rows(project).len();
            ui.weak(format!(
                "{shown} of {}",
                super::plural::count(total, "claim")
            ));
        });

        let widths = [26.0, 180.0, 100.0, 100.0];
        // Columns after the quote, which takes what is left.
        let trailing = [("Attributed to", 130.0), ("Note", 180.0), ("Links", 120.0)];
        let spacing = ui.spacing().item_spacing.x;
        let fixed: f32 = widths.iter().sum::<f32>()
            + trailing.iter().map(|(_, w)| w).sum::<f32>()
            + spacing * (widths.len() + trailing.len()) as f32;
        let quote_w = (ui.available_width() - fixed).max(120.0);
        ui.horizontal(|ui| {
            ui.add_space(widths[0]);
            for (i, (key, name)) in [
                (SortKey::Article, "Article"),
                (SortKey::Category, "Category"),
                (SortKey::Verdict, "Verdict"),
                (SortKey::Quote, "Quote"),
            ]
            .into_iter()
            .enumerate()
            {
                let arrow = match (self.filter.sort == key, self.filter.descending) {
                    // egui's bundled font has no arrows; words read as well.
                    (true, false) => " (sorted)",
                    (true, true) => " (reversed)",
                    _ => "",
                };
                let w = widths.get(i + 1).copied().unwrap_or(quote_w);
                let text = egui::RichText::new(format!("{name}{arrow}")).strong();
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                let r = ui
                    .allocate_ui_with_layout(egui::vec2(w, 18.0), layout, |ui| {
                        ui.set_width(w);
                        ui.add(egui::Button::new(text).frame(false))
                    })
                    .inner;
                if r.on_hover_text("Sort by this column; click again to reverse")
                    .clicked()
                {
                    if self.filter.sort == key {
                        self.filter.descending = !self.filter.descending;
                    } else {
                        self.filter.sort = key;
                        self.filter.descending = false;
                    }
                }
            }
            for (name, w) in trailing {
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(egui::vec2(w, 18.0), layout, |ui| {
                    ui.set_width(w);
                    ui.strong(name);
                });
            }
        });
        ui.separator();

        let rows = self.rows(project).to_vec();
        let row_height = 20.0;
        egui::ScrollArea::vertical()
            .id_salt("claims-table")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for id in &rows[range] {
                    let Some(c) = project.claim(*id) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        ui.set_height(row_height);
                        let mut checked = self.checked.contains(id);
                        let tick = ui
                            .add_sized(
                                [widths[0] - 6.0, row_height],
                                egui::Checkbox::without_text(&mut checked),
                            )
                            .on_hover_text("Tick claims, then “Link as…”");
                        let name = format!("Tick “{}” for linking", c.quote);
                        tick.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, &name)
                        });
                        if tick.changed() {
                            if checked {
                                self.checked.insert(*id);
                            } else {
                                self.checked.remove(id);
                            }
                        }
                        let article = project
                            .article(c.article_id)
                            .map_or("?", |a| a.title.as_str());
                        let cat = c.category_id.and_then(|id| project.category(id));
                        let is_sel = selected == Some(*id);
                        let mut clicked = false;
                        clicked |= cell(ui, widths[1], egui::RichText::new(article), is_sel);
                        let cat_text = cat.map_or(egui::RichText::new("—"), |c| {
                            egui::RichText::new(&c.name).color(parse_hex(&c.color))
                        });
                        clicked |= cell(ui, widths[2], cat_text, is_sel);
                        clicked |= cell(
                            ui,
                            widths[3],
                            egui::RichText::new(c.verdict.as_deref().unwrap_or("Unverified")),
                            is_sel,
                        );
                        // An orphaned claim lies on an earlier version: say so, and do not
                        // reveal its offsets on the current text, where they mean other words.
                        let orphaned = project.is_orphaned(c);
                        let quote = if orphaned {
                            egui::RichText::new(format!(
                                "{} (orphaned: on an earlier version)",
                                c.quote
                            ))
                        } else {
                            egui::RichText::new(&c.quote)
                        };
                        clicked |= cell(ui, quote_w, quote, is_sel);
                        let who = c.attribution.as_deref().unwrap_or("");
                        clicked |= cell(ui, trailing[0].1, egui::RichText::new(who), is_sel);
                        // The note's first line; the whole note is in the inspector.
                        let note = c.note.lines().next().unwrap_or("");
                        clicked |= cell(
                            ui,
                            trailing[1].1,
                            egui::RichText::new(note).italics(),
                            is_sel,
                        );
                        let kinds: Vec<&str> =
                            project.links_of(*id).map(|l| l.kind.label()).collect();
                        clicked |= cell(
                            ui,
                            trailing[2].1,
                            egui::RichText::new(kinds.join(", ")),
                            is_sel,
                        );
                        if clicked {
                            commands.push(Command::SelectClaim(Some(*id)));
                        }
                        if clicked && !orphaned {
                            commands.push(Command::Reveal {
                                article: c.article_id,
                                start: c.start,
                                end: c.end,
                            });
                        }
                    });
                }
            });
    }
}

/// One left-aligned, clickable table cell of a fixed width.
fn cell(ui: &mut egui::Ui, width: f32, text: egui::RichText, selected: bool) -> bool {
    let size = egui::vec2(width, 18.0);
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            let empty = text.text().is_empty();
            let r = ui.add(egui::Button::selectable(selected, text).truncate());
            if empty {
                // A blank cell is still part of the clickable row; screen readers get a word.
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, "empty")
                });
            }
            r.clicked()
        },
    )
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Edit};

    fn project() -> Project {
        let text = "At least 139 people were killed. The toll was 133. Über 100 dead.";
        let mut p = Project::new(vec![Article {
            id: 1,
            path: "a.txt".into(),
            title: "A".into(),
            outlet: None,
            published: None,
            text: text.into(),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            author: None,
            url: None,
        }]);
        for (s, e, cat) in [(9, 12, 2), (46, 49, 2), (0, 32, 1), (51, 55, 1)] {
            let mut c = p.make_claim(1, s, e, Some(cat)).expect("claim");
            if s == 46 {
                c.verdict = Some("False".into());
            }
            p.apply(Edit::PutClaim(c)).expect("apply");
        }
        p
    }

    #[test]
    fn filters_by_category_verdict_and_text_ignoring_case() {
        let p = project();
        let all = filter_claims(&p, &ClaimFilter::default());
        assert_eq!(all.len(), 4);
        let figures = filter_claims(
            &p,
            &ClaimFilter {
                category: Some(2),
                ..Default::default()
            },
        );
        assert_eq!(figures.len(), 2);
        let false_ones = filter_claims(
            &p,
            &ClaimFilter {
                verdict: Some("False".into()),
                ..Default::default()
            },
        );
        assert_eq!(false_ones.len(), 1);
        let unverified = filter_claims(
            &p,
            &ClaimFilter {
                verdict: Some("Unverified".into()),
                ..Default::default()
            },
        );
        assert_eq!(
            unverified.len(),
            3,
            "claims without a verdict count as Unverified"
        );
        let text = filter_claims(
            &p,
            &ClaimFilter {
                text: "ÜBER".into(),
                ..Default::default()
            },
        );
        assert_eq!(text.len(), 1);
    }

    #[test]
    fn sorting_by_quote_reverses_on_request() {
        let p = project();
        let mut f = ClaimFilter {
            sort: SortKey::Quote,
            ..Default::default()
        };
        let up = filter_claims(&p, &f);
        f.descending = true;
        let mut down = filter_claims(&p, &f);
        down.reverse();
        assert_eq!(up, down);
        let first = p.claim(up[0]).expect("claim");
        assert_eq!(first.quote, "133");
    }
}
